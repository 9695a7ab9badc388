"""Kazakh tokenizer following UD Kazakh-KTB conventions.

One compiled regular expression scans the text left to right; its named groups
say what kind of token matched. Every non-space character ends up in exactly one
token, and offsets point into the caller's text.

Conventions (each has a test in ``tests/test_tokenize.py``):

- Kazakh letters (ә ғ қ ң ө ұ ү һ і) are letters; a word may carry combining
  marks, soft hyphens and zero-width joiners inside it.
- number + suffix is one token: ``80-нен``, ``55-ші``, ``63%-ы``, ``19,4°С-қа``,
  and a year with the year word: ``2014-жылғы``; number + free word is three, as in
  KTB: ``15`` ``-`` ``жылдығының``; a range too: ``17`` ``-`` ``19``.
- acronym or Latin name + suffix is one token: ``ҚР-ның``, ``IACA-ның``,
  ``COVID-19-дың``; hyphenated compounds stay whole: ``вице-президенті``,
  ``іс-қимыл``, ``Қасым-Жомарт``.
- abbreviations keep their period: ``т.б.``, ``млн.``, ``ж.``, initials ``А.``; a chain of
  single-letter abbreviations is one token, known or not (``ә.б.``, ``б.з.д.``), and so are
  initials that no name follows (``Сейітов Қ.Ж.``); initials before a name stay apart, as in
  KTB (``А.`` ``А.`` ``Мерғалиев``).
- decimals ``2,5``, times ``14:17``, dates ``08.10.2015`` are one token.
- URLs, e-mails and domains are whole (``Egemen.kz``; a final period is split off).
- quotes ``« » “ ” „ "`` and dashes ``– —`` are tokens of their own; ``...`` and ``…``
  are one token.

How it is fast: one compiled pattern does almost all the work (every alternative ends in an
empty named group that names its rule, so the engine skips an alternative whose first
character cannot match; the commonest tokens, a plain word, a plain number and a lone
punctuation mark, are tried first; the white space after a token is consumed by the same
match), the matches are read into four columns (starts, ends, surfaces, kinds) and the records
built from them by C-level ``map``/``zip`` with no Python code per token, and Python rules run
only where the pattern says they may fire, on those tokens only (a hyphen inside a word, a
combining mark the pattern does not know, an auxiliary verb after a space). Profile (news
corpus, one call per document): the pattern's scan is about 40 % of the time, reading the
matches into columns about 30 %, making the records about 20 %, the Python rules under a
tenth. Before, the scan alone took as long as all of it now: every alternative was
tried at every space, and the e-mail rule rescanned each word. ``kaznlp.process`` takes the
columns (:func:`_columns`) and makes each record once, at its offsets in the caller's text.

>>> [t.text for t in tokenize("ҚР-ның 2,5 млн. теңгесі, т.б.")]
['ҚР-ның', '2,5', 'млн.', 'теңгесі', ',', 'т.б.']
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice
from operator import add, attrgetter
from types import MappingProxyType

import unicodedata2 as unicodedata

from . import _data
from ._validate import check_choice, check_text
from .spans import Token, make_tokens

__all__ = ["tokenize", "token_columns", "TOKEN_PATTERN", "RULE_KINDS", "token_pattern", "hyphen_cuts",
           "abbreviation_stops"]

# -- character classes ----------------------------------------------------------
# Inside a word: letters and digits (\w without "_" is fine: "_" joins identifiers),
# combining marks, soft hyphen and zero-width (non-)joiners, so damaged words such as
# "бар\u00adлық" or a decomposed "и\u0306" stay one token.
# Common combining marks (Latin, Cyrillic, general) are matched inside words by the pattern;
# any other mark (Devanagari nukta and vowel signs, Arabic harakat, ...) is glued to the
# word before it by a post-step (``_glue_mark``): one big character class would slow the
# whole scan by half.
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00ad\u200b-\u200d\u2060\ufeff"
W = rf"[\w{_MARKS}]"
LOWER = "a-zа-яёәғқңөұүһі"
UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
HYPHEN = "[-\u2010\u2011]"  # hyphen-minus, hyphen, non-breaking hyphen
APOSTROPHE = "['\u2019\u02bc]"
UNIT_SPACE = "[ \u00a0\u202f]"  # between a number and its unit: "5 %", "63\u00a0%-ы"

# The singular forms of "жыл" (year) that news glues to a year: "2014-жылғы", "2015-жылы".
YEAR_FORMS = ("жыл", "жылы", "жылғы", "жылда", "жылдан", "жылға", "жылдың", "жылын", "жылдағы")


def _alternation(words) -> str:
    """A regex matching any of ``words``, written as a prefix tree: ``т(?:\\.(?:б\\.|с\\.с\\.)|…)``.

    Python's ``re`` tries the branches of a flat alternation one by one, so a list of 90
    abbreviations cost 90 failed tests at every word; the tree costs one test per character.
    At each node the longer continuations are tried before the word ending there, so the
    longest word that fits wins, as with a flat list sorted longest first.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if "" in node:
            return "(?:" + "|".join(branches) + ")?" if branches else ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)



def _word_stops(abbreviations) -> str:
    """The characters that follow the first run of word characters in an abbreviation
    (``.`` in ``млн.``, ``/`` in ``р/с``): a word followed by none of them is no abbreviation.
    ``""`` when some abbreviation is word characters only (then no word is safe from the rule)."""
    stops = set()
    for abbr in abbreviations:
        head = re.match(r"\w*", abbr).group()  # type: ignore[union-attr]
        if head == abbr:
            return ""
        stops.add(abbr[len(head)])
    return "".join(sorted(stops))


_PUNCT = frozenset(".,;:!?()[]{}«»“”„\"'‘’‹›–—-‐‑/\\…")


def _rules(email: bool = True, fast: bool = True) -> str:
    """The tokenizer's rules as one regex; ``email=False`` leaves out the e-mail rule, ``fast=False``
    the fast paths (the tests check that they change no token).

    Every alternative ends in an empty named group that names the rule (``match.lastgroup``):
    written after the rule rather than around it, it lets the regex engine skip an alternative
    whose first character cannot match with a single test. The first four alternatives are
    fast paths for the commonest tokens (nine in ten on news): a plain word, a plain number, a
    punctuation mark, a period or hyphen, each only where the next character can extend it into
    no longer token (no word character, period, hyphen, apostrophe, ``@``, ``+``, ``://``, no
    ``%`` after a number). Where a fast path matches, the full rules after it give the same
    token; everywhere else the full rules decide, in their order.
    """
    abbr = _data.abbreviations()
    dotted = [a for a, cls in abbr.items() if cls != "month"]
    months = [a for a, cls in abbr.items() if cls == "month"]
    suffix_chain = rf"(?=[{LOWER}]{{1,12}}(?!{W}))(?:{_alternation(_data.suffixes())})+(?!{W})"
    year = rf"(?:{_alternation(YEAR_FORMS)})(?!{W})"
    tld = _alternation(_data.tlds())
    url_char = r"[^\s<>\"«»“”„()\[\]{}]"
    url_end = r"[^\s<>\"«»“”„()\[\]{}.,;:!?'’]"
    stops = _word_stops(abbr)
    parts = []
    if fast and stops:  # a word no rule below can extend or claim (not an abbreviation, e-mail, URL, domain)
        parts.append(rf"[^\W\d]\w*+(?![\w{_MARKS}.'’ʼ\-\u2010\u2011@+{re.escape(stops)}]|://)(?P<w>)")
    if fast:
        parts += [
            # a number no unit, decimal part, suffix or e-mail follows
            rf"\d++(?![\w{_MARKS}.,:%‰°\-\u2010\u2011@+]|{UNIT_SPACE}%)(?P<n>)",
            # punctuation that starts no other token (not ".", "-": e-mail, "...")
            r"[,;:!?()\[\]{}«»“”„\"'‘’‹›–—\u2010\u2011/\\…](?P<p>)",
            # a period or hyphen that starts no e-mail or "..." (the next character is no word
            # character, period, hyphen or "+")
            r"[.\-](?![\w.+\-])(?P<pd>)",
        ]
    parts += [
        # https://sud.gov.kz/kaz/news, www.akorda.kz
        rf"(?:(?:https?|ftp)://|www\.){url_char}*{url_end}(?P<url>)",
    ]
    if email:
        # press@sud.gov.kz (the local part is at most 64 characters, RFC 5321, ends in a word
        # character and is all of the run of local-part characters: read once, never rescanned,
        # and tried only where such a run starts, so "a.a.a.…" stays linear)
        parts.append(r"(?<![\w.+-])[\w.+-]{1,64}+(?<=\w)@\w[\w-]*(?:\.\w[\w-]*){0,8}\.[A-Za-z]{2,}(?P<email>)")
    parts += [
        # a chain of single-letter abbreviations, known or not: "ә.б.", "б.з.д.", "т.ғ.д.", and
        # initials that no name follows ("Хатқа қол қойған Сейітов Қ.Ж.", "Сейітов Қ.Ж., …"):
        # Kazakh abbreviates a phrase by the first letters of its words, so any such chain is one
        # word; initials before a name stay apart, as in KTB ("А.", "А.", "Мерғалиев")
        rf"(?<!{W})(?:[{UPPER}{LOWER}]\.(?:[{LOWER}]\.){{1,3}}|(?:[{UPPER}]\.){{2,3}}(?!\s*[{UPPER}]))"
        rf"(?!{W})(?P<chain>)",
        # т.б., млн., Б.з.б. (not the middle of a longer word: "ж." but not "…ж.б")
        rf"(?<!{W})(?i:{_alternation(dotted)})(?!{W})(?P<abbr>)",
        # a month abbreviation right after a day number: "5 қаң."
        rf"(?<=\d )(?i:{_alternation(months)})(?!{W})(?P<month>)",
        # an initial: one capital letter and a period, before a capital ("А.А. Мерғалиев",
        # "А.Мерғалиев", "Н.Ә.Назарбаев"); also "Т.", "Ғ." before a surname
        rf"(?<!{W})[{UPPER}]\.(?=\s*[{UPPER}])(?P<initial>)",
        # 2,5  14:17  08.10.2015  63%-ы  19,4°С-қа  80-нен  2014-жылғы
        # (one space, no-break or narrow no-break space before "%" or a unit: "5 %", "30° C";
        # the unit letter only when it ends there: not "50° " + "Солтүстік")
        rf"\d+(?:[.,:]\d+)*(?:{UNIT_SPACE}?%|‰|°(?:{UNIT_SPACE}?[CСF](?!{W}))?)?"
        rf"(?:{HYPHEN}(?:{suffix_chain}|{year}))?(?P<number>)",
        # words, compounds, acronym+suffix, domains: вице-президенті, ҚР-ның, COVID-19-дың, Egemen.kz
        # ("word" closes first, so "hword", a hyphen inside, or "domain" names the rule when it matched)
        rf"(?P<word>){W}+(?:{APOSTROPHE}{W}+)*(?:(?:{HYPHEN}{W}+(?:{APOSTROPHE}{W}+)*)+(?P<hword>))?"
        rf"(?:(?:\.{W}+(?:-{W}+)*){{0,6}}\.(?i:{tld})(?!{W})(?:{HYPHEN}{W}+)?(?P<domain>))?",
        # "..." and "…" are one token; "?!" and "?.." are single marks, as in KTB
        r"(?:\.{3,}|…)(?P<ellipsis>)",
        # anything else: one character (punctuation, quotes, dashes, symbols, emoji)
        rf"[{re.escape(''.join(sorted(_PUNCT)))}](?P<punct>)",
        r"\S(?P<symbol>)",
    ]
    return "|".join(parts)


#: The tokenizer's pattern: each match is one token before the Python rules (hyphenated words
#: split, combining marks glued, verb forms joined); ``match.lastgroup`` names the rule.
TOKEN_PATTERN = re.compile(_rules())
# What tokenize scans with: the same rules, each match also taking the white space after its
# token (the engine then never tries the rules at a space); without the e-mail rule for text
# with no "@".
_SCAN = re.compile(rf"(?:{_rules()})\s*+")
_SCAN_NO_EMAIL = re.compile(rf"(?:{_rules(email=False)})\s*+")

# rule (lastgroup) -> token kind; "hword" (a word with a hyphen inside) is split or kept by
# _split_compounds; a "symbol" may be a combining mark that continues the token before it (_glue_marks)
_KIND = {
    "w": "word", "n": "number", "p": "punct", "pd": "punct",
    "url": "url", "email": "email", "abbr": "abbr", "chain": "abbr", "month": "abbr", "initial": "abbr",
    "number": "number", "word": "word", "hword": "hword", "domain": "domain", "ellipsis": "punct",
    "punct": "punct", "symbol": "symbol",
}

#: The token kind each rule of the pattern gives: ``RULE_KINDS[match.lastgroup]`` (read-only).
#: ``"hword"``, a word with a hyphen inside, is not a kind: :func:`tokenize` keeps it one
#: ``"word"`` or cuts it where :func:`hyphen_cuts` says; a ``"symbol"`` that is a combining mark
#: is glued to the token before it.
RULE_KINDS = MappingProxyType(_KIND)


def token_pattern(*, fast: bool = True, email: bool = True, scan: bool = False) -> re.Pattern[str]:
    """The tokenizer's rules as one compiled pattern, to inspect or test them.

    Each match is one token before the Python rules (hyphenated words cut, unknown combining
    marks glued, verb forms joined); ``RULE_KINDS[match.lastgroup]`` is its kind.

    Args:
        fast: with the fast paths for a plain word, number or punctuation mark (``False``:
            the full rules alone, which give the same matches).
        email: with the e-mail rule (:func:`tokenize` leaves it out of text with no ``@``).
        scan: as :func:`tokenize` scans: each match also takes the white space after its token.

    >>> m = token_pattern().match("ҚР-ның")
    >>> m.group(), RULE_KINDS[m.lastgroup]
    ('ҚР-ның', 'hword')
    >>> token_pattern(scan=True).match("80-нен астам").group()
    '80-нен '
    """
    check_choice(fast, "fast", (True, False), "tokenize.token_pattern")
    check_choice(email, "email", (True, False), "tokenize.token_pattern")
    check_choice(scan, "scan", (True, False), "tokenize.token_pattern")
    if fast:
        if scan:
            return _SCAN if email else _SCAN_NO_EMAIL
        if email:
            return TOKEN_PATTERN
    return _compiled(fast, email, scan)


@lru_cache(maxsize=None)
def _compiled(fast: bool, email: bool, scan: bool) -> re.Pattern[str]:
    rules = _rules(email=email, fast=fast)
    return re.compile(rf"(?:{rules})\s*+" if scan else rules)


def abbreviation_stops(abbreviations: Iterable[str] | None = None) -> str:
    """The characters that follow the first letters of an abbreviation (``.`` in ``млн.``,
    ``/`` in ``р/с``), of the shipped list by default: a word followed by none of them is no
    abbreviation, so the pattern's fast path for plain words may take it. ``""`` when some
    abbreviation is letters only (then the fast path is off).

    >>> abbreviation_stops(["млн.", "р/с"])
    './'
    >>> abbreviation_stops(["млн.", "ҚР"])
    ''
    """
    return _word_stops(_data.abbreviations() if abbreviations is None else abbreviations)


_HYPHENS = re.compile(HYPHEN)
_SUFFIX_SET = frozenset(_data.suffixes())
_ABLATIVE = ("дан", "ден", "тан", "тен", "нан", "нен")
# Endings that unambiguously mark an inflected word: locative, genitive, and the possessive
# of abstract and plural nouns. The first part of a Kazakh paired word is never inflected
# (the ending goes on the last part: "қарым-қатынасымыздың"), so a long inflected word
# before a hyphen is followed by a dash typed without spaces:
# "жайылымдарда-мал шаруашылығы" → "жайылымдарда" "-" "мал" (UD KTB).
# Endings shared with derivation are left out: adjectival -ды/-ті ("индустриалды-инновациялық"),
# relative -ғы/-гі ("көктемгі-егістік"), dative-looking stems ("жәрмеңке-көрмеге").
_INFLECTED = (
    "да", "де", "та", "те", "ның", "нің", "дың", "дің", "тың", "тің",
    "лігі", "лығы", "дігі", "дығы", "тігі", "тығы", "лары", "лері", "дары", "дері", "тары", "тері",
)
_CLITICS = frozenset(("ақ", "ау", "ай", "мыс", "міс", "ғой", "қой", "ше", "шы", "ші"))
_DATIVE = ("ға", "ге", "қа", "ке", "а", "е", "на", "не")


def _starts_with_any(word: str, stems: frozenset[str]) -> bool:
    return any(word.startswith(stem) for stem in stems)


def _pair_splits(left: str, right: str, first: bool) -> bool:
    """Does the hyphen between ``left`` and ``right`` separate two tokens?

    Hyphenated words stay whole unless one of these rules (from UD Kazakh-KTB, data in
    ``data/hyphen_words.tsv``) says the hyphen is a dash or joins a phrase:
    "ағылшын-парсы" (two ethnonyms), "бес-алты" (two numerals), "Бұл-біздің" (pronoun),
    "ағасы-Эдуард" (lower-case word before a name), "ауыл-ауылдан", "күннен-күнге"
    (a word repeated with its own case ending).
    """
    words = _data.hyphen_words()
    lo_left, lo_right = left.lower(), right.lower()
    if lo_left == lo_right or (lo_right.startswith(lo_left) and lo_right[len(lo_left):] not in _DATIVE + _ABLATIVE):
        return False  # reduplication: "жиі-жиі", "бір-бірімен", "Келе-келе"
    if lo_right.startswith(lo_left):
        return True  # "ауыл-ауылдан", "қала-қалаға"
    if lo_left.endswith(_ABLATIVE) and lo_right.endswith(_DATIVE) and lo_left[:2] == lo_right[:2]:
        return True  # "күннен-күнге"
    if _starts_with_any(lo_left, words["ethnonym"]) and _starts_with_any(lo_right, words["ethnonym"]):
        return True
    if lo_left in words["numeral"] and lo_right in words["numeral"]:
        return True
    if first and lo_left in words["pronoun"]:
        return True
    if first and left.islower() and right[:1].isupper() and lo_left not in words["article"]:
        return True
    if first and left.islower() and len(left) >= 7 and left.endswith(_INFLECTED) \
            and lo_right not in _CLITICS and lo_right not in _SUFFIX_SET:  # not "тұрғындары-ның"
        return True
    return False


def _compound_cuts(word: str) -> tuple[int, ...]:
    """Offsets in ``word`` of the hyphens that :func:`_pair_splits` says separate tokens."""
    pieces = _HYPHENS.split(word)
    if len(pieces) > 4 or not all(p and not p[0].isdigit() for p in pieces):
        return ()
    cuts = []
    pos = 0
    for i in range(len(pieces) - 1):
        pos += len(pieces[i])
        if _pair_splits(pieces[i], pieces[i + 1], i == 0):
            cuts.append(pos)
        pos += 1
    return tuple(cuts)


def hyphen_cuts(word: str) -> tuple[int, ...]:
    """The offsets in ``word`` of the hyphens that separate tokens (UD Kazakh-KTB rules).

    Most hyphenated words stay whole; a hyphen is a cut between two ethnonyms or two numerals,
    after a pronoun, before a name after a lower-case word, in a word repeated with its own
    case ending, and after a long inflected word (a dash typed without spaces).

    >>> hyphen_cuts("жиырма-отыз"), hyphen_cuts("ауыл-ауылдан"), hyphen_cuts("Қасым-Жомарт")
    ((6,), (4,), ())
    """
    if type(word) is not str:
        check_text(word, "tokenize.hyphen_cuts")
    return _cuts(word)


# news repeats its compounds ("Сондай-ақ", "ҚР-ның"); long words are not kept
_cached_cuts = lru_cache(maxsize=4096)(_compound_cuts)


# -- analytic verb forms (UD Kazakh-KTB multiword tokens) ----------------------------
# KTB writes a verb and its negation or evidential auxiliary as one word with a space,
# as Apertium's Kazakh lexicon does: "болған жоқ" (did not happen), "көрген емеспін"
# (I have never seen), "деген екен" (he reportedly said), "алсам екен" (if only I took),
# "сыйлайды екенсің" (you apparently respect), "естіген жоқ екен" (he had not heard).
# After a noun or adjective the auxiliary is a word of its own: "себеп жоқ", "жаман емес",
# "қазақ екен", "тиіс емес". Every such form in KTB (14 of 14) is a past participle or a
# finite verb before the auxiliary, and no KTB token splits one.
_PARTICIPLE = re.compile(r"[а-яёәғқңөұүһі]{2,}(?:ған|ген|қан|кен)")  # болған, көрген, келген
_FINITE = re.compile(
    r"[а-яёәғқңөұүһі]{2,}(?:[аейю]ды|[аейю]ді"                       # present: сыйлайды, үйретеді
    r"|(?<!с)с[ае](?:м|ң|қ|к|ңыз|ңіз|ңдар|ңдер)?)"                  # conditional: алсам, болса
)  # (not "касса", "масса": nouns in -сса)
_NEGATION = re.compile(r"(?:жоқ|емес)(?:пын|пін|сың|сің|пыз|піз|сыз|сіз)?")  # жоқ, емеспін
_EVIDENTIAL = re.compile(r"екен(?:мін|сің|сіз|біз|сіңдер|сіздер)?")          # екен, екенсің
# Closed pronouns KTB writes as two words and tags as one: "еш нәрсені" (lemma ешнәрсе).
_PRONOUN_HEADS = frozenset(("еш",))
_PRONOUN_TAIL = re.compile(r"нәрсе(?:ні|нің|ге|де|ден|мен)?")
_AUXILIARIES = ("жоқ", "емес", "екен", "нәрсе")
_START = attrgetter("start")


def _second_word(word: str, first: str) -> bool:
    """May ``first`` + " " + ``word`` be one KTB token ("болған" + "жоқ")?"""
    first = first.lower()
    if _EVIDENTIAL.fullmatch(word):
        if _PARTICIPLE.fullmatch(first) or _FINITE.fullmatch(first):
            return True
        head, _, aux = first.rpartition(" ")  # "естіген жоқ" + "екен"
        return bool(head) and _PARTICIPLE.fullmatch(head) is not None and _NEGATION.fullmatch(aux) is not None
    if _NEGATION.fullmatch(word):
        return _PARTICIPLE.fullmatch(first) is not None
    return first in _PRONOUN_HEADS and _PRONOUN_TAIL.fullmatch(word) is not None


def _join_multiword(text: str, starts: list[int], ends: list[int], texts: list[str], kinds: list[str]
                    ) -> tuple[list[int], list[int], list[str], list[str]]:
    """Join analytic verb forms into one token, as UD Kazakh-KTB does ("болған жоқ").

    Works on the four columns of the tokens (starts, ends, surfaces, kinds) and returns them:
    the same lists when nothing is joined (the auxiliaries are found with ``str.find``, the
    tokens by bisecting the starts; the lists are copied once, and only when a form joins)."""
    hits = []
    for aux in _AUXILIARIES:
        i = text.find(" " + aux)
        while i != -1:
            hits.append(i + 1)
            i = text.find(" " + aux, i + 2)
    if not hits:
        return starts, ends, texts, kinds
    hits.sort()
    n = len(starts)
    groups: list[list[int]] = []  # [first, last]: the tokens joined into one, in order
    for start in hits:
        j = bisect_left(starts, start, 1, n)
        if j == n or starts[j] != start:
            continue
        chained = bool(groups) and groups[-1][1] == j - 1  # "естіген жоқ" + "екен"
        first = groups[-1][0] if chained else j - 1
        if ends[j - 1] != start - 1 or kinds[j] != "word" or kinds[first] != "word" \
                or not _second_word(texts[j], text[starts[first]:ends[j - 1]] if chained else texts[j - 1]):
            continue
        if chained:
            groups[-1][1] = j
        else:
            groups.append([j - 1, j])
    return _splice(starts, ends, texts, kinds, [
        (first, last + 1, ([starts[first]], [ends[last]], [text[starts[first]:ends[last]]], [kinds[first]]))
        for first, last in groups])


# -- records ---------------------------------------------------------------------------
# Every Token is made from the columns by spans.make_tokens: a plain 4-field tuple, as
# Token(...) makes it, without the keyword handling of Token.__new__.
_tokens = make_tokens


_LASTGROUP = attrgetter("lastgroup")
_KIND_OF = _KIND.__getitem__
_M_START, _M_GROUP = re.Match.start, re.Match.group


def tokenize(text: str, *, multiword: bool = True) -> list[Token]:
    """Split ``text`` into tokens with offsets into ``text``.

    >>> [t.text for t in tokenize("Қасым-Жомарт Тоқаев 80-нен астам елге, деп жазады Egemen.kz.")]
    ['Қасым-Жомарт', 'Тоқаев', '80-нен', 'астам', 'елге', ',', 'деп', 'жазады', 'Egemen.kz', '.']

    With ``multiword=True`` (the default, as UD Kazakh-KTB) a verb and its negation or
    evidential auxiliary are one token; ``multiword=False`` keeps them apart (the only
    other tokens with a space are a number and its unit: ``5 %``, ``30° C``):

    >>> [t.text for t in tokenize("Ол келген жоқ.")], [t.text for t in tokenize("Ол келген жоқ.", multiword=False)]
    (['Ол', 'келген жоқ', '.'], ['Ол', 'келген', 'жоқ', '.'])

    Python's cyclic garbage collector is paused during the call (the records hold only ints
    and strings and form no cycles; a collection in the middle would walk them all, and every
    match of the pattern, for nothing). It is switched back on at once, also on an error, and
    left alone if the caller had disabled it.
    """
    if type(text) is not str:
        check_text(text, "tokenize")
    if multiword is not True and multiword is not False:
        check_choice(multiword, "multiword", (True, False), "tokenize")
    if not gc.isenabled():
        return _tokens(*_columns(text, multiword))
    gc.disable()
    try:
        return _tokens(*_columns(text, multiword))
    finally:
        gc.enable()


# Matches are read in batches: a match object holds two offsets for each of the pattern's groups
# (about 350 bytes), so holding all of them for a long text would cost hundreds of MB.
_BATCH = 2048
Columns = tuple[list[int], list[int], list[str], list[str]]


def token_columns(text: str, *, multiword: bool = True) -> Columns:
    """The tokens of ``text`` as four parallel lists: starts, ends, surfaces and kinds.

    What :func:`tokenize` finds, before the :class:`Token` records are made: for a caller
    that keeps columns (an array library, a corpus writer) or moves the offsets first, as
    :func:`kaznlp.process` does before it makes each record once
    (:func:`kaznlp.spans.make_tokens` makes the records). The lists are new: change them at will.

    >>> starts, ends, texts, kinds = token_columns("ҚР-ның 63%-ы өсті.")
    >>> texts, kinds
    (['ҚР-ның', '63%-ы', 'өсті', '.'], ['word', 'number', 'word', 'punct'])
    >>> starts, ends
    ([0, 7, 13, 17], [6, 12, 17, 18])
    """
    if type(text) is not str:
        check_text(text, "tokenize.token_columns")
    if multiword is not True and multiword is not False:
        check_choice(multiword, "multiword", (True, False), "tokenize.token_columns")
    if not gc.isenabled():
        return _columns(text, multiword)
    gc.disable()  # as in tokenize: the columns hold only ints and strings
    try:
        return _columns(text, multiword)
    finally:
        gc.enable()


def _columns(text: str, multiword: bool = True) -> Columns:
    """The tokens of ``text`` as four parallel lists: starts, ends, surfaces and kinds.

    :func:`tokenize` makes its records from them in one C-level pass; :func:`kaznlp.process`
    first moves the offsets onto the caller's text, so each record is made once, at its final
    offsets. The lists may be shared with nothing else: callers may change them.
    """
    matches = (_SCAN if "@" in text else _SCAN_NO_EMAIL).finditer(text)
    batch = list(islice(matches, _BATCH))
    kinds = list(map(_KIND_OF, map(_LASTGROUP, batch)))
    # each match is a token and the white space after it; no token ends in white space
    texts = list(map(str.rstrip, map(_M_GROUP, batch)))
    starts = list(map(_M_START, batch))
    while len(batch) == _BATCH:
        batch = list(islice(matches, _BATCH))
        kinds += map(_KIND_OF, map(_LASTGROUP, batch))
        texts += map(str.rstrip, map(_M_GROUP, batch))
        starts += map(_M_START, batch)
    del batch
    ends = list(map(add, starts, map(len, texts)))
    if "symbol" in kinds:  # a combining mark the pattern does not know continues the token before it
        starts, ends, texts, kinds = _glue_marks(text, starts, ends, texts, kinds)
    if "hword" in kinds:  # a word with a hyphen inside: one token or split (_compound_cuts)
        starts, ends, texts, kinds = _split_compounds(starts, ends, texts, kinds)
    if multiword:
        return _join_multiword(text, starts, ends, texts, kinds)
    return starts, ends, texts, kinds


def _glue_marks(text: str, starts: list[int], ends: list[int], texts: list[str], kinds: list[str]) -> Columns:
    """The columns with each combining mark the pattern does not match ("क" + nukta + "ा",
    Devanagari; Tibetan, Burmese vowel signs; Arabic harakat) glued to the token before it,
    and so a word or number right after such a mark. (One big class of every mark in the
    pattern would slow the whole scan by half.)

    Only the stretches that glue are read in Python, from the mark to the first token that
    does not continue them; the other tokens are copied in bulk, so one Tibetan word in a long
    Kazakh text costs what the word costs (the whole text was walked token by token before:
    8 MB of news took 13.8x the time of 1 MB). The lists come back unchanged when nothing glues.
    A hyphenated word before a mark is split first and the mark glued to its last part.
    """
    category = unicodedata.category
    n = len(starts)
    edits: list[tuple[int, int, Columns]] = []
    g = 0
    while True:
        try:
            g = kinds.index("symbol", g + 1)
        except ValueError:
            break
        if starts[g] != ends[g - 1] or category(texts[g])[0] != "M":
            continue
        # the mark g starts a stretch: token g - 1 and every token that continues it
        first = g - 1
        start, kind = starts[first], kinds[first]
        if kind == "hword":
            rows, start = _cut_pieces(texts[first], start, _cuts(texts[first]))
            kind = "word"
        else:
            rows = ([], [], [], [])
        last_end = glue_end = ends[g]
        k = g + 1
        while k < n:
            kd = kinds[k]
            if not (starts[k] == glue_end and kd in ("word", "hword", "number")
                    or kd == "symbol" and starts[k] == last_end and category(texts[k])[0] == "M"):
                break
            last_end = ends[k]
            glue_end = last_end if kd == "symbol" or category(text[last_end - 1])[0] == "M" else -1
            k += 1
        _add_row(rows, start, last_end, text[start:last_end], kind)
        edits.append((first, k, rows))
        g = k - 1
    return _splice(starts, ends, texts, kinds, edits)


def _split_compounds(starts: list[int], ends: list[int], texts: list[str], kinds: list[str]) -> Columns:
    """The columns with every "hword" (a word with a hyphen inside) made one word, or split where
    :func:`_pair_splits` says so. Most stay whole: their kind is changed in place; the lists are
    copied only when some word splits."""
    splits = []  # (index, cuts)
    i = 0
    try:
        while True:
            j = kinds.index("hword", i)
            word = texts[j]
            cuts = _cuts(word)
            kinds[j] = "word"
            if cuts:
                splits.append((j, cuts))
            i = j + 1
    except ValueError:
        pass
    edits = []
    for j, cuts in splits:
        word, start = texts[j], starts[j]
        rows, rest = _cut_pieces(word, start, cuts)
        _add_row(rows, rest, start + len(word), word[rest - start:], "word")
        edits.append((j, j + 1, rows))
    return _splice(starts, ends, texts, kinds, edits)


def _cuts(word: str) -> tuple[int, ...]:
    """:func:`_compound_cuts` of a hyphenated word, cached for the short ones."""
    return _cached_cuts(word) if len(word) <= 64 else _compound_cuts(word)


def _cut_pieces(word: str, start: int, cuts: tuple[int, ...]) -> tuple[Columns, int]:
    """The rows of a hyphenated word (at ``start``) cut at ``cuts`` (:func:`_cuts`): each part
    before a cut and its hyphen, and where the last part starts: ``жиырма-отыз`` cut at 6 gives
    ``жиырма``, ``-`` and the last part at start + 7."""
    rows: Columns = ([], [], [], [])
    prev = 0
    for cut in cuts:
        _add_row(rows, start + prev, start + cut, word[prev:cut], "word")
        _add_row(rows, start + cut, start + cut + 1, word[cut], "punct")
        prev = cut + 1
    return rows, start + prev


def _add_row(rows: Columns, start: int, end: int, surface: str, kind: str) -> None:
    rows[0].append(start)
    rows[1].append(end)
    rows[2].append(surface)
    rows[3].append(kind)


def _splice(starts: list[int], ends: list[int], texts: list[str], kinds: list[str],
            edits: list[tuple[int, int, Columns]]) -> Columns:
    """The columns with rows ``[first, stop)`` replaced by ``rows`` for each ``(first, stop, rows)``
    of ``edits`` (in order, not overlapping), copied once into new lists: replacing slices in
    place would move the lists' tails at every edit (quadratic on text dense with "болған жоқ").
    The same lists when there is no edit."""
    if not edits:
        return starts, ends, texts, kinds
    o_s: list[int] = []
    o_e: list[int] = []
    o_t: list[str] = []
    o_k: list[str] = []
    i = 0
    for first, stop, (r_s, r_e, r_t, r_k) in edits:
        o_s += starts[i:first]
        o_s += r_s
        o_e += ends[i:first]
        o_e += r_e
        o_t += texts[i:first]
        o_t += r_t
        o_k += kinds[i:first]
        o_k += r_k
        i = stop
    o_s += starts[i:]
    o_e += ends[i:]
    o_t += texts[i:]
    o_k += kinds[i:]
    return o_s, o_e, o_t, o_k
