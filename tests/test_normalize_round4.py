"""Issue 14, round 4 (dev only): the sister-letter and Latin look-alike rules added after scoring the
issue-14 damage on fresh dev seeds (``normalize_testset --dev-only --seeds ...``). Each text is real
Kazakh (dev-split sentences of ../shared, or written like them); each assertion fails without its rule."""

from __future__ import annotations

import pytest

from kaznlp.normalize import explain, normalize


# ӧ ӱ: the alphabets that write them (Altai, Khakas, Shor, Mari, Komi, Udmurt) have no ө ү, so ө ү on
# the line are Kazakh evidence (before: only ә қ ұ counted, and this line has none of them)
@pytest.mark.parametrize("damaged, fixed", [
    ("Ӱкімет үйінің кіреберісіндегі холл.", "Үкімет үйінің кіреберісіндегі холл."),
    ("Үкімет ӱйінің кіреберісіндегі холл.", "Үкімет үйінің кіреберісіндегі холл."),
])
def test_o_u_with_diaeresis_beside_kazakh_o_u(damaged: str, fixed: str) -> None:
    assert normalize(damaged) == fixed
    assert normalize(fixed) == fixed
    assert [e.kind for e in explain(damaged)] == ["kazakh_letter"]


@pytest.mark.parametrize("text", [
    "Алтай Республиканыҥ тӧс калазы Горно-Алтайск.",      # Altai: ӧ with no ө ү on the line
    "Бу jылда Алтайда кӧп кар тӱшти.",
    "Марий Эл Республикын рӱдолаже Йошкар-Ола.",
])
def test_altai_mari_lines_stay(text: str) -> None:
    assert normalize(text) == text


# a sister letter in a Kazakh suffix after a foreign name whose vowels leave the harmony open
# (a last vowel и у ю я э ё, or back and front vowels mixed): Kazakh writes either ending there
@pytest.mark.parametrize("damaged, fixed", [
    ("Португалия мен Ювентустыҥ шабуылшысы 2009 жылы Лас-Вегаста болды.",
     "Португалия мен Ювентустың шабуылшысы 2009 жылы Лас-Вегаста болды."),
    ("Мұның бәрі Саят Хамзабаевтыҥ ұйытқы болуымен қалыптасты.",
     "Мұның бәрі Саят Хамзабаевтың ұйытқы болуымен қалыптасты."),
    ("Уаренныҥ айтуынша, әйелдердің уақыты келді.", "Уаренның айтуынша, әйелдердің уақыты келді."),
])
def test_suffix_after_loan_stem_either_harmony(damaged: str, fixed: str) -> None:
    assert normalize(damaged) == fixed


def test_suffix_after_native_stem_keeps_harmony() -> None:
    # a stem of Kazakh back vowels only: a front ending after it is no Kazakh word (stays, a suspect)
    text = "Біздің қонақтар Менгаҕе келді."
    assert normalize(text) == text


# a two-letter look-alike word whose Cyrillic reading the same text writes as a whole word
def test_two_letter_lookalike_written_in_cyrillic_elsewhere() -> None:
    damaged = "Балалар «Ор, ор қоян, op қоян» өлеңін айтты."
    assert normalize(damaged) == "Балалар «Ор, ор қоян, ор қоян» өлеңін айтты."
    assert normalize("Балалар «op қоян» өлеңін айтты.") == "Балалар «op қоян» өлеңін айтты."   # no evidence
    assert normalize("Ол OK деді, ок.") == "Ол OK деді, ок."                                    # capitals: a code
