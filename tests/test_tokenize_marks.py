"""A combining mark stays with its base: a keycap without its variation selector (``1⃣``), a
stressed or dotted digit (``5́``) is one token (docs/tokenize.md, "Emoji and invisible characters").

The tests on text fail on the tokenizer before the change: ``1⃣`` was ``1`` and a word ``⃣``.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from strategies import examples

import kaznlp
from kaznlp.tokenize import token_pattern, tokenize

KEYCAP = "\u20e3"


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


def test_keycap_without_variation_selector_is_one_token() -> None:
    # a quiz in a news comment thread, typed on a keyboard that drops U+FE0F
    text = f"Жауап: 1{KEYCAP} нұсқа, ал 2{KEYCAP} дұрыс емес. Хештег #{KEYCAP} және *{KEYCAP} белгісі"
    assert _pairs(text) == [
        ("Жауап", "word"), (":", "punct"), (f"1{KEYCAP}", "number"), ("нұсқа", "word"), (",", "punct"),
        ("ал", "word"), (f"2{KEYCAP}", "number"), ("дұрыс", "word"), ("емес", "word"), (".", "punct"), ("Хештег", "word"),
        (f"#{KEYCAP}", "symbol"), ("және", "word"), (f"*{KEYCAP}", "symbol"), ("белгісі", "word")]


def test_keycap_with_and_without_selector_give_the_same_tokens() -> None:
    for keycap in (KEYCAP, "\ufe0f" + KEYCAP):
        text = f"{keycap}-орын: 1{keycap}0{keycap} ұпай"
        one, zero = f"1{keycap}", f"0{keycap}"
        # two keycaps side by side are two tokens (an enclosing mark ends its cluster)
        assert [t.text for t in tokenize(text.replace(keycap, "1" + keycap, 1))] == \
            [one, "-", "орын", ":", one, zero, "ұпай"]


def test_combining_mark_after_a_digit_stays_with_it() -> None:
    # a stressed digit in a school test, a combining overline on a decimal
    text = "Бағасы 5\u0301 балл, орташасы 3,5\u0305 болды."
    assert _pairs(text) == [("Бағасы", "word"), ("5\u0301", "number"), ("балл", "word"), (",", "punct"),
                            ("орташасы", "word"), ("3,5\u0305", "number"), ("болды", "word"), (".", "punct")]
    doc = kaznlp.process(text, normalize=False)
    assert [t.text for t in doc.tokens][1] == "5\u0301"
    # a mark after a space still starts the word it is written on, as before
    assert [t.text for t in tokenize("сөз \u0301ала")] == ["сөз", "\u0301ала"]


_PIECES = st.sampled_from(["1", "20", "#", "*", KEYCAP, "\u0301", "\u0305", "\ufe0f", "\u20dd", " ", "нұсқа",
                           "а", ",", "%", "-", "👍"])


@examples(ci=300)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_no_token_starts_at_a_mark_on_a_digit_or_symbol(text: str) -> None:
    """A combining mark (Mn, Me) after a digit, a symbol or another mark is never the first
    character of a token; every visible character is in exactly one token; and the fast paths
    change no match."""
    tokens = tokenize(text)
    covered = [i for t in tokens for i in range(t.start, t.end)]
    assert len(covered) == len(set(covered))
    # every non-space character is covered; a space may be covered only inside a token: a number
    # and its unit are one token with the space kept ("1 %", "30° C": docs/tokenize.md, "number + unit")
    assert {i for i in covered if not text[i].isspace()} == {i for i, c in enumerate(text) if not c.isspace()}
    assert all(not t.text[0].isspace() and not t.text[-1].isspace() for t in tokens)
    starts = {t.start for t in tokens}
    for i in range(1, len(text)):
        if unicodedata.category(text[i]) in ("Mn", "Me") and (text[i - 1].isdigit() or text[i - 1] in "#*👍"
                                                             or unicodedata.category(text[i - 1])[0] == "M"):
            assert i not in starts, [t.text for t in tokens]
    full = [(m.start(), m.end(), m.lastgroup) for m in token_pattern(fast=False).finditer(text)]
    fast = [(m.start(), m.end()) for m in token_pattern().finditer(text)]
    assert fast == [f[:2] for f in full]
