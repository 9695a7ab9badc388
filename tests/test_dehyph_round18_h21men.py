"""Round 18, issue 15 (task h21men): ``мен/бен/пен`` and ``да/де`` at a lost line end, the conjunction or
particle written apart against the case ending written joined (docs/dehyphenate.md, "Round 18 particles").
Each test is real Kazakh text (PDF dev extractions of KazQAD articles and NTREX news, CC BY-SA 4.0, whose
hyphens were lost) and fails without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks, judge

# kazqad-lit0080lit-71939 (dev), tex-news-lost-text, pypdf: a capital on both sides of ``мен``
NAMES = ("Musulman» журна\nлы ұлт, дін және\nәлемдік келісім мен\nтатулыққа еңбек\nсіңіргені үшін Ис\n"
         "маил Гаспринскийді\nНобель сыйлығына\nұсынды. * 1909 жыл\n- Ахмет Байтұрсы\nнұлы «Қарқаралы\n"
         "да өкіметке қарсы\nәрекеттер жасады»\nдеген айыппен тұт\nқындалып, 2 жылға\nжер аударылды. *\n"
         "1909 жыл - Шәкәрім\nмен Кәкітай Ә.Бө\nкейханға хат жазып,\n«Қарауыл мұжыққа\nкетіп барады. 15\n"
         "десятинадан жер\nалайық па?» деп\nсұраған. Әлихан:\n«Бұл жолсыз қоқан\nлоққы. Құнанбай\n"
         "баласы Тобықтыға\nмұрындық болды\nдеген атқа қалар\nсың. Не болса да\nжұртпен көр» деп\n")

# kazqad-bio0885bio-27962 (dev), tex-news-lost-text, pypdf: ``тежеу.`` ends the sentence but is a noun
NOUN_AT_END = ("аса қозғыш және\nқозуды тез өткізе\nтін өсінділері бар\nжүйке клеткасы\nнейрон деп атала\n"
               "ды. Оның атқара\nтын қызметі – қозу\nмен тежеу. Жүйке\nжүйесі филогенез\nпроцесінде күрделі\n"
               "өзгеріске ұшыра\nған. Қарапайым\n")

# kazqad-bio0260bio-70802 (dev), tex-news-lost-render, pdftotext: ``байытылады`` is a present tense
PRESENT = ("тамырлар тарамда\nлып, қылтамырлар\nға бөлінеді.\nКіші қанайналым\nшеңбері деп аталу\n"
           "себебі - қан тек өкпе\nге барып, оны оттегі\nмен байытылады да\nқайтадан жүрекке\nкеледі. Бұл қанайна\n"
           "лым шеңберін кей\nде \"өкпелік шеңбер\"\n")

# ntrex-telegraph.405404 (dev), tex-news-lost-text, pypdf: ``да`` repeated after the next word
SERIES = ("келді. Мен отбасы\nлар мен адамдармен\nқоршалған жағдай\nда болғандықтан,\nайқайлай да, жылай\n"
          "да, шыңғыра да ал\nмадым. Маған шы\nнымен де барлығын\n")

# ntrex-rt.com.91356 (dev), tex-news-lost-text, pypdf: ``?`` one word after ``ме``
QUESTION = ("қа мәлімдеді. «Сіз\nқателесіп жасаған\nболсаңыз да, өзі\nңіз дөрекі қарым\nқатынас көрсеткен\n"
            "адамның қолына ба\nлаларыңызды берер\nме едіңіз?\nЖаңа туылған\nнәрестені? Келі\nңіз.\" Арызды бопса\n"
            "лаушылыққа ұқса\n")


def test_men_between_two_capitalised_words_is_the_conjunction():
    out = dehyphenate(NAMES)
    assert "1909 жыл - Шәкәрім мен Кәкітай" in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(NAMES)}
    assert rules[("Шәкәрім", "мен")] == "conjunction_names"


def test_a_short_capitalised_piece_is_no_name():
    # ``“Еге⏎мен Қазақстан”`` (kazqad-lit1526lit): three letters are the start of ``Егемен``
    assert judge("Еге", "мен", "line_break", after=" Қазақстан”) газетінде").rule != "conjunction_names"


def test_a_noun_ending_the_sentence_is_no_verb_after_men():
    out = dehyphenate(NOUN_AT_END)
    assert "Оның атқаратын қызметі – қозу мен тежеу." in out


def test_a_present_tense_after_men_makes_it_the_instrumental():
    out = dehyphenate(PRESENT)
    assert "оны оттегімен байытылады да қайтадан" in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(PRESENT)}
    assert rules[("оттегі", "мен")] == "instrumental_before_verb"


def test_a_particle_after_men_makes_it_the_instrumental():
    # ntrex-scotsman.133791 (dev), lo-news-lost-text, pypdf: ``тек соғылған гол айырмашылығы⏎мен ғана``
    v = judge("айырмашылығы", "мен", "line_break", after="  ғана  Хиберниан")
    assert (v.decision, v.rule) == ("join", "instrumental_before_verb")


def test_birdei_governs_the_instrumental():
    # KazNERD (CC BY 4.0, not a PDF set source): ``жергілікті халықпен бірдей күн көруге``
    v = judge("халық", "пен", "line_break", after=" бірдей күн көруге мүмкіндік")
    assert (v.decision, v.rule) == ("join", "instrumental_before_verb")


def test_a_pair_written_apart_in_the_text_stays_apart():
    # kazqad-woh0426woh (dev), tex-news-lost-render, pdftotext: ``генерал Шарль⏎де Голль`` after
    # ``1958 жылы генерал Шарль де Голль елде`` within a line
    context = "1958 жылы генерал\nШарль де Голль ел\nде мемлекетті басқа\nрудың жаңа жүйесін енгізді."
    v = judge("Шарль", "де", "line_break", context=context, after=" Голль бастаған")
    assert (v.decision, v.rule) == ("space", "particle_written_apart")


def test_a_particle_repeated_in_a_series_stays_apart():
    out = dehyphenate(SERIES)
    assert "айқайлай да, жылай да, шыңғыра да алмадым." in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(SERIES)}
    assert rules[("жылай", "да")] == "particle_series"


def test_a_question_particle_before_the_question_mark_stays_apart():
    out = dehyphenate(QUESTION)
    assert "балаларыңызды берер ме едіңіз?" in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(QUESTION)}
    assert rules[("берер", "ме")] == "question_particle"


def test_round18_h21men_outputs_are_idempotent():
    for text in (NAMES, NOUN_AT_END, PRESENT, SERIES, QUESTION):
        once = dehyphenate(text)
        assert dehyphenate(once) == once
