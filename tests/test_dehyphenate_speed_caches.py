"""The de-hyphenator's caches give the uncached answer, for any input, and stay bounded
(issue 15 speed; no timing here: speed is measured in ``benchmarks/speed/bench_dehyphenate.py``).

The inputs are random strings over Kazakh letters and suffix pieces (``лығымен`` = лығ + ы +
мен), so that suffix chains, vowel harmony and syllable breaks come out both ways.
"""

from __future__ import annotations

import random

import pytest

from kaznlp.dehyphenate import learned, morph
from kaznlp.dehyphenate import resources as chains
from kaznlp.dehyphenate.evidence import Evidence
from kaznlp.lang import phonology

TEXT = "Қыркүйектегі жиында мамандар тәжірибесімен бөлісті. Ұлттық жетістіктерді таныстырды."
PIECES = ("лығ", "ы", "мен", "дар", "тер", "ның", "ге", "да", "сы", "н", "қ", "ә", "ө", "і", "у", "ль", "ск",
          "қыркүйек", "жетіс", "тік", "а", "о", "е", "ю", "-", "Ә", "x")


def _words(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 6))) for _ in range(n)]


def _chain_reference(ev: Evidence, s: str, first_long: bool = False) -> bool:
    """A suffix chain by plain recursion, no table and no cache."""
    def ok(i: int) -> bool:
        if i == len(s):
            return True
        if s[i] in morph._SINGLE and not (first_long and i == 0) and ok(i + 1):
            return True
        return any(s[i:i + k] in ev.sfx and ok(i + k) for k in range(2, min(7, len(s) - i) + 1))
    return len(s) > 0 and ok(0)


def test_chain_caches_give_the_uncached_answer() -> None:
    ev = Evidence(TEXT)
    words = _words(15, 1500) + ["лығымен", "дарының", "тердің", "мен", "қыркүйектегі"]
    for w in words + words:  # the second pass reads the caches
        starts = ev.chain_starts(w)
        assert len(starts) == len(w) + 1
        for k in range(len(w)):
            assert starts[k] == _chain_reference(ev, w[k:]), (w, k)
        assert ev.is_chain(w) == _chain_reference(ev, w), w
        assert ev.is_chain(w, first_long=True) == _chain_reference(ev, w, first_long=True), w
    assert ev.is_chain("лығымен") and not ev.is_chain("қыркүйек")


def test_analyzable_reads_chain_starts_as_is_chain() -> None:
    ev = Evidence(TEXT)
    for w in _words(16, 800) + ["жетістіктерді", "тәжірибесімен", "қыркүйектегі"]:
        expected = any((w[:k] in ev.lex or ev.in_doc(w[:k])) and ev.is_chain(w[k:]) for k in range(len(w) - 1, 2, -1))
        if "-" not in w:
            assert ev.analyzable(w) == expected, w


def test_longest_stem_and_spans_read_chain_starts_as_is_chain() -> None:
    ev = Evidence(TEXT)
    for w in _words(22, 800) + ["жетістіктерді", "тәжірибесімен", "қыркүйектегі", "кентасты"]:
        w = w.replace("-", "")
        known = [k for k in range(len(w), 1, -1)
                 if (w[:k] in ev.lex or ev.in_doc(w[:k])) and (k == len(w) or ev.is_chain(w[k:]))]
        assert ev.longest_stem(w) == (known[0] if known else 0), w
        for cut in range(1, len(w)):
            expected = any(k < len(w) and k > cut + 1 for k in known)
            assert ev.spans(w[:cut], w[cut:]) == expected, (w, cut)
    assert ev.spans("қыр", "күйектегі") and ev.longest_stem("жетістіктерді") > 0


def _vowels_agree_reference(a: str, b: str) -> bool | None:
    """The letter loops phonology.vowels_agree and harmony_clash replaced (regexes over the
    reversed word since round 13), and syllable_break's count of the last letters."""
    from kaznlp.lang.alphabet import AMBIGUOUS_VOWELS, BACK_VOWELS, FRONT_VOWELS

    va = next((c for c in reversed(a) if c in BACK_VOWELS or c in FRONT_VOWELS or c in AMBIGUOUS_VOWELS), "")
    vb = next((c for c in b if c in BACK_VOWELS or c in FRONT_VOWELS or c in AMBIGUOUS_VOWELS), "")
    if not va or not vb or va in AMBIGUOUS_VOWELS or vb in AMBIGUOUS_VOWELS:
        return None
    return (va in BACK_VOWELS) == (vb in BACK_VOWELS)


def _harmony_clash_reference(a: str, b: str) -> bool:
    from kaznlp.lang.alphabet import BACK_VOWELS, FRONT_VOWELS

    if b.startswith(("мен", "бен", "пен")):
        return False
    if not phonology._KAZ_ONLY.search(a + b) or phonology._RUS_ONLY.search(a + b) or "о" in b or "ө" in b:
        return False
    va = next((c for c in reversed(a) if c in BACK_VOWELS or c in FRONT_VOWELS), "")
    vb = next((c for c in b if c in BACK_VOWELS or c in FRONT_VOWELS), "")
    return bool(va and vb) and ((va in BACK_VOWELS) != (vb in BACK_VOWELS))


def _syllable_break_reference(a: str, b: str) -> bool:
    from kaznlp.lang.alphabet import PURE_VOWELS

    la = 0
    for c in reversed(a):
        if not c.isalpha():
            break
        la += 1
    return la >= 2 and len(b) >= 2 and b[0] not in PURE_VOWELS


def test_phonology_gives_the_letter_loops_answer() -> None:
    rnd = random.Random(24)
    letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіАӘҚОЕИ1-%.xIi \u00ad²"
    pairs = [("".join(rnd.choice(letters) for _ in range(rnd.randint(0, 7))),
              "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 7)))) for _ in range(20_000)]
    pairs += list(zip(_words(25, 2000), _words(26, 2000))) + [("зәре", "құтын"), ("жетіс", "тіктерді"), ("такси", "ге")]
    for a, b in pairs:
        for fn, ref in ((phonology.vowels_agree, _vowels_agree_reference),
                        (phonology.harmony_clash, _harmony_clash_reference),
                        (phonology.syllable_break, _syllable_break_reference)):
            got, want = fn.__wrapped__(a, b), ref(a, b)
            assert got == want and type(got) is type(want), (fn.__name__, a, b)


@pytest.mark.parametrize("fn", [phonology.vowels_agree, phonology.harmony_clash, phonology.syllable_break])
def test_cached_phonology_gives_the_uncached_answer(fn) -> None:  # type: ignore[no-untyped-def]
    a, b = _words(17, 700), _words(18, 700)
    for x, y in zip(a + a, b + b):
        assert fn(x, y) == fn.__wrapped__(x, y), (x, y)
    assert fn.cache_info().maxsize is not None  # bounded


def test_cached_norm_gives_the_uncached_answer() -> None:
    for w in _words(19, 1500) + ["ҚазақстанЬ", "Ceмей", "Aлматы"]:
        assert morph.norm(w) == morph.norm.__wrapped__(w), w
    assert morph.norm.cache_info().maxsize is not None


def test_chain_caches_are_bounded() -> None:
    ev = Evidence(TEXT)
    chains._STARTS.update({f"x{i}": [True] for i in range(100_001)})
    assert ev.chain_starts("zлығымен")[1]  # a word not asked before: the full cache is emptied
    assert len(chains._STARTS) < 10
    chains._CHAIN.update({(f"x{i}", False): True for i in range(200_001)})
    assert not ev.is_chain("zлығымен")
    assert len(chains._CHAIN) < 10
    assert ev.chain_starts("лығымен")[0] and ev.is_chain("лығымен")


def _plain_reference(ev: Evidence, a: str, b: str, rule: str) -> list[float] | None:
    """The bare-break features assembled the long way, from the one-hot helpers."""
    if not a[0].isalpha():
        a = a.rsplit("-", 1)[-1]
    al, bl = morph.norm(a), morph.norm(b).split("-")[0]
    if not al or not bl or not al.isalpha() or not bl.isalpha():
        return None
    agree = phonology.vowels_agree(al, bl)
    return (learned._gain_features(al, bl)
            + learned._onehot(ev.join_score(al, bl), learned._J_LEVELS) + learned._onehot(ev.word(al), learned._W_LEVELS)
            + learned._onehot(ev.word(bl), learned._W_LEVELS)
            + [float(ev.is_chain(bl, first_long=True)), float(phonology.syllable_break(al, bl)),
               float(agree is True), float(agree is False), float(phonology.harmony_clash(al, bl)),
               float(a[0].isupper()), float(al in learned.CONJUNCTIONS)]
            + learned._glue_features(ev, al, bl)
            + [len(al) / 10, len(bl) / 10, float(len(bl) <= 3), ev.longest_stem(bl) / 10, float(rule == "join"), 1.0, 0.0])


def test_plain_features_are_the_long_way_features() -> None:
    ev = Evidence(TEXT)
    pairs = list(zip(_words(20, 400), _words(21, 400))) + [("қыр", "күйектегі"), ("жетіс", "тіктерді"),
                                                            ("Ұлт", "тық"), ("1979-", "жыл")]
    n = 0
    for i, (a, b) in enumerate(pairs):
        rule = "join" if i % 2 else "keep"
        got, ref = learned._plain_features(ev, a, b, rule), _plain_reference(ev, a, b, rule)
        assert got == ref, (a, b)
        n += got is not None
    assert n > 100  # most pairs are words


@pytest.mark.parametrize("need", [2, 3])
def test_votes_stop_only_when_the_rest_cannot_change_the_answer(need: int) -> None:
    # layout stops counting break votes once _settled answers: every way the breaks left could
    # vote (join, whole words, no evidence) must then give that answer
    from kaznlp.dehyphenate.layout import _settled

    def final(sj: int, ss: int) -> bool:
        return sj >= need and sj * 100 >= ss * 12

    stops = 0
    for sj in range(12):
        for ss in range(40):
            for left in range(12):
                got = _settled(sj, ss, left, need)
                ends = {final(sj + a, ss + b) for a in range(left + 1) for b in range(left + 1 - a)}
                if got is None:
                    assert len(ends) == 2, (sj, ss, left)  # it waits only when the rest can still swing it
                else:
                    stops += 1
                    assert ends == {got}, (sj, ss, left)
    assert stops > 1000
    assert _settled(10, 0, 0, need) is True and _settled(1, 0, 0, need) is False


def _logp_reference(word: str) -> float:
    """``charlm.logp`` the long way: each letter backs off through the table, no cache."""
    from kaznlp.lang import charlm

    lp, bow = charlm._table()
    s = "^" * (charlm.ORDER - 1) + word + "$"
    total = 0.0
    for i in range(charlm.ORDER - 1, len(s)):
        back = 0.0
        for k in range(charlm.ORDER - 1, -1, -1):
            p = lp.get(s[i - k:i] + s[i])
            if p is not None:
                total += back + p
                break
            back += bow.get(s[i - k:i], 0.0)
        else:
            total += back + charlm._UNSEEN
    return total


def test_charlm_caches_give_the_uncached_answer(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the window contributions give the same floats as adding letter by letter (logp), and
    # split_gain, which adds only the windows where ``ab`` and ``b`` differ, the same value but for
    # rounding, also when the bounded caches are emptied between the words of one split_gain
    from kaznlp.lang import charlm

    words = [w.lower().replace("-", "") for w in _words(23, 600)] + ["", "күл", "кілі", "мемлекеттерінің", "xyz"]
    for small in (False, True):
        if small:
            monkeypatch.setattr(charlm, "_WORDS_MAX", 3)
            monkeypatch.setattr(charlm, "_WINDOW_MAX", 20)
            for name in ("_LOGP", "_WINDOW"):
                monkeypatch.setattr(charlm, name, {})  # empty: the small bounds are reached again
        for a, b in zip(words, words[1:] + words[:1]):
            ref = _logp_reference(a + b) - _logp_reference(a) - _logp_reference(b)
            assert abs(charlm.split_gain(a, b) - ref) < 1e-9, (a, b)
            assert charlm.logp(a) == _logp_reference(a), a
        assert len(charlm._LOGP) <= charlm._WORDS_MAX and len(charlm._WINDOW) <= charlm._WINDOW_MAX + 8
    assert charlm.split_gain("күл", "кілі") > 0 > charlm.split_gain("жаңа", "заң")


def test_plain_score_is_the_dense_score_bit_for_bit() -> None:
    # learned._plain_score (no feature list, used when no trace is asked for) adds the non-zero
    # products in the dense order: every word of the seed-004 text cut at every place, as a
    # lost-hyphen break with the rules answering join and space, and the random pairs above
    import re
    import struct
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "seed004_expected.txt").read_text(encoding="utf-8")
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)?", text)
    pairs = [(w[:k], w[k:]) for w in words for k in range(1, len(w)) if w[k] != "-"]
    pairs += list(zip(_words(22, 400), _words(23, 400))) + [("1979-", "жыл")]
    n = 0
    # the document-free terms are remembered (learned._TERMS): asked first for one text, then for
    # another text and again, each score is still that text's dense score
    learned._TERMS.clear()
    for ev, (a, b) in [(ev, p) for ev in (Evidence(text), Evidence(TEXT), Evidence(text)) for p in pairs]:
        for rule in ("join", "space"):
            x = learned._plain_features(ev, a, b, rule)
            got = learned._plain_score(ev, a, b, rule)
            assert (got is None) == (x is None), (a, b)
            if x is not None and got is not None:
                assert struct.pack("<d", got) == struct.pack("<d", learned._learned("plain", x)), (a, b, rule)
                # not exact (no trace, learned): a sum of the same sign
                assert (learned._plain_score(ev, a, b, rule, False) or 0) * got > 0, (a, b, rule)
                n += 1
    assert n > 2000


def test_no_trace_gives_the_traced_verdicts() -> None:
    # without a trace (ev.features False) the learned layer's verdicts carry no features, and
    # the same decision and rule; the score has the same sign (_plain_score, not exact)
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "seed004_expected.txt").read_text(encoding="utf-8")
    traced, plain = Evidence(text), Evidence(text)
    plain.features = False
    n = 0
    for w in text.split():
        for k in range(1, len(w)):
            a, b = w[:k], w[k:]
            if not b[0].islower():
                continue
            t, p = learned._decide_plain(traced, a, b, True), learned._decide_plain(plain, a, b, True)
            assert (t.decision, t.rule) == (p.decision, p.rule), (a, b)
            assert (t.score is None) == (p.score is None) and (t.score or 0) * (p.score or 0) >= 0, (a, b)
            assert p.features is None
            n += t.features is not None
    assert n > 500


def test_after_is_read_for_the_reads_after_pieces_only() -> None:
    # breaks._decide_break passes the text after a bare break's right piece only when that piece
    # is in learned.READS_AFTER, so that the memo of _decide_plain answers a repeated pair once:
    # every other piece must get the same verdict whatever follows it (a rule that reads the
    # text after another piece must add that piece to READS_AFTER)
    import re
    from pathlib import Path

    text = (Path(__file__).parent / "fixtures" / "seed004_expected.txt").read_text(encoding="utf-8")
    ev = Evidence(text)
    afters = ("", ", ", ". ", ") ", " танысты.", " мұңы", " және", " бірге келді.")
    n = 0
    for pos, w in ((m.start(), m.group()) for m in re.finditer(r"[^\W\d_]+", text)):
        real = text[pos + len(w):pos + len(w) + 40]
        for k in range(2, len(w) - 1):
            a, b = w[:k], w[k:]
            if morph.norm(b) in learned.READS_AFTER:
                continue
            got = {(v.decision, v.rule, v.score) for v in
                   (learned._decide_plain(ev, a, b, True, x) for x in (real, *afters))}
            assert len(got) == 1, (a, b, got)
            n += 1
            if n >= 600:
                return
    raise AssertionError(f"only {n} pairs")
