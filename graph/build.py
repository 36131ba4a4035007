"""Building the store from documents: extract, turn into triples, replace each document's graph.

One bad document never stops a build nor touches another document's graph: its error is
reported with its file name and the build goes on. Entity descriptions are merged into the
entities graph as each document is written; at the end, those no document names any more go.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.gazetteer import load_gazetteer
from extract.pipeline import extract_file
from extract.reading import DocumentError
from graph.iris import Minter
from graph.store import KnowledgeStore, StoreError
from graph.triples import ENTITY_LINKS, document_stem, extraction_graph

__all__ = ["BuildReport", "build_documents", "prune_entities"]


@dataclass
class BuildReport:
    """What a build did: triples per document written, and the documents that failed."""

    written: dict[str, int] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)


def build_documents(
    paths: list[Path],
    store: KnowledgeStore,
    *,
    nlp: Any = None,
    minter: Minter | None = None,
    progress: Callable[[int, int, Path, str], None] | None = None,
) -> BuildReport:
    """Extract each file, replace its named graph in *store* and merge its entity descriptions.

    *progress* is called after each document with (index, total, path, outcome).
    """
    minter = minter or Minter()
    gazetteer = load_gazetteer()
    report = BuildReport()
    for index, path in enumerate(paths, 1):
        try:
            extraction = extract_file(path, nlp=nlp, gazetteer=gazetteer)
            triples = extraction_graph(extraction, minter, gazetteer)
            entities = {minter.entities_graph(): triples.entities}
            store.replace_graph(minter.graph(document_stem(extraction)), triples.document, merge=entities)
        except (DocumentError, StoreError) as exc:
            report.failed[str(path)] = str(exc)
            outcome = f"failed: {exc}"
        except Exception as exc:  # an extractor bug must not cost the other documents
            report.failed[str(path)] = f"{path}: {type(exc).__name__}: {exc}"
            outcome = f"failed: {type(exc).__name__}: {exc}"
        else:
            count = len(triples.document) + len(triples.entities)
            report.written[str(path)] = count
            outcome = f"{count} triples"
        if progress:
            progress(index, len(paths), path, outcome)
    if report.written:
        prune_entities(store, minter)
    return report


def prune_entities(store: KnowledgeStore, minter: Minter) -> int:
    """Drop the entity descriptions no document graph needs any more; returns how many triples went."""
    return store.prune_descriptions(minter.entities_graph(), ENTITY_LINKS)
