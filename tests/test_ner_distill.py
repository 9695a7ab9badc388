"""training.ner.distill reads only dev-side source groups: no news NER test text gets teacher labels."""

from __future__ import annotations

import json
from collections import Counter

import pytest

pytest.importorskip("spacy")

from conftest import SHARED, needs_shared  # noqa: E402

from benchmarks.gold.splits import split_of  # noqa: E402
from training.ner import distill  # noqa: E402


@needs_shared
def test_teacher_text_holds_no_test_source() -> None:
    counts: Counter = Counter()
    seen = {para for _, para in distill.paragraphs(counts)}
    assert counts["news/ntrex128_kaz.jsonl:test"] > 0 and counts["news/ntrex128_kaz.jsonl:dev"] > 0
    for path in distill.GROUPED:
        with open(SHARED / "data" / path, encoding="utf-8") as f:
            for row in map(json.loads, f):
                if split_of({"file": path, "record": row["id"]}) == "test":
                    # e.g. an NTREX-128 reuters article or a KazQAD geo passage
                    paras = [p.strip() for p in row["text"].split("\n") if p.strip()]
                    assert not any(p in seen and len(p) > 40 for p in paras), row["id"]
    assert not any("ud-test" in src for src, _ in distill.paragraphs())
