"""Whole Kazakh words typed in Latin look-alikes (``ecki үйде`` → ``ескі үйде``, ``KCPO`` → ``КСРО``):
the Cyrillic reading of such a word, the evidence around it, and the cheap gates the fast path uses.
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
from ._script import _HAS_CYR, _PROOF_LATIN, _ROMAN_RE
from ._tables import (
    _ASCII_TWIN, _ASCII_TWIN_SET, _DIRECT, _KAZ_LETTER, _SISTER, _TWIN_TABLE, _cls, _is_cyr, _is_wordchar,
)


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
_PROOF_LATIN_RE = re.compile(f"[{_PROOF_LATIN}]")
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
