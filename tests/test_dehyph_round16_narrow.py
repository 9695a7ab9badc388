"""Round 16, issue 15 (task h19narrow): in a text that loses its line-end hyphens, a narrow block cut from
its column at both ends (by a page or column end) is prose even when its own votes are too few
(docs/dehyphenate.md, "Round 16 layout"). Real Kazakh text: a PDF dev extraction (tex-news-lost-text,
pdftotext -layout) of the KazQAD article kazqad-lit0080lit (dev, CC BY-SA 4.0), whose hyphens were lost;
fails without layout._runs_on."""

from kaznlp.dehyphenate import dehyphenate, explain_breaks

POEM = ("поэмаларының не\nгізгі сарыны қоғам\nдағы     әділетсіздік\nсебептерін ашу, тең\nдікті іздеу болып\n"
        "табылады.       Ақын\nбұл жайларды қазақ\nауылы шеңберінен\nшығып, капиталис\nтік қоғамға тән мә\n"
        "селелер ретінде қоз\nғайды.      “Адасқан\nөмір” – Торайғыров\nшығармашылығы\nның зор табысы.\n"
        "Мұнда ақын аз ғұ\nмырында       көзімен\nкөріп, ойымен түй\nген, білім-білігімен\nтаныған тұрмыс өт\n"
        "келдерін өзіне ға\n\x0cна тән асқақ үнмен\nашына, ақтара жыр\nлайды.   Поэманың\nлирикалық    кейіп\n"
        "кері түрлі кәсіп\nпен шұғылданса да,\nешбірінен қанағат,\nтеңдік таппай, әді\n\n\n\n\n"
        "                      2\n    летті қоғамды аң\n    сайды. Шығармада\n    ақын   түсінігіндегі\n")


def test_block_cut_at_both_ends_of_a_lost_hyphen_column_is_prose():
    out = dehyphenate(POEM)
    assert "Поэманың лирикалық    кейіпкері түрлі кәсіппен шұғылданса да," in out
    rules = {(d.left, d.right): d.rule for d in explain_breaks(POEM) if d.pass_no == 1}
    assert rules[("кейіп", "кері")] != "narrow_block_not_prose"
    assert dehyphenate(out) == out


def test_block_that_opens_or_ends_like_a_paragraph_is_still_judged_by_its_votes():
    # the same block opening in a capital (a heading or list item may) or ending a sentence: not cut
    # from a running column, so its one join vote against one whole-word vote keeps it as lines; since
    # round 19 (h22lost) a break of it that the word rules join is joined (``кейіп⏎кері``), the others kept
    for text in (POEM.replace("\x0cна тән", "\x0cНа тән"), POEM.replace("таппай, әді\n", "таппай, әді.\n")):
        first = {(d.left, d.right): d.rule for d in explain_breaks(text) if d.pass_no == 1}
        assert first[("үнмен", "ашына,")] == "narrow_block_not_prose"
        assert first[("кейіп", "кері")] != "narrow_block_not_prose"
