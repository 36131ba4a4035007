"""The SPARQL 1.1 Protocol at /sparql on a real server (``policykg serve``), through the real
clients analysts use: SPARQLWrapper, in every format it asks for and every way it sends, and
rdflib's SPARQLStore. Each answer is compared with what the server's plain answer says; the
protocol itself, request by request, is tests/api/test_sparql_protocol.py's."""

from __future__ import annotations

import json
import urllib.error
import warnings

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF
from rdflib.plugins.stores.sparqlstore import SPARQLStore
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
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, Unauthorized

from tests.answers import UPDATE_TOKEN
from tests.e2e.conftest import Server
from tests.protocol import (
    CONSTRUCT,
    GRAPH_2022,
    GRAPHS_QUERY,
    INSERT,
    OFFICE,
    OFFICE_LABEL,
    SELECT,
    SKOS_PREF,
    Row,
    csv_values,
    expected_construct,
    expected_rows,
    ox_term,
    solutions,
    values_of,
)

# SPARQLWrapper builds an rdflib ConjunctiveGraph for RDF/XML and JSON-LD answers, which rdflib 7 deprecates.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@pytest.fixture(scope="module")
def expected(client: httpx.Client) -> list[Row]:
    """The SELECT's rows as the server's default answer (GET, no Accept) gives them."""
    return expected_rows(client)


@pytest.fixture(scope="module")
def expected_graph(client: httpx.Client) -> Graph:
    return expected_construct(client)


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


# --- updates ---------------------------------------------------------------------------------


def test_sparqlwrapper_update_is_refused(server: Server) -> None:
    sparql = SPARQLWrapper(server.sparql)
    sparql.setMethod(POST)
    sparql.setQuery(INSERT)
    sparql.setTimeout(20)
    with pytest.raises(urllib.error.HTTPError) as raised:
        sparql.query()
    assert raised.value.code == 403


def test_sparqlwrapper_updates_with_a_bearer_token(write_server: Server) -> None:
    def update(token: str | None) -> SPARQLWrapper:
        sparql = SPARQLWrapper(write_server.sparql)
        sparql.setMethod(POST)
        sparql.setTimeout(20)
        sparql.setQuery("INSERT DATA { GRAPH <urn:e2e:wrapper> { <urn:e2e:w> <urn:e2e:p> 42 } }")
        if token:
            sparql.addCustomHttpHeader("Authorization", f"Bearer {token}")
        return sparql

    with pytest.raises(Unauthorized):
        update(None).query()
    with pytest.raises(Unauthorized):
        update("wrong").query()
    assert update(UPDATE_TOKEN).query().response.status == 204
    sparql = SPARQLWrapper(write_server.sparql)
    sparql.setQuery("SELECT ?o WHERE { <urn:e2e:w> <urn:e2e:p> ?o }")
    sparql.setReturnFormat(JSON)
    sparql.setTimeout(20)
    bindings = sparql.query().convert()["results"]["bindings"]
    assert [(b["o"]["value"], b["o"]["datatype"]) for b in bindings] == [
        ("42", "http://www.w3.org/2001/XMLSchema#integer")
    ]
