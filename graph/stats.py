"""Counts that describe a store: documents, triples, and nodes of each class."""

from __future__ import annotations

from pyoxigraph import NamedNode

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

# Bound variables are selected, so grouped by: a class with no nodes has no group, so no row.
_OF_CLASS = "SELECT ?kind (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x a ?kind } } GROUP BY ?kind"
_UNRESOLVED = """SELECT ?kind ?resolved (COUNT(DISTINCT ?x) AS ?n)
WHERE { GRAPH ?g { ?x a ?kind ; ?resolved false } } GROUP BY ?kind ?resolved"""


def store_statistics(store: KnowledgeStore) -> dict[str, int]:
    """Graphs, quads, distinct triples and distinct nodes per class."""
    stats = {"graphs": len(store.graph_names()), "quads": store.quad_count(), "triples": store.triple_count()}
    for name, cls in _CLASSES.items():
        rows = store.select(_OF_CLASS, kind=NamedNode(cls))
        stats[name] = int(rows[0]["n"].value) if rows else 0
    rows = store.select(_UNRESOLVED, kind=NamedNode(PKG.Agency), resolved=NamedNode(PKG.resolved))
    stats["unresolved_agencies"] = int(rows[0]["n"].value) if rows else 0
    return stats
