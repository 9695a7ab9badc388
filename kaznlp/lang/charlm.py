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
    (shipped xz-compressed; missing: a broken install, ``FileNotFoundError``)."""
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
    """True when the model's data file is present (it ships)."""
    return bool(_table()[0])


# A letter's term depends on its window of ORDER characters only (remembered); a word's score
# adds them left to right. Bounded caches.
_WINDOW: dict[str, float] = {}
_BSUM: dict[str, float] = {}  # split_gain's sums of b's windows by b[:4]
_GAIN: dict[str, float] = {}  # split_gain
_WINDOW_MAX = 200_000
_LOGP: dict[str, float] = {}
_WORDS_MAX = 65_536
_PAD = "^" * (ORDER - 1)


def _new(w: str) -> float:
    """The term of a new window: its n-gram, else backed off."""
    lp, bow = _table()
    c = lp.get(w)
    if c is None:
        c = 0.0 + bow.get(w[:-1], 0.0)
        for i in range(1, ORDER):  # the n-gram w[i:], its context w[i:-1]
            p = lp.get(w[i:])
            if p is not None:
                c += p
                break
            c += bow.get(w[i:-1], 0.0)
        else:
            c += _UNSEEN
    _WINDOW[w] = c
    return c


def logp(word: str) -> float:
    """Natural-log probability of ``word`` (lower case) as a whole word, ``^word$``.

    >>> logp("қазақстан") > logp("қзқстн")
    True
    """
    hit = _LOGP.get(word)
    if hit is not None:
        return hit
    if len(_WINDOW) >= _WINDOW_MAX:
        _WINDOW.clear()
    if len(_LOGP) >= _WORDS_MAX:
        _LOGP.clear()
    s, get, total = _PAD + word + "$", _WINDOW.get, 0.0
    for i in range(len(s) - ORDER + 1):
        c = get(s[i:i + ORDER])
        total += _new(s[i:i + ORDER]) if c is None else c
    _LOGP[word] = total
    return total


def split_gain(a: str, b: str) -> float:
    """``log P(ab) - log P(a) - log P(b)``: above 0 favours one word ``ab``, below 0 two words.

    ``a``, ``b``: lower case, no hyphen; reads ``a[-4:]``, ``b[:4]`` only (docs/dehyphenate.md)."""
    k = (b + "$")[:ORDER - 1]
    sa = (_PAD + a)[1 - ORDER:]
    g = _GAIN.get(sa + k)
    if g is not None:
        return g
    if len(_WINDOW) >= _WINDOW_MAX or len(_GAIN) >= _WINDOW_MAX:
        _WINDOW.clear()
        _BSUM.clear()
        _GAIN.clear()
    get, n = _WINDOW.get, min(ORDER - 1, len(b) + 1)
    s = _BSUM.get(k)
    if s is None:
        sb, s = _PAD + k, 0.0
        for j in range(n):
            c = get(sb[j:j + ORDER])
            s += _new(sb[j:j + ORDER]) if c is None else c
        _BSUM[k] = s
    c = get(sa + "$")
    g = -(_new(sa + "$") if c is None else c) - s
    sab = sa + b + "$"
    for j in range(n):
        c = get(sab[j:j + ORDER])
        g += _new(sab[j:j + ORDER]) if c is None else c
    _GAIN[sa + k] = g
    return g
