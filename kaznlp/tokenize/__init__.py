"""Kazakh tokenizer following UD Kazakh-KTB conventions (listed, with the reasons, in docs/tokenize.md).

One compiled pattern (:mod:`kaznlp.lang.tokens`) scans the text; the matches are read into
columns (starts, ends, surfaces, kinds) and the records built from them with no Python code per
token; Python rules run only on the tokens the pattern flags (a hyphen inside a word, a mark
it does not know, an emoji, an auxiliary verb after a space). Every visible character is in
exactly one token, offsets point into the caller's text: number + suffix ``80-нен``, ``ҚР-ның``,
``вице-президенті``, ``т.б.``, ``2,5``, ``Egemen.kz``, ``болған жоқ``, an emoji ``👨‍👩‍👧``.

>>> [t.text for t in tokenize("ҚР-ның 2,5 млн. теңгесі, т.б.")]
['ҚР-ның', '2,5', 'млн.', 'теңгесі', ',', 'т.б.']
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import islice
from operator import add, attrgetter

import unicodedata2 as unicodedata

from .._validate import check_choice, check_text
from ..spans import Token, make_tokens
from ._columns import Columns, _glue_marks, _split_compounds
from ._emoji import _glue_emoji, blank_invisible, blank_lone_soft_hyphens, trim_invisible
from ._hyphens import hyphen_cuts
from ._multiword import _join_multiword
from ..lang.tokens import (APOSTROPHE, HYPHEN, LOWER, RULE_KINDS, TOKEN_PATTERN, UNIT_SPACE, UPPER, W,
                          YEAR_FORMS, abbreviation_stops, token_pattern)

__all__ = ["tokenize", "token_columns", "TOKEN_PATTERN", "RULE_KINDS", "token_pattern", "hyphen_cuts",
           "abbreviation_stops", "W", "LOWER", "UPPER", "HYPHEN", "APOSTROPHE", "UNIT_SPACE", "YEAR_FORMS"]


# -- records ---------------------------------------------------------------------------
_tokens = make_tokens  # a plain 4-field tuple per Token, as Token(...) makes it


_LASTINDEX = attrgetter("lastindex")
_SCAN = token_pattern(scan=True)
_SCAN_NO_EMAIL = token_pattern(scan=True, email=False)
_M_START, _M_GROUP = re.Match.start, re.Match.group


def _kind_of_group(pattern: re.Pattern[str]) -> Callable[[int], str]:
    """The kind of a match of ``pattern`` from its ``lastindex``: the number of the rule's group,
    whose name says the kind (``RULE_KINDS[match.lastgroup]``, read from a list)."""
    kinds = [""] * (pattern.groups + 1)
    for name, index in pattern.groupindex.items():
        kinds[index] = RULE_KINDS[name]
    return kinds.__getitem__


# (two names, not a dict keyed by the pattern: hashing a compiled pattern hashes its whole code,
# 7 µs a call)
_KIND_OF_EMAIL, _KIND_OF_NO_EMAIL = _kind_of_group(_SCAN), _kind_of_group(_SCAN_NO_EMAIL)


def tokenize(text: str, *, multiword: bool = True) -> list[Token]:
    """Split ``text`` into tokens with offsets into ``text``.

    >>> [t.text for t in tokenize("Қасым-Жомарт Тоқаев 80-нен астам елге, деп жазады Egemen.kz.")]
    ['Қасым-Жомарт', 'Тоқаев', '80-нен', 'астам', 'елге', ',', 'деп', 'жазады', 'Egemen.kz', '.']

    With ``multiword=True`` (the default, as UD Kazakh-KTB) a verb and its negation or
    evidential auxiliary are one token; ``multiword=False`` keeps them apart (the only
    other tokens with a space are a number and its unit: ``5 %``, ``30° C``):

    >>> [t.text for t in tokenize("Ол келген жоқ.")], [t.text for t in tokenize("Ол келген жоқ.", multiword=False)]
    (['Ол', 'келген жоқ', '.'], ['Ол', 'келген', 'жоқ', '.'])

    The cyclic garbage collector is paused during the call (the records form no cycles) and
    restored as the caller had it, also on an error.
    """
    if type(text) is not str:
        check_text(text, "tokenize")
    if multiword is not True and multiword is not False:
        check_choice(multiword, "multiword", (True, False), "tokenize")
    if not gc.isenabled():
        return _tokens(*_columns(text, multiword))
    gc.disable()
    try:
        return _tokens(*_columns(text, multiword))
    finally:
        gc.enable()


# Matches are read in batches: a match object holds two offsets for each of the pattern's groups
# (about 350 bytes), so holding all of them for a long text would cost hundreds of MB.
_BATCH = 2048


def token_columns(text: str, *, multiword: bool = True, ends: bool = True) -> Columns:
    """The tokens of ``text`` as four parallel lists: starts, ends, surfaces and kinds.

    What :func:`tokenize` finds before the records are made (:func:`kaznlp.spans.make_tokens`),
    for a caller that keeps columns or moves the offsets first (:func:`kaznlp.process`). The
    lists are new. ``ends=False`` leaves the ends empty (each is start + length of the surface).

    >>> starts, ends, texts, kinds = token_columns("ҚР-ның 63%-ы өсті.")
    >>> texts, kinds
    (['ҚР-ның', '63%-ы', 'өсті', '.'], ['word', 'number', 'word', 'punct'])
    >>> starts, ends
    ([0, 7, 13, 17], [6, 12, 17, 18])
    >>> token_columns("ҚР-ның 63%-ы өсті.", ends=False)[1]
    []
    """
    if type(text) is not str:
        check_text(text, "tokenize.token_columns")
    if multiword is not True and multiword is not False:
        check_choice(multiword, "multiword", (True, False), "tokenize.token_columns")
    if ends is not True and ends is not False:
        check_choice(ends, "ends", (True, False), "tokenize.token_columns")
    if not gc.isenabled():
        return _columns(text, multiword, ends)
    gc.disable()  # as in tokenize: the columns hold only ints and strings
    try:
        return _columns(text, multiword, ends)
    finally:
        gc.enable()


def _columns(text: str, multiword: bool = True, ends: bool = True) -> Columns:
    """:func:`token_columns` without the checks; the lists are new (callers may change them)."""
    # a BOM or zero-width space at a word's edge is in no token (_emoji.blank_invisible)
    caller = text
    invisible = "\ufeff" in text or "\u200b" in text or "\u200d" in text or "\u2060" in text or "\u200c" in text
    if invisible:
        text = blank_invisible(text)  # (same length; no token holds a character it changes)
    if "\xad" in text:  # a soft hyphen that touches no word is in no token either
        text = blank_lone_soft_hyphens(text)
    if "@" in text:
        matches, kind_of = _SCAN.finditer(text), _KIND_OF_EMAIL
    else:
        matches, kind_of = _SCAN_NO_EMAIL.finditer(text), _KIND_OF_NO_EMAIL
    batch = list(islice(matches, _BATCH))
    kinds = list(map(kind_of, map(_LASTINDEX, batch)))
    # each match is a token and the white space after it; no token ends in white space
    texts = list(map(str.rstrip, map(_M_GROUP, batch)))
    starts = list(map(_M_START, batch))
    while len(batch) == _BATCH:
        batch = list(islice(matches, _BATCH))
        kinds += map(kind_of, map(_LASTINDEX, batch))
        texts += map(str.rstrip, map(_M_GROUP, batch))
        starts += map(_M_START, batch)
    del batch
    if "symbol" in kinds:  # a combining mark the pattern does not know continues the token before it;
        after: list[tuple[int, int]] = []
        starts, texts, kinds = _glue_marks(text, starts, texts, kinds, after)  # an emoji sequence is one token
        if after:  # ... and so does one after punctuation, which a second scan reads as a space
            return _glue_marks_after(text, after, multiword, ends)
        starts, texts, kinds = _glue_emoji(text, starts, texts, kinds)
    if "hword" in kinds:  # a word with a hyphen inside: one token or split (_compound_cuts)
        starts, texts, kinds = _split_compounds(starts, texts, kinds)
    if multiword:
        starts, texts, kinds = _join_multiword(text, starts, texts, kinds)
    if invisible:  # no token starts or ends with an invisible character (as "5\ufeffмлн" did)
        starts, texts, kinds = trim_invisible(caller, starts, texts, kinds)
    return starts, list(map(add, starts, map(len, texts))) if ends else [], texts, kinds


def _glue_marks_after(text: str, runs: list[tuple[int, int]], multiword: bool, ends: bool) -> Columns:
    """The columns with each run of marks in ``runs`` (after punctuation) scanned as white space,
    then glued to the token before it (docs/tokenize.md, "Emoji and invisible characters")."""
    pieces: list[str] = []
    pos = 0
    category = unicodedata.category
    for i, (a, b) in enumerate(runs):
        while b < len(text) and (category(text[b])[0] == "M" or text[b] == "\xad"):  # (a soft hyphen on it too)
            b += 1
        runs[i] = (a, b)
        pieces += (text[pos:a], "\u2005" * (b - a))
        pos = b
    starts, _, texts, kinds = _columns("".join(pieces) + text[pos:], multiword, False)
    for a, b in runs:
        k = bisect_left(starts, a) - 1
        if k >= 0 and starts[k] + len(texts[k]) == a:
            texts[k] += text[a:b]
        else:
            starts.insert(k + 1, a)
            texts.insert(k + 1, text[a:b])
            kinds.insert(k + 1, "symbol")
    return starts, list(map(add, starts, map(len, texts))) if ends else [], texts, kinds
