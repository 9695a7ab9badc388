"""Readers for the data files in ``kaznlp/data`` (loaded once, at first use)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("kaznlp").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def abbreviations() -> dict[str, str]:
    """``{abbreviation (lower case): class}`` from ``abbreviations.tsv``."""
    table: dict[str, str] = {}
    for line in _lines("abbreviations.tsv"):
        cols = line.split("\t")
        table[cols[0].lower()] = cols[1]
    return table


@lru_cache(maxsize=None)
def suffixes() -> tuple[str, ...]:
    """Suffix morphemes that stay glued to a number with a hyphen (``suffixes.txt``)."""
    seen: dict[str, None] = {}
    for line in _lines("suffixes.txt"):
        for word in line.split():
            seen[word] = None
    return tuple(seen)


@lru_cache(maxsize=None)
def tlds() -> tuple[str, ...]:
    """Top-level domains that make ``word.tld`` a domain token (``tlds.txt``)."""
    return tuple(w for line in _lines("tlds.txt") for w in line.split())


@lru_cache(maxsize=None)
def hyphen_words() -> dict[str, frozenset[str]]:
    """``{class: words}`` from ``hyphen_words.tsv`` (ethnonym, numeral, pronoun, article)."""
    table: dict[str, set[str]] = {}
    for line in _lines("hyphen_words.tsv"):
        word, cls = line.split("\t")[:2]
        table.setdefault(cls, set()).add(word)
    return {cls: frozenset(words) for cls, words in table.items()}
