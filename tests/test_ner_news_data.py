"""training.ner.news_data's v3 rewrite: names of programmes, facilities and titles in guillemets."""

from __future__ import annotations

import random

import pytest

pytest.importorskip("spacy")

from training.ner import news_data  # noqa: E402


class Always(random.Random):
    def random(self) -> float:
        return 0.0


def test_quoted_name_leaves_the_descriptor_outside() -> None:
    words = ["Рухани", "жаңғыру", "бағдарламасы", "аясында", "Астанада", "форум", "өтті", "."]
    spans = [[0, 3, "PROJECT"], [4, 5, "GPE"]]
    new_words, new_spans = news_data._quoted_name(words, spans, Always())
    assert new_words[:4] == ["«", "Рухани", "жаңғыру", "»"]
    assert new_spans == [[1, 3, "PROJECT"], [6, 7, "GPE"]]
    assert new_words[6] == "Астанада"


def test_quoted_title_is_quoted_whole_and_quoted_names_stay() -> None:
    words = ["Абай", "жолы", "романы", "оқылды"]
    new_words, new_spans = news_data._quoted_name(words, [[0, 3, "ART"]], Always())
    assert new_words == ["«", "Абай", "жолы", "романы", "»", "оқылды"] and new_spans == [[1, 4, "ART"]]
    quoted = ["«", "Құрық", "»", "портына"]
    assert news_data._quoted_name(quoted, [[1, 2, "FACILITY"]], Always()) == (quoted, [[1, 2, "FACILITY"]])


def test_v3_keeps_the_v2_rewrites() -> None:
    sents = [(["Нұрлы", "жол", "бағдарламасы", "2015", "жылы", "басталды", "."],
              ["B-PROJECT", "I-PROJECT", "O", "B-DATE", "I-DATE", "O", "O"])] * 40
    v2 = news_data.augment(sents, seed=2, kinds="v2")
    v3 = news_data.augment(sents, seed=2, kinds="v3")
    assert any("«" in w for w, _ in v3) and not any("«" in w for w, _ in v2)
    assert len(v3) >= len(v2)
