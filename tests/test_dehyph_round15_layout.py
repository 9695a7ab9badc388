"""Round 15, issue 15 (task h18nohyph): layouts without hyphenation (docs/dehyphenate.md, "Round 15
layout"). Each text is a PDF dev extraction (LibreOffice `lo-news-nohyph`, hyphenation off, pypdf) of
openly licensed Kazakh text (KazQAD, CC BY-SA 4.0) or, where none has the case, Kazakh written for the
test in that shape (said so above it); each test fails without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks


def _rules(text: str) -> dict[tuple[str, str], tuple[str, str]]:
    return {(d.left, d.right): (d.action, d.rule) for d in explain_breaks(text) if d.pass_no == 1}


# KazQAD kazqad-bio0625bio (CC BY-SA 4.0, dev), lo-news-nohyph, pypdf: a run longer than the column, cut
# where it filled the line
CUT_RUN = (
    'қапшығын түзеді; ішкі\nқабат - "энтодерма", \nол эктодерманы \nастарлап жатады; ал \nүшінші қабат - \n'
    '"мезодерма", аналық \nжыныс жасушасының\nдаму барысында осы \nқабаттан барлық \nұлпалар мен мүшелер\n'
    'дамиды. Ақ \nмұламаның \nішекқуыстылардағыд\nай дене қуысы \nболмайды, онда \nбелгілі пішінсіз \n'
    'борпылдақ \nжасушаларға толы \nтүзіліс - паренхима \nорналасады.')
# kazqad woh0373 (dev): one word longer than the column
CUT_WORD = (
    'Корея\nЕкі ел арасында \n1949 жылы қарулы \nқақтығыстар * 1950-\n1953 жылдары корей \nсоғысы болып өтті. \n'
    '1953 жылдың 27 \nшілдесінде соғыс еш \nнәтижесіз аяқталып, \nшекарада ені 4 км \nсозылатын \n'
    'демилитаризацияланғ\nан аймақ пайда \nболды. * 1987 жылға \nдейін Кореяда әскери \nтөңкерістер (1961, \n'
    '1979) болып, билік \nбасында әскерилер \nотырды. Дегенмен 20 \nғасырдың 60-80-\nжылдары елде \n'
    'экономика қарқынды \nдамып, Корея кеме \nжасау мен \nэлектронды бұйымдар\nжасаудан жетекші ')


def test_token_cut_at_the_column_edge_is_joined():
    assert _rules(CUT_RUN)[("ішекқуыстылардағыд", "ай")] == ("join", "cut_at_column_edge")
    assert "ішекқуыстылардағыдай дене қуысы" in dehyphenate(CUT_RUN)
    out = dehyphenate(CUT_WORD)
    assert "демилитаризацияланған аймақ" in out
    # a word alone on its line that does not fill it is a wrap (``созылатын⏎демилитаризацияланғ``)
    assert "созылатын демилитаризацияланған" in out or "созылатын\nдемилитаризацияланған" in out


def test_no_cut_inside_a_token_with_a_break_opportunity():
    # kazqad dev: ``Интернет-ресурсының`` fills its line, but a renderer would have broken after its
    # hyphen, so the token was not longer than the column: a wrap
    text = CUT_WORD.replace("демилитаризацияланғ\nан аймақ", "Интернет-ресурсының\nжаңғыртылуын")
    assert "Интернет-ресурсының жаңғыртылуын" in dehyphenate(text) or (
        "Интернет-ресурсының\nжаңғыртылуын" in dehyphenate(text))


# written for this test (the apertium crawl's lines cut after a hyphen; no openly licensed dev extraction
# has one), lo-news-nohyph shape: a line cut after a hyphen, the next paragraph in capitals
PARA_END = (
    'жастар орталығы \nқалалық кітапхана \nжанынан ашылды, \nонда оқушылар \nкүн сайын \nкітап оқып, \n'
    'сабақ дайындай \nалады. Орталық \nтұрақты жұмыс \nістейтін ұйым \nболып табылады, \nоның штаб-\n'
    'Кеңес шеңберінде \nорталық мүшелері \nжыл сайын \nоблыстың \nаудандарына \nбарып, мектеп \n'
    'оқушыларымен \nкездесулер \nөткізеді, оларға \nжаңа кітаптарды \nтаныстырады.\nТөменде Кеңес \n'
    'туралы ереже, \nКеңестің жоспары, ')


def test_lower_case_word_hyphen_before_capital_ends_the_paragraph():
    assert _rules(PARA_END)[("штаб-", "Кеңес")] == ("keep", "paragraph_end_hyphen")
    out = dehyphenate(PARA_END)
    assert "штаб-\nКеңес" in out and "штаб-Кеңес" not in out


def test_capitalised_compound_keeps_its_hyphen():
    # ``Премьер-⏎Министрі``: both parts capitalised, the compound stays
    text = PARA_END.replace("оның штаб-\nКеңес", "ҚР Премьер-\nМинистрі")
    assert "ҚР Премьер-Министрі шеңберінде" in dehyphenate(text)


# kazqad woh0373 (dev), pdftotext: its reading order merged two lines (``қақтығыстар * 19501953 жылдары
# корей``), which widens the block, not the column: the cut is measured against the lines around it
CUT_MERGED = (
    'Корея\nЕкі ел арасында\n1949 жылы қарулы\nқақтығыстар * 19501953 жылдары корей\nсоғысы болып өтті.\n'
    '1953 жылдың 27\nшілдесінде соғыс еш\nнәтижесіз аяқталып,\nшекарада ені 4 км\nсозылатын\n'
    'демилитаризацияланғ\nан аймақ пайда\nболды. * 1987 жылға\nдейін Кореяда әскери\nтөңкерістер (1961,\n'
    '1979) болып, билік\nбасында әскерилер\nотырды. Дегенмен 20\nғасырдың 60-80жылдары елде\n'
    'экономика қарқынды\nдамып, Корея кеме\nжасау мен\nэлектронды бұйымдар\nжасаудан жетекші')


def test_cut_measured_against_the_lines_around_it():
    assert _rules(CUT_MERGED)[("демилитаризацияланғ", "ан")] == ("join", "cut_at_column_edge")
    assert "демилитаризацияланған аймақ" in dehyphenate(CUT_MERGED)


# written for this test (as above): a line cut after a number and its hyphen, the next paragraph opening
# with a capitalised word, which a number never hyphen-joins (``3-НП``, ``484-IV``: codes in capitals)
NUMBER_END = (
    'кітапхана жаңа \nоқу залын ашты, \nоған 2015 жылдың \n11 қыркүйегінде \nқала әкімі \nқатысты. \n'
    'Салтанатты жиында \nҚазақ хандығының 550-\nҰлы Дала елі туралы \nкітаптар көрмесі \nашылды, оның ата-\n'
    'бабаларымыз \nтуралы бөлімі \nерекше назар \nаударды. Сондай-\nақ, оқырмандар\nБұдан басқа, ')


def test_number_hyphen_before_a_capitalised_word_ends_the_paragraph():
    assert _rules(NUMBER_END)[("550-", "Ұлы")] == ("keep", "paragraph_end_hyphen")
    out = dehyphenate(NUMBER_END)
    assert "550-\nҰлы" in out and "550-Ұлы" not in out and "ата-бабаларымыз" in out
    code = NUMBER_END.replace("хандығының 550-\nҰлы Дала", "хандығының № 484-\nIV Заңы")
    assert "№ 484-IV Заңы" in dehyphenate(code)


# kazqad bio0403 (dev), pypdf: the narrow column of a text that never breaks words; its few "join" votes
# (``олар⏎мас``: ``мас`` reads as an ending) made the block lost-hyphen prose at the old 12 per 100
NARROW_NEVER_BREAKS = (
    'Ми\n# Артқы миға - \nмишық пен ми көпірі \nжатады. Ми көпірі \nортаңғы ми мен \nсопақша мидың \n'
    'аралығына \nорналасқан. Сопақша \nми мен ортаңғы миды \nбайланыстырып \nтұратындықтан, оны \n'
    'ми көпірі дейді. Ми \nкөпір арқылы \nтөменірек орналасқан\nбөлімдерден қозу \nкеледі. Ми көпірінің \n'
    'өткізгіш доғасы \nалдыңғы мидың үлкен\nми сыңарларының \nқыртысын жұлынмен \nжәне мишықтың \n'
    'қыртысымен \nжалғастырады. Ми \nкөпірінің жүйке \nжасушалары \n(нейрондары) беттің \n'
    'терісінен, тілден, \nауыз қуысының \nсілемейлі \nқабықшасынан (дәм \nсезгіштік) келетін \n'
    'хабарларды \nқабылдайды. Есту, \nтепе-теңдікті сақтау \nмүшелерінен келетін \nақпараттар \n'
    '(информация) ми \nкөпіріне \nхабарланады. Ми \nкөпірінде сілекей, \nжас бездері мен \nшайнау, ымдау \n'
    'бұлшықеттерінің \nжұмысын реттейтін \nжүйке орталықтары \nда орналасқан. \nМишық - сопақша ми \n'
    'мен ми көпірінің \nартқы жағында \nжатады. Мишықтың \nсыртында сұр заттан \nтүзілген қыртыстары \n'
    'және өте көп \nқатпарлы болады. Сұр\nзаттың астында ақ \nзаты орналасады. \nНейрондардың \n'
    'мишықтан шығатын \nөсінділері оны \nорталық жүйке \nжүйесінің барлық \nбөлімдерімен \n'
    'байланыстырады. \nМишық қаңқа \nбұлшықеттерінің \nүйлесімді жиырылуын\nреттейді. Әсіресе \n'
    'мойын, тұлға, аяқ-қол\nбұлшықеттерінің \nқозғалысын, дененің \nтепе-теңдігін \nсақтайды. Егер \n'
    'мишық жарақаттанса,\nадамның қолаяғы тез \nшаршайды, \nқозғалысы, тепе-\nтеңдігі, сөзі \nбұзылады.\n'
    'Мишық адамның \nқимыл әрекетін \nреттейді. Оның \nқалыпты қызметі \nбұзылса, адам дәл \n'
    'үйлесімді қимылынан \nайырылып, дененің \nтепе-теңдігін сақтай \nалмайды. Мұндай \nадамдар, мысалы, \n'
    'иненің көзінен жіп \nөткізе алмайды, олар \nмас адамдарша \nтеңселіп жүреді, \nжүргенде қол-аяғы \n'
    'сермеп, ебедейсіз \nқимыл жасайды. \nОртаңғы мида \nядролар орналасады, \nолар қаңқа бұлшық \n'
    'еттеріне үнемі жүйке \nимпульстарын \nжіберіп, олардың \nшыриғып тұруын — \nтонусын сақтауға \n'
    'мүмкіндік береді. \nКөру және дыбыс \nтітіркенуін \nқабылдайтын \nбағдарлау \nрефлекстерінің \n'
    'рефлекс доғалары \nортаңғы ми арқылы \nөтеді. Бағдарлау \nрефлекстері бас пен \nденені \n'
    'тітіркендіргішке \nқарай бұрудан \nбөлінеді. Сопақша ми,\nкөпір және ортаңғы \nмидан ми бағаны \n'
    'түзіледі. Одан 12 жұп \nбассүйек — ми \nжүйкелері таралады. \nНервтер миды баста \nорналасқан сезім \n'
    'мүшелерімен, \nбұлшықеттер мен \nбездермен \nбайланыстырады.')


def test_narrow_block_prior_at_the_document_ratio():
    out = dehyphenate(NARROW_NEVER_BREAKS)
    assert "олармас" not in out and "бұлшықеттеріне" not in out
    assert _rules(NARROW_NEVER_BREAKS)[("олар", "мас")][0] != "join"
