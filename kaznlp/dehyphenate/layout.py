from __future__ import annotations

from collections.abc import Iterator

from .chars import _CLOSERS, _HEAD_WORD, _HYPHENS, SOFT, _head, _layout_strip, _tail_word
from .evidence import Evidence
from .learned import READS_AFTER, _decide_plain
from .morph import norm
from .rules_line import _decide_line_hyphen


def _wrapped_blocks(lines: list[str], stripped: list[str] | None = None) -> list[bool] | None:
    """Per line: in a wrapped prose block (median line 40+ characters, no dot leaders, :func:`_is_wrapped`
    together)? None if none is."""
    n = len(lines)
    cand: list[tuple[int, int]] = []
    if stripped is None:
        stripped = [_layout_strip(x) for x in lines]
    for i, j in line_blocks(stripped):
        if j - i >= 2 and (i > 0 or j < n):
            block = stripped[i:j]
            lens = sorted(len(x) for x in block)
            if lens[len(lens) // 2] >= 40 and sum("...." in x for x in block) * 3 < len(block):
                cand.append((i, j))
    if not cand:
        return None
    joined: list[str] = []
    for i, j in cand:
        joined.extend(lines[i:j])
        joined.append("")
    if not _is_wrapped(joined):
        return None
    out = [False] * n
    for i, j in cand:
        for k in range(i, j):
            out[k] = True
    return out


class _Width(int):
    """A block width; ``fill``: the longest of the nine lines around a one-token line (cut_at_column_edge)."""

    fill: int


# The narrowest column of wrapped prose (newspaper columns run 25-40 characters a line)
MIN_WRAP_WIDTH = 12
PRIOR_PCT = 33  # the prior's joins per 100 whole-word breaks (docs/dehyphenate.md)


def line_blocks(stripped: list[str]) -> Iterator[tuple[int, int]]:
    """``(first, end)`` of each run of non-blank lines (*stripped*: lines with their spaces removed).

    >>> list(line_blocks(["Ол", "келді.", "", "Біз"]))
    [(0, 2), (3, 4)]
    """
    n = len(stripped)
    i = 0
    while i < n:
        if not stripped[i]:
            i += 1
            continue
        j = i
        while j < n and stripped[j]:
            j += 1
        yield i, j
        i = j


def _break_vote(ev: "Evidence", line: str, nxt: str, pos: int, words: dict | None = None, k: int = 0) -> int:
    """+1 when the bare break between *line* and *nxt* (at *pos*) can only continue a word
    (``медальда⏎рымен``), -1 when both sides are clearly whole words, 0 otherwise. ``words``: receives
    at ``k`` the tail word of *line* and the head-word match of *nxt*, for the decision of the break."""
    if not line[-1].isalpha():
        return 0
    tw = _tail_word(line)
    hw = _HEAD_WORD.match(nxt)
    if words is not None:
        words[k] = (tw, hw)
    if not tw or not hw or not tw[0].isalpha():
        return 0
    al, bl = norm(tw), norm(_head(hw))
    ev.at(pos)
    js, sp = ev.join_score(al, bl), ev.sep_score(al, bl)
    if js >= 2 and sp == 0:
        return 1
    if sp >= 2 and js == 0:
        return -1
    return 0


def _settled(sj: int, ss: int, left: int, need: int, pct: int = 12) -> bool | None:
    """The vote ``sj >= need and sj * 100 >= ss * pct`` (joins against whole words) once ``left``
    more breaks vote: True or False when no way they vote can change it, else None."""
    if sj >= need and sj * 100 >= (ss + left) * pct:
        return True
    if sj + left < need or (sj + left) * 100 < ss * pct:
        return False
    return None


def _narrow_prose(ev: "Evidence", stripped: list[str], starts: list[int], width: list[int],
                  votes: dict[int, int] | None = None, blocks: list[tuple[int, int]] | None = None,
                  prior: bool | None = None, words: dict | None = None) -> list[bool] | None:
    """Per line: in a narrow block (lines under 25 characters) of prose that lost its hyphens? None if
    none is. By its votes, the pooled votes, or (``prior`` True) cut at both ends (docs/dehyphenate.md)."""
    n = len(stripped)
    out: list[bool] | None = None
    if blocks is None:
        blocks = list(line_blocks(stripped))
    weak: list[tuple[int, int]] = []
    pj = ps = 0  # pooled votes
    for b, (i, j) in enumerate(blocks):
        if width[i] < 25 and j - i >= 3:
            lower = [k for k in range(i, j - 1) if stripped[k + 1][0].islower()]
            if len(lower) * 2 < j - i - 1:
                continue  # most breaks start a line in capitals: not prose, no vote needed
            sj = ss = 0
            cut = prior and 0 < b < len(blocks) - 1 and _runs_on(stripped, i, j)
            for m, k in enumerate(lower):
                vote = votes.get(k) if votes is not None else None
                if vote is None:
                    vote = _break_vote(ev, stripped[k], stripped[k + 1], starts[k], words, k)
                sj += vote > 0
                ss += vote < 0
                left = len(lower) - m - 1
                strong = _settled(sj, ss, left, 3, PRIOR_PCT) if j - i >= 6 else False
                if cut and not _rejects(sj + left, ss):
                    if strong or sj * 100 >= (ss + left) * PRIOR_PCT:
                        break
                    continue
                if strong or strong is False and _settled(sj, ss, left, 1, 101) is False:
                    break  # the votes left cannot change the answer
            pj += sj
            ps += ss
            if j - i >= 6 and _settled(sj, ss, 0, 3, PRIOR_PCT) or cut and not _rejects(sj, ss) and not _items(stripped, i, j):
                if out is None:
                    out = [False] * n
                for k in range(i, j):
                    out[k] = True
            elif _settled(sj, ss, 0, 1, 101) and not _items(stripped, i, j):
                weak.append((i, j))
    if weak and _settled(pj, ps, 0, 3, PRIOR_PCT):
        if out is None:
            out = [False] * n
        for i, j in weak:
            for k in range(i, j):
                out[k] = True
    if out is not None:
        # a short narrow block whose every break continues in lower case: the same prose
        for i, j in blocks:
            if width[i] < 25 and 2 <= j - i < 6 and all(stripped[k + 1][0].islower() for k in range(i, j - 1)):
                for k in range(i, j):
                    out[k] = True
    return out


def _items(stripped: list[str], i: int, j: int) -> bool:
    """List or verse items (``* x``, ``:Қара``)?"""
    return any(t[0] in "*\u2022" or t[0] == ":" and len(t) > 1 for ln in stripped[i:j] for t in ln.split())


def _rejects(sj: int, ss: int) -> bool:
    return ss >= 2 and sj * 100 < ss * PRIOR_PCT


def _runs_on(stripped: list[str], i: int, j: int) -> bool:
    """Cut from its column at both ends: opens in lower case, ends in no ``.!?…`` (page numbers left out)?"""
    a = i + 1 if stripped[i].isdigit() and j - i > 1 else i
    z = j - 2 if stripped[j - 1].isdigit() and j - i > 1 else j - 1
    return stripped[a][0].islower() and stripped[z].rstrip(_CLOSERS)[-1:] not in ".!?…"


def _is_wrapped(lines: list[str], stripped: list[str] | None = None) -> bool:
    """Does the text look line-wrapped (lines end mid-sentence, at a steady width)? ``"52 рет\\nкөрсетілді"``
    is no evidence."""
    ev_lens: list[int] = []
    internal = 0
    hyph = 0
    lengths: list[int] = []
    prev = ""
    for cur in stripped if stripped is not None else map(_layout_strip, lines):
        if cur and cur[0] == SOFT:
            cur = cur.lstrip(SOFT)  # a soft hyphen opening a line vanishes: look past it
        if cur:
            lengths.append(len(cur))
        if prev and cur:
            internal += 1
            last = prev[-1]
            first = cur[0]
            if first.islower() or (first.isdigit() and last != "."):
                if first.islower() and (last == SOFT or (last in _HYPHENS and prev[:-1].rstrip(SOFT)[-1:].isalpha())):
                    hyph += 1
                    ev_lens.append(len(prev))
                elif last.isalpha() or last in ",":
                    ev_lens.append(len(prev))
        prev = cur
    if hyph >= 1 and hyph * 4 >= internal:
        return True
    if len(ev_lens) < 3 or len(ev_lens) * 10 < internal * 3:
        return False
    lengths.sort()
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    ev_lens.sort()
    med = ev_lens[len(ev_lens) // 2]
    if med < MIN_WRAP_WIDTH:
        return False  # "а⏎а⏎а…", word lists, table cells: no print column is this narrow
    return med >= 0.6 * p90 or med >= 25 and med <= 200 and len(ev_lens) * 2 >= internal


def _document_layout(ev: Evidence, lines: list[str], starts: list[int], wrapped: bool,
                     block_wrapped: list[bool] | None, reflow: object, stripped: list[str] | None = None,
                     words: dict | None = None) -> tuple[list[str], list[int], bool | None, list[bool] | None]:
    """The stripped lines, each line's block width, the prior (``prior_join``: True, the text loses
    its line-end hyphens, seed 004; None, it marks them; False, it never breaks words, pdftotext) and
    the narrow prose blocks. Sets ``ev.sparse``. ``words``: receives the words the votes read, by line
    (see :func:`_break_vote`)."""
    n = len(lines)
    if stripped is None:
        stripped = [_layout_strip(ln) for ln in lines]
    blocks = list(line_blocks(stripped))  # read once, shared with _narrow_prose
    # local width: the longest line of each block of non-blank lines
    width = [0] * n
    lens = [len(s) for s in stripped]
    lens_all = sorted(x for x in lens if x)
    doc_w = lens_all[int(0.9 * (len(lens_all) - 1))] if lens_all else 0
    for i, j in blocks:
        bw = max(len(stripped[k].rstrip(SOFT)) if stripped[k][-1] == SOFT else lens[k] for k in range(i, j))
        if j - i < 3:
            bw = max(bw, doc_w)
        width[i:j] = [bw] * (j - i)

    # prior: does this document lose its line-end hyphens (seed 004) or not (pdftotext)?
    prior_join: bool | None = False
    # line ends marking a word break (soft hyphens, ``жетіс-⏎тіктерді``), inner breaks, votes
    explicit = internal = 0
    lower: list[int] = []
    hyphen_end = False
    any_wrap = wrapped or bool(block_wrapped)
    marks = _HYPHENS + SOFT
    for k in range(n - 1 if any_wrap else 0):
        L, M = stripped[k], stripped[k + 1]
        if not L:
            continue
        if L[-1] in marks and len(L) >= 2:
            if L[-1] in _HYPHENS and L[-2].isalpha():
                hyphen_end = True
            if M and M[0].islower() and L[:-1].rstrip(SOFT)[-1:].isalpha():
                if L[-1] == SOFT:
                    explicit += 1
                else:
                    tw = _tail_word(L, len(L) - 1)
                    hw = _HEAD_WORD.match(M)
                    if tw and hw and _decide_line_hyphen(ev.at(starts[k]), tw, _head(hw)).decision == "join":
                        explicit += 1
        if M:
            internal += 1
            if M[0].islower():
                lower.append(k)
    ev.sparse = any_wrap and (explicit < 2 or explicit * 20 < internal)  # no hyphenation: hyphens are real
    if wrapped and explicit >= 2 and explicit * 10 >= internal:
        prior_join = None  # this text marks its word breaks: a bare line break is a space
    votes: dict[int, int] = {}
    if wrapped and prior_join is not None:
        sj = ss = 0
        for m, k in enumerate(lower):
            vote = votes[k] = _break_vote(ev, stripped[k], stripped[k + 1], starts[k], words, k)
            sj += vote > 0
            ss += vote < 0
            if _settled(sj, ss, len(lower) - m - 1, 2, PRIOR_PCT) is not None:
                break  # the votes left cannot change the prior
        prior_join = bool(_settled(sj, ss, 0, 2, PRIOR_PCT))
        if prior_join:
            ev.sparse = True  # the text loses its break hyphens (seed 004): the hyphens left are real
    if prior_join is False and any_wrap:  # one-token lines before lower case: their neighbours
        for i, j in blocks:
            for k in [k for k in range(i, j - 1) if " " not in stripped[k] and stripped[k + 1][0].islower()]:
                w = width[k] = _Width(width[k])
                w.fill = max(lens[max(i, k - 4):k + 5 if k + 5 < j else j])
    narrow = (_narrow_prose(ev, stripped, starts, width, votes, blocks, prior_join, words)
              if reflow == "auto" and prior_join is not None and any_wrap else None)
    # no line-end hyphen after a letter: real ones lost (2, 40+ breaks: shape rules)
    ev.hyphens_lost = ((bool(prior_join) or narrow is not None) and not hyphen_end and not (
        n and len(stripped[-1]) >= 2 and stripped[-1][-1] in _HYPHENS and stripped[-1][-2].isalpha())) * (
        1 + (internal >= 40))
    return stripped, width, prior_join, narrow


def short_block_join(ev: Evidence, Ms: str, core: str) -> bool:
    """In a block of short lines not read as prose, in text that loses its hyphens: do the word rules
    join the break (``мәр⏎тебесі``; not the learned layer over two known pieces or at ``X⏎мен``, the
    conjunction or the instrumental; not after a Latin word)? Round 19."""
    tw, hw = _tail_word(core), _HEAD_WORD.match(Ms)
    if not tw or hw is None or tw.isascii():
        return False
    b = _head(hw)
    v = _decide_plain(ev, tw, b, True, Ms[hw.end():hw.end() + 40] if norm(b) in READS_AFTER else "")
    return v.decision == "join" and v.rule != "learned:pieces_known" and not (
        v.rule[:8] == "learned:" and norm(b) in ("мен", "бен", "пен"))
