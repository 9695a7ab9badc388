"""spaCy's whitespace convention for a tokenized text, in plain Python (no spaCy import).

A spaCy ``Doc`` is words plus one trailing-space flag per word, and ``doc.text`` must be
the text. Between two tokens, one plain space becomes the first token's trailing space;
any other whitespace (a line break, two spaces, a tab) becomes a whitespace token of its
own, as spaCy's tokenizer does. Text after the last token is one more gap. This is the
one place kaznlp makes that layout: :func:`kaznlp.spacy_lang.make_doc` (the spaCy
tokenizer) and the corpus ``DocBin`` writer (which builds spaCy's arrays without
importing spaCy) both call :func:`words_and_spaces`.

>>> text = "Алматы — ірі қала.\\n"
>>> words, spaces, starts, index = words_and_spaces(text, [(0, 6), (7, 8), (9, 12), (13, 17), (17, 18)])
>>> words, spaces
(['Алматы', '—', 'ірі', 'қала', '.', '\\n'], [True, True, True, False, False, False])
>>> "".join(w + " " * s for w, s in zip(words, spaces)) == text, starts[5], index
(True, 18, [0, 1, 2, 3, 4])
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["sentence_flags", "words_and_spaces"]


def words_and_spaces(text: str, spans: Iterable[tuple[int, int]]
                     ) -> tuple[list[str], list[bool], list[int], list[int]]:
    """Words, trailing-space flags, each word's start offset in ``text``, and the word index of
    each of ``spans``, for a ``Doc`` of ``text`` whose tokens are ``spans`` (``(start, end)``
    offsets into ``text``, in order; the text between them becomes spaces or whitespace words).

    The words and spaces give back ``text`` exactly when the spans are in order and do not
    overlap; a span that starts before the previous one ends is kept as it is (no gap).
    """
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[int] = []
    index: list[int] = []
    word, space, at = words.append, spaces.append, starts.append  # (a hot loop: the spaCy tokenizer's)
    pos = 0
    # the text after the last token is one more gap, closed by an end marker (no end offset)
    for start, end in (*spans, (len(text), None)):
        if start > pos:  # the gap before this token: one space trails the last word, the rest is a word
            if words and not spaces[-1] and text[pos] == " ":
                spaces[-1] = True
                pos += 1
            if start > pos:
                word(text[pos:start])
                space(False)
                at(pos)
            pos = start
        if end is None:
            break
        index.append(len(words))
        word(text[start:end])
        space(False)
        at(start)
        pos = end
    return words, spaces, starts, index


def sentence_flags(n_words: int, first_words: Iterable[int]) -> list[bool]:
    """Whether each of ``n_words`` words starts a sentence, from the word index of each
    sentence's first token. Whitespace before the first sentence belongs to it (no
    whitespace-only sentence): the ``Doc``'s first word starts the first sentence.

    >>> sentence_flags(5, [1, 3])  # " Абай ақын . Ол": a space word, then two sentences
    [True, False, False, True, False]
    """
    starts = [False] * n_words
    for i in first_words:
        starts[i] = True
    if starts and not starts[0]:
        at = starts.index(True) if True in starts else 0
        starts[at] = False
        starts[0] = True
    return starts
