"""Character-level steps: HTML references, invisible characters, spaces, NFC, quotes, dashes.

Each step takes the current text and returns its edits ``(start, end, replacement, kind, note)``
(``&quot;Қазақстан&quot;`` → ``"Қазақстан"``, ``бар\u00adлық`` → ``барлық``); the document pass
(:mod:`._document`) applies them and keeps the alignment.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.entities import html5 as _HTML5

import unicodedata2

from ..linebreaks import LINE_BREAK_CHARS
from ._tables import _DASH, _INVISIBLE, _SPACE, _SYMBOL_FONT, _any_in, _cls


# ---------------------------------------------------------------------------
# fast path: one regex search for "anything that might need work"
# ---------------------------------------------------------------------------
# Safe: ASCII, basic Cyrillic + Kazakh letters, common news punctuation. A text
# made only of safe characters needs nothing unless a Latin letter touches a
# Cyrillic one, or a cp1251 lead letter is followed by a character that is also
# a UTF-8 continuation byte in cp1251 (the only mojibake shape using safe chars).
# ---------------------------------------------------------------------------
# HTML entities (in the spirit of ftfy's unescape_html)
# ---------------------------------------------------------------------------
# Crawled news keeps its HTML escapes: apertium "&quot;Аманулла&quot; мешітінде" would be
# tokenized "& quot ; Аманулла & quot ;". A named reference is decoded only when it is complete
# (its ";" is required: "&amp;n…" cut off by a crawler stays "&n…"), names come from the
# standard library's HTML5 table (html.entities.html5), numbers are decimal or hex.
_ENTITY_AT = re.compile(r"#[xX](0*[0-9a-fA-F]{1,6})(;?)|#(0*[0-9]{1,8})(;?)|([A-Za-z][A-Za-z0-9]{0,31});")
# A numeric reference without its ";" is still decoded, as HTML5 does, when the number plainly ends
# there: "&#171Қазақстан&#187" (a crawler or an editor lost the ";"), two or more digits (hex: any
# digits, and no hex digit after it: "&#xABM1" is "«M1", "&#x0000ABC" reads on), a character that
# is text, not a control
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
# cheap gate for the fast path: "&" then something that may start a reference
_ENTITY_GATE = re.compile(r"&(?:#[0-9xX]|[A-Za-z][A-Za-z0-9]*;)")
# A literal tag ("<p>", "</a>", "<br/>", "<a href=...>": "<" + ASCII letter ... ">") means the
# text is real HTML markup, where "&lt;" must stay escaped: html_entities=None leaves it alone.
_MARKUP_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:[\s/][^<>]*)?>")


def _numeric_ref(num: int) -> str | None:
    """The character of ``&#num;`` or ``None`` to leave the reference alone.

    As in HTML5, 0x80-0x9F are read as Windows-1252 (``&#150;`` is ``–``, typed on a Windows
    page); NUL, surrogates, code points past U+10FFFF, noncharacters and control characters
    other than tab, line feed and carriage return are not text and stay as they were.
    """
    if 0x80 <= num <= 0x9F:
        try:
            return bytes([num]).decode("cp1252")
        except UnicodeDecodeError:
            return None
    if (num < 0x20 and num not in (0x09, 0x0A, 0x0D)) or num == 0x7F or 0xD800 <= num <= 0xDFFF \
            or num > 0x10FFFF or 0xFDD0 <= num <= 0xFDEF or (num & 0xFFFE) == 0xFFFE:
        return None
    return chr(num)


def _entity_at(text: str, pos: int) -> tuple[int, str] | None:
    """``(end, decoded)`` for a complete reference whose body starts at ``pos`` (after "&")."""
    m = _ENTITY_AT.match(text, pos)
    if m is None:
        return None
    hexd, hsemi, dec, dsemi, name = m.groups()
    if name:
        value = _HTML5.get(name + ";")
    else:
        num = int(hexd, 16) if hexd else int(dec)
        if (hsemi if hexd else dsemi) == "":
            end = m.end()
            if num < 0x20 or (dec and len(dec) < 2) or (end < len(text) and (
                    text[end] in _HEX_DIGITS if hexd else text[end].isdigit())):
                return None
        value = _numeric_ref(num)
    return None if value is None else (m.end(), value)


def _markup(text: str) -> bool:
    return "<" in text and _MARKUP_RE.search(text) is not None


def _step_html(text: str) -> list[tuple[int, int, str, str, str]]:
    """``&quot;Қазақстан&quot;`` → ``"Қазақстан"``, one ``html_entity`` edit per reference.

    Double escapes are decoded fully in one edit (``&amp;quot;`` → ``"``, ``&amp;amp;`` → ``&``,
    as ftfy's repeated passes do): an "&" that a decoded ``&amp;`` would put in front of another
    complete reference is decoded with it, so the output never holds a reference that a second
    call would decode (idempotence).
    """
    edits: list[tuple[int, int, str, str, str]] = []
    last = 0
    for m in _ENTITY_GATE.finditer(text):
        s = m.start()
        if s < last:
            continue
        found = _entity_at(text, s + 1)
        if found is None:
            continue
        end, value = found
        while value == "&":                  # &amp;quot; &amp;amp;#171; ...: one edit
            nxt = _entity_at(text, end)
            if nxt is None:
                break
            end, value = nxt
        edits.append((s, end, value, "html_entity", ""))
        last = end
    return edits


# ---------------------------------------------------------------------------
# invisible characters and spaces
# ---------------------------------------------------------------------------
_INVISIBLE_RE = re.compile("[" + _cls("".join(_INVISIBLE)) + "]+")
_SPACE_RE = re.compile("[" + _cls("".join(_SPACE)) + "]")
_JOINERS = frozenset("\u200c\u200d")


def _plain_neighbour(c: str) -> bool:
    """True for characters next to which a ZWJ/ZWNJ has no job (Latin/Cyrillic/Greek text).

    An exotic space counts as the plain space the space step makes of it: ``"жыл\u3000\u200d"``
    loses its joiner now, as ``"жыл \u200d"`` would on a second pass (idempotence).
    """
    o = ord(c)
    return o < 0x0590 or 0x1D00 <= o < 0x2190 or c in _INVISIBLE or c in _DASH or c in _SPACE


_INVISIBLE_CHARS = tuple(_INVISIBLE)
_SPACE_CHARS = tuple(_SPACE)


def _step_invisible(text: str) -> list[tuple[int, int, str, str, str]]:
    if not _any_in(_INVISIBLE_CHARS, text):
        return []
    edits = []
    n = len(text)
    for m in _INVISIBLE_RE.finditer(text):
        s, e = m.span()
        run = m.group()
        if _JOINERS.intersection(run):
            prev = text[s - 1] if s else " "
            nxt = text[e] if e < n else " "
            if not (_plain_neighbour(prev) and _plain_neighbour(nxt)):
                # keep joiners (emoji sequences, Arabic/Indic shaping); delete the rest one by one
                for i, c in enumerate(run):
                    if c not in _JOINERS:
                        edits.append((s + i, s + i + 1, "", "invisible", ""))
                continue
        edits.append((s, e, "", "invisible", ""))
    return edits


def _step_spaces(text: str) -> list[tuple[int, int, str, str, str]]:
    if not _any_in(_SPACE_CHARS, text):
        return []
    return [(m.start(), m.end(), " ", "space", "") for m in _SPACE_RE.finditer(text)]


# Symbol-font characters: Word and PDF converters write a character typed in the Symbol font as the
# private-use code point U+F000 + its Symbol code (KazQAD wiki, dev: «\uf061- және \uf062-бөлшектер»);
# data/normalize_chars.tsv, rows symbol_font. Wingdings puts its list bullets
# at some of the same code points: there, at the start of a line before a space, the font is unknown.
_SYMBOL_RE = re.compile("[" + _cls("".join(_SYMBOL_FONT)) + "]")
_WINGDINGS_BULLETS = frozenset("\uf06c\uf06e\uf071\uf075\uf076\uf0a7\uf0d8\uf0fc")
_NOTE_SYMBOL = "Symbol-font private-use character"


def _has_symbol_font(text: str) -> bool:
    """Is a U+F021-U+F0FE character in ``text``? One search of the UTF-16 bytes for a high byte 0xF0
    (a copy and a ``bytes.find``: ten times cheaper than a character-class search of the text)."""
    raw = text.encode("utf-16-le", "surrogatepass")
    i = raw.find(b"\xf0", 1)
    while i != -1:
        if i & 1 and 0x21 <= raw[i - 1] <= 0xFE:
            return True
        i = raw.find(b"\xf0", i + 1)
    return False


def _step_symbol_font(text: str) -> list[tuple[int, int, str, str, str]]:
    """``α-бөлшектер`` for ``\uf061-бөлшектер``, ``40°`` for ``40\uf0b0`` (a ``mojibake`` edit);
    a Wingdings bullet position at a line start before a space or tab stays."""
    if not _has_symbol_font(text):
        return []
    edits = []
    n = len(text)
    for m in _SYMBOL_RE.finditer(text):
        s = m.start()
        c = m.group()
        if c in _WINGDINGS_BULLETS and s + 1 < n and text[s + 1] in " \t":
            k = s - 1
            while k >= 0 and text[k] in " \t":
                k -= 1
            if k < 0 or text[k] in LINE_BREAK_CHARS:
                continue
        edits.append((s, s + 1, _SYMBOL_FONT[c], "mojibake", _NOTE_SYMBOL))
    return edits


# U+201A SINGLE LOW-9 QUOTATION MARK is drawn like a comma, and fonts and keyboard layouts put it
# where a comma belongs: KazQAD wiki (dev) «ерекшеленіп‚ әкесі», «хатшылық етті‚ оның». As a quotation
# mark it opens a quote (Russian and German nested quotes: ‚сөз‘), so it is never right after a
# letter or digit and before a space or the end of the text; there it is a comma.
_LOW9_COMMA_RE = re.compile(r"(?<=[^\W_])\u201a(?=\s|\Z)")
_NOTE_LOW9 = "single low-9 quotation mark for a comma"


def _step_commas(text: str) -> list[tuple[int, int, str, str, str]]:
    """``ерекшеленіп‚ әкесі`` (U+201A) → ``ерекшеленіп, әкесі``: a ``homoglyph`` edit."""
    if "\u201a" not in text:
        return []
    return [(m.start(), m.end(), ",", "homoglyph", _NOTE_LOW9) for m in _LOW9_COMMA_RE.finditer(text)]


# ---------------------------------------------------------------------------
# Unicode NFC (unicodedata2: current Unicode)
# ---------------------------------------------------------------------------

def _nfc_unstable() -> tuple[int, ...]:
    """Code points that NFC may change or fold into the previous character (built once, ~0.3 s)."""
    return _nfc_scan()[0]


@lru_cache(maxsize=1)
def _nfc_scan() -> tuple[tuple[int, ...], frozenset[int]]:
    """``(unstable code points, second halves of canonical pairs incl. Hangul V/T jamo)``."""
    unstable: list[int] = []
    seconds: set[int] = set()
    for cp in range(0x110000):
        c = chr(cp)
        d = unicodedata2.decomposition(c)
        if d and not d.startswith("<"):
            parts = d.split()
            if len(parts) == 2:
                seconds.add(int(parts[1], 16))
            if unicodedata2.normalize("NFC", c) != c:
                unstable.append(cp)
        elif unicodedata2.combining(c):
            unstable.append(cp)
    seconds |= set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))
    cps = set(unstable) | seconds
    return tuple(sorted(cp for cp in cps if not 0xD800 <= cp <= 0xDFFF)), frozenset(seconds)


def _char_class(cps: tuple[int, ...]) -> str:
    ranges: list[list[int]] = []
    for cp in cps:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@lru_cache(maxsize=1)
def _nfc_cluster_re() -> re.Pattern[str]:
    cls = _char_class(_nfc_unstable())
    return re.compile(f"(?s).[{cls}]+|[{cls}]+")


@lru_cache(maxsize=1)
def _nfc_joins_back() -> frozenset[str]:
    """Characters NFC may join to what comes before them (no NFC boundary before them).

    Combining marks, second halves of canonical compositions (Hangul vowel and final jamo
    too), and characters whose decomposition starts with one of those (U+0F73, U+0344).
    Before any other character NFC never looks back, so a cluster is normalized in
    independent pieces.
    """
    seconds = _nfc_scan()[1]  # of every canonical pair, also of stable composites (U+0B4B)
    out = set()
    for cp in set(_nfc_unstable()) | seconds:
        c = chr(cp)
        first = unicodedata2.normalize("NFD", c)[:1] or c
        if unicodedata2.combining(c) or unicodedata2.combining(first) or cp in seconds or ord(first) in seconds:
            out.add(c)
    return frozenset(out)


def _step_nfc(text: str) -> list[tuple[int, int, str, str, str]]:
    """NFC, one edit per piece NFC can change on its own.

    A cluster such as ``"а\u0306\u095e"`` is two pieces: ``а`` + breve composes to ``ӑ`` (2 → 1)
    and Devanagari U+095E expands to ``फ`` + nukta (1 → 2). One edit over the whole cluster
    would be as long as its replacement and read as a letter-for-letter copy (the breve
    paired with ``फ``); per piece, each length change stays where it happens, and an edit
    never spans a character another step deleted (``"\u2126\u202a\u2126"``: two Ohm signs,
    two edits around the deleted bidi mark).
    """
    if unicodedata2.normalize("NFC", text) == text:
        return []
    edits = []
    joins = _nfc_joins_back()
    for m in _nfc_cluster_re().finditer(text):
        cluster = m.group()
        cuts = [0] + [i for i in range(1, len(cluster)) if cluster[i] not in joins] + [len(cluster)]
        for a, b in zip(cuts, cuts[1:]):
            seg = cluster[a:b]
            new = unicodedata2.normalize("NFC", seg)
            if new == seg:
                continue
            p = 0
            while p < len(seg) and p < len(new) and seg[p] == new[p]:
                p += 1
            q = 0
            while q < len(seg) - p and q < len(new) - p and seg[-1 - q] == new[-1 - q]:
                q += 1
            s, e = m.start() + a + p, m.start() + b - q
            mid = new[p:len(new) - q]
            if len(mid) == e - s > 1 and any(unicodedata2.normalize("NFC", c) != d for c, d in zip(text[s:e], mid)):
                # as long as what it replaces, but not letter for letter: NFC reordered marks or
                # composed and expanded in one piece ("ا" + U+0653 + U+0F81 → "آ" + U+0F71 + U+0F80).
                # An equal-length edit is read as a one-to-one copy, so delete, then insert.
                edits.append((s, e, "", "unicode", "NFC"))
                edits.append((e, e, mid, "unicode", "NFC"))
                continue
            edits.append((s, e, mid, "unicode", "NFC"))
    return edits


# ---------------------------------------------------------------------------
# quotes and dashes (off by default)
# ---------------------------------------------------------------------------
_QUOTE_RE = re.compile('[„“”"]')
_DASH_RE = re.compile("[" + _cls("".join(_DASH)) + "]")
# a quote after a space, a line break (any of kaznlp.linebreaks', "\u2029" too), a bracket or a
# dash opens: «„Нұр Отан“» at the start of a paragraph is an opening quote
_OPEN_BEFORE = frozenset(" \t([{«—–-/" + LINE_BREAK_CHARS + "".join(_DASH))


def _step_quotes(text: str) -> list[tuple[int, int, str, str, str]]:
    edits = []
    n = len(text)
    done: dict[int, str] = {}   # decisions so far: the next quote sees the converted one
    for m in _QUOTE_RE.finditer(text):
        i = m.start()
        c = m.group()
        prev = done.get(i - 1, text[i - 1]) if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if c == "„":
            new = "«"
        elif (prev in _OPEN_BEFORE or prev in "„“”\"") and not nxt.isspace():
            new = "«"
        elif not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
            new = "»"
        else:
            continue  # ambiguous (e.g. between two spaces)
        done[i] = new
        edits.append((i, i + 1, new, "quote", ""))
    return edits


def _step_dashes(text: str) -> list[tuple[int, int, str, str, str]]:
    return [(m.start(), m.end(), "-", "dash", "") for m in _DASH_RE.finditer(text)]
