"""Round 10 audit of bad input across the public API (principles 1 and 5): every span points
into the caller's text, every visible character lies in exactly one token, bad input gets a
clear error, and the CLI never exits 0 when a document failed.

Each test is the reproducer of one finding of the audit's fuzz script (hostile strings:
invisible characters, combining marks, control characters, lone surrogates) on real Kazakh text.
"""

from __future__ import annotations

import pytest

import kaznlp


def _exact(text: str, tokens) -> list[str]:
    assert all(text[t.start:t.end] == t.text for t in tokens), [(t, text[t.start:t.end]) for t in tokens]
    return [t.text for t in tokens]


# -- tokenize: an invisible character inside a number + unit ------------------------------------

@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2060", "\u200c", "\u200d"])
def test_invisible_between_number_and_unit_keeps_offsets_exact(invisible: str) -> None:
    # the scan reads a copy in which such a character is blank; the blank was a plain space, which
    # the number rule takes inside "5 %": the token said "37 %-ы" where the caller wrote 37<ZWSP>%-ы
    text = f"Сауалнамаға қатысқандардың 37{invisible}%-ы қолдады, 30°{invisible}C ыстық."
    for multiword in (True, False):
        words = _exact(text, kaznlp.tokenize(text, multiword=multiword))
        assert words[2:6] == ["37", "%", "-", "ы"] and "30°" in words and "C" in words
    doc = kaznlp.process(text, normalize=False, dehyphenate=False)
    _exact(text, doc.tokens)
    for sent in doc.sentences:
        _exact(text, sent.tokens)


def test_invisible_between_number_and_word_is_in_no_token() -> None:
    # "5<BOM>млн": the BOM sat between two word characters, so it was kept, but the tokens split
    # there and the word token started with the BOM (docs/tokenize.md: no token starts or ends
    # with an invisible character)
    text = "Бюджетке 5\ufeffмлн теңге бөлінді, 2\u200bмың адам келді."
    tokens = kaznlp.tokenize(text)
    assert _exact(text, tokens)[:4] == ["Бюджетке", "5", "млн", "теңге"]
    assert [t.start for t in tokens][1:3] == [9, 11]
    assert all(t.text[0] not in "\u200b\ufeff" and t.text[-1] not in "\u200b\ufeff" for t in tokens)
