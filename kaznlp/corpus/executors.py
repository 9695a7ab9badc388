"""Executors of a corpus run: in this process, in worker processes (``--jobs``), or on a
Dask cluster (``--dask``). Each has ``workers``, ``submit(fn, *args)`` (a future with
``result()``) and ``close(abort=False)``; the run keeps output order and bounds the work
in flight itself.

>>> ex = Serial()
>>> ex.submit(len, "Алматы").result(), ex.workers
(6, 1)
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any

__all__ = ["DaskExecutor", "Processes", "Serial", "worker_init"]


class Serial:
    """Runs each batch at once, in this process."""

    def __init__(self) -> None:
        self.workers = 1

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        class Done:
            def __init__(self, value: Any) -> None:
                self.value = value

            def result(self) -> Any:
                return self.value

        return Done(fn(*args))

    def close(self, abort: bool = False) -> None:
        pass


def worker_init(parent: int) -> None:
    """In each ``--jobs`` worker: leave Ctrl-C to the main process (which stops the workers
    itself, without a traceback from each), and die with the main process even when it is
    killed outright (Linux ``PR_SET_PDEATHSIG``), so no worker outlives its run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the run's handler, inherited through fork
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):  # not Linux: the main process's shutdown still stops us
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


class Processes:
    """``--jobs N``: a pool of N forked worker processes (started warm, all at once)."""

    def __init__(self, jobs: int) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if "fork" in mp.get_all_start_methods() else None
        self.pool = ProcessPoolExecutor(jobs, mp_context=mp.get_context(method), initializer=worker_init,
                                        initargs=(os.getpid(),))
        self.workers = jobs
        self.pool.submit(int).result()  # start the workers now (all at once with fork)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.pool.submit(fn, *args)

    def close(self, abort: bool = False) -> None:
        if not abort:
            self.pool.shutdown(cancel_futures=True)
            return
        # the workers first (a batch in a worker may take seconds: stop it now), then the executor
        procs = list((getattr(self.pool, "_processes", None) or {}).values())
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.join(5)
            if proc.is_alive():
                proc.kill()
                proc.join()
        # a worker stopped while sending its result leaves half a message in the result pipe, and
        # the executor's thread would wait for the rest forever (and the interpreter for it at
        # exit): closing our end of the pipe's write side gives that thread end-of-file instead
        writer = getattr(getattr(self.pool, "_result_queue", None), "_writer", None)
        if writer is not None:
            try:
                writer.close()
            except OSError:
                pass
        self.pool.shutdown(wait=False, cancel_futures=True)


class DaskExecutor:
    """``--dask SCHEDULER``: batches run on a Dask cluster (``local``: a local cluster of processes)."""

    def __init__(self, address: str, jobs: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise SystemExit("kaznlp: --dask needs Dask: pip install 'kaznlp[dask]'") from exc
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        host="127.0.0.1", dashboard_address=None)
            address = self.cluster.scheduler_address
        self.client = Client(address)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def close(self, abort: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

