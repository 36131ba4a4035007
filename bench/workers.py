"""Benchmark: a build with one worker and with two, side by side in one run.

One run writes a scale corpus of ``--documents`` plans (:mod:`bench.scale_corpus`) and builds it
into a new store with one worker and with two, in turn, ``--repeat`` times each. Each build runs
in a fresh process (this module with ``--one WORKERS``), which calls
:func:`graph.build.build_documents` with the real pipeline (:func:`extract.nlp.load_nlp`) as
``policykg build --workers N`` does, and reports

* wall seconds;
* CPU seconds of the build process (``RUSAGE_SELF``) and of its worker processes with the
  forkserver they were forked from (:func:`_descendants_cpu`), which other work on a shared
  machine disturbs less than wall time;
* a digest of the store's sorted N-Quads: every build must make the same graph.

Start-up (imports, the pipeline loaded in each worker, a document per worker) is the wall time
of a build of the first document for each worker, in the same way; the build's first progress
line cannot tell it, since a build into an empty store reports its documents a batch at a time.
Then pkuseg segmentation alone (``nlp.make_doc`` on every text, model loaded) is timed in CPU
seconds, the floor of extraction. It prints the medians, the speed-up of two workers (whole
build and after start-up) and the CPU of each side against segmentation.

For scale, before each two-worker build it also times a pure-Python loop in one process and in
two at once (:func:`machine_speedup`): what two processes can gain on this machine at that
moment, shared as it is, with nothing of the build in the way.

    .venv/bin/python -m bench.workers [--documents 200] [--repeat 2]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.scale_corpus import write_corpus
from bench.servers import ROOT


@dataclass(frozen=True)
class Run:
    """One build, as its process reported it."""

    workers: int
    seconds: float
    build_cpu: float
    workers_cpu: float
    quads: int
    digest: str


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def _descendants_cpu() -> float:
    """CPU seconds of the processes this one started: those it has joined (``RUSAGE_CHILDREN``),
    and those still running with those they have joined (the forkserver the workers were forked
    from, which ends with this process)."""
    import psutil

    total = _cpu(resource.getrusage(resource.RUSAGE_CHILDREN))
    for child in psutil.Process().children():
        times = child.cpu_times()
        total += times.user + times.system + times.children_user + times.children_system
    return total


def one_build(corpus: Path, store: Path, workers: int, limit: int | None = None) -> Run:
    """Build *corpus* (its first *limit* documents) into the new *store* with *workers*, in this
    process (see the module)."""
    import pyoxigraph as ox

    from extract.nlp import load_nlp
    from extract.reading import find_documents
    from graph.build import build_documents
    from graph.store import KnowledgeStore

    started = time.perf_counter()
    with KnowledgeStore(store) as opened:
        found = find_documents([corpus])[:limit]
        report = build_documents(found, opened, make_nlp=load_nlp, workers=workers)
        seconds = time.perf_counter() - started
        build_cpu = _cpu(resource.getrusage(resource.RUSAGE_SELF))
        workers_cpu = _descendants_cpu()
        if report.failed:
            raise SystemExit(f"documents failed: {report.failed}")
        lines = sorted((opened.oxigraph.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines())
    digest = hashlib.sha256(b"\n".join(lines)).hexdigest()[:16]
    return Run(workers, seconds, build_cpu, workers_cpu, len(lines), digest)


def timed_build(corpus: Path, store: Path, workers: int, limit: int | None = None) -> Run:
    """:func:`one_build` in a fresh process."""
    command = [sys.executable, "-m", "bench.workers", "--one", str(workers), str(corpus), str(store)]
    command += ["--limit", str(limit)] if limit else []
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the build failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return Run(**json.loads(done.stdout.splitlines()[-1]))


def _spin(_: int) -> float:
    started = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number * number
    return time.perf_counter() - started


def machine_speedup() -> float:
    """How many times the work of one process two processes do in the same wall time: a busy loop
    alone, then one in each of two processes at once (the pool started beforehand)."""
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_spin, [0, 1])  # both processes up
        started = time.perf_counter()
        pool.map(_spin, [0], chunksize=1)
        one = time.perf_counter() - started
        started = time.perf_counter()
        pool.map(_spin, [0, 1], chunksize=1)
        return 2 * one / (time.perf_counter() - started)


def segmentation_cpu(corpus: Path) -> float:
    """CPU seconds of pkuseg segmentation alone on every text of *corpus*, the model loaded beforehand."""
    from extract.nlp import load_nlp
    from extract.reading import find_documents, read_document

    nlp = load_nlp()
    texts = [read_document(found.path, name=found.name).norm for found in find_documents([corpus])]
    started = time.process_time()
    for text in texts:
        nlp.make_doc(text)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--documents", type=int, default=200, help="synthetic plans to build (default 200)")
    parser.add_argument("--repeat", type=int, default=2, help="builds with each number of workers (default 2)")
    parser.add_argument("--one", type=int, metavar="WORKERS", help=argparse.SUPPRESS)  # one build, in this process
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        corpus, store = args.paths
        print(json.dumps(one_build(corpus, store, args.one, args.limit).__dict__))
        return
    with tempfile.TemporaryDirectory(prefix="policykg-workers-") as work:
        corpus = Path(work) / "corpus"
        write_corpus(args.documents, corpus)
        print(f"{args.documents} documents; load average {os.getloadavg()[0]:.2f} at the start", flush=True)
        runs: dict[int, list[Run]] = {1: [], 2: []}
        start_up: dict[int, list[float]] = {1: [], 2: []}
        machine: list[float] = []
        for turn in range(args.repeat):
            for workers in (1, 2):
                if workers == 2:
                    machine.append(machine_speedup())
                    print(f"two processes of a busy loop: {machine[-1]:.2f}× one", flush=True)
                first = timed_build(corpus, Path(work) / f"first-{workers}-{turn}", workers, limit=workers)
                start_up[workers].append(first.seconds)
                run = timed_build(corpus, Path(work) / f"store-{workers}-{turn}", workers)
                runs[workers].append(run)
                print(
                    f"{workers} worker(s): {run.seconds:.1f} s (start-up {first.seconds:.1f} s), "
                    f"CPU {run.build_cpu:.1f} s build process + {run.workers_cpu:.1f} s workers, "
                    f"{run.quads:,} quads, graph {run.digest}",
                    flush=True,
                )
        segmentation = segmentation_cpu(corpus)
    digests = {run.digest for each in runs.values() for run in each}
    if len(digests) != 1:
        raise SystemExit(f"the builds made different graphs: {sorted(digests)}")

    def median(workers: int, value: str) -> float:
        return statistics.median(getattr(run, value) for run in runs[workers])

    def after_start(workers: int) -> float:
        return median(workers, "seconds") - statistics.median(start_up[workers])

    print(f"\nmedians of {args.repeat}; load average {os.getloadavg()[0]:.2f} at the end; every build the same graph")
    print("| workers | seconds | start-up | after start-up | CPU build process | CPU workers | CPU all ÷ pkuseg |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for workers in (1, 2):
        cpu = median(workers, "build_cpu") + median(workers, "workers_cpu")
        print(
            f"| {workers} | {median(workers, 'seconds'):.1f} | {statistics.median(start_up[workers]):.1f} "
            f"| {after_start(workers):.1f} | {median(workers, 'build_cpu'):.1f} | {median(workers, 'workers_cpu'):.1f} "
            f"| {cpu / segmentation:.2f}× |"
        )
    print(f"pkuseg segmentation alone: {segmentation:.1f} CPU s")
    print(
        f"2 workers ÷ 1: {median(1, 'seconds') / median(2, 'seconds'):.2f}× whole build, "
        f"{after_start(1) / after_start(2):.2f}× after start-up (aim 1.7×); "
        f"two processes of a busy loop {statistics.median(machine):.2f}× one"
    )


if __name__ == "__main__":
    main()
