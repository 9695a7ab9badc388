"""Round 15, issue 15 (task h18lost): lost-hyphen layouts on the grown dev set (docs/dehyphenate.md,
"Round 15 rules"). Each test is real Kazakh text (a PDF dev extraction of a KazQAD article, CC BY-SA 4.0,
whose hyphens were lost) and fails without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

# kazqad-lit1973lit (dev), tex-news-lost-render, pdftotext -layout: a column end, read as a block of
# short lines; ``сағанда`` is only analysable (a stem + suffixes), ``жа`` no word, ``жасағанда`` analysable
RAID = ("    ауылына шабуыл жа\n    сағанда, Құралайды\n    тұтқынға алып, оған\n    бірден ғашық бола\n"
        "    ды. Алайда Құралай\n    Баянға ештеңе сезін\n    ген жоқ. Поэманың\n")

# kazqad-lit0104lit (dev), tex-news-lost-render, pdftotext: ``да`` is a word and a suffix chain, the
# block never writes ``жинағын да``, and the lexicon knows ``жинағында``
COLLECTION = ("жинағын\nда жарық көрген.\n\n1\n\nАнастасия Цветаева\nның Көкшетаудағы\nөміріне арналған эк\n"
              "спозиция Көкшетау\nқаласының тарихы\nмұражайында ашыл\nған болатын.")

# kazqad-lit0825lit (dev), tex-news-lost-text, pypdf: ``суреттер`` and ``қатар`` end alike, but ``қатар``
# is a postposition that governs the instrumental (``dehyph_postpositions_kk.txt``)
PICTURES = ("Шәкәрім Құдай\nбердіұлы\nҚұдайбердіұлы\nның прозалық шы\nғармаларында осы\nтәрізді айқын бояу,\n"
            "айшықты суреттер\nмен қатар, терең\nфилософия, халық\nданалығы, тарих\nтағлымы қоса еріліп\n"
            "жатады. Құдайбер\nдіұлының философ,\nтарихшы, ойшыл ре")


def test_short_block_piece_with_analysable_join_continues_the_word():
    out = dehyphenate(RAID)
    assert out.startswith("ауылына шабуыл жасағанда, Құралайды")
    rules = {(d.left, d.right): d.rule for d in explain_breaks(RAID) if d.pass_no == 1}
    assert rules[("жа", "сағанда")] != "narrow_block_not_prose"


def test_short_block_suffix_chain_with_known_join_continues_the_word():
    out = dehyphenate(COLLECTION)
    assert out.startswith("жинағында жарық көрген.")
    assert "Цветаеваның Көкшетаудағы" in out  # unchanged: the block after the page number


def test_men_before_a_postposition_is_the_instrumental_not_the_conjunction():
    out = dehyphenate(PICTURES)
    assert "айшықты суреттермен қатар, терең философия" in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(PICTURES)}
    assert rules[("суреттер", "мен")] != "conjunction_parallel"


def test_round15_outputs_are_idempotent():
    for text in (RAID, COLLECTION, PICTURES):
        once = dehyphenate(text)
        assert dehyphenate(once) == once
