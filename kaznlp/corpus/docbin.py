"""spaCy ``DocBin`` output: records as one ``DocBin`` (from arrays, without ``Doc`` objects),
merged, and the bookkeeping of an output written in parts (``kaznlp process -o news.spacy``).

>>> docbin_parts_dir("/data/news.spacy")
'/data/.news.spacy.parts'
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import zlib
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .formats import record_to_spacy, spacy_layout  # noqa: F401  (_layout's rules)
from .record import unwritable

__all__ = ["docbin_parts_dir", "fsync_dir", "merge_docbin_bytes", "settle_docbin", "to_docbin_bytes"]


class _DocBinEncoder:
    """spaCy's ``DocBin`` of records from arrays (13 uint64 ids a token: ORTH, NORM, ENT_IOB,
    ENT_TYPE, SENT_START set; spaCy's symbol ids and MurmurHash, seed 1), byte for byte the
    ``DocBin.add`` result (``tests/test_cli.py``); an empty word or entity takes that path."""

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
            if symbols_spec is None:  # (never with a loader given)
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
            return False  # not the spaCy this was checked against
        return ids, hash64, numpy, srsly

    def __init__(self) -> None:
        self.ids, self._hash, self._np, self._srsly = self._state
        self._cache: dict[str, int] = {}
        self.tokens: list[Any] = []  # a (tokens x 13) uint64 array per document
        self.spaces: list[bytes] = []
        self.user_data: list[bytes] = []
        self.span_groups: list[bytes] = []
        self.lengths: list[int] = []
        self.flags: list[dict[str, Any]] = []
        self.cats: list[dict[str, Any]] = []
        self.strings: set[str] = {""}
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

    def _layout(self, rec: dict[str, Any]) -> Any:
        """:func:`spacy_layout` as arrays, no word lists (25 bytes a token); ``None``: an empty word."""
        text, idf, words = rec["text"], self._id, set[str]()  # (words join the strings once added)
        add = words.add
        ids, sp, cs, ln = array("Q"), bytearray(), array("q"), array("q")
        firsts: list[int] = []
        norms: list[tuple[int, str]] = []
        pos = 0

        def word(a: int, b: int) -> None:
            ids.append(idf(text[a:b]))
            add(text[a:b])
            sp.append(0)
            cs.append(a)
            ln.append(b - a)

        def gap(start: int) -> None:  # the text before a word: one space trails the last word
            nonlocal pos
            if start > pos and ids and not sp[-1] and text[pos] == " ":
                sp[-1] = 1
                pos += 1
            if start > pos:
                word(pos, start)

        sentences = rec.get("sentences")
        for s in [{"tokens": rec.get("tokens", [])}] if sentences is None else sentences:
            toks = s.get("tokens") or []
            fix = dict(s.get("norms") or ())
            for k, t in enumerate(toks):
                start, end = t[0], t[1]
                if end <= start:
                    return None
                gap(start)
                if not k:
                    firsts.append(len(ids))
                norm = fix.get(k, t[4] if len(t) > 4 else None)
                if norm is not None and norm != t[2]:
                    norms.append((len(ids), norm))
                word(start, end)
                pos = end
        gap(len(text))
        return ids, sp, cs, ln, firsts, norms, words

    def add(self, rec: dict[str, Any], user_data: dict[str, Any]) -> bool:
        """Add one record; ``False`` (nothing added): it needs the ``Doc`` path."""
        layout = self._layout(rec)
        if layout is None or not layout[0]:
            return False
        ids, spaces, char_start, lengths, firsts, norms, words = layout
        n = len(ids)
        np = self._np
        # entities as Doc.char_span(alignment_mode="expand") + filter_spans would set them
        spans = []
        entities = rec.get("entities") or []
        ends = [c + w + sp for c, w, sp in zip(char_start, lengths, spaces)] if entities else []
        for e in entities:
            a, b = e["start"], e["end"]
            i = self._token_at(char_start, ends, a)
            j = self._token_at(char_start, ends, b - 1)
            if i < 0 or j < 0:
                continue
            if a == char_start[i] + lengths[i]:  # on the trailing space: the next token
                i += 1
            if j + 1 <= i or not e["label"]:
                return False
            spans.append((i, j + 1, e["label"]))
        del ends, char_start, lengths
        self.strings |= words
        arr = np.zeros((n, self._COLS), dtype="uint64")
        arr[:, self._ORTH] = np.frombuffer(ids, dtype="uint64")
        starts = np.zeros(n, dtype=bool)
        starts[firsts] = True
        if not starts[0]:  # leading whitespace belongs to the first sentence
            starts[int(starts.argmax()) if starts.any() else 0] = False
            starts[0] = True
        arr[:, self._SENT] = np.where(starts, 1, self._NOT_START).astype("uint64")
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
        self.spaces.append(bytes(spaces))
        self.lengths.append(n)
        self.cats.append({})
        self.flags.append({"has_unknown_spaces": False})
        self.span_groups.append(self._empty_spans)
        self.user_data.append(self._srsly.msgpack_dumps(user_data))
        return True

    @staticmethod
    def _token_at(char_start: Any, ends: list[int], c: int) -> int:
        """The token whose characters (with its trailing space) hold ``c`` (spaCy's token_by_char)."""
        i = bisect_right(char_start, c) - 1
        return i if 0 <= i and c < ends[i] else -1

    def to_bytes(self) -> bytes:
        """``zlib.compress(msgpack_dumps(msg))``, piece by piece: the arrays are not copied."""
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
            # bin 8/16/32 header, then each array's bytes
            out.append(z.compress(b"\xc4" + bytes([size]) if size < 256 else b"\xc5" + size.to_bytes(2, "big")
                                  if size < 65536 else b"\xc6" + size.to_bytes(4, "big")))
            out.extend(z.compress(memoryview(a).cast("B")) for a in self.tokens)
        out.append(z.flush())
        return b"".join(out)


def to_docbin_bytes(records: Iterable[dict[str, Any]],
                    failed: list[tuple[dict[str, Any], Exception]] | None = None, *, fast: bool = True) -> bytes:
    """Records as one spaCy ``DocBin`` (with ``user_data``). With ``failed``, a record that cannot
    become a ``Doc`` goes there (with the exception), not failing the batch. ``fast=False``: the
    ``Doc`` path (the same bytes as the arrays of :class:`_DocBinEncoder`)."""
    enc = _DocBinEncoder() if fast and _DocBinEncoder.ready() else None
    slow: list[bytes] = []  # a DocBin per record only the Doc path handles
    order: list[int] = []  # per record kept: -1 encoder, else its index in slow

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
            i, one = next(fast_docs), _DocBinEncoder()
            for f in ("tokens", "spaces", "lengths", "cats", "flags", "span_groups", "user_data"):
                setattr(one, f, [getattr(enc, f)[i]])
            one.strings = enc.strings
            blobs.append(one.to_bytes())
    return merge_docbin_bytes(blobs)


def docbin_parts_dir(path: str) -> str | None:
    """Where ``-o news.spacy`` keeps its parts while it runs (``.news.spacy.parts``; merged into
    the one file at the end); ``None`` when ``path`` is a folder of parts (ends in ``/``, exists)."""
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        return None
    head, tail = os.path.split(os.path.abspath(path))
    return os.path.join(head, f".{tail}.parts")


def _docbin_msg(blob: bytes) -> dict[str, Any]:
    import srsly

    return srsly.msgpack_loads(zlib.decompress(blob))


def merge_docbin_bytes(blobs: Iterable[bytes]) -> bytes:
    """Serialised ``DocBin`` s as one, in order (``DocBin.merge``, ``to_bytes``), without ``Doc`` s."""
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
    """Make a DocBin output consistent before it is read or continued: torn ``*.tmp`` parts go;
    the parts go too when ``path`` is the merged file the ``MERGED`` marker (size, CRC-32)
    describes, else they stay for ``--resume``."""
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
