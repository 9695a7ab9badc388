"""Head-final names of written news (issue 13, round 10): steps of ``rules.postprocess``; docs/ner.md."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .news_rules import country_label, pattern_words, quoted_name_spans
from .not_names import common_words
from .patterns import alternation

__all__ = ["law_titles", "head_label", "extend_connector", "house_facility", "named_titles", "bridge_owner",
           "quoted_org_post", "state_attribute", "post_organisation", "numbered_event", "glued_state", "news_heads"]

Span = tuple[int, int, str]

#: a quoted title (also with the ``&quot;`` of web text) and its words
_QUOTED = re.compile(r"(?:[«“\"]|&quot;)([^«»“”\"\n&]{3,200}?)(?:[»”“\"]|&quot;)")


@lru_cache(maxsize=1)
def _title_end() -> re.Pattern[str]:
    return re.compile(rf"(?:^|\s){alternation(pattern_words().get('law_title_end', ()))}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _law_word() -> re.Pattern[str]:
    """A word naming a law, decree or code (``descriptor_LAW``, ``head_LAW`` stems)."""
    words = pattern_words()
    stems = {w.rstrip("$").lower() for k in ("descriptor_LAW", "head_LAW") for w in words.get(k, ())}
    return re.compile(r"(?<!\w)" + alternation(stems), re.IGNORECASE)


def law_titles(text: str, spans: Sequence[Span]) -> list[Span]:
    """A quoted title ending in ``туралы`` is a LAW when the text names a law outside the quotes."""
    out = sorted(spans)
    described = None
    law_word = _law_word()
    for m in _QUOTED.finditer(text):
        name = m.group(1).strip()
        if len(name.split()) < 2 or not _title_end().search(name) or not name[:1].isalpha():
            continue
        a = m.start(1) + m.group(1).index(name)
        b = a + len(name)
        if not (law_word.search(text, 0, m.start()) or law_word.search(text, m.end())):
            continue
        if described is None:
            described = {(s, e): lab for s, e, lab in quoted_name_spans(text, [])}
        if described.get((a, b), "LAW") != "LAW":
            continue
        inside = [sp for sp in out if sp[0] < b and a < sp[1]]
        if any(sp[0] < m.start() for sp in inside):
            continue
        out = sorted([sp for sp in out if sp not in inside] + [(a, b, "LAW")])
    return out


@lru_cache(maxsize=1)
def _heads() -> tuple[tuple[str, str], ...]:
    """``(stem, label)`` of the ``head_<LABEL>`` rows, the longest stem first."""
    rows = [(w.lower(), kind[5:]) for kind, words in pattern_words().items() if kind.startswith("head_")
            for w in words]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


#: the labels a head can correct (name classes; never a number or a person's post)
_RELABEL = frozenset({"ORGANISATION", "FACILITY", "PERSON", "PRODUCT", "GPE", "ART", "LAW"})


def head_label(text: str, span: Span) -> Span:
    """A name span whose last word starts with a ``head_<LABEL>`` stem takes that label."""
    start, end, label = span
    if label not in _RELABEL:
        return span
    last = text[start:end].rsplit(None, 1)[-1].lower()
    if not last.startswith(_cues()[2]):
        return span
    for stem, head in _heads():
        if last.startswith(stem):
            return (start, end, head) if head != label and (head, label) != ("EVENT", "ART") else span
    return span


#: a word before a name's connector: letters with hyphens, or initials (``Л.Н.``)
_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([^\W\d_]+(?:-[^\W\d_]+)*|(?:[^\W\d_]\.){1,3})[ \t]+$")
_CONNECTED = frozenset({"ORGANISATION", "POSITION", "LAW", "EVENT", "FACILITY"})


#: a case that says where, with what or to whom (not a link of a name chain: ``Жарлығымен``)
_CASE_STOP = re.compile(r"(?:да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен|мен|бен|пен|ға|ге|қа|ке)$")


def _name_start(text: str, start: int, floor: int) -> int | None:
    """Where the name before ``start`` begins (back over lower-case words to a capital, then capitals)."""
    pos, lower, found = start, 0, False
    while pos > floor:
        m = _WORD_BEFORE.search(text, max(floor, pos - 60), pos)
        if m is None:
            break
        word = m.group(1)
        if word[:1].isupper():
            opens = not text[:m.start(1)].strip() or text[:m.start(1)].rstrip()[-1] in ".!?:;"
            short = len(word) <= 3 and word[1:].islower()  # Ол, Бұл, Біз, Ал: a pronoun or conjunction
            if _CASE_STOP.search(word.lower()) or (opens and (short or word.lower() in common_words())):
                break
            found, pos = True, m.start(1)
            continue
        if found or lower == 5:
            break
        lower, pos = lower + 1, m.start(1)
    return pos if found else None


def extend_connector(text: str, spans: Sequence[Span]) -> list[Span]:
    """A span starting with a connector, or lower-case with a capital later, starts where the name does."""
    connectors = pattern_words().get("name_connector", ())
    out = sorted(spans)
    for i, (start, end, label) in enumerate(out):
        if label not in _CONNECTED or not text[start:start + 1].islower():
            continue
        first, *rest = text[start:end].split()
        if first not in connectors and not (label in _BRIDGED and any(w[:1].isupper() or w in connectors for w in rest)):
            continue
        floor = out[i - 1][1] if i else 0
        new = _name_start(text, start, floor)
        if new is not None:
            out[i] = (new, end, label)
    return out


_BRIDGED = frozenset({"ORGANISATION", "POSITION"})
_OWNER_LABELS = frozenset({"GPE", "ORGANISATION", "POSITION"})


@lru_cache(maxsize=1)
def _bridge_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The gaps of ``name_bridge`` and ``name_bridge_place`` rows."""
    words = pattern_words()
    bridge, place = (alternation(words.get(kind, ())) for kind in ("name_bridge", "name_bridge_place"))
    return (re.compile(rf"[ \t]+{bridge}[ \t]+"),
            re.compile(rf"[ \t]+(?:[^\W\d_A-ZА-ЯӘҒҚҢӨҰҮҺІЁ]+[ \t]+)?{place}[ \t]+"))


def bridge_owner(text: str, spans: Sequence[Span]) -> list[Span]:
    """An ORGANISATION/POSITION after an owner and a bridge word is one span with it."""
    out: list[Span] = []
    for span in sorted(spans):
        if span[2] in _BRIDGED and out and out[-1][2] in _OWNER_LABELS:
            any_owner, place = _bridge_res()
            m = (place if out[-1][2] == "GPE" else any_owner).match(text, out[-1][1])
            if m is None and out[-1][2] == "GPE":
                m = any_owner.match(text, out[-1][1])
            if m and m.end() == span[0]:
                start = out.pop()[0]
                while out and out[-1][2] == "GPE" and not text[out[-1][1]:start].strip(" \t"):
                    start = out.pop()[0]
                out.append((start, span[1], span[2]))
                continue
        out.append(span)
    return out


_CLOSED = re.compile(r"[«“\"]([^«»“”\"\n]{1,120})[»”“\"][ \t]+$")


def quoted_org_post(text: str, spans: Sequence[Span]) -> list[Span]:
    """A POSITION starting with a legal form right after a quoted name takes it in."""
    forms = frozenset(pattern_words().get("legal_form", ()))
    out = sorted(spans)
    for start, end, label in list(out):
        if label != "POSITION" or text[start:end].split(None, 1)[0].split("-")[0] not in forms:
            continue
        m = _CLOSED.search(text, max(0, start - 125), start)
        if m is None:
            continue
        out = sorted([sp for sp in out if not (sp[0] < start and m.start() < sp[1]) and sp[:2] != (start, end)]
                     + [(m.start(), end, label)])
    return out


def state_attribute(text: str, span: Span) -> Span:
    """An ORGANISATION of a state's name + an attribute (``state_attribute`` rows) is the state, GPE."""
    start, end, label = span
    words = list(re.finditer(r"\S+", text[start:end]))
    if label != "ORGANISATION" or len(words) < 2 or not words[-1].group().lower().startswith(_cues()[5]):
        return span
    prefixes, kinds = pattern_words().get("state_prefix", ()), tuple(pattern_words().get("state_word", ()))
    for n in range(min(3, len(words) - 1), 0, -1):
        state = (start, start + words[n - 1].end(), label)
        if (n == 1 and words[0].group().split("-")[0] in prefixes) or country_label(text, state)[2] == "GPE":
            if n + 1 < len(words) and words[n].group().lower().startswith(kinds):  # Қазақстан Республикасының
                n += 1
            return (start, start + words[n - 1].end(), "GPE")
    return span


@lru_cache(maxsize=1)
def _house_re() -> re.Pattern[str]:
    """A building's head (``facility_head`` rows) with the possessive and a case (``үйінде``)."""
    stems = alternation(pattern_words().get("facility_head", ()))
    return re.compile(rf"[ \t]+{stems}[ыі](?:н|ның|нің|на|не|нда|нде|нан|нен|мен)?(?!\w)", re.IGNORECASE)


_OWNERS = frozenset({"ORGANISATION", "POSITION", "FACILITY"})
#: a place's cases (not an owner's genitive)
_PLACE_CASES = ("нда", "нде", "на", "не", "нан", "нен")


def house_facility(text: str, spans: Sequence[Span]) -> list[Span]:
    """An ORGANISATION/POSITION/FACILITY + a building's head with the possessive is one FACILITY."""
    out: list[Span] = []
    end = -1
    for start, stop, label in sorted(spans):
        if start < end:
            continue
        inner = _house_re().search(text, start, stop) if label in _OWNERS else None
        if inner and label == "POSITION" and inner.end() == stop:
            out.append((start, stop, "FACILITY"))
            continue
        if inner and inner.group().lower().endswith(_PLACE_CASES) and text[inner.end():stop][:1].isspace():
            out.append((start, inner.end(), "FACILITY"))
            start = stop - len(text[inner.end():stop].lstrip())
        m = _house_re().match(text, stop) if label in _OWNERS else None
        if m:
            out.append((start, m.end(), "FACILITY"))
            end = m.end()
        else:
            out.append((start, stop, label))
    return out


#: the genitive ending of a post that owns an institution (``Президентінің``) and the possessive
#: (and a case) of the institution it owns (``Басқарма-сы-нда``): the Kazakh genitive-possessive pair
_GENITIVE = re.compile(r"(?:ның|нің|тың|тің|дың|дің)$")
_POSSESSED = re.compile(r"[ыі](?:н|ның|нің|на|не|нда|нде|нан|нен|мен)?$")


def post_organisation(text: str, spans: Sequence[Span]) -> list[Span]:
    """A genitive POSITION + an ORGANISATION with the possessive is one ORGANISATION."""
    out: list[Span] = []
    for span in sorted(spans):
        if (span[2] == "ORGANISATION" and out and out[-1][2] == "POSITION" and not text[out[-1][1]:span[0]].strip(" \t")
                and out[-1][1] < span[0] and _GENITIVE.search(text[out[-1][0]:out[-1][1]])
                and _POSSESSED.search(text[span[0]:span[1]].lower())):
            out[-1] = (out[-1][0], span[1], "ORGANISATION")
            continue
        out.append(span)
    return out


#: ``атты`` ("named") between a quoted title and the word that says what it is
_NAMED = re.compile(r"(?<=[»”“\"])([ \t]+)(атты)(?=[ \t])")


_WORD = re.compile(r"[ \t]+[^\W_][\w-]*(?=[ \t])")


def named_titles(text: str, spans: Sequence[Span]) -> list[Span]:
    """``«title» атты`` + descriptor: ``quoted_name_spans`` on the text with ``атты`` blanked."""
    out = list(spans)
    for m in _NAMED.finditer(text):
        cut = m.end()
        for _ in range(4):
            blanked = text[:m.start(2)] + " " * (cut - m.start(2)) + text[cut:]
            new = quoted_name_spans(blanked, out)
            if new != out or not (w := _WORD.match(text, cut)):
                break
            cut = w.end()
        out = new
    return out


@lru_cache(maxsize=1)
def _numbered_re() -> re.Pattern[str]:
    """A Roman or suffixed ordinal and a meeting's head (``event_head`` rows): ``IX Конгресіне``."""
    heads = alternation(pattern_words().get("event_head", ()))
    return re.compile(rf"(?<!\w)(?:[IVXLCХІ]+|\d{{1,3}}[ \t]?-?[ \t]?(?:ші|шы|інші|ыншы|нші|ншы))[ \t]+{heads}\w*",
                      re.IGNORECASE)


def numbered_event(text: str, spans: Sequence[Span]) -> list[Span]:
    """A name in the genitive + an ordinal + a meeting's head is one EVENT."""
    out = sorted(spans)
    for m in _numbered_re().finditer(text):
        owner = [sp for sp in out if sp[1] <= m.start() and not text[sp[1]:m.start()].strip(" \t")]
        if not owner or not _GENITIVE.search(text[owner[-1][0]:owner[-1][1]]):
            continue
        start = owner[-1][0]
        out = sorted([sp for sp in out if not (sp[0] < m.end() and start < sp[1])] + [(start, m.end(), "EVENT")])
    return out


def _states() -> str:
    """The states' abbreviations (``state_prefix`` rows: ``ҚР``) as one alternation."""
    return alternation(pattern_words().get("state_prefix", ()))


@lru_cache(maxsize=1)
def _glued_state_re() -> re.Pattern[str]:
    """A state's abbreviation (``state_prefix`` rows) glued to lower-case web furniture: ``толығыменҚР``."""
    return re.compile(rf"[а-яәғқңөұүһіё]{{3}}({_states()})[ \t]+$")


def glued_state(text: str, spans: Sequence[Span]) -> list[Span]:
    """A POSITION/ORGANISATION right after a state glued to furniture takes the state in."""
    out: list[Span] = []
    for start, stop, label in sorted(spans):
        m = _glued_state_re().search(text, max(0, start - 12), start) if label in ("POSITION", "ORGANISATION") else None
        if m and (not out or out[-1][1] <= m.start(1)):
            start = m.start(1)
        out.append((start, stop, label))
    return out


@lru_cache(maxsize=1)
def _state_case_re() -> re.Pattern[str]:
    """A state's abbreviation (``state_prefix`` rows) with a hyphenated case ending: ``ҚР-да``."""
    return re.compile(rf"(?<!\w){_states()}-[а-яәғқңөұүһі]{{1,4}}(?!\w)")


def state_case(text: str, spans: Sequence[Span]) -> list[Span]:
    """A bare state abbreviation with a case ending is GPE, also opening a number's span: ``[ҚР-да] [5 млн]``."""
    out = sorted(spans)
    for m in _state_case_re().finditer(text):
        inside = [sp for sp in out if sp[0] < m.end() and m.start() < sp[1]]
        rest = inside[0][1] - len(text[m.end():inside[0][1]].lstrip()) if inside else 0
        if not inside or (len(inside) == 1 and inside[0][0] == m.start() and text[rest:rest + 1].isdigit()):
            out = sorted([sp for sp in out if sp not in inside] + [(m.start(), m.end(), "GPE")]
                         + [(rest, sp[1], sp[2]) for sp in inside])
    return out


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, ...], ...]:
    """The lower-case cues: title ends, connectors, head stems, building heads, bridges, attributes."""
    w = pattern_words()
    return (tuple(w.get("law_title_end", ())), tuple(w.get("name_connector", ())), tuple(s for s, _ in _heads()),
            tuple(w.get("facility_head", ())), tuple(w.get("name_bridge", ()) + w.get("name_bridge_place", ())),
            tuple(w.get("state_attribute", ())), tuple(w.get("event_head", ())))


def _has(low: str, words: tuple[str, ...]) -> bool:
    """One of ``words`` is in ``low`` (a plain loop: cheaper than ``any`` or a regex alternation)."""
    for word in words:
        if word in low:
            return True
    return False


def news_heads(text: str, spans: Sequence[Span]) -> list[Span]:
    """The steps of this module, each only where its cue is in the text or the spans."""
    ends, connectors, _, houses, bridges, _, meetings = _cues()
    low = text.lower()
    out = []
    for sp in spans:
        if sp[2] in _RELABEL:
            sp = head_label(text, sp)
            if sp[2] == "ORGANISATION":
                sp = state_attribute(text, sp)
        out.append(sp)
    if ("«" in text or '"' in text or "“" in text or "&quot;" in text) and _has(low, ends):
        out = law_titles(text, out)
    if "атты" in text:
        out = named_titles(text, out)
    labels = {sp[2] for sp in out}
    if _has(low, meetings) and _numbered_re().search(text):
        out = numbered_event(text, out)
    if "POSITION" in labels and ("»" in text or "”" in text or '"' in text):
        out = quoted_org_post(text, out)
    if labels & _BRIDGED and _has(low, bridges):
        out = bridge_owner(text, out)
    if "POSITION" in labels and "ORGANISATION" in labels:
        out = post_organisation(text, out)
    if labels & _OWNERS and _has(low, houses):
        out = house_facility(text, out)
    if _has(low, connectors) or any(text[sp[0]:sp[0] + 1].islower() for sp in out if sp[2] in _BRIDGED):
        out = extend_connector(text, out)
    if "ҚР-" in text:
        out = state_case(text, out)
    return glued_state(text, out) if "ҚР " in text and labels & {"POSITION", "ORGANISATION"} else out
