"""Where ``kaznlp.process`` spends its time, stage by stage (issue 16, item 5).

    python -m benchmarks.speed.bench_process_stages [--shared PATH] [--repeats 5] [--out DIR] [--update-results] [--no-write]

Per document over the apertium news corpus (``shared/data/news/apertium_kaz_rus_corpus``,
21 raw web-crawl dumps, 2.1 MB; one call per document, as users call it), the stages of
``process`` are timed one at a time on the same inputs they get inside ``process``:

- ``normalize``: ``kaznlp.normalize(text, return_alignment=True)``;
- ``dehyphenate``: ``kaznlp.dehyphenate(normalized, return_alignment=True)``;
- ``compose``: chaining the two alignments;
- ``split``: ``kaznlp.split_sentences(clean)``;
- ``tokenize``: the tokenizer's work inside ``process`` (``kaznlp.tokenize.token_columns(clean,
  ends=False)``: the scan, hyphenated words, multiword forms; the token records are not made here);
- ``assemble``: the pipeline's own part (token offsets moved onto the caller's text, the
  token records made once at those offsets, clean forms, sentences, the ``Document``), made
  eagerly here; inside ``process`` it is paid at the first read of the document's tokens;
- ``process``: ``kaznlp.process(text)`` end to end (its own timing). The ``Document`` it returns
  makes its token records at the first read of ``doc.sentences`` / ``doc.tokens``, so this is
  the stages without ``assemble``;
- ``process, tokens read``: ``kaznlp.process(text).tokens``, what a caller who reads the tokens
  pays (the stages should add up to about it);
- ``kaznlp.tokenize``: the public call on the clean text (scan and records), for reference;
- ``tokenizer scan only``: the tokenizer's pattern run over the clean text and nothing else
  (``token_pattern(scan=True).finditer``, each match dropped): what Python's ``re`` costs;
- ``records only``: the ``Token`` records made from ready columns (``spans.make_tokens``):
  what making one tuple per token costs. These two are the floor of the tokenizer's part.

Each figure is the best of ``--repeats`` passes (stages interleaved, GC on), as process CPU
time and wall time, in seconds and chars/s over the whole corpus, with each stage's share of
the summed stages (CPU). The bare
regex tokenizer ``re.finditer(r"\\w+|[^\\w\\s]")`` is timed in the same run as a reference
line. Then, per call on one short news sentence (75 characters): ``tokenize``,
``split_sentences``, ``normalize``, ``dehyphenate`` and ``process`` in microseconds (best of
15 interleaved rounds of 300 calls, CPU and wall).

Last, ``process`` on 1 MB and on 8 MB of the mixed news corpus (``benchmarks.common.corpus.sample``),
its tokens read, CPU seconds, best of 3 rounds that time both sizes, to check that its time grows linearly
(``--no-linearity`` skips it).

Writes ``process_stages.json`` and ``.md`` to a scratch folder (``--out``, default
``$TMPDIR/kaznlp-bench``, as ``bench_core``); only ``--update-results`` writes the committed
``benchmarks/results/process_stages.*`` (``--no-write``: print only). The load average
(``uptime``) before and after is recorded with the figures.

    python -m benchmarks.speed.bench_process_stages --identity

prints, instead of timing anything, one SHA-256 per corpus of everything ``process`` and
``tokenize`` give (``Document.to_dict()`` with every token's kind and clean form, the
alignment and clean text; ``tokenize`` with and without multiword tokens) over the news
corpus (apertium, NTREX), UD KTB, the KazQAD wiki passages, the pdftotext guidelines and the
seed articles: run it on two versions of the code (the same data) to prove that a speed-up
changed no output.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import kaznlp
from benchmarks.common import corpus
from kaznlp.pipeline import _assemble

HERE = Path(__file__).resolve().parent.parent
SCRATCH = Path(tempfile.gettempdir()) / "kaznlp-bench"

SHORT = "Халықтың 63%-ы қалаларда тұрады, деп хабарлады ҚР Ұлттық статистика бюросы."  # 75 chars
STAGES = ("normalize", "dehyphenate", "compose", "split", "tokenize", "assemble")
_BARE = re.compile(r"\w+|[^\w\s]")


def load() -> list[float]:
    return list(os.getloadavg()) if hasattr(os, "getloadavg") else []


def prepare(docs: list[str]) -> list[dict]:
    """Every stage's input for every document (computed once, untimed)."""
    from kaznlp.tokenize import token_columns as _columns

    out = []
    for text in docs:
        n_text, a1 = kaznlp.normalize(text, return_alignment=True)
        clean, a2 = kaznlp.dehyphenate(n_text, return_alignment=True)
        al = a1.compose(a2)
        out.append({"text": text, "normalized": n_text, "a1": a1, "a2": a2, "clean": clean,
                    "alignment": None if al.is_identity else al,
                    "sentences": kaznlp.split_sentences(clean), "columns": _columns(clean, ends=False),
                    "records_columns": _columns(clean)})
    return out


def stage_fns(prep: list[dict]) -> dict[str, Callable[[], None]]:
    from kaznlp.tokenize import token_columns as _columns

    from kaznlp.spans import make_tokens
    from kaznlp.tokenize import token_pattern

    normalize, dehyphenate = kaznlp.normalize, kaznlp.dehyphenate
    scan, scan_email = token_pattern(scan=True, email=False), token_pattern(scan=True)
    split, tokenize = kaznlp.split_sentences, kaznlp.tokenize

    def run_normalize() -> None:
        for d in prep:
            normalize(d["text"], return_alignment=True)

    def run_dehyphenate() -> None:
        for d in prep:
            dehyphenate(d["normalized"], return_alignment=True)

    def run_compose() -> None:
        for d in prep:
            d["a1"].compose(d["a2"]).is_identity

    def run_split() -> None:
        for d in prep:
            split(d["clean"])

    def run_columns() -> None:
        for d in prep:
            gc.disable()  # as inside process
            _columns(d["clean"], ends=False)
            gc.enable()

    def run_tokenize() -> None:
        for d in prep:
            tokenize(d["clean"])

    def run_assemble() -> None:
        for d in prep:
            gc.disable()  # as inside process
            _assemble(d["text"], d["clean"], d["alignment"], d["sentences"], d["columns"])
            gc.enable()

    def run_process() -> None:
        for d in prep:
            kaznlp.process(d["text"])

    def run_process_tokens() -> None:
        for d in prep:
            kaznlp.process(d["text"]).tokens

    def run_scan() -> None:
        for d in prep:
            for _ in (scan_email if "@" in d["clean"] else scan).finditer(d["clean"]):
                pass

    def run_records() -> None:
        for d in prep:
            gc.disable()
            make_tokens(*d["records_columns"])
            gc.enable()

    def run_bare() -> None:
        for d in prep:
            [m.span() for m in _BARE.finditer(d["text"])]

    return {"normalize": run_normalize, "dehyphenate": run_dehyphenate, "compose": run_compose,
            "split": run_split, "tokenize": run_columns, "assemble": run_assemble, "process": run_process,
            "process, tokens read": run_process_tokens,
            "kaznlp.tokenize": run_tokenize, "tokenizer scan only": run_scan, "records only": run_records,
            "bare regex tokenizer": run_bare}


def per_document(docs: list[str], repeats: int) -> dict:
    prep = prepare(docs)
    fns = stage_fns(prep)
    chars = sum(map(len, docs))
    best = {name: float("inf") for name in fns}
    cpu = {name: float("inf") for name in fns}
    for fn in fns.values():  # warm-up
        fn()
    for _ in range(repeats):
        for name, fn in fns.items():
            gc.collect()
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
            cpu[name] = min(cpu[name], time.process_time() - c0)
    staged = sum(cpu[s] for s in STAGES)
    rows = {name: {"seconds": sec, "chars_per_s": chars / sec, "cpu_seconds": cpu[name],
                   "cpu_chars_per_s": chars / max(cpu[name], 1e-9),
                   "share_of_stages": (cpu[name] / staged) if name in STAGES else None}
            for name, sec in best.items()}
    repaired = sum(d["clean"] != d["text"] for d in prep)
    return {"documents": len(docs), "chars": chars, "repaired_documents": repaired,
            "documents_with_offset_changes": sum(d["alignment"] is not None for d in prep),
            "stages": rows, "sum_of_stages_cpu_seconds": staged, "repeats": repeats}


def per_call(rounds: int = 15, number: int = 300) -> dict:
    fns: dict[str, Callable[[], object]] = {
        "tokenize": lambda: kaznlp.tokenize(SHORT),
        "split_sentences": lambda: kaznlp.split_sentences(SHORT),
        "normalize": lambda: kaznlp.normalize(SHORT, return_alignment=True),
        "dehyphenate": lambda: kaznlp.dehyphenate(SHORT, return_alignment=True),
        "process": lambda: kaznlp.process(SHORT),
        "process, tokens read": lambda: kaznlp.process(SHORT).tokens,
    }
    wall = {name: float("inf") for name in fns}
    cpu = {name: float("inf") for name in fns}
    for fn in fns.values():
        fn()
    for _ in range(rounds):  # calls interleaved, best round of each
        for name, fn in fns.items():
            t0, c0 = time.perf_counter(), time.process_time()
            for _ in range(number):
                fn()
            wall[name] = min(wall[name], (time.perf_counter() - t0) / number * 1e6)
            cpu[name] = min(cpu[name], (time.process_time() - c0) / number * 1e6)
    out = {name: {"microseconds": wall[name], "cpu_microseconds": cpu[name]} for name in fns}
    return {"text": SHORT, "chars": len(SHORT), "calls": out, "rounds": rounds, "calls_per_round": number}


def linearity(shared: str | None, small_mb: float = 1.0, factor: int = 8, rounds: int = 3) -> dict:
    """``process`` (its tokens read) on one text of ``small_mb`` MB and one ``factor`` times larger (the corpus mix of
    ``benchmarks.common.corpus.sample``), CPU seconds each, best of ``rounds`` rounds that time the two
    sizes one after the other (so a burst of load on the shared machine hits both); linear when
    the ratio stays near ``factor`` (issue 16: 8 MB within 10x the time of 1 MB)."""
    chunks = corpus.mixed_chunks(shared)
    texts = {"small": corpus.sample(small_mb, shared, chunks), "big": corpus.sample(small_mb * factor, shared, chunks)}
    best = {name: float("inf") for name in texts}
    for _ in range(rounds):
        for name, text in texts.items():
            gc.collect()
            c0 = time.process_time()
            kaznlp.process(text).tokens  # (the records made too, as a caller reading them pays)
            best[name] = min(best[name], time.process_time() - c0)
    out: dict = {name: {"mb": len(text.encode("utf-8")) / 1e6, "chars": len(text), "cpu_seconds": best[name]}
                 for name, text in texts.items()}
    out["ratio"] = out["big"]["cpu_seconds"] / out["small"]["cpu_seconds"]
    out["size_ratio"] = out["big"]["chars"] / out["small"]["chars"]
    out["rounds"] = rounds
    return out


def render(res: dict) -> str:
    pd = res["per_document"]
    lines = [
        "# Where `kaznlp.process` spends its time",
        "",
        f"`python -m benchmarks.speed.bench_process_stages` — {res['date']}, Python {res['python']}, "
        f"load average before/after {res['load_before']} / {res['load_after']}.",
        "",
        f"Per document over the apertium news corpus ({pd['documents']} documents, {pd['chars']:,} chars; "
        f"{pd['repaired_documents']} changed by the repairs, {pd['documents_with_offset_changes']} with "
        f"characters inserted or deleted), best of {pd['repeats']} passes:",
        "",
        "| stage | CPU s | chars/s (CPU) | share of the stages (CPU) | wall s | chars/s (wall) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in pd["stages"].items():
        share = f"{100 * r['share_of_stages']:.1f} %" if r["share_of_stages"] is not None else ""
        lines.append(f"| {name} | {r['cpu_seconds']:.3f} | {r['cpu_chars_per_s'] / 1e6:.2f} M | {share} | "
                     f"{r['seconds']:.3f} | {r['chars_per_s'] / 1e6:.2f} M |")
    pc = res["per_call"]
    lines += ["", f"Sum of the stages: {pd['sum_of_stages_cpu_seconds']:.3f} CPU s. On a busy machine (see the load) "
              "the process CPU time is the steadier figure; wall time is given beside it.", "",
              f"Per call on one short sentence ({pc['chars']} chars: «{pc['text']}»), best of {pc['rounds']} rounds "
              f"of {pc['calls_per_round']} calls, calls interleaved:", "",
              "| call | µs (CPU) | µs (wall) |", "|---|---:|---:|"]
    for name, r in pc["calls"].items():
        lines.append(f"| {name} | {r['cpu_microseconds']:.1f} | {r['microseconds']:.1f} |")
    lin = res.get("linearity")
    if lin:
        lines += ["", f"Linearity: `process` (tokens read) on {lin['small']['mb']:.1f} MB took {lin['small']['cpu_seconds']:.2f} CPU s, "
                  f"on {lin['big']['mb']:.1f} MB {lin['big']['cpu_seconds']:.2f} CPU s: {lin['ratio']:.2f}x the time for "
                  f"{lin['size_ratio']:.2f}x the text (best of {lin.get('rounds', 1)} rounds timing both sizes)."]
    return "\n".join(lines) + "\n"


def identity_corpora(shared: str | None) -> dict[str, list[str]]:
    """The texts ``--identity`` digests, by corpus (a missing corpus is an empty list)."""
    sources = corpus.load_sources(shared)
    root = corpus.shared_dir(shared)
    ktb = root / "data" / "ud_kk_ktb"
    from benchmarks.gold import ud_ktb

    pdf = root / "data" / "pdf_extracted" / "kaznerd_guidelines"
    return {
        "apertium": sources["apertium"], "ntrex": sources["ntrex"], "kazqad_wiki": sources["kazqad_wiki"],
        "ud_ktb": [d.text for d in ud_ktb.load(ktb)] if ud_ktb.available(ktb) else [],
        "pdf": [p.read_text(encoding="utf-8") for p in sorted(pdf.glob("*.txt"))] if pdf.is_dir() else [],
        "seeds": [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))],
    }


def identity_digests(shared: str | None) -> dict[str, dict]:
    """``{corpus: {"texts", "tokens", "sha256"}}`` of everything ``process``/``tokenize`` return."""
    import hashlib

    out = {}
    for name, texts in identity_corpora(shared).items():
        h = hashlib.sha256()
        n_tokens = 0
        for text in texts:
            for multiword in (True, False):
                doc = kaznlp.process(text, multiword=multiword)
                assert all(text[t.start:t.end] == t.text for t in doc.tokens)
                rows = [(type(t).__name__, tuple(t), t.norm) for t in doc.tokens]
                n_tokens += len(rows) if multiword else 0
                h.update(json.dumps([doc.to_dict(), rows], ensure_ascii=False).encode("utf-8"))
                h.update(json.dumps([(type(t).__name__, tuple(t)) for t in kaznlp.tokenize(text, multiword=multiword)],
                                    ensure_ascii=False).encode("utf-8"))
            doc = kaznlp.process(text, tokens=False)
            h.update(json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8"))
        out[name] = {"texts": len(texts), "tokens": n_tokens, "sha256": h.hexdigest()}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", default=str(SCRATCH), help=f"scratch folder for the results (default {SCRATCH})")
    ap.add_argument("--update-results", action="store_true",
                    help="write the committed benchmarks/results/process_stages.* instead of the scratch folder")
    ap.add_argument("--no-write", action="store_true", help="print the tables only")
    ap.add_argument("--no-linearity", action="store_true", help="skip the 1 MB / 8 MB run")
    ap.add_argument("--identity", action="store_true",
                    help="print a digest per corpus of all output (compare two versions of the code); no timing")
    args = ap.parse_args(argv)
    if args.identity:
        print(json.dumps(identity_digests(args.shared), indent=1))
        return 0
    docs = [t for t in corpus.load_sources(args.shared)["apertium"] if t.strip()]
    if not docs:
        print("no apertium corpus under", corpus.shared_dir(args.shared) / "data", file=sys.stderr)
        return 1
    l0 = load()
    res = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "python": sys.version.split()[0],
           "load_before": [round(x, 2) for x in l0]}
    res["per_document"] = per_document(docs, args.repeats)
    res["per_call"] = per_call()
    if not args.no_linearity:
        res["linearity"] = linearity(args.shared)
    res["load_after"] = [round(x, 2) for x in load()]
    md = render(res)
    print(md)
    if not args.no_write:
        out = HERE / "results" if args.update_results else Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "process_stages.json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (out / "process_stages.md").write_text(md, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
