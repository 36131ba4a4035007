"""Document metadata from the bundled samples."""

from __future__ import annotations

import pytest

from extract import extract_file, extract_text
from tests.conftest import SAMPLES


def test_provincial_notice() -> None:
    meta = extract_file(SAMPLES / "fujian_2021_digital_scrambled.txt").metadata
    assert meta.title == "2021年数字福建工作要点"
    assert meta.issuer == "福建省人民政府办公厅"
    assert (meta.signed, meta.published) == ("2021-05-26", "2021-06-02")
    assert meta.addressees[:2] == ["各市、县（区）人民政府", "平潭综合实验区管委会"]
    assert (meta.jurisdiction, meta.jurisdiction_level) == ("350000", "province")


def test_state_council_notice_with_a_title_over_two_lines() -> None:
    meta = extract_file(SAMPLES / "gov_2018_38_ftz_reform_measures.txt").metadata
    assert meta.title == "国务院关于支持自由贸易试验区深化改革创新若干措施的通知"
    assert (meta.doc_number, meta.issuer, meta.jurisdiction) == ("国发〔2018〕38号", "国务院", "100000")
    assert meta.addressees == ["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]


def test_issuer_from_the_signature() -> None:
    meta = extract_file(SAMPLES / "guangdong_2023_digital_gov.txt").metadata
    assert (meta.title, meta.issuer, meta.signed) == (
        "广东省数字政府改革建设2023年工作要点",
        "广东省政务服务数据管理局",
        "2023-03-07",
    )
    assert meta.jurisdiction == "440000"


def test_jurisdiction_without_an_issuer_comes_from_the_units_and_places() -> None:
    meta = extract_file(SAMPLES / "fuzhou_2025_digital.txt").metadata
    assert meta.issuer is None and meta.jurisdiction == "350100"


def test_a_cited_notice_names_no_issuer() -> None:
    """根据《X关于印发…的通知》 cites another notice: its issuer is not this document's."""
    text = (
        "关于印发绵阳市交通运输局2022年政务公开工作要点的通知\n\n局属各单位：\n"
        "  根据《绵阳市人民政府办公室关于印发绵阳市2022年政务公开工作要点的通知》，结合本局实际，制定本要点。\n\n"
        "绵阳市交通运输局\n2022年3月1日\n"
    )
    meta = extract_text(text).metadata
    assert (meta.issuer, meta.signed) == ("绵阳市交通运输局", "2022-03-01")


def test_the_issuer_of_a_notice_that_says_it_issues() -> None:
    meta = extract_text("成都市人民政府办公厅印发关于做好政务数据共享工作意见的通知\n\n各区（市）县政府：\n").metadata
    assert meta.issuer == "成都市人民政府办公厅"


def test_a_place_is_named_only_where_a_word_starts() -> None:
    """完成县城… holds the characters of 成县 (a county of Gansu) across two words: no mention."""
    text = (
        "一、重点任务\n1.完成县城供水管网改造，完成县医院迁建。（责任单位：县住建局、县卫健委）\n"
        "吉水县城北学校投入使用。\n"
    )
    assert extract_text(text).metadata.jurisdiction == "360822"


def test_a_citys_counties_count_for_the_city() -> None:
    """Units written at the city's level (市…局) in a text that names the city's counties."""
    text = "1.推进丹阳市、句容市供水一体化，丹徒区完成管网建设。（责任单位：市住建局、市水利局）\n"
    assert extract_text(text).metadata.jurisdiction == "321100"


def test_a_province_that_names_its_cities_bodies_is_the_province() -> None:
    """No city is named: the province named most is the jurisdiction, though units say 市."""
    text = (
        "甘肃省数字政府建设方案\n1.建设甘肃省政务云。（责任单位：省大数据中心，各市政府）\n"
        "2.推广甘快办。（责任单位：市大数据局）\n"
    )
    assert extract_text(text).metadata.jurisdiction == "620000"


def test_a_short_name_shared_by_two_levels_is_the_higher_ones() -> None:
    """海南 is the province and the first two characters of 海南藏族自治州."""
    text = "1.建设海南省政务云平台，海南全省统一。（责任单位：市大数据局、市财政局）\n"
    assert extract_text(text).metadata.jurisdiction == "460000"


def test_the_place_a_title_opens_with() -> None:
    text = "牡丹江市西安区数字政府建设实施方案\n\n1.建设区政务服务平台。（责任单位：区营商局）\n"
    meta = extract_text(text).metadata
    assert (meta.jurisdiction, meta.jurisdiction_level) == ("231005", "county")


def test_the_issuers_level_chooses_among_places() -> None:
    """A city's gazette that cites the province's bodies: the issuer says the city's level."""
    text = (
        "市人民政府关于印发重点工作任务分工的通知\n"
        "1.落实省政府部署。（责任单位：市发改委，省发改委、省财政厅、省商务厅配合）\n"
        "2.咸宁市全面推进。湖北省。咸宁市。\n"
    )
    assert extract_text(text).metadata.jurisdiction == "421200"


def test_a_district_issuer_gives_the_district_not_its_city() -> None:
    text = "1.推进政务服务一网通办。（责任单位：区政务服务中心、区发改委）\n\n某市某区人民政府\n2030年1月5日\n"
    meta = extract_text(text.replace("某市某区", "苏州市吴江区")).metadata
    assert (meta.issuer, meta.jurisdiction) == ("苏州市吴江区人民政府", "320509")
    district_body = extract_text(text.replace("某市某区", "苏州市吴江区")).notes[0].units[1]
    assert district_body.resolved and district_body.agency.startswith("320509/")


def test_a_publication_note_and_a_closing_formula_are_no_title() -> None:
    text = "（此件公开发布）\n某某县2030年数字政府建设\n工作要点\n一、夯实基础\n特此通知\n"
    assert extract_text(text).metadata.title == "某某县2030年数字政府建设工作要点"
    assert extract_text("各镇人民政府：\n特此通知\n2030年1月5日\n").metadata.title is None


def test_a_document_number_on_its_own_line_is_no_part_of_the_title() -> None:
    text = "洋政发〔2030〕8号\n洋县人民政府\n关于印发洋县2030年民生实事项目的通知\n各镇人民政府：\n"
    meta = extract_text(text).metadata
    assert (meta.title, meta.issuer) == ("洋县人民政府关于印发洋县2030年民生实事项目的通知", "洋县人民政府")
    assert (meta.doc_number, meta.jurisdiction) == ("洋政发〔2030〕8号", "610723")


def test_a_countys_name_counts_only_written_whole() -> None:
    """东山 is a county's short name and a compound's (东山中央城): only 东山县 names the county."""
    text = "1.完成东山中央城小区配套幼儿园建设。（责任单位：县教体局、县住建局）\n"
    assert extract_text(text).metadata.jurisdiction == "100000"
    assert extract_text(text + "东山县2030年民生实事。\n").metadata.jurisdiction == "350626"


def test_a_text_addressing_the_provinces_as_a_whole_is_national() -> None:
    """各省（区、市） is how national bodies name the provinces: a place the text names (where a
    centre is built) is no home of its own; a list of levels (国家、省、市、区) says nothing so."""
    national = "由工业和信息化部牵头，在北京建设国家数据中心，引导各省（区、市）建设分中心。\n"
    assert extract_text(national).metadata.jurisdiction == "100000"
    local = "（责任单位：市大数据局）贵阳市打通国家、省、市、区、乡五级部门。贵阳市。\n"
    assert extract_text(local).metadata.jurisdiction == "520100"


@pytest.mark.parametrize(
    "title",
    ["某某县2030年度河道管护工作考核细则", "某某市数据安全管理规定", "某某省公共数据条例", "某某区政务服务评价规则"],
)
def test_rules_and_regulations_are_titles(title: str) -> None:
    """细则, 规定, 条例 and 规则 end a title as 办法 does, before a table's first cells below it."""
    text = f"{title}\n序号\n考核内容\n分值\n1\n完善制度建设方案\n5\n"
    assert extract_text(text).metadata.title == title


_REPLY = (
    "某县人民政府关于《某县交通规划》的批复\n"
    "某县交通运输局:\n"
    "你局关于报审《某县交通规划》的请示收悉。经研究,现批复如下:\n"
    "一、原则同意《某县交通规划》。\n"
    "二、你局要发挥牵头作用,会同县发展改革局、县财政局等有关部门,做好《规划》实施工作。\n"
)


def test_a_reply_is_addressed_to_the_one_body_its_salutation_names() -> None:
    """A reply's salutation names one body alone on its line (某县交通运输局:), a sentence after it."""
    assert extract_text(_REPLY).metadata.addressees == ["某县交通运输局"]


def test_a_menu_line_ending_in_a_colon_is_no_salutation() -> None:
    """A web page's menu (县区分站: / 当前位置: …) names no addressee: no sentence follows it."""
    page = "长城新媒体集团 主办\n县区分站:\n当前位置: 新闻\n\n市平台上线运行。\n"
    assert extract_text(page).metadata.addressees == []


def test_the_addressee_a_reply_calls_you_is_the_unit_it_names() -> None:
    """你局 in a reply is the body it is addressed to: the task's lead, named as the salutation names it."""
    notes = extract_text(_REPLY, jurisdiction="320500").notes
    assert [[(u.name, u.lead) for u in n.units] for n in notes] == [
        [("某县交通运输局", True), ("县发展改革局", False), ("县财政局", False)]
    ]
    assert "你局" in notes[0].units[0].labels
