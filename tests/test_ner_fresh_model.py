"""A freshly built kaznlp NER model (the training architecture, not a saved one) runs on the fast path.

The fast numpy path (kaznlp.ner.fast) recognises the affix-feature layer by its name; a model
trained with a misspelt layer name silently fell back to spaCy's slower path (round 12).
"""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

import kaznlp.spacy_lang  # noqa: E402,F401
from kaznlp.ner.fast import compile_pipeline  # noqa: E402

MODEL = {
    "@architectures": "spacy.Tagger.v2",
    "nO": None,
    "normalize": False,
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "kaznlp.AffixHashEmbed.v1",
            "width": 16,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": [50, 40, 30, 20],
            "affixes": ["p3", "s2"],
            "affix_rows": [20, 20],
            "include_static_vectors": False,
            "word_dropout": 0.15,
        },
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 16, "depth": 2,
                   "window_size": 1, "maxout_pieces": 3},
    },
}


def _initialized(model: dict) -> tuple:
    """A blank ``kk`` pipeline with ``kaznlp_ner`` built from ``model``, initialised on one Kazakh sentence."""
    from spacy.training import Example

    nlp = spacy.blank("kk")
    nlp.add_pipe("kaznlp_ner", config={"model": model})
    text = "Қасым-Жомарт Тоқаев Астанада сөйледі."
    doc = nlp.make_doc(text)
    ents = [(0, len("Қасым-Жомарт Тоқаев"), "PERSON"), (text.index("Астанада"), text.index(" сөйледі"), "GPE")]
    nlp.initialize(lambda: [Example.from_dict(doc, {"entities": ents})])
    return nlp, doc


def test_fresh_affix_model_compiles_to_fast_path() -> None:
    nlp, doc = _initialized(MODEL)
    names = {node.name for node in nlp.pipeline[0][1].model.walk()}
    assert "kaznlp_affix_features" in names
    fast = compile_pipeline(nlp)
    assert fast is not None
    assert len(fast.scores([[t.text for t in doc]])[0]) == len(doc)


@pytest.mark.parametrize(("width", "depth", "window"), [(24, 3, 1), (40, 4, 2), (32, 5, 1)])
def test_fresh_model_of_any_width_and_depth_scores_as_spacy(width: int, depth: int, window: int) -> None:
    """A narrower or deeper model (a retrained one may change the encoder's sizes) compiles to the fast
    path, one short sentence alone (:meth:`FastTagger._short`, which has layers where the windows
    widen, narrow, or both) and in a batch, with the scores of spaCy's own path (compile_pipeline's
    self-check)."""
    import copy

    from kaznlp.ner.fast import doc_tokens

    model = copy.deepcopy(MODEL)
    model["tok2vec"]["embed"]["width"] = width
    model["tok2vec"]["encode"].update(width=width, depth=depth, window_size=window)
    nlp, _ = _initialized(model)
    fast = compile_pipeline(nlp)
    assert fast is not None
    assert [w for w, _ in fast.layers] == [window] * depth
    texts = ("Астана.", "Қасым-Жомарт Тоқаев 2024 жылғы 21 қазанда Моңғолияға барды.",
             "АСТАНА. ҚазАқпарат - «ҚазМұнайГаз» АҚ басқарма төрағасы Асқар Маманов сөз сөйледі, " * 2)
    for t in texts:
        words = doc_tokens(t, fast.multiword)[0]
        alone, = fast.scores([words])
        batched = fast.scores([words, ["Астана"]])[0]
        assert alone.shape == (len(words), len(fast.labels))
        assert abs(alone - batched).max() < 1e-4
