"""Learn ``kaznlp/data/sentences_joins_kk.tsv``: evidence for a sentence end with no stop (issue 12).

A crawled or flattened page runs a headline, a caption or a line the crawl cut short into the next
sentence with no stop: ``… кездесуі өтті Жастардың жаңа бастамалары …``. Inside a sentence
a lower-case word is followed by a capitalised one all the time too (``… сапармен Астанаға …``,
``… облысы Қазақстанның …``), so :func:`kaznlp.split_sentences` weighs two pieces of evidence, each a
log-odds learned here without any hand labels (self-supervised):

* ``end``: how the word *before* the join ends. Kazakh is verb-final, so a finite predicate
  (``өтті``, ``қатысты``, ``басталады``, ``керек``) ends sentences, a case-marked noun or a
  converb (``Астанаға``, ``болып``) runs on. Keys are the whole word (``^өтті``) and its last
  one to five letters (``тті``), the longest key known wins.
* ``open``: what the capitalised word *after* the join is. A pronoun, conjunction or sentence
  adverb (``Бұл``, ``Сондай-ақ``) is capitalised only at a sentence start; a name or institution
  (``Қазақстан``, ``Үкімет``) anywhere. Keys are the lower-cased form, ``<caps>`` for an
  all-capitals word, ``<d>`` for a number and ``«`` for an opening quote.

Positives are real sentence ends with their stop deleted: a lower-case word, ``.`` and the first
word of the next sentence. Negatives are the same joins inside sentences: a lower-case word, one
space, a capitalised word, a number or a quote. Every source is well punctuated and none is test
material: UD Kazakh-KTB, KazNERD *valid* (not test), KazQAD Wikipedia passages of the *dev* subject
domains and NTREX-128 pages of the *dev* outlets (split of each record checked with
:func:`benchmarks.gold.splits.split_of`). The apertium crawl is not read: its licence is unclear (see
``../shared/data/README.md``), and the news gold is cut from it. Only counts and log-odds are stored, no
text. Run from the repository root::

    python -m training.sentences_joins            # print the strongest keys and the counts
    python -m training.sentences_joins --write    # rewrite kaznlp/data/sentences_joins_kk.tsv
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from benchmarks.gold import ud_ktb
from kaznlp._data import write_file
from benchmarks.gold.shared import shared_dir
from benchmarks.gold.splits import split_of

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kaznlp" / "data" / "sentences_joins_kk.tsv.xz"  # shipped xz-compressed
KAZQAD = "other/kazqad_wiki/kazqad_val_passages.jsonl"
NTREX = "news/ntrex128_kaz.jsonl"

_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*\Z")
_START, _END = "\x02", "\x03"  # around a sentence whose neighbours are unknown
#: the longest suffix key (letters); longer words back off to it
MAX_SUFFIX = 5
#: keys seen fewer times than this (positive + negative) are not stored
MIN_COUNT = 4
#: additive smoothing of the log-odds (counts + ALPHA)
ALPHA = 1.0


def _abbreviations() -> set[str]:
    from kaznlp import _data
    return {a[:-1] for a in _data.abbreviations() if a.endswith(".")}


def open_key(tok: str) -> str | None:
    """The ``open`` key of a token after a join, or ``None`` if it cannot start a sentence."""
    c = tok[0]
    if c.isdigit():
        return "<d>"
    if c == "«":
        return "«"
    if not _WORD.match(tok) or not c.isupper():
        return None
    if len(tok) > 1 and tok.replace("-", "").isupper():
        return "<caps>"
    return tok.lower()


def end_keys(word: str) -> list[str]:
    """The ``end`` keys of a lower-case word before a join, longest first (``^өтті``, ``өтті``, ``тті`` …)."""
    return ["^" + word] + [word[-n:] for n in range(min(MAX_SUFFIX, len(word)), 0, -1)]


def _line_streams(shared: Path) -> Iterator[list[str]]:
    """Token lists of well-punctuated lines (several sentences each), from the non-test sources.

    A KazNERD sentence (the sentences are shuffled, so the next one is unknown) is yielded with
    :data:`_START` before it and :data:`_END` after it: its first word is a sentence start and its
    last word before the stop a sentence end.
    """
    data = shared / "data"
    for doc in ud_ktb.load():  # UD KTB: the documents of consecutive sentences
        yield _TOKEN.findall(doc.text)
    with open(data / "kaznerd" / "IOB2_valid.txt", encoding="utf-8") as f:  # KazNERD valid only
        toks: list[str] = [_START]
        for line in f:
            if line.strip():
                toks.append(line.rsplit(" ", 1)[0])
            elif len(toks) > 1:
                yield toks + [_END]
                toks = [_START]
        if len(toks) > 1:
            yield toks + [_END]
    with open(data / KAZQAD, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            try:
                if split_of({"file": KAZQAD, "record": rec["id"]}) != "dev":
                    continue
            except KeyError:
                continue
            for para in rec["text"].split("\n"):
                yield _TOKEN.findall(para)
    with open(data / NTREX, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if split_of({"file": NTREX, "record": rec["id"]}) != "dev":
                continue
            yield _TOKEN.findall(rec["text"].replace("\n", " "))


def count(shared: Path) -> dict[str, collections.Counter]:
    """Positive and negative counts of every ``end`` and ``open`` key."""
    abbr = _abbreviations()
    c = {k: collections.Counter() for k in ("end+", "end-", "open+", "open-")}
    for toks in _line_streams(shared):
        n = len(toks)
        if n > 1 and toks[0] == _START:
            key = open_key(toks[1])
            if key is not None:
                c["open+"][key] += 1
        for i in range(n - 1):
            w = toks[i]
            if not (w[0].islower() and _WORD.match(w) and w.islower()):
                continue
            if toks[i + 1] == "." and i + 2 < n:
                if len(w) < 2 or w in abbr or i and toks[i - 1] == ".":
                    continue  # "млн. Астана", "т.б." : not a sentence end for sure
                if toks[i + 2] == _END:
                    for k in end_keys(w):
                        c["end+"][k] += 1
                    continue
                key = open_key(toks[i + 2])
                if key is None:
                    continue
                kind = "+"
            else:
                key = open_key(toks[i + 1])
                if key is None:
                    continue
                kind = "-"
            c["open" + kind][key] += 1
            for k in end_keys(w):
                c["end" + kind][k] += 1
    return c


def log_odds(pos: collections.Counter, neg: collections.Counter) -> dict[str, tuple[float, int, int]]:
    """``{key: (log-odds, positives, negatives)}`` for keys seen at least :data:`MIN_COUNT` times."""
    n_pos = sum(v for k, v in pos.items() if not k.startswith("^")) or 1
    n_neg = sum(v for k, v in neg.items() if not k.startswith("^")) or 1
    out = {}
    for key in set(pos) | set(neg):
        p, q = pos[key], neg[key]
        if p + q < MIN_COUNT:
            continue
        out[key] = (math.log((p + ALPHA) / n_pos) - math.log((q + ALPHA) / n_neg), p, q)
    return out


def table(shared: Path) -> list[tuple[str, str, float, int, int]]:
    c = count(shared)
    rows = []
    for kind in ("end", "open"):
        lo = log_odds(c[kind + "+"], c[kind + "-"])
        if kind == "end":  # a suffix key is kept only where it says more than its shorter suffix
            keep = {}
            for key, v in lo.items():
                shorter = key[1:] if not key.startswith("^") else key[1:][-MAX_SUFFIX:]
                while shorter and shorter not in lo:
                    shorter = shorter[1:]
                if len(key) == 1 or not shorter or abs(v[0] - lo[shorter][0]) >= 0.25:
                    keep[key] = v
            lo = keep
        rows += [(kind, k, v[0], v[1], v[2]) for k, v in sorted(lo.items())]
    n_pos = sum(c["open+"].values())
    n_neg = sum(c["open-"].values())
    rows.append(("prior", "", math.log(n_pos / n_neg), n_pos, n_neg))
    return rows


HEADER = """\
# Evidence for a sentence end with no stop, for kaznlp.split_sentences (issue 12): log-odds that a join
# "lower-case word, space, capitalised word" is a sentence end whose stop is missing.
# kind: end = the word before the join (^whole word, or its last 1-5 letters; the longest known key wins),
#       open = the word after it (lower-cased; <caps> all-capitals word, <d> number, « opening quote),
#       prior = log(positives / negatives) of the training joins.
# Learned without hand labels by training/sentences_joins.py: positives are real sentence ends with their
# stop deleted, negatives the same joins inside sentences, from UD Kazakh-KTB (CC BY-SA 4.0), KazNERD valid
# (CC BY 4.0), KazQAD dev domains and NTREX-128 dev outlets (CC BY-SA 4.0): no test material, no apertium
# crawl text. Counts only, no text. Keys seen fewer than 4 times are left out (an unknown key scores 0).
# Sources: UniversalDependencies/UD_Kazakh-KTB @e9f3b87, IS2AI/KazQAD @ab8684a (valid passages),
# MicrosoftTranslator/NTREX @8561f6a, IS2AI/KazNERD @bd4333d (IOB2_valid.txt only).
# Distributed under CC BY-SA 4.0 (attribution: the sources above; KazNERD is CC BY 4.0).
# SPDX-License-Identifier: CC-BY-SA-4.0
# kind\tkey\tlog_odds\tpositives\tnegatives
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="shared folder (default: $KAZNLP_SHARED or <repo>/../shared)")
    ap.add_argument("--write", action="store_true", help="rewrite the data file")
    args = ap.parse_args(argv)
    rows = table(shared_dir(args.shared))
    if args.write:
        write_file(DATA, HEADER + "".join(f"{k}\t{key}\t{v:.2f}\t{p}\t{q}\n" for k, key, v, p, q in rows))
    for kind in ("end", "open"):
        sel = sorted((r for r in rows if r[0] == kind), key=lambda r: -r[2])
        print(kind, len(sel), "keys; strongest:", " ".join(f"{r[1]}:{r[2]:.1f}({r[3]}/{r[4]})" for r in sel[:25]))
        print(kind, "weakest:", " ".join(f"{r[1]}:{r[2]:.1f}({r[3]}/{r[4]})" for r in sel[-15:]))
    print("prior", [r for r in rows if r[0] == "prior"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
