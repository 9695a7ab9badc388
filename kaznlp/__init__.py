"""kaznlp: Kazakh news text preprocessing with exact offsets.

Cyrillic normalization, de-hyphenation, sentence splitting, tokenization and named
entities; every span points into the text the caller gave.

>>> import kaznlp
>>> [t.text for t in kaznlp.tokenize("ҚР-ның 63%-ы")]
['ҚР-ның', '63%-ы']
>>> [(t.text, t.norm) for t in kaznlp.process("Премьер- Министр").tokens]
[('Премьер- Министр', 'Премьер-Министр')]
"""

from typing import TYPE_CHECKING

from .alignment import Alignment, apply_edits
from .dehyphenate import dehyphenate
from .ner import ner, ner_pipe
from .normalize import explain, normalize
from .pipeline import pipe, process, set_ner
from .sentences import split_sentences
from .spans import Document, Entity, Sentence, Span, Token
from .tokenize import tokenize
from .transliterate import transliterate

if TYPE_CHECKING:  # what load returns, for type checkers and editors: the core import loads no spaCy
    from typing import Any

    from spacy.language import Language

    def load(**kwargs: Any) -> Language:
        """Load kaznlp's Kazakh NER pipeline as a spaCy ``Language`` (:func:`kaznlp.ner.model.load`)."""
        ...
else:
    from .ner import load

__version__ = "0.1.0"

# process(ner=True) and pipe(ner=True) find entities with kaznlp.ner, handed to the pipeline
# here, in the front layer: the pipeline layer sits below NER and imports nothing from it
set_ner(ner, ner_pipe)
del set_ner

__all__ = [
    "Alignment",
    "Document",
    "Entity",
    "Sentence",
    "Span",
    "Token",
    "apply_edits",
    "dehyphenate",
    "explain",
    "load",
    "ner",
    "ner_pipe",
    "normalize",
    "pipe",
    "process",
    "split_sentences",
    "tokenize",
    "transliterate",
    "__version__",
]
