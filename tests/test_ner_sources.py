"""training.ner.sources (the raw text of vectors.py, selftrain.py, distill.py) reads only dev-side
source groups: no written-news NER test source, no UD test sentence."""

from __future__ import annotations

import json
from collections import Counter

import pytest

pytest.importorskip("spacy")

from conftest import SHARED, needs_shared  # noqa: E402

from benchmarks.gold import news_ner  # noqa: E402
from benchmarks.gold.splits import split_of  # noqa: E402
from training.ner import sources  # noqa: E402


@needs_shared
def test_raw_text_holds_no_test_source() -> None:
    counts: Counter = Counter()
    yielded = list(sources.paragraphs(counts))
    seen = {para for _, para in yielded}
    for path in sources.GROUPED:  # both sides exist, and only the dev side is kept
        assert counts[f"{path}:test"] > 0 and counts[f"{path}:dev"] > 0
    for path in sources.GROUPED:
        with open(SHARED / "data" / path, encoding="utf-8") as f:
            for row in map(json.loads, f):
                if split_of({"file": path, "record": row["id"]}) == "test":
                    # e.g. an NTREX-128 reuters article or a KazQAD geo passage
                    paras = [p.strip() for p in row["text"].split("\n") if p.strip()]
                    assert not any(p in seen and len(p) > 40 for p in paras), row["id"]
    assert {src for src, _ in yielded} == {*sources.GROUPED, sources.UD_TRAIN}  # no UD test file
    assert counts[f"{sources.UD_TEST}:test"] > 0


@needs_shared
def test_no_news_gold_test_sentence_is_yielded() -> None:
    """Every sentence of the news NER gold's test split (by its source group) is absent from the text."""
    text = "\n".join(para for _, para in sources.paragraphs())
    test = [r for r in news_ner.records() if split_of(r["source"]) == "test" and "record" in r["source"]]
    assert test  # NTREX-128 and KazQAD test records exist
    leaked = sum(news_ner.sentence_text(r["source"], SHARED) in text for r in test)
    assert leaked == 0, f"{leaked} of {len(test)} news NER test sentences in the training text"  # count only
    dev = [r for r in news_ner.records() if split_of(r["source"]) == "dev" and "record" in r["source"]]
    assert sum(news_ner.sentence_text(r["source"], SHARED) in text for r in dev) > len(dev) // 2
