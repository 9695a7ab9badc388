"""Light immutable records for everything kaznlp finds in text.

All offsets are character offsets into the string the caller passed in, so
``text[span.start:span.end] == span.text`` always holds for the caller's text.
The records are ``NamedTuple`` subclasses: immutable, compact, fast to create
by the million and cheap to unpack (``start, end, text = span``).

A token also has a clean form, ``norm``: what it reads after normalization and
de-hyphenation (``"инновацияларды"`` for the caller's ``"инно\\nвацияларды"``).
It equals ``text`` unless :func:`kaznlp.process` repaired the token.

>>> from kaznlp.spans import Span
>>> s = Span(0, 9, "Қазақстан")
>>> s.text, len(s.text)
('Қазақстан', 9)
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from .alignment import Alignment

__all__ = ["Span", "Token", "Entity", "Sentence", "Document", "make_token", "make_tokens"]


class Span(NamedTuple):
    """A stretch of the caller's text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


class Token(NamedTuple):
    """One token; ``kind`` says which rule matched it; ``norm`` is its clean form.

    Kinds: ``word``, ``number`` (``80-нен``, ``2,5``, ``63%-ы``), ``abbr``
    (``т.б.``, ``млн.``, an initial ``А.``), ``url``, ``email``, ``domain``
    (``Egemen.kz``), ``punct``, ``symbol``.

    A token is the four-field tuple ``(start, end, text, kind)`` (so
    ``start, end, text, kind = tok`` always works); ``norm`` is an attribute
    beside them. It is ``text`` itself unless :func:`kaznlp.process` repaired
    the token, in which case the token is made by :func:`make_token` and
    carries its own ``norm``:

    >>> Token(0, 6, "Астана").norm
    'Астана'
    >>> t = make_token(0, 12, "мемлекеттiк", "word", "мемлекеттік")  # a Latin "i" inside
    >>> t.text == "мемлекеттiк", t.norm, t.norm == t.text
    (True, 'мемлекеттік', False)
    >>> start, end, text, kind = t
    """

    start: int
    end: int
    text: str
    kind: str = "word"

    @property
    def norm(self) -> str:
        """The clean form (after normalization and de-hyphenation); here the same as ``text``."""
        return self[2]


class _NormToken(Token):
    """A :class:`Token` whose clean form differs from its surface (made by :func:`make_token`).

    Still the four-field tuple; ``norm`` lives in the instance's ``__dict__``, so only
    repaired tokens pay for it. Equality and ``repr`` include ``norm``.
    """

    norm = ""  # (shadows Token.norm; every instance sets its own)

    def __repr__(self) -> str:
        return (f"Token(start={self[0]!r}, end={self[1]!r}, text={self[2]!r}, kind={self[3]!r}, "
                f"norm={self.norm!r})")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Token):
            return tuple.__eq__(self, other) and self.norm == other.norm
        return tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = tuple.__hash__

    def _replace(self, **kwargs: Any) -> Token:  # type: ignore[override]
        norm = kwargs.pop("norm", self.norm)
        t = Token._replace(self, **kwargs)
        return make_token(t[0], t[1], t[2], t[3], norm)

    def __reduce__(self) -> tuple[Any, ...]:
        return make_token, (self[0], self[1], self[2], self[3], self.norm)

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return self.__reduce__()


def make_token(start: int, end: int, text: str, kind: str = "word", norm: str | None = None) -> Token:
    """A :class:`Token` with clean form ``norm`` (``None`` or equal to ``text``: a plain token).

    >>> make_token(0, 6, "Астана", "word", "Астана") == Token(0, 6, "Астана")
    True
    """
    if norm is None or norm == text:
        return tuple.__new__(Token, (start, end, text, kind))
    tok = tuple.__new__(_NormToken, (start, end, text, kind))
    tok.__dict__["norm"] = norm
    return tok


def make_tokens(starts: Iterable[int], ends: Iterable[int], texts: Iterable[str], kinds: Iterable[str]) -> list[Token]:
    """Plain :class:`Token` records from four parallel columns, built in C (no Python code per
    token): how :func:`kaznlp.tokenize` and :func:`kaznlp.process` make their records from
    :func:`kaznlp.tokenize.token_columns`.

    >>> make_tokens([0, 7], [6, 11], ["Алматы", "қала"], ["word", "word"])
    [Token(start=0, end=6, text='Алматы', kind='word'), Token(start=7, end=11, text='қала', kind='word')]
    """
    return list(map(tuple.__new__, repeat(Token), zip(starts, ends, texts, kinds)))


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


_TOKENS_OF = itemgetter(3)  # a Sentence's tokens


def _alignment_to_dict(al: Alignment) -> dict[str, Any]:
    return {"src_len": al.src_len, "dst_len": al.dst_len, "runs": [list(r) for r in al.runs]}


def _token_rows(tokens: Any) -> tuple[list[list[Any]], list[list[Any]]]:
    """``[start, end, text, kind]`` rows, and ``[index, norm]`` for the tokens whose clean form differs."""
    rows = [[t[0], t[1], t[2], t[3]] for t in tokens]
    norms = [[i, t.norm] for i, t in enumerate(tokens) if type(t) is not Token and t.norm != t[2]]
    return rows, norms


def _sentence_dict(s: Sentence) -> dict[str, Any]:
    rows, norms = _token_rows(s.tokens)
    out: dict[str, Any] = {"start": s.start, "end": s.end, "text": s.text, "tokens": rows}
    if norms:
        out["norms"] = norms
    return out


@dataclass(frozen=True)
class Document:
    """Result of :func:`kaznlp.process`: the caller's text and everything found in it.

    - ``text``: exactly the string the caller passed; every offset points into it;
    - ``clean_text``: the text after normalization and de-hyphenation (what the
      segmenters read); ``text`` itself when nothing was repaired;
    - ``alignment``: the :class:`~kaznlp.alignment.Alignment` from ``text`` to
      ``clean_text`` (an identity when no character was inserted or deleted);
    - ``sentences``: :class:`Sentence` records, each with its :class:`Token` s;
    - ``tokens``: all tokens in text order; ``token.norm`` is the clean form;
    - ``entities``: :class:`Entity` records (filled by ``process(text, ner=True)``).

    ``to_dict()`` / ``from_dict()`` round-trip everything, the alignment included. A document
    from :func:`kaznlp.process` makes its sentence and token records at the first read of
    ``sentences`` or ``tokens`` (until then it keeps the token columns): a caller who never
    reads them pays for no record.

    >>> import kaznlp
    >>> doc = kaznlp.process("Премьер- Министр келді.")
    >>> [(t.text, t.norm) for t in doc.tokens][0]
    ('Премьер- Министр', 'Премьер-Министр')
    >>> Document.from_dict(doc.to_dict()) == doc
    True
    """

    text: str
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    clean_text: str = None  # type: ignore[assignment]  # None: the same as ``text``
    alignment: Alignment = None  # type: ignore[assignment]  # None: the identity

    def __post_init__(self) -> None:
        if self.clean_text is None:
            object.__setattr__(self, "clean_text", self.text)
        if self.alignment is None:
            if len(self.clean_text) != len(self.text):
                raise ValueError("Document: clean_text differs in length from text, so an alignment is needed")
            n = len(self.text)
            object.__setattr__(self, "alignment", Alignment._trusted(n, n, [0] if n else [], [0] if n else [], [n] if n else []))
        elif (self.alignment.src_len, self.alignment.dst_len) != (len(self.text), len(self.clean_text)):
            raise ValueError(
                f"Document: the alignment maps {self.alignment.src_len} to {self.alignment.dst_len} characters, "
                f"but text has {len(self.text)} and clean_text {len(self.clean_text)}")

    @classmethod
    def _trusted(cls, text: str, sentences: list[Sentence] | Callable[[], list[Sentence]], clean_text: str,
                 alignment: Alignment | None, entities: list[Entity] | None = None) -> Document:
        """Build without checks (the pipeline's records are consistent by construction).

        ``sentences`` may be a function that makes them: it is called once, at the first read of
        ``doc.sentences`` (or ``tokens``, ``to_dict()``, ``==``, ...), so a document whose tokens
        are never read costs no token records (:func:`kaznlp.process` keeps its token columns so)."""
        self = object.__new__(cls)
        if alignment is None:
            n = len(text)
            alignment = Alignment._trusted(n, n, [0] if n else [], [0] if n else [], [n] if n else [])
        self.__dict__.update(text=text, entities=[] if entities is None else entities,
                             clean_text=clean_text, alignment=alignment)
        if callable(sentences):
            self.__dict__["_make_sentences"] = sentences
        else:
            self.__dict__["sentences"] = sentences
        return self

    def _sentence_maker(self) -> list[Sentence] | Callable[[], list[Sentence]]:
        """What :meth:`_trusted` takes to give a copy of this document the same sentences, made or not."""
        return self.__dict__.get("_make_sentences") or self.sentences

    @property
    def tokens(self) -> list[Token]:
        """All tokens of all sentences, in text order (a new list at each read).

        The list (and, at the first read, the records) is made with Python's cyclic collector
        paused, as :func:`kaznlp.tokenize` makes its list: a collection started in the middle would
        walk every record just made, which form no cycles (6 % of ``process(text).tokens`` on
        news). The collector is switched back on at once, also on an error."""
        if not gc.isenabled():
            return list(chain.from_iterable(map(_TOKENS_OF, self.sentences)))  # (in C: no Python code per token)
        gc.disable()
        try:
            return list(chain.from_iterable(map(_TOKENS_OF, self.sentences)))
        finally:
            gc.enable()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict.

        ``{"text", ["clean_text",] ["alignment",] "sentences": [{start, end, text, tokens, [norms]}],
        "entities"}``: ``clean_text`` only when it differs from ``text``; ``alignment``
        (``{"src_len", "dst_len", "runs": [[src_start, dst_start, length], ...]}``) only when it
        is not the identity. A token is ``[start, end, text, kind]`` (``text`` is the caller's
        surface); a sentence with repaired tokens has ``norms``: ``[[i, norm], ...]``, the
        clean form of its ``i``-th token, only where it differs from ``text`` (so
        ``start, end, text, kind = row`` always works). An entity is ``{start, end, label, text}``.
        """
        out: dict[str, Any] = {"text": self.text}
        if self.clean_text != self.text:
            out["clean_text"] = self.clean_text
        if not self.alignment.is_identity:
            out["alignment"] = _alignment_to_dict(self.alignment)
        out["sentences"] = [_sentence_dict(s) for s in self.sentences]
        out["entities"] = [e._asdict() for e in self.entities]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a :class:`Document` from :meth:`to_dict` output (or a ``kaznlp process`` record).

        Every span is checked against ``text``: a record whose offsets do not
        point at its own text raises :class:`ValueError`. A record written without the
        ``sentences`` step (a flat ``tokens`` list) becomes one sentence over the whole text.
        """
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ValueError("Document.from_dict() needs a dict with a 'text' string")
        text = data["text"]

        def span_text(start: Any, end: Any, given: Any, what: str) -> str:
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
                raise ValueError(f"Document.from_dict(): {what} [{start!r}, {end!r}] is outside the text "
                                 f"of {len(text)} characters")
            got = text[start:end]
            if given is not None and given != got:
                raise ValueError(f"Document.from_dict(): {what} says {given!r} but text[{start}:{end}] is {got!r}")
            return got

        try:
            return cls._from_dict(data, text, span_text)
        except (KeyError, IndexError, TypeError) as exc:
            raise ValueError(f"Document.from_dict(): not a Document.to_dict() record ({type(exc).__name__}: {exc})") \
                from None

    @classmethod
    def _from_dict(cls, data: dict[str, Any], text: str, span_text: Any) -> Document:
        sentences = []
        groups = data.get("sentences")
        if groups is None and data.get("tokens"):  # a record without the sentences step: one stretch
            groups = [{"start": 0, "end": len(text), "tokens": data["tokens"], "norms": data.get("norms")}]
        for s in groups or ():
            s_text = span_text(s["start"], s["end"], s.get("text"), "a sentence")
            toks = []
            norms = dict(s.get("norms") or ())
            for i, row in enumerate(s.get("tokens") or ()):
                t_text = span_text(row[0], row[1], row[2] if len(row) > 2 else None, "a token")
                norm = norms.get(i, row[4] if len(row) > 4 else None)  # (a 5th item: analyse(clean_forms=True))
                toks.append(make_token(row[0], row[1], t_text, row[3] if len(row) > 3 else "word", norm))
            sentences.append(Sentence(s["start"], s["end"], s_text, tuple(toks)))
        entities = [Entity(e["start"], e["end"], e["label"], span_text(e["start"], e["end"], e.get("text"), "an entity"))
                    for e in data.get("entities") or ()]
        al = data.get("alignment")
        alignment = None if al is None else Alignment.from_runs(al["src_len"], al["dst_len"],
                                                                [tuple(r) for r in al["runs"]])
        return cls(text=text, sentences=sentences, entities=entities, clean_text=data.get("clean_text", text),
                   alignment=alignment)  # type: ignore[arg-type]  # None: the identity (see __post_init__)


class _MadeAtFirstRead:
    """``Document.sentences`` of a document made by :func:`kaznlp.process`, whose records are made
    at the first read (see :meth:`Document._trusted`). A non-data descriptor: once made, the
    sentences sit in the instance's ``__dict__`` and every later read finds them there directly."""

    def __get__(self, doc: Document | None, owner: type | None = None) -> list[Sentence]:
        if doc is None:
            raise AttributeError("type object 'Document' has no attribute 'sentences'")
        d = doc.__dict__
        make = d.get("_make_sentences")
        if make is None:  # (only a document built around __init__ lacks both)
            raise AttributeError("'Document' object has no attribute 'sentences'")
        sentences = d["sentences"] = make()
        d.pop("_make_sentences", None)
        return sentences


# (set after the dataclass is made: its __init__ stores the sentences in the instance as before)
setattr(Document, "sentences", _MadeAtFirstRead())  # noqa: B010
