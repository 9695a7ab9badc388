"""Written-news NER accuracy of ``kaznlp.ner`` on the issue-13 gold set (dev by default).

Exact span + label P/R/F1 (micro) overall and per label, and a summary of the errors:

* ``boundary``: a predicted span overlaps a gold span with the same label but other edges;
* ``label``: a predicted span has exactly the edges of a gold span but another label;
* ``boundary+label``: overlaps a gold span, other edges and other label;
* ``spurious``: a prediction overlapping no gold span; ``missed``: a gold span no prediction overlaps.

    python -m benchmarks.accuracy.bench_ner_news                       # dev, the bundled model, rules on
    python -m benchmarks.accuracy.bench_ner_news --no-rules            # the model alone (spans still trimmed)
    python -m benchmarks.accuracy.bench_ner_news --no-news-rules        # the rules without kaznlp.ner.news_rules
    python -m benchmarks.accuracy.bench_ner_news --out benchmarks/results/ner_news_dev.json
    python -m benchmarks.accuracy.bench_ner_news --model training/ner/ft_all/model-last   # another pipeline
    python -m benchmarks.accuracy.bench_ner_news --gold /tmp/gold.jsonl   # one commit's copy of the gold
    python -m benchmarks.accuracy.bench_ner_news --source apertium   # one kind of source (apertium/ntrex/kazqad)

The bundled model was fine-tuned on the NTREX and KazQAD dev sentences, so ``--source apertium`` is
the dev part it never saw in training.

Develop and tune on ``dev`` only. ``--split test`` exists for the final report of issue 13.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

from benchmarks.gold import news_ner  # noqa: E402


def prf(tp: int, fp: int, fn: int) -> dict:
    p = 100 * tp / (tp + fp) if tp + fp else 0.0
    r = 100 * tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 2), "r": round(r, 2), "f": round(f, 2), "tp": tp, "fp": fp, "fn": fn}


def score(gold: list[list[tuple[int, int, str]]], pred: list[list[tuple[int, int, str]]]) -> dict:
    """Micro P/R/F1 overall (``ALL``) and per label, plus the error summary (``errors``)."""
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    errors: Counter = Counter()
    for g, p in zip(gold, pred):
        gs, ps = set(g), set(p)
        for a, b, lab in ps:
            if (a, b, lab) in gs:
                tp[lab] += 1
                continue
            fp[lab] += 1
            over = [x for x in g if x[0] < b and a < x[1]]
            if not over:
                errors["spurious"] += 1
            elif any(x[0] == a and x[1] == b for x in over):
                errors["label"] += 1
            elif any(x[2] == lab for x in over):
                errors["boundary"] += 1
            else:
                errors["boundary+label"] += 1
        for a, b, lab in gs - ps:
            fn[lab] += 1
            if not any(x[0] < b and a < x[1] for x in p):
                errors["missed"] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    out = {"ALL": prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))}
    out.update({lab: prf(tp[lab], fp[lab], fn[lab]) for lab in labels})
    return {"scores": out, "errors": dict(errors)}


def predict(texts: list[str], rules: bool, backend: str = "kaznlp") -> list[list[tuple[int, int, str]]]:
    from kaznlp.ner import ner_pipe

    return [[(e.start, e.end, e.label) for e in ents] for ents in ner_pipe(texts, backend=backend, rules=rules)]


#: the steps of kaznlp.ner.news_rules that rules.postprocess calls, and their no-op stand-ins
_NEWS_RULE_NOOPS = {
    "in_markup": lambda text, span: False, "is_designator_number": lambda text, span: False,
    "ordinal_label": lambda text, span: span, "trim_glued_prefix": lambda text, span: span,
    "quoted_name_spans": lambda text, spans: list(spans), "join_date_ranges": lambda text, spans: list(spans),
    "name_steps": lambda text, spans: list(spans),
}


@contextlib.contextmanager
def without_news_rules():
    """``kaznlp.ner.rules.postprocess`` as it was before the written-news rules of
    ``kaznlp/ner/news_rules.py`` (issue 13, fifth round): each of their steps is a no-op inside."""
    rules = importlib.import_module("kaznlp.ner.rules")
    saved = {name: getattr(rules, name) for name in _NEWS_RULE_NOOPS}
    try:
        for name, noop in _NEWS_RULE_NOOPS.items():
            setattr(rules, name, noop)
        yield
    finally:
        for name, fn in saved.items():
            setattr(rules, name, fn)


def table(result: dict) -> str:
    lines = ["| label | P | R | F1 | gold |", "|---|---:|---:|---:|---:|"]
    for lab, s in result["scores"].items():
        lines.append(f"| {lab} | {s['p']:.1f} | {s['r']:.1f} | {s['f']:.1f} | {s['tp'] + s['fn']} |")
    lines.append("")
    lines.append("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(result["errors"].items())))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev",
                    help="dev (default) for development; test only for the final report")
    ap.add_argument("--no-rules", action="store_true", help="the model alone, no pattern rule layer")
    ap.add_argument("--out", help="write the figures as JSON here")
    ap.add_argument("--model", default="kaznlp",
                    help="backend: 'kaznlp' (the bundled model, default) or a spaCy pipeline directory")
    ap.add_argument("--errors", type=int, default=0, help="print the first N wrong sentences (dev only)")
    ap.add_argument("--no-news-rules", action="store_true",
                    help="the rules without the written-news steps of kaznlp.ner.news_rules (the rule set before them)")
    ap.add_argument("--gold", type=Path, default=news_ner.DATA,
                    help="the gold file (default: the working tree's); pin one commit's copy while it grows")
    ap.add_argument("--source", choices=("apertium", "ntrex", "kazqad"),
                    help="only the sentences of this kind of source (apertium: never in the model's training)")
    args = ap.parse_args(argv)
    data = news_ner.load(args.split, path=args.gold)
    if args.source:
        kinds = {r["id"]: news_ner.kind(r["source"]) for r in news_ner.records(args.gold)}
        data = [d for d in data if kinds[d[0]] == args.source]
    texts = [t for _, t, _ in data]
    gold = [e for _, _, e in data]
    t0 = time.perf_counter()
    with without_news_rules() if args.no_news_rules else contextlib.nullcontext():
        pred = predict(texts, rules=not args.no_rules, backend=args.model)
    seconds = time.perf_counter() - t0
    result = score(gold, pred)
    result.update({"split": args.split, "source": args.source or "all", "rules": not args.no_rules, "news_rules": not args.no_news_rules,
                   "model": args.model, "sentences": len(texts), "seconds": round(seconds, 2),
                   "gold_sha1": hashlib.sha1(Path(args.gold).read_bytes()).hexdigest()})
    print(f"written-news NER, split {args.split}, source {args.source or 'all'}, rules {'on' if not args.no_rules else 'off'}, "
          f"{len(texts)} sentences, {seconds:.1f} s")
    print(table(result))
    if args.errors and args.split == "dev":
        shown = 0
        for (sid, text, g), p in zip(data, pred):
            if set(g) != set(p) and shown < args.errors:
                shown += 1
                print(f"\n{sid}: {text}")
                for a, b, lab in sorted(set(g) - set(p)):
                    print(f"   - {lab:13} {text[a:b]!r}")
                for a, b, lab in sorted(set(p) - set(g)):
                    print(f"   + {lab:13} {text[a:b]!r}")
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
