"""Benchmark: the service under the requests that used to take it down (issue 13, items 1–4).

One run builds a store of ``--documents`` plan documents (the bundled samples, copied under
distinct file names, so every agency answers for many initiatives, as in a store of many years of
plans) with the real pipeline, serves it with ``policykg serve`` on a loopback port with the
default limits, and measures, sampling the server's processes every 50 ms:

1. a query that sorts every pair of triples (``ORDER BY`` over a cartesian product): how long
   until its answer, the peak and the settled resident memory of the server's processes;
2. a ``COUNT`` over a four-way cartesian product: its answer at the time limit, the CPU the
   server's processes use in the seconds after it, and the latency of a small query sent all
   the while it runs;
3. a 7.5 MB query (one string literal) and a 6 MB ``VALUES`` query: the latency of small queries
   meanwhile, the memory just after and once the idle worker has been replaced (at most once
   every 30 s), and the 413 for a 20 MB body;
4. every ``/api`` route on this store: the median of five requests.

    .venv/bin/python -m bench.service_limits [--documents 240] [--no-nlp]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import psutil

from bench.servers import ROOT, free_port, running_server

SMALL = "SELECT ?s WHERE { ?s a <https://w3id.org/policykg/ontology#PolicyDocument> } LIMIT 3"
HOARDING = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MIB = 2**20


class Sampler:
    """Resident memory and CPU time of a process and its children, sampled in a thread."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def processes(self) -> list[psutil.Process]:
        return [self.root, *self.root.children(recursive=True)]

    def resident(self) -> int:
        return int(sum(_safe(_resident, p) for p in self.processes()))

    def cpu(self) -> float:
        return sum(_safe(_cpu, p) for p in self.processes())

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, self.resident())

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _resident(process: psutil.Process) -> float:
    return float(process.memory_info().rss)


def _cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def _safe(read: Callable[[psutil.Process], float], process: psutil.Process) -> float:
    """*read* of a process that may have ended meanwhile (0 then)."""
    try:
        return read(process)
    except psutil.Error:
        return 0.0


def build_store(documents: int, use_nlp: bool, folder: Path) -> Path:
    """*documents* copies of the samples under distinct names, built into a store in *folder*."""
    from extract.reading import find_documents
    from graph.build import build_documents
    from graph.store import KnowledgeStore

    corpus = folder / "documents"
    corpus.mkdir()
    samples = sorted((ROOT / "samples").glob("*.txt"))
    for index in range(documents):
        sample = samples[index % len(samples)]
        shutil.copy(sample, corpus / f"{sample.stem}_{index:04d}.txt")
    nlp = None
    if use_nlp:
        from extract.nlp import load_nlp

        nlp = load_nlp()
    store_path = folder / "store"
    started = time.perf_counter()
    with KnowledgeStore(store_path) as store:
        report = build_documents(find_documents([corpus]), store, nlp=nlp)
        quads = store.quad_count()
    if report.failed:
        raise SystemExit(f"the build failed: {report.failed}")
    print(f"built {len(report.written)} documents, {quads:,} quads, in {time.perf_counter() - started:.1f} s")
    return store_path


def _timed(call: Callable[[], httpx.Response]) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    response = call()
    return response, time.perf_counter() - started


def _small_latencies_while(client: httpx.Client, running: threading.Thread) -> list[float]:
    latencies = []
    while running.is_alive():
        response, seconds = _timed(lambda: client.get("/sparql", params={"query": SMALL}))
        if response.status_code != 200:
            raise SystemExit(f"a small query failed meanwhile: {response.status_code} {response.text[:200]}")
        latencies.append(seconds)
    return latencies


def _in_background(call: Callable[[], httpx.Response], into: dict[str, Any]) -> threading.Thread:
    def run() -> None:
        into["response"], into["seconds"] = _timed(call)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    time.sleep(0.3)
    return thread


def measure_memory(client: httpx.Client, sampler: Sampler) -> list[list[str]]:
    before = sampler.resident()
    sampler.peak = before
    response, seconds = _timed(lambda: client.get("/sparql", params={"query": HOARDING}))
    peak = sampler.peak
    time.sleep(2)
    after = sampler.resident()
    small, small_seconds = _timed(lambda: client.get("/sparql", params={"query": SMALL}))
    return [
        [
            "sort of every pair of triples",
            f"{response.status_code} {response.json().get('title', '')}",
            f"{seconds:.1f} s",
        ],
        [
            "  server memory before / peak / 2 s after",
            "",
            f"{before / MIB:,.0f} / {peak / MIB:,.0f} / {after / MIB:,.0f} MiB",
        ],
        ["  a small query after it", str(small.status_code), f"{small_seconds * 1000:.0f} ms"],
    ]


def measure_timeout(client: httpx.Client, sampler: Sampler) -> list[list[str]]:
    heavy: dict[str, Any] = {}
    thread = _in_background(lambda: client.get("/sparql", params={"query": ENDLESS}), heavy)
    latencies = _small_latencies_while(client, thread)
    answered_cpu = sampler.cpu()
    time.sleep(1)
    first_second = sampler.cpu() - answered_cpu
    time.sleep(1)
    second_second = sampler.cpu() - answered_cpu - first_second
    return [
        ["4-way cartesian COUNT", f"{heavy['response'].status_code}", f"{heavy['seconds']:.1f} s"],
        ["  CPU of the server, 1st / 2nd second after the answer", "", f"{first_second:.2f} / {second_second:.2f} s"],
        [
            f"  {len(latencies)} small queries meanwhile: median / max",
            "200",
            f"{statistics.median(latencies) * 1000:.0f} / {max(latencies) * 1000:.0f} ms",
        ],
    ]


def measure_bodies(client: httpx.Client, sampler: Sampler) -> list[list[str]]:
    rows = []
    literal = 'SELECT * WHERE { ?s ?p "' + "x" * 7_500_000 + '" }'
    huge: dict[str, Any] = {}
    thread = _in_background(lambda: client.post("/sparql", data={"query": literal}), huge)
    latencies = _small_latencies_while(client, thread)
    rows.append(["7.5 MB query (one literal)", str(huge["response"].status_code), f"{huge['seconds']:.2f} s"])
    rows.append(
        [
            f"  {len(latencies)} small queries meanwhile: median / max",
            "200",
            f"{statistics.median(latencies) * 1000:.0f} / {max(latencies) * 1000:.0f} ms",
        ]
    )
    too_big = 'SELECT * WHERE { ?s ?p "' + "x" * 20_000_000 + '" }'
    refused, seconds = _timed(
        lambda: client.post("/sparql", content=too_big, headers={"Content-Type": "application/sparql-query"})
    )
    rows.append(["20 MB query", str(refused.status_code), f"{seconds:.2f} s"])
    values = "SELECT * WHERE { VALUES ?x { " + " ".join(f"<urn:x{i}>" for i in range(500_000)) + " } ?x ?p ?o }"
    headers = {"Content-Type": "application/sparql-query"}
    before = sampler.resident()
    answer, seconds = _timed(lambda: client.post("/sparql", content=values, headers=headers))
    answered = sampler.resident()
    settled_at = time.monotonic()
    while sampler.resident() > before + 64 * MIB and time.monotonic() - settled_at < 45:
        time.sleep(0.2)  # the idle worker is replaced, at most once every 30 s
    settled = time.monotonic() - settled_at
    later = sampler.resident()
    rows.append([f"{len(values) / MIB:.1f} MiB VALUES query", str(answer.status_code), f"{seconds:.2f} s"])
    rows.append(
        [
            f"  server memory before / just after / {settled:.0f} s after",
            "",
            f"{before / MIB:,.0f} / {answered / MIB:,.0f} / {later / MIB:,.0f} MiB",
        ]
    )
    return rows


def measure_api(client: httpx.Client) -> list[list[str]]:
    pair = client.get("/api/analytics/shared-initiatives", params={"limit": 1}).json()[0]
    agency = pair["a"]["id"]
    platforms = client.get("/api/entities", params={"q": "平台", "type": "platform"}).json()
    platform = platforms[0]["id"] if platforms else None  # none without the NLP pipeline (--no-nlp)
    document = client.get("/api/documents").json()[0]["id"]
    routes: list[tuple[str, str, dict[str, str | int]]] = [
        ("/api/entities?q=数字办", "/api/entities", {"q": "数字办"}),
        ("/api/entities/{agency}", f"/api/entities/{agency}", {}),
        ("/api/entities/{agency}/neighbourhood", f"/api/entities/{agency}/neighbourhood", {}),
        ("/api/entities/{agency}/neighbourhood?depth=2", f"/api/entities/{agency}/neighbourhood", {"depth": 2}),
        ("/api/analytics/shared-initiatives", "/api/analytics/shared-initiatives", {}),
        ("/api/agencies/{agency}/initiatives", f"/api/agencies/{agency}/initiatives", {}),
        ("/api/agencies/{agency}/platforms", f"/api/agencies/{agency}/platforms", {}),
        ("/api/documents", "/api/documents", {}),
        ("/api/documents/{document}", f"/api/documents/{document}", {}),
    ]
    if platform is not None:
        routes.insert(-2, ("/api/platforms/{platform}/agencies", f"/api/platforms/{platform}/agencies", {}))
    rows = []
    for label, path, params in routes:
        seconds = []
        for _ in range(5):
            response, taken = _timed(partial(client.get, path, params=params))
            if response.status_code != 200:
                raise SystemExit(f"{path}: {response.status_code} {response.text[:300]}")
            seconds.append(taken)
        rows.append([label, "200", f"{statistics.median(seconds) * 1000:,.0f} ms"])
    return rows


def _print(rows: list[list[str]]) -> None:
    print("| request | answer | figure |\n| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=240, help="documents in the store (default 240)")
    parser.add_argument("--no-nlp", action="store_true", help="build without the spaCy pipeline (faster)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="policykg-limits-"))
    try:
        store = build_store(args.documents, not args.no_nlp, folder)
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLICYKG_")}
        command = [sys.executable, "-m", "graph.cli", "serve", "--store", str(store), "--port", str(port)]
        with running_server("policykg", command, url + "/sparql", folder / "server.log", env):
            root = next(p for p in psutil.Process().children() if "serve" in p.cmdline())
            with Sampler(root.pid) as sampler, httpx.Client(base_url=url, timeout=120) as client:
                rows = measure_memory(client, sampler)
                rows += measure_timeout(client, sampler)
                rows += measure_bodies(client, sampler)
                rows += measure_api(client)
        _print(rows)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
