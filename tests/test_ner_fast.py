"""kaznlp.ner.fast: the fused numpy path gives spaCy's entities for whatever model is bundled.

Nothing here knows the bundled model's sizes: the fast path reads them from the loaded
pipeline, and these tests compare it with spaCy's own path (``backend=kaznlp.load()``)
on real Kazakh text: KazNERD *valid* sentences and lines of dev-split news files.
"""

from __future__ import annotations

import numpy
import pytest

from conftest import SHARED, needs_shared
from kaznlp.ner import get_backend, load, ner, ner_pipe
from kaznlp.ner.backends import Chunk, SpacyBackend
from kaznlp.ner.fast_embed import WordEmbedding
from kaznlp.ner.conll import detokenize, read_iob2
from kaznlp.ner.fast import FastTagger, compile_pipeline, doc_tokens
from kaznlp.spacy_lang import make_doc

DEV_NEWS = ("afn-kaz-1550", "knb-kaz-1010")  # dev split (benchmarks/gold/splits.py)


@pytest.fixture(scope="module")
def nlp():
    return load()


@pytest.fixture(scope="module")
def fast(nlp):
    tagger = compile_pipeline(nlp)
    assert tagger is not None, "the bundled model must run on the fast path"
    return tagger


def _kaznerd_valid(n: int) -> list[str]:
    sents = read_iob2(SHARED / "data" / "kaznerd" / "IOB2_valid.txt")
    step = max(1, len(sents) // n)
    return [detokenize(words)[0] for words, _ in sents[::step][:n]]


def _dev_news(n: int) -> list[str]:
    lines: list[str] = []
    for name in DEV_NEWS:
        text = (SHARED / "data" / "news" / "apertium_kaz_rus_corpus" / name).read_text(encoding="utf-8")
        lines.extend(ln for ln in text.splitlines() if ln.strip())
    return lines[:n]


def test_default_backend_is_the_fast_path():
    assert isinstance(get_backend("kaznlp"), FastTagger)
    # backend="spacy": the same model through spaCy's own nlp.pipe (the reference path)
    assert isinstance(get_backend("spacy"), SpacyBackend)


@needs_shared
def test_same_entities_as_spacy_on_kaznerd_valid_sentences(nlp):
    texts = _kaznerd_valid(400)
    fast_ents = [ner(t) for t in texts]  # one call per sentence, as users call it
    spacy_ents = list(ner_pipe(texts, backend=nlp))
    assert sum(map(len, spacy_ents)) > 300
    assert fast_ents == spacy_ents


@needs_shared
def test_same_entities_as_spacy_on_written_news(nlp):
    lines = _dev_news(150)
    document = "\n".join(lines)  # a long text: several chunks in one model batch
    assert list(ner_pipe(lines)) == list(ner_pipe(lines, backend=nlp))
    assert ner(document) == ner(document, backend=nlp)


def test_scores_equal_spacys_model_output(nlp, fast):
    texts = [
        "Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев Астанада сөз сөйледі.",
        "Ол",  # one token: the padding is all that surrounds it
        "«ҚазМұнайГаз» АҚ 2016 жылғы 21 қазанда 63%-ға өсті,  т.б.\n\nАЛМАТЫ. ҚазАқпарат - Бүгін",
    ]
    ours = fast.scores([doc_tokens(t)[0] for t in texts])
    docs = [nlp.make_doc(t) for t in texts]
    theirs = nlp.get_pipe("ner").model.predict(docs)
    for a, b, doc in zip(ours, theirs, docs):
        assert a.shape == (len(doc), len(nlp.get_pipe("ner").labels))
        assert numpy.allclose(a, b, atol=1e-4, rtol=0)
    # a sequence scores the same alone and in a batch with others
    alone = fast.scores([doc_tokens(texts[0])[0]])[0]
    assert numpy.allclose(alone, ours[0], atol=1e-4, rtol=0)  # BLAS rounds by batch shape


@pytest.mark.parametrize("text", [
    "Астана  қаласы",
    " \n Тоқаев\tАстанада\u00a0болды.  ",
    "ҚР-ның 63%-ы, т.б. egov.kz",
    "",
])
def test_tokens_are_those_of_the_spacy_tokenizer(nlp, text):
    words, starts = doc_tokens(text)
    doc = make_doc(nlp.vocab, text)
    assert words == [t.text for t in doc]
    assert starts == [t.idx for t in doc]


def test_new_words_do_not_grow_spacys_vocabulary(fast):
    before = len(fast.vocab)
    fast.entities([Chunk(0, "Зыңғыртпақбай Қырықтөбеұлы Шыңжаңбаевқа хат жазды.", ((0, 50),))])
    assert len(fast.vocab) == before


def test_word_cache_starts_afresh_when_full(fast, monkeypatch):
    from kaznlp.ner import fast_embed

    text = "Тоқаев Жаңаөзенбайқұлов Астанада Моңғолия елшісі Батсайханбаатармен кездесті."
    chunk = Chunk(0, text, ((0, len(text)),))
    expected = fast.entities([chunk])
    fast.clear_caches()
    assert fast.cached_words() == set()
    fast.entities([Chunk(0, "Алматыда жиын өтті.", ((0, 19),))])
    assert fast.cached_words() == set(doc_tokens("Алматыда жиын өтті.")[0])
    monkeypatch.setattr(fast_embed, "CACHE_ROWS", 5)
    assert fast.entities([chunk]) == expected  # 8 new words > 5 rows: the cache starts afresh
    assert fast.cached_words() == set(doc_tokens(text)[0])
    monkeypatch.undo()
    fast.clear_caches()
    assert fast.entities([chunk]) == expected


def test_pipeline_it_cannot_run_exactly_keeps_spacys_path(monkeypatch):
    spacy_nlp = load()
    spacy_nlp.add_pipe("kaznlp_sentencizer", first=True)  # another component: not the bundled pipeline
    assert compile_pipeline(spacy_nlp) is None
    # a computation that drifts from spaCy's (as a model with a layer it misreads would): the
    # self-check compares scores with spaCy's on Kazakh sentences and refuses
    other = load()
    assert compile_pipeline(other) is not None
    embed = WordEmbedding.embed
    monkeypatch.setattr(WordEmbedding, "embed", lambda self, words: embed(self, words) * 1.01)
    assert compile_pipeline(other) is None
    assert compile_pipeline(other, check=False) is not None


def test_threads_share_the_caches_safely(fast):
    # many threads, each with its own new words: the shared word cache must never hand a
    # thread rows that another thread is writing (a lock guards it)
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Тоқаев Қызылордабек{i}ұлы мен Астанаев{i} Алматыда кездесті." for i in range(40)]
    chunks = [Chunk(0, t, ((0, len(t)),)) for t in texts]
    alone = [fast.entities([c])[0] for c in chunks]
    fast.clear_caches()
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda c: fast.entities([c])[0], chunks))
    assert together == alone


def test_padded_rows_change_no_score(fast, monkeypatch):
    # the window layers pad their row count to a multiple of ROW_MULTIPLE (OpenBLAS is
    # faster on whole blocks of 4 rows); the extra rows read only the constant padding row
    # and are dropped: every score and entity is the one of the unpadded product
    from kaznlp.ner import fast as fast_module

    texts = ["Ол", "Тоқаев сөйледі.", "Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев Астанада сөз сөйледі.",
             "АЛМАТЫ. ҚазАқпарат - 2016 жылғы 21 қазанда «ҚазМұнайГаз» АҚ басқарма төрағасы сөз сөйледі."]
    seqs = [doc_tokens(t)[0] for t in texts]
    fast.clear_caches()
    padded = fast.scores(seqs) + [fast.scores([s])[0] for s in seqs]
    for lengths in [(len(s),) for s in seqs] + [tuple(len(s) for s in seqs)]:
        for idx, n_in, n_out, _ in fast.plan(lengths):
            # cut products of few rows (fast_layers.MaxoutNorm.product) pad a remainder of 3 only
            small = fast.layers[0][1].small_rows
            if len(idx) <= small and n_out % fast_module.ROW_MULTIPLE != fast_module.ROW_MULTIPLE - 1:
                assert len(idx) == n_out
            else:
                assert len(idx) % fast_module.ROW_MULTIPLE == 0 and len(idx) - n_out < fast_module.ROW_MULTIPLE
            assert (idx[n_out:] == n_in).all()  # padding windows: the constant row only
    chunks = [Chunk(0, t, ((0, len(t)),)) for t in texts]
    entities = fast.entities(chunks)
    monkeypatch.setattr(fast_module, "ROW_MULTIPLE", 1)
    fast.clear_caches()
    plain = fast.scores(seqs) + [fast.scores([s])[0] for s in seqs]
    for a, b in zip(padded, plain):
        assert a.shape == b.shape
        assert numpy.allclose(a, b, atol=1e-4, rtol=0)
    assert fast.entities(chunks) == entities
    assert sum(map(len, entities)) >= 5
    fast.clear_caches()


@needs_shared
@pytest.mark.parametrize("batch_size", [1, 2, 32])
def test_one_text_gives_what_the_stream_gives(batch_size):
    # kaznlp.ner tags its one text directly (no stream bookkeeping per call); it must cut the
    # same chunks into the same model batches and map the same entities back as ner_pipe does
    lines = _dev_news(120)
    document = "\n".join(lines)  # several 2,000-character chunks: several batches at batch_size 1 or 2
    mojibake = "Астана Қазақ".encode().decode("cp1251")  # repaired as a whole by normalize
    texts = [
        document,
        "Мемлекеттiк хатшы Ерлан Қарин Астанада сөз сөйледі.",  # a Latin "i": the alignment is not the identity
        f"Президент Тоқаев {mojibake} қаласында болды.",
        "Қасым-Жомарт Тоқа-\nев Астанаға келді.",  # de-hyphenated across the line
        "   ",
        "",
    ]
    for text in texts:
        for normalize, dehyphenate in ((True, True), (False, False)):
            options = {"normalize": normalize, "dehyphenate": dehyphenate, "batch_size": batch_size}
            alone = ner(text, **options)
            assert alone == next(ner_pipe([text], **options))
            assert all(text[e.start:e.end] == e.text for e in alone)
    assert len(ner(document, batch_size=batch_size)) > 100
