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

import fnmatch
import json
import os
import re
import sys
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
    "record_to_spacy",
    "BatchWriter",
    "done_keys",
    "doc_key",
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


def list_files(inputs: Sequence[str], pattern: str = "*", exclude: Sequence[str] = ()) -> list[str]:
    """Expand inputs: a folder becomes its files (recursive, sorted, hidden ones skipped)
    whose names match ``pattern``; a file or ``-`` stays as it is; a glob (``news/*.txt``)
    is expanded. Names matching any ``exclude`` pattern are dropped.
    """
    out: list[str] = []
    for name in inputs:
        if name == "-":
            out.append(name)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and fnmatch.fnmatch(p.name, pattern) and not _is_hidden(p, path)
            )
            out.extend(str(p) for p in files)
        elif not path.exists() and any(c in name for c in "*?["):
            from glob import glob

            out.extend(sorted(p for p in glob(name, recursive=True) if Path(p).is_file()))
        else:
            out.append(name)
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


def _read_jsonl(fh: BinaryIO, source: str, encoding: str, text_field: str, id_field: str,
                keep_fields: Sequence[str]) -> Iterator[InputDoc | Problem]:
    for n, raw in enumerate(fh, 1):
        if not raw.strip():
            continue
        try:
            line = _decode(raw, encoding) if n == 1 else raw.decode(encoding)
        except UnicodeDecodeError as exc:
            yield Problem(source, n, "UnicodeDecodeError", f"{exc.reason} at byte {exc.start} of the line", nbytes=len(raw))
            continue
        except LookupError as exc:
            yield Problem(source, n, "LookupError", str(exc), nbytes=len(raw))
            return
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(source, n, "JSONDecodeError", str(exc), nbytes=len(raw))
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
            elif jsonl:
                with open(name, "rb") as fh:
                    yield from _read_jsonl(fh, name, encoding, text_field, id_field, keep_fields)
            else:
                with open(name, "rb") as fh:
                    data = fh.read()
                yield _read_text(data, name, name, encoding)
        except OSError as exc:
            yield Problem(name, None, type(exc).__name__, exc.strerror or str(exc), id=name, whole_file=True)


# --- analysis ------------------------------------------------------------------------


def _ner_function() -> Any:
    try:
        from .ner import ner  # type: ignore[attr-defined]
    except ImportError as exc:  # the NER layer is optional / not installed
        raise RuntimeError(
            "the 'ner' step needs kaznlp's NER layer (kaznlp.ner), which could not be imported "
            f"({exc}); drop 'ner' from --steps or install kaznlp with its NER model"
        ) from exc
    return ner


def check_steps(steps: Sequence[str]) -> None:
    """Fail early (before any work) if a requested step cannot run here."""
    if "ner" in steps:
        _ner_function()


def _alignment(text: str, normalize: bool, dehyphenate: bool) -> tuple[str, Any]:
    """The same cleaning as :func:`kaznlp.process`, with its composed alignment."""
    from .alignment import Alignment

    clean, al = text, Alignment.identity(len(text))
    if normalize:
        from .normalize import normalize as _normalize

        clean, al = _normalize(clean, return_alignment=True)
    if dehyphenate:
        from .dehyphenate import dehyphenate as _dehyphenate

        clean, step = _dehyphenate(clean, return_alignment=True)
        al = al.compose(step)
    return clean, al


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

    ``sentences`` is ``[{"start", "end", "text", "tokens": [[start, end, text, kind], ...]}]``
    (from :meth:`kaznlp.Document.to_dict`); without the ``sentences`` step the
    record has a flat ``tokens`` list instead; without ``tokens`` the sentences
    carry no tokens. ``entities`` is ``[{"start", "end", "label", "text"}]`` (empty
    unless the ``ner`` step runs). With ``clean_forms`` each token also gets its
    repaired form (5th item), as the CoNLL-U writer needs.

    >>> rec = analyse("Мемлекеттiк тіл.", steps=["normalize", "sentences", "tokens"], clean_forms=True)
    >>> rec["sentences"][0]["tokens"][0]
    [0, 11, 'Мемлекеттiк', 'word', 'Мемлекеттік']
    """
    from .pipeline import process

    do_norm, do_dehy = "normalize" in steps, "dehyphenate" in steps
    want_tokens = "tokens" in steps or "words" in steps
    doc = process(text, normalize=do_norm, dehyphenate=do_dehy, tokens=want_tokens, multiword="words" not in steps)
    body = doc.to_dict()
    rec: dict[str, Any] = {"id": doc_id, "source": source}
    if line is not None:
        rec["line"] = line
    if meta:
        rec["meta"] = meta
    rec["text"] = text
    clean, al = _alignment(text, do_norm, do_dehy) if clean_forms and (do_norm or do_dehy) else (text, None)
    sentences = body["sentences"]
    if clean_forms:
        for s in sentences:
            for tok in s["tokens"]:
                if al is None:
                    tok.append(tok[2])
                else:
                    a, b = al.span_to_dst(tok[0], tok[1])
                    tok.append(clean[a:b])
    if not want_tokens:
        for s in sentences:
            del s["tokens"]
    if "sentences" in steps:
        rec["sentences"] = sentences
    else:
        rec["tokens"] = [t for s in sentences for t in s.get("tokens", ())]
    entities = body["entities"]
    if "ner" in steps:  # kaznlp.ner repairs the text itself and maps entities back to `text`
        ner = _ner_function()
        try:
            ents = ner(text, normalize=do_norm, dehyphenate=do_dehy)
        except TypeError:
            ents = ner(text)
        entities = [{"start": e.start, "end": e.end, "label": e.label, "text": text[e.start:e.end]} for e in ents]
    rec["entities"] = entities
    return rec


# --- serialisation -------------------------------------------------------------------


def to_jsonl(rec: dict[str, Any]) -> str:
    """One JSON line (UTF-8, not ASCII-escaped), newline included."""
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n"


_WS = re.compile(r"\s+")


def _conllu_value(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _form(token: list[Any]) -> str:
    """FORM of a token: its repaired form, where a multiword token keeps its one inner
    space ("келген жоқ", as UD Kazakh-KTB writes it); a line break inside an original
    surface ("инно⏎вацияларды", when no repaired form is given) is dropped."""
    if len(token) > 4 and token[4].strip():
        return _WS.sub(" ", token[4]).strip()
    return _WS.sub("", token[2]) or "_"


def to_conllu(rec: dict[str, Any]) -> str:
    """A CoNLL-U block for one record (needs ``analyse(..., clean_forms=True)``).

    ``# newdoc id`` and ``# kaznlp_source`` head the document; each sentence has
    ``# sent_id`` and ``# text`` (the repaired text, whitespace runs as one space);
    FORM is the repaired token (a multiword token keeps one inner space); MISC has ``TokenRange=start:end`` (offsets into the
    original document text, as UDPipe writes them) and ``SpaceAfter=No``.
    LEMMA, UPOS and the syntax columns are ``_``.
    """
    text = rec["text"]
    key = doc_key(rec.get("source") or "-", rec.get("line"))
    lines = [f"# newdoc id = {_conllu_value(str(rec.get('id')))}", f"# kaznlp_source = {_conllu_value(key)}"]
    sentences = rec.get("sentences")
    if sentences is None:
        sentences = [{"start": 0, "end": len(text), "text": text, "tokens": rec.get("tokens", [])}]
    for i, s in enumerate(sentences, 1):
        toks = s.get("tokens") or []
        if not toks:
            continue
        forms = [_form(t) for t in toks]
        lines.append(f"# sent_id = {_conllu_value(str(rec.get('id')))}-{i}")
        lines.append("# text = " + "".join(f + (" " if j + 1 < len(toks) and toks[j][1] < toks[j + 1][0] else "")
                                           for j, f in enumerate(forms)))
        for j, (t, form) in enumerate(zip(toks, forms), 1):
            misc = [f"TokenRange={t[0]}:{t[1]}"]
            if t[1] >= len(text) or not text[t[1]].isspace():
                misc.insert(0, "SpaceAfter=No")
            lines.append(f"{j}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{'|'.join(misc)}")
        lines.append("")
    if lines[-1] != "":
        lines.append("")
    return "\n".join(lines) + "\n"


def record_to_spacy(rec: dict[str, Any], vocab: Any) -> Any:
    """A spaCy ``Doc`` whose ``doc.text`` is exactly ``rec["text"]``.

    kaznlp's tokens become spaCy tokens; whitespace between them becomes
    trailing spaces or whitespace tokens (spaCy's own convention); sentence
    starts and entities are set; id, source and line go to ``doc.user_data``.
    """
    from spacy.tokens import Doc

    text = rec["text"]
    sentences = rec.get("sentences")
    if sentences is None:
        sentences = [{"start": 0, "end": len(text), "tokens": rec.get("tokens", [])}]
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    char_start: list[int] = []
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
        for t in s.get("tokens") or []:
            gap(t[0])
            words.append(text[t[0]:t[1]])
            spaces.append(False)
            starts.append(first)
            char_start.append(t[0])
            first = False
            pos = t[1]
    gap(len(text))
    doc = Doc(vocab, words=words, spaces=spaces)
    if words:
        for i, tok in enumerate(doc):
            tok.is_sent_start = True if i == 0 else starts[i] if starts[i] else False
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


def to_docbin_bytes(records: Iterable[dict[str, Any]]) -> bytes:
    """Serialise records as one spaCy ``DocBin`` (with ``user_data``)."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    db = DocBin(store_user_data=True)
    for rec in records:
        db.add(record_to_spacy(rec, vocab))
    return db.to_bytes()


# --- writing and resuming ---------------------------------------------------------------


class BatchWriter:
    """Appends one batch at a time; a batch is durable once :meth:`write` returns.

    ``jsonl``/``conllu``: one file, each batch written with one ``write`` call,
    then flushed and fsync'ed. A kill can at worst leave a torn last batch,
    which :func:`done_keys` (``--resume``) cuts off before anything is appended.
    ``docbin``: a folder of ``NNNNNN.spacy`` parts, each written to a temporary
    name and renamed, so a part is either complete or absent (``spacy train``
    reads such a folder directly).
    """

    def __init__(self, path: str | None, fmt: str = "jsonl", append: bool = False) -> None:
        self.fmt, self.path = fmt, path
        self._part = 0
        self._append = append
        self._manifest: Any = None
        if fmt == "docbin":
            if path is None:
                raise ValueError("DocBin output needs -o FOLDER")
            os.makedirs(path, exist_ok=True)
            if not append:
                for old in Path(path).glob("*.spacy"):
                    old.unlink()
            self._part = max((int(p.stem) for p in Path(path).glob("[0-9]*.spacy") if p.stem.isdigit()), default=0)
            self._fh = None
        elif path is None or path == "-":
            self._fh = sys.stdout.buffer
            self._own = False
        else:
            self._fh = open(path, "ab" if append else "wb")
            self._own = True

    def write(self, payloads: Sequence[str | bytes], keys: Sequence[str] = ()) -> None:
        """Write one batch (strings for jsonl/conllu; one DocBin ``bytes`` for docbin).

        ``keys`` are the batch's document keys; the CoNLL-U writer records them,
        with the byte offset the batch ends at, in the ``OUT.done`` manifest.
        """
        if not payloads:
            return
        if self.fmt == "docbin":
            for blob in payloads:
                self._part += 1
                final = Path(self.path) / f"{self._part:06d}.spacy"  # type: ignore[arg-type]
                tmp = final.with_suffix(".spacy.tmp")
                with open(tmp, "wb") as fh:
                    fh.write(blob)  # type: ignore[arg-type]
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, final)
            return
        data = "".join(payloads).encode("utf-8")  # type: ignore[arg-type]
        self._fh.write(data)
        self._fh.flush()
        if self._own:
            os.fsync(self._fh.fileno())
            if self.fmt == "conllu":
                if self._manifest is None:
                    self._manifest = open(self.path + ".done", "a" if self._append else "w", encoding="utf-8")
                entry = {"end": self._fh.tell(), "keys": list(keys)}
                self._manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
                self._manifest.flush()
                os.fsync(self._manifest.fileno())

    def close(self) -> None:
        if self._fh is not None and getattr(self, "_own", False):
            self._fh.close()
        if self._manifest is not None:
            self._manifest.close()

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _truncate_torn_tail(path: str, complete: int) -> None:
    if os.path.getsize(path) != complete:
        with open(path, "r+b") as fh:
            fh.truncate(complete)


def done_keys(path: str, fmt: str = "jsonl") -> set[str]:
    """Keys of the documents already in an output (for ``--resume``).

    A torn last batch (a run killed mid-write) is cut off the file here, so the
    documents in it are processed again and appear exactly once.
    """
    keys: set[str] = set()
    if not os.path.exists(path):
        return keys
    if fmt == "docbin":
        from spacy.tokens import DocBin

        for tmp in Path(path).glob("*.spacy.tmp"):
            tmp.unlink()
        from spacy.vocab import Vocab

        vocab = Vocab()
        for part in sorted(Path(path).glob("*.spacy")):
            for doc in DocBin(store_user_data=True).from_bytes(part.read_bytes()).get_docs(vocab):
                keys.add(doc_key(doc.user_data.get("source") or "-", doc.user_data.get("line")))
        return keys
    good = 0
    with open(path, "rb") as fh:
        if fmt == "jsonl":
            for raw in fh:
                if not raw.endswith(b"\n"):
                    break
                try:
                    rec = json.loads(raw)
                except ValueError:
                    break
                keys.add(doc_key(rec.get("source") or "-", rec.get("line")))
                good += len(raw)
        else:  # conllu: the OUT.done manifest lists each durable batch and the offset it ends at
            fh.close()
            manifest = path + ".done"
            if os.path.exists(manifest):
                mgood = 0
                with open(manifest, "rb") as mf:
                    for raw in mf:
                        if not raw.endswith(b"\n"):
                            break
                        try:
                            entry = json.loads(raw)
                        except ValueError:
                            break
                        keys.update(entry["keys"])
                        good = entry["end"]
                        mgood += len(raw)
                _truncate_torn_tail(manifest, mgood)
    _truncate_torn_tail(path, good)
    return keys


@dataclass
class ErrorLog:
    """The errors file: one JSON line per problem, appended and flushed as they come."""

    path: str | None
    append: bool = False
    count: int = 0
    _fh: Any = field(default=None, repr=False)

    def add(self, problem: Problem) -> None:
        self.count += 1
        line = json.dumps(problem.to_dict(), ensure_ascii=False) + "\n"
        if self.path is None:
            sys.stderr.write("kaznlp: error: " + line)
            return
        if self._fh is None:
            self._fh = open(self.path, "a" if self.append else "w", encoding="utf-8")
        self._fh.write(line)
        self._fh.flush()

    def keys(self) -> set[str]:
        out: set[str] = set()
        if self.path and os.path.exists(self.path):
            with open(self.path, encoding="utf-8") as fh:
                for raw in fh:
                    try:
                        d = json.loads(raw)
                    except ValueError:
                        continue
                    out.add(d.get("key") or doc_key(d.get("source") or "-", d.get("line")))
        return out

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
