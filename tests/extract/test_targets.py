"""Quantified targets and deadlines."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.targets import find_deadlines, find_targets


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "counted"),
    [
        ("建成70个以上数字经济领域工程研究中心", "70", "个", "以上", "数字经济领域工程研究中心"),
        ("新增5000家企业上云", "5000", "家", "新增", "企业上云"),
        ("占比超25%", "25", "%", "超", None),
        ("培育1万个以上示范项目", "10000", "个", "以上", "示范项目"),
        ("推出10个以上示范应用", "10", "个", "以上", "示范应用"),
        ("不少于3家", "3", "家", "不少于", None),
        ("全国农机总动力超过10亿千瓦", "1000000000", "千瓦", "超过", None),
    ],
)
def test_targets(text: str, value: str, unit: str, qualifier: str, counted: str | None) -> None:
    (target,) = find_targets(text)
    assert (target.value, target.unit, target.qualifier, target.counted) == (Decimal(value), unit, qualifier, counted)
    assert text[target.start : target.end] == target.text


@pytest.mark.parametrize("text", ["2021年5月26日", "十九届二中全会", "一批平台", "生态云平台3.0", "到2025年"])
def test_not_targets(text: str) -> None:
    assert find_targets(text) == []


def test_deadlines() -> None:
    text = "到2025年建成，2021年底前上线，年底前完成，6月底前推广"
    assert [d.text for d in find_deadlines(text)] == ["到2025年", "2021年底前", "年底前", "6月底前"]
