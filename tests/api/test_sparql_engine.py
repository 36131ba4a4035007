"""The query guard (SERVICE, updates), the limits, and the answers in every format: each is read
back with a real parser (pyoxigraph's, rdflib's) and compared term by term."""

from __future__ import annotations

import io
import json
import time
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from api.sparql_engine import (
    NotAcceptable,
    QueryRefused,
    QueryTooLong,
    ResultTooLarge,
    is_update,
    run_query,
    run_update,
    uses_service,
)

XSD = "http://www.w3.org/2001/XMLSchema#"
PLENTY = 10_000_000


def answer(store: ox.Store, sparql: str, fmt: str = "json", **options: object) -> bytes:
    """The body of *sparql*'s answer in *fmt* (a results format, or a graph format for CONSTRUCT)."""
    settings: dict[str, object] = {"deadline": time.monotonic() + 5, "max_bytes": PLENTY, **options}
    return run_query(store, sparql, formats={"results": fmt, "graph": fmt}, **settings).body  # type: ignore[arg-type]


def parsed_rows(body: bytes) -> list[dict[str, object]]:
    """The rows of a SPARQL JSON answer, read by pyoxigraph, as {variable: term}."""
    parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    names = [v.value for v in parsed.variables]
    return [{name: row[name] for name in names if row[name] is not None} for row in parsed]


# --- SERVICE and updates are found in the code only ---------------------------------------------


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "select * where { service <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE<http://example.org/sparql>{ ?s ?p ?o } }",
        "SELECT * WHERE { ?a ?b ?c .SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:p ?o . SERVICE ex:sparql { ?s ?p ?o } }",
        "SELECT * WHERE {\n  # a comment\n  SERVICE <http://example.org/sparql> { ?s ?p ?o }\n}",
        # text that looks like a string or an IRI to a loose reading, but is not one to the grammar
        'SELECT * WHERE { ?s ?p ?a FILTER(?a<"x>") SERVICE <http://example.org/sparql> { ?x ?y "z" } }',
        "SELECT * WHERE { ?s ?p ?o # a comment ended by CR\rSERVICE <http://example.org/sparql> { ?x ?y ?z } }",
        'SELECT * WHERE { ?s ?p """a\\"""" . SERVICE <http://example.org/sparql> { ?x ?y "z" } }',
        "INSERT { ?s ?p ?o } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    ],
)
def test_a_service_is_found(sparql: str) -> None:
    assert uses_service(sparql)


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { ?s ?p ?o }",
        'SELECT * WHERE { ?s ?p "SERVICE" }',
        "SELECT * WHERE { ?s ?p 'a SERVICE <http://x/> { }' }",
        'SELECT * WHERE { ?s ?p """multi\nline SERVICE <http://x/> { ?a ?b ?c }""" }',
        "SELECT * WHERE { ?s ?p '''SERVICE''' }",
        'SELECT * WHERE { ?s ?p "say \\"SERVICE\\" twice" }',
        "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
        "SELECT * WHERE { <urn:service:x> ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://example.org/sparql>",
        "SELECT ?service WHERE { ?service ?p ?o }",
        "SELECT $service WHERE { $service ?p ?o }",
        "PREFIX service: <urn:s#> SELECT * WHERE { ?s service:name ?o }",
        "PREFIX ex: <urn:ex#> SELECT * WHERE { ?s ex:service ?o ; ex:self-service ?x }",
        'SELECT * WHERE { ?s ?p ?o FILTER(CONTAINS(?o, "SERVICE")) }',
        "SELECT * WHERE { ?s ?p ?o FILTER(?o = '数字办 SERVICE') }",
    ],
)
def test_the_word_in_a_string_iri_comment_or_name_is_no_service(sparql: str) -> None:
    assert not uses_service(sparql)


@pytest.mark.parametrize(
    "sparql",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "insert data { <urn:a> <urn:b> <urn:c> }",
        "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX x: <urn:x#> INSERT DATA { x:a x:b x:c }",
        "PREFIX select: <urn:s#>\nPREFIX ask: <urn:a#>\nDELETE { ?s select:a ?o } WHERE { ?s ask:b ?o }",
        "BASE <http://example.org/> INSERT DATA { <a> <b> <c> }",
        "# SELECT * WHERE { ?s ?p ?o }\nINSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "CREATE GRAPH <urn:g>",
        "DROP SILENT GRAPH <urn:g>",
        "COPY <urn:a> TO <urn:b>",
        "MOVE <urn:a> TO <urn:b>",
        "ADD <urn:a> TO <urn:b>",
    ],
)
def test_an_update_is_found(sparql: str) -> None:
    assert is_update(sparql)


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { ?s ?p ?o }",
        "ASK { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "DESCRIBE <urn:a>",
        "PREFIX insert: <urn:insert#> SELECT * WHERE { ?s insert:a ?o }",
        "PREFIX x: <urn:INSERT> SELECT * WHERE { ?s x:a ?o }",
        "BASE <urn:DELETE> SELECT * WHERE { ?s ?p ?o }",
        "# INSERT DATA { <urn:a> <urn:b> <urn:c> }\nSELECT * WHERE { ?s ?p ?o }",
        'SELECT * WHERE { ?s ?p "INSERT DATA { <urn:a> <urn:b> <urn:c> }" }',
        "SELECT ?insert ?delete WHERE { ?insert ?p ?delete }",
        "SELECT * WHERE { ?s <http://example.org/DROP> ?o }",
        "",
    ],
)
def test_a_query_is_no_update(sparql: str) -> None:
    assert not is_update(sparql)


def test_run_query_refuses_a_service_before_it_runs() -> None:
    store = ox.Store()
    with pytest.raises(QueryRefused):
        answer(store, 'SELECT * WHERE { ?s ?p ?a FILTER(?a<"x>") SERVICE <http://127.0.0.1:9/sparql> { ?x ?y "z" } }')
    with pytest.raises(QueryRefused):
        run_update(store, "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")


# --- limits and the protocol dataset ------------------------------------------------------------


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """Two named graphs and nothing in the store's own default graph."""
    store = ox.Store()
    for graph, value in (("urn:g1", "one"), ("urn:g2", "two")):
        for index in range(3):
            store.add(
                ox.Quad(ox.NamedNode(f"urn:s{index}"), ox.NamedNode("urn:p"), ox.Literal(value), ox.NamedNode(graph))
            )
    return store


def values(body: bytes, name: str) -> list[str]:
    return sorted(str(getattr(row[name], "value", "")) for row in parsed_rows(body))


def test_the_default_graph_is_the_union_of_the_graphs(store: ox.Store) -> None:
    assert values(answer(store, "SELECT ?o WHERE { ?s ?p ?o }"), "o") == ["one"] * 3 + ["two"] * 3


def test_a_protocol_dataset_is_exactly_the_graphs_given(store: ox.Store) -> None:
    assert values(answer(store, "SELECT ?o WHERE { ?s ?p ?o }", default_graphs=["urn:g2"]), "o") == ["two"] * 3
    named = answer(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=["urn:g1"])
    assert values(named, "g") == ["urn:g1"]
    # only named graphs given: the default graph is their (empty) merge of default-graph-uris
    assert parsed_rows(answer(store, "SELECT * WHERE { ?s ?p ?o }", named_graphs=["urn:g1"])) == []
    # only default graphs given: no named graphs
    assert parsed_rows(answer(store, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", default_graphs=["urn:g1"])) == []


def test_a_graph_name_that_is_no_iri_is_a_value_error(store: ox.Store) -> None:
    with pytest.raises(ValueError):
        answer(store, "ASK {}", default_graphs=["not an iri"])


def test_the_size_limit(store: ox.Store) -> None:
    everything = answer(store, "SELECT * WHERE { ?s ?p ?o }")
    assert len(parsed_rows(answer(store, "SELECT * WHERE { ?s ?p ?o }", max_bytes=len(everything)))) == 6
    with pytest.raises(ResultTooLarge, match=f"larger than {len(everything) - 1:,} bytes"):
        answer(store, "SELECT * WHERE { ?s ?p ?o }", max_bytes=len(everything) - 1)
    with pytest.raises(ResultTooLarge):
        answer(store, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", "ntriples", max_bytes=100)


def test_a_passed_deadline(store: ox.Store) -> None:
    with pytest.raises(QueryTooLong):
        answer(store, "SELECT * WHERE { ?s ?p ?o }", deadline=time.monotonic() - 1)


def test_a_malformed_query_raises_the_parsers_syntax_error(store: ox.Store) -> None:
    with pytest.raises(SyntaxError, match=r"error at 1:\d+"):
        answer(store, "SELEC * WHERE { ?s ?p ?o }")


def test_an_answer_kind_with_no_acceptable_format(store: ox.Store) -> None:
    deadline = time.monotonic() + 5
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    with pytest.raises(NotAcceptable) as refused:
        run_query(store, construct, formats={"results": "json", "graph": None}, deadline=deadline, max_bytes=PLENTY)
    assert refused.value.kind == "graph"
    graph_only = {"results": None, "graph": "turtle"}
    found = run_query(store, construct, formats=graph_only, deadline=deadline, max_bytes=PLENTY)
    assert (found.kind, found.format) == ("graph", "turtle")


# --- answers in every format, read back by real parsers -----------------------------------------

ROWS_QUERY = f"""PREFIX xsd: <{XSD}>
SELECT ?iri ?plain ?lang ?typed ?date ?none ?blank WHERE {{
  VALUES (?iri ?plain ?lang ?typed ?date ?n) {{
    (<https://example.org/a?x=1&y=2> "a, \\"quoted\\" <&> 'text'\\twith tab\\nand newline" "数字办"@zh
     "12"^^xsd:integer "2021-06-02"^^xsd:date 1)
    (<urn:isbn:978-7> "plain" "chat"@fr-BE "1.5e0"^^xsd:double UNDEF 2)
  }}
  BIND (IF(?n = 1, BNODE(), ?unbound) AS ?blank)
}} ORDER BY ?n"""
VARIABLES = ["iri", "plain", "lang", "typed", "date", "none", "blank"]


@pytest.fixture(scope="module")
def expected() -> list[dict[str, object]]:
    """The two rows as pyoxigraph evaluates them, straight from the store."""
    solutions = ox.Store().query(ROWS_QUERY)
    assert [v.value for v in solutions.variables] == VARIABLES
    found = [{name: row[name] for name in VARIABLES} for row in solutions]
    assert len(found) == 2
    return found


def as_rdflib(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> URIRef | Literal | BNode | None:
    """The rdflib term a parser gives for a pyoxigraph one (plain literals are untyped in rdflib)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD + "string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def without_blank_labels(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows with each blank node replaced by its kind: parsers may relabel blank nodes."""
    return [
        {name: ("bnode" if isinstance(term, (ox.BlankNode, BNode)) else term) for name, term in row.items()}
        for row in rows
    ]


@pytest.mark.parametrize(
    ("fmt", "results_format"),
    [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML), ("tsv", ox.QueryResultsFormat.TSV)],
)
def test_solutions_round_trip_through_pyoxigraph(expected: list[dict[str, object]], fmt: str, results_format) -> None:
    parsed = ox.parse_query_results(answer(ox.Store(), ROWS_QUERY, fmt), format=results_format)
    assert [v.value for v in parsed.variables] == VARIABLES
    found = [{name: row[name] for name in VARIABLES} for row in parsed]
    assert without_blank_labels(found) == without_blank_labels(expected)
    assert found[0]["none"] is None and found[1]["date"] is None and found[1]["blank"] is None


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_solutions_round_trip_through_rdflib(expected: list[dict[str, object]], fmt: str) -> None:
    parsed = Result.parse(io.BytesIO(answer(ox.Store(), ROWS_QUERY, fmt)), format=fmt)
    assert [str(v) for v in parsed.vars] == VARIABLES
    found = [{name: row[name] for name in VARIABLES} for row in parsed]
    wanted = [{name: as_rdflib(term) for name, term in row.items()} for row in expected]  # type: ignore[arg-type]
    assert without_blank_labels(found) == without_blank_labels(wanted)


def test_csv_keeps_the_values_and_marks_blank_nodes(expected: list[dict[str, object]]) -> None:
    """CSV is lossy by design (no language, no datatype); values and empty unbound cells stay."""
    data = answer(ox.Store(), ROWS_QUERY, "csv")
    parsed = Result.parse(io.BytesIO(data), format="csv")
    assert [str(v) for v in parsed.vars] == VARIABLES
    found = [{name: row[name] for name in VARIABLES} for row in parsed]
    for row, want in zip(found, expected, strict=True):
        for name in VARIABLES:
            if name == "blank" and want[name] is not None:
                assert isinstance(row[name], BNode)  # written as _:label
            else:
                value = None if want[name] is None else want[name].value  # type: ignore[attr-defined]
                assert (None if row[name] is None else str(row[name])) == value, name
    assert data.endswith(b"\r\n")
    assert "数字办".encode() in data


def test_json_is_the_standard_layout() -> None:
    data = json.loads(answer(ox.Store(), ROWS_QUERY))
    assert data["head"]["vars"] == VARIABLES
    first, second = data["results"]["bindings"]
    assert first["iri"] == {"type": "uri", "value": "https://example.org/a?x=1&y=2"}
    assert first["lang"] == {"type": "literal", "value": "数字办", "xml:lang": "zh"}
    assert first["typed"] == {"type": "literal", "value": "12", "datatype": XSD + "integer"}
    assert first["blank"]["type"] == "bnode"
    assert "none" not in first and "date" not in second and "blank" not in second
    assert second["plain"]["value"] == "plain" and second["plain"].get("datatype") in (None, XSD + "string")


def test_xml_is_well_formed_and_in_the_results_namespace() -> None:
    root = ET.fromstring(answer(ox.Store(), ROWS_QUERY, "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert root.tag == ns + "sparql"
    assert [v.get("name") for v in root.iter(ns + "variable")] == VARIABLES
    assert len(list(root.iter(ns + "result"))) == 2


@pytest.mark.parametrize("truth", [True, False])
def test_booleans_round_trip(truth: bool) -> None:
    query = "ASK { FILTER(true) }" if truth else "ASK { FILTER(false) }"
    for fmt, results_format in (("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML)):
        data = answer(ox.Store(), query, fmt)
        assert bool(ox.parse_query_results(data, format=results_format)) is truth
        assert Result.parse(io.BytesIO(data), format=fmt).askAnswer is truth
    for fmt in ("csv", "tsv"):
        assert answer(ox.Store(), query, fmt).decode().strip() == str(truth).lower()


def test_an_empty_result_round_trips() -> None:
    query = "SELECT ?a ?b WHERE { FILTER(false) }"
    for fmt, results_format in (
        ("json", ox.QueryResultsFormat.JSON),
        ("xml", ox.QueryResultsFormat.XML),
        ("tsv", ox.QueryResultsFormat.TSV),
    ):
        parsed = ox.parse_query_results(answer(ox.Store(), query, fmt), format=results_format)
        assert [v.value for v in parsed.variables] == ["a", "b"] and list(parsed) == []
    assert answer(ox.Store(), query, "csv") == b"a,b\r\n"


@pytest.fixture(scope="module")
def graph_store() -> ox.Store:
    store = ox.Store()
    store.update(
        f"""PREFIX xsd: <{XSD}> INSERT DATA {{ GRAPH <urn:g> {{
          <urn:a> <urn:label> "福建省数字办"@zh, "with \\"quotes\\" and <&>" ;
                  <urn:count> "3"^^xsd:integer ; <urn:link> <urn:b> , _:x .
          _:x <urn:label> "blank" }} }}"""
    )
    return store


@pytest.mark.parametrize(
    ("fmt", "rdf_format"),
    [
        ("turtle", ox.RdfFormat.TURTLE),
        ("ntriples", ox.RdfFormat.N_TRIPLES),
        ("jsonld", ox.RdfFormat.JSON_LD),
        ("rdfxml", ox.RdfFormat.RDF_XML),
        ("trig", ox.RdfFormat.TRIG),
        ("nquads", ox.RdfFormat.N_QUADS),
    ],
)
def test_triples_round_trip(graph_store: ox.Store, fmt: str, rdf_format) -> None:
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    quads = list(ox.parse(answer(graph_store, construct, fmt), format=rdf_format))
    assert {q.graph_name for q in quads} == {ox.DefaultGraph()}
    parsed = [q.triple for q in quads]
    stored = [q.triple for q in graph_store]

    def ground(items: list) -> set:
        return {t for t in items if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)}

    assert len(parsed) == len(stored) == 6
    assert ground(parsed) == ground(stored)
    assert sum(isinstance(t.object, ox.BlankNode) for t in parsed) == 1
