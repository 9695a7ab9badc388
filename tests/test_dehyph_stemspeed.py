"""Task h16stemspeed: ``rules_line._text_stem_spans`` reads a block's line-final words with one
pattern over the reversed text; it must find what the forward pattern of 48516d8 found (a line's
last word of 5+ letters after a space, not after the indent that ``pdftotext -layout`` adds)."""

import re

from kaznlp.dehyphenate.evidence import Evidence
from kaznlp.dehyphenate.rules_line import _LINE_END_WORD, _text_stem_spans

_FORWARD = re.compile(r"[ \t][(«\"“]?([^\W\d_]{5,})[ \t]*(?:\n|\Z)")  # 48516d8, after un-indenting


def _forward(text: str) -> set[str]:
    return set(_FORWARD.findall(re.sub(r"\n[ \t]+", "\n", text)))


def _reversed(text: str) -> set[str]:
    return {w[::-1] for w in _LINE_END_WORD.findall("\n" + text[::-1])}


def test_reversed_pattern_finds_the_forward_patterns_words():
    texts = [
        "  Саусақ\nкөп балықтар\n   саусаққанатты\nкөпкедейін саусаққанатты  \n",
        "Абайдың ез басын\n\tкепілдікке апуды\nашық Еркежан тір\nшілікте «Абайдың\n(сұлулығы\tпәктігі",
        "әні сәніне,\r\nсәні әніне астасқан\n   \n  асыл ару.Тоғжан\nтазалығы, сұлулы\n  ғы",
        "тыныс алу мүшелері ²қосымша\nбес жүз² жылдары\n",
    ]
    for text in texts:
        assert _reversed(text) == _forward(text), text


def test_the_rule_joins_on_a_line_end_word():
    text = "депбөлінді. Саусақ\nқанатты балықтар\nдың тобы. Көпкеде\nйін саусаққанатты\nбалықтарды"
    ev = Evidence(text)
    assert _text_stem_spans(ev, "Саусақ", "қанатты")
    assert not _text_stem_spans(ev, "балықтар", "дың")  # no line ends in балықтардың
    assert not _text_stem_spans(Evidence(text + "\nсаусақ қанатты"), "Саусақ", "қанатты")  # written apart
