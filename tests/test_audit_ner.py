"""Bad input in the NER API found by an audit: one str to ``ner_pipe``, control characters in
``kaznlp.load()`` (principle 5: a clear error or a safe result)."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import needs_shared, seed_text
from kaznlp.ner import Chunk, StanzaBackend, get_backend, load, ner, ner_pipe
from kaznlp.sentences import split_sentences


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False


needs_spacy = pytest.mark.skipif(not (_installed("spacy") and _installed("numpy")),
                                 reason='the NER model needs the [ner] extra: pip install ".[ner]"')

# control and format characters a careless export leaves in news text: NUL, BEL, ESC,
# zero-width space, byte-order mark
_INVISIBLE = ("\x00", "\x07", "\x1b", "\u200b", "\ufeff")


# -- ner_pipe: an iterable of texts, never one text ---------------------------------------------

def test_ner_pipe_rejects_one_str_like_pipe():
    # before: six empty results, one per character of "Тоқаев"
    with pytest.raises(TypeError, match=r"kaznlp\.ner_pipe\(\) expects an iterable of texts, got one str; "
                                        r"use kaznlp\.ner\(text\)"):
        ner_pipe("Тоқаев")


@pytest.mark.parametrize(("texts", "kind"), [
    ("Тоқаев Астанаға келді.".encode(), "bytes"),
    (bytearray("Тоқаев".encode()), "bytearray"),
    (None, "NoneType"),
    (42, "int"),
])
def test_ner_pipe_rejects_bytes_none_and_non_iterables_at_the_call(texts, kind):
    # raised at the call, not at the first next() deep inside the stream
    with pytest.raises(TypeError, match=rf"kaznlp\.ner_pipe\(\) expects an iterable of texts, got {kind}$"):
        ner_pipe(texts)


@needs_spacy
def test_ner_pipe_still_takes_lists_tuples_and_generators():
    texts = ["Тоқаев Астанаға келді.", "", "Алматыда қар жауды."]
    want = [ner(t) for t in texts]
    assert list(ner_pipe(texts)) == want
    assert list(ner_pipe(tuple(texts))) == want
    assert list(ner_pipe(t for t in texts)) == want
    assert [e.text for e in want[0]] == ["Тоқаев", "Астанаға"]


# -- backends: a sequence of Chunk records, never one text ---------------------------------------

_CHUNK = Chunk(0, "Тоқаев Астанаға келді.", ((0, 22),))


@pytest.mark.parametrize("chunks", ["Тоқаев Астанаға келді.", b"Tokayev", None, _CHUNK, ["Тоқаев Астанаға келді."]])
def test_stanza_backend_rejects_what_is_not_a_sequence_of_chunks(chunks):
    # a pipeline object that is never reached: the check comes first (no Stanza model needed)
    with pytest.raises(TypeError, match=r"StanzaBackend\.entities\(\) expects (a sequence of )?Chunk records"):
        StanzaBackend(pipeline=object()).entities(chunks)


@needs_spacy
def test_spacy_backend_rejects_one_text_and_tags_a_list_of_chunks():
    backend = get_backend("spacy")
    with pytest.raises(TypeError, match=r"SpacyBackend\.entities\(\) expects a sequence of Chunk records, got str; "
                                        r"pass \[Chunk\(0, text"):
        backend.entities("Тоқаев Астанаға келді.")
    with pytest.raises(TypeError, match=r"got Chunk"):
        backend.entities(_CHUNK)
    [spans] = backend.entities([_CHUNK])
    assert [(_CHUNK.text[s:e], label) for s, e, label in spans] == [("Тоқаев", "PERSON"), ("Астанаға", "GPE")]


# -- kaznlp.load(): no entity without a letter or a digit, as kaznlp.ner ------------------------

@pytest.fixture(scope="module")
def nlp():
    return load()


@needs_spacy
@pytest.mark.parametrize("text", ["Ол\x00келді", "Сапар екі күнге созылады.\x00Тоқаев Астанаға келді."])
def test_component_does_not_tag_a_nul(nlp, text):
    # the audit's two cases: the NUL was tagged GPE, then ORGANISATION/DATE
    ents = [(e.text, e.label_) for e in nlp(text).ents]
    assert all("\x00" not in t for t, _ in ents)
    assert [(e.text, e.label) for e in ner(text, "spacy") if "\x00" in e.text] == []
    if "Тоқаев" in text:
        assert ("Тоқаев", "PERSON") in ents and ("Астанаға", "GPE") in ents


def _seed_sentences() -> list[str]:
    text = seed_text("000")
    return [s.text for s in split_sentences(text) if any(ch.isalpha() for ch in s.text)][:12]


@needs_spacy
@needs_shared
def test_component_drops_entities_of_control_characters_in_seed_sentences(nlp):
    # the model never saw a control character in KazNERD: put one in place of a space and at
    # the end of each sentence of a real article; before the fix 17 of these were entities
    texts = [v for s in _seed_sentences() for ch in _INVISIBLE for v in (s.replace(" ", ch, 1), s + ch)]
    for doc in nlp.pipe(texts):
        for ent in doc.ents:
            assert any(ch.isalnum() for ch in ent.text), (doc.text[:40], ent.text, ent.label_)


@needs_spacy
@needs_shared
def test_component_keeps_every_entity_of_normal_text(nlp):
    # the filter changes nothing on a real article: the entities are the model's BILUO tags
    # read as spans, all of them
    tagger = nlp.get_pipe(nlp.pipe_names[-1])
    sentences = _seed_sentences()
    docs = list(nlp.pipe(sentences))
    for doc, tags in zip(docs, tagger.predict([nlp.make_doc(s) for s in sentences])):
        spans, start = [], -1
        for j, tag in enumerate(tags):
            if tag[0] == "U":
                spans.append((j, j + 1, tag[2:]))
            elif tag[0] == "B":
                start = j
            elif tag[0] == "L" and start >= 0:
                spans.append((start, j + 1, tag[2:]))
        assert [(e.start, e.end, e.label_) for e in doc.ents] == spans
    people = {e.text for d in docs for e in d.ents if e.label_ == "PERSON"}
    assert "Асламбек Мерғалиев" in people
