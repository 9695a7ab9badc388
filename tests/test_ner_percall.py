"""Per-call speed work on the fused NER path (issue 13): each shortcut gives the long way's result.

Speed itself is measured in ``benchmarks/speed/bench_ner.py`` (``--per-call``, ``--against``),
never here.
"""

from __future__ import annotations

import importlib

import numpy
import pytest

fast_layers = importlib.import_module("kaznlp.ner.fast_layers")


@pytest.mark.parametrize("rows", [1, 3, 4, 16, 20, 21, 24, 40, 41, 64, 200])
def test_window_product_in_pieces_equals_the_whole_product(rows, random_maxout_norm):
    """A window layer of the bundled model's shape (5 window positions of 128, 3 x 128 out): the
    product cut into pieces of one window position (or half of one) for few rows is the whole
    product up to float32 rounding, for every row count around the tiers."""
    mix = random_maxout_norm(128, 3, 640, numpy.random.default_rng(13))
    mix.split(128)
    assert [limit for limit, _ in mix._splits] == [20, 40]
    assert [len(pieces) for _, pieces in mix._splits] == [5, 10]
    X = numpy.random.default_rng(rows).standard_normal((rows, 640)).astype("f")
    whole = X @ mix.Wt
    got = mix.product(X)
    assert got.shape == whole.shape and got.dtype == numpy.float32
    assert numpy.allclose(got, whole, rtol=1e-5, atol=1e-4)


def test_window_product_of_a_layer_that_cannot_be_cut_is_the_whole_product(random_maxout_norm):
    mix = random_maxout_norm(16, 3, 40, numpy.random.default_rng(13))
    mix.split(7)  # 40 columns are not pieces of 7 (nor of 3.5)
    assert mix._splits == []
    X = numpy.ones((5, 40), dtype="f")
    assert numpy.array_equal(mix.product(X), X @ mix.Wt)


# --- chunks without a letter or digit never reach the model (kaznlp.ner._model_spans) -------------

class _Recorder:
    """A backend that tags every chunk as one PERSON and remembers what it was given."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def entities(self, chunks):
        self.seen.extend(chunk.text for chunk in chunks)
        return [[(0, len(chunk.text), "PERSON")] for chunk in chunks]


def test_a_long_line_of_punctuation_is_not_given_to_the_model():
    """1,000,000 punctuation marks took 33 s in the model and gave no entity: the model is not
    called at all now, and the answer is still []."""
    from kaznlp.ner import ner

    recorder = _Recorder()
    text = ".,;:!?()«»—" * 20_000 + "\n" + "* " * 50_000
    assert ner(text, backend=recorder) == []
    assert recorder.seen == []
    assert ner(text[:30_000]) == []  # the bundled model's path gives the same answer


def test_only_the_chunks_with_a_letter_or_digit_reach_the_model_and_results_stay_in_order():
    from kaznlp.ner import ner_pipe

    recorder = _Recorder()
    texts = ["Тоқаев келді.", "!!! ... ---", "«»", "Астана", "2024", "?"]
    got = [[e.text for e in ents] for ents in ner_pipe(texts, backend=recorder, batch_size=8)]
    assert recorder.seen == ["Тоқаев келді.", "Астана", "2024"]
    assert got == [["Тоқаев келді"], [], [], ["Астана"], ["2024"], []]


def test_the_letter_or_digit_pattern_is_str_isalnum():
    """``_ALNUM`` (re's ``\\w`` without the underscore) matches exactly the characters
    ``str.isalnum`` takes, whose spans ``trim_span`` keeps."""
    ner_module = importlib.import_module("kaznlp.ner")
    match = ner_module._ALNUM.match
    assert not [c for c in range(0x110000) if (match(chr(c)) is not None) != chr(c).isalnum()]


class _Lib:
    def __init__(self, internal_api: str, architecture: str) -> None:
        self.internal_api, self.architecture = internal_api, architecture


class _Controller:
    def __init__(self, *libs: _Lib) -> None:
        self.lib_controllers = list(libs)


@pytest.mark.parametrize("libs, cut", [
    ((_Lib("openblas", "SkylakeX"),), True),
    ((_Lib("openblas", "SapphireRapids"), _Lib("openblas", "Cooperlake")), True),
    ((_Lib("openblas", "Haswell"),), False),  # AVX2 kernel: the cut products were slower there
    ((_Lib("openblas", "SkylakeX"), _Lib("mkl", "")), False),
    ((), False),
])
def test_window_products_are_cut_only_on_openblas_small_matrix_cores(libs, cut, monkeypatch):
    threads = importlib.import_module("kaznlp.ner.threads")
    monkeypatch.setattr(threads, "_blas_controller", lambda: _Controller(*libs))
    assert threads.small_matrix_blas() is cut
    monkeypatch.setattr(threads, "_blas_controller", lambda: None)
    assert threads.small_matrix_blas() is False


def test_the_fast_tagger_keeps_whole_products_where_the_blas_has_no_small_matrix_kernel(monkeypatch):
    """The same entities either way (float32 rounding of the same sum)."""
    from kaznlp.ner import load
    from kaznlp.ner.chunk import Chunk

    fast_module = importlib.import_module("kaznlp.ner.fast")
    nlp = load()
    chunk = Chunk(0, "Қасым-Жомарт Тоқаев 2024 жылғы 21 қазанда Моңғолияға барды.", ((0, 59),))
    monkeypatch.setattr(fast_module, "small_matrix_blas", lambda: False)
    whole = fast_module.FastTagger(nlp)
    assert all(mix._splits == [] for _, mix in whole.layers)
    monkeypatch.setattr(fast_module, "small_matrix_blas", lambda: True)
    cut = fast_module.FastTagger(nlp)
    assert all(mix._splits for _, mix in cut.layers)
    assert cut.entities([chunk]) == whole.entities([chunk])
    assert numpy.allclose(cut.scores([["Тоқаев", "келді"]])[0], whole.scores([["Тоқаев", "келді"]])[0], atol=1e-4)


def test_one_short_sentence_alone_scores_as_in_a_batch():
    """``kaznlp.ner`` per sentence runs one sequence through ``FastTagger._short`` (one product per
    window position on the input rows, none on spaCy's constant padding): for every length up to
    the limit and one beyond, the scores are the batched windows' (float32 rounding) and so are
    the entities."""
    from kaznlp.ner import get_backend
    from kaznlp.ner.fast import doc_tokens

    fast = get_backend("kaznlp")
    words = doc_tokens("Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев 2024 жылғы 21 қазанда "
                       "Моңғолияға барды, ал «ҚазМұнайГаз» АҚ басқарма төрағасы Асқар Маманов Астанада "
                       "63%-ға өскен жобалар туралы сөз сөйлеп, ҚР-ның Сыртқы істер министрі келді. "
                       "Бұл туралы Ақорданың баспасөз қызметі 14:17-де хабарлады.")[0]
    assert len(words) > 41
    limit = fast._short_max
    for n in sorted({1, 2, 3, 7, 11, 12, 20, 21, 24, 31, 32, 33, 41} | {limit, limit + 1}):
        seq = words[:n]
        alone = fast.scores([seq])[0]
        batched = fast.scores([seq, ["Ол"]])[0]  # two sequences: the window products of fast.plan
        assert alone.shape == batched.shape
        assert numpy.allclose(alone, batched, atol=1e-4, rtol=0), n
        assert fast.tagger.decode(alone) == fast.tagger.decode(batched)
    if limit:  # OpenBLAS with its small-matrix kernel (fast_layers.MaxoutNorm.split)
        assert fast.short_plan(11)[0][1], "one product per window position"


def _short_unpadded(fast, X):
    """``FastTagger._short`` before the products of 3 mod 4 rows read a fourth (round 13): every
    product on exactly its rows."""
    for (_, mix), (const, steps, d, bound) in zip(fast.layers, fast.short_plan(len(X))):
        Y = const.copy()
        for lo, hi, s, W, _k in steps:
            Y[lo:hi] += X[lo + s:hi + s] @ W
        nxt = numpy.empty((len(const), fast.width), dtype="float32")
        mix.finish(Y, nxt)
        if d >= 0:
            nxt += X[d:d + len(nxt)]
        else:
            nxt[-d:-d + len(X)] += X
            if bound is not None:
                nxt[:-d] += bound
                nxt[-d + len(X):] += bound
        X = nxt
    return X


def test_short_products_padded_to_four_rows_give_the_same_numbers():
    """A product of 3 mod 4 rows in ``FastTagger._short`` reads one row more (OpenBLAS's kernel takes
    4 rows at a time; the extra output row is dropped): the CNN's output is bit for bit the one of
    the products on exactly their rows, for every sentence length of the short path."""
    from kaznlp.ner import get_backend
    from kaznlp.ner.fast import doc_tokens

    fast = get_backend("kaznlp")
    if not fast._short_max:
        pytest.skip("no small-matrix BLAS: one sentence takes the batched path")
    words = doc_tokens("Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев 2024 жылғы 21 қазанда "
                       "Моңғолияға барды, ал «ҚазМұнайГаз» АҚ басқарма төрағасы Асқар Маманов Астанада "
                       "63%-ға өскен жобалар туралы сөз сөйлеп, ҚР-ның Сыртқы істер министрі келді.")[0]
    padded = 0
    for n in range(1, min(len(words), fast._short_max) + 1):
        X = fast.embedding.rows(words[:n])
        steps = [step for _, layer_steps, _, _ in fast.short_plan(n) for step in layer_steps]
        padded += sum(k > hi - lo for lo, hi, _, _, k in steps)
        assert all(k == hi - lo + ((hi - lo) % 4 == 3) for lo, hi, _, _, k in steps), n
        assert numpy.array_equal(fast._short(X), _short_unpadded(fast, X)), n
    assert padded, "some products read a fourth row"


def test_huge_pages_copies_keep_the_values_and_start_on_a_huge_page():
    """``fast_layers.huge_pages``: the same values, C-contiguous, the first array on a 2 MB boundary
    where Linux offers ``MADV_HUGEPAGE`` (the window weights of a call in few TLB entries); small or
    elsewhere, the arrays themselves."""
    import mmap

    rng = numpy.random.default_rng(16)
    arrays = [rng.standard_normal((640, 384)).astype("float32") for _ in range(3)] + [numpy.arange(7, dtype="uint32")]
    copies = fast_layers.huge_pages(arrays)
    assert all(numpy.array_equal(a, c) and a.dtype == c.dtype and c.flags["C_CONTIGUOUS"] for a, c in zip(arrays, copies))
    if hasattr(mmap, "MADV_HUGEPAGE"):
        assert copies[0].ctypes.data % fast_layers.HUGE_PAGE == 0
        assert all(c.ctypes.data % 64 == 0 for c in copies)
        copies[1][0, 0] = arrays[1][0, 0] + 1  # writable, and a copy
        assert copies[1][0, 0] != arrays[1][0, 0]
    small = [numpy.ones(4, dtype="float32")]
    assert fast_layers.huge_pages(small)[0] is small[0]


def test_fast_path_window_weights_are_in_huge_pages():
    """The bundled model's window weights (3.9 MB) and output layer sit in one huge-page region on
    Linux: ``FastTagger._short`` 448 -> 408 us a call (KazNERD valid, CPU)."""
    import mmap

    from kaznlp.ner import get_backend

    fast = get_backend("kaznlp")
    if not hasattr(mmap, "MADV_HUGEPAGE"):
        pytest.skip("no MADV_HUGEPAGE here")
    assert fast.layers[0][1].Wt.ctypes.data % fast_layers.HUGE_PAGE == 0
    assert fast.embedding._folded_table.ctypes.data % fast_layers.HUGE_PAGE == 0
    if fast._short_max:
        assert fast.layers[0][1].pieces[0].ctypes.data == fast.layers[0][1].Wt.ctypes.data
