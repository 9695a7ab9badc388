"""Round 18 (issue 15, h21hyph): real hyphens after a number lost with the line-end hyphens, on
real Kazakh text (sentences of the PDF dev documents kazqad-lit0153lit, kazqad-woh0117woh and
ntrex-bbc.381669, and short sentences written after apertium-knb-kaz-101's ``Жарлыққа 2⏎қосымшаға``;
none from a test split)."""

from kaznlp.dehyphenate import dehyphenate
from tests.dehyph_lost_text import BASE
from tests.dehyph_lost_text import why as _why


def test_a_number_before_a_plural_noun_is_an_ordinal():
    # a cardinal takes no plural (``бес адам``): ``70⏎жылдарынан`` is ``70-жылдарынан``; a year
    # (4 digits), a range's second number and a thousands group stay cardinal
    src = BASE + ("\nШығармашылық өмірі 19-ғасырдың 70\nжылдарынан басталған. КСРО 80\nжылдардан бастап сыртқы"
                  " саясатын өзгертті. Ол 1890\nжылдары болған, 1822 — 1824\nжылдары шыққан кітапта бұл елдегі 820"
                  " 000\nадамдарды атайды.")
    out = dehyphenate(src)
    assert "70-жылдарынан басталған" in out and "80-жылдардан бастап" in out
    assert "1890 жылдары" in out and "1824 жылдары" in out and "000 адамдарды" in out
    assert _why(src)[("70", "жылдарынан")] == ("hyphen", "lost_ordinal_plural")
    assert dehyphenate(out) == out


def test_a_number_the_text_writes_with_a_hyphen_before_the_same_noun():
    # the text writes ``1-қосымшаға`` inside a line: ``2⏎қосымшаға`` lost its hyphen
    src = BASE + ("\nЕреже осы Жарлыққа 1-қосымшаға сәйкес бекітілсін. Тізбе осы Жарлыққа 2\n"
                  "қосымшаға сәйкес өзгертілсін.")
    out = dehyphenate(src)
    assert "Жарлыққа 2-қосымшаға сәйкес" in out
    assert _why(src)[("2", "қосымшаға")] == ("hyphen", "text_number_hyphen")
    # a text writing the noun after numbers with a space more often keeps the break: ``2015 жылы``
    plain = BASE + "\nОл 2014 жылы келді, 2013 жылы жазды, 2016-жылы кетті. Біз 2015\nжылы көрдік."
    assert "2015 жылы көрдік" in dehyphenate(plain)


# PDF dev set, NTREX-128 ntrex-bbc.381669 (CC BY-SA 4.0), LaTeX news column, hyphen glyphs dropped, pypdf
SHORT_LOST = ("АИТВ/ЖИТС: Қы\nтай жаңадан тіркел\nгендердің саны 14%\nға артып отырғанын\nайтады\nҚытай\nАИТВ/ЖИТС-ке\n"
              "шалдыққан азамат\nтардың 14%-ға арт\nқанын жариялады.\nРесми денсаулық\nсақтау өкілдерінің\n"
              "деректеріне сай,\nбұл елдегі 820 000\nадамдарды құрай\nды. Жаңа 40 000\nжағдай 2018 жыл\nдың екінші тоқса\n"
              "нында тіркелген.\nДәнінде 46–60%\nмай, ақуыз бар.")


def test_a_case_ending_after_a_percent_sign_in_a_short_text():
    # an ending after digits or ``%`` is written with a hyphen (``14%-ға``), in a text under 40
    # breaks too; not a word (``46–60% май``: ``май`` is in the lexicon)
    out = dehyphenate(SHORT_LOST)
    assert "саны 14%-ға артып" in out and "46–60% май" in out and "820 000 адамдарды" in out
    assert _why(SHORT_LOST)[("14%", "ға")] == ("hyphen", "lost_number_suffix_hyphen")
    assert dehyphenate(out) == out


def test_an_arabic_article_before_a_capital_gets_its_hyphen_back():
    # kazqad-lit2221lit (PDF dev, pypdf): ``Заһир әд⏎Дин Мұхаммед Бабыр``; an article that is no Kazakh word
    # (``әд``, ``аль``, ``эль``) before a capital is joined to the name by a hyphen (``әл-Фараби``); the
    # conjunction ``ал`` (a word) before a name is no article
    src = BASE + "\nМоғолдар әулеті. Негізін\nсалушы – Заһир әд\nДин Мұхаммед Ба\nбыр. Темір әулетінен шыққан."
    out = dehyphenate(src)
    assert "Заһир әд-Дин Мұхаммед Бабыр." in out
    assert _why(src)[("әд", "Дин")] == ("hyphen", "lost_real_hyphen")
    assert dehyphenate(out) == out


def test_a_number_closing_the_bracket_the_line_opened_is_no_list_item():
    # kazqad-bio0103bio (PDF dev, LibreOffice news column): ``бірнеше (8⏎16) тармақталған``: ``16)`` closes the
    # bracket of ``(8``, so it is no list item, and the range rule gives ``(8-16)``; a list item stays
    src = BASE + ("\nАс қарында\nқорытыла бастайды.\nҚарыннан бірнеше (8\n16) тармақталған жә\nне тармақталмаған\n"
                  "өзекшелер таралады.")
    out = dehyphenate(src)
    assert "бірнеше (8-16) тармақталған және" in out
    assert dehyphenate(out) == out
    listed = BASE + "\nОның түрлері көп:\n15) тармақталған түрі;\n16) тармақталмаған түрі."
    assert "көп:\n15) тармақталған түрі;\n16) тармақталмаған" in dehyphenate(listed)
