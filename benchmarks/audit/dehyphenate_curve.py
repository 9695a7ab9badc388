"""Which rule decides each line-end hyphen on dev, how often it is right, and the trade-off curve of
a character-model veto on the joins that destroy real hyphens (issue 15). Dev only.

    python -m benchmarks.audit.dehyphenate_curve

Decisions come from the public trace (:func:`kaznlp.dehyphenate.explain_breaks`, first pass) on
the dev split of the synthetic set in the ``hyphen`` style (``benchmarks/testsets/dehyphenate_testset.py``,
widths 35/50/70, NTREX/KazQAD and apertium groups) and on the PDF dev extractions with hyphen
glyphs (``python -m benchmarks.testsets.pdf_testset --split dev`` must have cached them; lost-hyphen and
no-hyphenation layouts left out). A decision is labelled from the gold text: ``real`` when gold
writes ``left-right`` and not ``leftright``, ``break`` for the reverse, else unlabelled.

The synthetic set also runs in the ``soft`` style (word breaks as soft hyphens, real hyphens as
``-``: rule ``soft_marked_text``). Every table is printed for synthetic dev and PDF dev separately
(their priors differ).

The curve: were the hyphen kept whenever a ``suffix_chain`` or ``default_join`` join reads as two
words to the character model (``charlm.split_gain`` < T), how many real hyphens would be saved and
how many broken words would keep a wrong hyphen.

The operating point (round 10): for the line-end hyphens no rule has evidence for (decided by
``default_join`` or, since round 10, ``unknown_join_two_words``), the real hyphens kept and the broken
words left hyphenated under a few candidate keep-conditions (piece lengths, the joined form unknown,
``split_gain``, capitalisation, a free lexicon word on the right, the layout's own line-end hyphen
rate), each counted against joining them all.

    python -m benchmarks.audit.dehyphenate_curve --evidence

The evidence table: for every line-end hyphen the rules join, which kinds of evidence a rule could
use to keep the hyphen instead (both pieces free words in the Unicode Unilex list of
``../shared/data/lexicons`` or in kaznlp's lexicon, the joined form unknown, the character model's
two-word reading), and how many real hyphens and broken words each kind holds. A kind is worth a
rule only where it holds more real hyphens than broken words.

    python -m benchmarks.audit.dehyphenate_curve --multi

The line-end hyphens after a piece that already holds a hyphen (``Би-би-⏎си`` vs ``вице-президен-⏎ті``):
real hyphens and broken words by the right piece's length and whether the join is known, and by rule.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable

from benchmarks.testsets.dehyphenate_testset import SEED, SHARED, WIDTHS, Hyphenator, load_docs, make_doc
from kaznlp.dehyphenate import explain_breaks
from kaznlp.dehyphenate.evidence import Evidence
from kaznlp.dehyphenate.morph import norm
from kaznlp.lang import charlm

VETOED = ("suffix_chain", "default_join", "unknown_join_two_words")
NO_EVIDENCE = ("default_join", "unknown_join_two_words")
SETS = ("synthetic", "pdf")
THRESHOLDS = (float("inf"), 0.0, -4.0, -8.0, -12.0)


def label(gold_low: str, left: str, right: str) -> str | None:
    a, b = left.lower().rsplit(" ", 1)[-1], right.lower().split(" ")[0]
    hyph, joined = (a + "-" + b) in gold_low, (a + b) in gold_low
    return "real" if hyph and not joined else "break" if joined and not hyph else None


def gain(left: str, right: str) -> float:
    a, b = left.lower().rsplit("-", 1)[-1], right.lower().split("-")[0]
    return charlm.split_gain(a, b) if a.isalpha() and b.isalpha() else 99.0


def texts() -> list[tuple[str, str, str]]:
    """(set, source, gold): the synthetic hyphen and soft styles, then the PDF dev extractions."""
    out = []
    rng = random.Random(SEED)
    hy = Hyphenator(SHARED / "hyphenation" / "hyph-kk.pat.txt")
    for group, docs in load_docs(SHARED, rng, ("dev",)).items():
        if "in-lexicon" in group:
            continue
        for style in ("hyphen", "soft"):
            for width in WIDTHS:
                for di, paras in enumerate(docs):
                    drng = random.Random(f"{SEED}-{group}-{style}-{width}-{di}")
                    src, gold, _ = make_doc(paras, style, width, hy, drng, [])
                    out.append(("synthetic", src, gold))
    from benchmarks.testsets.pdf_testset import gold as pgold
    from benchmarks.testsets.pdf_testset import render
    meta, cache = pgold.load("dev"), render.cache_dir()
    for lay in meta["layouts"]:
        if "lost" in lay["name"] or "nohyph" in lay["name"]:
            continue
        for d in meta["documents"]:
            paras = pgold.paragraphs(d, None)
            pdf = cache / "pdf" / f"{lay['engine']}-{render.render_key(lay, paras)}.pdf"
            for ex in lay["extractors"]:
                txt = pdf.with_suffix(f".{ex}.txt")
                if txt.is_file():
                    out.append(("pdf", txt.read_text(encoding="utf-8"), "\n".join(paras)))
    return out


_HYPHEN_LINE_END = re.compile(r"[^\W\d_][-\u2010\xad][ \t]*$", re.M)


def hyphen_rate(src: str) -> float:
    """Line-end hyphens (and soft hyphens) after a letter per non-empty line."""
    lines = sum(1 for line in src.splitlines() if line.strip())
    return len(_HYPHEN_LINE_END.findall(src)) / max(1, lines)


# candidate keep-conditions for a line-end hyphen with no evidence: (name, test of the features)
CONDITIONS: list[tuple[str, Callable[[dict], bool]]] = [
    *((f"split_gain < {t:g}", lambda f, t=t: f["g"] < t) for t in (0.0, -4.0, -8.0, -12.0)),
    *((f"join unknown, pieces 4+ / 6+ letters, split_gain < {t:g}" + (" (chosen)" if t == -4 else ""),
       lambda f, t=t: f["j"] == 0 and f["la"] >= 4 and f["lb"] >= 6 and f["g"] < t) for t in (0.0, -2.0, -4.0, -8.0)),
    *((f"join unknown, pieces {la}+ / {lb}+ letters, split_gain < -4",
       lambda f, la=la, lb=lb: f["j"] == 0 and f["la"] >= la and f["lb"] >= lb and f["g"] < -4)
      for la, lb in ((3, 5), (4, 5), (5, 5), (3, 6), (5, 6), (4, 7))),
    ("join unknown, capitalised left piece", lambda f: f["j"] == 0 and f["cap"]),
    ("join unknown, right piece a lexicon/text word (3+ letters)", lambda f: f["j"] == 0 and f["wb"] >= 2 and f["lb"] >= 3),
    ("join unknown, both pieces unknown (4+ letters each)", lambda f: f["j"] == 0 and f["wa"] == 0 and f["wb"] == 0
     and f["la"] >= 4 and f["lb"] >= 4),
    # round 10, h15destroy2: the Би-би-⏎си and эхо-⏎локация kinds
    *((f"join unknown, both pieces 1-2 letters, split_gain < {t:g}", lambda f, t=t: f["j"] == 0 and f["la"] <= 2
       and f["lb"] <= 2 and f["g"] < t) for t in (0.0, -4.0)),
    ("join unknown, left piece 2-3 letters, right 6+", lambda f: f["j"] == 0 and 2 <= f["la"] <= 3 and f["lb"] >= 6),
    ("join unknown, left piece 3 letters ending in a vowel, right 6+, both unknown", lambda f: f["j"] == 0
     and f["la"] == 3 and f["av"] and f["lb"] >= 6 and f["wa"] == 0 and f["wb"] == 0),
    ("join unknown, left piece ends in a vowel, right 6+, reads as one word (split_gain > 0)", lambda f: f["j"] == 0
     and f["av"] and f["lb"] >= 6 and f["g"] > 0),
    *((f"join unknown, layout hyphen rate < {r:g} (few line-end hyphens)", lambda f, r=r: f["j"] == 0 and f["rate"] < r)
      for r in (0.05, 0.1, 0.2)),
]


def features(ev: Evidence, d, src_rate: float) -> dict | None:
    a, b = norm(d.left.rsplit("-", 1)[-1]), norm(d.right.split("-")[0])
    if not a.isalpha() or not b.isalpha():
        return None
    return {"la": len(a), "lb": len(b), "j": ev.at(d.start).join_score(a, b), "wa": ev.word(a), "wb": ev.word(b),
            "g": gain(d.left, d.right), "cap": d.left.rsplit("-", 1)[-1][:1].isupper(), "rate": src_rate,
            "av": a[-1] in "аеәиоөуұүыіэюя"}


def operating_point(rows: list[tuple[str, str, str, dict]]) -> None:
    """The keep-conditions' curve on the no-evidence line-end hyphens, by set."""
    pool = Counter((st, lab) for st, _, lab, _ in rows)
    print("\nno-evidence line-end hyphens (default_join + unknown_join_two_words), real / broken words:",
          ", ".join(f"{st} {pool[(st, 'real')]} / {pool[(st, 'break')]}" for st in SETS))
    print("keep-condition | synthetic: real hyphens saved | synthetic: broken words left hyphenated"
          " | PDF: real hyphens saved | PDF: broken words left hyphenated")
    for name, test in CONDITIONS:
        c = Counter((st, lab) for st, _, lab, f in rows if test(f))
        print(f"{name} | {c[('synthetic', 'real')]} | {c[('synthetic', 'break')]} | {c[('pdf', 'real')]} | {c[('pdf', 'break')]}")


def unilex() -> set[str]:
    """The lower-cased forms of the Unilex Kazakh frequency list (``../shared/data/lexicons``)."""
    out = set()
    with (SHARED / "lexicons" / "unilex_kk" / "kk.txt").open(encoding="utf-8") as f:
        for line in f:
            w = line.split("\t", 1)[0].strip().lower()
            if w and not w.startswith("#") and w != "form":
                out.add(w)
    return out


def evidence_kinds(ev: Evidence, uni: set[str], a: str, b: str, g: float) -> list[str]:
    """The kinds of keep-the-hyphen evidence that ``a-⏎b`` (lower case, joined by a rule) has."""
    j = ev.word(a + b)  # 3 text, 2 lexicon, 1 stem + suffixes, 1.5-2 a text/lexicon word begins so
    long = len(a) >= 3 and len(b) >= 3
    lex_both = ev.word(a) >= 2 and ev.word(b) >= 2
    kinds = {
        "both pieces Unilex forms, joined form in neither list": a in uni and b in uni and a + b not in uni and j < 2,
        "... both pieces of 3+ letters": long and a in uni and b in uni and a + b not in uni and j < 2,
        "both pieces lexicon/text words of 3+ letters, joined form unknown": long and lex_both and j < 1,
        "... or only stem + suffixes, and two words to the character model (gain < -4)": long and lex_both and j < 2 and g < -4,
        "reduplicated pair (same first 3 letters)": long and a[:3] == b[:3],
    }
    return [k for k, v in kinds.items() if v]


def evidence_table() -> int:
    uni = unilex()
    tally: dict[str, Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for _, src, gold in texts():
        gl = gold.lower()
        ev = Evidence(src)
        for d in explain_breaks(src):
            if d.kind != "line_end_hyphen" or d.pass_no != 1 or d.action != "join":
                continue
            lab = label(gl, d.left, d.right)
            a, b = norm(d.left.rsplit("-", 1)[-1]), norm(d.right.split("-")[0])
            if lab is None or not a.isalpha() or not b.isalpha():
                continue
            tally["every join"][lab] += 1
            if lab == "real":
                examples[("every join", lab)].append(f"{a}-{b}")
            for k in evidence_kinds(ev, uni, a, b, gain(d.left, d.right)):
                tally[k][lab] += 1
                if len(examples[(k, lab)]) < 8:
                    examples[(k, lab)].append(f"{a}-{b}")
    print(f"Unilex forms: {len(uni):,}")
    print("evidence for keeping the hyphen | real hyphens (destroyed now) | broken words (repaired now) | examples")
    for k, c in tally.items():
        ex = examples[(k, "real")][:12] + examples[(k, "break")][:4]
        print(f"{k} | {c['real']} | {c['break']} | {', '.join(ex)}")
    return 0


def multi_table() -> int:
    """Line-end hyphens after a piece that already holds a hyphen (``Би-би-⏎си``, ``вице-президен-⏎ті``):
    real vs broken word by the right piece's length, whether the join is known and the deciding rule."""
    tally: dict[tuple, Counter] = defaultdict(Counter)
    ex: dict[tuple, list[str]] = defaultdict(list)
    for st, src, gold in texts():
        gl, ev = gold.lower(), Evidence(src)
        for d in explain_breaks(src):
            word = d.left.rsplit(" ", 1)[-1]
            if d.kind != "line_end_hyphen" or d.pass_no != 1 or "-" not in word.strip("-"):
                continue
            lab = label(gl, d.left, d.right)
            a, b = norm(word), norm(d.right.split("-")[0])
            if lab is None or not b.isalpha():
                continue
            lb = "1-2" if len(b) <= 2 else "3-4" if len(b) <= 4 else "5+"
            j = ev.at(d.start).join_score(a.rsplit("-", 1)[-1], b)
            for key in ((st, "all", lb, j >= 1), (st, d.rule, d.action, "")):
                tally[key][lab] += 1
                if len(ex[(key, lab)]) < 6:
                    ex[(key, lab)].append(f"{word}-{b}")
    print("set | right piece letters (or rule) | join known (or action) | real hyphens | broken words | examples")
    for key, c in sorted(tally.items(), key=lambda kv: (kv[0][0], kv[0][1] != "all", str(kv[0][1:]))):
        print(" | ".join(map(str, key)), f"| {c['real']} | {c['break']} |", ", ".join(ex[(key, "real")] + ex[(key, "break")]))
    return 0


def main(argv: list[str] | None = None) -> int:
    import sys
    if "--evidence" in (sys.argv[1:] if argv is None else argv):
        return evidence_table()
    if "--multi" in (sys.argv[1:] if argv is None else argv):
        return multi_table()
    tally: dict[tuple[str, str], Counter] = defaultdict(Counter)
    curve: dict[tuple[str, float], Counter] = {(st, t): Counter() for st in SETS for t in THRESHOLDS}
    rows: list[tuple[str, str, str, dict]] = []
    for st, src, gold in texts():
        gl = gold.lower()
        ev, rate = Evidence(src), hyphen_rate(src)
        for d in explain_breaks(src):
            if d.kind != "line_end_hyphen" or d.pass_no != 1:
                continue
            lab = label(gl, d.left, d.right)
            if lab is None:
                continue
            tally[(st, d.rule)][(d.action, lab)] += 1
            if d.rule in VETOED and (d.action == "join" or d.rule == "unknown_join_two_words"):
                g = gain(d.left, d.right)
                for t in THRESHOLDS:
                    if g < t:
                        curve[(st, t)][lab] += 1
            if d.rule in NO_EVIDENCE and (f := features(ev, d, rate)) is not None:
                rows.append((st, d.rule, lab, f))
    for st in SETS:
        print(f"\n{st} dev: rule | join/break | join/real (destroyed) | hyphen/real | hyphen/break (not repaired)")
        for (s2, rule), c in sorted(tally.items(), key=lambda kv: -sum(kv[1].values())):
            if s2 == st:
                print(f"{rule} | {c[('join', 'break')]} | {c[('join', 'real')]} | {c[('hyphen', 'real')]} | {c[('hyphen', 'break')]}")
    print("\nveto threshold T (suffix_chain, default_join joins and unknown_join_two_words) | synthetic: real hyphens saved"
          " | synthetic: broken words left with a hyphen | PDF: real saved | PDF: broken left")
    for t in THRESHOLDS:
        a, b = curve[("synthetic", t)], curve[("pdf", t)]
        print(f"{t} | {a['real']} | {a['break']} | {b['real']} | {b['break']}")
    operating_point(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
