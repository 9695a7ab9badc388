"""Post-processing of NER spans: clean edges, sentence limits, and pattern rules.

Every backend's spans pass through :func:`postprocess` (inside :func:`kaznlp.ner.ner` and
:func:`kaznlp.ner.ner_pipe`), on the repaired text of a chunk, before they are mapped back to
the caller's offsets. Three steps, each general, none tied to one string:

1. :func:`trim_span` (:mod:`kaznlp.ner.edges`): an entity never starts or ends on white space
   or punctuation (``– ХСӘҚ`` -> ``ХСӘҚ``), with the exceptions of the annotation guideline.
2. :func:`clip_to_sentences` (:mod:`kaznlp.ner.edges`): a span never crosses a sentence
   boundary (:func:`kaznlp.split_sentences`); a span that does keeps its longest part.
3. :func:`pattern_spans` (:mod:`kaznlp.ner.patterns`) and :func:`combine`: written dates, clock
   times, percentages and money are found by patterns whose words (month names, year words,
   units) are data (``kaznlp/data/ner_patterns_kk.tsv``); a rule span replaces every model span it overlaps,
   for the classes in :data:`RULE_CLASSES` only (chosen per class on the written-news dev
   split: see ``docs/ner.md``).

The organisation with the post after it is one POSITION (:func:`kaznlp.ner.news_spans.org_position`):

>>> text = "2016 жылғы 21 қазанда – ХСӘҚ вице-президенті 15% өсім туралы айтты."
>>> postprocess(text, ((0, len(text)),), [(22, 28, "ORGANISATION"), (11, 21, "DATE")])
[(0, 21, 'DATE'), (24, 44, 'POSITION'), (45, 48, 'PERCENTAGE')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .edges import OPEN_QUOTES, clip_to_sentences, trim_span
from .not_names import common_words
from .news_heads import news_heads
from .news_names import news_names
from .news_rules import (country_names, in_markup, is_designator_number, join_date_ranges, name_steps,
                         ordinal_label, pattern_words, quoted_name_spans, trim_glued_prefix)
from .patterns import Span, alternation, pattern_spans

__all__ = ["trim_span", "clip_to_sentences", "pattern_spans", "combine", "postprocess", "RULE_CLASSES"]

#: Classes for which the rule span wins over the model (measured on written-news dev; a
#: class whose rule lost to the model there is left out, see docs/ner.md).
RULE_CLASSES = frozenset({"DATE", "TIME", "PERCENTAGE", "MONEY", "CONTACT"})

#: Classes whose rule span only fills in where the model found no span of that class
#: (KazNERD test, where the model's own edges are right more often: see docs/ner.md).
FILL_CLASSES: frozenset[str] = frozenset()


def _words() -> dict[str, tuple[str, ...]]:
    return pattern_words()


@lru_cache(maxsize=1)
def _not_entities() -> frozenset[str]:
    """Page furniture that is never an entity on its own (``Фото``, ``Негізгі бет``), lower case."""
    return frozenset(_words().get("not_entity", ()))


#: one-word name classes that a sentence-initial capital can fake
_NAME_LABELS = frozenset({"PERSON", "GPE", "LOCATION", "ORGANISATION", "FACILITY"})


def _capitalised_by_position(text: str, span: Span, sentences: Sequence[tuple[int, int]]) -> bool:
    """A one-word name that opens a sentence and is a common word (``Конференцияда ...``: no GPE).
    """
    start, end, label = span
    if label not in _NAME_LABELS:
        return False
    word = text[start:end]
    if not word.isalpha() or not word[:1].isupper() or not word[1:].islower():
        return False
    opens = any(s <= start < e and not any(ch.isalnum() for ch in text[s:start]) for s, e in sentences)
    return opens and word.lower() in common_words()


@lru_cache(maxsize=1)
def _legal_form_re() -> re.Pattern[str]:
    forms = alternation(_words().get("legal_form", ()))
    # «name» + one or more abbreviated legal forms, with a case suffix after a hyphen: "» АҚ-нда"
    return re.compile(rf"[»”\"]\s+(?:{forms}\s+)*{forms}(?:-[^\W\d_]+)?(?![\w])")


def _with_legal_form(text: str, span: Span) -> Span:
    """An ORGANISATION in quotes takes its quotes and an abbreviated legal form that follows.

    Guideline (KazNERD, ORGANISATION): ``[«Қазақмыс корпорациясы» ЖШС]``; a full-word descriptor
    stays out (``«[ҚазМұнайГаз]» компаниясы``), so only the abbreviations of
    ``ner_patterns_kk.tsv`` (``legal_form``: АҚ, ЖШС, ШЖҚ РМК, ...) count.
    """
    start, end, label = span
    if label != "ORGANISATION" or start == 0 or text[start - 1] not in OPEN_QUOTES:
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



#: the opening marks of :func:`quoted_name_spans` (its pattern starts with one of them)
_QUOTE_CUE = re.compile(r"[«“\"]")


_NEW_START = re.compile(r"\s+(?=[^\W_]*[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ\d])")


def _split_run_on(text: str, model: Sequence[Span], rules: Sequence[Span]) -> list[Span]:
    """A model span that runs from a rule span of its class into a capitalised word is two spans.

    A web date line glued to the lead (``2012 жылдың 04 қазаны Бүгін ...``, ``2015 жылдың 11
    қыркүйегі XXI ғасырда``) is two dates; the model, seeing no stop, tags one. The part after
    the rule span keeps the model's label.
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


def _state_left(text: str, model: Sequence[Span], rules: Sequence[Span]) -> list[Span]:
    """A model span that a rule span of another class cuts keeps a state's name before it as GPE
    (``state_prefix`` rows, :func:`~kaznlp.ner.news_rules.country_names`): ``[ҚР] [2012.06.28 DATE]``."""
    out = list(model)
    for i, m in enumerate(out):
        r = next((r for r in rules if m[0] < r[0] < m[1] and r[2] != m[2]), None)
        left = text[m[0]:r[0]].rstrip() if r else ""
        if left in pattern_words().get("state_prefix", ()) or left.lower() in country_names():
            out[i] = (m[0], m[0] + len(left), "GPE")
    return out


def combine(model: Sequence[Span], rules: Sequence[Span], fill: Iterable[str] = ()) -> list[Span]:
    """Model spans with the rule spans put in: a rule span replaces every model span it overlaps.

    For a class in ``fill`` the rule only fills in: a rule span that overlaps a model span
    of its own class is dropped (the model's edges are kept).
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
        # each step runs only when its necessary cue is there (the step could change nothing
        # without it; checked on KazNERD valid/test and news dev/test): a markup tag or entity starts with "<" or "&"
        # (in_markup), a quoted name with a quote (quoted_name_spans); the
        # number steps read a CARDINAL only, and join_date_ranges changes nothing but the order
        # without a DATE span
        furniture = _not_entities()
        markup = "<" in text or "&" in text
        out = [trim_glued_prefix(text, sp) for sp in out]
        out = [ordinal_label(text, sp) if sp[2] == "CARDINAL" else sp for sp in out
               if " ".join(text[sp[0]:sp[1]].lower().split()) not in furniture
               and not _capitalised_by_position(text, sp, sentences)
               and (sp[2] != "CARDINAL" or not _list_or_document_number(text, sp, sentences)
                    and not is_designator_number(text, sp))
               and not (markup and in_markup(text, sp))]
        out = [_with_legal_form(text, sp) for sp in out]
        out = quoted_name_spans(text, out) if _QUOTE_CUE.search(text) else sorted(out)
        classes = frozenset(rule_classes)
        if classes:
            found = [r for r in pattern_spans(text, classes)
                     if any(a <= r[0] and r[1] <= b for a, b in sentences)]
            if found:
                out = combine(_state_left(text, _split_run_on(text, out, found), found), found, fill_classes)
        if any(sp[2] == "DATE" for sp in out):
            out = join_date_ranges(text, out)
        else:
            out.sort()
        out = name_steps(text, news_names(text, news_heads(text, out)))
    # no overlaps (a trimmed span can touch its neighbour's former edge only)
    final: list[Span] = []
    for span in out:
        if not final or span[0] >= final[-1][1]:
            final.append(span)
    return final
