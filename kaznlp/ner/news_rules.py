"""Written-news span rules of :func:`kaznlp.ner.rules.postprocess` (issue 13).

Each rule is general (no single string), reads its words from ``kaznlp/data/ner_patterns_kk.tsv``
and was kept only if it raised the cross-validated written-news dev F1 (``docs/ner.md``):

* :func:`in_markup`: a span inside an HTML/XML tag or entity (``</seg>``, ``&quot;``) is no entity;
* :func:`is_designator_number`: the number of an article, annex, group or category
  (``15-бап``, ``5-қосымша``) is no CARDINAL (annotation guideline);
* :func:`ordinal_label`: a number with an ordinal suffix (``4-ші``, ``2-нші``) is ORDINAL, never CARDINAL;
* :func:`quoted_name_spans`: a quoted name followed by a word that says what it is takes its
  label from that word (``«Парасат» орденімен`` ART, ``«Нұрлы жол» бағдарламасы`` PROJECT);
* :func:`join_date_ranges`: two DATEs joined by a dash are one range (``дүйсенбі – жұма аралығында``),
  and a DATE ending in a year word with the day or month after it is one date (``[Сол жылы қазанда]``);
* :func:`trim_glued_prefix`: a name or number glued to web furniture (``толығымен2015 жылғы``) starts at it;
* :func:`name_steps` (rounds 7-9, last in ``rules.postprocess``): rubric tags (``Қазақстан • 04 Сәуір``) and
  acronym persons (``МХР``) dropped, countries GPE (``Мексиканың``), a state before a POSITION part of it
  (``[ҚР Дін істері агенттігінің төрағасы]``); the steps of :mod:`.not_names` and :mod:`.news_spans`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .._data import read_lines
from .news_spans import is_cut_teaser, is_letter_cardinal, org_position, place_ordinal, title_position
from .not_names import is_acronym_person, is_not_a_name

__all__ = ["pattern_words", "in_markup", "is_designator_number", "ordinal_label", "quoted_name_spans",
           "join_date_ranges", "trim_glued_prefix", "country_names", "country_label", "join_state_position",
           "is_rubric_tag", "is_acronym_person", "name_steps", "split_person_country"]

Span = tuple[int, int, str]

#: labels a quoted name can take from the word after it (``descriptor_<LABEL>`` rows of the data)
DESCRIPTOR_LABELS = ("ORGANISATION", "ART", "PROJECT", "EVENT", "LAW", "FACILITY", "POSITION")
_NAME_LABELS = frozenset({"PERSON", "GPE", "LOCATION", "ORGANISATION", "FACILITY", "POSITION"})


@lru_cache(maxsize=1)
def pattern_words() -> dict[str, tuple[str, ...]]:
    """The rows of ``kaznlp/data/ner_patterns_kk.tsv`` by kind: ``{"month": ("қаңтар", ...), ...}``."""
    out: dict[str, list[str]] = {}
    for line in read_lines("ner_patterns_kk.tsv"):  # the one loader: a missing file fails loudly
        kind, word = line.split("\t")[:2]
        out.setdefault(kind, []).append(word)
    return {k: tuple(v) for k, v in out.items()}


_MARKUP = re.compile(r"<[^<>\n]{0,60}>|&[a-zA-Z]{2,8};|&#\d{2,6};")


def in_markup(text: str, span: Span) -> bool:
    """The span lies inside an HTML/XML tag or character entity left in web text.
    """
    start, end, _ = span
    lo = max(0, start - 61)
    return any(m.start() <= start and end <= m.end() for m in _MARKUP.finditer(text, lo, min(len(text), end + 61)))


@lru_cache(maxsize=1)
def _designator_re() -> re.Pattern[str]:
    words = sorted(pattern_words().get("designator", ()), key=len, reverse=True)
    return re.compile(r"\s?-\s?(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)


def is_designator_number(text: str, span: Span) -> bool:
    """A CARDINAL that is the number of an article, annex, group or category (no entity).

    Annotation guideline: article and document numbers are not entities (``15-бап жаңа
    редакцияда``, ``осы Ережеге 5-қосымша``, ``3-топ``, ``1-санатты``).
    """
    start, end, label = span
    return label == "CARDINAL" and text[start:end].isdigit() and _designator_re().match(text, end) is not None


_ORDINAL = re.compile(r"\d+\s?-?\s?(?:ші|шы|інші|ыншы|нші|ншы)", re.IGNORECASE)


def ordinal_label(text: str, span: Span) -> Span:
    """A CARDINAL written as a number with an ordinal suffix is an ORDINAL.

    KazNERD never labels ``4-ші`` CARDINAL (ORDINAL, or part of a DATE), but a model tagging
    written digits sometimes does.
    """
    start, end, label = span
    if label == "CARDINAL" and _ORDINAL.fullmatch(text, start, end):
        return (start, end, "ORDINAL")
    return span


@lru_cache(maxsize=1)
def _descriptors() -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """The descriptor stems (a word starts with one) and whole words (a stem ending in ``$``), each
    with its rank (the longest stem first) and label: a word takes the label of its best-ranked match."""
    words = pattern_words()
    pairs = [(w.lower(), lab) for lab in DESCRIPTOR_LABELS for w in words.get(f"descriptor_{lab}", ())]
    stems: dict[str, tuple[int, str]] = {}
    whole = stems.copy()
    for rank, (stem, lab) in enumerate(sorted(pairs, key=lambda p: -len(p[0]))):
        (whole if stem.endswith("$") else stems).setdefault(stem.rstrip("$"), (rank, lab))
    return stems, whole


#: a closing “ as well as ” (``“Роза“ дауылы``: pages that use the opening mark twice)
_QUOTED = re.compile(r"[«“\"]([^«»“”\"\n]{1,120}?)[»”“\"]")
#: the next words after the quotes: up to two lower-case ones (``діни``, ``халықаралық``) may
#: stand between the name and its descriptor, hyphenated ones too (``ғылыми-тәжірибелік``)
_NEXT_WORDS = re.compile(r"(?:\s+[^\W\d_]+(?:-[^\W\d_]+)*){1,3}")


def _descriptor_after(text: str, pos: int) -> tuple[str, int] | None:
    """The class given by the first descriptor among the (up to 3) words after ``pos``, and its end."""
    m = _NEXT_WORDS.match(text, pos)
    if not m:
        return None
    offset = pos
    stems, whole = _descriptors()
    for word in m.group().split():
        start = text.index(word, offset)
        offset = start + len(word)
        low = word.lower()
        hits = [stems[low[:i]] for i in range(1, len(low) + 1) if low[:i] in stems]
        hits += [whole[low]] if low in whole else []
        if hits:
            return min(hits)[1], offset
        if not word[:1].islower():
            return None
    return None


def quoted_name_spans(text: str, spans: Sequence[Span]) -> list[Span]:
    """A quoted name followed by a descriptor word is one span of the descriptor's class.

    Guideline (``docs/ner_annotation.md``): quotes and a full-word descriptor stay outside the
    span, and the descriptor says the class: ``«[Парасат ART]» орденімен``, ``«[Нұрлы жол
    PROJECT]» бағдарламасы``, ``«[Діни қызмет және діни бірлестіктер туралы LAW]» Заң``,
    ``«[Мектепке жол EVENT]» акциясы``. The model's spans inside the quotes are replaced; a
    span that runs past the quotes and the descriptor (a position such as ``«Аққайнар»
    газетінің редакторы``, an organisation with a legal form) is left as it is.
    """
    out = sorted(spans)
    for m in _QUOTED.finditer(text):
        name = m.group(1)
        if len(name.split()) > 12 or not name.strip() or not any(ch.isalpha() for ch in name):
            continue
        found = _descriptor_after(text, m.end())
        if found is None:
            continue
        label, word_end = found
        q0, q1 = m.start(), m.end()
        inside = [sp for sp in out if sp[0] < q1 and q0 < sp[1]]
        if any(sp[0] < q0 or sp[1] > word_end for sp in inside):
            continue
        a = m.start(1) + len(name) - len(name.lstrip())
        b = m.end(1) - (len(name) - len(name.rstrip()))
        out = sorted([sp for sp in out if sp not in inside] + [(a, b, label)])
    return out


@lru_cache(maxsize=1)
def _written_date_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A DATE ending in a year word (``2016 жылғы``, ``өткен жылы``, ``1971 ж.``) and a DATE
    starting with a day number or a month (``21 қазанда``, ``қазанда``)."""
    words = pattern_words()
    years = sorted(words.get("year", ()), key=len, reverse=True)
    year_end = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(w) + ("" if w.endswith(".") else r"\w*")
                                                      for w in years) + r")$", re.IGNORECASE)
    months = sorted(words.get("month", ()), key=len, reverse=True)
    day_or_month = re.compile(r"\d|(?:" + "|".join(re.escape(w) for w in months) + ")", re.IGNORECASE)
    return year_end, day_or_month


@lru_cache(maxsize=1)
def _day_join_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A DATE ending in a month (or ``ай``) in the genitive (``мамыр айының``, ``маусымның``), a
    DATE starting with a day number (``15 күні``, ``жиырма үші``), the ends of a from-to range."""
    from ..lang.affixes import suffixes_of

    w = pattern_words()
    alt = lambda kind: "|".join(re.escape(x) for x in sorted(w.get(kind, ()), key=len, reverse=True))  # noqa: E731
    gen = "|".join(suffixes_of("genitive"))
    return (re.compile(rf"(?:^|\s)(?:{alt('month')}|{alt('month_word')})\w*(?:{gen})$", re.IGNORECASE),
            re.compile(rf"\d|(?:{alt('day_number')})\b", re.IGNORECASE),
            re.compile(rf"\s(?:{alt('range_from')})$", re.IGNORECASE), re.compile(rf"\s(?:{alt('range_to')})$", re.IGNORECASE))


def _joins_dates(text: str, first: Span, second: Span) -> bool:
    """The two DATEs (``first`` before ``second``) are one written date or range."""
    year_end, day_or_month = _written_date_res()
    gen_month, day, range_from, range_to = _day_join_res()
    gap, a, b = text[first[1]:second[0]], text[first[0]:first[1]], text[second[0]:second[1]]
    if re.fullmatch(r"[ \t]*[-–—][ \t]*", gap):
        return True
    if not re.fullmatch(r",?[ \t]+", gap):
        return False
    if year_end.search(a) and day_or_month.match(b) and "жас" not in b.lower():
        return True
    return gap[0] != "," and bool(gen_month.search(a) and day.match(b) or range_from.search(a) and range_to.search(b))


def _before_number_sign(text: str, span: Span) -> Span:
    """A DATE ends before a document's number (``2014 жылғы 18 наурыздағы № 11``)."""
    start, end, label = span
    cut = min((i for i in (text.find(m, start, end) for m in pattern_words().get("document_number", ())) if i > start),
              default=end)
    return (start, start + len(text[start:cut].rstrip()), label) if cut < end else span


def join_date_ranges(text: str, spans: Sequence[Span]) -> list[Span]:
    """Two DATE spans that make one written date or range are one DATE.

    * joined only by a dash: a range (guideline: a range is one DATE);
    * joined only by spaces, the first ending in a year word and the second starting with a day
      number or a month: one written date with its year word (``docs/ner_annotation.md``:
      ``[2016 жылғы 21 қазанда DATE]``, ``[өткен жылы 15 қарашада DATE]``). An age or a
      duration after a year stays apart (``[2014 жылы DATE] [11 жастағы DATE]``); also after a
      comma (``[1910 жыл, 30 қыркүйек DATE]``, round 8);
    * (round 8) joined by spaces, a month in the genitive and a day number (``[2008 жылы мамыр
      айының 15 күні DATE]``, ``[1841 жылы қазан айының 20-сында DATE]``), or the two ends of a
      from-to range (``[2008 жылдың 1 шілдесінен бастап 2011 жылға дейін DATE]``).

    A DATE ends before a document's number (``[2014 жылғы 18 наурыздағы DATE] № 11 бұйрығы``).

    This is the last step over the model's and the pattern rules' spans together, so a DATE
    glued to web furniture is trimmed here too (:func:`trim_glued_prefix`: the pattern rules
    add their spans after the per-span steps).
    """
    out: list[Span] = []
    for span in sorted(_before_number_sign(text, trim_glued_prefix(text, sp)) if sp[2] == "DATE" else sp
                       for sp in spans):
        if out and out[-1][2] == "DATE" and span[2] == "DATE" and _joins_dates(text, out[-1], span):
            out[-1] = (out[-1][0], span[1], "DATE")
            continue
        out.append(span)
    return out


_GLUED = re.compile(r"[^\W\d_A-ZА-ЯӘҒҚҢӨҰҮҺІЁ]{3,}(?=[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ][^\W\d_A-ZА-ЯӘҒҚҢӨҰҮҺІЁ])")
#: lower-case Cyrillic letters glued to the digits of a date or number (``толығымен2015``)
_GLUED_DIGIT = re.compile(r"[а-яәғқңөұүһіё]{3,}(?=\d)")
_NUMBER_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENTAGE", "QUANTITY"})


def trim_glued_prefix(text: str, span: Span) -> Span:
    """A span whose first word is lower-case web furniture glued to a name or a number starts
    at the name's capital or the number's first digit: a page that lost the break between a
    button and the lead (``толығыменАлматы облысының әкімдігінде``,
    ``толығымен2015 жылғы 26 ақпанда``) still has the entity (``docs/ner_annotation.md``,
    glued furniture).
    """
    start, end, label = span
    if label in _NUMBER_LABELS:
        m = _GLUED_DIGIT.match(text, start, end)
        return (m.end(), end, label) if m else span
    if label not in _NAME_LABELS:
        return span
    m = _GLUED.match(text, start, end)
    return (m.end(), end, label) if m else span


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The Kazakh names of countries and territories, lower case (``kaznlp/data/ner_countries_kk.tsv``,
    from Unicode CLDR), and of historical states and unions (``ner_states_historical_kk.tsv``):
    ``{"мексика", "израиль", "біріккен араб әмірліктері", "ксро", "ресей империясы", ...}``."""
    return frozenset(" ".join(line.split("\t")[1].lower().split())
                     for name in ("ner_countries_kk.tsv", "ner_states_historical_kk.tsv") for line in read_lines(name))


@lru_cache(maxsize=1)
def _name_endings() -> frozenset[str]:
    """Case and possessive endings a place name takes (``-ның``, ``-дағы``, ``-сының``), from the
    one suffix inventory (:mod:`kaznlp.lang.affixes`)."""
    from ..lang.affixes import suffixes_of

    cases = [e for g in ("genitive", "accusative", "dative", "locative", "ablative", "instrumental", "relative")
             for e in suffixes_of(g)]
    poss = [e for e in suffixes_of("possessive") if e in ("ы", "і", "сы", "сі")]
    return frozenset(cases + poss + [p + ("н" + c if c[:1] in "ыіае" else c) for p in poss for c in cases])


def _country_stem(words: Sequence[str]) -> bool:
    """The words are a country name, the last one maybe with a case ending (``Мексиканың``)."""
    names, endings = country_names(), _name_endings()
    head = " ".join(w.lower() for w in words[:-1])
    last = words[-1].lower()
    for i in range(len(last), max(0, len(last) - 9), -1):
        rest = last[i:].lstrip("-'’")
        if (f"{head} {last[:i]}" if head else last[:i]) in names and (not rest or rest in endings):
            return True
    return False


#: labels a country name is wrongly given (measured on the news dev CV: see docs/ner.md)
_COUNTRY_RELABEL = frozenset({"PERSON", "ORGANISATION", "LOCATION", "FACILITY", "CARDINAL"})


def country_label(text: str, span: Span) -> Span:
    """A PERSON, ORGANISATION, LOCATION, FACILITY or CARDINAL whose words are a country's name
    (a case ending allowed) is GPE (KazNERD guideline: a state is GPE).

    The names are CLDR's Kazakh territory names (``kaznlp/data/ner_countries_kk.tsv``) and
    historical states and unions (``ner_states_historical_kk.tsv``, round 8); the model takes an
    unfamiliar state in the genitive for a surname (``Мексиканың`` PERSON), a former one for an
    organisation (``КСРО`` ORGANISATION, ``Кеңес Одағының`` ORGANISATION) and an abbreviation with
    a case ending for a number (``КСРО-ның`` CARDINAL).
    """
    start, end, label = span
    if label not in _COUNTRY_RELABEL:
        return span
    words = text[start:end].split()
    if not words or len(words) > 6 or not words[0][:1].isupper() or not _country_stem(words):
        return span
    return (start, end, "GPE")


@lru_cache(maxsize=1)
def _place_case_re() -> re.Pattern[str]:
    """A last word in the locative, ablative, instrumental or relative case (``Түркістандағы``)."""
    from ..lang.affixes import suffixes_of

    ends = sorted({e for g in ("locative", "ablative", "instrumental", "relative") for e in suffixes_of(g)},
                  key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(ends) + r")$")


def join_state_position(text: str, spans: Sequence[Span]) -> list[Span]:
    """A state right before a POSITION is part of it: a GPE span, a bare state abbreviation
    (``state_prefix`` rows of the data: ``ҚР``) or a bare country name (:func:`country_names`:
    ``Малайзияның Премьер-Министрі``), joined to the POSITION by spaces only.

    Guideline (``docs/ner_annotation.md``; 89 KazNERD training POSITIONs begin with a state):
    ``[ҚР Дін істері агенттігінің төрағасы POSITION]``, ``[Қазақстан Республикасы Қаржы
    министрінің POSITION]``. A place in the locative, ablative, instrumental or relative
    case says where, not whose: ``[Түркістандағы GPE] [өкіл POSITION]`` stays apart.
    """
    prefixes = pattern_words().get("state_prefix", ())
    out: list[Span] = []
    for span in sorted(spans):
        start, end, label = span
        if label == "POSITION":
            if out and re.fullmatch(r"[ \t]+", text[out[-1][1]:start]):
                p0, p1, plab = out[-1]
                prev = text[p0:p1]
                if (plab == "GPE" and (_country_stem(prev.split()) or not _place_case_re().search(prev.lower()))) \
                        or prev in prefixes:
                    out[-1] = (p0, end, "POSITION")
                    continue
            lo = max(0, start - 40)
            m = re.search(r"(?:^|(?<=\s))(\S+)[ \t]+$", text[lo:start])
            if m and (not out or out[-1][1] <= lo + m.start(1)):
                word = m.group(1)
                if word in prefixes or (word[:1].isupper() and _country_stem([word])
                                        and not _place_case_re().search(word.lower())):
                    span = (lo + m.start(1), end, label)
        out.append(span)
    return out


def is_rubric_tag(text: str, span: Span) -> bool:
    """A name that opens a line and is followed by a bullet is a page's rubric tag, not an entity
    in the text (``Қазақстан • 04 Сәуір, 2024``, ``Саясат • Бүгін``): site navigation, like the
    page furniture of ``not_entity`` (``docs/ner_annotation.md``, web furniture).
    """
    start, end, label = span
    if label not in _NAME_LABELS:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and re.match(r"[ \t]*[•·]", text[end:]) is not None


def name_steps(text: str, spans: Sequence[Span]) -> list[Span]:
    """The name steps over the model's and the pattern rules' spans, last in ``postprocess``:
    a person run into a country split; rubric tags, acronym persons, headline words, document numbers,
    codes, names cut by a teaser's ``…``, letter CARDINALs dropped (:mod:`.not_names`, :mod:`.news_spans`);
    countries GPE; an organisation with a post's head, a title before a person, a state before a POSITION: POSITION.
    """
    # a step runs only where it can change something: a label or a character it needs
    labels, teaser = {sp[2] for sp in spans}, "…" in text or "..." in text
    rubric, place = "•" in text or "·" in text, "-орын" in text
    kept = [country_label(text, place_ordinal(text, sp) if place else sp)
            for sp in (split_person_country(text, spans) if "PERSON" in labels else spans)
            if not (rubric and is_rubric_tag(text, sp)) and not is_acronym_person(text, sp)
            and not is_not_a_name(text, sp) and not (teaser and is_cut_teaser(text, sp))]
    kept = [sp for sp in kept if not is_letter_cardinal(text, sp)] if "CARDINAL" in labels else kept
    kept = org_position(text, kept) if "ORGANISATION" in labels else sorted(kept)
    kept = title_position(text, kept) if "PERSON" in labels else sorted(kept)
    return join_state_position(text, kept) if any(sp[2] == "POSITION" for sp in kept) else kept


def split_person_country(text: str, spans: Sequence[Span]) -> list[Span]:
    """A PERSON of two or more words whose last word is a country's name (a case ending
    allowed) ran into the next phrase: the person ends before it and the country is a GPE
    (``[Бақытжан Жұмағұлов PERSON] [Финляндияның GPE] ... министрі``).
    """
    out: list[Span] = []
    for start, end, label in spans:
        words = list(re.finditer(r"\S+", text[start:end])) if label == "PERSON" else []
        if len(words) >= 2 and words[-1].group()[:1].isupper() and _country_stem([words[-1].group()]):
            out += [(start, start + words[-2].end(), "PERSON"), (start + words[-1].start(), end, "GPE")]
        else:
            out.append((start, end, label))
    return out
