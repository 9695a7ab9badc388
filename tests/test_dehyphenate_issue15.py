"""Issue 15, accuracy: real hyphens kept and lost-hyphen breaks joined, each rule on real Kazakh text
(the texts come from the dev documents of the synthetic and PDF test sets; none from a test split)."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks, judge

# a text that loses its line-end hyphens (the real ones too), long enough for the document prior
LOST_COMPOUNDS = ("Облыстың оңтүстік\nбатысында жаңбыр жауды, жауын\nшашын көп болды деп хабарлады. Метеоролог\n"
                  "тар бұл туралы айтып, халық\nқа ескертті. Сонымен қатар олар барлық\nбар ақпаратты берді, сондай\n"
                  "ақ басқа да жұмыстар атқарылды.")


def test_web_hyphen_space_after_a_letter_or_a_cut_word_keeps_the_hyphen():
    # KazQAD (Қазақ энциклопедиясы style): a letter + a suffix (``Э-інің``), a word cut after a
    # consonant + a suffix opening with two consonants (``Бат-нда`` for ``батысында``); no word
    # breaks after one letter, and no syllable inside a short word opens with two consonants
    assert dehyphenate("Адам Э- інің пішіні екі жағынан қысыңқы.") == "Адам Э-інің пішіні екі жағынан қысыңқы."
    assert dehyphenate("Тундра белдемі өтеді. Бат- нда орманды тундра бар.") == (
        "Тундра белдемі өтеді. Бат-нда орманды тундра бар.")
    assert judge("Э", "дің", "hyphen_space").rule == "cut_word_suffix"
    # a broken word still joins: the left piece is long or ends in a vowel, the piece opens with a syllable
    assert dehyphenate("Олар тұрақта- нады.") == "Олар тұрақтанады."
    assert judge("жүрт", "шылық", "hyphen_space").decision == "join"


def test_lost_real_hyphen_before_the_heading_rule_and_number_ranges():
    # a short line before a capitalised one read as a heading kept ``Сент⏎Луис`` apart; where
    # words lose their hyphens a name prefix before a capital, and two numbers (a range), were
    # one token with a hyphen. A thousands group (``375⏎000``) is no range.
    src = "\n".join([LOST_COMPOUNDS] * 6) + (
        "\nДауыл АҚШ-тың Сент\nЛуис қаласына жетті. Ол 1994\n1995 жылдары сол жерде тұрды, 375\n000 доллар жинады.")
    out = dehyphenate(src)
    assert "Сент-Луис қаласына" in out and "1994-1995 жылдары" in out and "375-000" not in out
    assert dehyphenate(out) == out
    why = {(d.left, d.right): (d.action, d.rule) for d in explain_breaks(src)}
    assert why[("Сент", "Луис")] == ("hyphen", "lost_real_hyphen")
    # a text that keeps its break hyphens writes two numbers on two lines as it likes
    assert dehyphenate("Ол 1994\n1995 жылдары тұрды.") == "Ол 1994\n1995 жылдары тұрды."


# PDF dev set, KazQAD lit0080 (LaTeX, narrow news column, hyphen glyphs dropped, pdftotext -layout)
NARROW_LOST = ("ғайды.      “Адасқан\nөмір” – Торайғыров\nшығармашылығы\nның зор табысы.\nМұнда ақын аз ғұ\n"
               "мырында       көзімен\nкөріп, ойымен түй\nген, білім-білігімен\nтаныған тұрмыс өт\nкелдерін өзіне ға\n"
               "\x0cна тән асқақ үнмен\nашына, ақтара жыр\nлайды.   Поэманың\nлирикалық    кейіп\nкері түрлі кәсіп\n"
               "пен шұғылданса да,\nешбірінен қанағат,")


def test_suffix_only_line_continues_the_word_in_a_narrow_block():
    # a block of short lines not read as prose keeps its breaks (a list, a table column), but a
    # line opening with a bare suffix chain that is no word (``лайды``) can only continue a word
    out = dehyphenate(NARROW_LOST)
    assert "ақтара жырлайды." in out
    why = {(d.left, d.right): d.rule for d in explain_breaks(NARROW_LOST)}
    assert why[("кейіп", "кері")] == "narrow_block_not_prose"  # ``кері`` is a word: the block decides
    assert dehyphenate(out) == out
