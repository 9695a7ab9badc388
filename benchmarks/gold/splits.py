"""One dev/test partition of the shared sources, for every gold set (sentences, NER, ...).

A *source group* (:func:`group`) is what dev and test never share: an apertium crawl file, an
NTREX-128 outlet, a KazQAD Wikipedia subject domain. Every gold set takes a record's split from
:data:`SPLIT_OF_GROUP`, so a file tuned on as sentence dev is never NER test, and the other way
round. A group not listed here cannot be used until it is given a split (a test checks this).

>>> split_of({"file": "news/apertium_kaz_rus_corpus/primeminister-kaz-860", "line": 3})
'test'
>>> split_of({"file": "news/ntrex128_kaz.jsonl", "record": "ntrex128-bbc.381790"})
'dev'
"""

from __future__ import annotations

import re

_AP = "news/apertium_kaz_rus_corpus/"
_NT = "news/ntrex128_kaz.jsonl#"
_KQ = "other/kazqad_wiki/kazqad_val_passages.jsonl#"

#: source group -> "dev" | "test". Kinds of source (Kazinform/government news, court and
#: security-service pages, university and ministry pages, translated news, Wikipedia) are on both sides.
SPLIT_OF_GROUP: dict[str, str] = {
    **{_AP + f: "dev" for f in (
        "afn-kaz-1550", "almaty-gov-kaz-150", "dingov-kaz.tmx", "knb-kaz-1010", "minplan-kaz-734",
        "muftyat-kaz-725", "udp+kaz")},
    **{_AP + f: "test" for f in (
        "akorda-kaz-12", "bolashak-kaz-242", "election-kaz-660", "enu1-kaz.tmx", "government-kaz-235",
        "kyzmet-kaz.tmx", "nationalbank-kaz-530", "pravstat-kaz-130", "primeminister-kaz-860",
        "resurs-kaz-300")},
    **{_NT + o: "dev" for o in ("abcnews", "bbc", "cnn", "foxnews", "rt", "scotsman", "telegraph", "upi")},
    **{_NT + o: "test" for o in (
        "cbsnews", "cnbc", "dailymail", "euronews-en", "guardian", "independent", "newsweek", "nytimes",
        "reuters", "thelocal")},
    **{_KQ + d: "dev" for d in ("bio", "lit", "woh")},
    **{_KQ + d: "test" for d in ("geo", "kzh")},
}


def group(source: dict) -> str:
    """The unit that dev and test never share: the apertium file, the NTREX outlet, the KazQAD domain.

    NTREX ids look like ``ntrex128-bbc.381790`` (outlet ``bbc``); KazQAD ids like
    ``kazqad-val-bio0059bio#518100-0`` (subject domain ``bio``; also ``kzh``, ``lit``, ``geo``, ``woh``).
    """
    file = source["file"]
    if "record" not in source:
        return file
    rec = source["record"]
    if file.endswith("ntrex128_kaz.jsonl"):
        return f"{file}#{rec.split('-', 1)[1].split('.', 1)[0]}"
    return f"{file}#{re.match(r'[a-z]*', rec.split('-')[2]).group()}"


def split_of(source: dict) -> str:
    """``"dev"`` or ``"test"`` for a gold record's source; ``KeyError`` for a group with no split yet."""
    g = group(source)
    try:
        return SPLIT_OF_GROUP[g]
    except KeyError:
        raise KeyError(f"source group {g!r} has no split in benchmarks/gold/splits.py") from None
