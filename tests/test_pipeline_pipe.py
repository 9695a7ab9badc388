"""kaznlp.pipe (issue 16, item 3): the same documents as process one by one, in order, in any number of processes."""

from __future__ import annotations

import importlib.util
import itertools

import pytest

import kaznlp
from kaznlp.corpus_io import analyse, to_jsonl

TEXTS = [
    "Астана — Қазақстанның елордасы. Онда 1,4 млн. адам тұрады.",
    "",
    "   \n",
    "Респуб\u00adликасы мемлекеттiк тіл туралы заң-\nды қабылдады.",
    "Премьер- Министр Ә.Смайылов ҚР-ның 63%-ы туралы айтты. Делегация келген жоқ.",
    "РђСЃС‚Р°РЅР° Р°Р»Р°СѓС‹",  # mojibake: one repaired stretch
    "\u2adc\u200c\u0958" * 20,  # every character changed by NFC or deleted
    "Олар сот әкімшілігінің тиімділігін арттыру, инно\nвацияларды енгізу және халықаралық ынты\n"
    "мақтастықты нығайту ниетімен бас қосқан. Маңызды жиынға қазақстандық делегацияны\n"
    "Жоғарғы Сот Төрағасы А.А. Мерғалиев бастап барды.\n",
]


def dicts(docs) -> list[dict]:
    return [d.to_dict() for d in docs]


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_pipe_gives_the_documents_of_process_in_order(batch_size: int) -> None:
    want = [kaznlp.process(t) for t in TEXTS]
    got = list(kaznlp.pipe(TEXTS, batch_size=batch_size))
    assert got == want and dicts(got) == dicts(want)


def test_pipe_passes_the_options() -> None:
    opts = {"dehyphenate": False, "multiword": False}
    assert dicts(kaznlp.pipe(TEXTS, **opts)) == dicts(kaznlp.process(t, **opts) for t in TEXTS)
    assert dicts(kaznlp.pipe(TEXTS, steps="normalize,sentences")) == dicts(
        kaznlp.process(t, dehyphenate=False, tokens=False) for t in TEXTS)


def test_two_processes_give_identical_output() -> None:
    texts = TEXTS * 5
    one = list(kaznlp.pipe(texts, batch_size=4))
    two = list(kaznlp.pipe(texts, n_process=2, batch_size=4))
    assert two == one and dicts(two) == dicts(one)
    assert [[t.norm for t in d.tokens] for d in two] == [[t.norm for t in d.tokens] for d in one]


def test_pipe_reads_lazily() -> None:
    seen = []

    def texts():
        for i in itertools.count():
            seen.append(i)
            yield f"Мәтін {i}."

    first = next(kaznlp.pipe(texts(), batch_size=2))
    assert [t.text for t in first.tokens] == ["Мәтін", "0", "."] and len(seen) == 2


def test_pipe_errors_are_clear() -> None:
    with pytest.raises(TypeError, match="iterable of texts"):
        kaznlp.pipe("Алматы")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n_process"):
        kaznlp.pipe(TEXTS, n_process=0)
    with pytest.raises(ValueError, match="batch_size"):
        kaznlp.pipe(TEXTS, batch_size=0)
    with pytest.raises(TypeError, match=r"kaznlp.pipe\(\) expects str, got bytes"):
        list(kaznlp.pipe(["Алматы", b"x"]))  # type: ignore[list-item]
    # the collection itself: bytes would be read as ints, None as "not iterable" deep inside
    with pytest.raises(TypeError, match="iterable of texts, got bytes"):
        kaznlp.pipe("Алматы".encode())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="iterable of texts, got NoneType"):
        kaznlp.pipe(None)  # type: ignore[arg-type]


def test_ner_fills_entities_like_kaznlp_ner() -> None:
    pytest.importorskip("spacy")
    from kaznlp.ner import ner

    texts = ["Мемлекеттiк хатшы Ерлан Қарин Астанада сөз сөйледі.",
             "Қасым-Жомарт Тоқаев 2024 жылы Моңғолияға барды.", "",
             "Премьер- Министр Әлихан Смайылов Алматыға\nкелді."]
    docs = [kaznlp.process(t, ner=True) for t in texts]
    assert [d.entities for d in docs] == [ner(t) for t in texts]
    assert any(d.entities for d in docs)
    for d in docs:
        assert all(d.text[e.start:e.end] == e.text for e in d.entities)
    assert list(kaznlp.pipe(texts, ner=True, batch_size=3)) == docs
    # the record of the CLI's ner step is the same document
    rec = analyse(texts[0], steps=["normalize", "dehyphenate", "sentences", "tokens", "ner"])
    assert rec["entities"] == [e._asdict() for e in docs[0].entities]


def test_entity_finders_are_handed_to_the_pipeline_by_the_front() -> None:
    """Issue 18 item 4: the pipeline imports nothing from kaznlp.ner; ``import kaznlp`` hands it
    kaznlp.ner's two finders, and process/pipe/the CLI record use whatever finder is set."""
    from kaznlp import pipeline
    from kaznlp.pipeline import set_ner

    assert pipeline._NER == {"ner": kaznlp.ner, "ner_pipe": kaznlp.ner_pipe}
    seen = []

    def capital(text: str, backend: object, **options: object) -> list:
        seen.append((text, backend, options))
        i = text.find("Астана")
        return [] if i < 0 else [kaznlp.Entity(i, i + 6, "LOC", "Астана")]

    texts = ["Біз Астана қаласында тұрамыз.", "Мемлекеттiк тіл: Астана", "Алматы"]
    try:
        set_ner(capital, lambda ts, backend, **options: [capital(t, backend, **options) for t in ts])
        docs = [kaznlp.process(t, ner=True) for t in texts]
        assert [[e.text for e in d.entities] for d in docs] == [["Астана"], ["Астана"], []]
        assert docs[1].entities[0].start == texts[1].index("Астана")
        assert seen[0] == (texts[0], "kaznlp", {"normalize": False, "dehyphenate": False})
        assert seen[1][0] == "Мемлекеттік тіл: Астана"  # the finder reads the clean text
        assert list(kaznlp.pipe(texts, ner=True, batch_size=2)) == docs
        if importlib.util.find_spec("spacy"):  # (the CLI's ner step first checks that spaCy is installed)
            assert analyse(texts[0], steps=["sentences", "tokens", "ner"])["entities"] == \
                [docs[0].entities[0]._asdict()]
        with pytest.raises(TypeError, match="two functions"):
            set_ner(capital, None)  # type: ignore[arg-type]
    finally:
        set_ner(kaznlp.ner, kaznlp.ner_pipe)


def test_records_carry_norms_and_read_back() -> None:
    import json

    text = TEXTS[3]
    rec = json.loads(to_jsonl(analyse(text, doc_id="d", source="s.txt")))
    back = kaznlp.Document.from_dict(rec)
    assert [t.norm for t in back.tokens] == [t.norm for t in kaznlp.process(text).tokens]
    assert [n for s in rec["sentences"] for _, n in s.get("norms", ())] == ["Республикасы", "мемлекеттік", "заңды"]


def test_worker_processes_read_the_input_lazily() -> None:
    seen = []

    def texts():
        for i in range(1000):
            seen.append(i)
            yield f"Мәтін {i}."

    docs = kaznlp.pipe(texts(), n_process=2, batch_size=2)
    first = next(docs)
    assert [t.text for t in first.tokens] == ["Мәтін", "0", "."]
    assert len(seen) <= 12  # a few batches in flight, not the whole input
    assert [d.text for d in docs][-1] == "Мәтін 999." and len(seen) == 1000
