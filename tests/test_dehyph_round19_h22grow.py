"""Round 19, issue 15 (task h22grow): layouts without hyphenation on the grown dev (docs/dehyphenate.md, "Round 19
layout"). The dev case is a law's chapter headings in the apertium crawl (GPL, not copied here); the text below is
Kazakh written for the test in the shape of its `lo-news-nohyph` extractions (pypdf keeps the space a line broke
at; pdftotext does not). Each test fails without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

# a narrow column set without hyphenation: a heading word in capitals longer than the column, cut at its edge
CAPS = (
    'Кездесулердің \nбарлығына да \nжергілікті БАҚ \nөкілдері қатысып, \nаталмыш іс-\nшаралар облыстық \n'
    'баспасөзде көрініс \nтапты.\n1-тарау. \nҚАЗАҚСТАН \nРЕСПУБЛИКАСЫНЫ\nҢ МЕМЛЕКЕТТІК \nРӘМІЗДЕРІ\n'
    '1-бап. Қазақстан \nРеспубликасының \nмемлекеттік \nрәміздері\nМемлекеттік \nрәміздер туралы \nзаң '
    'мемлекеттік \nтудың, елтаңбаның \nжәне әнұранның \nсипаттамасын \nбелгілейді. Ту \nмен елтаңба \n'
    'мемлекеттік \nмекемелердің \nғимараттарында \nорналастырылады.\n2-тарау. \nҚАЗАҚСТАН \n'
    'РЕСПУБЛИКАСЫНЫ\nҢ МЕМЛЕКЕТТІК ТУЫ\n4-бап. Қазақстан \nРеспубликасының \nМемлекеттік туы \n'
    'ортасында шұғылалы \nкүн бейнеленген \nкөгілдір түсті \nтікбұрышты мата.')


def test_capitals_cut_at_the_column_edge_are_joined():
    for text in (CAPS, CAPS.replace(" \n", "\n")):  # pypdf, pdftotext
        rules = {(d.left, d.right): (d.action, d.rule) for d in explain_breaks(text) if d.pass_no == 1}
        assert rules[("РЕСПУБЛИКАСЫНЫ", "Ң")] == ("join", "caps_cut_at_column_edge")
        out = dehyphenate(text)
        assert out.count("РЕСПУБЛИКАСЫНЫҢ МЕМЛЕКЕТТІК") == 2 and dehyphenate(out) == out
        # two words in capitals, the second a word alone: a wrap, not a cut
        assert "ҚАЗАҚСТАНРЕСПУБЛИКАСЫНЫҢ" not in out


# pdftotext of a narrow column set without hyphenation: a blank line ends the column inside a hyphenated name
COLEND = (
    'Конференцияда сөз\nсөйлеген министр\nелімізде соңғы он\nжылдың ішінде су\nмәселелерін\nреттеудің\n'
    'заңнамалық базасы\nдаму үстінде\nекендігін, су\nресурстарын\nбасқарудың жаңа\nтәсілдері енгізіліп\n'
    'жатқанын айтты.\nКездесуге Германия\nФедералдық\nСыртқы істер\nминистрі Франк-\n\nВальтер\n'
    'Штайнмайер де\nқатысып, екі ел\nарасындағы\nынтымақтастық\nмәселелерін\nталқылады. Тараптар\n'
    'көлік пен\nэнергетика\nсалаларындағы\nбірлескен\nжобаларды да\nқарастырды.')


def test_column_end_inside_a_hyphenated_name():
    out = dehyphenate(COLEND)
    assert "Франк-Вальтер" in out and dehyphenate(out) == out
    # a lower-case word and a hyphen before a capital still ends its paragraph (paragraph_end_hyphen)
    text = COLEND.replace("министрі Франк-\n\nВальтер", "министрі келді, оның штаб-\n\nКеңес")
    assert "штаб-\n\nКеңес" in dehyphenate(text)
