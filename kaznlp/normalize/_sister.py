"""Sister-alphabet letters in Kazakh words (Bashkir ``ҡ``, Altai ``ҥ ӱ ӧ``, Yakut ``ҕ`` ...:
``Ҡазаҡстан`` → ``Қазақстан``), decided from the Kazakh evidence around the word; :class:`_Hits`
finds that evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..linebreaks import LINE_BREAK, LINE_BREAK_CHARS
from ..lang.alphabet import VOWELS
from ._lexicon import _attested, _doc_forms, _sister_attested, _suffix_attested, _suffix_chain
from ._lines import _I_RE, _I_WORD_LETTERS, _READ_TABLE, _line_letter_support, _line_words_kazakh
from ._script import _CONTEXT
from ._tables import _DIRECT, _KAZ_SPECIFIC, _Memo, _SISTER, _SISTER_RE


# letters a Bashkir/Tatar/Chuvash/Altai/Mari/Tajik/Uzbek/Karakalpak text has and Kazakh has not:
# their presence near the word says the text is one of those languages, left alone
_SISTER_TEXT_RE = re.compile("[ҙҘҫҪҗҖӑӐӗӖҹҸҷҶӣӢӯӮўЎҳҲӝӜӟӞӓӒӥӤӵӴӹӸӌӋԓԒҧҦҟҞ]")
# Kazakh evidence per sister letter: Kazakh letters that the alphabets using that letter lack (Bashkir
# has ә ғ ң ө ү һ but no і ұ қ; Chukchi, Khanty, Nenets have none of Kazakh's letters; Altai, Mari,
# Yakut have ө ү (Yakut һ) but no ә ғ қ ұ і; Khakas has і ғ ң ӧ ӱ but no ә қ ұ). Uzbek and Karakalpak
# have қ but also ў/ҳ, which _SISTER_TEXT_RE catches. The Caucasian palochka Ӏ (Chechen ХӀинца) needs a
# Kazakh letter other than і.
_ALL_KAZ = _KAZ_SPECIFIC
_KAZAKH_EVIDENCE: dict[str, re.Pattern[str]] = {}
# ө ү are evidence beside ӧ ӱ: no alphabet with ӧ ӱ (Altai, Khakas, Shor, Mari, Komi, Udmurt) has ө ү
for _letters, _evidence in (("ҡҠ", "ІіҰұҚқ"), ("ӄӃӈӇӷӶѳѲ", _ALL_KAZ), ("ҥҤ", "ӘәҒғҚқҰұІі"),
                            ("ҕҔ", "ӘәҒғҚқҢңҰұІі"), ("ӱӰӧӦ", "ӘәҚқҰұӨөҮү"),
                            # Chechen/Ingush/Avar/Kabardian have none of Kazakh's letters; і is what Ӏ becomes
                            ("Ӏӏ", "ӘәҒғҚқҢңӨөҰұҮүҺһ")):
    for _c in _letters:
        _KAZAKH_EVIDENCE[_c] = re.compile(f"[{_evidence}]")
# Chechen and Ingush write ь after a vowel (Соьлжа-ГӀала, ГӀалгӀайчоь, воьду); Kazakh and Russian never
# do: near such a digraph a palochka is the Caucasian letter, left alone
_PALOCHKA_SET = frozenset("Ӏӏ")
_CAUCASIAN_TEXT_RE = re.compile("[аоуэюяеиАОУЭЮЯЕИ]ь")
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
    if _PALOCHKA_SET.intersection(word) and hit(_CAUCASIAN_TEXT_RE).any(lo, hi):
        return [], ""
    repaired = "".join(_sister_char(fixed, i) for i in range(len(fixed)))
    # Kazakh evidence is looked for on the whole line: a line with evidence has all its words decided
    # in one pass, and the letters they gain (қ for ҡ) change nothing for the line; a window would let
    # each repaired word be the evidence for the next 250 characters at the next call (no idempotence)
    llo, lhi = hit(LINE_BREAK).around(s, e)
    for c in set(word):
        ev = _KAZAKH_EVIDENCE.get(c)
        if ev is not None and not (hit(ev).any(llo, s) or hit(ev).any(e, lhi) or ev.search(fixed)) \
                and not _line_words_kazakh(text, llo, lhi, hits, c in _I_WORD_LETTERS and bool(_I_RE.search(fixed))
                                           and _attested(repaired)):
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
    return [(i, _sister_char(word, i), "kazakh_letter") for i, c in enumerate(word) if c in _SISTER], ""


def _sister_char(word: str, i: int) -> str:
    """The Kazakh letter for ``word[i]`` (itself if it is no sister letter). Caucasian alphabets have
    one palochka for both cases (Chechen ``цӀе``, ``ХӀинца``): a capital ``Ӏ`` after the first letter of
    a word with a lower-case letter is ``і`` (``тӀстеп`` → ``тістеп``, ``Ӏнжіл`` → ``Інжіл``)."""
    c = word[i]
    if c == "Ӏ" and i and any(x.islower() for x in word):
        return "і"
    return _SISTER.get(c, c)


def _glued_parts_attested(word: str, repaired: str) -> bool:
    """Words glued at a lower-to-upper case change (crawled menus and headlines:
    ``толығыменҠР``, ``сапарПоделитьсяТаӄырып``, ``ҠазКСР``, an acronym before a capitalised word:
    ``ҠРПремьер``): every part that has a sister letter
    in ``word`` is, as ``repaired`` spells it (the same length), a known form or an acronym of two
    to six capitals; the other parts may be anything (``Поделиться``)."""
    n = len(repaired)
    cuts = [0] + [i for i in range(1, n) if repaired[i].isupper() and (repaired[i - 1].islower() or (
        i + 1 < n and repaired[i - 1].isupper() and repaired[i + 1].islower()))]     # ҚР|Премьер too
    if len(cuts) == 1 or len(word) != len(repaired):
        return False
    cuts.append(len(repaired))
    for a, b in zip(cuts, cuts[1:]):
        part = repaired[a:b]
        if _SISTER_RE.search(word[a:b]) and not (_attested(part) or (part.isupper() and 2 <= len(part) <= 6)):
            return False
    return True


# a Kazakh surname or patronymic: a capitalised stem + ов ев ова ева / ұлы қызы + Kazakh suffixes
_SURNAME_RE = re.compile("([А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]{2,}?)(ова|ева|ов|ев|ұлы|қызы)([а-яёәғқңөұүһі]*)")


def _shape_attested(text: str, s: int, e: int, repaired: str) -> bool:
    """Words no list can hold, known by their shape (Kazakh evidence on the line is already given):
    an acronym of two to six capitals (``ЭЦҠ`` → ``ЭЦҚ``, ``БӶМ`` → ``БҒМ``); an initial, one
    capital and a dot before a name (``Ѳ.Алшымбаев`` → ``Ө.Алшымбаев``); Kazakh suffixes written
    after a hyphen (``ҚМДБ-ӈ`` → ``ҚМДБ-ң``, ``2015-ҡа`` → ``2015-қа``); a known abbreviation
    (``ӱ.ж.`` → ``ү.ж.``, ``data/abbreviations.tsv``)."""
    n = len(text)
    if repaired.isupper() and 2 <= len(repaired) <= 6:
        return True
    m = _SURNAME_RE.fullmatch(repaired)
    if m and not VOWELS.isdisjoint(m.group(1)) and _suffix_chain(m.group(3)):
        return True
    if len(repaired) == 1 and repaired.isupper() and e + 1 < n and text[e] == "." \
            and (text[e + 1].isupper() or (text[e + 1] == " " and e + 2 < n and text[e + 2].isupper())):
        return True
    low = repaired.lower()
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalnum() and repaired == low \
            and (low == "ң" or _suffix_chain(low)):          # a suffix is lower case (ҚМДБ-ӈ, not -ГӀала)
        return True
    if e < n and text[e] == ".":
        from .._data import abbreviations
        here = text[s:s + 8].translate(_READ_TABLE).lower()
        return any(here.startswith(a) and a.startswith(low + ".") for a in abbreviations())
    return False


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
