"""Round 17 (h20speed): what the layout's votes read is handed to the break decisions, the line-end
words' heads are looked up in a sorted list, and the caps-heading test skips lines in lower case
(docs/dehyphenate.md, Speed, Round 17); each gives the answer it replaces."""

from __future__ import annotations

import random

import pytest

from kaznlp.dehyphenate import dehyphenate, driver
from kaznlp.dehyphenate.breaks import _decide_break
from kaznlp.dehyphenate.chars import _HEAD_WORD, _layout_strip, _tail_word
from kaznlp.dehyphenate.evidence import Evidence
from kaznlp.dehyphenate.layout import _document_layout
from kaznlp.dehyphenate.rules_line import _line_end_words
from kaznlp.dehyphenate.vocab import begins

from tests.test_dehyph_round16_speed import SEED004, _column


def _columns(n: int = 12) -> list[str]:
    rngs = [random.Random(100 + seed) for seed in range(n)]
    return [_column(SEED004, rng.choice((15, 18, 20, 22, 25, 30)), rng) for rng in rngs]


def test_the_votes_words_are_the_decisions_words():
    # layout._break_vote keeps, by line, _tail_word of the line and _HEAD_WORD.match of the next; the
    # decision (breaks._decide_break) reads the same two strings, so it would find the same words
    seen = 0
    for text in _columns():
        lines = text.split("\n")
        starts = [0]
        for ln in lines[:-1]:
            starts.append(starts[-1] + len(ln) + 1)
        stripped = [_layout_strip(x) for x in lines]
        words: dict = {}
        _document_layout(Evidence(text), lines, starts, True, None, "auto", stripped, words)
        for k, (tw, hw) in words.items():
            assert tw == _tail_word(stripped[k])
            m = _HEAD_WORD.match(stripped[k + 1])
            assert (hw is None) == (m is None) and (hw is None or (hw.group(), hw.end()) == (m.group(), m.end()))
            seen += 1
    assert seen > 500


def test_decisions_with_and_without_the_votes_words_agree(monkeypatch):
    # seed 004 in narrow lost-hyphen columns: the output is the same when the decisions find the words
    # themselves (the vote's words withheld)
    texts = _columns()
    handed = [dehyphenate(t, return_alignment=True) for t in texts]

    def without(*args):
        return _decide_break(*args[:12])

    monkeypatch.setattr(driver, "_decide_break", without)
    for t, (out, al) in zip(texts, handed):
        out2, al2 = dehyphenate(t, return_alignment=True)
        assert out2 == out
        assert [al2.span_to_src(i, i + 1) for i in range(len(out2))] == [al.span_to_src(i, i + 1) for i in range(len(out))]


def test_line_end_heads_by_sorted_list_are_the_head_set():
    # rules_line._text_stem_spans asks whether a line of the block ends in a word that begins with a
    # head of 5+ letters (``саусаққ`` of ``саусаққанатты``); a set of every head answered before
    found = 0
    for text in _columns(4):
        ends, by_head = _line_end_words(text)
        heads = {e[:k] for e in ends for k in range(5, len(e) + 1)}
        asked = {w[:k] for w in ends | set(text.lower().split()) for k in range(5, len(w) + 2)}
        assert all(begins(by_head, h) == (h in heads) for h in asked if len(h) >= 5)
        found += sum(h in heads for h in asked)
    assert found > 500


@pytest.mark.parametrize("line, heading", [
    ("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ", True),     # all capitals: a heading
    ("ҚР ҮКІМЕТІНІҢ ҚАУЛЫСЫ 2024", True),
    ("Үкімет отырысында министр", False),     # mixed case
    ("министрлігінің мәліметі", False),       # lower case: no capital letter, the letters not listed
])
def test_caps_heading_in_a_narrow_lost_column(line, heading):
    text = "Елордада өткен жиында\n" + line + "\nМинистр баяндама жасады."
    ev = Evidence(text)
    ev.at(0)
    _decide_break(ev, line, line, "Министр баяндама жасады.", "Министр баяндама жасады.", True, 30, True)
    assert (ev.why == "caps_heading") == heading


def test_a_kept_break_of_one_newline_is_no_edit_and_others_are_normalised():
    # driver._keep_breaks looks for breaks other than ``\n`` only in a region that is not ``plain``
    from kaznlp.dehyphenate.driver import _keep_breaks
    for region, plain, want in [("\n", "\n", []), ("\n\n", "\n\n", []), (" \n", "\n", [(0, 2, "\n")]),
                                ("\r\n", "\n", [(0, 2, "\n")]), ("\u2029", "\n", []), ("\x0c\n", "\n", [])]:
        edits: list = []
        _keep_breaks(region, 0, len(region), plain, edits)
        assert edits == want, region


def test_men_after_a_break_still_reads_the_next_words():
    # breaks._decide_break reads the text after the right piece only for ``мен``/``бен``/``пен`` (3 letters)
    # (a PDF dev column, KazQAD lit0080: ``кітаптар⏎мен танысты.``)
    from tests.test_dehyphenate_issue15 import NARROW_VERB
    assert "саяси кітаптармен танысты." in dehyphenate(NARROW_VERB)
