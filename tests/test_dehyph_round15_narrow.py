"""Round 15, issue 15 (task h18narrow): a narrow column cut by pdftotext into short blocks, each with
too few join votes of its own (docs/dehyphenate.md, "Round 15 layout"). Real Kazakh text: a PDF dev
extraction (tex-news-lost-text, pdftotext -layout) of the KazQAD article kazqad-lit2096lit (dev,
CC BY-SA 4.0), whose hyphens were lost; fails without the pooled vote of layout._narrow_prose."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

SCHOOL = ("  Сәкен Сейфуллин\n  === Білім алуы\n=== 1905 жылдан\nбастап 1908 жылға\nдейін Спасск мыс\n"
          "балқыту жанында\nғы орыс-қазақ мек\nтебінде оқыған, со\nдан кейін Ақмола\nүш сыныптық қала\n"
          "лық училищесінде\nоқыды.    Сонымен\n\n\n\n\n                      1\n    қатар,  1912 жы\n"
          "    лы Сәкен медресе\n    оқушыларын орыс\n    тіліне   дайындай\n    ды. 21 тамыз 1913\n"
          "    жылы    Сейфуллин\n\n\n\n\n1\nОмбы педагогика\nлық семинариясына\nкелді, онда ол Мағ\n"
          "жан Жұмабаевпен\nоқыған.\n\x0c")


def test_short_blocks_of_a_cut_column_are_prose_by_the_pooled_vote():
    out = dehyphenate(SCHOOL)
    assert "1912 жылы Сәкен медресе оқушыларын орыс тіліне   дайындайды." in out
    assert "Омбы педагогикалық семинариясына келді, онда ол Мағжан Жұмабаевпен оқыған." in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(SCHOOL) if d.pass_no == 1}
    assert rules[("семинариясына", "келді")] != "narrow_block_not_prose"


def test_pooled_vote_output_is_idempotent():
    once = dehyphenate(SCHOOL)
    assert dehyphenate(once) == once
