"""Round 10, issue 15: the operating point for line-end hyphens without evidence (docs/dehyphenate.md,
rules ``unknown_join_two_words`` and ``soft_marked_text``). Each test fails without its rule."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks


def _rules(text: str) -> dict[str, str]:
    return {d.right: d.rule for d in explain_breaks(text) if d.pass_no == 1}


# a hyphenated text (TeX, LibreOffice): its line-end hyphens are mostly word breaks
CROMWELL = ("Кромвель 1653 жылы Лорд-\nпротектор атағын алып, мемлекет-\nті басқарды. Ол парламент-\n"
            "ті таратып, армияға сүйенді.\n")


def test_unknown_join_two_words_keeps_the_compound():
    out = dehyphenate(CROMWELL)
    assert "Лорд-протектор" in out
    assert "мемлекетті" in out and "парламентті" in out  # the suffix-chain joins are untouched
    assert _rules(CROMWELL)["протектор"] == "unknown_join_two_words"


def test_unknown_join_that_reads_as_one_word_still_joins():
    # nothing is known of ``Полиоксиальдегидтер`` either, but it reads as one word (split_gain > 0)
    text = "Бұл Полиок-\nсиальдегидтер деп аталатын қосылыстар тобы, олар-\nдың түрлері көп.\n"
    out = dehyphenate(text)
    assert "Полиоксиальдегидтер" in out and "олардың" in out


def test_soft_marked_text_keeps_its_line_end_hyphens():
    # the text breaks its words with soft hyphens; a hard hyphen at a line end is its own
    text = ("Делегацияға цифрлық қызметтер саласындағы ұлттық жетіс\xad\nтіктерді таныстырды, "
            "онда тау жолы қисық-\nтұйық болып, мемле\xad\nкеттік шекараға дейін созылатыны айтылды.\n")
    out = dehyphenate(text)
    assert "қисық-тұйық" in out and "жетістіктерді" in out and "мемлекеттік" in out
    assert _rules(text)["тұйық"] == "soft_marked_text"
    assert dehyphenate(out) == out


def test_hyphen_marked_text_with_one_soft_hyphen_is_not_soft_marked():
    # hard hyphens mark the breaks (2 of them against 1 soft hyphen): the suffix chain joins as before
    text = ("Делегацияға цифрлық қызметтер саласындағы ұлттық жетіс\xad\nтіктерді таныстырды, "
            "онда мемлекет-\nтің шекарасы мен парламент-\nтің жұмысы айтылды.\n")
    out = dehyphenate(text)
    assert "мемлекеттің" in out and "парламенттің" in out
