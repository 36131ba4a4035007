"""The Entities step and the gazetteer behind it: places from the registry package, the standard
institutions generated for any province, prefecture or county, and resolution that gives one id
per body whatever abbreviation is written, never one id to two bodies, and two ids to the same
title in two places.

The names used here are built from the institution templates and the registry, or written for
these tests; none is copied from the corpus.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict

import pytest

from extract.entities import agency_entity, place_entity, resolve_name
from extract.gazetteer import COUNTRY, Gazetteer, load_gazetteer
from extract.pipeline import extract_text
from extract.text import compact

GAZ = load_gazetteer()
HAND = {a.jurisdiction for a in GAZ.agencies.values()}  # the jurisdictions of the hand gazetteers
# Special administrative regions have none of the standard institutions.
PROVINCES = [
    p.code
    for p in GAZ.places.values()
    if p.level == "province" and p.code not in HAND and not p.name.endswith("特别行政区")
]
PREFECTURES = [p.code for p in GAZ.places.values() if p.level == "prefecture" and p.code not in HAND]
# Every province the registry lists and every twelfth prefecture, with the kinds that are named
# otherwise: an autonomous prefecture, a league, a prefecture (地区), and some counties.
SAMPLE = [*PROVINCES, *PREFECTURES[::12], "422800", "152900", "652900", "330106", "110105", "450703"]


def _pattern(template: str) -> re.Pattern[str]:
    """A template (see :mod:`extract.gazetteer`) as a pattern its names match: a word choice as its
    alternatives, any other placeholder as any text."""

    def piece(part: str) -> str:
        if part.startswith("{"):
            return "(?:" + "|".join(map(re.escape, part[1:-1].split("|"))) + ")" if "|" in part else ".*"
        return re.escape(part)

    return re.compile("".join(piece(part) for part in re.split(r"(\{[^{}]*\})", template) if part))


def _generated(code: str) -> list:
    return [a for a in GAZ.agencies_in(code) if a.id.split("/", 1)[1] in {i.key for i in GAZ.institutions}]


@pytest.mark.parametrize("code", SAMPLE)
def test_every_name_of_a_generated_agency_resolves_to_it(code: str) -> None:
    """Each standard institution of the place: its name and every alias (省发改委, 江苏省发展改革委,
    江苏发改委 …) are found in the place as that institution, and each alias template left at
    least one name (no template lost all its forms to another)."""
    place = GAZ.places[code]
    made = {a.id.split("/", 1)[1]: a for a in _generated(code)}
    expected = {i.key for i in GAZ.institutions if place.level in i.levels and "{short}" not in i.name}
    assert expected <= set(made), f"{place.name} lacks {expected - set(made)}"
    for institution in GAZ.institutions:
        agency = made.get(institution.key)
        if agency is None:
            continue
        names = [agency.name, *agency.aliases]
        for name in names:
            found = GAZ.lookup(name, code)
            assert found is not None and found.id == agency.id, f"{name} in {place.name}: {found}"
        for template in institution.aliases:
            pattern = _pattern(template)
            assert any(pattern.fullmatch(name) for name in names), f"{place.name} has no {template}"


@pytest.mark.parametrize("code", SAMPLE)
def test_no_name_is_given_to_two_agencies_of_one_place(code: str) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for agency in GAZ.agencies_in(code):
        for name in (agency.name, *agency.aliases):
            owners[compact(name)].add(agency.id)
    assert {name: ids for name, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize("code", [c for c in SAMPLE if GAZ.places[c].level == "province"])
def test_level_prefixed_names_resolve_in_the_document_s_place(code: str) -> None:
    """省X read in a province is that province's X; the same 省X read in another province is
    another agency; written with the province's name it resolves anywhere."""
    other = "510000" if code != "510000" else "530000"
    place = GAZ.places[code]
    level = "自治区" if place.name.endswith("自治区") else place.name[-1]
    for agency in _generated(code):
        for alias in agency.aliases:
            if not alias.startswith(level):
                continue
            assert GAZ.resolve(alias, code).agency == agency.id, alias
            elsewhere = GAZ.resolve(alias, other)
            assert elsewhere.agency != agency.id and elsewhere.agency.startswith(other), alias
            with_name = place.name + alias[len(level) :]
            assert GAZ.resolve(with_name, COUNTRY).agency == agency.id, with_name


@pytest.mark.parametrize(
    ("names", "code", "key"),
    [
        (["省发改委", "省发展改革委", "省发展和改革委员会", "云南省发改委", "云南发展改革委"], "530000", "drc"),
        (["省人社厅", "省人力资源社会保障厅", "省人力资源和社会保障厅", "云南省人社厅"], "530000", "hrss"),
        (["省住建厅", "省住房城乡建设厅", "云南住房和城乡建设厅"], "530000", "housing"),
        (["省卫健委", "省卫生健康委", "省卫生健康委员会"], "530000", "health"),
        (["省市场监管局", "省市场监督管理局", "云南省市场监管局"], "530000", "samr"),
        (["省委网信办", "省网信办", "云南省委网信办"], "530000", "party-cac"),
        (["自治区发改委", "自治区发展改革委", "宁夏回族自治区发展改革委", "宁夏发改委"], "640000", "drc"),
        (["自治区党委组织部", "宁夏回族自治区党委组织部"], "640000", "party-org"),
        (["市发展改革委", "市发改委", "重庆市发改委"], "500000", "drc"),
        (["市教委", "市教育局"], "500000", "edu"),
        (["市工信局", "市经信局", "绵阳市工业和信息化局", "绵阳工信局"], "510700", "miit"),
        (["市委办公室", "市委办", "绵阳市委办公室"], "510700", "party-office"),
        (["市中院", "市中级人民法院", "绵阳市中级人民法院"], "510700", "court"),
        (["州发改委", "恩施州发改委", "恩施土家族苗族自治州发展和改革委员会"], "422800", "drc"),
        (["县发改局", "县发展和改革局", "景东彝族自治县发改局"], "530823", "drc"),
        (["区人社局", "区人力资源和社会保障局"], "330106", "hrss"),
        # a county's merged bodies and its converged media centre
        (["县教体局", "县教育体育局", "县教育局"], "530823", "edu"),
        (["县文广新旅局", "县文化广电体育和旅游局", "县文旅局"], "530823", "culture-tourism"),
        (["县融媒体中心", "景东彝族自治县融媒体中心"], "530823", "media-center"),
        (["县综合行政执法局", "县城管局"], "530823", "urban-management"),
        (["县政务服务中心", "县行政服务中心"], "530823", "gov-service-center"),  # not its administration's id
        (["县不动产登记中心"], "530823", "real-estate-registration"),
        (["市机要局", "市委机要局"], "420500", "party-confidential"),
        (["市委巡察办", "宜昌市委巡察办"], "420500", "party-inspection"),
        (["市文联", "市文学艺术界联合会"], "420500", "literature-art"),
        (["市史志办", "市地方志办公室"], "420500", "local-chronicles"),
        (["省国安厅", "省国家安全厅"], "420000", "state-security"),
        (["省政务服务和大数据管理局", "省政务服务和数据管理局"], "420000", "gov-data-2024"),
        (["区经济信息委", "区经信委"], "500103", "eic"),
        (["市审批局", "市行政审批局"], "420500", "approval-services"),
        (["市农办", "市委农办"], "420500", "party-rural"),
        (["人行郑州中心支行", "人民银行郑州中心支行", "中国人民银行郑州市中心支行"], "410100", "pbc-central"),
        (["省人大办公厅", "省人大常委会办公厅"], "410000", "npc-office"),
        (["县委外办", "县外办"], "360822", "fao"),  # the party's office and the government's: one body
        (["县委财经办", "县委财经委员会办公室"], "360822", "party-economy"),
        (["县政协办", "县政协办公室"], "360822", "cppcc-office"),
        # the party committee itself, and a league's government, its administrative office
        (["县委", "中共吉水县委", "中国共产党吉水县委员会"], "360822", "party-committee"),
        (["自治区党委", "中共宁夏回族自治区委员会"], "640000", "party-committee"),
        (["盟行署", "盟行政公署", "盟政府"], "152500", "gov"),
        # a league's party committee, written as a run's level (盟委宣传部)
        (["盟委宣传部", "锡林郭勒盟委宣传部"], "152500", "party-propaganda"),
    ],
)
def test_abbreviations_of_one_agency_share_its_id(names: list[str], code: str, key: str) -> None:
    assert {resolve_name(name, code).id for name in names} == {f"{code}/{key}"}


@pytest.mark.parametrize(
    ("name", "key", "successors"),
    [
        ("市建委", "construction", ["housing"]),
        ("县规划局", "planning", ["natres"]),
        ("市海洋与渔业局", "ocean-fisheries", ["natres", "agri"]),
        ("市工商质监局", "industry-commerce-quality", ["samr"]),
    ],
)
def test_a_body_renamed_or_merged_away_is_its_own_agency_with_its_successors(
    name: str, key: str, successors: list[str]
) -> None:
    """A body the 2018 reform merged (建委, 规划局, 海洋与渔业局, 工商质监局) resolves to itself, never
    to the body it became, and records which bodies took its work."""
    code = "420500" if name.startswith("市") else "530823"
    agency = resolve_name(name, code)
    assert agency.id == f"{code}/{key}"
    assert agency.successors == tuple(f"{code}/{key}" for key in successors)


def test_a_division_s_former_names_say_whose_a_body_is() -> None:
    """A division renamed under its code (襄樊市, now 襄阳市) gives its bodies today's ids; one whose
    code is gone (崇文区, merged into 东城区; 吴江市, now 吴江区 under another code) is a place of its
    own, so a plan written before the change still names bodies that say whose they are."""
    assert resolve_name("襄樊市发改委", COUNTRY).id == resolve_name("襄阳市发展和改革委员会", COUNTRY).id
    assert resolve_name("崇文区人民政府", COUNTRY).id != resolve_name("东城区人民政府", COUNTRY).id
    text = "第六条　吴中区人民政府、吴江市人民政府应当配合做好管廊的相关工作。\n"  # 吴江市: 吴江区 since 2012
    notes = extract_text(text, jurisdiction="320500").notes
    assert [[u.name for u in note.units] for note in notes] == [["吴中区人民政府", "吴江市人民政府"]]


def test_the_same_title_in_two_places_is_two_agencies() -> None:
    assert resolve_name("省发改委", "320000").id != resolve_name("省发改委", "330000").id
    assert resolve_name("市卫健委", "320900").id != resolve_name("市卫健委", "321000").id
    assert resolve_name("区发改局", "330106").id != resolve_name("区发改局", "330105").id


@pytest.mark.parametrize("code", ["340000", "341000", "341021"])
def test_renames_link_predecessor_and_successor(code: str) -> None:
    for institution in GAZ.institutions:
        before = GAZ.agency(f"{code}/{institution.key}")
        for key in institution.replaced_by:
            after = GAZ.agency(f"{code}/{key}")
            if before is None or after is None:
                continue
            assert after.id in before.replaced_by and before.id in after.replaces
    assert resolve_name("省环保厅", "340000").successors == ("340000/ecoenv",)
    assert resolve_name("省生态环境厅", "340000").predecessors == ("340000/env-protection",)
    assert resolve_name("市地方金融监管局", "341000").successors == ("341000/local-finance",)


def test_hand_entries_take_precedence_and_gain_the_generated_names() -> None:
    drc = GAZ.agency("350000/drc")
    assert drc is not None and drc.name == "福建省发展和改革委员会" and "省发展和改革局" in drc.aliases
    assert resolve_name("福建省发改局", COUNTRY).id == "350000/drc"
    assert resolve_name("省数字办", "350000").id == "350000/digital-office"  # local, no template
    assert resolve_name("市金融办", "350100").id == "350100/finance-regulation"  # the hand entry's, kept
    assert resolve_name("省环保厅", "350000").successors == ("350000/ecoenv",)


def test_generation_is_lazy_and_loading_is_fast() -> None:
    start = time.perf_counter()
    fresh: Gazetteer = load_gazetteer.__wrapped__()
    assert time.perf_counter() - start < 3
    assert fresh._generated == {}
    fresh.lookup("省发改委", "620000")
    assert set(fresh._generated) == {"620000"}


def test_places_come_from_the_registry_with_derived_short_forms() -> None:
    assert len(GAZ.places) > 3000
    assert GAZ.places["652900"].short == ("阿克苏",) and GAZ.places["152900"].short == ("阿拉善",)
    assert GAZ.places["450300"].short == ("桂林",) and GAZ.places["450329"].short == ()  # 资源县: 自然资源厅
    assert "市中" not in GAZ.places["370103"].short  # 市中区: 市中级人民法院
    assert GAZ.places["350000"].short == ("福建", "八闽", "闽")  # one-character forms from places.jsonl
    assert GAZ.places["140400"].short == ()  # withheld by hand: 长治久安
    assert GAZ.places["330106"].parent == "330100" and GAZ.places["110105"].parent == "110000"
    assert [p.code for p in GAZ.places_called("西湖区")] != ["330106"]  # several 西湖区


def test_the_step_describes_every_entity_the_document_names() -> None:
    plan = (
        "湖南省人民政府办公厅关于印发测试工作要点的通知\n"
        "一、完善数据共享\n（一）建设共享通道。（责任单位：省发展改革委、省委网信办、省环保厅，各市州人民政府）\n"
    )
    x = extract_text(plan, "plan.txt")
    assert x.metadata.jurisdiction == "430000"
    units = [x.entities[u.agency] for u in x.notes[0].units]
    assert [u.id for u in units[:3]] == ["430000/drc", "430000/party-cac", "430000/env-protection"]
    assert units[3].collective and not units[3].resolved
    assert x.issuer == "430000/gov-office" and x.entities[x.issuer].parent == "430000/gov"
    assert "430000/ecoenv" in x.entities and "430000/gov" in x.entities  # what they link to
    assert {"430000", COUNTRY} <= set(x.entities) and x.entities["430000"].kind == "place"


def test_entities_of_ids_the_gazetteer_lacks() -> None:
    unknown = agency_entity(GAZ, "430000/x-0123456789", "省某某办", resolved=False)
    assert (unknown.name, unknown.jurisdiction, unknown.resolved) == ("省某某办", "430000", False)
    assert place_entity(GAZ, "999999") is None


def test_agencies_named_in_the_text_resolve_in_any_place(nlp) -> None:
    """A body named in a task's text with a level word, not a place (区发改局), is an agency of
    the document's place: here a district no hand gazetteer covers, whose level no hand name has."""
    text = "（一）建设数据平台。由区发改局组织评估，区卫健局、区人社局做好保障。（责任单位：区数据局）\n"
    extraction = extract_text(text, jurisdiction="610102", nlp=nlp)
    named = {(m.name, m.ref) for m in extraction.mentions if m.kind == "agency"}
    # pkuseg writes 由区|发改局, so the first body starts inside a word and is not found (a known limit)
    assert {("新城区卫生健康局", "610102/health"), ("新城区人力资源和社会保障局", "610102/hrss")} <= named, named


def test_an_autonomous_prefecture_s_level_reaches_its_bodies_from_its_counties() -> None:
    """州 is a prefecture's level as 市 is: 州发改委 in a plan of the prefecture or of one of its
    counties is the prefecture's commission."""
    prefecture = next(code for code, place in GAZ.places.items() if place.name.endswith("自治州"))
    county = next(code for code, place in GAZ.places.items() if place.parent == prefecture)
    commission = GAZ.resolve("州发展改革委", prefecture).agency
    assert commission is not None and commission.startswith(prefecture)
    assert GAZ.resolve("州发改委", county).agency == commission


def test_a_prefecture_that_is_no_city_is_a_level_too() -> None:
    """地区 (a prefecture that is no city) and its party committee 地委 are a prefecture's level."""
    prefecture = next(code for code, place in GAZ.places.items() if place.name.endswith("地区"))
    county = next(code for code, place in GAZ.places.items() if place.parent == prefecture)
    bureau = GAZ.resolve("地区教育局", prefecture).agency
    assert bureau is not None and bureau.startswith(prefecture)
    assert GAZ.resolve("地区教育局", county).agency == bureau
    assert (GAZ.resolve("地委组织部", prefecture).agency or "").startswith(prefecture)


def test_a_department_s_field_with_a_level_resolves_to_the_department() -> None:
    """省财政, 市发改 (how lists of units call departments) resolve to the place's department, but
    are no alias: the finder of agencies in running text never reads 市财政 in 市财政资金."""
    assert GAZ.resolve("市财政", "330100").agency == "330100/finance"
    assert GAZ.resolve("省发改", "440000").agency == "440000/drc"
    assert GAZ.resolve("杭州市财政", "330100").agency == "330100/finance"
    aliases = {alias for agency in GAZ.agencies_in("330100") for alias in agency.aliases}
    assert "市财政" not in aliases and "市发改" not in aliases


def test_bodies_of_a_place_no_text_names_are_never_merged_across_documents() -> None:
    """Two plans that never name their city: each 市财政局 is its own plan's, not one agency;
    the same text read again gives the same ids; a national body is the nation's in both."""
    first = extract_text("一、稳增长\n1.落实减税降费。（责任单位：市财政局、市税务局，国家发展改革委）\n")
    second = extract_text("一、保民生\n1.发放就业补贴。（责任单位：市财政局、市人社局，国家发展改革委）\n")
    again = extract_text("一、稳增长\n1.落实减税降费。（责任单位：市财政局、市税务局，国家发展改革委）\n")
    assert first.metadata.jurisdiction == second.metadata.jurisdiction == COUNTRY
    ids = [[u.agency for u in x.notes[0].units] for x in (first, second, again)]
    assert ids[0][0] != ids[1][0]  # 市财政局 of two unnamed cities
    assert ids[0] == ids[2]
    assert ids[0][2] == ids[1][2] == "CN/ndrc"
    unplaced = first.entities[ids[0][0]]
    assert unplaced.jurisdiction is None and not unplaced.resolved  # of no place anyone can tell, not national


def test_a_body_written_without_its_level_is_the_jurisdictions_own() -> None:
    """住建局 in a county's plan is the county's 住房和城乡建设局, one agency with 县住建局."""
    text = (
        "吉水县人民政府关于印发重点工作的通知\n1.推进城乡供水一体化。（责任单位：住建局、县水利局）\n"
        "2.改造老旧小区。（责任单位：县住建局）\n"
    )
    extraction = extract_text(text)
    first, second = extraction.notes[0].units[0], extraction.notes[1].units[0]
    assert extraction.metadata.jurisdiction == "360822"
    assert first.resolved and first.agency == second.agency == "360822/housing"
    assert resolve_name("住建局", COUNTRY).jurisdiction == COUNTRY  # no place: nobody's
