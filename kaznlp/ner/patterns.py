"""Pattern rules of NER: written dates, clock times, percentages, money and contacts.

:func:`pattern_spans` finds them by patterns whose words (month names, year words, units,
top-level domains) are data (``kaznlp/data/ner_patterns_kk.tsv``, ``kaznlp/data/tlds.txt``);
:func:`kaznlp.ner.rules.postprocess` puts them in place of the model's spans for the classes of
:data:`kaznlp.ner.rules.RULE_CLASSES`.

>>> t = "2016 жылғы 21 қазанда 15% өсті."
>>> [(t[s:e], lab) for s, e, lab in pattern_spans(t)]
[('2016 жылғы 21 қазанда', 'DATE'), ('15%', 'PERCENTAGE')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .._data import tlds as tld_list
from .news_rules import pattern_words

__all__ = ["Span", "alternation", "pattern_spans"]

#: ``(start, end, label)``
Span = tuple[int, int, str]


def alternation(words: Iterable[str]) -> str:
    """A regular expression that matches any of ``words``, the longest first.
    """
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    w = pattern_words()
    month_bare = alternation(w["month"]) + r"(?!\w)"
    month = alternation(w["month"]) + r"\w*" + rf"(?:\s+{alternation(w['month_word'])}\w*)?"
    year = r"[12]\d{3}"
    bare_year = r"(?:1[0-9]\d{2}|20\d{2})"
    year_word = r"(?:\s+жыл\w*|\s*ж\.)"
    num = r"\d+(?:[\u00a0\u202f ]\d{3})*(?:[.,]\d+)?"
    left = r"(?<![\w.,:/-])"
    right = r"(?![\w]|[.,]\d)"
    mult = alternation(m for m in w["multiplier"]) + r"\.?"
    cur = alternation(w["currency"]) + r"\w*"
    cur_prefix = alternation(w["currency_prefix"])
    pct = alternation(w["percent"]) + r"\w*"
    hour = alternation(w["time"])
    date = "|".join([
        # 21.10.2016, 28.05.2015 жылы
        rf"\d{{1,2}}\.\d{{1,2}}\.{year}{year_word}?",
        # 2012.06.28
        rf"{year}\.\d{{2}}\.\d{{2}}",
        # 2016 жылғы 21 қазанда, 21 Қазан 2016, 21 қазан 2016 ж., 04 Сәуір, 2024 (web date line)
        # (a year after the month only when the month is bare: "21 Қазан 2016", never
        # "7 қыркүйегі 2020 жылға", which is two dates)
        rf"(?:{year}\s+(?:жылғы|жылдың|жылы|ж\.)\s+)?\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+"
        rf"(?:{month_bare},?\s+{year}{year_word}?|{month})",
        # 2015 жылдың мамыр айында is left to the model; 2016 жылғы қазан
        rf"{year}\s+(?:жылғы|жылдың|жылы)\s+{month}",
        # 2011 жылы, 1980-1984 жылдары, 2016 ж.
        rf"{year}(?:\s*[-–—]\s*{year})?{year_word}",
        # a bare year in brackets or between dashes (guideline: a year alone is a DATE):
        # "«Құрмет» орденімен (2005)", "(1675, қазіргі Оңтүстік Қазақстан ... — 1768 — ...)"
        rf"(?:(?<=[(\[])|(?<=[(\[] )|(?<=[–—] )|(?<=[–—])){bare_year}(?=\s?[)\],;–—])",
        # a year after the place of publication of a reference: "Алматы: Ғылым, 1998;", "А., 1998;"
        rf"(?<=[^\W\d_]\., ){bare_year}(?=[;.,)])",
    ])
    time = "|".join([
        rf"(?:{hour}\s+)?\d{{1,2}}:\d{{2}}(?:-[^\W\d_]+)?",  # 14:17, сағат 15:00-де
        # сағат 9.00-де; сағат 9.00-ден 18.30-ға (the second time of a range needs no "сағат")
        rf"{hour}\s+\d{{1,2}}\.\d{{2}}(?:-[^\W\d_]+)?(?:\s*[-–—]?\s*\d{{1,2}}[.:]\d{{2}}(?:-[^\W\d_]+)?)?",
    ])
    percentage = "|".join([
        rf"\+?{num}\s?%(?:-[^\W\d_]+)?",  # 15%, 7,1%-ға, 25,3 %-ға
        rf"\+?{num}\s+{pct}(?:\s+{alternation(w['percent_point'])}\w*)?",  # 30,9 пайызға, 0,9 пайыздық тармаққа
    ])
    money = rf"\+?{num}(?:\s+{mult})?\s+(?:{cur_prefix}\s+)?{cur}"  # 2,5 млрд. теңге
    tlds = alternation(tld_list())
    contact = "|".join([
        # http://www.eurosai.org/, www.akorda.kz (a final period or bracket stays out)
        r"(?:https?://|www\.)[^\s<>«»\"“”()–—]*[^\s<>«»\"“”()–—.,;:!?\]]",
        r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail
        # a domain name, even when it names a site (guideline: [zem.kz] порталынан; Egemen.kz)
        rf"(?<![\w.@/-])[^\W\d_][\w-]*(?:\.[\w-]+)*\.{tlds}(?![\w-]|\.[^\W\d_])",
        # +7 (7172) 24-93-73, 8 727 123 45 67
        r"(?<![\w+])(?:\+7|8)[\s-]?\(?\d{3,5}\)?[\s-]?\d{1,3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)",
    ])
    # a postal address after "Мекен-жайы:" up to the end of its sentence, line or list item
    address = r"мекен[- ]?жайы\s*:\s*(?P<c>[^\n;:<]*[^\W_])(?=\.?\s*(?:$|\n|<|;))"
    flags = re.IGNORECASE
    return (
        ("CONTACT", re.compile(rf"(?P<c>{contact})|{address.replace('(?P<c>', '(?P<c2>')}", flags)),
        ("DATE", re.compile(rf"{left}(?:{date})(?:(?<=\.)|{right})", flags)),
        ("_RANGE", re.compile(rf"\s*(?:[-–—]\s*)?(?=\d)|\s+{alternation(w['range'])}{right}", flags)),
        ("TIME", re.compile(rf"{left}(?:{time}){right}", flags)),
        ("PERCENTAGE", re.compile(rf"{left}(?:{percentage})(?:(?<=%)|{right})", flags)),
        ("MONEY", re.compile(rf"{left}(?:{money})(?:(?<=\.)|{right})", flags)),
    )


@lru_cache(maxsize=1)
def _pattern_table() -> dict[str, re.Pattern[str]]:
    return dict(_patterns())


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    """Per class, a text that can hold a match of its pattern has a match of its cue (a
    necessary condition, checked first: one short scan instead of the whole pattern's).

    Every DATE alternative has a year (four digits from 1000 to 2999: ``2016 жылы``,
    ``21.10.2016``) or a month (``21 қазанда``); every TIME one a digit, ``:`` or ``.`` and a digit (``14:17``, ``сағат 9.00``);
    every PERCENTAGE one ``%`` or a percent word (``пайыз``); every MONEY one a currency word
    (``теңге``). The words are those of the patterns (``ner_patterns_kk.tsv``); a cue is searched
    in :func:`_fold` of the text (a case-blind scan of a literal is several times slower in ``re``).
    """
    w = pattern_words()
    return {
        "DATE": re.compile(rf"[12]\d{{3}}|{alternation(w['month'])}"),
        "TIME": re.compile(r"\d[:.]\d"),
        "PERCENTAGE": re.compile(rf"%|{alternation(w['percent'])}"),
        "MONEY": re.compile(alternation(w["currency"])),
    }


#: the letters ``re.IGNORECASE`` also takes for ``в д о с т ъ ѣ`` and Latin ``s i`` where ``str.lower``
#: leaves them (``re._casefix``; tests/test_ner_speed.py checks every letter of the cue words)
_FOLD = str.maketrans("ᲀᲁᲂᲃᲄᲅᲆᲇſı", "вдосттъѣsi")
_ODD = re.compile("[ᲀᲁᲂᲃᲄᲅᲆᲇſı]")


def _fold(text: str) -> str:
    """``text`` in lower case, so that a lower-case cue word is in it wherever the pattern's
    ``IGNORECASE`` finds the word in ``text``.
    """
    low = text.lower()
    return low.translate(_FOLD) if _ODD.search(low) else low  # translate is slow: only when needed


_DIGIT = re.compile(r"\d")
#: classes whose every pattern needs a digit (``\d``): skipped on a text without one
_NEEDS_DIGIT = frozenset({"DATE", "TIME", "PERCENTAGE", "MONEY"})
_DOT_WORD = re.compile(r"\.\w")
#: the start every phone number of the CONTACT pattern has (``+7 (7172)``, ``8 727``)
_PHONE_CUE = re.compile(r"(?:\+7|8)[\s-]?\(?\d{3}")


def _contact_cue(text: str, folded: str) -> bool:
    """Whether ``text`` can hold a CONTACT match other than a phone number (:data:`_PHONE_CUE`): an
    e-mail has ``@``, a URL ``://`` or ``www.``, a domain name ``.`` and its top-level domain
    (a word character), an address ``мекен`` (the words looked up in ``folded``, :func:`_fold`).
    """
    return "@" in text or "://" in text or _DOT_WORD.search(text) is not None or "www." in folded or "мекен" in folded


@lru_cache(maxsize=8)
def _wanted(classes: frozenset[str] | None) -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """``(label, pattern, cue)`` of the patterns of ``classes`` (all when None), in table order."""
    cues = _cues()
    return tuple((label, pattern, cues.get(label)) for label, pattern in _pattern_table().items()
                 if not label.startswith("_") and (classes is None or label in classes))


def pattern_spans(text: str, classes: Iterable[str] | None = None) -> list[Span]:
    """Written dates, clock times, percentages, money amounts and contacts found by pattern, in text order.

    Contacts (CONTACT, guideline): URLs, e-mails, domain names even when they name a site
    (``деп жазады Egemen.kz``), phone numbers (``+7 (7172) 24-93-73``) and the postal address
    after ``Мекен-жайы:`` up to the end of its sentence.

    Overlapping matches keep the leftmost, then the longest.
    """
    found: list[Span] = []
    digits = _DIGIT.search(text) is not None
    folded = _fold(text)
    for label, pattern, cue in _wanted(None if classes is None else frozenset(classes)):
        # cheap necessary conditions first (a call per sentence pays every full scan): every
        # date, time, percentage and money pattern has a digit; a contact needs a cue, and so
        # do a date, a time, a percentage and money (_cues)
        if label in _NEEDS_DIGIT and not digits:
            continue
        if label == "CONTACT" and not (digits and _PHONE_CUE.search(text) or _contact_cue(text, folded)):
            continue
        if cue is not None and cue.search(folded) is None:
            continue
        if label == "CONTACT":  # CONTACT: the span is the named group, not the lead-in
            spans = [(m.start(g), m.end(g), label) for m in pattern.finditer(text)
                     for g in ("c", "c2") if m.group(g)]
        else:
            spans = [(m.start(), m.end(), label) for m in pattern.finditer(text) if m.end() > m.start()]
        if label in ("DATE", "TIME", "PERCENTAGE"):
            spans = _join_ranges(text, spans, _pattern_table()["_RANGE"])
        found.extend(spans)
    found.sort(key=lambda s: (s[0], s[0] - s[1]))
    out: list[Span] = []
    for span in found:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


#: an ablative ending (or "бастап", "from") that opens a range: "1999 жылдан", "1 шілдесінен бастап"
_FROM = re.compile(r"(?:[дтн][ае]н|бастап)$", re.IGNORECASE)


def _join_ranges(text: str, spans: list[Span], joiner: re.Pattern[str]) -> list[Span]:
    """One span for a range and its range word (guideline III; the same for times
    ``сағат 9.00-ден 18.30-ға дейін`` and percentages ``28%-дан 18%-ға``): consecutive dates joined by
    white space or a dash become one span (``2010 жылғы қараша – 2012 жылғы мамыр``,
    ``1999 жылдан 2002 жылға``), and a following range word is taken in (``аралығында``,
    ``дейін``, ``бастап``: ``1996 жылдан бастап``)."""
    out: list[Span] = []
    for span in spans:
        if out:
            gap = text[out[-1][1]:span[0]]
            # "X – Y" always; "X Y" only after an ablative "from" ("1999 жылдан 2002 жылға")
            if re.fullmatch(r"[ \t]*[-–—][ \t]*", gap) or (
                re.fullmatch(r"[ \t]+", gap) and _FROM.search(text, 0, out[-1][1])
            ):
                out[-1] = (out[-1][0], span[1], span[2])
                continue
        out.append(span)
    result = []
    for s, e, lab in out:
        m = joiner.match(text, e)
        if m and m.group().strip() and not text[m.start():m.end()].strip(" \t-–—").isdigit():
            if any(ch.isalpha() for ch in m.group()):
                e = m.end()
        result.append((s, e, lab))
    return result
