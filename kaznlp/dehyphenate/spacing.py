"""The spacing an extractor keeps is evidence: ``pypdf`` keeps the space a ragged line broke at, a token
cut at the line end has none (issue 15, h21trail; docs/dehyphenate.md)."""

from __future__ import annotations

from .chars import _DASHES, _HYPHENS
from .cuts import fills_column
from .layout import line_blocks


def trailing_space_lines(lines: list[str], stripped: list[str]) -> list[bool] | None:
    """Per line: in a block of 5+ lines, 3 in 4 of those before its last ending in one space, but not all nor
    most of its line-end hyphens after a letter (a tool padding every line tells nothing)? None if none."""
    out: list[bool] | None = None
    for i, j in line_blocks(stripped):
        sp = hy = hy_sp = 0
        for k in range(i, j - 1):  # the lines before the block's last
            s = ends_in_space(lines[k])
            sp += s
            t = stripped[k]
            if len(t) >= 2 and t[-1] in _HYPHENS and t[-2].isalpha():
                hy += 1
                hy_sp += s
        if j - i >= 5 and 4 * sp >= 3 * (j - i - 1) and sp < j - i - 1 and 2 * hy_sp <= hy:
            if out is None:
                out = [False] * len(lines)
            out[i:j] = [True] * (j - i)
    return out


def ends_in_space(line: str) -> bool:
    """One space after the line's last mark (``pdftotext -layout`` pads with runs)."""
    return line[-1:] == " " and line[-2:-1] not in ("", " ", "\t")


def spacing_break(L: str, Ls: str, Ms: str, width: int, d: tuple[int, str] | None) -> tuple[tuple[int, str], None, str] | None:
    """(verdict, None, rule) where the spacing of line ``L`` (``Ls`` stripped, next ``Ms``) in a block keeping
    trailing spaces overrules the rules' verdict ``d``, else None: a line kept its space, it broke at a space
    (``Палеолит- ⏎Ежелгі``); a dash without one, glued to its word or on a line not filling the column, was cut
    from the next word (``Біріншісі—⏎Жиренше``, ``1103 –⏎1166)``)."""
    if ends_in_space(L):
        # nor is it a paragraph end: a space (a kept break would lose it for the next pass)
        return None if d == (0, " ") else ((0, " "), None, "trailing_space")
    if (d is None or d[1]) and Ls[-1] in _DASHES and len(Ls) >= 2 and (
            Ls[-2].isalpha() and Ms[0].isalnum()
            or Ls[-2] == " " and (Ms[0].islower() or Ms[0].isdigit()) and not fills_column(Ls, width)):
        return (0, ""), None, "dash_without_trailing_space"
    return None
