"""Property tests: the parsers never raise on arbitrary text, and offsets stay inside it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.gazetteer import load_gazetteer
from extract.notes import find_notes
from extract.outline import find_headings
from extract.text import matching_text

# Text built from the pieces notes and outlines are made of, so the parsers are exercised.
PIECES = st.sampled_from(
    [
        *"（）()〔〕【】：:，,、；;。.\n 等和会同",
        "责任单位：",
        "牵头单位:",
        "负责",
        "牵头",
        "配合",
        "省",
        "市",
        "发改委",
        "数字办",
        "一、",
        "（一）",
        "1.",
        "（1）",
        "福州市",
        "人民政府",
        "各设区市",
        "下同",
        "排在第一位的部门为牵头部门",
    ]
)
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_note_parser_never_raises_and_offsets_lie_inside(text: str) -> None:
    norm = matching_text(text)
    for span, parsed in find_notes(norm, load_gazetteer(), "350000"):
        assert 0 <= span.start <= span.content_start <= span.content_end <= span.end <= len(text)
        for group in parsed.groups:
            for unit in group.units:
                assert 0 <= unit.start <= unit.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_outline_parser_never_raises_and_offsets_lie_inside(text: str) -> None:
    for heading in find_headings(matching_text(text)):
        assert 0 <= heading.start < heading.end <= len(text) or heading.start <= heading.end == len(text)
