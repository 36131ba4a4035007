"""Property tests: the parsers never raise on arbitrary text, and offsets stay inside it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.gazetteer import load_gazetteer
from extract.notes import find_notes
from extract.outline import _subtract, find_headings, in_spans, merge_spans
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


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda s: (s[0], s[0] + s[1])), max_size=12)


@given(SPANS, st.integers(-1, 85), st.integers(0, 30))
def test_span_helpers_agree_with_looking_at_every_span(spans: list, position: int, length: int) -> None:
    merged = merge_spans(spans)
    assert in_spans(merged, position) == any(a <= position < b for a, b in spans if a < b)
    covered = {i for a, b in merged for i in range(a, b)}
    pieces = _subtract(position, position + length, merged)
    assert {i for a, b in pieces for i in range(a, b)} == set(range(position, position + length)) - covered
    assert all(a < b for a, b in pieces) and pieces == sorted(pieces)
