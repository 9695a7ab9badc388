"""Every gold set takes its dev/test split from one partition of the shared sources."""

from __future__ import annotations

import pytest

from benchmarks.gold import news_ner, news_sentences
from benchmarks.gold.splits import SPLIT_OF_GROUP, group, split_of
from conftest import needs_shared


@pytest.mark.parametrize("gold", [news_sentences, news_ner], ids=["sentences", "ner"])
def test_each_record_has_its_groups_split(gold) -> None:
    wrong = [r["id"] for r in gold.records() if split_of(r["source"]) != r["split"]]
    assert not wrong, f"records whose split differs from benchmarks/gold/splits.py: {wrong[:5]}"


def test_a_group_without_a_split_is_refused() -> None:
    with pytest.raises(KeyError, match="no split"):
        split_of({"file": "news/apertium_kaz_rus_corpus/unknown-file"})


def test_both_sides_hold_every_kind_of_source() -> None:
    for kind in ("apertium_kaz_rus_corpus/", "ntrex128_kaz.jsonl#", "kazqad_val_passages.jsonl#"):
        sides = {s for g, s in SPLIT_OF_GROUP.items() if kind in g}
        assert sides == {"dev", "test"}, kind


def test_group_of_jsonl_sources() -> None:
    assert group({"file": "news/ntrex128_kaz.jsonl", "record": "ntrex128-bbc.381790"}).endswith("#bbc")
    assert group({"file": "other/kazqad_wiki/kazqad_val_passages.jsonl",
                  "record": "kazqad-val-bio0059bio#518100-0"}).endswith("#bio")


@needs_shared
def test_pdf_testset_dev_and_test_share_no_new_paragraph() -> None:
    # the crawl repeats lines across sites; round 19 found 164 paragraphs (30+ characters) in both splits
    # (records frozen since round 17, left as they are between test looks). A new pass must not add to them
    from benchmarks.testsets.pdf_testset.gold import shared_paragraphs

    both = shared_paragraphs()
    assert len(both) <= 164, len(both)
