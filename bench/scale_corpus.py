"""A scale corpus for the benchmarks: many plan documents made by recombining real ones.

This is benchmark material, not data: the documents are synthetic. Each is a work plan of one
province-level jurisdiction and year, whose items are real tasks with their real responsibility
notes, drawn from the bundled samples (``samples/``): the extractor finds every line that holds a
note, and a document takes a seeded selection of those lines, with the source plan's own
province name replaced by the new one and item markers renumbered. The text therefore stays
realistic for the extractor (the same grammar, agencies, platforms and targets), while the
jurisdictions, years and combinations vary, so agencies of one name in two provinces are two
agencies, as in a real nationwide corpus. Triples always come from the real extractor and
``graph.triples`` when the documents are built.

    .venv/bin/python -m bench.scale_corpus 500 -o var/scale-corpus [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

from bench.servers import ROOT

__all__ = ["Province", "noted_lines", "provinces", "write_corpus"]

_NUMERALS = "一二三四五六七八九十"
_MARKER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[一二三四五六七八九十]+、)\s*")


@dataclass(frozen=True)
class Province:
    name: str  # 河北省
    short: str  # 河北


def provinces() -> list[Province]:
    """The province-level jurisdictions of the gazetteer, in the order of their codes."""
    from extract.gazetteer import load_gazetteer

    places = sorted(load_gazetteer().places.values(), key=lambda place: place.code)
    return [Province(p.name, p.short[0]) for p in places if p.level == "province" and p.short]


def noted_lines(text: str) -> list[str]:
    """The lines of *text* that hold a responsibility note, without their item markers."""
    from extract.pipeline import extract_text

    extraction = extract_text(text)
    starts = [0]
    for index, character in enumerate(text):
        if character == "\n":
            starts.append(index + 1)
    lines: dict[int, str] = {}
    for note in extraction.notes:
        line_start = max(s for s in starts if s <= note.start)
        line_end = text.find("\n", note.end)
        line = text[line_start : line_end if line_end != -1 else len(text)].strip()
        if len(line) > len(note.raw):  # a task and its note, not a note standing alone
            lines[line_start] = _MARKER.sub("", line)
    return list(lines.values())


def _numeral(n: int) -> str:
    return _NUMERALS[n - 1] if n <= 10 else "十" + _NUMERALS[n - 11] if n < 20 else str(n)


def write_corpus(count: int, folder: Path, *, seed: int = 7, items: int = 24) -> list[Path]:
    """Write *count* documents of about *items* items each into *folder*; their paths."""
    rng = random.Random(seed)
    pool: list[tuple[str, str]] = []  # (the source plan's province short name or "", line)
    places = provinces()
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        source = next((p.short for p in places if p.name in text[:200] or p.short in text[:100]), "")
        pool += [(source, line) for line in noted_lines(text)]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(count):
        province = places[index % len(places)]
        year = 2018 + (index // len(places)) % 9
        chosen = rng.sample(pool, min(items, len(pool)))
        body = [f"{province.name}{year}年数字政府建设工作要点", ""]
        per_section = 6
        for section in range(0, len(chosen), per_section):
            body.append(f"{_numeral(section // per_section + 1)}、重点任务")
            for number, (source, line) in enumerate(chosen[section : section + per_section], 1):
                if source:
                    line = line.replace(source, province.short)
                body.append(f"（{_numeral(number)}）{line}")
        path = folder / f"{province.short}_{year}_{index:05d}.txt"
        path.write_text("\n".join(body) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="how many documents")
    parser.add_argument("-o", "--output", required=True, help="the folder to write them into")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--items", type=int, default=24, help="items per document (default 24)")
    args = parser.parse_args(argv)
    paths = write_corpus(args.count, Path(args.output), seed=args.seed, items=args.items)
    print(f"wrote {len(paths)} documents into {args.output}")


if __name__ == "__main__":
    main()
