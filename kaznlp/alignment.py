"""Offset maps between a source text and an edited text.

Text-changing steps (normalization, de-hyphenation) return their output text
together with an :class:`Alignment`, so that spans found in the output can be
reported against the caller's original string.

An alignment is stored as the list of *copy runs*: stretches that the edit left
unchanged (``src[x:x+n] == dst[y:y+n]``) or replaced character for character
(``"мемлекеттiк"`` → ``"мемлекеттік"``: Latin ``i`` to Kazakh ``і`` keeps every
offset). Everything between two runs is a replaced region. Mapping a position is
a binary search over the runs; composing two alignments intersects their runs in
one linear sweep.

>>> text = "бар\\u00adлық"             # a soft hyphen inside a word
>>> new, al = apply_edits(text, [(3, 4, "")])
>>> new
'барлық'
>>> al.span_to_src(0, 6)              # the word maps back over the soft hyphen
(0, 7)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

__all__ = ["Alignment", "apply_edits"]

Edit = tuple[int, int, str]


class Alignment:
    """A monotone map between offsets of a source text and of an edited text.

    Build one with :func:`apply_edits`, :meth:`identity` or :meth:`from_runs`;
    map with :meth:`to_src` / :meth:`to_dst` (single positions) and
    :meth:`span_to_src` / :meth:`span_to_dst` (spans); chain steps with
    :meth:`compose`.
    """

    __slots__ = ("src_len", "dst_len", "_xs", "_ys", "_ns")

    def __init__(self, src_len: int, dst_len: int, runs: Iterable[tuple[int, int, int]] = ()) -> None:
        xs: list[int] = []
        ys: list[int] = []
        ns: list[int] = []
        for x, y, n in runs:
            if n <= 0:
                continue
            if xs and xs[-1] + ns[-1] == x and ys[-1] + ns[-1] == y:
                ns[-1] += n  # merge touching runs
                continue
            if xs and (x < xs[-1] + ns[-1] or y < ys[-1] + ns[-1]):
                raise ValueError("alignment runs must be sorted and non-overlapping")
            xs.append(x)
            ys.append(y)
            ns.append(n)
        if xs and (xs[-1] + ns[-1] > src_len or ys[-1] + ns[-1] > dst_len):
            raise ValueError("alignment run goes past the end of the text")
        self.src_len = src_len
        self.dst_len = dst_len
        self._xs = xs
        self._ys = ys
        self._ns = ns

    @classmethod
    def _trusted(cls, src_len: int, dst_len: int, xs: list[int], ys: list[int], ns: list[int]) -> Alignment:
        """Build from run lists already sorted, non-overlapping, merged and positive (no checks)."""
        self = cls.__new__(cls)
        self.src_len = src_len
        self.dst_len = dst_len
        self._xs = xs
        self._ys = ys
        self._ns = ns
        return self

    # -- construction -------------------------------------------------------
    @classmethod
    def identity(cls, length: int) -> Alignment:
        """The alignment of a text to itself (nothing changed)."""
        if type(length) is int and length > 0:  # (every clean text asks for one: no run checks)
            return cls._trusted(length, length, [0], [0], [length])
        return cls(length, length, [(0, 0, length)])

    @classmethod
    def from_runs(cls, src_len: int, dst_len: int, runs: Iterable[tuple[int, int, int]]) -> Alignment:
        """Build from ``(src_start, dst_start, length)`` copy runs, sorted."""
        return cls(src_len, dst_len, runs)

    @property
    def runs(self) -> list[tuple[int, int, int]]:
        """The copy runs ``(src_start, dst_start, length)``."""
        return list(zip(self._xs, self._ys, self._ns))

    @property
    def is_identity(self) -> bool:
        """True when source and output offsets coincide everywhere."""
        return self.src_len == self.dst_len and (
            self.src_len == 0 or (len(self._xs) == 1 and self._xs[0] == 0 and self._ys[0] == 0 and self._ns[0] == self.src_len)
        )

    def __repr__(self) -> str:
        return f"Alignment(src_len={self.src_len}, dst_len={self.dst_len}, runs={len(self._xs)})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Alignment):
            return NotImplemented
        return (self.src_len, self.dst_len, self._xs, self._ys, self._ns) == (
            other.src_len, other.dst_len, other._xs, other._ys, other._ns,
        )

    # -- mapping -------------------------------------------------------------
    @staticmethod
    def _map(pos: int, side: str, a: list[int], b: list[int], ns: list[int], a_len: int, b_len: int) -> int:
        if pos < 0 or pos > a_len:
            raise IndexError(f"offset {pos} outside text of length {a_len}")
        if side == "start":
            k = bisect_right(a, pos) - 1
            if k >= 0 and pos < a[k] + ns[k]:
                return b[k] + pos - a[k]
            # inside a replaced region (or at its start): map to the region's start
            return b[k] + ns[k] if k >= 0 else 0
        if side == "end":
            k = bisect_left(a, pos) - 1
            if k >= 0 and pos <= a[k] + ns[k]:
                return b[k] + pos - a[k]
            # inside a replaced region: map to the region's end
            return b[k + 1] if k + 1 < len(b) else b_len
        raise ValueError(f"side must be 'start' or 'end', not {side!r}")

    def to_src(self, pos: int, side: str = "start") -> int:
        """Map an output offset to the source.

        A position inside a replaced region maps to the region's source start
        (``side="start"``) or end (``side="end"``); deleted characters are never
        included at a span edge.
        """
        return self._map(pos, side, self._ys, self._xs, self._ns, self.dst_len, self.src_len)

    def to_dst(self, pos: int, side: str = "start") -> int:
        """Map a source offset to the output (see :meth:`to_src`)."""
        return self._map(pos, side, self._xs, self._ys, self._ns, self.src_len, self.dst_len)

    def span_to_src(self, start: int, end: int) -> tuple[int, int]:
        """The smallest source span that produced output ``[start, end)``."""
        s = self.to_src(start, "start")
        e = self.to_src(end, "end") if end > start else s
        return s, max(s, e)

    def span_to_dst(self, start: int, end: int) -> tuple[int, int]:
        """The output span that source ``[start, end)`` became."""
        s = self.to_dst(start, "start")
        e = self.to_dst(end, "end") if end > start else s
        return s, max(s, e)

    # -- algebra ---------------------------------------------------------------
    def compose(self, other: Alignment) -> Alignment:
        """Chain ``self`` (A→B) with ``other`` (B→C) into one alignment A→C."""
        if self.dst_len != other.src_len:
            raise ValueError(
                f"cannot compose: first alignment's output has length {self.dst_len}, "
                f"second's input has length {other.src_len}"
            )
        # composing with "nothing changed" is a copy: one step of a pipeline often edits
        # nothing, and the sweep below is one Python iteration per run (500,000 runs for a
        # megabyte of "а\u200d" whose joiners were deleted)
        if other.is_identity:
            return Alignment._trusted(self.src_len, other.dst_len, self._xs, self._ys, self._ns)
        if self.is_identity:
            return Alignment._trusted(self.src_len, other.dst_len, other._xs, other._ys, other._ns)
        xs: list[int] = []
        ys: list[int] = []
        ns: list[int] = []
        i = j = 0
        ax, ay, an = self._xs, self._ys, self._ns
        bx, by, bn = other._xs, other._ys, other._ns
        la, lb = len(ax), len(bx)
        while i < la and j < lb:
            a_lo, b_lo = ay[i], bx[j]
            a_hi, b_hi = a_lo + an[i], b_lo + bn[j]
            lo = a_lo if a_lo > b_lo else b_lo
            hi = a_hi if a_hi < b_hi else b_hi
            if lo < hi:
                x, y, n = ax[i] + lo - a_lo, by[j] + lo - b_lo, hi - lo
                if xs and xs[-1] + ns[-1] == x and ys[-1] + ns[-1] == y:
                    ns[-1] += n  # touching runs merge, as in __init__
                else:
                    xs.append(x)
                    ys.append(y)
                    ns.append(n)
            if a_hi <= b_hi:
                i += 1
            else:
                j += 1
        return Alignment._trusted(self.src_len, other.dst_len, xs, ys, ns)

    def inverse(self) -> Alignment:
        """The same map read the other way (output → source)."""
        return Alignment(self.dst_len, self.src_len, zip(self._ys, self._xs, self._ns))


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, Alignment]:
    """Apply ``(start, end, replacement)`` edits to ``text``; return the new text and its alignment.

    Edits must be sorted and must not overlap. A replacement as long as what it
    replaces keeps offsets one to one (``"Aстана"`` → ``"Астана"``).

    >>> apply_edits("Aстана", [(0, 1, "А")])[0]
    'Астана'
    """
    if not edits:
        return text, Alignment.identity(len(text))
    parts: list[str] = []
    # copy runs built directly (one Python step per edit: normalize may make 500,000 edits
    # in a megabyte), touching runs merged as Alignment() would
    xs: list[int] = []
    ys: list[int] = []
    ns: list[int] = []

    def copy(x: int, y: int, k: int) -> None:
        """A one-to-one run of k characters at x -> y, merged into the previous run if they touch."""
        if xs and xs[-1] + ns[-1] == x and ys[-1] + ns[-1] == y:
            ns[-1] += k
        else:
            xs.append(x)
            ys.append(y)
            ns.append(k)

    n_text = len(text)
    src = dst = 0
    for start, end, repl in edits:
        if start < src or end < start or end > n_text:
            raise ValueError(f"edits must be sorted, non-overlapping and inside the text: {(start, end, repl)!r}")
        if start > src:
            parts.append(text[src:start])
            copy(src, dst, start - src)
            dst += start - src
        parts.append(repl)
        k = len(repl)
        if k == end - start and k:
            copy(start, dst, k)
        dst += k
        src = end
    if src < n_text:
        parts.append(text[src:])
        copy(src, dst, n_text - src)
        dst += n_text - src
    return "".join(parts), Alignment._trusted(n_text, dst, xs, ys, ns)
