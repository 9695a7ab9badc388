"""The precise types of ``kaznlp.ner(backend=...)`` and ``kaznlp.process(ner=...)`` (docs/pipeline.md,
"Entities"): the names in the ``Literal`` are the names the NER layer resolves, and an object of
the :class:`~kaznlp.pipeline.EntityBackend` shape is taken as a backend."""

from __future__ import annotations

import typing

import pytest

import kaznlp
from kaznlp.pipeline import BackendName, EntityBackend, NERBackend


class Capital:
    """A toy EntityBackend: "Астана" in each chunk of the repaired text."""

    def entities(self, chunks: list) -> list[list[tuple[int, int, str]]]:
        return [[(i, i + 6, "GPE")] if (i := c.text.find("Астана")) >= 0 else [] for c in chunks]


def test_signatures_name_the_backend_type() -> None:
    assert typing.get_type_hints(kaznlp.ner)["backend"] == NERBackend
    assert typing.get_type_hints(kaznlp.ner_pipe)["backend"] == NERBackend
    assert typing.get_type_hints(kaznlp.process)["ner"] == bool | NERBackend
    assert typing.get_type_hints(kaznlp.pipe)["ner"] == bool | NERBackend
    assert BackendName in typing.get_args(NERBackend) and EntityBackend in typing.get_args(NERBackend)


def test_every_backend_name_is_resolved_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # each name of the Literal takes its own branch of get_backend (not spacy.load(name))
    from kaznlp.ner import backends

    seen = []
    for attr in ("_bundled_backend", "_default_stanza", "_spacy_path_backend", "_default_transformers"):
        monkeypatch.setattr(backends, attr, lambda attr=attr: seen.append(attr) or Capital())
    monkeypatch.setattr(backends, "_spacy_backend", lambda name: pytest.fail(f"{name} went to spacy.load"))
    for name in typing.get_args(BackendName):
        backends.get_backend(name)
    assert len(seen) == len(typing.get_args(BackendName)) == 4


def test_an_entity_backend_object_is_a_backend() -> None:
    text = "Бiз Астана қаласында тұрамыз."  # a Latin "i": the backend reads the repaired text
    assert kaznlp.ner(text, Capital()) == [kaznlp.Entity(4, 10, "GPE", "Астана")]
    assert kaznlp.process(text, ner=Capital()).entities == kaznlp.ner(text, Capital())
    assert [d.entities for d in kaznlp.pipe([text, "Алматы"], ner=Capital())] == [kaznlp.ner(text, Capital()), []]
