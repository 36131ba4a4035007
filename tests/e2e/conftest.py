"""Real servers for the end-to-end tests: what only a real server shows (limits on the process,
SIGTERM, generated traffic, real clients over real sockets); the app's behaviour request by
request is tested in this process, in tests/api.

The bundled samples are built once per session with the real pipeline into a store
(``built_store``, tests/conftest.py); each server is a real ``policykg serve`` subprocess on a
free loopback port with its own copy of the store (Oxigraph locks a store folder per process)
and its own ``POLICYKG_*`` settings. Servers are started on first use, with every other one the
tests of the same phase use, so that they boot side by side (the phases: the limit tests, marked
``alone``, which run last and alone under pytest-xdist, tests/scheduling.py; and the others);
shared by the tests of this folder and stopped after the last of them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.answers import UPDATE_TOKEN
from tests.conftest import ROOT, WHEN_BUILT, copy_store

STARTUP_SECONDS = 30.0
QUERY_TIMEOUT = 2.0  # seconds: a small query meets it on a machine busy with other tests
MAX_RESULT_BYTES = 2_000
MAX_BODY_BYTES = 200_000
MEMORY_LIMIT = 600 * 2**20
MAX_CONCURRENT = 2


@dataclass
class Server:
    """A running server: its base URL, and its log for a failing test to show."""

    url: str
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def client(self, timeout: float = 20.0) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=timeout)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def launch(built: Path, folder: Path, settings: dict[str, str], left_out: tuple[str, ...] = ()) -> Server:
    """Start serving a private copy of *built* with *settings* as ``POLICYKG_*`` variables, less the
    documents *left_out* (deleted as ``DELETE /store?graph=`` deletes them); not yet waited for."""
    store = copy_store(built, folder)
    if left_out:
        from api.operations import delete_graph
        from graph.iris import DEFAULT_BASE, Minter
        from graph.store import KnowledgeStore

        with KnowledgeStore(store) as opened:
            for name in left_out:
                if not delete_graph(opened, str(Minter(DEFAULT_BASE).graph(name)), DEFAULT_BASE):
                    raise ValueError(f"{name} is not a document of {built}")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    env.update({f"POLICYKG_{name.upper()}": value for name, value in settings.items()})
    env["PYTHONUNBUFFERED"] = "1"
    log = folder / "server.log"
    command = [sys.executable, "-m", "graph.cli", "serve", "--store", str(store), "--host", "127.0.0.1"]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*command, "--port", str(port)], cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    return Server(f"http://127.0.0.1:{port}", log, process)


def stop(servers: list[Server]) -> None:
    """Stop *servers*: each is sent SIGTERM at once, then waited for (and killed if it does not end)."""
    for server in servers:
        server.process.terminate()
    for server in servers:
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=10)


def start_server(built: Path, folder: Path, settings: dict[str, str]) -> Iterator[Server]:
    """Serve a private copy of *built* with *settings* as ``POLICYKG_*`` variables until the generator is closed."""
    server = launch(built, folder, settings)
    try:
        wait_until_up(server)
        yield server
    finally:
        stop([server])


def wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            if httpx.get(server.sparql, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    log = server.log.read_text(encoding="utf-8", errors="replace")[-3000:]
    raise RuntimeError(f"the server at {server.url} did not answer within {STARTUP_SECONDS:g} s:\n{log}")


# The servers' settings, by the name of the fixture that gives each.
PROFILES: dict[str, dict[str, str]] = {
    # the default settings: read-only, 10 s, 64 MiB answers, no CORS
    "server": {},
    # queries may run for one second; reads any origin's pages may make (CORS)
    "slow_server": {"query_timeout": str(QUERY_TIMEOUT), "cors_origins": "*"},
    # answers of at most a couple of kilobytes
    "small_server": {"max_result_bytes": str(MAX_RESULT_BYTES)},
    # takes updates and Graph Store writes with a bearer token; three of the samples (LEFT_OUT)
    "write_server": {"update_token": UPDATE_TOKEN, "cors_origins": "*"},
    # takes writes, with a one-second time limit, a small body limit and room for two queries at once
    "guarded_server": {
        "update_token": UPDATE_TOKEN,
        "query_timeout": str(QUERY_TIMEOUT),
        "max_body_bytes": str(MAX_BODY_BYTES),
        "max_concurrent_queries": str(MAX_CONCURRENT),
        "max_queue_seconds": "0.2",
    },
    # the store worker may hold a few hundred megabytes, with time enough to reach them
    "memory_server": {"query_memory_limit": str(MEMORY_LIMIT), "query_timeout": "120"},
    # queries may run for ten minutes; one test stops it (with SIGTERM) and no other uses it
    "doomed_server": {"query_timeout": "600"},
}


# The samples a profile's server does without: the write server holds three of the eight (the five
# longest left out: two plans of Fujian and one of Guangdong stay), so that what Schemathesis asks of
# it costs less (the whole graph's exports and their layouts, mostly: with five samples they cost its
# store worker about three times the CPU); its other tests write and read back graphs of their own.
LEFT_OUT: dict[str, tuple[str, ...]] = {
    "write_server": (
        "gov_2018_42_agri_mechanization_opinions.txt",
        "gov_2018_38_ftz_reform_measures.txt",
        "gov_2018_117_incentive_measures.txt",
        "fujian_2021_digital_scrambled.txt",
        "gov_2019_3_bonded_zones_opinions.txt",
    ),
}


def launch_profile(built: Path, factory: pytest.TempPathFactory, name: str) -> Server:
    """Start the server of the profile *name* on a copy of *built*; not yet waited for."""
    return launch(built, factory.mktemp(f"e2e-{name}"), PROFILES[name], LEFT_OUT.get(name, ()))


def wanted(items: Iterable[pytest.Item]) -> set[str]:
    """The profiles *items* use."""
    return {name for item in items for name in getattr(item, "fixturenames", ()) if name in PROFILES}


def alone(item: pytest.Item) -> bool:
    """Whether *item* runs last and alone under pytest-xdist (the ``alone`` mark, tests/scheduling.py)."""
    return item.get_closest_marker("alone") is not None


# The test of this folder being set up now: the servers it starts are those of its phase.
SETTING_UP: list[pytest.Item] = []


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    SETTING_UP[:] = [item]


# Servers launched as soon as the samples are built, to boot while the tests before this folder's
# run; :class:`Servers` takes them over (and a session that never gets here stops them at its end).
EARLY: dict[str, Server] = {}


def pytest_collection_finish(session: pytest.Session) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):  # every worker collects every test; one of them runs these
        return
    names = wanted(session.items)

    def launch_early(built: Path, factory: pytest.TempPathFactory) -> None:
        for name in names:
            try:
                EARLY[name] = launch_profile(built, factory, name)
            except OSError:  # launched again on first use, where the failure is the tests'
                break

    if names:
        WHEN_BUILT.append(launch_early)


def pytest_sessionfinish(session: pytest.Session) -> None:
    stop(list(EARLY.values()))
    EARLY.clear()


class Servers:
    """The servers, one per profile, started on first use; on the first, every profile the tests of
    the same phase use is started with it (unless launched early already), side by side, so they
    boot together. The phases are the tests marked ``alone``, which run last under pytest-xdist,
    and the others: the servers only the limit tests use are not started (nor left idle) before."""

    def __init__(self, built: Path, factory: pytest.TempPathFactory, items: list[pytest.Item]) -> None:
        self.built, self.factory, self.items = built, factory, items
        self.running: dict[str, Server] = dict(EARLY)  # launched, perhaps not up yet
        self.up: set[str] = set()
        EARLY.clear()

    def get(self, name: str) -> Server:
        now = SETTING_UP[-1] if SETTING_UP else None
        if name not in self.running:
            together = wanted(item for item in self.items if now is None or alone(item) == alone(now))
            names = [n for n in PROFILES if n == name or (n in together and n not in self.running)]
            self.running.update({n: launch_profile(self.built, self.factory, n) for n in names})
        # the others boot meanwhile, but not beside a limit test: it waits for every one
        for waited in self.running if now is not None and alone(now) else [name]:
            if waited not in self.up:
                wait_until_up(self.running[waited])
                self.up.add(waited)
        return self.running[name]


@pytest.fixture(scope="package")
def servers(request: pytest.FixtureRequest, built_store: Path, tmp_path_factory: pytest.TempPathFactory):
    """The :class:`Servers` of this folder's tests; all of them are stopped together after the last."""
    pool = Servers(built_store, tmp_path_factory, request.session.items)
    try:
        yield pool
    finally:
        stop(list(pool.running.values()))


@pytest.fixture(scope="package")
def server(servers: Servers) -> Server:
    """A server with the default settings: read-only, 10 s, 64 MiB answers, no CORS."""
    return servers.get("server")


@pytest.fixture(scope="package")
def slow_server(servers: Servers) -> Server:
    """A server whose queries may run for one second, and whose reads any origin's pages may make (CORS)."""
    return servers.get("slow_server")


@pytest.fixture(scope="package")
def small_server(servers: Servers) -> Server:
    """A server writing answers of at most a couple of kilobytes."""
    return servers.get("small_server")


@pytest.fixture(scope="package")
def write_server(servers: Servers) -> Server:
    """A server that takes updates and Graph Store writes with a bearer token, holding three of the samples."""
    return servers.get("write_server")


@pytest.fixture(scope="package")
def guarded_server(servers: Servers) -> Server:
    """A server that takes writes, with a one-second time limit, a small body limit and room for two queries at once."""
    return servers.get("guarded_server")


@pytest.fixture(scope="package")
def memory_server(servers: Servers) -> Server:
    """A server whose store worker may hold a few hundred megabytes, with time enough to reach them."""
    return servers.get("memory_server")


@pytest.fixture(scope="package")
def doomed_server(servers: Servers) -> Server:
    """A server whose queries may run for ten minutes, for the one test that stops it."""
    return servers.get("doomed_server")


@pytest.fixture(scope="package")
def client(server: Server) -> Iterator[httpx.Client]:
    with server.client() as opened:
        yield opened
