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

import re
from bisect import bisect_left
from collections.abc import Callable
from html.entities import html5 as _HTML5
from functools import lru_cache, partial
from importlib import resources
from typing import Any, NamedTuple, overload, Literal

import unicodedata2

from ._data import read_text
from ._validate import check_choice, check_text
from .alignment import Alignment, apply_edits
from .linebreaks import LINE_BREAK, LINE_BREAK_CHARS, NOT_LINE_BREAK

__all__ = ["Edit", "normalize", "explain", "KINDS"]

KINDS = (
    "html_entity", "mojibake", "invisible", "space", "unicode", "homoglyph", "kazakh_letter", "quote", "dash", "suspect",
)


class Edit(NamedTuple):
    """One change made by :func:`normalize` (or one suspect word it left alone).

    ``start``/``end`` are offsets into the caller's original text; ``before``
    is the text the step replaced (equal to ``text[start:end]`` unless an earlier
    step had already changed that stretch) and ``after`` its replacement.
    For ``kind == "suspect"`` nothing was changed (``before == after``) and
    ``note`` says why the word looked doubtful.
    """

    start: int
    end: int
    kind: str
    before: str
    after: str
    note: str = ""


# ---------------------------------------------------------------------------
# character tables (kaznlp/data/normalize_chars.tsv)
# ---------------------------------------------------------------------------

def _load_table() -> dict[str, dict[str, str]]:
    raw = resources.files("kaznlp").joinpath("data", "normalize_chars.tsv").read_text(encoding="utf-8")
    tables: dict[str, dict[str, str]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        src = chr(int(cols[0][2:], 16))
        dst = "" if not cols[1] else " " if cols[1] == "SPACE" else chr(int(cols[1][2:], 16))
        tables.setdefault(cols[2], {})[src] = dst
    return tables


_TABLES = _load_table()
_HOMOGLYPH: dict[str, str] = _TABLES["homoglyph"]
_KAZ_LETTER: dict[str, str] = _TABLES["kazakh_letter"]
_INVISIBLE: dict[str, str] = _TABLES["invisible"]
_SPACE: dict[str, str] = _TABLES["space"]
_DASH: dict[str, str] = _TABLES["dash"]

_KAZ_ONLY_LATIN = frozenset("iIh")          # need a Kazakh context: Russian has no і / һ
_LETTER_MAP: dict[str, str] = {**_HOMOGLYPH, **_KAZ_LETTER}
# letters of sister Cyrillic alphabets (Bashkir ҡ, Altai ҥ ӱ ӧ, Yakut ҕ ...): kept apart from _LETTER_MAP,
# mapped only inside attested Kazakh words in Kazakh context (see _sister_plan)
_SISTER: dict[str, str] = _TABLES.get("sister_letter", {})
_CYR_SUBSTITUTES = frozenset(c for c in _KAZ_LETTER if "\u0400" <= c <= "\u052f")   # ӊ Ӊ
_KAZ_SPECIFIC = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
# Cyrillic letters that some Latin/Greek letter imitates; every other Cyrillic letter is "distinctive"
_LOOKALIKE_CYR = frozenset(v for k, v in _LETTER_MAP.items() if not ("\u0400" <= k <= "\u052f"))


def _is_cyr(c: str) -> bool:
    return "\u0400" <= c <= "\u052f"


def _is_mark(c: str) -> bool:
    """Combining marks belong to the letter before them (``у`` + U+0306 is one letter ``ў``)."""
    return not c.isalpha() and unicodedata2.category(c)[0] == "M"


def _is_wordchar(c: str) -> bool:
    return c.isalpha() or _is_mark(c)


def _cls(chars: str) -> str:
    return "".join(re.escape(c) for c in sorted(set(chars)))


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
# tokenized "& quot ; Аманулла & quot ;". A reference is decoded only when it is complete
# (the ";" is required: "&amp;n…" cut off by a crawler stays "&n…"), names come from the
# standard library's HTML5 table (html.entities.html5), numbers are decimal or hex.
_ENTITY_AT = re.compile(r"#[xX](0*[0-9a-fA-F]{1,6});|#(0*[0-9]{1,8});|([A-Za-z][A-Za-z0-9]{0,31});")
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
    hexd, dec, name = m.groups()
    value = _HTML5.get(name + ";") if name else _numeric_ref(int(hexd, 16) if hexd else int(dec))
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
# mojibake
# ---------------------------------------------------------------------------
_CP1251_BYTE: dict[str, int] = {}
for _b in range(0x80, 0x100):
    try:
        _CP1251_BYTE[bytes([_b]).decode("cp1251")] = _b
    except UnicodeDecodeError:
        pass
_CP1251_BYTE["\x98"] = 0x98  # undefined in cp1251; sloppy decoders keep it as U+0098


def _chars_for(lo: int, hi: int) -> str:
    return "".join(c for c, b in _CP1251_BYTE.items() if lo <= b <= hi)


_CONT = _cls(_chars_for(0x80, 0xBF))
_LEAD2 = "[" + _cls(_chars_for(0xC2, 0xDF)) + "]"
# "Р" is D0 A0 in UTF-8: when the no-break space after it was turned into a plain
# space, accept "Р " but only in the middle of a run.
_UTF8_RUN = re.compile(
    "(?:" + _LEAD2 + "[" + _CONT + "]|Р (?=" + _LEAD2 + "[" + _CONT + "])|["
    + _cls(_chars_for(0xE0, 0xEF)) + "][" + _CONT + "]{2})+"
)
# cheap gate: a strong run needs two letter pairs, and letter pairs start with Р С Т У
# (UTF-8 lead bytes D0-D3), which are rare enough in clean text to scan for quickly
_UTF8_GATE = re.compile(
    "[РСТУ][" + _CONT + "](?:" + _LEAD2 + "[" + _CONT + "]|Р |[" + _cls(_chars_for(0xE0, 0xEF)) + "]["
    + _CONT + "]{2})*?[РСТУ][" + _CONT + "]"
)
_RU_KK_LETTERS = frozenset(
    [chr(c) for c in range(0x410, 0x450)] + ["\u0401", "\u0451"] + list(_KAZ_SPECIFIC)
)
_MOJI_PUNCT = frozenset(
    [chr(c) for c in range(0xA0, 0xC0)] + [chr(c) for c in range(0x2010, 0x2028)]
    + [chr(c) for c in range(0x2030, 0x203B)] + ["\u2116", "\u2122", "\u20ac"]
)
# a decoded run may also hold characters that the later steps repair (look-alikes,
# invisibles, exotic spaces, combining marks), since damage piles up
_MOJI_OK = _MOJI_PUNCT | frozenset(_LETTER_MAP) | frozenset(_INVISIBLE) | frozenset(_SPACE) | frozenset(_DASH) | frozenset(
    chr(c) for c in range(0x300, 0x370)
)

# KZ-1048 bytes whose cp1251 reading is a Serbian/Macedonian/Ukrainian/Belarusian letter
_KZ1048: dict[str, str] = {}
for _b in range(0x80, 0x100):
    _k, _w = bytes([_b]).decode("kz1048", "replace"), bytes([_b]).decode("cp1251", "replace")
    if _k != _w and _k != "\ufffd" and _w != "\ufffd":
        _KZ1048[_w] = _k
_KZ_STRONG = frozenset("ЌќЋћЎўЈјЅѕ")         # not Ukrainian letters
_KZ_BALKAN = frozenset("ЌќЋћЈјЅѕ")           # Macedonian/Serbian letters
_KZ_UKR = frozenset("ЇїЄєҐґ")                # Ukrainian letters
_KZ_ANY_RE = re.compile("[" + _cls("".join(_KZ1048)) + "]")
# real Kazakh letters, or letters of Uzbek/Tajik/Tatar/Bashkir (ҳ ӯ ӣ ҷ җ ҙ ҫ): cp1251 cannot have made them,
# so a line holding one was not decoded as cp1251 (Uzbek "Ўзбекистон ... шаҳри" is not KZ-1048 damage)
_KZ_GENUINE_RE = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһҳҲӯӮӣӢҷҶҗҖҙҘҫҪ]")
_BALKAN_RE = re.compile("[ЂђЃѓЉљЊњЏџ]")
_RU_ONLY_RE = re.compile("[ыЫэЭйЙщЩъЪьЬюЮяЯёЁ]")
_NOT_BY_RE = re.compile("[иИщЩъЪ]")          # letters Belarusian does not use
_NOT_UKR_RE = re.compile("[ыЫэЭёЁъЪ]")        # letters Ukrainian does not use


# Fast path: one regex search for "anything that might need work". Safe
# characters are ASCII, basic Cyrillic + Kazakh letters and common news
# punctuation. A text made only of safe characters needs nothing unless a Latin
# letter touches a Cyrillic one, or two cp1251 "lead + continuation" pairs that
# decode to letters stand side by side (the only mojibake shape that uses safe
# characters, e.g. "Р°Р»" for "ал").
_SAFE_PUNCT = "«»–—…№“”‘’°©•·"
_CYR_SAFE = "\u0410-\u044f\u0401\u0451" + _KAZ_SPECIFIC
_SAFE_CHARS = frozenset(
    [chr(c) for c in range(0x20, 0x7f)] + list("\t\n\r" + _SAFE_PUNCT + _KAZ_SPECIFIC + "\u0401\u0451")
    + [chr(c) for c in range(0x410, 0x450)]
)


def _safe_pairs(letters: bool) -> list[str]:
    out = []
    for lead, lb in _CP1251_BYTE.items():
        for cont, cb in _CP1251_BYTE.items():
            if lead in _SAFE_CHARS and cont in _SAFE_CHARS and 0xC2 <= lb <= 0xDF and 0x80 <= cb <= 0xBF:
                ch = bytes([lb, cb]).decode("utf-8")
                if (ch in _RU_KK_LETTERS) if letters else (ch in _MOJI_PUNCT):
                    out.append(re.escape(lead + cont))
    return out


_LP = "(?:" + "|".join(_safe_pairs(True)) + ")"
_PP = "(?:" + "|".join(_safe_pairs(True) + _safe_pairs(False)) + ")"
# One alternation regex is slow in ``re`` (every branch is tried at every position), so the
# check is two single-purpose scans: runs of ASCII letters or unsafe characters (then a look
# at the neighbours of each Latin word), and the mojibake letter pairs.
_FAST_RUNS = re.compile("[^\t\n\r\x20-\x40\x5b-\x60\x7b-\x7e" + _CYR_SAFE + _cls(_SAFE_PUNCT) + "]+")
_FAST_PAIRS = re.compile(_LP + _PP + "*?" + _LP)
_CYR_SAFE_SET = frozenset(c for c in _SAFE_CHARS if "\u0400" <= c <= "\u04ff")


def _needs_work(text: str, html: bool = False, suspects: bool = False) -> bool:
    """False when ``text`` certainly needs no repair (the fast path).

    ``html``: also look for HTML references (one ``"&" in text`` test on clean text).
    A whole ASCII word made only of letters with a Cyrillic twin (``ecki``, ``KCPO``) needs a look
    when its Cyrillic reading is a known Kazakh word, or always with ``suspects`` (for ``explain``,
    which reports the unknown ones); Cyrillic text with no Latin word costs nothing more.
    """
    if html and "&" in text and _ENTITY_GATE.search(text) is not None:
        return True
    n = len(text)
    for m in _FAST_RUNS.finditer(text):
        run = m.group()
        if not (run.isascii() and run.isalpha()):
            return True                       # a character outside the safe set
        s, e = m.span()
        if (s and text[s - 1] in _CYR_SAFE_SET) or (e < n and text[e] in _CYR_SAFE_SET):
            return True                       # a Latin letter touching a Cyrillic one
        if _twin_only(run) and not _glued(text, s, e) and (
                suspects or _latin_word_reading(run, _caps_around(text, s, e), None,
                                                run in _ELEMENTS and _opens_sentence(text, s, e)) is not None
                or _doc_gate(text, s, e)):
            return True                       # a Kazakh word typed in Latin look-alikes?
    return _FAST_PAIRS.search(text) is not None


def _kz1048_line(seg: str, hits: list[str]) -> bool:
    """Does this line read as Kazakh typed in KZ-1048 and decoded as cp1251?

    Each language that really uses these letters lacks some of the others:
    Macedonian/Serbian have no ы э й щ ъ ь ю я ё and no ї є ґ ў; Ukrainian has
    no ќ ћ ј ѕ ў and no ы э ё ъ; Belarusian has no и щ ъ and no ќ ћ ј ѕ ї є ґ.
    Kazakh text with KZ-1048 damage mixes them, and has no real ә ғ қ ң ө ұ ү һ.
    """
    if _KZ_GENUINE_RE.search(seg) or _BALKAN_RE.search(seg):
        return False
    kinds = set(hits)
    balkan = bool(kinds & _KZ_BALKAN)
    ukr = bool(kinds & _KZ_UKR)
    by = bool(kinds & {"Ў", "ў"})
    if balkan and (ukr or by or _RU_ONLY_RE.search(seg)):
        return True
    if by and (ukr or balkan or _NOT_BY_RE.search(seg)):
        return True
    if ukr and _NOT_UKR_RE.search(seg):
        return True
    return False


def _decode_utf8_run(run: str) -> str | None:
    try:
        return bytes(_CP1251_BYTE[c] if c != " " else 0xA0 for c in run).decode("utf-8")
    except (UnicodeDecodeError, KeyError):
        return None


def _step_utf8_mojibake(text: str) -> list[tuple[int, int, str, str, str]]:
    """UTF-8 bytes read as cp1251: ``"ТљР°Р·Р°Т›СЃС‚Р°РЅ"`` → ``"Қазақстан"``.

    A run of cp1251 characters is decoded only if it is valid UTF-8 and reads as
    Kazakh/Russian letters (plus punctuation); single-letter runs only when the
    text also holds a run of two or more letters.
    """
    strong: list[tuple[int, int, str]] = []
    weak: list[tuple[int, int, str]] = []
    for m in (_UTF8_RUN.finditer(text) if _UTF8_GATE.search(text) else ()):
        s, e = m.span()
        if s and text[s - 1].isalpha() and not text[s - 1].isascii():
            continue  # starts inside a genuine non-ASCII word
        if e < len(text) and text[e].isalpha() and not text[e].isascii():
            continue
        dec = _decode_utf8_run(m.group())
        if dec is None or not all(c in _RU_KK_LETTERS or c in _MOJI_OK or c.isascii() for c in dec):
            continue
        if all(c in _INVISIBLE or c in _SPACE or c.isspace() for c in dec):
            # "В\xad" is a soft hyphen's UTF-8 read as cp1251, but alone it is also a letter and a
            # soft hyphen: decoded, the later steps delete it (or make it a space) and the letter В
            # would lie in no token. A run that decodes to nothing visible is left alone.
            continue
        nlet = sum(c in _RU_KK_LETTERS for c in dec)
        (strong if nlet >= 2 else weak).append((s, e, dec))
    if not strong:
        return []
    return [(s, e, dec, "mojibake", "UTF-8 read as cp1251") for s, e, dec in sorted(strong + weak)]


def _step_kz1048(text: str) -> tuple[list[tuple[int, int, str, str, str]], list[tuple[int, int, str]]]:
    """KZ-1048 bytes read as cp1251: ``"Ќазаќстан"`` → ``"Қазақстан"``, decided per line."""
    edits: list[tuple[int, int, str, str, str]] = []
    suspects: list[tuple[int, int, str]] = []
    if not _any_in(_KZ1048_CHARS, text):
        return edits, suspects
    # "per line" with kaznlp.linebreaks' one definition: a KZ-1048 line ends at "\x0c" (a
    # pdftotext page break) or "\x1e" (a database record) as much as at "\n"
    for line in NOT_LINE_BREAK.finditer(text):
        seg = line.group()
        hits = _KZ_ANY_RE.findall(seg)
        if not hits:
            continue
        base = line.start()
        if _kz1048_line(seg, hits):
            for m in _KZ_ANY_RE.finditer(seg):
                s = base + m.start()
                edits.append((s, s + 1, _KZ1048[m.group()], "mojibake", "KZ-1048 read as cp1251"))
        else:
            for w in re.finditer(r"[^\W\d_]+", seg):
                if any(c in _KZ_STRONG for c in w.group()):
                    suspects.append((base + w.start(), base + w.end(), "possible KZ-1048 mojibake"))
    return edits, suspects


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


def _any_in(chars: tuple[str, ...], text: str) -> bool:
    """``str.__contains__`` per character: much faster than a regex scan on long text."""
    for c in chars:
        if c in text:
            return True
    return False


_INVISIBLE_CHARS = tuple(_INVISIBLE)
_SPACE_CHARS = tuple(_SPACE)
_KZ1048_CHARS = tuple(_KZ1048)


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
# letters: Latin/Greek look-alikes and Kazakh letter stand-ins, decided per word
# ---------------------------------------------------------------------------
_LAT_GRK = "A-Za-z\u00c0-\u024f\u0250-\u02af\u0370-\u03ff\u1e00-\u1eff"
# start at the (rare) Latin/Greek letter, then look at its neighbours
# runs of Latin/Greek letters (rare in Kazakh text) and ӊ; a run inside a longer word is a candidate
_LETTER_TRIGGER = re.compile(f"[{_LAT_GRK}{_cls(''.join(_CYR_SUBSTITUTES) + ''.join(_SISTER))}]+")
_HAS_CYR = re.compile("[\u0400-\u052f]")
_SISTER_RE = re.compile(f"[{_cls(''.join(_SISTER))}]")
_CYR_SUBST_RE = re.compile(f"[{_cls(''.join(_CYR_SUBSTITUTES) + ''.join(_SISTER))}]")
_ROMAN_RE = re.compile(r"M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_TO_ROMAN = str.maketrans("ХІСМ", "XICM")
# Kazakh letters, their stand-ins (ə ӊ ɵ), or Ukrainian/Belarusian letters: a Latin i here is і
_KAZ_CONTEXT_RE = re.compile(f"[{_KAZ_SPECIFIC}ЇїЄєҐґЎўϵəƏǝӊӉɵƟ]")
# ... and, around a word, also another word with Latin i/h typed inside Cyrillic (systematic
# keyboard damage, as in the apertium corpus); it counts the same before and after repair
_KAZ_AROUND_RE = re.compile(
    f"[{_KAZ_SPECIFIC}ЇїЄєҐґЎўϵəƏǝӊӉɵƟ]|[ihI](?:(?<=[\u0400-\u052f].)|(?=[\u0400-\u052f]))"
)
_CONTEXT = 250
_NOTE_CONTEXT = "Latin i/h in a word that may be Russian"


def _runs(word: str) -> list[tuple[int, int, bool]]:
    """Maximal same-script runs ``(start, end, is_cyrillic)`` of a word."""
    out = []
    i = 0
    while i < len(word):
        cyr = _is_cyr(word[i])
        j = i + 1
        while j < len(word) and (_is_cyr(word[j]) == cyr or _is_mark(word[j])):
            j += 1
        out.append((i, j, cyr))
        i = j
    return out


def _word_plan(word: str, kazakh_context: Callable[[], bool], homoglyphs: bool, kazakh_letters: bool,
               strict: bool = False) -> tuple[list[tuple[int, str, str]], str]:
    """Return ``([(offset, replacement, kind), ...], suspect_note)`` for one word (a run of letters).

    ``strict`` (for the pieces of a word cut around foreign runs) asks for a
    letter that only Cyrillic has, so Latin words are never repaired piecewise.
    """
    if not any(_is_cyr(c) for c in word):
        return [], ""                                   # Latin, Greek, ...: never touched
    foreign = [(i, c) for i, c in enumerate(word) if not _is_cyr(c) and not _is_mark(c)]
    subs = [(i, c) for i, c in enumerate(word) if c in _CYR_SUBSTITUTES]
    if not foreign:
        return ([(i, _KAZ_LETTER[c], "kazakh_letter") for i, c in subs] if kazakh_letters else []), ""
    if word.isupper() and _ROMAN_RE.fullmatch(word.translate(_TO_ROMAN)):
        return [], "mixed-script Roman numeral"
    if homoglyphs:
        latin = _latin_plan(word)
        if latin is not None:
            return latin, ""
    # Latin runs that cannot be look-alikes (a letter with no Cyrillic twin: "нұсқасыChrome") or that are acronyms glued to a Cyrillic suffix ("IMAXқа", "жәнеIII") are
    # left alone; the Cyrillic pieces between them are still repaired on their own.
    uniform = word.isupper() or word.islower() or word.istitle()
    cuts: list[tuple[int, int]] = []
    note = ""
    for i, j, cyr in _runs(word):
        if cyr:
            continue
        run = word[i:j]
        if any(c not in _LETTER_MAP and not _is_mark(c) for c in run):
            cuts.append((i, j))
            note = note or "mixed-script word with letters that have no Cyrillic look-alike"
        elif not uniform and sum(not _is_mark(c) for c in run) >= 2 and (run.isupper() or run.islower()) and any(
            0 <= k < len(word) and ((run.isupper() and word[k].islower()) or (run.islower() and word[k].isupper() and k))
            for k in (i - 1, j)
        ):
            cuts.append((i, j))
            note = note or "Latin letters glued to a Cyrillic word"
    if cuts:
        plan: list[tuple[int, str, str]] = []
        prev = 0
        for i, j in cuts + [(len(word), len(word))]:
            if i > prev:
                sub, _ = _word_plan(word[prev:i], kazakh_context, homoglyphs, kazakh_letters, strict=True)
                plan += [(prev + k, r, kind) for k, r, kind in sub]
            prev = j
        return plan, note
    n_cyr = sum(1 for c in word if _is_cyr(c))
    n_glyph = sum(1 for _, c in foreign if c in _HOMOGLYPH)
    distinctive = any(_is_cyr(c) and c not in _LOOKALIKE_CYR for c in word)
    if not distinctive and (strict or n_cyr <= n_glyph):
        return [], "mostly Latin/Greek word with Cyrillic letters"
    if any(c in _KAZ_ONLY_LATIN for _, c in foreign) and not _KAZ_CONTEXT_RE.search(word) and not kazakh_context():
        return [], _NOTE_CONTEXT
    plan = []
    for i, c in foreign + subs:
        kind = "homoglyph" if c in _HOMOGLYPH else "kazakh_letter"
        if (kind == "homoglyph" and homoglyphs) or (kind == "kazakh_letter" and kazakh_letters):
            plan.append((i, _LETTER_MAP[c], kind))
    return sorted(plan), ""


# ---------------------------------------------------------------------------
# the reverse direction: Cyrillic look-alikes inside a Latin word ("Microsоft", "www.аkorda.kz")
# ---------------------------------------------------------------------------
# Cyrillic letter -> the Latin letter it is drawn like (the ASCII homoglyphs read backwards, and
# Kazakh/Ukrainian і І, Kazakh һ, Macedonian/Serbian ј ѕ)
_CYR_TO_LAT: dict[str, str] = {
    **{v: k for k, v in _HOMOGLYPH.items() if k.isascii()},
    "і": "i", "І": "I", "һ": "h", "ј": "j", "Ј": "J", "ѕ": "s", "Ѕ": "S", "к": "k",
}
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _latin_plan(word: str) -> list[tuple[int, str, str]] | None:
    """Edits that make a Latin word with a few Cyrillic look-alikes all Latin, or ``None``.

    ``iPhоne`` (Cyrillic ``о``) → ``iPhone``; ``kazinfоrm`` → ``kazinform``. Only when the word is
    otherwise Latin: every Cyrillic letter has a Latin twin, the Latin letters outnumber them, at
    least one Latin letter has no Cyrillic twin (``n``, ``f``, ``t``: proof the word is Latin, so
    ``OAНA`` stays a suspect), and no run of two or more Cyrillic letters ends the word (a Kazakh
    suffix glued to a Latin name, ``iPhoneса``, is left).
    """
    n_lat = n_cyr = 0
    proof = False
    for c in word:
        if _is_cyr(c):
            if c not in _CYR_TO_LAT:
                return None
            n_cyr += 1
        elif _LATIN_LETTER.match(c):
            n_lat += 1
            proof = proof or c not in _LETTER_MAP
        elif not _is_mark(c):
            return None                      # Greek or another script: not a Latin word
    if not proof or n_lat <= n_cyr or not n_cyr:
        return None
    if len(word) >= 2 and _is_cyr(word[-1]) and _is_cyr(word[-2]):
        return None
    return [(i, _CYR_TO_LAT[c], "homoglyph") for i, c in enumerate(word) if _is_cyr(c)]


# ---------------------------------------------------------------------------
# whole words typed in Latin look-alikes inside Kazakh text ("KCPO тарағаннан кейін", "ecki үйде")
# ---------------------------------------------------------------------------
# every ASCII letter that some Cyrillic letter looks like; a word of these only is a candidate
# (and lower-case k for к: whole words only, the "ecki үйде"; inside a Cyrillic word a Latin k
# is not mapped, it may be a brand glued to a suffix)
_ASCII_TWIN: dict[str, str] = {**{k: v for k, v in _LETTER_MAP.items() if k.isascii()}, "k": "к"}
_ASCII_TWIN_SET = frozenset(_ASCII_TWIN)
_TWIN_TABLE = str.maketrans(_ASCII_TWIN)
# a character right before/after the word that makes it part of a code, unit, domain or name
_GLUE = frozenset("0123456789-_/@#&+'’.:\\=%$€£°²³")
_NOTE_LATIN_WORD = "whole word in Latin look-alikes; its Cyrillic reading is not a known Kazakh word"
# Kazakh context of a whole Latin look-alike word: Kazakh letters other than і І һ Һ (which the rule
# itself makes of Latin i I h), their stand-ins and the sister letters (which the sister rule makes
# Kazakh), so a repaired word is never the context another one needed (no repair 250 characters
# further at each call: normalize stays idempotent)
_WORD_CONTEXT_RE = re.compile("[ӘәҒғҚқҢңӨөҰұҮүəƏǝӊӉɵƟ" + _cls("".join(_SISTER)) + "]")
# ... and і І һ Һ in a word that also has a Cyrillic letter no Latin letter looks like ("денесінде":
# д н; never a word the rule itself made, which is all twins: "екі"); Latin i I h count the same
# there, so a word whose Latin i is repaired ("денесiнде") is the same evidence before and after
_I_WORD_RE = re.compile("[\u0400-\u052fA-Za-z]+")
_I_LETTERS = frozenset("іІһҺiIh")
_TWIN_CYR = frozenset(_ASCII_TWIN.values()) | frozenset("іІһҺ")


def _i_word(w: str) -> bool:
    return not _I_LETTERS.isdisjoint(w) and any(_is_cyr(c) and c not in _TWIN_CYR for c in w)


# the memo of one _step_letters call: character-class hits, the text's words, line answers
_Memo = dict[object, Any]


class _IWords:
    """Is there, in ``text[lo:hi]``, a word with ``і`` (or Latin ``i``) and a Cyrillic letter that
    has no Latin twin? Kazakh evidence for the whole Latin look-alike word rule (``Адам денесінде
    жылу eki жолмен`` → ``екі``). Like :class:`_Hits`: the first ``_DIRECT`` questions scan their
    window, then the word starts are found once and each question is a binary search."""

    __slots__ = ("text", "pos", "asked")

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos: list[int] | None = None
        self.asked = 0

    def any(self, lo: int, hi: int) -> bool:
        pos = self.pos
        if pos is None:
            self.asked += 1
            if self.asked <= _DIRECT:
                return any(_i_word(m.group()) for m in _I_WORD_RE.finditer(self.text, lo, hi))
            pos = self.pos = [m.start() for m in _I_WORD_RE.finditer(self.text) if _i_word(m.group())]
        i = bisect_left(pos, lo)
        return i < len(pos) and pos[i] < hi


@lru_cache(maxsize=1)
def _open_lists() -> tuple[frozenset[str], frozenset[str]]:
    """``(words, acronyms)`` from two open word lists that no dev or test document fed
    (``data/normalize_unilex_kk.txt``: Unicode Unilex, Unicode-3.0; ``data/normalize_hunspell_kk.txt``:
    Kazakh Hunspell stems, MPL-1.1; built by ``training/build_normalize_lexicon.py``). Words are
    lower-case forms and stems of three or more letters, read like ``data/lexicon_kk.txt`` (a word
    of these lists, or one followed by known suffixes, is a known form: ``сопақша``, ``мүфти``);
    acronyms are the lines in capitals (``КСРО``, ``СІМК``: four or more letters)."""
    words: set[str] = set()
    acronyms: set[str] = set()
    for name in ("normalize_unilex_kk.txt", "normalize_hunspell_kk.txt"):
        raw = read_text(name)
        for w in raw.splitlines():
            if w and not w.startswith("#"):
                (acronyms if w.isupper() else words).add(w)
    return frozenset(words), frozenset(acronyms)


def _open_forms() -> frozenset[str]:
    return _open_lists()[0]


@lru_cache(maxsize=1)
def _latin_words() -> tuple[frozenset[str], frozenset[str]]:
    """``(words, acronyms)``: lower-case Kazakh forms (``data/lexicon_kk.txt`` and the ``word`` rows
    of ``data/normalize_words_kk.tsv``) that can be typed with Latin look-alikes alone, and the
    hand-listed upper-case Kazakh acronyms (``acronym`` rows)."""
    from .transliterate import _lexicon
    up = frozenset(v for v in _ASCII_TWIN.values())
    words = frozenset(w for w in _lexicon() if len(w) >= 2 and all(c in up or c.upper() in up for c in w))
    raw = resources.files("kaznlp").joinpath("data", "normalize_words_kk.tsv").read_text(encoding="utf-8")
    acr: list[str] = []
    extra: list[str] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, kind = line.split("\t")[:2]
        (acr if kind == "acronym" else extra).append(form)
    return words | frozenset(w.lower() for w in extra), frozenset(acr) | _open_lists()[1]


# chemical element symbols written with Latin look-alikes only (the periodic table)
_ELEMENTS = frozenset("Ac Ba Be Bi Ca Ce Co He Ho Mo Pa Po Ta Tc Te Ti Xe".split())
_SENTENCE_END_RE = re.compile(r"[.!?…\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")
_PROOF_LATIN_RE = re.compile("[" + "".join(c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                             if c not in _ASCII_TWIN_SET) + "]")
_ELEMENTS_CYR = frozenset(w.translate(_TWIN_TABLE) for w in _ELEMENTS)
_TWO_LETTER_WORD_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]{2}(?![^\W\d_])")
_LOWER_CYR_SET = frozenset(chr(c) for c in range(0x0430, 0x0530) if chr(c).islower())


def _opens_sentence(text: str, s: int, e: int) -> bool:
    """Does ``text[s:e]`` open a sentence (after a line start or ``. ! ? …``, past spaces, opening
    quotes and dashes) with a lower-case word after one space, and no other Latin letter up to the
    sentence's end (``He алды? Не берді?``, not ``He мен Ne инертті газдар``)?"""
    k = s - 1
    while k >= 0 and text[k] in " \t«\"“„'—–-":
        k -= 1
    if k >= 0 and text[k] not in ".!?…\n\r" and text[k] not in LINE_BREAK_CHARS:
        return False
    if not (e + 1 < len(text) and text[e] == " " and text[e + 1].translate(_TWIN_TABLE) in _LOWER_CYR_SET):
        return False
    end = _SENTENCE_END_RE.search(text, e)
    rest = text[e:end.start() if end else len(text)]
    # a Latin letter with no Cyrillic twin, or another element symbol (Latin or its Cyrillic twin: the
    # same before and after a repair), makes the sentence a formula or a list of symbols
    return _PROOF_LATIN_RE.search(rest) is None and not any(
        m.group().translate(_TWIN_TABLE) in _ELEMENTS_CYR for m in _TWO_LETTER_WORD_RE.finditer(rest))


def _latin_word_reading(word: str, headline: bool = False, doc: _DocForms | None = None,
                        sentence_word: bool = False) -> str | None:
    """The Cyrillic reading of a Latin look-alike word if it is a known Kazakh word, else ``None``.

    ``ecki`` → ``ескі``, ``Apa`` → ``Ара``, ``KCPO`` → ``КСРО``. Upper-case words of two or
    three letters (``OK``, ``CEO``, ``AAA``) only when the acronym is listed or the word stands in
    an upper-case Cyrillic ``headline`` (``ҚАЗАҚСТАН MEH РЕСЕЙ``); longer upper-case words only as
    a whole known form; chemical element symbols (``He``, ``Co``) only as a ``sentence_word`` (a
    known form that opens a sentence of lower-case words: ``He алды?`` → ``Не алды?``); Roman
    numerals (``XXI``, ``III``) and mixed case (``iPhone``) never. With ``doc`` (the text's own Cyrillic words,
    :class:`_DocForms`), a reading that the same text writes in Cyrillic counts as known too
    (``Poy`` when ``Роу`` occurs); not for upper-case words: ``EXPO`` next to ``ЕХРО`` is a Latin
    code whose Cyrillic twin is the damaged one as often as not.
    """
    if len(word) < 2 or not (word.islower() or word.isupper() or word.istitle()):
        return None
    if word.isupper() and _ROMAN_RE.fullmatch(word):
        return None
    cyr = word.translate(_TWIN_TABLE)
    words, acronyms = _latin_words()
    if word.isupper() and len(word) <= 3:
        return cyr if cyr in acronyms or (headline and cyr.lower() in words) else None
    if word in _ELEMENTS:
        # "He", "Co", "Ca": chemical symbols, not "Не", "Со", "Са"; but a known Kazakh word that opens
        # a sentence of lower-case words is that word ("He алды? Не берді?": Не, "what")
        return cyr if sentence_word and cyr.lower() in _lexicon_forms() else None
    if word.isupper():
        # an upper-case Latin word is a brand or code as often as a Kazakh word: only a whole known
        # form counts (KIMEP is not кім + ер)
        return cyr if cyr.lower() in words or _known_form(cyr.lower()) or cyr in acronyms else None
    return cyr if _attested(cyr) or (doc is not None and doc.has(cyr)) else None


def _twin_only(run: str) -> bool:
    """A run of ASCII letters (from the fast-path scan) made only of Cyrillic twins, 2+ long."""
    return len(run) >= 2 and _ASCII_TWIN_SET.issuperset(run)


def _glued(text: str, s: int, e: int) -> bool:
    """Is a digit, hyphen, slash, ``@`` … (or a dot/colon followed by a letter or digit) glued to
    ``text[s:e]``? Then the word is part of a code, unit, domain or e-mail (``A4``, ``ac.kz``)."""
    n = len(text)
    before = text[s - 1] if s else " "
    after = text[e] if e < n else " "
    return before in _GLUE or (after in _GLUE and not (after in ".:" and (e + 1 >= n or not text[e + 1].isalnum())))


def _caps_around(text: str, s: int, e: int) -> bool:
    """Is the letter before or after ``text[s:e]`` (past spaces and punctuation, on the line) an
    upper-case one? A cheap stand-in for the headline test of :func:`_latin_word_plan`."""
    for w in (_neighbour_word(text, s - 1, -1), _neighbour_word(text, e, 1)):
        if w is not None and w.isupper() and _HAS_CYR.search(w):
            return True
    return False


def _is_latin_twin_word(word: str) -> bool:
    return word.isascii() and len(word) >= 2 and all(c in _ASCII_TWIN_SET for c in word)


def _neighbour_word(text: str, i: int, step: int) -> str | None:
    """The nearest letter run before (``step=-1``) or after (``step=1``) position ``i`` on the same
    line, within 40 characters; ``None`` if there is none (or a digit comes first)."""
    n = len(text)
    k = i
    for _ in range(40):
        if not (0 <= k < n):
            return None
        c = text[k]
        if c in "\n\r" or c in LINE_BREAK_CHARS:
            return None
        if c.isdigit():
            return None
        if _is_wordchar(c):
            a = b = k
            while a > 0 and _is_wordchar(text[a - 1]):
                a -= 1
            while b + 1 < n and _is_wordchar(text[b + 1]):
                b += 1
            return text[a:b + 1]
        k += step
    return None


def _latin_word_plan(text: str, s: int, e: int, kazakh_context: Callable[[], bool],
                     doc: Callable[[], _DocForms] | None = None) -> tuple[list[tuple[int, str, str]], str]:
    """``(edits, suspect note)`` for the whole Latin word ``text[s:e]`` (a candidate of
    :func:`_is_latin_twin_word`). Repaired when it stands on its own (no digit, hyphen, dot,
    slash, ``@`` … glued to it: not a code, unit, domain or name part), its neighbour words on
    the line are Cyrillic (a Latin neighbour with a letter that has no Cyrillic twin, as in
    ``Cape Town``, makes it part of a Latin phrase), a Kazakh letter is near, and its Cyrillic
    reading is a known Kazakh word or acronym, or (``doc``: document-level evidence) the same text
    writes that word in Cyrillic elsewhere (``Кайл Poy ... Роу`` → ``Роу``)."""
    if _glued(text, s, e):
        return [], ""
    prev, nxt = _neighbour_word(text, s - 1, -1), _neighbour_word(text, e, 1)
    cyr_near = False
    headline = True
    for w in (prev, nxt):
        if w is None:
            continue
        if not _HAS_CYR.search(w):
            if not _is_latin_twin_word(w):
                return [], ""                 # Latin phrase ("Cape Town"), Latin-script Kazakh
            if _latin_word_reading(w, True) is None:
                headline = headline and w.isupper()
                continue                      # an unknown look-alike word: neither side
            # a known Kazakh word in look-alikes counts as the Cyrillic word it is (before and after
            # its own repair alike: "acy apa" is decided the same on a second call)
        cyr_near = True
        headline = headline and w.isupper() and len(w) >= 2
    if not cyr_near or not kazakh_context():
        return [], ""
    word = text[s:e]
    cyr = _latin_word_reading(word, headline, sentence_word=word in _ELEMENTS and _opens_sentence(text, s, e))
    if cyr is None and doc is not None and _doc_head(text, word):
        cyr = _latin_word_reading(word, headline, doc())
    if cyr is None:
        return [], _NOTE_LATIN_WORD
    return [(i, cyr[i], "kazakh_letter" if c in _KAZ_LETTER else "homoglyph") for i, c in enumerate(word)], ""


# ---------------------------------------------------------------------------
# "a known Kazakh word": the word-form lexicon, or a known form + a chain of known suffixes
# ---------------------------------------------------------------------------
_SINGLE_SUFFIX = ("ы", "і", "н", "а", "е", "й", "у")   # one-letter suffixes (possessive ы/і, accusative н ...)


@lru_cache(maxsize=1)
def _suffix_index() -> dict[str, tuple[str, ...]]:
    """Kazakh suffix allomorphs (``data/suffixes_kk.txt``, shared with de-hyphenation) by first letter."""
    raw = resources.files("kaznlp").joinpath("data", "suffixes_kk.txt").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in raw.splitlines():
        if not line.startswith("#"):
            for s in line.split():
                out.setdefault(s[0], set()).add(s)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _suffix_chain(rest: str, depth: int = 0) -> bool:
    """Is ``rest`` one to four known suffixes in a row (``тарымен`` = ``тар`` + ``ы`` + ``мен``)?"""
    if not rest:
        return True
    if depth == 4:
        return False
    if rest[0] in _SINGLE_SUFFIX and _suffix_chain(rest[1:], depth + 1):
        return True
    return any(rest.startswith(s) and _suffix_chain(rest[len(s):], depth + 1)
               for s in _suffix_index().get(rest[0], ()))


@lru_cache(maxsize=1)
def _sorted_forms() -> list[str]:
    from .transliterate import _lexicon
    return sorted(_lexicon() | _open_forms() | _latin_words()[0])


def _known_prefix(prefix: str) -> bool:
    """Does some known Kazakh form start with ``prefix``?"""
    forms = _sorted_forms()
    i = bisect_left(forms, prefix)
    return i < len(forms) and forms[i].startswith(prefix)


def _known_form(w: str) -> bool:
    return w in _lexicon_forms()


def _lexicon_forms() -> frozenset[str]:
    from .transliterate import _lexicon
    return _lexicon()


# no Kazakh word form is longer (the longest in data/lexicon_kk.txt has 30 letters); a longer "word"
# is constructed input, and the stem/suffix search below would be quadratic in its length
_MAX_WORD = 48


@lru_cache(maxsize=4096)
def _attested(word: str) -> bool:
    """Is ``word`` a known Kazakh form? In ``data/lexicon_kk.txt`` (or ``normalize_words_kk.tsv``,
    whose upper-case acronyms count as written: ``ҚР``), or a known form of three or more letters
    followed by one to four known suffixes (``data/suffixes_kk.txt``): ``толқуда`` = ``толқу`` +
    ``да``, ``геральдикалық`` = ``геральдика`` + ``лық``. Longer than any word (``_MAX_WORD``): no."""
    if len(word) > _MAX_WORD:
        return False
    w = word.lower()
    words, acronyms = _latin_words()
    from .transliterate import _lexicon
    lex = _lexicon()
    more = _open_forms()
    if w in lex or w in more or w in words or word in acronyms:
        return True
    for i in range(len(w) - 1, 2, -1):
        if (w[:i] in lex or w[:i] in more or w[:i] in words) and _suffix_chain(w[i:]):
            return True
    return False


def _sister_attested(word: str, last: int) -> bool:
    """A repaired word is attested (:func:`_attested`); or it is a stem of three or more letters
    that begins a known form, followed by known suffixes (``оқыды`` = ``оқы…`` (``оқыған``) +
    ``ды``; ``сатиралық`` = ``сатира…`` + ``лық``); or, for a sister letter inside a stem, some
    known form starts with the word up to that letter and at least five letters (``үлкейтіліп``:
    ``үлкей…`` begins ``үлкейді``); or two known forms written without a space
    (``аренадалайықты``). The sister letter is then attested in a known stem or suffix."""
    if len(word) > _MAX_WORD:
        return False
    if _attested(word):
        return True
    w = word.lower()
    for i in range(len(w) - 1, 2, -1):
        if _suffix_chain(w[i:]) and _known_prefix(w[:i]):
            return True
    k = max(last + 1, 5)
    if k < len(w) and _known_prefix(w[:k]):
        return True
    # two known forms of four or more letters each, written without the space between them (the
    # crawled corpora glue words: "аренадалайықты" = "аренада" + "лайықты")
    return any(_attested(w[:i]) and _attested(w[i:]) for i in range(4, len(w) - 3))


_BACK_VOWELS = frozenset("аоұыяё")
_FRONT_VOWELS = frozenset("әеөүіэ")
_VOWELS = _BACK_VOWELS | _FRONT_VOWELS | frozenset("иую")


def _suffix_attested(w: str, first: int) -> bool:
    """Do all the sister letters of ``w`` (the lower-case repaired word; the first at ``first``) lie
    in Kazakh suffixes, in the variant that vowel harmony gives after the stem? ``биосфераныҥ`` →
    ``биосфера`` + ``ның``, ``Менгаҕа`` → ``Менга`` + ``ға``: the stem is a name or loan no list
    holds, but the letter is the Kazakh suffix's own. The stem has three or more letters and a
    vowel; the suffixes are a known chain (:func:`_suffix_chain`) whose vowels are all back after
    a back vowel (``а о ұ ы``) or all front after a front one (``ә е ө ү і``)."""
    if len(w) > _MAX_WORD:
        return False
    for i in range(first, 2, -1):
        stem, rest = w[:i], w[i:]
        last = next((c for c in reversed(stem) if c in _VOWELS), None)
        if last is None or not _suffix_chain(rest):
            continue
        vowels = {c for c in rest if c in _VOWELS}
        if (last in _BACK_VOWELS and vowels <= _BACK_VOWELS) or (last in _FRONT_VOWELS and vowels <= _FRONT_VOWELS):
            return True
    return False


# ---------------------------------------------------------------------------
# document-level evidence: the text's own Cyrillic words
# ---------------------------------------------------------------------------
# a whole word of Cyrillic letters (a Latin letter or digit glued to it makes it no match)
_DOC_WORD_RE = re.compile(r"(?<![^\W_])[\u0400-\u0481\u048a-\u052f]{3,}(?![^\W_])")
# shorter readings are too often a chance match (Latin "Ha" and Russian "На")
_DOC_MIN = 3


class _DocForms:
    """The word forms a text writes in clean Cyrillic (every letter Cyrillic, no sister-alphabet
    letter), found in one linear pass the first time a candidate word needs them.

    A damaged spelling of a word that the same text also writes correctly is the damaged form:
    ``Кайл Poy`` next to ``Роу``, ``Bce`` next to ``Все``, ``Менгаҕа`` next to ``Менгаға``. A
    form counts when it occurs as written (case-folded), or as a stem of a text word followed by known suffixes
    (``Mapokko`` ← ``Мароккода``), or when a text word of three or more letters is its stem
    followed by known suffixes (``биосфераныҥ`` ← ``биосфера``). Damaged words are never their own
    evidence: they are not clean Cyrillic."""

    __slots__ = ("folded", "sorted")

    def __init__(self, text: str) -> None:
        self.folded = {w.casefold() for w in set(_DOC_WORD_RE.findall(text)) if not _SISTER_RE.search(w)}
        self.sorted: list[str] | None = None

    def has(self, form: str) -> bool:
        if len(form) < _DOC_MIN or len(form) > _MAX_WORD:
            return False
        f = form.casefold()
        if f in self.folded:
            return True
        for i in range(len(f) - 1, _DOC_MIN - 1, -1):       # a text word is the stem
            if f[:i] in self.folded and _suffix_chain(f[i:]):
                return True
        if self.sorted is None:
            self.sorted = sorted(self.folded)
        k = bisect_left(self.sorted, f)                     # the form is the stem of a text word
        while k < len(self.sorted) and self.sorted[k].startswith(f):
            if _suffix_chain(self.sorted[k][len(f):]):
                return True
            k += 1
        return False


def _doc_gate(text: str, s: int, e: int) -> bool:
    """Fast-path gate for document-level evidence on the look-alike word ``text[s:e]``: could the
    letter step repair it from the text's own Cyrillic words? Cheap necessary conditions only
    (a superset of what :func:`_latin_word_plan` repairs): three letters or more, not upper case,
    no Latin neighbour with a letter that has no Cyrillic twin (``Cape Town``), a Cyrillic or
    look-alike neighbour, and the first three letters of its reading somewhere in the text (every
    form :meth:`_DocForms.has` accepts starts with them). Clean text pays a few tests per such word."""
    run = text[s:e]
    if e - s < _DOC_MIN or run.isupper():
        return False
    near = False
    for w in (_neighbour_word(text, s - 1, -1), _neighbour_word(text, e, 1)):
        if w is None:
            continue
        if not _HAS_CYR.search(w) and not _is_latin_twin_word(w):
            return False
        near = True
    if not near:
        return False
    return _doc_head(text, run)


def _doc_head(text: str, run: str) -> bool:
    """Are the first three letters of the reading of ``run`` in ``text`` (any case)?"""
    if len(run) < _DOC_MIN or run.isupper():
        return False
    head = run[:_DOC_MIN].translate(_TWIN_TABLE).lower()
    return head in text or head.capitalize() in text or head.upper() in text


@lru_cache(maxsize=2)
def _doc_forms_of(text: str) -> _DocForms:
    # the letter step may run several times on one text (passes that change nothing else)
    return _DocForms(text)


def _doc_forms(text: str, hits: _Memo) -> _DocForms:
    doc: _DocForms | None = hits.get(_DocForms)
    if doc is None:
        doc = hits[_DocForms] = _doc_forms_of(text)
    return doc


# ---------------------------------------------------------------------------
# sister-alphabet letters (Bashkir ҡ, Altai ҥ ӱ ӧ, Yakut ҕ ...) inside Kazakh words
# ---------------------------------------------------------------------------
# letters a Bashkir/Tatar/Chuvash/Altai/Mari/Tajik/Uzbek/Karakalpak text has and Kazakh has not:
# their presence near the word says the text is one of those languages, left alone
_SISTER_TEXT_RE = re.compile("[ҙҘҫҪҗҖӑӐӗӖҹҸҷҶӣӢӯӮўЎҳҲӝӜӟӞӓӒӥӤӵӴӹӸӌӋԓԒҧҦҟҞ]")
# Kazakh evidence per sister letter: Kazakh letters that the alphabets using that letter lack (Bashkir
# has ә ғ ң ө ү һ but no і ұ қ; Chukchi, Khanty, Nenets have none of Kazakh's letters; Altai, Mari,
# Yakut have ө ү (Yakut һ) but no ә ғ қ ұ і; Khakas has і ғ ң ӧ ӱ but no ә қ ұ). Uzbek and Karakalpak
# have қ but also ў/ҳ, which _SISTER_TEXT_RE catches.
_ALL_KAZ = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
_KAZAKH_EVIDENCE: dict[str, re.Pattern[str]] = {}
for _letters, _evidence in (("ҡҠ", "ІіҰұҚқ"), ("ӄӃӈӇӷӶѳѲ", _ALL_KAZ), ("ҥҤ", "ӘәҒғҚқҰұІі"),
                            ("ҕҔ", "ӘәҒғҚқҢңҰұІі"), ("ӱӰӧӦ", "ӘәҚқҰұ")):
    for _c in _letters:
        _KAZAKH_EVIDENCE[_c] = re.compile(f"[{_evidence}]")
_NOTE_SISTER = "letter of a sister Cyrillic alphabet in a word that is not a known Kazakh word"
_NOTE_SISTER_CONTEXT = "letter of a sister Cyrillic alphabet; no Kazakh letter around proves the text Kazakh"


def _sister_plan(text: str, s: int, e: int, fixed: str, hits: _Memo
                 ) -> tuple[list[tuple[int, str, str]], str]:
    """``ҡ`` → ``қ`` (and the other ``sister_letter`` rows) in ``text[s:e]`` when the text around
    is Kazakh (on its line, a Kazakh letter that the alphabets using that sister letter lack; within
    ``_CONTEXT`` characters, no letter that only a sister language has) and the repaired word (``fixed`` is
    the word after the other letter repairs) is a known Kazakh form (:func:`_sister_attested`) or
    is itself spelled with such a Kazakh letter: ``Ҡазаҡстан`` → ``Қазақстан`` in Kazakh text,
    Bashkir ``Башҡортостан Республикаһы`` untouched. A known Kazakh form with no Kazakh evidence
    around (``Ол адамды ауруына шалдыҡтырады``: no і ұ қ) is left and reported as a suspect."""
    lo, hi = max(0, s - _CONTEXT), min(len(text), e + _CONTEXT)

    def hit(pattern: re.Pattern[str]) -> _Hits:
        if pattern not in hits:
            hits[pattern] = _Hits(text, pattern)
        return hits[pattern]

    if hit(_SISTER_TEXT_RE).any(lo, hi):
        return [], ""
    word = text[s:e]
    repaired = "".join(_SISTER.get(c, c) for c in fixed)
    # Kazakh evidence is looked for on the whole line: a line with evidence has all its words decided
    # in one pass, and the letters they gain (қ for ҡ) change nothing for the line; a window would let
    # each repaired word be the evidence for the next 250 characters at the next call (no idempotence)
    llo, lhi = hit(LINE_BREAK).around(s, e)
    for c in set(word):
        ev = _KAZAKH_EVIDENCE.get(c)
        if ev is not None and not (hit(ev).any(llo, s) or hit(ev).any(e, lhi) or ev.search(fixed)) \
                and not _kazakh_words_line(text, llo, lhi, hits):
            last = max(i for i, x in enumerate(word) if x in _SISTER)
            return [], (_NOTE_SISTER_CONTEXT if _sister_attested(repaired, last) else "")
    # the word itself spelled with a Kazakh letter its sister alphabets lack is Kazakh ("Құдайбердіұлыныӈ")
    own = all(ev.search(fixed) for c in set(word) if (ev := _KAZAKH_EVIDENCE.get(c)) is not None)
    if not own and not _sister_attested(repaired, max(i for i, c in enumerate(word) if c in _SISTER)) \
            and not _doc_forms(text, hits).has(repaired) \
            and not _suffix_attested(repaired.lower(), min(i for i, c in enumerate(word) if c in _SISTER)) \
            and not _shape_attested(text, s, e, repaired) and not _glued_parts_attested(word, repaired) \
            and not all(_line_letter_support(text, llo, lhi, c, hits) for c in set(word) if c in _SISTER):
        return [], _NOTE_SISTER
    return [(i, _SISTER[c], "kazakh_letter") for i, c in enumerate(word) if c in _SISTER], ""


def _line_letter_support(text: str, lo: int, hi: int, letter: str, hits: _Memo) -> bool:
    """Does the line ``text[lo:hi]`` write the sister ``letter`` in two or more other words that,
    read with it as the Kazakh letter (and every look-alike as its twin), are known Kazakh forms? A
    keyboard layout or font puts its letter everywhere the Kazakh one belongs, so a word of that line
    that no list holds is repaired as well (``аҡуыз`` beside ``ҡатысатын``, ``ҡызметін``,
    ``атҡарады``). The words are read as the line has them, so the answer for a line whose words
    were repaired is never a new yes (idempotent)."""
    key = ("letter support", lo, letter)
    got = hits.get(key)
    if got is None:
        known = 0
        for m in _LINE_WORD_RE.finditer(text, lo, hi):
            w = m.group()
            if letter in w and _attested(w.translate(_READ_TABLE)):
                known += 1
                if known >= 2:
                    break
        got = hits[key] = known >= 2
    return bool(got)


def _glued_parts_attested(word: str, repaired: str) -> bool:
    """Words glued at a lower-to-upper case change (crawled menus and headlines:
    ``толығыменҠР``, ``сапарПоделитьсяТаӄырып``, ``ҠазКСР``): every part that has a sister letter
    in ``word`` is, as ``repaired`` spells it (the same length), a known form or an acronym of two
    to six capitals; the other parts may be anything (``Поделиться``)."""
    cuts = [0] + [i for i in range(1, len(repaired)) if repaired[i - 1].islower() and repaired[i].isupper()]
    if len(cuts) == 1 or len(word) != len(repaired):
        return False
    cuts.append(len(repaired))
    for a, b in zip(cuts, cuts[1:]):
        part = repaired[a:b]
        if _SISTER_RE.search(word[a:b]) and not (_attested(part) or (part.isupper() and 2 <= len(part) <= 6)):
            return False
    return True


def _shape_attested(text: str, s: int, e: int, repaired: str) -> bool:
    """Words no list can hold, known by their shape (Kazakh evidence on the line is already given):
    an acronym of two to six capitals (``ЭЦҠ`` → ``ЭЦҚ``, ``БӶМ`` → ``БҒМ``); an initial, one
    capital and a dot before a name (``Ѳ.Алшымбаев`` → ``Ө.Алшымбаев``); Kazakh suffixes written
    after a hyphen (``ҚМДБ-ӈ`` → ``ҚМДБ-ң``, ``2015-ҡа`` → ``2015-қа``); a known abbreviation
    (``ӱ.ж.`` → ``ү.ж.``, ``data/abbreviations.tsv``)."""
    n = len(text)
    if repaired.isupper() and 2 <= len(repaired) <= 6:
        return True
    if len(repaired) == 1 and repaired.isupper() and e + 1 < n and text[e] == "." \
            and (text[e + 1].isupper() or (text[e + 1] == " " and e + 2 < n and text[e + 2].isupper())):
        return True
    low = repaired.lower()
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalnum() and (low == "ң" or _suffix_chain(low)):
        return True
    if e < n and text[e] == ".":
        from ._data import abbreviations
        here = text[s:s + 8].translate(_READ_TABLE).lower()
        return any(here.startswith(a) and a.startswith(low + ".") for a in abbreviations())
    return False


# every look-alike, stand-in and sister letter read as the Cyrillic letter it stands for
_READ_TABLE = str.maketrans({**_LETTER_MAP, **_SISTER, "k": "к"})
_LINE_WORD_RE = re.compile(r"[^\W\d_]{3,}")
# a line is Kazakh by its words when at least this many of them, and this share, are known Kazakh forms
_LINE_WORDS_MIN, _LINE_WORDS_SHARE = 3, 0.8


def _kazakh_words_line(text: str, lo: int, hi: int, hits: _Memo) -> bool:
    """Is the line ``text[lo:hi]`` Kazakh by its words? Its words of three or more letters, each read
    with every look-alike and sister letter as the letter it stands for (so the answer is the same
    before and after any repair on the line), are at least :data:`_LINE_WORDS_MIN` known Kazakh forms
    and a share of :data:`_LINE_WORDS_SHARE` of the words that read as Cyrillic. Evidence for a
    sister letter when the line has no Kazakh letter its alphabet lacks (``Ол адамды амебиаз
    ауруына шалдыҡтырады``: 4 of 4 known); a Bashkir, Tatar or Altai line shares some words with
    Kazakh but not four in five (``Алтай Республиканыҥ тӧс калазы``: 3 of 4)."""
    key = ("line words", lo)
    got = hits.get(key)
    if got is None:
        known = total = 0
        for m in _LINE_WORD_RE.finditer(text, lo, hi):
            w = m.group().translate(_READ_TABLE)
            if all(_is_cyr(c) for c in w):
                total += 1
                known += _attested(w)
        got = hits[key] = known >= _LINE_WORDS_MIN and known >= _LINE_WORDS_SHARE * total
    return bool(got)


class _Hits:
    """Where one character class occurs in a text: "is there one in ``[lo, hi)``?". The first
    ``_DIRECT`` questions search the text itself (clean text with a few candidates pays nothing
    more); after that the positions are found once and each question is a binary search, so a text
    of many candidate words stays linear."""

    __slots__ = ("text", "pattern", "pos", "asked")

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self.text, self.pattern = text, pattern
        self.pos: list[int] | None = None
        self.asked = 0

    def _positions(self) -> list[int] | None:
        if self.pos is None:
            self.asked += 1
            if self.asked <= _DIRECT:
                return None
            self.pos = [m.start() for m in self.pattern.finditer(self.text)]
        return self.pos

    def any(self, lo: int, hi: int) -> bool:
        pos = self._positions()
        if pos is None:
            return lo < hi and self.pattern.search(self.text, lo, hi) is not None
        i = bisect_left(pos, lo)
        return i < len(pos) and pos[i] < hi

    def around(self, s: int, e: int) -> tuple[int, int]:
        """``(lo, hi)``: from after the last hit before ``s`` to the first hit at or after ``e``
        (with a line-break pattern: the line of ``text[s:e]``)."""
        pos = self._positions()
        if pos is None:
            m = self.pattern.search(self.text, e)
            lo = max(self.text.rfind(c, 0, s) for c in LINE_BREAK_CHARS) + 1
            return lo, (m.start() if m else len(self.text))
        i = bisect_left(pos, s)
        j = bisect_left(pos, e)
        return (pos[i - 1] + 1 if i else 0), (pos[j] if j < len(pos) else len(self.text))


_DIRECT = 64


def _kazakh_around(text: str, s: int, e: int) -> bool:
    """Kazakh (or Ukrainian/Belarusian) letters in ``text[s:e]`` or within ``_CONTEXT`` characters."""
    return bool(_KAZ_CONTEXT_RE.search(text, s, e)
                or _KAZ_AROUND_RE.search(text, max(0, s - _CONTEXT), s)
                or _KAZ_AROUND_RE.search(text, e, min(len(text), e + _CONTEXT)))


def _step_letters(text: str, homoglyphs: bool, kazakh_letters: bool, plans: _Memo | None = None
                  ) -> tuple[list[tuple[int, int, str, str, str]], list[tuple[int, int, str]]]:
    """Letter edits and suspects of one pass. ``plans`` keeps :func:`_word_plan`'s answer per word
    (and per answer of the Kazakh-context question, when the word asked it) across the calls of one
    :func:`normalize`: crawled news repeats its damaged words (``мемлекеттiк``) hundreds of times."""
    if plans is None:
        plans = {}
    edits: list[tuple[int, int, str, str, str]] = []
    suspects: list[tuple[int, int, str]] = []
    n = len(text)
    last_end = -1
    hits: _Memo = {}
    for m in _LETTER_TRIGGER.finditer(text):
        s, e = m.span()
        if s < last_end:
            continue  # same word as the previous trigger
        run = m.group()
        if not ((s and _is_wordchar(text[s - 1])) or (e < n and _is_wordchar(text[e]))
                or (not run.isascii() and _CYR_SUBST_RE.search(run))):
            # a whole Latin/Greek word: touched only when it is a Kazakh word typed in Latin
            # look-alikes, in Kazakh text ("ecki үйде" → "ескі үйде"); never "CEO", "Cape Town"
            if homoglyphs and run.isascii() and _twin_only(run):
                if _WORD_CONTEXT_RE not in hits:
                    hits[_WORD_CONTEXT_RE] = _Hits(text, _WORD_CONTEXT_RE)
                ctx = hits[_WORD_CONTEXT_RE]
                if _IWords not in hits:
                    hits[_IWords] = _IWords(text)
                iw = hits[_IWords]

                def word_context(s: int = s, e: int = e, ctx: _Hits = ctx, iw: _IWords = iw) -> bool:
                    return (ctx.any(max(0, s - _CONTEXT), min(n, e + _CONTEXT))
                            or iw.any(max(0, s - _CONTEXT), s) or iw.any(e, min(n, e + _CONTEXT)))

                plan, note = _latin_word_plan(text, s, e, word_context, lambda: _doc_forms(text, hits))
                if note:
                    suspects.append((s, e, note))
                for i, repl, kind in plan:
                    if kind == "homoglyph" or kazakh_letters:
                        edits.append((s + i, s + i + 1, repl, kind, "Latin look-alike word"))
            continue
        memo: list[bool] = []

        def kazakh_context(s: int = s, e: int = e, memo: list[bool] = memo) -> bool:
            # Kazakh (or Ukrainian/Belarusian) letters in the word or within _CONTEXT characters
            # either side. Asked once per piece of a word cut around foreign runs, so the answer
            # is kept: a 1 MB "жiжzжiжz..." is one word of 250,000 pieces (quadratic otherwise).
            if not memo:
                memo.append(_kazakh_around(text, s, e))
            return memo[0]

        while s > 0 and (text[s - 1].isalpha() or _is_mark(text[s - 1])):     # _is_wordchar, inlined
            s -= 1
        if s < last_end:
            continue  # same word as the previous trigger
        while e < n and (text[e].isalpha() or _is_mark(text[e])):
            e += 1
        last_end = e
        word = text[s:e]
        if _HAS_CYR.search(word) is None:
            continue
        memo.clear()
        # _word_plan depends on the word and, when it asks, on the Kazakh-context answer only
        got = plans.get(word)
        if got is None:
            plan, note = _word_plan(word, partial(kazakh_context, s, e, memo), homoglyphs, kazakh_letters)
            plans[word] = (plan, note) if not memo else {memo[0]: (plan, note)}
        elif isinstance(got, tuple):
            plan, note = got
        else:
            ctx_value = kazakh_context(s, e, memo)
            if ctx_value in got:
                plan, note = got[ctx_value]
            else:
                plan, note = got[ctx_value] = _word_plan(word, partial(kazakh_context, s, e, memo),
                                                         homoglyphs, kazakh_letters)
        if kazakh_letters and not word.isascii() and _SISTER_RE.search(word):
            fixed = list(word)
            for i, repl, _ in plan:
                fixed[i] = repl
            sis, sis_note = _sister_plan(text, s, e, "".join(fixed), hits)
            done = {i for i, _, _ in plan}
            plan = sorted(plan + [x for x in sis if x[0] not in done])
            note = note or sis_note
        if note:
            suspects.append((s, e, note))
        for i, repl, kind in plan:
            edits.append((s + i, s + i + 1, repl, kind, ""))
    return edits, suspects


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


# ---------------------------------------------------------------------------
# driver
# ---------------------------------------------------------------------------
_BOOL = (True, False)
_HTML_CHOICES = (None, True, False)
_OPTION_NAMES = ("mojibake", "invisible", "spaces", "nfc", "homoglyphs", "kazakh_letters", "quotes", "dashes")
# Passes over the whole text: normalize repeats its steps until one pass changes nothing, so
# normalize(normalize(x)) == normalize(x). A pass changes something again only when an edit
# brought new damage together (a deleted "\u200b" in "Р\u200bё" makes a mojibake pair; a decoded
# run of mojibake-of-mojibake is mojibake again; NFC turns "\u2adc" into "\u2add\u0338", a plain
# neighbour for a joiner). Each mojibake level halves the text, so real text needs 1-3 passes;
# the cap only bounds the time on constructed input.
_MAX_PASSES = 16
# the letter step repeats within a pass when a repaired word is the Kazakh context another needed
_LETTER_PASSES = 3


def _run(text: str, func: str, opts: dict[str, bool | None], want_edits: bool
         ) -> tuple[str, Alignment, list[Edit]]:
    check_text(text, func)
    for name in _OPTION_NAMES:
        check_choice(opts[name], name, _BOOL, func)
    html_opt = check_choice(opts["html_entities"], "html_entities", _HTML_CHOICES, func)
    html = html_opt is not False
    if not text or (
        not opts["quotes"] and not opts["dashes"] and not _needs_work(text, html, want_edits)
    ):
        return text, Alignment.identity(len(text)), []

    cur = text
    al = Alignment.identity(len(text))
    edits: list[Edit] = []
    suspects: list[tuple[int, int, str]] = []
    pass_kinds: set[str] = set()
    plans: _Memo = {}

    def apply(step_edits: list[tuple[int, int, str, str, str]]) -> None:
        nonlocal cur, al
        if want_edits:
            for s, e, repl, kind, note in step_edits:
                os, oe = al.span_to_src(s, e)
                edits.append(Edit(os, oe, kind, cur[s:e], repl, note))
        pass_kinds.update(ed[3] for ed in step_edits)
        cur, a2 = apply_edits(cur, [(s, e, r) for s, e, r, _, _ in step_edits])
        al = al.compose(a2)

    for _ in range(_MAX_PASSES):
        pass_kinds.clear()
        suspects = []
        # first: a decoded "&nbsp;" is then a space for the space step, "&shy;" an invisible
        if html and (html_opt or not _markup(cur)):
            step = _step_html(cur)
            if step:
                apply(step)
        if opts["mojibake"]:
            step = _step_utf8_mojibake(cur)
            if step:
                apply(step)
        for flag, fn in (("invisible", _step_invisible), ("spaces", _step_spaces), ("nfc", _step_nfc)):
            if opts[flag]:
                step = fn(cur)
                if step:
                    apply(step)
        if opts["homoglyphs"] or opts["kazakh_letters"]:
            # a repaired word can be the Kazakh context another word needed: repeat until stable
            for _ in range(_LETTER_PASSES):
                step, susp = _step_letters(cur, bool(opts["homoglyphs"]), bool(opts["kazakh_letters"]), plans)
                if step:
                    apply(step)
                if not step or all(note != _NOTE_CONTEXT for _, _, note in susp):
                    break
            suspects += [(*al.span_to_src(s, e), note) for s, e, note in susp]
        if opts["nfc"] and pass_kinds & {"homoglyph", "kazakh_letter"}:
            step = _step_nfc(cur)    # a repaired letter may compose with a mark: у + U+0306 → ў
            if step:
                apply(step)
        if opts["mojibake"]:
            # after NFC and the letter step: both can produce ќ ў ї є (к + U+0301, ϵ → є, ...)
            step, susp = _step_kz1048(cur)
            suspects += [(*al.span_to_src(s, e), note) for s, e, note in susp]
            if step:
                apply(step)
        if opts["nfc"] and "mojibake" in pass_kinds:
            step = _step_nfc(cur)    # ә (from ј) + U+0308 → ӛ
            if step:
                apply(step)
        for flag, fn in (("quotes", _step_quotes), ("dashes", _step_dashes)):
            if opts[flag]:
                step = fn(cur)
                if step:
                    apply(step)
        # Go again until a pass changes nothing (see _MAX_PASSES); the fast-path check proves
        # most repaired texts final without a second pass.
        if not pass_kinds or (not opts["quotes"] and not opts["dashes"] and not _needs_work(cur, html)):
            break
    if want_edits:
        seen = set()
        for s, e, note in suspects:
            if (s, e) not in seen:
                seen.add((s, e))
                edits.append(Edit(s, e, "suspect", text[s:e], text[s:e], note))
        edits.sort(key=lambda ed: (ed.start, ed.end))
    return cur, al, edits


@overload
def normalize(text: str, *, return_alignment: Literal[False] = ..., mojibake: bool = ..., invisible: bool = ...,
              spaces: bool = ..., nfc: bool = ..., homoglyphs: bool = ..., kazakh_letters: bool = ...,
              quotes: bool = ..., dashes: bool = ..., html_entities: bool | None = ...) -> str: ...
@overload
def normalize(text: str, *, return_alignment: Literal[True], mojibake: bool = ..., invisible: bool = ...,
              spaces: bool = ..., nfc: bool = ..., homoglyphs: bool = ..., kazakh_letters: bool = ...,
              quotes: bool = ..., dashes: bool = ..., html_entities: bool | None = ...) -> tuple[str, Alignment]: ...


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
) -> str | tuple[str, Alignment]:
    """Repair damaged Kazakh text; optionally return an :class:`Alignment` (output → source).

    Options (all keyword-only booleans):

    * ``mojibake`` (on): undo UTF-8 read as cp1251 (``РљР°Р·Р°Т›``) and KZ-1048
      read as cp1251 (``Ќазаќ``); only where the result reads as Kazakh/Russian.
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
        and return_alignment is False
        and mojibake in _BOOL and invisible in _BOOL and spaces in _BOOL
        and nfc in _BOOL and homoglyphs in _BOOL and kazakh_letters in _BOOL
        and html_entities in _HTML_CHOICES
        and not _needs_work(text, html_entities is not False)
    ):
        return text  # fast path: nothing that could need repair
    opts = dict(mojibake=mojibake, invisible=invisible, spaces=spaces, nfc=nfc, homoglyphs=homoglyphs,
                kazakh_letters=kazakh_letters, quotes=quotes, dashes=dashes, html_entities=html_entities)
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
) -> list[Edit]:
    """List every edit :func:`normalize` makes, plus suspect words it left alone (kind ``suspect``).

    Offsets are into ``text``; options are those of :func:`normalize`.

    >>> for e in explain("Aстана мен OAНA"):
    ...     print(e.start, e.end, e.kind, e.before, "->", e.after)
    0 1 homoglyph A -> А
    11 15 suspect OAНA -> OAНA
    """
    opts = dict(mojibake=mojibake, invisible=invisible, spaces=spaces, nfc=nfc, homoglyphs=homoglyphs,
                kazakh_letters=kazakh_letters, quotes=quotes, dashes=dashes, html_entities=html_entities)
    return _run(text, "explain", opts, want_edits=True)[2]
