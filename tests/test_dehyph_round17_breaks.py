"""Round 17, issue 15 (task h20breaks): a word cut at a column or page end (pdftotext writes each column as its
own block, so the cut is followed by a blank line), a range's en dash at a line end, and the instrumental
``-мен/-бен/-пен`` read with its consonant agreement (docs/dehyphenate.md, "Round 17 breaks"). Real Kazakh
text: PDF dev extractions of KazQAD articles (CC BY-SA 4.0) and NTREX-128 (CC BY-SA 4.0) news; each test
fails without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks
from kaznlp.dehyphenate.men import instrumental_fits

# tex-news-lost-render, pdftotext: kazqad-bio0879bio-37131, a narrow column of prose that lost its hyphens
NARROW = ("ғанда шырылдаған\nдыбыс\nшығарады.\n2-4 апта өмір сүреді.\nҚоңыздың зиянды\nлығы жоқ. Жұмырт\n\n"
          "қасын топыраққа са\nлат. Бір қоңыздың\nсалатын жұмыртқа\nсынын мөлшері 30")
# tex-news-lost-text, pdftotext: ntrex-bbc.381701, unwrapped (poppler merged the column's lines)
MERGED = ("Белфаст мейрамханасындағы\nпышақтау оқиғасына\nбайланысты өмірге\nқастық жасау айыбы тағылды\n"
          "Жұма күні Бел\n\nфастың шығысындағы мейрамханалардың бірінде ер\nадамды пышақтап\n"
          "кеткеннен кейін, 45\nжасар ер адам қастандық жасау әре")
# lo-news-lost-text, pdftotext: kazqad-bio1018bio-44815 (unwrapped: no line-end hyphen, lines of any length)
RANGE = ("түксіз, биіктігі 90 смге дейін өседі. Жапырақтары\nсопақша,\nшеттері\nтікенектеу\nболады. Гүл шоғыры –\n"
         "себет, бір өсімдікте 5–\n6-дан 30–50-ге дейін\nсебет болады. Гүлдері\nсары немесе қызғылтсары түтік "
         "тәрізді. Тұқымы пісіп-жетілген\nкезде жерге төгілмейді. 1000 ұрығының\nсалмағы 20–50 г. Мақсары жылу сүйгіш,")
# tex-narrow-lost-render, pdftotext: kazqad-lit1152lit-36885
PRONOUN = ("Көкше жағы қандай екен,\nордамды сол жаққа көшір\nсем қалай болады? - деп\nсұрапты. Сонда Асан би:\n"
           ":- Қайда көшем десе хан\nның ықтияры ғой, бірақ\nмен көрген Көкше: :Төс\nтабаны төрт елі, :Атан жү\n"
           "рер жер екен. :Төсегінен\nтүңілген, :Адам сүрер жер\nекен... - депті. Бір жаз")


def test_column_end_in_a_narrow_lost_hyphen_column_is_judged_as_an_inner_break():
    out = dehyphenate(NARROW)
    assert "Жұмыртқасын топыраққа" in out
    assert dehyphenate(out) == out


def test_column_end_in_merged_lines_joins_on_a_confident_learned_verdict():
    out = dehyphenate(MERGED)
    assert "Жұма күні Белфастың шығысындағы" in out
    assert dehyphenate(out) == out
    # a paragraph end before a lower-case line stays when the model is unsure (score below the margin)
    assert dehyphenate("Ол келді де\n\nкетті.") == "Ол келді де\n\nкетті."


def test_en_dash_range_cut_at_a_line_end_is_glued():
    out = dehyphenate(RANGE)
    assert "бір өсімдікте 5–6-дан 30–50-ге" in out
    assert "шоғыры –\nсебет" in out  # a spaced dash is not a range
    assert dehyphenate("Қожа Ахмет Ясауи (1096–\n1166) ақын.") == "Қожа Ахмет Ясауи (1096–1166) ақын."
    assert dehyphenate("Бағасы 100 –\n200 теңге") == "Бағасы 100 –\n200 теңге"
    rules = [d.rule for d in explain_breaks("Ясауи (1096–\n1166) ақын.")]
    assert rules == ["en_dash_range"]


def test_instrumental_agrees_with_the_stem_so_men_after_a_voiceless_stop_is_a_word():
    out = dehyphenate(PRONOUN)
    assert "бірақ мен көрген" in out
    assert instrumental_fits("кітаптар", "мен") and instrumental_fits("кітап", "пен")
    assert instrumental_fits("көз", "бен") and not instrumental_fits("бірақ", "мен")


# kazqad-woh0221woh (KazQAD wiki, CC BY-SA 4.0), LuaLaTeX news columns with lost hyphens, pdftotext: the
# column ends inside ``тарахумара`` (a Mexican people's name)
SEAM_SCORE = ".б.),\nацтектаноан (науа,\nпипиль, шошон, та\n\nрахумара, майо, тепехуан, т.б.), мак"


def test_column_end_margin_reads_the_exact_score_so_the_trace_and_the_text_agree():
    # without a trace a learned verdict holds only a sum of the right sign; the margin needs every term
    out = dehyphenate(SEAM_SCORE)
    assert "шошон, тарахумара, майо" in out
    assert dehyphenate(SEAM_SCORE, explain=True)[0] == out
