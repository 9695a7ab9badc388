"""Corpus input and output for the ``kaznlp`` command and the Dask helpers.

Readers turn inputs (text files, folders, JSONL files, standard input) into a
stream of :class:`InputDoc` (one document to analyse) and :class:`Problem` (one
document that cannot be read: bad encoding, bad JSON line, empty text).
:func:`analyse` turns one document into a JSON-ready record; the ``to_*``
functions serialise records as JSONL, CoNLL-U or spaCy ``DocBin``; the writers
append whole batches and can be resumed.

Every offset in a record is a character offset into the record's ``text``, which
is exactly the decoded document (no newline translation, only a leading UTF-8 BOM
is dropped):

>>> rec = analyse("Астана қаласы. ҚР-ның 63%-ы", doc_id="d1", source="-")
>>> [s["text"] for s in rec["sentences"]]
['Астана қаласы.', 'ҚР-ның 63%-ы']
>>> start, end, form, kind = rec["sentences"][1]["tokens"][0]
>>> rec["text"][start:end], kind
('ҚР-ның', 'word')
"""

from __future__ import annotations

import codecs
import fnmatch
import json
import math
import os
import re
import shutil
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

__all__ = [
    "ALL_STEPS",
    "DEFAULT_STEPS",
    "InputDoc",
    "Problem",
    "analyse",
    "parse_steps",
    "iter_documents",
    "list_files",
    "to_jsonl",
    "to_conllu",
    "to_docbin_bytes",
    "merge_docbin_bytes",
    "docbin_parts_dir",
    "record_to_spacy",
    "BatchWriter",
    "done_keys",
    "doc_key",
    "unwritable",
]

# "words" is "tokens" without UD Kazakh-KTB's multiword tokens ("келген жоқ" → "келген" "жоқ")
ALL_STEPS = ("normalize", "dehyphenate", "sentences", "tokens", "words", "ner")
DEFAULT_STEPS = ("normalize", "dehyphenate", "sentences", "tokens")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.txt")
OUTPUT_FORMATS = ("jsonl", "conllu", "docbin")


# --- documents and problems ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InputDoc:
    """One document to analyse.

    ``source`` is the file it came from (``-`` for standard input); ``line`` is its
    1-based line number in a JSONL file, or ``None`` for a whole text file.
    ``nbytes`` is the size of its raw input (for progress reporting).
    """

    id: str
    source: str
    line: int | None
    text: str
    nbytes: int = 0
    meta: dict[str, Any] | None = None

    @property
    def key(self) -> str:
        """The resume key: source and line (documents are found again by where they are)."""
        return doc_key(self.source, self.line)


@dataclass(frozen=True, slots=True)
class Problem:
    """A document that could not be read; goes to the errors file, the run goes on."""

    source: str
    line: int | None
    error: str
    message: str
    id: str | None = None
    nbytes: int = 0
    whole_file: bool = False

    @property
    def key(self) -> str:
        """Same key as the document would have had (``path`` or ``path:line``)."""
        return doc_key(self.source, None if self.whole_file else self.line)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "id": self.id, "error": self.error,
                "message": self.message, "key": self.key}


def doc_key(source: str, line: int | None) -> str:
    """``"path"`` for a text file, ``"path:12"`` for line 12 of a JSONL file."""
    return source if line is None else f"{source}:{line}"


def parse_steps(spec: str | Iterable[str] | None) -> tuple[str, ...]:
    """Check and order a step list (``"normalize,tokens"`` or a sequence).

    >>> parse_steps("tokens,normalize")
    ('normalize', 'tokens')
    """
    if spec is None:
        return DEFAULT_STEPS
    names = [s.strip() for s in (spec.split(",") if isinstance(spec, str) else spec) if s.strip()]
    bad = [n for n in names if n not in ALL_STEPS]
    if bad:
        raise ValueError(f"unknown step(s) {', '.join(bad)}; choose from {', '.join(ALL_STEPS)}")
    if not names:
        raise ValueError("no steps given")
    if "tokens" in names and "words" in names:
        raise ValueError("steps 'tokens' and 'words' exclude each other: 'words' are tokens that never "
                         "contain a space (no KTB multiword tokens such as 'келген жоқ')")
    return tuple(s for s in ALL_STEPS if s in names)


# --- reading -------------------------------------------------------------------------


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


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


# --- what an output can hold ---------------------------------------------------------


def unwritable(value: Any, name: str) -> str | None:
    """Why ``value`` cannot go into a UTF-8 JSON record, or ``None`` when it can.

    Two things can be read but not written: a lone surrogate (JSON ``"\\ud800"``
    decodes to a Python string that has no UTF-8 form; a file name that is not
    valid UTF-8 decodes to such surrogates too) and a number outside the range of
    a double (``1e999`` reads as ``inf``, which JSON cannot write). Such a
    document becomes one errors-file entry instead of failing the batch it is in.

    >>> unwritable({"title": "Жаңалық", "score": 1.5}, "meta") is None
    True
    >>> unwritable("Алматы \\ud800", "'text'")
    "'text' has a lone surrogate U+D800 at character 7; it has no UTF-8 form"
    """
    if isinstance(value, str):
        if value.isascii():
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"{name} has a lone surrogate U+{ord(value[exc.start]):04X} at character {exc.start}; it has no UTF-8 form"
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return f"{name} is a number JSON cannot hold ({value!r}: out of the range of a double, or not a number)"
        return None
    if isinstance(value, dict):
        for k, v in value.items():
            why = unwritable(k, f"a key of {name}") or unwritable(v, f"{name}.{k}")
            if why:
                return why
        return None
    if isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            why = unwritable(v, f"{name}[{i}]")
            if why:
                return why
    return None


def _unwritable_kind(why: str) -> str:
    return "LoneSurrogate" if "surrogate" in why else "NonFiniteNumber"


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
            yield Problem(source, n, "EmptyDocument", f"{text_field!r} is empty", id=doc_id, nbytes=len(raw))
            continue
        meta = {k: obj[k] for k in keep_fields if k in obj} or None
        why = unwritable(doc_id, "the id") or unwritable(text, repr(text_field)) or unwritable(meta, "the kept fields")
        if why:
            yield Problem(source, n, _unwritable_kind(why), why, id=doc_id, nbytes=len(raw))
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


# --- analysis ------------------------------------------------------------------------


def _ner_function() -> Any:
    """``kaznlp.ner``, or a :class:`RuntimeError` naming the extra to install.

    ``kaznlp.ner`` itself imports without spaCy (it fails at its first call), so spaCy, numpy
    and the model package are looked for here: a run with the ``ner`` step fails before any
    document is read, not once per document.
    """
    try:
        from .ner import _require_ner, ner

        _require_ner()
    except ImportError as exc:  # spaCy/numpy/model missing: the core install, without the [ner] extra
        raise RuntimeError(
            f"the 'ner' step cannot run: {exc}; or drop 'ner' from --steps"
        ) from exc
    return ner


def check_steps(steps: Sequence[str]) -> None:
    """Fail early (before any work) if a requested step cannot run here."""
    if "ner" in steps:
        _ner_function()


def analyse(
    text: str,
    *,
    doc_id: str | None = None,
    source: str | None = None,
    steps: Sequence[str] = DEFAULT_STEPS,
    line: int | None = None,
    meta: dict[str, Any] | None = None,
    clean_forms: bool = False,
) -> dict[str, Any]:
    """One document → one record: ``{"id", "source", ["line",] "text", "sentences", "entities"}``.

    The record is :meth:`kaznlp.Document.to_dict` of ``kaznlp.process(text, steps=steps)``
    (the text is repaired once, entities included) without ``clean_text`` and
    ``alignment``, plus where the document came from. ``sentences`` is
    ``[{"start", "end", "text", "tokens": [[start, end, text, kind], ...], ["norms"]}]``,
    where ``norms`` (only in a sentence with repaired tokens) is ``[[i, norm], ...]``: the
    clean form of the sentence's ``i``-th token where it differs from the surface
    ``text``. Without the ``sentences`` step the record has a flat ``tokens`` list (and
    ``norms`` indexing it) instead; without ``tokens`` the sentences carry no tokens.
    ``entities`` is ``[{"start", "end", "label", "text"}]`` (empty unless the ``ner`` step
    runs). With ``clean_forms`` every token also gets its clean form as a 5th item (and
    there are no ``norms``).

    >>> rec = analyse("Мемлекеттiк тіл.", steps=["normalize", "sentences", "tokens"])
    >>> rec["sentences"][0]["tokens"][0], rec["sentences"][0]["norms"]
    ([0, 11, 'Мемлекеттiк', 'word'], [[0, 'Мемлекеттік']])
    >>> analyse("Мемлекеттiк тіл.", steps=["normalize", "tokens"], clean_forms=True)["tokens"][0]
    [0, 11, 'Мемлекеттiк', 'word', 'Мемлекеттік']
    """
    from .pipeline import process

    steps = parse_steps(steps)
    if "ner" in steps:
        _ner_function()  # a clear error when the NER layer cannot be imported
    doc = process(text, steps=steps)
    want_tokens = "tokens" in steps or "words" in steps
    rec: dict[str, Any] = {"id": doc_id, "source": source}
    if line is not None:
        rec["line"] = line
    if meta:
        rec["meta"] = meta
    rec["text"] = text
    sentences: list[dict[str, Any]]
    if clean_forms:
        sentences = [{"start": s.start, "end": s.end, "text": s.text,
                      "tokens": [[t[0], t[1], t[2], t[3], t.norm] for t in s.tokens]} for s in doc.sentences]
    else:
        sentences = doc.to_dict()["sentences"]
    if not want_tokens:
        for s in sentences:
            del s["tokens"]
    if "sentences" in steps:
        rec["sentences"] = sentences
    else:
        rec["tokens"] = [t for s in sentences for t in s.get("tokens", ())]
        flat = [[n, t.norm] for n, t in enumerate(doc.tokens) if t.norm != t[2]]
        if flat and not clean_forms:
            rec["norms"] = flat
    rec["entities"] = [{"start": e.start, "end": e.end, "label": e.label, "text": e.text} for e in doc.entities]
    return rec


# --- serialisation -------------------------------------------------------------------


def to_jsonl(rec: dict[str, Any]) -> str:
    """One JSON line (UTF-8, not ASCII-escaped), newline included.

    Never writes what JSON has not got (``NaN``, ``Infinity``): such a value
    raises :class:`ValueError`, which makes the document one errors-file entry.
    """
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


_WS = re.compile(r"\s+")


def _conllu_value(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _norms(s: dict[str, Any]) -> list[str | None]:
    """The clean form of each token of a record's sentence (or flat token list): the 5th item
    (``analyse(..., clean_forms=True)``), else the sentence's ``norms``; ``None``: same as the surface."""
    toks = s.get("tokens") or []
    out: list[str | None] = [t[4] if len(t) > 4 else None for t in toks]
    for i, norm in s.get("norms") or ():
        if 0 <= i < len(out):
            out[i] = norm
    return out


def _form(token: list[Any], norm: str | None = None) -> str:
    """FORM of a token: its clean form (the surface where it has none), each whitespace run as
    one space, so a multiword token keeps its one inner space ("келген жоқ", as UD
    Kazakh-KTB writes it)."""
    if norm is None:
        norm = token[4] if len(token) > 4 else token[2]
    return _WS.sub(" ", norm).strip() or "_"


def _surface_form(token: list[Any]) -> str:
    """FORM of a token as it occurred: the surface, each whitespace run as one space."""
    return _WS.sub(" ", token[2]).strip() or "_"


CONLLU_FORMS = ("norm", "text")


def to_conllu(rec: dict[str, Any], *, form: str = "norm") -> str:
    """A CoNLL-U block for one record.

    ``# newdoc id`` and ``# kaznlp_source`` head the document; each sentence has
    ``# sent_id`` and ``# text``; MISC has ``TokenRange=start:end`` (offsets into the
    original document text, as UDPipe writes them) and ``SpaceAfter=No``. LEMMA, UPOS and
    the syntax columns are ``_``. The clean forms come from the record's ``norms`` (or
    the 5th item of ``analyse(..., clean_forms=True)``).

    ``form="norm"`` (the default, what ``kaznlp process --to conllu`` writes): FORM and
    ``# text`` are the clean forms (a multiword token keeps one inner space), ready for a
    parser trained on UD Kazakh-KTB. ``form="text"``: the layout of UD's guidelines for
    text with errors (universaldependencies.org/u/overview/typos.html): FORM and
    ``# text`` hold what occurred in the original (each whitespace run as one space:
    ``Премьер- Министр``, ``мемлекеттiк`` with its Latin ``i``), and MISC
    ``CorrectForm=`` the clean form where it differs.
    """
    if form not in CONLLU_FORMS:
        raise ValueError(f"to_conllu(): form={form!r} is not valid; choose one of: {', '.join(CONLLU_FORMS)}")
    text = rec["text"]
    key = doc_key(rec.get("source") or "-", rec.get("line"))
    lines = [f"# newdoc id = {_conllu_value(str(rec.get('id')))}", f"# kaznlp_source = {_conllu_value(key)}"]
    sentences = rec.get("sentences")
    if sentences is None:
        sentences = [{"start": 0, "end": len(text), "text": text, "tokens": rec.get("tokens", []),
                      "norms": rec.get("norms")}]
    for i, s in enumerate(sentences, 1):
        toks = s.get("tokens") or []
        if not toks:
            continue
        norms = _norms(s)
        if form == "norm":
            forms = [_form(t, n) for t, n in zip(toks, norms)]
        else:
            forms = [_surface_form(t) for t in toks]
        lines.append(f"# sent_id = {_conllu_value(str(rec.get('id')))}-{i}")
        lines.append("# text = " + "".join(f + (" " if j + 1 < len(toks) and toks[j][1] < toks[j + 1][0] else "")
                                           for j, f in enumerate(forms)))
        for j, (t, fm, norm) in enumerate(zip(toks, forms, norms), 1):
            misc = [f"TokenRange={t[0]}:{t[1]}"]
            if t[1] >= len(text) or not text[t[1]].isspace():
                misc.insert(0, "SpaceAfter=No")
            if form == "text" and norm is not None:
                correct = _conllu_value(norm).replace("|", "\\p")  # "|" separates MISC items
                if correct and correct != fm:
                    misc.insert(0, f"CorrectForm={correct}")
            lines.append(f"{j}\t{fm}\t_\t_\t_\t_\t_\t_\t_\t{'|'.join(misc)}")
        lines.append("")
    if lines[-1] != "":
        lines.append("")
    return "\n".join(lines) + "\n"


def _spacy_layout(rec: dict[str, Any]) -> tuple[list[str], list[bool], list[bool], list[int]]:
    """Words, trailing spaces, sentence starts and character offsets of the spaCy tokens of a record."""
    return _layout(rec)[:4]


def _layout(rec: dict[str, Any]) -> tuple[list[str], list[bool], list[bool], list[int], list[tuple[int, str]]]:
    """Words, trailing spaces, sentence starts and character offsets of the spaCy tokens of a
    record, and ``(word index, clean form)`` of the tokens whose clean form differs.

    kaznlp's tokens become spaCy tokens; whitespace between them becomes a trailing space
    (one ``" "``) or a whitespace token (spaCy's own convention), so the words and spaces
    give back ``rec["text"]`` exactly: «Алматы — ірі қала.\\n» is ``Алматы␣ —␣ ірі␣ қала .
    \\n``. Whitespace before the first sentence belongs to it (no whitespace-only sentence).
    """
    text = rec["text"]
    sentences = rec.get("sentences")
    if sentences is None:
        sentences = [{"start": 0, "end": len(text), "tokens": rec.get("tokens", [])}]
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    char_start: list[int] = []
    norms: list[tuple[int, str]] = []
    pos = 0

    def gap(upto: int) -> None:
        nonlocal pos
        if upto <= pos:
            return
        chunk = text[pos:upto]
        if words and not spaces[-1] and chunk[0] == " ":
            spaces[-1] = True
            chunk = chunk[1:]
            pos += 1
        if chunk:
            words.append(chunk)
            spaces.append(False)
            starts.append(False)
            char_start.append(pos)
        pos = upto

    for s in sentences:
        first = True
        clean = _norms(s)
        for t, norm in zip(s.get("tokens") or [], clean):
            gap(t[0])
            if norm is not None and norm != t[2]:
                norms.append((len(words), norm))
            words.append(text[t[0]:t[1]])
            spaces.append(False)
            starts.append(first)
            char_start.append(t[0])
            first = False
            pos = t[1]
    gap(len(text))
    if starts and not starts[0]:
        # whitespace before the first sentence belongs to it (no whitespace-only sentence):
        # the first sentence starts at the document's first token
        at = starts.index(True) if True in starts else 0
        starts[at] = False
        starts[0] = True
    return words, spaces, starts, char_start, norms


def record_to_spacy(rec: dict[str, Any], vocab: Any) -> Any:
    """A spaCy ``Doc`` whose ``doc.text`` is exactly ``rec["text"]``.

    kaznlp's tokens become spaCy tokens; whitespace between them becomes
    trailing spaces or whitespace tokens (spaCy's own convention); sentence
    starts and entities are set; id, source and line go to ``doc.user_data``.
    A token whose clean form differs from its surface gets it as ``token.norm_``
    (``"Премьер- Министр"`` → ``"Премьер-Министр"``); the others keep spaCy's default norm.
    """
    from spacy.tokens import Doc

    words, spaces, starts, _, norms = _layout(rec)
    # all sentence starts in one go: setting Token.is_sent_start one token at a time
    # re-checks the whole Doc's annotation each time (quadratic on long documents)
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=[1 if st else -1 for st in starts])
    for i, norm in norms:
        doc[i].norm_ = norm
    ents = []
    for e in rec.get("entities") or []:
        span = doc.char_span(e["start"], e["end"], label=e["label"], alignment_mode="expand")
        if span is not None:
            ents.append(span)
    if ents:
        from spacy.util import filter_spans

        doc.ents = filter_spans(ents)
    doc.user_data.update({"id": rec.get("id"), "source": rec.get("source"), "line": rec.get("line")})
    return doc


class _DocBinEncoder:
    """spaCy's ``DocBin`` serialisation of records, built from arrays, without ``Doc`` objects.

    ``DocBin.add`` stores, per token, 13 attribute ids (uint64) and a space flag, and the
    set of strings the ids stand for. For a kaznlp record only ORTH (the word), NORM (the
    clean form of a repaired token, else 0), ENT_IOB, ENT_TYPE and SENT_START are set
    (LEMMA, TAG, ... are 0, as ``Doc.to_array`` gives for a ``Doc`` built from words). A string's id is spaCy's: its symbol number
    (``GPE`` is 384, ``""`` is 0) or its 64-bit MurmurHash (seed 1). Both come from the
    installed spaCy and murmurhash (the symbols module is loaded on its own, so spaCy's
    package, thinc and torch are not imported), and a known-answer check guards the hash.
    A record this encoder does not handle the way ``Doc`` would (an empty word, an empty
    entity) goes through :func:`record_to_spacy` and ``DocBin.add`` instead. The result reads
    back equal to the ``DocBin.add`` path (``tests/test_cli.py``).
    """

    ATTRS = [65, 67, 73, 74, 75, 76, 77, 78, 79, 80, 452, 453, 454]  # ORTH first, then sorted
    _COLS = 13
    _ORTH, _NORM, _IOB, _TYPE, _SENT = 0, 1, 6, 7, 9
    _NOT_START = (1 << 64) - 1  # SENT_START -1 as uint64
    _state: Any = None

    @classmethod
    def ready(cls) -> bool:
        if cls._state is None:
            try:
                cls._state = cls._load()
            except Exception:  # noqa: BLE001 - any surprise: the DocBin.add path
                cls._state = False
        return cls._state is not False

    @staticmethod
    def _load() -> Any:
        import ctypes
        import importlib.machinery
        import importlib.util

        import murmurhash.mrmr
        import numpy
        import srsly

        spec = importlib.util.find_spec("spacy")
        if spec is None or not spec.submodule_search_locations:
            return False
        symbols = sys.modules.get("spacy.symbols")
        if symbols is None:
            folder = Path(list(spec.submodule_search_locations)[0])
            (so,) = [p for p in folder.glob("symbols.*") if p.suffix in (".so", ".pyd")]
            loader = importlib.machinery.ExtensionFileLoader("spacy.symbols", str(so))
            symbols_spec = importlib.util.spec_from_loader("spacy.symbols", loader)
            if symbols_spec is None:  # never with a loader given; the DocBin.add path then
                return False
            symbols = importlib.util.module_from_spec(symbols_spec)
            loader.exec_module(symbols)
        cap = murmurhash.mrmr.__pyx_capi__["hash64"]
        name = b"uint64_t (void *, int, uint64_t)"
        get = ctypes.pythonapi.PyCapsule_GetPointer
        get.restype, get.argtypes = ctypes.c_void_p, [ctypes.py_object, ctypes.c_char_p]
        hash64 = ctypes.CFUNCTYPE(ctypes.c_uint64, ctypes.c_char_p, ctypes.c_int, ctypes.c_uint64)(get(cap, name))
        ids = dict(symbols.IDS)
        if ids.get("") != 0 or hash64("Алматы".encode(), len("Алматы".encode()), 1) != 7508558316044518350:
            return False  # not the spaCy this encoder was checked against
        return ids, hash64, numpy, srsly

    def __init__(self) -> None:
        self.ids, self._hash, self._np, self._srsly = self._state
        self._cache: dict[str, int] = {}
        self.tokens: list[bytes] = []
        self.spaces: list[bytes] = []
        self.lengths: list[int] = []
        self.strings: set[str] = {""}
        self.user_data: list[bytes] = []
        self.flags: list[dict[str, Any]] = []
        self.span_groups: list[bytes] = []
        self.cats: list[dict[str, Any]] = []
        self._empty_spans = self._srsly.msgpack_dumps([])

    def _id(self, s: str) -> int:
        v = self._cache.get(s)
        if v is None:
            v = self.ids.get(s)
            if v is None:
                b = s.encode("utf-8")
                v = self._hash(b, len(b), 1)
            self._cache[s] = v
        return v

    def add(self, rec: dict[str, Any], user_data: dict[str, Any]) -> bool:
        """Add one record; ``False`` (nothing added) when it needs the ``Doc`` path."""
        words, spaces, starts, char_start, norms = _layout(rec)
        n = len(words)
        if not n or not all(words):
            return False
        np = self._np
        # entities as Doc.char_span(alignment_mode="expand") + filter_spans + doc.ents would set them
        ends = [c + len(w) + sp for c, w, sp in zip(char_start, words, spaces)]
        spans = []
        for e in rec.get("entities") or []:
            a, b = e["start"], e["end"]
            i = self._token_at(char_start, ends, a)
            j = self._token_at(char_start, ends, b - 1)
            if i < 0 or j < 0:
                continue
            if a == char_start[i] + len(words[i]):  # on the trailing space: the next token
                i += 1
            if j + 1 <= i or not e["label"]:
                return False
            spans.append((i, j + 1, e["label"]))
        arr = np.zeros((n, self._COLS), dtype="uint64")
        arr[:, self._ORTH] = [self._id(w) for w in words]
        arr[:, self._SENT] = np.where(np.asarray(starts, dtype=bool), 1, self._NOT_START).astype("uint64")
        for i, norm in norms:
            arr[i, self._NORM] = self._id(norm)
            self.strings.add(norm)
        if spans:
            spans.sort(key=lambda sp: (sp[1] - sp[0], -sp[0]), reverse=True)
            seen: set[int] = set()
            arr[:, self._IOB] = 2  # O
            for i, j, label in spans:
                if i in seen or j - 1 in seen:
                    continue
                seen.update(range(i, j))
                arr[i, self._IOB] = 3  # B
                arr[i + 1:j, self._IOB] = 1  # I
                arr[i:j, self._TYPE] = self._id(label)
                self.strings.add(label)
        self.strings.update(words)
        self.tokens.append(arr.tobytes("C"))
        self.spaces.append(np.asarray(spaces, dtype=bool).tobytes("C"))
        self.lengths.append(n)
        self.cats.append({})
        self.flags.append({"has_unknown_spaces": False})
        self.span_groups.append(self._empty_spans)
        self.user_data.append(self._srsly.msgpack_dumps(user_data))
        return True

    @staticmethod
    def _token_at(char_start: list[int], ends: list[int], c: int) -> int:
        """The token whose characters (with its trailing space) hold ``c`` (spaCy's token_by_char)."""
        import bisect

        i = bisect.bisect_right(char_start, c) - 1
        return i if 0 <= i and c < ends[i] else -1

    def to_bytes(self) -> bytes:
        msg: dict[str, Any] = {
            "version": "0.1",
            "attrs": self.ATTRS,
            "tokens": b"".join(self.tokens),
            "spaces": b"".join(self.spaces),
            "lengths": self._np.asarray(self.lengths, dtype="int32").tobytes("C"),
            "strings": sorted(self.strings),
            "cats": self.cats,
            "flags": self.flags,
            "span_groups": self.span_groups,
            "user_data": self.user_data,
        }
        return zlib.compress(self._srsly.msgpack_dumps(msg))


def to_docbin_bytes(records: Iterable[dict[str, Any]],
                    failed: list[tuple[dict[str, Any], Exception]] | None = None, *, fast: bool = True) -> bytes:
    """Serialise records as one spaCy ``DocBin`` (with ``user_data``).

    With a ``failed`` list, a record that cannot become a ``Doc`` is appended to it
    (with the exception) and left out, instead of failing the whole batch. ``fast``
    builds the DocBin's arrays directly (:class:`_DocBinEncoder`, the same documents
    as ``DocBin.add`` gives, without importing spaCy); ``fast=False`` is the ``Doc`` path.
    """
    enc = _DocBinEncoder() if fast and _DocBinEncoder.ready() else None
    slow: list[bytes] = []  # a record only the Doc path handles, as a DocBin of its own
    order: list[int] = []  # for each kept record: -1 encoder, else its index in slow

    def doc_path(rec: dict[str, Any]) -> bytes:
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab

        doc = record_to_spacy(rec, Vocab())
        why = unwritable(doc.user_data, "the record")
        if why:
            raise ValueError(why)
        db = DocBin(store_user_data=True)
        db.add(doc)
        return db.to_bytes()

    if enc is None:
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab

        vocab = Vocab()
        db = DocBin(store_user_data=True)
        for rec in records:
            if failed is None:
                db.add(record_to_spacy(rec, vocab))
                continue
            try:
                doc = record_to_spacy(rec, vocab)
                why = unwritable(doc.user_data, "the record")
                if why:
                    raise ValueError(why)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus run
                failed.append((rec, exc))
                continue
            db.add(doc)
        return db.to_bytes()

    for rec in records:
        try:
            user = {"id": rec.get("id"), "source": rec.get("source"), "line": rec.get("line")}
            why = unwritable(user, "the record")
            if why:
                raise ValueError(why)
            if enc.add(rec, user):
                order.append(-1)
                continue
            slow.append(doc_path(rec))
            order.append(len(slow) - 1)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus run
            if failed is None:
                raise
            failed.append((rec, exc))
    if not slow:
        return enc.to_bytes()
    # rare: documents from both paths, in input order
    blobs: list[bytes] = []
    fast_docs = iter(range(len(enc.lengths)))
    for k in order:
        if k >= 0:
            blobs.append(slow[k])
        else:
            i = next(fast_docs)
            one = _DocBinEncoder()
            one.tokens, one.spaces, one.lengths = [enc.tokens[i]], [enc.spaces[i]], [enc.lengths[i]]
            one.cats, one.flags, one.span_groups = [enc.cats[i]], [enc.flags[i]], [enc.span_groups[i]]
            one.user_data = [enc.user_data[i]]
            one.strings = enc.strings
            blobs.append(one.to_bytes())
    return merge_docbin_bytes(blobs)


def docbin_parts_dir(path: str) -> str | None:
    """Where ``kaznlp process -o news.spacy`` keeps its parts while it runs: the hidden sibling
    folder ``.news.spacy.parts``; ``None`` when ``path`` is itself a folder of parts (it ends
    in ``/`` or is an existing folder). The finished run merges the parts into ONE DocBin
    file, so ``DocBin().from_disk("news.spacy")`` works as with spaCy's own output."""
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        return None
    head, tail = os.path.split(os.path.abspath(path))
    return os.path.join(head, f".{tail}.parts")


def _docbin_msg(blob: bytes) -> dict[str, Any]:
    import srsly

    return srsly.msgpack_loads(zlib.decompress(blob))


def merge_docbin_bytes(blobs: Iterable[bytes]) -> bytes:
    """Several serialised ``DocBin`` s as one, documents in order (as ``DocBin.merge`` then
    ``to_bytes`` would give), without building ``Doc`` objects: token and space arrays are
    concatenated, the string sets joined."""
    import srsly

    msgs = [_docbin_msg(b) for b in blobs]
    msgs = [m for m in msgs if m.get("lengths")] or msgs[:1]
    if not msgs:
        return _empty_docbin()
    attrs = msgs[0]["attrs"]
    for m in msgs[1:]:
        if m["attrs"] != attrs or ("user_data" in m) != ("user_data" in msgs[0]):
            raise ValueError("DocBin parts with different attributes cannot be merged")
    strings: set[str] = set()
    for m in msgs:
        strings.update(m["strings"])
    out: dict[str, Any] = {
        "version": msgs[0]["version"],
        "attrs": attrs,
        "tokens": b"".join(m["tokens"] for m in msgs),
        "spaces": b"".join(m["spaces"] for m in msgs),
        "lengths": b"".join(m["lengths"] for m in msgs),
        "strings": sorted(strings),
        "cats": [c for m in msgs for c in m["cats"]],
        "flags": [f for m in msgs for f in m.get("flags", [{}] * (len(m["lengths"]) // 4))],
        "span_groups": [g for m in msgs for g in m.get("span_groups", [b""] * (len(m["lengths"]) // 4))],
    }
    if "user_data" in msgs[0]:
        out["user_data"] = [u for m in msgs for u in m["user_data"]]
    return zlib.compress(srsly.msgpack_dumps(out))


def _empty_docbin() -> bytes:
    from spacy.tokens import DocBin

    return DocBin(store_user_data=True).to_bytes()


def _fsync_dir(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def settle_docbin(path: str) -> None:
    """Bring a DocBin output's bookkeeping to a consistent state before it is read or continued.

    Removes torn ``*.tmp`` parts. The merge of a finished run writes ``MERGED`` (size and
    CRC-32 of the merged file) into the parts folder before it renames the merged file into
    place: when ``path`` is that file, the merge is complete and the parts are deleted; else
    the merge never happened and the parts stay for ``--resume``.
    """
    parts = docbin_parts_dir(path)
    folder = Path(parts if parts is not None else path)
    if not folder.is_dir():
        return
    for tmp in folder.glob("*.tmp"):
        tmp.unlink()
    marker = folder / "MERGED"
    if parts is None or not marker.exists():
        return
    try:
        want = json.loads(marker.read_bytes())
        done = os.path.isfile(path) and os.path.getsize(path) == want["size"] and \
            zlib.crc32(Path(path).read_bytes()) == want["crc"]
    except (ValueError, KeyError, TypeError):
        done = False
    if done:
        shutil.rmtree(folder)
    else:
        marker.unlink()


# --- writing and resuming ---------------------------------------------------------------


class OutputError(OSError):  # noqa: N818 - an OSError, named for what it is about
    """The output (or the errors file) cannot be created or written: a missing folder,
    no permission, a full disk. Ends the run; finished batches stay and ``--resume``
    continues once the cause is fixed."""


def _output_error(path: str, exc: OSError, what: str = "the output") -> OutputError:
    reason = exc.strerror or str(exc)
    parent = os.path.dirname(os.path.abspath(path))
    if isinstance(exc, FileNotFoundError) and not os.path.isdir(parent):
        reason += f" (the folder {parent} does not exist)"
    err = OutputError(exc.errno, f"cannot write {what} {path}: {reason}")
    err.filename = path
    return err


class BatchWriter:
    """Appends one batch at a time; a batch is durable once :meth:`write` returns.

    ``jsonl``/``conllu``: one file, each batch written with one ``write`` call,
    then flushed and fsync'ed. A kill can at worst leave a torn last batch,
    which :func:`done_keys` (``--resume``) cuts off before anything is appended.
    CoNLL-U has no per-line record key, so each batch's end offset, CRC-32 and
    document keys go to the ``OUT.done`` manifest after the batch is durable;
    a fresh run deletes the manifest before it empties the output, and resume
    trusts an entry only if the bytes it describes are there with that CRC.
    ``docbin``: ``NNNNNN.spacy`` parts, each written to a temporary name and renamed,
    so a part is either complete or absent; for ``-o OUT.spacy`` they go to the hidden
    folder ``.OUT.spacy.parts`` and :meth:`finish` merges them into the one file
    ``OUT.spacy``; for ``-o OUT/`` (or an existing folder) the parts are the output
    (``spacy train`` reads such a folder too). Any ``OSError`` becomes :class:`OutputError`.
    """

    def __init__(self, path: str | None, fmt: str = "jsonl", append: bool = False) -> None:
        self.fmt, self.path = fmt, path
        self._part = 0
        self._parts: str | None = None
        self._append = append
        self._manifest: Any = None
        self._own = False
        self._fh: Any = None
        try:
            self._open()
        except OutputError:
            raise
        except OSError as exc:
            raise _output_error(path or "-", exc) from exc

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
            self._fh = sys.stdout.buffer
        else:
            if fmt == "conllu" and not append and os.path.exists(path + ".done"):
                os.unlink(path + ".done")  # before the output is emptied: never a manifest of another file
            self._fh = open(path, "ab" if append else "wb")
            self._own = True

    def write(self, payloads: Sequence[str | bytes], keys: Sequence[str] = ()) -> None:
        """Write one batch (strings or UTF-8 bytes for jsonl/conllu; one DocBin ``bytes`` for docbin).

        ``keys`` are the batch's document keys; the CoNLL-U writer records them,
        with the byte offset the batch ends at, in the ``OUT.done`` manifest.
        """
        if not payloads:
            return
        try:
            self._write(payloads, keys)
        except BrokenPipeError:  # `kaznlp process ... | head`: the reader left, not a broken output
            raise
        except OSError as exc:
            raise _output_error(self.path or "-", exc) from exc

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
        start = self._fh.tell() if self._own and self.fmt == "conllu" else 0
        self._fh.write(data)
        self._fh.flush()
        if self._own:
            os.fsync(self._fh.fileno())
            if self.fmt == "conllu":
                if self._manifest is None:
                    self._manifest = open(self.path + ".done", "ab" if self._append else "wb")  # type: ignore[operator]
                entry = {"start": start, "end": start + len(data), "crc": zlib.crc32(data), "keys": list(keys)}
                self._manifest.write(_json_line(entry))
                self._manifest.flush()
                os.fsync(self._manifest.fileno())

    def finish(self) -> None:
        """The run is complete: for ``-o OUT.spacy``, merge the parts (and, when resuming, the
        documents already in ``OUT.spacy``) into ``OUT.spacy`` atomically: a temporary file,
        fsync, ``MERGED`` marker, ``os.replace``, then the parts folder is removed. A kill at any
        point leaves either the old state (``--resume`` continues from the parts) or the merged
        file (the next ``--resume`` or read finds the marker and drops the parts)."""
        if self.fmt != "docbin" or self._parts is None:
            return
        try:
            self._merge(self.path, self._parts)  # type: ignore[arg-type]
        except OSError as exc:
            raise _output_error(self.path or "-", exc) from exc

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
        _fsync_dir(parts)
        os.replace(tmp, path)  # the commit point
        _fsync_dir(os.path.dirname(os.path.abspath(path)))
        shutil.rmtree(folder)

    def close(self) -> None:
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


def _json_line(obj: Any) -> bytes:
    """One JSON line as UTF-8; a string with no UTF-8 form (a lone surrogate from a
    non-UTF-8 file name) is written as a ``\\udcff`` escape, so the line stays valid
    JSON and reads back to the same string."""
    try:
        return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(obj, ensure_ascii=True) + "\n").encode("ascii")


def _truncate_torn_tail(path: str, complete: int) -> None:
    """Cut ``path`` to ``complete`` bytes; never lengthens it (a stale offset must not
    fill a file with NUL bytes)."""
    if os.path.getsize(path) > complete:
        with open(path, "r+b") as fh:
            fh.truncate(complete)


def _complete_lines_end(path: str) -> int:
    """Byte offset just after the last line feed of ``path`` (0 if it has none)."""
    with open(path, "rb") as fh:
        end = fh.seek(0, os.SEEK_END)
        pos = end
        while pos > 0:
            step = min(1 << 16, pos)
            fh.seek(pos - step)
            chunk = fh.read(step)
            i = chunk.rfind(b"\n")
            if i >= 0:
                return pos - step + i + 1
            pos -= step
    return 0


def _conllu_done(path: str, keys: set[str]) -> int:
    """Read ``OUT.done``; add the keys of batches whose bytes are in ``path``; return where they end."""
    manifest = path + ".done"
    good = mgood = 0
    if not os.path.exists(manifest):
        return 0
    size = os.path.getsize(path)
    with open(manifest, "rb") as mf, open(path, "rb") as out:
        for raw in mf:
            if not raw.endswith(b"\n"):
                break
            try:
                entry = json.loads(raw)
                end, crc, batch = int(entry["end"]), entry["crc"], entry["keys"]
            except (ValueError, KeyError, TypeError):
                break
            if not good <= end <= size:  # describes bytes the output has not got: stale or torn
                break
            out.seek(good)
            if zlib.crc32(out.read(end - good)) != crc:  # other bytes there: a manifest of another file
                break
            keys.update(batch)
            good = end
            mgood += len(raw)
    _truncate_torn_tail(manifest, mgood)
    return good


def done_keys(path: str, fmt: str = "jsonl") -> set[str]:
    """Keys of the documents already in an output (for ``--resume``).

    A torn last batch (a run killed mid-write) is cut off the file here, so the
    documents in it are processed again and appear exactly once.
    """
    keys: set[str] = set()
    if not os.path.exists(path) and not (fmt == "docbin" and os.path.isdir(docbin_parts_dir(path) or "")):
        return keys
    if fmt == "docbin":
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab

        settle_docbin(path)
        parts = docbin_parts_dir(path)
        files = [Path(path)] if parts is not None and os.path.isfile(path) else []
        folder = Path(parts if parts is not None else path)
        if folder.is_dir():
            files += sorted(folder.glob("[0-9]*.spacy"))
        vocab = Vocab()
        for part in files:
            for doc in DocBin(store_user_data=True).from_bytes(part.read_bytes()).get_docs(vocab):
                keys.add(doc_key(doc.user_data.get("source") or "-", doc.user_data.get("line")))
        return keys
    if fmt == "conllu":
        good = _conllu_done(path, keys)
    else:
        good = 0
        with open(path, "rb") as fh:
            for raw in fh:
                if not raw.endswith(b"\n"):
                    break
                try:
                    rec = json.loads(raw)
                    key = doc_key(rec.get("source") or "-", rec.get("line"))
                except (ValueError, AttributeError):
                    break
                keys.add(key)
                good += len(raw)
    _truncate_torn_tail(path, good)
    return keys


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
    _fh: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.append and self.path and os.path.isfile(self.path):
            try:
                _truncate_torn_tail(self.path, _complete_lines_end(self.path))
            except OSError as exc:
                raise _output_error(self.path, exc, "the errors file") from exc

    def add(self, problem: Problem) -> None:
        self.count += 1
        line = _json_line(problem.to_dict())
        if self.path is None:
            sys.stderr.write("kaznlp: error: " + line.decode("utf-8"))
            return
        try:
            if self._fh is None:
                self._fh = open(self.path, "ab" if self.append else "wb")
            self._fh.write(line)
            self._fh.flush()
        except OSError as exc:
            raise _output_error(self.path, exc, "the errors file") from exc

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
        return {d.get("key") or doc_key(d.get("source") or "-", d.get("line")) for d in self.entries()}

    def close(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError:
                pass
