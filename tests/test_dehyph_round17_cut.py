"""Round 17, issue 15 (task h20cut): a token longer than the column, cut at its edge twice (docs/dehyphenate.md,
"Tokens longer than the column (h20cut, dev only)"). The dev case is in apertium text (GPL, not quoted), so the
text below is Kazakh written for the test in the shape of a `lo-news-nohyph` extraction (LibreOffice, hyphenation
off): the source glued five words, and the renderer cut that token where it filled the line, twice."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks
from kaznlp.dehyphenate.cuts import cut_again

# written for the test
GLUED = ('Жиналыста бірнеше \nмәселе қаралды. \nБірінші болып \nқаржы бөлімінің \nбасшысы сөз алып, \n'
         'өткен жылдың \nқорытындысын \nбаяндады. Одан \nкейін мектептегі \nбілімберусаласынд\nағыреформажөніндегі\n'
         'жұмыс тобының \nесебі тыңдалды. \nТоп мүшелері жаңа \nжоспарды талқылап, \nоны бекітуді \nұсынды. Соңында \n'
         'төраға барлық \nқатысушыларға \nалғыс айтып, келесі \nотырыстың күнін \nбелгіледі.')


def _rules(text: str) -> dict[tuple[str, str], tuple[str, str]]:
    return {(d.left, d.right): (d.action, d.rule) for d in explain_breaks(text) if d.pass_no == 1}


def test_token_cut_twice_is_joined_twice():
    rules = _rules(GLUED)
    assert rules[("білімберусаласынд", "ағыреформажөніндегі")] == ("join", "cut_at_column_edge")
    assert rules[("ағыреформажөніндегі", "жұмыс")] == ("join", "cut_token_again")
    out = dehyphenate(GLUED)
    assert "білімберусаласындағыреформажөніндегіжұмыс тобының" in out
    # a whole word alone on its line, not going on a cut token, stays a word of its own
    assert "қатысушыларға алғыс" in out


def test_cut_again_needs_a_cut_before_and_letters_filling_the_line():
    assert cut_again("ағыреформажөніндегі", "білімберусаласынд", 20)
    assert not cut_again("ағыреформажөніндегі", "", 20)  # no cut token goes on here
    assert not cut_again("ағыреформа", "білімберусаласынд", 20)  # ends short of the column: the token ended
    assert not cut_again("t;Хлоропластардың", "g", 20)  # not letters only
    assert not cut_again("президенті", "вице-", 12)  # glued after a hyphen: a compound, no cut
