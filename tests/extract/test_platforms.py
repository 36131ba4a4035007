"""Platforms, actions, links and programmes, through the real pkuseg segmentation."""

from __future__ import annotations

import pytest

from extract.text import matching_text


def platforms(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(matching_text(text))
    return [(m.name, m.action) for m in doc._.platforms]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("优化升级省网上办事大厅和闽政通APP。", [("省网上办事大厅", "upgrades"), ("闽政通APP", "upgrades")]),
        (
            "依托“中国福建”门户网站，建设政务服务“一张网”总门户。",
            [("中国福建门户网站", "relies_on"), ("政务服务一张网总门户", "builds")],
        ),
        ("完善社会用户实名认证和授权平台。", [("社会用户实名认证和授权平台", "upgrades")]),
        ("持续完善海洋综合感知网和通信网。", [("海洋综合感知网", "upgrades"), ("通信网", "upgrades")]),
        ("推广省电子档案管理系统。", [("省电子档案管理系统", "promotes")]),
        ("建设省网上办事大厅海外版。", [("省网上办事大厅海外版", "builds")]),
        (
            "建立宏观经济治理、投资项目、商品价格等主题数据库。",
            [("宏观经济治理主题数据库", None), ("投资项目主题数据库", None), ("商品价格主题数据库", None)],
        ),
        ("推广应用“一人一档”“一企一档”对象库。", [("一人一档对象库", "promotes"), ("一企一档对象库", "promotes")]),
        ("上线省公共数据资源开发服务平台。", [("省公共数据资源开发服务平台", "builds")]),
    ],
)
def test_named_platforms(nlp, text: str, expected: list[tuple[str, str | None]]) -> None:
    found = platforms(nlp, text)
    for name, action in expected:
        assert (name, action) in found or (action is None and name in [n for n, _ in found])


@pytest.mark.parametrize(
    "text",
    [
        "做强做优平台经济，加快培育一批具有全国领先水平的行业平台。",
        "打造一批具有全国影响力的“互联网+社会服务”平台。",
        "发展智慧管网、智慧水务，推动“互联网+”向农村延伸，实施“5G+工业互联网”创新工程。",
        "建成70个以上企业技术中心和新型研发机构等高水平创新平台。",
        "放大数字中国建设峰会平台效应。",
        "推动各级各部门已建APP和第三方平台公众号入驻。",
    ],
)
def test_generic_mentions_are_not_platforms(nlp, text: str) -> None:
    assert platforms(nlp, text) == []


def test_platform_links(nlp) -> None:
    doc = nlp(matching_text("加快省电子证照系统与省“互联网+监管”系统对接。"))
    names = [m.name for m in doc._.platforms]
    assert names == ["省电子证照系统", "省互联网+监管系统"]
    (link,) = doc._.platform_links
    assert (link.first, link.second, link.verb) == (0, 1, "对接")
    assert {m.action for m in doc._.platforms} == {"connects"}


def test_a_link_needs_its_first_platform_right_before_the_conjunction(nlp) -> None:
    """A platform named earlier is not what a generic system 与 another system connects."""
    doc = nlp(matching_text("建设全省政务服务平台，实现就近办。\n推动各部门自建业务系统与省数据共享平台对接。"))
    assert [m.name for m in doc._.platforms] == ["全省政务服务平台", "省数据共享平台"]
    assert doc._.platform_links == []


def test_programmes(nlp) -> None:
    doc = nlp(matching_text("深化“雪亮工程”建设。实施数字经济闽商回归工程。合理安排用地计划和建筑工程。"))
    assert [m.name for m in doc._.programmes] == ["雪亮工程", "数字经济闽商回归工程"]


def test_agencies_and_places_in_text(nlp) -> None:
    doc = nlp(matching_text("推动福州、莆田建设平台经济示范区，商务部给予支持。"))
    assert [(s.text, s.id_) for s in doc.spans["places"]] == [("福州", "350100"), ("莆田", "350300")]
    assert [s.text for s in doc.spans["agencies"]] == ["商务部"]
