"""Token.norm and the Document (issue 16, items 1-2): the clean form beside the caller's surface."""

from __future__ import annotations

import pickle

import pytest

import kaznlp
from kaznlp import Document, Token
from kaznlp.spans import make_token


def pairs(doc: Document) -> list[tuple[str, str]]:
    return [(t.text, t.norm) for t in doc.tokens if t.norm != t.text]


def test_norm_is_the_repaired_form_and_text_the_callers() -> None:
    text = "Премьер- Министр мемлекеттiк тіл туралы заңға қол қойды."  # web split + Latin "i"
    doc = kaznlp.process(text)
    assert pairs(doc) == [("Премьер- Министр", "Премьер-Министр"), ("мемлекеттiк", "мемлекеттік")]
    for t in doc.tokens:
        assert text[t.start:t.end] == t.text
        assert doc.clean_text[slice(*doc.alignment.span_to_dst(t.start, t.end))] == t.norm


def test_norm_equals_text_when_nothing_changed_and_costs_no_new_records() -> None:
    text = "Астана — Қазақстанның елордасы. Онда 1,4 млн. адам тұрады."
    doc = kaznlp.process(text)
    assert all(t.norm == t.text and type(t) is Token for t in doc.tokens)
    assert doc.clean_text == text and doc.alignment.is_identity
    assert kaznlp.tokenize(text) == doc.tokens  # the tokenizer's own records


def test_repairs_off_give_surface_norms() -> None:
    text = "Премьер- Министр мемлекеттiк"
    doc = kaznlp.process(text, normalize=False, dehyphenate=False)
    assert pairs(doc) == [] and doc.clean_text == text


def test_token_stays_a_four_field_tuple() -> None:
    tok = kaznlp.process("мемлекеттiк тіл").tokens[0]
    start, end, text, kind = tok
    assert (start, end, text, kind, tok.norm) == (0, 11, "мемлекеттiк", "word", "мемлекеттік")
    assert len(tok) == 4 and isinstance(tok, Token)
    with pytest.raises(AttributeError):
        tok.start = 3  # type: ignore[misc]
    # equality and repr see the clean form
    assert tok != Token(0, 11, "мемлекеттiк", "word") and tok == make_token(0, 11, "мемлекеттiк", "word", "мемлекеттік")
    assert "norm='мемлекеттік'" in repr(tok)
    assert tok._replace(kind="abbr").norm == "мемлекеттік"
    again = pickle.loads(pickle.dumps(tok))
    assert again == tok and again.norm == "мемлекеттік"


def test_document_round_trip_with_alignment() -> None:
    text = "Респуб\u00adликасы мемлекеттiк тіл туралы заң-\nды қабылдады. Премьер- Министр келді."
    doc = kaznlp.process(text)
    assert not doc.alignment.is_identity  # a soft hyphen and a line-break hyphen were deleted
    data = doc.to_dict()
    assert data["clean_text"] == doc.clean_text and data["alignment"]["src_len"] == len(text)
    back = Document.from_dict(data)
    assert back == doc and back.alignment == doc.alignment
    assert [t.norm for t in back.tokens] == [t.norm for t in doc.tokens]
    # rows stay [start, end, text, kind]; the clean forms are listed beside them
    sent = data["sentences"][0]
    assert all(len(row) == 4 for row in sent["tokens"])
    assert [sent["tokens"][i][2] for i, _ in sent["norms"]] == ["Респуб\u00adликасы", "мемлекеттiк", "заң-\nды"]
    assert [n for _, n in sent["norms"]] == ["Республикасы", "мемлекеттік", "заңды"]


def test_from_dict_refuses_offsets_that_miss_the_text() -> None:
    data = kaznlp.process("Алматы — ірі қала.").to_dict()
    data["sentences"][0]["tokens"][0][1] = 5
    with pytest.raises(ValueError, match="text\\[0:5\\]"):
        Document.from_dict(data)
    with pytest.raises(ValueError, match="'text' string"):
        Document.from_dict({"sentences": []})


def test_document_needs_an_alignment_when_lengths_differ() -> None:
    with pytest.raises(ValueError, match="alignment"):
        Document("Премьер- Министр", clean_text="Премьер-Министр")


def test_steps_argument_matches_the_flags() -> None:
    text = "Делегация бүгін келген жоқ. Премьер- Министр келді."
    assert kaznlp.process(text, steps="normalize,sentences,words") == kaznlp.process(
        text, dehyphenate=False, multiword=False)
    with pytest.raises(ValueError, match="unknown step"):
        kaznlp.process(text, steps="normalize,lemmas")


def test_bad_options_fail_at_the_door() -> None:
    with pytest.raises(TypeError, match="expects str"):
        kaznlp.process(b"abc")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ner=1"):
        kaznlp.process("Алматы", ner=1)


@pytest.mark.parametrize("module", ["kaznlp", "kaznlp.spans", "kaznlp.pipeline", "kaznlp.tokenize",
                                    "kaznlp.lang.tokens", "kaznlp.tokenize._hyphens"])
def test_module_doctests(module: str) -> None:
    import doctest
    import importlib

    res = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert res.failed == 0 and res.attempted > 0


def test_from_dict_reads_records_and_refuses_garbage() -> None:
    from kaznlp.corpus_io import analyse

    text = "Премьер- Министр келді. Мемлекеттiк тіл."
    flat = analyse(text, steps=["normalize", "dehyphenate", "tokens"])
    doc = Document.from_dict(flat)
    assert [(t.text, t.norm) for t in doc.tokens] == [(t.text, t.norm) for t in kaznlp.process(text).tokens]
    assert [(s.start, s.end) for s in doc.sentences] == [(0, len(text))]
    for bad in ({"text": "Алматы", "sentences": [{"end": 3}]}, {"text": "Алматы", "sentences": [{"start": 0, "end": 6,
                                                                                                 "tokens": [[0]]}]},
                {"text": "Алматы", "entities": [None]}):
        with pytest.raises(ValueError, match="from_dict"):
            Document.from_dict(bad)
