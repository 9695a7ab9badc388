"""Train the logistic layer of ``kaznlp.dehyphenate`` (``kaznlp/data/dehyph_weights.json``).

Run from the repository root with ``../shared/data`` present (about five minutes)::

    python -m training.build_lexicon       # lexicon, glue counts and the character model first
    python -m training.train_dehyph        # then this; prints cross-validated accuracy

What it learns. Each break the rules decide becomes one example: the rules' own answer plus
the evidence they looked at (levels of :meth:`_Evidence.word`, suffix chains, vowel harmony,
corpus glue counts) and the character model's preference (:mod:`kaznlp.lang.charlm`). The
examples come from the *dev* split of ``benchmarks/testsets/dehyphenate_testset.py`` (text whose
words did not feed the lexicon, hyphenated with the TeX patterns and wrapped at 35/50/70
columns), its openly licensed documents only (NTREX-128, CC BY-SA 4.0; KazQAD wiki passages,
CC BY-SA 4.0): the dev lines of the GPL-3.0 apertium crawl are skipped, so the shipped
weights derive from no GPL text. With ``--pdf WEIGHT`` (the shipped weights: see ``PDF_WEIGHT``) the
cached extractions of the PDF **dev** set (``benchmarks/testsets/pdf_testset``: real line breaks of
LaTeX and LibreOffice output read by three extractors) add their examples, the NTREX-128 and KazQAD
documents only. The *test* split is never read here. The gold answer of a break is read off the
clean text: the joined form written there or the two words apart (breaks where both or
neither occur are skipped). Cross-validation folds are by document (a PDF document is read in
several layouts and extractors).

The model: L2-regularised logistic regression fitted by gradient descent with numpy (a
training-time dependency only; the library evaluates the dot product in pure Python).
Five-fold cross-validation on dev is printed next to the rules' own accuracy.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from benchmarks.testsets import dehyphenate_testset as T
from kaznlp.dehyphenate import explain_breaks
from kaznlp.dehyphenate.learned import FEATURES

ROOT = Path(__file__).resolve().parent.parent

OUT = ROOT / "kaznlp" / "data" / "dehyph_weights.json"
# weight of a PDF dev example against a wrap/web one in the shipped fit (docs/dehyphenate.md, Round 15)
PDF_WEIGHT = 0.25


# what is collected: the decision kind of the trace (kaznlp.dehyphenate.explain_breaks), the
# test-set styles that exercise it, and how the gold text spells each answer (label index = position)
KINDS = {
    "plain": ("line_break", ("lost",), ("{a}{b}", "{a} {b}")),
    "inline": ("hyphen_space", ("webspace",), ("{a}{b}", "{a}-{b}", "{a}- {b}")),
}
# the models fitted: (collected kind, labels counted as 1, labels counted as 0 (None: all others))
MODELS = {
    "plain": ("plain", {0}, None),
    "inline_join": ("inline", {0}, None),
}


def _spelled(pattern: str, a: str, b: str) -> re.Pattern[str]:
    """``{a} {b}`` → a regex for ``a``, whitespace, ``b``, starting a token."""
    a, b = re.escape(a), re.escape(b)
    return re.compile(r"(?<!\w)" + pattern.format(a=a, b=b).replace(" ", r"\s+"))


def _label(text: str, gold: str, doc: str, out: dict[str, list[tuple[list[float], int, str]]],
           style: str | None = None) -> None:
    """Append to ``out`` each break of ``text`` the rules decide (``learned=False``; the trace carries
    the features the learned layer would weigh, where it would be asked), labelled by how ``gold``
    spells it (breaks spelled neither or both ways are skipped); with ``style``, only the kinds that
    style exercises."""
    of_kind = {k: kind for kind, (k, _, _) in KINDS.items()}
    names = {"plain": FEATURES["plain"], "inline": FEATURES["inline_join"]}
    for d in explain_breaks(text, learned=False):
        kind = of_kind.get(d.kind)
        feats = d.evidence.get("features")
        if kind is None or not isinstance(feats, dict) or style is not None and style not in KINDS[kind][1]:
            continue
        a, b, x = d.left, d.right, [feats[n] for n in names[kind]]
        found = [i for i, p in enumerate(KINDS[kind][2]) if _spelled(p, a, b).search(gold)]
        if len(found) == 1:
            out[kind].append((x, found[0], doc))


def collect(shared: Path, split: str = "dev") -> dict[str, list[tuple[list[float], int, str]]]:
    """Run the rules over the ``split`` documents and return ``{kind: [(features, gold label, document)]}``
    (the label indexes the kind's spellings: 0 = joined, ...)."""
    rng = random.Random(T.SEED)
    hy = T.Hyphenator(shared / "hyphenation" / "hyph-kk.pat.txt")
    T.corpus_counts(shared)
    out: dict[str, list[tuple[list[float], int, str]]] = {k: [] for k in KINDS}
    styles = sorted({st for _, sts, _ in KINDS.values() for st in sts})
    for group, docs in T.load_docs(shared, rng, (split,)).items():
        if not group.startswith(split) or group.endswith("/apertium"):
            continue  # the apertium crawl is GPL-3.0: the shipped weights learn from open text only
        for style in styles:
            for width in (T.WIDTHS if style not in ("websoft", "webspace") else (0,)):
                for di, paras in enumerate(docs):
                    drng = random.Random(f"{T.SEED}-{group}-{style}-{width}-{di}")  # as the test set does
                    src, gold, _ = T.make_doc(paras, style, width, hy, drng, [])
                    _label(src, gold, f"{group}/{di}", out, style)
    return out


# the PDF dev documents whose text is openly licensed (NTREX-128, KazQAD wiki: CC BY-SA 4.0); the
# apertium crawl (GPL-3.0) is never read
PDF_OPEN = ("news/ntrex128_kaz.jsonl", "other/kazqad_wiki/")


def collect_pdf(shared: Path, split: str = "dev") -> dict[str, list[tuple[list[float], int, str]]]:
    """The same examples as :func:`collect`, from the cached PDF **dev** extractions of
    ``benchmarks/testsets/pdf_testset`` (real line breaks of LaTeX and LibreOffice output, read by
    pdftotext, pdftotext -layout and pypdf; ``lost_text`` layouts with their hyphens dropped), open
    documents only, each labelled from its gold (the source text); ``(features, label, document id)``.
    Extractions not in the cache are skipped (``python -m benchmarks.testsets.pdf_testset --split dev``
    makes them)."""
    if split != "dev":
        raise ValueError("collect_pdf reads the dev split only")
    from benchmarks.testsets.pdf_testset import gold, render
    from benchmarks.testsets.pdf_testset.extract import extraction

    meta = gold.load("dev")
    out: dict[str, list[tuple[list[float], int, str]]] = {k: [] for k in KINDS}
    missing = 0
    for doc in meta["documents"]:
        if doc["split"] != "dev" or not doc["source"]["file"].startswith(PDF_OPEN):
            continue
        paras = gold.paragraphs(doc, shared.parent)
        gtext = "\n".join(paras)
        for lay in meta["layouts"]:
            if lay["name"] not in doc.get("layouts", [lay["name"]]):
                continue
            pdf = render.pdf_path(lay, paras)
            for ex in lay["extractors"]:
                text = extraction(pdf, ex, lay, make=False)
                if text is None:
                    missing += 1
                    continue
                _label(text, gtext, doc["id"], out)
    if missing:
        print(f"collect_pdf: {missing} extractions not cached, skipped")
    return out


def fit(X, y, sw, l2: float = 1e-3, steps: int = 3000, lr: float = 0.5):
    """Logistic regression weights for features ``X``, labels ``y``, example weights ``sw``."""
    import numpy as np

    w = np.zeros(X.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        w -= lr * (X.T @ ((p - y) * sw) / sw.sum() + l2 * w)
    return w


def _folds(groups: list[str], k: int = 5):
    """Fold of each example: its document's (documents in order of first appearance, cut in ``k``
    blocks), so a document's examples (the PDF set repeats one in several layouts and extractors)
    are never on both sides."""
    import numpy as np

    order = {g: i for i, g in enumerate(dict.fromkeys(groups))}
    return np.array([order[g] * k // len(order) for g in groups])


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=T.SHARED)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--dash-weight", type=float, default=12.0,
                    help="weight of an 'X- Y' that must stay against a broken word (default 12: on dev, "
                         "the smallest that destroys no more real hyphens and changes no more dashes "
                         "than the rules alone; 5 and 8 destroyed 3 and 1 more)")
    ap.add_argument("--pdf", type=float, default=PDF_WEIGHT, metavar="WEIGHT",
                    help="also learn from the cached PDF dev extractions (open documents only), each "
                         f"example weighted WEIGHT (default {PDF_WEIGHT}; 0: not read)")
    args = ap.parse_args(argv)
    data = collect(args.shared)
    pdf = collect_pdf(args.shared) if args.pdf > 0 else {k: [] for k in KINDS}
    models = {}
    for model, (kind, pos, neg) in MODELS.items():
        rows = [(x, lab, g, 0) for x, lab, g in data[kind]] + [(x, lab, g, 1) for x, lab, g in pdf[kind]]
        rows = [r for r in rows if r[1] in pos or neg is None or r[1] in neg]
        names = FEATURES[model]
        X = np.array([r[0] for r in rows], float)
        y = np.array([r[1] in pos for r in rows], float)
        src = np.array([r[3] for r in rows])
        g = y > 0
        # inline: a dash typed without its space is far more common in real web text than in the
        # test set (the raw corpus audit in docs/dehyphenate.md), so negatives weigh more
        sw = np.where(g, 1.0, args.dash_weight if kind == "inline" else 1.0) * np.where(src == 1, args.pdf, 1.0)
        folds = _folds([r[2] for r in rows])
        pred = np.zeros(len(y), bool)
        for k in range(5):
            te = folds == k
            pred[te] = X[te] @ fit(X[~te], y[~te], sw[~te]) > 0
        w = fit(X, y, sw)
        if kind == "plain":
            rule = X[:, names.index("rule_joins")] > 0
        else:
            rule = np.zeros(len(y), bool)  # the rules kept every one of these
        for part, m in (("wrap/web", src == 0), ("PDF", src == 1)):
            if not m.any():
                continue
            r, p_, gg = rule[m], pred[m], g[m]
            print(f"{model} {part}: {int(m.sum())} examples ({int(gg.sum())} positive); rules alone "
                  f"{float((r == gg).mean()):.4f} ({int((r & ~gg).sum())} false, {int((~r & gg).sum())} missed), "
                  f"with the model, 5-fold CV {float((p_ == gg).mean()):.4f} ({int((p_ & ~gg).sum())} false, "
                  f"{int((~p_ & gg).sum())} missed)")
        acc_rule = float((rule == g).mean())
        acc_cv = float((pred == g).mean())
        if kind == "plain":  # the character model alone, at its best threshold on dev
            gain = X[:, names.index("charlm_gain")] * 5
            acc_lm, thr = max((float(((gain > t) == g).mean()), float(t)) for t in np.arange(-5, 5, 0.25))
            lm_right = int((((gain > thr) == g) & (rule != g)).sum())
            print(f"{model}: the character model alone {acc_lm:.4f} (gain > {thr}); right on {lm_right} of the "
                  f"rules' {int((rule != g).sum())} errors")
        models[model] = {"features": list(names), "weights": [round(float(v), 5) for v in w],
                         "examples": len(y), "accuracy_rules": round(acc_rule, 5), "accuracy_cv": round(acc_cv, 5)}
        if args.pdf > 0:
            models[model]["examples_pdf"] = int((src == 1).sum())
    about = ("Logistic layer of kaznlp.dehyphenate, trained by training/train_dehyph.py on the dev split "
             "of benchmarks/testsets/dehyphenate_testset.py (dev/test by source, benchmarks.gold.splits)")
    if args.pdf > 0:
        about += (f" and the cached dev extractions of benchmarks/testsets/pdf_testset (--pdf {args.pdf:g}; "
                  "LaTeX and LibreOffice PDFs read by pdftotext, pdftotext -layout and pypdf)")
    about += (", their openly licensed documents only (NTREX-128 and KazQAD wiki passages, CC BY-SA 4.0; "
              "the GPL-3.0 apertium crawl is not read; no test document) (score > 0: join).")
    args.out.write_text(json.dumps({"about": about, "models": models}, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
