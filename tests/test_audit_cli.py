"""A new user's audit of ``kaznlp process`` / ``kaznlp demo`` (principle 5): what the hostile-input
tests (test_cli_hostile.py) did not reach. Each test is the reproducer of one problem the audit
found, on real Kazakh news text: an input dropped without a word, a closed standard stream
ending in a traceback (or, for standard error, in exit 1 after the work was done), an errors
file written into the output, options that mean nothing accepted in silence.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kaznlp.cli import EXIT_FAILED, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, main, run

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}

# from the seed article ../shared/seeds/000_*.txt (Egemen Qazaqstan, 2024)
NEWS = ("Қазақстан мен Моңғолия Жоғарғы Соттары арасында ынтымақтастық орнайды. "
        "Жоғарғы Сот Төрағасы Асламбек Мерғалиев Моңғолия Жоғарғы Сотының Төрағасымен кездесті.")


def kaznlp(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kaznlp", *args], capture_output=True, env=ENV, cwd=REPO,
                          timeout=120)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(NEWS, encoding="utf-8")
    return path


def test_sample_with_inputs_is_a_usage_error_not_a_dropped_input(article: Path, tmp_path: Path) -> None:
    """``kaznlp process --sample article.txt`` processed the sample only and exited 0: the user's
    file was silently dropped."""
    out = tmp_path / "out.jsonl"
    res = kaznlp("process", "--sample", str(article), "-o", str(out))
    assert res.returncode == EXIT_USAGE and b"--sample" in res.stderr and str(article).encode() in res.stderr
    assert not out.exists()
    assert kaznlp("process", str(article), "-o", str(out)).returncode == EXIT_OK  # the file alone runs
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == NEWS


def test_closed_stdin_is_an_errors_entry(tmp_path: Path) -> None:
    """``kaznlp process - <&-`` ended in ``AttributeError: 'NoneType' object has no attribute 'buffer'``."""
    out = tmp_path / "out.jsonl"
    res = subprocess.run([sys.executable, "-m", "kaznlp", "process", "-", "-o", str(out)], env=ENV, cwd=REPO,
                         capture_output=True, preexec_fn=lambda: os.close(0), timeout=120)
    assert res.returncode == EXIT_FAILED and b"Traceback" not in res.stderr
    [entry] = [json.loads(line) for line in Path(f"{out}.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (entry["source"], entry["error"]) == ("-", "ClosedInput") and "closed" in entry["message"]


@pytest.mark.parametrize("command", [["process", "ARTICLE"], ["demo"]])
def test_closed_stdout_exits_3_with_a_message(command: list[str], article: Path) -> None:
    """``kaznlp process FILE >&-`` and ``kaznlp demo >&-`` ended in a traceback (exit 1)."""
    argv = [str(article) if a == "ARTICLE" else a for a in command]
    res = subprocess.run([sys.executable, "-m", "kaznlp", *argv], env=ENV, cwd=REPO, stderr=subprocess.PIPE,
                         preexec_fn=lambda: os.close(1), timeout=120)
    assert res.returncode == EXIT_OUTPUT, res.stderr.decode()[-500:]
    assert b"Traceback" not in res.stderr and b"standard output" in res.stderr and b"closed" in res.stderr


def test_closed_stderr_does_not_fail_a_good_run(article: Path, tmp_path: Path) -> None:
    """``kaznlp process FILE 2>&-`` did the work and exited 1 (the summary line could not be
    written), or with ``sys.stderr`` None printed its summary into the records on stdout."""
    good = kaznlp("process", str(article), "-q")
    assert good.returncode == EXIT_OK
    out = tmp_path / "out.jsonl"
    with open(out, "wb") as fh:
        res = subprocess.run([sys.executable, "-m", "kaznlp", "process", str(article)], env=ENV, cwd=REPO,
                             stdout=fh, preexec_fn=lambda: os.close(2), timeout=120)
    assert res.returncode == EXIT_OK
    assert out.read_bytes() == good.stdout  # the records only, as with a working stderr


@pytest.mark.parametrize("stderr", [None, "broken"])
def test_summary_and_errors_survive_a_stderr_that_cannot_be_written(
        stderr: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The same in-process, for both ways a closed stderr shows (None, or writes that fail): a
    failed document still gives exit 1, and nothing lands in stdout but the records."""
    class Broken(io.StringIO):
        def write(self, s: str) -> int:
            raise OSError(9, "Bad file descriptor")

    (tmp_path / "news.jsonl").write_text(json.dumps({"id": "n1", "text": NEWS}, ensure_ascii=False)
                                         + '\n{"id": "n2"}\n', encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", None if stderr is None else Broken())
    assert main(["process", str(tmp_path / "news.jsonl")]) == EXIT_FAILED  # n2 has no text
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == ["n1"]


def test_meaningless_batch_and_mode_options_are_usage_errors(article: Path, tmp_path: Path) -> None:
    """``--batch-docs 0``, ``--batch-chars -1`` and ``--resume --overwrite`` together ran (exit 0);
    ``--text-field ''`` made every JSONL line a MissingField entry."""
    out = tmp_path / "out.jsonl"
    for extra, message in [(["--batch-docs", "0"], b"--batch-docs must be 1 or more"),
                           (["--batch-chars", "-1"], b"--batch-chars must be 1 or more"),
                           (["--resume", "--overwrite"], b"give one of them"),
                           (["--text-field", ""], b"names no field")]:
        res = kaznlp("process", str(article), "-o", str(out), *extra)
        assert res.returncode == EXIT_USAGE and message in res.stderr, (extra, res.stderr)
        assert not out.exists()
    with pytest.raises(ValueError, match="batch_docs"):
        run([str(article)], str(out), batch_docs=0, progress=False)
    assert not out.exists()


def test_errors_file_named_as_the_output_is_a_usage_error(article: Path, tmp_path: Path) -> None:
    """``-o out.jsonl --errors out.jsonl`` appended errors-file entries into the records."""
    out = tmp_path / "out.jsonl"
    (tmp_path / "news.jsonl").write_text('{"id": "n2"}\n', encoding="utf-8")
    res = kaznlp("process", str(article), str(tmp_path / "news.jsonl"), "-o", str(out), "--errors", str(out))
    assert res.returncode == EXIT_USAGE and b"--errors" in res.stderr and not out.exists()


def test_errors_file_that_is_a_folder_exits_3(article: Path, tmp_path: Path) -> None:
    """``--errors FOLDER`` ended in an ``IsADirectoryError`` traceback (exit 1)."""
    folder = tmp_path / "errors"
    folder.mkdir()
    res = kaznlp("process", str(article), "-o", str(tmp_path / "out.jsonl"), "--errors", str(folder))
    assert res.returncode == EXIT_OUTPUT and b"Traceback" not in res.stderr
    assert f"cannot write the errors file {folder}: it is a folder".encode() in res.stderr


def test_errors_dash_is_standard_error(tmp_path: Path) -> None:
    """``--errors -`` wrote a file named ``-`` in the working folder; like ``-o -`` it is a stream."""
    (tmp_path / "news.jsonl").write_text(json.dumps({"id": "n1", "text": NEWS}, ensure_ascii=False)
                                         + '\n{"id": "n2"}\n', encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "kaznlp", "process", "news.jsonl", "-o", "out.jsonl", "--errors",
                          "-"], env=ENV, cwd=tmp_path, capture_output=True, timeout=120)
    assert res.returncode == EXIT_FAILED
    assert not (tmp_path / "-").exists() and b'"error": "MissingField"' in res.stderr
    assert [json.loads(r)["id"] for r in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()] == ["n1"]


def test_output_in_a_missing_folder_names_the_output_and_no_resume(article: Path, tmp_path: Path) -> None:
    """``-o missing/out.jsonl`` blamed the errors file and advised ``--resume`` for batches that
    were never written."""
    target = tmp_path / "missing" / "out.jsonl"
    res = kaznlp("process", str(article), "-o", str(target))
    assert res.returncode == EXIT_OUTPUT
    message = res.stderr.decode()
    assert f"cannot write the output {target}: the folder {target.parent} does not exist" in message
    assert "--resume" not in message


def test_whitespace_only_text_field_says_so(tmp_path: Path) -> None:
    """A JSONL text of spaces and line breaks was reported as "'text' is empty"."""
    (tmp_path / "news.jsonl").write_text(json.dumps({"id": "n1", "text": NEWS}, ensure_ascii=False) + "\n"
                                         + '{"id": "n2", "text": " \\n\\t "}\n{"id": "n3", "text": ""}\n',
                                         encoding="utf-8")
    stats = run([str(tmp_path / "news.jsonl")], str(tmp_path / "out.jsonl"), progress=False)
    assert (stats["documents"], stats["errors"]) == (1, 2)
    entries = [json.loads(line) for line in (tmp_path / "out.jsonl.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["id"], e["error"], e["message"]) for e in entries] == [
        ("n2", "EmptyDocument", "'text' has only whitespace"), ("n3", "EmptyDocument", "'text' is empty")]


@pytest.mark.parametrize("one", [NEWS, NEWS.encode("utf-8"), {"id": "n1", "text": NEWS}])
def test_dask_partition_of_one_text_is_a_type_error(one: object) -> None:
    """``process_partition(text)`` gave one record per character of the text (a str is an iterable)."""
    from kaznlp.dask_support import process_partition

    with pytest.raises(TypeError, match=r"expects an iterable of texts or records, got one (str|bytes|dict); wrap"):
        process_partition(one)  # type: ignore[arg-type]
    [record] = process_partition([one.decode("utf-8") if isinstance(one, bytes) else one])  # type: ignore[list-item]
    assert record["text"] == NEWS and len(record["sentences"]) == 2


def test_demo_steps_empty_and_tokens_without_sentences() -> None:
    """``kaznlp demo --steps ''`` ran every step (``kaznlp process --steps ''`` is a usage error), and
    ``kaznlp demo --steps tokens`` said "115 tokens" and showed none."""
    res = kaznlp("demo", "--steps", "")
    assert res.returncode == EXIT_USAGE and b"no steps given" in res.stderr
    res = kaznlp("demo", "--steps", "tokens")
    assert res.returncode == EXIT_OK
    shown = [ln for ln in res.stdout.decode("utf-8").splitlines() if ln.startswith("[tokens] ")]
    assert len(shown) == 1 and shown[0].startswith("[tokens] Астана | • | 12 | наурыз | , | 2026 | Ұлттық")
