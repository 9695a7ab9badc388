from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import wraps
from typing import Concatenate, NamedTuple, ParamSpec, TypeVar

from kaznlp.lang.affixes import clitics, finite_endings, suffix_allomorphs

from .morph import PARTICLES, closed_compounds
from .resources import (_LEX_PREFIX, _LONGEST, _STEMS, _contexts, _lexicon, _open_forms, _open_stems, _sorted_lexicon,
                        chain_starts, is_chain, lexicon_facts, lexicon_longest, lexicon_stems, remember)
from .vocab import _BLOCK, LazyVocab, begins, block_cuts, doc_vocab, sorted_compounds

__all__ = ["GLUE_RATIO", "Evidence", "Verdict", "block_cuts", "chain_starts", "doc_vocab", "is_chain"]


# glued / apart counts (dehyph_contexts_kk.tsv) this far apart decide a lost-hyphen break
GLUE_RATIO = 3
_COMPOUND: dict[tuple[str, str], bool] = {}  # Evidence.closed_compound: the same in every document
_SOFT_END, _HYPHEN_END = re.compile("\xad[ \t]*\r?\n"), re.compile(r"[^\W\d_][-\u2010][ \t]*\r?\n")  # soft_marked

_P = ParamSpec("_P")
_T = TypeVar("_T")


class Verdict(NamedTuple):
    """A decision (``join``, ``hyphen``, ``space``, ``keep``, ``drop``), its rule, the learned features and score."""

    decision: str
    rule: str
    features: tuple[float, ...] | None = None
    score: float | None = None


class Evidence:
    """Scores for 'this string is a word' from the document, the lexicon and morphology."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._cuts: list[int] | None = None if len(text) > _BLOCK else [0]
        self._blk = 0
        self._span = (0, -1)  # the source offsets of block _blk, once found by at()
        self._vocab: dict[int, set[str]] = {}
        self._cur: set[str] | None = None  # the vocabulary of block self._blk, once built
        self._sorted: dict[int, list[str]] = {}
        self._per_block: dict[tuple[str, int], object] = {}  # per_block()
        self._parts: dict[int, tuple[set[str], set[str]]] = {}
        self._lazy: dict[int, LazyVocab] = {}  # questions answered before the vocabulary is built
        self.lazy = True  # False: build the vocabulary at the first question (wrapped text asks thousands)
        self.lex, self.pairs = _lexicon()
        self.sfx = suffix_allomorphs()
        self.open_forms, self.open_stems = _open_forms(), _open_stems()
        lexicon_facts(self.lex)
        # word and join_score answers by block (_wc, _jc: the current block's)
        self._word_caches: dict[int, dict[str, float]] = {0: {}}
        self._join_caches: dict[int, dict[tuple[str, str], float]] = {0: {}}  # asked by the votes, rules and features
        self._wc, self._jc = self._word_caches[0], self._join_caches[0]
        self.sparse = False
        self.hyphens_lost = 0  # real line-end hyphens lost too: 1, 2 = in 40+ breaks (shape rules too; layout.py)
        self._memo: dict[tuple, Verdict] = {}  # see _memo_decision
        self.learned = True  # False: the rules alone answer (training/train_dehyph.py collects so)
        self.features = True  # False: the learned layer's verdicts carry no features (no trace asked)
        self.last: Verdict | None = None  # the last word-level verdict (read by the decision trace)
        self.last_args: tuple = ()  # and the pieces it judged
        self.why = ""  # the layout rule of the last break decision (read by the decision trace)
        self._soft: bool | None = None  # see soft_marked

    def at(self, pos: int) -> "Evidence":
        """Use the document evidence of the block around source offset ``pos``."""
        lo, hi = self._span
        if lo <= pos < hi:
            return self  # the block of the call before (no search)
        if self._cuts is None:
            self._cuts = block_cuts(self._text)
        if len(self._cuts) > 1:
            cuts = self._cuts
            blk = bisect_right(cuts, pos) - 1
            self._span = (cuts[blk], cuts[blk + 1] if blk + 1 < len(cuts) else len(self._text) + 1) if blk >= 0 else (0, -1)
            if blk != self._blk:
                self._blk = blk
                self._cur = None
                self._wc = self._word_caches.setdefault(blk, {})
                self._jc = self._join_caches.setdefault(blk, {})
        else:
            self._span = (-1 << 62, 1 << 62)  # one block: every offset
        return self

    def _block_text(self) -> str:
        cuts = self._cuts or [0]
        if len(cuts) == 1:
            return self._text
        return self._text[cuts[self._blk]:cuts[self._blk + 1] if self._blk + 1 < len(cuts) else len(self._text)]

    def per_block(self, name: str, build: Callable[[str], _T]) -> _T:
        """``build(text of the current block)``, computed once per block for each ``name``."""
        key = (name, self._blk)
        if key not in self._per_block:
            self._per_block[key] = build(self._block_text())
        return self._per_block[key]  # type: ignore[return-value]

    @property
    def doc(self) -> set[str]:
        """The vocabulary of the current block (:func:`doc_vocab`), built on first use."""
        if self._cur is not None:
            return self._cur
        v = self._vocab.get(self._blk)
        if v is None:
            v = self._vocab[self._blk] = doc_vocab(self._block_text())
            self._lazy.pop(self._blk, None)
        self._cur = v
        return v

    @property
    def vocabularies_built(self) -> int:
        """How many block vocabularies were built."""
        return len(self._vocab)

    def _lazy_vocab(self) -> LazyVocab | None:
        """The block's :class:`LazyVocab` while its vocabulary is not built, else None."""
        if self._cur is not None:
            return None
        v = self._vocab.get(self._blk)
        if v is not None:
            self._cur = v
            return None
        if not self.lazy:
            self._cur = self.doc
            return None
        lz = self._lazy.get(self._blk)
        if lz is None:
            lz = self._lazy[self._blk] = LazyVocab(self._block_text())
        return lz

    def in_doc(self, w: str) -> bool:
        """``w in self.doc``, by a search of the block while cheaper (:class:`LazyVocab`)."""
        cur = self._cur
        if cur is not None:
            return w in cur
        lz = self._lazy_vocab()
        if lz is not None:
            hit = lz.contains(w)
            if hit is not None:
                return hit
        return w in self.doc

    def _hyphen_parts_of(self, words: set[str]) -> tuple[set[str], set[str]]:
        left, right = set[str](), set[str]()
        for w in words:
            if "-" in w:
                ws = w.split("-")
                for x, y in zip(ws, ws[1:]):
                    if len(x) >= 3 and len(y) >= 3:
                        left.add(x)
                        right.add(y[:4])
        return left, right

    def doc_hyphen_parts(self) -> tuple[set[str], set[str]]:
        """Left parts and right-part starts of the hyphenated words of this text."""
        parts = self._parts.get(self._blk)
        if parts is None:
            parts = self._parts[self._blk] = self._hyphen_parts_of(self.doc)
        return parts

    def doc_hyphen_left(self, x: str) -> bool:
        """This text writes a hyphenated word ``x-…``."""
        lz = self._lazy_vocab()
        if lz is not None:
            words = lz.words_with(x + "-", starts=True)
            if words is not None:
                return x in self._hyphen_parts_of(words)[0]
        return x in self.doc_hyphen_parts()[0]

    def doc_hyphen_right(self, y4: str) -> bool:
        """This text writes a hyphenated word ``…-y4…``."""
        lz = self._lazy_vocab()
        if lz is not None:
            words = lz.words_with("-" + y4)
            if words is not None:
                return y4 in self._hyphen_parts_of(words)[1]
        return y4 in self.doc_hyphen_parts()[1]

    def glue_counts(self, a: str, b: str, min_total: int = 5) -> tuple[int, int] | None:
        """``(glued, apart)`` counts of ``b`` after ``a``'s last 2 (else 1) letters; None if rare."""
        two, one = _contexts()
        c = two.get((b, a[-2:]))
        if c is not None and c[0] + c[1] >= min_total:
            return c
        c = one.get((b, a[-1:]))
        if c is not None and c[0] + c[1] >= min_total:
            return c
        return None

    # suffix chains (resources.is_chain): a function of the suffix inventory only
    is_chain = staticmethod(is_chain)
    chain_starts = staticmethod(chain_starts)

    def word(self, w: str) -> float:
        """3: written elsewhere in this text; 2: in the lexicon; 1: known stem + suffixes; 0: unknown."""
        hit = self._wc.get(w)
        if hit is None:
            hit = self._wc[w] = self._word(w)
        return hit

    def _word(self, w: str) -> float:
        if not w:
            return 0
        cur = self._cur
        if (w in cur) if cur is not None else self.in_doc(w):
            return 3
        if w in self.lex:
            return 2
        if self.analyzable(w):
            return 1
        return self.prefix(w)

    def prefix(self, w: str) -> float:
        """``w`` + suffixes is a word of the text (2) or lexicon (1.5): ``делегация|ны``."""
        if len(w) < 6:
            return 0
        # the first text word >= ``w`` in sorted order begins with ``w`` if any does
        first: str | None = None
        lz = self._lazy_vocab() if self._cur is None else None
        words = lz.words_with(w, starts=True) if lz is not None else None
        if words is not None:
            first = min((x for x in words if x.startswith(w)), default=None)
        else:
            sdoc = self._sorted.get(self._blk)
            if sdoc is None:
                sdoc = self._sorted[self._blk] = sorted(self.doc)
            i = bisect_left(sdoc, w)
            if i < len(sdoc) and sdoc[i].startswith(w):
                first = sdoc[i]
        if first is not None and self.is_chain(first[len(w):]):
            return 2.0
        hit = _LEX_PREFIX.get(w)
        if hit is None:
            lex = _sorted_lexicon()
            i = bisect_left(lex, w)
            hit = 1.5 if i < len(lex) and lex[i].startswith(w) and self.is_chain(lex[i][len(w):]) else 0
            remember(_LEX_PREFIX, w, hit)
        return hit

    def analyzable(self, w: str) -> bool:
        # ``инновацияларды`` = ``инновация`` (lexicon) + ``лар`` + ``ды``
        if "-" in w:
            head, _, tail = w.rpartition("-")
            return (head in self.lex or self.in_doc(head)) and (tail in self.lex or tail in clitics("hyphenated") or self.analyzable(tail))
        doc = self._cur
        if doc is None:
            doc = self._built()
        if doc is not None:
            # a stem of the lexicon, else one of this text: what the lexicon says is remembered
            stems = _STEMS.get(w)
            if stems is None:
                stems = lexicon_stems(w, self.lex)
            return stems is True or not doc.isdisjoint(stems)  # type: ignore[arg-type]
        ok = self.chain_starts(w)
        for k in range(len(w) - 1, 2, -1):
            if not ok[k]:
                continue
            stem = w[:k]
            if stem in self.lex or self.in_doc(stem):
                return True
        return False

    def _built(self) -> set[str] | None:
        """The block's vocabulary if built (or to be built now), else None."""
        return self._cur if self._lazy_vocab() is None else None

    def longest_stem(self, w: str) -> int:
        """Length of the longest known word + suffixes making ``w`` (``кентасты``: 6); 0 if none."""
        doc = self._built()
        n = len(w)
        if n < 2:
            return 0
        if w in self.lex or self.in_doc(w):
            return n
        k_lex, ks = _LONGEST.get(w) or lexicon_longest(w, self.lex)
        for k in ks:  # the lexicon's longest stem, unless the text writes a longer one
            if (w[:k] in doc) if doc is not None else self.in_doc(w[:k]):
                return k
        return k_lex

    def spans(self, a: str, b: str) -> bool:
        """Is ``a+b`` a known stem (2+ letters past ``a``, no hyphen) + suffixes?
        ``қыр|күйектегі`` = ``қыркүйек`` + ``те`` + ``гі``."""
        w = a + b
        if "-" in w:
            return False
        doc = self._built()
        ok = self.chain_starts(w)
        for k in range(len(w) - 1, len(a) + 1, -1):
            if ok[k] and (w[:k] in self.lex or (w[:k] in doc if doc is not None else self.in_doc(w[:k]))):
                return True
        return False

    def suffix_start(self, b: str) -> bool:
        """``b`` is a suffix chain and no word (``лығымен``; not ``лық``); the remembered test first."""
        if len(b) < 2 or b in PARTICLES or b in self.lex or not self.is_chain(b, first_long=True):
            return False
        return not (self.in_doc(b) or self.analyzable(b))

    def soft_marked(self) -> bool:
        """Soft hyphens end 2+ lines, twice as many as hyphens after a letter: the text marks its breaks so."""
        if self._soft is None:
            t = self._text
            s = len(_SOFT_END.findall(t)) if "\xad" in t else 0
            self._soft = s >= 2 and 2 * len(_HYPHEN_END.findall(t)) <= s
        return self._soft

    def attested_hyphen(self, a: str, b: str) -> float:
        """``a-b`` written: 3 in this text, 2 in the lexicon, 1 its stem pair."""
        form = a + "-" + b
        if self.in_doc(form):
            return 3
        if form in self.lex:
            return 2
        if (a, b[:4]) in self.pairs:
            return 1
        return 0

    def hyphen_stem(self, a: str, b: str) -> bool:
        """Does the lexicon hold a hyphenated form that begins with ``a-b`` (``мекен-жайы``)?"""
        return begins(_sorted_lexicon(), a + "-" + b)

    def hyphen_form(self, a: str, b: str) -> float:
        """Evidence that ``a-b`` is a real hyphenated word (``вице-президенті``)."""
        form = a + "-" + b
        if self.in_doc(form):
            return 3
        if form in self.lex or (a, b[:4]) in self.pairs:
            return 2
        if b in clitics("hyphenated") and (a[-2:] in finite_endings() if b in ("мыс", "міс") else self.word(a) >= 2):
            return 2  # сондай-ақ, келеді-міс
        if len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3] and (a in self.lex or self.in_doc(a)):
            return 2  # reduplication: бір-бірімен, жылдан-жылға
        return 0

    def closed_compound(self, a: str, b: str) -> bool:
        """Is ``a + b`` a Hunspell closed compound (across the break) + suffixes? ``қол|шатырға``."""
        hit = _COMPOUND.get((a, b))
        if hit is None:
            w, comp = a + b, closed_compounds()
            n = len(w)
            # no compound begins so (the shortest ``w[:k]`` asked), else one + suffixes makes ``w``
            hit = n >= len(a) + 3 and begins(sorted_compounds(), w[:len(a) + 3]) and any(
                w[:k] in comp and (k == n or self.is_chain(w[k:])) for k in range(n, len(a) + 2, -1))
            remember(_COMPOUND, (a, b), hit)
        return hit

    def open_word(self, w: str) -> float:
        """Evidence from the open word lists: 2 a Unilex form, 1 a Hunspell stem + suffixes, 0 none."""
        if w in self.open_forms:
            return 2
        if self.open_stems:
            for k in range(len(w) - 1, 4, -1):
                if w[:k] in self.open_stems and self.is_chain(w[k:]):
                    return 1
        return 0

    def join_score(self, a: str, b: str) -> float:
        """Evidence that ``a + b`` is one word: :meth:`word` of it, the open word lists, 2.5 when
        ``b`` is a bare suffix chain (``цифр|лық``)."""
        key = (a, b)
        hit = self._jc.get(key)
        if hit is None:
            hit = self._jc[key] = self._join_score(a, b)
        return hit

    def _join_score(self, a: str, b: str) -> float:
        j = self.word(a + b)
        if j < 2 and (self.open_forms or self.open_stems):
            j = max(j, self.open_word(a + b))  # the open word lists know the joined form
        b_first = b.partition("-")[0]
        if j < 2.5 and self.suffix_start(b_first):
            j = 2.5  # цифр|лық, жүрт|шылық
        return j

    def sep_score(self, a: str, b: str) -> float:
        wc, b = self._wc, b.partition("-")[0]  # min(word(a), word(b's first part)), inlined
        x = wc.get(a) or self.word(a)
        y = wc.get(b) or self.word(b)
        return y if y < x else x

def _memo_decision(fn: Callable[Concatenate[Evidence, _P], Verdict | tuple[str, str]]
                   ) -> Callable[Concatenate[Evidence, _P], Verdict]:
    """Remember a decision per evidence block, ``ev.sparse`` and arguments (all it depends on): a
    break repeated thousands of times (``жетіс-⏎``) costs a look-up each. Answers are Verdicts."""
    name = fn.__name__

    @wraps(fn)
    def decide(ev: Evidence, *args: _P.args, **kwargs: _P.kwargs) -> Verdict:
        key = (name, ev._blk, ev.sparse, *args, *sorted(kwargs.items())) if kwargs else (name, ev._blk, ev.sparse, *args)
        d = ev._memo.get(key)
        if d is None:
            r = fn(ev, *args, **kwargs)
            d = r if isinstance(r, Verdict) else Verdict(*r)
            ev._memo[key] = d
        ev.last = d
        ev.last_args = args
        return d
    return decide
