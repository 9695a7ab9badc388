"""A corpus run (``kaznlp process``): documents grouped into batches, each batch analysed
(:func:`process_batch`, in this process, worker processes or on Dask), results written in
submission order, durable batch by batch, stopped cleanly by SIGINT/SIGTERM.

The command line is :mod:`kaznlp.cli`; this is what it runs.
"""

from __future__ import annotations

import codecs
import itertools
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .docbin import docbin_parts_dir, to_docbin_bytes
from .executors import DaskExecutor, Processes, Serial
from .formats import OUTPUT_FORMATS, to_conllu, to_jsonl
from .progress import Progress
from .read import iter_documents, list_files
from .record import (
    DEFAULT_STEPS,
    InputDoc,
    Problem,
    analyse,
    check_steps,
    doc_key,
    parse_steps,
    unwritable,
    unwritable_kind,
)
from .resume import done_keys
from .write import BatchWriter, ErrorLog, OutputError

__all__ = ["BATCH_CHARS", "BATCH_DOCS", "Interrupted", "Task", "process_batch", "run"]

BATCH_DOCS = 64
BATCH_CHARS = 250_000

# --- the unit of work (runs in worker processes and on Dask workers) ----------------------

Task = tuple[str, str, "int | None", str, "dict[str, Any] | None"]  # id, source, line, text, meta


def process_batch(batch: Sequence[Task], steps: Sequence[str], fmt: str = "jsonl") -> list[tuple[str, Any, str]]:
    """Analyse a batch of documents; return ``(status, payload, key)`` per document, in order.

    ``status`` is ``"ok"`` (payload: a JSONL line or CoNLL-U block as UTF-8 bytes;
    for ``docbin`` the record dict, which the caller packs) or ``"error"`` (payload: a
    :class:`~kaznlp.corpus.record.Problem` dict). A document that makes kaznlp fail is
    reported, never fatal.

    >>> out = process_batch([("d1", "-", None, "Алматы — ірі қала.", None)], ["sentences", "tokens"])
    >>> out[0][0], out[0][2]
    ('ok', '-')
    """
    out: list[tuple[str, Any, str]] = []
    for doc_id, source, line, text, meta in batch:
        key = doc_key(source, line)
        try:
            why = (unwritable(doc_id, "the id") or unwritable(source, "the source") or unwritable(text, "the text")
                   or unwritable(meta, "the kept fields"))
            if why:  # readers report these already; documents given from Python or Dask may not be checked
                raise _Unwritable(why)
            rec = analyse(text, doc_id=doc_id, source=source, steps=steps, line=line, meta=meta,
                          clean_forms=fmt == "conllu")
            # encoded here, per document: a record that cannot be written fails alone, not its batch
            payload: Any = (to_jsonl(rec).encode("utf-8") if fmt == "jsonl"
                            else to_conllu(rec).encode("utf-8") if fmt == "conllu" else rec)
            out.append(("ok", payload, key))
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus run
            if isinstance(exc, _Unwritable):
                kind, message = unwritable_kind(str(exc)), str(exc)
            else:
                kind, message = type(exc).__name__, f"kaznlp failed on this document: {exc}"
            prob = Problem(source, line, kind, message[:500], id=doc_id, whole_file=line is None)
            out.append(("error", prob.to_dict(), key))
    return out


class _Unwritable(ValueError):
    pass


def _warm_up(steps: Sequence[str]) -> None:
    """Load tables and lexicons once, before worker processes fork from this one."""
    analyse("Қазақстан Республикасы мемлекеттiк тіл-\nдері туралы заң.", steps=[s for s in steps if s != "ner"])


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal (SIGINT, SIGTERM); ``signum`` says which.

    A ``KeyboardInterrupt``, so no ``except Exception`` (such as the one that turns a
    failing document into an errors-file entry) can swallow it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _Signals:
    """SIGINT and SIGTERM stop the run cleanly, never in the middle of writing a batch.

    Outside a write the handler raises :class:`Interrupted` at once (a long batch in
    this process is abandoned; it is redone by ``--resume``); inside one it waits
    until the batch and its bookkeeping are written.
    """

    def __init__(self) -> None:
        self.pending: int | None = None
        self.writing = False
        self.old: dict[int, Any] = {}

    def __enter__(self) -> _Signals:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.old[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        if self.writing:
            self.pending = signum
        else:
            raise Interrupted(signum)

    def begin(self) -> None:
        self.writing = True

    def end(self) -> None:
        self.writing = False
        if self.pending is not None:
            raise Interrupted(self.pending)

    def __exit__(self, *exc: object) -> None:
        for sig, old in self.old.items():
            signal.signal(sig, old)


# --- the run ---------------------------------------------------------------------------


def _batches(items: Iterable[InputDoc | Problem], skip: set[str], errors: ErrorLog, progress: Any,
             batch_docs: int, batch_chars: int) -> Iterator[tuple[list[Task], int, int]]:
    """Group documents into batches ``(tasks, chars, bytes)``; report problems, skip done keys."""
    tasks: list[Task] = []
    chars = nbytes = 0
    for item in items:
        if item.key in skip:
            progress.skip(item.nbytes)
            continue
        if isinstance(item, Problem):
            errors.add(item)
            progress.skip(item.nbytes, error=True)
            continue
        tasks.append((item.id, item.source, item.line, item.text, item.meta))
        chars += len(item.text)
        nbytes += item.nbytes
        if len(tasks) >= batch_docs or chars >= batch_chars:
            yield tasks, chars, nbytes
            tasks, chars, nbytes = [], 0, 0
    if tasks:
        yield tasks, chars, nbytes


def run(
    inputs: Sequence[str],
    output: str | None,
    *,
    steps: Sequence[str] = DEFAULT_STEPS,
    fmt: str = "jsonl",
    input_format: str = "auto",
    encoding: str = "utf-8",
    text_field: str = "text",
    id_field: str = "id",
    keep_fields: Sequence[str] = (),
    pattern: str = "*",
    exclude: Sequence[str] = (),
    jobs: int = 1,
    dask: str | None = None,
    resume: bool = False,
    errors_path: str | None = None,
    progress: bool | None = None,
    batch_docs: int = BATCH_DOCS,
    batch_chars: int = BATCH_CHARS,
    documents: Iterable[InputDoc | Problem] | None = None,
) -> dict[str, Any]:
    """Run ``kaznlp process`` from Python; returns the run's counts and timing.

    >>> import tempfile, pathlib, json
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Абай Құнанбайұлы — ақын. Ол 1845 жылы туған.", encoding="utf-8")
    >>> stats = run([str(d)], str(d / "out.jsonl"), progress=False)
    >>> stats["documents"], stats["errors"]
    (1, 0)
    >>> [s["text"] for s in json.loads((d / "out.jsonl").read_text(encoding="utf-8"))["sentences"]]
    ['Абай Құнанбайұлы — ақын.', 'Ол 1845 жылы туған.']
    """
    steps = parse_steps(steps)
    check_steps(steps)
    codecs.lookup(encoding)  # an unknown encoding fails here, not once per document
    if fmt not in OUTPUT_FORMATS:
        raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(OUTPUT_FORMATS)}")
    if fmt == "docbin":
        _check_spacy_for_docbin()
    for name, value in (("batch_docs", batch_docs), ("batch_chars", batch_chars)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} (--{name.replace('_', '-')}) must be a whole number of 1 or more, got {value!r}")
    to_file = output is not None and output != "-"
    if resume and not to_file:
        raise ValueError("--resume needs an output file (-o OUT)")
    if errors_path == "-":
        errors_path = None  # `--errors -`: standard error, as `-o -` is standard output
    elif errors_path is None and to_file:
        errors_path = output.rstrip("/\\") + ".errors.jsonl"  # type: ignore[union-attr]
    # what this run writes is never one of its inputs (an output inside an input folder)
    parts = docbin_parts_dir(output) if to_file and fmt == "docbin" else None  # type: ignore[arg-type]
    avoid = [p for p in (output, f"{output}.done", parts, errors_path) if p and p != "-"] if to_file else (
        [errors_path] if errors_path else [])
    problems: list[Problem] = []
    files = list_files(inputs, pattern, exclude, avoid=avoid, problems=problems) if documents is None else []
    if errors_path and to_file and any(os.path.realpath(errors_path) == os.path.realpath(p)
                                       for p in (output, f"{output}.done", parts) if p):
        raise ValueError(f"the errors file {errors_path} is this run's output (or its bookkeeping); give "
                         "--errors another name")
    out_dir = os.path.dirname(os.path.abspath(output)) if to_file and output and parts is None else None
    if out_dir and not os.path.isdir(out_dir):
        raise OutputError(2, f"cannot write the output {output}: the folder {out_dir} does not exist")
    if errors_path and os.path.isdir(errors_path):
        raise OutputError(21, f"cannot write the errors file {errors_path}: it is a folder")
    if errors_path and not os.path.isdir(os.path.dirname(os.path.abspath(errors_path))):
        raise OutputError(2, f"cannot write the errors file {errors_path}: the folder "
                          f"{os.path.dirname(os.path.abspath(errors_path))} does not exist")

    skip: set[str] = set()
    if errors_path and not resume and os.path.exists(errors_path):
        os.unlink(errors_path)  # a fresh run: no stale entries from an earlier one
    errors = ErrorLog(errors_path, append=resume)
    if resume:
        skip = done_keys(output, fmt) | errors.keys()  # type: ignore[arg-type]
    # opened before any work, so an output that cannot be written stops the run at once
    writer = BatchWriter(output if to_file else None, fmt, append=resume)

    total = None
    if documents is None and "-" not in files:
        total = 0
        for f in files:
            try:
                total += os.path.getsize(f) if os.path.isfile(f) else 0
            except OSError:
                pass
    items: Iterable[InputDoc | Problem] = documents if documents is not None else itertools.chain(
        problems, iter_documents(files, input_format=input_format, encoding=encoding, text_field=text_field,
                                 id_field=id_field, keep_fields=keep_fields))

    if total is not None and total <= batch_chars:
        jobs = 1  # all of it fits in one batch: worker processes could only add start-up time
    executor: Any = None
    bar: Progress | None = None
    n_docs = n_chars = 0
    pending: deque[tuple[Any, int, int]] = deque()
    signals = _Signals()

    def finish(future: Any, chars: int, nbytes: int) -> None:
        nonlocal n_docs, n_chars
        results = future.result()
        ok = [(p, k) for status, p, k in results if status == "ok"]
        bad = [p for status, p, _ in results if status != "ok"]
        if fmt == "docbin":
            failed: list[tuple[dict[str, Any], Exception]] = []
            blob = to_docbin_bytes([p for p, _ in ok], failed) if ok else b""
            for rec, exc in failed:
                line = rec.get("line")
                bad.append(Problem(rec.get("source") or "-", line, type(exc).__name__,
                                   f"cannot write this document as a spaCy Doc: {exc}"[:500], id=rec.get("id"),
                                   whole_file=line is None).to_dict())
            lost = {id(rec) for rec, _ in failed}
            ok = [(p, k) for p, k in ok if id(p) not in lost]
            payloads: list[Any] = [blob] if ok else []
        else:
            payloads = [p for p, _ in ok]
        signals.begin()  # a signal now waits until the batch and its entries are written
        try:
            writer.write(payloads, [k for _, k in ok])
            for p in bad:
                errors.add(Problem(p["source"], p["line"], p["error"], p["message"], id=p["id"],
                                   whole_file=p["line"] is None))
        finally:
            signals.writing = False
        n_docs += len(ok)
        n_chars += chars
        assert bar is not None  # finish() runs only after the bar exists
        bar.done(len(ok), chars, nbytes, len(bad))
        signals.end()

    aborted = False
    try:
        with signals:
            if dask:
                executor = DaskExecutor(dask, max(jobs, 1))
            elif jobs > 1:
                _warm_up(steps)
                executor = Processes(jobs)  # forks now, before the progress bar starts its thread
            else:
                executor = Serial()
            bar = Progress(total, progress)
            window = max(2, 3 * executor.workers)
            try:
                for tasks, chars, nbytes in _batches(items, skip, errors, bar, batch_docs, batch_chars):
                    pending.append((executor.submit(process_batch, tasks, steps, fmt), chars, nbytes))
                    while len(pending) >= window:
                        finish(*pending.popleft())
                while pending:
                    finish(*pending.popleft())
                signals.begin()  # the merge of DocBin parts completes or is left to --resume
                try:
                    writer.finish()
                finally:
                    signals.writing = False
                signals.end()
            except BaseException:
                aborted = True
                raise
    finally:
        if executor is not None:
            executor.close(abort=aborted)
        writer.close()
        errors.close()
        seconds = bar.close() if bar is not None else 0.0
    errors_total = len(errors.entries()) if errors_path else errors.count
    skipped = bar.skipped if bar is not None else 0
    return {
        "documents": n_docs,
        "chars": n_chars,
        "errors": errors.count,
        "errors_total": errors_total,
        "skipped": skipped,
        "found": n_docs + errors.count + skipped,
        "seconds": seconds,
        "docs_per_s": n_docs / seconds if seconds else 0.0,
        "chars_per_s": n_chars / seconds if seconds else 0.0,
        "errors_file": errors_path if errors_total and errors_path else None,
        "first_error": dict(errors.first),  # this run's first source of each kind of error
    }


def _check_spacy_for_docbin() -> None:
    """Fail before any work when DocBin output is asked for and spaCy is not installed."""
    try:
        import spacy.tokens  # noqa: F401
    except ImportError as exc:
        raise RuntimeError(
            f"DocBin output (-o OUT.spacy, --to docbin) needs spaCy, which is not installed (no module named "
            f"{exc.name!r}); run: pip install \"kaznlp[ner]\" (from a source checkout: pip install \".[ner]\"), "
            "or write JSONL (-o OUT.jsonl) or CoNLL-U (-o OUT.conllu), which need no extra"
        ) from exc
