"""A Punkt sentence splitter trained without supervision on the shared news corpus (issue 12 peer).

NLTK ships no Kazakh Punkt model, so the fair "what would a statistical splitter learn from
this very corpus" baseline is nltk's :class:`~nltk.tokenize.punkt.PunktTrainer` run on the
raw text of ``<shared>/data/news`` and ``<shared>/data/other``. Punkt learns abbreviations,
collocations and frequent sentence starters from raw text alone; no gold is used.

Training text, built from ``../shared`` at run time (nothing is copied into the repo):

- every file of ``news/apertium_kaz_rus_corpus`` except ``AUTHORS``, ``COPYING`` and
  ``PROVENANCE.md``, as crawled;
- the ``text`` of every ``news/ntrex128_kaz.jsonl`` record (``news/ntrex128_kaz/*.txt`` is the same
  text before conversion, so it is not read twice);
- the ``text`` of every ``other/kazqad_wiki/*.jsonl`` passage.

To be fair to the held-out gold, the documents of the news gold **test** split
(``benchmarks/gold/news_sentences.py``) are removed: their source lines (apertium) or records
(NTREX, KazQAD), and also every other line of the corpus whose text equals a line of a test
document (the crawl repeats boilerplate across pages). Dev documents stay in: Punkt uses no
labels, and the kaznlp rules are tuned on dev anyway.

Training takes well under a minute on the ~2.8 million characters (5.1 MB) that remain; the learned parameters are
cached outside the repository (``$XDG_CACHE_HOME/kaznlp-bench`` or ``~/.cache/kaznlp-bench``),
keyed by the SHA-1 of the training text and the nltk version, so a changed corpus retrains.

>>> tok, info = load()                                   # doctest: +SKIP
>>> tok.span_tokenize("Жиналыс аяқталды. Ертең сессия басталады.")   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import time
from pathlib import Path

from benchmarks.common import corpus
from benchmarks.gold import news_sentences

SKIP = corpus.SKIP


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kaznlp-bench"


def _test_exclusions(shared: Path) -> tuple[dict[str, set[int]], set[str], set[str]]:
    """Test documents as ``{file: {line numbers}}``, ``{jsonl record ids}`` and their line texts."""
    lines: dict[str, set[int]] = {}
    recs: set[str] = set()
    texts: set[str] = set()
    for rec in news_sentences.records():
        if rec["split"] != "test":
            continue
        src = rec["source"]
        if "lines" in src:
            first, last = src["lines"]
            lines.setdefault(src["file"], set()).update(range(first, last + 1))
        else:
            recs.add(src["record"])
        texts.update(ln.strip() for ln in news_sentences.source_lines(src, shared) if ln.strip())
    return lines, recs, texts


def training_text(shared: str | os.PathLike | None = None) -> tuple[str, dict]:
    """The raw training text (test documents removed) and a summary of what went in."""
    shared = corpus.shared_dir(shared)
    data = shared / "data"
    excl_lines, excl_recs, excl_texts = _test_exclusions(shared)
    docs: list[str] = []
    info = {"documents": 0, "lines_dropped_test": 0, "lines_dropped_duplicate": 0, "records_dropped_test": 0}

    def keep(lines: list[str], numbers: set[int]) -> list[str]:
        out = []
        for i, ln in enumerate(lines, 1):
            if i in numbers:
                info["lines_dropped_test"] += 1
            elif ln.strip() and ln.strip() in excl_texts:
                info["lines_dropped_duplicate"] += 1
            else:
                out.append(ln.rstrip())
        return out

    apertium = data / "news" / "apertium_kaz_rus_corpus"
    if apertium.is_dir():
        for path in sorted(apertium.iterdir()):
            if path.is_file() and path.name not in SKIP:
                rel = str(path.relative_to(data))
                lines = list(news_sentences.file_lines(str(path)))
                docs.append("\n".join(keep(lines, excl_lines.get(rel, set()))))
    jsonls = [data / "news" / "ntrex128_kaz.jsonl", *sorted((data / "other" / "kazqad_wiki").glob("*.jsonl"))]
    for path in jsonls:
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as fh:
            for row in fh:
                if not row.strip():
                    continue
                rec = json.loads(row)
                if rec.get("id") in excl_recs:
                    info["records_dropped_test"] += 1
                    continue
                if rec.get("text"):
                    docs.append("\n".join(keep(news_sentences.lines_of(rec["text"]), set())))
    text = "\n\n".join(d for d in docs if d.strip())
    info.update(documents=len(docs), chars=len(text), mb=round(len(text.encode("utf-8")) / 1e6, 3))
    return text, info


def train(text: str):
    """Unsupervised Punkt parameters learned from ``text`` (nltk defaults, all collocations)."""
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    trainer.train(text, finalize=True)
    return trainer.get_params()


def load(shared: str | os.PathLike | None = None, use_cache: bool = True):
    """A :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer` trained on the news corpus, and a summary."""
    import nltk
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    text, info = training_text(shared)
    if not text:
        raise FileNotFoundError(f"no news text under {corpus.shared_dir(shared) / 'data'}")
    key = hashlib.sha1(text.encode("utf-8") + nltk.__version__.encode()).hexdigest()[:16]
    path = cache_dir() / f"punkt-news-{key}.pickle"
    params = None
    if use_cache and path.is_file():
        try:
            with path.open("rb") as fh:
                saved = pickle.load(fh)  # our own cache file, written below
            params, info["train_seconds"] = saved["params"], saved["train_seconds"]
            info["from_cache"] = str(path)
        except Exception:
            params = None
    if params is None:
        t0 = time.perf_counter()
        params = train(text)
        info["train_seconds"] = round(time.perf_counter() - t0, 1)
        if use_cache:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp")
                with tmp.open("wb") as fh:
                    pickle.dump({"params": params, "train_seconds": info["train_seconds"]}, fh)
                tmp.replace(path)
            except OSError:
                pass
    info.update(abbreviations=len(params.abbrev_types), collocations=len(params.collocations),
                sentence_starters=len(params.sent_starters), nltk=nltk.__version__)
    return PunktSentenceTokenizer(params), info


if __name__ == "__main__":  # python -m benchmarks.common.punkt_news: train (no cache) and print the summary
    tok, summary = load(use_cache=False)
    print(json.dumps(summary, indent=1, ensure_ascii=False))
    print(sorted(tok._params.abbrev_types)[:80])
