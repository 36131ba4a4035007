"""What the server asks of its store, as operations for the store worker (:mod:`api.worker`).

Each is a plain function of the worker's :class:`~graph.store.KnowledgeStore` and plain
arguments, so it travels to the worker by name and its answer comes back as plain data. All the
work on a request (checking the text, parsing a body, querying, writing, serializing) happens
here, in the worker, never on the server's event loop.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

import pyoxigraph as ox

from api.sparql_engine import GRAPH_FORMATS, Answer, run_query, run_update
from graph.analytics import agency_profiles
from graph.explore import Explorer
from graph.export import Export, NoSuchEntity, export
from graph.facts import read_documents, read_facts, select_documents
from graph.iris import Minter
from graph.store import KnowledgeStore
from graph.triples import ENTITY_LINKS

__all__ = [
    "EXPLORER_QUESTIONS",
    "PARSED_FORMATS",
    "add_to_graph",
    "agency_standings",
    "delete_graph",
    "explore",
    "export_view",
    "graph_exists",
    "read_graph",
    "replace_graph",
    "sparql_query",
    "sparql_update",
]

# The Explorer methods the API may ask, by name.
EXPLORER_QUESTIONS = frozenset(
    {
        "search",
        "kind",
        "describe",
        "neighbourhood",
        "shared_initiatives",
        "agency_initiatives",
        "agency_platforms",
        "platform_agencies",
        "documents",
        "document",
        "highlights",
    }
)
PARSED_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def sparql_query(
    store: KnowledgeStore,
    sparql: str,
    formats: Mapping[str, str | None],
    timeout: float,
    max_bytes: int,
    default_graphs: list[str],
    named_graphs: list[str],
    base_iri: str | None,
) -> Answer:
    """A SPARQL query's answer, written (see :func:`api.sparql_engine.run_query`)."""
    return run_query(
        store.oxigraph,
        sparql,
        formats=formats,
        deadline=time.monotonic() + timeout,
        max_bytes=max_bytes,
        default_graphs=default_graphs,
        named_graphs=named_graphs,
        base_iri=base_iri,
    )


def sparql_update(
    store: KnowledgeStore,
    sparql: str,
    allow_load: bool,
    base_iri: str | None,
    using_graphs: list[str],
    using_named_graphs: list[str],
) -> None:
    """Apply a SPARQL Update in one transaction (see :func:`api.sparql_engine.run_update`)."""
    run_update(
        store.oxigraph,
        sparql,
        allow_load=allow_load,
        base_iri=base_iri,
        using_graphs=using_graphs,
        using_named_graphs=using_named_graphs,
    )


def explore(store: KnowledgeStore, base: str, question: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The answer of ``Explorer.<question>(*args, **kwargs)``."""
    if question not in EXPLORER_QUESTIONS:
        raise ValueError(f"not a question of the explorer: {question}")
    return getattr(Explorer(store, base), question)(*args, **kwargs)


def agency_standings(
    store: KnowledgeStore,
    base: str,
    top: int,
    document: str | None,
    jurisdiction: str | None,
    year: int | None,
) -> list[dict[str, Any]]:
    """The *top* agencies of the co-responsibility network (:func:`graph.analytics.agency_profiles`),
    over the documents the filters select (:func:`graph.facts.select_documents`)."""
    documents = select_documents(read_documents(store), base, document=document, jurisdiction=jurisdiction, year=year)
    return [asdict(profile) for profile in agency_profiles(read_facts(store, base, documents=documents))[:top]]


def export_view(store: KnowledgeStore, base: str, fmt: str, view: str, entity: str | None, depth: int) -> Export | None:
    """A view of the store written as *fmt* (:func:`graph.export.export`); None for a
    neighbourhood of an entity the store does not hold."""
    try:
        return export(store, base, fmt, view, entity=entity, depth=depth)
    except NoSuchEntity:
        return None


def graph_exists(store: KnowledgeStore, graph: str) -> bool:
    return store.holds_graph(graph)


def read_graph(store: KnowledgeStore, graph: str | None, whole: bool, fmt: str) -> bytes | None:
    """A graph written in *fmt* (None if there is no such graph), the union default graph when
    *graph* is None, or the whole dataset (TriG or N-Quads) when *whole*."""
    oxigraph = store.oxigraph
    if whole:
        dataset_format = ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG
        return bytes(oxigraph.dump(format=dataset_format) or b"")
    node = None if graph is None else ox.NamedNode(graph)
    if node is not None and not oxigraph.contains_named_graph(node):
        return None
    pattern = oxigraph.quads_for_pattern(None, None, None, node)
    seen = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in pattern}, key=str)
    rdf_format = GRAPH_FORMATS[fmt]
    if rdf_format.supports_datasets:  # TriG and N-Quads write quads: the graph goes out as a default graph
        return bytes(ox.serialize([ox.Quad(t.subject, t.predicate, t.object) for t in seen], format=rdf_format) or b"")
    return bytes(ox.serialize(seen, format=rdf_format) or b"")


def _node(graph: str | None) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if graph is None else ox.NamedNode(graph)


def _parse(body: bytes, fmt: str, graph: ox.NamedNode | ox.DefaultGraph) -> list[ox.Quad]:
    """The triples of *body* as quads of *graph*; SyntaxError names what is wrong."""
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(body, format=PARSED_FORMATS[fmt])]


def _is_new(store: KnowledgeStore, node: ox.NamedNode | ox.DefaultGraph) -> bool:
    return not isinstance(node, ox.DefaultGraph) and not store.oxigraph.contains_named_graph(node)


def replace_graph(store: KnowledgeStore, graph: str | None, body: bytes, fmt: str) -> bool:
    """Replace *graph* (None: the store's own default graph) with the triples of *body* in one
    transaction; whether the graph is new."""
    node = _node(graph)
    quads = _parse(body, fmt, node)
    created = _is_new(store, node)
    store.replace_quads(node, quads)
    return created


def add_to_graph(store: KnowledgeStore, graph: str | None, parts: list[tuple[bytes, str]]) -> bool:
    """Add the triples of each ``(body, format)`` of *parts* to *graph* (None: the store's own
    default graph), all in one transaction; whether the graph is new."""
    node = _node(graph)
    quads = [quad for body, fmt in parts for quad in _parse(body, fmt, node)]
    created = _is_new(store, node)
    store.oxigraph.extend(quads)
    return created


def delete_graph(store: KnowledgeStore, graph: str | None, base: str) -> bool:
    """Delete *graph* (None: empty the store's own default graph) and the descriptions of the
    entities only it named; False if there was no such graph."""
    node = _node(graph)
    if isinstance(node, ox.DefaultGraph):
        store.oxigraph.clear_graph(node)
        return True
    if not store.oxigraph.contains_named_graph(node):
        return False
    store.oxigraph.remove_graph(node)
    store.prune_descriptions(Minter(base).entities_graph(), ENTITY_LINKS)
    return True
