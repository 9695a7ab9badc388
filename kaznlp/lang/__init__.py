"""Kazakh language facts in one wing, like spaCy's ``lang/``: the alphabet and letter classes,
vowel classes and harmony, syllables, affix and clitic inventories, the character model.

Every processing step (normalize, dehyphenate, sentences, tokenize, ner) imports its Kazakh
knowledge from here; the word lists and tables themselves are data files in ``kaznlp/data``
(each with its source in ``LICENSES/README.md``), read through the one loader
:func:`kaznlp._data.read_text`, which fails loudly when a shipped file is missing.

This package imports only the base layer (``kaznlp._data``, ``kaznlp._validate``), never a step.

- :mod:`kaznlp.lang.alphabet`: the 42 letters, letter classes (``LOWER``, ``UPPER``), Kazakh-only
  and Russian-loan letters, every vowel class a step uses (``BACK_VOWELS``, ``FRONT_VOWELS``, ...)
- :mod:`kaznlp.lang.phonology`: vowel harmony (``harmony("мемлекет") == "front"``), harmony
  clashes, syllable breaks
- :mod:`kaznlp.lang.affixes`: one suffix inventory (``data/affixes_kk.tsv``), one clitic list
  (``data/clitics_kk.tsv``), participle and finite endings
- :mod:`kaznlp.lang.tokens`: what a token is, the tokenizer's rules as one regex (``80-нен``,
  ``т.б.``, ``egov.kz``), cut by tokenize and respected by the sentence splitter
- :mod:`kaznlp.lang.words`: function words and endings by role (``data/function_words_kk.tsv``):
  conjunctions, particles, combining prefixes (``теле-``), articles (``әл-Фараби``), name prefixes
  (``Нью-Йорк``), the auxiliaries of ``болған жоқ``
- :mod:`kaznlp.lang.lexicon`: the word-form lexicon (``data/lexicon_kk.txt``)
- :mod:`kaznlp.lang.charlm`: the character 5-gram model of Kazakh words ("one word or two?")
"""
