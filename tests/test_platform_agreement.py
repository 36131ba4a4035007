"""Two annotations of platforms compared (bench/platform_agreement.py): by item, through shared
alternatives, each platform matched once, borderline names on either side counted for neither."""

from __future__ import annotations

from bench.platform_agreement import agreement


def line(item: str | None, platforms: list[str], optional: list[str] | None = None) -> dict:
    return {"doc": "plan.txt", "item": item, "platforms": platforms, "optional": optional or []}


def test_platforms_match_through_a_shared_alternative_and_in_the_same_item_only() -> None:
    first = [line("（一）", ["省政务服务网|政务服务网", "闽政通APP"]), line("（二）", ["数据共享平台"])]
    second = [line("(一)", ["政务服务网"]), line("（一）", ["数据共享平台"]), line("（二）", ["“闽政通”APP"])]
    # (一) and （一） are one item; 数据共享平台 and 闽政通APP are each named under the other item
    assert agreement(second, first) == (1, 3, 3)


def test_a_platform_is_matched_once_and_a_repeated_line_counts_once() -> None:
    first = [line("1.", ["甲平台"]), line("1.", ["甲平台"])]
    second = [line("1.", ["甲平台", "甲平台|省甲平台"])]
    assert agreement(second, first) == (1, 2, 1)


def test_a_name_either_annotator_calls_borderline_counts_for_neither_unless_it_matches() -> None:
    first = [line(None, ["乙系统", "丙库"], optional=["丁网"])]
    second = [line(None, ["丁网", "丙库"], optional=["乙系统"])]
    assert agreement(second, first) == (1, 1, 1)
    assert agreement(first, second) == (1, 1, 1)
