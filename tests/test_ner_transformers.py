"""The transformers backend, tested for real with a tiny random model the test builds on disk.

No download: a 1-layer BERT with 16-dimensional states and a WordPiece vocabulary of
Kazakh letters is saved with ``save_pretrained``. Its output layer is then fixed so that
the expected entities are known exactly (every word ``B-GPE``, or one ``B-PERSON``
followed by ``I-PERSON``), which checks what the wrapper must guarantee: kaznlp's
sentences and words go in, labels of the first sub-word come back, entities are in the
caller's offsets and never cross a sentence.
"""

from __future__ import annotations

import sys

import pytest

from kaznlp.ner import ner, ner_pipe
from kaznlp.ner.backends import TRANSFORMERS_MODEL, TransformersBackend, _tag_spans, get_backend
from kaznlp.sentences import split_sentences
from kaznlp.tokenize import tokenize

LABELS = ["O", "B-GPE", "I-GPE", "B-PERSON", "I-PERSON"]
DIRTY = "Мемлекеттiк хатшы Ерлан Қа\u00adрин\u00a0Астанада сөз сөйледі.\r\nТоқаев Пекинге барды."


def _build(path, force=None):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    letters = sorted(set("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә" + "абвгдеёжзийклмнопрстуфхцчшщъыьэюя".upper()
                         + "ӘҒҚҢӨҰҮҺІ" + "0123456789.,;:!?-«»()%i"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + letters + ["##" + c for c in letters]
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizerFast(vocab_file=str(path / "vocab.txt"), do_lower_case=False)
    config = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=512,
        id2label=dict(enumerate(LABELS)), label2id={lab: i for i, lab in enumerate(LABELS)},
    )
    torch.manual_seed(0)
    model = transformers.BertForTokenClassification(config).eval()
    if force is not None:
        with torch.no_grad():
            model.classifier.weight.zero_()
            model.classifier.bias.copy_(torch.tensor(force, dtype=torch.float32))
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


@pytest.fixture(scope="module")
def every_word_gpe(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("tiny_bert_gpe"), force=[0, 5, 0, 0, 0])


@pytest.fixture(scope="module")
def random_model(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("tiny_bert_random"))


def test_words_and_offsets_come_back_in_the_callers_text(every_word_gpe):
    backend = TransformersBackend(str(every_word_gpe), device="cpu")
    ents = ner(DIRTY, backend=backend)
    assert all(DIRTY[e.start:e.end] == e.text for e in ents)
    # every word is B-GPE: one entity per kaznlp word (punctuation-only spans are dropped)
    words = [(t.start, t.end) for t in tokenize(DIRTY, multiword=False) if any(ch.isalnum() for ch in t.text)]
    assert [(e.start, e.end) for e in ents] == words
    assert {e.label for e in ents} == {"GPE"}
    assert "Қа\u00adрин" in [e.text for e in ents]  # the soft hyphen is inside the word, offsets exact


def test_one_entity_per_sentence_never_across_sentences(tmp_path):
    path = _build(tmp_path, force=[0, 0, 0, 2, 5])  # I-PERSON everywhere: one run per sentence
    ents = ner(DIRTY, backend=TransformersBackend(str(path), device="cpu"))
    sentences = split_sentences(DIRTY)
    assert len(ents) == len(sentences)
    for e in ents:
        assert e.label == "PERSON"
        assert any(s.start <= e.start and e.end <= s.end for s in sentences)


def test_batching_gives_the_same_entities(random_model):
    texts = [DIRTY, "Алматыда қар жауды.", "", "Президент Тоқаев Қытайға барды. Ол Пекинде болды."] * 3
    one = list(ner_pipe(texts, backend=TransformersBackend(str(random_model), batch_size=1, device="cpu")))
    many = list(ner_pipe(texts, backend=TransformersBackend(str(random_model), batch_size=8, device="cpu")))
    assert one == many
    assert one[2] == []


def test_long_sentence_is_tagged_in_pieces(every_word_gpe):
    text = " ".join(["Астана"] * 300) + "."
    backend = TransformersBackend(str(every_word_gpe), device="cpu", max_words=50)
    ents = ner(text, backend=backend)
    assert len(ents) == 300  # no word lost to the model's length limit


def test_loaded_model_object_as_backend(every_word_gpe):
    transformers = pytest.importorskip("transformers")
    model = transformers.AutoModelForTokenClassification.from_pretrained(str(every_word_gpe))
    ents = ner("Тоқаев Пекинге барды.", backend=model)  # tokenizer found from the model's folder
    assert [e.text for e in ents] == ["Тоқаев", "Пекинге", "барды"]


def test_missing_model_says_how_to_download(tmp_path):
    pytest.importorskip("transformers")
    with pytest.raises(FileNotFoundError) as err:
        TransformersBackend(str(tmp_path / "nowhere"))
    message = str(err.value)
    assert "nowhere" in message and f"huggingface-cli download {TRANSFORMERS_MODEL}" in message


def test_missing_package_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "transformers", None)  # import transformers -> ImportError
    with pytest.raises(ModuleNotFoundError) as err:
        TransformersBackend("whatever")
    assert 'pip install "kaznlp[transformers]"' in str(err.value)


def test_bad_options_are_refused(every_word_gpe):
    with pytest.raises(ValueError, match="batch_size"):
        TransformersBackend(str(every_word_gpe), batch_size=0)
    with pytest.raises(ValueError, match="max_words"):
        TransformersBackend(str(every_word_gpe), max_words=0)


@pytest.mark.parametrize("tags, expected", [
    (["B-PER", "I-PER", "O", "B-GPE"], [(0, 2, "PER"), (3, 4, "GPE")]),
    (["I-PER", "I-PER", "I-GPE"], [(0, 2, "PER"), (2, 3, "GPE")]),  # IOB1 / stray I- starts an entity
    (["B-PER", "L-PER", "U-GPE", "O"], [(0, 2, "PER"), (2, 3, "GPE")]),  # BILUO
    (["B-PER", "B-PER", "O", "O"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["O", "O"], []),
])
def test_tag_reading(tags, expected):
    spans = [(i, i + 1) for i in range(len(tags))]
    assert _tag_spans(tags, spans) == expected


def test_default_transformers_backend_never_downloads(monkeypatch, tmp_path):
    pytest.importorskip("transformers")
    from kaznlp.ner import backends

    monkeypatch.setenv("HF_HOME", str(tmp_path))
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    backends._default_transformers.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match="huggingface-cli download"):
            get_backend("transformers")
    finally:
        backends._default_transformers.cache_clear()
    assert not any(p.is_file() for p in tmp_path.rglob("*"))  # nothing was fetched
