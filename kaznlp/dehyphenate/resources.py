from __future__ import annotations

from functools import lru_cache

from kaznlp._data import read_lines, read_text
from kaznlp.lang.lexicon import forms

from .chars import _CYR

#: the open word lists ``python -m training.build_lexicon --open-only`` writes into ``kaznlp/data``;
#: not shipped (docs/dehyphenate.md, *Open word lists*), so their absence is no broken install.
OPTIONAL = ("dehyph_unilex_kk.txt", "dehyph_hunspell_stems_kk.txt")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Word forms, and (left, right[:4]) pairs of hyphenated compounds (``күш``, ``жіге``)."""
    words = forms()  # kaznlp.lang.lexicon: the one loader of data/lexicon_kk.txt
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
