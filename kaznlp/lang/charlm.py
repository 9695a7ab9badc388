"""A small character n-gram model of Kazakh words, for "one word or two?" decisions.

Is ``күл⏎кілі`` the word ``күлкілі`` or two words? :func:`split_gain` compares how
Kazakh-like each reading is letter by letter::

    >>> split_gain("күл", "кілі") > 0      # күлкілі (funny): one word
    True
    >>> split_gain("жаңа", "заң") < 0     # жаңа заң (a new law): two words
    True

A Witten-Bell 5-gram over lower-cased letters (``^``, ``$`` marks) by ``training/build_lexicon.py``,
in back-off form in ``data/charlm_kk.tsv``.
"""

from __future__ import annotations

import math
from functools import lru_cache

from .. import _data

__all__ = ["ORDER", "available", "logp", "split_gain"]

ORDER = 5
_UNSEEN = math.log(1e-6)  # a letter the model never saw (Latin, digits)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, float], dict[str, float]]:
    """(log probability by n-gram, log back-off weight by context) from ``data/charlm_kk.tsv``
    (shipped xz-compressed; a missing file is a broken install and raises ``FileNotFoundError``)."""
    lp: dict[str, float] = {}
    bow: dict[str, float] = {}
    key = ""
    for line in _data.read_lines("charlm_kk.tsv"):
        # front-coded: the n-gram shares its first ``shared`` characters with the previous row's
        shared, rest, p, b = line.split("\t")
        key = key[:int(shared)] + rest
        if p:
            lp[key] = float(p)
        if b:
            bow[key] = float(b)
    return lp, bow


def available() -> bool:
    """True when the model's data file is present (it ships with the package)."""
    return bool(_table()[0])


# A letter's term depends on its window of ORDER characters only (remembered for every word);
# a word's score adds them left to right, so ``ab`` goes on from ``a``'s sum. Bounded caches.
_WINDOW: dict[str, float] = {}
_WINDOW_MAX = 200_000
_LOGP: dict[str, float] = {}
_SUMS: dict[str, float] = {}  # a word's sum before ``$``
_WORDS_MAX = 65_536
_PAD = "^" * (ORDER - 1)


def _window(win: str) -> float:
    """Log probability of ``win``'s last letter after the others (backing off)."""
    lp, bow = _table()
    back = 0.0
    for i in range(ORDER):  # the n-gram win[i:], longest first; its context win[i:-1]
        p = lp.get(win[i:])
        if p is not None:
            return back + p
        back += bow.get(win[i:-1], 0.0)
    return back + _UNSEEN


def _score(word: str, k: int = 0, total: float = 0.0) -> float:
    """:func:`logp` of ``word`` from letter ``k`` on, ``total`` the sum before (the same float)."""
    s = _PAD + word + "$"
    if len(_WINDOW) >= _WINDOW_MAX:
        _WINDOW.clear()
    if len(_LOGP) >= _WORDS_MAX:
        _LOGP.clear()
        _SUMS.clear()
    win = _WINDOW
    get = win.get
    lp = _table()[0]
    last = len(s) - ORDER  # (the window ending in ``$``)
    for i in range(k, last):
        w = s[i:i + ORDER]
        c = get(w)
        if c is None:  # (the n-gram itself first, as _window does)
            c = lp.get(w)
            c = win[w] = _window(w) if c is None else c
        total += c
    if k <= last:
        _SUMS[word] = total
        w = s[last:]
        c = get(w)
        if c is None:
            c = lp.get(w)
            c = win[w] = _window(w) if c is None else c
        total += c
    _LOGP[word] = total
    return total


def logp(word: str) -> float:
    """Natural-log probability of ``word`` (lower case) as a whole word, ``^word$``.

    >>> logp("қазақстан") > logp("қзқстн")
    True
    """
    hit = _LOGP.get(word)
    return _score(word) if hit is None else hit


def split_gain(a: str, b: str) -> float:
    """``log P(ab) - log P(a) - log P(b)``: above 0 favours one word ``ab``, below 0 two words.

    ``a`` and ``b`` are lower-cased letters only (no hyphen)."""
    ab = a + b
    lab = _LOGP.get(ab)
    if lab is None:
        pa = _SUMS.get(a)
        if pa is None:
            _score(a)
            pa = _SUMS.get(a)
        lab = _score(ab) if pa is None else _score(ab, len(a), pa)
    return lab - logp(a) - logp(b)
