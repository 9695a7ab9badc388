"""Round 14 (issue 15, the first pass over new words): less work per new pair, the same output.

* ``charlm.split_gain`` adds only the windows where ``ab`` and ``b`` differ: from ``b``'s fifth
  letter on the two read the same windows, which cancel, and ``a``'s part of ``ab`` is ``log P(a)``
  but its end. The same value but for rounding (``logp`` is unchanged, the same floats).
* Without a trace the bare-break score asks for the suffix chain's and vowel harmony's terms
  only when they could change its sign (they are 0 or a weight each: bounded).
* ``resources.chain_starts`` answers in a ``bytearray``: one is remembered per word, and none is
  an object for the cyclic GC to visit.
"""

from __future__ import annotations

import gc
import random
import re
from pathlib import Path

from kaznlp.dehyphenate import learned
from kaznlp.dehyphenate.evidence import Evidence
from kaznlp.lang import charlm

SEED004 = (Path(__file__).parent / "fixtures" / "seed004_expected.txt").read_text(encoding="utf-8")
OTHER = "Қыркүйектегі жиында мамандар тәжірибесімен бөлісті."
LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіqx"


def _gain_the_long_way(a: str, b: str) -> float:
    return charlm.logp(a + b) - charlm.logp(a) - charlm.logp(b)


def test_split_gain_reads_the_windows_that_differ_only(monkeypatch) -> None:
    # every cut of the seed-004 words (one-letter pieces, pieces shorter than the model's order)
    # and random letter strings, a right piece that repeats the left one's end; the words' own
    # scores are not asked (a word score for ``ab`` was three: ``ab``, ``a``, ``b``)
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]+", SEED004)})
    rnd = random.Random(14)
    pairs = [(w[:k], w[k:]) for w in words for k in range(1, len(w))]
    pairs += [("аааа", "а"), ("а", "аааа"), ("", "күл"), ("күл", ""), ("күл", "кілі"), ("жетіс", "тіктерді")]
    pairs += [("".join(rnd.choice(LETTERS) for _ in range(rnd.randint(1, 15))),
               "".join(rnd.choice(LETTERS) for _ in range(rnd.randint(1, 15)))) for _ in range(3000)]
    expected = [_gain_the_long_way(a, b) for a, b in pairs]
    monkeypatch.setattr(charlm, "_LOGP", {})
    monkeypatch.setattr(charlm, "logp", None)  # split_gain must not need it
    for (a, b), ref in zip(pairs, expected):
        assert abs(charlm.split_gain(a, b) - ref) < 1e-9, (a, b)
    assert not charlm._LOGP
    assert charlm.split_gain("күл", "кілі") > 0 > charlm.split_gain("жаңа", "заң")


def test_chain_starts_are_not_visited_by_the_cyclic_gc() -> None:
    ev = Evidence("")
    ok = ev.chain_starts("жетістіктерді")
    assert not gc.is_tracked(ok)
    assert ok[len("жетіс")] and ev.is_chain("тіктерді") is True and ev.is_chain("жетіс") is False


def test_harmony_is_asked_only_near_the_boundary(monkeypatch) -> None:
    # the seed-004 words broken where a typesetter may break them (a syllable break, two letters
    # each side) in a text that does not write them whole: the learned layer decides, the harmony
    # terms are asked for few of them, and every decision is the traced one (the dense score)
    words = sorted(set(re.findall(r"[^\W\d_]+", SEED004)))
    pairs = [(w[:k], w[k:]) for w in words for k in range(2, len(w) - 1)
             if learned.syllable_break(w[:k].lower(), w[k:])]
    asked: list[tuple[str, str]] = []
    agree = learned.vowels_agree
    monkeypatch.setattr(learned, "vowels_agree", lambda a, b: asked.append((a, b)) or agree(a, b))
    learned._TERMS.clear()
    plain, traced = Evidence(OTHER), Evidence(OTHER)
    plain.features = False
    verdicts = [learned._decide_plain(plain, a, b, True) for a, b in pairs]
    scored = sum(v.rule.startswith("learned:") for v in verdicts)
    assert scored > 300 and len(asked) < scored / 10, (len(asked), scored)
    for (a, b), p in zip(pairs, verdicts):
        t = learned._decide_plain(traced, a, b, True)
        assert (p.decision, p.rule) == (t.decision, t.rule), (a, b)
