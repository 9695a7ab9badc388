"""Build ``kaznlp/data/dehyph_compounds_kk.txt.gz``: closed compounds of the Kazakh Hunspell dictionary.

Run from the repository root, with ``../shared/data/lexicons`` present::

    python -m training.build_dehyph_compounds

A closed compound is a Hunspell stem written as one word that is two free words in a row
(``кертартпа`` = ``кер`` + ``тартпа``, ``қолшатыр`` = ``қол`` + ``шатыр``, ``жолжазба``): each
part a stem of the same dictionary or a form of kaznlp's corpus lexicon (``kaznlp/data/lexicon_kk.txt``),
of 3+ letters (the second of 4+: ``сот`` + ``тал`` is the passive verb stem ``соттал-``), the second
part no bare suffix (the first may look like one: ``кер`` + ``тартпа``). De-hyphenation reads it as
evidence for the *joined* form at a break between the two words (``кер-⏎тартпа``, ``қол⏎шатыр``),
where both pieces are words and nothing else says whether the text writes one word or two
(docs/dehyphenate.md, rule ``closed_compound``).

Source: Kazakh Hunspell dictionary (OpenOffice dict-kk, 2009; Debian ``hunspell-kk`` 1.1-3,
``kk_KZ.dic``), licensed GPL-2+ or LGPL-2.1+ or MPL-1.1+; this derived list is distributed
under MPL-1.1 (``LICENSES/``). The corpus lexicon only filters parts (CC BY-SA 4.0 sources,
no text of it is copied into the list beyond the Hunspell stems themselves).
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

from kaznlp.lang.affixes import suffix_allomorphs
from kaznlp.lang.lexicon import forms

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "kaznlp" / "data" / "dehyph_compounds_kk.txt.gz"
MIN_PART = 3
MIN_SECOND = 4  # сот + тал (соттал-, a passive verb stem) is no compound: a second part of 4+ letters
MIN_LEN = 6

HEADER = """# Closed compounds of the Kazakh Hunspell dictionary (two free words written as one), for kaznlp.dehyphenate.
# Built by: python -m training.build_dehyph_compounds
# Source: Kazakh Hunspell dictionary, OpenOffice dict-kk 2009 (Debian hunspell-kk 1.1-3, kk_KZ.dic),
#   ../shared/data/lexicons/hunspell_kk; licensed GPL-2+ or LGPL-2.1+ or MPL-1.1+ (the dictionary's
#   copyright file); this derived list is distributed under MPL-1.1 (LICENSES/MPL-1.1.txt).
# A stem of %d+ letters is kept when it splits into two parts of %d+ and 4+ letters, each a stem of the same
#   dictionary or a form of kaznlp/data/lexicon_kk.txt, the second no bare suffix. One lower-case stem a line.
# Front-coded (kaznlp.dehyphenate.morph.front_decode): a line that starts with a digit k (1-9) is the previous
#   word's first k letters + the rest of the line; kaznlp reads a plain list (one word a line) the same.
# SPDX-License-Identifier: MPL-1.1
"""


def front_code(words: list[str]) -> list[str]:
    """``абайсыздық`` after ``абайсызда`` → ``8ық`` (up to 9 shared letters): 34 → 25 KB compressed."""
    out, prev = [], ""
    for w in words:
        k = 0
        while k < min(len(prev), len(w), 9) and prev[k] == w[k]:
            k += 1
        out.append(f"{k}{w[k:]}" if k else w)
        prev = w
    return out


def hunspell_stems(path: Path) -> set[str]:
    out = set()
    with path.open(encoding="utf-8-sig") as f:
        next(f)  # the stem count
        for line in f:
            w = line.strip().split("/", 1)[0].lower()
            if w.isalpha():
                out.add(w)
    return out


def compounds(stems: set[str], lexicon: set[str]) -> list[str]:
    suffixes = suffix_allomorphs()
    first = {w for w in stems | lexicon if len(w) >= MIN_PART and w.isalpha()}
    second = {w for w in first if w not in suffixes and len(w) >= MIN_SECOND}
    out = []
    for w in sorted(stems):
        if len(w) < MIN_LEN:
            continue
        if any(w[:k] in first and w[k:] in second for k in range(MIN_PART, len(w) - MIN_SECOND + 1)):
            out.append(w)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    stems = hunspell_stems(args.shared / "lexicons" / "hunspell_kk" / "kk_KZ.dic")
    lexicon = {w for w in forms() if "-" not in w}
    words = compounds(stems, lexicon)
    text = HEADER % (MIN_LEN, MIN_PART) + "\n".join(front_code(sorted(words))) + "\n"
    with gzip.GzipFile(args.out, "wb", mtime=0) as f:
        f.write(text.encode("utf-8"))
    print(f"{args.out}: {len(words):,} compounds, {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
