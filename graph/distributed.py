"""Extraction on an existing Dask cluster (``policykg build --executor dask --scheduler ADDRESS``).

The build sends each document's path to the cluster and writes the store itself, in document
order, as it does with local worker processes (:mod:`graph.build`), so the graph is the same. The
Dask workers must have policykg and its pkuseg model installed and see the documents at the same
paths (a shared file system, as Dask's own readers require); each worker loads the spaCy pipeline
once, on its first document. Start workers with one thread each (``dask worker ADDRESS --nthreads 1
--nworkers N``): a worker's threads share its one pipeline, one document at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

__all__ = ["DaskExecutor", "DaskUnavailable"]

# How long to wait for the scheduler to answer before the build gives up, saying so.
CONNECT_SECONDS = 10.0


class DaskUnavailable(RuntimeError):
    """The scheduler cannot be reached, or dask.distributed is not installed."""


class DaskExecutor(Executor):
    """A :class:`concurrent.futures.Executor` on the Dask cluster whose scheduler is at *address*
    (``tcp://host:8786``); it owns its client and closes it on :meth:`shutdown`.

    Raises :class:`DaskUnavailable` naming the address when the scheduler does not answer within
    *timeout* seconds.
    """

    def __init__(self, address: str, *, timeout: float = CONNECT_SECONDS) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise DaskUnavailable("dask.distributed is not installed: pip install 'policykg[dask]'") from exc
        try:
            self.client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        self._executor = self.client.get_executor(pure=False)  # a document is extracted each time it is sent
        # how many documents the cluster extracts at once: its workers' threads when it connected
        self.capacity = max(1, sum(self.client.nthreads().values()))

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        return self._executor.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        try:
            self._executor.shutdown(wait=wait)
        finally:
            self.client.close()


_extractors: dict[tuple[Any, ...], Any] = {}
_lock = threading.Lock()


def run_on_worker(setup: tuple[Any, ...], make: Callable[..., Any], *args: Any) -> Any:
    """Call the extractor ``make(*setup)`` that this Dask worker keeps for *setup* with *args*;
    the first call makes it, and one document is extracted at a time (the pipeline is shared)."""
    with _lock:
        extractor = _extractors.get(setup)
        if extractor is None:
            extractor = _extractors[setup] = make(*setup)
        return extractor(*args)
