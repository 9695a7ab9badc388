"""spaCy integration: a Kazakh ``Language`` ("kk"), kaznlp's tokenizer and pipeline factories.

After ``pip install kaznlp`` spaCy finds this module through its entry points, so
``spacy.blank("kk")`` works with no import:

>>> import spacy
>>> nlp = spacy.blank("kk")
>>> [t.text for t in nlp("ҚР-ның 63%-ы, т.б.")]
['ҚР-ның', '63%-ы', ',', 'т.б.']

What is registered (importing this module registers the same names, so it also
works from a source checkout):

- language ``kk`` → :class:`Kazakh`, whose tokenizer is :class:`KazakhTokenizer`
  (``kaznlp.tokenize``: UD Kazakh conventions, Kazakh letters ә ғ қ ң ө ұ ү һ і);
- tokenizer ``kaznlp.Tokenizer.v1`` in ``registry.tokenizers`` (usable from any config);
- factory ``kaznlp_sentencizer``: sentence boundaries from ``kaznlp.split_sentences``;
- factory ``kaznlp_normalizer``: repairs the text (``kaznlp.normalize``, optionally
  ``kaznlp.dehyphenate``), re-tokenizes it and keeps the caller's text and the
  alignment on the ``Doc``, so ``doc._.source_ents`` reports entities in the caller's
  offsets;
- ``kaznlp.normalize.v1`` / ``kaznlp.dehyphenate.v1`` in ``registry.misc`` (text
  functions for configs).

The bundled model's component ``kaznlp_ner`` is registered by :mod:`kaznlp.ner.tagger`
(found by spaCy through the same entry points); this module does not import the NER code,
which builds on it.

The ``Doc`` extensions ``doc._.source_text``, ``doc._.source_alignment`` and
``doc._.source_ents``, and ``span._.source_span`` are available on every ``Doc``;
without the normalizer they are the identity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.language import BaseDefaults, Language
from spacy.lang.lex_attrs import LEX_ATTRS
from spacy.attrs import PREFIX, SENT_START
from spacy.tokens import Doc, Span, Token as SpacyToken
from spacy.util import load_config_from_str, registry
from spacy.vocab import Vocab

from .alignment import Alignment
from .pipeline import repair
from .sentences import split_sentences
from .spacy_layout import sentence_flags, words_and_spaces
from .spans import Entity
from .tokenize import tokenize as _kaznlp_tokenize

__all__ = [
    "Kazakh",
    "KazakhDefaults",
    "KazakhTokenizer",
    "create_tokenizer",
    "make_doc",
    "KazakhSentencizer",
    "KazakhNormalizer",
    "make_sentencizer",
    "make_normalizer",
    "source_entities",
    "sentence_starts",
]

_SURROGATE = re.compile("[\ud800-\udfff]")
_USER_KEY = "kaznlp_source"  # doc.user_data[_USER_KEY] = (text, src_len, dst_len, runs)


# -- tokenizer ---------------------------------------------------------------------
def make_doc(vocab: Vocab, text: str, multiword: bool = False, *,
             tokens: Iterable[tuple[int, int]] | None = None, sentences: Iterable[int] | None = None,
             norms: Iterable[tuple[int, str]] = ()) -> Doc:
    """Tokenize ``text`` with ``kaznlp.tokenize`` into a spaCy ``Doc`` whose ``doc.text == text``.

    Words are never joined into multiword tokens unless ``multiword=True``
    (UD Kazakh-KTB's "болған жоқ" as one token; see :func:`kaznlp.tokenize`).

    Whitespace other than one plain space between tokens becomes a whitespace token,
    as spaCy's own tokenizer does (:mod:`kaznlp.spacy_layout`), so character offsets
    (``token.idx``, ``span.start_char``) are offsets into ``text``.

    Args:
        tokens: ``(start, end)`` offsets into ``text`` to use as the tokens instead of
            tokenizing it (the tokens of a :func:`kaznlp.process` result or a corpus record,
            found in the repaired text and mapped back).
        sentences: the index in ``tokens`` of each sentence's first token: the sentence
            starts are set (whitespace before the first sentence belongs to it).
        norms: ``(index in tokens, clean form)``: set as ``token.norm_``.

    >>> from spacy.vocab import Vocab
    >>> doc = make_doc(Vocab(), "Астана  қаласы")
    >>> [t.text for t in doc], doc.text == "Астана  қаласы"
    (['Астана', ' ', 'қаласы'], True)
    >>> doc = make_doc(Vocab(), "Премьер- Министр келді.", tokens=[(0, 16), (17, 22), (22, 23)], sentences=[0],
    ...                norms=[(0, "Премьер-Министр")])
    >>> [t.text for t in doc], doc[0].norm_, [s.text for s in doc.sents]
    (['Премьер- Министр', 'келді', '.'], 'Премьер-Министр', ['Премьер- Министр келді.'])
    """
    if not isinstance(text, str):
        raise TypeError(f"kaznlp's spaCy tokenizer expects str, got {type(text).__name__}")
    bad = _SURROGATE.search(text)
    if bad:  # spaCy keeps every string as UTF-8 and would fail deep in its string store
        raise ValueError(f"kaznlp's spaCy tokenizer: the text has a lone surrogate {bad.group()!r} at character "
                         f"{bad.start()}, which has no UTF-8 form and cannot be in a spaCy Doc; fix the decoding "
                         "(kaznlp.process and kaznlp.ner accept such text)")
    if tokens is None:
        tokens = [(t[0], t[1]) for t in _kaznlp_tokenize(text, multiword=multiword)]
    words, spaces, _, index = words_and_spaces(text, tokens)
    if sentences is None:
        doc = Doc(vocab, words=words, spaces=spaces)
    else:
        # all sentence starts in one go: setting Token.is_sent_start one token at a time
        # re-checks the whole Doc's annotation each time (quadratic on long documents)
        starts = sentence_flags(len(words), (index[k] for k in sentences))
        doc = Doc(vocab, words=words, spaces=spaces, sent_starts=[1 if st else -1 for st in starts])
    for k, norm in norms:
        doc[index[k]].norm_ = norm
    return doc


class _Stateless:
    """Shared by kaznlp's spaCy pieces: no state of their own (the rules live in kaznlp),
    so serialization is a no-op, and ``pipe`` calls the piece on each item."""

    def pipe(self, items: Iterable[Any], batch_size: int = 128) -> Iterator[Doc]:
        for item in items:
            yield self(item)  # type: ignore[operator]

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> Any:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> Any:
        return self


class KazakhTokenizer(_Stateless):
    """spaCy tokenizer that runs :func:`kaznlp.tokenize` (UD Kazakh-KTB conventions).

    Words are not joined unless ``multiword=True``: KTB's analytic verb forms
    ("келген жоқ") are then one token, as :func:`kaznlp.tokenize` gives by default.
    The bundled NER model was trained without multiword tokens (KazNERD has none).

    It has no state of its own, so serialization is a no-op and it pickles (which
    ``nlp.pipe(texts, n_process=2)`` needs).

    >>> from spacy.vocab import Vocab
    >>> tok = KazakhTokenizer(Vocab())
    >>> [t.text for t in tok("Қасым-Жомарт Тоқаев 80-нен астам елге барды.")]
    ['Қасым-Жомарт', 'Тоқаев', '80-нен', 'астам', 'елге', 'барды', '.']
    """

    def __init__(self, vocab: Vocab, multiword: bool = False) -> None:
        self.vocab = vocab
        self.multiword = multiword

    def __call__(self, text: str) -> Doc:
        return make_doc(self.vocab, text, self.multiword)

    def __reduce__(self) -> tuple[Any, ...]:
        return (KazakhTokenizer, (self.vocab, self.multiword))


@registry.tokenizers("kaznlp.Tokenizer.v1")
def create_tokenizer(multiword: bool = False) -> Callable[[Language], KazakhTokenizer]:
    """Config entry ``[nlp.tokenizer] @tokenizers = "kaznlp.Tokenizer.v1"``.

    Add ``multiword = true`` under it for KTB's one-token analytic verb forms ("болған жоқ").
    """

    def kazakh_tokenizer_factory(nlp: Language) -> KazakhTokenizer:
        return KazakhTokenizer(nlp.vocab, multiword)

    return kazakh_tokenizer_factory


@registry.misc("kaznlp.normalize.v1")
def _registered_normalize() -> Callable[[str], str]:
    from .normalize import normalize

    return normalize


@registry.misc("kaznlp.dehyphenate.v1")
def _registered_dehyphenate() -> Callable[[str], str]:
    from .dehyphenate import dehyphenate

    return dehyphenate


# -- language --------------------------------------------------------------------
DEFAULT_CONFIG = """
[nlp]

[nlp.tokenizer]
@tokenizers = "kaznlp.Tokenizer.v1"
"""


def _prefix(string: str) -> str:
    # Kazakh is agglutinative: the first five letters stand in for the stem, so
    # "Астанада", "Астанаға", "Астананың" share the PREFIX feature the models embed.
    return string[:5]


class KazakhDefaults(BaseDefaults):
    """Defaults of :class:`Kazakh`: kaznlp's tokenizer and a stem-like 5-letter ``PREFIX``."""

    config = load_config_from_str(DEFAULT_CONFIG)
    lex_attr_getters = {**LEX_ATTRS, PREFIX: _prefix}
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


@registry.languages("kk")
class Kazakh(Language):
    """The Kazakh language class (``spacy.blank("kk")``).

    >>> nlp = Kazakh()
    >>> [t.text for t in nlp("Мемлекеттік тіл туралы заң, т.б.")]
    ['Мемлекеттік', 'тіл', 'туралы', 'заң', ',', 'т.б.']
    """

    lang = "kk"
    Defaults = KazakhDefaults


# -- Doc extensions: the caller's text and offsets -----------------------------------
def _alignment(doc: Doc) -> Alignment | None:
    data = doc.user_data.get(_USER_KEY)
    if data is None:
        return None
    _, src_len, dst_len, runs = data
    return Alignment(src_len, dst_len, [tuple(r) for r in runs])


def _source_text(doc: Doc) -> str:
    data = doc.user_data.get(_USER_KEY)
    return doc.text if data is None else data[0]


def _span_source(span: Span | SpacyToken) -> tuple[int, int]:
    if isinstance(span, SpacyToken):
        doc, start, end = span.doc, span.idx, span.idx + len(span.text)
    else:
        doc, start, end = span.doc, span.start_char, span.end_char
    alignment = _alignment(doc)
    return (start, end) if alignment is None else alignment.span_to_src(start, end)


def source_entities(doc: Doc) -> list[Entity]:
    """``doc.ents`` as :class:`~kaznlp.spans.Entity` records in the caller's offsets.

    With the ``kaznlp_normalizer`` component the offsets point into the text given
    to ``nlp(...)``, not into the repaired ``doc.text``.
    """
    text = _source_text(doc)
    alignment = _alignment(doc)
    out = []
    for ent in doc.ents:
        s, e = (ent.start_char, ent.end_char) if alignment is None else alignment.span_to_src(ent.start_char, ent.end_char)
        out.append(Entity(s, e, ent.label_, text[s:e]))
    return out


for _name, _kw in (
    ("source_text", {"getter": _source_text}),
    ("source_alignment", {"getter": _alignment}),
    ("source_ents", {"getter": source_entities}),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, **_kw)
if not Span.has_extension("source_span"):
    Span.set_extension("source_span", getter=_span_source)
if not SpacyToken.has_extension("source_span"):
    SpacyToken.set_extension("source_span", getter=_span_source)


# -- components ------------------------------------------------------------------
class KazakhSentencizer(_Stateless):
    """Sets sentence starts from :func:`kaznlp.split_sentences` (abbreviations, initials, quotes)."""

    def __init__(self, nlp: Language | None = None, name: str = "kaznlp_sentencizer") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        doc.from_array([SENT_START], sentence_starts(doc, (s.start for s in split_sentences(doc.text))))
        return doc


def sentence_starts(doc: Doc, char_starts: Iterable[int]) -> Any:
    """``SENT_START`` values (1 start, -1 not) for ``doc`` from sentence start offsets.

    A sentence starts at the first non-whitespace token at or after its start
    offset (an offset inside whitespace or inside a token moves to the next
    word); whitespace never starts a sentence, and whitespace before the first
    word belongs to the first sentence, so there is no whitespace-only sentence
    ("  Абай — ақын. Ол ..." has two sentences, the first with the leading spaces).
    All starts are set with one array operation: setting ``Token.is_sent_start``
    token by token re-checks the whole ``Doc`` each time, quadratic on long texts.

    >>> from spacy.vocab import Vocab
    >>> doc = make_doc(Vocab(), " Абай — ақын. Ол Семейде оқыды.")
    >>> [t.text for t in doc][:6]
    [' ', 'Абай', '—', 'ақын', '.', 'Ол']
    >>> sentence_starts(doc, [1, 14]).astype("int64").tolist()
    [1, -1, -1, -1, -1, 1, -1, -1, -1]
    """
    import numpy as np

    idx = doc.to_array("IDX").astype(np.int64)
    # whitespace tokens by their text (the IS_SPACE flag is unset in a bare Vocab), one test per distinct form
    orth = doc.to_array("ORTH")
    forms, inverse = np.unique(orth, return_inverse=True)
    space = np.array([doc.vocab.strings[int(f)].isspace() for f in forms], dtype=bool)[inverse]
    words = np.flatnonzero(~space)
    values: Any = np.full(len(doc), -1, dtype=np.int64)
    offsets = np.fromiter(char_starts, dtype=np.int64)
    if len(words) and len(offsets):
        at: Any = np.searchsorted(idx[words], offsets, side="left")  # first word at or after each offset
        values[words[at[at < len(words)]]] = 1
    if len(words):
        values[words[0]] = -1  # the first sentence starts at the Doc's first token, whitespace or not
    values[0] = 1
    return values.astype(np.uint64)


@Language.factory("kaznlp_sentencizer", assigns=["token.is_sent_start", "doc.sents"])
def make_sentencizer(nlp: Language, name: str) -> KazakhSentencizer:
    """``nlp.add_pipe("kaznlp_sentencizer")``: kaznlp's rule-based sentence splitter."""
    return KazakhSentencizer(nlp, name)


class KazakhNormalizer(_Stateless):
    """Repairs the text before the other components and keeps the caller's text on the ``Doc``.

    A spaCy ``Doc`` cannot change its text, so this component returns a *new* ``Doc``
    built from ``kaznlp.normalize(doc.text)`` (and ``kaznlp.dehyphenate`` when
    ``dehyphenate=True``), tokenized by kaznlp. ``doc._.source_text`` is the original,
    ``doc._.source_alignment`` maps between the two, and ``doc._.source_ents`` /
    ``span._.source_span`` give offsets into the original. Put it first.
    """

    def __init__(self, nlp: Language, name: str = "kaznlp_normalizer", dehyphenate: bool = False) -> None:
        self.vocab = nlp.vocab
        self.name = name
        self.dehyphenate = dehyphenate

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        clean, alignment = repair(text, dehyphenate=self.dehyphenate)  # the same step as kaznlp.process
        if clean == text:
            return doc
        new = make_doc(doc.vocab, clean)
        # plain lists so the Doc still serializes (msgpack) and crosses n_process pipes
        new.user_data[_USER_KEY] = (text, alignment.src_len, alignment.dst_len, [list(r) for r in alignment.runs])
        return new



@Language.factory("kaznlp_normalizer", default_config={"dehyphenate": False})
def make_normalizer(nlp: Language, name: str, dehyphenate: bool) -> KazakhNormalizer:
    """``nlp.add_pipe("kaznlp_normalizer", first=True)``: repair text, keep source offsets."""
    return KazakhNormalizer(nlp, name, dehyphenate)
