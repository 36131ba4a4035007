"""Leave-one-jurisdiction-out evaluation of the platform finder's two tuned thresholds.

The finder's grammar (``ontology/platforms.json``) has two numbers chosen from data:
``common_word_frequency`` (a one-character head inside a common word is no head) and
``generic_modifier_frequency`` (one frequent modifier before a head makes a kind). For each
jurisdiction (the first part of a document's file name: ``fujian``, ``hainan``, ``national``…),
this picks the pair that scores best on every *other* jurisdiction's documents and scores the
left-out one with it, so that no jurisdiction is measured with numbers chosen on itself. It
prints, per jurisdiction and in all, platform F1 with the bundled thresholds and with the
left-out choice.

The word lists of the grammar are not varied here: which of them were written while reading
which documents is history, not data. Every annotated set is read but those kept for measuring
(a ``HELD_OUT`` file in the folder).

    .venv/bin/python -m bench.platform_lojo [--gold-set CORPUS GOLD ...]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from extract.evaluate import Counts, load_gold, score_platforms
from extract.jsonout import extraction_to_json
from extract.nlp import load_nlp
from extract.pipeline import extract_file
from ontology import ONTOLOGY_DIR

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEFAULT_SETS = [
    (SHARED / "corpus", SHARED / "gold"),
    (SHARED / "regional" / "corpus", SHARED / "regional" / "gold"),
    *(
        (folder / "corpus", folder / "gold")
        for folder in sorted((ROOT / "tests/data/annotated").iterdir())
        if folder.is_dir() and not (folder / "HELD_OUT").exists()  # a set kept for measuring: nothing is chosen on it
    ),
]
COMMON_GRID = (10, 30, 100, 300)
GENERIC_GRID = (500, 1000, 2000, 4000, 8000)
FINDERS = ("policykg_platforms", "policykg_programmes")


@dataclass
class Score:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, counts: Counts) -> None:
        self.matched += counts.matched_platforms
        self.predicted += counts.predicted_platforms
        self.gold += counts.gold_platforms

    @property
    def f1(self) -> float:
        return 2 * self.matched / (self.predicted + self.gold) if self.predicted + self.gold else 1.0


@dataclass
class Documents:
    """Each gold document's path and platform lines, by jurisdiction."""

    by_jurisdiction: dict[str, list[tuple[Path, list[dict]]]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def read(cls, sets: Iterable[tuple[Path, Path]]) -> Documents:
        documents = cls()
        for corpus, gold in sets:
            _, platforms = load_gold(gold)
            for name, rows in sorted(platforms.items()):
                documents.by_jurisdiction[name.split("_", 1)[0]].append((corpus / name, rows))
        return documents


def use_thresholds(nlp, common: int, generic: int, folder: Path) -> None:
    """Load the finders with the bundled grammar but these two thresholds (``from_disk``)."""
    grammar = json.loads((ONTOLOGY_DIR / "platforms.json").read_text(encoding="utf-8"))
    grammar.update(common_word_frequency=common, generic_modifier_frequency=generic)
    target = folder / f"{common}-{generic}"
    target.mkdir(parents=True, exist_ok=True)
    (target / "grammar.json").write_text(json.dumps(grammar, ensure_ascii=False), encoding="utf-8")
    (target / "patterns.jsonl").write_text(
        (ONTOLOGY_DIR / "platform_patterns.jsonl").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for name in FINDERS:
        nlp.get_pipe(name).from_disk(target)


def score_all(nlp, documents: Documents) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for jurisdiction, items in documents.by_jurisdiction.items():
        score = scores[jurisdiction] = Score()
        for path, rows in items:
            predicted = extraction_to_json(extract_file(path, nlp=nlp))["platforms"]
            score.add(score_platforms(predicted, rows))
    return scores


def total(scores: Iterable[Score]) -> Score:
    result = Score()
    for score in scores:
        result.matched += score.matched
        result.predicted += score.predicted
        result.gold += score.gold
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--gold-set",
        nargs=2,
        action="append",
        type=Path,
        metavar=("CORPUS", "GOLD"),
        help="a corpus folder and its gold folder, instead of the default sets (repeatable)",
    )
    args = parser.parse_args(argv)
    documents = Documents.read(args.gold_set or DEFAULT_SETS)
    bundled = json.loads((ONTOLOGY_DIR / "platforms.json").read_text(encoding="utf-8"))
    default = (bundled["common_word_frequency"], bundled["generic_modifier_frequency"])
    nlp = load_nlp()
    grid: dict[tuple[int, int], dict[str, Score]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for pair in product(COMMON_GRID, GENERIC_GRID):
            use_thresholds(nlp, *pair, Path(folder))
            grid[pair] = score_all(nlp, documents)
            print(f"thresholds {pair}: F1 {total(grid[pair].values()).f1:.3f}", flush=True)
    left_out: dict[str, Score] = {}
    print(f"\n{'jurisdiction':14} {'docs':>4} {'gold':>4}  bundled {default}  left out (chosen)")
    for jurisdiction in sorted(documents.by_jurisdiction):
        others = {pair: total(s for j, s in scores.items() if j != jurisdiction) for pair, scores in grid.items()}
        chosen = max(others, key=lambda pair: (others[pair].f1, pair == default))
        left_out[jurisdiction] = grid[chosen][jurisdiction]
        bundled_score = grid[default][jurisdiction]
        print(
            f"{jurisdiction:14} {len(documents.by_jurisdiction[jurisdiction]):4} {bundled_score.gold:4}  "
            f"{bundled_score.f1:.3f}  {left_out[jurisdiction].f1:.3f} {chosen}"
        )
    print(
        f"\nall: bundled thresholds F1 {total(grid[default].values()).f1:.3f}; "
        f"each jurisdiction with thresholds chosen without it F1 {total(left_out.values()).f1:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
