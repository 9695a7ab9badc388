"""The glue trade-off curve of the learned layer on a bare line break (issue 15). Dev only.

    python -m benchmarks.audit.dehyphenate_glue_curve [--tau -1,-0.5,0,0.5,1] [--layouts a,b] [--jobs 2]

The learned layer (``kaznlp.dehyphenate.learned``) joins a bare break (``цифр⏎лық``) when its score
(log-odds) is > 0. This audit shows what another threshold ``tau`` would give, without patching
the library: each PDF extraction (``benchmarks/testsets/pdf_testset``, the cached dev renders and
extractions of ``python -m benchmarks.testsets.pdf_testset --split dev``) is run once through
``dehyphenate(text, explain=True)``; every decision of kind ``line_break`` whose rule starts with
``learned:`` and whose action is ``join`` or ``space`` is decided again by its evidence score
(``join`` iff score > tau), and the output is rebuilt by changing only the flipped decisions: the
decision's region in the input (``start``, ``end``) is mapped into the output through the returned
alignment (``span_to_dst``), where it holds ``""`` (join) or ``" "`` (space), and is replaced by
the other. (A learned join across a column end's blank line that would no longer join becomes a
paragraph break, ``\n\n``, as the library keeps it; the scorer reads any whitespace alike.) Each rebuilt output is scored with the PDF scorer
(``score.Aligned``, one alignment per extraction; strict, every gap scored, unless ``--source-gaps``).

Checks, on every document: the output of ``explain=True`` equals ``dehyphenate(text)``; each
learned decision's region holds in the output what its action wrote; the output rebuilt at
tau = 0 (always run) equals ``dehyphenate(text)`` (a decision whose action disagrees with the sign of its
rounded score would show here). The run fails (exit 1) if one does not hold.

What it cannot show: a flip changes only its own break. In the library a different threshold also
changes what later rules, passes and decisions read (a learned ``space`` is followed by
``text_stem_spans`` and ``glued_phrase_join``, which may still join; ``cut_at_column_edge`` and the
column-end margin read the same verdict; narrow-block tests read the joined lines). The curve is the
first-order effect; docs/pdf_testset.md (Round 18) measures how far it is from a patched library.
Note: a threshold patched into the library's plain path alone compares tau with a sum that is
exact only in its sign (``learned._plain_score``, ``exact=False``), so it is not the curve either.

Per tau: broken words repaired %, words wrongly glued (count and % of word boundaries), real
hyphens destroyed, the flipped decisions (to join / to space), and the layout with the lowest
repaired %. ``--split test`` exists for the lead's test look only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from multiprocessing import Pool

from benchmarks.testsets.pdf_testset import gold, render
from benchmarks.testsets.pdf_testset.extract import extraction
from benchmarks.testsets.pdf_testset.score import Aligned
from kaznlp.alignment import apply_edits
from kaznlp.dehyphenate import BreakDecision, dehyphenate
from kaznlp.linebreaks import LINE_BREAK_CHARS

TAUS = (-1.0, -0.5, 0.0, 0.5, 1.0)
_KEYS = ("broken", "repaired", "hyphens", "destroyed", "boundaries", "glued")
_WRITTEN = {"join": "", "space": " "}


def learned_breaks(decisions: list[BreakDecision]) -> list[BreakDecision]:
    """The bare-break decisions the learned layer made by its score (join or space)."""
    return [d for d in decisions if d.kind == "line_break" and d.rule.startswith("learned:")
            and d.action in _WRITTEN and "score" in d.evidence]


def redecide(d: BreakDecision, tau: float) -> str:
    score = d.evidence["score"]
    assert isinstance(score, float)
    return "join" if score > tau else "space"


def rebuild(text: str, out: str, al, learned: list[BreakDecision], tau: float) -> tuple[str, Counter]:
    """``out`` (dehyphenate's output of ``text``, ``al`` its alignment) with every learned decision
    decided again at ``tau``; and the counts of flips (``to_join``, ``to_space``) and of mapping faults."""
    edits: list[tuple[int, int, str]] = []
    n: Counter = Counter()
    for d in learned:
        p, q = al.span_to_dst(d.start, d.end)
        if out[p:q] != _WRITTEN[d.action]:
            n["region_mismatch"] += 1
            continue
        new = redecide(d, tau)
        if new == d.action:
            continue
        n["to_" + new] += 1
        region = text[d.start:d.end]
        if new == "space" and sum(region.count(c) for c in LINE_BREAK_CHARS) - region.count("\r\n") >= 2:
            edits.append((p, q, "\n\n"))  # a column end's blank line: not joined, it stays a paragraph break
        else:
            edits.append((p, q, _WRITTEN[new]))
    return (apply_edits(out, sorted(edits))[0] if edits else out), n


def curve_one(text: str, aligned: Aligned | None, taus: tuple[float, ...]) -> tuple[dict, Counter]:
    """Scores per tau of one extraction (``aligned``: gold aligned to ``text``; None: no scoring) and
    the check counts (``plain_differs``, ``tau0_differs``, ``region_mismatch``, ``learned``)."""
    plain = dehyphenate(text)
    out, al, decisions = dehyphenate(text, explain=True)
    learned = learned_breaks(decisions)
    chk = Counter(learned=len(learned), plain_differs=int(out != plain))
    per_tau = {}
    for tau in taus:
        new, n = rebuild(text, out, al, learned, tau)
        if tau == 0.0:
            chk["tau0_differs"] += int(new != plain)
            chk["region_mismatch"] += n["region_mismatch"]
        c = Counter({k: v for k, v in n.items() if k.startswith("to_")})
        if aligned is not None:
            c += Counter({k: v for k, v in aligned.score(new).items() if k in _KEYS})
        per_tau[tau] = c
    return per_tau, chk


def _job(args: tuple) -> tuple[str, str, str, dict, Counter]:
    lay, doc, ex, taus, source_gaps = args
    c0 = time.process_time()
    paras = gold.paragraphs(doc, check=False)
    pdf = render.pdf_path(lay, paras)
    text = extraction(pdf, ex, lay, make=False)
    if text is None:
        raise SystemExit(f"{pdf.with_suffix('.' + ex + '.txt')} not cached: run python -m "
                         "benchmarks.testsets.pdf_testset --split dev first")
    per_tau, chk = curve_one(text, Aligned("\n".join(paras), text, source_gaps=source_gaps), taus)
    chk["cpu_ms"] = round(1000 * (time.process_time() - c0))
    return lay["name"], ex, doc["id"], per_tau, chk


def jobs(split: str, layouts: set[str], taus: tuple[float, ...], source_gaps: bool = False) -> list[tuple]:
    meta = gold.load(split)
    lays = [lay for lay in meta["layouts"] if not layouts or lay["name"] in layouts]
    return [(lay, d, ex, taus, source_gaps) for lay in lays for d in meta["documents"]
            if lay["name"] in d.get("layouts", [lay["name"]]) for ex in lay["extractors"]]


def pct(a: int, b: int) -> float | None:
    return round(100 * a / b, 3) if b else None


def table(totals: dict, by_layout: dict, touched: set[str]) -> list[str]:
    """The curve; the lowest layout is the one with the lowest repaired % among the layouts where a
    decision flips at some tau run (the others do not move)."""
    rows = ["| tau | repaired % (of broken) | glued (count, % of boundaries) | destroyed / hyphens "
            "| unrepaired + glued | flipped to join / to space | lowest layout (repaired %) |", "|---" * 7 + "|"]
    for tau, c in totals.items():
        low = min(((pct(lc[tau]["repaired"], lc[tau]["broken"]), name) for name, lc in by_layout.items()
                   if lc[tau]["broken"] and name in touched), default=(None, "-"))
        rows.append(f"| {tau:+g} | {pct(c['repaired'], c['broken'])} ({c['repaired']:,} / {c['broken']:,}) "
                    f"| {c['glued']:,} ({pct(c['glued'], c['boundaries'])} % of {c['boundaries']:,}) "
                    f"| {c['destroyed']} / {c['hyphens']:,} | {c['broken'] - c['repaired'] + c['glued']:,} "
                    f"| {c['to_join']:,} / {c['to_space']:,} "
                    f"| {low[1]} {low[0]} |")
    return rows


def layout_table(by_layout: dict, touched: set[str]) -> list[str]:
    """Per layout where a decision flips: repaired % and glued (count, % of boundaries) at each tau."""
    taus: dict = next(iter(by_layout.values()), {})
    rows = ["| layout | " + " | ".join(f"tau {t:+g}: repaired %, glued (%)" for t in taus) + " |",
            "|---" * (len(taus) + 1) + "|"]
    for name, lc in by_layout.items():
        if name in touched:
            rows.append(f"| {name} | " + " | ".join(f"{pct(c['repaired'], c['broken'])}, {c['glued']} ({pct(c['glued'], c['boundaries'])})"
                                                    for c in lc.values()) + " |")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.audit.dehyphenate_glue_curve",
                                 description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=("dev", "test"), help="test: the lead's test look only")
    ap.add_argument("--tau", default=",".join(f"{t:g}" for t in TAUS), help="thresholds, comma-separated")
    ap.add_argument("--layouts", default="", help="layout names, comma-separated (default: all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--source-gaps", action="store_true",
                    help="leave the source's own hyphen-space and dash gaps unscored (score.Aligned); default strict")
    ap.add_argument("--out", help="also write the counts per tau and layout as JSON")
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--tau" in argv[:-1]:  # ``--tau -1,-0.5``: a value that starts with "-" is no option here
        i = argv.index("--tau")
        argv[i:i + 2] = ["--tau=" + argv[i + 1]]
    a = ap.parse_args(argv)
    taus = tuple(sorted({float(t) for t in a.tau.split(",")} | {0.0}))
    work = jobs(a.split, set(filter(None, a.layouts.split(","))), taus, a.source_gaps)
    t0 = time.time()
    totals: dict[float, Counter] = {t: Counter() for t in taus}
    by_layout: dict[str, dict[float, Counter]] = {}
    checks: Counter = Counter()
    bad: list[str] = []
    with Pool(a.jobs) as pool:
        for name, ex, doc_id, per_tau, chk in pool.imap_unordered(_job, work, chunksize=4):
            checks += chk
            if chk["plain_differs"] or chk["tau0_differs"] or chk["region_mismatch"]:
                bad.append(f"{name}/{ex}/{doc_id}: {dict(chk)}")
            lay = by_layout.setdefault(name, {t: Counter() for t in taus})
            for t, c in per_tau.items():
                totals[t] += c
                lay[t] += c
    wall, cpu = time.time() - t0, checks["cpu_ms"] / 1000
    touched = {n for n, lc in by_layout.items() if any(c["to_join"] or c["to_space"] for c in lc.values())}
    print(f"# Glue trade-off curve, PDF {a.split} ({'source gaps set aside' if a.source_gaps else 'strict'}): {len(work)} extractions, {len(by_layout)} layouts, "
          f"{checks['learned']:,} learned bare-break decisions (wall {wall:.0f} s, "
          f"CPU {cpu:.0f} s in {a.jobs} workers)\n")
    print("\n".join(table(totals, by_layout, touched)))
    print("\nThe layouts where a decision flips at some tau:\n")
    print("\n".join(layout_table(by_layout, touched)))
    print(f"\nchecks: explain output != dehyphenate(text): {checks['plain_differs']}; rebuilt at tau 0 != "
          f"dehyphenate(text): {checks['tau0_differs']}; decision region not as its action wrote it: "
          f"{checks['region_mismatch']}")
    for line in bad[:20]:
        print("  " + line)
    if a.out:
        payload = {"split": a.split, "source_gaps": a.source_gaps, "taus": taus, "checks": dict(checks),
                   "total": {str(t): dict(c) for t, c in totals.items()},
                   "layouts": {n: {str(t): dict(c) for t, c in lc.items()} for n, lc in by_layout.items()}}
        with open(a.out, "w", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False, indent=1)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
