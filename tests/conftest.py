"""Shared test set-up: where ../shared is, and hypothesis profiles.

Tests that need ../shared skip cleanly when it is absent (a user's clone has none).
Hypothesis profiles: ``ci`` (default, fast: 150 examples a property, fewer for ``ner``, see
``strategies.examples``), ``thorough`` (3,000 examples) and ``deep`` (100,000 examples per
test, outside CI): ``pytest --hypothesis-profile=deep tests/test_properties_core.py
tests/test_properties_api.py`` (or ``HYPOTHESIS_PROFILE=deep``). The hostile-text strategies
are in ``tests/strategies.py``; docs/reliability.md says what was run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

SHARED = Path(os.environ.get("KAZNLP_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"

# ci: deterministic (same examples every run, no example database), so CI never flakes;
# the deeper profiles search at random and remember failures.
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("deep", max_examples=100_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

needs_shared = pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="../shared data not present")


def seed_text(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not present in {SEEDS}")
    return matches[0].read_text(encoding="utf-8")


class _Layer:
    """A stand-in for a thinc layer: dims and params by name."""

    def __init__(self, dims: dict, params: dict) -> None:
        self.dims, self.params = dims, params

    def get_dim(self, name: str):
        return self.dims[name]

    def get_param(self, name: str):
        return self.params[name]


@pytest.fixture
def random_maxout_norm():
    """``make(n_o, n_p, n_i, rng)``: a ``kaznlp.ner.fast_layers.MaxoutNorm`` of that shape with
    random weights drawn from the numpy generator ``rng`` (thinc layers stood in by plain objects)."""
    import importlib

    fast_layers = importlib.import_module("kaznlp.ner.fast_layers")

    def make(n_o: int, n_p: int, n_i: int, rng):
        maxout = _Layer({"nO": n_o, "nP": n_p, "nI": n_i},
                        {"W": rng.standard_normal((n_o, n_p, n_i)).astype("f"),
                         "b": rng.standard_normal((n_o, n_p)).astype("f")})
        norm = _Layer({}, {"G": rng.standard_normal(n_o).astype("f"), "b": rng.standard_normal(n_o).astype("f")})
        return fast_layers.MaxoutNorm(maxout, norm)

    return make
