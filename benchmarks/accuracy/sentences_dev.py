"""Dev-split diagnostics for the sentence splitter (issue 12): scores and, on request, errors.

Reads only the **dev** split of the news sentence gold (never test) and UD Kazakh-KTB::

    python -m benchmarks.accuracy.sentences_dev            # dev space/lines and KTB boundary/exact F1
    python -m benchmarks.accuracy.sentences_dev --errors   # also every dev miss and false boundary in context

The test split is scored only by ``benchmarks/accuracy/bench_core.py`` (aggregates beside the peers).
"""

from __future__ import annotations

import argparse

from benchmarks.gold import ud_ktb
from benchmarks.gold import news_sentences
from kaznlp import split_sentences


def _spans(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text)]


def dev_errors(variant: str, width: int = 60) -> list[str]:
    """Every dev boundary the splitter misses (``MISS``) or adds (``FALSE``), with context."""
    out = []
    for doc_id, text, gold in news_sentences.load("dev", variant):
        end = len(text.rstrip())
        g = {ud_ktb._strip(text, s, e)[1] for s, e in gold} - {end}
        p = {ud_ktb._strip(text, s, e)[1] for s, e in _spans(text)} - {end}
        for kind, cuts in (("MISS", g - p), ("FALSE", p - g)):
            for c in sorted(cuts):
                out.append(f"{kind:5} {doc_id:14} {text[max(0, c - width):c]!r} || {text[c:c + width]!r}")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print every dev error in context")
    ap.add_argument("--variant", choices=news_sentences.VARIANTS, help="only this variant's errors")
    ap.add_argument("--no-ktb", action="store_true", help="skip UD KTB")
    args = ap.parse_args(argv)
    for variant in news_sentences.VARIANTS:
        docs = ud_ktb.gold_docs(news_sentences.load("dev", variant))
        r = ud_ktb.score_sentences(docs, _spans)
        b = r["boundary"]
        print(f"dev/{variant:6} boundary P {b['precision']:.2f} R {b['recall']:.2f} F1 {b['f1']:.2f}"
              f"  exact F1 {r['exact']['f1']:.2f}")
    if not args.no_ktb and ud_ktb.available():
        r = ud_ktb.score_sentences(ud_ktb.load(), _spans)
        print(f"UD KTB      boundary F1 {r['boundary']['f1']:.2f}  exact F1 {r['exact']['f1']:.2f}")
    if args.errors:
        for variant in (args.variant,) if args.variant else news_sentences.VARIANTS:
            print(f"--- dev/{variant} errors")
            print("\n".join(dev_errors(variant)))


if __name__ == "__main__":
    main()
