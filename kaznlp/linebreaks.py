"""What a line break is, for every step of kaznlp.

One definition, shared by normalization, de-hyphenation and the sentence splitter: a line
break is any character that Python's :meth:`str.splitlines` treats as a line boundary,
with ``\\r\\n`` counted as one break. That set is

============  ===================================================================
``\\n``        line feed (Unix)
``\\r``        carriage return (old Mac; ``\\r\\n`` is Windows and counts once)
``\\x0b``      vertical tab (Word's manual line break in exported text)
``\\x0c``      form feed (the page break ``pdftotext`` writes between pages)
``\\x1c``-``\\x1e``  file, group and record separators (old databases and exports)
``\\x85``      next line (NEL, EBCDIC and some Windows-1252 conversions)
``\\u2028``    line separator (Word, JavaScript strings)
``\\u2029``    paragraph separator
============  ===================================================================

Why the whole set and not only ``\\n``: crawled and extracted Kazakh text carries every one
of them, and a step that sees a break where the next step sees none would, for example,
join ``Алматы`` and ``қаласы`` across a paragraph separator that the sentence splitter
treats as a space. Steps read these characters as breaks and keep them (only ``dehyphenate``
writes ``\\r\\n`` and ``\\r`` as ``\\n``, with the alignment recording it).

>>> [m.group() for m in LINE_BREAK.finditer("Ол келді.\\r\\nБіз\\u2029кеттік.")]
['\\r\\n', '\\u2029']
>>> is_line_break("\\x1e"), is_line_break("\\u3000")
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["LINE_BREAK_CHARS", "LINE_BREAK", "NOT_LINE_BREAK", "is_line_break", "line_spans"]

#: Every character :meth:`str.splitlines` splits on.
LINE_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

_CLASS = "\\n\\r\\x0b\\x0c\\x1c\\x1d\\x1e\\x85\\u2028\\u2029"

#: One line break; ``\r\n`` matches as a whole.
LINE_BREAK = re.compile(r"\r\n|[" + _CLASS + "]")

#: A run of characters that holds no line break (one line's content).
NOT_LINE_BREAK = re.compile("[^" + _CLASS + "]+")


def is_line_break(ch: str) -> bool:
    """True when the one character *ch* ends a line (``"\\u2028"`` does, ``"\\t"`` does not)."""
    return ch in LINE_BREAK_CHARS


def line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line's content, breaks excluded; agrees with ``splitlines``.

    >>> text = "Бірінші\\r\\nекінші\\x1cүшінші"
    >>> [text[a:b] for a, b in line_spans(text)] == text.splitlines()
    True
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in LINE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
