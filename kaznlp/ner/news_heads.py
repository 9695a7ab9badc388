"""Head-final names of written news (issue 13, round 10), run by :func:`kaznlp.ner.rules.postprocess`
before ``name_steps``: a Kazakh name ends in the word that says what it is, its modifiers before it.
Words are rows of ``kaznlp/data/ner_patterns_kk.tsv``; each step runs only when its cue is in the
text. Examples and measurements: ``docs/ner.md`` (round 10).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .news_rules import country_label, pattern_words, quoted_name_spans
from .not_names import common_words

__all__ = ["law_titles", "head_label", "extend_connector", "house_facility", "named_titles", "bridge_owner", "quoted_org_post", "state_attribute", "post_organisation", "news_heads"]

Span = tuple[int, int, str]

#: a quoted title (also with the ``&quot;`` of web text) and its words
_QUOTED = re.compile(r"(?:[«“\"]|&quot;)([^«»“”\"\n&]{3,200}?)(?:[»”“\"]|&quot;)")


@lru_cache(maxsize=1)
def _title_end() -> re.Pattern[str]:
    ends = "|".join(map(re.escape, pattern_words().get("law_title_end", ())))
    return re.compile(rf"(?:^|\s)(?:{ends})$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _law_word() -> re.Pattern[str]:
    """A word that names a law, a decree or a code (``descriptor_LAW`` and ``head_LAW`` stems)."""
    words = pattern_words()
    stems = sorted({w.rstrip("$").lower() for k in ("descriptor_LAW", "head_LAW") for w in words.get(k, ())},
                   key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + ")", re.IGNORECASE)


def law_titles(text: str, spans: Sequence[Span]) -> list[Span]:
    """A quoted title of two or more words ending in ``туралы`` is one LAW span, quotes outside,
    in a text that names a law, decree or code (``Заңы``, ``қаулысы``, ``Конституциясы``) outside
    the quotes: a title of an article or a song (``«Жастық туралы» атты әндері``) has none.

    ``Заңы`` may stand far after the title, past the date and the state. The model's spans inside
    the quotes are replaced; a descriptor of another class right after the quotes keeps it
    (:func:`kaznlp.ner.news_rules.quoted_name_spans`); a span that starts before the quotes stays.

    >>> t = "«Әкімшілік рәсімдер туралы» 2000 жылғы 27 қарашадағы Заңына сәйкес"
    >>> [(t[a:b], lab) for a, b, lab in law_titles(t, [(1, 26, "ART"), (28, 52, "DATE")])]
    [('Әкімшілік рәсімдер туралы', 'LAW'), ('2000 жылғы 27 қарашадағы', 'DATE')]
    """
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
    """``(stem, label)`` of the head words of ``head_<LABEL>`` rows, the longest stem first."""
    rows = [(w.lower(), kind[5:]) for kind, words in pattern_words().items() if kind.startswith("head_")
            for w in words]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


#: the labels a head can correct (name classes; never a number or a person's post)
_RELABEL = frozenset({"ORGANISATION", "FACILITY", "PERSON", "PRODUCT", "GPE", "ART", "LAW"})


def head_label(text: str, span: Span) -> Span:
    """A name span whose last word starts with the stem of a ``head_<LABEL>`` row takes that label.

    Each head is the last word of KazNERD valid entities of one class only: ``конституция``,
    ``кодекс`` LAW (4, 9), ``сарай`` FACILITY (6), ``министрлігі`` ORGANISATION (51); the model,
    seeing the capital of ``Қазақстан Республикасы Конституциясының``, writes ORGANISATION.

    >>> t = "Қазақстан Республикасы Конституциясының 5-бабы"
    >>> head_label(t, (0, 39, "ORGANISATION"))
    (0, 39, 'LAW')
    """
    start, end, label = span
    if label not in _RELABEL:
        return span
    last = text[start:end].rsplit(None, 1)[-1].lower()
    if not last.startswith(_cues()[2]):
        return span
    for stem, head in _heads():
        if last.startswith(stem):
            return (start, end, head) if head != label else span
    return span


#: a word before a name's connector: letters with hyphens, or initials (``Л.Н.``)
_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([^\W\d_]+(?:-[^\W\d_]+)*|(?:[^\W\d_]\.){1,3})[ \t]+$")
_CONNECTED = frozenset({"ORGANISATION", "POSITION", "LAW", "EVENT", "FACILITY"})


#: a case that says where, with what or to whom (not a link of a name chain: ``Жарлығымен``)
_CASE_STOP = re.compile(r"(?:да|де|та|те|нда|нде|дан|ден|тан|тен|нан|нен|мен|бен|пен|ға|ге|қа|ке)$")


def _name_start(text: str, start: int, floor: int) -> int | None:
    """Where the name before ``start`` begins: back over up to 5 lower-case words to a capitalised
    one, then over the capitalised words before it; ``None`` when no capital comes first. A word
    in a place, instrumental or dative case, or a common or short (``Ол``, ``Бұл``) word opening the
    sentence, is no part."""
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
    """A name span that starts with a connector word (``name_connector`` rows: ``жөніндегі``,
    ``атындағы``) starts at the capitalised word that opens the name before it.

    A connector joins a name's modifier to its head: the modifier is part of the name (KazNERD
    guideline: ``[Адам құқықтары жөніндегі Жоғарғы комиссар]``). The model, unsure of the
    lower-case words of a long modifier, starts the span at the connector. The span goes back
    over at most five lower-case words to a capitalised word and over the capitalised words
    before it, never into another span or across punctuation.

    >>> t = "Ол Республикалық бюджеттің атқарылуын бақылау жөніндегі есеп комитетінің мүшесі болды."
    >>> [(t[a:b], lab) for a, b, lab in extend_connector(t, [(46, 79, "POSITION")])]
    [('Республикалық бюджеттің атқарылуын бақылау жөніндегі есеп комитетінің мүшесі', 'POSITION')]
    """
    connectors = pattern_words().get("name_connector", ())
    out = sorted(spans)
    for i, (start, end, label) in enumerate(out):
        if label not in _CONNECTED or not text.startswith(connectors, start):
            continue
        if text[start:end].split(None, 1)[0].lower() not in connectors:
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
    """The gap between an owner and the office it has: ``name_bridge`` rows (``жанындағы``,
    "attached to") after a place, body or post; ``name_bridge_place`` rows (``бойынша``, "for")
    after a place only, maybe with its lower-case kind (``қаласы бойынша``)."""
    words = pattern_words()
    alt = lambda kind: "|".join(map(re.escape, words.get(kind, ())))  # noqa: E731
    return (re.compile(rf"[ \t]+(?:{alt('name_bridge')})[ \t]+"),
            re.compile(rf"[ \t]+(?:[^\W\d_A-ZА-ЯӘҒҚҢӨҰҮҺІЁ]+[ \t]+)?(?:{alt('name_bridge_place')})[ \t]+"))


def bridge_owner(text: str, spans: Sequence[Span]) -> list[Span]:
    """An ORGANISATION or POSITION after a place or body and a bridge word (``бойынша``,
    ``жанындағы``) is one span with it, and with the places right before it: ``[Қарағанды облысы
    Жезқазған қаласы бойынша Салық комитетінің төрайымы]``, ``[ҚР Министрлер кабинеті жанындағы
    Мемлекеттік қаржылық бақылау комитеті]``. A number or date after ``бойынша`` (``облыс бойынша
    15 %``) is not an office: KazNERD keeps those apart; nor is a proposal (``Қазақстан тарабының
    ұсынысы бойынша БҰҰ ...``: ``бойынша`` joins a place only).

    >>> t = "Қарағанды облысы Жезқазған қаласы бойынша Салық комитетінің төрайымы."
    >>> [(t[a:b], lab) for a, b, lab in bridge_owner(t, [(0, 16, "GPE"), (17, 26, "GPE"), (42, 68, "POSITION")])]
    [('Қарағанды облысы Жезқазған қаласы бойынша Салық комитетінің төрайымы', 'POSITION')]
    """
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
    """A POSITION that starts with an abbreviated legal form (``legal_form`` rows: ЖШС, АҚ, ЖАҚ)
    right after a quoted name takes the quoted name in, quotes and all, as the guideline writes
    an organisation with its legal form: ``[«Шаңырақ» ЖШС директоры]``, ``[«Мұнайконсалтинг»
    ЖАҚ-тың бас менеджер-талдаушысы]`` (the model tags the name ART or ORGANISATION apart).

    >>> t = "«Шаңырақ» ЖШС директоры келді."
    >>> [(t[a:b], lab) for a, b, lab in quoted_org_post(t, [(1, 8, "ART"), (10, 23, "POSITION")])]
    [('«Шаңырақ» ЖШС директоры', 'POSITION')]
    """
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
    """An ORGANISATION that is a state's name and one of its attributes (``state_attribute``
    rows: a law, the flag, the emblem, the anthem, independence) is the state alone (a country's
    name, ``ҚР``, with ``Республикасы`` and the like: ``state_word`` rows), a GPE:
    ``[Қазақстан Республикасының GPE] Мемлекеттік Туын``, ``[ҚР GPE] Тәуелсіздігіне``. A state
    has these; an institution of a state (``Үкіметі``, ``министрлігі``) keeps its span.

    >>> t = "Қазақстан Республикасының Мемлекеттік Елтаңбасын дайындау"
    >>> state_attribute(t, (0, 48, "ORGANISATION"))
    (0, 25, 'GPE')
    """
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
    """A building's head noun with the possessive and a case ending (``үйінде``, ``сарайында``)."""
    stems = "|".join(map(re.escape, sorted(pattern_words().get("facility_head", ()), key=len, reverse=True)))
    return re.compile(rf"[ \t]+(?:{stems})[ыі](?:н|ның|нің|на|не|нда|нде|нан|нен|мен)?(?!\w)", re.IGNORECASE)


_OWNERS = frozenset({"ORGANISATION", "POSITION", "FACILITY"})


def house_facility(text: str, spans: Sequence[Span]) -> list[Span]:
    """An institution followed by a building's head noun with the possessive (``facility_head`` rows:
    ``үй``, ``сарай``, ``мұражай``) is one FACILITY with it: ``[Үкімет үйінде]``, ``[Министрліктер
    үйінде]`` (KazNERD: ``Үкімет үйінде`` FACILITY). The model tags the institution alone (or the
    head as a TIME); a person's house (``Қаумен үйінде``) stays apart.

    >>> t = "Бүгін Үкімет үйінде отырыс өтті."
    >>> [(t[a:b], lab) for a, b, lab in house_facility(t, [(6, 12, "ORGANISATION"), (13, 19, "TIME")])]
    [('Үкімет үйінде', 'FACILITY')]
    """
    out: list[Span] = []
    end = -1
    for start, stop, label in sorted(spans):
        if start < end:
            continue
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
    """A POSITION in the genitive right before an ORGANISATION with the possessive owns it: one
    ORGANISATION (``[ҚР Президентінің Іс Басқармасында]``: the office of the President). Without the
    possessive the post is the subject of a verb (KazNERD: ``[Мемлекет басшысының] [Парламент]
    сессиясын ашып беруі`` stays two).

    >>> t = "ҚР Президентінің Іс Басқармасында кеңес өтті."
    >>> [(t[a:b], lab) for a, b, lab in post_organisation(t, [(0, 16, "POSITION"), (17, 33, "ORGANISATION")])]
    [('ҚР Президентінің Іс Басқармасында', 'ORGANISATION')]
    """
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


def named_titles(text: str, spans: Sequence[Span]) -> list[Span]:
    """A quoted name, ``атты`` ("named") and a descriptor take the descriptor's class as if the
    descriptor followed the quotes (:func:`kaznlp.ner.news_rules.quoted_name_spans`, on the text
    with ``атты`` blanked, so every offset stays): ``«[Ислам терроризмге қарсы EVENT]» атты
    республикалық ғылыми-практикалық конференцияда``, ``«[Дон Кихот ART]» атты романы``.

    >>> t = "Ол «Ислам терроризмге қарсы» атты республикалық ғылыми-практикалық конференцияда сөйледі."
    >>> [(t[a:b], lab) for a, b, lab in named_titles(t, [(4, 27, "ART")])]
    [('Ислам терроризмге қарсы', 'EVENT')]
    """
    blanked = _NAMED.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    return quoted_name_spans(blanked, spans) if blanked != text else list(spans)


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, ...], ...]:
    """The cues of the steps (lower case): the title ends, the connectors, the head stems, the
    building heads, the bridge words, the state attributes."""
    w = pattern_words()
    return (tuple(w.get("law_title_end", ())), tuple(w.get("name_connector", ())), tuple(s for s, _ in _heads()),
            tuple(w.get("facility_head", ())), tuple(w.get("name_bridge", ()) + w.get("name_bridge_place", ())),
            tuple(w.get("state_attribute", ())))


def news_heads(text: str, spans: Sequence[Span]) -> list[Span]:
    """The steps, each where its cue is in the text or the spans: a head or state attribute as a
    name's last word, a quote and a title end, ``атты``, a POSITION after quotes, a bridge word,
    a POSITION with an ORGANISATION, a building's head, a connector word.

    >>> t = "Қазақстан Республикасы Конституциясының 5-бабы"
    >>> news_heads(t, [(0, 39, "ORGANISATION")])
    [(0, 39, 'LAW')]
    """
    ends, connectors, heads, houses, bridges, _ = _cues()
    low = text.lower()
    out = []
    for sp in spans:
        if sp[2] in _RELABEL:
            sp = head_label(text, sp)
            if sp[2] == "ORGANISATION":
                sp = state_attribute(text, sp)
        out.append(sp)
    if ("«" in text or '"' in text or "“" in text or "&quot;" in text) and any(w in low for w in ends):
        out = law_titles(text, out)
    if "атты" in text:
        out = named_titles(text, out)
    labels = {sp[2] for sp in out}
    if "POSITION" in labels and ("»" in text or "”" in text or '"' in text):
        out = quoted_org_post(text, out)
    if labels & _BRIDGED and any(w in low for w in bridges):
        out = bridge_owner(text, out)
    if "POSITION" in labels and "ORGANISATION" in labels:
        out = post_organisation(text, out)
    if labels & _OWNERS and any(h in low for h in houses):
        out = house_facility(text, out)
    for word in connectors:
        if word in low:
            return extend_connector(text, out)
    return out
