"""Analytics: which agencies share initiatives, over extractions or over the store's rows.

An initiative is shared by two agencies when both answer for one of its tasks (in any role,
or as lead only). Repeated passages count once: an initiative is an item merged across its
repeats (see :mod:`extract.outline`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from itertools import combinations
from typing import TypeVar

from extract.model import Extraction

__all__ = ["initiative_agencies", "shared_groups", "shared_initiative_pairs"]

Group = TypeVar("Group", bound=Hashable)


def initiative_agencies(extraction: Extraction, *, lead_only: bool = False) -> dict[int, set[str]]:
    """The agencies responsible for each initiative of one document, by initiative index.

    Notes before the first heading (no initiative) are left out.
    """
    agencies: dict[int, set[str]] = {}
    for task in extraction.tasks:
        if task.initiative is None:
            continue
        for note_index in task.notes:
            for unit in extraction.notes[note_index].units:
                if not lead_only or unit.lead:
                    agencies.setdefault(task.initiative, set()).add(unit.agency)
    return agencies


def shared_groups(members: Mapping[Group, Iterable[str]]) -> dict[tuple[str, str], list[Group]]:
    """For each pair of members that share a group, the groups they share.

    Each pair is ordered (``a < b``) and counted once per group however often a member is
    listed in it.

    >>> shared_groups({"item-1": ["drc", "digital", "drc"], "item-2": ["digital", "drc"], "item-3": ["drc"]})
    {('digital', 'drc'): ['item-1', 'item-2']}
    """
    shared: dict[tuple[str, str], list[Group]] = {}
    for group, names in members.items():
        for pair in combinations(sorted(set(names)), 2):
            shared.setdefault(pair, []).append(group)
    return shared


def shared_initiative_pairs(extractions: Iterable[Extraction], *, lead_only: bool = False) -> Counter[tuple[str, str]]:
    """How many initiatives each pair of agencies shares, over all *extractions*.

    >>> from extract import extract_text
    >>> plan = "一、任务\\n（一）建平台。（责任单位：省发改委、数字办）\\n（二）建网络。（责任单位：省数字办、发改委）"
    >>> pairs = shared_initiative_pairs([extract_text(plan, jurisdiction="350000")])
    >>> [(sorted(pair), count) for pair, count in pairs.items()]
    [(['350000/digital-office', '350000/drc'], 2)]
    """
    pairs: Counter[tuple[str, str]] = Counter()
    for extraction in extractions:
        shared = shared_groups(initiative_agencies(extraction, lead_only=lead_only))
        pairs.update({pair: len(groups) for pair, groups in shared.items()})
    return pairs
