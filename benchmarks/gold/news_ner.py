"""Written-news NER gold set (issue 13): verify, load and summarise it.

The gold is ``benchmarks/gold/data/news_ner.jsonl``: one record per *sentence*, stored as a
source reference plus entity offsets, never as copied text::

    {"id": "nn0009", "split": "test",
     "source": {"file": "news/apertium_kaz_rus_corpus/primeminister-kaz-860", "line": 701,
                "start": 0, "end": 105},
     "sha1": "4153e76b...", "entities": [[0, 24, "DATE"], [25, 30, "DATE"], [31, 50, "POSITION"], ...]}

``line`` is 1-based (lines as defined by :mod:`kaznlp.linebreaks`); ``start``/``end`` are
character offsets inside that line. For the JSONL sources (NTREX-128, KazQAD Wikipedia) the
source is ``{"file": ..., "record": <id>, "start": a, "end": b}``: a character range of the
record's ``text`` field. Entity offsets are relative to the sentence text; ``sha1`` is of the
sentence text (UTF-8). Labels are the 25 KazNERD classes (:data:`LABELS`); the annotation
decisions (written dates, quotes, datelines, positions, ``ҚР-ның``, ``млн.``, ...) are in
``docs/ner_annotation.md``.

Dev and test are disjoint by *source group* (:func:`group`, the same grouping as
``news_sentences``): the apertium file, the NTREX-128 outlet, the KazQAD subject domain.
Train or tune on dev only; report on test.

>>> sents = load("dev")                                  # doctest: +SKIP
>>> sid, text, ents = sents[0]                           # doctest: +SKIP
>>> [(text[a:b], lab) for a, b, lab in ents][:3]         # doctest: +SKIP
[('Ақтамберді Сарыұлы', 'PERSON'), ('1675', 'DATE'), ('Қазақстан', 'GPE')]

``python -m benchmarks.gold.news_ner`` prints the counts per split and label.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from benchmarks.gold.shared import (GoldSourceError, file_lines, jsonl_records, read_jsonl, sha1,  # noqa: F401
                                    shared_dir)
from benchmarks.gold.splits import group  # noqa: F401  (re-exported)

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DATA = HERE / "data" / "news_ner.jsonl"
SPLITS = ("dev", "test")

#: The 25 KazNERD classes, spelled as in ``IOB2_valid.txt`` / ``IOB2_test.txt``.
LABELS = (
    "ADAGE", "ART", "CARDINAL", "CONTACT", "DATE", "DISEASE", "EVENT", "FACILITY", "GPE",
    "LANGUAGE", "LAW", "LOCATION", "MISCELLANEOUS", "MONEY", "NON_HUMAN", "NORP", "ORDINAL",
    "ORGANISATION", "PERCENTAGE", "PERSON", "POSITION", "PRODUCT", "PROJECT", "QUANTITY", "TIME",
)

#: Dotted abbreviations whose final period belongs to an entity that ends with them
#: (``2016 ж.``, ``1,7 трлн.``, ``Семей қ.``). Kazakh written-news abbreviations; the period is
#: part of the abbreviation token, so an entity ending in it does not "end on punctuation".
ABBREVIATIONS = frozenset({
    "ж", "жж", "млн", "млрд", "трлн", "мың", "т", "г", "гг", "қ", "к", "ш", "с", "ғ", "ғғ",
    "обл", "ауд", "көш", "тг", "руб", "доллар", "сағ", "мин", "км", "м", "кг", "га",
    "комб", "хим",  # комбинаты, химия: ``Текелі қорғасын-мырыш комб.``
})

#: Records ``nn1121`` and later are the third pass (issue 13, added after model round 4; counts in
#: ``docs/ner_annotation.md``). Test figures published before it are on the 442 test sentences with a
#: smaller number: ``[s for s in load("test") if record_number(s[0]) < THIRD_PASS_FIRST]``.
THIRD_PASS_FIRST = 1121


def record_number(record_id: str) -> int:
    """The running number of a record id: ``record_number("nn0009") == 9``."""
    return int(record_id[2:])


_OPEN_QUOTES = "«“„\"‘'"
_CLOSE_QUOTES = "»”“\"’'"
_TITLE_LABELS = frozenset({"ART", "EVENT", "ADAGE", "PROJECT", "LAW"})


def sentence_text(source: dict, shared: str | os.PathLike | None = None) -> str:
    """The sentence text a record points at (not yet checked against its sha1)."""
    path = shared_dir(shared) / "data" / source["file"]
    if not path.is_file():
        raise GoldSourceError(f"news NER gold: source file {path} not found (set KAZNLP_SHARED to the shared folder)")
    if "line" in source:
        lines = file_lines(str(path))
        if not 1 <= source["line"] <= len(lines):
            raise GoldSourceError(f"news NER gold: line {source['line']} outside {path} ({len(lines)} lines)")
        base = lines[source["line"] - 1]
    else:
        rec = jsonl_records(str(path)).get(source["record"])
        if rec is None:
            raise GoldSourceError(f"news NER gold: record {source['record']!r} not in {path}")
        base = rec["text"]
    start, end = source["start"], source["end"]
    if not 0 <= start < end <= len(base):
        raise GoldSourceError(f"news NER gold: range {start}-{end} outside its source ({len(base)} characters) in {path}")
    return base[start:end]


def kind(source: dict) -> str:
    """The kind of source: ``apertium`` (Kazakh web news and official sites), ``ntrex`` or ``kazqad``."""
    file = source["file"]
    return "apertium" if "apertium" in file else "ntrex" if "ntrex" in file else "kazqad"


def edge_problem(text: str, start: int, end: int, label: str) -> str | None:
    """Why the span ``text[start:end]`` breaks the edge rules, or ``None`` when it is fine.

    Spans never start or end on white space or punctuation, with these documented exceptions
    (``docs/ner_annotation.md``):

    * a quote that is part of the name: the span starts with an opening quote only when it
      also holds a closing one (``«Қазақмыс корпорациясы» ЖШС``, ``«Нұр Отан» партиясының
      төрағасы``) and ends with a closing quote only when it holds an opening one;
    * the period of a dotted abbreviation or an initial that ends the entity (``2016 ж.``,
      ``1,7 трлн.``, ``Назарбаев Н.Ә.``);
    * ``%`` (``5.4%``), a closing bracket whose opening one is inside (``WBA (Super)``),
      ``?``/``!`` closing a title (ART, EVENT, ...: ``Русьте кім жақсы тұрады?``) and the final
      ``/`` of a URL (CONTACT: ``http://www.eurosai.org/``); the ``@`` that opens a social-media
      handle (CONTACT: ``@MerPolCC мекенжайына``).
    """
    span = text[start:end]
    if not span:
        return "empty span"
    if span[0].isspace() or span[-1].isspace():
        return "starts or ends with white space"
    first, last = span[0], span[-1]
    if unicodedata.category(first).startswith("P"):
        if first == "@" and label == "CONTACT":  # a social-media handle keeps its ``@``: ``@MerPolCC``
            pass
        elif not (first in _OPEN_QUOTES and any(q in span[1:] for q in _CLOSE_QUOTES)):
            return f"starts with punctuation {first!r}"
    if unicodedata.category(last).startswith("P"):
        if last in _CLOSE_QUOTES and any(q in span[:-1] for q in _OPEN_QUOTES):
            return None
        if last == "%":
            return None
        if last == ")" and "(" in span:
            return None
        if last in "?!" and label in _TITLE_LABELS:
            return None
        if last == "/" and label == "CONTACT":  # a URL keeps its slash: ``http://www.eurosai.org/``
            return None
        if last == ".":
            word = re.search(r"(\w+)\.$", span)
            if word and (word.group(1).lower() in ABBREVIATIONS
                         or (len(word.group(1)) == 1 and word.group(1).isupper())):
                return None
        return f"ends with punctuation {last!r}"
    return None


def records(path: str | os.PathLike = DATA) -> list[dict]:
    """The raw gold records (no text)."""
    return read_jsonl(path)


def load(split: str, shared: str | os.PathLike | None = None,
         path: str | os.PathLike = DATA) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """``(id, text, entities)`` for every sentence of *split* (``dev``, ``test`` or ``all``).

    Each text is rebuilt from ``../shared`` and checked against its sha1; entities are
    ``(start, end, label)`` with offsets into that text. Raises :class:`GoldSourceError` when
    ``../shared`` is absent or its text differs from the annotated text.
    """
    if split not in SPLITS + ("all",):
        raise ValueError(f"split must be one of {SPLITS} or 'all', not {split!r}")
    out = []
    for rec in records(path):
        if split != "all" and rec["split"] != split:
            continue
        text = sentence_text(rec["source"], shared)
        if sha1(text) != rec["sha1"]:
            raise GoldSourceError(
                f"news NER gold: {rec['id']}: the text at {rec['source']} differs from the annotated one "
                f"(sha1 mismatch): ../shared is not the version this gold was made on")
        out.append((rec["id"], text, [(a, b, lab) for a, b, lab in rec["entities"]]))
    return out


def stats(path: str | os.PathLike = DATA) -> dict:
    """Counts per split: sentences, entities, entities per label, sentences per source kind, groups."""
    out: dict = {}
    for rec in records(path):
        s = out.setdefault(rec["split"], {"sentences": 0, "entities": 0, "labels": Counter(),
                                          "kinds": Counter(), "groups": Counter()})
        s["sentences"] += 1
        s["entities"] += len(rec["entities"])
        s["labels"].update(lab for _, _, lab in rec["entities"])
        s["kinds"][kind(rec["source"])] += 1
        s["groups"][group(rec["source"])] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--markdown", action="store_true", help="print the per-label table as Markdown")
    args = ap.parse_args(argv)
    st = stats()
    splits = [s for s in SPLITS if s in st]
    if args.markdown:
        print("| label | " + " | ".join(splits) + " | all |")
        print("|---|" + "---:|" * (len(splits) + 1))
        for lab in LABELS:
            vals = [st[s]["labels"][lab] for s in splits]
            print(f"| {lab} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
        tot = [st[s]["entities"] for s in splits]
        print("| **entities** | " + " | ".join(map(str, tot)) + f" | {sum(tot)} |")
        sen = [st[s]["sentences"] for s in splits]
        print("| **sentences** | " + " | ".join(map(str, sen)) + f" | {sum(sen)} |")
        return 0
    for s in splits:
        d = st[s]
        print(f"{s}: {d['sentences']} sentences, {d['entities']} entities; kinds {dict(d['kinds'])}")
        print("  labels: " + ", ".join(f"{k} {v}" for k, v in sorted(d["labels"].items())))
        print("  groups: " + ", ".join(f"{k.split('/')[-1]} {v}" for k, v in sorted(d["groups"].items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
