"""The store: an embedded Oxigraph store on disk (``pyoxigraph.Store``).

One named graph per document, and one graph describing the entities they name; queries see
the union of them as the default graph. Writing a document replaces its graph and merges its
entity descriptions in one transaction (:meth:`KnowledgeStore.replace`), so a failure, or
the process killed, leaves the previous state and a rebuild adds nothing twice. A whole store
is written faster by pyoxigraph's bulk loader (:meth:`KnowledgeStore.bulk_load`), in batches of
documents, each document written whole or not at all. Note that the union default graph has bag
semantics: a triple two graphs both hold is seen once per graph, so counting queries use DISTINCT.

Oxigraph lets one process at a time open a store folder. A policykg process that opens one says
so in a note in the folder (:func:`announce`), so that another refused the store
(:class:`StoreLocked`) can name it: a build to wait for, or a server to ask instead.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import psutil
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from graph.target import TRANSACTION_TRIPLES, GraphTarget, StoreError, Term

__all__ = [
    "BULK_LOADERS",
    "BULK_QUADS",
    "HOLDER_FILE",
    "TRANSACTION_TRIPLES",
    "Holder",
    "KnowledgeStore",
    "StoreError",
    "StoreLocked",
    "announce",
]

# The note, in the store folder, of the policykg process that has the store open.
HOLDER_FILE = "policykg-holder.json"
# The most quads one bulk load takes: pyoxigraph's bulk loader encodes up to a million quads in
# one batch, written as one set of files that RocksDB ingests together (all or none of them).
BULK_QUADS = 999_999
# How many bulk loads run at once: one per core, at most 4. One bulk load of up to BULK_QUADS quads
# parses and writes in one thread; `python -m bench.loading` on 2 cores: 2 at once load 1.8 times the
# quads per second of one. More would cut a build's batch (graph.build.BULK_BATCH_QUADS) into loads
# under 50,000 quads, which leave more files to merge (bench.loading's smallest batches: slower).
BULK_LOADERS = min(os.cpu_count() or 1, 4)


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
    """An Oxigraph store on disk (:attr:`oxigraph`, a ``pyoxigraph.Store``); what a build writes
    goes through :class:`~graph.target.GraphTarget`, what a reader asks through :meth:`select`.

    >>> import tempfile
    >>> from rdflib import URIRef
    >>> with KnowledgeStore(Path(tempfile.mkdtemp()) / "store") as store:
    ...     graph = Graph()
    ...     _ = graph.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x")))
    ...     store.replace_graph(URIRef("urn:g"), graph)
    ...     store.replace_graph(URIRef("urn:g"), graph)
    ...     store.quad_count(), store.select("SELECT ?s ?o WHERE { ?s ?p ?o }", s=ox.NamedNode("urn:a"))
    (1, [{'s': <NamedNode value=urn:a>, 'o': <Literal value=x datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>}])
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self._changes = itertools.count(1)
        self.generation = 0  # a new number after each write through this object: what derived views key on
        if not create and not self.path.is_dir():
            raise StoreError(
                f"{self.path}: no store there; build one with `policykg build PATH... --store {self.path}`"
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._store: ox.Store | None = ox.Store(str(self.path))
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
        """Let go of the store: pyoxigraph closes it (and frees the folder) with its last reference."""
        self._store = None

    @property
    def oxigraph(self) -> ox.Store:
        """The ``pyoxigraph.Store``."""
        if self._store is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._store

    @property
    def location(self) -> str:
        return str(self.path)

    def mark_changed(self) -> None:
        """Give the store a new :attr:`generation`: its data changed (or is changing)."""
        self.generation = next(self._changes)

    def update(self, sparql: str) -> None:
        self.mark_changed()
        self.oxigraph.update(sparql)
        self.mark_changed()

    def replace(self, name: URIRef, quads: bytes, *, batch: int = TRANSACTION_TRIPLES) -> None:
        """As :meth:`GraphTarget.replace <graph.target.GraphTarget.replace>`; a graph the store does
        not hold yet is loaded straight from the N-Quads (``Store.load``: one transaction, no
        SPARQL text to make and parse)."""
        if quads.count(b"\n") > batch or self.holds_graph(name):
            super().replace(name, quads, batch=batch)
            return
        self._write_nquads(self.oxigraph.load, [quads], f"write graph {name}")

    def is_empty(self) -> bool:
        """Whether the store holds no quad (without counting them, as ``len`` does)."""
        return next(self.oxigraph.quads_for_pattern(None, None, None, None), None) is None

    def compact(self) -> None:
        """Rewrite the store's files as one compacted set (pyoxigraph's ``optimize``): what a build
        wrote in many transactions and batches, with the graphs it replaced, otherwise stays spread
        over many files with the old versions in them. Over 10^7 quads it took 29 s and made a
        search 1.2-1.5 times faster and the store a sixth smaller."""
        try:
            self.oxigraph.flush()  # the writes still in the log first, so that they are compacted too
            self.oxigraph.optimize()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot compact the store: {exc}") from exc

    def bulk_load(self, documents: Sequence[bytes]) -> None:
        """Add *documents*, the N-Quads of each (as ``pyoxigraph.serialize`` writes them, of graphs
        the store does not hold), with pyoxigraph's bulk loader: no transaction to check each quad
        against the store, several times the quads per second of :meth:`replace`. The documents
        are shared out whole, in order, among up to :data:`BULK_LOADERS` bulk loads that run at
        once, as ``oxigraph load`` loads several files. Each load, of up to :data:`BULK_QUADS`
        quads (more raise ValueError), is written all or none even if the process is killed
        meanwhile, so every document is in the store whole or not at all."""
        parts = _shares(documents, BULK_LOADERS)
        if any(quads > BULK_QUADS for _, quads in parts):
            raise ValueError(f"more than {BULK_QUADS:,} quads cannot be bulk loaded all or nothing")
        self._write_nquads(self.oxigraph.bulk_load, [part for part, _ in parts], "load the documents' graphs")

    def _write_nquads(self, load: Callable[..., None], parts: Sequence[bytes], what: str) -> None:
        """Write each of *parts* with pyoxigraph's *load* or *bulk_load*, several in threads at once
        (pyoxigraph parses and writes without holding the GIL), marking the store changed around
        them; leniently, as the N-Quads were written by pyoxigraph from terms it checked."""
        self.mark_changed()
        write = partial(load, format=ox.RdfFormat.N_QUADS, lenient=True)
        try:
            if len(parts) == 1:
                write(parts[0])
            elif parts:
                with ThreadPoolExecutor(len(parts), thread_name_prefix="policykg-load") as pool:
                    for written in [pool.submit(write, part) for part in parts]:
                        written.result()
        except Exception as exc:
            raise StoreError(f"{self.path}: cannot {what}: {exc}") from exc
        finally:
            self.mark_changed()

    def _solutions(self, sparql: str, bindings: Mapping[str, Term]) -> ox.QuerySolutions:
        """The solutions of SELECT *sparql*, over the union of the named graphs as default graph, with
        each variable of *bindings* substituted by its term (pyoxigraph's ``substitutions``)."""
        substitutions: dict[ox.Variable, Any] = {ox.Variable(name): term for name, term in bindings.items()}
        solutions = self.oxigraph.query(sparql, use_default_graph_as_union=True, substitutions=substitutions or None)
        if not isinstance(solutions, ox.QuerySolutions):
            raise ValueError("not a SELECT query")
        return solutions

    def construct(self, sparql: str) -> Iterable[ox.Triple]:
        return self.oxigraph.query(sparql)  # type: ignore[return-value]

    def replace_quads(self, name: Any, quads: Iterable[Any]) -> None:
        """Replace graph *name* (a ``pyoxigraph.NamedNode``, or ``DefaultGraph`` for the store's
        own default graph) with the triples of *quads*, in one transaction."""
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
        if isinstance(name, ox.DefaultGraph):
            self.update(f"DROP SILENT DEFAULT ;\nINSERT DATA {{\n{body}\n}}")
        else:
            self.update(f"DROP SILENT GRAPH <{name.value}> ;\nINSERT DATA {{ GRAPH <{name.value}> {{\n{body}\n}} }}")

    def graph_names(self) -> list[str]:
        return sorted(str(g.value) for g in self.oxigraph.named_graphs())

    def holds_graph(self, name: str) -> bool:
        """Whether the store holds the named graph *name*."""
        return self.oxigraph.contains_named_graph(ox.NamedNode(name))

    def quad_count(self) -> int:
        return len(self.oxigraph)

    def triple_count(self) -> int:
        """Distinct triples over all graphs."""
        (row,) = self.select(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
        )
        return int(row["n"].value)

    def union(self) -> Graph:
        """Every distinct triple of every graph, as one in-memory rdflib graph (for pySHACL and
        rdflib's serializers); a literal of Oxigraph's implicit ``xsd:string`` is a plain one."""
        graph = Graph()
        for quad in self.oxigraph.quads_for_pattern(None, None, None, None):
            graph.add((_rdflib(quad.subject), _rdflib(quad.predicate), _rdflib(quad.object)))
        return graph


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _shares(documents: Sequence[bytes], at_most: int) -> list[tuple[bytes, int]]:
    """*documents* (N-Quads) joined into at most *at_most* parts of about as many quads each, every
    document whole and in order; each part with its number of quads.

    >>> _shares([b"a\\n", b"b\\nc\\n", b"d\\n", b"e\\n"], 2)
    [(b'a\\nb\\nc\\n', 3), (b'd\\ne\\n', 2)]
    """
    quads = [document.count(b"\n") for document in documents]
    total = sum(quads)
    parts: list[tuple[bytes, int]] = []
    current: list[bytes] = []
    done = in_part = 0
    for document, its_quads in zip(documents, quads, strict=True):
        current.append(document)
        done += its_quads
        in_part += its_quads
        if len(parts) < at_most - 1 and done * at_most >= total * (len(parts) + 1):
            parts.append((b"".join(current), in_part))
            current, in_part = [], 0
    if current:
        parts.append((b"".join(current), in_part))
    return parts


def _rdflib(term: Any) -> Any:
    """The rdflib term of pyoxigraph's *term*.

    >>> _rdflib(ox.Literal("x")), _rdflib(ox.Literal("甲", language="zh")), _rdflib(ox.NamedNode("urn:a"))
    (rdflib.term.Literal('x'), rdflib.term.Literal('甲', lang='zh'), rdflib.term.URIRef('urn:a'))
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise ValueError(f"no rdflib term for {term!r}")
