"""Round 19, issue 15 (task h22lost): in a text that loses its line-end hyphens, a break in a block of
short lines not read as prose is joined when the word rules join it (``layout.short_block_join``;
docs/dehyphenate.md, "Round 19 short blocks"). Real Kazakh text: a PDF dev extraction
(tex-news-lost-render, pdftotext) of the KazQAD article kazqad-lit0311lit (dev, CC BY-SA 4.0), whose
hyphens were lost; the page number cuts the column into a block of short lines."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

NOVEL = ("ген. Романда қалың\nмал әлегі, қазақ қы\nзының аянышты да\nарманды\nтағдыры\nнанымды\nбейнеле\n\n1\n\n"
         "нумен қатар дала\nтіршілігіндегі әлеу\nметтік теңсіздіктің,\nжолсыздықтың сан\nалуан көрінісі ба\n"
         "тыл әшкереленген.\nЕл билеуші әкімдер\nмен үстем тап өкіл\nдеріне\nқарсылық\nбілдірген кедей бұ\n"
         "қарасының әрекеті\nшыншылдықпен су\nреттелген.\n\n\x0c")


def test_short_block_break_the_word_rules_join_is_joined():
    out = dehyphenate(NOVEL)
    assert "көрінісі батыл әшкереленген." in out and "шыншылдықпен суреттелген." in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(NOVEL) if d.pass_no == 1}
    assert rules[("ба", "тыл")] != "narrow_block_not_prose"
    assert dehyphenate(out) == out


def test_short_block_break_the_word_rules_do_not_join_stays_a_line_break():
    # two words (``сан алуан``) and ``әкімдер⏎мен`` (the conjunction or the instrumental: the rules
    # do not join it) keep the block's line breaks, as before
    out = dehyphenate(NOVEL)
    assert "жолсыздықтың сан\nалуан" in out and "әкімдер\nмен үстем" in out


# the same layout, pypdf (no space glyphs on some lines): kazqad-lit0153lit and kazqad-bio1019bio (dev, CC BY-SA 4.0)
JAMBYL = ("адамдарыныңбатыр\nлығын, КСРО халық\nтарының мызғымас\nдостығын жыр етті.\n*1943жылымайдан\nда Жамбылдың ұлы\n"
          "Алғадайқазатапты.\nБұлжөніндеақынға\nхабар жеткенде, ол\nбіраз үнсіз отырып\nбарып, қайғылы ха\nбарға өлеңмен жа\n"
          "уапберді. *Жамбыл\nдың ақырғы жыры\n")
BIOSPHERE = ("фераның жоғарғы\nшекарасы атмосфе\nрада 30 км биіктік\nке дейін, төменгі\nшекарасы құрлықта\n"
             "жербетінен4—5км\nтерендікте, Дүние\nжүзілік мұхитта ең\nтерең ойыстың тү\nбімен өтеді.")


def test_a_word_glued_after_a_number_is_judged_without_the_number():
    # ``1943жылымайдан⏎да``: the word rules read ``жылымайдан`` (the letters after the last digit), as they
    # read ``жарты`` in ``2-жарты⏎сында``; before, a piece opening with a digit was always left apart
    out = dehyphenate(JAMBYL)
    assert "*1943жылымайданда Жамбылдың" in out and dehyphenate(out) == out
    # a unit after the number (no vowel: ``км``) is no word piece: the break stays a space
    assert "4—5км терендікте," in dehyphenate(BIOSPHERE)
