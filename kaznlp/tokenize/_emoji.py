"""Emoji sequences made one token, and invisible format characters kept out of tokens.

An emoji a user sees as one picture is one extended grapheme cluster (Unicode UAX #29) and one
token: a flag (two regional indicators, 🇰🇿), a pictograph with its skin tone (👍🏽), variation
selector (❤️) or tags (🏴 + tags), and pictographs joined by zero-width joiners (👨‍👩‍👧). The
pattern of :mod:`kaznlp.lang.tokens` reads them a character at a time (each pictograph is a
"symbol", a joiner a "word"); :func:`_glue_emoji` joins them afterwards, only where a symbol
token starts a longer sequence, so text with no emoji costs nothing more. The pictographs are
the Extended_Pictographic code points (``kaznlp/data/emoji_pictographic.txt``).

A byte-order mark, zero-width space, word joiner or joiner standing at the edge of a word
(``"\\ufeffАстана"``, ``"сөз \\u200b сөз"``), and a bidirectional mark anywhere, is invisible
and belongs to no token, as white space does; inside a word (``"Қа\\u200bзақ"``, damaged text)
it stays in the word, and a joiner stays inside an emoji sequence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import _data
from ._columns import Rows, _add_row, _splice

# format characters of no width that may stand at a word's edge (inside a word: damaged text)
EDGE_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
# bidirectional marks, embeddings and isolates: never part of a token
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BIDI_STRIP = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_CHARS = frozenset(_BIDI_STRIP)
# what extends a cluster after a pictograph: combining marks, variation selectors, skin tones, tags
_EXTEND = "\u0300-\u036f\u20d0-\u20ff\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_RI = "\U0001f1e6-\U0001f1ff"


def _chars(ranges: str) -> frozenset[str]:
    """The characters of a regex class body of single characters and ``a-b`` ranges."""
    out: set[str] = set()
    i = 0
    while i < len(ranges):
        if i + 2 < len(ranges) and ranges[i + 1] == "-":
            out.update(map(chr, range(ord(ranges[i]), ord(ranges[i + 2]) + 1)))
            i += 3
        else:
            out.add(ranges[i])
            i += 1
    return frozenset(out)


# what may follow the first character of a longer emoji sequence (a pictograph's extenders, a
# joiner, a second regional indicator): a symbol token followed by none of these is left alone
_CONTINUES = _chars(_EXTEND + _RI + "\u200d")


@lru_cache(maxsize=1)
def _pictographs() -> str:
    """The Extended_Pictographic code points as the body of a regex character class."""
    parts = []
    for line in _data.read_lines("emoji_pictographic.txt"):
        for item in line.split():
            first, _, last = item.partition("..")
            parts.append(chr(int(first, 16)) + ("-" + chr(int(last, 16)) if last else ""))
    return "".join(parts)


@lru_cache(maxsize=1)
def _sequence() -> re.Pattern[str]:
    """One emoji sequence at a position: a flag, or a pictograph with what extends it and the
    pictographs joined to it by ZWJ (GB9, GB11, GB12-13 of UAX #29)."""
    pict = _pictographs()
    return re.compile(rf"[{_RI}]{{1,2}}[{_EXTEND}\u200d]*|[{pict}](?:[{_EXTEND}]|\u200d(?:[{pict}])?)*")


@lru_cache(maxsize=1)
def _edges() -> re.Pattern[str]:
    """A run of invisible characters that belongs to no token: at a word's edge (not between
    two word characters, marks or pictographs) or holding a bidirectional mark."""
    pict = _pictographs()
    inv = EDGE_INVISIBLE
    before = rf"[\w\u0300-\u036f\u0483-\u0489\u00ad{_EXTEND}{pict}{_RI}]"
    after = rf"[\w\u0300-\u036f\u0483-\u0489\u00ad{_EXTEND}{pict}{_RI}]"
    return re.compile(rf"[{inv}]*+[{BIDI}][{inv}{BIDI}]*+|(?<!{before})[{inv}]++|[{inv}]++(?!{after})")


def has_edge_invisible(text: str) -> bool:
    """Does ``text`` hold a zero-width format character (BOM, ZWSP, word joiner, (non-)joiner)?
    (Five ``str`` searches: no Python loop.)"""
    return ("\ufeff" in text or "\u200b" in text or "\u200d" in text or "\u2060" in text
            or "\u200c" in text)


def blank_invisible(text: str) -> str:
    """``text`` with each invisible character that belongs to no token replaced by a space (same
    length, so offsets hold): what the tokenizer scans when :func:`has_edge_invisible`.

    >>> blank_invisible("\\ufeffАстана Қа\\u200bзақ 👨\\u200d👩")
    ' Астана Қа\\u200bзақ 👨\\u200d👩'
    """
    return _edges().sub(lambda m: " " * len(m.group()), text)


def _glue_emoji(text: str, starts: list[int], texts: list[str], kinds: list[str]) -> Rows:
    """The columns with each emoji sequence that the pattern cut into several tokens made one
    token (of the kind of its first token, a "symbol"), and bidirectional marks dropped. A token
    that runs on past the sequence (a joiner, then letters) keeps its rest as a token of its own.
    The lists come back unchanged when nothing changes."""
    seq = _sequence().match
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
        # (one set test for the symbols that end here: <, №, ©)
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
        elif texts[g][0] in _BIDI_CHARS:  # (a mark glued to it stays, a token of its own)
            rest = texts[g].lstrip(_BIDI_STRIP)
            cut = len(texts[g]) - len(rest)
            edits.append((g, g + 1, ([start + cut], [rest], [kinds[g]]) if rest else ([], [], [])))
    return _splice(starts, texts, kinds, edits)
