"""Subword-aware static vectors (floret) for the NER model, trained on openly licensed Kazakh text.

    python -m training.ner.vectors [--dim 64 --bucket 20000 --epoch 30]
        # -> training/ner/pretrain/raw.txt, kk_floret.floret, vectors/ (spaCy vectors, attr NORM)

The raw text (lower-cased, kaznlp tokens, one sentence or paragraph a line) is:

* KazNERD **valid** sentences (labels ignored), minus the sentences that also occur in
  the test split and minus the dev slice (``training/ner/corpus/dev.spacy``); never test text;
* ``training/ner/sources.py``: NTREX-128 Kazakh news and KazQAD Wikipedia passages of the
  source groups on the **dev** side of ``benchmarks/gold/splits.py`` only (never a written-news
  NER test source), UD Kazakh-KTB train sentences (not its test file; all CC BY-SA 4.0);
* KazNERD annotation guidelines (CC BY 4.0);
* with ``--apertium`` also the apertium kaz-rus web crawl (GPL-3.0: experiments only,
  nothing derived from it is shipped).

floret keeps one hashed table (``--bucket`` rows) for words and their character
3-5-grams, so every word, seen or not, gets a vector from its pieces: this is what
the NER model lacks for the 12 % of test tokens that never occur in valid.
"""

from __future__ import annotations

import argparse
import glob
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from kaznlp.ner.conll import read_iob2  # noqa: E402
from kaznlp.tokenize import tokenize  # noqa: E402
from training.ner.sources import paragraphs, report  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "training" / "ner" / "pretrain"


def line(text: str) -> str:
    return " ".join(t.text.lower() for t in tokenize(text))


def kaznerd_training_words(counts: Counter | None = None):
    """The words of each KazNERD valid sentence that trains the model: not in the test split, not in
    the dev slice (``training/ner/corpus/dev.spacy``). ``counts`` gets kept / dropped."""
    import spacy
    from spacy.tokens import DocBin

    import kaznlp.spacy_lang  # noqa: F401

    test = {tuple(w) for w, _ in read_iob2(SHARED / "kaznerd" / "IOB2_test.txt")}
    nlp = spacy.blank("kk")
    dev = {tuple(t.text for t in d) for d in DocBin().from_disk(ROOT / "training/ner/corpus/dev.spacy").get_docs(nlp.vocab)}
    for words, _ in read_iob2(SHARED / "kaznerd" / "IOB2_valid.txt"):
        kept = tuple(words) not in test and tuple(words) not in dev
        if counts is not None:
            counts["kaznerd/IOB2_valid.txt (test-split duplicates and the dev slice dropped):" + ("dev" if kept else "test")] += 1
        if kept:
            yield words


def cased_texts(counts: Counter | None = None):
    """The same sources as running text with case (for ``spacy pretrain``; no guidelines)."""
    from kaznlp.ner.conll import detokenize

    for words in kaznerd_training_words():
        yield detokenize(words)[0]
    for _, para in paragraphs(counts):
        yield para


def raw_lines(apertium: bool, counts: Counter | None = None):
    for words in kaznerd_training_words(counts):
        yield " ".join(w.lower() for w in words)
    for _, para in paragraphs(counts):
        yield line(para)
    for row in open(SHARED / "pdf_extracted/kaznerd_guidelines/KazNERD_Annotation_Guidelines.pdftotext.txt",
                    encoding="utf-8"):
        if row.strip():
            yield line(row)
    if apertium:
        for path in sorted(glob.glob(str(SHARED / "news" / "apertium_kaz_rus_corpus" / "**"), recursive=True)):
            p = Path(path)
            if p.is_file() and p.name not in {"AUTHORS", "COPYING", "PROVENANCE.md"}:
                for row in open(p, encoding="utf-8", errors="ignore"):
                    if row.strip() and not row.lstrip().startswith("<"):
                        yield line(row)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--bucket", type=int, default=20000)
    ap.add_argument("--epoch", type=int, default=30)
    ap.add_argument("--minn", type=int, default=3)
    ap.add_argument("--maxn", type=int, default=5)
    ap.add_argument("--model", default="skipgram", choices=["skipgram", "cbow"])
    ap.add_argument("--apertium", action="store_true", help="add the GPL apertium crawl (not for shipping)")
    args = ap.parse_args()

    import floret

    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "raw.jsonl", "w", encoding="utf-8") as f:  # for spacy pretrain
        for text in cased_texts():
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    raw = args.out / "raw.txt"
    n_tok = 0
    counts: Counter = Counter()
    with open(raw, "w", encoding="utf-8") as f:
        for text in raw_lines(args.apertium, counts):
            if text:
                f.write(text + "\n")
                n_tok += text.count(" ") + 1
    print(report(counts))
    print(f"{raw}: {n_tok} tokens")
    model = floret.train_unsupervised(
        str(raw), model=args.model, mode="floret", hashCount=2, bucket=args.bucket, dim=args.dim,
        minn=args.minn, maxn=args.maxn, epoch=args.epoch, minCount=1, thread=1, verbose=0,
    )
    vec = args.out / "kk_floret.floret"
    model.save_floret_vectors(str(vec))
    subprocess.run([sys.executable, "-c", "import kaznlp.spacy_lang, spacy.cli; spacy.cli.app()", "init", "vectors",
                    "kk", str(vec), str(args.out / "vectors"), "--mode", "floret", "--attr", "NORM"],
                   check=True, cwd=ROOT)
    print(f"spaCy vectors: {args.out / 'vectors'}")


if __name__ == "__main__":
    main()
