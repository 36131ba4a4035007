"""The store: rdflib on an embedded Oxigraph store on disk (the ``oxrdflib`` plugin).

One named graph per document; queries see the union of them as the default graph. Writing a
document replaces its graph in one transaction, so a failure leaves the previous state and a
rebuild adds nothing twice. Note that the union default graph has bag semantics: a triple two
documents both state is seen once per document, so counting queries use DISTINCT.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import XSD, Dataset, Graph, Literal, URIRef

__all__ = ["KnowledgeStore", "StoreError"]


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

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
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

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Replace named graph *name* with *graph*, in one transaction."""
        try:
            body = graph.serialize(format="nt")
            self.oxigraph.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}")
        except Exception as exc:  # rdflib and Oxigraph raise several kinds for a graph they cannot write
            raise StoreError(f"{self.path}: cannot write graph {name}: {exc}") from exc

    def remove_graph(self, name: URIRef) -> None:
        self.oxigraph.update(f"DROP SILENT GRAPH <{name}>")

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
