"""The lexicon's split of the open documents: which NTREX documents and KazQAD articles feed
``kaznlp/data/lexicon_kk.txt.xz`` (and the glue counts and the character model), and which are
held out as the de-hyphenation ``dev`` and ``test`` material.

One home for it, imported by ``training/build_lexicon.py`` (what the lexicon may read),
``benchmarks/testsets/dehyphenate_testset.py`` and ``benchmarks/testsets/pdf_testset/gold.py`` (what they may
measure on) and, through the test set, ``training/train_dehyph.py``. Until issue 18 it lived in
the training script and the benchmarks imported it through a ``sys.path`` edit, while the
training of the learned layer imported the test set back: an import loop between
``benchmarks/`` and ``training/``. Now ``training`` imports ``benchmarks`` and never the
other way round.

>>> split_of(kazqad_key("Абай Құнанбайұлы")) in ("lexicon", "dev", "test")
True
"""

from __future__ import annotations

import hashlib

__all__ = ["is_heldout", "kazqad_key", "split_of"]


def split_of(key: str) -> str:
    """``"dev"``, ``"test"`` or ``"lexicon"`` for an NTREX document id or a KazQAD key
    (:func:`kazqad_key`). ``dev`` is the quarter that was held out before the split existed
    (rules were tuned on it); ``test`` came out of the lexicon when the split was made."""
    b = hashlib.sha1(key.encode("utf-8")).digest()[0] % 4
    return "dev" if b == 0 else "test" if b == 1 else "lexicon"


def kazqad_key(title: str) -> str:
    """KazQAD passages are split by their Wikipedia article."""
    return "kazqad-title:" + title


def is_heldout(doc_id: str) -> bool:
    """True for the NTREX/KazQAD documents kept out of the lexicon (dev and test material)."""
    return split_of(doc_id) != "lexicon"
