"""Helpers the benchmarks share: raw corpora, peer adapters, the Punkt peer, plots."""
