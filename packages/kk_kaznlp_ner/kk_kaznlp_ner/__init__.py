"""kk_kaznlp_ner: kaznlp's Kazakh NER model (KazNERD's 25 labels) as a spaCy pipeline package.

Installed by ``pip install "kaznlp[ner]"``; the model files are inside this package, so
nothing is downloaded, ever. Use it through kaznlp, or as any spaCy pipeline package:

>>> import kaznlp
>>> [(e.label, e.text) for e in kaznlp.ner("Қасым-Жомарт Тоқаев Астанада сөйледі.")]  # doctest: +SKIP
[('PERSON', 'Қасым-Жомарт Тоқаев'), ('GPE', 'Астанада')]
>>> import spacy
>>> nlp = spacy.load("kk_kaznlp_ner")  # the same as kaznlp.load()  # doctest: +SKIP

The pipeline's tokenizer and its ``kaznlp_ner`` component are kaznlp's (registered through
kaznlp's spaCy entry points), so kaznlp must be installed beside it. Licence of the model files:
CC BY-SA 4.0 (it adapts KazNERD, CC BY 4.0); of this loader: MIT. See ``LICENSES/README.md``
in this distribution's ``.dist-info/licenses/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__version__ = "0.1.0"

__all__ = ["load", "model_path", "__version__"]


def model_path() -> Path:
    """The folder of the spaCy pipeline (``config.cfg``, ``meta.json``, weights)."""
    return Path(__file__).resolve().parent / "model"


def load(**overrides: Any) -> Any:
    """Load the pipeline as a spaCy ``Language`` (what ``spacy.load("kk_kaznlp_ner")`` calls).

    Keyword arguments go to ``spacy.load`` (``vocab=``, ``disable=``, ``enable=``,
    ``exclude=``, ``config=``).
    """
    import spacy

    import kaznlp.spacy_lang  # noqa: F401  (registers "kk", the tokenizer and the kaznlp_ner component)

    return spacy.load(model_path(), **overrides)
