"""Build ``kaznlp/data/ner_countries_kk.tsv``: the Kazakh names of countries and territories.

Source: the Unicode Common Locale Data Repository (CLDR), locale ``kk``, territory display
names, as carried by the ``babel`` package (``babel.Locale('kk').territories``; CLDR is under
the Unicode License v3, ``LICENSES/README.md``). Only two-letter region codes are kept (the
three-digit codes are continents and world regions, LOCATION in the KazNERD guideline), minus
the codes that name no country or territory (``EU`` European Union, ``EZ`` euro area, ``UN``,
``QO`` outlying Oceania, ``XA``/``XB`` pseudo-locales, ``ZZ`` unknown region).

    pip install babel && python -m training.ner.countries      # rewrites the data file

The data file is read by :func:`kaznlp.ner.news_rules.country_label` (no babel at run time).
"""

from __future__ import annotations

import gzip
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "kaznlp" / "data" / "ner_countries_kk.tsv.gz"  # gzip-compressed for the core install size
#: two-letter codes that are no country or territory
SKIP = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})

HEADER = """\
# Kazakh names of countries and territories (kaznlp.ner.news_rules.country_label: a name span
# whose words are one of these, the last one with a case ending, is GPE).
# Source: Unicode CLDR, locale kk, territory display names, CLDR {version} (via the babel package
# {babel}); built by training/ner/countries.py, two-letter region codes only.
# Licence: Unicode License v3, LICENSES/README.md.
# SPDX-License-Identifier: Unicode-3.0
# Columns: ISO 3166 region code <TAB> name
"""


def main() -> None:
    import babel
    from babel import Locale
    from babel.core import get_global

    names = Locale("kk").territories
    rows = sorted((code, name) for code, name in names.items() if len(code) == 2 and code not in SKIP)
    version = get_global("cldr").get("version", "?")
    text = HEADER.format(version=version, babel=babel.__version__)
    OUT.write_bytes(gzip.compress((text + "".join(f"{c}\t{n}\n" for c, n in rows)).encode("utf-8"), 9, mtime=0))
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} names")


if __name__ == "__main__":
    main()
