"""Where one ``kaznlp.ner`` call per sentence goes, and what the window products cost by model width.

Issue 13 asks for >= 10,000 tokens/s with ``kaznlp.ner`` called once per KazNERD test sentence.
Two measurements to decide where a further cut can come from (dev data only: KazNERD *valid*):

``--phases``: CPU time per call by phase over the first ``--sentences`` KazNERD valid sentences,
a first pass (empty word caches), ``--rounds`` times. Each phase is timed by wrapping the
function that does it (a few tenths of a microsecond each)::

    python -m benchmarks.speed.ner_phases --phases [--sentences 3000] [--rounds 3]

Columns: ``total`` (the whole ``kaznlp.ner`` call), ``repair`` (normalize, de-hyphenate),
``tokens`` (``doc_tokens``), ``embed_new`` (embedding rows of the call's new words),
``rows`` (all embedding rows, ``embed_new`` included), ``cnn`` (``FastTagger._short``: the
window CNN of one short sentence), ``decode`` (constrained BILUO), ``collect`` (the rules and
``Entity`` records).

``--products``: the 20 window products of one call (4 layers x 5 window positions, the rows
of an 11-token sentence: 11, 15, 15, 11) with each accumulated into its output, as
``FastTagger._short`` does, for random weights of the bundled architecture at several widths
(maxout of 3 pieces, window 2). The bundled model's 128 has 3.9 MB of window weights, more
than one core's 2 MB L2 cache on the benchmark machine (a second figure for 128: the same products
with one layer's weights, 0.98 MB, in all four layers)::

    python -m benchmarks.speed.ner_phases --products [--rounds 2]

Both pin the process to one core, use default threading (kaznlp limits BLAS to one thread around
its model; ``--products`` limits it itself) and import torch first when it is installed.
"""

from __future__ import annotations

import argparse
import collections
import importlib
import os
import time

try:  # as bench_ner: torch's OpenMP runtime loaded, as a user with the Stanza extra has it
    import torch  # noqa: F401
except ImportError:
    pass

import numpy  # noqa: E402


def _best(fn, repeat: int = 300, rounds: int = 7) -> float:
    """Least CPU time of ``fn()`` in microseconds over ``rounds`` runs of ``repeat`` calls."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(repeat):
            fn()
        best = min(best, (time.process_time() - start) / repeat)
    return best * 1e6


def phases(sentences: int, rounds: int, shared: str | None) -> None:
    from benchmarks.common.corpus import shared_dir
    from benchmarks.speed.bench_ner import WARM_UP
    from kaznlp.ner.conll import detokenize, read_iob2

    package = importlib.import_module("kaznlp.ner")
    fast_module = importlib.import_module("kaznlp.ner.fast")
    sents = read_iob2(shared_dir(shared) / "data" / "kaznerd" / "IOB2_valid.txt")
    texts = [detokenize(w)[0] for w, _ in sents][:sentences]
    package.ner(WARM_UP)  # the model and normalize's lazily loaded word lists, outside the timing
    fast = package.get_backend("kaznlp")
    spent: collections.Counter[str] = collections.Counter()
    clock = time.process_time

    def wrap(owner, name: str, key: str) -> None:
        inner = getattr(owner, name)

        def timed(*args, **kwargs):
            start = clock()
            out = inner(*args, **kwargs)
            spent[key] += clock() - start
            return out

        setattr(owner, name, timed)

    for owner, name, key in ((package, "repair", "repair"), (fast_module, "doc_tokens", "tokens"),
                             (fast.embedding, "embed", "embed_new"), (fast.embedding, "rows", "rows"),
                             (fast, "_short", "cnn"), (fast.tagger, "decode", "decode"),
                             (package, "_collect", "collect")):
        wrap(owner, name, key)
    print(f"KazNERD valid, first {len(texts):,} sentences, one kaznlp.ner call each, first pass; "
          f"CPU microseconds per call; load {os.getloadavg()[0]:.1f}")
    for _ in range(rounds):
        fast.clear_caches()
        spent.clear()
        start = clock()
        for text in texts:
            package.ner(text)
        total = clock() - start
        cells = [f"total {total / len(texts) * 1e6:.0f}"]
        cells += [f"{k} {v / len(texts) * 1e6:.0f}" for k, v in spent.items()]
        print("  ".join(cells))


def _one_call(weights: list[list[numpy.ndarray]], X: numpy.ndarray, rows: tuple[int, ...]):
    """The window products of one call: per layer, each window position's rows times its weights,
    added into the layer's output (as ``FastTagger._short``)."""
    def call() -> None:
        for layer, n in enumerate(rows):
            Y = numpy.zeros((n + 4, weights[layer][0].shape[1]), dtype="float32")
            for j, W in enumerate(weights[layer]):
                Y[j % 4:j % 4 + n] += X[:n] @ W
    return call


def products(rounds: int) -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")
    rng = numpy.random.default_rng(0)
    rows = (11, 15, 15, 11)
    print(f"20 window products of an 11-token call, CPU microseconds (least of 7 x 300); load {os.getloadavg()[0]:.1f}")
    for width in (128, 112, 96, 80, 64):
        weights = [[rng.standard_normal((width, 3 * width)).astype("float32") for _ in range(5)] for _ in rows]
        X = rng.standard_normal((max(rows) + 4, width)).astype("float32")
        mb = len(rows) * 5 * width * 3 * width * 4 / 1e6
        line = f"width {width:>3}: weights {mb:.2f} MB, " + ", ".join(f"{_best(_one_call(weights, X, rows)):.0f}" for _ in range(rounds))
        if width == 128:  # the same products with one layer's weights (0.98 MB) in every layer: what the cache costs
            same = [weights[0]] * len(rows)
            line += "; one layer's weights in all four: " + ", ".join(f"{_best(_one_call(same, X, rows)):.0f}" for _ in range(rounds))
        print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--phases", action="store_true", help="CPU time per kaznlp.ner call by phase (KazNERD valid)")
    ap.add_argument("--products", action="store_true", help="the window products of one call by model width")
    ap.add_argument("--sentences", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--shared", default=None)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    if args.phases or not args.products:
        phases(args.sentences, args.rounds, args.shared)
    if args.products:
        products(args.rounds)


if __name__ == "__main__":
    main()
