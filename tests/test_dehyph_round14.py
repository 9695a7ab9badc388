"""Round 14, issue 15 (task h17lost): lost-text layouts (docs/dehyphenate.md, "Round 14 rules").
Each test is real Kazakh text (a PDF dev extraction whose break hyphens were dropped) and fails
without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

# NTREX-128 ntrex128-bbc.381679 (CC BY-SA 4.0, dev), lo-news-lost-text, pypdf: the lexicon writes
# ``жол-көлік``, this text writes ``жол көлік`` inside a line
ROAD = (
    "Дептфордтағы  жол\nапаты:  Велосипедші\nжол көлік оқиғасында\nВелосипедші  Лон\n"
    "дон  қаласында  жол\nкөлік  оқиғасында  қа\nза тапты. Апат Беств\nуд көшесінің және қа\n"
    "ланың оңтүстік-шығы\nсындағы,  Дептфорд\nаймағындағы қызу кө\nше Эвелинмен қиылы\n"
    "су  тұсында,  британ\nдық  жазғы  уақытпен\nшамамен  сағат  10:15\n"
    "болған.  Көлік  жүргі\nзушісі  тоқтаған,  же\nдел  жәрдем  дәрігер\n"
    "лері  барын  салса  да,\nер кісі оқиға орнында\nқайтыс болыпты.\nСенбі күнгі апат ор\n"
    "нынан  бір  миля  қа\nшықтықтағы  Чилдерз\nкөшесінде  велосипед\nші қаза тапқан, кінәлі\n"
    "адам  қашып  кеткен\nоқиғадан кейін бірне\nше  ай  өте  бере  осы\nапат  болды.  Офицер\n"
    "лер ер кісіні тану жә\nне  оның  туыстарына\nхабар  беру  жұмыста\nрын  жүргізіп  жатыр\n"
    "деп  хабарлады  Лон\nдон полициясы. Жол\nды жабу және автобу\nстарды айналма жол\n"
    "ға  ауыстыру  жұмыс\nтары  жүріп  жатыр,\nкөлік  жүргізушілер\nден оқиға орнына жа\n"
    "қындап келмеуі сұра\nлады.")


def test_lost_hyphen_not_restored_where_the_text_writes_the_pair_apart():
    out = dehyphenate(ROAD)
    assert "жол-көлік" not in out
    assert "Лондон  қаласында  жол көлік  оқиғасында" in out
    assert "қаза тапты" in out and "оңтүстік-шығысындағы" in out  # the word breaks still join
    rules = {(d.left, d.right): (d.action, d.rule) for d in explain_breaks(ROAD) if d.pass_no == 1}
    assert rules[("жол", "көлік")][0] == "space"


def test_lost_hyphen_still_restored_where_the_text_does_not_write_the_pair_apart():
    # the same text without its own ``жол көлік`` inside a line: the lexicon's ``жол-көлік`` decides
    text = ROAD.replace("жол көлік оқиғасында\n", "жол\nкөлік оқиғасында\n")
    assert "жол көлік" not in text.replace("\n", "\t")
    assert "жол-көлік" in dehyphenate(text)


# kazqad bio1127 (dev), tex-news-lost-render, pdftotext: a line starts with ``жүзбеқанаттары бір``,
# others break it ``жүзбе⏎қанаттары``
FINS = (
    "Жер тарихы\nТеңіздерде шемір\nшекті (осы күнгі ак\nулалар, тұтас жүзбе\nқанаттылар, химера\nлар) және сүйекті\n"
    "балықтар пайда бол\nды. Жүзбеқанатта\nрының\nқұрылысы\nна қарай сүйекті\nбалықтар\nсәулеқа\nнаттылар (жүзбеқа\n"
    "наттары желпеуіш\nтәрізді) және саусақ\nқанаттылар (жүзбе\nқанаттары саусаққа\nұқсайды) деп бөлін\nді. Саусаққанатты\n"
    "балықтардың жүзбе\nқанаттары етті әрі\nқысқа, олар: 2 көкі\nрек, 2 құрсақ жүз\nбеқанаттарының кө\nмегімен жүзіп қана\n"
    "қоймай, суы құрғай\nбастаған көлдерден\nсу іздеп жорғалап\nжүруге де бейімдел\nген.\nТым таязда\nнып кеткен суларда\n"
    "олар атмосфералық\nауамен тыныс алуға\nбейімделе бастады.\nОлар қан тамырла\nрымен\nторланған\nторсылдағы арқылы\n\n"
    "тыныс алды. Жұп\nжүзбеқанаттары бір\nтіндеп жүруге көбі\nрек икемделіп 5 сау\nсақты аяққа, ал тор\n"
    "сылдағы өзгеріп өк\nпеге айналған.\n")


def test_joined_form_a_line_starts_with_joins():
    out = dehyphenate(FINS)
    assert "(жүзбеқанаттары саусаққа" in out and "балықтардың жүзбеқанаттары етті" in out
    assert "ал торсылдағы өзгеріп" in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(FINS) if d.pass_no == 1}
    assert rules[("жүзбе", "қанаттары")] == "text_stem_spans"


def test_line_start_form_not_where_the_text_writes_the_two_words_apart():
    text = FINS + "Кейбір жүзбе қанаттары\nқысқа.\n"
    assert "балықтардың жүзбе қанаттары етті" in dehyphenate(text)


# kazqad bio1019 (dev), tex-narrow-lost-render, pdftotext: the last lines of a column after a page break
# make a short block that is not read as prose
BIOSPHERE = (
    "ңызды проблемаларға ай\nналып отыр. Биосфера\nны «бағындыру» ғана емес,\nкөп жағдайларда бүгінгі\n"
    "таңда биосферамен «дос\nтасу», оның заңдарымен\nкелісу, санасы керек бо\nлады. Демек, бұл адам\n"
    "ға қажетті барлық заттар\nдың бәрі де биосферадан\nалынады деген сөз. Биос\nфера Жердің тірішлік қа\n"
    "бығы деп аталатыны сен\nдерге мәлім. Биосфера\nтерминін ғылымға 1875\nжылы австрвялық ғалым\n"
    "Э.Зюсс енгізген болатын.\nАл 1926 жылы орыс ға\nлымы В. И. Вернадский\nбиосфера туралы ілімді\n"
    "негіздеп, оның анықтама\nсын ұсынды. В.И. Вернад\nский бойынша биосфера\nдеп ғаламшарымыздағы\n"
    "барлық тіршілік дүнние\nсі мен олардың арасын\n\n2\n\n\x0c"
    "дағы өзара зат және энер\nгия айналымы тұрақты жү\nзеге асатын жердің ерек\nше қабығын атайды.\n\n3\n\n\x0c")


def test_no_word_line_start_whose_join_is_a_lexicon_word_continues_the_line():
    out = dehyphenate(BIOSPHERE)
    assert "зат және энергия айналымы тұрақты жүзеге асатын" in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(BIOSPHERE) if d.pass_no == 1}
    assert rules[("энер", "гия")] != "narrow_block_not_prose"


def test_round14_texts_are_idempotent():
    for text in (ROAD, FINS, BIOSPHERE):
        out = dehyphenate(text)
        assert dehyphenate(out) == out


# kazqad bio0564 (dev), lo-news-lost-text, pypdf: ``ДНҚ-да`` lost its hyphen at the line end
ENZYMES = (
    "Манассеина  (1871),\nБухнер  (1897)  зерт\nтеулерінде  экс\nперимент жүзінде дә\nлелденді. Жасушалар\n"
    "да синтезделген фер\nменттер өзіне тән ар\nнайы қызметтерін ор\nганизмнің барлық мү\nшелерінде  атқарады.\n"
    "Ферменттік  қасиет,\nнегізінен  глобулалық\nқұрылымдағы  ақуыз\nдарға тән екені белгі\nлі. Бірақ, қазіргі кезде\n"
    "кейбір  фибриллалық\nақуыздар  да  (актин,\nмиозин)  катализдік\nбелсенділік көрсететі\nні анықталды.\n"
    "Ферменттердің  ка\nтализдік ерекшелігіне\nкелесі  қасиеттері\nжатқызылады:  *  Бар\nлық  ферменттер  гло\n"
    "булярлы  нәруыз  бо\nлып табылады. * Фер\nменттер жайында ақ\nпарат,  басқа  да  нә\nруыздар секілді ДНҚ\n"
    "да  сақталған.  *Фер\nмент  өздігінен  жаңа\nреакция  жүргізбейді.\nОл  тек  тер\nмодинамикалық  мүм\n"
    "кін  реакцияны  ғана\nжүргізеді. Реакция ба\nрысында активтендіру\nэнергиясы  төмендей\nді. Реакцияның үлкен\n"
    "кедергі  энергиясын\nсатылап бөліп, төмен\nдету және активтенді\nру энергиясын жоғар\nлату арқылы реакция")


def test_an_ending_that_is_also_a_word_after_capitals_takes_the_lost_hyphen():
    out = dehyphenate(ENZYMES)
    assert "секілді ДНҚ-да" in out and "сақталған" in out
    assert "басқа  да  нәруыздар" in out or "басқа да нәруыздар" in out  # the particle after a word stays apart
    rules = {(d.left, d.right): d.rule for d in explain_breaks(ENZYMES) if d.pass_no == 1}
    assert rules[("ДНҚ", "да")] == "lost_suffix_hyphen"
    assert dehyphenate(out) == out
