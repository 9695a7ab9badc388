"""Post-processing of NER spans: clean edges, sentence limits, and pattern rules.

Every backend's spans pass through :func:`postprocess` (inside :func:`kaznlp.ner.ner` and
:func:`kaznlp.ner.ner_pipe`), on the repaired text of a chunk, before they are mapped back to
the caller's offsets. Three steps, each general, none tied to one string:

1. :func:`trim_span`: an entity never starts or ends on white space or punctuation
   (``– ХСӘҚ`` -> ``ХСӘҚ``, ``Қытай –`` -> ``Қытай``, ``“ клубының`` -> ``клубының``), with
   the exceptions of the annotation guideline (``docs/ner_annotation.md``): a quote that is
   part of the name (``«Нұр Отан» ХДП``: it opens *and* closes inside the span), ``%``, a
   closing bracket opened inside, ``?``/``!`` ending a title, the ``/`` ending a URL, and the
   period of an abbreviation or an initial (``2016 ж.``, ``300 млн.``, ``Мырзабеков О.``).
2. :func:`clip_to_sentences`: a span never crosses a sentence boundary
   (:func:`kaznlp.split_sentences`); a span that does keeps its longest part.
3. :func:`pattern_spans` and :func:`combine`: written dates, clock times, percentages and money
   are found by patterns whose words (month names, year words, units) are data
   (``kaznlp/data/ner_patterns_kk.tsv``); a rule span replaces every model span it overlaps,
   for the classes in :data:`RULE_CLASSES` only (chosen per class on the written-news dev
   split: see ``docs/ner.md``).

>>> text = "2016 жылғы 21 қазанда – ХСӘҚ вице-президенті 15% өсім туралы айтты."
>>> postprocess(text, ((0, len(text)),), [(22, 28, "ORGANISATION"), (11, 21, "DATE")])
[(0, 21, 'DATE'), (24, 28, 'ORGANISATION'), (45, 48, 'PERCENTAGE')]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .._data import abbreviations, read_text
from .._data import tlds as tld_list
from .news_rules import (in_markup, is_designator_number, join_date_ranges, ordinal_label,
                         pattern_words, quoted_name_spans, trim_glued_prefix)

__all__ = ["trim_span", "clip_to_sentences", "pattern_spans", "combine", "postprocess", "RULE_CLASSES"]

Span = tuple[int, int, str]

#: Classes for which the rule span wins over the model (measured on written-news dev; a
#: class whose rule lost to the model there is left out, see docs/ner.md).
RULE_CLASSES = frozenset({"DATE", "TIME", "PERCENTAGE", "MONEY", "CONTACT"})

#: Classes whose rule span only fills in where the model found no span of that class
#: (KazNERD test, where the model's own edges are right more often: see docs/ner.md).
FILL_CLASSES: frozenset[str] = frozenset()

_OPEN_QUOTES = "«“„\"‘'‹"
_CLOSE_QUOTES = "»”“\"’'›"
_TITLE_LABELS = frozenset({"ART", "EVENT", "ADAGE", "PROJECT", "LAW"})
#: units and multipliers whose period is part of a number entity ("300 млн.", "2016 ж.")
_NUMBER_ABBREVIATIONS = frozenset({
    "ж", "жж", "млн", "млрд", "трлн", "мың", "т", "г", "гг", "қ", "к", "ш", "с", "ғ", "ғғ",
    "обл", "ауд", "көш", "тг", "руб", "сағ", "мин", "км", "м", "кг", "га",
})


def _is_edge_junk(ch: str) -> bool:
    """White space, punctuation or a symbol other than ``%``, ``°``, ``$``, ``№``-like signs."""
    if ch.isspace():
        return True
    if ch in "%‰":  # "7,1%" (guideline: the sign is part of a PERCENTAGE)
        return False
    cat = unicodedata.category(ch)
    return cat.startswith("P") or (cat.startswith("S") and ch not in "%°$€£₸+")


@lru_cache(maxsize=1)
def _abbrev() -> frozenset[str]:
    return frozenset(abbreviations()) | _NUMBER_ABBREVIATIONS


def _period_kept(span: str) -> bool:
    """The final period belongs to the entity: an abbreviation (``2016 ж.``) or an initial (``О.``)."""
    word = re.search(r"(\w+)\.$", span)
    if not word:
        return False
    w = word.group(1)
    return w.lower() in _abbrev() or (w.lower() + ".") in _abbrev() or (len(w) == 1 and w.isupper())


def trim_span(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """``(start, end)`` without white space or punctuation at its edges, or None if nothing is left.

    >>> t = "Мәлімдемені – ХСӘҚ вице-президенті жасады."
    >>> s, e = trim_span(t, 12, 18, "ORGANISATION"); t[s:e]
    'ХСӘҚ'
    >>> t = "«Нұр Отан» ХДП съезі өтті"
    >>> s, e = trim_span(t, 0, 14, "ORGANISATION"); t[s:e]
    '«Нұр Отан» ХДП'
    """
    while start < end:
        changed = False
        span = text[start:end]
        first, last = span[0], span[-1]
        if _is_edge_junk(first) and not (first in _OPEN_QUOTES and any(q in span[1:] for q in _CLOSE_QUOTES)):
            start += 1
            changed = True
        elif _is_edge_junk(last):
            keep = (
                (last in _CLOSE_QUOTES and any(q in span[:-1] for q in _OPEN_QUOTES))
                or (last == ")" and "(" in span)
                or (last in "?!" and label in _TITLE_LABELS)
                or (last == "/" and label == "CONTACT" and "/" in span[:-1])
                or (last == "." and _period_kept(span))
            )
            if not keep:
                end -= 1
                changed = True
        if not changed:
            break
    if start >= end or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


def clip_to_sentences(start: int, end: int, sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The longest part of ``[start, end)`` that lies inside one sentence.

    A model that reads several sentences at once can run an entity over a boundary
    (``... анықталды. АСТАНА``); the part in one sentence is kept.

    >>> clip_to_sentences(5, 20, [(0, 10), (11, 30)])
    (11, 20)
    """
    best = (start, end)
    best_len = -1
    inside = False
    for s, e in sentences:
        if s <= start and end <= e:
            return start, end
        a, b = max(s, start), min(e, end)
        if b > a:
            inside = True
            if b - a > best_len:
                best, best_len = (a, b), b - a
    return best if inside else (start, end)


def _words() -> dict[str, tuple[str, ...]]:
    return pattern_words()


@lru_cache(maxsize=1)
def _not_entities() -> frozenset[str]:
    """Page furniture that is never an entity on its own (``Фото``, ``Негізгі бет``), lower case."""
    return frozenset(_words().get("not_entity", ()))


#: one-word name classes that a sentence-initial capital can fake
_NAME_LABELS = frozenset({"PERSON", "GPE", "LOCATION", "ORGANISATION", "FACILITY"})


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Forms KazNERD writes in lower case inside a sentence (``data/ner_common_words_kk.txt``)."""
    lines = read_text("ner_common_words_kk.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _capitalised_by_position(text: str, span: Span, sentences: Sequence[tuple[int, int]]) -> bool:
    """A one-word name that opens a sentence and is a common word (``Конференцияда ...``: no GPE).

    >>> t = "Конференцияда сот жүйесін цифрландыру талқыланды."
    >>> _capitalised_by_position(t, (0, 13, "GPE"), [(0, len(t))])
    True
    >>> t = "Астанада форум өтті."
    >>> _capitalised_by_position(t, (0, 8, "GPE"), [(0, len(t))])
    False
    """
    start, end, label = span
    if label not in _NAME_LABELS:
        return False
    word = text[start:end]
    if not word.isalpha() or not word[:1].isupper() or not word[1:].islower():
        return False
    opens = any(s <= start < e and not any(ch.isalnum() for ch in text[s:start]) for s, e in sentences)
    return opens and word.lower() in _common_words()


@lru_cache(maxsize=1)
def _legal_form_re() -> re.Pattern[str]:
    forms = _alt(_words().get("legal_form", ()))
    # «name» + one or more abbreviated legal forms, with a case suffix after a hyphen: "» АҚ-нда"
    return re.compile(rf"[»”\"]\s+(?:{forms}\s+)*{forms}(?:-[^\W\d_]+)?(?![\w])")


def _with_legal_form(text: str, span: Span) -> Span:
    """An ORGANISATION in quotes takes its quotes and an abbreviated legal form that follows.

    Guideline (KazNERD, ORGANISATION): ``[«Қазақмыс корпорациясы» ЖШС]``; a full-word descriptor
    stays out (``«[ҚазМұнайГаз]» компаниясы``), so only the abbreviations of
    ``ner_patterns_kk.tsv`` (``legal_form``: АҚ, ЖШС, ШЖҚ РМК, ...) count.

    >>> t = "«Халық банкі» АҚ-нда шот ашылды."
    >>> s, e, lab = _with_legal_form(t, (1, 12, "ORGANISATION")); t[s:e]
    '«Халық банкі» АҚ-нда'
    >>> t = "«Қазпочта» компаниясы"
    >>> _with_legal_form(t, (1, 9, "ORGANISATION"))
    (1, 9, 'ORGANISATION')
    """
    start, end, label = span
    if label != "ORGANISATION" or start == 0 or text[start - 1] not in _OPEN_QUOTES:
        return span
    m = _legal_form_re().match(text, end)
    if m:
        return (start - 1, m.end(), label)
    return span


_LIST_MARK = re.compile(r"\d{1,3}[.)](?:\s|$)")


def _list_or_document_number(text: str, span: Span, sentences: Sequence[tuple[int, int]]) -> bool:
    """A CARDINAL that numbers a list item or a document is no entity (annotation guideline).

    List markers open a sentence or follow ``;``/``:`` (``1) Белгіленген үлгідегі өтініш;
    3) 3х4 екі фото``, ``14. «Р6» санатында``); document numbers follow ``№``
    (``№ 7 бұйрығымен``).

    >>> t = "Қажетті құжаттар: 1) өтініш; 2) куәлік. № 7 бұйрығымен 12 адам."
    >>> [t[a:b] for a, b in ((18, 19), (29, 30), (42, 43), (55, 57))
    ...  if not _list_or_document_number(t, (a, b, "CARDINAL"), [(0, len(t))])]
    ['12']
    """
    start, end, label = span
    if label != "CARDINAL" or not text[start:end].isdigit():
        return False
    before = text[:start].rstrip()
    if before.endswith(("№", "N")) and not before[-2:-1].isalpha():
        return True
    if not _LIST_MARK.match(text, start):
        return False
    if before.endswith((";", ":")):
        return True
    return any(s <= start < e and not any(ch.isalnum() for ch in text[s:start]) for s, e in sentences)


def _alt(words: Iterable[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    w = _words()
    month_bare = _alt(w["month"]) + r"(?!\w)"
    month = _alt(w["month"]) + r"\w*" + rf"(?:\s+{_alt(w['month_word'])}\w*)?"
    year = r"[12]\d{3}"
    bare_year = r"(?:1[0-9]\d{2}|20\d{2})"
    year_word = r"(?:\s+жыл\w*|\s*ж\.)"
    num = r"\d+(?:[\u00a0\u202f ]\d{3})*(?:[.,]\d+)?"
    left = r"(?<![\w.,:/-])"
    right = r"(?![\w]|[.,]\d)"
    mult = _alt(m for m in w["multiplier"]) + r"\.?"
    cur = _alt(w["currency"]) + r"\w*"
    cur_prefix = _alt(w["currency_prefix"])
    pct = _alt(w["percent"]) + r"\w*"
    hour = _alt(w["time"])
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
        rf"\+?{num}\s+{pct}(?:\s+{_alt(w['percent_point'])}\w*)?",  # 30,9 пайызға, 0,9 пайыздық тармаққа
    ])
    money = rf"\+?{num}(?:\s+{mult})?\s+(?:{cur_prefix}\s+)?{cur}"  # 2,5 млрд. теңге
    tlds = _alt(tld_list())
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
        ("_RANGE", re.compile(rf"\s*(?:[-–—]\s*)?(?=\d)|\s+{_alt(w['range'])}{right}", flags)),
        ("TIME", re.compile(rf"{left}(?:{time}){right}", flags)),
        ("PERCENTAGE", re.compile(rf"{left}(?:{percentage})(?:(?<=%)|{right})", flags)),
        ("MONEY", re.compile(rf"{left}(?:{money})(?:(?<=\.)|{right})", flags)),
    )


@lru_cache(maxsize=1)
def _pattern_table() -> dict[str, re.Pattern[str]]:
    return dict(_patterns())


_DIGIT = re.compile(r"\d")
#: classes whose every pattern needs a digit (``\d``): skipped on a text without one
_NEEDS_DIGIT = frozenset({"DATE", "TIME", "PERCENTAGE", "MONEY"})
_DOT_WORD = re.compile(r"\.\w")


def _contact_cue(text: str) -> bool:
    """Whether ``text`` (with no digit: a phone number has one) can hold a CONTACT match: an
    e-mail has ``@``, a URL ``://`` or ``www.``, a domain name ``.`` and its top-level domain
    (a word character), an address ``мекен``. ``str.lower`` finds what the pattern's
    ``IGNORECASE`` finds for these letters: no other character folds to them.

    >>> _contact_cue("Ақорда сайтында жарияланды."), _contact_cue("деп жазады Egemen.kz")
    (False, True)
    """
    if "@" in text or "://" in text or _DOT_WORD.search(text):
        return True
    low = text.lower()
    return "www." in low or "мекен" in low


def pattern_spans(text: str, classes: Iterable[str] | None = None) -> list[Span]:
    """Written dates, clock times, percentages, money amounts and contacts found by pattern, in text order.

    Contacts (CONTACT, guideline): URLs, e-mails, domain names even when they name a site
    (``деп жазады Egemen.kz``), phone numbers (``+7 (7172) 24-93-73``) and the postal address
    after ``Мекен-жайы:`` up to the end of its sentence.

    Overlapping matches keep the leftmost, then the longest.

    >>> t = "21 Қазан 2016, 14:17. Бағасы 2,5 млрд. теңге, 15% өсті."
    >>> [(t[s:e], lab) for s, e, lab in pattern_spans(t)]
    [('21 Қазан 2016', 'DATE'), ('14:17', 'TIME'), ('2,5 млрд. теңге', 'MONEY'), ('15%', 'PERCENTAGE')]
    """
    wanted = None if classes is None else set(classes)
    found: list[Span] = []
    pats = _pattern_table()
    digits = _DIGIT.search(text) is not None
    for label, pattern in pats.items():
        if label.startswith("_") or (wanted is not None and label not in wanted):
            continue
        # cheap necessary conditions first (a call per sentence pays every full scan): every
        # date, time, percentage and money pattern has a digit; a contact needs a cue
        if label in _NEEDS_DIGIT and not digits:
            continue
        if label == "CONTACT" and not (digits or _contact_cue(text)):
            continue
        if "c" in pattern.groupindex:  # CONTACT: the span is the named group, not the lead-in
            spans = [(m.start(g), m.end(g), label) for m in pattern.finditer(text)
                     for g in ("c", "c2") if m.group(g)]
        else:
            spans = [(m.start(), m.end(), label) for m in pattern.finditer(text) if m.end() > m.start()]
        if label in ("DATE", "TIME", "PERCENTAGE"):
            spans = _join_ranges(text, spans, pats["_RANGE"])
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


_NEW_START = re.compile(r"\s+(?=[^\W_]*[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ\d])")


def _split_run_on(text: str, model: Sequence[Span], rules: Sequence[Span]) -> list[Span]:
    """A model span that runs from a rule span of its class into a capitalised word is two spans.

    A web date line glued to the lead (``2012 жылдың 04 қазаны Бүгін ...``, ``2015 жылдың 11
    қыркүйегі XXI ғасырда``) is two dates; the model, seeing no stop, tags one. The part after
    the rule span keeps the model's label.

    >>> t = "2012 жылдың 04 қазаны Бүгін форум өтті."
    >>> [t[a:b] for a, b, _ in _split_run_on(t, [(0, 27, "DATE")], [(0, 21, "DATE")])]
    ['2012 жылдың 04 қазаны', 'Бүгін']
    """
    out: list[Span] = []
    for m in model:
        cut = None
        for r in rules:
            if r[2] == m[2] and m[0] <= r[0] and r[1] < m[1]:
                gap = _NEW_START.match(text, r[1])
                if gap and gap.end() < m[1]:
                    cut = (r[1], gap.end())
                    break
        if cut is None:
            out.append(m)
        else:
            out.extend([(m[0], cut[0], m[2]), (cut[1], m[1], m[2])])
    return out


def combine(model: Sequence[Span], rules: Sequence[Span], fill: Iterable[str] = ()) -> list[Span]:
    """Model spans with the rule spans put in: a rule span replaces every model span it overlaps.

    For a class in ``fill`` the rule only fills in: a rule span that overlaps a model span
    of its own class is dropped (the model's edges are kept).

    >>> combine([(3, 8, "GPE"), (20, 25, "PERSON")], [(0, 13, "DATE")])
    [(0, 13, 'DATE'), (20, 25, 'PERSON')]
    """
    if not rules:
        return list(model)
    fill = frozenset(fill)
    # a model span of the rule's class that covers the whole rule span stays: the model
    # took in more ("кемі 300000000000 теңге", "10 – 15 мың теңге"); otherwise the rule wins
    rules = [r for r in rules
             if not any(m[2] == r[2] and m[0] <= r[0] and r[1] <= m[1] for m in model)
             and (r[2] not in fill or not any(m[2] == r[2] and r[0] < m[1] and m[0] < r[1] for m in model))]
    kept = [m for m in model if not any(r[0] < m[1] and m[0] < r[1] for r in rules)]
    return sorted(kept + list(rules))


def postprocess(
    text: str,
    sentences: Sequence[tuple[int, int]],
    spans: Iterable[Span],
    rules: bool = True,
    rule_classes: Iterable[str] = RULE_CLASSES,
    fill_classes: Iterable[str] = FILL_CLASSES,
) -> list[Span]:
    """Clean a backend's spans over ``text`` (edges, sentence limits) and add the pattern rules.

    ``sentences`` are ``(start, end)`` offsets into ``text``. Returns non-overlapping spans in
    text order.
    """
    out: list[Span] = []
    for s, e, label in spans:
        s, e = clip_to_sentences(s, e, sentences)
        trimmed = trim_span(text, s, e, label)
        if trimmed is not None:
            out.append((trimmed[0], trimmed[1], label))
    out.sort()
    if rules:
        # web furniture is never an entity ("Фото: sud.gov.kz", "Оставить комментарий")
        furniture = _not_entities()
        out = [trim_glued_prefix(text, sp) for sp in out]
        out = [ordinal_label(text, sp) for sp in out
               if " ".join(text[sp[0]:sp[1]].lower().split()) not in furniture
               and not _capitalised_by_position(text, sp, sentences)
               and not _list_or_document_number(text, sp, sentences)
               and not in_markup(text, sp) and not is_designator_number(text, sp)]
        out = [_with_legal_form(text, sp) for sp in out]
        out = quoted_name_spans(text, out)
        classes = frozenset(rule_classes)
        if classes:
            found = [r for r in pattern_spans(text, classes)
                     if any(a <= r[0] and r[1] <= b for a, b in sentences)]
            out = combine(_split_run_on(text, out, found), found, fill_classes)
        out = join_date_ranges(text, out)
    # no overlaps (a trimmed span can touch its neighbour's former edge only)
    final: list[Span] = []
    for span in out:
        if not final or span[0] >= final[-1][1]:
            final.append(span)
    return final
