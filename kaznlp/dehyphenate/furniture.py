from __future__ import annotations

import re

from kaznlp.linebreaks import LINE_BREAK, LINE_BREAK_CHARS


def _furniture(text: str) -> list[tuple[int, int, str]]:
    """The edits removing page furniture (opt-in), a pass of its own before de-hyphenation:
    page-number lines, running headers/footers, and the form feeds between pages. A form feed
    is a line break (kaznlp.linebreaks); one next to another break goes (``…барды.⏎\\fКеліссөз``
    → ``…барды.⏎Келіссөз``), one between two lines becomes ``\\n``."""
    from collections import Counter

    edits: list[tuple[int, int, str]] = []
    starts = [0]
    ends: list[int] = []
    for m in LINE_BREAK.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
        if m.group() == "\f":
            p, q = m.start(), m.end()
            near = (p == 0 or text[p - 1] in LINE_BREAK_CHARS or q == len(text) or text[q] in LINE_BREAK_CHARS)
            edits.append((p, q, "" if near else "\n"))
    ends.append(len(text))
    keys: Counter[str] = Counter()
    norm_lines = []
    for a, b in zip(starts, ends):
        s = text[a:b].strip()
        key = re.sub(r"\d+", "#", s)
        norm_lines.append((s, key))
        if s:
            keys[key] += 1
    pages = text.count("\f") + 1
    for i, (s, key) in enumerate(norm_lines):
        if s and (re.fullmatch(r"[-–—]?\s*\d{1,4}\s*[-–—]?", s) or (pages >= 3 and keys[key] >= 3 and len(s) < 80
                                                                        and keys[key] <= pages + 1 and "#" in key)):
            edits.append((starts[i], ends[i], ""))
        elif s and pages >= 3 and keys[key] >= max(3, pages // 2) and len(s) < 80:
            edits.append((starts[i], ends[i], ""))
    edits.sort()
    return edits
