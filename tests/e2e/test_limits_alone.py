"""The limits that show against other clients, within a second or so: a query past the time limit
fails alone (another client's query is answered meanwhile), a large body holds up no other client,
queries past the concurrency limit are asked to retry. Each races other requests or a window of
a few tenths of a second, which a machine busy with other tests would upset: under pytest-xdist
these run last, with nothing else running (tests/scheduling.py). The limits' other checks, which
hold on a busy machine too, are in test_limits.py."""

from __future__ import annotations

import threading
import time
from urllib.parse import urlencode

import httpx

from tests.answers import assert_problem
from tests.e2e.conftest import MAX_CONCURRENT, QUERY_TIMEOUT, Server
from tests.e2e.test_limits import ENDLESS, SMALL

# Two 9 000-row halves joined freely: 81 million rows to count, some seconds of work, one answer row.
HEAVY = """SELECT (COUNT(*) AS ?n) WHERE {
  { SELECT ?s WHERE { ?s ?p ?o } LIMIT 9000 }
  { SELECT ?s2 WHERE { ?s2 ?p2 ?o2 } LIMIT 9000 }
}"""


def test_a_query_past_the_time_limit_fails_alone(slow_server: Server) -> None:
    heavy: dict[str, object] = {}

    def run_heavy() -> None:
        started = time.monotonic()
        with slow_server.client(timeout=30) as client:
            heavy["response"] = client.post("/sparql", data={"query": HEAVY})
        heavy["seconds"] = time.monotonic() - started
        heavy["finished"] = time.monotonic()

    thread = threading.Thread(target=run_heavy, daemon=True)
    thread.start()
    time.sleep(0.3)  # the heavy query is running now
    with slow_server.client(timeout=10) as other:
        small = other.get("/sparql", params={"query": SMALL})
        answered = time.monotonic()
    thread.join(timeout=30)
    assert not thread.is_alive()

    assert small.status_code == 200, small.text
    assert len(small.json()["results"]["bindings"]) == 3
    response = heavy["response"]
    assert isinstance(response, httpx.Response)
    body = assert_problem(response, 503)
    assert body["title"] == "Query timeout" and f"{QUERY_TIMEOUT:g} s" in body["detail"]
    assert QUERY_TIMEOUT <= heavy["seconds"] < QUERY_TIMEOUT + 3  # type: ignore[operator]
    # the small query was answered while the heavy one ran, not after it was stopped (an ordering,
    # not a time: how long each takes depends on what else the machine is doing)
    assert answered < heavy["finished"]  # type: ignore[operator]

    # the server goes on answering
    with slow_server.client(timeout=10) as client:
        again = client.get("/sparql", params={"query": SMALL}, headers={"Accept": "text/csv"})
        assert again.status_code == 200 and again.text.count("\r\n") == 4
        assert client.get("/api/documents").status_code == 200


def test_a_large_body_does_not_hold_up_other_clients(server: Server) -> None:
    # encoded here, so the sending thread only writes bytes and leaves this process's GIL to the small queries
    huge = urlencode({"query": 'SELECT * WHERE { ?s ?p "' + "x" * 8_000_000 + '" }'}).encode()
    done: dict[str, httpx.Response] = {}

    def send_huge() -> None:
        with server.client(timeout=60) as client:
            form = {"Content-Type": "application/x-www-form-urlencoded"}
            done["huge"] = client.post("/sparql", content=huge, headers=form)

    thread = threading.Thread(target=send_huge, daemon=True)
    thread.start()
    answered_meanwhile = 0  # small queries answered while the huge one was still being sent or handled
    with server.client(timeout=30) as client:
        while thread.is_alive():
            assert client.get("/sparql", params={"query": SMALL}).status_code == 200
            answered_meanwhile += thread.is_alive()
    thread.join(timeout=60)
    assert done["huge"].status_code == 200 and done["huge"].json()["results"]["bindings"] == []
    # a server that read or parsed the huge body on its event loop would answer none until it was done
    assert answered_meanwhile >= 3, answered_meanwhile


def test_queries_past_the_concurrency_limit_are_asked_to_retry(guarded_server: Server) -> None:
    answers: list[httpx.Response] = []

    def run_endless() -> None:
        with guarded_server.client(timeout=30) as client:
            answers.append(client.get("/sparql", params={"query": ENDLESS}))

    threads = [threading.Thread(target=run_endless, daemon=True) for _ in range(MAX_CONCURRENT)]
    for thread in threads:
        thread.start()
    time.sleep(0.4)  # both are being evaluated now
    with guarded_server.client() as client:
        busy = client.get("/sparql", params={"query": SMALL})
        body = assert_problem(busy, 503)
        assert busy.headers["retry-after"] == "1" and f"{MAX_CONCURRENT} operations are running" in body["detail"]
        for thread in threads:
            thread.join(timeout=30)
        assert [a.status_code for a in answers] == [503] * MAX_CONCURRENT  # their time limit
        assert client.get("/sparql", params={"query": SMALL}).status_code == 200
