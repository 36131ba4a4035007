"""Faults (issue 12): a build killed at any point, two processes on one store, and a build into a
running server while it answers queries.

Every build here is a real ``policykg build --no-nlp`` subprocess on copies of the bundled
samples under distinct names, checked against a clean build of the same files in this process.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from extract.reading import find_documents
from graph.build import build_documents
from graph.iris import Minter
from graph.store import KnowledgeStore
from tests.conftest import ROOT, SAMPLES
from tests.e2e.conftest import Server, free_port, start_server

COPIES = 3  # of the eight samples: 24 documents, a build of about two seconds
SEED = 12
TOKEN = "faults-token"
ENTITIES = str(Minter().entities_graph())
PROGRESS = re.compile(r"^\[\d+/\d+\] (.+): \d+ triples$")

Graphs = dict[str, frozenset[ox.Triple]]  # graph name ("" for the default graph) → its triples


def _environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    return {**env, "PYTHONUNBUFFERED": "1", **extra}


def policykg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "graph.cli", *args]
    return subprocess.run(command, cwd=ROOT, env=env or _environment(), capture_output=True, text=True, timeout=120)


def policykgs(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Each of *commands* as :func:`policykg` runs it, all at once."""
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "graph.cli", *command],
            cwd=ROOT,
            env=_environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    results = []
    try:
        for command, process in zip(commands, running, strict=True):
            out, err = process.communicate(timeout=120)
            results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    finally:
        for process in running:  # none is left running, whatever happened
            if process.poll() is None:
                process.kill()
                process.wait()
    return results


def start_build(plans: Path, store: str | Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``policykg build PLANS --no-nlp --store STORE``, its progress lines (standard error) on a pipe."""
    command = [sys.executable, "-m", "graph.cli", "build", str(plans), "--no-nlp", "--store", str(store)]
    return subprocess.Popen(
        command, cwd=ROOT, env=env or _environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )


def graphs(path: Path) -> Graphs:
    """Every graph of the store at *path*, opened anew."""
    with KnowledgeStore(path) as store:
        found: dict[str, set[ox.Triple]] = {}
        for quad in store.oxigraph.quads_for_pattern(None, None, None, None):
            name = getattr(quad.graph_name, "value", "")
            found.setdefault(name, set()).add(ox.Triple(quad.subject, quad.predicate, quad.object))
    return {name: frozenset(triples) for name, triples in found.items()}


def graph_name(plans: Path, line: str) -> str | None:
    """The graph of the document a progress line reports written, if it reports one."""
    match = PROGRESS.match(line.rstrip("\n"))
    return str(Minter().graph(Path(match[1]).relative_to(plans).as_posix())) if match else None


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples, each copied COPIES times under names of its own."""
    folder = tmp_path_factory.mktemp("faults") / "plans"
    folder.mkdir()
    for copy in range(COPIES):
        for sample in sorted(SAMPLES.glob("*.txt")):
            shutil.copyfile(sample, folder / f"c{copy}_{sample.name}")
    return folder


def _build(folder: Path, store: Path) -> None:
    with KnowledgeStore(store) as opened:
        report = build_documents(find_documents([folder]), opened)
    assert not report.failed and report.written, report.failed


@pytest.fixture(scope="module")
def reference(plans: Path, tmp_path_factory: pytest.TempPathFactory) -> Graphs:
    """What a clean ``build --no-nlp`` of the plans writes, graph by graph."""
    store = tmp_path_factory.mktemp("reference") / "store"
    _build(plans, store)
    return graphs(store)


# A build killed at any point ------------------------------------------------------------------


def killed_build(plans: Path, store: Path, *, lines: int | None = None, seconds: float | None = None) -> set[str]:
    """Start a build of *plans* into *store* and SIGKILL it once it has reported *lines* documents
    written, or after *seconds*; the graphs of the documents it reported written."""
    process = start_build(plans, store)
    progress: list[str] = []
    enough = threading.Event()

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            progress.append(line)
            if lines is not None and sum(1 for p in progress if PROGRESS.match(p.rstrip("\n"))) >= lines:
                enough.set()
        enough.set()  # the build ended by itself

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    enough.wait(timeout=60 if seconds is None else seconds)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    reader.join(timeout=30)
    return {name for line in progress if (name := graph_name(plans, line))}


def test_a_build_killed_at_any_point_leaves_every_written_document_whole(
    plans: Path, reference: Graphs, tmp_path: Path
) -> None:
    """Killed after so many documents and at random moments (start-up, mid-build, the final
    prune), kill after kill on one store: it opens, holds every document reported written, each
    exactly as a clean build writes it, and no other half-written; then a build completes it."""
    store = tmp_path / "store"
    documents = len(list(plans.iterdir()))
    moments = random.Random(SEED)
    points: list[dict[str, Any]] = [  # each later than the last, so the store grows from kill to kill
        {"seconds": moments.uniform(0.05, 0.6)},  # start-up: most likely before the store exists
        {"lines": 1},
        {"seconds": moments.uniform(0.4, 1.0)},
        {"lines": documents // 3},
        {"seconds": moments.uniform(0.8, 1.6)},
        {"lines": 2 * documents // 3},
        {"seconds": moments.uniform(1.2, 2.0)},
        {"lines": documents - 1},
        {"lines": documents},  # every document written: killed in the final prune or the statistics
    ]
    reported: set[str] = set()
    for point in points:
        reported |= killed_build(plans, store, **point)
        found = graphs(store)  # it opens
        assert set(found) - {ENTITIES} >= reported, point
        for name, triples in found.items():
            if name == ENTITIES:
                assert triples <= reference[ENTITIES], point  # merged in the same transaction as its document
            else:
                assert triples == reference.get(name), (point, name)  # whole, never half-written
    assert reported, "no kill came after a document was written"
    result = policykg("build", str(plans), "--no-nlp", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert graphs(store) == reference  # every quad, the entities graph with no description too many


# Two processes on one store ------------------------------------------------------------------


@pytest.fixture(scope="module")
def old_store(plans: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of earlier versions of the plans: the same names, the first half of each and an item
    for an agency no plan names now (the build must drop its description)."""
    folder = tmp_path_factory.mktemp("old")
    (folder / "plans").mkdir()
    for plan in plans.iterdir():
        text = plan.read_text(encoding="utf-8").splitlines(keepends=True)
        earlier = "".join(text[: len(text) // 2]) + "\n（九十九）建设地震监测预警平台。（责任单位：地震局）\n"
        (folder / "plans" / plan.name).write_text(earlier, encoding="utf-8")
    _build(folder / "plans", folder / "store")
    return folder / "store"


@pytest.fixture(scope="module")
def server(old_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``policykg serve`` on a copy of the old store, taking updates with a token."""
    yield from start_server(old_store, tmp_path_factory.mktemp("served"), {"update_token": TOKEN})


def _served_store(server: Server) -> Path:
    return server.log.parent / "store"


@pytest.mark.parametrize(
    "command", [["build", "--no-nlp"], ["query", "ASK {}"], ["stats"], ["dump"], ["validate"], ["shared"]]
)
def test_a_served_store_is_refused_naming_the_server(server: Server, plans: Path, command: list[str]) -> None:
    store = _served_store(server)
    paths = [str(plans)] if command[0] == "build" else []
    result = policykg(command[0], *paths, *command[1:], "--store", str(store))
    assert result.returncode == 1, result.stderr
    holder = f"{store}: the store is open in `policykg serve` (process {server.process.pid}), which serves it at"
    assert f"{holder} {server.sparql}" in result.stderr
    if command[0] == "build":
        assert (
            f"Build into the running server instead: `policykg build PATH... --store {server.sparql}`" in result.stderr
        )
    else:
        assert f"Ask the server instead, at its SPARQL endpoint {server.sparql}" in result.stderr
    assert "Traceback" not in result.stderr and "LOCK" not in result.stderr


def test_a_second_build_is_refused_while_one_runs(plans: Path, tmp_path: Path) -> None:
    """A build holds the store (stopped after its first document, so it surely still does): a
    second build, a server and a query are each refused naming it; then both builds complete."""
    store = tmp_path / "store"
    first = start_build(plans, store)
    try:
        assert first.stderr is not None
        assert PROGRESS.match(first.stderr.readline().rstrip("\n"))
        first.send_signal(signal.SIGSTOP)
        holder = f"{store}: the store is open in `policykg build` (process {first.pid}); "
        commands = (["build", str(plans), "--no-nlp"], ["serve", "--port", str(free_port())], ["query", "ASK {}"])
        refused = policykgs(*([*command, "--store", str(store)] for command in commands))
        for command, result in zip(commands, refused, strict=True):
            assert result.returncode == 1, (command, result.stderr)
            assert holder in result.stderr and "Wait for it to finish, then run this again." in result.stderr
    finally:
        first.send_signal(signal.SIGCONT)
    _, errors = first.communicate(timeout=60)
    assert first.returncode == 0, errors
    assert policykg("build", str(plans), "--no-nlp", "--store", str(store)).returncode == 0


# Building into a running server ------------------------------------------------------------------


@pytest.fixture(scope="module")
def old(old_store: Path) -> Graphs:
    return graphs(old_store)


@pytest.fixture(scope="module")
def expected(old_store: Path, plans: Path, tmp_path_factory: pytest.TempPathFactory) -> Graphs:
    """The old store after a local build of the plans: what a build into a server of it must leave."""
    store = tmp_path_factory.mktemp("expected") / "store"
    shutil.copytree(old_store, store)
    _build(plans, store)
    return graphs(store)


@pytest.fixture(scope="module")
def oxigraph_server(old_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``oxigraph serve`` on a copy of the old store; its query endpoint."""
    binary = Path(sys.executable).with_name("oxigraph")
    if not binary.exists():
        pytest.skip(f"the oxigraph CLI is not installed ({binary}); `pip install oxigraph` provides it")
    folder = tmp_path_factory.mktemp("oxigraph")
    shutil.copytree(old_store, folder / "store")
    port = free_port()
    with (folder / "server.log").open("wb") as log:
        command = [str(binary), "serve", "--location", str(folder / "store"), "--bind", f"127.0.0.1:{port}"]
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(url, params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail(f"oxigraph serve did not answer: {(folder / 'server.log').read_text(errors='replace')}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def select(client: httpx.Client, url: str, query: str) -> ox.QuerySolutions | ox.QueryBoolean:
    response = client.post(
        url,
        content=query.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    response.raise_for_status()
    return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)


COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
# An agency some document names as responsible that the entities graph does not describe.
UNDESCRIBED = f"""ASK {{ GRAPH ?g {{ ?r <http://www.w3.org/ns/prov#agent> ?a }} FILTER(?g != <{ENTITIES}>)
                    FILTER NOT EXISTS {{ GRAPH <{ENTITIES}> {{ ?a ?p ?o }} }} }}"""


@pytest.mark.parametrize("kind", ["policykg", "oxigraph"])
def test_a_server_answers_from_whole_documents_while_a_build_writes_into_it(
    kind: str, request: pytest.FixtureRequest, plans: Path, old: Graphs, expected: Graphs
) -> None:
    """While ``build --store URL`` replaces every document of a running server, a reader asking
    it again and again gets no error and sees every document graph, each whole, old or new (never
    dropped and not yet written again), and every agency a document names described; at the end
    the server holds what a local build makes, the descriptions no document names gone."""
    url = request.getfixturevalue("server").sparql if kind == "policykg" else request.getfixturevalue(f"{kind}_server")
    sizes = {name: {len(old[name]), len(triples)} for name, triples in expected.items() if name != ENTITIES}
    assert old[ENTITIES] - expected[ENTITIES]  # descriptions the build must drop
    assert set(sizes) == set(old) - {ENTITIES}  # every document is there before: it must be there all along
    errors: list[str] = []
    states: list[int] = []  # per answer, how many documents were new already
    done = threading.Event()

    def read() -> None:
        with httpx.Client(timeout=30) as client:
            while not done.is_set():
                try:
                    counts = {s["g"].value: int(s["n"].value) for s in select(client, url, COUNTS)}  # type: ignore[union-attr]
                    if bool(select(client, url, UNDESCRIBED)):
                        errors.append("an agency a document names is not described")
                except (httpx.HTTPError, SyntaxError) as exc:
                    errors.append(f"{type(exc).__name__}: {exc}")
                    continue
                errors.extend(f"{counts.get(g, 0)} triples in {g}" for g in sizes if counts.get(g, 0) not in sizes[g])
                states.append(sum(n == len(expected[g]) != len(old[g]) for g, n in counts.items() if g != ENTITIES))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(0.2)
    result = policykg("build", str(plans), "--no-nlp", "--store", url, env=_environment(POLICYKG_UPDATE_TOKEN=TOKEN))
    time.sleep(0.2)
    done.set()
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"built {len(sizes)} of {len(sizes)} documents into {url}" in result.stdout
    assert errors == []
    changed = sum(len(expected[g]) != len(old[g]) for g in sizes)
    assert any(0 < s < changed for s in states), states  # the reader saw the build part-way
    with httpx.Client(timeout=60) as client:
        quads = select(client, url, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        found: dict[str, set[ox.Triple]] = {}
        for s in quads:  # type: ignore[union-attr]
            found.setdefault(s["g"].value, set()).add(ox.Triple(s["s"], s["p"], s["o"]))
    assert {name: frozenset(triples) for name, triples in found.items()} == expected


def test_a_build_into_a_server_without_its_token_is_refused_before_it_starts(server: Server, plans: Path) -> None:
    result = policykg("build", str(plans), "--no-nlp", "--store", server.sparql)
    assert result.returncode == 1
    assert f"policykg build: {server.sparql}: cannot update the store there: the server answered 401" in result.stderr
    assert "POLICYKG_UPDATE_TOKEN" in result.stderr and "[1/" not in result.stderr
