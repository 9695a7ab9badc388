"""NER backends behind one interface.

A backend takes :class:`Chunk` records (a few whole sentences of repaired text,
with the sentence spans inside it) and returns, for each chunk, its entities as
``(start, end, label)`` character offsets into ``chunk.text``. :func:`kaznlp.ner.ner`
does the rest (normalization, batching, mapping back to the caller's offsets).

To plug in your own model, write a class with an ``entities(chunks)`` method and
pass an instance as ``backend=``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, Protocol, runtime_checkable

from ..tokenize import tokenize

__all__ = ["Chunk", "Backend", "SpacyBackend", "StanzaBackend", "get_backend", "STANZA_DOWNLOAD"]

#: The one command that fetches Stanza's Kazakh NER (about 1 GB with its word vectors).
STANZA_DOWNLOAD = "python -c \"import stanza; stanza.download('kk', processors='tokenize,ner')\""
STANZA_INSTALL = 'pip install "kaznlp[stanza]"'


class Chunk(NamedTuple):
    """Whole sentences of repaired text: ``text`` starts at ``start`` in the repaired
    document, and ``sentences`` are ``(start, end)`` offsets into ``text``."""

    start: int
    text: str
    sentences: tuple[tuple[int, int], ...]


@runtime_checkable
class Backend(Protocol):
    """Anything with ``entities(chunks) -> [[(start, end, label), ...] per chunk]``."""

    def entities(self, chunks: Sequence[Chunk]) -> list[list[tuple[int, int, str]]]: ...


class SpacyBackend:
    """Any spaCy pipeline with an ``ner`` component (its own tokenizer reads ``chunk.text``).

    >>> from kaznlp.ner import load
    >>> backend = SpacyBackend(load())
    >>> chunk = Chunk(0, "Алматыда жиын өтті.", ((0, 19),))
    >>> backend.entities([chunk])  # doctest: +SKIP
    [[(0, 8, 'GPE')]]
    """

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        # only what NER needs: skip parsers, lemmatizers etc. of a general pipeline
        self._disable = [
            name for name in nlp.pipe_names
            if name == "kaznlp_normalizer"  # we normalize already; its new Doc would shift offsets
            or (name not in ("ner", "tok2vec", "transformer") and "ner" in nlp.pipe_names)
        ]
        if getattr(nlp, "max_length", 0) < 10**7:
            nlp.max_length = 10**7

    def entities(self, chunks: Sequence[Chunk]) -> list[list[tuple[int, int, str]]]:
        out = []
        texts = [chunk.text for chunk in chunks]
        for doc in self.nlp.pipe(texts, batch_size=max(1, len(texts)), disable=self._disable):
            out.append([(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents])
        return out


class StanzaBackend:
    """Stanza's NER on kaznlp's sentences and tokens (``tokenize_pretokenized=True``).

    Nothing is downloaded: the pipeline is built with ``download_method=None``. Pass
    ``pipeline=`` (a ready ``stanza.Pipeline``) or keyword arguments for
    ``stanza.Pipeline`` (``dir=``, ``ner_model_path=``, ``use_gpu=``, ...).

    >>> backend = StanzaBackend(dir="~/stanza_resources")  # doctest: +SKIP
    >>> backend.entities([Chunk(0, "Тоқаев Пекинге барды.", ((0, 21),))])  # doctest: +SKIP
    [[(0, 6, 'PERSON'), (7, 14, 'GPE')]]
    """

    def __init__(self, pipeline: Any = None, **kwargs: Any) -> None:
        self.kwargs = kwargs
        self.pipeline = pipeline if pipeline is not None else _stanza_pipeline(**kwargs)

    def entities(self, chunks: Sequence[Chunk]) -> list[list[tuple[int, int, str]]]:
        sentences: list[list[str]] = []
        spans: list[list[tuple[int, int]]] = []  # token offsets into the chunk, per sentence
        owner: list[int] = []  # which chunk each sentence belongs to
        for i, chunk in enumerate(chunks):
            for s, e in chunk.sentences:
                toks = tokenize(chunk.text[s:e], multiword=False)  # Stanza was trained on KazNERD: no spaces in tokens
                if not toks:
                    continue
                sentences.append([t.text for t in toks])
                spans.append([(s + t.start, s + t.end) for t in toks])
                owner.append(i)
        out: list[list[tuple[int, int, str]]] = [[] for _ in chunks]
        if not sentences:
            return out
        doc = self.pipeline(sentences)
        for sent, offsets, i in zip(doc.sentences, spans, owner, strict=True):
            for ent in sent.ents:
                first = ent.tokens[0].id[0] - 1  # stanza token ids are 1-based
                last = ent.tokens[-1].id[-1] - 1
                out[i].append((offsets[first][0], offsets[last][1], ent.type))
        return out


def _stanza_pipeline(**kwargs: Any) -> Any:
    try:
        import stanza
    except ImportError as err:
        raise ModuleNotFoundError(
            "the 'stanza' NER backend needs Stanza, which is not installed. Run:\n"
            f"    {STANZA_INSTALL}\n"
            "(for a CPU-only PyTorch, first: pip install torch --index-url https://download.pytorch.org/whl/cpu)\n"
            "then download the Kazakh model once:\n"
            f"    {STANZA_DOWNLOAD}"
        ) from err
    options: dict[str, Any] = {
        "lang": "kk",
        "processors": "tokenize,ner",
        "tokenize_pretokenized": True,
        "download_method": None,
        "logging_level": "WARN",
    }
    options.update(kwargs)
    options["download_method"] = None  # never download at run time
    if "dir" in options:
        options["dir"] = os.path.expanduser(str(options["dir"]))
    where = options.get("dir") or os.environ.get("STANZA_RESOURCES_DIR") or "~/stanza_resources"
    try:
        return stanza.Pipeline(**options)
    except Exception as err:  # stanza raises several kinds for a missing model
        missing = isinstance(err, (FileNotFoundError, OSError)) or type(err).__name__ in (
            "ResourcesFileNotFoundError", "LanguageNotDownloadedError", "FileNotFoundError",
        ) or "not found" in str(err).lower() or "download" in str(err).lower()
        if not missing:
            raise
        command = STANZA_DOWNLOAD
        if "dir" in kwargs:
            command = command.replace("processors='tokenize,ner')", f"processors='tokenize,ner', model_dir={where!r})")
        raise FileNotFoundError(
            f"Stanza's Kazakh NER model is not installed (looked in {where}; kaznlp never downloads at run "
            f"time). Download it once with:\n    {command}\n"
            f"(Stanza said: {type(err).__name__}: {err})"
        ) from err


@lru_cache(maxsize=8)
def _spacy_backend(name: str) -> SpacyBackend:
    import spacy

    from .. import spacy_lang  # noqa: F401  ("kk" pipelines need the language registered)

    try:
        return SpacyBackend(spacy.load(name))
    except OSError as err:
        raise OSError(
            f"kaznlp.ner(): backend={name!r} is neither 'kaznlp' nor 'stanza', and spaCy could not load it "
            f"as a pipeline package or folder ({err}). Pass 'kaznlp', 'stanza', a spaCy Language, "
            "a pipeline path or an installed package name."
        ) from err


@lru_cache(maxsize=1)
def _bundled_backend() -> SpacyBackend:
    from . import _bundled

    return SpacyBackend(_bundled())


@lru_cache(maxsize=1)
def _default_stanza() -> StanzaBackend:
    return StanzaBackend()


def get_backend(backend: Any) -> Backend:
    """Resolve ``backend`` (a name, path, spaCy ``Language``, ``stanza.Pipeline`` or
    :class:`Backend`) to a ready backend; models are loaded once and cached."""
    if isinstance(backend, str) and backend == "kaznlp":
        return _bundled_backend()
    if isinstance(backend, str) and backend == "stanza":
        return _default_stanza()
    if isinstance(backend, (str, Path)):
        return _spacy_backend(str(backend))
    module = type(backend).__module__ or ""
    if module.startswith("spacy") or hasattr(backend, "pipe_names"):
        return SpacyBackend(backend)
    if module.startswith("stanza"):
        return StanzaBackend(pipeline=backend)
    if isinstance(backend, Backend):
        return backend
    raise TypeError(
        "kaznlp.ner(): backend must be 'kaznlp', 'stanza', a spaCy Language, a pipeline path or "
        f"package name, a stanza.Pipeline or an object with an entities(chunks) method; got {type(backend).__name__}"
    )
