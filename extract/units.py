"""Expanding the unit list of a note into one name per responsible unit.

The rules are those of the gold guidelines: an elided administrative level is taken from the
first unit of a 、-run (省发改委、数字办 → 省数字办), a shared suffix is given to bare place
names (福州市、泉州市人民政府 → 福州市人民政府), qualifiers are dropped (等有关部门), collective
units are kept, a second name in brackets becomes an alternative and a scope note is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.gazetteer import Gazetteer

__all__ = ["UnitName", "expand_units", "split_outside_brackets"]

_OPEN, _CLOSE = "（〔【[(", "）〕】])"
_SCOPE_NOTE = re.compile(r"含|包括|下同|以下|简称|不含")
_AFTER_DENG = re.compile(r"^(?:和|及|以及|与)")


@dataclass(frozen=True)
class UnitName:
    """A unit as written (``start``/``end`` in the text) and its expanded name."""

    name: str
    start: int
    end: int
    alternatives: tuple[str, ...] = ()


def split_outside_brackets(text: str, separators: str, offset: int = 0) -> list[tuple[str, int]]:
    """Split *text* at *separators* that stand outside brackets; each piece with its offset.

    >>> split_outside_brackets("各县（市、区）政府、市直", "、")
    [('各县（市、区）政府', 0), ('市直', 10)]
    """
    pieces: list[tuple[str, int]] = []
    depth, begin = 0, 0
    for index, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(depth - 1, 0)
        elif char in separators and depth == 0:
            pieces.append((text[begin:index], offset + begin))
            begin = index + 1
    pieces.append((text[begin:], offset + begin))
    return pieces


def _trim(piece: str, start: int) -> tuple[str, int]:
    stripped = piece.lstrip(" \t\u3000由")
    start += len(piece) - len(stripped)
    return stripped.rstrip(" \t\u3000"), start


def _split_deng(run: str, start: int, gaz: Gazetteer) -> list[tuple[str, int]]:
    """``A、B等`` / ``A等有关部门`` lose the qualifier; ``A等市直有关单位`` keeps both."""
    depth = 0
    for index, char in enumerate(run):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(depth - 1, 0)
        elif char == "等" and depth == 0 and index > 0:
            rest = run[index + 1 :]
            tail = _AFTER_DENG.sub("", rest)
            head = [(run[:index], start)]
            if not tail or tail in gaz.lexicon.dropped_units:
                return head
            if tail.startswith(("各", "有关", "相关")) or gaz.level_prefix(tail) or gaz.place_at_start(tail):
                tail_start = start + index + 1 + len(rest) - len(tail)
                return head + _split_deng(tail, tail_start, gaz)
    return [(run, start)]


def _bracket_tail(name: str) -> tuple[str, str | None]:
    """Split a trailing bracket off a name: ('市商务局', '投促局') or the name unchanged."""
    if not name or name[-1] not in _CLOSE:
        return name, None
    depth = 0
    for index in range(len(name) - 1, -1, -1):
        if name[index] in _CLOSE:
            depth += 1
        elif name[index] in _OPEN:
            depth -= 1
            if depth == 0:
                return (name[:index], name[index + 1 : -1]) if index > 0 else (name, None)
    return name, None


def _has_own_level(name: str, gaz: Gazetteer) -> bool:
    if gaz.level_prefix(name) or name.startswith(gaz.lexicon.own_prefixes):
        return True
    if gaz.place_at_start(name):
        return True
    return any(gaz.places_named(name[i : i + n]) for n in (2, 3) for i in range(1, max(len(name) - n, 1)))


def _run_prefix(first: str, gaz: Gazetteer) -> str | None:
    """The level (省, 省委) or place (福州市) the first unit of a run is written with."""
    level = gaz.level_prefix(first)
    if level:
        return level
    found = gaz.place_at_start(first)
    if found and len(first) > found[1] and not first.startswith("各"):
        return first[: found[1]]
    return None


def _expand_run(items: list[tuple[str, int]], gaz: Gazetteer, jurisdiction: str) -> list[UnitName]:
    prefix = _run_prefix(items[0][0], gaz)
    last = items[-1][0]
    last_place = gaz.place_at_start(last)
    shared_suffix = last[last_place[1] :] if last_place and len(last) > last_place[1] else ""
    units = []
    for position, (item, start) in enumerate(items):
        name, alternatives = item, []
        if position > 0 and prefix and not _has_own_level(item, gaz):
            name = prefix + item
            if prefix.endswith("委") and len(prefix) == 2:  # 省委、保密局 may mean 省保密局
                alternatives.append(prefix[0] + item)
        elif position < len(items) - 1 and shared_suffix and gaz.places_named(item):
            place_word = last[: last_place[1]] if last_place else ""
            level_char = (
                place_word[-1] if place_word and place_word[-1] in "省市县区" and item[-1] != place_word[-1] else ""
            )
            name = item + level_char + shared_suffix
        units.append(UnitName(name, start, start + len(item), tuple(alternatives)))
    return units


def expand_units(text: str, offset: int, gaz: Gazetteer, jurisdiction: str) -> list[UnitName]:
    """Expand a comma-separated list of 、-runs of units.

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> [u.name for u in expand_units("省委办公厅、机要局，福州市、泉州市人民政府", 0, gaz, "350000")]
    ['省委办公厅', '省委机要局', '福州市人民政府', '泉州市人民政府']
    >>> [u.name for u in expand_units("人民银行等部门", 0, gaz, "100000")]
    ['人民银行']
    """
    units: list[UnitName] = []
    for run, run_start in split_outside_brackets(text, "，；。", offset):
        run, run_start = _trim(run, run_start)
        items: list[tuple[str, int]] = []
        for piece, piece_start in split_outside_brackets(run, "、", run_start):
            piece, piece_start = _trim(piece, piece_start)
            for part, part_start in _split_deng(piece, piece_start, gaz):
                part, part_start = _trim(part, part_start)
                if part and part not in gaz.lexicon.dropped_units:
                    items.append((part, part_start))
        if not items:
            continue
        for unit in _expand_run([(_bracket_tail(i)[0], s) for i, s in items], gaz, jurisdiction):
            written = next(i for i, s in items if s == unit.start)
            base, bracket = _bracket_tail(written)
            alternatives = list(unit.alternatives)
            if bracket and not _SCOPE_NOTE.search(bracket):
                alternatives.append(unit.name + written[len(base) :])
            units.append(UnitName(unit.name, unit.start, unit.start + len(written), tuple(alternatives)))
    return units
