"""A fused numpy path for the bundled NER model: the same entities as spaCy, less overhead.

``kaznlp.ner(text)`` on one sentence spent about 80 % of its time inside thinc: a
spaCy ``Doc`` built per call, a few hundred small layer calls, and 8 rows of zero
padding on each side of the sequence at every one of the 4 CNN layers. This module
reads the trained weights out of the loaded spaCy pipeline and runs the same
computation with a handful of numpy operations:

1. **Per-word embedding, cached.** Everything before the CNN (hashed NORM / PREFIX /
   SUFFIX / SHAPE and affix features of ``kaznlp.AffixHashEmbed.v1``, the floret
   vector, the first maxout and layer norm) depends on the word string only, so it
   is computed once per distinct word and kept in a table (``word -> row``); a token
   costs a dict look-up. A new word is computed exactly as thinc does it (same
   hashes, same rows, same products).
2. **CNN on the sentence only.** Each window layer is computed on the rows that the
   next layers still read: the zero padding of ``window * depth`` rows that spaCy
   adds is kept for the first layer (its outputs next to the text are not zero, so
   they matter), and the rows that no later layer reads are never computed. The rows
   of each product are padded to a multiple of :data:`ROW_MULTIPLE` (OpenBLAS's float32
   kernels are slow on a remainder of 1-3 rows); the extra rows are dropped.
3. **Same decoding.** The label scores go through :class:`~kaznlp.ner.tagger.EntityTagger`'s
   own ``_decode`` (constrained BILUO), and whitespace tokens are a sure ``O``, as in
   the component.

Memory: the folded hash tables are ``sum(rows) x (maxout pieces x width)`` float32 (21,900
x 384, 34 MB, for the model bundled in December 2026), the word cache at most
:data:`CACHE_ROWS` rows of ``width`` floats (32 MB at width 128); unlike spaCy's path, new
words are not added to the vocabulary, so a long-running process does not grow with every
new word.

Per call (``kaznlp.ner`` once per sentence) the fixed costs are kept small: one window
plan per sentence length (row indices, cached), each layer's output written straight into
the next layer's input (with the constant padding row after it), and a new word's
features hashed directly (an n-gram or feature dict of a hundred thousand entries is
mostly missed on new text and costs more than the hash).

Every dimension and weight is read from the loaded thinc model; nothing about the
bundled model's sizes is written here. :func:`compile_pipeline` checks the layer
structure and then *compares its scores with spaCy's* on a few Kazakh sentences; if
the structure is not the one it knows (another architecture, an ensemble, extra
pipeline components) or the scores differ, it returns ``None`` and ``kaznlp.ner``
keeps spaCy's path. ``kaznlp.load()`` and ``nlp.pipe`` always run spaCy's own path.

>>> from kaznlp.ner import load
>>> from kaznlp.ner.backends import Chunk
>>> fast = compile_pipeline(load())
>>> fast.entities([Chunk(0, "Тоқаев Астанада сөз сөйледі.", ((0, 28),))])  # doctest: +SKIP
[[(0, 6, 'PERSON'), (7, 15, 'GPE')]]
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy

from ..spans import Token as KaznlpToken
from ..tokenize import tokenize as _kaznlp_tokenize
from .backends import Chunk

__all__ = ["FastTagger", "compile_pipeline", "doc_tokens"]

#: at most this many distinct words keep their embedding row (the table is about
#: ``rows * width * 4`` bytes: 32 MB at width 128); when full it starts afresh
CACHE_ROWS = 65_536

#: window layers multiply a (rows x window*width) matrix by their weights; OpenBLAS's
#: single-precision kernels take 4 rows at a time and the 1-3 rows left over cost
#: nearly as much as 4 more (12 rows of 640 x 384: 100 us, 11 rows: 160 us, 15: 177,
#: 16: 123, one core, December 2026), so the row count is padded up to a multiple of
#: this with windows of the constant padding row, which are dropped after the product
ROW_MULTIPLE = 4

#: largest difference of a label score against spaCy's allowed by the self-check
#: (float32 rounding of the same products in another order is ~1e-5)
TOLERANCE = 1e-3

# Kazakh sentences for the self-check (written news, a dash, quotes, a line break, a lone
# letter, a number with a suffix, Latin): every token kind the tokenizer produces
_CHECK_TEXTS = (
    "Қасым-Жомарт Тоқаев 2024 жылғы 21 қазанда Моңғолияға барды.",
    "АСТАНА. ҚазАқпарат - «ҚазМұнайГаз» АҚ басқарма төрағасы Асқар Маманов\n\nсөз сөйледі.",
    "ҚР-ның 63%-ы,  т.б. egov.kz сайтында 14:17-де жарияланды: ә?",
)


class _Unsupported(Exception):
    """The pipeline is not one this module can run exactly."""


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
    for start, stop, surface, _kind in (*_kaznlp_tokenize(text, multiword=multiword), KaznlpToken(end, end, "")):
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


def _only(nodes: list[Any], what: str) -> Any:
    if len(nodes) != 1:
        raise _Unsupported(f"expected one {what} layer, found {len(nodes)}")
    return nodes[0]


def _f32(array: Any) -> Any:
    return numpy.ascontiguousarray(numpy.asarray(array, dtype="float32"))


class _MaxoutNorm:
    """``Maxout(nO, nI, nP) >> LayerNorm`` with weights permuted so the pieces are three
    contiguous blocks (an elementwise maximum instead of a reduction over a tiny axis)."""

    def __init__(self, maxout: Any, norm: Any) -> None:
        n_o, n_p, n_i = (maxout.get_dim(d) for d in ("nO", "nP", "nI"))
        W = numpy.asarray(maxout.get_param("W"), dtype="float32").reshape(n_o, n_p, n_i)
        b = numpy.asarray(maxout.get_param("b"), dtype="float32").reshape(n_o, n_p)
        self.n_o, self.n_p, self.n_i = n_o, n_p, n_i
        self.Wt = _f32(W.transpose(1, 0, 2).reshape(n_p * n_o, n_i).T)  # (nI, nP * nO)
        self.b = _f32(b.T.reshape(n_p * n_o))
        self.G = _f32(norm.get_param("G"))
        self.beta = _f32(norm.get_param("b"))

    def __call__(self, X: Any, rows: int | None = None) -> Any:
        """The layer on the rows of ``X``; only the first ``rows`` when given (the others
        are padding that makes the row count a multiple of :data:`ROW_MULTIPLE`)."""
        Y = X @ self.Wt
        if rows is not None:
            Y = Y[:rows]
        Y += self.b
        return self.finish(Y)

    def finish(self, Y: Any, out: Any = None) -> Any:
        """Maxout over the pieces of ``Y = X @ W + b``, then thinc's layer norm (into ``out``
        when given: an array of ``len(Y)`` rows and ``nO`` columns)."""
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
        var = reduce(best * best, axis=1, keepdims=True)
        var /= n_o
        var += 1e-08
        var **= -1.0 / 2.0
        best *= var
        best *= self.G
        best += self.beta
        return best


class FastTagger:
    """The bundled ``kaznlp_ner`` pipeline run with numpy (see the module docstring).

    Use :func:`compile_pipeline` to build one; it is a :class:`~kaznlp.ner.backends.Backend`.
    """

    def __init__(self, nlp: Any) -> None:
        from spacy.attrs import intify_attr

        from .tagger import EntityTagger

        # -- the pipeline: kaznlp's tokenizer and one kaznlp_ner component ------------
        tokenizer = nlp.tokenizer
        if type(tokenizer).__name__ != "KazakhTokenizer" or not hasattr(tokenizer, "multiword"):
            raise _Unsupported(f"tokenizer {type(tokenizer).__name__}")
        components = [(name, pipe) for name, pipe in nlp.pipeline]
        if len(components) != 1 or type(components[0][1]) is not EntityTagger:
            raise _Unsupported(f"pipeline {nlp.pipe_names}")
        self.nlp = nlp
        self.multiword = bool(tokenizer.multiword)
        self.tagger = tagger = components[0][1]
        model = tagger.model
        self.vocab = nlp.vocab
        nodes = list(model.walk())
        known = {"kaznlp_affix_features", "list2ragged", "ragged2list", "ints-getitem", "hashembed",
                 "static_vectors", "maxout", "layernorm", "dropout", "expand_window", "softmax"}
        for node in nodes:
            if node.name in known or node.name.startswith(("with_array(", "residual(")) or ">>" in node.name or "|" in node.name:
                continue
            raise _Unsupported(f"layer {node.name}")
        if any(n.name == "kaznlp_ensemble" or n.name.startswith("kaznlp_ensemble") for n in nodes):
            raise _Unsupported("ensemble")

        # -- embedding: features -> hash embeddings (+ static vectors) -> maxout/norm ---
        feats = _only([n for n in nodes if n.name == "kaznlp_affix_features"], "kaznlp_affix_features")
        if "feature_attrs" not in feats.attrs:
            raise _Unsupported("affix features without their spec")
        self.attr_ids = [intify_attr(a) for a in feats.attrs["feature_attrs"]]
        self.affixes = [(a[0], int(a[1:])) for a in feats.attrs["affixes"]]
        embeds = [n for n in nodes if n.name == "hashembed"]
        if not embeds:
            raise _Unsupported("no hash embeddings")
        # the concatenation order is the order of the layers (columns say which id)
        self.embeds = [(int(n.attrs["column"]), int(n.attrs["seed"]), _f32(n.get_param("E"))) for n in embeds]
        statics = [n for n in nodes if n.name == "static_vectors"]
        self.static_W = None
        if statics:
            static = _only(statics, "static_vectors")
            vectors = self.vocab.vectors
            if getattr(vectors, "mode", None) != "floret":
                raise _Unsupported("static vectors that are not floret")
            self.static_W = _f32(static.get_param("W"))  # (nO, nM)
        encoder = _only([n for n in nodes if n.name.startswith("with_array(residual(")], "window encoder")
        residuals = [n for n in encoder.walk()
                     if len(n.layers) == 1 and n.name == f"residual({n.layers[0].name})"]
        if not residuals:
            raise _Unsupported("no residual layers")
        in_cnn = {id(m) for r in residuals for m in r.walk()}
        self.embed_mix = _MaxoutNorm(
            _only([n for n in nodes if n.name == "maxout" and id(n) not in in_cnn], "embedding maxout"),
            _only([n for n in nodes if n.name == "layernorm" and id(n) not in in_cnn], "embedding layer norm"),
        )
        self.width = self.embed_mix.n_o
        widths = [E.shape[1] for _, _, E in self.embeds] + ([self.static_W.shape[0]] if self.static_W is not None else [])
        if self.embed_mix.n_i != sum(widths):
            raise _Unsupported(f"embedding maxout reads {self.embed_mix.n_i} columns, features give {sum(widths)}")
        # Fold the embedding maxout's weights into the tables: a hash-embedding row goes
        # through one block of W only, so E_c @ W_c is looked up instead of multiplying a
        # (words x 1408) matrix by W (2 MB of weights) for every few new words.
        Wt = self.embed_mix.Wt
        self.folded: list[tuple[int, int, Any]] = []
        at = 0
        for column, seed, E in self.embeds:
            self.folded.append((column, seed, _f32(E @ Wt[at:at + E.shape[1]])))
            at += E.shape[1]
        self.static_M = None
        if self.static_W is not None:
            self.static_M = _f32(self.static_W.T @ Wt[at:])  # (nM, nP * nO)
        # one table for all columns: key k of column c is row offsets[c] + k
        self._folded_table = _f32(numpy.concatenate([P for _, _, P in self.folded]))
        sizes = [P.shape[0] for _, _, P in self.folded]
        self._offsets: Any = numpy.repeat(numpy.cumsum([0] + sizes[:-1]), 4).astype("uint32")
        self.folded = [(column, seed, P.shape[0]) for column, seed, P in self.folded]  # keep one copy
        # attribute functions of the vocabulary for the lexical columns (see _lexical)
        from spacy.attrs import LOWER, NORM, ORTH, PREFIX, SHAPE, SUFFIX

        lex = self.vocab.lex_attr_getters or {}
        plain = {ORTH: lambda w: w}
        found: list[Any] = []
        getters: list[Any] | None = None
        for attr in self.attr_ids + ([self.vocab.vectors.attr] if self.static_M is not None else []):
            if attr in plain:
                found.append(plain[attr])
            elif attr in (LOWER, NORM, PREFIX, SUFFIX, SHAPE) and attr in lex:
                found.append(lex[attr])
            else:
                break  # an attribute no function reproduces: getters stays None
        else:
            getters = found
        if getters is not None and len(self.vocab.lookups.tables):
            getters = None  # lookups can override the functions: let spaCy build the lexemes
        if getters is not None and self.static_M is not None:
            self._vector_key = getters.pop()
        self._getters = getters

        # -- the window CNN ----------------------------------------------------------------
        self.layers: list[tuple[int, _MaxoutNorm]] = []
        for res in residuals:
            window = _only([n for n in res.walk() if n.name == "expand_window"], "expand_window")
            w = int(window.attrs["window_size"])
            mix = _MaxoutNorm(_only([n for n in res.walk() if n.name == "maxout"], "maxout"),
                              _only([n for n in res.walk() if n.name == "layernorm"], "layer norm"))
            if mix.n_i != (2 * w + 1) * self.width or mix.n_o != self.width:
                raise _Unsupported("window layer dimensions")
            self.layers.append((w, mix))
        self.pad = int(encoder.attrs.get("pad", 0))
        if self.pad != sum(w for w, _ in self.layers):
            raise _Unsupported(f"encoder padding {self.pad} is not its receptive field")

        # -- output layer and decoding -------------------------------------------------------
        softmax = _only([n for n in nodes if n.name == "softmax"], "softmax")
        self.out_W = _f32(numpy.asarray(softmax.get_param("W")).T)  # (width, nLabels)
        self.out_b = _f32(softmax.get_param("b"))
        self.normalize = bool(softmax.attrs.get("softmax_normalize", False))
        self.temperature = float(softmax.attrs.get("softmax_temperature", 1.0))
        if self.out_W.shape[1] != len(tagger.labels):
            raise _Unsupported("output width is not the number of labels")
        self.labels = list(tagger.labels)

        # rows kept beyond the text on each side before each layer, and the constant value
        # of spaCy's zero padding farther out (see _windows)
        depth = len(self.layers)
        ws = [w for w, _ in self.layers]
        self._edges = [min(sum(ws[:k]), sum(ws[k:])) for k in range(depth + 1)]
        bounds = [numpy.zeros(self.width, dtype="float32")]
        for w, mix in self.layers:
            c = bounds[-1]
            bounds.append(c + mix(numpy.tile(c, 2 * w + 1)[None, :])[0])
        self._bounds = bounds
        self._window_cache: dict[tuple[int, ...], list[tuple[Any, int, int, Any]]] = {}
        self._index: dict[str, int] = {}
        self._lock = threading.Lock()
        self._table = numpy.zeros((1024, self.width), dtype="float32")
        from thinc.api import NumpyOps

        self._ops = NumpyOps()

    def clear_caches(self) -> None:
        """Forget every word's embedding row and every window plan (memory is kept for reuse).

        The next calls compute their words again, as on a first pass over new text; the
        entities are the same.

        >>> fast = compile_pipeline(load())  # doctest: +SKIP
        >>> chunk = Chunk(0, "Тоқаев Астанада сөз сөйледі.", ((0, 28),))
        >>> first = fast.entities([chunk])  # doctest: +SKIP
        >>> fast.clear_caches()  # doctest: +SKIP
        >>> fast.entities([chunk]) == first  # doctest: +SKIP
        True
        """
        with self._lock:
            self._index.clear()
            self._window_cache.clear()

    # -- embedding ----------------------------------------------------------------------
    def _lexical(self, words: list[str]) -> tuple[list[list[int]], list[str]]:
        """Feature keys per word (lexical attributes, then affix hashes, as Python ints) and the
        vector keys.

        The lexical attributes come from the vocabulary's own attribute functions
        (``vocab.lex_attr_getters``, what spaCy stores on a new lexeme), hashed as spaCy's
        string store hashes them, so no lexeme is added to the vocabulary; a spec this
        cannot reproduce (a flag attribute, a lookups table) goes through a spaCy ``Doc``.
        """
        from spacy.strings import hash_string  # type: ignore[attr-defined, unused-ignore]  # (not in strings.pyi)

        vector_attr = self.vocab.vectors.attr if self.static_M is not None else None
        getters = self._getters
        if getters is None:
            from spacy.tokens import Doc

            doc = Doc(self.vocab, words=words)
            feats = numpy.asarray(doc.to_array(self.attr_ids), dtype="uint64").reshape(len(words), -1).tolist()
            keys = [self.vocab.strings[int(k)] for k in doc.to_array([vector_attr]).tolist()] if vector_attr else []
        else:
            feats = [[hash_string(g(w)) for g in getters] for w in words]
            keys = [self._vector_key(w) for w in words] if vector_attr else []
        if self.affixes:
            specs = self.affixes
            for row, w in zip(feats, words):
                low = w.lower()
                row.extend([hash_string(low[:n] if kind == "p" else low[-n:]) for kind, n in specs])
        return feats, keys

    def _hashed(self, feats: list[list[int]]) -> Any:
        """Rows of the folded table that each word's features pick: ``(words, 4 * columns)`` uint32,
        the same numbers as thinc's ``HashEmbed`` (MurmurHash of the key with the layer's seed,
        modulo its rows, plus the column's offset in the table)."""
        ops = self._ops
        cols = numpy.asarray(feats, dtype="uint64").reshape(len(feats), -1)
        hashed: Any = numpy.empty((len(feats), 4 * len(self.folded)), dtype="uint32")
        for c, (column, seed, n_rows) in enumerate(self.folded):
            hashed[:, 4 * c:4 * c + 4] = ops.hash(numpy.ascontiguousarray(cols[:, column]), seed) % n_rows
        hashed += self._offsets
        return hashed

    def _floret(self, keys: list[str]) -> Any:
        """``vocab.vectors.get_batch(keys)`` for a floret table: the mean of the rows of each
        key's hashed character n-grams (the same numbers; hashing an n-gram again is cheaper
        than keeping its rows in a dict of some 100,000 n-grams, which a first pass over new
        text mostly misses)."""
        vectors = self.vocab.vectors
        data = vectors.data
        get_ngrams, get_hashes = vectors._get_ngrams, vectors._get_ngram_hashes
        hashes: list[int] = []
        lengths: list[int] = []
        for key in keys:
            before = len(hashes)
            for gram in get_ngrams(key) if key else ():
                hashes.extend(get_hashes(gram))
            lengths.append(len(hashes) - before)
        if not hashes:
            return numpy.zeros((len(keys), data.shape[1]), dtype="float32")
        rows = (numpy.asarray(hashes, dtype="uint64") % data.shape[0]).astype("int32")
        return numpy.asarray(self._ops.reduce_mean(data[rows], numpy.asarray(lengths, dtype="int32")), dtype="float32")

    def _embed_words(self, words: list[str]) -> Any:
        """Rows after the embedding layer for ``words`` (the same numbers as thinc's, up to
        float rounding: the maxout's weights are folded into the hash tables)."""
        feats, keys = self._lexical(words)
        Y = self._ops.gather_add(self._folded_table, self._hashed(feats))
        if self.static_M is not None:
            # spaCy keys the table by the vectors' attribute (NORM here), as cached_static_vectors does
            Y += self._floret(keys) @ self.static_M
        Y += self.embed_mix.b
        return self.embed_mix.finish(Y)

    def _rows(self, words: list[str], padded: bool = False) -> Any:
        """Embedding rows of ``words`` from the per-word cache (new words computed once).

        The caches are shared by all threads that call ``kaznlp.ner``; a lock keeps one
        thread from reading rows another is writing or clearing.

        With ``padded``, one more row follows: zeros, the padding that spaCy puts around a
        sequence before the first window layer (row 0 of the table, never a word's)."""
        with self._lock:
            return self._rows_locked(words, padded)

    def _rows_locked(self, words: list[str], padded: bool = False) -> Any:
        index = self._index
        get = index.get
        rows = [get(w) for w in words]
        if None in rows:
            new = list(dict.fromkeys(w for w, r in zip(words, rows) if r is None))
            if len(index) + len(new) > CACHE_ROWS:
                index.clear()  # start afresh (bounded memory); this call's words are all new now
                new = list(dict.fromkeys(words))
            size = len(index) + 1  # row 0: the zero row
            if size + len(new) > len(self._table):
                grown = numpy.zeros((max(2 * len(self._table), size + len(new)), self.width), dtype="float32")
                grown[:size] = self._table[:size]
                self._table = grown
            self._table[size:size + len(new)] = self._embed_words(new)
            for i, w in enumerate(new):
                index[w] = size + i
            rows = [index[w] for w in words]
        if padded:
            rows.append(0)
        return self._table[rows]

    # -- scores -------------------------------------------------------------------------------
    def _plan(self, lengths: tuple[int, ...]) -> list[tuple[Any, int, int, Any]]:
        """Per window layer, for sequences of ``lengths`` (cached): the window row indices, the
        number of input and of output rows, and the input rows the residual adds (a slice when
        they are one run).

        Layer ``l`` keeps, on each side of every sequence, the rows that are not yet
        constant (within ``l * w`` of the text: farther out every row of spaCy's zero
        padding has the same value, ``self._bounds[l]``) and that later layers still read
        (within ``(depth - l) * w``). Its input has ``n_in`` such rows and then that constant
        row, at index ``n_in``. The index array has extra rows (windows of the constant row,
        dropped after the product) up to a multiple of :data:`ROW_MULTIPLE` (see there).
        """
        plan = self._window_cache.get(lengths)
        if plan is not None:
            return plan
        plan = []
        for layer, (w, _) in enumerate(self.layers):
            e_in, e_out = self._edges[layer], self._edges[layer + 1]
            n_in = sum(n + 2 * e_in for n in lengths)
            parts = []
            off = 0
            for n in lengths:
                p = numpy.arange(-e_out - w, n + e_out + w)
                src = numpy.where((p >= -e_in) & (p < n + e_in), off + p + e_in, n_in)
                parts.append(numpy.lib.stride_tricks.sliding_window_view(src, 2 * w + 1))
                off += n + 2 * e_in
            idx = numpy.concatenate(parts)
            n_out = len(idx)
            extra = -n_out % ROW_MULTIPLE
            if extra:
                idx = numpy.concatenate([idx, numpy.full((extra, 2 * w + 1), n_in, dtype=idx.dtype)])
            idx = numpy.ascontiguousarray(idx)
            center: Any = idx[:n_out, w].copy()
            if n_out and (center == numpy.arange(center[0], center[0] + n_out)).all():
                center = slice(int(center[0]), int(center[0]) + n_out)
            plan.append((idx, n_in, n_out, center))
        if len(self._window_cache) > 512:
            self._window_cache.clear()
        self._window_cache[lengths] = plan
        return plan

    def scores(self, sequences: Sequence[list[str]]) -> list[Any]:
        """Label scores (as the component's model outputs them) for each token sequence."""
        out: list[Any] = [numpy.zeros((0, len(self.labels)), dtype="float32") for _ in sequences]
        live = [i for i, seq in enumerate(sequences) if seq]
        if not live:
            return out
        lengths = tuple(len(sequences[i]) for i in live)
        # each layer's input: its rows, then the layer's constant padding row (see _plan)
        X = self._rows([w for i in live for w in sequences[i]], padded=True)
        width = self.width
        last = len(self.layers) - 1
        bounds = self._bounds
        empty = numpy.empty
        for layer, ((w, mix), (idx, _, n_out, center)) in enumerate(zip(self.layers, self._plan(lengths))):
            Y = X[idx].reshape(len(idx), (2 * w + 1) * width) @ mix.Wt
            Y = Y[:n_out]
            Y += mix.b
            nxt = empty((n_out + (layer < last), width), dtype="float32")
            mix.finish(Y, nxt[:n_out])
            nxt[:n_out] += X[center]
            if layer < last:
                nxt[n_out] = bounds[layer + 1]
            X = nxt
        Y = X @ self.out_W
        Y += self.out_b
        if self.normalize:
            Y = Y / self.temperature
            Y = numpy.exp(Y - Y.max(axis=1, keepdims=True))
            Y /= Y.sum(axis=1, keepdims=True)
        pos = 0
        for i, n in zip(live, lengths):
            out[i] = Y[pos:pos + n]
            pos += n
        return out

    # -- Backend ----------------------------------------------------------------------------------
    def entities(self, chunks: Sequence[Chunk]) -> list[list[tuple[int, int, str]]]:
        tokenized = [doc_tokens(chunk.text, self.multiword) for chunk in chunks]
        all_scores = self.scores([words for words, _ in tokenized])
        tagger = self.tagger
        result: list[list[tuple[int, int, str]]] = []
        for (words, starts), scores in zip(tokenized, all_scores):
            if not words:
                result.append([])
                continue
            spaces = [i for i, w in enumerate(words) if w.isspace()]
            if spaces:
                scores = tagger._sure_outside(scores, numpy.asarray(spaces))
            tags = tagger._decode(scores)
            ents = []
            begin = -1
            for j, tag in enumerate(tags):
                move = tag[0]
                if move == "U":
                    ents.append((starts[j], starts[j] + len(words[j]), tag[2:]))
                elif move == "B":
                    begin = j
                elif move == "L" and begin >= 0:
                    ents.append((starts[begin], starts[j] + len(words[j]), tag[2:]))
                    begin = -1
            result.append(ents)
        return result


def _spacy_scores(nlp: Any, texts: Sequence[str]) -> tuple[list[Any], list[Any]]:
    tagger = nlp.pipeline[0][1]
    docs = [nlp.make_doc(t) for t in texts]
    return [tagger.model.ops.to_numpy(s) for s in tagger.model.predict(docs)], docs


def compile_pipeline(nlp: Any, check: bool = True) -> FastTagger | None:
    """A :class:`FastTagger` for ``nlp``, or ``None`` when it cannot run ``nlp`` exactly.

    With ``check=True`` (the default) the label scores of a few Kazakh sentences are
    compared with spaCy's own path, and any difference above :data:`TOLERANCE` (or any
    difference in tokenization) means ``None``.
    """
    try:
        fast = FastTagger(nlp)
    except _Unsupported:
        return None
    if check:
        try:
            ours = fast.scores([doc_tokens(t, fast.multiword)[0] for t in _CHECK_TEXTS])
            theirs, docs = _spacy_scores(nlp, _CHECK_TEXTS)
        except Exception:  # any surprise in a model we do not know: spaCy's path
            return None
        for text, doc, a, b in zip(_CHECK_TEXTS, docs, ours, theirs):
            words, starts = doc_tokens(text, fast.multiword)
            if [t.text for t in doc] != words or [t.idx for t in doc] != starts:
                return None
            if a.shape != b.shape or not numpy.allclose(a, b, atol=TOLERANCE, rtol=0):
                return None
    return fast
