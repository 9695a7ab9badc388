"""The model architectures and weight helpers of ``kaznlp_ner`` (registered with spaCy).

``kaznlp.AffixHashEmbed.v1`` (hash embeddings of lexical attributes and of lower-cased
prefixes and suffixes of any length, with floret vectors through a per-word cache),
``kaznlp.Ensemble.v1`` (the average of several taggers), the entity scorer, thinc ops that
multiply with numpy's BLAS, and the float16 storage of the bundled model's weights.
:mod:`kaznlp.ner.tagger` (the component) imports this module, so loading a pipeline that
uses these names registers them.

>>> import spacy, kaznlp.spacy_lang
>>> doc = spacy.blank("kk")("Астанада форум өтті")
>>> affix_features(["NORM"], ["s2"]).predict([doc])[0].shape
(3, 2)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import ORTH, intify_attr
from spacy.ml import staticvectors as _spacy_static
from spacy.scorer import get_ner_prf
from spacy.strings import hash_string  # type: ignore[attr-defined, unused-ignore]  # (not in spaCy's strings.pyi)
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vectors import Mode
from thinc.api import HashEmbed, Maxout, Model, NumpyOps, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.initializers import glorot_uniform_init
from thinc.types import Ragged
from thinc.util import partial

__all__ = [
    "NumpyBlasOps", "affix_features", "affix_hash_embed", "cached_static_vectors", "ensemble", "float32_params",
    "float32_vectors", "half_precision", "make_entity_scorer", "use_numpy_blas",
]


@registry.scorers("kaznlp.entity_scorer.v1")
def make_entity_scorer() -> Callable[..., dict[str, Any]]:
    """Entity P/R/F (``ents_p``, ``ents_r``, ``ents_f``, ``ents_per_type``), as spaCy's ``ner``."""
    return lambda examples, **kwargs: get_ner_prf(examples, **kwargs)


def affix_features(attrs: list[str], affixes: list[str], word_dropout: float = 0.0) -> Model:
    """Doc -> uint64 columns: spaCy lexical ``attrs`` then lower-cased affixes.

    An affix is ``"p<n>"`` (first n letters) or ``"s<n>"`` (last n letters) of the
    lower-cased word: Kazakh stems and case/possessive endings of any length, which
    the single 5-letter PREFIX / 3-letter SUFFIX attributes cannot express. Affix
    hashes are cached per word form.

    ``word_dropout`` (training only): that share of tokens get an "unknown word" value
    in the whole-word columns (NORM, LOWER, ORTH), so the model learns to tag words
    it has never seen from their affixes and subword vectors.

    >>> import spacy, kaznlp.spacy_lang
    >>> doc = spacy.blank("kk")("Астанада форум өтті")
    >>> cols = affix_features(["NORM"], ["s2"]).predict([doc])[0]
    >>> cols.shape  # one row per token: NORM, then the last two letters ("да", "ум", "ті")
    (3, 2)
    >>> int(cols[0, 1]) == doc.vocab.strings["да"]
    True
    """
    attr_ids = [intify_attr(a) for a in attrs] + [ORTH]
    n_attrs = len(attrs)
    word_cols = [i for i, a in enumerate(attrs) if str(a).upper() in ("NORM", "LOWER", "ORTH")]
    unknown = hash_string("<kaznlp-unknown-word>")
    rng = numpy.random.default_rng(0)
    specs = [(a[0], int(a[1:])) for a in affixes]
    cache: dict[int, list[int]] = {}

    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Any], Callable]:
        ops = model.ops
        out = []
        for doc in docs:
            arr = doc.to_array(attr_ids)
            rows = []
            strings = doc.vocab.strings
            for orth in arr[:, -1].tolist():
                feats = cache.get(orth)
                if feats is None:
                    low = strings[orth].lower()
                    feats = [hash_string(low[:n] if kind == "p" else low[-n:]) for kind, n in specs]
                    if len(cache) < 500_000:
                        cache[orth] = feats
                rows.append(feats)
            cols: Any = numpy.empty((len(doc), n_attrs + len(specs)), dtype="uint64")
            cols[:, :n_attrs] = arr[:, :-1]
            cols[:, n_attrs:] = numpy.asarray(rows, dtype="uint64").reshape((len(doc), len(specs)))
            if is_train and word_dropout > 0 and word_cols:
                drop = rng.random(len(doc)) < word_dropout
                for c in word_cols:
                    cols[drop, c] = unknown
            out.append(ops.asarray2i(cols, dtype="uint64"))
        return out, lambda d: []

    # the feature spec is kept on the layer so that kaznlp.ner.fast can rebuild the same columns
    return Model("kaznlp_affix_features", forward, attrs={"feature_attrs": list(attrs), "affixes": list(affixes)})


_VECTOR_CACHE_ROWS = 100_000


def cached_static_vectors(nO: int | None = None, *, dropout: float | None = None) -> Model:
    """``spacy.ml.StaticVectors`` (same parameters, same output) with a per-word cache.

    A floret vector is the mean of the rows of a word's hashed character n-grams;
    computing it is most of the cost of the layer, so each word key's vector is kept
    (up to ``_VECTOR_CACHE_ROWS`` words; the cache starts afresh when it is full or the
    vectors table changes). Tables that are not floret go through spaCy's own code.
    """
    cache: dict[str, Any] = {"owner": None, "index": {}, "table": None, "size": 0}

    def lookup(vectors: Any, keys: Any) -> Any:
        owner = (id(vectors), vectors.shape)
        uniq, inverse = numpy.unique(keys, return_inverse=True)
        index = cache["index"]
        if cache["owner"] != owner or len(index) + len(uniq) > _VECTOR_CACHE_ROWS:
            index.clear()
            cache.update(owner=owner, size=0, table=numpy.zeros((max(1024, len(uniq)), vectors.shape[1]), dtype="f"))
        uniq_list = uniq.tolist()
        missing = [k for k in uniq_list if k not in index]
        if missing:
            size = cache["size"]
            table = cache["table"]
            if size + len(missing) > len(table):
                grown = numpy.zeros((max(2 * len(table), size + len(missing)), table.shape[1]), dtype="f")
                grown[:size] = table[:size]
                cache["table"] = table = grown
            table[size:size + len(missing)] = numpy.asarray(vectors.get_batch(missing), dtype="f")
            for i, k in enumerate(missing):
                index[k] = size + i
            cache["size"] = size + len(missing)
        rows = numpy.fromiter((index[k] for k in uniq_list), dtype="int64", count=len(uniq_list))
        return cache["table"][rows[inverse.reshape(-1)]]

    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[Any, Callable]:
        vectors = docs[0].vocab.vectors if docs else None
        if vectors is None or getattr(vectors, "mode", None) != Mode.floret or not sum(len(d) for d in docs):
            return _spacy_static.forward(model, docs, is_train)
        keys = numpy.concatenate([doc.to_array(vectors.attr) for doc in docs]).astype("uint64")
        V = model.ops.asarray(lookup(vectors, keys))
        W = model.ops.as_contig(model.get_param("W"))
        output = Ragged(model.ops.gemm(V, W, trans2=True), model.ops.asarray1i([len(doc) for doc in docs]))
        mask = _spacy_static._get_drop_mask(model.ops, W.shape[0], model.attrs.get("dropout_rate")) if is_train else None
        if mask is not None:
            output.data *= mask

        def backprop(d_output: Ragged) -> list[Doc]:
            if mask is not None:
                d_output.data *= mask
            model.inc_grad("W", model.ops.gemm(d_output.data, V, trans1=True))
            return []

        return output, backprop

    return Model(
        "static_vectors",
        forward,
        init=partial(_spacy_static.init, glorot_uniform_init),
        params={"W": None},
        attrs={"key_attr": "ORTH", "dropout_rate": dropout},
        dims={"nO": nO, "nM": None},
    )


@registry.architectures("kaznlp.AffixHashEmbed.v1")
def affix_hash_embed(width: int, attrs: list[str], rows: list[int], affixes: list[str],
                     affix_rows: list[int], include_static_vectors: bool, word_dropout: float = 0.0) -> Model:
    """``spacy.MultiHashEmbed.v2`` plus hash embeddings of lower-cased prefixes and suffixes.

    ``affixes=["p3","s4"]`` embeds each word's first 3 and last 4 letters, with
    ``affix_rows`` rows each. Static vectors (e.g. floret) are added as in spaCy.
    ``word_dropout``: see :func:`affix_features` (no effect at inference).
    """
    if len(rows) != len(attrs) or len(affix_rows) != len(affixes):
        raise ValueError("rows/affix_rows must match attrs/affixes")
    all_rows = list(rows) + list(affix_rows)
    embeddings = [HashEmbed(width, all_rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(all_rows))]
    concat_size = width * (len(embeddings) + include_static_vectors)
    max_out = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    features = chain(affix_features(list(attrs), list(affixes), word_dropout), list2ragged(), with_array(concatenate(*embeddings)))
    if include_static_vectors:
        return chain(concatenate(features, cached_static_vectors(width, dropout=0.0)), max_out, ragged2list())
    return chain(features, max_out, ragged2list())


@registry.architectures("kaznlp.Ensemble.v1")
def ensemble(*members: Model) -> Model:
    """Average of the per-token label probabilities of several tagger models (inference only).

    Each member is a complete ``spacy.Tagger.v2`` model (own tok2vec, same labels in
    the same order, shared static vectors); ``training/ner/ensemble.py`` builds the
    pipeline from separately trained ones.
    """

    def forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Any], Callable]:
        if is_train:
            raise NotImplementedError("kaznlp.Ensemble.v1 is for inference; train the members separately")
        outs = [layer.predict(docs) for layer in model.layers]
        k = 1.0 / len(outs)
        return [sum(o[i] for o in outs) * k for i in range(len(docs))], lambda d: []

    def init(model: Model, X: Any = None, Y: Any = None) -> None:
        for layer in model.layers:
            layer.initialize(X=X, Y=Y)

    return Model("kaznlp_ensemble", forward, init=init, layers=list(members))


class NumpyBlasOps(NumpyOps):
    """thinc's CPU ops with matrix products by numpy (its BLAS) instead of blis.

    On one core numpy's OpenBLAS multiplies this model's float32 matrices 1.7-2.9 times
    as fast as thinc's bundled blis (about 120 vs 40-75 GFLOP/s here); everything else
    is thinc's own code. The results differ only in float rounding.
    """

    name = "kaznlp_numpy_blas"

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def use_numpy_blas(model: Model) -> None:
    """Give every layer of ``model`` that runs on plain ``NumpyOps`` the :class:`NumpyBlasOps`."""
    ops = None
    for node in model.walk():
        if type(node.ops) is NumpyOps:
            ops = ops or NumpyBlasOps()
            node.ops = ops


def _cast_params(model: Model, source: Any, target: str) -> None:
    """Convert every weight of ``model`` stored as ``source`` dtype to ``target``."""
    for node in model.walk():
        for name in node.param_names:
            if node.has_param(name):
                value = node.get_param(name)
                if getattr(value, "dtype", None) == source:
                    node.set_param(name, value.astype(target))


def float32_params(model: Model) -> None:
    """Widen float16 weights (how ``training/ner/package.py`` stores them) to float32 on loading."""
    _cast_params(model, numpy.float16, "float32")


def half_precision(model: Model) -> None:
    """Store ``model``'s weights as float16 (for saving; loading widens them again)."""
    _cast_params(model, numpy.float32, "float16")


def float32_vectors(vocab: Any) -> None:
    """The bundled model stores its floret table as float16 (half the size on disk);
    spaCy's vector look-ups need float32, so the table is widened once, on loading
    (:meth:`EntityTagger.from_disk` calls this; a float32 table is left as it is).

    >>> import numpy
    >>> from spacy.vocab import Vocab
    >>> from spacy.vectors import Vectors
    >>> vocab = Vocab()
    >>> vocab.vectors = Vectors(data=numpy.ones((2, 4), dtype="float16"), keys=[1, 2])
    >>> float32_vectors(vocab)
    >>> vocab.vectors.data.dtype
    dtype('float32')
    """
    vectors = getattr(vocab, "vectors", None)
    data = getattr(vectors, "data", None)
    if vectors is not None and data is not None and getattr(data, "dtype", None) == numpy.float16:
        vectors.data = data.astype("float32")
