"""``X⏎мен``: the conjunction ``мен/бен/пен`` ("and") or the instrumental ending ``-мен`` ("with").

What the words after the break say, for :func:`kaznlp.dehyphenate.learned._decide_plain`: two nouns
ending alike are joined by the conjunction (``қайғысы⏎мен мұңы``); a verb, a participle or a
postposition of the instrumental follows the case ending (``кітаптар⏎мен танысты.``,
``әкем⏎мен бірге``)."""

from __future__ import annotations

import re
from functools import lru_cache

from kaznlp._data import read_lines
from kaznlp.lang.affixes import finite_endings, participle_endings
from kaznlp.lang.alphabet import VOWELS

from .morph import norm
from .particles import verb_form


# endings read alike across vowel harmony and consonant assimilation (``тер`` = ``лар``, ``сы`` = ``ы``)
_FOLD = str.maketrans("аеәыіұүоөдтлзсгкғқбпм", "AAAIIUUOODDDSSGGGGBBB")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)(?![\w-]|[ \t]*[.!?])")


def parallel_after_men(a: str, after: str) -> bool:
    """``қайғысы⏎мен мұңы``: the word after ``мен`` ends like the word before it (up to harmony), as two
    nouns joined by the conjunction do; the instrumental is followed by a verb or another phrase."""
    m = _NEXT_WORD.match(after)
    if m is None or len(a) < 3:
        return False
    y = m.group(1).lower()
    if len(y) < 3 or y in instrumental_postpositions() or verb_form(y):
        return False  # ``суреттер⏎мен қатар``: a postposition that governs the instrumental (round 15), a verb
    fa, fy = a.translate(_FOLD), y.translate(_FOLD)
    k = 1 if a[-1] in VOWELS else 2
    return fa[-k:] == fy[-k:]


_LAST_WORD = re.compile(r"[ \t]+([^\W\d_]{3,})[ \t]*[.!?]")
_NEXT_LONG = re.compile(r"[ \t]+([^\W\d_]{4,})(?![\w-])")
_NEXT_ANY = re.compile(r"[ \t]+([^\W\d_]+)(?![\w-])")


def verb_after_men(after: str) -> bool:
    """``кітаптар⏎мен танысты.``: the word after ``мен`` ends the sentence, so it is the verb, which the
    instrumental precedes and the conjunction never does. Lower case: not ``Ж.``, ``Оңт.``. Also a
    participle or converb of 6+ letters right after it (``Құнанбай⏎мен тартысып``)."""
    m = _LAST_WORD.match(after)
    if m is not None and m.group(1).islower() and norm(m.group(1)).endswith(finite_endings() + participle_endings()):
        return True  # not a noun ending the sentence: ``ойын⏎мен нәтиже.`` (round 18)
    m = _NEXT_ANY.match(after)
    if m is not None and m.group(1) in instrumental_postpositions():
        return True  # ``әкем⏎мен бірге``, ``айырмашылығы⏎мен ғана`` (a particle stresses the word before it)
    m = _NEXT_LONG.match(after)
    return m is not None and m.group(1).islower() and verb_form(norm(m.group(1)))


@lru_cache(maxsize=1)
def instrumental_postpositions() -> frozenset[str]:
    """``бірге``, ``қатар``: they follow the instrumental (``әкем⏎мен бірге``), never the conjunction."""
    return frozenset(read_lines("dehyph_postpositions_kk.txt"))


def instrumental_fits(a: str, b: str) -> bool:
    """``-мен`` after a vowel or a sonorant, ``-пен`` after a voiceless stop (``кітап+пен``): ``бірақ⏎мен``
    is no instrumental (that would be ``бірақпен``), so ``мен`` is a word (the pronoun "I")."""
    last = a[-1:]
    return not last or not (last in "кқптш" and b != "пен" or (last in VOWELS or last in "йлрмнң") and b != "мен")
