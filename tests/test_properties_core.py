"""Property tests for the segmenters and the pipeline (hypothesis).

For any ``str`` — emoji, combining marks, lone surrogates, control characters, Kazakh
with abbreviations and line breaks — no exception; spans sorted, non-overlapping and
exact (``text[s:e] == span.text``); every visible character lies in exactly one
token (no token starts or ends with an invisible format character); sentences cover every non-space character; every letter and digit lies in
exactly one token of ``process``.

Each property runs twice: on ``any_text`` (issue 7: Kazakh pieces and arbitrary code
points) and on ``hostile_text`` (issue 19, ``tests/strategies.py``: every line-break
character, exotic spaces, bidi controls, lone surrogates, NFC-changing sequences,
hyphens at line breaks, mojibake, tag characters, mixed with real Kazakh words).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import examples, hostile_text

import kaznlp
from kaznlp.tokenize import W

KAZAKH = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
PIECES = [
    "т.б.", "т. б.", "млн.", "ж.", "А.", "А.А. ", "Н.Ә.Назарбаев", "Egemen.kz", "Egemen.kz.", "80-нен",
    "63%-ы", "2,5", "14:17", "08.10.2015", "ҚР-ның", "вице-президенті", "«", "»", "“", "”", '"', "–", "—",
    "-", "...", "…", "?!", ".", ",", "\n", "\n\n", "\r\n", " ", "  ", "\u00ad", "\u00a0", "\u200b", "i", "ə",
    "https://sud.gov.kz/a.", "x@y.kz", "(", ")", "17-19", "Қазақстан", "Сот", "деді", "бар\u00adлық",
    " жоқ", " емес", " екен", "келген", "сыйлайды", "еш", " нәрсені", "50°", " C", " С", "%", "5 %", "5\u00a0%", "5\n%",
]

kazakh_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=KAZAKH + KAZAKH.upper(), min_size=1, max_size=8)),
    max_size=60,
).map("".join)
any_text = st.one_of(
    kazakh_text,
    st.text(),  # arbitrary code points: emoji, combining marks, control characters, lone surrogates
    st.lists(st.one_of(kazakh_text, st.text(max_size=5))).map("".join),
)


def _check_spans(text: str, spans) -> None:
    prev_end = 0
    for sp in spans:
        assert prev_end <= sp.start < sp.end <= len(text)
        assert text[sp.start:sp.end] == sp.text
        prev_end = sp.end


def _non_space(text: str) -> set[int]:
    return {i for i, c in enumerate(text) if not c.isspace()}


# invisible format characters a token leaves out at a word's edge (docs/tokenize.md): a BOM, zero-width
# space, word joiner, (non-)joiner; and the bidirectional marks, which no token holds
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                       "\u2066\u2067\u2068\u2069")


def _visible(text: str) -> set[int]:
    # (a run of soft hyphens that no letter, digit or mark touches is invisible too: docs/tokenize.md)
    # (an invisible character beside it is no word: "<ZWSP><SHY>" is no token, tests/test_robustness_round10.py)
    bare = text.translate({ord(c): " " for c in _INVISIBLE})
    lone = {m.start() + k for m in re.finditer("(?<!%s)\u00ad+(?!%s)" % (W, W), bare) for k in range(len(m.group()))}
    return {i for i, c in enumerate(text) if not c.isspace() and c not in _INVISIBLE and i not in lone}


def check_tokenize(text: str) -> None:
    tokens = kaznlp.tokenize(text)
    _check_spans(text, tokens)
    covered = [i for t in tokens for i in range(t.start, t.end)]
    assert len(covered) == len(set(covered))
    assert set(covered) >= _visible(text)
    assert all(not text[t.start].isspace() and not text[t.end - 1].isspace() for t in tokens)
    assert all(text[t.start] not in _INVISIBLE and text[t.end - 1] not in _INVISIBLE for t in tokens)
    # a space only inside KTB's analytic verb forms ("келген жоқ"), one plain space between words,
    # and between a number and its unit ("5 %", "30° C")
    assert all(_inner_spaces_ok(t) for t in tokens)
    words = kaznlp.tokenize(text, multiword=False)
    assert all(t.kind == "number" and _inner_spaces_ok(t) or not any(c.isspace() for c in t.text) for t in words)
    # multiword tokens are exactly runs of the multiword=False tokens joined
    _check_spans(text, words)
    covered = [i for t in words for i in range(t.start, t.end)]
    assert len(covered) == len(set(covered)) and set(covered) >= _visible(text)
    multi = [t for t in tokens if t.kind == "word" and " " in t.text]
    assert [(t.start, t.end) for t in tokens if t not in multi] == \
        [(t.start, t.end) for t in words if not any(t.start >= m.start and t.end <= m.end for m in multi)]


def _inner_spaces_ok(token) -> bool:
    if token.kind == "number":
        return sum(c.isspace() for c in token.text) <= 1 and all(c in " \u00a0\u202f" for c in token.text if c.isspace())
    return all(w and not any(c.isspace() for c in w) for w in token.text.split(" "))


def check_sentences(text: str) -> None:
    sents = kaznlp.split_sentences(text)
    _check_spans(text, sents)
    covered = {i for s in sents for i in range(s.start, s.end)}
    assert covered >= _non_space(text)
    assert all(s.text == s.text.strip() for s in sents)


def check_process(text: str, **options: bool) -> None:
    doc = kaznlp.process(text, **options)
    _check_spans(text, doc.sentences)
    for sent in doc.sentences:
        _check_spans(text, sent.tokens)
        assert all(sent.start <= t.start and t.end <= sent.end for t in sent.tokens)
    _check_spans(text, doc.tokens)  # sorted and non-overlapping across sentences too
    # nothing silently lost: every letter or digit of the input lies in exactly one token
    covered = [i for t in doc.tokens for i in range(t.start, t.end)]
    assert len(covered) == len(set(covered))
    # ... except the letters of an HTML reference that stands for a space or an invisible
    # character ("&nbsp;", "&shy;"): the reference is that character, which no token holds.
    blank = {i for e in kaznlp.explain(text) if e.kind == "html_entity" and not any(c.isalnum() for c in e.after)
             for i in range(e.start, e.end)}
    lost = [(i, text[i]) for i, c in enumerate(text) if c.isalnum() and i not in set(covered) and i not in blank]
    assert not lost, f"letters/digits in no token: {lost}"


# -- issue 7 alphabet --------------------------------------------------------------------

@given(any_text)
def test_tokenize_covers_every_non_space_character_once(text: str) -> None:
    check_tokenize(text)


@given(any_text)
def test_sentences_cover_every_non_space_character(text: str) -> None:
    check_sentences(text)


@given(any_text)
def test_process_reports_original_offsets(text: str) -> None:
    check_process(text)


# -- issue 19: hostile text ---------------------------------------------------------------

@examples(ci=200)
@given(hostile_text)
def test_tokenize_hostile(text: str) -> None:
    check_tokenize(text)


@examples(ci=200)
@given(hostile_text)
def test_sentences_hostile(text: str) -> None:
    check_sentences(text)


PROCESS_OPTIONS = st.fixed_dictionaries({}, optional={
    "normalize": st.booleans(), "dehyphenate": st.booleans(), "multiword": st.booleans()})


@examples(ci=250)
@given(hostile_text, PROCESS_OPTIONS)
def test_process_hostile(text: str, options: dict) -> None:
    check_process(text, **options)


def test_one_megabyte_without_spaces() -> None:
    text = "қазақ" * 200_000 + ".Ол" * 1000
    tokens = kaznlp.tokenize(text)
    assert "".join(t.text for t in tokens) == text
    sents = kaznlp.split_sentences(text)
    check_sentences(text)
    # no boundary inside the run; at most one after its full stop ("қазақ.Ол", issue 12)
    assert [s.end for s in sents[:-1]] in ([], [1_000_001])


def test_lone_surrogates_and_controls() -> None:
    text = "Ол\ud800 келді.\x00 Біз\u0301 \U0001F600 кеттік.\x1b"
    _check_spans(text, kaznlp.tokenize(text))
    _check_spans(text, kaznlp.split_sentences(text))


def test_one_source_character_expanded_by_nfc_is_reported_once() -> None:
    # found by the deep profile: NFC expands U+0958 (Devanagari QA) into "क" + nukta
    text = "\u0958 жаңалық. \u0958\u0958"
    assert [t.text for t in kaznlp.tokenize(text)] == ["\u0958", "жаңалық", ".", "\u0958\u0958"]
    doc = kaznlp.process(text)
    _check_spans(text, doc.tokens)
    assert [t.text for t in doc.tokens] == ["\u0958", "жаңалық", ".", "\u0958\u0958"]
