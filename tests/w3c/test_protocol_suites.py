"""The W3C SPARQL 1.1 protocol test suites on a real ``policykg serve`` (issue 12).

Every test of ``suites/`` is a pytest test on each configuration of the server: ``token``
(writes with a bearer token; each test starts from an empty store and loads its own graphs)
and ``no-token`` (writes off; the store holds the suites' graphs from the start). On
``no-token``, a test that needs a write to succeed is skipped as not applicable once the
server has refused that write with 403, since the refusal is what that server promises
instead; a test that expects a 4xx for a bad update runs, and passes by the refusal. A test
needing an optional feature policykg does without (``servers.POLICYKG_LACKS``) is skipped,
and so are the deprecated tests.

``KNOWN_FAILURES`` lists the tests that fail today (``suite/name``, or ``config:suite/name``
where only one configuration fails them) with why. They are strict xfails: the suite turns red
when one is fixed and the table is not updated. Regenerate the table with
``python -m tests.w3c.compare --known-failures`` (policykg only, no Oxigraph needed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest

from tests.w3c.runner import Case, Outcome, Target, known_failure, read_suites, run_case
from tests.w3c.servers import CONFIGS, policykg_in

KNOWN_FAILURES: dict[str, str] = {
    "protocol/update_dataset_default_graph": "request 2 of 2, POST /sparql: expected the answer true, got false",
    "protocol/update_dataset_default_graphs": "request 2 of 2, POST /sparql: expected the answer true, got false",
    "protocol/update_dataset_named_graphs": "request 2 of 2, POST /sparql: expected the answer true, got false",
    "protocol/update_dataset_full": "request 2 of 2, POST /sparql: expected the answer true, got false",
    "protocol/bad_query_non_utf8": "request 1 of 1, POST /sparql: expected status 4xx, got 200",
    "token:protocol/bad_update_non_utf8": "request 1 of 1, POST /sparql: expected status 4xx, got 204",
    "token:protocol/bad_update_dataset_conflict": (
        "request 1 of 1, POST /sparql?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople: expected status 4xx, got 204"
    ),
    "graph-store-protocol/post_get_post_get_indirect": (
        "request 3 of 4, POST /store?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl: expected status "
        "200 or 204, got 415 (Unsupported media type: cannot read a multipart/form-data graph)"
    ),
    "graph-store-protocol/post_get_new_graph": (
        "request 1 of 2, POST /store: expected status 201, got 400 (No graph named: writes need ?graph=IRI "
        "(the default graph is the union of documents))"
    ),
    "graph-store-protocol/head_existing_indirect": (
        "request 2 of 2, HEAD /store?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F1.ttl: expected status "
        "200, got 405"
    ),
    "graph-store-protocol/head_non_existing_indirect": (
        "request 1 of 1, HEAD /store?graph=http%3A%2F%2Fwww.example%2Fgsp%2Fperson%2F4.ttl: expected status "
        "404, got 405"
    ),
}

CASES = read_suites()


def _param(config: str, case: Case) -> object:
    reason = known_failure(KNOWN_FAILURES, config, case.id)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(config, case, id=f"{config}:{case.id}", marks=marks)


@pytest.fixture(scope="session")
def policykg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Target]]:
    """policykg in a configuration, started on first use and kept for the session."""
    with ExitStack() as stack:
        started: dict[str, Target] = {}

        def target(config: str) -> Target:
            if config not in started:
                folder = tmp_path_factory.mktemp(f"w3c-{config}")
                started[config] = stack.enter_context(policykg_in(config, folder, CASES))
            return started[config]

        yield target


@pytest.mark.parametrize(("config", "case"), [_param(config, case) for config in CONFIGS for case in CASES])
def test_w3c(policykg: Callable[[str], Target], config: str, case: Case) -> None:
    result = run_case(case, policykg(config))
    if result.outcome is Outcome.NOT_APPLICABLE:
        pytest.skip(result.reason)
    assert result.outcome is Outcome.PASSED, result.reason


def test_known_failures_name_tests() -> None:
    """Each key of the table names a test of the suites, and a configuration where it has one."""
    tests = {case.id for case in CASES}
    for key in KNOWN_FAILURES:
        config, _, test = key.rpartition(":")
        assert test in tests and config in ("", *CONFIGS), key
