"""Pause Python's cyclic garbage collector while building millions of records.

``Token``/``Span`` records are tuples, which the collector keeps tracking; with GC on,
a long text triggers full collections that walk every record made so far, so time
grows faster than the input (8 MB took 12.8x the time of 1 MB). The records hold only
ints and strings and never form cycles, so pausing the collector while they are made
is safe; it is switched back on at once, also if an exception escapes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Inputs shorter than this make too few records for collections to matter.
MIN_CHARS = 100_000


@contextmanager
def paused(size: int) -> Iterator[None]:
    """Disable the collector for the ``with`` block when ``size`` is large."""
    if size < MIN_CHARS or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
