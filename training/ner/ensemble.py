"""Build one pipeline whose ``kaznlp_ner`` averages several separately trained models.

    python -m training.ner.ensemble --members /tmp/a/model-best /tmp/b/model-best --out training/ner/training/ensemble

The members must share the vectors table and labels (same ``config.cfg``, different
seeds or initialisations). The result loads with ``spacy.load`` like any pipeline
(architecture ``kaznlp.Ensemble.v1`` in ``kaznlp/ner/tagger.py``); tagging costs one
forward pass per member.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

import spacy  # noqa: E402
from thinc.api import Config  # noqa: E402

import kaznlp.ner.tagger  # noqa: E402,F401
import kaznlp.spacy_lang  # noqa: E402,F401


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--members", type=Path, nargs="+", required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    members = [spacy.load(p) for p in args.members]
    labels = [tuple(m.get_pipe("ner").labels) for m in members]
    assert all(lab == labels[0] for lab in labels), "members have different labels"
    base = members[0]
    cfg = Config(base.config).interpolate()
    model_cfgs = [Config(m.config).interpolate()["components"]["ner"]["model"] for m in members]
    # positional arguments: blocks [components.ner.model.*.0], [components.ner.model.*.1], ...
    cfg["components"]["ner"]["model"] = {"@architectures": "kaznlp.Ensemble.v1",
                                         "*": {str(i): c for i, c in enumerate(model_cfgs)}}
    text = cfg.to_str()
    nlp = spacy.util.load_model_from_config(Config().from_str(text), auto_fill=True, validate=True)
    ner = nlp.get_pipe("ner")
    for label in labels[0]:
        ner.add_label(label)
    for layer, m in zip(ner.model.layers, members):
        layer.from_bytes(m.get_pipe("ner").model.to_bytes())
    nlp.vocab.vectors = base.vocab.vectors
    nlp.vocab.strings.from_bytes(base.vocab.strings.to_bytes())
    nlp.meta.update(base.meta)
    nlp.to_disk(args.out)
    print(f"saved {args.out} ({len(members)} members)")


if __name__ == "__main__":
    main()
