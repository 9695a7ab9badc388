"""The ``kaznlp`` command: inputs, outputs, errors file, --jobs, --resume after SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from kaznlp import process
from kaznlp.cli import main
from kaznlp.corpus import done_keys

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}

ARTICLE = (
    "Астана • 12 наурыз\n\nҰлттық статистика бюросы 2025-жылғы халық санағының қорытындысын жариялады. "
    "Оның 63%-ы қалаларда тұрады. ҚР-ның барлық облыстарында сауалнама 14:00-ге дейін аяқталған.\n"
    "Бюро басшысы А.Б. Сейітқали мемлекеттiк тіл туралы айтты, т.б. мәселелерді қоз-\nғады.\n"
)


def kaznlp(*args: str, input: bytes | None = None, check: bool = True, code: int = 0) -> subprocess.CompletedProcess:
    """Run ``python -m kaznlp`` as a user would (a separate process); with ``check``, the exit
    code must be ``code`` (0: every document processed; 1: some failed, see docs/cli.md)."""
    res = subprocess.run([sys.executable, "-m", "kaznlp", *args], input=input, capture_output=True,
                         env=ENV, cwd=REPO, timeout=120)
    if check:
        assert res.returncode == code, (res.returncode, res.stderr.decode(errors="replace"))
    return res


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_offsets_exact(rec: dict) -> None:
    text = rec["text"]
    for s in rec["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]
        for start, end, form, _kind in s["tokens"]:
            assert text[start:end] == form and s["start"] <= start < end <= s["end"]
    for e in rec["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]


def test_demo_and_sample() -> None:
    out = kaznlp("demo", "--steps", "normalize,dehyphenate,sentences,tokens").stdout.decode()
    assert "demo" in out and "Ұлттық | статистика | бюросы" in out
    recs = [json.loads(x) for x in kaznlp("process", "--sample").stdout.decode().splitlines()]
    assert len(recs) == 1 and recs[0]["id"] == "sample"
    assert_offsets_exact(recs[0])
    # the records are exactly kaznlp.process(text).to_dict() plus id/source
    assert {k: recs[0][k] for k in ("text", "sentences", "entities")} == process(recs[0]["text"]).to_dict()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder with the cases a news corpus has: text, nested folder, JSONL, and three broken documents."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "b.txt").write_bytes("Алматы — ірі қала.\r\nОнда 2 млн. адам тұрады.\r\n".encode())
    (root / "sub" / "empty.txt").write_bytes(b"")
    (root / "sub" / "bad.txt").write_bytes("Қазақстан ".encode() + b"\n\xff\xfe broken\n")
    lines = [
        json.dumps({"id": "n1", "title": "Т", "text": "Тоқаев Моңғолияға барды. Сапар екі күнге созылады."},
                   ensure_ascii=False),
        '{"id": "n2", "text": "бұл жол бұзық',  # malformed JSON
        "",
        json.dumps({"id": "n3", "text": "Жаhан жаңалықтары: Aстана, Kинопарк."}, ensure_ascii=False),
    ]
    (root / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("жасырын", encoding="utf-8")
    return root


def test_folder_jsonl_and_errors_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = kaznlp("process", str(corpus), "-o", str(out), code=1)  # 1: three documents failed
    assert "4 documents" in res.stderr.decode() and "3 errors" in res.stderr.decode()
    recs = read_jsonl(out)
    assert [r["id"] for r in recs] == [str(corpus / "a.txt"), "n1", "n3", str(corpus / "sub" / "b.txt")]
    for r in recs:
        assert_offsets_exact(r)
    assert recs[1]["line"] == 1 and recs[2]["line"] == 4 and recs[1]["source"] == str(corpus / "news.jsonl")
    b = recs[3]
    assert b["text"] == "Алматы — ірі қала.\r\nОнда 2 млн. адам тұрады.\r\n"  # no newline translation
    assert [s["text"] for s in b["sentences"]] == ["Алматы — ірі қала.", "Онда 2 млн. адам тұрады."]
    errors = {(e["source"], e["error"]): e for e in read_jsonl(Path(str(out) + ".errors.jsonl"))}
    assert set(errors) == {
        (str(corpus / "news.jsonl"), "JSONDecodeError"),
        (str(corpus / "sub" / "bad.txt"), "UnicodeDecodeError"),
        (str(corpus / "sub" / "empty.txt"), "EmptyDocument"),
    }
    assert errors[(str(corpus / "news.jsonl"), "JSONDecodeError")]["line"] == 2
    assert errors[(str(corpus / "sub" / "bad.txt"), "UnicodeDecodeError")]["line"] == 2


def test_steps_text_field_and_keep_fields(tmp_path: Path) -> None:
    src = tmp_path / "x.jsonl"
    src.write_text(json.dumps({"doc": {"body": "Мемлекеттiк тіл. Екінші сөйлем."}, "url": "u"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    kaznlp("process", str(src), "-o", str(out), "--text-field", "doc.body", "--keep-fields", "url",
           "--steps", "normalize,tokens")
    (rec,) = read_jsonl(out)
    assert rec["id"] == f"{src}:1" and rec["meta"] == {"url": "u"}
    assert "sentences" not in rec and [t[2] for t in rec["tokens"]][:2] == ["Мемлекеттiк", "тіл"]
    bad = kaznlp("process", str(src), "--steps", "tokens,lemmas", check=False)
    assert bad.returncode == 2 and b"unknown step" in bad.stderr


def test_stdin_and_encodings(tmp_path: Path) -> None:
    recs = [json.loads(x) for x in kaznlp("process", "-", input=ARTICLE.encode()).stdout.decode().splitlines()]
    assert recs[0]["id"] == "stdin" and recs[0]["text"] == ARTICLE
    text = "Қазақстан Республикасы. Ұлттық банк өңірлерге қаражат бөлді."
    for enc in ("kz1048", "cp1251"):
        data = text.encode(enc, errors="replace" if enc == "cp1251" else "strict")
        (tmp_path / f"{enc}.txt").write_bytes(data)
        rec = json.loads(kaznlp("process", str(tmp_path / f"{enc}.txt"), "--encoding", enc).stdout)
        assert rec["text"] == data.decode(enc)
        assert_offsets_exact(rec)
    assert json.loads(kaznlp("process", str(tmp_path / "kz1048.txt"), "--encoding", "kz1048").stdout)["text"] == text
    # read as UTF-8 by default, the kz1048 bytes are an error entry, not a crash
    res = kaznlp("process", str(tmp_path / "kz1048.txt"), code=1)
    assert res.stdout == b"" and b"UnicodeDecodeError" in res.stderr
    assert kaznlp("process", "-", "--encoding", "no-such-codec", input=b"x", check=False).returncode == 2


def test_jobs_2_same_output_as_jobs_1(corpus: Path, tmp_path: Path) -> None:
    for i in range(30):
        (corpus / f"gen{i:02d}.txt").write_text(ARTICLE * (i % 4 + 1), encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    kaznlp("process", str(corpus), "-o", str(one), "--batch-docs", "3", "--batch-chars", "2000", code=1)
    kaznlp("process", str(corpus), "-o", str(two), "--batch-docs", "3", "--batch-chars", "2000", "--jobs", "2",
           code=1)
    assert one.read_bytes() == two.read_bytes()
    assert Path(str(one) + ".errors.jsonl").read_text() == Path(str(two) + ".errors.jsonl").read_text()
    # the work really ran in two worker processes
    from kaznlp.corpus.executors import Processes
    from kaznlp.corpus.run import process_batch

    pool = Processes(2)
    try:
        futures = [pool.submit(process_batch, [("d", "-", None, "Алматы — ірі қала.", None)], ["tokens"])
                   for _ in range(4)]
        assert all(f.result()[0][0] == "ok" for f in futures)
        assert len({p.pid for p in pool.pool._processes.values()}) == 2
    finally:
        pool.close()


def test_refuses_to_clobber_and_progress_bar(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    res = kaznlp("process", str(corpus / "a.txt"), "-o", str(out), "--progress")
    assert "docs/s" in res.stderr.decode() and "chars/s" in res.stderr.decode()
    again = kaznlp("process", str(corpus / "a.txt"), "-o", str(out), check=False)
    assert again.returncode == 2 and b"--resume" in again.stderr
    Path(str(out) + ".errors.jsonl").write_text('{"stale": true}\n')
    quiet = kaznlp("process", str(corpus / "a.txt"), "-o", str(out), "--overwrite")
    assert not Path(str(out) + ".errors.jsonl").exists()  # no errors this time, and no stale file
    assert b"\r" not in quiet.stderr  # not a terminal: no bar, only the summary line
    assert len(read_jsonl(out)) == 1


def test_resume_after_sigkill(tmp_path: Path) -> None:
    src = tmp_path / "big"
    src.mkdir()
    n = 240
    for i in range(n):
        (src / f"{i:04d}.txt").write_text(f"Құжат {i}.\n" + ARTICLE * 8, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = [sys.executable, "-m", "kaznlp", "process", str(src), "-o", str(out), "--batch-docs", "2", "-q"]
    proc = subprocess.Popen(args, env=ENV, cwd=REPO, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 200_000):
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    first = out.read_bytes().count(b"\n")
    assert 0 < first < n, "the run should have been killed midway"
    kaznlp("process", str(src), "-o", str(out), "--resume", "--batch-docs", "2")
    recs = read_jsonl(out)
    ids = [r["id"] for r in recs]
    assert sorted(ids) == sorted(str(src / f"{i:04d}.txt") for i in range(n))  # every document exactly once
    clean = tmp_path / "clean.jsonl"
    kaznlp("process", str(src), "-o", str(clean))
    assert sorted(recs, key=lambda r: r["id"]) == read_jsonl(clean)


def test_resume_cuts_a_torn_batch(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["process", str(corpus), "-o", str(out), "-q"]) == 1  # three known-bad documents
    full = out.read_bytes()
    lines = full.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][:50])  # killed in the middle of a write
    assert main(["process", str(corpus), "-o", str(out), "--resume", "-q"]) == 1  # they are still failed
    assert out.read_bytes() == full
    errors = read_jsonl(Path(str(out) + ".errors.jsonl"))
    assert len(errors) == 3  # known-bad documents are not reported twice


def test_conllu_output_and_resume(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.conllu"
    assert main(["process", str(corpus / "a.txt"), str(corpus / "news.jsonl"), "-o", str(out), "-q"]) == 1
    text = out.read_text(encoding="utf-8")
    assert text.count("# newdoc id = ") == 3
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert all(len(r) == 10 for r in rows)
    forms = [r[1] for r in rows]
    assert "мемлекеттік" in forms and "қозғады" in forms  # repaired forms (Latin i, line-break hyphen)
    (row,) = [r for r in rows if r[1] == "мемлекеттік"]
    start, end = map(int, row[9].split("TokenRange=")[1].split(":"))
    assert ARTICLE[start:end] == "мемлекеттiк"  # ...at the offsets of the original spelling
    assert done_keys(str(out), "conllu") == {str(corpus / "a.txt"), f"{corpus / 'news.jsonl'}:1",
                                               f"{corpus / 'news.jsonl'}:4"}
    assert main(["process", str(corpus / "a.txt"), str(corpus / "news.jsonl"), "-o", str(out), "--resume", "-q"]) == 1
    assert out.read_text(encoding="utf-8") == text


def test_conllu_multiword_form_keeps_its_space_and_text_line(tmp_path: Path) -> None:
    # "келген жоқ" is one token (UD Kazakh-KTB); CoNLL-U allows the space inside FORM
    src = tmp_path / "m.txt"
    src.write_text("Делегация бүгін келген жоқ. Себеп жоқ.\n", encoding="utf-8")
    out = tmp_path / "m.conllu"
    assert main(["process", str(src), "-o", str(out), "-q"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "# text = Делегация бүгін келген жоқ." in text
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert [r[1] for r in rows] == ["Делегация", "бүгін", "келген жоқ", ".", "Себеп", "жоқ", "."]
    assert rows[2][9].endswith("TokenRange=16:26")


def test_no_multiword_gives_space_free_tokens(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "m.txt"
    src.write_text("Делегация бүгін келген жоқ.", encoding="utf-8")
    for flags, expected in (([], ["келген жоқ"]), (["--no-multiword"], ["келген", "жоқ"]),
                            (["--steps", "sentences,words"], ["келген", "жоқ"])):
        assert main(["process", str(src), "-q", *flags]) == 0
        rec = json.loads(capsys.readouterr().out)
        assert [t[2] for s in rec["sentences"] for t in s["tokens"]][2:-1] == expected
    with pytest.raises(SystemExit):
        main(["process", str(src), "-q", "--steps", "tokens,words"])
    assert "exclude each other" in capsys.readouterr().err


def test_docbin_output(corpus: Path, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = tmp_path / "docs.spacy"
    assert main(["process", str(corpus), "-o", str(out), "-q", "--batch-docs", "2"]) == 1
    # one DocBin file, as spaCy writes it (issue 17); the parts folder is gone
    assert out.is_file() and not (tmp_path / ".docs.spacy.parts").exists()
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("xx").vocab))
    # a folder of parts when asked for one (trailing /): the same documents
    folder = tmp_path / "parts"
    assert main(["process", str(corpus), "-o", f"{folder}/", "-q", "--batch-docs", "2"]) == 1
    parts = sorted(folder.glob("*.spacy"))
    assert len(parts) > 1
    in_parts = [d for p in parts for d in DocBin().from_disk(p).get_docs(spacy.blank("xx").vocab)]
    assert [d.to_json() for d in in_parts] == [d.to_json() for d in docs]
    assert main(["process", str(corpus), "-o", str(tmp_path / "r.jsonl"), "-q"]) == 1
    recs = read_jsonl(tmp_path / "r.jsonl")
    assert [d.text for d in docs] == [r["text"] for r in recs]
    for d, r in zip(docs, recs):
        assert [s.text.strip() for s in d.sents] == [s["text"] for s in r["sentences"]]
        assert [(t.idx, t.text) for t in d if not t.is_space] == [
            (t[0], t[2]) for s in r["sentences"] for t in s["tokens"]]
        assert d.user_data["id"] == r["id"]


def test_ner_step_entities_have_exact_offsets(tmp_path: Path) -> None:
    import importlib.util

    try:
        have_spacy = all(importlib.util.find_spec(name) is not None for name in ("spacy", "numpy"))
    except ImportError:
        have_spacy = False
    if not have_spacy:
        # the core install: a usage error before any work, naming the extra (not one error per document)
        res = kaznlp("process", "--sample", "--steps", "tokens,ner", check=False)
        assert res.returncode == 2 and b'pip install "kaznlp[ner]"' in res.stderr and not res.stdout
        return
    (rec,) = [json.loads(x) for x in kaznlp("process", "--sample", "--steps",
                                              "normalize,dehyphenate,sentences,tokens,ner").stdout.splitlines()]
    assert rec["entities"] and all(set(e) == {"start", "end", "label", "text"} for e in rec["entities"])
    assert_offsets_exact(rec)


def test_conllu_and_docbin_resume_after_a_lost_batch(corpus: Path, tmp_path: Path) -> None:
    """A killed run leaves a torn CoNLL-U tail or a missing DocBin part; --resume completes it exactly once."""
    conllu = tmp_path / "o.conllu"
    assert main(["process", str(corpus), "-o", str(conllu), "-q", "--batch-docs", "1"]) == 1
    full = conllu.read_text(encoding="utf-8")
    manifest = Path(str(conllu) + ".done")
    entries = manifest.read_text(encoding="utf-8").splitlines()
    keep = json.loads(entries[1])["end"]
    conllu.write_bytes(full.encode("utf-8")[: keep + 40])  # batch 3 torn mid-write...
    manifest.write_text("\n".join(entries[:2]) + "\n" + entries[2][:10], encoding="utf-8")  # ...before its entry
    assert main(["process", str(corpus), "-o", str(conllu), "-q", "--resume", "--batch-docs", "1"]) == 1
    assert conllu.read_text(encoding="utf-8") == full

    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    vocab = spacy.blank("xx").vocab
    for out, folder in ((tmp_path / "docs" / "", tmp_path / "docs"),
                        (tmp_path / "one.spacy", tmp_path / ".one.spacy.parts")):
        target = str(out) + ("/" if out == folder else "")
        # a run killed before its merge: parts only (the folder form keeps them as its output)
        assert main(["process", str(corpus), "-o", f"{folder}/", "-q", "--batch-docs", "1"]) == 1
        parts = sorted(folder.glob("*.spacy"))
        parts[-1].unlink()  # the last batch never reached its rename
        (folder / "000099.spacy.tmp").write_bytes(b"partial")
        assert main(["process", str(corpus), "-o", target, "-q", "--resume", "--batch-docs", "1"]) == 1
        files = sorted(folder.glob("*.spacy")) if out == folder else [out]
        ids = [d.user_data["id"] for p in files for d in DocBin().from_disk(p).get_docs(vocab)]
        assert len(ids) == len(set(ids)) == 4 and not list(folder.glob("*.tmp"))
        if out != folder:
            assert not folder.exists()


def test_docbin_file_merge_is_atomic(corpus: Path, tmp_path: Path) -> None:
    """A kill after the merged file was renamed into place but before the parts were removed
    (the MERGED marker matches it): --resume drops the parts instead of adding them twice;
    a marker that does not match the file (killed before the rename) keeps the parts."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    from kaznlp.corpus import done_keys

    out, parts = tmp_path / "n.spacy", tmp_path / ".n.spacy.parts"
    assert main(["process", str(corpus), "-o", f"{parts}/", "-q", "--batch-docs", "1"]) == 1
    saved = {p.name: p.read_bytes() for p in parts.glob("*.spacy")}
    assert main(["process", str(corpus), "-o", str(out), "-q", "--resume", "--batch-docs", "1"]) == 1
    assert out.is_file() and not parts.exists()
    whole = out.read_bytes()
    parts.mkdir()
    for name, data in saved.items():  # the state just after os.replace, before the clean-up
        (parts / name).write_bytes(data)
    (parts / "MERGED").write_text(json.dumps({"size": len(whole), "crc": zlib.crc32(whole)}))
    assert len(done_keys(str(out), "docbin")) == 4 and not parts.exists()
    # a marker for a merge that never reached its rename: the parts are the truth
    out.unlink()
    parts.mkdir()
    for name, data in saved.items():
        (parts / name).write_bytes(data)
    (parts / "MERGED").write_text(json.dumps({"size": 1, "crc": 0}))
    assert main(["process", str(corpus), "-o", str(out), "-q", "--resume", "--batch-docs", "1"]) == 1
    ids = [d.user_data["id"] for d in DocBin().from_disk(out).get_docs(spacy.blank("xx").vocab)]
    assert len(ids) == len(set(ids)) == 4 and not parts.exists()


def test_docbin_file_run_refuses_stale_parts(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    pytest.importorskip("spacy")
    parts = tmp_path / ".n.spacy.parts"
    assert main(["process", str(corpus), "-o", f"{parts}/", "-q", "--batch-docs", "1"]) == 1
    with pytest.raises(SystemExit) as exc:
        main(["process", str(corpus), "-o", str(tmp_path / "n.spacy"), "-q"])
    assert exc.value.code == 2 and "unfinished run" in capsys.readouterr().err


def test_docbin_arrays_equal_the_doc_path() -> None:
    """The DocBin built from arrays (no spaCy Doc per document) is byte for byte the one
    ``DocBin.add`` builds: words, spaces, sentence starts, norms, entities (overlapping ones
    filtered as filter_spans does, one starting on a trailing space, a label that is a spaCy
    symbol), user_data; a record with an empty entity goes through the Doc path, in order."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    from kaznlp.corpus import analyse, to_docbin_bytes
    from kaznlp.corpus.docbin import _DocBinEncoder

    assert _DocBinEncoder.ready()
    text = "  Алматы — ірі қала.  ORG GPE ұйымы\n\nҚР-ның 63%-ы  қалаларда тұрады.\n"
    a = analyse(text, doc_id="a", source="s.txt")
    a["entities"] = [{"start": 2, "end": 8, "label": "GPE"}, {"start": 2, "end": 14, "label": "LOCATION"},
                     {"start": 8, "end": 14, "label": "ORGANISATION"}, {"start": 21, "end": 35, "label": "ORG"},
                     {"start": 37, "end": 43, "label": "GPE"}, {"start": 500, "end": 510, "label": "GPE"}]
    b = analyse("Астана — елорда.", doc_id="b", source="s.txt", steps=("tokens",))
    c = analyse("Бірінші құжат.", doc_id="c", source="t.txt", line=3)
    assert to_docbin_bytes([a, b, c]) == to_docbin_bytes([a, b, c], fast=False)
    d = dict(b, entities=[{"start": 6, "end": 6, "label": "GPE"}], id="d")  # empty: the Doc path decides
    vocab = spacy.blank("xx").vocab
    got = list(DocBin(store_user_data=True).from_bytes(to_docbin_bytes([a, d, c], [])).get_docs(vocab))
    want = list(DocBin(store_user_data=True).from_bytes(to_docbin_bytes([a, d, c], [], fast=False)).get_docs(vocab))
    assert [(x.to_json(), x.user_data, [t.norm_ for t in x], [t.is_sent_start for t in x]) for x in got] == \
        [(x.to_json(), x.user_data, [t.norm_ for t in x], [t.is_sent_start for t in x]) for x in want]
    assert [x.user_data["id"] for x in got] == ["a", "d", "c"]
    assert [(e.text.strip(), e.label_) for e in got[0].ents] == [
        ("Алматы — ірі", "LOCATION"), ("ORG GPE ұйымы", "ORG"), ("ҚР-ның", "GPE")]


def test_without_spacy_demo_runs_without_ner_and_ner_or_docbin_are_usage_errors(tmp_path: Path) -> None:
    """The core install (no spaCy/numpy, simulated as tests/test_packaging.py does): ``kaznlp demo``
    leaves NER out and says so once on stderr; ``--steps ...,ner`` and ``-o x.spacy`` are usage
    errors (exit 2) before anything is read or written, naming the extra to install."""
    from test_packaging import _run_without_extras

    res = _run_without_extras("""
        import contextlib, io, json, os
        from kaznlp.cli import main
        runs = {"demo": ["demo"], "demo_ner": ["demo", "--steps", "tokens,ner"],
                "ner": ["process", "--sample", "--steps", "tokens,ner", "-o", "n.jsonl"],
                "docbin": ["process", "--sample", "-o", "d.spacy"]}
        results = {}
        for name, argv in runs.items():
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = main(argv)
                except SystemExit as exc:
                    code = exc.code
            results[name] = [code, out.getvalue(), err.getvalue()]
        results["files"] = sorted(os.listdir("."))
        print(json.dumps(results))
    """, tmp_path)
    assert res.returncode == 0, res.stderr[-2000:]
    results = json.loads(res.stdout)
    pip = 'pip install "kaznlp[ner]"'
    code, out, err = results["demo"]
    assert code == 0 and "Traceback" not in err and err.count(pip) == 1, err
    head = out.splitlines()[0]
    assert head.endswith("steps: normalize, dehyphenate, sentences, tokens"), head
    assert "\n[1] 0:" in out and "Астана | •" in out and " 0 entities" in out and "  entity " not in out
    for name in ("demo_ner", "ner"):
        code, out, err = results[name]
        assert code == 2 and not out and err.count(pip) == 1 and "'ner' step" in err, (name, err)
    code, out, err = results["docbin"]
    assert code == 2 and pip in err and "DocBin" in err and "Traceback" not in err, err
    assert results["files"] == []  # nothing written: no output, no errors file, no DocBin parts


@pytest.mark.parametrize("module", ["kaznlp.corpus", "kaznlp.corpus.record", "kaznlp.corpus.read",
                                    "kaznlp.corpus.formats", "kaznlp.corpus.docbin", "kaznlp.corpus.write",
                                    "kaznlp.corpus.resume", "kaznlp.corpus.executors", "kaznlp.corpus.run",
                                    "kaznlp.corpus.progress",
                                    "kaznlp.steps", "kaznlp.spacy_layout"])
def test_corpus_module_doctests(module: str) -> None:
    """The examples in the docstrings of the corpus modules (Kazakh records, UTF-16 JSONL, resume) run."""
    import doctest
    import importlib

    res = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert res.failed == 0 and res.attempted > 0


def test_old_module_name_reexports_the_corpus_package() -> None:
    """``kaznlp.corpus_io`` (documented, used by scripts) gives the same objects as ``kaznlp.corpus``."""
    import kaznlp.corpus
    import kaznlp.corpus_io

    assert kaznlp.corpus_io.__all__ == kaznlp.corpus.__all__
    for name in kaznlp.corpus.__all__:
        assert getattr(kaznlp.corpus_io, name) is getattr(kaznlp.corpus, name), name
    assert {"analyse", "to_conllu", "BatchWriter", "done_keys", "OutputError", "record_to_spacy"} <= set(
        kaznlp.corpus.__all__)


def test_progress_line_counts_a_real_run(corpus: Path, tmp_path: Path) -> None:
    """The progress line (kaznlp's own, no tqdm) shows the share of input read, documents and rates."""
    import io

    from kaznlp.corpus.progress import Progress

    stream = io.StringIO()
    bar = Progress(4 * 1024 * 1024, True, stream=stream, interval=0.0)
    text = (corpus / "a.txt").read_text(encoding="utf-8")
    bar.done(docs=1, chars=len(text), nbytes=2 * 1024 * 1024, errors=0)
    bar.skip(1024 * 1024, error=True)
    assert bar.close() >= 0
    lines = stream.getvalue().split("\r")
    assert "50% 2.0/4.0 MiB, 1 docs" in lines[1] and "left" in lines[1]
    assert "75% 3.0/4.0 MiB" in lines[2] and "1 errors" in lines[2]
    assert stream.getvalue().endswith("\n")
    silent = io.StringIO()
    Progress(100, None, stream=silent).done(docs=1, chars=1, nbytes=1, errors=0)  # not a terminal
    assert silent.getvalue() == ""
