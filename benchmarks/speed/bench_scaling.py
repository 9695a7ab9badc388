"""Pipeline benchmark: throughput per stage, full pipeline vs peers, and CLI scaling.

Three parts, all on raw Kazakh text from ``<shared>/data`` (``benchmarks/common/corpus.py``):

1. **stages**: kaznlp's normalize, dehyphenate, split_sentences, tokenize, the full
   ``process()`` (its tokens read: the records are made at that first read) and ``process()`` + JSON record (what ``kaznlp process`` does per
   document), side by side with the peers a user would pick instead: ftfy
   (text repair), razdel (split + tokenize), blingfire, spaCy ``blank("ky")``
   tokenizer, pysbd, sentencex, Stanza (``tokenize`` processor, only if installed
   with its Kazakh model). Each tool gets the same documents: ~16k-character pieces
   of the mixed corpus, about ``--stage-mb`` MB in all; one call per document.
2. **corpus**: ``kaznlp process ../shared/data/news ../shared/data/other`` (every
   file, as a user would run it) with ``--jobs 1`` and ``--jobs 2``; offsets of every
   output record are checked.
3. **scaling**: ``kaznlp process`` on a JSONL corpus of 1, 10 and 100 MB (the
   mixed corpus repeated) with ``--jobs 1`` and ``--jobs 2``, wall-clock time of the
   whole command (start-up, reading and writing included).

Usage (from the repository root)::

    python -m benchmarks.speed.bench_scaling [--shared PATH] [--quick] [--sizes 1,10,100]

Writes ``benchmarks/results/pipeline.json`` and ``pipeline.md``. The load average
is recorded before and after each timed CLI run: on a busy machine the jobs-2
speedup is understated, and the report says so.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.common import corpus

HERE = Path(__file__).resolve().parent.parent
REPO = HERE.parent
RESULTS = HERE / "results"
ENV = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def machine() -> dict:
    """CPU, usable cores, Python, OS (shared with bench_core's report)."""
    from benchmarks.accuracy.bench_core import machine_info

    return machine_info()


def load() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:  # pragma: no cover
        return float("nan")


# --- part 1: stages ------------------------------------------------------------------


def _stage_tools() -> tuple[dict[str, tuple[str, str, Callable[[str], object]]], dict[str, str]]:
    """``{name: (group, version, fn)}`` for every stage and peer that can run here; skipped ones with a reason."""
    from benchmarks.common.peers import version

    import kaznlp
    from kaznlp.corpus_io import analyse, to_jsonl

    tools: dict[str, tuple[str, str, Callable[[str], object]]] = {
        "kaznlp normalize": ("normalize", kaznlp.__version__, kaznlp.normalize),
        "kaznlp dehyphenate": ("dehyphenate", kaznlp.__version__, kaznlp.dehyphenate),
        "kaznlp split_sentences": ("split", kaznlp.__version__, kaznlp.split_sentences),
        "kaznlp tokenize": ("tokenize", kaznlp.__version__, kaznlp.tokenize),
        "kaznlp process (all steps, no NER)": ("pipeline", kaznlp.__version__, lambda t: kaznlp.process(t).tokens),
        "kaznlp process + JSON record": ("pipeline", kaznlp.__version__, lambda t: to_jsonl(analyse(t))),
    }
    skipped: dict[str, str] = {}
    try:
        import ftfy

        tools["ftfy fix_text"] = ("normalize", version("ftfy"), ftfy.fix_text)
    except ImportError:
        skipped["ftfy"] = "not installed"
    try:
        import razdel

        tools["razdel sentenize"] = ("split", version("razdel"), lambda t: list(razdel.sentenize(t)))
        tools["razdel tokenize"] = ("tokenize", version("razdel"), lambda t: list(razdel.tokenize(t)))

        def razdel_pipeline(t: str) -> object:
            return [(s, list(razdel.tokenize(s.text))) for s in razdel.sentenize(t)]

        tools["razdel sentenize + tokenize"] = ("pipeline", version("razdel"), razdel_pipeline)
    except ImportError:
        skipped["razdel"] = "not installed"
    try:
        import blingfire

        tools["blingfire sentences"] = ("split", version("blingfire"), blingfire.text_to_sentences_and_offsets)
        tools["blingfire words"] = ("tokenize", version("blingfire"), blingfire.text_to_words_with_offsets)
    except ImportError:
        skipped["blingfire"] = "not installed"
    try:
        import spacy

        nlp = spacy.blank("ky")
        tools['spaCy blank("ky") tokenizer'] = ("tokenize", version("spacy"), nlp.tokenizer)
        nlp2 = spacy.blank("ky")
        nlp2.add_pipe("sentencizer")
        nlp2.max_length = 10**8
        tools['spaCy blank("ky") + sentencizer'] = ("pipeline", version("spacy"), nlp2)
    except ImportError:
        skipped["spacy"] = "not installed"
    try:
        import pysbd

        seg = pysbd.Segmenter(language="kk", clean=False, char_span=True)
        tools["pysbd"] = ("split", version("pysbd"), seg.segment)
    except ImportError:
        skipped["pysbd"] = "not installed"
    try:
        import sentencex

        tools["sentencex"] = ("split", version("sentencex"), lambda t: list(sentencex.segment("kk", t)))
    except ImportError:
        skipped["sentencex"] = "not installed"
    try:
        import stanza

        try:
            pipe = stanza.Pipeline("kk", processors="tokenize", download_method=None, verbose=False, use_gpu=False)
            tools["Stanza tokenize (kk)"] = ("pipeline", version("stanza"), pipe)
        except Exception as exc:  # model not downloaded
            skipped["stanza"] = f"installed, Kazakh model not available ({type(exc).__name__})"
    except ImportError:
        skipped["stanza"] = "not installed"
    try:
        from kaznlp.ner import ner

        ner("Астана қаласы.")  # load the model outside the timing
        tools["kaznlp ner (bundled model)"] = ("ner", kaznlp.__version__, ner)
        tools["kaznlp process + ner + JSON record"] = (
            "ner", kaznlp.__version__, lambda t: to_jsonl(analyse(t, steps=kaznlp.corpus_io.ALL_STEPS)))
    except Exception as exc:
        skipped["kaznlp ner"] = f"not available ({type(exc).__name__}: {exc})"[:200]
    return tools, skipped


SLOW = {"pysbd": 0.1, "Stanza tokenize (kk)": 0.1, "kaznlp ner (bundled model)": 0.1,
        "kaznlp process + ner + JSON record": 0.1}


def _docs(chunks: list[str], mb: float) -> list[str]:
    out, size = [], 0
    for c in chunks:
        if size >= mb * 1e6:
            break
        out.append(c)
        size += len(c.encode("utf-8"))
    return out


def stages(chunks: list[str], mb: float, repeats: int) -> tuple[list[dict], dict[str, str]]:
    tools, skipped = _stage_tools()
    out = []
    for name, (group, ver, fn) in tools.items():
        docs = _docs(chunks, min(mb, SLOW.get(name, mb)))
        chars = sum(map(len, docs))
        print(f"[bench_scaling] stage {name} on {chars:,} chars ...", file=sys.stderr)
        try:
            fn(docs[0][:2000])
            best = float("inf")
            for _ in range(repeats):
                gc.collect()
                t0 = time.perf_counter()
                for d in docs:
                    fn(d)
                best = min(best, time.perf_counter() - t0)
            out.append({"tool": name, "group": group, "version": ver, "docs": len(docs), "chars": chars,
                        "seconds": best, "chars_per_s": chars / best})
        except Exception as exc:
            out.append({"tool": name, "group": group, "version": ver, "error": f"{type(exc).__name__}: {exc}"[:300]})
    return out, skipped


# --- parts 2 and 3: the CLI ------------------------------------------------------------


def cli_run(inputs: list[str], out: Path, jobs: int, extra: list[str] = (), verify: bool = True) -> dict:
    """Time one ``python -m kaznlp process`` command (wall clock, whole command).

    Afterwards (untimed) every record is read back; with ``verify`` every sentence
    and token offset is checked against the record's text.
    """
    if out.exists():
        out.unlink()
    cmd = [sys.executable, "-m", "kaznlp", "process", *inputs, "-o", str(out), "--jobs", str(jobs), "--overwrite",
           *extra]
    l0 = load()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    res = subprocess.run(cmd, env=ENV, cwd=REPO, capture_output=True, text=True)
    sec = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)  # the command and its workers
    if res.returncode not in (0, 1):  # 1: finished, some documents failed (docs/cli.md)
        return {"jobs": jobs, "error": res.stderr[-500:]}
    docs = chars = bad = 0
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            docs += 1
            text = rec["text"]
            chars += len(text)
            for s in rec["sentences"] if verify else ():
                bad += text[s["start"]:s["end"]] != s["text"]
                bad += sum(text[a:b] != f for a, b, f, _ in s["tokens"])
    errs = Path(str(out) + ".errors.jsonl")
    return {"jobs": jobs, "seconds": sec, "docs": docs, "chars": chars, "docs_per_s": docs / sec,
            "chars_per_s": chars / sec, "offset_errors": bad, "output_mb": out.stat().st_size / 1e6,
            "error_entries": len(errs.read_text().splitlines()) if errs.exists() else 0,
            "offsets_checked": verify, "cpu_seconds": cpu, "load_before": l0, "load_after": load(), "summary": res.stderr.strip().splitlines()[-1:]}


def _burn(n: int) -> float:
    t0 = time.perf_counter()
    x = 0
    for i in range(n):
        x += i * i
    return time.perf_counter() - t0


def parallel_ceiling(n: int = 8_000_000) -> float:
    """What 2 processes can gain on this machine right now: a pure-Python CPU loop,
    once alone and then twice in 2 processes; returns ``2 * t_alone / t_both``.

    2.0 on two free cores; less when other work takes CPU time (shared VMs, other jobs).
    kaznlp's jobs-2 speedup cannot exceed it, so the report shows both.
    """
    from concurrent.futures import ProcessPoolExecutor

    alone = min(_burn(n) for _ in range(2))
    with ProcessPoolExecutor(2) as ex:
        list(ex.map(_burn, [1000, 1000]))  # start the workers first
        t0 = time.perf_counter()
        list(ex.map(_burn, [n, n]))
        both = time.perf_counter() - t0
    return 2 * alone / both


def corpus_runs(shared: Path, tmp: Path) -> dict:
    inputs = [str(shared / "data" / "news"), str(shared / "data" / "other")]
    if not all(Path(p).is_dir() for p in inputs):
        return {"error": f"missing {inputs}"}
    runs = []
    ceiling = parallel_ceiling()
    for jobs in (1, 2):
        print(f"[bench_scaling] corpus --jobs {jobs} ...", file=sys.stderr)
        runs.append({**cli_run(inputs, tmp / f"corpus{jobs}.jsonl", jobs), "ceiling": ceiling})
    input_mb = sum(f.stat().st_size for p in inputs for f in Path(p).rglob("*") if f.is_file()) / 1e6
    for r in runs:
        r["input_mb"] = input_mb
    same = (tmp / "corpus1.jsonl").read_bytes() == (tmp / "corpus2.jsonl").read_bytes() if all(
        "error" not in r for r in runs) else None
    return {"inputs": ["../shared/data/news", "../shared/data/other"], "runs": runs, "jobs2_output_identical": same}


def write_jsonl_corpus(path: Path, mb: float, chunks: list[str]) -> dict:
    text_budget = int(mb * 1e6)
    n = size = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < text_budget:
            for c in chunks:
                if size >= text_budget:
                    break
                fh.write(json.dumps({"id": f"d{n}", "text": c}, ensure_ascii=False) + "\n")
                size += len(c.encode("utf-8"))
                n += 1
    return {"docs": n, "text_mb": size / 1e6, "file_mb": path.stat().st_size / 1e6}


def scaling(sizes: list[float], chunks: list[str], tmp: Path) -> list[dict]:
    out = []
    for mb in sizes:
        src = tmp / f"in{mb:g}.jsonl"
        meta = write_jsonl_corpus(src, mb, chunks)
        ceiling = parallel_ceiling()
        best: dict[int, dict] = {}
        rounds = 2 if mb <= 10 else 1  # alternate jobs 1 / jobs 2 and keep the faster of each: less noise
        for rnd in range(rounds):
            for jobs in (1, 2):
                print(f"[bench_scaling] scaling {mb:g} MB --jobs {jobs} (round {rnd + 1}/{rounds}) ...", file=sys.stderr)
                r = cli_run([str(src)], tmp / "out.jsonl", jobs, verify=mb <= 10 and rnd == 0)
                if rnd and "error" not in r and "error" not in best[jobs]:
                    r["offset_errors"], r["offsets_checked"] = best[jobs]["offset_errors"], best[jobs]["offsets_checked"]
                if jobs not in best or r.get("seconds", float("inf")) < best[jobs].get("seconds", float("inf")):
                    best[jobs] = {**r, "rounds": rounds}
        for jobs in (1, 2):
            out.append({"mb": mb, **meta, **best[jobs], "ceiling": ceiling})
        src.unlink()
        (tmp / "out.jsonl").unlink(missing_ok=True)
    return out


# --- report ------------------------------------------------------------------------------


def _speedups(rows: list[dict]) -> dict[str, float]:
    """``{size: wall(jobs 1) / wall(jobs 2)}``."""
    by: dict = {}
    for r in rows:
        if "error" not in r:
            by.setdefault(r.get("mb", "corpus"), {})[r["jobs"]] = r["seconds"]
    return {str(k): v[1] / v[2] for k, v in by.items() if 1 in v and 2 in v}


def _ceilings(rows: list[dict]) -> dict[str, float]:
    return {str(r.get("mb", "corpus")): r["ceiling"] for r in rows if "ceiling" in r}


def render(res: dict) -> str:
    m = res["machine"]
    lines = [
        "# kaznlp pipeline benchmark: stages, peers, CLI scaling",
        "",
        f"Mode **{res['mode']}**, run {res['date']}, total {res['total_seconds']:.0f} s"
        f"{'' if res.get('complete', True) else ' (**incomplete**: stopped before the end)'}. "
        f"Command: `python -m benchmarks.speed.bench_scaling{' --quick' if res['mode'] == 'quick' else ''}`.",
        "",
        f"Machine: {m['cpu']} ({m['cores_usable']} usable cores), {m['implementation']} {m['python']}, {m['platform']}.",
        "",
        "> Absolute times depend on the machine; ratios (kaznlp vs peers, jobs 2 vs jobs 1) are what carry across "
        "machines.",
        "",
        "## Throughput per stage, side by side with peers",
        "",
        f"Same documents for every tool: ~16k-character pieces of mixed NTREX-128, apertium-kaz-rus and "
        f"KazQAD-wiki text, {res['stage_mb']:g} MB in all (slow tools: 0.1 MB); one call per document, best of "
        f"{res['repeats']}.",
        "",
        "| stage | tool | version | docs | chars | chars/s |",
        "|---|---|---|---:|---:|---:|",
    ]
    for r in sorted(res["stages"], key=lambda r: (["normalize", "dehyphenate", "split", "tokenize", "pipeline",
                                                    "ner"].index(r["group"]), -r.get("chars_per_s", 0))):
        if "error" in r:
            lines.append(f"| {r['group']} | {r['tool']} | {r['version']} | | | error: {r['error']} |")
        else:
            lines.append(f"| {r['group']} | {r['tool']} | {r['version']} | {r['docs']:,} | {r['chars']:,} | "
                         f"{r['chars_per_s']:,.0f} |")
    for name, why in res["skipped"].items():
        lines.append(f"\n- {name}: skipped ({why}).")
    c = res.get("corpus", {})
    lines += ["", "## `kaznlp process` on all of `../shared/data/news` and `../shared/data/other`", ""]
    if "runs" in c:
        lines += ["Every file of both folders (text files, the NTREX JSONL, licence and provenance notes too), as "
                  "`kaznlp process ../shared/data/news ../shared/data/other -o out.jsonl --jobs N`; wall clock of the "
                  "whole command.", "",
                  "| jobs | docs | chars | seconds | CPU s | docs/s | chars/s | output MB | offset errors | load before → after |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
        for r in c["runs"]:
            if "error" in r:
                lines.append(f"| {r['jobs']} | error | | | | | | | | |")
                continue
            lines.append(f"| {r['jobs']} | {r['docs']:,} | {r['chars']:,} | {r['seconds']:.2f} | {r['cpu_seconds']:.2f} | "
                         f"{r['docs_per_s']:,.1f} | "
                         f"{r['chars_per_s']:,.0f} | {r['output_mb']:.1f} | {r['offset_errors']} | "
                         f"{r['load_before']:.1f} → {r['load_after']:.1f} |")
        sp = _speedups(c["runs"]).get("corpus")
        ce = _ceilings(c["runs"]).get("corpus")
        lines.append("")
        lines.append(f"Speedup jobs 2 / jobs 1: **{sp:.2f}×** (machine's 2-process ceiling at the time: {ce:.2f}×); "
                     f"outputs identical: {c['jobs2_output_identical']}." if sp and ce else "")
    else:
        lines.append(f"Not run: {c.get('error')}.")
    lines += ["", "## Scaling: 1, 10, 100 MB with `--jobs 1` and `--jobs 2`", "",
              "A JSONL file of the mixed corpus repeated to the size (MB of UTF-8 text), "
              "`kaznlp process in.jsonl -o out.jsonl --jobs N`; wall clock of the whole command "
              "(1 and 10 MB: jobs 1 and jobs 2 alternated twice, the faster run of each kept).", "",
              "| MB | docs | jobs | seconds | CPU s | docs/s | chars/s | output MB | offset errors | load before → after |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in res["scaling"]:
        if "error" in r:
            lines.append(f"| {r['mb']:g} | {r['docs']:,} | {r['jobs']} | error | | | | | | |")
            continue
        lines.append(f"| {r['mb']:g} | {r['docs']:,} | {r['jobs']} | {r['seconds']:.1f} | {r['cpu_seconds']:.1f} | "
                     f"{r['docs_per_s']:,.1f} | "
                     f"{r['chars_per_s']:,.0f} | {r['output_mb']:.0f} | {r['offset_errors'] if r['offsets_checked'] else 'not checked'} | "
                     f"{r['load_before']:.1f} → {r['load_after']:.1f} |")
    sp = _speedups(res["scaling"])
    ce = _ceilings(res["scaling"])
    if sp:
        lines += ["", "Speedup jobs 2 / jobs 1: " + ", ".join(
            f"{float(k):g} MB **{v:.2f}×** (ceiling {ce.get(k, float('nan')):.2f}×)" for k, v in sp.items())
            + f". Target: ≥ 1.6× with 2 free cores (this machine has {m['cores_usable']} usable). The ceiling is what "
            "two processes of a pure-Python CPU loop gained over one, measured just before each pair of runs: "
            "2.00× on two free cores, less when something else takes CPU time."]
    busy = [r for r in res["scaling"] + c.get("runs", []) if "error" not in r
            and max(r["load_before"], r["load_after"]) > m["cores_usable"] + 0.5]
    if busy:
        lines += ["", f"Note: {len(busy)} of the timed runs started or ended with a load average above the number "
                  "of cores (other processes were running), so those times, and the jobs-2 speedup, are pessimistic. "
                  "CPU s (the command and its workers) is what the work cost; with jobs 2 on free cores the wall "
                  "time approaches CPU s / 2 plus start-up."]
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.speed.bench_scaling", description=__doc__.split("\n")[0])
    ap.add_argument("--shared", help="shared folder (default: $KAZNLP_SHARED or <repo>/../shared)")
    ap.add_argument("--quick", action="store_true", help="0.2 MB stages, scaling at 1 MB only")
    ap.add_argument("--sizes", help="scaling sizes in MB, comma-separated (default 1,10,100; quick: 1)")
    ap.add_argument("--stage-mb", type=float, help="MB of text per stage timing (default 1; quick 0.2)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    t_start = time.perf_counter()
    mode = "quick" if args.quick else "full"
    shared = corpus.shared_dir(args.shared)
    chunks = corpus.mixed_chunks(shared)
    if not chunks:
        sys.exit(f"bench_scaling: no corpus text under {shared / 'data'}")
    sizes = [float(x) for x in (args.sizes or ("1" if args.quick else "1,10,100")).split(",")]
    stage_mb = args.stage_mb or (0.2 if args.quick else 1.0)
    repeats = 2 if args.quick else 3
    res: dict = {"mode": mode, "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                 "machine": machine(), "shared": str(shared), "stage_mb": stage_mb, "repeats": repeats}
    def save(final: bool = False) -> None:
        """Write what has been measured so far (a run stopped by a time limit keeps its parts)."""
        res["complete"] = final
        res["speedup_jobs2"] = {**_speedups(res.get("scaling", [])), **_speedups(res.get("corpus", {}).get("runs", []))}
        res["parallel_ceiling"] = {**_ceilings(res.get("scaling", [])),
                                   **_ceilings(res.get("corpus", {}).get("runs", []))}
        res["total_seconds"] = time.perf_counter() - t_start
        if args.no_write:
            return
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "pipeline.json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (RESULTS / "pipeline.md").write_text(render(res), encoding="utf-8")

    res["stages"], res["skipped"] = stages(chunks, stage_mb, repeats)
    res["corpus"], res["scaling"] = {}, []
    save()
    tmp = Path(tempfile.mkdtemp(prefix="kaznlp-bench-"))
    try:
        res["corpus"] = corpus_runs(shared, tmp)
        save()
        for mb in sizes:
            res["scaling"] += scaling([mb], chunks, tmp)
            save()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    save(final=True)
    print(render(res))
    if not args.no_write:
        print(f"[bench_scaling] wrote {RESULTS / 'pipeline.json'} and pipeline.md", file=sys.stderr)
    return res


if __name__ == "__main__":
    main()
