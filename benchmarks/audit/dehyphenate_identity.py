"""Does a change of ``kaznlp.dehyphenate`` keep its output? Fingerprints of the output (text and
alignment) over fixed real corpora, and the CPU time per news document.

    python -m benchmarks.audit.dehyphenate_identity --out new.json
    # the code before, e.g. a commit unpacked elsewhere:
    #   mkdir /tmp/old && git archive <rev> kaznlp | tar -x -C /tmp/old
    python -m benchmarks.audit.dehyphenate_identity --code /tmp/old --out old.json
    python -m benchmarks.audit.dehyphenate_identity --compare old.json new.json

The documents are read by this checkout; the de-hyphenator under test runs in a child process
started in ``--code`` (default: this checkout), whose ``kaznlp`` it imports (the current folder
comes first on the child's path: no ``sys.path`` edit, no ``PYTHONPATH``). Corpora, from
``../shared`` at run time: the apertium news files, NTREX-128, the KazQAD validation
passages, UD Kazakh-KTB (each sentence, and each file as one text), the seeds, the KazNERD
guidelines as pdftotext extracted them, the narrow newspaper columns that lost their hyphens of
``benchmarks/speed/bench_dehyphenate.py`` (its ``narrow-lost`` 1 MB: 25 documents wrapped at 15-35
characters, the slowest path, made from the corpus text at run time), and the PDF test set's
**dev** extractions cached by
``python -m benchmarks.testsets.pdf_testset --split dev`` (skipped if not cached). Only fingerprints
(SHA-256) are written, never text; ``--compare`` names the documents whose output differs and
gives one SHA-256 digest per corpus (over its documents' fingerprints, in key order) and for all.
``--explain`` also checks that ``dehyphenate(t, explain=True)`` gives the same text as ``dehyphenate(t)``
on every document (it found the round-17 column-end margin that read a score exact only in its sign) and
exits 1 if not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SHARED = ROOT.parent / "shared"

# run in the child process, in the folder of the code under test (argv: documents JSON, output JSON)
_WORKER = r"""
import hashlib, json, os, sys, time
from pathlib import Path
import kaznlp
from kaznlp.dehyphenate import dehyphenate
docs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
news = [t for k, t in docs.items() if k.startswith("apertium/")]
best = float("inf")
for _ in range(5):
    c = time.process_time()
    for t in news:
        dehyphenate(t, return_alignment=True)
    best = min(best, time.process_time() - c)
n = sum(map(len, news))
fp = {}
for key, text in docs.items():
    res, al = dehyphenate(text, return_alignment=True)
    # the alignment, read through its public API: the source span of every output character
    spans = [al.span_to_src(i, i + 1) for i in range(len(res))]
    fp[key] = hashlib.sha256(repr((res, al.src_len, spans)).encode("utf-8")).hexdigest()
# --explain: the documents whose text differs when a trace is asked for (it must not)
traced = [k for k, t in docs.items() if dehyphenate(t, explain=True)[0] != dehyphenate(t)] if sys.argv[3:] else None
Path(sys.argv[2]).write_text(json.dumps({
    "kaznlp": str(Path(kaznlp.__file__).parent), "explain_differs": traced,
    "news_speed": {"documents": len(news), "chars": n, "cpu_seconds": round(best, 4),
                   "chars_per_cpu_s": round(n / best)},
    "fingerprints": fp}), encoding="utf-8")
"""


def documents(shared: Path = SHARED) -> dict[str, str]:
    data = shared / "data"
    docs: dict[str, str] = {}
    for p in sorted((data / "news" / "apertium_kaz_rus_corpus").glob("*kaz*")):
        docs["apertium/" + p.name] = p.read_text(encoding="utf-8")
    for name in ("news/ntrex128_kaz.jsonl", "other/kazqad_wiki/kazqad_val_passages.jsonl"):
        for i, line in enumerate((data / name).open(encoding="utf-8")):
            docs[f"{name}/{i}"] = json.loads(line)["text"]
    for p in sorted((data / "ud_kk_ktb").glob("*.conllu")):
        sents = [ln[9:] for ln in p.read_text(encoding="utf-8").splitlines() if ln.startswith("# text = ")]
        docs["ud/" + p.name] = "\n".join(sents)
        for i, s in enumerate(sents):
            docs[f"ud/{p.name}/{i}"] = s
    for p in sorted((shared / "seeds").glob("*.txt")):
        docs["seed/" + p.name] = p.read_text(encoding="utf-8")
    for p in sorted((data / "pdf_extracted" / "kaznerd_guidelines").glob("*.txt")):
        docs["pdfx/" + p.name] = p.read_text(encoding="utf-8")
    for i, d in enumerate(narrow_documents(shared)):
        docs[f"narrow/{i}"] = d
    try:
        from benchmarks.testsets.pdf_testset import gold, render
        from benchmarks.testsets.pdf_testset.extract import drop_line_end_hyphens
    except ImportError:
        return docs
    meta, cache = gold.load("dev"), render.cache_dir()
    for lay in meta["layouts"]:
        for d in meta["documents"]:
            pdf = cache / "pdf" / f"{lay['engine']}-{render.render_key(lay, gold.paragraphs(d, None))}.pdf"
            for ex in lay["extractors"]:
                txt = pdf.with_suffix(f".{ex}.txt")
                if txt.is_file():
                    text = txt.read_text(encoding="utf-8")
                    docs[f"pdfdev/{lay['name']}/{ex}/{d['id']}"] = drop_line_end_hyphens(text) if lay.get("lost_text") else text
    return docs


def narrow_documents(shared: Path = SHARED) -> list[str]:
    """The ``narrow-lost`` 1 MB documents of ``bench_dehyphenate`` (lost-hyphen columns of 15-35
    characters, about 40,000 characters each), as that benchmark times them."""
    from benchmarks.speed import bench_dehyphenate as bench

    if shared.resolve() != bench.SHARED.parent.resolve():
        return []  # the benchmark reads this checkout's ../shared only
    narrow = bench.wrapped(bench.corpus(), 1_000_000, "lost", widths=(15, 20, 25, 30, 35))
    return bench.documents(narrow[:1_000_000])


def corpora(fps: dict[str, str]) -> list[str]:
    """The corpus names of the fingerprint keys (``apertium``, ``ud``, ``seed``, ``pdfdev``...)."""
    return sorted({k.split("/", 1)[0] for k in fps})


def digest(fps: dict[str, str], corpus: str | None = None) -> str:
    """One SHA-256 over the fingerprints of ``corpus`` (every corpus when None), in key order."""
    h = hashlib.sha256()
    for k in sorted(fps):
        if corpus is None or k.split("/", 1)[0] == corpus:
            h.update(f"{k}\t{fps[k]}\n".encode())
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="write the fingerprints (and the news speed) here")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"), help="compare two --out files")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--code", type=Path, help="the folder holding the kaznlp under test (default: this checkout)")
    ap.add_argument("--explain", action="store_true",
                    help="also check that dehyphenate(t, explain=True) gives the same text as dehyphenate(t)")
    args = ap.parse_args(argv)
    if args.compare:
        old, new = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        a, b = old["fingerprints"], new["fingerprints"]
        diff = sorted(k for k in a.keys() & b.keys() if a[k] != b[k])
        print(f"{len(a.keys() & b.keys())} documents in both, {len(diff)} with different output"
              + (f", {len(a.keys() ^ b.keys())} in one only" if a.keys() ^ b.keys() else ""))
        for k in diff[:50]:
            print("  differs:", k)
        for name, fps in (("old", a), ("new", b)):
            print(f"{name} SHA-256:", "; ".join(f"{c} {digest(fps, c)[:16]}" for c in corpora(fps)),
                  f"; all {digest(fps)[:16]}")
        print(f"news CPU chars/s: old {old['news_speed']['chars_per_cpu_s']:,}, new {new['news_speed']['chars_per_cpu_s']:,}")
        return 1 if diff else 0
    if not args.out:
        ap.error("give --out FILE or --compare OLD NEW")
    code = (args.code or ROOT).resolve()
    if not (code / "kaznlp").is_dir():
        ap.error(f"no kaznlp package under {code}")
    docs = documents(args.shared)
    load = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "docs.json", Path(tmp) / "out.json"
        src.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
        subprocess.run([sys.executable, "-c", _WORKER, str(src), str(dst), *(["explain"] if args.explain else [])],
                       cwd=code, check=True)
        child = json.loads(dst.read_text(encoding="utf-8"))
    res = {"kaznlp": child["kaznlp"], "documents": len(docs), "chars": sum(map(len, docs.values())),
           "load_before": load, "news_speed": child["news_speed"], "fingerprints": child["fingerprints"]}
    args.out.write_text(json.dumps(res, indent=0), encoding="utf-8")
    print(f"{res['documents']} documents, {res['chars']:,} chars, kaznlp from {res['kaznlp']}; "
          f"news {res['news_speed']['chars_per_cpu_s']:,} chars/CPU s; wrote {args.out}")
    traced = child.get("explain_differs")
    if traced is not None:
        print(f"explain=True gives other text in {len(traced)} of {len(docs)} documents")
        for k in traced[:50]:
            print("  explain differs:", k)
        return 1 if traced else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
