"""Score a de-hyphenated extraction against the gold paragraphs, counting only what a de-hyphenator decides.

A de-hyphenator only removes or inserts whitespace, hyphens and soft hyphens. So gold, extraction
and output are compared on their **skeleton**: every character except whitespace, ``-``, U+2010 and
U+00AD. The gold skeleton is aligned to the extraction's with ``difflib.SequenceMatcher`` (no
autojunk); the output's skeleton is the extraction's (checked), so each gold skeleton character
has a place in the extraction and in the output. Between two consecutive gold skeleton characters
lies a **gap** (``""`` inside a word, ``" "`` between words, ``"-"`` in ``вице-президенті``,
``"- "`` after ``теле-``). A gap is scored only if both characters are aligned *and* adjacent in
the extraction skeleton: page numbers, a glyph the font lacks or a ligature (``ﬁ``) put
unaligned skeleton characters in the way and take that gap out (counted as ``unscored``).
For a scored gap, ``x`` is what the extraction has there and ``o`` what the output has:

* **broken word**: a gold token with an inner gap (``""`` or ``"-"``) where ``x`` has a line
  break (the layout broke it). **Repaired** when every inner gap of the token comes out exactly as
  in gold (``o == ""``, or ``"-"`` for a hyphenated token): the word is whole and its own hyphens kept.
  A token with an inner gap where the extractor itself put a space (letter-spaced text) is not scored.
* **real hyphen destroyed**: a gold gap holding ``-`` whose ``x`` has one too (a hyphen the
  extractor already dropped, e.g. ``pdftotext`` reading order or a ``lost_text`` layout, is not
  the de-hyphenator's doing: counted as ``hyphen_not_in_input``) and whose ``o`` has none.
  ``hyphen_at_break`` counts those hyphens whose ``x`` also holds a line break.
* **wrongly glued**: a gold word boundary (gap with whitespace) where ``x`` has whitespace and ``o``
  has none. Boundaries the extractor had already glued count as ``extraction_glued``.

**Source gaps** (``source_gaps=True``, the command line's default; ``--strict`` scores them): two kinds of
gold gap are the source's own typing, not a layout's, and are not scored (counted as ``source_gaps``):

* a hyphen typed right after a word and followed by whitespace (``ақыл- парасатын``, ``жүрт- шылық``,
  a paragraph that ends in ``сондай-``): the source itself is ambiguous there (a compound with a stray
  space, a print hyphen left in a word, a dash typed as a hyphen). Repairing it is the "hyphen + space"
  job the wrap/web set scores against its corpus-voted gold; scored verbatim here, the right repair
  (``ақыл-парасатын``, ``жүртшылық``) counted as a glued word and a destroyed hyphen;
* a gap beside a dash (U+2012-U+2015: ``проблема–Бюджет``, ``жұмыстары –мемлекеттік``): whether a dash
  has spaces around it is typography, not a broken or glued word (``kaznlp.tokenize`` splits the dash
  off either way), scored in neither direction.
"""

from __future__ import annotations

import difflib
from collections import Counter

from kaznlp.linebreaks import LINE_BREAK_CHARS

_NOT_SKEL = frozenset(" \t\u00a0\u2002\u2003\u2009\u200b\u202f\u3000-\u2010\u00ad") | frozenset(LINE_BREAK_CHARS)
_BREAKS = frozenset(LINE_BREAK_CHARS)
_HYPH = frozenset("-\u2010")
_DASHES = frozenset("\u2012\u2013\u2014\u2015")


def _is_skel(c: str) -> bool:
    return c not in _NOT_SKEL and not c.isspace()


def skeleton(text: str) -> tuple[str, list[int]]:
    """(skeleton characters, their offsets in ``text``)."""
    pos = [i for i, c in enumerate(text) if _is_skel(c)]
    return "".join(text[i] for i in pos), pos


def _has_ws(s: str) -> bool:
    return any(c.isspace() or c in _BREAKS for c in s)


def align(gold_skel: str, ext_skel: str) -> list[int]:
    """For each gold skeleton index, the extraction skeleton index it matches (-1 if none)."""
    m = [-1] * len(gold_skel)
    sm = difflib.SequenceMatcher(None, gold_skel, ext_skel, autojunk=False)
    for a, b, n in sm.get_matching_blocks():
        for k in range(n):
            m[a + k] = b + k
    return m


class Aligned:
    """Gold text aligned once to one extraction; score any number of outputs of that extraction.
    ``source_gaps=True`` leaves the source's own hyphen-space and dash gaps unscored (module docs)."""

    source_gaps = False  # (a class default: alignments pickled before the option still load)

    def __init__(self, gold: str, extraction: str, source_gaps: bool = False) -> None:
        self.gold, self.ext = gold, extraction
        self.source_gaps = source_gaps
        self.gskel, self.gpos = skeleton(gold)
        self.eskel, self.epos = skeleton(extraction)
        self.map = align(self.gskel, self.eskel)
        # gold tokens as (first, last) skeleton indices
        self.tokens: list[tuple[int, int]] = []
        start = None
        for i in range(len(self.gskel)):
            if start is None:
                start = i
            if i + 1 == len(self.gskel) or _has_ws(self._ggap(i)):
                self.tokens.append((start, i))
                start = None

    def _ggap(self, i: int) -> str:
        return self.gold[self.gpos[i] + 1:self.gpos[i + 1]]

    def _scored(self, i: int) -> bool:
        a, b = self.map[i], self.map[i + 1]
        return a >= 0 and b == a + 1

    def _source_gap(self, i: int, g: str) -> bool:
        """Gap ``i`` (text ``g``) is the source's typing: ``ақыл- парасатын``, ``–мемлекеттік``."""
        if not self.source_gaps:
            return False
        if self.gskel[i] in _DASHES or self.gskel[i + 1] in _DASHES:
            return True
        return g[:1] in _HYPH and len(g) > 1 and _has_ws(g) and all(ch.isspace() or ch in _BREAKS for ch in g[1:])

    def score(self, output: str, errors: list | None = None) -> Counter:
        """Counts for one output; with ``errors``, append ``(kind, gold token, output excerpt)``."""
        oskel, opos = skeleton(output)
        if oskel != self.eskel:
            raise ValueError("the output's letters differ from the extraction's: not a de-hyphenator output")
        c: Counter = Counter()
        ext, epos = self.ext, self.epos
        for first, last in self.tokens:
            repaired = True
            is_broken = unscored = False
            for i in range(first, last + 1):
                if i < last:
                    g = self._ggap(i)
                    if self._source_gap(i, g):
                        c["source_gaps"] += 1
                        continue
                    if not self._scored(i):
                        unscored = True
                        c["unscored_gaps"] += 1
                        continue
                    k = self.map[i]
                    x = ext[epos[k] + 1:epos[k + 1]]
                    o = output[opos[k] + 1:opos[k + 1]]
                    if any(ch in _BREAKS for ch in x):
                        is_broken = True
                    elif _has_ws(x):
                        unscored = True  # the extractor split the word (letter spacing)
                    if o != g:
                        repaired = False
                    self._hyphen(c, g, x, o)
            # the boundary after this token
            if last + 1 < len(self.gskel):
                g = self._ggap(last)
                if self._source_gap(last, g):
                    c["source_gaps"] += 1
                elif not self._scored(last):
                    c["unscored_gaps"] += 1
                else:
                    k = self.map[last]
                    x = ext[epos[k] + 1:epos[k + 1]]
                    o = output[opos[k] + 1:opos[k + 1]]
                    self._hyphen(c, g, x, o)
                    if not _has_ws(x):
                        c["extraction_glued"] += 1
                    else:
                        c["boundaries"] += 1
                        if any(ch in _BREAKS for ch in x):
                            c["boundaries_at_break"] += 1
                        if not _has_ws(o):
                            c["glued"] += 1
                            if errors is not None:
                                a = opos[k]
                                errors.append(("glued", self.gold[self.gpos[first]:self.gpos[last + 1] + 1],
                                               output[max(0, a - 20):a + 20]))
            if is_broken:
                if unscored:
                    c["broken_unscored"] += 1
                else:
                    c["broken"] += 1
                    c["repaired"] += repaired
                    if errors is not None and not repaired:
                        a, b = opos[self.map[first]], opos[self.map[last]] + 1
                        errors.append(("broken", self.gold[self.gpos[first]:self.gpos[last] + 1], output[a:b]))
        return c

    @staticmethod
    def _hyphen(c: Counter, g: str, x: str, o: str) -> None:
        if not any(ch in _HYPH for ch in g):
            return
        if not any(ch in _HYPH for ch in x):
            c["hyphen_not_in_input"] += 1
            return
        c["hyphens"] += 1
        at_break = any(ch in _BREAKS for ch in x)
        c["hyphens_at_break"] += at_break
        if not any(ch in _HYPH for ch in o):
            c["destroyed"] += 1
            c["destroyed_at_break"] += at_break


def rates(c: Counter) -> dict:
    """The three headline rates from summed counts (None where the denominator is 0)."""
    def r(a: str, b: str) -> float | None:
        return round(100 * c[a] / c[b], 3) if c[b] else None
    return {"repaired_pct": r("repaired", "broken"), "destroyed_pct": r("destroyed", "hyphens"),
            "glued_pct": r("glued", "boundaries"), **{k: c[k] for k in sorted(set(c) | set(_KEYS))}}


_KEYS = ("broken", "repaired", "broken_unscored", "hyphens", "hyphens_at_break", "destroyed",
         "destroyed_at_break", "hyphen_not_in_input", "boundaries", "boundaries_at_break", "glued",
         "extraction_glued", "unscored_gaps", "source_gaps")
