"""The store: rdflib on an embedded Oxigraph store on disk (the ``oxrdflib`` plugin).

One named graph per document, and one graph describing the entities they name; queries see
the union of them as the default graph. Writing a document replaces its graph and merges its
entity descriptions in one transaction (:class:`~graph.target.GraphTarget`), so a failure, or
the process killed, leaves the previous state and a rebuild adds nothing twice. Note that the
union default graph has bag semantics: a triple two graphs both hold is seen once per graph, so
counting queries use DISTINCT.

Oxigraph lets one process at a time open a store folder. A policykg process that opens one says
so in a note in the folder (:func:`announce`), so that another refused the store
(:class:`StoreLocked`) can name it: a build to wait for, or a server to ask instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import pyoxigraph as ox
from rdflib import XSD, Dataset, Graph, Literal

from graph.target import TRANSACTION_TRIPLES, GraphTarget, StoreError

__all__ = ["HOLDER_FILE", "TRANSACTION_TRIPLES", "Holder", "KnowledgeStore", "StoreError", "StoreLocked", "announce"]

# The note, in the store folder, of the policykg process that has the store open.
HOLDER_FILE = "policykg-holder.json"


@dataclass(frozen=True)
class Holder:
    """The policykg process that has a store open, as it announced itself: its process id, its
    command (``build``, ``serve``, ...) and, for a server, its SPARQL endpoint."""

    pid: int
    command: str
    url: str | None = None

    def __str__(self) -> str:
        served = f", which serves it at {self.url}" if self.url else ""
        return f"`policykg {self.command}` (process {self.pid}){served}"


@contextmanager
def announce(path: str | Path, command: str, url: str | None = None) -> Iterator[None]:
    """Note in the store folder *path* that this process has the store open as ``policykg
    *command*`` (serving *url*), until the block ends.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with announce(folder, "serve", "http://127.0.0.1:8000/sparql"):
    ...     json.loads((folder / HOLDER_FILE).read_text())["command"]
    'serve'
    >>> (folder / HOLDER_FILE).exists()
    False
    """
    note = Path(path) / HOLDER_FILE
    draft = note.with_name(f".{HOLDER_FILE}.{os.getpid()}")
    draft.write_text(json.dumps({"pid": os.getpid(), "command": command, "url": url}), encoding="utf-8")
    os.replace(draft, note)  # whole, never half-written
    try:
        yield
    finally:
        with suppress(OSError):
            if json.loads(note.read_text(encoding="utf-8")).get("pid") == os.getpid():
                note.unlink()


def holder(path: str | Path) -> Holder | None:
    """The live process, other than this one, whose note says it has the store at *path* open."""
    try:
        data = json.loads((Path(path) / HOLDER_FILE).read_text(encoding="utf-8"))
        found = Holder(int(data["pid"]), str(data["command"]), data.get("url"))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if found.pid != os.getpid() and psutil.pid_exists(found.pid) else None


class StoreLocked(StoreError):
    """Another process has the store open; :attr:`holder` is the policykg process, when it said so."""

    def __init__(self, path: Path, holder: Holder | None, here: bool = False) -> None:
        self.path = path
        self.holder = holder
        self.here = here
        if here:
            who = "the store is open already in this process"
        elif holder:
            who = f"the store is open in {holder}"
        else:
            who = "another process has the store open (a `policykg build`, a `policykg serve`, or another program)"
        super().__init__(f"{path}: {who}; a store folder can be open in one process at a time")

    def __reduce__(self) -> Any:
        return (StoreLocked, (self.path, self.holder, self.here))


class KnowledgeStore(GraphTarget):
    """An Oxigraph store on disk seen through an rdflib :class:`~rdflib.Dataset`; what a build
    writes goes through :class:`~graph.target.GraphTarget`.

    >>> import tempfile
    >>> from rdflib import Literal, URIRef
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
            if "LOCK: " in str(exc):  # RocksDB's lock on the folder, held by another process
                here = "by current process" in str(exc)
                raise StoreLocked(self.path, None if here else holder(self.path), here=here) from exc
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

    @property
    def location(self) -> str:
        return str(self.path)

    def update(self, sparql: str) -> None:
        self.oxigraph.update(sparql)

    def select(self, sparql: str) -> Any:
        return self.oxigraph.query(sparql)

    def construct(self, sparql: str) -> Iterable[ox.Triple]:
        return self.oxigraph.query(sparql)  # type: ignore[no-any-return]

    def replace_quads(self, name: Any, quads: Iterable[Any]) -> None:
        """Replace graph *name* (a ``pyoxigraph.NamedNode``, or ``DefaultGraph`` for the store's
        own default graph) with the triples of *quads*, in one transaction."""
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        if isinstance(name, ox.DefaultGraph):
            self.oxigraph.update(f"DROP SILENT DEFAULT ;\nINSERT DATA {{\n{body}\n}}")
        else:
            self.oxigraph.update(
                f"DROP SILENT GRAPH <{name.value}> ;\nINSERT DATA {{ GRAPH <{name.value}> {{\n{body}\n}} }}"
            )

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
