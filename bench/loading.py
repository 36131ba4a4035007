"""Benchmark: loading already extracted triples into a store, two ways, in one run.

One run builds ``--documents`` synthetic plans (``bench.scale_corpus``) with the real pipeline
(without spaCy, so it is quick) into a store, dumps it as N-Quads, and then loads that same file
into fresh stores by

* pyoxigraph's bulk loader (``Store.bulk_load``), the way to write a whole store at once;
* the build's own write path, one ``replace_graph`` transaction per document graph
  (``graph.target.replacement_updates``), as a build writes;

and prints triples per second for each, the ratio, and checks both stores hold the same quads.

    .venv/bin/python -m bench.loading [--documents 400]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from bench.scale_corpus import write_corpus


def build_and_dump(documents: int, folder: Path) -> Path:
    from extract.reading import find_documents
    from graph.build import build_documents
    from graph.store import KnowledgeStore

    corpus = folder / "corpus"
    write_corpus(documents, corpus)
    with KnowledgeStore(folder / "built") as store:
        build_documents(find_documents([corpus]), store, workers=1)
        dump = folder / "all.nq"
        dump.write_bytes(store.oxigraph.dump(format=ox.RdfFormat.N_QUADS) or b"")
    return dump


def bulk(dump: Path, folder: Path) -> tuple[float, int]:
    store = ox.Store(str(folder / "bulk"))
    started = time.perf_counter()
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    store.flush()
    return time.perf_counter() - started, len(store)


def per_graph(dump: Path, folder: Path) -> tuple[float, int]:
    from rdflib import Graph, URIRef

    from graph.store import KnowledgeStore

    graphs: dict[str, Graph] = {}
    for quad in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS):
        graph = graphs.setdefault(quad.graph_name.value, Graph())
        graph.parse(data=f"{quad.subject} {quad.predicate} {quad.object} .", format="nt")
    with KnowledgeStore(folder / "updates") as store:
        started = time.perf_counter()
        for name, graph in graphs.items():
            store.replace_graph(URIRef(name), graph)
        return time.perf_counter() - started, store.quad_count()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=400, help="synthetic plans to build (default 400)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="policykg-loading-"))
    try:
        dump = build_and_dump(args.documents, folder)
        bulk_seconds, bulk_quads = bulk(dump, folder)
        update_seconds, update_quads = per_graph(dump, folder)
        if bulk_quads != update_quads:
            raise SystemExit(f"the two stores differ: {bulk_quads:,} and {update_quads:,} quads")
        print("| way | quads | seconds | quads per second |\n| --- | --- | --- | --- |")
        print(f"| bulk_load | {bulk_quads:,} | {bulk_seconds:.2f} | {bulk_quads / bulk_seconds:,.0f} |")
        rate = update_quads / update_seconds
        print(f"| replace_graph per document | {update_quads:,} | {update_seconds:.2f} | {rate:,.0f} |")
        print(f"bulk_load is {update_seconds / bulk_seconds:.1f}× the per-document writes")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
