"""Sentence splitter behaviour on Kazakh news phrasing."""

from __future__ import annotations

import pytest

from kaznlp import split_sentences


def texts(s: str) -> list[str]:
    return [x.text for x in split_sentences(s)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # initials, single, double, glued: no break
        ("Жоғарғы Сот Төрағасы А.А. Мерғалиев пен Н.Р. Ахметзакиров барды. Форум өтті.",
         ["Жоғарғы Сот Төрағасы А.А. Мерғалиев пен Н.Р. Ахметзакиров барды.", "Форум өтті."]),
        ("А.Мерғалиев сөйледі. Н.Ә.Назарбаев келді. Г. Дамдин айтты.",
         ["А.Мерғалиев сөйледі.", "Н.Ә.Назарбаев келді.", "Г. Дамдин айтты."]),
        # abbreviations that never end a sentence
        ("Құны 5 млн. АҚШ долларын құрады. Жоба 1990 ж. Алматыда басталды.",
         ["Құны 5 млн. АҚШ долларын құрады.", "Жоба 1990 ж. Алматыда басталды."]),
        ("Кездесуге проф. Ахметов қатысты.", ["Кездесуге проф. Ахметов қатысты."]),
        # т.б. can end a sentence, also spaced
        ("Кітап, дәптер т.б. Олар бәрін алды.", ["Кітап, дәптер т.б.", "Олар бәрін алды."]),
        ("Кітап, дәптер т. б. Олар бәрін алды.", ["Кітап, дәптер т. б.", "Олар бәрін алды."]),
        ("Кітап, дәптер т.б. заттар алды.", ["Кітап, дәптер т.б. заттар алды."]),
        # a domain ends the sentence
        ("Кездесу өтті, деп жазады Egemen.kz. Келесі жаңалық.",
         ["Кездесу өтті, деп жазады Egemen.kz.", "Келесі жаңалық."]),
        # closing quote after the final punctuation stays in the sentence
        ("Ол: «Біз дайынбыз.» Содан кейін кетті.", ["Ол: «Біз дайынбыз.»", "Содан кейін кетті."]),
        # a quotation of several sentences splits; its last sentence stays with the reporting clause
        ("«Келісім жасалды. Бәрі жақсы», – деді ол. Кездесу аяқталды.",
         ["«Келісім жасалды.", "Бәрі жақсы», – деді ол.", "Кездесу аяқталды."]),
        # a question inside a quote stays with the rest of the quote (UD KTB)
        ('Ол "Азамат қай жерге кетті? Оны көрдіңдер ме?" деп іздеп жатыр.',
         ['Ол "Азамат қай жерге кетті? Оны көрдіңдер ме?" деп іздеп жатыр.']),
        ("«Қашан келесің?» – деп сұрады. Ол үндемеді.", ["«Қашан келесің?» – деп сұрады.", "Ол үндемеді."]),
        # dialogue: a dash before a capital starts a new turn
        ("Ол келді. – Біздің Үкімет қолдайды.", ["Ол келді.", "– Біздің Үкімет қолдайды."]),
        # question, exclamation, ellipsis
        ("Не істейміз? Білмеймін! Сонымен… Бәрі бітті.", ["Не істейміз?", "Білмеймін!", "Сонымен…", "Бәрі бітті."]),
        ("Ол ойланды... бірақ келді.", ["Ол ойланды... бірақ келді."]),
        # an enumeration number is not a sentence
        ("1. Жалпы ережелер", ["1. Жалпы ережелер"]),
        # numbers inside sentences
        ("Үлесі 2,5 есе өсті. 63%-ы келісті.", ["Үлесі 2,5 есе өсті.", "63%-ы келісті."]),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_line_breaks() -> None:
    # a blank line always ends a sentence, even without punctuation
    assert texts("Қазақстан • 04 Сәуір, 2024\n\nСоттар ынтымақтасады") == [
        "Қазақстан • 04 Сәуір, 2024", "Соттар ынтымақтасады"]
    # a wrapped line inside a running sentence is not a boundary
    wrapped = ("Маңызды жиынға қазақстандық делегацияны \nЖоғарғы Сот Төрағасы А.А. Мерғалиев пен \n"
               "Сот әкімшілігінің басшысы – ХСӘҚ вице-\nпрезиденті Н.Р. Ахметзакиров бастап барды.")
    assert texts(wrapped) == [wrapped]
    # a headline on its own line before a paragraph is its own sentence
    assert texts("Соттар ынтымақтасады\nМоңғол әріптестерінің бастамасымен өткен кездесуге көптеген "
                 "елдердің өкілдері қатысты.") == [
        "Соттар ынтымақтасады",
        "Моңғол әріптестерінің бастамасымен өткен кездесуге көптеген елдердің өкілдері қатысты."]
    # web-page widgets: "52 рет көрсетілді", "2 мин оқу үшін"
    assert texts("52 рет\nкөрсетілді\n2 мин\nоқу үшін") == ["52 рет\nкөрсетілді", "2 мин\nоқу үшін"]


def test_windows_and_old_mac_line_ends() -> None:
    for nl in ("\r\n", "\r"):
        text = f"Бірінші тақырып{nl}{nl}Екінші сөйлем келді. Үшінші сөйлем."
        assert texts(text) == ["Бірінші тақырып", "Екінші сөйлем келді.", "Үшінші сөйлем."]


def test_spans_point_into_text() -> None:
    text = "  Ол келді.\n\n  Біз кеттік.  "
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(2, 11), (15, 26)]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_empty() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\n ") == []


# kaznlp.linebreaks is the one definition of a line break: each of these acts like "\n".
LINE_BREAKS = ["\n", "\r\n", "\r", "\u2029", "\u2028", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85"]


@pytest.mark.parametrize("nl", LINE_BREAKS)
def test_every_line_break_acts_like_newline(nl: str) -> None:
    # a blank line ends a sentence
    assert texts(f"Бірінші тақырып{nl}{nl}Екінші сөйлем келді.") == ["Бірінші тақырып", "Екінші сөйлем келді."]
    # a headline on its own line
    head = f"Соттар ынтымақтасады{nl}Моңғол әріптестерінің бастамасымен өткен кездесуге көптеген елдердің өкілдері."
    assert len(texts(head)) == 2
    # a wrapped line of running text does not
    wrapped = (f"Маңызды жиынға қазақстандық делегацияны {nl}Жоғарғы Сот Төрағасы А.А. Мерғалиев пен {nl}"
               f"Сот әкімшілігінің басшысы Н.Р. Ахметзакиров бастап барды.")
    assert texts(wrapped) == [wrapped]
    # an enumeration number at a line start is not a sentence end
    assert texts(f"Бірінші бөлім{nl}1. Жалпы ережелер") == ["Бірінші бөлім", "1. Жалпы ережелер"]


def test_enumeration_on_one_line() -> None:
    # "1. … 2. …" kept on one line: each item is a sentence, the numbers stay with their items,
    # and the colon ends the sentence that introduces the list (as on its own line)
    assert texts("Күн тәртібі: 1. Есеп берілді. 2. Жоба талқыланды. 3. Сайлау өтті.") == [
        "Күн тәртібі:", "1. Есеп берілді.", "2. Жоба талқыланды.", "3. Сайлау өтті."]
    # a number ending a sentence before a capital is a boundary
    assert texts("Жиналысқа келгендер саны 120. Олар дауыс берді.") == [
        "Жиналысқа келгендер саны 120.", "Олар дауыс берді."]


def test_word_before_a_period_starts_after_any_white_space() -> None:
    # the abbreviation or word before a period is read back to the last white space of any kind
    # (a no-break space, a tab), as after a plain space: "млн." and "проф." run on, "өтті." ends
    assert texts("Құны 5\xa0млн. АҚШ долларын құрады.") == ["Құны 5\xa0млн. АҚШ долларын құрады."]
    assert texts("Кездесуге\tпроф. Ахметов қатысты. Форум\xa0өтті. Ертең жалғасады.") == [
        "Кездесуге\tпроф. Ахметов қатысты.", "Форум\xa0өтті.", "Ертең жалғасады."]


def test_line_ends_after_a_stop_in_one_paragraph_per_line_text() -> None:
    # crawled text, one paragraph per line: a line that ends in a stop ends its sentence even
    # before a lower-case line (the crawl cut that paragraph's start), and a line that ends in an
    # abbreviation ("Қостанай қ.") ends one before the next paragraph
    lines = ["Халыққа қызмет көрсету орталығы жұмыс уақытын өзгертті.",
             "Өтініш берушіге қажет құжаттардың тізімі сайтта табылатын құжат.",
             "қосымша келесі құжаттардың көшірмелері де талап етіледі.",
             "Мекенжайы: Қостанай қ.",
             "Дүйсенбі – сенбі күндері сағат тоғыздан бастап жұмыс істейді.",
             "Анықтама алу үшін орталықтың телефонына хабарласыңыз."]
    page = "\n".join(lines)
    assert texts(page) == lines
    spans = split_sentences(page)
    assert all(page[s.start:s.end] == s.text for s in spans)
