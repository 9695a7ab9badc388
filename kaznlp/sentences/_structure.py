"""Quotations, ``;``-lists, stops with no space after them, and brackets."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..lang.alphabet import LOWER, UPPER

from ._marks import _INVISIBLE, _finite_verb, _glued_end, _glued_tail, _matches, _word_before


_AFTER_QUOTE = re.compile(r"[,.!?…]*[^\S\n]*(?:[–—-][^\S\n]*)?(?=[" + LOWER + "])")
# Quoted passages within one line, paired left to right; one literal-led pattern per opener
# (fast search): «…», “…”, „…“, and straight "…" taken in pairs.
_QUOTED = tuple(
    re.compile(p)
    for p in (r"«[^«»\n]{0,2000}»", r"“[^“”„\n]{0,2000}[”“]", r"„[^“”„\n]{0,2000}[”“]", r'"[^"\n]{0,2000}"')
)
_HAS_END = re.compile(r"[.!?…]\s")
# «…» and the clause, one scan (» opens no quote)
_GUILLEMETS = re.compile(_QUOTED[0].pattern + "(?=" + _AFTER_QUOTE.pattern.replace("(?=", "(?:") + ")")
_QUOTE_SCANS = (_GUILLEMETS,) + _QUOTED[1:]


def _reported_speech(text: str) -> list[tuple[int, int]]:
    """Quoted passages followed by a reporting clause: ``«Келдік. Бәрі жақсы», – деді ол.``

    A quotation of several sentences is split at each of its full stops, and its last
    sentence stays with the clause (UD KTB: ``«Мен … білдіремін.`` / ``Банктік … өсті», деп
    атап өтті.``; news: ``«Жол өзгерді.`` / ``Жаңа жол ашылады», - деді министр.``). A
    question or exclamation inside such a quote does not end the sentence, as in KTB:
    ``Ол "Азамат қай жерге кетті? Оны көрдіңдер ме?" деп іздеп жатыр.`` (the quoted
    questions are what is being asked, one reported act). A quote lies within one line and
    is at most 2,000 characters long.
    """
    after, has_end = _AFTER_QUOTE.match, _HAS_END.search
    return [
        (m.start(), m.end() - 1)
        for opener, pattern in zip("«“„\"", _QUOTE_SCANS)
        if opener in text  # (a quote mark that does not occur is not scanned for: a string search is faster)
        for m in pattern.finditer(text)
        if (pattern is _GUILLEMETS or after(text, m.end())) and has_end(text, m.start(), m.end())
    ]


def _closers(text: str, cut: int) -> int:
    """How many closing quotes and brackets stand right before ``cut``."""
    n = 0
    while cut - n - 1 > 0 and text[cut - n - 1] in _CLOSERS:
        n += 1
    return n


_CLOSERS = "»”“\"'’)]"
# A full stop, "?" or "!" with no space before the next sentence: a crawl join or a typing
# slip ("хабарлама түсті.«Бұл жолы", "облыс әкімдігі.Кездесуде", "тарихы.XX ғасырдың").
# "; " before a capital: a candidate list-item end.
_SEMICOLON = re.compile(rf";[^\S\n]+(?=(?:\d{{1,2}}\)[^\S\n]+)?[«“\"]?[{UPPER}])")
LIST_ITEM_MAX_CHARS = 300
#: the last item of a list that shares one predicate (``… бастығы; Қостанай облысы әкімінің орынбасары
#: қызметтерін атқарды.``) is at most this long
PREDICATE_ITEM_MAX_CHARS = 100
# An HTML entity left in crawled text ("&gt;", "&quot;", "&#171;"): its ";" closes the entity.
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,5}|#x[0-9A-Fa-f]{1,4})\Z")
# A colon before the first item of a numbered list run into the same line: "… кеңесте 3 мәселе
# талқыланды: 1. Қала бюджетінің …". The colon ends the sentence that introduces the list.
_COLON_BEFORE_FIRST_ITEM = re.compile(rf":(?=[^\S\n]+1[.)][^\S\n]+[«“\"]?[{UPPER}])")


def _semicolon_lists(text: str, ends: list[int]) -> list[int]:
    """Items of a list run together on one line, each ending in ``;`` and starting with a capital.

    ``…бағдарламаға мына ЖОО қатысады: Қарағанды техникалық университеті;
    Павлодар педагогикалық университеті; Ақтөбе өңірлік университеті; Атырау…`` is a list
    flattened from lines (a web page, a document), and each item is a sentence. One ``;``
    before a capital is running text (``…бекітілді; Бұл шешім…`` stays one sentence): only a
    run of two or more, each item shorter than 300 characters with no line break or sentence
    end (``ends``, the sorted punctuation cuts; an initial ``С. Торайғыров`` is none) inside,
    counts as a list. A colon before the first item introduces the list
    (``… жүзеге асырады:`` / ``Л.Н. Гумилев …;``): the first item starts after it, as it would
    on its own line.
    """
    out: list[int] = []
    run: list[int] = []
    last = -1

    def flush() -> None:
        if len(run) >= 2 and not _one_predicate(text, run, ends):
            out.extend(run)
            first = run[0] - 1
            lo = max(0, first - LIST_ITEM_MAX_CHARS)
            j = bisect_left(ends, first) - 1
            if j >= 0:
                lo = max(lo, ends[j])
            colon = text.rfind(": ", lo, first)
            if colon >= 0 and "\n" not in text[colon:first]:
                k = colon + 1
                while k < first and text[k] in " \t":
                    k += 1
                if text[k].isupper() or text[k] in "«“\"":
                    out.append(k)

    for m in _matches(_SEMICOLON, text):
        i = m.start()
        if text[i - 1].isalnum() and _ENTITY.search(text, max(0, i - 9), i):
            continue  # "&gt; Бакалавр …": the ";" of an HTML entity (a bullet, a quote) is no list mark
        if run and (i - last > LIST_ITEM_MAX_CHARS or "\n" in text[last:i]
                    or bisect_left(ends, i) > bisect_left(ends, last + 1)):
            flush()
            run = []
        run.append(i + 1)
        last = i
    flush()
    return out


def _one_predicate(text: str, run: list[int], ends: list[int]) -> bool:
    """Are the ``;``-items of ``run`` (offsets after each ``;``) the noun phrases of one predicate?

    ``Ол … басқармасының бастығы; … бөлімінің меңгерушісі; Қостанай облысы әкімінің
    орынбасары қызметтерін атқарды.`` is one sentence: Kazakh is verb-final, and the finite verb
    at the end of the last item (``атқарды``) has the items before it as its arguments; none of them
    ends in a finite verb of its own. A list of units (``… университеті; … университеті;``) ends
    no item in a finite verb, and a list of clauses ends each in its own.
    """
    j = bisect_left(ends, run[-1])
    end = ends[j] if j < len(ends) else len(text)
    if end - run[-1] > PREDICATE_ITEM_MAX_CHARS or any(text[i:i + 3].strip()[-1:] == ")" for i in run):
        return False  # (a long last item may be a cut line and the next unit; "2) …" labels a list)
    k = end
    while k > run[-1] and text[k - 1] in " \t\n" + _CLOSERS:
        k -= 1
    if k <= run[-1] or text[k - 1] != ".":
        return False
    if not _predicate_word(text, k - 1):
        return False
    return not any(_predicate_word(text, i - 1) for i in run)


def _predicate_word(text: str, i: int) -> bool:
    """Is the word ending at ``i`` (exclusive) a lower-case finite verb of four or more letters?"""
    word = text[_word_before(text, i):i]
    return len(word) >= 4 and word.isalpha() and word.islower() and _finite_verb(word)


# One literal-led pattern per mark (fast search, as _TERMINALS); a control or an invisible character after the
# mark stays with it, but a soft hyphen glued to a word is in its token (docs/sentences.md, round 13).
_GLUED = tuple(re.compile(re.escape(mark) + _glued_tail(mark)) for mark in ".?!…")


_GLUED_ANY = re.compile(rf"[.?!…][.!?…»”){_INVISIBLE}]*[«“„]?[{UPPER}]")


def _glued_boundaries(text: str, dots: list[int] | None = None) -> list[int]:
    """Sentence ends with no space after the mark, decided from both sides.

    The word before the mark must be a lower-case word of two or more letters with no dot,
    slash, ``@`` or colon in it, and not a known abbreviation; the text after it starts with
    a capital (or an opening quote and a capital) and is not a domain. So
    ``әкімдігі.Кездесуде`` and ``түсті.«Бұл`` split, while ``А.Мерғалиев``, ``Н.Ә.Назарбаев``
    (initials), ``т.б.Олар`` (single letters), ``08.10.2015``, ``2,5``, ``Egemen.kz``
    (lower case after) and URLs (a dot or slash inside the chunk) stay whole. A cut inside
    any token the tokenizer keeps whole (``Egemen.Kz``, ``сайты.Kazinform.kz``, an e-mail) is
    dropped afterwards by :func:`_outside_tokens`, from the tokenizer's own pattern.
    """
    out = [] if dots is None else dots  # (the "." cuts the punctuation scan found)
    # (a mark that does not occur is not scanned for: a search of the string is several times faster)
    for mark, pattern in zip(".?!…", _GLUED):
        if mark in text and (dots is None or mark != "."):
            for m in pattern.finditer(text):
                end = _glued_end(text, m, 1)
                if end >= 0:
                    out.append(end)
    return out


# A bracket closed soon after it opens, on the same line: no sentence ends inside it
# ("(«Ана тілі» газеті, 3 мамыр 2014 жыл. №18); Бұл туралы…": no break before "№18").
_BRACKET = re.compile(r"\([^()\n]{1,250}\)")


def _brackets(text: str) -> list[tuple[int, int]]:
    """Bracketed stretches ``(start, end - 1)`` in which no sentence boundary is taken.

    A bracket of up to 250 characters is a parenthesis inside a sentence (a citation, a
    source, a gloss); a cut that closes the bracket itself (``(Толығырақ сайтта.)``) lies
    at its end and is kept.
    """
    return [(m.start(), m.end() - 1) for m in _BRACKET.finditer(text)]


def _drop_inside(cuts: list[int], regions: list[tuple[int, int]]) -> list[int]:
    """``cuts`` without those strictly inside any region ``(start, end]``."""
    if not regions or not cuts:
        return cuts
    cuts = sorted(cuts)
    regions.sort()
    out = []
    r = 0
    reach = -1  # the furthest end of the regions that start before the current cut
    for c in cuts:
        while r < len(regions) and regions[r][0] < c:
            reach = max(reach, regions[r][1])
            r += 1
        if c > reach:
            out.append(c)
    return out
