"""Adversarial inputs in linear time: every public function on 1 MB and 8 MB of each case.

Cases (issue 7): 8 MB with no white space; a million dots; a million ``т.б.``; deeply
nested and unbalanced quotes and brackets; hyphens and line breaks alternating; one
line of combining marks; single-letter lines. For each function and case the script
reports the time for 1 MB and for 8 MB and their ratio, which must stay at most 10
(linear growth is 8), with no 8 MB run above 30 s.

Usage::

    python -m benchmarks.bench_adversarial [--sizes 1,8] [--functions tokenize,split_sentences]

Writes ``benchmarks/results/adversarial.{json,md}``. This is a benchmark, not a test:
timings depend on the machine; ratios carry across machines.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import kaznlp

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
MB = 1_000_000  # characters per "MB" of input (the cases are mostly 1-2 byte characters)
MAX_RATIO = 10.0
MAX_SECONDS = 30.0


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


CASES: dict[str, Callable[[int], str]] = {
    "no white space": lambda n: _repeat("Қазақстан", n),
    "dots": lambda n: "." * n,
    "т.б. repeated": lambda n: _repeat("т.б. ", n),
    "nested quotes": lambda n: "«" * (n // 2) + "»" * (n - n // 2),
    "unbalanced quotes": lambda n: _repeat("«Ол келді. Біз (кеттік. «", n),
    "hyphen + line break": lambda n: _repeat("-\n", n),
    "combining marks": lambda n: "а" + "\u0301" * (n - 1),
    "single-letter lines": lambda n: _repeat("а\n", n),
    "soft hyphens": lambda n: _repeat("бар\u00adлық\u00ad ", n),
    "lookalike letters": lambda n: _repeat("мемлекеттiк Aстана ", n),
}


def _functions() -> dict[str, Callable[[str], object]]:
    funcs: dict[str, Callable[[str], object]] = {
        "normalize": kaznlp.normalize,
        "dehyphenate": kaznlp.dehyphenate,
        "split_sentences": kaznlp.split_sentences,
        "tokenize": kaznlp.tokenize,
        "process": kaznlp.process,
    }
    return funcs


def _time(func: Callable[[str], object], text: str) -> float:
    gc.collect()
    start = time.perf_counter()
    func(text)
    return time.perf_counter() - start


def run(sizes: tuple[float, float], names: list[str] | None) -> list[dict]:
    rows = []
    funcs = _functions()
    for fname, func in funcs.items():
        if names and fname not in names:
            continue
        for case, make in CASES.items():
            small, large = (make(int(s * MB)) for s in sizes)
            t_small = min(_time(func, small) for _ in range(3))
            t_large = _time(func, large)
            if t_large < 10.0:  # short timings are noisy on a shared machine: best of 3 (or 2)
                t_large = min([t_large] + [_time(func, large) for _ in range(2 if t_large < 2.0 else 1)])
            ratio = t_large / t_small if t_small > 0 else float("inf")
            row = {
                "function": fname, "case": case, "small_mb": sizes[0], "large_mb": sizes[1],
                "time_small_s": round(t_small, 4), "time_large_s": round(t_large, 4), "ratio": round(ratio, 2),
                "ok": ratio <= MAX_RATIO * sizes[1] / 8 / sizes[0] and t_large <= MAX_SECONDS,
            }
            rows.append(row)
            print(f"{fname:16s} {case:22s} {t_small:8.3f}s {t_large:8.3f}s  ratio {ratio:6.2f}"
                  f"  {'ok' if row['ok'] else 'SLOW'}", flush=True)
    return rows


def _markdown(rows: list[dict], info: dict) -> str:
    lines = [
        "# Adversarial inputs: time for 1 MB and 8 MB",
        "",
        f"Machine: {info['cpu']}, Python {info['python']}. Ratios, not absolute times, carry across machines.",
        "A ratio of 8 is linear; the bar is 10, and no 8 MB run above 30 s.",
        "",
        "| function | case | 1 MB (s) | 8 MB (s) | ratio | ok |",
        "|---|---|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(f"| {r['function']} | {r['case']} | {r['time_small_s']:.3f} | {r['time_large_s']:.3f} "
                     f"| {r['ratio']:.2f} | {'yes' if r['ok'] else '**no**'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1,8", help="small,large sizes in millions of characters")
    ap.add_argument("--functions", default="", help="comma-separated subset of functions")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    sizes = tuple(float(x) for x in args.sizes.split(","))
    rows = run(sizes, [f for f in args.functions.split(",") if f] or None)
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {"cpu": cpu, "python": sys.version.split()[0], "kaznlp": kaznlp.__version__}
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "adversarial.json").write_text(json.dumps({"machine": info, "rows": rows}, indent=1, ensure_ascii=False))
        (RESULTS / "adversarial.md").write_text(_markdown(rows, info), encoding="utf-8")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
