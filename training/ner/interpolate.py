"""Interpolate the weights of two pipelines of the same architecture (WiSE-FT weight averaging).

``finetune.py`` moves the bundled model towards written news and costs it about a point on
KazNERD. Averaging the weights of the base model and its fine-tuned copy, ``w = a * w_tuned +
(1 - a) * w_base`` (Wortsman et al., *Robust fine-tuning of zero-shot models*, CVPR 2022),
keeps much of the gain and gives back much of the loss; both share one initialization, so the
average is a working model. Every parameter of the ``ner`` component is averaged; the
vectors and the configuration are the tuned model's (the same as the base model's).

    python -m training.ner.interpolate --base packages/kk_kaznlp_ner/kk_kaznlp_ner/model \\
        --tuned training/ner/ft_open/model-last --alpha 0.5 --out training/ner/wise_open/model-last
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

import spacy  # noqa: E402

import kaznlp.spacy_lang  # noqa: E402,F401
from kaznlp.ner import model_path  # noqa: E402


def interpolate(base, tuned, alpha: float):
    """Set ``tuned``'s ner weights to ``alpha * tuned + (1 - alpha) * base`` (in place); returns ``tuned``."""
    b_nodes = list(base.get_pipe("ner").model.walk())
    t_nodes = list(tuned.get_pipe("ner").model.walk())
    if len(b_nodes) != len(t_nodes):
        raise ValueError("the two pipelines do not have the same architecture")
    for b, t in zip(b_nodes, t_nodes):
        if b.name != t.name or list(b.param_names) != list(t.param_names):
            raise ValueError(f"layers differ: {b.name} vs {t.name}")
        for name in t.param_names:
            if t.has_param(name) and b.has_param(name):
                wb, wt = b.get_param(name), t.get_param(name)
                if wb.shape != wt.shape:
                    raise ValueError(f"{t.name}.{name}: shapes {wb.shape} vs {wt.shape}")
                t.set_param(name, (alpha * wt + (1.0 - alpha) * wb).astype(wt.dtype))
    return tuned


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, default=model_path())
    ap.add_argument("--tuned", type=Path, required=True)
    ap.add_argument("--alpha", type=float, default=0.5, help="weight of the tuned model (1 = tuned, 0 = base)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    base = spacy.load(args.base)
    tuned = spacy.load(args.tuned)
    interpolate(base, tuned, args.alpha).to_disk(args.out)
    print(f"alpha {args.alpha}: {args.out}")


if __name__ == "__main__":
    main()
