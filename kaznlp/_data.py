"""Readers for the data files in ``kaznlp/data`` (loaded once, at first use)."""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def read_text(name: str) -> str:
    """The text of the data file ``kaznlp/data/<name>``, stored plain, gzip- or xz-compressed.

    A large data file may ship as ``<name>.gz`` or ``<name>.xz`` (a character model or a word
    list shrinks to about a third with gzip, a fifth with xz, which keeps the core install
    small); a reader asks for ``<name>`` and gets the same text either way.

    >>> read_text("tlds.txt").splitlines()[0].startswith("#")
    True
    """
    return _read(resources.files("kaznlp").joinpath("data"), name)


def _read(folder: Traversable, name: str) -> str:
    plain = folder.joinpath(name)
    if plain.is_file():
        return plain.read_text(encoding="utf-8")
    for ext in (".xz", ".gz"):
        packed = folder.joinpath(name + ext)
        if packed.is_file():
            return _unpack(ext, packed.read_bytes()).decode("utf-8")
    raise FileNotFoundError(f"kaznlp data file {name!r} (or {name}.xz, .gz) is missing from {folder}; reinstall kaznlp")


def _unpack(ext: str, raw: bytes) -> bytes:
    if ext == ".xz":
        import lzma  # stdlib; imported when an xz file is first read
        return lzma.decompress(raw)
    return gzip.decompress(raw) if ext == ".gz" else raw


def read_lines(name: str) -> list[str]:
    """The data lines of ``kaznlp/data/<name>``: blank lines and ``#`` comments (the header with
    the file's source and licence) left out. Raises :class:`FileNotFoundError` like
    :func:`read_text` when the file is missing.

    >>> read_lines("clitics_kk.tsv")[0].split()[:2]
    ['ақ', '1']
    """
    return [line for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")]



@lru_cache(maxsize=None)
def abbreviations() -> dict[str, str]:
    """``{abbreviation (lower case): class}`` from ``abbreviations.tsv``."""
    table: dict[str, str] = {}
    for line in read_lines("abbreviations.tsv"):
        cols = line.split("\t")
        table[cols[0].lower()] = cols[1]
    return table


@lru_cache(maxsize=None)
def tlds() -> tuple[str, ...]:
    """Top-level domains that make ``word.tld`` a domain token (``tlds.txt``)."""
    return tuple(w for line in read_lines("tlds.txt") for w in line.split())


@lru_cache(maxsize=None)
def hyphen_words() -> dict[str, frozenset[str]]:
    """``{class: words}`` from ``hyphen_words.tsv`` (ethnonym, numeral, pronoun, article)."""
    table: dict[str, set[str]] = {}
    for line in read_lines("hyphen_words.tsv"):
        word, cls = line.split("\t")[:2]
        table.setdefault(cls, set()).add(word)
    return {cls: frozenset(words) for cls, words in table.items()}


def read_file(path: Path) -> str:
    """The text of a data file at ``path`` (for the scripts that build them): decompressed when
    the name ends in ``.gz`` or ``.xz``."""
    return _unpack(path.suffix, path.read_bytes()).decode("utf-8")


def write_file(path: Path, text: str) -> None:
    """Write a data file built by a script: gzip- or xz-compressed when the name ends in ``.gz`` or
    ``.xz``, and then reproducibly (no file name, no time stamp), so a rebuild with the same input
    gives the same bytes."""
    data = text.encode("utf-8")
    if path.suffix == ".xz":
        import lzma
        data = lzma.compress(data, preset=9 | lzma.PRESET_EXTREME)
    elif path.suffix == ".gz":
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)
