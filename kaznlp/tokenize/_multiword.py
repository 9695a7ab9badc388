"""Analytic verb forms joined into one token, as UD Kazakh-KTB writes them ("болған жоқ")."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..lang.affixes import participle_endings
from ..lang.alphabet import CYRILLIC_LOWER
from ..lang.words import words
from ._columns import _splice


# KTB: a verb + negation/evidential auxiliary is one word ("деген екен"); after a noun or adjective
# the auxiliary stays apart ("себеп жоқ"). All 14 KTB forms: a past participle or finite verb first.
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
_AUXILIARIES = tuple(sorted(_NEGATION_WORDS | _EVIDENTIAL_WORDS | _PRONOUN_TAILS))
_SPACED_AUXILIARIES = tuple(" " + aux for aux in _AUXILIARIES)


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
    """The columns (starts, surfaces, kinds) with verb forms joined: the same lists if none."""
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
