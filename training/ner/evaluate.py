"""Evaluate a Kazakh NER pipeline on the official KazNERD test split.

Two figures, both exact-match entity P/R/F1 (micro), overall and per label:

* ``gold_tokens``: the model tags KazNERD's own tokens (comparable with published
  KazNERD numbers, which use the gold tokenization);
* ``end_to_end``: each test sentence is detokenized into plain text
  (``kaznlp.ner.conll.detokenize``) and run through ``kaznlp.ner.ner_pipe`` (kaznlp's
  normalizer and tokenizer); entities are compared as character spans.

    python -m training.ner.evaluate                                   # the bundled model
    python -m training.ner.evaluate --model training/ner/training/model-best --out /tmp/eval.json
    python -m training.ner.evaluate --update-meta                     # write figures into meta.json
    python -m training.ner.evaluate --no-news-rules --out /tmp/e.json # end to end without kaznlp.ner.news_rules
"""

from __future__ import annotations

import argparse
import contextlib
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

import kaznlp.spacy_lang  # noqa: E402,F401
from benchmarks.accuracy.bench_ner_news import without_news_rules  # noqa: E402
from kaznlp.ner import model_path, ner_pipe  # noqa: E402
from kaznlp.ner.conll import char_entities, detokenize, iob_to_spans, read_iob2, score_spans, spaces_after  # noqa: E402


def dev_sentences(path):
    """(words, IOB2 tags) of the dev slice written by prepare.py."""
    from spacy.tokens import DocBin

    nlp = spacy.blank("kk")
    out = []
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        tags = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
        out.append(([t.text for t in doc], tags))
    return out


def gold_token_scores(nlp, sentences):
    docs = []
    for words, _ in sentences:
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces_after(words)))
    t0 = time.perf_counter()
    pred = [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(docs, batch_size=256)]
    seconds = time.perf_counter() - t0
    gold = [iob_to_spans(tags) for _, tags in sentences]
    return score_spans(gold, pred), seconds


def end_to_end_scores(nlp, sentences):
    texts, gold = [], []
    for words, tags in sentences:
        text, offsets = detokenize(words)
        texts.append(text)
        gold.append(char_entities(words, tags, offsets))
    t0 = time.perf_counter()
    pred = [[(e.start, e.end, e.label) for e in ents] for ents in ner_pipe(texts, backend=nlp, batch_size=64)]
    seconds = time.perf_counter() - t0
    return score_spans(gold, pred), seconds


def table(gold, e2e) -> str:
    rows = ["| label | support | P | R | F1 | F1 end-to-end |", "|---|---:|---:|---:|---:|---:|"]
    labels = sorted((k for k in gold if k != "ALL"), key=lambda k: -gold[k]["support"]) + ["ALL"]
    for label in labels:
        g = gold[label]
        f2 = e2e.get(label, {}).get("f", 0.0)
        name = "**all (micro)**" if label == "ALL" else label
        rows.append(f"| {name} | {g['support']} | {g['p']:.2f} | {g['r']:.2f} | {g['f']:.2f} | {f2:.2f} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=model_path())
    ap.add_argument("--kaznerd", type=Path, default=ROOT.parent / "shared" / "data" / "kaznerd")
    ap.add_argument("--split", default="test", choices=["test", "valid", "dev"],
                    help="dev = the held-out dev slice of training/ner/corpus/dev.spacy (for model selection)")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only (quick look)")
    ap.add_argument("--out", type=Path, default=None,
                    help="where to write the figures (default: training/ner/evaluation.json for the test split, "
                         "evaluation_<split>.json beside it otherwise, so a dev look never replaces the test figures)")
    ap.add_argument("--update-meta", action="store_true", help="store the figures in the model's meta.json")
    ap.add_argument("--no-news-rules", action="store_true",
                    help="end to end without the written-news steps of kaznlp.ner.news_rules (the rules before them)")
    args = ap.parse_args()
    if args.out is None:
        name = "evaluation.json" if args.split == "test" else f"evaluation_{args.split}.json"
        args.out = ROOT / "training" / "ner" / name

    if args.split == "dev":
        sentences = dev_sentences(ROOT / "training" / "ner" / "corpus" / "dev.spacy")
    else:
        sentences = read_iob2(args.kaznerd / f"IOB2_{args.split}.txt")
    if args.limit:
        sentences = sentences[: args.limit]
    nlp = spacy.load(args.model)
    gold, t_gold = gold_token_scores(nlp, sentences)
    with without_news_rules() if args.no_news_rules else contextlib.nullcontext():
        e2e, t_e2e = end_to_end_scores(nlp, sentences)
    n_tokens = sum(len(w) for w, _ in sentences)
    result = {
        "model": str(args.model.resolve().relative_to(ROOT)) if args.model.resolve().is_relative_to(ROOT) else str(args.model),
        "split": args.split,
        "news_rules": not args.no_news_rules,
        "sentences": len(sentences),
        "tokens": n_tokens,
        "gold_tokens": gold,
        "end_to_end": e2e,
        "seconds_gold_tokens": round(t_gold, 2),
        "seconds_end_to_end": round(t_e2e, 2),
    }
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(gold, e2e))
    print(f"\ngold-token F1 {gold['ALL']['f']:.2f}   end-to-end F1 {e2e['ALL']['f']:.2f}   "
          f"({len(sentences)} sentences, {n_tokens} tokens; {t_gold:.1f} s / {t_e2e:.1f} s)")
    if args.update_meta:
        meta_path = args.model / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["performance"] = {
            "ents_f": gold["ALL"]["f"] / 100, "ents_p": gold["ALL"]["p"] / 100, "ents_r": gold["ALL"]["r"] / 100,
            "ents_per_type": {k: {"p": v["p"] / 100, "r": v["r"] / 100, "f": v["f"] / 100}
                              for k, v in gold.items() if k != "ALL"},
            "end_to_end_ents_f": e2e["ALL"]["f"] / 100,
            "evaluated_on": f"KazNERD official {args.split} split ({len(sentences)} sentences)",
        }
        meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
