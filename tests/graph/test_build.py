"""Builds that scale: extraction in worker processes builds the same graph, and a rebuild leaves
the documents whose file and extractor are unchanged as they are."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.build
import graph.store
from extract.nlp import load_nlp
from extract.reading import find_documents
from graph.build import BuildReport, build_documents, content_digest, extractor_version
from graph.iris import Minter
from graph.store import KnowledgeStore
from tests.conftest import SAMPLES

TITLE = "福建省数字政府工作要点\n"
PLANS = {
    "a.txt": TITLE + "（一）建设协同办公平台。（责任单位：省数字办、省发改委）\n",
    "b.txt": TITLE + "（一）推广闽政通APP。（责任单位：省数字办）\n（二）升级公共数据平台。（责任单位：省发改委）\n",
    "c.txt": TITLE + "（一）建设一体化政务服务平台。（责任单位：省政务服务数据管理局）\n",
}


def write_plans(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PLANS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(folder: Path, store: Path, **options: object) -> BuildReport:
    with KnowledgeStore(store) as opened:
        report = build_documents(find_documents([folder]), opened, **options)  # type: ignore[arg-type]
    assert not report.failed, report.failed
    return report


def nquads(store: Path) -> list[str]:
    """Every quad of the store folder, as sorted N-Quads lines."""
    opened = ox.Store(str(store))
    try:
        return sorted((opened.dump(format=ox.RdfFormat.N_QUADS) or b"").decode("utf-8").splitlines())
    finally:
        del opened


def names(paths: dict[str, object]) -> list[str]:
    return sorted(Path(path).name for path in paths)


# Workers -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildReport, Path, list[int]]:
    """The samples built by two worker processes, once for the tests below: the report, the store
    and the indices of the documents in the order their progress came."""
    store = tmp_path_factory.mktemp("two-workers") / "store"
    seen: list[int] = []
    report = build(SAMPLES, store, workers=2, progress=lambda index, total, path, outcome: seen.append(index))
    return report, store, seen


def test_workers_build_the_graph_one_process_builds(
    tmp_path: Path, two_workers: tuple[BuildReport, Path, list[int]]
) -> None:
    one = build(SAMPLES, tmp_path / "one", workers=1)
    two, store, _ = two_workers
    assert list(one.written) == list(two.written) and len(one.written) == len(list(SAMPLES.glob("*.txt")))
    assert nquads(tmp_path / "one") == nquads(store)


def test_workers_with_the_nlp_pipeline_build_the_graph_one_process_builds(tmp_path: Path, nlp) -> None:
    """Each worker calls ``make_nlp`` (loaded once, in the forkserver it is forked from); platforms
    come back from them. The one process is this one, with the pipeline it loaded for the session
    (a second load costs seconds)."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for sample in ("fujian_2022_digital.txt", "fuzhou_2025_digital.txt"):
        shutil.copyfile(SAMPLES / sample, plans / sample)
    build(plans, tmp_path / "one", nlp=nlp)
    build(plans, tmp_path / "two", make_nlp=load_nlp, workers=2)
    quads = nquads(tmp_path / "one")
    assert any("ontology#Platform>" in quad for quad in quads)  # the pipeline ran
    assert quads == nquads(tmp_path / "two")


def test_a_loaded_pipeline_is_not_sent_to_workers(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="make_nlp"):
        build(write_plans(tmp_path / "plans"), tmp_path / "store", nlp=object(), workers=2)


def test_progress_comes_in_document_order_from_workers(two_workers: tuple[BuildReport, Path, list[int]]) -> None:
    _, _, seen = two_workers
    assert seen == list(range(1, len(list(SAMPLES.glob("*.txt"))) + 1))


# Bulk loading ---------------------------------------------------------------------------------


class LoadCountingStore(KnowledgeStore):
    """A store that keeps how many quads each of its bulk loads took."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.loads: list[int] = []

    def bulk_load(self, documents: Sequence[bytes]) -> None:
        self.loads.append(sum(document.count(b"\n") for document in documents))
        super().bulk_load(documents)


@pytest.mark.parametrize("batch", [2_000, graph.build.BULK_BATCH_QUADS])
def test_a_build_into_an_empty_store_bulk_loads_the_graph_a_build_writes_document_by_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """Into an empty store, documents are bulk loaded in batches of whole documents, each document
    reported once its batch is in the store; into one that holds a graph already, each document
    is its own transaction; the two make the same graph."""
    monkeypatch.setattr(graph.build, "BULK_BATCH_QUADS", batch)
    minter = Minter()
    bulk = LoadCountingStore(tmp_path / "bulk")
    with bulk:
        in_store: list[bool] = []
        progress = lambda index, total, path, outcome: in_store.append(  # noqa: E731
            bulk.holds_graph(minter.graph(Path(path).name))
        )
        report = build_documents(find_documents([SAMPLES]), bulk, progress=progress)
        assert not report.failed and in_store == [True] * len(report.written)
        assert bulk.loads and max(bulk.loads) <= batch  # a document larger than a batch is written by itself
        assert sum(bulk.loads) == sum(quads for quads in report.written.values() if quads <= batch)
        assert len(bulk.loads) > 1 if batch < sum(report.written.values()) else len(bulk.loads) == 1
    one_by_one = LoadCountingStore(tmp_path / "one-by-one")
    with one_by_one:
        one_by_one.update("INSERT DATA { GRAPH <urn:test:there> { <urn:a> <urn:b> <urn:c> } }")
        assert not build_documents(find_documents([SAMPLES]), one_by_one).failed and one_by_one.loads == []
        one_by_one.update("DROP GRAPH <urn:test:there>")
    assert nquads(tmp_path / "bulk") == nquads(tmp_path / "one-by-one")


class LastDocumentCutShortStore(KnowledgeStore):
    """A store whose bulk loads get the last document's N-Quads cut short (their final full stop
    gone), so that the load which takes that document fails."""

    def bulk_load(self, documents: Sequence[bytes]) -> None:
        super().bulk_load([*documents[:-1], documents[-1].rstrip()[:-1]])


def test_the_documents_of_a_failed_bulk_load_are_reported_failed_and_the_others_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch is shared out among loads at once: the documents of the load that failed are
    reported failed and are not in the store, those of the others are written whole."""
    monkeypatch.setattr(graph.store, "BULK_LOADERS", 2)
    minter = Minter()
    with LastDocumentCutShortStore(tmp_path / "store") as store:
        report = build_documents(find_documents([SAMPLES]), store)
        assert report.failed and report.written
        assert str(sorted(SAMPLES.glob("*.txt"))[-1]) in report.failed
        for path in [*report.failed, *report.written]:
            assert store.holds_graph(minter.graph(Path(path).name)) == (path in report.written), path
    build(SAMPLES, tmp_path / "clean")
    graphs = {f"<{minter.graph(Path(path).name)}>" for path in report.written}
    in_graphs = lambda lines: [line for line in lines if line.rsplit(" ", 2)[-2] in graphs]  # noqa: E731
    written = in_graphs(nquads(tmp_path / "store"))
    assert written and written == in_graphs(nquads(tmp_path / "clean"))


def test_a_document_larger_than_a_batch_is_written_by_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph.build, "BULK_BATCH_QUADS", 20)  # fewer than any document's quads
    store = LoadCountingStore(tmp_path / "store")
    with store:
        report = build_documents(find_documents([write_plans(tmp_path / "plans")]), store)
        assert names(report.written) == sorted(PLANS) and store.loads == []
    build(tmp_path / "plans", tmp_path / "bulk")
    assert nquads(tmp_path / "store") == nquads(tmp_path / "bulk")


# Incremental builds --------------------------------------------------------------------------


def test_a_second_build_of_unchanged_files_writes_nothing(tmp_path: Path) -> None:
    plans, store = write_plans(tmp_path / "plans"), tmp_path / "store"
    assert names(build(plans, store).written) == sorted(PLANS)
    before = nquads(store)
    report = build(plans, store)
    assert report.written == {} and names(report.unchanged) == sorted(PLANS)
    assert report.unchanged[str(plans / "a.txt")] == content_digest(plans / "a.txt")
    assert nquads(store) == before


def test_the_digest_and_the_version_are_recorded_in_the_document_graph(tmp_path: Path) -> None:
    plans, store = write_plans(tmp_path / "plans"), tmp_path / "store"
    build(plans, store)
    minter = Minter()
    graph, document = minter.graph("a.txt"), minter.document("a.txt")
    with KnowledgeStore(store) as opened:
        digest = f'<{document}> <https://w3id.org/policykg/ontology#contentDigest> "{content_digest(plans / "a.txt")}"'
        version = f'<{document}> <https://w3id.org/policykg/ontology#extractorVersion> "{extractor_version()}"'
        quads = opened.oxigraph.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8")
    assert f"{digest} <{graph}> ." in quads and f"{version} <{graph}> ." in quads


def test_an_edited_file_is_the_only_one_rebuilt(tmp_path: Path) -> None:
    plans, store = write_plans(tmp_path / "plans"), tmp_path / "store"
    build(plans, store)
    (plans / "b.txt").write_text(TITLE + "（一）推广闽政通APP。（责任单位：省发改委）\n", encoding="utf-8")
    report = build(plans, store)
    assert names(report.written) == ["b.txt"] and names(report.unchanged) == ["a.txt", "c.txt"]
    with KnowledgeStore(tmp_path / "fresh") as fresh:  # what a build from nothing makes of the files now
        build_documents(find_documents([plans]), fresh)
    assert nquads(store) == nquads(tmp_path / "fresh")


def test_force_rebuilds_every_file(tmp_path: Path) -> None:
    plans, store = write_plans(tmp_path / "plans"), tmp_path / "store"
    build(plans, store)
    before = nquads(store)
    report = build(plans, store, force=True)
    assert names(report.written) == sorted(PLANS) and report.unchanged == {}
    assert nquads(store) == before


def test_a_new_extractor_version_rebuilds_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans, store = write_plans(tmp_path / "plans"), tmp_path / "store"
    build(plans, store)
    old = extractor_version()
    monkeypatch.setattr(graph.build, "EXTRACTOR_VERSION", graph.build.EXTRACTOR_VERSION + 1)
    assert extractor_version() != old
    report = build(plans, store)
    assert names(report.written) == sorted(PLANS) and report.unchanged == {}
    assert names(build(plans, store).unchanged) == sorted(PLANS)  # recorded: the next build skips them


def test_changed_extraction_data_changes_the_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An edit to the gazetteer or the lexicons (the data files the extraction reads) is a new version."""
    data = tmp_path / "ontology"
    shutil.copytree(graph.build.ONTOLOGY_DIR, data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(graph.build, "ONTOLOGY_DIR", data)
    graph.build._data_digest.cache_clear()
    try:
        before = extractor_version()
        with (data / "gazetteer" / "places.jsonl").open("a", encoding="utf-8") as places:
            places.write("\n")
        graph.build._data_digest.cache_clear()
        assert extractor_version() != before
    finally:
        graph.build._data_digest.cache_clear()


def test_a_build_that_skips_every_file_still_prunes(tmp_path: Path) -> None:
    """A build killed before its prune leaves descriptions no document names; the next one drops
    them even when every file is unchanged."""
    plans, store = write_plans(tmp_path / "plans"), tmp_path / "store"
    build(plans, store)
    before = nquads(store)
    entities = Minter().entities_graph()
    with KnowledgeStore(store) as opened:
        stale = f'<{Minter().agency("350000/nobody")}> <http://www.w3.org/2004/02/skos/core#prefLabel> "无"'
        opened.update(f"INSERT DATA {{ GRAPH <{entities}> {{ {stale} }} }}")
    assert nquads(store) != before
    report = build(plans, store)
    assert report.written == {} and nquads(store) == before


def test_the_command_line_says_what_it_left_unchanged(tmp_path: Path) -> None:
    plans, store = write_plans(tmp_path / "plans"), str(tmp_path / "store")

    def policykg(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "graph.cli", "build", str(plans), "--no-nlp", "--store", store, *args]
        return subprocess.run(command, capture_output=True, text=True, env={**os.environ}, check=False)

    first = policykg("--workers", "2")
    assert first.returncode == 0, first.stderr
    assert "built 3 of 3 documents" in first.stdout and "unchanged" not in first.stdout
    assert f"compacting {store}" in first.stderr  # a build that wrote compacts the store it wrote
    second = policykg("--workers", "2")
    assert second.returncode == 0 and "built 0 of 3 documents" in second.stdout and "; 3 unchanged" in second.stdout
    assert f"[1/3] {plans / 'a.txt'}: unchanged" in second.stderr and "compacting" not in second.stderr
    forced = policykg("--force", "--workers", "1")
    assert forced.returncode == 0 and "built 3 of 3 documents" in forced.stdout and "unchanged" not in forced.stdout
    wrong = policykg("--workers", "0")
    assert wrong.returncode == 2 and "--workers" in wrong.stderr


def test_workers_end_when_their_build_is_killed(tmp_path: Path) -> None:
    """Nothing else ends a worker of a build killed by SIGKILL, and a worker left running would
    keep the build's standard error open: each watches its build and ends with it."""
    import psutil

    store = tmp_path / "store"
    first, *_ = documents = find_documents([SAMPLES])
    with KnowledgeStore(store) as opened:  # not empty: each document is written, and reported, as it comes
        build_documents([first], opened)
    command = [sys.executable, "-m", "graph.cli", "build", str(SAMPLES), "--no-nlp", "--force", "--store", str(store)]
    build = subprocess.Popen([*command, "--workers", "2"], stderr=subprocess.PIPE, text=True)
    try:
        assert build.stderr is not None
        assert build.stderr.readline().startswith(f"[1/{len(documents)}]")  # the workers have more to do
        started = psutil.Process(build.pid).children(recursive=True)  # the workers, and what started them
        assert len(started) >= 2
        build.send_signal(signal.SIGSTOP)  # the workers finish what they were given and wait for more
        time.sleep(1.5)
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=10)
    _, alive = psutil.wait_procs(started, timeout=10)
    assert alive == []
    assert build.stderr is not None and isinstance(build.stderr.read(), str)  # end of file: no worker holds it


def _no_pipeline() -> None:
    raise RuntimeError("no pipeline in this worker")


def test_workers_that_cannot_make_their_pipeline_stop_the_build(tmp_path: Path) -> None:
    """The forkserver that warms the workers meets nothing of a pipeline it is not given; each
    worker calls ``make_nlp``, and its error stops the build as it does in one process."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for sample in ("fujian_2022_digital.txt", "fuzhou_2025_digital.txt"):
        shutil.copyfile(SAMPLES / sample, plans / sample)
    with KnowledgeStore(tmp_path / "store") as store, pytest.raises(RuntimeError, match="no pipeline in this worker"):
        build_documents(find_documents([plans]), store, make_nlp=_no_pipeline, workers=2)


def test_plans_that_name_no_place_keep_their_bodies_apart(tmp_path: Path) -> None:
    """Two plans that never say their city: each 市财政局 is an agency of its own, of no
    jurisdiction (not the country's), and the two share no initiative through it."""
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_text("一、稳增长\n1.落实减税降费。（责任单位：市财政局、市税务局）\n", encoding="utf-8")
    (plans / "b.txt").write_text("一、保民生\n1.发放就业补贴。（责任单位：市财政局、市人社局）\n", encoding="utf-8")
    build(plans, tmp_path / "store")
    opened = ox.Store(str(tmp_path / "store"))
    try:
        rows = list(
            opened.query(
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                "PREFIX pkg: <https://w3id.org/policykg/ontology#> "
                "SELECT DISTINCT ?a (EXISTS { GRAPH ?h { ?a pkg:jurisdiction ?j } } AS ?placed) "
                'WHERE { GRAPH ?g { ?a skos:prefLabel ?label } FILTER(STR(?label) = "市财政局") }'
            )
        )
    finally:
        del opened
    assert len(rows) == 2
    assert all(row["placed"].value == "false" for row in rows)
