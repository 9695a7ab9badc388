from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from operator import itemgetter
from typing import Literal

from kaznlp.linebreaks import LINE_BREAK

from .breaks import _decide_break, _inline_line, column_end_join, glued_word
from .chars import (
    LAYOUT_SPACE,
    _HS,
    _HYPH_SP_BREAK,
    _HYPHENS,
    _LINE_END_MARKS,
    _OTHER_BREAK,
    _WRAP_NL,
    SOFT,
    ends_range_dash,
    _has_hyphen_break,
    _has_hyphen_space,
    _has_other_break,
    _hyphen_space_starts,
)
from .evidence import Evidence
from .layout import _document_layout, _is_wrapped, _wrapped_blocks
from .spacing import spacing_break, trailing_space_lines

Reflow = Literal["auto", True, False]



_MAX_PASSES = 8
# the layout rules of _decide_break that read the left line's length (``run`` with by_output)
_SHORT_LINE_RULES = ("short_line", "heading")
_START_END = itemgetter(0, 1)  # an edit's sort key
# a column end (blank line, a page's form feed) before lower case (pdftotext)
_COLUMN_END = re.compile("\n\n\x0c?(?=[a-zа-яёіғқңүұһәө])")
# a range's en dash at a line end before a digit (``1096–⏎1166``); a literal first: a fast scan
_RANGE_BREAK = re.compile("\u2013[ \t]*\n[ \t]*[0-9]")

def _edits(text: str, reflow: Reflow, trace: list | None = None, learned: bool = True,
           by_output: bool = False, short_after_join: list[int] | None = None,
           redo: list | None = None) -> list[tuple[int, int, str]]:
    """One pass's edits (sorted, not overlapping). ``trace``: a record per decision (explain_breaks);
    ``learned=False``: the rules alone; ``redo`` (no trace) receives a function giving this pass's edits
    decided again with ``by_output=True``, reusing its evidence and layout; the rest: see _break_edits."""
    other_breaks = _has_other_break(text)  # a break not ``\n``
    has_nl = other_breaks or "\n" in text
    has_soft = SOFT in text
    has_hs = _has_hyphen_space(text) or (has_soft and _HS.search(text) is not None)
    has_cr = "\r" in text  # once: per paragraph was quadratic
    hyph_break = has_nl and _has_hyphen_break(text, other_breaks)
    rng: bool | None = None  # _range_break, asked only where a fast path would return
    if not has_nl and not has_soft and not has_hs:
        return []  # fast path: one line, nothing to join
    if reflow is not True and not has_soft and not has_cr and not has_hs and not hyph_break:
        # fast path: nothing to repair; only wrapped lines (3+ breaks before a lower-case letter
        # or a digit, _is_wrapped) could be reflowed
        k = 0
        if reflow is not False:
            for _ in _WRAP_NL.finditer(text):
                k += 1
                if k >= 3:
                    break
        if k < 3 and not (rng := _range_break(text)):
            return []
    # ---- split into lines with source offsets ----
    starts = [0]
    brk: list[tuple[int, int]] = []  # (line_end, next_line_start)
    if has_nl and not other_breaks:
        lines = text.split("\n")
        starts = list(accumulate([len(x) + 1 for x in lines[:-1]], initial=0))
        brk = [(s - 1, s) for s in starts[1:]]
    else:
        if has_nl:
            for m in LINE_BREAK.finditer(text):
                brk.append((m.start(), m.end()))
                starts.append(m.end())
        ends = [b[0] for b in brk] + [len(text)]
        lines = [text[s:e] for s, e in zip(starts, ends)]
    stripped = [x.strip(LAYOUT_SPACE) for x in lines]  # chars._layout_strip
    if reflow == "auto":
        wrapped = len(lines) > 1 and _is_wrapped(lines, stripped)
    else:
        wrapped = bool(reflow)
    block_wrapped: list[bool] | None = None
    if reflow == "auto" and not wrapped and len(lines) >= 4:
        block_wrapped = _wrapped_blocks(lines, stripped)  # pdftotext: prose between tables
    col_ends: list[int] = []
    if not wrapped and not block_wrapped and not has_soft and not has_cr:
        if not hyph_break and not ("- \n" in text or other_breaks and _HYPH_SP_BREAK.search(text)):
            # no hyphen at a line end: a word cut at a column end (``қа⏎⏎зақ``) is left, also in a
            # text with a "hyphen + space" in a line (``соғу- бірі``: pdftotext keeps a typed dash)
            col_ends = [m.start() for m in _COLUMN_END.finditer(text) if text[m.start() - 1:m.start()].isalpha()]
            if not col_ends and not has_hs and not (_range_break(text) if rng is None else rng):
                return []  # fast path
    ev = Evidence(text)
    ev.learned = learned
    ev.features = trace is not None
    ev.lazy = not wrapped and not block_wrapped  # web text: few questions
    edits: list[tuple[int, int, str]] = []

    # ---- soft hyphens and "hyphen + space" inside lines ----
    inline: list[tuple[int, int, str]] = []
    todo: set[int] = set()  # lines with a soft hyphen or "hyphen + space"
    if has_soft:
        todo.update(bisect_right(starts, m.start()) - 1 for m in re.finditer(SOFT, text))
    hs_at: dict[int, list[int]] = {}  # line -> where its "hyphen + space"s start
    if has_hs:
        # only these lines get an inline decision
        for i in _hyphen_space_starts(text, has_soft):
            li = bisect_right(starts, i) - 1
            hs_at.setdefault(li, []).append(i - starts[li])
        todo.update(hs_at)
    for li in sorted(todo):
        line = lines[li]
        base = starts[li]
        if has_soft and SOFT in line:
            core_end = len(line.rstrip(" \t" + SOFT))
            joins_next = (li + 1 < len(lines) and lines[li + 1].strip(LAYOUT_SPACE) and core_end > 0
                          and line[core_end - 1].isalnum())
            for m in re.finditer(SOFT + r"[ \t]*", line):
                if m.start() >= core_end and joins_next:
                    break  # line-end soft hyphen: handled with the break
                if m.start() >= core_end:
                    inline.append((base + m.start(), base + m.start() + 1, ""))
                    continue
                nxt = line[m.end():m.end() + 1]
                if m.end() > m.start() + 1 and not (nxt.isalnum()):
                    inline.append((base + m.start(), base + m.start() + 1, ""))
                else:
                    inline.append((base + m.start(), base + m.end(), ""))  # бар\xad лық → барлық
        if li in hs_at:
            _inline_line(ev, line, base, inline, trace, hs_at[li])
    edits.extend(inline)

    # ---- line breaks ----
    layout: list = []  # the document layout, once computed
    if redo is not None and trace is None:
        # the same text, so the same evidence (its answers and memo) and layout (kaznlp.dehyphenate._run)
        redo.append(lambda: _break_edits(text, ev, lines, starts, brk, list(inline), wrapped, block_wrapped, reflow,
                                         has_soft, has_cr, None, True, None, stripped, col_ends, layout))
    return _break_edits(text, ev, lines, starts, brk, edits, wrapped, block_wrapped, reflow, has_soft, has_cr, trace,
                        by_output, short_after_join, stripped, col_ends, layout)


def _break_edits(text: str, ev: Evidence, lines: list[str], starts: list[int], brk: list[tuple[int, int]],
                 edits: list[tuple[int, int, str]], wrapped: bool, block_wrapped: list[bool] | None,
                 reflow: Reflow, has_soft: bool, has_cr: bool, trace: list | None,
                 by_output: bool = False, short_after_join: list[int] | None = None,
                 stripped: list[str] | None = None, col_ends: list[int] | None = None,
                 layout: list | None = None) -> list[tuple[int, int, str]]:
    """The edits of the line breaks (``edits`` holds those inside lines), sorted and merged.

    ``by_output``: the short-line tests read the left line as the output has it. ``short_after_join``
    receives each line joined to the one before whose break a short-line test decided: only there
    can ``by_output=True`` give other edits. Why: docs/dehyphenate.md, Driver invariants. ``layout``:
    the result of :func:`_document_layout` for this text (and ``ev``) once computed, or []."""
    n = len(lines)
    # Unwrapped text without ``\r``: only lines ending in a hyphen or soft hyphen, or at a column end
    # (``col_ends``), can get an edit and are visited; layout unread (tests/test_dehyphenate_speed.py)
    marked: list[int] | None = None
    words: dict[int, tuple] = {}
    width: list[int]
    prior_join: bool | None
    narrow: list[bool] | None
    if not wrapped and block_wrapped is None and not has_cr and not by_output:
        if stripped is None:
            stripped = [x.strip(LAYOUT_SPACE) for x in lines]
        marked = [i for i in range(n - 1) if stripped[i] and (stripped[i][-1] in _LINE_END_MARKS
                                                              or ends_range_dash(stripped[i]))]
        if col_ends:
            marked = sorted(set(marked).union(bisect_right(starts, p) - 1 for p in col_ends))
        width, prior_join, narrow = [0] * n if marked else [], False, None
    elif layout:
        stripped, width, prior_join, narrow, words = layout[0]  # (it set ev.sparse and ev.hyphens_lost)
    else:
        words = {}  # the tail and head words the layout's votes read, by line: the decisions reuse them
        stripped, width, prior_join, narrow = _document_layout(ev, lines, starts, wrapped, block_wrapped, reflow,
                                                               stripped, words)
        if layout is not None:
            layout.append((stripped, width, prior_join, narrow, words))
    # blocks whose extraction keeps the space a line broke at (pypdf, ragged LibreOffice): spacing.py
    trail = trailing_space_lines(lines, stripped) if marked is None and " \n" in text else None
    mi = 0
    k = 0
    carry = ""
    # by_output: the output line's length at line k if joined to those before (else None)
    run_in: int | None = None
    joined_in = False  # line k was joined to the one before by this pass
    auto = reflow == "auto"
    at = ev.at
    while k < n - 1:
        if marked is not None:
            while mi < len(marked) and marked[mi] < k:
                mi += 1
            if mi == len(marked):
                break
            if marked[mi] != k:
                k = marked[mi]
                carry = ""
                run_in = None
                joined_in = False
        L = lines[k]
        Ls = stripped[k]
        if not Ls:
            k += 1
            carry = ""
            run_in = None
            joined_in = False
            continue
        run = None if not by_output else len(Ls) if run_in is None else run_in
        run_in = None
        joined, joined_in = joined_in, False
        # find the next line; collect blank lines in between
        m = k + 1
        if not stripped[m]:
            m += 1
            while m < n and not stripped[m]:
                m += 1
        line_core_end = starts[k] + (len(L) if L[-1] not in LAYOUT_SPACE else len(L.rstrip(LAYOUT_SPACE)))
        if m >= n:
            # trailing blank lines / final newline: normalise to one "\n"
            if wrapped:
                _keep_breaks(text, line_core_end, len(text), "\n", edits)
            elif has_cr:
                _norm_breaks(text, brk, k, n - 1, edits)
            break
        M = lines[m]
        Ms = stripped[m]
        next_core = starts[m] if M[0] not in LAYOUT_SPACE else starts[m] + len(M) - len(M.lstrip(LAYOUT_SPACE))
        if m > k + 1:
            # (``ға-⏎⏎\x0cна``: a page end after the column's blank line is one more break)
            pf = wrapped and prior_join is False and Ls[-1].isalpha()  # ``қысы⏎⏎мы``: only a known join
            hy = len(Ls) >= 2 and Ls[-1] in _HYPHENS and Ls[-2].isalpha()
            if (m == k + 2 or m == k + 3 and "\x0c" in text[line_core_end:next_core]) and (Ms[0].islower() and (
                    hy or (prior_join or col_ends) and Ls[-1].isalpha() or pf) or m == k + 2 and wrapped
                    and prior_join is False and hy and Ms[0].isupper() and Ms[1:2].islower()):  # ``Франк-⏎⏎Вальтер``
                # ``жалға-⏎⏎сады.``: pdftotext ends a column or page with a blank line; no paragraph
                # ends in ``-`` or starts in lower case
                wk = wrapped or (block_wrapped is not None and block_wrapped[k] and block_wrapped[m])
                ev.last = None
                ev.why = ""
                nk = narrow is not None and (narrow[k] or narrow[m])
                d = None if pf else _decide_break(at(starts[k]), L, Ls, M, Ms, wk, width[k],
                                                  True if nk else prior_join, auto, carry, nk, run)
                if joined and short_after_join is not None and ev.why in _SHORT_LINE_RULES:
                    short_after_join.append(k)
                if (col_ends and not wk or pf) and d is None and Ls[-1].isalpha() and column_end_join(
                        at(starts[k]), Ls, Ms):
                    ev.why = "column_end"
                    d = (0, "")
                if d is not None and d[1] == "":
                    if trace is not None:
                        _record(trace, ev, line_core_end - d[0], next_core, Ls, Ms, d)
                    edits.append((line_core_end - d[0], next_core, ""))
                    carry = glued_word(Ls, d[0], carry)
                    run_in = None if run is None else run - d[0] + len(Ms)
                    joined_in = True
                    k = m
                    continue
            # blank line(s): a paragraph break
            if trace is not None and wrapped:
                trace.append((line_core_end, next_core, "line_break", _last_token(Ls), _first_token(Ms),
                              "keep", "blank_line", None))
            if wrapped:
                _keep_breaks(text, line_core_end, next_core, "\n\n", edits)
            elif has_cr:
                _norm_breaks(text, brk, k, m, edits)
            k = m
            carry = ""
            continue
        wk = wrapped or (block_wrapped is not None and block_wrapped[k] and block_wrapped[m])
        if not wk and Ls[-1] not in _LINE_END_MARKS and not ends_range_dash(Ls):
            d = None  # unwrapped: only a line-end (soft) hyphen is judged
        else:
            nk = narrow is not None and narrow[k]
            ev.last = None
            ev.why = ""
            tk = trail is not None and wk and trail[k]  # (its lines broke at spaces: prose, however narrow)
            d = _decide_break(at(starts[k]), L, Ls, M, Ms, wk, width[k], True if nk else prior_join, auto, carry,
                              nk or tk, run, words.get(k) if words else None)
            if tk and (t := spacing_break(L, Ls, Ms, width[k], d)):
                d, ev.last, ev.why = t  # the spacing overrules a join, or joins a dash cut from its word
            if joined and short_after_join is not None and ev.why in _SHORT_LINE_RULES:
                short_after_join.append(k)
            if trace is not None:
                _record(trace, ev, line_core_end - (d[0] if d else 0), next_core, Ls, Ms, d)
        if d is None:
            carry = ""
            if wrapped:
                _keep_breaks(text, line_core_end, next_core, "\n", edits)
            elif has_cr:
                _norm_breaks(text, brk, k, k + 1, edits)
        else:
            cut, repl = d  # cut: characters before the core end in the break
            if repl:
                carry = ""
            elif ev.why == "line_break":  # joined by the word rules: the left piece they judged
                carry = ev.last_args[0]
            else:
                carry = glued_word(Ls, cut, carry)
            joined_in = "\n" not in repl
            if run is not None and joined_in:
                run_in = run - cut + len(repl) + len(Ms)
            edits.append((line_core_end - cut, next_core if (wrapped or repl != "\n") else brk[k][1], repl))
        k = m
    if wrapped and n > 0 and stripped[0] and lines[0][:1] in " \t":
        edits.append((0, len(lines[0]) - len(lines[0].lstrip(LAYOUT_SPACE)), ""))
    elif wrapped and n > 0 and not stripped[0]:
        m = 0
        while m < n and not stripped[m]:
            m += 1
        if m < n:
            edits.append((0, starts[m] + len(lines[m]) - len(lines[m].lstrip(LAYOUT_SPACE)), ""))
    if has_soft:
        # soft hyphens vanish everywhere, also where no rule above looked (``1\t\xad⏎``);
        # one covered by another edit is dropped by _merge
        edits.extend((m.start(), m.end(), "") for m in re.finditer(SOFT, text))
    edits.sort(key=_START_END)
    return _merge(edits)


def _range_break(text: str) -> bool:
    """``1096–⏎1166``: a range's en dash glued to a number at a line end, a digit after the break."""
    return "\u2013" in text and any(text[m.start() - 1:m.start()].isdigit() for m in _RANGE_BREAK.finditer(text))


def _norm_breaks(text: str, brk: list[tuple[int, int]], k0: int, k1: int, edits: list[tuple[int, int, str]]) -> None:
    """Breaks ``k0 .. k1 - 1`` kept as they are, but ``\\r\\n`` and ``\\r`` written ``\\n``."""
    for k in range(k0, min(k1, len(brk))):
        s, e = brk[k]
        if text[s] == "\r":
            edits.append((s, e, "\n"))


def _keep_breaks(text: str, s: int, e: int, plain: str, edits: list[tuple[int, int, str]]) -> None:
    """A kept break region of wrapped text (spaces and tabs go): ``plain`` if its breaks are all
    ``\\n``, ``\\r\\n``, ``\\r``, else as written (``\\r`` as ``\\n``): U+2029, a form feed carry meaning."""
    region = text[s:e]
    if region != plain and _OTHER_BREAK.search(region) and region.strip("\r\n \t"):  # (mostly one ``\n``)
        repl = "".join("\n" if b[0] == "\r" else b for b in LINE_BREAK.findall(region))
    else:
        repl = plain
    if region != repl:  # no identity edits
        edits.append((s, e, repl))


def _merge(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop edits overlapping an earlier one (a soft hyphen inside a break region)."""
    out: list[tuple[int, int, str]] = []
    for e in edits:
        if out and e[0] < out[-1][1]:
            p = out[-1]
            if e[1] <= p[1]:
                continue
            # overlap: keep the earlier edit, cut this one
            e = (p[1], e[1], e[2])
        if e[0] == e[1] and not e[2]:
            continue
        out.append(e)
    return out


def _first_token(s: str) -> str:
    t = s.split(None, 1)
    return t[0] if t else ""


def _last_token(s: str) -> str:
    t = s.rsplit(None, 1)
    return t[-1] if t else ""


def _record(trace: list, ev: Evidence, start: int, end: int, Ls: str, Ms: str, d: tuple[int, str] | None) -> None:
    """One trace record of a break: region, the words either side, action (``join``, ``hyphen``,
    ``space``, ``keep``) and rule (the word-level verdict's, if one was asked)."""
    core = Ls.rstrip(SOFT)
    if d is None:
        action = "keep"
    elif d[1] == " ":
        action = "space"
    elif d[1] == "-":
        action = "hyphen"
    elif d[0] == 0 and core[-1:] in _HYPHENS:
        action = "hyphen"
    else:
        action = "join"
    v = ev.last if ev.why in ("line_end_hyphen", "line_break") else None
    kind = "line_end_hyphen" if core[-1:] in _HYPHENS else "soft_hyphen" if core != Ls else "line_break"
    left, right = (ev.last_args[0], ev.last_args[1]) if v else (_last_token(Ls), _first_token(Ms))
    trace.append((start, end, kind, left, right, action, v.rule if v else ev.why, v))
