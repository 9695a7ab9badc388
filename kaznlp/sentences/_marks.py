"""Terminal punctuation: which ``.`` ``?`` ``!`` ``…`` end a sentence (abbreviations, initials, labels, datelines)."""

from __future__ import annotations

import re

from .. import _data
from ..linebreaks import LINE_BREAK_CHARS
from ..lang.affixes import finite_endings
from ..lang.alphabet import LOWER, UPPER, VOICELESS_CONSONANTS


# The terminal marks' patterns: docs/sentences.md, "The terminal patterns".
def _easy_word() -> str:
    """Lookbehinds (at the period) for a word whose period ends a sentence without Python checks."""
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
# Marks, invisible characters and controls (no white space) after the mark belong to it (docs/sentences.md).
_INVISIBLE_RANGES = ((0x300, 0x36F), (0x483, 0x489), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF),
                     (0xFE00, 0xFE0F), (0xFE20, 0xFE2F), (0x200B, 0x200F), (0x2060, 0x2064), (0xFEFF, 0xFEFF),
                     (0x202A, 0x202E), (0x2066, 0x2069), (0x0, 0x8), (0xE, 0x1B), (0x7F, 0x84), (0x86, 0x9F),
                     (0xAD, 0xAD), (0x180E, 0x180E))
_INVISIBLE = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in _INVISIBLE_RANGES)
_STRIP_INVISIBLE = "".join(chr(c) for a, b in _INVISIBLE_RANGES for c in range(a, b + 1))
_NO_SHY = _INVISIBLE.replace("\\u00ad-\\u00ad", "")


def _glued_tail(mark: str) -> str:  # (_structure._GLUED)
    return (rf"(?!\s)(?<=[\w»”)]{re.escape(mark)})([.!?…]*)([{_NO_SHY}]*[»”)]*[{_NO_SHY}]*)"
            rf"(?=\xad*[«“„]?[{UPPER}])")


def _glued_end(text: str, m: re.Match[str], g: int) -> int:
    """The cut after the glued stop of ``m`` (groups ``g``, ``g + 1``) or -1: _structure._glued_boundaries."""
    dot = m.start()
    word = text[_word_before(text, dot):dot].lstrip(_OPENERS).rstrip("»”)")
    if len(word) < 2 or not word[-1].islower() or not word[-2].isalpha():
        return -1
    if any(c in word for c in "./@:\\") or not any(c.islower() for c in word[:1]) and word[0].isupper() \
            and len(word) <= 3:
        return -1
    if text[dot] == "." and not m.group(g) and _data.abbreviations().get((word + ".").lower()) not in (None, "final"):
        return -1  # "обл.Алматы": an abbreviation that never ends a sentence
    return m.end(g + 1)  # a domain ("сайты.Kazinform.kz", "Egemen.Kz") is dropped by _outside_tokens


_TERMINALS = tuple(
    # ("." has 3 exclusive branches: after an easy word (no group), before a space (1-2), glued (3-4))
    re.compile(re.escape(mark) + ("(?:" + _EASY_WORD + r"(?=" + _EASY_AFTER + r")|" if mark == "." else "(?:")
               + r"(?<![.!?…].)"
               + rf"([{_INVISIBLE}]*[.!?…]*[»”“\"'’)\]]*(?:</?(?:[A-Za-z]{{1,10}}>?)?)?[{_INVISIBLE}]*)\s+(\S)?"
               + ("|" + _glued_tail(".") + ")" if mark == "." else ")"))
    for mark in ".?!…"
)
# Any line break but "\n" (those are rewritten to "\n" in the text the rules scan).
_OTHER_BREAKS = LINE_BREAK_CHARS.replace("\n", "")
_AS_NEWLINE = str.maketrans(dict.fromkeys(LINE_BREAK_CHARS, "\n"))
# A line break before a non-blank line: a candidate boundary.
_NEWLINE = re.compile(r"\n(?=[^\S\n]*\S)")
# Spaced abbreviations ("т. б.") and runs of initials ("А.А", "Н.Ә") before a period.
_SPACED_ABBR = re.compile(r"(?<!\S)\w{1,4}\.(?: \w{1,4}\.){1,2}\Z")
_INITIALS = re.compile(rf"(?:[{UPPER}]\.)*[{UPPER}]\Z")
_HEADING_NUMBER = re.compile(rf"\d{{1,3}}-[{LOWER}]{{2,8}}")
# A Roman numeral label of two or more letters (Latin, or the Kazakh "І" written for "I"): "II.", "IV.",
# "XII."; a single "I." is read as an initial.
_ROMAN_LABEL = re.compile(r"(?:[IVX]|І){2,5}")
# The closing tag of a markup block (a TMX segment, a paragraph) that ends a line flattened into text.
_BLOCK_TAG_END = re.compile(r"</[a-z][a-z0-9]{0,9}>\Z")
_LETTER_CHAIN = re.compile(rf"[{UPPER}{LOWER}]\.(?:[{LOWER}]\.){{0,2}}[{LOWER}]\Z")
_OPENERS = "«“„\"'‘([" + "–—-"
_FINITE_ENDINGS = finite_endings()
_LINE_END_CONTINUES = ",;:-‐‑–—(«“„"


def _matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern whose matches are never empty, by one search
    per match: ``search`` leads with the fast scan for the pattern's literal prefix (``" "``,
    ``"."``, ``"20"``) and ``finditer`` (CPython 3.11) does not, so where matches are few this is
    two to four times faster (the joins scan on the corpus's flattened documents: 7.4 -> 3.6 ms)."""
    out = []
    search = pattern.search
    m = search(text)
    while m is not None:
        out.append(m)
        m = search(text, m.end())
    return out


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
    m = _TO_LAST_SPACE(text, dot - 40 if dot > 40 else 0, dot)  # (one C call: no slice, no loop)
    return m.end() if m is not None else dot  # (it always matches, if only the empty string)


# Everything up to the last white space (str.isspace) of the window, or nothing: its end is the chunk's start.
_TO_LAST_SPACE = re.compile(r"(?s:.*\s)?").match


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
    if len(word) <= 3 and word.isdigit() or word[:1].isdigit() and _HEADING_NUMBER.fullmatch(word) or (
            word[:1] in "IVXІ" and _ROMAN_LABEL.fullmatch(word)):
        # an enumeration number ("1.", "12.", a Roman "II.") or a numbered heading label ("2-тарау.",
        # "4-бап.", "1-бөлім."): at a line start or after a sentence end the period closes the label
        # and the heading or item follows it in the same sentence
        # the last character before the number on its line (only the spaces before it are
        # read: reading back to the line start is quadratic on "1. … 2. … 3. …" in one line)
        b = k - 1
        while b >= 0 and text[b] != "\n" and text[b].isspace():
            b -= 1
        if b < 0 or text[b] == "\n" or text[b] in ".!?…:" or runs and k - b > 2 or text[b] == ">" and (
                _BLOCK_TAG_END.search(text, max(0, b - 12), b + 1)):
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


# Kazakh voicing assimilation (kaznlp.lang.alphabet.VOICELESS_CONSONANTS)
_VOICELESS = VOICELESS_CONSONANTS


def _finite_verb(word: str) -> bool:
    """Can ``word`` (lower case) be a third-person finite verb (``қатысты``, ``өтті``, ``өтеді``)?

    It ends in ``-ды/-ді/-ты/-ті`` (:func:`kaznlp.lang.affixes.finite_endings`) and obeys voicing
    assimilation: ``-ты/-ті`` after a voiceless consonant, ``-ды/-ді`` after anything else.
    ``департаменті``, ``комитеті``, ``президенті`` (a stem's ``т`` and the possessive ``-і``: the
    subject of a lead, before its date) are no verbs.
    """
    return word.endswith(_FINITE_ENDINGS) and (word[-3:-2] in _VOICELESS) == (word[-2] == "т")


def _after_finite_verb(text: str, k: int) -> bool:
    """Is the word before the space at ``k`` a lower-case finite verb of four or more letters?

    Kazakh is verb-final: a number after the verb does not end that sentence but numbers what
    follows (``… кезекті отырысы өтті 1. Шығыс Қазақстан …``: a headline, then item 1).
    """
    word = text[_word_before(text, k):k]
    return len(word) >= 4 and word.isalpha() and word.islower() and _finite_verb(word)


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


# A text shorter than this is first checked for a mark before its final marks (a copy of it is made).
_TAIL_CHECK_MAX = 400
_TAIL_MARKS = ".!?…»”“\"'’)]"


def _punctuation_boundaries(text: str, starts: list[int], runs: bool = False,
                            held: list[int] | None = None, glued: list[int] | None = None) -> list[int]:
    """Cuts after terminal punctuation; the starts of dateline cities are added to ``starts``.

    ``held``: the periods of abbreviations and initials at a line end (no cut here) are added to
    it, for :func:`_line_boundaries` to judge as line ends. ``glued``: the cuts after periods glued
    to the next word (:func:`_glued_end`) are added to it, for :func:`_structure._glued_boundaries`.
    """
    if len(text) < _TAIL_CHECK_MAX:
        # (a mark ends a sentence only before white space and more text: the marks and closing quotes
        # that end the text, "… бюросы.»", never do, so a short text with no other mark is not scanned)
        body = text.rstrip().rstrip(_TAIL_MARKS)
        if "." not in body and "?" not in body and "!" not in body and "…" not in body:
            return []
    out: list[int] = []
    append = out.append
    for mark, pattern in zip(".?!…", _TERMINALS):
        if mark not in text:
            continue
        single_period = pattern is _TERMINALS[0]
        for m in pattern.finditer(text):
            last = m.lastindex
            if last is None:  # the easy branch: a word's period before a capital
                append(m.end())
                continue
            if last == 4:  # a glued period
                if glued is not None and (end := _glued_end(text, m, 3)) >= 0:
                    glued.append(end)
                continue
            c = m.group(2)
            if c is None or c.islower():
                continue  # end of text, or a sentence running on: "Ол ойланды... бірақ келді."
            if not c.isupper() and not _is_start(text, m.start(2)):
                continue
            if single_period:
                g1 = m.group(1)
                if g1 and not g1.strip(_STRIP_INVISIBLE):  # (only marks or invisible characters: a bare period)
                    g1 = ""
            if single_period and g1 and not g1.strip(")]") and c.isalpha() and (
                    "\n" not in text[m.end(1):m.start(2)] and _in_bracket_gloss(text, m.start(), m.start(2), runs)):
                continue  # "(Исмаилия қ.) Хасан …": an abbreviation's period, then the bracket closes (in a line)
            if single_period and not g1:
                dot = m.start()
                nxt = m.start(2)
                before = text[dot - 1]
                if before.isupper() and c.isupper():  # "ШЫМКЕНТ. Бүгін" (with an agency: _agency_datelines)
                    k = _word_before(text, dot)
                    if _dateline_city(text, k, dot, nxt):
                        if k:
                            starts.append(k)  # the headline ends before the city
                        continue
                tail = text[dot - _LONG_WORD:dot] if dot >= _LONG_WORD else ""  # (no wrap-around slice)
                if not (tail.isalpha() and tail.islower()) and not _period_ends_sentence(text, dot, nxt, runs):
                    # (a lower-case word longer than any abbreviation ends the sentence: fast path)
                    if c.isdigit() and _label_of_list(text, nxt, "\n" in text[dot:nxt]):
                        append(m.end(1))  # "… 300 млн." / "7. Халыққа …": the next item of a numbered list
                    elif held is not None and before.isalpha() and "\n" in text[dot:nxt]:
                        held.append(dot)  # "Қостанай қ." / "Дүйсенбі – сенбі …": the line rules judge it
                    continue
                if before in "IVXІ" and c.isupper():
                    k = _word_before(text, dot)
                    if k and _ROMAN_LABEL.fullmatch(text, k, dot):
                        # a Roman label run into the line before ("… келуі II. Мемлекеттік …"): it
                        # numbers the heading after it, so the sentence ends before it
                        append(k)
                        continue
                if before.isdigit():
                    k = dot - 1
                    while k >= 0 and text[k].isdigit():
                        k -= 1
                    if dot - k - 1 <= 3 and k > 0 and text[k] == " " and (
                            "\n" in text[dot:nxt] and _label_at_line_end(text, k, nxt)
                            or _in_enumeration(text, k + 1, dot) or _after_finite_verb(text, k)):
                        # an item number numbers the item after it: at a line end ("…туралы
                        # (А.В.Горяинов) 1." / "Есеп комитетінің мүшесі…") or inside a numbered
                        # list run together ("…енгізу; 2. Бақылау-талдау…; 3. Бақылау…"), the
                        # sentence ends before the number (crawled and PDF lists); so after a
                        # finite verb ("… отырысы өтті 1. Шығыс …": a headline, then item 1)
                        append(k + 1)
                        continue
            append(m.end(1))
    return out


# Year markers: a bracket that closes on a date ("(Астана қаласы, 13 қараша 2013 ж.)", "(06.03.2015 ж.)")
# closes the date line of a heading or a citation more often than a gloss inside a sentence.
_YEAR_MARKS = ("ж", "жж", "г", "гг")


def _in_bracket_gloss(text: str, dot: int, nxt: int, runs: bool) -> bool:
    """Is the period at ``dot``, right before a closing bracket, an abbreviation's inside a gloss?

    ``Мешіт 1887 жылы Жаркентте (Панфилов қ.) Қытай шеберлерінің қолымен салынды.`` is one sentence: the
    period belongs to ``қ.`` (қаласы), which never ends a sentence, and the bracket closes a
    gloss; a stop would follow the bracket (``… (1940-1945 жж.).``). A bracket that closes on a
    year (``ж.``) ends a heading or a citation more often and is left to the punctuation rule.
    """
    if not _period_ends_sentence(text, dot, nxt, runs):
        word = text[_word_before(text, dot):dot].lstrip(_OPENERS)
        return word not in _YEAR_MARKS
    return False


# A wire dateline: a city (ALL CAPS, or a capitalised name) and a period, then an agency and
# a dash ("СЕМЕЙ. ҚазАқпарат -", "АЛМАТЫ. Kazinform -", "Астана. BNews.kz -"), or an ALL-CAPS
# city of five or more letters alone ("ШЫМКЕНТ.", "АСТАНА-МӘСКЕУ.") before a capitalised word.
_CITY = re.compile(rf"[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})*|[{UPPER}][{LOWER}]{{2,}}")
_CITY_ALONE = re.compile(rf"[{UPPER}]{{5,}}|[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})+")
_AGENCY = re.compile(rf"[A-Z{UPPER}][\w.]*[^\S\n]+[-–—][^\S\n]")
_TITLE_WORD = re.compile(rf"[{UPPER}][{LOWER}]")


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
