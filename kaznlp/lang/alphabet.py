"""The Kazakh Cyrillic alphabet, its letter classes and its vowel classes.

The 42 letters of the Kazakh Cyrillic alphabet (1940, with ``ё``, ``ъ``, ``ь``, ``э`` of Russian
loans) and what the steps need to know about them: which letters only Kazakh writes, which
mark a Russian loanword, and the vowel classes of vowel harmony.

>>> len(ALPHABET), "ә" in KAZAKH_LETTERS, "ф" in RUSSIAN_LOAN_LETTERS
(42, True, True)
>>> sorted(BACK_VOWELS), sorted(FRONT_VOWELS)
(['а', 'о', 'ы', 'ұ'], ['е', 'і', 'ү', 'ә', 'ө'])

**Regex classes.** :data:`LOWER` and :data:`UPPER` are the bodies of the character classes the
tokenizer and the sentence splitter use for "a lower-case / capital letter of Kazakh text"
(Latin ``a-z`` too: Kazakh news quotes Latin names); :data:`CYRILLIC_LOWER` is the Cyrillic part,
as the tokenizer's analytic-verb patterns use it (``[а-яёәғқңөұүһі]``).

**Vowel classes.** The vowel letters are 15: nine native vowels, and ``и у ю я э ё``, which are
a vowel with a glide (``и`` ый/ій, ``у`` ұу/үу, ``ю`` йу, ``я`` йа, ``ё`` йо) or a Russian
letter (``э``). The steps drew the line between back, front and "ambiguous" differently, and
each keeps its own (changing one would change that step's output), so every set is offered
here under a name saying what it is:

========================= ============================ =============================================
set                       letters                      used today by
========================= ============================ =============================================
:data:`VOWELS`            all 15                       dehyphenate (``morph.VOWELS``,
                                                       ``rules_inline._VOWELS``), normalize
                                                       (``_lexicon._VOWELS``), transliterate
                                                       (``_CYR_VOWELS``)
:data:`BACK_VOWELS`       а о ұ ы                      dehyphenate harmony (``morph._BACK``), the
                                                       month stamps of sentences (``_stamps``)
:data:`FRONT_VOWELS`      ә ө ү і е                    dehyphenate harmony (``morph._FRONT``)
:data:`AMBIGUOUS_VOWELS`  и у ю я э ё                  dehyphenate harmony (``morph._AMBIG``):
                                                       skipped, neither back nor front
:data:`BACK_VOWELS_LOAN`  а о ұ ы я ё                  normalize's suffix harmony
                                                       (``_lexicon._BACK_VOWELS``): я, ё read back
:data:`FRONT_VOWELS_LOAN` ә е ө ү і э                  normalize (``_lexicon._FRONT_VOWELS``): э front
:data:`GLIDE_VOWELS`      и у ю                        normalize: the rest of its ``_VOWELS``
:data:`PURE_VOWELS`       а ә о ө ұ ү ы і э е          dehyphenate's syllable break
                                                       (``morph._VOWEL_START``): a syllable after a
                                                       break may not start with one of these
:data:`VOWELS_UPPER`      the 15, capitals             sentences' media tags (``_stamps._VOWELS``,
                                                       with :data:`LATIN_VOWELS_UPPER`)
========================= ============================ =============================================

The month stamps of sentences (``_stamps._month_possessives``) pick a suffix by the last of
``а о ұ ы ә е ө ү і э и у``: for the twelve month names that gives what
:func:`kaznlp.lang.phonology.harmony` gives (tested).
"""

from __future__ import annotations

__all__ = [
    "ALPHABET", "ALPHABET_UPPER", "KAZAKH_LETTERS", "KAZAKH_LETTERS_UPPER", "RUSSIAN_LOAN_LETTERS",
    "LOWER", "UPPER", "CYRILLIC_LOWER", "CYRILLIC_UPPER",
    "VOWELS", "VOWELS_UPPER", "LATIN_VOWELS_UPPER", "BACK_VOWELS", "FRONT_VOWELS", "AMBIGUOUS_VOWELS",
    "BACK_VOWELS_LOAN", "FRONT_VOWELS_LOAN", "GLIDE_VOWELS", "PURE_VOWELS",
]

#: the Kazakh Cyrillic alphabet, lower case, in its order (42 letters)
ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
#: the same, capitals
ALPHABET_UPPER = ALPHABET.upper()
#: the nine letters Kazakh adds to the Russian alphabet: a word with one is Kazakh (``қазақ``)
KAZAKH_LETTERS = "әғқңөұүһі"
KAZAKH_LETTERS_UPPER = KAZAKH_LETTERS.upper()
#: letters found (almost) only in Russian loanwords (``вице``, ``фото``, ``цирк``, ``съезд``,
#: ``эко``, ``юрист``, ``ядро``): a word with one does not follow vowel harmony
RUSSIAN_LOAN_LETTERS = "вфцчщъьэюяё"

#: regex class body of a lower-case letter of Kazakh text (Latin and Kazakh Cyrillic):
#: ``re.compile(f"[{LOWER}]")``; the tokenizer's and the sentence splitter's ``LOWER``
LOWER = "a-zа-яёәғқңөұүһі"
#: regex class body of a capital letter of Kazakh text; the tokenizer's and splitter's ``UPPER``
UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
#: regex class body of a lower-case Kazakh Cyrillic letter (``а-я`` is the 32 Russian letters but ``ё``)
CYRILLIC_LOWER = "а-яёәғқңөұүһі"
#: regex class body of a Kazakh Cyrillic capital
CYRILLIC_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"

#: native back vowels: a word whose last vowel is one of these takes back suffixes (``қазақ-тар``)
BACK_VOWELS = frozenset("аоұы")
#: native front vowels (``мемлекет-тер``)
FRONT_VOWELS = frozenset("әөүіе")
#: vowel letters harmony cannot place: и, у, ю (vowel or glide, either row), я, ё, э (Russian loans)
AMBIGUOUS_VOWELS = frozenset("иуюяэё")
#: и, у, ю: a vowel or a glide, back or front by the word (``су``, ``күй``, ``тиіс``)
GLIDE_VOWELS = frozenset("иую")
#: back vowels with the Russian loan letters that read back: я (йа), ё (йо)
BACK_VOWELS_LOAN = BACK_VOWELS | frozenset("яё")
#: front vowels with the Russian loan letter that reads front: э
FRONT_VOWELS_LOAN = FRONT_VOWELS | frozenset("э")
#: every vowel letter of Kazakh Cyrillic (15)
VOWELS = BACK_VOWELS | FRONT_VOWELS | AMBIGUOUS_VOWELS
#: the vowel letters that are a vowel sound alone, without a glide (all but и у ю я ё)
PURE_VOWELS = VOWELS - frozenset("иуюяё")
#: Voiceless consonants: a suffix in ``т`` follows them (``өт-ті``, ``қатыс-ты``), one in ``д`` a
#: vowel or a voiced consonant (``ашыл-ды``, ``өте-ді``): Kazakh voicing assimilation.
VOICELESS_CONSONANTS = frozenset("кқпстшфхцчщ")
#: the 15 vowel letters, capitals
VOWELS_UPPER = frozenset(v.upper() for v in VOWELS)
#: Latin vowel capitals (a Latin word in capitals, ``(VIDEO)``, reads as a word too)
LATIN_VOWELS_UPPER = frozenset("AEIOUY")
