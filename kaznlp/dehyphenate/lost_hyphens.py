"""Real hyphens lost with the line-end hyphens (``ev.hyphens_lost``): the rules that put one back
at a break (docs/dehyphenate.md, Rounds 14-18)."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kaznlp._data import read_lines
from kaznlp.lang.alphabet import PURE_VOWELS, VOWELS
from kaznlp.lang.phonology import vowels_agree

from .chars import _DASHES, _HYPHENS
from .evidence import Evidence
from .morph import norm
from .rules_inline import _ARTICLES, _NAME_PREFIXES
from .rules_line import _lower_text, _written_apart

# a hyphenated word inside a line: its left part, the first 3 letters of its right part
_HYPHEN_PAIR = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-([^\W\d_]{3})")


def combining_o(ev: Evidence, a: str, bl: str) -> bool:
    """``афро⏎американдық``: a lower-case no-word of 2+ syllables ending in ``о`` before a vowel (Round 16)."""
    return a[-1:] == "о" and bl[:1] in VOWELS and a.isalpha() and a.islower() and sum(c in VOWELS for c in a) >= 2 and ev.word(norm(a)) == 0


def lost_pair_hyphen(ev: Evidence, a: str, b: str) -> str:
    """The rule that makes a join a lost real hyphen, or "" (docs/dehyphenate.md, Round 16): ``қиял⏎ғажайып``."""
    al, bl = norm(a), norm(b)
    if bl[:1] == "и" and al[-1:] in PURE_VOWELS:
        return "lost_hyphen_vowel_before_i"  # no word breaks before ``и`` after a vowel
    if combining_o(ev, a, bl):
        return "lost_hyphen_combining_o"
    return "text_hyphen_pair" if a.isalpha() and _text_pair(ev, al, bl) and not _written_apart(ev, al, bl) else ""


def _text_pair(ev: Evidence, al: str, bl: str) -> bool:
    """The block writes ``al-`` + the first 3 letters of ``bl`` inside a line (``толғау-монологын``)."""
    pairs = ev.per_block("hyphen_pairs", lambda t: frozenset(_HYPHEN_PAIR.findall(_lower_text(t))))
    return len(bl) >= 3 and (al, bl[:3]) in pairs


def lost_real_hyphen(ev: Evidence, a: str, b: str) -> bool:
    """In a text that loses its line-end hyphens (``prior_join``), the real hyphens at line ends
    are lost too: ``оңтүстік⏎батысқа``, ``жауын⏎шашын``, ``сондай⏎ақ``, ``Лас⏎Вегастағы`` get
    their hyphen back when the hyphenated form is attested (text, lexicon, a lexicon stem pair,
    the clitic ``ақ``, a foreign name prefix before a capital) and the joined form is no known
    word."""
    if not a.isalpha() or not b.split("-")[0].isalpha():
        return False
    al, bl = norm(a), norm(b)
    if ev.word(al + bl) >= 2:
        return False
    if a[0].isupper() and b[0].isupper():
        return (al in _NAME_PREFIXES and ev.hyphens_lost > 1 or ev.attested_hyphen(al, bl) >= 1) and not _written_apart(ev, al, bl)
    if not b[0].islower():  # an Arabic article that is no Kazakh word before a capital: ``әд⏎Дин`` (Round 18)
        return b[0].isupper() and a.islower() and al in _ARTICLES and ev.word(al) < 2
    # the hyphenated form (or its stem pair) is written in this text or the lexicon; or the
    # clitic ``ақ`` (``сондай-ақ``, ``бір-ақ``). Not a reduplication guess: ``барлық⏎бар``,
    # ``болатын⏎болса``, ``балабақшаға⏎баланың`` are two words
    h = ev.attested_hyphen(al, bl)
    return (h >= 1 or bl == "ақ" and ev.word(al) >= 2 or combining_o(ev, a, bl)) and not _written_apart(ev, al, bl) and not (
        h < 3 and (al, bl[:4]) in open_pairs())  # ``денсаулық⏎сақтау``: an open phrase (Round 19)


@lru_cache(maxsize=1)
def open_pairs() -> frozenset[tuple[str, str]]:
    """``(left, right[:4])`` of the lexicon's hyphenated pairs the corpus writes apart far more often
    (``data/dehyph_open_pairs_kk.txt``, built by ``training/build_dehyph_open_pairs.py``)."""
    return frozenset((p[0], p[1]) for p in (ln.split("\t") for ln in read_lines("dehyph_open_pairs_kk.txt")))


# a number and the word after it, inside a line: ``20-жылдарында``, ``2015 жылы`` (Round 18)
_NUM_WORD = re.compile(r"(?<![\w.,])\d{1,4}([- ])([^\W\d_]{4})")
_PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")


def _number_words(block: str) -> tuple[Counter[str], Counter[str]]:
    """The first 4 letters of the words written after a number with a hyphen, and with a space."""
    hy: Counter[str] = Counter()
    sp: Counter[str] = Counter()
    for sep, w in _NUM_WORD.findall(_lower_text(block)):
        (hy if sep == "-" else sp)[w] += 1
    return hy, sp


def lost_number_hyphen(ev: Evidence, core: str, b: str) -> str:
    """A line ends in a number and the next opens with a lower-case word ``b`` (docs/dehyphenate.md,
    Round 18): the rule that puts the lost hyphen back, or "". Kazakh writes an ending after digits
    with a hyphen (``14%-ға``), and an ordinal in digits with one (``70-жылдары``, ``2-қосымша``); a
    cardinal takes no plural (``бес адам``), so a lone number before a plural noun is an ordinal."""
    words, bl = core.split(), norm(b)
    if len(words) < 2 or not bl.isalpha():
        return ""  # a number alone on its line is a page number (``⏎1⏎ша оттегі``)
    tok = words[-1]
    if len(bl) <= 5 and bl not in ("мен", "бен", "пен") and bl not in ev.lex and ev.word(bl) in (0, 3) and not ev.analyzable(bl) and ev.is_chain(
            bl, first_long=True):
        return "lost_number_suffix_hyphen"  # ``14%⏎ға``, ``100⏎ге``; not ``«12⏎баулы»`` (a word)
    prev = core[:len(core) - len(tok)].rstrip()[-1:]
    if not tok.isdecimal() or len(tok) > 4 or prev.isdigit() or prev in _HYPHENS + _DASHES:
        return ""  # a range's second number (``1822 — 1824⏎жылдары``), a thousands group (``820 000``)
    if len(tok) <= 3 and any(bl[k:k + 3] in _PLURAL and ev.is_chain(bl[k:]) and ev.word(bl[:k]) >= 2
                             and vowels_agree(bl[:k], bl[k:]) for k in range(2, len(bl) - 2)):
        return "lost_ordinal_plural"  # ``70⏎жылдарынан``; ``1890 жылдары`` (a year) is cardinal, ``гек|тар`` no plural
    hy, sp = ev.per_block("number_words", _number_words)
    if len(bl) >= 4 and hy[bl[:4]] >= max(1, sp[bl[:4]]):
        return "text_number_hyphen"  # ``2⏎қосымшаға`` in a text that writes ``1-қосымшаға``
    return ""


_OPEN_NUMBER = re.compile(r"\(\d{1,4}$")
_CLOSE_NUMBER = re.compile(r"\d{1,4}\)")


def bracket_range(core: str, Ms: str) -> bool:
    """``бірнеше (8⏎16) тармақталған``: a line ends in ``(`` + a number and the next opens with a number +
    ``)``, which closes that bracket: no list item ``16)`` (Round 18), so the range rule may read it."""
    return bool(_OPEN_NUMBER.search(core)) and bool(_CLOSE_NUMBER.match(Ms))
