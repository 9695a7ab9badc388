"""spaCy ``DocBin`` output: records serialised as one ``DocBin`` (fast, from arrays, without
``Doc`` objects or importing spaCy's package), merged, and the bookkeeping of a ``DocBin``
output written in parts (``kaznlp process -o news.spacy``).

>>> docbin_parts_dir("/data/news.spacy")
'/data/.news.spacy.parts'
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .formats import record_to_spacy, spacy_layout
from .record import unwritable

__all__ = ["docbin_parts_dir", "fsync_dir", "merge_docbin_bytes", "settle_docbin", "to_docbin_bytes"]


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
        self.tokens: list[Any] = []  # one C-ordered uint64 array (tokens x 13) per document
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
        words, spaces, starts, char_start, norms = spacy_layout(rec)
        n = len(words)
        if not n or not all(words):
            return False
        np = self._np
        # entities as Doc.char_span(alignment_mode="expand") + filter_spans + doc.ents would set them
        spans = []
        entities = rec.get("entities") or []
        ends = [c + len(w) + sp for c, w, sp in zip(char_start, words, spaces)] if entities else []
        for e in entities:
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
        # (memory: a long document's lists go as soon as their column is made, the ids are read
        # straight into the array, and the array itself is kept: to_bytes streams it)
        del ends, char_start
        arr = np.zeros((n, self._COLS), dtype="uint64")
        arr[:, self._ORTH] = np.fromiter(map(self._id, words), dtype="uint64", count=n)
        self.strings.update(words)
        del words
        arr[:, self._SENT] = np.where(np.asarray(starts, dtype=bool), 1, self._NOT_START).astype("uint64")
        del starts
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
        self.tokens.append(arr)
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
        """``zlib.compress(msgpack_dumps(msg))`` of spaCy's DocBin message, byte for byte, made
        piece by piece: the token arrays go to the compressor as they are, so neither their
        joined bytes nor the whole message is ever held (a document of a million tokens: 104 MB
        each)."""
        pack = self._srsly.msgpack_dumps
        z = zlib.compressobj()
        out = [z.compress(b"\x8a")]  # a msgpack map of 10 entries, in this order:
        size = sum(a.nbytes for a in self.tokens)
        for key, value in (("version", "0.1"), ("attrs", self.ATTRS), ("tokens", None),
                           ("spaces", b"".join(self.spaces)),
                           ("lengths", self._np.asarray(self.lengths, dtype="int32").tobytes("C")),
                           ("strings", sorted(self.strings)), ("cats", self.cats), ("flags", self.flags),
                           ("span_groups", self.span_groups), ("user_data", self.user_data)):
            out.append(z.compress(pack(key)))
            if value is not None:
                out.append(z.compress(pack(value)))
                continue
            # msgpack bin 8/16/32 header, then the raw bytes of every array
            out.append(z.compress(b"\xc4" + bytes([size]) if size < 256 else b"\xc5" + size.to_bytes(2, "big")
                                  if size < 65536 else b"\xc6" + size.to_bytes(4, "big")))
            out.extend(z.compress(memoryview(a).cast("B")) for a in self.tokens)
        out.append(z.flush())
        return b"".join(out)


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


def fsync_dir(path: str) -> None:
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
