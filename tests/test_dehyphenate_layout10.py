"""Issue 15, round 10 (layouts): breaks of the lost-hyphen layouts, found on the PDF dev set
(the text is a dev document's extraction: apertium udp, ``tex-news-lost-text``, pypdf; no test split)."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

# a four-column LuaLaTeX page whose text layer lost its line-end hyphens (every break bare)
LOST = (
    'болмай отыр. Мә\n'
    'селен, 2014 жылы\n'
    'жалған кәсіпорын\n'
    'болып\n'
    'Біз салықтық жә\n'
    'не кедендік әкім\n'
    'шілік етудің сапа\n'
    'сын арттыру үшін\n'
    'көрсетілген кемші\n'
    'ліктерді бюджетті\n'
    'жоспарлау және ат\n'
    'қару жөніндегі уә\n'
    'кілетті мемлекеттік\n'
    'органның қызметін\n'
    'бағалау\n'
    'Республикалық\n'
    'бюджеттен беріле\n'
    'тін трансферттер\n'
    'көлемі жыл сайын\n'
    'ұлғайып келеді.\n'
    '2013 жылмен са\n'
    'лыстырғанда, 2014\n'
    'жылы олар 258 мл\n'
    'рд. теңгеге ұлға\n'
    'йып, 2,2 трлн. тең\n'
    'гені құрады.\n'
    'Сонымен бірге,\n'
    'жергілікті атқару\n'
    'шы органдар 13,1\n'
    'млрд. теңге мөлше\n'
    'ріндегі республика\n'
    'лық бюджет қара\n'
    'жатын игермеген,\n'
    'нысаналы мақсаты\n'
    'на сай пайдаланба\n'
    'ған, бюджетке қай\n'
    'тарған.\n'
    'Нысаналы транс\n'
    'ферттердіқалыптас\n'
    'тыру және пайдала\n'
    'ну кезінде анықтал\n'
    'ған қаржылық бұз\n'
    'ушылықтар сомасы\n'
    '2013 жылмен са\n'
    'лыстырғанда 40%\n'
    'ға ұлғая отырып,\n'
    '245 млрд. теңгені\n'
    'құрады.\n'
    'Өңірлерде жүргі\n'
    'зілген кешенді тек\n'
    'серулер көрсеткен\n'
    'дей, нысаналы тран\n'
    'сферттер бойынша\n'
    'нәтижелер туралы\n'
    'келісімдер сапасыз\n'
    'әзірленген.\n'
    'Инвестициялық'
)


def test_a_bare_ending_after_a_percent_sign_gets_its_hyphen_back():
    # Kazakh writes a suffix after a number, ``%``, an abbreviation in capitals, a Latin word or a
    # closing quote with a hyphen (``40%-ға``); the page lost it with the line-end hyphens
    out = dehyphenate(LOST)
    assert "сомасы 2013 жылмен салыстырғанда 40%-ға ұлғая отырып," in out
    assert "2014 жылы олар 258 млрд. теңгеге" in out  # a number before a word keeps its space
    rules = {(d.left, d.right): d.rule for d in explain_breaks(LOST)}
    assert rules[("40%", "ға")] == "lost_suffix_hyphen"


def test_a_word_after_a_quote_or_a_number_is_no_bare_ending():
    # ``адам»⏎деп``, ``28⏎тамызы``: the next line opens with a word, which stays apart
    text = LOST.replace("40%\nға ұлғая", "«40%»\nдеп ұлғая").replace("2014\nжылы", "2014\nтамызы")
    out = dehyphenate(text)
    assert "«40%» деп ұлғая" in out and "2014 тамызы" in out


# pdftotext (reading order) of a LibreOffice four-column page that lost its line-end hyphens
# (NTREX bbc, ``lo-news-lost-text``): poppler joined the breaks inside each column itself
COLUMNS = (
    'Альфредо\n'
    'Морелос\n'
    'қақпашы Келли тойтарған соққыны алып\n'
    'өтті. Скотт Питтманды Рейнджерстің қақпашысы Аллан МакГрегор аяғынан шалды, ал Литгоу Ливингстонның басқа стандартты тәсілінде есесін қайтарды.\n'
    'Ливингстонның\n'
    'айып алаңына қайтақайта көлденең пас\n'
    'кірді де, соншама рет\n'
    'тойтарылды, әйтсе де\n'
    'екі айыпдоп соғу- бірі\n'
    'Халкетт Гленн Миддлтонның өзін ауыстырып шығуына қарсылығы үшін, екіншісі\n'
    'допты\n'
    'қолмен\n'
    'ұру\n'
    'үшін берілді. Ливингстон “таң қалдырды” –\n'
    'талдау Би-би-си Шотландия арнасының түсініктемешісі Аласдер\n'
    'Ламонт Тони Макарони Арена стадионынан\n'
    'Ливингстон\n'
    'үшін\n'
    'таңғаларлық\n'
    'ойын\n'
    'мен нәтиже. Жоғарыға осылай өрлеп келіп, бірі де қалмастан\n'
    'кереметтей ойымыздан шықты. Олардың\n'
    'ойнау мәнері мен құрамы жоғары дәреже\n'
    '\n'
    'ге қайта оралғаннан\n'
    'бері ешбір өзгерген\n'
    'жоқ, бірақ жоғары марапат келгелі бері командаға жан бітіріп,\n'
    'еңбегін аямаған Холтқа тиесілі.\n'
    'Оның\n'
    'қаһарман\n'
    'ойыншылары қаншама десеңізші. Капитан\n'
    'Халкетт керемет шабуыл ұйымдастырып,\n'
    'теңдессіз ойын көрсетті, ал Менга Коннор Голдсон мен Джо\n'
    'Уорраллды ойынның'
)


def test_a_column_end_is_joined_also_in_a_text_with_a_hyphen_and_space():
    # ``соғу- бірі`` (a dash typed without its leading space) kept the text off the column-end
    # visit; the word cut where the column ends (``дәреже⏎⏎ге``) is joined all the same
    out = dehyphenate(COLUMNS)
    assert "құрамы жоғары дәрежеге қайта оралғаннан" in out
    assert "екі айыпдоп соғу- бірі" in out  # the typed dash stays
    assert [d.rule for d in explain_breaks(COLUMNS) if d.left == "дәреже"] == ["column_end"]
