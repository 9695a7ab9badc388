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


def _pairs() -> list[tuple[str, str]]:
    """Every cut of each seed-004 word (2+ letters a side), and pairs of neighbouring words."""
    words = [w.strip(".,;:«»()–").lower() for w in SEED004.split()]
    words = [w for w in words if len(w) >= 4]
    cuts = [(w[:i], w[i:]) for w in words for i in range(2, len(w) - 1)]
    return cuts + list(zip(words, words[1:]))


def test_closed_compound_gate_gives_the_loop_answer():
    # the gate (no compound begins with the shortest prefix asked) must not change an answer
    from kaznlp.dehyphenate.evidence import Evidence
    from kaznlp.dehyphenate.morph import closed_compounds

    ev = Evidence(SEED004)
    comp = closed_compounds()

    def loop(a: str, b: str) -> bool:  # closed_compound before round 16
        w = a + b
        return any(w[:k] in comp and (k == len(w) or ev.is_chain(w[k:])) for k in range(len(w), len(a) + 2, -1))

    pairs = _pairs() + [(c[:i], c[i:] + sfx) for c in sorted(comp)[::40] for i in range(1, len(c) - 1)
                        for sfx in ("", "ға", "лары", "x")]
    found = 0
    for a, b in pairs:
        assert ev.closed_compound(a, b) == loop(a, b), (a, b)
        found += loop(a, b)
    assert found >= 100


def test_sep_score_is_the_lesser_word_level():
    from kaznlp.dehyphenate.evidence import Evidence

    ev = Evidence(SEED004)
    fresh = Evidence(SEED004)
    for a, b in _pairs() + [("вице", "президенті-мен"), ("сот", "сот")]:
        assert ev.sep_score(a, b) == min(fresh.word(a), fresh.word(b.split("-")[0])), (a, b)
