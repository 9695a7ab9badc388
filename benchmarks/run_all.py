"""Run every kaznlp benchmark with one command; regenerate results, plots and the docs tables.

    python -m benchmarks.run_all [--shared PATH] [--quick] [--only core,pipeline,...] [--skip ...]

Steps (each a subprocess, so one failing or missing script never stops the others;
a missing script is skipped with a note):

==============  ==============================================  =====================================
name            script                                          writes (benchmarks/results/)
==============  ==============================================  =====================================
core            ``accuracy/bench_core.py --update-docs``        core.json, core.md (+ docs block)
normalize       ``speed/bench_normalize.py``                    normalize.json, normalize.md
normalize_set   ``testsets/normalize_testset.py``               normalize_testset.json
dehyphenate     ``speed/bench_dehyphenate.py --update``         dehyphenate.json, dehyphenate.md
dehyph_set      ``testsets/dehyphenate_testset.py --json ...``  dehyphenate_testset.json
ner             ``speed/bench_ner.py`` (if present)             its own files
ner_eval        ``training/ner/evaluate.py --out ...``            ner_kaznerd.json (KazNERD test P/R/F1)
pipeline        ``speed/bench_scaling.py``                      pipeline.json, pipeline.md
==============  ==============================================  =====================================

Then ``benchmarks/common/plots.py`` draws ``docs/img/*.png`` and this script writes
``results/summary.json`` and ``results/summary.md`` (every step's status and time,
the accuracy tables, the headline speed figures) and refreshes the block between
``<!-- run-all:start -->`` and ``<!-- run-all:end -->`` in ``docs/benchmarks.md``.

Budget: under 10 minutes on 2 cores. ``--quick`` is a smoke test (about 2 minutes):
core and pipeline benchmarks at small sizes, nothing written to results/ or docs/.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
DOCS = REPO / "docs" / "benchmarks.md"
START, END = "<!-- run-all:start -->", "<!-- run-all:end -->"
LONG_STEPS = {"pipeline": 2}  # timeout multiplier: the scaling runs process 222 MB of text
ENV = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""), "MPLBACKEND": "Agg"}


def steps(quick: bool, shared: str | None) -> list[tuple[str, str, list[str]]]:
    """``(name, script file, argv)`` in run order.

    With ``quick`` only the steps that can run small and without writing results
    run (a smoke test must not overwrite the full results the docs show).
    """
    sh = ["--shared", shared] if shared else []
    if quick:
        return [
            ("core", "accuracy/bench_core.py", ["-m", "benchmarks.accuracy.bench_core", "--quick", "--no-write", *sh]),
            ("pipeline", "speed/bench_scaling.py", ["-m", "benchmarks.speed.bench_scaling", "--quick", "--no-write", *sh]),
        ]
    return [
        ("core", "accuracy/bench_core.py", ["-m", "benchmarks.accuracy.bench_core", "--update-docs", *sh]),
        ("normalize", "speed/bench_normalize.py", ["-m", "benchmarks.speed.bench_normalize"]),
        ("normalize_set", "testsets/normalize_testset.py", ["-m", "benchmarks.testsets.normalize_testset", "--show-failures", "0"]),
        ("dehyphenate", "speed/bench_dehyphenate.py", ["-m", "benchmarks.speed.bench_dehyphenate", "--update"]),
        ("dehyph_set", "testsets/dehyphenate_testset.py",
         ["-m", "benchmarks.testsets.dehyphenate_testset", "--json", str(RESULTS / "dehyphenate_testset.json"),
          *(["--shared", str(Path(shared) / "data")] if shared else [])]),
        ("ner", "speed/bench_ner.py", ["-m", "benchmarks.speed.bench_ner"]),
        ("ner_eval", "../training/ner/evaluate.py",
         ["-m", "training.ner.evaluate", "--out", str(RESULTS / "ner_kaznerd.json"),
          *(["--kaznerd", str(Path(shared) / "data" / "kaznerd")] if shared else [])]),
        ("pipeline", "speed/bench_scaling.py", ["-m", "benchmarks.speed.bench_scaling", *sh]),
    ]


def run_step(name: str, script: str, argv: list[str], timeout: float, log_dir: Path) -> dict:
    if not (HERE / script).exists():
        return {"name": name, "status": "skipped", "note": f"{(HERE / script).resolve().relative_to(REPO)} not present"}
    print(f"[run_all] {name}: python {' '.join(argv)}", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    log = log_dir / f"{name}.log"
    try:
        with log.open("w", encoding="utf-8") as fh:
            res = subprocess.run([sys.executable, *argv], cwd=REPO, env=ENV, stdout=fh, stderr=subprocess.STDOUT,
                                 timeout=timeout)
        status = "ok" if res.returncode == 0 else f"failed (exit {res.returncode})"
    except subprocess.TimeoutExpired:
        status = f"timed out after {timeout:.0f} s"
    sec = time.perf_counter() - t0
    tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
    shown = " ".join(argv).replace(str(REPO) + os.sep, "")
    out = {"name": name, "status": status, "seconds": round(sec, 1), "command": "python " + shown}
    if status != "ok":
        out["note"] = " / ".join(tail)[-400:]
    print(f"[run_all] {name}: {status} in {sec:.0f} s", file=sys.stderr, flush=True)
    return out


def _j(name: str) -> dict | None:
    p = RESULTS / name
    try:
        return json.loads(p.read_text(encoding="utf-8")) if p.exists() else None
    except ValueError:
        return None


def _fmt(v: object, key: str = "") -> str:
    if isinstance(v, bool) or key == "seed":
        return str(v)
    if isinstance(v, float):
        return f"{v:.4f}" if abs(v) < 1 else f"{v:,.2f}" if v < 1000 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def accuracy_tables() -> list[str]:
    lines: list[str] = []
    core = _j("core.json")
    if core and core.get("accuracy"):
        lines += ["### Tokens and sentences: UD Kazakh-KTB", "",
                  "| tool | token F1 | boundary F1 | exact-sentence F1 |", "|---|---:|---:|---:|"]
        for n, r in core["accuracy"].items():
            t = r.get("tokens", {}).get("f1")
            b = r.get("sentences", {}).get("boundary", {}).get("f1")
            e = r.get("sentences", {}).get("exact", {}).get("f1")
            lines.append(f"| {n} | {'—' if t is None else f'{t:.1f}'} | {'—' if b is None else f'{b:.1f}'} | "
                         f"{'—' if e is None else f'{e:.1f}'} |")
        lines.append("")
    norm = _j("normalize_testset.json")
    if norm:
        lines += ["### Normalization test set (`benchmarks/testsets/normalize_testset.py`)", "", "| measure | value |",
                  "|---|---|"]
        lines += [f"| {k} | {_fmt(v, k)} |" for k, v in norm.items() if not isinstance(v, (dict, list))]
        for k, v in norm.get("exact_repair_by_damage_kind", {}).items():
            lines.append(f"| exact repair: {k} | {v} |")
        lines.append("")
    dh = _j("dehyphenate_testset.json")
    if dh and isinstance(dh.get("summary"), dict):
        groups = {k: v for k, v in dh["summary"].items() if isinstance(v, dict) and "repaired_pct" in v}
        if groups:
            lines += ["### De-hyphenation test set (`benchmarks/testsets/dehyphenate_testset.py`)", "",
                      "| subset | broken words | repaired % | wrong glue % (line ends) | real hyphens destroyed |",
                      "|---|---:|---:|---:|---:|"]
            for k, v in groups.items():
                lines.append(f"| {k} | {_fmt(v.get('broken_words', '—'))} | {_fmt(v.get('repaired_pct', '—'))} | "
                             f"{_fmt(v.get('wrong_glue_pct_line_boundaries', v.get('wrong_glue_pct_all_boundaries', '—')))}"
                             f" | {_fmt(v.get('real_hyphens_destroyed', '—'))} |")
            lines.append("")
    ev = _j("ner_kaznerd.json")
    if ev and isinstance(ev.get("gold_tokens"), dict):
        lines += ["### NER: KazNERD test split (`training/ner/evaluate.py`)", "",
                  f"{ev.get('sentences', 0):,} sentences, {ev.get('tokens', 0):,} tokens; exact-match entity P/R/F1 "
                  "(micro, %). *Gold tokens*: the model tags KazNERD's tokens (comparable with published KazNERD "
                  "figures); *end to end*: detokenized text through kaznlp's normalizer, tokenizer and NER, entities "
                  "compared as character spans.", "",
                  "| label | support | gold tokens P | R | F1 | end to end P | R | F1 |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        e2e = ev.get("end_to_end") or {}
        order = ["ALL"] + sorted((k for k in ev["gold_tokens"] if k != "ALL"),
                                 key=lambda k: -ev["gold_tokens"][k].get("support", 0))
        for k in order:
            g, e = ev["gold_tokens"][k], e2e.get(k, {})
            cells = [f"{x:.1f}" if isinstance(x, (int, float)) else "—"
                     for x in (g.get("p"), g.get("r"), g.get("f"), e.get("p"), e.get("r"), e.get("f"))]
            lines.append(f"| {'**all**' if k == 'ALL' else k} | {g.get('support', 0):,} | " + " | ".join(cells) + " |")
        lines.append("")
    ner_md = [p for p in sorted(RESULTS.glob("ner*.md"))]
    if ner_md:
        lines += ["### NER (`benchmarks/speed/bench_ner.py`)", ""]
        for p in ner_md:  # its own report, headings demoted, as the NER benchmark wrote it
            body = p.read_text(encoding="utf-8").strip().split("\n")
            body = body[1:] if body and body[0].startswith("# ") else body
            lines += [("#" + x if x.startswith("#") else x) for x in body] + [""]
    else:
        lines += ["### NER (KazNERD)", "", "No NER benchmark results in this run (`benchmarks/speed/bench_ner.py` absent or "
                  "failed); see [ner.md](ner.md).", ""]
    return lines


def speed_lines() -> list[str]:
    lines: list[str] = []
    pipe = _j("pipeline.json")
    if pipe:
        full = {r["tool"]: r for r in pipe["stages"] if "chars_per_s" in r}
        lines += ["### Throughput (chars/s, one call per ~16k-char document)", "", "| stage | tool | chars/s |",
                  "|---|---|---:|"]
        order = ["normalize", "dehyphenate", "split", "tokenize", "pipeline", "ner"]
        for r in sorted(full.values(), key=lambda r: (order.index(r["group"]) if r["group"] in order else 99,
                                                       -r["chars_per_s"])):
            lines.append(f"| {r['group']} | {r['tool']} | {r['chars_per_s']:,.0f} |")
        lines.append("")
        runs = pipe.get("corpus", {}).get("runs", [])
        if runs:
            lines += ["### `kaznlp process ../shared/data/news ../shared/data/other`", "",
                      "| jobs | docs | chars | seconds | CPU s | docs/s | chars/s | offset errors |",
                      "|---:|---:|---:|---:|---:|---:|---:|---:|"]
            for r in runs:
                if "error" not in r:
                    lines.append(f"| {r['jobs']} | {r['docs']:,} | {r['chars']:,} | {r['seconds']:.2f} | "
                                 f"{r['cpu_seconds']:.2f} | {r['docs_per_s']:,.1f} | {r['chars_per_s']:,.0f} | "
                                 f"{r['offset_errors']} |")
            lines.append("")
        if pipe.get("scaling"):
            lines += ["### Scaling", "", "| MB | jobs | seconds | CPU s | chars/s | load before → after |",
                      "|---:|---:|---:|---:|---:|---|"]
            for r in pipe["scaling"]:
                if "error" not in r:
                    lines.append(f"| {r['mb']:g} | {r['jobs']} | {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | "
                                 f"{r['chars_per_s']:,.0f} | {r['load_before']:.1f} → {r['load_after']:.1f} |")
            sp = pipe.get("speedup_jobs2", {})
            ce = pipe.get("parallel_ceiling", {})
            lines += ["", "jobs 2 / jobs 1 speedup: " + ", ".join(
                f"{k if k == 'corpus' else f'{float(k):g} MB'} **{v:.2f}×** (machine ceiling {ce.get(k, float('nan')):.2f}×)"
                for k, v in sp.items()) + ". The ceiling is what two processes of a plain CPU loop gained over one on "
                "this machine just before the runs (2.00× with two free cores).", ""]
    return lines


def render(summary: dict) -> str:
    m = summary.get("machine") or {}
    lines = [
        "# kaznlp benchmarks: summary of one `run_all` run",
        "",
        f"Run {summary['date']} with `{summary['command']}`; total **{summary['total_seconds']:.0f} s**.",
        f"Machine: {m.get('cpu', '?')} ({m.get('cores_usable', '?')} usable cores), Python {m.get('python', '?')}; "
        f"load average at start {summary['load_start']:.1f}, at end {summary['load_end']:.1f}.",
        "",
        "> Absolute times depend on the machine (and on what else runs on it); ratios between tools and between "
        "`--jobs` settings are what carry across machines.",
        "",
        "| step | status | seconds | command |",
        "|---|---|---:|---|",
    ]
    for s in summary["steps"]:
        status = s["status"] + (f": {s['note']}" if s.get("note") else "")
        lines.append(f"| {s['name']} | {status} | {s.get('seconds', '—')} | `{s.get('command', '')}` |")
    lines += ["", "## Accuracy", "", *accuracy_tables(), "## Speed", "", *speed_lines(), "## Figures", ""]
    for p in summary["figures"]:
        name = Path(p).name
        lines.append(f"![{name}](../../docs/img/{name})")
    lines += ["", "Full tables: " + ", ".join(f"[`{p.name}`]({p.name})" for p in sorted(RESULTS.glob("*.md"))
                                              if p.name != "summary.md"), ""]
    return "\n".join(lines)


def update_docs(md: str) -> bool:
    """Replace the run-all block of docs/benchmarks.md (created at the end if the markers are missing)."""
    if not DOCS.exists():
        return False
    doc = DOCS.read_text(encoding="utf-8")
    body = md.split("\n", 1)[1].replace("../../docs/img/", "img/").replace("](", "](", 1)
    body = body.replace("\n## ", "\n#### ").replace("\n### ", "\n##### ")
    body = body.replace("Full tables: ", "Full tables (in `benchmarks/results/`): ")
    import re

    body = re.sub(r"\[`([^`]+\.md)`\]\(\1\)", r"[`\1`](../benchmarks/results/\1)", body)
    howto = ("Every benchmark, its tables and the figures below come from one command, run from the repository "
             "root next to `../shared` (or pass `--shared PATH`):\n\n"
             "```sh\npip install -e \".[bench,dask]\"\npython -m benchmarks.run_all            # under 10 minutes on 2 cores\n"
             "python -m benchmarks.run_all --quick    # smoke run, writes nothing\n```\n\n"
             "It writes `benchmarks/results/*.json` and `*.md`, `benchmarks/results/summary.md`, `docs/img/*.png` "
             "and this section (and the core block above).\n\n")
    block = (f"{START}\n_Written by `python -m benchmarks.run_all`; do not edit by hand._\n\n{howto}"
             f"{body.strip()}\n{END}")
    i, j = doc.find(START), doc.find(END)
    if i >= 0 and j > i:
        doc = doc[:i] + block + doc[j + len(END):]
    else:
        doc = doc.rstrip() + "\n\n## All benchmarks in one run\n\n" + block + "\n"
    DOCS.write_text(doc, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run_all", description=__doc__.split("\n")[0])
    ap.add_argument("--shared", help="shared folder (default: $KAZNLP_SHARED or <repo>/../shared)")
    ap.add_argument("--quick", action="store_true", help="smoke run: small sizes everywhere")
    ap.add_argument("--only", help="comma-separated step names to run (the others keep their results and summary rows from the earlier run)")
    ap.add_argument("--skip", default="", help="comma-separated step names to leave out")
    ap.add_argument("--timeout", type=float, default=420, help="seconds per step (default %(default)s)")
    ap.add_argument("--no-docs", action="store_true", help="do not touch docs/ (plots and tables); implied by --quick")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    RESULTS.mkdir(parents=True, exist_ok=True)
    log_dir = Path(tempfile.mkdtemp(prefix="kaznlp-run-all-"))
    print(f"[run_all] step logs in {log_dir}", file=sys.stderr)
    no_docs = args.no_docs or args.quick
    only = set(filter(None, (args.only or "").split(",")))
    skip = set(filter(None, args.skip.split(",")))
    load_start = os.getloadavg()[0]
    earlier = _j("summary.json") or {}
    earlier_steps = {s["name"]: s for s in earlier.get("steps", []) if s.get("seconds") is not None}
    done = []
    for name, script, argv_ in steps(args.quick, args.shared):
        if (only and name not in only) or name in skip:
            # results of a step not run now stay from the earlier run: say so, with its row
            prev = earlier_steps.get(name)
            if prev and not str(prev.get("note", "")).startswith("kept from"):
                prev = dict(prev, note=f"kept from the run of {earlier.get('date', '?')}")
            done.append(prev or {"name": name, "status": "not selected"})
            continue
        done.append(run_step(name, script, argv_, args.timeout * LONG_STEPS.get(name, 1), log_dir))
    figures: list[str] = []
    if not no_docs:
        from benchmarks.common import plots

        figures = plots.main()
    machine = (_j("pipeline.json") or _j("core.json") or {}).get("machine")
    summary = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python -m benchmarks.run_all" + (" --quick" if args.quick else ""),
        "machine": machine,
        "steps": done,
        "figures": figures,
        "load_start": load_start,
        "load_end": os.getloadavg()[0],
        "total_seconds": time.perf_counter() - t0,
    }
    md = render(summary)
    if not args.quick:
        (RESULTS / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
        (RESULTS / "summary.md").write_text(md, encoding="utf-8")
    if not no_docs:
        ok = update_docs(md)
        print(f"[run_all] docs/benchmarks.md {'updated' if ok else 'missing'}", file=sys.stderr)
    print(md)
    print(f"[run_all] done in {summary['total_seconds']:.0f} s; results in {RESULTS}", file=sys.stderr)
    return summary


if __name__ == "__main__":
    main()
