"""Speed of ``kaznlp.dehyphenate`` (chars/s) and linearity (1 MB vs 8 MB).

    python benchmarks/bench_dehyphenate.py      # writes benchmarks/results/dehyphenate.{json,md}

Corpora (read from ../shared/data at run time):
* ``web``: the apertium web crawl + NTREX + KazQAD text as it is (one paragraph or
  sentence per line, no wrapping), repeated to 1 M and 8 M characters;
* ``web-sample``: ``benchmarks/corpus.py`` ``sample(1)`` and ``sample(8)`` (1 and 8 MB of
  UTF-8: the sources interleaved in 16 K chunks, the whole mix repeated as needed);
* ``wrapped``: the same text wrapped at 60 characters with hyphen + newline breaks
  (every line goes through the full decision path);
* ``wrapped-lost``: wrapped the same way but the line-end hyphens lost (seed 004, PDF
  extraction): every bare break is weighed by the rules and the learned layer, the slowest
  path.

Times are the best of several runs, wall clock (``seconds``) and CPU time of this process
(``cpu_seconds``, less disturbed by other processes on a shared machine); the linearity
ratio is given for both.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from kaznlp.dehyphenate import dehyphenate  # noqa: E402


def corpus() -> str:
    parts = []
    for p in sorted((SHARED / "news" / "apertium_kaz_rus_corpus").glob("*kaz*")):
        parts.append(p.read_text(encoding="utf-8"))
    for name in ("news/ntrex128_kaz.jsonl", "other/kazqad_wiki/kazqad_val_passages.jsonl"):
        for line in (SHARED / name).open(encoding="utf-8"):
            parts.append(json.loads(line)["text"])
    return "\n\n".join(parts)


def wrapped(text: str, size: int, style: str = "hyphen") -> str:
    from dehyphenate_testset import Hyphenator, _wrap_para
    import random

    hy = Hyphenator(SHARED / "hyphenation" / "hyph-kk.pat.txt")
    rng = random.Random(1)
    out, n = [], 0
    for para in text.split("\n"):
        words = para.split()
        if not words:
            continue
        w, _ = _wrap_para(words, 60, style, hy, rng)
        out.append(w)
        n += len(w) + 2
        if n >= size:
            break
    return "\n\n".join(out)


def timeit(text: str, reps: int = 3) -> tuple[float, float]:
    best = cpu = float("inf")
    for _ in range(reps):
        t, c = time.perf_counter(), time.process_time()
        dehyphenate(text, return_alignment=True)  # as kaznlp.process() calls it
        best = min(best, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    return best, cpu


def main() -> int:
    if not SHARED.is_dir():
        print(f"missing {SHARED}", file=sys.stderr)
        return 1
    import corpus as corpus_mod

    base = corpus()
    dehyphenate("Премьер- Министрінің келісім- шарт\nжетіс-\nтіктерді")  # load the lexicon first
    res: dict = {"python": platform.python_version(), "machine": platform.machine(), "runs": []}
    wrapped_base = {"wrapped": wrapped(base, 1_000_000), "wrapped-lost": wrapped(base, 1_000_000, "lost")}
    chunks = corpus_mod.mixed_chunks(SHARED.parent)
    names = ("web", "web-sample", "wrapped", "wrapped-lost")
    for name in names:
        for mb in (1, 8):
            if name == "web-sample":
                text = corpus_mod.sample(mb, chunks=chunks)
            else:
                src = base if name == "web" else wrapped_base[name]
                size = mb * 1_000_000
                text = (src * (size // len(src) + 1))[:size]
            sec, cpu = timeit(text, reps=5 if mb == 1 else 3)
            res["runs"].append({"corpus": name, "mb": mb, "chars": len(text), "seconds": round(sec, 4),
                                "cpu_seconds": round(cpu, 4), "chars_per_s": round(len(text) / sec),
                                "chars_per_cpu_s": round(len(text) / cpu)})
    for name in names:
        r1, r8 = [r for r in res["runs"] if r["corpus"] == name]
        res[f"{name}_ratio_8MB_over_1MB_time"] = round(r8["seconds"] / r1["seconds"], 2)
        res[f"{name}_ratio_8MB_over_1MB_cpu"] = round(r8["cpu_seconds"] / r1["cpu_seconds"], 2)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "dehyphenate.json").write_text(json.dumps(res, indent=1), encoding="utf-8")
    lines = ["# dehyphenate speed", "", f"Python {res['python']} ({res['machine']}); `python benchmarks/bench_dehyphenate.py`", "",
             "| corpus | size | chars | seconds | chars/s | CPU seconds | chars/CPU s |", "|---|---|---|---|---|---|---|"]
    for r in res["runs"]:
        lines.append(f"| {r['corpus']} | {r['mb']} MB | {r['chars']:,} | {r['seconds']} | {r['chars_per_s']:,} "
                     f"| {r['cpu_seconds']} | {r['chars_per_cpu_s']:,} |")
    lines += ["", "Linearity (time 8 MB / time 1 MB, ideal 8.0, acceptance <= 10): "
              + ", ".join(f"{n} {res[f'{n}_ratio_8MB_over_1MB_time']} (CPU {res[f'{n}_ratio_8MB_over_1MB_cpu']})"
                          for n in names), ""]
    (out / "dehyphenate.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
