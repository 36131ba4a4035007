"""policykg beside the reference on the W3C protocol suites: ``python -m tests.w3c.compare``.

Runs every test of ``suites/`` on ``policykg serve`` with a write token, without one, and on
``oxigraph serve`` (the ``oxigraph`` package from PyPI, not a dependency of the project:
``pip install oxigraph``), and prints one table of the results, the counts, and the reason of
each failure. A one-off measurement; ``make test`` runs ``test_protocol_suites.py`` only.

``--known-failures`` runs policykg only and prints the ``KNOWN_FAILURES`` table of
``test_protocol_suites.py`` as it should now be, to paste there when the server has changed
(and the pass/fail table of both configurations on standard error).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.w3c.runner import Case, Outcome, Result, failure_table, read_suites, run_suites
from tests.w3c.servers import CONFIGS, oxigraph_cli, oxigraph_server, policykg_in

__all__ = ["known_failures_source", "main", "markdown_table"]

COLUMNS = {"token": "policykg (token)", "no-token": "policykg (no token)", "oxigraph": "oxigraph serve"}


def run_all(cases: Sequence[Case], work: Path, *, oxigraph: str | None) -> dict[str, list[Result]]:
    """Each configuration's results (config → results in test order), one server at a time."""
    results: dict[str, list[Result]] = {}
    for config in CONFIGS:
        (work / config).mkdir()
        with policykg_in(config, work / config, cases) as target:
            results[config] = run_suites(cases, target)
    if oxigraph is not None:
        (work / "oxigraph").mkdir()
        with oxigraph_server(work / "oxigraph", oxigraph) as target:
            results["oxigraph"] = run_suites(cases, target)
    return results


def markdown_table(results: Mapping[str, Sequence[Result]]) -> str:
    """One row per test, one column per configuration, then a row of counts per outcome."""
    columns = list(results)
    header = ["test", *(COLUMNS.get(c, c) for c in columns)]
    rows = [[r.test, *(results[c][i].outcome.value for c in columns)] for i, r in enumerate(results[columns[0]])]
    for outcome in Outcome:
        counts = [str(Counter(r.outcome for r in results[c])[outcome]) for c in columns]
        rows.append([f"**{outcome.value}**", *counts])
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def known_failures_source(table: Mapping[str, str]) -> str:
    """*table* as the Python source of ``KNOWN_FAILURES``, formatted as ``ruff format`` leaves it."""
    lines = ["KNOWN_FAILURES: dict[str, str] = {"]
    for key, reason in table.items():
        one_line = f"    {_string(key)}: {_string(reason)},"
        if len(one_line) <= 120:
            lines.append(one_line)
            continue
        lines.append(f"    {_string(key)}: (")
        fits = len(_string(reason)) + 8 <= 120  # ruff format joins the pieces of a string that fits a line
        chunks = [reason] if fits else textwrap.wrap(reason, 100, drop_whitespace=False, break_on_hyphens=False)
        lines += [f"        {_string(chunk)}" for chunk in chunks]
        lines.append("    ),")
    return "\n".join([*lines, "}"])


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _version(cli: str) -> str:
    return subprocess.run([cli, "--version"], capture_output=True, text=True, check=False).stdout.strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.w3c.compare", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--known-failures", action="store_true", help="run policykg only; print KNOWN_FAILURES as it should now be"
    )
    args = parser.parse_args(argv)
    cases = read_suites()
    oxigraph = None if args.known_failures else oxigraph_cli()
    if not args.known_failures and oxigraph is None:
        print("the oxigraph CLI is not installed: pip install oxigraph", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="policykg-w3c-") as work:
        results = run_all(cases, Path(work), oxigraph=oxigraph)
    if args.known_failures:
        print(markdown_table({c: results[c] for c in CONFIGS}), file=sys.stderr)
        print(known_failures_source(failure_table({c: results[c] for c in CONFIGS})))
        return 0
    assert oxigraph is not None
    print(f"W3C SPARQL 1.1 protocol suites: {len(cases)} tests; reference {_version(oxigraph)}\n")
    print(markdown_table(results))
    for config, config_results in results.items():
        failed = [r for r in config_results if r.outcome is Outcome.FAILED]
        print(f"\n## Failures on {COLUMNS[config]}: {len(failed)}\n")
        print("\n".join(f"- {r.test}: {r.reason}" for r in failed) or "none")
    reference = {r.test: r for r in results["oxigraph"]}
    ahead = [
        (config, r)
        for config in CONFIGS
        for r in results[config]
        if r.outcome is Outcome.FAILED and reference[r.test].outcome is Outcome.PASSED
    ]
    print(f"\n## policykg fails, oxigraph passes: {len(ahead)}\n")
    print("\n".join(f"- {COLUMNS[config]} {r.test}: {r.reason}" for config, r in ahead) or "none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
