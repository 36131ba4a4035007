"""The real app in this process, for the HTTP tests of tests/api.

Each configuration is the app :func:`api.main.create_app` makes from its settings, run by
Starlette's ``TestClient`` as a context manager, so its lifespan runs: the real store worker
(:mod:`api.worker`, a child process) opens a private copy of the samples built once per session
(``built_store``), and every request goes through the whole ASGI stack, middleware included. The
``TestClient`` is an ``httpx.Client``; its answers are ``httpx.Response`` objects. Each app runs
from its first use to the end of this folder's tests. What only a real server shows (limits on
the process, SIGTERM, real sockets, real clients, generated traffic) is in tests/e2e, on
``policykg serve`` subprocesses.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.settings import Settings, load_settings
from tests.answers import UPDATE_TOKEN
from tests.conftest import copy_store


def settings_for(store: Path, given: dict[str, str]) -> Settings:
    """The settings ``policykg serve --store STORE`` has with *given* as ``POLICYKG_*`` variables
    and no others (those of the environment this runs in are left out, as tests/e2e leaves them out)."""
    outside = {name: os.environ.pop(name) for name in list(os.environ) if name.startswith("POLICYKG_")}
    try:
        return load_settings(store_path=store, **given)
    finally:
        os.environ.update(outside)


@contextmanager
def running_app(built: Path, folder: Path, given: dict[str, str]) -> Iterator[TestClient]:
    """The app serving a private copy of *built* with the settings *given*, running until the block ends."""
    from api.main import create_app

    app = create_app(settings_for(copy_store(built, folder), given))
    with TestClient(app, follow_redirects=False) as client:  # a redirect is an answer, as to httpx.Client
        yield client


@pytest.fixture(scope="package")
def client(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The default configuration: read-only, 10 s, 64 MiB answers, no CORS."""
    with running_app(built_store, tmp_path_factory.mktemp("app-default"), {}) as opened:
        yield opened


@pytest.fixture(scope="package")
def patient_client(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The default configuration with a query time limit of 120 s, for tests of what a heavy answer
    holds (a neighbourhood two steps deep, exported): with the tests run two at a time on two cores
    such an answer has taken past the default 10 s. How long answers take is measured in bench/."""
    with running_app(built_store, tmp_path_factory.mktemp("app-patient"), {"query_timeout": "120"}) as opened:
        yield opened


@pytest.fixture(scope="package")
def cors_client(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """Read-only, with reads any origin's pages may make (CORS)."""
    with running_app(built_store, tmp_path_factory.mktemp("app-cors"), {"cors_origins": "*"}) as opened:
        yield opened


@pytest.fixture(scope="package")
def write_client(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """Takes updates and Graph Store writes with a bearer token; CORS for any origin."""
    given = {"update_token": UPDATE_TOKEN, "cors_origins": "*"}
    with running_app(built_store, tmp_path_factory.mktemp("app-write"), given) as opened:
        yield opened
