"""Issue 15, round 9: real hyphens kept and justified breaks joined, found on the doubled PDF dev set
(the texts come from its dev documents: KazQAD bio/lit, NTREX scotsman; none from a test split)."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks, judge

# hyphenated text around each case, so that the document marks its word breaks
HEAD = "Көмірсулардың гликолиздік ыды-\nрауына қатысатын ферменттер бар. "


def test_a_vowel_then_i_after_a_line_end_hyphen_keeps_the_hyphen():
    # KazQAD bio: after a vowel Kazakh writes й, so и opens no syllable there and the hyph-kk
    # patterns never break a word before it: the hyphen is the compound's own
    text = HEAD + "Мысалы, фосфогексо-\nизомераза, альдолаза ферменттері қатысады."
    assert "фосфогексо-изомераза," in dehyphenate(text)
    assert judge("фосфогексо", "изомераза").rule == "vowel_before_i"
    # a consonant-like у after a vowel is a syllable start, and the word still joins
    assert judge("ту", "уды").decision == "join"


def test_justification_space_before_a_line_end_hyphen_is_a_word_break():
    # pdftotext -layout of a LibreOffice justified page (KazQAD lit, NTREX scotsman): the stretch
    # sits between the word and its hyphen; a dash typed between two words (``Абай -⏎ақын``) stays
    text = ("Жамбыл Жабайұлы – қазақ ха -\nлық поэзиясының әйгілі тұлғасы, өлең сөздің дүл-\nдүлі, жырау, жыр-\n"
            "шы. Бәріміз білетіндей, қар -\nсылас жақтағылар да – әлемнің ең мықты ойыншы-\nлары. Абай -\nақын еді. "
            "Сцифоидтар (сцифос -\nтабақша) класына жатады.")
    out = dehyphenate(text)
    assert "қазақ халық поэзиясының" in out and "білетіндей, қарсылас жақтағылар" in out
    assert "Абай - ақын еді." in out and "(сцифос - табақша)" in out  # typed dashes: two words to the character model
    rules = [d.rule for d in explain_breaks(text)]
    assert rules.count("spaced_line_end_hyphen") == 2
    assert dehyphenate(out) == out
