"""Round 19, issue 15 (task h22grow): layouts without hyphenation on the grown dev (docs/dehyphenate.md, "Round 19
layout"). The dev cases are in the apertium crawl (GPL, not copied here); the texts below are Kazakh written for the
test in the shape of their `lo-news-nohyph` extractions (pypdf keeps the space a line broke
at; pdftotext does not). Each test fails without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

# a narrow column set without hyphenation: a heading word in capitals longer than the column, cut at its edge
CAPS = (
    'Облыс әкімдігі \nжаңа бағдарлама \nаясында ауыл \nшаруашылығын \nдамытуға қаржы \nбөлді. Жиында \n'
    'фермерлер мен \nкәсіпкерлер сөз \nалып, алдағы іс-\nшаралар туралы \nөз ұсыныстарын \nайтты.\n1-тарау. \nҚАЗАҚСТАН \nРЕСПУБЛИКАСЫНЫ\nҢ ОРМАН ҚОРЫ \nТУРАЛЫ\n1-бап. Орман \n'
    'қоры мемлекет \nменшігінде \nболады. Орман \nалқаптарын \nпайдалану \nтәртібін \nүкімет \nбелгілейді. \n'
    'Ормандарды \nқорғау \nжергілікті \nәкімдіктерге \nжүктеледі.\n2-тарау. \nҚАЗАҚСТАН \nРЕСПУБЛИКАСЫНЫ\n'
    'Ң СУ ҚОРЫ\n4-бап. Су қоры \nөзендер мен \nкөлдерден, \nжерасты \nсуларынан \nтұрады.')


def test_capitals_cut_at_the_column_edge_are_joined():
    for text in (CAPS, CAPS.replace(" \n", "\n")):  # pypdf, pdftotext
        rules = {(d.left, d.right): (d.action, d.rule) for d in explain_breaks(text) if d.pass_no == 1}
        assert rules[("РЕСПУБЛИКАСЫНЫ", "Ң")] == ("join", "caps_cut_at_column_edge")
        out = dehyphenate(text)
        assert "РЕСПУБЛИКАСЫНЫҢ ОРМАН" in out and "РЕСПУБЛИКАСЫНЫҢ СУ" in out and dehyphenate(out) == out
        # two words in capitals, the second a word alone: a wrap, not a cut
        assert "ҚАЗАҚСТАНРЕСПУБЛИКАСЫНЫҢ" not in out


# pdftotext of a narrow column set without hyphenation: a blank line ends the column inside a hyphenated name
COLEND = (
    'Форумда сөз \nсөйлеген вице-\nминистр өңірде \nсоңғы бес жылда \nбалық шаруашылығы \nжедел дамығанын \n'
    'айтты.\nКездесуге Австрия \nелшісі Ханс-\n\nПетер Шмидт те \nқатысып, екі ел \nарасындағы \nсауда \n'
    'байланыстарын \nталқылады. Тараптар \nтуризм мен \nбілім беру \nсалаларындағы \nбірлескен \nжобаларды да \n'
    'қарастырды. Келесі \nкездесу күзде \nөтеді.').replace(" \n", "\n")


def test_column_end_inside_a_hyphenated_name():
    out = dehyphenate(COLEND)
    assert "Ханс-Петер" in out and dehyphenate(out) == out
    # a lower-case word and a hyphen before a capital still ends its paragraph (paragraph_end_hyphen)
    text = COLEND.replace("елшісі Ханс-\n\nПетер", "елшісі келді, оның штаб-\n\nКеңес")
    assert "штаб-\n\nКеңес" in dehyphenate(text)
