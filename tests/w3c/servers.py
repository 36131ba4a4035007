"""The servers the W3C suites run against, each a :class:`~tests.w3c.runner.Target` while it runs.

``policykg serve`` on a fresh store, with a write token (empty: each test loads its own graphs)
or without one (writes off, so the store holds the suites' graphs from the start); and the
reference, Oxigraph's own server (``oxigraph serve``, from the ``oxigraph`` package on PyPI,
looked for beside the running Python as in ``bench.sparql_servers``).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from bench.servers import free_port, running_server
from graph.store import KnowledgeStore
from tests.w3c.runner import Case, Target, graph_data

__all__ = [
    "CONFIGS",
    "POLICYKG_LACKS",
    "POLICYKG_TOKEN",
    "oxigraph_cli",
    "oxigraph_server",
    "policykg_in",
    "policykg_server",
]

CONFIGS = ("token", "no-token")

POLICYKG_TOKEN = "w3c-conformance-token"
# The optional Graph Store features policykg does without by design: none. Any optional feature
# a test needs is run, and fails where policykg does not offer it.
POLICYKG_LACKS: dict[str, str] = {}


@contextmanager
def policykg_server(folder: Path, *, token: str | None, preload: Mapping[str, Path] | None = None) -> Iterator[Target]:
    """``policykg serve`` on a new store in *folder*, writable with *token* if one is given,
    holding the N-Triples files of *preload* (graph name → file) from the start."""
    store = folder / "store"
    with KnowledgeStore(store) as opened:
        for name, file in (preload or {}).items():
            opened.oxigraph.load(path=str(file), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    env["PYTHONUNBUFFERED"] = "1"
    if token:
        env["POLICYKG_UPDATE_TOKEN"] = token
    command = [sys.executable, "-m", "graph.cli", "serve", "--store", str(store), "--host", "127.0.0.1"]
    url = f"http://127.0.0.1:{port}"
    with running_server("policykg serve", [*command, "--port", str(port)], url + "/sparql", folder / "server.log", env):
        yield Target(
            "policykg",
            url,
            writes=token is not None,
            token=token,
            lacks=POLICYKG_LACKS,
            preloaded=frozenset(preload or ()),
        )


@contextmanager
def policykg_in(config: str, folder: Path, cases: Iterable[Case]) -> Iterator[Target]:
    """policykg in one of :data:`CONFIGS`: ``token`` on an empty store (each test loads its own
    graphs), ``no-token`` taking no writes, so holding from the start every graph *cases* load."""
    if config not in CONFIGS:
        raise ValueError(f"not a configuration of policykg: {config!r} (one of {', '.join(CONFIGS)})")
    token = POLICYKG_TOKEN if config == "token" else None
    with policykg_server(folder, token=token, preload=None if token else graph_data(cases)) as target:
        yield target


def oxigraph_cli() -> str | None:
    """The ``oxigraph`` command beside the running Python, or on the PATH; None if neither."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@contextmanager
def oxigraph_server(folder: Path, cli: str) -> Iterator[Target]:
    """``oxigraph serve`` on a new store in *folder*: open to writes, every optional feature."""
    port = free_port()
    command = [cli, "serve", "--location", str(folder / "store"), "--bind", f"127.0.0.1:{port}"]
    url = f"http://127.0.0.1:{port}"
    with running_server("oxigraph serve", command, url + "/query", folder / "server.log"):
        yield Target("oxigraph serve", url, query="/query", update="/update", store="/store")
