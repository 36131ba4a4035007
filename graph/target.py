"""What a build writes into: a store that takes SPARQL Updates, local or remote.

A build replaces each document's named graph and merges its entity descriptions (one transaction
per document, so readers never see half of one), then drops the descriptions no document names
any more. Both steps are written here once, over three primitives — apply an update, run a
SELECT, run a CONSTRUCT — that the embedded store (:class:`~graph.store.KnowledgeStore`) and a
SPARQL 1.1 endpoint (:class:`~graph.remote.RemoteStore`) each implement.

A document comes as N-Quads, as ``pyoxigraph.serialize`` writes the quads of :mod:`graph.triples`
in a build's worker: bytes that cross processes cheaply, that the embedded store loads with no
SPARQL to parse where it can (:meth:`~graph.store.KnowledgeStore.replace`), and that become the
SPARQL Update text of :func:`replacement_updates` where not.

>>> a, p, g = ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.NamedNode("urn:g")
>>> print("\\n".join(replacement_updates(URIRef("urn:g"), [ox.Quad(a, p, ox.Literal("x"), g)])))
DROP SILENT GRAPH <urn:g> ;
INSERT DATA { GRAPH <urn:g> {
<urn:a> <urn:p> "x" .
} }
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

__all__ = [
    "TRANSACTION_TRIPLES",
    "GraphTarget",
    "StoreError",
    "Term",
    "delete_data",
    "described_query",
    "graph_nquads",
    "referenced_query",
    "replacement_updates",
    "unreferenced_descriptions",
]

# A term a query binds to a variable.
Term = ox.NamedNode | ox.BlankNode | ox.Literal

# The most triples one write puts in one transaction (about 300 MB of Oxigraph's update parsing).
TRANSACTION_TRIPLES = 100_000


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message names the folder or the URL."""


def replacement_updates(name: URIRef, quads: Iterable[ox.Quad], *, batch: int = TRANSACTION_TRIPLES) -> Iterator[str]:
    """The SPARQL Updates that replace named graph *name* with the triples *quads* put in it,
    and add every other quad (a document's entity descriptions) to its own named graph.

    Up to *batch* quads in all, that is one update (``DROP SILENT GRAPH`` then ``INSERT DATA``),
    which a store applies atomically. More come in parts of *batch* quads, the first of them
    replacing the graph, so that no update needs more than bounded memory; applied one by one,
    a failure part-way leaves the graph partly written until it is replaced again.
    """
    quads = iter(quads)
    yield f"DROP SILENT GRAPH <{name}> ;\n" + _insert_data(list(islice(quads, batch)))
    while part := list(islice(quads, batch)):
        yield _insert_data(part)


def _insert_data(quads: list[ox.Quad]) -> str:
    """``INSERT DATA`` of *quads*, each triple in its named graph, written by pyoxigraph's N-Triples serializer."""
    by_graph: dict[Any, list[ox.Triple]] = {}
    for quad in quads:
        by_graph.setdefault(quad.graph_name, []).append(quad.triple)
    graphs = (f"GRAPH {graph} {{\n{_ntriples(triples)}}}" for graph, triples in by_graph.items())
    return "INSERT DATA { " + " ".join(graphs) + " }"


def _ntriples(triples: list[ox.Triple]) -> str:
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")


def graph_nquads(name: URIRef, graph: Graph, merge: Mapping[URIRef, Graph] | None = None) -> bytes:
    """The N-Quads of rdflib *graph* in named graph *name* and of each graph of *merge* in the
    named graph it is keyed by: what :meth:`GraphTarget.replace` takes.

    >>> graph = Graph()
    >>> _ = graph.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x", lang="zh")))
    >>> graph_nquads(URIRef("urn:g"), graph)
    b'<urn:a> <urn:p> "x"@zh <urn:g> .\\n'
    """
    quads = [
        ox.Quad(_oxigraph(s), _oxigraph(p), _oxigraph(o), ox.NamedNode(target))
        for target, part in {name: graph, **(merge or {})}.items()
        for s, p, o in part
    ]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def _oxigraph(term: Node) -> Any:
    """The pyoxigraph term of rdflib's *term*."""
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype) if term.datatype else None)
    raise ValueError(f"no pyoxigraph term for {term!r}")


def described_query(graph: ox.NamedNode) -> str:
    """Every triple of *graph* (the entities graph), as a CONSTRUCT."""
    return f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"


def referenced_query(graph: ox.NamedNode) -> str:
    """The entities *graph* describes that a triple of another named graph names as its object
    (``?e``): those a document still needs. One index look-up per described entity."""
    return (
        f"SELECT ?e WHERE {{ {{ SELECT DISTINCT ?e WHERE {{ GRAPH {graph} {{ ?e ?p ?v }} }} }}"
        f" FILTER EXISTS {{ GRAPH ?g {{ ?x ?q ?e }} FILTER(?g != {graph}) }} }}"
    )


def unreferenced_descriptions(
    described: Mapping[Any, list[ox.Triple]], referenced: Iterable[Any], links: Iterable[URIRef]
) -> list[ox.Triple]:
    """The triples of the descriptions no graph needs: those of the entities in *described* (each
    entity's triples) that are not *referenced*, nor reached from one that is through *links*
    (an agency's jurisdiction, its successor). Linear in the size of *described*.

    >>> a, b, c, p, link = (ox.NamedNode(f"urn:{x}") for x in "abcpl")
    >>> described = {a: [ox.Triple(a, link, b)], b: [ox.Triple(b, p, c)], c: [ox.Triple(c, p, a)]}
    >>> [str(t) for t in unreferenced_descriptions(described, [a], [URIRef("urn:l")])]
    ['<urn:c> <urn:p> <urn:a>']
    """
    link_iris = {str(link) for link in links}
    kept = [entity for entity in referenced if entity in described]
    reachable = set(kept)
    while kept:
        entity = kept.pop()
        for triple in described[entity]:
            if triple.predicate.value in link_iris and triple.object in described and triple.object not in reachable:
                reachable.add(triple.object)
                kept.append(triple.object)
    return [triple for entity, triples in described.items() if entity not in reachable for triple in triples]


def delete_data(graph: ox.NamedNode, triples: list[ox.Triple]) -> str:
    """``DELETE DATA`` of *triples* from *graph*."""
    body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    return f"DELETE DATA {{ GRAPH {graph} {{\n{body}\n}} }}"


class GraphTarget(ABC):
    """A store a build writes into: :meth:`replace` per document, then :meth:`prune_descriptions`.

    A subclass applies updates (:meth:`update`, each one atomically) and answers queries
    (:meth:`select`, :meth:`construct`) over its named graphs; what to send is decided here.
    """

    @property
    @abstractmethod
    def location(self) -> str:
        """The folder or URL, for messages."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Apply one SPARQL Update, in one transaction."""

    def select(self, sparql: str, /, **bindings: Term) -> list[dict[str, Any]]:
        """The rows of SELECT *sparql*, with each variable named in *bindings* bound to its term
        (``entity=ox.NamedNode(iri)``, ``needle=ox.Literal(text)``), never formatted into the query:
        the embedded store substitutes them (pyoxigraph's ``substitutions``), a server gets them as a
        ``VALUES`` clause (:meth:`graph.remote.RemoteStore._solutions`). A row is a dict of each
        selected variable's ``pyoxigraph`` term, None where the variable is unbound; read a value
        with ``.value``.

        Binding follows SPARQL-dev's SEP-0007 as Oxigraph implements it: a bound variable must be
        one the query selects (in a grouped query, one it groups by; a group of nothing has no
        row, so an aggregate over no match gives no row), and it is not seen inside a sub-query.
        """
        solutions = self._solutions(sparql, bindings)
        names = [variable.value for variable in solutions.variables]
        return [dict(zip(names, solution, strict=True)) for solution in solutions]

    @abstractmethod
    def _solutions(self, sparql: str, bindings: Mapping[str, Term]) -> ox.QuerySolutions:
        """The ``pyoxigraph.QuerySolutions`` of SELECT *sparql* with *bindings* (see :meth:`select`)."""

    @abstractmethod
    def construct(self, sparql: str) -> Iterable[ox.Triple]:
        """The triples of a CONSTRUCT query."""

    @abstractmethod
    def quad_count(self) -> int:
        """How many quads the store holds."""

    def replace(self, name: URIRef, quads: bytes, *, batch: int = TRANSACTION_TRIPLES) -> None:
        """Replace named graph *name* with the triples *quads* put in it and add every other quad
        to its own graph; *quads* are N-Quads as ``pyoxigraph.serialize`` writes them (made
        elsewhere, such as in a build's worker process). Up to *batch* quads, one transaction
        (:func:`replacement_updates`), so a failure leaves the previous state and readers see the
        old graph or the new one, never a part."""
        try:
            for update in replacement_updates(name, ox.parse(quads, format=ox.RdfFormat.N_QUADS), batch=batch):
                self.update(update)
        except Exception as exc:  # rdflib, Oxigraph and HTTP raise several kinds for a graph they cannot write
            raise StoreError(f"{self.location}: cannot write graph {name}: {exc}") from exc

    def replace_graph(
        self,
        name: URIRef,
        graph: Graph,
        *,
        merge: Mapping[URIRef, Graph] | None = None,
        batch: int = TRANSACTION_TRIPLES,
    ) -> None:
        """Replace named graph *name* with rdflib *graph*, and add each graph of *merge* to the
        named graph it is keyed by, as :meth:`replace` does (up to *batch* triples in all, one
        transaction)."""
        try:
            quads = graph_nquads(name, graph, merge)
        except ValueError as exc:  # a term pyoxigraph refuses, such as an IRI with a space
            raise StoreError(f"{self.location}: cannot write graph {name}: {exc}") from exc
        self.replace(name, quads, batch=batch)

    def prune_descriptions(self, graph: URIRef, links: Iterable[URIRef]) -> int:
        """Drop from *graph* the descriptions of entities no other graph names any more, nor
        reaches through *links* from one it names (:func:`unreferenced_descriptions`). Returns
        how many triples went.

        Two queries (the graph's triples, the entities another graph names), then one
        transaction deleting the rest; linear in the size of *graph*.
        """
        node = ox.NamedNode(str(graph))
        try:
            described: dict[Any, list[ox.Triple]] = {}
            for triple in self.construct(described_query(node)):
                described.setdefault(triple.subject, []).append(triple)
            referenced = [solution["e"] for solution in self.select(referenced_query(node))]
            gone = unreferenced_descriptions(described, referenced, links)
            if gone:
                self.update(delete_data(node, gone))
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"{self.location}: cannot drop the descriptions no document names: {exc}") from exc
        return len(gone)
