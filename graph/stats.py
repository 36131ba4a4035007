"""Counts that describe a store: documents, triples, and nodes of each class."""

from __future__ import annotations

from graph.store import KnowledgeStore
from graph.terms import PKG

__all__ = ["store_statistics"]

_CLASSES = {
    "documents": PKG.PolicyDocument,
    "initiatives": PKG.Initiative,
    "tasks": PKG.Task,
    "responsibilities": PKG.Responsibility,
    "agencies": PKG.Agency,
    "platforms": PKG.Platform,
    "programmes": PKG.Programme,
    "places": PKG.Place,
    "targets": PKG.Target,
}


def store_statistics(store: KnowledgeStore) -> dict[str, int]:
    """Graphs, quads, distinct triples and distinct nodes per class."""
    stats = {"graphs": len(store.graph_names()), "quads": store.quad_count(), "triples": store.triple_count()}
    for name, cls in _CLASSES.items():
        query = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a <{cls}> }} }}"
        stats[name] = int(next(iter(store.oxigraph.query(query)))["n"].value)
    query = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a <{PKG.Agency}> ; <{PKG.resolved}> false }} }}"
    stats["unresolved_agencies"] = int(next(iter(store.oxigraph.query(query)))["n"].value)
    return stats
