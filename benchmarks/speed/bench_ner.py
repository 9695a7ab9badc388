"""Speed and memory of ``kaznlp.ner`` on one CPU core, with Stanza and the transformers backend beside it.

Every run uses DEFAULT threading (no thread variables set; torch imported first when
installed, as a user with the Stanza or transformers extra has it) and is pinned to one
core. kaznlp limits BLAS to one thread around its own model; nothing else is set.

Default run (``python -m benchmarks.speed.bench_ner [--mb 1.0] [--stanza-mb 0.1]``):

* ``ner_news``: ``kaznlp.ner(text)`` on about 1 MB of raw Kazakh news text
  (``benchmarks/common/corpus.sample``: NTREX-128, apertium news crawl, KazQAD wiki), whole
  pipeline: normalize, de-hyphenate, split, tokenize, tag (the fused numpy path,
  ``kaznlp.ner.fast``). Tokens are kaznlp tokens of that text. Also the peak Python heap
  of that call (``tracemalloc``, a separate run), the process's peak RSS, and the same
  call through spaCy's own path (``backend="spacy"``) as a same-run ratio.
* ``ner_per_sentence``: ``kaznlp.ner(sentence)`` called once per KazNERD test sentence
  (11,307 calls, a first pass: measured first, right after the model is loaded, so no word
  is in the tagger's word cache yet); the caches are emptied again after it.
* ``ner_pipe_kaznerd``: ``kaznlp.ner_pipe`` over the 11,307 KazNERD test sentences.
* ``stanza`` / ``transformers``: the same news text (a smaller slice) through
  ``backend="stanza"`` / ``backend="transformers"`` when their models are installed;
  otherwise the reason they were not measured.

Per-call speed (issue 13): ``kaznlp.ner(sentence)`` called once per KazNERD test sentence,
with spaCy's path on the first 2,000 sentences beside it::

    python -m benchmarks.speed.bench_ner --per-call [--sentences 11307] [--out benchmarks/results/ner_per_call.json]

Equivalence of the fast path with spaCy's (entity for entity, counts only)::

    python -m benchmarks.speed.bench_ner --equivalence

A change to ``kaznlp.ner`` against an earlier revision (the whole ``kaznlp/ner`` package of
that revision from git, loaded beside the current one on the same loaded model; every module
outside ``SUBJECT_MODULES``, i.e. the spaCy component and the rule modules of the training work,
is the working tree's): entities of one
``kaznlp.ner`` call per text on KazNERD valid and test sentences, the written-news *dev*
gold sentences and the seed documents, old vs new (counts of texts that differ only),
then per-call speed on KazNERD test sentences, old and new interleaved in blocks, each
from empty word caches (a first pass, CPU time, same run)::

    python -m benchmarks.speed.bench_ner --against REV [--sentences N] [--identity-only] [--modules a,b] [--model DIR] [--out benchmarks/results/ner_against.json]

(``--model DIR``: both sides run the model in ``DIR``, e.g. a copy of the bundled one, so a model
replaced in the package meanwhile cannot make the two sides differ.)

The identity part also covers the written-news *test* gold sentences (only counts and the
SHA-256 of each side's entity lists are printed, never a test text or entity) and one
multi-chunk document of dev news lines; ``--identity-only`` skips the speed part,
``--speed-only`` the identity part, and ``--rounds R`` repeats the speed part R times (fresh taggers,
empty word caches each time; one figure per round).

Wall-clock and CPU-time rates are both reported: on a shared machine the CPU-time
rate is the fairer figure for "one core". Results go to ``--out`` (default: the committed
``benchmarks/results/ner*.json``).
"""

from __future__ import annotations

import os
import sys

try:  # torch's OpenMP runtime is what numpy's BLAS threads fought with (issue 13)
    import torch as _torch  # noqa: F401

    TORCH = _torch.__version__
except ImportError:
    TORCH = None

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent.parent

from benchmarks.common.corpus import sample, shared_dir  # noqa: E402
from kaznlp.ner import model_path, ner, ner_pipe  # noqa: E402
from kaznlp.ner.backends import TRANSFORMERS_MODEL  # noqa: E402
from kaznlp.ner.conll import detokenize, read_iob2  # noqa: E402
from kaznlp.tokenize import tokenize  # noqa: E402


def _timed(fn):
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def _clear_caches() -> None:
    """Empty the word caches of the default backend (the fast path), so the next run is a first pass."""
    from kaznlp.ner import get_backend

    backend = get_backend("kaznlp")
    if hasattr(backend, "clear_caches"):
        backend.clear_caches()


#: a text that makes a call read every lazily loaded table: the model; normalize's Latin word lists
#: (the KZ-1048 check of a word with "ї") and character model (a title-case Latin word of Cyrillic
#: look-alike letters, "Echo"), the tokenizer's emoji patterns, the rules' legal forms, dates and
#: common words: a user's process pays each once, as it pays the model
WARM_UP = ("АСТАНА. Ол їш айдан кейін Астанаға келді 👍. Бүгін «Қазақтелеком» АҚ басқарма төрағасы Echo "
           "журналына 2016 жылы 21 қазанда, партияның XVIII съезінде сұхбат берді.")


def warm_up() -> None:
    """Load the model and the tables of :data:`WARM_UP` once, then empty the tagger's word caches
    (the timed calls are still a first pass: no word of theirs is cached)."""
    ner(WARM_UP)
    _clear_caches()


def _rates(n_tokens: int, wall: float, cpu: float) -> dict:
    return {
        "tokens": n_tokens,
        "seconds_wall": round(wall, 2),
        "seconds_cpu": round(cpu, 2),
        "tokens_per_s_wall": round(n_tokens / wall),
        "tokens_per_s_cpu": round(n_tokens / cpu),
    }


#: written-news files of the dev split (benchmarks/gold/splits.py) for the equivalence check
DEV_NEWS = ("afn-kaz-1550", "knb-kaz-1010", "minplan-kaz-734", "almaty-gov-kaz-150")


def equivalence(args: argparse.Namespace) -> None:
    """The fused numpy path (``kaznlp.ner.fast``) against spaCy's own path, entity for entity.

    On KazNERD *valid* sentences (detokenized) and lines of dev-split news files: the same
    ``kaznlp.ner`` call with ``backend="kaznlp"`` (fast path) and with ``backend=kaznlp.load()``
    (spaCy's ``nlp.pipe``). Only counts are printed.
    """
    from kaznlp.ner import get_backend, load

    fast = get_backend("kaznlp")
    spacy_nlp = load()
    sents = read_iob2(shared_dir(args.shared) / "data" / "kaznerd" / "IOB2_valid.txt")
    kaznerd = [detokenize(w)[0] for w, _ in sents][: args.sentences or None]
    news_dir = shared_dir(args.shared) / "data" / "news" / "apertium_kaz_rus_corpus"
    news = []
    for name in DEV_NEWS:
        lines = [ln for ln in (news_dir / name).read_text(encoding="utf-8").splitlines() if ln.strip()]
        news.extend(lines[:500])
    res: dict = {"fast_path": type(fast).__name__, "load_average_at_start": os.getloadavg()[0]}
    for name, texts in (("kaznerd_valid_sentences", kaznerd), ("dev_news_lines", news), ("dev_news_document", ["\n".join(news)])):
        a = list(ner_pipe(texts, backend=fast))
        b = list(ner_pipe(texts, backend=spacy_nlp))
        single = [ner(t) for t in texts[:2000]]  # per call: one text per model batch
        res[name] = {
            "texts": len(texts),
            "entities_fast": sum(map(len, a)),
            "entities_spacy": sum(map(len, b)),
            "texts_differing": sum(x != y for x, y in zip(a, b)),
            "texts_differing_per_call": sum(x != y for x, y in zip(single, b)),
        }
    print(json.dumps(res, indent=2))
    if args.out != DEFAULT_OUT:
        args.out.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")


def per_call(args: argparse.Namespace) -> None:
    """``kaznlp.ner`` once per KazNERD test sentence, default threading, one core."""
    torch_version = TORCH
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    sents = read_iob2(shared_dir(args.shared) / "data" / "kaznerd" / "IOB2_test.txt")
    texts = [detokenize(w)[0] for w, _ in sents][: args.sentences]
    n_tokens = sum(len(tokenize(t)) for t in texts)
    warm_up()  # load the model and every table a call may read outside the timing (a first pass still)
    threads = {var: os.environ.get(var) for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    out, wall, cpu = _timed(lambda: [ner(t) for t in texts])
    sub = texts[:2000]
    n_sub = sum(len(tokenize(t)) for t in sub)
    ner("Астана", backend="spacy")
    _, s_wall, s_cpu = _timed(lambda: [ner(t, backend="spacy") for t in sub])
    _, f_wall, f_cpu = _timed(lambda: [ner(t) for t in sub])
    res = {
        "python": platform.python_version(),
        "torch": torch_version,
        "thread_variables": threads,
        "cpu_cores_used": 1,
        "load_average_at_start": load,
        "sentences": len(texts),
        "entities": sum(map(len, out)),
        "ms_per_call_wall": round(1000 * wall / len(texts), 2),
        "ms_per_call_cpu": round(1000 * cpu / len(texts), 2),
        **_rates(n_tokens, wall, cpu),
        "same_run_first_2000_sentences": {
            "fast_path": _rates(n_sub, f_wall, f_cpu),
            "spacy_path": _rates(n_sub, s_wall, s_cpu),
            "speedup_cpu": round(s_cpu / f_cpu, 2),
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    out_path = args.out if args.out != DEFAULT_OUT else REPO / "benchmarks" / "results" / "ner_per_call.json"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(res, indent=2))


#: modules of ``kaznlp.ner`` that ``--against`` compares (the per-call path: chunking, the fast
#: path, post-processing and pattern rules, backends); the old package takes every *other* module
#: from the working tree (:func:`shared_modules`): the spaCy component and its registered
#: architectures (spaCy registers a factory once, and the fast path checks the component's class)
#: and the rule modules of the training work (``news_rules``, ``not_names``, ``news_spans``, any new
#: one), which are not the subject of the comparison
SUBJECT_MODULES = ("__init__", "backends", "chunk", "conll", "edges", "fast", "fast_embed", "fast_layers",
                   "model", "patterns", "rules", "threads")


#: the modules ``--against`` takes from the revision (``--modules`` narrows it: a speed change to the
#: fast path is compared with only its own modules from the revision, while another engineer's
#: uncommitted rule edits in the working tree are on both sides)
_subject: list[tuple[str, ...]] = [SUBJECT_MODULES]


def shared_modules() -> list[str]:
    """The modules of the working tree's ``kaznlp/ner`` that both sides of ``--against`` share."""
    return sorted(p.stem for p in (REPO / "kaznlp" / "ner").glob("*.py") if p.stem not in _subject[0])


def _package_at(rev: str):
    """The package ``kaznlp/ner`` as it is at git revision ``rev``, imported beside the working
    tree's as ``kaznlp._ner_at_<rev>`` (its relative imports of ``kaznlp`` resolve to the working
    tree; those of :func:`shared_modules` too)."""
    import importlib
    import importlib.util
    import subprocess
    import tarfile
    import tempfile
    from io import BytesIO

    tag = "".join(ch if ch.isalnum() else "_" for ch in rev)
    name = f"kaznlp._ner_at_{tag}"
    if name in sys.modules:
        return sys.modules[name]
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "kaznlp/ner"],
                             check=True, capture_output=True).stdout
    folder = Path(tempfile.mkdtemp(prefix="kaznlp_ner_at_"))
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    folder = folder / "kaznlp" / "ner"
    for shared in shared_modules():
        if (folder / f"{shared}.py").is_file():
            sys.modules[f"{name}.{shared}"] = importlib.import_module(f"kaznlp.ner.{shared}")
    tagger = sys.modules["kaznlp.ner.tagger"].EntityTagger
    for old, new in (("_decode", "decode"), ("_sure_outside", "sure_outside")):  # names before 2026-12-06
        if not hasattr(tagger, old) and hasattr(tagger, new):
            setattr(tagger, old, getattr(tagger, new))
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py", submodule_search_locations=[str(folder)])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _ner_at(rev: str):
    """``(kaznlp.ner, FastTagger)`` of git revision ``rev``: its whole ``kaznlp/ner`` package
    (normalization, chunking, the fast path, the rules) beside the working tree's; the rest of
    kaznlp is shared. The old ``ner`` is given its tagger explicitly (see :func:`_call`)."""
    import importlib

    package = _package_at(rev)
    return package, importlib.import_module(f"{package.__name__}.fast").FastTagger


def _call(module, tagger):
    """``module.ner`` with ``backend="kaznlp"`` resolved to ``tagger`` (a default call, as a
    user makes it: the name, not an object, so both sides take the same route)."""
    real = module.get_backend

    def get_backend(backend):
        return tagger if isinstance(backend, str) and backend == "kaznlp" else real(backend)

    module.get_backend = get_backend
    return module.ner


def _digest(results: list) -> str:
    """SHA-256 of entity lists (start, end, label, text per entity, one list per text)."""
    import hashlib

    rows = [[(e.start, e.end, e.label, e.text) for e in ents] for ents in results]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def against(args: argparse.Namespace) -> None:
    """``kaznlp/ner/__init__.py`` and ``fast.py`` at ``args.against`` vs the working tree:
    entities, then per-call speed."""
    import importlib

    from benchmarks.gold.news_ner import load as load_news_gold
    from kaznlp.ner import load
    from kaznlp.ner.fast import FastTagger

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    new_module = importlib.import_module("kaznlp.ner")
    old_module, OldTagger = _ner_at(args.against)
    if args.model is not None:  # the same model files on both sides (the bundled ones may be replaced meanwhile)
        import spacy

        from kaznlp import spacy_lang  # noqa: F401  (registers "kk")

        nlp = spacy.load(args.model)
    else:
        nlp = load()
    kaz = shared_dir(args.shared) / "data" / "kaznerd"
    valid = [detokenize(w)[0] for w, _ in read_iob2(kaz / "IOB2_valid.txt")]
    test = [detokenize(w)[0] for w, _ in read_iob2(kaz / "IOB2_test.txt")]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((shared_dir(args.shared) / "seeds").glob("*.txt"))]
    news_dev = [text for _, text, _ in load_news_gold("dev")]
    news_test = [text for _, text, _ in load_news_gold("test")]  # never printed: counts and hashes only
    news_dir = shared_dir(args.shared) / "data" / "news" / "apertium_kaz_rus_corpus"
    dev_document = "\n".join(ln for name in DEV_NEWS
                             for ln in (news_dir / name).read_text(encoding="utf-8").splitlines()[:300] if ln.strip())
    import subprocess

    def last_change(path: str) -> str:
        return subprocess.run(["git", "-C", str(REPO), "log", "-1", "--format=%h", args.against, "--", path],
                              check=True, capture_output=True, text=True).stdout.strip()

    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", args.against],
                            check=True, capture_output=True, text=True).stdout.strip()
    res: dict = {"against": args.against, "against_commit": commit, "new": "working tree", "torch": TORCH,
                 "against_ner_last_changed_in": last_change("kaznlp/ner"),
                 "shared_with_the_working_tree": [f"kaznlp/ner/{m}.py" for m in shared_modules()],
                 "load_average_at_start": os.getloadavg()[0], "equivalence": {}}
    real_get_backend = new_module.get_backend
    try:
        old_ner = _call(old_module, OldTagger(nlp))
        new_ner = _call(new_module, FastTagger(nlp))
        for name, texts in () if args.speed_only else (
                ("kaznerd_valid_sentences", valid), ("kaznerd_test_sentences", test),
                ("news_ner_dev_sentences", news_dev), ("news_ner_test_sentences", news_test),
                ("dev_news_document", [dev_document]), ("seed_documents", seeds)):
            a = [old_ner(t) for t in texts]
            b = [new_ner(t) for t in texts]
            res["equivalence"][name] = {"texts": len(texts), "entities_old": sum(map(len, a)),
                                        "entities_new": sum(map(len, b)),
                                        "texts_differing": sum(x != y for x, y in zip(a, b)),
                                        "sha256_old": _digest(a), "sha256_new": _digest(b)}
        if not args.speed_only:
            print(json.dumps(res["equivalence"], indent=2))
            same = all(v["sha256_old"] == v["sha256_new"] for v in res["equivalence"].values())
            print("IDENTICAL" if same else "DIFFERENT")
        if args.identity_only:
            if args.out != DEFAULT_OUT:
                args.out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            return
        # speed: blocks of 500 sentences, old and new in turn (the order flips every block), each
        # through a fresh tagger (empty word caches: a first pass over the sentences, as --per-call)
        texts = test[: args.sentences]
        _call(new_module, FastTagger(nlp))(WARM_UP)  # normalize's lazy tables: not in old's first block
        rounds = []
        for _ in range(args.rounds):
            old_ner = _call(old_module, OldTagger(nlp))
            new_ner = _call(new_module, FastTagger(nlp))
            cpu = {"old": 0.0, "new": 0.0}
            for i, start in enumerate(range(0, len(texts), 500)):
                block = texts[start:start + 500]
                for which in (("old", "new") if i % 2 == 0 else ("new", "old")):
                    call = old_ner if which == "old" else new_ner
                    _, _, c = _timed(lambda: [call(t) for t in block])
                    cpu[which] += c
            rounds.append(cpu)
    finally:
        new_module.get_backend = real_get_backend
    n_tokens = sum(len(tokenize(t)) for t in texts)
    if len(rounds) > 1:
        res["per_call_rounds"] = [{"old_tokens_per_s_cpu": round(n_tokens / r["old"]),
                                   "new_tokens_per_s_cpu": round(n_tokens / r["new"]),
                                   "speedup_cpu": round(r["old"] / r["new"], 3)} for r in rounds]
        print(json.dumps(res["per_call_rounds"], indent=2))
    cpu = {k: sum(r[k] for r in rounds) / len(rounds) for k in ("old", "new")}
    res["per_call_kaznerd_test"] = {
        "sentences": len(texts), "tokens": n_tokens,
        "old_tokens_per_s_cpu": round(n_tokens / cpu["old"]), "new_tokens_per_s_cpu": round(n_tokens / cpu["new"]),
        "old_ms_per_call_cpu": round(1000 * cpu["old"] / len(texts), 3),
        "new_ms_per_call_cpu": round(1000 * cpu["new"] / len(texts), 3),
        "speedup_cpu": round(cpu["old"] / cpu["new"], 3),
        "word_caches": "empty at the start (a first pass)",
    }
    res["load_average_at_end"] = os.getloadavg()[0]
    print(json.dumps(res["per_call_kaznerd_test"], indent=2))
    if args.out != DEFAULT_OUT:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


DEFAULT_OUT = REPO / "benchmarks" / "results" / "ner.json"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-call", action="store_true", help="kaznlp.ner once per KazNERD test sentence")
    ap.add_argument("--equivalence", action="store_true", help="fast numpy path vs spaCy's path: same entities?")
    ap.add_argument("--against", metavar="REV", default=None,
                    help="kaznlp/ner of git revision REV vs the working tree: same entities? speed?")
    ap.add_argument("--sentences", type=int, default=None, help="--per-call: only the first N sentences")
    ap.add_argument("--identity-only", action="store_true", help="--against: entities only, no speed part")
    ap.add_argument("--speed-only", action="store_true", help="--against: speed only, no identity part")
    ap.add_argument("--rounds", type=int, default=1, help="--against: repeat the speed part (fresh taggers each time)")
    ap.add_argument("--modules", default=None,
                    help="--against: only these comma-separated kaznlp/ner modules from REV (e.g. "
                         "__init__,fast,fast_embed,fast_layers,threads,chunk); the others from the working tree")
    ap.add_argument("--model", type=Path, default=None,
                    help="--against: load the model from this folder (a copy: both sides read the same files)")
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--stanza-mb", type=float, default=0.1, help="Stanza is slow: a smaller slice")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--shared", default=None)
    args = ap.parse_args()
    if args.per_call:
        per_call(args)
        return
    if args.equivalence:
        equivalence(args)
        return
    if args.against:
        if args.modules:
            _subject[0] = tuple(m.strip() for m in args.modules.split(",") if m.strip())
        against(args)
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    text = sample(args.mb, args.shared)
    n_tokens = len(tokenize(text))
    results: dict = {
        "python": platform.python_version(),
        "torch": TORCH,
        "thread_variables": {v: os.environ.get(v) for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")},
        "machine": platform.machine(),
        "cpu_cores_used": 1,
        "load_average_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "model_size_mb": round(sum(p.stat().st_size for p in model_path().rglob("*") if p.is_file()) / 1e6, 2),
    }
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _, load_s, _ = _timed(lambda: ner("Астана"))  # load the model once, outside the timings
    results["model_load_seconds"] = round(load_s, 2)
    results["rss_mb_added_by_loading_the_model"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss0, 1)
    warm_up()

    sents = read_iob2(shared_dir(args.shared) / "data" / "kaznerd" / "IOB2_test.txt")
    texts = [detokenize(w)[0] for w, _ in sents]
    n_kaznerd = sum(len(tokenize(t)) for t in texts)
    out, wall, cpu = _timed(lambda: [ner(t) for t in texts])
    results["ner_per_sentence"] = {"texts": len(texts), "entities": sum(map(len, out)),
                                   "ms_per_call_cpu": round(1000 * cpu / len(texts), 3),
                                   "word_caches": "empty at the start (a first pass)", **_rates(n_kaznerd, wall, cpu)}
    _clear_caches()  # the news text below starts from empty caches, as before this row existed

    ents, wall, cpu = _timed(lambda: ner(text))
    results["ner_news"] = {"chars": len(text), "utf8_bytes": len(text.encode()), "entities": len(ents), **_rates(n_tokens, wall, cpu)}
    results["ner_news"]["peak_rss_mb_after"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    tracemalloc.start()
    ner(text)
    results["ner_news"]["peak_python_heap_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
    tracemalloc.stop()
    ner("Астана", backend="spacy")
    _, s_wall, s_cpu = _timed(lambda: ner(text, backend="spacy"))
    results["ner_news_spacy_path"] = {**_rates(n_tokens, s_wall, s_cpu), "fast_path_speedup_cpu": round(s_cpu / cpu, 2)}

    out, wall, cpu = _timed(lambda: list(ner_pipe(texts)))
    results["ner_pipe_kaznerd"] = {"texts": len(texts), "entities": sum(map(len, out)), **_rates(n_kaznerd, wall, cpu)}
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    stanza_text = sample(args.stanza_mb, args.shared)
    n = len(tokenize(stanza_text))
    from kaznlp.ner import get_backend

    if TORCH is not None:  # the process is pinned to one core: one torch thread for the peers
        import torch

        torch.set_num_threads(1)
    for name in ("stanza", "transformers"):
        try:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            backend = get_backend(name)  # one core: the process is pinned, torch keeps its default threads
            ents, wall, cpu = _timed(lambda: ner(stanza_text, backend=backend))
            results[name] = {"chars": len(stanza_text), "entities": len(ents), **_rates(n, wall, cpu),
                             "peak_rss_mb_added": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss, 1)}
        except (ImportError, FileNotFoundError) as err:
            results[name] = {"status": f"not measured: {type(err).__name__}: {str(err).splitlines()[0]}"}

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md = [
        "| run | tokens | tokens/s (wall) | tokens/s (CPU) | notes |",
        "|---|---:|---:|---:|---|",
        f"| `kaznlp.ner`, {len(text.encode()) / 1e6:.1f} MB (UTF-8) news text, one document | {results['ner_news']['tokens']:,} | "
        f"{results['ner_news']['tokens_per_s_wall']:,} | {results['ner_news']['tokens_per_s_cpu']:,} | "
        f"peak Python heap {results['ner_news']['peak_python_heap_mb']} MB |",
        f"| `kaznlp.ner` once per sentence, KazNERD test ({len(texts):,} calls, first pass) | {n_kaznerd:,} | "
        f"{results['ner_per_sentence']['tokens_per_s_wall']:,} | {results['ner_per_sentence']['tokens_per_s_cpu']:,} | "
        f"{results['ner_per_sentence']['ms_per_call_cpu']} ms a call (CPU) |",
        f"| `kaznlp.ner_pipe`, KazNERD test ({len(texts):,} sentences) | {n_kaznerd:,} | "
        f"{results['ner_pipe_kaznerd']['tokens_per_s_wall']:,} | {results['ner_pipe_kaznerd']['tokens_per_s_cpu']:,} | |",
    ]
    sp = results["ner_news_spacy_path"]
    md.insert(3, f"| same text, `backend=\"spacy\"` (spaCy's own path) | {sp['tokens']:,} | {sp['tokens_per_s_wall']:,} | "
                 f"{sp['tokens_per_s_cpu']:,} | fast path {sp['fast_path_speedup_cpu']}x (CPU) |")
    for name, title in (("stanza", "Stanza kk NER (kaznlp tokens)"), ("transformers", f"transformers ({TRANSFORMERS_MODEL})")):
        st = results[name]
        if "tokens" in st:
            md.append(f"| {title}, {st['chars'] / 1e6:.2f} MB | {st['tokens']:,} | "
                      f"{st['tokens_per_s_wall']:,} | {st['tokens_per_s_cpu']:,} | +{st['peak_rss_mb_added']} MB RSS |")
        else:
            md.append(f"| {title} | | | | {st['status']} |")
    md.append("")
    md.append(f"Peak RSS of the whole benchmark process: {results['peak_rss_mb']} MB; model on disk "
              f"{results['model_size_mb']} MB; load average at start {results['load_average_at_start']}.")
    args.out.with_suffix(".md").write_text("\n".join(md) + "\n", encoding="utf-8")
    print("\n".join(md))


if __name__ == "__main__":
    main()
