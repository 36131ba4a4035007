"""Quantified targets (70个以上, 新增5000家企业, 超25%) and deadlines (到2025年, 年底前)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Deadline", "Target", "find_deadlines", "find_targets"]

_MAGNITUDE = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1_000), "百": Decimal(100)}
_UNITS = "个家项所台套条人户座名只批类款家次个百分点"
_TARGET = re.compile(
    r"(?P<before>新增|建成|培育|打造|推出|超过|超|达到|达|突破|不少于|不低于|至少|累计|完成|形成|创建|引进|实现)?"
    r"(?P<number>\d+(?:\.\d+)?)"
    r"(?P<magnitude>[万亿千百](?!分))?"
    r"(?P<unit>%|％|个百分点|亿元|万元|元|千瓦|吨|公里|平方米|[" + _UNITS + r"])"
    r"(?P<after>以上|左右|以内|以下|多)?"
    r"(?P<counted>[^，。；、：（）\d]{0,16})?"
)
_DEADLINE = re.compile(
    r"到\s*\d{4}\s*年(?:底|末|年底)?|\d{4}\s*年(?:底|末|年底)?(?:前|以前)|年底前|年内|\d{1,2}\s*月底(?:前)?|"
    r"(?:上|下)半年|第[一二三四]季度"
)
_COUNTED_STOP = re.compile(r"(等|的|和|与|及|以上|，).*$")


@dataclass(frozen=True)
class Target:
    """A quantified goal: value, unit, qualifier and what is counted, with its offsets."""

    text: str
    start: int
    end: int
    value: Decimal
    unit: str
    qualifier: str | None
    counted: str | None


@dataclass(frozen=True)
class Deadline:
    text: str
    start: int
    end: int


def _value(number: str, magnitude: str | None) -> Decimal:
    value = Decimal(number)
    return value * _MAGNITUDE[magnitude] if magnitude else value


def find_targets(text: str) -> list[Target]:
    """Targets in *text*; a year (2025年) or a date is not a target.

    >>> [(t.value, t.unit, t.qualifier, t.counted) for t in find_targets("建成70个以上数字经济领域工程研究中心")]
    [(Decimal('70'), '个', '以上', '数字经济领域工程研究中心')]
    >>> [(t.value, t.unit, t.qualifier) for t in find_targets("新增5000家企业“上云上平台”，占比超25%")]
    [(Decimal('5000'), '家', '新增'), (Decimal('25'), '%', '超')]
    """
    targets = []
    for match in _TARGET.finditer(text):
        number, unit = match.group("number"), match.group("unit")
        following = text[match.end("unit") : match.end("unit") + 1]
        if following in ("年", "月", "日"):
            continue
        counted = _COUNTED_STOP.sub("", (match.group("counted") or "").strip('“”"')) or None
        qualifier = match.group("after") or match.group("before")
        targets.append(
            Target(
                text=match.group(0),
                start=match.start(),
                end=match.end(),
                value=_value(number, match.group("magnitude")),
                unit=unit.replace("％", "%"),
                qualifier=qualifier,
                counted=counted,
            )
        )
    return targets


def find_deadlines(text: str) -> list[Deadline]:
    """Deadlines such as 到2025年, 2021年底前, 年底前, 6月底.

    >>> [d.text for d in find_deadlines("到2025年，建成平台；年底前上线")]
    ['到2025年', '年底前']
    """
    return [Deadline(m.group(0), m.start(), m.end()) for m in _DEADLINE.finditer(text)]
