"""Is a line Kazakh by its words? The evidence :func:`._letters._sister_plan` asks for when a line
holds no Kazakh letter that a sister alphabet lacks: the line's words read as known Kazakh forms, on
the line itself or, for a line of known words only, with its neighbouring lines (a wrapped sentence,
a heading over its section); and a sister letter that two known words of the line write too.
"""

from __future__ import annotations

import re

from ..linebreaks import LINE_BREAK, LINE_BREAK_CHARS
from ._lexicon import _attested
from ._tables import _LETTER_MAP, _Memo, _SISTER, _SISTER_RE, _is_cyr

# every look-alike, stand-in and sister letter read as the Cyrillic letter it stands for
_READ_TABLE = str.maketrans({**_LETTER_MAP, **_SISTER, "k": "к"})
_LINE_WORD_RE = re.compile(r"[^\W\d_]{3,}")
# a line is Kazakh by its words when at least this many of them, and this share, are known Kazakh forms
# (or 6 at 7 in 10; 3 in 4 for ӱ ӧ in a known form with і: of their alphabets only Khakas, Komi write і)
_LINE_WORDS_MIN, _LINE_WORDS_SHARE, _LONG_MIN, _LONG_SHARE, _I_WORD_SHARE = 3, 0.8, 6, 0.7, 0.75
_I_WORD_LETTERS, _I_RE, _QUOTED_RE = frozenset("ӱӰӧӦ"), re.compile("[Іі]"), re.compile("«[^«»\n]*»")


def _kazakh_words_line(text: str, lo: int, hi: int, hits: _Memo, share: float = _LINE_WORDS_SHARE) -> bool:
    """Is the line ``text[lo:hi]`` Kazakh by its words? Its words of three or more letters, each read
    with every look-alike and sister letter as the letter it stands for (so the answer is the same
    before and after any repair on the line), are at least :data:`_LINE_WORDS_MIN` known Kazakh forms
    and a share of :data:`_LINE_WORDS_SHARE` of the words that read as Cyrillic. Evidence for a
    sister letter when the line has no Kazakh letter its alphabet lacks (``Ол адамды амебиаз
    ауруына шалдыҡтырады``: 4 of 4 known); a Bashkir, Tatar or Altai line shares some words with
    Kazakh but not four in five (``Алтай Республиканыҥ тӧс калазы``: 3 of 4)."""
    known, total = _line_counts(text, lo, hi, hits)
    return known >= _LINE_WORDS_MIN and known >= share * total or known >= _LONG_MIN and known >= _LONG_SHARE * total


def _all_known_line(text: str, lo: int, hi: int, hits: _Memo) -> bool:
    """Is every word of three letters or more on the line ``text[lo:hi]`` a known Kazakh form (read
    as :func:`_kazakh_words_line` reads them), and is there one?"""
    known, total = _line_counts(text, lo, hi, hits)
    return 0 < known == total


def _line_counts(text: str, lo: int, hi: int, hits: _Memo) -> tuple[int, int]:
    key = ("line words", lo, hi)
    got = hits.get(key)
    if got is None:
        known = total = 0
        # a «quote» with no sister letter (a foreign formula or title: «Бисмиллаһи рахмани рахим») is not counted
        quoted = [q.span() for q in _QUOTED_RE.finditer(text, lo, hi) if not _SISTER_RE.search(q.group())]
        for m in _LINE_WORD_RE.finditer(text, lo, hi):
            w = m.group().translate(_READ_TABLE)
            if all(_is_cyr(c) for c in w) and not any(a < m.start() < b for a, b in quoted):
                total += 1
                known += _attested(w)
        got = hits[key] = (known, total)
    return got


def _wrapped(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The line ``text[lo:hi]`` with the nearest non-blank line before and after it: a line break
    inside a paragraph is no language boundary (PDF text and wiki source wrap a sentence:
    ``байқалмауы\nмӱмкін.``; a heading ``==Ӧмірбаяны==`` is read with the text under it)."""
    a = lo - 1
    while a > 0 and text[a - 1].isspace():
        a -= 1
    while a > 0 and text[a - 1] not in LINE_BREAK_CHARS:  # back to the line's start (not an rfind per
        a -= 1  # break character: each scans the whole text before it when that character is absent)
    b = hi
    while b < len(text) and text[b].isspace():
        b += 1
    m = LINE_BREAK.search(text, b)
    return max(a, 0), (m.start() if m else len(text))


def _line_letter_support(text: str, lo: int, hi: int, letter: str, hits: _Memo) -> bool:
    """Does the line ``text[lo:hi]`` write the sister ``letter`` in two or more other words that,
    read with it as the Kazakh letter (and every look-alike as its twin), are known Kazakh forms? A
    keyboard layout or font puts its letter everywhere the Kazakh one belongs, so a word of that line
    that no list holds is repaired as well (``аҡуыз`` beside ``ҡатысатын``, ``ҡызметін``,
    ``атҡарады``). The words are read as the line has them, so the answer for a line whose words
    were repaired is never a new yes (idempotent)."""
    key = ("letter support", lo, letter)
    got = hits.get(key)
    if got is None:
        known = 0
        for m in _LINE_WORD_RE.finditer(text, lo, hi):
            w = m.group()
            if letter in w and _attested(w.translate(_READ_TABLE)):
                known += 1
                if known >= 2:
                    break
        got = hits[key] = known >= 2
    return bool(got)


def _line_words_kazakh(text: str, lo: int, hi: int, hits: _Memo, i_word: bool) -> bool:
    """Is the line ``text[lo:hi]`` Kazakh by its words (:func:`_kazakh_words_line`); at three in four
    when ``i_word`` (ӱ ӧ in a known form that writes і); or, when every word of it is a known form,
    with the nearest non-blank line before and after it (:func:`_wrapped`)?"""
    return _kazakh_words_line(text, lo, hi, hits) or (i_word and _kazakh_words_line(text, lo, hi, hits, _I_WORD_SHARE)) \
        or (_all_known_line(text, lo, hi, hits) and _kazakh_words_line(text, *_wrapped(text, lo, hi), hits))
