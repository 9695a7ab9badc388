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
from typing import NamedTuple, Protocol, runtime_checkable

__all__ = ["Backend", "Chunk"]


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
