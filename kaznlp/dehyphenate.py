"""Join words broken at line ends and reflow wrapped lines (``kaznlp.dehyphenate``).

Text from PDFs and print arrives with words split across lines, with or without
the line-end hyphen (``инно⏎вацияларды``, ``цифр-⏎лық``), with soft hyphens
(U+00AD), or, in web text, as "hyphen + space" (``Премьер- Министрінің``). Real
hyphens must survive: compounds (``вице-президенті``), number + suffix
(``80-нен``), acronym + suffix (``ХСӘҚ-ның``), reduplications (``бір-бірімен``).

Every decision comes from evidence, strongest first:

1. the document's own vocabulary (is ``инновацияларды`` or ``вице-президенті``
   written whole somewhere else in the same text?),
2. the shipped word-form lexicon ``data/lexicon_kk.txt`` (built by
   ``models/build_lexicon.py`` from NTREX, KazQAD, KazNERD and UD KTB),
3. Kazakh morphology: a line that starts with a suffix (``лық``, ``дағы``,
   ``тығын``) continues the previous word; a known stem + suffix chain is a word
   (``инновация`` + ``лар`` + ``ды``); number/acronym + suffix keeps its hyphen.

Only hyphens, soft hyphens and whitespace are ever removed or inserted; letters,
digits and punctuation are never touched. A line break is what
:mod:`kaznlp.linebreaks` says it is (the ``str.splitlines`` set, ``\\r\\n`` as one): a
paragraph separator, a record separator or a form feed ends a line for every decision as
``\\n`` does. Breaks that stay are written as they came, except ``\\r\\n`` and ``\\r``,
which become ``\\n``.
"""

from __future__ import annotations

import gc
import json
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import lru_cache, wraps
from pathlib import Path
from typing import Literal, overload

from kaznlp import charlm
from kaznlp._validate import check_choice, check_text
from kaznlp.alignment import Alignment, apply_edits
from kaznlp.linebreaks import LINE_BREAK, LINE_BREAK_CHARS

__all__ = ["dehyphenate"]

_DATA = Path(__file__).resolve().parent / "data"

SOFT = "\u00ad"
_HYPHENS = "-\u2010"  # ASCII hyphen-minus and U+2010 HYPHEN
# One line break, as kaznlp.linebreaks defines it (``\r\n`` is one); a character class of them
_BRK = "[" + re.escape(LINE_BREAK_CHARS) + "]"
_OTHER_BREAK = re.compile("[" + re.escape(LINE_BREAK_CHARS.replace("\n", "")) + "]")  # not ``\n``
# a hyphen right before a line break (``жетіс-⏎тіктерді``), and ``Премьер- ⏎``
_HYPH_BREAK = re.compile("[-\u2010]" + _BRK)
_HYPH_SP_BREAK = re.compile("- " + _BRK)
_LINE_END_MARKS = "-\u2010\u00ad"  # what _decide_break looks at in unwrapped text
# a word at the end of a line / start of a line (letters, digits, inner hyphens, %)
_TAIL_WORD = re.compile(r"[\w%\u00ad]+(?:[-\u2010][\w%\u00ad]+)*$")
_TAIL_WINDOW = 64


def _tail_word(s: str, end: int | None = None) -> str | None:
    """The word ending at ``end`` (default: the end of ``s``), as ``_TAIL_WORD`` finds it.

    The run of word characters before ``end`` is found by a short backward scan, and the regex
    runs on that run only: searching from the line start cost the line length per call. A run
    longer than 64 characters (a glued menu string, a URL) gives None."""
    if end is None:
        end = len(s)
    lo = end - _TAIL_WINDOW
    if lo < 0:
        lo = 0
    i = end
    while i > lo:
        c = s[i - 1]
        if c.isalnum() or c in _TAIL_CHARS:
            i -= 1
        else:
            break
    else:
        if lo > 0 and (s[lo - 1].isalnum() or s[lo - 1] in _TAIL_CHARS):
            return None
    if i == end:
        return None
    m = _TAIL_WORD.search(s, i, end)
    if not m:
        return None
    w = m.group()
    if SOFT in w:  # soft hyphens inside a word vanish: judge ``ХСӘҚ\xadинно`` as ``ХСӘҚинно``, as a
        w = w.replace(SOFT, "")  # second pass over the output would (idempotence)
    return w or None


_TAIL_CHARS = "%_-\u2010\u00ad"
# soft hyphens inside are part of the word; callers take ``_head(m)`` (soft hyphens removed)
_HEAD_WORD = re.compile(r"[-\u2010]?\w[\w\u00ad]*(?:[-\u2010]\w[\w\u00ad]*)*")


def _head(m: "re.Match[str]") -> str:
    w = m.group()
    return w.replace(SOFT, "") if SOFT in w else w
# "hyphen + space" inside a line: ``Премьер- Министрінің``, ``00- ден``, ``теле- және``
# soft hyphens next to it vanish too (``1\xad- \xad1``): they are part of the match
_HYPH_SPACE = re.compile(r"(?<=[\w%\u00ad])[-\u2010]\u00ad*[ \t][ \t\u00ad]*(?=\w)")
_HS = re.compile(r"[-\u2010]\u00ad*[ \t]")


def _has_hyphen_space(text: str) -> bool:
    """Is there a "hyphen + space" after a letter, digit or % (``Премьер- Министрінің``)?
    Spaced dashes (``сөз - сөз``) are common in web text and do not count. str.find at C speed."""
    for pat in ("- ", "-\t", "\u2010 ", "\u2010\t"):
        i = text.find(pat, 1)
        while i >= 0:
            c = text[i - 1]
            if c.isalnum() or c == "%" or c == SOFT:
                return True
            i = text.find(pat, i + 1)
    return False


# a line break before a lower-case letter or a digit (a superset of what _is_wrapped counts):
# one match per run of whitespace that holds a line break (``келді⏎ ⏎біз``). The match starts
# only where the run starts and its quantifiers are possessive, so a long run of blank lines or
# of layout spaces is scanned once; ``\n\s*[...]`` retried at every break of the run and made
# ``"Ол келді." + "\n" * k`` quadratic.
_WRAP_NL = re.compile(r"(?<!\s)[^\S" + re.escape(LINE_BREAK_CHARS) + r"]*+" + _BRK
                      + r"\s*+(?=[^\W_A-ZА-ЯЁӘІҢҒҮҰҚӨҺ])")
_FINAL = ".!?…:;"
_CLOSERS = "»”\"')]’"
_BULLET = re.compile(r"(?:[•●▪►■◦*]|\d{1,3}[.)]\s|[а-яәіңғүұқөһ]\)\s)")
_CYR = re.compile(r"[\u0400-\u04ff]")

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

Reflow = Literal["auto", True, False]


# ---------------------------------------------------------------------------
# Resources
# ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """Word forms, and (left, right[:4]) pairs of hyphenated compounds (``күш``, ``жіге``)."""
    words: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    path = _DATA / "lexicon_kk.txt"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            words.add(line)
            if "-" in line:
                parts = line.split("-")
                for i in range(len(parts) - 1):
                    pairs.add((parts[i], parts[i + 1][:4]))
    return frozenset(words), frozenset(pairs)


@lru_cache(maxsize=1)
def _hyphen_parts() -> tuple[frozenset[str], frozenset[str]]:
    """Left parts and right-part beginnings (4 letters) of the lexicon's hyphenated forms:
    ``интернет`` (``интернет-ресурс``), ``ресу``. Lowercase word forms only, no suffix hyphens."""
    left: set[str] = set()
    right: set[str] = set()
    for w in _lexicon()[0]:
        if "-" in w:
            parts = w.split("-")
            for x, y in zip(parts, parts[1:]):
                if len(x) >= 3 and len(y) >= 3 and x.isalpha() and _CYR.search(x) and _CYR.search(y):
                    left.add(x)
                    right.add(y[:4])
    return frozenset(left), frozenset(right)


@lru_cache(maxsize=1)
def _contexts() -> tuple[dict[tuple[str, str], tuple[int, int]], dict[tuple[str, str], tuple[int, int]]]:
    """``{(piece, two letters before it): (glued, apart)}`` from ``data/dehyph_contexts_kk.tsv``
    (built by ``models/build_lexicon.py``), and the same by the one letter before the piece:
    ``(мен, ны)``: ``...нымен`` 300 times, ``...ны мен`` 16 times."""
    two: dict[tuple[str, str], tuple[int, int]] = {}
    one: dict[tuple[str, str], tuple[int, int]] = {}
    path = _DATA / "dehyph_contexts_kk.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            b, e, g, s = line.split("\t")
            two[(b, e)] = (int(g), int(s))
            g1, s1 = one.get((b, e[-1:]), (0, 0))
            one[(b, e[-1:])] = (g1 + int(g), s1 + int(s))
    return two, one


@lru_cache(maxsize=1)
def _sorted_lexicon() -> list[str]:
    return sorted(_lexicon()[0])


@lru_cache(maxsize=1)
def _suffixes() -> frozenset[str]:
    out: set[str] = set()
    path = _DATA / "suffixes_kk.txt"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                out.update(line.split())
    return frozenset(out)


_SINGLE = frozenset("ыіаейнмңуп")
_VERB_3SG = frozenset(("ды", "ді", "ты", "ті"))  # жайратады-мыс: the clitic follows a finite verb
# word-final derivational suffixes: ``ветеринариялық-⏎санитариялық`` ends a whole word
_WORD_FINAL = ("лық", "лік", "дық", "дік", "тық", "тік")  # one-letter suffixes (accusative -н, possessive -ы/-і, dative -а/-е, ...)


def _norm(word: str) -> str:
    w = word.lower().replace(SOFT, "")
    if ("i" in w or "ə" in w) and _CYR.search(w):
        w = w.replace("i", "і").replace("ə", "ә")  # Latin lookalikes, as in the lexicon
    return w


# Document evidence is local: a text longer than this is cut (at a paragraph or line break)
# into blocks, and a decision uses the vocabulary of its own block only. Web text with a
# handful of candidates then builds one or two block vocabularies instead of the whole
# text's, and the cost stays linear in the text length.
_BLOCK = 1 << 17


def _block_cuts(text: str, size: int = _BLOCK) -> list[int]:
    """Block start offsets: 0, then about every ``size`` characters, after a blank line if one
    is near, else after a line break, else anywhere (every search is bounded: linear)."""
    cuts = [0]
    pos = size
    n = len(text)
    while pos < n:
        cut = text.find("\n\n", pos, pos + size // 4)
        if cut >= 0:
            cut += 1
        else:
            m = LINE_BREAK.search(text, pos, pos + size // 4)  # any line break (kaznlp.linebreaks)
            cut = m.end() if m else pos
        cuts.append(cut)
        pos = cut + size
    return cuts


class _Evidence:
    """Scores for 'this string is a word' from the document, the lexicon and morphology."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._cuts: list[int] | None = None if len(text) > _BLOCK else [0]
        self._blk = 0
        self._vocab: dict[int, set[str]] = {}
        self._cur: set[str] | None = None  # the vocabulary of block self._blk, once built
        self._sorted: dict[int, list[str]] = {}
        self._parts: dict[int, tuple[set[str], set[str]]] = {}
        self.lex, self.pairs = _lexicon()
        self.sfx = _suffixes()
        self._chain_cache: dict[tuple[str, bool], bool] = {}
        self._word_cache: dict[tuple[int, str], float] = {}
        self.sparse = False
        self._memo: dict[tuple, str] = {}  # see _memo_decision

    def at(self, pos: int) -> "_Evidence":
        """Use the document evidence of the block around source offset ``pos``."""
        if self._cuts is None:
            self._cuts = _block_cuts(self._text)
        if len(self._cuts) > 1:
            blk = bisect_right(self._cuts, pos) - 1
            if blk != self._blk:
                self._blk = blk
                self._cur = None
        return self

    @property
    def doc(self) -> set[str]:
        if self._cur is not None:
            return self._cur
        v = self._vocab.get(self._blk)
        if v is None:  # built on first use: texts (blocks) needing no decision never pay for it
            cuts = self._cuts or [0]
            i = self._blk
            end = cuts[i + 1] if i + 1 < len(cuts) else len(self._text)
            v = self._vocab[i] = _doc_vocab(self._text[cuts[i]:end] if len(cuts) > 1 else self._text)
        self._cur = v
        return v

    def doc_hyphen_parts(self) -> tuple[set[str], set[str]]:
        """Left parts and right-part beginnings of the hyphenated words written in this text."""
        parts = self._parts.get(self._blk)
        if parts is None:
            left: set[str] = set()
            right: set[str] = set()
            for w in self.doc:
                if "-" in w:
                    ws = w.split("-")
                    for x, y in zip(ws, ws[1:]):
                        if len(x) >= 3 and len(y) >= 3:
                            left.add(x)
                            right.add(y[:4])
            parts = self._parts[self._blk] = (left, right)
        return parts

    def glue_counts(self, a: str, b: str, min_total: int = 5) -> tuple[int, int] | None:
        """How often the corpus glues ``b`` to a word ending like ``a`` vs writes it apart:
        ``(glued, apart)`` by the two last letters of ``a``, else by the last one; None when
        seen fewer than ``min_total`` times."""
        two, one = _contexts()
        c = two.get((b, a[-2:]))
        if c is not None and c[0] + c[1] >= min_total:
            return c
        c = one.get((b, a[-1:]))
        if c is not None and c[0] + c[1] >= min_total:
            return c
        return None

    def is_chain(self, s: str, first_long: bool = False) -> bool:
        """True if ``s`` is a sequence of suffixes (``лығымен`` = лығ + ы + мен)."""
        key = (s, first_long)
        hit = self._chain_cache.get(key)
        if hit is not None:
            return hit
        n = len(s)
        ok = [False] * (n + 1)
        ok[n] = True
        for i in range(n - 1, -1, -1):
            if s[i] in _SINGLE and ok[i + 1] and not (first_long and i == 0):
                ok[i] = True
                continue
            for k in range(2, min(7, n - i) + 1):
                if ok[i + k] and s[i:i + k] in self.sfx:
                    ok[i] = True
                    break
        res = n > 0 and ok[0]
        self._chain_cache[key] = res
        return res

    def word(self, w: str) -> float:
        """3: written elsewhere in this text; 2: in the lexicon; 1: known stem + suffixes; 0: unknown."""
        key = (self._blk, w)
        hit = self._word_cache.get(key)
        if hit is None:
            hit = self._word_cache[key] = self._word(w)
        return hit

    def _word(self, w: str) -> float:
        if not w:
            return 0
        if w in self.doc:
            return 3
        if w in self.lex:
            return 2
        if self.analyzable(w):
            return 1
        return self.prefix(w)

    def prefix(self, w: str) -> float:
        """``делегация`` begins ``делегацияны`` written elsewhere in the text: 2 (text) / 1.5 (lexicon)."""
        if len(w) < 6:
            return 0
        sdoc = self._sorted.get(self._blk)
        if sdoc is None:
            sdoc = self._sorted[self._blk] = sorted(self.doc)
        for words, score in ((sdoc, 2.0), (_sorted_lexicon(), 1.5)):
            i = bisect_left(words, w)
            if i < len(words) and words[i].startswith(w) and self.is_chain(words[i][len(w):]):
                return score
        return 0

    def analyzable(self, w: str) -> bool:
        # ``инновацияларды`` = ``инновация`` (lexicon) + ``лар`` + ``ды``
        if "-" in w:
            head, _, tail = w.rpartition("-")
            return (head in self.doc or head in self.lex) and (tail in self.lex or tail in CLITICS or self.analyzable(tail))
        for k in range(len(w) - 1, 2, -1):
            stem = w[:k]
            if (stem in self.lex or stem in self.doc) and self.is_chain(w[k:]):
                return True
        return False

    def longest_stem(self, w: str) -> int:
        """Length of the longest known word that begins ``w`` and is followed by suffixes only
        (``кентасты``: 6, ``кентас``); 0 if none."""
        for k in range(len(w), 1, -1):
            stem = w[:k]
            if (stem in self.lex or stem in self.doc) and (k == len(w) or self.is_chain(w[k:])):
                return k
        return 0

    def spans(self, a: str, b: str) -> bool:
        """Is ``a + b`` a known stem that runs across the break, then suffixes?
        ``қыр|күйектегі`` = ``қыркүйек`` + ``те`` + ``гі``; the stem is 2+ letters longer than
        ``a`` and not a hyphenated form."""
        w = a + b
        if "-" in w:
            return False
        for k in range(len(w) - 1, len(a) + 1, -1):
            stem = w[:k]
            if (stem in self.lex or stem in self.doc) and self.is_chain(w[k:]):
                return True
        return False

    def suffix_start(self, b: str) -> bool:
        """``лық``, ``мациядағы``? No: ``лығымен`` yes. The piece is a suffix chain and not a word itself."""
        if len(b) < 2 or b in PARTICLES or b in self.doc or b in self.lex or self.analyzable(b):
            return False
        return self.is_chain(b, first_long=True)

    def attested_hyphen(self, a: str, b: str) -> float:
        """Written evidence for ``a-b``: 3 this text writes it, 2 the lexicon does, 1 only the
        stem pair (``қарым``, ``қаты``) of a lexicon form is known, 0 none."""
        form = a + "-" + b
        if form in self.doc:
            return 3
        if form in self.lex:
            return 2
        if (a, b[:4]) in self.pairs:
            return 1
        return 0

    def hyphen_stem(self, a: str, b: str) -> bool:
        """Does the lexicon hold a hyphenated form that begins with ``a-b`` (``мекен-жайы``)?"""
        key = a + "-" + b
        lex = _sorted_lexicon()
        i = bisect_left(lex, key)
        return i < len(lex) and lex[i].startswith(key)

    def hyphen_form(self, a: str, b: str) -> float:
        """Evidence that ``a-b`` is a real hyphenated word (``вице-президенті``, ``күш-жігерін``)."""
        form = a + "-" + b
        if form in self.doc:
            return 3
        if form in self.lex or (a, b[:4]) in self.pairs:
            return 2
        if b in CLITICS and (a[-2:] in _VERB_3SG if b in ("мыс", "міс") else self.word(a) >= 2):
            return 2  # сондай-ақ, келеді-міс
        if len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3] and (a in self.lex or a in self.doc):
            return 2  # reduplication: бір-бірімен, жылдан-жылға
        return 0

    def join_score(self, a: str, b: str) -> float:
        j = self.word(a + b)
        b_first = b.split("-")[0]
        if j < 2.5 and self.suffix_start(b_first):
            j = 2.5  # цифр|лық, жүрт|шылық
        return j

    def sep_score(self, a: str, b: str) -> float:
        return min(self.word(a), self.word(b.split("-")[0]))


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


# ---------------------------------------------------------------------------
# Decisions
# ---------------------------------------------------------------------------
_BACK = frozenset("аоұы")
_FRONT = frozenset("әөүіе")
_AMBIG = frozenset("иуюяэё")
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


def _memo_decision(fn):
    """Remember a decision per evidence block and arguments (``теле- да- да- да…``: the same
    pieces again are not weighed again). A decision is a function of the block's evidence,
    ``ev.sparse`` and its arguments only, so the result is the same; a text that repeats one
    break thousands of times (a hostile page, a run of ``жетіс-⏎``) costs a dict look-up
    per repeat instead of the rules and the learned layer."""
    name = fn.__name__

    @wraps(fn)
    def decide(ev: _Evidence, *args):  # type: ignore[no-untyped-def]
        key = (name, ev._blk, ev.sparse, *args)
        d = ev._memo.get(key)
        if d is None:
            d = ev._memo[key] = fn(ev, *args)
        return d
    return decide


@_memo_decision
def _decide_line_hyphen(ev: _Evidence, a: str, b: str) -> str:
    """A line ends in ``a-`` and the next starts with ``b``: 'join' (drop the hyphen) or 'hyphen'.

    A real hyphen is kept unless the evidence for a word break is strong: missing a join
    costs less than destroying ``вице-президенті``.

    * ``80-⏎нен`` → ``80-нен`` (number + suffix), ``ХСӘҚ-⏎ның`` → ``ХСӘҚ-ның`` (acronym + suffix)
    * ``80-⏎-нен`` → ``80-нен`` (TeX repeats a suffix hyphen on the next line)
    * ``Премьер-⏎Министрі`` → keep (a capital after the hyphen cannot be inside a Kazakh word)
    * ``вице-⏎президенті``, ``сондай-⏎ақ``, ``бір-⏎бірімен`` → keep (known hyphenated form,
      clitic, reduplication), unless this text writes the joined form and not the hyphenated one
    * ``Корея-⏎мен``, ``куәлік-⏎тері`` → join: the piece is a suffix chain
    * ``жетіс-⏎тіктерді`` → join: the joined form is known, the pieces are not both words
    * ``интернет-⏎ресурсына`` → keep: both parts occur in hyphenated lexicon forms
    * ``Әскери-⏎революциялық``, ``жақсы-⏎жайсаңдары`` → keep: both parts are words and the
      joined form is not known
    * ``зәре-⏎құтын`` → keep: front ``е`` then back ``ұ``, vowel harmony never changes inside a word
    * in a text with hyphenation off or lost (``ev.sparse``: Word, pdftotext, seed 004), a
      line-end hyphen is real (``мекен-⏎жай``, the participle + particle ``салған-⏎ды``),
      unless a case suffix follows a word: ``Қазақстан-⏎ның``
    """
    if b.startswith(("-", "\u2010")):
        return "drop"
    if _ends_number(a) or b[0].isdigit():
        return "hyphen"
    if _is_acronym(a) and not (b[0].isupper() and _is_acronym(b)):
        return "hyphen"
    if b[0].isupper():
        if _is_acronym(a) and _is_acronym(b) and ev.word(_norm(a + b)) >= 2:
            return "join"
        return "hyphen"
    al, bl = _norm(a), _norm(b)
    b_first = bl.split("-")[0]
    if not _syllable_break(al, b_first):
        return "hyphen"  # бозды-⏎еркекшөпті, ғ-⏎ларда, уә-⏎л-мамалик: not a place where a word can break
    h = ev.hyphen_form(al, bl)
    if ev.sparse:
        # this text does not hyphenate (or loses its break hyphens): the hyphen is real,
        # unless a case suffix follows a word (``Қазақстан-⏎ның``)
        b_first = bl.split("-")[0]
        if (h == 0 and ev.is_chain(b_first, first_long=True) and ev.word(b_first) == 0
                and ev.word(al + bl) >= 1 and not _harmony_clash(al, b_first)
                and not (b_first in ("ды", "ді", "ты", "ті") and al.endswith(("ған", "ген", "қан", "кен")))):
            return "join"
        return "hyphen"
    joined_in_doc = (al + bl) in ev.doc
    if h == 3 and joined_in_doc:
        # the text writes both ``туралы`` and ``тура-лы`` (a crawl that kept old break hyphens):
        # a bare suffix chain after the hyphen is a broken word, a word is a compound (теле-радио)
        b_first = bl.split("-")[0]
        if ev.is_chain(b_first, first_long=True) and b_first not in ev.doc and b_first not in ev.lex:
            return "join"
        return "hyphen"
    if h >= 2 and not joined_in_doc:
        return "hyphen"
    if joined_in_doc:
        return "join"  # the text itself writes ``жетістіктерді``
    a_last = al.rsplit("-", 1)[-1]  # Сан-Дие-⏎годағы: judge the last part
    wa, wb = ev.word(a_last), ev.word(b_first)
    if len(b_first) >= 3 and wa >= 2 and not ev.is_chain(b_first, first_long=True) and ev.hyphen_stem(al, bl):
        return "hyphen"  # мекен-⏎жай: the lexicon writes ``мекен-жайы``, ``мекен-жайға``
    if a_last in COMBINING and wb >= 2:
        return "hyphen"  # теле-⏎радио: a combining form before a whole word is written both ways
    left, right = _hyphen_parts()
    dleft, dright = ev.doc_hyphen_parts()
    in_left = a_last in left or a_last in dleft
    in_right = b_first[:4] in right or b_first[:4] in dright
    parts_hyphenated = in_left and in_right
    j = ev.join_score(al, bl)
    if j < 2 and ev.spans(al, bl):
        return "join"  # қыр-⏎күйектегі, қыз-⏎метшінің: a known stem (қыркүйек, қызметші) runs across the break
    # Below, the evidence for a real hyphen is weak (no hyphenated form attested): it is kept
    # only if ``a_last + b_first`` does not read as one word to the character model
    # (:func:`_reads_as_one_word`): ``ғима-⏎раттың``, ``Метро-⏎политен``, ``Қоры-⏎тылмаған``
    # join, ``зәре-⏎құтын``, ``Әскери-⏎революциялық``, ``бірімен-⏎бірі`` keep their hyphen.
    if len(a_last) >= 3 and len(b_first) >= 3 and j < 2 and _harmony_clash(a_last, b_first):
        # зәре-⏎құтын, бозды-⏎бетегелі: a suffix or a syllable would agree
        return "join" if _reads_as_one_word(a_last, b_first) else "hyphen"
    if b_first in PARTICLES or ev.is_chain(b_first, first_long=True):
        return "join"  # Корея-⏎мен, куәлік-⏎тері: a suffix, never hyphenated after a word
    if len(a_last) >= 3 and len(b_first) >= 3 and j < 2 and (
            # інтернет-⏎ресурсына, діндар-⏎монахы: a part known from hyphenated forms
            parts_hyphenated or in_left and len(a_last) >= 5 or in_right and len(b_first) >= 5 and wa >= 1
            # ветеринариялық-⏎санитариялық: the left piece ends a whole word
            or len(a_last) >= 6 and len(b_first) >= 4 and a_last.endswith(_WORD_FINAL)
            # two words, joined form unknown: Әскери-⏎революциялық
            or wa >= 2 and wb >= 2
            # социал-⏎демократиялық: a long known word after the hyphen, no join known
            or j == 0 and wb >= 2 and len(b_first) >= 6 and not ev.is_chain(b_first, first_long=True)
            # жақсы-⏎жайсаңдары, жобалау-⏎мақсатты: not even stem + suffixes
            or j == 0 and (wa >= 2 and wb >= 1 or wa >= 1 and wb >= 2)):
        return "join" if _reads_as_one_word(a_last, b_first) else "hyphen"
    return "join"


# ``split_gain`` above which two pieces read as one word: the one-word reading is the more likely
# (on dev, 0 and 2 destroy no more real hyphens than keeping them all; 0 repairs the most)
ONE_WORD_GAIN = 0.0


def _reads_as_one_word(a: str, b: str) -> bool:
    """Does ``a + b`` read as one Kazakh word rather than two (:func:`kaznlp.charlm.split_gain`)?
    ``ғима|раттың`` +: yes; ``зәре|құтын``, ``бірімен|бірі`` −: no. Cyrillic pieces only."""
    if not (_CYR.match(a) and _CYR.match(b) and a.isalpha() and b.isalpha()) or not charlm.available():
        return False
    return charlm.split_gain(a, b) > ONE_WORD_GAIN


# ---------------------------------------------------------------------------
# The learned layer: a logistic model over the rules' answer and the evidence
# ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _weights() -> dict[str, list[float]]:
    """``{decision kind: weights}`` from ``data/dehyph_weights.json``, checked once against the
    feature names of this version."""
    path = _DATA / "dehyph_weights.json"
    models = json.loads(path.read_text(encoding="utf-8"))["models"] if path.exists() else {}
    for kind, names in _FEATURES.items():
        if models.get(kind, {}).get("features") != names:
            raise RuntimeError(f"kaznlp/data/dehyph_weights.json does not match the {kind!r} features of "
                               "this version; rerun models/train_dehyph.py")
    return {kind: models[kind]["weights"] for kind in _FEATURES}


def _learned(kind: str, x: list[float]) -> float:
    """The model's score for features ``x`` (> 0: 'join')."""
    return sum(wi * xi for wi, xi in zip(_weights()[kind], x))


def _onehot(v: float, levels: tuple[float, ...]) -> list[float]:
    return [1.0 if v == lv else 0.0 for lv in levels]


def _gain_features(a: str, b: str) -> list[float]:
    """The character model's one-word gain for ``a|b``, scaled, and clipped to ±10 then scaled."""
    gain = charlm.split_gain(a, b) if charlm.available() else 0.0
    return [gain / 5, max(-10.0, min(10.0, gain)) / 5]


def _glue_features(ev: _Evidence, a: str, b: str) -> list[float]:
    """Whether the corpus counts how often a short ``b`` is glued after a word ending like ``a``,
    and the log ratio glued : apart (:meth:`_Evidence.glue_counts`)."""
    glue = ev.glue_counts(a, b) if len(b) <= 5 else None
    return [0.0, 0.0] if glue is None else [1.0, math.log((glue[0] + 1) / (glue[1] + 1)) / 3]


_J_LEVELS = (0, 1, 1.5, 2, 2.5, 3)  # evidence levels of :meth:`_Evidence.join_score`
_W_LEVELS = (0, 1, 1.5, 2, 3)  # and of :meth:`_Evidence.word`

# feature names, in order (data/dehyph_weights.json repeats them)
_PLAIN_FEATURES = (
    ["charlm_gain", "charlm_gain_clipped"]
    + [f"join_{v}" for v in _J_LEVELS] + [f"left_{v}" for v in _W_LEVELS] + [f"right_{v}" for v in _W_LEVELS]
    + ["right_is_suffix_chain", "syllable_break", "harmony_agrees", "harmony_differs", "harmony_clash",
       "left_capitalised", "left_conjunction", "glue_counted", "glue_log_ratio", "left_len", "right_len",
       "right_short", "right_stem_len", "rule_joins", "bias"]
)
_INLINE_FEATURES = (
    ["charlm_gain", "charlm_gain_clipped", "hyphenated_0", "hyphenated_1", "hyphenated_2", "hyphenated_3"]
    + [f"join_{v}" for v in _J_LEVELS] + [f"left_{v}" for v in _W_LEVELS] + [f"right_{v}" for v in _W_LEVELS]
    + ["right_is_suffix_chain", "right_is_particle", "harmony_agrees", "harmony_differs", "harmony_clash",
       "left_capitalised", "left_inflected", "left_in_hyphenated", "right_in_hyphenated", "glue_counted",
       "glue_log_ratio", "left_len", "right_len", "bias"]
)
_FEATURES = {"plain": _PLAIN_FEATURES, "inline_join": _INLINE_FEATURES}


def _inline_features(ev: _Evidence, a: str, b: str) -> list[float] | None:
    """Features of ``a- b`` in a line (see ``_INLINE_FEATURES``); None unless both are Cyrillic
    words (the character model knows Kazakh only: ``VII- VIII`` stays) and ``a`` is not a
    combining form (``теле- радиосюжеттерде`` is a suspended hyphen: it stays), at a place
    where a word can break."""
    al, bl = _norm(a), _norm(b)
    b_first = bl.split("-")[0]
    if (not al.isalpha() or not b_first.isalpha() or not _CYR.match(al) or not _CYR.match(b_first)
            or al in COMBINING or not _syllable_break(al, b_first) or b[0].isupper() or b_first in _SUSPENDERS):
        return None  # never before a vowel (``Әкесінің- інісі``), a capital or a conjunction
    left, right = _hyphen_parts()
    dleft, dright = ev.doc_hyphen_parts()
    agree = _vowels_agree(al, b_first)
    return (_gain_features(al, b_first) + _onehot(ev.attested_hyphen(al, bl), (0, 1, 2, 3))
            + _onehot(ev.join_score(al, bl), _J_LEVELS) + _onehot(ev.word(al), _W_LEVELS)
            + _onehot(ev.word(b_first), _W_LEVELS)
            + [float(ev.is_chain(b_first, first_long=True)), float(b_first in PARTICLES),
               float(agree is True), float(agree is False), float(_harmony_clash(al, b_first)),
               float(a[0].isupper()), float(_inflected_word(ev, al)), float(al in left or al in dleft),
               float(b_first[:4] in right or b_first[:4] in dright)]
            + _glue_features(ev, al, b_first) + [len(al) / 10, len(b_first) / 10, 1.0])


def _plain_features(ev: _Evidence, a: str, b: str, rule: str) -> list[float] | None:
    """Features of a bare line break ``a⏎b`` (see ``_PLAIN_FEATURES``); None if no word is left."""
    if not a[0].isalpha():
        a = a.rsplit("-", 1)[-1]
    al, bl = _norm(a), _norm(b).split("-")[0]
    if not al or not bl or not al.isalpha() or not bl.isalpha():
        return None
    agree = _vowels_agree(al, bl)
    return (_gain_features(al, bl)
            + _onehot(ev.join_score(al, bl), _J_LEVELS) + _onehot(ev.word(al), _W_LEVELS)
            + _onehot(ev.word(bl), _W_LEVELS)
            + [float(ev.is_chain(bl, first_long=True)), float(_syllable_break(al, bl)), float(agree is True),
               float(agree is False), float(_harmony_clash(al, bl)), float(a[0].isupper()),
               float(al in CONJUNCTIONS)]
            + _glue_features(ev, al, bl)
            + [len(al) / 10, len(bl) / 10, float(len(bl) <= 3), ev.longest_stem(bl) / 10,
               float(rule == "join"), 1.0])


@_memo_decision
def _decide_plain(ev: _Evidence, a: str, b: str, prior_join: bool | None, after: str = "") -> str:
    """A line ends in ``a`` (no hyphen) and the next starts with lower-case ``b``: 'join' or 'space'.

    In a text that loses its line-end hyphens, the rules' answer (:func:`_plain_rule`) is one
    input of a small logistic model (``data/dehyph_weights.json``, trained on the dev split by
    ``models/train_dehyph.py``) that also weighs the evidence levels and how Kazakh-like the
    one-word and the two-word readings are (:mod:`kaznlp.charlm`): ``күл⏎кілі`` → ``күлкілі``
    although ``күл`` is a word and ``кілі`` is unknown.
    """
    rule = _plain_rule(ev, a, b, prior_join, after)
    if not prior_join or not a[-1:].isalpha():
        return rule
    x = _plain_features(ev, a, b, rule)
    if x is None:
        return rule
    return "join" if _learned("plain", x) > 0 else "space"


def _plain_rule(ev: _Evidence, a: str, b: str, prior_join: bool | None, after: str = "") -> str:
    """The rules for :func:`_decide_plain`: 'join' or 'space'.

    ``prior_join`` says whether this text loses its line-end hyphens (seed 004: True), marks
    them (None: a bare break is a space) or wraps without breaking words (False: Word,
    pdftotext). With ``j`` = evidence for the joined form, ``wa``/``wb`` = evidence for
    each piece (3 written in this text, 2 lexicon, 1 stem + suffixes, 0 unknown):

    * ``цифр⏎лық`` → ``цифрлық``: ``лық`` is a suffix chain (j = 2.5)
    * ``инно⏎вацияларды`` → join: the joined form is known (j ≥ 2) unless both pieces are
      written alone in this very text and the joined form is not (``жыл⏎сайын``)
    * ``жетіс⏎тіктерді`` → join: joined form is stem + suffixes (j = 1) and a piece is unknown
    * ``Полиок⏎сиальдегидтер``: nothing known at all → join (a whole word is far more often
      known than a fragment); but ``Джа⏎картаның`` stays apart: a known word on the right and
      nothing for the join is, in the measured data, two words far more often than not
    * ``сот⏎әкімшілігінің`` → space (a syllable never starts with a vowel inside a word);
      ``басқарма⏎сымен`` → space: both pieces are words and the join is only analyzable
    """
    if not prior_join or not a[-1].isalpha():
        # None: the text marks its word breaks; False: it wraps without breaking words (Word,
        # pdftotext), even before a piece that looks like a suffix (адамдарда⏎бадырайып)
        return "space"
    if not a[0].isalpha():
        a = a.rsplit("-", 1)[-1]  # 2-жарты⏎сында, 1-санат⏎тағы: judge the word after the number
        if not a[:1].isalpha():
            return "space"
    al, bl = _norm(a), _norm(b)
    if not _syllable_break(al, bl):
        return "space"  # сот⏎әкімшілігінің: a syllable never starts with a vowel inside a word
    if (bl[0] in "ңьъ" or (a[0].isupper() and _SURNAME.match(bl) and ev.is_chain(bl[_SURNAME.match(bl).end():] or "ы"))):
        return "join"  # те⏎ңестірді: no word starts with ң, ь, ъ; Алда⏎бергенов, Ноғай⏎баев: a surname ending
    if bl in ("мен", "бен", "пен") and after in (",", ")", ".", ";", ":"):
        return "join"  # көрінгені⏎мен, деген⏎мен,: the conjunction ``мен`` is followed by a word
    j = ev.join_score(al, bl)
    b_first = bl.split("-")[0]
    wa, wb = ev.word(al), ev.word(b_first)
    s = min(wa, wb)
    if wb >= 2 and j < 3 and len(b_first) <= 5:
        # ``b`` is written alone as a word and is also a word ending: органдары⏎мен, кафедраларын⏎да,
        # Күнбағыс⏎тың. The corpus counts decide: ``...нымен`` 300 times against ``...ны мен`` 16,
        # ``...ында`` 3068 against ``...ын да`` 69; ``...ар мен`` 186 against ``...армен`` 206 is
        # too close to call, and the other evidence decides.
        c = ev.glue_counts(al, b_first)
        if c is not None:
            g, sep = c
            if g >= GLUE_RATIO * sep and ev.is_chain(b_first, first_long=True):
                return "join"
            if sep >= GLUE_RATIO * g:
                return "space"
    if (wb == 1 and j < 3 and len(b_first) > 5 and al not in CONJUNCTIONS
            and ev.is_chain(b_first, first_long=True)):
        # a longer piece that is a short word + suffixes: сағат⏎тарында (тар + ын + да), көпес⏎терінің.
        # The short word's glue counts decide, unless the piece has a longer stem of its own
        # (мыс⏎кентасты: кентас; күкірт⏎қышқылы: қышқыл), which makes it a word
        stem = ev.longest_stem(b_first)
        for k in range(min(5, stem + 1), 1, -1):
            if ev.is_chain(b_first[k:]):
                c = ev.glue_counts(al, b_first[:k])
                if c is not None:
                    if c[0] >= GLUE_RATIO * c[1] and stem <= k + 1:
                        return "join"
                    break
    if j >= 2:
        return "space" if (wa == 3 and wb == 3 and j < 3) else "join"
    if j >= 1:
        return "join" if s == 0 or (wa >= 2 and wb == 1 and not ev.is_chain(b_first, first_long=True)) else "space"
    return "join" if wa == 0 and (wb == 0 or (wb == 1 and ev.is_chain(b_first, first_long=True))) else "space"


# conjunctions after a suspended hyphen: ``теле- және радиосюжеттер``, ``ауыл- мен су шаруашылығы``
_SUSPENDERS = frozenset("және немесе әрі я яки һәм мен бен пен".split())
_ARTICLES = frozenset("аль әл ал эль әд ад ан ас ат ар уль ул ән әт әс әр".split())  # аль-Асад, әл-Фараби


# first parts of hyphenated foreign names: Сан-Диего, Санкт-Петербург, Нью-Йорк, Лос-Анджелес
_NAME_PREFIXES = frozenset("сан санта санто санкт сен сент нью лос лас ле ла дю ди фон ван абу ибн".split())
_INLINE_CLITICS = frozenset(("ақ", "ау", "ай", "ей"))  # сондай- ақ; not екен / ғой, which stand alone
# Case and possessive endings: a first part ending so is usually a whole inflected word, and
# "word- word" after it is a dash typed without its leading space (``анасы- аса құрметті``).
_INFLECTED_END = ("ы", "і", "сы", "сі", "да", "де", "та", "те", "нда", "нде", "ға", "ге", "қа", "ке",
                  "на", "не", "ны", "ні", "ды", "ді", "ты", "ті", "ның", "нің", "дың", "дің", "тың",
                  "тің", "дан", "ден", "тан", "тен", "нан", "нен")
_VOWELS = frozenset("аәеёиоөуұүыіэюя")


def _inflected_word(ev: _Evidence, al: str) -> bool:
    """``анасы``, ``тірегі``, ``соңында``: a known word with a case / possessive ending."""
    return len(al) >= 4 and al.endswith(_INFLECTED_END) and ev.word(al) >= 2


@_memo_decision
def _decide_inline(ev: _Evidence, a: str, b: str, after: str = "") -> str:
    """``a- b`` inside a line (web "hyphen + space"): 'join', 'hyphen' (drop the space) or 'keep'.

    The rules (:func:`_inline_rule`) decide; where they find no evidence and keep ``a- b``,
    a logistic model (``data/dehyph_weights.json``) may still join a broken word
    (``Тиф- фани``). It was trained with each ``X- Y`` that must stay weighted 12 times a
    broken word: dashes typed without their space are far more common in real web text than
    breaks (docs/dehyphenate.md, web text audit).
    """
    rule = _inline_rule(ev, a, b, after)
    if rule != "keep":
        return rule
    x = _inline_features(ev, a, b)
    if x is None:
        return rule
    return "join" if _learned("inline_join", x) > 0 else rule


def _inline_rule(ev: _Evidence, a: str, b: str, after: str = "") -> str:
    """The rules for :func:`_decide_inline`: 'join', 'hyphen' or 'keep'.

    In running web text a hyphen before a space is far more often a dash typed without its
    leading space (``анасы- аса құрметті``, ``тірегі- жастар``) or a suspended hyphen
    (``теле- радиосюжеттерде``) than a broken word, so nothing changes without positive
    evidence (measured on the raw corpus, see docs/dehyphenate.md):

    * ``жә- не`` → ``және``: the two pieces make a conjunction
    * ``теле- және радиосюжеттер`` → keep: a suspended hyphen (conjunction, then a word)
    * ``00- ден`` → ``00-ден``, ``27- кезекті`` → ``27-кезекті``, ``1818- 1881`` → ``1818-1881``:
      a number + a suffix / word / number
    * ``КСРО- ның`` → ``КСРО-ның``, ``мб- дан`` → ``мб-дан``: an acronym or a vowel-less
      abbreviation + a suffix
    * ``Премьер- Министрінің``, ``Сан- Диегодағы``, ``аль- Асадқа`` → hyphen: a capital after
      the hyphen only with the hyphenated form or its first part attested (lexicon or text) or
      an Arabic article; ``Палеолит- Ежелгі тас дәуірі`` stays (a dash)
    * ``келісім- шарт``, ``қарым- қатынас``, ``тау- кен`` → hyphen: the hyphenated form is written
      in this text or the lexicon (or its stem pair ``қарым-қаты…``), unless the first part is
      an inflected word and only the stem pair is known; ``сондай- ақ``: a clitic
    * ``ара- да``, ``Деген- мен,``, ``ғасырлар- да`` → join: a particle / one-syllable suffix whose
      joined form is a word
    * ``тұрақта- нады``, ``жүрт- шылық``, ``кенор- нының`` → join: the second piece is a bare
      suffix chain (not a word) after a fragment; after a known word only if the piece is
      unknown and agrees in vowel harmony (``бөлме- лері``; not ``самай- шеке``: а…е) and the
      word is not inflected
    * ``ауда- нының``, ``мемле- кеттік``, ``өзге- ріс`` → join: the joined form is written in the
      text or the lexicon and the pieces are not both words
    * ``қабыл- дау``, ``мәлім- деді`` → join: the joined form is known and is a word + a suffix
      chain that agrees in harmony, the first piece is not an inflected word
    * ``тем- пературасына`` → join: no piece is a word, the joined form is stem + suffixes
    * everything else stays as typed: ``анасы- аса``, ``соғу- бірі``, ``деректері- қорымдар``,
      ``самай- шеке``, ``спутник- қалалардағы``, ``Сиыр- сиыр``, ``жылы- Қостанай``
    """
    bl = _norm(b)
    al = _norm(a)
    if (al + bl) in CONJUNCTIONS:
        return "join"  # жә- не
    if bl in _SUSPENDERS and after[:1] in (" ", "\t") and after[1:2].isalnum():
        if not (bl in ("мен", "бен", "пен") and ev.word(al + bl) >= 1):
            return "keep"  # suspended hyphen: теле- және радиосюжеттер (but лидерлер- мен → лидерлермен)
    if _ends_number(a):
        return "hyphen" if b[0].isdigit() or b[0].islower() else "keep"  # 00- ден, 1818- 1881
    if b.isdigit() and _is_acronym(a) and a.isalpha():
        return "hyphen"  # ЭКСПО- 2017, ГРЭС- 2: a model or event number after an acronym
    if b[0].isdigit() or not b[0].isalpha() or not a[0].isalpha():
        return "keep"
    if _is_acronym(a):
        if b[0].islower() and ev.is_chain(bl):
            return "hyphen"  # КСРО- ның (but АҚ- құны: a dash before a word)
        if a.isupper() and b.isupper() and b.isalpha() and ev.word(al + bl) >= 2 and not ev.word(bl) >= 2:
            return "join"  # ҚАУ- ЛЫ, АК- ЦИОНЕРЛІК: a word in capitals, broken (the joined form is known)
        return "keep"
    b_first = bl.split("-")[0]
    h = ev.attested_hyphen(al, bl)
    if b[0].isupper():
        if h >= 2 or al in _ARTICLES:
            return "hyphen"  # Премьер- Министрінің, аль- Асад
        if a[0].isupper() and al in _NAME_PREFIXES:
            return "hyphen"  # Сан- Диегодағы, Нью- Йорк: the first part of a foreign place name
        return "keep"  # Палеолит- Ежелгі: a dash
    if not any(c in _VOWELS for c in al):
        return "hyphen" if ev.is_chain(b_first) else "keep"  # мб- дан: an abbreviation + a suffix
    if b_first in ("ды", "ді", "ты", "ті") and al.endswith(("ған", "ген", "қан", "кен")):
        return "hyphen"  # салған- ды: participle + particle
    inflected = _inflected_word(ev, al)
    if h >= 2 or (h > 0 and not inflected):
        return "hyphen"  # келісім- шарт, қарым- қатынас
    if bl in _INLINE_CLITICS and ev.word(al) >= 2:
        return "hyphen"  # сондай- ақ
    if b_first in ("мыс", "міс") and al[-2:] in _VERB_3SG:
        return "hyphen"  # келеді- міс
    j = ev.word(al + bl)
    wa, wb = ev.word(al), ev.word(b_first)
    if (b_first in PARTICLES or len(b_first) <= 3 and b_first in ev.sfx and wb < 2) and j >= 1:
        return "join"  # ара- да, Деген- мен, ғасырлар- да (not бөлігінде- бес: ``бес`` is a word)
    if wb <= 1 and ev.is_chain(b_first, first_long=True):
        # a bare suffix chain (not a word, at most "stem + suffixes"): a dash is followed by a word.
        # Suffixes agree with the stem's last vowel, so a front/back clash means two words.
        # Real words parse as suffix chains too (``қаулыны`` = қа+у+лы+ны), so after a known
        # word the piece must be unknown and agree (``бөлме- лері``); after a fragment it may
        # be "stem + suffixes" if it agrees (``тұрақта- нады``, ``жүрт- шылық``).
        agree = _vowels_agree(al, b_first)
        if wa >= 2:
            ok = agree and wb == 0 and not inflected  # not зорлыққа- шыдамаған (dative + a word)
        else:
            # a piece that is "stem + suffixes" itself needs an analyzable join: not
            # ``бейнежазбаның- шынайылығын``
            ok = agree and (wb == 0 or j >= 1) or wb == 0 and (agree is None or wa == 0)  # жүрт- шылық
        if ok:
            return "join"
    if j >= 2 and not (wa >= 2 and wb >= 1):
        return "join"  # ауда- нының, мемле- кеттік, өзге- ріс: the joined form is a known word
    if j >= 2 and not inflected and _vowels_agree(al, b_first) is not False and ev.is_chain(b_first, first_long=True):
        return "join"  # қабыл- дау, мәлім- деді: a known word = word + a suffix chain that agrees
    if wa == 0 and wb == 0 and j >= 1:
        return "join"  # тем- пературасына: no piece is a word, the joined form is stem + suffixes
    if _syllable_break(al, b_first):  # a piece after a break starts with a consonant (not Әкесінің- інісі)
        agree = _vowels_agree(al, b_first)
        if j == 3 and h == 0:
            return "join"  # Ел- басы, әр- бір: this text writes Елбасы / әрбір elsewhere (and never Ел-басы)
        if len(b_first) <= 5 and agree is not False and ev.is_chain(b_first, first_long=True):
            # теледидар- дан: ``дан`` is a word too, but the corpus glues it after ``...ар`` far
            # more often than it writes it apart (dehyph_contexts_kk.tsv), and a dash is not
            # followed by a case ending
            c = ev.glue_counts(al, b_first)
            if c is not None and c[0] >= GLUE_RATIO * c[1]:
                return "join"
        if wb == 0 and j >= 1 and agree is not False:
            return "join"  # мемлекетте- рімен: the piece is not even stem + suffixes, the join is
        m = _SURNAME.match(bl) if a[0].isupper() else None
        if m and ev.is_chain(bl[m.end():] or "ы"):
            return "join"  # Кү- леев, Ор- лов: a surname ending after a capitalised piece
    if (len(al) >= 4 and al in COMBINING and b[0].islower() and b_first not in _SUSPENDERS
            and not b_first.startswith(tuple(COMBINING))):
        # интернет- ресурсында, медиа- жоспар: a combining form before a word is a compound; a
        # suspended hyphen lists combining forms (теле- радиосюжеттерде) or takes a conjunction
        return "hyphen"
    return "keep"  # анасы- аса, соғу- бірі, самай- шеке, спутник- қалалардағы: no evidence


# ---------------------------------------------------------------------------
# Document analysis
# ---------------------------------------------------------------------------
# a token starts only after whitespace (``(?<!\S)``): no backtracking inside long tokens,
# which made the old pattern superlinear on web text with glued menu strings
_VOCAB_WORD = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")


_PUNCT = "\"'«»“”„‘’()[]{}<>.,;:!?…/\\*•`|#№§©®+=~^$@&"


def _doc_vocab(text: str) -> set[str]:
    """Words written whole in the text: line-edge tokens (possible fragments) and both tokens
    of a "hyphen + space" (``Осы- дан``) are left out, soft hyphens removed, lower case.

    One ``split`` per line into a set of tokens, then each distinct token is stripped of
    punctuation (a token with digits or inner punctuation goes through ``_VOCAB_WORD``):
    about 35 M chars/s, where one regex over the text ran at 10-20 M chars/s."""
    if SOFT in text:
        text = text.replace(SOFT, "")
    toks: set[str] = set()
    for line in _split_lines(text.lower()):
        ts = line.split()
        if len(ts) < 3:
            continue
        if "- " in line or "-\t" in line or "\u2010" in line:
            last = len(ts) - 1
            keep, skip = [], False
            for i, t in enumerate(ts):
                if skip:
                    skip = t[-1] in _HYPHENS and len(t) > 1  # ``инно- да- лық``: a chain of pieces
                    continue
                if t[-1] in _HYPHENS and len(t) > 1:
                    skip = True  # the hyphen is followed by a space: drop this token and the next
                    continue
                if 0 < i < last:
                    keep.append(t)
            toks.update(keep)
        else:
            toks.update(ts[1:-1])
    out: set[str] = set()
    for t in toks:
        w = t.strip(_PUNCT)
        if len(w) >= 2 and w.isalpha():
            out.add(w)
        elif w:
            out.update(_VOCAB_WORD.findall(w))
    if any("i" in w for w in out):
        out = {w.replace("i", "і") if "i" in w and _CYR.search(w) else w for w in out}
    return out


def _wrapped_blocks(lines: list[str]) -> list[bool] | None:
    """Per line: does it lie in a wrapped prose block (non-blank lines between blank lines)?

    Used when the whole text does not look wrapped, e.g. pdftotext output where dot-leader
    table-of-contents lines and one-word table cells surround wrapped prose. Prose blocks
    have lines of 40+ characters (median) and no dot leaders; a column of one-word cells
    (``орманы⏎оры⏎отары``) never qualifies. The prose blocks are judged together by
    :func:`_is_wrapped`. Returns None when they do not look wrapped.
    """
    n = len(lines)
    cand: list[tuple[int, int]] = []
    stripped = [x.strip() for x in lines]
    for i, j in _blocks(stripped):
        if j - i >= 2 and (i > 0 or j < n):
            block = stripped[i:j]
            lens = sorted(len(x) for x in block)
            if lens[len(lens) // 2] >= 40 and sum("...." in x for x in block) * 3 < len(block):
                cand.append((i, j))
    if not cand:
        return None
    joined: list[str] = []
    for i, j in cand:
        joined.extend(lines[i:j])
        joined.append("")
    if not _is_wrapped(joined):
        return None
    out = [False] * n
    for i, j in cand:
        for k in range(i, j):
            out[k] = True
    return out


# the end of a Russian-style surname (Бердімұрат|ов, Бозымба|евтың): [letters] ов / ев (+ а)
_SURNAME = re.compile(r"[^\W\d_]*?[оеё]ва?")

# glued / apart counts (dehyph_contexts_kk.tsv) this far apart decide a lost-hyphen break
GLUE_RATIO = 3

# The narrowest column of wrapped prose: newspaper columns run 25-40 characters a line.
MIN_WRAP_WIDTH = 12


def _blocks(stripped: list[str]) -> Iterator[tuple[int, int]]:
    """``(first, end)`` of each run of non-blank lines (*stripped*: lines with their spaces removed).

    >>> list(_blocks(["Ол", "келді.", "", "Біз"]))
    [(0, 2), (3, 4)]
    """
    n = len(stripped)
    i = 0
    while i < n:
        if not stripped[i]:
            i += 1
            continue
        j = i
        while j < n and stripped[j]:
            j += 1
        yield i, j
        i = j


def _break_vote(ev: "_Evidence", line: str, nxt: str, pos: int) -> int:
    """+1 when the bare break between *line* and *nxt* (at *pos*) can only continue a word
    (``медальда⏎рымен``: the joined form is known, the pieces are not words), -1 when both
    sides are clearly whole words, 0 otherwise. Shared by the document prior and the narrow
    block test."""
    if not line[-1].isalpha():
        return 0
    tw = _tail_word(line)
    hw = _HEAD_WORD.match(nxt)
    if not tw or not hw or not tw[0].isalpha():
        return 0
    al, bl = _norm(tw), _norm(_head(hw))
    ev.at(pos)
    js, sp = ev.join_score(al, bl), ev.sep_score(al, bl)
    if js >= 2 and sp == 0:
        return 1
    if sp >= 2 and js == 0:
        return -1
    return 0


def _narrow_prose(ev: "_Evidence", stripped: list[str], starts: list[int], width: list[int]) -> list[bool] | None:
    """Per line: does it lie in a narrow block (under 25 characters a line) that is wrapped prose
    which lost its line-end hyphens? None when no block is.

    A narrow block is a list or a table column unless its own lines say otherwise, so the
    evidence comes from the whole block, not from its width: most of its breaks continue in
    lower case, and the breaks whose next line can only continue a word (a suffix-only line,
    ``Нұрпейі⏎сов``, ``ауданы⏎ның``, ``медальда⏎рымен``: joined form known, pieces not words)
    outnumber those between two whole words, with the same ratio as the document prior
    (:func:`_edits`). A word list (``орманы⏎оры⏎өзені``) has whole words on both sides of
    every break and stays apart.
    """
    n = len(stripped)
    out: list[bool] | None = None
    for i, j in _blocks(stripped):
        if width[i] < 25 and j - i >= 6:
            sj = ss = low = 0
            for k in range(i, j - 1):
                L, M = stripped[k], stripped[k + 1]
                if not M[0].islower():
                    continue
                low += 1
                vote = _break_vote(ev, L, M, starts[k])
                sj += vote > 0
                ss += vote < 0
            if low * 2 >= j - i - 1 and sj >= 3 and sj * 100 >= ss * 12:
                if out is None:
                    out = [False] * n
                for k in range(i, j):
                    out[k] = True
    return out


def _is_wrapped(lines: list[str]) -> bool:
    """Does the text look line-wrapped (lines end mid-sentence, at a steady width)?

    ``"52 рет\\nкөрсетілді"`` alone is not evidence; thirty lines of about forty
    characters that mostly continue in lower case are.
    """
    ev_lens: list[int] = []
    internal = 0
    hyph = 0
    lengths: list[int] = []
    prev = ""
    for line in lines:
        cur = line.strip().lstrip(SOFT)  # a soft hyphen opening a line vanishes: look past it
        if cur:
            lengths.append(len(cur))
        if prev and cur:
            internal += 1
            last = prev[-1]
            first = cur[0]
            if first.islower() or (first.isdigit() and last != "."):
                if first.islower() and (last == SOFT or (last in _HYPHENS and prev[:-1].rstrip(SOFT)[-1:].isalpha())):
                    hyph += 1
                    ev_lens.append(len(prev))
                elif last.isalpha() or last in ",":
                    ev_lens.append(len(prev))
        prev = cur
    if hyph >= 1 and hyph * 4 >= internal:
        return True
    if len(ev_lens) < 3 or len(ev_lens) * 10 < internal * 3:
        return False
    lengths.sort()
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    ev_lens.sort()
    med = ev_lens[len(ev_lens) // 2]
    if med < MIN_WRAP_WIDTH:
        return False  # "а⏎а⏎а…", word lists, table cells: no print column is this narrow
    return med >= 0.6 * p90 or med >= 25 and med <= 200 and len(ev_lens) * 2 >= internal


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------
@overload
def dehyphenate(text: str, *, return_alignment: Literal[False] = ..., reflow: Reflow = ...,
                remove_page_furniture: bool = ...) -> str: ...
@overload
def dehyphenate(text: str, *, return_alignment: Literal[True], reflow: Reflow = ...,
                remove_page_furniture: bool = ...) -> tuple[str, Alignment]: ...


def dehyphenate(text: str, *, return_alignment: bool = False, reflow: Reflow = "auto",
                remove_page_furniture: bool = False) -> str | tuple[str, Alignment]:
    """Join words broken at line ends, reflow wrapped paragraphs, keep real hyphens.

    Args:
        text: raw text. Every break of :mod:`kaznlp.linebreaks` ends a line (``\\n``,
            ``\\r\\n``, ``\\u2029``, ``\\x1e``, ``\\f``, ...); ``\\r\\n`` and ``\\r`` come out as
            ``\\n``, the others as written when the break stays.
        return_alignment: also return an :class:`~kaznlp.alignment.Alignment`
            mapping output offsets to ``text`` (``al.span_to_src(start, end)``).
        reflow: ``"auto"`` (default) joins the lines of a paragraph only when the
            text shows evidence of wrapping; ``True`` always, ``False`` never
            (then only broken words are repaired).
        remove_page_furniture: drop PDF page furniture (form feeds, page-number
            lines, running headers/footers repeated on 3+ pages). Off by default:
            it is the only option that deletes digits and letters.

    Returns:
        The cleaned text (and the alignment). Only hyphens, soft hyphens and
        whitespace differ from the input (unless page furniture is removed).

    Three lines alone are too little evidence of wrapping for ``reflow="auto"``, so a short
    text that lost its hyphens is reflowed on request:

    >>> dehyphenate("Делегацияға цифр\\nлық қызметтер саласындағы ұлттық жетіс\\nтіктерді таныстырды.",
    ...             reflow=True)
    'Делегацияға цифрлық қызметтер саласындағы ұлттық жетістіктерді таныстырды.'
    >>> dehyphenate("Сот әкімшілігінің басшысы – ХСӘҚ вице-\\nпрезиденті Н.Р. Ахметзакиров")
    'Сот әкімшілігінің басшысы – ХСӘҚ вице-президенті Н.Р. Ахметзакиров'
    >>> dehyphenate("ҚР Премьер- Министрінің орынбасары, теле- және радиосюжеттер")
    'ҚР Премьер-Министрінің орынбасары, теле- және радиосюжеттер'
    """
    check_text(text, "dehyphenate")
    check_choice(reflow, "reflow", ("auto", True, False), "dehyphenate")
    if not isinstance(remove_page_furniture, bool):
        raise TypeError("kaznlp.dehyphenate(): remove_page_furniture must be a bool")
    gc_was_on = gc.isenabled()
    gc.disable()  # many small tuples, no cycles: the cyclic GC would make big inputs superlinear
    try:
        cur = text
        al: Alignment | None = None
        if remove_page_furniture:
            fe = _furniture(text)
            if fe:
                cur, al = apply_edits(text, fe)
        # A pass changes what later decisions read: line lengths and starts (wrap width, the short
        # last line of a paragraph), the words next to a join (``аവ\xad⏎- жо`` → ``аവ- жо``, a new
        # "hyphen + space"), the document vocabulary (a joined ``инновация`` is now written whole)
        # and the block cuts. So the output is processed again until a pass changes nothing, and
        # dehyphenate(dehyphenate(x)) == dehyphenate(x); the alignments are composed. The loop
        # ends: every pass that changes something shortens the text or turns a line break into a
        # space (``\r`` → ``\n`` happens in the first pass only); the cap is a guard.
        for _ in range(_MAX_PASSES):
            edits = _edits(cur, reflow)
            if not edits:
                break
            out, al2 = apply_edits(cur, edits)
            if out == cur:
                break
            al = al2 if al is None else al.compose(al2)
            cur = out
        out = cur
        if al is None:
            al = Alignment.identity(len(text))
    finally:
        if gc_was_on:
            gc.enable()
    return (out, al) if return_alignment else out


_MAX_PASSES = 8


def _inline_line(ev: "_Evidence", line: str, base: int, inline: list[tuple[int, int, str]]) -> None:
    """Decide every "hyphen + space" of one line (``Премьер- Министрінің``), appending edits.

    Pieces chained by several of them (``инно- да- лық``) are judged as the words a second pass
    over the output would see: the left word includes what the previous decision glued, the
    right word what the next one glued; adjacent decisions are repeated until they agree."""
    ms: list[tuple[re.Match[str], str, re.Match[str], str] | None] = []
    for m in _HYPH_SPACE.finditer(line):
        tw = _tail_word(line, m.start())
        hw = _HEAD_WORD.match(line, m.end())
        ms.append((m, tw.replace(SOFT, ""), hw, _head(hw)) if tw and hw else None)
    n = len(ms)
    adjacent = [i + 1 < n and ms[i] is not None and ms[i + 1] is not None and ms[i][2].end() == ms[i + 1][0].start()
                for i in range(n)]
    dec: list[str | None] = [None] * n
    for _ in range(n + 1 if any(adjacent) else 1):
        changed = False
        prev_word = ""
        for i, it in enumerate(ms):
            if it is None:
                prev_word = ""
                continue
            m, a, hw, b = it
            if i and adjacent[i - 1] and prev_word:
                a = prev_word  # ``инно- да- да``: the first join made ``иннода``, judge that word
            b_ext, end, k = b, hw.end(), i
            while adjacent[k] and dec[k + 1] in ("join", "hyphen"):  # ``инно- да- лық``: ``далық``
                b_ext += ("" if dec[k + 1] == "join" else "-") + ms[k + 1][3]  # type: ignore[index]
                end = ms[k + 1][2].end()  # type: ignore[index]
                k += 1
            d = _decide_inline(ev.at(base + m.start()), a, b_ext, line[end:end + 2])
            if d != dec[i]:
                changed = True
                dec[i] = d
            prev_word = a + b if d == "join" else a + "-" + b if d == "hyphen" else ""
        if not changed:
            break
    for it, d in zip(ms, dec):
        if it is None:
            continue
        m = it[0]
        if d == "join":
            inline.append((base + m.start(), base + m.end(), ""))
        elif d == "hyphen":
            inline.append((base + m.start() + 1, base + m.end(), ""))


def _split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their breaks, the last one included even when empty
    (``"а\\r\\nб\\u2029"`` → ``["а", "б", ""]``): ``str.split("\\n")`` for every break."""
    if not _OTHER_BREAK.search(text):
        return text.split("\n")
    return LINE_BREAK.split(text)


def _edits(text: str, reflow: Reflow) -> list[tuple[int, int, str]]:
    """The edits of one pass (sorted, not overlapping)."""
    other_breaks = _OTHER_BREAK.search(text) is not None  # a break that is not ``\n`` (kaznlp.linebreaks)
    has_nl = other_breaks or "\n" in text
    has_soft = SOFT in text
    has_hs = _has_hyphen_space(text) or (has_soft and _HS.search(text) is not None)
    has_cr = "\r" in text  # computed once: ``"\r" in text`` per paragraph made big texts quadratic
    hyph_break = has_nl and _HYPH_BREAK.search(text) is not None
    if not has_nl and not has_soft and not has_hs:
        return []  # fast path: one line, nothing to join
    if reflow is not True and not has_soft and not has_cr and not has_hs and not hyph_break:
        # fast path: nothing to repair; only wrapped lines could be reflowed, and wrapping
        # needs at least 3 line breaks before a lower-case letter or a digit (_is_wrapped)
        if reflow is False:
            return []
        k = 0
        for _ in _WRAP_NL.finditer(text):
            k += 1
            if k >= 3:
                break
        else:
            return []
    # ---- split into lines with source offsets --------------------------------
    starts = [0]
    brk: list[tuple[int, int]] = []  # (line_end, next_line_start)
    if has_nl:
        if other_breaks:
            for m in LINE_BREAK.finditer(text):
                brk.append((m.start(), m.end()))
                starts.append(m.end())
        else:
            pos = text.find("\n")
            while pos >= 0:
                brk.append((pos, pos + 1))
                starts.append(pos + 1)
                pos = text.find("\n", pos + 1)
    ends = [b[0] for b in brk] + [len(text)]
    lines = [text[s:e] for s, e in zip(starts, ends)]
    if reflow == "auto":
        wrapped = len(lines) > 1 and _is_wrapped(lines)
    else:
        wrapped = bool(reflow)
    block_wrapped: list[bool] | None = None
    if reflow == "auto" and not wrapped and len(lines) >= 4:
        block_wrapped = _wrapped_blocks(lines)  # pdftotext: prose blocks between a TOC and tables
    if not wrapped and not block_wrapped and not has_soft and not has_hs and not has_cr:
        if not hyph_break and not _HYPH_SP_BREAK.search(text):
            return []  # fast path: unwrapped, no hyphen at a line end
    ev = _Evidence(text)
    edits: list[tuple[int, int, str]] = []

    # ---- soft hyphens and "hyphen + space" inside lines ------------------------
    inline: list[tuple[int, int, str]] = []
    todo: set[int] = set()  # lines with a soft hyphen or a "hyphen + space", found at C speed
    if has_soft:
        todo.update(bisect_right(starts, m.start()) - 1 for m in re.finditer(SOFT, text))
    if has_hs:
        todo.update(bisect_right(starts, m.start()) - 1 for m in _HS.finditer(text))
    for li in sorted(todo):
        line = lines[li]
        base = starts[li]
        if has_soft and SOFT in line:
            core_end = len(line.rstrip(" \t" + SOFT))
            joins_next = (li + 1 < len(lines) and lines[li + 1].strip(" \t") and core_end > 0
                          and line[core_end - 1].isalnum())
            for m in re.finditer(SOFT + r"[ \t]*", line):
                if m.start() >= core_end and joins_next:
                    break  # line-end soft hyphen: handled with the break
                if m.start() >= core_end:
                    inline.append((base + m.start(), base + m.start() + 1, ""))
                    continue
                nxt = line[m.end():m.end() + 1]
                if m.end() > m.start() + 1 and not (nxt.isalnum()):
                    inline.append((base + m.start(), base + m.start() + 1, ""))
                else:
                    inline.append((base + m.start(), base + m.end(), ""))  # бар\xad лық → барлық
        if has_hs and ("- " in line or "-\t" in line or "\u2010 " in line or "\u2010\t" in line
                       or SOFT in line and _HS.search(line)):
            _inline_line(ev, line, base, inline)
    edits.extend(inline)

    # ---- line breaks -------------------------------------------------------------
    n = len(lines)
    stripped = [ln.strip(" \t") for ln in lines]
    # local width: the longest line of each block of non-blank lines
    width = [0] * n
    lens_all = sorted(len(s) for s in stripped if s)
    doc_w = lens_all[int(0.9 * (len(lens_all) - 1))] if lens_all else 0
    for i, j in _blocks(stripped):
        bw = max(len(stripped[k].rstrip(SOFT)) for k in range(i, j))
        if j - i < 3:
            bw = max(bw, doc_w)
        for k in range(i, j):
            width[k] = bw

    # prior: does this document lose its line-end hyphens (seed 004) or not (pdftotext)?
    prior_join: bool | None = False
    # Count the line ends that mark a word break: soft hyphens, and line-end hyphens that
    # look like a syllable break (``жетіс-⏎тіктерді``), not a compound (``вице-⏎президенті``):
    # a text that wraps without hyphenation still has real hyphens at some line ends.
    explicit = 0
    any_wrap = wrapped or bool(block_wrapped)
    for k in range(n - 1 if any_wrap else 0):  # only a wrapped text needs the count
        L, M = stripped[k], stripped[k + 1]
        if len(L) >= 2 and M and M[0].islower() and L[-1] in _HYPHENS + SOFT and L[:-1].rstrip(SOFT)[-1:].isalpha():
            if L[-1] == SOFT:
                explicit += 1
                continue
            tw = _tail_word(L, len(L) - 1)
            hw = _HEAD_WORD.match(M)
            if tw and hw and _decide_line_hyphen(ev.at(starts[k]), tw, _head(hw)) == "join":
                explicit += 1
    internal = sum(1 for k in range(n - 1) if stripped[k] and stripped[k + 1]) if any_wrap else 0
    ev.sparse = any_wrap and (explicit < 2 or explicit * 20 < internal)  # hyphenation off (Word, pdftotext): line-end hyphens are real
    if wrapped and explicit >= 2 and explicit * 10 >= internal:
        prior_join = None  # this text marks its word breaks: a bare line break is a space
    elif wrapped:
        sj = ss = 0
        for k in range(n - 1):
            L, M = stripped[k], stripped[k + 1]
            if not L or not M or not M[0].islower():
                continue
            vote = _break_vote(ev, L, M, starts[k])
            sj += vote > 0
            ss += vote < 0
        prior_join = sj >= 2 and sj * 100 >= ss * 12
        if prior_join:
            ev.sparse = True  # the text loses its break hyphens (seed 004): the hyphens left are real
    # narrow blocks (newspaper columns, 4-column PDFs) judged on their own evidence
    narrow = _narrow_prose(ev, stripped, starts, width) if reflow == "auto" and prior_join is not None and any_wrap else None

    k = 0
    carry = ""
    while k < n - 1:
        L = lines[k]
        Ls = stripped[k]
        if not Ls:
            k += 1
            carry = ""
            continue
        # find the next line; collect blank lines in between
        m = k + 1
        while m < n and not stripped[m]:
            m += 1
        line_core_end = starts[k] + len(L.rstrip(" \t"))
        if m >= n:
            # trailing blank lines / final newline: normalise to one "\n"
            if wrapped:
                _keep_breaks(text, line_core_end, len(text), "\n", edits)
            elif has_cr:
                _norm_breaks(text, brk, k, n - 1, edits)
            break
        M = lines[m]
        Ms = stripped[m]
        next_core = starts[m] + (len(M) - len(M.lstrip(" \t")))
        if (m == k + 2 and Ms[0].islower() and len(Ls) >= 2 and Ls[-1] in _HYPHENS
                and Ls[-2].isalpha()):
            # ``жалға-⏎⏎сады.``: pdftotext ends a column or page with a blank line, so one blank
            # line between a line-end hyphen after a letter and a lower-case line is a word
            # break, not a paragraph end (no paragraph ends in ``-`` and none starts in lower case)
            wk = wrapped or (block_wrapped is not None and block_wrapped[k] and block_wrapped[m])
            d = _decide_break(ev.at(starts[k]), L, Ls, M, Ms, wk, width[k], prior_join,
                              auto=reflow == "auto", carry=carry)
            if d is not None and d[1] == "":
                edits.append((line_core_end - d[0], next_core, ""))
                carry = _glued_word(Ls, d[0], carry)
                k = m
                continue
        if m > k + 1:
            # blank line(s): a paragraph break
            if wrapped:
                _keep_breaks(text, line_core_end, next_core, "\n\n", edits)
            elif has_cr:
                _norm_breaks(text, brk, k, m, edits)
            k = m
            carry = ""
            continue
        wk = wrapped or (block_wrapped is not None and block_wrapped[k] and block_wrapped[m])
        if not wk and Ls[-1] not in _LINE_END_MARKS:
            d = None  # unwrapped: only a line-end hyphen or soft hyphen is judged (as _decide_break does)
        else:
            nk = narrow is not None and narrow[k]
            d = _decide_break(ev.at(starts[k]), L, Ls, M, Ms, wk, width[k], True if nk else prior_join,
                              auto=reflow == "auto", carry=carry, narrow_prose=nk)
        carry = _glued_word(Ls, d[0], carry) if d is not None and d[1] == "" else ""
        if d is None:
            if wrapped:
                _keep_breaks(text, line_core_end, next_core, "\n", edits)
            elif has_cr:
                _norm_breaks(text, brk, k, k + 1, edits)
        else:
            cut, repl = d  # cut: how many characters before the core end belong to the break
            edits.append((line_core_end - cut, next_core if (wrapped or repl != "\n") else brk[k][1], repl))
        k = m
    if wrapped and n > 0 and stripped[0] and lines[0][:1] in " \t":
        edits.append((0, len(lines[0]) - len(lines[0].lstrip(" \t")), ""))
    elif wrapped and n > 0 and not stripped[0]:
        m = 0
        while m < n and not stripped[m]:
            m += 1
        if m < n:
            edits.append((0, starts[m] + len(lines[m]) - len(lines[m].lstrip(" \t")), ""))
    if has_soft:
        # soft hyphens vanish everywhere, also where no rule above looked (``1\t\xad⏎``);
        # one covered by another edit is dropped by _merge
        edits.extend((m.start(), m.end(), "") for m in re.finditer(SOFT, text))
    edits.sort(key=lambda e: (e[0], e[1]))
    return _merge(edits)


def _norm_breaks(text: str, brk: list[tuple[int, int]], k0: int, k1: int, edits: list[tuple[int, int, str]]) -> None:
    """Breaks ``k0 .. k1 - 1`` kept as they are, but ``\\r\\n`` and ``\\r`` written ``\\n``."""
    for k in range(k0, min(k1, len(brk))):
        s, e = brk[k]
        if text[s] == "\r":
            edits.append((s, e, "\n"))


def _keep_breaks(text: str, s: int, e: int, plain: str, edits: list[tuple[int, int, str]]) -> None:
    """A kept break region of wrapped text (``келді. ⏎ ⏎ Біз``: spaces and tabs around the breaks
    go). Written ``plain`` (``"\\n"``, or ``"\\n\\n"`` for a paragraph break) when its breaks are
    all ``\\n``, ``\\r\\n`` or ``\\r``; otherwise its breaks stay as written (``\\r`` as ``\\n``): a
    paragraph separator, a form feed (a page) or a record separator carries meaning, and a second
    pass over the output sees the same breaks (idempotence)."""
    region = text[s:e]
    if _OTHER_BREAK.search(region) and region.strip("\r\n \t"):
        repl = "".join("\n" if b[0] == "\r" else b for b in LINE_BREAK.findall(region))
    else:
        repl = plain
    if region != repl:  # no identity edits
        edits.append((s, e, repl))


def _merge(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop edits overlapping an earlier one (a soft hyphen inside a break region)."""
    out: list[tuple[int, int, str]] = []
    for e in edits:
        if out and e[0] < out[-1][1]:
            p = out[-1]
            if e[1] <= p[1]:
                continue
            # overlap: keep the earlier edit, cut this one
            e = (p[1], e[1], e[2])
        if e[0] == e[1] and not e[2]:
            continue
        out.append(e)
    return out


def _carried(tw: str | None, piece: str, carry: str) -> str | None:
    """The whole word ending a line: ``carry`` (the word glued from the lines before) + ``tw``
    when the line is that one word (``халық-⏎аралық-⏎тың``: ``халықаралық``, as a second pass
    over the output would see it).

    A glued run longer than ``_TAIL_WINDOW`` characters is no word, as :func:`_tail_word` reads
    it in that second pass (``а\xad⏎а\xad⏎…`` glues into one run): None. Without the bound the
    carried string grew with every line and the text cost quadratic time."""
    if carry and tw and piece.replace(SOFT, "") == tw:
        if len(carry) + len(tw) > _TAIL_WINDOW:
            return None
        return carry + tw
    return tw


def _glued_word(Ls: str, cut: int, carry: str) -> str:
    """The start of the word glued across a break (cut characters of ``Ls`` removed), to carry
    into the next line: ``аралық-`` (hyphen kept), ``халықаралық`` (hyphen dropped)."""
    piece = Ls[:len(Ls) - cut] if cut else Ls
    if piece[-1:] in _HYPHENS:
        w = _carried(_tail_word(piece, len(piece) - 1), piece[:-1], carry)
        return w + piece[-1] if w else ""
    return _carried(_tail_word(piece), piece, carry) or ""


def _decide_break(ev: _Evidence, L: str, Ls: str, M: str, Ms: str, wrapped: bool, width: int,
                  prior_join: bool | None, auto: bool = True, carry: str = "",
                  narrow_prose: bool = False) -> tuple[int, str] | None:
    """Decide one line break. None keeps it; else (cut, replacement) where ``cut``
    characters at the end of ``Ls`` (a line-end hyphen or soft hyphens) are replaced too.
    ``carry``: the start of a word glued across the previous break (see :func:`_carried`).

    * ``жетіс-⏎тіктерді`` → (1, "") ; ``вице-⏎президенті`` → (0, "")
    * ``бар\\xad⏎лық`` → (1, "") ; ``пен⏎Сот`` → (0, " ") in wrapped text
    * ``...барды.⏎⏎`` short last line, or ``ҚАЗАҚ ТІЛІНДЕГІ⏎АТАУЛЫ`` headline → None
    """
    core = Ls.rstrip(SOFT)
    nsoft = len(Ls) - len(core)
    if Ms[0] == SOFT and Ms.lstrip(SOFT):
        Ms = Ms.lstrip(SOFT)  # soft hyphens opening the next line vanish: judge what follows them
    first = Ms[0]
    # ---- a soft hyphen at the line end: always a word break --------------------
    if nsoft and core and (core[-1].isalnum()):
        return (nsoft, "")
    if nsoft:
        Ls = core
    # ---- hyphen at the line end ----------------------------------------------------
    pre = core[:-1].rstrip(SOFT)[-1:] if core[-1:] in _HYPHENS else ""  # ``1\xad-``: look past soft hyphens
    if pre and (pre.isalnum() or pre == "%"):
        tw = _carried(_tail_word(core, len(core) - 1), core[:-1].rstrip(SOFT), carry)
        hw = _HEAD_WORD.match(Ms)
        if tw and hw and (first.isalnum() or first in _HYPHENS):
            a, b = tw, _head(hw)
            if not wrapped and not (first.islower() or first in _HYPHENS):
                return None  # ``Премьер-⏎2015`` in unwrapped web text: a truncated line
            d = _decide_line_hyphen(ev, a, b)
            if d == "drop":
                return (nsoft + 1, "")
            if d == "hyphen":
                if not wrapped and not (ev.hyphen_form(_norm(a), _norm(b)) or _ends_number(a) or _is_acronym(a)):
                    return None
                return (nsoft, "")
            if not wrapped and ev.join_score(_norm(a), _norm(b)) < 1:
                return None
            return (nsoft + 1, "")
    if not wrapped:
        return None
    if core[-1:] in _HYPHENS and len(core) >= 2 and core[-2].isalpha() and first in "«\"“(":
        return (0, "")  # Екіншісі-⏎«Балқашмыс»
    if first in _HYPHENS and Ms[1:2].isalpha() and core[-1:].isalnum():
        # the repeated hyphen of a real hyphen at the line end (Russian/TeX style) whose first
        # copy was lost: ``сондай⏎-ақ`` → ``сондай-ақ``, ``80⏎-нен`` → ``80-нен``,
        # ``Жер⏎-Күн`` → ``Жер-Күн``, ``КСР⏎-і),``; a list dash is followed by a space
        # (``- бірінші``), and ``⏎-2020`` may be a number typed after a space (``қамту -2020``)
        return (0, "")
    # ---- plain break in wrapped text ---------------------------------------------------
    if auto and width < 25 and not narrow_prose:
        return None  # a block of short lines is a list or table column: орманы⏎оры
    indent_l = len(L) - len(L.lstrip(" \t"))
    indent_m = len(M) - len(M.lstrip(" \t"))
    if indent_m >= indent_l + 2 or (M[:1] == "\t" and L[:1] != "\t"):
        return None  # indented first line of a new paragraph
    last = core.rstrip(_CLOSERS)[-1:] if core.rstrip(_CLOSERS) else ""
    llen = len(core)
    # the next line's first word; the line may hold only whitespace that is not " " or "\t"
    # (``\xa0``, ``\u3000``: not blank for the paragraph logic, which strips " \t" only), then
    # no word follows: split() gave [] there and indexing it crashed
    toks = Ms.split(None, 1)
    first_tok = toks[0] if toks else ""
    fits = llen + 1 + len(first_tok) <= width  # the next word would have fitted: the break is meant
    if fits and (last in _FINAL or _BULLET.match(Ms) or (auto and prior_join is False and llen < 0.6 * width)):
        # short last line of a paragraph; a list item; in a text that does not break words,
        # a short line whose successor's first word would have fitted: ``[жапон-қытай]⏎қатынастары,``
        return None
    if not first.islower():
        if fits and last not in ",":
            return None  # headline-like short line
        letters = [c for c in core if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters) and not first.isdigit():
            return None  # ALL-CAPS heading
    if first.islower() and core[-1:].isalpha():
        tw = _carried(_tail_word(core), core, carry)
        hw = _HEAD_WORD.match(Ms)
        if tw and hw:
            if _decide_plain(ev, tw, _head(hw), prior_join, Ms[hw.end():hw.end() + 1]) == "join":
                return (0, "")
    return (0, " ")


def _furniture(text: str) -> list[tuple[int, int, str]]:
    """The edits removing page furniture (opt-in), a pass of its own before de-hyphenation:
    page-number lines, running headers/footers, and the form feeds between pages. A form feed
    is a line break (kaznlp.linebreaks); one next to another break goes (``…барды.⏎\\fКеліссөз``
    → ``…барды.⏎Келіссөз``), one between two lines becomes ``\\n``."""
    from collections import Counter

    edits: list[tuple[int, int, str]] = []
    starts = [0]
    ends: list[int] = []
    for m in LINE_BREAK.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
        if m.group() == "\f":
            p, q = m.start(), m.end()
            near = (p == 0 or text[p - 1] in LINE_BREAK_CHARS or q == len(text) or text[q] in LINE_BREAK_CHARS)
            edits.append((p, q, "" if near else "\n"))
    ends.append(len(text))
    keys: Counter[str] = Counter()
    norm_lines = []
    for a, b in zip(starts, ends):
        s = text[a:b].strip()
        key = re.sub(r"\d+", "#", s)
        norm_lines.append((s, key))
        if s:
            keys[key] += 1
    pages = text.count("\f") + 1
    for i, (s, key) in enumerate(norm_lines):
        if s and (re.fullmatch(r"[-–—]?\s*\d{1,4}\s*[-–—]?", s) or (pages >= 3 and keys[key] >= 3 and len(s) < 80
                                                                        and keys[key] <= pages + 1 and "#" in key)):
            edits.append((starts[i], ends[i], ""))
        elif s and pages >= 3 and keys[key] >= max(3, pages // 2) and len(s) < 80:
            edits.append((starts[i], ends[i], ""))
    edits.sort()
    return edits
