"""Round 15 (h18speed): the character model's new windows and split_gain's sums of a right piece's
windows, the same values with fewer look-ups; the suffix chains (docs/dehyphenate.md, Speed, Round 15)."""

from __future__ import annotations

import random
import re
import struct
from pathlib import Path

from kaznlp.dehyphenate import resources
from kaznlp.dehyphenate.morph import _SINGLE
from kaznlp.lang import charlm
from kaznlp.lang.affixes import suffix_allomorphs

SEED004 = (Path(__file__).parent / "fixtures" / "seed004_expected.txt").read_text(encoding="utf-8")
LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіqx"


def _window_long_way(win: str) -> float:
    """A window's term as ``_window`` read it before round 15: the n-gram itself probed again."""
    lp, bow = charlm._table()
    back = 0.0
    for i in range(charlm.ORDER):
        p = lp.get(win[i:])
        if p is not None:
            return back + p
        back += bow.get(win[i:-1], 0.0)
    return back + charlm._UNSEEN


def _gain_long_way(a: str, b: str) -> float:
    """``split_gain`` before round 15: the same windows added in the same order."""
    o = charlm.ORDER
    sa = ("^" * (o - 1) + a)[1 - o:]
    sab, sb = sa + b + "$", "^" * (o - 1) + b + "$"
    g = -_window_long_way(sa + "$")
    for j in range(min(o - 1, len(b) + 1)):
        g += _window_long_way(sab[j:j + o])
        g -= _window_long_way(sb[j:j + o])
    return g


def _pairs() -> list[tuple[str, str]]:
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]+", SEED004)})
    rnd = random.Random(15)
    pairs = [(w[:k], w[k:]) for w in words for k in range(1, len(w))]
    pairs += [("".join(rnd.choice(LETTERS) for _ in range(rnd.randint(1, 12))),
               "".join(rnd.choice(LETTERS) for _ in range(rnd.randint(0, 12)))) for _ in range(3000)]
    return pairs + [("аааа", "а"), ("күл", ""), ("", "күл"), ("күл", "кілі")]


def test_new_windows_are_the_long_way_floats_and_split_gain_the_same_value(monkeypatch) -> None:
    # a new window is looked up as an n-gram once, then backed off from its context: the float of
    # the old double probe, bit for bit; split_gain sums b's windows once per b (_BSUM): the value
    # of the old order but for rounding, cold, warm and with the tables emptied as they fill
    pairs = _pairs()
    expected = [_gain_long_way(a, b) for a, b in pairs]
    for rnd in range(3):
        if rnd != 1:
            monkeypatch.setattr(charlm, "_WINDOW", {})
            monkeypatch.setattr(charlm, "_BSUM", {})
        if rnd == 2:
            monkeypatch.setattr(charlm, "_WINDOW_MAX", 50)
        for (a, b), ref in zip(pairs, expected):
            assert abs(charlm.split_gain(a, b) - ref) < 1e-12, (a, b)
        assert len(charlm._WINDOW) <= charlm._WINDOW_MAX + 9
    for w in list(charlm._WINDOW)[:2000]:
        assert struct.pack("<d", charlm._new(w)) == struct.pack("<d", _window_long_way(w)), w
    assert charlm.split_gain("күл", "кілі") > 0 > charlm.split_gain("жаңа", "заң")


def _is_chain_naive(s: str, pieces: frozenset[str]) -> bool:
    if not s:
        return True
    return any(s[:k] in pieces and _is_chain_naive(s[k:], pieces) for k in range(1, min(7, len(s)) + 1))


def test_chain_starts_read_from_the_end_are_the_naive_chains(monkeypatch) -> None:
    # ok[k] is "w[k:] is a sequence of suffixes" (2-7 letters, or one of the one-letter ones),
    # for every k; the walk reads the word from its end and stores the answer in the table
    pieces = frozenset(x for x in suffix_allomorphs() if 2 <= len(x) <= 7) | frozenset(_SINGLE)
    monkeypatch.setattr(resources, "_STARTS", {})
    rnd = random.Random(7)
    words = ["жетістіктерді", "мемлекеттерінің", "басқармасының", "лығымен", "", "а"]
    words += ["".join(rnd.choice("аеыіндлрғгқкмсты") for _ in range(rnd.randint(1, 14))) for _ in range(1500)]
    for w in words:
        ok = resources.chain_starts(w)
        assert [bool(ok[k]) for k in range(len(w) + 1)] == [_is_chain_naive(w[k:], pieces) for k in range(len(w) + 1)], w
        assert resources._STARTS[w] is ok and resources.chain_starts(w) is ok
