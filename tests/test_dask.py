"""kaznlp on a real Dask cluster (LocalCluster, two worker processes, loopback only).

The records must equal the single-process run, byte for byte in the CLI case.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")

from kaznlp.corpus import analyse  # noqa: E402
from kaznlp.dask_support import process_bag, process_dataframe, process_partition  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TEXTS = [
    "Ұлттық статистика бюросы 2025-жылғы санақтың қорытындысын жариялады. Оның 63%-ы қалаларда тұрады.",
    "ҚР-ның Премьер-Министрі А.Б. Сейітқали мемлекеттiк бағдарламаны таныстыр-\nды.",
    "Астана, Алматы, Шымкент т.б. ірі қалалар. Халқы 20,3 млн. адам.",
    "Жаhан жаңалықтары: Aстана мен Kинопарк туралы.",
] * 3


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_bag_on_local_cluster_equals_single_process(client) -> None:
    items = [{"id": f"d{i}", "text": t} for i, t in enumerate(TEXTS)]
    bag = dask_bag.from_sequence(items, npartitions=4)
    got = process_bag(bag).compute()
    expected = [analyse(t, doc_id=f"d{i}", source=None) for i, t in enumerate(TEXTS)]
    assert got == expected
    assert len(client.scheduler_info()["workers"]) == 2
    # work really ran in the two worker processes, not in the client
    pids = set(process_bag(bag).map(lambda r: os.getpid()).compute())
    assert os.getpid() not in pids


def test_dataframe_on_local_cluster(client) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    pdf = pd.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    ddf = dd.from_pandas(pdf, npartitions=3)
    got = process_dataframe(ddf).compute()
    assert list(got["id"]) == list(range(len(TEXTS)))
    for text, sents, ents in zip(TEXTS, got["sentences"], got["entities"]):
        assert sents == analyse(text)["sentences"] and ents == []


def test_cli_dask_scheduler_equals_single_process(client, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i, t in enumerate(TEXTS):
        (src / f"{i:02d}.txt").write_text(t, encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\xff\xfe")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    one, dsk = tmp_path / "one.jsonl", tmp_path / "dask.jsonl"
    run = [sys.executable, "-m", "kaznlp", "process", str(src), "--batch-docs", "2", "-q"]
    # exit code 1: bad.txt failed (an errors-file entry), every other document was written
    assert subprocess.run([*run, "-o", str(one)], env=env, cwd=REPO, timeout=120).returncode == 1
    assert subprocess.run([*run, "-o", str(dsk), "--dask", client.scheduler.address], env=env, cwd=REPO,
                          timeout=120).returncode == 1
    assert dsk.read_bytes() == one.read_bytes() and len(one.read_text().splitlines()) == len(TEXTS)
    errors = [json.loads(x) for x in Path(str(dsk) + ".errors.jsonl").read_text().splitlines()]
    assert [e["error"] for e in errors] == ["UnicodeDecodeError"]


def test_partition_function_plain_strings() -> None:
    recs = process_partition(TEXTS[:2], steps="sentences,tokens")
    assert [r["id"] for r in recs] == ["0", "1"]
    assert recs[1]["sentences"] == analyse(TEXTS[1], steps=["sentences", "tokens"])["sentences"]


def test_bad_rows_are_error_records_not_failed_partitions() -> None:
    """Issue 20, case 7: a row that is None or has no text is one error record, in its place."""
    from kaznlp.dask_support import is_error

    items = [{"id": "a", "text": TEXTS[0]}, None, {"id": "b"}, {"id": "c", "text": 7}, TEXTS[2]]
    bag = dask_bag.from_sequence(items, npartitions=2)
    got = process_bag(bag).compute(scheduler="sync")
    assert [is_error(r) for r in got] == [False, True, True, True, False]
    assert [r["error"] for r in got if is_error(r)] == ["ValueError", "MissingField", "BadField"]
    assert got[2]["id"] == "b" and got[0] == analyse(TEXTS[0], doc_id="a", source=None)
    assert got[4]["sentences"] == analyse(TEXTS[2])["sentences"]
    assert all(json.dumps(r, allow_nan=False) for r in got)  # error records are plain JSON


def test_dataframe_rows_without_text_get_an_error(client) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    pdf = pd.DataFrame({"id": range(5), "text": [TEXTS[0], None, TEXTS[1], float("nan"), TEXTS[2]]})
    got = process_dataframe(dd.from_pandas(pdf, npartitions=2)).compute()
    assert list(got["id"]) == list(range(5))
    errors = list(got["error"])
    assert [e is None for e in errors] == [True, False, True, False, True]
    assert "missing" in errors[1]["message"] and errors[3]["error"] == "ValueError"
    assert got["sentences"].iloc[2] == analyse(TEXTS[1])["sentences"] and got["sentences"].iloc[1] is None
