"""The ``kaznlp`` command (also ``python -m kaznlp``).

``kaznlp process INPUT... -o OUT`` analyses text files, folders (recursive),
JSONL files (one document per line) or standard input (``-``) and writes one
record per document: JSONL by default, or CoNLL-U / spaCy ``DocBin``. Every
offset in a record points into the record's ``text``, the document exactly as
read::

    kaznlp process ../shared/data/news -o news.jsonl --jobs 2
    kaznlp process articles.jsonl --text-field body -o out.jsonl --resume
    cat article.txt | kaznlp process - --steps normalize,sentences,tokens
    kaznlp process corpus/ -o out.jsonl --dask tcp://scheduler:8786

``kaznlp demo`` runs the same job on the bundled sample article (Kazakh news:
«Ұлттық статистика бюросы халық санағының алғашқы қорытындысын жариялады»).
"""

from __future__ import annotations

import argparse
import codecs
import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import resources
from typing import Any

from . import __version__
from .corpus_io import (
    ALL_STEPS,
    DEFAULT_STEPS,
    OUTPUT_FORMATS,
    BatchWriter,
    ErrorLog,
    InputDoc,
    OutputError,
    _unwritable_kind,
    Problem,
    analyse,
    check_steps,
    done_keys,
    iter_documents,
    list_files,
    parse_steps,
    to_conllu,
    docbin_parts_dir,
    to_docbin_bytes,
    to_jsonl,
    unwritable,
)

__all__ = ["main", "process_batch", "run", "Interrupted", "EXIT_OK", "EXIT_FAILED", "EXIT_USAGE", "EXIT_OUTPUT"]

#: exit codes of ``kaznlp process`` (docs/cli.md, "Exit codes and the errors file")
EXIT_OK = 0  # every document found was processed (now or by the run being resumed)
EXIT_FAILED = 1  # the run finished, but documents failed (errors file) or no document was found
EXIT_USAGE = 2  # bad command line or settings; nothing was read or written
EXIT_OUTPUT = 3  # the output or errors file cannot be written; the run stopped; --resume continues
# 128 + signal number (130 SIGINT, 143 SIGTERM): interrupted; workers stopped; --resume continues

SAMPLE = "sample_kk.txt"
BATCH_DOCS = 64
BATCH_CHARS = 250_000


def _sample_text() -> str:
    return resources.files("kaznlp").joinpath("data", SAMPLE).read_text(encoding="utf-8")


# --- the unit of work (runs in worker processes and on Dask workers) ----------------------

Task = tuple[str, str, "int | None", str, "dict[str, Any] | None"]  # id, source, line, text, meta


def process_batch(batch: Sequence[Task], steps: Sequence[str], fmt: str = "jsonl") -> list[tuple[str, Any, str]]:
    """Analyse a batch of documents; return ``(status, payload, key)`` per document, in order.

    ``status`` is ``"ok"`` (payload: a JSONL line or CoNLL-U block as UTF-8 bytes;
    for ``docbin`` the record dict, which the caller packs) or ``"error"`` (payload: a
    :class:`~kaznlp.corpus_io.Problem` dict). A document that makes kaznlp fail is
    reported, never fatal.

    >>> out = process_batch([("d1", "-", None, "Алматы — ірі қала.", None)], ["sentences", "tokens"])
    >>> out[0][0], out[0][2]
    ('ok', '-')
    """
    out: list[tuple[str, Any, str]] = []
    for doc_id, source, line, text, meta in batch:
        key = source if line is None else f"{source}:{line}"
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
                kind, message = _unwritable_kind(str(exc)), str(exc)
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


# --- executors: all keep output order and bound the work in flight ----------------------


class _Serial:
    def __init__(self) -> None:
        self.workers = 1

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        class Done:
            def __init__(self, value: Any) -> None:
                self.value = value

            def result(self) -> Any:
                return self.value

        return Done(fn(*args))

    def close(self, abort: bool = False) -> None:
        pass


def _worker_init(parent: int) -> None:
    """In each ``--jobs`` worker: leave Ctrl-C to the main process (which stops the workers
    itself, without a traceback from each), and die with the main process even when it is
    killed outright (Linux ``PR_SET_PDEATHSIG``), so no worker outlives its run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the run's handler, inherited through fork
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):  # not Linux: the main process's shutdown still stops us
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


class _Processes:
    def __init__(self, jobs: int) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if "fork" in mp.get_all_start_methods() else None
        self.pool = ProcessPoolExecutor(jobs, mp_context=mp.get_context(method), initializer=_worker_init,
                                        initargs=(os.getpid(),))
        self.workers = jobs
        self.pool.submit(int).result()  # start the workers now (all at once with fork)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.pool.submit(fn, *args)

    def close(self, abort: bool = False) -> None:
        if not abort:
            self.pool.shutdown(cancel_futures=True)
            return
        # the workers first (a batch in a worker may take seconds: stop it now), then the executor
        procs = list((getattr(self.pool, "_processes", None) or {}).values())
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join()
        # a worker stopped while sending its result leaves half a message in the result pipe, and
        # the executor's thread would wait for the rest forever (and the interpreter for it at
        # exit): closing our end of the pipe's write side gives that thread end-of-file instead
        writer = getattr(getattr(self.pool, "_result_queue", None), "_writer", None)
        if writer is not None:
            try:
                writer.close()
            except OSError:
                pass
        self.pool.shutdown(wait=False, cancel_futures=True)


class _Dask:
    def __init__(self, address: str, jobs: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise SystemExit("kaznlp: --dask needs Dask: pip install 'kaznlp[dask]'") from exc
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", dashboard_address=None)
            address = self.cluster.scheduler_address
        self.client = Client(address)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def close(self, abort: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


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


class _Progress:
    """A tqdm bar over input bytes with docs/s and chars/s; silent unless stderr is a terminal."""

    def __init__(self, total_bytes: int | None, enabled: bool | None) -> None:
        self.docs = self.chars = self.errors = self.skipped = 0
        self.t0 = time.perf_counter()
        self.bar = None
        if enabled is None:
            enabled = sys.stderr.isatty()
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total_bytes or None, unit="B", unit_scale=True, unit_divisor=1024,
                            dynamic_ncols=True, file=sys.stderr, desc="kaznlp", smoothing=0.1)

    def _postfix(self) -> None:
        if self.bar is not None:
            dt = max(time.perf_counter() - self.t0, 1e-9)
            self.bar.set_postfix_str(f"{self.docs:,} docs, {self.docs / dt:,.1f} docs/s, "
                                     f"{self.chars / dt / 1000:,.0f}k chars/s, {self.errors} errors", refresh=False)

    def done(self, docs: int, chars: int, nbytes: int, errors: int) -> None:
        self.docs += docs
        self.chars += chars
        self.errors += errors
        if self.bar is not None:
            self._postfix()
            self.bar.update(nbytes)

    def skip(self, nbytes: int, error: bool = False) -> None:
        if error:
            self.errors += 1
        else:
            self.skipped += 1
        if self.bar is not None:
            self._postfix()
            self.bar.update(nbytes)

    def close(self) -> float:
        if self.bar is not None:
            self.bar.close()
        return time.perf_counter() - self.t0


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
    to_file = output is not None and output != "-"
    if resume and not to_file:
        raise ValueError("--resume needs an output file (-o OUT)")
    if errors_path is None and to_file:
        errors_path = output.rstrip("/\\") + ".errors.jsonl"  # type: ignore[union-attr]
    # what this run writes is never one of its inputs (an output inside an input folder)
    parts = docbin_parts_dir(output) if to_file and fmt == "docbin" else None  # type: ignore[arg-type]
    avoid = [p for p in (output, f"{output}.done", parts, errors_path) if p and p != "-"] if to_file else (
        [errors_path] if errors_path else [])
    problems: list[Problem] = []
    files = list_files(inputs, pattern, exclude, avoid=avoid, problems=problems) if documents is None else []
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
    bar: _Progress | None = None
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
                executor = _Dask(dask, max(jobs, 1))
            elif jobs > 1:
                _warm_up(steps)
                executor = _Processes(jobs)  # forks now, before the progress bar starts its thread
            else:
                executor = _Serial()
            bar = _Progress(total, progress)
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
    }


# --- command line ------------------------------------------------------------------------


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


def _format_for(output: str | None, explicit: str | None) -> str:
    if explicit:
        return explicit
    if output and output.endswith((".conllu", ".conll")):
        return "conllu"
    if output and output.endswith((".spacy", "/", os.sep)):
        return "docbin"
    return "jsonl"


def _demo(args: argparse.Namespace) -> int:
    text = _sample_text()
    if args.steps:
        steps = parse_steps(args.steps)
        check_steps(steps)
    else:
        steps = parse_steps([s for s in ALL_STEPS if s != "words"])
        try:
            check_steps(steps)
        except RuntimeError as exc:  # the core install: the demo runs without NER and says so once
            steps = DEFAULT_STEPS
            print(f"kaznlp demo: no NER here ({exc})", file=sys.stderr)
    rec = analyse(text, doc_id="sample", source=f"kaznlp/data/{SAMPLE}", steps=steps)
    if args.json:
        sys.stdout.write(to_jsonl(rec))
        return 0
    out = sys.stdout
    sents = rec.get("sentences", [])
    ntok = sum(len(s.get("tokens", ())) for s in sents) if sents else len(rec.get("tokens", ()))
    out.write(f"kaznlp {__version__} demo: the bundled sample article ({len(text):,} characters), steps: "
              f"{', '.join(steps)}\n{len(sents)} sentences, {ntok} tokens, {len(rec['entities'])} entities; "
              "offsets point into the original text.\n\n")
    for i, s in enumerate(sents, 1):
        toks = s.get("tokens", [])
        shown = " | ".join(t[2].replace("\n", "⏎") for t in toks) if toks else s["text"].replace("\n", "⏎")
        out.write(f"[{i}] {s['start']}:{s['end']}  {shown}\n")
    for e in rec["entities"]:
        out.write(f"  entity {e['label']:<14} {e['start']}:{e['end']}  {e['text']}\n")
    out.write("\nFull record: kaznlp demo --json   ·   your files: kaznlp process FILE... -o out.jsonl\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kaznlp", description="Kazakh news text preprocessing with exact offsets.")
    parser.add_argument("--version", action="version", version=f"kaznlp {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("process", help="analyse files, folders, JSONL or stdin into JSONL / CoNLL-U / DocBin",
                       description="Analyse documents; one output record per document, offsets exact.")
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="text file, folder (recursive), glob, JSONL file (*.jsonl), or - for stdin")
    p.add_argument("-o", "--output", help="output file (JSONL, CoNLL-U, one DocBin file for .spacy); a folder of "
                   "DocBin parts when it ends in / or is an existing folder; default: stdout")
    p.add_argument("--to", choices=OUTPUT_FORMATS, help="output format (default: from -o: .conllu → conllu, "
                   ".spacy or trailing / → docbin, else jsonl)")
    p.add_argument("--steps", default=",".join(DEFAULT_STEPS),
                   help=f"comma-separated steps from {','.join(ALL_STEPS)} (default: %(default)s)")
    p.add_argument("--no-normalize", action="store_true", help="drop the normalize step")
    p.add_argument("--no-dehyphenate", action="store_true", help="drop the dehyphenate step")
    p.add_argument("--no-multiword", action="store_true",
                   help="no multiword tokens: UD KTB's 'келген жоқ' becomes two tokens")
    p.add_argument("--sample", action="store_true", help="process the bundled sample article")
    g = p.add_argument_group("input")
    g.add_argument("--input-format", choices=("auto", "text", "jsonl"), default="auto",
                   help="auto: *.jsonl/*.ndjson are JSONL, everything else (and -) one text document per file")
    g.add_argument("--text-field", default="text", help="JSONL field with the text; dotted for nested (default: text)")
    g.add_argument("--id-field", default="id", help="JSONL field with the document id (default: id; else path:line)")
    g.add_argument("--keep-fields", default="", help="comma-separated JSONL fields copied to the record's meta")
    g.add_argument("--glob", default="*", help="file-name pattern inside folders (default: *, e.g. '*.txt')")
    g.add_argument("--exclude", action="append", default=[], help="skip files matching this pattern (repeatable)")
    g.add_argument("--encoding", default="utf-8", help="input encoding: utf-8 (default), cp1251, kz1048, ...")
    r = p.add_argument_group("running")
    r.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default: 1; 0: one per CPU core); output order is kept")
    r.add_argument("--dask", metavar="SCHEDULER", help="run batches on a Dask cluster (tcp://host:8786, or 'local')")
    r.add_argument("--resume", action="store_true", help="skip documents already in OUT (and in the errors file)")
    r.add_argument("--overwrite", action="store_true", help="replace an existing OUT")
    r.add_argument("--errors", help="errors file (default: OUT.errors.jsonl; stderr when writing to stdout)")
    r.add_argument("--batch-docs", type=int, default=BATCH_DOCS, help="documents per batch (default: %(default)s)")
    r.add_argument("--batch-chars", type=int, default=BATCH_CHARS, help="characters per batch (default: %(default)s)")
    r.add_argument("--progress", dest="progress", action="store_const", const=True, default=None,
                   help="always show the progress bar (default: only on a terminal)")
    r.add_argument("--no-progress", dest="progress", action="store_const", const=False)
    r.add_argument("-q", "--quiet", action="store_true", help="no summary line")

    d = sub.add_parser("demo", help="run the pipeline on the bundled sample article")
    d.add_argument("--json", action="store_true", help="print the full JSON record instead of a summary")
    d.add_argument("--steps", help="steps (default: all, ner included when kaznlp.ner is available)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kaznlp`` command; returns the exit status."""
    try:
        return _main(argv)
    except BrokenPipeError:  # `kaznlp demo | head`: the reader left; not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "demo":
        try:
            return _demo(args)
        except (RuntimeError, ValueError) as exc:
            parser.exit(EXIT_USAGE, f"kaznlp demo: {exc}\n")

    try:
        steps = list(parse_steps(args.steps))
    except ValueError as exc:
        parser.error(str(exc))
    if args.no_normalize and "normalize" in steps:
        steps.remove("normalize")
    if args.no_dehyphenate and "dehyphenate" in steps:
        steps.remove("dehyphenate")
    if args.no_multiword and "tokens" in steps:
        steps[steps.index("tokens")] = "words"
    if not steps:
        parser.error("no steps left to run")
    if args.jobs < 0:
        parser.error("--jobs must be 0 (one per CPU core) or more")
    if args.jobs == 0:
        args.jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    fmt = _format_for(args.output, args.to)
    documents = None
    if args.sample:
        documents = [InputDoc("sample", f"kaznlp/data/{SAMPLE}", None, _sample_text(), 0)]
    elif not args.inputs:
        parser.error("give input files or folders, - for stdin, or --sample")
    out = args.output
    parts = docbin_parts_dir(out) if fmt == "docbin" and out and out != "-" else None
    if out and out != "-" and not (args.resume or args.overwrite):
        if os.path.exists(out):
            parser.error(f"{out} exists; add --resume to continue it or --overwrite to replace it")
        if parts and os.path.isdir(parts):
            parser.error(f"{parts} holds the parts of an unfinished run into {out}; add --resume to continue "
                         "it or --overwrite to start again")
    if fmt == "docbin" and (not out or out == "-"):
        parser.error("--to docbin needs -o OUT.spacy (or a folder)")
    keep = [k.strip() for k in args.keep_fields.split(",") if k.strip()]
    where = f"{parts} (merged into {out} when the run completes)" if parts else out
    hint = f"; finished batches are in {where}: add --resume to continue" if out and out != "-" else ""
    try:
        stats = run(args.inputs, out, steps=steps, fmt=fmt, input_format=args.input_format, encoding=args.encoding,
                    text_field=args.text_field, id_field=args.id_field, keep_fields=keep, pattern=args.glob,
                    exclude=args.exclude, jobs=args.jobs, dask=args.dask, resume=args.resume,
                    errors_path=args.errors, progress=args.progress, batch_docs=args.batch_docs,
                    batch_chars=args.batch_chars, documents=documents)
    except OutputError as exc:
        parser.exit(EXIT_OUTPUT, f"kaznlp process: {exc.strerror}{hint}\n")
    except (RuntimeError, ValueError, LookupError) as exc:
        parser.exit(EXIT_USAGE, f"kaznlp process: {exc}\n")
    except KeyboardInterrupt as exc:
        signum = exc.signum if isinstance(exc, Interrupted) else signal.SIGINT
        parser.exit(128 + signum, f"kaznlp process: interrupted ({signal.Signals(signum).name}), "
                                  f"workers stopped{hint}\n")
    failed = stats["errors_total"]
    if not args.quiet:
        msg = (f"kaznlp: {stats['documents']:,} documents, {stats['chars']:,} chars in {stats['seconds']:.1f} s "
               f"({stats['docs_per_s']:,.1f} docs/s, {stats['chars_per_s']:,.0f} chars/s)")
        if stats["skipped"]:
            msg += f"; {stats['skipped']:,} already done"
        if failed:
            msg += f"; {failed} errors" + (f" → {stats['errors_file']}" if stats["errors_file"] else "")
        print(msg, file=sys.stderr)
    if stats["found"] == 0:
        print("kaznlp process: no documents found in " + " ".join(args.inputs or ["--sample"]), file=sys.stderr)
        return EXIT_FAILED
    if failed:
        if args.quiet:
            where = stats["errors_file"] or "stderr"
            print(f"kaznlp process: {failed} documents or inputs failed; see {where}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
