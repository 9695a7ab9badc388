"""The names of :mod:`kaznlp.corpus` under their earlier home (``kaznlp.corpus_io``).

Corpus input and output now live in the package :mod:`kaznlp.corpus`, one module per
job (reading, the record, serialisers, DocBin, durable writing, resume); this module
re-exports its public names so existing imports keep working:

>>> from kaznlp.corpus_io import analyse, to_conllu
>>> rec = analyse("Астана қаласы. ҚР-ның 63%-ы", doc_id="d1", source="-")
>>> [s["text"] for s in rec["sentences"]]
['Астана қаласы.', 'ҚР-ның 63%-ы']
"""

from __future__ import annotations

from .corpus import *  # noqa: F403
from .corpus import __all__  # noqa: F401
