"""Cross-validated written-news dev F1: every dev sentence tagged by the fold model that never saw it.

``finetune.py --holdout K --out DIR/PREFIX{K}`` trains fold K's model without the K-th
source-group fold of the news dev split; this script tags each fold with its own model through
``kaznlp.ner_pipe`` (normalization, rules, trimmed edges, as ``benchmarks/bench_ner_news.py``),
pools the predictions over all folds and scores them like the benchmark (exact span + label,
micro), with the base model on the same sentences beside it.

    python models/ner/cv_score.py --prefix models/ner/cv/fold          # fold0 ... fold4
    python models/ner/cv_score.py --prefix models/ner/cv/open_fold --out /tmp/cv.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks.bench_ner_news import score, table  # noqa: E402
from kaznlp.ner import ner_pipe  # noqa: E402
import news_data  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--prefix", required=True, help="fold K's pipeline is PREFIX{K}/model-last")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--base", default="kaznlp", help="the model to compare with (default: bundled)")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    records = news_data.news_records("dev")
    folds = news_data.folds(records, args.folds)
    by_id = {r[0]: r for r in records}
    gold, pred, base, per_fold = [], [], [], []
    for k, ids in enumerate(folds):
        recs = [by_id[i] for i in ids]
        texts = [r[1] for r in recs]
        p = [[(e.start, e.end, e.label) for e in ents]
             for ents in ner_pipe(texts, backend=f"{args.prefix}{k}/model-last")]
        b = [[(e.start, e.end, e.label) for e in ents] for ents in ner_pipe(texts, backend=args.base)]
        g = [r[2] for r in recs]
        per_fold.append({"fold": k, "sentences": len(recs),
                         "f1": score(g, p)["scores"]["ALL"]["f"], "base_f1": score(g, b)["scores"]["ALL"]["f"]})
        gold += g
        pred += p
        base += b
    cv, ref = score(gold, pred), score(gold, base)
    print(f"news dev, {args.folds}-fold CV by source group, {len(gold)} sentences: "
          f"F1 {cv['scores']['ALL']['f']:.2f} (base model {ref['scores']['ALL']['f']:.2f})")
    for f in per_fold:
        print(f"  fold {f['fold']}: {f['sentences']} sentences, F1 {f['f1']:.2f} (base {f['base_f1']:.2f})")
    print(table(cv))
    if args.out:
        args.out.write_text(json.dumps({"cv": cv, "base": ref, "folds": per_fold}, indent=1, ensure_ascii=False)
                            + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
