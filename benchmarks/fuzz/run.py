"""Coverage-guided fuzzing of every public function with atheris (libFuzzer), outside CI.

One target per public function (``benchmarks/fuzz/targets.py``); each checks the same
properties as ``tests/test_properties_*.py`` (no exception, exact offsets, nothing lost,
alignments exact, idempotence). kaznlp is instrumented, so libFuzzer keeps the inputs
that reach new code. A failing input does not stop the run: it is minimised
(``minimize.py``), printed and appended to ``--findings`` once per distinct failure
(exception type and where it was raised), and fuzzing goes on.

Usage (one process at a time on a shared machine, niced)::

    nice -n 15 python -m benchmarks.fuzz.run dehyphenate --seconds 1800
    nice -n 15 python -m benchmarks.fuzz.run all --seconds 1800     # every target in turn

Each run appends one JSON line (target, seconds, executions, distinct failures) to
``benchmarks/fuzz/runs.jsonl``; ``docs/reliability.md`` records the runs made.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: The targets of benchmarks/fuzz/targets.py (not imported here: kaznlp must be imported
#: for the first time inside atheris' instrumentation).
TARGET_NAMES = ("dehyphenate", "process", "tokenize", "split_sentences", "normalize", "explain",
                "dehyphenate_options", "ner")
ROOT = HERE.parent.parent


def _where(exc: BaseException) -> str:
    """Where the failure was raised: the innermost kaznlp frame, else the innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    inner = [f for f in frames if "/kaznlp/" in f.filename] or frames
    f = inner[-1]
    return f"{Path(f.filename).name}:{f.lineno}"


def _key(exc: BaseException) -> str:
    msg = str(exc).split("\n")[0]
    if isinstance(exc, AssertionError):  # a broken property: which one, not the data in it
        msg = "".join(c for c in msg.split(":")[0] if not c.isdigit())[:80]
    else:
        msg = ""
    return f"{type(exc).__name__} at {_where(exc)} {msg}".strip()


def fuzz_one(name: str, seconds: int, max_len: int, findings: Path, corpus: Path | None) -> dict:
    import atheris

    with atheris.instrument_imports(include=["kaznlp"]):
        import kaznlp  # noqa: F401
        import kaznlp.ner  # noqa: F401
    from benchmarks.fuzz.minimize import minimize
    from benchmarks.fuzz.targets import TARGETS, decode

    target = TARGETS[name]
    if name == "ner":
        target("Астана")  # load the model before timing starts
    seen: dict[str, str] = {}
    stats = {"target": name, "engine": f"atheris {getattr(atheris, '__version__', '')}".strip(),
             "seconds": seconds, "executions": 0, "failures": 0, "distinct": []}
    start = time.time()

    def key_of(text: str) -> str | None:
        try:
            target(text)
        except Exception as exc:  # noqa: BLE001 - every failure is a finding
            return _key(exc)
        return None

    def test_one(data: bytes) -> None:
        if time.time() - start > seconds:  # libFuzzer's own exit skips Python: stop here
            write_stats()
            os._exit(0)
        stats["executions"] += 1
        text = decode(data)
        key = key_of(text)
        if key is None:
            return
        stats["failures"] += 1
        if key in seen:
            return
        small = minimize(text, lambda t: key_of(t) == key, max_steps=1500)
        seen[key] = small
        stats["distinct"].append({"key": key, "input": repr(small)})
        line = {"function": name, "failure": key, "input": repr(small),
                "found": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
        with findings.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        print(f"\nFINDING {name}: {key}\n  {small!r}\n", flush=True)

    def write_stats() -> None:
        stats["elapsed_s"] = round(time.time() - start, 1)
        stats["date"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        with (HERE / "runs.jsonl").open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(stats, ensure_ascii=False) + "\n")
        print(json.dumps(stats, ensure_ascii=False), flush=True)

    args = [sys.argv[0], f"-max_total_time={seconds + 120}", f"-max_len={max_len}", "-timeout=60",
            "-print_final_stats=1"]
    if corpus is not None:
        corpus.mkdir(parents=True, exist_ok=True)
        if not any(corpus.iterdir()):  # seed: lines of the Kazakh sample text (kaznlp/data)
            from benchmarks.fuzz.targets import encode
            sample = (ROOT / "kaznlp" / "data" / "sample_kk.txt").read_text(encoding="utf-8")
            for k, para in enumerate(p for p in sample.split("\n") if p.strip()):
                (corpus / f"seed{k}").write_bytes(encode(para[:max_len // 3]))
        args.append(str(corpus))
    atheris.Setup(args, test_one)
    atheris.Fuzz()
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("target", help="a target name from benchmarks/fuzz/targets.py, or 'all'")
    ap.add_argument("--seconds", type=int, default=1800, help="fuzzing time per target")
    ap.add_argument("--max-len", type=int, default=600, help="largest fuzzer input in bytes")
    ap.add_argument("--findings", type=Path, default=HERE / "findings.jsonl")
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "kaznlp_fuzz_corpus",
                    help="libFuzzer corpus directory (one sub-directory per target; not committed)")
    args = ap.parse_args(argv)
    names = list(TARGET_NAMES) if args.target == "all" else [args.target]
    if len(names) > 1:  # libFuzzer exits the process when done: one child per target, in turn
        for name in names:
            subprocess.run([sys.executable, "-m", "benchmarks.fuzz.run", name, "--seconds", str(args.seconds),
                            "--max-len", str(args.max_len), "--findings", str(args.findings),
                            "--corpus", str(args.corpus)], cwd=ROOT, check=False)
        return 0
    if names[0] not in TARGET_NAMES:
        ap.error(f"unknown target {names[0]!r}; one of {', '.join(sorted(TARGETS))} or 'all'")
    fuzz_one(names[0], args.seconds, args.max_len, args.findings, args.corpus / names[0])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
