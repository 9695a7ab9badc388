"""Text without letters (numbers, punctuation, symbols, marks, spaces: a table row, a price list,
a score line) through the fastest paths gives the tokens of the full path.

The paths compared: the pattern's fast paths (a plain number, a punctuation mark, a lone period or
hyphen) against the full rules alone; :func:`kaznlp.tokenize` against the raw
``kaznlp.process(normalize=False, dehyphenate=False)``, whose repaired text is the text itself
(the mapping is skipped), and against the full ``kaznlp.process`` (repairs on): every token
at the same offsets with the same surface and kind.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from strategies import examples

import kaznlp
from kaznlp.tokenize import RULE_KINDS, token_columns, token_pattern, tokenize

# what letterless news text is made of: numbers with their separators and units, dates, times,
# scores, prices, list markers, quotes and dashes of both kinds, bullets, marks and keycaps
_PIECES = st.sampled_from([
    "1", "20", "2024", "3,5", "14:17", "08.10.2015", "5 %", "63%", "‰", "°", "+", "-", "–", "—", "‐", ".", "...",
    "…", ",", ";", ":", "!", "?", "(", ")", "[", "]", "«", "»", "“", "”", "\"", "'", "/", "\\", "№", "§", "#",
    "*", "•", "@", "$", "₸", "€", "=", "<", ">", "&", "\u20e3", "\ufe0f", "\u0301", "👍", " ", "  ", "\n", "\t",
    "\xa0", "\u202f", "\u200b", "\ufeff", "\u00ad", "\r\n",
])
LETTERLESS = st.lists(_PIECES, max_size=40).map("".join)


def _spans(tokens) -> list[tuple[int, int, str, str]]:
    return [(t.start, t.end, t.text, t.kind) for t in tokens]


@examples(ci=400)
@given(LETTERLESS)
def test_letterless_text_fast_paths_give_the_full_paths_tokens(text: str) -> None:
    assert not any(c.isalpha() for c in text)
    kind = RULE_KINDS.__getitem__
    full = [(m.start(), m.end(), kind(m.lastgroup)) for m in token_pattern(fast=False).finditer(text)]
    assert [(m.start(), m.end(), kind(m.lastgroup)) for m in token_pattern().finditer(text)] == full
    tokens = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    # no token is made of invisible format characters only (a lone soft hyphen was a "word")
    assert all(any(unicodedata.category(c) != "Cf" for c in t.text) for t in tokens)
    for multiword in (True, False):
        starts, ends, texts, kinds = token_columns(text, multiword=multiword, ends=False)
        assert ends == [] and list(zip(starts, [s + len(x) for s, x in zip(starts, texts)], texts, kinds)) == \
            _spans(tokenize(text, multiword=multiword))
    raw = kaznlp.process(text, normalize=False, dehyphenate=False)
    assert raw.clean_text == text and _spans(raw.tokens) == _spans(tokens)
    assert [t.norm for t in raw.tokens] == [t.text for t in tokens]
    doc = kaznlp.process(text)
    if doc.clean_text == text:
        assert _spans(doc.tokens) == _spans(tokens)
    else:  # the repairs changed a character (a no-break space, a soft hyphen): same offsets in your text
        assert all(text[t.start:t.end] == t.text for t in doc.tokens)
        assert [t.norm for t in doc.tokens] == [t.text for t in tokenize(doc.clean_text)]


def test_lone_soft_hyphen_is_in_no_token() -> None:
    # a soft hyphen that no letter, digit or mark touches (a crawl's leftover between a score and a
    # dash) is in no token, as the full path (kaznlp.normalize drops it) has it; beside a word or
    # a number it stays in that token, as before
    text = "Есеп 2:1 \xad – жеңіс, бар\xadлық 12\xad"
    assert [t.text for t in tokenize(text)] == ["Есеп", "2:1", "–", "жеңіс", ",", "бар\xadлық", "12\xad"]
    for letterless in ("\xad", "2:1 \xad –", "« \xad\xad »"):
        raw = kaznlp.process(letterless, normalize=False, dehyphenate=False).tokens
        assert _spans(raw) == _spans(tokenize(letterless)) == _spans(kaznlp.process(letterless).tokens)
