"""The character tables of :mod:`kaznlp.normalize` and the types every step shares.

``kaznlp/data/normalize_chars.tsv`` (one row per character, with where it was seen) is read once:
look-alikes (``A`` → ``А``), Kazakh letters from other tables (``ə`` → ``ә``), invisible
characters, spaces, dashes, sister-alphabet letters (``ҡ`` → ``қ``). :class:`Edit` and
:data:`KINDS` are the public record of one change.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import unicodedata2

from .._data import read_lines
from ..lang.alphabet import KAZAKH_LETTERS, KAZAKH_LETTERS_UPPER


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
    tables: dict[str, dict[str, str]] = {}
    for line in read_lines("normalize_chars.tsv"):
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
_SYMBOL_FONT: dict[str, str] = _TABLES["symbol_font"]

_KAZ_ONLY_LATIN = frozenset("iIh")          # need a Kazakh context: Russian has no і / һ
_LETTER_MAP: dict[str, str] = {**_HOMOGLYPH, **_KAZ_LETTER}
# letters of sister Cyrillic alphabets (Bashkir ҡ, Altai ҥ ӱ ӧ, Yakut ҕ ...): kept apart from _LETTER_MAP,
# mapped only inside attested Kazakh words in Kazakh context (see _sister_plan)
_SISTER: dict[str, str] = _TABLES.get("sister_letter", {})
_CYR_SUBSTITUTES = frozenset(c for c in _KAZ_LETTER if "\u0400" <= c <= "\u052f")   # ӊ Ӊ
# the Kazakh-only letters, capital then small: "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
_KAZ_SPECIFIC = "".join(u + lo for u, lo in zip(KAZAKH_LETTERS_UPPER, KAZAKH_LETTERS))
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


def _any_in(chars: tuple[str, ...], text: str) -> bool:
    """``str.__contains__`` per character: much faster than a regex scan on long text."""
    for c in chars:
        if c in text:
            return True
    return False
_SISTER_RE = re.compile(f"[{_cls(''.join(_SISTER))}]")


# ---------------------------------------------------------------------------
# whole words typed in Latin look-alikes inside Kazakh text ("KCPO тарағаннан кейін", "ecki үйде")
# ---------------------------------------------------------------------------
# every ASCII letter that some Cyrillic letter looks like; a word of these only is a candidate
# (and lower-case k for к: whole words only, the "ecki үйде"; inside a Cyrillic word a Latin k
# is not mapped, it may be a brand glued to a suffix)
_ASCII_TWIN: dict[str, str] = {**{k: v for k, v in _LETTER_MAP.items() if k.isascii()}, "k": "к"}
_ASCII_TWIN_SET = frozenset(_ASCII_TWIN)
_TWIN_TABLE = str.maketrans(_ASCII_TWIN)


# the memo of one _step_letters call: character-class hits, the text's words, line answers
_Memo = dict[object, Any]


_DIRECT = 64
