"""Russian letters typed for Kazakh ones (``кажет`` → ``қажет``): the ``russian_letters`` step.

A typist without a Kazakh keyboard layout writes the nearest Russian letter: ``а`` for ``ә``, ``о``
for ``ө``, ``у`` for ``ү``/``ұ``, ``к`` for ``қ``, ``г`` for ``ғ``, ``н`` for ``ң``, ``и`` for
``і``, ``х`` for ``һ``. KazQAD wiki (dev) writes ``отыру кажет``, ``құрамына карай``,
``биологиялык белсенді заттар``, ``Мектеп окушыларына``; apertium (dev) ``кызмет көрсетудің``.
Every letter of such a word is a real Russian letter, so no per-letter rule sees it.

A word is repaired when all of these hold (:func:`_step_russian_letters`):

* it is a lower-case Cyrillic word of four letters or more that is no known Kazakh form
  (:func:`._lexicon._attested`: the corpus lexicon, the open word lists, which hold the Russian
  words of the Kazakh web too, and known form + known suffixes);
* exactly one known Kazakh form reads as it with Kazakh letters put back (:func:`_readings`: the
  word, or a known stem and a chain of known suffixes, each letter either as typed or the Kazakh
  letter the typist's one stands for); two readings (``кала``: ``қала``, ``қала``… any tie) leave it
  a suspect;
* its line is Kazakh: ``ұ`` (a letter only Kazakh of the Cyrillic Turkic alphabets has), or ``і``
  with one of ``ә ғ қ ң ө ү`` (no Ukrainian word has those), or, for a line typed entirely on a
  Russian layout, three or more words of three letters or more of which four in five are known
  Kazakh forms or read as one; and no letter only a sister language has (Tatar ``җ``, Bashkir
  ``ҙ ҫ``, Uzbek ``ў ҳ`` …) within 250 characters. Russian lines have none of these.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .._data import read_lines
from ._lexicon import _SINGLE_SUFFIX, _attested, _latin_words, _open_forms, _suffix_chain, _suffix_index
from ..lang.affixes import suffixes_of
from ..lang.alphabet import BACK_VOWELS, FRONT_VOWELS
from ..lang.lexicon import forms_and_parts

# the Russian letter a Kazakh letter is typed as without a Kazakh layout; і as и only in a line typed
# without any Kazakh letter (where the line has і, an и is the writer's: ислами, естиді, актин)
_PARTIAL = {"ә": "а", "ө": "о", "ү": "у", "ұ": "у", "қ": "к", "ғ": "г", "ң": "н", "һ": "х"}
_TYPED_AS = (_PARTIAL, {**_PARTIAL, "і": "и"})
_SKELETON = tuple(str.maketrans(t) for t in _TYPED_AS)
# a lower-case word, not the second part of a hyphenated name (аль-ансар)
_WORD_RE = re.compile(r"(?<![^\W\d_])(?<!-)[А-ЯЁа-яёәғқңөұүһі][а-яёәғқңөұүһі]{3,}(?![^\W\d_])")
_LINE_WORD_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]{3,}(?![^\W\d_])")
_KAZAKH_ONLY_RE = re.compile("[ҰұӘәҒғҚқҢңӨөҮүІі]")
_SISTER_TEXT_RE = re.compile("[ҙҘҫҪҗҖӑӐӗӖҹҸҷҶӣӢӯӮўЎҳҲӝӜӟӞӓӒӥӤӵӴӹӸӌӋԓԒҧҦҟҞ]")
_CONTEXT = 250
_NOTE = "Russian letter typed for a Kazakh one"
_NOTE_AMBIGUOUS = "may be a Kazakh word typed with Russian letters; more than one reading is a known form"
_MAX_READINGS = 8
_INFLECTION = ("plural", "genitive", "dative", "locative", "ablative", "accusative", "instrumental")


@lru_cache(maxsize=1)
def _reading_forms() -> frozenset[str]:
    """The forms a reading may be: the corpus lexicon and the Hunspell stems, not the Unilex web list
    (a web corpus holds the very damage repaired here, and its junk: it only ever blocks a repair)."""
    return forms_and_parts() | frozenset(read_lines("normalize_hunspell_kk.txt"))


@lru_cache(maxsize=2)
def _skeleton_index(layout: int) -> dict[str, tuple[str, ...]]:
    """Known Kazakh forms with a Kazakh letter, by the word a Russian layout types for them
    (``layout`` 1: і typed as и too)."""
    out: dict[str, set[str]] = {}
    for f in _reading_forms():
        sk = f.translate(_SKELETON[layout])
        if sk != f:
            out.setdefault(sk, set()).add(f)
    return {k: tuple(sorted(v)) for k, v in out.items()}


@lru_cache(maxsize=2)
def _suffixes_by_skeleton(layout: int) -> dict[str, tuple[str, ...]]:
    """Suffix allomorphs (and the one-letter suffixes) by the first letter a Russian layout types."""
    out: dict[str, set[str]] = {}
    for group in _suffix_index().values():
        for s in group:
            out.setdefault(s[0].translate(_SKELETON[layout]), set()).add(s)
    for s in _SINGLE_SUFFIX:
        out.setdefault(s.translate(_SKELETON[layout]), set()).add(s)
    return {k: tuple(v) for k, v in out.items()}


def _fits(form: str, typed: str, layout: int) -> bool:
    """Could ``typed`` be ``form`` typed on a Russian layout (each letter as is or its stand-in)?"""
    table = _TYPED_AS[layout]
    return len(form) == len(typed) and all(f == t or table.get(f) == t for f, t in zip(form, typed))


def _chains(rest: str, layout: int, depth: int = 0) -> list[str]:
    """Suffix chains (one to four known suffixes) that ``rest`` can be typed for."""
    if not rest:
        return [""]
    if depth == 4:
        return []
    out = []
    for s in _suffixes_by_skeleton(layout).get(rest[0], ()):
        if _fits(s, rest[:len(s)], layout):
            out += [s + tail for tail in _chains(rest[len(s):], layout, depth + 1)]
            if len(out) > _MAX_READINGS:
                break
    return out


def _whole_form(w: str) -> bool:
    """A whole form of the corpus lexicon or the open word lists (no suffix chain)."""
    return w in forms_and_parts() or w in _open_forms() or w in _latin_words()[0]


def _readings(word: str, layout: int) -> list[str]:
    """The known Kazakh forms, other than ``word``, that ``word`` (lower case) can be typed for:
    a whole form of the lists, or a known stem of three letters or more and a chain of known
    suffixes (``окушыларына`` → ``оқушыларына``, ``тарихка`` → ``тарих`` + ``қа``)."""
    index, skeleton = _skeleton_index(layout), _SKELETON[layout]
    found = {f for f in index.get(word.translate(skeleton), ()) if _fits(f, word, layout)}
    known = _reading_forms()
    for i in range(len(word) - 1, 2, -1):
        head, rest = word[:i], word[i:]
        stems = [f for f in index.get(head.translate(skeleton), ()) if _fits(f, head, layout)]
        if head in known:
            stems.append(head)
        if not stems:
            continue
        for chain in _chains(rest, layout):
            found.update(stem + chain for stem in stems)
        if len(found) > _MAX_READINGS:
            break
    found.discard(word)
    return sorted(found)


def _disharmonic(w: str) -> bool:
    return not BACK_VOWELS.isdisjoint(w) and not FRONT_VOWELS.isdisjoint(w)


def _known_as_typed(word: str) -> bool:
    """Is ``word`` a Kazakh form as it is typed: a whole form of any list (Unilex included: it holds
    the Russian words of the Kazakh web), or a known stem and known suffixes (``атын`` = ``ат`` +
    ``ы`` + ``н``; also participles, ``растайтын``)? Then it stays, and so does a genitive typed
    with ``н`` that the chain reads so (``адамдардын``: a known limit)."""
    return _whole_form(word) or _attested(word) or _inflected_short_stem(word)


@lru_cache(maxsize=1)
def _inflections() -> tuple[str, ...]:
    """Plural and case endings of two letters or more (kaznlp.lang.affixes), which follow any stem."""
    return tuple(s for g in _INFLECTION for s in suffixes_of(g) if len(s) >= 2)


def _inflected_short_stem(word: str) -> bool:
    """A two-letter word of the corpus lexicon with a plural or case ending and known suffixes
    (``тулары`` = ``ту`` + ``лар`` + ``ы``: the suffix chain of :func:`._lexicon._attested` wants a stem
    of three letters; an inflection follows any stem, ``ушы`` of ``окушы`` is none)."""
    stem, rest = word[:2], word[2:]
    return stem in forms_and_parts() and any(rest.startswith(s) and _suffix_chain(rest[len(s):])
                                             for s in _inflections())


@lru_cache(maxsize=8192)
def _choice(word: str, layout: int) -> str | None:
    """What ``word`` (lower case, no known form as typed) was typed for: the reading with the fewest
    letters put back, then the one in vowel harmony (``карай``: ``қарай``, not ``кәрай``); ``""``
    when two tie; ``None`` when it has no reading."""
    got = _readings(word, layout)
    if not got:
        return None
    ranked = sorted((sum(a != b for a, b in zip(r, word)), _disharmonic(r), r) for r in got)
    if len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]:
        return ""
    return ranked[0][2]


def _kazakh_line(text: str, lo: int, hi: int) -> tuple[bool, bool]:
    """``(Kazakh, typed without Kazakh letters)`` for the line ``text[lo:hi]``: Kazakh by ``ұ``, or
    ``і`` with ``ә ғ қ ң ө ү``, or, with no Kazakh letter at all, by its words (three or more of
    three letters or more, four in five known or read as a known form)."""
    letters = set(_KAZAKH_ONLY_RE.findall(text, lo, hi))
    if letters:
        return bool(letters & {"ұ", "Ұ"} or (letters & {"і", "І"} and letters - {"і", "І"})), False
    known = total = 0
    for m in _LINE_WORD_RE.finditer(text, lo, hi):
        w = m.group().lower()
        total += 1
        known += _known_as_typed(w) or _choice(w, 1) is not None
    return known >= 3 and known >= 0.8 * total, True


def _step_russian_letters(text: str) -> tuple[list[tuple[int, int, str, str, str]], list[tuple[int, int, str]]]:
    """``кажет`` → ``қажет`` in Kazakh lines (see the module docstring); ``(edits, suspects)``."""
    edits: list[tuple[int, int, str, str, str]] = []
    suspects: list[tuple[int, int, str]] = []
    lines: dict[int, tuple[bool, bool]] = {}
    for m in _WORD_RE.finditer(text):
        word = m.group()
        low = word.lower()
        if _known_as_typed(low):
            continue
        s, e = m.span()
        lo = max(text.rfind("\n", 0, s), text.rfind("\r", 0, s)) + 1
        if lo not in lines:
            hi = min((k for k in (text.find("\n", e), text.find("\r", e)) if k != -1), default=len(text))
            lines[lo] = _kazakh_line(text, lo, hi)
        kazakh, no_kazakh_letter = lines[lo]
        got = _choice(low, int(no_kazakh_letter)) if kazakh else None
        if got is None:
            continue
        # a capitalized word is a name as often as not: in a line with Kazakh letters, its Russian
        # spelling is the writer's choice (Адил, Максат); in a line typed without any, it is the layout's
        if not kazakh or (word != low and not no_kazakh_letter) \
                or _SISTER_TEXT_RE.search(text, max(0, s - _CONTEXT), min(len(text), e + _CONTEXT)):
            continue
        if got and word != low:
            got = got[0].upper() + got[1:]
        if not got:
            suspects.append((s, e, _NOTE_AMBIGUOUS))
            continue
        edits += [(s + i, s + i + 1, r, "kazakh_letter", _NOTE) for i, (c, r) in enumerate(zip(word, got)) if c != r]
    return edits, suspects
