"""The scorer's alignment of notes (extract/evaluate.py): of the longest alignments, the one that
pairs notes under the same item marker."""

from __future__ import annotations

from extract.evaluate import score_notes


def unit(name: str, lead: bool = False) -> dict:
    return {"name": name, "labels": [], "lead": lead}


def test_a_note_the_gold_lacks_does_not_take_the_pair_of_the_next_article_s_note() -> None:
    gold = [
        {"item": "第九条", "raw": "县发改委负责编制规划", "units": ["县发改委"], "lead": []},
        {"item": "第十二条", "raw": "县数据局会同县政府有关部门建立评估机制", "units": ["县数据局", "县政府有关部门"]},
    ]
    gold[1]["lead"] = ["县数据局"]
    predicted = [
        {"item": "第九条", "raw": "县发改委", "units": [unit("县发改委")]},
        {"item": "第十条", "raw": "县政府有关部门", "units": [unit("县政府有关部门")]},  # the gold has none here
        {
            "item": "第十二条",
            "raw": "县数据局会同县政府有关部门",
            "units": [unit("县数据局", True), unit("县政府有关部门")],
        },
    ]
    counts = score_notes(predicted, gold)
    assert (counts.matched_notes, counts.matched_units, counts.lead_right) == (2, 3, 1)


def test_without_item_markers_the_first_longest_alignment_stands() -> None:
    gold = [{"item": None, "raw": "县数据局会同县政府有关部门建立评估机制", "units": ["县政府有关部门"], "lead": []}]
    predicted = [
        {"item": None, "raw": "县政府有关部门", "units": [unit("县政府有关部门")]},
        {"item": None, "raw": "县数据局会同县政府有关部门", "units": [unit("县数据局"), unit("县政府有关部门")]},
    ]
    assert score_notes(predicted, gold).matched_units == 1
