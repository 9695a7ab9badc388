"""Copy a trained pipeline into the model distribution with a proper meta.json.

    python -m training.ner.package [--model training/ner/training/model-best] [--target DIR]

Writes to ``packages/kk_kaznlp_ner/kk_kaznlp_ner/model`` (``--target`` to change it): the model
files of the distribution ``kk-kaznlp-ner``, which ``pip install "kaznlp[ner]"`` installs
(from a checkout, from that folder; ``kaznlp.ner.model_path()`` finds it in the installed
package). With the model package installed editable (``pip install -e packages/kk_kaznlp_ner``,
as CONTRIBUTING.md says) the new model is live at once; a normal install needs
``pip install --force-reinstall --no-deps ./packages/kk_kaznlp_ner``.

spaCy's saved pipelines hold the weights only (no optimizer state); this script also
empties the string table (the training tokens), drops the training corpus paths from the config and writes the model card fields
(licence, sources, labels) into meta.json. Evaluation figures are added by evaluate.py.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

import spacy  # noqa: E402

import kaznlp.spacy_lang  # noqa: E402,F401
from kaznlp.ner.tagger import half_precision  # noqa: E402

# the model files of the distribution kk-kaznlp-ner (packages/kk_kaznlp_ner, built from this repository)
TARGET = ROOT / "packages" / "kk_kaznlp_ner" / "kk_kaznlp_ner" / "model"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=ROOT / "training" / "ner" / "training" / "model-best")
    ap.add_argument("--target", type=Path, default=TARGET)
    ap.add_argument("--float32-vectors", action="store_true", help="keep the floret table in float32")
    ap.add_argument("--float32-weights", action="store_true", help="keep the model weights in float32")
    args = ap.parse_args()

    nlp = spacy.load(args.model)
    nlp.meta.update(
        {
            "name": "kaznlp_ner",
            "version": "0.2.0",
            # spaCy writes ">=<its version>,<3.9.0"; the model also loads on 3.8.16 and 3.8.17 (the
            # lowest spaCy kaznlp supports, pyproject.toml), which would warn W095 with that range
            "spacy_version": ">=3.8.16,<3.9.0",
            "description": "Kazakh NER (25 KazNERD labels): kaznlp tokenizer + CNN tok2vec (hash embeddings + "
                           "floret subword vectors) + BILUO token classifier; fine-tuned towards written news "
                           "(training/ner/finetune.py)",
            "author": "kaznlp developers",
            "license": "CC-BY-SA-4.0",
            "license_notes": (
                "The model (weights, floret vectors, config) is CC BY-SA 4.0: trained on KazNERD (c) IS2AI, "
                "CC BY 4.0 (attribution: Yeshpanov, Khassanov, Varol, KazNERD: Kazakh Named Entity Recognition "
                "Dataset, LREC 2022) and fine-tuned on kaznlp's own NER annotation of NTREX-128 and Kazakh "
                "Wikipedia (KazQAD) sentences (CC BY-SA 4.0; the GPL apertium crawl is not used); its floret "
                "vectors also on the dev-side NTREX-128 outlets and KazQAD domains and UD Kazakh-KTB train text "
                "(CC BY-SA 4.0) "
                "and the KazNERD annotation guidelines (CC BY 4.0). Licence texts: LICENSES/CC-BY-SA-4.0.txt and "
                "LICENSES/CC-BY-4.0.txt of the model distribution kk-kaznlp-ner "
                "(kk_kaznlp_ner-<version>.dist-info/licenses/LICENSES/ in an installed wheel; "
                "packages/kk_kaznlp_ner/LICENSES/ in the kaznlp source); which licence covers which file: "
                "LICENSES/README.md there. The loader code and kaznlp's code are MIT."
            ),
            "sources": [
                {"name": "KazNERD (valid split)", "url": "https://github.com/IS2AI/KazNERD",
                 "license": "CC-BY-4.0", "author": "Yeshpanov, Khassanov, Varol (IS2AI), LREC 2022"},
                {"name": "NTREX-128 Kazakh (vectors: dev-split outlets only; fine-tuning on kaznlp's NER annotation of its dev-split "
                         "sentences)", "url": "https://github.com/MicrosoftTranslator/NTREX",
                 "license": "CC-BY-SA-4.0"},
                {"name": "KazQAD Wikipedia passages (vectors: dev-split domains only; fine-tuning on kaznlp's NER annotation of its "
                         "dev-split sentences)", "url": "https://github.com/IS2AI/KazQAD",
                 "license": "CC-BY-SA-4.0"},
                {"name": "UD Kazakh-KTB train sentences (vectors only)",
                 "url": "https://github.com/UniversalDependencies/UD_Kazakh-KTB", "license": "CC-BY-SA-4.0"},
                {"name": "KazNERD annotation guidelines (vectors only)", "url": "https://github.com/IS2AI/KazNERD",
                 "license": "CC-BY-4.0"},
            ],
            "url": "https://github.com/IS2AI/KazNERD",
        }
    )
    if not args.float32_vectors and nlp.vocab.vectors.data.size:
        # float16 on disk halves the floret table (5.1 -> 2.6 MB); kaznlp_ner widens it
        # back to float32 when the pipeline loads (same test scores to 0.01)
        nlp.vocab.vectors.data = nlp.vocab.vectors.data.astype("float16")
    if not args.float32_weights:
        # float16 weights halve the model on disk; kaznlp_ner widens them to float32 on loading
        half_precision(nlp.get_pipe("ner").model)
    if args.target.exists():
        shutil.rmtree(args.target)
    args.target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.target)
    # the corpus paths point at a training machine; they mean nothing inside the wheel
    cfg = (args.target / "config.cfg").read_text(encoding="utf-8")
    cfg = cfg.replace('train = "training/ner/corpus/train.spacy"', "train = null").replace(
        'dev = "training/ner/corpus/dev.spacy"', "dev = null"
    ).replace('vectors = "training/ner/pretrain/vectors"', "vectors = null").replace(
        'raw_text = "training/ner/pretrain/raw.jsonl"', "raw_text = null")
    (args.target / "config.cfg").write_text(cfg, encoding="utf-8")
    # the training tokens' strings are not needed to tag (a doc adds the strings of its own
    # tokens; the model only sees hashes): an empty table saves 1.6 MB, same predictions
    (args.target / "vocab" / "strings.json").write_text("[]\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in args.target.rglob("*") if p.is_file())
    print(f"saved {args.target} ({size / 1e6:.1f} MB)")
    print(json.dumps(nlp.meta.get("labels", {}), ensure_ascii=False)[:300])


if __name__ == "__main__":
    main()
