"""Where the written-news F1 points go: error analysis of a NER model on the news gold **dev** split.

Micro F1 = 2TP / (2TP + FP + FN), so ``100 - F1`` splits exactly into one share per wrong
span: every false positive and every false negative costs ``100 / (2TP + FP + FN)`` points.
This script charges each wrong span to its label and to one *kind* (the first that applies):

* ``written date``: a gold DATE with a month name, a year word (``жылғы``, ``ж.``) or a
  dotted date (``21.10.2016``), or a prediction overlapping one;
* ``month as GPE``: a GPE prediction on a month name (``Қазан``, the month, taken for the city);
* ``bare year``: a gold DATE that is a four-digit year (``1675``) or a prediction on one;
* ``clock time``: ``14:17``, ``сағат 15:00-де``;
* ``dateline``: an error inside ``АСТАНА. ҚазАқпарат -``;
* ``quoted name``: a gold or predicted span touching a quote (``«ҚазМұнайГаз» компаниясы``);
* ``initials``: a PERSON with an initial (``А.Мерғалиев``, ``Н.Ә. Назарбаев``);
* ``punctuation``: a predicted span that crosses a dash, comma, colon or bracket;
* ``boundary`` / ``label`` / ``spurious`` / ``missed``: the rest, as ``bench_ner_news.py`` counts them.

    python -m training.ner.error_analysis                      # bundled model, rules on, dev
    python -m training.ner.error_analysis --model DIR --no-rules

Dev only: the script refuses any other split.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

from benchmarks.gold import news_ner  # noqa: E402

MONTHS = ("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйе",
          "қазан", "қараша", "желтоқсан")
_WRITTEN_DATE = re.compile(r"(?i)(" + "|".join(MONTHS) + r")|жылғы|жылдың|\bж\.|\d{1,2}\.\d{2}\.\d{2,4}")
_YEAR = re.compile(r"^\d{4}$")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
_QUOTES = "«»“”„\""
_INITIAL = re.compile(r"(^|\s|\.)[А-ЯӘҒҚҢӨҰҮҺІA-Z]\.")
_PUNCT_INSIDE = re.compile(r"\s[–—-]\s|[,:;()]")


def kind_of(text: str, span: tuple[int, int, str], gold_side: bool, overlap: list) -> str:
    a, b, lab = span
    s = text[a:b]
    around = text[max(0, a - 1):b + 1]
    if "ҚазАқпарат" in text[max(0, a - 25):b + 25] and re.search(r"[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{4,}\.\s*ҚазАқпарат", text):
        if a < text.find("ҚазАқпарат") + 15:
            return "dateline"
    if lab == "GPE" and not gold_side and re.match(r"(?i)(" + "|".join(MONTHS) + ")", s):
        return "month as GPE"
    dates = [x for x in ([span] + overlap) if x[2] == "DATE"]
    if any(_WRITTEN_DATE.search(text[x[0]:x[1]]) for x in dates):
        return "written date"
    if any(_YEAR.match(text[x[0]:x[1]]) for x in dates) or (_YEAR.match(s) and any(x[2] == "DATE" for x in overlap)):
        return "bare year"
    if lab == "TIME" or any(x[2] == "TIME" for x in overlap) or _CLOCK.fullmatch(s):
        return "clock time"
    if any(q in around for q in _QUOTES):
        return "quoted name"
    if (lab == "PERSON" or any(x[2] == "PERSON" for x in overlap)) and any(
            _INITIAL.search(text[x[0]:x[1]]) for x in [span] + overlap):
        return "initials"
    if not gold_side and _PUNCT_INSIDE.search(s):
        return "punctuation"
    if not overlap:
        return "missed" if gold_side else "spurious"
    if any(x[0] == a and x[1] == b for x in overlap):
        return "label"
    return "boundary"


def analyse(data, pred) -> dict:
    tp = fp = fn = 0
    by_label: Counter = Counter()
    by_kind: Counter = Counter()
    by_label_kind: Counter = Counter()
    for (_, text, gold), p in zip(data, pred):
        gs, ps = set(gold), set(p)
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
        # each error charged to its label and kind; ``over``: the other side's spans it overlaps
        for span, missed, other in [(x, False, gold) for x in ps - gs] + [(x, True, p) for x in gs - ps]:
            over = [x for x in other if x[0] < span[1] and span[0] < x[1]]
            k = kind_of(text, span, missed, over)
            by_label[span[2]] += 1
            by_kind[k] += 1
            by_label_kind[(span[2], k)] += 1
    denom = 2 * tp + fp + fn
    pts = 100 / denom if denom else 0.0
    return {"f1": 100 * 2 * tp / denom if denom else 0.0, "point_per_error": pts,
            "by_label": {k: round(v * pts, 2) for k, v in by_label.most_common()},
            "by_kind": {k: round(v * pts, 2) for k, v in by_kind.most_common()},
            "by_label_kind": {f"{a} / {b}": round(v * pts, 2) for (a, b), v in by_label_kind.most_common(25)}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--model", default="kaznlp", help="backend for kaznlp.ner_pipe (default: bundled model)")
    ap.add_argument("--no-rules", action="store_true")
    args = ap.parse_args(argv)
    from kaznlp.ner import ner_pipe

    data = news_ner.load("dev")
    pred = [[(e.start, e.end, e.label) for e in ents]
            for ents in ner_pipe([t for _, t, _ in data], backend=args.model, rules=not args.no_rules)]
    res = analyse(data, pred)
    print(f"news dev F1 {res['f1']:.2f}; {100 - res['f1']:.2f} points lost, "
          f"{res['point_per_error']:.3f} a wrong span")
    for key in ("by_label", "by_kind", "by_label_kind"):
        print(f"\n| {key.replace('_', ' ')} | points |\n|---|---:|")
        for k, v in res[key].items():
            print(f"| {k} | {v:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
