"""Rule-based Kazakh sentence splitter.

Two kinds of boundary are found in one pass each:

1. **Terminal punctuation** (``.``, ``?``, ``!``, ``…``, ``...``) followed by white space,
   with any closing quotes or brackets kept in the sentence (``«…»``). The break is
   taken when the next word starts a sentence (a capital letter, a digit, an opening
   quote, a dialogue dash before a capital) and the word before the period is not an
   abbreviation that cannot end a sentence (``млн.``, ``ж.``, ``проф.``, initials
   ``А.А.``; data in ``data/abbreviations.tsv``). Kazakh is verb-final, so a sentence
   almost never ends in such an abbreviation; ``т.б.`` ("etc.") can, and does.
2. **Line breaks.** A blank line always ends a sentence. A single line break ends one
   when the line before it is a headline, dateline or web-page widget (short compared
   with the lines around it) and not when it merely wraps a running sentence, as in
   print and PDF text: a line that is as long as the block's longest line, ends with a
   comma or a hyphen, or is followed by a line starting in lower case continues.

>>> [s.text for s in split_sentences("А.А. Мерғалиев сөз сөйледі. Ол 2,5 млн. теңге туралы айтты.")]
['А.А. Мерғалиев сөз сөйледі.', 'Ол 2,5 млн. теңге туралы айтты.']
"""

from __future__ import annotations

import re

from . import _data
from ._validate import check_text
from .spans import Span
from .tokenize import LOWER, UPPER

__all__ = ["split_sentences"]

# A sentence-final mark, closing quotes/brackets after it, then white space.
_TERMINAL = re.compile(r"(?:\.{2,}|[.!?…]+)[»”\"'’)\]]*(?=\s)")
# A blank line (or a form feed): always a boundary.
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n|\f")
# The chunk of non-space text right before a period, and spaced abbreviations "т. б.".
_SPACED_ABBR = re.compile(r"(?<!\S)\w{1,4}\.(?: \w{1,4}\.){1,2}\Z")
_INITIALS = re.compile(rf"(?:[{UPPER}]\.)*[{UPPER}]\Z")
_OPENERS = "«“„\"'‘([" + "–—-"
_LINE_END_CONTINUES = ",;:-‐‑–—(«“„"
# A line is "wrapped" (continues on the next line) when it is at least this long and at
# least this fraction of the longest line of its block. Print columns are >= 25 characters.
WRAP_MIN_CHARS = 25
WRAP_RATIO = 0.6


def _is_start(text: str, i: int) -> bool:
    """Does the text at ``i`` (first non-space after a candidate) look like a sentence start?"""
    c = text[i]
    if c.isupper() or c.isdigit():
        return True
    if c in "«“„\"'‘([":
        return True
    if c in "–—-":
        # dialogue dash: a new turn if a capital follows ("– Біздің Үкімет"),
        # the reporting clause if a lower-case word does ("», – деді.")
        j = i + 1
        n = len(text)
        while j < n and text[j].isspace():
            j += 1
        return j >= n or not text[j].islower()
    if c.islower():
        return False
    return not c.isalnum() and c not in ",;:)]}»”"


def _period_ends_sentence(text: str, dot: int, nxt: int) -> bool:
    """Decide a single ``.`` at ``dot`` followed (after space) by ``text[nxt]``."""
    line_start = text.rfind("\n", 0, dot) + 1
    k = dot
    while k > line_start and not text[k - 1].isspace():
        k -= 1
    word = text[k:dot].lstrip(_OPENERS)
    if not word:
        return True
    abbr = _data.abbreviations()
    cls = abbr.get((word + ".").lower())
    if cls is None:
        m = _SPACED_ABBR.search(text, max(line_start, dot - 16), dot + 1)
        if m:
            cls = abbr.get(m.group().replace(" ", "").lower())
    if cls is not None:
        return cls == "final" and text[nxt].isupper()
    if _INITIALS.match(word):
        return False  # "А.А. Мерғалиев", "Г. Дамдин"
    if word.isdigit() and len(word) <= 3:
        before = text[line_start:k].rstrip()
        if not before or before[-1] in ".!?…:":
            return False  # an enumeration: "1. Жалпы ережелер", "…айтасың? 12. Мұнан кейін"
    return True


def _punctuation_boundaries(text: str) -> list[int]:
    out = []
    n = len(text)
    for m in _TERMINAL.finditer(text):
        end = m.end()
        nxt = end
        while nxt < n and text[nxt].isspace():
            nxt += 1
        if nxt >= n or not _is_start(text, nxt):
            continue
        mark = m.group().rstrip("»”\"'’)]")
        if mark == "." and not _period_ends_sentence(text, m.start(), nxt):
            continue
        out.append(end)
    return out


_QUOTES = re.compile(r"[«»“”„\"]|\n[^\S\n]*\n")
_AFTER_QUOTE = re.compile(r"[,.!?…]*[^\S\n]*(?:[–—-][^\S\n]*)?(?=[" + LOWER + "])")
MAX_QUOTE_CHARS = 1000


def _reported_speech(text: str) -> list[tuple[int, int]]:
    """Quoted passages followed by a reporting clause: ``«Келдік. Бәрі жақсы», – деді ол.``

    Sentence breaks inside them are not taken, so the quote stays with ``деді``/``деп``.
    Quotes pair up within a paragraph: ``«`` with ``»`` (nested), ``“``/``„`` with ``”``,
    and straight ``"`` alternately opening and closing.
    """
    regions = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTES.finditer(text):
        q = m.group()
        i = m.start()
        if len(q) > 1:  # a blank line: quotes never span paragraphs
            stack.clear()
            continue
        if q in "«“„" and not (q == "“" and stack and stack[-1][0] == "„"):
            stack.append((q, i))
            continue
        if q == '"' and not (stack and stack[-1][0] == '"'):
            stack.append((q, i))
            continue
        # a closing quote: pop to its opener
        want = {"»": "«", "”": "“„", "“": "„", '"': '"'}[q]
        while stack and stack[-1][0] not in want:
            stack.pop()
        if not stack:
            continue
        _, start = stack.pop()
        if i - start <= MAX_QUOTE_CHARS and _AFTER_QUOTE.match(text, i + 1):
            regions.append((start, i))
    return regions


def _drop_inside(cuts: list[int], regions: list[tuple[int, int]]) -> list[int]:
    """``cuts`` (sorted) without those strictly inside any region ``(start, end]``."""
    if not regions or not cuts:
        return cuts
    regions.sort()
    out = []
    r = 0
    reach = -1  # the furthest end of the regions that start before the current cut
    for c in cuts:
        while r < len(regions) and regions[r][0] < c:
            reach = max(reach, regions[r][1])
            r += 1
        if c > reach:
            out.append(c)
    return out


def _line_boundaries(text: str) -> list[int]:
    """Offsets of single line breaks that end a sentence (headlines, widgets, lists)."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    out = []
    # the longest line of each block of consecutive non-blank lines
    width = [0] * len(lines)
    block_start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or not lines[i].strip():
            w = max((len(lines[j].strip()) for j in range(block_start, i)), default=0)
            for j in range(block_start, i):
                width[j] = w
            block_start = i + 1
    for i in range(len(lines) - 1):
        prev = lines[i].strip()
        nxt = lines[i + 1].lstrip()
        if not prev or not nxt:
            continue  # blank lines are paragraph breaks, handled elsewhere
        if prev[-1] in ".!?…" or prev[-1] in "»”\"')" and prev.rstrip("»”\"')")[-1:] in ".!?…":
            continue  # terminal punctuation decides
        if nxt[0].islower() or nxt[0] in ",;:)»”" or prev[-1] in _LINE_END_CONTINUES:
            continue  # a sentence running on
        if len(prev) >= WRAP_MIN_CHARS and len(prev) >= WRAP_RATIO * width[i]:
            continue  # a full line of wrapped text
        out.append(starts[i + 1])
    return out


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences; spans point into ``text`` and carry no outer white space.

    >>> [s.text for s in split_sentences("«Келемін!» – деді ол. Бұл туралы жазады Egemen.kz. Кездесу аяқталды.")]
    ['«Келемін!» – деді ол.', 'Бұл туралы жазады Egemen.kz.', 'Кездесу аяқталды.']
    """
    check_text(text, "split_sentences")
    if not text:
        return []
    scan = text
    if "\r" in text:  # Windows and old Mac line ends, same length so offsets hold
        scan = text.replace("\r\n", " \n").replace("\r", "\n")
    cuts = set(_drop_inside(_punctuation_boundaries(scan), _reported_speech(scan)))
    cuts.update(m.start() for m in _PARAGRAPH.finditer(scan))
    cuts.update(_line_boundaries(scan))
    spans = []
    start = 0
    new = tuple.__new__
    for cut in sorted(cuts) + [len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(new(Span, (s, e, text[s:e])))
        start = cut
    return spans
