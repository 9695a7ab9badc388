"""Round 14, issue 15 (task h17lost): lost-text layouts (docs/dehyphenate.md, "Round 14 rules").
Each test is real Kazakh text (a PDF dev extraction whose break hyphens were dropped) and fails
without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

# apertium muftyat-kaz-725 (dev), tex-news-lost-text, pypdf: the lexicon writes ``тұрғын-үй``, this
# text writes ``тұрғын үй`` inside its lines
HOUSING = (
    "Облыстық басқар\nмалардың өңірдің\nаудандық және қа\nлалық бюджетте\nріне нысаналы да\nму трансферттерін\n"
    "уақтылы аудармау\nфактілері анықтал\nды.\nИндустрияланды\nру картасында көз\nделген 33 жобаның\n"
    "6-уының жоспар\nлы қуаттылығына\nқол жеткізілмеген,\n7 жоба бойынша өн\nдіріс жүзеге асы\nрылмаған.\n"
    "Отырыс барысын\nда бірнеше жылдар\nбойы көптеген бұ\nзушылықтарға жол\nберіп келе жатқан\n«Каспий» ӘКК» ҰК»\n"
    "АҚ қызметіне ерек\nше назар аударыл\nды, Есеп комитеті\nнің бағалауы бойын\nша бұл облыстың\nМәселен, 2011\n"
    "2012 жылдары об\nлыс әкімдігі «Кас\nпий» ӘКК» ҰК»\nАҚ-ға тұрғын үй\nқұрылыс жинақ жү\nйесі бойынша кезек\n"
    "те тұрғандар мен са\nлымшылар үшін Ақ\nтау қаласы «Аққу»\nшағынауданындағы\nтұрғын үй\nБұл ретте тұрғын\n"
    "үй алу кезегінде\nтұрған адамдардың\nсаны 2012 - 2015\nжылдар аралығын\nда 4,6 мың адамнан\n6,6 мың адамға де\n"
    "йін өскен.\n«Аққу» шағынау\nданындағы тұрғын\nүй кешенінің құры\nлысы кезінде заңна\nмалық актілер мен\n"
    "құрылыс норматив\nтерін өрескел бұз\nушылықтарға жол\nберілген.\n")


def test_lost_hyphen_not_restored_where_the_text_writes_the_pair_apart():
    out = dehyphenate(HOUSING)
    assert "тұрғын-үй" not in out
    assert "Бұл ретте тұрғын үй алу" in out and "тұрғын үй кешенінің құрылысы" in out
    assert "жоспарлы қуаттылығына" in out and "бұзушылықтарға" in out  # the word breaks still join
    rules = {(d.left, d.right): (d.action, d.rule) for d in explain_breaks(HOUSING) if d.pass_no == 1}
    assert rules[("тұрғын", "үй")][0] == "space"


def test_lost_hyphen_still_restored_where_the_text_does_not_write_the_pair_apart():
    # the same text without its own ``тұрғын үй`` inside a line: the lexicon's ``тұрғын-үй`` decides
    text = HOUSING.replace("АҚ-ға тұрғын үй\n", "АҚ-ға тұрғын\nүй ").replace("шағынауданындағы\nтұрғын үй\n", "шағынауданындағы\n")
    assert "тұрғын үй" not in text.replace("\n", "\t")
    assert "тұрғын-үй" in dehyphenate(text)


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
    for text in (HOUSING, FINS, BIOSPHERE):
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
