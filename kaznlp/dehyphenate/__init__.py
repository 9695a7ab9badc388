"""Join words broken at line ends and reflow wrapped lines (``kaznlp.dehyphenate``).

Text from PDFs and print arrives with words split across lines, with or without
the line-end hyphen (``инно⏎вацияларды``, ``цифр-⏎лық``), with soft hyphens
(U+00AD), or, in web text, as "hyphen + space" (``Премьер- Министрінің``). Real
hyphens must survive: compounds (``вице-президенті``), number + suffix
(``80-нен``), acronym + suffix (``ХСӘҚ-ның``), reduplications (``бір-бірімен``).

Every decision comes from evidence, strongest first:

1. the document's own vocabulary (is ``инновацияларды`` or ``вице-президенті``
   written whole somewhere else in the same text?),
2. the shipped word-form lexicon ``data/lexicon_kk.txt`` (built by
   ``training/build_lexicon.py`` from NTREX, KazQAD, KazNERD and UD KTB),
3. Kazakh morphology: a line that starts with a suffix (``лық``, ``дағы``,
   ``тығын``) continues the previous word; a known stem + suffix chain is a word
   (``инновация`` + ``лар`` + ``ды``); number/acronym + suffix keeps its hyphen.

Only hyphens, soft hyphens and whitespace are ever removed or inserted; letters,
digits and punctuation are never touched. A line break is what
:mod:`kaznlp.linebreaks` says it is (the ``str.splitlines`` set, ``\\r\\n`` as one): a
paragraph separator, a record separator or a form feed ends a line for every decision as
``\\n`` does. Breaks that stay are written as they came, except ``\\r\\n`` and ``\\r``,
which become ``\\n``.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import Literal, overload

from kaznlp._validate import check_choice, check_text
from kaznlp.alignment import Alignment, apply_edits

from .driver import _MAX_PASSES, Reflow, _edits
from .evidence import Evidence, Verdict
from .furniture import _furniture
from .learned import _decide_inline, _decide_plain
from .rules_line import _decide_line_hyphen

__all__ = ["BreakDecision", "Verdict", "dehyphenate", "explain_breaks", "judge"]


@dataclass(frozen=True)
class BreakDecision:
    """One decision of :func:`dehyphenate`, as :func:`explain_breaks` reports it.

    Attributes:
        start, end: the region decided, in the caller's text (a line break with the spaces and
            the line-end hyphen or soft hyphen around it; the ``- `` of a "hyphen + space").
        kind: ``"line_end_hyphen"`` (``жетіс-⏎тіктерді``), ``"soft_hyphen"``, ``"line_break"``
            (a bare break, ``цифр⏎лық``) or ``"hyphen_space"`` (``Премьер- Министрінің``).
        left, right: the words on either side, as the rule saw them.
        action: ``"join"`` (no hyphen, no space), ``"hyphen"`` (joined with a hyphen),
            ``"space"`` (the lines joined with a space), ``"keep"`` (left as written).
        rule: the name of the rule that decided (``suffix_chain``, ``joined_form_in_text``,
            ``heading``, ``short_line``...); ``learned:<rule>`` when the logistic layer
            overruled or confirmed the rule of that name.
        evidence: what the rule looked at: ``score`` of the learned layer (> 0: join) and its
            ``features`` by name, when it was asked.
        pass_no: the pass that made the decision (the output is processed again until a pass
            changes nothing; a later pass sees the words the earlier one joined).
    """

    start: int
    end: int
    kind: str
    left: str
    right: str
    action: str
    rule: str
    evidence: dict[str, object]
    pass_no: int = 1


def explain_breaks(text: str, *, reflow: Reflow = "auto", remove_page_furniture: bool = False,
                   learned: bool = True) -> list[BreakDecision]:
    """Every decision :func:`dehyphenate` makes on ``text``, in the order made, with offsets
    into ``text``, the rule and the evidence (in the spirit of ``ftfy.fix_and_explain``).

    ``learned=False`` shows what the rules alone decide (the logistic layer is still scored
    and its score reported); ``training/train_dehyph.py`` collects its examples so.

    >>> [(d.left, d.right, d.action, d.rule) for d in explain_breaks("ХСӘҚ вице-\\nпрезиденті Н.Р. Ахметзакиров")]
    [('вице', 'президенті', 'hyphen', 'unhyphenated_text_real_hyphen')]
    >>> [(d.left, d.right, d.action, d.rule) for d in explain_breaks("ҚР Премьер- Министрінің орынбасары")]
    [('Премьер', 'Министрінің', 'hyphen', 'capital_hyphenated_form')]
    """
    check_text(text, "explain_breaks")
    check_choice(reflow, "reflow", ("auto", True, False), "explain_breaks")
    if not isinstance(remove_page_furniture, bool) or not isinstance(learned, bool):
        raise TypeError("kaznlp.explain_breaks(): remove_page_furniture and learned must be bools")
    return _run(text, reflow, remove_page_furniture, [], learned)[2]


_KINDS = ("line_end_hyphen", "line_break", "hyphen_space")


def judge(left: str, right: str, kind: str = "line_end_hyphen", *, context: str = "",
          lost_hyphens: bool = True, after: str = "", learned: bool = True) -> Verdict:
    """Judge one pair of pieces as :func:`dehyphenate` would, without a layout around them.

    Args:
        left, right: the pieces (``жетіс``, ``тіктерді``): ``left`` ended a line (before its
            hyphen) or stood before a "hyphen + space"; ``right`` followed.
        kind: ``"line_end_hyphen"`` (``жетіс-⏎тіктерді``: ``join`` or ``hyphen``),
            ``"line_break"`` (``цифр⏎лық``: ``join`` or ``space``) or ``"hyphen_space"``
            (``Премьер- Министрінің``: ``join``, ``hyphen`` or ``keep``).
        context: text whose vocabulary is the document evidence (words written whole there).
        lost_hyphens: for ``"line_break"``: the text loses its line-end hyphens (seed 004), so a
            bare break may be inside a word; False: it wraps without breaking words.
        after: the characters after ``right`` (``мен`` before ``,`` is the suffix, not the conjunction).
        learned: False: the rules alone.

    >>> judge("жетіс", "тіктерді")
    Verdict(decision='join', rule='suffix_chain', features=None, score=None)
    >>> judge("вице", "президенті").decision, judge("Корея", "мен").rule
    ('hyphen', 'suffix_chain')
    """
    check_text(left, "judge")
    check_text(right, "judge")
    check_choice(kind, "kind", _KINDS, "judge")
    if not left or not right:
        raise ValueError("kaznlp.dehyphenate.judge(): left and right must not be empty")
    ev = Evidence(context)
    ev.learned = learned
    if kind == "line_end_hyphen":
        return _decide_line_hyphen(ev, left, right)
    if kind == "line_break":
        return _decide_plain(ev, left, right, True if lost_hyphens else False, after)
    return _decide_inline(ev, left, right, after)


def _decisions(text: str, trace: list, al: Alignment | None, npass: int) -> list[BreakDecision]:
    """The trace records of one pass over ``text``, with offsets mapped through ``al`` (the
    passes before) to the caller's text."""
    from .learned import FEATURES

    out = []
    for start, end, kind, left, right, action, rule, v in trace:
        if al is not None:
            start, end = al.span_to_src(start, end)
        evidence: dict[str, object] = {}
        if isinstance(v, Verdict) and v.features is not None:
            names = FEATURES["plain" if kind != "hyphen_space" else "inline_join"]
            evidence = {"score": round(v.score or 0.0, 4), "features": dict(zip(names, v.features))}
        out.append(BreakDecision(start, end, kind, left, right, action, rule, evidence, npass))
    return out

@overload
def dehyphenate(text: str, *, return_alignment: Literal[False] = ..., reflow: Reflow = ...,
                remove_page_furniture: bool = ...) -> str: ...
@overload
def dehyphenate(text: str, *, return_alignment: Literal[True], reflow: Reflow = ...,
                remove_page_furniture: bool = ...) -> tuple[str, Alignment]: ...


@overload
def dehyphenate(text: str, *, return_alignment: bool = ..., reflow: Reflow = ...,
                remove_page_furniture: bool = ..., explain: Literal[True]) -> tuple[str, Alignment, list[BreakDecision]]: ...


def dehyphenate(text: str, *, return_alignment: bool = False, reflow: Reflow = "auto",
                remove_page_furniture: bool = False, explain: bool = False
                ) -> str | tuple[str, Alignment] | tuple[str, Alignment, list[BreakDecision]]:
    """Join words broken at line ends, reflow wrapped paragraphs, keep real hyphens.

    Args:
        text: raw text. Every break of :mod:`kaznlp.linebreaks` ends a line (``\\n``,
            ``\\r\\n``, ``\\u2029``, ``\\x1e``, ``\\f``, ...); ``\\r\\n`` and ``\\r`` come out as
            ``\\n``, the others as written when the break stays.
        return_alignment: also return an :class:`~kaznlp.alignment.Alignment`
            mapping output offsets to ``text`` (``al.span_to_src(start, end)``).
        reflow: ``"auto"`` (default) joins the lines of a paragraph only when the
            text shows evidence of wrapping; ``True`` always, ``False`` never
            (then only broken words are repaired).
        remove_page_furniture: drop PDF page furniture (form feeds, page-number
            lines, running headers/footers repeated on 3+ pages). Off by default:
            it is the only option that deletes digits and letters.
        explain: return ``(text, alignment, decisions)``, the decisions as
            :func:`explain_breaks` gives them (slower: evidence is gathered for each).

    Returns:
        The cleaned text (and the alignment). Only hyphens, soft hyphens and
        whitespace differ from the input (unless page furniture is removed).

    Three lines alone are too little evidence of wrapping for ``reflow="auto"``, so a short
    text that lost its hyphens is reflowed on request:

    >>> dehyphenate("Делегацияға цифр\\nлық қызметтер саласындағы ұлттық жетіс\\nтіктерді таныстырды.",
    ...             reflow=True)
    'Делегацияға цифрлық қызметтер саласындағы ұлттық жетістіктерді таныстырды.'
    >>> dehyphenate("Сот әкімшілігінің басшысы – ХСӘҚ вице-\\nпрезиденті Н.Р. Ахметзакиров")
    'Сот әкімшілігінің басшысы – ХСӘҚ вице-президенті Н.Р. Ахметзакиров'
    >>> dehyphenate("ҚР Премьер- Министрінің орынбасары, теле- және радиосюжеттер")
    'ҚР Премьер-Министрінің орынбасары, теле- және радиосюжеттер'
    """
    check_text(text, "dehyphenate")
    check_choice(reflow, "reflow", ("auto", True, False), "dehyphenate")
    if not isinstance(remove_page_furniture, bool):
        raise TypeError("kaznlp.dehyphenate(): remove_page_furniture must be a bool")
    if not isinstance(explain, bool):
        raise TypeError("kaznlp.dehyphenate(): explain must be a bool")
    if explain:
        out, al, decisions = _run(text, reflow, remove_page_furniture, [], True)
        return out, al, decisions
    out, al, _ = _run(text, reflow, remove_page_furniture, None, True)
    return (out, al) if return_alignment else out


def _run(text: str, reflow: Reflow, furniture: bool, trace: list | None, learned: bool
         ) -> tuple[str, Alignment, list[BreakDecision]]:
    """The passes (see below); with ``trace`` a list, the decisions of every pass, mapped to ``text``."""
    decisions: list[BreakDecision] = []
    gc_was_on = gc.isenabled()
    gc.disable()  # many small tuples, no cycles: the cyclic GC would make big inputs superlinear
    try:
        cur = text
        al: Alignment | None = None
        if furniture:
            fe = _furniture(text)
            if fe:
                cur, al = apply_edits(text, fe)
        # A pass changes what later decisions read: line lengths and starts (wrap width, the short
        # last line of a paragraph), the words next to a join (``аവ\xad⏎- жо`` → ``аവ- жо``, a new
        # "hyphen + space"), the document vocabulary (a joined ``инновация`` is now written whole)
        # and the block cuts. So the output is processed again until a pass changes nothing, and
        # dehyphenate(dehyphenate(x)) == dehyphenate(x); the alignments are composed. The loop
        # ends: every pass that changes something shortens the text or turns a line break into a
        # space (``\r`` → ``\n`` happens in the first pass only); the cap is a guard.
        # A pass judges a short line (the last line of a paragraph, a list item) by its length as
        # the caller wrote it. Once lines are joined that length is gone: the next pass reads the
        # joined line, long, and joins the short line after it, one more line a pass
        # (``ұзын жол⏎а⏎а⏎а``), so the passes did not settle within the cap and a second call
        # changed the output again. So when a second pass would change the output of a pass, that
        # pass is decided again reading each line as its output will be (the lines it joins to it
        # included), which is what every later pass reads: the passes settle at once. A text whose
        # output no pass changes (nearly all: reflowed paragraphs no longer look wrapped) is
        # decided on the caller's layout alone.
        # A pass whose joined lines met no short-line test (nearly every pass that leaves work:
        # ``ке-⏎лісім- шарт`` joins to ``келісім- шарт``, which the next pass hyphenates) would
        # be decided again with the same edits (see driver._break_edits): it is not, and the
        # next pass's edits, already found, are used as they are.
        pending: list | None = None  # the edits of this pass, found when checking the one before
        pending_short: list[int] = []  # and the lines where deciding by the output could differ
        pending_redo: list = []  # and how to decide that pass again (driver._edits, ``redo``)
        for npass in range(_MAX_PASSES):
            if trace is not None:
                trace.clear()
                pending = None
            short: list[int] = []
            if pending is not None:
                edits, short, redo = pending, pending_short, pending_redo
            else:
                redo = []
                edits = _edits(cur, reflow, trace, learned, short_after_join=short, redo=redo)
            pending = None
            if edits:
                out, al2 = apply_edits(cur, edits)
                if out != cur:
                    pending_short, pending_redo = [], []
                    pending = _edits(out, reflow, None, learned, short_after_join=pending_short, redo=pending_redo)
                    if pending and short:
                        if trace is not None:
                            trace.clear()
                        edits = redo[0]() if redo else _edits(cur, reflow, trace, learned, by_output=True)
                        out, al2 = apply_edits(cur, edits)
                        pending = None
            if trace:
                seen = {(d.start, d.end, d.kind, d.action, d.rule) for d in decisions}
                decisions.extend(d for d in _decisions(cur, trace, al, npass + 1)
                                 if (d.start, d.end, d.kind, d.action, d.rule) not in seen)
            if not edits:
                break
            if out == cur:
                break
            al = al2 if al is None else al.compose(al2)
            cur = out
        out = cur
        if al is None:
            al = Alignment.identity(len(text))
    finally:
        if gc_was_on:
            gc.enable()
    return out, al, decisions


