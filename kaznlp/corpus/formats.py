r"""Serialisers of records: JSONL, CoNLL-U, and a spaCy ``Doc`` (the ``DocBin`` writer is in
:mod:`kaznlp.corpus.docbin`).

>>> from kaznlp.corpus.record import analyse
>>> rec = analyse("Премьер- Министр келді.", doc_id="d1", source="a.txt")
>>> [line.split("\t")[1] for line in to_conllu(rec).splitlines()[4:7]]
['Премьер-Министр', 'келді', '.']
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..spacy_layout import sentence_flags, words_and_spaces
from .record import doc_key

__all__ = ["CONLLU_FORMS", "OUTPUT_FORMATS", "record_to_spacy", "spacy_layout", "to_conllu", "to_jsonl"]

OUTPUT_FORMATS = ("jsonl", "conllu", "docbin")


def to_jsonl(rec: dict[str, Any]) -> str:
    """One JSON line (UTF-8, not ASCII-escaped), newline included.

    Never writes what JSON has not got (``NaN``, ``Infinity``): such a value
    raises :class:`ValueError`, which makes the document one errors-file entry.
    """
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


_WS = re.compile(r"\s+")


def _conllu_value(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _norms(s: dict[str, Any]) -> list[str | None]:
    """The clean form of each token of a record's sentence (or flat token list): the 5th item
    (``analyse(..., clean_forms=True)``), else the sentence's ``norms``; ``None``: same as the surface."""
    toks = s.get("tokens") or []
    out: list[str | None] = [t[4] if len(t) > 4 else None for t in toks]
    for i, norm in s.get("norms") or ():
        if 0 <= i < len(out):
            out[i] = norm
    return out


def _form(token: list[Any], norm: str | None = None) -> str:
    """FORM of a token: its clean form (the surface where it has none), each whitespace run as
    one space, so a multiword token keeps its one inner space ("келген жоқ", as UD
    Kazakh-KTB writes it)."""
    if norm is None:
        norm = token[4] if len(token) > 4 else token[2]
    return _WS.sub(" ", norm).strip() or "_"


def _surface_form(token: list[Any]) -> str:
    """FORM of a token as it occurred: the surface, each whitespace run as one space."""
    return _WS.sub(" ", token[2]).strip() or "_"


CONLLU_FORMS = ("norm", "text")


def to_conllu(rec: dict[str, Any], *, form: str = "norm") -> str:
    """A CoNLL-U block for one record.

    ``# newdoc id`` and ``# kaznlp_source`` head the document; each sentence has
    ``# sent_id`` and ``# text``; MISC has ``TokenRange=start:end`` (offsets into the
    original document text, as UDPipe writes them) and ``SpaceAfter=No``. LEMMA, UPOS and
    the syntax columns are ``_``. The clean forms come from the record's ``norms`` (or
    the 5th item of ``analyse(..., clean_forms=True)``).

    ``form="norm"`` (the default, what ``kaznlp process --to conllu`` writes): FORM and
    ``# text`` are the clean forms (a multiword token keeps one inner space), ready for a
    parser trained on UD Kazakh-KTB. ``form="text"``: the layout of UD's guidelines for
    text with errors (universaldependencies.org/u/overview/typos.html): FORM and
    ``# text`` hold what occurred in the original (each whitespace run as one space:
    ``Премьер- Министр``, ``мемлекеттiк`` with its Latin ``i``), and MISC
    ``CorrectForm=`` the clean form where it differs.
    """
    if form not in CONLLU_FORMS:
        raise ValueError(f"to_conllu(): form={form!r} is not valid; choose one of: {', '.join(CONLLU_FORMS)}")
    text = rec["text"]
    key = doc_key(rec.get("source") or "-", rec.get("line"))
    lines = [f"# newdoc id = {_conllu_value(str(rec.get('id')))}", f"# kaznlp_source = {_conllu_value(key)}"]
    sentences = rec.get("sentences")
    if sentences is None:
        sentences = [{"start": 0, "end": len(text), "text": text, "tokens": rec.get("tokens", []),
                      "norms": rec.get("norms")}]
    for i, s in enumerate(sentences, 1):
        toks = s.get("tokens") or []
        if not toks:
            continue
        norms = _norms(s)
        if form == "norm":
            forms = [_form(t, n) for t, n in zip(toks, norms)]
        else:
            forms = [_surface_form(t) for t in toks]
        lines.append(f"# sent_id = {_conllu_value(str(rec.get('id')))}-{i}")
        lines.append("# text = " + "".join(f + (" " if j + 1 < len(toks) and toks[j][1] < toks[j + 1][0] else "")
                                           for j, f in enumerate(forms)))
        for j, (t, fm, norm) in enumerate(zip(toks, forms, norms), 1):
            misc = [f"TokenRange={t[0]}:{t[1]}"]
            if t[1] >= len(text) or not text[t[1]].isspace():
                misc.insert(0, "SpaceAfter=No")
            if form == "text" and norm is not None:
                correct = _conllu_value(norm).replace("|", "\\p")  # "|" separates MISC items
                if correct and correct != fm:
                    misc.insert(0, f"CorrectForm={correct}")
            lines.append(f"{j}\t{fm}\t_\t_\t_\t_\t_\t_\t_\t{'|'.join(misc)}")
        lines.append("")
    if lines[-1] != "":
        lines.append("")
    return "\n".join(lines) + "\n"


def _record_tokens(rec: dict[str, Any]) -> tuple[list[tuple[int, int]], list[int], list[tuple[int, str]]]:
    """The ``(start, end)`` of a record's tokens (all sentences, in order), the index of each
    sentence's first token, and ``(token index, clean form)`` where the clean form differs."""
    sentences = rec.get("sentences")
    if sentences is None:
        sentences = [{"tokens": rec.get("tokens", [])}]  # (a flat record's "norms" are not read here, as before)
    spans: list[tuple[int, int]] = []
    firsts: list[int] = []
    norms: list[tuple[int, str]] = []
    for s in sentences:
        toks = s.get("tokens") or []
        if toks:
            firsts.append(len(spans))
        for t, norm in zip(toks, _norms(s)):
            if norm is not None and norm != t[2]:
                norms.append((len(spans), norm))
            spans.append((t[0], t[1]))
    return spans, firsts, norms


def spacy_layout(rec: dict[str, Any]) -> tuple[list[str], list[bool], list[bool], list[int], list[tuple[int, str]]]:
    """Words, trailing spaces, sentence starts and character offsets of the spaCy tokens of a
    record, and ``(word index, clean form)`` of the tokens whose clean form differs.

    kaznlp's tokens become spaCy tokens; whitespace between them becomes a trailing space
    (one ``" "``) or a whitespace token (spaCy's own convention, :mod:`kaznlp.spacy_layout`,
    the same as :func:`kaznlp.spacy_lang.make_doc`), so the words and spaces give back
    ``rec["text"]`` exactly: «Алматы — ірі қала.\\n» is ``Алматы␣ —␣ ірі␣ қала . \\n``.
    Whitespace before the first sentence belongs to it (no whitespace-only sentence).
    """
    spans, firsts, norms = _record_tokens(rec)
    words, spaces, char_start, index = words_and_spaces(rec["text"], spans)
    starts = sentence_flags(len(words), (index[k] for k in firsts))
    return words, spaces, starts, char_start, [(index[k], norm) for k, norm in norms]


def record_to_spacy(rec: dict[str, Any], vocab: Any) -> Any:
    """A spaCy ``Doc`` whose ``doc.text`` is exactly ``rec["text"]``.

    kaznlp's tokens become spaCy tokens through :func:`kaznlp.spacy_lang.make_doc` (given
    the record's tokens: they were found in the repaired text, so the text is not tokenized
    again); whitespace between them becomes trailing spaces or whitespace tokens (spaCy's
    own convention); sentence starts and entities are set; id, source and line go to
    ``doc.user_data``. A token whose clean form differs from its surface gets it as
    ``token.norm_`` (``"Премьер- Министр"`` → ``"Премьер-Министр"``); the others keep
    spaCy's default norm.
    """
    from ..spacy_lang import make_doc

    spans, firsts, norms = _record_tokens(rec)
    doc = make_doc(vocab, rec["text"], tokens=spans, sentences=firsts, norms=norms)
    ents = []
    for e in rec.get("entities") or []:
        span = doc.char_span(e["start"], e["end"], label=e["label"], alignment_mode="expand")
        if span is not None:
            ents.append(span)
    if ents:
        from spacy.util import filter_spans

        doc.ents = filter_spans(ents)
    doc.user_data.update({"id": rec.get("id"), "source": rec.get("source"), "line": rec.get("line")})
    return doc
