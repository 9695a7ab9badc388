"""Round 16 (h19speed): a pass decided again by the output's line lengths reuses the first decision's
evidence and document layout (docs/dehyphenate.md, Speed, Round 16); the same edits as deciding it afresh."""

from __future__ import annotations

import random
from pathlib import Path

from kaznlp.dehyphenate import dehyphenate
from kaznlp.dehyphenate.driver import _edits

SEED004 = (Path(__file__).parent / "fixtures" / "seed004_expected.txt").read_text(encoding="utf-8")


def _column(text: str, width: int, rng: random.Random) -> str:
    """``text``'s paragraphs in a newspaper column of ``width`` characters that lost its hyphens:
    a word that does not fit is mostly cut where the line ends (``жетіс⏎тіктерді``)."""
    out: list[str] = []
    for para in text.split("\n\n"):
        line = ""
        for w in para.split():
            while True:
                cand = line + " " + w if line else w
                if len(cand) <= width:
                    line = cand
                    break
                room = width - len(line) - 1
                if line and room >= 2 and len(w) - room >= 2 and rng.random() < 0.7:
                    out.append(line + " " + w[:room])
                    w, line = w[room:], ""
                    continue
                if line:
                    out.append(line)
                    line = ""
                else:
                    out.append(w)
                    break
        if line:
            out.append(line)
        out.append("")
    return "\n".join(out).strip("\n")


def _columns() -> list[str]:
    rngs = [random.Random(seed) for seed in range(40)]
    return [_column(SEED004, rng.choice((15, 18, 20, 22, 25, 30)), rng) for rng in rngs]


def test_redo_gives_the_edits_of_a_fresh_by_output_pass():
    # seed 004 in narrow lost-hyphen columns: where a joined line met a short-line test (``short``),
    # kaznlp.dehyphenate._run decides the pass again by the output; ``redo`` does so on the evidence
    # and layout the first decision built, and must give what a fresh decision gives
    decided_again = 0
    for text in _columns():
        short: list[int] = []
        redo: list = []
        first = _edits(text, "auto", None, True, short_after_join=short, redo=redo)
        assert len(redo) == 1
        fresh = _edits(text, "auto", by_output=True)
        assert redo[0]() == fresh
        assert redo[0]() == fresh  # and again: the reused evidence is not worn by the first redo
        assert _edits(text, "auto") == first
        decided_again += bool(short)
    assert decided_again >= 2  # the case the reuse is for occurs in these texts


def test_no_redo_with_a_trace_or_without_a_decision():
    text = _columns()[0]
    redo: list = []
    _edits(text, "auto", [], True, redo=redo)
    assert redo == []  # a trace records each decision: the pass is decided afresh
    _edits("Бір жол ғана.", "auto", None, True, redo=redo)
    assert redo == []  # nothing to decide


def test_outputs_settle_where_a_pass_is_decided_again():
    for text in _columns():
        once, al = dehyphenate(text, return_alignment=True)
        assert dehyphenate(once) == once
        assert al.src_len == len(text) and al.dst_len == len(once)
