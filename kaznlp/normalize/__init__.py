"""Repair damaged Kazakh text while keeping exact offsets.

Real Kazakh news text carries many kinds of damage: Latin look-alikes inside
Cyrillic words (``мемлекеттiк`` with Latin ``i``, ``Aстана`` with Latin ``A``),
Latin schwa ``ə`` for ``ә``, soft hyphens and zero-width characters inside words,
odd spaces, decomposed letters, legacy-encoding damage (KZ-1048 text read
as cp1251: ``Ќазаќстан``; UTF-8 read as cp1251: ``РљР°Р·Р°Т›СЃС‚Р°РЅ``), and HTML
entities left by crawlers (``&quot;Қазақстан&quot;``).

:func:`normalize` repairs all of that and nothing else; :func:`explain` lists
every edit it makes (with offsets into the caller's text) and every word it left
alone because it could not be sure (kind ``suspect``).

>>> normalize("Aстана мемлекеттiк жəне бар\\u00adлық")
'Астана мемлекеттік және барлық'
>>> normalize("YouTube-тағы IACA мен DIFC Courts, XXI ғасыр")
'YouTube-тағы IACA мен DIFC Courts, XXI ғасыр'

The decisions are made per word (a run of letters): a word that is mostly
Cyrillic with a few Latin/Greek look-alikes is repaired, and so is a Latin word
with a few Cyrillic look-alikes (``Microsоft``); an all-Latin word is touched only
when it is a known Kazakh word typed in look-alikes inside Kazakh text (``ecki
үйде`` → ``ескі үйде``; never ``CEO``, ``XXI``, ``Cape Town``); letters of sister
alphabets (Bashkir ``ҡ``, Altai ``ҥ`` ...) are repaired only in Kazakh words in
Kazakh text; anything in between is reported as a suspect and left alone.
Character tables live in ``kaznlp/data/normalize_chars.tsv`` with their sources.
"""

from __future__ import annotations

from typing import Literal, overload

from .._validate import check_choice
from ..alignment import Alignment
from ._document import _BOOL, _HTML_CHOICES, _needs_work, _run
from ._tables import Edit, KINDS


__all__ = ["Edit", "normalize", "explain", "KINDS"]


@overload
def normalize(text: str, *, return_alignment: Literal[False] = ..., mojibake: bool = ..., invisible: bool = ...,
              spaces: bool = ..., nfc: bool = ..., homoglyphs: bool = ..., kazakh_letters: bool = ...,
              quotes: bool = ..., dashes: bool = ..., html_entities: bool | None = ...,
              russian_letters: bool = ...) -> str: ...
@overload
def normalize(text: str, *, return_alignment: Literal[True], mojibake: bool = ..., invisible: bool = ...,
              spaces: bool = ..., nfc: bool = ..., homoglyphs: bool = ..., kazakh_letters: bool = ...,
              quotes: bool = ..., dashes: bool = ..., html_entities: bool | None = ...,
              russian_letters: bool = ...) -> tuple[str, Alignment]: ...


def normalize(
    text: str,
    *,
    return_alignment: bool = False,
    mojibake: bool = True,
    invisible: bool = True,
    spaces: bool = True,
    nfc: bool = True,
    homoglyphs: bool = True,
    kazakh_letters: bool = True,
    quotes: bool = False,
    dashes: bool = False,
    html_entities: bool | None = None,
    russian_letters: bool = False,
) -> str | tuple[str, Alignment]:
    """Repair damaged Kazakh text; optionally return an :class:`Alignment` (output → source).

    Options (all keyword-only booleans):

    * ``mojibake`` (on): undo UTF-8 read as cp1251 (``РљР°Р·Р°Т›``) and KZ-1048
      read as cp1251 (``Ќазаќ``; one such letter in a Kazakh word: ``їш`` → ``үш``), only
      where the result reads as Kazakh/Russian; Symbol-font private-use characters
      (``\\uf061`` → ``α``, ``\\uf0b0`` → ``°``).
    * ``invisible`` (on): delete soft hyphens, zero-width and bidi control characters.
    * ``spaces`` (on): no-break, thin, ideographic and other exotic spaces become
      a plain space; line breaks and tabs are kept.
    * ``nfc`` (on): Unicode NFC with ``unicodedata2`` (``и`` + U+0306 → ``й``).
    * ``homoglyphs`` (on): Latin/Greek look-alikes inside Cyrillic words
      (``Aстана`` → ``Астана``).
    * ``kazakh_letters`` (on): ``ə``→``ә``, ``ӊ``→``ң``, and Latin ``i I h`` → ``і І һ``
      in Kazakh words (``мемлекеттiк`` → ``мемлекеттік``).
    * ``quotes`` (off): ``„ “ ” "`` → ``« »``.
    * ``dashes`` (off): ``‐ ‑ ‒ −`` → ``-``.
    * ``html_entities`` (``None``: auto): decode HTML references, named (the HTML5 table)
      and numeric, ``;`` required (``&quot;Қазақстан&quot;`` → ``"Қазақстан"``); ``None``
      decodes unless the text holds a literal tag (``<p>``, ``</a>``: real markup), ``True``
      always, ``False`` never. Double escapes decode fully (``&amp;quot;`` → ``"``).
    * ``russian_letters`` (off): a lower-case word typed with the Russian letters a layout without
      Kazakh ones gives (``кажет`` → ``қажет``, ``биологиялык`` → ``биологиялық``), in Kazakh lines,
      when exactly one known Kazakh form reads so (kind ``kazakh_letter``). Off by default: it
      looks up every word of the text (about the time of a clean-text call again).

    >>> normalize("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ МЕМЛЕКЕТТIК ТIЛI")
    'ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ МЕМЛЕКЕТТІК ТІЛІ'
    >>> new, al = normalize("жаhан\\u00a0бар\\u00adлық", return_alignment=True)
    >>> new, al.span_to_src(6, 12)
    ('жаһан барлық', (6, 13))
    """
    if (
        text.__class__ is str
        and quotes is False
        and dashes is False
        and russian_letters is False
        and return_alignment is False
        and mojibake in _BOOL and invisible in _BOOL and spaces in _BOOL
        and nfc in _BOOL and homoglyphs in _BOOL and kazakh_letters in _BOOL
        and html_entities in _HTML_CHOICES
        and not _needs_work(text, html_entities is not False)
    ):
        return text  # fast path: nothing that could need repair
    opts = dict(mojibake=mojibake, invisible=invisible, spaces=spaces, nfc=nfc, homoglyphs=homoglyphs,
                kazakh_letters=kazakh_letters, quotes=quotes, dashes=dashes, html_entities=html_entities,
                russian_letters=russian_letters)
    check_choice(return_alignment, "return_alignment", _BOOL, "normalize")
    out, al, _ = _run(text, "normalize", opts, want_edits=False)
    return (out, al) if return_alignment else out


def explain(
    text: str,
    *,
    mojibake: bool = True,
    invisible: bool = True,
    spaces: bool = True,
    nfc: bool = True,
    homoglyphs: bool = True,
    kazakh_letters: bool = True,
    quotes: bool = False,
    dashes: bool = False,
    html_entities: bool | None = None,
    russian_letters: bool = False,
) -> list[Edit]:
    """List every edit :func:`normalize` makes, plus suspect words it left alone (kind ``suspect``).

    Offsets are into ``text``; options are those of :func:`normalize`.

    >>> for e in explain("Aстана мен OAНA"):
    ...     print(e.start, e.end, e.kind, e.before, "->", e.after)
    0 1 homoglyph A -> А
    11 15 suspect OAНA -> OAНA
    """
    opts = dict(mojibake=mojibake, invisible=invisible, spaces=spaces, nfc=nfc, homoglyphs=homoglyphs,
                kazakh_letters=kazakh_letters, quotes=quotes, dashes=dashes, html_entities=html_entities,
                russian_letters=russian_letters)
    return _run(text, "explain", opts, want_edits=True)[2]
