"""The open raw Kazakh text that NER training may read besides KazNERD: dev-side source groups only.

Shared by ``vectors.py`` (floret vectors), ``selftrain.py`` (silver data) and ``distill.py``
(teacher labels), so that none of them sees the text of a written-news NER **test** source:
of NTREX-128 and KazQAD only the records whose source group ``benchmarks/gold/splits.py``
puts on the **dev** side (NTREX-128 outlets, KazQAD subject domains), of UD Kazakh-KTB only
the train file (its test file is a benchmark). All CC BY-SA 4.0; never the GPL apertium
crawl, never KazNERD test.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from benchmarks.gold.splits import split_of

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
GROUPED = ("news/ntrex128_kaz.jsonl", "other/kazqad_wiki/kazqad_val_passages.jsonl")
UD_TRAIN = "ud_kk_ktb/kk_ktb-ud-train.conllu"
UD_TEST = "ud_kk_ktb/kk_ktb-ud-test.conllu"


def paragraphs(counts: Counter | None = None) -> Iterator[tuple[str, str]]:
    """(source file, paragraph) of the dev-side groups only. ``counts`` gets the records per
    ``"file:dev"`` / ``"file:test"`` (UD: sentences; the test file's are counted, never read)."""
    for path in GROUPED:
        with open(SHARED / path, encoding="utf-8") as f:
            rows = [json.loads(r) for r in f]
        for row in rows:
            side = split_of({"file": path, "record": row["id"]})
            if counts is not None:
                counts[f"{path}:{side}"] += 1
            if side != "dev":
                continue
            for para in row["text"].split("\n"):
                if para.strip():
                    yield path, para.strip()
    with open(SHARED / UD_TRAIN, encoding="utf-8") as f:
        for row in f:
            if row.startswith("# text = "):
                if counts is not None:
                    counts[f"{UD_TRAIN}:dev"] += 1
                yield UD_TRAIN, row[9:].strip()
    if counts is not None:
        with open(SHARED / UD_TEST, encoding="utf-8") as f:
            counts[f"{UD_TEST}:test"] += sum(row.startswith("# text = ") for row in f)


def report(counts: Counter) -> str:
    """One line per source file: records kept (dev side) and dropped (test side)."""
    files = sorted({key.rsplit(":", 1)[0] for key in counts})
    return "\n".join(f"{name}: {counts[name + ':dev']} records kept (dev side), {counts[name + ':test']} dropped"
                     for name in files)
