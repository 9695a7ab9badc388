r"""Durable writing: :class:`BatchWriter` appends whole batches (fsync'ed JSONL/CoNLL-U,
atomically renamed ``DocBin`` parts) and :class:`ErrorLog` the errors file; a failing
output is an :class:`OutputError`.

>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "out.jsonl")
>>> with BatchWriter(path) as w:
...     w.write(['{"text": "Алматы"}\n'])
>>> open(path, encoding="utf-8").read()
'{"text": "Алматы"}\n'
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .docbin import docbin_parts_dir, fsync_dir, merge_docbin_bytes, settle_docbin
from .record import Problem, doc_key
from .resume import complete_lines_end, truncate_torn_tail

__all__ = ["BatchWriter", "ErrorLog", "OutputError", "json_line"]


class OutputError(OSError):  # noqa: N818 - an OSError, named for what it is about
    """The output (or the errors file) cannot be created or written: a missing folder,
    no permission, a full disk. Ends the run; finished batches stay and ``--resume``
    continues once the cause is fixed."""


def output_error(path: str, exc: OSError, what: str = "the output") -> OutputError:
    reason = exc.strerror or str(exc)
    parent = os.path.dirname(os.path.abspath(path))
    if isinstance(exc, FileNotFoundError) and not os.path.isdir(parent):
        reason += f" (the folder {parent} does not exist)"
    err = OutputError(exc.errno, f"cannot write {what} {path}: {reason}")
    err.filename = path
    return err


class BatchWriter:
    """Appends one batch at a time; a batch is durable once :meth:`write` returns.

    ``jsonl``/``conllu``: one file, one ``write`` per batch, flushed and fsync'ed; a torn last
    batch is cut off by ``--resume``; CoNLL-U batches are listed (end offset, CRC-32, keys) in
    the ``OUT.done`` manifest (docs/cli.md). ``docbin``: ``NNNNNN.spacy`` parts, written to a
    temporary name and renamed, in ``.OUT.spacy.parts`` (merged into ``OUT.spacy`` by
    :meth:`finish`) or in ``OUT/``. Any ``OSError`` becomes :class:`OutputError`.
    """

    def __init__(self, path: str | None, fmt: str = "jsonl", append: bool = False) -> None:
        self.fmt, self.path = fmt, path
        self._part = 0
        self._parts: str | None = None
        self._append = append
        self._manifest: Any = None
        self._own = False
        self._durable = False
        self._fh: Any = None
        try:
            self._open()
        except OutputError:
            raise
        except OSError as exc:
            raise output_error(path or "-", exc) from exc

    def _open(self) -> None:
        path, fmt, append = self.path, self.fmt, self._append
        if fmt == "docbin":
            if path is None:
                raise ValueError("DocBin output needs -o OUT.spacy (or a folder)")
            parts = docbin_parts_dir(path)
            self._parts = parts
            if parts is None and os.path.exists(path) and not os.path.isdir(path):
                raise OutputError(20, f"cannot write the output {path}: a file of that name exists")
            if parts is not None:
                if not os.path.isdir(os.path.dirname(parts)):
                    raise FileNotFoundError(2, "No such file or directory", path)
                if append:
                    settle_docbin(path)
                elif os.path.lexists(path):
                    os.unlink(path)  # --overwrite: the old file goes first, as a JSONL output is emptied
            folder = Path(parts if parts is not None else path)
            folder.mkdir(exist_ok=True)
            for tmp in folder.glob("*.tmp"):
                tmp.unlink()
            if not append:
                # newest part first: a run killed while clearing leaves parts 1..k, a prefix that
                # --resume continues after
                for old in sorted(folder.glob("*.spacy"), reverse=True):
                    old.unlink()
                if (folder / "MERGED").exists():
                    (folder / "MERGED").unlink()
            self._part = max((int(p.stem) for p in folder.glob("[0-9]*.spacy") if p.stem.isdigit()), default=0)
            probe = folder / ".kaznlp-write-test"
            with open(probe, "wb"):
                pass
            probe.unlink()
        elif path is None or path == "-":
            if sys.stdout is None:  # run with standard output closed (`>&-`)
                raise OutputError(9, "cannot write the output to standard output: it is closed; "
                                  "give -o OUT or open it")
            self._fh = sys.stdout.buffer
        else:
            if fmt == "conllu" and not append and os.path.exists(path + ".done"):
                os.unlink(path + ".done")  # before the output is emptied: never a manifest of another file
            self._fh = open(path, "ab" if append else "wb")
            # a regular file is fsync'ed (and, for CoNLL-U, has a manifest); a FIFO, a socket or
            # /dev/stdout cannot be, and a reader already has the data
            self._own = True
            self._durable = stat.S_ISREG(os.fstat(self._fh.fileno()).st_mode)

    def write(self, payloads: Sequence[str | bytes], keys: Sequence[str] = ()) -> None:
        """Write one batch (strings or UTF-8 bytes for jsonl/conllu; one DocBin ``bytes`` for docbin).

        ``keys`` are the batch's document keys; the CoNLL-U writer records them,
        with the byte offset the batch ends at, in the ``OUT.done`` manifest.
        """
        if not payloads:
            return
        try:
            self._write(payloads, keys)
        except BrokenPipeError as exc:  # `kaznlp process ... | head`: the reader left, not a broken output
            if self.path is None or self.path == "-":
                raise
            raise output_error(self.path, exc) from exc  # `-o OUT` (a FIFO, a socket): the output is lost
        except OSError as exc:
            raise output_error(self.path or "-", exc) from exc

    def _write(self, payloads: Sequence[str | bytes], keys: Sequence[str]) -> None:
        if self.fmt == "docbin":
            for blob in payloads:
                self._part += 1
                final = Path(self._parts or self.path) / f"{self._part:06d}.spacy"  # type: ignore[arg-type]
                tmp = final.with_suffix(".spacy.tmp")
                with open(tmp, "wb") as fh:
                    fh.write(blob)  # type: ignore[arg-type]
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, final)
            return
        data = b"".join(p if isinstance(p, bytes) else p.encode("utf-8") for p in payloads)
        start = self._fh.tell() if self._durable and self.fmt == "conllu" else 0
        self._fh.write(data)
        self._fh.flush()
        if self._durable:
            os.fsync(self._fh.fileno())
            if self.fmt == "conllu":
                if self._manifest is None:
                    self._manifest = open(self.path + ".done", "ab" if self._append else "wb")  # type: ignore[operator]
                entry = {"start": start, "end": start + len(data), "crc": zlib.crc32(data), "keys": list(keys)}
                self._manifest.write(json_line(entry))
                self._manifest.flush()
                os.fsync(self._manifest.fileno())

    def finish(self) -> None:
        """The run is complete: for ``-o OUT.spacy``, merge the parts (and, resuming, the documents
        already there) into ``OUT.spacy`` atomically (temporary file, fsync, ``MERGED`` marker,
        ``os.replace``, parts removed): a kill leaves the old state or the merged file."""
        if self.fmt != "docbin" or self._parts is None:
            return
        try:
            self._merge(self.path, self._parts)  # type: ignore[arg-type]
        except OSError as exc:
            raise output_error(self.path or "-", exc) from exc

    @staticmethod
    def _merge(path: str, parts: str) -> None:
        folder = Path(parts)
        blobs = [Path(path).read_bytes()] if os.path.isfile(path) else []
        names = sorted(folder.glob("[0-9]*.spacy"))
        if blobs and not names:
            shutil.rmtree(folder, ignore_errors=True)
            return
        blobs += [p.read_bytes() for p in names]
        data = merge_docbin_bytes(blobs)
        tmp = folder / "merged.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        marker = folder / "MERGED.tmp"
        with open(marker, "wb") as fh:
            fh.write(json.dumps({"size": len(data), "crc": zlib.crc32(data)}).encode())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(marker, folder / "MERGED")
        fsync_dir(parts)
        os.replace(tmp, path)  # the commit point
        fsync_dir(os.path.dirname(os.path.abspath(path)))
        shutil.rmtree(folder)

    def close(self) -> None:
        """Close the output file and the CoNLL-U manifest (standard output is left open)."""
        for fh in (self._fh if self._own else None, self._manifest):
            if fh is not None:
                try:
                    fh.close()
                except OSError:  # already reported by write(); a close must not hide it
                    pass

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def json_line(obj: Any) -> bytes:
    """One JSON line as UTF-8; a string with no UTF-8 form (a lone surrogate from a
    non-UTF-8 file name) is written as a ``\\udcff`` escape, so the line stays valid
    JSON and reads back to the same string."""
    try:
        return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(obj, ensure_ascii=True) + "\n").encode("ascii")


@dataclass
class ErrorLog:
    """The errors file: one JSON line per problem, appended and flushed as they come.

    Resuming (``append``) first cuts a torn last line (a run killed mid-entry), so
    the next entry starts on a line of its own; the problem it described is met
    again and written again. An entry whose strings have no UTF-8 form (a non-UTF-8
    file name) is written with ``\\u`` escapes: every line is valid JSON.
    """

    path: str | None
    append: bool = False
    count: int = 0
    #: this run's first source of each kind of error (``{"UnicodeDecodeError": "a.txt"}``): the CLI's hints
    first: dict[str, str] = field(default_factory=dict)
    _fh: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.append and self.path and os.path.isfile(self.path):
            try:
                truncate_torn_tail(self.path, complete_lines_end(self.path))
            except OSError as exc:
                raise output_error(self.path, exc, "the errors file") from exc

    def add(self, problem: Problem) -> None:
        """Write one entry (one JSON line, flushed) or, with no path, print it to standard error."""
        self.count += 1
        self.first.setdefault(problem.error, problem.source)
        line = json_line(problem.to_dict())
        if self.path is None:
            try:  # closed (`2>&-`): the entry is still counted, and the exit code says so
                if sys.stderr is not None:
                    sys.stderr.write("kaznlp: error: " + line.decode("utf-8"))
                    sys.stderr.flush()
            except OSError:
                pass
            return
        try:
            if self._fh is None:
                self._fh = open(self.path, "ab" if self.append else "wb")
            self._fh.write(line)
            self._fh.flush()
        except OSError as exc:
            raise output_error(self.path, exc, "the errors file") from exc

    def entries(self) -> list[dict[str, Any]]:
        """The entries now in the file (earlier runs' too when resuming)."""
        out: list[dict[str, Any]] = []
        if self.path and os.path.isfile(self.path):
            with open(self.path, "rb") as fh:
                for raw in fh:
                    try:
                        d = json.loads(raw)
                    except ValueError:
                        continue
                    if isinstance(d, dict):
                        out.append(d)
        return out

    def keys(self) -> set[str]:
        """The document keys of the entries now in the file: what ``--resume`` skips."""
        return {d.get("key") or doc_key(d.get("source") or "-", d.get("line")) for d in self.entries()}

    def close(self) -> None:
        """Close the errors file (kept: every entry was flushed when written)."""
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError:
                pass
