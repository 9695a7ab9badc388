"""Kazakh spelling facts the rules read: word lists, vowel harmony, syllable breaks, acronyms,
and the character model's one-word reading (:mod:`kaznlp.lang.charlm`).

>>> _harmony_clash("зәре", "құтын"), _syllable_break("жетіс", "тіктерді")
(True, True)
"""

from __future__ import annotations

import re

from kaznlp.lang import charlm

from .chars import _CYR, SOFT

# Words that follow a legitimate suspended hyphen: ``теле- және радиосюжеттер``.
CONJUNCTIONS = frozenset("және мен бен пен немесе не әрі я яки һәм да де та те".split())
# Enclitics written with a hyphen: ``сондай-ақ``, ``жоқ-ау``.
CLITICS = frozenset("ақ ау ай ей ғой екен мыс міс".split())  # ұшырайды-мыс, келеді-міс
# International combining forms, written both joined and hyphenated (``телерадио`` /
# ``теле-радио``): before a whole word at a line end the hyphen is kept, when in doubt.
COMBINING = frozenset("теле радио авиа авто агро аэро био вело видео гидро евро кибер медиа мега "
                      "микро мини мото нано супер фото эко электро экс вице контр интернет онлайн веб".split())
# Words that look like suffixes but are written apart: ``Ол да⏎келді`` stays two words.
PARTICLES = frozenset("да де та те ма ме ба бе па пе мен бен пен ше ғой шама дейін бас ғана қана".split())


# one-letter suffixes (accusative -н, possessive -ы/-і, dative -а/-е, ...)
_SINGLE = frozenset("ыіаейнмңуп")
_VERB_3SG = frozenset(("ды", "ді", "ты", "ті"))  # жайратады-мыс: the clitic follows a finite verb
# word-final derivational suffixes: ``ветеринариялық-⏎санитариялық`` ends a whole word
_WORD_FINAL = ("лық", "лік", "дық", "дік", "тық", "тік")


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


_VOWEL_START = frozenset("аәоөұүыіэе")


def _syllable_break(a: str, b: str) -> bool:
    """Can a word be broken between ``a`` and ``b``?

    Inside a Kazakh word a syllable starts with a consonant, and at least two
    letters stay on each side (lefthyphenmin = righthyphenmin = 2), so
    ``бозды|еркекшөпті`` and ``ғ|ларда`` are not word breaks, ``жетіс|тіктерді`` is.
    """
    la = 0
    for c in reversed(a):
        if not c.isalpha():
            break
        la += 1
    return la >= 2 and len(b) >= 2 and b[0] not in _VOWEL_START


def _ends_number(a: str) -> bool:
    return bool(a) and (a[-1].isdigit() or a[-1] == "%")


_BACK = frozenset("аоұы")
_FRONT = frozenset("әөүіе")
_AMBIG = frozenset("иуюяэё")
VOWELS = _BACK | _FRONT | _AMBIG  # every Kazakh Cyrillic vowel letter (и, у: vowel or glide)
_KAZ_ONLY = re.compile("[әөүұқғңһі]")
_RUS_ONLY = re.compile("[вфцчщъьэюяё]")


def _vowels_agree(a: str, b: str) -> bool | None:
    """Do the last vowel of ``a`` and the first vowel of ``b`` agree in backness?

    A suffix agrees with its stem (``бөлме|лері``: е…е, ``айна|ласындағы``: а…а), also after
    loanwords, so a clash (``самай|шеке``: а…е, ``деректері|қорымдар``: і…о) says the second
    piece is a word, not a suffix. None when a vowel is missing or ambiguous (и у ю я э ё).
    """
    va = next((c for c in reversed(a) if c in _BACK or c in _FRONT or c in _AMBIG), "")
    vb = next((c for c in b if c in _BACK or c in _FRONT or c in _AMBIG), "")
    if not va or not vb or va in _AMBIG or vb in _AMBIG:
        return None
    return (va in _BACK) == (vb in _BACK)


def _harmony_clash(a: str, b: str) -> bool:
    """The last vowel of ``a`` and the first vowel of ``b`` differ in backness.

    Inside a native Kazakh word the vowels agree (``жетіс|тіктерді``: і…і), so a break
    between a front and a back vowel points to two words (``зәре|құтын``: е…ұ).
    Ambiguous letters (и у ю я э ё) are skipped.
    """
    if b.startswith(("мен", "бен", "пен")):
        return False  # the instrumental suffix does not harmonise: ұшақ|пен
    if not _KAZ_ONLY.search(a + b) or _RUS_ONLY.search(a + b) or "о" in b or "ө" in b:
        return False  # loanwords (Маке|дониядағы, лей|бористік) do not follow harmony
    va = next((c for c in reversed(a) if c in _BACK or c in _FRONT), "")
    vb = next((c for c in b if c in _BACK or c in _FRONT), "")
    return bool(va and vb) and ((va in _BACK) != (vb in _BACK))
# ``split_gain`` above which two pieces read as one word: the one-word reading is the more likely
# (on dev, 0 and 2 destroy no more real hyphens than keeping them all; 0 repairs the most)
ONE_WORD_GAIN = 0.0


def _reads_as_one_word(a: str, b: str) -> bool:
    """Does ``a + b`` read as one Kazakh word rather than two (:func:`kaznlp.lang.charlm.split_gain`)?
    ``ғима|раттың`` +: yes; ``зәре|құтын``, ``бірімен|бірі`` −: no. Cyrillic pieces only."""
    if not (_CYR.match(a) and _CYR.match(b) and a.isalpha() and b.isalpha()) or not charlm.available():
        return False
    return charlm.split_gain(a, b) > ONE_WORD_GAIN


# the end of a Russian-style surname (Бердімұрат|ов, Бозымба|евтың): [letters] ов / ев (+ а)
_SURNAME = re.compile(r"[^\W\d_]*?[оеё]ва?")

