from __future__ import annotations

from functools import lru_cache

from kaznlp._data import read_lines, read_text
from kaznlp.lang.affixes import suffix_allomorphs
from kaznlp.lang.lexicon import forms

from .chars import _CYR
from .morph import _SINGLE

#: the open word lists ``python -m training.build_lexicon --open-only`` writes into ``kaznlp/data``;
#: not shipped (docs/dehyphenate.md, *Open word lists*): their absence is no broken install.
OPTIONAL = ("dehyph_unilex_kk.txt", "dehyph_hunspell_stems_kk.txt")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Word forms, and (left, right[:4]) pairs of hyphenated compounds (``күш``, ``жіге``)."""
    words = forms()  # (kaznlp.lang.lexicon)
    pairs: set[tuple[str, str]] = set()
    for line in words:
        if "-" in line:
            parts = line.split("-")
            for i in range(len(parts) - 1):
                pairs.add((parts[i], parts[i + 1][:4]))
    return words, frozenset(pairs)


@lru_cache(maxsize=1)
def _hyphen_parts() -> tuple[frozenset[str], frozenset[str]]:
    """Left parts and right-part beginnings (4 letters) of the lexicon's hyphenated forms:
    ``интернет`` (``интернет-ресурс``), ``ресу``. Lowercase word forms only, no suffix hyphens."""
    left: set[str] = set()
    right: set[str] = set()
    for w in _lexicon()[0]:
        if "-" in w:
            parts = w.split("-")
            for x, y in zip(parts, parts[1:]):
                if len(x) >= 3 and len(y) >= 3 and x.isalpha() and _CYR.search(x) and _CYR.search(y):
                    left.add(x)
                    right.add(y[:4])
    return frozenset(left), frozenset(right)


@lru_cache(maxsize=1)
def _contexts() -> tuple[dict[tuple[str, str], tuple[int, int]], dict[tuple[str, str], tuple[int, int]]]:
    """``{(piece, two letters before it): (glued, apart)}`` from ``data/dehyph_contexts_kk.tsv``
    (built by ``training/build_lexicon.py``), and the same by the one letter before the piece:
    ``(мен, ны)``: ``...нымен`` 300 times, ``...ны мен`` 16 times."""
    two: dict[tuple[str, str], tuple[int, int]] = {}
    one: dict[tuple[str, str], tuple[int, int]] = {}
    for line in read_lines("dehyph_contexts_kk.tsv"):
        b, e, g, s = line.split("\t")
        two[(b, e)] = (int(g), int(s))
        g1, s1 = one.get((b, e[-1:]), (0, 0))
        one[(b, e[-1:])] = (g1 + int(g), s1 + int(s))
    return two, one


@lru_cache(maxsize=1)
def _sorted_lexicon() -> list[str]:
    return sorted(_lexicon()[0])


def _word_list(name: str) -> frozenset[str]:
    """One word per line, ``#`` comments skipped. Only the :data:`OPTIONAL` lists may be absent
    (then empty); any other missing file raises ``FileNotFoundError``."""
    try:
        text = read_text(name)
    except FileNotFoundError:
        if name not in OPTIONAL:
            raise
        return frozenset()
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def _open_forms() -> frozenset[str]:
    """Word forms of the Unilex frequency list that the corpus lexicon lacks (``data/dehyph_unilex_kk.txt``)."""
    return _word_list("dehyph_unilex_kk.txt")


@lru_cache(maxsize=1)
def _open_stems() -> frozenset[str]:
    """Hunspell stems of 5+ letters that the corpus lexicon lacks (``data/dehyph_hunspell_stems_kk.txt``)."""
    return _word_list("dehyph_hunspell_stems_kk.txt")


# ---- suffix chains (``лығымен`` = лығ + ы + мен) and the lexicon's facts of a word: the same in
# every document (bounded tables)

_CHAIN: dict[tuple[str, bool], bool] = {}
_STARTS: dict[str, bytearray] = {}
# lexicon_stems, the lexicon's Evidence.prefix answers (emptied for another lexicon)
_STEMS: dict[str, bool | tuple[str, ...]] = {}
_LEX_PREFIX: dict[str, float] = {}
_LONGEST: dict[str, tuple[int, tuple[int, ...]]] = {}
_LEX_OF_FACTS: list[frozenset[str] | None] = [None]
_FACTS_MAX = 200_000


def remember(table: dict, key: object, value: object, bound: int = _FACTS_MAX) -> None:
    """``table[key] = value``, emptied first when full."""
    if len(table) >= bound:
        table.clear()
    table[key] = value


# A word's suffix chains, read from its end by an automaton made as words ask: a state is the
# set of (piece, letters read) still possible and whether a chain starts there
_AUTO: list = [None]  # suffix set, moves, chain starts, states, state ids, pieces by last letter


def _automaton(sfx: frozenset[str]) -> list:
    if _AUTO[0] is not sfx:
        by_last: dict[str, list[str]] = {}
        for x in sfx:
            if 2 <= len(x) <= 7:  # (one letter: morph._SINGLE)
                by_last.setdefault(x[-1], []).append(x)
        for x in _SINGLE:
            by_last.setdefault(x, []).append(x)
        start: tuple[frozenset[tuple[str, int]], bool] = (frozenset(), True)
        _AUTO[:] = [sfx, [{}], [True], [start], {start: 0}, by_last]
    return _AUTO


def _step(a: list, st: int, c: str) -> int:
    """The state after the letter ``c`` (read leftwards) from state ``st``; -1: no piece ends there."""
    part, start = a[3][st]
    nxt = {(p, j + 1) for p, j in part if p[-1 - j] == c}
    if start:
        nxt.update((p, 1) for p in a[5].get(c, ()))
    key = (frozenset(x for x in nxt if x[1] < len(x[0])), any(j == len(p) for p, j in nxt))
    s = a[4].get(key, -1) if key[0] or key[1] else -1
    if s < 0 and (key[0] or key[1]):
        s = a[4][key] = len(a[3])
        a[1].append({})
        a[2].append(key[1])
        a[3].append(key)
    a[1][st][c] = s
    return s


def chain_starts(w: str) -> bytearray:
    """``ok[k]``: ``w[k:]`` is a suffix chain, for every ``k``, in one pass from the end."""
    hit = _STARTS.get(w)
    if hit is not None:
        return hit
    n = len(w)
    ok = bytearray(n + 1)
    ok[n] = True
    a = _automaton(suffix_allomorphs())
    moves, starts = a[1], a[2]
    st = 0
    for i in range(n - 1, -1, -1):
        nx = moves[st].get(w[i])
        if nx is None:
            nx = _step(a, st, w[i])
        if nx < 0:
            break  # no piece ends here, no chain starts further left
        st = nx
        if starts[nx]:
            ok[i] = True
    remember(_STARTS, w, ok, 100_001)
    return ok


def is_chain(s: str, first_long: bool = False) -> bool:
    """``s`` is a sequence of suffixes; ``first_long``: the first is no one-letter suffix."""
    key = (s, first_long)
    hit = _CHAIN.get(key)
    if hit is not None:
        return hit
    ok = chain_starts(s) if s else [True]
    if not first_long or not ok[0]:
        res = len(s) > 0 and ok[0] == 1
    else:
        sfx = suffix_allomorphs()
        res = any(ok[k] and s[:k] in sfx for k in range(2, min(7, len(s)) + 1))
    remember(_CHAIN, key, res, 200_001)
    return res


def lexicon_facts(lex: frozenset[str]) -> None:
    """Empty the lexicon's tables if made from another lexicon."""
    if _LEX_OF_FACTS[0] is not lex:
        _STEMS.clear()
        _LEX_PREFIX.clear()
        _LONGEST.clear()
        _LEX_OF_FACTS[0] = lex


def lexicon_stems(w: str, lex: frozenset[str]) -> bool | tuple[str, ...]:
    """True if a 3+ letter stem in ``lex`` + suffixes makes ``w``, else the stems to look up."""
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


def lexicon_longest(w: str, lex: frozenset[str]) -> tuple[int, tuple[int, ...]]:
    """The longest stem of ``lex`` + suffixes making ``w`` (0 if none), and the longer stem
    lengths (longest first) that would if the document writes them (Evidence.longest_stem)."""
    ok = chain_starts(w)
    ks: list[int] = []
    res: tuple[int, tuple[int, ...]] = (0, ())
    for k in range(len(w) - 1, 1, -1):
        if ok[k]:
            if w[:k] in lex:
                res = (k, ())
                break
            ks.append(k)
    res = (res[0], tuple(ks))
    remember(_LONGEST, w, res)
    return res
