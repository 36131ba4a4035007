"""Every store operation of the server runs in one worker process that the server can kill.

pyoxigraph cannot cancel a query, and one query can take all the memory there is (an ORDER BY
over a cartesian product) or a core for hours. So the server opens the store in a child process
and sends it each operation; a watchdog thread kills the child as soon as an operation passes its
deadline or the child passes its memory limit, and starts a new one on the same store. The
operations that were running beside the culprit are sent again (reads only: a write that was
running is reported as not applied, which it is not, since pyoxigraph writes in transactions).
The event loop only ever waits on futures, so one slow or huge request never stalls the others.

An operation is a plain module-level function ``function(store, *args)``: it is sent to the child
by reference (pickle names its module and name) and runs there on the child's
:class:`~graph.store.KnowledgeStore`, in one of its threads (pyoxigraph releases the GIL while it
evaluates, so queries run side by side).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import itertools
import multiprocessing
import pickle
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import anyio
import psutil

from api.sparql_engine import QueryTooLong

__all__ = ["OFF_LOOP_BYTES", "QueryOutOfMemory", "StoreUnavailable", "StoreWorker", "WorkerBusy", "WriteInterrupted"]

_POLL_SECONDS = 0.05  # how often the watchdog looks at deadlines and memory
_MAX_RESENDS = 2  # an innocent read is sent again at most this often before it fails too
_IDLE_SECONDS = 1.0  # a child idle this long that holds more than its share of memory is replaced
_RECYCLE_SECONDS = 30.0  # but not more often than this: a large store's caches may hold that much
# A text larger than this is handled in a thread, off the event loop: an operation's arguments sent to
# the worker here, a form parsed by api.routes.sparql. Under it the hop to a thread costs more.
OFF_LOOP_BYTES = 64 << 10


class QueryOutOfMemory(MemoryError):
    """The operation took the worker past its memory limit."""


class WorkerBusy(RuntimeError):
    """As many operations as the server allows are running already."""


class WriteInterrupted(RuntimeError):
    """A write was running when the worker had to be replaced; it was not applied."""


class StoreUnavailable(RuntimeError):
    """The worker cannot open the store; the message says why."""


@dataclass(eq=False)
class _Call:
    id: int
    function: Callable[..., Any]
    args: tuple[Any, ...]
    timeout: float
    writes: bool
    future: Future[Any] = field(default_factory=Future)
    deadline: float = float("inf")
    sent: float = 0.0
    resends: int = 0


def _run_in_child(
    store: Any, call_id: int, function: Callable[..., Any], args: tuple[Any, ...], writes: bool
) -> tuple[Any, ...]:
    if writes:
        store.mark_changed()  # before and after: a view derived while the write runs is not kept past it
    try:
        return (call_id, True, function(store, *args))
    except BaseException as exc:  # every failure goes back to the server, which decides what it means
        try:
            pickle.dumps(exc)
        except Exception:
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return (call_id, False, exc)
    finally:
        if writes:
            store.mark_changed()


def _allocator_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, which gives the pages a freed answer leaves in the allocator's
    arenas back to the system; None where the C library has none."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c")).malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError, TypeError):
        return None


def _child_main(connection: Any, store_path: str, threads: int) -> None:
    """The worker: open the store, then run each operation received in one of *threads* threads.

    The threads take turns at the connection: the one whose turn it is waits for the next
    operation, hands the turn on and runs that operation itself, so no operation waits for
    another thread to be woken. Once no operation is running, the memory the last ones freed
    goes back to the system, so an idle worker holds the store's caches, not the peak of its
    largest answer.
    """
    from graph.store import KnowledgeStore, StoreError

    try:
        store = KnowledgeStore(store_path, create=False)
    except StoreError as exc:
        connection.send(("failed", str(exc)))
        return
    connection.send(("ready", None))
    receiving = threading.Lock()  # held by the thread whose turn it is to wait for an operation
    sending = threading.Lock()  # guards the connection's sending end and the count of running operations
    ended = threading.Event()  # the server closed the connection or said stop
    running = 0
    trim = _allocator_trim()

    def serve() -> None:
        nonlocal running
        while True:
            with receiving:
                if ended.is_set():
                    return
                try:
                    message = connection.recv()
                except (EOFError, OSError):
                    message = None
                if message is None:
                    ended.set()
                    return
                with sending:
                    running += 1
            answer = _run_in_child(store, *message)
            with sending:
                with contextlib.suppress(OSError, ValueError):  # the server is gone
                    connection.send(answer)
                running -= 1
                idle = running == 0
            if idle and trim is not None:
                trim(0)

    workers = [threading.Thread(target=serve, name=f"query-{n}", daemon=True) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    store.close()


class StoreWorker:
    """The server's side of the worker: send operations, enforce deadlines and the memory limit.

    *memory_limit* is in bytes of the child's resident memory; *max_calls* operations may run at
    once (more raise :class:`WorkerBusy`). The child gives the memory its operations freed back to
    the system whenever none is running; one that has been idle for a second while still holding
    more than a quarter of the limit is replaced by a fresh one, so one large request does not cost
    memory for the rest of the server's life. Below that it is kept: what it holds then is mostly
    the store's caches (about 300 MiB over 10^7 quads), which a fresh child would fill again.

    >>> import tempfile
    >>> from graph.store import KnowledgeStore
    >>> path = Path(tempfile.mkdtemp()) / "store"
    >>> KnowledgeStore(path).close()
    >>> with StoreWorker(path) as worker:
    ...     worker.submit(count_quads, timeout=10).result()
    0
    """

    def __init__(self, store_path: str | Path, *, memory_limit: int = 2 << 30, max_calls: int = 16) -> None:
        self.store_path = str(store_path)
        self.memory_limit = memory_limit
        self.max_calls = max_calls
        self.restarts = 0
        self.recycles = 0
        self._idle_since = time.monotonic()
        self._recycled_at = -_RECYCLE_SECONDS
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.RLock()
        self._calls: dict[int, _Call] = {}
        self._ids = itertools.count()
        self._process: Any = None
        self._connection: Any = None
        self._closed = False
        self._broken: str | None = None
        self._watchdog = threading.Thread(target=self._watch, name="store-watchdog", daemon=True)

    # lifetime ---------------------------------------------------------------------------
    def start(self) -> StoreWorker:
        """Start the child and wait until it has opened the store; :class:`StoreUnavailable` if it cannot."""
        self._spawn()
        self._watchdog.start()
        return self

    def __enter__(self) -> StoreWorker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            calls, self._calls = list(self._calls.values()), {}
            self._stop_child()
        for call in calls:
            _fail(call, StoreUnavailable("the server is shutting down"))

    @property
    def pid(self) -> int | None:
        """The child's process id (it changes when the child is replaced)."""
        return None if self._process is None else int(self._process.pid)

    def _spawn(self) -> None:
        """Start a child on the store and send it every call waiting; under no lock (opening takes a while)."""
        ours, theirs = self._context.Pipe()
        process = self._context.Process(
            target=_child_main, args=(theirs, self.store_path, self.max_calls), name="policykg-store", daemon=True
        )
        process.start()
        theirs.close()
        try:
            status, detail = ours.recv()
        except EOFError:
            status, detail = "failed", f"the store worker exited with code {process.exitcode}"
        if status != "ready":
            process.join(5)
            ours.close()
            raise StoreUnavailable(detail)
        with self._lock:
            if self._closed:
                process.kill()
                return
            self._process, self._connection = process, ours
            for call in sorted(self._calls.values(), key=lambda c: c.id):
                self._send(call)
        threading.Thread(target=self._read, args=(process, ours), name="store-reader", daemon=True).start()

    def _stop_child(self) -> None:
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if process is not None:
            process.kill()
            process.join(5)
        if connection is not None:
            connection.close()

    # calls ------------------------------------------------------------------------------
    def submit(self, function: Callable[..., Any], *args: Any, timeout: float, writes: bool = False) -> Future[Any]:
        """Run ``function(store, *args)`` in the worker; the future fails with :class:`QueryTooLong`
        past *timeout* seconds, :class:`QueryOutOfMemory` when it took the worker past its limit."""
        with self._lock:
            if self._closed or self._broken:
                raise StoreUnavailable(self._broken or "the store worker is closed")
            if len(self._calls) >= self.max_calls:
                raise WorkerBusy(f"{self.max_calls} operations are running already")
            call = _Call(next(self._ids), function, args, timeout, writes)
            self._calls[call.id] = call
            if self._connection is not None:
                self._send(call)
        return call.future

    async def run(self, function: Callable[..., Any], *args: Any, timeout: float, writes: bool = False) -> Any:
        """:meth:`submit` from the event loop: a large operation (a long text among *args*) is sent
        from a thread, off the loop; a small one at once, as the hop to a thread costs more."""
        submit = partial(self.submit, function, *args, timeout=timeout, writes=writes)
        future = submit() if _text_bytes(args) < OFF_LOOP_BYTES else await anyio.to_thread.run_sync(submit)
        return await asyncio.wrap_future(future)

    def _send(self, call: _Call) -> None:
        call.sent = time.monotonic()
        call.deadline = call.sent + call.timeout
        with contextlib.suppress(OSError, ValueError):  # the child died: the watchdog or the reader replaces it
            self._connection.send((call.id, call.function, call.args, call.writes))

    def _read(self, process: Any, connection: Any) -> None:
        """Resolve the futures of one child's answers until that child is gone."""
        while True:
            try:
                call_id, ok, value = connection.recv()
            except (EOFError, OSError, TypeError):
                break
            with self._lock:
                call = self._calls.pop(call_id, None)
                if not self._calls:
                    self._idle_since = time.monotonic()
            if call is not None:
                _settle(call, ok, value)
        with self._lock:
            crashed = self._process is process and not self._closed
        if crashed:  # the child died by itself (an allocation it could not make aborts it)
            process.join(1)
            code = process.exitcode
            detail = (
                f"the store worker ended by itself (exit code {code}) while it ran the query: most likely out of memory"
                if code is not None
                else "the store worker stopped answering while it ran the query"
            )
            self._replace(reason=QueryOutOfMemory, culprits=None, detail=detail)

    # the watchdog ---------------------------------------------------------------------------
    def _watch(self) -> None:
        while not self._closed:
            time.sleep(_POLL_SECONDS)
            with self._lock:
                now = time.monotonic()
                late = [c for c in self._calls.values() if c.deadline < now]
                idle = not self._calls and now - self._idle_since > _IDLE_SECONDS
                pid = self.pid
            resident = 0 if pid is None or late else _resident_bytes(pid)
            if late:
                self._replace(reason=QueryTooLong, culprits=late)
            elif resident > self.memory_limit:
                self._replace(reason=QueryOutOfMemory, culprits=None)
            elif idle and resident > self.memory_limit // 4 and now - self._recycled_at > _RECYCLE_SECONDS:
                self._recycle()

    def _recycle(self) -> None:
        """Replace an idle child by a fresh one, unless a call came in meanwhile."""
        with self._lock:
            if self._calls or self._closed or self._process is None:
                return
            self.recycles += 1  # counted first: whoever sees the child gone sees why
            self._recycled_at = time.monotonic()
            self._stop_child()
        self._respawn()

    def _replace(self, *, reason: type[Exception], culprits: list[_Call] | None, detail: str | None = None) -> None:
        """Kill the child, fail the culprits (by default the oldest call: it has had the most time
        to grow) with *reason* (its message *detail*, else the limit's), fail interrupted writes,
        and start a new child for the other calls."""
        with self._lock:
            if self._closed or self._process is None:
                return
            self.restarts += 1  # counted first: whoever sees the child gone sees why
            self._stop_child()
            running = sorted(self._calls.values(), key=lambda c: c.sent)
            if culprits is None:
                culprits = running[:1]
            failed: list[tuple[_Call, Exception]] = [
                (c, _limit_error(reason, c, self.memory_limit, detail)) for c in culprits
            ]
            for call in running:
                if call in culprits:
                    continue
                call.resends += 1
                if call.writes:
                    failed.append((call, WriteInterrupted("the write was interrupted and not applied; send it again")))
                elif call.resends > _MAX_RESENDS:
                    failed.append((call, _limit_error(reason, call, self.memory_limit, detail)))
            for call, _ in failed:
                self._calls.pop(call.id, None)
        for call, error in failed:
            _fail(call, error)
        self._respawn()

    def _respawn(self) -> None:
        """Start a new child for the calls waiting; if the store cannot be opened any more, fail them."""
        try:
            self._spawn()
        except StoreUnavailable as exc:
            with self._lock:
                self._broken = str(exc)
                calls, self._calls = list(self._calls.values()), {}
            for call in calls:
                _fail(call, StoreUnavailable(str(exc)))


def _text_bytes(values: Any) -> int:
    """About how many bytes the texts among *values* (nested in lists, tuples and dicts) pickle to."""
    if isinstance(values, str | bytes):
        return len(values) * (3 if isinstance(values, str) and not values.isascii() else 1)
    if isinstance(values, list | tuple):
        return sum(_text_bytes(value) for value in values)
    if isinstance(values, dict):
        return sum(_text_bytes(key) + _text_bytes(value) for key, value in values.items())
    return 0


def _limit_error(reason: type[Exception], call: _Call, memory_limit: int, detail: str | None = None) -> Exception:
    if detail is not None:
        return reason(detail)
    if reason is QueryTooLong:
        return QueryTooLong(f"the query ran past the time limit of {call.timeout:g} s")
    return QueryOutOfMemory(f"the query needed more than the memory limit of {memory_limit / 2**20:,.0f} MiB")


def _resident_bytes(pid: int) -> int:
    try:
        return int(psutil.Process(pid).memory_info().rss)
    except psutil.Error:
        return 0


def _settle(call: _Call, ok: bool, value: Any) -> None:
    if call.future.done():
        return
    if ok:
        call.future.set_result(value)
    else:
        call.future.set_exception(value)


def _fail(call: _Call, error: Exception) -> None:
    _settle(call, False, error)


def count_quads(store: Any) -> int:
    """The number of quads in the store (an operation, used to check the worker answers)."""
    return int(store.quad_count())
