"""The store: rdflib on an embedded Oxigraph store on disk (the ``oxrdflib`` plugin).

One named graph per document, and one graph describing the entities they name; queries see
the union of them as the default graph. Writing a document replaces its graph and merges its
entity descriptions in one transaction, so a failure leaves the previous state and a rebuild
adds nothing twice. Note that the union default graph has bag semantics: a triple two graphs
both hold is seen once per graph, so counting queries use DISTINCT.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from rdflib import XSD, Dataset, Graph, Literal, URIRef

__all__ = ["TRANSACTION_TRIPLES", "KnowledgeStore", "StoreError"]

# The most triples one write puts in one transaction (about 300 MB of Oxigraph's update parsing).
TRANSACTION_TRIPLES = 100_000


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message names the folder."""


class KnowledgeStore:
    """An Oxigraph store on disk seen through an rdflib :class:`~rdflib.Dataset`.

    >>> import tempfile
    >>> from rdflib import Literal
    >>> with KnowledgeStore(Path(tempfile.mkdtemp()) / "store") as store:
    ...     graph = Graph()
    ...     _ = graph.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x")))
    ...     store.replace_graph(URIRef("urn:g"), graph)
    ...     store.replace_graph(URIRef("urn:g"), graph)
    ...     store.quad_count()
    1
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_dir():
            raise StoreError(
                f"{self.path}: no store there; build one with `policykg build PATH... --store {self.path}`"
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.dataset = Dataset(store="Oxigraph", default_union=True)
            self.dataset.open(str(self.path), create=not self.path.exists())
        except (OSError, ValueError) as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc

    def __enter__(self) -> KnowledgeStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.dataset.close()

    @property
    def oxigraph(self) -> Any:
        """The underlying ``pyoxigraph.Store``."""
        return self.dataset.store._inner  # type: ignore[attr-defined]

    def replace_graph(
        self,
        name: URIRef,
        graph: Graph,
        *,
        merge: Mapping[URIRef, Graph] | None = None,
        batch: int = TRANSACTION_TRIPLES,
    ) -> None:
        """Replace named graph *name* with *graph*, and add each graph of *merge* to the named
        graph it is keyed by.

        Up to *batch* triples in all, this is one transaction: a failure leaves the previous
        state. A larger graph (a plan of millions of characters) goes in parts of *batch*
        triples, the first of them replacing the graph, so memory stays bounded; a failure
        part-way leaves the graph partly written, and the next build of the document replaces it.
        """
        targets = {name: graph, **(merge or {})}
        lines = ((target, f"{s.n3()} {p.n3()} {o.n3()} .") for target, part in targets.items() for s, p, o in part)
        try:
            update = f"DROP SILENT GRAPH <{name}> ;\n" + _insert_data(list(islice(lines, batch)))
            while update:
                self.oxigraph.update(update)
                part = list(islice(lines, batch))
                update = _insert_data(part) if part else ""
        except Exception as exc:  # rdflib and Oxigraph raise several kinds for a graph they cannot write
            raise StoreError(f"{self.path}: cannot write graph {name}: {exc}") from exc

    def replace_quads(self, name: Any, quads: Iterable[Any]) -> None:
        """Replace graph *name* (a ``pyoxigraph.NamedNode``, or ``DefaultGraph`` for the store's
        own default graph) with the triples of *quads*, in one transaction."""
        import pyoxigraph as ox

        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        if isinstance(name, ox.DefaultGraph):
            self.oxigraph.update(f"DROP SILENT DEFAULT ;\nINSERT DATA {{\n{body}\n}}")
        else:
            self.oxigraph.update(
                f"DROP SILENT GRAPH <{name.value}> ;\nINSERT DATA {{ GRAPH <{name.value}> {{\n{body}\n}} }}"
            )

    def prune_descriptions(self, graph: URIRef, links: Iterable[URIRef]) -> int:
        """Drop from *graph* the descriptions of entities no other graph names any more, nor
        reaches through *links* from one it names (an agency's jurisdiction, its successor).
        Returns how many triples went.

        Linear in the size of *graph*: one index look-up per described entity for whether another
        graph names it, then a walk along *links*, then one transaction deleting the rest.
        """
        import pyoxigraph as ox

        store, entities = self.oxigraph, ox.NamedNode(str(graph))
        link_iris = {str(link) for link in links}
        described: dict[Any, list[Any]] = {}
        for quad in store.quads_for_pattern(None, None, None, entities):
            described.setdefault(quad.subject, []).append(quad)
        kept = [e for e in described if any(q.graph_name != entities for q in store.quads_for_pattern(None, None, e))]
        reachable = set(kept)
        while kept:
            entity = kept.pop()
            for quad in described.get(entity, ()):
                if quad.predicate.value in link_iris and quad.object in described and quad.object not in reachable:
                    reachable.add(quad.object)
                    kept.append(quad.object)
        gone = [
            ox.Triple(q.subject, q.predicate, q.object) for e, qs in described.items() if e not in reachable for q in qs
        ]
        if gone:
            body = (ox.serialize(gone, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            store.update(f"DELETE DATA {{ GRAPH <{entities.value}> {{\n{body}\n}} }}")
        return len(gone)

    def graph_names(self) -> list[str]:
        return sorted(str(g.value) for g in self.oxigraph.named_graphs())

    def quad_count(self) -> int:
        return len(self.oxigraph)

    def triple_count(self) -> int:
        """Distinct triples over all graphs."""
        result = self.oxigraph.query(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
        )
        return int(next(iter(result))["n"].value)

    def query(self, sparql: str) -> Any:
        """Run a SPARQL query with rdflib over the union of the document graphs."""
        return self.dataset.query(sparql)

    def union(self) -> Graph:
        """Every distinct triple of every document graph, as one in-memory rdflib graph."""
        graph = Graph()
        for s, p, o, _ in self.dataset.quads((None, None, None, None)):
            if isinstance(o, Literal) and o.datatype == XSD.string:  # Oxigraph types every plain literal
                o = Literal(str(o))
            graph.add((s, p, o))
        return graph


def _insert_data(lines: list[tuple[URIRef, str]]) -> str:
    """``INSERT DATA`` of N-Triples *lines*, each into the graph it is paired with."""
    by_graph: dict[URIRef, list[str]] = {}
    for graph, line in lines:
        by_graph.setdefault(graph, []).append(line)
    return "INSERT DATA { " + " ".join(f"GRAPH <{g}> {{\n" + "\n".join(ls) + "\n}" for g, ls in by_graph.items()) + " }"
