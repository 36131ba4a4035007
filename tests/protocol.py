"""The queries the SPARQL Protocol tests send, in this process (tests/api/test_sparql_protocol.py)
and through real clients to a real server (tests/e2e/test_sparql_clients.py), and the parsers
that read each answer back: every answer is read by a real parser and compared with the others."""

from __future__ import annotations

import io
from typing import Any

import httpx
import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.query import Result

from tests.answers import BASE_IRI

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
GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
INSERT = "INSERT DATA { GRAPH <urn:e2e:g> { <urn:e2e:s> <urn:e2e:p> <urn:e2e:o> } }"

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


def expected_rows(client: httpx.Client) -> list[Row]:
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


def expected_construct(client: httpx.Client) -> Graph:
    """The CONSTRUCT's triples, asked for as N-Triples."""
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
