"""Kazakh spelling facts the rules read: word lists of de-hyphenation (conjunctions, combining
forms, particles, from ``data/function_words_kk.tsv`` via :mod:`kaznlp.lang.words`), acronyms, numbers, and the character model's one-word reading
(:mod:`kaznlp.lang.charlm`). Vowel classes, harmony and syllable breaks, the clitics and the
verb endings come from :mod:`kaznlp.lang` (issue 18: one home for each Kazakh fact).

>>> _is_acronym("ХСӘҚ"), _is_acronym("Корея"), _reads_as_one_word("күл", "кілі")
(True, False, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kaznlp._data import read_text
from kaznlp.lang import charlm
from kaznlp.lang.affixes import ONE_LETTER_CHAIN_PIECES
from kaznlp.lang.words import words

from .chars import _CYR, SOFT

# Words that follow a legitimate suspended hyphen: ``теле- және радиосюжеттер``.
CONJUNCTIONS = words("conjunction")
# International combining forms, written both joined and hyphenated (``телерадио`` /
# ``теле-радио``): before a whole word at a line end the hyphen is kept, when in doubt.
COMBINING = words("combining_prefix")
# Words that look like suffixes but are written apart: ``Ол да⏎келді`` stays two words.
PARTICLES = words("particle")
# First parts of hyphenated foreign names: ``Фон-⏎де-Гом``, ``Ван-⏎дер-Ваальс`` keep their hyphen.
NAME_PREFIXES = words("name_prefix")


# one-letter suffixes (accusative -н, possessive -ы/-і, dative -а/-е, ...): kaznlp.lang.affixes
_SINGLE = ONE_LETTER_CHAIN_PIECES
# word-final derivational suffixes: ``ветеринариялық-⏎санитариялық`` ends a whole word
_WORD_FINAL = tuple(sorted(words("word_final_suffix")))


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    w = word.lower().replace(SOFT, "")
    if ("i" in w or "ə" in w) and _CYR.search(w):
        w = w.replace("i", "і").replace("ə", "ә")  # Latin lookalikes, as in the lexicon
    return w


def _is_acronym(a: str) -> bool:
    """``ХСӘҚ``, ``КСРО``, and mixed-case abbreviations ``ДжИ``, ``ҚазПИ`` (2+ capitals, at
    least 40 % of the letters): a suffix after them keeps its hyphen."""
    letters = [c for c in a if c.isalpha()]
    if not 2 <= len(letters) <= 8:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper == len(letters) or (upper >= 2 and upper * 5 >= len(letters) * 2)


def _ends_number(a: str) -> bool:
    return bool(a) and (a[-1].isdigit() or a[-1] == "%")


# ``split_gain`` above which two pieces read as one word: the one-word reading is the more likely
# (on dev, 0 and 2 destroy no more real hyphens than keeping them all; 0 repairs the most)
ONE_WORD_GAIN = 0.0


def _reads_as_one_word(a: str, b: str) -> bool:
    """Does ``a + b`` read as one Kazakh word rather than two (:func:`kaznlp.lang.charlm.split_gain`)?
    ``ғима|раттың`` +: yes; ``зәре|құтын``, ``бірімен|бірі`` −: no. Cyrillic pieces only."""
    if not (_CYR.match(a) and _CYR.match(b) and a.isalpha() and b.isalpha()) or not charlm.available():
        return False
    return charlm.split_gain(a, b) > ONE_WORD_GAIN


# ``split_gain`` under which two pieces read as two words, clearly (``әдеби|сын`` −8.6; a case
# ending after a loan reads near 0 or above: ``такси|ден`` −1.2, ``кеннеди|дің`` −0.4)
TWO_WORDS_GAIN = -4.0


def _two_words(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` clearly read as two words (:func:`kaznlp.lang.charlm.split_gain` < −4)?"""
    if not (_CYR.match(a) and _CYR.match(b) and a.isalpha() and b.isalpha()) or not charlm.available():
        return False
    return charlm.split_gain(a, b) < TWO_WORDS_GAIN


# the end of a Russian-style surname (Бердімұрат|ов, Бозымба|евтың): [letters] ов / ев (+ а)
_SURNAME = re.compile(r"[^\W\d_]*?[оеё]ва?")



@lru_cache(maxsize=1)
def closed_compounds() -> frozenset[str]:
    """Closed compounds of the Kazakh Hunspell dictionary, two free words written as one
    (``кертартпа``, ``қолшатыр``): ``data/dehyph_compounds_kk.txt``, built by
    ``python -m training.build_dehyph_compounds`` (MPL-1.1, sources in its header). The shipped
    file is front-coded (:func:`front_decode`: 34 → 25 KB); a plain list reads the same."""
    return frozenset(front_decode(w for w in read_text("dehyph_compounds_kk.txt").split("\n")
                                  if w and not w.startswith("#")))


def front_decode(lines: Iterable[str]) -> list[str]:
    """A sorted word list, front-coded: a line ``4тану`` after ``абайсыздық`` is that word's first 4
    letters + ``тану`` = ``абайтану``; a line with no leading digit is the word itself (no Kazakh
    word starts with a digit).

    >>> front_decode(["абайсызда", "8ық", "4тану"])
    ['абайсызда', 'абайсыздық', 'абайтану']
    """
    out: list[str] = []
    prev = ""
    for line in lines:
        if line[:1].isdigit():
            line = prev[:int(line[0])] + line[1:]
        out.append(line)
        prev = line
    return out
