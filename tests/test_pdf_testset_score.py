"""The PDF test set's scorer (benchmarks/testsets/pdf_testset/score.py) on small real Kazakh lines."""

from benchmarks.testsets.pdf_testset.score import Aligned, rates

# gold: the source paragraph; extraction: a narrow column that lost its hyphens
GOLD = "Ол мемлекеттің ақыл- парасатын, жұмыстары –мемлекеттік сараптама деп атады."
EXTRACTION = "Ол мемлекет\nтің ақыл- парасатын, жұмыстары –\nмемлекеттік сараптама деп атады."


def test_broken_word_repaired_and_left() -> None:
    al = Aligned(GOLD, EXTRACTION)
    good = al.score("Ол мемлекеттің ақыл- парасатын, жұмыстары –мемлекеттік сараптама деп атады.")
    bad = al.score("Ол мемлекет тің ақыл- парасатын, жұмыстары –мемлекеттік сараптама деп атады.")
    assert (good["broken"], good["repaired"]) == (2, 2)  # мемлекеттің, –мемлекеттік
    assert (bad["broken"], bad["repaired"]) == (2, 1)


def test_source_hyphen_space_is_scored_verbatim_only_when_strict() -> None:
    # the repair of the source's "hyphen + space" (ақыл-парасатын) reads as a glued word when scored verbatim
    out = "Ол мемлекеттің ақыл-парасатын, жұмыстары –мемлекеттік сараптама деп атады."
    strict = Aligned(GOLD, EXTRACTION).score(out)
    lenient = Aligned(GOLD, EXTRACTION, source_gaps=True).score(out)
    assert strict["glued"] == 1 and strict["source_gaps"] == 0
    assert lenient["glued"] == 0 and lenient["source_gaps"] >= 1
    # two boundaries leave the count: ``ақыл- парасатын`` and the space before the dash
    assert strict["boundaries"] == lenient["boundaries"] + 2


def test_spacing_beside_a_dash_is_not_a_broken_word() -> None:
    # the source typed the dash glued to the next word; a space after the dash is typography
    out = "Ол мемлекеттің ақыл- парасатын, жұмыстары – мемлекеттік сараптама деп атады."
    strict = Aligned(GOLD, EXTRACTION).score(out)
    lenient = Aligned(GOLD, EXTRACTION, source_gaps=True).score(out)
    assert (strict["broken"], strict["repaired"]) == (2, 1)
    assert (lenient["broken"], lenient["repaired"]) == (1, 1)  # only мемлекеттің is a broken word
    assert rates(lenient)["repaired_pct"] == 100.0


def test_a_hyphen_dash_with_spaces_stays_scored() -> None:
    # ``басы - «Қазақстан``: a dash typed as a hyphen with spaces on both sides is the source's normal typing
    gold = "Мақсаты - «Қазақстан жолы» бағдарламасы."
    ext = "Мақсаты -\n«Қазақстан жолы» бағдарламасы."
    c = Aligned(gold, ext, source_gaps=True).score("Мақсаты-«Қазақстан жолы» бағдарламасы.")
    assert c["source_gaps"] == 0 and c["glued"] == 1
