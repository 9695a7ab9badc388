"""Argument checks shared by every public function (clear errors at the door)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["check_text", "check_choice"]


def check_text(text: Any, func: str) -> str:
    """Return ``text`` if it is a ``str``; otherwise raise a ``TypeError`` naming ``func`` and the type.

    >>> check_text(b"abc", "tokenize")
    Traceback (most recent call last):
    ...
    TypeError: kaznlp.tokenize() expects str, got bytes; decode it first, e.g. data.decode("utf-8")
    """
    if isinstance(text, str):
        return text
    kind = type(text).__name__
    hint = ""
    if isinstance(text, (bytes, bytearray, memoryview)):
        hint = '; decode it first, e.g. data.decode("utf-8")'
    elif text is None:
        hint = "; pass an empty string for no text"
    raise TypeError(f"kaznlp.{func}() expects str, got {kind}{hint}")


def check_choice(value: Any, name: str, valid: Iterable[Any], func: str) -> Any:
    """Return ``value`` if it is one of ``valid``; else raise a ``ValueError`` listing them."""
    valid = tuple(valid)
    if value not in valid:
        raise ValueError(
            f"kaznlp.{func}(): {name}={value!r} is not valid; choose one of: "
            + ", ".join(repr(v) for v in valid)
        )
    return value
