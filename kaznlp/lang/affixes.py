"""Kazakh suffixes, clitic particles and verb endings, read from the data files.

One suffix inventory (``data/affixes_kk.tsv``) and one clitic list (``data/clitics_kk.tsv``),
each row marked with the uses it has, so every step gets exactly the set it works with:

>>> "нің" in number_suffixes(), "нің" in suffix_allomorphs(), "шылық" in number_suffixes()
(True, True, False)
>>> sorted(clitics("inline")), participle_endings()
(['ай', 'ау', 'ақ', 'ей'], ('ған', 'ген', 'қан', 'кен'))

Both files are read through :func:`kaznlp._data.read_lines` (the one loader: a missing file is a
:class:`FileNotFoundError` naming it), once, at first use.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal, NamedTuple

from .. import _data

__all__ = ["Suffix", "suffixes", "number_suffixes", "suffix_allomorphs", "suffixes_of", "participle_endings",
           "finite_endings", "GRAMMAR", "CLITIC_ROLES", "clitics"]

SUFFIX_FILE = "affixes_kk.tsv"
CLITIC_FILE = "clitics_kk.tsv"
ENDINGS = ("participle", "finite")
#: the labels of the grammar column of ``affixes_kk.tsv``
GRAMMAR = ("genitive", "accusative", "dative", "locative", "ablative", "instrumental", "similative", "equative",
           "limitative", "plural", "possessive", "person", "relative", "ordinal/collective", "derivational",
           "verbal", "loanword ending")
#: the roles of ``clitics_kk.tsv``, its columns after the clitic
CLITIC_ROLES = ("token", "hyphenated", "inline")

#: One-letter suffixes after a stem, in the order normalize tries them when it reads a damaged word
#: as stem + suffixes: possessive ``ы``/``і`` (``үйі``), accusative ``н`` (``үйін``), dative
#: ``а``/``е`` (``маған``), ``й`` and ``у`` of verb forms (``барай``, ``бару``).
ONE_LETTER_SUFFIXES = ("ы", "і", "н", "а", "е", "й", "у")
#: The one-letter pieces de-hyphenation lets a suffix chain hold: the above plus ``м``/``ң`` of the
#: first/second person (``атам``, ``атаң``) and the converb ``п`` (``барып``).
ONE_LETTER_CHAIN_PIECES = frozenset("ыіаейнмңуп")
CliticRole = Literal["token", "hyphenated", "inline"]


class Suffix(NamedTuple):
    """One row of ``affixes_kk.tsv``."""

    form: str                 #: the suffix, lower case: ``"нің"``
    after_number: bool        #: stays in one token after a number and a hyphen: ``"80-нен"``
    in_chain: bool            #: an allomorph of stem + suffix chains (de-hyphenation, normalization)
    ending: str               #: ``"participle"`` (``-ған``), ``"finite"`` (``-ды``) or ``""``
    grammar: tuple[str, ...]  #: what it is: ``("genitive",)``, ``("ablative", "derivational")``, ...


def _flag(value: str, name: str, line: str) -> bool:
    if value not in ("0", "1"):
        raise ValueError(f"kaznlp data file {name}: column value {value!r} is not 0 or 1 in line {line!r}")
    return value == "1"


def _columns(name: str, line: str, n: int) -> list[str]:
    cols = line.split("\t")
    if len(cols) != n or not cols[0] or cols[0] != cols[0].strip().lower():
        raise ValueError(f"kaznlp data file {name}: expected {n} tab-separated columns and a lower-case "
                         f"form first, got {line!r}")
    return cols


@lru_cache(maxsize=None)
def suffixes() -> tuple[Suffix, ...]:
    """Every row of ``affixes_kk.tsv``, in file order.

    >>> next(s for s in suffixes() if s.form == "ған")
    Suffix(form='ған', after_number=False, in_chain=True, ending='participle', grammar=('verbal',))
    """
    out = []
    for line in _data.read_lines(SUFFIX_FILE):
        form, number, chain, ending, grammar = _columns(SUFFIX_FILE, line, 5)
        if ending != "-" and ending not in ENDINGS:
            raise ValueError(f"kaznlp data file {SUFFIX_FILE}: ending {ending!r} is not one of {ENDINGS} or '-'")
        labels = tuple(g.strip() for g in grammar.split(","))
        if not set(labels) <= set(GRAMMAR):
            raise ValueError(f"kaznlp data file {SUFFIX_FILE}: grammar {grammar!r} is not made of {GRAMMAR}")
        out.append(Suffix(form, _flag(number, SUFFIX_FILE, line), _flag(chain, SUFFIX_FILE, line),
                          "" if ending == "-" else ending, labels))
    return tuple(out)


@lru_cache(maxsize=None)
def number_suffixes() -> tuple[str, ...]:
    """Suffixes that stay glued to a number or a symbol with a hyphen, in file order: ``"80-нен"``,
    ``"55-ші"``, ``"63%-ы"`` are one token each (UD Kazakh-KTB). The tokenizer's set."""
    return tuple(s.form for s in suffixes() if s.after_number)


@lru_cache(maxsize=None)
def suffix_allomorphs() -> frozenset[str]:
    """Suffix allomorphs of stem + suffix chains (``тарымен`` = ``тар`` + ``ы`` + ``мен``) and of a
    line that starts with a suffix (``цифр|лық``): de-hyphenation's and normalization's set."""
    return frozenset(s.form for s in suffixes() if s.in_chain)


@lru_cache(maxsize=None)
def suffixes_of(grammar: str) -> tuple[str, ...]:
    """The forms of one :data:`GRAMMAR` label, in file order: the ablative after ``күннен`` in
    ``күннен-күнге``, the dative after it.

    >>> suffixes_of("ablative")
    ('дан', 'ден', 'тан', 'тен', 'нан', 'нен')
    >>> suffixes_of("dative")
    ('ға', 'ге', 'қа', 'ке', 'на', 'не', 'а', 'е')
    """
    if grammar not in GRAMMAR:
        raise ValueError(f"unknown grammar label {grammar!r}: expected one of {', '.join(GRAMMAR)}")
    return tuple(s.form for s in suffixes() if grammar in s.grammar)


@lru_cache(maxsize=None)
def participle_endings() -> tuple[str, ...]:
    """The past participle endings: ``болған``, ``көрген``, ``салған-ды``."""
    return tuple(s.form for s in suffixes() if s.ending == "participle")


@lru_cache(maxsize=None)
def finite_endings() -> tuple[str, ...]:
    """The third-person past endings of a finite verb: ``келді``, ``өткізді``, ``айтты``, ``жайратады-мыс``
    (also the accusative after a consonant: ``кітапты``; the caller decides which it reads)."""
    return tuple(s.form for s in suffixes() if s.ending == "finite")


@lru_cache(maxsize=None)
def _clitic_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {role: set() for role in CLITIC_ROLES}
    for line in _data.read_lines(CLITIC_FILE):
        cols = _columns(CLITIC_FILE, line, 2 + len(CLITIC_ROLES))
        for role, value in zip(CLITIC_ROLES, cols[1:-1]):
            if _flag(value, CLITIC_FILE, line):
                table[role].add(cols[0])
    return {role: frozenset(words) for role, words in table.items()}


def clitics(role: CliticRole) -> frozenset[str]:
    """The clitic particles of one role of ``clitics_kk.tsv``:

    * ``"token"``: kept in one token after a hyphen (``тұрғындары-ақ``): the tokenizer's set;
    * ``"hyphenated"``: ``word-clitic`` is a hyphenated form (``сондай-ақ``, ``келеді-міс``): a
      hyphen before it is real (de-hyphenation);
    * ``"inline"``: after ``"word- "`` it rejoins with its hyphen (``сондай- ақ`` -> ``сондай-ақ``).

    >>> sorted(clitics("hyphenated") - clitics("token")), sorted(clitics("token") - clitics("hyphenated"))
    (['ей', 'екен'], ['ше', 'шы', 'ші', 'қой'])
    """
    table = _clitic_table()
    if role not in table:
        raise ValueError(f"unknown clitic role {role!r}: expected one of {', '.join(CLITIC_ROLES)}")
    return table[role]
