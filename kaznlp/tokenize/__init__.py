"""Kazakh tokenizer following UD Kazakh-KTB conventions.

One compiled regular expression scans the text left to right; its named groups
say what kind of token matched. Every non-space character ends up in exactly one
token, and offsets point into the caller's text.

Conventions (each has a test in ``tests/test_tokenize.py``):

- Kazakh letters (ә ғ қ ң ө ұ ү һ і) are letters; a word may carry combining
  marks, soft hyphens and zero-width joiners inside it.
- number + suffix is one token: ``80-нен``, ``55-ші``, ``63%-ы``, ``19,4°С-қа``,
  and a year with the year word: ``2014-жылғы``; number + free word is three, as in
  KTB: ``15`` ``-`` ``жылдығының``; a range too: ``17`` ``-`` ``19``.
- acronym or Latin name + suffix is one token: ``ҚР-ның``, ``IACA-ның``,
  ``COVID-19-дың``; hyphenated compounds stay whole: ``вице-президенті``,
  ``іс-қимыл``, ``Қасым-Жомарт``.
- abbreviations keep their period: ``т.б.``, ``млн.``, ``ж.``, initials ``А.``; a chain of
  single-letter abbreviations is one token, known or not (``ә.б.``, ``б.з.д.``), and so are
  initials that no name follows (``Сейітов Қ.Ж.``); initials before a name stay apart, as in
  KTB (``А.`` ``А.`` ``Мерғалиев``).
- decimals ``2,5``, times ``14:17``, dates ``08.10.2015`` are one token.
- URLs, e-mails and domains are whole (``Egemen.kz``; a final period is split off).
- quotes ``« » “ ” „ "`` and dashes ``– —`` are tokens of their own; ``...`` and ``…``
  are one token.
- an emoji sequence is one token (one grapheme cluster: ``🇰🇿``, ``👏🏽``, ``👨‍👩‍👧``); a BOM or
  zero-width space at a word's edge, and a bidirectional mark, is in no token (:mod:`._emoji`).

How it is fast: one compiled pattern does almost all the work (every alternative ends in an
empty named group that names its rule, so the engine skips an alternative whose first
character cannot match; the commonest tokens, a plain word, a plain number and a lone
punctuation mark, are tried first; the white space after a token is consumed by the same
match), the matches are read into four columns (starts, ends, surfaces, kinds) and the records
built from them by C-level ``map``/``zip`` with no Python code per token, and Python rules run
only where the pattern says they may fire, on those tokens only (a hyphen inside a word, a
combining mark the pattern does not know, an auxiliary verb after a space). Profile (news
corpus, one call per document): the pattern's scan is about 40 % of the time, reading the
matches into columns about 30 %, making the records about 20 %, the Python rules under a
tenth. Before, the scan alone took as long as all of it now: every alternative was
tried at every space, and the e-mail rule rescanned each word. ``kaznlp.process`` takes the
columns (:func:`_columns`) and makes each record once, at its offsets in the caller's text.

>>> [t.text for t in tokenize("ҚР-ның 2,5 млн. теңгесі, т.б.")]
['ҚР-ның', '2,5', 'млн.', 'теңгесі', ',', 'т.б.']
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable
from itertools import islice
from operator import add, attrgetter

from .._validate import check_choice, check_text
from ..spans import Token, make_tokens
from ._columns import Columns, _glue_marks, _split_compounds
from ._emoji import _glue_emoji, blank_invisible
from ._hyphens import hyphen_cuts
from ._multiword import _join_multiword
from ..lang.tokens import (APOSTROPHE, HYPHEN, LOWER, RULE_KINDS, TOKEN_PATTERN, UNIT_SPACE, UPPER, W,
                          YEAR_FORMS, abbreviation_stops, token_pattern)

__all__ = ["tokenize", "token_columns", "TOKEN_PATTERN", "RULE_KINDS", "token_pattern", "hyphen_cuts",
           "abbreviation_stops", "W", "LOWER", "UPPER", "HYPHEN", "APOSTROPHE", "UNIT_SPACE", "YEAR_FORMS"]


# -- records ---------------------------------------------------------------------------
# Every Token is made from the columns by spans.make_tokens: a plain 4-field tuple, as
# Token(...) makes it, without the keyword handling of Token.__new__.
_tokens = make_tokens


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

    Python's cyclic garbage collector is paused during the call (the records hold only ints
    and strings and form no cycles; a collection in the middle would walk them all, and every
    match of the pattern, for nothing). It is switched back on at once, also on an error, and
    left alone if the caller had disabled it.
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

    What :func:`tokenize` finds, before the :class:`Token` records are made: for a caller
    that keeps columns (an array library, a corpus writer) or moves the offsets first, as
    :func:`kaznlp.process` does before it makes each record once
    (:func:`kaznlp.spans.make_tokens` makes the records). The lists are new: change them at will.

    ``ends=False`` leaves the ends list empty, for a caller that moves the starts and reads
    each end as its start plus the length of its surface (as :func:`kaznlp.process` does:
    one new integer per token saved, about 5 % of this call on news).

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
    """The tokens of ``text`` as four parallel lists: starts, ends, surfaces and kinds (the ends
    empty when ``ends`` is false: each is its start plus the length of its surface).

    :func:`tokenize` makes its records from them in one C-level pass; :func:`kaznlp.process`
    first moves the starts onto the caller's text and makes the ends there, so each record is
    made once, at its final offsets. The lists may be shared with nothing else: callers may
    change them.
    """
    # a BOM or zero-width space at a word's edge belongs to no token (has_edge_invisible, inlined)
    if "\ufeff" in text or "\u200b" in text or "\u200d" in text or "\u2060" in text or "\u200c" in text:
        text = blank_invisible(text)  # (same length; no token holds a character it changes)
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
        starts, texts, kinds = _glue_marks(text, starts, texts, kinds)  # an emoji sequence is one token
        starts, texts, kinds = _glue_emoji(text, starts, texts, kinds)
    if "hword" in kinds:  # a word with a hyphen inside: one token or split (_compound_cuts)
        starts, texts, kinds = _split_compounds(starts, texts, kinds)
    if multiword:
        starts, texts, kinds = _join_multiword(text, starts, texts, kinds)
    return starts, list(map(add, starts, map(len, texts))) if ends else [], texts, kinds
