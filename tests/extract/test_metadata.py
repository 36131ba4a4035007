"""Document metadata from the bundled samples."""

from __future__ import annotations

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
