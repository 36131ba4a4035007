"""Benchmark: extracting the whole bundled corpus against pkuseg segmentation alone.

Both sides run in one process on the same texts, after one warm-up pass; each is timed as
the median of ``--repeat`` passes. The ratio is extraction time / segmentation time.

    .venv/bin/python -m bench.extract_vs_segment [--repeat 5] [PATH ...]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from extract.nlp import load_nlp
from extract.pipeline import extract_document
from extract.reading import find_documents, read_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _median_seconds(work, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


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
        for f in found:
            extract_document(read_document(f.path, name=f.name), nlp=nlp)

    segment()  # warm-up: caches, lazy imports
    extract()
    segmentation = _median_seconds(segment, args.repeat)
    extraction = _median_seconds(extract, args.repeat)
    print(f"documents: {len(documents)}, characters: {characters}, passes: {args.repeat} (median)")
    print(f"pkuseg segmentation alone : {segmentation * 1000:8.1f} ms")
    print(f"whole extraction          : {extraction * 1000:8.1f} ms")
    print(f"ratio extraction / segmentation: {extraction / segmentation:.2f}x (aim: at most 1.5x)")


if __name__ == "__main__":
    main()
