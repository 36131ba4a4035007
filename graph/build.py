"""Building the store from documents: extract, turn into triples, replace each document's graph.

One bad document never stops a build nor touches another document's graph: its error is
reported with its file name and the build goes on. Each document is one transaction, so a build
killed part-way leaves every document it had written, each whole, and the next build goes on
from there. A document's graph is named by the document's name
(:class:`~extract.reading.DocumentFile`), the same on every build; two files of one build that
would share a name are not both written: the later one fails, naming the earlier. Entity
descriptions are merged into the entities graph as each document is written; at the end, those
no document names any more go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.gazetteer import load_gazetteer
from extract.pipeline import extract_file
from extract.reading import DEFAULT_MAX_FILE_BYTES, DocumentError, DocumentFile
from graph.iris import Minter
from graph.target import GraphTarget, StoreError
from graph.triples import ENTITY_LINKS, extraction_graph

__all__ = ["BuildReport", "build_documents", "prune_entities"]


@dataclass
class BuildReport:
    """What a build did, by file path: triples per document written, the documents that failed,
    the files passed over (of no supported type, in a folder), and what reading had to guess."""

    written: dict[str, int] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)


def build_documents(
    documents: list[DocumentFile],
    store: GraphTarget,
    *,
    nlp: Any = None,
    minter: Minter | None = None,
    progress: Callable[[int, int, Path, str], None] | None = None,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> BuildReport:
    """Extract each file (:func:`~extract.reading.find_documents`), replace its named graph in
    *store* (the folder's :class:`~graph.store.KnowledgeStore`, or a server's
    :class:`~graph.remote.RemoteStore`) and merge its entity descriptions, one transaction per
    document; then drop the descriptions no document names any more.

    *progress* is called after each document with (index, total, path, outcome).
    """
    minter = minter or Minter()
    gazetteer = load_gazetteer()
    report = BuildReport()
    named: dict[str, Path] = {}  # document name → the file that took it in this build
    for index, found in enumerate(documents, 1):
        path = found.path
        if found.skip:
            report.skipped[str(path)] = f"{path}: {found.skip}"
            if progress:
                progress(index, len(documents), path, f"skipped: {found.skip}")
            continue
        try:
            if found.problem:
                raise DocumentError(f"{path}: {found.problem}")
            if found.name in named:
                raise DocumentError(
                    f"{path}: its graph name {found.name} is taken by {named[found.name]} in this build; "
                    "build the folder that holds both, so that each is named by its path in it"
                )
            named[found.name] = path
            extraction = extract_file(path, name=found.name, nlp=nlp, gazetteer=gazetteer, max_bytes=max_file_bytes)
            triples = extraction_graph(extraction, minter, gazetteer)
            entities = {minter.entities_graph(): triples.entities}
            store.replace_graph(minter.graph(found.name), triples.document, merge=entities)
        except (DocumentError, StoreError) as exc:
            report.failed[str(path)] = str(exc)
            outcome = f"failed: {exc}"
        except Exception as exc:  # an extractor bug must not cost the other documents
            report.failed[str(path)] = f"{path}: {type(exc).__name__}: {exc}"
            outcome = f"failed: {type(exc).__name__}: {exc}"
        else:
            count = len(triples.document) + len(triples.entities)
            report.written[str(path)] = count
            if extraction.document.warnings:
                report.warnings[str(path)] = list(extraction.document.warnings)
            outcome = f"{count} triples"
        if progress:
            progress(index, len(documents), path, outcome)
    if report.written:
        prune_entities(store, minter)
    return report


def prune_entities(store: GraphTarget, minter: Minter) -> int:
    """Drop the entity descriptions no document graph needs any more; returns how many triples went."""
    return store.prune_descriptions(minter.entities_graph(), ENTITY_LINKS)
