"""The ``kaznlp`` command: ``kaznlp process FILE... | -`` and ``kaznlp demo``.

Each input document becomes one JSON line: ``{"id", "source", "text", "sentences":
[{"start", "end", "text", "tokens": [[start, end, text, kind], ...]}]}``, all offsets
into the document's original text.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TextIO

from . import __version__
from .pipeline import process

SAMPLE = "sample_kk.txt"


def _sample_text() -> str:
    return resources.files("kaznlp").joinpath("data", SAMPLE).read_text(encoding="utf-8")


def _documents(inputs: Sequence[str], encoding: str) -> Iterator[tuple[str, str, str]]:
    """Yield ``(id, source, text)`` for each input (a file, a folder of ``*.txt``, or ``-``)."""
    for name in inputs:
        if name == "-":
            yield "stdin", "-", sys.stdin.read()
            continue
        path = Path(name)
        files = sorted(p for p in path.rglob("*.txt") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            yield f.stem, str(f), f.read_text(encoding=encoding)


def _record(doc_id: str, source: str, text: str, args: argparse.Namespace) -> dict:
    doc = process(text, normalize=not args.no_normalize, dehyphenate=not args.no_dehyphenate)
    return {"id": doc_id, "source": source, **doc.to_dict()}


def _write(records: Iterator[dict], out: TextIO) -> None:
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kaznlp", description="Kazakh news text preprocessing.")
    parser.add_argument("--version", action="version", version=f"kaznlp {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("process", help="process text files (or - for stdin) into JSONL")
    p.add_argument("inputs", nargs="*", help="text files, folders of *.txt, or - for stdin")
    p.add_argument("-o", "--output", help="write JSONL here (default: standard output)")
    p.add_argument("--sample", action="store_true", help="process the bundled sample article")
    p.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    p.add_argument("--no-normalize", action="store_true", help="skip Cyrillic normalization")
    p.add_argument("--no-dehyphenate", action="store_true", help="skip line-break repair")
    d = sub.add_parser("demo", help="process the bundled sample article and print JSONL")
    d.set_defaults(inputs=[], output=None, sample=True, encoding="utf-8", no_normalize=False, no_dehyphenate=False)
    args = parser.parse_args(argv)

    if args.sample:
        docs: Iterator[tuple[str, str, str]] = iter([("sample", f"kaznlp/data/{SAMPLE}", _sample_text())])
    elif args.inputs:
        docs = _documents(args.inputs, args.encoding)
    else:
        parser.error("give input files, - for stdin, or --sample")
    records = (_record(i, s, t, args) for i, s, t in docs)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            _write(records, out)
    else:
        _write(records, sys.stdout)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
