"""Cross-validated written-news dev F1: every dev sentence tagged by the fold model that never saw it.

``finetune.py --holdout K --out DIR/PREFIX{K}`` trains fold K's model without the K-th
source-group fold of the news dev split; this script tags each fold with its own model through
``kaznlp.ner_pipe`` (normalization, rules, trimmed edges, as ``benchmarks/accuracy/bench_ner_news.py``),
pools the predictions over all folds and scores them like the benchmark (exact span + label,
micro), with the base model on the same sentences beside it.

    python -m training.ner.cv_score --prefix training/ner/cv/fold          # fold0 ... fold4
    python -m training.ner.cv_score --prefix training/ner/cv/open_fold --out /tmp/cv.json
    python -m training.ner.cv_score --prefix training/ner/cv/r4rep4_fold --no-news-rules   # rules before round 5

Besides the pooled figure it scores parts of the dev split: by kind of source (``apertium``, the
GPL crawl that the shipped models never train on; ``open``, NTREX-128 + KazQAD) and the
first-pass sentences (ids up to ``nn0898``, the 428 dev sentences of round 3), so that fold
models trained before and after the second annotation pass can be compared on the same text.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from benchmarks.accuracy.bench_ner_news import score, table, without_news_rules  # noqa: E402
from kaznlp.ner import ner_pipe  # noqa: E402
from training.ner import news_data  # noqa: E402


#: The last id of the first annotation pass (870 sentences, 428 of them dev).
FIRST_PASS_LAST = 898
#: The last id of the gold of round 4 (commit a054242, 650 dev sentences): the news rules of
#: round 5 were designed on the errors of these; the dev sentences after it were not looked at.
ROUND4_LAST = 1120


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--prefix", required=True, help="fold K's pipeline is PREFIX{K}/model-last")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--gold", type=Path, default=None,
                    help="the news gold file to read (default: the working tree's); pin one commit's copy "
                         "while the gold is being extended")
    ap.add_argument("--base", default="kaznlp", help="the model to compare with (default: bundled)")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--no-news-rules", action="store_true",
                    help="the rules without the written-news steps of kaznlp.ner.news_rules (the rule set before them)")
    args = ap.parse_args()
    with without_news_rules() if args.no_news_rules else contextlib.nullcontext():
        run(args)


def run(args) -> None:
    records = news_data.news_records("dev", args.gold)
    folds = news_data.folds(records, args.folds)
    by_id = {r[0]: r for r in records}
    gold, pred, base, per_fold, sent_ids = [], [], [], [], []
    for k, fold_ids in enumerate(folds):
        recs = [by_id[i] for i in fold_ids]
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
        sent_ids += fold_ids
    cv, ref = score(gold, pred), score(gold, base)
    print(f"news dev, {args.folds}-fold CV by source group, {len(gold)} sentences: "
          f"F1 {cv['scores']['ALL']['f']:.2f} (base model {ref['scores']['ALL']['f']:.2f})")
    kind = {r[0]: ("apertium" if "apertium" in r[3] else "open") for r in records}
    parts = {"apertium": lambda i: kind[i] == "apertium", "open": lambda i: kind[i] == "open",
             "first_pass": lambda i: int(i[2:]) <= FIRST_PASS_LAST,
             "first_pass_open": lambda i: int(i[2:]) <= FIRST_PASS_LAST and kind[i] == "open",
             "second_pass": lambda i: int(i[2:]) > FIRST_PASS_LAST,
             "round4_dev": lambda i: int(i[2:]) <= ROUND4_LAST,
             "after_round4": lambda i: int(i[2:]) > ROUND4_LAST}
    by_part = {}
    for name, keep in parts.items():
        sel = [j for j, i in enumerate(sent_ids) if keep(i)]
        if not sel:
            continue
        f_cv = score([gold[j] for j in sel], [pred[j] for j in sel])["scores"]["ALL"]["f"]
        f_base = score([gold[j] for j in sel], [base[j] for j in sel])["scores"]["ALL"]["f"]
        by_part[name] = {"sentences": len(sel), "f1": f_cv, "base_f1": f_base}
        print(f"  {name}: {len(sel)} sentences, F1 {f_cv:.2f} (base {f_base:.2f})")
    for f in per_fold:
        print(f"  fold {f['fold']}: {f['sentences']} sentences, F1 {f['f1']:.2f} (base {f['base_f1']:.2f})")
    print(table(cv))
    if args.out:
        args.out.write_text(json.dumps({"cv": cv, "base": ref, "folds": per_fold, "parts": by_part}, indent=1, ensure_ascii=False)
                            + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
