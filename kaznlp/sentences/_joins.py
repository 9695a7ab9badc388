"""Sentence ends with no stop: closed-class openers, the scan of joins (scored by :mod:`._scoring`),
a headline at the start."""

from __future__ import annotations

import re

from .. import _data
from ..lang.alphabet import LOWER, UPPER

from ._marks import _finite_verb, _matches
from ._scoring import (JOIN_MIN_SCORE, _END_BOUND, _LOWER_JOIN, _OPEN_CAPS, _OPEN_FORMS, _after_reporting,
                       _cached_end_bound, _end_score, _in_date, _join_decides, _lower_word_before, _open_score)



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

    ``… құжаттарды тапсыруға Бұл үшін сайтқа кіріп …`` is a crawled line cut in
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

    ``… жиындағы сөзі`` / ``Құрметті Асқар Маратұлы!`` / ``Құрметті
    әріптестер!``: a speech opens with its address, which ends in ``!``. Running Kazakh
    capitalises ``Құрметті`` mid-sentence only as a title (``Алматының Құрметті азаматы``), and a
    title runs on to its verb and a full stop, not to ``!`` (so the word is no listed opener). In
    the dev apertium files flattened in 12-line pieces all 10 such addresses start a line; none
    stands in UD KTB.
    """
    return [m.start() for m in _matches(_ADDRESS, text)]


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

    ``Сәуле Бекқызы Омарова Сәуле Бекқызы Омарова 1975 жылы …`` and
    ``Мешіттер «Ақжол» мешіті «Ақжол» мешіті Қарасай ауданы …`` are web pages whose
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
