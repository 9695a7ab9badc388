"""``python -m benchmarks.run_all --only ...`` keeps the other steps' rows of the earlier run."""

from __future__ import annotations

import json

from benchmarks import run_all  # the repository root is on sys.path: python -m pytest from the root


def test_subset_run_keeps_earlier_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(run_all, "RESULTS", tmp_path)
    monkeypatch.setattr(run_all.tempfile, "mkdtemp", lambda prefix="": str(tmp_path))  # step logs
    earlier = {"date": "2026-11-22 05:30 UTC", "steps": [
        {"name": "core", "status": "ok", "seconds": 44.5, "command": "python -m benchmarks.accuracy.bench_core --update-docs"},
        {"name": "ner", "status": "ok", "seconds": 37.2, "command": "python benchmarks/speed/bench_ner.py"},
    ]}
    (tmp_path / "summary.json").write_text(json.dumps(earlier), encoding="utf-8")
    summary = run_all.main(["--only", "no-such-step", "--no-docs"])  # runs nothing
    rows = {s["name"]: s for s in summary["steps"]}
    assert rows["core"]["seconds"] == 44.5 and rows["core"]["note"] == "kept from the run of 2026-11-22 05:30 UTC"
    assert rows["normalize"]["status"] == "not selected"  # no earlier row
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "| core | ok: kept from the run of 2026-11-22 05:30 UTC | 44.5 |" in md
    # a second subset run does not re-date a kept row
    summary = run_all.main(["--only", "no-such-step", "--no-docs"])
    assert {s["name"]: s for s in summary["steps"]}["core"]["note"].endswith("05:30 UTC")
