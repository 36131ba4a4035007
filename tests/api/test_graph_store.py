"""Graph Store Protocol reads at /store, on the real app in this process: one graph, the default graph, the
whole dataset."""

from __future__ import annotations

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from tests.answers import BASE_IRI, assert_problem

GRAPH_2022 = BASE_IRI + "graph/fujian_2022_digital.txt"
SKOS_PREF = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")


def select_number(client: httpx.Client, query: str) -> int:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        (None, "turtle"),
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_one_graph(client: httpx.Client, accept: str | None, rdflib_format: str) -> None:
    response = client.get("/store", params={"graph": GRAPH_2022}, headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    graph = Graph().parse(data=response.content, format=rdflib_format)
    expected = select_number(client, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_2022}> {{ ?s ?p ?o }} }}")
    assert len(graph) == expected > 100
    office = URIRef(BASE_IRI + "agency/350000/digital-office")
    assert any(graph.triples((office, URIRef("https://w3id.org/policykg/ontology#responsibleFor"), None)))
    assert (office, SKOS_PREF, Literal("福建省数字福建建设领导小组办公室", lang="zh")) not in graph  # described once:
    described = client.get("/store", params={"graph": BASE_IRI + "entities"}, headers={"Accept": "text/turtle"})
    entities = Graph().parse(data=described.content, format="turtle")
    assert (office, SKOS_PREF, Literal("福建省数字福建建设领导小组办公室", lang="zh")) in entities


def test_the_default_graph_is_every_distinct_triple(client: httpx.Client) -> None:
    response = client.get("/store", params={"default": ""}, headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/n-triples")
    triples = {q.triple for q in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)}
    distinct = select_number(client, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }")
    assert len(triples) == distinct > 10_000


@pytest.mark.parametrize(
    ("accept", "media", "rdf_format"),
    [
        (None, "application/trig", ox.RdfFormat.TRIG),
        ("text/turtle", "application/trig", ox.RdfFormat.TRIG),
        ("application/n-quads", "application/n-quads", ox.RdfFormat.N_QUADS),
    ],
)
def test_the_whole_dataset(client: httpx.Client, accept: str | None, media: str, rdf_format) -> None:
    response = client.get("/store", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    quads = list(ox.parse(response.content, format=rdf_format))
    assert len(quads) == select_number(client, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    names = {q.graph_name.value for q in quads}
    documents = client.get("/api/documents").json()
    graphs = {BASE_IRI + "graph/" + d["id"].removeprefix("document/") for d in documents}
    assert names == graphs | {BASE_IRI + "entities"} and len(graphs) == 8


def test_errors(client: httpx.Client) -> None:
    assert "urn:e2e:none" in assert_problem(client.get("/store", params={"graph": "urn:e2e:none"}), 404)["detail"]
    assert_problem(client.get("/store", params={"graph": "not an iri"}), 400)
    assert_problem(client.get("/store", params={"graph": GRAPH_2022, "default": ""}), 400)
    assert_problem(client.get("/store", params={"graph": GRAPH_2022}, headers={"Accept": "image/png"}), 406)
    # writes are off on the default server, whatever the token
    headers = {"Content-Type": "text/turtle", "Authorization": "Bearer x"}
    assert_problem(
        client.put("/store", params={"graph": "urn:e2e:g"}, content="<urn:a> <urn:b> <urn:c> .", headers=headers), 403
    )
    assert_problem(client.delete("/store", params={"graph": GRAPH_2022}), 403)
    assert client.get("/store", params={"graph": GRAPH_2022}).status_code == 200
