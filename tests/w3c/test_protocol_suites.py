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

KNOWN_FAILURES: dict[str, str] = {}

CASES = read_suites()


def _param(config: str, case: Case) -> object:
    reason = known_failure(KNOWN_FAILURES, config, case.id)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(config, case, id=f"{config}:{case.id}", marks=marks)


@pytest.fixture(scope="module")
def policykg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Target]]:
    """policykg in a configuration, started on first use and kept for this module's tests."""
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
