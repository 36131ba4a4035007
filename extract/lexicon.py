"""The words of responsibility notes, read from ``ontology/lexicon.json``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ontology import ONTOLOGY_DIR, read_json

__all__ = ["Lexicon", "load_lexicon"]


@dataclass(frozen=True)
class Lexicon:
    labels: dict[str, str]
    other_labels: dict[str, str]
    role_suffixes: dict[str, str]
    dropped_units: frozenset[str]
    organisation_suffixes: tuple[str, ...]
    collective_markers: tuple[str, ...]
    level_prefixes: tuple[str, ...]
    not_level_prefixes: tuple[str, ...]
    own_prefixes: tuple[str, ...]

    @cached_property
    def label_pattern(self) -> re.Pattern[str]:
        """Any label followed by a colon, longest label first."""
        return _alternation([*self.labels, *self.other_labels], suffix="[：:]")

    @cached_property
    def suffix_pattern(self) -> re.Pattern[str]:
        """A role suffix at the end of a segment (``…等有关部门负责``)."""
        return _alternation(list(self.role_suffixes), suffix="$")


def _alternation(words: list[str], suffix: str) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("(" + "|".join(map(re.escape, ordered)) + ")" + suffix)


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read the lexicon; *path* defaults to the bundled ``ontology/lexicon.json``."""
    data = read_json(path or ONTOLOGY_DIR / "lexicon.json", "lexicon")
    return Lexicon(
        labels=data["labels"],
        other_labels=data["other_labels"],
        role_suffixes=data["role_suffixes"],
        dropped_units=frozenset(data["dropped_units"]),
        organisation_suffixes=tuple(data["organisation_suffixes"]),
        collective_markers=tuple(data["collective_markers"]),
        level_prefixes=tuple(data["level_prefixes"]),
        not_level_prefixes=tuple(data["not_level_prefixes"]),
        own_prefixes=tuple(data["own_prefixes"]),
    )
