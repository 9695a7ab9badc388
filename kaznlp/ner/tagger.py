"""``kaznlp_ner``: a fast spaCy NER component that tags each token with a BILUO label.

spaCy's transition-based ``ner`` spends most of its time stepping through parser
states (about 12,000 tokens/s on one core here, whatever the layer sizes); a
per-token classifier over BILUO labels (``B-GPE``, ``I-GPE``, ``L-GPE``, ``U-GPE``,
``O``) on the same CNN features runs about three times as fast. Decoding is greedy
and constrained, so the output is always a well-formed entity sequence: after
``B-X``/``I-X`` only ``I-X``/``L-X`` may follow, and a sentence never ends inside an
entity.

It learns from ``doc.ents`` of the reference docs (``Example.get_aligned_ner``),
so it trains from the same ``.spacy`` corpora as spaCy's ``ner``, through kaznlp's
tokenizer; tokens whose gold boundaries fall inside them are left out of the loss.
The factory is registered as ``kaznlp_ner``:

>>> import spacy
>>> import kaznlp.spacy_lang
>>> nlp = spacy.blank("kk")
>>> ner = nlp.add_pipe("kaznlp_ner")
>>> ner.add_label("U-GPE")
1
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.tokens import Doc, Span
from spacy.training import validate_examples
from thinc.api import Config, Model, SequenceCategoricalCrossentropy

# the architectures the component's configs name are registered with spaCy by importing them;
# the helpers stay importable from here (training/ner/package.py: half_precision)
from .architectures import (
    NumpyBlasOps,
    affix_features,
    affix_hash_embed,
    ensemble,
    float32_params,
    float32_vectors,
    half_precision,
    use_numpy_blas,
)

__all__ = [
    "DEFAULT_MODEL", "EntityTagger", "NumpyBlasOps", "affix_features", "affix_hash_embed", "ensemble",
    "float32_vectors", "half_precision", "make_entity_tagger",
]

_DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [10000,5000,5000,500]
include_static_vectors = false

[model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3
"""
DEFAULT_MODEL = Config().from_str(_DEFAULT_MODEL_CONFIG)["model"]


def _has_word(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit (``"Тоқаев"``, ``"2024"``; not ``"\\x00"``)."""
    return any(ch.isalnum() for ch in text)


def _trim_invisible(ent: Span) -> Span:
    """``ent`` without edge tokens of control or format characters only (``"\\x00Тоқаев"`` → ``"Тоқаев"``)."""
    start, end = ent.start, ent.end
    while end - start > 1 and not any(ch.isprintable() for ch in ent.doc[start].text):
        start += 1
    while end - start > 1 and not any(ch.isprintable() for ch in ent.doc[end - 1].text):
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label)


def _well_formed(tags: list[str]) -> bool:
    """Whether a BILUO sequence opens and closes its entities properly."""
    open_type = ""
    for lab in tags:
        move = lab[0]
        if open_type:
            if move not in "IL" or lab[2:] != open_type:
                return False
        elif move in "IL":
            return False
        open_type = lab[2:] if move in "BI" else ""
    return not open_type


def _missing(tag: Any) -> bool:
    return tag is None or tag == "-" or tag == ""


class EntityTagger(Tagger):
    """Token classifier over BILUO entity labels that writes ``doc.ents``."""

    #: probability of ``O`` above which a token cuts the Viterbi search (see :meth:`decode`);
    #: at 0.999 the tags on the KazNERD test split and on 0.3 MB of news are those of one
    #: search over the whole document (at 0.99, 8 of 80,000 tags differ)
    ANCHOR = 0.999

    def __init__(self, vocab: Any, model: Model, name: str = "kaznlp_ner", *,
                 scorer: Callable[..., Any] | None = None, label_smoothing: float = 0.0) -> None:
        super().__init__(vocab, model, name, overwrite=True, scorer=scorer, label_smoothing=label_smoothing)
        self._masks: tuple[Any, ...] | None = None
        self._logits: bool | None = None  # whether the model outputs logits (see _is_logits)
        use_numpy_blas(model)

    # -- labels and constraints ------------------------------------------------------
    def add_label(self, label: str) -> int:
        self._masks = None
        return super().add_label(label)

    # -- prediction ---------------------------------------------------------------------
    def predict(self, docs: Iterable[Doc]) -> list[list[str]]:
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [[] for _ in docs]
        scores = self.model.predict(docs)
        return [self.decode(self._outside_on_spaces(doc, self.model.ops.to_numpy(s))) for doc, s in zip(docs, scores)]

    def _outside_on_spaces(self, doc: Doc, scores: Any) -> Any:
        """Whitespace tokens (line breaks, runs of spaces) are never part of an entity.

        KazNERD has none, so the model has never seen one and may tag a lone line break
        as an entity; their scores are replaced by a sure ``O``.
        """
        spaces: Any = numpy.flatnonzero(doc.to_array(IS_SPACE)) if len(doc) else []
        return self.sure_outside(scores, spaces)

    def sure_outside(self, scores: Any, spaces: Any) -> Any:
        """``scores`` with the rows ``spaces`` (token indices) replaced by a sure ``O``."""
        o = self._viterbi_tables()[-1]
        if len(spaces) and o >= 0:
            scores = numpy.array(scores, copy=True)
            sure, other = (50.0, -50.0) if self._is_logits() else (1.0, 0.0)
            scores[spaces] = other
            scores[spaces, o] = sure
        return scores

    def decode(self, scores: Any) -> list[str]:
        """Most probable well-formed BILUO sequence.

        The per-token argmax is used as it is when it is already well formed (the usual
        case for a sentence). Otherwise the sequence is cut at tokens the model is sure
        are outside any entity (argmax ``O`` with probability >= ``ANCHOR``), and only the
        pieces that are not well formed are re-decoded by a Viterbi search over the
        states "outside" and "inside an entity of type t", which finds the best piece in
        which ``B-X``/``I-X`` is followed only by ``I-X``/``L-X`` and no entity is left
        open at the end. (One Viterbi pass over a whole multi-sentence document took about
        twice as long.)
        """
        labels = self._viterbi_tables()[0]  # the labels, kept (self.labels builds a tuple each call)
        best = scores.argmax(axis=1)
        out = [labels[j] for j in best.tolist()]
        if _well_formed(out):
            return out
        o = self._viterbi_tables()[-1]
        anchors: list[int] = []
        if o >= 0:
            sure = best == o
            # softmax probability of O where the argmax is O (the model may output logits)
            sc = scores[sure]
            p_o = 1.0 / numpy.exp(sc - sc[:, o][:, None]).sum(axis=1) if self._is_logits() else sc[:, o]
            anchors = numpy.flatnonzero(sure)[p_o >= self.ANCHOR].tolist()
        path_scores = self._path_scores(scores)
        start = 0
        for stop in anchors + [len(out)]:
            if stop > start and not _well_formed(out[start:stop]):
                out[start:stop] = self._viterbi(path_scores[start:stop])
            start = stop + 1
        return out

    def _is_logits(self) -> bool:
        """Whether the model outputs unnormalized scores (``spacy.Tagger.v2`` with
        ``normalize = false``, kaznlp's configs, at inference) rather than probabilities."""
        if self._logits is None:
            flags = [node.attrs["softmax_normalize"] for node in self.model.walk() if "softmax_normalize" in node.attrs]
            self._logits = bool(flags) and not any(flags)
        return self._logits

    @staticmethod
    def _path_scores(scores: Any) -> Any:
        """Per-token label scores that the Viterbi search sums: ``log(max(score, 1e-30))``.

        For a probability output that is the log-probability. kaznlp's models output
        logits, so this rules out the labels with a negative logit and ranks the rest by
        the log of the logit. It is kept because it decodes better on the dev slice than
        the log-softmax of the logits (round-1 model: dev 91.21 vs 90.72, test 86.73 vs 86.74;
        shipped model: dev 92.63 vs 92.45, test 87.11 vs 87.05).
        """
        with numpy.errstate(divide="ignore"):
            return numpy.log(numpy.maximum(scores, 1e-30))

    def _viterbi_tables(self) -> tuple[Any, ...]:
        if self._masks is not None:
            return self._masks
        labels = list(self.labels)
        n = len(labels)
        types = sorted({lab[2:] for lab in labels if lab != "O"})
        index = {lab: i for i, lab in enumerate(labels)}
        closed = numpy.asarray([i for i, lab in enumerate(labels) if lab == "O" or lab[0] == "U"], dtype="i")
        pick = {m: numpy.asarray([index.get(f"{m}-{t}", n) for t in types], dtype="i") for m in "BIL"}
        self._masks = (labels, types, closed, pick["B"], pick["I"], pick["L"], index.get("O", -1))
        return self._masks

    def _viterbi(self, path_scores: Any) -> list[str]:
        labels, types, closed, b_idx, i_idx, l_idx, _ = self._viterbi_tables()
        n_tok = len(path_scores)
        lp: Any = numpy.full((n_tok, len(labels) + 1), -numpy.inf, dtype="f")
        lp[:, :-1] = path_scores
        # state 0: outside; state 1 + k: inside an entity of type types[k]
        out_c = -numpy.inf if n_tok == 0 else 0.0
        out_in: Any = numpy.full(len(types), -numpy.inf, dtype="f")
        back = []  # per token: (label for reaching "outside", from-state), per-type (label, from-state)
        for i in range(n_tok):
            row = lp[i]
            j_closed = closed[int(row[closed].argmax())]
            stay = out_c + row[j_closed]
            ends = out_in + row[l_idx]
            k_end = int(ends.argmax()) if len(types) else 0
            if len(types) and ends[k_end] > stay:
                new_c, bc = ends[k_end], (int(l_idx[k_end]), 1 + k_end)
            else:
                new_c, bc = stay, (int(j_closed), 0)
            begin = out_c + row[b_idx]
            cont = out_in + row[i_idx]
            from_open = cont >= begin
            new_in = numpy.where(from_open, cont, begin)
            back.append((bc, from_open))
            out_c, out_in = new_c, new_in
        tags = [""] * n_tok
        state = 0
        for i in range(n_tok - 1, -1, -1):
            bc, from_open = back[i]
            if state == 0:
                j, state = bc
            else:
                k = state - 1
                if from_open[k]:
                    j = int(i_idx[k])
                else:
                    j, state = int(b_idx[k]), 0
            tags[i] = labels[j] if j < len(labels) else "O"
        return tags

    def set_annotations(self, docs: Iterable[Doc], batch_tags: list[list[str]]) -> None:
        """Set ``doc.ents`` from the BILUO tags, leaving out entities with no letter or digit.

        ``kaznlp.ner`` drops such spans (:func:`kaznlp.ner.edges.trim_span`); here they are
        control characters the model never saw in KazNERD (``"Ол\\x00келді"`` tagged the NUL
        ``GPE``), so ``kaznlp.load()`` and ``kaznlp.ner`` agree on them.
        """
        for doc, tags in zip(docs, batch_tags):
            ents = []
            start = -1
            for j, tag in enumerate(tags):
                move = tag[0]
                if move == "U":
                    ents.append(Span(doc, j, j + 1, label=tag[2:]))
                elif move == "B":
                    start = j
                elif move == "L" and start >= 0:
                    ents.append(Span(doc, start, j + 1, label=tag[2:]))
                    start = -1
            doc.set_ents([_trim_invisible(ent) for ent in ents if _has_word(ent.text)], default="outside")

    # -- training -------------------------------------------------------------------------
    def get_loss(self, examples: Iterable[Any], scores: Any) -> tuple[float, Any]:
        validate_examples(examples, "EntityTagger.get_loss")
        loss_func = SequenceCategoricalCrossentropy(
            names=self.labels, normalize=False, label_smoothing=self.cfg["label_smoothing"]
        )
        truths = []
        for eg in examples:
            truths.append([None if _missing(t) or t not in self.cfg["labels"] else t for t in eg.get_aligned_ner()])
        d_scores, loss = loss_func(scores, truths)
        if self.model.ops.xp.isnan(loss):
            raise ValueError("NaN loss in kaznlp_ner")
        return float(loss), d_scores

    def initialize(self, get_examples: Callable[[], Iterable[Any]], *, nlp: Any = None,
                   labels: Iterable[str] | None = None) -> None:
        if labels is not None:
            for label in labels:
                self.add_label(label)
        else:
            found = {"O"}
            for eg in get_examples():
                found.update(t for t in eg.get_aligned_ner() if not _missing(t))
            for label in sorted(found):
                self.add_label(label)
        doc_sample, label_sample = [], []
        for eg in islice(get_examples(), 10):
            doc_sample.append(eg.x)
            gold = eg.get_aligned_ner()
            rows = [[1.0 if lab == g else 0.0 for lab in self.labels] for g in gold]
            label_sample.append(self.model.ops.asarray(rows, dtype="float32"))
        self.model.initialize(X=doc_sample, Y=label_sample)
        self._masks = None

    def from_bytes(self, *args: Any, **kwargs: Any) -> EntityTagger:
        self._masks = self._logits = None
        out = super().from_bytes(*args, **kwargs)
        float32_vectors(self.vocab)
        float32_params(self.model)
        return out

    def from_disk(self, *args: Any, **kwargs: Any) -> EntityTagger:
        self._masks = self._logits = None
        out = super().from_disk(*args, **kwargs)
        float32_vectors(self.vocab)
        float32_params(self.model)
        return out


@Language.factory(
    "kaznlp_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "model": DEFAULT_MODEL,
        "scorer": {"@scorers": "kaznlp.entity_scorer.v1"},
        "label_smoothing": 0.0,
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_entity_tagger(nlp: Language, name: str, model: Model, scorer: Callable[..., Any] | None,
                       label_smoothing: float) -> EntityTagger:
    """``nlp.add_pipe("kaznlp_ner")``: BILUO token-classifier NER (see :class:`EntityTagger`)."""
    return EntityTagger(nlp.vocab, model, name, scorer=scorer, label_smoothing=label_smoothing)
