"""Benchmark: extracting the whole bundled corpus against pkuseg segmentation alone.

Both sides run in one process on the same texts, after one warm-up pass, in alternating
passes (so a load that comes and goes on a shared machine falls on both); each is timed as the
median of ``--repeat`` passes, in wall-clock time and in this process's CPU time (which other
processes on the machine disturb less). The ratio is extraction time / segmentation time.
Answers the extractor keeps (:func:`extract.kept.clear_caches`) are forgotten before each
extraction pass, so no pass gains from having read the same documents before. Last, the Python
function calls of one more extraction pass: near enough the same from run to run, where the times
on a shared machine are not, so two versions of the extractor compare by it too.

    .venv/bin/python -m bench.extract_vs_segment [--repeat 5] [PATH ...]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from extract.kept import clear_caches
from extract.nlp import load_nlp
from extract.pipeline import extract_document
from extract.reading import find_documents, read_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _timed(work: Callable[[], None]) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of one run of *work*."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(SAMPLES)], metavar="PATH")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    nlp = load_nlp()
    found = find_documents(args.paths)
    documents = [read_document(f.path, name=f.name) for f in found]
    characters = sum(len(d.text) for d in documents)

    def segment() -> None:
        for document in documents:
            nlp.make_doc(document.norm)

    def extract() -> None:
        clear_caches()
        for f in found:
            extract_document(read_document(f.path, name=f.name), nlp=nlp)

    segment()  # warm-up: caches, lazy imports
    extract()
    passes = [(_timed(segment), _timed(extract)) for _ in range(args.repeat)]
    print(f"documents: {len(documents)}, characters: {characters}, passes: {args.repeat} (median)")
    for index, clock in enumerate(("wall-clock", "CPU")):
        segmentation = statistics.median(s[index] for s, _ in passes)
        extraction = statistics.median(e[index] for _, e in passes)
        print(
            f"{clock:>10}: pkuseg segmentation alone {segmentation * 1000:8.1f} ms, whole extraction "
            f"{extraction * 1000:8.1f} ms, ratio {extraction / segmentation:.2f}x (aim: at most 1.5x)"
        )
    print(f"     calls: {_python_calls(extract):,} Python function calls in one extraction pass")


def _python_calls(work: Callable[[], None]) -> int:
    """The Python function calls of one run of *work*: a count that a loaded machine does not move,
    so two versions of the code can be told apart where their times differ by less than the noise
    (it counts no work done inside C, so it is no measure of the ratio itself)."""
    profile = cProfile.Profile()
    profile.runcall(work)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]  # (set at run time; typeshed lacks it)


if __name__ == "__main__":
    main()
