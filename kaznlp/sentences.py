r"""Rule-based Kazakh sentence splitter.

Two kinds of boundary are found in one pass each:

1. **Terminal punctuation** (``.``, ``?``, ``!``, ``…``, ``...``) followed by white space,
   with any closing quotes or brackets kept in the sentence (``«…»``). The break is
   taken when the next word starts a sentence (a capital letter, a digit, an opening
   quote, a dialogue dash before a capital) and the word before the period is not an
   abbreviation that cannot end a sentence (``млн.``, ``ж.``, ``проф.``, initials
   ``А.А.``; data in ``data/abbreviations.tsv``). Kazakh is verb-final, so a sentence
   almost never ends in such an abbreviation; ``т.б.`` ("etc.") can, and does.
2. **Line breaks** (every break of :mod:`kaznlp.linebreaks`: ``\n``, ``\r\n``, ``\r``,
   ``\u2029``, ``\u2028``, ``\x0b``, ``\x0c``, ``\x1c``-``\x1e``, ``\x85`` all act alike).
   A blank line always ends a sentence. A single line break ends one
   when the line before it is a headline, dateline or web-page widget (short compared
   with the lines around it) and not when it merely wraps a running sentence, as in
   print and PDF text: a line that is as long as the block's longest line, ends with a
   comma or a hyphen, or is followed by a line starting in lower case continues.

>>> [s.text for s in split_sentences("А.А. Мерғалиев сөз сөйледі. Ол 2,5 млн. теңге туралы айтты.")]
['А.А. Мерғалиев сөз сөйледі.', 'Ол 2,5 млн. теңге туралы айтты.']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from . import _data
from ._gc import MIN_CHARS as PAUSE_MIN_CHARS
from ._gc import paused
from ._validate import check_text
from .linebreaks import LINE_BREAK_CHARS
from .spans import Span
from .tokenize import LOWER, TOKEN_PATTERN, UPPER

__all__ = ["split_sentences"]

# A sentence-final mark with its closing quotes (group 1), white space, and the first
# character after it (group 2). One pattern per mark: a pattern that starts with a literal
# is scanned for by fast search, several times faster than a character class.
# A match starts only at the first mark of a run ("?!..", "....."), so a failed attempt
# is never retried inside the run: linear time even on a million dots.
# A remnant of a markup tag cut by a crawl stays with the sentence it follows, like a closing
# quote: "… атап өтеміз.< Ағымдағы жылдың …", "… шығарылады.</seg Келесі …" (TMX and HTML dumps).
# The commonest case is found apart, without Python work per match (_EASY_ENDS): a period after
# a lower-case word longer than any abbreviation, white space and a capital, a digit or an
# opening quote; the "." pattern skips it.
def _easy_word() -> str:
    """Lookbehinds (at the period) for a word whose period ends a sentence without Python checks.

    Six lower-case letters, or a lower-case word of three to five letters after white space that
    is no abbreviation of ``data/abbreviations.tsv`` (``өтті.``, ``болды.``, not ``млрд.``,
    ``тел.``) and, up to four letters, not after ". " (a spaced abbreviation, ``т. б.``): what
    :func:`_period_ends_sentence` would take as an end.
    """
    by_len: dict[int, list[str]] = {}
    for key in _data.abbreviations():
        word = key[:-1]
        if key.endswith(".") and word.isalpha() and word == word.lower():
            by_len.setdefault(len(word), []).append(re.escape(word))
    parts = [r"(?<=[" + LOWER + r"]{6}\.)"]  # (6: longer than every abbreviation, asserted below)
    for n in (3, 4, 5):
        part = rf"(?<=\s[{LOWER}]{{{n}}}\.)"
        if by_len.get(n):
            part += r"(?<!\s(?:" + "|".join(by_len[n]) + r")\.)"
        if n <= 4:
            part += rf"(?<!\. [{LOWER}]{{{n}}}\.)"
        parts.append(part)
    return "(?:" + "|".join(parts) + ")"


_EASY_WORD = _easy_word()
_EASY_AFTER = r"\s+[" + UPPER + r"\d«“\"]"
_EASY_ENDS = re.compile(r"\." + _EASY_WORD + r"(?=" + _EASY_AFTER + r")")
_TERMINALS = tuple(
    re.compile(re.escape(mark) + r"(?<![.!?…].)" + (r"(?!" + _EASY_WORD + _EASY_AFTER + r")" if mark == "." else "")
               + r"([.!?…]*[»”“\"'’)\]]*(?:</?(?:[A-Za-z]{1,10}>?)?)?)\s+(\S)?")
    for mark in ".?!…"
)
# Any line break but "\n" (those are rewritten to "\n" in the text the rules scan).
_OTHER_BREAKS = LINE_BREAK_CHARS.replace("\n", "")
_AS_NEWLINE = str.maketrans(dict.fromkeys(LINE_BREAK_CHARS, "\n"))
_OTHER_BREAK = re.compile("[" + re.escape(_OTHER_BREAKS) + "]")
# A blank line: always a boundary.
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
# A line break before a non-blank line: a candidate boundary.
_NEWLINE = re.compile(r"\n(?=[^\S\n]*\S)")
# Spaced abbreviations ("т. б.") and runs of initials ("А.А", "Н.Ә") before a period.
_SPACED_ABBR = re.compile(r"(?<!\S)\w{1,4}\.(?: \w{1,4}\.){1,2}\Z")
_INITIALS = re.compile(rf"(?:[{UPPER}]\.)*[{UPPER}]\Z")
_HEADING_NUMBER = re.compile(rf"\d{{1,3}}-[{LOWER}]{{2,8}}")
_LETTER_CHAIN = re.compile(rf"[{UPPER}{LOWER}]\.(?:[{LOWER}]\.){{0,2}}[{LOWER}]\Z")
_OPENERS = "«“„\"'‘([" + "–—-"
_LINE_END_CONTINUES = ",;:-‐‑–—(«“„"
# A line is "wrapped" (continues on the next line) when it is at least this long and at
# least this fraction of the longest line around it. Print columns are >= 25 characters.
WRAP_MIN_CHARS = 25
WRAP_RATIO = 0.6
# No print column is wider than this: a longer line is a paragraph, not a wrapped line (99 % of
# the wrapped lines of the KazNERD guidelines' pdftotext output are at most 109 characters; the
# apertium crawl cuts its lines at about 190).
WRAP_MAX_CHARS = 150
# Share of long lines ending in a stop above which text is one paragraph per line.
PARAGRAPH_RATIO = 0.3
PARAGRAPH_SAMPLE_LINES = 400  # lines read to decide it
PARAGRAPH_MIN_LINES = 4  # fewer lines say nothing (one wrapped paragraph of three lines is 1/3)
PARAGRAPH_MIN_STARTS = 6  # non-blank lines needed to read "almost none starts in lower case" (at most 10 %)


def _is_start(text: str, i: int) -> bool:
    """Does the text at ``i`` (first non-space after a candidate) look like a sentence start?"""
    c = text[i]
    if c.isupper() or c.isdigit():
        return True
    if c in "«“„\"'‘([":
        return True
    if c in "”»" and i + 1 < len(text) and text[i + 1].isupper():
        return True  # a closing-shaped quote used as an opener (NTREX): "…табылады. ”Олардың"
    if c in "–—-":
        # dialogue dash: a new turn if a capital follows ("– Біздің Үкімет"),
        # the reporting clause if a lower-case word does ("», – деді.")
        j = i + 1
        n = len(text)
        while j < n and text[j].isspace():
            j += 1
        return j >= n or not text[j].islower()
    if c.islower():
        return False
    return not c.isalnum() and c not in ",;:)]}»”"


def _word_before(text: str, dot: int) -> int:
    """Start of the non-space chunk that ends at ``dot`` (looks back at most 40 characters)."""
    lo = max(0, dot - 40)
    k = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot)) + 1
    if k == 0 and lo > 0:
        k = lo
    chunk = text[k:dot]
    if not chunk.isprintable() or "\xa0" in chunk:  # tabs, NBSP and other spaces: rare
        j = len(chunk)
        while j and not chunk[j - 1].isspace():
            j -= 1
        k += j
    return k


def _period_ends_sentence(text: str, dot: int, nxt: int, runs: bool = False) -> bool:
    """Decide a single ``.`` at ``dot`` followed (after space) by ``text[nxt]``.

    ``runs``: runs of two or more spaces are flattened line breaks (:func:`_space_runs_break`).
    """
    k = _word_before(text, dot)
    word = text[k:dot].lstrip(_OPENERS)
    if not word:
        return True
    abbr = _data.abbreviations()
    cls = None
    if len(word) <= 4 and text[k - 2:k] == ". ":
        m = _SPACED_ABBR.search(text, max(0, dot - 16), dot + 1)
        if m:  # spaced spelling first: "т. б." is "т.б.", not "б." (бет)
            cls = abbr.get(m.group().replace(" ", "").lower())
    if cls is None:
        cls = abbr.get((word + ".").lower())
    if cls is None and word[1:2] == "." and _LETTER_CHAIN.match(word):
        # an unknown chain of single-letter abbreviations ("ә.б.", "б.з.д.", "т.ғ.д."): like
        # "т.б." it may end a sentence, but only before a capital ("б.з.д. 300 жылы" runs on)
        cls = "final"
    if cls is not None:
        return cls == "final" and text[nxt].isupper()
    if word[0].isupper() and _INITIALS.match(word):
        return False  # "А.А. Мерғалиев", "Г. Дамдин"
    if "," in word and _INITIALS.match(word.rpartition(",")[2]):
        return False  # initials glued after a comma by the crawl: "Джаксыбаева,Л.Н. Гумилев атындағы"
    if len(word) <= 3 and word.isdigit() or word[:1].isdigit() and _HEADING_NUMBER.fullmatch(word):
        # an enumeration number ("1.", "12.") or a numbered heading label ("2-тарау.", "4-бап.",
        # "1-бөлім."): at a line start or after a sentence end the period closes the label and
        # the heading or item follows it in the same sentence
        # the last character before the number on its line (only the spaces before it are
        # read: reading back to the line start is quadratic on "1. … 2. … 3. …" in one line)
        b = k - 1
        while b >= 0 and text[b] != "\n" and text[b].isspace():
            b -= 1
        if b < 0 or text[b] == "\n" or text[b] in ".!?…:" or runs and k - b > 2:
            # an enumeration: "1. Жалпы ережелер", "…айтасың? 12. Мұнан кейін"; after a run of
            # spaces, the trace of an emptied line: "… МЕМЛЕКЕТТІК ТУЫ  4-бап. Қазақстан …"
            return False
    return True


ENUMERATION_WINDOW = 600


def _in_enumeration(text: str, start: int, dot: int) -> bool:
    """Is the number ``text[start:dot]`` (before a period) one label of a numbered list?

    It is when the label before it or after it stands nearby (within 600 characters) as a
    number and a period of its own: ``… 2. … 3. …``. A count at a sentence end
    (``Жиналысқа келгендер саны 120. Олар…``) has no such neighbours.
    """
    n = int(text[start:dot])
    lo = max(0, start - ENUMERATION_WINDOW)
    if n > 1 and text.find(f" {n - 1}. ", lo, start) >= 0:
        return True
    return n < 99 and text.find(f" {n + 1}. ", dot, dot + ENUMERATION_WINDOW) >= 0


_LABEL = re.compile(rf"(\d{{1,2}})\.[^\S\n]+[«“\"]?[{UPPER}]")


def _label_at_line_end(text: str, k: int, nxt: int) -> bool:
    """Is the number after the space at ``k`` (its period ends a line) the label of the next line?

    It is after a word, a bracket or a quote (``… (А.В.Горяинов) 1.`` / ``Есеп комитетінің …``).
    It is a value that ends its sentence after a dash, a comma, a colon or another number (``…
    заңды тұлға – 5.`` / ``Қабылдау нәтижелері …``, ``… көшесі, 22.``, a telephone ``… 74 09
    32.``), and when the next line opens with a label of its own (``… 32.`` / ``5. Мемлекеттік
    …``).
    """
    b = k - 1
    while b > 0 and text[b] in " \t":
        b -= 1
    if text[b] in "–—-,:;" or text[b].isdigit():
        return False
    return _OWN_LABEL.match(text, nxt) is None


_OWN_LABEL = re.compile(r"\d{1,3}[.)]\s")


def _label_of_list(text: str, i: int, line_start: bool) -> bool:
    """Does an item label ``N.`` start at ``i``, at a line start or in a numbered list (``N-1.``
    or ``N+1.`` nearby)?

    An abbreviation that never ends a sentence (``млн.``) may still end the item before the
    next label: ``… жасауға – 300 млн.`` / ``7. Халыққа мемлекеттік қызметтер …``. The label
    numbers what follows it, whatever the previous item ended with.
    """
    m = _LABEL.match(text, i)
    return m is not None and (line_start or _in_enumeration(text, i, m.end(1)))


# More lower-case letters before a period than the longest abbreviation has: a word, not an
# abbreviation, so _period_ends_sentence would say True (checked without calling it).
_LONG_WORD = max(len(a[:-1]) for a in _data.abbreviations() if a[:-1].isalpha()) + 1
assert _LONG_WORD <= 6, "an abbreviation of six letters or more: lengthen the first part of _easy_word"


def _punctuation_boundaries(text: str, starts: list[int], runs: bool = False,
                            held: list[int] | None = None) -> list[int]:
    """Cuts after terminal punctuation; the starts of dateline cities are added to ``starts``.

    ``held``: the periods of abbreviations and initials at a line end (no cut here) are added to
    it, for :func:`_line_boundaries` to judge as line ends.
    """
    out = [m.end() for m in _EASY_ENDS.finditer(text)] if "." in text else []
    append = out.append
    for mark, pattern in zip(".?!…", _TERMINALS):
        if mark not in text:
            continue
        single_period = pattern is _TERMINALS[0]
        for m in pattern.finditer(text):
            c = m.group(2)
            if c is None or c.islower():
                continue  # end of text, or a sentence running on: "Ол ойланды... бірақ келді."
            if not c.isupper() and not _is_start(text, m.start(2)):
                continue
            if single_period and not m.group(1):
                dot = m.start()
                nxt = m.start(2)
                before = text[dot - 1]
                if before.isupper() and c.isupper():  # "ШЫМКЕНТ. Бүгін" (with an agency: _agency_datelines)
                    k = _word_before(text, dot)
                    if _dateline_city(text, k, dot, nxt):
                        if k:
                            starts.append(k)  # the headline ends before the city
                        continue
                tail = text[dot - _LONG_WORD:dot]
                if not (tail.isalpha() and tail.islower()) and not _period_ends_sentence(text, dot, nxt, runs):
                    # (a lower-case word longer than any abbreviation ends the sentence: fast path)
                    if c.isdigit() and _label_of_list(text, nxt, "\n" in text[dot:nxt]):
                        append(m.end(1))  # "… 300 млн." / "7. Халыққа …": the next item of a numbered list
                    elif held is not None and before.isalpha() and "\n" in text[dot:nxt]:
                        held.append(dot)  # "Қостанай қ." / "Дүйсенбі – сенбі …": the line rules judge it
                    continue
                if before.isdigit():
                    k = dot - 1
                    while k >= 0 and text[k].isdigit():
                        k -= 1
                    if dot - k - 1 <= 3 and k > 0 and text[k] == " " and (
                            "\n" in text[dot:nxt] and _label_at_line_end(text, k, nxt)
                            or _in_enumeration(text, k + 1, dot)):
                        # an item number numbers the item after it: at a line end ("…туралы
                        # (А.В.Горяинов) 1." / "Есеп комитетінің мүшесі…") or inside a numbered
                        # list run together ("…енгізу; 2. Бақылау-талдау…; 3. Бақылау…"), the
                        # sentence ends before the number (crawled and PDF lists)
                        append(k + 1)
                        continue
            append(m.end(1))
    return out


_AFTER_QUOTE = re.compile(r"[,.!?…]*[^\S\n]*(?:[–—-][^\S\n]*)?(?=[" + LOWER + "])")
# Quoted passages within one line, paired left to right; one literal-led pattern per opener
# (fast search): «…», “…”, „…“, and straight "…" taken in pairs.
_QUOTED = tuple(
    re.compile(p)
    for p in (r"«[^«»\n]{0,2000}»", r"“[^“”„\n]{0,2000}[”“]", r"„[^“”„\n]{0,2000}[”“]", r'"[^"\n]{0,2000}"')
)
_HAS_END = re.compile(r"[.!?…]\s")


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
        for pattern in _QUOTED
        for m in pattern.finditer(text)
        if after(text, m.end()) and has_end(text, m.start(), m.end())
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
# A colon before the first item of a numbered list run into the same line: "… отырыста 3 мәселе
# қаралды: 1. Қазақстан Республикасының …". The colon ends the sentence that introduces the list.
_COLON_BEFORE_FIRST_ITEM = re.compile(rf":(?=[^\S\n]+1[.)][^\S\n]+[«“\"]?[{UPPER}])")


def _semicolon_lists(text: str, ends: list[int]) -> list[int]:
    """Items of a list run together on one line, each ending in ``;`` and starting with a capital.

    ``…мынадай ЖОО жүзеге асырады: Л.Н. Гумилев атындағы Еуразия ұлттық университеті;
    С.Сейфуллин атындағы Қазақ агротехникалық университеті; Әл Фараби атындағы…`` is a list
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
        if len(run) >= 2:
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

    for m in _SEMICOLON.finditer(text):
        i = m.start()
        if run and (i - last > LIST_ITEM_MAX_CHARS or "\n" in text[last:i]
                    or bisect_left(ends, i) > bisect_left(ends, last + 1)):
            flush()
            run = []
        run.append(i + 1)
        last = i
    flush()
    return out


# One literal-led pattern per mark (fast search, as _TERMINALS).
_GLUED = tuple(
    re.compile(re.escape(mark) + rf"(?<=[\w»”)]{re.escape(mark)})([.!?…]*)([»”)]*)(?=[«“„]?[{UPPER}])")
    for mark in ".?!…"
)


_GLUED_ANY = re.compile(rf"[.?!…][.!?…»”)]*[«“„]?[{UPPER}]")


def _glued_boundaries(text: str) -> list[int]:
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
    out = []
    abbr = _data.abbreviations()
    for m in (m for pattern in _GLUED for m in pattern.finditer(text)):
        dot = m.start()
        k = _word_before(text, dot)
        word = text[k:dot].lstrip(_OPENERS).rstrip("»”)")
        if len(word) < 2 or not word[-1].islower() or not word[-2].isalpha():
            continue
        if any(c in word for c in "./@:\\") or not any(c.islower() for c in word[:1]) and word[0].isupper() \
                and len(word) <= 3:
            continue
        if text[dot] == "." and not m.group(1) and abbr.get((word + ".").lower()) not in (None, "final"):
            continue  # "обл.Алматы": an abbreviation that never ends a sentence
        out.append(m.end(2))  # a domain ("сайты.Kazinform.kz", "Egemen.Kz") is dropped by _outside_tokens
    return out


# A wire dateline: a city (ALL CAPS, or a capitalised name) and a period, then an agency and
# a dash ("СЕМЕЙ. ҚазАқпарат -", "АЛМАТЫ. Kazinform -", "Астана. BNews.kz -"), or an ALL-CAPS
# city of five or more letters alone ("ШЫМКЕНТ.", "АСТАНА-МӘСКЕУ.") before a capitalised word.
_CITY = re.compile(rf"[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})*|[{UPPER}][{LOWER}]{{2,}}")
_CITY_ALONE = re.compile(rf"[{UPPER}]{{5,}}|[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})+")
_AGENCY = re.compile(rf"[A-Z{UPPER}][\w.]*[^\S\n]+[-–—][^\S\n]")
_TITLE_WORD = re.compile(rf"[{UPPER}][{LOWER}]")


# ". Agency - " (ҚазАқпарат, Kazinform, BNews.kz): literal-led, so found by fast search.
_AGENCY_AFTER_DOT = re.compile(rf"\.[^\S\n]+[A-Z{UPPER}][\w.]{{0,30}}[^\S\n]+[-–—][^\S\n]")


def _agency_datelines(text: str, starts: list[int]) -> set[int]:
    """Datelines with an agency (``СЕМЕЙ. ҚазАқпарат -``, ``Астана. BNews.kz -``).

    Adds each city's start to ``starts`` and returns the cuts to drop (right after the
    city's period).
    """
    drop: set[int] = set()
    for m in _AGENCY_AFTER_DOT.finditer(text):
        dot = m.start()
        k = _word_before(text, dot)
        if _CITY.fullmatch(text, k, dot) and (k == 0 or text[k - 1].isspace()):
            drop.add(dot + 1)
            if k:
                starts.append(k)
    return drop


def _dateline_city(text: str, k: int, dot: int, nxt: int) -> bool:
    """Is ``text[k:dot]`` the city of a wire dateline (the period at ``dot``, the next word at ``nxt``)?

    Datelines open the lead sentence: ``Семейде жаңа көпір ашылды СЕМЕЙ. ҚазАқпарат - Бүгін
    қалада…`` is the headline ``Семейде жаңа көпір ашылды`` and the lead ``СЕМЕЙ. ҚазАқпарат -
    Бүгін қалада…``. A news agency writes CITY. Agency - before every lead, so a sentence never
    ends at the city's period, and a headline flattened onto the same line without a period
    ends where the city starts. General to every wire service (ҚазАқпарат, Kazinform,
    BNews.kz). A city without an agency counts only in ALL CAPS of five letters or more
    (``ШЫМКЕНТ. Бүгін…``): acronyms that may end a sentence are shorter (``ТМД.``, ``НАТО.``).
    """
    word = text[k:dot]
    if not _CITY.fullmatch(word):
        return False
    if _AGENCY.match(text, nxt):
        return True
    return _CITY_ALONE.fullmatch(word) is not None and _TITLE_WORD.match(text, nxt) is not None


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


def _line_length(text: str, start: int, end: int) -> int:
    """Length of the stripped line ``text[start:end]`` (0 when blank)."""
    return len(text[start:end].strip())




_TAG_REMNANT = re.compile(r"</?(?:[A-Za-z]{1,10}>?)?\Z")


def _one_paragraph_per_line(text: str) -> bool:
    """Is ``text`` written one paragraph per line (crawled web text), not wrapped (print, PDF)?

    In wrapped text most full lines stop in mid-sentence (15 % of the KazNERD guidelines'
    pdftotext lines end in a stop); in crawled pages a line is a paragraph and most end in
    one (the apertium news files: 50-100 %). When at least 30 % of the lines of 25 or more
    characters end in ``.!?…:;`` (and there are at least four) a line break after a line without a stop ends the sentence
    too: the crawl cut the paragraph there (``…мемлекеттік қызметтерді алуға`` /
    ``Бұл үшін ХҚКО арқылы…``).
    """
    long_lines = ends = starts = lower_starts = 0
    lines = text.split("\n", PARAGRAPH_SAMPLE_LINES)
    if len(lines) > PARAGRAPH_SAMPLE_LINES:
        lines.pop()  # the rest of a long text: the first lines tell how it is written
    for line in lines:
        first = line.lstrip()[:1]
        if first:
            starts += 1
            lower_starts += first.islower()
        if len(line) >= WRAP_MIN_CHARS:
            line = line.rstrip()
            if len(line) >= WRAP_MIN_CHARS:
                long_lines += 1
                last = line[-1]
                if last in "<>" or last.isalpha() and "<" in line[-12:]:
                    # a markup remnant the crawl left after the stop ("… тағайындалды.</seg>",
                    # "… жасау.</seg"): read the line end before it, as the punctuation rules do
                    tag = _TAG_REMNANT.search(line, len(line) - 12)
                    if tag is not None:
                        line = line[:tag.start()]
                        last = line[-1:]
                if last in _CLOSERS:
                    last = line.rstrip(_CLOSERS)[-1:]
                ends += last != "" and last in ".!?…:;"
    if long_lines >= PARAGRAPH_MIN_LINES and ends >= PARAGRAPH_RATIO * long_lines:
        return True
    # lines that almost never start in lower case are not wrapped prose either (a staff list, a
    # page of headlines and cut lines, a table of contents): wrapped prose breaks its lines
    # inside sentences, mostly before a lower-case word
    return starts >= PARAGRAPH_MIN_STARTS and lower_starts * 10 <= starts


def _starts_item(text: str, k: int) -> bool:
    """Does the line at ``k`` open a list item or a new unit (a capital, a digit, a dash, a quote)?"""
    while k < len(text) and text[k] in " \t":
        k += 1
    return k < len(text) and (text[k].isupper() or text[k].isdigit() or text[k] in "-–—•*«“\"(")


_LOWER_LINE = re.compile(rf"\n[^\S\n]*(?=[{LOWER}])")
def _heading_label(text: str, dot: int) -> bool:
    """Is the word before the period at ``dot`` a numbered heading label (``2-тарау.``, ``4-бап.``)?"""
    word = text[_word_before(text, dot):dot].lstrip(_OPENERS)
    return word[:1].isdigit() and _HEADING_NUMBER.fullmatch(word) is not None


def _line_boundaries(text: str, held: Sequence[int] = ()) -> list[int]:
    """Offsets of single line breaks that end a sentence (headlines, widgets, lists).

    The "width" a line is compared with is the longest of the line before it, the two
    after it and itself: a local estimate of the column width of wrapped text.

    ``held``: periods at a line end that punctuation alone does not take as a sentence end
    (an abbreviation or initials: ``Қостанай қ.``, ``атап өтті К.``; found by
    :func:`_punctuation_boundaries`). Such a line end is judged like a line without a stop:
    in text written one paragraph per line, or after a short line, the line break ends the
    sentence (``Қостанай қ.`` / ``Дүйсенбі – сенбі 9.00 бастап …``; a crawl that cut a line
    after an initial, ``… колледжін, Ш.`` / ``Еңбек жолын 1988 жылы …``); in wrapped print
    text (``… 5 млн.`` / ``АҚШ долларын …``) a full line continues. A numbered heading label
    (``2-тарау.``) is left to punctuation: the heading follows it.
    """
    out = []
    n = len(text)
    paragraphs = None  # computed when first needed
    # the only line ends after a stop that are read here: line breaks before a lower-case line
    # (-> the start of that line) and after a held period (-> 0)
    special = {m.start(): m.end() for m in _LOWER_LINE.finditer(text)}
    for dot in held:
        special.setdefault(text.find("\n", dot), 0)
    for m in _NEWLINE.finditer(text):
        i = m.start()
        j = i
        while j and text[j - 1] in " \t":
            j -= 1
        if not j:
            continue
        last = text[j - 1]
        if last in ".!?…\n":
            k = special.get(i)
            if k is None:
                continue  # terminal punctuation decides; a blank line is a paragraph break
            if k:
                if last not in ".!?" or text[j - 2:j - 1] in (".", "!", "?", ""):
                    continue
                # a stop at a line end before a lower-case line: punctuation leaves it (a
                # sentence running on), but one-paragraph-per-line text never wraps a sentence:
                # the line is a list item or a paragraph whose start the crawl cut
                # ("… табылатын құжат." / "қосымша келесі құжаттардың көшірмелері …")
                if paragraphs is None:
                    paragraphs = _one_paragraph_per_line(text)
                if paragraphs and (last != "." or _period_ends_sentence(text, j - 1, k)):
                    out.append(k)
                continue
            if last != "." or _heading_label(text, j - 1):
                continue
        if last in _LINE_END_CONTINUES:
            if paragraphs is None:
                paragraphs = _one_paragraph_per_line(text)
            # an opening bracket or quote ends a line of one-paragraph-per-line text only where the
            # crawl cut it at its line cap ("… Ереван қаласында (" at 185 characters / "Есеп комитеті …":
            # every such line end in the dev apertium files is 185-192 characters into its line)
            cut = paragraphs and last in "(«“„" and (
                CRAWL_LINE_CAP - CRAWL_CAP_WINDOW <= _line_length(text, text.rfind("\n", 0, i) + 1, i) <= CRAWL_LINE_CAP)
            if not (last in ";:" or paragraphs and last not in "(«“„" or cut) or not _starts_item(text, m.end()):
                continue
            # a list: "Құжаттар:" / "1. Өтініш." / "Жеке куәлік;" / "Еуразия ұлттық университеті;";
            # in one-paragraph-per-line text, a paragraph the crawl cut after a comma or at its cap
            out.append(m.end())
            continue
        if last in "»”\"')" and text[j - 2:j - 1] in (".", "!", "?", "…"):
            continue
        k = m.end()
        while text[k] in " \t":
            k += 1
        first = text[k]
        if first.islower() or first in ",;:)»”":
            continue  # a sentence running on
        if paragraphs is None:
            paragraphs = _one_paragraph_per_line(text)
        if paragraphs:
            out.append(k)
            continue
        p1 = text.rfind("\n", 0, i) + 1
        prev_len = _line_length(text, p1, i)
        if WRAP_MIN_CHARS <= prev_len <= WRAP_MAX_CHARS:
            e1 = text.find("\n", k)
            e1 = n if e1 < 0 else e1
            e2 = text.find("\n", e1 + 1) if e1 < n else -1
            e2 = n if e2 < 0 else e2
            p0 = text.rfind("\n", 0, p1 - 1) + 1 if p1 else 0
            width = max(prev_len, _line_length(text, k, e1), _line_length(text, e1, e2),
                        _line_length(text, p0, p1))
            if prev_len >= WRAP_RATIO * width:
                continue  # a full line of wrapped text
        out.append(k)
    return out


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences; spans point into ``text`` and carry no outer white space.

    >>> [s.text for s in split_sentences("«Келемін!» – деді ол. Бұл туралы жазады Egemen.kz. Кездесу аяқталды.")]
    ['«Келемін!» – деді ол.', 'Бұл туралы жазады Egemen.kz.', 'Кездесу аяқталды.']
    """
    check_text(text, "split_sentences")
    if not text:
        return []
    if len(text) < PAUSE_MIN_CHARS:  # too few records for the collector to matter: no context manager
        return _split(text)
    with paused(len(text)):
        return _split(text)


def _scan_text(text: str) -> str:
    r"""``text`` with every line break (:mod:`kaznlp.linebreaks`) read as ``"\n"``, same length.

    ``\r\n`` becomes ``" \n"`` (one break); ``\r``, ``\x0b``, ``\x0c``, ``\x1c``-``\x1e``,
    ``\x85``, ``\u2028`` and ``\u2029`` become ``"\n"``, so the rules below, written for
    ``"\n"``, see the same breaks as normalize and dehyphenate. Offsets hold.
    """
    if (_OTHER_BREAK.search(text) is None if len(text) < 2000
            else not any(ch in text for ch in _OTHER_BREAKS)):  # long text: a fast search per character
        return text
    return text.replace("\r\n", " \n").translate(_AS_NEWLINE)


def _month_stems() -> str:
    """Month-name stems from the month abbreviations of ``data/abbreviations.tsv`` (``қаң``, ``қыр``…)."""
    return "|".join(sorted((a.rstrip(".") for a, cls in _data.abbreviations().items() if cls == "month"),
                           key=len, reverse=True))


# A date stamp that opens a lead after a headline: "2015 жылдың 13 қыркүйегі",
# "2015 жылғы 25 маусымда". Found from the literal " жыл" (fast search); the year before it is
# checked in Python.
_DATE_STAMP = re.compile(rf" жыл(?:дың|ғы)[^\S\n]\d{{1,2}}[^\S\n](?=(?i:{_month_stems()}))")
# A finite verb of the third person ends a Kazakh headline: past "ашылды", "өтті", "қатысты",
# present-future "өтеді", "басталады".
_FINITE_END = ("ды", "ді", "ты", "ті")


def _month_possessives() -> list[str]:
    """The possessive (stamp) form of each month name: ``қыркүйегі``, ``тамызы``, ``шілдесі``.

    The names are the glosses of the month abbreviations in ``data/abbreviations.tsv``
    (``қыр.`` -> ``қыркүйек``); the ending follows the last vowel (``-ы``/``-і``, ``-сы``/``-сі``
    after a vowel) and a final ``к``/``қ`` voices before it (``қыркүйек`` -> ``қыркүйегі``).
    """
    out = []
    for line in _data._lines("abbreviations.tsv"):
        cols = line.split("\t")
        if len(cols) < 3 or cols[1] != "month":
            continue
        name = cols[2].split(",", 1)[0].strip()
        back = [c for c in name if c in "аоұыәеөүіэиу"][-1] in "аоұы"
        if name[-1] in "аәеоөұүыіэиу":
            out.append(name + ("сы" if back else "сі"))
        else:
            stem = name[:-1] + {"к": "г", "қ": "ғ"}.get(name[-1], name[-1])
            out.append(stem + ("ы" if back else "і"))
    return out


# The stamp form of a date after "жылдың": "2015 жылдың 11 қыркүйегі", then a capital.
_POSSESSIVE_MONTH = re.compile(rf"(?:{'|'.join(_month_possessives())})(?=[^\S\n]+[«“\"]?[{UPPER}])")


def _headline_before_date(text: str) -> list[int]:
    """A headline without a stop, flattened onto the line of the dated lead, ends before the date.

    ``Кәрім Мәсімов қайырымдылық марафонына қатысты 2015 жылдың 13 қыркүйегі Бүгін Астанада…``
    is the headline ``… марафонына қатысты`` and the lead ``2015 жылдың 13 қыркүйегі Бүгін…``.
    Evidence on both sides: a date stamp (year, day and a month name) directly after a
    lower-case word that ends in a third-person finite verb ending (``-ды/-ді/-ты/-ті``:
    ``қатысты``, ``өтті``, ``өтеді``). Kazakh is verb-final, so a finite verb followed by a
    new date with no punctuation is a sentence end; inside a sentence the date comes before
    its verb (``2015 жылы … қатысты``).

    The stamp form itself is evidence enough: ``2015 жылдың 11 қыркүйегі`` (the month in the
    possessive, :func:`_month_possessives`) and a capital open a lead after any word that has
    no comma or colon after it (``… арта бермек - Н.Назарбаев 2015 жылдың 11 қыркүйегі XXI
    ғасырда …``). Inside a sentence a date takes a case (``2015 жылдың 27 тамызында``,
    ``2015 жылғы 16 сәуірдегі``): in the seven dev apertium files the stamp form before a
    capital starts 149 lines and stands inside a line 9 times, each after a cut teaser (``…``).
    """
    out = []
    for m in _DATE_STAMP.finditer(text):
        year = m.start() - 4
        if year < 2 or not text[year:m.start()].isdigit() or text[year:year + 2] not in ("19", "20") \
                or not text[year - 1].isspace():
            continue
        b = year - 1
        while b > 0 and text[b - 1] in " \t":  # "өтті  2015 жылғы …": an emptied line left two spaces
            b -= 1
        k = _word_before(text, b)
        word = text[k:b]
        if len(word) >= 4 and word.isalpha() and word.islower() and word.endswith(_FINITE_END):
            out.append(year)
        elif text[m.start() + 4] == "д" and word and (word[-1].isalpha() or word[-1] in "»”") \
                and _POSSESSIVE_MONTH.match(text, m.end()):
            out.append(year)  # "… арта бермек - Н.Назарбаев 2015 жылдың 11 қыркүйегі XXI ғасырда …"
    return out


# A bare date stamp: day, a month name in the nominative (from the month abbreviations' stems),
# a year, then a sentence start or the end: "24 тамыз 2015", "16 қыркүйек 2013".
# Found from the year's literal "20"/"19" (fast search); the day and month before it are read back.
_BARE_YEAR = tuple(re.compile(rf"{c}\d\d(?=\s+[«“\"(]?[{UPPER}\d]|\s*\Z)") for c in ("20", "19"))
_DAY_MONTH = re.compile(rf"(?<!\S)\d{{1,2}}[^\S\n]+(?i:{_month_stems()})[{LOWER}]{{0,7}}[^\S\n]+\Z")


def _before_bare_date(text: str) -> list[int]:
    """A page stamp ``DD month YYYY`` after a word without a stop starts a sentence.

    ``Негізгі бет » Баспасөз қызметі » Жаңалықтар 24 тамыз 2015 А.ж. 24 тамыз күні …``: the
    breadcrumb (a headline, a menu) ends before the date. Evidence on both sides: the date is
    bare (the month in the nominative, the year with no ``жылы``/``жылғы`` and followed by a
    capital or the end), which running Kazakh never writes inside a sentence (``2015 жылғы 24
    тамызда``, ``24 тамыз 2015 жылы``), and the word before it has no comma, colon or bracket
    after it (``Астана, 24 тамыз 2015`` stays one line of a signature).
    """
    out = []
    for pattern in _BARE_YEAR:
        for m in pattern.finditer(text):
            y = m.start()
            if not text[y - 1:y].isspace():
                continue
            d = _DAY_MONTH.search(text, max(0, y - 24), y)
            if d is None:
                continue
            b = d.start()
            if b > 1 and text[b - 1] in " \t\xa0" and (text[b - 2].isalpha() or text[b - 2] in "»”)"):
                out.append(b)
    return out


# A numeric date stamp: "28.08.2015", "14.08.2015, 22:31", with a markup remnant ("17.06.2015</seg>"),
# before white space and a capital, a digit or an opening quote. Found from the literal "." before
# the year (fast search); the day and month before it are read back (_NUMERIC_DAY_MONTH).
_NUMERIC_DATE = re.compile(rf"\.(?:19|20)\d\d(?![\d.])(?:,?[^\S\n]\d{{1,2}}:\d\d(?![\d:]))?"
                           rf"(?:</?[A-Za-z]{{1,10}}>?)?(?=[^\S\n]+[«“\"]?[{UPPER}\d])")
_NUMERIC_DAY_MONTH = re.compile(r"(?<![\w.,/:-])(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\Z")


def _numeric_date_stamps(text: str) -> list[int]:
    """A bare numeric date stamp is a sentence of its own, in text with no line break.

    ``… Баспасөз релиздері 17.06.2015 Есеп комитетінің мүшесі …`` is a page whose date line
    (``17.06.2015``, also ``14.08.2015, 22:31``) was flattened between a headline and its lead:
    the stamp ends a sentence after it, and the word before it (a letter, a closing quote or a
    markup remnant; not a comma or colon: ``Cоңғы өзгеріс: 09.09.2015``) ends one before it.
    Evidence on both sides: running Kazakh writes a numeric date with its year word or a case
    ending (``28.08.2015 ж.``, ``01.04.2009 жылғы``, ``28.08.2015-те``), so a bare one before a
    capital is a stamp; in the seven dev apertium files 54 such dates stand on a line of their
    own and 18 prefix a headline on its line (which the news gold keeps with the headline: the
    space-joined text cannot tell the two apart).
    """
    out = []
    for m in _NUMERIC_DATE.finditer(text):
        y = m.start()
        d = _NUMERIC_DAY_MONTH.search(text, max(0, y - 5), y)
        if d is None:
            continue
        out.append(m.end())
        b = d.start()
        if b > 1 and text[b - 1] in " \t\xa0" and (text[b - 2].isalpha() or text[b - 2] in "»”)>"):
            out.append(b)
    return out


# A media tag in brackets after a headline: "(ФОТО)", "(ВИДЕО)"; a tag reads as a word (two
# vowels in five letters or more), an acronym does not.
_VOWELS = frozenset("АӘЕЁИОӨҰҮУЫІЭЮЯAEIOUY")
_MEDIA_TAG = re.compile(rf"\([A-Z{UPPER}]{{3,}}\)(?=[^\S\n]+[«“\"]?[{UPPER}])")


def _headline_before_tag_end(text: str) -> list[int]:
    """A headline that ends in a finite verb and a bracketed media tag ends after the tag.

    ``Наиб мүфти баспасөз мәслихатын өткізді (ФОТО) Бүгін «БиНьюс» орталығында…``: news
    sites mark headlines with ``(ФОТО)``, ``(ВИДЕО)``; after a verb-final clause such a tag
    closes it. An acronym in brackets after a noun (``Республикасы (ҚР) Үкіметі``) does not
    follow a finite verb and is left alone.
    """
    out = []
    for m in _MEDIA_TAG.finditer(text):
        b = m.start() - 1
        if b < 2 or not text[b].isspace():
            continue
        tag = text[m.start() + 1:m.end() - 1]
        if sum(c in _VOWELS for c in tag) * 5 < 2 * len(tag):
            continue  # an acronym ("(ЕҚҚДБ)" after "президенті"), not a word-like tag ("ФОТО", "ВИДЕО")
        k = _word_before(text, b)
        word = text[k:b]
        if len(word) >= 4 and word.isalpha() and word.islower() and word.endswith(_FINITE_END):
            out.append(m.end())
    return out


def _opener_forms() -> list[str]:
    """Capitalised sentence openers from ``data/sentences_openers_kk.tsv`` (``Бұл``, ``Сонымен``, ``Біздің``)."""
    return [line.split("\t", 1)[0].capitalize() for line in _data._lines("sentences_openers_kk.tsv")]


def _opener_trie() -> str:
    """The capitalised openers as one alternation, grouped by first letter (a small trie: one
    branch tried per space, not 125)."""
    by_initial: dict[str, list[str]] = {}
    for form in sorted(_opener_forms(), key=len, reverse=True):
        by_initial.setdefault(form[0], []).append(re.escape(form[1:]))
    return "|".join(re.escape(c) + "(?:" + "|".join(rest) + ")" for c, rest in by_initial.items())


# A closed-class word capitalised after a lower-case word and one space, with no stop between:
# "… қызметтерді алуға Бұл үшін …". The word before is checked in Python. Led by the literal
# space (fast search).
_OPENER = re.compile(r" (?:" + _opener_trie() + r")(?![\w-])")
_OPENER_FORMS = frozenset(_opener_forms())


def _lost_stop_before_opener(text: str) -> list[int]:
    """A sentence whose stop was lost ends before a capitalised closed-class word.

    ``… мемлекеттік қызметтерді алуға Бұл үшін ХҚКО арқылы …`` is a crawled line cut in
    mid-sentence and the next paragraph; ``… арта бермек - Н.Назарбаев`` then a lead, a
    headline without a stop. Kazakh capitalises a pronoun (``Бұл``, ``Олардың``, ``Біздің``),
    a conjunction (``Бірақ``, ``Өйткені``), a sentence adverb (``Сонымен``, ``Бұдан``) or a
    weekday name only at a sentence start, unlike a name or an institution (``Үкімет``,
    ``Мемлекет басшысы``), which it capitalises anywhere: the forms are listed in
    ``data/sentences_openers_kk.tsv``, each never seen capitalised after a lower-case word in
    KazNERD or KazQAD. Evidence on both sides: a word ending in two letters (``… алуға Бұл``,
    ``… ТҮРКСОЙ Осы ретте``), one space, the capitalised form as a whole word (not ``Ал-Фараби``, not after a quote).
    """
    out = []
    for m in _OPENER.finditer(text):
        i = m.start()  # the space
        if i >= 2 and text[i - 1].isalpha() and text[i - 2].isalpha():
            out.append(i + 1)
    return out


def _join_tables() -> tuple[dict[str, float], dict[str, float]]:
    """``(end, open)`` log-odds from ``data/sentences_joins_kk.tsv`` (learned by ``benchmarks/sentences_joins.py``)."""
    end: dict[str, float] = {}
    opens: dict[str, float] = {}
    for line in _data._lines("sentences_joins_kk.tsv"):
        kind, key, value = line.split("\t", 3)[:3]
        if kind == "end":
            end[key] = float(value)
        elif kind == "open":
            opens[key] = float(value)
    return end, opens


_JOIN_END, _JOIN_OPEN = _join_tables()
_JOIN_SUFFIX = max(len(k) for k in _JOIN_END if not k.startswith("^"))


def _end_bounds(n: int) -> dict[str, float]:
    """For each ``n``-letter ending, the highest end score a word with that ending can get.

    Read from the text without finding the word's start, it rules out most joins at once: a word
    in ``-ның`` or ``-ға`` cannot end a sentence here whatever follows it. A word whose ending
    is not listed gets the score of its shorter ending (:func:`_end_score` backs off to it).
    """
    bound: dict[str, float] = {}
    for key, v in _JOIN_END.items():
        w = key.lstrip("^")
        if len(w) >= n:
            bound[w[-n:]] = max(bound.get(w[-n:], v), v)
    for tail, v in bound.items():
        shorter = _JOIN_END.get(tail[1:]) if n > 1 else None
        bound[tail] = max(v, _JOIN_END.get(tail[-1], 0.0) if shorter is None else shorter)
    return bound


_END_BOUND2, _END_BOUND3 = _end_bounds(2), _end_bounds(3)


def _end_bound(e3: str) -> float:
    """The highest end score of a word whose last three characters are ``e3``."""
    b = _END_BOUND3.get(e3)
    if b is None:
        end = _JOIN_END
        if e3[:1].isalpha() or e3[:1] == "-":  # no key ends in these three letters: the two-letter key decides
            b = end.get(e3[1:], end.get(e3[2:], 0.0))
        else:  # a two-letter word (its own key counts): the two-letter bound
            b = _END_BOUND2.get(e3[1:], end.get(e3[2:], 0.0))
    return b


# The bound of every three-character ending met so far (at most the endings of the text's words).
_END_BOUND: dict[str, float] = {}
# A join: one space, then a capitalised word (group 1; hyphenated parts included), a digit or
# an opening quote. Led by the literal space (fast search).
_JOIN = re.compile(rf" ([{UPPER}][^\W\d_]*(?:-[^\W\d_]+)*|\d|«)")
# The same after a lower-case letter (checked at the space, still literal-led).
_LOWER_JOIN = re.compile(rf" (?<=[{LOWER}] )([{UPPER}][^\W\d_]*(?:-[^\W\d_]+)*|\d|«)")
#: a join scoring at least this (log-odds, ``data/sentences_joins_kk.tsv``) is a sentence end
JOIN_MIN_SCORE = 2.0
# Scores of a join after a mark that is not a lower-case word (the table knows only words): a
# capitalised word or a comma rarely ends a sentence, a colon or a closing quote may.
_JOIN_AFTER = {",": -1.0, ")": -1.0, ":": 0.0, ";": 0.0, "»": 0.0}


def _end_score(word: str) -> float:
    """Log-odds that a sentence ends after ``word`` (lower case): its entry, else its longest known suffix."""
    end = _JOIN_END
    v = end.get("^" + word)
    if v is not None:
        return v
    for n in range(min(_JOIN_SUFFIX, len(word)), 0, -1):
        v = end.get(word[-n:])
        if v is not None:
            return v
    return 0.0


def _open_forms() -> dict[str, float]:
    """The ``open`` table keyed by the form as written after a join: ``Бұл``, ``Сондай-ақ``, each digit, ``«``."""
    forms = {key.capitalize(): v for key, v in _JOIN_OPEN.items() if not key.startswith("<")}
    forms.update(dict.fromkeys("0123456789", _JOIN_OPEN.get("<d>", 0.0)))
    return forms


_OPEN_FORMS = _open_forms()
_OPEN_CAPS = _JOIN_OPEN.get("<caps>", 0.0)


def _open_score(nxt: str) -> float:
    """Log-odds that ``nxt`` (a capitalised word, a digit or ``«``) starts a sentence (unknown: 0)."""
    v = _OPEN_FORMS.get(nxt)
    if v is None:
        return _OPEN_CAPS if len(nxt) > 1 and nxt.isupper() else 0.0
    return v


def _lower_word_before(text: str, i: int) -> str:
    """The lower-case word (hyphens allowed) that ends at ``i``, or ``""`` if another chunk does."""
    lo = max(0, i - 40)
    k = max(text.rfind(" ", lo, i), text.rfind("\xa0", lo, i))
    if k < 0 < lo:
        return ""  # no word is 40 characters long (and reading further back would be quadratic)
    word = text[k + 1:i].lstrip(_OPENERS)
    if word.islower() and (word.isalpha() or word.replace("-", "").isalpha()):
        return word
    return ""


def _join_score(text: str, i: int) -> float:
    """Log-odds that the join at the space ``i`` ends a sentence whose stop is missing.

    The sum of the two learned pieces of evidence of ``data/sentences_joins_kk.tsv``: how the
    word before ends (``^өтті`` 2.2, ``-ады`` 4.6, ``-ның`` -4.7: Kazakh is verb-final) and what
    the word after is (``Бұл`` 6.1, ``Ал`` 6.0; ``Есеп`` -3.8, a name or an institution that is
    capitalised anywhere). An unknown key says nothing (0).
    """
    c = text[i - 1]
    if c in _JOIN_AFTER:
        score = _JOIN_AFTER[c]
    else:
        word = _lower_word_before(text, i)
        score = _end_score(word) if word else -1.0  # a name runs on: "… Министрі Александр Новак …"
    m = _JOIN.match(text, i)
    return score + (_open_score(m.group(1)) if m is not None else 0.0)


# One scan for both rules of a join without a stop (_lost_stop_before_opener, _unstopped_joins):
# after a lower-case letter, the word after (group 1: a capitalised word, a digit or a quote);
# after another letter, only a listed opener. Led by the literal space (fast search).
_STOPLESS = re.compile(rf" (?=[{UPPER}\d«])(?:(?<=[{LOWER}] )([{UPPER}][^\W\d_]*(?:-[^\W\d_]+)*|\d|«)"
                       rf"|(?<=[^\W\d_] )(?:{_opener_trie()})(?![\w-]))")


def _stopless_boundaries(text: str) -> list[int]:
    """:func:`_lost_stop_before_opener` and :func:`_unstopped_joins` in one scan of the text (same cuts)."""
    out = []
    openers = _OPENER_FORMS
    for m in _STOPLESS.finditer(text):
        i = m.start()
        nxt = m.group(1)
        if nxt is None or nxt in openers:  # a listed opener (a whole word) after two letters
            after = text[m.end():m.end() + 1]
            if nxt is None or not (after.isalnum() or after in "-_") or not after:
                if i >= 2 and text[i - 2].isalpha():
                    out.append(i + 1)
                continue
        if _join_ends_sentence(text, i, nxt):
            out.append(i + 1)
    return out


def _join_ends_sentence(text: str, i: int, nxt: str) -> bool:
    """Does the join after the lower-case word ending at ``i``, before the capitalised ``nxt``,
    score at least :data:`JOIN_MIN_SCORE` (``… жарақат алды Түрме …``: yes), outside a date and a
    short quoted name? The one decision of the learned join rule, for both scans that use it."""
    o = _OPEN_FORMS.get(nxt)
    if o is None:
        o = _OPEN_CAPS if len(nxt) > 1 and nxt.isupper() else 0.0
    e3 = text[i - 3:i]
    bounds = _END_BOUND
    b = bounds.get(e3)
    if b is None:
        b = _end_bound(e3)
        if len(bounds) < 100_000:  # (the endings of a text's words: bounded in practice, capped anyway)
            bounds[e3] = b
    if o + b < JOIN_MIN_SCORE:
        return False  # (no word with this ending can reach the threshold before this word)
    word = _lower_word_before(text, i)
    if len(word) < 2 or _end_score(word) + o < JOIN_MIN_SCORE or _in_date(text, i - len(word), word):
        return False
    if _REPORTING.search(text, max(0, i - 60), i) is not None:
        return False  # "«…», - деді Трамп …", "… деп хабарлады Лондон полициясы.": the speaker follows
    q = text.rfind("«", max(0, i - QUOTE_REACH), i)
    return not (q >= 0 and text.find("»", q, i) < 0 and text.find("»", i, i + QUOTE_REACH) >= 0)


# A reporting clause: the quotative "деп" or a closing quote and a dash ("», -", "”, –"), then
# one or two lower-case words up to the join ("деп атап өтті", "», - деді", "», - деді ол").
_REPORTING = re.compile(rf"(?:(?<![\w-])деп|[»”“\"],?[^\S\n]*[-–—])(?:[^\S\n]+[{LOWER}]+){{1,2}}\Z")


_MONTH_STEMS = tuple(_month_stems().split("|"))
_DAY_BEFORE = re.compile(r"(?<!\d)\d{1,2}[^\S\n]+\Z")


def _in_date(text: str, k: int, word: str) -> bool:
    """Is ``word`` (starting at ``k``) a month name after a day number (``19 мамыры``, ``29 тамызды``)?

    A date stamp opens the lead it dates (``2015 жылдың 19 мамыры Бүгін ҚР Премьер-Министрі …``)
    and a date inside a sentence comes before its verb, so no sentence ends after one.
    """
    return word.startswith(_MONTH_STEMS) and _DAY_BEFORE.search(text, max(0, k - 6), k) is not None


def _unstopped_joins(text: str) -> list[int]:
    """Sentence ends with no stop, from learned evidence on both sides of the join.

    ``Лонг Лартин түрмесі: Толқу кезінде алты офицер жарақат алды Түрме әкімшілігі …`` is a
    headline run into its lead. Inside a sentence a lower-case word is followed by a capital all
    the time (``… облысы Қазақстанның …``), so the join is scored (:func:`_join_score`): a finite
    predicate before it (``алды``: Kazakh is verb-final) and a word after it that is capitalised
    mostly at sentence starts (``Түрме``, ``Бұл``) make a sentence end; a score of at least
    :data:`JOIN_MIN_SCORE` cuts. Only a lower-case word of two letters or more is read, and not
    inside a short quoted name (``«Мәңгілік Ел» мерекелік қойылымы``).
    """
    out = []
    for m in _LOWER_JOIN.finditer(text):
        i = m.start()
        nxt = m.group(1)
        if _join_ends_sentence(text, i, nxt):
            out.append(i + 1)
    return out


QUOTE_REACH = 60  # a quoted name opens and closes within this many characters of a join in it


#: Lines of the crawl the news corpus comes from are cut at this many characters
CRAWL_LINE_CAP = 192
#: a cut line ends at a word boundary this close to the cap (182-191 characters in the dev files)
CRAWL_CAP_WINDOW = 14
# A join that may end a cut line: a word, a comma, a colon or a closing mark, one space, then
# a capital, a digit or an opening quote.
_CAP_JOIN = re.compile(rf"(?<=[{LOWER},:;)»]) (?=[{UPPER}\d«])")
#: long sentences with no join near the cap (as running text has) per cut line found, at most
CRAWL_MISS_RATIO = 2
#: cut lines needed before the text is read as cut: one is chance (a fifth of the long sentences
#: of uncut news and Wikipedia text have a join near the cap), two are evidence
CRAWL_MIN_FOUND = 2
# A cut line already ended by another rule: no stop, white space or a closing mark at its end.
_STOP_OR_CLOSER = ".!?…:;»\"”)"


def _crawl_line_cuts(text: str, cuts: list[int]) -> list[int]:
    """Lines a crawl cut at a fixed length, run together with spaces: cut where the line ended.

    The apertium crawl of Kazakh news sites keeps at most :data:`CRAWL_LINE_CAP` characters of a
    line and drops the rest of a longer sentence, stop included; flattened with spaces, the
    cut line runs into the next sentence: ``… ақпарат ресурстарына Thomson Reuters (АҚШ) және …``
    (``ресурстарына`` is the 191st character of its line). Evidence: a sentence (between the
    ``cuts`` found so far) longer than the cap that has a join (:data:`_CAP_JOIN`) within
    :data:`CRAWL_CAP_WINDOW` characters before the cap, at the best-scoring join there
    (:func:`_join_score`). Running text has long sentences too, and a fifth of them have a join
    in that window by chance, so the text must show the cap more than once: at least
    :data:`CRAWL_MIN_FOUND` cut lines, counting those found so and sentences the other rules
    already ended at the cap length without a stop (``… ұйымдастыруда`` at 185 characters), and
    at most one long sentence without such a join per :data:`CRAWL_MISS_RATIO` cut lines. A
    single long sentence with a join near 192 characters is no evidence: it is how 9 of the 12
    uncut dev NTREX and KazQAD texts the rule once cut looked.
    """
    lo_w = CRAWL_LINE_CAP - CRAWL_CAP_WINDOW
    n = len(text)
    spans = []
    a = 0
    ended = 0  # cut lines the other rules already ended: cap length, no stop
    for b in cuts + [n]:
        while a < b and text[a].isspace():
            a += 1
        if b - a > CRAWL_LINE_CAP:
            spans.append((a, b))
        elif b - a >= lo_w and b < n:
            e = b
            while text[e - 1].isspace():
                e -= 1
            ended += e - a >= lo_w and text[e - 1] not in _STOP_OR_CLOSER
        a = b
    if not spans:
        return []
    found = miss = 0
    for a, b in spans:
        while b - a > CRAWL_LINE_CAP:
            joins = [m.start() for m in _CAP_JOIN.finditer(text, a + lo_w, a + CRAWL_LINE_CAP + 1)]
            if not joins:
                miss += 1
                break
            found += 1
            a = joins[-1] + 1
    found_all = found + ended
    if not found or found_all < CRAWL_MIN_FOUND or miss * CRAWL_MISS_RATIO > found_all:
        return []
    out = []
    for a, b in spans:
        while b - a > CRAWL_LINE_CAP:
            joins = [m.start() for m in _CAP_JOIN.finditer(text, a + lo_w, a + CRAWL_LINE_CAP + 1)]
            if not joins:
                break
            i = max(joins, key=lambda j: _join_score(text, j))
            out.append(i + 1)
            a = i + 1
    return out


def _outside_tokens(text: str, cuts: list[int]) -> list[int]:
    """``cuts`` without those that fall inside a token :func:`kaznlp.tokenize` keeps whole.

    A cut with no space on either side (``…жазады Egemen.Kz сайты``, ``аа.Kz``) is checked
    against the tokenizer's own pattern (:data:`kaznlp.tokenize.TOKEN_PATTERN`): a domain with
    a capitalised TLD (``Egemen.Kz``), an e-mail, a URL, an abbreviation chain (``ә.б.``) or a
    number (``08.10.2015``) is one token, so no sentence may end inside it, and every token of
    ``process`` lies in one sentence. The white-space-delimited chunk around the cut is scanned
    once (a chunk holding several cuts is not rescanned: linear time).
    """
    out = []
    chunk_end = -1
    starts: set[int] = set()
    n = len(text)
    for cut in sorted(cuts):
        if cut <= 0 or cut >= n or text[cut - 1].isspace() or text[cut].isspace():
            out.append(cut)
            continue
        if cut >= chunk_end:
            a = cut - 1
            while a > 0 and not text[a - 1].isspace():
                a -= 1
            chunk_end = cut
            while chunk_end < n and not text[chunk_end].isspace():
                chunk_end += 1
            starts = {m.start() for m in TOKEN_PATTERN.finditer(text, a, chunk_end)}
        if cut in starts:
            out.append(cut)
    return out


# A run of two or more spaces after a word, before a sentence start: the trace of an emptied
# line in text whose line breaks were flattened to spaces (a web page, "Жаңалықтар  24 тамыз
# 2015"). Found from the literal "  " (fast search).
_SPACE_RUN = re.compile(r"  +(?=\S)")
_RUN_THEN = re.compile(r"  +(\S)")
SPACE_RUN_SAMPLE = 64  # runs read to decide whether runs are flattened line breaks
_NO_END_BEFORE_RUN = ",(«“„‐‑-"


def _space_runs_break(text: str) -> bool:
    """Is a run of two or more spaces a flattened line break in ``text`` ?

    It is when such runs stand mostly before a sentence start: in flattened web text a run is
    an emptied line (``… МЕМЛЕКЕТТІК ТУЫ  4-бап. …``), while justified print (``pdftotext
    -layout``) pads words everywhere, before lower-case words too. No run at all in a line of
    the 3.7 MB apertium news corpus, NTREX or the KazQAD passages follows a word and precedes a
    capital, and none in UD KTB: within a line, such a run is not a typing habit. Only a
    text with no line break at all is read so: one that kept its line breaks kept its empty
    lines too.
    """
    if "\n" in text or "  " not in text:
        return False  # a text that kept its line breaks did not flatten its empty lines
    starts = lower = seen = 0
    for m in _RUN_THEN.finditer(text):
        c = m.group(1)
        if c.islower():
            lower += 1
        elif c.isupper() or c.isdigit():
            starts += 1
        seen += 1
        if seen == SPACE_RUN_SAMPLE:
            break  # the first runs tell how the text is written
    return starts > 0 and lower * 4 <= starts


def _space_run_boundaries(text: str) -> list[int]:
    """Runs of two or more spaces inside a line that end a sentence (flattened line breaks).

    ``Негізгі бет » Баспасөз қызметі » Жаңалықтар  24 тамыз 2015  А.ж. 24 тамыз күні …`` is a
    page whose lines were joined with spaces: each emptied line left two. A run ends a
    sentence before a capital, a digit, an opening quote or bracket, a bullet or a dialogue
    dash when the text does not pad words (the caller checks :func:`_space_runs_break`) and
    the line before it does not end in a comma, a hyphen or an opening bracket or quote (as a
    line break would not). Kazakh example:
    ``… бекітілсін.  2-тарау. ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ МЕМЛЕКЕТТІК ТУЫ  4-бап. …`` ends after
    ``ТУЫ``.
    """
    out = []
    for m in _SPACE_RUN.finditer(text):
        a, k = m.start(), m.end()
        if not a or text[a - 1] in _NO_END_BEFORE_RUN or text[a - 1] == "\n" or text[k] == "\n":
            continue
        c = text[k]
        if c.isupper() or c.isdigit() or c in "«“„\"(•*" or c in "–—-" and _is_start(text, k):
            out.append(k)  # (not before a symbol: "5  %-ға" is a padded unit)
    return out


def _split(text: str) -> list[Span]:
    scan = _scan_text(text)
    starts: list[int] = []
    held: list[int] = []
    runs = _space_runs_break(scan)
    punct = _punctuation_boundaries(scan, starts, runs, held)
    drop = _agency_datelines(scan, starts) if "- " in scan or "– " in scan or "— " in scan else None
    if drop:
        punct = [c for c in punct if c not in drop]
    # (a short text is first searched for any glued mark at all: one scan instead of four)
    glued = _glued_boundaries(scan) if len(scan) >= 2000 or _GLUED_ANY.search(scan) else None
    if glued:  # the only cuts with no white space beside them: every other cut follows or precedes a space
        punct.extend(_outside_tokens(text, glued))
    if ";" in scan:
        punct.extend(_semicolon_lists(scan, sorted(punct)))
    if ": 1" in scan:
        punct.extend(m.end() for m in _COLON_BEFORE_FIRST_ITEM.finditer(scan))
    brackets = _brackets(scan) if "(" in scan else []
    punct = _drop_inside(punct, brackets)
    quotes = _reported_speech(scan) if "?" in scan or "!" in scan else None
    if quotes:  # inside reported speech only "." splits ("«Жол өзгерді. Жоспар…», - деді")
        inside = set(punct).difference(_drop_inside(punct, quotes))
        punct = [c for c in punct if c not in inside or scan[c - 1 - _closers(scan, c)] == "."]
    cuts = set(punct)
    if " жыл" in scan:
        cuts.update(_headline_before_date(scan))
    if "20" in scan or "19" in scan:
        cuts.update(_before_bare_date(scan))
    if "(" in scan:
        cuts.update(_headline_before_tag_end(scan))
    cuts.update(starts)
    if "\n" in scan:
        cuts.update(m.start() for m in _PARAGRAPH.finditer(scan))
        cuts.update(_line_boundaries(scan, held))
    if runs:
        cuts.update(_drop_inside(_space_run_boundaries(scan), brackets))
    if "\n" not in scan:  # (a text that kept its line breaks cut its lines there: the line rules read them)
        joins = _stopless_boundaries(scan)  # (_lost_stop_before_opener and _unstopped_joins, one scan)
        if joins:
            cuts.update(_drop_inside(joins, brackets))
        stamps = _numeric_date_stamps(scan) if ".20" in scan or ".19" in scan else None
        if stamps:
            cuts.update(_drop_inside(stamps, brackets))
        if len(scan) > CRAWL_LINE_CAP:
            cuts.update(_crawl_line_cuts(scan, sorted(cuts)))
    spans = []
    start = 0
    new = tuple.__new__
    for cut in sorted(cuts) + [len(text)]:
        if cut > start:
            # str.strip's white space is str.isspace's: the span's text, found without a loop per character
            piece = text[start:cut].lstrip()
            if piece:
                s = cut - len(piece)
                piece = piece.rstrip()
                spans.append(new(Span, (s, s + len(piece), piece)))
        start = cut
    return spans
