"""Pretrain the NER model's tok2vec on raw Kazakh text (``spacy pretrain``, characters objective).

    python -m training.ner.vectors                         # writes training/ner/pretrain/raw.jsonl (+ vectors)
    python -m training.ner.pretrain --epochs 20            # -> training/ner/pretrain/tok2vec/model<N>.bin
    python -m training.ner.train --set paths.init_tok2vec=training/ner/pretrain/tok2vec/model19.bin

The tok2vec (same architecture as in ``config.cfg``, including the floret vectors)
learns to predict the first and last 4 characters of each word from its context,
on the raw text of ``vectors.py`` (never KazNERD test text).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.chdir(ROOT)

import kaznlp.ner.tagger  # noqa: E402,F401  (kaznlp.AffixHashEmbed.v1, kaznlp_ner)
import kaznlp.spacy_lang  # noqa: E402,F401
from spacy import util  # noqa: E402
from spacy.training.pretrain import pretrain  # noqa: E402
from thinc.api import Config  # noqa: E402

from training.ner.train import config_overrides  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--config", type=Path, default=ROOT / "training" / "ner" / "config.cfg")
    ap.add_argument("--raw", default="training/ner/pretrain/raw.jsonl")
    ap.add_argument("--output", type=Path, default=ROOT / "training" / "ner" / "pretrain" / "tok2vec")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override (JSON value)")
    args = ap.parse_args()
    overrides = {"paths.raw_text": args.raw, **config_overrides(args.set)}
    config = util.load_config(args.config, interpolate=False)
    default = util.load_config(Path(util.__file__).parent / "default_config_pretraining.cfg", interpolate=False)
    pre = dict(default["pretraining"])
    pre.update({"component": "ner", "layer": "tok2vec", "max_epochs": args.epochs})
    config = Config(config).merge({"pretraining": pre, "corpora": {"pretrain": default["corpora"]["pretrain"]}})
    config = util.load_config_from_str(config.to_str(), overrides=overrides, interpolate=False)
    args.output.mkdir(parents=True, exist_ok=True)
    config.to_disk(args.output / "config.cfg")
    pretrain(config.interpolate(), args.output, use_gpu=-1, silent=False)


if __name__ == "__main__":
    main()
