"""The seed articles in ../shared/seeds come out right (skipped when ../shared is absent)."""

from __future__ import annotations

import kaznlp

from conftest import seed_text


def sentences(text: str) -> list[str]:
    return [" ".join(s.text.split()) for s in kaznlp.split_sentences(text)]


def test_seed_000_sentences() -> None:
    got = sentences(seed_text("000"))
    assert got[:4] == [
        "Қазақстан • 04 Сәуір, 2024",
        "Қазақстан мен Моңғолия Жоғарғы Соттары арасында ынтымақтастық орнайды",
        "52 рет көрсетілді",
        "2 мин оқу үшін",
    ]
    assert got[4].endswith("деп жазады Egemen.kz.")
    assert "Фото: sud.gov.kz" in got
    # initials never end a sentence; "т.б." mid-sentence does not either
    assert any(s.startswith("А.Мерғалиев Қазақстан Республикасының сот жүйесі") and s.endswith("туралы айтты.") for s in got)
    assert any(s.startswith("Өз кезегінде Г.Дамдин") and s.endswith("ниетін білдірді.") for s in got)
    assert any("жобасына және т.б. зерттеуге қызығушылық танытты." in s for s in got)
    assert len(got) == 17  # including the two stray "р" lines of the web page


def test_seed_000_tokens() -> None:
    text = seed_text("000")
    toks = [t.text for t in kaznlp.tokenize(text)]
    for expected in ("2,5", "63%-ы", "76%-ы", "61%-ды", "Egemen.kz", "sud.gov.kz", "А.", "Г.", "т.б.",
                     "іс-қимыл", "онлайн-кездесуде", "IT-жүйелерін", "Сондай-ақ", "іс-шараларына"):
        assert expected in toks, expected
    i = toks.index("Egemen.kz")
    assert toks[i + 1] == "."
    assert toks[toks.index("А.") + 1] == "Мерғалиев"


def test_seed_004_sentences_despite_line_wraps() -> None:
    got = sentences(seed_text("004"))
    assert len(got) == 14
    assert got[0] == "Форумға әлемнің 80-нен астам елінен сот жүйесінің өкілдері қатысты."
    assert got[2].startswith("Маңызды жиынға") and "А.А. Мерғалиев пен" in got[2] and got[2].endswith("бастап барды.")
    assert got[12].startswith("17-19 қараша аралығында Дубайда (БАӘ) «Сот әкімшілігінің жаһандық")
    assert got[12].endswith("ХСӘҚ-ның (IACA) жыл сайынғы конференциясы өтті.")
    assert all(s.endswith((".", "»")) for s in got)


def test_seed_004_tokens() -> None:
    toks = [t.text for t in kaznlp.tokenize(seed_text("004"))]
    for expected in ("80-нен", "ХСӘҚ-ның", "IACA", "«", "»", "–", "А.", "Н.", "Р.", "17", "19", "күш-жігерін"):
        assert expected in toks, expected
    i = toks.index("ХСӘҚ-ның")
    assert toks[i:i + 4] == ["ХСӘҚ-ның", "(", "IACA", ")"]


def test_seed_004_tokens_read_as_clean_words() -> None:
    """The PDF-wrapped article: every word broken at a line end reads whole through ``norm``,
    while ``text`` and the offsets stay the caller's (issue 16)."""
    text = seed_text("004")
    doc = kaznlp.process(text)
    norms = [t.norm for t in doc.tokens]
    for word in ("инновацияларды", "ынтымақтастықты", "вице-президенті", "цифрлық", "жетістіктерді",
                 "сондай-ақ", "трансформациядағы", "реформалар", "талқыланды", "инфрақұрылымының"):
        assert word in norms, word
    assert not [n for n in norms if "\n" in n]  # no clean form keeps a line break
    for t in doc.tokens:
        assert text[t.start:t.end] == t.text
        assert t.norm == t.text or "\n" in t.text  # only the wrapped words were repaired
    broken = [t for t in doc.tokens if t.norm != t.text]
    assert ("инно\nвацияларды", "инновацияларды") in [(t.text, t.norm) for t in broken]
    assert len(broken) == len([t for t in doc.tokens if "\n" in t.text])
