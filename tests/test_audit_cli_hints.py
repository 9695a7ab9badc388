"""A new user's audit of ``kaznlp process``, round 9: where a failed or waiting run leaves the
user without the next step. Each test fails on the command before the change (no hint)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kaznlp.cli import EXIT_FAILED, EXIT_OK

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
NEWS = "Жоғарғы Сот Төрағасы Асламбек Мерғалиев Моңғолия Жоғарғы Сотының Төрағасымен кездесті."


def kaznlp(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kaznlp", *args], capture_output=True, env=ENV, cwd=REPO,
                          timeout=120)


def test_a_file_in_another_encoding_gets_the_encoding_hint_and_resume_says_what_it_skips(tmp_path: Path) -> None:
    # an old Windows file: Kazakh in KZ-1048 (cp1251 with the Kazakh letters)
    article = tmp_path / "article.txt"
    article.write_bytes(NEWS.encode("kz1048"))
    out = tmp_path / "out.jsonl"
    res = kaznlp("process", str(article), "-o", str(out))
    assert res.returncode == EXIT_FAILED and b"--encoding" in res.stderr
    # --resume with the right encoding skips the failed document, and now says so
    res = kaznlp("process", str(article), "-o", str(out), "--resume", "--encoding", "kz1048")
    assert res.returncode == EXIT_FAILED and b"--resume skips the 1 documents that failed before" in res.stderr
    assert b"--encoding" not in res.stderr  # (this run read nothing wrong)
    Path(f"{out}.errors.jsonl").write_text("", encoding="utf-8")  # what the hint says to do
    res = kaznlp("process", str(article), "-o", str(out), "--resume", "--encoding", "kz1048")
    assert res.returncode == EXIT_OK and json.loads(out.read_text(encoding="utf-8"))["text"] == NEWS


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_reading_stdin_from_a_terminal_says_how_to_end_it(tmp_path: Path) -> None:
    # `kaznlp process -` typed without a pipe waited for the terminal in silence
    main_fd, child_fd = os.openpty()
    out = tmp_path / "out.jsonl"
    with subprocess.Popen([sys.executable, "-m", "kaznlp", "process", "-", "-o", str(out)], stdin=child_fd,
                          stderr=subprocess.PIPE, env=ENV, cwd=REPO) as proc:
        os.close(child_fd)
        os.write(main_fd, NEWS.encode("utf-8") + b"\n\x04")  # the text, then Ctrl-D
        _, err = proc.communicate(timeout=120)
    os.close(main_fd)
    assert proc.returncode == EXIT_OK and b"Ctrl-D" in err
    assert json.loads(out.read_text(encoding="utf-8"))["text"].strip() == NEWS
    # from a pipe: no such line
    res = subprocess.run([sys.executable, "-m", "kaznlp", "process", "-"], input=NEWS.encode("utf-8"),
                         capture_output=True, env=ENV, cwd=REPO, timeout=120)
    assert res.returncode == EXIT_OK and b"Ctrl-D" not in res.stderr


def test_inputs_after_an_option_are_inputs(tmp_path: Path) -> None:
    # `kaznlp process a.txt -o out.jsonl b.txt` ended in "unrecognized arguments: b.txt" (exit 2)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(NEWS, encoding="utf-8")
    second.write_text("Астанада жиын өтті.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = kaznlp("process", str(first), "-o", str(out), str(second), "-q")
    assert res.returncode == EXIT_OK, res.stderr
    assert [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()] == \
        [NEWS, "Астанада жиын өтті."]
    # an unknown option is still a usage error, and so is an extra argument to demo
    res = kaznlp("process", str(first), "-o", str(tmp_path / "x.jsonl"), "--bogus", str(second))
    assert res.returncode == 2 and b"unrecognized arguments: --bogus" in res.stderr
    assert not (tmp_path / "x.jsonl").exists()
    assert kaznlp("demo", "extra").returncode == 2
