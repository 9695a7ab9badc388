"""Error contracts across the whole public API (issue 7): the one home of these checks
(``tests/test_errors.py``, which repeated a part of them for three functions, was merged here).

Every public text function rejects a non-``str`` with a ``TypeError`` naming the
function and the type (bytes get a decode hint); empty input gives an empty result of the
usual type; options name their valid values; none prints, logs above DEBUG or writes files
unless asked.
"""

from __future__ import annotations

import logging
import os
import re

import pytest

import kaznlp

TEXT_FUNCTIONS = {
    "normalize": kaznlp.normalize,
    "explain": kaznlp.explain,
    "dehyphenate": kaznlp.dehyphenate,
    "split_sentences": kaznlp.split_sentences,
    "tokenize": kaznlp.tokenize,
    "process": kaznlp.process,
}

SAMPLE = ("Мемлекеттiк тiл туралы А.А. Мерғалиев айтты, деп жазады Egemen.kz.\n\n"
          "Делегацияға цифр\nлық қызметтер ұсынылды. Бар\u00adлығы 63%-ы.")


@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
@pytest.mark.parametrize("bad", [b"\xd0\x9e\xd0\xbb", None, 3, 3.5, ["Ол"], bytearray(b"x")])
def test_wrong_type_names_function_and_type(name: str, bad: object) -> None:
    with pytest.raises(TypeError) as info:
        TEXT_FUNCTIONS[name](bad)  # type: ignore[operator]
    message = str(info.value)
    assert message.startswith(f"kaznlp.{name}() expects str, got {type(bad).__name__}"), message
    if isinstance(bad, (bytes, bytearray)):
        assert f"got {type(bad).__name__}; decode it first" in message


#: what each function gives for "": an empty value of the type it gives for any text
EMPTY = {"normalize": "", "explain": [], "dehyphenate": "", "split_sentences": [], "tokenize": []}


@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
def test_empty_input(name: str) -> None:
    result = TEXT_FUNCTIONS[name]("")
    if name == "process":
        assert isinstance(result, kaznlp.Document)
        assert result.text == "" and result.sentences == [] and result.tokens == [] and result.entities == []
    else:
        assert result == EMPTY[name] and type(result) is type(EMPTY[name])


@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
def test_silent_and_writes_nothing(name: str, capsys, caplog, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.DEBUG):
        TEXT_FUNCTIONS[name](SAMPLE)
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    assert [r for r in caplog.records if r.levelno > logging.DEBUG] == []
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("name, option", [
    ("normalize", "homoglyphs"),
    ("process", "dehyphenate"),
    ("process", "normalize"),
])
def test_options_list_valid_values(name: str, option: str) -> None:
    expected = f"kaznlp.{name}(): {option}='yes' is not valid; choose one of: True, False"
    with pytest.raises(ValueError, match=re.escape(expected)):
        TEXT_FUNCTIONS[name](SAMPLE, **{option: "yes"})


@pytest.mark.parametrize("bad", [b"\xd0\x9e\xd0\xbb", None, 3])
def test_pipe_names_itself_and_the_type(bad: object) -> None:
    with pytest.raises(TypeError) as info:
        list(kaznlp.pipe(["Алматы", bad]))  # type: ignore[list-item]
    assert str(info.value).startswith(f"kaznlp.pipe() expects str, got {type(bad).__name__}"), str(info.value)


def test_pipe_empty_silent_and_options_checked(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert list(kaznlp.pipe([])) == []
    assert [d.sentences for d in kaznlp.pipe(["", " "])] == [[], []]
    list(kaznlp.pipe([SAMPLE, SAMPLE], batch_size=1))
    assert capsys.readouterr() == ("", "") and os.listdir(tmp_path) == []
    with pytest.raises(ValueError, match=re.escape("kaznlp.pipe(): dehyphenate='yes' is not valid; choose one of: True, False")):
        kaznlp.pipe([SAMPLE], dehyphenate="yes")  # checked at the call, before any text is read
