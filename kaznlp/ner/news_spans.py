"""Span steps of written news, round 9 of issue 13, run by :func:`kaznlp.ner.news_rules.name_steps`:
an organisation + a post's head is one POSITION (:func:`org_position`), a bare title before a person a
POSITION, a letter CARDINAL (``АЭХА-ның``) or a name cut by a teaser's ``…`` no entity. Each step is
general, gated by a cheap test on the span; examples, reasons and figures: ``docs/ner.md`` (round 9).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from .._data import read_lines

__all__ = ["position_heads", "org_position", "titles", "title_position", "is_letter_cardinal", "place_ordinal", "is_cut_teaser"]

Span = tuple[int, int, str]

#: possessive (3rd person) and a case ending after a head's stem: директор-ы, басшы-сы-ның, төраға-сы-на
_POSSESSIVE = r"(?:с?[ыі])(?:н|ның|нің|на|не|нда|нде|нан|нен|мен|мен)?"


@lru_cache(maxsize=1)
def position_heads() -> tuple[str, ...]:
    """Stems of the nouns that head a post (``data/ner_position_heads_kk.tsv``): ``директор``, ``басшы``."""
    return tuple(line.split("\t")[0].strip() for line in read_lines("ner_position_heads_kk.tsv")
                 if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern[str]:
    stems = sorted(position_heads(), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, stems)) + r")" + _POSSESSIVE)


def _is_head(word: str) -> bool:
    return _head_re().fullmatch(word.lower()) is not None


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+(?:-[^\W\d_]+)*)")


#: the genitive or a possessive ending: the organisation the post belongs to (``министрлігінің``, ``министрлігі``)
_WHOSE = re.compile(r"(?:ның|нің|тың|тің|дың|дің|сы|сі|ы|і)$")
#: the locative, ablative or instrumental: where or with whom, not whose (``брифингте``)
_WHERE = re.compile(r"(?:да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен|мен|бен|пен)$")


def org_position(text: str, spans: Sequence[Span]) -> list[Span]:
    """An ORGANISATION with the head of a post after it (or as its last word) is one POSITION;
    an ORGANISATION right before a POSITION is part of it when it is the post's owner: in the
    genitive or with a possessive ending, or not in a place case before a POSITION that ends in
    a head (``[Алматы облысы әкімдігі Білім басқармасының басшысы]``).
    """
    out: list[Span] = []
    for span in sorted(spans):
        start, end, label = span
        if label == "POSITION" and out and out[-1][2] == "ORGANISATION" and not text[out[-1][1]:start].strip(" \t"):
            owner = text[out[-1][0]:out[-1][1]].lower()
            if _WHOSE.search(owner) or (_is_head(text[start:end].split()[-1]) and not _WHERE.search(owner)):
                out[-1] = (out[-1][0], end, "POSITION")
                continue
        out.append(span)
    for i, (start, end, label) in enumerate(out):
        if label != "ORGANISATION":
            continue
        if " " in text[start:end].strip() and _is_head(text[start:end].rsplit(None, 1)[-1]):
            out[i] = (start, end, "POSITION")
            continue
        m = _NEXT_WORD.match(text, end)
        if m is None or not _is_head(m.group(1)) or (i + 1 < len(out) and out[i + 1][0] < m.end()):
            continue
        out[i] = (start, m.end(), "POSITION")
    return out


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Titles written before a name (``title`` rows of ``data/ner_patterns_kk.tsv``): ``генерал``, ``шейх``."""
    return frozenset(row[1] for row in (line.split("\t") for line in read_lines("ner_patterns_kk.tsv")) if row[0] == "title")


_PREV_WORD = re.compile(r"(?:^|(?<=[\s(«“\"]))([^\W\d_]+(?:-[^\W\d_]+)*)[ \t]+$")


def title_position(text: str, spans: Sequence[Span]) -> list[Span]:
    """A bare title right before a PERSON, in no span, is a POSITION of its own.
    """
    out = list(spans)
    for i, (start, _end, label) in enumerate(spans):
        if label != "PERSON":
            continue
        m = _PREV_WORD.search(text, max(0, start - 30), start)
        if m is None or m.group(1).lower() not in titles():
            continue
        if i and spans[i - 1][1] > m.start(1):
            continue
        out.append((m.start(1), m.end(1), "POSITION"))
    return sorted(out)


_PLACE = re.compile(r"-орын")


def place_ordinal(text: str, span: Span) -> Span:
    """A number joined by a hyphen to ``орын`` (a place in a ranking) is an ORDINAL:
    ``Қазақстан [50]-орынға ие``, ``[1]-орын алды``; ``5 орын`` (five seats) stays CARDINAL.
    """
    start, end, label = span
    if label == "CARDINAL" and _PLACE.match(text, end) and text[start:end].isdigit():
        return (start, end, "ORDINAL")
    return span


_CAPITALS = re.compile(r"[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ]")


def is_letter_cardinal(text: str, span: Span) -> bool:
    """A CARDINAL with no digit that is an abbreviation (two or more capitals) or one capital letter.
    """
    start, end, label = span
    if label != "CARDINAL":
        return False
    word = text[start:end]
    if any(ch.isdigit() for ch in word):
        return False
    caps = len(_CAPITALS.findall(word))
    return caps >= 2 or (caps == 1 and len(word) == 1)


def is_cut_teaser(text: str, span: Span) -> bool:
    """The span ends in a word cut by a teaser's ellipsis: the word is glued to ``…`` (or
    ``...``) and is no word form of the lexicon (:func:`kaznlp.lang.lexicon.forms`) but the
    start of one. A whole word before the ellipsis (``Мәжілісінде…``) keeps its span.
    """
    start, end, _ = span
    if not text.startswith(("…", "..."), end) or not text[end - 1:end].isalpha():
        return False
    word = text[start:end].split()[-1].lower()
    return _is_cut_word(word)


@lru_cache(maxsize=1)
def _sorted_forms() -> list[str]:
    from ..lang.lexicon import forms

    return sorted(forms())


def _is_cut_word(word: str) -> bool:
    """``word`` is no word form but the start of a longer one (``минист``, ``премь``)."""
    forms = _sorted_forms()
    i = bisect.bisect_right(forms, word)
    if i and forms[i - 1] == word:
        return False
    return i < len(forms) and forms[i].startswith(word)
