"""Regressions from issue 19 for normalize, process and ner, and the properties that catch their class.

Each minimal reproducer of the issue is a test here; the hypothesis tests draw from an
alphabet of the characters that broke them (Cyrillic/Latin look-alikes, zero-width and
bidi characters, exotic spaces, every line break of ``kaznlp.linebreaks``, combining
marks, mojibake fragments, lone surrogates, tag characters) mixed with Kazakh words.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kaznlp
from kaznlp.linebreaks import LINE_BREAK_CHARS
from kaznlp.ner import Chunk, ner, ner_pipe
from kaznlp.normalize import explain, normalize

WORDS = ("Қазақстан", "мемлекеттік", "Астана", "қаласында", "жыл", "2024", "бар", "Тоқаев", "жаһан", "үшін")
LOOKALIKES = "аАеЕоОрРсСхХуУіІһҺәӘaAeEoOpPcCxXyYiIhHəƏkKMHTBzжқңөұүғ"
PIECES = (
    list(LOOKALIKES)
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]               # zero-width
    + ["\u3000", "\u202f", "\u2009", "\xa0", " ", "\t"]                 # spaces
    + ["\xad", "-", "\u2010"]                                           # soft hyphen, hyphens
    + list(LINE_BREAK_CHARS) + ["\r\n"]                                 # every line break
    + [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]  # bidi
    + ["\u0301", "\u0306", "\u0308", "\u0338", "\u093f", "\u0483"]      # combining marks
    + ["\u2adc", "\u0958", "\u1100\u1161", "\u2126"]                    # NFC expands or composes
    + ["РљР°", "Р°", "Т›", "СЃ", "Рё", "Ð¸", "вЂ‹", "вЂ”", "В\xad", "В\xa0", "Р ", "Ќ", "ў", "ї"]  # mojibake
    + ["\ud800", "\udc00", "\ud83d"]                                    # lone surrogates
    + ["\U000e0001", "\U000e0041", "\U000e007f", "\U000e1674"]          # tag / plane-14 characters
)


def _mojibake(word: str, times: int) -> str:
    for _ in range(times):
        word = word.encode("utf-8").decode("cp1251", "replace")
    return word


hostile = st.lists(
    st.one_of(st.sampled_from(PIECES), st.sampled_from(WORDS),
              st.builds(_mojibake, st.sampled_from(WORDS), st.integers(1, 2))),
    max_size=30,
).map("".join)


def _tokens(doc: kaznlp.Document) -> list[kaznlp.Token]:
    return [t for s in doc.sentences for t in s.tokens]


def _check_every_letter_in_one_token(text: str) -> None:
    doc = kaznlp.process(text)
    covered: list[int] = []
    for t in _tokens(doc):
        assert text[t.start:t.end] == t.text
        covered.extend(range(t.start, t.end))
    assert len(covered) == len(set(covered)), "a character lies in two tokens"
    lost = [(i, text[i]) for i, c in enumerate(text) if c.isalnum() and i not in set(covered)]
    assert not lost, f"letters/digits in no token: {lost}"


# -- ner: lone surrogates ---------------------------------------------------------------

def test_ner_tags_text_with_a_lone_surrogate_with_exact_offsets() -> None:
    pytest.importorskip("spacy")
    text = "Қасым-Жомарт Тоқаев\udc00 2024 жылы Моңғолияға\ud83d барды."
    ents = ner(text)
    assert all(text[e.start:e.end] == e.text for e in ents)
    # the same entities as without the surrogates, at the caller's offsets
    plain = text.replace("\udc00", " ").replace("\ud83d", " ")
    assert [(e.start, e.end, e.label) for e in ents] == [(e.start, e.end, e.label) for e in ner(plain)]
    assert "Моңғолияға" in [e.text for e in ents]
    assert ner("\udc00") == [] and list(ner_pipe(["\ud800 Астана", "\udfff"]))[1] == []


def test_every_backend_is_given_utf8_text_of_the_same_length() -> None:
    """The surrogate is replaced for the model's eyes only: any backend (spaCy, Stanza, a
    user's) gets encodable text whose offsets are those of the repaired text."""
    seen: list[Chunk] = []

    class Recorder:
        def entities(self, chunks):
            seen.extend(chunks)
            return [[(0, 6, "GPE")] for _ in chunks]

    text = "Астана\udc00 қаласында \ud800жиын өтті."
    ents = ner(text, backend=Recorder())
    assert seen and all(c.text.encode("utf-8") for c in seen)
    assert sum(len(c.text) for c in seen) == len(text)
    assert [(e.start, e.end, e.text) for e in ents] == [(0, 6, "Астана")]


# -- normalize: idempotence --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "\u3000\u200d",                 # the reproducer: the joiner's neighbour becomes a plain space
    "жыл\u3000\u200dбұрын",
    "\u2adc\u200c",                 # NFC makes "\u2add\u0338": the joiner's neighbour becomes a plain mark
    "Р\u200bё Р\u200c°",            # a deleted invisible brings a mojibake pair together
])
def test_normalize_is_idempotent_on_the_reproducers(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


def test_a_joiner_next_to_a_wide_space_goes_in_one_pass() -> None:
    assert normalize("жыл\u3000\u200dбұрын") == "жыл бұрын"
    # a joiner between emoji still stays (it builds one picture)
    assert normalize("\U0001f469\u200d\U0001f4bb") == "\U0001f469\u200d\U0001f4bb"


@given(hostile)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    both = normalize(text, quotes=True, dashes=True)
    assert normalize(both, quotes=True, dashes=True) == both


# -- process: every letter and digit in exactly one token -----------------------------------

def test_process_keeps_the_letter_after_mojibake_and_a_tag_character() -> None:
    text = "РљР°\U000e1674В\xad"
    _check_every_letter_in_one_token(text)
    # "В\xad" alone is not taken for the soft hyphen's UTF-8: the letter stays a letter
    assert normalize(text) == "Ка\U000e1674В"
    assert [e.kind for e in explain(text)] == ["mojibake", "invisible"]


def test_mojibake_of_a_no_break_space_inside_a_word_is_still_repaired() -> None:
    # "Қазақстан Республикасы" with its no-break space, UTF-8 read as cp1251: one run
    text = "Қазақстан\xa0Республикасы".encode("utf-8").decode("cp1251")
    assert normalize(text) == "Қазақстан Республикасы"


@given(hostile)
def test_process_puts_every_letter_and_digit_in_exactly_one_token(text: str) -> None:
    _check_every_letter_in_one_token(text)


@given(hostile)
def test_ner_on_hostile_text_gives_exact_spans(text: str) -> None:
    pytest.importorskip("spacy")
    prev = 0
    for e in ner(text):
        assert prev <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text
        prev = e.end


# -- normalize: long mixed-script words ------------------------------------------------------

def test_a_long_mixed_script_word_is_repaired_piece_by_piece() -> None:
    # one "word" with no space: Latin z (no Cyrillic twin) cuts it, each piece keeps its
    # own decision, and the Kazakh context is looked up once for the whole word
    assert normalize("қiжz" * 1000) == "қіжz" * 1000
    assert normalize("үшiн" * 1000) == "үшін" * 1000
    # with no Kazakh letter near, a Latin i may be Russian typing: left alone, as in a short text
    assert normalize("жiжz" * 1000) == "жiжz" * 1000


# -- normalize: one definition of a line break -------------------------------------------------

def test_kz1048_is_decided_per_line_of_kaznlp_linebreaks() -> None:
    # a form feed (pdftotext's page break) ends a line like "\n": the KZ-1048 line is
    # repaired, the Serbian line after it is left alone
    damaged = "Қазақстан Үкіметі".encode("kz1048").decode("cp1251")    # 'Ќазаќстан Їкіметі'
    for brk in ("\n", "\x0c", "\x1e", "\u2029"):
        text = f"{damaged}{brk}Ђорђе Ћирић"
        assert normalize(text) == f"Қазақстан Үкіметі{brk}Ђорђе Ћирић", repr(brk)


def test_a_quote_after_a_paragraph_separator_opens() -> None:
    out = normalize('Сөз\u2029"Нұр Отан" партиясы', quotes=True)
    assert out == "Сөз\u2029«Нұр Отан» партиясы"


# -- normalize: NFC edits piece by piece ----------------------------------------------------

def test_nfc_that_composes_and_expands_keeps_no_false_copy() -> None:
    # "а" + breve composes (2 -> 1), Devanagari U+095E expands (1 -> 2): one edit over all
    # three would be as long as its result and read as a letter-for-letter copy
    text = "а\u0306\u095e"
    out, al = normalize(text, return_alignment=True)
    assert out == "ӑ\u092b\u093c"
    # no copy run pairs the breve with फ (before: one run (0, 0, 3))
    assert not any(text[x + k] != out[y + k] for x, y, n in al.runs for k in range(n))
    assert al.span_to_src(0, 3) == (0, 3)


def test_nfc_edits_do_not_swallow_a_deleted_character() -> None:
    text = "Ом: \u2126\u202a\u2126"        # two Ohm signs around a bidi embedding
    edits = [e for e in explain(text) if e.kind != "suspect"]
    assert [(e.start, e.end, e.kind) for e in edits] == [
        (4, 5, "unicode"), (5, 6, "invisible"), (6, 7, "unicode")]
    assert normalize(text) == "Ом: \u03a9\u03a9"


def test_process_of_text_that_is_one_repaired_stretch() -> None:
    # every character changed by NFC: the whole text is one replaced stretch of the alignment, so
    # its 4,000 tokens ("⫝̸" a symbol with its mark, "क़" a word) merge into one (built once, not
    # re-sliced per merge). (With a joiner between them, kept as is, the text is many stretches.)
    text = "\u2adc\u0958" * 2000
    doc = kaznlp.process(text)
    toks = _tokens(doc)
    assert [(t.start, t.end) for t in toks] == [(0, len(text))]
    _check_every_letter_in_one_token("Ол келді. " + text[:30] + " Біз кеттік.")
