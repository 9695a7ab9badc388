"""The document pass: the fast path for clean text (:func:`_needs_work`) and the driver
(:func:`_run`) that applies the steps in order, composes their alignments and repeats until
a pass changes nothing (``normalize(normalize(t)) == normalize(t)``).
"""

from __future__ import annotations

import re

from .._validate import check_choice, check_text
from ..alignment import Alignment, apply_edits
from ._chars import (
    _ENTITY_GATE, _markup, _plain_neighbour, _step_commas, _step_dashes, _step_html, _step_invisible, _step_nfc, _step_quotes,
    _step_spaces, _step_symbol_font,
)
from ._keyboard import _step_russian_letters
from ._letters import _step_letters
from ._lexicon import _caps_doc, _name_beside, _short_written
from ._lookalike_words import (
    _ELEMENTS, _caps_around, _doc_gate, _glued, _latin_word_reading, _number_suffix, _opens_sentence, _twin_only,
)
from ._mojibake import (
    _CP1251_BYTE, _MOJI_PUNCT, _RU_KK_LETTERS, _UTF8_GATE, _step_kz1048, _step_utf8_mojibake,
)
from ._script import _NOTE_CONTEXT, _runs_less_plain_words
from ._tables import Edit, _KAZ_SPECIFIC, _Memo, _cls


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
# the same runs less plain Latin words between safe non-letters ("Chrome", "http"): such a run is
# ASCII letters, touches no Cyrillic letter and has a letter with no Cyrillic twin, so it needs
# nothing; the regex engine passes over them (a crawled page writes thousands)
_FAST_CANDIDATES = _runs_less_plain_words("^\t\n\r\x20-\x40\x5b-\x60\x7b-\x7e" + _CYR_SAFE + _cls(_SAFE_PUNCT),
                                          "\t\n\r\x20-\x40\x5b-\x60\x7b-\x7e" + _cls(_SAFE_PUNCT))
_FAST_PAIRS = re.compile(_LP + _PP + "*?" + _LP)
_CYR_SAFE_SET = frozenset(c for c in _SAFE_CHARS if "\u0400" <= c <= "\u04ff")


# what a text may need: nothing (the fast path), only the letter step (every character is safe,
# no HTML reference, no mojibake pair; only Latin words touching Cyrillic or Latin look-alike words:
# "нұсқасыChrome", "ІV", "ecki"), or every step
_NOTHING, _LETTERS, _ALL = 0, 1, 2


def _work_level(text: str, html: bool = False, suspects: bool = False) -> int:
    """:data:`_NOTHING` when ``text`` certainly needs no repair (the fast path), :data:`_LETTERS`
    when only the letter step can change it, else :data:`_ALL`.

    ``html``: also look for HTML references (one ``"&" in text`` test on clean text).
    A whole ASCII word made only of letters with a Cyrillic twin (``ecki``, ``KCPO``) needs a look
    when its Cyrillic reading is a known Kazakh word, or always with ``suspects`` (for ``explain``,
    which reports the unknown ones); Cyrillic text with no Latin word costs nothing more.

    :data:`_LETTERS` is exact for the steps before the letter step: a text of safe characters only
    has no invisible character, no exotic space, nothing NFC changes, no KZ-1048 letter, and with
    no ``_ENTITY_GATE`` match no HTML reference (the UTF-8 mojibake step still runs: it has its own
    gate). A document that deliberately writes ``нұсқасыChrome`` so skips those scans, and so does
    the pass that checks a repaired text is final.
    """
    if html and "&" in text and _ENTITY_GATE.search(text) is not None:
        return _ALL
    n = len(text)
    level = _NOTHING
    for m in _FAST_CANDIDATES.finditer(text):     # _FAST_RUNS less plain Latin words
        run = m.group()
        if not (run.isascii() and run.isalpha()):
            return _ALL                       # a character outside the safe set
        if level:
            continue                          # the letter step is due: look for unsafe characters only
        s, e = m.span()
        if (s and text[s - 1] in _CYR_SAFE_SET) or (e < n and text[e] in _CYR_SAFE_SET):
            level = _LETTERS                  # a Latin letter touching a Cyrillic one
        elif _twin_only(run) and not _glued(text, s, e) and (
                suspects or _latin_word_reading(run, _caps_around(text, s, e), None,
                                                run in _ELEMENTS and _opens_sentence(text, s, e)) is not None
                or _doc_gate(text, s, e) or _short_written(text, s, e) or _name_beside(text, s, e)
                or _number_suffix(text, s, run)
                or _caps_doc(text, s, e)):
            level = _LETTERS                  # a Kazakh word typed in Latin look-alikes?
    if _FAST_PAIRS.search(text) is not None:
        return _ALL
    return level


def _needs_work(text: str, html: bool = False, suspects: bool = False) -> bool:
    """False when ``text`` certainly needs no repair (the fast path); see :func:`_work_level`."""
    return _work_level(text, html, suspects) != _NOTHING


# ---------------------------------------------------------------------------
# driver
# ---------------------------------------------------------------------------
_BOOL = (True, False)
_HTML_CHOICES = (None, True, False)
_OPTION_NAMES = ("mojibake", "invisible", "spaces", "nfc", "homoglyphs", "kazakh_letters", "quotes", "dashes",
                 "russian_letters")
# Passes over the whole text: normalize repeats its steps until one pass changes nothing, so
# normalize(normalize(x)) == normalize(x). A pass changes something again only when an edit
# brought new damage together (a deleted "\u200b" in "Р\u200bё" makes a mojibake pair; a decoded
# run of mojibake-of-mojibake is mojibake again; NFC turns "\u2adc" into "\u2add\u0338", a plain
# neighbour for a joiner). Each mojibake level halves the text, so real text needs 1-3 passes;
# the cap only bounds the time on constructed input.
_MAX_PASSES = 16
# the letter step repeats within a pass when a repaired word is the Kazakh context another needed
_LETTER_PASSES = 3
# texts this long skip the fast-path check after a pass when the letter-step check can stand for it
_LONG = 2000


def _only_letters_left(cur: str, html: bool, opts: dict[str, bool | None],
                       letter_changes: list[tuple[int, str, str]], steps: set[str]) -> bool:
    """After a full pass in which only the HTML, invisible and letter ``steps`` changed the text: do
    the steps of the next pass before the letter step (HTML, mojibake, invisible, spaces, NFC, comma)
    find nothing in ``cur``? Then the next pass would be the letter step alone (and the KZ-1048 step,
    which already saw ``cur`` at the end of this pass and changed nothing), so :func:`_run` asks the
    letter step alone whether the text is final: one scan instead of a whole pass (crawled news has
    HTML references and Latin ``i`` in Kazakh words, and little else).

    The spaces, NFC and comma steps ran after the HTML and invisible steps of this pass and changed
    nothing; after them the letter step only replaced letters by letters, one for one, so:

    * spaces, comma: they read a letter only as "a letter", and no letter is a space;
    * NFC: the pass ran NFC again after the letter step (a repaired letter may compose with a mark)
      and it changed nothing;
    * invisible: a joiner keeps its job only between characters that :func:`_plain_neighbour` does
      not call plain (checked for every replaced letter); after a deletion, the step is asked again;
    * HTML and UTF-8 mojibake ran before the deletions and letter repairs, which can complete a
      reference or a mojibake pair (``&am\u00adp;``; the reverse rule makes ``&quоt;`` Latin): the
      HTML step is asked again where its gate finds a reference, the mojibake step's gate is asked.
    """
    for before, after in {(b, a) for _, b, a in letter_changes}:     # a few distinct pairs (i → і ...)
        if len(before) != 1 or len(after) != 1 or not before.isalpha() or not after.isalpha() \
                or _plain_neighbour(before) != _plain_neighbour(after):
            return False
    if html and "&" in cur and _ENTITY_GATE.search(cur) is not None and _step_html(cur):
        return False
    deleted = "invisible" in steps
    if deleted and _step_invisible(cur):
        return False
    return not (opts["mojibake"] and (letter_changes or deleted) and _UTF8_GATE.search(cur) is not None)


def _final_suspects(cur: str, html: bool, again: list[tuple[int, int, str]], letters: list[tuple[int, int, str]],
                    kz: list[tuple[int, int, str]], reported: list[tuple[int, int, str]],
                    level: int | None = None) -> list[tuple[int, int, str]]:
    """The suspects the next pass would have reported (``again``: the letter step's on ``cur``, ``kz``:
    the KZ-1048 step's, the same on ``cur``), or this pass's (``reported``) when the fast-path check
    would have stopped before it. Equal when the letter step says the same as before and KZ-1048 none."""
    if again == letters and not kz:
        return reported
    if level is None:
        level = _work_level(cur, html)
    if level == _NOTHING:
        return reported
    return again + kz if level == _ALL else again


def _run(text: str, func: str, opts: dict[str, bool | None], want_edits: bool
         ) -> tuple[str, Alignment, list[Edit]]:
    check_text(text, func)
    for name in _OPTION_NAMES:
        check_choice(opts[name], name, _BOOL, func)
    html_opt = check_choice(opts["html_entities"], "html_entities", _HTML_CHOICES, func)
    html = html_opt is not False
    # quotes, dashes and russian_letters are steps the level does not look at: with one on, every pass is full
    plain = not opts["quotes"] and not opts["dashes"] and not opts["russian_letters"]
    level = _work_level(text, html, want_edits) if plain and text else _ALL
    if not text or level == _NOTHING:
        return text, Alignment.identity(len(text)), []

    cur = text
    al = Alignment.identity(len(text))
    edits: list[Edit] = []
    suspects: list[tuple[int, int, str]] = []
    letter_suspects: list[tuple[int, int, str]] = []
    kz_suspects: list[tuple[int, int, str]] = []
    pass_kinds: set[str] = set()
    plans: _Memo = {}
    pass_steps: set[str] = set()       # the steps that changed the text in this pass
    letter_changes: list[tuple[int, str, str]] = []   # (position, before, after) of this pass's letter edits

    def apply(step_edits: list[tuple[int, int, str, str, str]], name: str = "") -> None:
        nonlocal cur, al
        pass_steps.add(name)
        if want_edits:
            for s, e, repl, kind, note in step_edits:
                os, oe = al.span_to_src(s, e)
                edits.append(Edit(os, oe, kind, cur[s:e], repl, note))
        pass_kinds.update(ed[3] for ed in step_edits)
        cur, a2 = apply_edits(cur, [(s, e, r) for s, e, r, _, _ in step_edits])
        al = al.compose(a2)

    for _ in range(_MAX_PASSES):
        pass_kinds.clear()
        pass_steps.clear()
        letter_changes.clear()
        suspects, letter_suspects, kz_suspects = [], [], []
        first_full = level == _ALL
        # _LETTERS: the HTML, invisible, space, NFC and comma steps find nothing here (see _work_level)
        full = level == _ALL
        # first: a decoded "&nbsp;" is then a space for the space step, "&shy;" an invisible
        if full and html and (html_opt or not _markup(cur)):
            step = _step_html(cur)
            if step:
                apply(step, "html")
        if full and opts["mojibake"]:
            step = _step_symbol_font(cur)     # before the mojibake step: ° is a cp1251 byte
            if step:
                apply(step, "symbol_font")
        if opts["mojibake"]:
            step = _step_utf8_mojibake(cur)
            if step:
                apply(step)
                full = True               # decoded text may hold anything: every step looks
        for flag, fn in (("invisible", _step_invisible), ("spaces", _step_spaces), ("nfc", _step_nfc),
                         ("homoglyphs", _step_commas)):
            if full and opts[flag]:
                step = fn(cur)
                if step:
                    apply(step, flag)
        if opts["homoglyphs"] or opts["kazakh_letters"]:
            # a repaired word can be the Kazakh context another word needed: repeat until stable
            for _ in range(_LETTER_PASSES):
                step, susp = _step_letters(cur, bool(opts["homoglyphs"]), bool(opts["kazakh_letters"]), plans)
                if step:
                    letter_changes.extend((s, cur[s:e], r) for s, e, r, _, _ in step)
                    apply(step, "letters")
                if not step or all(note != _NOTE_CONTEXT for _, _, note in susp):
                    break
            letter_suspects = [(*al.span_to_src(s, e), note) for s, e, note in susp]
            suspects += letter_suspects
        if opts["russian_letters"]:
            step, susp = _step_russian_letters(cur)     # after the letter step: кiтап is кітап by now
            suspects += [(*al.span_to_src(s, e), note) for s, e, note in susp]
            if step:
                apply(step, "russian_letters")
        if opts["nfc"] and pass_kinds & {"homoglyph", "kazakh_letter"}:
            step = _step_nfc(cur)    # a repaired letter may compose with a mark: у + U+0306 → ў
            if step:
                apply(step)
        if opts["mojibake"] and (full or pass_kinds):
            # after NFC and the letter step: both can produce ќ ў ї є (к + U+0301, ϵ → є, ...);
            # a _LETTERS text that nothing changed has no KZ-1048 letter
            step, susp = _step_kz1048(cur)
            kz_suspects = [(*al.span_to_src(s, e), note) for s, e, note in susp]
            suspects += kz_suspects
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
        # most repaired texts final without a second pass, and most others need the letter step only.
        if not pass_kinds:
            break
        # the fast-path check first on a short text (it is cheap there, and most repaired sentences
        # pass it); a long one has some character it stops at, so it goes to the letter-step check
        known_level: int | None = None
        if plain and len(cur) < _LONG:
            known_level = level = _work_level(cur, html)
            if level == _NOTHING:
                break
        if plain and first_full and pass_steps <= {"html", "invisible", "letters"} \
                and _only_letters_left(cur, html, opts, letter_changes, pass_steps):
            # The next pass could only change what the letter step decides (see _only_letters_left):
            # ask the letter step alone; if it changes nothing, that pass would change nothing.
            if "letters" not in pass_steps:
                step, again = [], letter_suspects    # the letter step (if on) already saw this very text
            else:
                step, susp = _step_letters(cur, bool(opts["homoglyphs"]), bool(opts["kazakh_letters"]), plans)
                again = [(*al.span_to_src(s, e), note) for s, e, note in susp]
            if not step:
                if want_edits:
                    suspects = _final_suspects(cur, html, again, letter_suspects, kz_suspects, suspects, known_level)
                break
        if plain and known_level is None:
            level = _work_level(cur, html)
            if level == _NOTHING:
                break
    if want_edits:
        seen = set()
        for s, e, note in suspects:
            if (s, e) not in seen:
                seen.add((s, e))
                edits.append(Edit(s, e, "suspect", text[s:e], text[s:e], note))
        edits.sort(key=lambda ed: (ed.start, ed.end))
    return cur, al, edits
