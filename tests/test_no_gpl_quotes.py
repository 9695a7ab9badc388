"""Tests quote only openly licensed text.

The project is MIT. The apertium kaz-rus crawl (``../shared/data/news/apertium_kaz_rus_corpus``) is
GPL-3.0: tests may READ it from ../shared at run time (skipping when it is absent), but no test file may
quote it. Text quoted in a test comes from an openly licensed source (NTREX-128, KazQAD, UD Kazakh-KTB:
CC BY-SA 4.0; KazNERD: CC BY 4.0; a PDF dev extraction of such a document), named in a comment with its
licence and split, or is a sentence written for the test (said so in a comment).

This guard fails when any 40-letter run of Cyrillic text in a string literal of a test file (letters only,
lower-cased, Latin look-alikes read as Cyrillic, so that line breaks, hyphens, soft hyphens and
spacing of a PDF extraction do not hide a quote) occurs verbatim in the apertium corpus read the same way.
Only the literals' shingles are kept in a set; the corpus is scanned once (about 2 s).
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import SHARED

TESTS = Path(__file__).resolve().parent
CORPUS = SHARED / "data" / "news" / "apertium_kaz_rus_corpus"
N = 40
_LOOKALIKE = str.maketrans("aceiopxyhkmtbj", "асеіорхуһкмтвј")
_NOT_CYRILLIC = re.compile(r"[^\u0400-\u04ff]+")


def _letters(text: str) -> str:
    return _NOT_CYRILLIC.sub("", text.lower().translate(_LOOKALIKE))


@lru_cache(maxsize=1)
def _corpus() -> tuple[tuple[str, str], ...]:
    """(file name, letters) of each apertium document, read once per test session."""
    return tuple((doc.name, _letters(doc.read_text(encoding="utf-8", errors="replace")))
                 for doc in sorted(CORPUS.iterdir()) if doc.name not in {"AUTHORS", "COPYING", "PROVENANCE.md"})


def quoted(where: dict[str, set[tuple[str, int]]]) -> dict[tuple[str, int], str]:
    """The places of ``where`` (shingle -> places) whose shingle the apertium crawl holds, each with the
    first document and shingle found."""
    found: dict[tuple[str, int], str] = {}
    for name, letters in _corpus():
        for i in range(len(letters) - N + 1):
            shingle = letters[i:i + N]
            for key in where.get(shingle, ()):
                found.setdefault(key, f"{name}: {shingle}")
    return found

def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def _test_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*") if p.is_file() and p.suffix in {".py", ".txt", ".tsv", ".json"})


def test_no_apertium_text_quoted_in_tests() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared (the apertium corpus) is absent")
    where: dict[str, set[tuple[str, int]]] = {}
    for path in _test_files():
        items = _literals(path) if path.suffix == ".py" else [(1, path.read_text(encoding="utf-8"))]
        for line, value in items:
            letters = _letters(value)
            for i in range(len(letters) - N + 1):
                where.setdefault(letters[i:i + N], set()).add((path.name, line))
    found = quoted(where)
    assert not found, "apertium (GPL) text quoted in tests:\n" + "\n".join(
        f"{name}:{line} ({hit})" for (name, line), hit in sorted(found.items()))
