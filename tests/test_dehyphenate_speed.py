"""The invariants the de-hyphenator's fast paths rest on (issue 15/16 speed; no timing here:
speed is measured in ``benchmarks/speed/bench_dehyphenate.py``).

Each fast path skips work whose answer is known; these tests hold the skipped functions to
that answer, so a change in them that would make a fast path give another output fails here.
"""

from __future__ import annotations

import re

import pytest

from kaznlp.dehyphenate import dehyphenate, explain_breaks
from kaznlp.dehyphenate.chars import _HYPH_SPACE, _hyphen_space_starts, _layout_strip
from kaznlp.dehyphenate.evidence import Evidence
from kaznlp.dehyphenate.layout import _document_layout

# unwrapped web text: one paragraph a line, spaced dashes, a "hyphen + space" after a word,
# a line-end hyphen, a soft hyphen inside a word
WEB = (
    "Сот әкімшілігінің басшысы - ХСӘҚ вице-президенті Н.Р. Ахметзакиров.\n"
    "ҚР Премьер- Министрінің орынбасары, теле- және радиосюжеттер туралы айтты.\n"
    "Жиынға 1979 - 1988 жылдары жұмыс істеген мамандар қатысты -\n"
    "Олар өз тәжірибесімен бөлісті. Ұлттық жетіс\u00adтіктерді таныстырды.\n"
)


@pytest.mark.parametrize("text", [WEB, WEB.replace("-\n", ".\n"), WEB.replace("\n", "\n\n")])
def test_document_layout_of_unwrapped_text_is_what_the_driver_assumes(text: str) -> None:
    # driver._break_edits does not call _document_layout for unwrapped text without "\r": it
    # takes prior_join False, no narrow block, and Evidence's sparse / hyphens_lost as they start
    lines = text.split("\n")
    starts = [0]
    for x in lines[:-1]:
        starts.append(starts[-1] + len(x) + 1)
    stripped = [_layout_strip(x) for x in lines]
    ev = Evidence(text)
    before = (ev.sparse, ev.hyphens_lost)
    _, _, prior_join, narrow = _document_layout(ev, lines, starts, False, None, "auto", stripped)
    assert prior_join is False and narrow is None
    assert (ev.sparse, ev.hyphens_lost) == before == (False, False)


def test_hyphen_space_candidates_are_the_regex_matches() -> None:
    text = WEB + "Тиф- фани\tжәне Тиф-\tфани; жаңа\u2010 жыл, 00- ден, ( - ) - а"
    found = _hyphen_space_starts(text, "\u00ad" in text)
    assert found == [m.start() for m in _HYPH_SPACE.finditer(text)]
    assert [text[i - 7:i] for i in found[:1]] == ["Премьер"]  # spaced dashes are no candidates
    assert not any(text[i - 1] == " " for i in found)
    soft = "бар\u00ad- лық, ал - бұл"
    assert _hyphen_space_starts(soft, True) == [m.start() for m in _HYPH_SPACE.finditer(soft)] == [4]


def test_unwrapped_web_text_decisions() -> None:
    out = dehyphenate(WEB)
    assert "Премьер-Министрінің" in out and "теле- және" in out
    assert "басшысы - ХСӘҚ" in out and "1979 - 1988" in out  # spaced dashes stay
    assert "жетістіктерді" in out
    assert out.count("\n") == WEB.count("\n")  # one paragraph a line: no line is joined
    kinds = {(d.left, d.right): d.action for d in explain_breaks(WEB)}
    assert kinds[("Премьер", "Министрінің")] == "hyphen"
    assert not any(re.fullmatch(r"\d+", left) for left, _ in kinds)  # ``1979 - 1988`` is not asked
