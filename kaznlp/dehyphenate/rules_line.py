from __future__ import annotations

import re

from kaznlp.lang.affixes import GRAMMAR, finite_endings, participle_endings, suffixes_of
from kaznlp.lang.alphabet import KAZAKH_LETTERS, PURE_VOWELS, VOWELS
from kaznlp.lang.phonology import harmony_clash, syllable_break

from .chars import _HEAD_WORD, _head, _tail_word, after_number
from .evidence import GLUE_RATIO, Evidence, _memo_decision
from .morph import (
    _SURNAME,
    _WORD_FINAL,
    COMBINING,
    CONJUNCTIONS,
    NAME_PREFIXES,
    PARTICLES,
    _ends_number,
    _is_acronym,
    _reads_as_one_word,
    _two_words,
    norm,
)
from .resources import _hyphen_parts
from .vocab import begins


def _caps_after_lower(a: str) -> bool:
    """``ҚазҰУ``, ``ФрацнияНАТО`` (pypdf glues words on pages without space glyphs): ``a`` ends in
    capitals after a lower-case letter. No Kazakh word does; the capitals are an abbreviation."""
    k = len(a)
    while k and a[k - 1].isupper():
        k -= 1
    return 0 < k < len(a) and a[k - 1].islower()


def _latin_word(a: str) -> bool:
    """More Latin letters than Cyrillic ones in the last part of ``a`` (``Google``, ``arctіca``
    with a Cyrillic ``і``); not a Kazakh word typed with Latin lookalikes (``бiлiм``, ``мектептi``)."""
    part = a.rsplit("-", 1)[-1]
    latin = sum(1 for c in part if "a" <= c.lower() <= "z")
    return latin * 2 > sum(1 for c in part if c.isalpha())


_CASE_OR_PLURAL = frozenset(x for g in GRAMMAR if g not in ("possessive", "person", "relative", "ordinal/collective",
                                                           "derivational", "verbal", "loanword ending")
                            for x in suffixes_of(g))


def _nisba_pair(a: str, a_last: str, b_first: str, wa: float) -> bool:
    """``әдеби-⏎сын``, ``саяси-⏎философиялық``: a relational adjective in consonant + ``-и`` (4+ letters,
    lower case, a word) before a word of 3+ letters that starts with a consonant other than ``л`` and is
    no case or plural ending, two words to the character model. No native word ends in consonant +
    ``и``, so no hyphenation break falls there; names are capitalised, loans take case endings."""
    part = a.rsplit("-", 1)[-1]
    return (len(a_last) >= 4 and part.islower() and a_last[-1] == "и" and a_last[-2] not in VOWELS
            and wa >= 2 and len(b_first) >= 3 and b_first[0] not in VOWELS and b_first[0] != "л"
            and b_first not in _CASE_OR_PLURAL and _two_words(a_last, b_first))


# a left piece this long that is no word is words glued by the extractor (pypdf on a page without space glyphs)
_GLUED = 20


def _known_tail(ev: Evidence, al: str) -> str:
    """The longest lexicon word of 3-12 letters ending ``al`` (``…егіншілікқұрал``: ``құрал``), else ''."""
    for k in range(min(12, len(al) - 3), 2, -1):
        if al[-k:] in ev.lex:
            return al[-k:]
    return ""


_LINK_CAPITAL = re.compile(r"([^\W\d_]{1,3})-[^\W\d_]")


def _name_link(ev: Evidence, a: str, b: str) -> bool:
    """``Фон-⏎де-Гом``, ``Ван-⏎дер-Ваальс``: a capitalised first part of a foreign name of 3+ letters
    (``фон``, ``ван``, ``сан``: ``function_words_kk.tsv``, role ``name_prefix``) at a line end, and the
    next line opens with a link of 1-3 letters, a hyphen and a capital: the parts of one hyphenated
    name, not a broken word, unless the join is a known word."""
    last = a.rsplit("-", 1)[-1]
    if len(last) < 3 or not last[0].isupper() or last.lower() not in NAME_PREFIXES:
        return False
    m = _LINK_CAPITAL.match(b)
    return m is not None and b[m.end() - 1].isupper() and ev.word(norm(last + m.group(1))) < 2


# a number at a line end, and one opening the next line (not a thousands group: ``375⏎000``)
_NUM_TAIL = re.compile(r"(?<![\w.,:/])\d{1,4}$")
_NUM_HEAD = re.compile(r"(?:\d{1,2}|\d{4})(?![\w.,:/])")


def _lost_range(core: str, Ms: str) -> bool:
    """``1994⏎1995``, ``(8⏎16)``: in a text that lost its line-end hyphens, two numbers across a
    break were a range (``1994-1995``); running text does not write two numbers side by side. A
    three-digit head is left alone: ``375⏎000`` is one number with a thousands space."""
    # (both patterns need a digit at the line end and at the next line's start: ``\d`` is ``isdecimal``)
    return (core[-1:].isdecimal() and Ms[:1].isdecimal() and bool(_NUM_TAIL.search(core))
            and bool(_NUM_HEAD.match(Ms)))


_LINE_END_WORD = re.compile(r"\n[ \t]*([^\W\d_]{5,})[(«\"“]?[ \t](?![ \t]*\n)")  # read reversed


def _line_end_words(block: str) -> tuple[frozenset[str], list[str]]:
    """The block's lines' last words after a space (lower case), and the same sorted (``begins``: one starts so?)."""
    found = "\n".join(_LINE_END_WORD.findall("\n" + block[::-1]))[::-1]
    ends = frozenset(found.lower().replace("i", "і").split("\n"))
    return ends, sorted(ends)


_LINE_START_WORD = re.compile(r"^[ \t]*([^\W\d_]{6,})(?=[ \t,.;:!?)»”])", re.M)


def _line_start_words(block: str) -> frozenset[str]:
    """The block's lines' first words (6+ letters, lower case) before a space or punctuation."""
    return frozenset(_LINE_START_WORD.findall(_lower_text(block)))


def _lower_text(block: str) -> str:
    return block.lower().replace("i", "і")


def _text_stem_spans(ev: Evidence, a: str, b: str) -> bool:
    """``Саусақ⏎қанатты``: a line of this text ends in ``саусаққанатты`` (docs/dehyphenate.md)."""
    ends, by_head = ev.per_block("line_ends", _line_end_words)
    al, bl = norm(a), norm(b)
    w = al + bl
    if len(al) >= 3 and len(bl) >= 3 and w in ev.per_block("line_starts", _line_start_words) and w.isalpha():
        return not _written_apart(ev, al, bl)  # ``жүзбе⏎қанаттары``: a line starts with ``жүзбеқанаттары бір``
    lo = max(len(al) + 2, 5)
    if len(w) < lo or not begins(by_head, w[:lo]) or not w.isalpha():
        return False
    for k in range(len(w), lo - 1, -1):
        if w[:k] in ends:
            if k == len(w) or ev.is_chain(w[k:]):
                return not _written_apart(ev, al, bl)
    return False


def _written_apart(ev: Evidence, al: str, bl: str) -> bool:
    """Does the block write ``al`` as a word, spaces and the first 4 letters of ``bl`` inside a line
    (``тұрғын үй``: the text's own spelling of the pair, against a lexicon's ``тұрғын-үй``)?"""
    low = ev.per_block("lower", _lower_text)
    return any(m.start() == 0 or not low[m.start() - 1].isalpha()
               for m in re.finditer(re.escape(al) + r"[ \t]+" + re.escape(bl[:4]), low))


def caps_run_join(ev: Evidence, core: str, Ms: str) -> bool:
    """The next line opens with a word in capitals that is no word alone (``БТ``, ``КСР``, ``ДІ``), the
    line ends in a word that starts with a capital, and the two are one known word (``ЛГБТ``)."""
    tw, hw = _tail_word(core), _HEAD_WORD.match(Ms)
    if not tw or hw is None or not tw[0].isupper() or not tw.isalpha():
        return False
    b = _head(hw)
    return (len(b) >= 2 and b.isalpha() and b.isupper() and ev.word(norm(b)) < 2
            and ev.word(norm(tw + b)) >= 2)


# _plain_rule's answers the learned layer takes as they are (learned._decide_plain)
FINAL_PLAIN = frozenset(("single_letters", "script_change_apart", "no_syllable_break_word", "no_syllable_break_lost",
                         "surname_ending", "particle_after_instrumental"))


_LATIN = re.compile("[A-Za-z]")  # a cheap gate: no Latin letter on either side, no script change


def _one_script(w: str, latin: bool) -> bool:
    """Every letter of ``w`` is Latin (``latin``) or Cyrillic: ``Trust``, ``жарқанаттардың``."""
    return all(("a" <= c.lower() <= "z") if latin else ("\u0400" <= c <= "\u04ff") for c in w if c.isalpha())


def _suffix_only_line(ev: Evidence, Ms: str, core: str = "") -> bool:
    """The line opens with a bare suffix chain that is no word (``лайды``, ``сының``): it continues
    the line before, in a block of any width (issue 15: ``жыр⏎лайды`` in a narrow column). Also a piece
    that is no word whose join with the last word of ``core`` is a word or stem + suffixes (``энер⏎гия``,
    ``қоз⏎ғалысты``), or a suffix chain whose join is a known word (``ертек⏎тері``; round 15)."""
    hw = _HEAD_WORD.match(Ms)
    if hw is None:
        return False
    h = norm(_head(hw))
    if ev.is_chain(h, first_long=True) and ev.suffix_start(h):  # the cached chain test first: most line starts fail it
        return True
    tw = _tail_word(core) if core else None
    if tw is None or not tw.isalpha() or len(h) < 2 or not h.isalpha():
        return False
    t = norm(tw)
    wh, wj = ev.word(h), ev.word(t + h)
    if wj >= 1 and (wh == 0 or wh == 1 and ev.word(t) == 0):
        return True  # ``қоз⏎ғалысты``, ``жа⏎сағанда``: the piece is no word (or only analysable), the join analysable
    # ``ертек⏎тері``, ``ретте⏎луі``: a suffix chain whose join is a known word the block never writes apart
    return wj >= 2 and h not in ("мен", "бен", "пен") and ev.is_chain(h) and not _written_apart(ev, t, h)


def _spaced_hyphen_break(ev: Evidence, a: str, b: str) -> bool:
    """``ха -⏎лық``: a justified line's stretch before its line-end hyphen (``pdftotext -layout``); a
    word break when the hyphen rules join, the join is known and reads as one word (not ``Абай -⏎ақын``)."""
    al, bl = norm(a), norm(b)
    return (a[-1:].isalpha() and _decide_line_hyphen(ev, a, b).decision == "join"
            and ev.join_score(al, bl) >= 1 and _reads_as_one_word(al, bl.split("-")[0]))


@_memo_decision
def _decide_line_hyphen(ev: Evidence, a: str, b: str) -> tuple[str, str]:
    """A line ends in ``a-`` and the next starts with ``b``: 'join' (drop the hyphen) or 'hyphen'.

    A real hyphen is kept unless the evidence for a word break is strong: missing a join
    costs less than destroying ``вице-президенті``. Each ``return`` names its rule; the rules
    table of ``docs/dehyphenate.md`` gives an example of each (``80-⏎нен``, ``Премьер-⏎Министрі``,
    ``вице-⏎президенті`` keep; ``жетіс-⏎тіктерді``, ``Корея-⏎мен`` join).
    """
    if b.startswith(("-", "\u2010")):
        return "drop", "repeated_hyphen"
    if ev.soft_marked():
        return "hyphen", "soft_marked_text"  # жетіс\xad⏎тіктерді … қисық-⏎тұйық: the text's breaks are soft hyphens
    if _ends_number(a) or b[0].isdigit():
        return "hyphen", "number"
    if a[-1].isupper() and b[0].islower() and _caps_after_lower(a):
        return "hyphen", "capitals_after_lower"  # ҚазҰУ-⏎дың, ФрацнияНАТО-⏎ның (words glued by pypdf): the capitals are an abbreviation
    if _is_acronym(a) and not (b[0].isupper() and _is_acronym(b)):
        return "hyphen", "acronym"
    if b[0].isupper():
        if _is_acronym(a) and _is_acronym(b) and ev.word(norm(a + b)) >= 2:
            return "join", "acronyms_broken"
        return "hyphen", "capital_after"
    if "a" <= a[-1].lower() <= "z" and "\u0400" <= b[0] <= "\u04ff" and _latin_word(a):
        return "hyphen", "script_change"  # Google-⏎дың, arctica-⏎ның: a Latin word + a Kazakh suffix
    al, bl = norm(a), norm(b)
    b_first = bl.split("-")[0]
    if len(al) >= _GLUED and ev.word(al) == 0:
        tail = _known_tail(ev, al)
        if tail:
            return _decide_line_hyphen(ev, a[-len(tail):], b).decision, "glued_left_tail"
    if _name_link(ev, a, b):
        return "hyphen", "name_prefix_link"  # Фон-⏎де-Гом, Ван-⏎дер-Ваальс: a foreign name's parts
    if (b_first and b_first[0] not in VOWELS and not any(c in VOWELS for c in al.rsplit("-", 1)[-1])
            and ev.is_chain(b_first)):
        return "hyphen", "abbreviation_suffix"  # см-⏎ге, мг-⏎нан: a word's first syllable has a vowel
    if not syllable_break(al, b_first):
        return "hyphen", "no_syllable_break"  # бозды-⏎еркекшөпті, ғ-⏎ларда, уә-⏎л-мамалик: not a place where a word can break
    if b_first[:1] == "и" and al[-1:] in PURE_VOWELS:
        return "hyphen", "vowel_before_i"  # фосфогексо-⏎изомераза: after a vowel Kazakh writes й, so и opens no syllable there
    h = ev.hyphen_form(al, bl)
    if ev.sparse:
        # this text does not hyphenate (or loses its break hyphens): the hyphen is real,
        # unless a case suffix follows a word (``Қазақстан-⏎ның``)
        b_first = bl.split("-")[0]
        if (h == 0 and ev.is_chain(b_first, first_long=True) and ev.word(b_first) == 0
                and ev.word(al + bl) >= 1 and not harmony_clash(al, b_first)
                and not (b_first in finite_endings() and al.endswith(participle_endings()))):
            return "join", "unhyphenated_text_case_suffix"
        return "hyphen", "unhyphenated_text_real_hyphen"
    joined_in_doc = ev.in_doc(al + bl)
    if h == 3 and joined_in_doc:
        # the text writes both ``туралы`` and ``тура-лы`` (a crawl that kept old break hyphens):
        # a bare suffix chain after the hyphen is a broken word, a word is a compound (теле-радио)
        b_first = bl.split("-")[0]
        if ev.is_chain(b_first, first_long=True) and b_first not in ev.lex and not ev.in_doc(b_first):
            return "join", "both_written_suffix_chain"
        return "hyphen", "both_written_word"
    if h >= 2 and not joined_in_doc:
        return "hyphen", "hyphenated_form_known"
    if joined_in_doc:
        return "join", "joined_form_in_text"  # the text itself writes ``жетістіктерді``
    a_last = al.rsplit("-", 1)[-1]  # Сан-Дие-⏎годағы: judge the last part
    wa, wb = ev.word(a_last), ev.word(b_first)
    if len(b_first) >= 3 and wa >= 2 and not ev.is_chain(b_first, first_long=True) and ev.hyphen_stem(al, bl):
        return "hyphen", "hyphenated_stem_in_lexicon"  # мекен-⏎жай: the lexicon writes ``мекен-жайы``, ``мекен-жайға``
    if "-" in al and len(b_first) >= 2 and ev.hyphen_stem(al, bl):
        return "hyphen", "hyphenated_stem_in_lexicon"  # Би-би-⏎си: the lexicon's ``би-би-сиге`` (Round 19)
    if a_last in COMBINING and wb >= 2:
        return "hyphen", "combining_form"  # теле-⏎радио: a combining form before a whole word is written both ways
    left, right = _hyphen_parts()
    in_left = a_last in left or ev.doc_hyphen_left(a_last)
    in_right = b_first[:4] in right or ev.doc_hyphen_right(b_first[:4])
    parts_hyphenated = in_left and in_right
    j = ev.join_score(al, bl)
    if j < 2 and ev.spans(al, bl):
        return "join", "stem_spans_break"  # қыр-⏎күйектегі, қыз-⏎метшінің: a known stem (қыркүйек, қызметші) runs across the break
    if ev.word(al + bl) < 2 and _nisba_pair(a, a_last, b_first, wa):
        return "hyphen", "relational_adjective"  # әдеби-⏎сын, ғылыми-⏎зерттеу: an -и adjective before a word
    if j < 2 and ev.closed_compound(a_last, b_first):
        return "join", "closed_compound"  # кер-⏎тартпа, қол-⏎шатыр: the dictionary writes the compound as one word
    # Below, the evidence for a real hyphen is weak (no hyphenated form attested): it is kept
    # only if ``a_last + b_first`` does not read as one word to the character model
    # (:func:`_reads_as_one_word`): ``ғима-⏎раттың``, ``Метро-⏎политен``, ``Қоры-⏎тылмаған``
    # join, ``зәре-⏎құтын``, ``Әскери-⏎революциялық``, ``бірімен-⏎бірі`` keep their hyphen.
    if len(a_last) >= 3 and len(b_first) >= 3 and j < 2 and harmony_clash(a_last, b_first):
        # зәре-⏎құтын, бозды-⏎бетегелі: a suffix or a syllable would agree
        return ("join", "harmony_clash_reads_as_one_word") if _reads_as_one_word(a_last, b_first) else ("hyphen", "harmony_clash")
    if b_first in PARTICLES or ev.is_chain(b_first, first_long=True):
        return "join", "suffix_chain"  # Корея-⏎мен, куәлік-⏎тері: a suffix, never hyphenated after a word
    if len(a_last) >= 3 and len(b_first) >= 3 and j < 2 and (
            # інтернет-⏎ресурсына, діндар-⏎монахы: a part known from hyphenated forms
            parts_hyphenated or in_left and len(a_last) >= 5 or in_right and len(b_first) >= 5 and wa >= 1
            # ветеринариялық-⏎санитариялық: the left piece ends a whole word
            or len(a_last) >= 6 and len(b_first) >= 4 and a_last.endswith(_WORD_FINAL)
            # two words, joined form unknown: Әскери-⏎революциялық
            or wa >= 2 and wb >= 2
            # социал-⏎демократиялық: a long known word after the hyphen, no join known
            or j == 0 and wb >= 2 and len(b_first) >= 6 and not ev.is_chain(b_first, first_long=True)
            # жақсы-⏎жайсаңдары, жобалау-⏎мақсатты: not even stem + suffixes
            or j == 0 and (wa >= 2 and wb >= 1 or wa >= 1 and wb >= 2)):
        return ("join", "weak_compound_reads_as_one_word") if _reads_as_one_word(a_last, b_first) else ("hyphen", "weak_compound")
    if len(a_last) == 2 and len(b_first) >= 3 and j == 0 and wa >= 2 and wb >= 1 and not (
            a_last in PARTICLES or a_last in CONJUNCTIONS):
        # ой-⏎түйіндерін, үй-⏎жайы, ел-⏎жұрты: a pair word whose first part is a two-letter word
        # (not a particle: ``ба-⏎салқы``), the join unknown; kept unless it reads as one word
        return ("join", "short_pair_reads_as_one_word") if _reads_as_one_word(a_last, b_first) else ("hyphen", "short_pair_word")
    if len(a_last) >= 4 and len(b_first) >= 6 and j == 0 and _two_words(a_last, b_first):
        return "hyphen", "unknown_join_two_words"  # Лорд-⏎протектор, фосфоглицерат-⏎киназа: no evidence, two words
    return "join", "default_join"


def _plain_rule(ev: Evidence, a: str, b: str, prior_join: bool | None, after: str = "") -> tuple[str, str]:
    """The rules for :func:`_decide_plain`: 'join' or 'space'. ``prior_join``: the text loses its
    line-end hyphens (True, seed 004), marks them (None) or never breaks words (False). ``j``, ``wa``,
    ``wb``: evidence for the joined form and each piece (3 text, 2 lexicon, 1 stem + suffixes, 0);
    examples in the bare-break rows of docs/dehyphenate.md."""
    if not prior_join or not a[-1].isalpha():
        # None: the text marks its word breaks; False: it wraps without breaking words (Word,
        # pdftotext), even before a piece that looks like a suffix (адамдарда⏎бадырайып)
        return "space", "not_lost_hyphens"
    if not a[0].isalpha():
        a = after_number(a)  # 2-жарты⏎сында, 1-санат⏎тағы, 1943жылымайдан⏎да: judge the word after the number
        if not a:
            return "space", "after_number"
    al, bl = norm(a), norm(b)
    if len(al) == 1 and len(bl) == 1:
        return "space", "single_letters"  # ``"х и м и я л⏎ы қ"``: letters spaced out
    if bl in ("да", "де", "та", "те") and al[-3:] in ("мен", "бен", "пен") and ev.word(al[:-3]) >= 2:
        return "space", "particle_after_instrumental"  # ``елдермен⏎де``: no case follows the instrumental
    b_first, left = bl.partition("-")[0], al.rpartition("-")[2]  # (split("-")[0], rsplit("-", 1)[-1])
    if (_LATIN.search(left + b_first) and any(map(str.isalpha, left)) and any(map(str.isalpha, b_first))
            and (_one_script(left, True) and _one_script(b_first, False) or _one_script(left, False) and _one_script(b_first, True))
            and not ev.is_chain(b_first, first_long=True)):
        return "space", "script_change_apart"  # ``Trust⏎жарқанаттардың``: no word mixes scripts
    if not syllable_break(al, bl):
        if len(al) >= 2 and any(c in VOWELS for c in al) and ev.word(al) >= 1 and ev.word(b_first) >= 1:
            return "space", "no_syllable_break_word"  # ``есіл⏎ер`` (not ``31,0 мл⏎н.``)
        if ev.hyphens_lost and len(al) >= 2 and any(c in VOWELS for c in al):
            return "space", "no_syllable_break_lost"  # ``қан⏎ұюы``: breaks fall between syllables here (Round 19)
        return "space", "no_syllable_break"  # сот⏎әкімшілігінің: a syllable never starts with a vowel inside a word
    sur = _SURNAME.match(bl) if a[0].isupper() else None
    if sur is not None and sur.end() == len(bl) and len(al) >= 3 and any(c in KAZAKH_LETTERS for c in al + bl):
        return "join", "surname_ending"  # ``(Берді⏎мұратов)``, not ``Обсуждение⏎проектов``
    if bl[0] in "ңьъ" or (sur is not None and ev.is_chain(bl[sur.end():] or "ы")):
        return "join", "no_word_starts_so_or_surname"  # те⏎ңестірді: no word starts with ң, ь, ъ; Алда⏎бергенов, Ноғай⏎баев: a surname ending
    if bl in ("мен", "бен", "пен") and after[:1] in (",", ")", ".", ";", ":"):
        return "join", "men_before_punctuation"  # көрінгені⏎мен, деген⏎мен,: the conjunction ``мен`` is followed by a word
    j = ev.join_score(al, bl)
    wa, wb = ev.word(al), ev.word(b_first)
    s = min(wa, wb)
    if wb >= 2 and j < 3 and len(b_first) <= 5:
        # ``b`` is written alone as a word and is also a word ending: органдары⏎мен, кафедраларын⏎да,
        # Күнбағыс⏎тың. The corpus counts decide: ``...нымен`` 300 times against ``...ны мен`` 16,
        # ``...ында`` 3068 against ``...ын да`` 69; ``...ар мен`` 186 against ``...армен`` 206 is
        # too close to call, and the other evidence decides.
        c = ev.glue_counts(al, b_first)
        if c is not None:
            g, sep = c
            # not the conjunction ``не``/``мен`` after a pair word written with its hyphen (``сүйекті-мүйізді⏎не``):
            # the learned layer cannot weigh the counts there, and alone they glue it (Round 19)
            if g >= GLUE_RATIO * sep and ev.is_chain(b_first, first_long=True) and not (
                    "-" in al and b_first in ("не", "мен", "бен", "пен")):
                return "join", "glue_counts"
            if sep >= GLUE_RATIO * g:
                return "space", "apart_counts"
    if (wb == 1 and j < 3 and len(b_first) > 5 and al not in CONJUNCTIONS
            and ev.is_chain(b_first, first_long=True)):
        # a longer piece that is a short word + suffixes: сағат⏎тарында (тар + ын + да), көпес⏎терінің.
        # The short word's glue counts decide, unless the piece has a longer stem of its own
        # (мыс⏎кентасты: кентас; күкірт⏎қышқылы: қышқыл), which makes it a word
        stem = ev.longest_stem(b_first)
        for k in range(min(5, stem + 1), 1, -1):
            if ev.is_chain(b_first[k:]):
                c = ev.glue_counts(al, b_first[:k])
                if c is not None:
                    if c[0] >= GLUE_RATIO * c[1] and stem <= k + 1:
                        return "join", "short_word_glue_counts"
                    break
    if j >= 2:
        return ("space", "both_written_alone") if (wa == 3 and wb == 3 and j < 3) else ("join", "joined_known")
    if j >= 1:
        return ("join", "joined_analyzable") if s == 0 or (wa >= 2 and wb == 1 and not ev.is_chain(b_first, first_long=True)) else ("space", "pieces_known")
    return ("join", "nothing_known") if wa == 0 and (wb == 0 or (wb == 1 and ev.is_chain(b_first, first_long=True))) else ("space", "right_word_known")

