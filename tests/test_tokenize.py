"""Tokenizer conventions (UD Kazakh-KTB), each on real Kazakh news phrasing."""

from __future__ import annotations

import pytest

import kaznlp
from kaznlp import Token, tokenize
from kaznlp.spans import make_tokens


def texts(s: str) -> list[str]:
    return [t.text for t in tokenize(s)]


@pytest.mark.parametrize(
    "phrase, expected",
    [
        # Kazakh letters are letters (spaCy's class misses ғ қ ұ)
        ("ғылым қағаз ұлттық", ["ғылым", "қағаз", "ұлттық"]),
        # number + suffix is one token
        ("әлемнің 80-нен астам елінен", ["әлемнің", "80-нен", "астам", "елінен"]),
        ("2014-жылғы есеп", ["2014-жылғы", "есеп"]),
        ("азаматтардың 63%-ы және 76%-ы", ["азаматтардың", "63%-ы", "және", "76%-ы"]),
        ("19,4°С-қа дейін", ["19,4°С-қа", "дейін"]),
        # a degree sign ends the number unless a unit letter ends the token: never a trailing space
        ("50° солтүстік ендік, 50° Солтүстік, 30° C", ["50°", "солтүстік", "ендік", ",", "50°", "Солтүстік", ",",
                                                      "30° C"]),
        ("55-ші конкурсы, 1-іншіден", ["55-ші", "конкурсы", ",", "1-іншіден"]),
        # number + free-standing word: three tokens, as in KTB
        ("Тәуелсіздігінің 15-жылдығының", ["Тәуелсіздігінің", "15", "-", "жылдығының"]),
        # ranges split
        ("17-19 қараша аралығында", ["17", "-", "19", "қараша", "аралығында"]),
        # acronym or Latin name + suffix
        ("ҚР-ның, АҚШ-пен, IACA-ның", ["ҚР-ның", ",", "АҚШ-пен", ",", "IACA-ның"]),
        ("COVID-19-дың YouTube-тағы", ["COVID-19-дың", "YouTube-тағы"]),
        ("ХСӘҚ-ның (IACA) жыл сайынғы", ["ХСӘҚ-ның", "(", "IACA", ")", "жыл", "сайынғы"]),
        # hyphenated compounds stay whole
        ("ХСӘҚ вице-президенті", ["ХСӘҚ", "вице-президенті"]),
        ("өзара іс-қимыл", ["өзара", "іс-қимыл"]),
        ("Қасым-Жомарт Тоқаев", ["Қасым-Жомарт", "Тоқаев"]),
        ("Сондай-ақ қарым-қатынас", ["Сондай-ақ", "қарым-қатынас"]),
        # ... except KTB's phrase-like pairs
        ("ағылшын-парсы шарты", ["ағылшын", "-", "парсы", "шарты"]),
        ("бес-алты адымдай", ["бес", "-", "алты", "адымдай"]),
        ("бір-бірімен", ["бір-бірімен"]),
        # abbreviations keep their period
        ("кітаптар т.б. бар", ["кітаптар", "т.б.", "бар"]),
        ("20,3 млн. адам, 1990 ж. құрылған", ["20,3", "млн.", "адам", ",", "1990", "ж.", "құрылған"]),
        ("Б.з.б. 3-мыңжылдықта", ["Б.з.б.", "3", "-", "мыңжылдықта"]),
        # initials: single, double, glued
        ("А.А. Мерғалиев", ["А.", "А.", "Мерғалиев"]),
        ("А.Мерғалиев пен Н.Ә.Назарбаев", ["А.", "Мерғалиев", "пен", "Н.", "Ә.", "Назарбаев"]),
        # decimals, times, dates
        ("2,5 жыл ішінде", ["2,5", "жыл", "ішінде"]),
        ("сағат 14:17-де, 08.10.2015 ж.", ["сағат", "14:17-де", ",", "08.10.2015", "ж."]),
        # domains, URLs, e-mails; a sentence-final period split off
        ("деп жазады Egemen.kz.", ["деп", "жазады", "Egemen.kz", "."]),
        ("Фото: sud.gov.kz", ["Фото", ":", "sud.gov.kz"]),
        ("https://www.akorda.kz/kz/news. Сайт", ["https://www.akorda.kz/kz/news", ".", "Сайт"]),
        ("press@sud.gov.kz мекенжайы", ["press@sud.gov.kz", "мекенжайы"]),
        # quotes and dashes are their own tokens
        ("«Сот әкімшілігі» – ХСӘҚ", ["«", "Сот", "әкімшілігі", "»", "–", "ХСӘҚ"]),
        ("“Митра” — “фильм”", ["“", "Митра", "”", "—", "“", "фильм", "”"]),
        # ... and … are one token; ?! two marks, as in KTB
        ("Сонымен... Бәрі… Не?!", ["Сонымен", "...", "Бәрі", "…", "Не", "?", "!"]),
        # web-page widget lines
        ("52 рет\nкөрсетілді\n2 мин\nоқу үшін", ["52", "рет", "көрсетілді", "2", "мин", "оқу", "үшін"]),
    ],
)
def test_conventions(phrase: str, expected: list[str]) -> None:
    assert texts(phrase) == expected


def test_offsets_and_kinds() -> None:
    text = "ҚР-ның 63%-ы, т.б. Egemen.kz «»"
    toks = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in toks)
    kinds = {t.text: t.kind for t in toks}
    assert kinds == {
        "ҚР-ның": "word", "63%-ы": "number", ",": "punct", "т.б.": "abbr",
        "Egemen.kz": "domain", "«": "punct", "»": "punct",
    }


def test_token_is_a_light_record() -> None:
    tok = tokenize("Астана")[0]
    assert tok == Token(0, 6, "Астана", "word")
    start, end, text, kind = tok
    assert (start, end, text, kind) == (0, 6, "Астана", "word")
    with pytest.raises(AttributeError):
        tok.start = 3  # type: ignore[misc]
    assert not hasattr(tok, "__dict__")


def test_soft_hyphen_and_combining_marks_stay_inside_the_word() -> None:
    assert texts("бар\u00adлық мүм\u00adкіндік") == ["бар\u00adлық", "мүм\u00adкіндік"]
    assert texts("жи\u0306ын") == ["жи\u0306ын"]


def test_empty_and_space_only() -> None:
    assert tokenize("") == []
    assert tokenize(" \n\t\u00a0") == []


def test_public_alias() -> None:
    assert kaznlp.tokenize is tokenize


@pytest.mark.parametrize(
    "phrase, expected",
    [
        # UD Kazakh-KTB: a verb and its negation or evidential auxiliary are one word
        ("Жамандығынан мұндай болған жоқ.", ["Жамандығынан", "мұндай", "болған жоқ", "."]),
        ("ешбір жерінен көрген емеспін.", ["ешбір", "жерінен", "көрген емеспін", "."]),
        ("«Адамның ұлылығы ұстазынан», деген екен.", ["«", "Адамның", "ұлылығы", "ұстазынан", "»", ",",
                                                     "деген екен", "."]),
        ("көңілін алсам екен деген", ["көңілін", "алсам екен", "деген"]),
        ("Сен кісіні сыйламайды екенсің", ["Сен", "кісіні", "сыйламайды екенсің"]),
        ("ағалары бар екенін естіген жоқ екен.", ["ағалары", "бар", "екенін", "естіген жоқ екен", "."]),
        ("Ол еш нәрсені көріп тұрған жоқ", ["Ол", "еш нәрсені", "көріп", "тұрған жоқ"]),
        # after a noun, adjective or modal word the auxiliary is a word of its own (KTB)
        ("Бұған себеп жоқ. Бұл жаман емес, қазақ екен.",
         ["Бұған", "себеп", "жоқ", ".", "Бұл", "жаман", "емес", ",", "қазақ", "екен", "."]),
        ("Ол тиіс емес, керек екен", ["Ол", "тиіс", "емес", ",", "керек", "екен"]),
        ("Бұл касса екен", ["Бұл", "касса", "екен"]),  # a noun in -са, not a conditional
        # a line break or punctuation between the words keeps them apart
        ("болған\nжоқ", ["болған", "жоқ"]),
        ("болған, жоқ", ["болған", ",", "жоқ"]),
        # an inflected auxiliary is a word of its own: "бар екенін"
        ("келген екенін білеміз", ["келген", "екенін", "білеміз"]),
    ],
)
def test_analytic_verb_forms_are_one_token(phrase: str, expected: list[str]) -> None:
    assert texts(phrase) == expected


def test_multiword_false_keeps_tokens_free_of_spaces() -> None:
    text = "Ол бұрын ағалары бар екенін естіген жоқ екен."
    words = [t.text for t in tokenize(text, multiword=False)]
    assert words == ["Ол", "бұрын", "ағалары", "бар", "екенін", "естіген", "жоқ", "екен", "."]
    joined = tokenize(text)
    assert joined[-2] == Token(text.index("естіген"), len(text) - 1, "естіген жоқ екен", "word")
    with pytest.raises(ValueError, match="multiword"):
        tokenize(text, multiword="yes")  # type: ignore[arg-type]


def test_long_runs_of_marks_and_multiword_forms_keep_every_character() -> None:
    # a letter + combining vowel sign repeated is one word however long (issue 19)
    run = "\u0915\u093f" * 3000
    assert tokenize(run) == [Token(0, len(run), run, "word")]
    # analytic verb forms joined in one pass over a text dense with them
    text = "Ол болған жоқ, көрген емеспін, деген екен. " * 200
    toks = tokenize(text)
    assert [t.text for t in toks[:10]] == ["Ол", "болған жоқ", ",", "көрген емеспін", ",", "деген екен", ".",
                                           "Ол", "болған жоқ", ","]
    assert len(toks) == 1400 and all(text[t.start:t.end] == t.text for t in toks)


# --- the fast tokenizer reproduces the reference (issue 16) ---------------------------------------

import gc  # noqa: E402
import hashlib  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
from pathlib import Path  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conftest import SHARED, needs_shared  # noqa: E402
from strategies import examples, hostile_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = json.loads((Path(__file__).parent / "fixtures" / "tokenize_reference.json").read_text(encoding="utf-8"))
_tok = importlib.import_module("kaznlp.tokenize")


def _digest(toks: list[Token]) -> str:
    return hashlib.sha1(json.dumps([[t.start, t.end, t.kind] for t in toks]).encode()).hexdigest()[:16]


def _digest_all(texts: list[str]) -> str:
    h = hashlib.sha1()
    for text in texts:
        h.update(_digest(tokenize(text, multiword=False)).encode())
    return h.hexdigest()[:16]


def test_sample_matches_the_reference_tokens() -> None:
    text = (ROOT / "kaznlp" / "data" / "sample_kk.txt").read_text(encoding="utf-8")
    assert [[t.start, t.end, t.kind] for t in tokenize(text)] == REFERENCE["sample_kk"]
    assert [[t.start, t.end, t.kind] for t in tokenize(text, multiword=False)] == REFERENCE["sample_kk_words"]


@needs_shared
def test_news_corpus_and_ktb_match_the_reference() -> None:
    """Every text of the news corpus (2.9M chars) and of UD KTB gives the tokens of the tokenizer
    before the speed-up, both multiword settings (hashes in tests/fixtures/tokenize_reference.json)."""
    from benchmarks.common import corpus
    from benchmarks.gold import ud_ktb

    texts = corpus.load_texts(SHARED)
    if sum(map(len, texts)) != REFERENCE["news_chars"]:
        pytest.skip("the shared news corpus is not the one the reference was made on")
    changed = [i for i, text in enumerate(texts) if _digest(tokenize(text)) != REFERENCE["news"][i]]
    assert not changed, f"{len(changed)} of {len(texts)} news texts tokenize differently, e.g. text {changed[:5]}"
    assert _digest_all(texts) == REFERENCE["news_words"]
    ktb = [d.text for d in ud_ktb.load(SHARED / "data" / "ud_kk_ktb")]
    assert [_digest(tokenize(t)) for t in ktb] == REFERENCE["ktb"]
    assert _digest_all(ktb) == REFERENCE["ktb_words"]


# Pieces that drive every rule of the pattern and the fast paths' edges: abbreviations and their
# stop characters, e-mail and URL starts, units, suffixes, marks the pattern does not know.
_PIECES = st.sampled_from([
    "Қазақстан", "ҚР", "ның", "т", "б", "ж", "млн", "р", "с", "www", "http", "https", "://", "kz", "Egemen",
    "жылғы", "нен", "болған", "жоқ", "екен", "еш", "нәрсені", "3", "20", "2015", "_", "x1", ".", "..", "...",
    "…", ",", ":", "-", "‐", "‑", "–", "'", "’", "@", "+", "/", "%", "‰", "°", "С", "(", "«", "»", " ", " ",
    "\n", "\xa0", "\u202f", "\u0301", "\u093c", "\u093f", "\u0915", "\u00ad", "\u200b", "😀",
])


@examples(ci=300)
@given(st.one_of(hostile_text, st.lists(_PIECES, max_size=30).map("".join)))
def test_fast_paths_change_no_token(text: str) -> None:
    """The pattern's fast paths (plain word, number, punctuation first) give the same matches and
    kinds as the full rules alone, and tokenize's scan (white space taken with each token, the
    e-mail rule only where "@" occurs) finds the same tokens."""
    full = _tok.token_pattern(fast=False)
    kind = _tok.RULE_KINDS.__getitem__
    expected = [(m.start(), m.end(), kind(m.lastgroup)) for m in full.finditer(text)]
    assert [(m.start(), m.end(), kind(m.lastgroup)) for m in _tok.TOKEN_PATTERN.finditer(text)] == expected
    scan = _tok.token_pattern(scan=True, email="@" in text)
    got = [(m.start(), m.start() + len(m.group().rstrip()), kind(m.lastgroup)) for m in scan.finditer(text)]
    assert got == expected


def test_every_abbreviation_stops_the_word_fast_path() -> None:
    # the fast word path may take a word only where no abbreviation can start: each one has a
    # period or "/" after its first letters ("млн.", "р/с"), and those stop the fast path
    stops = _tok.abbreviation_stops()
    assert stops and set(stops) <= {".", "/"}
    assert _tok.abbreviation_stops(["млн.", "ҚР"]) == ""  # an all-letter abbreviation turns the fast path off
    assert texts("р/с шоты, млн. теңге, р с") == ["р/с", "шоты", ",", "млн.", "теңге", ",", "р", "с"]


@pytest.mark.parametrize("enabled", [True, False])
def test_garbage_collector_state_is_restored(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        toks = tokenize("Ол келген жоқ. " * 50)
        assert gc.isenabled() is enabled and len(toks) == 150
        with pytest.raises(TypeError):
            tokenize(b"bytes")  # type: ignore[arg-type]
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_marks_the_pattern_does_not_know_continue_the_word() -> None:
    # Devanagari nukta and vowel sign after a letter: one word; the mark alone after a space is a symbol
    assert texts("\u0915\u093c\u093f\u0924\u093e Қазақ \u093c") == ["\u0915\u093c\u093f\u0924\u093e", "Қазақ",
                                                                   "\u093c"]
    assert tokenize("а\u0301-ға")[0].text == "а\u0301-ға"


def _glued_slowly(text: str) -> list[tuple[int, int, str, str]]:
    """The combining-mark glue as the tokenizer did it before it was made local (one Python step
    per token of the whole text), on the pattern's matches: the reference for _glue_marks."""
    import unicodedata2 as unicodedata

    scan = _tok.token_pattern(scan=True, email="@" in text)
    marks = [(m.start(), m.start() + len(m.group().rstrip())) for m in scan.finditer(text) if m.lastgroup == "mark"]
    for i, (a, b) in enumerate(marks):  # (with the marks the pattern does not know after them)
        while b < len(text) and (unicodedata.category(text[b])[0] == "M" or text[b] == "\xad"):
            b += 1
        marks[i] = (a, b)
    if marks:  # marks after punctuation (round 10): the text without them, then each on the token before it
        blank = "".join("\u2005" * (c - b) if k % 2 else text[b:c]
                        for k, (b, c) in enumerate(zip([0, *[x for s in marks for x in s]], [*[x for s in marks for x in s], len(text)])))
        out = _glued_slowly(blank)
        for a, b in marks:
            k = max(i for i, t in enumerate(out) if t[0] < a) if any(t[0] < a for t in out) else -1
            if k >= 0 and out[k][1] == a:
                out[k] = (out[k][0], b, text[out[k][0]:b], out[k][3])
            else:
                out.insert(k + 1, (a, b, text[a:b], "symbol"))
        return out
    raw = [(m.start(), m.group().rstrip(), _tok.RULE_KINDS[m.lastgroup]) for m in scan.finditer(text)]
    category = unicodedata.category
    out: list[tuple[int, int, str, str]] = []

    def compound(surface: str, start: int) -> None:
        prev = 0
        for cut in _tok.hyphen_cuts(surface):
            out.append((start + prev, start + cut, surface[prev:cut], "word"))
            out.append((start + cut, start + cut + 1, surface[cut], "punct"))
            prev = cut + 1
        out.append((start + prev, start + len(surface), surface[prev:], "word"))

    glue_end = last_end = open_start = -1
    open_kind = ""
    for start, surface, kind in raw:
        end = start + len(surface)
        if start == glue_end and kind in ("word", "hword", "number") \
                or kind == "symbol" and start == last_end and category(surface[0])[0] == "M":
            if open_start < 0:
                open_start, open_kind = out[-1][0], out[-1][3]
            last_end = end
            # (a symbol token is a mark and the marks the pattern knows after it; after an
            # enclosing mark, a keycap's U+20E3, no word or number goes on)
            glue_end = end if category(text[end - 1]) in ("Mn", "Mc") else -1
            continue
        if open_start >= 0:
            out[-1] = (open_start, last_end, text[open_start:last_end], open_kind)
            open_start = -1
        last_end = end
        if kind == "hword":
            compound(surface, start)
        else:
            out.append((start, end, surface, kind))
    if open_start >= 0:
        out[-1] = (open_start, last_end, text[open_start:last_end], open_kind)
    return out


_MARKED = st.sampled_from([
    "Меконг", "ཟླ", "ཆུ", "မဲခေါင", "\u0f7a", "\u0f74", "\u102c", "\u093c", "\u093f", "\u0915", "\u064e", "\u0650",
    "\u0301", "қала", "іс-шара", "ауыл-ауылдан", "Бұл-біздің", "3", "20", "-", " ", "\n", ",", "(", "»", "x", "«",
    "\u20e3", "#",
])


@examples(ci=300)
@given(st.lists(_MARKED, max_size=30).map("".join))
def test_marks_glue_as_the_token_by_token_walk_did(text: str) -> None:
    """A combining mark the pattern does not know, glued to the token before it (and a word
    right after it) only where it occurs, gives the tokens the whole-text walk gave."""
    assert [tuple(t) for t in tokenize(text, multiword=False)] == _glued_slowly(text)


def test_one_foreign_mark_does_not_slow_the_rest_of_the_text() -> None:
    text = "Меконг (湄公河, ཟླ་ཆུ།, မဲခေါင်မြစ်) өзені. " + "Қазақстан Республикасы іс-шара өтті. " * 200
    toks = tokenize(text)
    assert [t.text for t in toks[:8]] == ["Меконг", "(", "湄公河", ",", "ཟླ", "་", "ཆུ", "།"]
    assert [tuple(t) for t in toks] == _glued_slowly(text)  # (no auxiliaries: multiword changes nothing)


def test_token_columns_are_the_records_of_tokenize() -> None:
    text = "ҚР-ның 63%-ы қалаларда тұрады, деп хабарлады Egemen.kz. Ол келген жоқ, бес-алты адам."
    for multiword in (True, False):
        cols = _tok.token_columns(text, multiword=multiword)
        assert make_tokens(*cols) == tokenize(text, multiword=multiword)
        assert all(text[s:e] == x for s, e, x in zip(cols[0], cols[1], cols[2]))
    assert "келген жоқ" in _tok.token_columns(text)[2] and "келген жоқ" not in _tok.token_columns(text, multiword=False)[2]
    with pytest.raises(TypeError, match="token_columns"):
        _tok.token_columns(b"abc")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="multiword"):
        _tok.token_columns(text, multiword="yes")  # type: ignore[arg-type]


def test_token_columns_without_ends_are_the_same_columns() -> None:
    """``ends=False`` (how kaznlp.process calls it) leaves out only the ends: the glued marks, the
    cut compounds and the joined verb forms give the same starts, surfaces and kinds, and each
    end is its start plus the length of its surface."""
    text = ("Меконг (ཟླ་ཆུ།) өзені. Ол келген жоқ, жиырма-отыз адам ҚР-ның 63%-ы "
            "мемлекетт\u0456к за\u0301ң, естіген жоқ екен.")
    for multiword in (True, False):
        starts, ends, texts, kinds = _tok.token_columns(text, multiword=multiword)
        assert "жиырма" in texts and ("келген жоқ" in texts) is multiword
        assert _tok.token_columns(text, multiword=multiword, ends=False) == (starts, [], texts, kinds)
        assert ends == [s + len(x) for s, x in zip(starts, texts)]
    with pytest.raises(ValueError, match="ends"):
        _tok.token_columns(text, ends=None)  # type: ignore[arg-type]


def test_hyphen_cuts_are_where_tokenize_cuts() -> None:
    for word in ("жиырма-отыз", "ауыл-ауылдан", "Қасым-Жомарт", "Бұл-біздің", "іс-қимыл"):
        pieces = [t.text for t in tokenize(word)]
        cuts = _tok.hyphen_cuts(word)
        assert len(pieces) == 2 * len(cuts) + 1
        assert [word[c] for c in cuts] == ["-"] * len(cuts)
    assert _tok.hyphen_cuts("Қасым-Жомарт") == () and _tok.hyphen_cuts("жиырма-отыз") == (6,)
