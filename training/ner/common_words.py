"""Build ``kaznlp/data/ner_common_words_kk.txt``: words that KazNERD writes in lower case.

A capitalised word at the start of a sentence is capitalised by position, not because it is a
name: ``Конференцияда сот жүйесін цифрландыруға назар аударылды`` (seed 004) begins with the
common noun *конференция* (locative), which a model trained on names may take for a GPE.
``kaznlp.ner.rules`` drops a one-word name entity (PERSON, GPE, LOCATION, ORGANISATION,
FACILITY) that opens a sentence when its lower-cased form is in this list.

A form is listed when, in KazNERD's valid split (CC BY 4.0; the test split is not read), it
occurs at least ``--min-count`` times in lower case *inside* a sentence (never first) and never
capitalised inside a sentence, and is never part of an entity.

    python -m training.ner.common_words      # -> kaznlp/data/ner_common_words_kk.txt
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from kaznlp._data import write_file  # noqa: E402
from kaznlp.ner.conll import read_iob2  # noqa: E402

HEADER = """# Kazakh word forms that KazNERD writes in lower case inside a sentence (never capitalised there,
# never part of an entity), one lower-case form per line. Used by kaznlp/ner/rules.py: a one-word
# PERSON/GPE/LOCATION/ORGANISATION/FACILITY that opens a sentence and is listed here is
# capitalised by position only ("Конференцияда сот жүйесін ..." is no GPE).
# Source: built by training/ner/common_words.py from KazNERD valid (IS2AI/KazNERD, Yeshpanov, Khassanov,
# Varol, LREC 2022; CC BY 4.0; the test split is not read): forms seen >= {min_count} times.
# Changes: word forms counted and lower-cased; no sentence is copied.
# SPDX-License-Identifier: CC-BY-4.0
# {n} forms
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kaznerd", type=Path, default=ROOT.parent / "shared" / "data" / "kaznerd")
    ap.add_argument("--out", type=Path, default=ROOT / "kaznlp" / "data" / "ner_common_words_kk.txt.xz")
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    low: Counter = Counter()
    cap: Counter = Counter()
    in_entity: Counter = Counter()
    for words, tags in read_iob2(args.kaznerd / "IOB2_valid.txt"):
        for i, (w, t) in enumerate(zip(words, tags)):
            if t != "O":
                in_entity[w.lower()] += 1
            if i == 0 or not w[:1].isalpha():
                continue
            if w[:1].isupper():
                cap[w.lower()] += 1
            elif w.islower():
                low[w] += 1
    forms = sorted(w for w, c in low.items()
                   if c >= args.min_count and not cap[w] and not in_entity[w] and len(w) > 1)
    write_file(args.out, HEADER.format(min_count=args.min_count, n=len(forms)) + "\n".join(forms) + "\n")
    print(f"{len(forms)} forms -> {args.out}")


if __name__ == "__main__":
    main()
