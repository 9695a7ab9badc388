"""kaznlp: Kazakh news text preprocessing with exact offsets.

>>> import kaznlp
>>> [t.text for t in kaznlp.tokenize("ҚР-ның 63%-ы")]
['ҚР-ның', '63%-ы']
"""

from .alignment import Alignment, apply_edits
from .spans import Document, Entity, Sentence, Span, Token
from .sentences import split_sentences
from .tokenize import tokenize

__version__ = "0.1.0"

__all__ = [
    "Alignment",
    "Document",
    "Entity",
    "Sentence",
    "Span",
    "Token",
    "apply_edits",
    "split_sentences",
    "tokenize",
    "__version__",
]
