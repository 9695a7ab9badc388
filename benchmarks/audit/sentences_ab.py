"""``split_sentences`` of a git revision against the working tree: same output? same speed?

For refactors and rule changes of the sentence splitter (issues 12, 16, 18). The splitter of
revision ``REV`` (``kaznlp/sentences.py`` or the package ``kaznlp/sentences/``) is loaded from
git into this process beside the working tree's, and both are run on the same texts::

    python -m benchmarks.audit.sentences_ab REV --identity      # offsets on every apertium file and KazQAD passage
    nice -n 10 python -m benchmarks.audit.sentences_ab REV --speed 11   # CPU time per document, passes interleaved
    nice -n 10 python -m benchmarks.audit.sentences_ab REV --percall 9  # CPU time per call on short inputs

``--identity`` splits each apertium file, KazQAD passage, NTREX document, UD KTB document, seed article
and news gold document (dev and test: its text only, for the hash; no gold sentence is read) whole, with its lines joined by
spaces, and (files of several lines) in 12-line pieces joined by spaces, where the rules for
flattened text run; it prints the number of sentences, the texts whose offsets differ and the
SHA-256 of all offsets for each side. ``--speed N`` times one call per document on the corpus
of :mod:`benchmarks.common.corpus` and on the same documents flattened, best of ``N`` passes of each
side in alternating order (``time.process_time``), and prints new/old. Nothing here reads the
test split of the news gold.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import kaznlp
from benchmarks.common import corpus
from benchmarks.gold import news_sentences, ud_ktb
from kaznlp import split_sentences

REPO = Path(__file__).resolve().parent.parent.parent
_SKIP = {"AUTHORS", "COPYING", "PROVENANCE.md"}


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)


def load_revision(rev: str) -> Callable:
    """``split_sentences`` as it is in revision ``rev`` (a module or a package), imported under
    ``kaznlp`` with a private name so its relative imports read the working tree's other modules."""
    name = "_sentences_" + "".join(c for c in rev if c.isalnum())[:12]
    single = _git("show", f"{rev}:kaznlp/sentences.py")
    where = Path(tempfile.mkdtemp(prefix="kaznlp-ab-"))
    if single.returncode == 0:
        path = where / f"{name}.py"
        path.write_text(single.stdout, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(f"kaznlp.{name}", path)
    else:
        files = _git("ls-tree", "--name-only", f"{rev}:kaznlp/sentences/")
        if files.returncode != 0:
            raise SystemExit(f"no kaznlp/sentences.py or kaznlp/sentences/ in {rev}")
        pkg = where / name
        pkg.mkdir()
        for f in files.stdout.split():
            if f.endswith(".py"):
                (pkg / f).write_text(_git("show", f"{rev}:kaznlp/sentences/{f}").stdout, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(f"kaznlp.{name}", pkg / "__init__.py",
                                                      submodule_search_locations=[str(pkg)])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.split_sentences


def identity_texts(shared: Path) -> Iterator[str]:
    """Every apertium file, KazQAD passage, NTREX document, UD KTB document, seed article and news
    gold document: whole, flattened, and in flattened 12-line pieces."""
    ap = shared / "data" / "news" / "apertium_kaz_rus_corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(ap.iterdir()) if p.name not in _SKIP]
    kq = shared / "data" / "other" / "kazqad_wiki" / "kazqad_val_passages.jsonl"
    texts += [json.loads(line)["text"] for line in kq.read_text(encoding="utf-8").splitlines() if line.strip()]
    nt = shared / "data" / "news" / "ntrex128_kaz.jsonl"
    if nt.is_file():
        texts += [json.loads(line)["text"] for line in nt.read_text(encoding="utf-8").splitlines() if line.strip()]
    ktb = shared / "data" / "ud_kk_ktb"
    if ud_ktb.available(ktb):
        texts += [doc.text for doc in ud_ktb.load(ktb)]
    seeds = shared / "seeds"
    if seeds.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    try:  # the news gold's documents as the benchmark builds them (texts only: no gold sentence is read)
        texts += [text for _, text, _ in news_sentences.load("all", "lines", shared)]
    except news_sentences.GoldSourceError:
        pass
    for t in texts:
        yield t
        yield t.replace("\n", " ")
        lines = t.split("\n")
        if len(lines) > 1:
            yield from (" ".join(lines[i:i + 12]) for i in range(0, len(lines), 12))


def identity(old: Callable, shared: Path) -> None:
    h_old, h_new = hashlib.sha256(), hashlib.sha256()
    n = differ = 0
    for text in identity_texts(shared):
        a = [(s.start, s.end) for s in old(text)]
        b = [(s.start, s.end) for s in split_sentences(text)]
        h_old.update(repr(a).encode())
        h_new.update(repr(b).encode())
        n += len(b)
        differ += a != b
    print(f"identity: {n:,} sentences (working tree), {differ} texts differ; "
          f"SHA-256 old {h_old.hexdigest()[:16]} new {h_new.hexdigest()[:16]}")


def speed(old: Callable, rounds: int, shared: Path) -> None:
    docs = [t for texts in corpus.load_sources(shared).values() for t in texts]
    flat = [t.replace("\n", " ") for t in docs]
    best: dict[tuple[str, str], float] = {}
    sides = (("old", old), ("new", split_sentences))
    load0 = os.getloadavg()[0]
    for r in range(rounds):
        for side, fn in sides if r % 2 == 0 else sides[::-1]:
            for kind, texts in (("documents", docs), ("flattened", flat)):
                gc.collect()
                t0 = time.process_time()
                for t in texts:
                    fn(t)
                dt = time.process_time() - t0
                best[side, kind] = min(best.get((side, kind), dt), dt)
    chars = sum(map(len, docs))
    for kind in ("documents", "flattened"):
        o, n = best["old", kind], best["new", kind]
        print(f"{kind}: {len(docs)} texts, {chars:,} chars; best CPU s old {o:.3f} new {n:.3f}; new/old {n / o:.3f}")
    print(f"load average {load0:.1f} -> {os.getloadavg()[0]:.1f}")


def percall(old: Callable, rounds: int, calls: int = 10000) -> None:
    """Microseconds of CPU time per call on each short input of :mod:`benchmarks.speed.sentences_percall`
    (the two issue-16 sentences among them), best of ``rounds`` rounds of ``calls`` calls, the sides
    alternating in order; both sides must give the same spans."""
    from benchmarks.speed.sentences_percall import SHORT

    print(f"load average {os.getloadavg()[0]:.1f}")
    sides = (("old", old), ("new", split_sentences))
    for text in SHORT:
        assert [tuple(s) for s in old(text)] == [tuple(s) for s in split_sentences(text)], text
        best = {"old": float("inf"), "new": float("inf")}
        for r in range(rounds):
            for side, fn in sides if r % 2 == 0 else sides[::-1]:
                t0 = time.process_time()
                for _ in range(calls):
                    fn(text)
                best[side] = min(best[side], (time.process_time() - t0) / calls)
        o, n = best["old"] * 1e6, best["new"] * 1e6
        print(f"old {o:6.2f} us  new {n:6.2f} us  new/old {n / o:.3f}  ({len(text)} chars) {text[:40]}")
    print(f"load average {os.getloadavg()[0]:.1f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rev", help="git revision to compare the working tree with (e.g. HEAD, a commit)")
    ap.add_argument("--identity", action="store_true", help="compare sentence offsets")
    ap.add_argument("--speed", type=int, metavar="N", help="time N interleaved passes of each side")
    ap.add_argument("--percall", type=int, metavar="N",
                    help="time one call on each short input of benchmarks.speed.sentences_percall, N interleaved rounds")
    ap.add_argument("--shared", type=Path, default=None, help="shared folder (default: $KAZNLP_SHARED or ../shared)")
    args = ap.parse_args(argv)
    shared = corpus.shared_dir(args.shared)
    old = load_revision(args.rev)
    print(f"old: {args.rev} ({old.__module__}); new: working tree ({kaznlp.__file__})")
    if args.identity:
        identity(old, shared)
    if args.speed:
        speed(old, args.speed, shared)
    if args.percall:
        percall(old, args.percall)


if __name__ == "__main__":
    main()
