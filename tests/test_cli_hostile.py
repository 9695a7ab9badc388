"""``kaznlp process`` used as a hostile user would (issue 20): nothing is lost, nothing hangs.

Each test is the reproducer of one numbered case of the issue, built in ``tmp_path``.
"""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kaznlp.cli import EXIT_FAILED, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, main, process_batch, run
from kaznlp.corpus import BatchWriter, ErrorLog, InputDoc, done_keys, list_files

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}

FIRST = "Ұлттық статистика бюросы халық санағының қорытындысын жариялады. Оның 63%-ы қалаларда тұрады."
SECOND = "Бюро басшысы А.Б. Сейітқали мемлекеттік тіл туралы айтты. Сауалнама 14:00-ге дейін аяқталды."
THIRD = "Алматы — ірі қала. Онда 2 млн. адам тұрады."


def kaznlp(*args: str, timeout: float = 60, **kw: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kaznlp", *args], capture_output=True, env=ENV, cwd=REPO,
                          timeout=timeout, **kw)  # type: ignore[call-overload]


def strict_json(raw: str | bytes) -> object:
    """json.loads that refuses what JSON has not got (NaN, Infinity)."""
    def no_constant(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    return json.loads(raw, parse_constant=no_constant)


def read_jsonl(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert not data or data.endswith(b"\n")
    return [strict_json(line) for line in data.splitlines()]  # type: ignore[misc]


def errors_of(out: Path) -> list[dict]:
    path = Path(str(out) + ".errors.jsonl")
    return read_jsonl(path) if path.exists() else []


def write_folder(root: Path, n: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate((FIRST, SECOND, THIRD)[:n]):
        (root / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    return root


# 1. one poison record ---------------------------------------------------------------------


def test_lone_surrogates_are_one_entry_each_and_every_other_record_is_written(tmp_path: Path) -> None:
    src = tmp_path / "s.jsonl"
    src.write_text(
        '{"id":"1","text":"Бірінші сөйлем."}\n'
        '{"id":"2","text":"a \\ud800 b"}\n'  # a lone surrogate in the text (valid JSON, no UTF-8 form)
        '{"id":"3\\udfff","text":"Үшінші сөйлем."}\n'  # ...in the id
        '{"id":"4","text":"Төртінші сөйлем.","url":"x\\udc80"}\n'  # ...in a kept field
        '{"id":"5","text":"Бесінші сөйлем."}\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["process", str(src), "-o", str(out), "--keep-fields", "url", "-q"]) == EXIT_FAILED
    assert [r["id"] for r in read_jsonl(out)] == ["1", "5"]
    errors = errors_of(out)
    assert [(e["line"], e["error"]) for e in errors] == [(2, "LoneSurrogate"), (3, "LoneSurrogate"),
                                                          (4, "LoneSurrogate")]
    assert "U+D800" in errors[0]["message"] and errors[1]["id"] == "3\udfff"  # the id is kept, \u-escaped
    # resume: nothing added twice, nothing lost
    before = out.read_bytes()
    assert main(["process", str(src), "-o", str(out), "--keep-fields", "url", "--resume", "-q"]) == EXIT_FAILED
    assert out.read_bytes() == before and len(errors_of(out)) == 3


def test_a_surrogate_given_from_python_fails_alone_in_its_batch() -> None:
    # documents that bypass the readers (run(documents=...), Dask) are checked per document too
    batch = [("a", "-", 1, FIRST, None), ("b", "-", 2, "x \ud800", None), ("c", "-", 3, THIRD, {"n": math.inf})]
    got = process_batch(batch, ["sentences", "tokens"])
    assert [g[0] for g in got] == ["ok", "error", "error"]
    assert [g[1]["error"] for g in got[1:]] == ["LoneSurrogate", "NonFiniteNumber"]
    assert strict_json(got[0][1])["text"] == FIRST  # type: ignore[index]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse non-UTF-8 names")
def test_a_non_utf8_file_name_is_one_entry(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "in", 2)
    bad = os.path.join(os.fsencode(root), b"\xff\xfe-bad.txt")
    with open(bad, "wb") as fh:
        fh.write(THIRD.encode("utf-8"))
    out = tmp_path / "o.jsonl"
    assert main(["process", str(root), "-o", str(out), "-q"]) == EXIT_FAILED
    assert [r["text"] for r in read_jsonl(out)] == [FIRST, SECOND]
    (err,) = errors_of(out)
    assert err["error"] == "BadFileName" and os.fsencode(err["source"]) == bad  # the name is recoverable
    assert main(["process", str(root), "-o", str(out), "-q", "--resume"]) == EXIT_FAILED
    assert len(errors_of(out)) == 1 and len(read_jsonl(out)) == 2


# 2. a stale CoNLL-U manifest -----------------------------------------------------------------


def test_stale_conllu_manifest_never_fills_the_output_with_nul(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "in")
    out = tmp_path / "o.conllu"
    assert main(["process", str(root), "-o", str(out), "-q", "--batch-docs", "1"]) == EXIT_OK
    clean = out.read_bytes()
    manifest = Path(str(out) + ".done")
    stale = manifest.read_bytes()
    # what `--overwrite` killed before its first batch left behind with the old writer:
    # an emptied output and the previous run's manifest
    out.write_bytes(b"")
    manifest.write_bytes(stale)
    assert main(["process", str(root), "-o", str(out), "-q", "--resume", "--batch-docs", "1"]) == EXIT_OK
    assert out.read_bytes() == clean and b"\0" not in out.read_bytes()
    # other bytes of the same length under a stale manifest: the CRC tells, all is redone
    out.write_bytes(clean.replace("бюросы".encode(), "бюрасы".encode()))  # in the first batch
    manifest.write_bytes(stale)
    assert done_keys(str(out), "conllu") == set() and out.read_bytes() == b""
    # a fresh run deletes the manifest before it empties the output
    manifest.write_bytes(stale)
    out.write_bytes(clean)
    BatchWriter(str(out), "conllu", append=False).close()  # ...and is killed here
    assert not manifest.exists()
    assert main(["process", str(root), "-o", str(out), "-q", "--resume", "--batch-docs", "1"]) == EXIT_OK
    assert out.read_bytes() == clean


# 3. UTF-16 JSONL ------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_jsonl_in_utf16_and_utf32(tmp_path: Path, encoding: str) -> None:
    # "ਅЀ" is U+0A05 U+0400: in UTF-16-LE the bytes 05 0A 00 04 hold a line feed (0A 00)
    # across two characters, which must not end the line
    texts = [FIRST, SECOND + " ਅЀ", THIRD]
    lines = "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    src = tmp_path / "u.jsonl"
    data = lines.encode(encoding)
    if encoding == "utf-16-le":
        data = "\ufeff".encode(encoding) + data  # a BOM where none is expected is not part of the first record
    src.write_bytes(data)
    out = tmp_path / "o.jsonl"
    assert main(["process", str(src), "-o", str(out), "--encoding", encoding, "-q"]) == EXIT_OK
    assert [r["text"] for r in read_jsonl(out)] == texts and not errors_of(out)
    assert [r["line"] for r in read_jsonl(out)] == [1, 2, 3]


def test_utf16_jsonl_from_stdin_and_a_bad_line_is_one_entry(tmp_path: Path) -> None:
    good = json.dumps({"text": FIRST}, ensure_ascii=False).encode("utf-16-le")
    data = good + "\n".encode("utf-16-le") + b"\x00\xd8" + "\n".encode("utf-16-le") + good
    res = kaznlp("process", "-", "--input-format", "jsonl", "--encoding", "utf-16-le", input=data)
    assert res.returncode == EXIT_FAILED
    assert [strict_json(x)["text"] for x in res.stdout.splitlines()] == [FIRST, FIRST]  # type: ignore[index]
    assert b"UnicodeDecodeError" in res.stderr


# 4. the output inside the input folder ----------------------------------------------------------


@pytest.mark.parametrize("name", ["out.jsonl", "out.conllu", "out.spacy"])
def test_output_inside_the_input_folder_is_never_read(tmp_path: Path, name: str) -> None:
    if name.endswith(".spacy"):
        pytest.importorskip("spacy")
    root = write_folder(tmp_path / "self")
    out = root / name
    args = ["process", str(root), "-o", str(out), "-q", "--batch-docs", "1"]
    assert main(args) == EXIT_OK
    first = done_keys(str(out), "docbin" if name.endswith(".spacy") else "conllu" if "conllu" in name else "jsonl")
    assert first == {str(root / f"{i:02d}.txt") for i in range(3)}
    assert main([*args, "--overwrite"]) == EXIT_OK
    assert main([*args, "--resume"]) == EXIT_OK  # the old output is not analysed as documents
    again = done_keys(str(out), "docbin" if name.endswith(".spacy") else "conllu" if "conllu" in name else "jsonl")
    assert again == first
    if name == "out.jsonl":
        assert len(read_jsonl(out)) == 3


def test_naming_the_output_as_an_input_is_a_usage_error(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"text": FIRST}, ensure_ascii=False) + "\n", encoding="utf-8")
    res = kaznlp("process", str(src), "-o", str(src), "--overwrite")
    assert res.returncode == EXIT_USAGE and b"cannot also be an input" in res.stderr
    assert src.read_text(encoding="utf-8").startswith('{"text"')  # not emptied


# 5. the same input twice -------------------------------------------------------------------------


def test_the_same_input_twice_is_read_once_and_resume_agrees(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "dup")
    assert list_files([str(root), str(root / "01.txt"), str(tmp_path / "dup" / ".." / "dup" / "00.txt")]) == [
        str(root / f"{i:02d}.txt") for i in range(3)]
    out = tmp_path / "o.jsonl"
    args = ["process", str(root), str(root / "01.txt"), "-o", str(out), "-q", "--batch-docs", "1"]
    assert main(args) == EXIT_OK
    clean = out.read_bytes()
    assert len(read_jsonl(out)) == 3
    out.write_bytes(clean.splitlines(keepends=True)[0])  # killed after the first batch
    assert main([*args, "--resume"]) == EXIT_OK
    assert out.read_bytes() == clean


# 6. unreadable folder, FIFO, full disk, torn errors line, 1e999 ------------------------------------


def test_unreadable_subfolder_is_an_errors_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = write_folder(tmp_path / "in", 2)
    locked = root / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text(THIRD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # what a folder without read permission does (even for root)
        if os.fspath(path) == str(locked):  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "o.jsonl"
    assert main(["process", str(root), "-o", str(out), "-q"]) == EXIT_FAILED
    assert [r["text"] for r in read_jsonl(out)] == [FIRST, SECOND]
    (err,) = errors_of(out)
    assert err["source"] == str(locked) and err["error"] == "PermissionError" and "not processed" in err["message"]
    monkeypatch.undo()  # readable again: --resume reads it
    assert main(["process", str(root), "-o", str(out), "-q", "--resume"]) == EXIT_FAILED  # the entry stays
    assert [r["text"] for r in read_jsonl(out)] == [FIRST, SECOND, THIRD]


@pytest.mark.skipif(os.name != "posix" or (hasattr(os, "geteuid") and os.geteuid() == 0),
                    reason="needs file permissions (root reads everything)")
def test_unreadable_subfolder_for_real(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "in", 1)
    (root / "locked").mkdir()
    os.chmod(root / "locked", 0)
    try:
        out = tmp_path / "o.jsonl"
        assert main(["process", str(root), "-o", str(out), "-q"]) == EXIT_FAILED
        assert errors_of(out)[0]["source"] == str(root / "locked")
    finally:
        os.chmod(root / "locked", 0o755)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_input_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    res = kaznlp("process", str(fifo), str(tmp_path / "none.txt"), timeout=30)  # no writer: read as empty
    assert res.returncode == EXIT_FAILED and b"EmptyDocument" in res.stderr and b"FileNotFoundError" in res.stderr
    # with a writer it streams like a file: the writer waits in open() for a reader, as a shell's does
    def feed() -> None:
        with open(fifo, "wb") as fh:
            fh.write(FIRST.encode("utf-8"))

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    time.sleep(0.2)
    try:
        res = kaznlp("process", str(fifo), timeout=30)
        assert res.returncode == EXIT_OK, res.stderr
        assert strict_json(res.stdout)["text"] == FIRST  # type: ignore[index]
    finally:
        writer.join(5)
        if writer.is_alive():  # release the writer if the reader never came
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
    if os.path.exists("/dev/zero"):
        res = kaznlp("process", "/dev/zero", timeout=30)
        assert res.returncode == EXIT_FAILED and b"NotARegularFile" in res.stderr


def test_full_disk_and_unwritable_outputs_end_with_a_message(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "in")
    cases = [(str(tmp_path / "no_such_dir" / "x.jsonl"), "does not exist"),
             (str(root), "Is a directory")]
    if os.path.exists("/dev/full"):
        cases.append(("/dev/full", "No space left on device"))
    for target, message in cases:
        res = kaznlp("process", str(root), "-o", target, "--overwrite", "--errors", str(tmp_path / "e.jsonl"))
        err = res.stderr.decode()
        assert res.returncode == EXIT_OUTPUT, err
        assert message in err and "Traceback" not in err and target in err
    res = kaznlp("process", str(root), "-o", str(tmp_path / "o.jsonl"), "--errors", str(tmp_path / "nope" / "e"))
    assert res.returncode == EXIT_OUTPUT and "does not exist" in res.stderr.decode()


def test_torn_last_line_of_the_errors_file_is_cut_before_appending(tmp_path: Path) -> None:
    src = tmp_path / "n.jsonl"
    src.write_text(json.dumps({"text": FIRST}, ensure_ascii=False) + "\n{broken\n\n{\"text\": 5}\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["process", str(src), "-o", str(out), "-q"]) == EXIT_FAILED
    errors = Path(str(out) + ".errors.jsonl")
    full = errors.read_bytes()
    errors.write_bytes(full[: len(full.splitlines()[0]) + 1 + 15])  # killed while writing the second entry
    assert main(["process", str(src), "-o", str(out), "-q", "--resume"]) == EXIT_FAILED
    assert errors.read_bytes() == full  # every line valid JSON, the torn entry written again
    log = ErrorLog(str(errors), append=True)
    assert len(log.entries()) == 2


def test_keep_fields_with_a_number_json_cannot_hold(tmp_path: Path) -> None:
    src = tmp_path / "k.jsonl"
    src.write_text('{"id":"a","text":"Бірінші.","score":1e999}\n{"id":"b","text":"Екінші.","score":0.5}\n'
                   '{"id":"c","text":"Үшінші.","score":1e999,"other":1}\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["process", str(src), "-o", str(out), "-q", "--keep-fields", "score"]) == EXIT_FAILED
    recs = read_jsonl(out)  # strict JSON: no Infinity
    assert [(r["id"], r["meta"]) for r in recs] == [("b", {"score": 0.5})]
    assert [e["error"] for e in errors_of(out)] == ["NonFiniteNumber", "NonFiniteNumber"]
    # a field that is not kept does not matter
    assert main(["process", str(src), "-o", str(out), "-q", "--overwrite"]) == EXIT_OK


# exit codes (issue 17 item 5) -------------------------------------------------------------------


def test_exit_codes(tmp_path: Path) -> None:
    root = write_folder(tmp_path / "in")
    assert kaznlp("process", str(root), "-o", str(tmp_path / "o.jsonl")).returncode == EXIT_OK
    empty = tmp_path / "empty"
    empty.mkdir()
    res = kaznlp("process", str(empty), "-o", str(tmp_path / "e.jsonl"))
    assert res.returncode == EXIT_FAILED and b"no documents found" in res.stderr
    res = kaznlp("process", str(tmp_path / "missing.txt"))
    assert res.returncode == EXIT_FAILED and b"FileNotFoundError" in res.stderr
    (tmp_path / "b1.bin").write_bytes(b"\xff\xfe\x00\x01")
    (tmp_path / "b2.bin").write_bytes(b"\x80\x81")
    res = kaznlp("process", str(tmp_path / "b1.bin"), str(tmp_path / "b2.bin"), "-o", str(tmp_path / "b.jsonl"))
    assert res.returncode == EXIT_FAILED and b"b.jsonl.errors.jsonl" in res.stderr
    assert kaznlp("process", str(root), "--jobs", "-3").returncode == EXIT_USAGE
    assert kaznlp("process", str(root), "-o", str(tmp_path / "o.jsonl")).returncode == EXIT_USAGE  # exists
    # resuming a finished run: 0 when it had no failures, 1 while its errors file has entries
    assert kaznlp("process", str(root), "-o", str(tmp_path / "o.jsonl"), "--resume").returncode == EXIT_OK
    res = kaznlp("process", str(tmp_path / "b1.bin"), str(tmp_path / "b2.bin"), "-o", str(tmp_path / "b.jsonl"),
                 "--resume")
    assert res.returncode == EXIT_FAILED and b"2 errors" in res.stderr


# signals (issue 17 item 5): no orphan workers -------------------------------------------------------


def _children(pid: int) -> set[int]:
    try:
        return {int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}
    except OSError:
        return set()


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has stopped (its parent may be gone)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_signal_stops_every_worker_and_resume_completes(tmp_path: Path, sig: signal.Signals) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(60):
        (root / f"{i:03d}.txt").write_text(f"Құжат {i}. " + (FIRST + " " + SECOND + "\n") * 40, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    args = [sys.executable, "-m", "kaznlp", "process", str(root), "-o", str(out), "--jobs", "2",
            "--batch-docs", "1", "-q"]
    proc = subprocess.Popen(args, env=ENV, cwd=REPO, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 50_000):
        time.sleep(0.02)
    workers = _children(proc.pid)
    assert len(workers) >= 2
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    if sig != signal.SIGKILL:
        assert proc.returncode == 128 + sig, err
        assert b"--resume" in err and b"Traceback" not in err
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]
    assert 0 < len(read_jsonl(out)) < 60
    assert main(["process", str(root), "-o", str(out), "--resume", "-q", "--batch-docs", "1"]) == EXIT_OK
    clean = tmp_path / "clean.jsonl"
    assert run([str(root)], str(clean), progress=False, batch_docs=1)["documents"] == 60
    assert out.read_bytes() == clean.read_bytes()


# 8. DocBin: no whitespace-only sentence ----------------------------------------------------------------


def test_docbin_and_sentencizer_have_no_whitespace_only_sentence(tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    from kaznlp.corpus import analyse, record_to_spacy

    text = "\n  " + FIRST + "\n\n" + SECOND + "  \n"
    rec = analyse(text)
    doc = record_to_spacy(rec, spacy.blank("xx").vocab)
    assert doc.text == text
    assert [s.text.strip() for s in doc.sents] == [s["text"] for s in rec["sentences"]]
    assert all(s.text.strip() for s in doc.sents)
    nlp = spacy.blank("kk")
    nlp.add_pipe("kaznlp_sentencizer")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents == [s["text"] for s in rec["sentences"]]
    out = tmp_path / "d.spacy"
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    assert main(["process", str(tmp_path / "in.txt"), "-o", str(out), "-q"]) == EXIT_OK
    (doc2,) = DocBin().from_disk(out).get_docs(nlp.vocab)
    assert [s.text for s in doc2.sents] == [s.text for s in doc.sents]


def test_input_doc_checks_do_not_reject_good_text() -> None:
    # Kazakh letters, emoji (astral: two UTF-16 units), NBSP and a BOM-less text are all fine
    text = "Қазақстан 🇰🇿 Республикасы\u00a0— ел. Ұлттық банк."
    (ok,) = process_batch([("k", "-", None, text, {"n": 1.5, "tags": ["ә", None]})], ["sentences", "tokens"])
    assert ok[0] == "ok" and strict_json(ok[1])["meta"] == {"n": 1.5, "tags": ["ә", None]}  # type: ignore[index]
    assert InputDoc("k", "-", None, text).key == "-"
