r"""Reading: inputs (text files, folders, globs, JSONL files, standard input) into a stream
of :class:`~kaznlp.corpus.record.InputDoc` and :class:`~kaznlp.corpus.record.Problem`.

Decoding is strict (a file that does not decode is one errors-file entry, never a
``replace``d text whose offsets point at characters that are not in the file); JSON
Lines are cut at the encoded line feed, so UTF-16 and UTF-32 JSONL read too:

>>> import io
>>> data = '{"id": "a1", "text": "Алматы — ірі қала."}\n'.encode("utf-16")
>>> [d.text for d in iter_documents(["-"], input_format="jsonl", encoding="utf-16", stdin=io.BytesIO(data))]
['Алматы — ірі қала.']
"""

from __future__ import annotations

import codecs
import fnmatch
import json
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from .record import InputDoc, Problem, unwritable, unwritable_kind

__all__ = ["JSONL_SUFFIXES", "is_jsonl", "iter_documents", "list_files"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.txt")


def list_files(
    inputs: Sequence[str],
    pattern: str = "*",
    exclude: Sequence[str] = (),
    *,
    avoid: Sequence[str] = (),
    problems: list[Problem] | None = None,
) -> list[str]:
    """Expand inputs: a folder becomes its files (recursive, sorted, hidden ones skipped)
    whose names match ``pattern``; a file or ``-`` stays as it is; a glob (``news/*.txt``)
    is expanded. Names matching any ``exclude`` pattern are dropped.

    Each file is listed once, at its first mention: ``kaznlp process жаңалықтар
    жаңалықтар/a.txt`` reads ``a.txt`` once (paths compared after resolving
    ``..`` and symbolic links), so a resumed run finds the same documents as a
    clean one. Paths in ``avoid`` (this run's output, errors file and bookkeeping;
    a folder stands for everything in it) are never read from a folder or a glob,
    and naming one of them as an input is a :class:`ValueError`. A folder that
    cannot be read is appended to ``problems`` (one errors-file entry) instead of
    being skipped silently.
    """
    out: list[str] = []
    seen: set[str] = set()
    avoid_real = [os.path.realpath(a) for a in avoid if a and a != "-"]

    def avoided(name: str) -> bool:
        real = os.path.realpath(name)
        return any(real == a or real.startswith(a.rstrip(os.sep) + os.sep) for a in avoid_real)

    def add(name: str) -> None:
        key = name if name == "-" else os.path.realpath(name)
        if key not in seen:
            seen.add(key)
            out.append(name)

    def unreadable(exc: OSError) -> None:
        if problems is not None:
            where = str(exc.filename)
            problems.append(Problem(where, None, type(exc).__name__,
                                    f"cannot read this folder ({exc.strerror or exc}); its files were not processed",
                                    id=where, whole_file=True))

    for name in inputs:
        if name == "-":
            add(name)
            continue
        path = Path(name)
        if path.is_dir():
            files: list[Path] = []
            visited: set[str] = set()
            for dirpath, dirnames, filenames in os.walk(path, onerror=unreadable, followlinks=True):
                real = os.path.realpath(dirpath)
                if real in visited:  # a symbolic link back up the tree: walk each folder once
                    dirnames[:] = []
                    continue
                visited.add(real)
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for fname in filenames:
                    p = Path(dirpath) / fname
                    if not fname.startswith(".") and fnmatch.fnmatch(fname, pattern) and p.is_file():
                        files.append(p)
            for p in sorted(files):
                if not avoided(str(p)):
                    add(str(p))
        elif not path.exists() and any(c in name for c in "*?["):
            from glob import glob

            for found in sorted(glob(name, recursive=True)):
                if Path(found).is_file() and not avoided(found):
                    add(found)
        else:
            if avoided(name):
                raise ValueError(f"{name} is written by this run (its output, errors file or bookkeeping); "
                                 "it cannot also be an input")
            add(name)
    if exclude:
        out = [f for f in out if not any(fnmatch.fnmatch(Path(f).name, x) or fnmatch.fnmatch(f, x) for x in exclude)]
    return out


def _decode_error(data: bytes, exc: UnicodeDecodeError) -> tuple[int, str]:
    line = data.count(b"\n", 0, exc.start) + 1
    return line, f"{exc.reason} at byte {exc.start} (line {line}): {data[exc.start:exc.start + 4]!r}"


def _decode(data: bytes, encoding: str) -> str:
    if encoding.replace("-", "").replace("_", "").lower() in ("utf8", "utf8sig"):
        return data.decode("utf-8-sig")
    return data.decode(encoding)


def _get_field(obj: dict[str, Any], name: str) -> Any:
    cur: Any = obj
    for part in name.split("."):
        if not isinstance(cur, dict) or part not in cur:
            raise KeyError(name)
        cur = cur[part]
    return cur


def _line_codec(encoding: str, head: bytes) -> tuple[str, bytes, int]:
    """``(codec, encoded line feed, code-unit size)`` for reading JSONL in ``encoding``.

    JSON Lines ends each record with U+000A, which is ``\\n`` in UTF-8 but
    ``\\n\\x00`` in UTF-16-LE (and four bytes in UTF-32): lines are cut at the
    encoded line feed, at a code-unit boundary, so every encoding whose text
    files kaznlp reads is read as JSONL too. ``utf-16``/``utf-32`` take their
    byte order from the BOM in ``head`` (native order without one, as Python does).

    >>> _line_codec("utf-16", "{}".encode("utf-16"))[1:]
    (b'\\n\\x00', 2)
    """
    name = codecs.lookup(encoding).name
    if name in ("utf-16", "utf-32"):
        le, be = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) if name == "utf-16" else (codecs.BOM_UTF32_LE,
                                                                                       codecs.BOM_UTF32_BE)
        order = "le" if head.startswith(le) else "be" if head.startswith(be) else sys.byteorder[0] + "e"
        name = f"{name}-{order}"
    two = "\n\n".encode(name)  # two line feeds: the second one has no BOM in front (utf-8-sig)
    unit = len(two) - len("\n".encode(name))
    return name, two[-unit:], unit


def _split_lines(fh: BinaryIO, first: bytes, nl: bytes, unit: int) -> Iterator[bytes]:
    """The lines of a binary stream (``first`` = what was already read), each with its line feed."""
    buf, search = bytearray(first), 0  # buf always starts at a code-unit boundary
    while True:
        start = 0
        while True:
            i = buf.find(nl, search)
            if i < 0:
                break
            if (i - start) % unit:  # the bytes of a line feed inside another character
                search = i + 1
                continue
            yield bytes(buf[start:i + len(nl)])
            start = search = i + len(nl)
        del buf[:start]
        search = max(0, len(buf) - len(nl) + 1)
        search -= search % unit
        chunk = fh.read1(1 << 16) if hasattr(fh, "read1") else fh.read(1 << 16)  # what a pipe has now
        if not chunk:
            break
        buf += chunk
    if buf:
        yield bytes(buf)


def _read_jsonl(fh: BinaryIO, source: str, encoding: str, text_field: str, id_field: str,
                keep_fields: Sequence[str]) -> Iterator[InputDoc | Problem]:
    head = fh.read(4)
    try:
        codec, nl, unit = _line_codec(encoding, head)
    except LookupError as exc:
        yield Problem(source, None, "LookupError", str(exc), whole_file=True)
        return
    sig = codec.replace("-", "").replace("_", "") in ("utf8", "utf8sig")
    for n, raw in enumerate(_split_lines(fh, head, nl, unit), 1):
        try:
            line = raw.decode("utf-8-sig" if sig and n == 1 else codec)
        except UnicodeDecodeError as exc:
            yield Problem(source, n, "UnicodeDecodeError", f"{exc.reason} at byte {exc.start} of the line", nbytes=len(raw))
            continue
        if n == 1 and line.startswith("\ufeff"):  # a byte-order mark is not part of the first record
            line = line[1:]
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(source, n, "JSONDecodeError", str(exc), nbytes=len(raw))
            continue
        except RecursionError:
            yield Problem(source, n, "JSONDecodeError", "nested too deeply", nbytes=len(raw))
            continue
        if not isinstance(obj, dict):
            yield Problem(source, n, "BadRecord", f"expected a JSON object, got {type(obj).__name__}", nbytes=len(raw))
            continue
        doc_id = obj.get(id_field) if id_field else None
        doc_id = f"{source}:{n}" if doc_id is None else str(doc_id)
        try:
            text = _get_field(obj, text_field)
        except KeyError:
            yield Problem(source, n, "MissingField", f"no {text_field!r} field", id=doc_id, nbytes=len(raw))
            continue
        if not isinstance(text, str):
            yield Problem(source, n, "BadField", f"{text_field!r} is {type(text).__name__}, not a string",
                          id=doc_id, nbytes=len(raw))
            continue
        if not text.strip():
            yield Problem(source, n, "EmptyDocument", f"{text_field!r} is empty" if not text else
                          f"{text_field!r} has only whitespace", id=doc_id, nbytes=len(raw))
            continue
        meta = {k: obj[k] for k in keep_fields if k in obj} or None
        why = unwritable(doc_id, "the id") or unwritable(text, repr(text_field)) or unwritable(meta, "the kept fields")
        if why:
            yield Problem(source, n, unwritable_kind(why), why, id=doc_id, nbytes=len(raw))
            continue
        yield InputDoc(doc_id, source, n, text, len(raw), meta)


def _read_text(data: bytes, source: str, doc_id: str, encoding: str) -> InputDoc | Problem:
    if not data.strip():
        return Problem(source, None, "EmptyDocument", "empty file" if not data else "file has only whitespace",
                       id=doc_id, nbytes=len(data), whole_file=True)
    try:
        text = _decode(data, encoding)
    except UnicodeDecodeError as exc:
        line, msg = _decode_error(data, exc)
        return Problem(source, line, "UnicodeDecodeError", f"not valid {encoding}: {msg}", id=doc_id,
                       nbytes=len(data), whole_file=True)
    except LookupError as exc:
        return Problem(source, None, "LookupError", str(exc), id=doc_id, nbytes=len(data), whole_file=True)
    if not text.strip():
        return Problem(source, None, "EmptyDocument", "file has only whitespace", id=doc_id, nbytes=len(data),
                       whole_file=True)
    return InputDoc(doc_id, source, None, text, len(data))


class _NotReadable(Exception):
    pass


def _open_input(name: str) -> BinaryIO:
    """Open an input for reading without ever blocking on the open itself.

    A FIFO is opened non-blocking (a plain ``open`` waits for a writer forever) and
    then read normally: with a writer it streams, without one it reads as empty.
    Character devices, sockets and the like are refused (``/dev/zero`` never ends).
    """
    st = os.stat(name)
    if stat.S_ISFIFO(st.st_mode):
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    if not stat.S_ISREG(st.st_mode):
        raise _NotReadable("not a regular file (a device or socket); kaznlp reads files, FIFOs and - (stdin)")
    return open(name, "rb")


def is_jsonl(name: str, input_format: str = "auto") -> bool:
    """Whether ``name`` is read as JSONL (``input_format`` ``auto`` decides by suffix)."""
    if input_format != "auto":
        return input_format == "jsonl"
    return name != "-" and name.lower().endswith(JSONL_SUFFIXES)


def iter_documents(
    files: Sequence[str],
    *,
    input_format: str = "auto",
    encoding: str = "utf-8",
    text_field: str = "text",
    id_field: str = "id",
    keep_fields: Sequence[str] = (),
    stdin: BinaryIO | None = None,
) -> Iterator[InputDoc | Problem]:
    """Documents and problems from expanded inputs (see :func:`list_files`), in order.

    A text file (or ``-``) is one document whose id is its path (``stdin`` for ``-``);
    a JSONL file gives one document per non-blank line, with the id from
    ``id_field`` (else ``path:line``) and the text from ``text_field`` (a dotted
    path such as ``body.text`` reaches into nested objects).
    """
    for name in files:
        jsonl = is_jsonl(name, input_format)
        try:
            if name == "-":
                if stdin is None and sys.stdin is None:  # run with standard input closed (`<&-`)
                    yield Problem("-", None, "ClosedInput", "standard input is closed: nothing to read from -",
                                  id="stdin", whole_file=True)
                    continue
                fh = stdin if stdin is not None else sys.stdin.buffer
                if jsonl:
                    yield from _read_jsonl(fh, "-", encoding, text_field, id_field, keep_fields)
                else:
                    yield _read_text(fh.read(), "-", "stdin", encoding)
                continue
            why = unwritable(name, "the file name")
            if why:
                raw = os.fsencode(name)
                yield Problem(name, None, "BadFileName", f"{why} (the name's bytes are {raw!r}, not valid UTF-8, "
                              "and every record names its file); rename the file", id=name, whole_file=True)
                continue
            with _open_input(name) as fh:
                if jsonl:
                    yield from _read_jsonl(fh, name, encoding, text_field, id_field, keep_fields)
                else:
                    yield _read_text(fh.read(), name, name, encoding)
        except _NotReadable as exc:
            yield Problem(name, None, "NotARegularFile", str(exc), id=name, whole_file=True)
        except OSError as exc:
            yield Problem(name, None, type(exc).__name__, exc.strerror or str(exc), id=name, whole_file=True)
