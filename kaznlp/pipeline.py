"""``kaznlp.process``: every step in order, every span in the caller's offsets.

normalize → dehyphenate → split sentences → tokenize. The text-changing steps
return an :class:`~kaznlp.alignment.Alignment` each; the pipeline composes them
and maps every sentence and token back, so ``doc.text[t.start:t.end] == t.text``
for the text the caller passed, whatever the repairs changed.
"""

from __future__ import annotations

from bisect import bisect_right

from ._gc import paused
from ._validate import check_choice, check_text
from .alignment import Alignment
from .sentences import split_sentences
from .spans import Document, Sentence, Token
from .tokenize import tokenize

__all__ = ["process", "STEPS"]

STEPS = ("normalize", "dehyphenate", "sentences", "tokens")


def _clean(text: str, normalize: bool, dehyphenate: bool) -> tuple[str, Alignment | None]:
    clean, alignment = text, None
    if normalize:
        from .normalize import normalize as _normalize

        clean, alignment = _normalize(clean, return_alignment=True)
    if dehyphenate:
        from .dehyphenate import dehyphenate as _dehyphenate

        clean, step = _dehyphenate(clean, return_alignment=True)
        alignment = step if alignment is None else alignment.compose(step)
    if alignment is not None and alignment.is_identity:
        alignment = None
    return clean, alignment


def _merge_into(out: list[list], spans: list[tuple[int, int, str]]) -> None:
    """Append ``(start, end, kind)`` source spans to ``out``, merging a span into the last one
    when they overlap, so that each source character is reported once.

    Two output tokens can come from one source character: NFC expands "\u0958" into
    "क" + nukta, which a tokenizer may split. Spans are merged as numbers and the text is
    sliced once at the end: when a whole text is one repaired stretch (every character
    changed by NFC or deleted, "\u2adc\u200c\u0958" repeated), all its tokens merge, and
    re-slicing the growing token at each merge was quadratic (1 MB: minutes).
    """
    for s, e, kind in spans:
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
        else:
            out.append([s, e, kind])


def _source_spans(tokens: list[Token], alignment: Alignment) -> list[tuple[int, int, str]]:
    """Source spans ``(start, end, kind)`` of tokens of the repaired text, in order."""
    spans = []
    for t in tokens:
        s, e = alignment.span_to_src(t.start, t.end)
        if e > s:  # a token of inserted characters only has no source text to point at
            spans.append((s, e, t.kind))
    return spans


def _to_source(tokens: list[Token], alignment: Alignment, text: str) -> list[Token]:
    """Tokens of the repaired text mapped onto the caller's ``text``."""
    new = tuple.__new__
    merged: list[list] = []
    _merge_into(merged, _source_spans(tokens, alignment))
    return [new(Token, (s, e, text[s:e], kind)) for s, e, kind in merged]


def process(
    text: str, *, normalize: bool = True, dehyphenate: bool = True, tokens: bool = True, multiword: bool = True
) -> Document:
    """Normalize, de-hyphenate, split and tokenize ``text``.

    Every offset in the result points into ``text`` itself (not into the repaired
    text, which is kept as ``doc.clean_text``). ``multiword`` is passed to
    :func:`kaznlp.tokenize` (``False``: no multiword tokens such as "келген жоқ").

    >>> text = "Мемлекетт\\u0069к тіл туралы заң қабылданды. А.Мерғалиев 63%-ы деді."
    >>> doc = process(text)             # "\\u0069" is a Latin "i" in a Cyrillic word
    >>> [s.text for s in doc.sentences] == [text[:38], text[39:]]
    True
    >>> doc.clean_text[:11]              # the letter repaired for analysis...
    'Мемлекеттік'
    >>> doc.sentences[0].tokens[0].text == text[:11]  # ...spans show the caller's own text
    True
    """
    check_text(text, "process")
    for name, value in (("normalize", normalize), ("dehyphenate", dehyphenate), ("tokens", tokens),
                        ("multiword", multiword)):
        check_choice(value, name, (True, False), "process")
    with paused(len(text)):
        return _process(text, normalize, dehyphenate, tokens, multiword)


def _process(text: str, normalize: bool, dehyphenate: bool, tokens: bool, multiword: bool) -> Document:
    clean, alignment = _clean(text, normalize, dehyphenate)
    sentence_spans = split_sentences(clean)
    token_list = tokenize(clean, multiword=multiword) if tokens else []
    starts = [s.start for s in sentence_spans]
    grouped: list[list[Token]] = [[] for _ in sentence_spans]
    for tok in token_list:
        i = bisect_right(starts, tok.start) - 1
        grouped[max(i, 0)].append(tok)

    new = tuple.__new__
    sentences = []
    same_text = clean == text
    if same_text or alignment is None:
        for span, toks in zip(sentence_spans, grouped):
            if same_text:
                sentences.append(new(Sentence, (span.start, span.end, span.text, tuple(toks))))
                continue
            # edits kept every offset ("i" → "і"): re-slice the caller's text
            mapped = [new(Token, (t.start, t.end, text[t.start:t.end], t.kind)) for t in toks]
            sentences.append(new(Sentence, (span.start, span.end, text[span.start:span.end], tuple(mapped))))
        return Document(text=text, sentences=sentences, clean_text=clean)
    # sentences as [start, end, token spans] in source offsets; a sentence whose source start
    # falls inside the previous one (a boundary inside one source character) joins it
    pending: list[list] = []
    for span, toks in zip(sentence_spans, grouped):
        s, e = alignment.span_to_src(span.start, span.end)
        spans = _source_spans(toks, alignment)
        if pending and s < pending[-1][1]:
            last = pending[-1]
            last[1] = max(last[1], e)
            _merge_into(last[2], spans)
            continue
        merged: list[list] = []
        _merge_into(merged, spans)
        pending.append([s, e, merged])
    for s, e, merged in pending:
        toks_out = tuple(new(Token, (ts, te, text[ts:te], kind)) for ts, te, kind in merged)
        sentences.append(new(Sentence, (s, e, text[s:e], toks_out)))
    return Document(text=text, sentences=sentences, clean_text=clean)
