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
