"""The query time limit and the result limit, on servers started with small ones."""

from __future__ import annotations

import threading
import time

import httpx

from tests.e2e.conftest import MAX_RESULT_BYTES, QUERY_TIMEOUT, Server, assert_problem

# Two 9 000-row halves joined freely: 81 million rows to count, some seconds of work, one answer row.
HEAVY = """SELECT (COUNT(*) AS ?n) WHERE {
  { SELECT ?s WHERE { ?s ?p ?o } LIMIT 9000 }
  { SELECT ?s2 WHERE { ?s2 ?p2 ?o2 } LIMIT 9000 }
}"""
SMALL = "SELECT ?s WHERE { ?s a <https://w3id.org/policykg/ontology#PolicyDocument> } LIMIT 3"


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
        started = time.monotonic()
        small = other.get("/sparql", params={"query": SMALL})
        small_seconds = time.monotonic() - started
        answered = time.monotonic()
    thread.join(timeout=30)
    assert not thread.is_alive()

    assert small.status_code == 200, small.text
    assert len(small.json()["results"]["bindings"]) == 3
    assert small_seconds < QUERY_TIMEOUT, small_seconds
    response = heavy["response"]
    assert isinstance(response, httpx.Response)
    body = assert_problem(response, 503)
    assert body["title"] == "Query timeout" and f"{QUERY_TIMEOUT:g} s" in body["detail"]
    assert QUERY_TIMEOUT <= heavy["seconds"] < QUERY_TIMEOUT + 3  # type: ignore[operator]
    assert answered < heavy["finished"]  # type: ignore[operator]

    # the server goes on answering
    with slow_server.client(timeout=10) as client:
        again = client.get("/sparql", params={"query": SMALL}, headers={"Accept": "text/csv"})
        assert again.status_code == 200 and again.text.count("\r\n") == 4
        assert client.get("/api/documents").status_code == 200


def test_an_answer_past_the_size_limit_is_refused(small_server: Server) -> None:
    with small_server.client() as client:
        small = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 5"})
        assert small.status_code == 200 and len(small.json()["results"]["bindings"]) == 5
        assert len(small.content) <= MAX_RESULT_BYTES
        over = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1000"})
        body = assert_problem(over, 400)
        assert f"larger than {MAX_RESULT_BYTES:,} bytes" in body["detail"]
        everything = client.post("/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert_problem(everything, 400)
        construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        assert_problem(client.get("/sparql", params={"query": construct}, headers={"Accept": "text/turtle"}), 400)
        # an aggregate over everything is one row
        total = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
        assert total.status_code == 200 and int(total.json()["results"]["bindings"][0]["n"]["value"]) > 10_000
