"""Emoji sequences are one token; invisible format characters (BOM, zero-width space, bidi marks)
at a word's edge belong to no token (docs/tokenize.md, "Emoji and invisible characters").

Every test here fails on the tokenizer before the change (an emoji was cut into its code points,
a joiner was a token of its own, a leading BOM was inside the first word).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import examples

import kaznlp
from kaznlp.tokenize import tokenize

# a Kazakh news comment thread as users write it: flags, skin tones, a keycap, a ZWJ family,
# a heart on fire (ZWJ after a variation selector), the flag of Scotland (tag sequence)
POST = ("Қазақстан құрамасы жеңді 🇰🇿🇰🇿 Құттықтаймыз 👏🏽👏🏽 1️⃣-орын! Отбасымызбен 👨‍👩‍👧 "
        "қуанып отырмыз ❤️‍🔥 Шотландияға 🏴󠁧󠁢󠁳󠁣󠁴󠁿 сәттілік")
EMOJI = ["🇰🇿", "🇰🇿", "👏🏽", "👏🏽", "👨‍👩‍👧", "❤️‍🔥", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]


def _visible(text: str) -> set[int]:
    invisible = "\ufeff\u200b\u200c\u200d\u2060\u200e\u200f\u061c"
    return {i for i, c in enumerate(text) if not c.isspace() and c not in invisible}


def _check(text: str, tokens) -> None:
    covered = [i for t in tokens for i in range(t.start, t.end)]
    assert len(covered) == len(set(covered)) and set(covered) >= _visible(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_emoji_sequence_is_one_token() -> None:
    tokens = tokenize(POST)
    _check(POST, tokens)
    assert [t.text for t in tokens if t.kind == "symbol"] == EMOJI
    assert "\u200d" not in [t.text for t in tokens]  # no joiner token of its own
    # the words around them are as without emoji
    assert [t.text for t in tokens if t.kind == "word"][:4] == ["Қазақстан", "құрамасы", "жеңді", "Құттықтаймыз"]


def test_emoji_in_process_and_spacy() -> None:
    assert [t.text for t in kaznlp.process(POST).tokens if t.kind == "symbol"] == EMOJI
    assert [t.text for t in kaznlp.process(POST, normalize=False).tokens if t.kind == "symbol"] == EMOJI
    spacy = pytest.importorskip("spacy")
    doc = spacy.blank("kk")(POST)
    assert doc.text == POST
    assert [t.text for t in doc if t.text in EMOJI] == EMOJI


def test_emoji_glued_to_words_stay_apart() -> None:
    # an emoji between two words without spaces is a token of its own; a lone regional indicator
    # after a flag is one more token; a joiner then letters: the letters are a word, and the joiner,
    # which joins nothing, is in no token (no token ends with an invisible character: round 13)
    assert [t.text for t in tokenize("сөз🎉сөз 🇰🇿🇷🇺🇰 👨\u200dабай")] == \
        ["сөз", "🎉", "сөз", "🇰🇿", "🇷🇺", "🇰", "👨", "абай"]


def test_every_rgi_emoji_is_one_grapheme_cluster_and_one_token() -> None:
    emoji = pytest.importorskip("emoji")
    regex = pytest.importorskip("regex")
    singles = [e for e in emoji.EMOJI_DATA if len(regex.findall(r"\X", e)) == 1 and not e[0].isdigit()
               and e[0] not in "#*"]
    assert len(singles) > 3000
    text = " ".join(singles)
    assert [t.text for t in tokenize(f"Сәлем {text} сау бол")] == ["Сәлем", *singles, "сау", "бол"]


@examples(ci=300)
@given(st.lists(st.sampled_from(["🇰", "🇿", "👍", "🏽", "\u200d", "👩", "❤", "\ufe0f", "\U000e0067", "\U000e007f",
                                 "🏴", "сөз", " ", "1", "\u20e3", ".", "Абай",
                                 # (round 13: ZWNJ, VS15, a second skin tone, a mark, invisible characters; soft hyphens:
                                 # tests/test_robust_round13.py, whose visibility knows them)
                                 "\u200c", "\ufe0e", "🏻", "\u0301", "\ufeff", "\u200b"]),
                max_size=20).map("".join))
def test_no_token_cuts_an_emoji_cluster(text: str) -> None:
    regex = pytest.importorskip("regex")
    tokens = tokenize(text)
    _check(text, tokens)
    bounds = {b for t in tokens for b in (t.start, t.end)}
    # a cluster that starts with a pictograph or a regional indicator is never cut by a token edge
    # (a joiner or ZWNJ at its end that joins nothing is invisible: it may be left out)
    for m in regex.finditer(r"\X", text):
        if regex.match(r"\p{Extended_Pictographic}|\p{Regional_Indicator}", m.group()):
            end = m.start() + len(m.group().rstrip("\u200d\u200c"))
            assert not any(m.start() < b < end for b in bounds), (m.group(), [t.text for t in tokens])


NEWS = "Мемлекет басшысы Қасым-Жомарт Тоқаев 2024-жылғы жолдауында 80-нен астам тапсырма берді."


def test_leading_bom_belongs_to_no_token() -> None:
    text = "\ufeff" + NEWS
    tokens = tokenize(text)
    assert tokens[0].text == "Мемлекет" and tokens[0].start == 1
    # the same tokens as without the mark, one character later, kinds included
    assert [(t.start - 1, t.end - 1, t.text, t.kind) for t in tokens] == [tuple(t) for t in tokenize(NEWS)]
    assert [t.start for t in kaznlp.process(text, normalize=False).tokens] == [t.start for t in tokens]


def test_bom_before_a_number_keeps_its_kind() -> None:
    text = "Есеп \ufeff2024-жылғы \u200b80-нен астам"
    assert [(t.text, t.kind) for t in tokenize(text)] == \
        [("Есеп", "word"), ("2024-жылғы", "number"), ("80-нен", "number"), ("астам", "word")]


def test_zero_width_space_between_words_is_no_token_inside_a_word_it_stays() -> None:
    # a ZWSP standing between words, after a word or before punctuation is invisible: no token;
    # inside a word (damaged text, "Қа\u200bзақ") it stays in the word, as kaznlp.normalize removes it
    text = "Астана\u200b қаласы \u200b Қа\u200bзақстан\u200b. \u2060Абай"
    assert [t.text for t in tokenize(text)] == ["Астана", "қаласы", "Қа\u200bзақстан", ".", "Абай"]


def test_bidi_marks_are_no_tokens() -> None:
    text = "\u200eҚазақстан\u200f Республикасы \u202aАстана\u202c"
    assert [(t.text, t.start) for t in tokenize(text)] == [("Қазақстан", 1), ("Республикасы", 12), ("Астана", 26)]


def test_tokens_and_entities_agree_after_a_bom() -> None:
    pytest.importorskip("spacy")
    try:
        from kaznlp.ner.model import model_path

        model_path()
    except ModuleNotFoundError:
        pytest.skip("NER model not installed")
    text = "\ufeffҚасым-Жомарт Тоқаев Астанада сөз сөйледі."
    starts = {t.start for t in tokenize(text)}
    ends = {t.end for t in tokenize(text)}
    ents = kaznlp.ner(text)
    assert ents and all(e.start in starts and e.end in ends for e in ents)
