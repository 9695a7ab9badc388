"""The document vocabulary: the words a text writes whole (:func:`doc_vocab`), and
:class:`LazyVocab`, which answers "is ``w`` one of them?" without building the whole set, by a
substring search and the vocabularies of the lines that hold ``w`` (the same answers: the
vocabulary of a text is the union of its lines'; docs/dehyphenate.md, *Asked, not built*).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

from kaznlp.linebreaks import LINE_BREAK

from .chars import _CYR, _HYPHENS, SOFT, _has_other_break, _split_lines
from .morph import closed_compounds

# Document evidence is local: a text longer than this is cut (at a paragraph or line break)
# into blocks, and a decision uses the vocabulary of its own block only. Web text with a
# handful of candidates then builds one or two block vocabularies instead of the whole
# text's, and the cost stays linear in the text length.
_BLOCK = 1 << 17


def block_cuts(text: str, size: int = _BLOCK) -> list[int]:
    """Block start offsets: 0, then about every ``size`` characters, after a blank line if one
    is near, else after a line break, else anywhere (every search is bounded: linear)."""
    cuts = [0]
    pos = size
    n = len(text)
    while pos < n:
        cut = text.find("\n\n", pos, pos + size // 4)
        if cut >= 0:
            cut += 1
        else:
            m = LINE_BREAK.search(text, pos, pos + size // 4)  # any line break (kaznlp.linebreaks)
            cut = m.end() if m else pos
        cuts.append(cut)
        pos = cut + size
    return cuts


# a token starts only after whitespace (``(?<!\S)``): no backtracking inside long tokens,
# which made the old pattern superlinear on web text with glued menu strings
_VOCAB_WORD = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")


_PUNCT = "\"'«»“”„‘’()[]{}<>.,;:!?…/\\*•`|#№§©®+=~^$@&"


def doc_vocab(text: str) -> set[str]:
    """Words written whole in the text: line-edge tokens (possible fragments) and both tokens
    of a "hyphen + space" (``Осы- дан``) are left out, soft hyphens removed, lower case.

    One ``split`` per line into a set of tokens, then each distinct token is stripped of
    punctuation (a token with digits or inner punctuation goes through ``_VOCAB_WORD``):
    about 35 M chars/s, where one regex over the text ran at 10-20 M chars/s.

    A capitalised line start and a line end after punctuation are whole words (``Ол``;
    ``ертең`` may be the first piece of a broken word, ``қайтады.`` the last):

    >>> sorted(doc_vocab("Ол бүгін Астанаға келді, ертең\\nқайтады."))
    ['астанаға', 'бүгін', 'келді', 'ол']
    """
    if SOFT in text:
        text = text.replace(SOFT, "")
    if _TWO_CHAR_LOWER in text:  # ``İ`` lowers to two characters: read the lower-cased text
        return lines_vocab(_split_lines(text.lower()))
    return lines_vocab(_split_lines(text), cased=True)


# the one character whose lower case is two characters (``İ`` → ``i̇``); a text holding it is
# lower-cased before it is split, so it has no capital reading (LazyVocab does the same)
_TWO_CHAR_LOWER = "\u0130"

# a line-final token ending in one of these ends a word (a line-end hyphen is not one)
_WORD_END = frozenset(".,;:!?…»”)]\"'’")


def lines_vocab(lines: Iterable[str], cased: bool = False) -> set[str]:
    """:func:`doc_vocab` of lines without soft hyphens and line breaks, already lower-cased
    unless ``cased`` (then the tokens are lower-cased here: the same strings, since a token
    ends at white space, where lower-casing never looks across).

    A token at a line edge may be a piece of a word broken there and is left out, unless it is
    whole by its own look: the first when it is capitalised, a capital followed by a lower-case
    letter (``Аберкромби сенбі``: a word continued from the line before starts in lower case;
    ``КСР`` may be the rest of ``Қаз⏎КСР``), the last when it ends in punctuation (``келді.``: a
    word does not continue after a full stop or a comma on the next line)."""
    toks: set[str] = set()
    for line in lines:
        ts = line.split()
        if not ts:
            continue
        if "- " not in line and "-\t" not in line and "\u2010" not in line:
            head, tail = ts[0], ts[-1]
            capital = cased and head[:1].isupper() and head[1:2].islower()
            end = tail[-1] in _WORD_END
            if len(ts) == 1:
                if capital and end:
                    toks.add(head)
                continue
            if capital:
                toks.add(head)
            if end:
                toks.add(tail)
            if len(ts) > 2:
                toks.update(ts[1:-1])
        elif len(ts) > 2:
            last = len(ts) - 1
            keep, skip = [], False
            for i, t in enumerate(ts):
                if skip:
                    skip = t[-1] in _HYPHENS and len(t) > 1  # ``инно- да- лық``: a chain of pieces
                    continue
                if t[-1] in _HYPHENS and len(t) > 1:
                    skip = True  # the hyphen is followed by a space: drop this token and the next
                    continue
                if 0 < i < last:
                    keep.append(t)
            toks.update(keep)
    if cased:
        toks = {t.lower() for t in toks}
    out: set[str] = set()
    for t in toks:
        w = t.strip(_PUNCT)
        if len(w) >= 2 and w.isalpha():
            out.add(w)
        elif w:
            out.update(_VOCAB_WORD.findall(w))
    if any("i" in w for w in out):
        out = {w.replace("i", "і") if "i" in w and _CYR.search(w) else w for w in out}
    return out


def _letter(c: str) -> bool:
    """A character of ``[^\\W\\d_]`` (a letter for ``_VOCAB_WORD``; ``²`` too)."""
    return c.isalnum() and not c.isdecimal() and c != "_"


@lru_cache(maxsize=256)
def _bounded(needle: str, starts: bool, ends: bool) -> re.Pattern[str]:
    """``needle`` where no letter (:func:`_letter`) comes right before it (``starts``) / right
    after it (``ends``): the literal first, so the search skips ahead at C speed."""
    esc = re.escape(needle)
    return re.compile(esc + (r"(?<![^\W\d_]" + esc + ")" if starts else "") + (r"(?![^\W\d_])" if ends else ""))


class LazyVocab:
    """Questions to ``doc_vocab(text)`` answered without building it, while that is cheaper.

    Each answer is the whole set's. A search that finds nothing costs about 1/32 of building
    the vocabulary of the characters it scanned, a line looked up costs its length; once the
    questions have cost as much as building the whole set would, :meth:`contains` and
    :meth:`words_with` return None and the caller builds it (so the worst case is about twice
    the build, the usual web document pays a few searches).
    """

    def __init__(self, text: str) -> None:
        text = text.replace(SOFT, "") if SOFT in text else text
        low = text.lower()
        self.low = low
        self.cased = None if _TWO_CHAR_LOWER in text else text  # line vocabularies read as doc_vocab does
        self.lowi = low.replace("i", "і") if "i" in low else low  # searched: ``i`` read as ``і``
        self.breaks: list[int] | None = None  # line starts and ends, for texts with other breaks
        self.other = _has_other_break(low)
        self.lines: dict[int, set[str]] = {}  # line start -> that line's vocabulary
        self.budget = len(low)

    def _line(self, pos: int) -> tuple[int, int]:
        """Start and end of the line (as :func:`_split_lines` cuts ``low``) holding ``pos``."""
        low = self.low
        if not self.other:
            end = low.find("\n", pos)
            return low.rfind("\n", 0, pos) + 1, len(low) if end < 0 else end
        if self.breaks is None:
            self.breaks = [0]
            for m in LINE_BREAK.finditer(low):
                self.breaks += (m.start(), m.end())
            self.breaks.append(len(low))
        from bisect import bisect_right
        i = bisect_right(self.breaks, pos) - 1
        if i % 2:  # inside a break (``\r\n``): the line that ends there
            i -= 1
        return self.breaks[i], self.breaks[i + 1]

    def _occurrences(self, needle: str, starts: bool = False, ends: bool = False) -> Iterable[set[str] | None]:
        """The vocabulary of each line holding ``needle`` (searched with ``i`` read as ``і``),
        in text order; None once the budget is spent. ``starts``/``ends``: only where no letter
        comes right before / after it (a vocabulary word never continues a letter run: both
        ``str.strip`` and ``_VOCAB_WORD`` take whole runs of letters)."""
        lowi = self.lowi
        if "i" in needle:
            needle = needle.replace("i", "і")
        start = 0
        n = len(needle)
        # a short needle (``е``, ``тел``) occurs inside thousands of longer words: its whole-word
        # occurrences are found by a regex at C speed instead of a Python step per occurrence
        bounded = _bounded(needle, starts, ends) if n <= 3 and (starts or ends) else None
        while True:
            if bounded is not None:
                m = bounded.search(lowi, start)
                pos = m.start() if m else -1
            else:
                pos = lowi.find(needle, start)
            self.budget -= ((len(lowi) if pos < 0 else pos) - start) >> 5
            if pos < 0:
                return
            if starts and pos and _letter(lowi[pos - 1]) or ends and pos + n < len(lowi) and _letter(lowi[pos + n]):
                start = pos + 1  # inside a longer word: ``анасы`` in ``анасына``
                continue
            ls, le = self._line(pos)
            words = self.lines.get(ls)
            if words is None:
                words = self.lines[ls] = (lines_vocab((self.low[ls:le],)) if self.cased is None
                                          else lines_vocab((self.cased[ls:le],), cased=True))
                self.budget -= le - ls + 64
            yield words
            if self.budget <= 0:
                yield None
                return
            start = max(le, pos + 1)

    def contains(self, w: str) -> bool | None:
        """``w in doc_vocab(text)``; None when the budget is spent (build the set)."""
        if not w:
            return False
        if self.budget <= 0:
            return None
        for words in self._occurrences(w, True, True):
            if words is None:
                return None
            if w in words:
                return True
        return False

    def words_with(self, needle: str, starts: bool = False) -> set[str] | None:
        """Every word of ``doc_vocab(text)`` that contains ``needle`` (``starts``: where no
        letter comes before it), and some others; None when the budget is spent."""
        if self.budget <= 0:
            return None
        out: set[str] = set()
        for words in self._occurrences(needle, starts):
            if words is None:
                return None
            out |= words
        return out


@lru_cache(maxsize=1)
def sorted_compounds() -> list[str]:
    """:func:`~.morph.closed_compounds` sorted, for :func:`begins`."""
    return sorted(closed_compounds())


def begins(words: list[str], s: str) -> bool:
    """Does a word of the sorted list ``words`` begin with ``s``?"""
    i = bisect_left(words, s)
    return i < len(words) and words[i].startswith(s)
