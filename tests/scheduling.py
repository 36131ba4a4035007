"""How ``pytest -n N`` (pytest-xdist) shares the tests out among its worker processes.

Tests are sent in *units*, each run whole by one worker: a test file, or a folder whose tests
share fixtures that are costly to make (the real servers of tests/e2e, the browser tests'
server, the W3C suites' servers, the in-process apps of tests/api). The longest units go first
(:data:`WEIGHTS`, measured seconds), so the short ones even out the end.

The tests of :data:`ALONE` (the limit tests of tests/e2e that race a real server's answers against
other clients' requests, within a second or so) run last and alone. Once no other unit is
waiting, they go to the first worker that runs out of work (the *host*), and every other worker
is stopped as it runs out in turn. The host sets up their servers while the others finish, but
each of these tests waits (in :func:`wait_for_the_others`) until this controller has seen every
other worker end, its last test and its fixtures' teardown done: it then creates the file
:data:`GO` names, and nothing else runs on the machine's cores while they do.

The units are told apart by the tests' paths, since this runs in pytest-xdist's controller,
which never collects the tests themselves; :func:`is_alone` gives the same answer to the
``alone`` mark (tests/conftest.py), so ``-m alone`` and ``-m "not alone"`` select the same tests.

pytest-xdist's own ``--dist loadgroup`` would group by ``xdist_group`` marks, but with pytest 9
it no longer does (it renames ``item._nodeid``, which pytest 9 does not read).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

# Test files (or folders: a prefix ending with "/") that run whole on one worker, as one unit.
FOLDERS = ("tests/e2e/", "tests/ui/", "tests/w3c/", "tests/api/")
# The tests that run last, alone on the machine: the limit tests that race other clients' requests.
ALONE = ("tests/e2e/test_limits_alone.py",)
# About how long each unit takes, in seconds, beside another worker on 2 cores (measured; only
# their order matters, longest first); anything not named is short.
WEIGHTS = {
    "tests/ui/": 55,
    "tests/e2e/": 52,  # beside the browser tests at the start rather than the fault builds (CPU-bound)
    "tests/graph/test_faults.py": 50,
    "tests/graph/test_build.py": 45,
    "tests/api/": 35,
    "tests/graph/test_distributed.py": 22,
    "tests/graph/test_export.py": 20,
    "tests/graph/test_store.py": 12,
    "tests/w3c/": 12,
    "tests/test_notebooks.py": 12,
    "tests/extract/test_nlp.py": 8,
    "tests/graph/test_cli.py": 7,
    "tests/graph/test_ontology.py": 6,
    "tests/test_gold.py": 4,
    "tests/extract/test_entities.py": 3.5,
    "tests/extract/test_properties.py": 3.3,
    "tests/graph/test_analytics.py": 2.5,
    "tests/extract/test_bad_input.py": 2,
}
SHORT = 1.0
# The name, in the workers' ``workerinput``, of the file that tells the host its alone tests may start.
GO = "alone_go"
# How long an alone test waits for the other workers before it fails (a bound on a hang).
WAIT_SECONDS = 1800.0
# Where the controller keeps the GO file.
_FOLDER = pytest.StashKey[Path]()


def path_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def is_alone(nodeid: str) -> bool:
    return path_of(nodeid) in ALONE


def unit_of(nodeid: str) -> str:
    """The unit a test belongs to: its folder in :data:`FOLDERS`, else its file."""
    path = path_of(nodeid)
    return next((folder for folder in FOLDERS if path.startswith(folder)), path)


def used(config: pytest.Config) -> bool:
    """Whether this is the controller of ``pytest -n N`` and shares the tests out as this module says
    (an explicit ``--dist`` other than ``load`` is pytest-xdist's own)."""
    return (
        getattr(config, "workerinput", None) is None
        and bool(config.getoption("numprocesses", None))
        and config.getoption("dist", None) in ("load", "loadgroup")
    )


def configure(config: pytest.Config) -> None:
    """In the controller of ``pytest -n N``: a folder of its own for the :data:`GO` file."""
    if used(config):
        config.stash[_FOLDER] = Path(tempfile.mkdtemp(prefix="pytest-alone-"))


def unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_FOLDER, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def configure_node(node: Any) -> None:
    """Tell a worker (pytest-xdist's ``pytest_configure_node``) where the :data:`GO` file appears."""
    folder = node.config.stash.get(_FOLDER, None)
    if folder is not None:
        node.workerinput[GO] = str(folder / "go")


def wait_for_the_others(config: pytest.Config) -> None:
    """In a worker, before an alone test: wait until the controller says no other worker is left."""
    go = (getattr(config, "workerinput", None) or {}).get(GO)
    if go is None:  # one process: nothing runs beside it
        return
    deadline = time.monotonic() + WAIT_SECONDS
    while not os.path.exists(go):
        if time.monotonic() > deadline:
            pytest.fail(f"the other test workers did not end within {WAIT_SECONDS:g} s")
        time.sleep(0.05)


class PathScheduling:
    """A pytest-xdist scheduler (``pytest_xdist_make_scheduler``): units longest first to whichever
    worker is ready for more, then the :data:`ALONE` tests on one worker once the others are done."""

    def __init__(self, config: Any, log: Any = None) -> None:
        from xdist.workermanage import parse_tx_spec_config

        self.numnodes = len(parse_tx_spec_config(config))
        self.config = config
        self.log = log
        self.collection: list[str] | None = None
        self.collections: dict[Any, list[str]] = {}
        self.pending: dict[Any, list[int]] = {}  # per worker: the indices sent and not yet reported
        self.units: list[list[str]] = []  # waiting, longest first
        self.alone: list[str] = []  # waiting for the end
        self.host: Any = None  # the worker the alone tests go to
        self.alone_sent = False
        folder = config.stash.get(_FOLDER, None)
        self.go = folder / "go" if folder is not None else None

    # What pytest-xdist asks ----------------------------------------------------------------------

    @property
    def nodes(self) -> list[Any]:
        return list(self.pending)

    @property
    def collection_is_completed(self) -> bool:
        return len(self.collections) >= self.numnodes

    @property
    def tests_finished(self) -> bool:
        if not self.collection_is_completed or self.units or self.alone:
            return False
        return all(len(indices) < 2 for indices in self.pending.values())

    @property
    def has_pending(self) -> bool:
        return bool(self.units or self.alone or any(self.pending.values()))

    def add_node(self, node: Any) -> None:
        assert node not in self.pending
        self.pending[node] = []

    def add_node_collection(self, node: Any, collection: Sequence[str]) -> None:
        assert node in self.pending
        if self.collection is not None and list(collection) != self.collection:
            from xdist.report import report_collection_diff

            other = next(iter(self.collections))
            if self.log is not None:
                self.log(report_collection_diff(self.collection, collection, other.gateway.id, node.gateway.id))
            return
        self.collection = list(collection)
        self.collections[node] = self.collection

    def mark_test_complete(self, node: Any, item_index: int, duration: float = 0) -> None:
        self.pending[node].remove(item_index)
        self._feed(node)

    def mark_test_pending(self, item: str) -> None:
        raise NotImplementedError

    def remove_pending_tests_from_node(self, node: Any, indices: Sequence[int]) -> None:
        raise NotImplementedError

    def remove_node(self, node: Any) -> str | None:
        """A worker is done (or crashed): what it had not run goes back to the queue; the first of
        those is the test it crashed in."""
        left = self.pending.pop(node)
        if node is self.host:
            self.host = None
        crashed = None
        if left and self.collection is not None:
            nodeids = [self.collection[i] for i in left]
            crashed = nodeids[0]
            rest = [n for n in nodeids[1:] if not is_alone(n)]
            self.alone[:0] = [n for n in nodeids[1:] if is_alone(n)]
            if rest:
                self.units.insert(0, rest)
        for other in list(self.pending):
            self._feed(other)
        self._signal()
        return crashed

    def schedule(self) -> None:
        assert self.collection_is_completed
        if self.collection is None:
            return
        if not self.units and not self.alone and not any(self.pending.values()):
            grouped: dict[str, list[str]] = {}
            for nodeid in self.collection:
                if is_alone(nodeid):
                    self.alone.append(nodeid)
                else:
                    grouped.setdefault(unit_of(nodeid), []).append(nodeid)
            order = sorted(grouped, key=lambda unit: -WEIGHTS.get(unit, SHORT))  # stable: ties keep their order
            self.units = [grouped[unit] for unit in order]
        for node in list(self.pending):
            self._feed(node)

    # Handing out ---------------------------------------------------------------------------------

    def _send(self, node: Any, nodeids: list[str]) -> None:
        assert self.collection is not None
        index = {nodeid: i for i, nodeid in enumerate(self.collection)}
        indices = [index[nodeid] for nodeid in nodeids]
        self.pending[node].extend(indices)
        node.send_runtest_some(indices)

    def _feed(self, node: Any) -> None:
        """Give *node* more to do if it is running low; stop it if nothing is left for it."""
        if node.shutting_down or not self.collection_is_completed or self.collection is None:
            return
        if len(self.pending[node]) >= 2:  # it runs a test once it has the next one
            return
        if self.alone_sent and self.host in self.pending and node is not self.host:
            node.shutdown()  # nothing starts beside the alone tests (a worker started again after a crash)
            return
        if self.units:
            self._send(node, self.units.pop(0))
            return
        if not self.alone:
            node.shutdown()
            return
        if self.host not in self.pending:
            self.host = node
        if node is not self.host:
            node.shutdown()  # the alone tests wait until it is gone
            return
        alone, self.alone = self.alone, []
        self._send(node, alone)
        self.alone_sent = True
        self._signal()

    def _signal(self) -> None:
        """Once the alone tests are sent and their worker is the only one left, let them start."""
        if self.alone_sent and self.go is not None and list(self.pending) == [self.host]:
            self.go.touch()
