"""Sentence ends with no stop: closed-class openers, the learned join score, a headline at the start."""

from __future__ import annotations

import re

from .. import _data
from ..lang.alphabet import LOWER, UPPER

from ._marks import _OPENERS, _finite_verb, _matches
from ._stamps import _month_stems


def _opener_forms() -> list[str]:
    """Capitalised sentence openers from ``data/sentences_openers_kk.tsv`` (``Бұл``, ``Сонымен``, ``Біздің``)."""
    return [line.split("\t", 1)[0].capitalize() for line in _data.read_lines("sentences_openers_kk.tsv")]


def _opener_trie() -> str:
    """The capitalised openers as one alternation, grouped by first letter (a small trie: one
    branch tried per space, not 125)."""
    by_initial: dict[str, list[str]] = {}
    for form in sorted(_opener_forms(), key=len, reverse=True):
        by_initial.setdefault(form[0], []).append(re.escape(form[1:]))
    return "|".join(re.escape(c) + "(?:" + "|".join(rest) + ")" for c, rest in by_initial.items())


# A closed-class word capitalised after a lower-case word and one space, with no stop between:
# "… қызметтерді алуға Бұл үшін …". The word before is checked in Python. Led by the literal
# space (fast search).
_OPENER = re.compile(r" (?:" + _opener_trie() + r")(?![\w-])")
_OPENER_FORMS = frozenset(_opener_forms())


def _lost_stop_before_opener(text: str) -> list[int]:
    """A sentence whose stop was lost ends before a capitalised closed-class word.

    ``… мемлекеттік қызметтерді алуға Бұл үшін ХҚКО арқылы …`` is a crawled line cut in
    mid-sentence and the next paragraph; ``… арта бермек - Н.Назарбаев`` then a lead, a
    headline without a stop. Kazakh capitalises a pronoun (``Бұл``, ``Олардың``, ``Біздің``),
    a conjunction (``Бірақ``, ``Өйткені``), a sentence adverb (``Сонымен``, ``Бұдан``) or a
    weekday name only at a sentence start, unlike a name or an institution (``Үкімет``,
    ``Мемлекет басшысы``), which it capitalises anywhere: the forms are listed in
    ``data/sentences_openers_kk.tsv``, each never seen capitalised after a lower-case word in
    KazNERD or KazQAD. Evidence on both sides: a word ending in two letters (``… алуға Бұл``,
    ``… ТҮРКСОЙ Осы ретте``), one space, the capitalised form as a whole word (not ``Ал-Фараби``, not after a quote).
    """
    out = []
    for m in _OPENER.finditer(text):
        i = m.start()  # the space
        if i >= 2 and text[i - 1].isalpha() and text[i - 2].isalpha():
            out.append(i + 1)
    return out


# A vocative address run into the text before it: "Құрметті" ("dear", "respected") after a word,
# then the address up to its "!" (at most 80 characters, no other stop). Led by the literal word.
_ADDRESS = re.compile(r"Құрметті(?<=[^\W\d_] Құрметті)(?= [^.!?…]{1,80}!)")


def _address_starts(text: str) -> list[int]:
    """A vocative address (``Құрметті …!``) after a word without a stop starts a sentence.

    ``… кеңестегі баяндамасы`` / ``Құрметті Қанат Алдабергенұлы!`` / ``Құрметті кеңеске
    қатысушылар!``: a speech opens with its address, which ends in ``!``. Running Kazakh
    capitalises ``Құрметті`` mid-sentence only as a title (``Алматының Құрметті азаматы``), and a
    title runs on to its verb and a full stop, not to ``!`` (so the word is no listed opener). In
    the dev apertium files flattened in 12-line pieces all 10 such addresses start a line; none
    stands in UD KTB.
    """
    return [m.start() for m in _matches(_ADDRESS, text)]


def _join_tables() -> tuple[dict[str, float], dict[str, float]]:
    """``(end, open)`` log-odds from ``data/sentences_joins_kk.tsv`` (learned by ``training/sentences_joins.py``)."""
    end: dict[str, float] = {}
    opens: dict[str, float] = {}
    for line in _data.read_lines("sentences_joins_kk.tsv"):
        kind, key, value = line.split("\t", 3)[:3]
        if kind == "end":
            end[key] = float(value)
        elif kind == "open":
            opens[key] = float(value)
    return end, opens


_JOIN_END, _JOIN_OPEN = _join_tables()
_JOIN_SUFFIX = max(len(k) for k in _JOIN_END if not k.startswith("^"))


def _end_bounds(n: int) -> dict[str, float]:
    """For each ``n``-letter ending, the highest end score a word with that ending can get.

    Read from the text without finding the word's start, it rules out most joins at once: a word
    in ``-ның`` or ``-ға`` cannot end a sentence here whatever follows it. A word whose ending
    is not listed gets the score of its shorter ending (:func:`_end_score` backs off to it).
    """
    bound: dict[str, float] = {}
    for key, v in _JOIN_END.items():
        w = key.lstrip("^")
        if len(w) >= n:
            bound[w[-n:]] = max(bound.get(w[-n:], v), v)
    for tail, v in bound.items():
        shorter = _JOIN_END.get(tail[1:]) if n > 1 else None
        bound[tail] = max(v, _JOIN_END.get(tail[-1], 0.0) if shorter is None else shorter)
    return bound


_END_BOUND2, _END_BOUND3 = _end_bounds(2), _end_bounds(3)


def _end_bound(e3: str) -> float:
    """The highest end score of a word whose last three characters are ``e3``."""
    b = _END_BOUND3.get(e3)
    if b is None:
        end = _JOIN_END
        if e3[:1].isalpha() or e3[:1] == "-":  # no key ends in these three letters: the two-letter key decides
            b = end.get(e3[1:], end.get(e3[2:], 0.0))
        else:  # a two-letter word (its own key counts): the two-letter bound
            b = _END_BOUND2.get(e3[1:], end.get(e3[2:], 0.0))
    return b


# The bound of every three-character ending met so far (at most the endings of the text's words).
_END_BOUND: dict[str, float] = {}
# A join: one space, then a capitalised word (group 1; hyphenated parts included), a digit or
# an opening quote. Led by the literal space (fast search).
_JOIN = re.compile(rf" ([{UPPER}][^\W\d_]*(?:-[^\W\d_]+)*|\d|«)")
# The same after a lower-case letter (checked at the space, still literal-led).
_LOWER_JOIN = re.compile(rf" (?<=[{LOWER}] )([{UPPER}][^\W\d_]*(?:-[^\W\d_]+)*|\d|«)")
#: a join scoring at least this (log-odds, ``data/sentences_joins_kk.tsv``) is a sentence end
JOIN_MIN_SCORE = 2.0
# Scores of a join after a mark that is not a lower-case word (the table knows only words): a
# capitalised word or a comma rarely ends a sentence, a colon or a closing quote may.
_JOIN_AFTER = {",": -1.0, ")": -1.0, ":": 0.0, ";": 0.0, "»": 0.0}


def _end_score(word: str) -> float:
    """Log-odds that a sentence ends after ``word`` (lower case): its entry, else its longest known suffix."""
    end = _JOIN_END
    v = end.get("^" + word)
    if v is not None:
        return v
    for n in range(min(_JOIN_SUFFIX, len(word)), 0, -1):
        v = end.get(word[-n:])
        if v is not None:
            return v
    return 0.0


def _open_forms() -> dict[str, float]:
    """The ``open`` table keyed by the form as written after a join: ``Бұл``, ``Сондай-ақ``, each digit, ``«``."""
    forms = {key.capitalize(): v for key, v in _JOIN_OPEN.items() if not key.startswith("<")}
    forms.update(dict.fromkeys("0123456789", _JOIN_OPEN.get("<d>", 0.0)))
    return forms


_OPEN_FORMS = _open_forms()
_OPEN_CAPS = _JOIN_OPEN.get("<caps>", 0.0)


def _open_score(nxt: str) -> float:
    """Log-odds that ``nxt`` (a capitalised word, a digit or ``«``) starts a sentence (unknown: 0)."""
    v = _OPEN_FORMS.get(nxt)
    if v is None:
        return _OPEN_CAPS if len(nxt) > 1 and nxt.isupper() else 0.0
    return v


def _lower_word_before(text: str, i: int) -> str:
    """The lower-case word (hyphens allowed) that ends at ``i``, or ``""`` if another chunk does."""
    lo = max(0, i - 40)
    k = max(text.rfind(" ", lo, i), text.rfind("\xa0", lo, i))
    if k < 0 < lo:
        return ""  # no word is 40 characters long (and reading further back would be quadratic)
    word = text[k + 1:i].lstrip(_OPENERS)
    if word.islower() and (word.isalpha() or word.replace("-", "").isalpha()):
        return word
    return ""


def _join_score(text: str, i: int) -> float:
    """Log-odds that the join at the space ``i`` ends a sentence whose stop is missing.

    The sum of the two learned pieces of evidence of ``data/sentences_joins_kk.tsv``: how the
    word before ends (``^өтті`` 2.2, ``-ады`` 4.6, ``-ның`` -4.7: Kazakh is verb-final) and what
    the word after is (``Бұл`` 6.1, ``Ал`` 6.0; ``Есеп`` -3.8, a name or an institution that is
    capitalised anywhere). An unknown key says nothing (0).
    """
    c = text[i - 1]
    if c in _JOIN_AFTER:
        score = _JOIN_AFTER[c]
    else:
        word = _lower_word_before(text, i)
        score = _end_score(word) if word else -1.0  # a name runs on: "… Министрі Александр Новак …"
    m = _JOIN.match(text, i)
    return score + (_open_score(m.group(1)) if m is not None else 0.0)


# One scan for both rules of a join without a stop (_lost_stop_before_opener, _unstopped_joins):
# after a lower-case letter, the word after (group 1: a capitalised word, a digit or a quote);
# after another letter, only a listed opener. Led by the literal space (fast search).
_STOPLESS = re.compile(rf" (?=[{UPPER}\d«])(?:(?<=[{LOWER}] )([{UPPER}][^\W\d_]*(?:-[^\W\d_]+)*|\d|«)"
                       rf"|(?<=[^\W\d_] )(?:{_opener_trie()})(?![\w-])"
                       rf"|(?<=[{UPPER}]{{4}} )(?=[{UPPER}]{{4}}))")  # (a space between words in capitals: _CAPS_PAIR)


def _stopless_boundaries(text: str, heads: list[_Head] | None = None, pairs: list[int] | None = None) -> list[int]:
    """:func:`_lost_stop_before_opener` and :func:`_unstopped_joins` in one scan of the text (same cuts).

    ``heads``: the joins :func:`_headline_at_start` reads (after ``-ды/-ді/-ты/-ті``, 25-160
    characters in) are appended to it with what this scan learned of them, so that rule needs
    no scan of its own and reads no word twice. ``pairs``: the spaces between two words in
    capitals (``_stamps._CAPS_PAIR``), for :func:`kaznlp.sentences._stamps._caps_heading_ends`.
    """
    out = []
    openers = _OPENER_FORMS
    open_forms, bounds = _OPEN_FORMS, _END_BOUND
    for m in _matches(_STOPLESS, text):
        i = m.start()
        if m.end() == i + 1:  # (only a space between words in capitals matches no word)
            if pairs is not None:
                pairs.append(i)
            continue
        nxt = m.group(1)
        head = None
        if nxt is not None and heads is not None and HEADLINE_MIN_CHARS <= i < HEADLINE_MAX_CHARS and text[
                i - 1] in "ыі" and text[i - 2] in "дт":
            # (a join after a finite ending near the text's start: the headline rule's only candidates)
            word = _lower_word_before(text, i)
            end = _end_score(word) if len(word) >= 4 and _finite_verb(word) else None
            head = _Head(i, m.end(), _open_score(nxt), word, end)
            heads.append(head)
        if nxt is None or nxt in openers:  # a listed opener (a whole word) after two letters
            after = text[m.end():m.end() + 1]
            if nxt is None or not (after.isalnum() or after in "-_") or not after:
                if i >= 2 and text[i - 2].isalpha():
                    out.append(i + 1)
                continue
        # (the first test of _join_ends_sentence, inlined: most joins fail it)
        o = open_forms.get(nxt)
        if o is None:
            o = _OPEN_CAPS if len(nxt) > 1 and nxt.isupper() else 0.0
        b = bounds.get(text[i - 3:i])
        if b is None:
            b = _cached_end_bound(text[i - 3:i])
        if o + b >= JOIN_MIN_SCORE and (_join_decides(text, i, o) if head is None else _join_decides(
                text, i, o, head.word, head.end)) or nxt in text[
                i - TITLE_MAX_CHARS if i > TITLE_MAX_CHARS else 0:i] and _repeats_title(text, i, nxt):
            out.append(i + 1)
    return out


#: a title repeated on a flattened page (``«Нұр» мешіті «Нұр» мешіті``) is at most this long
TITLE_MAX_CHARS = 100


def _repeats_title(text: str, i: int, nxt: str) -> bool:
    """Does the text after the space ``i`` repeat, word for word, the words right before it?

    ``Айгүл Мұхаметкәрімқызы Мұхаметкәрім Айгүл Мұхаметкәрімқызы Мұхаметкәрім 1969 жылы …`` and
    ``Исламик софт «Ақмешіт» мешіті «Ақмешіт» мешіті Целиноград ауданы …`` are web pages whose
    title and heading (or breadcrumb and heading) were flattened into one line: the second copy
    starts a sentence. Running Kazakh does not say a phrase of two or more words twice in a row;
    the copy must end in a word of four or more letters (a title does not end in a particle or
    a conjunction: ``Мұхаммед ибн Мұхаммед ибн Ұзлағ`` is a name chain) and hold no stop.
    """
    if nxt == "«":
        k = text.find(" ", i + 1, i + 40)
        if k < 0:
            return False
        nxt = text[i + 1:k]
    elif len(nxt) < 2 or not nxt[0].isalpha():
        return False
    lo = max(0, i - TITLE_MAX_CHARS)
    j = text.rfind(" " + nxt + " ", lo, i)
    if j >= 0:
        j += 1
    elif lo == 0 and text.startswith(nxt + " "):
        j = 0
    else:
        return False
    phrase = text[j:i]
    end = i + 1 + len(phrase)
    if " " not in phrase or text[i + 1:end] != phrase or end < len(text) and not text[end].isspace():
        return False
    if any(c in phrase for c in ".!?…"):
        return False
    return len(phrase[phrase.rfind(" ") + 1:].strip("»”\")")) >= 4


def _repeated_titles(text: str) -> list[int]:
    """Every cut of :func:`_repeats_title` in ``text`` (what :func:`_stopless_boundaries` adds for it)."""
    return [m.start() + 1 for m in _LOWER_JOIN.finditer(text)
            if m.group(1) not in _OPENER_FORMS and _repeats_title(text, m.start(), m.group(1))]


def _join_ends_sentence(text: str, i: int, nxt: str) -> bool:
    """Does the join after the lower-case word ending at ``i``, before the capitalised ``nxt``,
    score at least :data:`JOIN_MIN_SCORE` (``… жарақат алды Түрме …``: yes), outside a date and a
    short quoted name? The one decision of the learned join rule, for both scans that use it."""
    o = _OPEN_FORMS.get(nxt)
    if o is None:
        o = _OPEN_CAPS if len(nxt) > 1 and nxt.isupper() else 0.0
    b = _END_BOUND.get(text[i - 3:i])
    if b is None:
        b = _cached_end_bound(text[i - 3:i])
    if o + b < JOIN_MIN_SCORE:
        return False  # (no word with this ending can reach the threshold before this word)
    return _join_decides(text, i, o)


def _cached_end_bound(e3: str) -> float:
    """:func:`_end_bound` of ``e3``, kept in :data:`_END_BOUND`."""
    b = _end_bound(e3)
    if len(_END_BOUND) < 100_000:  # (the endings of a text's words: bounded in practice, capped anyway)
        _END_BOUND[e3] = b
    return b


def _join_decides(text: str, i: int, o: float, word: str | None = None, end: float | None = None) -> bool:
    """The rest of :func:`_join_ends_sentence` once the bound allows a cut (``o``: the open score;
    ``word``, ``end``: the word before and its end score, when the caller has read them)."""
    if word is None:
        word = _lower_word_before(text, i)
    if len(word) < 2:
        return False
    if end is None:
        end = _end_score(word)
    if end + o < JOIN_MIN_SCORE or _in_date(text, i - len(word), word):
        return False
    if _after_reporting(text, i):
        return False  # "«…», - деді Трамп …", "… деп хабарлады Лондон полициясы.": the speaker follows
    q = text.rfind("«", max(0, i - QUOTE_REACH), i)
    return not (q >= 0 and text.find("»", q, i) < 0 and text.find("»", i, i + QUOTE_REACH) >= 0)


# A reporting clause: the quotative "деп" or a closing quote and a dash ("», -", "”, –"), then
# one or two lower-case words up to the join ("деп атап өтті", "», - деді", "», - деді ол").
_REPORTING = re.compile(rf"(?:(?<![\w-])деп|[»”“\"],?[^\S\n]*[-–—])(?:[^\S\n]+[{LOWER}]+){{1,2}}\Z")
# _REPORTING read backwards, for an anchored match on the reversed window (the quotative "деп"
# reversed is "пед"; its left guard is read after it, or outside the window by the caller).
_REPORTING_REVERSED = re.compile(rf"(?:[{LOWER}]+[^\S\n]+){{1,2}}(?:(пед)(?:(?![\w-])|\Z)|[-–—][^\S\n]*,?[»”“\"])")


def _after_reporting(text: str, i: int) -> bool:
    """Does the join at the space ``i`` follow a reporting clause (:data:`_REPORTING` in the 60
    characters before it: ``деп хабарлады``, ``», - деді``)? The same answer from one anchored
    match on the window read backwards (a search from every position of it costs more)."""
    lo = i - 60 if i > 60 else 0
    window = text[lo:i][::-1]
    m = _REPORTING_REVERSED.match(window)
    if m is None:
        return False
    if lo and m.end(1) == len(window) and (text[lo - 1].isalnum() or text[lo - 1] in "_-"):
        return _REPORTING.search(text, lo, i) is not None  # (the guard of "деп" lies outside the window)
    return True


_MONTH_STEMS = tuple(_month_stems().split("|"))
_DAY_BEFORE = re.compile(r"(?<!\d)\d{1,2}[^\S\n]+\Z")


def _in_date(text: str, k: int, word: str) -> bool:
    """Is ``word`` (starting at ``k``) a month name after a day number (``19 мамыры``, ``29 тамызды``)?

    A date stamp opens the lead it dates (``2015 жылдың 19 мамыры Бүгін ҚР Премьер-Министрі …``)
    and a date inside a sentence comes before its verb, so no sentence ends after one.
    """
    return word.startswith(_MONTH_STEMS) and _DAY_BEFORE.search(text, max(0, k - 6), k) is not None


def _unstopped_joins(text: str) -> list[int]:
    """Sentence ends with no stop, from learned evidence on both sides of the join.

    ``Лонг Лартин түрмесі: Толқу кезінде алты офицер жарақат алды Түрме әкімшілігі …`` is a
    headline run into its lead. Inside a sentence a lower-case word is followed by a capital all
    the time (``… облысы Қазақстанның …``), so the join is scored (:func:`_join_score`): a finite
    predicate before it (``алды``: Kazakh is verb-final) and a word after it that is capitalised
    mostly at sentence starts (``Түрме``, ``Бұл``) make a sentence end; a score of at least
    :data:`JOIN_MIN_SCORE` cuts. Only a lower-case word of two letters or more is read, and not
    inside a short quoted name (``«Мәңгілік Ел» мерекелік қойылымы``).
    """
    out = []
    for m in _LOWER_JOIN.finditer(text):
        i = m.start()
        nxt = m.group(1)
        if _join_ends_sentence(text, i, nxt):
            out.append(i + 1)
    return out


QUOTE_REACH = 60  # a quoted name opens and closes within this many characters of a join in it

#: a headline that opens a flattened page is this long (its finite verb ends within these characters)
HEADLINE_MIN_CHARS = 25
HEADLINE_MAX_CHARS = 160
#: a shorter text holds no headline and lead (the rule is not run: short calls stay cheap)
HEADLINE_MIN_TEXT = 2 * HEADLINE_MIN_CHARS
#: the learned evidence of the verb's ending must say "end" at least this much (``^байланысты`` 0.16, a
#: postposition as often as a verb, does not)
HEADLINE_MIN_END = 0.5
#: a headline ends at a finite verb whose join scores at least this (lower than JOIN_MIN_SCORE: the
#: place, the text's start, is evidence too)
HEADLINE_MIN_SCORE = -2.0
_FIRST_STOP = re.compile(r"[.!?…]")
# The end of a finite verb (:func:`_finite_verb`'s endings) right before a join of _LOWER_JOIN.
_FINITE_BEFORE_SPACE = re.compile(rf"[дт][ыі] (?=[{UPPER}\d«])")


class _Head:
    """A join after a finite ending near the text's start, as :func:`_stopless_boundaries` read it:
    the space ``i``, the end of the word after it, its open score, the word before and that word's
    end score (``None`` unless it is a finite verb of four or more letters)."""

    __slots__ = ("i", "after_end", "open", "word", "end")

    def __init__(self, i: int, after_end: int, o: float, word: str, end: float | None) -> None:
        self.i, self.after_end, self.open, self.word, self.end = i, after_end, o, word, end


def _headline_at_start(text: str, heads: list[_Head] | None = None) -> list[int]:
    """A headline without a stop that opens a text with no line break ends at its finite verb.

    ``Қытай АИТВ/ЖИТС-ке шалдыққандардың саны 14%-ға артып отырғанын айтады Қытай АИТВ/ЖИТС-ке
    шалдыққан …`` is a page flattened with its title: a news headline is a clause whose finite verb
    (``айтады``, ``жеткізді``: :func:`_finite_verb`, with learned evidence of an end, ``-ады``) is
    followed by the lead, even when the lead opens with a name the join table scores low
    (``Қытай``, ``АҚШ``, ``Денсаулық``). Only the first join after such a verb, before the text's
    first stop and within :data:`HEADLINE_MAX_CHARS`, is read, not inside a quote or a date nor
    before the speaker of a reporting clause: Kazakh is verb-final, so a finite verb inside the
    first sentence of running text is rare (on the dev texts one false cut, an accusative
    ``материалдарды``, against about 40 found line starts).
    """
    if heads is None:
        heads = []
        _stopless_boundaries(text, heads)
    if not heads:
        return []
    stop = _FIRST_STOP.search(text, 0, HEADLINE_MAX_CHARS)
    limit = stop.start() if stop else HEADLINE_MAX_CHARS
    # (only a join right after a finite ending can be taken, and none before HEADLINE_MIN_CHARS:
    # the joins scan visited those alone, in text order; the cheap checks come first)
    for h in heads:
        i = h.i
        if i + 1 >= limit:
            break
        end = h.end
        if end is None or end < HEADLINE_MIN_END:
            continue
        o = h.open
        if h.after_end > limit:  # the word after runs past the first stop or the window: read up to there
            m = _LOWER_JOIN.match(text, i, limit)
            o = _open_score(m.group(1)) if m is not None else 0.0
        if end + o < HEADLINE_MIN_SCORE:
            continue
        q = text.rfind("«", 0, i)
        if q >= 0 and text.find("»", q, i) < 0:
            continue
        word = h.word
        if _in_date(text, i - len(word), word) or _after_reporting(text, i):
            continue
        return [i + 1]
    return []
