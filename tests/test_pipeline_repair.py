"""kaznlp.pipeline.repair: the one repair path (issue 18 item 2), always an Alignment."""

from __future__ import annotations

import pytest
from conftest import seed_text

import kaznlp
from kaznlp.alignment import Alignment
from kaznlp.pipeline import repair


def test_repair_returns_the_clean_text_and_an_alignment_that_maps_back() -> None:
    text = "Премьер- Министр мемлекеттiк тіл туралы заң-\nды қабылдады."  # web split, Latin "i", line break
    clean, al = repair(text)
    assert clean == "Премьер-Министр мемлекеттік тіл туралы заңды қабылдады."
    assert isinstance(al, Alignment) and not al.is_identity
    assert (al.src_len, al.dst_len) == (len(text), len(clean))
    start = clean.index("заңды")
    assert text[slice(*al.span_to_src(start, start + 5))] == "заң-\nды"
    assert text[slice(*al.span_to_src(0, 15))] == "Премьер- Министр"


def test_nothing_to_repair_gives_the_identity_never_none() -> None:
    text = "Астана — Қазақстанның елордасы."
    for options in ({}, {"normalize": False}, {"dehyphenate": False}, {"normalize": False, "dehyphenate": False}):
        clean, al = repair(text, **options)
        assert clean == text and isinstance(al, Alignment) and al.is_identity
        assert al.span_to_src(9, 20) == (9, 20)
    clean, al = repair("")
    assert clean == "" and al.is_identity and (al.src_len, al.dst_len) == (0, 0)


def test_one_for_one_repairs_keep_offsets_and_say_identity() -> None:
    # a Latin "i" inside a Cyrillic word is replaced in place: offsets do not move
    text = "Мемлекеттiк тіл туралы заң қабылданды."
    clean, al = repair(text)
    assert clean != text and "мемлекеттік" in clean.lower() and len(clean) == len(text)
    assert al.is_identity


def test_each_repair_can_be_switched_off() -> None:
    text = "Мемлекеттiк тіл туралы заң-\nды Премьер- Министр қабылдады."  # Latin "i"; two breaks
    clean, al = repair(text, dehyphenate=False)  # normalize only: the letter, not the breaks
    assert clean == text.replace("Мемлекеттiк", "Мемлекеттік") and al.is_identity
    clean, al = repair(text, normalize=False)  # de-hyphenate only: the breaks, not the letter
    assert clean == "Мемлекеттiк тіл туралы заңды Премьер-Министр қабылдады." and not al.is_identity


def test_repair_is_what_process_uses() -> None:
    text = seed_text("004")  # PDF text: words broken across lines
    clean, al = repair(text)
    doc = kaznlp.process(text)
    assert doc.clean_text == clean and doc.alignment == al
    assert any(t.norm != t.text for t in doc.tokens)


def test_bad_arguments_fail_at_the_door() -> None:
    with pytest.raises(TypeError, match=r"kaznlp.repair\(\) expects str, got bytes"):
        repair(b"\xd0\x90")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="normalize='yes'"):
        repair("Алматы", normalize="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        repair("Алматы", True)  # type: ignore[misc]  # the options are keywords
