"""Paired bootstrap of two cross-validated recipes on the news dev split (dev only).

Each news dev sentence is tagged by fold K's model of each recipe (the fold that never saw it,
as ``cv_score.py``); sentences are resampled with replacement and the difference of pooled
micro F1 (exact span + label) is recomputed on each resample:

    python -m training.ner.cv_bootstrap --a training/ner/cv/r6v2s600_fold --b training/ner/cv/r7avg_fold \
        --gold GOLD                                   # B - A, 95 % interval, 2,000 resamples
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from kaznlp.ner import ner_pipe
from training.ner import news_data


def counts(prefix: str, records, folds) -> dict[str, tuple[int, int, int]]:
    """(tp, fp, fn) per sentence id, each fold tagged by ``PREFIX{K}/model-last``."""
    by_id = {r[0]: r for r in records}
    out = {}
    for k, ids in enumerate(folds):
        preds = ner_pipe([by_id[i][1] for i in ids], backend=f"{prefix}{k}/model-last")
        for i, ents in zip(ids, preds):
            p = {(e.start, e.end, e.label) for e in ents}
            g = {tuple(x) for x in by_id[i][2]}
            out[i] = (len(p & g), len(p - g), len(g - p))
    return out


def f1(rows) -> float:
    tp = sum(r[0] for r in rows)
    fp = sum(r[1] for r in rows)
    fn = sum(r[2] for r in rows)
    return 200.0 * tp / max(1, 2 * tp + fp + fn)


def bootstrap(a, b, n: int = 2000, seed: int = 0) -> tuple[float, float]:
    """95 % interval of F1(b) - F1(a) over ``n`` paired resamples of the sentences (rows of (tp, fp, fn))."""
    rng = random.Random(seed)
    diffs = []
    for _ in range(n):
        idx = [rng.randrange(len(a)) for _ in range(len(a))]
        diffs.append(f1([b[i] for i in idx]) - f1([a[i] for i in idx]))
    diffs.sort()
    return diffs[int(0.025 * n)], diffs[int(0.975 * n) - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--a", required=True, help="recipe A: fold K is A{K}/model-last")
    ap.add_argument("--b", required=True, help="recipe B")
    ap.add_argument("--gold", type=Path, default=None)
    ap.add_argument("--resamples", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    records = news_data.news_records("dev", args.gold)
    folds = news_data.folds(records, 5)
    a, b = counts(args.a, records, folds), counts(args.b, records, folds)
    ids = sorted(a)
    rows_a, rows_b = [a[i] for i in ids], [b[i] for i in ids]
    lo, hi = bootstrap(rows_a, rows_b, args.resamples, args.seed)
    fa, fb = f1(rows_a), f1(rows_b)
    print(f"{len(ids)} sentences: A {fa:.2f}, B {fb:.2f}, B - A {fb - fa:+.2f}, 95 % [{lo:+.2f}, {hi:+.2f}]")


if __name__ == "__main__":
    main()
