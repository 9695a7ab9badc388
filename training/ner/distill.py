"""Distillation data: open Kazakh text labelled by the shipped (teacher) model, for a narrower student.

    python -m training.ner.distill --out /tmp/distill            # teacher = the shipped model
    python -m training.ner.train --output /tmp/student --set paths.train=/tmp/distill \\
        --set components.ner.model.tok2vec.encode.width=112 --set paths.vectors=VECTORS

The text is ``training/ner/sources.py``'s (as for ``vectors.py`` and ``selftrain.py``): only
source groups that ``benchmarks/gold/splits.py`` puts on the **dev** side are read: the NTREX-128 outlets and KazQAD
domains of the news NER test split are never seen, and of UD Kazakh-KTB only the train file
(its test file is a benchmark). All CC BY-SA 4.0; never the GPL apertium crawl, never KazNERD test.
Each paragraph is normalized and split into sentences by kaznlp, tagged by ``--model`` (hard
labels) and stored with its predicted entities; ``--out`` also gets a copy of the gold
``train.spacy`` (spaCy reads every ``.spacy`` file of the folder), with ``--gold-repeat`` copies
to keep gold weight against the teacher labels.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

import spacy  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

import kaznlp.spacy_lang  # noqa: E402,F401
from kaznlp import normalize  # noqa: E402
from kaznlp.sentences import split_sentences  # noqa: E402
from training.ner.sources import paragraphs  # noqa: E402


def teacher_labels(nlp, paras, min_tokens: int) -> tuple[DocBin, int, int]:
    """The distinct sentences of ``paras`` (normalized, split by kaznlp) of ``min_tokens``+ tokens,
    tagged by ``nlp``: (the docs, their tokens, their entities). Shared with ``selftrain.py``."""
    seen = set()
    sentences = []
    for para in paras:
        for span in split_sentences(normalize(para)):
            if span.text not in seen:
                seen.add(span.text)
                sentences.append(span.text)
    db = DocBin(store_user_data=False)
    n_tok = n_ent = 0
    for doc in nlp.pipe(sentences, batch_size=256):
        if len(doc) < min_tokens:
            continue
        db.add(doc)
        n_tok += len(doc)
        n_ent += len(doc.ents)
    return db, n_tok, n_ent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=ROOT / "packages" / "kk_kaznlp_ner" / "kk_kaznlp_ner" / "model")
    ap.add_argument("--gold", type=Path, default=ROOT / "training" / "ner" / "corpus" / "train.spacy")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--min-tokens", type=int, default=4)
    ap.add_argument("--gold-repeat", type=int, default=1)
    args = ap.parse_args()

    counts: Counter = Counter()
    db, n_tok, n_ent = teacher_labels(spacy.load(args.model), (para for _, para in paragraphs(counts)),
                                      args.min_tokens)
    args.out.mkdir(parents=True, exist_ok=True)
    db.to_disk(args.out / "teacher.spacy")
    for i in range(args.gold_repeat):
        shutil.copyfile(args.gold, args.out / f"train{i}.spacy")
    print(json.dumps({"records_by_side": dict(counts), "teacher_sentences": len(db), "teacher_tokens": n_tok,
                      "teacher_entities": n_ent, "model": str(args.model)}, indent=2))


if __name__ == "__main__":
    main()
