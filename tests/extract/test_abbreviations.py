"""Issue 9's aim for ``policykg resolve``: the names plans write for standard bodies resolve in
any province or city, each body to one id, no two bodies to one. The names are in
``tests/data/standard_agency_names.txt``, written apart from the institution templates; the
places are drawn from the whole registry, most of them without a hand gazetteer."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from extract.gazetteer import load_gazetteer

GAZ = load_gazetteer()
NAMES = Path(__file__).resolve().parent.parent / "data" / "standard_agency_names.txt"
LINES = [line.split() for line in NAMES.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
SAMPLE = random.Random(9)
# The level word a place's bodies are written with: provinces and autonomous regions (not the four
# municipalities, whose bodies are named as a city's), cities and autonomous prefectures.
LEVEL_WORDS = {"province": {"省": "省", "自治区": "自治区"}, "prefecture": {"市": "市", "自治州": "州"}}


def sample(level: str, count: int) -> list[tuple[str, str]]:
    places = []
    for place in sorted(GAZ.places.values(), key=lambda p: p.code):
        ending = next((e for e in LEVEL_WORDS[level] if place.name.endswith(e)), None)
        if place.level == level and ending and not (level == "province" and ending == "市"):
            places.append((LEVEL_WORDS[level][ending], place.code))
    return SAMPLE.sample(places, count)


PLACES = sample("province", 8) + sample("prefecture", 12)


def _written(name: str, level_word: str) -> str:
    """*name* in a place of *level_word*: 省委 of an autonomous region is 自治区党委."""
    if level_word == "自治区" and name.startswith("省委"):
        return "自治区党委" + name[2:]
    return level_word + name[1:]


def resolutions(level_word: str, code: str) -> list[list[tuple[str, str, bool]]]:
    """Each body's names written with *level_word* (省发改委 → 自治区发改委 in an autonomous region),
    with the id each resolves to in *code* and whether it resolved."""
    bodies = []
    for names in LINES:
        if names[0].startswith("省") == (level_word in ("省", "自治区")):
            written = [_written(name, level_word) for name in names]
            bodies.append([(n, GAZ.resolve(n, code).agency, GAZ.resolve(n, code).resolved) for n in written])
    return bodies


@pytest.mark.parametrize(("level_word", "code"), PLACES)
def test_standard_names_resolve_each_body_to_one_id_and_no_two_to_one(level_word: str, code: str) -> None:
    bodies = resolutions(level_word, code)
    names = [name for body in bodies for name in body]
    resolved = [name for name in names if name[2]]
    assert len(resolved) >= 0.95 * len(names), [name for name, _, ok in names if not ok]
    for body in bodies:  # one body, one id, whatever it is called
        assert len({agency for _, agency, ok in body if ok}) <= 1, body
    owners: dict[str, str] = {}
    for body in bodies:  # two bodies, two ids
        for _, agency, ok in body:
            if ok:
                assert owners.setdefault(agency, body[0][0]) == body[0][0], (agency, owners[agency], body[0][0])


def test_the_same_title_in_two_provinces_is_two_agencies() -> None:
    (first_word, first), (second_word, second) = PLACES[:2]
    assert GAZ.resolve(f"{first_word}发改委", first).agency != GAZ.resolve(f"{second_word}发改委", second).agency
