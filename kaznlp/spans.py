"""Light immutable records for everything kaznlp finds in text.

All offsets are character offsets into the string the caller passed in, so
``text[span.start:span.end] == span.text`` always holds for the caller's text.
The records are ``NamedTuple`` subclasses: immutable, compact, fast to create
by the million and cheap to unpack (``start, end, text = span``).

>>> from kaznlp.spans import Span
>>> s = Span(0, 9, "Қазақстан")
>>> s.text, len(s.text)
('Қазақстан', 9)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["Span", "Token", "Entity", "Sentence", "Document"]


class Span(NamedTuple):
    """A stretch of the caller's text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


class Token(NamedTuple):
    """One token; ``kind`` says which rule matched it.

    Kinds: ``word``, ``number`` (``80-нен``, ``2,5``, ``63%-ы``), ``abbr``
    (``т.б.``, ``млн.``, an initial ``А.``), ``url``, ``email``, ``domain``
    (``Egemen.kz``), ``punct``, ``symbol``.
    """

    start: int
    end: int
    text: str
    kind: str = "word"


class Entity(NamedTuple):
    """A named entity, e.g. ``Entity(0, 9, "GPE", "Қазақстан")``."""

    start: int
    end: int
    label: str
    text: str


class Sentence(NamedTuple):
    """A sentence span with its tokens (all offsets into the caller's text)."""

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True)
class Document:
    """Result of :func:`kaznlp.process`: the caller's text and what was found in it.

    ``text`` is exactly the string the caller passed; every offset points into it.
    ``clean_text`` is the text after normalization and de-hyphenation (what the
    segmenters actually read).
    """

    text: str
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    clean_text: str | None = None

    @property
    def tokens(self) -> list[Token]:
        """All tokens of all sentences, in text order."""
        return [tok for sent in self.sentences for tok in sent.tokens]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: ``{"text", "sentences": [{start, end, text, tokens}], "entities"}``."""
        return {
            "text": self.text,
            "sentences": [
                {
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                    "tokens": [[t.start, t.end, t.text, t.kind] for t in s.tokens],
                }
                for s in self.sentences
            ],
            "entities": [e._asdict() for e in self.entities],
        }
