"""What a build sends a SPARQL server (:class:`graph.remote.RemoteStore`), on a mock transport;
the real servers are in test_faults.py."""

from __future__ import annotations

from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from graph.remote import RemoteStore
from graph.store import KnowledgeStore
from graph.target import StoreError
from graph.triples import ENTITY_LINKS

QUERY, UPDATE = "http://sparql.test/query", "http://sparql.test/update"


def _graph(*objects: str) -> Graph:
    graph = Graph()
    for value in objects:
        graph.add((URIRef("urn:s"), URIRef("urn:p"), Literal(value)))
    return graph


def test_a_document_is_one_update_with_the_local_store_s_text_and_the_token() -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    document, entities = _graph("甲", "乙\n"), {URIRef("urn:entities"): _graph("丙")}
    with RemoteStore(QUERY, token="secret", transport=httpx.MockTransport(answer)) as store:
        store.replace_graph(URIRef("urn:g"), document, merge=entities)
    (request,) = sent
    assert str(request.url) == UPDATE and request.headers["authorization"] == "Bearer secret"
    assert request.headers["content-type"] == "application/sparql-update; charset=utf-8"
    text = request.content.decode()
    assert text.startswith("DROP SILENT GRAPH <urn:g> ;\nINSERT DATA {")
    applied = ox.Store()
    applied.update(text)
    s, p = ox.NamedNode("urn:s"), ox.NamedNode("urn:p")
    assert set(applied) == {
        ox.Quad(s, p, ox.Literal("甲"), ox.NamedNode("urn:g")),
        ox.Quad(s, p, ox.Literal("乙\n"), ox.NamedNode("urn:g")),
        ox.Quad(s, p, ox.Literal("丙"), ox.NamedNode("urn:entities")),
    }


def test_a_busy_server_is_asked_again_and_a_refusal_names_the_graph_and_the_limit() -> None:
    answers = iter([httpx.Response(503, headers={"Retry-After": "0"}), httpx.Response(204)])
    with RemoteStore(QUERY, transport=httpx.MockTransport(lambda request: next(answers))) as store:
        store.replace_graph(URIRef("urn:g"), _graph("x"))  # the 503 is sent again, then applied
    too_large = httpx.Response(
        413,
        headers={"Content-Type": "application/problem+json"},
        json={"title": "Request body too large", "detail": "over 8 MiB", "status": 413},
    )
    refusing = RemoteStore(QUERY, transport=httpx.MockTransport(lambda request: too_large))
    with refusing, pytest.raises(StoreError) as refused:
        refusing.replace_graph(URIRef("urn:g"), _graph("x"))
    message = str(refused.value)
    assert message.startswith(f"{QUERY}: cannot write graph urn:g: the server answered 413 Request body too large")
    assert "POLICYKG_MAX_BODY_BYTES" in message


def test_a_remote_prune_deletes_what_the_local_one_deletes(tmp_path: Path) -> None:
    """The remote store asks its queries of a local store here: the same rule, the same update."""
    entities, link = URIRef("urn:entities"), ENTITY_LINKS[0]
    described = Graph()
    for triple in [
        (URIRef("urn:kept"), link, URIRef("urn:place")),  # named by a document
        (URIRef("urn:place"), URIRef("urn:label"), Literal("省")),  # reached from it
        (URIRef("urn:gone"), URIRef("urn:label"), Literal("地震局")),  # named by none
    ]:
        described.add(triple)
    document = Graph()
    document.add((URIRef("urn:task"), URIRef("urn:agent"), URIRef("urn:kept")))
    with KnowledgeStore(tmp_path / "local") as local:
        local.replace_graph(URIRef("urn:doc"), document, merge={entities: described})
        updates: list[str] = []

        def answer(request: httpx.Request) -> httpx.Response:
            text = request.content.decode()
            if request.url == UPDATE:
                updates.append(text)
                return httpx.Response(204)
            if text.startswith("SELECT"):
                return httpx.Response(
                    200, content=local.oxigraph.query(text).serialize(format=ox.QueryResultsFormat.JSON)
                )
            return httpx.Response(200, content=ox.serialize(list(local.construct(text)), format=ox.RdfFormat.N_TRIPLES))

        with RemoteStore(QUERY, transport=httpx.MockTransport(answer)) as remote:
            assert remote.prune_descriptions(entities, ENTITY_LINKS) == 1
        (delete,) = updates
        assert local.prune_descriptions(entities, ENTITY_LINKS) == 1
        assert local.quad_count() == 3
    assert delete.startswith("DELETE DATA { GRAPH <urn:entities> {") and "<urn:gone>" in delete
    assert "<urn:kept>" not in delete and "<urn:place>" not in delete


ODD = 'a "quoted" \\ back-slashed } { label\non two lines'


def test_a_bound_value_reaches_the_server_as_one_term_and_finds_what_the_local_store_finds(tmp_path: Path) -> None:
    """A closing VALUES clause of the bound terms: the same rows as the embedded store's substitution."""
    query = "SELECT ?s ?label WHERE { ?s <urn:p> ?label }"
    with KnowledgeStore(tmp_path / "local") as local:
        local.replace_graph(URIRef("urn:g"), _graph(ODD, "other"))
        sent: list[str] = []

        def answer(request: httpx.Request) -> httpx.Response:
            sent.append(request.content.decode())
            return httpx.Response(
                200,
                content=local.oxigraph.query(sent[-1], use_default_graph_as_union=True).serialize(
                    format=ox.QueryResultsFormat.JSON
                ),
            )

        with RemoteStore(QUERY, transport=httpx.MockTransport(answer)) as remote:
            found = remote.select(query, label=ox.Literal(ODD))
        assert found == local.select(query, label=ox.Literal(ODD))
        assert [row["label"].value for row in found] == [ODD]
        assert sent[0].startswith(query) and sent[0].count("VALUES") == 1
