"""``kaznlp.process`` and ``kaznlp.pipe``: every step in order, every span in the caller's offsets.

normalize → dehyphenate → split sentences → tokenize (→ named entities). The
text-changing steps return an :class:`~kaznlp.alignment.Alignment` each; the
pipeline composes them once per document, keeps the composed map on the
:class:`~kaznlp.spans.Document` and maps every sentence, token and entity back,
so ``doc.text[t.start:t.end] == t.text`` for the text the caller passed, whatever
the repairs changed, while ``t.norm`` is the token's clean form (how: :mod:`._mapping`).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, Literal, Protocol, TypeAlias

from .._gc import paused
from .._validate import check_choice, check_text
from ..alignment import Alignment
from ..dehyphenate import dehyphenate as _dehyphenate
from ..normalize import normalize as _normalize
from ..sentences import split_sentences
from ..spans import Document, Entity
from ..steps import parse_steps
from ..tokenize import Columns, token_columns
from ._mapping import _assemble

__all__ = ["process", "pipe", "repair", "STEPS", "set_ner", "NERBackend", "BackendName", "EntityBackend"]

#: the steps :func:`process` can run, in order (the CLI's ``--steps`` adds ``words``:
#: tokens without multiword tokens)
STEPS = ("normalize", "dehyphenate", "sentences", "tokens", "ner")

_new = tuple.__new__

# --- what ner= (and kaznlp.ner's backend=) takes: docs/pipeline.md, "Entities" -----------

BackendName: TypeAlias = Literal["kaznlp", "spacy", "stanza", "transformers"]


class EntityBackend(Protocol):
    """Any object with ``entities(chunks)``: per :class:`kaznlp.ner.Chunk`, ``(start, end, label)``."""

    def entities(self, chunks: list[Any]) -> list[list[tuple[int, int, str]]]: ...


class _SpacyLanguage(Protocol):  # a spaCy Language (what spacy.load returns)
    @property
    def pipe_names(self) -> list[str]: ...


class _StanzaPipeline(Protocol):  # a stanza.Pipeline with the ner processor
    processors: dict[str, Any]


class _TransformersModel(Protocol):  # a transformers token-classification model
    config: Any


# (a str or Path that is no BackendName: a path or package name for spacy.load)
NERBackend: TypeAlias = BackendName | str | Path | EntityBackend | _SpacyLanguage | _StanzaPipeline | _TransformersModel

# The entity finders of ``ner=...`` (kaznlp.ner.ner, ner_pipe), handed over by the front layer
# (kaznlp/__init__.py): this layer imports nothing above it (issue 18).
_NER: dict[str, Callable[..., Any]] = {}


def set_ner(ner: Callable[..., Any], ner_pipe: Callable[..., Any]) -> None:
    """Give :func:`process` and :func:`pipe` their entity finders (what ``ner=True`` runs).

    ``import kaznlp`` does this with :func:`kaznlp.ner.ner` and :func:`kaznlp.ner.ner_pipe`
    (every import of a kaznlp module runs it first); call it only to plug in other finders
    of the same signatures: ``ner(clean_text, backend, normalize=False, dehyphenate=False)``
    returns a list of :class:`~kaznlp.spans.Entity` in ``clean_text``, ``ner_pipe`` the same for
    a list of texts (a toy pair: docs/pipeline.md, "Entities").
    """
    if not (callable(ner) and callable(ner_pipe)):
        raise TypeError("kaznlp.pipeline.set_ner() expects two functions: ner and ner_pipe")
    _NER["ner"], _NER["ner_pipe"] = ner, ner_pipe


def _ner_step(name: str) -> Callable[..., Any]:
    try:
        return _NER[name]
    except KeyError:
        raise RuntimeError("kaznlp.process(ner=...): no entity finder is set; import kaznlp "
                           "(it hands kaznlp.ner to the pipeline)") from None


def repair(text: str, *, normalize: bool = True, dehyphenate: bool = True) -> tuple[str, Alignment]:
    """Repair ``text`` as :func:`process` does and return ``(clean_text, alignment)``.

    The one repair path of kaznlp: :func:`kaznlp.normalize` then :func:`kaznlp.dehyphenate`,
    their alignments composed into one :class:`~kaznlp.alignment.Alignment` from ``text`` to
    ``clean_text``, never ``None`` (the identity, made without work, when the repairs inserted or
    deleted nothing: ``alignment.is_identity``); map spans back with ``alignment.span_to_src``.

    Args:
        text: the caller's text (never changed).
        normalize, dehyphenate: run these repairs (both by default; both ``False``: the text
            itself and the identity).

    >>> clean, al = repair("Мемлекеттiк тіл заң-\\nды қабылданды.")  # a Latin "i", a line-end hyphen
    >>> clean
    'Мемлекеттік тіл заңды қабылданды.'
    >>> al.span_to_src(16, 21)  # "заңды" in the caller's text: "заң-\\nды"
    (16, 23)
    >>> repair("Алматы — ірі қала.")[1].is_identity
    True
    """
    check_text(text, "repair")
    check_choice(normalize, "normalize", (True, False), "repair")
    check_choice(dehyphenate, "dehyphenate", (True, False), "repair")
    return _repair(text, normalize, dehyphenate)


def _repair(text: str, normalize: bool, dehyphenate: bool) -> tuple[str, Alignment]:
    """:func:`repair` without the argument checks."""
    clean, alignment = text, None
    if normalize:
        clean, alignment = _normalize(clean, return_alignment=True)
    if dehyphenate:
        clean, step = _dehyphenate(clean, return_alignment=True)
        if alignment is None or alignment.is_identity:
            alignment = step
        elif not step.is_identity:
            alignment = alignment.compose(step)
    if alignment is None:
        alignment = Alignment.identity(len(text))
    return clean, alignment


def _options(func: str, normalize: Any, dehyphenate: Any, tokens: Any, multiword: Any, ner: Any,
             steps: Any) -> tuple[bool, bool, bool, bool, Any]:
    """Check the options of :func:`process` / :func:`pipe`; ``steps`` overrides the flags."""
    if steps is None and ner is False and type(normalize) is bool and type(dehyphenate) is bool \
            and type(tokens) is bool and type(multiword) is bool:
        return normalize, dehyphenate, tokens, multiword, None  # (the usual call, checked in a breath)
    if steps is not None:
        try:
            chosen = parse_steps(steps)
        except ValueError as exc:
            raise ValueError(f"kaznlp.{func}(): {exc}") from None
        normalize, dehyphenate = "normalize" in chosen, "dehyphenate" in chosen
        tokens = "tokens" in chosen or "words" in chosen
        multiword = "words" not in chosen
        ner = "ner" in chosen
    for name, value in (("normalize", normalize), ("dehyphenate", dehyphenate), ("tokens", tokens),
                        ("multiword", multiword)):
        check_choice(value, name, (True, False), func)
    if ner is None or ner is False:
        ner = None
    elif ner is True:
        ner = "kaznlp"
    elif isinstance(ner, (int, float)):
        raise ValueError(f"kaznlp.{func}(): ner={ner!r} is not valid; pass True, False or an NER backend "
                         "(see kaznlp.ner.ner)")
    return normalize, dehyphenate, tokens, multiword, ner


def process(
    text: str,
    *,
    normalize: bool = True,
    dehyphenate: bool = True,
    tokens: bool = True,
    multiword: bool = True,
    ner: bool | NERBackend = False,
    steps: str | Sequence[str] | None = None,
) -> Document:
    """Normalize, de-hyphenate, split and tokenize ``text`` (and find entities with ``ner=True``).

    Every offset in the result points into ``text`` itself; each token's clean form
    is ``token.norm``; the repaired text is ``doc.clean_text`` and the map between the
    two is ``doc.alignment``. The text is repaired once. The sentence and token records are
    made at the first read of ``doc.sentences`` or ``doc.tokens`` (until then the document
    keeps the token columns): a caller who never reads them pays for none.

    Args:
        text: the caller's text (never changed).
        normalize, dehyphenate: run these repairs (:func:`kaznlp.normalize`,
            :func:`kaznlp.dehyphenate`).
        tokens: tokenize (``False``: sentences without tokens).
        multiword: passed to :func:`kaznlp.tokenize` (``False``: no multiword tokens
            such as "келген жоқ").
        ner: ``True`` fills ``doc.entities`` with :func:`kaznlp.ner.ner` (the bundled
            model); a backend (:data:`NERBackend`: ``"stanza"``, a spaCy ``Language``, an
            object with an ``entities(chunks)`` method, ...) is used as given.
        steps: the CLI's ``--steps`` list instead of the flags, e.g.
            ``"normalize,sentences,tokens,ner"`` (``words`` = tokens without multiword tokens;
            sentences are always split).

    >>> text = "Мемлекетт\\u0069к тіл туралы заң қабылданды. А.Мерғалиев 63%-ы деді."
    >>> doc = process(text)             # "\\u0069" is a Latin "i" in a Cyrillic word
    >>> [s.text for s in doc.sentences] == [text[:38], text[39:]]
    True
    >>> tok = doc.tokens[0]
    >>> tok.text == text[:11], tok.norm  # your spelling at your offsets, and the clean form
    (True, 'Мемлекеттік')
    >>> [(t.text, t.norm) for t in process("Премьер- Министр заң-\\nды қабылдады.").tokens][:2]
    [('Премьер- Министр', 'Премьер-Министр'), ('заң-\\nды', 'заңды')]

    A toy :class:`EntityBackend` (it reads the repaired text; the entity is in yours):

    >>> class Capital:
    ...     def entities(self, chunks):
    ...         return [[(i, i + 6, "GPE")] if (i := c.text.find("Астана")) >= 0 else [] for c in chunks]
    >>> process("Бiз Астана қаласында тұрамыз.", ner=Capital()).entities
    [Entity(start=4, end=10, label='GPE', text='Астана')]
    """
    check_text(text, "process")
    normalize, dehyphenate, tokens, multiword, backend = _options(
        "process", normalize, dehyphenate, tokens, multiword, ner, steps)
    if len(text) < _PAUSE_FROM or not gc.isenabled():  # (a short call: no pause)
        doc = _process(text, normalize, dehyphenate, tokens, multiword)
    else:
        gc.disable()  # (inline: a context manager costs a tenth of a short call's time)
        try:
            doc = _process(text, normalize, dehyphenate, tokens, multiword)
        finally:
            gc.enable()
    if backend is not None:
        ents = _ner_step("ner")(doc.clean_text, backend, normalize=False, dehyphenate=False)
        doc = _with_entities(doc, ents)
    return doc


def _with_entities(doc: Document, ents: list[Entity]) -> Document:
    """``doc`` with entities found in its clean text, mapped onto its text (two from one repaired
    stretch merge, the first label kept, as :func:`kaznlp.ner.ner` does)."""
    text = doc.text
    out: list[Entity] = []
    if doc.clean_text is text or doc.alignment.is_identity:
        out = [_new(Entity, (e.start, e.end, e.label, text[e.start:e.end])) for e in ents]
    else:
        span_to_src = doc.alignment.span_to_src
        for e in ents:
            s, end = span_to_src(e.start, e.end)
            label = e.label
            if out and s < out[-1].end:
                prev = out.pop()
                s, end, label = prev.start, max(prev.end, end), prev.label
            out.append(_new(Entity, (s, end, label, text[s:end])))
    return Document._trusted(text, doc._sentence_maker(), doc.clean_text, doc.alignment, out)


def _process(text: str, normalize: bool, dehyphenate: bool, tokens: bool, multiword: bool) -> Document:
    clean, alignment = _repair(text, normalize, dehyphenate)
    sentence_spans = split_sentences(clean)
    # the records are made from the columns at the first read of doc.sentences or doc.tokens
    # (_assemble), each end there as its start, moved onto the caller's text, plus its length
    cols = token_columns(clean, multiword=multiword, ends=False) if tokens else _NO_COLUMNS
    return _assemble(text, clean, alignment, sentence_spans, cols, lazy=True)


_NO_COLUMNS: Columns = ([], [], [], [])

# process() pauses the cyclic collector from this many characters: the steps make many small
# containers with no cycles, which collections walk (2 % of a call on 1k-100k news documents).
_PAUSE_FROM = 1_000


# --- many documents -------------------------------------------------------------------------


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(texts)
    while True:
        batch = list(islice(it, size))
        if not batch:
            return
        yield batch


def _process_batch(batch: list[str], options: tuple[bool, bool, bool, bool, Any], func: str = "pipe") -> list[Document]:
    """Documents for one batch; entities (if asked) tagged across the batch."""
    normalize, dehyphenate, tokens, multiword, backend = options
    for text in batch:
        check_text(text, func)
    with paused(sum(map(len, batch))):
        docs = [_process(t, normalize, dehyphenate, tokens, multiword) for t in batch]
    if backend is None:
        return docs
    found = _ner_step("ner_pipe")([d.clean_text for d in docs], backend, normalize=False, dehyphenate=False)
    return [_with_entities(d, ents) for d, ents in zip(docs, found)]


def _worker(args: tuple[list[str], tuple[bool, bool, bool, bool, Any]]) -> list[Document]:
    return _process_batch(*args)


def pipe(
    texts: Iterable[str],
    *,
    n_process: int = 1,
    batch_size: int = 64,
    normalize: bool = True,
    dehyphenate: bool = True,
    tokens: bool = True,
    multiword: bool = True,
    ner: bool | NERBackend = False,
    steps: str | Sequence[str] | None = None,
) -> Iterator[Document]:
    """:func:`process` for many texts: yields one :class:`~kaznlp.spans.Document` per text, in order.

    The texts are read lazily, ``batch_size`` at a time; with ``ner=True`` the sentences of a
    batch share the model's batches. ``n_process=2`` (or more) runs batches in that many worker
    processes (``-1``: one per CPU), same documents, same order. The options are :func:`process`'s.

    >>> docs = list(pipe(["Алматы — ірі қала.", "", "Премьер- Министр келді."]))
    >>> [[t.norm for t in d.tokens] for d in docs]
    [['Алматы', '—', 'ірі', 'қала', '.'], [], ['Премьер-Министр', 'келді', '.']]
    """
    options = _options("pipe", normalize, dehyphenate, tokens, multiword, ner, steps)
    if isinstance(n_process, bool) or not isinstance(n_process, int) or n_process == 0 or n_process < -1:
        raise ValueError(f"kaznlp.pipe(): n_process must be a positive int or -1 (one per CPU), got {n_process!r}")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"kaznlp.pipe(): batch_size must be a positive int, got {batch_size!r}")
    if isinstance(texts, str):
        raise TypeError("kaznlp.pipe() expects an iterable of texts, got one str; use kaznlp.process(text)")
    if isinstance(texts, (bytes, bytearray, memoryview)) or not isinstance(texts, Iterable):
        raise TypeError(f"kaznlp.pipe() expects an iterable of texts, got {type(texts).__name__}")
    if n_process == -1:
        n_process = os.cpu_count() or 1
    return _pipe(texts, n_process, batch_size, options)


def _pipe(texts: Iterable[str], n_process: int, batch_size: int,
          options: tuple[bool, bool, bool, bool, Any]) -> Iterator[Document]:
    if n_process == 1:
        for batch in _batches(texts, batch_size):
            yield from _process_batch(batch, options)
        return
    import multiprocessing as mp
    from collections import deque

    method = "fork" if "fork" in mp.get_all_start_methods() else None
    # at most two batches per worker in flight (Pool.imap would read the whole input at once)
    with mp.get_context(method).Pool(n_process) as pool:
        pending: deque = deque()
        for batch in _batches(texts, batch_size):
            pending.append(pool.apply_async(_worker, ((batch, options),)))
            if len(pending) >= 2 * n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
