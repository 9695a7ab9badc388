"""One BLAS thread around kaznlp's own model, and the caller's setting back afterwards.

The bundled model multiplies small matrices; when torch is installed its OpenMP threads
and numpy's OpenBLAS threads spin against each other inside each tiny product (issue 13:
20-40 ms for a short sentence, 2.8 ms with one BLAS thread). :func:`one_blas_thread` limits
BLAS for the ``with`` block only (threadpoolctl), so the caller's numpy keeps its threads.

>>> with one_blas_thread():
...     pass
"""

from __future__ import annotations

import sys
from contextlib import AbstractContextManager, nullcontext
from typing import Any

__all__ = ["one_blas_thread", "small_matrix_blas"]

#: OpenBLAS cores with the small-matrix kernel that fast_layers.MaxoutNorm.product aims at; with
#: the Haswell kernel (AVX2) the cut products were 10-15 % slower than whole ones
SMALL_MATRIX_CORES = frozenset({"skylakex", "cooperlake", "sapphirerapids"})

_BLAS: list[Any] = []  # [controller, len(sys.modules) when it was found], once a BLAS library is loaded


def _blas_controller() -> Any:
    """threadpoolctl's handle on the BLAS libraries (~1 ms to find), kept while no module
    has been imported since: a first call through a backend without numpy must not leave
    the model unlimited, and a BLAS library loaded later (scipy's own OpenBLAS, torch's)
    must be limited too. ``len(sys.modules)`` is the cheap sign that something was loaded."""
    loaded = len(sys.modules)
    if _BLAS and _BLAS[1] == loaded:
        return _BLAS[0]
    if "numpy" not in sys.modules:  # no BLAS loaded yet (numpy brings it): nothing to limit
        return None
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency; degrade gracefully
        return None
    controller = ThreadpoolController().select(user_api="blas")
    if controller.lib_controllers:
        _BLAS[:] = [controller, len(sys.modules)]
    elif _BLAS:  # pragma: no cover - a BLAS library is never unloaded
        return _BLAS[0]
    return controller


def small_matrix_blas() -> bool:
    """Whether every BLAS library loaded is OpenBLAS on one of :data:`SMALL_MATRIX_CORES`."""
    controller = _blas_controller()
    libs = controller.lib_controllers if controller is not None else []
    return bool(libs) and all(lib.internal_api == "openblas" and
                              str(getattr(lib, "architecture", "")).lower() in SMALL_MATRIX_CORES for lib in libs)


def one_blas_thread() -> AbstractContextManager[Any]:
    """One BLAS thread while kaznlp's model runs; the caller's setting comes back afterwards
    (see the module docstring; a few microseconds to set and restore)."""
    controller = _blas_controller()
    if controller is None or not controller.lib_controllers:
        return nullcontext()
    return _OneBlasThread(controller.lib_controllers)


class _OneBlasThread:
    """``controller.limit(limits=1)`` without its bookkeeping: one ``get`` per library, a ``set``
    only where the count is not 1 (about 5 us instead of 100 us a call)."""

    __slots__ = ("libs", "saved")

    def __init__(self, libs: list[Any]) -> None:
        self.libs = libs
        self.saved: list[tuple[Any, int]] = []

    def __enter__(self) -> None:
        for lib in self.libs:
            n = lib.get_num_threads()
            if n is not None and n != 1:
                lib.set_num_threads(1)
                self.saved.append((lib, n))

    def __exit__(self, *exc: Any) -> None:
        for lib, n in self.saved:
            lib.set_num_threads(n)
        self.saved.clear()
