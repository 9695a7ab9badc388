"""The letter step of one pass: :func:`_step_letters` walks the candidate words of the text (scanning
again only around its own edits) and collects the edits and suspects of every word-level rule
(:mod:`._script`, :mod:`._lookalike_words`, :mod:`._sister`).
"""

from __future__ import annotations

import re
from functools import partial

from ._lexicon import _doc_forms
from ._lookalike_words import _WORD_CONTEXT_RE, _IWords, _latin_word_plan, _twin_only
from ._script import (
    _CONTEXT, _CYR_SUBST_RE, _HAS_CYR, _INITIAL_STANDINS, _LETTER_CANDIDATE, _NOTE_INITIAL, _PLAIN_NEIGHBOUR,
    _initial_before_cyrillic, _kazakh_around, _word_plan,
)
from ._sister import _Hits, _sister_plan
from ._tables import _LETTER_MAP, _Memo, _SISTER_RE, _is_mark, _is_wordchar


def _ranges(chars: str) -> str:
    """A regex class body for ``chars`` (sorted, as ranges)."""
    out, cps = [], sorted(map(ord, chars))
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(re.escape(chr(cps[i])) + ("-" + re.escape(chr(cps[j])) if j > i else ""))
        i = j + 1
    return "".join(out)


# the letters and marks (_is_wordchar) below U+0530: a candidate is widened to its word by regex over these
_WORD_LOW = _ranges("".join(c for c in map(chr, range(0x530)) if _is_wordchar(c)))
_WORD_LOW_RUN = re.compile(f"[{_WORD_LOW}]*")
_TO_LAST_NOT_WORD = re.compile(f".*[^{_WORD_LOW}]", re.S)
_WIDEN_BACK = 64


# the key of the letter step's last scan in the memo of one normalize call (no word is a tuple)
_SCAN_KEY = ("letter candidates",)
# a window reaches back at most this far for the start of its piece of text; further, the text is scanned again
_WINDOW_BACK = 256
# edits this close to the last window widen it (a window less to find and to scan)
_WINDOW_GAP = 200
# from a position to the end of the last plain character before the end; a run of characters that are not plain
_TO_LAST_PLAIN = re.compile(f".*[{_PLAIN_NEIGHBOUR}]", re.S)
_NOT_PLAIN = re.compile(f"[^{_PLAIN_NEIGHBOUR}]*")


def _not_plain_end(text: str, i: int) -> int:
    """The end of the run of characters that are not plain from ``i``."""
    m = _NOT_PLAIN.match(text, i)
    return m.end() if m is not None else i


def _candidate_spans(text: str, plans: _Memo) -> list[tuple[int, int]]:
    """The spans of :data:`_LETTER_CANDIDATE` in ``text``. The letter step is asked again on the
    text its own edits made (a second round within a pass, and the check that a repaired text is
    final): such a text differs from the one scanned last only at the edited letters, so only the
    pieces around them (bounded by plain characters: spaces, digits, ASCII punctuation, see
    ``_PLAIN_NEIGHBOUR``) are scanned again. A candidate is a run of trigger letters and depends on
    its run and the character either side only, so the spans are those of a full scan."""
    last = plans.get(_SCAN_KEY)
    if last is not None:
        spans = _spans_after_edits(text, *last)
        if spans is not None:
            return spans
    return [m.span() for m in _LETTER_CANDIDATE.finditer(text)]


def _spans_after_edits(text: str, before: str, edits: list[tuple[int, int, str, str, str]],
                       spans: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The candidate spans of ``text`` when it is ``before`` (whose spans are ``spans``) with the
    one-letter ``edits`` made, else None."""
    n = len(text)
    if n != len(before):
        return None
    if not edits:
        return spans if text == before else None
    letters = sorted([(s, repl) for s, e, repl, _, _ in edits if e - s == 1 and len(repl) == 1])
    pieces: list[str] = []
    prev = 0
    for s, repl in letters:
        if s < prev:
            return None           # two edits of one letter
        pieces += (before[prev:s], repl)
        prev = s + 1
    pieces.append(before[prev:])
    if len(letters) != len(edits) or "".join(pieces) != text:
        return None
    changed = [s for s, _ in letters]
    windows: list[list[int]] = []
    for p in changed:
        if windows and p < windows[-1][1] + _WINDOW_GAP:    # near the last piece: one window (scanning is cheap)
            if p >= windows[-1][1]:
                windows[-1][1] = _not_plain_end(text, p + 1)
            continue
        lo = max(0, p - _WINDOW_BACK)
        m = _TO_LAST_PLAIN.match(text, lo, p)
        if m is not None:
            a = m.end()
        elif lo:
            return None
        else:
            a = 0
        b = _not_plain_end(text, p + 1)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    out: list[tuple[int, int]] = []
    i, k = 0, len(spans)
    for a, b in windows:
        while i < k and spans[i][0] < a:
            out.append(spans[i])
            i += 1
        while i < k and spans[i][0] < b:
            i += 1
        out += [m.span() for m in _LETTER_CANDIDATE.finditer(text, a, b)]
    out += spans[i:]
    return out


def _step_letters(text: str, homoglyphs: bool, kazakh_letters: bool, plans: _Memo | None = None
                  ) -> tuple[list[tuple[int, int, str, str, str]], list[tuple[int, int, str]]]:
    """Letter edits and suspects of one pass. ``plans`` keeps :func:`_word_plan`'s answer per word
    (and per answer of the Kazakh-context question, when the word asked it) across the calls of one
    :func:`normalize`: crawled news repeats its damaged words (``мемлекеттiк``) hundreds of times."""
    if plans is None:
        plans = {}
    edits: list[tuple[int, int, str, str, str]] = []
    suspects: list[tuple[int, int, str]] = []
    n = len(text)
    last_end = -1
    hits: _Memo = {}

    def kazakh_context(s: int, e: int, memo: list[bool]) -> bool:
        # Kazakh (or Ukrainian/Belarusian) letters in the word or within _CONTEXT characters
        # either side. Asked once per piece of a word cut around foreign runs, so the answer
        # is kept: a 1 MB "жiжzжiжz..." is one word of 250,000 pieces (quadratic otherwise).
        if not memo:
            memo.append(_kazakh_around(text, s, e))
        return memo[0]

    spans = _candidate_spans(text, plans)          # _LETTER_TRIGGER runs less plain Latin words
    for s, e in spans:
        if s < last_end:
            continue  # same word as the previous trigger
        run = text[s:e]
        # _is_wordchar inlined (no combining mark lies below U+0300)
        if not ((s and ((c := text[s - 1]).isalpha() or (c > "\u02ff" and _is_mark(c))))
                or (e < n and ((c := text[e]).isalpha() or (c > "\u02ff" and _is_mark(c))))
                or (not run.isascii() and _CYR_SUBST_RE.search(run))):
            # a whole Latin/Greek word: touched only when it is a Kazakh word typed in Latin
            # look-alikes, in Kazakh text ("ecki үйде" → "ескі үйде"); never "CEO", "Cape Town"
            if kazakh_letters and run in _INITIAL_STANDINS and _initial_before_cyrillic(text, e):
                edits.append((s, e, _LETTER_MAP[run], "kazakh_letter", _NOTE_INITIAL))
                continue
            if homoglyphs and run.isascii() and _twin_only(run):
                if _WORD_CONTEXT_RE not in hits:
                    hits[_WORD_CONTEXT_RE] = _Hits(text, _WORD_CONTEXT_RE)
                ctx = hits[_WORD_CONTEXT_RE]
                if _IWords not in hits:
                    hits[_IWords] = _IWords(text)
                iw = hits[_IWords]

                def word_context(s: int = s, e: int = e, ctx: _Hits = ctx, iw: _IWords = iw) -> bool:
                    return (ctx.any(max(0, s - _CONTEXT), min(n, e + _CONTEXT))
                            or iw.any(max(0, s - _CONTEXT), s) or iw.any(e, min(n, e + _CONTEXT)))

                plan, note = _latin_word_plan(text, s, e, word_context, lambda: _doc_forms(text, hits))
                if note:
                    suspects.append((s, e, note))
                for i, repl, kind in plan:
                    if kind == "homoglyph" or kazakh_letters:
                        edits.append((s + i, s + i + 1, repl, kind, "Latin look-alike word"))
            continue
        memo: list[bool] = []

        # widen to the word: the regexes take the letters and marks below U+0530, the loops the rest
        if s and (w := _TO_LAST_NOT_WORD.match(text, max(0, s - _WIDEN_BACK), s)) is not None:
            s = w.end()
        elif s:
            s = max(0, s - _WIDEN_BACK)
        while s > 0 and (text[s - 1].isalpha() or (text[s - 1] > "\u02ff" and _is_mark(text[s - 1]))):
            s -= 1
        if s < last_end:
            continue  # same word as the previous trigger
        e = w.end() if (w := _WORD_LOW_RUN.match(text, e)) is not None else e
        while e < n and (text[e].isalpha() or (text[e] > "\u02ff" and _is_mark(text[e]))):
            e += 1
        last_end = e
        word = text[s:e]
        if _HAS_CYR.search(word) is None:
            continue
        memo.clear()
        # _word_plan depends on the word and, when it asks, on the Kazakh-context answer only
        got = plans.get(word)
        if got is None:
            plan, note = _word_plan(word, partial(kazakh_context, s, e, memo), homoglyphs, kazakh_letters)
            plans[word] = (plan, note) if not memo else {memo[0]: (plan, note)}
        elif isinstance(got, tuple):
            plan, note = got
        else:
            ctx_value = kazakh_context(s, e, memo)
            if ctx_value in got:
                plan, note = got[ctx_value]
            else:
                plan, note = got[ctx_value] = _word_plan(word, partial(kazakh_context, s, e, memo),
                                                         homoglyphs, kazakh_letters)
        if kazakh_letters and not word.isascii() and _SISTER_RE.search(word):
            fixed = list(word)
            for i, repl, _ in plan:
                fixed[i] = repl
            sis, sis_note = _sister_plan(text, s, e, "".join(fixed), hits)
            done = {i for i, _, _ in plan}
            plan = sorted(plan + [x for x in sis if x[0] not in done])
            note = note or sis_note
        if note:
            suspects.append((s, e, note))
        for i, repl, kind in plan:
            edits.append((s + i, s + i + 1, repl, kind, ""))
    plans[_SCAN_KEY] = (text, edits, spans)
    return edits, suspects
