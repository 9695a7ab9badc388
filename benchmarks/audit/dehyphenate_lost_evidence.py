"""Which evidence could bring back a real hyphen lost at a line end (issue 15)? Dev only.

    python -m benchmarks.audit.dehyphenate_lost_evidence

When a PDF's text layer loses its hyphen glyphs, ``Қазақстан-⏎Сербия`` comes out as
``Қазақстан⏎Сербия``, exactly like two words wrapped at a space. A line break falls at a word
boundary about as often whatever the boundary is, so the chance that a lost break held a hyphen
is the share of hyphens among the same word pairs in running text. This script counts, in the
dev-split apertium files (never in the lexicon), every pair of words written ``X-Y`` or ``X Y``
by a few kinds of evidence: numbers (``2-қосымша`` / ``2 дана``), two capitalised words
(``Куала-Лумпур`` / ``Назарбаев Университеті``), two adjectives in ``-лық/-лік`` (``әлеуметтік-
экономикалық`` / ``ұлттық техникалық``), parts known from the lexicon's hyphenated forms, two
known words, and the form attested (text or lexicon, what ``lost_real_hyphen`` uses). A kind is
worth a hyphen only where P(hyphen) > 0.5.

    python -m benchmarks.audit.dehyphenate_lost_evidence --men

``X⏎мен``: the instrumental ending (``өлеңмен``) or the conjunction (``жәндіктер мен
жануарлар``)? Counts, in the same files, ``X мен Y`` against ``Xмен Y`` (``X`` a known word) by
whether ``X`` and ``Y`` are coordinated: both plural, both capitalised names (``X`` not ending in
``ы/і``), else by the ending of ``X``.

    python -m benchmarks.audit.dehyphenate_lost_evidence --compounds

A closed compound of the Hunspell dictionary (``data/dehyph_compounds_kk.txt``: ``қолшатыр``)
across a bare break (``қол⏎шатырға``): how often the same files write such a compound whole
(a token = compound + suffixes) against apart (``X Y`` with ``X`` a word and ``XY`` = compound +
suffixes), and the compounds most often written apart.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.gold.splits import SPLIT_OF_GROUP
from kaznlp.dehyphenate.evidence import Evidence
from kaznlp.dehyphenate.morph import norm
from kaznlp.lang.lexicon import forms

SHARED = Path(__file__).resolve().parent.parent.parent.parent / "shared" / "data"
_AP = "news/apertium_kaz_rus_corpus/"
_ADJ = ("лық", "лік", "дық", "дік", "тық", "тік")
_PAIR = re.compile(r"(?=(?<![\w-])([^\W_]+)( |-)([^\W_]+)(?![\w-]))")


def kinds(ev: Evidence, left: set[str], right: set[str], a: str, b: str) -> list[str]:
    al, bl = norm(a), norm(b)
    out = []
    if a.isdigit() and b.isalpha() and b[0].islower():
        out.append(f"number of {min(len(a), 4)}{'+' if len(a) >= 4 else ''} digits + word")
    if a.isdigit() and b.isdigit():
        out.append("number + number" + (" of 3 digits" if len(b) == 3 else ""))
    if a.isalpha() and b.isdigit():
        out.append("word + number")
    if a.isalpha() and b.isalpha():
        if a[0].isupper() and b[0].isupper() and not a.isupper() and not b.isupper():
            out.append("Capitalised + Capitalised")
        if b[0].islower() and len(al) >= 3 and len(bl) >= 3:
            if al in left and bl[:4] in right:
                out.append("both parts known from hyphenated forms")
            if ev.word(al) >= 2 and ev.word(bl) >= 2 and ev.word(al + bl) < 2:
                out.append("two known words")
            if al.endswith(_ADJ) and bl.endswith(_ADJ):
                out.append("two -лық/-лік adjectives")
            if ev.attested_hyphen(al, bl) >= 1:
                out.append("hyphenated form attested (lexicon)")
    return out


def hyphen_parts() -> tuple[set[str], set[str]]:
    """Left parts and right-part beginnings (4 letters) of the lexicon's hyphenated forms, as the
    de-hyphenator reads them (``интернет`` of ``интернет-ресурс``, ``ресу``)."""
    left: set[str] = set()
    right: set[str] = set()
    cyr = re.compile(r"[\u0400-\u04ff]")
    for w in forms():
        parts = w.split("-")
        for x, y in zip(parts, parts[1:]):
            if len(x) >= 3 and len(y) >= 3 and x.isalpha() and cyr.search(x) and cyr.search(y):
                left.add(x)
                right.add(y[:4])
    return left, right


_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
_MEN = re.compile(r"(?<![\w-])([^\W\d_]{2,}?)( ?)(мен|бен|пен)(?![\w-])[ ,]*([^\W\d_]+)")


def men_table(text: str, ev: Evidence) -> None:
    """``X мен Y`` (apart) against ``Xмен Y`` (glued, ``X`` a known word), by coordination."""
    tally: dict[str, Counter] = defaultdict(Counter)
    for m in _MEN.finditer(text):
        x, sp, _, y = m.groups()
        if not sp and ev.word(norm(x)) < 1:
            continue  # ``кемен``: no word before the ending
        xl, yl = norm(x), norm(y)
        if xl.endswith(_PLURAL) and yl.endswith(_PLURAL):
            kind = "both plural (жәндіктер мен жануарлар)"
        elif x[0].isupper() and y[0].isupper() and not x.isupper() and not xl.endswith(("ы", "і")):
            kind = "both capitalised, X not ending in ы/і (Роналду мен Майорга)"
        elif xl.endswith(_PLURAL):
            kind = "X plural, Y not"
        elif xl.endswith(("ы", "і")):
            kind = "X ends in ы/і (possessive)"
        else:
            kind = "other"
        tally[kind]["apart" if sp else "glued"] += 1
    print("X мен Y | apart | glued (instrumental) | P(apart)")
    for k, c in sorted(tally.items()):
        n = c["apart"] + c["glued"]
        print(f"{k} | {c['apart']:,} | {c['glued']:,} | {c['apart'] / n:.3f}")


def compounds_table(text: str, ev: Evidence) -> None:
    from kaznlp.dehyphenate.morph import closed_compounds

    comp = closed_compounds()

    def head(w: str, lo: int) -> str | None:
        for k in range(len(w), lo, -1):
            if w[:k] in comp and (k == len(w) or ev.is_chain(w[k:])):
                return w[:k]
        return None

    low = text.lower()
    whole, apart = Counter(), Counter()
    for w in re.findall(r"[^\W\d_]+", low):
        h = head(w, 5) if len(w) >= 6 else None
        if h:
            whole[h] += 1
    for m in re.finditer(r"(?=(?<![\w-])([^\W\d_]+) ([^\W\d_]+)(?![\w-]))", low):
        a, b = m.groups()
        if ev.word(a) >= 1 and ev.closed_compound(a, b):
            apart[head(a + b, len(a) + 2)] += 1
    print(f"closed compounds ({len(comp):,} in the list): written whole {sum(whole.values()):,}, "
          f"apart {sum(apart.values()):,}")
    print("most often apart:", ", ".join(f"{k} {v}" for k, v in apart.most_common(12)))


def main(argv: list[str] | None = None) -> int:
    import sys
    args = sys.argv[1:] if argv is None else argv
    files = sorted(g[len(_AP):] for g, s in SPLIT_OF_GROUP.items() if g.startswith(_AP) and s == "dev")
    text = "\n".join((SHARED / _AP / f).read_text(encoding="utf-8") for f in files)
    ev = Evidence("")  # lexicon evidence only: no document vocabulary
    if "--men" in args:
        men_table(text, ev)
        return 0
    if "--compounds" in args:
        compounds_table(text, ev)
        return 0
    left, right = hyphen_parts()
    tally: dict[str, Counter] = defaultdict(Counter)
    for m in _PAIR.finditer(text):
        a, sep, b = m.groups()
        for k in kinds(ev, left, right, a, b):
            tally[k][sep] += 1
    print(f"dev apertium files: {', '.join(files)} ({len(text):,} chars)")
    print("evidence | X-Y | X Y | P(hyphen)")
    for k, c in sorted(tally.items()):
        n = c["-"] + c[" "]
        print(f"{k} | {c['-']:,} | {c[' ']:,} | {c['-'] / n:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
