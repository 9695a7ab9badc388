"""What a NER backend takes and gives: :class:`Chunk` and the :class:`Backend` protocol.

A backend takes chunks (a few whole sentences of repaired text, with the sentence spans
inside it) and returns, for each chunk, its entities as ``(start, end, label)`` character
offsets into ``chunk.text``. Any object with such an ``entities`` method can be passed as
``kaznlp.ner(text, backend=...)``.

>>> text = "Тоқаев Пекинге барды. Астанада жиын өтті."
>>> Chunk(0, text, ((0, 21), (22, 41))).sentences[1]
(22, 41)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol, runtime_checkable

__all__ = ["Backend", "Chunk", "check_chunks"]


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


def check_chunks(chunks: Any, owner: str) -> None:
    """Raise a ``TypeError`` unless ``chunks`` is a sequence of :class:`Chunk` records.

    ``SpacyBackend(nlp).entities("Тоқаев келді.")`` failed deep inside with
    ``'str' object has no attribute 'text'``; one bare ``Chunk`` (a tuple) likewise.

    >>> check_chunks([Chunk(0, "Тоқаев келді.", ((0, 13),))], "FastTagger")
    >>> check_chunks("Тоқаев келді.", "FastTagger")
    Traceback (most recent call last):
    ...
    TypeError: FastTagger.entities() expects a sequence of Chunk records, got str; pass [Chunk(0, text, ((0, len(text)),))] or call kaznlp.ner(text, backend)
    """
    if isinstance(chunks, (str, bytes, bytearray, Chunk)) or not isinstance(chunks, Sequence):
        raise TypeError(f"{owner}.entities() expects a sequence of Chunk records, got {type(chunks).__name__}; "
                        "pass [Chunk(0, text, ((0, len(text)),))] or call kaznlp.ner(text, backend)")
    for chunk in chunks:
        if not isinstance(chunk, Chunk):
            raise TypeError(f"{owner}.entities() expects Chunk records, got an item of type {type(chunk).__name__}")
