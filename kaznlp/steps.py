"""The names of kaznlp's analysis steps and their order, for ``process(steps=...)``, the
corpus record and ``kaznlp process --steps``.

>>> parse_steps(["sentences", "words"])
('sentences', 'words')
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["ALL_STEPS", "DEFAULT_STEPS", "parse_steps"]

# "words" is "tokens" without UD Kazakh-KTB's multiword tokens ("келген жоқ" → "келген" "жоқ")
ALL_STEPS = ("normalize", "dehyphenate", "sentences", "tokens", "words", "ner")
DEFAULT_STEPS = ("normalize", "dehyphenate", "sentences", "tokens")


def parse_steps(spec: str | Iterable[str] | None) -> tuple[str, ...]:
    """Check and order a step list (``"normalize,tokens"`` or a sequence).

    >>> parse_steps("tokens,normalize")
    ('normalize', 'tokens')
    """
    if spec is None:
        return DEFAULT_STEPS
    names = [s.strip() for s in (spec.split(",") if isinstance(spec, str) else spec) if s.strip()]
    bad = [n for n in names if n not in ALL_STEPS]
    if bad:
        raise ValueError(f"unknown step(s) {', '.join(bad)}; choose from {', '.join(ALL_STEPS)}")
    if not names:
        raise ValueError("no steps given")
    if "tokens" in names and "words" in names:
        raise ValueError("steps 'tokens' and 'words' exclude each other: 'words' are tokens that never "
                         "contain a space (no KTB multiword tokens such as 'келген жоқ')")
    return tuple(s for s in ALL_STEPS if s in names)
