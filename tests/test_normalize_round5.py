"""Issue 14, round 5 (dev only): sister letters on Kazakh lines with no Kazakh letter that the sister
alphabets lack (``normalize_testset --dev-only --seeds 1,...,8``). Each damaged text is a real Kazakh
dev-split sentence of ../shared; each assertion on it fails without its rule."""

from __future__ import annotations

import pytest

from kaznlp.normalize import explain, normalize


# ӱ ӧ in a known Kazakh form that also writes і, on a line of three in four known Kazakh forms: Altai,
# Mari, Shor, Udmurt, Gagauz have no і; Khakas (ӱ) and Komi (ӧ) have і but no such line
@pytest.mark.parametrize("damaged, fixed", [
    ("Анализ 10 индикаторлар бойынша жӱргізіледі.", "Анализ 10 индикаторлар бойынша жүргізіледі."),
])
def test_o_u_diaeresis_in_a_known_word_with_i(damaged: str, fixed: str) -> None:
    assert normalize(damaged) == fixed
    assert normalize(fixed) == fixed
    assert [e.kind for e in explain(damaged)] == ["kazakh_letter"]


# a long line: six or more known Kazakh forms, seven in ten (names the lists lack lower the share)
@pytest.mark.parametrize("damaged, fixed", [
    ("Шабуыл Энсинитас ҡаласындағы Бикон Бич жағажайының маңында таңғы 7 сағат шамасында болған.",
     "Шабуыл Энсинитас қаласындағы Бикон Бич жағажайының маңында таңғы 7 сағат шамасында болған."),
    ("Жаңа мешіт ауданның орталығында биыл бой кӧтерген.",
     "Жаңа мешіт ауданның орталығында биыл бой көтерген."),
])
def test_sister_letter_on_a_long_line_of_known_kazakh_words(damaged: str, fixed: str) -> None:
    assert normalize(damaged) == fixed
    assert normalize(fixed) == fixed


@pytest.mark.parametrize("text", [
    "Ол кӱні пістің аалда улуғ той полған.",                 # Khakas (written for kaznlp): ӱ and і
    "Сійӧ вӧлі ӧні гортын.",                                 # Komi: ӧ and і
    "Алтай Республиканыҥ тӧс калазы Горно-Алтайск.",
    "Бу jылда Алтайда кӧп кар тӱшти.",
    "Марий Эл Республикын рӱдолаже Йошкар-Ола.",
    "Өфө ҡалаһында яңы мәктәп асылды, унда бер мең уҡыусы уҡый. " * 2,     # Bashkir, a long line
])
def test_sister_language_lines_stay(text: str) -> None:
    assert normalize(text) == text


# a «quote» with no sister letter is left out of the line's count: a foreign formula or title says
# nothing about the language of the line around it (4 of 4 known outside the quote, 4 of 7 with it)
def test_quoted_words_not_counted() -> None:
    damaged = "Тақта ӱстіне «Бисмиллаһи рахмани рахим» сөзі жазылды."
    assert normalize(damaged) == "Тақта үстіне «Бисмиллаһи рахмани рахим» сөзі жазылды."
    # a quote that holds the sister letter is counted as before (Bashkir stays)
    assert normalize("Ул «Өфө ҡалаһы» тип әйтте.") == "Ул «Өфө ҡалаһы» тип әйтте."


# Altai writes ј (U+0458) beside ӧ ӱ ҥ; cp1251 has none of ӧ ӱ ҥ, so such a line was never decoded as
# cp1251 and its ј is no KZ-1048 ә (before: ј -> ә, and that ә then "proved" the line Kazakh: кӧп -> көп)
@pytest.mark.parametrize("text", [
    "Бу јылда Алтайда кӧп кар тӱшти.",
    "Алтай Республиканыҥ тӧс калазы Горно-Алтайск, ол Майма ла Катунь суулардыҥ јаказында турат.",
])
def test_altai_line_with_je_is_no_kz1048_damage(text: str) -> None:
    assert normalize(text) == text
