"""Benchmark: how the costs of building, storing, loading and querying grow with the corpus.

For each size (about 10^4, 10^5, 10^6 and 10^7 triples by default) one run

1. writes a scale corpus (:mod:`bench.scale_corpus`: synthetic plans recombining real items;
   a smaller size's documents are the first ones of a larger size's, the seed being the same);
2. builds it with the real command, ``policykg build --workers 2`` (and ``--workers 1`` up to
   ``--one-worker-max`` triples), each in its own process, timed with the model loading
   included; start-up is the time of the same command on the first document for each worker
   (a build into an empty store reports its documents a batch at a time, so its first progress
   line cannot tell it); peak memory is the largest memory of the build and its workers
   together (proportional set sizes: pages they share counted once), sampled every 0.1 s at
   first and less often as the processes grow (:data:`SAMPLING_SHARE`);
3. times pkuseg segmentation alone (``nlp.make_doc`` on every document's text, in this process,
   the model loaded beforehand) as the floor of extraction;
4. measures the store's size on disk, dumps it as N-Quads and loads that file into fresh stores
   with pyoxigraph's bulk loader (the project's loading path) and with ``oxigraph load``;
5. serves the built store with ``policykg serve`` and the ``oxigraph load`` copy with
   ``oxigraph serve --union-default-graph`` side by side, and times the neighbourhood of the
   busiest agency, the shared-initiatives aggregate and a search (the exact SPARQL the
   :class:`~graph.explore.Explorer` sends, :func:`bench.sparql_servers.build_queries`) on both,
   the engines taking turns, the median of ``--repeat`` runs after a warm-up (fewer runs when
   one takes over ten seconds, more, up to 300, while the turns have not taken two seconds); the
   two must return as many rows.

It prints each size's figures as it goes and, at the end, the tables: costs per size, query
latency per size, and how each cost grows (the exponent *k* of cost ∝ size^k fitted over the
sizes: 1 is linear). ``--write BENCHMARKS.md`` puts them in that file, replacing the section
between its ``bench.growth`` markers (appending it the first time).

    .venv/bin/python -m bench.growth [--sizes 1e4,1e5,1e6,1e7] [--repeat 5] [--write BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import math
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil
import pyoxigraph as ox

from bench.scale_corpus import write_corpus
from bench.servers import ROOT, free_port, running_server
from bench.sparql_servers import ApiEngine, HttpEngine, _oxigraph_cli, build_queries

DEFAULT_SIZES = "1e4,1e5,1e6,1e7"
# Quads per synthetic document of 24 items, measured on 200 of them with the pipeline; only used
# to choose how many documents make a size.
QUADS_PER_DOCUMENT = 1750
# A query whose first run takes longer than this is timed fewer times.
SLOW_QUERY_SECONDS = 10.0
# A query of a few milliseconds is timed for at least this long (at most FAST_QUERY_TURNS turns):
# five turns right after a server starts are too few to tell 3 ms from 6 ms.
FAST_QUERY_SECONDS = 2.0
FAST_QUERY_TURNS = 300
# The share of one core the memory sampler of a build may take: reading a process's proportional set
# size walks its page tables (about 60 ms for a build of 1.2 GiB with its two workers), and a sampler
# reading every 0.1 s took a third of a core from the build it timed (on 2 cores, from the second worker).
SAMPLING_SHARE = 0.02
START, END = "<!-- bench.growth:start -->", "<!-- bench.growth:end -->"
BUSIEST = (
    "PREFIX pkg: <https://w3id.org/policykg/ontology#> SELECT ?a (COUNT(*) AS ?n) WHERE { ?a pkg:responsibleFor ?i } "
    "GROUP BY ?a ORDER BY DESC(?n) STR(?a) LIMIT 1"
)


@dataclass
class Build:
    workers: int
    seconds: float  # the whole command
    start_up: float  # the command on one document per worker: imports, model loading, a document each
    peak_bytes: int

    def steady_rate(self, documents: int) -> float | None:
        """Documents per second after start-up, when there are more documents than workers."""
        span = self.seconds - self.start_up
        return (documents - self.workers) / span if documents > self.workers and span > 0 else None


@dataclass
class Size:
    target: int
    documents: int = 0
    characters: int = 0
    quads: int = 0
    two_workers: Build | None = None
    one_worker: Build | None = None
    segment_seconds: float = 0.0
    store_bytes: int = 0
    bulk_seconds: float = 0.0
    oxigraph_load_seconds: float = 0.0
    queries: dict[str, tuple[float, float]] = field(default_factory=dict)  # name → policykg, oxigraph ms


def _tree_memory(process: psutil.Process) -> int:
    """The memory of *process* and its descendants: each one's proportional set size, so that the
    pages the workers share with the process they were forked from are counted once among them."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        with suppress(psutil.Error):  # a worker that ended between the two calls
            total += member.memory_full_info().pss
    return total


def run_build(corpus: Path, store: Path, workers: int, log: Path) -> tuple[float, int]:
    """``policykg build`` of *corpus* into a new *store* in its own process: its seconds and its
    peak memory."""
    command = [sys.executable, "-m", "graph.cli", "build", str(corpus), "--store", str(store)]
    command += ["--workers", str(workers), "-o", os.devnull]
    peak = 0
    started = time.perf_counter()
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=out)
        watched = psutil.Process(process.pid)
        while process.poll() is None:
            sampled = time.perf_counter()
            peak = max(peak, _tree_memory(watched))
            with suppress(subprocess.TimeoutExpired):  # waited for, so its end is timed when it comes
                process.wait(timeout=max(0.1, (time.perf_counter() - sampled) / SAMPLING_SHARE))
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"the build failed ({process.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
    return seconds, peak


def timed_build(corpus: Path, store: Path, workers: int, log: Path) -> Build:
    """:func:`run_build` of *corpus*, and of its first document for each worker (the start-up)."""
    first = store.with_name(f"{store.name}-first")
    (first / "corpus").mkdir(parents=True)
    for path in sorted(corpus.iterdir())[:workers]:
        shutil.copyfile(path, first / "corpus" / path.name)
    start_up, _ = run_build(first / "corpus", first / "store", workers, log)
    shutil.rmtree(first)
    seconds, peak = run_build(corpus, store, workers, log)
    return Build(workers, seconds, start_up, peak)


def segment_seconds(corpus: Path, nlp: object) -> float:
    from extract.reading import find_documents, read_document

    texts = [read_document(found.path).norm for found in find_documents([corpus])]
    started = time.perf_counter()
    for text in texts:
        nlp.make_doc(text)  # type: ignore[attr-defined]
    return time.perf_counter() - started


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _timed(engine: HttpEngine | ApiEngine, query: str) -> float:
    started = time.perf_counter()
    engine.run(query)
    return time.perf_counter() - started


def time_pair(
    policykg: HttpEngine | ApiEngine, oxigraph: HttpEngine, query: str, repeat: int
) -> tuple[float, float, int, int]:
    """Median milliseconds of each engine on *query* over *repeat* turns after a warm-up (fewer once
    the turns have taken three times :data:`SLOW_QUERY_SECONDS`; more, up to
    :data:`FAST_QUERY_TURNS`, until they have taken :data:`FAST_QUERY_SECONDS`), and each engine's
    row count."""
    rows = len(policykg.rows(policykg.run(query))), len(oxigraph.rows(oxigraph.run(query)))
    times_p: list[float] = []
    times_o: list[float] = []

    def more() -> bool:
        spent = sum(times_p) + sum(times_o)
        if len(times_p) < repeat:
            return spent < 3 * SLOW_QUERY_SECONDS
        return spent < FAST_QUERY_SECONDS and len(times_p) < FAST_QUERY_TURNS

    while more():
        times_p.append(_timed(policykg, query))
        times_o.append(_timed(oxigraph, query))
    return statistics.median(times_p) * 1000, statistics.median(times_o) * 1000, rows[0], rows[1]


def measure(size: Size, work: Path, nlp: object, args: argparse.Namespace, oxigraph: str) -> None:
    size.documents = max(2, round(size.target / QUADS_PER_DOCUMENT))
    corpus = work / "corpus"
    paths = write_corpus(size.documents, corpus)
    size.characters = sum(len(path.read_text(encoding="utf-8")) for path in paths)
    say = lambda text: print(f"[{size.target:.0e}] {text}", flush=True)  # noqa: E731
    say(f"{size.documents:,} documents, {size.characters:,} characters")

    store = work / "store"
    size.two_workers = timed_build(corpus, store, 2, work / "build-2.log")
    opened = ox.Store.read_only(str(store))
    size.quads = len(opened)
    dump = work / "all.nq"
    opened.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    del opened
    size.store_bytes = folder_bytes(store)
    say(f"2 workers: {size.two_workers.seconds:.1f} s, {size.quads:,} quads, {size.store_bytes / 2**20:,.0f} MiB")
    if size.quads <= args.one_worker_max:
        size.one_worker = timed_build(corpus, work / "store-1", 1, work / "build-1.log")
        shutil.rmtree(work / "store-1")
        say(f"1 worker: {size.one_worker.seconds:.1f} s")
    size.segment_seconds = segment_seconds(corpus, nlp)
    say(f"pkuseg alone: {size.segment_seconds:.1f} s")

    bulk = ox.Store(str(work / "bulk"))
    started = time.perf_counter()
    bulk.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    bulk.flush()
    size.bulk_seconds = time.perf_counter() - started
    if len(bulk) != size.quads:
        raise SystemExit(f"bulk_load gave {len(bulk):,} quads, not {size.quads:,}")
    del bulk
    shutil.rmtree(work / "bulk")
    started = time.perf_counter()
    subprocess.run(
        [oxigraph, "load", "--location", str(work / "oxigraph"), "--file", str(dump)], check=True, capture_output=True
    )
    size.oxigraph_load_seconds = time.perf_counter() - started
    dump.unlink()
    say(f"bulk_load {size.bulk_seconds:.1f} s, oxigraph load {size.oxigraph_load_seconds:.1f} s")

    with ExitStack() as stack:
        policykg_port, oxigraph_port = free_port(), free_port()
        policykg_base = f"http://127.0.0.1:{policykg_port}"
        oxigraph_url = f"http://127.0.0.1:{oxigraph_port}/query"
        env = {**os.environ, "POLICYKG_QUERY_TIMEOUT": "600", "POLICYKG_MAX_RESULT_BYTES": str(1 << 30)}
        serve = [sys.executable, "-m", "graph.cli", "serve", "--store", str(store), "--port", str(policykg_port)]
        stack.enter_context(running_server("policykg serve", serve, policykg_base + "/sparql", work / "p.log", env))
        ox_serve = [oxigraph, "serve", "--location", str(work / "oxigraph"), "--bind", f"127.0.0.1:{oxigraph_port}"]
        ox_serve += ["--union-default-graph", "--timeout-s", "600"]
        stack.enter_context(running_server("oxigraph serve", ox_serve, oxigraph_url, work / "o.log"))
        client = stack.enter_context(httpx.Client(timeout=httpx.Timeout(900.0)))
        policykg, reference = (
            HttpEngine("policykg", client, policykg_base + "/sparql"),
            HttpEngine("oxigraph", client, oxigraph_url),
        )
        (busiest,) = [row["a"] for row in reference.rows(reference.run(BUSIEST))]
        for query in build_queries(busiest):
            engine: HttpEngine | ApiEngine = (
                ApiEngine(client, policykg_base, query.api_path) if query.api_path else policykg
            )
            p_ms, o_ms, p_rows, o_rows = time_pair(engine, reference, query.text, args.repeat)
            if p_rows != o_rows:
                raise SystemExit(f"{query.name}: policykg gave {p_rows} rows, oxigraph {o_rows}")
            size.queries[query.name] = (p_ms, o_ms)
            say(f"{query.name}: policykg {p_ms:.1f} ms, oxigraph {o_ms:.1f} ms ({p_rows} rows)")


# The tables -------------------------------------------------------------------------------------


def _per_second(count: float, seconds: float) -> str:
    if not seconds:
        return "—"
    rate = count / seconds
    return f"{rate:,.0f}" if rate >= 100 else f"{rate:.2g}"


def _after_start(build: Build | None) -> float | None:
    return build.seconds - build.start_up if build else None


def _exponent(sizes: list[Size], cost: list[float | None]) -> str:
    """The slope of log(cost) against log(quads), fitted over the sizes that have the cost."""
    points = [(math.log(s.quads), math.log(c)) for s, c in zip(sizes, cost, strict=True) if c and c > 0]
    if len(points) < 2:
        return "—"
    mean_x = statistics.fmean(x for x, _ in points)
    mean_y = statistics.fmean(y for _, y in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x, _ in points)
    return f"{slope:.2f}"


def tables(sizes: list[Size], command: str) -> str:
    lines = [
        "## Growth with the corpus",
        "",
        f"`{command}` on this machine ({os.cpu_count()} cores); each size is a scale corpus of synthetic plans "
        "(bench/scale_corpus.py) built with the real `policykg build`; model loading is inside the build times.",
        "",
        "The build (`policykg build --workers N` in its own process; start-up is the same command on one document "
        "per worker: imports, the pipeline loaded in each worker, a document each; the rates after it are the "
        "steady ones):",
        "",
        "| quads | documents | characters | workers | seconds | start-up | docs/s after start-up "
        "| characters/s after | speed-up of 2 workers after start-up | peak memory |",
        "| " + " | ".join(["---"] * 10) + " |",
    ]
    for s in sizes:
        for workers, build in ((1, s.one_worker), (2, s.two_workers)):
            if build is None:
                continue
            rate = build.steady_rate(s.documents)
            one_rate = s.one_worker.steady_rate(s.documents) if s.one_worker else None
            speedup = f"{rate / one_rate:.2f}×" if workers == 2 and rate and one_rate else "—"
            lines.append(
                f"| {s.quads:,} | {s.documents:,} | {s.characters:,} | {workers} | {build.seconds:.1f} "
                f"| {build.start_up:.1f} | {f'{rate:.2f}' if rate else '—'} "
                f"| {f'{rate * s.characters / s.documents:,.0f}' if rate else '—'} | {speedup} "
                f"| {build.peak_bytes / 2**20:,.0f} MiB |"
            )
    lines += [
        "",
        "Segmentation alone (pkuseg `make_doc` on every text, one process, model loaded), the store and loading "
        "(the store's N-Quads dump into a fresh store):",
        "",
        "| quads | pkuseg alone | characters/s | 1-worker build after start-up ÷ pkuseg | store on disk "
        "| pyoxigraph bulk_load quads/s | oxigraph load quads/s |",
        "| " + " | ".join(["---"] * 7) + " |",
    ]
    for s in sizes:
        one_rate = s.one_worker.steady_rate(s.documents) if s.one_worker else None
        versus = f"{s.documents / one_rate / s.segment_seconds:.2f}×" if one_rate and s.segment_seconds else "—"
        lines.append(
            f"| {s.quads:,} | {s.segment_seconds:.1f} s | {_per_second(s.characters, s.segment_seconds)} | {versus} "
            f"| {s.store_bytes / 2**20:,.0f} MiB | {_per_second(s.quads, s.bulk_seconds)} "
            f"| {_per_second(s.quads, s.oxigraph_load_seconds)} |"
        )
    names = list(sizes[0].queries)
    lines += ["", "Query latency, median ms (policykg serve ÷ oxigraph serve on the same data):", ""]
    lines.append("| quads | " + " | ".join(names) + " |")
    lines.append("| " + " | ".join(["---"] * (len(names) + 1)) + " |")
    for s in sizes:
        cells = [f"{p:,.1f} / {o:,.1f} ({p / o:.2f}×)" for p, o in (s.queries[n] for n in names)]
        lines.append(f"| {s.quads:,} | " + " | ".join(cells) + " |")
    lines += ["", "How each cost grows: k in cost ∝ quads^k, fitted over the sizes (1 is linear):", ""]
    lines += ["| cost | k |", "| --- | --- |"]
    rows: list[tuple[str, list[float | None]]] = [
        ("build, 2 workers", [s.two_workers.seconds if s.two_workers else None for s in sizes]),
        ("build, 2 workers, after start-up", [_after_start(s.two_workers) for s in sizes]),
        ("build, 1 worker, after start-up", [_after_start(s.one_worker) for s in sizes]),
        ("pkuseg alone", [s.segment_seconds for s in sizes]),
        ("peak memory of the build", [s.two_workers.peak_bytes if s.two_workers else None for s in sizes]),
        ("store on disk", [float(s.store_bytes) for s in sizes]),
        ("bulk_load", [s.bulk_seconds for s in sizes]),
    ]
    for name in names:
        rows.append((f"{name}, policykg", [s.queries[name][0] for s in sizes]))
        rows.append((f"{name}, oxigraph", [s.queries[name][1] for s in sizes]))
    lines += [f"| {name} | {_exponent(sizes, cost)} |" for name, cost in rows]
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    """Put *section* between the markers of *path*, or append it with them."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{START}\n{section}{END}\n"
    if START in text and END in text:
        head, _, rest = text.partition(START)
        _, _, tail = rest.partition(END)
        text = head + block + tail.lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")


def _sizes(text: str) -> list[int]:
    try:
        return sorted(int(float(part)) for part in text.split(","))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"sizes are numbers of triples such as 1e4,1e5, not {text!r}") from exc


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--sizes", type=_sizes, default=_sizes(DEFAULT_SIZES), help=f"triples (default {DEFAULT_SIZES})"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query after a warm-up (default 5)")
    parser.add_argument(
        "--one-worker-max",
        type=lambda text: int(float(text)),
        default=1_000_000,
        help="build with one worker too up to this many quads (default 1e6)",
    )
    parser.add_argument("--write", type=Path, metavar="FILE", help="put the tables in FILE (such as BENCHMARKS.md)")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "-m", "bench.growth", *(sys.argv[1:] if argv is None else argv)])
    oxigraph = _oxigraph_cli()
    from extract.nlp import load_nlp

    nlp = load_nlp()
    sizes = [Size(target) for target in args.sizes]
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="policykg-growth-") as work:
            measure(size, Path(work), nlp, args, oxigraph)
    section = tables(sizes, command)
    print("\n" + section)
    if args.write:
        write_section(args.write, section)
        print(f"written into {args.write}")


if __name__ == "__main__":
    main()
