"""Rewrites of the token columns (starts, surfaces, kinds): combining marks glued,
hyphenated words cut, rows spliced.

The rules work on three columns; a token's end is its start plus the length of its surface,
and :func:`kaznlp.tokenize.token_columns` makes the ends column only when it is asked for
(:func:`kaznlp.process` derives the ends from the starts it has moved onto the caller's text).
"""

from __future__ import annotations

import re

import unicodedata2 as unicodedata

from ..lang.tokens import W
from ._hyphens import _cuts

_IN_W = re.compile(W).match  # a mark of W: the pattern's "mark" rule (after punctuation)

Columns = tuple[list[int], list[int], list[str], list[str]]
# starts, surfaces, kinds: what the rules below rewrite
Rows = tuple[list[int], list[str], list[str]]


def _glue_marks(text: str, starts: list[int], texts: list[str], kinds: list[str],
                after: list[tuple[int, int]] | None = None) -> Rows:
    """The columns with each combining mark the pattern does not match ("क" + nukta + "ा") glued to
    the token before it, and so a word or number right after such a mark (docs/tokenize.md, "How
    the tokenizer is fast"). The lists come back unchanged when nothing glues.
    A hyphenated word before a mark is split first and the mark glued to its last part.
    The pattern's ``mark`` matches go to ``after`` instead (the caller scans the text again).
    """
    category = unicodedata.category
    n = len(starts)
    edits: list[tuple[int, int, Rows]] = []
    g = 0
    while True:
        try:
            g = kinds.index("symbol", g + 1)
        except ValueError:
            break
        if starts[g] != starts[g - 1] + len(texts[g - 1]) or category(texts[g][0])[0] != "M":
            continue
        if after is not None and _IN_W(texts[g][0]):
            after.append((starts[g], starts[g] + len(texts[g])))
            continue
        # the mark g starts a stretch: token g - 1 and every token that continues it
        first = g - 1
        start, kind = starts[first], kinds[first]
        if kind == "hword":
            rows, start = _cut_pieces(texts[first], start, _cuts(texts[first]))
            kind = "word"
        else:
            rows = ([], [], [])
        last_end = starts[g] + len(texts[g])
        # (a word or number goes on the stretch after a mark, not after an enclosing one: a keycap
        # "1\ufe0f\u20e3" ends its cluster, so "1\ufe0f\u20e32\ufe0f\u20e3" is two tokens)
        glue_end = last_end if category(text[last_end - 1]) in ("Mn", "Mc") else -1
        k = g + 1
        while k < n:
            kd = kinds[k]
            if not (starts[k] == glue_end and kd in ("word", "hword", "number")
                    or kd == "symbol" and starts[k] == last_end and category(texts[k][0])[0] == "M"):
                break
            last_end = starts[k] + len(texts[k])
            glue_end = last_end if category(text[last_end - 1]) in ("Mn", "Mc") else -1
            k += 1
        _add_row(rows, start, text[start:last_end], kind)
        edits.append((first, k, rows))
        g = k - 1
    return _splice(starts, texts, kinds, edits)


def _split_compounds(starts: list[int], texts: list[str], kinds: list[str]) -> Rows:
    """The columns with every "hword" (a word with a hyphen inside) made one word, or split where
    :func:`_pair_splits` says so. Most stay whole: their kind is changed in place; the lists are
    copied only when some word splits."""
    splits = []  # (index, cuts)
    i = 0
    try:
        while True:
            j = kinds.index("hword", i)
            word = texts[j]
            cuts = _cuts(word)
            kinds[j] = "word"
            if cuts:
                splits.append((j, cuts))
            i = j + 1
    except ValueError:
        pass
    edits = []
    for j, cuts in splits:
        word, start = texts[j], starts[j]
        rows, rest = _cut_pieces(word, start, cuts)
        _add_row(rows, rest, word[rest - start:], "word")
        edits.append((j, j + 1, rows))
    return _splice(starts, texts, kinds, edits)


def _cut_pieces(word: str, start: int, cuts: tuple[int, ...]) -> tuple[Rows, int]:
    """The rows of a hyphenated word (at ``start``) cut at ``cuts`` (:func:`_cuts`): each part
    before a cut and its hyphen, and where the last part starts: ``жиырма-отыз`` cut at 6 gives
    ``жиырма``, ``-`` and the last part at start + 7."""
    rows: Rows = ([], [], [])
    prev = 0
    for cut in cuts:
        _add_row(rows, start + prev, word[prev:cut], "word")
        _add_row(rows, start + cut, word[cut], "punct")
        prev = cut + 1
    return rows, start + prev


def _add_row(rows: Rows, start: int, surface: str, kind: str) -> None:
    rows[0].append(start)
    rows[1].append(surface)
    rows[2].append(kind)


# at most this many edits are made in place (:func:`_splice`)
_IN_PLACE = 16


def _splice(starts: list[int], texts: list[str], kinds: list[str], edits: list[tuple[int, int, Rows]]) -> Rows:
    """The columns with rows ``[first, stop)`` replaced by ``rows`` for each ``(first, stop, rows)``
    of ``edits`` (in order, not overlapping). A few edits are made in place, last first (each
    moves the lists' tails: a block copy, no reference count touched); more are copied once into
    new lists, since moving the tails at every edit would be quadratic on text dense with "болған
    жоқ" (copying every row of a news document cost half the multiword step). The lists are the
    tokenizer's own (see :func:`kaznlp.tokenize._columns`)."""
    if not edits:
        return starts, texts, kinds
    if len(edits) <= _IN_PLACE:
        for first, stop, (r_s, r_t, r_k) in reversed(edits):
            starts[first:stop] = r_s
            texts[first:stop] = r_t
            kinds[first:stop] = r_k
        return starts, texts, kinds
    o_s: list[int] = []
    o_t: list[str] = []
    o_k: list[str] = []
    i = 0
    for first, stop, (r_s, r_t, r_k) in edits:
        o_s += starts[i:first]
        o_s += r_s
        o_t += texts[i:first]
        o_t += r_t
        o_k += kinds[i:first]
        o_k += r_k
        i = stop
    o_s += starts[i:]
    o_t += texts[i:]
    o_k += kinds[i:]
    return o_s, o_t, o_k
