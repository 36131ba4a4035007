"""The store worker: real child processes on a real store, stopped at their limits.

The operations below are module-level so the worker's child can import them by name, as it
imports the server's own (:mod:`api.operations`).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from rdflib import Graph, Literal, URIRef

from api.sparql_engine import QueryTooLong
from api.worker import QueryOutOfMemory, StoreWorker, WorkerBusy, WriteInterrupted, count_quads
from graph.store import KnowledgeStore, StoreError

TRIPLES = 2_000
# 2 000³ rows to count: hours of work, one answer row.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def endless_query(store: KnowledgeStore) -> int:
    return len(list(store.oxigraph.query(ENDLESS, use_default_graph_as_union=True)))


def endless_update(store: KnowledgeStore) -> None:
    endless = ENDLESS.replace("WHERE {", "WHERE { GRAPH <urn:t:g> {", 1) + " }"
    store.oxigraph.update(f"INSERT {{ <urn:t:s> <urn:t:count> ?n }} WHERE {{ {{ {endless} }} }}")


def slow_count(store: KnowledgeStore, seconds: float) -> int:
    time.sleep(seconds)
    return int(store.quad_count())


def slow_insert(store: KnowledgeStore, seconds: float) -> None:
    time.sleep(seconds)
    store.oxigraph.update("INSERT DATA { <urn:t:late> <urn:t:p> <urn:t:o> }")


def hoard_memory(store: KnowledgeStore, megabytes: int) -> int:
    hoard = [bytearray(1 << 20) for _ in range(megabytes)]  # touched pages: resident memory
    for block in hoard:
        block[::4096] = b"x" * len(block[::4096])
    time.sleep(30)
    return len(hoard)


_KEPT: list[bytearray] = []


def keep_memory(store: KnowledgeStore, megabytes: int) -> int:
    """Memory the child goes on holding after the call, as an allocator keeps it after a large query."""
    for _ in range(megabytes):
        block = bytearray(1 << 20)
        block[::4096] = b"x" * len(block[::4096])
        _KEPT.append(block)
    return len(_KEPT)


def free_memory_behind(store: KnowledgeStore, megabytes: int) -> int:
    """Free what a large answer took, as a query does once written, all but a last block that keeps
    the allocator from shrinking its heap by itself; the resident bytes at the peak."""
    blocks = [bytearray(64 << 10) for _ in range(megabytes * 16)]
    peak = psutil.Process().memory_info().rss
    _KEPT.append(bytearray(64 << 10))
    del blocks
    return int(peak)


def resident_bytes(store: KnowledgeStore) -> int:
    return int(psutil.Process().memory_info().rss)


def end_the_worker(store: KnowledgeStore, code: int) -> None:
    os._exit(code)


def malformed_query(store: KnowledgeStore) -> None:
    store.oxigraph.query("SELECT WHERE {")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("worker") / "store"
    graph = Graph()
    for i in range(TRIPLES):
        graph.add((URIRef(f"urn:t:s{i}"), URIRef("urn:t:p"), Literal(i)))
    with KnowledgeStore(path) as store:
        store.replace_graph(URIRef("urn:t:g"), graph)
    return path


@pytest.fixture
def worker(store_path: Path) -> Iterator[StoreWorker]:
    with StoreWorker(store_path, memory_limit=1 << 30, max_calls=4) as started:
        yield started


def test_operations_answer_and_errors_come_back(worker: StoreWorker) -> None:
    assert worker.submit(count_quads, timeout=10).result(timeout=30) == TRIPLES
    with pytest.raises(SyntaxError):
        worker.submit(malformed_query, timeout=10).result(timeout=30)
    assert worker.submit(slow_count, 0.0, timeout=10).result(timeout=30) == TRIPLES
    assert worker.restarts == 0


def test_a_call_past_its_deadline_is_stopped_and_the_others_go_on(worker: StoreWorker) -> None:
    before = worker.pid
    assert before is not None
    started = time.monotonic()
    endless = worker.submit(endless_query, timeout=0.5)
    bystander = worker.submit(slow_count, 1.0, timeout=30)  # running when the child is killed: sent again
    with pytest.raises(QueryTooLong, match=r"time limit of 0\.5 s"):
        endless.result(timeout=30)
    assert time.monotonic() - started < 10.0  # stopped near its deadline, never left to run (slack for a busy machine)
    assert not psutil.pid_exists(before) or psutil.Process(before).status() == psutil.STATUS_ZOMBIE
    assert bystander.result(timeout=30) == TRIPLES
    assert worker.pid not in (None, before) and worker.restarts == 1


def test_a_call_past_the_memory_limit_is_stopped(store_path: Path) -> None:
    with StoreWorker(store_path, memory_limit=300 << 20, max_calls=4) as worker:
        started = time.monotonic()
        with pytest.raises(QueryOutOfMemory, match="memory limit of 300 MiB"):
            worker.submit(hoard_memory, 600, timeout=60).result(timeout=60)
        assert time.monotonic() - started < 20
        assert worker.submit(count_quads, timeout=10).result(timeout=30) == TRIPLES


def test_an_update_past_its_deadline_is_not_applied(worker: StoreWorker) -> None:
    with pytest.raises(QueryTooLong):
        worker.submit(endless_update, timeout=0.5, writes=True).result(timeout=30)
    assert worker.submit(count_quads, timeout=10).result(timeout=30) == TRIPLES


def test_a_write_interrupted_by_another_calls_limit_fails_unapplied(worker: StoreWorker) -> None:
    write = worker.submit(slow_insert, 2.0, timeout=30, writes=True)
    with pytest.raises(QueryTooLong):
        worker.submit(endless_query, timeout=0.5).result(timeout=30)
    with pytest.raises(WriteInterrupted, match="not applied"):
        write.result(timeout=30)
    time.sleep(2.5)  # the killed child would have written by now
    assert worker.submit(count_quads, timeout=10).result(timeout=30) == TRIPLES


def test_calls_past_the_concurrency_limit_are_refused(store_path: Path) -> None:
    with StoreWorker(store_path, max_calls=2) as worker:
        running = [worker.submit(slow_count, 1.0, timeout=30) for _ in range(2)]
        with pytest.raises(WorkerBusy, match="2 operations"):
            worker.submit(count_quads, timeout=10)
        assert [f.result(timeout=30) for f in running] == [TRIPLES, TRIPLES]
        assert worker.submit(count_quads, timeout=10).result(timeout=30) == TRIPLES


def test_many_threads_share_one_worker(worker: StoreWorker) -> None:
    answers: list[int] = []

    def ask() -> None:
        for _ in range(5):
            answers.append(worker.submit(count_quads, timeout=10).result(timeout=30))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert answers == [TRIPLES] * 20


def test_a_worker_that_ends_by_itself_is_replaced_and_says_how_it_ended(worker: StoreWorker) -> None:
    """A child that ends in the middle of a call (as one that cannot allocate aborts) fails that
    call, saying its exit code; a new child answers the next."""
    with pytest.raises(QueryOutOfMemory, match=r"ended by itself \(exit code 3\)"):
        worker.submit(end_the_worker, 3, timeout=10).result(timeout=30)
    assert worker.submit(count_quads, timeout=10).result(timeout=30) == TRIPLES
    assert worker.restarts == 1


def test_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store there"):
        KnowledgeStore(tmp_path / "nothing", create=False)
    from api.worker import StoreUnavailable

    with pytest.raises(StoreUnavailable, match="no store there"):
        StoreWorker(tmp_path / "nothing").start()


def test_an_idle_worker_holding_much_memory_is_replaced(store_path: Path) -> None:
    with StoreWorker(store_path, memory_limit=800 << 20) as worker:
        before = worker.pid
        assert worker.submit(keep_memory, 200, timeout=30).result(timeout=30) == 200
        deadline = time.monotonic() + 20
        while worker.pid in (None, before) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert worker.recycles == 1 and worker.restarts == 0
        assert worker.submit(count_quads, timeout=10).result(timeout=30) == TRIPLES
        assert psutil.Process(worker.pid).memory_info().rss < 200 << 20


def test_an_idle_worker_gives_freed_memory_back(store_path: Path) -> None:
    """Memory an operation freed goes back to the system once no operation runs, with no restart."""
    with StoreWorker(store_path) as worker:
        before = worker.pid
        peak = worker.submit(free_memory_behind, 300, timeout=30).result(timeout=30)
        deadline = time.monotonic() + 10
        resident = peak
        while resident > peak - (200 << 20) and time.monotonic() < deadline:
            time.sleep(0.1)
            resident = worker.submit(resident_bytes, timeout=10).result(timeout=30)
        assert resident < peak - (200 << 20)
        assert worker.pid == before and worker.recycles == 0 and worker.restarts == 0
