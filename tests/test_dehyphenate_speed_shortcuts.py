"""The shortcuts of issue 15's narrow-column speed work give the answers of the code they
replace (no timing here: speed is measured in ``benchmarks/speed/bench_dehyphenate.py``).

* ``chars._tail_word`` reads only the ``_TAIL_WINDOW`` + 1 characters before its end and
  remembers its answers (``_tail_of``); the reference below reads the whole string.
* ``breaks._overlong_cut`` returns at once for a line that ends in no URL connector and holds
  no ``&``; the reference below runs every shape test.
"""

from __future__ import annotations

import random

import pytest

from kaznlp.dehyphenate import dehyphenate
from kaznlp.dehyphenate.breaks import _overlong_cut
from kaznlp.dehyphenate.chars import _TAIL_WINDOW, _TAIL_WORD, SOFT, _tail_word


def _tail_word_reference(s: str, end: int | None = None) -> str | None:
    """The last word before ``end``: the whole run of word characters read from ``s``; a run
    longer than the window is no word."""
    end = len(s) if end is None else end
    i = end
    while i > 0 and (s[i - 1].isalnum() or s[i - 1] in "%_-\u2010" + SOFT):
        i -= 1
    if i == end or end - i > _TAIL_WINDOW:
        return None
    m = _TAIL_WORD.search(s, i, end)
    return (m.group().replace(SOFT, "") or None) if m else None


@pytest.mark.parametrize("s, end", [
    ("ұлттық жетіс", None),                 # a line's last word
    ("вице-", 4),                           # before a line-end hyphen
    ("халық-аралық", None),                 # a hyphenated word is one word
    ("ХСӘҚ\xadинно", None),                 # soft hyphens inside vanish
    ("сөз.", None),                         # punctuation ends no word
    ("а" * _TAIL_WINDOW, None),             # a run as long as the window is a word
    ("а" * (_TAIL_WINDOW + 1), None),       # one longer is not (a glued menu string, a URL)
    ("x " + "а" * _TAIL_WINDOW, None),
    ("ә" * 70 + " жетіс", None),           # a long run earlier on the line does not matter
    ("жетіс\n", None),                      # a final newline is no word character
    ("", None),
])
def test_tail_word_cases(s: str, end: int | None) -> None:
    assert _tail_word(s, end) == _tail_word_reference(s, end)


def test_tail_word_matches_the_whole_string_reading_on_random_strings() -> None:
    rng = random.Random(15)
    alphabet = "аәжетісқңAz09%_-\u2010\xad .,«»/\n\xa0²Ⅻ"
    for _ in range(20_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.choice((3, 20, 63, 64, 65, 66, 140))))
        end = rng.randint(0, len(s))
        assert _tail_word(s, end) == _tail_word_reference(s, end), (s, end)
        assert _tail_word(s) == _tail_word_reference(s), s


def _overlong_cut_reference(core: str, ms: str) -> str:
    """Every shape test of ``_overlong_cut`` without its early return."""
    from kaznlp.dehyphenate import breaks

    first = ms[:1]
    if not first or first.isspace() or not core:
        return ""
    if breaks._EQ_CUT.search(core) and breaks._EQ_CLOSE.match(ms):
        return "cut_markup_run"
    if breaks._ENTITY_CUT.search(core) and breaks._ENTITY_REST.match(ms):
        return "cut_entity"
    if breaks._TAG_CUT.search(core) and breaks._TAG_REST.match(ms):
        return "cut_in_tag"
    if breaks._SLASH_CUT.search(core) and (first.isalnum() or first == "/") and not first.isupper():
        return "cut_after_slash"
    tok = core.rsplit(None, 1)[-1] if not core[-1].isspace() else ""
    if tok and breaks._URL.match(tok) and tok[-1] in breaks._URL_CONNECTOR and (
            first.isdigit() or first.islower() and first.isascii()):
        return "cut_in_url"
    return ""


def test_overlong_cut_early_return_changes_no_answer() -> None:
    rng = random.Random(16)
    alphabet = "абқ azAZ09.,/=&;#%~@:?_-\xa0<>"
    heads = ["", "https://www.", "www.a", "x@b.", "км/", "==", "&amp;n", "а&", "http:/", "</se", "<a"]
    for _ in range(20_000):
        core = rng.choice(heads) + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        ms = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        assert _overlong_cut(core, ms) == _overlong_cut_reference(core, ms), (core, ms)


def test_narrow_column_output_is_unchanged_by_the_caches() -> None:
    # the same narrow lost-hyphen column twice in one process: the second call answers from the
    # remembered line ends and must give the first call's output
    col = ("Делегацияға цифр\nлық қызметтер\nсаласындағы\nұлттық жетіс\nтіктерді таныс\n"
           "тырды. Форумға\nәлемнің 80-нен\nастам елінен\nөкілдер қатыс\nты.")
    first = dehyphenate(col, reflow=True)
    assert "жетістіктерді" in first and "цифрлық" in first
    assert dehyphenate(col, reflow=True) == first
