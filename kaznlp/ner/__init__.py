"""Kazakh named-entity recognition with offsets into the caller's text.

>>> from kaznlp.ner import ner
>>> text = "Қасым-Жомарт Тоқаев 2024 жылы Моңғолияға барды."
>>> [(e.label, e.text) for e in ner(text)]  # doctest: +SKIP
[('PERSON', 'Қасым-Жомарт Тоқаев'), ('DATE', '2024 жылы'), ('GPE', 'Моңғолияға')]

The text is repaired first (``kaznlp.normalize``, and ``kaznlp.dehyphenate`` unless
``dehyphenate=False``), split into sentences, tagged in batches of sentences, and
every entity is mapped back through the composed
:class:`~kaznlp.alignment.Alignment`, so ``text[e.start:e.end] == e.text`` always
holds for the string the caller passed.

Backends (one interface, :class:`~kaznlp.ner.backends.Backend`):

- ``"kaznlp"`` (default): kaznlp's own spaCy pipeline, trained on KazNERD (25 labels),
  shipped as the model distribution ``kk-kaznlp-ner`` that ``pip install "kaznlp[ner]"``
  installs with spaCy (as spaCy ships its pipelines); no download. It runs on a fused numpy path
  (:mod:`kaznlp.ner.fast`: same entities as spaCy's path, several times faster per call).
- ``"spacy"``: the same model through spaCy's own ``nlp.pipe`` (what
  ``kaznlp.load()`` gives you).
- ``"stanza"``: Stanza's Kazakh NER, fed kaznlp's sentences and tokens. Needs
  ``pip install "kaznlp[stanza]"`` and, once,
  ``python -c "import stanza; stanza.download('kk', processors='tokenize,ner')"``.
- ``"transformers"``: a Hugging Face token-classification model
  (:class:`~kaznlp.ner.backends.TransformersBackend`; by default
  ``yeshpanovrustem/xlm-roberta-large-ner-kazakh`` from the Hugging Face cache). Needs
  ``pip install "kaznlp[transformers]"`` and, once,
  ``huggingface-cli download yeshpanovrustem/xlm-roberta-large-ner-kazakh``.
- a spaCy ``Language``, or a path or package name that ``spacy.load`` accepts.
- a ``stanza.Pipeline``, a transformers ``PreTrainedModel``, or any
  :class:`~kaznlp.ner.backends.Backend` object.

Nothing is downloaded at run time.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .._gc import paused
from .._validate import check_text
from ..alignment import Alignment
from ..pipeline import NERBackend, repair
from ..sentences import split_sentences
from ..spans import Entity
from .backends import (
    SpacyBackend,
    StanzaBackend,
    TransformersBackend,
    get_backend,
)
from .chunk import Backend, Chunk
from .model import MODEL_PACKAGE, load, model_path, require_installed
from .rules import postprocess
from .threads import one_blas_thread

__all__ = [
    "ner",
    "require_installed",
    "ner_pipe",
    "load",
    "model_path",
    "LABELS",
    "MODEL_PACKAGE",
    "Backend",
    "Chunk",
    "SpacyBackend",
    "StanzaBackend",
    "TransformersBackend",
    "get_backend",
]

#: KazNERD's 25 entity classes (Yeshpanov et al., LREC 2022).
LABELS = (
    "ADAGE", "ART", "CARDINAL", "CONTACT", "DATE", "DISEASE", "EVENT", "FACILITY", "GPE",
    "LANGUAGE", "LAW", "LOCATION", "MISCELLANEOUS", "MONEY", "NON_HUMAN", "NORP", "ORDINAL",
    "ORGANISATION", "PERCENTAGE", "PERSON", "POSITION", "PRODUCT", "PROJECT", "QUANTITY", "TIME",
)

#: Sentences are tagged in pieces of at most about this many characters.
CHUNK_CHARS = 2000
#: a model batch also ends once it holds this many characters: small batches keep the
#: CNN's intermediate arrays in the CPU cache (1 MB of news: about 18,000 tokens/s with
#: ~4 full chunks a batch against 13,000-15,000 with 32), while many short texts
#: (``ner_pipe`` over sentences) still share batches of up to ``batch_size`` pieces
BATCH_CHARS = 8000


def _chunks(clean: str, max_chars: int) -> Iterator[Chunk]:
    """Whole sentences grouped into pieces of about ``max_chars`` characters.

    A sentence longer than ``3 * max_chars`` (a run-on list, a table) is cut at a
    space near ``max_chars``, so memory stays flat whatever the input.
    """
    group: list[tuple[int, int]] = []
    for sent in split_sentences(clean):
        pieces = [(sent.start, sent.end)]
        if sent.end - sent.start > 3 * max_chars:
            pieces = list(_cut(clean, sent.start, sent.end, max_chars))
        for start, end in pieces:
            if group and end - group[0][0] > max_chars:
                yield _make_chunk(clean, group)
                group = []
            group.append((start, end))
    if group:
        yield _make_chunk(clean, group)


def _cut(text: str, start: int, end: int, size: int) -> Iterator[tuple[int, int]]:
    while end - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        if cut <= start:
            cut = start + size
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


# Lone surrogates ("\udc00") are legal in a str but not in the UTF-8 that spaCy and Stanza
# hash: the model sees U+FFFD in their place, one for one, so every offset stays the same.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _model_view(clean: str) -> str:
    """``clean`` as the model may read it: lone surrogates become U+FFFD (same length)."""
    return _SURROGATE.sub("\ufffd", clean) if _SURROGATE.search(clean) else clean


# a letter or digit, as str.isalnum() (re's \w less the underscore)
_ALNUM = re.compile(r"[^\W_]")


def _model_spans(impl: Any, batch: list[Chunk]) -> list[list[tuple[int, int, str]]]:
    """``impl.entities(batch)``, but ``[]`` unread for a chunk without a letter or digit: postprocess
    drops all its spans (``trim_span``). 1,000,000 punctuation marks took 33 s in the model."""
    live = [chunk for chunk in batch if _ALNUM.search(chunk.text)]
    if not live:
        return [[] for _ in batch]
    with one_blas_thread():
        found = impl.entities(live)
    if len(live) == len(batch):
        return found
    spans = iter(found)
    return [next(spans) if _ALNUM.search(chunk.text) else [] for chunk in batch]


def _make_chunk(clean: str, group: list[tuple[int, int]]) -> Chunk:
    base = group[0][0]
    return Chunk(base, clean[base:group[-1][1]], tuple((s - base, e - base) for s, e in group))


def _check_options(func: str, normalize: Any, dehyphenate: Any, batch_size: Any, rules: Any = True) -> None:
    for name, value in (("normalize", normalize), ("dehyphenate", dehyphenate), ("rules", rules)):
        if not isinstance(value, bool):
            raise TypeError(f"kaznlp.{func}(): {name} must be True or False, got {value!r}")
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"kaznlp.{func}(): batch_size must be a positive int, got {batch_size!r}")


def _collect(text: str, alignment: Alignment | None, out: list[Entity], chunk: Chunk,
             spans: list[tuple[int, int, str]], rules: bool) -> None:
    """Append to ``out`` the entities of ``chunk`` (a backend's ``spans`` over it), in the
    caller's ``text``: edges cleaned, kept inside one sentence, the pattern rules added
    (:mod:`kaznlp.ner.rules`), offsets mapped back through ``alignment``."""
    for s, e, label in postprocess(chunk.text, chunk.sentences, spans, rules=rules):
        s += chunk.start
        e += chunk.start
        if alignment is not None and not alignment.is_identity:
            s, e = alignment.span_to_src(s, e)
            if out and s < out[-1].end:
                # two entities from one repaired stretch of the caller's text (mojibake
                # "РђСЃС‚Р°РЅР° РљР°Р·Р°Т›" decoded as a whole): one entity over it, the first label
                prev = out.pop()
                s, e, label = prev.start, max(prev.end, e), prev.label
        out.append(Entity(s, e, label, text[s:e]))


def _check_texts(texts: Any, func: str, single: str) -> None:
    """Raise a ``TypeError`` unless ``texts`` is an iterable of texts (not one text, bytes or None).

    A bare ``str`` is iterable too, but ``ner_pipe("Тоқаев")`` would tag it one character
    at a time and give six empty results; bytes would fail one item later, deep inside.

    >>> _check_texts("Тоқаев", "ner_pipe", "ner")
    Traceback (most recent call last):
    ...
    TypeError: kaznlp.ner_pipe() expects an iterable of texts, got one str; use kaznlp.ner(text)
    """
    if isinstance(texts, str):
        raise TypeError(f"kaznlp.{func}() expects an iterable of texts, got one str; use kaznlp.{single}(text)")
    if isinstance(texts, (bytes, bytearray, memoryview)) or not isinstance(texts, Iterable):
        raise TypeError(f"kaznlp.{func}() expects an iterable of texts, got {type(texts).__name__}")


def _batches(chunks: Iterable[Chunk], batch_size: int) -> Iterator[list[Chunk]]:
    """``chunks`` in the batches the model takes: ``batch_size`` chunks or ``BATCH_CHARS``
    characters, whichever comes first (the same cut as :func:`_stream` makes)."""
    batch: list[Chunk] = []
    chars = 0
    for chunk in chunks:
        batch.append(chunk)
        chars += len(chunk.text)
        if len(batch) >= batch_size or chars >= BATCH_CHARS:
            yield batch
            batch = []
            chars = 0
    if batch:
        yield batch


def _tag(text: str, backend: Any, normalize: bool, dehyphenate: bool, batch_size: int, rules: bool) -> list[Entity]:
    """:func:`ner` for one text: the same batches and entities as :func:`_stream` gives for a
    stream of that one text, without the stream's bookkeeping (``kaznlp.ner`` called once per
    sentence pays it on every call)."""
    out: list[Entity] = []
    if not text or text.isspace():
        return out
    impl = get_backend(backend)
    with paused(len(text)):
        clean, alignment = repair(text, normalize=normalize, dehyphenate=dehyphenate)
        for batch in _batches(_chunks(_model_view(clean), CHUNK_CHARS), batch_size):
            for chunk, spans in zip(batch, _model_spans(impl, batch)):
                _collect(text, alignment, out, chunk, spans, rules)
    return out


class _Pending:
    """One text on its way through :func:`_stream`."""

    __slots__ = ("text", "alignment", "out", "outstanding", "queued")

    def __init__(self, text: str) -> None:
        self.text = text
        self.alignment: Alignment | None = None
        self.out: list[Entity] = []
        self.outstanding = 0  # chunks sent to the model and not yet back
        self.queued = False  # all chunks of the text are in the queue


def _stream(
    texts: Iterable[str], backend: Any, normalize: bool, dehyphenate: bool, batch_size: int, func: str,
    rules: bool = True,
) -> Iterator[list[Entity]]:
    """Tag many texts, batching sentence chunks *across* texts; yield results in order."""
    impl: Backend | None = None
    pending: deque[_Pending] = deque()
    batch: list[tuple[_Pending, Chunk]] = []
    batch_chars = 0

    def flush() -> None:
        nonlocal batch_chars
        batch_chars = 0
        assert impl is not None
        results = _model_spans(impl, [chunk for _, chunk in batch])
        for (rec, chunk), spans in zip(batch, results):
            _collect(rec.text, rec.alignment, rec.out, chunk, spans, rules)
            rec.outstanding -= 1
        batch.clear()

    for text in texts:
        check_text(text, func)
        rec = _Pending(text)
        pending.append(rec)
        if text and not text.isspace():
            if impl is None:
                impl = get_backend(backend)
            with paused(len(text)):
                clean, rec.alignment = repair(text, normalize=normalize, dehyphenate=dehyphenate)
                for chunk in _chunks(_model_view(clean), CHUNK_CHARS):
                    batch.append((rec, chunk))
                    batch_chars += len(chunk.text)
                    rec.outstanding += 1
                    if len(batch) >= batch_size or batch_chars >= BATCH_CHARS:
                        flush()
        rec.queued = True
        while pending and pending[0].queued and pending[0].outstanding == 0:
            yield pending.popleft().out
    if batch:
        flush()
    while pending:
        yield pending.popleft().out


def ner(
    text: str,
    backend: NERBackend = "kaznlp",
    *,
    normalize: bool = True,
    dehyphenate: bool = True,
    batch_size: int = 32,
    rules: bool = True,
) -> list[Entity]:
    """Find named entities in ``text``; offsets point into ``text`` itself.

    Args:
        text: raw Kazakh text of any length (a 1 MB document is tagged in batches of
            sentences, so memory stays flat).
        backend: ``"kaznlp"`` (bundled model, fast path), ``"spacy"`` (bundled model
            through spaCy), ``"stanza"``, ``"transformers"``, a spaCy ``Language``, a
            path or package name for ``spacy.load``, a ``stanza.Pipeline``, a transformers
            model or a :class:`Backend`.
        normalize: repair homoglyphs, invisible characters, etc. before tagging.
        dehyphenate: re-join words broken across lines before tagging.
        batch_size: at most how many pieces of about 2,000 characters go to the model
            at once (a batch also ends at 8,000 characters).
        rules: add the pattern rules for written dates, times and percentages
            (:mod:`kaznlp.ner.rules`). Entity edges are always cleaned of punctuation and
            kept inside one sentence, whatever the backend.

    Returns:
        ``Entity(start, end, label, text)`` records in text order, with
        ``text[start:end] == entity.text``; labels are KazNERD's (``PERSON``, ``GPE``,
        ``ORGANISATION``, ``DATE``, ``PERCENTAGE``, ...).

    >>> text = "Мемлекеттiк хатшы Ерлан Қарин Астанада сөз сөйледі."  # Latin "i" in the first word
    >>> [(e.label, e.text) for e in ner(text)]  # doctest: +SKIP
    [('POSITION', 'Мемлекеттiк хатшы'), ('PERSON', 'Ерлан Қарин'), ('GPE', 'Астанада')]
    >>> ner("   ")
    []
    """
    check_text(text, "ner")
    _check_options("ner", normalize, dehyphenate, batch_size, rules)
    return _tag(text, backend, normalize, dehyphenate, batch_size, rules)


def ner_pipe(
    texts: Iterable[str],
    backend: NERBackend = "kaznlp",
    *,
    normalize: bool = True,
    dehyphenate: bool = True,
    batch_size: int = 32,
    rules: bool = True,
) -> Iterator[list[Entity]]:
    """:func:`ner` for many texts: yields one list of entities per text, lazily, in order.

    The backend is resolved (and a model loaded) once for the whole stream, and
    sentences of consecutive texts share model batches, so many short texts are fast.

    >>> texts = ["Алматыда қар жауды.", "", "Президент Тоқаев Қытайға барды."]
    >>> [[e.text for e in ents] for ents in ner_pipe(texts)]  # doctest: +SKIP
    [['Алматыда'], [], ['Президент', 'Тоқаев', 'Қытайға']]
    """
    _check_texts(texts, "ner_pipe", "ner")
    _check_options("ner_pipe", normalize, dehyphenate, batch_size, rules)
    return _stream(texts, backend, normalize, dehyphenate, batch_size, "ner_pipe", rules)
