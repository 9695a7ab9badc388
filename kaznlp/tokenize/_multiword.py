"""Analytic verb forms joined into one token, as UD Kazakh-KTB writes them ("болған жоқ")."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from ..lang.affixes import participle_endings
from ..lang.alphabet import CYRILLIC_LOWER
from ..lang.words import words
from ._columns import _splice


# -- analytic verb forms (UD Kazakh-KTB multiword tokens) ----------------------------
# KTB writes a verb and its negation or evidential auxiliary as one word with a space,
# as Apertium's Kazakh lexicon does: "болған жоқ" (did not happen), "көрген емеспін"
# (I have never seen), "деген екен" (he reportedly said), "алсам екен" (if only I took),
# "сыйлайды екенсің" (you apparently respect), "естіген жоқ екен" (he had not heard).
# After a noun or adjective the auxiliary is a word of its own: "себеп жоқ", "жаман емес",
# "қазақ екен", "тиіс емес". Every such form in KTB (14 of 14) is a past participle or a
# finite verb before the auxiliary, and no KTB token splits one.
_PARTICIPLE = re.compile(rf"[{CYRILLIC_LOWER}]{{2,}}(?:{'|'.join(participle_endings())})")  # болған, көрген
_FINITE = re.compile(
    rf"[{CYRILLIC_LOWER}]{{2,}}(?:[аейю]ды|[аейю]ді"                       # present: сыйлайды, үйретеді
    r"|(?<!с)с[ае](?:м|ң|қ|к|ңыз|ңіз|ңдар|ңдер)?)"                  # conditional: алсам, болса
)  # (not "касса", "масса": nouns in -сса)
_NEGATION_WORDS = words("negation_auxiliary")
_EVIDENTIAL_WORDS = words("evidential_auxiliary")
_PRONOUN_TAILS = words("pronoun_tail")


def _alternatives(ws: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(ws))


_NEGATION = re.compile(rf"(?:{_alternatives(_NEGATION_WORDS)})(?:пын|пін|сың|сің|пыз|піз|сыз|сіз)?")  # жоқ, емеспін
_EVIDENTIAL = re.compile(rf"(?:{_alternatives(_EVIDENTIAL_WORDS)})(?:мін|сің|сіз|біз|сіңдер|сіздер)?")  # екен, екенсің
# Closed pronouns KTB writes as two words and tags as one: "еш нәрсені" (lemma ешнәрсе).
_PRONOUN_HEADS = words("pronoun_head")
_PRONOUN_TAIL = re.compile(rf"(?:{_alternatives(_PRONOUN_TAILS)})(?:ні|нің|ге|де|ден|мен)?")
# the words looked for in the text (with str.find) before a join is tried
_AUXILIARIES = tuple(sorted(_NEGATION_WORDS | _EVIDENTIAL_WORDS | _PRONOUN_TAILS))
_SPACED_AUXILIARIES = tuple(" " + aux for aux in _AUXILIARIES)  # (made once, not at every call)
_START = attrgetter("start")


def _second_word(word: str, first: str) -> bool:
    """May ``first`` + " " + ``word`` be one KTB token ("болған" + "жоқ")?"""
    first = first.lower()
    if _EVIDENTIAL.fullmatch(word):
        if _PARTICIPLE.fullmatch(first) or _FINITE.fullmatch(first):
            return True
        head, _, aux = first.rpartition(" ")  # "естіген жоқ" + "екен"
        return bool(head) and _PARTICIPLE.fullmatch(head) is not None and _NEGATION.fullmatch(aux) is not None
    if _NEGATION.fullmatch(word):
        return _PARTICIPLE.fullmatch(first) is not None
    return first in _PRONOUN_HEADS and _PRONOUN_TAIL.fullmatch(word) is not None


def _join_multiword(text: str, starts: list[int], texts: list[str], kinds: list[str]
                    ) -> tuple[list[int], list[str], list[str]]:
    """Join analytic verb forms into one token, as UD Kazakh-KTB does ("болған жоқ").

    Works on three columns of the tokens (starts, surfaces, kinds) and returns them:
    the same lists when nothing is joined (the auxiliaries are found with ``str.find``, the
    tokens by bisecting the starts; the lists are copied once, and only when a form joins)."""
    hits = []
    find = text.find
    for spaced in _SPACED_AUXILIARIES:
        i = find(spaced)
        while i != -1:
            hits.append(i + 1)
            i = find(spaced, i + 2)
    if not hits:
        return starts, texts, kinds
    hits.sort()
    n = len(starts)
    groups: list[list[int]] = []  # [first, last]: the tokens joined into one, in order
    for start in hits:
        j = bisect_left(starts, start, 1, n)
        if j == n or starts[j] != start:
            continue
        chained = bool(groups) and groups[-1][1] == j - 1  # "естіген жоқ" + "екен"
        first = groups[-1][0] if chained else j - 1
        end = starts[j - 1] + len(texts[j - 1])  # (the token before: its end)
        if end != start - 1 or kinds[j] != "word" or kinds[first] != "word" \
                or not _second_word(texts[j], text[starts[first]:end] if chained else texts[j - 1]):
            continue
        if chained:
            groups[-1][1] = j
        else:
            groups.append([j - 1, j])
    return _splice(starts, texts, kinds, [
        (first, last + 1, ([starts[first]], [text[starts[first]:starts[last] + len(texts[last])]], [kinds[first]]))
        for first, last in groups])
