"""benchmarks/audit/dehyphenate_glue_curve.py: the learned layer's bare-break decisions decided again at
another threshold, on real Kazakh text that lost its hyphens (seed 004 needs ../shared; the PDF case
needs the cached dev extractions of ``python -m benchmarks.testsets.pdf_testset --split dev``)."""

from __future__ import annotations

import pytest

from benchmarks.audit.dehyphenate_glue_curve import curve_one, learned_breaks, rebuild
from conftest import SEEDS
from kaznlp.dehyphenate import dehyphenate

SEED = SEEDS / "004_5e70945c94cc5f6f.txt"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="../shared is absent")
TAUS = (-1.0, -0.5, 0.0, 0.5, 1.0)


@needs_seed
def test_seed004_rebuilt_at_zero_is_the_output_and_a_lower_tau_glues():
    text = SEED.read_text(encoding="utf-8")
    per_tau, chk = curve_one(text, None, TAUS)
    assert chk["learned"] > 10 and chk["plain_differs"] == chk["tau0_differs"] == chk["region_mismatch"] == 0
    out, al, decisions = dehyphenate(text, explain=True)
    learned = learned_breaks(decisions)
    # ``(DIFC Courts) соттары⏎мен Дубай Әмірлігі``: the conjunction, score -0.39, kept apart at 0;
    # at tau -0.5 it would be glued, at +1 nothing the layer joins here is undone (its joins score 4+)
    at = {tau: rebuild(text, out, al, learned, tau)[0] for tau in TAUS}
    assert at[0.0] == dehyphenate(text)
    assert "соттары мен Дубай" in at[0.0] and "соттарымен Дубай" in at[-0.5]
    assert per_tau[-0.5]["to_join"] == 1 and at[1.0] == at[0.0]


def _one_pdf_extraction():
    gold = pytest.importorskip("benchmarks.testsets.pdf_testset.gold")
    from benchmarks.testsets.pdf_testset import render
    from benchmarks.testsets.pdf_testset.extract import extraction
    if not gold.shared_dir(None).is_dir():
        pytest.skip("../shared is absent")
    meta = gold.load("dev")
    lay = next(lay for lay in meta["layouts"] if lay["name"] == "tex-news-lost-text")
    for doc in meta["documents"][:20]:
        paras = gold.paragraphs(doc, check=False)
        text = extraction(render.pdf_path(lay, paras), "pdftotext", lay, make=False)
        if text is not None:
            return "\n".join(paras), text
    pytest.skip("no cached PDF dev extraction (python -m benchmarks.testsets.pdf_testset --split dev)")


def test_pdf_extraction_curve_is_monotone():
    from benchmarks.testsets.pdf_testset.score import Aligned
    gold_text, text = _one_pdf_extraction()
    per_tau, chk = curve_one(text, Aligned(gold_text, text), TAUS)
    assert chk["plain_differs"] == chk["tau0_differs"] == chk["region_mismatch"] == 0
    assert per_tau[0.0]["to_join"] == per_tau[0.0]["to_space"] == 0
    # a higher tau only turns joins into spaces: never more glued words, never more repaired ones
    for lo, hi in zip(TAUS, TAUS[1:]):
        assert per_tau[hi]["glued"] <= per_tau[lo]["glued"]
        assert per_tau[hi]["repaired"] <= per_tau[lo]["repaired"]
    assert per_tau[-1.0]["broken"] == per_tau[1.0]["broken"] > 0
