"""Emoji sequences as one token; invisible format characters in no token (docs/tokenize.md).

The pattern reads an emoji a code point at a time (a pictograph is a "symbol", a joiner a
"word"); :func:`_glue_emoji` joins one grapheme cluster (UAX #29: a flag, a pictograph with its
extenders, pictographs joined by ZWJ). Pictographs: ``data/emoji_pictographic.txt``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .. import _data
from ..lang.tokens import W
from ._columns import Rows, _add_row, _splice

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"  # in no token at a word's edge; inside a word kept
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # in no token
# after a pictograph: marks, variation selectors, skin tones, tags
_EXTEND = "\u0300-\u036f\u20d0-\u20ff\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_RI = "\U0001f1e6-\U0001f1ff"
_EMOJI_EXTEND = "\u20e3\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"  # (of emoji only)


def _chars(ranges: str) -> frozenset[str]:
    out: set[str] = set()
    for a, b in re.findall(r"(.)(?:-(.))?", ranges, re.S):
        out.update(map(chr, range(ord(a), ord(b or a) + 1)))
    return frozenset(out)


# what may follow the first character of a longer sequence: a symbol token before none is left alone
_CONTINUES = _chars(_EXTEND + _RI + "\u200c\u200d")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An emoji sequence at a position; a run of invisible characters that is in no token."""
    pict = "".join(chr(int(a, 16)) + ("-" + chr(int(b, 16)) if b else "")
                   for line in _data.read_lines("emoji_pictographic.txt")
                   for a, _, b in (item.partition("..") for item in line.split()))
    word = r"\w\u0300-\u036f\u0483-\u0489\u00ad"
    # (a soft hyphen after a mark stays, as on a symbol; ZWNJ extends: docs/tokenize.md, round 13)
    seq = (rf"(?:[{_RI}]{{1,2}}[{_EXTEND}\u200c\u200d]*|[{pict}](?:[{_EXTEND}\u200c]|\u200d(?:[{pict}])?)*)"
           r"(?:(?<=[\u0300-\u036f\u20d0-\u20ff])\xad+)?")
    inv = f"[{_INVISIBLE}]"
    # (led by a character test: no lookbehind at every position; the third: "👍<ZWJ>сөз", a run that joins nothing)
    edge = (rf"(?=[{_INVISIBLE}{_BIDI}])(?:{inv}*+[{_BIDI}][{_INVISIBLE}{_BIDI}]*+"
            rf"|(?<![{word}{_EXTEND}{pict}{_RI}{_INVISIBLE}]){inv}++"
            rf"|(?<=[{pict}{_RI}{_EMOJI_EXTEND}]){inv}++(?![{_EXTEND}])(?:(?<!\u200d)|(?![{pict}]))"
            rf"|{inv}++(?![{word}{_EXTEND}{pict}{_RI}]))")
    return re.compile(seq), re.compile(edge)


def blank_invisible(text: str) -> str:
    """``text`` with each invisible character that is in no token made a space (offsets hold).

    (U+2005: no rule reads it inside a token, as "5 %".)

    >>> blank_invisible("\\ufeffАстана Қа\\u200bзақ 👨\\u200d👩")
    '\\u2005Астана Қа\\u200bзақ 👨\\u200d👩'
    """
    return _patterns()[1].sub(lambda m: "\u2005" * len(m.group()), text)


_EDGE_CHARS = _INVISIBLE + _BIDI


def trim_invisible(text: str, starts: list[int], texts: list[str], kinds: list[str]) -> Rows:
    """The columns with no token starting or ending with an invisible or bidi character of
    ``text``; a token of nothing else goes.

    >>> trim_invisible("5\\ufeffмлн", [0, 1], ["5", "\\ufeffмлн"], ["number", "word"])
    ([0, 2], ['5', 'млн'], ['number', 'word'])
    """
    edits: list[tuple[int, int, Rows]] = []
    last = -1
    n = len(starts)
    for m in _EDGE_RUN.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k < 0 or m.start() >= starts[k] + len(texts[k]):
            k += 1
        while k < n and starts[k] < m.end():  # (every token the run touches)
            if k > last:
                surface = texts[k]
                rest = surface.lstrip(_EDGE_CHARS)
                kept = rest.rstrip(_EDGE_CHARS)
                if not kept.strip(_EDGE_CHARS + "\xad"):  # (soft hyphens touching only invisible characters)
                    kept = ""
                if kept != surface:
                    edits.append((k, k + 1, ([starts[k] + len(surface) - len(rest)], [kept], [kinds[k]]) if kept
                                  else ([], [], [])))
                last = k
            k += 1
    return _splice(starts, texts, kinds, edits) if edits else (starts, texts, kinds)


_EDGE_RUN = re.compile(f"[{_EDGE_CHARS}]+")


_IN_WORD = re.compile(W)


def blank_lone_soft_hyphens(text: str) -> str:
    """``text`` with each run of soft hyphens that no letter, digit or mark touches made spaces
    (offsets hold): such a run marks no break inside a word, and is in no token. Beside a word
    or a number it stays in that token (``бар\u00adлық``, ``12\u00ad``).

    >>> blank_lone_soft_hyphens("2:1 \u00ad – бар\u00adлық")
    '2:1   – бар\u00adлық'
    """
    pieces: list[str] = []
    pos = 0
    in_word, find = _IN_WORD.match, text.find
    a = find("\u00ad")
    while a >= 0:  # (a string search: a regex scan for the run was ten times slower)
        b = a + 1
        while text[b:b + 1] == "\u00ad":
            b += 1
        if not (a and in_word(text, a - 1) and text[a - 1] not in _INVISIBLE  # (an invisible one is no word)
                or in_word(text, b) and text[b] not in _INVISIBLE):
            pieces += (text[pos:a], " " * (b - a))
            pos = b
        a = find("\u00ad", b)
    return "".join(pieces) + text[pos:] if pieces else text


def _glue_emoji(text: str, starts: list[int], texts: list[str], kinds: list[str]) -> Rows:
    """The columns with each emoji sequence one token (the kind of its first) and bidi marks
    dropped; a token running on past a sequence keeps its rest as a token."""
    seq = _patterns()[0].match
    n = len(starts)
    edits: list[tuple[int, int, Rows]] = []
    g = -1
    while True:
        try:
            g = kinds.index("symbol", g + 1)
        except ValueError:
            break
        start = starts[g]
        stop = start + len(texts[g])
        m = seq(text, start) if text[stop:stop + 1] in _CONTINUES or texts[g][-1] == "\u200d" else None
        if m is not None and m.end() > stop:
            end = m.end()
            k = g + 1
            while k < n and starts[k] < end:
                k += 1
            rows: Rows = ([start], [text[start:end]], [kinds[g]])
            last = starts[k - 1] + len(texts[k - 1])
            if last > end:
                _add_row(rows, end, text[end:last], kinds[k - 1])
            edits.append((g, k, rows))
            g = k - 1
        elif texts[g][0] in _BIDI:  # (a mark glued to it stays, a token of its own)
            rest = texts[g].lstrip(_BIDI)
            cut = len(texts[g]) - len(rest)
            edits.append((g, g + 1, ([start + cut], [rest], [kinds[g]]) if rest else ([], [], [])))
    return _splice(starts, texts, kinds, edits)
