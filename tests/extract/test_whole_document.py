"""A whole plan the extractor was not developed on: Traditional script, label blocks over
points, a note with a deadline, roles by 牵头/配合, platforms with their actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import extract_file

PLAN = Path(__file__).parent / "data" / "xiamen_traditional_plan.txt"


@pytest.fixture(scope="module")
def extraction(nlp, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("plan") / "plan.txt"
    path.write_bytes(PLAN.read_text(encoding="utf-8").encode("big5"))
    return extract_file(path, nlp=nlp)


def test_metadata(extraction) -> None:
    meta = extraction.metadata
    assert (meta.title, meta.doc_number, meta.issuer) == (
        "厦门市数字政府建设实施方案",
        "厦府办〔2023〕12号",
        "厦门市人民政府办公厅",
    )
    assert (meta.signed, meta.jurisdiction, meta.addressees) == (
        "2023-04-10",
        "350200",
        ["各区人民政府", "市直各委、办、局"],
    )


def test_notes_units_and_roles(extraction) -> None:
    notes = [(n.item, n.style, [(u.name, u.role) for u in n.units], n.deadline) for n in extraction.notes]
    assert notes == [
        ("1.", "bracket", [("市大数据局", "lead"), ("市直有关部门", "support"), ("各区人民政府", "support")], None),
        ("2.", "bracket", [("市大数据局", "responsible"), ("市发改委", "responsible")], "2023年12月底"),
        ("（二）", "label", [("市大数据局", "lead"), ("市财政局", "support"), ("市公安局", "support")], None),
        ("三、", "bracket", [("各区人民政府", "responsible"), ("市直各部门", "responsible")], None),
    ]
    assert all(u.agency.startswith("350200/") for n in extraction.notes for u in n.units)


def test_the_label_block_covers_the_points_below(extraction) -> None:
    block_task = next(t for t in extraction.tasks if extraction.notes[t.notes[0]].style == "label")
    assert "整合市政務雲" in block_task.text and "醫保信息平台" in block_task.text


def test_platforms_and_actions(extraction) -> None:
    platforms = {(m.name, m.item, m.action) for m in extraction.of_kind("platform")}
    assert {
        ("市网上办事大厅", "1.", "upgrades"),
        ("市公共数据共享交换平台", "2.", "builds"),
        ("市医保信息平台", "2.", "connects"),
        ("国家医保信息平台", "2.", "connects"),
    } <= platforms
    (link,) = extraction.platform_links
    names = [extraction.mentions[i].name for i in link[:2]]
    assert names == ["市医保信息平台", "国家医保信息平台"]
