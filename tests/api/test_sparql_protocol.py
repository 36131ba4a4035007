"""The SPARQL 1.1 Protocol at /sparql, on the real app in this process (tests/api/conftest.py):
every answer is read back with a real parser and compared with the others. The same queries
through real clients (SPARQLWrapper, rdflib's SPARQLStore) to a real server are in
tests/e2e/test_sparql_clients.py."""

from __future__ import annotations

from typing import Any

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from tests.answers import BASE_IRI, assert_problem
from tests.protocol import (
    CONSTRUCT,
    COUNT_QUERY,
    GRAPH_2022,
    GRAPH_FUZHOU,
    GRAPHS_QUERY,
    INSERT,
    OFFICE,
    OFFICE_LABEL,
    RDFLIB_FORMATS,
    RESULT_FORMATS,
    SD,
    SELECT,
    SKOS_PREF,
    Row,
    csv_values,
    expected_construct,
    expected_rows,
    graph_of,
    solutions,
    values_of,
)


@pytest.fixture(scope="module")
def expected(client: httpx.Client) -> list[Row]:
    """The SELECT's rows as the default answer (GET, no Accept) gives them."""
    return expected_rows(client)


@pytest.fixture(scope="module")
def expected_graph(client: httpx.Client) -> Graph:
    return expected_construct(client)


# --- the three ways to send a query, all result formats -----------------------------------------


def send(client: httpx.Client, way: str, query: str, accept: str, content_type: str = "application/sparql-query"):
    """*query* sent the protocol's *way*: ``get``, ``post-form`` or ``post-query`` (with *content_type*)."""
    headers = {"Accept": accept}
    if way == "get":
        return client.get("/sparql", params={"query": query}, headers=headers)
    if way == "post-form":
        return client.post("/sparql", data={"query": query}, headers=headers)
    return client.post("/sparql", content=query.encode(), headers={**headers, "Content-Type": content_type})


@pytest.mark.parametrize("media", list(RESULT_FORMATS))
@pytest.mark.parametrize("way", ["get", "post-form", "post-query"])
def test_select_by_every_way_in_every_format(client: httpx.Client, expected: list[Row], way: str, media: str) -> None:
    response = send(client, way, SELECT, media)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    assert "Accept" in response.headers["vary"]
    assert solutions(response.content, RESULT_FORMATS[media]) == expected


@pytest.mark.parametrize("way", ["get", "post-form", "post-query"])
def test_select_as_csv(client: httpx.Client, expected: list[Row], way: str) -> None:
    response = send(client, way, SELECT, "text/csv", "application/sparql-query; charset=utf-8")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert csv_values(response.content) == values_of(expected)


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("*/*", "application/sparql-results+json"),
        ("", "application/sparql-results+json"),
        ("application/sparql-results+json; charset=utf-8", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("application/sparql-results+xml;charset=UTF-8", "application/sparql-results+xml"),
        ("text/tab-separated-values; charset=utf-8", "text/tab-separated-values"),
        ("text/csv;q=0.1, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("image/png, text/tab-separated-values;q=0.5", "text/tab-separated-values"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
    ],
)
def test_content_negotiation_tolerates_real_accept_headers(
    client: httpx.Client, expected: list[Row], accept: str, media: str
) -> None:
    response = client.get("/sparql", params={"query": SELECT}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    assert solutions(response.content, RESULT_FORMATS[media]) == expected


def test_nothing_acceptable_is_406(client: httpx.Client) -> None:
    assert_problem(client.get("/sparql", params={"query": SELECT}, headers={"Accept": "image/png"}), 406)
    assert_problem(client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/csv"}), 406)


@pytest.mark.parametrize("answer", [True, False])
@pytest.mark.parametrize("media", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_ask(client: httpx.Client, media: str, answer: bool) -> None:
    query = f"ASK {{ <{OFFICE}> ?p ?o }}" if answer else "ASK { <urn:e2e:nothing> ?p ?o }"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": media})
    assert response.status_code == 200
    assert bool(ox.parse_query_results(response.content, format=RESULT_FORMATS[media])) is answer


@pytest.mark.parametrize("media", list(RDFLIB_FORMATS))
@pytest.mark.parametrize("way", ["get", "post-form", "post-query"])
def test_construct_in_every_rdf_format(client: httpx.Client, expected_graph: Graph, way: str, media: str) -> None:
    response = send(client, way, CONSTRUCT, media)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    assert isomorphic(graph_of(response.content, RDFLIB_FORMATS[media]), expected_graph)


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [("*/*", "turtle"), ("text/turtle; charset=utf-8", "turtle"), ("application/ld+json", "json-ld")],
)
def test_describe(client: httpx.Client, accept: str, rdflib_format: str) -> None:
    response = client.get("/sparql", params={"query": f"DESCRIBE <{OFFICE}>"}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    graph = graph_of(response.content, rdflib_format)
    assert (URIRef(OFFICE), SKOS_PREF, Literal(OFFICE_LABEL, lang="zh")) in graph
    assert set(graph.subjects()) == {URIRef(OFFICE)}


# --- the protocol dataset ----------------------------------------------------------------------


def count(client: httpx.Client, query: str, params: dict[str, Any] | None = None, **graphs: list[str]) -> int:
    response = client.get("/sparql", params={"query": query, **graphs})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def graph_names(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [b["g"]["value"] for b in response.json()["results"]["bindings"]]


def test_the_default_graph_is_the_union_of_the_graphs(client: httpx.Client) -> None:
    in_graphs = count(client, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert count(client, COUNT_QUERY) == in_graphs > 10_000
    names = graph_names(client.get("/sparql", params={"query": GRAPHS_QUERY}))
    assert len(names) == 9 and BASE_IRI + "entities" in names  # the eight documents and the entities graph


def test_default_graph_uri(client: httpx.Client) -> None:
    only_2022 = count(client, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_2022}> {{ ?s ?p ?o }} }}")
    only_fuzhou = count(client, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_FUZHOU}> {{ ?s ?p ?o }} }}")
    assert count(client, COUNT_QUERY, **{"default-graph-uri": [GRAPH_2022]}) == only_2022
    both = {"default-graph-uri": [GRAPH_2022, GRAPH_FUZHOU]}
    assert count(client, COUNT_QUERY, **both) == only_2022 + only_fuzhou
    # by POST form and, for a direct POST, in the URL
    response = client.post("/sparql", data={"query": COUNT_QUERY, **both})
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == only_2022 + only_fuzhou
    response = client.post(
        "/sparql", params=both, content=COUNT_QUERY, headers={"Content-Type": "application/sparql-query"}
    )
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == only_2022 + only_fuzhou


def test_named_graph_uri(client: httpx.Client) -> None:
    named = {"named-graph-uri": [GRAPH_FUZHOU, GRAPH_2022]}
    assert graph_names(client.get("/sparql", params={"query": GRAPHS_QUERY, **named})) == [GRAPH_2022, GRAPH_FUZHOU]
    assert graph_names(client.post("/sparql", data={"query": GRAPHS_QUERY, **named})) == [GRAPH_2022, GRAPH_FUZHOU]
    response = client.post(
        "/sparql", params=named, content=GRAPHS_QUERY, headers={"Content-Type": "application/sparql-query"}
    )
    assert graph_names(response) == [GRAPH_2022, GRAPH_FUZHOU]
    # a dataset given by the protocol is only those graphs: no default graph here, no named graphs there
    assert count(client, COUNT_QUERY, **named) == 0
    only_default = {"default-graph-uri": [GRAPH_2022]}
    assert graph_names(client.get("/sparql", params={"query": GRAPHS_QUERY, **only_default})) == []


def test_a_graph_uri_that_is_no_iri_is_400(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": COUNT_QUERY, "default-graph-uri": "not an iri"})
    assert_problem(response, 400)


# --- errors: malformed, SERVICE, updates, bodies -----------------------------------------------


def parser_message(query: str) -> str:
    with pytest.raises(SyntaxError) as raised:
        ox.Store().query(query)
    return str(raised.value)


@pytest.mark.parametrize(
    "query",
    ["SELECT ?s WHERE { ?s ?p }", "SELEC * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o", "PREFIX x <a> ASK {}"],
)
def test_a_malformed_query_is_400_with_the_parsers_message(client: httpx.Client, query: str) -> None:
    message = parser_message(query)
    for response in (
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", data={"query": query}),
        client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"}),
    ):
        body = assert_problem(response, 400)
        assert body["title"] == "Malformed query"
        assert body["detail"] == message


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        'SELECT * WHERE { ?s ?p ?a FILTER(?a<"x>") SERVICE <http://127.0.0.1:9/sparql> { ?x ?y "z" } }',
        "SELECT * WHERE { ?s ?p ?o # a comment ended by CR\rSERVICE <http://127.0.0.1:9/sparql> { ?x ?y ?z } }",
    ],
)
def test_service_is_refused(client: httpx.Client, query: str) -> None:
    for response in (
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", data={"query": query}),
        client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"}),
    ):
        assert "SERVICE" in assert_problem(response, 403)["detail"]


def test_the_word_service_elsewhere_is_no_service(client: httpx.Client) -> None:
    query = 'SELECT ?service WHERE { BIND ("SERVICE <http://127.0.0.1:9/>" AS ?service) } # SERVICE'
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"][0]["service"]["value"] == "SERVICE <http://127.0.0.1:9/>"


def test_updates_are_off_by_default(client: httpx.Client) -> None:
    assert_problem(client.post("/sparql", data={"update": INSERT}), 403)
    assert_problem(client.post("/sparql", content=INSERT, headers={"Content-Type": "application/sparql-update"}), 403)
    # with a token the server never set, still off
    headers = {"Content-Type": "application/sparql-update", "Authorization": "Bearer anything"}
    assert_problem(client.post("/sparql", content=INSERT, headers=headers), 403)
    assert_problem(client.get("/sparql", params={"update": INSERT}), 405)
    # an update sent as a query is no query
    assert_problem(client.get("/sparql", params={"query": INSERT}), 400)
    assert_problem(client.post("/sparql", data={"query": INSERT}), 400)
    response = client.get("/sparql", params={"query": "ASK { GRAPH ?g { <urn:e2e:s> ?p ?o } }"})
    assert response.json()["boolean"] is False


def test_bodies_the_endpoint_cannot_read(client: httpx.Client) -> None:
    assert_problem(client.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"}), 415)
    assert_problem(client.post("/sparql", data={"nothing": "here"}), 400)


# --- service description, the editor, static files ---------------------------------------------


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        (None, "turtle"),
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "nt"),
    ],
)
def test_service_description(client: httpx.Client, accept: str | None, rdflib_format: str) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", headers=headers)
    assert response.status_code == 200
    graph = graph_of(response.content, rdflib_format)
    service = URIRef(str(client.base_url.join("/sparql")))  # the endpoint as the request named it
    assert (service, RDF.type, SD.Service) in graph
    assert (service, SD.endpoint, service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) not in graph
    formats = {str(f).rsplit("/", 1)[-1] for f in graph.objects(service, SD.resultFormat)}
    assert {
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
        "TriG",
        "N-Quads",
    } <= formats


def test_a_browser_gets_the_editor_and_its_files_from_this_server(client: httpx.Client) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = client.get("/sparql", headers={"Accept": accept})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<script src="/static/sparql.js">' in page.text and 'href="/static/style.css"' in page.text
    assert "<textarea" in page.text
    for tag in ("<script", "<link"):  # nothing is fetched from elsewhere
        for piece in page.text.split(tag)[1:]:
            assert "http://" not in piece.split(">")[0] and "https://" not in piece.split(">")[0]
    script = client.get("/static/sparql.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert "/sparql" in script.text
    style = client.get("/static/style.css")
    assert style.status_code == 200 and style.headers["content-type"].startswith("text/css")
    assert client.get("/static/index.html").status_code == 200
    home = client.get("/", follow_redirects=False)
    assert home.status_code in (302, 307) and home.headers["location"] == "/static/index.html"


# --- CORS -------------------------------------------------------------------------------------


def test_cors_is_off_by_default(client: httpx.Client) -> None:
    origin = {"Origin": "https://analyst.example.org"}
    assert (
        "access-control-allow-origin" not in client.get("/sparql", params={"query": "ASK {}"}, headers=origin).headers
    )
    assert "access-control-allow-origin" not in client.get("/api/documents", headers=origin).headers


def test_cors_allows_reads_from_any_origin_when_configured(cors_client: httpx.Client) -> None:
    client = cors_client
    origin = {"Origin": "https://analyst.example.org"}
    response = client.get("/sparql", params={"query": "ASK {}"}, headers=origin)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert client.get("/api/documents", headers=origin).headers["access-control-allow-origin"] == "*"
    preflight = client.options(
        "/sparql",
        headers={**origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    allowed = {m.strip() for m in preflight.headers["access-control-allow-methods"].split(",")}
    assert {"GET", "POST"} <= allowed and not {"PUT", "DELETE"} & allowed
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()
    # writes are not offered to other origins on a read-only server
    put = client.options("/store", headers={**origin, "Access-Control-Request-Method": "PUT"})
    assert put.status_code == 400
