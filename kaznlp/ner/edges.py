"""Entity edges: no span starts or ends on white space or punctuation, nor crosses a sentence.

:func:`trim_span`: an entity never starts or ends on white space or punctuation (``– ХСӘҚ`` ->
``ХСӘҚ``, ``Қытай –`` -> ``Қытай``, ``“ клубының`` -> ``клубының``), with the exceptions of the
annotation guideline (``docs/ner_annotation.md``): a quote that is part of the name (``«Нұр
Отан» ХДП``: it opens *and* closes inside the span), ``%``, a closing bracket opened inside,
``?``/``!`` ending a title, the ``/`` ending a URL, and the period of an abbreviation or an
initial (``2016 ж.``, ``300 млн.``, ``Мырзабеков О.``). :func:`clip_to_sentences`: a span never
crosses a sentence boundary (:func:`kaznlp.split_sentences`); a span that does keeps its
longest part. :func:`kaznlp.ner.rules.postprocess` applies both to every backend's spans.

>>> t = "Қытай – ХСӘҚ мүшесі."
>>> s, e = trim_span(t, 0, 7, "GPE"); t[s:e]
'Қытай'
"""

from __future__ import annotations

import re
import unicodedata2 as unicodedata
from collections.abc import Sequence
from functools import lru_cache

from .._data import abbreviations

__all__ = ["CLOSE_QUOTES", "OPEN_QUOTES", "clip_to_sentences", "trim_span"]

#: quotes that open / close a name (``«Нұр Отан»``)
OPEN_QUOTES = "«“„\"‘'‹"
CLOSE_QUOTES = "»”“\"’'›"
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
    """
    if start < end and text[start].isalnum() and text[end - 1].isalnum():
        return start, end  # the common case: no edge is white space, punctuation or a symbol
    while start < end:
        changed = False
        span = text[start:end]
        first, last = span[0], span[-1]
        if _is_edge_junk(first) and not (first in OPEN_QUOTES and any(q in span[1:] for q in CLOSE_QUOTES)):
            start += 1
            changed = True
        elif _is_edge_junk(last):
            keep = (
                (last in CLOSE_QUOTES and any(q in span[:-1] for q in OPEN_QUOTES))
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
