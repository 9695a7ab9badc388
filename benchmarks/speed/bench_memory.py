"""Peak memory of ``kaznlp process`` on large JSONL corpora: streaming keeps it flat.

Builds a JSONL file of N MB (news documents from ``benchmarks/common/corpus.py``, repeated with
fresh ids) in a temporary folder, runs the CLI on it in a child process, and reports the
child's peak resident set size (``ru_maxrss``) with the throughput. Peak RSS should not
grow with the corpus size: 100 MB and 1 GB use about the same memory.

Usage::

    python -m benchmarks.speed.bench_memory [--sizes 100,1000] [--jobs 1] [--steps normalize,...]

Writes ``benchmarks/results/memory.{json,md}``. Needs ``../shared`` (or ``--shared``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import corpus

HERE = Path(__file__).resolve().parent.parent
RESULTS = HERE / "results"


def write_jsonl(path: Path, mb: float, shared: str | None) -> tuple[int, int]:
    """Write about ``mb`` MB of JSONL documents to ``path``; return (documents, bytes)."""
    texts = [t for group in corpus.load_sources(shared).values() for t in group if t.strip()]
    target = int(mb * 1_000_000)
    written = docs = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            for text in texts:
                line = json.dumps({"id": f"d{docs}", "text": text}, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                docs += 1
                if written >= target:
                    break
    return docs, written


def run_cli(src: Path, jobs: int, steps: str) -> dict:
    out = src.with_suffix(".out.jsonl")
    cmd = [sys.executable, "-m", "kaznlp", "process", str(src), "-o", str(out), "--overwrite",
           "--jobs", str(jobs), "--steps", steps]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if res.returncode not in (0, 1):  # 1: finished, some documents failed (docs/cli.md)
        raise RuntimeError(f"kaznlp process exited {res.returncode}: {res.stderr[-500:]}")
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out_bytes = out.stat().st_size
    out.unlink()
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak_kb / 1024, 1),
            "peak_grew_from_mb": round(before / 1024, 1), "output_mb": round(out_bytes / 1e6, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,1000", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--steps", default="normalize,dehyphenate,sentences,tokens")
    ap.add_argument("--shared", default=None)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (float(s) for s in args.sizes.split(",")):
            src = Path(tmp) / f"corpus_{int(mb)}mb.jsonl"
            docs, size = write_jsonl(src, mb, args.shared)
            row = {"input_mb": round(size / 1e6, 1), "documents": docs, "jobs": args.jobs, "steps": args.steps}
            row.update(run_cli(src, args.jobs, args.steps))
            row["chars_per_s_approx"] = round(size / 1.8 / row["seconds"])  # ~1.8 UTF-8 bytes a char
            rows.append(row)
            src.unlink()
            print(json.dumps(row, ensure_ascii=False), flush=True)
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "memory.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
        lines = ["# Peak memory of `kaznlp process` on JSONL corpora", "",
                 "Child-process peak RSS (`ru_maxrss`); one run each. Ratios carry across machines, absolute times do not.",
                 "", "| input | documents | jobs | seconds | peak RSS (MB) | output |", "|---:|---:|---:|---:|---:|---:|"]
        for r in rows:
            lines.append(f"| {r['input_mb']} MB | {r['documents']:,} | {r['jobs']} | {r['seconds']} | "
                         f"{r['peak_rss_mb']} | {r['output_mb']} MB |")
        (RESULTS / "memory.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
