"""Builds on a Dask cluster (a real ``LocalCluster`` of two worker processes) write the graph a
local build writes, report bad documents the same way, and say so when the cluster is not there."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from extract.nlp import load_nlp
from extract.reading import find_documents
from graph.build import build_documents
from graph.cli import main
from graph.distributed import DaskExecutor, DaskUnavailable
from graph.store import KnowledgeStore
from tests.conftest import SAMPLES
from tests.graph.test_build import build, nquads

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a cluster of two single-threaded worker processes, as `dask worker --nthreads 1` starts."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        yield cluster.scheduler_address


def broken_nlp() -> None:
    raise RuntimeError("no pipeline on this worker")


def two_plans(folder: Path) -> Path:
    folder.mkdir()
    for sample in ("fujian_2022_digital.txt", "fuzhou_2025_digital.txt"):
        shutil.copyfile(SAMPLES / sample, folder / sample)
    return folder


def test_a_dask_build_writes_the_graph_a_local_build_writes(tmp_path: Path, scheduler: str, nlp) -> None:
    plans = two_plans(tmp_path / "plans")
    local = build(plans, tmp_path / "local", nlp=nlp)  # in this process, with the session's pipeline
    on_dask = build(plans, tmp_path / "dask", make_nlp=load_nlp, scheduler=scheduler)
    assert on_dask.written == local.written
    quads = nquads(tmp_path / "local")
    assert any("ontology#Platform>" in quad for quad in quads)  # the pipeline ran on the workers
    assert nquads(tmp_path / "dask") == quads


def test_the_command_line_builds_on_the_cluster_and_reports_a_bad_document(
    tmp_path: Path, scheduler: str, capsys: pytest.CaptureFixture[str]
) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(SAMPLES, plans)
    (plans / "empty.txt").write_bytes(b" \n\n \n")  # no text: passes the checks here, fails on the worker
    store = tmp_path / "store"
    code = main(
        ["build", str(plans), "--store", str(store), "--no-nlp", "--executor", "dask", "--scheduler", scheduler]
    )
    out, _ = capsys.readouterr()
    assert code == 1
    assert f"failed: {plans / 'empty.txt'}" in out
    assert f"built {len(list(SAMPLES.glob('*.txt')))} of" in out
    local = tmp_path / "local"
    (plans / "empty.txt").unlink()
    assert main(["build", str(plans), "--store", str(local), "--no-nlp", "--workers", "1"]) == 0
    assert nquads(store) == nquads(local)


def test_workers_that_cannot_make_their_pipeline_stop_the_build(tmp_path: Path, scheduler: str) -> None:
    plans = two_plans(tmp_path / "plans")
    with KnowledgeStore(tmp_path / "store") as store, pytest.raises(RuntimeError, match="no pipeline on this worker"):
        build_documents(
            find_documents([plans]),
            store,
            make_nlp=broken_nlp,
            scheduler=scheduler,
        )


def test_a_scheduler_that_does_not_answer_is_named(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{sock.getsockname()[1]}"  # bound, never listening
        with pytest.raises(DaskUnavailable, match=f"cannot reach the Dask scheduler at {address}"):
            DaskExecutor(address, timeout=1)


def test_dask_needs_a_scheduler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    assert main(["build", str(SAMPLES), "--store", str(tmp_path / "store"), "--executor", "dask"]) == 2
