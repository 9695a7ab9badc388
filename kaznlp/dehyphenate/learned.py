from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from operator import mul

from kaznlp._data import read_text
from kaznlp.lang import charlm
from kaznlp.lang.phonology import harmony_clash, syllable_break, vowels_agree

from .chars import _CYR
from .evidence import Evidence, Verdict, _memo_decision
from .men import instrumental_fits, parallel_after_men, verb_after_men
from .morph import COMBINING, CONJUNCTIONS, PARTICLES, norm
from .particles import (QUESTION_PARTICLES, SERIES_PARTICLES, names_around_men, particle_series, question_after,
                        written_apart)
from .resources import _hyphen_parts, remember
from .rules_inline import _SUSPENDERS, _inflected_word, _inline_rule
from .rules_line import FINAL_PLAIN, _plain_rule


@lru_cache(maxsize=1)
def _weights() -> dict[str, list[float]]:
    """The weights of ``data/dehyph_weights.json``, feature names checked."""
    models = json.loads(read_text("dehyph_weights.json"))["models"]
    for kind, names in FEATURES.items():
        if models.get(kind, {}).get("features") != names:
            raise RuntimeError(f"dehyph_weights.json: {kind!r} features differ; rerun training/train_dehyph.py")
    return {kind: models[kind]["weights"] for kind in FEATURES}


def _learned(kind: str, x: list[float]) -> float:
    """The model's score for features ``x`` (> 0: 'join')."""
    return sum(map(mul, _weights()[kind], x))  # the same products, added in the same order


def _onehot(v: float, levels: tuple[float, ...]) -> list[float]:
    return [1.0 if v == lv else 0.0 for lv in levels]


def _gain_features(a: str, b: str) -> list[float]:
    """``charlm.split_gain(a, b)`` / 5, and clipped to ±10 / 5."""
    gain = charlm.split_gain(a, b) if charlm.available() else 0.0
    return [gain / 5, max(-10.0, min(10.0, gain)) / 5]


def _glue_features(ev: Evidence, a: str, b: str) -> list[float]:
    """Glue counts known for ``a`` + ``b``, and their log ratio."""
    glue = ev.glue_counts(a, b) if len(b) <= 5 else None
    return [0.0, 0.0] if glue is None else [1.0, math.log((glue[0] + 1) / (glue[1] + 1)) / 3]


_J_LEVELS = (0, 1, 1.5, 2, 2.5, 3)  # evidence levels of :meth:`Evidence.join_score`
_W_LEVELS = (0, 1, 1.5, 2, 3)  # and of :meth:`Evidence.word`

# feature names, in order (dehyph_weights.json repeats them)
_PLAIN_FEATURES = (
    ["charlm_gain", "charlm_gain_clipped"]
    + [f"join_{v}" for v in _J_LEVELS] + [f"left_{v}" for v in _W_LEVELS] + [f"right_{v}" for v in _W_LEVELS]
    + ["right_is_suffix_chain", "syllable_break", "harmony_agrees", "harmony_differs", "harmony_clash",
       "left_capitalised", "left_conjunction", "glue_counted", "glue_log_ratio", "left_len", "right_len",
       "right_short", "right_stem_len", "rule_joins", "bias", "men_genitive_after"]
)
_INLINE_FEATURES = (
    ["charlm_gain", "charlm_gain_clipped", "hyphenated_0", "hyphenated_1", "hyphenated_2", "hyphenated_3"]
    + [f"join_{v}" for v in _J_LEVELS] + [f"left_{v}" for v in _W_LEVELS] + [f"right_{v}" for v in _W_LEVELS]
    + ["right_is_suffix_chain", "right_is_particle", "harmony_agrees", "harmony_differs", "harmony_clash",
       "left_capitalised", "left_inflected", "left_in_hyphenated", "right_in_hyphenated", "glue_counted",
       "glue_log_ratio", "left_len", "right_len", "bias"]
)
FEATURES = {"plain": _PLAIN_FEATURES, "inline_join": _INLINE_FEATURES}


def _inline_features(ev: Evidence, a: str, b: str) -> list[float] | None:
    """Features of ``a- b`` in a line; None where the layer is not asked."""
    al, bl = norm(a), norm(b)
    b_first = bl.split("-")[0]
    if (not al.isalpha() or not b_first.isalpha() or not _CYR.match(al) or not _CYR.match(b_first)
            or al in COMBINING or not syllable_break(al, b_first) or b[0].isupper() or b_first in _SUSPENDERS):
        return None  # not before a vowel (``Әкесінің- інісі``), a capital or a conjunction
    left, right = _hyphen_parts()
    agree = vowels_agree(al, b_first)
    return (_gain_features(al, b_first) + _onehot(ev.attested_hyphen(al, bl), (0, 1, 2, 3))
            + _onehot(ev.join_score(al, bl), _J_LEVELS) + _onehot(ev.word(al), _W_LEVELS)
            + _onehot(ev.word(b_first), _W_LEVELS)
            + [float(ev.is_chain(b_first, first_long=True)), float(b_first in PARTICLES),
               float(agree is True), float(agree is False), float(harmony_clash(al, b_first)),
               float(a[0].isupper()), float(_inflected_word(ev, al)), float(al in left or ev.doc_hyphen_left(al)),
               float(b_first[:4] in right or ev.doc_hyphen_right(b_first[:4]))]
            + _glue_features(ev, al, b_first) + [len(al) / 10, len(b_first) / 10, 1.0])


_GEN3 = re.compile(r"(?:\s+[^\W\d_]+){0,2}?\s+[^\W\d_]*[ндт][ыі]ң(?![^\W\d_])", re.I)


def _men_genitive(bl: str, after: str) -> float:
    """1.0: ``b`` is ``мен`` and one of the next three words is in the genitive."""
    return float(bl in _MEN and _GEN3.match(after) is not None)


def _plain_features(ev: Evidence, a: str, b: str, rule: str, after: str = "") -> list[float] | None:
    """Features of a bare break ``a⏎b``; None if no word is left."""
    if not a[0].isalpha():
        a = a.rsplit("-", 1)[-1]
    al, bl = norm(a), norm(b).split("-")[0]
    if not al or not bl or not al.isalpha() or not bl.isalpha():
        return None
    agree = vowels_agree(al, bl)
    gain = charlm.split_gain(al, bl) if charlm.available() else 0.0
    glue = ev.glue_counts(al, bl) if len(bl) <= 5 else None
    x = [gain / 5, max(-10.0, min(10.0, gain)) / 5, *[0.0] * 16, float(ev.is_chain(bl, first_long=True)),
         float(syllable_break(al, bl)), float(agree is True), float(agree is False), float(harmony_clash(al, bl)),
         float(a[0].isupper()), float(al in CONJUNCTIONS), 0.0 if glue is None else 1.0,
         0.0 if glue is None else math.log((glue[0] + 1) / (glue[1] + 1)) / 3,
         len(al) / 10, len(bl) / 10, float(len(bl) <= 3), ev.longest_stem(bl) / 10, float(rule == "join"), 1.0,
         _men_genitive(bl, after)]
    j = _J_INDEX.get(ev.join_score(al, bl))
    if j is not None:
        x[2 + j] = 1.0
    w = _W_INDEX.get(ev.word(al))
    if w is not None:
        x[8 + w] = 1.0
    w = _W_INDEX.get(ev.word(bl))
    if w is not None:
        x[13 + w] = 1.0
    return x


_J_INDEX = {v: i for i, v in enumerate(_J_LEVELS)}
_W_INDEX = {v: i for i, v in enumerate(_W_LEVELS)}


# _plain_score's terms that read no document, by (a, b, rule)
_TERMS: dict[tuple[str, str, str], tuple[str, str, float, tuple[float, ...], bool] | None] = {}


@lru_cache(maxsize=1)
def _late() -> tuple[float, float]:
    """How far terms 18, 20-22 can lower and raise a score."""
    t = [_weights()["plain"][i] for i in (18, 20, 21, 22)]
    return 1e-9 - sum(min(0, x) for x in t), 1e-9 + sum(max(0, x) for x in t)


def _plain_terms(ev: Evidence, a: str, b: str, rule: str) -> tuple[str, str, float, tuple[float, ...], bool] | None:
    """(al, bl, the first sum, the terms 19, 23-29, rule == "join"); None: no word."""
    if not a[0].isalpha():
        a = a.rsplit("-", 1)[-1]
    al, bl = norm(a), norm(b).split("-")[0]
    if not al or not bl or not al.isalpha() or not bl.isalpha():
        return None
    w = _weights()["plain"]
    gain = charlm.split_gain(al, bl) if charlm.available() else 0.0
    mid: list[float] = []
    if syllable_break(al, bl):
        mid.append(w[19])
    if a[0].isupper():
        mid.append(w[23])
    if al in CONJUNCTIONS:
        mid.append(w[24])
    glue = ev.glue_counts(al, bl) if len(bl) <= 5 else None
    if glue is not None:
        mid.append(w[25])
        mid.append(w[26] * (math.log((glue[0] + 1) / (glue[1] + 1)) / 3))
    mid.append(w[27] * (len(al) / 10))
    mid.append(w[28] * (len(bl) / 10))
    if len(bl) <= 3:
        mid.append(w[29])
    return al, bl, w[0] * (gain / 5) + w[1] * (max(-10.0, min(10.0, gain)) / 5), tuple(mid), rule == "join"


def _plain_score(ev: Evidence, a: str, b: str, rule: str, exact: bool = True, after: str = "") -> float | None:
    """The model's score of ``a⏎b``, or (not ``exact``) a partial sum of the same sign."""
    key = (a, b, rule)
    t = _TERMS.get(key)
    if t is None:
        if key in _TERMS:
            return None
        t = _plain_terms(ev, a, b, rule)
        remember(_TERMS, key, t, 50_000)
        if t is None:
            return None
    al, bl, s, mid, join = t
    w = _weights()["plain"]
    j = _J_INDEX.get(ev.join_score(al, bl))
    if j is not None:
        s += w[2 + j]
    k = _W_INDEX.get(ev.word(al))
    if k is not None:
        s += w[8 + k]
    k = _W_INDEX.get(ev.word(bl))
    if k is not None:
        s += w[13 + k]
    for x in mid:
        s += x
    s += w[30] * (ev.longest_stem(bl) / 10)
    if join:
        s += w[31]
    s += w[32]
    if after and _men_genitive(bl, after):
        s += w[33]
    down, up = _late()
    if exact or -up <= s <= down:
        f = _plain_features(ev, a, b, rule, after)
        return None if f is None else _learned("plain", f)
    return s


def exact_plain_score(ev: Evidence, a: str, b: str) -> float | None:
    """The learned score of ``a⏎b``, every term summed (as a trace reports it)."""
    return _plain_score(ev, a, b, _plain_rule(ev, a, b, True, "")[0], True, "")


# the pieces whose rules read ``after`` (the driver passes it for these only)
_MEN = frozenset(("мен", "бен", "пен"))
READS_AFTER = _MEN | SERIES_PARTICLES | QUESTION_PARTICLES


def _decide_plain(ev: Evidence, a: str, b: str, prior_join: bool | None, after: str = "") -> Verdict:
    """``a⏎b`` (no hyphen, ``b`` lower case): 'join' or 'space' (docs/dehyphenate.md, Learned layer)."""
    if after and (bl := norm(b)) not in _MEN:
        after = (", а да" if particle_series(after) else "") if bl in SERIES_PARTICLES else (
            "?" if question_after(after) else "")
    return _decide_plain_memo(ev, a, b, prior_join, after)


@_memo_decision
def _decide_plain_memo(ev: Evidence, a: str, b: str, prior_join: bool | None, after: str = "") -> Verdict:
    """:func:`_decide_plain`, remembered."""
    rule, name = _plain_rule(ev, a, b, prior_join, after)
    if not prior_join or not a[-1:].isalpha() or name in FINAL_PLAIN:
        return Verdict(rule, name)
    al, bl = norm(a), norm(b)
    if name == "joined_known" and ev.join_score(al, bl) >= 3:
        # the text writes the joined form, not both pieces (``Ішекқуыстылар``)
        return Verdict(rule, "joined_form_in_text")
    if rule == "space" and name != "no_syllable_break" and ev.closed_compound(al, bl):
        # the dictionary writes the pair as one word (``қол⏎шатырға``)
        return Verdict("join", "closed_compound")
    if bl in SERIES_PARTICLES and name != "no_syllable_break" and particle_series(after):
        return Verdict("space", "particle_series")  # айқайлай⏎да, жылай да: the particle repeated
    if bl in QUESTION_PARTICLES and name != "no_syllable_break" and question_after(after):
        return Verdict("space", "question_particle")  # берер⏎ме едіңіз?
    if bl in _MEN and name != "no_syllable_break":
        if names_around_men(a, after):
            return Verdict("space", "conjunction_names")  # Шәкәрім⏎мен Кәкітай
        if parallel_after_men(al, after):
            return Verdict("space", "conjunction_parallel")  # қайғысы⏎мен мұңы
        if verb_after_men(after) and instrumental_fits(al, bl):
            return Verdict("join", "instrumental_before_verb")  # кітаптар⏎мен танысты.
    if bl in PARTICLES and name not in ("no_syllable_break", "men_before_punctuation") and written_apart(ev, al, bl):
        return Verdict("space", "particle_written_apart")  # Шарль⏎де Голль: ``Шарль де`` in a line
    if name != "no_syllable_break" and ev.word(al) == 0 and ev.spans(al, bl):
        return Verdict("join", "stem_spans_break")  # Аберкром⏎бидің
    if not ev.features:  # no trace asked for: the score alone
        sc = _plain_score(ev, a, b, rule, not ev.learned, after)
        if sc is None:
            return Verdict(rule, name)
        if not ev.learned:
            return Verdict(rule, name, None, sc)
        return Verdict("join" if sc > 0 else "space", "learned:" + name, None, sc)
    x = _plain_features(ev, a, b, rule, after)
    if x is None:
        return Verdict(rule, name)
    score = _learned("plain", x)
    if not ev.learned:
        return Verdict(rule, name, tuple(x), score)
    return Verdict("join" if score > 0 else "space", "learned:" + name, tuple(x), score)


@_memo_decision
def _decide_inline(ev: Evidence, a: str, b: str, after: str = "") -> Verdict:
    """``a- b`` in a line: 'join', 'hyphen' or 'keep' (the model may join what the rules keep)."""
    rule, name = _inline_rule(ev, a, b, after)
    if rule != "keep":
        return Verdict(rule, name)
    x = _inline_features(ev, a, b)
    if x is None:
        return Verdict(rule, name)
    score = _learned("inline_join", x)
    if score > 0 and ev.learned:
        return Verdict("join", "learned:" + name, tuple(x), score)
    return Verdict(rule, name, tuple(x), score)


