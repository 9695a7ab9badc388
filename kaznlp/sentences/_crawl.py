"""Sentence ends with no stop in a flattened crawl: lines the crawl cut at a fixed length."""

from __future__ import annotations

import re

from ..lang.alphabet import LOWER, UPPER

from ._lines import CRAWL_CAP_WINDOW, CRAWL_LINE_CAP


# A join that may end a cut line: a word, a comma, a colon or a closing mark, one space, then
# a capital, a digit or an opening quote.
_CAP_JOIN = re.compile(rf"(?<=[{LOWER},:;)»]) (?=[{UPPER}\d«])")
#: long sentences with no join near the cap (as running text has) per cut line found, at most
CRAWL_MISS_RATIO = 2
#: cut lines needed before the text is read as cut: one is chance (a fifth of the long sentences
#: of uncut news and Wikipedia text have a join near the cap), two are evidence
CRAWL_MIN_FOUND = 2
# A cut line already ended by another rule: no stop, white space or a closing mark at its end.
_STOP_OR_CLOSER = ".!?…:;»\"”)"


def _crawl_line_cuts(text: str, cuts: list[int]) -> list[int]:
    """Lines a crawl cut at a fixed length, run together with spaces: cut where the line ended (docs/sentences.md, "Rule notes")."""
    lo_w = CRAWL_LINE_CAP - CRAWL_CAP_WINDOW
    n = len(text)
    spans = []
    a = 0
    ended = 0  # cut lines the other rules already ended: cap length, no stop
    for b in cuts + [n]:
        while a < b and text[a].isspace():
            a += 1
        if b - a > CRAWL_LINE_CAP:
            spans.append((a, b))
        elif b - a >= lo_w and b < n:
            e = b
            while text[e - 1].isspace():
                e -= 1
            ended += e - a >= lo_w and text[e - 1] not in _STOP_OR_CLOSER
        a = b
    if not spans:
        return []
    out: list[int] = []
    miss = 0
    for a, b in spans:
        while b - a > CRAWL_LINE_CAP:
            joins = [m.start() for m in _CAP_JOIN.finditer(text, a + lo_w, a + CRAWL_LINE_CAP + 1)]
            if not joins:
                miss += 1
                break
            a = joins[-1] + 1  # the crawl kept as many whole words as fit: the line is as long as it can be
            out.append(a)
    found_all = len(out) + ended
    if not out or found_all < CRAWL_MIN_FOUND or miss * CRAWL_MISS_RATIO > found_all:
        return []
    return out
