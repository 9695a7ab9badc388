"""Continue training the bundled NER model on written news (issue 13). Never run in CI.

The architecture and the floret table stay those of the base model (``packages/kk_kaznlp_ner/kk_kaznlp_ner/model``,
trained by ``train.py`` on KazNERD valid); only the weights move. Each step draws a batch from

* KazNERD's training sentences (``training/ner/corpus/train.spacy`` of ``prepare.py``), so the
  model keeps what it knows about transcribed news,
* their written-news rewrites (``news_data.augment``: cased months, ``2016 ж.``, ``21.10.2016``,
  initials, quoted organisations, datelines, web time stamps), and
* the written-news gold **dev** sentences (``news_data.news_docs``), repeated ``--news-repeat``
  times; by default only those from openly licensed text (NTREX-128, KazQAD Wikipedia, CC BY-SA
  4.0 like the model), ``--news-sources all`` adds the GPL apertium crawl; with ``--holdout K`` the K-th of ``--folds`` source-group folds is left out and scored
  (cross-validation: the dev figure stays honest).

    python -m training.ner.finetune --holdout 0 --out training/ner/ft_cv0        # one CV fold
    python -m training.ner.finetune --out training/ner/ft_all                   # all dev news: shipped
    python -m training.ner.package --model training/ner/ft_all/model-last

The held-out fold is scored through ``kaznlp.ner_pipe`` (normalization, rules, trimmed edges),
exactly as ``benchmarks/accuracy/bench_ner_news.py`` scores the bundled model; the KazNERD dev slice on
gold tokens (``evaluate.py --split dev``) is printed beside it to watch forgetting.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402
from thinc.api import Adam  # noqa: E402

import kaznlp.spacy_lang  # noqa: E402,F401
from benchmarks.accuracy.bench_ner_news import score  # noqa: E402
from kaznlp.ner import model_path, ner_pipe  # noqa: E402
from kaznlp.ner.conll import score_spans  # noqa: E402
from training.ner import news_data  # noqa: E402


def kaznerd_sentences(docs):
    seen, out = set(), []
    for doc in docs:
        words = tuple(t.text for t in doc)
        if words in seen:
            continue
        seen.add(words)
        tags = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
        out.append((list(words), tags))
    return out


def batches(examples, words_per_batch, rng):
    while True:
        order = list(range(len(examples)))
        rng.shuffle(order)
        batch, n = [], 0
        for i in order:
            batch.append(examples[i])
            n += len(examples[i].reference)
            if n >= words_per_batch:
                yield batch
                batch, n = [], 0


def evaluate(nlp, opt, heldout, kaznerd_dev):
    with tempfile.TemporaryDirectory() as tmp:
        with nlp.use_params(opt.averages):
            nlp.to_disk(tmp)
        fresh = spacy.load(tmp)
        out = {}
        if heldout:
            pred = [[(e.start, e.end, e.label) for e in ents]
                    for ents in ner_pipe([t for _, t, _, _ in heldout], backend=fresh)]
            out["news_heldout"] = score([e for _, _, e, _ in heldout], pred)["scores"]["ALL"]["f"]
        docs = [spacy.tokens.Doc(fresh.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
                for d in kaznerd_dev]
        pred = [[(e.start, e.end, e.label_) for e in d.ents] for d in fresh.pipe(docs, batch_size=256)]
        gold = [[(e.start, e.end, e.label_) for e in d.ents] for d in kaznerd_dev]
        out["kaznerd_dev"] = round(score_spans(gold, pred)["ALL"]["f"], 2)
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, default=model_path())
    ap.add_argument("--corpus", type=Path, default=ROOT / "training" / "ner" / "corpus")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--holdout", type=int, default=-1, help="fold of the news dev split to leave out and score")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--gold", type=Path, default=None,
                    help="the news gold file to read (default: the working tree's); pin one commit's copy "
                         "while the gold is being extended")
    ap.add_argument("--news-repeat", type=int, default=4)
    ap.add_argument("--no-news", action="store_true", help="augmentation only (no news gold in training)")
    ap.add_argument("--no-augment", action="store_true")
    ap.add_argument("--aug-kinds", choices=("v1", "v2", "v3"), default="v1",
                    help="v1: the round-4 rewrites; v2: also the state inside names of state bodies "
                         "(ҚР ... министрі), bracketed acronyms and agency attributions (news_data.augment)")
    ap.add_argument("--news-sources", choices=("open", "all"), default="open",
                    help="open (default): train only on news gold sentences from openly licensed text "
                         "(NTREX-128, KazQAD Wikipedia: CC BY-SA 4.0, like the model); all: also the "
                         "apertium crawl (GPL-3.0 with a provenance caveat, ../shared/data/README.md)")
    ap.add_argument("--steps", type=int, default=1200)
    ap.add_argument("--eval-every", type=int, default=300)
    ap.add_argument("--batch-words", type=int, default=800)
    ap.add_argument("--lr", type=float, default=0.0005)
    ap.add_argument("--dropout", type=float, default=0.15)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    spacy.util.fix_random_seed(args.seed)
    nlp = spacy.load(args.base)
    if args.holdout >= 0 and "written news" in nlp.meta.get("description", ""):
        # the packaged round-3 model has seen every open news dev sentence: a held-out fold
        # scored after fine-tuning it again would be scored by a model that trained on it
        raise SystemExit(f"{args.base} was already fine-tuned on the news dev gold; cross-validation needs "
                         "the model before that (--base the round-2 model)")
    train_docs = list(DocBin().from_disk(args.corpus / "train.spacy").get_docs(nlp.vocab))
    kaznerd_dev = list(DocBin().from_disk(args.corpus / "dev.spacy").get_docs(nlp.vocab))
    # KazNERD examples exactly as spacy train makes them: kaznlp's tokens vs the gold reference
    examples = [Example(nlp.make_doc(d.text), d) for d in train_docs]
    n_kaznerd = len(examples)
    n_aug = 0
    if not args.no_augment:
        aug = news_data.augment(kaznerd_sentences(train_docs), seed=args.seed, kinds=args.aug_kinds)
        examples += [Example(nlp.make_doc(d.text), d) for d in news_data.sentence_docs(nlp.vocab, aug)]
        n_aug = len(aug)
    records = news_data.news_records("dev", args.gold)
    folds = news_data.folds(records, args.folds)
    held_ids = set(folds[args.holdout]) if args.holdout >= 0 else set()
    heldout = [r for r in records if r[0] in held_ids]
    news_train = [r for r in records if r[0] not in held_ids]
    if args.news_sources == "open":
        news_train = [r for r in news_train if "apertium" not in r[3]]
    n_news = 0
    if not args.no_news:
        for d in news_data.news_docs(nlp, news_train):
            examples += [Example(nlp.make_doc(d.text), d)] * args.news_repeat
        n_news = len(news_train)
    print(json.dumps({"kaznerd_examples": n_kaznerd, "augmented": n_aug, "news_sentences": n_news,
                      "news_repeat": args.news_repeat, "news_sources": args.news_sources, "heldout_sentences": len(heldout),
                      "heldout_fold": args.holdout}), flush=True)

    opt = Adam(args.lr, L2=0.01, L2_is_weight_decay=True, grad_clip=1.0, use_averages=True)
    log = []
    if heldout or args.holdout < 0:
        first = evaluate(nlp, opt, heldout, kaznerd_dev) if args.eval_every else {}
        print(json.dumps({"step": 0, **first}), flush=True)
        log.append({"step": 0, **first})
    t0 = time.perf_counter()
    gen = batches(examples, args.batch_words, rng)
    for step in range(1, args.steps + 1):
        losses: dict = {}
        nlp.update(next(gen), sgd=opt, drop=args.dropout, losses=losses)
        if args.eval_every and step % args.eval_every == 0:
            res = evaluate(nlp, opt, heldout, kaznerd_dev)
            res.update(step=step, loss=round(losses.get("ner", 0.0), 2), seconds=round(time.perf_counter() - t0))
            print(json.dumps(res), flush=True)
            log.append(res)
    args.out.mkdir(parents=True, exist_ok=True)
    with nlp.use_params(opt.averages):
        nlp.to_disk(args.out / "model-last")
    (args.out / "log.json").write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()},
                                                   "log": log}, indent=1) + "\n", encoding="utf-8")
    print(f"training took {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
