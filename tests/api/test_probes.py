"""Defects an outside probe found, each answered as a client sees it: odd ids, multipart forms,
FROM in a query, the OpenAPI description of errors, and methods no route serves."""

from __future__ import annotations

import httpx
import pytest

from tests.answers import assert_problem

ODD_IDS = ["%25", "a%C2%86", "%25zz", "a%3Eb", "%00"]
ID_ROUTES = [
    "/api/entities/{id}",
    "/api/entities/{id}/neighbourhood",
    "/api/agencies/{id}/initiatives",
    "/api/agencies/{id}/platforms",
    "/api/platforms/{id}/agencies",
    "/api/documents/{id}",
]


@pytest.mark.parametrize("route", ID_ROUTES)
def test_ids_no_iri_can_hold_are_not_found(client: httpx.Client, route: str) -> None:
    for odd in ODD_IDS:
        assert_problem(client.get(route.replace("{id}", odd)), 404)


def test_a_multipart_form_is_read(client: httpx.Client) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/policykg/ontology#PolicyDocument> }"
    response = client.post("/sparql", files={"query": (None, query)}, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text
    assert response.text.split() == ["n", "8"]
    as_file = client.post("/sparql", files={"query": ("q.rq", query.encode())}, headers={"Accept": "text/csv"})
    assert as_file.status_code == 200 and as_file.text.split() == ["n", "8"]


def test_from_in_a_query_names_its_dataset(client: httpx.Client) -> None:
    graph = "https://w3id.org/policykg/id/entities"

    def count(query: str) -> int:
        answer = client.get("/sparql", params={"query": query}, headers={"Accept": "text/csv"})
        assert answer.status_code == 200, answer.text
        return int(answer.text.split()[1])

    everything = count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    in_graph = count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert 0 < in_graph < everything
    assert count(f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}") == in_graph
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{graph}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert count(named) == in_graph


def test_the_openapi_document_describes_the_errors_as_problem_details(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    expected = {
        ("/sparql", "get"): {"400", "403", "406", "503"},
        ("/sparql", "post"): {"400", "401", "403", "413", "415", "503"},
        ("/store", "get"): {"404", "406", "503"},
        ("/store", "put"): {"201", "400", "401", "403", "413", "415"},
        ("/store", "delete"): {"401", "403", "404"},
        ("/api/entities/{entity_id}", "get"): {"404", "422", "503"},
        ("/api/agencies/{agency_id}/initiatives", "get"): {"404", "503"},
        ("/api/documents/{document_id}", "get"): {"404", "503"},
    }
    for (path, method), statuses in expected.items():
        responses = paths[path][method]["responses"]
        assert statuses <= set(responses), (path, method, sorted(responses))
        for status in statuses - {"201"}:
            assert list(responses[status]["content"]) == ["application/problem+json"], (path, method, status)


def test_a_method_no_route_serves_names_the_allowed_ones(client: httpx.Client) -> None:
    for path, allowed in [("/sparql", {"GET", "POST"}), ("/store", {"GET", "PUT", "POST", "DELETE"})]:
        response = client.request("TRACE", path)
        assert_problem(response, 405)
        assert allowed <= {m.strip() for m in response.headers["allow"].split(",")}, response.headers


def test_a_body_in_another_charset_is_refused_not_misread(client: httpx.Client) -> None:
    query = 'SELECT ?e WHERE { ?e <http://www.w3.org/2004/02/skos/core#altLabel> ?l FILTER (STR(?l) = "数字办") }'
    utf8 = {"Content-Type": "application/sparql-query; charset=UTF-8", "Accept": "text/csv"}
    answer = client.post("/sparql", content=query.encode(), headers=utf8)
    assert answer.status_code == 200 and len(answer.text.split()) > 1, answer.text
    for charset in ("GB18030", "utf-16"):
        declared = {"Content-Type": f"application/sparql-query; charset={charset}"}
        body = assert_problem(client.post("/sparql", content=query.encode(charset), headers=declared), 415)
        assert charset in body["detail"] and "UTF-8" in body["detail"]
    plain = {"Content-Type": "application/sparql-query"}
    assert_problem(client.post("/sparql", content=query.encode("gb18030"), headers=plain), 400)


def test_requests_that_say_two_things_or_nothing_are_refused(client: httpx.Client) -> None:
    assert_problem(client.get("/sparql", params=[("query", "ASK {}"), ("query", "SELECT * {}")]), 400)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert_problem(client.post("/sparql", content="query=ASK%20%7B%7D&query=ASK%20%7B%7D", headers=form), 400)
    bare = client.build_request("POST", "/sparql", content=b"query=ASK%20%7B%7D")
    assert "content-type" not in bare.headers
    assert_problem(client.send(bare), 415)


def test_relative_iris_resolve_against_the_endpoint(client: httpx.Client) -> None:
    answer = client.get(
        "/sparql",
        params={"query": "CONSTRUCT { <s> <p> <o> } WHERE {}"},
        headers={"Accept": "application/n-triples"},
    )
    assert answer.status_code == 200, answer.text
    endpoint = str(client.base_url).rstrip("/") + "/"
    assert answer.text.strip() == f"<{endpoint}s> <{endpoint}p> <{endpoint}o> ."
