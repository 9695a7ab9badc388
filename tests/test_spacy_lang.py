"""spaCy integration: spacy.blank("kk"), kaznlp's tokenizer, factories, n_process=2, configs."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from importlib import metadata

import pytest

spacy = pytest.importorskip("spacy", reason='the spaCy integration needs the [ner] extra: pip install ".[ner]"')

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from spacy.util import load_model_from_config, registry  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402

import kaznlp  # noqa: E402
import kaznlp.spacy_lang as kk  # noqa: E402
from kaznlp.ner import load, ner  # noqa: E402
from kaznlp.sentences import split_sentences  # noqa: E402
from kaznlp.tokenize import tokenize  # noqa: E402

TEXT = (
    "Қазақстан мен Моңғолия Жоғарғы Соттарының Төрағалары Асламбек Мерғалиев пен "
    "Ганзориг Дамдин онлайн-кездесуде өзара іс-қимыл аспектілерін талқылады, деп жазады Egemen.kz. "
    "А.Мерғалиев азаматтардың 63%-ы мемлекеттік органдармен дауларда ұтатыны туралы айтты."
)
DIRTY = "Мемлекеттiк хатшы Ерлан Қа\u00adрин\u00a0Астана қаласында 2024 жылы сөз сөйледі."


def test_blank_kk_is_kazakh_with_kaznlp_tokenizer():
    nlp = spacy.blank("kk")
    assert isinstance(nlp, kk.Kazakh) and nlp.lang == "kk"
    assert isinstance(nlp.tokenizer, kk.KazakhTokenizer)
    doc = nlp(TEXT)
    assert [t.text for t in doc] == [t.text for t in tokenize(TEXT)]
    assert doc.text == TEXT
    # Kazakh letters are letters: one alphabetic token each, and the 5-letter stem prefix
    for word in ("Қазақстанның", "әріптестерінің", "Өскемен", "ұлттық", "үкімет", "ғылым", "һәм", "іс"):
        (tok,) = nlp(word)
        assert tok.is_alpha and tok.text == word
    assert nlp("Астанада")[0].prefix_ == nlp("Астананың")[0].prefix_ == "Астан"


def test_entry_points_declared():
    # after `pip install kaznlp` spaCy finds "kk" without importing kaznlp first
    try:
        dist = metadata.distribution("kaznlp")
    except metadata.PackageNotFoundError:
        pytest.skip("kaznlp is not pip-installed (running from a source checkout)")
    eps = {(ep.group, ep.name): ep.value for ep in dist.entry_points}
    if ("spacy_languages", "kk") not in eps:
        pytest.skip("installed kaznlp metadata predates the spaCy entry points; reinstall")
    assert eps[("spacy_languages", "kk")] == "kaznlp.spacy_lang:Kazakh"
    assert ("spacy_factories", "kaznlp_sentencizer") in eps
    assert ("spacy_factories", "kaznlp_ner") in eps


def test_make_doc_with_given_tokens_keeps_the_text():
    """make_doc with the tokens of kaznlp.process (found in the repaired text, mapped back): a
    word broken across a line stays one token, the text is the caller's, the clean form is the norm."""
    text = "Премьер- Министр мемлекет-\nтік тіл туралы  айтты.\n"
    doc = kaznlp.process(text)
    toks = [t for s in doc.sentences for t in s.tokens]
    sdoc = kk.make_doc(Vocab(), text, tokens=[(t.start, t.end) for t in toks], sentences=[0],
                       norms=[(i, t.norm) for i, t in enumerate(toks) if t.norm != t.text])
    assert sdoc.text == text
    words = [t.text for t in sdoc if not t.text.isspace()]
    assert words == [t.text for t in toks] and "мемлекет-\nтік" in words
    assert [t.norm_ for t in sdoc if t.text == "мемлекет-\nтік"] == ["мемлекеттік"]
    assert [t.norm_ for t in sdoc if t.text == "Премьер- Министр"] == ["Премьер-Министр"]
    assert [t.text for t in sdoc if t.text.isspace()] == [" ", "\n"]  # two spaces: one trailing, one a token
    assert [s.text for s in sdoc.sents] == [text]
    assert kk.make_doc(Vocab(), text).text == text  # tokenized by kaznlp.tokenize


def test_spacy_finds_every_piece_through_the_entry_points_alone():
    """spacy_lang does not import kaznlp.ner (the NER layer sits above it): a fresh process
    that never imports kaznlp gets "kk" and the "kaznlp_ner" factory from the entry points,
    and spacy.load of the bundled model builds its kaznlp_ner component."""
    if ("spacy_factories", "kaznlp_ner") not in {(ep.group, ep.name) for ep in metadata.entry_points(
            group="spacy_factories")}:
        pytest.skip("kaznlp is not pip-installed with its spaCy entry points")
    code = textwrap.dedent("""
        import sys, spacy
        import kaznlp.spacy_lang
        assert "kaznlp.ner.tagger" not in sys.modules, "spacy_lang imported the NER component"
        nlp = spacy.blank("kk")
        ner = nlp.add_pipe("kaznlp_ner")
        print(type(nlp).__module__, type(ner).__module__)
        from kaznlp.ner import model_path
        try:
            path = model_path()
        except ModuleNotFoundError:
            print("no model")
        else:
            loaded = spacy.load(path)
            print(type(loaded).__name__, [type(p).__name__ for _, p in loaded.pipeline])
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "kaznlp.spacy_lang kaznlp.ner.tagger"
    if out[1] != "no model":
        assert out[1].startswith("Kazakh [") and "EntityTagger" in out[1]


@settings(max_examples=40)
@given(st.text(alphabet="Қазақ әріп ҚР-ның 63%-ы т.б. \n\t\u00a0.,«»-", max_size=60))
def test_doc_text_is_the_input(text):
    nlp = spacy.blank("kk")
    doc = nlp(text)
    assert doc.text == text
    words = [t.text for t in doc if not t.is_space]
    assert [w for w in words if w.strip()] == [t.text for t in tokenize(text)]


def test_tokenizer_pickles_and_serializes(tmp_path):
    nlp = spacy.blank("kk")
    nlp.add_pipe("kaznlp_sentencizer")
    again = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert [t.text for t in again(TEXT)] == [t.text for t in nlp(TEXT)]
    nlp.to_disk(tmp_path / "kk")
    loaded = spacy.load(tmp_path / "kk")
    assert loaded.pipe_names == ["kaznlp_sentencizer"]
    assert [s.text for s in loaded(TEXT).sents] == [s.text for s in nlp(TEXT).sents]
    assert spacy.blank("kk").from_bytes(nlp.to_bytes()).tokenizer is not None


def test_sentencizer_matches_split_sentences():
    nlp = spacy.blank("kk")
    nlp.add_pipe("kaznlp_sentencizer")
    text = TEXT + "\n\nСот  т.б. мәселелерді қарады. Ол 2,5 жыл бұрын басталды."
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents == [s.text for s in split_sentences(text)]


def test_normalizer_keeps_source_offsets():
    nlp = load()
    nlp.add_pipe("kaznlp_normalizer", first=True)
    doc = nlp(DIRTY)
    assert doc._.source_text == DIRTY
    assert "Мемлекеттік" in doc.text and "\u00ad" not in doc.text
    ents = doc._.source_ents
    assert ents, "the model should find entities in this sentence"
    for e, ent in zip(ents, doc.ents):
        assert DIRTY[e.start:e.end] == e.text
        assert ent._.source_span == (e.start, e.end)
    assert ents == ner(DIRTY, dehyphenate=False)
    # without the normalizer the extensions are the identity
    plain = spacy.blank("kk")("Астана")
    assert plain._.source_text == "Астана" and plain._.source_alignment is None


def test_pipe_with_two_processes():
    nlp = load()
    nlp.add_pipe("kaznlp_normalizer", first=True)
    texts = [TEXT, DIRTY, "", "Алматыда қар жауды."] * 3
    single = [[(e.text, e.label_) for e in d.ents] for d in nlp.pipe(texts)]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [[(e.text, e.label_) for e in d.ents] for d in docs] == single
    # the caller's text and the alignment survive the trip between processes
    assert docs[1]._.source_text == DIRTY
    assert all(DIRTY[e.start:e.end] == e.text for e in docs[1]._.source_ents)


def test_config_references_registered_functions():
    cfg = spacy.util.load_config_from_str(
        """
[nlp]
lang = "kk"
pipeline = ["kaznlp_sentencizer"]

[nlp.tokenizer]
@tokenizers = "kaznlp.Tokenizer.v1"

[components]

[components.kaznlp_sentencizer]
factory = "kaznlp_sentencizer"
"""
    )
    nlp = load_model_from_config(cfg, auto_fill=True)
    assert isinstance(nlp.tokenizer, kk.KazakhTokenizer)
    assert len(list(nlp(TEXT).sents)) == 2
    normalize = registry.misc.get("kaznlp.normalize.v1")()
    assert normalize(DIRTY).startswith("Мемлекеттік хатшы")
