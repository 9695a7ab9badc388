"""Word-level script repair: which letters of a word are in the wrong script.

Latin/Greek look-alikes inside a Cyrillic word (``Aстана`` → ``Астана``), Cyrillic look-alikes
inside a Latin word (``Microsоft`` → ``Microsoft``), and whole Kazakh words typed in Latin
look-alikes (``ecki үйде`` → ``ескі үйде``), with the cheap gates the fast path uses.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from ..linebreaks import LINE_BREAK_CHARS
from ._lexicon import (
    _DOC_MIN, _DocForms, _attested, _caps_doc, _headline_particles, _known_form, _latin_words, _lexicon_forms,
    _name_beside, _russian_words, _short_written, _suffix_after, _suffix_chain,
)
from ._tables import (
    _ASCII_TWIN, _ASCII_TWIN_SET, _CYR_SUBSTITUTES, _DIRECT, _HOMOGLYPH, _KAZ_LETTER, _KAZ_ONLY_LATIN,
    _KAZ_SPECIFIC, _LETTER_MAP, _LOOKALIKE_CYR, _SISTER, _TWIN_TABLE, _cls, _is_cyr, _is_mark, _is_wordchar,
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
# a character right before/after the word that makes it part of a code, unit, domain or name
_GLUE = frozenset("0123456789-_/@#&+'’.:\\=%$€£°²³")
_NOTE_LATIN_WORD = "whole word in Latin look-alikes; its Cyrillic reading is not a known Kazakh word"
# Kazakh context of a whole Latin look-alike word: Kazakh letters other than і І һ Һ (which the rule itself
# makes of Latin i I h), their stand-ins and the sister letters (which the sister rule makes Kazakh; not the
# palochka, which it makes і), so a repaired word is never the context another one needed (no repair 250
# characters further at each call: normalize stays idempotent)
_WORD_CONTEXT_RE = re.compile("[ӘәҒғҚқҢңӨөҰұҮүəƏǝӊӉɵƟ" + _cls("".join(c for c in _SISTER if _SISTER[c] not in "Іі")) + "]")
# ... and і І һ Һ in a word that also has a Cyrillic letter no Latin letter looks like ("денесінде":
# д н; never a word the rule itself made, which is all twins: "екі"); Latin i I h count the same
# there, so a word whose Latin i is repaired ("денесiнде") is the same evidence before and after
_I_WORD_RE = re.compile("[\u0400-\u052fA-Za-z]+")
_I_LETTERS = frozenset("іІһҺiIh")
_TWIN_CYR = frozenset(_ASCII_TWIN.values()) | frozenset("іІһҺ")


def _i_word(w: str) -> bool:
    return not _I_LETTERS.isdisjoint(w) and any(_is_cyr(c) and c not in _TWIN_CYR for c in w)


class _IWords:
    """Is there, in ``text[lo:hi]``, a word with ``і`` (or Latin ``i``) and a Cyrillic letter that
    has no Latin twin? Kazakh evidence for the whole Latin look-alike word rule (``Адам денесінде
    жылу eki жолмен`` → ``екі``). Like :class:`_Hits`: the first ``_DIRECT`` questions scan their
    window, then the word starts are found once and each question is a binary search."""

    __slots__ = ("text", "pos", "asked")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos: list[int] | None = None
        self.asked = 0

    def any(self, lo: int, hi: int) -> bool:
        pos = self.pos
        if pos is None:
            self.asked += 1
            if self.asked <= _DIRECT:
                return any(_i_word(m.group()) for m in _I_WORD_RE.finditer(self.text, lo, hi))
            pos = self.pos = [m.start() for m in _I_WORD_RE.finditer(self.text) if _i_word(m.group())]
        i = bisect_left(pos, lo)
        return i < len(pos) and pos[i] < hi


# chemical element symbols written with Latin look-alikes only (the periodic table)
_ELEMENTS = frozenset("Ac Ba Be Bi Ca Ce Co He Ho Mo Pa Po Ta Tc Te Ti Xe".split())
_SENTENCE_END_RE = re.compile(r"[.!?…\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")
_PROOF_LATIN_RE = re.compile("[" + "".join(c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                             if c not in _ASCII_TWIN_SET) + "]")
_ELEMENTS_CYR = frozenset(w.translate(_TWIN_TABLE) for w in _ELEMENTS)
_TWO_LETTER_WORD_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]{2}(?![^\W\d_])")
_LOWER_CYR_SET = frozenset(chr(c) for c in range(0x0430, 0x0530) if chr(c).islower())


def _opens_sentence(text: str, s: int, e: int) -> bool:
    """Does ``text[s:e]`` open a sentence (after a line start or ``. ! ? …``, past spaces, opening
    quotes and dashes) with a lower-case word after one space, and no other Latin letter up to the
    sentence's end (``He алды? Не берді?``, not ``He мен Ne инертті газдар``)?"""
    k = s - 1
    while k >= 0 and text[k] in " \t«\"“„'—–-":
        k -= 1
    if k >= 0 and text[k] not in ".!?…\n\r" and text[k] not in LINE_BREAK_CHARS:
        return False
    if not (e + 1 < len(text) and text[e] == " " and text[e + 1].translate(_TWIN_TABLE) in _LOWER_CYR_SET):
        return False
    end = _SENTENCE_END_RE.search(text, e)
    rest = text[e:end.start() if end else len(text)]
    # a Latin letter with no Cyrillic twin, or another element symbol (Latin or its Cyrillic twin: the
    # same before and after a repair), makes the sentence a formula or a list of symbols
    return _PROOF_LATIN_RE.search(rest) is None and not any(
        m.group().translate(_TWIN_TABLE) in _ELEMENTS_CYR for m in _TWO_LETTER_WORD_RE.finditer(rest))


def _latin_word_reading(word: str, headline: bool = False, doc: _DocForms | None = None,
                        sentence_word: bool = False) -> str | None:
    """The Cyrillic reading of a Latin look-alike word if it is a known Kazakh word, else ``None``.

    ``ecki`` → ``ескі``, ``Apa`` → ``Ара``, ``KCPO`` → ``КСРО``. Upper-case words of two or
    three letters (``OK``, ``CEO``, ``AAA``) only when the acronym is listed or the word stands in
    an upper-case Cyrillic ``headline`` (``ҚАЗАҚСТАН MEH РЕСЕЙ``); longer upper-case words only as
    a whole known form; chemical element symbols (``He``, ``Co``) only as a ``sentence_word`` (a
    known form that opens a sentence of lower-case words: ``He алды?`` → ``Не алды?``); Roman
    numerals (``XXI``, ``III``) and mixed case (``iPhone``) never. With ``doc`` (the text's own Cyrillic words,
    :class:`_DocForms`), a reading that the same text writes in Cyrillic counts as known too
    (``Poy`` when ``Роу`` occurs); not for upper-case words: ``EXPO`` next to ``ЕХРО`` is a Latin
    code whose Cyrillic twin is the damaged one as often as not.
    """
    if len(word) < 2 or not (word.islower() or word.isupper() or word.istitle()):
        return None
    if word.isupper() and _ROMAN_RE.fullmatch(word):
        return None
    cyr = word.translate(_TWIN_TABLE)
    words, acronyms = _latin_words()
    russian = _russian_words()
    if word.isupper() and len(word) <= 3:
        # a two-letter capital word is a Latin code (OK, TV, HP) even in a Cyrillic headline
        # (but a two-letter conjunction or particle in a headline: КҮЙІНІП TE -> ТЕ)
        return cyr if cyr in acronyms or (headline and (cyr in _headline_particles() if len(word) == 2 else (
            cyr.lower() in words or cyr.lower() in russian))) else None
    if word in _ELEMENTS:
        # "He", "Co", "Ca": chemical symbols, not "Не", "Со", "Са"; but a known Kazakh word that opens
        # a sentence of lower-case words is that word ("He алды? Не берді?": Не, "what")
        return cyr if sentence_word and cyr.lower() in _lexicon_forms() else None
    if word.isupper():
        # an upper-case Latin word is a brand or code as often as a Kazakh word: only a whole known
        # form counts (KIMEP is not кім + ер); inside an upper-case Cyrillic headline, whose words are
        # all capitals, also a form of the open lists or a known form + suffixes (METP, KAPTAMEH)
        low = cyr.lower()
        return cyr if (low in words or _known_form(low) or cyr in acronyms or low in russian
                       or (headline and _attested(cyr))) else None
    if _attested(cyr) or (doc is not None and doc.has(cyr)):
        return cyr
    # a Russian word (spaCy's stop words) typed on the Latin layout in a Cyrillic line: "Bce новости"
    return cyr if len(word) >= 3 and cyr.lower() in russian else None


def _twin_only(run: str) -> bool:
    """A run of ASCII letters (from the fast-path scan) made only of Cyrillic twins, 2+ long."""
    return len(run) >= 2 and _ASCII_TWIN_SET.issuperset(run)


def _glued(text: str, s: int, e: int) -> bool:
    """Is a digit, hyphen, slash, ``@`` … (or a dot/colon followed by a letter or digit) glued to
    ``text[s:e]``? Then the word is part of a code, unit, domain or e-mail (``A4``, ``ac.kz``).
    Two hyphens are Kazakh spelling, not glue (:func:`_hyphen_shape`): a hyphen and Kazakh
    suffixes after the word (``KCPO-ның``), and a number and hyphen before a lower-case word
    (``15-ke``, ``3-yi``)."""
    n = len(text)
    before = text[s - 1] if s else " "
    after = text[e] if e < n else " "
    if before in _GLUE and not (before == "-" and _number_before(text, s) and text[s:e].islower()) \
            and not (before == "=" and _WIKI_OPEN_RE.fullmatch(text, max(text.rfind("\n", 0, s), text.rfind("\r", 0, s)) + 1, s)):
        return True
    return after in _GLUE and not (after in ".:" and (e + 1 >= n or not text[e + 1].isalnum())) \
        and not (after == "-" and _suffix_after(text, e)) and not (after == "=" and _WIKI_CLOSE_RE.match(text, e))


# a MediaWiki heading's "==" at the start or end of a line ("==KCPO-ның сыртқы саясаты=="): markup, not glue
_WIKI_OPEN_RE = re.compile(r"[ \t]*={2,6}[ \t]*")
_WIKI_CLOSE_RE = re.compile(r"={2,6}[ \t]*(?:$|[\n\r])")


def _number_suffix(text: str, s: int, word: str) -> bool:
    """Is the lower-case look-alike ``word`` at ``s`` Kazakh suffixes after a number and hyphen
    (``15-ke`` → ``15-ке``, ``3-yi`` → ``3-уі``)? Kazakh writes the endings of a numeral so."""
    return _number_before(text, s) and word.islower() and _suffix_chain(word.translate(_TWIN_TABLE))


def _number_before(text: str, s: int) -> bool:
    """Is ``text[s:]`` preceded by a number and a hyphen (``15-ке``, ``3-сынып``)?"""
    return s >= 2 and text[s - 1] == "-" and text[s - 2].isdigit()


def _caps_around(text: str, s: int, e: int) -> bool:
    """Is the letter before or after ``text[s:e]`` (past spaces and punctuation, on the line) an
    upper-case one? A cheap stand-in for the headline test of :func:`_latin_word_plan`."""
    for w in (_neighbour_word(text, s - 1, -1, True), _neighbour_word(text, e, 1, True)):
        if w is not None and w.isupper() and (_HAS_CYR.search(w) or (  # or a look-alike word read in a headline
                len(w) > 2 and _is_latin_twin_word(w) and _latin_word_reading(w, True) is not None)):
            return True
    return False


def _is_latin_twin_word(word: str) -> bool:
    return word.isascii() and len(word) >= 2 and all(c in _ASCII_TWIN_SET for c in word)


def _neighbour_word(text: str, i: int, step: int, numbers: bool = False) -> str | None:
    """The nearest letter run before (``step=-1``) or after (``step=1``) position ``i`` on the same
    line, within 40 characters; ``None`` if there is none (or a digit comes first, unless
    ``numbers``: then the word past the number, ``БИІКТІГІ`` for ``METP`` in ``БИІКТІГІ 12 METP``)."""
    n = len(text)
    k = i
    for _ in range(40):
        if not (0 <= k < n):
            return None
        c = text[k]
        if c in "\n\r" or c in LINE_BREAK_CHARS:
            return None
        if c.isdigit() and not numbers:
            return None
        if _is_wordchar(c) and not c.isdigit():
            a = b = k
            while a > 0 and _is_wordchar(text[a - 1]):
                a -= 1
            while b + 1 < n and _is_wordchar(text[b + 1]):
                b += 1
            return text[a:b + 1]
        k += step
    return None


def _latin_word_plan(text: str, s: int, e: int, kazakh_context: Callable[[], bool],
                     doc: Callable[[], _DocForms] | None = None) -> tuple[list[tuple[int, str, str]], str]:
    """``(edits, suspect note)`` for the whole Latin word ``text[s:e]`` (a candidate of
    :func:`_is_latin_twin_word`). Repaired when it stands on its own (no digit, hyphen, dot,
    slash, ``@`` … glued to it: not a code, unit, domain or name part), its neighbour words on
    the line are Cyrillic (a Latin neighbour with a letter that has no Cyrillic twin, as in
    ``Cape Town``, makes it part of a Latin phrase), a Kazakh letter is near, and its Cyrillic
    reading is a known Kazakh word or acronym, or (``doc``: document-level evidence) the same text
    writes that word in Cyrillic elsewhere (``Кайл Poy ... Роу`` → ``Роу``)."""
    if _glued(text, s, e):
        return [], ""
    if text[s:e].isupper() and _ROMAN_RE.fullmatch(text[s:e]):
        return [], ""                         # a Roman numeral (XXI, III): Latin by design, nothing to report
    prev, nxt = _neighbour_word(text, s - 1, -1, True), _neighbour_word(text, e, 1, True)
    cyr_near = False
    headline = True
    for w in (prev, nxt):
        if w is None:
            continue
        if not _HAS_CYR.search(w):
            if not _is_latin_twin_word(w):
                return [], ""                 # Latin phrase ("Cape Town"), Latin-script Kazakh
            if (w.isupper() and len(w) == 2) or _latin_word_reading(w, True) is None:   # TE HE: only beside Cyrillic
                headline = headline and w.isupper()
                continue                      # an unknown look-alike word: neither side
            # a known Kazakh word in look-alikes counts as the Cyrillic word it is (before and after
            # its own repair alike: "acy apa" is decided the same on a second call)
        cyr_near = True
        headline = headline and w.isupper() and len(w) >= 2
    if not cyr_near or not kazakh_context():
        return [], ""
    word = text[s:e]
    cyr = _latin_word_reading(word, headline, sentence_word=word in _ELEMENTS and _opens_sentence(text, s, e))
    if cyr is None and doc is not None and _doc_head(text, word):
        cyr = _latin_word_reading(word, headline, doc())
    if cyr is None and _caps_doc(text, s, e):
        cyr = word.translate(_TWIN_TABLE)     # PMK-нің beside РМК-нің: the text's own capitals
    if cyr is None and _name_beside(text, s, e):
        cyr = word.translate(_TWIN_TABLE)     # "Кайл Poy Дэвид": a name is written in one script
    if cyr is None and _short_written(text, s, e):
        cyr = word.translate(_TWIN_TABLE)     # "ор қоян, op қоян": the text writes "ор" in Cyrillic
    if cyr is None and _number_suffix(text, s, word):
        cyr = word.translate(_TWIN_TABLE)     # Kazakh endings after a number: "15-ke" -> "15-ке", "3-yi" -> "3-уі"
    if cyr is None:
        return [], _NOTE_LATIN_WORD
    return [(i, cyr[i], "kazakh_letter" if c in _KAZ_LETTER else "homoglyph") for i, c in enumerate(word)], ""


def _doc_gate(text: str, s: int, e: int) -> bool:
    """Fast-path gate for document-level evidence on the look-alike word ``text[s:e]``: could the
    letter step repair it from the text's own Cyrillic words? Cheap necessary conditions only
    (a superset of what :func:`_latin_word_plan` repairs): three letters or more, not upper case,
    no Latin neighbour with a letter that has no Cyrillic twin (``Cape Town``), a Cyrillic or
    look-alike neighbour, and the first three letters of its reading somewhere in the text (every
    form :meth:`_DocForms.has` accepts starts with them). Clean text pays a few tests per such word."""
    run = text[s:e]
    if e - s < _DOC_MIN or run.isupper():
        return False
    near = False
    for w in (_neighbour_word(text, s - 1, -1), _neighbour_word(text, e, 1)):
        if w is None:
            continue
        if not _HAS_CYR.search(w) and not _is_latin_twin_word(w):
            return False
        near = True
    if not near:
        return False
    return _doc_head(text, run)


def _doc_head(text: str, run: str) -> bool:
    """Are the first three letters of the reading of ``run`` in ``text`` (any case)?"""
    if len(run) < _DOC_MIN or run.isupper():
        return False
    head = run[:_DOC_MIN].translate(_TWIN_TABLE).lower()
    return head in text or head.capitalize() in text or head.upper() in text
