"""kaznlp.lang: the Kazakh facts in one wing (issue 18 item 1).

When the wing was built, every set came out equal to the step's own constant it replaced (the
vowel sets of dehyphenate, normalize, transliterate and sentences, the tokenizer's letter
classes, the three clitic lists, the endings) and the harmony and syllable helpers gave
dehyphenate's answer at all 17k breaks of news and lexicon words (commit 5dfaf87). The steps now
import from here, so those comparisons are gone; these tests check the facts on real Kazakh
words, that the steps get them (a few step outputs that depend on them), the merged suffix
inventory against the two files it replaced while they exist, and the one loader.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import re
from pathlib import Path
from typing import Any

import pytest

from kaznlp import _data
from kaznlp.lang import affixes, alphabet, phonology, words
from kaznlp.lang.alphabet import (ALPHABET, ALPHABET_UPPER, AMBIGUOUS_VOWELS, BACK_VOWELS, BACK_VOWELS_LOAN,
                                  CYRILLIC_LOWER, FRONT_VOWELS, FRONT_VOWELS_LOAN, GLIDE_VOWELS, KAZAKH_LETTERS,
                                  LATIN_VOWELS_UPPER, LOWER, PURE_VOWELS, RUSSIAN_LOAN_LETTERS, UPPER, VOWELS,
                                  VOWELS_UPPER)
from kaznlp.lang.phonology import harmony, harmony_clash, syllable_break, vowels_agree

ROOT = Path(__file__).resolve().parent.parent
LANG = ROOT / "kaznlp" / "lang"
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


SAMPLE = _data.read_text("sample_kk.txt")


@pytest.mark.parametrize("module", [alphabet, phonology, affixes, words, _data])
def test_docstring_examples(module: Any) -> None:
    res = doctest.testmod(module)
    assert res.attempted and not res.failed


# -- the alphabet -----------------------------------------------------------------------------


def test_the_alphabet_is_the_42_letters_and_the_classes_cover_it() -> None:
    assert len(ALPHABET) == len(set(ALPHABET)) == 42
    assert set(ALPHABET) == set(RUSSIAN) | set(KAZAKH_LETTERS)
    assert not set(KAZAKH_LETTERS) & set(RUSSIAN) and set(RUSSIAN_LOAN_LETTERS) <= set(RUSSIAN)
    lower, upper, cyr = (re.compile(f"[{c}]") for c in (LOWER, UPPER, CYRILLIC_LOWER))
    assert all(lower.fullmatch(c) and cyr.fullmatch(c) and not upper.fullmatch(c) for c in ALPHABET)
    assert all(upper.fullmatch(c) and not lower.fullmatch(c) for c in ALPHABET_UPPER)
    assert lower.fullmatch("q") and not cyr.fullmatch("q")
    # every letter of a real Kazakh news text is in the classes (Latin names included)
    letters = {c for c in SAMPLE if c.isalpha()}
    assert letters and all(lower.fullmatch(c) or upper.fullmatch(c) for c in letters)


def test_vowel_classes() -> None:
    assert len(VOWELS) == 15 and VOWELS == BACK_VOWELS | FRONT_VOWELS | AMBIGUOUS_VOWELS
    assert BACK_VOWELS_LOAN | FRONT_VOWELS_LOAN | GLIDE_VOWELS == VOWELS
    assert not BACK_VOWELS_LOAN & FRONT_VOWELS_LOAN and PURE_VOWELS < VOWELS
    assert VOWELS_UPPER == {v.upper() for v in VOWELS} and not LATIN_VOWELS_UPPER & VOWELS_UPPER
    # every word of a news text with a letter has a vowel letter, save abbreviations
    words = [w for w in _words(SAMPLE) if re.fullmatch(f"[{CYRILLIC_LOWER}]+", w) and len(w) > 3]
    assert words and all(set(w) & VOWELS for w in words)


# -- harmony and syllables ---------------------------------------------------------------------


def test_harmony_of_real_words() -> None:
    assert harmony("мемлекет") == "front" and harmony("қазақ") == "back"
    assert harmony("ҚАЗАҚСТАН") == "back" and harmony("Өскемен") == "front"
    assert harmony("мемлекеттер") == harmony("мемлекет") and harmony("қазақтар") == harmony("қазақ")
    assert harmony("су") is None and harmony("КСРО") == "back" and harmony("2024") is None


def test_harmony_gives_the_month_stamps_suffix() -> None:
    """sentences picks ``-ы``/``-і`` after a month name by its own last-vowel rule: same answer."""
    months = [cols[2].split(",", 1)[0].strip() for cols in (line.split("\t") for line in _data.read_lines("abbreviations.tsv"))
              if len(cols) >= 3 and cols[1] == "month"]
    assert len(set(months)) == 12
    for name in months:
        stamps_back = [c for c in name if c in "аоұыәеөүіэиу"][-1] in "аоұы"
        assert (harmony(name) == "back") == stamps_back, name


def test_syllable_breaks() -> None:
    assert syllable_break("жетіс", "тіктерді") and syllable_break("мем", "лекет")
    assert not syllable_break("бозды", "еркекшөпті")  # a syllable does not start with a vowel
    assert not syllable_break("ғ", "ларда") and not syllable_break("қа", "з")  # two letters a side
    assert syllable_break("2024 жыл", "дары") and not syllable_break("2024 ж", "ылдары")


def test_harmony_clash_and_agreement() -> None:
    assert harmony_clash("зәре", "құтын") and not harmony_clash("жетіс", "тіктерді")
    assert not harmony_clash("ұшақ", "пен") and not harmony_clash("Маке", "дониядағы")
    assert vowels_agree("бөлме", "лері") is True and vowels_agree("деректері", "қорымдар") is False
    assert vowels_agree("такси", "ге") is None


# -- suffixes, clitics, endings ----------------------------------------------------------------


def test_suffix_inventory_rows() -> None:
    rows = affixes.suffixes()
    forms = [s.form for s in rows]
    assert len(forms) == len(set(forms)) == 223  # round 14: + -рақ/-рек/-ырақ/-ірек, -шыл/-шіл
    assert all(s.after_number or s.in_chain for s in rows) and all(s.grammar and all(s.grammar) for s in rows)
    nen = next(s for s in rows if s.form == "нен")
    assert nen.after_number and nen.in_chain and nen.grammar == ("ablative",)
    assert {g for s in rows for g in s.grammar} == set(affixes.GRAMMAR)
    # "күннен-күнге": ablative then dative of one word
    assert "күннен".endswith(affixes.suffixes_of("ablative")) and "күнге".endswith(affixes.suffixes_of("dative"))
    with pytest.raises(ValueError, match="unknown grammar label 'case'"):
        affixes.suffixes_of("case")
    assert "шылық" in affixes.suffix_allomorphs() and "шылық" not in affixes.number_suffixes()


def test_endings() -> None:
    assert affixes.participle_endings() == ("ған", "ген", "қан", "кен")
    assert all(w.endswith(affixes.participle_endings()) for w in ("болған", "көрген", "тапқан", "кеткен"))
    assert affixes.finite_endings() == ("ды", "ді", "ты", "ті")
    assert all(w.endswith(affixes.finite_endings()) for w in ("келді", "өткізді", "айтты", "кетті"))


def test_clitic_roles() -> None:
    assert affixes.clitics("inline") < affixes.clitics("hyphenated")
    assert "ақ" in affixes.clitics("token") & affixes.clitics("inline")  # сондай-ақ, сондай- ақ
    assert "екен" not in affixes.clitics("inline")  # "келген- екен": a dash
    with pytest.raises(ValueError, match="unknown clitic role 'glued'"):
        affixes.clitics("glued")  # type: ignore[arg-type]


def test_the_steps_get_these_facts() -> None:
    """A few step outputs that hang on the wing's data (one example per set)."""
    import kaznlp

    def tokens(text: str) -> list[str]:
        return [t.text for t in kaznlp.tokenize(text)]

    assert tokens("80-нен астам") == ["80-нен", "астам"]                          # number_suffixes
    assert tokens("2-еуінің") == ["2-еуінің"]                                     # a chain of them
    assert tokens("тұрғындары-ақ келді") == ["тұрғындары-ақ", "келді"]            # clitics("token")
    assert tokens("жайылымдарда-мал") == ["жайылымдарда", "-", "мал"]             # not a clitic: a dash
    assert tokens("күннен-күнге") == ["күннен", "-", "күнге"]                     # ablative, dative
    assert tokens("болған жоқ") == ["болған жоқ"]                                 # participle_endings
    assert kaznlp.dehyphenate("Бүгін сондай- ақ жиналыс өтті.") == "Бүгін сондай-ақ жиналыс өтті."  # inline
    assert kaznlp.dehyphenate("Бүгін сондай-\nақ жиналыс өтті.") == "Бүгін сондай-ақ жиналыс өтті."  # hyphenated


# -- function words (data/function_words_kk.tsv) ------------------------------------------------

# (step module, its constant, the role it is built from); a tuple constant is used with endswith
STEP_WORD_SETS = [
    ("kaznlp.dehyphenate.morph", "CONJUNCTIONS", "conjunction"),
    ("kaznlp.dehyphenate.morph", "COMBINING", "combining_prefix"),
    ("kaznlp.dehyphenate.morph", "PARTICLES", "particle"),
    ("kaznlp.dehyphenate.morph", "_WORD_FINAL", "word_final_suffix"),
    ("kaznlp.dehyphenate.rules_inline", "_SUSPENDERS", "suspender"),
    ("kaznlp.dehyphenate.rules_inline", "_ARTICLES", "article"),
    ("kaznlp.dehyphenate.rules_inline", "_NAME_PREFIXES", "name_prefix"),
    ("kaznlp.dehyphenate.rules_inline", "_INFLECTED_END", "inline_inflected_ending"),
    ("kaznlp.tokenize._hyphens", "_INFLECTED", "token_inflected_ending"),
    ("kaznlp.tokenize._multiword", "_PRONOUN_HEADS", "pronoun_head"),
]


@pytest.mark.parametrize(("module", "name", "role"), STEP_WORD_SETS)
def test_the_steps_word_sets_are_the_data_files(module: str, name: str, role: str) -> None:
    value = getattr(importlib.import_module(module), name)
    assert set(value) == words.words(role) and len(value) == len(words.words(role)) > 0


def test_the_multiword_auxiliaries_come_from_the_data_file() -> None:
    mw = importlib.import_module("kaznlp.tokenize._multiword")
    aux = words.words("negation_auxiliary") | words.words("evidential_auxiliary") | words.words("pronoun_tail")
    assert set(mw._AUXILIARIES) == aux == {"жоқ", "емес", "екен", "нәрсе"}
    assert all(mw._NEGATION.fullmatch(w) for w in ("жоқ", "емес", "емеспін", "жоқпыз"))
    assert not mw._NEGATION.fullmatch("жоқтық")
    assert mw._EVIDENTIAL.fullmatch("екенсің") and mw._PRONOUN_TAIL.fullmatch("нәрсені")


def test_function_word_roles() -> None:
    w = words.words
    assert {"және", "немесе", "мен"} <= w("conjunction") and "мен" in w("particle") and "мен" in w("suspender")
    assert w("suspender") <= w("conjunction")   # every suspender is a conjunction
    assert {"теле", "радио", "авиа"} <= w("combining_prefix")
    assert {"әл", "аль"} <= w("article") and {"нью", "сан", "санкт"} <= w("name_prefix")
    assert "ғана" in w("particle") and "лық" in w("word_final_suffix")
    assert "нің" in w("inline_inflected_ending") and "лары" in w("token_inflected_ending")
    assert all(x == x.lower().strip() for role in words.ROLES for x in w(role))
    with pytest.raises(ValueError, match="unknown role 'adverb'.*conjunction"):
        w("adverb")


def test_function_words_drive_the_steps() -> None:
    """Outputs that hang on the word lists, on real text (one example per list)."""
    import kaznlp

    def tokens(text: str) -> list[str]:
        return [t.text for t in kaznlp.tokenize(text)]

    assert tokens("ол болған жоқ") == ["ол", "болған жоқ"]                        # negation_auxiliary
    assert tokens("деген екен") == ["деген екен"]                                 # evidential_auxiliary
    assert tokens("еш нәрсені білмеді") == ["еш нәрсені", "білмеді"]              # pronoun_head, _tail
    assert tokens("себеп жоқ") == ["себеп", "жоқ"]                                # a noun: two tokens
    assert tokens("жайылымдарда-мал") == ["жайылымдарда", "-", "мал"]             # token_inflected_ending
    dh = kaznlp.dehyphenate
    assert dh("Бүгін сондай- ақ жиналыс өтті.") == "Бүгін сондай-ақ жиналыс өтті."
    assert dh("Ол әл- Фарабидің еңбегін оқыды.") == "Ол әл-Фарабидің еңбегін оқыды."   # article
    assert dh("Ол Нью- Йоркке барды.") == "Ол Нью-Йоркке барды."                      # name_prefix
    assert dh("теле- және радиосюжеттер") == "теле- және радиосюжеттер"               # suspender
    assert dh("Жаңа теле-\nрадио орталығы ашылды.") == "Жаңа теле-радио орталығы ашылды."  # combining_prefix


# -- one loader, failing loudly ----------------------------------------------------------------

def _readers() -> dict[str, Any]:
    """Every function of the wing that reads a data file (calls ``_data.read_text`` or
    ``_data.read_lines``), by its dotted name."""
    out = {}
    for path in sorted(LANG.glob("*.py")):
        module = importlib.import_module(f"kaznlp.lang.{path.stem}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            if any(isinstance(c, ast.Attribute) and c.attr in ("read_text", "read_lines")
                   and isinstance(c.value, ast.Name) and c.value.id == "_data" for c in ast.walk(fn)):
                out[f"{module.__name__}.{fn.name}"] = getattr(module, fn.name)
    return out


def test_every_lang_loader_reads_through_the_one_loader(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With the shipped files missing, every loader of the wing raises FileNotFoundError naming
    its file (through ``kaznlp._data``), never an empty table."""
    readers = _readers()
    assert {"kaznlp.lang.affixes.suffixes", "kaznlp.lang.affixes._clitic_table", "kaznlp.lang.charlm._table"} <= set(readers)
    read: list[str] = []

    def missing(name: str) -> str:
        read.append(name)
        return _data._read(tmp_path, name)  # an empty folder: the shipped file is missing

    monkeypatch.setattr(_data, "read_text", missing)
    for name, loader in readers.items():
        with pytest.raises(FileNotFoundError, match=r"kaznlp data file '[\w.]+'.*reinstall kaznlp"):
            getattr(loader, "__wrapped__", loader)()  # past the cache: read again
        assert read, name
    assert {affixes.SUFFIX_FILE, affixes.CLITIC_FILE, words.WORD_FILE, "charlm_kk.tsv"} <= set(read)


def test_no_lang_module_reads_a_file_itself() -> None:
    for path in LANG.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {(n.module or "").split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and not n.level}
        assert not imported & {"importlib", "pathlib", "gzip", "io", "os"}, path.name
        calls = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        assert "open" not in calls, path.name
        # names are read as _data.read_text(...), so a test (and a reader) sees every call
        assert not [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and (n.module or "").endswith("_data")]


@pytest.mark.parametrize(("name", "text", "message"), [
    ("affixes_kk.tsv", "нің\t1\t1\t-\n", "expected 5 tab-separated columns"),
    ("affixes_kk.tsv", "нің\t1\tyes\t-\tgenitive\n", "'yes' is not 0 or 1"),
    ("affixes_kk.tsv", "ған\t0\t1\tgerund\tverbal\n", "ending 'gerund'"),
    ("affixes_kk.tsv", "ған\t0\t1\tparticiple\tverb\n", "grammar 'verb'"),
    ("clitics_kk.tsv", "Ақ\t1\t1\t1\temphatic\n", "lower-case form first"),
    ("function_words_kk.tsv", "және\tconjunctions\n", "one of ('conjunction'"),
])
def test_a_damaged_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, name: str, text: str, message: str) -> None:
    monkeypatch.setattr(_data, "read_text", lambda n: "# header\n" + text if n == name else "")
    loader = {affixes.SUFFIX_FILE: affixes.suffixes, affixes.CLITIC_FILE: affixes._clitic_table,
              words.WORD_FILE: words._table}[name]
    with pytest.raises(ValueError, match=f"kaznlp data file {name}.*{re.escape(message)}"):
        loader.__wrapped__()


def test_voicing_and_one_letter_suffixes() -> None:
    """The voiceless consonants choose т- over д-suffixes (``қатысты``, ``ашылды``); every
    one-letter suffix normalize reads is a piece de-hyphenation lets a suffix chain hold."""
    from kaznlp.lang.affixes import ONE_LETTER_CHAIN_PIECES, ONE_LETTER_SUFFIXES
    from kaznlp.lang.alphabet import VOICELESS_CONSONANTS

    assert "с" in VOICELESS_CONSONANTS and "л" not in VOICELESS_CONSONANTS
    assert not VOICELESS_CONSONANTS & (BACK_VOWELS | FRONT_VOWELS)
    assert set(ONE_LETTER_SUFFIXES) < ONE_LETTER_CHAIN_PIECES and {"м", "ң", "п"} <= ONE_LETTER_CHAIN_PIECES


def test_charlm_table_front_coding_reads_back_every_ngram() -> None:
    """``charlm_kk.tsv`` is stored front-coded (each n-gram shares a counted prefix with the row
    before it): read back, the rows are the header's count of distinct n-grams in sorted order, each
    at most ORDER letters long, and the model still prefers a real Kazakh word to its scramble."""
    from kaznlp.lang import charlm

    text = _data.read_text("charlm_kk.tsv")
    count = int(re.search(r"^# (\d+) rows$", text, re.M).group(1))  # type: ignore[union-attr]
    lp, bow = charlm._table()
    keys = sorted(set(lp) | set(bow))
    assert len(keys) == count == len(_data.read_lines("charlm_kk.tsv"))
    assert max(len(k) for k in keys) <= charlm.ORDER
    assert lp["^^^^қ"] < 0 and "^^^^" in bow
    assert charlm.logp("мемлекет") > charlm.logp("теклемем")
