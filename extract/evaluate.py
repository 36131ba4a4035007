"""Scoring extractions against hand-made gold, exactly as ``GUIDELINES.md`` describes.

Notes are aligned per document in order (a longest common subsequence under a fuzzy text
match; where several are longest, which the guidelines leave open, the one pairing most notes
under the same item marker, so that a note the gold lacks never takes the pair of the note the
gold has under the next article); units are scored micro over all notes; lead over gold notes
that name a lead; platforms as sets per (document, item marker).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from extract.reading import check_document_file
from extract.text import compact, half_width

__all__ = [
    "Score",
    "align",
    "gold_documents",
    "item_key",
    "load_gold",
    "normalise_name",
    "normalise_platform",
    "normalise_raw",
    "platforms_by_item",
    "precision_recall_f1",
    "score_documents",
]

_LEADING_LABEL = re.compile(r"^(?:责任单位|负责部门|责任部门|牵头单位|牵头责任单位):")
_QUOTES = str.maketrans("", "", "“”\"'‘’「」『』")


def normalise_raw(raw: str) -> str:
    """Half-width, no white space, one leading label removed.

    >>> normalise_raw("责任单位：省数字办， 档案局")
    '省数字办,档案局'
    """
    return _LEADING_LABEL.sub("", "".join(half_width(raw).split()), count=1)


def normalise_name(name: str) -> str:
    return compact(name)


def normalise_platform(name: str) -> str:
    """Quotes and white space removed, half-width.

    >>> normalise_platform("省“互联网+监管”系统")
    '省互联网+监管系统'
    """
    return compact(name).translate(_QUOTES)


def raw_match(predicted: str, gold: str) -> bool:
    a, b = normalise_raw(predicted), normalise_raw(gold)
    return a == b or (bool(a) and bool(b) and (a in b or b in a)) or SequenceMatcher(None, a, b).ratio() >= 0.8


def align(
    predicted: list[str],
    gold: list[str],
    match: Callable[[str, str], bool] = raw_match,
    prefer: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """Pairs (predicted index, gold index) of a longest common subsequence under *match*; of the
    longest, one with most pairs that *prefer* (same item marker, say) holds for.

    >>> align(["a", "x", "b"], ["a", "b"], lambda p, g: p == g)
    [(0, 0), (2, 1)]
    >>> align(["ab", "abc"], ["abc"], lambda p, g: p in g or g in p, lambda i, j: i == 1)
    [(1, 0)]
    """
    rows, cols = len(predicted), len(gold)
    table = [[(0, 0)] * (cols + 1) for _ in range(rows + 1)]
    matched = [[False] * cols for _ in range(rows)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            best = max(table[i + 1][j], table[i][j + 1])
            if match(predicted[i], gold[j]):
                matched[i][j] = True
                after = table[i + 1][j + 1]
                best = max(best, (after[0] + 1, after[1] + (1 if prefer and prefer(i, j) else 0)))
            table[i][j] = best
    pairs, i, j = [], 0, 0
    while i < rows and j < cols:
        after = table[i + 1][j + 1]
        pair = (after[0] + 1, after[1] + (1 if prefer and prefer(i, j) else 0))
        if matched[i][j] and table[i][j] == pair:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _alternatives(gold_unit: str) -> set[str]:
    return {normalise_name(a) for a in gold_unit.split("|")}


def match_units(predicted: Sequence[Iterable[str]], gold: list[str]) -> int:
    """How many predicted units (each a set of names) equal a distinct gold unit's alternative."""
    remaining = [_alternatives(g) for g in gold]
    hits = 0
    for names in predicted:
        normalised = {normalise_name(n) for n in names}
        for index, alternatives in enumerate(remaining):
            if normalised & alternatives:
                hits += 1
                del remaining[index]
                break
    return hits


@dataclass
class Counts:
    gold_notes: int = 0
    predicted_notes: int = 0
    matched_notes: int = 0
    gold_units: int = 0
    predicted_units: int = 0
    matched_units: int = 0
    lead_total: int = 0
    lead_right: int = 0
    gold_platforms: int = 0
    predicted_platforms: int = 0
    matched_platforms: int = 0
    platforms_scored: bool = False

    def add(self, other: Counts) -> None:
        for name, value in vars(other).items():
            if isinstance(value, bool):
                setattr(self, name, getattr(self, name) or value)
            else:
                setattr(self, name, getattr(self, name) + value)


def precision_recall_f1(matched: int, predicted: int, gold: int) -> dict[str, float]:
    """Micro precision, recall and F1, rounded to four places; nothing predicted of nothing is 1."""
    precision = matched / predicted if predicted else (1.0 if not gold else 0.0)
    recall = matched / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


@dataclass
class Score:
    """Totals and per-document counts; :meth:`as_json` is the ``eval --json`` object."""

    total: Counts = field(default_factory=Counts)
    per_doc: dict[str, Counts] = field(default_factory=dict)

    @staticmethod
    def summarise(counts: Counts) -> dict[str, Any]:
        notes = precision_recall_f1(counts.matched_notes, counts.predicted_notes, counts.gold_notes)
        return {
            "notes": {
                "gold": counts.gold_notes,
                "predicted": counts.predicted_notes,
                "matched": counts.matched_notes,
                **notes,
            },
            "units": precision_recall_f1(counts.matched_units, counts.predicted_units, counts.gold_units),
            "lead": {
                "n": counts.lead_total,
                "accuracy": round(counts.lead_right / counts.lead_total, 4) if counts.lead_total else 1.0,
            },
            "platforms": precision_recall_f1(
                counts.matched_platforms, counts.predicted_platforms, counts.gold_platforms
            )
            if counts.platforms_scored
            else None,
        }

    def as_json(self) -> dict[str, Any]:
        return self.summarise(self.total) | {"per_doc": {d: self.summarise(c) for d, c in sorted(self.per_doc.items())}}


def load_gold(gold_dir: Path) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """Gold notes (sorted by ``seq``) and platform lines, by document."""
    notes: dict[str, list[dict]] = {}
    platforms: dict[str, list[dict]] = {}
    for pattern, target in (("clauses*.jsonl", notes), ("platforms*.jsonl", platforms)):
        for path in sorted(gold_dir.glob(pattern)):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise ValueError(f"{path}:{number}: not a JSON object: {exc.msg}") from exc
                    target.setdefault(row["doc"], []).append(row)
    for rows in notes.values():
        rows.sort(key=lambda r: r.get("seq", 0))
    return notes, platforms


def item_key(item: str | None) -> str | None:
    """An item marker as scores compare it: half-width, no white space (None stays None)."""
    return None if item is None else "".join(half_width(item).split())


def score_notes(predicted: list[dict], gold: list[dict]) -> Counts:
    """Counts for one document's predicted notes (``extract --json`` form) against its gold."""
    counts = Counts(gold_notes=len(gold), predicted_notes=len(predicted))
    pairs = align(
        [p["raw"] for p in predicted],
        [g["raw"] for g in gold],
        prefer=lambda i, j: item_key(predicted[i]["item"]) == item_key(gold[j]["item"]),
    )
    counts.matched_notes = len(pairs)
    counts.gold_units = sum(len(g["units"]) for g in gold)
    counts.predicted_units = sum(len(p["units"]) for p in predicted)
    matched_gold = dict((j, i) for i, j in pairs)
    for i, j in pairs:
        counts.matched_units += match_units(
            [[u["name"], *u["labels"]] for u in predicted[i]["units"]], gold[j]["units"]
        )
    for j, row in enumerate(gold):
        if not row.get("lead"):
            continue
        counts.lead_total += 1
        if j not in matched_gold:
            continue
        leads = [[u["name"], *u["labels"]] for u in predicted[matched_gold[j]]["units"] if u["lead"]]
        if len(leads) == len(row["lead"]) and match_units(leads, row["lead"]) == len(row["lead"]):
            counts.lead_right += 1
    return counts


def platforms_by_item(rows: Iterable[dict]) -> tuple[dict[str | None, list[set[str]]], dict[str | None, set[str]]]:
    """A document's platform lines united by item (:func:`item_key`): each platform as the set of
    its normalised alternatives (``a|b``), listed once, and the optional names.

    >>> rows = [{"item": "（一）", "platforms": ["甲平台|省甲平台"]}]
    >>> rows.append({"item": "(一)", "platforms": ["省甲平台|甲平台"], "optional": ["乙网"]})
    >>> platforms, optional = platforms_by_item(rows)
    >>> platforms == {"(一)": [{"甲平台", "省甲平台"}]}, optional == {"(一)": {"乙网"}}
    (True, True)
    """
    platforms: dict[str | None, list[set[str]]] = {}
    optional: dict[str | None, set[str]] = {}
    for row in rows:
        key = item_key(row["item"])
        listed = platforms.setdefault(key, [])
        for platform in row["platforms"]:
            names = {normalise_platform(a) for a in platform.split("|")}
            if names not in listed:
                listed.append(names)
        optional.setdefault(key, set()).update(
            normalise_platform(a) for o in row.get("optional", []) for a in o.split("|")
        )
    return platforms, optional


def score_platforms(predicted: list[dict], gold: list[dict]) -> Counts:
    """Counts for one document's platforms, as sets per item marker. A name the gold calls
    optional is matched last, so that it never takes the gold entry of a name that is not:

    >>> gold = [{"item": "1.", "platforms": ["甲系统|乙系统"], "optional": ["乙系统"]}]
    >>> counts = score_platforms([{"item": "1.", "name": "乙系统"}, {"item": "1.", "name": "甲系统"}], gold)
    >>> counts.matched_platforms, counts.predicted_platforms, counts.gold_platforms
    (1, 1, 1)
    """
    counts = Counts(platforms_scored=True)
    gold_by_item, optional_by_item = platforms_by_item(gold)
    predicted_by_item: dict[str | None, set[str]] = {}
    for platform in predicted:
        predicted_by_item.setdefault(item_key(platform["item"]), set()).add(normalise_platform(platform["name"]))
    for key in set(gold_by_item) | set(predicted_by_item):
        names = predicted_by_item.get(key, set())
        remaining = list(gold_by_item.get(key, []))
        counts.gold_platforms += len(remaining)
        optional = optional_by_item.get(key, set())
        for name in sorted(names, key=lambda n: (n in optional, n)):  # an optional name never takes another's gold
            hit = next((index for index, alts in enumerate(remaining) if name in alts), None)
            if hit is not None:
                counts.matched_platforms += 1
                counts.predicted_platforms += 1
                del remaining[hit]
            elif name not in optional:
                counts.predicted_platforms += 1
    return counts


def gold_documents(corpus: Path, gold_dir: Path) -> dict[str, Path]:
    """The corpus files the gold names, by the name it gives them, each checked before
    anything is extracted (or a model loaded): a :class:`ValueError` names a missing folder,
    a gold with no rows, or a file that is missing or cannot be read."""
    for folder, what in ((corpus, "corpus"), (gold_dir, "gold")):
        if not folder.is_dir():
            raise ValueError(f"{folder}: no such folder (the {what})")
    gold_notes, gold_platforms = load_gold(gold_dir)
    if not gold_notes and not gold_platforms:
        raise ValueError(f"{gold_dir}: no gold here (clauses*.jsonl or platforms*.jsonl)")
    paths = {name: corpus / name for name in sorted(set(gold_notes) | set(gold_platforms))}
    for path in paths.values():
        if not path.exists():
            raise ValueError(f"{path}: named in the gold but missing from the corpus")
        check_document_file(path)
    return paths


def score_documents(extract_json: Callable[[Path], dict], corpus: Path, gold_dir: Path) -> Score:
    """Run *extract_json* on every document the gold names and score it."""
    paths = gold_documents(corpus, gold_dir)
    gold_notes, gold_platforms = load_gold(gold_dir)
    score = Score()
    for name, path in paths.items():
        result = extract_json(path)
        counts = score_notes(result["notes"], gold_notes.get(name, []))
        if name in gold_platforms and "platforms" in result:
            counts.add(score_platforms(result["platforms"], gold_platforms[name]))
        score.per_doc[name] = counts
        score.total.add(counts)
    return score
