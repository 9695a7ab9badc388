"""Self-training data: openly licensed raw Kazakh text tagged by a trained NER model ("silver").

    python -m training.ner.selftrain --model packages/kk_kaznlp_ner/kk_kaznlp_ner/model --out training/ner/corpus_silver
    python -m training.ner.train --output training/ner/training_silver --set paths.train=training/ner/corpus_silver

The text is the non-KazNERD part of the vectors' corpus, ``training/ner/sources.py``: NTREX-128
Kazakh news and KazQAD Wikipedia passages of the **dev**-side source groups only (never a
written-news NER test source) and UD Kazakh-KTB train sentences (all CC BY-SA 4.0); never
KazNERD test text, never the GPL apertium crawl. Each paragraph is
normalized and split into sentences by kaznlp, tagged by ``--model`` (which was selected
on the dev slice only), and stored as running text with its predicted entities.
``--out`` then holds ``silver.spacy`` and a copy of the gold ``train.spacy``: spaCy's
corpus reader takes every ``.spacy`` file of a folder, so training sees both.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

import spacy  # noqa: E402

import kaznlp.spacy_lang  # noqa: E402,F401
from training.ner.distill import teacher_labels  # noqa: E402
from training.ner.sources import paragraphs  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=ROOT / "packages" / "kk_kaznlp_ner" / "kk_kaznlp_ner" / "model")
    ap.add_argument("--gold", type=Path, default=ROOT / "training" / "ner" / "corpus" / "train.spacy")
    ap.add_argument("--out", type=Path, default=ROOT / "training" / "ner" / "corpus_silver")
    ap.add_argument("--min-tokens", type=int, default=4)
    args = ap.parse_args()

    db, n_tok, n_ent = teacher_labels(spacy.load(args.model), (para for _, para in paragraphs()), args.min_tokens)
    args.out.mkdir(parents=True, exist_ok=True)
    db.to_disk(args.out / "silver.spacy")
    shutil.copyfile(args.gold, args.out / "train.spacy")
    print(json.dumps({"silver_sentences": len(db), "silver_tokens": n_tok, "silver_entities": n_ent,
                      "model": str(args.model)}, indent=2))


if __name__ == "__main__":
    main()
