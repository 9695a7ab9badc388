"""The record: one document in, one JSON-ready record out, and what a record may hold.

:class:`InputDoc` is a document to analyse and :class:`Problem` one that cannot be
read (it becomes an errors-file entry); :func:`analyse` is the only place a document
becomes a record (the CLI, any ``--jobs``, the Dask helpers all call it);
:func:`~kaznlp.steps.parse_steps` (re-exported here) checks a step list; :func:`unwritable` says why a value cannot go
into a UTF-8 JSON record.

>>> rec = analyse("Астана қаласы. ҚР-ның 63%-ы", doc_id="d1", source="-")
>>> [s["text"] for s in rec["sentences"]]
['Астана қаласы.', 'ҚР-ның 63%-ы']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..steps import ALL_STEPS, DEFAULT_STEPS, parse_steps

__all__ = [
    "ALL_STEPS",
    "DEFAULT_STEPS",
    "InputDoc",
    "Problem",
    "analyse",
    "check_steps",
    "doc_key",
    "parse_steps",
    "unwritable",
    "unwritable_kind",
]



# --- documents and problems ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InputDoc:
    """One document to analyse.

    ``source`` is the file it came from (``-`` for standard input); ``line`` is its
    1-based line number in a JSONL file, or ``None`` for a whole text file.
    ``nbytes`` is the size of its raw input (for progress reporting).
    """

    id: str
    source: str
    line: int | None
    text: str
    nbytes: int = 0
    meta: dict[str, Any] | None = None

    @property
    def key(self) -> str:
        """The resume key: source and line (documents are found again by where they are)."""
        return doc_key(self.source, self.line)


@dataclass(frozen=True, slots=True)
class Problem:
    """A document that could not be read; goes to the errors file, the run goes on."""

    source: str
    line: int | None
    error: str
    message: str
    id: str | None = None
    nbytes: int = 0
    whole_file: bool = False

    @property
    def key(self) -> str:
        """Same key as the document would have had (``path`` or ``path:line``)."""
        return doc_key(self.source, None if self.whole_file else self.line)

    def to_dict(self) -> dict[str, Any]:
        """The errors-file entry: ``source``, ``line``, ``id``, ``error``, ``message``, ``key``."""
        return {"source": self.source, "line": self.line, "id": self.id, "error": self.error,
                "message": self.message, "key": self.key}


def doc_key(source: str, line: int | None) -> str:
    """``"path"`` for a text file, ``"path:12"`` for line 12 of a JSONL file."""
    return source if line is None else f"{source}:{line}"


# --- what a record can hold ------------------------------------------------------------


def unwritable(value: Any, name: str) -> str | None:
    """Why ``value`` cannot go into a UTF-8 JSON record, or ``None`` when it can.

    Two things can be read but not written: a lone surrogate (JSON ``"\\ud800"``
    decodes to a Python string that has no UTF-8 form; a file name that is not
    valid UTF-8 decodes to such surrogates too) and a number outside the range of
    a double (``1e999`` reads as ``inf``, which JSON cannot write). Such a
    document becomes one errors-file entry instead of failing the batch it is in.

    >>> unwritable({"title": "Жаңалық", "score": 1.5}, "meta") is None
    True
    >>> unwritable("Алматы \\ud800", "'text'")
    "'text' has a lone surrogate U+D800 at character 7; it has no UTF-8 form"
    """
    if isinstance(value, str):
        if value.isascii():
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"{name} has a lone surrogate U+{ord(value[exc.start]):04X} at character {exc.start}; it has no UTF-8 form"
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return f"{name} is a number JSON cannot hold ({value!r}: out of the range of a double, or not a number)"
        return None
    if isinstance(value, dict):
        for k, v in value.items():
            why = unwritable(k, f"a key of {name}") or unwritable(v, f"{name}.{k}")
            if why:
                return why
        return None
    if isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            why = unwritable(v, f"{name}[{i}]")
            if why:
                return why
    return None


def unwritable_kind(why: str) -> str:
    """The errors-file kind of an :func:`unwritable` reason: ``LoneSurrogate`` or ``NonFiniteNumber``."""
    return "LoneSurrogate" if "surrogate" in why else "NonFiniteNumber"

# --- analysis ------------------------------------------------------------------------


def _ner_function() -> Any:
    """``kaznlp.ner``, or a :class:`RuntimeError` naming the extra to install.

    ``kaznlp.ner`` itself imports without spaCy (it fails at its first call), so spaCy, numpy
    and the model package are looked for here: a run with the ``ner`` step fails before any
    document is read, not once per document.
    """
    try:
        from ..ner import ner, require_installed

        require_installed()
    except ImportError as exc:  # spaCy/numpy/model missing: the core install, without the [ner] extra
        raise RuntimeError(
            f"the 'ner' step cannot run: {exc}; or drop 'ner' from --steps"
        ) from exc
    return ner


def check_steps(steps: Sequence[str]) -> None:
    """Fail early (before any work) if a requested step cannot run here."""
    if "ner" in steps:
        _ner_function()


def analyse(
    text: str,
    *,
    doc_id: str | None = None,
    source: str | None = None,
    steps: Sequence[str] = DEFAULT_STEPS,
    line: int | None = None,
    meta: dict[str, Any] | None = None,
    clean_forms: bool = False,
) -> dict[str, Any]:
    """One document → one record: ``{"id", "source", ["line",] "text", "sentences", "entities"}``.

    The record is :meth:`kaznlp.Document.to_dict` of ``kaznlp.process(text, steps=steps)``
    (the text is repaired once, entities included) without ``clean_text`` and
    ``alignment``, plus where the document came from. ``sentences`` is
    ``[{"start", "end", "text", "tokens": [[start, end, text, kind], ...], ["norms"]}]``,
    where ``norms`` (only in a sentence with repaired tokens) is ``[[i, norm], ...]``: the
    clean form of the sentence's ``i``-th token where it differs from the surface
    ``text``. Without the ``sentences`` step the record has a flat ``tokens`` list (and
    ``norms`` indexing it) instead; without ``tokens`` the sentences carry no tokens.
    ``entities`` is ``[{"start", "end", "label", "text"}]`` (empty unless the ``ner`` step
    runs). With ``clean_forms`` every token also gets its clean form as a 5th item (and
    there are no ``norms``).

    >>> rec = analyse("Мемлекеттiк тіл.", steps=["normalize", "sentences", "tokens"])
    >>> rec["sentences"][0]["tokens"][0], rec["sentences"][0]["norms"]
    ([0, 11, 'Мемлекеттiк', 'word'], [[0, 'Мемлекеттік']])
    >>> analyse("Мемлекеттiк тіл.", steps=["normalize", "tokens"], clean_forms=True)["tokens"][0]
    [0, 11, 'Мемлекеттiк', 'word', 'Мемлекеттік']
    """
    from ..pipeline import process

    steps = parse_steps(steps)
    if "ner" in steps:
        _ner_function()  # a clear error when the NER layer cannot be imported
    doc = process(text, steps=steps)
    want_tokens = "tokens" in steps or "words" in steps
    rec: dict[str, Any] = {"id": doc_id, "source": source}
    if line is not None:
        rec["line"] = line
    if meta:
        rec["meta"] = meta
    rec["text"] = text
    sentences: list[dict[str, Any]]
    if clean_forms:
        sentences = [{"start": s.start, "end": s.end, "text": s.text,
                      "tokens": [[t[0], t[1], t[2], t[3], t.norm] for t in s.tokens]} for s in doc.sentences]
    else:
        sentences = doc.to_dict()["sentences"]
    if not want_tokens:
        for s in sentences:
            del s["tokens"]
    if "sentences" in steps:
        rec["sentences"] = sentences
    else:
        rec["tokens"] = [t for s in sentences for t in s.get("tokens", ())]
        flat = [[n, t.norm] for n, t in enumerate(doc.tokens) if t.norm != t[2]]
        if flat and not clean_forms:
            rec["norms"] = flat
    rec["entities"] = [{"start": e.start, "end": e.end, "label": e.label, "text": e.text} for e in doc.entities]
    return rec
