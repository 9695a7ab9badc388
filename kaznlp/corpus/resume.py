r"""Resuming: which documents an output already holds (``kaznlp process --resume``), after
cutting a torn last batch, so every document ends up in the output exactly once.

>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "out.jsonl")
>>> _ = open(path, "w", encoding="utf-8").write('{"source": "a.txt"}\n{"source": "b.t')
>>> sorted(done_keys(path)), open(path, encoding="utf-8").read()
(['a.txt'], '{"source": "a.txt"}\n')
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

from .docbin import docbin_parts_dir, settle_docbin
from .record import doc_key

__all__ = ["complete_lines_end", "done_keys", "truncate_torn_tail"]


def truncate_torn_tail(path: str, complete: int) -> None:
    """Cut ``path`` to ``complete`` bytes; never lengthens it (a stale offset must not
    fill a file with NUL bytes)."""
    if os.path.getsize(path) > complete:
        with open(path, "r+b") as fh:
            fh.truncate(complete)


def complete_lines_end(path: str) -> int:
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
    truncate_torn_tail(manifest, mgood)
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
    truncate_torn_tail(path, good)
    return keys
