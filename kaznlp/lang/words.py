"""Kazakh function words and endings the rules check by membership, read from one data file.

``data/function_words_kk.tsv`` holds one row per word and role (a word may have several rows:
``мен`` is a conjunction, a particle and a suspender), so each step gets exactly the set it works
with: de-hyphenation's conjunctions, combining prefixes (``теле-``), particles, Arabic articles
(``әл-Фараби``), foreign name prefixes (``Нью-Йорк``), the tokenizer's inflected endings and the
auxiliaries of analytic verb forms (``болған жоқ``).

>>> "және" in words("conjunction"), "нью" in words("name_prefix"), "жоқ" in words("negation_auxiliary")
(True, True, True)

The file is read through :func:`kaznlp._data.read_lines` (the one loader: a missing file is a
:class:`FileNotFoundError` naming it), once, at first use.
"""

from __future__ import annotations

from functools import lru_cache

from .. import _data

__all__ = ["WORD_FILE", "ROLES", "words"]

WORD_FILE = "function_words_kk.tsv"
#: the roles of ``function_words_kk.tsv`` (its second column), in file order
ROLES = ("conjunction", "combining_prefix", "particle", "word_final_suffix", "suspender", "article",
         "name_prefix", "inline_inflected_ending", "token_inflected_ending", "negation_auxiliary",
         "evidential_auxiliary", "pronoun_head", "pronoun_tail")


@lru_cache(maxsize=None)
def _table() -> dict[str, frozenset[str]]:
    sets: dict[str, set[str]] = {role: set() for role in ROLES}
    for line in _data.read_lines(WORD_FILE):
        cols = line.split("\t")
        if len(cols) != 2 or not cols[0] or cols[0] != cols[0].strip().lower() or cols[1] not in sets:
            raise ValueError(f"kaznlp data file {WORD_FILE}: expected a lower-case word, a tab and one of "
                             f"{ROLES}, got {line!r}")
        sets[cols[1]].add(cols[0])
    return {role: frozenset(ws) for role, ws in sets.items()}


def words(role: str) -> frozenset[str]:
    """The words (or endings) of one role of ``function_words_kk.tsv``:

    * ``"conjunction"``: ``және``, ``немесе``, ``мен``: a hyphen before them may be suspended
      (``теле- және радиосюжеттер``); ``"suspender"``: the subset checked after ``"word- "``;
    * ``"combining_prefix"``: ``теле``, ``радио``, ``авиа`` (``теле-⏎радио`` keeps its hyphen);
    * ``"particle"``: ``да``, ``ғана``: written apart although they look like suffixes;
    * ``"word_final_suffix"``: ``лық``, ``лік``: a word ending so is whole (``-лық-⏎``);
    * ``"article"``: ``әл``, ``аль`` (``әл-Фараби``); ``"name_prefix"``: ``нью``, ``сан``
      (``Нью-Йорк``, ``Сан-Диего``);
    * ``"inline_inflected_ending"``, ``"token_inflected_ending"``: case and possessive endings
      that mark a word before a hyphen as inflected (de-hyphenation's and the tokenizer's sets);
    * ``"negation_auxiliary"`` (``жоқ``, ``емес``), ``"evidential_auxiliary"`` (``екен``),
      ``"pronoun_head"`` (``еш``), ``"pronoun_tail"`` (``нәрсе``): the analytic forms the
      tokenizer joins into one token (``болған жоқ``, ``еш нәрсе``).

    >>> sorted(words("article"))[:3], sorted(words("negation_auxiliary"))
    (['ад', 'ал', 'аль'], ['емес', 'жоқ'])
    >>> words("adverb")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown role 'adverb' of function_words_kk.tsv; the roles are conjunction, ...
    """
    table = _table()
    if role not in table:
        raise ValueError(f"unknown role {role!r} of {WORD_FILE}; the roles are {', '.join(ROLES)}")
    return table[role]
