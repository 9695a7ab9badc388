"""Word embeddings of the fused numpy path (:mod:`kaznlp.ner.fast`), one row per distinct word.

Everything before the window CNN (hashed NORM / PREFIX / SUFFIX / SHAPE and affix features of
``kaznlp.AffixHashEmbed.v1``, the floret vector, the first maxout and layer norm) depends on
the word string only, so :class:`WordEmbedding` computes it once per distinct word and keeps
it in a table (``word -> row``); a token costs a dict look-up. A new word is computed as thinc
does it (same hashes and rows; the maxout's weights are folded into the hash tables).

Memory: the folded hash tables (21,900 x 384 float32, 34 MB, for the model bundled in December
2026) and at most :data:`CACHE_ROWS` word rows (32 MB at width 128); new words are not added to
spaCy's vocabulary.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy

from .fast_layers import MaxoutNorm, Unsupported, f32, huge_pages, only

__all__ = ["CACHE_ROWS", "WordEmbedding"]

#: at most this many distinct words keep their embedding row (the table is about
#: ``rows * width * 4`` bytes: 32 MB at width 128); when full it starts afresh
CACHE_ROWS = 65_536


class WordEmbedding:
    """The embedding layers of a loaded ``kaznlp_ner`` model, with a per-word cache.

    ``nodes`` are the model's layers (``model.walk()``); ``cnn`` the ids of the layers of its
    window encoder, which are not part of the embedding. Raises :class:`Unsupported` for a
    structure it does not know.
    """

    def __init__(self, vocab: Any, nodes: list[Any], cnn: set[int]) -> None:
        from spacy.attrs import intify_attr
        from thinc.api import NumpyOps

        self.vocab = vocab

        # -- embedding: features -> hash embeddings (+ static vectors) -> maxout/norm ---
        feats = only([n for n in nodes if n.name == "kaznlp_affix_features"], "kaznlp_affix_features")
        if "feature_attrs" not in feats.attrs:
            raise Unsupported("affix features without their spec")
        self.attr_ids = [intify_attr(a) for a in feats.attrs["feature_attrs"]]
        self.affixes = [(a[0], int(a[1:])) for a in feats.attrs["affixes"]]
        embeds = [n for n in nodes if n.name == "hashembed"]
        if not embeds:
            raise Unsupported("no hash embeddings")
        # the concatenation order is the order of the layers (columns say which id)
        self.embeds = [(int(n.attrs["column"]), int(n.attrs["seed"]), f32(n.get_param("E"))) for n in embeds]
        statics = [n for n in nodes if n.name == "static_vectors"]
        self.static_W = None
        if statics:
            static = only(statics, "static_vectors")
            vectors = vocab.vectors
            if getattr(vectors, "mode", None) != "floret":
                raise Unsupported("static vectors that are not floret")
            self.static_W = f32(static.get_param("W"))  # (nO, nM)
        self.embed_mix = MaxoutNorm(
            only([n for n in nodes if n.name == "maxout" and id(n) not in cnn], "embedding maxout"),
            only([n for n in nodes if n.name == "layernorm" and id(n) not in cnn], "embedding layer norm"),
        )
        self.width = self.embed_mix.n_o
        widths = [E.shape[1] for _, _, E in self.embeds] + ([self.static_W.shape[0]] if self.static_W is not None else [])
        if self.embed_mix.n_i != sum(widths):
            raise Unsupported(f"embedding maxout reads {self.embed_mix.n_i} columns, features give {sum(widths)}")
        # Fold the embedding maxout's weights into the tables: a hash-embedding row goes
        # through one block of W only, so E_c @ W_c is looked up instead of multiplying a
        # (words x 1408) matrix by W (2 MB of weights) for every few new words.
        Wt = self.embed_mix.Wt
        self.folded: list[tuple[int, int, Any]] = []
        at = 0
        for column, seed, E in self.embeds:
            self.folded.append((column, seed, f32(E @ Wt[at:at + E.shape[1]])))
            at += E.shape[1]
        self.static_M = None
        if self.static_W is not None:
            self.static_M = f32(self.static_W.T @ Wt[at:])  # (nM, nP * nO)
        # one table for all columns: key k of column c is row offsets[c] + k
        self._folded_table = huge_pages([f32(numpy.concatenate([P for _, _, P in self.folded]))])[0]
        sizes = [P.shape[0] for _, _, P in self.folded]
        self._offsets: Any = numpy.repeat(numpy.cumsum([0] + sizes[:-1]), 4).astype("uint32")
        self._moduli: Any = numpy.repeat(sizes, 4).astype("uint32")
        self.folded = [(column, seed, P.shape[0]) for column, seed, P in self.folded]  # keep one copy
        # attribute functions of the vocabulary for the lexical columns (see _lexical)
        from spacy.attrs import LOWER, NORM, ORTH, PREFIX, SHAPE, SUFFIX

        lex = vocab.lex_attr_getters or {}
        plain = {ORTH: lambda w: w}
        found: list[Any] = []
        getters: list[Any] | None = None
        for attr in self.attr_ids + ([vocab.vectors.attr] if self.static_M is not None else []):
            if attr in plain:
                found.append(plain[attr])
            elif attr in (LOWER, NORM, PREFIX, SUFFIX, SHAPE) and attr in lex:
                found.append(lex[attr])
            else:
                break  # an attribute no function reproduces: getters stays None
        else:
            getters = found
        if getters is not None and len(vocab.lookups.tables):
            getters = None  # lookups can override the functions: let spaCy build the lexemes
        if getters is not None and self.static_M is not None:
            self._vector_key = getters.pop()
        self._getters = getters
        self._index: dict[str, int] = {}
        self._lock = threading.Lock()
        self._table = numpy.zeros((1024, self.width), dtype="float32")
        self._ops = NumpyOps()

    def clear(self) -> None:
        """Forget every word's row (the memory is kept for reuse)."""
        with self._lock:
            self._index.clear()

    def cached_words(self) -> set[str]:
        """The words whose row is in the cache."""
        with self._lock:
            return set(self._index)

    # -- embedding ----------------------------------------------------------------------
    def _lexical(self, words: list[str]) -> tuple[list[list[int]], list[str]]:
        """Feature keys per word (lexical attributes, then affix hashes) and the vector keys.

        The attributes come from ``vocab.lex_attr_getters`` hashed as spaCy's string store does
        (no lexeme is added); a spec this cannot reproduce goes through a spaCy ``Doc``.
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
        hash_ = self._ops.hash
        # one contiguous row per feature column, one modulo for all columns (10 us less a call)
        cols = numpy.asarray(feats, dtype="uint64").reshape(len(feats), -1).T.copy()
        hashed: Any = numpy.empty((len(feats), 4 * len(self.folded)), dtype="uint32")
        for c, (column, seed, _) in enumerate(self.folded):
            hashed[:, 4 * c:4 * c + 4] = hash_(cols[column], seed)
        hashed %= self._moduli
        hashed += self._offsets
        return hashed

    def _floret(self, keys: list[str]) -> Any:
        """``vocab.vectors.get_batch(keys)`` for a floret table: the mean of the rows of each key's
        hashed character n-grams. Hashing an n-gram again is cheaper than a dict of n-gram rows
        (16 % slower) or of n-gram hashes (1.5-2.7x slower), December 2026."""
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
        # the hashes are 32-bit: one uint32 array, reduced in place, and take() (4 us less a call)
        rows = numpy.array(hashes, dtype="uint32")
        rows %= data.shape[0]
        return numpy.asarray(self._ops.reduce_mean(data.take(rows, axis=0), numpy.array(lengths, dtype="int32")), dtype="float32")

    def embed(self, words: list[str]) -> Any:
        """Rows after the embedding layer for ``words`` (the same numbers as thinc's, up to
        float rounding: the maxout's weights are folded into the hash tables)."""
        feats, keys = self._lexical(words)
        Y = self._ops.gather_add(self._folded_table, self._hashed(feats))
        if self.static_M is not None:
            # spaCy keys the table by the vectors' attribute (NORM here), as cached_static_vectors does
            Y += self._floret(keys) @ self.static_M
        Y += self.embed_mix.b
        return self.embed_mix.finish(Y)

    def rows(self, words: list[str], padded: bool = False) -> Any:
        """Embedding rows of ``words`` from the per-word cache (new words computed once).

        A lock guards the cache, which all threads share.

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
            self._table[size:size + len(new)] = self.embed(new)
            for i, w in enumerate(new):
                index[w] = size + i
            rows = [index[w] for w in words]
        if padded:
            rows.append(0)
        return self._table[rows]
