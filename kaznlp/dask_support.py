"""Run kaznlp on a Dask cluster: ``dask.bag`` and ``dask.dataframe`` helpers.

Dask is optional (``pip install "kaznlp[dask]"``); this module imports it only
inside the functions. Each partition is analysed with :func:`kaznlp.corpus.analyse`,
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

from .corpus import DEFAULT_STEPS, Problem, analyse, check_steps, parse_steps, unwritable

__all__ = ["process_partition", "process_bag", "process_dataframe", "RECORD_COLUMNS", "is_error"]

#: columns :func:`process_dataframe` adds (object columns: Python lists; ``error``: a dict or None)
RECORD_COLUMNS = ("sentences", "entities", "error")


def is_error(record: dict[str, Any]) -> bool:
    """Whether a record from :func:`process_partition` / :func:`process_bag` is an error record.

    An error record has the keys of an errors-file entry of ``kaznlp process``
    (``source``, ``line``, ``id``, ``error``, ``message``, ``key``); ``line`` is the
    item's position in its partition. Keep them apart with
    ``bag.filter(is_error)`` / ``bag.remove(is_error)``.
    """
    return "error" in record and "text" not in record


def _text_of(item: Any, text_field: str) -> str:
    """The text of one item, or a ``ValueError`` that says what is wrong with it."""
    if item is None:
        raise ValueError("the item is None, not a text or a record")
    if isinstance(item, str):
        text = item
    elif isinstance(item, dict):
        if text_field not in item:
            raise KeyError(f"no {text_field!r} field")
        text = item[text_field]
    else:
        raise TypeError(f"the item is {type(item).__name__}, not a text or a dict")
    if not isinstance(text, str):
        raise TypeError(f"{text_field!r} is {type(text).__name__}, not a string")
    why = unwritable(text, repr(text_field))
    if why:
        raise ValueError(why)
    return text


def _error_record(source: str | None, position: int, doc_id: str | None, exc: Exception) -> dict[str, Any]:
    kind = {KeyError: "MissingField", TypeError: "BadField"}.get(type(exc), type(exc).__name__)
    message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
    return Problem(source or "-", position, kind, str(message)[:500], id=doc_id).to_dict()


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
    An item that is not a text (``None``, a dict without ``text_field``, a number)
    or that kaznlp fails on becomes one error record (see :func:`is_error`), in its
    place; the rest of the partition is analysed.

    >>> recs = process_partition(["Абай — ақын.", None, {"id": "x"}])
    >>> [is_error(r) for r in recs], recs[2]["error"], recs[2]["id"]
    ([False, True, True], 'MissingField', 'x')
    """
    if isinstance(items, (str, bytes, dict)):  # a str would give one record per character
        raise TypeError(f"kaznlp.dask_support.process_partition() expects an iterable of texts or records, got "
                        f"one {type(items).__name__}; wrap it in a list: process_partition([text])")
    steps = parse_steps(steps)
    out = []
    for i, item in enumerate(items):
        doc_id: str | None = str(i)
        if isinstance(item, dict) and item.get(id_field) is not None:
            doc_id = str(item[id_field])
        try:
            text = _text_of(item, text_field)
            out.append(analyse(text, doc_id=doc_id, source=source, steps=steps))
        except Exception as exc:  # noqa: BLE001 - one bad row must not fail its partition
            out.append(_error_record(source, i, doc_id, exc))
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

    key = "sentences" if "sentences" in steps else "tokens"
    cols: dict[str, list[Any]] = {c: [] for c in RECORD_COLUMNS}
    for pos, value in enumerate(df[text_column].tolist()):
        try:
            if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):  # None, NaN, pd.NA
                raise ValueError(f"{text_column!r} is missing (None/NaN/NA)")
            rec = analyse(_text_of(value, text_column), steps=steps)
            cols["sentences"].append(rec.get(key))
            cols["entities"].append(rec.get("entities"))
            cols["error"].append(None)
        except Exception as exc:  # noqa: BLE001 - one bad row must not fail its partition
            cols["sentences"].append(None)
            cols["entities"].append(None)
            cols["error"].append(_error_record(None, pos, None, exc))
    out = df.copy()
    for col in RECORD_COLUMNS:
        out[col] = pd.Series(cols[col], index=df.index, dtype=object)
    return out


def process_dataframe(df: Any, text_column: str = "text", steps: Sequence[str] | str = DEFAULT_STEPS) -> Any:
    """Add ``sentences``, ``entities`` and ``error`` columns to a ``dask.dataframe`` (lazy; rows stay in place).

    A row whose text is missing (``None``/``NaN``) or not a string, or that kaznlp
    fails on, gets ``None`` in ``sentences``/``entities`` and an errors-file style
    dict in ``error`` (``line`` = its position in the partition); other rows have
    ``error`` ``None``.

    Offsets point into each row's ``text_column``. The new columns hold Python
    lists (object dtype); ``.to_json``/``.to_parquet`` or ``json.dumps`` per row
    serialise them. (Without the ``sentences`` step the column holds the flat
    token list.)
    """
    steps = parse_steps(steps)
    check_steps(steps)
    import pandas as pd

    meta = df._meta.copy()
    if text_column not in meta.columns:
        raise KeyError(f"the dataframe has no {text_column!r} column")
    for col in RECORD_COLUMNS:
        meta[col] = pd.Series([], dtype=object, index=meta.index)
    return df.map_partitions(_frame_partition, steps, text_column, meta=meta)
