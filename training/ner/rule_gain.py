"""What one more span step would gain on the news dev CV predictions and the KazNERD dev slice.

A candidate rule of ``kaznlp.ner.news_rules`` is measured here on predictions tagged once, without
the steps of :func:`kaznlp.ner.news_rules.name_steps`, and cached (each news dev sentence by the fold model that never saw it, as ``cv_score.py``; the
KazNERD dev slice end to end by one model), so that a rule can be tried in seconds:

    python -m training.ner.rule_gain --prefix training/ner/cv/r6v2s600_fold --gold GOLD \
        --model packages/kk_kaznlp_ner/kk_kaznlp_ner/model --cache /tmp/rule_gain.json

prints, for each step of :data:`STEPS`, the pooled news dev F1 before and after it, the
correct spans it loses and wins, and the KazNERD dev-slice entities it loses and wins. A step
is kept in the rules only if the news dev F1 rises and no KazNERD dev-slice entity is lost
(the rule of the model card); the figure of record is then ``cv_score.py`` with the step in
place. Dev only: never run on a test split.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.accuracy.bench_ner_news import score
from kaznlp.ner import ner_pipe, news_rules, news_spans, rules
from training.ner import news_data

ROOT = Path(__file__).resolve().parents[2]
Span = tuple[int, int, str]

#: the candidate steps: name -> f(text, spans) -> spans
STEPS: dict[str, Callable[[str, Sequence[Span]], list[Span]]] = {
    "join_state_position": news_rules.join_state_position,
    "country_label": lambda t, sp: [news_rules.country_label(t, s) for s in sp],
    "rubric_tag": lambda t, sp: [s for s in sp if not news_rules.is_rubric_tag(t, s)],
    "acronym_person": lambda t, sp: [s for s in sp if not news_rules.is_acronym_person(t, s)],
    "split_person_country": news_rules.split_person_country,
    # round 9 (kaznlp/ner/news_spans.py)
    "org_position": news_spans.org_position,
    "title_position": lambda t, sp: news_spans.title_position(t, sorted(sp)),
    "place_ordinal": lambda t, sp: [news_spans.place_ordinal(t, s) for s in sp],
    "letter_cardinal": lambda t, sp: [s for s in sp if not news_spans.is_letter_cardinal(t, s)],
    "cut_teaser": lambda t, sp: [s for s in sp if not news_spans.is_cut_teaser(t, s)],
    "name_steps": news_rules.name_steps,
}


def _cache(args) -> dict:
    if args.cache and args.cache.exists():
        return json.loads(args.cache.read_text(encoding="utf-8"))
    # tag without the steps measured here (rules.postprocess ends with them)
    saved = rules.name_steps
    rules.name_steps = lambda text, spans: list(spans)  # type: ignore[assignment]
    try:
        return _tag(args)
    finally:
        rules.name_steps = saved  # type: ignore[assignment]


def _tag(args) -> dict:
    records = news_data.news_records("dev", args.gold)
    by_id = {r[0]: r for r in records}
    news = []
    for k, ids in enumerate(news_data.folds(records, 5)):
        texts = [by_id[i][1] for i in ids]
        preds = ner_pipe(texts, backend=f"{args.prefix}{k}/model-last")
        news += [{"id": i, "text": by_id[i][1], "gold": by_id[i][2],
                  "pred": [(e.start, e.end, e.label) for e in ents]} for i, ents in zip(ids, preds)]
    from kaznlp.ner.conll import char_entities, detokenize
    from training.ner.evaluate import dev_sentences

    kaz = []
    sents = dev_sentences(ROOT / "training" / "ner" / "corpus" / "dev.spacy")
    texts, golds = [], []
    for words, tags in sents:
        text, offsets = detokenize(words)
        texts.append(text)
        golds.append(char_entities(words, tags, offsets))
    for text, g, ents in zip(texts, golds, ner_pipe(texts, backend=str(args.model))):
        kaz.append({"text": text, "gold": [list(x) for x in g], "pred": [(e.start, e.end, e.label) for e in ents]})
    out = {"news": news, "kaznerd": kaz}
    if args.cache:
        args.cache.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def _f(rows, key="pred") -> float:
    return float(score([[tuple(x) for x in r["gold"]] for r in rows], [[tuple(x) for x in r[key]] for r in rows])
                 ["scores"]["ALL"]["f"])


def measure(rows: list[dict], step, show: int = 0, name: str = "") -> tuple[float, float, int, int]:
    """F1 before and after ``step``, correct spans lost and won; prints up to ``show`` changes."""
    lost = won = 0
    for r in rows:
        before = {tuple(x) for x in r["pred"]}
        after = {tuple(x) for x in step(r["text"], sorted(before))}
        r["new"] = sorted(after)
        gold = {tuple(x) for x in r["gold"]}
        lost += len((before - after) & gold)
        won += len((after - before) & gold)
        if show and before != after:
            show -= 1
            t = r["text"]
            print(f"  [{name}] -{[(t[a:b], lab) for a, b, lab in sorted(before - after)]} "
                  f"+{[(t[a:b], lab) for a, b, lab in sorted(after - before)]} "
                  f"gold {[(t[a:b], lab) for a, b, lab in sorted(gold) if any(a < y and x < b for x, y, _ in after ^ before)]}")
    return _f(rows), _f(rows, "new"), lost, won


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--prefix", required=True, help="fold K's pipeline is PREFIX{K}/model-last")
    ap.add_argument("--gold", type=Path, default=None, help="the news gold file (pin one commit's copy)")
    ap.add_argument("--model", type=Path, default=None, help="the model for the KazNERD dev slice")
    ap.add_argument("--cache", type=Path, default=None, help="read/write the tagged predictions here")
    ap.add_argument("--steps", nargs="*", default=list(STEPS))
    ap.add_argument("--show", type=int, default=0, help="print up to N changed news dev sentences per step")
    args = ap.parse_args()
    data = _cache(args)
    for name in args.steps:
        for part in ("news", "kaznerd"):
            f0, f1, lost, won = measure(data[part], STEPS[name], args.show if part == "news" else 0, name)
            print(f"{name:22s} {part:8s} F1 {f0:.2f} -> {f1:.2f} ({f1 - f0:+.2f}); correct spans lost {lost}, won {won}")


if __name__ == "__main__":
    main()
