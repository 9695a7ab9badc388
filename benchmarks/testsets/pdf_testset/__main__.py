"""``python -m benchmarks.testsets.pdf_testset --split dev``: render, extract, de-hyphenate, score.

Options: ``--split dev|test|all`` (default dev), ``--engines latex,libreoffice``, ``--layouts
NAME,...``, ``--docs N`` (first N documents of the split, for a quick look), ``--update-results``
(write ``benchmarks/results/pdf_testset.<split>.json`` and ``.md``; otherwise the report goes to
the cache folder and stdout), ``--build-gold`` (re-select the documents and rewrite
``documents.json``), ``--shared PATH``, ``--strict`` (also score the source's own hyphen-space and
dash gaps, see ``score.py``; the reports get ``.strict`` in their names).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict

from benchmarks.testsets.pdf_testset import gold, render
from benchmarks.testsets.pdf_testset.extract import extraction
from benchmarks.testsets.pdf_testset.score import Aligned, rates
from kaznlp.linebreaks import LINE_BREAK_CHARS

RESULTS = gold.REPO / "benchmarks" / "results"
_B = "[" + re.escape(LINE_BREAK_CHARS) + "]"
_NAIVE_HYPH = re.compile(r"[-\u2010\u00ad][ \t]*(?:\r\n|" + _B + r")[ \t]*")
_NAIVE_LINE = re.compile(r"(?<!" + _B + r")[ \t]*(?:\r\n|" + _B + r")[ \t]*(?!" + _B + r")")


def naive(text: str) -> str:
    """Baseline: join every ``-⏎`` (hyphen dropped), then every single line break becomes a space."""
    return _NAIVE_LINE.sub(" ", _NAIVE_HYPH.sub("", text))


SYSTEMS = ("none", "naive", "kaznlp", "kaznlp_strict", "kaznlp_reflow")


def systems() -> dict:
    """``kaznlp`` is ``dehyphenate(text)`` (defaults); ``kaznlp_reflow`` forces ``reflow=True`` (it
    shows how much of a layout's failure is the decision that the text is wrapped at all)."""
    from kaznlp import dehyphenate
    return {"none": lambda t: t, "naive": naive, "kaznlp": dehyphenate,
            "kaznlp_reflow": lambda t: dehyphenate(t, reflow=True)}


def _score_strict(al: Aligned, output: str) -> Counter:
    """``output`` scored with every gap, the source's own ones too (the ``kaznlp_strict`` column)."""
    al.source_gaps = False
    try:
        return al.score(output)
    finally:
        al.source_gaps = True


def run(split: str, engines: set[str], only_layouts: set[str] | None, ndocs: int | None,
        shared: str | None, show_errors: int = 0, strict: bool = False) -> dict:
    meta = gold.load(None if split == "all" else split)
    docs = meta["documents"][:ndocs] if ndocs else meta["documents"]
    layouts = [lay for lay in meta["layouts"] if lay["engine"] in engines
               and (not only_layouts or lay["name"] in only_layouts)]
    missing = render.tools_missing({lay["engine"] for lay in layouts})
    if missing:
        sys.exit(f"pdf_testset: missing tools {missing} (apt-get install texlive-luatex "
                 "texlive-latex-base fonts-dejavu-core poppler-utils libreoffice-writer-nogui)")
    patterns = gold.shared_dir(shared) / "data" / "hyphenation" / "hyph-kk.pat.txt"
    cache = render.cache_dir()
    (cache / "pdf").mkdir(exist_ok=True)
    paras = {d["id"]: gold.paragraphs(d, shared) for d in docs}
    # render (LibreOffice batched)
    t0 = time.time()
    lo_jobs, pdfs = [], {}
    # a record with "layouts" (round 14's second dev pass) is rendered and scored in those only
    pairs = [(lay, d) for lay in layouts for d in docs if lay["name"] in d.get("layouts", [lay["name"]])]
    for lay, d in pairs:
        pdf = render.pdf_path(lay, paras[d["id"]])
        pdfs[(lay["name"], d["id"])] = pdf
        if pdf.is_file():
            continue
        if lay["engine"] == "latex":
            render.render_latex(lay, paras[d["id"]], pdf, patterns)
        elif not any(j[2] == pdf for j in lo_jobs):
            lo_jobs.append((lay, paras[d["id"]], pdf))
    render.render_libreoffice(lo_jobs, patterns)
    t_render = time.time() - t0
    systs = systems()
    counts: dict[tuple[str, str, str, str], Counter] = defaultdict(Counter)  # (sys, layout, extractor, doc)
    t_score = time.time()
    for lay, d in pairs:
        pdf = pdfs[(lay["name"], d["id"])]
        gtext = "\n".join(paras[d["id"]])
        for ex in lay["extractors"]:
            text = extraction(pdf, ex, lay) or ""  # (made when missing: never None here)
            al = Aligned(gtext, text, source_gaps=not strict)
            for name, fn in systs.items():
                errs: list | None = [] if show_errors and name == "kaznlp" and split == "dev" else None
                out = fn(text)
                counts[(name, lay["name"], ex, d["id"])] += al.score(out, errs)
                if name == "kaznlp" and not strict:
                    counts[("kaznlp_strict", lay["name"], ex, d["id"])] += _score_strict(al, out)
                for kind, g, o in (errs or [])[:show_errors]:
                    print(f"{lay['name']}|{ex}|{d['id']}\t{kind}\t{g!r}\t{o!r}")
    t_score = time.time() - t_score
    return {"split": split, "strict": strict, "documents": [d["id"] for d in docs], "layouts": layouts,
            "render_seconds": round(t_render, 1), "score_seconds": round(t_score, 1),
            "counts": counts}


def summarise(res: dict) -> dict:
    counts = res["counts"]
    lay_of = {lay["name"]: lay for lay in res["layouts"]}
    groups: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for (sysname, lay, ex, _doc), c in counts.items():
        engine = lay_of[lay]["engine"]
        for key in ("overall", f"engine={engine}", f"layout={lay}", f"extractor={ex}",
                    f"layout+extractor={lay}|{ex}", f"family={lay_of[lay]['family']}"):
            groups[key][sysname] += c
    order = ("overall", "engine=", "family=", "extractor=", "layout=", "layout+extractor=")

    def rank(key: str) -> tuple[int, str]:
        return next(i for i, p in enumerate(order) if key.startswith(p)), key
    return {key: {s: rates(c) for s, c in per.items()} for key, per in sorted(groups.items(), key=lambda kv: rank(kv[0]))}


def markdown(res: dict, summary: dict) -> str:
    def cell(r: dict | None) -> str:
        if not r or r["broken"] == 0 and r["boundaries"] == 0:
            return "–"
        rep = f"{r['repaired_pct']:.1f}" if r["repaired_pct"] is not None else "–"
        return f"{rep} ({r['broken']}) · {r['destroyed']}/{r['hyphens']} · {r['glued']}/{r['boundaries']}"

    out = [f"# PDF test set, split `{res['split']}`", "",
           f"{len(res['documents'])} documents, {len(res['layouts'])} layouts; "
           f"render {res['render_seconds']} s (cached PDFs count 0), score {res['score_seconds']} s.",
           "Reproduce: `python -m benchmarks.testsets.pdf_testset --split " + res["split"]
           + (" --strict" if res["strict"] else "") + "`", "",
           ("Every gap scored, the source's own hyphen-space and dash gaps too (`--strict`)." if res["strict"] else
            "The source's own hyphen-space gaps (`ақыл- парасатын`) and gaps beside a dash are not scored"
            " (`source_gaps`; `--strict` scores them)."), "",
           "Cell: broken words repaired % (broken words) · real hyphens destroyed / real hyphens in the input"
           " · words wrongly glued / word boundaries. `kaznlp_strict`: the same kaznlp outputs with every gap"
           " scored. See `docs/pdf_testset.md`.", "",
           "| group | " + " | ".join(SYSTEMS) + " |", "|---" * (len(SYSTEMS) + 1) + "|"]
    for key, per in summary.items():
        out.append(f"| {key} | " + " | ".join(cell(per.get(s)) for s in SYSTEMS) + " |")
    return "\n".join(out) + "\n"


def compact_json(payload: dict) -> str:
    """The results file: one summary group a line, zero counts left out (rates kept), no ``none``."""
    head = {k: v for k, v in payload.items() if k not in ("summary", "layouts")}
    head["layouts"] = [lay["name"] for lay in payload["layouts"]]
    rows = []
    for key, per in payload["summary"].items():
        per = {s: {k: v for k, v in r.items() if v or k.endswith("_pct")} for s, r in per.items() if s != "none"}
        rows.append(f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(per, ensure_ascii=False)}")
    body = json.dumps(head, ensure_ascii=False)[:-1]
    return body + ', "summary": {\n' + ",\n".join(rows) + "\n}}\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.testsets.pdf_testset", description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    ap.add_argument("--engines", default="latex,libreoffice")
    ap.add_argument("--layouts", default="")
    ap.add_argument("--docs", type=int)
    ap.add_argument("--update-results", action="store_true")
    ap.add_argument("--build-gold", action="store_true")
    ap.add_argument("--shared")
    ap.add_argument("--show-errors", type=int, default=0,
                    help="print up to N kaznlp errors per document and extraction (dev split only)")
    ap.add_argument("--strict", action="store_true",
                    help="also score the source's own hyphen-space and dash gaps (score.py, 'Source gaps')")
    args = ap.parse_args(argv)
    if args.build_gold:
        meta = gold.load() if gold.DOCUMENTS.is_file() else {}
        meta["documents"] = gold.build(args.shared)
        meta.setdefault("layouts", [])
        gold.DOCUMENTS.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        n = Counter(d["split"] for d in meta["documents"])
        print(f"wrote {gold.DOCUMENTS} ({dict(n)})")
        return
    res = run(args.split, set(args.engines.split(",")), set(filter(None, args.layouts.split(","))),
              args.docs, args.shared, args.show_errors, args.strict)
    summary = summarise(res)
    md = markdown(res, summary)
    per_doc = {"|".join(k): dict(c) for k, c in sorted(res["counts"].items())}
    payload = {k: v for k, v in res.items() if k != "counts"} | {"summary": summary}
    cache = render.cache_dir()
    # a subset (--layouts, --engines, --docs) gets a name of its own: it does not overwrite the full report
    subset = args.layouts or args.engines != "latex,libreoffice" or args.docs
    name = f"pdf_testset.{args.split}" + (".strict" if args.strict else "") + (".subset" if subset else "")
    (cache / f"{name}.json").write_text(
        json.dumps(payload | {"per_document": per_doc}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (cache / f"{name}.md").write_text(md, encoding="utf-8")
    out_dir = cache
    if args.update_results:  # the committed copy: no per-document counts (they stay in the cache)
        out_dir = RESULTS
        base = f"pdf_testset.{args.split}" + (".strict" if args.strict else "")
        (RESULTS / f"{base}.json").write_text(compact_json(payload), encoding="utf-8")
        (RESULTS / f"{base}.md").write_text(md, encoding="utf-8")
    print(md)
    print(f"written to {out_dir}/{name if out_dir == cache else base}.{{json,md}}")


if __name__ == "__main__":
    main()
