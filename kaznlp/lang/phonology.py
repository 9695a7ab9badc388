"""Vowel harmony and syllable breaks of Kazakh words.

In a native Kazakh word the vowels are all back (``қазақ``) or all front (``мемлекет``), and a
suffix follows the last vowel of its stem (``қазақтар``, ``мемлекеттер``). De-hyphenation reads
this to tell a suffix from a word after a broken line (``жетіс|тіктерді``: one word;
``зәре|құтын``: two); it also needs where a word may be broken at all (:func:`syllable_break`).

>>> harmony("мемлекет"), harmony("қазақ"), harmony("су")
('front', 'back', None)
>>> harmony_clash("зәре", "құтын"), syllable_break("жетіс", "тіктерді")
(True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from .alphabet import AMBIGUOUS_VOWELS, BACK_VOWELS, FRONT_VOWELS, KAZAKH_LETTERS, PURE_VOWELS, RUSSIAN_LOAN_LETTERS

__all__ = ["harmony", "vowels_agree", "harmony_clash", "syllable_break"]

_KAZ_ONLY = re.compile(f"[{KAZAKH_LETTERS}]")
_RUS_ONLY = re.compile(f"[{RUSSIAN_LOAN_LETTERS}]")
# a vowel of a row (back or front), and any vowel (the ambiguous и у ю я э ё too)
_ROW_VOWEL = re.compile("[" + "".join(sorted(BACK_VOWELS | FRONT_VOWELS)) + "]")
_ANY_VOWEL = re.compile("[" + "".join(sorted(BACK_VOWELS | FRONT_VOWELS | AMBIGUOUS_VOWELS)) + "]")


def harmony(word: str) -> Literal["back", "front"] | None:
    """The row of ``word``'s last native vowel: ``"back"`` (а о ұ ы) or ``"front"`` (ә ө ү і е),
    the row its suffixes take; None when it has none (``су``: у is either row). Capitals count
    as their lower-case letters (``ҚАЗАҚ``).

    >>> harmony("қазақ"), harmony("мемлекет"), harmony("университет"), harmony("радио")
    ('back', 'front', 'front', 'back')
    """
    for c in reversed(word.lower()):
        if c in BACK_VOWELS:
            return "back"
        if c in FRONT_VOWELS:
            return "front"
    return None


@lru_cache(maxsize=65536)
def vowels_agree(a: str, b: str) -> bool | None:
    """Do the last vowel of ``a`` and the first vowel of ``b`` agree in backness?

    A suffix agrees with its stem (``бөлме|лері``: е…е, ``айна|ласындағы``: а…а), also after
    loanwords, so a clash (``самай|шеке``: а…е, ``деректері|қорымдар``: і…о) says the second
    piece is a word, not a suffix. None when a vowel is missing or ambiguous (и у ю я э ё).

    >>> vowels_agree("бөлме", "лері"), vowels_agree("самай", "шеке"), vowels_agree("такси", "ге")
    (True, False, None)
    """
    ma = _ANY_VOWEL.search(a[::-1])  # (the last vowel of ``a``; a regex over the reversed word)
    mb = _ANY_VOWEL.search(b)
    if ma is None or mb is None:
        return None
    va, vb = ma.group(), mb.group()
    if va in AMBIGUOUS_VOWELS or vb in AMBIGUOUS_VOWELS:
        return None
    return (va in BACK_VOWELS) == (vb in BACK_VOWELS)


@lru_cache(maxsize=65536)
def harmony_clash(a: str, b: str) -> bool:
    """The last vowel of ``a`` and the first vowel of ``b`` differ in backness.

    Inside a native Kazakh word the vowels agree (``жетіс|тіктерді``: і…і), so a break
    between a front and a back vowel points to two words (``зәре|құтын``: е…ұ).
    Ambiguous letters (и у ю я э ё) are skipped. No clash is claimed before the instrumental
    ``мен/бен/пен`` (it does not harmonise: ``ұшақ|пен``), in a word without a Kazakh-only
    letter or with a Russian-only one, or before ``о``/``ө`` (loanwords: ``Маке|дониядағы``,
    ``лей|бористік``).

    >>> harmony_clash("зәре", "құтын"), harmony_clash("жетіс", "тіктерді"), harmony_clash("ұшақ", "пен")
    (True, False, False)
    """
    if b.startswith(("мен", "бен", "пен")):
        return False  # the instrumental suffix does not harmonise: ұшақ|пен
    ab = a + b
    if not _KAZ_ONLY.search(ab) or _RUS_ONLY.search(ab) or "о" in b or "ө" in b:
        return False  # loanwords (Маке|дониядағы, лей|бористік) do not follow harmony
    ma = _ROW_VOWEL.search(a[::-1])
    mb = _ROW_VOWEL.search(b)
    return ma is not None and mb is not None and ((ma.group() in BACK_VOWELS) != (mb.group() in BACK_VOWELS))


@lru_cache(maxsize=65536)
def syllable_break(a: str, b: str) -> bool:
    """Can a word be broken between ``a`` and ``b``?

    Inside a Kazakh word a syllable starts with a consonant, and at least two
    letters stay on each side (lefthyphenmin = righthyphenmin = 2), so
    ``бозды|еркекшөпті`` and ``ғ|ларда`` are not word breaks, ``жетіс|тіктерді`` is.
    ``a`` is the text before the break (its last run of letters counts), ``b`` the text after.

    >>> syllable_break("жетіс", "тіктерді"), syllable_break("бозды", "еркекшөпті"), syllable_break("ғ", "ларда")
    (True, False, False)
    """
    # (at least two letters: the last two characters are letters)
    return len(a) >= 2 and a[-1].isalpha() and a[-2].isalpha() and len(b) >= 2 and b[0] not in PURE_VOWELS
