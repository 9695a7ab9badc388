"""Issue 14, round 6 (dev only): sister letters on wrapped lines and in compounds of a short root
(``normalize_testset --dev-only --seeds 1,...,24``). Each damaged text is a real Kazakh dev-split
sentence of ../shared; each assertion on it fails without its rule."""

from __future__ import annotations

import pytest

from kaznlp.normalize import explain, normalize

_ALTAI = "Алтай тілінде жазылған өлеңнің бір жолын келтірейік, ол былай деп басталады:"


# a line whose words are all known Kazakh forms is read with its neighbouring lines: a wrapped
# sentence (PDF text, wiki source) or a heading over its section
@pytest.mark.parametrize("damaged, fixed", [
    ("Дальтонизмде\nтағы бір ескеретін жайт: түс айыру кемістік\nұзақ уақыт бойына сол ауру адамның өзіне\n"
     "де, оның маңайындағыларға да байқалмауы\nмӱмкін.", "мүмкін."),
    ("Колумб 1436 жылы Генуя қаласына жақын\nжердегі тоқыма өнеркәсібінде істейтін Доминико Колумб "
     "отбасында\nтуҕан.", "туған."),
    ("==Ӧмірбаяны==\nБұқар Жырау қазақ халқының Жоңғар басқыншылығы тұсында, елдің болашағы қыл үстінде "
     "тұрған кезде өмір сүріп, сол алмағайып замандағы күрделі мәселелерге өз жырларымен жауап бере білді.",
     "==Өмірбаяны=="),
])
def test_sister_letter_on_a_wrapped_line(damaged: str, fixed: str) -> None:
    out = normalize(damaged)
    assert fixed in out and normalize(out) == out
    assert [e.kind for e in explain(damaged)] == ["kazakh_letter"]


# a sister-language line with a word no list holds stays, whatever Kazakh line stands beside it
@pytest.mark.parametrize("line", [
    "Алтай Республиканыҥ тӧс калазы Горно-Алтайск.", "Бу jылда Алтайда кӧп кар тӱшти.",
    "Мин ҕалаҕа барабын.", "Мый тачана пӧртыштӧ шинчем.", "Был ҡала тарихы бик матур.",
])
def test_sister_line_beside_a_kazakh_line_stays(line: str) -> None:
    for text in (_ALTAI + "\n" + line, line + "\n" + _ALTAI, _ALTAI + "\n\n" + line):
        assert normalize(text) == text


# a compound of a short root (a whole form of two or three letters) and a known form
@pytest.mark.parametrize("damaged, fixed", [
    ("Солтүстік Қазақстан облысы, Бескѳл ауданы, Боголюбово ауылында дүниеге келген.", "Бескөл"),
    ("«Аӄмол» кітапханасы ауылдың орталығында орналасқан.", "«Ақмол»"),
    ("демократтарды “ашулы, зұлым, жағымсыз және екіжӱзді“ деп атады.", "екіжүзді"),
    ("Бұл жобаға ұлттық агенттік (Ҡазғарыш) және екі университет қатысады.", "(Қазғарыш)"),
])
def test_sister_letter_in_a_compound_of_a_short_root(damaged: str, fixed: str) -> None:
    out = normalize(damaged)
    assert fixed in out and normalize(out) == out
    assert {e.kind for e in explain(damaged)} == {"kazakh_letter"}


# a surname or patronymic (a capitalised stem + ов ев ова ева / ұлы қызы + Kazakh suffixes) on a Kazakh line
@pytest.mark.parametrize("damaged, fixed", [
    ("Кеше министр Рақым Ошаҡбаевпен Olam International Limited, "
     "Food Empire Holdings Limited өкілдері кездесті.", "Ошақбаевпен"),
    ("Дәмеліні — Р.Қойшыбаева, Балуанды — Ы.Ноғайбаев, Жалмұқанды — М.Сӱртібаев, Ақанды — Ш.Мусин ойнады.",
     "М.Сүртібаев"),
    ("Төрағалық етуші: Есеп комитетінің Төрағасы О.Н. Ӧксікбаев Қатысқандар:", "Өксікбаев"),
])
def test_sister_letter_in_a_surname(damaged: str, fixed: str) -> None:
    out = normalize(damaged)
    assert fixed in out and normalize(out) == out
    assert {e.kind for e in explain(damaged)} == {"kazakh_letter"}


@pytest.mark.parametrize("text", [
    "Өфө ҡалаһында Ҡунаҡбаев яңы мәктәп асты.",          # Bashkir: no Kazakh letter Bashkir lacks
    "Қазақ тілінде Башҡортостан деп жазылады.",           # no surname shape: an unknown stem stays
])
def test_surname_shape_needs_a_kazakh_line(text: str) -> None:
    assert normalize(text) == text
