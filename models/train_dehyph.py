"""Train the logistic layer of ``kaznlp.dehyphenate`` (``kaznlp/data/dehyph_weights.json``).

Run from the repository root with ``../shared/data`` present (about two minutes)::

    python models/build_lexicon.py       # lexicon, glue counts and the character model first
    python models/train_dehyph.py        # then this; prints cross-validated accuracy

What it learns. Each break the rules decide becomes one example: the rules' own answer plus
the evidence they looked at (levels of :meth:`_Evidence.word`, suffix chains, vowel harmony,
corpus glue counts) and the character model's preference (:mod:`kaznlp.charlm`). The
examples come from the *dev* split of ``benchmarks/dehyphenate_testset.py`` (text whose
words did not feed the lexicon, hyphenated with the TeX patterns and wrapped at 35/50/70
columns); the *test* split is never read here. The gold answer of a break is read off the
clean text: the joined form written there or the two words apart (breaks where both or
neither occur are skipped).

The model: L2-regularised logistic regression fitted by gradient descent with numpy (a
training-time dependency only; the library evaluates the dot product in pure Python).
Five-fold cross-validation on dev is printed next to the rules' own accuracy.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import dehyphenate_testset as T  # noqa: E402

D = importlib.import_module("kaznlp.dehyphenate")
OUT = ROOT / "kaznlp" / "data" / "dehyph_weights.json"


# decision kind: (feature function, feature names, styles of the test set that exercise it,
# how the gold text spells the two answers: (first answer = 1, second answer = 0))
KINDS = {
    "plain": ("_plain_features", D._PLAIN_FEATURES, ("lost",), ("{a}{b}", "{a} {b}")),
}


def _spelled(pattern: str, a: str, b: str) -> re.Pattern[str]:
    """``{a} {b}`` → a regex for ``a``, whitespace, ``b``, starting a token."""
    a, b = re.escape(a), re.escape(b)
    return re.compile(r"(?<!\w)" + pattern.format(a=a, b=b).replace(" ", r"\s+"))


def collect(shared: Path, split: str = "dev") -> dict[str, list[tuple[list[float], int]]]:
    """Run the rules over the ``split`` documents and return ``{kind: [(features, gold)]}``
    (gold 1: the first answer, 'join'; 0: the second)."""
    seen: list[tuple[str, str, str, list[float]]] = []
    for kind, (fname, names, _, _) in KINDS.items():
        real = getattr(D, fname)

        def record(ev, a, b, rule, _real=real, _kind=kind):
            x = _real(ev, a, b, rule)
            if x is not None:
                seen.append((_kind, a, b, x))
            return x

        setattr(D, fname, record)
    # the rules decide while collecting: the model's answer is the rules' own
    D._learned = lambda kind, x: 1.0 if x[KINDS[kind][1].index("rule_joins")] else -1.0
    rng = random.Random(T.SEED)
    hy = T.Hyphenator(shared / "hyphenation" / "hyph-kk.pat.txt")
    T.corpus_counts(shared)
    out: dict[str, list[tuple[list[float], int]]] = {k: [] for k in KINDS}
    styles = sorted({st for _, _, sts, _ in KINDS.values() for st in sts})
    for group, docs in T.load_docs(shared, rng, (split,)).items():
        if not group.startswith(split):
            continue
        for style in styles:
            for width in T.WIDTHS:
                for di, paras in enumerate(docs):
                    drng = random.Random(f"{T.SEED}-{group}-{style}-{width}-{di}")
                    src, gold, _ = T.make_doc(paras, style, width, hy, drng, [])
                    seen.clear()
                    D.dehyphenate(src)
                    for kind, a, b, x in seen:
                        if style not in KINDS[kind][2]:
                            continue
                        yes, no = (_spelled(p, a, b).search(gold) is not None for p in KINDS[kind][3])
                        if yes != no:
                            out[kind].append((x, int(yes)))
    return out


def fit(X, y, sw, l2: float = 1e-3, steps: int = 3000, lr: float = 0.5):
    """Logistic regression weights for features ``X``, labels ``y``, example weights ``sw``."""
    import numpy as np

    w = np.zeros(X.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(X @ w)))
        w -= lr * (X.T @ ((p - y) * sw) / sw.sum() + l2 * w)
    return w


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=T.SHARED)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = collect(args.shared)
    models = {}
    for kind, rows in data.items():
        names = KINDS[kind][1]
        X = np.array([x for x, _ in rows], float)
        y = np.array([g for _, g in rows], float)
        sw = np.ones(len(y))
        rule = X[:, names.index("rule_joins")] > 0
        folds = np.arange(len(y)) * 5 // len(y)
        pred = np.zeros(len(y), bool)
        for k in range(5):
            te = folds == k
            pred[te] = X[te] @ fit(X[~te], y[~te], sw[~te]) > 0
        w = fit(X, y, sw)
        acc_rule = float((rule == (y > 0)).mean())
        acc_cv = float((pred == (y > 0)).mean())
        g = y > 0
        print(f"{kind}: {len(y)} breaks ({int(g.sum())} join); rules alone {acc_rule:.4f} "
              f"({int((rule & ~g).sum())} wrong joins, {int((~rule & g).sum())} missed), "
              f"rules + model, 5-fold CV {acc_cv:.4f} ({int((pred & ~g).sum())} wrong joins, {int((~pred & g).sum())} missed)")
        models[kind] = {"features": list(names), "weights": [round(float(v), 5) for v in w],
                        "examples": len(y), "accuracy_rules": round(acc_rule, 5), "accuracy_cv": round(acc_cv, 5)}
    args.out.write_text(json.dumps({
        "about": "Logistic layer of kaznlp.dehyphenate, trained by models/train_dehyph.py on the dev split "
                 "of benchmarks/dehyphenate_testset.py (score > 0: join).",
        "models": models}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
