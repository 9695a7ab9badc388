"""Render gold paragraphs to PDF with real engines: LuaLaTeX and LibreOffice (headless).

Both hyphenate with the Kazakh TeX patterns ``../shared/data/hyphenation/hyph-kk.pat.txt``:

* **LuaLaTeX** (Debian ``texlive-luatex`` + ``texlive-latex-base``, font DejaVu Serif from
  ``fonts-dejavu-core``): the patterns are loaded at run time with ``lang.new()`` /
  ``lang.patterns()`` and the document switches ``\\language`` to that language
  (lefthyphenmin = righthyphenmin = 2). The text is read by Lua from a file and typeset with
  catcode table -2 (every character "other", spaces spaces), so nothing needs escaping and TeX
  ligatures (``--``, quotes) are off. Columns by ``multicol``; ragged-right is
  ``\\rightskip 0pt plus 2.5em`` (plain ``\\raggedright`` would all but stop hyphenation). The
  ``header`` option puts a running head (``myheadings``) on every page. The ``lost`` hyphen
  mode sets ``\\prehyphenchar=0``: lines still break inside words at the pattern points,
  but nothing is drawn or written at the break (the printed page and the text layer both lack
  the hyphen, as in seed ``004``). Page numbers are kept (page furniture).
* **LibreOffice** (``libreoffice-writer-nogui``, 7.4): a flat ODF text (``.fodt``) with
  language ``kk-KZ``, ``fo:hyphenate`` on or off, justified or left-aligned, page columns;
  converted with ``soffice --headless --convert-to pdf``. LibreOffice has no Kazakh
  hyphenation dictionary, so the same patterns are written as a libhyphen ``hyph_kk_KZ.dic``
  into the cache and found through ``$DICPATH`` (the ``1-4`` pattern, a break before a
  suffix hyphen, is left out: libhyphen has no such pattern).

PDFs go to the cache (``$KAZNLP_CACHE`` or ``~/.cache/kaznlp``, then ``pdf_testset/``), keyed by a
hash of the engine, layout parameters and text, so a re-run renders only what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

NICE = ["nice", "-n", "10"]


def cache_dir() -> Path:
    base = os.environ.get("KAZNLP_CACHE") or Path.home() / ".cache" / "kaznlp"
    d = Path(base) / "pdf_testset"
    d.mkdir(parents=True, exist_ok=True)
    return d


def render_key(layout: dict, paras: list[str]) -> str:
    """Hash of what decides the PDF (the ``lost_text`` post-processing is not part of it)."""
    params = {k: v for k, v in layout.items() if k not in ("name", "family", "lost_text", "extractors")}
    blob = json.dumps([params, paras], ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha1(blob).hexdigest()[:16]


def pdf_path(layout: dict, paras: list[str]) -> Path:
    """Where the PDF of ``paras`` in ``layout`` is cached (made or not)."""
    return cache_dir() / "pdf" / f"{layout['engine']}-{render_key(layout, paras)}.pdf"


def tools_missing(engines: set[str]) -> list[str]:
    need = {"pdftotext"} | {"lualatex" if e == "latex" else "soffice" for e in engines}
    return sorted(t for t in need if shutil.which(t) is None)


# ---------------------------------------------------------------------------------------------
# LuaLaTeX
# ---------------------------------------------------------------------------------------------
_TEX = r"""\documentclass[%(size)spt]{article}
\usepackage[a4paper,left=20mm,right=20mm,top=20mm,bottom=25mm]{geometry}
\usepackage{multicol}
\DeclareFontFamily{TU}{dejavu}{}
\DeclareFontShape{TU}{dejavu}{m}{n}{<->"[DejaVuSerif.ttf]:mode=node;"}{}
\renewcommand\rmdefault{dejavu}
\directlua{
  local f = io.open("%(patterns)s", "r"); local p = f:read("*a"); f:close()
  kklang = lang.new(); lang.patterns(kklang, p)
}
\setlength\columnsep{%(colsep)smm}
\setlength\textwidth{%(width)smm}
\setlength\parindent{1.2em}
\begin{document}
%(header)s
\language=\directlua{tex.print(lang.id(kklang))}\relax
\lefthyphenmin=2 \righthyphenmin=2 %(lost)s
%(ragged)s
%(begincols)s
\directlua{
  local f = io.open("%(textfile)s", "r")
  for line in f:lines() do tex.sprint(-2, line); tex.sprint("\\par") end
  f:close()
}
%(endcols)s
\end{document}
"""


def render_latex(layout: dict, paras: list[str], pdf: Path, patterns: Path) -> None:
    work = pdf.with_suffix(".d")
    work.mkdir(exist_ok=True)
    (work / "text.txt").write_text("\n".join(paras) + "\n", encoding="utf-8")
    cols = layout["columns"]
    ragged = (r"\rightskip=0pt plus 2.5em\relax\spaceskip=.33em\relax\xspaceskip=.4em\relax"
              r"\parfillskip=0pt plus 1fil\relax" if layout["align"] == "ragged" else "")
    src = _TEX % {
        "size": layout["font_pt"], "patterns": patterns, "colsep": layout.get("colsep_mm", 6),
        "width": layout["width_mm"], "textfile": work / "text.txt",
        "lost": r"\prehyphenchar=0 " if layout["hyphens"] == "lost" else "",
        "ragged": ragged,
        "begincols": rf"\begin{{multicols}}{{{cols}}}" if cols > 1 else "",
        "endcols": r"\end{multicols}" if cols > 1 else "",
        # a running head on every page (page furniture the scorer must step over)
        "header": (rf"\pagestyle{{myheadings}}\markright{{{layout['header']}}}" if layout.get("header") else ""),
    }
    if layout["hyphens"] == "off":
        src = src.replace(r"\lefthyphenmin=2", r"\hyphenpenalty=10000 \exhyphenpenalty=10000 \lefthyphenmin=2")
    (work / "doc.tex").write_text(src, encoding="utf-8")
    r = subprocess.run(NICE + ["lualatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                       cwd=work, capture_output=True, text=True, timeout=600)
    out = work / "doc.pdf"
    if r.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lualatex failed for {pdf.name}: {r.stdout[-1500:]}")
    out.replace(pdf)


# ---------------------------------------------------------------------------------------------
# LibreOffice
# ---------------------------------------------------------------------------------------------
_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph">
<style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
<style:text-properties style:font-name="DejaVu Serif" fo:font-size="%(size)spt" fo:language="kk"
 fo:country="KZ" fo:hyphenate="%(hyph)s" fo:hyphenation-remain-char-count="2"
 fo:hyphenation-push-char-count="2"/></style:default-style>
<style:style style:name="Body" style:family="paragraph">
<style:paragraph-properties fo:text-align="%(align)s" fo:text-indent="4mm"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1">
<style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="20mm"
 fo:margin-bottom="20mm" fo:margin-left="%(margin)smm" fo:margin-right="%(margin)smm">
<style:columns fo:column-count="%(cols)s" fo:column-gap="%(colsep)smm"/>
</style:page-layout-properties></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
<office:body><office:text>
%(body)s
</office:text></office:body></office:document>
"""


def write_hyph_dic(patterns: Path, folder: Path) -> Path:
    """The hyph-kk patterns as a libhyphen dictionary ``hyph_kk_KZ.dic`` (for LibreOffice)."""
    folder.mkdir(parents=True, exist_ok=True)
    pats = [p for p in patterns.read_text(encoding="utf-8").split() if "-" not in p]
    out = folder / "hyph_kk_KZ.dic"
    text = "UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\n" + "\n".join(pats) + "\n"
    if not out.is_file() or out.read_text(encoding="utf-8") != text:
        out.write_text(text, encoding="utf-8")
    return out


def fodt(layout: dict, paras: list[str]) -> str:
    margin = (210 - layout["width_mm"]) / 2
    body = "\n".join(f'<text:p text:style-name="Body">{escape(p)}</text:p>' for p in paras)
    return _FODT % {"size": layout["font_pt"], "hyph": "true" if layout["hyphens"] == "on" else "false",
                    "align": "justify" if layout["align"] == "justified" else "start",
                    "margin": margin, "cols": layout["columns"], "colsep": layout.get("colsep_mm", 6),
                    "body": body}


def render_libreoffice(jobs: list[tuple[dict, list[str], Path]], patterns: Path) -> None:
    """Convert many documents in one ``soffice`` run (its start-up dominates)."""
    if not jobs:
        return
    cache = cache_dir()
    dic = write_hyph_dic(patterns, cache / "dict")
    work = cache / "lo_in"
    work.mkdir(exist_ok=True)
    srcs = []
    for layout, paras, pdf in jobs:
        src = work / (pdf.stem + ".fodt")
        src.write_text(fodt(layout, paras), encoding="utf-8")
        srcs.append((src, pdf))
    env = dict(os.environ, DICPATH=str(dic.parent))
    outdir = cache / "lo_out"
    for i in range(0, len(srcs), 40):
        chunk = srcs[i:i + 40]
        r = subprocess.run(NICE + ["soffice", f"-env:UserInstallation=file://{cache / 'lo_profile'}",
                                   "--headless", "--convert-to", "pdf", "--outdir", str(outdir)]
                           + [str(s) for s, _ in chunk], capture_output=True, text=True, env=env, timeout=1800)
        for src, pdf in chunk:
            out = outdir / (src.stem + ".pdf")
            if not out.is_file():
                raise RuntimeError(f"soffice did not convert {src.name}: {r.stderr[-800:]}")
            out.replace(pdf)
