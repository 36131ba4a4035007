"""How well documents are placed: the jurisdiction read for each annotated document against the
place its file name opens with, and where the units of its notes resolve.

Our annotated files are named after their place in pinyin (``fujian_2021_…``,
``inner_mongolia_…``, ``yancheng_2024_…``; ``gov_`` and ``national_`` for the State Council and
the ministries). For every document whose name opens with the registry's English name of a
province or a prefecture, this counts

- the documents read into that place or a place inside it, into a place above it (its province),
  into the country (no place told) and into another place (a file name's pinyin may stand for two
  places: ``suzhou`` is 苏州 and 宿州);
- over the units of their notes: those resolved to a body the gazetteer knows, those written with
  a level (市财政局) yet minted country-wide, those placed in another province, and the ids of
  unresolved bodies written with a level that documents of two places or more share (one agency
  made of two: a false merge).

Sets kept for measuring (a ``HELD_OUT`` file) are counted apart, in totals only.

    .venv/bin/python -m bench.jurisdictions
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extract.gazetteer import COUNTRY, Gazetteer, load_gazetteer
from extract.pipeline import extract_file
from extract.reading import SUPPORTED_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
ANNOTATED = ROOT / "tests" / "data" / "annotated"
SHARED = ROOT.parent / "shared"
_NATIONAL = ("gov", "national", "state")
_LEVEL_WRITTEN = re.compile(r"^各?[省市县区州]")


@dataclass
class Tally:
    """The counts of one group of sets."""

    documents: int = 0
    placed_inside: int = 0
    placed_above: int = 0
    placed_country: int = 0
    placed_elsewhere: int = 0
    units: int = 0
    resolved: int = 0
    level_written_country_wide: int = 0
    in_another_province: int = 0
    owners: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def shared_ids(self) -> int:
        """Unresolved ids of level-written bodies that documents of two places or more share."""
        return sum(1 for places in self.owners.values() if len(places) > 1)


def named_places(gaz: Gazetteer) -> dict[str, str]:
    """File-name openings (``inner_mongolia``, ``yancheng``) → the code of the place they name."""
    names: dict[str, str] = {}
    for place in gaz.places.values():
        if place.level in ("province", "prefecture") and place.en:
            names.setdefault(place.en.lower().replace(" ", "_"), place.code)
    return names


def expected_place(file_name: str, names: dict[str, str]) -> str | None:
    """The code of the place *file_name* opens with, COUNTRY for a national body's, else None.

    >>> expected_place("inner_mongolia_2017_plan.txt", {"inner_mongolia": "150000"})
    '150000'
    >>> expected_place("gov_2018_38_ftz.txt", {}) == COUNTRY, expected_place("plan.txt", {})
    (True, None)
    """
    parts = file_name.split("_")
    if parts[0] in _NATIONAL:
        return COUNTRY
    for length in (2, 1):
        opening = "_".join(parts[:length])
        if opening in names:
            return names[opening]
    return None


def count(documents: Iterable[Path], tally: Tally, gaz: Gazetteer, names: dict[str, str]) -> None:
    """Add the documents' counts to *tally*."""
    for path in documents:
        expected = expected_place(path.name, names)
        if expected is None:
            continue
        extraction = extract_file(path, gazetteer=gaz)
        code = extraction.metadata.jurisdiction
        tally.documents += 1
        if code == expected or (expected != COUNTRY and gaz.contains(expected, code)):
            tally.placed_inside += 1
        elif code == COUNTRY:
            tally.placed_country += 1
        elif gaz.contains(code, expected):
            tally.placed_above += 1
        else:
            tally.placed_elsewhere += 1
        province = expected[:2]
        for note in extraction.notes:
            for unit in note.units:
                tally.units += 1
                tally.resolved += unit.resolved
                scope = unit.agency.split("/", 1)[0]
                level_written = bool(_LEVEL_WRITTEN.match(unit.name)) and not unit.resolved
                if scope == "CN":
                    tally.level_written_country_wide += level_written and expected != COUNTRY
                elif expected != COUNTRY and scope[:2] != province:
                    tally.in_another_province += 1
                if level_written:
                    tally.owners[unit.agency].add(expected)


def set_folders() -> list[tuple[Path, bool]]:
    """(corpus folder, kept for measuring) of every annotated set."""
    folders = [(SHARED / "corpus", False), (SHARED / "regional" / "corpus", False)]
    folders += [(d / "corpus", (d / "HELD_OUT").exists()) for d in sorted(ANNOTATED.iterdir()) if d.is_dir()]
    return [(folder, held_out) for folder, held_out in folders if folder.is_dir()]


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0]).parse_args(argv)
    gaz = load_gazetteer()
    names = named_places(gaz)
    tallies = {"tuned on": Tally(), "held out": Tally()}
    for folder, held_out in set_folders():
        documents = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES)
        count(documents, tallies["held out" if held_out else "tuned on"], gaz, names)
    print("| sets | documents | in their place | above it | in the country | elsewhere | units | resolved |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, t in tallies.items():
        print(
            f"| {label} | {t.documents} | {t.placed_inside} | {t.placed_above} | {t.placed_country} "
            f"| {t.placed_elsewhere} | {t.units} | {t.resolved} |"
        )
    print()
    print("| sets | level-written units minted country-wide | units in another province | ids shared by two places |")
    print("| --- | --- | --- | --- |")
    for label, t in tallies.items():
        print(f"| {label} | {t.level_written_country_wide} | {t.in_another_province} | {t.shared_ids()} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
