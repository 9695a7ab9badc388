"""Date stamps and media tags that end a headline flattened onto the line of its lead."""

from __future__ import annotations

import re

from .. import _data
from ..lang.alphabet import LATIN_VOWELS_UPPER, LOWER, UPPER, VOWELS, VOWELS_UPPER
from ..lang.phonology import harmony

from ._marks import _CITY, _finite_verb, _matches, _word_before


def _month_stems() -> str:
    """Month-name stems from the month abbreviations of ``data/abbreviations.tsv`` (``қаң``, ``қыр``…)."""
    return "|".join(sorted((a.rstrip(".") for a, cls in _data.abbreviations().items() if cls == "month"),
                           key=len, reverse=True))


# A date stamp that opens a lead after a headline: "2015 жылдың 13 қыркүйегі",
# "2015 жылғы 25 маусымда". Found from the literal "жыл" (fast search: a literal that starts with a
# space is searched for at every space, twice as slow), the space before it asserted behind; the year
# before it is checked in Python. A match starts at "ж".
_DATE_STAMP = re.compile(rf"жыл(?<= жыл)(?:дың|ғы)[^\S\n]\d{{1,2}}[^\S\n](?=(?i:{_month_stems()}))")
# A finite verb of the third person ends a Kazakh headline: past "ашылды", "өтті", "қатысты",
# present-future "өтеді", "басталады" (_marks._finite_verb: the endings of kaznlp.lang.affixes,
# with voicing assimilation).


def _month_possessives() -> list[str]:
    """The possessive (stamp) form of each month name: ``қыркүйегі``, ``тамызы``, ``шілдесі``.

    The names are the glosses of the month abbreviations in ``data/abbreviations.tsv``
    (``қыр.`` -> ``қыркүйек``); the ending follows vowel harmony (:func:`kaznlp.lang.phonology.harmony`:
    ``-ы``/``-і``, ``-сы``/``-сі`` after a vowel) and a final ``к``/``қ`` voices before it
    (``қыркүйек`` -> ``қыркүйегі``).
    """
    out = []
    for line in _data.read_lines("abbreviations.tsv"):
        cols = line.split("\t")
        if len(cols) < 3 or cols[1] != "month":
            continue
        name = cols[2].split(",", 1)[0].strip()
        back = harmony(name) == "back"
        if name[-1] in VOWELS:
            out.append(name + ("сы" if back else "сі"))
        else:
            stem = name[:-1] + {"к": "г", "қ": "ғ"}.get(name[-1], name[-1])
            out.append(stem + ("ы" if back else "і"))
    return out


# The stamp form of a date after "жылдың": "2015 жылдың 11 қыркүйегі", then a capital.
_POSSESSIVE_MONTH = re.compile(rf"(?:{'|'.join(_month_possessives())})(?=[^\S\n]+[«“\"]?[{UPPER}])")


def _headline_before_date(text: str) -> list[int]:
    """A headline without a stop, flattened onto the line of the dated lead, ends before the date (docs/sentences.md, "Rule notes")."""
    out = []
    for m in _DATE_STAMP.finditer(text):
        space = m.start() - 1  # the space before "жыл"
        year = space - 4
        if year < 2 or not text[year:space].isdigit() or text[year:year + 2] not in ("19", "20") \
                or not text[year - 1].isspace():
            continue
        b = year - 1
        while b > 0 and text[b - 1] in " \t":  # "өтті  2015 жылғы …": an emptied line left two spaces
            b -= 1
        k = _word_before(text, b)
        word = text[k:b]
        if len(word) >= 4 and word.isalpha() and word.islower() and _finite_verb(word):
            out.append(year)
        elif text[space + 4] == "д" and word and (word[-1].isalpha() or word[-1] in "»”") \
                and _POSSESSIVE_MONTH.match(text, m.end()):
            out.append(year)  # "… деп атап өтті - А.Мамин 2016 жылдың 3 наурызы Бүгін Астанада …"
    return out


# A bare date stamp: day, a month name in the nominative (from the month abbreviations' stems),
# a year, then a sentence start or the end: "24 тамыз 2015", "16 қыркүйек 2013".
# Found from the year's literal "20"/"19" (fast search); the day and month before it are read back.
_BARE_YEAR = tuple(re.compile(rf"{c}\d\d(?=\s+[«“\"(]?[{UPPER}\d]|\s*\Z)") for c in ("20", "19"))
_DAY_MONTH = re.compile(rf"(?<!\S)\d{{1,2}}[^\S\n]+(?i:{_month_stems()})[{LOWER}]{{0,7}}[^\S\n]+\Z")


def _before_bare_date(text: str) -> list[int]:
    """A page stamp ``DD month YYYY`` after a word without a stop starts a sentence.

    ``Басты бет » Жаңалықтар 12 наурыз 2016 Бүгін қала әкімі …``: the
    breadcrumb (a headline, a menu) ends before the date. Evidence on both sides: the date is
    bare (the month in the nominative, the year with no ``жылы``/``жылғы`` and followed by a
    capital or the end), which running Kazakh never writes inside a sentence (``2015 жылғы 24
    тамызда``, ``24 тамыз 2015 жылы``), and the word before it has no comma, colon or bracket
    after it (``Астана, 24 тамыз 2015`` stays one line of a signature).
    """
    out = []
    for century, pattern in zip(("20", "19"), _BARE_YEAR):
        for m in _matches(pattern, text) if century in text else ():
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
_TAG_VOWELS = VOWELS_UPPER | LATIN_VOWELS_UPPER
_MEDIA_TAG = re.compile(rf"\([A-Z{UPPER}]{{3,}}\)(?=[^\S\n]+[«“\"]?[{UPPER}])")


def _headline_before_tag_end(text: str) -> list[int]:
    """A headline that ends in a finite verb and a bracketed media tag ends after the tag.

    ``Оқушылар экспедициядан оралды (ФОТО) Бүгін «Болашақ» мектебінде…``: news
    sites mark headlines with ``(ФОТО)``, ``(ВИДЕО)``; after a verb-final clause such a tag
    closes it. An acronym in brackets after a noun (``Республикасы (ҚР) Үкіметі``) does not
    follow a finite verb and is left alone.
    """
    out = []
    for m in _matches(_MEDIA_TAG, text):
        b = m.start() - 1
        if b < 2 or not text[b].isspace():
            continue
        tag = text[m.start() + 1:m.end() - 1]
        if sum(c in _TAG_VOWELS for c in tag) * 5 < 2 * len(tag):
            continue  # an acronym ("(ЕҚҚДБ)" after "президенті"), not a word-like tag ("ФОТО", "ВИДЕО")
        k = _word_before(text, b)
        word = text[k:b]
        if len(word) >= 4 and word.isalpha() and word.islower() and _finite_verb(word):
            out.append(m.end())
    return out


# A heading in capitals: a space between two words that end and start in four capitals (led by the
# literal space: a fast search; the words are read in Python, _heading_word).
_CAPS_PAIR = re.compile(rf" (?<=[{UPPER}]{{4}} )(?=[{UPPER}]{{4}})")
_UPPER_ONE = re.compile(rf"[{UPPER}]")
_TITLE_START = re.compile(rf"[{UPPER}][{LOWER}.]")


def _heading_word(word: str) -> bool:
    """A word of four or more capitals (hyphens inside): ``БАСПАСӨЗ``, ``АСТАНА-МӘСКЕУ``."""
    letters = word.replace("-", "")
    return len(word) >= 4 and letters.isalpha() and letters.isupper() and _UPPER_ONE.match(word) is not None


def _caps_heading_ends(text: str, pairs: list[int] | None = None) -> list[int]:
    """A heading written in capitals ends before the first word in ordinary case after it.

    ``ҚҰЖАТТАРДЫ ҚАБЫЛДАУ`` / ``Құрметті талапкер! Егер Сіз …``, ``23.09.2015 БАСПАСӨЗ
    ХАБАРЛАМАСЫ`` / ``Ү.ж. 23 қыркүйегінде ҰҚК …``: a web page sets its headings, rubrics and
    staff names in capitals, and a page flattened with spaces runs them into the text after
    them. Kazakh running text writes words of four or more letters in capitals only inside
    such a heading (an acronym, ``ҰҚК``, ``ТМД``, is shorter), so a run of two or more such
    words is a heading and the first word in ordinary case after it starts a sentence. None
    stands in UD KTB or the dev KazQAD passages; in the dev apertium files flattened in
    12-line pieces 19 of 21 end a line (the two others: a staff name before the post on its
    line, ``НЫГЫМЕТОВ ГАНИ САКТАГАНОВИЧ Президент …``).
    """
    if pairs is None:  # (the spaces of _CAPS_PAIR; the splitter has them from its joins scan)
        pairs = [m.start() for m in _matches(_CAPS_PAIR, text)]
    out: list[int] = []
    n = len(text)
    after = 0  # the next pair read lies at or after this offset
    for i in pairs:
        if i < after:
            continue
        k = text.rfind(" ", 0, i) + 1
        end, words = i, 0
        if _heading_word(text[k:i]):
            words = 1
        while True:  # the heading's words, one space apart
            j = end + 1
            e = text.find(" ", j)
            e = n if e < 0 else e
            if not _heading_word(text[j:e]):
                break
            end, words = e, words + 1
        if words >= 2 and end < n and text[end] == " " and _TITLE_START.match(text, end + 1):
            out.append(end)
        after = max(end, i + 1)
    return out


# ". Agency - " (ҚазАқпарат, Kazinform, BNews.kz): literal-led, so found by fast search. The name is
# read possessively ("{0,30}+": no white space can follow a part of it, so backtracking never helps).
_AGENCY_AFTER_DOT = re.compile(rf"\.[^\S\n]+[A-Z{UPPER}][\w.]{{0,30}}+[^\S\n]+[-–—][^\S\n]")


def _agency_datelines(text: str, starts: list[int]) -> set[int]:
    """Datelines with an agency (``СЕМЕЙ. ҚазАқпарат -``, ``Астана. BNews.kz -``).

    Adds each city's start to ``starts`` and returns the cuts to drop (right after the
    city's period).
    """
    drop: set[int] = set()
    for m in _matches(_AGENCY_AFTER_DOT, text):
        dot = m.start()
        k = _word_before(text, dot)
        if _CITY.fullmatch(text, k, dot) and (k == 0 or text[k - 1].isspace()):
            drop.add(dot + 1)
            if k:
                starts.append(k)
    return drop
