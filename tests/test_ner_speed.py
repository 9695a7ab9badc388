"""Per-call shortcuts of ``kaznlp.ner`` (issue 13) give the same results as the long way.

Speed itself is measured in ``benchmarks/speed/bench_ner.py`` (``--per-call``, ``--against``),
never here; these tests check that each shortcut changes nothing.
"""

from __future__ import annotations

import importlib

import numpy
import pytest

patterns = importlib.import_module("kaznlp.ner.patterns")
fast_layers = importlib.import_module("kaznlp.ner.fast_layers")

# written news with every class the cues guard, and sentences that only look like them
CUE_TEXTS = (
    "Жиын сағат 9.00-ден 18.30-ға дейін өтеді, ал баспасөз мәслихаты 14:17-де басталды.",
    "Инфляция 7,1%-ға, ал жалақы 25,3 %-ға өсті; бағасы 30,9 пайызға төмендеді.",
    "Бюджетке 2,5 млрд. теңге бөлінді, оның 300 мың доллары жол құрылысына жұмсалады.",
    "2016 жылғы 21 қазанда 150 адам жиналды.",  # digits, no time, percent or money
    "Ол 3.5 сағат бойы сөйледі, кездесу 12 минутқа созылды.",  # "3.5" is a cue, not a time
    "Пайыздық мөлшерлеме туралы 2024 жылы шешім қабылданды.",
)


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_a_pattern_never_matches_where_its_cue_does_not(text, monkeypatch):
    """The cue of a class is a necessary condition of its pattern: skipping the pattern when the
    cue is absent finds the same spans as running every pattern."""
    table = patterns._pattern_table()
    for label, cue in patterns._cues().items():
        if table[label].search(text):
            assert cue.search(text), (label, text)
    with_cues = patterns.pattern_spans(text)
    monkeypatch.setattr(patterns, "_cues", dict)
    assert patterns.pattern_spans(text) == with_cues


def test_cues_find_each_class():
    found = {label for label, cue in patterns._cues().items() if cue.search(CUE_TEXTS[0] + CUE_TEXTS[1] + CUE_TEXTS[2])}
    assert found == {"TIME", "PERCENTAGE", "MONEY"}
    assert not any(cue.search("Астанада форум өтті.") for cue in patterns._cues().values())


class _Layer:
    """A stand-in for a thinc layer: dims and params by name."""

    def __init__(self, dims: dict, params: dict) -> None:
        self.dims, self.params = dims, params

    def get_dim(self, name):
        return self.dims[name]

    def get_param(self, name):
        return self.params[name]


def test_maxout_norm_finish_writes_the_same_numbers_as_the_plain_formula():
    """``MaxoutNorm.finish`` squares into a block of its input instead of a new array: the result
    is bit for bit thinc's maxout and layer norm, written out with fresh arrays."""
    rng = numpy.random.default_rng(13)
    n_o, n_p, n_i = 16, 3, 40
    maxout = _Layer({"nO": n_o, "nP": n_p, "nI": n_i},
                    {"W": rng.standard_normal((n_o, n_p, n_i)).astype("f"), "b": rng.standard_normal((n_o, n_p)).astype("f")})
    norm = _Layer({}, {"G": rng.standard_normal(n_o).astype("f"), "b": rng.standard_normal(n_o).astype("f")})
    mix = fast_layers.MaxoutNorm(maxout, norm)
    X = rng.standard_normal((7, n_i)).astype("f")
    Y = X @ mix.Wt + mix.b
    best = numpy.maximum(numpy.maximum(Y[:, :n_o], Y[:, n_o:2 * n_o]), Y[:, 2 * n_o:])
    mu = best.sum(axis=1, keepdims=True) / numpy.float32(n_o)
    centred = best - mu
    var = (centred * centred).sum(axis=1, keepdims=True) / numpy.float32(n_o) + numpy.float32(1e-8)
    expected = centred * var ** numpy.float32(-0.5) * mix.G + mix.beta
    out = numpy.empty((7, n_o), dtype="f")
    got = mix.finish(Y.copy(), out)
    assert got is out
    assert numpy.array_equal(got, expected)
    assert numpy.array_equal(mix(X), expected)
