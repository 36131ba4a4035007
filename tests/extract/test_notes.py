"""Responsibility notes in every style the guidelines name, with their units and leads."""

from __future__ import annotations

import pytest

from extract import extract_text
from extract.gazetteer import Gazetteer
from extract.notes import first_lead_declaration
from extract.reading import read_document
from tests.conftest import ROOT, SAMPLES


def units_of(text: str, jurisdiction: str) -> list[list[str]]:
    """Each note's units as names, a leading ``*`` marking a lead."""
    extraction = extract_text(text, jurisdiction=jurisdiction)
    return [[("*" if u.lead else "") + u.name for u in note.units] for note in extraction.notes]


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        (
            "（一）建平台。（责任单位：省数字办，省委办公厅、机要局、保密局）",
            "350000",
            [["省数字办", "省委办公厅", "省委机要局", "省委保密局"]],
        ),
        ("（一）建平台。〔责任单位:省发改委、数字办〕", "350000", [["省发改委", "省数字办"]]),
        ("1.建平台。(责任部门:市发改委、财政局)", "350100", [["市发改委", "市财政局"]]),
        (
            "1.建平台。(牵头单位:市发改委;责任单位:市财政局、市数据局)",
            "350100",
            [["*市发改委", "市财政局", "市数据局"]],
        ),
        (
            "1.建平台。(牵头责任单位:市数据管理局;相关责任单位:市工信局等市直有关单位,福州古厝集团、数字福州集团)",
            "350100",
            [["*市数据管理局", "市工信局", "市直有关单位", "福州古厝集团", "数字福州集团"]],
        ),
        (
            "（一）放宽限制。（负责部门：商务部、海关总署；适用范围：所有自贸试验区）",
            "100000",
            [["商务部", "海关总署"]],
        ),
        ("一、优先支持。（市场监管总局负责）", "100000", [["市场监管总局"]]),
        ("（一）推进。（农业农村部、工业和信息化部牵头负责）", "100000", [["*农业农村部", "*工业和信息化部"]]),
        (
            "(一)推进。(省政务服务数据管理局、工业和信息化厅、市场监管局牵头)",
            "440000",
            [["*省政务服务数据管理局", "*省工业和信息化厅", "*省市场监管局"]],
        ),
        ("（一）推进。（市金融办牵头，市发改委配合）", "350100", [["*市金融办", "市发改委"]]),
        ("十六、支持。（国家发展改革委、财政部会同有关部门负责）", "100000", [["*国家发展改革委", "*财政部"]]),
        ("（一）推进。（市发改委、市工信局分别负责落实）", "350100", [["市发改委", "市工信局"]]),
        ("（一）推进。（市数据局牵头，市直各有关单位按职责分工负责）", "350100", [["*市数据局", "市直各有关单位"]]),
        ("（十九）推进。（财政部、教育部等和各省级人民政府负责）", "100000", [["财政部", "教育部", "各省级人民政府"]]),
        (
            "（一）推进。（配合单位：市财政局；数据提供单位：市统计局；完成时限：6月底）",
            "350100",
            [["市财政局", "市统计局"]],
        ),
        ("（一）推进。（市发改委〔市数据局〕、各县(市、区)政府负责）", "350100", [["市发改委", "各县（市、区）政府"]]),
        # a bracket of units alone that closes its item is a note (heldout4's 西安 plan), with or without a label
        ("（一）推进。（人民银行等部门，适用范围：浙江自贸试验区）", "100000", [["人民银行"]]),
        ("（一）推进（人民银行等部门，适用范围：浙江自贸试验区）工作。", "100000", []),
        ("（一）推进。（负责部门：人民银行等部门，适用范围：浙江自贸试验区）", "100000", [["人民银行"]]),
    ],
)
def test_note_styles(text: str, jurisdiction: str, expected: list[list[str]]) -> None:
    assert units_of(text, jurisdiction) == expected


@pytest.mark.parametrize(
    "text",
    [
        "（一）建设自由贸易试验区（以下简称自贸试验区）。",
        "（一）实施提升工程（二期）。",
        "（一）合理安排有关省（市）的用地计划。",
        "（一）在两年之内实行“直通车”机制（企业直接向国家发展改革委申报，不需省级发展改革部门转报）。",
        "（一）到2020年（含）完成。",
    ],
)
def test_brackets_that_are_not_notes(text: str) -> None:
    assert extract_text(text, jurisdiction="100000").notes == []


def test_first_listed_leads_from_the_declaration_on() -> None:
    text = (
        "1.甲。（财政部、商务部负责）\n"
        "2.乙。（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）\n"
        "3.丙。（海关总署、商务部负责）\n"
        "4.丁。（商务部、海关总署牵头负责）"
    )
    assert units_of(text, "100000") == [
        ["财政部", "商务部"],
        ["*税务总局", "财政部", "海关总署"],
        ["*海关总署", "商务部"],
        ["*商务部", "*海关总署"],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1.甲。（财政部负责）\n2.乙。（商务部、财政部负责，列第一位者为牵头部门，下同）",
        # the declaration takes the stop before it: the sentence is searched from there
        "（一）甲。（省发改委、省财政厅）。排名第一的单位为牵头单位，其余为配合单位。（二）乙。",
        # a rank and 牵头 in one sentence that declares nothing, then a declaration
        "第一批试点由省发改委牵头。（二）乙。（省财政厅、省商务厅；责任单位中第一个为牵头单位）",
        "（一）甲。（省发改委牵头）第一季度完成。",
    ],
)
def test_the_first_declaration_is_where_a_search_of_the_whole_text_finds_it(text: str, gazetteer: Gazetteer) -> None:
    whole = gazetteer.lexicon.first_lead_pattern.search(text)
    assert first_lead_declaration(text, gazetteer) == (whole.start() if whole else None)


def test_every_document_we_hold_has_its_first_declaration_where_the_whole_text_has_it(gazetteer: Gazetteer) -> None:
    """Searching only the sentences that hold a rank and 牵头 finds what a search of the whole text
    finds, in every document of the samples and of our annotated sets."""
    paths = [*SAMPLES.glob("*.txt"), *(ROOT / "tests" / "data" / "annotated").glob("*/corpus/*.txt")]
    declared = 0
    for path in paths:
        norm = read_document(path).norm
        whole = gazetteer.lexicon.first_lead_pattern.search(norm)
        assert first_lead_declaration(norm, gazetteer) == (whole.start() if whole else None), path.name
        declared += whole is not None
    assert len(paths) > 200 and declared >= 5


def test_declared_units_join_every_later_task() -> None:
    text = (
        "（一）甲。（商务部负责）以下任务均需各省级人民政府落实，不再一一列出。\n"
        "（二）乙。（海关总署负责）\n（三）丙。（财政部负责）"
    )
    extraction = extract_text(text, jurisdiction="100000")
    added = [[u.name for u in n.units if u.added_by_declaration] for n in extraction.notes]
    assert added == [[], ["各省级人民政府"], ["各省级人民政府"]]


def test_a_declaration_closed_by_xia_tong_joins_every_later_task() -> None:
    """下同 (likewise below) makes a declaration without 以下 carry forward: its units are no units
    of the note they stand in, and join each later one."""
    text = (
        "（一）甲。（商务部、财政部按职责分工负责。各项工作均涉及各省级人民政府，不再做分工，下同）\n"
        "（二）乙。（海关总署负责）"
    )
    extraction = extract_text(text, jurisdiction="100000")
    assert [[(u.name, u.added_by_declaration) for u in n.units] for n in extraction.notes] == [
        [("商务部", False), ("财政部", False)],
        [("海关总署", False), ("各省级人民政府", True)],
    ]


@pytest.mark.parametrize(
    "declaration",
    [
        "各县（市、区）政府均为责任单位，以下不再列出",  # a label, carried forward by its tail
        "各县（市、区）政府均为责任单位，下同",
        "以下任务各县（市、区）政府均需落实，不再一一列出",  # the units before the verb, as its subject
        "，各项措施均需各县（市、区）政府落实，以下不再列出",  # 以下 before the negation, after a comma
    ],
)
def test_a_declaration_inside_a_note_joins_every_later_task(declaration: str) -> None:
    """A declaration written inside a note after its units (…负责。X均为责任单位，以下不再列出) is
    no part of that note: its units join each later one."""
    separator = "" if declaration.startswith("，") else "。"
    text = f"（一）甲。（省财政厅牵头，省直有关单位按职责分工负责{separator}{declaration}）\n（二）乙。（省商务厅负责）"
    extraction = extract_text(text, jurisdiction="430000")
    assert [[(u.name, u.added_by_declaration) for u in n.units] for n in extraction.notes] == [
        [("省财政厅", False), ("省直有关单位", False)],
        [("省商务厅", False), ("各县（市、区）政府", True)],
    ]


def test_a_declaration_of_a_label_for_every_task_but_those_noted_joins_every_later_task() -> None:
    """除特别注明的外，X都是配合单位 gives X to every later task; the same sentence without the
    exception speaks of one task only."""
    text = (
        "各牵头单位要抓好落实。除特别注明的外，各县（市、区）政府和甲开发区、乙新区管委会都是配合单位。\n"
        "1.建平台。\n牵头单位：市数据局\n2.建网络。\n牵头单位：市通信办\n"
    )
    extraction = extract_text(text, jurisdiction="330700")
    added = [[u.name for u in n.units if u.added_by_declaration] for n in extraction.notes]
    assert added == [["各县（市、区）政府", "甲开发区管委会", "乙新区管委会"]] * 2
    local = "各牵头单位要抓好落实。各县（市、区）政府都是配合单位。\n1.建平台。\n牵头单位：市数据局\n"
    assert not any(u.added_by_declaration for n in extract_text(local, jurisdiction="330700").notes for u in n.units)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("市水务局、市林业局等市有关部门", ["市水务局", "市林业局"]),  # the level says only whose, as A's does
        ("市水务局等市直有关部门", ["市水务局", "市直有关部门"]),  # 市直: the bodies under the city, a unit
        ("市水务局等市政府有关部门", ["市水务局", "市政府有关部门"]),
    ],
)
def test_a_level_and_a_generic_noun_after_deng_are_a_qualifier(note: str, expected: list[str]) -> None:
    assert units_of(f"1.治理河道。（责任单位：{note}）", "330700") == [expected]


def test_a_sentence_naming_units_with_no_xia_tong_or_yi_xia_declares_nothing() -> None:
    text = "（一）甲。（商务部负责。具体任务涉及财政部，不再做分工）\n（二）乙。（海关总署负责）"
    extraction = extract_text(text, jurisdiction="100000")
    assert [[u.name for u in n.units] for n in extraction.notes if n.item == "（二）"] == [["海关总署"]]


def test_label_lines_after_an_item_are_one_note() -> None:
    text = "一、数字政府\n（一）建平台。\n牵头单位:区发改局\n责任单位:区财政局、区数据局\n（二）建网络。"
    extraction = extract_text(text, jurisdiction="350102")
    assert [(n.raw, n.item, n.style) for n in extraction.notes] == [
        ("牵头单位:区发改局;责任单位:区财政局、区数据局", "（一）", "label")
    ]
    assert [u.role for u in extraction.notes[0].units] == ["lead", "support", "support"]


@pytest.mark.parametrize(
    ("text", "raw", "units"),
    [
        (  # a table's next cell glued to the last unit, its field's name before a colon
            "（一）改造小区。\n牵头单位:区住建局\n责任单位:城南街道工作目标:年内改造小区5个、楼栋20栋。",
            "牵头单位:区住建局;责任单位:城南街道",
            ["*区住建局", "城南街道"],
        ),
        (  # a field the grammar knows stays in the note, as before
            "（一）改造小区。\n牵头单位:区住建局\n责任单位:城南街道\n完成时限:年底",
            "牵头单位:区住建局;责任单位:城南街道;完成时限:年底",
            ["*区住建局", "城南街道"],
        ),
    ],
)
def test_a_field_glued_to_the_last_unit_ends_the_label_block(text: str, raw: str, units: list[str]) -> None:
    extraction = extract_text(text, jurisdiction="350102")
    assert [n.raw for n in extraction.notes] == [raw]
    assert [("*" if u.role == "lead" else "") + u.name for u in extraction.notes[0].units] == units


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "（一）建平台。\n\n牵头单位:区发改局\n\n协办单位:区财政局\n\n技术支撑单位:区信息中心\n\n（二）建网络。",
            [["*区发改局", "区财政局", "区信息中心"]],
        ),
        ("（一）建平台。\n技术支撑单位:区信息中心\n（二）建网络。", [["区信息中心"]]),
        ("（一）建平台。\n网站支撑单位的职责如下：\n（二）建网络。", []),
        # a unit label joined to a person label; the unit's head, title and name, after it in its cell
        (
            "（一）建平台。\n牵头单位及责任人：区人社局 局长 陈国华\n配合单位：区总工会\n（二）建网络。",
            [["*区人社局", "区总工会"]],
        ),
        # a qualifier with digits: the items above it
        ("1.建平台。\n2.建网络。\n以上2项牵头单位：区发改局；责任单位：区财政局", [["*区发改局", "区财政局"]]),
    ],
)
def test_a_label_line_may_open_with_a_qualifier_the_grammar_does_not_know(text: str, expected: list[list[str]]) -> None:
    """技术|支撑单位 at a line's start is a label, as 次要|责任单位 is inside a note; a label in a
    phrase is none."""
    assert units_of(text, "350102") == expected


def test_label_block_covers_the_points_below_it() -> None:
    text = "（一）建平台\n牵头单位：区发改局\n配合单位：区财政局\n1.建设甲平台。\n2.建设乙系统。\n（二）其他。"
    extraction = extract_text(text, jurisdiction="350102")
    (task,) = extraction.tasks
    assert "甲平台" in task.text and "乙系统" in task.text and "其他" not in task.text


def test_flattened_table_rows() -> None:
    text = (
        "序号\t工作任务\t责任单位\t完成时限\n"
        "1\t推进数字金融\t市金融办、市发改委分别牵头落实\t2025年底\n"
        "2\t建设城市大脑\t市数据局\t6月底\n"
    )
    assert units_of(text, "350100") == [["*市金融办", "*市发改委"], ["市数据局"]]


def test_flattened_rows_with_merged_cells_align_on_the_right() -> None:
    """A heading merged over its tasks leaves the rows below it short of a cell on the left,
    and a header cell may span the heading, number and task columns: between ``|`` marks the
    unit column is the row's last cell (the closing bars hold none)."""
    text = (
        "具 体 要 求 | 责任科室 | ||\n"
        "一、抓好公开。 | 1 | 更新网站栏目。 | 办公室牵头,各股室配合 |\n"
        "2 | 公开政策解读。 | 法规股 | |\n"
        "工作任务 | 具体要求 | 责任部门 |\n"
        "二、做好回应。 | 3.回应关切。 | 各科室 |\n"
        "4.收集舆情。 | 办公室牵头,各科室配合 | |\n"
    )
    assert units_of(text, "340321") == [["*办公室", "各股室"], ["法规股"], ["各科室"], ["*办公室", "各科室"]]


def test_a_cell_between_marks_takes_its_own_column_s_role() -> None:
    """Between tabs or bars an empty cell keeps its place: the unit after it is its column's, a
    lead under 牵头单位 even where the support column before it is empty."""
    text = (
        "序号\t任务\t协同单位\t牵头单位\n"
        "1\t建设智慧停车\t县公安局、县城管局\t县住建局\n"
        "2\t整治农村道路\t\t县交通运输局\n"
    )
    assert units_of(text, "330127") == [["县公安局", "县城管局", "*县住建局"], ["*县交通运输局"]]
    piped = "任务|牵头单位|责任单位\n建设智慧停车|县住建局|县公安局\n整治农村道路||各乡镇人民政府\n"
    assert units_of(piped, "330127") == [["*县住建局", "县公安局"], ["各乡镇人民政府"]]


def test_a_unit_column_may_name_its_people_in_brackets() -> None:
    """责任单位（责任人）: a unit column whose header names the people beside the units."""
    text = "序号|工作任务|责任单位（责任人）\n1|整治背街小巷|区城管局（张某）、各街道\n"
    assert units_of(text, "330106") == [["区城管局", "各街道"]]


def test_rows_short_of_a_cell_stand_where_their_unit_column_holds_units() -> None:
    """A ledger's row may lack its empty last cells or a cell merged with its neighbour, and a
    line of a bar alone parts its rows: a narrower row stands where its unit column holds units."""
    text = (
        "序号 | 任务 | 具体措施 | 责任科室 | 时限 | 说明 |\n"
        "1 | 办好网站 | 每周更新栏目 | 综合科、财务科等分别负责 | 年底 |\n"
        "|\n"
        "2 | 公开预算决算 | 计财科 | 8月 |\n"
        "|\n"
    )
    assert units_of(text, "440100") == [["综合科", "财务科"], ["计财科"]]


def test_notes_accept_ascii_and_full_width_punctuation_alike() -> None:
    full = units_of("（一）甲。（责任单位：省发改委、数字办，省大数据公司）", "350000")
    ascii_ = units_of("(一)甲。(责任单位:省发改委、数字办,省大数据公司)", "350000")
    assert full == ascii_ == [["省发改委", "省数字办", "省大数据公司"]]


def test_offsets_point_at_the_note_in_the_text() -> None:
    text = "（一）建平台。（责任单位：省数字办、档案局）"
    note = extract_text(text, jurisdiction="350000").notes[0]
    assert text[note.start : note.end] == "（责任单位：省数字办、档案局）"
    assert [text[u.start : u.end] for u in note.units] == ["省数字办", "档案局"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the partners go on in a clause of their own after 以及
            "一、建设全省统一的视频会议系统，由省通信管理局牵头，会同省财政厅、省工信厅，以及各地级市和省直相关单位，"
            "抓紧提出方案。",
            [["*省通信管理局", "省财政厅", "省工信厅", "各地级市", "省直相关单位"]],
        ),
        (  # a collective of places joined to a collective of units by 和
            "二、完善数据目录。（责任单位：省大数据局、各地级市和省直相关单位）",
            [["省大数据局", "各地级市", "省直相关单位"]],
        ),
        (  # guard: 和 inside a name joins no units
            "三、推进改革。（责任单位：省发展和改革委员会、省工业和信息化厅）",
            [["省发展和改革委员会", "省工业和信息化厅"]],
        ),
        (  # zones written bare share the institution of the last zone of the run
            "四、建设园区平台。（责任单位：市商务局，丙经开区、丁高新区管委会）",
            [["市商务局", "丙经开区管委会", "丁高新区管委会"]],
        ),
        (  # guard: districts written bare and no institution after them
            "五、建设园区平台。（责任单位：戊区、己区）",
            [["戊区", "己区"]],
        ),
        (  # a level above the provinces written alone shares the body after it as a place does
            "七、推行垃圾分类。（责任单位：市机关事务局，中央、省驻邵单位）",
            [["市机关事务局", "中央驻邵单位", "省驻邵单位"]],
        ),
        (  # level words joined (leagues and cities, banners and counties) share the body after them
            "六、健全养老服务网络。（自治区民政厅，各盟市、旗县（市、区）人民政府）",
            [["自治区民政厅", "各盟市人民政府", "各旗县（市、区）人民政府"]],
        ),
        (  # the bracket after a named place's level is that place's: the body shared goes without it
            "八、保护遗产。（责任单位：市、遗产点所在县（市、区）人民政府）",
            [["市人民政府", "遗产点所在县（市、区）人民政府"]],
        ),
    ],
)
def test_collectives_of_places_are_units_of_a_list(text: str, expected: list[list[str]]) -> None:
    assert units_of(text, "440000") == expected


def test_a_note_wrapped_over_lines_of_a_printed_page_is_one_note() -> None:
    """A copy of a printed page breaks lines mid-sentence, inside a note and inside a unit's
    name; a line ending in a stop, or a next line opening an item, is no wrap."""
    wrapped = "1．完善数据目录，推进数据资源\n共享。（由市数据局牵头，市发展\n改革委、市财政局负责）\n2．建设平台。"
    extraction = extract_text(wrapped, jurisdiction="320500")
    assert [[("*" if u.lead else "") + u.name for u in n.units] for n in extraction.notes] == [
        ["*市数据局", "市发展改革委", "市财政局"]
    ]
    assert extraction.notes[0].raw == "由市数据局牵头，市发展改革委、市财政局负责"
    unclosed = "1．完善数据目录（详见附件。\n2．建设平台（由市数据局负责）"
    assert units_of(unclosed, "320500") == [["市数据局"]]
    labelled = extract_text("1．建设平台。\n责任单位：  市数据局\n配合单位：市财政局\n", jurisdiction="320500")
    assert [n.raw for n in labelled.notes] == ["责任单位：  市数据局;配合单位：市财政局"]  # label lines are no wrap
    one_label = extract_text("1．建设平台。\n责任单位：  市数据局\n", jurisdiction="320500")
    assert [n.raw for n in one_label.notes] == ["市数据局"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "3．由市大数据中心牵头负责平台运维和安全保障，市财政局、市审计局配合做好资金监管。",
            [["*市大数据中心", "市财政局", "市审计局"]],
        ),
        ("3．由市大数据中心负责平台运维，市财政局负责资金保障。", [["市大数据中心"], ["市财政局"]]),
        # the task before 由, then partners with a task of their own
        ("3．数据归集由区大数据中心负责，各部门配合提供数据。", [["区大数据中心", "各部门"]]),
        ("3．数据归集由区大数据中心负责，区财政局负责经费保障。", [["区大数据中心"], ["区财政局"]]),
        (
            "3．开放数据。（数据开放由市数据局牵头，市财政局配合；目录编制由市发改委牵头，市统计局配合）",
            [["*市数据局", "市财政局", "*市发改委", "市统计局"]],
        ),
        # a subject without 由, with a modal before its role and before its partners' role
        ("3．区大数据中心负责数据归集，各部门配合提供数据。", [["区大数据中心", "各部门"]]),
        (
            "3．市大数据中心要牵头做好平台运维，各区政府要积极配合，确保按期完成。",
            [["*市大数据中心", "各区政府"]],
        ),
        ("3．市大数据中心负责平台运维，市财政局为配合单位。", [["市大数据中心", "市财政局"]]),
    ],
)
def test_partners_after_a_lead_that_went_on_with_its_task(text: str, expected: list[list[str]]) -> None:
    """Partners supporting a lead whose task came first (由X牵头负责A，Y配合做好B, A由X负责，Y配合做好B,
    X要牵头做好A，Y要积极配合) belong to its note; another unit responsible for a task of its own
    does not; a topic before 由 in any clause of a note is no part of a unit."""
    assert units_of(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2.推进水库清淤。会议强调，市水利局牵头，市财政局、市生态环境局等部门密切配合，尽早完工。",
            [["*市水利局", "市财政局", "市生态环境局"]],
        ),
        ("2.推进水库清淤，市水利局牵头，相关部门配合，尽早完工。", [["*市水利局", "相关部门"]]),
        ("2.市水利局牵头，市财政局负责资金，市审计局负责监督。", [["*市水利局", "市财政局"], ["市审计局"]]),
        ("2.市水利局负责清淤，市财政局负责资金。", [["市水利局"], ["市财政局"]]),
        (
            "2.市委办、市政府办和市数据局分工负责，由市数据局负责建设全市统一平台。",
            [["市委办", "市政府办", "市数据局"], ["市数据局"]],
        ),
    ],
)
def test_role_clauses_after_a_role_with_no_task_are_one_note(text: str, expected: list[list[str]]) -> None:
    """A subject that takes its role and no task (X牵头，) and the role clauses after it, up to
    the first that goes on with its task, are one note, as after 由; subjects each with a task of
    their own are notes of their own, and so is a clause opening with 由 (由Y负责建设…)."""
    assert units_of(text, "320500") == expected


def test_a_subject_answerable_for_the_lead_role_leads() -> None:
    """负责A的牵头抓总 makes the subject the lead of A; 的牵头单位 names another unit, not the role."""
    led = "（三）市数字政府领导小组负责全市数据治理工作的牵头抓总、统筹协调，推动建立工作机制。"
    assert units_of(led, "320500") == [["*市数字政府领导小组"]]
    assert units_of("（三）市财政局负责向项目的牵头单位拨付资金。", "320500") == [["市财政局"]]


def test_a_label_may_join_other_unit_heads_to_its_own() -> None:
    """责任部门、单位: names departments and other units alike; a lead label before it leads
    alone."""
    text = "1.建设市级数据共享平台。（牵头部门：市大数据中心；责任部门、单位：各区政府、市政府有关部门）"
    assert units_of(text, "310000") == [["*市大数据中心", "各区政府", "市政府有关部门"]]
    assert units_of("1.建平台。（责任单位和部门：市数据局、市财政局）", "310000") == [["市数据局", "市财政局"]]


def test_a_label_may_give_its_head_another_name_in_brackets() -> None:
    """落实科室（部门）names the same column as 落实科室, in a header copied one cell to a line
    and before a colon; a bureau's own office under it is a unit."""
    table = (
        "工作任务\n\n具体要求\n\n落实科室（部门）\n\n"
        "做好预算公开\n\n1.按时公开部门预算和决算。\n\n财务审计科\n\n"
        "2.做好网站栏目维护。\n\n办公室\n"
    )
    assert units_of(table, "442000") == [["财务审计科"], ["办公室"]]
    assert units_of("1.做好预算公开。\n责任单位（部门）：财务审计科、办公室\n", "442000") == [["财务审计科", "办公室"]]


def test_a_table_copied_with_each_cells_lines_kept() -> None:
    """Cells open at ``|`` and a lone ``|`` ends a row, whose unit cells are one note; a lead cell
    written down a narrow column and merged over two rows is one unit and a note of its own, and
    a row short of it lacks its first cell; in a unit column a district stands for its
    government, and a run's level reaches no zone or place."""
    table = (
        "主办单位\n| 重 点 工 作\n| 协 办 单 位\n|\n"
        "区数\n据局\n| 建设城市运行管理平台，汇聚各街道视频资源\n| 区财政局、经开区、天宁区\n|\n"
        "推进政务数据共享\n| 区公安分局\n|\n"
    )
    assert units_of(table, "320402") == [["*区数据局"], ["区财政局", "经开区", "天宁区"], ["区公安分局"]]
    unmerged = "序号\n| 工作任务\n| 牵头科室\n| 配合科室\n|\n1\n| 做好预算公开\n| 办公室\n| 各科室\n|\n"
    assert units_of(unmerged, "320402") == [["*办公室", "各科室"]]  # a row's cells are one note


def test_a_table_whose_cells_close_at_a_bar() -> None:
    """Cells copied one to a line, each closed by ``|`` at its end and each row by a lone ``|``
    (here in Traditional script): the unit column's cells are the notes."""
    table = (
        "|\n某縣2024年民生實事清單 |\n||||\n|\n序號 |\n項目名稱 |\n建設時間 |\n責任單位 |\n|\n"
        "1 |\n學校改造項目 |\n2024 |\n教體局 |\n|\n2 |\n道路建設項目 |\n2024 |\n住建局 |\n|\n"
    )
    assert units_of(table, "610723") == [["教体局"], ["住建局"]]


def test_a_header_spaced_out_in_a_row_parted_by_spaces() -> None:
    """A header cell spaced out to fill its width (工 作 任 务) is one cell when spaces part the
    row's cells; 牵头负责部门 composes a lead's modifier with one of duty."""
    table = "序号 工 作 任 务 牵头负责部门\n1 新增就业100万人 人力资源社会保障部\n2 新建基站1万个 工业和信息化部\n"
    assert units_of(table, "100000") == [["*人力资源社会保障部"], ["*工业和信息化部"]]


def test_a_cell_of_two_lines_between_bars_is_one_cell() -> None:
    """In a table copied one cell to a line between ``|`` lines, two people in one cell keep
    the unit cell after them in its column's place, where it may be written short."""
    table = (
        "序号\n|\n工作任务\n|\n责任领导\n|\n责任单位\n|\n"
        "1\n|\n1.建成一体化政务服务平台。\n|\n张 三\n李 四\n|\n数据局\n|\n"
        "2\n|\n2.推进电子证照应用。\n|\n王 五\n|\n区行政审批局\n|\n"
    )
    assert units_of(table, "320509") == [["数据局"], ["区行政审批局"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2．开放公共数据。（责任单位：市数据局（牵头）、市公安局）", [["*市数据局", "市公安局"]]),
        ("2．开放公共数据。（市数据局（牵头单位）、市公安局（配合））", [["*市数据局", "市公安局"]]),
        ("2．开放公共数据。（责任单位：市数据局〔牵头〕，市公安局）", [["*市数据局", "市公安局"]]),
        ("2．开放公共数据。（责任单位：市公安局、市数据局【牵头】）", [["市公安局", "*市数据局"]]),
        ("2．开放公共数据。（市数据局为牵头单位，市公安局为配合单位）", [["*市数据局", "市公安局"]]),
        ("2．开放公共数据。（市数据局负总责，市公安局配合）", [["市数据局", "市公安局"]]),
        ("2．开放数据。（市数据局统筹，市公安局、市财政局按各自职能负责）", [["市数据局", "市公安局", "市财政局"]]),
        ("2．开放公共数据。（市数据局负责，市公安局支持）", [["市数据局", "市公安局"]]),
        ("2．建设基站。（市工信局、市电信分公司分工负责）", [["市工信局", "市电信分公司"]]),
        ("2．开放公共数据。（责任单位：市公安局、市数据局（牵头））", [["市公安局", "*市数据局"]]),
        ("2．开放公共数据。（市公安局、市数据局为牵头单位）", [["*市公安局", "*市数据局"]]),
        ("2．开放公共数据。（责任单位：市数据局、市公安局，其中市数据局牵头）", [["市公安局", "*市数据局"]]),
    ],
)
def test_a_role_written_apart_from_the_run(text: str, expected: list[list[str]]) -> None:
    """牵头/配合 after a unit in brackets of any kind (its own role, not the run's), after a copula as a
    label (the run's), and 其中X牵头 among units already listed, each give that unit its role and
    the others theirs; 负总责, 统筹 and 支持 are roles (the guidelines' leads are marked 牵头),
    after adverbials of duty (按各自职能)."""
    assert units_of(text, "450100") == expected


def test_a_body_named_by_who_leads_it_is_no_note_however_long() -> None:
    """建立由X统筹、Y参与的机制 names a mechanism; its 由 clause, over two role clauses, is no note."""
    text = "3．建立由市政府办公室统筹，其他部门共同参与的联动协调机制。"
    assert units_of(text, "450100") == []


@pytest.mark.parametrize("mark", ["；", "，"])
def test_a_division_of_duties_names_partners_after_the_first_duty(mark: str) -> None:
    """``X：负责A；会同Y做B`` or ``X：负责A，会同Y做B`` (a unit's duties after a colon): X leads, Y
    supports; a duty with no partner leaves X alone."""
    text = (
        f"二、职责分工\n1．市数据局：负责建设数据共享平台{mark}会同市财政局制定资金管理办法。\n"
        "2．市公安局：负责人口库的维护，统筹推进网络安全。\n"
    )
    assert units_of(text, "320500") == [["*市数据局", "市财政局"], ["市公安局"]]


def test_townships_and_sub_districts_stand_for_their_governments() -> None:
    """A sub-district or a township (丹凤街道, 亭子镇) leads or supports as its government does,
    in running text and in brackets; a word that only ends like one (城乡统筹) is no unit."""
    text = "会议要求，由丹凤街道牵头，县自然资源局、亭子镇配合，在12月底前完成土地处置任务。"
    assert units_of(text, "530323") == [["*丹凤街道", "县自然资源局", "亭子镇"]]
    assert units_of("（一）处置土地。（丹凤街道牵头，县自然资源局配合）", "530323") == [["*丹凤街道", "县自然资源局"]]
    assert units_of("（二）推进城乡统筹，加快发展。", "530323") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（三）整治河道，石门乡人民政府负责日常巡查。", [["石门乡人民政府"]]),
        ("（三）整治河道，县水务局、石门乡政府负责日常巡查。", [["县水务局", "石门乡政府"]]),
        ("（三）整治河道，和平街道办事处、县水务局负责。", [["和平街道办事处", "县水务局"]]),
        # a township's name before a body of its own that is no township's (…乡村建设办公室)
        ("（三）整治河道，美丽乡村建设办公室负责日常巡查。", []),
    ],
)
def test_a_township_s_own_body_says_whose_it_is(text: str, expected: list[list[str]]) -> None:
    """A township's government, office or party committee (石门乡人民政府, 和平街道办事处) as the
    subject of a role says whose it is, as the township's name alone does."""
    assert units_of(text, "421000") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（三）建设助餐点。乡（镇、街道）负责选址，县民政局负责补贴。", [["乡"], ["县民政局"]]),
        ("（三）建设助餐点。乡（镇）、村（社区）负责日常运营。", [["乡", "村"]]),
        ("（三）管护设施。各村（社区）负责日常管护，镇水利站给予指导。", [["各村", "镇水利站"]]),
        ("（三）管护设施。（责任单位：县水利局，各社区）", [["县水利局", "各社区"]]),
        # in running text they say whose the body after them is
        ("（三）管护设施。乡（镇）人民政府和县水利局加强指导和监督。", [["乡（镇）人民政府", "县水利局"]]),
        # only whole: 农村 ends in 村, and elides no level of a run
        ("（三）推进。（县发展改革局、农业农村局负责）", [["县发展改革局", "县农业农村局"]]),
        ("（三）推进农村饮水工程，确保稳定运行。", []),
        # township words run together, alone, are every township too; inside a name they are none
        ("（三）清理关闭，由乡镇牵头，县执法局配合。", [["*乡镇", "县执法局"]]),
        ("（三）管护设施。乡镇街道负责日常管护。", [["乡镇街道"]]),
        ("（三）加强乡镇卫生院建设，提升服务能力。", []),
    ],
)
def test_places_below_the_county_written_by_their_level_words(text: str, expected: list[list[str]]) -> None:
    """Level words alone, one with the others in brackets after it (乡（镇、街道）, 村（社区）), run
    together (乡镇, 乡镇街道), or a grassroots level after 各 (各村, 各社区), stand for each such place's
    body, as 各乡镇 does."""
    assert units_of(text, "421000") == expected


def test_the_person_in_charge_is_no_role() -> None:
    """负责人 is the person in charge of a unit: a sentence about them names no note."""
    text = "会上，县住建局、县交通局负责人依次汇报了工作情况。县住建局负责工作日常调度。"
    assert units_of(text, "511123") == [["县住建局"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 行 ends a bank's name (工行, 支行), not the verb 执行
        ("（二）推进。区税务局严格执行牵头单位制度。", []),
        ("（二）推进。（人民银行某某中心支行、区金融办负责）", [["人民银行某某中心支行", "区金融办"]]),
        # a body's word that is a noun of the dictionary (人防办) though its last two characters are a verb's
        ("（二）推进。区人防办负责防空工程的监督检查。", [["区人防办"]]),
    ],
)
def test_a_verb_ends_no_body_s_name(text: str, expected: list[list[str]]) -> None:
    """A name ends in an organisation's word, but not where that character ends a verb."""
    assert units_of(text, "330106") == expected


def test_a_prefecture_s_or_a_banner_s_level_reaches_the_short_names_after_it() -> None:
    """州, 地区 (地委) and 旗 are levels as 市 and 县 are: a short name after a unit written with one
    takes it."""
    assert units_of("（二）办好民族节庆。（责任单位：州文化和旅游局、民宗委、财政局）", "622900") == [
        ["州文化和旅游局", "州民宗委", "州财政局"]
    ]
    assert units_of("（二）办好那达慕。（责任单位：旗文体旅游局、卫健委）", "150000") == [["旗文体旅游局", "旗卫健委"]]
    assert units_of("（三）普及学前教育。（责任单位：地区财政局、人社局，地委组织部、宣传部）", "652900") == [
        ["地区财政局", "地区人社局", "地委组织部", "地委宣传部"]
    ]


def test_a_short_name_stands_for_a_unit_named_before_with_its_level() -> None:
    """A sentence's subject written without its level (水利局负责…) is a unit when the text named
    it with one before (县水利局); named nowhere, it is no note."""
    text = "谁来管？县水利局和县交通局一起管。水利局负责审批，交通局负责验收。"
    assert units_of(text, "433123") == [["水利局"], ["交通局"]]
    assert units_of("谁来管？水利局负责审批。", "433123") == []
    # a township's level, or a run of its bodies that opens with it (a body's name may open with 市场)
    text = "一、组织领导\n成员单位：镇社事办、市场监督管理所。\n二、职责分工\n社事办负责宣传，市场监督管理所负责执法。"
    assert units_of(text, "320585") == [["社事办"], ["市场监督管理所"]]


def test_a_body_named_after_a_place_keeps_its_own_name_in_a_run() -> None:
    """A run's level reaches a standard institution written short (财政局 → 区财政局, and
    海洋与渔业局, whose first word jieba's dictionary also tags a place), not a body whose name
    opens with a place's name (漕河泾管委会, 临港管委会)."""
    text = "（一）建设平台。（区商务局、漕河泾管委会、财政局、海洋与渔业局、临港管委会负责）"
    assert units_of(text, "310115") == [["区商务局", "漕河泾管委会", "区财政局", "区海洋与渔业局", "临港管委会"]]


def test_a_modal_between_a_unit_and_its_role() -> None:
    """``县水利局要负责…`` names the bureau, as ``县水利局负责…`` does; after a collective a modal
    exhorts (各部门要负责做好宣传), and names no unit, unless the collective's are partners of a
    lead (由X牵头负责A，各部门要积极配合)."""
    text = "（三）加强监管。县水利局要负责对整合资金的使用情况进行审计。各部门要负责做好宣传。"
    assert units_of(text, "510824") == [["县水利局"]]
    partners = "（四）加强协作。由县水利局牵头负责资金审计，县财政局、县直各部门要积极配合。"
    assert units_of(partners, "510824") == [["*县水利局", "县财政局", "县直各部门"]]  # partners of a lead


def test_partners_named_right_after_the_role_word() -> None:
    """``X负责会同Y做A`` names Y as X's partner, as ``X会同Y负责`` does: X leads, Y supports."""
    text = "（二）管好资金。县财政局负责会同县发改局做好资金拨付，统筹安排项目。"
    assert units_of(text, "510824") == [["*县财政局", "县发改局"]]


def test_a_row_number_before_a_bar_is_the_row_s_item() -> None:
    text = (
        "序号 | 工作任务 | 牵头单位 | 配合单位\n"
        "1 | 建设统一的数据平台 | 区数据局 | 区财政局\n"
        "2 | 推进政务服务事项网上办 | 区政务服务中心 | 各街道\n"
    )
    extraction = extract_text(text, jurisdiction="330106")
    assert [(n.item, [u.name for u in n.units]) for n in extraction.notes] == [
        ("1", ["区数据局", "区财政局"]),
        ("2", ["区政务服务中心", "各街道"]),
    ]


@pytest.mark.parametrize(
    ("text", "jurisdiction", "expected"),
    [
        ("（四）整治占道经营。由区城管局牵头，公安、市场监管局配合。", "330106", [["*区城管局", "公安", "市场监管局"]]),
        ("（四）整治占道经营。由区城管局牵头，市场监管局、公安配合。", "330106", [["*区城管局", "市场监管局", "公安"]]),
        ("（五）落实经费。市财政负责安排专项资金。", "330100", [["市财政"]]),
        # alone, a field is as often the work as the body: no note
        ("（五）落实经费。财政负责安排专项资金。", "330100", []),
        ("（六）提升服务。政务服务协同水平明显提升。", "330100", []),
    ],
)
def test_a_department_s_field_is_a_unit_with_its_level_or_beside_a_body(
    text: str, jurisdiction: str, expected: list[list[str]]
) -> None:
    assert units_of(text, jurisdiction) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（三）优化审批。由市商务局会同市政府办公室、市财政局研究办理。", [["*市商务局", "市政府办公室", "市财政局"]]),
        # a verb that only opens as an organisation's word does (组) is the task's
        ("（三）优化审批。由市商务局会同市信息化办组织编制审批网站建设指南。", [["*市商务局", "市信息化办"]]),
        # nor on over a predicate into a list of what the task takes (组织|有关机构、专家)
        ("（三）优化评估。由市科技局会同市财政局组织有关机构、专家开展评估。", [["*市科技局", "市财政局"]]),
    ],
)
def test_a_body_s_name_goes_on_past_a_shorter_body(text: str, expected: list[list[str]]) -> None:
    """A partner's name does not stop before an organisation's word (市政府|办公室, 县发改|局), and
    goes on no further than the body (市信息化办|组织编制)."""
    assert units_of(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（二）关于数据开放。市政府办公厅明确由市数据局会同市财政局研究办理。", [["*市数据局", "市财政局"]]),
        ("（二）关于数据开放。经研究，由我委会同区财政局研究办理。", [["*我委", "区财政局"]]),
        # the writer's body telling what it did gives no note
        ("（二）关于数据开放。我委会同区财政局认真研究，现答复如下。", []),
        # partners after the comma of a lead with no task, then their task
        ("（三）由县医保局牵头，会同县卫健局、县财政局制定结算办法。", [["*县医保局", "县卫健局", "县财政局"]]),
        ("（三）由县医保局牵头，会同有关部门制定结算办法。", [["*县医保局"]]),
        # partners in the clause after the subject's own: X leads, as before 会同 anywhere
        (
            "（四）建设平台。县数据局负责平台建设，会同县财政局、县规划自然资源局做好资金保障。",
            [["*县数据局", "县财政局", "县规划自然资源局"]],
        ),
        # a partner's name goes on past a department's field (市场) to the mark that lists the next
        ("（三）由县商务局会同县市场监管局、县财政局制定办法。", [["*县商务局", "县市场监管局", "县财政局"]]),
    ],
)
def test_the_agent_a_task_is_given_to_leads_with_its_partners(text: str, expected: list[list[str]]) -> None:
    """``X明确由Y会同Z办理``: Y, after 由, leads; the writer's own body (我委) is a unit there."""
    assert units_of(text, "330106") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（二）做好轮换。市粮食局会同市财政局、农发行市支行组织轮换。", [["*市粮食局", "市财政局", "农发行市支行"]]),
        (
            "（二）做好轮换。省粮食局牵头，省财政厅和农业发展银行湖南省分行参与，研究建立机制。",
            [["*省粮食局", "省财政厅", "农业发展银行湖南省分行"]],
        ),
        ("（二）做好调查。市统计局会同国家统计局某某调查队开展抽样。", [["*市统计局", "国家统计局某某调查队"]]),
    ],
)
def test_a_branch_s_name_goes_on_past_its_parent_s(text: str, expected: list[list[str]]) -> None:
    """A branch written after its parent and the place or level it serves (农发行|市支行) is one
    unit, and says whose it is as a unit with a level does."""
    assert units_of(text, "430100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（二）保护生态。市生态环境局要严格落实生态保护红线监管责任。", [["市生态环境局"]]),
        ("（二）保护生态。市生态环境局要认真落实监管责任。", [["市生态环境局"]]),  # guard: as before
    ],
)
def test_an_adverb_of_manner_stands_before_a_duty(text: str, expected: list[list[str]]) -> None:
    assert units_of(text, "430100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）汇聚数据。各区（含经开区，下同）负责组织本区数据汇聚。", [["各区"]]),
        ("（一）汇聚数据。区数据局（区政务服务中心，下同）负责平台建设，区财政局配合。", [["区数据局", "区财政局"]]),
    ],
)
def test_a_comma_inside_brackets_ends_no_clause(text: str, expected: list[list[str]]) -> None:
    """A scope or second name in brackets after a subject may hold a comma (含经开区，下同): the
    clause, and the subject, go on past it."""
    assert units_of(text, "110000") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（二）做好保障。区教育局要抓紧修订招生办法，会同区财政局落实经费。", [["*区教育局", "区财政局"]]),
        ("（二）做好宣传。区文旅局在各景区设置咨询台，并会同区市场监管局开展检查。", [["*区文旅局", "区市场监管局"]]),
        # past other clauses, a phrase of time or a comma of the narrow width
        (
            "（二）做好储备。区应急局应当完善储备清单，按照分级原则，每年汛期前会同区财政局核查。",
            [["*区应急局", "区财政局"]],
        ),
        ("（二）做好储备。区应急局应当完善储备清单 , 会同区财政局核查 。", [["*区应急局", "区财政局"]]),
        # bodies in general exhorted, an adverbial that opens the sentence, a role of another clause: none
        ("（二）做好保障。各部门要高度重视，会同区财政局落实经费。", []),
        ("（二）做好保障。按照区教育局的要求，会同区财政局落实经费。", []),
        # the clause with a role of its own is the note
        ("（二）做好保障。区教育局修订办法，区财政局负责经费，会同区审计局审计。", [["*区财政局", "区审计局"]]),
    ],
)
def test_partners_in_a_later_clause_act_with_the_subject_of_the_sentence(text: str, expected: list[list[str]]) -> None:
    """``X要做A，会同Y做B`` and ``X在…做A，并会同Y做B``: X, the sentence's subject, leads and Y
    supports, as in ``X会同Y做B``; clauses with no units of their own may stand between."""
    assert units_of(text, "330106") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第九条 各部门网站的日常维护由本级政府、本部门自行负责。", []),
        ("第九条 各部门网站的日常维护由本单位负责。", []),
        ("第九条 各部门网站的日常维护由区数据局自行负责。", [["区数据局"]]),
        ("（二）建设平台。（责任单位：本局办公室、区数据局）", [["本局办公室", "区数据局"]]),
        ("二、其他事项由所属业务主管部门和本级政务服务管理机构实施双重管理。", []),
        # bodies in general, alone, name none either
        ("一、将失信名单纳入信用平台，由相关部门实施联合惩戒。", []),
        ("（三）由区数据局牵头，有关部门配合。", [["*区数据局", "有关部门"]]),
    ],
)
def test_a_unit_relative_to_its_reader_names_no_body(text: str, expected: list[list[str]]) -> None:
    """本级政府, 本部门 and 所属主管部门 are each reader's own, no body; 本局办公室 is the writer's.
    自行 is an adverb of the role. 相关部门 alone in running text names no body."""
    assert units_of(text, "330106") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）建设平台。\n各级政务机关按照各自的职责负责本系统信息化建设。\n", [["各级政务机关"]]),
        ("第五条 各级政务机关按照各自的职责负责本系统信息化建设的组织实施。\n", [["各级政务机关"]]),
        ("（一）建设平台。\n区直机关按照职责分工负责。\n", [["区直机关"]]),
        ("第八条 区政府门户网站是区政府实施网上办事的总平台。\n", []),
    ],
)
def test_what_a_body_s_name_may_hold_and_what_ends_it(text: str, expected: list[list[str]]) -> None:
    """机关 ends a body's name as 机构 does; 按照各自的职责 is an adverbial of duty as 按照各自职责
    is; a run holding 的 (…建设的|组织实施) or a copula (网站|是|区政府|实施) is a clause, no body's
    name."""
    assert units_of(text, "330106") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("正文\n区人民政府办公室关于加强区政府门户网站建设的实施\n", []),
        # a preposition opening the verb's object makes a clause, no run of units
        ("第五条 区数据局对全区政务服务平台实施统一管理。\n", []),
        ("正文\n区人民政府办公室关于加强区政府门户网站建设的实施意见\n一、区数据局负责建设。\n", [["区数据局"]]),
    ],
)
def test_a_title_names_no_unit(text: str, expected: list[list[str]]) -> None:
    """X关于Y的Z is a document's title, its issuer and its subject: no run of units, even where a
    line ends in a role word (…的实施, a title cut short); nor is X对Y (区数据局|对|全区…平台)."""
    assert units_of(text, "330106") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（三）强化组织。县乡村振兴工作专班牵头，各乡镇配合。", [["*县乡村振兴工作专班", "各乡镇"]]),
        # a clause that sets a body up lists no unit; the body named again is the unit
        ("（三）强化组织。组建县数据治理工作组，工作组负责日常调度。", [["工作组"]]),
        ("（三）强化组织。成立智慧城市建设领导小组，领导小组负责统筹推进。", [["领导小组"]]),
    ],
)
def test_a_task_force_is_a_body_and_setting_one_up_names_no_unit(text: str, expected: list[list[str]]) -> None:
    assert units_of(text, "510824") == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("市发展改革委市财政局", ["市发展改革委", "市财政局"]),  # two lines of a narrow column, each full
        ("市委网信办市大数据局市财政局", ["市委网信办", "市大数据局", "市财政局"]),
        ("市发展和改革委员会", ["市发展和改革委员会"]),  # one body: nothing to part
        ("市政府各部门", ["市政府各部门"]),  # a collective of one body's departments
        ("市教育局各相关县区政府", ["市教育局", "各相关县区政府"]),  # a body, then the places' governments
        ("市卫健委各乡镇（街道）", ["市卫健委", "各乡镇"]),  # as 市卫健委、各乡镇（街道） reads
        ("市商务局相关处室", ["市商务局相关处室"]),  # the bureau's own divisions: one collective
    ],
)
def test_units_written_without_a_separator_are_parted_where_each_resolves(cell: str, expected: list[str]) -> None:
    row = f"序号 | 重点任务 | 责任单位 |\n1 | 建设城市数据底座 | {cell} |"
    assert units_of(row, "350100") == [expected]


def test_a_body_named_in_two_unit_columns_of_a_row_answers_once_in_its_stronger_role() -> None:
    """A table with a 责任单位 column and a 牵头单位 column names the lead in both: one unit, leading."""
    table = (
        "序号\t事项\t责任单位\t牵头单位\n"
        "1\t粮食产量稳定在10万吨以上。\t县农业农村局、县水利局、县财政局\t县农业农村局\n"
        "2\t城镇新增就业3000人。\t县人社局\t县人社局\n"
    )
    assert units_of(table, "330127") == [["*县农业农村局", "县水利局", "县财政局"], ["*县人社局"]]


@pytest.mark.parametrize(
    ("note", "jurisdiction", "expected"),
    [
        # the plan's own place without its level word says whose a body is: no run's level reaches it
        (
            "（一）甲。（责任单位：区交通局、埇桥邮政管理局、区商务局）",
            "341302",
            ["区交通局", "埇桥邮政管理局", "区商务局"],
        ),
        # 市|政务数据办 opens with the level, where 市政公用局 opens with the word 市政
        (
            "（一）甲。（责任单位：市市场监管局、市政务数据办、市政公用局）",
            "330400",
            ["市市场监管局", "市政务数据办", "市市政公用局"],
        ),
    ],
)
def test_a_run_s_level_reaches_no_body_that_says_whose_it_is(note: str, jurisdiction: str, expected: list[str]) -> None:
    assert units_of(note, jurisdiction) == [expected]


def test_rows_merged_on_the_left_are_rows_of_their_own() -> None:
    """A table copied a cell to a line whose matters share one merged number and name: each
    matter with its department is a row, aligned on the right; 涉及部门 and 办理部门 name units."""
    table = (
        "序号\n\n事项名称\n\n关联事项\n\n涉及部门\n\n"
        "1\n\n新生儿出生\n\n出生医学证明\n\n县卫健委\n\n户口登记\n\n县公安局\n\n医保参保登记\n\n县医保局\n\n"
        "2\n\n退休\n\n退休审批\n\n县人社局\n"
    )
    assert units_of(table, "330127") == [["县卫健委"], ["县公安局"], ["县医保局"], ["县人社局"]]
    handled = "序号\n\n事项\n\n办理部门\n\n1\n\n不动产登记\n\n县自然资源局\n"
    assert units_of(handled, "330127") == [["县自然资源局"]]
    stacked = "序号\n\n任务\n\n牵头单位\n\n1\n\n完成节能任务\n\n县发改局\n\n县生态环境分局\n"
    assert units_of(stacked, "330127") == [["*县发改局", "*县生态环境分局"]]  # two units stacked in one cell


def test_a_question_asking_which_bodies_answer_names_none() -> None:
    assert units_of("数字乡村建设的五项任务由哪些部门牵头？何单位负责验收？\n", "330127") == []


def test_labels_after_a_person_s_label_on_one_line_are_one_block() -> None:
    """牵头领导：X；牵头单位：A；配合单位：B written on the item's line is one note, as on lines of
    their own; the person is no unit."""
    text = "（九）做好衔接。牵头领导：王某；牵头单位：区政务办；配合单位：区司法局、区财政局\n"
    assert units_of(text, "330205") == [["*区政务办", "区司法局", "区财政局"]]


def test_brackets_of_labels_one_after_the_other_are_one_note() -> None:
    text = (
        "9. 推进共享。【牵头单位：县数据局】【配合单位：县公安局、县民政局】\n"
        "10. 建设平台（二期）（责任单位：县数据局）\n"  # a bracket of no label before one: two notes at most
    )
    assert units_of(text, "330226") == [["*县数据局", "县公安局", "县民政局"], ["县数据局"]]


def test_a_long_run_of_units_is_the_subject_of_its_role() -> None:
    """A subject may name many units, a development zone's committee among them, well past the
    length of a short sentence's subject: it is still read unit by unit."""
    text = (
        "（二）市科技局、苏州高新技术产业开发区管理委员会、农业农村局、文化广电和旅游局、"
        "退役军人事务局、卫生健康委员会、应急管理局等单位负责报送本行业数据。"
    )
    assert units_of(text, "320500") == [
        [
            "市科技局",
            "苏州高新技术产业开发区管理委员会",
            "市农业农村局",
            "市文化广电和旅游局",
            "市退役军人事务局",
            "市卫生健康委员会",
            "市应急管理局",
        ]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（八）各县区负责本地数据的归集。", [["各县区"]]),
        ("（八）有关县市负责本地数据的归集。", [["有关县市"]]),
        ("（八）市数据局、各县区负责本地数据的归集。", [["市数据局", "各县区"]]),
        ("（八）各县区要负责本地数据的归集。", []),
    ],
)
def test_a_collective_of_places_is_the_subject_of_its_role(text: str, expected: list[list[str]]) -> None:
    """A collective of places (各县区) stands for their governments as subject, alone or after a
    body; with a modal it exhorts, as 各部门要负责 does."""
    assert units_of(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("其中，市数据局参与的工作如下：\n（一）建设平台。", []),
        ("（一）市数据局负责的任务有三项。", []),
        ("（一）市数据局牵头的“一网通办”建设已经完成。", [["*市数据局"]]),
    ],
)
def test_a_role_describing_a_units_work_assigns_none(text: str, expected: list[list[str]]) -> None:
    """A role before 的 and a work noun (参与的工作如下) describes the unit's work in general; before
    a task (牵头的“一网通办”建设) it names who leads the task."""
    assert units_of(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1.建设平台。 分管领导：副市长王五 部门分工：市数据局牵头，市财政局等配合。 推广应用。",
            [["*市数据局", "市财政局"]],
        ),
        ("1.建设平台。 部门分工：市数据局牵头，市财政局等配合。 推广应用。", [["*市数据局", "市财政局"]]),
        # the sentences right after it that open with a unit label go on with the block
        ("1.建设平台。牵头单位：市数据局。配合单位：市公安局、市人社局。", [["*市数据局", "市公安局", "市人社局"]]),
        ("1.建设平台。牵头单位：市数据局。各部门要加强配合。", [["*市数据局"]]),
    ],
)
def test_a_label_block_after_a_full_stop_is_its_sentence(text: str, expected: list[list[str]]) -> None:
    """Labels after a full stop inside a line (a table's row run together) make a note up to the
    sentence's end, the next sentence no part of it; labels naming people may open it."""
    assert units_of(text, "350100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）外网业务由市数据局统筹协调。", []),
        ("（一）市数据局统筹指导各区开展数据治理。", [["市数据局"]]),
        ("（一）开放数据。（市数据局统筹，市财政局配合）", [["市数据局", "市财政局"]]),
    ],
)
def test_coordinating_is_an_adverb_of_a_role_not_a_role(text: str, expected: list[list[str]]) -> None:
    """统筹 in running text coordinates, it names no unit answerable (统筹协调); before a role
    (统筹指导) it is the role's adverb; a bracket after an item is a note all the same."""
    assert units_of(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）市信息中心承担市级电子政务的建设工作。", []),
        ("（一）建设平台。（承担单位：市信息中心）", [["市信息中心"]]),
        ("（一）市信息中心负责平台建设，承担运维工作。", [["市信息中心"]]),
    ],
)
def test_undertaking_work_is_no_role(text: str, expected: list[list[str]]) -> None:
    """X承担…工作 tells what a body does, as annotators of unseen plans read it: no note; 承担单位
    is a label all the same, and a 负责 before it still makes the note."""
    assert units_of(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近年来，市数据局积极推进政务服务平台建设。", []),
        ("（一）建设平台。（推进单位：市数据局）", [["市数据局"]]),
        ("（一）建设平台。市数据局牵头推进，市财政局配合。", [["*市数据局", "市财政局"]]),
    ],
)
def test_advancing_work_is_no_role(text: str, expected: list[list[str]]) -> None:
    """X推进Y tells what a body does (no gold note holds it), as 承担 does: no note; 推进单位 is a
    label all the same, and 牵头推进 leads."""
    assert units_of(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.办好民生实事\n新建口袋公园8个。\n责任单位：\n区城管局、区住建局", [["区城管局", "区住建局"]]),
        ("3.办好民生实事\n牵头单位:\n区城管局\n配合单位:\n各街道", [["*区城管局", "各街道"]]),
        # a form's fields copied as a table: bars around the units are no part of them
        ("重点任务: | 建设口袋公园 |\n责任单位: | 区城管局、区住建局 |", [["区城管局", "区住建局"]]),
        # one unit to a line under the label, up to a line that is none
        ("3.办好民生实事\n责任单位：\n区城管局\n区住建局\n4.建设口袋公园", [["区城管局", "区住建局"]]),
    ],
)
def test_a_label_ending_its_line_takes_the_units_on_the_next(text: str, expected: list[list[str]]) -> None:
    """A label with its colon at the end of a line, its units on the line below, reads as a label
    alone on its line does (责任单位 / 卫健局)."""
    assert units_of(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（三）完善平台。区大数据中心主要负责平台日常运维。", [["区大数据中心"]]),
        ("各镇主要负责同志要亲自部署。", []),
        ("会上，区教育局主要负责人通报了情况。", []),
        ("（三）完善平台。区大数据中心切实履行牵头职责。", [["*区大数据中心"]]),
        # a subject that states its duties before naming them
        ("（三）完善平台。区大数据中心的主要职责是：负责平台日常运维。", [["区大数据中心"]]),
        # and one that lists its duties with no role word after the colon
        ("（三）完善平台。区大数据中心主要职责为：开发平台，维护数据。", [["区大数据中心"]]),
        ("（三）完善平台。中心成立于2019年，其主要职责是：开发平台。", []),
        # under the glued headings of a section and its item, copied on one line
        ("三、责任分工（一）牵头单位职责区财政局主要职责为：牵头编制预算。", [["*区财政局"]]),
    ],
)
def test_mainly_is_an_adverb_of_a_role(text: str, expected: list[list[str]]) -> None:
    """X主要负责Y: 主要 says what X mostly does, it answers all the same; 主要负责人 and 主要负责同志
    are people. X切实履行牵头职责: X performs the role, and leads. X的主要职责是：负责A, or X主要职责为：A:
    X answers. 其主要职责是 names no body."""
    assert units_of(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a division of duties by unit, each body and a colon before what it does, no role word first
        ("四、分工\n县文旅局：统筹景区秩序整治；县交通局：对非法营运车辆依法查处。", [["县文旅局"], ["县交通局"]]),
        ("四、分工\n县文旅局：全面负责景区宣传。县交通局：根据指挥部部署，参与整治。", [["县文旅局"], ["县交通局"]]),
        # a role right after the colon keeps its own reading, with its partners
        ("四、分工\n县文旅局：负责景区宣传；会同县交通局整治秩序。", [["*县文旅局", "县交通局"]]),
        # a headline opening the text reports what a body says; a field and its value are no duty
        ("县文旅局：到2025年建成智慧景区\n正文", []),
        ("四、分工\n联系电话：12345678。办公地点：县政府大楼。", []),
        ("三、通知公告\n县文旅局：关于做好景区整治工作的通知。", []),  # an issuer and its document's title
        ("五、要求\n各成员单位：要高度重视，认真落实。", []),  # a collective exhorted, as 各部门要… is
        # an item titled by a body alone, its duty the paragraph below
        (
            "四、职责分工\n\n（一）县文旅局\n\n统筹景区秩序整治。\n\n（二）县交通局\n\n在客运管理中落实整治要求。",
            [["县文旅局"], ["县交通局"]],
        ),
        ("四、职责分工\n（一）县文旅局\n牵头统筹景区秩序整治。", [["*县文旅局"]]),
        # a task's title is no body, whatever its last character (布局, 机制), nor a system
        ("三、主要任务\n（一）优化城乡结构布局\n推进县城建设。\n（二）电子政务外网\n完成升级改造。", []),
    ],
)
def test_a_division_of_duties_by_unit_names_each_body(text: str, expected: list[list[str]]) -> None:
    """A list of duties by unit, each body alone before a colon (县交通局：对…依法查处) or as an
    item's title above its paragraph ((一)县文旅局 / 统筹…), makes each body answerable for what
    follows it, whatever verb or preposition opens its duty."""
    assert units_of(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a level term of the law that holds 的 (设区的市) is part of a body's name, no clause
        ("第九条 省生态环境厅应当会同各设区的市人民政府建立联防机制。", [["*省生态环境厅", "各设区的市人民政府"]]),
        # which of the collective a place's part says (沿湖, 太湖流域): each body says whose it is
        ("第六条 太湖流域各级人民政府应当对本行政区域的水环境质量负责。", [["太湖流域各级人民政府"]]),
        ("第六条 沿湖各乡镇人民政府负责日常巡查。", [["沿湖各乡镇人民政府"]]),
        ("第六条 加强对各级人民政府的考核。", []),
        # partners of a range of levels are a kind, no body named, as 有关部门 are: the body before 会同 leads
        ("第九条 省林业局应当会同县级以上地方人民政府有关部门加强监测。", [["*省林业局"]]),
        ("第九条 县级以上地方人民政府有关部门应当加强监测。", []),
        # an office whose online counterpart is a system (电子税务局) is a body by its own name
        ("（三）优化办税。市财政局、市税务局负责落实。", [["市财政局", "市税务局"]]),
    ],
)
def test_a_collective_of_places_named_by_where_or_a_legal_level(text: str, expected: list[list[str]]) -> None:
    """各设区的市人民政府 names the governments of the cities divided into districts; 太湖流域各级人民政府
    those of the basin: both are units, as 各县人民政府 is."""
    assert units_of(text, "320000") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本届论坛由省商务厅主办，省贸促会承办，共签约项目30个。", []),
        ("主办单位：某县人民政府办公室\u3000承办单位：某县信息中心\n网站标识码：1234560001", []),
        ("（二）推进园区建设。县经信局主办，县财政局协办。", [["*县经信局", "县财政局"]]),
        ("（二）推进园区建设。（县经信局主办）", [["*县经信局"]]),
    ],
)
def test_hosting_alone_names_no_unit_answerable(text: str, expected: list[list[str]]) -> None:
    """主办 and 承办 alone say who holds an event or runs a site; beside a partner's role (协办),
    or in a bracket closing an item, they divide a task."""
    assert units_of(text, "320500") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）建设平台。【责任单位】市发改委、市财政局", [["市发改委", "市财政局"]]),
        ("1.建设平台\n【牵头单位】市发改委\n【配合单位】市财政局", [["*市发改委", "市财政局"]]),
        (
            "（七）牵头单位：市发改委\n配合单位：市财政局\n（八）牵头单位：市数据局\n配合单位：市公安局",
            [["*市发改委", "市财政局"], ["*市数据局", "市公安局"]],
        ),
    ],
)
def test_labels_in_brackets_or_after_an_item_marker_open_a_block(text: str, expected: list[list[str]]) -> None:
    """A label set in brackets (【责任单位】) reads as one before a colon; a label right after an
    item's marker opens a block of that item, which the next item's marker closes."""
    assert units_of(text, "370200") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（五）建设平台。牵头单位为市数据局。", [["*市数据局"]]),
        ("（六）建设平台，责任单位为市数据局、市财政局。", [["市数据局", "市财政局"]]),
        ("（七）建设平台。（市民政局、市财政局负责，第一责任单位为牵头单位）", [["*市民政局", "市财政局"]]),
        ("第四条 牵头单位为各项任务的第一责任人，负责统筹推进。", []),  # what a label means
        # after a qualifier of a few characters: which task (该项工作), a subset (其中)
        ("（八）建设平台。该项工作牵头单位为市数据局，市财政局为配合单位。", [["*市数据局", "市财政局"]]),
        ("（九）建设平台。其中牵头单位：市数据局。", [["*市数据局"]]),
    ],
)
def test_a_label_before_a_copula_reads_as_before_a_colon(text: str, expected: list[list[str]]) -> None:
    """责任单位为A at a clause's start names A as 责任单位：A does; a label after the copula
    declares which unit leads, and a phrase with 的 says what the label means."""
    assert units_of(text, "370200") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5.强化考核。市委督查室、市政府督查室负责督促检查。", [["市委督查室", "市政府督查室"]]),
        ("10.推进建设。（各区县政府负主体责任，市数据局加强指导）", [["各区县政府", "市数据局"]]),
    ],
)
def test_a_role_phrase_is_read_up_to_a_word_s_end(text: str, expected: list[list[str]]) -> None:
    """A run of role words whose last opens the task's word (负责|督促检查) is read up to the
    longest role phrase that ends a word; 负主体责任 bears the responsibility, a role."""
    assert units_of(text, "500000") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（一）推进。区民政局、区司法局按照属地管理原则抓好落实。", [["区民政局", "区司法局"]]),
        ("（一）推进。区民政局按照“谁主管、谁负责”的原则抓好落实。", [["区民政局"]]),
        ("（一）推进。区民政局根据工作需要负责组织实施。", [["区民政局"]]),
        # what the duties are divided by: sector, field, territory
        ("（一）推进。区发改局、经信局按行业分别负责培育。", [["区发改局", "区经信局"]]),
        ("（一）推进。区民政局、区司法局按领域分别牵头。", [["*区民政局", "*区司法局"]]),
        # in a later clause of a chain of roles too
        ("（一）推进。区卫健委牵头，区教育局按照属地管理要求配合。", [["*区卫健委", "区教育局"]]),
        # a verb after the preposition's object: no adverbial, the clause is no note
        ("（一）推进。各有关部门依职责管理指导本系统工作。", []),
    ],
)
def test_an_adverbial_of_manner_may_stand_between_units_and_their_role(text: str, expected: list[list[str]]) -> None:
    """A duty preposition and a phrase ending in a duty or manner noun (按照属地管理原则) stand
    between the units and their role; a role word a quotation holds (“谁负责”) is a slogan's."""
    assert units_of(text, "330106") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第五条 试验区生态环境局负责试验区内排污许可的日常监管。", [["试验区生态环境局"]]),
        ("（三）做好招商。园区管委会负责入园企业的服务保障，园区财政局配合。", [["园区管委会", "园区财政局"]]),
        ("（三）做好招商。引进企业负责人员培训。", []),  # guard: no body, no note
    ],
)
def test_an_area_s_word_says_whose_a_body_is(text: str, expected: list[list[str]]) -> None:
    """A word naming an area (试验区, 园区) that opens a body's name says whose the body is, as a
    level does: the subject of a role is a unit then."""
    assert units_of(text, "410000") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第三条 区、县人民政府对本辖区饮用水水源保护工作负责，组织有关部门落实。", [["区人民政府", "县人民政府"]]),
        ("第六条 区卫生健康局对辖区内医疗废物的收集处置负责。", [["区卫生健康局"]]),
        # a role with a task after it, 负责人, a predicate of its own: no fronted object
        ("第七条 区教育局对新任校长负责人员开展培训。", []),
        ("第八条 区政府对此高度重视，区应急局负责统筹协调。", [["区应急局"]]),
    ],
)
def test_an_object_fronted_by_a_preposition_before_a_role_ending_its_clause(
    text: str, expected: list[list[str]]
) -> None:
    """``X对Y负责``: what the units answer for, fronted by 对 before a role word that ends its
    clause, stands between them and their role; the units before it are the subject."""
    assert units_of(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第六条 市政府统筹全市节水工作，组织有关部门落实。", []),
        ("第七条 市政府统筹全市节水工作，协调市直有关部门配合。", []),
        ("第八条 组织部负责干部培训，市直各部门配合。", [["组织部", "市直各部门"]]),  # guard: a body's word
    ],
)
def test_a_verb_before_a_collective_is_no_unit(text: str, expected: list[list[str]]) -> None:
    """A verb and a collective after it (组织|有关部门落实) are a predicate and its object, the
    subject the sentence's before them: no unit."""
    assert units_of(text, "330100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第四条 市12345热线服务中心负责12345热线的建设运营。", [["市12345热线服务中心"]]),
        ("第五条 区政务服务中心负责110联动平台的日常维护。", [["区政务服务中心"]]),
        ("南宁市人民政府主办2022年第3期", []),  # guard: a gazette's masthead, no task
    ],
)
def test_a_task_may_open_with_a_number(text: str, expected: list[list[str]]) -> None:
    """A task may open with a number (负责12345热线…, a hotline's); only a number of a year, an
    issue or a document after the verb (主办2022年第3期) says a gazette's masthead, no task."""
    assert units_of(text, "450100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "（二）做好就业服务。市就业局会同市财政局、市人力资源社会保障局制定补贴办法。",
            [["*市就业局", "市财政局", "市人力资源社会保障局"]],
        ),
        ("（二）做好就业服务。市就业局会同市人力资源社会保障局制定补贴办法。", [["*市就业局", "市人力资源社会保障局"]]),
        ("（二）做好帮扶。市民政局会同市委社会工作部制定办法。", [["*市民政局", "市委社会工作部"]]),
    ],
)
def test_a_partner_s_name_goes_on_past_a_word_ending_as_a_body(text: str, expected: list[list[str]]) -> None:
    """A partner's name goes on past a word that ends as a body's does (社会, 会 of a society) into
    a word that ends one (人力资源社会|保障局): the name is the longer."""
    assert units_of(text, "370100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "（一）管护农田。镇农业服务中心牵头，镇财政所参与，年内完成责任书签订工作。",
            [["*镇农业服务中心", "镇财政所"]],
        ),
        ("（二）化解纠纷。街道综治中心负责矛盾纠纷排查，每月报告一次。", [["街道综治中心"]]),
        ("（三）保护水源。镇江市水利局负责水源地巡查。", [["镇江市水利局"]]),  # guard: a city, no township
    ],
)
def test_a_township_s_word_says_whose_a_body_is(text: str, expected: list[list[str]]) -> None:
    """A township's word standing as a word before a body's name (镇|财政所, 街道|综治中心) says
    whose the body is, as a level does, in a township's own plan."""
    assert units_of(text, "321100") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（三）管护设施。所在乡（镇）人民政府和县水利局加强指导和监督。", [["所在乡（镇）人民政府", "县水利局"]]),
        ("（三）管护设施。所在地县级人民政府负责日常巡查。", [["所在地县级人民政府"]]),
    ],
)
def test_where_a_thing_is_says_whose_a_body_is(text: str, expected: list[list[str]]) -> None:
    """所在 (where the thing is) before a level or place says whose the bodies are, as 有关 does:
    each such place's."""
    assert units_of(text, "513300") == expected


def test_a_title_repeated_over_two_lines_is_no_note() -> None:
    """The title written again above the body, wrapped over two lines with the 的 the title drops
    and its place before it (淮海市聚焦企业关切进一步落实 / 营商环境的若干措施), is the title: its
    first line, a subject and a role word, is no note."""
    text = (
        "淮海市人民政府关于印发淮海市聚焦企业关切进一步落实营商环境若干措施的通知\n"
        "各区人民政府，市各有关部门：\n"
        "现将《淮海市聚焦企业关切进一步落实营商环境若干措施》印发给你们，请认真贯彻执行。\n\n"
        "淮海市聚焦企业关切进一步落实\n\n营商环境的若干措施\n\n"
        "一、推行证明事项告知承诺制。（责任单位：市司法局）\n"
    )
    assert units_of(text, "320800") == [["市司法局"]]


def test_a_column_label_may_follow_what_its_units_answer_for() -> None:
    """A unit column's header may open with what its units answer for (整改|责任单位, 落实|牵头单位),
    and name a township's stations and offices (责任站所); a header cell naming units (市直相关部门)
    stays units."""
    text = (
        "| 序号 | 问题 | 整改措施 | 整改责任单位 | 整改时限 |\n"
        "| 1 | 审批时限压缩不到位 | 压缩承诺时限 | 县数据局、县司法局 | 6月底 |\n"
        "| 2 | 管护机制不健全 | 建立管护机制 | 县水利局，各乡镇人民政府 | 9月底 |\n"
    )
    assert units_of(text, "360700") == [["县数据局", "县司法局"], ["县水利局", "各乡镇人民政府"]]
    text = "序号\t工作任务\t分管领导\t责任站所\n1\t完成农田整治\t副镇长 张某\t镇农业农村办、镇自然资源所\n"
    assert units_of(text, "360700") == [["镇农业农村办", "镇自然资源所"]]


def test_a_role_in_a_cell_after_the_task_s_cell() -> None:
    """A unit cell that names roles (X牵头，Y配合) after the task's cell of its row: the subject
    starts in the unit cell, past the tab, not in the task's."""
    text = "序号\t工作措施\t责任单位\n1.\t建立用工服务专员制度\t市人社局牵头，市工信局、市商务局配合\n"
    assert units_of(text, "330100") == [["*市人社局", "市工信局", "市商务局"]]
    # guard: a unit's cell, then its duties in the next cell
    assert units_of("成员单位\t主要职责\n市城市管理局\t负责市容环境卫生整治。\n", "330100") == [["市城市管理局"]]


def test_a_bracket_that_only_declares_who_leads_is_no_note() -> None:
    """An annotation in brackets that only declares the first unit listed leads (注：责任单位中排在
    第一位的为牵头单位) names no unit; the declaration holds for the rows after it."""
    text = (
        "（注：责任单位中排在第一位的为牵头单位，下同）\n"
        "序号\t民生实事\t责任单位\n"
        "1\t新增学位3000个\t区教育局、区财政局\n"
    )
    assert units_of(text, "330100") == [["*区教育局", "区财政局"]]


def test_an_attachment_marker_ends_a_table() -> None:
    """An attachment's marker alone on its line (附件2) opens another part: the table above ends
    there, and a contact list under it (单位 | 联络员) is read under no unit column."""
    text = (
        "附件1\n序号\t重点任务\t牵头单位\t配合单位\n1\t推行清单管理\t州政务服务局\t州直有关部门\n"
        "附件2\n各责任单位联络员\n单位\t联络员\t联系电话\n州政务服务局\t王某\t0000-1\n"
    )
    assert units_of(text, "522600") == [["*州政务服务局", "州直有关部门"]]


def test_a_column_label_may_name_the_level_whose_units_it_holds() -> None:
    """A unit column's header may open with the level whose units it holds (州级|牵头单位,
    县市|责任单位): each takes its label's role."""
    text = (
        "序号\t工作任务\t州级牵头单位\t州级配合单位\t县市责任单位\n"
        "1\t推进示范创建\t州民宗委\t州教育局\t各县市人民政府\n"
    )
    assert units_of(text, "522600") == [["*州民宗委", "州教育局", "各县市人民政府"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "一、推进建设。（责任单位：省卫生健康委，各设区市（含新区，下同）人民政府）",
            [["省卫生健康委", "各设区市人民政府"]],
        ),
        (
            "序号\t重点任务\t责任单位\n1\t推进建设\t省医保局，各设区市（含新区，下同）人民政府\n",
            [["省医保局", "各设区市人民政府"]],
        ),
        ("一、推进建设。（责任单位：县（市、区）人民政府）", [["县（市、区）人民政府"]]),  # guard: levels, no scope
    ],
)
def test_a_scope_note_inside_a_unit_s_name_is_no_part_of_it(text: str, expected: list[list[str]]) -> None:
    """A scope note in brackets inside a unit's name (各设区市（含新区，下同）人民政府) says what the
    places include: the unit is named without it."""
    assert units_of(text, "360000") == expected


def test_an_assessment_table_one_cell_to_a_line() -> None:
    """A table of assessment copied one cell to a line: the header names the units by what they
    answer for (负责|督查|部门, as 负责部门); a row of totals under it (合计 / 60) and each section's
    score (一、 / 加强组织 / 20) are no rows, for rows count from 1 and go on across sections; a
    criteria cell wrapped over lines leaves the unit cell last in its row."""
    text = (
        "某县2030年度乡镇安全生产工作考核细则\n"
        "序号\n考核内容\n分值\n评分标准\n负责督查部门\n合计\n60\n"
        "一、\n加强组织\n20\n"
        "1\n健全工作机构\n8\n按要求配齐专职人员、\n落实工作经费，得8分。\n县应急管理局\n"
        "2\n开展宣传培训\n12\n1.组织安全培训，得6分。\n2.开展宣传活动，\n得6分。\n县委宣传部\n县应急管理局\n"
        "二、\n消除隐患\n40\n"
        "3\n排查整治隐患\n40\n建立隐患台账，整改到位，得40分。\n县消防救援大队\n"
    )
    assert units_of(text, "360700") == [["县应急管理局"], ["县委宣传部", "县应急管理局"], ["县消防救援大队"]]


def test_a_table_copied_onto_one_line_with_blanks_between_its_cells() -> None:
    """A whole table on one line, its header among the cells (工作任务 牵头单位 责任单位 工作要求):
    each row's cells of units after its numbered task are a note, the first the lead's where the row
    fills both unit columns, all answerable alike where it fills one."""
    text = (
        "县科技局2020年工作任务分解表 工作任务 牵头单位 责任单位 工作要求 "
        "1.推进项目申报 规划科 各有关股室 及时组织企业申报项目。 2.加强科普宣传 办公室 全年开展宣传活动。"
    )
    assert units_of(text, "350128") == [["*规划科", "各有关股室"], ["办公室"]]
    # without a header of unit columns, blanks part no cells of units
    assert units_of("1.推进项目申报 规划科 各有关股室 及时组织企业申报项目。", "350128") == []


def test_a_declared_role_phrase_makes_the_units_before_it_lead() -> None:
    """分工负责为各部门按职责分别牵头，下同: from the note that declares it on, the units before that
    phrase lead and the others keep their role; a plain 负责 elsewhere is not the phrase declared."""
    text = (
        "1.加强监管。（市卫健委、市医保局按职责分工负责，市财政局配合，分工负责为各部门按职责分别牵头，下同）\n"
        "2.完善制度。（市民政局、市教育局按职责分工负责，市审计局配合）\n"
        "3.强化保障。（市财政局负责）\n"
    )
    assert units_of(text, "130100") == [
        ["*市卫健委", "*市医保局", "市财政局"],
        ["*市民政局", "*市教育局", "市审计局"],
        ["市财政局"],
    ]


def test_a_heading_run_on_before_its_first_item_on_one_line() -> None:
    """A guide copied onto one line: a section's title and its first item's marker before the
    item's subject (一、机构及职责 (一)X负责…) are no part of the subject."""
    text = "制定本指南。 一、政府信息公开机构及职责 (一)拉萨市人民政府办公室负责市政府信息公开工作。"
    assert units_of(text, "540100") == [["拉萨市人民政府办公室"]]
    # without the item's marker the title runs into the subject, which names no unit then
    assert units_of("制定本指南。 政府信息公开机构及职责拉萨市人民政府办公室负责市政府信息公开工作。", "540100") == []


def test_an_item_titled_by_a_body_and_a_full_stop() -> None:
    """(一)区房管局。负责…: an item whose title names a body alone, ended by a full stop, and whose
    duty opens with a role phrase on the same line: the body answers; a task's title is none."""
    text = (
        "（一）区房管局。负责定期召开工作例会，安排全年排查工作。\n"
        "（二）虹房集团。负责组织对各类公房进行安全排查。\n"
        "（三）支持海外仓建设布局。指导企业优化海外仓布局。\n"
    )
    assert units_of(text, "310109") == [["区房管局"], ["虹房集团"]]


def test_fields_before_deng_and_the_noun_for_departments_are_kinds() -> None:
    """市交通运输、综合行政执法等部门: each field's departments, kinds of body; a note whose units are
    all kinds names none, and a named body keeps its note."""
    assert units_of("第二十一条 市公安机关交通管理部门应当会同市交通运输、综合行政执法等部门制定办法。", "460200") == []
    assert units_of("第二十二条 市公安局应当会同人民银行等部门制定办法。", "460200") == [["*市公安局", "人民银行"]]


def test_a_rank_written_in_digits_declares_the_first_listed_the_lead() -> None:
    """排名第1为牵头单位，下同: the rank in Arabic digits declares as 第一 does."""
    text = (
        "（一）推动创新。（责任单位：省科技厅、省工业和信息化厅，排名第1为牵头单位，下同）\n"
        "（二）强化监管。（责任单位：省市场监管局、省工业和信息化厅）\n"
    )
    assert units_of(text, "130000") == [["*省科技厅", "省工业和信息化厅"], ["*省市场监管局", "省工业和信息化厅"]]


def test_a_body_s_kind_alone_first_names_the_writer_s_own() -> None:
    """部信息中心负责…, 局办公室负责… in a ministry's or a bureau's own plan: the writer's body's
    unit, as 本部信息中心 would be; a word that opens with the same character is none (部门, 局长)."""
    text = "（一）部行风办负责统筹协调。\n（二）部规划财务司、部信息中心负责数据共享。\n（三）局办公室负责汇总。\n"
    assert units_of(text, "100000") == [["部行风办"], ["部规划财务司", "部信息中心"], ["局办公室"]]
    assert units_of("（一）部门办公室负责协调。\n（二）局长办公室负责汇总。\n", "100000") == []


def test_a_body_of_a_township_no_gazetteer_holds_says_whose() -> None:
    """大肚川镇人民政府办公室负责…: a township's name and its word before a body say whose the body is,
    though the township's name is a common word's characters (大肚) the gazetteer does not hold; so
    does the body a designation names (申请受理机构为X，负责…)."""
    text = (
        "四、大肚川镇人民政府办公室负责全镇政府信息公开工作。\n"
        "五、政府信息公开的申请受理机构为大肚川镇政务公开领导小组办公室，负责日常工作。\n"
    )
    assert units_of(text, "231086") == [["大肚川镇人民政府办公室"], ["大肚川镇政务公开领导小组办公室"]]


def test_an_area_s_body_keeps_its_own_name_in_a_run() -> None:
    """区委编办、园区党工委: a body whose name opens with an area's word (园区, 示范区) is that area's,
    so the run's level (区委) does not reach it; a body without one takes it (区委编办、宣传部)."""
    text = "1.牵头单位:区委组织部;协办单位:区委编办、园区党工委、各街道党工委\n2.责任单位:区委编办、宣传部\n"
    expected = [["*区委组织部", "区委编办", "园区党工委", "各街道党工委"], ["区委编办", "区委宣传部"]]
    assert units_of(text, "110107") == expected


def test_an_item_s_title_run_on_into_its_first_subject() -> None:
    """A copy on one line runs an item's title into the subject after it (四、工作要求交通运输部要牵头…,
    3.立卡建档各乡镇负责…): past the title the subject says whose it is; a subject that says so from
    the item's start keeps every word (1.各县区各部门负责…)."""
    text = "报告国务院。四、工作要求交通运输部要牵头做好联席会议各项工作。"
    assert units_of(text, "100000") == [["*交通运输部"]]
    assert units_of("3.立卡建档各乡镇负责建立信息档案。", "350128") == [["各乡镇"]]
    assert units_of("1.各县区各部门负责落实。", "350128") == [["各县区各部门"]]
