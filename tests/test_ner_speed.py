"""Per-call shortcuts of ``kaznlp.ner`` (issue 13) give the same results as the long way.

Speed itself is measured in ``benchmarks/speed/bench_ner.py`` (``--per-call``, ``--against``),
never here; these tests check that each shortcut changes nothing.
"""

from __future__ import annotations

import importlib
import re

import numpy
import pytest

patterns = importlib.import_module("kaznlp.ner.patterns")
fast_layers = importlib.import_module("kaznlp.ner.fast_layers")

# written news with every class the cues guard, and sentences that only look like them
CUE_TEXTS = (
    "Жиын сағат 9.00-ден 18.30-ға дейін өтеді, ал баспасөз мәслихаты 14:17-де басталды.",
    "Инфляция 7,1%-ға, ал жалақы 25,3 %-ға өсті; бағасы 30,9 пайызға төмендеді.",
    "Бюджетке 2,5 млрд. теңге бөлінді, оның 300 мың доллары жол құрылысына жұмсалады.",
    "2016 жылғы 21 қазанда 150 адам жиналды.",  # digits, no time, percent or money
    "Ол 3.5 сағат бойы сөйледі, кездесу 12 минутқа созылды.",  # "3.5" is a cue, not a time
    "Пайыздық мөлшерлеме туралы 2024 жылы шешім қабылданды.",
)


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_a_pattern_never_matches_where_its_cue_does_not(text, monkeypatch):
    """The cue of a class is a necessary condition of its pattern: skipping the pattern when the
    cue is absent finds the same spans as running every pattern."""
    table = patterns._pattern_table()
    for label, cue in patterns._cues().items():
        if table[label].search(text):
            assert cue.search(patterns._fold(text)), (label, text)
    with_cues = patterns.pattern_spans(text)
    monkeypatch.setattr(patterns, "_cues", dict)
    assert patterns.pattern_spans(text) == with_cues


def test_cues_find_each_class():
    text = patterns._fold(CUE_TEXTS[0] + CUE_TEXTS[1] + CUE_TEXTS[2])
    found = {label for label, cue in patterns._cues().items() if cue.search(text)}
    assert found == {"TIME", "PERCENTAGE", "MONEY"}
    assert not any(cue.search(patterns._fold("Астанада форум өтті.")) for cue in patterns._cues().values())
    assert patterns._cues()["DATE"].search(patterns._fold("ҚАЗАН айында"))


def test_fold_keeps_every_letter_ignorecase_takes_for_a_cue_word():
    """Every character that ``re.IGNORECASE`` matches to a letter of a cue word is that letter
    after ``_fold``: the cue on the folded text is found wherever the pattern matches."""
    words = news_rules.pattern_words()
    letters = {ch for kind in ("month", "currency", "percent") for w in words[kind] for ch in w if ch.isalpha()}
    letters |= set("wмекен")  # the contact cues www. and мекен
    every = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    for letter in sorted(letters):
        takes = set(re.findall(re.escape(letter), every, re.IGNORECASE))
        assert len(takes) >= 2, letter  # the letter and its capital at least
        assert {patterns._fold(ch) for ch in takes} == {letter}, (letter, takes)


def test_maxout_norm_finish_writes_the_same_numbers_as_the_plain_formula(random_maxout_norm):
    """``MaxoutNorm.finish`` squares into a block of its input instead of a new array: the result
    is bit for bit thinc's maxout and layer norm, written out with fresh arrays."""
    rng = numpy.random.default_rng(13)
    n_o, n_p, n_i = 16, 3, 40
    mix = random_maxout_norm(n_o, n_p, n_i, rng)
    X = rng.standard_normal((7, n_i)).astype("f")
    Y = X @ mix.Wt + mix.b
    best = numpy.maximum(numpy.maximum(Y[:, :n_o], Y[:, n_o:2 * n_o]), Y[:, 2 * n_o:])
    mu = best.sum(axis=1, keepdims=True) / numpy.float32(n_o)
    centred = best - mu
    var = (centred * centred).sum(axis=1, keepdims=True) / numpy.float32(n_o) + numpy.float32(1e-8)
    expected = centred * var ** numpy.float32(-0.5) * mix.G + mix.beta
    out = numpy.empty((7, n_o), dtype="f")
    got = mix.finish(Y.copy(), out)
    assert got is out
    assert numpy.array_equal(got, expected)
    assert numpy.array_equal(mix(X), expected)


# --- the gates of the post-processing steps (rules.postprocess, news_rules.name_steps) -------------

news_rules = importlib.import_module("kaznlp.ner.news_rules")
news_spans = importlib.import_module("kaznlp.ner.news_spans")
rules = importlib.import_module("kaznlp.ner.rules")

#: sentences with and without each gate's cue (a quote, markup, a bullet, an ellipsis, "-орын",
#: a phone number, a date without a year) and spans of every class the gated steps read
GATE_CASES = (
    ("Қазақстан • 04 Сәуір, 2024. Мексиканың Сыртқы істер министрі келді.",
     [(0, 9, "ORGANISATION"), (12, 26, "DATE"), (28, 38, "PERSON"), (39, 60, "POSITION")]),
    ("көмір жеткізіледі, деп мәлім етті ҚР энергетика минист… СӘ бөлімі", [(34, 54, "ORGANISATION"), (56, 58, "PERSON")]),
    ("Іргетасын «Наргиз» ЖШС директоры Нұрлан Төлеулов қалады.", [(10, 22, "ORGANISATION"), (33, 48, "PERSON")]),
    ("1958 жылы генерал Шарль де Голль билікке келді, Қазақстан 50-орынға ие.",
     [(0, 9, "DATE"), (18, 32, "PERSON"), (48, 57, "GPE"), (58, 60, "CARDINAL")]),
    ("Бақытжан Жұмағұлов Финляндияның министрімен 21 қазанда кездесті.", [(0, 31, "PERSON"), (44, 54, "DATE")]),
    ("Шартқа әрбір мемлекеттің АЭХА-ның талаптарын 12 адам орындады.", [(25, 33, "CARDINAL"), (45, 47, "CARDINAL")]),
    ("Анықтама телефоны: +7 (7172) 24-93-73, Мекен-жайы: Астана қаласы.", [(51, 57, "GPE")]),
    ("Ол медалімен марапатталған.</seg> &quot;Парасат&quot; орденімен", [(29, 32, "ORGANISATION"), (40, 47, "ART")]),
    ("ҚР Дін істері агенттігінің төрағасы 3 күн бұрын келді.", [(3, 35, "POSITION"), (36, 41, "DATE")]),
    ("Ол «Қазақстан Конституциясына 20 жыл» медалімен марапатталды.", [(4, 29, "ORGANISATION"), (30, 36, "DATE")]),
)


def _name_steps_long_way(text, spans):
    """``name_steps`` as it was before its gates: every step over every span."""
    nr, ns = news_rules, news_spans
    kept = [nr.country_label(text, ns.place_ordinal(text, sp)) for sp in nr.split_person_country(text, spans)
            if not nr.is_rubric_tag(text, sp) and not nr.is_acronym_person(text, sp)
            and not nr.is_not_a_name(text, sp) and not ns.is_cut_teaser(text, sp)]
    kept = [sp for sp in kept if not ns.is_letter_cardinal(text, sp)]
    return nr.join_state_position(text, ns.title_position(text, ns.org_position(text, kept)))


@pytest.mark.parametrize("text,spans", GATE_CASES)
def test_gated_name_steps_equal_the_long_way(text, spans):
    for n in range(len(spans) + 1):  # every prefix: labels and cues come and go
        assert news_rules.name_steps(text, spans[:n]) == _name_steps_long_way(text, spans[:n]), (text, n)


@pytest.mark.parametrize("text,spans", GATE_CASES)
def test_gated_postprocess_equals_the_ungated_one(text, spans, monkeypatch):
    sentences = [(0, len(text))]
    gated = rules.postprocess(text, sentences, spans)
    monkeypatch.setattr(rules, "_QUOTE_CUE", re.compile(""))  # quoted_name_spans on every text
    monkeypatch.setattr(patterns, "_PHONE_CUE", re.compile(""))  # the CONTACT pattern on every text with a digit
    monkeypatch.setattr(patterns, "_cues", dict)
    assert rules.postprocess(text, sentences, spans) == gated


@pytest.mark.parametrize("text", [t for t, _ in GATE_CASES])
def test_phone_and_date_cues_are_necessary(text):
    table = patterns._pattern_table()
    for m in table["CONTACT"].finditer(text):
        group = m.group()
        assert patterns._contact_cue(group, patterns._fold(group)) or patterns._PHONE_CUE.search(group), group
    for m in table["DATE"].finditer(text):
        assert patterns._cues()["DATE"].search(m.group()), m.group()


def test_descriptor_lookup_takes_the_longest_stem_as_the_list_did():
    """A quoted name takes the label of the longest descriptor stem its next word starts with
    (a ``$`` stem: the whole word), as a scan of the longest-first list gives it."""
    words = news_rules.pattern_words()
    pairs = sorted(((w.lower(), lab) for lab in news_rules.DESCRIPTOR_LABELS
                    for w in words.get(f"descriptor_{lab}", ())), key=lambda p: -len(p[0]))
    checked = 0
    for stem, _ in pairs:
        for word in (stem.rstrip("$"), stem.rstrip("$") + "ның", stem.rstrip("$") + "ы"):
            expected = next((lab for s, lab in pairs if (word == s[:-1] if s.endswith("$") else word.startswith(s))), None)
            text = f"«Алтын дала» {word} туралы"
            got = [lab for a, b, lab in news_rules.quoted_name_spans(text, []) if text[a:b] == "Алтын дала"]
            assert got == ([expected] if expected else []), word
            checked += 1
    assert checked > 200
