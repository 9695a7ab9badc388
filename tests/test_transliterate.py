"""kaznlp.transliterate: Kazakh Cyrillic <-> Latin (2021; reading 2018 and 2017), with offsets."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import kaznlp
from kaznlp import transliterate
from tests.conftest import needs_shared
from tests.strategies import hostile_text

# -- the 2021 alphabet on real Kazakh text ------------------------------------------------

def test_title_and_all_caps_words() -> None:
    assert transliterate("Шымкент") == "Şymkent"
    assert transliterate("ШЫМКЕНТ") == "ŞYMKENT"
    # a letter written with two Latin letters follows the word's case
    assert transliterate("Цех ЦЕХ цех") == "Tseh TSEH tseh"
    assert transliterate("Япония ЯПОНИЯ") == "İaponiia İAPONİİA"
    assert transliterate("Я") == "İa"


def test_kazakh_specific_letters() -> None:
    # Wikipedia's 2021 sample: і -> ı, й -> i, һ -> h, ң -> ñ, ұ -> ū, ш -> ş
    src = "Бұрыңғы өткен заманда, бір данышпан кісі, Бағдат шаһарының бір үлкен қазысының үйіне келіп қоныпты."
    assert transliterate(src) == ("Būryñğy ötken zamanda, bır danyşpan kısı, Bağdat şaharynyñ bır ülken "
                                  "qazysynyñ üiıne kelıp qonypty.")
    assert transliterate("ӘБІЛҚАЙЫР Әбілқайыр") == "ÄBILQAİYR Äbılqaiyr"  # І is I, Й is İ


def test_russian_only_letters_follow_the_official_rules() -> None:
    assert transliterate("ащы аю қоян электр") == "aşşy aiu qoian elektr"
    assert transliterate("полиция чек съезд") == "politsiia tşek sezd"


def test_digits_punctuation_and_foreign_text_pass_through() -> None:
    src = "2024 ж. 15 наурызда «Kazinform» ҚР-ның 63%-ы, Україна, e-mail: a@b.kz"
    out = transliterate(src)
    assert out == "2024 j. 15 nauryzda «Kazinform» QR-nyñ 63%-y, Ukraїna, e-mail: a@b.kz"


# -- reading Latin-script Kazakh ------------------------------------------------------------

def test_reading_2021() -> None:
    assert transliterate("Qazaqstan Respublikasynyñ Ükımetı", to="cyrl") == "Қазақстан Республикасының Үкіметі"
    # и/й, я/иа, ц/тс, ч/тш read in context
    assert transliterate("qalaiyn Rossiia material politsiia ketse aitşy Tşehiia", to="cyrl") == (
        "қалайын Россия материал полиция кетсе айтшы Чехия")
    # a word with a letter the alphabet lacks is not Kazakh Latin: kept
    assert transliterate("Microsoft jäne", to="cyrl") == "Microsoft және"
    # capital I is І; ALL-CAPS text typed without İ gets И where only that reading is a known form
    assert transliterate("QAZAQSTAN RESPUBLIKASY, ILE", to="cyrl") == "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ, ІЛЕ"


def test_reading_2018_and_2017() -> None:
    assert transliterate("Qazaqstan Respýblıkasy, Shymkent, ǵalym", to="cyrl", alphabet="2018") == (
        "Қазақстан Республикасы, Шымкент, ғалым")
    assert transliterate("Qazaqstan Respy'bli'kasy, S'ymkent ja'ne O’skemen", to="cyrl", alphabet="2017") == (
        "Қазақстан Республикасы, Шымкент және Өскемен")
    # an apostrophe quote around a 2017 word stays a quote
    assert transliterate("'Astana' dedi", to="cyrl", alphabet="2017") == "'Астана' деді"


def test_auto_detects_the_alphabet() -> None:
    assert transliterate("Respýblıkasy", to="cyrl", alphabet="auto") == "Республикасы"
    assert transliterate("Respy'bli'kasy", to="cyrl", alphabet="auto") == "Республикасы"
    assert transliterate("Ükımetı", to="cyrl", alphabet="auto") == "Үкіметі"


# -- alignment ----------------------------------------------------------------------------------

def test_alignment_maps_words_back() -> None:
    src = "Щучинск пен Шымкентте 2 съезд өтті"
    out, al = transliterate(src, return_alignment=True)
    assert (al.src_len, al.dst_len) == (len(src), len(out))
    for m in re.finditer(r"[^\W\d_]+", out):
        s, e = al.span_to_src(m.start(), m.end())
        assert transliterate(src[s:e]) == m.group()
    s, e = al.span_to_src(out.index("sezd"), out.index("sezd") + 4)
    assert src[s:e] == "съезд"
    back, al2 = transliterate(out, to="cyrl", return_alignment=True)
    full = al.compose(al2)
    i = back.index("Шымкентте")
    assert src[slice(*full.span_to_src(i, i + 9))] == "Шымкентте"


_KAZ_CYR = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_text = st.text(st.one_of(st.sampled_from(_KAZ_CYR + _KAZ_CYR.upper()), st.sampled_from(" ,.-«»1'’\n"),
                          st.sampled_from("äğıİñöşūüqjyáǵńóúýsh"), st.characters()), max_size=40)


@given(_text, st.sampled_from(["latn", "cyrl"]))
def test_alignment_words_map_back_exactly(text: str, to: str) -> None:
    out, al = transliterate(text, to=to, return_alignment=True)
    assert (al.src_len, al.dst_len) == (len(text), len(out))
    assert out == transliterate(text, to=to)
    for m in re.finditer(r"[^\W\d_]+", out):
        s, e = al.span_to_src(m.start(), m.end())
        assert 0 <= s <= e <= len(text)
        # each word of the output is the transliteration of exactly the source it maps to
        assert transliterate(text[s:e], to=to) == m.group()
    if to == "latn":
        for x, y, n in al.runs:   # copy runs: the source is transliterated letter for letter
            assert transliterate(text[x:x + n]) == out[y:y + n]


# Letters and sequences with more than one reading (docs/transliterate.md): и й share i, х һ
# share h, е э share e (at a word's start or after a vowel), ё ю я ц ч щ ъ ь are written with
# letters of others; тс тш шш are read as ц ч щ in some places.
_AMBIGUOUS = re.compile(r"[ийһхёцчщъьэюя]|тс|тш|шш|(?:^|[аәеоөуұүыі])е")
_SAFE = "аәбвгғдежзкқлмнңоөпрстуұүфшыі"


@given(st.text(st.sampled_from(_SAFE), min_size=1, max_size=12), st.sampled_from(["lower", "title", "upper"]))
def test_round_trip_is_identity_on_unambiguous_words(word: str, case: str) -> None:
    assume(not _AMBIGUOUS.search(word))
    word = getattr(word, case)()
    assert transliterate(transliterate(word), to="cyrl") == word


# -- bad input ----------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [b"\xd0\x90", None, 5, ["а"]])
def test_non_str_is_a_clear_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=r"kaznlp\.transliterate\(\) expects str"):
        transliterate(bad)  # type: ignore[arg-type]


def test_bad_options_are_value_errors() -> None:
    with pytest.raises(ValueError, match="alphabet"):
        transliterate("а", alphabet="1940")
    with pytest.raises(ValueError, match="alphabet"):
        transliterate("а", alphabet="2018")            # 2018/2017 are read, not written
    with pytest.raises(ValueError, match="to="):
        transliterate("а", to="arab")  # type: ignore[arg-type]


@given(hostile_text, st.sampled_from(["latn", "cyrl"]))
def test_any_str_returns(text: str, to: str) -> None:
    out, al = transliterate(text, to=to, alphabet="2021" if to == "latn" else "auto", return_alignment=True)
    assert isinstance(out, str) and al.dst_len == len(out)


def test_exported() -> None:
    assert "transliterate" in kaznlp.__all__ and kaznlp.transliterate is transliterate


# -- real text ------------------------------------------------------------------------------------

@needs_shared
def test_round_trip_on_real_news_sentences() -> None:
    from benchmarks.common.corpus import load_sources
    from benchmarks.accuracy.translit_roundtrip import roundtrip

    texts = load_sources()["ntrex"][:40]
    total, ok, bad = roundtrip(texts)
    assert total > 50_000
    # every character that does not come back is a documented ambiguity
    assert not [k for k in bad if k[2] == "UNEXPLAINED"], bad
    latin = sum(n for (_, _, r), n in bad.items() if r.startswith(("Latin", "Cyrillic letter in a word")))
    assert ok / (total - latin) > 0.995
