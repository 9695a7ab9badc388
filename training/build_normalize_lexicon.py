"""Build the two word lists that widen ``kaznlp.normalize``'s "is this a known Kazakh word?" test.

Run from the repository root, with ``../shared/data/lexicons`` present::

    python -m training.build_normalize_lexicon     # writes kaznlp/data/normalize_{unilex,hunspell}_kk.txt
    python -m training.build_normalize_lexicon --russian   # writes kaznlp/data/normalize_russian_words.txt

* ``kaznlp/data/normalize_unilex_kk.txt`` (Unicode-3.0): the Unicode CLDR Unilex Kazakh
  frequency list (``unilex_kk/kk.txt``, unicode-org/unilex @b3a9ae27, 21,060 forms of a
  593,810-token web corpus).
* ``kaznlp/data/normalize_hunspell_kk.txt`` (MPL-1.1): the stems of the Kazakh Hunspell
  dictionary (``hunspell_kk/kk_KZ.dic``, OpenOffice dict-kk 2009 as Debian ``hunspell-kk``
  1.1-3; GPL-2+ or LGPL-2.1+ or MPL-1.1+, used under MPL-1.1). The ``.aff`` rules are not
  expanded: normalize reads a stem followed by known suffixes itself.

Both lists are independent of the shared corpora (no dev or test document feeds them). Each is
cut to what normalize needs: lower-cased Cyrillic words of three or more letters (hyphenated forms
give their parts; two-letter forms are too often a chance reading of a Latin word: ``Ha``/``На``;
a form with no vowel is a lower-cased acronym; a Unilex form seen only in capitals is an acronym or
a Latin code typed in Cyrillic look-alikes, ``ЕХРО``),
and a word that is a shorter word of the same list followed by known Kazakh suffixes
(``kaznlp/data/affixes_kk.tsv``, the chain normalize follows) is left out, since normalize
accepts it anyway: ``абайсызда`` = ``абайсыз`` + ``да``. Sorted, one word a line. The Unilex
file ends with the acronyms of four or more letters that Unilex writes only in capitals
(``КСРО``), in capitals, except those whose Latin twin it also writes (``ЕХРО``/``EXPO``).

``--russian`` writes ``kaznlp/data/normalize_russian_words.txt`` (MIT): the Russian stop words of
spaCy (``spacy.lang.ru.stop_words``, MIT, © Explosion) that Latin look-alikes alone can type, in
lower case, title case or capitals (``все`` as ``Bce``, ``как`` as ``kak``); normalize reads a whole
Latin look-alike word in Cyrillic Kazakh text as such a Russian word (``Bce новости`` →
``Все новости``). Needs spaCy installed (a build-time tool only, never a dependency of kaznlp).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from kaznlp._data import write_file

ROOT = Path(__file__).resolve().parent.parent

LEX = ROOT.parent / "shared" / "data" / "lexicons"
OUT = ROOT / "kaznlp" / "data"

_WORD = re.compile(r"[а-яёәғқңөұүһі]{3,}")
_VOWEL = re.compile(r"[аәеёиоөуұүыіэюя]")
_CYR_UPPER = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ]+")
_TO_LATIN = str.maketrans("АВСЕНКМОРТХІ", "ABCEHKMOPTXI")      # the capitals with a Latin twin

HEADERS = {
    "normalize_unilex_kk.txt": """\
# kaznlp.normalize: Kazakh word forms from the Unicode CLDR Unilex frequency list (one lower-cased form a line)
# Source: Unicode Unilex, https://github.com/unicode-org/unilex commit b3a9ae27a0c29eac217bb15a75c6f8d8efb15d17,
#   file data/frequency/kk.txt (21,060 forms of a 593,810-token Kazakh web corpus); built by
#   training/build_normalize_lexicon.py: lower-cased Cyrillic words of 3+ letters with a vowel, not seen
#   only in capitals; a form that is a shorter form of this list + known suffixes (data/affixes_kk.tsv)
#   left out; frequencies dropped. Then, in capitals: acronyms (forms of 4+ letters seen only in
#   capitals), except one whose Latin look-alike twin the list also writes (ЕХРО beside EXPO).
# Copyright © 2017-2024 Unicode, Inc. Distributed under the Unicode License V3 (LICENSES/Unicode-3.0.txt).
# SPDX-License-Identifier: Unicode-3.0
""",
    "normalize_hunspell_kk.txt": """\
# kaznlp.normalize: stems of the Kazakh Hunspell dictionary (one lower-cased stem a line)
# Source: Kazakh dictionary for hunspell (OpenOffice dict-kk, 2009; Debian package hunspell-kk 1.1-3,
#   usr/share/hunspell/kk_KZ.dic, 54,063 stems); built by training/build_normalize_lexicon.py:
#   lower-cased Cyrillic stems of 3+ letters with a vowel, affix flags dropped, a stem that is a shorter stem of
#   this list + known suffixes (data/affixes_kk.tsv) left out.
# Copyright 2009 Akmaral Mussayeva, László Németh, Rail Aliev. Licensed GPL-2+ or LGPL-2.1+ or MPL-1.1+;
#   kaznlp uses it under the Mozilla Public License 1.1 (LICENSES/MPL-1.1.txt); this file stays under MPL-1.1.
# SPDX-License-Identifier: MPL-1.1
""",
}


def _word(w: str) -> bool:
    """Three or more Cyrillic letters with a vowel: a lower-cased acronym (``ктк``, ``сср``) is no word."""
    return _WORD.fullmatch(w) is not None and _VOWEL.search(w) is not None


def unilex_words() -> set[str]:
    """Unilex forms, lower-cased; a form the web corpus writes only in capitals is left out: an
    acronym, or a Latin code typed in Cyrillic look-alikes (``ЕХРО`` for ``EXPO``), the damage
    normalize repairs in the other direction."""
    seen: dict[str, bool] = {}
    for part in _unilex_parts():
        low = part.lower()
        if _word(low):
            seen[low] = seen.get(low, False) or not part.isupper()
    return {w for w, lower_seen in seen.items() if lower_seen}


def _unilex_parts() -> list[str]:
    out = []
    for line in (LEX / "unilex_kk" / "kk.txt").open(encoding="utf-8"):
        if not line.startswith("#") and "\t" in line:
            out.extend(line.split("\t")[0].split("-"))
    return out


def unilex_acronyms() -> list[str]:
    """Forms of four or more Cyrillic letters that Unilex writes only in capitals (``КСРО``, ``НАТО``),
    kept in capitals: acronyms. One whose Latin twin Unilex also writes (``ЕХРО`` beside ``EXPO``) is
    a Latin code typed in look-alikes and is left out."""
    parts = _unilex_parts()
    written = set(parts)
    lower_seen = {p.lower() for p in parts if not p.isupper()}
    return sorted({p for p in parts if len(p) >= 4 and p.isupper() and _CYR_UPPER.fullmatch(p)
                   and p.lower() not in lower_seen and p.translate(_TO_LATIN) not in written})


def hunspell_words() -> set[str]:
    out: set[str] = set()
    with (LEX / "hunspell_kk" / "kk_KZ.dic").open(encoding="utf-8-sig") as f:
        next(f)                                   # the stem count
        for line in f:
            stem = line.strip().split("/")[0].lower()
            out.update(p for p in stem.split("-") if _word(p))
    return out


def prune(words: set[str]) -> list[str]:
    """Leave out a word that is a shorter kept word + a chain of known suffixes."""
    from kaznlp.normalize._lexicon import _suffix_chain
    kept: set[str] = set()
    for w in sorted(words, key=lambda w: (len(w), w)):
        if not any(w[:i] in kept and _suffix_chain(w[i:]) for i in range(len(w) - 1, 2, -1)):
            kept.add(w)
    return sorted(kept)


# the Cyrillic letters a Latin letter can stand for: lower case (a c e o p x y k) and capitals
_TWIN_LOWER = frozenset("асеорхук")
_TWIN_UPPER = frozenset("АВСЕНКМОРТХ")
RUSSIAN_HEADER = """# Russian words that can be typed with Latin look-alikes alone (in lower case, title case or capitals),
# for kaznlp.normalize: a whole Latin look-alike word inside Cyrillic Kazakh text whose Cyrillic reading is
# one of these is a Russian word typed on the wrong layout ("Bce новости" -> "Все новости"; docs/normalize.md).
# Source: the Russian stop words of spaCy (spacy/lang/ru/stop_words.py, MIT License, (c) Explosion AI),
# those of two or more letters whose letters all have a Latin twin in at least one of the three casings;
# built by training/build_normalize_lexicon.py --russian. Licence: MIT.
# SPDX-License-Identifier: MIT
"""


def russian_twin_words() -> list[str]:
    """spaCy's Russian stop words that Latin look-alikes can type (see :data:`RUSSIAN_HEADER`)."""
    from spacy.lang.ru.stop_words import STOP_WORDS

    def typable(w: str) -> bool:
        return (all(c in _TWIN_LOWER for c in w) or (w[0].upper() in _TWIN_UPPER and all(c in _TWIN_LOWER for c in w[1:]))
                or all(c.upper() in _TWIN_UPPER for c in w))

    return sorted(w for w in STOP_WORDS if len(w) >= 2 and typable(w))


def main() -> None:
    if "--russian" in sys.argv[1:]:
        words = russian_twin_words()
        write_file(OUT / "normalize_russian_words.txt", RUSSIAN_HEADER + f"# {len(words)} lines\n" + "\n".join(words) + "\n")
        print(f"normalize_russian_words.txt: {len(words)} words")
        return
    if not LEX.is_dir():
        sys.exit(f"lexicons not found at {LEX}")
    for name, words in (("normalize_unilex_kk.txt", unilex_words()), ("normalize_hunspell_kk.txt", hunspell_words())):
        kept = prune(words)
        if name == "normalize_unilex_kk.txt":
            kept += unilex_acronyms()
        write_file(OUT / (name + ".xz"), HEADERS[name] + f"# {len(kept)} lines\n" + "\n".join(kept) + "\n")
        print(f"{name}: {len(words)} words, {len(kept)} lines")


if __name__ == "__main__":
    main()
