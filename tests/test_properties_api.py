"""Property tests for the rest of the public API on realistic Kazakh text mixed with
arbitrary Unicode (issue 7): ``normalize``, ``explain``, ``dehyphenate`` and ``ner``.

Invariants: no exception; offsets exact against the caller's text; nothing lost (every
letter and digit survives); idempotence where it should hold.
"""

from __future__ import annotations

import pytest
from hypothesis import given

import kaznlp

from test_properties_core import any_text


def _letters_and_digits(text: str) -> list[str]:
    return [c for c in text if c.isalnum()]


@given(any_text)
def test_normalize_idempotent_and_aligned(text: str) -> None:
    once, alignment = kaznlp.normalize(text, return_alignment=True)
    assert kaznlp.normalize(once) == once
    assert alignment.src_len == len(text) and alignment.dst_len == len(once)
    for tok in kaznlp.tokenize(once):
        s, e = alignment.span_to_src(tok.start, tok.end)
        assert 0 <= s <= e <= len(text)


@given(any_text)
def test_explain_edits_point_into_the_text(text: str) -> None:
    prev = 0
    for edit in kaznlp.explain(text):
        assert 0 <= edit.start <= edit.end <= len(text)
        assert text[edit.start:edit.end] == edit.before
        assert edit.start >= prev or edit.kind == "suspect"
        prev = max(prev, edit.end) if edit.kind != "suspect" else prev


@given(any_text)
def test_dehyphenate_keeps_every_letter_and_is_idempotent(text: str) -> None:
    out, alignment = kaznlp.dehyphenate(text, return_alignment=True)
    assert _letters_and_digits(out) == _letters_and_digits(text.replace("\r", ""))
    assert kaznlp.dehyphenate(out) == out
    for x, y, n in alignment.runs:
        assert all(text[x + k] == out[y + k] for k in range(n) if text[x + k].isalnum())


@given(any_text)
def test_ner_entities_are_exact_spans(text: str) -> None:
    pytest.importorskip("spacy")
    from kaznlp.ner import LABELS

    prev = 0
    for ent in kaznlp.ner(text):
        assert prev <= ent.start < ent.end <= len(text)
        assert text[ent.start:ent.end] == ent.text
        assert ent.label in LABELS
        prev = ent.end
