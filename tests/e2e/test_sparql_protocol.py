"""The SPARQL 1.1 Protocol at /sparql on a real server, through real clients (httpx, SPARQLWrapper,
rdflib's SPARQLStore); every answer is read back with a real parser and compared with the others."""

from __future__ import annotations

import io
import json
import urllib.error
import warnings
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from tests.e2e.conftest import BASE_IRI, Server, assert_problem

# SPARQLWrapper builds an rdflib ConjunctiveGraph for RDF/XML and JSON-LD answers, which rdflib 7 deprecates.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SKOS_PREF = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
OFFICE = BASE_IRI + "agency/350000/digital-office"
OFFICE_LABEL = "福建省数字福建建设领导小组办公室"
GRAPH_2022 = BASE_IRI + "graph/fujian_2022_digital.txt"
GRAPH_FUZHOU = BASE_IRI + "graph/fuzhou_2025_digital.txt"
PREFIXES = """PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# An IRI, a language-tagged literal, a typed literal and a variable never bound, in a fixed order.
SELECT = (
    PREFIXES
    + """SELECT DISTINCT ?agency ?label ?tasks ?none WHERE {
  { SELECT ?agency (COUNT(DISTINCT ?t) AS ?tasks) WHERE { ?agency a pkg:Agency ; pkg:responsibleFor ?t }
    GROUP BY ?agency }
  ?agency skos:prefLabel ?label .
  OPTIONAL { ?agency <urn:e2e:nothing> ?none }
} ORDER BY DESC(?tasks) ?agency LIMIT 8"""
)
VARIABLES = ["agency", "label", "tasks", "none"]
CONSTRUCT = (
    PREFIXES
    + """CONSTRUCT { ?agency skos:prefLabel ?label ; <urn:e2e:tasks> ?tasks ; pkg:jurisdiction ?j } WHERE {
  { SELECT ?agency (COUNT(DISTINCT ?t) AS ?tasks) WHERE { ?agency a pkg:Agency ; pkg:responsibleFor ?t }
    GROUP BY ?agency ORDER BY DESC(?tasks) ?agency LIMIT 5 }
  ?agency skos:prefLabel ?label ; pkg:jurisdiction ?j .
}"""
)
RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
RDFLIB_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}

Row = tuple[str | None, ...]


def solutions(data: bytes, results_format: Any) -> list[Row]:
    """Rows as N-Triples terms (None when unbound), read by pyoxigraph's results parser."""
    parsed = ox.parse_query_results(data, format=results_format)
    assert [v.value for v in parsed.variables] == VARIABLES
    return [tuple(None if row[v] is None else str(row[v]) for v in VARIABLES) for row in parsed]


def csv_values(data: bytes) -> list[Row]:
    """Rows as values (CSV keeps no language or datatype), read by rdflib's CSV results parser."""
    parsed = Result.parse(io.BytesIO(data), format="csv")
    assert [str(v) for v in parsed.vars] == VARIABLES
    return [tuple(None if row[v] is None else str(row[v]) for v in VARIABLES) for row in parsed]


def graph_of(data: bytes, rdflib_format: str) -> Graph:
    """The triples of an RDF answer, read by rdflib; datasets must hold them in the default graph."""
    if rdflib_format in ("trig", "nquads"):
        dataset = Dataset()
        dataset.parse(data=data, format=rdflib_format)
        assert {str(g.identifier) for g in dataset.graphs() if len(g)} <= {str(dataset.default_graph.identifier)}
        graph = Graph()
        for triple in dataset.default_graph:
            graph.add(triple)
        return graph
    return Graph().parse(data=data, format=rdflib_format)


@pytest.fixture(scope="module")
def expected(client: httpx.Client) -> list[Row]:
    """The SELECT's rows as the default answer (GET, no Accept) gives them."""
    response = client.get("/sparql", params={"query": SELECT})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/sparql-results+json"
    rows = solutions(response.content, ox.QueryResultsFormat.JSON)
    assert len(rows) == 8
    assert all(row[0].startswith("<" + BASE_IRI) for row in rows)
    assert all(row[1].endswith("@zh") for row in rows)
    assert all(row[2].endswith("^^<http://www.w3.org/2001/XMLSchema#integer>") for row in rows)
    assert all(row[3] is None for row in rows)
    return rows


@pytest.fixture(scope="module")
def expected_graph(client: httpx.Client) -> Graph:
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"})
    assert response.status_code == 200, response.text
    graph = graph_of(response.content, "nt")
    assert len(graph) == 15
    assert any(isinstance(o, Literal) and o.datatype for o in graph.objects())
    return graph


def values_of(rows: list[Row]) -> list[Row]:
    return [tuple(None if term is None else str(ox_term(term).value) for term in row) for row in rows]


def ox_term(ntriples: str) -> Any:
    """A term back from its N-Triples form."""
    quad = next(iter(ox.parse(f"<urn:s> <urn:p> {ntriples} .", format=ox.RdfFormat.N_TRIPLES)))
    return quad.object


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

GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


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


# --- SPARQLWrapper: every format it asks for, every way it sends ----------------------------------

WAYS = [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)]


def wrapper(server: Server, query: str, fmt: str, method: str, request_method: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.sparql)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    sparql.setRequestMethod(request_method)
    sparql.setTimeout(20)
    return sparql


@pytest.mark.parametrize(("method", "request_method"), WAYS)
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select(server: Server, expected: list[Row], fmt: str, method: str, request_method: str) -> None:
    converted = wrapper(server, SELECT, fmt, method, request_method).query().convert()
    if fmt == JSON:  # a dict from json.loads
        rows = solutions(json.dumps(converted).encode(), ox.QueryResultsFormat.JSON)
    elif fmt == XML:  # a DOM from xml.dom.minidom
        rows = solutions(converted.toxml(encoding="utf-8"), ox.QueryResultsFormat.XML)
    elif fmt == TSV:  # bytes
        rows = solutions(converted, ox.QueryResultsFormat.TSV)
    else:
        assert csv_values(converted) == values_of(expected)
        return
    assert rows == expected


@pytest.mark.parametrize(("method", "request_method"), WAYS)
@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_ask(server: Server, fmt: str, method: str, request_method: str) -> None:
    converted = wrapper(server, f"ASK {{ <{OFFICE}> ?p ?o }}", fmt, method, request_method).query().convert()
    if fmt == JSON:
        assert converted["boolean"] is True
    else:
        assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.parametrize(("method", "request_method"), WAYS)
@pytest.mark.parametrize("fmt", [TURTLE, N3, XML, RDFXML, JSONLD, JSON])
def test_sparqlwrapper_construct(
    server: Server, expected_graph: Graph, fmt: str, method: str, request_method: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # JSON for a CONSTRUCT: SPARQLWrapper sends */* and warns
        converted = wrapper(server, CONSTRUCT, fmt, method, request_method).query().convert()
    graph = Graph().parse(data=converted, format="turtle") if fmt in (TURTLE, N3) else converted
    assert isomorphic(graph, expected_graph)


@pytest.mark.parametrize("fmt", [TURTLE, JSONLD, RDFXML])
def test_sparqlwrapper_describe(server: Server, fmt: str) -> None:
    converted = wrapper(server, f"DESCRIBE <{OFFICE}>", fmt, GET, URLENCODED).query().convert()
    graph = Graph().parse(data=converted, format="turtle") if fmt == TURTLE else converted
    assert (URIRef(OFFICE), SKOS_PREF, Literal(OFFICE_LABEL, lang="zh")) in graph


def test_sparqlwrapper_only_conneg_and_the_dataset(server: Server) -> None:
    sparql = wrapper(server, GRAPHS_QUERY, JSON, GET, URLENCODED)
    sparql.setOnlyConneg(True)
    sparql.addNamedGraph(GRAPH_2022)
    bindings = sparql.query().convert()["results"]["bindings"]
    assert [b["g"]["value"] for b in bindings] == [GRAPH_2022]


def test_sparqlwrapper_sees_a_malformed_query_as_bad_formed(server: Server) -> None:
    with pytest.raises(QueryBadFormed, match="Malformed query"):
        wrapper(server, "SELECT ?s WHERE { ?s ?p }", JSON, GET, URLENCODED).query()


# --- rdflib's SPARQLStore ----------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("return_format", ["json", "xml", "csv", "tsv"])
def test_rdflib_sparqlstore_select(server: Server, expected: list[Row], return_format: str, method: str) -> None:
    store = SPARQLStore(server.sparql, returnFormat=return_format, method=method, timeout=20)
    rows = [tuple(None if term is None else term.n3() for term in row) for row in Graph(store=store).query(SELECT)]
    if return_format == "csv":
        assert [tuple(None if t is None else str(ox_term(t).value) for t in row) for row in rows] == values_of(expected)
    else:
        assert rows == [tuple(None if term is None else rdflib_n3(term) for term in row) for row in expected]


def rdflib_n3(ntriples: str) -> str:
    """rdflib's n3() of a term: plain literals carry no xsd:string."""
    return ntriples.removesuffix("^^<http://www.w3.org/2001/XMLSchema#string>")


def test_rdflib_sparqlstore_ask_construct_and_triples(server: Server, expected_graph: Graph) -> None:
    graph = Graph(store=SPARQLStore(server.sparql, timeout=20))
    assert graph.query(f"ASK {{ <{OFFICE}> ?p ?o }}").askAnswer is True
    assert isomorphic(graph.query(CONSTRUCT).graph, expected_graph)
    labels = set(graph.objects(URIRef(OFFICE), SKOS_PREF))
    assert labels == {Literal(OFFICE_LABEL, lang="zh")}
    assert (URIRef(OFFICE), RDF.type, URIRef("https://w3id.org/policykg/ontology#Agency")) in graph


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


INSERT = "INSERT DATA { GRAPH <urn:e2e:g> { <urn:e2e:s> <urn:e2e:p> <urn:e2e:o> } }"


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


def test_sparqlwrapper_update_is_refused(server: Server) -> None:
    sparql = SPARQLWrapper(server.sparql)
    sparql.setMethod(POST)
    sparql.setQuery(INSERT)
    sparql.setTimeout(20)
    with pytest.raises(urllib.error.HTTPError) as raised:
        sparql.query()
    assert raised.value.code == 403


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
def test_service_description(server: Server, accept: str | None, rdflib_format: str) -> None:
    headers = {"Accept": accept} if accept else {}
    response = httpx.get(server.sparql, headers=headers, timeout=20)
    assert response.status_code == 200
    graph = graph_of(response.content, rdflib_format)
    service = URIRef(server.sparql)
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


def test_cors_allows_reads_from_any_origin_when_configured(slow_server: Server) -> None:
    client = slow_server.client()
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
