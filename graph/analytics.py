"""Analytics: which agencies share initiatives, over extractions or over the store's rows.

An initiative is shared by two agencies when both answer for one of its tasks (in any role,
or as lead only). Repeated passages count once: an initiative is an item merged across its
repeats (see :mod:`extract.outline`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations

from extract.model import Extraction

__all__ = ["initiative_agencies", "shared_counts", "shared_initiative_pairs"]


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


def shared_counts(members: Iterable[Iterable[str]]) -> Counter[tuple[str, str]]:
    """How many of the groups each pair of members shares; a pair is ordered (``a < b``) and
    counted once per group however often a member is listed in it.

    >>> shared_counts([["drc", "digital", "drc"], ["digital", "drc"], ["drc"]])
    Counter({('digital', 'drc'): 2})
    """
    counts: Counter[tuple[str, str]] = Counter()
    for names in members:
        counts.update(combinations(sorted(set(names)), 2))
    return counts


def shared_initiative_pairs(extractions: Iterable[Extraction], *, lead_only: bool = False) -> Counter[tuple[str, str]]:
    """How many initiatives each pair of agencies shares, over all *extractions*.

    >>> from extract import extract_text
    >>> plan = "一、任务\\n（一）建平台。（责任单位：省发改委、数字办）\\n（二）建网络。（责任单位：省数字办、发改委）"
    >>> pairs = shared_initiative_pairs([extract_text(plan, jurisdiction="350000")])
    >>> [(sorted(pair), count) for pair, count in pairs.items()]
    [(['350000/digital-office', '350000/drc'], 2)]
    """
    by_initiative = (initiative_agencies(extraction, lead_only=lead_only) for extraction in extractions)
    return shared_counts(agencies for initiatives in by_initiative for agencies in initiatives.values())
