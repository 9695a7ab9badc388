"""A glued token cut at the column edge twice (issue 15, h20cut; docs/dehyphenate.md)."""


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
