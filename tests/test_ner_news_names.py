"""The name steps of kaznlp.ner.news_names (issue 13, round 11), on Kazakh news and legal text: KazNERD
(CC BY 4.0) where marked, else sentences written for the tests in the shapes of the news dev sources
(the GPL crawl is not quoted; tests/test_no_gpl_quotes.py). Each test fails without its step."""

from __future__ import annotations

from kaznlp.ner.news_names import (acronym_body, award_names, body_head, genitive_person, honorific_person, named_after, named_period,
                                    news_names, organisation_chain, person_institution, place_facility, place_organisation, quoted_legal,
                                    roman_ordinal)
from kaznlp.ner.rules import postprocess
from tests.ner_spans import shown as _show
from tests.ner_spans import spans_of as _spans


def test_named_period():
    t = "Ұлы Отан соғысы жылдарында ауылда еңбек еткен әжелерді еске алдық"
    model = _spans(t, [("Ұлы Отан соғысы", "EVENT")])
    assert _show(t, named_period(t, model)) == [("Ұлы Отан соғысы жылдарында", "DATE")]
    t = "Ұлы Отан соғысына қатысушылар"  # the war itself stays an EVENT
    model = _spans(t, [("Ұлы Отан соғысына", "EVENT")])
    assert named_period(t, model) == model


def test_award_names():
    t = "Ардагер Даңқ орденінің үш дәрежесін және Еңбек Даңқы орденінің екі дәрежесін алған"
    model = _spans(t, [("Даңқ", "PERSON"), ("үш", "CARDINAL"), ("Еңбек Даңқы орденінің", "POSITION"), ("екі", "CARDINAL")])
    assert _show(t, award_names(t, model)) == [("Даңқ орденінің", "ART"), ("үш", "CARDINAL"),
                                                ("Еңбек Даңқы орденінің", "ART"), ("екі", "CARDINAL")]
    t = "Қытайдың ең жоғары орденін табыс етті"  # a state in the genitive owns the order: no name of it
    model = _spans(t, [("Қытайдың", "GPE")])
    assert award_names(t, model) == model


def test_place_organisation():
    t = "2013 жылы Жамбыл облысы Әділет департаментінде тіркелді."
    model = _spans(t, [("2013 жылы", "DATE"), ("Жамбыл облысы", "GPE"), ("Әділет департаментінде", "ORGANISATION")])
    assert _show(t, place_organisation(t, model))[1] == ("Жамбыл облысы Әділет департаментінде", "ORGANISATION")
    t = "Нидерланды Корольдігі Есеп сотының өкілдері келді."
    model = _spans(t, [("Нидерланды Корольдігі", "GPE"), ("Есеп сотының", "ORGANISATION")])
    assert _show(t, place_organisation(t, model)) == [("Нидерланды Корольдігі Есеп сотының", "ORGANISATION")]
    # a bare place (a verb's subject), a place in the locative, a quoted name: apart
    for t, words in (("Қазақстан Түркі кеңесінің мүшесі болды.", [("Қазақстан", "GPE"), ("Түркі кеңесінің", "ORGANISATION")]),
                     ("Астанадағы Ұлттық музейде", [("Астанадағы", "GPE"), ("Ұлттық музейде", "ORGANISATION")]),
                     ("Тараз қаласы «Нұр банк» АҚ филиалы", [("Тараз", "GPE"), ("«Нұр банк» АҚ", "ORGANISATION")])):
        model = _spans(t, words)
        assert place_organisation(t, model) == model


def test_roman_ordinal():
    t = "«Парасат» орденімен (2011), III дәрежелі «Барыс» орденімен де марапатталды"
    model = _spans(t, [("Парасат", "ART"), ("2011", "DATE"), ("III", "DISEASE"), ("Барыс", "ART")])
    assert ("III", "ORDINAL") in _show(t, roman_ordinal(t, model))
    t = "I және II дәрежелі «Ана Даңқы» орденімен"
    assert _show(t, roman_ordinal(t, _spans(t, [("Ана Даңқы", "ART")])))[0] == ("I және II", "ORDINAL")
    # a king's number inside his name, a century, an initial: left
    for t, words in (("Петр III таққа отырғаннан кейін", [("Петр III", "PERSON")]),
                     ("XV ғасыр ортасына қарай", []), ("І.Жансүгіровтің поэмасы", [("І.Жансүгіровтің", "PERSON")])):
        model = _spans(t, words)
        assert roman_ordinal(t, model) == model


def test_acronym_body():
    t = "Халықаралық түркі мәдениеті ұйымы ТҮРКСОЙ мен ЕКА-ның өкілдері АҚШ-қа және ҚАЗАҚСТАН арқылы барды."
    model = _spans(t, [("ТҮРКСОЙ", "GPE"), ("ЕКА-ның", "GPE"), ("АҚШ-қа", "GPE"), ("ҚАЗАҚСТАН", "GPE")])
    assert _show(t, acronym_body(t, model)) == [("ТҮРКСОЙ", "ORGANISATION"), ("ЕКА-ның", "ORGANISATION"),
                                                 ("АҚШ-қа", "GPE"), ("ҚАЗАҚСТАН", "GPE")]
    t = "1941 жылғы 22 маусымнан бастап Украин КСР-і, Беларусь КСР-і, Литва КСР-і аумақтарында"
    model = _spans(t, [("Украин КСР-і", "POSITION"), ("Беларусь КСР-і", "POSITION"), ("Литва КСР-і", "GPE")])
    assert {lab for _, _, lab in news_names(t, model)} == {"GPE"}


def test_place_facility():
    t = "Делегация Астана әуежайында қарсы алынды, жүк Ақтау теңіз портын арқылы жөнелтілді."
    model = _spans(t, [("Астана", "GPE"), ("Ақтау", "GPE")])
    assert _show(t, place_facility(t, model)) == [("Астана әуежайында", "FACILITY"), ("Ақтау теңіз портын", "FACILITY")]
    # two places joined by мен share the word (KazNERD: [Семей] мен [Қостанай] әуежайының); a place alone stays
    t = "Семей мен Қостанай әуежайының ұшу-қону жолағы жаңартылды, Алматыда әуежайда"
    model = _spans(t, [("Семей", "GPE"), ("Қостанай", "GPE"), ("Алматыда", "GPE")])
    assert place_facility(t, model) == model


def test_honorific_person():
    t = "Аудандық мешіт басқармасының төрағасы Серік қажы Бекұлының ұсынысы"
    model = _spans(t, [("Аудандық мешіт басқармасының төрағасы", "POSITION"), ("Серік", "PERSON"),
                       ("қажы", "POSITION"), ("Бекұлының", "PERSON")])
    assert _show(t, honorific_person(t, model))[1:] == [("Серік қажы Бекұлының", "PERSON")]
    t = "Ал Наурызбай қажы артылған міндетті абыроймен атқаруға бар күшін салатынын айтты."  # KazNERD: apart
    model = _spans(t, [("Наурызбай", "PERSON"), ("қажы", "POSITION")])
    assert honorific_person(t, model) == model


def test_quoted_legal():
    t = "Жәрмеңкеге он ел қатысады, деп хабарлайды «Астана ЭКСПО-2017» ҰК» АҚ."
    model = _spans(t, [("«Астана ЭКСПО-2017» ҰК", "ORGANISATION")])
    assert _show(t, quoted_legal(t, model)) == [("«Астана ЭКСПО-2017» ҰК» АҚ", "ORGANISATION")]
    t = "«Каспий» ӘКК» ҰК» АҚ 1,6 млрд. теңге сомасындағы қаражатты аударған."
    model = _spans(t, [("Каспий", "LOCATION"), ("ӘКК", "ORGANISATION"), ("ҰК", "ORGANISATION"), ("1,6 млрд. теңге", "MONEY")])
    assert _show(t, quoted_legal(t, model))[0] == ("«Каспий» ӘКК» ҰК» АҚ", "ORGANISATION")
    t = "жетекшісі Б.Омаровпен «Мейірім» ЖДБ (жетекшісі С.Ахметов) келді"  # the ЖДБ row
    model = _spans(t, [("Б.Омаровпен", "PERSON"), ("ЖДБ", "ART"), ("С.Ахметов", "PERSON")])
    assert _show(t, quoted_legal(t, model))[1] == ("«Мейірім» ЖДБ", "ORGANISATION")
    t = "«Наргиз» ЖШС директоры Нұрлан Төлеулов"  # a POSITION reaching out of the name: kept
    model = _spans(t, [("«Наргиз» ЖШС директоры", "POSITION"), ("Нұрлан Төлеулов", "PERSON")])
    assert quoted_legal(t, model) == model


def test_genitive_person():
    t = "Президент Арман Серікұлы Бекеновтің Жолдауында айтылғандай"
    model = _spans(t, [("Президент", "POSITION"), ("Арман Серікұлы Бекеновтің Жолдауында", "PERSON")])
    assert _show(t, genitive_person(t, model))[1] == ("Арман Серікұлы Бекеновтің", "PERSON")
    t = "Акушерка Искакова Баянның Мұратқызының біліктілігінің арқасында"  # KazNERD: genitive throughout, one PERSON
    model = _spans(t, [("Искакова Баянның Мұратқызының", "PERSON")])
    assert genitive_person(t, model) == model


def test_organisation_chain():
    t = "ОҚО Әділет департаментінің Түлкібас ауданының Әділет басқармасына 2015 жылы 4 наурызда өтініш берді."
    model = _spans(t, [("Әділет департаментінің", "ORGANISATION"), ("Түлкібас ауданының Әділет басқармасына", "ORGANISATION"),
                       ("2015 жылы 4 наурызда", "DATE")])
    want = ("ОҚО Әділет департаментінің Түлкібас ауданының Әділет басқармасына", "ORGANISATION")
    assert _show(t, organisation_chain(t, model))[0] == want
    model[0] = (model[0][0], model[0][1], "POSITION")  # the model's POSITION on a body's head word
    assert _show(t, organisation_chain(t, model))[0] == want
    t = "Мемлекет басшысының Парламент сессиясын ашып беруі"  # KazNERD: a person's post owns the session: apart
    model = _spans(t, [("Мемлекет басшысының", "POSITION"), ("Парламент", "ORGANISATION")])
    assert organisation_chain(t, model) == model


def test_named_after():
    t = "1994-1997 жылдар аралығында С.М. Киров атындағы Қазақ педагогикалық институтында сабақ берді"
    model = _spans(t, [("1994-1997 жылдар аралығында", "DATE"), ("С.М.", "PERSON"),
                       ("Киров атындағы Қазақ педагогикалық институтында", "ORGANISATION")])
    assert _show(t, named_after(t, model))[1] == ("С.М. Киров атындағы Қазақ педагогикалық институтында", "ORGANISATION")
    t = "Оқытушылар арасында: Л.Н. Гумилев атындағы Еуразия ұлттық академиясы"
    for words in ([("Л.Н. Гумилев", "PERSON"), ("атындағы Еуразия ұлттық академиясы", "ORGANISATION")],
                  [("Л.Н. Гумилев", "PERSON"), ("Еуразия ұлттық академиясы", "ORGANISATION")]):
        assert _show(t, named_after(t, _spans(t, words))) == [("Л.Н. Гумилев атындағы Еуразия ұлттық академиясы",
                                                              "ORGANISATION")]
    t = "Б.Омаровтың Қарусыздану жөніндегі конференцияның жабылу салтанатында"  # no атындағы: apart
    model = _spans(t, [("Б.Омаровтың", "PERSON"), ("Қарусыздану жөніндегі конференцияның", "ORGANISATION")])
    assert named_after(t, model) == model


def test_body_head():
    t = "рұқсаттар Қазақстан Республикасы Туризм министрлігі Кітап-баспа ісі комитетінің ұсынысы бойынша беріледі."
    model = _spans(t, [("Қазақстан Республикасы Туризм министрлігі Кітап-баспа ісі", "ORGANISATION")])
    assert _show(t, body_head(t, model)) == [
        ("Қазақстан Республикасы Туризм министрлігі Кітап-баспа ісі комитетінің", "ORGANISATION")]
    t = "Парламент Мәжілісінің тұрақты комитеттері"  # a plural, a word between: apart
    model = _spans(t, [("Парламент Мәжілісінің", "ORGANISATION")])
    assert body_head(t, model) == model


def test_person_institution():
    t = "Мектептерге Назарбаев Зияткерлік мектептерінің тәжірибесін тарату."
    model = _spans(t, [("Назарбаев", "PERSON")])
    assert _show(t, person_institution(t, model)) == [("Назарбаев Зияткерлік мектептерінің", "ORGANISATION")]
    t = "Әдия , Әдина , Әдиет мектепке барады ."  # KazNERD: a child going to school (no possessive): a PERSON
    model = _spans(t, [("Әдия", "PERSON"), ("Әдина", "PERSON"), ("Әдиет", "PERSON")])
    assert person_institution(t, model) == model


def test_acronym_body_before_place_organisation():
    t = "Қазақстан Республикасы ҰҚК ардагерлеріне"
    out = news_names(t, _spans(t, [("Қазақстан Республикасы", "GPE"), ("ҰҚК", "GPE")]))
    assert _show(t, out) == [("Қазақстан Республикасы ҰҚК", "ORGANISATION")]


def test_news_names_runs_in_postprocess():
    t = "Ұлы Отан соғысы жылдары еңбек еткен адамдар"
    out = postprocess(t, ((0, len(t)),), _spans(t, [("Ұлы Отан соғысы", "EVENT")]))
    assert ("Ұлы Отан соғысы жылдары", "DATE") in _show(t, out)
    assert news_names("Тоқаев келді.", [(0, 6, "PERSON")]) == [(0, 6, "PERSON")]
