"""The Stanza backend, tested for real with a tiny Stanza NER model the test makes itself.

No download: the fixture trains a Stanza NER model for one step on two Kazakh
sentences with a 4-dimensional word-vector file written on the spot, then fixes
its output layer so that every token is tagged ``S-GPE`` (a single-token GPE).
That makes the expected entities exactly kaznlp's tokens, so the test checks
what the wrapper must guarantee: Stanza receives kaznlp's sentences and tokens
(pretokenized) and its entities come back in the caller's offsets.
"""

from __future__ import annotations

import json
import sys

import pytest

from kaznlp.ner import StanzaBackend, ner, ner_pipe
from kaznlp.ner.backends import STANZA_DOWNLOAD
from kaznlp.sentences import split_sentences
from kaznlp.tokenize import tokenize

DIRTY = "Мемлекеттiк хатшы Ерлан Қа\u00adрин\u00a0Астана қаласында 2024 жылы сөз сөйледі.\r\nТоқаев 63%-ы деді."

TRAIN_BIO = (
    "Қасым-Жомарт\tB-PERSON\nТоқаев\tE-PERSON\nАстана\tS-GPE\nқаласында\tO\nжиын\tO\nөтті\tO\n.\tO\n\n"
    "Президент\tO\nТоқаев\tS-PERSON\nҚазақстан\tS-GPE\nбарды\tO\n.\tO\n"
)


@pytest.fixture(scope="module")
def tiny_stanza(tmp_path_factory):
    pytest.importorskip("stanza")
    torch = pytest.importorskip("torch")
    from stanza.models import ner_tagger
    from stanza.models.common.pretrain import Pretrain
    from stanza.utils.datasets.ner.prepare_ner_file import process_dataset

    d = tmp_path_factory.mktemp("stanza_kk")
    words = ["Қазақстан", "Астана", "Тоқаев", "барды", ".", "қаласында", "жиын", "өтті", "Президент"]
    with open(d / "vec.txt", "w", encoding="utf-8") as f:
        f.write(f"{len(words)} 4\n")
        for i, w in enumerate(words):
            f.write(w + " " + " ".join(f"{((i * 7 + j * 3) % 11 - 5) / 5:.2f}" for j in range(4)) + "\n")
    pretrain = d / "kk_tiny.pretrain.pt"
    Pretrain(str(pretrain), str(d / "vec.txt")).load()  # converts and saves the .pt file
    (d / "train.bio").write_text(TRAIN_BIO, encoding="utf-8")
    for split in ("train", "dev"):
        process_dataset(str(d / "train.bio"), str(d / f"kk_test.{split}.json"))
    torch.manual_seed(0)
    ner_tagger.main([
        "--data_dir", str(d), "--wordvec_pretrain_file", str(pretrain),
        "--train_file", str(d / "kk_test.train.json"), "--eval_file", str(d / "kk_test.dev.json"),
        "--shorthand", "kk_test", "--max_steps", "1", "--eval_interval", "1",
        "--save_dir", str(d / "models"), "--save_name", "kk_tiny_ner.pt", "--cpu",
        "--word_emb_dim", "4", "--char_hidden_dim", "8", "--char_emb_dim", "8", "--hidden_dim", "8",
        "--batch_size", "4",
    ])
    model = d / "models" / "kk_tiny_ner.pt"
    checkpoint = torch.load(model, weights_only=False)
    tag_list = list(checkpoint["vocab"]["tag"]["_id2unit"][0])  # tag set 0 (a CompositeVocab)
    state = checkpoint["model"]
    target = tag_list.index("S-GPE")
    state["tag_clfs.0.weight"].zero_()
    state["tag_clfs.0.bias"].fill_(-10.0)
    state["tag_clfs.0.bias"][target] = 10.0
    state["crits.0._transitions"].zero_()
    torch.save(checkpoint, model)
    (d / "resources.json").write_text(json.dumps({"kk": {"lang_name": "Kazakh"}}), encoding="utf-8")
    return {"dir": str(d), "ner_model_path": str(model), "ner_pretrain_path": str(pretrain)}


@pytest.fixture(scope="module")
def backend(tiny_stanza):
    return StanzaBackend(**tiny_stanza)


def _expected(text: str) -> list[tuple[int, int, str]]:
    """Every kaznlp token of the repaired text, mapped back: what an all-GPE model must give."""
    from kaznlp.dehyphenate import dehyphenate
    from kaznlp.normalize import normalize

    clean, al = normalize(text, return_alignment=True)
    clean, step = dehyphenate(clean, return_alignment=True)
    al = al.compose(step)
    out = []
    for sent in split_sentences(clean):
        for tok in tokenize(clean[sent.start:sent.end]):
            if not any(ch.isalnum() for ch in tok.text):
                continue  # kaznlp.ner drops a span that is only punctuation (kaznlp.ner.rules)
            s, e = al.span_to_src(sent.start + tok.start, sent.start + tok.end)
            out.append((s, e, text[s:e]))
    return out


def test_stanza_gets_kaznlp_tokens_and_offsets_map_back(backend):
    ents = ner(DIRTY, backend=backend, rules=False)  # the model's spans only, no pattern rules
    assert [(e.start, e.end, e.text) for e in ents] == _expected(DIRTY)
    assert all(e.label == "GPE" and DIRTY[e.start:e.end] == e.text for e in ents)
    # kaznlp's tokens, not Stanza's: "63%-ы" and "Қа\xadрин" are single tokens
    assert "63%-ы" in [e.text for e in ents] and "Қа\u00adрин" in [e.text for e in ents]


def test_stanza_pipeline_object_and_batches(backend, tiny_stanza):
    texts = [DIRTY, "", "Астана қаласында жиын өтті."]
    by_backend = list(ner_pipe(texts, backend=backend, batch_size=1))
    by_pipeline = list(ner_pipe(texts, backend=backend.pipeline))
    assert by_backend == by_pipeline
    assert by_backend[1] == []
    assert [e.text for e in by_backend[2]] == ["Астана", "қаласында", "жиын", "өтті"]


def test_missing_stanza_model_says_what_to_run(tmp_path):
    pytest.importorskip("stanza")
    with pytest.raises(FileNotFoundError) as err:
        StanzaBackend(dir=str(tmp_path))
    # the command names the folder the caller chose
    assert f"stanza.download('kk', processors='tokenize,ner', model_dir={str(tmp_path)!r})" in str(err.value)


def test_missing_stanza_package_says_what_to_run(monkeypatch):
    monkeypatch.setitem(sys.modules, "stanza", None)  # import stanza -> ImportError
    with pytest.raises(ModuleNotFoundError) as err:
        StanzaBackend()
    assert 'pip install "kaznlp[stanza]"' in str(err.value)
    assert STANZA_DOWNLOAD in str(err.value)


def test_default_stanza_backend_never_downloads(monkeypatch, tmp_path):
    pytest.importorskip("stanza")
    from kaznlp.ner import backends

    backends._default_stanza.cache_clear()
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))  # empty: no model there
    try:
        with pytest.raises(FileNotFoundError, match="stanza.download"):
            ner("Астана қаласында жиын өтті.", backend="stanza")
    finally:
        backends._default_stanza.cache_clear()
    assert not any(tmp_path.iterdir())  # nothing was fetched


def test_missing_stanza_model_names_the_folder_stanza_really_reads(monkeypatch):
    # Stanza >= 1.10 reads ~/.cache/stanza/<version>/resources (platformdirs), not ~/stanza_resources
    stanza = pytest.importorskip("stanza")
    from pathlib import Path

    from stanza.resources.common import DEFAULT_MODEL_DIR

    if (Path(DEFAULT_MODEL_DIR) / "kk").exists():
        pytest.skip("a Kazakh Stanza model is installed in the default folder")
    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    with pytest.raises(FileNotFoundError) as err:
        StanzaBackend()
    message = str(err.value)
    assert f"looked in {DEFAULT_MODEL_DIR}" in message
    assert "stanza_resources" not in message or "stanza_resources" in DEFAULT_MODEL_DIR
    assert STANZA_DOWNLOAD in message
    assert stanza.__version__  # the installed Stanza decides the folder
