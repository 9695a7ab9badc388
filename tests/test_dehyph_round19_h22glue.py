"""Round 19 (issue 15, h22glue): fewer words glued where line-end hyphens are lost, on real Kazakh text
(sentences of the PDF dev documents ntrex-bbc.381669, kazqad-lit0366lit and kazqad-bio0636bio; none from a
test split)."""

from kaznlp.dehyphenate import dehyphenate
from kaznlp.dehyphenate.lost_hyphens import open_pairs
from tests.dehyph_lost_text import BASE
from tests.dehyph_lost_text import why as _why


def test_an_open_phrase_the_lexicon_also_hyphenates_gets_no_lost_hyphen():
    # the corpus lexicon holds ``денсаулық-сақтау`` (seen once), the same corpus writes ``денсаулық
    # сақтау`` 70 times (data/dehyph_open_pairs_kk.txt): an open phrase, not a pair word
    src = BASE + "\nРесми денсаулық\nсақтау өкілдерінің деректеріне сай, бұл елде жаңа жағдай тіркелген."
    out = dehyphenate(src)
    assert "денсаулық сақтау өкілдерінің" in out
    assert "оңтүстік-батысында" in out and "жауын-шашын" in out and "сондай-ақ" in out  # pair words keep theirs
    assert ("денсаулық", "сақт") in open_pairs() and ("жауын", "шашы") not in open_pairs()
    assert dehyphenate(out) == out


def test_the_conjunction_after_a_hyphenated_pair_word_stays_apart():
    # the glue counts (``...ді не`` 11 : ``...діне`` 1,552) alone glued the conjunction to a pair word the
    # learned layer cannot read; the instrumental before a verb is still joined, and the locative ``-да``
    # of a pair word is left to the counts (``интернет-ресурсын⏎да`` is ``интернет-ресурсында``)
    src = BASE + ("\nТасбақалардың денесі сүйекті-мүйізді\nне сүйекті-терілі сауытпен қапталған. Олар күнделікті"
                  " іс-әрекеті\nмен айналысады. Ақпарат әкімдіктің интернет-ресурсын\nда орналастырылсын.")
    out = dehyphenate(src)
    assert "сүйекті-мүйізді не сүйекті-терілі" in out and "іс-әрекетімен айналысады" in out
    assert "интернет-ресурсында орналастырылсын" in out
    assert _why(src)[("сүйекті-мүйізді", "не")][0] == "space"
    assert dehyphenate(out) == out


def test_no_syllable_starts_with_a_vowel_where_words_break_at_syllables():
    # ``қан⏎ұюы``, ``боп⏎ағуы``: in a text that lost its line-end hyphens the breaks are hyphenation points,
    # and no syllable inside a word starts with a vowel; the learned layer no longer joins them
    src = BASE + ("\nБауыр организмдегі су мөлшерін сақтауға, қан\nұюы, ақуыз, май және көміртек алмасуына қатысады."
                  " Ақынның көз жасының көл боп\nағуы, қайғысы мен мұңы жырда айтылады.")
    out = dehyphenate(src)
    assert "қан ұюы" in out and "көл боп ағуы" in out
    assert _why(src)[("қан", "ұюы")] == ("space", "no_syllable_break_lost")
    assert dehyphenate(out) == out


def test_a_third_part_of_a_hyphenated_name_keeps_its_hyphen():
    # NTREX-128 ntrex-bbc.381746 (dev), a hyphenating column: ``Би-би-⏎си`` (the lexicon's ``би-би-сиге``)
    src = ("Ливингстон “таң қал-\nдырды” – талдау Би-би-\nси Шотландия арнасы-\nның түсініктемешісі Том Ин-\n"
           "глиш матчтан кейін айт-\nты. Команда жеңіске жет-\nті деп хабарлады.")
    out = dehyphenate(src)
    assert "талдау Би-би-си Шотландия арнасының" in out and "қалдырды" in out and "айтты" in out
    assert dehyphenate(out) == out
