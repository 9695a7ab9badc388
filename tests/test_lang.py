"""kaznlp.lang: the Kazakh facts in one wing (issue 18 item 1).

Each set the steps used before it moved here must come out of kaznlp.lang unchanged, so the
steps can switch to it without changing behaviour: while a step's own constant still exists,
the tests assert equality with it (and skip that comparison once the step imports from here).
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
from kaznlp.lang import affixes, alphabet, phonology
from kaznlp.lang.alphabet import (ALPHABET, ALPHABET_UPPER, AMBIGUOUS_VOWELS, BACK_VOWELS, BACK_VOWELS_LOAN,
                                  CYRILLIC_LOWER, FRONT_VOWELS, FRONT_VOWELS_LOAN, GLIDE_VOWELS, KAZAKH_LETTERS,
                                  LATIN_VOWELS_UPPER, LOWER, PURE_VOWELS, RUSSIAN_LOAN_LETTERS, UPPER, VOWELS,
                                  VOWELS_UPPER)
from kaznlp.lang.phonology import harmony, harmony_clash, syllable_break, vowels_agree

ROOT = Path(__file__).resolve().parent.parent
LANG = ROOT / "kaznlp" / "lang"
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _old(module: str, name: str) -> Any:
    """A step's own constant from before kaznlp.lang; skip once the step no longer has it."""
    value = getattr(importlib.import_module(module), name, None)
    if value is None:
        pytest.skip(f"{module}.{name} is gone (the step uses kaznlp.lang now)")
    return value


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.lower())


SAMPLE = _data.read_text("sample_kk.txt")


@pytest.mark.parametrize("module", [alphabet, phonology, affixes, _data])
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


def test_letter_classes_are_the_tokenizer_and_splitter_ones() -> None:
    assert LOWER == _old("kaznlp.tokenize._pattern", "LOWER")
    assert UPPER == _old("kaznlp.tokenize._pattern", "UPPER")
    multiword = _old("kaznlp.tokenize._multiword", "_PARTICIPLE").pattern
    assert multiword.startswith(f"[{CYRILLIC_LOWER}]")


def test_loan_and_kazakh_letters_are_dehyphenations() -> None:
    kaz = _old("kaznlp.dehyphenate.morph", "_KAZ_ONLY").pattern
    rus = _old("kaznlp.dehyphenate.morph", "_RUS_ONLY").pattern
    assert set(kaz.strip("[]")) == set(KAZAKH_LETTERS) and set(rus.strip("[]")) == set(RUSSIAN_LOAN_LETTERS)


def test_vowel_classes() -> None:
    assert len(VOWELS) == 15 and VOWELS == BACK_VOWELS | FRONT_VOWELS | AMBIGUOUS_VOWELS
    assert BACK_VOWELS_LOAN | FRONT_VOWELS_LOAN | GLIDE_VOWELS == VOWELS
    assert not BACK_VOWELS_LOAN & FRONT_VOWELS_LOAN and PURE_VOWELS < VOWELS
    # every word of a news text with a letter has a vowel letter, save abbreviations
    words = [w for w in _words(SAMPLE) if re.fullmatch(f"[{CYRILLIC_LOWER}]+", w) and len(w) > 3]
    assert words and all(set(w) & VOWELS for w in words)


@pytest.mark.parametrize(("module", "name", "expected"), [
    ("kaznlp.dehyphenate.morph", "_BACK", BACK_VOWELS),
    ("kaznlp.dehyphenate.morph", "_FRONT", FRONT_VOWELS),
    ("kaznlp.dehyphenate.morph", "_AMBIG", AMBIGUOUS_VOWELS),
    ("kaznlp.dehyphenate.morph", "VOWELS", VOWELS),
    ("kaznlp.dehyphenate.morph", "_VOWEL_START", PURE_VOWELS),
    ("kaznlp.dehyphenate.rules_inline", "_VOWELS", VOWELS),
    ("kaznlp.normalize._lexicon", "_BACK_VOWELS", BACK_VOWELS_LOAN),
    ("kaznlp.normalize._lexicon", "_FRONT_VOWELS", FRONT_VOWELS_LOAN),
    ("kaznlp.normalize._lexicon", "_VOWELS", VOWELS),
    ("kaznlp.transliterate", "_CYR_VOWELS", VOWELS),
    ("kaznlp.sentences._stamps", "_VOWELS", VOWELS_UPPER | LATIN_VOWELS_UPPER),
])
def test_each_step_gets_its_vowel_set(module: str, name: str, expected: frozenset[str]) -> None:
    assert frozenset(_old(module, name)) == expected


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


def test_phonology_is_dehyphenations_logic_on_every_break_of_a_news_text() -> None:
    """The same answer as ``dehyphenate/morph.py``'s helpers at every split of every word."""
    morph = importlib.import_module("kaznlp.dehyphenate.morph")
    words = sorted(set(_words(SAMPLE))) + _data.read_lines("lexicon_kk.txt")[::10]  # every 10th word form
    pairs = [(w[:i], w[i:]) for w in words for i in range(1, len(w))]
    assert len(pairs) > 15_000
    for mine, name in ((syllable_break, "_syllable_break"), (harmony_clash, "_harmony_clash"),
                       (vowels_agree, "_vowels_agree")):
        theirs = _old("kaznlp.dehyphenate.morph", name)
        if theirs is mine:
            continue
        assert [theirs(a, b) for a, b in pairs] == [mine(a, b) for a, b in pairs], name
        assert any(mine(a, b) for a, b in pairs) and not all(mine(a, b) for a, b in pairs), name
    assert morph  # imported once for all three


# -- suffixes, clitics, endings ----------------------------------------------------------------


def _old_words(name: str) -> list[str]:
    """The words of one of the earlier suffix files, in order, each once."""
    path = ROOT / "kaznlp" / "data" / name
    if not path.exists():
        pytest.skip(f"{name} is deleted (its consumers read affixes_kk.tsv)")
    seen: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            seen.update(dict.fromkeys(line.split()))
    return list(seen)


def test_number_suffixes_are_the_tokenizers() -> None:
    assert affixes.number_suffixes() == tuple(_old_words("suffixes.txt"))
    if hasattr(_data, "suffixes"):
        assert affixes.number_suffixes() == _data.suffixes()  # same order: the tokenizer's regex


def test_suffix_allomorphs_are_dehyphenation_and_normalizations() -> None:
    assert affixes.suffix_allomorphs() == frozenset(_old_words("suffixes_kk.txt"))
    assert affixes.suffix_allomorphs() == _old("kaznlp.dehyphenate.resources", "_suffixes")()
    index = _old("kaznlp.normalize._lexicon", "_suffix_index")()
    assert affixes.suffix_allomorphs() == {s for group in index.values() for s in group}


def test_suffix_inventory_rows() -> None:
    rows = affixes.suffixes()
    forms = [s.form for s in rows]
    assert len(forms) == len(set(forms)) == 217
    assert all(s.after_number or s.in_chain for s in rows) and all(s.grammar and all(s.grammar) for s in rows)
    nen = next(s for s in rows if s.form == "нен")
    assert nen.after_number and nen.in_chain and nen.grammar == ("ablative",)
    assert {g for s in rows for g in s.grammar} == set(affixes.GRAMMAR)
    # the tokenizer's case endings of "күннен-күнге" (ablative then dative of one word)
    assert affixes.suffixes_of("ablative") == _old("kaznlp.tokenize._hyphens", "_ABLATIVE")
    assert set(affixes.suffixes_of("dative")) == set(_old("kaznlp.tokenize._hyphens", "_DATIVE"))
    assert "күннен".endswith(affixes.suffixes_of("ablative")) and "күнге".endswith(affixes.suffixes_of("dative"))
    with pytest.raises(ValueError, match="unknown grammar label 'case'"):
        affixes.suffixes_of("case")
    assert "шылық" in affixes.suffix_allomorphs() and "шылық" not in affixes.number_suffixes()


def test_endings() -> None:
    assert affixes.participle_endings() == ("ған", "ген", "қан", "кен")
    assert all(w.endswith(affixes.participle_endings()) for w in ("болған", "көрген", "тапқан", "кеткен"))
    assert frozenset(affixes.finite_endings()) == _old("kaznlp.dehyphenate.morph", "_VERB_3SG")
    assert affixes.finite_endings() == _old("kaznlp.sentences._stamps", "_FINITE_END")
    pattern = _old("kaznlp.tokenize._multiword", "_PARTICIPLE").pattern
    assert pattern.endswith("(?:" + "|".join(affixes.participle_endings()) + ")")


@pytest.mark.parametrize(("role", "module", "name"), [
    ("token", "kaznlp.tokenize._hyphens", "_CLITICS"),
    ("hyphenated", "kaznlp.dehyphenate.morph", "CLITICS"),
    ("inline", "kaznlp.dehyphenate.rules_inline", "_INLINE_CLITICS"),
])
def test_each_step_gets_its_clitics(role: affixes.CliticRole, module: str, name: str) -> None:
    assert affixes.clitics(role) == _old(module, name)


def test_clitic_roles() -> None:
    assert affixes.clitics("inline") < affixes.clitics("hyphenated")
    assert "ақ" in affixes.clitics("token") & affixes.clitics("inline")  # сондай-ақ, сондай- ақ
    assert "екен" not in affixes.clitics("inline")  # "келген- екен": a dash
    with pytest.raises(ValueError, match="unknown clitic role 'glued'"):
        affixes.clitics("glued")  # type: ignore[arg-type]


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
    assert {affixes.SUFFIX_FILE, affixes.CLITIC_FILE, "charlm_kk.tsv"} <= set(read)


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
])
def test_a_damaged_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, name: str, text: str, message: str) -> None:
    monkeypatch.setattr(_data, "read_text", lambda n: "# header\n" + text if n == name else "")
    loader = affixes.suffixes if name == affixes.SUFFIX_FILE else affixes._clitic_table
    with pytest.raises(ValueError, match=f"kaznlp data file {name}.*{re.escape(message)}"):
        loader.__wrapped__()
