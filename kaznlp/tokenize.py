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

>>> [t.text for t in tokenize("ҚР-ның 2,5 млн. теңгесі, т.б.")]
['ҚР-ның', '2,5', 'млн.', 'теңгесі', ',', 'т.б.']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

import unicodedata2 as unicodedata

from . import _data
from ._gc import paused
from ._validate import check_choice, check_text
from .spans import Token

__all__ = ["tokenize", "TOKEN_PATTERN"]

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


def _build_pattern() -> re.Pattern[str]:
    abbr = _data.abbreviations()
    dotted = [a for a, cls in abbr.items() if cls != "month"]
    months = [a for a, cls in abbr.items() if cls == "month"]
    suffix_chain = rf"(?=[{LOWER}]{{1,12}}(?!{W}))(?:{_alternation(_data.suffixes())})+(?!{W})"
    year = rf"(?:{_alternation(YEAR_FORMS)})(?!{W})"
    tld = _alternation(_data.tlds())
    url_char = r"[^\s<>\"«»“”„()\[\]{}]"
    url_end = r"[^\s<>\"«»“”„()\[\]{}.,;:!?'’]"
    parts = [
        # https://sud.gov.kz/kaz/news, www.akorda.kz
        rf"(?P<url>(?:(?:https?|ftp)://|www\.){url_char}*{url_end})",
        # press@sud.gov.kz
        # (the local part is at most 64 characters, RFC 5321: bounded, so "a.a.a.…" stays linear)
        # (tried only where such a run starts: "a.a.a.…" would otherwise rescan 64 characters at every letter)
        r"(?P<email>(?<![\w.+-])[\w.+-]{0,63}\w@\w[\w-]*(?:\.\w[\w-]*){0,8}\.[A-Za-z]{2,})",
        # a chain of single-letter abbreviations, known or not: "ә.б.", "б.з.д.", "т.ғ.д.", and
        # initials that no name follows ("Хатқа қол қойған Сейітов Қ.Ж.", "Сейітов Қ.Ж., …"):
        # Kazakh abbreviates a phrase by the first letters of its words, so any such chain is one
        # word; initials before a name stay apart, as in KTB ("А.", "А.", "Мерғалиев")
        rf"(?P<chain>(?<!{W})(?:[{UPPER}{LOWER}]\.(?:[{LOWER}]\.){{1,3}}|(?:[{UPPER}]\.){{2,3}}(?!\s*[{UPPER}]))"
        rf"(?!{W}))",
        # т.б., млн., Б.з.б. (not the middle of a longer word: "ж." but not "…ж.б")
        rf"(?P<abbr>(?<!{W})(?i:{_alternation(dotted)})(?!{W}))",
        # a month abbreviation right after a day number: "5 қаң."
        rf"(?P<month>(?<=\d )(?i:{_alternation(months)})(?!{W}))",
        # an initial: one capital letter and a period, before a capital ("А.А. Мерғалиев",
        # "А.Мерғалиев", "Н.Ә.Назарбаев"); also "Т.", "Ғ." before a surname
        rf"(?P<initial>(?<!{W})[{UPPER}]\.(?=\s*[{UPPER}]))",
        # 2,5  14:17  08.10.2015  63%-ы  19,4°С-қа  80-нен  2014-жылғы
        # (one space, no-break or narrow no-break space before "%" or a unit: "5 %", "30° C";
        # the unit letter only when it ends there: not "50° " + "Солтүстік")
        rf"(?P<number>\d+(?:[.,:]\d+)*(?:{UNIT_SPACE}?%|‰|°(?:{UNIT_SPACE}?[CСF](?!{W}))?)?"
        rf"(?:{HYPHEN}(?:{suffix_chain}|{year}))?)",
        # words, compounds, acronym+suffix, domains: вице-президенті, ҚР-ның, COVID-19-дың, Egemen.kz
        rf"(?P<word>{W}+(?:{APOSTROPHE}{W}+)*(?:{HYPHEN}{W}+(?:{APOSTROPHE}{W}+)*)*)"
        rf"(?P<domain>(?:\.{W}+(?:-{W}+)*){{0,6}}\.(?i:{tld})(?!{W})(?:{HYPHEN}{W}+)?)?",
        # "..." and "…" are one token; "?!" and "?.." are single marks, as in KTB
        r"(?P<ellipsis>\.{3,}|…)",
        # anything else: one character (punctuation, quotes, dashes, symbols, emoji)
        r"(?P<other>\S)",
    ]
    return re.compile("|".join(parts))


TOKEN_PATTERN = _build_pattern()

_KIND = {
    "url": "url",
    "email": "email",
    "abbr": "abbr",
    "chain": "abbr",
    "month": "abbr",
    "initial": "abbr",
    "number": "number",
    "word": "word",
    "domain": "domain",
    "ellipsis": "punct",
}

_PUNCT = frozenset(".,;:!?()[]{}«»“”„\"'‘’‹›–—-‐‑/\\…")


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


def _compound(tokens: list[Token], text: str, start: int) -> None:
    """Append a hyphenated word, split where :func:`_pair_splits` says so."""
    new = tuple.__new__
    pieces = _HYPHENS.split(text)
    if len(pieces) > 4 or not all(p and not p[0].isdigit() for p in pieces):
        tokens.append(new(Token, (start, start + len(text), text, "word")))
        return
    tok_start = pos = start
    for i in range(len(pieces) - 1):
        pos += len(pieces[i])
        if _pair_splits(pieces[i], pieces[i + 1], i == 0):
            tokens.append(new(Token, (tok_start, pos, text[tok_start - start:pos - start], "word")))
            tokens.append(new(Token, (pos, pos + 1, text[pos - start], "punct")))
            tok_start = pos + 1
        pos += 1
    end = start + len(text)
    tokens.append(new(Token, (tok_start, end, text[tok_start - start:], "word")))


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


def _join_multiword(tokens: list[Token], text: str) -> list[Token]:
    """Join analytic verb forms into one token, as UD Kazakh-KTB does ("болған жоқ")."""
    hits = []
    for aux in _AUXILIARIES:
        i = text.find(" " + aux)
        while i != -1:
            hits.append(i + 1)
            i = text.find(" " + aux, i + 2)
    if not hits:
        return tokens
    hits.sort()
    new = tuple.__new__
    # One pass that copies the tokens into a new list: replacing slices of ``tokens`` in place
    # would move the list's tail at every join (quadratic on text dense with "болған жоқ").
    out: list[Token] = []
    i = 0  # tokens[:i] are in ``out``; out[-1] may be a joined token ("естіген жоқ" before "екен")
    n = len(tokens)
    for start in hits:
        j = bisect_left(tokens, start, i, n, key=_START)
        if j == n or tokens[j].start != start:
            continue
        out.extend(tokens[i:j])
        i = j
        if not out:
            continue
        tok, prev = tokens[j], out[-1]
        if prev.end != start - 1 or tok.kind != "word" or prev.kind != "word" \
                or not _second_word(tok.text, prev.text):
            continue
        out[-1] = new(Token, (prev.start, tok.end, text[prev.start:tok.end], "word"))
        i = j + 1
    out.extend(tokens[i:])
    return out


def tokenize(text: str, *, multiword: bool = True) -> list[Token]:
    """Split ``text`` into tokens with offsets into ``text``.

    >>> [t.text for t in tokenize("Қасым-Жомарт Тоқаев 80-нен астам елге, деп жазады Egemen.kz.")]
    ['Қасым-Жомарт', 'Тоқаев', '80-нен', 'астам', 'елге', ',', 'деп', 'жазады', 'Egemen.kz', '.']

    With ``multiword=True`` (the default, as UD Kazakh-KTB) a verb and its negation or
    evidential auxiliary are one token; ``multiword=False`` keeps them apart (the only
    other tokens with a space are a number and its unit: ``5 %``, ``30° C``):

    >>> [t.text for t in tokenize("Ол келген жоқ.")], [t.text for t in tokenize("Ол келген жоқ.", multiword=False)]
    (['Ол', 'келген жоқ', '.'], ['Ол', 'келген', 'жоқ', '.'])
    """
    check_text(text, "tokenize")
    check_choice(multiword, "multiword", (True, False), "tokenize")
    with paused(len(text)):
        tokens = _tokenize(text)
        return _join_multiword(tokens, text) if multiword else tokens


def _tokenize(text: str) -> list[Token]:
    new = tuple.__new__
    tokens: list[Token] = []
    append = tokens.append
    glue_end = -1  # end of a word that ends in a combining mark: a letter right after it continues it
    last_end = -1  # end of the last token
    open_start = -1  # start of the last token while marks are glued to it (built once, when it closes:
    open_kind = ""  # rebuilding it at every mark is quadratic on a long run of "कि")
    category = unicodedata.category
    for m in TOKEN_PATTERN.finditer(text):
        start, end = m.span()
        group = m.lastgroup
        if start == glue_end and group in ("word", "number") or group == "other" and start == last_end \
                and category(m.group())[0] == "M":
            # "क" + nukta + "ा": a mark, and a word right after a mark, continue the word
            if open_start < 0:
                open_start, open_kind = tokens[-1].start, tokens[-1].kind
            last_end = end
            glue_end = end if group == "other" or category(text[end - 1])[0] == "M" else -1
            continue
        if open_start >= 0:
            tokens[-1] = new(Token, (open_start, last_end, text[open_start:last_end], open_kind))
            open_start = -1
        last_end = end
        if group == "other":
            kind = "punct" if m.group() in _PUNCT else "symbol"
        elif group == "word" and ("-" in (surface := m.group()) or "\u2010" in surface or "\u2011" in surface):
            _compound(tokens, surface, start)
            continue
        else:
            kind = _KIND[group]  # type: ignore[index]
        append(new(Token, (start, end, m.group(), kind)))
    if open_start >= 0:
        tokens[-1] = new(Token, (open_start, last_end, text[open_start:last_end], open_kind))
    return tokens
