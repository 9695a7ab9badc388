"""Round 15, issue 15 (task h18narrow): a narrow column cut by pdftotext into short blocks, each with
too few join votes of its own (docs/dehyphenate.md, "Round 15 layout"). Real Kazakh text: a PDF dev
extraction (tex-news-lost-text, pdftotext -layout) of the KazQAD article kazqad-lit2096lit (dev,
CC BY-SA 4.0), whose hyphens were lost; fails without the pooled vote of layout._narrow_prose. And a
word cut at a column end before a blank line in a wrapped text read as never breaking words (driver.py):
kazqad-bio0910bio (dev, CC BY-SA 4.0), lo-news-lost-text, pdftotext."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

SCHOOL = ("  Сәкен Сейфуллин\n  === Білім алуы\n=== 1905 жылдан\nбастап 1908 жылға\nдейін Спасск мыс\n"
          "балқыту жанында\nғы орыс-қазақ мек\nтебінде оқыған, со\nдан кейін Ақмола\nүш сыныптық қала\n"
          "лық училищесінде\nоқыды.    Сонымен\n\n\n\n\n                      1\n    қатар,  1912 жы\n"
          "    лы Сәкен медресе\n    оқушыларын орыс\n    тіліне   дайындай\n    ды. 21 тамыз 1913\n"
          "    жылы    Сейфуллин\n\n\n\n\n1\nОмбы педагогика\nлық семинариясына\nкелді, онда ол Мағ\n"
          "жан Жұмабаевпен\nоқыған.\n\x0c")

BLOOD = ('сі\n\nҚанайналым жүйе\n\n=== Кіші қанайналым шеңбері === Кіші қанайналым шеңбері - жүректің оң\n'
         'жақ\nқарыншасынан\nөкпе артериясы қантамырынан басталады.Ондағы вена қаны\n'
         'өкпе артериясы қантамыры арқылы өкпеге келеді. Өкпеде артерия қантамырларынан түзілген қылтамырлар торында газ\n'
         'алмасады. Қан оттекке қанығып, көмірқышқыл газынан тазартылады да, вена\nқаны артерия қанына\n'
         'айналады. Одан төрт\nөкпе вена қантамырлары арқылы артерия\nқаны жүректің сол\n'
         'жақ журекшесіне құйылады. Қан сол жақ\nжүрекшеден сол жақ\n'
         'қарыншаға өтіп, қайтадан үлкен қанайналым шеңберінің қантамырларына бағытталады.Кіші қанайналым шеңбері —&gt;\n'
         'жүректің оң жақ қарыншасынан\nбасталып —&gt; өкпеге қан\n'
         'тартады —&gt; жүректің сол жақ жүрекшесімен аяқталады.Кіші\nқанайналым шеңбері\n'
         'деп аталу себебі - қан\nтек өкпеге барып,\nоны оттегімен байытылады да қайтадан\n'
         'жүрекке келеді. Бұл\nқанайналым шеңберін\nкейде "өкпелік шеңбер" деп те атайды.\n'
         'Қан қысымын тоқпан жіліктің артерия\nқантамырларынан\n(қолдың қарынан) өлшейді. Жас, дені сау\n'
         'адамдарда қан қысымы үнемі тұрақты, өзгермейді.\nЖүректің\n'
         'сол жақ қарыншасының жиырылуы (жоғары қысым) сынап бағанасымен 120 мм\n'
         'болса, босаңсуы кезіндегі көрсеткіші (төменгі қысым) 70-80\n'
         'мм. Қан қысымы жоғарылаған кезде болатын ауруларды гипертония (гр. hyper - үсті,\n'
         'жоғары), ал қан қысы\n\nмы төмен ауруларды\nгипотония (гр. hupo асты, төмен) дейді.\n'
         'Қанның қантамырлардың бойымен қозғалуы өсімді жүйке жүйесі арқылы реттеледі. Оның орталығы сопақша мида орналасқан.\n'
         '\n\x0c')


def test_short_blocks_of_a_cut_column_are_prose_by_the_pooled_vote():
    out = dehyphenate(SCHOOL)
    assert "1912 жылы Сәкен медресе оқушыларын орыс тіліне   дайындайды." in out
    assert "Омбы педагогикалық семинариясына келді, онда ол Мағжан Жұмабаевпен оқыған." in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(SCHOOL) if d.pass_no == 1}
    assert rules[("семинариясына", "келді")] != "narrow_block_not_prose"


def test_pooled_vote_output_is_idempotent():
    once = dehyphenate(SCHOOL)
    assert dehyphenate(once) == once


def test_column_end_before_a_blank_line_joins_a_known_word_in_text_that_never_breaks_words():
    out = dehyphenate(BLOOD)
    assert "ал қан қысымы төмен ауруларды" in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(BLOOD)}
    assert rules[("қысы", "мы")] == "column_end"
    assert dehyphenate(out) == out
