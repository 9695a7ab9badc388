"""The examples of kaznlp.ner.news_rules (moved out of its docstrings for the core install budget,
issue 13 round 10), run as doctests."""

from __future__ import annotations

import doctest

import pytest

from kaznlp.ner import news_rules

EXAMPLES = {
    'in_markup': '>>> t = "Ол медалімен марапатталған.</seg>"\n>>> in_markup(t, (29, 32, "ORGANISATION"))\nTrue\n>>> in_markup(t, (3, 12, "ART"))\nFalse',
    'is_designator_number': '>>> t = "6-бапқа өзгеріс енгізілді, 12 адам қатысты."\n>>> is_designator_number(t, (0, 1, "CARDINAL")), is_designator_number(t, (27, 29, "CARDINAL"))\n(True, False)',
    'ordinal_label': '>>> t = "ЕХРО көрмесіне 4-ші рет қатысады."\n>>> ordinal_label(t, (15, 19, "CARDINAL"))\n(15, 19, \'ORDINAL\')',
    'quoted_name_spans': '>>> t = "Ол «Қазақстан Конституциясына 20 жыл» медалімен марапатталды."\n>>> [(t[a:b], lab) for a, b, lab in quoted_name_spans(t, [(30, 36, "DATE")])]\n[(\'Қазақстан Конституциясына 20 жыл\', \'ART\')]',
    'join_date_ranges': '>>> t = "Дүйсенбі – жұма аралығында жұмыс істейді."\n>>> [(t[a:b], lab) for a, b, lab in join_date_ranges(t, [(0, 8, "DATE"), (11, 26, "DATE")])]\n[(\'Дүйсенбі – жұма аралығында\', \'DATE\')]\n>>> t = "Сол жылы қазанда ашылды."\n>>> [(t[a:b], lab) for a, b, lab in join_date_ranges(t, [(0, 8, "DATE"), (9, 16, "DATE")])]\n[(\'Сол жылы қазанда\', \'DATE\')]\n>>> t = "2008 жылы мамыр айының 15 күні, 1910 жыл, 30 қыркүйек"\n>>> [t[a:b] for a, b, _ in join_date_ranges(t, [(0, 22, "DATE"), (23, 30, "DATE"), (32, 40, "DATE"),\n...                                                (42, 53, "DATE")])]\n[\'2008 жылы мамыр айының 15 күні\', \'1910 жыл, 30 қыркүйек\']',
    'trim_glued_prefix': '>>> t = "толығыменАудандық баспасөз қызметінде брифинг өтті"\n>>> s, e, lab = trim_glued_prefix(t, (0, 37, "ORGANISATION")); t[s:e]\n\'Аудандық баспасөз қызметінде\'\n>>> t = "толығымен2015 жылғы 26 ақпанда"\n>>> s, e, lab = trim_glued_prefix(t, (0, 30, "DATE")); t[s:e]\n\'2015 жылғы 26 ақпанда\'',
    'country_label': '>>> t = "Мексиканың президенті сапармен келді."\n>>> country_label(t, (0, 10, "PERSON"))\n(0, 10, \'GPE\')\n>>> t = "1991 жылы КСРО-ның ыдырауы"\n>>> country_label(t, (10, 18, "CARDINAL")), country_label(t, (0, 4, "CARDINAL"))\n((10, 18, \'GPE\'), (0, 4, \'CARDINAL\'))\n>>> country_label("Мексиков сөйледі.", (0, 8, "PERSON"))\n(0, 8, \'PERSON\')',
    'join_state_position': '>>> t = "ҚР Дін істері агенттігінің төрағасы келді."\n>>> [(t[a:b], lab) for a, b, lab in join_state_position(t, [(3, 35, "POSITION")])]\n[(\'ҚР Дін істері агенттігінің төрағасы\', \'POSITION\')]\n>>> t = "Түркістандағы өкілі келді."\n>>> join_state_position(t, [(0, 13, "GPE"), (14, 19, "POSITION")])\n[(0, 13, \'GPE\'), (14, 19, \'POSITION\')]',
    'is_rubric_tag': '>>> t = "Қазақстан • 04 Сәуір, 2024"\n>>> is_rubric_tag(t, (0, 9, "ORGANISATION")), is_rubric_tag("Ол Қазақстан • ", (3, 12, "GPE"))\n(True, False)',
    'name_steps': '>>> t = "Қазақстан • 04 Сәуір, 2024. Мексиканың Сыртқы істер министрі келді."\n>>> [(t[a:b], lab) for a, b, lab in name_steps(t, [(0, 9, "ORGANISATION"), (12, 26, "DATE"),\n...                                                (28, 38, "PERSON"), (39, 60, "POSITION")])]\n[(\'04 Сәуір, 2024\', \'DATE\'), (\'Мексиканың Сыртқы істер министрі\', \'POSITION\')]',
    'split_person_country': '>>> t = "Бақытжан Жұмағұлов Финляндияның министрімен кездесті."\n>>> [(t[a:b], lab) for a, b, lab in split_person_country(t, [(0, 31, "PERSON")])]\n[(\'Бақытжан Жұмағұлов\', \'PERSON\'), (\'Финляндияның\', \'GPE\')]',
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_news_rules_examples(name: str) -> None:
    test = doctest.DocTestParser().get_doctest(EXAMPLES[name], vars(news_rules).copy(), name, "news_rules", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0 and result.failed == 0
