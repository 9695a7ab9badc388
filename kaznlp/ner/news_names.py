"""Name steps of written news (issue 13, round 11), run by :func:`kaznlp.ner.rules.postprocess` after
``news_heads``. Words are rows of ``kaznlp/data/ner_patterns_kk.tsv``; each step runs only when its cue is
in the text. Examples, reasons and figures: ``docs/ner.md`` (round 11).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .news_rules import country_label, pattern_words
from .patterns import alternation

__all__ = ["named_period", "award_names", "place_organisation", "roman_ordinal", "acronym_body", "place_facility",
           "honorific_person", "quoted_legal", "genitive_person",
           "organisation_chain", "named_after", "body_head", "person_institution", "news_names"]

Span = tuple[int, int, str]


@lru_cache(maxsize=1)
def _res() -> tuple[re.Pattern[str], ...]:
    w = pattern_words()
    period, award = alternation(w.get("period_head", ())), alternation(w.get("award_head", ()))
    kind = alternation(w.get("place_kind", ()) + w.get("state_word", ()))
    owner = r"(?:с?[ыі])(?:ның|нің)?"  # the possessive, maybe with the genitive: облыс-ы, қала-сы-ның
    forms, schools = alternation(w.get("legal_form", ())), alternation(w.get("institution_head", ()))
    owned = r"(?:[тдл][еа]р)?(?:[іы]|с[ыі])"  # the possessive, maybe plural: мектеп-тер-і, академия-сы
    cap, name = "A-ZА-ЯӘҒҚҢӨҰҮҺІЁ", r"[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ][^\W\d_]+(?:-[^\W\d_]+)*"
    return (re.compile(rf"[ \t]+{period}\w*", re.IGNORECASE), re.compile(rf"[ \t]+{award}[іi]\w*", re.IGNORECASE),
            re.compile(rf"[ \t]+(?:{kind}{owner}[ \t]+)?(?=[^\W\d_])", re.IGNORECASE),
            re.compile(rf"(?:^|\s){kind}{owner}$", re.IGNORECASE),
            re.compile(rf"«[^«»\n]{{1,80}}»(?:[ \t]+[{cap}]{{2,6}}»)*[ \t]+{forms}(?:-[^\W\d_]+)?(?![\w-])"),
            re.compile(rf"(?:[ \t]+[{cap}][^\W\d_]+)*[ \t]+{schools}{owned}[^\W\d_]*", re.IGNORECASE),
            re.compile(rf"[ \t]+(?:[а-яәғқңөұүһі]+[ \t]+)?{alternation(w.get('descriptor_FACILITY', ()) + w.get('place_facility', ()))}"
                       r"(?:с?[ыі])\w*", re.IGNORECASE),
            re.compile(rf"(?<!\w){name}[ \t]+{alternation(w.get('name_honorific', ()))}[ \t]+{name}"))


def _absorb(spans: Sequence[Span], matches: Iterable[re.Match[str]], label: str, need_inside: bool = False) -> list[Span]:
    """Each match becomes one ``label`` span in place of the spans inside it, unless a span reaches out of it
    (or, with ``need_inside``, none is inside)."""
    out = sorted(spans)
    for m in matches:
        inside = [sp for sp in out if sp[0] < m.end() and m.start() < sp[1]]
        if (inside or not need_inside) and all(m.start() <= sp[0] and sp[1] <= m.end() for sp in inside):
            out = sorted([sp for sp in out if sp not in inside] + [(m.start(), m.end(), label)])
    return out


def named_period(text: str, spans: Sequence[Span]) -> list[Span]:
    """An EVENT + ``жылдары`` is one DATE."""
    out = []
    for start, end, label in spans:
        m = _res()[0].match(text, end) if label == "EVENT" else None
        out.append((start, m.end(), "DATE") if m else (start, end, label))
    return out


#: what the model calls an award's unquoted name
_AWARDED = frozenset({"PERSON", "NORP", "POSITION", "ORGANISATION", "GPE"})
_GENITIVE = re.compile(r"(?:ның|нің|тың|тің|дың|дің)$")


def award_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """An unquoted name + an award's head (``орденінің``) is one ART, not after a genitive."""
    out: list[Span] = []
    for start, end, label in sorted(spans):
        if label in _AWARDED and text[end - 1:end].isalpha():
            m = None if _GENITIVE.search(text[start:end]) else _res()[1].match(text, end)
            if m and (not out or out[-1][1] <= start):
                out.append((start, m.end(), "ART"))
                continue
            words = text[start:end].rsplit(None, 1)
            if len(words) == 2 and _res()[1].fullmatch(" " + words[1]) and not _GENITIVE.search(words[0]):
                label = "ART"
        if out and out[-1][1] > start:
            continue
        out.append((start, end, label))
    return out


def place_organisation(text: str, spans: Sequence[Span]) -> list[Span]:
    """A GPE ending in or followed by a place's kind or a state word + an ORGANISATION: one span."""
    out: list[Span] = []
    for span in sorted(spans):
        if span[2] == "ORGANISATION" and out and out[-1][2] == "GPE":
            m = _res()[2].match(text, out[-1][1])
            if m and m.end() == span[0] and (m.group().strip() or _res()[3].search(text[out[-1][0]:out[-1][1]])):
                out[-1] = (out[-1][0], span[1], "ORGANISATION")
                continue
        out.append(span)
    return out


_LOW = "а-яәғқңөұүһіё"
#: a Roman numeral (Latin or Cyrillic І, Х; maybe ``-ші``), alone or two joined by ``және``, before a
#: lower-case Kazakh word that is not a century's (``ғасыр``, ``ғ.``)
_ROMAN = re.compile(rf"(?<![\w.-])[IVXХІ]+(?:-[{_LOW}]+)?(?:[ \t]+және[ \t]+[IVXХІ]+)?(?=[ \t]+[{_LOW}])(?![ \t]+ғ)")


def roman_ordinal(text: str, spans: Sequence[Span]) -> list[Span]:
    """A Roman numeral before a lower-case word, in no span or one of its own, is an ORDINAL."""
    return _absorb(spans, _ROMAN.finditer(text), "ORDINAL")


def place_facility(text: str, spans: Sequence[Span]) -> list[Span]:
    """A GPE (not joined to another) + a facility's word with the possessive is one FACILITY."""
    out: list[Span] = []
    spans = sorted(spans)
    for i, (start, end, label) in enumerate(spans):
        m = _res()[6].match(text, end) if label == "GPE" else None
        if m and not (i and spans[i - 1][2] == "GPE" and text[spans[i - 1][1]:start].strip() in ("мен", "және", ",")) \
                and not (i + 1 < len(spans) and spans[i + 1][0] < m.end()):
            out.append((start, m.end(), "FACILITY"))
            continue
        out.append((start, end, label))
    return out


def honorific_person(text: str, spans: Sequence[Span]) -> list[Span]:
    """A given name, ``қажы`` and a surname are one PERSON where no span reaches out of them."""
    return _absorb(spans, _res()[7].finditer(text), "PERSON")


_ACRONYM = re.compile(r"[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ]{2,}(?:-[^\W\d_]+)?")


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    return frozenset(pattern_words().get("state_acronym", ()))


def acronym_body(text: str, spans: Sequence[Span]) -> list[Span]:
    """A GPE acronym that is no state's, region's or country's is an ORGANISATION; a name + КСР a GPE."""
    out = []
    for start, end, label in spans:
        word = text[start:end]
        if label == "GPE" and _ACRONYM.fullmatch(word) and word.split("-")[0] not in _states() \
                and country_label(text, (start, end, "ORGANISATION"))[2] != "GPE":
            label = "ORGANISATION"
        elif label in _AWARDED and word.count(" ") == 1 and word.split()[1].split("-")[0] in _cues()[4]:
            label = "GPE"  # a name + an abbreviated kind of state: [Украин КСР-і]
        out.append((start, end, label))
    return out


def quoted_legal(text: str, spans: Sequence[Span]) -> list[Span]:
    """A quoted name (maybe nested: ``«Каспий» ӘКК» ҰК»``) + a legal form, holding every span it meets: one ORG."""
    return _absorb(spans, _res()[4].finditer(text), "ORGANISATION", need_inside=True)


_GEN_WORD = re.compile(r"[^\W\d_]+(?:ның|нің|тың|тің|дың|дің)([ \t]+)(?=[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ])")


def genitive_person(text: str, spans: Sequence[Span]) -> list[Span]:
    """A PERSON running on past a genitive into a capitalised word not in the genitive ends at it."""
    out = []
    for start, end, label in spans:
        m = _GEN_WORD.search(text, start, end) if label == "PERSON" and " " in text[start:end] \
            and not _GENITIVE.search(text, end - 3, end) else None
        if m:
            end = m.start(1)
        out.append((start, end, label))
    return out


def _chained(text: str, owner: Span, start: int) -> bool:
    a, b, label = owner
    if label not in ("ORGANISATION", "POSITION") or not _GENITIVE.search(text, b - 3, b) or text[b:start].strip():
        return False
    return label == "ORGANISATION" or text[a:b].rsplit(None, 1)[-1].lower().startswith(_cues()[5])


def organisation_chain(text: str, spans: Sequence[Span]) -> list[Span]:
    """An ORGANISATION (or a POSITION with a body's head word) ending in a genitive right before an ORGANISATION:
    one ORGANISATION, with a region's or state's acronym (``state_acronym`` rows) right before it in no span."""
    out: list[Span] = []
    for span in sorted(spans):
        if span[2] == "ORGANISATION" and out and _chained(text, out[-1], span[0]):
            start = out.pop()[0]
            before = text[:start].rstrip(" \t")
            word = before[before.rfind(" ") + 1:]
            if word in _states() and (not out or out[-1][1] <= len(before) - len(word)):
                start = len(before) - len(word)
            span = (start, span[1], "ORGANISATION")
        out.append(span)
    return out


_NAMED_AFTER = re.compile(r"(?:[^\W\d_]+[ \t]+)?атындағы[ \t]")


def named_after(text: str, spans: Sequence[Span]) -> list[Span]:
    """A PERSON + an ORGANISATION with ``атындағы`` ("named after") between or in its first two words: one ORG."""
    out: list[Span] = []
    for span in sorted(spans):
        if span[2] == "ORGANISATION" and out and out[-1][2] == "PERSON":
            gap = text[out[-1][1]:span[0]]
            if (not gap.strip() and _NAMED_AFTER.match(text, span[0])) or gap.strip() == "атындағы":
                span = (out.pop()[0], span[1], "ORGANISATION")
        out.append(span)
    return out


#: a body's lower-case head word with the possessive right after a name: ``комитетінің``, ``басқармасы``
_BODY_HEAD = re.compile(r"[ \t]+(?:комитет|басқарма|департамент)(?:[іы]|с[ыі])(?:[^\W\d_]*)(?![\w-])")


def body_head(text: str, spans: Sequence[Span]) -> list[Span]:
    """An ORGANISATION + a body's lower-case head word with the possessive is one ORGANISATION."""
    out = sorted(spans)
    for i, (start, end, label) in enumerate(out):
        m = _BODY_HEAD.match(text, end) if label == "ORGANISATION" else None
        if m and (i + 1 == len(out) or out[i + 1][0] >= m.end()):
            out[i] = (start, m.end(), label)
    return out


def person_institution(text: str, spans: Sequence[Span]) -> list[Span]:
    """A one-word PERSON + capitalised words in no span + a school's or university's word: one ORGANISATION."""
    out = sorted(spans)
    for i, (start, end, label) in enumerate(out):
        if label == "PERSON" and " " not in text[start:end]:
            m = _res()[5].match(text, end)
            if m and (i + 1 == len(out) or out[i + 1][0] >= m.end()):
                out[i] = (start, m.end(), "ORGANISATION")
    return out


#: a cheap test before :data:`_ROMAN`
_ROMAN_CUE = re.compile(r"[IVXХІ][ \t-]")


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, ...], ...]:
    """Cues; a word without its first letter matches any case."""
    w = pattern_words()
    return (tuple(w.get("period_head", ())), tuple(x[1:] for x in w.get("award_head", ())),
            tuple(x[1:].rstrip("$") for x in w.get("descriptor_FACILITY", ()) + w.get("place_facility", ())),
            tuple(f" {x} " for x in w.get("name_honorific", ())), tuple(w.get("state_kind_acronym", ())),
            tuple(w.get("head_ORGANISATION", ())))


def _has(text: str, words: tuple[str, ...]) -> bool:
    for word in words:  # cheaper than any()
        if word in text:
            return True
    return False


def news_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """The steps, each only where its cue is in the text or the labels."""
    periods, awards, _, _, kinds, _ = _cues()
    out = list(spans)
    labels = {sp[2] for sp in out}
    if "EVENT" in labels and _has(text, periods):
        out = named_period(text, out)
    if _has(text, awards):
        out = award_names(text, out)
    if _has(text, _cues()[3]):
        out = honorific_person(text, out)
    if "PERSON" in labels and ("ың " in text or "ің " in text):
        out = genitive_person(text, out)
    if "»" in text:
        out = quoted_legal(text, out)
    if "GPE" in labels or _has(text, kinds):
        out = acronym_body(text, out)  # before place_organisation: [Қазақстан Республикасы ҰҚК]
        labels = {sp[2] for sp in out}
    if "GPE" in labels and "ORGANISATION" in labels:
        out = place_organisation(text, out)
    if "ORGANISATION" in labels and ("ың " in text or "ің " in text):
        out = organisation_chain(text, out)
    if "ORGANISATION" in labels and (" комитет" in text or " басқарма" in text or " департамент" in text):
        out = body_head(text, out)
    if "PERSON" in labels and ("мекте" in text or "универс" in text or "инстит" in text or "академ" in text):
        out = person_institution(text, out)
    if "атындағы" in text and "PERSON" in labels:
        out = named_after(text, out)
    if "GPE" in labels and _has(text, _cues()[2]):
        out = place_facility(text, out)
    return roman_ordinal(text, out) if _ROMAN_CUE.search(text) and _ROMAN.search(text) else out
