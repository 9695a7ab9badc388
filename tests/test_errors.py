"""Error contracts at the door: wrong types and empty input."""

from __future__ import annotations

import pytest

import kaznlp


@pytest.mark.parametrize("func", [kaznlp.tokenize, kaznlp.split_sentences, kaznlp.process])
def test_bytes_gets_a_decode_hint(func) -> None:
    with pytest.raises(TypeError, match=r"kaznlp\.\w+\(\) expects str, got bytes; decode it first"):
        func("Қазақстан".encode())


@pytest.mark.parametrize("func", [kaznlp.tokenize, kaznlp.split_sentences, kaznlp.process])
@pytest.mark.parametrize("value", [None, 42, ["Астана"], 3.5])
def test_non_str_names_the_type(func, value) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        func(value)


def test_empty_gives_nothing() -> None:
    assert kaznlp.tokenize("") == []
    assert kaznlp.split_sentences("") == []
    doc = kaznlp.process("")
    assert doc.sentences == [] and doc.tokens == []


def test_process_validates_options() -> None:
    with pytest.raises(ValueError, match=r"kaznlp\.process\(\): normalize='yes' is not valid; choose one of: True, False"):
        kaznlp.process("Ол келді.", normalize="yes")  # type: ignore[arg-type]
