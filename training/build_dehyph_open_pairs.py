"""Build ``kaznlp/data/dehyph_open_pairs_kk.txt``: the hyphenated pairs of the corpus lexicon that the same
corpus writes apart far more often (``денсаулық сақтау`` 70 times, ``денсаулық-сақтау`` once).

The lexicon keeps every hyphenated form seen once (``training/build_lexicon.py``), so a variant spelling of
an open phrase becomes evidence for a lost real hyphen (``lost_hyphens.lost_real_hyphen``). A pair is
listed (left part, first 4 letters of the right part, as ``Evidence.pairs``) when the open sources (the
lexicon's, dev/test documents held out) write it apart at least :data:`MIN_OPEN` times and
:data:`RATIO` times as often as hyphenated, and its right part is no suffix chain (``АҚШ пен``/
``АҚШ-пен`` is the conjunction or the case ending, not a spelling variant). Run from the repository
root, with ``../shared/data`` present::

    python -m training.build_dehyph_open_pairs
"""

from __future__ import annotations

import collections
import sys
from pathlib import Path

from kaznlp.dehyphenate.resources import is_chain
from kaznlp.lang.lexicon import forms
from training.build_lexicon import SHARED, iter_texts, normalize_word

OUT = Path(__file__).resolve().parent.parent / "kaznlp" / "data" / "dehyph_open_pairs_kk.txt"
MIN_OPEN, RATIO = 5, 3


def build(shared: Path) -> list[tuple[str, str, int, int]]:
    """``(left, right[:4], apart, hyphenated)`` of every listed pair, sorted."""
    hyph: collections.Counter[tuple[str, str]] = collections.Counter()
    apart: collections.Counter[tuple[str, str]] = collections.Counter()
    for _, text in iter_texts(shared):
        toks = [normalize_word(t) for t in text.split()]
        for w, nxt in zip(toks, toks[1:] + [None]):
            if w and w.count("-") == 1:
                x, y = w.split("-")
                hyph[(x, y[:4])] += 1
            elif w and nxt and "-" not in nxt:
                apart[(w, nxt[:4])] += 1
    # (left, right[:4]) of every hyphenated lexicon form, as ``Evidence.pairs`` reads them
    pairs = {(p[i], p[i + 1][:4]) for w in forms() if "-" in w for p in [w.split("-")] for i in range(len(p) - 1)}
    return sorted((x, y, apart[(x, y)], hyph[(x, y)]) for x, y in pairs
                  if apart[(x, y)] >= MIN_OPEN and apart[(x, y)] >= RATIO * hyph[(x, y)] and not is_chain(y))


def main() -> int:
    rows = build(SHARED)
    head = [
        "# Hyphenated pairs of the corpus lexicon (data/lexicon_kk.txt) that the same open sources write apart",
        f"# at least {MIN_OPEN} times and {RATIO} times as often (денсаулық сақтау 70 : денсаулық-сақтау 1): an open",
        "# phrase, not a pair word, so a line break between them is no lost real hyphen (kaznlp.dehyphenate,",
        "# rule lost_real_hyphen, docs/dehyphenate.md Round 19). Columns: left part, first 4 letters of the",
        "# right part, written apart, written hyphenated. Built by python -m training.build_dehyph_open_pairs",
        "# from NTREX-128, KazQAD, KazNERD and UD Kazakh-KTB (the lexicon's sources and licences, dev/test held out).",
        "# SPDX-License-Identifier: CC-BY-SA-4.0",
    ]
    OUT.write_text("\n".join(head + [f"{x}\t{y}\t{a}\t{h}" for x, y, a, h in rows]) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} pairs)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
