"""Alignment: build, map both ways, compose; property tests with hypothesis."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kaznlp import Alignment, apply_edits


def test_soft_hyphen_deletion_maps_back_over_it() -> None:
    text = "бар\u00adлық адам"
    new, al = apply_edits(text, [(3, 4, "")])
    assert new == "барлық адам"
    assert al.span_to_src(0, 6) == (0, 7)  # the word covers the soft hyphen
    assert al.span_to_src(7, 11) == (8, 12)
    assert al.span_to_dst(0, 7) == (0, 6)


def test_same_length_replacement_keeps_offsets() -> None:
    new, al = apply_edits("мемлекеттiк", [(9, 10, "і")])
    assert new == "мемлекеттік" and al.is_identity


def test_compose_chains_two_steps() -> None:
    text = "инно-\nвация\u00adлар"
    a, al1 = apply_edits(text, [(11, 12, "")])          # drop the soft hyphen
    b, al2 = apply_edits(a, [(4, 6, "")])                # join the line break
    assert b == "инновациялар"
    both = al1.compose(al2)
    assert both.span_to_src(0, len(b)) == (0, len(text))
    assert both.span_to_src(4, 8) == (6, 10)             # "ваци" in the source
    assert both.inverse().inverse() == both


def test_rejects_bad_edits() -> None:
    import pytest

    with pytest.raises(ValueError):
        apply_edits("абв", [(2, 3, "x"), (0, 1, "y")])
    with pytest.raises(ValueError, match="cannot compose"):
        Alignment.identity(3).compose(Alignment.identity(4))


@st.composite
def edited(draw):
    text = draw(st.text(alphabet="абқңі- \n\u00ad", max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    prev = 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a < prev:
            continue
        edits.append((a, b, draw(st.text(alphabet="xyz", max_size=3))))
        prev = b
    return text, edits


@given(edited())
def test_every_offset_maps_monotonically_and_back(case) -> None:
    text, edits = case
    new, al = apply_edits(text, edits)
    assert al.src_len == len(text) and al.dst_len == len(new)
    prev = 0
    for i in range(len(text) + 1):
        j = al.to_dst(i)
        assert prev <= j <= len(new)
        prev = j
    # text outside the edits maps onto itself
    for x, y, n in al.runs:
        for k in range(n):
            assert text[x + k] == new[y + k] or any(
                a <= x + k < b and len(r) == b - a for a, b, r in edits)
    # an output span maps to a source span that contains its unchanged characters
    for s in range(len(new)):
        for e in range(s + 1, min(len(new), s + 5) + 1):
            a, b = al.span_to_src(s, e)
            assert 0 <= a <= b <= len(text)


@given(edited(), edited())
def test_compose_equals_mapping_twice(c1, c2) -> None:
    text, edits = c1
    mid, al1 = apply_edits(text, edits)
    _, e2 = c2
    e2 = [(a, b, r) for a, b, r in e2 if b <= len(mid)]
    out, al2 = apply_edits(mid, e2)
    both = al1.compose(al2)
    for x, y, n in both.runs:
        for k in range(n):
            assert al2.to_dst(al1.to_dst(x + k)) == y + k
