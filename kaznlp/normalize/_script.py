"""Word-level script repair: which letters of a word are in the wrong script.

Latin/Greek look-alikes inside a Cyrillic word (``Aстана`` → ``Астана``) and Cyrillic look-alikes
inside a Latin word (``Microsоft`` → ``Microsoft``); whole words in Latin look-alikes are
:mod:`._lookalike_words`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._tables import (
    _ASCII_TWIN_SET, _CYR_SUBSTITUTES, _HOMOGLYPH, _KAZ_LETTER, _KAZ_ONLY_LATIN, _KAZ_SPECIFIC, _LETTER_MAP,
    _LOOKALIKE_CYR, _SISTER, _cls, _is_cyr, _is_mark,
)


# ---------------------------------------------------------------------------
# letters: Latin/Greek look-alikes and Kazakh letter stand-ins, decided per word
# ---------------------------------------------------------------------------
_LAT_GRK = "A-Za-z\u00c0-\u024f\u0250-\u02af\u0370-\u03ff\u1e00-\u1eff"
# start at the (rare) Latin/Greek letter, then look at its neighbours
# runs of Latin/Greek letters (rare in Kazakh text) and ӊ; a run inside a longer word is a candidate
_TRIGGER_CLASS = f"{_LAT_GRK}{_cls(''.join(_CYR_SUBSTITUTES) + ''.join(_SISTER))}"
_LETTER_TRIGGER = re.compile(f"[{_TRIGGER_CLASS}]+")
# The same runs, less the plain Latin words that the letter step would pass over anyway (most of
# its triggers in crawled news: "Chrome", "NPAPI", "http"): a run of ASCII letters with a letter no
# Cyrillic letter looks like (so not a look-alike word, see _twin_only), between characters that
# are neither letters nor marks (ASCII punctuation, digits, spaces, « » – — … “ ” ‘ ’ № °) or the
# text's ends. The regex engine skips them; a run starts where the character before is no trigger.
_PLAIN_NEIGHBOUR = "\x00-\x40\x5b-\x60\x7b-\x7f«»–—…“”‘’№°"
_PROOF_LATIN = "".join(c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" if c not in _ASCII_TWIN_SET)


def _runs_less_plain_words(run_class: str, plain_neighbour: str) -> re.Pattern[str]:
    """Maximal runs of ``[run_class]``, less the runs that are an ASCII word with a letter in
    :data:`_PROOF_LATIN` between characters of ``plain_neighbour`` (or the text's ends). The first
    character is matched first (so the engine's fast scan for the class stays), then a look-behind
    checks from the run's start that the character before is not in the class and that the run is
    not such a word."""
    return re.compile(
        f"[{run_class}](?<=(?<![{run_class}])"
        f"(?!(?<![^{plain_neighbour}])[A-Za-z]*[{_PROOF_LATIN}][A-Za-z]*(?![^{plain_neighbour}]))"
        f"[{run_class}])[{run_class}]*"
    )


_LETTER_CANDIDATE = _runs_less_plain_words(_TRIGGER_CLASS, _PLAIN_NEIGHBOUR)
_HAS_CYR = re.compile("[\u0400-\u052f]")
_CYR_SUBST_RE = re.compile(f"[{_cls(''.join(_CYR_SUBSTITUTES) + ''.join(_SISTER))}]")
_CYR_SUBST_ONLY = re.compile(f"[{_cls(''.join(_CYR_SUBSTITUTES))}]")
# a Cyrillic letter no Latin/Greek letter looks like
_DISTINCTIVE_CYR = re.compile(f"[{_cls(''.join(c for c in map(chr, range(0x400, 0x530)) if c not in _LOOKALIKE_CYR))}]")
_ROMAN_RE = re.compile(r"M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_TO_ROMAN = str.maketrans("ХІСМ", "XICM")
# Kazakh letters, their stand-ins (ə ӊ ɵ), or Ukrainian/Belarusian letters: a Latin i here is і
_KAZ_CONTEXT_RE = re.compile(f"[{_KAZ_SPECIFIC}ЇїЄєҐґЎўϵəƏǝӊӉɵƟ]")
# ... and, around a word, also another word with Latin i/h typed inside Cyrillic (systematic
# keyboard damage, as in the apertium corpus); it counts the same before and after repair
_KAZ_AROUND_RE = re.compile(
    f"[{_KAZ_SPECIFIC}ЇїЄєҐґЎўϵəƏǝӊӉɵƟ]|[ihI](?:(?<=[\u0400-\u052f].)|(?=[\u0400-\u052f]))"
)
_CONTEXT = 250
_NOTE_CONTEXT = "Latin i/h in a word that may be Russian"


def _kazakh_around(text: str, s: int, e: int) -> bool:
    """Kazakh (or Ukrainian/Belarusian) letters in ``text[s:e]`` or within ``_CONTEXT`` characters."""
    return bool(_KAZ_CONTEXT_RE.search(text, s, e)
                or _KAZ_AROUND_RE.search(text, max(0, s - _CONTEXT), s)
                or _KAZ_AROUND_RE.search(text, e, min(len(text), e + _CONTEXT)))


# Latin capital schwa and barred O typed as an initial: apertium (dev) «Президенті Н.Ə.Назарбаевтың».
# A one-letter word of them is no Kazakh word to look up; as an initial (a dot, then a Cyrillic capital
# after at most one space) it stands for Ә / Ө. Azerbaijani Latin writes Ə before Latin names.
_INITIAL_STANDINS = frozenset("ƏƟ")
_NOTE_INITIAL = "Latin stand-in as the initial of a Cyrillic name"


def _initial_before_cyrillic(text: str, e: int) -> bool:
    n = len(text)
    if e >= n or text[e] != ".":
        return False
    k = e + 1
    if k < n and text[k] == " ":
        k += 1
    return k < n and _is_cyr(text[k]) and text[k].isupper()


_SCRIPT_RUN = re.compile("([\u0400-\u052f]+)|[^\u0400-\u052f]+")
_NOT_WORD_RE = re.compile(r"\W")


def _runs(word: str) -> list[tuple[int, int, bool]]:
    """Maximal same-script runs ``(start, end, is_cyrillic)`` of a word (a combining mark stays
    with the run before it)."""
    if _NOT_WORD_RE.search(word) is None:       # no mark: the runs of one script, by regex
        return [(m.start(), m.end(), m.lastindex is not None) for m in _SCRIPT_RUN.finditer(word)]
    out = []
    i = 0
    while i < len(word):
        cyr = "\u0400" <= word[i] <= "\u052f"                    # _is_cyr, inlined
        j = i + 1
        while j < len(word) and (("\u0400" <= word[j] <= "\u052f") == cyr or _is_mark(word[j])):
            j += 1
        out.append((i, j, cyr))
        i = j
    return out


def _word_plan(word: str, kazakh_context: Callable[[], bool], homoglyphs: bool, kazakh_letters: bool,
               strict: bool = False) -> tuple[list[tuple[int, str, str]], str]:
    """Return ``([(offset, replacement, kind), ...], suspect_note)`` for one word (a run of letters).

    ``strict`` (for the pieces of a word cut around foreign runs) asks for a
    letter that only Cyrillic has, so Latin words are never repaired piecewise.
    """
    if _HAS_CYR.search(word) is None:
        return [], ""                                   # Latin, Greek, ...: never touched
    foreign = [(i, c) for i, c in enumerate(word) if not "\u0400" <= c <= "\u052f" and not _is_mark(c)]
    subs = [(i, c) for i, c in enumerate(word) if c in _CYR_SUBSTITUTES] if _CYR_SUBST_ONLY.search(word) else []
    if not foreign:
        return ([(i, _KAZ_LETTER[c], "kazakh_letter") for i, c in subs] if kazakh_letters else []), ""
    if word.isupper() and _ROMAN_RE.fullmatch(word.translate(_TO_ROMAN)):
        return [], "mixed-script Roman numeral"
    if homoglyphs:
        latin = _latin_plan(word)
        if latin is not None:
            return latin, ""
    # Latin runs that cannot be look-alikes (a letter with no Cyrillic twin: "нұсқасыChrome") or that are acronyms glued to a Cyrillic suffix ("IMAXқа", "жәнеIII") are
    # left alone; the Cyrillic pieces between them are still repaired on their own.
    uniform = word.isupper() or word.islower() or word.istitle()
    cuts: list[tuple[int, int]] = []
    note = ""
    for i, j, cyr in _runs(word):
        if cyr:
            continue
        run = word[i:j]
        if any(c not in _LETTER_MAP and not _is_mark(c) for c in run):
            cuts.append((i, j))
            note = note or "mixed-script word with letters that have no Cyrillic look-alike"
        elif not uniform and sum(not _is_mark(c) for c in run) >= 2 and (run.isupper() or run.islower()) and any(
            0 <= k < len(word) and ((run.isupper() and word[k].islower()) or (run.islower() and word[k].isupper() and k))
            for k in (i - 1, j)
        ):
            cuts.append((i, j))
            note = note or "Latin letters glued to a Cyrillic word"
    if cuts:
        plan: list[tuple[int, str, str]] = []
        prev = 0
        for i, j in cuts + [(len(word), len(word))]:
            if i > prev:
                sub, _ = _word_plan(word[prev:i], kazakh_context, homoglyphs, kazakh_letters, strict=True)
                plan += [(prev + k, r, kind) for k, r, kind in sub]
            prev = j
        return plan, note
    n_cyr = len(_HAS_CYR.findall(word))
    n_glyph = sum(1 for _, c in foreign if c in _HOMOGLYPH)
    distinctive = _DISTINCTIVE_CYR.search(word) is not None
    if not distinctive and (strict or n_cyr <= n_glyph):
        return [], "mostly Latin/Greek word with Cyrillic letters"
    if any(c in _KAZ_ONLY_LATIN for _, c in foreign) and not _KAZ_CONTEXT_RE.search(word) and not kazakh_context():
        return [], _NOTE_CONTEXT
    plan = []
    for i, c in foreign + subs:
        kind = "homoglyph" if c in _HOMOGLYPH else "kazakh_letter"
        if (kind == "homoglyph" and homoglyphs) or (kind == "kazakh_letter" and kazakh_letters):
            plan.append((i, _LETTER_MAP[c], kind))
    return sorted(plan), ""


# ---------------------------------------------------------------------------
# the reverse direction: Cyrillic look-alikes inside a Latin word ("Microsоft", "www.аkorda.kz")
# ---------------------------------------------------------------------------
# Cyrillic letter -> the Latin letter it is drawn like (the ASCII homoglyphs read backwards, and
# Kazakh/Ukrainian і І, Kazakh һ, Macedonian/Serbian ј ѕ)
_CYR_TO_LAT: dict[str, str] = {
    **{v: k for k, v in _HOMOGLYPH.items() if k.isascii()},
    "і": "i", "І": "I", "һ": "h", "ј": "j", "Ј": "J", "ѕ": "s", "Ѕ": "S", "к": "k",
}
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _latin_plan(word: str) -> list[tuple[int, str, str]] | None:
    """Edits that make a Latin word with a few Cyrillic look-alikes all Latin, or ``None``.

    ``iPhоne`` (Cyrillic ``о``) → ``iPhone``; ``kazinfоrm`` → ``kazinform``. Only when the word is
    otherwise Latin: every Cyrillic letter has a Latin twin, the Latin letters outnumber them, at
    least one Latin letter has no Cyrillic twin (``n``, ``f``, ``t``: proof the word is Latin, so
    ``OAНA`` stays a suspect), and no run of two or more Cyrillic letters ends the word (a Kazakh
    suffix glued to a Latin name, ``iPhoneса``, is left).
    """
    n_lat = n_cyr = 0
    proof = False
    for c in word:
        if _is_cyr(c):
            if c not in _CYR_TO_LAT:
                return None
            n_cyr += 1
        elif _LATIN_LETTER.match(c):
            n_lat += 1
            proof = proof or c not in _LETTER_MAP
        elif not _is_mark(c):
            return None                      # Greek or another script: not a Latin word
    if not proof or n_lat <= n_cyr or not n_cyr:
        return None
    if len(word) >= 2 and _is_cyr(word[-1]) and _is_cyr(word[-2]):
        return None
    return [(i, _CYR_TO_LAT[c], "homoglyph") for i, c in enumerate(word) if _is_cyr(c)]
