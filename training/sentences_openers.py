"""Recount the evidence for ``kaznlp/data/sentences_openers_kk.tsv`` (issue 12).

The data file lists closed-class Kazakh words (pronouns, conjunctions, sentence adverbs,
weekday names) that ``kaznlp.split_sentences`` reads as a sentence start when one of them
follows a lower-case word, capitalised, with no stop between. The forms and classes are
chosen from Kazakh grammar; this script measures, in corpora that are neither the news gold
nor UD KTB, how each form is written:

* ``init``: capitalised at a sentence start (first word, or after an opening quote or dash),
* ``mid``: capitalised right after a lower-case word (where the rule would cut),
* ``lower``: in lower case anywhere.

Corpora: KazNERD valid+test (sentences given; CC BY 4.0) and the KazQAD Wikipedia passages
of the *dev* subject domains (sentences cut at ``. ! ?``; CC BY-SA 4.0). Run from the repository
root with ``../shared`` present::

    python -m training.sentences_openers            # print the counts, flag any form with mid > 0
    python -m training.sentences_openers --check    # exit 1 if a listed form has mid > 0
    python -m training.sentences_openers --write    # rewrite the count columns of the data file
    python -m training.sentences_openers --candidates 20   # forms never capitalised mid-sentence, init >= 20
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from benchmarks.gold.shared import shared_dir
from benchmarks.gold.splits import split_of

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kaznlp" / "data" / "sentences_openers_kk.tsv"
KAZQAD = "other/kazqad_wiki/kazqad_val_passages.jsonl"

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*\Z")
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+|[^\w\s]")
_OPENING = {"«", '"', "“", "–", "—", "-"}


def _kaznerd_sentences(path: Path) -> Iterator[list[str]]:
    tokens: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip():
                tokens.append(line.rsplit(" ", 1)[0])
            elif tokens:
                yield tokens
                tokens = []
    if tokens:
        yield tokens


def _kazqad_sentences(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            try:
                if split_of({"file": KAZQAD, "record": rec["id"]}) != "dev":
                    continue  # the test domains of the gold are not read
            except KeyError:
                continue
            for para in rec["text"].split("\n"):
                cur: list[str] = []
                for tok in _TOKEN.findall(para):
                    cur.append(tok)
                    if tok in ".!?":
                        yield cur
                        cur = []
                if cur:
                    yield cur


def count(sentences: Iterable[list[str]]) -> dict[str, collections.Counter]:
    """``{"init", "mid", "lower"}`` counters of lower-cased word forms."""
    init: collections.Counter = collections.Counter()
    mid: collections.Counter = collections.Counter()
    lower: collections.Counter = collections.Counter()
    for tokens in sentences:
        prev = None
        for tok in tokens:
            if _WORD.match(tok):
                w = tok.lower()
                if tok.islower():
                    lower[w] += 1
                elif tok[0].isupper() and (tok[1:].islower() or len(tok) == 1):
                    if prev is None or prev in _OPENING:
                        init[w] += 1
                    elif _WORD.match(prev) and prev.islower():
                        mid[w] += 1
            prev = tok
    return {"init": init, "mid": mid, "lower": lower}


def evidence(shared: str | None = None) -> dict[str, collections.Counter]:
    data = shared_dir(shared) / "data"

    def sentences() -> Iterator[list[str]]:
        for name in ("IOB2_valid.txt", "IOB2_test.txt"):
            yield from _kaznerd_sentences(data / "kaznerd" / name)
        yield from _kazqad_sentences(data / KAZQAD)

    return count(sentences())


def read_rows(path: Path = DATA) -> tuple[list[str], list[list[str]]]:
    header, rows = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            header.append(line)
        else:
            rows.append(line.split("\t"))
    return header, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="shared folder (default: $KAZNLP_SHARED or <repo>/../shared)")
    ap.add_argument("--check", action="store_true", help="exit 1 if a listed form is capitalised mid-sentence")
    ap.add_argument("--write", action="store_true", help="rewrite the count columns of the data file")
    ap.add_argument("--candidates", type=int, metavar="N",
                    help="print unlisted forms with mid = 0 and init >= N (for review against grammar)")
    args = ap.parse_args(argv)
    ev = evidence(args.shared)
    header, rows = read_rows()
    bad = []
    for row in rows:
        w = row[0]
        row[2:5] = [str(ev["init"][w]), str(ev["mid"][w]), str(ev["lower"][w])]
        if ev["mid"][w]:
            bad.append(w)
        if not args.check:
            print("\t".join(row) + ("   <-- capitalised mid-sentence" if ev["mid"][w] else ""))
    if args.candidates is not None:
        listed = {r[0] for r in rows}
        cands = sorted((w for w, n in ev["init"].items() if n >= args.candidates and not ev["mid"][w]
                        and w not in listed), key=lambda w: -ev["init"][w])
        print("candidates:", " ".join(f"{w}:{ev['init'][w]}" for w in cands))
    if args.write:
        DATA.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
    if bad:
        print(f"{len(bad)} listed forms are capitalised after a lower-case word: {' '.join(bad)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
