"""``X⏎мен``, ``X⏎да``: the conjunction or particle written apart, or the case ending written joined
(round 18, for :func:`kaznlp.dehyphenate.learned._decide_plain` and :mod:`.men`): two names around
``мен``, a verb after it, and the same pair written within a line elsewhere in the text."""

from __future__ import annotations

import re

from kaznlp.lang.affixes import participle_endings
from kaznlp.lang.alphabet import VOWELS

from .evidence import Evidence
from .morph import PARTICLES

_PRESENT = re.compile("[аей]д[ыі]$")  # the present tense: ``байытыл-а-ды``, ``ойна-й-ды`` (not ``әдебиет-і``)


def verb_form(y: str) -> bool:
    """A participle, a converb or a present tense of 6+ letters: ``тартысып``, ``байытылады``."""
    return len(y) >= 6 and (y.endswith(participle_endings()) or (y[-2:] in ("ып", "іп") and y[-3] not in VOWELS)
                            or _PRESENT.search(y) is not None)


_NEXT_TOKEN = re.compile(r"[ \t]*[«“\"(]?([^\W\d_])")


def names_around_men(a: str, after: str) -> bool:
    """``Шәкәрім⏎мен Кәкітай``, ``Горбачев⏎пен Р. Рейган``: a capital on both sides of ``мен``, two names
    joined by the conjunction. 4+ letters: ``“Еге⏎мен Қазақстан”`` is one word cut."""
    m = _NEXT_TOKEN.match(after)
    return len(a) >= 4 and a[:1].isupper() and m is not None and m.group(1).isupper()


# the particle "too, even" (its four allomorphs); repeated after each word of a series: ``оқуды да, жұмысты да``
SERIES_PARTICLES = frozenset(("да", "де", "та", "те"))
_SERIES = re.compile(r"[ \t]*,[ \t]*[^\W\d_]+[ \t]+([^\W\d_]{2})(?![\w-])")


def particle_series(after: str) -> bool:
    """``айқайлай⏎да, жылай да``: after a comma the next word takes the particle too, a series of stressed
    words (the locative is not repeated so)."""
    m = _SERIES.match(after)
    return m is not None and m.group(1).lower() in SERIES_PARTICLES


# the question particle (its six allomorphs): ``берер ме едіңіз?``, ``әділдік пе?``
QUESTION_PARTICLES = frozenset(("ма", "ме", "ба", "бе", "па", "пе"))
_QUESTION = re.compile(r"[ \t]*(?:[^\W\d_]+[ \t]*)?\?")


def question_after(after: str) -> bool:
    """``берер⏎ме едіңіз?``: the question mark follows at most one word later, so ``ме`` is the question
    particle, which ends the question or comes before its auxiliary; the negative ``-ма/-ме`` takes more
    endings inside the word (``бермеді``)."""
    return _QUESTION.match(after) is not None


_PARTICLE_AFTER_SPACE = re.compile(r"[ \t](%s)(?![\w-])" % "|".join(sorted(PARTICLES, key=len, reverse=True)))


def _apart_pairs(text: str) -> frozenset[tuple[str, str]]:
    """``(word, particle)`` written apart within a line of ``text``, lower case (the particles found
    first, the word before each read back: a quarter of the time of one regex over every word pair)."""
    low, out = text.lower(), set()
    for m in _PARTICLE_AFTER_SPACE.finditer(low):
        j = m.start()
        while j and low[j - 1] in " \t":
            j -= 1
        k = j
        while k and low[k - 1].isalpha():
            k -= 1
        if k < j and not (k and (low[k - 1].isalnum() or low[k - 1] == "_")):
            out.add((low[k:j], m.group(1)))
    return frozenset(out)


def written_apart(ev: Evidence, a: str, b: str) -> bool:
    """The text writes ``a b`` (lower case) within a line and never ``ab``: ``Шарль де Голль``."""
    return (a, b) in ev.per_block("particles_apart", _apart_pairs) and not ev.in_doc(a + b)
