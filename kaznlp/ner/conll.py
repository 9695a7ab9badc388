"""KazNERD-style IOB2 files: read, turn into plain text, score entities.

KazNERD (Yeshpanov et al., LREC 2022, CC BY 4.0) stores one ``token tag`` pair per
line, separated by one space, and a blank line after each sentence. These helpers
serve the training and evaluation scripts in ``training/ner/``, the benchmark and the
tests, and work for any CoNLL-2002-style IOB2 file.

>>> sent = (["Астана", "қаласында", "74", ",", "9", "%-ы", "."],
...         ["B-GPE", "O", "B-PERCENTAGE", "I-PERCENTAGE", "I-PERCENTAGE", "I-PERCENTAGE", "O"])
>>> text, offsets = detokenize(sent[0])
>>> text
'Астана қаласында 74,9%-ы.'
>>> [(text[s:e], label) for s, e, label in char_entities(sent[0], sent[1], offsets)]
[('Астана', 'GPE'), ('74,9%-ы', 'PERCENTAGE')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

__all__ = [
    "read_iob2",
    "iob_to_spans",
    "detokenize",
    "char_entities",
    "prf",
    "score_spans",
    "iter_sentences",
]

Sentence = tuple[list[str], list[str]]

# marks written without a space before them / after them in running text
_NO_SPACE_BEFORE = frozenset(".,!?:;»)]…")
_NO_SPACE_AFTER = frozenset("«([")


def read_iob2(path: str | Path) -> list[Sentence]:
    """Read an IOB2 file into ``[(tokens, tags), ...]``.

    Lines of the ``with_sentID`` variant (``AID283875 O``) that open a sentence
    are dropped, since they are identifiers rather than tokens.
    """
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    sentences.append((words, tags))
                words, tags = [], []
                continue
            token, _, tag = line.rpartition(" ")
            if not token:  # a line with no tag
                token, tag = tag, "O"
            if not words and token.startswith("AID") and token[3:].isdigit():
                continue
            words.append(token)
            tags.append(tag)
    if words:
        sentences.append((words, tags))
    return sentences


def iob_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags to ``(first_token, end_token, label)`` spans (end exclusive).

    An ``I-`` tag that does not continue an entity of its label starts a new one
    (the usual lenient reading, as in seqeval).

    >>> iob_to_spans(["B-PERSON", "I-PERSON", "O", "I-GPE"])
    [(0, 2, 'PERSON'), (3, 4, 'GPE')]
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and label == kind and start >= 0:
            continue
        if start >= 0:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I"):
            start, label = i, kind
    if start >= 0:
        spans.append((start, len(tags), label))
    return spans


def _split_number(left: str, mark: str, right: str) -> bool:
    """``74 , 9`` (a decimal: 1-2 digits after the comma) or ``14 : 00`` (a time)."""
    if not (left.isdigit() and right[:1].isdigit()):
        return False
    digits = len(right) - len(right.lstrip("0123456789"))
    if mark == ",":
        return digits <= 2 and not right[digits:].startswith((",", ":"))
    return len(left) <= 2 and digits == 2


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join KazNERD tokens into running text the way Kazakh news writes it.

    No space before ``. , ! ? : ; » ) ]`` or before a token that starts with ``%``
    (``63`` ``%-ы`` → ``63%-ы``), none after ``« ( [``, and ``74 , 9`` → ``74,9``,
    ``14 : 00`` → ``14:00`` (a decimal with one or two digits after the comma, or a
    time, split by the transcripts' tokenization; ``2006 , 2007`` keeps its space). Returns the text and each token's ``(start, end)`` in it.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for i, tok in enumerate(tokens):
        if i > 0:
            prev = tokens[i - 1]
            glue = (
                tok in _NO_SPACE_BEFORE
                or tok.startswith("%")
                or prev in _NO_SPACE_AFTER
                or (prev in (",", ":") and i >= 2 and _split_number(tokens[i - 2], prev, tok))
            )
            if not glue:
                parts.append(" ")
                pos += 1
        parts.append(tok)
        offsets.append((pos, pos + len(tok)))
        pos += len(tok)
    return "".join(parts), offsets


def spaces_after(tokens: Sequence[str]) -> list[bool]:
    """For each token, whether :func:`detokenize` puts a space after it (spaCy's ``Doc(spaces=...)``):
    ``["63", "%-ы", "өсті"]`` → ``[False, True, False]``."""
    _, offsets = detokenize(tokens)
    return [offsets[i][1] < offsets[i + 1][0] for i in range(len(tokens) - 1)] + [False] if tokens else []


def char_entities(
    tokens: Sequence[str], tags: Sequence[str], offsets: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Entity spans as ``(start_char, end_char, label)`` in the text :func:`detokenize` made."""
    return [(offsets[s][0], offsets[e - 1][1], label) for s, e, label in iob_to_spans(tags)]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (in %) from counts."""
    p = 100.0 * tp / (tp + fp) if tp + fp else 0.0
    r = 100.0 * tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_spans(
    gold: Iterable[Iterable[tuple[int, int, str]]], pred: Iterable[Iterable[tuple[int, int, str]]]
) -> dict[str, dict[str, float]]:
    """Exact-match entity scores, micro-averaged, overall (``"ALL"``) and per label.

    ``gold`` and ``pred`` hold one collection of ``(start, end, label)`` per
    sentence (token or character offsets; they only have to agree).
    Each label row has ``p``, ``r``, ``f`` (in %) and ``support`` (gold count).
    """
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for s in gs & ps:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1
    table: dict[str, dict[str, float]] = {}
    for label in sorted(set(tp) | set(fp) | set(fn)):
        p_, r_, f_ = prf(tp[label], fp[label], fn[label])
        table[label] = {"p": p_, "r": r_, "f": f_, "support": tp[label] + fn[label]}
    p_, r_, f_ = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    table["ALL"] = {"p": p_, "r": r_, "f": f_, "support": sum(tp.values()) + sum(fn.values())}
    return table


def iter_sentences(paths: Iterable[str | Path]) -> Iterator[Sentence]:
    """All sentences of several IOB2 files, in order (one file: ``[path]``)."""
    if isinstance(paths, (str, Path)):
        raise TypeError(f"iter_sentences() expects an iterable of paths, got one {type(paths).__name__}; "
                        "use read_iob2(path) or iter_sentences([path])")
    for path in paths:
        yield from read_iob2(path)
