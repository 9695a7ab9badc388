"""Fuzz targets: one per public function, each checking the same properties as the tests.

A target takes a ``str`` and raises (``AssertionError`` for a broken property, anything
else for a crash). The property checkers live in ``tests/test_properties_*.py`` so that
the fuzzer and the test suite assert exactly the same thing; ``decode`` turns the
fuzzer's bytes into hostile text drawn from the classes of ``tests/strategies.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

TESTS = Path(__file__).resolve().parents[2] / "tests"


def _test_module(name: str) -> ModuleType:
    """A module of ``tests/`` (not a package) loaded from its file, under its own name, so the
    test modules' own ``from strategies import ...`` find it (no ``sys.path`` edit)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, TESTS / f"{name}.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load tests/{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


strategies = _test_module("strategies")
_core = _test_module("test_properties_core")
_api = _test_module("test_properties_api")
check_dehyphenate, check_explain, check_ner, check_normalize = (
    _api.check_dehyphenate, _api.check_explain, _api.check_ner, _api.check_normalize)
check_process, check_sentences, check_tokenize = _core.check_process, _core.check_sentences, _core.check_tokenize


def _dehyphenate_options(text: str) -> None:
    for reflow in (True, False):
        check_dehyphenate(text, reflow=reflow, remove_page_furniture=reflow)


def _process_options(text: str) -> None:
    check_process(text)
    check_process(text, normalize=False, dehyphenate=False, multiword=False)


TARGETS: dict[str, Callable[[str], None]] = {
    "normalize": check_normalize,
    "explain": check_explain,
    "dehyphenate": check_dehyphenate,
    "dehyphenate_options": _dehyphenate_options,
    "split_sentences": check_sentences,
    "tokenize": check_tokenize,  # both multiword settings
    "process": _process_options,
    "ner": check_ner,
}

#: Every hostile character or short sequence, in a fixed order (the fuzzer's alphabet).
TABLE: tuple[str, ...] = tuple(dict.fromkeys(c for chars in strategies.CLASSES.values() for c in chars))
WORDS: tuple[str, ...] = strategies.kazakh_words()


def decode(data: bytes) -> str:
    """Bytes → text, two or three bytes a piece, so that byte mutations make piece mutations.

    The top two bits of a piece's first byte choose: a hostile character or sequence
    (``TABLE``), a Kazakh word, a word and a space, or any code point at all (three bytes,
    lone surrogates included).
    """
    out: list[str] = []
    i, n = 0, len(data)
    while i + 1 < n:
        b1, b2 = data[i], data[i + 1]
        kind, hi = b1 >> 6, b1 & 0x3F
        if kind == 0:
            out.append(TABLE[(hi << 8 | b2) % len(TABLE)])
        elif kind == 1:
            out.append(WORDS[(hi << 8 | b2) % len(WORDS)])
        elif kind == 2:
            out.append(WORDS[(hi << 8 | b2) % len(WORDS)] + " ")
        else:
            b3 = data[i + 2] if i + 2 < n else 0
            out.append(chr((hi << 16 | b2 << 8 | b3) % 0x110000))
            i += 1
        i += 2
    return "".join(out)


def encode(text: str) -> bytes:
    """The bytes ``decode`` reads back as ``text`` (every character as a raw code point);
    used to seed the fuzzer's corpus with real Kazakh text."""
    out = bytearray()
    for ch in text:
        cp = ord(ch)
        out += bytes((0xC0 | cp >> 16, cp >> 8 & 0xFF, cp & 0xFF))
    return bytes(out)
