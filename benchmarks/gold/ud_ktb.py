"""UD Kazakh-KTB as a gold standard for surface tokens and sentence boundaries.

A *document* is a run of consecutive sentences from one source file (the part of
``sent_id`` before the first ``:``), joined by a single space, as in the issue's
protocol. Gold tokens are the surface tokens (a multi-word token such as
``ертең-ақ`` counts once), located in the document text in order.

Scores (all exact-match, micro-averaged over the corpus):
- token P/R/F1 over ``(start, end)`` spans;
- sentence-boundary P/R/F1 over the offsets between sentences: a boundary is the end
  offset of a sentence, after trimming whitespace from the sentence, that is not the
  end of the (trimmed) text, so a splitter that never splits scores 0;
- exact-sentence P/R/F1 over ``(start, end)`` spans of whole sentences, both trimmed.

:func:`score_sentences` is also the scorer of the news sentence gold
(``benchmarks/gold/news_sentences.py``, see :func:`gold_docs`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DEFAULT_DIR = Path(os.environ.get("KAZNLP_SHARED", HERE.parent.parent / "shared")) / "data" / "ud_kk_ktb"
FILES = ("kk_ktb-ud-train.conllu", "kk_ktb-ud-test.conllu")


@dataclass
class GoldDoc:
    source: str
    text: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[tuple[int, int]] = field(default_factory=list)


def _read_sentences(path: Path) -> Iterable[tuple[str, str, list[str]]]:
    block: list[str] = []
    for line in list(path.read_text(encoding="utf-8").split("\n")) + [""]:
        if line.strip():
            block.append(line)
            continue
        if not block:
            continue
        sid = text = ""
        toks: list[str] = []
        mwt_end = 0
        for row in block:
            if row.startswith("# sent_id"):
                sid = row.split("=", 1)[1].strip()
            elif row.startswith("# text"):
                text = row.split("=", 1)[1][1:]
            elif not row.startswith("#"):
                cols = row.split("\t")
                ident = cols[0]
                if "." in ident:
                    continue
                if "-" in ident:
                    mwt_end = int(ident.split("-")[1])
                    toks.append(cols[1])
                elif int(ident) > mwt_end:
                    toks.append(cols[1])
        yield sid, text, toks
        block = []


def load(directory: Path | str = DEFAULT_DIR) -> list[GoldDoc]:
    """Read the treebank into documents with gold sentence and token spans."""
    directory = Path(directory)
    docs: list[GoldDoc] = []
    for name in FILES:
        doc: GoldDoc | None = None
        for sid, text, toks in _read_sentences(directory / name):
            source = sid.split(":", 1)[0]
            if doc is None or doc.source != source:
                doc = GoldDoc(source)
                docs.append(doc)
            if doc.text:
                doc.text += " "
            start = len(doc.text)
            doc.text += text
            doc.sentences.append((start, len(doc.text)))
            pos = start
            for tok in toks:
                at = doc.text.find(tok, pos)
                if at < 0:
                    raise ValueError(f"gold token {tok!r} not found in {sid}")
                doc.tokens.append((at, at + len(tok)))
                pos = at + len(tok)
    return docs


def available(directory: Path | str = DEFAULT_DIR) -> bool:
    return all((Path(directory) / f).exists() for f in FILES)


def prf(gold: set, pred: set) -> dict[str, float]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": 100 * p, "recall": 100 * r, "f1": 100 * f}


def score_tokens(docs: list[GoldDoc], tokenize: Callable[[str], Iterable[tuple[int, int]]]) -> dict[str, float]:
    """Token P/R/F1; ``tokenize`` returns ``(start, end)`` spans of one text."""
    gold, pred = set(), set()
    for i, d in enumerate(docs):
        gold.update((i, s, e) for s, e in d.tokens)
        pred.update((i, s, e) for s, e in tokenize(d.text))
    return prf(gold, pred)


def gold_docs(items: Iterable[tuple[str, str, list[tuple[int, int]]]]) -> list[GoldDoc]:
    """``(id, text, sentence spans)`` records (the news gold's ``load``) as :class:`GoldDoc` objects."""
    return [GoldDoc(str(doc_id), text, [tuple(s) for s in spans]) for doc_id, text, spans in items]


def score_sentences(docs: list[GoldDoc], split: Callable[[str], Iterable[tuple[int, int]]]) -> dict[str, dict[str, float]]:
    """Boundary and exact-sentence P/R/F1; ``split`` returns ``(start, end)`` sentence spans.

    Gold and predicted spans are trimmed of whitespace (empty ones dropped); a boundary is
    a trimmed end offset other than the end of the trimmed text.
    """
    gb, pb, gs, ps = set(), set(), set(), set()
    for i, d in enumerate(docs):
        end = len(d.text.rstrip())
        gold = [_strip(d.text, s, e) for s, e in d.sentences]
        pred = [_strip(d.text, s, e) for s, e in split(d.text)]
        gold = [(s, e) for s, e in gold if e > s]
        pred = [(s, e) for s, e in pred if e > s]
        gs.update((i, s, e) for s, e in gold)
        ps.update((i, s, e) for s, e in pred)
        gb.update((i, e) for s, e in gold if e < end)
        pb.update((i, e) for s, e in pred if e < end)
    return {"boundary": prf(gb, pb), "exact": prf(gs, ps)}


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def token_errors(docs: list[GoldDoc], tokenize, limit: int = 50) -> list[str]:
    """Human-readable token disagreements, for development."""
    out = []
    for d in docs:
        gold = set(d.tokens)
        pred = set(tokenize(d.text))
        for s, e in sorted(gold ^ pred):
            tag = "missed" if (s, e) in gold else "extra "
            out.append(f"{tag} {d.text[s:e]!r}  …{d.text[max(0, s - 25):e + 25]!r}")
    return out[:limit]
