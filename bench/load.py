"""Benchmark: a bounded load test of a real server on loopback.

One run builds the bundled samples into a store, serves it with ``policykg serve`` (default
limits) on a free loopback port, and sends it requests from ``--clients`` concurrent clients for
``--seconds``, each client taking its next request in turn from a mix of what analysts and
SPARQL clients ask: entity search, a neighbourhood, shared initiatives, an agency's
initiatives, and a SPARQL query. Every request has a 30 s client timeout; the run stops by
itself. It prints requests/s, p50, p99 and the errors (any status other than 200, or a
transport error), per kind and overall, and with ``--write`` replaces the load-test section of
``BENCHMARKS.md``.

    .venv/bin/python -m bench.load [--clients 32] [--seconds 60] [--write]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

from bench.servers import ROOT, free_port, running_server

SPARQL = """PREFIX pkg: <https://w3id.org/policykg/ontology#>
SELECT ?a (COUNT(DISTINCT ?t) AS ?tasks) WHERE { ?a pkg:responsibleFor ?t }
GROUP BY ?a ORDER BY DESC(?tasks) LIMIT 10"""
SECTION = "## Load test"


def requests_for(agency: str) -> list[tuple[str, str, dict[str, str | int]]]:
    """The mix: (kind, path, parameters)."""
    return [
        ("search", "/api/entities", {"q": "数字办"}),
        ("neighbourhood", f"/api/entities/{agency}/neighbourhood", {"depth": 1}),
        ("shared initiatives", "/api/analytics/shared-initiatives", {"limit": 20}),
        ("agency initiatives", f"/api/agencies/{agency}/initiatives", {}),
        ("sparql", "/sparql", {"query": SPARQL}),
    ]


async def run_load(url: str, clients: int, seconds: float) -> dict[str, tuple[list[float], int]]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as probe:
        agency = (await probe.get("/api/analytics/shared-initiatives", params={"limit": 1})).json()[0]["a"]["id"]
    mix = requests_for(agency)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    stop = time.monotonic() + seconds

    async def client(offset: int) -> None:
        limits = httpx.Limits(max_connections=1)
        async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as session:
            turn = offset
            while time.monotonic() < stop:
                kind, path, params = mix[turn % len(mix)]
                turn += 1
                started = time.perf_counter()
                try:
                    response = await session.get(path, params=params)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies[kind].append(time.perf_counter() - started)
                if not ok:
                    errors[kind] += 1

    await asyncio.gather(*(client(i) for i in range(clients)))
    return {kind: (latencies[kind], errors[kind]) for kind in latencies}


def table(results: dict[str, tuple[list[float], int]], seconds: float) -> list[str]:
    lines = ["| requests | count | per second | p50 | p99 | errors |", "| --- | --- | --- | --- | --- | --- |"]
    every: list[float] = []
    failed = 0
    for kind, (latencies, errors) in sorted(results.items()):
        every += latencies
        failed += errors
        lines.append(_row(kind, latencies, errors, seconds))
    lines.append(_row("**all**", every, failed, seconds))
    return lines


def _row(kind: str, latencies: list[float], errors: int, seconds: float) -> str:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"| {kind} | {len(ordered):,} | {len(ordered) / seconds:.1f} | {statistics.median(ordered) * 1000:.0f} ms "
        f"| {p99 * 1000:.0f} ms | {errors} |"
    )


def write_section(lines: list[str], command: str) -> None:
    """Replace the load-test section of BENCHMARKS.md (or add it)."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    section = "\n".join([SECTION, "", f"`{command}`, run on {time.strftime('%Y-%m-%d')}:", "", *lines, ""])
    if SECTION in text:
        before, _, rest = text.partition(SECTION)
        after = rest[rest.find("\n## ") :] if "\n## " in rest else ""
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32)")
    parser.add_argument("--seconds", type=float, default=60, help="how long to send requests (default 60)")
    parser.add_argument("--write", action="store_true", help="replace the load-test section of BENCHMARKS.md")
    args = parser.parse_args(argv)
    from extract.nlp import load_nlp
    from extract.reading import find_documents
    from graph.build import build_documents
    from graph.store import KnowledgeStore

    folder = Path(tempfile.mkdtemp(prefix="policykg-load-"))
    with KnowledgeStore(folder / "store") as store:
        build_documents(find_documents([ROOT / "samples"]), store, nlp=load_nlp())
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
    command = [sys.executable, "-m", "graph.cli", "serve", "--store", str(folder / "store"), "--port", str(port)]
    with running_server("policykg", command, url + "/sparql", folder / "server.log", env):
        results = asyncio.run(run_load(url, args.clients, args.seconds))
    lines = table(results, args.seconds)
    print("\n".join(lines))
    if args.write:
        write_section(lines, f"python -m bench.load --clients {args.clients} --seconds {args.seconds:g}")


if __name__ == "__main__":
    main()
