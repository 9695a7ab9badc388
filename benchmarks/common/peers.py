"""Adapters that give kaznlp and its peers one interface: ``(start, end)`` offsets.

Every tool is a :class:`Tool` with up to two scoring functions,
``tokenize(text)`` and ``split(text)``, each returning a list of ``(start, end)``
character offsets into ``text``; a tool that does not do a task has ``None``
there and is not scored on it.

For speed, ``tokenize_fast`` / ``split_fast`` are timed instead: the tool's own
call whose output already carries offsets (spaCy's ``Doc``, razdel's
``Substring``, kaznlp's records), so converting to tuples is not timed. A tool
that returns only strings (sentencex) has to be mapped back to offsets by
sequential search, and that search is part of its timed call.

:func:`load_tools` skips a tool whose package is not installed, with a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata

Spans = list[tuple[int, int]]
_NONSPACE = re.compile(r"\S+")


@dataclass
class Tool:
    """One tool under test; the ``*_fast`` callables default to the scoring ones."""

    name: str
    version: str
    tokenize: Callable[[str], Spans] | None = None
    split: Callable[[str], Spans] | None = None
    tokenize_fast: Callable[[str], object] | None = None
    split_fast: Callable[[str], object] | None = None
    note: str = ""
    info: dict | None = None  # anything the tool wants in the report (punkt-news: its training summary)

    def __post_init__(self) -> None:
        self.tokenize_fast = self.tokenize_fast or self.tokenize
        self.split_fast = self.split_fast or self.split


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def locate(text: str, pieces: Iterable[str]) -> Spans:
    """Map strings cut from ``text`` back to offsets by sequential search.

    A piece is searched for from the end of the previous one. Surrounding
    whitespace is ignored; a piece that cannot be found verbatim (the tool
    altered it) is located word by word, so offsets stay inside ``text``.
    """
    spans: Spans = []
    pos = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, pos)
        if at < 0:
            words = _NONSPACE.findall(piece)
            first = text.find(words[0], pos)
            if first < 0:
                continue
            end = first + len(words[0])
            for w in words[1:]:
                nxt = text.find(w, end)
                if nxt < 0:
                    break
                end = nxt + len(w)
            spans.append((first, end))
            pos = end
            continue
        spans.append((at, at + len(piece)))
        pos = at + len(piece)
    return spans


# --- kaznlp -------------------------------------------------------------------


def _kaznlp() -> Tool:
    import kaznlp

    tok = getattr(kaznlp, "tokenize", None)
    spl = getattr(kaznlp, "split_sentences", None)
    if tok is None and spl is None:
        raise ImportError("kaznlp has neither tokenize nor split_sentences yet")
    return Tool(
        "kaznlp",
        getattr(kaznlp, "__version__", None) or version("kaznlp"),
        tokenize=(lambda t: [(x.start, x.end) for x in tok(t)]) if tok else None,
        split=(lambda t: [(x.start, x.end) for x in spl(t)]) if spl else None,
        tokenize_fast=tok,
        split_fast=spl,
    )


def _kaznlp_words() -> Tool:
    """kaznlp's tokenizer with ``multiword=False``: no multiword tokens (KTB joins
    "болған жоқ"; spaCy's ``kk`` tokenizer and the NER model use this setting)."""
    import kaznlp

    def tok(text: str):
        return kaznlp.tokenize(text, multiword=False)

    return Tool(
        "kaznlp-words",
        getattr(kaznlp, "__version__", None) or version("kaznlp"),
        tokenize=lambda t: [(x.start, x.end) for x in tok(t)],
        tokenize_fast=tok,
        note="tokenize(multiword=False): no multiword tokens (болған жоқ split)",
    )


# --- peers --------------------------------------------------------------------


def _razdel() -> Tool:
    import razdel

    return Tool(
        "razdel",
        version("razdel"),
        tokenize=lambda t: [(x.start, x.stop) for x in razdel.tokenize(t)],
        split=lambda t: [(x.start, x.stop) for x in razdel.sentenize(t)],
        tokenize_fast=lambda t: list(razdel.tokenize(t)),
        split_fast=lambda t: list(razdel.sentenize(t)),
        note="Russian rules",
    )


def _pysbd() -> Tool:
    import pysbd

    seg = pysbd.Segmenter(language="kk", clean=False, char_span=True)
    return Tool(
        "pysbd",
        version("pysbd"),
        split=lambda t: [(x.start, x.end) for x in seg.segment(t)],
        split_fast=seg.segment,
        note='language="kk", char_span=True',
    )


def _sentencex() -> Tool:
    import sentencex

    split = lambda t: locate(t, sentencex.segment("kk", t))  # noqa: E731
    return Tool("sentencex", version("sentencex"), split=split, note='language="kk"; offsets by search')


def _blingfire() -> Tool:
    import blingfire

    def tokenize(text: str) -> Spans:
        return list(blingfire.text_to_words_with_offsets(text)[1])

    def split(text: str) -> Spans:
        return list(blingfire.text_to_sentences_and_offsets(text)[1])

    return Tool(
        "blingfire",
        version("blingfire"),
        tokenize=tokenize,
        split=split,
        tokenize_fast=blingfire.text_to_words_with_offsets,
        split_fast=blingfire.text_to_sentences_and_offsets,
        note="default models; native offsets",
    )


def _spacy() -> Tool:
    import spacy

    nlp = spacy.blank("ky")
    nlp.add_pipe("sentencizer")

    def _doc(text: str, full: bool):
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        return nlp(text) if full else nlp.tokenizer(text)

    def tokenize(text: str) -> Spans:
        return [(t.idx, t.idx + len(t)) for t in _doc(text, False) if not t.is_space]

    def split(text: str) -> Spans:
        return [(s.start_char, s.end_char) for s in _doc(text, True).sents]

    return Tool(
        'spacy blank("ky")',
        version("spacy"),
        tokenize=tokenize,
        split=split,
        tokenize_fast=lambda t: _doc(t, False),
        split_fast=lambda t: list(_doc(t, True).sents),
        note="tokenizer; sentencizer for sentences",
    )


def _punkt(shared: str | None = None) -> Tool:
    """nltk Punkt trained unsupervised on the shared news corpus, gold test documents left out
    (``benchmarks/common/punkt_news.py``); ``span_tokenize`` gives native offsets."""
    from benchmarks.common import punkt_news

    tok, info = punkt_news.load(shared)
    how = f"trained in {info['train_seconds']:g} s" + (", parameters cached" if "from_cache" in info else "")
    return Tool(
        "punkt-news",
        version("nltk"),
        split=lambda t: list(tok.span_tokenize(t)),
        note=f"nltk PunktTrainer on {info['chars']:,} chars of shared news+other, test docs excluded ({how})",
        info=info,
    )


# Factories that read the shared data folder take it as their one argument.
NEEDS_SHARED = {"punkt-news"}

FACTORIES: dict[str, Callable[..., Tool]] = {
    "kaznlp": _kaznlp,
    "kaznlp-words": _kaznlp_words,
    "razdel": _razdel,
    "pysbd": _pysbd,
    "sentencex": _sentencex,
    "blingfire": _blingfire,
    "spacy": _spacy,
    "punkt-news": _punkt,
}


def load_tools(names: Iterable[str] | None = None, shared: str | None = None) -> tuple[list[Tool], dict[str, str]]:
    """Build the tools that can be imported; return them and ``{name: why skipped}``.

    ``shared`` (the shared data folder) goes to the factories in :data:`NEEDS_SHARED`.
    """
    tools, skipped = [], {}
    for name in names or FACTORIES:
        if name not in FACTORIES:
            skipped[name] = "unknown tool"
            continue
        try:
            tools.append(FACTORIES[name](shared) if name in NEEDS_SHARED else FACTORIES[name]())
        except Exception as exc:  # not installed, or (kaznlp) not written yet
            skipped[name] = f"{type(exc).__name__}: {exc}"
    return tools, skipped
