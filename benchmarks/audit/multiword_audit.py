"""Audit of the tokenizer's multiword rule ("болған жоқ" as one token, as UD Kazakh-KTB).

On UD KTB: how many gold multiword verb tokens the rule finds, and how many joins it
makes where KTB has separate tokens. On the other corpora (NTREX-128, apertium news,
KazQAD wiki): every join it makes, with counts, for a reader to check by eye.

    python -m benchmarks.audit.multiword_audit [--shared DIR] [--top 40]
"""

from __future__ import annotations

import argparse
from collections import Counter

import kaznlp
from benchmarks.common import corpus
from benchmarks.gold import ud_ktb


def _joined(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.text) for t in kaznlp.tokenize(text) if t.kind == "word" and " " in t.text]


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.audit.multiword_audit", description=__doc__.split("\n")[0])
    ap.add_argument("--shared", help="shared folder (default: $KAZNLP_SHARED or <repo>/../shared)")
    ap.add_argument("--top", type=int, default=40, help="how many of the most frequent joins to print")
    args = ap.parse_args(argv)
    shared = corpus.shared_dir(args.shared)

    res: dict = {}
    directory = shared / "data" / "ud_kk_ktb"
    if ud_ktb.available(directory):
        found = wrong = gold_multi = 0
        for doc in ud_ktb.load(directory):
            gold = set(doc.tokens)
            gold_multi += sum(1 for s, e in doc.tokens if " " in doc.text[s:e])
            for s, e, _ in _joined(doc.text):
                found += (s, e) in gold
                wrong += (s, e) not in gold
        res["ktb"] = {"gold_tokens_with_space": gold_multi, "joins_matching_gold": found, "joins_not_in_gold": wrong}
        print(f"UD KTB: {gold_multi} gold tokens contain a space; the rule makes {found} of them, "
              f"and {wrong} joins where KTB has separate tokens")
    for name, texts in corpus.load_sources(shared).items():
        joins = Counter(t for text in texts for _, _, t in _joined(text))
        chars = sum(len(t) for t in texts)
        res[name] = {"chars": chars, "joins": sum(joins.values()), "distinct": len(joins)}
        print(f"\n{name}: {chars:,} chars, {sum(joins.values())} joins ({len(joins)} distinct)")
        for form, n in joins.most_common(args.top):
            print(f"  {n:4d}  {form}")
    return res


if __name__ == "__main__":
    main()
