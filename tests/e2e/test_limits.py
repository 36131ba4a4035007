"""The limits on queries (time, memory, answer size) and on request bodies, on servers started with
small ones. What these tests check holds on a machine busy with other tests (the bounds on time
leave it slack); the limits that show against other clients' requests, within a second or so,
are checked in test_limits_alone.py, with nothing else running."""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator

import httpx
import psutil

from tests.answers import UPDATE_TOKEN, assert_problem
from tests.e2e.conftest import MAX_BODY_BYTES, MAX_RESULT_BYTES, MEMORY_LIMIT, Server

SMALL = "SELECT ?s WHERE { ?s a <https://w3id.org/policykg/ontology#PolicyDocument> } LIMIT 3"


def test_an_answer_past_the_size_limit_is_refused(small_server: Server) -> None:
    with small_server.client() as client:
        small = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
        assert small.status_code == 200 and len(small.json()["results"]["bindings"]) == 5
        assert len(small.content) <= MAX_RESULT_BYTES
        over = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1000"})
        body = assert_problem(over, 413)
        assert body["title"] == "Answer too large" and f"larger than {MAX_RESULT_BYTES:,} bytes" in body["detail"]
        everything = client.post("/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert_problem(everything, 413)
        construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        assert_problem(client.get("/sparql", params={"query": construct}, headers={"Accept": "text/turtle"}), 413)
        # an aggregate over everything is one row
        total = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
        assert total.status_code == 200 and int(total.json()["results"]["bindings"][0]["n"]["value"]) > 10_000


# The probe's query: every pair of triples, sorted: it grows by about a gigabyte a second.
HOARDING = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
# Four copies of the store joined freely: a COUNT that would run for days.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _tree(server: Server) -> list[psutil.Process]:
    parent = psutil.Process(server.process.pid)
    return [parent, *parent.children(recursive=True)]


def _cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def _store_workers(server: Server) -> list[psutil.Process]:
    """The server's store workers (:mod:`api.worker`, spawned children) now."""
    return [p for p in _tree(server) if "spawn_main" in " ".join(p.cmdline())]


def _alive(process: psutil.Process) -> bool:
    with contextlib.suppress(psutil.Error):
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    return False


def _wait_until_gone(processes: list[psutil.Process], seconds: float = 30.0) -> None:
    """Poll until every one of *processes* has ended; fail after *seconds* (a bound on a hang, not a speed check)."""
    deadline = time.monotonic() + seconds
    while any(_alive(p) for p in processes):
        assert time.monotonic() < deadline, f"still running after {seconds:g} s: {processes}"
        time.sleep(0.05)


def _assert_idle(server: Server, window: float = 1.0) -> None:
    """Nothing in the server's processes evaluates anything: less than 0.3 s of CPU in *window* seconds."""
    processes = _tree(server)
    before = _cpu_seconds(processes)
    time.sleep(window)
    assert _cpu_seconds(processes) - before < 0.3, "the server still burns CPU after a timed-out operation"


def test_a_query_that_would_take_all_memory_is_stopped(memory_server: Server) -> None:
    with memory_server.client(timeout=120) as client:
        started = time.monotonic()
        body = assert_problem(client.get("/sparql", params={"query": HOARDING}), 503)
        assert body["title"] == "Query out of memory" and f"{MEMORY_LIMIT / 2**20:,.0f} MiB" in body["detail"]
        assert time.monotonic() - started < 60
        small = client.get("/sparql", params={"query": SMALL})
        assert small.status_code == 200 and len(small.json()["results"]["bindings"]) == 3
    resident = sum(p.memory_info().rss for p in _tree(memory_server))
    assert resident < 2 * MEMORY_LIMIT, resident
    assert memory_server.process.poll() is None


def test_a_query_past_the_time_limit_stops_running(slow_server: Server) -> None:
    with slow_server.client(timeout=30) as client:
        assert client.get("/sparql", params={"query": SMALL}).status_code == 200
        workers = _store_workers(slow_server)
        response = client.get("/sparql", params={"query": ENDLESS})
        answered = time.monotonic()
        assert_problem(response, 503)
        # a worker that evaluated it is gone soon after the answer (an endless query never ends by itself;
        # the slack is for a machine busy with other tests)
        while any(_alive(w) for w in workers):
            assert time.monotonic() - answered < 10.0, "the evaluation goes on after its 503"
            time.sleep(0.05)
        # a replacement has started once it answers (a query waits for it); then nothing runs
        assert client.get("/sparql", params={"query": SMALL}).status_code == 200
        _assert_idle(slow_server)
        assert client.get("/sparql", params={"query": SMALL}).status_code == 200


def test_bodies_over_the_limit_are_refused_before_they_are_read(guarded_server: Server) -> None:
    query = 'SELECT * WHERE { ?s ?p "' + "x" * MAX_BODY_BYTES + '" }'
    headers = {"Authorization": f"Bearer {UPDATE_TOKEN}"}
    with guarded_server.client() as client:
        body = assert_problem(client.post("/sparql", data={"query": query}), 413)
        assert f"{MAX_BODY_BYTES:,} bytes" in body["detail"]
        turtle = "<urn:a> <urn:b> " + '"' + "y" * MAX_BODY_BYTES + '" .'
        put = client.put("/store", params={"graph": "urn:big"}, content=turtle, headers=headers)
        assert_problem(put, 413)

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            for _ in range(4):
                yield b"x" * (MAX_BODY_BYTES // 2)

        streamed = client.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
        assert_problem(streamed, 413)
        assert client.get("/sparql", params={"query": SMALL}).status_code == 200


def test_an_update_past_the_time_limit_is_not_applied(guarded_server: Server) -> None:
    headers = {"Authorization": f"Bearer {UPDATE_TOKEN}", "Content-Type": "application/sparql-update"}
    # 36 million rows counted (about two seconds of work here), then one triple written
    update = """INSERT { GRAPH <urn:e2e:late> { <urn:e2e:count> <urn:e2e:is> ?n } } WHERE {
                  SELECT (COUNT(*) AS ?n) WHERE {
                    { SELECT ?a WHERE { GRAPH ?g { ?a ?b ?c } } LIMIT 6000 }
                    { SELECT ?d WHERE { GRAPH ?h { ?d ?e ?f } } LIMIT 6000 } } }"""
    written = "ASK { GRAPH <urn:e2e:late> { ?s ?p ?o } }"
    with guarded_server.client(timeout=30) as client:
        workers = _store_workers(guarded_server)
        assert workers
        assert_problem(client.post("/sparql", content=update, headers=headers), 503)
        # It cannot go on: the worker evaluating it, the one process with the store open, is killed
        # (anything it had not committed is gone with it) ...
        _wait_until_gone(workers)
        # ... and it is not sent again: once the replacement answers a query, nothing evaluates anything.
        assert client.get("/sparql", params={"query": SMALL}).status_code == 200
        _assert_idle(guarded_server)
        answer = client.get("/sparql", params={"query": written}, headers={"Accept": "application/sparql-results+json"})
        assert answer.json()["boolean"] is False


def test_load_is_refused_even_with_the_token(guarded_server: Server) -> None:
    headers = {"Authorization": f"Bearer {UPDATE_TOKEN}", "Content-Type": "application/sparql-update"}
    with guarded_server.client() as client:
        for source in ("file:///etc/hostname", "http://127.0.0.1:9/plan.ttl"):
            body = assert_problem(client.post("/sparql", content=f"LOAD <{source}>", headers=headers), 403)
            assert "LOAD is off" in body["detail"]


def test_a_server_stops_on_sigterm_while_a_query_runs(doomed_server: Server) -> None:
    server = doomed_server
    workers = _store_workers(server)
    heavy: dict[str, object] = {}

    def run_heavy() -> None:
        with contextlib.suppress(httpx.HTTPError), server.client(timeout=60) as client:
            heavy["response"] = client.get("/sparql", params={"query": ENDLESS})

    thread = threading.Thread(target=run_heavy, daemon=True)
    before = _cpu_seconds(workers)
    thread.start()
    deadline = time.monotonic() + 30
    while _cpu_seconds(workers) - before < 0.3:  # the query is being evaluated
        assert time.monotonic() < deadline and thread.is_alive(), "the query never started"
        time.sleep(0.05)
    started = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    server.process.wait(timeout=30)
    assert time.monotonic() - started < 15, "SIGTERM waited for the query"
    assert not any(_alive(w) for w in workers)


def test_static_files_stay_in_their_folder(client: httpx.Client) -> None:
    for path in ("/static/../api/main.py", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2f..%2fpyproject.toml"):
        response = client.get(path)
        assert response.status_code == 404, (path, response.status_code)
        assert "create_app" not in response.text and "[project]" not in response.text
