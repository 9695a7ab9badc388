"""Every web "hyphen + space" (``X- Y``) decision of ``kaznlp.dehyphenate`` on the raw corpus.

    python -m benchmarks.audit.dehyphenate_web_audit            # counts, and the cases the learned layer changes
    python -m benchmarks.audit.dehyphenate_web_audit --all      # every case, for reading by hand

Runs ``dehyphenate`` over the raw texts of ``benchmarks/common/corpus.py`` ``load_sources()``
(NTREX, apertium web crawl, KazQAD wiki; no damage added) twice: with the rules alone and with
the learned layer (``data/dehyph_weights.json``). The learned layer is meant for text that
really was broken; on real web text, where ``X- Y`` is mostly a dash typed without its leading
space, it should change almost nothing. docs/dehyphenate.md (web text audit) reads the cases.
"""

from __future__ import annotations

import argparse
import collections
import sys

from benchmarks.common.corpus import load_sources
from kaznlp.dehyphenate import explain_breaks


def decisions(texts: list[str], rules_only: bool) -> list[tuple[str, str]]:
    """``[(decision, "X- Y")]`` in text order, read from the decision trace
    (:func:`kaznlp.dehyphenate.explain_breaks`; ``learned=False``: the rules alone)."""
    seen: list[tuple[str, str]] = []
    for text in texts:
        seen.extend((d.action, f"{d.left}- {d.right}") for d in explain_breaks(text, learned=not rules_only)
                    if d.kind == "hyphen_space")
    return seen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--all", action="store_true", help="print every case")
    args = ap.parse_args(argv)
    sources = load_sources()
    texts = [t for ts in sources.values() for t in ts]
    if not texts:
        print("no raw texts (../shared/data missing)", file=sys.stderr)
        return 1
    rules = decisions(texts, rules_only=True)
    both = decisions(texts, rules_only=False)
    chars = sum(map(len, texts))
    print(f"{len(texts)} texts, {chars:,} characters, {len(rules)} 'X- Y'")
    print("rules alone:        ", dict(collections.Counter(d for d, _ in rules)))
    print("with learned layer: ", dict(collections.Counter(d for d, _ in both)))
    changed = [(r, b, case) for (r, case), (b, _) in zip(rules, both) if r != b]
    print(f"changed by the learned layer: {len(changed)}")
    for r, b, case in changed:
        print(f"  {case}: {r} -> {b}")
    if args.all:
        for d, case in both:
            print(f"{d}\t{case}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
