"""Agencies and places from the gazetteers in ``ontology/gazetteer``, and unit resolution.

A unit is resolved *within its document's jurisdiction*: 省发改委 in a Fujian plan is
福建省发展和改革委员会, in a Guangdong plan 广东省发展和改革委员会. A unit the gazetteer
lacks still gets a stable identifier under its jurisdiction, marked unresolved.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extract.lexicon import Lexicon, load_lexicon
from extract.text import compact
from ontology import ONTOLOGY_DIR

__all__ = ["COUNTRY", "Agency", "Gazetteer", "Place", "Resolution", "load_gazetteer"]

COUNTRY = "100000"
_LEVEL_WORD = {"province": "省", "prefecture": "市", "county": "县"}


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    short: tuple[str, ...]
    level: str
    parent: str | None
    en: str = ""


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    aliases: tuple[str, ...]
    jurisdiction: str
    type: str
    en: str = ""
    parent: str | None = None
    replaced_by: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """What a unit name stands for."""

    agency: str
    name: str
    labels: tuple[str, ...]
    jurisdiction: str
    resolved: bool
    collective: bool


@dataclass
class Gazetteer:
    """The places and agencies known to the extractor, with their lookup indexes."""

    places: dict[str, Place]
    agencies: dict[str, Agency]
    lexicon: Lexicon = field(default_factory=load_lexicon)
    _place_forms: dict[str, list[Place]] = field(init=False, repr=False)
    _aliases: dict[str, dict[str, Agency]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._place_forms = defaultdict(list)
        for place in self.places.values():
            for form in {place.name, *place.short}:
                if len(form) >= 2:
                    self._place_forms[form].append(place)
        self._aliases = defaultdict(dict)
        for agency in self.agencies.values():
            index = self._aliases[agency.jurisdiction]
            for form in self._agency_forms(agency):
                index.setdefault(compact(form), agency)

    def _agency_forms(self, agency: Agency) -> list[str]:
        """The agency's names, plus each level-prefixed alias with the place's names instead."""
        forms = [agency.name, *agency.aliases]
        place = self.places.get(agency.jurisdiction)
        if place is None or place.level not in _LEVEL_WORD:
            return forms
        level = _LEVEL_WORD[place.level]
        for alias in agency.aliases:
            for prefix in ("省委", "市委", "县委", "区委", level):
                if alias.startswith(prefix):
                    rest = alias[len(prefix) :]
                    party = "委" if prefix.endswith("委") else ""
                    forms += [f"{place.name}{party}{rest}", *(f"{s}{party}{rest}" for s in place.short if len(s) >= 2)]
                    break
        return forms

    # places -----------------------------------------------------------------------------
    def place_at_start(self, name: str, near: str | None = None) -> tuple[Place, int] | None:
        """The longest place name that *name* starts with, preferring places inside *near*."""
        for length in range(min(len(name), 12), 1, -1):
            candidates = self._place_forms.get(name[:length])
            if candidates:
                return self._nearest(candidates, near), length
        return None

    def places_named(self, form: str) -> list[Place]:
        return list(self._place_forms.get(form, ()))

    def _nearest(self, candidates: list[Place], near: str | None) -> Place:
        if near:
            for place in candidates:
                if self.contains(near, place.code) or self.contains(place.code, near):
                    return place
        return min(candidates, key=lambda p: ("country", "province", "prefecture", "county").index(p.level))

    def contains(self, outer: str, inner: str) -> bool:
        """Whether place *inner* lies inside (or is) place *outer*."""
        code: str | None = inner
        while code:
            if code == outer:
                return True
            code = self.places[code].parent if code in self.places else None
        return False

    def province_of(self, code: str) -> str:
        return code if code == COUNTRY else code[:2] + "0000"

    def city_of(self, code: str) -> str | None:
        place = self.places.get(code)
        if place is None or place.level in ("country", "province"):
            return None
        return code if place.level == "prefecture" else place.parent

    def level_jurisdiction(self, prefix: str, jurisdiction: str) -> str | None:
        """The jurisdiction a level prefix (省, 市委, 区 …) points to inside *jurisdiction*."""
        level = prefix.removesuffix("委")
        if level in ("省", "自治区"):
            return None if jurisdiction == COUNTRY else self.province_of(jurisdiction)
        if level == "市":
            return self.city_of(jurisdiction)
        place = self.places.get(jurisdiction)
        return jurisdiction if place is not None and place.level == "county" else None

    # agencies ---------------------------------------------------------------------------
    def lookup(self, name: str, jurisdiction: str) -> Agency | None:
        return self._aliases.get(jurisdiction, {}).get(compact(name))

    def level_prefix(self, name: str) -> str | None:
        """The administrative level a unit name starts with (省, 市委 …), if any."""
        if name.startswith(self.lexicon.not_level_prefixes):
            return None
        for prefix in self.lexicon.level_prefixes:
            if name.startswith(prefix) and len(name) > len(prefix):
                return prefix
        return None

    def is_collective(self, name: str) -> bool:
        return name.startswith(self.lexicon.collective_markers[0]) or any(
            marker in name for marker in self.lexicon.collective_markers[1:]
        )

    def resolve(self, name: str, jurisdiction: str) -> Resolution:
        """Resolve a unit's expanded name inside the document's *jurisdiction*.

        >>> gaz = load_gazetteer()
        >>> gaz.resolve("省发改委", "350000").name
        '福建省发展和改革委员会'
        >>> gaz.resolve("省发改委", "440000").name
        '广东省发展和改革委员会'
        >>> gaz.resolve("泉州市人民政府", "350000").agency
        '350500/gov'
        """
        key = compact(name)
        scope = jurisdiction
        if self.is_collective(key):
            prefix = self.level_prefix(key.removeprefix("各"))
            scope = (prefix and self.level_jurisdiction(prefix, jurisdiction)) or jurisdiction
            return self._unresolved(key, scope, collective=True)
        found = self.place_at_start(key, near=jurisdiction)
        if found:
            place, length = found
            rest = key[length:]
            if rest in ("人民政府", "政府", "市人民政府", "省人民政府"):
                return self._government(place, key)
            agency = self.lookup(key, place.code)
            if agency:
                return self._resolution(agency, key)
            scope = place.code
        prefix = self.level_prefix(key)
        if prefix:
            level_scope = self.level_jurisdiction(prefix, jurisdiction)
            if level_scope:
                agency = self.lookup(key, level_scope)
                if agency is None and prefix.endswith("委"):  # 省委保密局 written for 省保密局
                    agency = self.lookup(prefix[0] + key[len(prefix) :], level_scope)
                if agency:
                    return self._resolution(agency, key)
                scope = level_scope
            return self._unresolved(key, scope, collective=False)
        for candidate in (key, "国家" + key):
            agency = self.lookup(candidate, COUNTRY)
            if agency:
                return self._resolution(agency, key)
        agency = self.lookup(key, jurisdiction)
        if agency:
            return self._resolution(agency, key)
        return self._unresolved(key, scope, collective=False)

    def _resolution(self, agency: Agency, written: str) -> Resolution:
        labels = tuple(dict.fromkeys([written, agency.name, *agency.aliases]))
        return Resolution(agency.id, agency.name, labels, agency.jurisdiction, True, False)

    def _government(self, place: Place, written: str) -> Resolution:
        name = f"{place.name}人民政府"
        short = [f"{s}{_LEVEL_WORD.get(place.level, '')}政府" for s in place.short if len(s) >= 2]
        labels = tuple(dict.fromkeys([written, name, f"{place.name}政府", *short]))
        return Resolution(f"{_id_prefix(place.code)}/gov", name, labels, place.code, True, False)

    def _unresolved(self, key: str, scope: str, *, collective: bool) -> Resolution:
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        return Resolution(f"{_id_prefix(scope)}/x-{digest}", key, (key,), scope, False, collective)


def _id_prefix(code: str) -> str:
    """The first part of an agency id minted in jurisdiction *code*: ``CN`` for the country, as the
    national gazetteer's ids have it, else the code."""
    return "CN" if code == COUNTRY else code


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not a JSON object: {exc.msg}") from exc
    return rows


def _as_tuple(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@lru_cache(maxsize=4)
def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Read ``places.jsonl`` and every ``agencies/*.jsonl`` below *directory*."""
    root = directory or ONTOLOGY_DIR / "gazetteer"
    places = {}
    for row in _read_jsonl(root / "places.jsonl"):
        places[row["code"]] = Place(
            row["code"], row["name"], tuple(row.get("short", ())), row["level"], row.get("parent"), row.get("en", "")
        )
    agencies = {}
    for path in sorted((root / "agencies").glob("*.jsonl")):
        for row in _read_jsonl(path):
            try:
                agency = Agency(
                    id=row["id"],
                    name=row["name"],
                    aliases=tuple(row.get("aliases", ())),
                    jurisdiction=COUNTRY if row["jurisdiction"] == "CN" else row["jurisdiction"],
                    type=row.get("type", "government"),
                    en=row.get("en", ""),
                    parent=row.get("parent"),
                    replaced_by=_as_tuple(row.get("replaced_by")),
                    replaces=_as_tuple(row.get("replaces")),
                )
            except KeyError as exc:
                raise ValueError(f"{path}: an agency lacks the key {exc}") from exc
            agencies[agency.id] = agency
    return Gazetteer(places, agencies)
