"""The Kazakh word-form lexicon: one loader for every step that asks "is this a Kazakh word?".

``data/lexicon_kk.txt`` (shipped xz-compressed) holds the lower-case word forms of NTREX-128,
the KazQAD Wikipedia passages, UD Kazakh-KTB and KazNERD (dev and test documents of our own
benchmarks held out; built by ``training/build_lexicon.py``, CC BY-SA 4.0: see
``LICENSES/README.md``). It is read once, at first use, through :func:`kaznlp._data.read_lines`,
the one loader, which raises :class:`FileNotFoundError` naming the file when it is missing.

>>> "мемлекеттік" in forms(), "қазақстан" in forms()
(True, True)
>>> "вице" in forms(), "вице" in forms_and_parts()
(False, True)

Users: ``kaznlp.normalize`` (is the Cyrillic reading of ``ecki`` a Kazakh word?) and
``kaznlp.transliterate`` (which reading of an ambiguous Latin letter is a Kazakh word?) read
:func:`forms_and_parts`.
"""

from __future__ import annotations

from functools import lru_cache

from .. import _data

__all__ = ["LEXICON_FILE", "forms", "forms_and_parts"]

LEXICON_FILE = "lexicon_kk.txt"


@lru_cache(maxsize=1)
def forms() -> frozenset[str]:
    """Every word form of ``data/lexicon_kk.txt``, lower case, as written (hyphenated forms whole:
    ``вице-министр``)."""
    return frozenset(_data.read_lines(LEXICON_FILE))


@lru_cache(maxsize=1)
def forms_and_parts() -> frozenset[str]:
    """:func:`forms` and the parts of its hyphenated forms (``вице`` and ``министр`` of
    ``вице-министр``): the forms a step sees when it reads words between hyphens."""
    return frozenset(p for w in forms() for p in (w, *w.split("-")) if p)
