"""Average the weights of fine-tunes of one base model (same architecture, other seeds).

    python -m training.ner.average --members A/model-last B/model-last --out DIR/model-last
    python -m training.ner.average --fold-prefixes training/ner/cv/r6v2s600_fold training/ner/cv/r7s1_fold \
        --out-prefix training/ner/cv/r7avg_fold          # fold K: the average of each prefix's fold K

Unlike ``ensemble.py`` (one forward pass per member) the result is one model of the same
architecture, size and speed: every parameter of the ``kaznlp_ner`` component is the mean of
the members' (a "model soup"; fine-tunes that start from one base stay close enough in weight
space for the mean to work, which the news dev CV of the averaged fold models measures). The
tokenizer, vectors and labels are the first member's; the members must share them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy

import kaznlp.ner.tagger  # noqa: F401  (registers the architectures)
import kaznlp.spacy_lang  # noqa: F401


def average(members: list[Path], out: Path) -> None:
    """Write to ``out`` the first member with every NER weight replaced by the members' mean."""
    nlps = [spacy.load(p) for p in members]
    labels = [tuple(n.get_pipe("ner").labels) for n in nlps]
    if any(lab != labels[0] for lab in labels):
        raise ValueError("members have different labels")
    models = [n.get_pipe("ner").model for n in nlps]
    walks = [list(m.walk()) for m in models]
    if any(len(w) != len(walks[0]) for w in walks):
        raise ValueError("members have different architectures")
    for nodes in zip(*walks):
        for name in nodes[0].param_names:
            if not all(node.has_param(name) for node in nodes):
                continue
            values = [node.get_param(name) for node in nodes]
            if any(v.shape != values[0].shape for v in values):
                raise ValueError(f"parameter {name} of {nodes[0].name} differs in shape")
            nodes[0].set_param(name, sum(values[1:], values[0].copy()) / len(values))
    out.parent.mkdir(parents=True, exist_ok=True)
    nlps[0].to_disk(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--members", type=Path, nargs="+")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--fold-prefixes", nargs="+", help="average fold K of each prefix (PREFIX{K}/model-last)")
    ap.add_argument("--out-prefix", help="fold K's average goes to OUT_PREFIX{K}/model-last")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    if args.fold_prefixes:
        for k in range(args.folds):
            average([Path(f"{p}{k}/model-last") for p in args.fold_prefixes], Path(f"{args.out_prefix}{k}/model-last"))
            print(f"fold {k}: {args.out_prefix}{k}/model-last")
    else:
        average(args.members, args.out)
        print(f"saved {args.out} ({len(args.members)} members)")


if __name__ == "__main__":
    main()
