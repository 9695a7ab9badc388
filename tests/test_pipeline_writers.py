"""JSONL, CoNLL-U and DocBin carry the clean forms (issue 16, item 1)."""

from __future__ import annotations

import json

import pytest

from kaznlp.corpus_io import analyse, to_conllu, to_docbin_bytes, to_jsonl

TEXT = "Премьер- Министр мемлекеттiк тіл туралы заң-\nды қабылдады. Делегация келген жоқ.\n"
CLEAN = {"Премьер- Министр": "Премьер-Министр", "мемлекеттiк": "мемлекеттік", "заң-\nды": "заңды"}


def conllu_rows(block: str) -> list[list[str]]:
    return [line.split("\t") for line in block.splitlines() if line and not line.startswith("#")]


def test_jsonl_norms_only_where_the_form_differs() -> None:
    rec = json.loads(to_jsonl(analyse(TEXT, doc_id="d", source="s.txt")))
    got = {s["tokens"][i][2]: norm for s in rec["sentences"] for i, norm in s.get("norms", ())}
    assert got == CLEAN
    assert all(len(row) == 4 for s in rec["sentences"] for row in s["tokens"])
    assert "norms" not in rec["sentences"][1]  # nothing repaired in the second sentence
    flat = analyse(TEXT, steps=["normalize", "dehyphenate", "tokens"])
    assert {flat["tokens"][i][2]: n for i, n in flat["norms"]} == CLEAN


def test_conllu_clean_forms_by_default_and_ud_layout_on_request() -> None:
    rec = analyse(TEXT, doc_id="d", source="s.txt")
    rows = conllu_rows(to_conllu(rec))
    assert [r[1] for r in rows][:6] == ["Премьер-Министр", "мемлекеттік", "тіл", "туралы", "заңды", "қабылдады"]
    assert "# text = Премьер-Министр мемлекеттік тіл туралы заңды қабылдады." in to_conllu(rec)
    assert to_conllu(rec) == to_conllu(analyse(TEXT, doc_id="d", source="s.txt", clean_forms=True))
    ud = to_conllu(rec, form="text")  # universaldependencies.org/u/overview/typos.html
    rows = conllu_rows(ud)
    assert "# text = Премьер- Министр мемлекеттiк тіл туралы заң- ды қабылдады." in ud
    by_form = {r[1]: r[9] for r in rows}
    assert by_form["Премьер- Министр"] == "CorrectForm=Премьер-Министр|TokenRange=0:16"
    assert by_form["мемлекеттiк"].startswith("CorrectForm=мемлекеттік|")
    assert by_form["заң- ды"].startswith("CorrectForm=заңды|")
    start = TEXT.index("келген жоқ")
    assert by_form["келген жоқ"] == f"SpaceAfter=No|TokenRange={start}:{start + 10}"  # nothing to correct
    with pytest.raises(ValueError, match="form='lemma'"):
        to_conllu(rec, form="lemma")


@pytest.mark.parametrize("fast", [True, False])
def test_docbin_norm_(fast: bool) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    rec = analyse(TEXT, doc_id="d", source="s.txt")
    (doc,) = DocBin(store_user_data=True).from_bytes(to_docbin_bytes([rec], fast=fast)).get_docs(
        spacy.blank("xx").vocab)
    assert doc.text == TEXT
    assert {t.text: t.norm_ for t in doc if t.text in CLEAN} == CLEAN
    assert doc[2].text == "тіл" and doc[2].norm_ == "тіл"  # spaCy's own norm elsewhere
    assert to_docbin_bytes([rec]) == to_docbin_bytes([rec], fast=False)
