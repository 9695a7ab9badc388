from __future__ import annotations

import re
from functools import lru_cache

from kaznlp.lang.alphabet import VOWELS
from kaznlp.linebreaks import LINE_BREAK, LINE_BREAK_CHARS

SOFT = "\u00ad"
_HYPHENS = "-\u2010"  # ASCII hyphen-minus and U+2010 HYPHEN
# One line break, as kaznlp.linebreaks defines it (``\r\n`` is one); a character class of them
_BRK = "[" + re.escape(LINE_BREAK_CHARS) + "]"
_OTHER_BREAK_CHARS = LINE_BREAK_CHARS.replace("\n", "")
_OTHER_BREAK = re.compile("[" + re.escape(_OTHER_BREAK_CHARS) + "]")  # not ``\n``
# a hyphen right before a line break (``жетіс-⏎тіктерді``), and ``Премьер- ⏎``
_HYPH_BREAK = re.compile("[-\u2010]" + _BRK)
_HYPH_SP_BREAK = re.compile("- " + _BRK)
_LINE_END_MARKS = "-\u2010\u00ad"  # what _decide_break looks at in unwrapped text
# a word at the end of a line / start of a line (letters, digits, inner hyphens, %)
_TAIL_WORD = re.compile(r"[\w%\u00ad]+(?:[-\u2010][\w%\u00ad]+)*$")
_TAIL_WINDOW = 64


def _tail_word(s: str, end: int | None = None) -> str | None:
    """The word ending at ``end`` (default: the end of ``s``), as ``_TAIL_WORD`` finds it.

    It reads only the ``_TAIL_WINDOW`` + 1 characters before ``end`` (:func:`_tail_of`, which
    remembers the last 8,192 windows)."""
    if end is None:
        end = len(s)
    elif end <= 0:
        return None
    sp = s.rfind(" ", 0, end) + 1  # letters after a space: the word the regex would find
    if end - sp < _TAIL_WINDOW:
        tok = s[sp:end]
        if tok.isalpha():
            return tok
    return _tail_of(s[end - _TAIL_WINDOW - 1:end] if end > _TAIL_WINDOW else s[:end])


@lru_cache(maxsize=8192)
def _tail_of(s: str) -> str | None:
    """:func:`_tail_word` of the end of ``s`` (at most ``_TAIL_WINDOW`` + 1 characters: the
    window, and the character before it, which tells a run longer than the window).

    The run of word characters before ``end`` is found by a short backward scan, and the regex
    runs on that run only: searching from the line start cost the line length per call. A run
    longer than 64 characters (a glued menu string, a URL) gives None."""
    end = len(s)
    lo = end - _TAIL_WINDOW
    if lo < 0:
        lo = 0
    i = end
    while i > lo:
        c = s[i - 1]
        if c.isalnum() or c in _TAIL_CHARS:
            i -= 1
        else:
            break
    else:
        if lo > 0 and (s[lo - 1].isalnum() or s[lo - 1] in _TAIL_CHARS):
            return None
    if i == end:
        return None
    m = _TAIL_WORD.search(s, i, end)
    if not m:
        return None
    w = m.group()
    if SOFT in w:  # soft hyphens inside a word vanish: judge ``ХСӘҚ\xadинно`` as ``ХСӘҚинно``, as a
        w = w.replace(SOFT, "")  # second pass over the output would (idempotence)
    return w or None


_TAIL_CHARS = "%_-\u2010\u00ad"
# soft hyphens inside are part of the word; callers take ``_head(m)`` (soft hyphens removed)
_HEAD_WORD = re.compile(r"[-\u2010]?\w[\w\u00ad]*(?:[-\u2010]\w[\w\u00ad]*)*")


def _head(m: "re.Match[str]") -> str:
    w = m.group()
    return w.replace(SOFT, "") if SOFT in w else w
# "hyphen + space" inside a line: ``Премьер- Министрінің``, ``00- ден``, ``теле- және``
# soft hyphens next to it vanish too (``1\xad- \xad1``): they are part of the match
_HYPH_SPACE = re.compile(r"(?<=[\w%\u00ad])[-\u2010]\u00ad*[ \t][ \t\u00ad]*(?=\w)")
_HS = re.compile(r"[-\u2010]\u00ad*[ \t]")


def _hyphen_space_patterns(text: str) -> tuple[str, ...]:
    """The "hyphen + space" pairs that can occur in ``text``: a one-character ``in`` test (tab,
    U+2010) costs about a third of a two-character search, and most texts have neither."""
    tab = "\t" in text
    if "\u2010" in text:
        return ("- ", "-\t", "\u2010 ", "\u2010\t") if tab else ("- ", "\u2010 ")
    return ("- ", "-\t") if tab else ("- ",)


def _has_hyphen_space(text: str) -> bool:
    """Is there a "hyphen + space" after a letter, digit or % (``Премьер- Министрінің``)?
    Spaced dashes (``сөз - сөз``) are common in web text and do not count. str.find at C speed."""
    for pat in _hyphen_space_patterns(text):
        i = text.find(pat, 1)
        while i >= 0:
            c = text[i - 1]
            if c.isalnum() or c == "%" or c == SOFT:
                return True
            i = text.find(pat, i + 1)
    return False


def _hyphen_space_starts(text: str, has_soft: bool) -> list[int]:
    """The start of every ``_HYPH_SPACE`` match in ``text`` (``Премьер- Министрінің``), sorted.

    Web and news text write many spaced dashes (``комитеті - Құрылымдық``: 1,573 "hyphen +
    space" in the 21 apertium news files, 46 of them after a word); the pieces of a candidate
    are found by ``str.find`` and each is checked by ``_HYPH_SPACE.match`` (its look-behind reads
    the character before the start), which is much cheaper than running the look-behind regex
    at every position of the text. With soft hyphens (``-\\xad ``) the candidates come from ``_HS``."""
    out: list[int] = []
    match = _HYPH_SPACE.match
    if has_soft:
        return [m.start() for m in _HS.finditer(text) if match(text, m.start())]
    for pat in _hyphen_space_patterns(text):
        i = text.find(pat, 1)
        while i >= 0:
            if match(text, i):
                out.append(i)
            i = text.find(pat, i + 2)
    if len(out) > 1:
        out.sort()
    return out


# a line break before a lower-case letter or a digit (a superset of what _is_wrapped counts):
# one match per run of whitespace that holds a line break (``келді⏎ ⏎біз``). The match starts
# only where the run starts and its quantifiers are possessive, so a long run of blank lines or
# of layout spaces is scanned once; ``\n\s*[...]`` retried at every break of the run and made
# ``"Ол келді." + "\n" * k`` quadratic.
_WRAP_NL = re.compile(r"(?<!\s)[^\S" + re.escape(LINE_BREAK_CHARS) + r"]*+" + _BRK
                      + r"\s*+(?=[^\W_A-ZА-ЯЁӘІҢҒҮҰҚӨҺ])")
_FINAL = ".!?…:;"
_CLOSERS = "»”\"')]’"
_LINE_START_CLOSERS = ",.;»)]}"  # never open a line after a word but in a cut token
_DASHES = "\u2013\u2014"


def ends_range_dash(s: str) -> bool:
    """``… 1096–``: a line ending in a range's en dash glued to a number (``en_dash_range``)."""
    return s[-1:] == "\u2013" and s[-2:-1].isdigit()
_BULLET = re.compile(r"(?:[•●▪►■◦*]|\d{1,3}[.)]\s|[а-яәіңғүұқөһ]\)\s)")
_CYR = re.compile(r"[\u0400-\u04ff]")
LAYOUT_SPACE = " \t"  # the spaces around a line that are layout (see _layout_strip)


def _has_other_break(text: str) -> bool:
    """``_OTHER_BREAK.search(text) is not None``: a line break that is not ``\\n``. One
    ``in`` test per break character (str.find at C speed) instead of a regex scan of a
    character class, which cost about as much as the rest of a web document's first look."""
    for c in _OTHER_BREAK_CHARS:
        if c in text:
            return True
    return False


def _has_hyphen_break(text: str, other_breaks: bool) -> bool:
    """``_HYPH_BREAK.search(text) is not None``: a hyphen right before a line break
    (``other_breaks``: whether the text holds a break other than ``\\n``)."""
    if "-\n" in text or "\u2010\n" in text:
        return True
    return other_breaks and _HYPH_BREAK.search(text) is not None


def _layout_strip(line: str) -> str:
    """A line without its layout spaces: spaces and tabs at either end, and nothing else.

    The one definition for every layout decision (is the text wrapped, block widths, blank
    lines, the break itself): a no-break space, an en space or an ideographic space at a
    line end is a character of the line (``сөз\xa0⏎келді`` keeps it), not layout. Until
    issue 15 the wrap test stripped every Unicode space (``str.strip()``) while the break
    decision stripped spaces and tabs only, so such a line counted as wrapped prose there
    and as a line ending in a space here."""
    return line.strip(LAYOUT_SPACE)


def _split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their breaks, the last one included even when empty
    (``"а\\r\\nб\\u2029"`` → ``["а", "б", ""]``): ``str.split("\\n")`` for every break."""
    if not _has_other_break(text):
        return text.split("\n")
    return LINE_BREAK.split(text)


# the word after the number (``2-жарты``, ``1943жылымайдан``: pypdf), "" if none or no vowel (``4—5км``)
def after_number(a: str) -> str:
    a = a.rsplit("-", 1)[-1]
    a = a[max(map(a.rfind, "0123456789")) + 1:]
    return a if a[:1].isalpha() and not VOWELS.isdisjoint(a.lower()) else ""
