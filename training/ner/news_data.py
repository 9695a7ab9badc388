"""Written-news training material for the bundled NER model (issue 13).

Two sources, both turned into spaCy ``Doc`` objects with entities:

* :func:`news_docs`: the written-news gold **dev** split (``benchmarks/gold/news_ner.py``),
  tokenized by kaznlp; an entity whose edges fall inside a token (glued web furniture such as
  ``толығымен2015 жылғы``) marks its tokens *missing* (no loss either way) instead of teaching
  ``O``. The test split is never read here.
* :func:`augment`: KazNERD sentences rewritten into written-news form, following the news
  annotation decisions (``docs/ner_annotation.md``, adapted from the KazNERD guideline):

  - month names inside a DATE capitalised as on web pages (``21 Қазан 2016``), ``жылы`` after a
    year abbreviated (``2016 ж.``), day + month + year as ``21.10.2016``;
  - a PERSON of two words with an initial (``А.Мерғалиев``, ``А. Мерғалиев``, ``Мерғалиев А.``);
  - organisations in guillemets: ``«ҚазМұнайГаз» компаниясы`` (quotes and a full-word descriptor
    outside the ORG span), ``«Нұр Отан»`` alone;
  - (``kinds="v3"``) names of programmes, facilities, events, laws, products and titles in
    guillemets, a lower-case descriptor outside: ``«[Рухани жаңғыру PROJECT]» бағдарламасы``;
  - a Kazinform-style dateline before the sentence: ``[АСТАНА GPE]. [ҚазАқпарат ORG] - ...``;
  - a web time stamp line: ``[08 Қазан 2015 DATE], [14:01 TIME]``.

:func:`folds` splits the news dev sentences into k folds by source group (the unit that
dev and test never share), for cross-validation.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from spacy.tokens import Doc, Span  # noqa: E402

from benchmarks.gold import news_ner  # noqa: E402
from kaznlp.ner.conll import iob_to_spans, spaces_after  # noqa: E402

MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
          "қазан", "қараша", "желтоқсан")
_MONTH_RE = re.compile(r"^(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйе[кг]|қазан|қараша|желтоқсан)")
#: full-word organisation descriptors that stay outside the ORG span when the name is quoted
DESCRIPTORS = ("компания", "корпорация", "партия", "қор", "холдинг", "банк", "телеарна", "агенттіг",
               "агенттік", "газет", "журнал", "бірлестіг", "бірлестік", "қауымдастығ", "қауымдастық",
               "орталығ", "орталық", "кәсіпорн", "кәсіпорын", "концерн", "ұйым", "клуб", "фирма")
#: cities of Kazinform datelines (upper case, as on the site) and agencies
DATELINE_CITIES = ("АСТАНА", "АЛМАТЫ", "ШЫМКЕНТ", "ҚАРАҒАНДЫ", "АҚТӨБЕ", "ПАВЛОДАР", "ОРАЛ", "ТАРАЗ",
                   "АТЫРАУ", "АҚТАУ", "ҚОСТАНАЙ", "ПЕТРОПАВЛ", "ӨСКЕМЕН", "СЕМЕЙ", "ҚЫЗЫЛОРДА",
                   "КӨКШЕТАУ", "ТАЛДЫҚОРҒАН", "ТҮРКІСТАН", "МӘСКЕУ", "ВАШИНГТОН", "ПЕКИН")
AGENCIES = ("ҚазАқпарат", "Kazinform", "Хабар 24", "Egemen.kz")
#: words of state bodies and offices that written news prefixes with the state, inside the span:
#: ``[ҚР Ауыл шаруашылығы министрі POSITION]``, ``[Қазақстан Республикасының Ұлттық банкі ORG]``
STATE_BODIES = ("министр", "комитет", "агенттіг", "агенттік", "банк", "үкімет", "парламент", "сенат",
                "мәжіліс", "президент", "сот", "прокуратура", "әкімдіг", "басқарма", "департамент",
                "қызмет", "кеңес", "палата", "академия", "елші", "премьер")
#: the state as written news abbreviates it inside a name, and in full
STATE_PREFIXES = (("ҚР",), ("ҚР",), ("Қазақстан", "Республикасының"), ("Қазақстан", "Республикасы"))
#: the closing attribution of agency news: ``..., - деп хабарлайды [ҚазАқпарат ORG].``
ATTRIBUTION = ("деп", "хабарлайды")


def _doc(vocab, words, spaces, spans):
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
    return doc


def text_doc(nlp, text: str, ents) -> Doc:
    """``text`` through kaznlp's tokenizer with character entities; unaligned ones become missing."""
    doc = nlp.make_doc(text)
    good, missing = [], []
    for a, b, lab in ents:
        sp = doc.char_span(a, b, label=lab)
        if sp is None:
            sp = doc.char_span(a, b, label=lab, alignment_mode="expand")
            if sp is not None:
                missing.append(sp)
        else:
            good.append(sp)
    good = [s for s in good if not any(s.start < m.end and m.start < s.end for m in missing)]
    taken: set = set()
    kept = []
    for s in sorted(good, key=lambda s: (s.start, -len(s))):
        if not taken & set(range(s.start, s.end)):
            kept.append(s)
            taken |= set(range(s.start, s.end))
    miss = []
    for m in missing:
        if not taken & set(range(m.start, m.end)):
            miss.append(m)
            taken |= set(range(m.start, m.end))
    doc.set_ents(kept, missing=miss, default="outside")
    return doc


def news_records(split: str = "dev", gold=None):
    """``(id, text, entities, source group)`` of the news gold dev sentences.

    ``gold``: another copy of ``news_ner.jsonl`` (default: the working tree's), e.g. the file
    of one commit (``git show REV:benchmarks/gold/data/news_ner.jsonl > /tmp/gold.jsonl``), so
    that runs made while the gold grows read the same sentences.
    """
    if split != "dev":
        raise ValueError("only the news dev split may be used for training")
    path = news_ner.DATA if gold is None else gold
    recs = {r["id"]: r for r in news_ner.records(path) if r["split"] == "dev"}
    return [(sid, text, ents, news_ner.group(recs[sid]["source"]))
            for sid, text, ents in news_ner.load("dev", path=path)]


#: The 5-fold assignment of the news dev source groups, frozen as ``folds`` first made it
#: (largest groups first, each to the smallest fold) on the 428 dev sentences of round 3, so that
#: folds trained before and after more dev sentences were annotated hold out the same groups and
#: their CV figures can be set side by side. Groups not listed go to the smallest fold.
FOLD_OF_GROUP_5: dict[str, int] = {
    "news/apertium_kaz_rus_corpus/afn-kaz-1550": 0,
    "news/apertium_kaz_rus_corpus/knb-kaz-1010": 1, "news/ntrex128_kaz.jsonl#abcnews": 1,
    "news/ntrex128_kaz.jsonl#telegraph": 1,
    "news/apertium_kaz_rus_corpus/dingov-kaz.tmx": 2, "news/ntrex128_kaz.jsonl#scotsman": 2,
    "other/kazqad_wiki/kazqad_val_passages.jsonl#woh": 2, "news/ntrex128_kaz.jsonl#foxnews": 2,
    "news/apertium_kaz_rus_corpus/udp+kaz": 3, "news/ntrex128_kaz.jsonl#bbc": 3,
    "news/ntrex128_kaz.jsonl#rt": 3, "news/ntrex128_kaz.jsonl#upi": 3, "news/ntrex128_kaz.jsonl#cnn": 3,
    "news/apertium_kaz_rus_corpus/minplan-kaz-734": 4, "news/apertium_kaz_rus_corpus/muftyat-kaz-725": 4,
    "other/kazqad_wiki/kazqad_val_passages.jsonl#lit": 4, "other/kazqad_wiki/kazqad_val_passages.jsonl#bio": 4,
    "news/apertium_kaz_rus_corpus/almaty-gov-kaz-150": 4,
}


def folds(records, k: int = 5) -> list[list[str]]:
    """Sentence ids in ``k`` folds; a source group never spans two folds.

    For ``k == 5`` the groups keep their fold of :data:`FOLD_OF_GROUP_5`; otherwise (and for
    groups not listed there) the largest groups go first, each to the smallest fold.
    """
    sizes: dict = {}
    for sid, _, _, g in records:
        sizes.setdefault(g, []).append(sid)
    out: list[list[str]] = [[] for _ in range(k)]
    fixed = FOLD_OF_GROUP_5 if k == 5 else {}
    for g, ids in sizes.items():
        if g in fixed:
            out[fixed[g]].extend(ids)
    for g, ids in sorted(sizes.items(), key=lambda x: (-len(x[1]), x[0])):
        if g not in fixed:
            min(out, key=len).extend(ids)
    return out


def news_docs(nlp, records):
    return [text_doc(nlp, text, ents) for _, text, ents, _ in records]


# --- augmentation of KazNERD sentences (words + IOB2 tags) -------------------------------------

def _spans(tags):
    return [list(s) for s in iob_to_spans(tags)]


def _rebuild(words, spans):
    tags = ["O"] * len(words)
    for s, e, lab in spans:
        tags[s] = "B-" + lab
        for i in range(s + 1, e):
            tags[i] = "I-" + lab
    return tags


def _dates(words, spans, rng):
    out_w, out_s = list(words), [list(s) for s in spans]
    for sp in out_s:
        s, e, lab = sp
        if lab != "DATE":
            continue
        for i in range(s, e):
            if _MONTH_RE.match(out_w[i].lower()) and rng.random() < 0.6:
                out_w[i] = out_w[i][0].upper() + out_w[i][1:]
            if out_w[i] in ("жылы", "жылғы") and i > s and re.fullmatch(r"\d{4}", out_w[i - 1]) and rng.random() < 0.3:
                out_w[i] = "ж."
    # "21 қазан 2016 жылы" / "2016 жылғы 21 қазанда": day + month (+ year) -> 21.10.2016 (rare)
    return out_w, out_s


def _numeric_date(words, spans, rng):
    for s, e, lab in spans:
        if lab != "DATE" or e - s < 3:
            continue
        w = words[s:e]
        m = None
        for i in range(len(w) - 2):
            mm = _MONTH_RE.match(w[i + 1].lower())
            if re.fullmatch(r"\d{1,2}", w[i]) and mm and re.fullmatch(r"\d{4}", w[i + 2]):
                m = (i, MONTHS.index(mm.group(1).replace("қыркүйег", "қыркүйек")) + 1)
                break
        if m:
            i, month = m
            new = f"{int(w[i]):02d}.{month:02d}.{w[i + 2]}"
            words = words[:s + i] + [new] + words[s + i + 3:]
            shift = 2
            spans = [[a if a <= s + i else a - shift, b if b <= s + i else b - shift, lab2]
                     for a, b, lab2 in spans]
            return words, spans
    return words, spans


def _initials(words, spans, rng):
    for sp in spans:
        s, e, lab = sp
        if lab != "PERSON" or e - s != 2 or rng.random() > 0.5:
            continue
        first, last = words[s], words[s + 1]
        if not (first[:1].isupper() and last[:1].isupper() and first.isalpha()):
            continue
        style = rng.random()
        if style < 0.45:
            words = words[:s] + [f"{first[0]}.{last}"] + words[e:]
            delta = 1
        elif style < 0.75:
            words = words[:s] + [f"{first[0]}.", last] + words[e:]
            delta = 0
        else:
            words = words[:s] + [last, f"{first[0]}."] + words[e:]
            delta = 0
        if delta:
            spans = [[a if a <= s else a - delta, b if b <= s else b - delta, l2] for a, b, l2 in spans]
            sp_new = [x for x in spans if x[0] == s][0]
            sp_new[1] = s + 1
        return words, spans
    return words, spans


def _quote(words, spans, s, e, name_end):
    """Guillemets around ``words[s:name_end]``; the span ``(s, e)`` becomes the quoted name."""
    new_words = words[:s] + ["«"] + words[s:name_end] + ["»"] + words[name_end:]
    new_spans = []
    for a, b, l2 in spans:
        if (a, b) == (s, e):
            new_spans.append([s + 1, name_end + 1, l2])
        else:
            new_spans.append([a + (a >= s) + (a >= name_end), b + (b > s) + (b > name_end), l2])
    return new_words, new_spans


def _quotes(words, spans, rng):
    for s, e, lab in spans:
        if lab != "ORGANISATION" or rng.random() > 0.5:
            continue
        if any(q in w for w in words[max(0, s - 1):e + 1] for q in "«»\"“”"):
            continue  # already quoted
        name_end = e
        if e - s >= 2 and words[e - 1].lower().startswith(DESCRIPTORS):
            name_end = e - 1
        elif e - s > 2:
            continue
        return _quote(words, spans, s, e, name_end)
    return words, spans


#: labels whose names written news puts in guillemets, the descriptor after them outside the span
#: (``docs/ner_annotation.md``): ``«[Нұрлы жол PROJECT]» бағдарламасы``, ``«[Әулие Ата FACILITY]»
#: халықаралық әуежайының``, ``«[Абай жолы ART]»``
QUOTED_NAMES = ("ART", "EVENT", "FACILITY", "LAW", "PRODUCT", "PROJECT")
#: descriptors that leave the span of a quoted name (as ``DESCRIPTORS`` for organisations)
NAME_DESCRIPTORS = ("бағдарлама", "стратегия", "жоба", "әуежай", "стадион", "порт", "театр", "мұражай",
                    "көпір", "форум", "фестивал", "конференция", "турнир", "чемпионат", "кодек",
                    "байқау", "көрме", "саммит", "кешен", "ғимарат", "орталығ", "орталық")


def _quoted_name(words, spans, rng):
    """``Нұрлы жол бағдарламасы`` -> ``«[Нұрлы жол]» бағдарламасы``: a span of :data:`QUOTED_NAMES`
    in guillemets, a last word of :data:`NAME_DESCRIPTORS` outside them and outside the span."""
    for s, e, lab in spans:
        if lab not in QUOTED_NAMES or rng.random() > 0.5:
            continue
        if any(q in w for w in words[max(0, s - 1):e + 1] for q in "«»\"“”"):
            continue  # already quoted
        name_end = e  # quoted whole (a title: «[Қара сөздер ART]»), or without its descriptor:
        if e - s >= 2 and lab != "ART" and words[e - 1].lower().startswith(NAME_DESCRIPTORS):
            name_end = e - 1
        name = words[s:name_end]
        if len(name) > 3 or not name[0][:1].isupper() or not all(w.replace("-", "").isalnum() for w in name):
            continue  # a short proper name only, not a description («Алматыдағы төртінші ... ауруханаға»)
        return _quote(words, spans, s, e, name_end)
    return words, spans


def _dateline(words, spans, rng):
    city = rng.choice(DATELINE_CITIES)
    agency = rng.choice(AGENCIES)
    head = [city, ".", *agency.split(), "-"]
    n = len(head)
    new_spans = [[0, 1, "GPE"], [2, 2 + len(agency.split()), "ORGANISATION"]]
    new_spans += [[a + n, b + n, lab] for a, b, lab in spans]
    return head + list(words), new_spans


def _shift(spans, at, n):
    """Spans after inserting ``n`` words at index ``at`` (a span starting at ``at`` moves too)."""
    return [[a + n if a >= at else a, b + n if b > at or (b == at and a >= at) else b, lab] for a, b, lab in spans]


def _state_prefix(words, spans, rng):
    """``Ауыл шаруашылығы министрі`` -> ``[ҚР Ауыл шаруашылығы министрі POSITION]`` (the state inside)."""
    for s, e, lab in spans:
        if lab not in ("ORGANISATION", "POSITION") or rng.random() > 0.35:
            continue
        first = words[s]
        if not first[:1].isupper() or first.startswith(("Қазақстан", "ҚР")) or (s > 0 and words[s - 1][:1].isupper()):
            continue
        if not any(w.lower().startswith(STATE_BODIES) for w in words[s:e]):
            continue
        head = list(rng.choice(STATE_PREFIXES))
        new_spans = _shift(spans, s, len(head))
        for sp in new_spans:
            if sp[0] == s + len(head) and sp[2] == lab:
                sp[0] = s
        return words[:s] + head + words[s:], new_spans
    return words, spans


def _acronym(words, spans, rng):
    """``Ұлттық қауіпсіздік комитеті`` -> ``[Ұлттық қауіпсіздік комитеті ORG] ([ҰҚК ORG])``."""
    for s, e, lab in spans:
        if lab != "ORGANISATION" or e - s < 2 or e - s > 6 or rng.random() > 0.25:
            continue
        ws = [w for w in words[s:e] if w.lower() not in ("және", "мен", "пен", "бен")]
        if not all(w[:1].isalpha() for w in ws) or (e < len(words) and words[e] in ("(", "»", "”", '"')):
            continue
        acr = "".join(w[0].upper() for w in ws)
        new_spans = _shift(spans, e, 3) + [[e + 1, e + 2, "ORGANISATION"]]
        return words[:e] + ["(", acr, ")"] + words[e:], sorted(new_spans)
    return words, spans


def _attribution(words, spans, rng):
    """``... бастады.`` -> ``... бастады, - деп хабарлайды [ҚазАқпарат ORG].``"""
    if len(words) < 4 or words[-1] != ".":
        return words, spans
    agency = rng.choice(AGENCIES)
    head = words[:-1] + [",", "-", *ATTRIBUTION]
    new = head + agency.split() + ["."]
    lab = "CONTACT" if "." in agency else "ORGANISATION"
    return new, [list(x) for x in spans] + [[len(head), len(head) + len(agency.split()), lab]]


def timestamp(rng) -> tuple[list[str], list[list]]:
    """A web time stamp line: ``08 Қазан 2015, 14:01`` (DATE, TIME)."""
    day = rng.randint(1, 28)
    month = rng.choice(MONTHS)
    month = month[0].upper() + month[1:] if rng.random() < 0.7 else month
    year = str(rng.randint(2008, 2024))
    hm = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    d = f"{day:02d}" if rng.random() < 0.5 else str(day)
    return [d, month, year, ",", hm], [[0, 3, "DATE"], [4, 5, "TIME"]]


def augment(sentences, seed: int = 0, share: float = 1.0, kinds: str = "v1"):
    """Written-news variants of a share of the KazNERD sentences ``(words, tags)``; originals not included.

    ``kinds="v2"`` adds the state inside names of state bodies (``ҚР Ауыл шаруашылығы министрі``),
    bracketed acronyms after organisations (``Ұлттық қауіпсіздік комитеті (ҰҚК)``) and the closing
    attribution of agency news (``- деп хабарлайды ҚазАқпарат.``); ``"v1"`` is the round-4 set;
    ``"v3"`` (round 12) is v2 plus guillemets around names of :data:`QUOTED_NAMES`.
    """
    rng = random.Random(seed)
    rng_v3 = random.Random(seed + 1)  # its own stream: the v2 rewrites stay those of v2
    out = []
    for words, tags in sentences:
        if rng.random() > share:
            continue
        spans = _spans(tags)
        w, sp = list(words), spans
        labels = {lab for _, _, lab in spans}
        if "DATE" in labels:
            w, sp = _dates(w, sp, rng)
            if rng.random() < 0.25:
                w, sp = _numeric_date(w, sp, rng)
        if "PERSON" in labels:
            w, sp = _initials(w, sp, rng)
        if "ORGANISATION" in labels:
            w, sp = _quotes(w, sp, rng)
        if kinds == "v3" and set(QUOTED_NAMES) & labels:
            w, sp = _quoted_name(w, sp, rng_v3)
        if kinds in ("v2", "v3"):
            if {"ORGANISATION", "POSITION"} & labels:
                w, sp = _state_prefix(w, sp, rng)
            if "ORGANISATION" in labels:
                w, sp = _acronym(w, sp, rng)
            if rng.random() < 0.04:
                w, sp = _attribution(w, sp, rng)
        if rng.random() < 0.08:
            w, sp = _dateline(w, sp, rng)
        if w == list(words):
            continue
        out.append((w, _rebuild(w, sp)))
    for _ in range(len(out) // 20):
        w, sp = timestamp(rng)
        out.append((w, _rebuild(w, sp)))
    return out


def sentence_docs(vocab, sentences):
    """KazNERD-style token sentences as docs with running-text whitespace."""
    docs = []
    for words, tags in sentences:
        docs.append(_doc(vocab, words, spaces_after(words), iob_to_spans(tags)))
    return docs
