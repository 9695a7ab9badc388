"""Corpus input and output for the ``kaznlp`` command and the Dask helpers, by job.

- :mod:`~kaznlp.corpus.record`: the record (:func:`analyse`), steps, documents and problems;
- :mod:`~kaznlp.corpus.read`: files, folders, JSONL and stdin into documents and problems;
- :mod:`~kaznlp.corpus.formats`: JSONL, CoNLL-U and spaCy ``Doc`` serialisers;
- :mod:`~kaznlp.corpus.docbin`: spaCy ``DocBin`` output (arrays, merging, parts);
- :mod:`~kaznlp.corpus.write`: durable batch writing and the errors file;
- :mod:`~kaznlp.corpus.resume`: what an output already holds (``--resume``);
- :mod:`~kaznlp.corpus.run`: a whole run (batches, worker processes or Dask, signals, progress).

Every offset in a record is a character offset into the record's ``text``, which
is exactly the decoded document (no newline translation, only a leading UTF-8 BOM
is dropped):

>>> rec = analyse("Астана қаласы. ҚР-ның 63%-ы", doc_id="d1", source="-")
>>> [s["text"] for s in rec["sentences"]]
['Астана қаласы.', 'ҚР-ның 63%-ы']
>>> start, end, form, kind = rec["sentences"][1]["tokens"][0]
>>> rec["text"][start:end], kind
('ҚР-ның', 'word')
"""

from __future__ import annotations

from .docbin import docbin_parts_dir, merge_docbin_bytes, settle_docbin, to_docbin_bytes
from .formats import CONLLU_FORMS, OUTPUT_FORMATS, record_to_spacy, to_conllu, to_jsonl
from .read import JSONL_SUFFIXES, is_jsonl, iter_documents, list_files
from .record import (
    ALL_STEPS,
    DEFAULT_STEPS,
    InputDoc,
    Problem,
    analyse,
    check_steps,
    doc_key,
    parse_steps,
    unwritable,
    unwritable_kind,
)
from .resume import done_keys
from .write import BatchWriter, ErrorLog, OutputError

__all__ = [
    "ALL_STEPS",
    "CONLLU_FORMS",
    "DEFAULT_STEPS",
    "JSONL_SUFFIXES",
    "OUTPUT_FORMATS",
    "BatchWriter",
    "ErrorLog",
    "InputDoc",
    "OutputError",
    "Problem",
    "analyse",
    "check_steps",
    "doc_key",
    "docbin_parts_dir",
    "done_keys",
    "is_jsonl",
    "iter_documents",
    "list_files",
    "merge_docbin_bytes",
    "parse_steps",
    "record_to_spacy",
    "settle_docbin",
    "to_conllu",
    "to_docbin_bytes",
    "to_jsonl",
    "unwritable",
    "unwritable_kind",
]
