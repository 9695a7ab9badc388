"""News sentence gold set (issue 12): build, verify and load it.

The gold is ``benchmarks/gold/data/news_sentences.jsonl``: one record per document,
stored as a source reference plus sentence offsets, never as copied text::

    {"id": "pm-003", "split": "test",
     "source": {"file": "news/apertium_kaz_rus_corpus/primeminister-kaz-860", "lines": [80, 84]},
     "sha1": "...", "sentences": [[0, 41], [42, 120], ...]}

``lines`` are 1-based and inclusive. For the JSONL sources (NTREX-128, KazQAD Wikipedia)
the source is ``{"file": ..., "record": <id>, "fields": ["title", "text"]}``: the lines of
those fields in that order. The text of a document is its source lines (line terminators
as defined by :mod:`kaznlp.linebreaks` removed, trailing whitespace stripped) joined with
``"\\n"`` (``variant="lines"``); the ``"space"`` variant replaces each joining ``"\\n"`` by
``" "``, so offsets are the same in both. ``sha1`` is of the line variant, UTF-8.

Dev and test are disjoint by *source group* (:func:`group`): the file for the apertium
crawl, the original outlet for NTREX-128 (one file holding bbc, reuters, ... pages) and the
Wikipedia subject domain for KazQAD. The conventions are in ``docs/tokenize.md``
("Sentence conventions for news"). Tune on dev only; report test.

>>> docs = load("dev")                                   # doctest: +SKIP
>>> doc_id, text, spans = docs[0]                        # doctest: +SKIP
>>> [text[a:b] for a, b in spans][:2]                    # doctest: +SKIP
['… (ВИДЕО)', 'АСТАНА. ҚазАқпарат - …']
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from benchmarks.gold.shared import (GoldSourceError, file_lines, jsonl_records, lines_of, read_jsonl,  # noqa: F401
                                    sha1, shared_dir)
from benchmarks.gold.splits import group  # noqa: F401  (re-exported)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DATA = HERE / "data" / "news_sentences.jsonl"
SPLITS = ("dev", "test")
VARIANTS = ("space", "lines")


def source_lines(source: dict, shared: str | os.PathLike | None = None) -> list[str]:
    """The source lines of one document, trailing whitespace stripped."""
    path = shared_dir(shared) / "data" / source["file"]
    if not path.is_file():
        raise GoldSourceError(f"news gold: source file {path} not found (set KAZNLP_SHARED to the shared folder)")
    if "lines" in source:
        first, last = source["lines"]
        lines = file_lines(str(path))
        if not 1 <= first <= last <= len(lines):
            raise GoldSourceError(f"news gold: lines {first}-{last} outside {path} ({len(lines)} lines)")
        raw = list(lines[first - 1:last])
    else:
        rec = jsonl_records(str(path)).get(source["record"])
        if rec is None:
            raise GoldSourceError(f"news gold: record {source['record']!r} not in {path}")
        raw = [ln for field in source.get("fields", ["text"]) for ln in lines_of(rec[field])]
    return [ln.rstrip() for ln in raw]


def build_text(source: dict, variant: str = "lines", shared: str | os.PathLike | None = None) -> str:
    """The document text: lines joined with ``"\\n"`` (``lines``) or ``" "`` (``space``); same offsets."""
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {VARIANTS}, not {variant!r}")
    return ("\n" if variant == "lines" else " ").join(source_lines(source, shared))


def records(path: str | os.PathLike = DATA) -> list[dict]:
    """The raw gold records (no text)."""
    return read_jsonl(path)


def load(split: str, variant: str = "space", shared: str | os.PathLike | None = None,
         path: str | os.PathLike = DATA) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """``(id, text, sentence spans)`` for every document of *split*, text rebuilt and checked.

    Raises :class:`GoldSourceError` when ``../shared`` is absent or its text differs from the
    annotated text (the sha1 does not match).
    """
    if split not in SPLITS + ("all",):
        raise ValueError(f"split must be one of {SPLITS} or 'all', not {split!r}")
    out = []
    for rec in records(path):
        if split != "all" and rec["split"] != split:
            continue
        text = build_text(rec["source"], "lines", shared)
        if sha1(text) != rec["sha1"]:
            raise GoldSourceError(
                f"news gold {rec['id']}: text rebuilt from {rec['source']} has sha1 {sha1(text)}, "
                f"annotated {rec['sha1']}: ../shared differs from the data the gold was made on")
        if variant == "space":
            text = text.replace("\n", " ")
        elif variant != "lines":
            raise ValueError(f"variant must be one of {VARIANTS}, not {variant!r}")
        out.append((rec["id"], text, [tuple(s) for s in rec["sentences"]]))
    return out


def show(doc_id: str, shared: str | os.PathLike | None = None) -> str:
    """One document with its gold sentences numbered, one per line (for reviewing the gold)."""
    for rec in records():
        if rec["id"] == doc_id:
            text = build_text(rec["source"], "lines", shared)
            return "\n".join(f"{i:3d} {text[a:b]!r}" for i, (a, b) in enumerate(rec["sentences"], 1))
    raise KeyError(doc_id)


def summary(path: str | os.PathLike = DATA) -> dict[str, dict[str, int]]:
    """Documents, sentences and source groups per split."""
    out: dict[str, dict[str, int]] = {}
    for split in SPLITS:
        recs = [r for r in records(path) if r["split"] == split]
        out[split] = {"documents": len(recs), "sentences": sum(len(r["sentences"]) for r in recs),
                      "source_groups": len({group(r["source"]) for r in recs}),
                      "files": len({r["source"]["file"] for r in recs})}
    return out


if __name__ == "__main__":  # python -m benchmarks.gold.news_sentences [doc-id]
    if len(sys.argv) > 1:
        print(show(sys.argv[1]))
    else:
        print(json.dumps(summary(), indent=1))
