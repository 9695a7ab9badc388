"""Speed of ``kaznlp.dehyphenate`` (chars/s) and linearity (1 MB vs 8 MB).

    python -m benchmarks.speed.bench_dehyphenate [--only web,narrow-lost] [--out DIR] [--update]

Writes ``dehyphenate.json`` and ``dehyphenate.md`` to a scratch folder (``--out``, default
``$TMPDIR/kaznlp-bench``) and prints the table; only ``--update`` writes the committed
``benchmarks/results/dehyphenate.*`` (as ``bench_core.py --update-results`` does).

Corpora (read from ../shared/data at run time):
* ``web``: the apertium web crawl + NTREX + KazQAD text as it is (one paragraph or
  sentence per line, no wrapping): its first 1 M characters, and 8 copies of those (joined by a
  blank line, as for the wrapped texts), so that 1 MB and 8 MB hold the same text. (Until
  2026-12-06 the 8 MB text was the whole 2.9 M-character corpus repeated, and its 1 MB slices
  cost 0.055-0.136 CPU s each against 0.070 for the first: the 8 MB / 1 MB ratio, 10.5, measured
  the mix of the corpus, not the scaling; the slices' sum was within 9 % of the whole call);
* ``web-sample``: ``benchmarks/common/corpus.py`` ``sample(1)`` and ``sample(8)`` (1 and 8 MB of
  UTF-8: the sources interleaved in 16 K chunks, the whole mix repeated as needed);
* ``wrapped``: the same text wrapped at 60 characters with hyphen + newline breaks
  (every line goes through the full decision path);
* ``wrapped-lost``: wrapped the same way but the line-end hyphens lost (seed 004, PDF
  extraction): every bare break is weighed by the rules and the learned layer, the slowest
  path;
* ``news-docs``: the 21 apertium news files, one ``dehyphenate`` call per document (as
  ``kaznlp.process`` sees a news file; the sizes are 1x and 8x: each document repeated);
* ``narrow-lost``: newspaper columns that lost their hyphens (15-35 characters a line, the
  ``tex-news-lost`` kind of the PDF set, seed 004 style): the same text wrapped at 15, 20, 25,
  30 and 35 characters, cut into documents of about 40,000 characters (an article or a page),
  one call per document; 1 MB and 8 MB of such documents (linear in the number of documents);
* ``narrow-lost-1doc``: the same narrow text as one document of 1 MB and of 8 MB (linear in
  the size of one document).

Times are the best of several runs, wall clock (``seconds``) and CPU time of this process
(``cpu_seconds``, less disturbed by other processes on a shared machine); the linearity
ratio is given for both. ``first_run_chars_per_cpu_s``: the first of those runs, before the
word caches (``kaznlp.lang.charlm``'s windows and words, the suffix chains and lexicon stems of
``kaznlp.dehyphenate.resources``) hold this corpus's words. The data files (lexicon, character
model, weights, glue counts, closed compounds) are loaded before any timing (until 2026-12-07 the
character model, the weights and the glue counts were loaded inside the first timed run, about 0.1
CPU s; until round 10 the closed compounds, 6 ms). The word caches are filled in the timed runs.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import corpus as corpus_mod
from benchmarks.testsets.dehyphenate_testset import Hyphenator, wrap_para
from kaznlp.dehyphenate import dehyphenate
from kaznlp.dehyphenate.morph import closed_compounds

ROOT = Path(__file__).resolve().parent.parent.parent
SHARED = ROOT.parent / "shared" / "data"

RESULTS = ROOT / "benchmarks" / "results"
SCRATCH = Path(tempfile.gettempdir()) / "kaznlp-bench"
NAMES = ("web", "web-sample", "news-docs", "wrapped", "wrapped-lost", "narrow-lost", "narrow-lost-1doc")
DOC_CHARS = 40_000  # one narrow-column document (an article, a newspaper page)


def corpus() -> str:
    parts = []
    for p in sorted((SHARED / "news" / "apertium_kaz_rus_corpus").glob("*kaz*")):
        parts.append(p.read_text(encoding="utf-8"))
    for name in ("news/ntrex128_kaz.jsonl", "other/kazqad_wiki/kazqad_val_passages.jsonl"):
        for line in (SHARED / name).open(encoding="utf-8"):
            parts.append(json.loads(line)["text"])
    return "\n\n".join(parts)


def news_docs() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((SHARED / "news" / "apertium_kaz_rus_corpus").glob("*kaz*"))]


def wrapped(text: str, size: int, style: str = "hyphen", widths: tuple[int, ...] = (60,)) -> str:
    """Paragraphs of ``text`` wrapped (``dehyphenate_testset`` style), the widths taken in
    turn paragraph by paragraph, until ``size`` characters."""

    hy = Hyphenator(SHARED / "hyphenation" / "hyph-kk.pat.txt")
    rng = random.Random(1)
    out, n = [], 0
    for para in text.split("\n"):
        words = para.split()
        if not words:
            continue
        w, _ = wrap_para(words, widths[len(out) % len(widths)], style, hy, rng)
        out.append(w)
        n += len(w) + 2
        if n >= size:
            break
    return "\n\n".join(out)


def documents(text: str, size: int = DOC_CHARS) -> list[str]:
    """``text`` cut at paragraph breaks into documents of about ``size`` characters."""
    docs, start = [], 0
    while start < len(text):
        cut = text.find("\n\n", start + size)
        end = len(text) if cut < 0 else cut
        docs.append(text[start:end])
        start = end + 2
    return docs


def timeit(docs: list[str], reps: int = 3) -> tuple[float, float, float]:
    """Best wall and CPU seconds of one call per document (as ``kaznlp.process`` calls it), and
    the CPU seconds of the first run (the word caches hold only what the corpora before left in
    them; the best run finds these documents' words)."""
    best = cpu = float("inf")
    first = 0.0
    for i in range(reps):
        t, c = time.perf_counter(), time.process_time()
        for d in docs:
            dehyphenate(d, return_alignment=True)
        best = min(best, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
        if i == 0:
            first = time.process_time() - c
    return best, cpu, first


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="", help="comma-separated corpora (default: all of " + ", ".join(NAMES) + ")")
    ap.add_argument("--out", default=str(SCRATCH), help=f"scratch folder for the results (default {SCRATCH})")
    ap.add_argument("--update", action="store_true",
                    help="write the committed benchmarks/results/dehyphenate.json and .md instead of --out")
    args = ap.parse_args(argv)
    names = tuple(n for n in args.only.split(",") if n) or NAMES
    unknown = set(names) - set(NAMES)
    if unknown:
        ap.error(f"unknown corpora {sorted(unknown)}; choose from {', '.join(NAMES)}")
    if args.update and args.only:
        ap.error("--update writes the full run only (drop --only)")
    if not SHARED.is_dir():
        print(f"missing {SHARED}", file=sys.stderr)
        return 1
    import os

    base = corpus()
    dehyphenate("Премьер- Министрінің келісім- шарт\nжетіс-\nтіктерді")  # load the lexicon first
    # and the learned layer's data: a bare break in reflowed text reaches the weights, the glue
    # counts and the character model
    dehyphenate("Делегацияға цифр\nлық қызметтер саласындағы ұлттық жетіс\nтіктерді таныстырды.", reflow=True)
    closed_compounds()  # (data/dehyph_compounds_kk.txt: read at the first bare break the rules keep apart)
    res: dict = {"python": platform.python_version(), "machine": platform.machine(),
                 "load_before": [round(x, 2) for x in os.getloadavg()], "runs": []}
    chunks = corpus_mod.mixed_chunks(SHARED.parent) if "web-sample" in names else None
    news = news_docs()
    src = {}
    if "wrapped" in names:
        src["wrapped"] = wrapped(base, 1_000_000)
    if "wrapped-lost" in names:
        src["wrapped-lost"] = wrapped(base, 1_000_000, "lost")
    if "narrow-lost" in names or "narrow-lost-1doc" in names:
        src["narrow"] = wrapped(base, 1_000_000, "lost", widths=(15, 20, 25, 30, 35))
    for name in names:
        for mb in (1, 8):
            size = mb * 1_000_000
            if name == "web-sample":
                docs = [corpus_mod.sample(mb, chunks=chunks)]
            elif name == "news-docs":
                docs = [d * mb for d in news]
            elif name == "narrow-lost":
                docs = documents((src["narrow"] * mb)[:size])
            else:
                s = base[:1_000_000] if name == "web" else src["narrow" if name == "narrow-lost-1doc" else name]
                # copies joined at a paragraph break: glued end to start, the junction is a
                # paragraph cut in two that no real text has (and a pass decided again there)
                docs = ["\n\n".join([s] * (size // len(s) + 1))[:size]]
            chars = sum(map(len, docs))
            sec, cpu, first = timeit(docs, reps=5 if mb == 1 else 3)
            res["runs"].append({"corpus": name, "mb": mb, "documents": len(docs), "chars": chars,
                                "seconds": round(sec, 4), "cpu_seconds": round(cpu, 4),
                                "chars_per_s": round(chars / sec), "chars_per_cpu_s": round(chars / cpu),
                                "first_run_chars_per_cpu_s": round(chars / first)})
            print(res["runs"][-1], file=sys.stderr, flush=True)
    res["load_after"] = [round(x, 2) for x in os.getloadavg()]
    for name in names:
        r1, r8 = [r for r in res["runs"] if r["corpus"] == name]
        res[f"{name}_ratio_8MB_over_1MB_time"] = round(r8["seconds"] / r1["seconds"] * r1["chars"] * 8 / r8["chars"], 2)
        res[f"{name}_ratio_8MB_over_1MB_cpu"] = round(r8["cpu_seconds"] / r1["cpu_seconds"] * r1["chars"] * 8 / r8["chars"], 2)
    out = RESULTS if args.update else Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "dehyphenate.json").write_text(json.dumps(res, indent=1), encoding="utf-8")
    lines = ["# dehyphenate speed", "", f"Python {res['python']} ({res['machine']}); `python -m benchmarks.speed.bench_dehyphenate --update`; "
             f"load average before {res['load_before']}, after {res['load_after']} (2 cores)", "",
             "One `dehyphenate(doc, return_alignment=True)` call per document; best of 5 (1 MB) or 3 (8 MB) runs.", "",
             "The last column is the first of those runs (CPU): the word caches then hold only the words "
             "of the corpora before; the others find this corpus's words in it.", "",
             "| corpus | size | documents | chars | seconds | chars/s | CPU seconds | chars/CPU s | first run chars/CPU s |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in res["runs"]:
        lines.append(f"| {r['corpus']} | {r['mb']} MB | {r['documents']} | {r['chars']:,} | {r['seconds']} | {r['chars_per_s']:,} "
                     f"| {r['cpu_seconds']} | {r['chars_per_cpu_s']:,} | {r['first_run_chars_per_cpu_s']:,} |")
    lines += ["", "Linearity (time 8 MB / time 1 MB, scaled to exactly 8x the characters; ideal 8.0, acceptance <= 10): "
              + ", ".join(f"{n} {res[f'{n}_ratio_8MB_over_1MB_time']} (CPU {res[f'{n}_ratio_8MB_over_1MB_cpu']})"
                          for n in names), ""]
    (out / "dehyphenate.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    print(f"[bench_dehyphenate] wrote {out / 'dehyphenate.json'} and .md"
          + ("" if args.update else " (scratch; --update writes benchmarks/results/)"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
