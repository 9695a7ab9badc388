"""The bundled NER model: where it is installed, how it loads, and the error when it is missing.

kaznlp's model is the distribution ``kk-kaznlp-ner`` (import name ``kk_kaznlp_ner``), which
``pip install "kaznlp[ner]"`` installs with spaCy, as spaCy ships its pipelines. Nothing is
downloaded at run time.

>>> model_path().parent.name  # doctest: +SKIP
'kk_kaznlp_ner'
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["MODEL_PACKAGE", "NER_INSTALL", "bundled", "import_spacy", "load", "model_path", "require_installed"]

#: the import package of the model distribution ``kk-kaznlp-ner`` (``packages/kk_kaznlp_ner``)
MODEL_PACKAGE = "kk_kaznlp_ner"
#: the line that installs the NER model with what it runs on
NER_INSTALL = 'pip install "kaznlp[ner]" (from a source checkout: pip install ".[ner]")'


def model_path() -> Path:
    """Folder of kaznlp's NER pipeline, inside the installed model package ``kk_kaznlp_ner``.

    Found without importing the package (nor spaCy). The model comes with the ``ner`` extra;
    without it this raises :class:`ModuleNotFoundError` naming the line to run.

    >>> model_path().name  # doctest: +SKIP
    'model'
    """
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(
            f"kaznlp's NER model (the kk-kaznlp-ner distribution, import name {MODEL_PACKAGE!r}) is not "
            f"installed; run: {NER_INSTALL}",
            name=MODEL_PACKAGE,
        )
    return Path(spec.origin).resolve().parent / "model"


def load(**kwargs: Any) -> Any:
    """Load kaznlp's Kazakh NER pipeline as a spaCy ``Language`` (no download).

    The same as ``spacy.load("kk_kaznlp_ner")``. Keyword arguments go to ``spacy.load``
    (``exclude=``, ``disable=``, ``config=``). The pipeline's tokenizer is kaznlp's; add
    ``"kaznlp_sentencizer"`` or ``"kaznlp_normalizer"`` (``first=True``) with
    ``nlp.add_pipe`` if you need them. Needs the ``ner`` extra (spaCy and the model package).

    >>> nlp = load()
    >>> doc = nlp("Астана қаласында 2024 жылы форум өтті.")
    >>> [(ent.text, ent.label_) for ent in doc.ents]  # doctest: +SKIP
    [('Астана', 'GPE'), ('2024 жылы', 'DATE')]
    """
    spacy = import_spacy()

    from .. import spacy_lang  # noqa: F401  (registers "kk" when kaznlp is not pip-installed)

    path = model_path()
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(
            f"kaznlp's NER model is incomplete: no config.cfg in {path}; reinstall it "
            "(pip install --force-reinstall kk-kaznlp-ner, or from a source checkout: "
            "pip install --force-reinstall ./packages/kk_kaznlp_ner) or, in a checkout, rebuild it: "
            "training/ner/README.md"
        )
    return spacy.load(path, **kwargs)


def import_spacy() -> Any:
    """``import spacy`` (and numpy), or a :class:`ModuleNotFoundError` that names the extra to install."""
    try:
        import numpy  # noqa: F401
        import spacy
    except ImportError as err:
        raise ModuleNotFoundError(
            f"kaznlp's NER (kaznlp.ner, kaznlp.ner_pipe, kaznlp.load) needs spaCy and numpy, which are not "
            f"installed (no module named {err.name!r}); run: {NER_INSTALL}",
            name=err.name,  # the missing module, as Python's own error gives it
        ) from err
    return spacy


def require_installed() -> None:
    """Fail now, naming the line to run, unless spaCy, numpy and the model are installed.

    For the error before any work starts (the CLI, before a corpus with the ``ner`` step):
    ``require_installed()`` returns ``None`` when ``kaznlp.ner("Астанада жиын өтті.")`` can run.
    """
    import_spacy()
    model_path()


@lru_cache(maxsize=1)
def bundled() -> Any:
    """The bundled pipeline, loaded once per process (:func:`load`, with no length limit:
    ``kaznlp.ner`` hands it chunks of a few thousand characters)."""
    nlp = load()
    nlp.max_length = 10**8  # chunks are small; never trip spaCy's length guard
    return nlp
