"""Extract the text layer of a rendered PDF: ``pdftotext`` (poppler-utils) and ``pypdf``.

* ``pdftotext``: reading-order mode (``pdftotext -enc UTF-8``). Note that poppler itself joins a
  line that ends in ``-`` with the next one and drops the hyphen (so ``вице-⏎президенті`` comes
  out ``вицепрезиденті``): this extractor leaves the de-hyphenator mostly plain wraps, and real
  hyphens it destroyed are not in the input (the scorer does not charge them to the de-hyphenator).
* ``pdftotext-layout``: ``pdftotext -layout`` (physical layout, justification kept as runs of
  spaces, line-end hyphens kept). On a multi-column page ``-layout`` writes the columns side by
  side on one text line, which no de-hyphenator can read; so each column is cropped
  (``-x -y -W -H``, geometry from the layout) and the columns are concatenated page by page, as
  a careful user would do.
* ``pypdf``: ``PdfReader(...).pages[i].extract_text()`` (pure Python, pip ``pypdf``), pages
  joined with ``"\\n"``. Keeps line-end hyphens.

:func:`drop_line_end_hyphens` makes the "text layer lost every hyphen glyph" variant
(``lost_text`` layouts): every ``-``, U+2010 or U+00AD right before a line break is deleted,
real hyphens included (``вице-⏎президенті`` -> ``вице⏎президенті``); the scorer then does not
count those real hyphens as destroyed by the de-hyphenator (they are not in its input).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from kaznlp.linebreaks import LINE_BREAK_CHARS

EXTRACTORS = ("pdftotext", "pdftotext-layout", "pypdf")
MM = 72 / 25.4  # PDF points per millimetre
A4_W, A4_H = 210, 297
NICE = ["nice", "-n", "10"]

_LINE_END_HYPHEN = re.compile("[-\u2010\u00ad][ \t]*(?=[" + re.escape(LINE_BREAK_CHARS) + "])")


def drop_line_end_hyphens(text: str) -> str:
    """Delete every hyphen glyph at a line end: ``"жетіс-\\nтіктерді"`` -> ``"жетіс\\nтіктерді"``."""
    return _LINE_END_HYPHEN.sub("", text)


def _pdftotext(pdf: Path, *args: str) -> str:
    r = subprocess.run(NICE + ["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"],
                       capture_output=True, timeout=300)
    if r.returncode != 0:
        raise RuntimeError(f"pdftotext {' '.join(args)} failed on {pdf}: {r.stderr.decode()[-500:]}")
    return r.stdout.decode("utf-8")


def column_boxes(layout: dict) -> list[tuple[float, float]]:
    """(x, width) in points of each text column, with half a column gap of slack on each side."""
    cols, width, sep = layout["columns"], layout["width_mm"], layout.get("colsep_mm", 6)
    left = 20 if layout["engine"] == "latex" else (A4_W - width) / 2
    colw = (width - (cols - 1) * sep) / cols
    return [((left + k * (colw + sep) - sep / 2) * MM, (colw + sep) * MM) for k in range(cols)]


def extract(pdf: Path, extractor: str, layout: dict) -> str:
    """The text layer of ``pdf`` as ``extractor`` gives it."""
    if extractor == "pdftotext":
        return _pdftotext(pdf)
    if extractor == "pdftotext-layout":
        if layout["columns"] == 1:
            return _pdftotext(pdf, "-layout")
        per_col = []
        for x, w in column_boxes(layout):
            per_col.append(_pdftotext(pdf, "-layout", "-x", str(int(x)), "-y", "0",
                                      "-W", str(int(w + 1)), "-H", str(int(A4_H * MM) + 1)).split("\f"))
        pages = max(len(c) for c in per_col)
        return "\f".join("".join(c[p] for c in per_col if p < len(c)) for p in range(pages))
    if extractor == "pypdf":
        from pypdf import PdfReader
        return "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    raise ValueError(f"unknown extractor {extractor!r}; one of {EXTRACTORS}")


def extraction(pdf: Path, extractor: str, layout: dict, make: bool = True) -> str | None:
    """The text ``extractor`` reads from ``pdf``, cached beside it (``<pdf>.<extractor>.txt``; made
    when missing unless ``make`` is False: then None), with the line-end hyphens dropped in a
    ``lost_text`` layout."""
    path = pdf.with_suffix(f".{extractor}.txt")
    if path.is_file():
        text = path.read_text(encoding="utf-8")
    elif not make:
        return None
    else:
        text = extract(pdf, extractor, layout)
        path.write_text(text, encoding="utf-8")
    return drop_line_end_hyphens(text) if layout.get("lost_text") else text
