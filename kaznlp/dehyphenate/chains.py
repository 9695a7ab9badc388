"""Suffix chains (``лығымен`` = лығ + ы + мен) and what the lexicon alone says of a word: the
answers depend on the suffix inventory and the lexicon only, not on the document, so they are
remembered for every document (bounded tables, emptied when full).

>>> is_chain("лығымен"), is_chain("қыркүйек")
(True, False)
"""

from __future__ import annotations

from kaznlp.lang.affixes import suffix_allomorphs

from .morph import _SINGLE

# is_chain answers, by (string, first_long)
_CHAIN: dict[tuple[str, bool], bool] = {}
# chain_starts answers
_STARTS: dict[str, list[bool]] = {}
# by word: True when a stem of the lexicon + suffixes makes it (Evidence.analyzable), else the
# stems to look for in the document; and the lexicon's answer to Evidence.prefix. Emptied when
# the lexicon object changes.
_STEMS: dict[str, bool | tuple[str, ...]] = {}
_LEX_PREFIX: dict[str, float] = {}
_LEX_OF_FACTS: list[frozenset[str] | None] = [None]
_FACTS_MAX = 200_000


def remember(table: dict, key: object, value: object, bound: int = _FACTS_MAX) -> None:
    """``table[key] = value``, the table emptied first when it holds ``bound`` entries."""
    if len(table) >= bound:
        table.clear()
    table[key] = value


def chain_starts(w: str) -> list[bool]:
    """``ok[k]``: ``w[k:]`` is a suffix chain (:func:`is_chain`, ``first_long`` False), for
    every ``k`` < ``len(w)``, from one pass over ``w`` from its end (the chain test of ``w[k:]``
    reads only the letters right of ``k``). A piece has at most 7 letters: once 8 letters lie
    between ``k`` and the nearest chain start on its right, no ``k`` further left is one."""
    hit = _STARTS.get(w)
    if hit is not None:
        return hit
    n = len(w)
    ok = [False] * (n + 1)
    ok[n] = True
    sfx = suffix_allomorphs()
    near = n  # the nearest chain start right of i
    for i in range(n - 1, -1, -1):
        if near - i > 7:
            break
        if w[i] in _SINGLE and ok[i + 1]:
            ok[i] = True
            near = i
            continue
        for k in range(2, min(7, n - i) + 1):
            if ok[i + k] and w[i:i + k] in sfx:
                ok[i] = True
                near = i
                break
    remember(_STARTS, w, ok, 100_001)
    return ok


def is_chain(s: str, first_long: bool = False) -> bool:
    """True if ``s`` is a sequence of suffixes (``лығымен`` = лығ + ы + мен); ``first_long``:
    the first piece is no one-letter suffix. Read from :func:`chain_starts` (one pass over
    ``s`` for both kinds: ``first_long`` changes the first letter only)."""
    key = (s, first_long)
    hit = _CHAIN.get(key)
    if hit is not None:
        return hit
    ok = chain_starts(s) if s else [True]
    if not first_long or not ok[0]:
        res = len(s) > 0 and ok[0]
    else:
        sfx = suffix_allomorphs()
        res = any(ok[k] and s[:k] in sfx for k in range(2, min(7, len(s)) + 1))
    remember(_CHAIN, key, res, 200_001)
    return res


def lexicon_facts(lex: frozenset[str]) -> None:
    """Empty the lexicon's tables when ``lex`` is not the lexicon they were made from."""
    if _LEX_OF_FACTS[0] is not lex:
        _STEMS.clear()
        _LEX_PREFIX.clear()
        _LEX_OF_FACTS[0] = lex


def lexicon_stems(w: str, lex: frozenset[str]) -> bool | tuple[str, ...]:
    """True when a stem of 3+ letters in ``lex`` + a suffix chain makes ``w``, else the stems
    (longest first) that would if the document writes them; remembered in ``_STEMS``."""
    ok = chain_starts(w)
    out: list[str] = []
    res: bool | tuple[str, ...] = True
    for k in range(len(w) - 1, 2, -1):
        if ok[k]:
            stem = w[:k]
            if stem in lex:
                break
            out.append(stem)
    else:
        res = tuple(out)
    remember(_STEMS, w, res)
    return res
