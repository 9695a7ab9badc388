"""A new user's audit of the spaCy integration (principle 5): ``spacy.blank("kk")`` and
``kaznlp.load()`` on text that a spaCy ``Doc`` cannot hold give a clear error, not a crash deep
inside spaCy's string store.
"""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

import kaznlp  # noqa: E402
import kaznlp.spacy_lang  # noqa: E402,F401  (registers "kk" from a source checkout too)

# from the seed article ../shared/seeds/000_*.txt, as a badly decoded page gives it (a lone surrogate)
BROKEN = "Жоғарғы Сот Төрағасы Асламбек Мерғалиев\ud800 Моңғолияға барды."


@pytest.mark.parametrize("make", ["blank", "load"])
def test_lone_surrogate_is_a_value_error_naming_where(make: str) -> None:
    """``spacy.blank("kk")(text)`` raised ``UnicodeEncodeError`` from ``spacy/strings.pyx``."""
    nlp = spacy.blank("kk") if make == "blank" else kaznlp.load()
    with pytest.raises(ValueError, match=r"lone surrogate '\\ud800' at character 39"):
        nlp(BROKEN)
    clean = BROKEN.replace("\ud800", "")
    doc = nlp(clean)  # the same text decoded properly goes through, offsets into it
    assert doc.text == clean and "Мерғалиев" in [t.text for t in doc]


def test_astral_characters_are_no_surrogates() -> None:
    """The check looks for lone surrogates only: emoji and flags (one code point each beyond the
    BMP in a Python str) still make a Doc."""
    text = "Астана 🇰🇿 күні 👍🏽 өтті."
    assert spacy.blank("kk")(text).text == text
