"""Building the store from documents: extract, turn into triples, replace each document's graph.

One bad document never stops a build nor touches another document's graph: its error is
reported with its file name and the build goes on. Each document is one transaction, so a build
killed part-way leaves every document it had written, each whole, and the next build goes on
from there. A document's graph is named by the document's name
(:class:`~extract.reading.DocumentFile`), the same on every build; two files of one build that
would share a name are not both written: the later one fails, naming the earlier. Entity
descriptions are merged into the entities graph as each document is written; at the end, those
no document names any more go.

A build is incremental: each document's graph records the SHA-256 of the file's bytes
(``pkg:contentDigest``) and the :func:`extractor_version` that wrote it
(``pkg:extractorVersion``), and a file whose graph already holds both, unchanged, is reported
unchanged and neither extracted nor written (unless *force*).

Extraction may run in worker processes (*workers*), forked from one that has loaded the spaCy
pipeline (or each loading it, where processes cannot fork); the store is written in this
process only, in the order of the documents, so the graph is the same whatever the number of
workers. This process is the one every document waits on, so the workers
do all they can: they extract, make the quads (:mod:`graph.triples`) and serialise them as
N-Quads, and this process only writes those bytes: into a local store, with no SPARQL text to
make or parse (:meth:`~graph.store.KnowledgeStore.replace`); into a server, as the SPARQL Update
made from them (:func:`~graph.target.replacement_updates`).

A build into an empty local store writes it whole with pyoxigraph's bulk loader
(:meth:`~graph.store.KnowledgeStore.bulk_load`), :data:`BULK_BATCH_QUADS` quads of whole
documents at a time, where a transaction per document costs several times the CPU: each document
of a batch is written whole or not at all, and the batch's documents are reported (*progress*)
once all of them are, so a build killed part-way leaves every document it reported, each whole,
and no document half-written.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import psutil
import pyoxigraph as ox

from extract.gazetteer import REGISTRY, Gazetteer, load_gazetteer
from extract.pipeline import extract_file
from extract.reading import DEFAULT_MAX_FILE_BYTES, DocumentError, DocumentFile
from graph.iris import Minter
from graph.store import KnowledgeStore
from graph.target import GraphTarget, StoreError
from graph.terms import PKG
from graph.triples import ENTITY_LINKS, extraction_graph
from ontology import ONTOLOGY_DIR

__all__ = [
    "BULK_BATCH_QUADS",
    "EXTRACTOR_DATA",
    "EXTRACTOR_VERSION",
    "BuildReport",
    "build_documents",
    "content_digest",
    "extractor_version",
    "prune_entities",
    "recorded_versions",
]

# Bump by hand whenever the extraction or the triples written change what a document's graph holds
# for the same file: every document is then extracted again on the next build.
EXTRACTOR_VERSION = 423
# The data files under ontology/ the extraction reads; a change to any of them changes the version,
# and so does another release of the division registry package the places come from.
EXTRACTOR_DATA = (
    "lexicon.json",
    "platforms.json",
    "platform_patterns.jsonl",
    "pos_corrections.json",
    "gazetteer/places.jsonl",
    "gazetteer/institutions.jsonl",
    "gazetteer/agencies/*.jsonl",
)
# The documents a build extracts ahead of the one it writes, per worker.
AHEAD_PER_WORKER = 2
# The quads of the documents a build into an empty store bulk loads at once (at most
# graph.store.BULK_QUADS): the fastest of the sizes `python -m bench.loading` tries (smaller
# batches leave more files to merge, larger ones cost more per quad), and about a hundred
# documents between two reports.
BULK_BATCH_QUADS = 200_000
# How often a worker checks that its build is still running.
WATCH_SECONDS = 0.2

_RECORDED = (
    f"SELECT ?g ?digest ?version WHERE {{ GRAPH ?g {{ ?document a {PKG.PolicyDocument.n3()} ; "
    f"{PKG.contentDigest.n3()} ?digest ; {PKG.extractorVersion.n3()} ?version }} }}"
)


@dataclass
class BuildReport:
    """What a build did, by file path: triples per document written, the documents left as they
    were (unchanged since the build that wrote them: their content digest), the documents that
    failed, the files passed over (of no supported type, in a folder), and what reading had to
    guess."""

    written: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, str] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _data_digest() -> str:
    digest = hashlib.sha256()
    for pattern in EXTRACTOR_DATA:
        for path in sorted(ONTOLOGY_DIR.glob(pattern)):
            digest.update(path.relative_to(ONTOLOGY_DIR).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    digest.update(f"{REGISTRY}=={version(REGISTRY)}".encode())
    return digest.hexdigest()


def extractor_version() -> str:
    """The version a document's graph records: the package version, :data:`EXTRACTOR_VERSION`
    and a digest of the data files of :data:`EXTRACTOR_DATA` and the registry's version, such as
    ``0.1.0+1.3f9a…``."""
    try:
        package = version("policykg")
    except PackageNotFoundError:  # run from a checkout that is not installed
        package = "0"
    return f"{package}+{EXTRACTOR_VERSION}.{_data_digest()[:16]}"


def content_digest(path: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> str | None:
    """The SHA-256 of the bytes of *path*, in hex; None when it cannot be read or is larger than
    *max_bytes* (reading it will fail, saying why)."""
    try:
        if path.stat().st_size > max_bytes:
            return None
        with path.open("rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return None


def recorded_versions(store: GraphTarget) -> dict[str, tuple[str, str]]:
    """The content digest and extractor version each document graph of *store* records, by graph IRI."""
    try:
        rows = store.select(_RECORDED)
        return {str(row["g"].value): (str(row["digest"].value), str(row["version"].value)) for row in rows}
    except StoreError:
        raise
    except Exception as exc:  # Oxigraph and HTTP raise several kinds
        raise StoreError(f"{store.location}: cannot read what the documents' graphs record: {exc}") from exc


# Extraction, in this process or in workers ------------------------------------------------------


@dataclass(frozen=True)
class _Extracted:
    """One document ready to write: the N-Quads of its graph, with the content digest and
    extractor version it records, and of its entity descriptions (in the entities graph); how
    many quads, what reading guessed."""

    quads: bytes
    triples: int
    warnings: list[str]


class _Extractor:
    """Extracts files with one pipeline and the gazetteer, loaded once, into the N-Quads that
    write them, the content digest and extractor version recorded in each document's graph."""

    def __init__(self, nlp: Any, minter: Minter, version: str) -> None:
        self.nlp, self.minter, self.version = nlp, minter, version
        self.gazetteer: Gazetteer = load_gazetteer()
        self.recorded = (ox.NamedNode(PKG.contentDigest), ox.NamedNode(PKG.extractorVersion))

    def __call__(self, path: Path, name: str, digest: str | None, max_bytes: int) -> _Extracted:
        extraction = extract_file(path, name=name, nlp=self.nlp, gazetteer=self.gazetteer, max_bytes=max_bytes)
        triples = extraction_graph(extraction, self.minter)
        quads = triples.document + triples.entities
        if digest:
            document, graph = ox.NamedNode(self.minter.document(name)), ox.NamedNode(self.minter.graph(name))
            for predicate, value in zip(self.recorded, (digest, self.version), strict=True):
                quads.append(ox.Quad(document, predicate, ox.Literal(value), graph))
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        return _Extracted(data, len(quads), list(extraction.document.warnings))


class _SetupFailed(Exception):
    """A worker could not make its pipeline: the build stops, as it does in one process."""


_worker: _Extractor | None = None
_worker_error: BaseException | None = None


def _start_worker(make_nlp: Callable[[], Any] | None, minter: Minter, version: str, build: int) -> None:
    """The initializer of each worker process: the pipeline, loaded once; and a watch that ends
    the worker once its *build* process has ended (killed: nothing else would end it, and it
    would keep the build's standard error open)."""
    global _worker, _worker_error
    threading.Thread(target=_watch, args=(build,), name="policykg-build-watch", daemon=True).start()
    try:
        _worker = _Extractor(make_nlp() if make_nlp else None, minter, version)
    except Exception as exc:  # given back with every document, not lost in a broken pool
        _worker_error = exc


def _watch(build: int) -> None:
    """Ends this worker once *build* is gone or dead (a zombie its parent has not reaped yet); the
    build is not always the worker's parent (a forked worker's is the forkserver)."""
    with suppress(psutil.Error):
        process = psutil.Process(build)
        while process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
            time.sleep(WATCH_SECONDS)
    os._exit(1)


def _extract_in_worker(path: Path, name: str, digest: str | None, max_bytes: int) -> _Extracted:
    if _worker is None:
        raise _SetupFailed(_worker_error)
    return _worker(path, name, digest, max_bytes)


class _InProcess(Executor):
    """Extraction in this process, when a build has one worker: the pipeline made on first use,
    each submitted document extracted at once by this process's own extractor (in place of the
    workers' function)."""

    def __init__(self, nlp: Any, make_nlp: Callable[[], Any] | None, minter: Minter, version: str) -> None:
        self._nlp, self._make_nlp, self._minter, self._version = nlp, make_nlp, minter, version
        self._extractor: _Extractor | None = None

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        if self._extractor is None:  # outside the future: a pipeline that cannot load stops the build
            nlp = self._nlp if self._nlp is not None or not self._make_nlp else self._make_nlp()
            self._extractor = _Extractor(nlp, self._minter, self._version)
        future: Future[Any] = Future()
        try:
            future.set_result(self._extractor(*args))
        except Exception as exc:
            future.set_exception(exc)
        return future


def _make_extractor(make_nlp: Callable[[], Any] | None, minter: Minter, version: str) -> _Extractor:
    """An extractor on a Dask worker; one that cannot make its pipeline stops the build."""
    try:
        return _Extractor(make_nlp() if make_nlp else None, minter, version)
    except Exception as exc:
        raise _SetupFailed(exc) from exc


def _extract_on_dask(setup: tuple[Any, ...], path: Path, name: str, digest: str | None, max_bytes: int) -> _Extracted:
    from graph.distributed import run_on_worker

    return run_on_worker(setup, _make_extractor, path, name, digest, max_bytes)  # type: ignore[no-any-return]


_Extract = Callable[[Path, str, "str | None", int], _Extracted]


def _executor(
    workers: int,
    nlp: Any,
    make_nlp: Callable[[], Any] | None,
    minter: Minter,
    version: str,
    scheduler: str | None,
) -> tuple[Executor, _Extract, int]:
    """Where documents are extracted, the function sent there for each, and how many run at once."""
    if (workers > 1 or scheduler) and nlp is not None:
        raise ValueError(
            "a loaded pipeline cannot go to worker processes: give make_nlp (such as extract.nlp.load_nlp)"
        )
    if scheduler:
        from graph.distributed import DaskExecutor

        cluster = DaskExecutor(scheduler)
        return cluster, partial(_extract_on_dask, (make_nlp, minter, version)), cluster.capacity
    if workers <= 1:
        return _InProcess(nlp, make_nlp, minter, version), _extract_in_worker, 1
    setup = (make_nlp, minter, version, os.getpid())
    pool = ProcessPoolExecutor(workers, mp_context=_worker_context(make_nlp), initializer=_start_worker, initargs=setup)
    return pool, _extract_in_worker, workers


def _worker_context(make_nlp: Callable[[], Any] | None) -> multiprocessing.context.BaseContext:
    """How worker processes start: forked from one process (multiprocessing's forkserver) that has
    loaded, once, what extraction needs (:mod:`extract.warm`, and the default pipeline with
    :mod:`extract.warm_nlp`), so that N workers do not load it N times; where there is no
    forkserver, spawned, each loading it. The first build of a process starts the forkserver, and
    its preloading stays for the later ones (which then load the rest in their workers)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    nlp = sys.modules.get("extract.nlp")  # imported already if make_nlp is its load_nlp
    default_pipeline = make_nlp is not None and nlp is not None and make_nlp is nlp.load_nlp
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["extract.warm_nlp" if default_pipeline else "extract.warm"])
    return context


# The build ------------------------------------------------------------------------------------


@dataclass
class _Step:
    """One document on its way: decided at once (*outcome*), or being extracted (*future*), then
    extracted (*extracted*) and written, or failed (*failed*: the report's message and the outcome)."""

    index: int
    found: DocumentFile
    outcome: str | None = None
    future: Future[_Extracted] | None = None
    digest: str | None = None
    extracted: _Extracted | None = None
    failed: tuple[str, str] | None = None


def build_documents(
    documents: list[DocumentFile],
    store: GraphTarget,
    *,
    nlp: Any = None,
    make_nlp: Callable[[], Any] | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    force: bool = False,
    minter: Minter | None = None,
    progress: Callable[[int, int, Path, str], None] | None = None,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> BuildReport:
    """Extract each file (:func:`~extract.reading.find_documents`), replace its named graph in
    *store* (the folder's :class:`~graph.store.KnowledgeStore`, or a server's
    :class:`~graph.remote.RemoteStore`) and merge its entity descriptions, one transaction per
    document (into an empty local store, one bulk load per batch of documents); then drop the
    descriptions no document names any more.

    A file whose graph records its content digest and this :func:`extractor_version` is left as
    it is (reported unchanged), unless *force*. The spaCy pipeline is *nlp*, or the one
    *make_nlp* makes, only once a document needs extracting; with *workers* > 1, extraction runs
    in that many processes, each calling *make_nlp* once (it must be importable by name, such as
    :func:`extract.nlp.load_nlp`; a loaded *nlp* cannot be sent). With *scheduler*, the address
    of a Dask scheduler, extraction runs on that cluster's workers instead
    (:mod:`graph.distributed`; *workers* is then the cluster's). The
    store is written here, in the order of *documents*, wherever extraction runs.

    *progress* is called once each document is written (or decided), in their order, with
    (index, total, path, outcome).
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    minter = minter or Minter()
    current = extractor_version()
    recorded = {} if force else recorded_versions(store)
    report = BuildReport()
    named: dict[str, Path] = {}  # document name → the file that took it in this build
    window: deque[_Step] = deque()  # in document order; the first is written next
    extracting = 0
    # into an empty local store every graph is new: documents wait in *batch* for the bulk loader
    bulk = store if isinstance(store, KnowledgeStore) and store.is_empty() else None
    batch: list[_Step] = []
    batched = 0  # the quads of the documents in the batch

    def finish(step: _Step) -> None:
        """The next document in order: its extraction, then written (or batched)."""
        nonlocal extracting, batched
        path = step.found.path
        if step.future is not None:
            extracting -= 1
            try:
                step.extracted = step.future.result()
            except _SetupFailed as exc:
                raise exc.args[0] from None
            except DocumentError as exc:
                step.failed = (str(exc), f"failed: {exc}")
            except Exception as exc:  # an extractor bug must not cost the other documents
                step.failed = (f"{path}: {type(exc).__name__}: {exc}", f"failed: {type(exc).__name__}: {exc}")
        quads = step.extracted.triples if step.extracted else 0
        if bulk is not None and quads <= BULK_BATCH_QUADS:
            if batched + quads > BULK_BATCH_QUADS:
                load_batch()
            batch.append(step)
            batched += quads
            return
        load_batch()  # those before it first: documents are written and reported in order
        if step.extracted is not None:
            try:
                store.replace(minter.graph(step.found.name), step.extracted.quads)
            except StoreError as exc:
                step.failed = (str(exc), f"failed: {exc}")
        done(step)

    def load_batch() -> None:
        """Bulk load the batch, each document whole or not at all, and report its documents: where
        a load failed, those of its documents the store does not hold as failed."""
        nonlocal batched
        quads = [step.extracted.quads for step in batch if step.extracted is not None]
        if bulk is not None and quads:
            try:
                bulk.bulk_load(quads)
            except StoreError as exc:
                for step in batch:
                    if step.extracted is not None and not bulk.holds_graph(minter.graph(step.found.name)):
                        step.failed = (str(exc), f"failed: {exc}")
        for step in batch:
            done(step)
        batch.clear()
        batched = 0

    def done(step: _Step) -> None:
        path, outcome = step.found.path, step.outcome
        if step.failed is not None:
            report.failed[str(path)], outcome = step.failed
        elif step.extracted is not None:
            report.written[str(path)] = step.extracted.triples
            if step.extracted.warnings:
                report.warnings[str(path)] = step.extracted.warnings
            outcome = f"{step.extracted.triples} triples"
        if progress and outcome is not None:
            progress(step.index, len(documents), path, outcome)

    executor, extract, parallel = _executor(workers, nlp, make_nlp, minter, current, scheduler)
    ahead = AHEAD_PER_WORKER * parallel
    with executor:
        for index, found in enumerate(documents, 1):
            step = _Step(index, found)
            path = found.path
            if found.skip:
                report.skipped[str(path)] = f"{path}: {found.skip}"
                step.outcome = f"skipped: {found.skip}"
            elif found.problem:
                report.failed[str(path)] = f"{path}: {found.problem}"
                step.outcome = f"failed: {report.failed[str(path)]}"
            elif found.name in named:
                report.failed[str(path)] = (
                    f"{path}: its graph name {found.name} is taken by {named[found.name]} in this build; "
                    "build the folder that holds both, so that each is named by its path in it"
                )
                step.outcome = f"failed: {report.failed[str(path)]}"
            else:
                named[found.name] = path
                step.digest = content_digest(path, max_file_bytes)
                if step.digest and recorded.get(str(minter.graph(found.name))) == (step.digest, current):
                    report.unchanged[str(path)] = step.digest
                    step.outcome = "unchanged"
                else:
                    step.future = executor.submit(extract, path, found.name, step.digest, max_file_bytes)
                    extracting += 1
            window.append(step)
            while window and (window[0].future is None or window[0].future.done() or extracting > ahead):
                finish(window.popleft())
        while window:
            finish(window.popleft())
        load_batch()
    if report.written or report.unchanged:  # a build killed before its prune is finished by the next one
        prune_entities(store, minter)
    return report


def prune_entities(store: GraphTarget, minter: Minter) -> int:
    """Drop the entity descriptions no document graph needs any more; returns how many triples went."""
    return store.prune_descriptions(minter.entities_graph(), ENTITY_LINKS)
