"""The CLI timing harness of the benchmarks (benchmarks/speed/bench_scaling.py, plots.py): it times the
real command, checks every offset it wrote, and draws a figure from what it measured; and
bench_core's output folder, sentence scorer and Punkt training text."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

from benchmarks.speed import bench_scaling  # noqa: E402  (python -m pytest from the root: benchmarks is a package there)
from conftest import SHARED, needs_shared  # noqa: E402

CHUNKS = [
    "Ұлттық статистика бюросы 2025-жылғы халық санағының алғашқы қорытындысын жариялады.\n"
    "Оның 63%-ы қалаларда, 37%-ы ауылдық жерлерде тұрады. Премьер- Министр мемлекеттiк тіл туралы айтты.\n",
    "Бюро басшысының орынбасары А.Б. Сейітқали брифингте: «Санақ нәтижелері өңірлердің дамуын жоспарлауға "
    "көмектеседі», – деді. ҚР-ның барлық облыстарында сауалнама 14:00-ге дейін аяқталған.\n",
] * 20


def test_cli_runs_are_timed_checked_and_equal(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    meta = bench_scaling.write_jsonl_corpus(src, 0.05, CHUNKS)
    assert meta["docs"] > 10 and meta["text_mb"] >= 0.05
    one = bench_scaling.cli_run([str(src)], tmp_path / "one.jsonl", 1)
    two = bench_scaling.cli_run([str(src)], tmp_path / "two.jsonl", 2)
    for r in (one, two):
        assert "error" not in r, r
        assert r["docs"] == meta["docs"] and r["offset_errors"] == 0 and r["seconds"] > 0 and r["cpu_seconds"] > 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    # a corrupted record would be caught by the offset check
    recs = [json.loads(x) for x in (tmp_path / "one.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(r["text"][t[0]:t[1]] == t[2] for r in recs for s in r["sentences"] for t in s["tokens"])


def test_parallel_ceiling_is_a_ratio() -> None:
    # a wall-clock ratio: the bounds depend on what else runs (a loaded machine slows the run
    # alone and pushes it past 2), so only its type and sign are checked, never its size
    c = bench_scaling.parallel_ceiling(300_000)
    assert isinstance(c, float) and math.isfinite(c) and c > 0


def test_report_and_figure_from_measured_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("matplotlib")
    from benchmarks.common import plots

    src = tmp_path / "in.jsonl"
    bench_scaling.write_jsonl_corpus(src, 0.02, CHUNKS)
    rows = [{"mb": 0.02, "docs": 1, **bench_scaling.cli_run([str(src)], tmp_path / "o.jsonl", j), "ceiling": 1.0}
            for j in (1, 2)]
    res = {"mode": "quick", "date": "test", "machine": bench_scaling.machine(), "stage_mb": 0.02, "repeats": 1,
           "stages": [{"tool": "kaznlp tokenize", "group": "tokenize", "version": "x", "docs": 1, "chars": 10,
                       "seconds": 0.1, "chars_per_s": 100.0}],
           "skipped": {}, "corpus": {}, "scaling": rows, "total_seconds": 1.0,
           "speedup_jobs2": bench_scaling._speedups(rows), "parallel_ceiling": bench_scaling._ceilings(rows)}
    md = bench_scaling.render(res)
    assert "| 0.02 |" in md and "Speedup jobs 2 / jobs 1" in md
    plots.scaling(res, tmp_path / "s.png")
    plots.stage_throughput(res, tmp_path / "t.png")
    assert (tmp_path / "s.png").read_bytes()[:4] == b"\x89PNG" and (tmp_path / "t.png").stat().st_size > 5000


# --- bench_core: where it writes, how it scores sentences, what Punkt is trained on ---------------


def test_core_writes_scratch_unless_asked_to_update_results(tmp_path: Path) -> None:
    from benchmarks.accuracy import bench_core

    ap = bench_core.parser()
    assert bench_core.output_dir(ap.parse_args(["--quick"])) == bench_core.SCRATCH
    assert bench_core.SCRATCH != bench_core.RESULTS
    assert bench_core.output_dir(ap.parse_args(["--quick", "--out", str(tmp_path)])) == tmp_path
    assert bench_core.output_dir(ap.parse_args(["--update-results"])) == bench_core.RESULTS
    assert bench_core.output_dir(ap.parse_args(["--update-docs"])) == bench_core.RESULTS
    assert bench_core.output_dir(ap.parse_args(["--quick", "--no-write"])) is None
    with pytest.raises(SystemExit):
        bench_core.main(["--no-write", "--update-results"])


def test_sentence_scorer_trims_and_ignores_the_text_end() -> None:
    from benchmarks.gold import ud_ktb

    text = "Жиналыс аяқталды. Ертең сессия басталады. Бәрі келеді.  "
    gold = [(0, 17), (18, 41), (42, 55)]
    docs = [ud_ktb.GoldDoc("d", text, gold)]
    # spans with the whitespace after each sentence, as razdel or Punkt may give them: all correct
    padded = ud_ktb.score_sentences(docs, lambda t: [(0, 18), (18, 42), (42, len(t))])
    assert padded["boundary"]["f1"] == padded["exact"]["f1"] == 100.0
    # never splitting: no boundary at all (the text end is not one), no exact sentence
    none = ud_ktb.score_sentences(docs, lambda t: [(0, len(t))])
    assert none["boundary"]["f1"] == 0.0 and none["exact"]["f1"] == 0.0
    # one boundary missed: precision stays 100, recall 1 of 2; one of three sentences exact
    one = ud_ktb.score_sentences(docs, lambda t: [(0, 41), (42, 55)])
    assert one["boundary"]["precision"] == 100.0 and one["boundary"]["recall"] == 50.0
    assert round(one["exact"]["recall"], 1) == 33.3


@needs_shared
def test_punkt_is_trained_without_the_test_documents() -> None:
    from benchmarks.common import punkt_news
    from benchmarks.gold import news_sentences

    text, info = punkt_news.training_text(SHARED)
    lines = {ln.strip() for ln in text.split("\n")}
    split_lines = {}
    for rec in news_sentences.records():
        src_lines = {ln.strip() for ln in news_sentences.source_lines(rec["source"], SHARED) if ln.strip()}
        split_lines.setdefault(rec["split"], set()).update(src_lines)
    assert not split_lines["test"] & lines
    assert len(split_lines["dev"] & lines) > 0.9 * len(split_lines["dev"] - split_lines["test"])
    assert info["records_dropped_test"] == sum(1 for r in news_sentences.records()
                                               if r["split"] == "test" and "record" in r["source"])
    assert info["chars"] > 2_000_000


# --- bench_core: tokenizer speed in fresh processes (issue 16 item 5) -----------------------------

NEWS = ("Ұлттық статистика бюросы 2025-жылғы халық санағының алғашқы қорытындысын жариялады. "
        "Премьер-Министр «Санақ нәтижелері өңірлердің дамуын жоспарлауға көмектеседі», – деді.")


def test_fresh_speed_tools_are_the_calls_users_make() -> None:
    """Every timed call does the whole job: the regex reference yields the words and punctuation
    of the text (not a lazy iterator), kaznlp gives records that point into the text."""
    from benchmarks.accuracy import bench_core

    matches = bench_core.fresh_callable("regex")(NEWS)
    assert [m.group() for m in matches][:4] == ["Ұлттық", "статистика", "бюросы", "2025"]
    assert "«" in [m.group() for m in matches]
    toks = bench_core.fresh_callable("kaznlp")(NEWS)
    assert all(NEWS[t.start:t.end] == t.text for t in toks) and len(toks) < len(matches)
    with pytest.raises(ValueError):
        bench_core.fresh_callable("nltk")


def test_fresh_time_pass_counts_documents_and_gc() -> None:
    from benchmarks.accuracy import bench_core

    docs = [NEWS, NEWS[:60]]
    x = bench_core.time_pass(bench_core.fresh_callable("regex"), docs, "news per document")
    assert x["documents"] == 2 and x["chars"] == len(NEWS) + 60 and x["seconds"] > 0
    assert len(x["gc_collections"]) == 3 and x["gc_tracked_objects"] > 0


@needs_shared
def test_fresh_worker_runs_in_its_own_process_and_renders(tmp_path: Path) -> None:
    """One round, one case, two tools: each in a subprocess, same text, both ratios in the report."""
    from benchmarks.accuracy import bench_core

    fs = bench_core.fresh_speed(SHARED, "quick", tools=("kaznlp", "regex"), cases=("KTB repeated",))
    r = fs["cases"]["KTB repeated"]
    assert "error" not in r["kaznlp"] and "error" not in r["regex"], r
    assert r["kaznlp"]["chars"] == r["regex"]["chars"] > 40_000 and r["kaznlp"]["runs"] == 1
    assert 0 < r["ratios"]["kaznlp/regex"] < 10
    text = bench_core.ktb_repeated(SHARED, 50_000)
    assert len(text) <= 50_000 and not text.endswith(" ") and "Қазақстан" in text
    md = "\n".join(bench_core.render_fresh({"fresh_speed": fs}))
    assert "| KTB repeated |" in md and "kaznlp / regex" in md
