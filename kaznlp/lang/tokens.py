"""What a Kazakh token is: character classes, the tokenizer's rules as one regex, and the rule kinds.

Like spaCy's per-language punctuation and tokenizer exceptions, the token rules are language
knowledge (a number glued to its suffix, ``80-нен``; abbreviations such as ``т.б.``; ``ҚР-ның``),
so they live in the Kazakh wing: :mod:`kaznlp.tokenize` cuts text with them, and
:mod:`kaznlp.sentences` reads them to never end a sentence inside a token (a domain such as
``egov.kz``), without one step importing the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from types import MappingProxyType

from .. import _data
from .._validate import check_choice
from .affixes import number_suffixes
from .alphabet import LOWER, UPPER


# -- character classes ----------------------------------------------------------
# Inside a word: letters and digits (\w without "_" is fine: "_" joins identifiers),
# combining marks, soft hyphen and zero-width (non-)joiners, so damaged words such as
# "бар\u00adлық" or a decomposed "и\u0306" stay one token.
# Common combining marks (Latin, Cyrillic, general) are matched inside words by the pattern;
# any other mark (Devanagari nukta and vowel signs, Arabic harakat, ...) is glued to the
# word before it by a post-step (``_glue_mark``): one big character class would slow the
# whole scan by half.
_COMBINING = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARKS = _COMBINING + "\u00ad\u200b-\u200d\u2060\ufeff"
W = rf"[\w{_MARKS}]"
# LOWER, UPPER: a lower-case / capital letter of Kazakh text (kaznlp.lang.alphabet)
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
    suffix_chain = rf"(?=[{LOWER}]{{1,12}}(?!{W}))(?:{_alternation(number_suffixes())})+(?!{W})"
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
        rf"(?:{HYPHEN}(?:{suffix_chain}|{year}))?[{_COMBINING}\u00ad]*+(?P<number>)",
        # marks right after a token that does not take them ("т.б.́"): tokenize glues them to it
        rf"[{_COMBINING}](?<=[^\s{_MARKS}].)[{_COMBINING}]*+(?P<mark>)",
        # words, compounds, acronym+suffix, domains: вице-президенті, ҚР-ның, COVID-19-дың, Egemen.kz
        # ("word" closes first, so "hword", a hyphen inside, or "domain" names the rule when it matched)
        rf"(?P<word>){W}+(?:{APOSTROPHE}{W}+)*(?:(?:{HYPHEN}{W}+(?:{APOSTROPHE}{W}+)*)+(?P<hword>))?"
        rf"(?:(?:\.{W}+(?:-{W}+)*){{0,6}}\.(?i:{tld})(?!{W})(?:{HYPHEN}{W}+)?(?P<domain>))?",
        # "..." and "…" are one token; "?!" and "?.." are single marks, as in KTB
        r"(?:\.{3,}|…)(?P<ellipsis>)",
        # anything else: one character (punctuation, quotes, dashes, symbols, emoji)
        rf"[{re.escape(''.join(sorted(_PUNCT)))}](?P<punct>)",
        # (a soft hyphen after its mark stays on it, as on a number: "‰́\u00ad")
        rf"\S(?:[{_COMBINING}]++\u00ad*+)*+(?P<symbol>)",
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
    "punct": "punct", "symbol": "symbol", "mark": "symbol",
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
