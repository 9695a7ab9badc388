"""Crash consistency of ``kaznlp process`` (issue 20): ``kill -9`` at random moments loses nothing.

For each output format (JSONL, CoNLL-U, DocBin):

- ``--overwrite`` runs are killed with SIGKILL at a random moment, each then completed
  with ``--resume``;
- a chain of ``--resume`` runs is killed the same way, one after the other, then
  completed with a last ``--resume``;

and every completed output must equal a clean run: byte for byte (JSONL, CoNLL-U) or
document for document (DocBin); the errors file must be valid JSONL with the same
entries as the clean run's, none twice. Kills alternate between ``--jobs 1`` and
``--jobs 2`` (the workers die with the main process). Each run is a forked child of
the test process running ``kaznlp.cli.main`` (the code of the ``kaznlp`` command
without its start-up time); ``kill -9`` of a real ``python -m kaznlp`` is in
``test_cli.py`` and ``test_cli_hostile.py``.

``KAZNLP_CRASH_KILLS`` sets the kills per mode and format (default 3, so the suite stays
fast; the issue's figure is 20), ``KAZNLP_CRASH_SEED`` the random seed, and
``KAZNLP_CRASH_REPORT=path.json`` writes every run and its kill point there.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from kaznlp.cli import main

KILLS = int(os.environ.get("KAZNLP_CRASH_KILLS", "3"))
SEED = int(os.environ.get("KAZNLP_CRASH_SEED", "20"))
REPORT = os.environ.get("KAZNLP_CRASH_REPORT")
SUFFIX = {"jsonl": "out.jsonl", "conllu": "out.conllu", "docbin": "out.spacy"}

SENTENCES = [
    "Ұлттық статистика бюросы халық санағының алғашқы қорытындысын жариялады.",
    "Оның 63%-ы қалаларда тұрады, ал ҚР-ның ауылдық өңірлерінде 7,5 млн. адам бар.",
    "Бюро басшысы А.Б. Сейітқали мемлекеттiк тіл туралы айтты, т.б. мәселелерді қоз-\nғады.",
    "Сауалнама 14:00-ге дейін аяқталды.",
    "Алматы — ірі қала.",
    "«Қазақстан темір жолы» ҰК АҚ жаңа вагондар сатып алды.",
]
_reports: list[dict[str, Any]] = []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 text files of 1-6 paragraphs, a JSONL file with 12 records, and broken inputs."""
    rnd = random.Random(SEED)
    root = tmp_path_factory.mktemp("crash") / "in"
    (root / "sub").mkdir(parents=True)
    for i in range(40):
        paras = ["Құжат %d. " % i + " ".join(rnd.choice(SENTENCES) for _ in range(rnd.randint(2, 8)))
                 for _ in range(rnd.randint(1, 6))]
        (root / ("sub" if i % 3 else ".") / f"{i:03d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    lines = [json.dumps({"id": f"j{i}", "text": " ".join(rnd.choice(SENTENCES) for _ in range(3))},
                        ensure_ascii=False) for i in range(12)]
    lines[4] = '{"id": "j4", "text": "бұзық'  # malformed JSON
    lines[7] = '{"id": "j7", "text": "a \\ud800 b"}'  # a lone surrogate
    (root / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "sub" / "bad.txt").write_bytes("Қазақ ".encode() + b"\xff\xfe")
    (root / "sub" / "empty.txt").write_bytes(b"")
    return root


def _args(corpus: Path, out: Path, *extra: str) -> list[str]:
    return ["process", str(corpus), "-o", str(out), "-q", "--batch-docs", "2", "--batch-chars", "3000", *extra]


def _start(args: list[str]) -> int:
    """``kaznlp process ARGS`` in a forked child of this (already warmed-up) process: the same
    code path as the command, without seconds of interpreter and spaCy start-up per run."""
    pid = os.fork()
    if pid == 0:  # the child: run, then leave without pytest's clean-up
        code = 99
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            code = main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        finally:
            os._exit(code)
    return pid


def _parts(out: Path) -> Path:
    """Where a run into ``out.spacy`` keeps its parts until it merges them into ``out.spacy``."""
    return out.parent / f".{out.name}.parts"


def _docs(out: Path, parts: bool = False) -> list[Any]:
    """The documents of the DocBin file ``out`` (and, with ``parts``, of its unmerged parts)."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    files = [out] if out.is_file() else []
    files += sorted(_parts(out).glob("*.spacy")) if parts else []
    return [(d.user_data, d.to_json()) for f in files
            for d in DocBin(store_user_data=True).from_disk(f).get_docs(vocab)]


def _state(out: Path, fmt: str) -> Any:
    if fmt == "docbin":
        assert not _parts(out).exists(), "a finished run leaves no parts"
        return _docs(out)
    return out.read_bytes()


def _progress(out: Path, fmt: str, quick: bool = False) -> int:
    """Documents in the output now (for DocBin: the merged file's and the parts', counting a
    part as 2 documents when ``quick``)."""
    if fmt == "docbin":
        try:
            if quick:
                merged = len(_docs(out)) if out.is_file() else 0
                return merged + 2 * len(list(_parts(out).glob("*.spacy")))
            return len(_docs(out, parts=True))
        except Exception:  # noqa: BLE001 - a part renamed or merged while we read
            return -1
    if not out.exists():
        return 0
    data = out.read_bytes()
    return data.count(b"\n") if fmt == "jsonl" else data.count(b"# newdoc id")


def _errors(out: Path, fmt: str) -> list[str]:
    path = Path(str(out).rstrip("/") + ".errors.jsonl")
    if not path.exists():
        return []
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), "the errors file ends in a torn line"

    def no_constant(name: str) -> None:
        raise ValueError(name)

    entries = [json.loads(line, parse_constant=no_constant) for line in data.splitlines()]  # valid JSONL
    return sorted(json.dumps(e, sort_keys=True) for e in entries)


def _kill_at_random(args: list[str], out: Path, fmt: str, rnd: random.Random, most: int, jobs: int) -> dict:
    """Start a run and SIGKILL it at a random point: a fifth of the time within its first 50 ms
    (before or at its first batch); for an --overwrite of a DocBin output, a fifth of the time
    while it deletes the old output; otherwise once the output holds a random number of
    documents (at most ``most``), plus up to 30 ms, so the kill lands anywhere in a batch,
    its fsync and its bookkeeping."""
    overwrite = "--overwrite" in args
    old = _progress(out, fmt, quick=True)
    before = 0 if overwrite else old
    roll = rnd.random()
    mode = "early" if roll < 0.2 else "clearing" if overwrite and fmt == "docbin" and roll < 0.4 and old else "at_docs"
    target = rnd.randint(min(before, most), most) if mode != "early" else -1
    extra = rnd.uniform(0.0, 0.05 if mode == "early" else 0.03)
    pid = _start([*args, "--jobs", str(jobs)])
    t0 = time.monotonic()
    finished = False
    # an --overwrite run first empties the old output; count from there
    low = target if mode == "clearing" else 0
    reset = not overwrite or old == 0
    while mode != "early" and time.monotonic() - t0 < 120:
        if os.waitpid(pid, os.WNOHANG) != (0, 0):
            finished = True
            break
        now = _progress(out, fmt, quick=True)
        reset = reset or now <= low
        if reset and now >= target:
            break
        time.sleep(0.002)
    if not finished:
        time.sleep(extra)
        os.kill(pid, signal.SIGKILL)  # kill -9: nothing can clean up (--jobs workers die with the run)
        os.waitpid(pid, 0)
    return {"mode": mode, "target_docs": target, "jobs": jobs, "seconds_before_kill": round(time.monotonic() - t0, 3),
            "finished_before_kill": finished, "docs_in_output_at_kill": _progress(out, fmt)}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="runs are forked to be killed")
@pytest.mark.parametrize("fmt", ["jsonl", "conllu", "docbin"])
def test_kill_9_then_resume_equals_a_clean_run(corpus: Path, tmp_path: Path, fmt: str) -> None:
    if fmt == "docbin":
        pytest.importorskip("spacy")
    rnd = random.Random(f"{SEED}-{fmt}")
    if fmt == "docbin":
        import spacy.tokens  # noqa: F401 - loaded once here, not in every forked run
    clean = tmp_path / "clean" / SUFFIX[fmt]
    clean.parent.mkdir()
    assert main(_args(corpus, clean)) == 1  # 1: the broken inputs are errors-file entries
    expected, expected_errors = _state(clean, fmt), _errors(clean, fmt)
    total = len(expected) if fmt == "docbin" else _progress(clean, fmt)
    assert total == 50 and len(expected_errors) == 4

    out = tmp_path / "run" / SUFFIX[fmt]
    out.parent.mkdir()
    shutil.copy(clean, out)  # --overwrite replaces this
    shutil.copy(str(clean) + ".errors.jsonl", str(out) + ".errors.jsonl")
    report: dict[str, Any] = {"format": fmt, "documents": total, "overwrite": [], "resume_chain": []}
    for k in range(KILLS):  # --overwrite killed, then --resume
        kill = _kill_at_random(_args(corpus, out, "--overwrite"), out, fmt, rnd, total, 1 + k % 2)
        report["overwrite"].append(kill)
        assert main(_args(corpus, out, "--resume")) == 1
        assert _state(out, fmt) == expected, f"--overwrite killed: {kill}"
        assert _errors(out, fmt) == expected_errors

    # a chain of killed --resume runs, from what a killed --overwrite left
    # (each resume is killed a random few documents further on, so the chain spans the corpus)
    report["resume_chain"].append(_kill_at_random(_args(corpus, out, "--overwrite"), out, fmt, rnd, total // 4, 1))
    step = max(2, 2 * total // max(KILLS, 1))
    for k in range(KILLS):
        most = min(total, max(_progress(out, fmt), 0) + step)
        report["resume_chain"].append(_kill_at_random(_args(corpus, out, "--resume"), out, fmt, rnd, most, 1 + k % 2))
    assert main(_args(corpus, out, "--resume")) == 1
    assert _state(out, fmt) == expected, f"--resume killed: {report['resume_chain']}"
    assert _errors(out, fmt) == expected_errors
    _reports.append(report)
    if REPORT:
        Path(REPORT).write_text(json.dumps(_reports, indent=1) + "\n", encoding="utf-8")
