"""Is a repaired reading a Kazakh word? The word lists (corpus lexicon, Unilex, Hunspell,
``normalize_words_kk.tsv``), the suffix chain (``абайсыз`` + ``да``) and the forms a document
itself writes in clean Cyrillic (``Кайл Poy`` beside ``Роу``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from .._data import read_lines
from ..lang import charlm
from ..lang.affixes import ONE_LETTER_SUFFIXES, suffix_allomorphs
from ..lang.alphabet import AMBIGUOUS_VOWELS, BACK_VOWELS, BACK_VOWELS_LOAN, FRONT_VOWELS, FRONT_VOWELS_LOAN, VOWELS
from ..lang.lexicon import forms_and_parts
from ..lang.words import words as _role_words
from ._tables import _ASCII_TWIN, _TWIN_TABLE, _Memo, _SISTER_RE


@lru_cache(maxsize=1)
def _open_lists() -> tuple[frozenset[str], frozenset[str]]:
    """``(words, acronyms)`` from two open word lists that no dev or test document fed
    (``data/normalize_unilex_kk.txt``: Unicode Unilex, Unicode-3.0; ``data/normalize_hunspell_kk.txt``:
    Kazakh Hunspell stems, MPL-1.1; built by ``training/build_normalize_lexicon.py``). Words are
    lower-case forms and stems of three or more letters, read like ``data/lexicon_kk.txt`` (a word
    of these lists, or one followed by known suffixes, is a known form: ``сопақша``, ``мүфти``);
    acronyms are the lines in capitals (``КСРО``, ``СІМК``: four or more letters)."""
    words: set[str] = set()
    acronyms: set[str] = set()
    for name in ("normalize_unilex_kk.txt", "normalize_hunspell_kk.txt"):
        for w in read_lines(name):
            (acronyms if w.isupper() else words).add(w)
    return frozenset(words), frozenset(acronyms)


@lru_cache(maxsize=1)
def _russian_words() -> frozenset[str]:
    """Russian words that Latin look-alikes alone can type (``все``, ``как``, ``вместо``), lower case:
    ``data/normalize_russian_words.txt`` (spaCy's Russian stop words, MIT). A whole look-alike word in
    Cyrillic Kazakh text that reads as one is a Russian word typed on the wrong layout (``Bce новости``)."""
    return frozenset(read_lines("normalize_russian_words.txt"))


def _open_forms() -> frozenset[str]:
    return _open_lists()[0]


@lru_cache(maxsize=1)
def _latin_words() -> tuple[frozenset[str], frozenset[str]]:
    """``(words, acronyms)``: lower-case Kazakh forms (``data/lexicon_kk.txt`` and the ``word`` rows
    of ``data/normalize_words_kk.tsv``) that can be typed with Latin look-alikes alone, and the
    hand-listed upper-case Kazakh acronyms (``acronym`` rows)."""
    up = frozenset(v for v in _ASCII_TWIN.values())
    words = frozenset(w for w in forms_and_parts() if len(w) >= 2 and all(c in up or c.upper() in up for c in w))
    acr: list[str] = []
    extra: list[str] = []
    for line in read_lines("normalize_words_kk.tsv"):
        form, kind = line.split("\t")[:2]
        (acr if kind == "acronym" else extra).append(form)
    return words | frozenset(w.lower() for w in extra), frozenset(acr) | _open_lists()[1]


# ---------------------------------------------------------------------------
# "a known Kazakh word": the word-form lexicon, or a known form + a chain of known suffixes
# ---------------------------------------------------------------------------
_SINGLE_SUFFIX = ONE_LETTER_SUFFIXES  # one-letter suffixes (possessive ы/і, accusative н ...): kaznlp.lang.affixes


@lru_cache(maxsize=1)
def _suffix_index() -> dict[str, tuple[str, ...]]:
    """Kazakh suffix allomorphs (:func:`kaznlp.lang.affixes.suffix_allomorphs`, shared with
    de-hyphenation) by first letter, longest first."""
    out: dict[str, set[str]] = {}
    for s in suffix_allomorphs():
        out.setdefault(s[0], set()).add(s)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _suffix_chain(rest: str, depth: int = 0) -> bool:
    """Is ``rest`` one to four known suffixes in a row (``тарымен`` = ``тар`` + ``ы`` + ``мен``)?"""
    if not rest:
        return True
    if depth == 4:
        return False
    if rest[0] in _SINGLE_SUFFIX and _suffix_chain(rest[1:], depth + 1):
        return True
    return any(rest.startswith(s) and _suffix_chain(rest[len(s):], depth + 1)
               for s in _suffix_index().get(rest[0], ()))


@lru_cache(maxsize=1)
def _sorted_forms() -> list[str]:
    return sorted(forms_and_parts() | _open_forms() | _latin_words()[0])


def _known_prefix(prefix: str) -> bool:
    """Does some known Kazakh form start with ``prefix``?"""
    forms = _sorted_forms()
    i = bisect_left(forms, prefix)
    return i < len(forms) and forms[i].startswith(prefix)


def _known_form(w: str) -> bool:
    return w in _lexicon_forms()


def _lexicon_forms() -> frozenset[str]:
    return forms_and_parts()


# no Kazakh word form is longer (the longest in data/lexicon_kk.txt has 30 letters); a longer "word"
# is constructed input, and the stem/suffix search below would be quadratic in its length
_MAX_WORD = 48


@lru_cache(maxsize=4096)
def _attested(word: str) -> bool:
    """Is ``word`` a known Kazakh form? In ``data/lexicon_kk.txt`` (or ``normalize_words_kk.tsv``,
    whose upper-case acronyms count as written: ``ҚР``), or a known form of three or more letters
    followed by one to four known suffixes (``data/affixes_kk.tsv``, :func:`kaznlp.lang.affixes.suffix_allomorphs`): ``толқуда`` = ``толқу`` +
    ``да``, ``геральдикалық`` = ``геральдика`` + ``лық``. Longer than any word (``_MAX_WORD``): no."""
    if len(word) > _MAX_WORD:
        return False
    w = word.lower()
    words, acronyms = _latin_words()
    lex = forms_and_parts()
    more = _open_forms()
    if w in lex or w in more or w in words or word in acronyms:
        return True
    for i in range(len(w) - 1, 2, -1):
        if (w[:i] in lex or w[:i] in more or w[:i] in words) and _suffix_chain(w[i:]):
            return True
    return False


def _sister_attested(word: str, last: int) -> bool:
    """A repaired word is attested (:func:`_attested`); or it is a stem of three or more letters
    that begins a known form, followed by known suffixes (``оқыды`` = ``оқы…`` (``оқыған``) +
    ``ды``; ``сатиралық`` = ``сатира…`` + ``лық``); or, for a sister letter inside a stem, some
    known form starts with the word up to that letter and at least five letters (``үлкейтіліп``:
    ``үлкей…`` begins ``үлкейді``); or two known forms written without a space
    (``аренадалайықты``). The sister letter is then attested in a known stem or suffix."""
    if len(word) > _MAX_WORD:
        return False
    if _attested(word):
        return True
    w = word.lower()
    for i in range(len(w) - 1, 2, -1):
        if _suffix_chain(w[i:]) and _known_prefix(w[:i]):
            return True
    k = max(last + 1, 5)
    if k < len(w) and _known_prefix(w[:k]):
        return True
    # a known form of two letters and known suffixes in its harmony ("оңнан" = "оң" + "нан")
    if len(w) > 2 and w[:2] in forms_and_parts() and _suffix_chain(w[2:]) and _harmonic(w[:2], w[2:]):
        return True
    # an international combining form glued to a known form ("агроэкожүйенің" = "агро" + "экожүйенің")
    if any(w.startswith(p) and len(w) - len(p) >= 4 and _attested(w[len(p):]) for p in _combining()):
        return True
    # two known forms of four or more letters each, written without the space between them (the
    # crawled corpora glue words: "аренадалайықты" = "аренада" + "лайықты"); or a compound of a
    # short root, a whole form of two or three letters, and a known form ("Бескөл" = "бес" + "көл",
    # "екіжүзді", "Ақмол", "Қазғарыш": Kazakh place, press and agency names and compound adjectives)
    lex = forms_and_parts()
    return any(_attested(w[:i]) and _attested(w[i:]) for i in range(4, len(w) - 3)) \
        or any(w[:i] in lex and not _suffix_chain(w[i:]) and _attested(w[i:]) for i in range(2, min(4, len(w) - 2)))


@lru_cache(maxsize=1)
def _combining() -> tuple[str, ...]:
    """International combining forms (``агро``, ``эко``, ``теле``): ``data/function_words_kk.tsv``
    via :mod:`kaznlp.lang.words`, the list de-hyphenation reads as ``morph.COMBINING``."""
    return tuple(_role_words("combining_prefix"))


def _harmonic(stem: str, rest: str) -> bool:
    """Are the vowels of the suffixes ``rest`` all back after a stem whose last vowel is back, or all
    front after a front one (:data:`kaznlp.lang.alphabet.BACK_VOWELS_LOAN` / ``FRONT_VOWELS_LOAN``)?"""
    last = next((c for c in reversed(stem) if c in VOWELS), None)
    vowels = {c for c in rest if c in VOWELS}
    return last is not None and ((last in BACK_VOWELS_LOAN and vowels <= BACK_VOWELS_LOAN)
                                 or (last in FRONT_VOWELS_LOAN and vowels <= FRONT_VOWELS_LOAN))


def _suffix_attested(w: str, first: int) -> bool:
    """Do all the sister letters of ``w`` (the lower-case repaired word; the first at ``first``) lie
    in Kazakh suffixes, in the variant that vowel harmony gives after the stem? ``биосфераныҥ`` →
    ``биосфера`` + ``ның``, ``Менгаҕа`` → ``Менга`` + ``ға``: the stem is a name or loan no list
    holds, but the letter is the Kazakh suffix's own. The stem has three or more letters and a
    vowel; the suffixes are a known chain (:func:`_suffix_chain`) whose vowels are all back after
    a back vowel (``а о ұ ы``) or all front after a front one (``ә е ө ү і``)."""
    if len(w) > _MAX_WORD:
        return False
    for i in range(first, 2, -1):
        stem, rest = w[:i], w[i:]
        if VOWELS.isdisjoint(stem) or not _suffix_chain(rest):
            continue
        if _harmonic(stem, rest):
            return True
        vowels = {c for c in rest if c in VOWELS}
        if _loan_stem(stem) and (vowels <= BACK_VOWELS_LOAN or vowels <= FRONT_VOWELS_LOAN):
            return True
    return False


def _loan_stem(stem: str) -> bool:
    """Is ``stem`` a foreign name or loan whose vowels do not say which harmony its suffixes take:
    its last vowel is one Kazakh spelling leaves open (и у ю я э ё: ``Шариф``, ``Креншоу``), or its
    vowels mix back and front (``Хамзабаев``, ``Уарен``, ``Макдауэл``)? Kazakh writes either suffix
    after such a stem (``Хамзабаевтың``, ``Ювентустың``, ``Кэтриннің``); its suffixes agree among themselves."""
    vowels = [c for c in stem if c in VOWELS]
    return bool(vowels) and (vowels[-1] in AMBIGUOUS_VOWELS or (
        not BACK_VOWELS.isdisjoint(vowels) and not FRONT_VOWELS.isdisjoint(vowels)))


# ---------------------------------------------------------------------------
# document-level evidence: the text's own Cyrillic words
# ---------------------------------------------------------------------------
# a whole word of Cyrillic letters (a Latin letter or digit glued to it makes it no match)
_DOC_WORD_RE = re.compile(r"(?<![^\W_])[\u0400-\u0481\u048a-\u052f]{3,}(?![^\W_])")
# shorter readings are too often a chance match (Latin "Ha" and Russian "На")
_DOC_MIN = 3


class _DocForms:
    """The word forms a text writes in clean Cyrillic (every letter Cyrillic, no sister-alphabet
    letter), found in one linear pass the first time a candidate word needs them.

    A damaged spelling of a word that the same text also writes correctly is the damaged form:
    ``Кайл Poy`` next to ``Роу``, ``Bce`` next to ``Все``, ``Менгаҕа`` next to ``Менгаға``. A
    form counts when it occurs as written (case-folded), or as a stem of a text word followed by known suffixes
    (``Mapokko`` ← ``Мароккода``), or when a text word of three or more letters is its stem
    followed by known suffixes (``биосфераныҥ`` ← ``биосфера``). Damaged words are never their own
    evidence: they are not clean Cyrillic."""

    __slots__ = ("folded", "sorted")

    def __init__(self, text: str) -> None:
        self.folded = {w.casefold() for w in set(_DOC_WORD_RE.findall(text)) if not _SISTER_RE.search(w)}
        self.sorted: list[str] | None = None

    def has(self, form: str) -> bool:
        if len(form) < _DOC_MIN or len(form) > _MAX_WORD:
            return False
        f = form.casefold()
        if f in self.folded:
            return True
        for i in range(len(f) - 1, _DOC_MIN - 1, -1):       # a text word is the stem
            if f[:i] in self.folded and _suffix_chain(f[i:]):
                return True
        if self.sorted is None:
            self.sorted = sorted(self.folded)
        k = bisect_left(self.sorted, f)                     # the form is the stem of a text word
        while k < len(self.sorted) and self.sorted[k].startswith(f):
            if _suffix_chain(self.sorted[k][len(f):]):
                return True
            k += 1
        return False


@lru_cache(maxsize=2)
def _doc_forms_of(text: str) -> _DocForms:
    # the letter step may run several times on one text (passes that change nothing else)
    return _DocForms(text)


def _doc_forms(text: str, hits: _Memo) -> _DocForms:
    doc: _DocForms | None = hits.get(_DocForms)
    if doc is None:
        doc = hits[_DocForms] = _doc_forms_of(text)
    return doc


def _caps_written(text: str, cyr: str) -> bool:
    """Does ``text`` write the upper-case Cyrillic form ``cyr`` as a whole word (``РМК`` in
    ``РМК-нің``, ``(АКТ)``)? Document-level evidence for an upper-case look-alike word that carries
    Kazakh suffixes after a hyphen (``PMK-нің`` beside ``РМК-нің``)."""
    n, k = len(text), len(cyr)
    i = text.find(cyr)
    while i >= 0:
        if (i == 0 or not text[i - 1].isalpha()) and (i + k >= n or not text[i + k].isalpha()):
            return True
        i = text.find(cyr, i + 1)
    return False


def _short_written(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` a lower-case look-alike word of two letters whose Cyrillic reading the same
    text writes as a whole word (``ор қоян, op қоян`` → ``ор``)? Document-level evidence for the
    short words no list holds and :class:`_DocForms` leaves out (forms of three letters or more)."""
    return e - s == 2 and text[s:e].islower() and _caps_written(text, text[s:e].translate(_TWIN_TABLE))


# a capitalised Cyrillic word (a name part) right after / right before one space (a quote or bracket
# may close or open at the space: "Кайл (Poy) Дэвид", "Сёко «Acaxapa»")
_NAME_AFTER_RE = re.compile("[»\"”)]? [«\"“(]?([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)(?![^\\W\\d_])")
_NAME_BEFORE_RE = re.compile("(?<![^\\W\\d_])([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)[»\"”)]? [«\"“(]?$")
# Cyrillic letters that no Latin letter looks like: a name part with one is Cyrillic as written
_NO_LATIN_TWIN = frozenset("бвгдёжзийлмнптфцчшщъыьэюяәғқңөұүБГДЁЖЗИЙЛПФЦЧШЩЪЫЬЭЮЯӘҒҚҢӨҰҮ")
# charlm.logp per letter under which a reading is no Kazakh or Russian name (dev: every title-case
# Cyrillic word of look-alike letters scores -6.0 or more; Kia -8.3, Expo -8.6, Echo -10.0)
_NAME_LOGP = -7.0


def _name_part(w: str | None) -> bool:
    return w is not None and not _NO_LATIN_TWIN.isdisjoint(w) and not _attested(w)


def _name_beside(text: str, s: int, e: int) -> bool:
    """Is the title-case look-alike word ``text[s:e]`` (three letters or more) one part of a name whose
    other part, one space away (a quote or bracket may stand at the space), is a capitalised Cyrillic word that no list holds (a foreign name: a
    known form such as ``Қазақстанға`` is no evidence) with a letter no Latin letter looks like
    (``Кайл Poy``, ``Ceko Асахараға``, ``Сёко «Acaxapa»``), and does its reading read as a name
    (:func:`kaznlp.lang.charlm.logp`: not ``Kia``)? A name is written in one script, so its Latin
    look-alike part is damage. A repaired part has no letter without a Latin twin, so it is never
    the evidence for another (idempotent)."""
    w = text[s:e]
    if e - s < 3 or not w.istitle() or not charlm.available():
        return False
    m = _NAME_AFTER_RE.match(text, e)
    b = _NAME_BEFORE_RE.search(text, max(0, s - 40), s)
    if not (_name_part(m and m.group(1)) or _name_part(b and b.group(1))):
        return False
    low = w.translate(_TWIN_TABLE).lower()
    return charlm.logp(low) / (len(low) + 1) >= _NAME_LOGP


_TWIN_CAPS = frozenset("АВСЕНКМОРТХ")


@lru_cache(maxsize=1)
def _headline_particles() -> frozenset[str]:
    """The two-letter Kazakh conjunctions and particles that Latin capitals can type (``НЕ``,
    ``ТЕ``, ``ТА``, ``МЕ``, ``МА``; ``data/function_words_kk.tsv``): in an upper-case Cyrillic
    headline ``TE``/``HE`` are these words (``КҮЙІНІП TE, ҚИНАЛЫП ТА``), whereas other two-letter
    capitals are codes even there (``ТҮНГІ OK МЕЗГІЛДЕ``)."""
    return frozenset(u for role in ("conjunction", "particle") for w in _role_words(role)
                     if len(u := w.upper()) == 2 and _TWIN_CAPS.issuperset(u))


# a hyphen and a run of lower-case Cyrillic letters that ends the word ("-ның", "-дағы")
_SUFFIX_AFTER_RE = re.compile("-([\u0430-\u044f\u0450-\u045f\u0460-\u052f]+)(?![^\\W\\d_]|-)")


def _suffix_after(text: str, e: int) -> bool:
    """Does ``text[e:]`` start with a hyphen and Kazakh suffixes that end the word (``-ның``,
    ``-дағы``: one to four known suffixes, :func:`_suffix_chain`)? Kazakh writes the case endings
    of an acronym, a number or a foreign word after a hyphen (``КСРО-ның``, ``НАТО-ны``)."""
    m = _SUFFIX_AFTER_RE.match(text, e)
    return m is not None and _suffix_chain(m.group(1))


def _caps_doc(text: str, s: int, e: int) -> bool:
    """Is ``text[s:e]`` upper-case look-alikes (3+) with Kazakh suffixes after a hyphen, whose Cyrillic
    capitals the text writes as a word (``PMK-нің`` beside ``РМК-нің``, ``AKT-ның`` beside ``(АКТ)``)?"""
    w = text[s:e]
    return e - s >= _DOC_MIN and w.isupper() and _suffix_after(text, e) and _caps_written(text, w.translate(_TWIN_TABLE))
