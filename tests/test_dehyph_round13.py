"""Round 13, issue 15 (task h16dehyacc): bare-break rules for texts that lose their line-end hyphens
(docs/dehyphenate.md). Each test is real Kazakh text (a KazQAD dev article, as the PDF dev set's
LaTeX narrow column extracts it, its break hyphens dropped) and fails without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

# kazqad lit0620 (dev), tex-news-lost-text, pypdf
ABAI = ("#Еркежан - Ос\nпанның бәйбішесі.\nКүйеуі елген соң,\nәмеңгерлік жолы\nмен інісінің орнын\n"
        "баспақ болған қай\nнағасы Тәкежанға\nкеңілі толмайды,\nАбайдың ез басын\nкепілдікке апуды\n"
        "етінеді. Сұлу, қы\nлықты, мінезді, көзі\nашық Еркежан тір\nшілікте Абай үшін\nкөп жақсылық жа\n"
        "саған адам. Байсал\nды, жарасты көңіл\nмен кейін олар ерлі\nзайыпты өмір сүр\nген. #Ділда - Абай\n"
        "дың бірінші әйелі.\n#Базаралы - Абай\nдың әкесі Құнанбай\nмен тартысып, ай\nтысып өткен адам.\n"
        "Қауменнің баласы\n#Шөже - шыншыл\nжыршы, ақын. #Бө\nжей - Жігітек руы\nның билеушісі #Тоғ\n"
        "жан - алыстан қа\nрайлайтын қол жет\nпес арман секілді\nмахаббат таңының\nүлгісі; әні сәніне,\n"
        "сәні әніне астасқан\nасыл ару.Тоғжан\nтазалығы, сұлулы\nғы, пәктігі Абайдың\nәсемдік")


def _rules(text: str) -> dict[tuple[str, str], str]:
    return {(d.left, d.right): d.rule for d in explain_breaks(text) if d.pass_no == 1}


def test_instrumental_before_a_converb_joins():
    # ``мен`` before a converb (тартысып) is the instrumental: the conjunction takes a second noun
    out = dehyphenate(ABAI)
    assert "Құнанбаймен тартысып" in out
    assert "қайнағасы" in out and "тіршілікте" in out  # the other joins are untouched
    assert _rules(ABAI)[("Құнанбай", "мен")] == "instrumental_before_verb"


# kazqad bio1127 (dev), tex-news-lost-text, pypdf: the text ends a line with ``саусаққанатты`` and
# breaks ``Саусақ⏎қанатты`` elsewhere
FISH = (
        'беқанаттылар,\nхимералар) және\nсүйекті балықтар\nпайда болды. Жүз\nбеқанаттарының құ\nрылысынақарайсү\n'
        'йекті балықтар сәу\nлеқанаттылар (жүз\nбеқанаттары жел\nпеуіш тәрізді) және\nсаусаққанаттылар\n(жүзбеқанаттары\n'
        'саусаққа ұқсайды)\nдепбөлінді. Саусақ\nқанатты балықтар\nдың жүзбеқанатта\nры етті әрі қысқа,\nолар: 2 көкірек, 2\n'
        'құрсақ жүзбеқанат\nтарының көмегімен\nжүзіп қана қоймай,\nсуықұрғайбастаған\nкөлдерден су іздеп\nжорғалапжүругеде\n'
        'бейімделген. Тым\nтаязданып кеткен\nсулардаоларатмос\nфералықауаменты\nныс алуға бейімде\nле бастады. Олар\n'
        'қан тамырларымен\nторланған торсыл\nдағы арқылы тыныс\nалды. Жұп жүзбе\nқанаттары біртін\nдеп жүруге көбірек\n'
        'икемделіп 5 саусақ\nтыаяққа,алторсыл\nдағыөзгеріпөкпеге\nайналған. Көпкеде\nйін саусаққанатты\nбалықтарды палео\n'
        'зойдың соңғы кезе\nніндежойылыпкет\nкен деп к')


def test_text_stem_spans_joins_a_word_the_text_ends_a_line_with():
    out = dehyphenate(FISH)
    assert "Саусаққанатты балықтардың" in out
    assert _rules(FISH)[("Саусақ", "қанатты")] == "text_stem_spans"


def test_text_stem_spans_not_where_the_text_writes_the_two_words_apart():
    text = FISH + " Кейбір саусақ қанатты түрлері\nжойылды.\n"
    assert "Саусақ қанатты балықтардың" in dehyphenate(text)


# NTREX bbc 381646 (dev), tex-narrow-lost-render, pypdf
DALEY = (
        '“Білесіз бе, Олимпиа\nда алтынынан да маңыз\nды нәрселер бар. Мен\nүшін Олимпиаданың ал\nтын медалі – Робби.” Оның\nбаласы өзінің әкесі Робер\n'
        'ттің атына қойылған. Ол\nми рагы диагнозы қойыл\nғаннан кейін 2011 жылы\n40 жасында қайтыс бол\nған еді.\nДейлидің әкесі өзінің\n'
        'қайтыс болатынын қабыл\nдай алмаған. Соңғы сұ\nраған нәрселерінің бірі\nЛондон – 2012 олипиада\nсына билет еді, ол бірін\nші қатарда отырғысы кел\n'
        'ді. ”Мен оған ”сен әкем\nмен бірге алдыңғы қатар\nда отырмайсың” деп ай\nта алмадым” деді ол. "Соң\nғы демін алғанша мен оның\n2\n'
        'қолынан ұстап отырдым,\nтек демі үзіліп, о дүние\nге аттанған сәтте ғана мен\nоның ешқашан жеңілмей\nтін жеңімпаз екендігін мо\nйындадым" деді ол.\n'
        'Кел')


def test_men_before_an_instrumental_postposition_joins():
    # ``бірге`` (dehyph_postpositions_kk.txt) follows the instrumental, never the conjunction ``мен``
    out = dehyphenate(DALEY)
    assert "әкеммен бірге" in out
    assert _rules(DALEY)[("әкем", "мен")] == "instrumental_before_verb"


# NTREX rt.com 91356 (dev), lo-news-lost-text (LibreOffice narrow column, hyphen glyphs lost), pypdf
NANNY = (
        'диск\nриминациялық  түрде\nжұмыстан шығарғаны\nүшін,  ерлі-зайыпты\nжұпты  сотқа  беріп\nжатыр. Ерлі-зайыпты\n'
        'лар  өздерінің  нәсіл\nшіл  екендігін  жоққа\nшығаруда,  олар  бұл\nталап арызды «бопса\nлаушылық»  деп  са\nнайды.\n'
        'Линси  Пласко\nФлаксман,  екі  бала\nның анасы, 2016 жы\nлы  алғаш  жұмысқа\nкелгенде,  жаңадан\nкелген  бала  күту  бо\n'
        'йынша қызмет көрсе\nтуші  Жизель  Морис\nтің  қара  нәсілді  еке\nнін біліп, наразы бол\nды\n"ЖООООООООООҚ,\n'
        'ТАҒЫ  БІР  ҚАРА  НӘ\nСІЛДІ  АДАМ",  -  деп\nЛинси  Пласко-Флакс\nман  өз  күйеуіне  ха\nбарлама жазды. Алай\nда, оны күйеуіне жібе\n'
        'рудің  орнына,  Морис\nханымға  екі  рет  жі\nберді.\nNew York Post ақпа\nратына сәйкес, өзінің')


def test_caps_run_join_joins_a_word_in_capitals_cut_by_the_column():
    # ``НӘ⏎СІЛДІ``: the next line opens with capitals that are no word, the two are one known word
    out = dehyphenate(NANNY)
    assert "НӘСІЛДІ" in out and "Ерлі-зайыптылар" in out
    assert _rules(NANNY)[("НӘ", "СІЛДІ")] == "caps_run_join"
