"""Legacy-encoding damage: UTF-8 read as cp1251 (``РљР°Р·Р°Т›`` → ``Қазақ``) and KZ-1048
read as cp1251 (``Ќазаќстан`` → ``Қазақстан``), repaired only where the result reads as
Kazakh or Russian.
"""

from __future__ import annotations

import re

from ..linebreaks import NOT_LINE_BREAK
from ._lexicon import _attested
from ._tables import _DASH, _INVISIBLE, _KAZ_SPECIFIC, _LETTER_MAP, _SPACE, _any_in, _cls


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
# real Kazakh letters, or letters of Uzbek/Tajik/Tatar/Bashkir/Altai... (ҳ ӯ ӣ ҷ җ ҙ ҫ ҡ ӧ ӱ ҥ): cp1251 cannot have
# made them, so a line holding one was not decoded as cp1251 (Uzbek "Ўзбекистон ... шаҳри", Altai "јылда кӧп")
_KZ_GENUINE_RE = re.compile("[ӘәҒғҚқҢңӨөҰұҮүҺһҳҲӯӮӣӢҷҶҗҖҙҘҫҪҡҠӄӃҥҤӈӇӷӶҕҔӱӰӧӦѳѲ]")
_BALKAN_RE = re.compile("[ЂђЃѓЉљЊњЏџ]")
_RU_ONLY_RE = re.compile("[ыЫэЭйЙщЩъЪьЬюЮяЯёЁ]")
_NOT_BY_RE = re.compile("[иИщЩъЪ]")          # letters Belarusian does not use
_NOT_UKR_RE = re.compile("[ыЫэЭёЁъЪ]")        # letters Ukrainian does not use


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
            kazakh_line = _KAZAKH_LETTER_RE.search(seg) is not None
            for w in re.finditer(r"[^\W\d_]+", seg):
                word = w.group()
                if kazakh_line and _kz1048_word(word):
                    s = base + w.start()
                    edits += [(s + i, s + i + 1, _KZ1048[c], "mojibake", _NOTE_KZ_WORD)
                              for i, c in enumerate(word) if c in _KZ1048]
                elif any(c in _KZ_STRONG for c in word):
                    suspects.append((base + w.start(), base + w.end(), "possible KZ-1048 mojibake"))
    return edits, suspects


# One letter of a one-byte Kazakh font (KZ-1048 read as cp1251) in a word of an otherwise Unicode Kazakh
# line: apertium (dev) «їш айдан кешіктірілмей», «субъекті немесе заңды тўұға їшін». The line has real
# Kazakh letters, so the whole-line rule above does not apply; the word is repaired when it is no known
# form and its KZ-1048 reading is (їш → үш, їшін → үшін); a Ukrainian word (їх, Україна) reads as none.
_KAZAKH_LETTER_RE = re.compile("[ӘәҒғҚқҢңӨөҰұҮүІі]")
_NOTE_KZ_WORD = "KZ-1048 letter in a Kazakh word"


def _kz1048_word(word: str) -> bool:
    return any(c in _KZ1048 for c in word) and not _attested(word) and _attested(word.translate(_KZ1048_TABLE))
_KZ1048_CHARS = tuple(_KZ1048)
_KZ1048_TABLE = str.maketrans(_KZ1048)
