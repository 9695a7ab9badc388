"""A larger dev view of sister-alphabet letters (issue 14): every dev sentence, with every Kazakh
letter of one kind (``қ ң ғ ү ө`` and their capitals) replaced by each of its sister letters in turn
(``ҡ ӄ``, ``ҥ ӈ``, ``ӷ ҕ``, ``ӱ``, ``ӧ ѳ``: the keyboard-layout damage of the issue-14 set, made
exhaustively instead of sampled). Dev split only; prints the number of texts, the failures and the
words left, most frequent first. Nothing is written.

    python -m benchmarks.testsets.normalize_sister_sweep [--show N]

The sampled issue-14 dev set (``normalize_testset --dev-only --seeds ...``) draws the same few
hundred sentences again at every seed; this sweep scores each (sentence, letter kind, sister letter)
once (46,724 texts on the 6,823 dev sentences).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from kaznlp.normalize import normalize

from .normalize_testset import SISTER_OF, load_sentences_by_split

_WORD = re.compile(r"\w+")


def sweep(show: int = 40) -> dict:
    refs = [normalize(s) for s in load_sentences_by_split()["dev"]]
    texts = failed = 0
    words: Counter[str] = Counter()
    example: dict[str, str] = {}
    for ref in refs:
        for letter, subs in SISTER_OF.items():
            if letter not in ref:
                continue
            for sub in subs:
                damaged = ref.replace(letter, sub)
                texts += 1
                out = normalize(damaged)
                if out == ref:
                    continue
                failed += 1
                for m in _WORD.finditer(ref):
                    if len(out) == len(ref) and out[m.start():m.end()] != m.group():
                        words[m.group()] += 1
                        example.setdefault(m.group(), damaged[m.start():m.end()])
    for w, n in words.most_common(show):
        print(f"{n:4d}  {example[w]} -> {w}")
    return {"texts": texts, "failed": failed, "exact": texts - failed, "failed_words": sum(words.values()),
            "distinct_words": len(words)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", type=int, default=40, help="print this many failing words (dev only)")
    print(sweep(ap.parse_args().show))


if __name__ == "__main__":
    main()
