"""De-hyphenation test material made with real tools (issue 15 item 1).

Kazakh news and Wikipedia paragraphs from ``../shared/data`` (:mod:`.gold`, references only)
are rendered to PDF by LuaLaTeX and LibreOffice with the ``hyph-kk`` patterns (:mod:`.render`),
extracted with ``pdftotext`` (plain and ``-layout``) and ``pypdf`` (:mod:`.extract`),
de-hyphenated, and scored against the gold at the word level (:mod:`.score`). PDFs and
extractions live in ``~/.cache/kaznlp/pdf_testset/``, never in the repository.
``python -m benchmarks.testsets.pdf_testset --split dev``; see ``docs/pdf_testset.md``.
"""
