"""The DocBin encoder reads a record straight into arrays and streams them into the compressor
(kaznlp/corpus/docbin.py): the bytes are spaCy's ``zlib.compress(msgpack_dumps(msg))`` exactly,
with under half the memory (a 1.3M-token document: 566 MB above the record before, 220 MB now)."""

from __future__ import annotations

import tracemalloc
import zlib
from pathlib import Path

import pytest

pytest.importorskip("spacy")
srsly = pytest.importorskip("srsly")

from kaznlp.corpus.docbin import _DocBinEncoder, to_docbin_bytes  # noqa: E402
from kaznlp.corpus.run import process_batch  # noqa: E402

SAMPLE = (Path(__file__).resolve().parent.parent / "kaznlp" / "data" / "sample_kk.txt").read_text(encoding="utf-8")


def _record(text: str) -> dict:
    out = process_batch([("d", "sample", None, text, None)], ["normalize", "dehyphenate", "sentences", "tokens"],
                        "docbin")
    assert out[0][0] == "ok"
    return out[0][1]


def _one_shot(enc: _DocBinEncoder) -> bytes:
    """The message as the encoder made it before: joined, packed whole, compressed once."""
    msg = {
        "version": "0.1", "attrs": enc.ATTRS, "tokens": b"".join(a.tobytes("C") for a in enc.tokens),
        "spaces": b"".join(enc.spaces), "lengths": enc._np.asarray(enc.lengths, dtype="int32").tobytes("C"),
        "strings": sorted(enc.strings), "cats": enc.cats, "flags": enc.flags, "span_groups": enc.span_groups,
        "user_data": enc.user_data,
    }
    return zlib.compress(srsly.msgpack_dumps(msg))


@pytest.mark.parametrize("repeat", [0, 1, 40])
def test_streamed_bytes_equal_the_one_shot_message(repeat: int) -> None:
    assert _DocBinEncoder.ready()
    enc = _DocBinEncoder()
    # no document (an empty DocBin), one document, and many: bin 8/16/32 headers of the token arrays
    texts = [SAMPLE[:40]] + [SAMPLE] * repeat if repeat else []
    for i, text in enumerate(texts):
        assert enc.add(_record(text), {"id": i, "source": "sample", "line": None})
    assert enc.to_bytes() == _one_shot(enc)


def test_long_document_memory() -> None:
    rec = _record("\n\n".join([SAMPLE] * 150))  # about 17,000 tokens
    n = sum(len(s["tokens"]) for s in rec["sentences"])
    to_docbin_bytes([rec], [])  # warm: imports, the symbol table
    tracemalloc.start()
    try:
        to_docbin_bytes([rec], [])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # the 13 uint64 attributes are 104 bytes a token; before, the array was held three times
    # over (the array, its bytes, the packed message) on top of the layout lists: 448 B, now 160
    assert peak / n < 250, f"{peak / n:.0f} bytes a token"


@pytest.mark.parametrize("text", ["  Алматы — ірі қала.\n\nҚР-ның  63%-ы\tтұрады. ", "Премьер- Министр келді.\n",
                                  "\ufeffҚазақстан 🇰🇿 жеңді!", " ", "Бір.  Екі!\r\n\r\nҮш"])
def test_layout_arrays_equal_spacy_layout(text: str) -> None:
    """The encoder reads a record straight into arrays by spacy_layout's rules: the same words,
    trailing spaces, word starts, sentence starts and norms (flat records too)."""
    from kaznlp.corpus.formats import spacy_layout
    from kaznlp.spacy_layout import sentence_flags

    enc = _DocBinEncoder()
    rec = _record(text)
    flat = {"text": text, "tokens": [t for s in rec["sentences"] for t in s["tokens"]]}
    for r in (rec, flat):
        words, spaces, starts, char_start, norms = spacy_layout(r)
        ids, sp, cs, ln, firsts, got_norms, _ = enc._layout(r)
        assert list(ids) == [enc._id(w) for w in words] and list(sp) == list(map(int, spaces))
        assert list(cs) == char_start and list(ln) == list(map(len, words)) and got_norms == norms
        assert sentence_flags(len(words), firsts) == starts
