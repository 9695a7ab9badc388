"""Kazakh language facts in one wing, like spaCy's ``lang/``: the alphabet and letter classes,
vowel classes and harmony, syllables, affix and clitic inventories, the character model.

Every processing step (normalize, dehyphenate, sentences, tokenize, ner) imports its Kazakh
knowledge from here; the word lists and tables themselves are data files in ``kaznlp/data``
(each with its source in ``LICENSES/README.md``), read through the one loader
:func:`kaznlp._data.read_text`, which fails loudly when a shipped file is missing.

This package imports only the base layer (``kaznlp._data``), never a step.
"""
