"""The note grammar (``ontology/lexicon.json`` read by :mod:`extract.lexicon`): notes generated
from its categories are read back with their units and leads, and the forms plans write that
the first parser never met are read by it. The sentences here are made up for these tests; none
was used to write the grammar's words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import extract_text
from extract.gazetteer import load_gazetteer

GAZ = load_gazetteer()
LEXICON = GAZ.lexicon

# National bodies written as they are, none with a level prefix: names with 和 (工业和信息化部)
# and 会 (委员会) among them, so the grammar's joiners and conjunctions meet them inside names.
NATIONAL_NAMES = sorted(
    {
        agency.name
        for agency in GAZ.agencies.values()
        if agency.jurisdiction == "100000"
        and 3 <= len(agency.name) <= 14
        and not any(char in agency.name for char in "、，；（）()")
        and not LEXICON.role_phrase_pattern.search(agency.name)
        and agency.name.endswith(LEXICON.organisation_suffixes)
    }
)
UNIT_LABELS = sorted(LEXICON.labels)
ROLE_WORDS = sorted(LEXICON.role_words)


def marked(text: str, jurisdiction: str = "100000") -> list[list[str]]:
    """The units of each note of *text* as names, a leading ``*`` marking a lead."""
    extraction = extract_text(text, jurisdiction=jurisdiction)
    return [[("*" if u.lead else "") + u.name for u in n.units] for n in extraction.notes]


def read(note: str, jurisdiction: str = "100000") -> list[list[str]]:
    """Each unit of *note*, written after an item, as :func:`marked` gives it."""
    return marked(f"（一）推进数据共享。{note}\n", jurisdiction)


def _distinct(parts: list, names_of: Callable[[Any], list[str]]) -> list:
    """The parts whose unit names no earlier part has: a unit named twice is one unit."""
    seen: set[str] = set()
    kept = []
    for part in parts:
        if not seen & set(names_of(part)):
            kept.append(part)
            seen.update(names_of(part))
    return kept


units = st.lists(st.sampled_from(NATIONAL_NAMES), min_size=1, max_size=4, unique=True)


@settings(max_examples=60, deadline=None)
@given(
    groups=st.lists(
        st.tuples(units, st.lists(st.sampled_from(LEXICON.role_adverbs), max_size=1), st.sampled_from(ROLE_WORDS)),
        min_size=1,
        max_size=3,
    ),
    separator=st.sampled_from(["，", "、", "；"]),
)
def test_role_phrase_notes_read_back(groups: list, separator: str) -> None:
    groups = _distinct(groups, lambda group: group[0])
    text = separator.join("、".join(names) + "".join(adverbs) + word for names, adverbs, word in groups)
    leads = {n for names, _, word in groups if LEXICON.role_words[word] == "lead" for n in names}
    expected = [("*" if n in leads else "") + n for names, _, _ in groups for n in names]
    assert read(f"（{text}）") == [expected]


@settings(max_examples=60, deadline=None)
@given(
    clauses=st.lists(st.tuples(st.sampled_from(UNIT_LABELS), units), min_size=1, max_size=3),
    person=st.sampled_from(sorted(LEXICON.person_labels)),
    field=st.sampled_from(sorted(LEXICON.field_labels)),
    colon=st.sampled_from(["：", ":"]),
    bracketed=st.booleans(),
)
def test_labelled_notes_read_back(clauses: list, person: str, field: str, colon: str, bracketed: bool) -> None:
    clauses = _distinct(clauses, lambda clause: clause[1])
    parts = [f"{person}{colon}张明"] + [f"{label}{colon}{'、'.join(names)}" for label, names in clauses]
    parts.append(f"{field}{colon}2026年底前")
    leads = {n for label, names in clauses if LEXICON.labels[label] == "lead" for n in names}
    expected = [("*" if n in leads else "") + n for _, names in clauses for n in names]
    note = f"（{'；'.join(parts)}）" if bracketed else "\n" + "\n".join(parts)
    # 主办单位：X alone outside brackets says who hosts (the block opens at the first unit label)
    hosting = not bracketed and LEXICON.hosts_only("\n".join(parts[1:]))
    assert read(note) == ([] if hosting else [expected])


@settings(max_examples=40, deadline=None)
@given(leader=st.sampled_from(NATIONAL_NAMES), partners=units, word=st.sampled_from(["会同", "联合"]))
def test_a_conjunction_gives_the_lead_to_the_units_before_it(leader: str, partners: list, word: str) -> None:
    partners = [p for p in partners if p != leader] or ["有关部门"]
    expected = ["*" + leader] + [p for p in partners if p != "有关部门"]
    assert read(f"（{leader}{word}{'、'.join(partners)}负责）") == [expected]


@settings(max_examples=40, deadline=None)
@given(
    levels=st.lists(st.sampled_from(["市", "州", "县", "区", "盟", "旗"]), min_size=2, max_size=4, unique=True),
    body=st.sampled_from(["人民政府", "政府", "管委会"]),
)
def test_bare_places_share_the_last_unit_s_body(levels: list, body: str) -> None:
    written = "各" + "、".join(levels) + body
    assert read(f"（{written}负责）", "350000") == [[f"各{level}{body}" for level in levels]]


@pytest.mark.parametrize(
    ("note", "jurisdiction", "expected"),
    [
        # a label block of three labels, one of them a person
        (
            "（牵头单位：市商务局；责任领导：王红；责任单位：市工信局；配合单位：市统计局、市税务局）",
            "330100",
            [["*市商务局", "市工信局", "市统计局", "市税务局"]],
        ),
        # label lines separated by blank lines, as a table copied cell by cell
        ("\n牵头单位：区民政局\n\n配合单位：区财政局、各镇街\n", "330106", [["*区民政局", "区财政局", "各镇街"]]),
        # 牵头/配合 written after each unit, joined by 、
        ("（自治区发展改革委牵头、自治区财政厅配合）", "450000", [["*自治区发展改革委", "自治区财政厅"]]),
        # a note as the last sentence of its item, outside brackets
        ("各地要加快推进。市交通运输局、市公安局按职责分工负责。", "610100", [["市交通运输局", "市公安局"]]),
        # units joined by 及 and 和
        ("（省民政厅及省残联负责）", "620000", [["省民政厅", "省残联"]]),
        ("（市卫生健康委和市医保局牵头）", "370200", [["*市卫生健康委", "*市医保局"]]),
        # a bare noun after a unit takes the unit's stem
        ("（区直有关部门、单位负责）", "330106", [["区直有关部门", "区直有关单位"]]),
        # a deadline inside the note, with a space inside its label
        ("（县农业农村局；完 成时限：9 月底）", "330922", [["县农业农村局"]]),
        # a carry-forward declaration with an exception clause is no unit
        (
            "（县发改局、县财政局。除单独列出外，以下任务均需各乡镇落实，不再重复）",
            "330922",
            [["县发改局", "县财政局"]],
        ),
        # a place inside the unit's own name is not given the run's level
        ("（县文广旅体局、花园镇人民政府负责）", "330922", [["县文广旅体局", "花园镇人民政府"]]),
        # a time after the units says when, not who
        ("（各省级人民政府分别负责，2026年底前完成）", "100000", [["各省级人民政府"]]),
        # 下同 alone is no unit
        ("（市卫生健康委、市医保局按职责分工负责，下同）", "370200", [["市卫生健康委", "市医保局"]]),
        # a collective with its own level after 等, joined by 及
        (
            "（教育部、科技部等国务院有关部门及各省级人民政府负责）",
            "100000",
            [["教育部", "科技部", "国务院有关部门", "各省级人民政府"]],
        ),
        # bare cities inside a longer run share the body of the city that writes one
        (
            "（省交通运输厅牵头，省财政厅、兰州市、天水市人民政府配合）",
            "620000",
            [["*省交通运输厅", "省财政厅", "兰州市人民政府", "天水市人民政府"]],
        ),
        # townships, and places written in full with their level, share the body of the last
        ("（县水利局，勐海镇、打洛镇人民政府负责）", "532822", [["县水利局", "勐海镇人民政府", "打洛镇人民政府"]]),
        (
            "（州住建局，凯里市、雷山县、台江县人民政府负责）",
            "522600",
            [["州住建局", "凯里市人民政府", "雷山县人民政府", "台江县人民政府"]],
        ),
        # a collective of places with one of its bodies lends the places to the bodies every place has
        ("（县民政局，各乡镇党委、政府负责）", "510000", [["县民政局", "各乡镇党委", "各乡镇政府"]]),
        ("（各乡镇人民政府、村委会负责）", "510000", [["各乡镇人民政府", "村委会"]]),
        # and to the departments every place's government has, whose names may hold 和
        (
            "（各市工业和信息化局、发展改革委（局）、科技局负责）",
            "130000",
            [["各市工业和信息化局", "各市发展改革委", "各市科技局"]],
        ),
        ("（各县区人民政府、园区管委会负责）", "130000", [["各县区人民政府", "园区管委会"]]),
        # a township's bodies are each township's, no body of the run's level
        ("（市发改委、镇人民政府负责）", "441900", [["市发改委", "镇人民政府"]]),
        ("（区民政局、街道办事处负责）", "441900", [["区民政局", "街道办事处"]]),
        # an autonomous region's party committee is the level of a run it opens
        ("（自治区党委统战部、宣传部负责）", "150000", [["自治区党委统战部", "自治区党委宣传部"]]),
        # departments' fields written bare share the noun for departments that ends the run
        ("（县发改、财政、农业农村部门配合）", "510000", [["县发改部门", "县财政部门", "县农业农村部门"]]),
        ("（县发改、财政局负责）", "510000", [["县发改", "县财政局"]]),  # a body's word is its own
        # and so do fields of any kind before it, written with no level after a lead's clause
        ("（市商务局牵头，外贸、口岸、港航部门配合）", "320500", [["*市商务局", "外贸部门", "口岸部门", "港航部门"]]),
        # a branch named by its place says whose it is: the run's level does not reach it
        ("（市交通运输局、公安江宁分局负责）", "320100", [["市交通运输局", "公安江宁分局"]]),
        # but not before a body named by what it manages, a kind
        ("（人才、职称评审管理部门负责）", "100000", []),
        # townships share only the bodies every place has, no bureau of the county after them
        ("（各乡镇、县农业农村局负责）", "510000", [["各乡镇", "县农业农村局"]]),
        ("（各市、县水利局负责）", "510000", [["各市水利局", "各县水利局"]]),
        # a level word's body is no named place's
        ("（凯里市、县水利局负责）", "522600", [["凯里市", "县水利局"]]),
        # idioms of each one's duty are roles (各负其责, 各司其职)
        ("（市数据局负总责，各部门各负其责）", "330100", [["市数据局", "各部门"]]),
        ("（市数据局牵头，各区县政府各司其职）", "330100", [["*市数据局", "各区县政府"]]),
        # places written without their level share the body of the last, written so too
        (
            "（省商务厅牵头，佛山、江门、肇庆海关按职责分工负责）",
            "440000",
            [["*省商务厅", "佛山海关", "江门海关", "肇庆海关"]],
        ),
        # a body named after a place, after collectives, is its own
        (
            "（各省、自治区、直辖市、新疆生产建设兵团负责）",
            "100000",
            [["各省", "各自治区", "各直辖市", "新疆生产建设兵团"]],
        ),
        # the lead declared for the first unit, with 或 between its nouns
        (
            "（民政部、财政部负责。列第一位者为牵头部门或单位，其他部门按职责分工负责，下同）",
            "100000",
            [["*民政部", "财政部"]],
        ),
        # a collective marker before a stretch of bare places after another unit is shared by each of them
        ("（省发改委、相关市、县政府负责）", "230000", [["省发改委", "相关市政府", "相关县政府"]]),
        ("（省交通运输厅、各市、州人民政府负责）", "620000", [["省交通运输厅", "各市人民政府", "各州人民政府"]]),
        # a clause of units listed already gives them their role; the others keep theirs
        ("（县商务局、县财政局，县商务局牵头）", "330922", [["县财政局", "*县商务局"]]),
        # a clause opened by 会同 after a role names those who support
        ("（由市民政局牵头，会同市财政局推进）", "370200", [["*市民政局", "市财政局"]]),
        # a role word alone as a label, and labels whose modifier ranks the units (第一, 主要, 其他)
        ("（牵头：省统计局；配合：省财政厅）", "620000", [["*省统计局", "省财政厅"]]),
        ("（第一责任单位：市民政局；其他责任单位：市财政局）", "370200", [["*市民政局", "市财政局"]]),
        ("（主要责任单位：区民政局；配合单位：区财政局）", "330106", [["*区民政局", "区财政局"]]),
        # 总牵头, 领衔: who leads
        ("（省统计局总牵头，省财政厅配合）", "620000", [["*省统计局", "省财政厅"]]),
        # a note as the last sentence but one, a sentence that says when after it
        ("区民政局牵头，区财政局配合。2027年底前完成。", "330106", [["*区民政局", "区财政局"]]),
        # a run of bodies listed on over a comma before the subject of the role
        (
            "各市（含定州、辛集）科技局、商务局，雄安新区改革发展局负责组织申报。",
            "130000",
            [["各市科技局", "各市商务局", "雄安新区改革发展局"]],
        ),
        ("市发改委是主管部门，市信息中心负责日常管理。", "130100", [["市信息中心"]]),
        # a sentence after its item that says by a copula and a label who answers for it
        ("市民政局、市统计局为责任单位。", "370200", [["市民政局", "市统计局"]]),
        ("市民政局为牵头单位，市统计局为配合单位。", "370200", [["*市民政局", "市统计局"]]),
        # a modal verb between a unit and 会同 leaves the unit the lead
        ("市民政局要会同市财政局抓好落实。", "370200", [["*市民政局", "市财政局"]]),
        # a manner adverbial before the role word (积极配合, 加强配合, 密切配合)
        ("（市规划局负责，市住建局、市发改局积极配合）", "130500", [["市规划局", "市住建局", "市发改局"]]),
        ("（省商务厅牵头，省财政厅密切配合）", "620000", [["*省商务厅", "省财政厅"]]),
        # the first-listed lead declared by a rank without a verb, with a measure or a label after
        # it, and what the others are after it
        ("（市民政局、市财政局。责任单位中第一个为牵头单位）", "370200", [["*市民政局", "市财政局"]]),
        ("（市民政局、市财政局负责，第一责任单位为牵头单位）", "370200", [["*市民政局", "市财政局"]]),
        ("（市民政局、市财政局。排名第一的单位为牵头单位，其余为配合单位）", "370200", [["*市民政局", "市财政局"]]),
        # a supporting role word between two runs of units: the first supports the second
        ("（市统计局协助市民政局落实）", "370200", [["市统计局", "市民政局"]]),
        ("（市财政局、市统计局配合市民政局负责）", "370200", [["市财政局", "市统计局", "市民政局"]]),
        # 参加 names those who take part
        ("（市发改委牵头，市统计局、市财政局参加）", "370800", [["*市发改委", "市统计局", "市财政局"]]),
        # a carried-forward declaration whose object has a modifier (以下政策措施) is no unit
        (
            "（市工信局、市财政局。以下政策措施均需各区人民政府落实，不再单独列出）",
            "320800",
            [["市工信局", "市财政局"]],
        ),
        # a role word before a unit head is a label (the unit that supervises, pushes, supports)
        (
            "（督办单位：区政府督查室；推进部门：区数据局；支持单位：区财政局）",
            "330106",
            [["区政府督查室", "区数据局", "区财政局"]],
        ),
        ("（统筹单位：市发展改革委；指导单位：市统计局）", "370200", [["市发展改革委", "市统计局"]]),
        # a label opening with a qualifier the grammar does not know; 协作 as a role word
        ("（主要责任单位：市发改委；次要责任单位：市商务局）", "370200", [["*市发改委", "市商务局"]]),
        ("（牵头单位：市发改委；协作单位：市商务局、市财政局）", "370200", [["*市发改委", "市商务局", "市财政局"]]),
        # labels parted by an ideographic space, as a table's cell is copied
        ("（牵头单位：县教育局\u3000配合单位：县财政局、县人社局）", "330500", [["*县教育局", "县财政局", "县人社局"]]),
        ("（责任单位：县教育局\u3000完成时限：2026年6月）", "330500", [["县教育局"]]),
        # groups parted by a blank after the role word
        ("（县教育局牵头 县财政局配合）", "330500", [["*县教育局", "县财政局"]]),
        # a note set off by a dash
        ("——区卫健委牵头", "330106", [["*区卫健委"]]),
        # a level word of more than one character shares the body
        ("（各县级市、区人民政府负责）", "320500", [["各县级市人民政府", "各区人民政府"]]),
        # bare places: each of a stretch after 各 is collective; a body named after a place's short
        # name is its own, never shared; a bare place joined by 和 before a unit is a unit too
        (
            "（各省、自治区、直辖市和新疆生产建设兵团负责）",
            "100000",
            [["各省", "各自治区", "各直辖市", "新疆生产建设兵团"]],
        ),
        ("（福建省、新疆生产建设兵团负责）", "100000", [["福建省", "新疆生产建设兵团"]]),
        ("（各市、县负责）", "350000", [["各市", "各县"]]),
        ("（县、乡镇人民政府负责）", "330500", [["县人民政府", "乡镇人民政府"]]),
        ("（省和市政府负责）", "350000", [["省政府", "市政府"]]),
        # the lead named with a work noun, another noun beside it
        ("（县经信局、县财政局负责，列第一位者为工作牵头单位或汇总单位，下同）", "330500", [["*县经信局", "县财政局"]]),
        # a qualifier after 等 with brackets, then more units after a joiner
        (
            "（县发改局、县商务局等部门（单位）和各乡镇人民政府按职责分工负责）",
            "330500",
            [["县发改局", "县商务局", "各乡镇人民政府"]],
        ),
        # a common noun for enterprises is a kind, the run's level does not reach it; a name is one body
        ("（牵头单位：省通信管理局；责任单位：省经信厅、运营商）", "420000", [["*省通信管理局", "省经信厅", "运营商"]]),
        ("（市发改委、城投集团负责）", "420100", [["市发改委", "市城投集团"]]),
    ],
)
def test_forms_the_first_parser_never_met(note: str, jurisdiction: str, expected: list) -> None:
    assert read(note, jurisdiction) == expected


@pytest.mark.parametrize(
    "note",
    [
        "各级各部门要按职责分工抓好落实。",  # an exhortation, not a note
        "各部门要会同市财政局抓好落实。",
        "（人力资源社会保障部负责）",  # 会 inside 社会 joins nothing
        "多个部门的检查，可以由县人民政府指定一个部门牵头组织实施。",  # whichever body it designates
        "（二）各乡镇要落实属地责任，明确乡镇负责安全生产管理的机构和人员。",  # the bodies to be named
    ],
)
def test_sentences_that_are_not_split_or_taken_for_notes(note: str) -> None:
    found = read(note)
    assert all(len(units) == 1 for units in found) and found in ([], [["人力资源社会保障部"]])


def test_a_cell_of_the_unit_column_that_holds_a_task_is_no_note() -> None:
    header = ["序号", "工作任务", "责任单位"]
    cells = [*header, "1", "建设数据中心。", "市数据局", "2", "推动", "引进研发机构10家、培育企业"]
    extraction = extract_text("\n|\n".join(cells) + "\n", jurisdiction="500000")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["市数据局"]]


def test_a_table_with_merged_cells_still_gives_each_row_its_units() -> None:
    """Merged cells leave rows short of a cell: with one unit column, every cell that holds units
    alone is that column's; a leading mark (★) is no part of a unit."""
    header = ["序号", "工作目标", "分管领导", "责任单位"]
    rows = ["1", "1.粮食产量稳定。", "李 明", "★县农业农村局、统计局", "2.农民收入增长6%。", "★县人社局", "|"]
    extraction = extract_text("\n|\n".join([*header, *rows]) + "\n", jurisdiction="330922")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["县农业农村局", "县统计局"], ["县人社局"]]


def test_a_table_copied_one_cell_to_a_line_gives_the_unit_column_its_role() -> None:
    header = ["序号", "工作任务", "牵头单位"]
    cells = [*header, "1", "建设城市运行管理平台。", "市城管局", "2", "推广电子证照。", "市数据局"]
    table = "\n|\n".join(cells) + "\n"
    assert marked(table, "320100") == [["*市城管局"], ["*市数据局"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进改革。（责任股室：登记注册股；配合股室：信用监管股）", [["登记注册股", "信用监管股"]]),
        (
            "推进改革。（责任主体：各乡镇人民政府；监管部门：县住建局、县自然资源局）",
            [["各乡镇人民政府", "县住建局", "县自然资源局"]],
        ),
        (
            "三、加大金融支持\n推进改革。\n牵头：市委金融办\n参与：市财政局、市税务局",
            [["*市委金融办", "市财政局", "市税务局"]],
        ),
    ],
)
def test_labels_of_sections_supervisors_and_bare_roles(text: str, expected: list[list[str]]) -> None:
    """股室 (a county bureau's sections) heads a unit label as 科室 does; 监管部门 (the supervising
    department) is answerable; 参与： alone labels supporting units as 配合： does."""
    assert marked(text, "360700") == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("（责任单位：四川大学、电子科技大学、西南交通大学）", ["四川大学", "电子科技大学", "西南交通大学"]),
        ("（责任单位：成都市教育局、人社局）", ["成都市教育局", "成都市人社局"]),  # a place with its level
    ],
)
def test_a_place_s_short_name_opening_a_proper_name_is_no_level_of_the_run(note: str, expected: list[str]) -> None:
    assert marked("推进就业。" + note, "510000") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "4.开展招商。\n牵头部门：投资促进局 / 配合部门：经济发展局、财政金融局",
            [["*投资促进局", "经济发展局", "财政金融局"]],
        ),
        ("3.建立培育库。(2024年9月底前完成;责任单位:区市场监管局、区税务局)", [["区市场监管局", "区税务局"]]),
        ("（一）县投资促进中心要进一步牵头做好项目跟踪服务。", [["*县投资促进中心"]]),
        (
            "（二）区城管局要主动会同区住建局、各街道办事处，于6月底前完成方案编制。",
            [["*区城管局", "区住建局", "各街道办事处"]],
        ),
        ("（三）各部门要主动会同有关单位抓好落实。", []),  # an exhortation to bodies in general
    ],
)
def test_fields_slashes_modals_and_adverbs_around_units(text: str, expected: list[list[str]]) -> None:
    """A slash parts label fields; a clause that only says when may open a note; a modal verb
    and adverbs of manner (要主动, 要进一步) may stand between a unit and its role or 会同."""
    assert marked(text, "360700") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "10.建设平台。\n牵头单位    市数据局\n责任单位    市城管委、各区人民政府",
            [["*市数据局", "市城管委", "各区人民政府"]],
        ),
        ("（十）完成管网改造。（责任单位和完成时限：市城管局、市水务局，2024年12月底前）", [["市城管局", "市水务局"]]),
        (
            "（七）推进节能。（市机关事务局牵头，中央在渝单位、各在汉高校按职责分工负责）",
            [["*市机关事务局", "中央在渝单位", "各在汉高校"]],
        ),
        (
            "6.引进人才。此项工作由市委组织部抓总，市人社局具体承办，市财政局协助配合。",
            [["*市委组织部", "市人社局", "市财政局"]],
        ),
        (  # labels of two levels' units
            "序号\t工作任务\t市级牵头单位\t县级牵头单位\t配合单位\n1\t推进集成改革\t市行政审批局\t各县（市、区）政府\t市直有关部门",
            [["*市行政审批局", "*各县（市、区）政府", "市直有关部门"]],
        ),
    ],
)
def test_forms_copied_labels_joined_to_fields_located_bodies_and_overall_charge(
    text: str, expected: list[list[str]]
) -> None:
    """A label with blank space for its colon (a form's fields copied); a label joined to a field
    whose value closes the note; bodies located in a place (中央在渝单位); 抓总 (overall charge) leads;
    a label may say the level of government whose units it names (市级牵头单位)."""
    assert marked(text, "500000") == expected


@pytest.mark.parametrize("parting", ["\t", "|", "\n"])
def test_a_ditto_cell_holds_the_units_of_the_cell_above(parting: str) -> None:
    """同上 (ditto) in a unit column gives the row the units of the same column in the row above,
    tabs, bars or one cell to a line."""
    rows = [["序号", "工作任务", "牵头单位", "配合单位"], ["1", "建设平台。", "区数据局", "区财政局"]]
    rows += [["2", "推广应用。", "同上", "区发改委"], ["3", "完善制度。", "区司法局", "同上"]]
    table = "\n".join(parting.join(row) for row in rows) + "\n"
    assert marked(table, "500103") == [
        ["*区数据局", "区财政局"],
        ["*区数据局", "区发改委"],
        ["*区司法局", "区发改委"],
    ]


def test_a_spreadsheet_cell_of_several_lines_in_quotes_is_one_cell() -> None:
    """A spreadsheet copied as text quotes a cell that holds line breaks: its lines are its units."""
    table = '序号\t工作任务\t牵头单位\t责任单位\n2\t推行企业开办\t区市场监管局\t"区政务服务中心\n区税务局\n区医保局"\n'
    assert marked(table, "330100") == [["*区市场监管局", "区政务服务中心", "区税务局", "区医保局"]]


def test_a_unit_cell_wrapped_over_two_lines_is_one_cell() -> None:
    """A narrow unit column breaks a name over lines (市规划自然资源 / 局、市发展改革委): the line
    that opens with an organisation's word goes on with the cell before it; a task that opens
    with a verb (部署…) does not."""
    cells = ["序号", "工作任务", "责任单位", "完成时限", "1", "推进城市更新试点", "市住建委、市规划自然资源"]
    cells += ["局、市发展改革委", "2024年底", "2", "部署开展专项整治", "区城管局", "2024年底"]
    assert marked("\n".join(cells) + "\n", "500000") == [["市住建委", "市规划自然资源局", "市发展改革委"], ["区城管局"]]


@pytest.mark.parametrize("separator", ["\u3000", "  ", "\t"])
def test_a_header_on_one_line_above_cells_one_to_a_line(separator: str) -> None:
    """A header written on one line, its names parted by blanks, above a table's cells one to a
    line (序号　工作内容　牵头单位　责任单位 / 5 / … / 县水利局 / 各乡镇人民政府): each name is a cell."""
    header = separator.join(["序号", "工作内容", "牵头单位", "责任单位"])
    cells = [header, "5", "完善农村供水工程运行管护机制", "县水利局", "各乡镇人民政府"]
    assert marked("\n\n".join(cells) + "\n", "510000") == [["*县水利局", "各乡镇人民政府"]]


@pytest.mark.parametrize("before", [["任务清单"], ["附件", "重点任务台账"], ["类别"]])
def test_a_cell_table_s_header_opens_at_its_row_number_column(before: list[str]) -> None:
    """A title or a column merged over the rows (类别) may stand right before 序号, one cell to a
    line too: the rows start at their numbers, so the header starts at 序号, and a cell in its
    column's place may name its units short (数据局)."""
    cells = [*before, "序号", "重点任务", "责任单位", "1", "推进政务数据共享。", "数据局"]
    cells += ["2", "建设智慧停车系统。", "交通局,各区政府"]
    assert marked("\n\n".join(cells) + "\n", "320100") == [["数据局"], ["交通局", "各区政府"]]


def test_a_row_without_a_number_under_a_heading_is_a_note() -> None:
    """In a table copied one cell to a line, the row after a heading may have no number (its task
    cell is the heading): a cell after it that says whose it is is that row's note."""
    cells = ["重点工作", "工作措施", "责任单位", "备注", "一、加大支持力度", "（一）加强财税支持"]
    cells += ["市税务局、各县政府", "2020年12月", "2.落实设备补贴。", "市财政局"]
    extraction = extract_text("\n".join(cells) + "\n", jurisdiction="421200")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["市税务局", "各县政府"], ["市财政局"]]


def test_labels_above_their_units_one_cell_to_a_line() -> None:
    """A table copied key above value: a unit label alone on its line names the units on the
    next line; a header's column names, one to a line, are no note."""
    cells = [
        "具体任务",
        "建成县级数据平台。",
        "责任单位",
        "",
        "数据局、财政局",
        "配合单位",
        "各乡镇",
        "完成时限",
        "12月底",
    ]
    extraction = extract_text("\n".join(cells) + "\n", jurisdiction="640324")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["数据局", "财政局", "各乡镇"]]
    header = ["序号", "工作任务", "责任单位", "完成时限", "1", "建成县级数据平台。", "县数据局", "12月底"]
    assert "工作任务" not in extract_text("\n".join(header) + "\n", jurisdiction="640324").notes[0].raw


def test_labels_after_commas_in_running_text() -> None:
    """Unit labels inside a sentence, each after a comma: each note runs over the clauses that
    name units alone, and stops at the next label or at a clause that is a task."""
    text = (
        "（一）开展就业服务专项行动，落实十五条举措，责任科室（单位）：就业科、人才中心分别牵头，"
        "责任科室（单位）：法规科牵头，（二）开展宣传行动，责任单位：办公室牵头，局办公室将举措纳入考核。"
    )
    extraction = extract_text(text, jurisdiction="350300")
    assert [[("*" if u.lead else "") + u.name for u in n.units] for n in extraction.notes] == [
        ["*就业科", "*人才中心"],
        ["*法规科"],
        ["*办公室"],
    ]


def test_a_table_of_duties_one_cell_to_a_line() -> None:
    """A unit's cell above its duty's (负责…, 牵头负责…), a blank line between: each unit is a note
    with its duty's role; a line wrapped after a unit's name inside a note is no note of its own."""
    text = "相关部门 职责分工\n\n水利局\n\n  负责取水许可审批。\n\n交通局\n\n牵头负责道路验收。\n"
    extraction = extract_text(text, jurisdiction="430623")
    assert [[("*" if u.lead else "") + u.name for u in n.units] for n in extraction.notes] == [["水利局"], ["*交通局"]]
    wrapped = "（一）加快建设取水许可审批系统。（县水利局、县交通局\n负责）\n"
    assert [[u.name for u in n.units] for n in extract_text(wrapped, jurisdiction="430623").notes] == [
        ["县水利局", "县交通局"]
    ]


@pytest.mark.parametrize("marker", ["1﹒", "1．", "1)", "①"])
def test_item_markers_in_other_punctuation_name_the_item(marker: str) -> None:
    extraction = extract_text(f"{marker}建设数据平台。（市数据局负责）", jurisdiction="320100")
    assert [note.item for note in extraction.notes] == [marker]


def test_a_table_copied_with_tabs_gives_each_row_its_item() -> None:
    """A table copied out of a word processor parts its cells by tabs: a row's number is the item
    of its note, as it is where bars part the cells."""
    text = "序号\t重点任务\t责任单位\n1\t推进园区扩容。\t县发改局、县财政局\n2\t发展文旅产业。\t县文旅局\n"
    extraction = extract_text(text, jurisdiction="130100")
    assert [(n.item, [u.name for u in n.units]) for n in extraction.notes] == [
        ("1", ["县发改局", "县财政局"]),
        ("2", ["县文旅局"]),
    ]


def test_a_row_of_lead_and_support_columns_is_one_note() -> None:
    """Each row's unit cells are one note, each cell with its column's role, whatever else the
    row holds (a person's cell); without a row-number column, rows start at numbered tasks."""
    header = ["序号", "重点任务", "牵头单位", "配合单位", "责任领导"]
    rows = [
        "1",
        "推进园区扩容。",
        "县发改局",
        "县自然资源局、县财政局",
        "2",
        "发展文旅产业。",
        "县文旅局",
        "县商务局",
        "王 强",
    ]
    numbered = ["重点任务", "牵头单位", "协同单位", "1.推进园区扩容。", "发改局", "县自然资源局", "县财政局"]
    for cells in ([*header, *rows], numbered):
        notes = marked("\n\n".join(cells) + "\n", "130100")
        assert notes[0][0] in ("*县发改局", "*发改局") and notes[0][1:] == ["县自然资源局", "县财政局"]
    assert notes == [["*发改局", "县自然资源局", "县财政局"]]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("推进数据共享。[市数据局、市财政局负责]", ["市数据局", "市财政局"]),
        ("推进数据共享。\n实施主体：市数据局", ["市数据局"]),
    ],
)
def test_square_brackets_and_implementing_bodies_hold_notes(note: str, expected: list[str]) -> None:
    extraction = extract_text(note, jurisdiction="130100")
    assert [[u.name for u in n.units] for n in extraction.notes] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1、建设物流园区\n由王明副市长负责，市商务局牵头，市交通局配合，加快项目前期工作。",
            ["*市商务局", "市交通局"],
        ),
        ("（三）市审计局牵头的工作\n1.加强审计监督。", ["*市审计局"]),
        ("电子证照可用事项由行政审批科负责梳理，办事指南由政务公开科负责更新。", ["行政审批科"]),
        ("按照要求，由市数据局牵头，会同市财政局、市发改委，研究制定管理办法。", ["*市数据局", "市财政局", "市发改委"]),
        ("第五条 平台运维由区数据局负责，相关部门支撑，各业务科室配合。", ["区数据局", "相关部门", "各业务科室"]),
        ("对反映强烈的问题，责成市交通局会同市公安局开展联合整治。", ["*市交通局", "市公安局"]),  # charged, as 由
    ],
)
def test_role_clauses_in_running_text_are_notes(text: str, expected: list[str]) -> None:
    """由 starts a run of role clauses (a person's title names no unit, partners follow 会同);
    a heading can name its lead; a clause can say who does a task after it."""
    assert marked(text, "410100")[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "建立由市发改委牵头的联席会议制度。",
        "各县区政府要建立由分管领导负责的工作机制。",
        "推动自由贸易试验区管委会负责审批改革。",  # 自由 is no 由
        "完善以市商务局牵头的协调机制。",
        "坚持以市场为主导，市商务局负责指导。",  # 以 makes no agent of a clause's lead
    ],
)
def test_a_body_named_by_who_leads_it_is_no_note(text: str) -> None:
    notes = extract_text(text, jurisdiction="410100").notes
    assert [u.name for note in notes for u in note.units] == (["市商务局"] if "负责指导" in text else [])


@pytest.mark.parametrize(
    "text",
    [
        "建立由市发改委牵头，市财政局、市统计局参加的联席会议制度，研究重大事项。",
        "完善以市发改委牵头，市财政局、市统计局等部门参与的工作机制。",
    ],
)
def test_a_mechanism_its_lead_and_partners_form_names_who_answers(text: str) -> None:
    """由X牵头，Y参与的机制: the lead and the partners taking part answer for the item, where
    由X牵头的机制 only names a body."""
    assert marked(text, "410100")[0] == ["*市发改委", "市财政局", "市统计局"]


def test_a_table_s_row_number_on_its_own_line_is_an_item_marker() -> None:
    from extract.outline import find_headings

    table = "序号 |\n工作任务 |\n1 |\n完善统一身份认证平台 |\n2\n推广电子证照\n"
    assert [(h.marker, h.title) for h in find_headings(table)] == [("1", "完善统一身份认证平台"), ("2", "推广电子证照")]


def test_a_collective_in_a_group_of_its_own_is_a_unit() -> None:
    extraction = extract_text("推进园区建设。（市商务局牵头，有关部门配合）", jurisdiction="620100")
    assert [u.name for u in extraction.notes[0].units] == ["市商务局", "有关部门"]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("（责任单位：市商务局、有关部门、各县区）", ["市商务局", "有关部门", "各县区"]),
        ("（责任单位：市商务局，有关部门，各县区）", ["市商务局", "有关部门", "各县区"]),
        ("（责任单位：市商务局等有关部门，各县区）", ["市商务局", "各县区"]),  # after 等: a qualifier
        ("（责任单位：市质量检测中心、市计量研究院等机构）", ["市质量检测中心", "市计量研究院"]),  # 机构 as 部门
        ("（责任单位：市科技局等相关机构，各县区）", ["市科技局", "各县区"]),
    ],
)
def test_a_collective_listed_among_units_is_one(note: str, expected: list[str]) -> None:
    """相关部门 listed as a unit of its own, after 、 or a comma, is one (bodies in general,
    answerable as a group); after 等 it qualifies the units before it."""
    extraction = extract_text("推进园区建设。" + note, jurisdiction="620100")
    assert [u.name for u in extraction.notes[0].units] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）加大投入。安排专项资金支持园区建设。（市科技局、市财政局）\n（二）", [["市科技局", "市财政局"]]),
        ("推进公开。（法规司牵头，信息中心配合）", [["*法规司", "信息中心"]]),
        ("推进公开。（清单发布由办公厅牵头，各有关司配合）", [["*办公厅", "各有关司"]]),
        (
            "序号 | 任务 | 牵头单位 | 责任单位 |\n(1) | 扩大投资。 | 市发改委 市财政局 | 各县区政府、 开发区管委会 |\n",
            [["*市发改委", "*市财政局", "各县区政府", "开发区管委会"]],
        ),
        (
            "序号 任务 责任单位 进展\n1 粮食增产。 县农业农村局\n县林业局\n县供销社\n粮食产量增长2%。\n",
            [["县农业农村局", "县林业局", "县供销社"]],
        ),
    ],
)
def test_tables_and_brackets_of_units_alone(text: str, expected: list[list[str]]) -> None:
    """A bracket of units alone closing an item is a note; a department of a ministry (司) is a
    unit; what stands before 由 in a note is its task; a flattened row's unit columns are one
    note, two units in a cell parted by a space are two, and a unit cell goes on over the lines
    below it that hold a unit alone."""
    assert marked(text, "340200") == expected


def test_a_table_with_spaced_headers_merged_cells_and_bracketed_row_numbers() -> None:
    """Headers spaced out to fill their cells (责 任 单 位); rows numbered (1); a row short of a
    merged cell still gives its unit cells the unit columns' roles in order; a zone (经开区) is
    a unit; spaces copied inside a cell are no part of a unit."""
    cells = ["序号", "目标", "分管领导", "牵 头 单 位", "配 合 单 位", "1", "发展目标"]
    rows = [
        "（1）生产总值增长5%。",
        "张 明",
        "区发改局",
        "经开区",
        "区统计局",
        "（2）财政收入稳定。",
        "区 财政局",
        "区税务局",
    ]
    notes = marked("\n".join([*cells, *rows]) + "\n", "320404")
    assert notes == [["*区发改局", "经开区", "区统计局"], ["*区财政局", "区税务局"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）保障粮食安全。（市发改委、市农委，排名第一的为牵头单位，下同）", ["*市发改委", "市农委"]),
        ("1、综合改革\n由市发改委牵头，尽快完成《综合配套改革试验区实施方案》。", ["*市发改委"]),
    ],
)
def test_declarations_and_titles(text: str, expected: list[str]) -> None:
    assert marked(text, "430200")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三、分工\n市大数据局负责统筹平台建设，市财政局负责保障经费。", [["市大数据局"], ["市财政局"]]),
        ("2.市住建委：负责老旧小区数据的归集和更新。", [["市住建委"]]),
        ("第七条 省信息中心（以下简称信息中心）负责机房的日常运维。", [["省信息中心"]]),
        ("（二）各市人民政府牵头推进本地区试点工作。", [["*各市人民政府"]]),
        ("4.市卫健委：会同有关部门制定实施细则。", [["*市卫健委"]]),  # partners after 会同, the task after them
        ("（五）市医保局会同市财政局、市税务局研究筹资办法。", [["*市医保局", "市财政局", "市税务局"]]),
        ("（六）市商务局会市财政局制定专项资金管理办法。", [["*市商务局", "市财政局"]]),  # 会, a word of its own
        ("（七）市发改委会议研究决定。", []),  # guard: 会 in 会议
        ("（八）市商务局组织企业参加广交会。", []),  # the predicate starts at 组织: 企业 is its object
        ("（九）市委组织部负责全市人才工作。", [["市委组织部"]]),  # guard: 组织 inside a body's name
        # a role word before an organisation's word of one character names an office (督查落实办)
        ("（十）县发改委要会同县督查落实办对相关工作进行督导。", [["*县发改委", "县督查落实办"]]),
        ("（十一）县发改委负责办理，县财政局配合。", [["县发改委", "县财政局"]]),  # guard: 办理 a verb
    ],
)
def test_a_sentence_whose_subject_is_a_unit_and_whose_verb_a_role_is_a_note(
    text: str, expected: list[list[str]]
) -> None:
    """X负责…, X：负责… (a division of duties by unit), X（以下简称Y）负责…, after any item marker."""
    assert marked(text, "520100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（二）各乡镇为本辖区道路养护的责任单位，县交通局负责技术指导。", [["各乡镇", "县交通局"]]),
        ("（三）各县（市、区）政府是本行政区域安全生产的责任主体。", [["各县（市、区）政府"]]),
        ("（四）市发改委为项目推进第一责任单位，市财政局配合。", [["*市发改委", "市财政局"]]),
        ("（五）由县城管局负责查处，违法建设行为发生地镇政府配合。", [["县城管局", "违法建设行为发生地镇政府"]]),
        ("（六）市属国有企业承担数字化转型主体责任，制定转型方案。", [["市属国有企业"]]),  # a duty borne
        ("（七）区应急局履行牵头职责，区住建局落实直接监管责任。", [["*区应急局", "区住建局"]]),
        ("（八）各区政府要切实落实属地管理责任。", []),  # an exhortation to bodies in general
        # after the task, in the same sentence; a labelled clause after it is the same note
        ("（九）开展专项整治，区城管局为牵头单位。", [["*区城管局"]]),
        ("（十）开展整治，区城管局为牵头单位，区公安分局、各街道为配合单位。", [["*区城管局", "区公安分局", "各街道"]]),
        ("（十一）开展专项整治，区城管局牵头，区公安分局为配合单位。", [["*区城管局", "区公安分局"]]),
        # a modal and adverbs before the duty or the role; the bodies of a whole level are exhorted
        (
            "（十二）区应急局务必切实履行牵头职责，区住建局要认真做好配合，各街道切实落实属地责任。",
            [["*区应急局", "区住建局", "各街道"]],
        ),
        ("（十三）区应急局要切实履行牵头职责，会同区住建局开展排查。", [["*区应急局", "区住建局"]]),
        ("（十四）县级人民政府必须切实承担保障本地区粮食安全的主体责任。", []),
        ("（十五）县级人民政府要负责组织实施。", []),
        # a duty whose noun names one only after a kind (牵头作用, not 桥梁纽带作用)
        ("（十六）区发展改革委要发挥牵头作用，加强统筹调度。", [["*区发展改革委"]]),
        ("（十七）市科协要发挥桥梁纽带作用。", []),
        ("（十八）区数据局要发挥主责作用，统筹推进平台建设。", [["*区数据局"]]),  # every lead role word
    ],
)
def test_a_subject_given_a_unit_s_label_by_a_copula_is_a_note(text: str, expected: list[list[str]]) -> None:
    """X为…责任单位, X是…的责任主体, X承担…主体责任: what X answers for may stand between the
    copula and the label, or the verb of bearing and the duty; a role clause of units right after
    it is the same note."""
    assert marked(text, "450100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）县财政局按照“资金跟着项目走”的原则，统筹负责补助资金的拨付。", [["县财政局"]]),
        ("（二）县财政局按照职责分工，负责资金保障。", [["县财政局"]]),
        ("（三）按照职责分工，负责资金保障。", []),  # no unit before the adverbial
    ],
)
def test_a_subject_s_manner_in_a_clause_of_its_own_before_its_role(text: str, expected: list[list[str]]) -> None:
    """X按照…的原则，负责…: the adverbial of manner may take a clause of its own between the unit
    and its role."""
    assert marked(text, "450100") == expected


@pytest.mark.parametrize(
    "text",
    [
        "（三）支持骨干企业负责关键技术攻关。",  # a task before the verb
        "各地要把数据治理工作落实到位。",  # an exhortation
        "“城市大脑”运营中心负责日常调度。",  # a quoted name
        "加快推进政务服务中心落实首问负责制。",  # a task whose object ends in a body's word
        "贵阳市人民政府主办2021年第5期",  # a gazette's masthead: a number, no task, after the verb
    ],
)
def test_a_sentence_whose_subject_is_no_unit_is_no_note(text: str) -> None:
    assert extract_text(text, jurisdiction="520100").notes == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）推进。（区审批局、全区各有关单位负责）", ["区审批局", "全区各有关单位"]),  # a whole level is its own
        # a kind of unit after 等
        ("（一）推进。（市教育局、市卫健委等公共服务行业主管部门负责）", ["市教育局", "市卫健委"]),
        ("（一）推进。（市发改委、各县<市、区>政府负责）", ["市发改委", "各县<市、区>政府"]),  # angle brackets
        (
            "（一）推进。（市数据局、市财政局负责。责任单位排在首位的为牵头单位，下同）",
            ["*市数据局", "市财政局"],
        ),
    ],
)
def test_units_with_a_whole_level_a_kind_after_deng_angle_brackets_and_a_first_place_lead(
    text: str, expected: list[str]
) -> None:
    assert marked(text, "520100")[0] == expected


@settings(max_examples=60, deadline=None)
@given(
    names=units,
    roles=st.lists(st.one_of(st.none(), st.sampled_from(ROLE_WORDS)), min_size=4, max_size=4),
    brackets=st.sampled_from(["（）", "()"]),
)
def test_a_role_in_brackets_after_a_unit_is_its_own(names: list[str], roles: list, brackets: str) -> None:
    """Under a unit label, each unit written with a role in brackets after it (X（牵头）) has that
    role; the others have the label's."""
    pairs = list(zip(names, roles, strict=False))
    written = [name + (f"{brackets[0]}{role}{brackets[1]}" if role else "") for name, role in pairs]
    leads = {name for name, role in pairs if role and LEXICON.role_words[role] == "lead"}
    assert read(f"（责任单位：{'、'.join(written)}）") == [[("*" if n in leads else "") + n for n in names]]


def _indented_cells(rows: list[list[str]]) -> str:
    """A table as web copies keep it: each row opened by a bar, each cell indented on its own
    lines and closed by an indented bar (or by a bar at the end of its last line), a blank
    indented line after each bar."""
    lines = []
    for row in rows:
        lines.append("| ")
        for cell in row:
            *first, last = cell.split("\n")
            lines += [f"         {line} " for line in first]
            if len(cell) < 3:  # a short cell closes at its own line's end (号  |)
                lines += [f"         {last}  |", "        "]
            else:
                lines += [f"         {last} ", "          |", "        "]
    return "\n".join(lines) + "\n"


def test_a_table_with_indented_cells_closed_by_bars() -> None:
    """Cells closed by a bar on the line after or at the end of their last line, blank lines
    between: each row's unit cells are its note, a task cell naming bodies (有关部门参加) is none,
    and the indented row numbers are item markers."""
    table = _indented_cells(
        [
            ["序\n号", "工作任务", "牵头单位", "责任单位", "完成时限"],
            ["1", "组建由分管领导负责、有关部门参加的工作专班。", "区数据局", "区直有关部门", "2022年6月底"],
            ["2", "梳理共享目录。", "区直有关部门", "", "2022年9月底"],
        ]
    )
    extraction = extract_text(table, jurisdiction="440106")
    assert [[("*" if u.lead else "") + u.name for u in n.units] for n in extraction.notes] == [
        ["*区数据局", "区直有关部门"],
        ["*区直有关部门"],
    ]
    assert [n.item for n in extraction.notes] == ["1", "2"]


def test_a_deadline_or_an_amount_opens_no_row() -> None:
    """In a table copied one cell to a line, a row opens at the next row number: a cell that
    starts with a date (9月底前) or a number out of turn (an amount, 500) belongs to its row."""
    header = ["序号", "项目名称", "建设地点", "投资(万元)", "责任单位", "完成时限"]
    rows = ["1", "城东学校改扩建", "相关镇", "500", "县教育局", "9月底前"]
    rows += ["2", "新建停车场", "城关镇", "120", "县住建局", "县城投公司", "12月底前"]
    extraction = extract_text("\n".join([*header, *rows]) + "\n", jurisdiction="610723")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["县教育局"], ["县住建局", "县城投公司"]]


def test_a_row_as_long_as_its_header_is_read_in_place_unless_a_body_stands_under_people() -> None:
    """A row with as many cells as its header has each under its column, so a place under 建设地点
    is no unit; but an empty cell under the leaders' column and two stacked units leave as many
    cells, one column off: a body under the people's column says so."""
    header = ["序号", "项目", "建设地点", "责任单位"]
    rows = ["1", "建设社区食堂。", "各街道", "区民政局"]
    extraction = extract_text("\n".join([*header, *rows]) + "\n", jurisdiction="320404")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["区民政局"]]
    header = ["工作目标", "责任领导", "牵头单位", "责任单位"]
    rows = ["(1)外贸进出口稳定增长。", "区商务局", "城投集团", "文旅集团"]
    extraction = extract_text("\n".join([*header, *rows]) + "\n", jurisdiction="320404")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["区商务局", "城投集团", "文旅集团"]]


def test_a_field_no_label_names_is_no_unit() -> None:
    """A bracket holding a field under a name the grammar does not know (a news item's source)
    names no unit, though its value ends in an organisation's word."""
    text = "各镇镇长参加会议。（来源：县融媒体中心）\n（编辑：县委宣传部）\n"
    assert extract_text(text, jurisdiction="469022").notes == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三明高新区、三明经开区管委会应指定信息化管理部门或其他部门负责辖区内的数据管理。", []),
        ("县应急管理局负责做好汛期值守。", [["县应急管理局"]]),  # 应 inside a word is no modal
    ],
)
def test_a_modal_verb_inside_a_subject_starts_its_predicate(text: str, expected: list[list[str]]) -> None:
    """X应指定Y负责…: X designates and Y is no named unit, so the clause is no note."""
    extraction = extract_text(text, jurisdiction="350400")
    assert [[u.name for u in n.units] for n in extraction.notes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "市数字三明建设办公室（市大数据中心）为本市政务数据管理工作的主管部门（以下简称管理机构），负责数据统筹。",
            [["市数字三明建设办公室"]],
        ),
        ("市信息中心是全市电子证照的管理单位，负责证照归集。", [["市信息中心"]]),
        ("市政府办公室为牵头单位，负责统筹协调。", [["*市政府办公室"]]),
        ("数据是重要的生产要素，负责同志要高度重视。", []),
    ],
)
def test_a_body_said_to_be_the_one_in_charge_is_answerable_for_the_next_clause(
    text: str, expected: list[list[str]]
) -> None:
    """X为…的主管部门，负责…: the clause that says what X is gives the role clause after it its
    subject (a label after the copula its role); a clause about no body gives none."""
    assert marked(text, "350400") == expected


def test_a_bracket_after_a_unit_leaves_it_a_body() -> None:
    """由X（its department）牵头，…: the bracket names the department, the note stays X's."""
    extraction = extract_text("由农业农村部（市场司）牵头，在2022年底建成农产品市场监测平台。", jurisdiction="100000")
    assert [[(u.name, u.lead) for u in n.units] for n in extraction.notes] == [[("农业农村部", True)]]


def test_an_article_s_sentences_after_its_number_are_no_table_cell() -> None:
    """第五条 X负责A。Y负责B。: an article's number and its text, parted by a space, are no table
    row; each sentence is a note of its own."""
    text = "第五条 国家药品监督管理局(以下简称药监局)负责平台的建设运维。各省级药监部门负责本辖区平台的具体实施。\n"
    extraction = extract_text(text, jurisdiction="100000")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["国家药品监督管理局"], ["各省级药监部门"]]


def test_a_short_form_of_a_body_the_text_sets_up_says_whose_it_is() -> None:
    """设立X（以下简称Y）: Y is the short form of the body set up, which says whose it is, so Y in a
    run of units later is a unit as X would be."""
    text = "第六条 设立扬州运河文化园区管理委员会（以下简称管委会）。管委会和邗江区人民政府负责园区管理。\n"
    extraction = extract_text(text, jurisdiction="321000")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["管委会", "邗江区人民政府"]]


def test_the_city_government_s_departments_say_whose_they_are() -> None:
    """市政府各部门 opens with 市政府 (the city's government), not with 市政 (municipal works), so
    in a table without row numbers its cell says whose it is and is a note."""
    cells = ["任务", "|", "责任单位", "|", "时限", "|", "公开惠企政策。", "|", "市政府各部门，各县（区）政府", "|"]
    cells += ["持续推进", "|"]
    extraction = extract_text("\n".join(cells) + "\n", jurisdiction="341100")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["市政府各部门", "各县（区）政府"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进都市圈建设。（马鞍山市、滁州市，省发展改革委牵头）", [["*马鞍山市", "*滁州市", "*省发展改革委"]]),
        ("推进都市圈建设。（省发展改革委牵头，马鞍山市、滁州市配合）", [["*省发展改革委", "马鞍山市", "滁州市"]]),
        ("推广试点经验（马鞍山、滁州）。", []),  # places alone, no role: examples, no note
        ("二、明确责任。长丰县、肥西县负责承接下放的审批权限。", [["长丰县", "肥西县"]]),  # a subject
        ("二、明确责任。在长丰县实施饮水工程。", []),  # where, not who
    ],
)
def test_a_place_written_in_full_before_a_role_stands_for_its_government(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "340000") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("二、明确责任。石门镇、清水乡负责做好项目实施和后期管护工作。", [["石门镇", "清水乡"]]),
        ("在石门镇实施道路安防工程，在清水乡实施饮水工程。", []),  # where, not who
    ],
)
def test_townships_as_the_subject_of_a_role(text: str, expected: list[list[str]]) -> None:
    """A township's name stands for its government as a subject too; a preposition before it
    makes it the place where a task is done."""
    extraction = extract_text(text, jurisdiction="510824")
    assert [[u.name for u in n.units] for n in extraction.notes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "成立市智慧农业建设工作领导小组，统筹全市智慧农业。领导小组办公室负责日常协调。领导小组负责重大事项。",
            [["领导小组办公室"], ["领导小组"]],
        ),
        ("建立由市长牵头的领导小组。领导小组负责重大事项。", []),  # named by who leads it, never in full
        ("培育本地龙头企业。龙头企业负责技术攻关。", []),  # named before, but no body was set up
    ],
)
def test_a_body_named_in_full_before_may_be_named_short(text: str, expected: list[list[str]]) -> None:
    extraction = extract_text(text, jurisdiction="360100")
    assert [[u.name for u in n.units] for n in extraction.notes] == expected


def test_a_flattened_table_whose_header_goes_over_two_lines() -> None:
    """工作任务 | 具体要求 / | 责任单位 |: the unit column's name on a line of its own continues the
    header; a cell that opens with a bar is no subject's start, and 参照落实 (follow suit) is a role."""
    table = (
        "工作任务 | 具体要求\n| 责任单位 |\n"
        "一、做好规划公开。 | 1.公开规划纲要。 | 县直有关部门;各镇(街) |\n"
        "2.做好规划归集。 | 县政府办公室、县发展和改革局牵头,县直有关部门配合;各镇(街)参照落实 |\n"
    )
    assert marked(table, "440781") == [
        ["县直有关部门", "各镇"],
        ["*县政府办公室", "*县发展和改革局", "县直有关部门", "各镇"],
    ]


def test_a_header_whose_unit_column_is_split_on_a_second_line() -> None:
    """责任单位 over 牵头单位 | 配合单位 (a merged header cell, copied with tabs): the second line,
    its first cells empty, names the columns under the first line's, so each cell of a row takes
    its own column's role."""
    table = (
        "序号\t重点任务\t责任单位\t\t完成时限\n"
        "\t\t牵头单位\t配合单位\t\n"
        "1\t完成老旧街区改造5片\t市住房城乡建设局\t市发展改革委、市财政局\t2025年10月\n"
    )
    assert marked(table, "340100") == [["*市住房城乡建设局", "市发展改革委", "市财政局"]]


def test_a_row_that_breaks_inside_a_bracket_goes_on_past_the_break() -> None:
    """A flattened row whose cell's second name breaks over a line (市委组织部（市\n公务员局）) is
    one row; a bracket never closed joins nothing (the next row is read as it is)."""
    table = (
        "序号|任务内容|牵头单位|责任单位|完成时限\n"
        "5|推进基层报表减负|市委组织部（市\n公务员局）|市委编办、市统计局|2024年底\n"
        "6|推进（试点|市统计局|市委编办|2024年底\n"
        "7|推进试点|市统计局|市委编办|2024年底\n"
    )
    assert marked(table, "500000") == [
        ["*市委组织部", "市委编办", "市统计局"],
        ["*市统计局", "市委编办"],
        ["*市统计局", "市委编办"],
    ]


def test_a_joint_conference_is_a_body() -> None:
    """联席会议 (a standing joint conference of departments) answers for work as a body does."""
    extraction = extract_text("第一条 区数据共享工作联席会议负责统筹协调全区数据共享工作。\n", jurisdiction="310114")
    assert [[u.name for u in n.units] for n in extraction.notes] == [["区数据共享工作联席会议"]]


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # units before a separator and a support phrase are answerable; those the phrase closes support
        (
            "（市民政局；市财政局、市统计局配合）",
            [("市民政局", "responsible"), ("市财政局", "support"), ("市统计局", "support")],
        ),
        ("（市民政局，市财政局协助）", [("市民政局", "responsible"), ("市财政局", "support")]),
        # a last clause that says when is the note's deadline, no unit
        ("（市民政局、市统计局，2027年6月底前完成）", [("市民政局", "responsible"), ("市统计局", "responsible")]),
    ],
)
def test_roles_of_units_a_role_phrase_does_not_close(note: str, expected: list[tuple[str, str]]) -> None:
    (found,) = extract_text(f"（一）建设平台。{note}\n（二）建设网络。", jurisdiction="370200").notes
    assert [(u.name, u.role) for u in found.units] == expected
    assert found.deadline == ("2027年6月底前完成" if "2027" in note else None)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("实施主体：各级医疗保障部门共建", [["各级医疗保障部门"]]),
        ("实施主体：自然资源部统一建设", [["自然资源部"]]),
        ("责任单位：市商务局、高新区管委会", [["市商务局", "高新区管委会"]]),  # 管委|会: one word
        ("（市体育局负责；县文化馆协调推动）", [["市体育局", "县文化馆"]]),
        ("（省商务厅统筹协调）", [["省商务厅"]]),  # 厅|协调: 协 of 协调 ends no name
        ("（县教育局、县科协协调推进）", [["县教育局", "县科协"]]),  # 科协 ends in 协
    ],
)
def test_a_predicate_written_after_a_unit_is_no_part_of_it(note: str, expected: list[list[str]]) -> None:
    """A label's unit and what it does (自然资源部|统一建设): the predicate, a verb or an adverb
    and a verb right after the body's name, is cut off."""
    assert read(note) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("（省商务厅、住房城乡建设厅、文化和旅游厅负责）", [["省商务厅", "省住房城乡建设厅", "省文化和旅游厅"]]),
        ("（市民政局、城乡规划局负责）", [["市民政局", "市城乡规划局"]]),
        ("（区民政局、长安乡人民政府负责）", [["区民政局", "长安乡人民政府"]]),  # a township's own
        ("（市发展改革委、经济开发区管委会负责）", [["市发展改革委", "经济开发区管委会"]]),  # an area's
    ],
)
def test_a_level_word_inside_a_common_noun_names_no_place(note: str, expected: list[list[str]]) -> None:
    """城乡 of 住房城乡建设厅 ends in 乡, a township's word, but names no township: the run's level
    reaches the department as it reaches the others."""
    assert read(note) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市大数据局负责制定数据标准，统筹系统整合，负责牵头开展数据共享工作。", [["*市大数据局"]]),
        ("市大数据局负责制定数据标准，牵头推进系统整合。", [["*市大数据局"]]),
        ("市大数据局负责制定数据标准，市财政局负责牵头保障建设资金。", [["市大数据局"], ["*市财政局"]]),
        # past a semicolon, the same subject's duties go on
        ("市大数据局负责制定数据标准，配合做好培训；负责牵头开展数据共享工作。", [["*市大数据局"]]),
        ("市大数据局负责制定数据标准；市财政局牵头保障建设资金。", [["市大数据局"], ["*市财政局"]]),
        # a connective before the role phrase joins its clause to the subject before it
        ("市大数据局负责制定数据标准，并牵头组织实施。", [["*市大数据局"]]),
        ("市大数据局负责制定数据标准，并配合组织实施。", [["市大数据局"]]),
    ],
)
def test_a_lead_role_in_a_later_clause_of_the_same_subject_makes_it_lead(text: str, expected: list) -> None:
    """X负责A，牵头B: a clause that opens with its role phrase has the subject before it, which
    leads, also after a connective (X负责A，并牵头B) and past a semicolon (X负责A；负责牵头B); a clause
    with a subject of its own (Y负责牵头B) gives its role to that subject alone."""
    assert marked(f"（一）建设平台。{text}", "350100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a coordination mechanism of departments answers for work as a body does, and may lead
        ("（市数据共享协调机制牵头，市直有关部门配合）", [["*市数据共享协调机制", "市直有关部门"]]),
        (
            "（国家发展改革委、数字经济发展部际协调机制按职责分工负责）",
            [["国家发展改革委", "数字经济发展部际协调机制"]],
        ),
        # setting one up names no unit
        ("建立健全数据共享协调机制，定期会商重大事项。", []),
    ],
)
def test_a_coordination_mechanism_is_a_body(text: str, expected: list[list[str]]) -> None:
    """协调机制 (a standing coordination mechanism of departments), as 联席会议 is."""
    assert marked(text, "370200") == expected


def test_label_lines_of_items_run_on_in_one_line_are_one_note_each() -> None:
    """Items copied into one line, each ending in its label block (…。责任单位：A。2.…。责任单位：B。):
    every block is a note of its own item, not the first alone."""
    text = (
        "现提出如下措施。1.新建人才公寓两处，给予租金减免。责任单位：县住建局、县财政局。"
        "2.对引进的博士给予安家补贴（按年度发放，下同）。责任单位：县人社局。"
        "3.设立创业基金。牵头单位：县科技局。配合单位：县金融办。\n"
    )
    assert marked(text) == [["县住建局", "县财政局"], ["县人社局"], ["*县科技局", "县金融办"]]


def test_a_place_no_gazetteer_holds_named_with_its_level_says_whose_its_body_is() -> None:
    """虹桥 is in no gazetteer, but jieba's dictionary tags it a place and 地区 follows it: the
    body is that area's, a subject that answers for the item as 滨海新区管委会 does."""
    text = "（二）理顺管理体制。虹桥地区管委会负责统筹推进规划编制、招商引资等工作。\n"
    assert marked(text, "310000") == [["虹桥地区管委会"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第三条 市文档服务中心隶属于市档案局，根据有关规定，负责接收市属单位文件。\n", [["市文档服务中心"]]),
        ("第五条 县信息中心在县政府办公室领导下，负责县政府门户网站的运行维护。\n", [["县信息中心"]]),
        ("第六条 区大数据中心作为全区政务云的建设主体，负责政务云的规划和运营。\n", [["区大数据中心"]]),
        # who sits on the body (有关负责人) is no role of its own; where the body is housed, no subject
        ("第七条 市考评小组由市人社局、市财政局有关负责人组成，统筹考评工作，负责审定结果。\n", [["市考评小组"]]),
        ("第七条 市协调小组办公室设在市数据局，负责日常工作。\n", [["市协调小组办公室"]]),
        # 由 before who sits on a body (由X负责人、专家组成): the people of a body, no role of X's
        ("第七条 市考评委员会由市人民政府及其有关部门负责人，专家、市民代表组成。\n", []),
        # guards: a second subject between them; a body the first clause ends in, which may act
        ("第八条 市政府设立专项资金，各区财政局安排配套，负责资金监管。\n", []),
        # the office the first clause sets up acts, named by its setter, not the topic itself
        ("第九条 领导小组下设办公室，负责日常工作。\n", [["领导小组办公室"]]),
    ],
)
def test_the_topic_of_a_sentence_is_the_subject_of_a_role_opening_a_later_clause(
    text: str, expected: list[list[str]]
) -> None:
    """A body named first, then what it belongs to or how it stands (隶属于Y, 在Y领导下, 作为…),
    then clauses of circumstance, then its role with no subject of its own: the body answers."""
    assert marked(text, "440300") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）推进数据共享。市数据局将负责平台的建设和运维。\n", [["市数据局"]]),  # 将: what is to come
        ("（二）推进改革。市发改委将牵头制定方案，市财政局将配合落实。\n", [["*市发改委", "市财政局"]]),
        ("（三）推进改革。各部门将负责落实。\n", []),  # guard: bodies in general exhort, as with 要
    ],
)
def test_a_modal_of_what_is_to_come_stands_between_a_unit_and_its_role(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "440300") == expected


def test_a_kindergarten_is_a_body() -> None:
    text = "（一）加强学前教育。县第一幼儿园负责示范园建设。\n（二）完善设施。（区教育局、区实验幼儿园负责）\n"
    assert marked(text, "440300") == [["县第一幼儿园"], ["区教育局", "区实验幼儿园"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "（一）加强人才服务。市委组织部负责统筹协调，市人社局、市科技局按照职责分工做好服务保障。\n",
            [["市委组织部"], ["市人社局", "市科技局"]],
        ),
        ("（二）推进改革。（市发展改革委牵头，市直有关部门按职责分工负责）\n", [["*市发展改革委", "市直有关部门"]]),
        ("（三）推进改革。各地区各部门要按照职责分工，抓好落实。\n", []),  # guard: bodies in general exhort
    ],
)
def test_units_answer_by_their_division_of_duties_whatever_verb_follows(text: str, expected: list[list[str]]) -> None:
    """按照职责分工 names the units it follows as answerable, before 负责 or any other verb (做好)."""
    assert marked(text, "440300") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第五条 县人民政府设立的政务服务管理机构负责全县政务服务的组织协调。\n", [["政务服务管理机构"]]),
        ("第六条 县级以上人民政府确定的主管部门负责本行政区域内的监督管理。\n", [["主管部门"]]),
        ("第七条 企业确定的联络员负责信息报送。\n", []),  # guard: a person set up by no body
    ],
)
def test_a_body_named_by_who_set_it_up_answers(text: str, expected: list[list[str]]) -> None:
    """X设立的Y机构负责…: the body set up answers; who set it up says whose it is."""
    assert marked(text, "341800") == expected


def test_a_role_word_inside_a_body_s_name_is_no_role() -> None:
    """实施 of 实施机构 opens an organisation's word of several characters: the name goes on."""
    assert marked("第九条 县农村改革实施机构负责改革的日常工作。\n", "341800") == [["县农村改革实施机构"]]


def test_a_legend_makes_the_marked_unit_lead() -> None:
    """注：标★的为牵头单位: a unit marked ★, after its name or before it, leads; the mark is no part of it."""
    text = (
        "注：标★的为牵头单位。\n（一）建设政务云。（责任单位：区大数据局★、区财政局）\n"
        "（二）完善数据共享。（责任单位：区发改委、★区大数据局）\n"
    )
    assert marked(text, "440300") == [["*区大数据局", "区财政局"], ["区发改委", "*区大数据局"]]


def test_a_mark_without_a_legend_is_no_part_of_a_name_and_makes_no_lead() -> None:
    assert marked("（一）建设政务云。（责任单位：区大数据局*、区财政局）\n", "440300") == [["区大数据局", "区财政局"]]


def test_a_host_whose_name_holds_a_role_word_hosts_only() -> None:
    """指导 of 指导中心 is a name's: the sentence names who holds an event, no unit answerable."""
    text = "本次竞赛由县人力资源和社会保障局主办，县就业创业指导中心承办，共有80名选手参赛。\n"
    assert marked(text, "341600") == []


def test_an_act_reported_done_names_no_unit() -> None:
    """已由X印发实施 in a column of progress reports what X did; only the column of units is a note."""
    text = (
        "序号 | 工作任务 | 责任单位 | 进展情况\n"
        "1 | 出台稳就业若干措施 | 县人社局 | 已由县政府办公室印发实施\n"
        "2 | 开展技能培训 | 县教育局 | 已完成\n"
    )
    assert marked(text, "341600") == [["县人社局"], ["县教育局"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "（一）加强监管。药品安全的监督检查以县市场监管局为主，县卫生健康局、县公安局配合，每年开展两次。\n",
            [["*县市场监管局", "县卫生健康局", "县公安局"]],
        ),
        ("（二）完善机制。坚持以预防为主，防治结合。\n", []),  # guard: no body
        ("（三）推进改革。以企业为主，政府引导。\n", []),  # guard: a kind of body alone
    ],
)
def test_the_body_a_task_is_mainly_for_leads(text: str, expected: list[list[str]]) -> None:
    """以X为主，Y配合: X is the main body, the lead; Y supports."""
    assert marked(text, "341600") == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("（责任单位：镇综治办、党建办、经济发展办）", [["镇综治办", "镇党建办", "镇经济发展办"]]),
        ("（责任单位：镇应急办、镇财政所，各村民委员会）", [["镇应急办", "镇财政所", "各村民委员会"]]),  # no 镇镇
        ("（责任单位：街道办事处、社区居委会）", [["街道办事处", "社区居委会"]]),  # guard: a community's own
        ("（责任单位：镇江市发改委、财政局）", [["镇江市发改委", "镇江市财政局"]]),  # guard: 镇江, a city
    ],
)
def test_a_township_word_opening_a_run_is_its_level(note: str, expected: list[list[str]]) -> None:
    """镇|综治办、党建办: the township's offices, written once with its word, as 省 or 市 is."""
    assert read(note, "320000") == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "（责任单位：县工信局，中国移动、中国联通、中国电信河口分公司）",
            [["县工信局", "中国移动河口分公司", "中国联通河口分公司", "中国电信河口分公司"]],
        ),
        ("（责任单位：县金融办，农业银行、建设银行河口支行）", [["县金融办", "农业银行河口支行", "建设银行河口支行"]]),
        # guards: a body of the place already; a body of another kind
        ("（责任单位：河口农商银行、邮储银行河口支行）", [["河口农商银行", "邮储银行河口支行"]]),
        ("（责任单位：县财政局，中国电信河口分公司）", [["县财政局", "中国电信河口分公司"]]),
    ],
)
def test_parents_written_bare_share_the_branch_of_the_last(note: str, expected: list[list[str]]) -> None:
    """中国移动、中国电信河口分公司: each parent's branch in 河口, as 福州市、泉州市人民政府 share a body."""
    assert read(note, "530000") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）加强管理。县文旅局应加强对景区安全工作的日常指导。\n", [["县文旅局"]]),
        ("（二）加强管理。市卫健委加强对乡镇卫生院的业务指导。\n", [["市卫健委"]]),
        ("（三）加强管理。各部门要加强对本系统的指导。\n", []),  # guard: bodies in general exhort
    ],
)
def test_a_role_after_a_fronted_object_and_an_adverb(text: str, expected: list[list[str]]) -> None:
    """X应加强对Y的日常指导: what X guides is fronted by 对 after the adverb; X answers, as in X对Y负责."""
    assert marked(text, "341600") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）整合系统。县数据局牵头，各地、各部门负责。\n", [["*县数据局", "各地", "各部门"]]),
        ("（二）清理系统。各地方负责。\n", [["各地方"]]),
        # guards: bodies in general with a modal exhort; where a thing is names no place
        ("（三）抓好落实。各地、各部门要加强领导，抓好落实。\n", []),
        ("（四）抓好落实。各市、各部门要加强领导，抓好落实。\n", []),
    ],
)
def test_each_locality_is_a_collective_of_places(text: str, expected: list[list[str]]) -> None:
    """各地 (each locality) stands for the localities' governments, as 各市 does; with a modal and
    a predicate after them, bodies in general are exhorted and named as no unit."""
    assert marked(text, "230000") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 强化 is a role's adverb as 加强 is
        ("（一）加强指导。县应急局要强化对乡镇应急工作的业务指导，推动完善预案。\n", [["县应急局"]]),
        # a heading of a verb and a role word names no body (部署: a verb, though 署 ends 海关总署)
        ("三、统一部署实施\n（一）海关总署负责口岸监管。\n", [["海关总署"]]),
        # a relative phrase before a run says which units are meant, no part of the first one's name
        (
            "（二）开展自查。由所涉及的县财政局、教育局等县级部门牵头完成自查，其他相关部门配合。\n",
            [["*县财政局", "*县教育局", "*县级部门", "其他相关部门"]],
        ),
        # a kind of body with a modal, then partners after 会同, names no unit; a named body does
        ("（三）加强管理。林业部门应加强森林资源管理，会同有关部门做好防火工作。\n", []),
        ("（四）加强管理。县林业局应加强森林资源管理，会同有关部门做好防火工作。\n", [["*县林业局", "有关部门"]]),
    ],
)
def test_adverbs_verbs_relative_phrases_and_kinds_in_running_text(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


def test_a_label_block_ends_at_the_next_item_s_marker_on_its_line() -> None:
    """A text of one line (a crawled page): a label block after a full stop ends where the next
    item's marker stands ((二), 1．), not at the sentence's end after it."""
    text = (
        "（一）推进工业互联网。培育平台型企业。牵头单位：区经信局，配合单位：区发改局、区内各相关企业"
        "（二）推进农业互联网1．行动目标。推进融合发展。牵头单位：区农业局，配合单位：区商务局"
    )
    assert marked(text, "350128") == [["*区经信局", "区发改局", "区内各相关企业"], ["*区农业局", "区商务局"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numeral and 、 after a body's name or a blank opens the next item
        (
            "一、加强人才培养。完善课程体系。 责任单位：县教育局、人社局二、推进平台建设。建设基地。"
            " 责任单位：县科技局、工信局 三、强化保障。",
            [["县教育局", "县人社局"], ["县科技局", "县工信局"]],
        ),
        # a label block at a line's start ends at the next item's marker on its line
        (
            "1.建设平台。完善机制。\n责任单位：区农业局 2.推进改革。加强管理。（区商务局负责）"
            " 3.强化保障。（区财政局负责）\n",
            [["区农业局"], ["区商务局"], ["区财政局"]],
        ),
        # a label after 各 is the bodies a notice is addressed to, no label (各相关单位：)
        (
            "各相关单位： 《某县治理方案》已经县政府同意，现印发给你们，请认真组织实施。 1.开展调查。完成调查。"
            "（县生态环境局牵头负责） 2.实施评估。发布清单。"
            "（县生态环境局牵头，县农业农村局、县市场监管局按职责分工负责）",
            [["*县生态环境局"], ["*县生态环境局", "县农业农村局", "县市场监管局"]],
        ),
    ],
)
def test_a_note_of_a_text_of_one_line_ends_at_the_next_item(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what stands before a colon leads in to the subject after it
        (
            "一、职责分工。具体分工如下：县审计局、县财政局负责监督检查，督促各单位开展工作。\n",
            [["县审计局", "县财政局"]],
        ),
        # 廉政, which jieba's dictionary tags a person's name, opens no proper name: the run's level reaches it
        ("一、职责分工。县纪委、廉政办负责监督检查，督促各单位开展工作。\n", [["县纪委", "县廉政办"]]),
        # short forms that an earlier note gave with their level
        (
            "一、职责分工。由县纪委、信访办、督查办等部门共同牵头。信访办、督查办负责做好登记工作。\n",
            [["*县纪委", "*县信访办", "*县督查办"], ["信访办", "督查办"]],
        ),
        # the capacity a body acts in, between it and its role
        (
            "一、职责分工。县行政服务中心作为建设单位牵头实施，县数据局配合制定技术方案。\n",
            [["*县行政服务中心", "县数据局"]],
        ),
        # guard: a short form nobody named before with its level names no unit
        ("一、职责分工。信访办、督查办负责做好登记工作。\n", []),
        # a light verb carries the role as a noun after a body (由X进行监督和指导)
        ("一、日常监管。日常工作由县市场监管局进行监督和指导。\n", [["县市场监管局"]]),
        ("一、日常评审。由专家组成员进行评审和指导。\n", []),  # guard: people, no body
        (
            "一、规范管理。县农业农村局进行业务指导，县财政局、县审计局配合。\n",
            [["县农业农村局", "县财政局", "县审计局"]],
        ),
        # an organisation's word after a role word opens a name only where it ends one (负责|企业|用工: the task)
        ("一、优化服务。县人社局负责企业用工服务保障。\n", [["县人社局"]]),
        # the run of partners after 会同 ends before the task, whatever word the task ends in (…协调机制)
        (
            "一、完善机制。由省商务厅牵头，会同省财政厅、省税务局建立工作协调机制。\n",
            [["*省商务厅", "省财政厅", "省税务局"]],
        ),
        # a label right after a closing bracket starts a clause of its own
        (
            "一、扩大开放。建设平台。牵头单位：市商务局（市口岸办）责任单位：市财政局、市税务局\n",
            [["*市商务局", "市财政局", "市税务局"]],
        ),
        # a zone written with a place's short form shares only the institution of the zone after it
        (
            "一、推进园区改革。整合资源。（市商务局，苏州工业园区、苏州高新区管委会）\n",
            [["市商务局", "苏州工业园区管委会", "苏州高新区管委会"]],
        ),
        # a village's or a community's word after a collective of places shares its 各
        ("一、整治环境。开展清理。（区城管局，各街道、社区）\n", [["区城管局", "各街道", "各社区"]]),
    ],
)
def test_subjects_agents_partners_and_collectives_in_running_text(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


def test_the_document_s_own_place_written_short_says_whose_a_subject_is() -> None:
    """上城交警大队 in a plan of 上城区 (330102): the place written without its level word."""
    text = "二、整治交通秩序。开展专项整治。区城管局、上城交警大队负责道路秩序整治。\n"
    assert marked(text, "330102") == [["区城管局", "上城交警大队"]]
    assert marked(text, "341600") == []  # guard: in another place's plan nothing says whose it is


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a label naming the act its units answer for between its modifier and head
        ("（年底前完成，牵头评估单位：县数据局、县财政局）", [["*县数据局", "*县财政局"]]),
        ("（配合督办单位：县商务局；负责验收部门：县工信局）", [["县商务局", "县工信局"]]),
        # a time before the label, however it says what is to be done by then
        ("（9月底取得阶段性进展并长期坚持，牵头单位：县人社局）", [["*县人社局"]]),
        # guard: a qualifier and a label whose modifier is a role word (主要|协作单位) supports
        ("（牵头单位：县卫健委；主要协作单位：县民政局）", [["*县卫健委", "县民政局"]]),
    ],
)
def test_labels_that_name_an_act_and_a_time_before_a_label(note: str, expected: list[list[str]]) -> None:
    assert read(note, "341600") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第三条 市自然资源局主管全市测绘工作，制定管理制度，指导各区开展测绘工作。\n", [["市自然资源局"]]),
        ("第四条 具体工作由县行业主管部门负责。\n", [["县行业主管部门"]]),  # guard: 主管部门, a word
    ],
)
def test_a_body_in_charge_is_the_topic_of_the_clauses_after_it(text: str, expected: list[list[str]]) -> None:
    """X主管A，制定B，指导C: 主管 (in charge of) is X's predicate, so X is the topic whose role
    opens a later clause."""
    assert marked(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range of levels names a kind of body at each level, no unit
        ("第五条 县级以上人民政府林业主管部门负责本行政区域内古树名木的保护管理。\n", []),
        ("第六条 县林业局负责全县古树名木的日常养护。\n", [["县林业局"]]),  # guard
        # a sentence that reports what was done (了) assigns no task; a target in all (累计) may be a task's
        ("（一）2023年，县民政局牵头完成了养老服务设施摸底。\n", []),
        ("（二）县水利局牵头，到2026年累计建成农村供水工程30处。\n", [["*县水利局"]]),
        ("（三）2025年，县民政局要会同县财政局健全养老服务补贴制度。\n", [["*县民政局", "县财政局"]]),  # guard
        # so does one whose partners follow 会同 in a later clause
        ("（四）县司法局征求了有关部门的意见，进行实地调研，会同县生态环境局等有关部门对草案反复修改。\n", []),
        (
            "（五）县司法局征求有关部门的意见，进行实地调研，会同县生态环境局等有关部门对草案反复修改。\n",
            [["*县司法局", "县生态环境局"]],
        ),
    ],
)
def test_kinds_by_a_range_of_levels_and_reports_of_the_past_name_no_unit(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "360700") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a designating verb before a body and its label (明确X为牵头单位): the body answers as labelled
        (
            "（一）推进招商。明确县商务局为牵头单位，县发改委、县财政局配合，合力推进招商引资。\n",
            [["*县商务局", "县发改委", "县财政局"]],
        ),
        ("（二）明确工作职责。确定县教育局为责任单位。\n", [["县教育局"]]),
        # a verb of ensuring and its object before 落实 (X抓好Y落实), after a lead and an adverbial
        (
            "（三）管好资金。县农业农村局牵头，县直有关部门、各乡镇按照属地原则抓好衔接资金项目落实。\n",
            [["*县农业农村局", "县直有关部门", "各乡镇"]],
        ),
        ("（四）管好资金。县财政局要抓好奖补资金落实。\n", [["县财政局"]]),
        ("（五）抓好落实。各部门要抓好政策落实。\n", []),  # guard: bodies in general exhort
    ],
)
def test_designated_bodies_and_objects_of_ensuring(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "360700") == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("（责任单位：省水利厅，市、县两级人民政府）", [["省水利厅", "市人民政府", "县人民政府"]]),
        ("（责任单位：省、市、县三级人民政府）", [["省人民政府", "市人民政府", "县人民政府"]]),
        ("（责任单位：银川市、石嘴山市人民政府）", [["银川市人民政府", "石嘴山市人民政府"]]),  # guard: no count
    ],
)
def test_a_count_of_levels_is_no_part_of_the_body_they_share(note: str, expected: list[list[str]]) -> None:
    """市、县两级人民政府: the government of each level; 两级 counts them."""
    assert read(note, "640000") == expected


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        # a run of units alone between two role clauses takes the role of the next (A牵头，B、C，D配合)
        (
            "（一）推进建设。县发改局牵头，县财政局、县自然资源局，各乡镇人民政府配合，年底前完成。\n",
            "522636",
            [["*县发改局", "县财政局", "县自然资源局", "各乡镇人民政府"]],
        ),
        # a branch in the document's own place, written without its level (雷山 of 雷山县)
        (
            "（二）推进5G建设。（县工信局牵头，中国移动、中国电信雷山分公司配合）\n",
            "522634",
            [["*县工信局", "中国移动雷山分公司", "中国电信雷山分公司"]],
        ),
        # bodies in general after 等 and before 和 are dropped, the units after 和 kept
        (
            "（二）推进改革。（省政务办、省数据局等有关部门和各设区市人民政府负责）\n",
            "320000",
            [["省政务办", "省数据局", "各设区市人民政府"]],
        ),
        # a sub-district's office is one of the bodies every place has (各街道党工委、办事处)
        (
            "（三）提升服务。（责任单位：区卫健局，各街道党工委、办事处）\n",
            "320000",
            [["区卫健局", "各街道党工委", "各街道办事处"]],
        ),
        # a label line whose run breaks after 、 goes on on the next line
        (
            "（四）保护文物。\n牵头单位：市委宣传部\n配合单位：市文旅局、市档案馆、\n    市住建局\n完成时限：年底\n",
            "320000",
            [["*市委宣传部", "市文旅局", "市档案馆", "市住建局"]],
        ),
    ],
)
def test_runs_across_commas_line_ends_and_collectives(text: str, jurisdiction: str, expected: list[list[str]]) -> None:
    assert marked(text, jurisdiction) == expected


def test_a_row_copied_onto_one_line_with_blanks_names_its_units_in_its_last_cell() -> None:
    """A table's row copied with blanks between its cells (item and title, task, units): the
    units of its last cell are a note; a field of a list (2. [发文机构] X) is none."""
    text = (
        "一、推动物流降本增效\n"
        "（一）建设公共仓储 新建冷链仓储设施5万吨以上。 县商务局、县供销社\n"
        "（二）发展多式联运 开通铁海联运线路2条。 县交通运输局\n"
    )
    assert marked(text, "341600") == [["县商务局", "县供销社"], ["县交通运输局"]]
    assert marked("2. [发文机构] 县人民政府办公室\n", "341600") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a copy on one line: two ideographic spaces part its paragraphs, a section number glued to its text
        (
            "三、职责　　3.1县应急局为县防汛抗旱体系牵头单位，主要职责：　　3.1.1负责统筹调度。"
            "　　3.2.1县水利局负责水情监测。\n",
            [["*县应急局"], ["县水利局"]],
        ),
        # 等 closes a run of partners before their role, a sentence after it
        (
            "一、抢险组。由县应急局牵头，县消防救援大队、县交通局等参加。主要职责：组织抢险。\n",
            [["*县应急局", "县消防救援大队", "县交通局"]],
        ),
        # 组成 names a group's member units, as a label's modifier
        (
            "一、综合组：负责协调。牵头部门：县应急局，组成部门：县民政局、县财政局。\n",
            [["*县应急局", "县民政局", "县财政局"]],
        ),
        # 双牵头: two bodies lead together
        (
            "（一）推进审批改革。具体工作由县住建局和县数据局双牵头，县财政局配合。\n",
            [["*县住建局", "*县数据局", "县财政局"]],
        ),
        # a heading's title (a label that is no role word) glued to the clause after it
        (
            "四、责任分工县数据局会同县财政局统筹推进平台建设。县数据局作为建设单位，具体负责平台运维。\n",
            [["*县数据局", "县财政局"], ["县数据局"]],
        ),
    ],
)
def test_copies_on_one_line_runs_closed_by_etc_and_member_labels(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


def test_a_place_inside_the_document_s_written_short_says_whose_a_subject_is() -> None:
    """蒙城 of 蒙城县, inside 亳州市 (341600), in a plan of 亳州市; not in another city's plan, nor in
    the country's, where a county's name written short is too often a word."""
    text = "第七条 蒙城经济开发区管委会作为县人民政府的派出机构，负责开发区的统筹规划。\n"
    assert marked(text, "341600") == [["蒙城经济开发区管委会"]]
    assert marked(text, "320500") == []
    assert marked(text, "100000") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第三条 建立上下游关联企业协作机制。第四条 企业对申报材料真实性负责。\n", []),
        ("第三条 按照《河北省基层工会经费管理办法》执行。第四条 基层工会负责经费使用。\n", []),
        ("第三条 省基层工会负责统筹。第四条 基层工会负责经费使用。\n", [["省基层工会"], ["基层工会"]]),
    ],
)
def test_a_kind_named_short_was_named_in_full_only_as_a_body(text: str, expected: list[list[str]]) -> None:
    """A short name stands for a body named in full before it, not for enterprises of a kind a
    clause set up (建立…关联企业) nor for the words of a cited title (《河北省基层工会…》)."""
    assert marked(text, "130000") == expected


def test_a_body_the_gazetteer_knows_says_whose_a_body_named_after_it_is() -> None:
    """科技部|火炬高技术产业开发中心: a centre of the ministry's, whose name says whose it is; a
    centre named alone (火炬中心) says not."""
    text = "第四条 商务部负责建设平台。商务部流通业发展司负责平台的日常工作。火炬中心负责审核。\n"
    assert marked(text, "100000") == [["商务部"], ["商务部流通业发展司"]]


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        # a heading's title of a duty noun (职责分工) glued to the clause after it; 负责|人才, not 负责人
        (
            "三、职责分工市农业农村局牵头，县财政局配合，负责产业园建设；市人社局负责人才培训。\n",
            "341600",
            [["*市农业农村局", "县财政局"], ["市人社局"]],
        ),
        ("五、组织保障。各单位主要负责人为第一责任人。\n", "341600", []),  # guard: the person in charge
        # an area named by its own word says whose its body is
        (
            "二、推进园区建设。市商务局牵头，金寨高新区管委会、市发改委配合，负责招商引资。\n",
            "341600",
            [["*市商务局", "金寨高新区管委会", "市发改委"]],
        ),
        ("二、推进公开。围绕本区经济社会发展深化信息公开，认真落实各项部署。\n", "341600", []),  # guard
        # a branch named by the plan's own place in a run after a level says whose it is
        (
            "二、推进园区建设。（责任单位：区市场监管局、税务余杭分局、电信余杭分公司）\n",
            "330110",
            [["区市场监管局", "税务余杭分局", "电信余杭分公司"]],
        ),
        ("二、推进园区建设。（责任单位：区市场监管局、税务分局）\n", "330110", [["区市场监管局", "区税务分局"]]),
        # a partner that is an area's body goes on past the area's name, not into the predicate
        (
            "（三）推进协同发展。区发展改革委要会同两江新区经济运行局，建立重大项目协同推进机制。\n",
            "500000",
            [["*区发展改革委", "两江新区经济运行局"]],
        ),
        ("（三）推进协同发展。区发展改革委会同两江新区建立协调机制。\n", "500000", [["*区发展改革委", "两江新区"]]),
        # a label after a blank that follows a working group's name
        (
            "4.物资保障组 牵头部门：市应急局，组成部门：市商务局、市粮食局。主要职责：调拨物资。\n",
            "341600",
            [["*市应急局", "市商务局", "市粮食局"]],
        ),
        # an article's marker after a full stop is no part of the subject
        (
            "第十条 目录由市城管局会同市商务局制定。第十一条 区人民政府负责组织实施分类工作，街道办事处负责落实。\n",
            "610100",
            [["*市城管局", "市商务局"], ["区人民政府", "街道办事处"]],
        ),
        # a section number of three levels glued between a heading's title and its text
        (
            "3.2 物资供应保障3.2.1市商务局负责生活必需品市场监测。3.2.2市粮食局负责粮油储备。\n",
            "341600",
            [["市商务局"], ["市粮食局"]],
        ),
    ],
)
def test_glued_headings_persons_in_charge_areas_and_labels_after_a_blank(
    text: str, jurisdiction: str, expected: list[list[str]]
) -> None:
    assert marked(text, jurisdiction) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # role words before a body they take as their object (支持配合|牵头部门)
        (
            "（二）责任分工。县住建局负责日常管理。各成员单位积极支持配合牵头部门，做好协调工作。\n",
            [["县住建局"], ["各成员单位"]],
        ),
        # a body named by who set it up, its role in the clause after it
        ("第六条 县人民政府设立的产业园区建设协调机构，负责研究园区发展战略。\n", [["产业园区建设协调机构"]]),
        ("三、市级部门在产业园区设立的有关直属机构或者派出机构，负责园区内的行政管理工作。\n", []),  # guard: a kind
        ("三、市级部门在产业园区设立的有关派出机构负责园区内的行政管理工作。\n", []),  # a kind, its role after it
        ("三、县人民政府设立的产业园区管理机构负责园区内的行政管理工作。\n", [["产业园区管理机构"]]),  # guard
        # a role again after a role (负责|具体实施) is no task: the clauses after it go on
        (
            "（五）推进城市更新。县住建局牵头，各乡镇政府负责具体实施，县财政局配合做好资金保障。\n",
            [["*县住建局", "各乡镇政府", "县财政局"]],
        ),
        # 其他 (the others) makes a collective, which takes no level from the body before it
        (
            "六、责任分工。县信用体系建设领导小组成员单位及其他各行业主管单位负责行业信用信息系统的建设。\n",
            [["县信用体系建设领导小组成员单位", "其他各行业主管单位"]],
        ),
    ],
)
def test_objects_of_role_words_designated_bodies_and_the_others(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a chapter's number and title glued before its first article (a copy on one line)
        (
            "第七条县财政局负责资金监管。第八章附则第九条县发展改革局会同县财政局做好衔接工作。\n",
            [["县财政局"], ["*县发展改革局", "县财政局"]],
        ),
        # 所 before a verb makes it a noun (所辖: the area each governs), no office named 负责所
        ("第五条 县人民政府负责所辖行政区域内的河道保护工作。\n", [["县人民政府"]]),
        # a noun of locality before a collective of places says which of them
        ("第六条 沿江各乡（镇）人民政府负责本行政区域内的河道保护工作。\n", [["沿江各乡（镇）人民政府"]]),
    ],
)
def test_chapters_glued_to_articles_relative_areas_and_localities(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # X会同Y…，会同Z…: the subject's later task with a partner of its own, one note
        (
            "第五条 县教育局会同县人社局根据在校生数等因素，提出分配方案，会同县财政局下达资金。\n",
            [["*县教育局", "县人社局", "县财政局"]],
        ),
        # guard: a later clause with a subject and a role of its own is a note of its own
        (
            "第五条 县教育局会同县人社局提出分配方案，县财政局负责下达资金。\n",
            [["*县教育局", "县人社局"], ["县财政局"]],
        ),
    ],
)
def test_a_lead_s_partners_in_a_later_clause_join_its_note(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


def test_a_subset_marker_opens_no_subject() -> None:
    """…包片负责制，其中|X负责A，Y负责B: 其中 says which of those named, no part of the note."""
    text = "（二）专项行动实行包片负责制，其中县交通局负责包片东城乡，县公安局负责包片西城镇。\n"
    assert [n.raw for n in extract_text(text, jurisdiction="341600").notes] == ["县交通局", "县公安局"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（五）铁道部会同信息产业部制定实施细则。\n", [["*铁道部", "信息产业部"]]),
        ("（六）环保总局要会同监察部监督检查本决定的执行情况。\n", [["*环保总局", "监察部"]]),
    ],
)
def test_state_council_bodies_of_before_2008_are_bodies(text: str, expected: list[list[str]]) -> None:
    """A State Council text of its time names its ministries and commissions as they were then."""
    assert marked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverbial of law or scope between units and their role (依法, 按照各自管理范围)
        ("第五条 县应急管理局依法负责全县安全生产的综合监督管理。\n", [["县应急管理局"]]),
        (
            "第六条 县财政局、县税务局按照各自管理范围负责有关资金的监督。\n",
            [["县财政局", "县税务局"]],
        ),
        ("第七条 县财政局、县税务局按照各自权限负责有关资金的监督。\n", [["县财政局", "县税务局"]]),
        ("第八条 县人民政府依照本条例规定负责组织实施。\n", [["县人民政府"]]),  # guard: 规定, as before
        # a body set up by whom the clause names, its role in the next clause or right after it
        ("第九条 县人民政府设立产业园区管理委员会，负责园区的日常管理。\n", [["产业园区管理委员会"]]),
        ("第九条 县人民政府组建乡村振兴服务中心负责项目的日常管理。\n", [["乡村振兴服务中心"]]),
        ("第十条 县人民政府设立专项资金，支持乡村振兴。\n", []),  # guard: no body set up
        # who sets it up, then where (在…), then the body, named short in a bracket
        (
            "第十条 县人民政府在各片区设立派出机构（以下简称片区管理机构），负责片区的日常管理。\n",
            [["派出机构"]],
        ),
        # a place that sets a body up, its name holding 的 (设区的市)
        ("第十条 设区的市和县成立工作领导小组，负责研究制定扶持政策。\n", [["工作领导小组"]]),
        ("第十条 在各园区设立服务机构，负责园区的日常管理。\n", []),  # guard: where, no one who sets up
        ("第十条 企业根据需要设立的研发机构，负责技术研发。\n", []),  # guard: no body sets it up
        # 负责 glued by the segmenter to the task's verb (负责管理) is still the role
        ("（三）县市场监管局负责管理全县的计量工作。\n", [["县市场监管局"]]),
        ("（三）县审计局要加强督促检查，及时整改。\n", []),  # guard: an adverb before 督促检查
        # an area named by a word of its own that the segmenter cuts (陆|港|经开区)
        ("第十一条 县发展改革局会同陆港经开区管委会组织编制发展规划。\n", [["*县发展改革局", "陆港经开区管委会"]]),
        ("第十一条 空港经开区管委会负责园区的招商工作。\n", [["空港经开区管委会"]]),
        # a body's head opening with a verb (管理委员会) is no predicate after the area's name
        (
            "第十二条 皖北新区管理委员会（以下简称管委会）隶属于县人民政府，负责新区的开发建设。\n",
            [["皖北新区管理委员会"]],
        ),
        # a copular clause before the role describes the topic, which stays the subject
        (
            "第十三条 皖北新区管理委员会（以下简称管委会）是县人民政府的派出机构，受委托，负责新区的开发建设。\n",
            [["皖北新区管理委员会"]],
        ),
        # the office a body sets up inside itself answers, named by that body
        ("第十四条 县人民政府下设办公室，负责日常工作。\n", [["县人民政府办公室"]]),
        # partners after the subject's clause that carry a role word of their own (会同Y协同制定)
        ("（四）县住建局负责统筹园区建设，会同县财政局协同制定年度计划。\n", [["*县住建局", "县财政局"]]),
        # a partner's name runs to the clause's end, never into the next line or sentence
        (
            "（四）县住建局负责统筹园区建设，会同县财政局制定年度计划。\n县住建局、县财政局\n",
            [["*县住建局", "县财政局"]],
        ),
    ],
)
def test_adverbials_of_law_bodies_set_up_glued_roles_and_areas(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


def test_a_note_in_a_merged_row_s_task_cell_is_read_before_the_row_s_units() -> None:
    """A table copied one cell to a line whose row has more cells than its header (a task's type
    over two lines): the running note in the task cell is a note, then the row's unit cell."""
    text = (
        "附件：重点任务分解表\n序号\n任务类型\n重点内容\n责任单位\n1\n园区\n建设管理\n"
        "县住建局负责统筹推进园区建设，会同县财政局制定年度计划。\n县住建局、县财政局\n"
        "2\n园区\n运营\n完善园区运营机制。\n县商务局\n"
    )
    assert marked(text, "341600") == [["*县住建局", "县财政局"], ["县住建局", "县财政局"], ["县商务局"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short form the text declared for a body that says whose it is names that body
        (
            "第三条 县产业发展联席会议办公室（以下简称联席办）承担日常工作。\n"
            "第四条 联席办会同县财政局建立考核机制。\n",
            [["*联席办", "县财政局"]],
        ),
        # guard: the short form of a kind names no body
        (
            "第三条 县级以上人民政府有关主管部门（以下简称主管部门）承担日常工作。\n"
            "第四条 主管部门会同县财政局建立考核机制。\n",
            [],
        ),
        # a body's departments after 会同 are one unit (县政府|有关部门)
        ("第五条 县发展改革委会同县政府有关部门制定实施方案。\n", [["*县发展改革委", "县政府有关部门"]]),
        # a subject whose name goes on past a body's word (县人民政府|数据管理部门) is not cut there
        (
            "第六条 县人民政府数据资源管理部门负责统筹协调公共数据管理工作，会同县财政局建立考核机制。\n",
            [["*县人民政府数据资源管理部门", "县财政局"]],
        ),
    ],
)
def test_declared_short_forms_a_body_s_departments_and_long_subjects(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table's rows copied one to a line with their cells run together: number, task, units, when
        (
            "8建立健全村级集体经济台账，规范财务管理。县农业农村局、县财政局2025年底前\n"
            "9开展农村人居环境整治提升行动。县住房城乡建设局持续推进\n",
            [["县农业农村局", "县财政局"], ["县住房城乡建设局"]],
        ),
        # the same under a header with a lead's column: the first body run into the next leads
        (
            "序号重点工作牵头单位配合单位完成时间\n"
            "1推进县域医共体建设，实现乡镇卫生院全覆盖。县卫生健康委县医保局、县财政局2025年6月底前\n",
            [["*县卫生健康委", "县医保局", "县财政局"]],
        ),
        # cells parted by blanks under such a header
        (
            "序号 重点工作 牵头单位 配合单位 完成时间\n"
            "2 完善基层医疗卫生服务网络。 县卫生健康委 县发展改革委、县财政局 2025年底前\n",
            [["*县卫生健康委", "县发展改革委", "县财政局"]],
        ),
        # cells parted by tabs with no header, the row's units a cell of their own
        (
            "3\t实施农村公路提质改造工程，新改建农村公路50公里。\t县交通运输局、各乡镇人民政府\t2025年底\n",
            [["县交通运输局", "各乡镇人民政府"]],
        ),
        # national bodies in such a row, a role phrase ending the units' cell
        (
            "5 清理涉企违规收费，规范行业协会收费行为。 民政部、市场监管总局等按职责分工负责 持续推进\n",
            [["民政部", "市场监管总局"]],
        ),
        # guards: a sentence that says when is no cell; a note in brackets is read as one
        ("1. 开展专项行动。2025年底前，县农业农村局会同县财政局完成验收\n", [["*县农业农村局", "县财政局"]]),
        ("1. 开展专项行动。（牵头单位：县农业农村局，配合单位：县财政局）\n", [["*县农业农村局", "县财政局"]]),
    ],
)
def test_a_table_s_rows_copied_with_their_cells_run_together(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table copied one cell to a line with no header: number, task, units, when
        (
            "1\n完善乡村公共服务设施，建成村级综合服务站20个。\n县民政局、县财政局\n2025年底前\n"
            "2\n推进农村饮水安全巩固提升工程。\n县水利局\n2025年6月\n",
            [["县民政局", "县财政局"], ["县水利局"]],
        ),
        # rows of a table whose header is on another page: number, task with no full stop, when, units
        (
            "7\n推进公共机构节能改造\n全年推进\n机管局、发展改革委\n"
            "8\n编制年度温室气体排放清单\n三季度完成\n生态环境局\n",
            [["机管局", "发展改革委"], ["生态环境局"]],
        ),
        # the number opening the task's line, a role phrase in the units' line
        (
            "（一）实施道路畅通工程，改造县乡公路30公里。\n县交通运输局牵头，各乡镇人民政府配合\n"
            "（二）开展危房改造，完成改造任务300户。\n县住房城乡建设局\n",
            [["*县交通运输局", "各乡镇人民政府"], ["县住房城乡建设局"]],
        ),
        # a task's cell under a header with its own note inside, then the row's units: two notes
        (
            "序号 工作任务 责任单位 完成时限\n3\n"
            "建立养老服务质量评估制度，由县民政局牵头，县财政局配合，每年开展一次评估。\n"
            "县民政局、县财政局\n2025年底前\n",
            [["*县民政局", "县财政局"], ["县民政局", "县财政局"]],
        ),
        # guard: one line of units after a last paragraph is a signature, no note
        ("三、加强组织领导。各部门要高度重视，确保各项任务落到实处。\n县人民政府办公室\n", []),
        # which point of a list (一是) is no part of the subject after it
        (
            "重点做好两项工作：一是县教育局牵头，县人社局配合，推进产教融合；二是县科技局负责科技项目申报。\n",
            [["*县教育局", "县人社局"], ["县科技局"]],
        ),
    ],
)
def test_a_table_one_cell_to_a_line_with_no_header_and_points_of_a_list(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "341600") == expected


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        # a duty noun the role phrase takes as its adverb still closes the adverbial before it
        ("第三条　市科技局根据管理职责参与绩效评价工作。", "330100", [["市科技局"]]),
        ("（三）加强督查。（责任单位：市财政局按照监管职责负责）", "330100", [["市财政局"]]),
        # a lead's label, then a plain role phrase: the label says they lead, the phrase how
        ("（五）完善机制。（牵头单位：省教育厅、省人社厅按职责分工负责）", "330000", [["*省教育厅", "*省人社厅"]]),
        ("（六）推进改革。（牵头单位：省教育厅负责；配合单位：省财政厅）", "330000", [["*省教育厅", "省财政厅"]]),
        # a body handed its duty by another: the one handed it answers
        ("第九条　市人民政府委托市大数据中心负责平台运行维护。", "330100", [["市大数据中心"]]),
        ("第十条　县人民政府授权县住房城乡建设局负责审核备案工作。", "330100", [["县住房城乡建设局"]]),
        # a chapter's title ending in a system's head (平台) names no body, though 台 ends 电视台
        ("第四章　平台支撑\n第十五条　市数据局负责平台建设。", "330100", [["市数据局"]]),
        # the short form a note declares for its units is no unit of its own
        (
            "（一）培育产业集群。（牵头单位：省商务厅；责任单位：各市人民政府、各县（市）人民政府，"
            "以下简称“各市县政府”）",
            "330000",
            [["*省商务厅", "各市人民政府", "各县（市）人民政府"]],
        ),
    ],
)
def test_adverbials_delegation_headings_and_declared_short_forms(
    text: str, jurisdiction: str, expected: list[list[str]]
) -> None:
    assert marked(text, jurisdiction) == expected


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        # a whole table on one line: its header, then rows glued cell to cell, each opening with
        # the next number; a row's units run from a body's name the gazetteer knows up to when
        (
            "附件　任务分工表　序号　　主要任务　　责任单位　　完成时限1建设全省统一的政务数据共享平台"
            "省大数据局会同有关部门2025年底前完成2完善公共信用信息系统省发展改革委、省市场监管局等持续推进"
            "3推进电子证照互认共享省政务服务中心2026年6月底前",
            "330000",
            [["*省大数据局"], ["省发展改革委", "省市场监管局"], ["省政务服务中心"]],
        ),
        # a body's name the level before it completes (县|农业农村局, 县|委宣传部)
        (
            "序号 重点工作 责任单位 完成时间1推进县级融媒体中心建设县委宣传部2025年底前"
            "2开展农村人居环境整治提升县农业农村局、各乡镇人民政府持续推进",
            "330100",
            [["县委宣传部"], ["县农业农村局", "各乡镇人民政府"]],
        ),
        # 和 inside a ministry's name is no conjunction; a short task still ends before the units
        (
            "序号 重点任务 责任部门 时间进度1制定数据标准规范工业和信息化部、国家标准委2025年12月底前出台"
            "2开展试点示范工业和信息化部会同有关部门持续推进",
            "100000",
            [["工业和信息化部", "国家标准委"], ["*工业和信息化部"]],
        ),
        # guard: one row alone is no table
        ("序号 重点任务 责任部门 时间进度1制定数据标准规范工业和信息化部2025年12月底前出台", "100000", []),
    ],
)
def test_a_table_copied_onto_one_line_with_its_cells_glued(
    text: str, jurisdiction: str, expected: list[list[str]]
) -> None:
    assert marked(text, jurisdiction) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 支持 alone before its object in running text says who backs what, not who answers
        ("（五）加大投入。市财政局按照有关规定支持市场主体开展数字化改造。", []),
        ("第九条　省、市人民政府应当支持开发区开展体制机制创新。", []),
        # guards: beside another role word, or in a note's bracket, it is a supporting role
        ("（六）强化保障。市财政局负责资金保障，市科技局积极支持配合。", [["市财政局", "市科技局"]]),
        ("（七）完善机制。（责任单位：市发改委，市财政局支持）", [["市发改委", "市财政局"]]),
    ],
)
def test_a_verb_of_backing_before_its_object_names_no_unit(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # partners in a later clause after a connective (并会同Y) are the subject's, however many
        # clauses of its own come between; the sentence's last role word (指导) does not hide them
        (
            "第六条　市数据局负责编制全市数据目录，加强对各区数据归集工作的统筹，"
            "并会同市财政局对数据共享情况进行监督和指导。",
            [["*市数据局", "市财政局"]],
        ),
        # a clause between with a role of its own gives the partners to its subject
        (
            "第七条　市数据局负责平台建设，市财政局负责资金保障，并会同市审计局开展绩效评价。",
            [["市数据局"], ["*市财政局", "市审计局"]],
        ),
    ],
)
def test_partners_after_a_connective_in_a_later_clause(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a merged column of tasks lifted above its rows as a heading leaves each row a cell short:
        # the row's cells keep their order and the unit column is the one a cell of units fits
        (
            "附件\n工作任务分工表\n序号\n工作类别\n工作内容\n完成时间\n责任单位\n一\n完善监测体系\n"
            "1\n建立空气质量监测站点运行维护制度\n年底前完成\n市生态环境局、市气象局\n"
            "2\n开展重点区域扬尘治理督查\n持续推进\n住建委\n",
            [["市生态环境局", "市气象局"], ["住建委"]],
        ),
        # guard: a row one cell short at its end keeps its cells where they stand (no 配合 cell)
        (
            "附件\n分工表\n序号\n工作内容\n牵头单位\n配合单位\n1\n建立空气质量监测站点运行维护制度\n市生态环境局\n"
            "2\n开展重点区域扬尘治理督查\n市住建局\n市城管局\n",
            [["*市生态环境局"], ["*市住建局", "市城管局"]],
        ),
    ],
)
def test_a_row_short_of_a_merged_column_puts_its_units_under_the_unit_column(
    text: str, expected: list[list[str]]
) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role word inside a body's name that a role of its own follows
        ("二、市数字经济发展指导协调小组负责统筹推进全市数字经济工作。", [["市数字经济发展指导协调小组"]]),
        # and its short form, and that body's office housed in another
        (
            "（一）市人才工作指导小组（以下简称指导小组）负责统筹协调。（二）指导小组办公室设在市人社局，负责日常工作。",
            [["市人才工作指导小组"], ["指导小组办公室"]],
        ),
        # guard: a role before the bodies it takes as its object
        ("二、市发改委指导各区政府负责项目申报。", [["市发改委"]]),
    ],
)
def test_a_role_word_inside_a_body_s_name_before_its_own_role(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "350100") == expected


def test_a_row_s_last_unit_columns_may_stand_on_the_lines_below_it() -> None:
    """A row of a space-parted table that stops after its first unit cell, the cell going on over
    a line of a unit alone and the next column copied to a line of its own: one note, every
    unit in its column; the next row, a line with its number and task, is a note of its own."""
    text = (
        "序号 工作任务 主要责任单位 配合单位\n"
        "1 完成年度招商引资任务。 县商务局\n"
        "县投促中心\n"
        "县直有关部门，各乡镇人民政府。\n"
        "2 完成固定资产投资任务。 县发改委 县直有关部门。\n"
    )
    assert marked(text, "341621") == [
        ["*县商务局", "*县投促中心", "县直有关部门", "各乡镇人民政府"],
        ["*县发改委", "县直有关部门"],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body another hands its duty to answers in every later clause of the sentence
        (
            "第五条　市人民政府授权市公共资源交易中心（以下简称交易中心），承担全市交易平台的运行维护，"
            "负责交易信息的归集和公开。",
            [["市公共资源交易中心"]],
        ),
        # guard: a body that acts itself is the topic of its later clauses
        ("第六条　市财政局统筹资金安排，加强绩效管理，负责资金的监督检查。", [["市财政局"]]),
    ],
)
def test_a_body_handed_its_duty_answers_in_later_clauses(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb of how often or how soon (定期, 及时) between a body and 对 leaves the body the subject
        ("第八条　市档案局定期对各区档案数字化工作进行检查指导。", [["市档案局"]]),
        ("第九条　区教育局及时对各学校信息系统安全情况进行业务指导。", [["区教育局"]]),
    ],
)
def test_an_adverb_before_a_fronted_object_leaves_the_subject(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


def test_an_issuer_and_the_day_it_signs_on_are_no_table_row() -> None:
    text = (
        "（五）加强督促检查。　　市发展改革委要会同有关部门对落实情况进行跟踪分析，重大问题及时报告。"
        "　　市人民政府　　2019年3月18日\n"
    )
    assert marked(text, "330100") == [["*市发展改革委"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # partners after 会同 go on over commas, in groups, up to the last group's 等 and its task
        (
            "此项工作由市大数据局牵头，会同市财政局、市公安局，市气象台、市水文站，局信息中心、局规划处等共同完成。",
            [["*市大数据局", "市财政局", "市公安局", "市气象台", "市水文站", "局信息中心", "局规划处"]],
        ),
        # guard: a clause after the partners that goes on with the task names no more of them
        (
            "此项工作由市大数据局牵头，会同市财政局、市公安局，充分利用市政府现有网络资源开展建设。",
            [["*市大数据局", "市财政局", "市公安局"]],
        ),
    ],
)
def test_partners_listed_on_after_a_comma(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause that opens with a verb handing a duty, its giver unsaid: the body handed it answers
        ("第十一条　法律规定由有关部门先行审核的事项，委托市行政审批局负责审核。", [["市行政审批局"]]),
        ("（三）授权市数据局负责全市公共数据的运营。", [["市数据局"]]),
        # guard: a short form the text declared that opens with such a verb is a body's name
        (
            "第五条　市人民政府授权市信息中心（以下简称“授权中心”）负责平台运行。"
            "第六条　授权中心负责对数据质量进行督促指导。",
            [["市信息中心"], ["授权中心"]],
        ),
    ],
)
def test_a_clause_opening_with_a_verb_that_hands_a_duty(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a designation, then a copula and the body it names: the body answers
        ("第六条　市电子证照管理单位为市数据资源管理局，负责全市电子证照工作的统筹规划。", [["市数据资源管理局"]]),
        # guard: a body that a copula gives a designation answers itself
        ("第五条　市大数据局为本市政务数据的主管部门，负责统筹推进数据工作。", [["市大数据局"]]),
    ],
)
def test_a_designation_names_its_body_after_a_copula(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 下设 sets a body up inside the one before it, which names it: that office answers
        ("三、加强领导。成立市数据共享工作领导小组，领导小组下设办公室，负责日常协调工作。", [["领导小组办公室"]]),
        # guard: a body that acts itself, with no body set up, is the topic of the clause after it
        ("三、加强领导。市数据局统筹推进数据共享，负责日常协调工作。", [["市数据局"]]),
    ],
)
def test_a_body_set_up_inside_another_is_named_by_it(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        # the rules of an autonomous prefecture or county write its level word in full
        ("第六条　自治州人民政府负责全州旅游资源的统筹保护。", "433100", [["自治州人民政府"]]),
        ("第九条　自治县住房和城乡建设局负责古镇的日常维护。", "522628", [["自治县住房和城乡建设局"]]),
        # guard: an autonomous region's level word was one already
        ("第六条　自治区人民政府负责全区旅游资源的统筹保护。", "450000", [["自治区人民政府"]]),
    ],
)
def test_an_autonomous_place_s_level_word_written_in_full(
    text: str, jurisdiction: str, expected: list[list[str]]
) -> None:
    assert marked(text, jurisdiction) == expected


def test_an_autonomous_place_s_level_word_in_full_resolves_as_its_short_one() -> None:
    gaz = load_gazetteer()
    assert gaz.resolve("自治州人民政府", "433100").agency == gaz.resolve("州人民政府", "433100").agency == "433100/gov"
    assert gaz.resolve("自治县民政局", "522628").agency == gaz.resolve("县民政局", "522628").agency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a blank after the comma before the time, and a stop and a declaration after it
        ("1．建设平台。（市数据局、市财政局， 2024年6月底前完成）", [["市数据局", "市财政局"]]),
        (
            "1．建设平台。（市数据局、市财政局，2024年6月底前完成。排在第一位的为牵头单位，下同）"
            "2．开放数据。（市财政局、市数据局，2024年底前完成）",
            [["*市数据局", "市财政局"], ["*市财政局", "市数据局"]],
        ),
    ],
)
def test_a_note_s_last_clause_that_says_when(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the units and their roles, the task goes on in a clause that names no unit
        (
            "3．建设系统。（市财政局负责采购系统的建设，市数据局负责共享平台的建设，"
            "并实现采购系统与共享平台、市级门户的对接，2024年底前完成）",
            [["市财政局", "市数据局"]],
        ),
        # units listed before a clause whose part of the task another body leads answer too
        (
            "4．完善机制。（市发改委、市商务局、市市场监管局，考评机制由市财政局牵头，2024年底前完成）",
            [["市发改委", "市商务局", "市市场监管局", "*市财政局"]],
        ),
        # where the document declares that the first listed leads, the first listed leads as well
        (
            "（排在第一位的为牵头单位，下同）4．完善机制。（市发改委、市商务局，考评机制由市财政局牵头，2024年底前完成）",
            [["*市发改委", "市商务局", "*市财政局"]],
        ),
        # guard: a task before the clause of the body that leads is no unit
        ("5．完善机制。（加强考核，考评机制由市财政局牵头，2024年底前完成）", [["*市财政局"]]),
    ],
)
def test_a_note_s_units_beside_a_task_in_its_bracket(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the bounds the units act within, a locative frame, stands between them and their role
        (
            "第五条　县卫生健康局、县医疗保障局等部门在各自职责范围内负责医疗机构的监督管理工作。",
            [["县卫生健康局", "县医疗保障局"]],
        ),
        ("第五条　县人民政府有关部门在职责范围内指导乡镇做好饮水安全工作。", [["县人民政府有关部门"]]),
        # and so does a frame of guidance: under whom they act, no unit of the note
        ("第六条　县图书馆在县文化广电旅游局的指导下负责古籍保护工作。", [["县图书馆"]]),
        ("第六条　市林业站（以下简称林业站）在市林业局统一领导下负责林木种苗管理。", [["市林业站"]]),
    ],
)
def test_a_locative_adverbial_of_duty_leaves_the_subject(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a copula's complement that lists what the body answers for
        ("三、各乡（镇）是本辖区农村公路、村道建设与养护工作的责任主体，负责日常养护管理。", [["各乡"]]),
        # a body's name as a clause of its own, then the capacity it acts in, then its role
        (
            "第八条　县文化旅游局（以下简称文旅局），作为景区的主管机构，负责景区的保护和管理工作。",
            [["县文化旅游局"]],
        ),
        ("第八条　县文化旅游局，作为景区的主管机构，负责景区的保护和管理工作。", [["县文化旅游局"]]),
        # guard: a body the first clause sets up answers, not the one that set it up
        ("三、加强领导。领导小组下设办公室，负责日常协调工作。", [["领导小组办公室"]]),
    ],
)
def test_the_subject_of_a_copula_or_a_capacity(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a township's bodies listed after its word once, then each named short
        (
            "成立工作小组，成员单位：镇党政办、农服中心、社会事务办。"
            "（二）分工。农服中心负责园区、农户的安全检查工作；社会事务办负责学校的安全检查工作。",
            [["农服中心"], ["社会事务办"]],
        ),
        # guard: a body never listed nor named with its level says no whose it is
        ("（二）分工。农服中心负责农户的安全检查工作。", []),
    ],
)
def test_a_body_listed_after_a_level_is_that_level_s(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "310112") == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # a place in general joined to a collective: the localities, under the same marker
        ("（主办单位：省教育厅，协办单位：有关部门和地方）", [["*省教育厅", "有关部门", "地方"]]),
        # a bare noun for bodies joined to a collective ending in another: it takes its words
        ("（责任单位：市文旅局、市直有关部门和单位）", [["市文旅局", "市直有关部门", "市直有关单位"]]),
        # guard: a collective alone after a lead stays, and a name holding a joiner is one
        ("（省民政厅牵头，相关部门配合）", [["*省民政厅", "相关部门"]]),
        ("（责任单位：省发展和改革委员会）", [["省发展和改革委员会"]]),
    ],
)
def test_a_collective_joined_to_another(note: str, expected: list[list[str]]) -> None:
    assert read(note, "430000") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body named by its function alone, with no level or place saying whose: a kind
        ("（二）档案数据，由档案主管部门负责；", []),
        # or by a department's field and a noun for its bodies
        ("（四）婚姻登记数据，由民政部门、档案管理机关负责；", []),
        # beside a body every township has, no township named: kinds all
        ("（三）婚姻登记数据，由民政部门、乡镇人民政府负责；", []),
        ("第五条 乡（镇）人民政府、街道办事处负责本辖区的具体工作。", []),
        # guards: a named township, or a named body beside it
        ("第五条 亭子镇人民政府、街道办事处负责本辖区的具体工作。", [["亭子镇人民政府", "街道办事处"]]),
        ("（三）婚姻登记数据，由县民政局、乡镇人民政府负责；", [["县民政局", "乡镇人民政府"]]),
        # a class of bodies, whatever names it; each one of a collective is a unit
        ("第六条 全国新能源汽车生产企业负责回收废旧电池。", []),
        ("第六条 河北省专精特新中小企业负责按时报送数据。", []),
        ("第九条 由中等职业院校负责组织学生报名。", []),
        ("第九条 由技工学校负责本校的资格审查工作。", []),
        ("（六）做好数据报送。（责任单位：市属各国有企业）", [["市属各国有企业"]]),
        # with a level only: whichever department of the level holds the function
        ("（五）婚姻登记数据，由县民政部门负责；", []),
        ("（二）档案数据，由省档案主管部门负责；", []),
        ("第八条 县级统计工作机构负责本县的数据汇总。", []),
        # guards: with its place, or beside a named body, it names a body
        ("（二）档案数据，由南京市档案主管部门负责；", [["南京市档案主管部门"]]),
        ("（三）档案数据，由档案主管部门、省档案馆负责；", [["档案主管部门", "省档案馆"]]),
    ],
)
def test_a_body_named_by_its_function_alone_is_a_kind(text: str, expected: list[list[str]]) -> None:
    assert marked(text, "430000") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（二）市商务局会同行业主管部门，对企业上报的数据进行核查。\n", [["*市商务局"]]),
        ("（二）市商务局会同市场监管部门、市财政局制定实施细则。\n", [["*市商务局", "市财政局"]]),
        ("（二）行业主管部门会同市商务局制定实施细则。\n", []),  # guard: a lead of a kind names no unit
    ],
)
def test_a_partner_of_a_kind_leaves_the_named_lead_answerable(text: str, expected: list[list[str]]) -> None:
    """X会同Y, Y a body named by its function alone (行业主管部门: whichever department holds it):
    X, which says whose it is, leads, as after 会同有关部门; a lead of a kind makes no note."""
    assert marked(text, "341600") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第九条 市商务局会同牵头单位组织开展绩效评价。\n", [["*市商务局"]]),
        ("第九条 市商务局会同责任单位在年底前组织验收。\n", [["*市商务局"]]),
        ("第九条 牵头单位组织开展绩效评价。\n", []),  # guard: the label alone names no body
    ],
)
def test_a_label_written_as_a_noun_is_a_body_of_a_kind(text: str, expected: list[list[str]]) -> None:
    """牵头单位, 主责单位 written without a colon, as a noun (会同主责单位组织…): whichever body holds
    the role, a kind, not a role word before a task; the partner of a named lead."""
    assert marked(text, "341600") == expected
