"""Tokens cut at the column edge where words never break (issue 15, h20cut, h22grow; docs/dehyphenate.md)."""

from .chars import _HEAD_WORD, _head
from .morph import norm


def cut_again(core: str, carry: str, width: int) -> bool:
    """The one-token line ``core`` goes on a token cut at the break before (``carry`` glued without a
    hyphen), is letters only and fills the column (as ``cut_at_column_edge``): cut again at its end.

    >>> cut_again("ндағыаудитжөніндегі", "технологияларсаласы", 20), cut_again("ндағы", "саласы", 20)
    (True, False)
    """
    return carry[-1:].isalpha() and core.isalpha() and fills_column(core, width)


def fills_column(core: str, width: int) -> bool:
    """A line as long as 80 % of its block's width, or 90 % of the longest line near it (``width.fill``,
    set by the layout for one-token lines): no room was left at its end."""
    return 5 * len(core) >= 4 * width or 10 * len(core) >= 9 * getattr(width, "fill", width << 1)


def caps_cut(ev, core: str, Ms: str) -> bool:
    """A line that is one word in capitals, before capitals that are no word alone, the two one known word: a
    heading cut at the column edge (``ҚАЗАҚСТАН⏎РЕСПУБЛИКАСЫНЫ⏎Ң МЕМЛЕКЕТТІК``)."""
    hw = _HEAD_WORD.match(Ms)
    if hw is None or not (core.isalpha() and core.isupper()):
        return False
    b = _head(hw)
    return b.isalpha() and b.isupper() and ev.word(norm(b)) < 2 and ev.word(norm(core + b)) >= 2
