"""Building blocks of the fused numpy path (:mod:`kaznlp.ner.fast`): the tokens it tags
(:func:`doc_tokens`), thinc's maxout and layer norm as a few numpy operations, read from a loaded
layer, and the error for a model the fast path does not know.

>>> import numpy
>>> f32(numpy.arange(3)).dtype
dtype('float32')
"""

from __future__ import annotations

from typing import Any

import mmap

import numpy

from ..spans import Token as KaznlpToken
from ..tokenize import tokenize as kaznlp_tokenize

__all__ = ["HUGE_PAGE", "MaxoutNorm", "SMALL_PRODUCT", "Unsupported", "doc_tokens", "f32", "huge_pages", "only"]

#: OpenBLAS's small-matrix kernel (no packing of the weights) takes products of at most this
#: many multiply-adds; see :meth:`MaxoutNorm.product`
SMALL_PRODUCT = 1_000_000


class Unsupported(Exception):
    """The pipeline is not one the fast path can run exactly (spaCy's own path is kept)."""


def only(nodes: list[Any], what: str) -> Any:
    """The one layer of ``nodes``, or :class:`Unsupported` when there are none or several."""
    if len(nodes) != 1:
        raise Unsupported(f"expected one {what} layer, found {len(nodes)}")
    return nodes[0]


def f32(array: Any) -> Any:
    """``array`` as a C-contiguous float32 numpy array."""
    return numpy.ascontiguousarray(numpy.asarray(array, dtype="float32"))


#: bytes of a transparent huge page (Linux on x86-64 and arm64 with 4 KB pages)
HUGE_PAGE = 2 << 20


def huge_pages(arrays: list[Any]) -> list[Any]:
    """Copies of ``arrays`` (same values) in one anonymous memory map that Linux may back with 2 MB
    pages (``madvise(MADV_HUGEPAGE)``, from a 2 MB boundary); ``arrays`` themselves where that is not
    available (another system, less than 2 MB). One call streams the 3.9 MB of window weights, a
    thousand 4 KB pages, more than the TLB holds: in huge pages ``FastTagger._short`` took 408 instead
    of 448 us a call (KazNERD valid, CPU, December 2026).

    >>> [a.tolist() for a in huge_pages([numpy.arange(3, dtype="float32")])]
    [[0.0, 1.0, 2.0]]
    """
    advice = getattr(mmap, "MADV_HUGEPAGE", None)
    sizes = [-(-a.nbytes // 64) * 64 for a in arrays]  # each array on a 64-byte (cache line) boundary
    if advice is None or sum(sizes) < HUGE_PAGE:
        return arrays
    try:
        region = mmap.mmap(-1, sum(sizes) + HUGE_PAGE)
        region.madvise(advice)  # before the first write: the pages are huge from the start
    except (OSError, ValueError, AttributeError):
        return arrays
    raw = numpy.frombuffer(region, dtype=numpy.uint8)  # keeps the map alive
    at = -raw.ctypes.data % HUGE_PAGE
    out = []
    for a, size in zip(arrays, sizes):
        copy = raw[at:at + a.nbytes].view(a.dtype).reshape(a.shape)
        copy[...] = a
        out.append(copy)
        at += size
    return out


def doc_tokens(text: str, multiword: bool = False) -> tuple[list[str], list[int]]:
    """The token strings and start offsets of ``kaznlp.spacy_lang.make_doc(vocab, text)``.

    Same rule as the spaCy tokenizer: kaznlp's tokens, and every gap between them
    other than one plain space after a token becomes a whitespace token.

    >>> doc_tokens("Астана  қаласы")
    (['Астана', ' ', 'қаласы'], [0, 7, 8])
    """
    words: list[str] = []
    starts: list[int] = []
    pos = 0
    end = len(text)
    # the text after the last token is one more gap, closed by an empty sentinel token
    for start, stop, surface, _kind in (*kaznlp_tokenize(text, multiword=multiword), KaznlpToken(end, end, "")):
        if start > pos:
            gap_start = pos
            if words and text[pos] == " ":
                gap_start += 1
            if gap_start < start:
                words.append(text[gap_start:start])
                starts.append(gap_start)
        if surface:
            words.append(surface)
            starts.append(start)
        pos = stop
    return words, starts


class MaxoutNorm:
    """``Maxout(nO, nI, nP) >> LayerNorm`` with weights permuted so the pieces are three
    contiguous blocks (an elementwise maximum instead of a reduction over a tiny axis)."""

    def __init__(self, maxout: Any, norm: Any) -> None:
        n_o, n_p, n_i = (maxout.get_dim(d) for d in ("nO", "nP", "nI"))
        W = numpy.asarray(maxout.get_param("W"), dtype="float32").reshape(n_o, n_p, n_i)
        b = numpy.asarray(maxout.get_param("b"), dtype="float32").reshape(n_o, n_p)
        self.n_o, self.n_p, self.n_i = n_o, n_p, n_i
        self.Wt = f32(W.transpose(1, 0, 2).reshape(n_p * n_o, n_i).T)  # (nI, nP * nO)
        self.b = f32(b.T.reshape(n_p * n_o))
        self.G = f32(norm.get_param("G"))
        self.beta = f32(norm.get_param("b"))
        self._splits: list[tuple[int, list[tuple[slice, Any]]]] = []
        self.small_rows = 0  # rows of the first tier of cut products
        self.pieces: list[Any] = []  # the weights of each window position (first tier), once split

    def split(self, piece: int) -> None:
        """Let :meth:`product` cut its inner dimension into pieces of ``piece`` (or ``piece // 2``)
        columns where each piece stays under :data:`SMALL_PRODUCT`."""
        splits: list[tuple[int, list[tuple[slice, Any]]]] = []
        for k in (piece, piece // 2 if piece % 2 == 0 else 0):
            if k and self.n_i % k == 0 and self.n_i // k > 1:
                rows = SMALL_PRODUCT // (k * self.Wt.shape[1])
                if rows and (not splits or rows > splits[-1][0]):
                    splits.append((rows, [(slice(j, j + k), self.Wt[j:j + k]) for j in range(0, self.n_i, k)]))
        self._splits = splits
        self.small_rows = splits[0][0] if splits else 0
        self.pieces = [W for _, W in splits[0][1]] if splits and len(splits[0][1]) == self.n_i // piece else []

    def product(self, X: Any) -> Any:
        """``X @ Wt``, for few rows (:meth:`split`) as a sum over column pieces of ``X`` (views):
        20 x 640 @ 640 x 384 took 150 us whole, 100 us in 5 pieces (one core, December 2026)."""
        rows = len(X)
        for limit, pieces in self._splits:
            if rows <= limit:
                (cols, W), *rest = pieces
                Y = X[:, cols] @ W
                for cols, W in rest:
                    Y += X[:, cols] @ W
                return Y
        return X @ self.Wt

    def __call__(self, X: Any) -> Any:
        """The layer on ``X``."""
        Y = X @ self.Wt
        Y += self.b
        return self.finish(Y)

    def finish(self, Y: Any, out: Any = None) -> Any:
        """Maxout over the pieces of ``Y = X @ W + b``, then thinc's layer norm (into ``out``
        when given: an array of ``len(Y)`` rows and ``nO`` columns). ``Y`` is overwritten."""
        n_o = self.n_o
        maximum = numpy.maximum
        if self.n_p > 1:
            best = maximum(Y[:, :n_o], Y[:, n_o:2 * n_o], out=out)
        elif out is None:
            best = Y[:, :n_o].copy()
        else:
            best = out
            best[...] = Y[:, :n_o]
        for p in range(2, self.n_p):
            maximum(best, Y[:, p * n_o:(p + 1) * n_o], out=best)
        # thinc's LayerNorm, the same float32 operations as numpy's mean and var:
        # (x - mean) * (var + 1e-8) ** -0.5 * G + b, per row (in place: same numbers)
        reduce = numpy.add.reduce
        mu = reduce(best, axis=1, keepdims=True)
        mu /= n_o
        best -= mu
        # the squares go into the first piece's block of Y, which is read no more (a scratch
        # array of the right shape: no allocation per call; the same numbers as best * best)
        square = numpy.multiply(best, best, out=Y[:, :n_o])
        var = reduce(square, axis=1, keepdims=True)
        var /= n_o
        var += 1e-08
        var **= -1.0 / 2.0
        best *= var
        best *= self.G
        best += self.beta
        return best
