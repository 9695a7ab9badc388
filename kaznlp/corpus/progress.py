"""The ``kaznlp process`` progress line on standard error, without a dependency.

One line, redrawn in place (carriage return) at most every ``interval`` seconds: how much of
the input has been read (with a percentage and the time left when the total size is known),
documents, documents and characters per second, errors. For example::

    kaznlp:  42% 1.2/2.9 MiB, 1,234 docs, 50.2 docs/s, 800k chars/s, 0 errors, 0:00:04 left
"""

from __future__ import annotations

import io
import sys
import time
from typing import TextIO

__all__ = ["Progress"]


def _mib(nbytes: int) -> str:
    return f"{nbytes / 1048576:,.1f}"


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class Progress:
    """Counts of a run, shown on ``stream`` when ``enabled`` (default: when it is a terminal).

    >>> import io
    >>> out = io.StringIO()
    >>> bar = Progress(2048, True, stream=out, interval=0.0)
    >>> bar.done(docs=3, chars=1500, nbytes=1024, errors=0)
    >>> "50%" in out.getvalue() and "3 docs" in out.getvalue() and "docs/s" in out.getvalue()
    True
    >>> _ = bar.close()
    >>> out.getvalue().endswith("\\n")
    True
    """

    def __init__(self, total_bytes: int | None, enabled: bool | None, *, stream: TextIO | None = None,
                 interval: float = 0.2) -> None:
        self.docs = self.chars = self.errors = self.skipped = self.nbytes = 0
        self.total = total_bytes or None
        # sys.stderr is None when the command runs with standard error closed (`2>&-`): no bar then
        self.stream = stream if stream is not None else (sys.stderr or io.StringIO())
        self.enabled = (sys.stderr is not None or stream is not None) and (
            self.stream.isatty() if enabled is None else enabled)
        self.interval = interval
        self.t0 = time.perf_counter()
        self._shown = float("-inf")
        self._width = 0

    def _line(self, now: float) -> str:
        dt = max(now - self.t0, 1e-9)
        if self.total:
            share = min(self.nbytes / self.total, 1.0)
            head = f"{share:4.0%} {_mib(self.nbytes)}/{_mib(self.total)} MiB"
        else:
            head = f"{_mib(self.nbytes)} MiB"
        line = (f"kaznlp: {head}, {self.docs:,} docs, {self.docs / dt:,.1f} docs/s, "
                f"{self.chars / dt / 1000:,.0f}k chars/s, {self.errors} errors")
        if self.total and 0 < self.nbytes < self.total:
            line += f", {_clock(dt * (self.total - self.nbytes) / self.nbytes)} left"
        return line

    def _show(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not force and now - self._shown < self.interval:
            return
        self._shown = now
        line = self._line(now)
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)

    def done(self, docs: int, chars: int, nbytes: int, errors: int) -> None:
        """Count a finished batch: its documents, characters, input bytes and errors."""
        self.docs += docs
        self.chars += chars
        self.errors += errors
        self.nbytes += nbytes
        self._show()

    def skip(self, nbytes: int, error: bool = False) -> None:
        """Count an input skipped (already in the output on ``--resume``) or refused (``error``)."""
        if error:
            self.errors += 1
        else:
            self.skipped += 1
        self.nbytes += nbytes
        self._show()

    def close(self) -> float:
        """Show the final counts, end the line; returns the seconds since the start."""
        if self.enabled:
            self._show(force=True)
            self.stream.write("\n")
            self.stream.flush()
        return time.perf_counter() - self.t0
