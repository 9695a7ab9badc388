"""The letter step of one pass: sister-alphabet letters in Kazakh words (``Ҡазаҡстан`` →
``Қазақстан``), the Kazakh evidence around a word, and :func:`_step_letters`, which walks
the words of the text and collects the edits and suspects of every word-level rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial

from ..linebreaks import LINE_BREAK, LINE_BREAK_CHARS
from ..lang.alphabet import VOWELS
from ._lexicon import _attested, _doc_forms, _sister_attested, _suffix_attested, _suffix_chain
from ._lines import _I_RE, _I_WORD_LETTERS, _READ_TABLE, _line_letter_support, _line_words_kazakh
from ._lookalike_words import _WORD_CONTEXT_RE, _IWords, _latin_word_plan, _twin_only
from ._script import (
    _CONTEXT, _CYR_SUBST_RE, _HAS_CYR, _INITIAL_STANDINS, _LETTER_CANDIDATE, _NOTE_INITIAL, _PLAIN_NEIGHBOUR,
    _initial_before_cyrillic, _kazakh_around, _word_plan,
)
from ._tables import _DIRECT, _KAZ_SPECIFIC, _LETTER_MAP, _Memo, _SISTER, _SISTER_RE, _is_mark, _is_wordchar


# ---------------------------------------------------------------------------
# sister-alphabet letters (Bashkir ҡ, Altai ҥ ӱ ӧ, Yakut ҕ ...) inside Kazakh words
# ---------------------------------------------------------------------------
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


def _ranges(chars: str) -> str:
    """A regex class body for ``chars`` (sorted, as ranges)."""
    out, cps = [], sorted(map(ord, chars))
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(re.escape(chr(cps[i])) + ("-" + re.escape(chr(cps[j])) if j > i else ""))
        i = j + 1
    return "".join(out)


# the letters and marks (_is_wordchar) below U+0530: a candidate is widened to its word by regex over these
_WORD_LOW = _ranges("".join(c for c in map(chr, range(0x530)) if _is_wordchar(c)))
_WORD_LOW_RUN = re.compile(f"[{_WORD_LOW}]*")
_TO_LAST_NOT_WORD = re.compile(f".*[^{_WORD_LOW}]", re.S)
_WIDEN_BACK = 64


# the key of the letter step's last scan in the memo of one normalize call (no word is a tuple)
_SCAN_KEY = ("letter candidates",)
# a window reaches back at most this far for the start of its piece of text; further, the text is scanned again
_WINDOW_BACK = 256
# edits this close to the last window widen it (a window less to find and to scan)
_WINDOW_GAP = 200
# from a position to the end of the last plain character before the end; a run of characters that are not plain
_TO_LAST_PLAIN = re.compile(f".*[{_PLAIN_NEIGHBOUR}]", re.S)
_NOT_PLAIN = re.compile(f"[^{_PLAIN_NEIGHBOUR}]*")


def _not_plain_end(text: str, i: int) -> int:
    """The end of the run of characters that are not plain from ``i``."""
    m = _NOT_PLAIN.match(text, i)
    return m.end() if m is not None else i


def _candidate_spans(text: str, plans: _Memo) -> list[tuple[int, int]]:
    """The spans of :data:`_LETTER_CANDIDATE` in ``text``. The letter step is asked again on the
    text its own edits made (a second round within a pass, and the check that a repaired text is
    final): such a text differs from the one scanned last only at the edited letters, so only the
    pieces around them (bounded by plain characters: spaces, digits, ASCII punctuation, see
    ``_PLAIN_NEIGHBOUR``) are scanned again. A candidate is a run of trigger letters and depends on
    its run and the character either side only, so the spans are those of a full scan."""
    last = plans.get(_SCAN_KEY)
    if last is not None:
        spans = _spans_after_edits(text, *last)
        if spans is not None:
            return spans
    return [m.span() for m in _LETTER_CANDIDATE.finditer(text)]


def _spans_after_edits(text: str, before: str, edits: list[tuple[int, int, str, str, str]],
                       spans: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The candidate spans of ``text`` when it is ``before`` (whose spans are ``spans``) with the
    one-letter ``edits`` made, else None."""
    n = len(text)
    if n != len(before):
        return None
    if not edits:
        return spans if text == before else None
    letters = sorted([(s, repl) for s, e, repl, _, _ in edits if e - s == 1 and len(repl) == 1])
    pieces: list[str] = []
    prev = 0
    for s, repl in letters:
        if s < prev:
            return None           # two edits of one letter
        pieces += (before[prev:s], repl)
        prev = s + 1
    pieces.append(before[prev:])
    if len(letters) != len(edits) or "".join(pieces) != text:
        return None
    changed = [s for s, _ in letters]
    windows: list[list[int]] = []
    for p in changed:
        if windows and p < windows[-1][1] + _WINDOW_GAP:    # near the last piece: one window (scanning is cheap)
            if p >= windows[-1][1]:
                windows[-1][1] = _not_plain_end(text, p + 1)
            continue
        lo = max(0, p - _WINDOW_BACK)
        m = _TO_LAST_PLAIN.match(text, lo, p)
        if m is not None:
            a = m.end()
        elif lo:
            return None
        else:
            a = 0
        b = _not_plain_end(text, p + 1)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    out: list[tuple[int, int]] = []
    i, k = 0, len(spans)
    for a, b in windows:
        while i < k and spans[i][0] < a:
            out.append(spans[i])
            i += 1
        while i < k and spans[i][0] < b:
            i += 1
        out += [m.span() for m in _LETTER_CANDIDATE.finditer(text, a, b)]
    out += spans[i:]
    return out


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

    def kazakh_context(s: int, e: int, memo: list[bool]) -> bool:
        # Kazakh (or Ukrainian/Belarusian) letters in the word or within _CONTEXT characters
        # either side. Asked once per piece of a word cut around foreign runs, so the answer
        # is kept: a 1 MB "жiжzжiжz..." is one word of 250,000 pieces (quadratic otherwise).
        if not memo:
            memo.append(_kazakh_around(text, s, e))
        return memo[0]

    spans = _candidate_spans(text, plans)          # _LETTER_TRIGGER runs less plain Latin words
    for s, e in spans:
        if s < last_end:
            continue  # same word as the previous trigger
        run = text[s:e]
        # _is_wordchar inlined (no combining mark lies below U+0300)
        if not ((s and ((c := text[s - 1]).isalpha() or (c > "\u02ff" and _is_mark(c))))
                or (e < n and ((c := text[e]).isalpha() or (c > "\u02ff" and _is_mark(c))))
                or (not run.isascii() and _CYR_SUBST_RE.search(run))):
            # a whole Latin/Greek word: touched only when it is a Kazakh word typed in Latin
            # look-alikes, in Kazakh text ("ecki үйде" → "ескі үйде"); never "CEO", "Cape Town"
            if kazakh_letters and run in _INITIAL_STANDINS and _initial_before_cyrillic(text, e):
                edits.append((s, e, _LETTER_MAP[run], "kazakh_letter", _NOTE_INITIAL))
                continue
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

        # widen to the word: the regexes take the letters and marks below U+0530, the loops the rest
        if s and (w := _TO_LAST_NOT_WORD.match(text, max(0, s - _WIDEN_BACK), s)) is not None:
            s = w.end()
        elif s:
            s = max(0, s - _WIDEN_BACK)
        while s > 0 and (text[s - 1].isalpha() or (text[s - 1] > "\u02ff" and _is_mark(text[s - 1]))):
            s -= 1
        if s < last_end:
            continue  # same word as the previous trigger
        e = w.end() if (w := _WORD_LOW_RUN.match(text, e)) is not None else e
        while e < n and (text[e].isalpha() or (text[e] > "\u02ff" and _is_mark(text[e]))):
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
    plans[_SCAN_KEY] = (text, edits, spans)
    return edits, suspects
