"""Round 19 (h22speed): facts a document cannot change are remembered across documents (``split_gain``
by the characters it reads, ``Evidence.closed_compound``), and ``suffix_start`` asks the remembered chain
test before the document (docs/dehyphenate.md, Document evidence and speed); each gives the answer it replaces."""

from __future__ import annotations

import re
import struct

from kaznlp.dehyphenate.evidence import _COMPOUND, Evidence
from kaznlp.dehyphenate.morph import PARTICLES
from kaznlp.lang import charlm

from tests.test_dehyph_round15_speed import SEED004, _gain_long_way


def test_split_gain_reads_a_s_last_four_and_b_s_first_four_characters(monkeypatch):
    # ``жетіс|тіктерді`` and ``бетіс|тіктері`` read the same windows (``етіс`` + ``тікт``): the gain
    # remembered under those eight characters is the one computed, bit for bit, and the old value
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]{5,}", SEED004)})[:400]
    pairs = [(w[:k], w[k:]) for w in words for k in (2, 3, len(w) - 2)] + [("күл", "кілі"), ("а", ""), ("", "күл")]
    for rnd in range(2):
        if rnd == 0:
            monkeypatch.setattr(charlm, "_GAIN", {})
        for a, b in pairs:
            got = charlm.split_gain(a, b)
            assert abs(got - _gain_long_way(a, b)) < 1e-12, (a, b)
            key = ("^" * 4 + a)[-4:] + (b + "$")[:4]
            assert struct.pack("<d", charlm._GAIN[key]) == struct.pack("<d", got)
    assert charlm.split_gain("күл", "кілі") > 0 > charlm.split_gain("жаңа", "заң")


def test_closed_compound_is_the_same_in_every_document():
    # ``қол⏎шатырға``: a Hunspell closed compound + suffixes whatever the text; remembered once
    _COMPOUND.clear()  # (a cache: emptied, it is filled again)
    a, b = Evidence("Ол қолшатыр алды."), Evidence(SEED004)
    assert a.closed_compound("қол", "шатырға") and not a.closed_compound("жаңа", "заң")
    assert _COMPOUND == {("қол", "шатырға"): True, ("жаңа", "заң"): False}
    assert b.closed_compound("қол", "шатырға") and not b.closed_compound("жаңа", "заң")
    assert len(_COMPOUND) == 2


def test_suffix_start_asks_the_chain_first_with_the_same_answers():
    # ``лығымен``, ``ның``: suffix chains and no words; ``қызметтер`` a word of the lexicon
    ev = Evidence(SEED004)
    words = sorted({w.lower() for w in re.findall(r"[^\W\d_]+", SEED004)})[:1500]
    for b in words + ["лығымен", "лық", "ның", "қызметтер"]:
        old = not (len(b) < 2 or b in PARTICLES or b in ev.lex or ev.in_doc(b) or ev.analyzable(b)) and ev.is_chain(
            b, first_long=True)
        assert ev.suffix_start(b) == old, b
    assert ev.suffix_start("лығымен") and ev.suffix_start("ның") and not ev.suffix_start("қызметтер")
