"""A fused numpy path for the bundled NER model: the same entities as spaCy, less overhead.

spaCy's path spent most of a short call in thinc (a ``Doc`` per call, hundreds of small layer
calls, 8 rows of zero padding per side at each CNN layer). This module reads the trained
weights out of the loaded pipeline and runs the same computation with a few numpy operations:

1. **Per-word embedding, cached** (:mod:`kaznlp.ner.fast_embed`). Everything before the
   CNN depends on the word string only, so it is computed once per distinct word and
   kept in a table (``word -> row``); a token costs a dict look-up.
2. **CNN on the sentence only.** Each window layer is computed on the rows that the
   next layers still read: the zero padding of ``window * depth`` rows that spaCy
   adds is kept for the first layer (its outputs next to the text are not zero, so
   they matter), and the rows that no later layer reads are never computed. The rows
   of each product are padded to a multiple of :data:`ROW_MULTIPLE`. A product of few rows
   is cut into one per window position on OpenBLAS's AVX-512 cores (:meth:`~kaznlp.ner.fast_layers.MaxoutNorm.product`);
   there one short sentence alone (``kaznlp.ner`` per sentence) multiplies each window position's
   weights with the input rows themselves, only where they are not padding (:meth:`FastTagger.short_plan`).
3. **Same decoding.** The label scores go through :class:`~kaznlp.ner.tagger.EntityTagger`'s
   own :meth:`~kaznlp.ner.tagger.EntityTagger.decode` (constrained BILUO), and whitespace tokens are a sure ``O``, as in
   the component.

Memory: see :mod:`kaznlp.ner.fast_embed` (about 34 MB of folded tables and at most 32 MB
of word rows for the model bundled in December 2026).

Every dimension and weight is read from the loaded thinc model; nothing about the
bundled model's sizes is written here. :func:`compile_pipeline` checks the layer
structure and then *compares its scores with spaCy's* on a few Kazakh sentences; if
the structure is not the one it knows (another architecture, an ensemble, extra
pipeline components) or the scores differ, it returns ``None`` and ``kaznlp.ner``
keeps spaCy's path. ``kaznlp.load()`` and ``nlp.pipe`` always run spaCy's own path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy

from .chunk import Chunk, check_chunks
from .fast_embed import WordEmbedding
from .fast_layers import MaxoutNorm, Unsupported, doc_tokens, f32, huge_pages, only
from .threads import small_matrix_blas

__all__ = ["FastTagger", "compile_pipeline", "doc_tokens"]

#: OpenBLAS's float32 kernels take 4 rows at a time and 1-3 rows left over cost nearly as much
#: as 4 more (11 x 640 @ 640 x 384: 160 us, 12: 100 us): windows are padded to a multiple of this
ROW_MULTIPLE = 4

#: largest difference of a label score from spaCy's in the self-check (rounding is ~1e-5)
TOLERANCE = 1e-3

# Kazakh sentences for the self-check (written news, a dash, quotes, a line break, a lone
# letter, a number with a suffix, Latin): every token kind the tokenizer produces
_CHECK_TEXTS = (
    "Қасым-Жомарт Тоқаев 2024 жылғы 21 қазанда Моңғолияға барды.",
    "АСТАНА. ҚазАқпарат - «ҚазМұнайГаз» АҚ басқарма төрағасы Асқар Маманов\n\nсөз сөйледі.",
    "ҚР-ның 63%-ы,  т.б. egov.kz сайтында 14:17-де жарияланды: ә?",
)


class FastTagger:
    """The bundled ``kaznlp_ner`` pipeline run with numpy (see the module docstring).

    Use :func:`compile_pipeline` to build one; it is a :class:`~kaznlp.ner.backends.Backend`.
    """

    def __init__(self, nlp: Any) -> None:
        from .tagger import EntityTagger

        # -- the pipeline: kaznlp's tokenizer and one kaznlp_ner component ------------
        tokenizer = nlp.tokenizer
        if type(tokenizer).__name__ != "KazakhTokenizer" or not hasattr(tokenizer, "multiword"):
            raise Unsupported(f"tokenizer {type(tokenizer).__name__}")
        components = [(name, pipe) for name, pipe in nlp.pipeline]
        if len(components) != 1 or type(components[0][1]) is not EntityTagger:
            raise Unsupported(f"pipeline {nlp.pipe_names}")
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
            raise Unsupported(f"layer {node.name}")
        if any(n.name == "kaznlp_ensemble" or n.name.startswith("kaznlp_ensemble") for n in nodes):
            raise Unsupported("ensemble")

        # -- embedding: features -> hash embeddings (+ static vectors) -> maxout/norm ---
        encoder = only([n for n in nodes if n.name.startswith("with_array(residual(")], "window encoder")
        residuals = [n for n in encoder.walk()
                     if len(n.layers) == 1 and n.name == f"residual({n.layers[0].name})"]
        if not residuals:
            raise Unsupported("no residual layers")
        self.embedding = WordEmbedding(self.vocab, nodes, {id(m) for r in residuals for m in r.walk()})
        self.width = self.embedding.width

        # -- the window CNN ----------------------------------------------------------------
        self.layers: list[tuple[int, MaxoutNorm]] = []
        cut = small_matrix_blas()
        for res in residuals:
            window = only([n for n in res.walk() if n.name == "expand_window"], "expand_window")
            w = int(window.attrs["window_size"])
            mix = MaxoutNorm(only([n for n in res.walk() if n.name == "maxout"], "maxout"),
                             only([n for n in res.walk() if n.name == "layernorm"], "layer norm"))
            if mix.n_i != (2 * w + 1) * self.width or mix.n_o != self.width:
                raise Unsupported("window layer dimensions")
            self.layers.append((w, mix))
        softmax = only([n for n in nodes if n.name == "softmax"], "softmax")
        # the weights a call streams, in 2 MB pages if the system has any (huge_pages)
        *weights, self.out_W = huge_pages([mix.Wt for _, mix in self.layers] + [f32(numpy.asarray(softmax.get_param("W")).T)])
        for (_, mix), Wt in zip(self.layers, weights):
            mix.Wt = Wt
            if cut:
                mix.split(self.width)  # pieces of one window position
        self.pad = int(encoder.attrs.get("pad", 0))
        if self.pad != sum(w for w, _ in self.layers):
            raise Unsupported(f"encoder padding {self.pad} is not its receptive field")

        # -- output layer and decoding -------------------------------------------------------
        self.out_b = f32(softmax.get_param("b"))
        self.normalize = bool(softmax.attrs.get("softmax_normalize", False))
        self.temperature = float(softmax.attrs.get("softmax_temperature", 1.0))
        if self.out_W.shape[1] != len(tagger.labels):
            raise Unsupported("output width is not the number of labels")
        self.labels = list(tagger.labels)

        # rows kept beyond the text on each side before each layer, and the constant value
        # of spaCy's zero padding farther out (see :meth:`plan`)
        depth = len(self.layers)
        ws = [w for w, _ in self.layers]
        self._edges = [min(sum(ws[:k]), sum(ws[k:])) for k in range(depth + 1)]
        bounds = [numpy.zeros(self.width, dtype="float32")]
        for w, mix in self.layers:
            c = bounds[-1]
            bounds.append(c + mix(numpy.tile(c, 2 * w + 1)[None, :])[0])
        self._bounds = bounds
        self._window_cache: dict[tuple[int, ...], list[tuple[Any, int, int, Any]]] = {}
        # one short sequence (``kaznlp.ner`` per sentence) goes through :meth:`_short` where
        # the products are cut (rows of its widest layer at most twice the small-matrix tier)
        short = all(len(mix.pieces) == 2 * w + 1 for w, mix in self.layers)
        self._short_max = 2 * self.layers[0][1].small_rows - 2 * max(self._edges) if short else 0
        self._short_plans: dict[int, tuple[list[tuple[Any, list[tuple[int, int, int, Any, int]], int, Any]], int]] = {}

    def clear_caches(self) -> None:
        """Forget every word's embedding row and every window plan (memory is kept for reuse).

        The next calls compute their words again, as on a first pass over new text; the
        entities are the same.
        """
        self.embedding.clear()
        self._window_cache.clear()

    def cached_words(self) -> set[str]:
        """The words whose embedding row is cached (a first pass over new text finds none of them)."""
        return self.embedding.cached_words()

    # -- scores -------------------------------------------------------------------------------
    def plan(self, lengths: tuple[int, ...]) -> list[tuple[Any, int, int, Any]]:
        """Per window layer, for sequences of ``lengths`` (cached): the window row indices, the
        number of input and of output rows, and the input rows the residual adds (a slice when
        they are one run).

        Layer ``l`` keeps, on each side of every sequence, the rows that are not yet
        constant (within ``l * w`` of the text: farther out every row of spaCy's zero
        padding has the same value, ``self._bounds[l]``) and that later layers still read
        (within ``(depth - l) * w``). Its input has ``n_in`` such rows and then that constant
        row, at index ``n_in``. Extra rows (windows of the constant row, dropped after the
        product) pad the index array as :data:`ROW_MULTIPLE` says.
        """
        plan = self._window_cache.get(lengths)
        if plan is not None:
            return plan
        plan = []
        for layer, (w, mix) in enumerate(self.layers):
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
            if extra > 1 and n_out + extra <= mix.small_rows:
                extra = 0  # cut products: only a remainder of 3 is slower than 4 more rows
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

    def short_plan(self, n: int) -> list[tuple[Any, list[tuple[int, int, int, Any, int]], int, Any]]:
        """Per window layer, for one sequence of ``n`` tokens (cached): the pre-activation's
        constant part, the products to add, the offset of the residual rows and the constant
        row beside the input (``None`` where it is zero); see :meth:`_short`.

        The input of layer ``l`` is its ``n_in`` rows that are not constant (:meth:`plan`); window
        position ``j`` of output row ``i`` reads input row ``i + s`` (``s`` fixed per ``j``). Where that
        row is the constant one its product is a constant (``bounds[l] @ W_j``, in the first part),
        elsewhere the rows ``lo:hi`` take ``X[lo + s:hi + s] @ W_j`` (at most ``small_rows`` a product),
        of ``k`` rows: ``hi - lo``, or one more (dropped) for 3 mod 4 (the kernel takes 4 rows at a time:
        11 rows 15.4 us, 12 rows 13.4 us, weights out of cache, 2026-12); :meth:`_short_plan` says if any."""
        return self._short_plan(n)[0]

    def _short_plan(self, n: int) -> tuple[list[tuple[Any, list[tuple[int, int, int, Any, int]], int, Any]], int]:
        cached = self._short_plans.get(n)
        if cached is not None:
            return cached
        plan: list[tuple[Any, list[tuple[int, int, int, Any, int]], int, Any]] = []
        spare = 0
        for layer, (w, mix) in enumerate(self.layers):
            e_in, e_out = self._edges[layer], self._edges[layer + 1]
            n_in, n_out = n + 2 * e_in, n + 2 * e_out
            const: Any = numpy.empty((n_out, len(mix.b)), dtype="float32")
            const[:] = mix.b
            steps: list[tuple[int, int, int, Any, int]] = []
            for j, W in enumerate(mix.pieces):
                s = e_in - e_out - w + j
                lo, hi = max(0, -s), min(n_out, n_in - s)
                at_bound = self._bounds[layer] @ W
                const[:lo] += at_bound
                const[hi:] += at_bound
                for a in range(lo, hi, mix.small_rows):
                    b = min(hi, a + mix.small_rows)
                    k = b - a + (1 if (b - a) % ROW_MULTIPLE == ROW_MULTIPLE - 1 else 0)
                    spare |= k > b - a
                    steps.append((a, b, s, W, k))
            bound = self._bounds[layer]
            plan.append((const, steps, e_in - e_out, bound if bound.any() else None))
        if len(self._short_plans) > 512:
            self._short_plans.clear()
        self._short_plans[n] = plan, int(spare)
        return plan, int(spare)

    def _short(self, X: Any) -> Any:
        """The window CNN on one sequence's rows ``X`` (``n x width``, no padding row): each window
        position is one product with its block of the weights on the input rows themselves (no
        window copy), only where the input is not spaCy's constant padding (see :meth:`short_plan`);
        the same numbers as :meth:`scores`' windows up to float rounding."""
        empty = numpy.empty
        width = self.width
        n_in = len(X)
        plan, spare = self._short_plan(n_in)
        if spare:  # a zero row under each input, for the products of one row more
            X = numpy.concatenate([X, numpy.zeros((1, width), dtype="float32")])
        for (_, mix), (const, steps, d, bound) in zip(self.layers, plan):
            n_out = len(const)
            Y = const.copy()
            for lo, hi, s, W, k in steps:
                Y[lo:hi] += X[lo + s:hi + s] @ W if k == hi - lo else (X[lo + s:lo + s + k] @ W)[:k - 1]
            nxt = empty((n_out + spare, width), dtype="float32")
            nxt[n_out:] = 0
            out = nxt[:n_out] if spare else nxt
            mix.finish(Y, out)
            if d >= 0:
                out += X[d:d + n_out]
            else:  # more rows out than in: the rows beside the input add the constant row
                out[-d:-d + n_in] += X[:n_in] if spare else X
                if bound is not None:
                    out[:-d] += bound
                    out[-d + n_in:] += bound
            X = nxt
            n_in = n_out
        return X[:n_in] if spare else X

    def scores(self, sequences: Sequence[list[str]]) -> list[Any]:
        """Label scores (as the component's model outputs them) for each token sequence."""
        out: list[Any] = [numpy.zeros((0, len(self.labels)), dtype="float32") for _ in sequences]
        live = [i for i, seq in enumerate(sequences) if seq]
        if not live:
            return out
        if len(live) == 1 and len(sequences[live[0]]) <= self._short_max:
            Y = self._short(self.embedding.rows(sequences[live[0]])) @ self.out_W
            Y += self.out_b
            if self.normalize:
                Y = Y / self.temperature
                Y = numpy.exp(Y - Y.max(axis=1, keepdims=True))
                Y /= Y.sum(axis=1, keepdims=True)
            out[live[0]] = Y
            return out
        lengths = tuple(len(sequences[i]) for i in live)
        # each layer's input: its rows, then the layer's constant padding row (see _plan)
        X = self.embedding.rows([w for i in live for w in sequences[i]], padded=True)
        width = self.width
        last = len(self.layers) - 1
        bounds = self._bounds
        empty = numpy.empty
        for layer, ((w, mix), (idx, _, n_out, center)) in enumerate(zip(self.layers, self.plan(lengths))):
            Y = mix.product(X[idx].reshape(len(idx), (2 * w + 1) * width))
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
        check_chunks(chunks, "FastTagger")
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
                scores = tagger.sure_outside(scores, numpy.asarray(spaces))
            tags = tagger.decode(scores)
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
    except Unsupported:
        return None
    if check:
        try:
            ours = fast.scores([doc_tokens(t, fast.multiword)[0] for t in _CHECK_TEXTS])
            alone = [fast.scores([doc_tokens(t, fast.multiword)[0]])[0] for t in _CHECK_TEXTS]  # _short
            theirs, docs = _spacy_scores(nlp, _CHECK_TEXTS)
        except Exception:  # any surprise in a model we do not know: spaCy's path
            return None
        for text, doc, a, b in [*zip(_CHECK_TEXTS, docs, ours, theirs), *zip(_CHECK_TEXTS, docs, alone, theirs)]:
            words, starts = doc_tokens(text, fast.multiword)
            if [t.text for t in doc] != words or [t.idx for t in doc] != starts:
                return None
            if a.shape != b.shape or not numpy.allclose(a, b, atol=TOLERANCE, rtol=0):
                return None
    return fast
