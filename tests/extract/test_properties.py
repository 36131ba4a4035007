"""Property tests: the parsers never raise on arbitrary text and offsets stay inside it; decoding,
normalisation and unit resolution keep their promises on any input."""

from __future__ import annotations

import hashlib

import opencc
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from extract.gazetteer import COUNTRY, load_gazetteer
from extract.notes import find_notes
from extract.outline import _subtract, find_headings, in_spans, merge_spans
from extract.reading import _BINARY_SHARE, _binary_share, _text, decode
from extract.text import compact, half_width, matching_text, to_simplified

GAZ = load_gazetteer()
_TRADITIONAL = opencc.OpenCC("s2t")

# Text built from the pieces notes and outlines are made of, mixed with arbitrary text, so that
# the parsers meet both what they were written for and what they were not.
PIECES = st.sampled_from(
    [
        *"（）()〔〕【】：:，,、；;。.\n 等和会同",
        "\r\n",
        "\t",
        "\u3000",
        "责任单位：",
        "責任單位：",
        "牵头单位:",
        "配合单位：",
        "负责",
        "牵头",
        "配合",
        "分别牵头落实",
        "省",
        "市",
        "发改委",
        "数字办",
        "一、",
        "十二、",
        "（一）",
        "(二)",
        "1.",
        "1、",
        "12．",
        "（1）",
        "①",
        "②",
        "（责任单位：省数字办，省发改委）",
        "（责任单位：省数字办、省委办公厅、机要局、保密局）",
        "（负责部门：商务部；适用范围：全省）",
        "(省政务服务数据管理局牵头)",
        "（牵头单位：市发改委；配合单位：各县（市、区）人民政府；完成时限：2025年底）",
        "以下任务均需各设区市人民政府落实，不再一一列出",
        "序号\t工作任务\t责任单位\n",
        "福州市",
        "人民政府",
        "各设区市",
        "下同",
        "排在第一位的部门为牵头部门",
        "建设一体化政务服务平台",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, PIECES, st.text(max_size=6)), max_size=60).map("".join)
FAST = settings(max_examples=200, deadline=None)


# The outline and note parsers ---------------------------------------------------------------------


@FAST
@given(TEXTS)
@example("责任单位：序号\t工作任务\t责任单位\n\r\n责任单位：")  # a lone \r once made an empty unit
def test_note_parser_never_raises_and_offsets_lie_inside(text: str) -> None:
    norm = matching_text(text)
    previous_end = 0
    for span, parsed in find_notes(norm, GAZ, "350000"):
        assert previous_end <= span.start <= span.content_start <= span.content_end <= span.end <= len(text)
        previous_end = span.end
        for group in parsed.groups:
            for unit in group.units:
                assert span.content_start <= unit.start <= unit.end <= span.content_end
                assert unit.name


@FAST
@given(TEXTS)
def test_outline_parser_never_raises_and_offsets_lie_inside(text: str) -> None:
    norm = matching_text(text)
    headings = find_headings(norm)
    assert [h.start for h in headings] == sorted(h.start for h in headings)
    for heading in headings:
        assert 0 <= heading.start < heading.start + len(heading.marker) <= heading.end <= len(text)
        assert norm[heading.start : heading.start + len(heading.marker)] == heading.marker
        assert 1 <= heading.depth <= 4 and "\n" not in heading.title


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda s: (s[0], s[0] + s[1])), max_size=12)


@given(SPANS, st.integers(-1, 85), st.integers(0, 30))
def test_span_helpers_agree_with_looking_at_every_span(spans: list, position: int, length: int) -> None:
    merged = merge_spans(spans)
    assert in_spans(merged, position) == any(a <= position < b for a, b in spans if a < b)
    covered = {i for a, b in merged for i in range(a, b)}
    pieces = _subtract(position, position + length, merged)
    assert {i for a, b in pieces for i in range(a, b)} == set(range(position, position + length)) - covered
    assert all(a < b for a, b in pieces) and pieces == sorted(pieces)


# Decoding -----------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_decode_returns_text_or_raises_unicode_decode_error(data: bytes) -> None:
    try:
        decoded = decode(data)
    except UnicodeDecodeError:
        return
    assert isinstance(decoded.text, str) and decoded.encoding


NO_CONTROLS = st.text(st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\t\n\r"))


@FAST
@given(NO_CONTROLS)
def test_valid_utf8_round_trips(text: str) -> None:
    decoded = decode(text.encode("utf-8"))
    assert decoded.text == text.removeprefix("\ufeff") and not decoded.guessed
    assert decoded.encoding == ("utf-8-sig" if text.startswith("\ufeff") else "utf-8")


@FAST
@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_any_valid_utf8_decodes(text: str) -> None:
    decode(text.encode("utf-8"))


@FAST
@given(NO_CONTROLS, st.sampled_from(["utf-16", "utf-32", "utf-8-sig"]))
def test_text_with_a_byte_order_mark_round_trips(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)).text == text


# Chinese text as plans are written, in each encoding they come in.
CHINESE = st.lists(
    st.sampled_from(
        [
            "一、",
            "（一）",
            "1.",
            "建设",
            "推进",
            "数字政府",
            "一体化政务服务平台",
            "省数字办",
            "福州市人民政府",
            "（责任单位：省数字办、省发改委）",
            "2025年底前",
            "，",
            "。",
            "；",
            "\n",
            "\r\n",
            " ",
            "APP",
            "5G",
        ]
    ),
    min_size=1,
    max_size=40,
).map("".join)


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "big5"])


def _encoded(text: str, encoding: str) -> bytes:
    return (_TRADITIONAL.convert(text) if encoding == "big5" else text).encode(encoding, errors="ignore")


@FAST
@given(CHINESE, ENCODINGS)
def test_chinese_text_decodes_to_itself_unless_flagged_as_a_guess(text: str, encoding: str) -> None:
    data = _encoded(text, encoding)
    decoded = decode(data)
    assert decoded.guessed or decoded.text == data.decode(encoding)


@FAST
@given(CHINESE, ENCODINGS)
def test_chinese_text_is_never_taken_for_binary_data(text: str, encoding: str) -> None:
    data = _encoded(text, encoding)
    assume(data.strip(b" \t\r\n\x00"))
    decoded = _text(data)  # raises on binary data or undecodable bytes
    assert _binary_share(decoded.text) < _BINARY_SHARE


# Normalisation --------------------------------------------------------------------------------------

# Traditional and Simplified Chinese, full-width and ASCII punctuation, and anything else.
NORMALISABLE = st.text(
    st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("（）()：:，,；;\u00a0\u3000 \n\tＡＢＣ１２３！？｛｝～"),
        st.sampled_from(list("責任單位數據辦發改委為國務會員們東說書體")),
        st.characters(exclude_categories=("Cs",)),  # no decoder makes lone surrogates
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(NORMALISABLE)
def test_matching_text_keeps_every_offset_and_is_idempotent(text: str) -> None:
    norm = matching_text(text)
    assert len(norm) == len(text)
    assert matching_text(norm) == norm
    for original, normalised in zip(text, norm, strict=True):
        if original.isascii() and original not in "():,;":
            assert normalised == original  # line ends, spaces, letters and digits stay where they are


@settings(max_examples=300, deadline=None)
@given(NORMALISABLE)
def test_the_other_normalisations_are_idempotent(text: str) -> None:
    simplified = to_simplified(text)
    assert len(simplified) == len(text) and to_simplified(simplified) == simplified
    assert len(half_width(text)) == len(text) and half_width(half_width(text)) == half_width(text)
    assert compact(compact(text)) == compact(text)


# Resolving units ---------------------------------------------------------------------------------

PLACE_NAMES = sorted({form for place in GAZ.places.values() for form in (place.name, *place.short) if len(form) >= 2})
UNIT_PIECES = st.sampled_from(
    [
        *GAZ.lexicon.level_prefixes,
        *GAZ.lexicon.collective_markers,
        "国家",
        "发改委",
        "发展改革委",
        "数字办",
        "大数据局",
        "人民政府",
        "政府",
        "办公厅",
        "保密局",
        "商务部",
        "设区市",
        "（市、区）",
        "（",
        "）",
        " ",
        "\u3000",
        "發改委",
        "數字辦",
        "ＡＰＰ",
    ]
)
UNIT_NAMES = st.lists(
    st.one_of(UNIT_PIECES, UNIT_PIECES, st.sampled_from(PLACE_NAMES), st.text(max_size=3)), max_size=6
).map("".join)
JURISDICTIONS = st.sampled_from(sorted(GAZ.places))


@settings(max_examples=300, deadline=None)
@given(UNIT_NAMES, JURISDICTIONS)
def test_resolving_a_unit_is_stable_and_stays_in_the_jurisdiction(name: str, jurisdiction: str) -> None:
    resolution = GAZ.resolve(name, jurisdiction)
    assert GAZ.resolve(name, jurisdiction) == resolution
    # Written alike, resolved alike: spaces, full-width forms and Traditional script do not count.
    assert GAZ.resolve(compact(name), jurisdiction) == resolution
    # The asked jurisdiction, a place above it (省 in a county's plan, a ministry), or the place the
    # name itself names (泉州市人民政府 in a Fujian plan).
    named = GAZ.place_at_start(compact(name), near=jurisdiction)
    assert GAZ.contains(resolution.jurisdiction, jurisdiction) or (
        named is not None and resolution.jurisdiction == named[0].code
    )
    if named is None and GAZ.level_prefix(compact(name).removeprefix("各")) is None:
        assert resolution.jurisdiction in (jurisdiction, COUNTRY)  # nothing in the name points elsewhere
    scope = "CN" if resolution.jurisdiction == COUNTRY else resolution.jurisdiction
    assert resolution.agency.split("/")[0] == scope
    if resolution.resolved:
        assert GAZ.agency(resolution.agency) is not None or resolution.agency == f"{scope}/gov"
    else:
        assert resolution.agency == f"{scope}/x-{hashlib.sha1(resolution.name.encode()).hexdigest()[:10]}"


@pytest.mark.parametrize(
    ("name", "jurisdiction", "expected"),
    [
        ("省发改委", "350000", ("350000/drc", "350000")),
        ("省 發改委", "350000", ("350000/drc", "350000")),
        ("省发改委", "350100", ("350000/drc", "350000")),
        ("泉州市人民政府", "350000", ("350500/gov", "350500")),
    ],
)
def test_resolution_examples_the_properties_generalise(name: str, jurisdiction: str, expected: tuple) -> None:
    resolution = GAZ.resolve(name, jurisdiction)
    assert (resolution.agency, resolution.jurisdiction) == expected


def test_the_country_s_government_gets_a_country_id() -> None:
    """Found by the property test above: 中华人民共和国人民政府 was minted ``100000/gov``."""
    resolution = GAZ.resolve("中华人民共和国人民政府", COUNTRY)
    assert resolution.agency == "CN/gov" and resolution.jurisdiction == COUNTRY
