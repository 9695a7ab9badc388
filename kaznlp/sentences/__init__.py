r"""Rule-based Kazakh sentence splitter; every rule, with its Kazakh example and why it is general, is in
docs/sentences.md.

A stop before a sentence start ends a sentence unless the word before it never ends one (``млн.``, ``ж.``,
initials: ``data/abbreviations.tsv``); a line break (:mod:`kaznlp.linebreaks`) ends one after a blank line
or a headline, not where print wraps a sentence. One module per job (:mod:`._marks`, :mod:`._structure`,
:mod:`._lines`, :mod:`._stamps`, :mod:`._joins`, :mod:`._scoring`, :mod:`._crawl`); this one reads the
text once per rule and joins their cuts.

>>> [s.text for s in split_sentences("А.А. Мерғалиев сөз сөйледі. Ол 2,5 млн. теңге туралы айтты.")]
['А.А. Мерғалиев сөз сөйледі.', 'Ол 2,5 млн. теңге туралы айтты.']
"""

from __future__ import annotations

from .._gc import MIN_CHARS as PAUSE_MIN_CHARS
from .._gc import paused
from .._validate import check_text
from ..spans import Span
from ..lang.tokens import TOKEN_PATTERN
from ._crawl import CRAWL_MIN_FOUND as CRAWL_MIN_FOUND
from ._crawl import CRAWL_MISS_RATIO as CRAWL_MISS_RATIO
from ._crawl import _CAP_JOIN as _CAP_JOIN
from ._crawl import _crawl_line_cuts
from ._joins import HEADLINE_MIN_TEXT, _address_starts, _Head, _headline_at_start, _stopless_boundaries
from ._joins import _lost_stop_before_opener as _lost_stop_before_opener
from ._lines import CRAWL_CAP_WINDOW as CRAWL_CAP_WINDOW
from ._lines import PARAGRAPH_MIN_LINES as PARAGRAPH_MIN_LINES
from ._lines import PARAGRAPH_MIN_STARTS as PARAGRAPH_MIN_STARTS
from ._lines import PARAGRAPH_RATIO as PARAGRAPH_RATIO
from ._lines import PARAGRAPH_SAMPLE_LINES as PARAGRAPH_SAMPLE_LINES
from ._lines import SPACE_RUN_SAMPLE as SPACE_RUN_SAMPLE
from ._lines import WRAP_MAX_CHARS as WRAP_MAX_CHARS
from ._lines import WRAP_MIN_CHARS as WRAP_MIN_CHARS
from ._lines import WRAP_RATIO as WRAP_RATIO
from ._lines import CRAWL_LINE_CAP, _block_end_boundaries, _line_boundaries, _space_run_boundaries, _space_runs_break
from ._marks import ENUMERATION_WINDOW as ENUMERATION_WINDOW
from ._marks import _AS_NEWLINE, _OTHER_BREAKS, _punctuation_boundaries
from ._scoring import JOIN_MIN_SCORE as JOIN_MIN_SCORE
from ._scoring import QUOTE_REACH as QUOTE_REACH
from ._scoring import _JOIN_END as _JOIN_END
from ._scoring import _JOIN_OPEN as _JOIN_OPEN
from ._scoring import _end_score as _end_score
from ._scoring import _join_score as _join_score
from ._scoring import _lower_word_before as _lower_word_before
from ._scoring import _unstopped_joins as _unstopped_joins
from ._stamps import (_agency_datelines, _before_bare_date, _caps_heading_ends, _headline_before_date, _headline_before_tag_end,
                      _numeric_date_stamps)
from ._stamps import _month_possessives as _month_possessives
from ._structure import LIST_ITEM_MAX_CHARS as LIST_ITEM_MAX_CHARS
from ._structure import (_COLON_BEFORE_FIRST_ITEM, _GLUED_ANY, _brackets, _closers, _drop_inside,
                         _glued_boundaries, _reported_speech, _semicolon_lists)

__all__ = ["split_sentences"]


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentences; spans point into ``text`` and carry no outer white space.

    >>> [s.text for s in split_sentences("«Келемін!» – деді ол. Бұл туралы жазады Egemen.kz. Кездесу аяқталды.")]
    ['«Келемін!» – деді ол.', 'Бұл туралы жазады Egemen.kz.', 'Кездесу аяқталды.']
    """
    check_text(text, "split_sentences")
    if not text:
        return []
    if len(text) < PAUSE_MIN_CHARS:  # too few records for the collector to matter: no context manager
        return _split(text)
    with paused(len(text)):
        return _split(text)


def _scan_text(text: str) -> str:
    r"""``text`` with every line break (:mod:`kaznlp.linebreaks`) read as ``"\n"``, same length.

    ``\r\n`` becomes ``" \n"`` (one break); ``\r``, ``\x0b``, ``\x0c``, ``\x1c``-``\x1e``,
    ``\x85``, ``\u2028`` and ``\u2029`` become ``"\n"``, so the rules below, written for
    ``"\n"``, see the same breaks as normalize and dehyphenate. Offsets hold.
    """
    for ch in _OTHER_BREAKS:  # a fast search per character (a regex class is ten times slower, even on short text)
        if ch in text:
            return text.replace("\r\n", " \n").translate(_AS_NEWLINE)
    return text


# Invisible characters of the token pattern's words (the tokenizer leaves them out at a word's start).
_W_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _outside_tokens(text: str, cuts: list[int]) -> list[int]:
    """``cuts`` without those that fall inside a token :func:`kaznlp.tokenize` keeps whole.

    A cut with no space on either side (``…жазады Egemen.Kz сайты``, ``аа.Kz``) is checked
    against the tokenizer's own pattern (:data:`kaznlp.lang.tokens.TOKEN_PATTERN`): a domain with
    a capitalised TLD (``Egemen.Kz``), an e-mail, a URL, an abbreviation chain (``ә.б.``) or a
    number (``08.10.2015``) is one token, so no sentence may end inside it, and every token of
    ``process`` lies in one sentence. The white-space-delimited chunk around the cut is scanned
    once (a chunk holding several cuts is not rescanned: linear time).
    """
    out = []
    chunk_end = -1
    starts: set[int] = set()
    n = len(text)
    for cut in sorted(cuts):
        if cut <= 0 or cut >= n or text[cut - 1].isspace() or text[cut].isspace():
            out.append(cut)
            continue
        if cut >= chunk_end:
            a = cut - 1
            while a > 0 and not text[a - 1].isspace():
                a -= 1
            chunk_end = cut
            while chunk_end < n and not text[chunk_end].isspace():
                chunk_end += 1
            starts = {m.start() + len(g) - len(g.lstrip(_W_INVISIBLE))
                      for m in TOKEN_PATTERN.finditer(text, a, chunk_end) for g in (m.group(),)}
        if cut in starts:
            out.append(cut)
    return out


def _split(text: str) -> list[Span]:
    scan = _scan_text(text)
    starts: list[int] = []
    held: list[int] = []
    runs = _space_runs_break(scan)
    dots: list[int] = []  # (cuts after glued periods)
    punct = _punctuation_boundaries(scan, starts, runs, held, dots)
    # (a dash alone is searched first: one character is found several times faster than two)
    dash = "- " in scan or "–" in scan and "– " in scan or "—" in scan and "— " in scan
    drop = _agency_datelines(scan, starts) if dash else None
    if drop:
        punct = [c for c in punct if c not in drop]
    # (a short text is first searched for any glued mark at all: one scan instead of four)
    glued = _glued_boundaries(scan, dots) if len(scan) >= 2000 or dots or (
        ("?" in scan or "!" in scan or "…" in scan) and _GLUED_ANY.search(scan)) else None
    if glued:  # the only cuts with no white space beside them: every other cut follows or precedes a space
        punct.extend(_outside_tokens(text, glued))
    if ";" in scan:
        punct.extend(_semicolon_lists(scan, sorted(punct)))
    if ":" in scan and ": 1" in scan:
        punct.extend(m.end() for m in _COLON_BEFORE_FIRST_ITEM.finditer(scan))
    brackets = _brackets(scan) if "(" in scan else []
    punct = _drop_inside(punct, brackets)
    quotes = _reported_speech(scan) if "?" in scan or "!" in scan else None
    if quotes:  # inside reported speech only "." splits ("«Жол өзгерді. Жоспар…», - деді")
        inside = set(punct).difference(_drop_inside(punct, quotes))
        punct = [c for c in punct if c not in inside or scan[c - 1 - _closers(scan, c)] == "."]
    cuts = set(punct)
    if " жыл" in scan:
        cuts.update(_headline_before_date(scan))
    if "20" in scan or "19" in scan:
        cuts.update(_before_bare_date(scan))
    if "(" in scan:
        cuts.update(_headline_before_tag_end(scan))
    cuts.update(starts)
    if "\n" in scan:
        cuts.update(_line_boundaries(scan, held, cuts))  # (the blank lines are added to cuts)
    if runs:
        cuts.update(_drop_inside(_space_run_boundaries(scan), brackets))
    if "\n" not in scan:  # (a text that kept its line breaks cut its lines there: the line rules read them)
        heads: list[_Head] | None = [] if len(scan) >= HEADLINE_MIN_TEXT else None  # (the headline rule's joins)
        pairs: list[int] = []  # (the spaces between words in capitals, for the capitals-heading rule)
        joins = _stopless_boundaries(scan, heads, pairs)  # (_lost_stop_before_opener and _unstopped_joins, one scan)
        if heads:
            joins.extend(_headline_at_start(scan, heads))
        if "Құрметті" in scan:
            joins.extend(_address_starts(scan))
        if joins:
            cuts.update(_drop_inside(joins, brackets))
        stamps = _numeric_date_stamps(scan) if ".20" in scan or ".19" in scan else None
        if stamps:
            cuts.update(_drop_inside(stamps, brackets))
        heads_caps = _caps_heading_ends(scan, pairs) if pairs else None
        if heads_caps:
            cuts.update(_drop_inside(heads_caps, brackets))
        if "<" in scan and "</" in scan:
            cuts.update(_drop_inside(_block_end_boundaries(scan), brackets))
        if len(scan) > CRAWL_LINE_CAP:
            cuts.update(_crawl_line_cuts(scan, sorted(cuts)))
    spans = []
    start = 0
    new = tuple.__new__
    for cut in sorted(cuts) + [len(text)]:
        if cut > start:
            # str.strip's white space is str.isspace's: the span's text, found without a loop per character
            piece = text[start:cut].lstrip()
            if piece:
                s = cut - len(piece)
                piece = piece.rstrip()
                spans.append(new(Span, (s, s + len(piece), piece)))
        start = cut
    return spans
