"""Hypothesis strategies for hostile Kazakh text (issues 7 and 19).

Real crawled and PDF-extracted Kazakh text carries far more than letters, spaces and
``\\n``: every character :meth:`str.splitlines` ends a line on (record/group/unit
separators from old databases, U+2028/U+2029 from Word and JavaScript, NEL from
Windows-1252 conversions), wide spaces from CJK-aware editors, bidi isolates from web
forms, soft hyphens and hyphen variants at line ends, mojibake (UTF-8 Kazakh read as
cp1251 or latin-1, sometimes twice), tag characters, combining marks and sequences
that NFC expands or composes. The strategies here mix every one of those classes with
real Kazakh words (taken from ``kaznlp/data``, so no word list lives in the tests).

``hostile_text`` is the one to use; ``CLASSES`` names every class so a test or the
fuzz harness (``benchmarks/fuzz/``) can draw from the same alphabet.
"""

from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st

from kaznlp._data import read_text
from kaznlp.linebreaks import LINE_BREAK_CHARS

DATA = Path(__file__).resolve().parent.parent / "kaznlp" / "data"

# -- character classes -----------------------------------------------------------------

#: Every line boundary of str.splitlines(), plus "\r\n" (one break) and the odd "\n\r".
LINE_BREAKS = tuple(LINE_BREAK_CHARS) + ("\r\n", "\n\r", "\r\r\n", "\n\n")
#: Wide, narrow and exotic spaces (all str.isspace(), none a line break) and tab.
SPACES = (" ", "\t", "\xa0", "\u3000", "\u202f", "\u2009", "\u2007", "\u200a", "\u2002", "\u2003",
          "\u1680", "\u205f", "\x1f")
#: Zero-width and invisible format characters (not str.isspace()).
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e", "\u00ad", "\u034f")
#: Bidi embeddings/overrides (U+202A-E), isolates (U+2066-9) and marks.
BIDI = tuple(chr(c) for c in range(0x202A, 0x202F)) + tuple(chr(c) for c in range(0x2066, 0x206A)) \
    + ("\u200e", "\u200f", "\u061c")
#: Hyphen and dash variants that may end a line.
HYPHENS = ("-", "\u00ad", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\ufe63", "\uff0d",
           "\u058a", "\u1806", "--", "\u00ad-")
#: One code point NFC replaces by two or more (Devanagari QA, Greek dialytika tonos,
#: Tibetan vowel signs, Hebrew presentation forms, musical symbols) or by another one
#: (Ohm, Angstrom, Kelvin, Greek question mark, CJK compatibility ideographs).
NFC_EXPANDING = ("\u0958", "\u0959", "\u095e", "\u09dc", "\u0a33", "\u0b5c", "\u0344", "\u0f73", "\u0f75",
                 "\u0f81", "\ufb1d", "\ufb2a", "\ufb4e", "\U0001d15e", "\U0001d160", "\u2126", "\u212b",
                 "\u212a", "\u037e", "\u0387", "\u1f71", "\u2000", "\u2001", "\uf900", "\u2adc", "\u0340",
                 "\u0343")
#: Sequences NFC composes into one code point (й, ё, ї, ў, ӛ, ӓ, Hangul) or reorders
#: (two combining marks of different classes out of canonical order).
NFC_COMPOSING = ("и\u0306", "И\u0306", "е\u0308", "Е\u0308", "і\u0308", "у\u0306", "ә\u0308", "а\u0308",
                 "о\u0308", "у\u0308", "ұ\u0301", "a\u030a", "e\u0301", "i\u0307", "\u1100\u1161",
                 "\u1100\u1161\u11a8", "а\u0301\u0323", "о\u0323\u0302", "\u0915\u093c", "\u0627\u0653")
#: Combining marks (Mn, Mc, Me) of several scripts.
COMBINING = ("\u0301", "\u0306", "\u0308", "\u0300", "\u0323", "\u0331", "\u0483", "\u0489", "\u093f",
             "\u094d", "\u0e31", "\u20dd", "\u20e3", "\u302a", "\ufe0f", "\U0001f3fb")
#: Tag characters (U+E0000 block) and other unassigned plane-14 code points.
TAGS = ("\U000e0001", "\U000e0020", "\U000e0041", "\U000e007f", "\U000e0100", "\U000e1674", "\U000effff")
#: Lone surrogates (which UTF-8 cannot encode) and other code points that are not text.
SURROGATES = ("\ud800", "\udbff", "\udc00", "\udfff", "\ud83d", "\ude00")
CONTROLS = ("\x00", "\x01", "\x07", "\x08", "\x1b", "\x7f", "\x80", "\x9f", "\ufffe", "\uffff", "\ufffd")
#: Punctuation that drives the segmenters.
PUNCT = (".", ",", "!", "?", "…", "...", "?!", ":", ";", "«", "»", "“", "”", '"', "(", ")", "[", "]", "/",
         "%", "№", "°", "'", "’", "ʼ", "т.б.", "т.с.", "ж.", "млн.", "А.", "Н.Ә.", "1.", "2)", "14:17",
         "08.10.2015", "2,5", "80-нен", "63%-ы", "ҚР-ның", "Egemen.kz", "https://sud.gov.kz/a.", "x@y.kz")
#: Two-letter Latin and Cyrillic lookalikes, the Latin letters normalize maps.
LOOKALIKES = ("i", "I", "a", "A", "o", "e", "c", "p", "x", "y", "ə", "Ə", "z", "iz", "жiжz", "Aстана")

CLASSES: dict[str, tuple[str, ...]] = {
    "line_breaks": LINE_BREAKS, "spaces": SPACES, "invisible": INVISIBLE, "bidi": BIDI,
    "hyphens": HYPHENS, "nfc_expanding": NFC_EXPANDING, "nfc_composing": NFC_COMPOSING,
    "combining": COMBINING, "tags": TAGS, "surrogates": SURROGATES, "controls": CONTROLS,
    "punct": PUNCT, "lookalikes": LOOKALIKES,
}


#: Every single character of the classes above (for exhaustive pairwise tests).
SINGLE_CHARS: tuple[str, ...] = tuple(dict.fromkeys(
    c for name in ("line_breaks", "spaces", "invisible", "bidi", "hyphens", "nfc_expanding", "combining",
                   "tags", "surrogates", "controls")
    for c in CLASSES[name] if len(c) == 1))
#: Mojibake fragments (UTF-8 Kazakh read as cp1251 / latin-1, cut mid-letter too).
MOJIBAKE = ("РљР°", "Р°Р·", "Т›", "Ð¸", "Ð", "Ò£", "Р", "Ѓ", "СЃС‚")
#: HTML character references as crawled news carries them, double-escaped, invalid, cut, and next to markup.
HTML = ("&quot;", "&amp;", "&amp;quot;", "&#171;", "&#x2013;", "&nbsp;", "&shy;", "&#0;", "&#xD800;",
        "&lt;p&gt;", "<p>", "&", ";", "#", "&quot", "&q")

# -- real Kazakh words -------------------------------------------------------------------

@lru_cache(maxsize=1)
def kazakh_words() -> tuple[str, ...]:
    """Word forms from the lexicon and the sample text (kaznlp/data), a few capitalised."""
    words = [w for w in read_text("lexicon_kk.txt").split("\n") if w and not w.startswith("#")]
    rng = random.Random(19)
    picked = rng.sample(words, min(600, len(words)))
    picked += (DATA / "sample_kk.txt").read_text(encoding="utf-8").split()[:300]
    picked += [w.capitalize() for w in picked[:150]] + [w.upper() for w in picked[:30]]
    # the auxiliaries tokenize joins into analytic verb forms ("келген жоқ", "еш нәрсені")
    picked += ["келген", "болған", "сыйлайды", "алса", "жоқ", "емес", "екен", "емеспін", "екенсің", "еш",
               "нәрсені"]
    return tuple(sorted(set(picked)))


def _mojibake(word: str, how: int) -> str:
    """Kazakh UTF-8 read back as cp1251 / latin-1 / cp1252, once or twice (Қазақ → РљР°Р·Р°Т›)."""
    data = word.encode("utf-8")
    if how == 0:
        return data.decode("cp1251", errors="replace")
    if how == 1:
        return data.decode("latin-1")
    if how == 2:
        return data.decode("cp1252", errors="replace")
    once = data.decode("cp1251", errors="replace")
    return once.encode("utf-8").decode("cp1251", errors="replace")  # double-encoded


# -- strategies --------------------------------------------------------------------------

words = st.sampled_from(kazakh_words())
mojibake = st.builds(_mojibake, words, st.integers(0, 3)).flatmap(
    lambda s: st.integers(1, len(s)).map(lambda k: s[:k]) | st.just(s))  # whole words and cut fragments
_classes = {name: st.sampled_from(chars) for name, chars in CLASSES.items()}
surrogate = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
combining_any = st.characters(categories=("Mn", "Mc", "Me"))
plane14 = st.characters(min_codepoint=0xE0000, max_codepoint=0xEFFFF)
line_break = _classes["line_breaks"]
space = _classes["spaces"]

#: A hyphen (or soft hyphen, or dash) next to a line break, the pattern dehyphenate repairs:
#: "Қазақ-⏎стан", "бар\xad\u2029лық", "X- ⏎ Y", with optional spaces either side.
hyphen_at_break = st.tuples(
    words, st.sampled_from(("", " ", "\t")), _classes["hyphens"], st.sampled_from(("", " ", "\xa0", "\u3000")),
    st.lists(line_break, min_size=1, max_size=3).map("".join), st.sampled_from(("", " ", "  ", "\u2066")),
    st.sampled_from(("", "- ", "-", "\u00ad")), words,
).map("".join)

hostile_char = st.one_of(*_classes.values(), surrogate, combining_any, plane14)

#: One piece of hostile text; words and word-hyphen-break pieces weigh most.
piece = st.one_of(
    words, words.map(lambda w: w + " "), hyphen_at_break, words, hostile_char, mojibake,
    words.map(lambda w: w + " "), hyphen_at_break, st.sampled_from(HTML),
    st.text(max_size=4),  # any code point at all
)


def _insert(line: str, extra: list[tuple[int, str]]) -> str:
    for pos, ch in extra:
        k = pos % (len(line) + 1)
        line = line[:k] + ch + line[k:]
    return line


#: One line of wrapped text: 1-8 words joined by (mostly plain) spaces, a few hostile
#: characters inside, often ending in a hyphen variant: dehyphenate's reflow needs lines of
#: realistic length (25+ characters) before it treats a text as wrapped.
line = st.builds(
    lambda ws, seps, extra, end: _insert("".join(w + s for w, s in zip(ws, seps))[:-1], extra) + end,
    st.lists(words, min_size=1, max_size=8),
    st.lists(st.sampled_from((" ", " ", " ", " ", "  ", "\t", "\xa0", "\u3000", "\u2009", " - ")), min_size=8, max_size=8),
    st.lists(st.tuples(st.integers(0, 200), hostile_char), max_size=2),
    st.sampled_from(("", "", "", " ")) | _classes["hyphens"] | _classes["hyphens"].map(lambda h: h + " "),
)
#: What separates two lines: one line break of any kind, sometimes two or a blank line with spaces.
line_sep = line_break | st.lists(st.one_of(line_break, space), min_size=1, max_size=4).map("".join)
#: Wrapped text: lines joined by any line breaks, as in PDF-extracted or crawled text.
wrapped_text = st.lists(st.tuples(line, line_sep).map("".join), min_size=1, max_size=12).map("".join)

#: Hostile text: pieces, wrapped lines, or a block of blank lines and spaces between two runs.
hostile_text = st.one_of(
    st.lists(piece, max_size=40).map("".join),
    wrapped_text,
    st.tuples(st.lists(piece, max_size=10).map("".join),
              st.lists(st.one_of(line_break, space), min_size=1, max_size=60).map("".join),
              st.lists(piece, max_size=10).map("".join)).map("".join),
)

def examples(ci: int):
    """Settings for one property: ``ci`` examples under the default ``ci`` profile (so slow
    functions such as ``ner`` get fewer), the profile's own count under ``thorough``/``deep``."""
    if settings.get_current_profile_name() == "ci":
        return settings(max_examples=ci)
    return settings()
