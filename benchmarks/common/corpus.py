"""Raw Kazakh news-like text from the shared data folder, for speed benchmarks.

Sources (read from ``<shared>/data``; nothing is copied into the repo):

- ``news/ntrex128_kaz.jsonl``: field ``text`` of each line (123 documents);
- ``news/apertium_kaz_rus_corpus/*``: every file except ``AUTHORS``, ``COPYING``
  and ``PROVENANCE.md`` (one raw web-crawl dump per file);
- ``other/kazqad_wiki/*.jsonl``: field ``text`` of each line.

The shared folder is ``$KAZNLP_SHARED`` if set, else ``<repo>/../shared``;
every function also takes an explicit ``shared`` path (the CLI's ``--shared``).

``sample(mb)`` returns about ``mb`` megabytes (10**6 UTF-8 bytes) of text: the
sources are interleaved in chunks of whole lines so any prefix mixes all of
them, and the whole mix is repeated when more text is asked for than exists.
"""

from __future__ import annotations

import json
import os
from itertools import cycle, zip_longest
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
SKIP = {"AUTHORS", "COPYING", "PROVENANCE.md"}
CHUNK = 16_000  # characters per interleaved chunk
SEP = "\n\n"  # between chunks of different texts


def shared_dir(shared: str | os.PathLike | None = None) -> Path:
    """The shared folder: the argument, else ``$KAZNLP_SHARED``, else ``<repo>/../shared``."""
    if shared is None:
        shared = os.environ.get("KAZNLP_SHARED") or REPO.parent / "shared"
    return Path(shared)


def _jsonl_texts(path: Path) -> list[str]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                text = json.loads(line).get("text")
                if text:
                    out.append(text)
    return out


def load_sources(shared: str | os.PathLike | None = None) -> dict[str, list[str]]:
    """Raw texts per source: ``{"ntrex": [...], "apertium": [...], "kazqad_wiki": [...]}``.

    A missing source gives an empty list; it is not an error.
    """
    data = shared_dir(shared) / "data"
    sources: dict[str, list[str]] = {"ntrex": [], "apertium": [], "kazqad_wiki": []}
    ntrex = data / "news" / "ntrex128_kaz.jsonl"
    if ntrex.is_file():
        sources["ntrex"] = _jsonl_texts(ntrex)
    apertium = data / "news" / "apertium_kaz_rus_corpus"
    if apertium.is_dir():
        for path in sorted(apertium.iterdir()):
            if path.is_file() and path.name not in SKIP:
                sources["apertium"].append(path.read_text(encoding="utf-8"))
    wiki = data / "other" / "kazqad_wiki"
    if wiki.is_dir():
        for path in sorted(wiki.glob("*.jsonl")):
            sources["kazqad_wiki"].extend(_jsonl_texts(path))
    return sources


def load_texts(shared: str | os.PathLike | None = None) -> list[str]:
    """All raw texts of all sources, in a fixed order."""
    return [t for texts in load_sources(shared).values() for t in texts]


def _chunks(text: str, size: int = CHUNK) -> list[str]:
    """Cut ``text`` after line ends into pieces of about ``size`` characters."""
    out, start = [], 0
    while start < len(text):
        end = start + size
        if end < len(text):
            nl = text.find("\n", end)
            end = len(text) if nl < 0 else nl + 1
        out.append(text[start:end])
        start = end
    return out


def mixed_chunks(shared: str | os.PathLike | None = None) -> list[str]:
    """Chunks of all texts, sources interleaved round-robin (deterministic)."""
    streams = [[c for t in texts for c in _chunks(t)] for texts in load_sources(shared).values()]
    return [c for row in zip_longest(*streams) for c in row if c is not None]


def sample(mb: float, shared: str | os.PathLike | None = None, chunks: list[str] | None = None) -> str:
    """About ``mb`` MB (10**6 UTF-8 bytes) of text, repeating the corpus if needed.

    The text is cut at whitespace, so it never ends inside a word.
    """
    chunks = mixed_chunks(shared) if chunks is None else chunks
    if not chunks:
        raise FileNotFoundError(f"no corpus text under {shared_dir(shared) / 'data'}")
    budget = int(mb * 1_000_000)
    parts, size = [], 0
    for chunk in cycle(chunks):
        n = len(chunk.encode("utf-8")) + len(SEP)
        if size + n > budget:
            rest = chunk.encode("utf-8")[: max(0, budget - size)].decode("utf-8", "ignore")
            cut = max(rest.rfind(" "), rest.rfind("\n"))
            if cut > 0:
                parts.append(rest[:cut])
            break
        parts.append(chunk.rstrip("\n"))
        size += n
    return SEP.join(parts)


if __name__ == "__main__":
    src = load_sources()
    for name, texts in src.items():
        chars = sum(map(len, texts))
        size = sum(len(t.encode("utf-8")) for t in texts)
        print(f"{name:12} {len(texts):5} texts {chars:>10,} chars {size / 1e6:6.2f} MB")
    one = sample(1)
    print(f"sample(1): {len(one):,} chars, {len(one.encode('utf-8')) / 1e6:.3f} MB")
