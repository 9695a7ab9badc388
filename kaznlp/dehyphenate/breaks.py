from __future__ import annotations

import re

from unicodedata2 import category  # the core's Unicode tables, as tokenize reads them

from kaznlp.lang.alphabet import VOWELS

from .chars import (
    LAYOUT_SPACE,
    _BULLET,
    _CLOSERS,
    _DASHES,
    _FINAL,
    _HEAD_WORD,
    _HYPH_SPACE,
    _HYPHENS,
    _LINE_START_CLOSERS,
    _TAIL_WINDOW,
    SOFT,
    _head,
    _tail_word,
    ends_range_dash,
)
from .cuts import caps_cut, cut_again, fills_column
from .evidence import Evidence, Verdict
from .learned import READS_AFTER, _decide_inline, _decide_plain, exact_plain_score
from .layout import short_block_join
from .rules_inline import _glued_phrase_join, _lost_suffix_hyphen
from .morph import CONJUNCTIONS, _ends_number, _is_acronym, norm
from .lost_hyphens import lost_real_hyphen, bracket_range, lost_number_hyphen, lost_pair_hyphen
from .rules_line import caps_run_join, _decide_line_hyphen, _lost_range, _spaced_hyphen_break, _suffix_only_line, _text_stem_spans


def _inline_line(ev: "Evidence", line: str, base: int, inline: list[tuple[int, int, str]],
                 trace: list | None = None, at: list[int] | None = None) -> None:
    """Decide every "hyphen + space" of one line (``Премьер- Министрінің``), appending edits.
    ``at``: where they start in ``line`` (``_HYPH_SPACE`` matches), if the caller found them.

    Pieces chained by several of them (``инно- да- лық``) are judged as the words a second pass
    over the output would see: the left word includes what the previous decision glued, the
    right word what the next one glued; adjacent decisions are repeated until they agree."""
    ms: list[tuple[re.Match[str], str, re.Match[str], str] | None] = []
    found = (list(_HYPH_SPACE.finditer(line)) if at is None
             else [m for p in at if (m := _HYPH_SPACE.match(line, p)) is not None])
    for m in found:
        tw = _tail_word(line, m.start())
        hw = _HEAD_WORD.match(line, m.end())
        ms.append((m, tw.replace(SOFT, ""), hw, _head(hw)) if tw and hw else None)
    n = len(ms)
    adjacent = [False] * n
    for i in range(n - 1):
        cur, nxt = ms[i], ms[i + 1]
        adjacent[i] = cur is not None and nxt is not None and cur[2].end() == nxt[0].start()
    dec: list[str | None] = [None] * n
    verdicts: list[Verdict | None] = [None] * n
    for _ in range(n + 1 if any(adjacent) else 1):
        changed = False
        prev_word = ""
        for i, it in enumerate(ms):
            if it is None:
                prev_word = ""
                continue
            m, a, hw, b = it
            if i and adjacent[i - 1] and prev_word:
                a = prev_word  # ``инно- да- да``: the first join made ``иннода``, judge that word
            b_ext, end, k = b, hw.end(), i
            while adjacent[k] and dec[k + 1] in ("join", "hyphen"):  # ``инно- да- лық``: ``далық``
                b_ext += ("" if dec[k + 1] == "join" else "-") + ms[k + 1][3]  # type: ignore[index]
                end = ms[k + 1][2].end()  # type: ignore[index]
                k += 1
            v = verdicts[i] = _decide_inline(ev.at(base + m.start()), a, b_ext, line[end:end + 2])
            d = v.decision
            if d != dec[i]:
                changed = True
                dec[i] = d
            prev_word = a + b if d == "join" else a + "-" + b if d == "hyphen" else ""
        if not changed:
            break
    for it, act, verdict in zip(ms, dec, verdicts):
        if it is None:
            continue
        m = it[0]
        if trace is not None:
            trace.append((base + m.start(), base + m.end(), "hyphen_space", it[1], it[3], act,
                          verdict.rule if verdict else "", verdict))
        if act == "join":
            inline.append((base + m.start(), base + m.end(), ""))
        elif act == "hyphen":
            inline.append((base + m.start() + 1, base + m.end(), ""))



def carried(tw: str | None, piece: str, carry: str) -> str | None:
    """The whole word ending a line: ``carry`` (the word glued from the lines before) + ``tw``
    when the line is that one word (``халық-⏎аралық-⏎тың``: ``халықаралық``, as a second pass
    over the output would see it).

    A glued run longer than ``_TAIL_WINDOW`` characters is no word, as :func:`_tail_word` reads
    it in that second pass (``а\xad⏎а\xad⏎…`` glues into one run): None. Without the bound the
    carried string grew with every line and the text cost quadratic time."""
    if carry and tw and piece.replace(SOFT, "") == tw:
        if len(carry) + len(tw) > _TAIL_WINDOW:
            return None
        return carry + tw
    return tw


def glued_word(Ls: str, cut: int, carry: str) -> str:
    """The start of the word glued across a break (cut characters of ``Ls`` removed), to carry
    into the next line: ``аралық-`` (hyphen kept), ``халықаралық`` (hyphen dropped)."""
    piece = Ls[:len(Ls) - cut] if cut else Ls
    if piece[-1:] in _HYPHENS:
        w = carried(_tail_word(piece, len(piece) - 1), piece[:-1], carry)
        return w + piece[-1] if w else ""
    return carried(_tail_word(piece), piece, carry) or ""


# _decide_plain's verdicts that rest on the joined form being known (in this text, the lexicon, a
# suffix chain, glue counts), not on the model alone
_COLUMN_END_RULES = frozenset(("joined_form_in_text", "joined_known", "glue_counts", "stem_spans_break",
                               "no_word_starts_so_or_surname", "closed_compound"))
# the learned layer's score (log-odds, > 0: join) a join across a column end's blank line needs: the blank
# line is itself evidence of a paragraph end (docs/dehyphenate.md, Round 17 breaks)
SEAM_MARGIN = 1.0


def column_end_join(ev: Evidence, Ls: str, Ms: str) -> bool:
    """``қа⏎⏎зақ`` in unwrapped text without line-end hyphens: poppler joined the breaks inside a
    column, a word cut at a column end is left before a blank line. Joined only when the joined form
    is known (:data:`_COLUMN_END_RULES`); a paragraph end stays."""
    tw = _tail_word(Ls)
    hw = _HEAD_WORD.match(Ms)
    if not tw or hw is None or not tw[-1].isalpha():
        return False
    v = _decide_plain(ev, tw, _head(hw), True, "")
    return v.decision == "join" and (v.rule.removeprefix("learned:") in _COLUMN_END_RULES  # the exact score:
                                     or v.score is not None and (exact_plain_score(ev, tw, _head(hw)) or 0) >= SEAM_MARGIN)


def _decide_break(ev: Evidence, L: str, Ls: str, M: str, Ms: str, wrapped: bool, width: int,
                  prior_join: bool | None, auto: bool = True, carry: str = "", narrow_prose: bool = False,
                  run: int | None = None, words: tuple | None = None) -> tuple[int, str] | None:
    """Decide one line break. None keeps it; else (cut, replacement) where ``cut``
    characters at the end of ``Ls`` (a line-end hyphen or soft hyphens) are replaced too.
    ``carry``: the start of a word glued across the previous break (see :func:`carried`).
    ``run``: the length of the output line that ends at this break (``Ls`` plus the lines this
    pass joined to its left, see :func:`_break_edits`); the layout tests read it, not ``Ls``.
    ``words``: ``_tail_word(Ls)`` and ``_HEAD_WORD.match(Ms)`` if a layout vote found them (layout._break_vote).

    * ``жетіс-⏎тіктерді`` → (1, "") ; ``вице-⏎президенті`` → (0, "")
    * ``бар\\xad⏎лық`` → (1, "") ; ``пен⏎Сот`` → (0, " ") in wrapped text
    * ``...барды.⏎⏎`` short last line, or ``ҚАЗАҚ ТІЛІНДЕГІ⏎АТАУЛЫ`` headline → None
    """
    core = Ls if Ls[-1] != SOFT else Ls.rstrip(SOFT)  # (Ls is never empty)
    nsoft = len(Ls) - len(core)
    if Ms[0] == SOFT and Ms.lstrip(SOFT):
        Ms, words = Ms.lstrip(SOFT), None  # soft hyphens opening the next line vanish: judge what follows them
    first = Ms[0]
    cl, fl = core[-1:], first.islower()  # (read again and again below)
    # ---- a soft hyphen at the line end: always a word break --------------------
    if nsoft and core and (core[-1].isalnum()):
        ev.why = "soft_hyphen"
        return (nsoft, "")
    if nsoft:
        Ls, words = core, None
    # ---- hyphen at the line end ----------------------------------------------------
    pre = core[:-1].rstrip(SOFT)[-1:] if cl in _HYPHENS else ""  # ``1\xad-``: look past soft hyphens
    if pre and (pre.isalnum() or pre == "%"):
        tw = carried(_tail_word(core, len(core) - 1), core[:-1].rstrip(SOFT), carry)
        hw = _HEAD_WORD.match(Ms)
        if tw and hw and (first.isalnum() or first in _HYPHENS):
            a, b = tw, _head(hw)
            if not wrapped and not (fl or first in _HYPHENS):
                ev.why = "unwrapped_capital_after_hyphen"
                return None  # ``Премьер-⏎2015`` in unwrapped web text: a truncated line
            if (prior_join is False and wrapped and not fl and width and (first.isupper() and (a[0].islower() and len(a) >= 4 and a.isalpha() or a[-1].isdigit() and b[1:3].islower())
                    or (len(core) if run is None else max(len(core), run - nsoft)) < 0.6 * width - len(Ms.split(None, 1)[0])) and not ev.hyphen_form(norm(a), norm(b))):
                ev.why = "paragraph_end_hyphen"  # ``оның штаб-⏎Кеңес``: no compound of a lower-case and a capital word; or the next word would have fitted
                return None
            d = _decide_line_hyphen(ev, a, b).decision
            ev.why = "line_end_hyphen"
            if d == "drop":
                return (nsoft + 1, "")
            if d == "hyphen":
                if not wrapped and not (ev.hyphen_form(norm(a), norm(b)) or _ends_number(a) or _is_acronym(a)):
                    ev.why = "unwrapped_hyphen_not_attested"
                    return None
                return (nsoft, "")
            if not wrapped and ev.join_score(norm(a), norm(b)) < 1:
                ev.why = "unwrapped_join_not_known"
                return None
            return (nsoft + 1, "")
    if first.isdigit() and ends_range_dash(core):
        ev.why = "en_dash_range"  # ``(1096–⏎1166)``, ``25–⏎35%``: the en dash of a range is glued to both numbers
        return (0, "")
    if not wrapped:
        ev.why = "not_wrapped"
        return None
    if fl and cl in _HYPHENS and pre and not (pre.isalnum() or pre.isspace() or pre in _HYPHENS) and (
            hw := _HEAD_WORD.match(Ms)) and norm(h := _head(hw)) not in CONJUNCTIONS and (
            pre in ".)" or not category(pre).startswith("P") or ev.suffix_start(norm(h))):
        ev.why = "hyphen_after_mark"  # ``млрд.-⏎тан``, ``4)-⏎тармақшасына``, ``"The Post"-⏎қа``: no syllable break there
        return (0, "")
    if prior_join is False and first in _LINE_START_CLOSERS and cl.isalnum() and Ms[1:2] != first and not any(
            c.isspace() for c in core):
        ev.why = "closer_opens_line"  # ``«Астанаэнергосервис⏎»``, ``аминқышкылдарынан⏎,``: a token cut, alone on its line
        return (0, "")
    if prior_join is False and (first.isdigit() and cl in _DASHES and core[-2:-1].isdigit() or (
            first == "\u2014" and Ms[1:2].isdigit() and cl.isdigit())):
        ev.why = "dash_between_digits"  # ``(1693—⏎1787``, ``(1465⏎—1560``: a range is written glued
        return (0, "")
    if pre == " " and prior_join is None and fl and (tw := _tail_word(lw := core[:-1].rstrip(" "))) and (
            hw := _HEAD_WORD.match(Ms)) and _spaced_hyphen_break(ev, tw, _head(hw)):
        ev.why = "spaced_line_end_hyphen"  # ``ха -⏎лық``: justification space before the hyphen (pdftotext -layout)
        return (len(Ls) - len(lw), "")
    if cl in _HYPHENS and len(core) >= 2 and core[-2].isalpha() and first in "«\"“(":
        ev.why = "hyphen_before_quote"
        return (0, "")  # Екіншісі-⏎«Балқашмыс»
    if first in _HYPHENS and Ms[1:2].isalpha() and cl.isalnum():
        # the repeated hyphen of a real hyphen at the line end (Russian/TeX style) whose first
        # copy was lost: ``сондай⏎-ақ`` → ``сондай-ақ``, ``80⏎-нен`` → ``80-нен``,
        # ``Жер⏎-Күн`` → ``Жер-Күн``, ``КСР⏎-і),``; a list dash is followed by a space
        # (``- бірінші``), and ``⏎-2020`` may be a number typed after a space (``қамту -2020``)
        ev.why = "repeated_hyphen_opens_line"
        return (0, "")
    # ---- a token longer than the column, cut where it filled the line --------------------
    # (_overlong_cut's first test, without the call: a cut needs a connector at the end, an ``&`` or a ``<``)
    cut_rule = _overlong_cut(core, Ms) if core and (core[-1] in _URL_CONNECTOR or "&" in core or "<" in core) else ""
    if not cut_rule and prior_join is False and cl == "/" and core[-2:-1].isalpha() and first.isupper() and " " not in core:
        cut_rule = "cut_after_slash"  # ``«Оқиғалар/⏎Инфографика»``: a lone token cut after its slash
    if (not cut_rule and prior_join is False and fl and cl.isalpha()
            and not any(c.isspace() for c in core)):
        # a token cut at the column edge stands alone on its line; in a text that never breaks its words, a line
        # opening with a bare ending that is no word (``&lt;br&gt;“Сарыарқан⏎ың``) continues it. (Where words lose
        # their hyphens, the word rules read suffixes already; a line start may be a first piece: ``неме⏎се``.)
        hw = _HEAD_WORD.match(Ms)
        # not before a hyphen (``Отандық⏎теле-, радио``) nor alone on its line (``аймақтарда⏎тем⏎``):
        # there the piece may be the first part of a word
        if (hw and len(_head(hw)) <= _CUT_SUFFIX_MAX and hw.end() < len(Ms.rstrip())
                and Ms[hw.end()] not in _HYPHENS and (ev.suffix_start(h := norm(_head(hw)))
                                                       or len(h) == 1 and "\u0430" <= h <= "\u04ff" and h not in VOWELS and Ms[hw.end()] == " ")):
            # (a lone Cyrillic consonant is no word either: ``Ұйымдастырушыла⏎р ойын``; ``т.``, ``ж.`` have
            # a dot; a Latin ``o`` opens a list item)
            cut_rule = "cut_before_suffix"
        elif hw and fills_column(core, width) and not any(c in _HYPHENS + _DASHES for c in core[1:]) and (tw := _tail_word(core)) and (
                _decide_plain(ev, tw, _head(hw), True, "").decision == "join"):
            cut_rule = "cut_at_column_edge"  # ``заңнамабұзушылықта⏎ры``: one token filling the column, no break opportunity in it
        elif hw and cut_again(core, carry, width):
            cut_rule = "cut_token_again"  # ``…саласы⏎ндағыаудитжөніндегі⏎жұмыс``
    if not cut_rule and prior_join is False and first.isupper() and caps_cut(ev, core, Ms):
        cut_rule = "caps_cut_at_column_edge"  # ``РЕСПУБЛИКАСЫНЫ⏎Ң МЕМЛЕКЕТТІК``
    if cut_rule:
        ev.why = cut_rule
        return (0, "")
    # ---- plain break in wrapped text ---------------------------------------------------
    if auto and width < 25 and not narrow_prose and not (prior_join and fl and cl.isalpha()
                                                          and (_suffix_only_line(ev, Ms, core) or short_block_join(ev, Ms, core))):
        ev.why = "narrow_block_not_prose"
        return None  # a block of short lines is a list or table column: орманы⏎оры
    indent_l = 0 if L[0] not in LAYOUT_SPACE else len(L) - len(L.lstrip(LAYOUT_SPACE))  # (L holds Ls)
    indent_m = 0 if M[0] not in LAYOUT_SPACE else len(M) - len(M.lstrip(LAYOUT_SPACE))
    if (indent_m >= indent_l + 2 or (M[:1] == "\t" and L[:1] != "\t")) and not (
            fl and prior_join):
        # indented first line of a new paragraph; in a text that loses its line-end hyphens a
        # lower-case line is no paragraph start (``pdftotext -layout`` indents justified lines)
        ev.why = "indented_line"
        return None
    # with ``run`` (a pass decided again because a second pass would change its output, see
    # kaznlp.dehyphenate._run): the left line as the output, and so that second pass, has it; a
    # line this pass joined to the lines before it is no short last line (``ұзын жол⏎а⏎а⏎а``:
    # judged on ``ұзын жол а``), or every pass would join one more line
    llen = len(core) if run is None else max(len(core), run - nsoft)
    # the next line's first word; the line may hold only whitespace that is not " " or "\t"
    # (``\xa0``, ``\u3000``: not blank for the paragraph logic, which strips " \t" only), then
    # no word follows: split() gave [] there and indexing it crashed. The next word would have
    # fitted: the break is meant (split only if the line leaves room; most lines of a column do not)
    fits = llen + 1 <= width and llen + 1 + len((Ms.split(None, 1) or [""])[0]) <= width
    # ``last``: the line's last character before closers ("" when the line is only closers), read
    # only when the next word would have fitted
    if fits and ((last := core.rstrip(_CLOSERS)[-1:]) in _FINAL or _BULLET.match(Ms) and not bracket_range(core, Ms)
                 or (auto and prior_join is False and llen < 0.6 * width)):
        # short last line of a paragraph; a list item; in a text that does not break words,
        # a short line whose successor's first word would have fitted: ``[жапон-қытай]⏎қатынастары,``
        ev.why = "short_line"
        return None
    if prior_join and ev.hyphens_lost and (_lost_range(core, Ms) or first.isupper() and cl.isalpha() and (
            tw := _tail_word(core)) and (hw := _HEAD_WORD.match(Ms)) and lost_real_hyphen(ev, tw, _head(hw))):
        ev.why = "lost_real_hyphen"  # before the heading rule: ``Сент⏎Луис``, ``1994⏎1995``
        return (0, "-")
    if prior_join and ev.hyphens_lost > 1 and fl and (not core[-1].islower() or core[-1].isascii()) and (
            hw := _HEAD_WORD.match(Ms)) and _lost_suffix_hyphen(ev, core, _head(hw)):
        ev.why = "lost_suffix_hyphen"  # ``40%⏎ға``, ``Ф⏎ның``, ``"The Post"⏎қа``
        return (0, "-")
    if prior_join and ev.hyphens_lost and fl and core and core[-1] in "0123456789%" and (
            hw := _HEAD_WORD.match(Ms)) and (why := lost_number_hyphen(ev, core, _head(hw))):
        ev.why = why  # ``70⏎жылдарынан``, ``14%⏎ға``, ``2⏎қосымшаға`` (Round 18)
        return (0, "-")
    if prior_join and first.isupper() and cl.isalpha() and caps_run_join(ev, core, Ms):
        ev.why = "caps_run_join"  # ``ЛГ⏎БТ``, ``Қаз⏎КСР``: a known word in capitals cut by the column
        return (0, "")
    if not fl:
        if fits and last not in ",":
            ev.why = "heading"
            return None  # headline-like short line
        if not core.islower() and len(letters := list(filter(str.isalpha, core))) >= 2 and all(
                map(str.isupper, letters)) and not first.isdigit():
            ev.why = "caps_heading"
            return None  # ALL-CAPS heading (a line in lower case has none: its letters are not listed)
    if cl.isalpha() and first.isalpha():
        tw, hw = (_tail_word(core), _HEAD_WORD.match(Ms)) if words is None else words
        if carry:
            tw = carried(tw, core, carry)
        if tw and hw:
            if fl:
                ev.why = "line_break"
                b = _head(hw)  # the text after it is read for the pieces in READS_AFTER only (мен, да, ме...; norm never shortens ``b``)
                after = Ms[hw.end():hw.end() + 40] if len(b) <= 3 and norm(b) in READS_AFTER else ""
                if _decide_plain(ev, tw, b, prior_join, after).decision == "join":
                    if prior_join and ev.hyphens_lost and (why := lost_pair_hyphen(ev, tw, b)):
                        ev.why = why  # ``қиял⏎ғажайып``: the block writes ``қиял-ғажайып``
                        return (0, "-")
                    return (0, "")
                if prior_join and (len(tw) >= 12 or len(b) >= 12) and _glued_phrase_join(ev, tw, b):
                    ev.why = "glued_phrase_join"  # ``жасме⏎дузақалпынакеледі``: pypdf, no space glyphs
                    return (0, "")
                if prior_join and _text_stem_spans(ev, tw, b):
                    ev.why = "text_stem_spans"  # ``Саусақ⏎қанатты``: the text writes ``Саусаққанаттылар``
                    return (0, "")
            if prior_join and ev.hyphens_lost and lost_real_hyphen(ev, tw, _head(hw)):
                ev.why = "lost_real_hyphen"
                return (0, "-")
            if fl:
                return (0, " ")
    ev.why = "wrapped_line"
    return (0, " ")


# The shapes of a token that cannot end where the line ends (its rest opens the next line, with
# no space between in the source): LibreOffice and browsers cut a token longer than the column
# at the column edge, with no hyphen (``==Шығармалары=⏎=``, ``Республикасы&amp;n⏎bs…``).
_EQ_CUT = re.compile(r"[^\s=]=+$")           # ``(сцифоидтар)класы=⏎=``: a wiki heading's ``==``
_EQ_CLOSE = re.compile(r"=+(?:\s|$)")         # ... whose closing ``=`` opens the next line alone
_ENTITY_CUT = re.compile(r"&(?:amp;)?(?:[a-z]+|#[0-9]*|#x[0-9a-fA-F]*)$|\S&$")  # ``&amp;n⏎bsp;``
_ENTITY_REST = re.compile(r"[a-z0-9#]|(?:[a-z]+|#[0-9]+|#x[0-9a-fA-F]+);")
_SLASH_CUT = re.compile(r"[^\s/]/+$")         # ``км/⏎сағ``, ``http:/⏎/kaz…``
_URL = re.compile(r"(?:https?://|www\.|[\w.+-]+@[\w-]+\.)\S*$", re.IGNORECASE)
_URL_CONNECTOR = "./-_?=&#%~@:"
_TAG_CUT = re.compile(r"</?[A-Za-z][\w:-]*$")  # ``пайдаланылған.</seg⏎>``: an XML/HTML tag cut before its ``>``
_TAG_REST = re.compile(r"[\w:-]*/?>")
# a bare ending (``ың``, ``ға``, ``дағы``); a longer piece read as a suffix chain is mostly a word
# the suffix table happens to cover (``шығармаларында⏎дамытылып``, ``төмендеген⏎сызығымен``)
_CUT_SUFFIX_MAX = 4


def _overlong_cut(core: str, Ms: str) -> str:
    """The rule that reads the break after ``core`` as a cut inside one token, or "": checked before
    the layout rules, which would keep it; the token's shape decides (docs/dehyphenate.md, the
    "token longer than the column" row: why not numbers, why not character counts).

    >>> _overlong_cut("==Шығармалары=", "= Ақын")
    'cut_markup_run'
    >>> _overlong_cut("Республикасы&amp;n", "bs…")
    'cut_entity'
    >>> _overlong_cut("жылдамдығы 90 км/", "сағ")
    'cut_after_slash'
    >>> _overlong_cut("сайтында", "жарияланды")
    ''
    """
    first = Ms[:1]
    if not first or first.isspace() or not core:
        return ""
    # every shape needs a connector at the end of ``core`` (``=``, ``/``, the URL's) or an ``&``
    # in it (an entity): a line ending in a letter or a comma (nearly all) is no cut, without
    # the three regex scans of the line below
    if core[-1] not in _URL_CONNECTOR and "&" not in core and "<" not in core:
        return ""
    if _TAG_CUT.search(core) and _TAG_REST.match(Ms):
        return "cut_in_tag"
    if _EQ_CUT.search(core) and _EQ_CLOSE.match(Ms):
        return "cut_markup_run"
    if _ENTITY_CUT.search(core) and _ENTITY_REST.match(Ms):
        return "cut_entity"
    if _SLASH_CUT.search(core) and (first.isalnum() or first == "/") and not first.isupper():
        return "cut_after_slash"
    tok = core.rsplit(None, 1)[-1] if not core[-1].isspace() else ""  # ``\xa0`` ends no token
    if tok and _URL.match(tok) and tok[-1] in _URL_CONNECTOR and (first.isdigit() or first.islower()
                                                          and first.isascii()):
        return "cut_in_url"
    return ""
