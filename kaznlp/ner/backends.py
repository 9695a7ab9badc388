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
from typing import Any

from ..tokenize import tokenize
from .chunk import Backend, Chunk, check_chunks
from .model import bundled, import_spacy

__all__ = [
    "Chunk", "Backend", "SpacyBackend", "StanzaBackend", "TransformersBackend", "get_backend", "unload",
    "STANZA_DOWNLOAD", "TRANSFORMERS_MODEL",
]

#: The one command that fetches Stanza's Kazakh NER (about 1 GB with its word vectors).
STANZA_DOWNLOAD = "python -c \"import stanza; stanza.download('kk', processors='tokenize,ner')\""
STANZA_INSTALL = 'pip install "kaznlp[stanza]"'
#: Hugging Face model that ``backend="transformers"`` uses when it has been downloaded:
#: XLM-RoBERTa large fine-tuned on KazNERD (Yeshpanov et al.; 96.67 F1 reported on the cleaned
#: KazNERD test; CC BY 4.0; about 2.2 GB).
TRANSFORMERS_MODEL = "yeshpanovrustem/xlm-roberta-large-ner-kazakh"
TRANSFORMERS_INSTALL = 'pip install "kaznlp[transformers]"'


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
        check_chunks(chunks, "SpacyBackend")
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
        check_chunks(chunks, "StanzaBackend")
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


class TransformersBackend:
    """Any Hugging Face token-classification model on kaznlp's sentences and words.

    ``model`` is a local folder, a model id already in the Hugging Face cache (nothing
    is downloaded: ``local_files_only=True``), or a loaded ``PreTrainedModel`` (then pass
    its ``tokenizer`` too, a *fast* tokenizer). Each sentence is split into words by
    :func:`kaznlp.tokenize` (KazNERD's tokens), the words go to the model with
    ``is_split_into_words=True``, and a word takes the label of its first sub-word.
    Labels are IOB2 (``B-PERSON``, ``I-PERSON``) or BILUO; an ``I-`` after another type
    starts a new entity (CoNLL's lenient reading).

    Args:
        model: folder, cached model id, or ``PreTrainedModel``.
        tokenizer: folder/id or a fast tokenizer; default: the model's own.
        device: ``"cpu"``, ``"cuda"``, ``"cuda:1"``, ``"mps"``, a ``torch.device`` or
            ``None`` (CUDA when available, else CPU).
        batch_size: sentences per forward pass.
        max_words: a longer sentence is tagged in pieces of this many words (sub-words
            past the model's length limit would otherwise be cut off).

    Download the default model once (about 2.2 GB)::

        huggingface-cli download yeshpanovrustem/xlm-roberta-large-ner-kazakh

    >>> backend = TransformersBackend("yeshpanovrustem/xlm-roberta-large-ner-kazakh")  # doctest: +SKIP
    >>> backend.entities([Chunk(0, "Тоқаев Пекинге барды.", ((0, 21),))])  # doctest: +SKIP
    [[(0, 6, 'PERSON'), (7, 14, 'GPE')]]
    """

    def __init__(self, model: Any = TRANSFORMERS_MODEL, tokenizer: Any = None, *, device: Any = None,
                 batch_size: int = 16, max_words: int = 120) -> None:
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"TransformersBackend: batch_size must be a positive int, got {batch_size!r}")
        if not isinstance(max_words, int) or max_words < 1:
            raise ValueError(f"TransformersBackend: max_words must be a positive int, got {max_words!r}")
        torch, transformers = _import_transformers()
        where = model
        if isinstance(model, (str, Path)):
            where = os.path.expanduser(str(model))
            try:
                model = transformers.AutoModelForTokenClassification.from_pretrained(where, local_files_only=True)
            except (OSError, ValueError) as err:
                raise FileNotFoundError(_transformers_missing(str(where), err)) from err
        if tokenizer is None:
            tokenizer = getattr(model, "name_or_path", None) or where
        if isinstance(tokenizer, (str, Path)):
            try:
                tokenizer = transformers.AutoTokenizer.from_pretrained(
                    os.path.expanduser(str(tokenizer)), local_files_only=True, use_fast=True)
            except (OSError, ValueError) as err:
                raise FileNotFoundError(_transformers_missing(str(tokenizer), err)) from err
        if not getattr(tokenizer, "is_fast", False):
            raise TypeError("TransformersBackend needs a fast tokenizer (word_ids() maps sub-words to words); "
                            f"got {type(tokenizer).__name__}")
        if device is None:
            device = "cuda" if torch.cuda.is_available() else "cpu"
        self.torch = torch
        self.device = torch.device(device)
        self.model = model.to(self.device).eval()
        self.tokenizer = tokenizer
        self.batch_size = batch_size
        self.max_words = max_words
        self.id2label = {int(k): str(v) for k, v in model.config.id2label.items()}

    def _tag(self, pieces: list[list[str]]) -> list[list[str]]:
        """One label per word for each list of words."""
        torch = self.torch
        out: list[list[str]] = []
        for i in range(0, len(pieces), self.batch_size):
            batch = pieces[i:i + self.batch_size]
            enc = self.tokenizer(batch, is_split_into_words=True, truncation=True, padding=True, return_tensors="pt")
            inputs = {k: v.to(self.device) for k, v in enc.items()}
            with torch.inference_mode():
                best = self.model(**inputs).logits.argmax(-1).cpu().tolist()
            for b, words in enumerate(batch):
                tags = ["O"] * len(words)
                seen = set()
                for pos, w in enumerate(enc.word_ids(b)):
                    if w is not None and w not in seen:  # the first sub-word of each word
                        seen.add(w)
                        tags[w] = self.id2label.get(best[b][pos], "O")
                out.append(tags)
        return out

    def entities(self, chunks: Sequence[Chunk]) -> list[list[tuple[int, int, str]]]:
        check_chunks(chunks, "TransformersBackend")
        pieces: list[list[str]] = []
        offsets: list[list[tuple[int, int]]] = []
        owner: list[int] = []
        for i, chunk in enumerate(chunks):
            for s, e in chunk.sentences:
                toks = tokenize(chunk.text[s:e], multiword=False)
                for k in range(0, len(toks), self.max_words):
                    part = toks[k:k + self.max_words]
                    pieces.append([t.text for t in part])
                    offsets.append([(s + t.start, s + t.end) for t in part])
                    owner.append(i)
        out: list[list[tuple[int, int, str]]] = [[] for _ in chunks]
        if not pieces:
            return out
        for tags, spans, i in zip(self._tag(pieces), offsets, owner):
            out[i].extend(_tag_spans(tags, spans))
        return out


def _tag_spans(tags: list[str], spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Entities from IOB2/IOB1/BILUO word tags (lenient: a stray ``I-``/``L-`` starts an entity)."""
    ents: list[tuple[int, int, str]] = []
    start = -1
    kind = ""
    for j, tag in enumerate(list(tags) + ["O"]):
        move, _, label = tag.partition("-")
        if not label:
            move, label = "O", ""
        continues = start >= 0 and label == kind and move in ("I", "L", "E")
        if start >= 0 and not continues:
            ents.append((spans[start][0], spans[j - 1][1], kind))
            start = -1
        if move != "O" and not continues:
            start, kind = j, label
        if move in ("L", "E", "U", "S") and start >= 0:
            ents.append((spans[start][0], spans[j][1], kind))
            start = -1
    return ents


def _import_transformers() -> tuple[Any, Any]:
    try:
        import torch
        import transformers
    except ImportError as err:
        raise ModuleNotFoundError(
            "the 'transformers' NER backend needs PyTorch and Hugging Face transformers, which are not "
            f"installed ({err.name or err}). Run:\n    {TRANSFORMERS_INSTALL}\n"
            "(for a CPU-only PyTorch, first: pip install torch --index-url https://download.pytorch.org/whl/cpu)"
        ) from err
    return torch, transformers


def _transformers_missing(where: str, err: Exception) -> str:
    return (
        f"no Hugging Face token-classification model at {where!r} (a folder, or a model id already in the "
        "Hugging Face cache; kaznlp never downloads at run time). Download it once, for example:\n"
        f"    huggingface-cli download {TRANSFORMERS_MODEL}\n"
        "or pass the folder of a model you saved with save_pretrained(). "
        f"(transformers said: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''})"
    )


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
    elif os.environ.get("STANZA_RESOURCES_DIR"):
        # Stanza reads the variable once, when it is imported; honour it when it is set later
        options["dir"] = os.path.expanduser(os.environ["STANZA_RESOURCES_DIR"])
    where = options.get("dir") or _stanza_default_dir(stanza)
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


def _stanza_default_dir(stanza: Any) -> str:
    """Where ``stanza.Pipeline`` looks by default: ``$STANZA_RESOURCES_DIR``, else (Stanza >= 1.10)
    ``~/.cache/stanza/<resources version>/resources`` on Linux (platformdirs' user cache), else
    ``~/stanza_resources`` (older Stanza)."""
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR

        return str(DEFAULT_MODEL_DIR)
    except ImportError:  # pragma: no cover - very old Stanza
        return os.environ.get("STANZA_RESOURCES_DIR") or os.path.expanduser("~/stanza_resources")


@lru_cache(maxsize=8)
def _spacy_backend(name: str) -> SpacyBackend:
    spacy = import_spacy()

    from .. import spacy_lang  # noqa: F401  ("kk" pipelines need the language registered)

    try:
        return SpacyBackend(spacy.load(name))
    except (OSError, TypeError, ValueError, ImportError) as err:  # spacy.load("numpy"): a TypeError
        raise OSError(
            f"kaznlp.ner(): backend={name!r} is not one of 'kaznlp', 'spacy', 'stanza', 'transformers', and spaCy "
            f"could not load it as a pipeline package or folder ({type(err).__name__}: {err}). Pass one of those "
            "names, a spaCy Language, the folder of a spaCy pipeline or an installed pipeline package name."
        ) from err


@lru_cache(maxsize=1)
def _bundled_backend() -> Backend:
    """The bundled model: the fused numpy path (:mod:`kaznlp.ner.fast`) when it reproduces
    spaCy's scores on its self-check, else spaCy's own path."""
    nlp = bundled()  # first: without spaCy, the error names the extra to install
    from .fast import compile_pipeline

    fast = compile_pipeline(nlp)
    return fast if fast is not None else SpacyBackend(nlp)


@lru_cache(maxsize=1)
def _default_stanza() -> StanzaBackend:
    return StanzaBackend()


@lru_cache(maxsize=1)
def _spacy_path_backend() -> SpacyBackend:
    """``backend="spacy"``: the bundled model through spaCy's own ``nlp.pipe`` (the reference
    path the fused numpy path is checked against)."""
    return SpacyBackend(bundled())


@lru_cache(maxsize=1)
def _default_transformers() -> TransformersBackend:
    return TransformersBackend()


def unload() -> None:
    """Forget every model and backend loaded so far (the bundled pipeline, Stanza's, a
    transformers model, spaCy pipelines loaded by name): their memory can be freed, and the
    next call loads them again (after a model package was reinstalled, for example).

    >>> unload()
    """
    for cached in (_spacy_backend, _bundled_backend, _default_stanza, _spacy_path_backend,
                   _default_transformers, bundled):
        cached.cache_clear()


def get_backend(backend: Any) -> Backend:
    """Resolve ``backend`` (a name, path, spaCy ``Language``, ``stanza.Pipeline`` or
    :class:`Backend`) to a ready backend; models are loaded once and cached."""
    if isinstance(backend, str) and backend == "kaznlp":
        return _bundled_backend()
    if isinstance(backend, str) and backend == "stanza":
        return _default_stanza()
    if isinstance(backend, str) and backend == "spacy":
        return _spacy_path_backend()
    if isinstance(backend, str) and backend == "transformers":
        return _default_transformers()
    if isinstance(backend, (str, Path)):
        return _spacy_backend(str(backend))
    module = type(backend).__module__ or ""
    if module.startswith("spacy") or hasattr(backend, "pipe_names"):
        return SpacyBackend(backend)
    if module.startswith("stanza"):
        return StanzaBackend(pipeline=backend)
    if module.startswith("transformers") and hasattr(backend, "config"):
        return TransformersBackend(backend)
    if isinstance(backend, Backend):
        return backend
    raise TypeError(
        "kaznlp.ner(): backend must be 'kaznlp', 'spacy', 'stanza', 'transformers', a spaCy Language, a pipeline path or "
        f"package name, a stanza.Pipeline or an object with an entities(chunks) method; got {type(backend).__name__}"
    )
