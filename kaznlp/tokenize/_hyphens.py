"""Hyphenated words: where the hyphen separates two tokens (UD Kazakh-KTB rules)."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import _data
from .._validate import check_text
from ..lang.affixes import clitics, number_suffixes, suffixes_of
from ..lang.tokens import HYPHEN
from ..lang.words import words


_HYPHENS = re.compile(HYPHEN)
_SUFFIX_SET = frozenset(number_suffixes())
_ABLATIVE = suffixes_of("ablative")  # "күннен-күнге": ablative then dative of one word
# Endings that surely mark an inflected word (not those shared with derivation): the first part
# of a paired word never inflects, so "жайылымдарда-мал" is a dash typed without spaces (UD KTB).
_INFLECTED = tuple(sorted(words("token_inflected_ending")))
_CLITICS = clitics("token")  # kept in the token after a hyphen: "тұрғындары-ақ"
_DATIVE = suffixes_of("dative")


def _starts_with_any(word: str, stems: frozenset[str]) -> bool:
    return any(word.startswith(stem) for stem in stems)


def _pair_splits(left: str, right: str, first: bool) -> bool:
    """Does the hyphen between ``left`` and ``right`` separate two tokens (:func:`hyphen_cuts`;
    data in ``data/hyphen_words.tsv``)? "ағылшын-парсы", "бес-алты", "Бұл-біздің", "ағасы-Эдуард"."""
    words = _data.hyphen_words()
    lo_left, lo_right = left.lower(), right.lower()
    if lo_left == lo_right or (lo_right.startswith(lo_left) and lo_right[len(lo_left):] not in _DATIVE + _ABLATIVE):
        return False  # reduplication: "жиі-жиі", "бір-бірімен", "Келе-келе"
    if lo_right.startswith(lo_left):
        return True  # "ауыл-ауылдан", "қала-қалаға"
    if lo_left.endswith(_ABLATIVE) and lo_right.endswith(_DATIVE) and lo_left[:2] == lo_right[:2]:
        return True  # "күннен-күнге"
    if _starts_with_any(lo_left, words["ethnonym"]) and _starts_with_any(lo_right, words["ethnonym"]):
        return True
    if lo_left in words["numeral"] and lo_right in words["numeral"]:
        return True
    if first and lo_left in words["pronoun"]:
        return True
    if first and left.islower() and right[:1].isupper() and lo_left not in words["article"]:
        return True
    if first and left.islower() and len(left) >= 7 and left.endswith(_INFLECTED) \
            and lo_right not in _CLITICS and lo_right not in _SUFFIX_SET:  # not "тұрғындары-ның"
        return True
    return False


def _compound_cuts(word: str) -> tuple[int, ...]:
    """Offsets in ``word`` of the hyphens that :func:`_pair_splits` says separate tokens."""
    pieces = _HYPHENS.split(word)
    if len(pieces) > 4 or not all(p and not p[0].isdigit() for p in pieces):
        return ()
    cuts = []
    pos = 0
    for i in range(len(pieces) - 1):
        pos += len(pieces[i])
        if _pair_splits(pieces[i], pieces[i + 1], i == 0):
            cuts.append(pos)
        pos += 1
    return tuple(cuts)


def hyphen_cuts(word: str) -> tuple[int, ...]:
    """The offsets in ``word`` of the hyphens that separate tokens (UD Kazakh-KTB rules).

    Most hyphenated words stay whole; a hyphen is a cut between two ethnonyms or two numerals,
    after a pronoun, before a name after a lower-case word, in a word repeated with its own
    case ending, and after a long inflected word (a dash typed without spaces).

    >>> hyphen_cuts("жиырма-отыз"), hyphen_cuts("ауыл-ауылдан"), hyphen_cuts("Қасым-Жомарт")
    ((6,), (4,), ())
    """
    if type(word) is not str:
        check_text(word, "tokenize.hyphen_cuts")
    return _cuts(word)


# news repeats its compounds ("Сондай-ақ", "ҚР-ның"); long words are not kept
_cached_cuts = lru_cache(maxsize=4096)(_compound_cuts)


def _cuts(word: str) -> tuple[int, ...]:
    """:func:`_compound_cuts` of a hyphenated word, cached for the short ones."""
    return _cached_cuts(word) if len(word) <= 64 else _compound_cuts(word)
