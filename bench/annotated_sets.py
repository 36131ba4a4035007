"""Scores of every annotated set at once, and their sums: the figures a change is judged by.

Each set is scored as ``policykg eval`` scores it (:func:`extract.evaluate.score_documents`),
with one spaCy pipeline for all of them: ``../shared/gold``, ``../shared/regional`` (where they
stand beside the checkout) and every ``tests/data/annotated/NAME`` with a ``gold`` folder. A set
kept for measuring (a ``HELD_OUT`` file in its folder) is printed as its totals only, as every
set is: no document and no error is named, so that running this before and after a change says
what moved without showing why. The last two lines sum the sets tuned on and those kept for
measuring.

    .venv/bin/python -m bench.annotated_sets [--skip NAME ...] [NAME ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from extract.evaluate import Counts, Score, score_documents
from extract.jsonout import extraction_to_json
from extract.nlp import load_nlp
from extract.pipeline import extract_file

ROOT = Path(__file__).resolve().parent.parent
ANNOTATED = ROOT / "tests" / "data" / "annotated"
SHARED = ROOT.parent / "shared"


def annotated_sets() -> list[tuple[str, Path, Path]]:
    """(name, corpus, gold) of every set: the shared ones first, then ours in numeric order.

    >>> [name for name, _, _ in annotated_sets()][-2:]
    ['tuning', 'tuning2']
    """
    shared = [
        ("gold", SHARED / "corpus", SHARED / "gold"),
        ("regional", SHARED / "regional" / "corpus", SHARED / "regional" / "gold"),
    ]
    ours = [folder for folder in ANNOTATED.iterdir() if (folder / "gold").is_dir()]

    def order(folder: Path) -> tuple[str, int]:
        digits = "".join(c for c in folder.name if c.isdigit())
        return folder.name.rstrip("0123456789"), int(digits or 0)

    found = [(name, corpus, gold) for name, corpus, gold in shared if gold.is_dir()]
    return found + [(f.name, f / "corpus", f / "gold") for f in sorted(ours, key=order)]


def summary(counts: Counts) -> str:
    """One line of figures: notes found of gold (predicted), unit F1, leads right, platform F1."""
    result = Score.summarise(counts)
    platforms = (
        f"{result['platforms']['f1']:.4f} ({counts.matched_platforms}/{counts.gold_platforms}, "
        f"{counts.predicted_platforms} predicted)"
        if result["platforms"]
        else "-"
    )
    return (
        f"notes {counts.matched_notes}/{counts.gold_notes} ({counts.predicted_notes} predicted)"
        f" units {result['units']['f1']:.4f} lead {counts.lead_right}/{counts.lead_total} platforms {platforms}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these sets (default: all)")
    parser.add_argument("--skip", nargs="*", default=[], help="sets to leave out (one still being annotated)")
    args = parser.parse_args(argv)
    nlp = load_nlp()
    tuned, held = Counts(), Counts()
    for name, corpus, gold in annotated_sets():
        if (args.names and name not in args.names) or name in args.skip:
            continue
        kept = (corpus.parent / "HELD_OUT").exists()
        score = score_documents(lambda path: extraction_to_json(extract_file(path, nlp=nlp)), corpus, gold)
        (held if kept else tuned).add(score.total)
        print(f"{name:<12} {'held out' if kept else 'tuned on':<9} {summary(score.total)}", flush=True)
    print(f"{'all tuned on':<22} {summary(tuned)}")
    print(f"{'all held out':<22} {summary(held)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
