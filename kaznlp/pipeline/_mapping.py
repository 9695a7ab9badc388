"""How :func:`kaznlp.process` makes its :class:`~kaznlp.spans.Document`: the token columns and
sentence spans found in the repaired text, moved onto the caller's text, made into records once.

The mapping costs nothing when the repairs changed nothing, and one slice per token when they
only replaced characters one for one (``i`` → ``і``); tokens that lie inside one unchanged
stretch are shifted in C, not searched for (see docs/pipeline.md, "Speed").
"""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import partial
from itertools import islice, repeat
from operator import add, getitem, itemgetter, sub

from ..alignment import Alignment
from ..spans import Document, Sentence, Token, make_token, make_tokens
from ..tokenize import Columns

_new = tuple.__new__
_FIRST, _SECOND = itemgetter(0), itemgetter(1)


def _map_spans(spans: Sequence[tuple], alignment: Alignment) -> list[list]:
    """Source spans ``[start, end, clean_start, clean_end, item]`` of clean-text spans, in order:
    shifted inside a copy run of the alignment, else :meth:`Alignment.span_to_src`; merged and
    dropped as in :func:`_map_columns_merging`."""
    xs, ys, ns = alignment._xs, alignment._ys, alignment._ns
    span_to_src = alignment.span_to_src
    out: list[list] = []
    last = None
    for item in spans:
        a, b = item[0], item[1]
        k = bisect_right(ys, a) - 1
        if k >= 0 and b <= ys[k] + ns[k] and b > a:
            s = xs[k] + a - ys[k]
            e = s + b - a
        else:
            s, e = span_to_src(a, b)
            if e <= s:
                continue  # inserted characters only: nothing in the caller's text to point at
        if last is not None and s < last[1]:
            if e > last[1]:
                last[1] = e
            last[3] = b
            continue
        last = [s, e, a, b, item]
        out.append(last)
    return out


def _map_sentences(spans: list[tuple[int, int, str]], alignment: Alignment, text: str
                   ) -> tuple[list[int], list[int], list[str]]:
    """The sentences of the clean text (``(start, end, text)``, in order) as three columns in ``text``:
    source starts, ends and texts; what :func:`_map_spans` gives, made in bulk.

    The sentences of one copy run are shifted together (in C), the others mapped with
    :meth:`Alignment.span_to_src`; an overlapping or empty sentence (never made by the splitter;
    checked) sends the document through :func:`_map_spans`.
    """
    starts = list(map(_FIRST, spans))
    ends = list(map(_SECOND, spans))
    n = len(starts)
    if not n or min(map(sub, ends, starts)) <= 0:
        return _columns_of(_map_spans(spans, alignment), text)
    xs, ys, ns = alignment._xs, alignment._ys, alignment._ns
    span_to_src = alignment.span_to_src
    o_s: list[int] = []
    o_e: list[int] = []
    last_e = -1  # the source end of the sentence before
    i = 0
    while i < n:
        a, b = starts[i], ends[i]
        k = bisect_right(ys, a) - 1
        if k >= 0 and b <= (run_end := ys[k] + ns[k]):
            j = bisect_right(ends, run_end, i + 1, n)
            d = xs[k] - ys[k]
            if a + d < last_e:
                return _columns_of(_map_spans(spans, alignment), text)
            o_s += map(add, starts[i:j], repeat(d))
            o_e += map(add, ends[i:j], repeat(d))
            last_e = o_e[-1]
            i = j
            continue
        s, e = span_to_src(a, b)
        if e <= s or s < last_e:
            return _columns_of(_map_spans(spans, alignment), text)
        o_s.append(s)
        o_e.append(e)
        last_e = e
        i += 1
    return o_s, o_e, list(map(text.__getitem__, map(slice, o_s, o_e)))


def _columns_of(mapped: list[list], text: str) -> tuple[list[int], list[int], list[str]]:
    """The columns (starts, ends, texts) of :func:`_map_spans`' spans."""
    o_s = [m[0] for m in mapped]
    o_e = [m[1] for m in mapped]
    return o_s, o_e, [text[s:e] for s, e in zip(o_s, o_e)]


def _extend_shifted(o_s: list[int], o_e: list[int], starts: list[int], texts: list[str], i: int, j: int,
                    d: int) -> None:
    """Append the offsets of tokens ``i:j`` shifted by ``d``, each end its shifted start plus the
    length of its surface (in C: no Python code per token)."""
    m = len(o_s)
    if d:
        o_s += map(add, starts[i:j], repeat(d))
    else:
        o_s += starts[i:j]
    o_e += map(add, o_s[m:], map(len, texts[i:j]))


def _ends(cols: Columns) -> list[int]:
    """The ends column of ``cols``: its own, or each start plus its surface's length when it was
    left out (``token_columns(..., ends=False)``, as :func:`kaznlp.process` calls it)."""
    starts, ends, texts, _ = cols
    if len(ends) == len(starts):
        return ends
    return list(map(add, starts, map(len, texts)))


def _shift_run(cols: Columns, out: Columns, norms: list[tuple[int, str]], i: int, j: int, d: int,
               text: str, clean: str) -> None:
    """Append tokens ``i:j`` of the clean text, in one copy run of the alignment (unchanged text or
    characters replaced one for one, "i" → "і"), shifted by ``d``: copied in C when the caller's
    stretch equals the clean one, else halved until the tokens whose surface differs are found
    (they get the caller's surface; their clean form goes in ``norms``: output index, norm).
    """
    starts, _, texts, kinds = cols
    o_s, o_e, o_t, o_k = out
    lo, hi = starts[i], starts[j - 1] + len(texts[j - 1])
    if text[lo + d:hi + d] == clean[lo:hi]:
        _extend_shifted(o_s, o_e, starts, texts, i, j, d)
        o_t += texts[i:j]
        o_k += kinds[i:j]
        return
    if j - i > 32:
        mid = (i + j) // 2
        _shift_run(cols, out, norms, i, mid, d, text, clean)
        _shift_run(cols, out, norms, mid, j, d, text, clean)
        return
    for k in range(i, j):
        s, norm = starts[k] + d, texts[k]
        e = s + len(norm)
        surface = text[s:e]
        if surface != norm:
            norms.append((len(o_s), norm))
        o_s.append(s)
        o_e.append(e)
        o_t.append(surface)
        o_k.append(kinds[k])


def _surfaces(cols: Columns, i: int, j: int, d: int, text: str, clean: str, found: list[tuple[int, str]]) -> None:
    """Add to ``found`` ``(index, surface)`` for each of tokens ``i:j`` (in one copy run, shifted by
    ``d``) whose surface in the caller's text differs; found by halving, as :func:`_shift_run`."""
    starts, _, texts, _ = cols
    lo, hi = starts[i], starts[j - 1] + len(texts[j - 1])
    if text[lo + d:hi + d] == clean[lo:hi]:
        return
    if j - i > 32:
        mid = (i + j) // 2
        _surfaces(cols, i, mid, d, text, clean, found)
        _surfaces(cols, mid, j, d, text, clean, found)
        return
    for k in range(i, j):
        s, norm = starts[k] + d, texts[k]
        surface = text[s:s + len(norm)]
        if surface != norm:
            found.append((k, surface))


def _copy_run(xs: list[int], ys: list[int], ns: list[int], starts: list[int], texts: list[str], i: int,
              n: int) -> tuple[int, int] | None:
    """``(j, shift)`` when token ``i`` lies inside one copy run of the alignment: tokens ``i..j-1``
    all do, and their source offsets are theirs plus ``shift``; None when it crosses a repair.

    (The tokens do not overlap, so of those starting inside the run only the last may end after it.)"""
    start = starts[i]
    k = bisect_right(ys, start) - 1
    if k < 0:
        return None
    run_end = ys[k] + ns[k]
    if start + len(texts[i]) > run_end:
        return None
    j = bisect_left(starts, run_end, i + 1, n)
    if starts[j - 1] + len(texts[j - 1]) > run_end:
        j -= 1
    return j, xs[k] - ys[k]


def _map_columns(cols: Columns, alignment: Alignment | None, text: str, clean: str
                 ) -> tuple[Columns, list[tuple[int, str]]]:
    """Tokens of ``clean`` (columns) as tokens of ``text``: source offsets and the caller's surface,
    with ``[(index, norm)]`` for the tokens whose clean form differs from their surface.

    Tokens in one copy run of the alignment are shifted in bulk (in C), the others mapped with
    :meth:`Alignment.span_to_src`; only differing surfaces are replaced, in a copy. Two mapped
    tokens that overlap, or one that maps to nothing: :func:`_map_columns_merging` redoes it.
    """
    starts, _, texts, kinds = cols
    n = len(starts)
    found: list[tuple[int, str]] = []  # (index, the caller's surface) where it differs from the clean form
    if not n:
        return cols, []
    if alignment is None:  # one for one: the same offsets
        _surfaces(cols, 0, n, 0, text, clean, found)
        o_s, o_e = starts, _ends(cols)
    else:
        xs, ys, ns = alignment._xs, alignment._ys, alignment._ns
        span_to_src = alignment.span_to_src
        o_s, o_e = [], []
        after_mapped = False  # the token before was mapped with span_to_src (no copy run since)
        i = 0
        while i < n:
            run = _copy_run(xs, ys, ns, starts, texts, i, n)
            if run is not None:
                j, d = run
                _extend_shifted(o_s, o_e, starts, texts, i, j, d)
                _surfaces(cols, i, j, d, text, clean, found)
                after_mapped = False
                i = j
                continue
            s, e = span_to_src(starts[i], starts[i] + len(texts[i]))
            if e <= s or after_mapped and s < o_e[-1]:  # (a token dropped or two merged: rare)
                return _map_columns_merging(cols, alignment, text, clean)
            surface = text[s:e]
            if surface != texts[i]:
                found.append((i, surface))
            o_s.append(s)
            o_e.append(e)
            after_mapped = True
            i += 1
    if not found:
        return (o_s, o_e, texts, kinds), []
    texts = texts[:]
    norms = []
    for k, surface in found:
        norms.append((k, texts[k]))
        texts[k] = surface
    return (o_s, o_e, texts, kinds), norms


def _map_columns_merging(cols: Columns, alignment: Alignment, text: str, clean: str
                         ) -> tuple[Columns, list[tuple[int, str]]]:
    """:func:`_map_columns` where tokens merge: two tokens whose source spans overlap (one repaired
    source character made two: NFC turns "\u0958" into "क" + nukta) become one, a token of inserted
    characters only is dropped. Merged spans stay numbers, sliced once (re-slicing at each merge was
    quadratic: 1 MB of "\u2adc\u200c\u0958" took minutes)."""
    out: Columns = ([], [], [], [])
    norms: list[tuple[int, str]] = []
    starts, _, texts, kinds = cols
    n = len(starts)
    if not n:
        return out, norms
    xs, ys, ns = alignment._xs, alignment._ys, alignment._ns
    span_to_src = alignment.span_to_src
    o_s, o_e, o_t, o_k = out
    pend: list | None = None  # a mapped token not yet added: [s, e, a, b, kind]

    def flush(p: list) -> None:
        s, e, a, b, kind = p
        surface, norm = text[s:e], clean[a:b]
        if surface != norm:
            norms.append((len(o_s), norm))
        o_s.append(s)
        o_e.append(e)
        o_t.append(surface)
        o_k.append(kind)

    i = 0
    while i < n:
        a = starts[i]
        b = a + len(texts[i])
        run = _copy_run(xs, ys, ns, starts, texts, i, n)
        if run is not None:
            j, d = run
            if pend is not None:
                flush(pend)
                pend = None
            _shift_run(cols, out, norms, i, j, d, text, clean)
            i = j
            continue
        i += 1
        s, e = span_to_src(a, b)
        if e <= s:
            continue  # inserted characters only: nothing in the caller's text to point at
        if pend is not None:
            if s < pend[1]:
                if e > pend[1]:
                    pend[1] = e
                pend[3] = b
                continue
            flush(pend)
        pend = [s, e, a, b, kinds[i - 1]]
    if pend is not None:
        flush(pend)
    return out, norms


def _records(cols: Columns, norms: list[tuple[int, str]]) -> list[Token]:
    """The :class:`Token` records of the columns (in C), repaired ones with their ``norm``."""
    tokens = make_tokens(*cols)
    for i, norm in norms:
        s, e, x, k = tokens[i]
        tokens[i] = make_token(s, e, x, k, norm)
    return tokens


def _group(tokens: list[Token], starts: list[int], sentences: list[tuple[int, int, str]]) -> list[Sentence]:
    """Sentences with their tokens (whose starts are ``starts``): a token belongs to the last
    sentence starting at or before it. (All in C: one bisect per sentence, then slices.)"""
    if not sentences:
        return []
    cuts = [0]
    cuts += map(bisect_left, repeat(starts), map(_FIRST, islice(sentences, 1, None)))
    cuts.append(len(tokens))
    parts = map(tuple, map(getitem, repeat(tokens), map(slice, cuts, islice(cuts, 1, None))))
    # (start, end, text) + (tokens,): the four fields of each Sentence
    return list(map(_new, repeat(Sentence), map(add, sentences, zip(parts))))


def _group_columns(tokens: list[Token], starts: list[int], s_starts: list[int], s_ends: list[int],
                   s_texts: list[str]) -> list[Sentence]:
    """:func:`_group` for sentences as columns (starts, ends, texts)."""
    if not s_starts:
        return []
    cuts = [0]
    cuts += map(bisect_left, repeat(starts), islice(s_starts, 1, None))
    cuts.append(len(tokens))
    parts = map(tuple, map(getitem, repeat(tokens), map(slice, cuts, islice(cuts, 1, None))))
    return list(map(_new, repeat(Sentence), zip(s_starts, s_ends, s_texts, parts)))


def _sentences(text: str, clean: str, alignment: Alignment | None, sentence_spans: list, cols: Columns
               ) -> list[Sentence]:
    """The :class:`Sentence` records of ``text``, with their tokens, from the sentence spans and the
    token columns (:func:`kaznlp.tokenize.token_columns`) found in its repaired ``clean``.

    Each token record is made once, at its offsets in ``text``. ``alignment`` is the one from
    ``text`` to ``clean`` (``None``: the identity)."""
    if clean == text:  # nothing repaired: the segmenters' offsets are the answer
        return _group(make_tokens(cols[0], _ends(cols), cols[2], cols[3]), cols[0], sentence_spans)
    cols, norms = _map_columns(cols, alignment, text, clean)
    toks = _records(cols, norms)
    if alignment is None:  # repaired one character for one ("i" → "і"): same offsets
        sents = [(s, e, text[s:e]) for s, e, _ in sentence_spans]
        return _group(toks, cols[0], sents)
    return _group_columns(toks, cols[0], *_map_sentences(sentence_spans, alignment, text))


def _made(text: str, clean: str, alignment: Alignment | None, sentence_spans: list, cols: Columns
          ) -> list[Sentence]:
    """:func:`_sentences` with the cyclic collector paused (the records hold no cycles)."""
    if not gc.isenabled():
        return _sentences(text, clean, alignment, sentence_spans, cols)
    gc.disable()
    try:
        return _sentences(text, clean, alignment, sentence_spans, cols)
    finally:
        gc.enable()


def _assemble(text: str, clean: str, alignment: Alignment | None, sentence_spans: list, cols: Columns,
              lazy: bool = False) -> Document:
    """The :class:`Document` of ``text`` from the sentences and the token columns found in its
    repaired ``clean`` (:func:`_sentences`). ``alignment`` is the one from ``text`` to ``clean``
    (``None``: the identity).

    ``lazy=True`` (:func:`kaznlp.process`) keeps the spans and columns and makes the records at the
    first read of ``doc.sentences`` (``tokens``, ``to_dict()``, ...): a caller who never reads
    the tokens of a document pays for none of its records."""
    kept = alignment  # the document's (None: Document._trusted makes the identity)
    if alignment is not None and alignment.is_identity:
        alignment = None  # (the repairs' own identity is kept: no second one is made)
    elif clean == text:
        alignment = kept = None
    if clean == text:
        clean = text
    if lazy:
        return Document._trusted(text, partial(_made, text, clean, alignment, sentence_spans, cols), clean, kept)
    return Document._trusted(text, _sentences(text, clean, alignment, sentence_spans, cols), clean, kept)
