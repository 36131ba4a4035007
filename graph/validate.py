"""SHACL validation of the graph against ``ontology/shapes.ttl``."""

from __future__ import annotations

from rdflib import Graph

from graph.terms import load_ontology, load_shapes

__all__ = ["validate_graph"]


def validate_graph(graph: Graph) -> tuple[bool, str]:
    """(conforms, report text) of *graph* under the shapes.

    The ontology is mixed in so that a shape targeting a class reaches its subclasses
    (pkg:Programme ⊑ pkg:Initiative); every node states its own type, so no inference is run.
    """
    from pyshacl import validate

    conforms, _, text = validate(
        graph, shacl_graph=load_shapes(), ont_graph=load_ontology(), inference="none", advanced=True
    )
    return bool(conforms), str(text)
