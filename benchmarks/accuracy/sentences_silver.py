"""Silver check of the sentence splitter on flattened DEV pages (issue 12): every dev apertium line.

The news gold annotates some lines of each dev apertium file; this script reads all of them,
without hand labels. A file is cut into pieces of ``--lines`` consecutive non-blank lines, each
piece joined with single spaces (a flattened web page, like the gold's ``space`` variant). The
silver boundaries of a piece are its line starts (in the crawl a line is a paragraph, a headline or
a line cut at 192 characters: the gold's conventions make each a boundary) and the boundaries the
splitter finds inside each line read alone (with line breaks the splitter scores 99.9 on dev).
So the score says how much of what the line breaks told is found again once they are gone, and
how many cuts inside lines flattening adds. Only **dev** files (``benchmarks/gold/splits.py``)::

    python -m benchmarks.accuracy.sentences_silver                 # P/R/F1 per dev file and overall
    python -m benchmarks.accuracy.sentences_silver --errors 40     # and 40 sampled misses / false cuts

NTREX dev outlets are read the same way (one sentence per line, though a few lines hold two).
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path

from benchmarks.gold.shared import shared_dir
from benchmarks.gold.splits import SPLIT_OF_GROUP
from kaznlp import split_sentences

_AP = "news/apertium_kaz_rus_corpus/"
_NT = "news/ntrex128_kaz.jsonl#"


def dev_pieces(lines_per_piece: int, shared: Path) -> Iterator[tuple[str, list[str]]]:
    """``(group, lines)`` for every piece of every dev apertium file and dev NTREX document."""
    data = shared / "data"
    for group, split in SPLIT_OF_GROUP.items():
        if split != "dev":
            continue
        if group.startswith(_AP):
            raw = (data / group).read_text(encoding="utf-8").splitlines()
            lines = [ln.strip() for ln in raw if ln.strip()]
            for i in range(0, len(lines), lines_per_piece):
                yield group[len(_AP):], lines[i:i + lines_per_piece]
    ntrex = data / "news" / "ntrex128_kaz.jsonl"
    for row in ntrex.read_text(encoding="utf-8").splitlines():
        rec = json.loads(row)
        outlet = rec["id"].split("-", 1)[1].split(".", 1)[0]
        if SPLIT_OF_GROUP.get(_NT + outlet) == "dev":
            lines = [ln.strip() for ln in (rec["title"] + "\n" + rec["text"]).splitlines() if ln.strip()]
            yield "ntrex-" + outlet, lines


def silver(lines: list[str]) -> tuple[str, set[int], set[int]]:
    """The flattened text, its silver boundaries (sentence starts but the first) and the line starts."""
    text = " ".join(lines)
    gold: set[int] = set()
    starts: set[int] = set()
    pos = 0
    for line in lines:
        if pos:
            starts.add(pos)
        gold.update(pos + s.start for s in split_sentences(line))
        pos += len(line) + 1
    gold.discard(0)
    return text, gold | starts, starts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=12, help="lines per piece (default 12)")
    ap.add_argument("--errors", type=int, default=0, help="print this many sampled errors of each kind")
    ap.add_argument("--group", help="only this group (file name or ntrex-OUTLET)")
    ap.add_argument("--width", type=int, default=70)
    args = ap.parse_args(argv)
    per: dict[str, list[int]] = {}
    errors: dict[str, list[str]] = {"MISS": [], "FALSE": []}
    for group, lines in dev_pieces(args.lines, shared_dir(None)):
        if args.group and group != args.group:
            continue
        text, gold, starts = silver(lines)
        pred = {s.start for s in split_sentences(text)} - {0}
        c = per.setdefault(group, [0, 0, 0])
        c[0] += len(gold & pred)
        c[1] += len(pred - gold)
        c[2] += len(gold - pred)
        w = args.width
        for kind, cuts in (("MISS", gold - pred), ("FALSE", pred - gold)):
            for k in sorted(cuts):
                errors[kind].append(f"{kind:5} {group:18} {text[max(0, k - w):k]!r} || {text[k:k + w]!r}")
    total = [sum(c[i] for c in per.values()) for i in range(3)]
    for group, (tp, fp, fn) in sorted(per.items()) + [("ALL", tuple(total))]:
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{group:20} P {100 * p:6.2f} R {100 * r:6.2f} F1 {100 * f:6.2f}  (tp {tp}, fp {fp}, fn {fn})")
    rng = random.Random(12)
    for rows in errors.values():
        for row in sorted(rng.sample(rows, min(args.errors, len(rows)))):
            print(row)


if __name__ == "__main__":
    main()
