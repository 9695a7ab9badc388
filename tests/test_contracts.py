"""Error contracts across the whole public API (issue 7).

Every public text function rejects a non-``str`` with a ``TypeError`` naming the
function and the type; none prints, logs above DEBUG or writes files unless asked.
"""

from __future__ import annotations

import logging
import os

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
@pytest.mark.parametrize("bad", [b"\xd0\x9e\xd0\xbb", None, 3, ["Ол"], bytearray(b"x")])
def test_wrong_type_names_function_and_type(name: str, bad: object) -> None:
    with pytest.raises(TypeError) as info:
        TEXT_FUNCTIONS[name](bad)  # type: ignore[operator]
    message = str(info.value)
    assert f"kaznlp.{name}()" in message and type(bad).__name__ in message
    if isinstance(bad, (bytes, bytearray)):
        assert "decode" in message


@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
def test_empty_input(name: str) -> None:
    result = TEXT_FUNCTIONS[name]("")
    if isinstance(result, kaznlp.Document):
        assert result.sentences == []
    else:
        assert not result


@pytest.mark.parametrize("name", TEXT_FUNCTIONS)
def test_silent_and_writes_nothing(name: str, capsys, caplog, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.DEBUG):
        TEXT_FUNCTIONS[name](SAMPLE)
    out, err = capsys.readouterr()
    assert out == "" and err == ""
    assert [r for r in caplog.records if r.levelno > logging.DEBUG] == []
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("func, option", [
    (kaznlp.normalize, "homoglyphs"),
    (kaznlp.process, "dehyphenate"),
])
def test_options_list_valid_values(func, option) -> None:
    with pytest.raises(ValueError, match="True, False"):
        func(SAMPLE, **{option: "yes"})


@pytest.mark.parametrize("bad", [b"\xd0\x9e\xd0\xbb", None, 3])
def test_pipe_names_itself_and_the_type(bad: object) -> None:
    with pytest.raises(TypeError) as info:
        list(kaznlp.pipe(["Алматы", bad]))  # type: ignore[list-item]
    assert "kaznlp.pipe()" in str(info.value) and type(bad).__name__ in str(info.value)


def test_pipe_empty_silent_and_options_checked(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert list(kaznlp.pipe([])) == []
    assert [d.sentences for d in kaznlp.pipe(["", " "])] == [[], []]
    list(kaznlp.pipe([SAMPLE, SAMPLE], batch_size=1))
    assert capsys.readouterr() == ("", "") and os.listdir(tmp_path) == []
    with pytest.raises(ValueError, match="True, False"):
        kaznlp.pipe([SAMPLE], dehyphenate="yes")  # checked at the call, before any text is read
