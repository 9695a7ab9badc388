"""benchmarks/ by role: each script runs as a module from the repository root (``python -m benchmarks.speed.bench_normalize``).

- ``run_all``: every benchmark in one command; results in ``benchmarks/results/``
- ``speed/``: speed and memory, kaznlp next to its peers in the same process
- ``accuracy/``: scores on gold sets (UD Kazakh-KTB, the news gold, transliteration round trips)
- ``testsets/``: test sets built from ``../shared`` at run time, with their scorers and splits
- ``gold/``: hand-checked gold sets (offsets into ``../shared``), their dev/test split, UD Kazakh-KTB
- ``audit/``: a step's decisions on raw text; same output / same speed as a git revision
- ``common/``: shared helpers (raw corpora, peer adapters, the Punkt peer, plots)
- ``fuzz/``: the fuzz harness
"""
