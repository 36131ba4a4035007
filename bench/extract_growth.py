"""Benchmark: how extraction time grows with the number of items in one document.

Each note once looked through every heading and every boilerplate span before it, so a
10.7 M-character plan took minutes; with sorted spans and binary search the cost should grow
linearly. One run extracts (without the spaCy pipeline) synthetic plans of 2 000, 8 000 and
32 000 items, each item a task with its note and a boilerplate line, and prints the seconds and
the ratio to the smallest: about 4 and 16 when linear, 16 and 256 when quadratic.

    .venv/bin/python -m bench.extract_growth
"""

from __future__ import annotations

import time

from extract.pipeline import extract_text

SIZES = (2_000, 8_000, 32_000)


def plan(items: int) -> str:
    lines = "".join(f"（{i % 9 + 1}）建设平台。（责任单位：省数字办）（此件主动公开）\n" for i in range(items))
    return "福建省数字政府工作要点\n" + lines


def seconds(items: int) -> float:
    text = plan(items)
    started = time.perf_counter()
    extraction = extract_text(text)
    elapsed = time.perf_counter() - started
    if len(extraction.notes) != items:
        raise SystemExit(f"{items} items gave {len(extraction.notes)} notes")
    return elapsed


def main() -> None:
    seconds(100)  # warm-up: the gazetteer
    timings = [seconds(items) for items in SIZES]
    print("| items | characters | seconds | ratio to the smallest |\n| --- | --- | --- | --- |")
    for items, taken in zip(SIZES, timings, strict=True):
        print(f"| {items:,} | {len(plan(items)):,} | {taken:.2f} | {taken / timings[0]:.1f} |")


if __name__ == "__main__":
    main()
