"""Speed of kaznlp.normalize next to ftfy.fix_text and unicodedata.normalize("NFC").

All run in the same process on the same inputs, interleaved (each of ``--repeat`` rounds times
every tool once; best round per tool):

* ``news documents (raw)``: every NTREX-128 document and apertium corpus file as it is
  (the apertium files carry real damage: Latin i, soft hyphens, no-break spaces);
* ``news lines (raw)``: the same text, one call per line;
* ``clean news documents``: ``normalize(document)``, text that needs nothing (the fast path);
* ``clean news lines``: lines of ``normalize(news)``, one call per line;
* ``damaged sentences``: the damaged half of ``benchmarks/testsets/normalize_testset.py``;
* ``issue-14 damaged (dev)``: the damaged sentences of the issue-14 set, dev split (Latin
  look-alike words, Cyrillic letters in Latin words, sister-alphabet letters, HTML entities);
* ``issue-14 edges (dev)``: the damaged sentences of ``benchmarks/testsets/normalize_edges.py``
  (damage at quotes, hyphens and numbers, headlines, Russian words, HTML references without ``;``).

Each corpus is timed as ``normalize(text)`` and as ``normalize(text, return_alignment=True)``
(how ``kaznlp.process`` calls it; no fast return of the unchanged string). Timings are process
CPU time (``time.process_time``), best of ``--repeat`` interleaved rounds.

``--before REV`` also times ``kaznlp.normalize`` as it was at git revision ``REV`` (extracted with
``git archive`` into a temporary folder, imported as ``kaznlp_before``) in the same process, so a
change can be reported as before/after beside ftfy under the same load.

Writes ``benchmarks/results/normalize.json`` and ``normalize.md``.

    python -m benchmarks.speed.bench_normalize
    python -m benchmarks.speed.bench_normalize --before c6ef14b

``--identity`` times nothing: it prints one SHA-256 per corpus of everything ``normalize`` and
``explain`` give (output text, alignment runs, every edit and suspect) over the news corpus
(apertium, NTREX), the KazQAD wiki passages, UD KTB, the pdftotext guidelines, the seed articles
and the damage sets (issue 3's, issue 14's dev and test, the real-damage dev set; hashes only, no
test case is shown). Run it on two versions of the code to prove a speed change changed no output.

    python -m benchmarks.speed.bench_normalize --identity
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import io
import json
import platform
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
from pathlib import Path

import ftfy

from benchmarks.testsets import normalize_edges as te
from benchmarks.testsets import normalize_testset as ts
from kaznlp.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]


def news_documents() -> list[str]:
    docs = [json.loads(line)["text"] for line in (ts.DATA / "news" / "ntrex128_kaz.jsonl").open(encoding="utf-8")]
    for f in sorted((ts.DATA / "news" / "apertium_kaz_rus_corpus").glob("*kaz*")):
        docs.append(f.read_text(encoding="utf-8"))
    return docs


def load_before(rev: str):
    """``normalize`` of kaznlp at git revision ``rev``, imported as the package ``kaznlp_before``."""
    tmp = Path(tempfile.mkdtemp(prefix="kaznlp_before_"))
    blob = subprocess.run(["git", "archive", rev, "kaznlp"], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        tar.extractall(tmp, filter="data")
    pkg = tmp / "kaznlp_before"
    (tmp / "kaznlp").rename(pkg)
    # imported from its folder by a spec (no sys.path edit); its relative imports find kaznlp_before.*
    spec = importlib.util.spec_from_file_location("kaznlp_before", pkg / "__init__.py",
                                                  submodule_search_locations=[str(pkg)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["kaznlp_before"] = module
    spec.loader.exec_module(module)
    return importlib.import_module("kaznlp_before.normalize").normalize


def timed(fn, items: list[str], repeat: int) -> float:
    """Best process CPU time of ``repeat`` runs (CPU time: the machine is shared, wall time is not ours)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for x in items:
            fn(x)
        best = min(best, time.process_time() - t0)
    return best


def with_alignment(fn):
    """``fn(text, return_alignment=True)``: how ``kaznlp.process`` calls normalize."""
    return lambda s: fn(s, return_alignment=True)


def identity_digests() -> dict[str, dict]:
    """``{corpus: {"texts", "chars", "sha256"}}`` of ``normalize`` (text and alignment) and ``explain``."""
    import hashlib

    from benchmarks.speed.bench_process_stages import identity_corpora
    from kaznlp.normalize import explain

    corpora = identity_corpora(None)
    for name, cases in (("damage_issue3", ts.build(ts.SEED)), ("damage14_dev", ts.build14("dev")),
                        ("damage14_test", ts.build14("test")), ("damage_real_dev", ts.build_real("dev")),
                        ("damage_edges_dev", te.build_edges("dev"))):
        corpora[name] = [c["text"] for part in cases.values() for c in part]
    out = {}
    for name, texts in corpora.items():
        h = hashlib.sha256()
        for text in texts:
            new, al = normalize(text, return_alignment=True)
            assert new == normalize(text)
            edits = [tuple(e) for e in explain(text)]
            h.update(json.dumps([new, al.src_len, al.dst_len, al.runs, edits], ensure_ascii=False).encode("utf-8"))
        out[name] = {"texts": len(texts), "chars": sum(map(len, texts)), "sha256": h.hexdigest()}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--before", metavar="REV", help="also time kaznlp.normalize at this git revision")
    ap.add_argument("--identity", action="store_true", help="print SHA-256 digests of every output, time nothing")
    args = ap.parse_args()
    if not ts.DATA.is_dir():
        sys.exit(f"shared data not found at {ts.DATA}")
    if args.identity:
        for name, row in identity_digests().items():
            print(json.dumps({"corpus": name, **row}))
        return

    docs = news_documents()
    lines = [line for d in docs for line in d.splitlines() if line.strip()]
    clean_lines = [line for line in (normalize(x) for x in lines)]
    clean_docs = [normalize(d) for d in docs]
    damaged = [c["text"] for c in ts.build(ts.SEED)["damaged"]]
    damaged14 = [c["text"] for c in ts.build14("dev")["damaged"]]
    edges = [c["text"] for c in te.build_edges("dev")["damaged"]]
    corpora = {
        "news documents (raw)": docs,
        "clean news documents": clean_docs,
        "news lines (raw)": lines,
        "clean news lines": clean_lines,
        "damaged sentences": damaged,
        "issue-14 damaged (dev)": damaged14,
        "issue-14 edges (dev)": edges,
    }
    tools = {"kaznlp.normalize": normalize, "kaznlp, with alignment": with_alignment(normalize)}
    if args.before:
        before = load_before(args.before)
        tools[f"kaznlp @ {args.before}"] = before
        tools[f"kaznlp @ {args.before}, with alignment"] = with_alignment(before)
    tools.update({
        "ftfy.fix_text": ftfy.fix_text,
        'unicodedata.normalize("NFC")': lambda s: unicodedata.normalize("NFC", s),
    })
    for fn in list(tools.values())[:-2]:
        fn("warm-up: и\u0306 ecki үйде Ҡазаҡстан")  # build the lazy tables outside the timings
    results = []
    for cname, items in corpora.items():
        chars = sum(map(len, items))
        row = {"corpus": cname, "calls": len(items), "chars": chars}
        # interleaved: each repeat times every tool once, so a change of machine load hits all of
        # them alike (the machine is shared); the order turns round every repeat, so no tool always
        # runs first after another's garbage; best of the repeats per tool
        best = dict.fromkeys(tools, float("inf"))
        for r in range(args.repeat):
            for tname, fn in (list(tools.items()) if r % 2 == 0 else list(tools.items())[::-1]):
                best[tname] = min(best[tname], timed(fn, items, 1))
        for tname, dt in best.items():
            row[tname] = round(chars / dt)
        row["kaznlp / ftfy"] = round(row["kaznlp.normalize"] / row["ftfy.fix_text"], 1)
        results.append(row)
        print(json.dumps(row, ensure_ascii=False))
    meta = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "ftfy": ftfy.__version__,
        "repeat": args.repeat,
        "before": args.before,
        "load average (1 min) at start": round(__import__("os").getloadavg()[0], 2),
        "unit": "characters per second of process CPU time (best of repeat runs)",
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "normalize.json").write_text(json.dumps({"meta": meta, "results": results}, ensure_ascii=False, indent=2)
                                        + "\n", encoding="utf-8")
    names = list(tools)
    md = ["# kaznlp.normalize speed", "",
          f"Characters per second of process CPU time, best of {args.repeat} runs, same process "
          f"(Python {meta['python']}, ftfy {meta['ftfy']}, load average {meta['load average (1 min) at start']} "
          "on 2 shared cores: compare the columns of one row, not rows across runs). "
          "Reproduce: `python -m benchmarks.speed.bench_normalize`.", "",
          "| corpus | calls | chars | " + " | ".join(names) + " | kaznlp / ftfy |",
          "|---|---:|---:|" + "---:|" * len(names) + "---:|"]
    for r in results:
        md.append(f"| {r['corpus']} | {r['calls']:,} | {r['chars']:,} | "
                  + " | ".join(f"{r[n] / 1e6:.2f} M" for n in names) + f" | {r['kaznlp / ftfy']}× |")
    md += ["", "NFC alone does not repair anything kaznlp repairs; it is the lower bound for one pass over the text.", ""]
    (out / "normalize.md").write_text("\n".join(md), encoding="utf-8")
    print("\n".join(md))


if __name__ == "__main__":
    main()
