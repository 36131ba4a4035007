"""SPARQL Update and Graph Store writes on the app with an update token (on its own copy of the store),
in this process (tests/api/conftest.py); SPARQLWrapper's updates to a real server are in
tests/e2e/test_sparql_clients.py."""

from __future__ import annotations

import httpx
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from tests.answers import UPDATE_TOKEN, assert_problem

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
GOOD = {"Authorization": f"Bearer {UPDATE_TOKEN}"}
BAD_AUTHORIZATIONS = [None, "Bearer wrong-token", f"Basic {UPDATE_TOKEN}", "Bearer", f"Bearer {UPDATE_TOKEN}x"]


@pytest.fixture(scope="module")
def client(write_client: httpx.Client) -> httpx.Client:
    return write_client


def ask(client: httpx.Client, query: str) -> bool:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    return bool(response.json()["boolean"])


def export_neighbourhood(client: httpx.Client, entity: str) -> httpx.Response:
    return client.get("/api/export", params={"format": "nodelink", "view": "neighbourhood", "entity": entity})


def test_the_service_description_offers_updates(client: httpx.Client) -> None:
    graph = Graph().parse(data=client.get("/sparql").content, format="turtle")
    service = URIRef(str(client.base_url.join("/sparql")))
    assert (service, RDF.type, SD.Service) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) in graph


@pytest.mark.parametrize("authorization", BAD_AUTHORIZATIONS)
def test_an_update_without_the_token_is_401(client: httpx.Client, authorization: str | None) -> None:
    update = "INSERT DATA { GRAPH <urn:e2e:unauthorized> { <urn:e2e:s> <urn:e2e:p> <urn:e2e:o> } }"
    headers = {"Authorization": authorization} if authorization else {}
    response = client.post("/sparql", content=update, headers={**headers, "Content-Type": "application/sparql-update"})
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert_problem(client.post("/sparql", data={"update": update}, headers=headers), 401)
    assert not ask(client, "ASK { GRAPH <urn:e2e:unauthorized> { ?s ?p ?o } }")


def test_an_update_with_the_token_is_204_and_seen_by_a_later_query(client: httpx.Client) -> None:
    update = 'INSERT DATA { GRAPH <urn:e2e:direct> { <urn:e2e:a> <urn:e2e:label> "数字办 e2e"@zh } }'
    response = client.post("/sparql", content=update, headers={**GOOD, "Content-Type": "application/sparql-update"})
    assert response.status_code == 204, response.text
    assert ask(client, 'ASK { <urn:e2e:a> <urn:e2e:label> "数字办 e2e"@zh }')

    form = "DELETE WHERE { GRAPH <urn:e2e:direct> { <urn:e2e:a> ?p ?o } }"
    assert client.post("/sparql", data={"update": form}, headers=GOOD).status_code == 204
    assert not ask(client, "ASK { <urn:e2e:a> ?p ?o }")


def test_bad_updates_with_the_token(client: httpx.Client) -> None:
    headers = {**GOOD, "Content-Type": "application/sparql-update"}
    body = assert_problem(client.post("/sparql", content="INSERT DATA { <urn:a> }", headers=headers), 400)
    assert body["title"] == "Malformed update"
    service = "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert "SERVICE" in assert_problem(client.post("/sparql", content=service, headers=headers), 403)["detail"]
    # the token does not turn a GET into an update
    assert_problem(client.get("/sparql", params={"update": "CLEAR ALL"}, headers=GOOD), 405)
    assert ask(client, "ASK { ?s ?p ?o }")


def test_graph_store_writes(client: httpx.Client) -> None:
    target = {"graph": "urn:e2e:store"}
    turtle = '<urn:e2e:x> <urn:e2e:label> "一"@zh ; <urn:e2e:n> 1 .'
    headers = {"Content-Type": "text/turtle"}
    for authorization in BAD_AUTHORIZATIONS:
        auth = {"Authorization": authorization} if authorization else {}
        assert_problem(client.put("/store", params=target, content=turtle, headers={**headers, **auth}), 401)
    assert_problem(client.get("/store", params=target), 404)

    # a new graph is created (201); writes to a graph that exists answer 204
    assert client.put("/store", params=target, content=turtle, headers={**headers, **GOOD}).status_code == 201
    read = client.get("/store", params=target, headers={"Accept": "text/turtle"})
    assert read.status_code == 200
    assert set(Graph().parse(data=read.content, format="turtle")) == set(Graph().parse(data=turtle, format="turtle"))

    more = '<urn:e2e:y> <urn:e2e:label> "二"@zh .'
    nt = {"Content-Type": "application/n-triples", **GOOD}
    assert client.post("/store", params=target, content=more, headers=nt).status_code == 204
    read = client.get("/store", params=target, headers={"Accept": "application/n-triples"})
    graph = Graph().parse(data=read.content, format="nt")
    assert len(graph) == 3 and (URIRef("urn:e2e:y"), URIRef("urn:e2e:label"), Literal("二", lang="zh")) in graph

    # PUT replaces
    assert client.put("/store", params=target, content=more, headers=nt).status_code == 204
    read = client.get("/store", params=target, headers={"Accept": "application/n-triples"})
    assert len(Graph().parse(data=read.content, format="nt")) == 1
    assert ask(client, 'ASK { GRAPH <urn:e2e:store> { <urn:e2e:y> ?p "二"@zh } }')

    assert_problem(client.put("/store", params=target, content="<urn:a> .", headers={**headers, **GOOD}), 400)
    assert_problem(client.put("/store", content=turtle, headers={**headers, **GOOD}), 400)
    assert_problem(client.put("/store", params=target, content="x", headers={"Content-Type": "image/png", **GOOD}), 415)

    assert_problem(client.delete("/store", params=target), 401)
    assert client.delete("/store", params=target, headers=GOOD).status_code == 204
    assert_problem(client.get("/store", params=target), 404)
    assert_problem(client.delete("/store", params=target, headers=GOOD), 404)


def test_cors_offers_writes_when_they_are_on(client: httpx.Client) -> None:
    preflight = client.options(
        "/store",
        headers={
            "Origin": "https://analyst.example.org",
            "Access-Control-Request-Method": "PUT",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "PUT" in preflight.headers["access-control-allow-methods"]


def test_deleting_a_document_graph_drops_what_only_it_described(client: httpx.Client) -> None:
    entities = "https://w3id.org/policykg/id/entities"
    rows = client.get(
        "/sparql",
        params={
            "query": f"""SELECT ?g (SAMPLE(?only) AS ?entity) WHERE {{
              GRAPH <{entities}> {{ ?only a <https://w3id.org/policykg/ontology#Agency> }}
              {{ SELECT ?only (MIN(STR(?h)) AS ?g) (COUNT(DISTINCT ?h) AS ?graphs) WHERE {{
                   GRAPH ?h {{ ?s ?p ?only }} FILTER (?h != <{entities}>) }} GROUP BY ?only }}
              FILTER (?graphs = 1)
            }} GROUP BY ?g LIMIT 1"""
        },
    ).json()["results"]["bindings"]
    graph, entity = rows[0]["g"]["value"], rows[0]["entity"]["value"]
    described = f"ASK {{ GRAPH <{entities}> {{ <{entity}> a ?type }} }}"
    assert ask(client, described)
    entity_id = entity.removeprefix("https://w3id.org/policykg/id/")
    first = export_neighbourhood(client, entity_id)
    assert first.status_code == 200 and export_neighbourhood(client, entity_id).content == first.content  # kept
    assert client.delete("/store", params={"graph": graph}, headers=GOOD).status_code == 204
    assert not ask(client, described)
    assert_problem(export_neighbourhood(client, entity_id), 404)  # the write made the kept view stale
    assert ask(client, f"ASK {{ GRAPH <{entities}> {{ ?agency a <https://w3id.org/policykg/ontology#Agency> }} }}")
