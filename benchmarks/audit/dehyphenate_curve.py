"""Which rule decides each line-end hyphen on dev, how often it is right, and the trade-off curve of
a character-model veto on the joins that destroy real hyphens (issue 15). Dev only.

    python -m benchmarks.audit.dehyphenate_curve

Decisions come from the public trace (:func:`kaznlp.dehyphenate.explain_breaks`, first pass) on
the dev split of the synthetic set in the ``hyphen`` style (``benchmarks/testsets/dehyphenate_testset.py``,
widths 35/50/70, NTREX/KazQAD and apertium groups) and on the PDF dev extractions with hyphen
glyphs (``python -m benchmarks.testsets.pdf_testset --split dev`` must have cached them; lost-hyphen and
no-hyphenation layouts left out). A decision is labelled from the gold text: ``real`` when gold
writes ``left-right`` and not ``leftright``, ``break`` for the reverse, else unlabelled.

The curve: were the hyphen kept whenever a ``suffix_chain`` or ``default_join`` join reads as two
words to the character model (``charlm.split_gain`` < T), how many real hyphens would be saved and
how many broken words would keep a wrong hyphen.

    python -m benchmarks.audit.dehyphenate_curve --evidence

The evidence table: for every line-end hyphen the rules join, which kinds of evidence a rule could
use to keep the hyphen instead (both pieces free words in the Unicode Unilex list of
``../shared/data/lexicons`` or in kaznlp's lexicon, the joined form unknown, the character model's
two-word reading), and how many real hyphens and broken words each kind holds. A kind is worth a
rule only where it holds more real hyphens than broken words.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict

from benchmarks.testsets.dehyphenate_testset import SEED, SHARED, WIDTHS, Hyphenator, load_docs, make_doc
from kaznlp.dehyphenate import explain_breaks
from kaznlp.dehyphenate.evidence import Evidence
from kaznlp.dehyphenate.morph import norm
from kaznlp.lang import charlm

VETOED = ("suffix_chain", "default_join")
THRESHOLDS = (float("inf"), 0.0, -4.0, -8.0, -12.0)


def label(gold_low: str, left: str, right: str) -> str | None:
    a, b = left.lower().rsplit(" ", 1)[-1], right.lower().split(" ")[0]
    hyph, joined = (a + "-" + b) in gold_low, (a + b) in gold_low
    return "real" if hyph and not joined else "break" if joined and not hyph else None


def gain(left: str, right: str) -> float:
    a, b = left.lower().rsplit("-", 1)[-1], right.lower().split("-")[0]
    return charlm.split_gain(a, b) if a.isalpha() and b.isalpha() else 99.0


def texts() -> list[tuple[str, str]]:
    """(source, gold) pairs: the synthetic hyphen style, then the PDF dev extractions."""
    out = []
    rng = random.Random(SEED)
    hy = Hyphenator(SHARED / "hyphenation" / "hyph-kk.pat.txt")
    for group, docs in load_docs(SHARED, rng, ("dev",)).items():
        if "in-lexicon" in group:
            continue
        for width in WIDTHS:
            for di, paras in enumerate(docs):
                drng = random.Random(f"{SEED}-{group}-hyphen-{width}-{di}")
                src, gold, _ = make_doc(paras, "hyphen", width, hy, drng, [])
                out.append((src, gold))
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
                    out.append((txt.read_text(encoding="utf-8"), "\n".join(paras)))
    return out


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
    for src, gold in texts():
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


def main(argv: list[str] | None = None) -> int:
    import sys
    if "--evidence" in (sys.argv[1:] if argv is None else argv):
        return evidence_table()
    tally: dict[str, Counter] = defaultdict(Counter)
    curve = {t: Counter() for t in THRESHOLDS}
    for src, gold in texts():
        gl = gold.lower()
        for d in explain_breaks(src):
            if d.kind != "line_end_hyphen" or d.pass_no != 1:
                continue
            lab = label(gl, d.left, d.right)
            if lab is None:
                continue
            tally[d.rule][(d.action, lab)] += 1
            if d.rule in VETOED and d.action == "join":
                g = gain(d.left, d.right)
                for t in THRESHOLDS:
                    if g < t:
                        curve[t][lab] += 1
    print("rule | join/break | join/real (destroyed) | hyphen/real | hyphen/break (not repaired)")
    for rule, c in sorted(tally.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"{rule} | {c[('join', 'break')]} | {c[('join', 'real')]} | {c[('hyphen', 'real')]} | {c[('hyphen', 'break')]}")
    print("\nveto threshold T | real hyphens saved | broken words left with a hyphen")
    for t in THRESHOLDS:
        print(f"{t} | {curve[t]['real']} | {curve[t]['break']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
