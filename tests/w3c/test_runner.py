"""The runner's own checks, on responses made here: a runner that passes everything proves nothing."""

from __future__ import annotations

import json

import httpx

from tests.w3c.compare import known_failures_source
from tests.w3c.runner import (
    DIRECT_IDENTIFICATION,
    Case,
    Expected,
    Outcome,
    Request,
    Result,
    Target,
    check_response,
    failure_table,
    known_failure,
    run_case,
)

FOAF = "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
TURTLE = "text/turtle; charset=utf-8"
NOWHERE = Target("nowhere", "http://127.0.0.1:9")  # the discard port: a test that sends a request fails


def answer(status: int, content: str | bytes = b"", content_type: str | None = None) -> httpx.Response:
    headers = {"content-type": content_type} if content_type else {}
    body = content.encode() if isinstance(content, str) else content
    return httpx.Response(status, headers=headers, content=body, request=httpx.Request("POST", "http://h/sparql"))


def test_status_codes_and_classes() -> None:
    assert check_response(Expected(("2xx", "3xx")), answer(204)) is None
    assert check_response(Expected(("201",)), answer(204)) == "expected status 201, got 204"
    problem = json.dumps({"title": "Malformed query", "detail": "line 1"})
    reason = check_response(Expected(("2xx",)), answer(400, problem, "application/problem+json"))
    assert reason == "expected status 2xx, got 400 (Malformed query: line 1)"


def test_boolean_answers() -> None:
    true = answer(200, '{"head": {}, "boolean": true}', "application/sparql-results+json")
    assert check_response(Expected(("2xx",), format="boolean", boolean=True), true) is None
    reason = check_response(Expected(("2xx",), format="boolean", boolean=False), true)
    assert reason == "expected the answer false, got true"
    xml = '<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>false</boolean></sparql>'
    assert check_response(Expected(("200",), boolean=False), answer(200, xml, "application/sparql-results+xml")) is None
    table = answer(200, '{"head": {"vars": []}, "results": {"bindings": []}}', "application/sparql-results+json")
    reason = check_response(Expected(("2xx",), format="boolean", boolean=True), table)
    assert reason == "expected boolean results, got tabular results"


def test_result_formats() -> None:
    assert check_response(Expected(("2xx",), format="tabular"), answer(200, "value\r\n1\r\n", "text/csv")) is None
    assert check_response(Expected(("2xx",), format="RDF"), answer(200, "<s:a> <s:b> <s:c> .", TURTLE)) is None
    quads = answer(200, "<s:a> <s:b> <s:c> .\n", "application/n-quads")
    assert "got Content-Type 'application/n-quads'" in (check_response(Expected(("2xx",), format="RDF"), quads) or "")
    broken = check_response(Expected(("2xx",), format="RDF"), answer(200, "<s:a> <s:b> .", "text/turtle"))
    assert broken is not None and "does not read" in broken


def test_graphs_equal_up_to_blank_node_names() -> None:
    expected = Expected(("200",), headers=(("content-type", TURTLE),), body=FOAF + '[] foaf:name "Alice" .')
    assert check_response(expected, answer(200, FOAF + '_:x foaf:name "Alice" .', "text/turtle")) is None
    reason = check_response(expected, answer(200, FOAF + '_:x foaf:name "Alicia" .', "text/turtle"))
    assert reason is not None and '"Alice"' in reason and '"Alicia"' in reason
    reason = check_response(expected, answer(200, '_:x <http://xmlns.com/foaf/0.1/name> "Alice" .', "text/plain"))
    assert reason is not None and reason.startswith(f"expected content-type: {TURTLE}, got 'text/plain'")


def test_tests_that_do_not_apply_send_nothing() -> None:
    put = Request("PUT", "/gsp/person/1.ttl", Expected(("201",)), body=FOAF)
    direct = Case("gsp", "direct", "", "GraphStoreProtocolTest", (put,), requires=frozenset({DIRECT_IDENTIFICATION}))
    lacking = Target("nowhere", "http://127.0.0.1:9", lacks={DIRECT_IDENTIFICATION: "no"})
    assert run_case(direct, lacking).outcome is Outcome.NOT_APPLICABLE
    deprecated = Case("old", "put", "", "GraphStoreProtocolTest", approval="Deprecated")
    assert (
        run_case(deprecated, NOWHERE).reason
        == "dawgt:Deprecated by the W3C; its requests are only prose in rdfs:comment"
    )
    assert run_case(direct, NOWHERE).reason.startswith("no HTTP answer: ConnectError")


def test_failure_table_keys() -> None:
    results = {
        "token": [
            Result("s/a", Outcome.FAILED, "r"),
            Result("s/b", Outcome.FAILED, "x"),
            Result("s/c", Outcome.FAILED, "y"),
        ],
        "no-token": [
            Result("s/a", Outcome.FAILED, "r"),
            Result("s/b", Outcome.PASSED),
            Result("s/c", Outcome.NOT_APPLICABLE),
        ],
    }
    table = failure_table(results)
    assert table == {"s/a": "r", "token:s/b": "x", "s/c": "y"}
    assert known_failure(table, "no-token", "s/a") == "r" and known_failure(table, "no-token", "s/b") is None
    long = {"token:s/b": "a reason " * 30}
    source = known_failures_source(long)
    namespace: dict[str, object] = {}
    exec(source, namespace)
    assert namespace["KNOWN_FAILURES"] == long and max(map(len, source.splitlines())) <= 120
