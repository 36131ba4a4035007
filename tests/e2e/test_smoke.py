"""A real ``policykg serve`` (uvicorn in a process of its own) answering a real HTTP client over
a real socket: a few representative requests of each part of the service, SPARQL queries, the
Graph Store, the analysts' API, the pages and, on a server that takes them, writes. The service
request by request is tested on the app in this process (tests/api); this is the check that the
process serves it the same way."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from tests.answers import BASE_IRI, UPDATE_TOKEN, assert_problem
from tests.e2e.conftest import Server
from tests.protocol import (
    CONSTRUCT,
    GRAPH_2022,
    OFFICE,
    OFFICE_LABEL,
    SELECT,
    SKOS_PREF,
    csv_values,
    expected_rows,
    solutions,
    values_of,
)

AUTHORIZED = {"Authorization": f"Bearer {UPDATE_TOKEN}"}


def test_a_select_answers_alike_by_every_way_of_the_protocol(client: httpx.Client) -> None:
    expected = expected_rows(client)
    for response in (
        client.get("/sparql", params={"query": SELECT}, headers={"Accept": "application/sparql-results+xml"}),
        client.post("/sparql", data={"query": SELECT}, headers={"Accept": "application/sparql-results+xml"}),
        client.post(
            "/sparql",
            content=SELECT.encode(),
            headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+xml"},
        ),
    ):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/sparql-results+xml")
        assert "Accept" in response.headers["vary"]
        assert solutions(response.content, ox.QueryResultsFormat.XML) == expected
    as_csv = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert csv_values(as_csv.content) == values_of(expected)


def test_a_construct_and_a_describe_in_turtle(client: httpx.Client) -> None:
    construct = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/turtle"})
    assert construct.status_code == 200 and construct.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=construct.content, format="turtle")) == 15
    describe = client.get("/sparql", params={"query": f"DESCRIBE <{OFFICE}>"}, headers={"Accept": "text/turtle"})
    assert describe.status_code == 200
    graph = Graph().parse(data=describe.content, format="turtle")
    assert (URIRef(OFFICE), SKOS_PREF, Literal(OFFICE_LABEL, lang="zh")) in graph


def test_errors_are_problem_details(client: httpx.Client) -> None:
    assert_problem(client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p }"}), 400)
    assert_problem(
        client.get("/sparql", params={"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}), 403
    )
    assert_problem(client.post("/sparql", data={"update": "CLEAR ALL"}), 403)  # read-only
    assert_problem(client.get("/api/nothing"), 404)
    assert_problem(client.get("/store", params={"graph": "urn:e2e:none"}), 404)


def test_the_graph_store_reads_a_graph_and_the_dataset(client: httpx.Client) -> None:
    one = client.get("/store", params={"graph": GRAPH_2022}, headers={"Accept": "application/n-triples"})
    assert one.status_code == 200 and one.headers["content-type"].startswith("application/n-triples")
    assert len(Graph().parse(data=one.content, format="nt")) > 100
    everything = client.get("/store", headers={"Accept": "application/n-quads"})
    assert everything.status_code == 200
    quads = list(ox.parse(everything.content, format=ox.RdfFormat.N_QUADS))
    count = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert len(quads) == int(count.json()["results"]["bindings"][0]["n"]["value"]) > 10_000


def test_the_analysts_api(client: httpx.Client) -> None:
    documents = client.get("/api/documents")
    assert documents.status_code == 200 and len(documents.json()) == 8
    hits = client.get("/api/entities", params={"q": "省数字福建办"}).json()
    assert [hit["id"] for hit in hits] == [OFFICE.removeprefix(BASE_IRI)]
    entity = client.get(f"/api/entities/{hits[0]['id']}").json()
    assert entity["label"] == OFFICE_LABEL and entity["jurisdiction"]["label"] == "福建省"
    neighbourhood = client.get(f"/api/entities/{hits[0]['id']}/neighbourhood", params={"format": "cytoscape"})
    assert neighbourhood.status_code == 200 and neighbourhood.json()["elements"]["nodes"]
    pairs = client.get("/api/analytics/shared-initiatives", params={"limit": 3}).json()
    assert len(pairs) == 3 and pairs[0]["shared"] >= pairs[-1]["shared"] > 0
    assert_problem(client.get("/api/entities", params={"q": ""}), 422)


def test_the_pages_and_the_schema(client: httpx.Client) -> None:
    home = client.get("/", follow_redirects=False)
    assert home.status_code in (302, 307) and home.headers["location"] == "/static/index.html"
    page = client.get("/static/index.html")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert (
        page.headers["x-content-type-options"] == "nosniff" and "script-src" in page.headers["content-security-policy"]
    )
    assert "/api/entities" in client.get("/openapi.json").json()["paths"]


@pytest.fixture(scope="module")
def writer(write_server: Server):
    with write_server.client() as opened:
        yield opened


def test_writes_with_the_token(writer: httpx.Client) -> None:
    target = {"graph": "urn:e2e:smoke"}
    turtle = '<urn:e2e:smoke> <urn:e2e:label> "冒烟"@zh .'
    assert_problem(writer.put("/store", params=target, content=turtle, headers={"Content-Type": "text/turtle"}), 401)
    put = writer.put("/store", params=target, content=turtle, headers={"Content-Type": "text/turtle", **AUTHORIZED})
    assert put.status_code == 201, put.text
    update = "INSERT DATA { GRAPH <urn:e2e:smoke> { <urn:e2e:smoke> <urn:e2e:n> 2 } }"
    headers = {"Content-Type": "application/sparql-update", **AUTHORIZED}
    assert writer.post("/sparql", content=update, headers=headers).status_code == 204
    read = writer.get("/store", params=target, headers={"Accept": "application/n-triples"})
    assert len(Graph().parse(data=read.content, format="nt")) == 2
    assert writer.delete("/store", params=target, headers=AUTHORIZED).status_code == 204
    assert_problem(writer.get("/store", params=target), 404)
