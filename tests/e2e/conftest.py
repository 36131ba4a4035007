"""Real servers for the end-to-end tests.

The bundled samples are built once per session with the real pipeline into a store; each server
is a real ``policykg serve`` subprocess on a free loopback port with its own copy of the store
(Oxigraph locks a store folder per process) and its own ``POLICYKG_*`` settings. Servers are
started on first use and shared by the whole session.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest

from tests.conftest import ROOT, SAMPLES

BASE_IRI = "https://w3id.org/policykg/id/"
STARTUP_SECONDS = 30.0
UPDATE_TOKEN = "e2e-secret-token"
QUERY_TIMEOUT = 1.0
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


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples built once with the real pipeline (extraction, spaCy + pkuseg, the ontology)."""
    from extract.nlp import load_nlp
    from extract.reading import find_documents
    from graph.build import build_documents
    from graph.store import KnowledgeStore

    path = tmp_path_factory.mktemp("e2e-built") / "store"
    with KnowledgeStore(path) as store:
        report = build_documents(find_documents([SAMPLES]), store, nlp=load_nlp())
    assert not report.failed, report.failed
    assert len(report.written) == len(list(SAMPLES.glob("*.txt")))
    return path


def start_server(built: Path, folder: Path, settings: dict[str, str]) -> Iterator[Server]:
    """Serve a private copy of *built* with *settings* as ``POLICYKG_*`` variables until the session ends."""
    store = folder / "store"
    shutil.copytree(built, store)
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
    server = Server(f"http://127.0.0.1:{port}", log, process)
    try:
        wait_until_up(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


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


@pytest.fixture(scope="session")
def server(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with the default settings: read-only, 10 s, 64 MiB answers, no CORS."""
    yield from start_server(built_store, tmp_path_factory.mktemp("e2e-default"), {})


@pytest.fixture(scope="session")
def slow_server(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server whose queries may run for one second, and whose reads any origin's pages may make (CORS)."""
    settings = {"query_timeout": str(QUERY_TIMEOUT), "cors_origins": "*"}
    yield from start_server(built_store, tmp_path_factory.mktemp("e2e-timeout"), settings)


@pytest.fixture(scope="session")
def small_server(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server writing answers of at most a couple of kilobytes."""
    settings = {"max_result_bytes": str(MAX_RESULT_BYTES)}
    yield from start_server(built_store, tmp_path_factory.mktemp("e2e-limit"), settings)


@pytest.fixture(scope="session")
def write_server(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server that takes updates and Graph Store writes with a bearer token."""
    settings = {"update_token": UPDATE_TOKEN, "cors_origins": "*"}
    yield from start_server(built_store, tmp_path_factory.mktemp("e2e-write"), settings)


@pytest.fixture(scope="session")
def guarded_server(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server that takes writes, with a one-second time limit, a small body limit and room for two queries at once."""
    settings = {
        "update_token": UPDATE_TOKEN,
        "query_timeout": str(QUERY_TIMEOUT),
        "max_body_bytes": str(MAX_BODY_BYTES),
        "max_concurrent_queries": str(MAX_CONCURRENT),
        "max_queue_seconds": "0.2",
    }
    yield from start_server(built_store, tmp_path_factory.mktemp("e2e-guarded"), settings)


@pytest.fixture(scope="session")
def memory_server(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server whose store worker may hold a few hundred megabytes, with time enough to reach them."""
    settings = {"query_memory_limit": str(MEMORY_LIMIT), "query_timeout": "120"}
    yield from start_server(built_store, tmp_path_factory.mktemp("e2e-memory"), settings)


@pytest.fixture(scope="session")
def client(server: Server) -> Iterator[httpx.Client]:
    with server.client() as opened:
        yield opened


def assert_problem(response: httpx.Response, status: int) -> dict:
    """*response* is RFC 9457 problem details with *status*; its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"] == "about:blank"
    assert unquote(body["instance"]) == unquote(response.request.url.path)
    return body
