"""Reading the shared data a gold set points into: the one place every gold loader uses.

Gold sets store source references (a file under ``../shared/data``, a line or a JSONL record),
never copied text; these helpers find the shared folder, read its files once per process and
check the rebuilt text against the stored SHA-1.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from kaznlp.linebreaks import line_spans

REPO = Path(__file__).resolve().parent.parent.parent


class GoldSourceError(RuntimeError):
    """The shared data is missing or differs from what the gold was annotated on."""


def shared_dir(shared: str | os.PathLike | None = None) -> Path:
    """The shared folder: the argument, else ``$KAZNLP_SHARED``, else ``<repo>/../shared``."""
    if shared is None:
        shared = os.environ.get("KAZNLP_SHARED") or REPO.parent / "shared"
    return Path(shared)


def lines_of(text: str) -> list[str]:
    """The lines of *text* as :mod:`kaznlp.linebreaks` defines them (``str.splitlines``)."""
    return [text[a:b] for a, b in line_spans(text)]


@lru_cache(maxsize=64)
def file_lines(path: str) -> tuple[str, ...]:
    """Every line of one shared text file, read once per process."""
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(lines_of(fh.read()))


@lru_cache(maxsize=8)
def jsonl_records(path: str) -> dict[str, dict]:
    """The records of one shared JSONL file by ``id``, read once per process."""
    with open(path, encoding="utf-8") as fh:
        return {r["id"]: r for r in (json.loads(line) for line in fh if line.strip())}


def read_jsonl(path: str | os.PathLike) -> list[dict]:
    """Every record of a (gold) JSONL file, blank lines skipped."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sha1(text: str) -> str:
    """SHA-1 of the UTF-8 text, as each gold record stores it."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
