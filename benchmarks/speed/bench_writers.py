"""Writers of ``kaznlp process``: DocBin vs JSONL output, and ``kaznlp_sentencizer`` scaling (issue 20).

Two questions, each with a target from the issue:

1. **DocBin output costs at most 2x JSONL** on the news corpus
   (``../shared/data/news/apertium_kaz_rus_corpus``, 24 files): the real command,
   ``kaznlp process CORPUS -o out.jsonl`` against ``-o out.spacy``, wall and CPU time
   (best of ``--repeat`` runs); and the serialisers alone (``to_jsonl`` against
   ``to_docbin_bytes``) on the same records, without the analysis both share.
2. **The sentencizer is linear**: ``spacy.blank("kk")`` + ``kaznlp_sentencizer`` on one
   document of 57, 115, 229 and 916 KB (news text joined); time(4x input) <= 5x time,
   for 57 -> 229 KB and 229 -> 916 KB. The DocBin writer's ``record_to_spacy`` is timed on
   the same documents.

Before the fix, both set sentence starts token by token (``Token.is_sent_start``, which
re-checks the whole Doc each time): 1.8 / 4.1 / 13.8 s for DocBin and 2.0 / 6.3 / 25.4 s
for the sentencizer on 57 / 115 / 229 KB, and 239 s for the news corpus as DocBin
against 3.3 s as JSONL (figures from the issue).

Usage::

    python -m benchmarks.speed.bench_writers [--repeat 3] [--shared ../shared] [--out DIR]

Writes ``writers.json`` and ``writers.md`` to ``--out`` (default ``benchmarks/results``).
Needs ``../shared`` (or ``--shared`` / ``$KAZNLP_SHARED``) and spaCy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
ROOT = HERE.parent
RESULTS = HERE / "results"
SIZES_KB = (57, 115, 229, 916)


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("KAZNLP_SHARED") or ROOT.parent / "shared")


#: ``kaznlp`` with ``import torch`` blocked: spaCy's thinc imports torch whenever it is installed
#: (here for Stanza / transformers), which is most of a DocBin run's start-up; this is the
#: same command as a ``kaznlp[spacy]`` install without torch runs it
NO_TORCH = "import sys; sys.modules['torch'] = None; from kaznlp.cli import main; sys.exit(main(sys.argv[1:]))"


def cli_time(inputs: list[str], out: Path, extra: list[str] = (), no_torch: bool = False) -> dict[str, Any]:
    """One ``kaznlp process`` run in a child process: wall and CPU seconds, exit code."""
    if out.is_dir():
        shutil.rmtree(out)
    elif out.exists():
        out.unlink()
    shutil.rmtree(out.parent / f".{out.name}.parts", ignore_errors=True)
    prog = ["-c", NO_TORCH] if no_torch else ["-m", "kaznlp"]
    cmd = [sys.executable, *prog, "process", *inputs, "-o", str(out), "-q", "--no-progress", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if res.returncode not in (0, 1):  # 1: some inputs were errors-file entries (binary files, ...)
        raise RuntimeError(f"{' '.join(cmd)} failed ({res.returncode}): {res.stderr.decode()[-500:]}")
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "exit": res.returncode}


def startup_time(no_torch: bool = False) -> float:
    """Seconds of ``python -c 'import kaznlp.cli, spacy.tokens'`` (what DocBin output imports)."""
    block = "import sys; sys.modules['torch'] = None; " if no_torch else ""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", block + "import kaznlp.cli, spacy.tokens"], check=True, cwd=ROOT)
    return time.perf_counter() - t0


def docbin_run_imports(corpus: Path, tmp: Path) -> list[str]:
    """Top-level packages of spaCy's stack (spacy, thinc, torch) a DocBin run imports: the writer
    builds the DocBin's arrays itself and needs only srsly, murmurhash and numpy."""
    code = ("import sys; from kaznlp.cli import main; main(sys.argv[1:]); "
            "print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'torch')} "
            "- ({'spacy'} if set(m for m in sys.modules if m.startswith('spacy')) <= {'spacy.symbols'} else set())))")
    res = subprocess.run([sys.executable, "-c", code, "process", str(corpus), "-o", str(tmp / "imports.spacy"), "-q",
                          "--no-progress"], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(res.stdout.strip().splitlines()[-1].replace("'", '"'))


def bench_output(corpus: Path, repeat: int, tmp: Path) -> dict[str, Any]:
    from kaznlp.corpus_io import analyse, iter_documents, list_files, to_docbin_bytes, to_jsonl

    files = list_files([str(corpus)])
    size = sum(os.path.getsize(f) for f in files)
    runs: dict[str, list[dict[str, Any]]] = {"jsonl": [], "docbin": [], "docbin_no_torch": []}
    for _ in range(repeat):  # interleaved, so a change in machine load hits all
        runs["jsonl"].append(cli_time([str(corpus)], tmp / "news.jsonl"))
        runs["docbin"].append(cli_time([str(corpus)], tmp / "news.spacy"))
        runs["docbin_no_torch"].append(cli_time([str(corpus)], tmp / "news.spacy", no_torch=True))
    best = {k: min(v, key=lambda r: r["wall_s"]) for k, v in runs.items()}
    docs = sum(1 for _ in (tmp / "news.jsonl").open(encoding="utf-8"))
    # the serialisers alone, on the records both outputs hold
    recs = [analyse(d.text, doc_id=d.id, source=d.source, line=d.line)
            for d in iter_documents(files) if hasattr(d, "text")]
    ser: dict[str, float] = {}
    for name, fn in (("jsonl", lambda: [to_jsonl(r).encode("utf-8") for r in recs]),
                     ("docbin", lambda: [to_docbin_bytes(recs[i:i + 64]) for i in range(0, len(recs), 64)]),
                     ("docbin_doc_path", lambda: [to_docbin_bytes(recs[i:i + 64], fast=False)
                                                  for i in range(0, len(recs), 64)])):
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        ser[name] = round(min(times), 3)
    return {
        "corpus": str(corpus.relative_to(corpus.parents[2])) if len(corpus.parents) > 2 else str(corpus),
        "files": len(files), "bytes": size, "documents": docs, "chars": sum(len(r["text"]) for r in recs),
        "runs": runs, "best": best,
        "docbin_over_jsonl_wall": round(best["docbin"]["wall_s"] / best["jsonl"]["wall_s"], 2),
        "docbin_over_jsonl_cpu": round(best["docbin"]["cpu_s"] / best["jsonl"]["cpu_s"], 2),
        "docbin_no_torch_over_jsonl_wall": round(best["docbin_no_torch"]["wall_s"] / best["jsonl"]["wall_s"], 2),
        "docbin_no_torch_over_jsonl_cpu": round(best["docbin_no_torch"]["cpu_s"] / best["jsonl"]["cpu_s"], 2),
        "serialise_s": ser,
        "docbin_run_imports": docbin_run_imports(corpus, tmp),
        "startup_s_kaznlp_and_spacy": round(startup_time(), 2),
        "startup_s_kaznlp_and_spacy_no_torch": round(startup_time(no_torch=True), 2),
    }


def news_document(corpus: Path, kb: int) -> str:
    """One document of ``kb`` KB (UTF-8) from the corpus's texts, joined with blank lines."""
    from kaznlp.corpus_io import iter_documents, list_files

    texts = [d.text for d in iter_documents(list_files([str(corpus)], exclude=["*.md", "AUTHORS", "COPYING"]))
             if hasattr(d, "text")]
    out: list[str] = []
    size = 0
    target = kb * 1000
    while size < target:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8")) + 2
            if size >= target:
                break
    text = "\n\n".join(out)
    raw = text.encode("utf-8")[:target]
    return raw.decode("utf-8", errors="ignore")


def bench_sentencizer(corpus: Path, repeat: int) -> dict[str, Any]:
    import spacy
    from spacy.vocab import Vocab

    from kaznlp.corpus_io import analyse, record_to_spacy

    nlp = spacy.blank("kk")
    nlp.add_pipe("kaznlp_sentencizer")
    tok_only = spacy.blank("kk")
    rows = []
    for kb in SIZES_KB:
        text = news_document(corpus, kb)
        rec = analyse(text)
        best: dict[str, float] = {}
        for name, fn in (("tokenizer_s", lambda: tok_only(text)), ("tokenizer_plus_sentencizer_s", lambda: nlp(text)),
                         ("record_to_spacy_s", lambda: record_to_spacy(rec, Vocab()))):
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t0)
            best[name] = round(min(times), 4)
        doc = nlp(text)
        rows.append({"kb": kb, "chars": len(text), "tokens": len(doc), "sentences": sum(1 for _ in doc.sents),
                     "sentencizer_s": round(best["tokenizer_plus_sentencizer_s"] - best["tokenizer_s"], 4), **best})
    by = {r["kb"]: r for r in rows}

    def ratio(a: int, b: int, key: str) -> float:
        return round(by[b][key] / by[a][key], 2)

    return {
        "rows": rows,
        "ratio_4x_input": {
            "57_to_229_pipeline": ratio(57, 229, "tokenizer_plus_sentencizer_s"),
            "229_to_916_pipeline": ratio(229, 916, "tokenizer_plus_sentencizer_s"),
            "57_to_229_sentencizer_alone": ratio(57, 229, "sentencizer_s"),
            "229_to_916_sentencizer_alone": ratio(229, 916, "sentencizer_s"),
            "57_to_229_record_to_spacy": ratio(57, 229, "record_to_spacy_s"),
            "229_to_916_record_to_spacy": ratio(229, 916, "record_to_spacy_s"),
        },
    }


def to_markdown(res: dict[str, Any]) -> str:
    o, s = res["output"], res["sentencizer"]
    lines = [
        "# Writers: DocBin vs JSONL, kaznlp_sentencizer scaling",
        "",
        f"`python -m benchmarks.speed.bench_writers --repeat {res['repeat']}`; {res['machine']}; "
        f"load average at the start {res['loadavg_start']}, at the end {res['loadavg_end']}.",
        "",
        f"## DocBin vs JSONL output ({o['corpus']}: {o['files']} files, {o['bytes']:,} bytes, "
        f"{o['documents']} documents)",
        "",
        "| output | wall s (best) | CPU s | all runs, wall s |",
        "|---|---|---|---|",
    ]
    for k in ("jsonl", "docbin", "docbin_no_torch"):
        b = o["best"][k]
        lines.append(f"| {k} | {b['wall_s']} | {b['cpu_s']} | {', '.join(str(r['wall_s']) for r in o['runs'][k])} |")
    lines += [
        "",
        f"DocBin / JSONL: **{o['docbin_over_jsonl_wall']}x** wall, {o['docbin_over_jsonl_cpu']}x CPU "
        f"(target <= 2x); with `import torch` blocked (`docbin_no_torch`): "
        f"**{o['docbin_no_torch_over_jsonl_wall']}x** wall, {o['docbin_no_torch_over_jsonl_cpu']}x CPU. "
        f"The DocBin writer builds the DocBin's arrays itself (byte-identical to `DocBin.add`), so a DocBin "
        f"run imports of spacy/thinc/torch: {o.get('docbin_run_imports', '?')} (only the `spacy.symbols` "
        f"table is loaded); for comparison a process that imports kaznlp and `spacy.tokens` starts in "
        f"{o['startup_s_kaznlp_and_spacy']} s, {o['startup_s_kaznlp_and_spacy_no_torch']} s without torch "
        f"(spaCy's thinc imports torch whenever it is installed, as here). Serialisers alone on the same "
        f"records: JSONL {o['serialise_s']['jsonl']} s, DocBin {o['serialise_s']['docbin']} s "
        f"(through spaCy `Doc` + `DocBin.add`: {o['serialise_s'].get('docbin_doc_path', '?')} s).",
        "",
        "## kaznlp_sentencizer on one long document",
        "",
        "| KB | chars | tokens | sentences | tokenizer s | + sentencizer s | sentencizer alone s | record_to_spacy s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in s["rows"]:
        lines.append(f"| {r['kb']} | {r['chars']:,} | {r['tokens']:,} | {r['sentences']:,} | {r['tokenizer_s']} | "
                     f"{r['tokenizer_plus_sentencizer_s']} | {r['sentencizer_s']} | {r['record_to_spacy_s']} |")
    q = s["ratio_4x_input"]
    lines += [
        "",
        f"Time for 4x the input (target <= 5x): tokenizer + sentencizer **{q['57_to_229_pipeline']}x** "
        f"(57 -> 229 KB) and **{q['229_to_916_pipeline']}x** (229 -> 916 KB); the sentencizer alone "
        f"{q['57_to_229_sentencizer_alone']}x / {q['229_to_916_sentencizer_alone']}x; record_to_spacy "
        f"{q['57_to_229_record_to_spacy']}x / {q['229_to_916_record_to_spacy']}x.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.speed.bench_writers", description=__doc__.split("\n")[0])
    ap.add_argument("--shared", help="shared folder (default: $KAZNLP_SHARED or <repo>/../shared)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is reported")
    ap.add_argument("--out", default=str(RESULTS), help="folder for writers.json / writers.md")
    args = ap.parse_args(argv)
    corpus = shared_dir(args.shared) / "data" / "news" / "apertium_kaz_rus_corpus"
    if not corpus.is_dir():
        print(f"bench_writers: {corpus} not found (give --shared)", file=sys.stderr)
        return 2
    res: dict[str, Any] = {"repeat": args.repeat, "loadavg_start": [round(x, 2) for x in os.getloadavg()],
                           "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python "
                                      f"{platform.python_version()}"}
    import spacy

    res["spacy"] = spacy.__version__
    with tempfile.TemporaryDirectory() as tmp:
        res["output"] = bench_output(corpus, args.repeat, Path(tmp))
    res["sentencizer"] = bench_sentencizer(corpus, args.repeat)
    res["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "writers.json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "writers.md").write_text(to_markdown(res), encoding="utf-8")
    print(to_markdown(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
