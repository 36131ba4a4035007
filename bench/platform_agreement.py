"""How far two annotations of the same plans agree on platforms, and how the extractor scores
against each: the ceiling a platform F1 can be read against.

An annotated set (``tests/data/annotated/NAME``) may hold, beside its ``gold/platforms.jsonl``
(the first annotation), a ``second/platforms.jsonl``: the same documents annotated again, under
the same ``GUIDELINES.md``, by an annotator who saw neither the first annotation nor the
extractor's output. For each such set this prints, as totals only (a ``HELD_OUT`` set's errors
are not to be read, so no name is printed):

- the second annotation scored against the first (precision, recall, F1): how far two careful
  annotators agree;
- the extractor scored against the first (the figure ``policykg eval`` prints) and against the
  second.

Two annotators' platforms match, item by item, where their alternatives (``a|b``) share a name,
each matched once; a name either side marks ``optional`` counts for neither side unless it
matches. Only the documents the first annotation has platform lines for are scored, as in
``policykg eval``.

    .venv/bin/python -m bench.platform_agreement [SET_FOLDER ...]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from extract.evaluate import load_gold, platforms_by_item, precision_recall_f1, score_platforms
from extract.jsonout import extraction_to_json
from extract.nlp import load_nlp
from extract.pipeline import extract_file

ROOT = Path(__file__).resolve().parent.parent
ANNOTATED = ROOT / "tests" / "data" / "annotated"


@dataclass
class Tally:
    """Matched, predicted and reference counts, summed over documents."""

    matched: int = 0
    predicted: int = 0
    reference: int = 0

    def add(self, matched: int, predicted: int, reference: int) -> None:
        self.matched += matched
        self.predicted += predicted
        self.reference += reference

    def line(self) -> str:
        score = precision_recall_f1(self.matched, self.predicted, self.reference)
        counts = f"{self.matched} matched, {self.predicted} predicted, {self.reference} in the reference"
        return f"P {score['precision']:.3f} R {score['recall']:.3f} F1 {score['f1']:.3f} ({counts})"


def agreement(second: list[dict], first: list[dict]) -> tuple[int, int, int]:
    """(matched, counted second, counted first) for one document, *first* as the reference.

    >>> first = [{"item": "1.", "platforms": ["省甲平台|甲平台", "乙系统"], "optional": ["丙网"]}]
    >>> second = [{"item": "1.", "platforms": ["甲平台", "丙网", "丁库"], "optional": ["乙系统"]}]
    >>> agreement(second, first)
    (1, 2, 1)
    """
    first_platforms, first_optional = platforms_by_item(first)
    second_platforms, second_optional = platforms_by_item(second)
    matched = counted_second = counted_first = 0
    for key in set(first_platforms) | set(second_platforms):
        remaining = list(first_platforms.get(key, []))
        for names in second_platforms.get(key, []):
            hit = next((index for index, other in enumerate(remaining) if names & other), None)
            if hit is not None:
                matched += 1
                counted_second += 1
                counted_first += 1
                del remaining[hit]
            elif not names & first_optional.get(key, set()):
                counted_second += 1
        counted_first += sum(1 for names in remaining if not names & second_optional.get(key, set()))
    return matched, counted_second, counted_first


def score_set(folder: Path, nlp: object) -> dict[str, Tally]:
    """The three tallies of one annotated set."""
    _, first = load_gold(folder / "gold")
    _, second = load_gold(folder / "second")
    tallies = {"second vs first": Tally(), "extractor vs first": Tally(), "extractor vs second": Tally()}
    for name, rows in sorted(first.items()):
        second_rows = second.get(name, [])
        tallies["second vs first"].add(*agreement(second_rows, rows))
        predicted = extraction_to_json(extract_file(folder / "corpus" / name, nlp=nlp))["platforms"]
        for label, reference in (("extractor vs first", rows), ("extractor vs second", second_rows)):
            counts = score_platforms(predicted, reference)
            tallies[label].add(counts.matched_platforms, counts.predicted_platforms, counts.gold_platforms)
    return tallies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sets",
        nargs="*",
        type=Path,
        metavar="SET_FOLDER",
        help="annotated sets with gold/ and second/ (default: every such set of tests/data/annotated)",
    )
    args = parser.parse_args()
    folders = args.sets or sorted(f for f in ANNOTATED.iterdir() if (f / "second" / "platforms.jsonl").is_file())
    if not folders:
        parser.error(f"no annotated set with a second annotation under {ANNOTATED}")
    nlp = load_nlp()
    totals: dict[str, dict[str, Tally]] = {"tuning": {}, "held out": {}}
    for folder in folders:
        kind = "held out" if (folder / "HELD_OUT").exists() else "tuning"
        tallies = score_set(folder, nlp)
        print(f"{folder.name} ({kind})")
        for label, tally in tallies.items():
            print(f"  {label:20} {tally.line()}")
            totals[kind].setdefault(label, Tally()).add(tally.matched, tally.predicted, tally.reference)
    for kind, tallies in totals.items():
        if tallies:
            print(f"all {kind} sets")
            for label, tally in tallies.items():
                print(f"  {label:20} {tally.line()}")


if __name__ == "__main__":
    main()
