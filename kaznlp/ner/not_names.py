"""Spans that are no name in written news (round 8 of issue 13), dropped by
:func:`kaznlp.ner.news_rules.name_steps`.

Each test is general (a kind of string, not a string) and was kept only because it raised the
cross-validated written-news dev F1 with no KazNERD dev-slice entity lost (``training/ner/README.md``,
round 8):

* a headline word: one all-capital word of five or more letters that KazNERD writes only in
  lower case inside a sentence (``ner_common_words_kk.txt``): ``ЖОЛДАУЫНЫҢ БАСЫМ БАҒЫТТАРЫН ІСКЕ
  [АСЫРУ] [БАРЫСЫ]``; a name in capitals (``ҚАЗАҚСТАН``) is no common word;
* a document number: a span that is a number sign and digits (``1996 ж., [N 1], 178-құжат``,
  ``[N 23]-V``): the annotation guideline gives document numbers no entity (a school named by
  its number, ``№44 орта мектеп``, stays);
* a code of one capital letter and one or two digits (``«[Р6]» санатындағы визалар``,
  ``«M1»``): a category or model code, no name;
* (:func:`is_acronym_person`, moved here from :mod:`.news_rules`) a PERSON of two to four capitals
  is an abbreviation (``МХР``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .._data import read_lines

__all__ = ["common_words", "is_not_a_name", "is_acronym_person"]

Span = tuple[int, int, str]

#: the classes a name-shaped string is wrongly given
_NAME_LABELS = frozenset({"PERSON", "GPE", "LOCATION", "ORGANISATION", "FACILITY", "POSITION"})
_DOCUMENT_NUMBER = re.compile(r"[N№]\s?\d+")
_CODE = re.compile(r"[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ]\d{1,2}")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Forms KazNERD writes only in lower case inside a sentence (``data/ner_common_words_kk.txt``):
    the one loader of that list (``kaznlp.ner.rules`` reads it here too)."""
    return frozenset(line.strip() for line in read_lines("ner_common_words_kk.txt"))


def is_not_a_name(text: str, span: Span) -> bool:
    """The span is a headline word in capitals, a document number or a letter-and-digit code.
    """
    start, end, label = span
    word = text[start:end]
    if _DOCUMENT_NUMBER.fullmatch(word):
        return label in _NAME_LABELS or label == "CARDINAL"
    if label not in _NAME_LABELS:
        return False
    if _CODE.fullmatch(word):
        return True
    return len(word) >= 5 and word.isalpha() and word.isupper() and word.lower() in common_words()


def is_acronym_person(text: str, span: Span) -> bool:
    """A PERSON that is one word of two to four capitals is an abbreviation, not a name
    (``МХР``, ``СӘ``): names are written with one capital, initials with a period (``А.А.``).
    """
    start, end, label = span
    if label != "PERSON" or not 2 <= end - start <= 4:
        return False
    word = text[start:end]
    return word.isalpha() and word.isupper()
