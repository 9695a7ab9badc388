"""Dev guards of a candidate NER model against another (the shipped one): accuracy and per-call speed.

    python -m training.ner.dev_guards --a packages/kk_kaznlp_ner/kk_kaznlp_ner/model --b CANDIDATE
    python -m training.ner.dev_guards --a A --b B --speed 4      # also per-call CPU time, 4 rounds

Dev only, never a test split. Accuracy, both through ``kaznlp.ner_pipe`` with the rules (exact
character span + label, micro F1), with a paired sentence bootstrap of B - A (2,000 resamples,
95 % interval):

* the KazNERD dev slice end to end (``training/ner/corpus/dev.spacy``; ``evaluate.py --split dev``'s
  end-to-end figure);
* the apertium sentences of the written-news dev gold (never training data: GPL-3.0),
  ``bench_ner_news --split dev --source apertium``'s figure.

``--speed R``: ``kaznlp.ner`` once per dev-slice sentence on the fast numpy path of each model
(:func:`kaznlp.ner.fast.compile_pipeline`), A and B alternating in R rounds (fresh word caches),
CPU time (``time.process_time``).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

import spacy  # noqa: E402

import kaznlp  # noqa: E402
import kaznlp.spacy_lang  # noqa: E402,F401
from benchmarks.gold import news_ner  # noqa: E402
from kaznlp.ner import ner_pipe  # noqa: E402
from kaznlp.ner.conll import char_entities, detokenize  # noqa: E402
from kaznlp.ner.fast import compile_pipeline  # noqa: E402
from training.ner.cv_bootstrap import bootstrap, f1  # noqa: E402
from training.ner.evaluate import dev_sentences  # noqa: E402

DEV = ROOT / "training" / "ner" / "corpus" / "dev.spacy"


def kaznerd_dev() -> tuple[list[str], list[set]]:
    texts, gold = [], []
    for words, tags in dev_sentences(DEV):
        text, offsets = detokenize(words)
        texts.append(text)
        gold.append({tuple(x) for x in char_entities(words, tags, offsets)})
    return texts, gold


def apertium_dev(path: Path = news_ner.DATA) -> tuple[list[str], list[set]]:
    kinds = {r["id"]: news_ner.kind(r["source"]) for r in news_ner.records(path)}
    data = [d for d in news_ner.load("dev", path=path) if kinds[d[0]] == "apertium"]
    return [t for _, t, _ in data], [{tuple(x) for x in e} for _, _, e in data]


def counts(model: str, texts: list[str], gold: list[set]) -> list[tuple[int, int, int]]:
    """(tp, fp, fn) per sentence."""
    out = []
    for g, ents in zip(gold, ner_pipe(texts, backend=spacy.load(model), batch_size=64)):
        p = {(e.start, e.end, e.label) for e in ents}
        out.append((len(p & g), len(p - g), len(g - p)))
    return out


def speed(models: list[str], rounds: int) -> None:
    texts, _ = kaznerd_dev()
    n_tokens = sum(len(words) for words, _ in dev_sentences(DEV))
    fasts = []
    for m in models:
        fast = compile_pipeline(spacy.load(m))
        if fast is None:
            raise SystemExit(f"{m}: no fast path (compile_pipeline returned None)")
        fasts.append(fast)
    total = [0.0] * len(models)
    for r in range(rounds):
        order = list(range(len(models)))[:: 1 if r % 2 == 0 else -1]
        for i in order:
            fasts[i].clear_caches()
            for t in texts[:50]:
                kaznlp.ner(t, backend=fasts[i])
            t0 = time.process_time()
            for t in texts:
                kaznlp.ner(t, backend=fasts[i])
            dt = time.process_time() - t0
            total[i] += dt
            print(f"round {r} {'AB'[i]}: {n_tokens / dt:,.0f} tokens/s CPU ({1000 * dt / len(texts):.3f} ms a call)")
    print(f"per call, {rounds} rounds: A {n_tokens * rounds / total[0]:,.0f}, B {n_tokens * rounds / total[1]:,.0f} "
          f"tokens/s CPU; B/A {total[0] / total[1]:.3f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--a", required=True, help="the reference pipeline (e.g. the shipped model)")
    ap.add_argument("--b", required=True, help="the candidate pipeline")
    ap.add_argument("--gold", type=Path, default=news_ner.DATA, help="the news gold file (default: the working tree's)")
    ap.add_argument("--speed", type=int, default=0, metavar="ROUNDS", help="also per-call CPU time, ROUNDS rounds")
    args = ap.parse_args()
    for name, (texts, gold) in (("KazNERD dev slice, end to end", kaznerd_dev()),
                                ("apertium news dev", apertium_dev(args.gold))):
        a, b = counts(args.a, texts, gold), counts(args.b, texts, gold)
        lo, hi = bootstrap(a, b)
        print(f"{name} ({len(texts)} sentences): A {f1(a):.2f}  B {f1(b):.2f}  B - A {f1(b) - f1(a):+.2f}, "
              f"95 % [{lo:+.2f}, {hi:+.2f}]", flush=True)
    if args.speed:
        speed([args.a, args.b], args.speed)


if __name__ == "__main__":
    main()
