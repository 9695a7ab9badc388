"""Train the bundled NER model (CPU; a few minutes per run). Never run in CI.

    python -m training.ner.prepare                       # KazNERD -> training/ner/corpus/*.spacy
    python -m training.ner.train --output training/ner/training [--set training.max_epochs=60 ...]
    python -m training.ner.package                       # best model -> packages/kk_kaznlp_ner/kk_kaznlp_ner/model

``--set key=value`` overrides any config setting (``components.tok2vec.model.encode.width=128``).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.chdir(ROOT)  # config paths are relative to the repository root

import kaznlp.spacy_lang  # noqa: E402,F401  registers spacy.blank("kk") and kaznlp.Tokenizer.v1
from spacy.cli.train import train  # noqa: E402


def config_overrides(items: list[str]) -> dict[str, object]:
    """``--set KEY=VALUE`` options as spaCy config overrides; a VALUE is JSON when it parses as
    JSON (``--set training.max_steps=300``), a string otherwise (``--set paths.vectors=dir``)."""
    overrides: dict[str, object] = {}
    for item in items:
        key, _, value = item.partition("=")
        try:
            overrides[key] = json.loads(value)
        except ValueError:
            overrides[key] = value
    return overrides


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", type=Path, default=ROOT / "training" / "ner" / "config.cfg")
    ap.add_argument("--output", type=Path, default=ROOT / "training" / "ner" / "training")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args()
    t0 = time.perf_counter()
    train(args.config, args.output, overrides=config_overrides(args.set))
    print(f"training took {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
