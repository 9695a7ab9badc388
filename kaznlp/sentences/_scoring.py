"""The learned join score (``data/sentences_joins_kk.tsv``): the log-odds that a sentence whose stop was
lost ends at a join, what vetoes a cut there (a date, a reporting clause, a quoted name), and the rule
:func:`_unstopped_joins`."""

from __future__ import annotations

import re

from .. import _data
from ..lang.alphabet import LOWER, UPPER

from ._marks import _OPENERS
from ._stamps import _month_stems


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
