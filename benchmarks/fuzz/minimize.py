"""Shrink a failing input to a minimal one (delta debugging over characters).

``minimize(text, fails)`` removes chunks, then single characters, then replaces each
remaining character by a simpler one (a Kazakh letter "а", a space, "\\n") while
``fails(candidate)`` stays true. Used by the fuzz harness before it records a finding::

    python -m benchmarks.fuzz.minimize dehyphenate "'ъ\\xad\\nлЖҚазақстан-\\n\\u2029'"

prints the minimal input that still raises (or breaks the same property).
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Callable

SIMPLER = ("а", "б", " ", "\n", "-", ".")


def minimize(text: str, fails: Callable[[str], bool], max_steps: int = 20_000) -> str:
    """Smallest ``text`` (by length, then simpler characters) for which ``fails`` holds."""
    assert fails(text), "the input does not fail"
    steps = 0
    chunk = max(1, len(text) // 2)
    while chunk >= 1 and steps < max_steps:
        i = 0
        changed = False
        while i < len(text) and steps < max_steps:
            cand = text[:i] + text[i + chunk:]
            steps += 1
            if cand != text and fails(cand):
                text = cand
                changed = True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    for i in range(len(text)):
        for simple in SIMPLER:
            if text[i] == simple or steps >= max_steps:
                break
            cand = text[:i] + simple + text[i + 1:]
            steps += 1
            if fails(cand):
                text = cand
                break
    return text


def raises(func: Callable[[str], object], error: type[BaseException] | None = None) -> Callable[[str], bool]:
    """A ``fails`` predicate: ``func(text)`` raises (the same exception type as ``error``)."""
    def fails(text: str) -> bool:
        try:
            func(text)
        except Exception as exc:  # noqa: BLE001 - any crash counts
            return error is None or isinstance(exc, error)
        return False
    return fails


def main(argv: list[str] | None = None) -> int:
    from benchmarks.fuzz.targets import TARGETS

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("target", choices=sorted(TARGETS))
    ap.add_argument("text", help="the failing input as a Python string literal")
    args = ap.parse_args(argv)
    text = ast.literal_eval(args.text)
    check = TARGETS[args.target]

    def fails(t: str) -> bool:
        try:
            check(t)
        except Exception:  # noqa: BLE001
            return True
        return False

    print(repr(minimize(text, fails)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
