"""Shared fixtures: the real gazetteer, the bundled samples, the shared gold when present, the
spaCy pipeline and the store the samples build into, each made once per session."""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from extract.gazetteer import Gazetteer, load_gazetteer
from tests import scheduling

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
# What a folder's tests will start from the built store, started as soon as it is built, while
# the tests before theirs run (the real servers of tests/e2e): called with its path and the factory.
WHEN_BUILT: list[Callable[[Path, pytest.TempPathFactory], None]] = []


# CI draws the same examples on every run: a property's counterexample is found while working,
# where it can be read and mended, and never turns a submission red by the luck of the draw.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The packages whose modules the tests' subprocesses import (servers, builds, spawned workers).
PACKAGES = ("extract", "graph", "api", "ontology", "bench", "tests")


def pytest_configure(config: pytest.Config) -> None:
    scheduling.configure(config)
    if getattr(config, "workerinput", None) is None:  # once, in the controller (or the one process)
        compile_sources()


def compile_sources() -> None:
    """Write the byte code of this checkout's modules beside them (``__pycache__``, as Python itself
    does when it may), for the many Python processes the tests start: where Python is told not to
    write byte code (``PYTHONDONTWRITEBYTECODE``), each would compile every module it imports anew,
    a few tenths of a second of CPU each. Python checks a cached file against its source's time and
    size before it uses it, so an edited module is compiled from its source again."""
    import compileall

    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=2)


def pytest_unconfigure(config: pytest.Config) -> None:
    scheduling.unconfigure(config)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """Under ``pytest -n N``, the tests are shared out as tests/scheduling.py says (the limit tests
    last and alone); an explicit ``--dist`` other than ``load`` is pytest-xdist's own."""
    return scheduling.PathScheduling(config, log) if scheduling.used(config) else None


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: object) -> None:
    scheduling.configure_node(node)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The ``alone`` mark on the tests that run alone (tests/scheduling.py), for ``-m``."""
    for item in items:
        if scheduling.is_alone(item.nodeid):
            item.add_marker(pytest.mark.alone)


@pytest.fixture(autouse=True)
def _alone(request: pytest.FixtureRequest) -> None:
    """An ``alone`` test starts once no other test worker is left (its wider fixtures, such as the
    servers it uses, are set up before, while the last of the others run)."""
    if request.node.get_closest_marker("alone") is not None:
        scheduling.wait_for_the_others(request.config)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Everything imported so far lives as long as the session: the cyclic garbage collector need
    not look at it again (it would, over and over, in each full collection; ``gc.freeze``)."""
    gc.freeze()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return corpus


@pytest.fixture(scope="session")
def shared_gold() -> Path:
    gold = SHARED / "gold"
    if not gold.is_dir():
        pytest.skip("../shared/gold is not beside this checkout")
    return gold


@pytest.fixture(scope="session")
def nlp():
    from extract.nlp import load_nlp

    pipeline = load_nlp()
    gc.freeze()  # the pipeline lives as long as the session, as what was imported does
    return pipeline


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    """The bundled samples built once with the real pipeline (extraction, spaCy + pkuseg, the
    ontology) into a store folder that stays closed: a test that opens or changes a store takes
    its own copy (:func:`copy_store`), since a folder is open in one process at a time."""
    from extract.reading import find_documents
    from graph.build import build_documents
    from graph.store import KnowledgeStore

    path = tmp_path_factory.mktemp("built") / "store"
    with KnowledgeStore(path) as store:
        report = build_documents(find_documents([SAMPLES]), store, nlp=nlp)
    assert not report.failed, report.failed
    assert len(report.written) == len(list(SAMPLES.glob("*.txt"))) == 8
    for start in WHEN_BUILT:
        start(path, tmp_path_factory)
    return path


def copy_store(built: Path, folder: Path) -> Path:
    """A private copy of the store folder *built*, as ``folder/store``."""
    copy = folder / "store"
    shutil.copytree(built, copy)
    return copy


@pytest.fixture
def store_copy(built_store: Path, tmp_path: Path) -> Path:
    """A private copy of :func:`built_store` for one test to open and change."""
    return copy_store(built_store, tmp_path)
