"""Helpers of the NER rule tests: model spans written as words, spans shown as words."""

from __future__ import annotations


def spans_of(text: str, words: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Spans of ``(word, label)`` pairs found left to right in ``text``.

    >>> spans_of("Астана әуежайында", [("Астана", "GPE")])
    [(0, 6, 'GPE')]
    """
    out, pos = [], 0
    for word, label in words:
        start = text.index(word, pos)
        out.append((start, start + len(word), label))
        pos = start + len(word)
    return out


def shown(text: str, spans) -> list[tuple[str, str]]:
    """``(text, label)`` of each span, to compare with words."""
    return [(text[a:b], lab) for a, b, lab in spans]
