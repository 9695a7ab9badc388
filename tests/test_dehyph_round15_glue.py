"""Round 15, issue 15 (task h18glue): words wrongly glued in lost-hyphen layouts (docs/dehyphenate.md,
"Round 15 rules"). Each test is real Kazakh text (a PDF dev extraction of a KazQAD article, CC BY-SA 4.0,
whose hyphens were lost) and fails without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

# kazqad-bio0827bio-14577 (dev), tex-news-lost-text, pypdf: a narrow column whose break hyphens were
# lost, with two words written letter by letter ("ф и з и к а л ы қ") and cut inside
SPACED = ("факторлар\nАбиотикалық\nфакторлар (\"a\" — те\nріс және \"bіotіkos\"\n— тірішілік, өмір) —\n"
          "бейорганикалық ор\nтаның тірі организ\nмдерге жасайтын\nтікелей немесе жа\nнама әсерлерінің\n"
          "жиынтығы; сырт\nқы ортаның бейор\nганикалық, физика\nлық және химиялық\nжағдайлары.\n"
          "Ол \"ф и з и к а л ы\nқ\" абиотикалық фак\nтор (температура,\nжарық, жел, ылғал\nдылық, атмосфера\n"
          "ның қысымы, ағыс\nтар, радиациялық\nдеңгей, радиоак\nтивті сәуле шығару\nт.б.), \"х и м и я л\n"
          "ы қ\" Абиотикалық\nфактор (атмосфе\nра, су, қалдық")


def test_letter_spaced_word_keeps_its_spaces_at_a_break():
    out = dehyphenate(SPACED)
    assert 'Ол "ф и з и к а л ы қ" абиотикалық фактор' in out
    assert 'т.б.), "х и м и я л ы қ" Абиотикалық фактор' in out
    assert "бейорганикалық ортаның тірі организмдерге" in out  # the column's broken words still join
    rules = {(d.left, d.right): d.rule for d in explain_breaks(SPACED)}
    assert rules[("л", "ы")] == rules[("ы", "қ")] == "single_letters"

# kazqad-bio0817bio-48200 (dev), lo-news-lost-text, pypdf: a Cyrillic word before a Latin one
PLASTID = ("Хлоропласт\nХлоропласт  (грек.\nchloros — жасыл және\nplastos  —  соғып  жа\nсау)  —  фотосинтез\n"
           "процесін жүзеге  асы\nратын  өсімдіктердің\nжасуша  ішкілік  орга\nноиды.  Жарықсыз\n"
           "өсірген  өсімдіктерде\nболатын  этиопластар\nжарықтың  әсерінен\nжасыл  түске  боялып,\n"
           "хлоропластқа айнала\nды. Осы айналу бары\nсында  ішкі")


def test_latin_and_cyrillic_words_stay_apart_at_a_break():
    out = dehyphenate(PLASTID)
    assert "chloros — жасыл және plastos" in out
    assert "жасау)" in out and "асыратын" in out and "айналады." in out  # the broken words still join
    rules = {(d.left, d.right): d.rule for d in explain_breaks(PLASTID)}
    assert rules[("және", "plastos")] == "script_change_apart"

# kazqad-lit0214lit-28556 (dev), tex-news-lost-text, pypdf: ``есіл`` and ``ер`` are words, and no
# syllable inside a word starts with a vowel after the consonant ``л``
POET = ("қарама\nқайшы жайларды\nтартыстыру арқылы\nойды жасырын түр\nде жеткізе білетін\nкөркемдік шебер\n"
        "лікте. Мыс., \"“Қай\nтсін, қолы тимеп\nті, Өлеңші, әнші,\nесіл ер! Ала жаздай\nән салсаң, Селкіл\n"
        "де де, билей бер”\".\nАбайдың \"“Шегірт\nке мен құмырсқа”\"\nатты мысал өлеңін\nдегі осы бір шумақ\n"
        "тағы \"“қайтсін, қо\nлы тимепті”\" дегені\nалғашқы бір сәтте\nжаны ашып аяған\nдай көрінсе де, одан\n"
        "әрі бұл сөздері де,\n\"“өлеңші, әнші, есіл\nер”\" деп мадақтауы\nда кекесін екені бір\nден аңғарылады да,\n")


def test_no_syllable_break_between_two_words_is_not_overruled():
    out = dehyphenate(POET)
    assert "“өлеңші, әнші, есіл ер”" in out
    assert "көркемдік шеберлікте." in out and "өлеңіндегі осы бір шумақтағы" in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(POET)}
    assert rules[("есіл", "ер")] == "no_syllable_break_word"

# kazqad-bio0114bio-22814 (dev), tex-news-lost-text, pypdf: a Kazakh surname cut before its ending
EMBRYO = ("тында акад. Мұха\nмедғалиевтің бас\nшылығымен бастал\nды. Республика ға\nлымдарының зерт\n"
          "теулерінің нәтиже\nсінде құрсақтағы\nқозы (Шағыров, А.Т.\nҚазатаев, т.б. ),\nқұлын (Қ.Ш. Бай\n"
          "мұхаметов), торай\nдың (Н.С. Панчен\nко, т.б.) сырт пі\nшіні сипатталып,\nдене мүшелерінің\n")


def test_kazakh_name_before_a_surname_ending_joins():
    out = dehyphenate(EMBRYO)
    assert "құлын (Қ.Ш. Баймұхаметов), торайдың" in out
    assert "Мұхамедғалиевтің басшылығымен басталды." in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(EMBRYO)}
    assert rules[("Бай", "мұхаметов")] == "surname_ending"


def test_round15_glue_outputs_are_idempotent():
    for text in (SPACED, PLASTID, POET, EMBRYO):
        once = dehyphenate(text)
        assert dehyphenate(once) == once
