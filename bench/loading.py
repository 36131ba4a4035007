"""Benchmark: writing already extracted documents into a store, the build's ways, in one run.

One run writes ``--documents`` synthetic plans (:mod:`bench.scale_corpus`), extracts them with
the real pipeline (without spaCy, so it is quick) and makes each document's N-Quads as a build's
worker does (:func:`graph.triples.extraction_graph`, then ``pyoxigraph.serialize``): its graph,
and the descriptions of the entities it names, which documents repeat. Then it writes those same
bytes into fresh stores

* with pyoxigraph's bulk loader, as a build into an empty store does
  (:meth:`graph.store.KnowledgeStore.bulk_load`, whole documents in batches of about
  ``--batches`` quads; the build's own size is :data:`graph.build.BULK_BATCH_QUADS`);
* one transaction per document, as a build into a store that holds other documents does
  (:meth:`graph.store.KnowledgeStore.replace`: ``Store.load`` of a graph the store lacks);
* one SPARQL Update per document replacing a graph the store holds, as a rebuild of an edited
  document does (and as every document was written before): the same documents written again;

``--repeat`` times each, in turns, and prints the medians: wall and CPU seconds of this process
(the bulk loader's threads included), and per second both the quads written (every document's,
as a build counts them) and the distinct quads the store holds. Every store must hold the same
quads. The aim for loading is 200,000 triples per second.

    .venv/bin/python -m bench.loading [--documents 300] [--repeat 3] [--batches 50000,200000,500000]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from bench.scale_corpus import write_corpus
from graph.store import KnowledgeStore

AIM = 200_000


@dataclass(frozen=True)
class Document:
    graph: URIRef
    quads: bytes


def extracted(documents: int, folder: Path) -> list[Document]:
    """The N-Quads of *documents* synthetic plans, as a build's workers make them."""
    from extract.gazetteer import load_gazetteer
    from extract.pipeline import extract_file
    from extract.reading import find_documents
    from graph.iris import Minter
    from graph.triples import extraction_graph

    write_corpus(documents, folder)
    minter, gazetteer = Minter(), load_gazetteer()
    made = []
    for found in find_documents([folder]):
        triples = extraction_graph(extract_file(found.path, name=found.name, gazetteer=gazetteer), minter)
        quads = ox.serialize(triples.document + triples.entities, format=ox.RdfFormat.N_QUADS) or b""
        made.append(Document(minter.graph(found.name), quads))
    return made


def bulk(batch: int) -> Callable[[KnowledgeStore, list[Document]], None]:
    """Bulk loads of whole documents, about *batch* quads each, as a build into an empty store."""

    def write(store: KnowledgeStore, documents: list[Document]) -> None:
        parts: list[bytes] = []
        size = 0
        for document in documents:
            quads = document.quads.count(b"\n")
            if parts and size + quads > batch:
                store.bulk_load(parts)
                parts, size = [], 0
            parts.append(document.quads)
            size += quads
        store.bulk_load(parts)

    return write


def per_document(store: KnowledgeStore, documents: list[Document]) -> None:
    """One transaction per document (``Store.load`` where the graph is new, else a SPARQL Update)."""
    for document in documents:
        store.replace(document.graph, document.quads)


@dataclass(frozen=True)
class Way:
    write: Callable[[KnowledgeStore, list[Document]], None]
    again: bool = False  # the store holds the documents already (written beforehand, not timed)


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float
    stored: int
    dump: bytes


def timed(folder: Path, way: Way, documents: list[Document]) -> Timing:
    """Wall and CPU seconds of *way* writing *documents* into a new store under *folder*."""
    path = Path(tempfile.mkdtemp(dir=folder)) / "store"
    with KnowledgeStore(path) as store:
        if way.again:
            per_document(store, documents)
            store.oxigraph.flush()
        wall, cpu = time.perf_counter(), time.process_time()
        way.write(store, documents)
        store.oxigraph.flush()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        dump = b"\n".join(sorted((store.oxigraph.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines()))
        timing = Timing(wall, cpu, dump.count(b"\n") + 1, dump)
    shutil.rmtree(path.parent)
    return timing


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=300, help="synthetic plans (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each way, in turns (default 3)")
    parser.add_argument(
        "--batches",
        default="50000,200000,500000",
        help="quads per bulk load to try, comma-separated (default 50000,200000,500000)",
    )
    args = parser.parse_args(argv)
    ways = {f"bulk_load, batches of {int(size):,} quads": Way(bulk(int(size))) for size in args.batches.split(",")}
    ways["Store.load per document (new graph)"] = Way(per_document)
    ways["SPARQL Update per document (graph replaced)"] = Way(per_document, again=True)
    with tempfile.TemporaryDirectory(prefix="policykg-loading-") as work:
        documents = extracted(args.documents, Path(work) / "corpus")
        written = sum(document.quads.count(b"\n") for document in documents)
        timings: dict[str, list[Timing]] = {way: [] for way in ways}
        for _ in range(args.repeat):
            for name, way in ways.items():
                timings[name].append(timed(Path(work), way, documents))
    dumps = {timing.dump for runs in timings.values() for timing in runs}
    if len(dumps) != 1:
        raise SystemExit("the stores differ")
    stored = next(iter(timings.values()))[0].stored
    print(
        f"{len(documents)} documents: {written:,} quads written (entity descriptions repeated), "
        f"{stored:,} distinct quads stored; median of {args.repeat}"
    )
    print("| way | wall s | CPU s | quads written /s (wall) | quads stored /s (wall) | quads stored /CPU s |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, runs in timings.items():
        wall = statistics.median(run.wall for run in runs)
        cpu = statistics.median(run.cpu for run in runs)
        print(
            f"| {name} | {wall:.2f} | {cpu:.2f} | {written / wall:,.0f} | {stored / wall:,.0f} | {stored / cpu:,.0f} |"
        )
    print(f"aim: {AIM:,} triples per second")


if __name__ == "__main__":
    main()
