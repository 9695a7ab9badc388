"""Run kaznlp on a Dask cluster: ``dask.bag`` and ``dask.dataframe`` helpers.

Dask is optional (``pip install "kaznlp[dask]"``); this module imports it only
inside the functions. Each partition is analysed with :func:`kaznlp.corpus_io.analyse`,
the same function the ``kaznlp`` command uses, so the records are identical to a
single-process run (``kaznlp process ... --dask SCHEDULER`` uses the same path).

>>> records = process_partition(["Абай — ақын. Ол Семейде оқыды."])
>>> [s["text"] for s in records[0]["sentences"]]
['Абай — ақын.', 'Ол Семейде оқыды.']

With a cluster (not run here)::

    import dask.bag as db
    from distributed import Client
    from kaznlp.dask_support import process_bag

    client = Client("tcp://scheduler:8786")
    bag = db.read_text("corpus/*.jsonl").map(json.loads)        # dicts with "id" and "text"
    process_bag(bag).map(json.dumps).to_textfiles("out/*.jsonl")
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .corpus_io import DEFAULT_STEPS, analyse, check_steps, parse_steps

__all__ = ["process_partition", "process_bag", "process_dataframe", "RECORD_COLUMNS"]

#: columns :func:`process_dataframe` adds (object columns of Python lists)
RECORD_COLUMNS = ("sentences", "entities")


def process_partition(
    items: Iterable[str | dict[str, Any]],
    steps: Sequence[str] | str = DEFAULT_STEPS,
    text_field: str = "text",
    id_field: str = "id",
    source: str | None = None,
) -> list[dict[str, Any]]:
    """Analyse one partition: strings or dicts (``text_field``, ``id_field``) → records.

    A string gets the id ``str(i)`` (its position in the partition). Records are
    those of ``kaznlp process``: ``{"id", "source", "text", "sentences", "entities"}``.
    """
    steps = parse_steps(steps)
    out = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            doc_id, text = str(i), item
        else:
            text = item[text_field]
            doc_id = str(item.get(id_field, i))
        out.append(analyse(text, doc_id=doc_id, source=source, steps=steps))
    return out


def process_bag(
    bag: Any,
    steps: Sequence[str] | str = DEFAULT_STEPS,
    text_field: str = "text",
    id_field: str = "id",
    source: str | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of records from a bag of texts or dicts (lazy; order kept).

    >>> import dask.bag as db
    >>> bag = db.from_sequence(["Астана — елорда.", "Алматы — ірі қала."], npartitions=2)
    >>> [r["sentences"][0]["tokens"][0][2] for r in process_bag(bag).compute(scheduler="sync")]
    ['Астана', 'Алматы']
    """
    steps = parse_steps(steps)
    check_steps(steps)
    return bag.map_partitions(process_partition, steps=steps, text_field=text_field, id_field=id_field,
                              source=source)


def _frame_partition(df: Any, steps: Sequence[str], text_column: str) -> Any:
    import pandas as pd

    recs = [analyse(t, steps=steps) for t in df[text_column].tolist()]
    out = df.copy()
    for col in RECORD_COLUMNS:
        key = col if col != "sentences" or "sentences" in steps else "tokens"
        out[col] = pd.Series([r.get(key) for r in recs], index=df.index, dtype=object)
    return out


def process_dataframe(df: Any, text_column: str = "text", steps: Sequence[str] | str = DEFAULT_STEPS) -> Any:
    """Add ``sentences`` and ``entities`` columns to a ``dask.dataframe`` (lazy; rows stay in place).

    Offsets point into each row's ``text_column``. The new columns hold Python
    lists (object dtype); ``.to_json``/``.to_parquet`` or ``json.dumps`` per row
    serialise them. (Without the ``sentences`` step the column holds the flat
    token list.)
    """
    steps = parse_steps(steps)
    check_steps(steps)
    import pandas as pd

    meta = df._meta.copy()
    for col in RECORD_COLUMNS:
        meta[col] = pd.Series([], dtype=object, index=meta.index)
    return df.map_partitions(_frame_partition, steps, text_column, meta=meta)
