"""The shipped code, the benchmarks, the training scripts and the docs quote only openly licensed text.

The same rule as ``tests/test_no_gpl_quotes.py`` (which guards the test files), over the rest of the
repo: no 40-letter run of Cyrillic text (letters only, lower-cased, Latin look-alikes read as Cyrillic)
in a comment, docstring or string literal of ``kaznlp/``, ``benchmarks/`` or ``training/`` Python files,
or on a line of ``docs/*.md``, ``README.md``, ``CHANGELOG.md`` or ``training/**/*.md`` (prose and backtick
spans alike; a paragraph is read as one run, so a quote wrapped over two lines is still found; a code
block line by line; a comment block of consecutive lines as one run) occurs verbatim in the GPL-3.0
apertium kaz-rus crawl. Git-ignored files (``training/ner/pretrain/*``) are skipped. Only the repo's
shingles are kept in a set; the corpus is scanned once (about 3.5 s in all). At 72921b7 it found quotes
in 40 places (h19gpl replaced them).
"""

from __future__ import annotations

import ast
import io
import subprocess
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_no_gpl_quotes import CORPUS, N, _letters, quoted

#: Stock names of institutions allowed although the crawl has them (a name is no authored text), each
#: with a comment saying which rule it illustrates. Only the shingles inside a name are allowed; text
#: quoted around it is still caught. Empty: every example was replaced or shortened (h19gpl).
ALLOWED_NAMES: tuple[str, ...] = ()
ALLOWED = {_letters(name)[i:i + N] for name in ALLOWED_NAMES for i in range(len(_letters(name)) - N + 1)}


def _files() -> list[Path]:
    """Tracked and untracked-but-not-ignored .py / .md files in the scanned places."""
    try:
        out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "--", "kaznlp", "benchmarks",
                              "training", "docs", "README.md", "CHANGELOG.md"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is not available to tell the ignored files")
    keep = []
    for name in sorted(set(out)):
        path = ROOT / name
        if not path.is_file():
            continue
        if path.suffix == ".py" and name.split("/")[0] in {"kaznlp", "benchmarks", "training"}:
            keep.append(path)
        elif path.suffix == ".md" and (name.startswith(("docs/", "training/")) or "/" not in name):
            keep.append(path)
    return keep


def _python_runs(path: Path) -> Iterator[tuple[int, str]]:
    """(first line, text) of each string literal and of each block of consecutive comment lines."""
    source = path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value
    block: list[str] = []
    start = last = 0
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type != tokenize.COMMENT:
            continue
        if block and tok.start[0] != last + 1:
            yield start, " ".join(block)
            block = []
        if not block:
            start = tok.start[0]
        block.append(tok.string)
        last = tok.start[0]
    if block:
        yield start, " ".join(block)


def _markdown_runs(path: Path) -> Iterator[tuple[int, str]]:
    """(first line, text) of each paragraph (lines between blank lines); a code block's lines one by one
    (a doctest's call and its output are not one run)."""
    block: list[str] = []
    start = 0
    fenced = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if fenced:
            if block:
                yield start, " ".join(block)
                block = []
            yield number, line
        elif line.strip():
            if not block:
                start = number
            block.append(line)
        elif block:
            yield start, " ".join(block)
            block = []
    if block:
        yield start, " ".join(block)


def test_no_apertium_text_quoted_in_repo() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared (the apertium corpus) is absent")
    where: dict[str, set[tuple[str, int]]] = {}
    for path in _files():
        runs = _python_runs(path) if path.suffix == ".py" else _markdown_runs(path)
        name = str(path.relative_to(ROOT))
        for line, value in runs:
            letters = _letters(value)
            for i in range(len(letters) - N + 1):
                shingle = letters[i:i + N]
                if shingle not in ALLOWED:
                    where.setdefault(shingle, set()).add((name, line))
    assert len(where) > 10_000, "the scan found too little Cyrillic text: are the files there?"
    found = quoted(where)
    assert not found, "apertium (GPL) text quoted in the repo:\n" + "\n".join(
        f"{name}:{line} ({hit})" for (name, line), hit in sorted(found.items()))
