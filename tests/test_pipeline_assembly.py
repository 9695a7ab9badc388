"""The pipeline's fast assembly gives what the slow, obvious mapping gives (issue 16, speed).

``kaznlp.process`` moves the tokenizer's offsets onto the caller's text in bulk: the tokens of
one copy run of the alignment are shifted together (C-level, no Python code per token) and
each record is made once, at its final offsets. Here every token and sentence is mapped the
obvious way instead, one by one through ``Alignment.span_to_src``, and the two must agree
on everything: offsets, surface, kind, clean form and the sentence each token is in.
"""

from __future__ import annotations

import pytest

import kaznlp
from kaznlp import Document

from conftest import SEEDS, SHARED, needs_shared


def _merge(spans: list[tuple[int, int]], alignment) -> list[tuple[int, int, int, int, int]]:
    """Source spans of clean spans, one by one: ``(s, e, a, b, index)``; a span from the
    same repaired source character as the one before joins it, one of inserted characters
    only is dropped."""
    out: list[list[int]] = []
    for i, (a, b) in enumerate(spans):
        s, e = alignment.span_to_src(a, b)
        if e <= s:
            continue
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
            out[-1][3] = b
            continue
        out.append([s, e, a, b, i])
    return [tuple(x) for x in out]  # type: ignore[misc]


def slow_process(text: str) -> list[tuple[tuple[int, int, str], list[tuple[int, int, str, str, str]]]]:
    """``process(text)`` the obvious way: ``[(sentence, [(start, end, text, kind, norm)])]``."""
    doc = kaznlp.process(text, tokens=False)  # the repair under test is not the mapping's job
    clean, al = doc.clean_text, doc.alignment
    toks = kaznlp.tokenize(clean)
    mapped = [(s, e, text[s:e], toks[i].kind, clean[a:b])
              for s, e, a, b, i in _merge([(t.start, t.end) for t in toks], al)]
    sents = [(s, e, text[s:e]) for s, e, *_ in _merge([(s.start, s.end) for s in kaznlp.split_sentences(clean)], al)]
    out = []
    for k, sent in enumerate(sents):
        nxt = sents[k + 1][0] if k + 1 < len(sents) else len(text) + 1
        first = sent[0] if k else -1
        out.append((sent, [t for t in mapped if first <= t[0] < nxt]))
    return out


def fast_process(text: str) -> list[tuple[tuple[int, int, str], list[tuple[int, int, str, str, str]]]]:
    doc: Document = kaznlp.process(text)
    for t in doc.tokens:
        assert text[t.start:t.end] == t.text
    return [((s.start, s.end, s.text), [(t.start, t.end, t.text, t.kind, t.norm) for t in s.tokens])
            for s in doc.sentences]


HOSTILE = [
    "",
    "   \n ",
    "Премьер- Министр мемлекеттiк тіл туралы заңға қол қойды.",  # web split + Latin "i"
    "инно-\nвацияларды ынты-\nмақтастықты дамыту. Келісім-\nшартқа қол қойылды.",  # PDF breaks
    "бар\u00adлық адам\u00a0келді , бірақ  ол келген жоқ екен .",
    "\u2adc\u200c\u0958 " * 50,  # NFC: one source character, two clean tokens
    "Мемлекетт\u0069к тіл. " * 40 + "А.Мерғалиев 63%-ы деді.",
    "и\u0306 Қ\u0301азақ ка\u0300зақ \ufeffАстана\u200b қаласы\r\nЕкінші жол",
    "ҚР-ның Egemen.kz press@sud.gov.kz https://sud.gov.kz/kaz/news сайтында т.б. 2,5 млн.",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_fast_assembly_equals_the_slow_mapping_on_hostile_text(text: str) -> None:
    assert fast_process(text) == slow_process(text)


@needs_shared
def test_fast_assembly_equals_the_slow_mapping_on_news_and_seeds() -> None:
    from benchmarks.common import corpus

    docs = [t for t in corpus.load_sources(SHARED)["apertium"] if t.strip()]
    texts = [d[:20_000] for d in docs[:6]] + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pdf = SHARED / "data" / "pdf_extracted" / "kaznerd_guidelines" / "KazNERD_Annotation_Guidelines.pdftotext.txt"
    if pdf.is_file():
        texts.append(pdf.read_text(encoding="utf-8")[:30_000])
    repaired = 0
    for text in texts:
        fast = fast_process(text)
        assert fast == slow_process(text)
        repaired += any(t[2] != t[4] for _, toks in fast for t in toks)
    assert repaired >= 3  # the texts exercise the mapping, not only the nothing-repaired path


# --- the records are made at the first read (issue 16: no per-token objects until asked) ------


def test_records_are_made_at_the_first_read_and_are_those_of_an_eager_build() -> None:
    import gc
    import pickle

    from kaznlp.pipeline import _assemble, repair
    from kaznlp.tokenize import token_columns

    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))][:1]
    texts = [*seeds, "Мемлекеттiк тіл заң-\nды қабылданды. Премьер- Министр келді.",
             "Алматы — ірі қала.", "", "\u2adc\u200c\u0958" * 5]
    for text in texts:
        doc = kaznlp.process(text)
        assert "sentences" not in vars(doc)  # nothing made yet: the token columns are kept
        clean, al = repair(text)
        eager = _assemble(text, clean, al, kaznlp.split_sentences(clean), token_columns(clean))
        assert "sentences" in vars(eager)
        copy = pickle.loads(pickle.dumps(doc))  # a document not read yet pickles (pipe's workers)
        assert doc.tokens == eager.tokens and doc.sentences is doc.sentences
        assert [type(t) for t in doc.tokens] == [type(t) for t in eager.tokens]
        assert doc == eager == copy and doc.to_dict() == eager.to_dict()
        assert all(text[t.start:t.end] == t.text for t in doc.tokens)
    # made with the cyclic collector paused, whose state the caller gets back
    for enabled in (True, False):
        doc = kaznlp.process(texts[1])
        gc.enable() if enabled else gc.disable()
        try:
            assert doc.tokens and gc.isenabled() is enabled
        finally:
            gc.enable()
    with pytest.raises(AttributeError, match="no attribute 'sentence'"):
        getattr(kaznlp.process("Алматы"), "sentence")  # noqa: B009


# --- sentences moved in bulk (one shift per copy run) give what one-by-one mapping gives ------


def test_sentences_moved_per_copy_run_equal_the_one_by_one_mapping() -> None:
    import random

    from kaznlp.pipeline import repair
    from kaznlp.pipeline._mapping import _map_sentences, _map_spans

    rng = random.Random(16)
    texts = ["Мемлекетт\u0069к тіл. Премьер- Министр заң-\nды қабылдады. " * 30,
             "инно-\nвацияларды ынты-\nмақтастықты дамыту. Келісім-\nшартқа қол қойылды. " * 20,
             "A\u0958. B\u2adc\u200c\u0958 келді. " * 10]
    for text in texts:
        clean, al = repair(text)
        assert not al.is_identity
        for _ in range(40):
            # any partition of the clean text into spans, some cut inside a repaired stretch (where two
            # spans share a source character and must merge, or one is made of inserted characters only)
            cuts = sorted(set(rng.sample(range(1, len(clean)), rng.randint(1, 40))))
            bounds = [0, *cuts, len(clean)]
            spans = [(a, b, clean[a:b]) for a, b in zip(bounds, bounds[1:])]
            slow = [(s, e, text[s:e]) for s, e, *_ in _map_spans(spans, al)]
            starts, ends, texts_ = _map_sentences(spans, al, text)
            assert list(zip(starts, ends, texts_)) == slow
