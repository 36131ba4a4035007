"""Reading a PDF's laid-out lines into paragraphs (extract.reflow): a plan printed to PDF gives
what its text gives.

``data/pdf/plan.txt`` is a made-up plan; ``data/pdf/indented/plan.pdf`` and
``data/pdf/flush/plan.pdf`` are it printed by Debian's Chromium as ``bench.pdf_reading`` prints
(``render([plan.txt], folder, layout)``): two pages with a page number in the footer, set as a
plan (first lines indented, justified) and as a web page (flush left, ragged).
``data/pdf/table/plan_table.pdf`` is the made-up task table ``data/pdf/plan_table.txt`` printed
with ``layout="table"``: its rows a ruled table, cells wrapped in their columns;
``data/pdf/borderless/plan_table.pdf`` and ``data/pdf/tight/plan_table.pdf`` are the same table
printed without ruling lines, its cells padded (``layout="borderless"``) and set tight, with no
space between the rows (``layout="tight"``); ``plan_table_long.pdf`` in those folders is the
made-up ``data/pdf/plan_table_long.txt`` printed so, a table over two pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import extract_file
from extract.reflow import (
    LaidLine,
    display_width,
    indents_paragraphs,
    laid_row,
    page_numbers,
    pdf_text,
    reflow,
    running_heads,
    unwrap_text,
    wrap_width,
)
from tests.conftest import SAMPLES

PDFS = Path(__file__).resolve().parent / "data" / "pdf"
WIDTH = 16.0  # one character of 16 pt type
LEFT, RIGHT = 85.0, 509.0


def line(text: str, row: int, *, page: int = 0, indent: float = 0.0, short: float = 0.0, gap: float = 0.0) -> LaidLine:
    """A line of 16 pt type, the *row*-th from the top of *page* (19.2 pt apart, *gap* more
    above it), starting *indent* characters in and stopping *short* characters before the
    right edge."""
    top = 770.0 - row * 19.2 - gap
    return LaidLine(text, LEFT + indent * WIDTH, RIGHT - short * WIDTH, WIDTH, top, page)


def footer(number: int, page: int) -> LaidLine:
    return LaidLine(f"— {number} —", 280.0, 320.0, 12.0, 60.0, page)


def _extraction(path: Path, nlp: object) -> tuple[list, list]:
    result = extract_file(path, name="plan.txt", nlp=nlp)
    notes = [("".join(note.raw.split()), [unit.name for unit in note.units], note.item) for note in result.notes]
    platforms = sorted((mention.name, mention.item) for mention in result.of_kind("platform"))
    return notes, platforms


@pytest.mark.parametrize("layout", ["indented", "flush"])
def test_a_printed_plan_reads_as_its_text(layout: str, nlp: object) -> None:
    notes, platforms = _extraction(PDFS / "plan.txt", nlp)
    assert len(notes) == 7 and ("市一体化政务大数据平台", "（一）") in platforms
    assert _extraction(PDFS / layout / "plan.pdf", nlp) == (notes, platforms)


@pytest.mark.parametrize("layout", ["table", "borderless", "tight"])
def test_a_table_reads_as_its_rows(layout: str, nlp: object) -> None:
    """A task table reads as its text's rows, ruled or not, its rows parted by space or set tight."""
    notes, _ = _extraction(PDFS / "plan_table.txt", nlp)
    assert len(notes) == 5 and notes[1][1] == ["县大数据中心", "县公安局", "县市场监管局", "县人社局"]
    assert _extraction(PDFS / layout / "plan_table.pdf", nlp)[0] == notes


@pytest.mark.parametrize("layout", ["borderless", "tight"])
def test_a_table_without_ruling_lines_keeps_its_title_and_closing_paragraph(layout: str) -> None:
    """The title above the table and the paragraph below it are no rows of it."""
    lines = (PDFS / "plan_table.txt").read_text(encoding="utf-8").splitlines()
    text = pdf_text(PDFS / layout / "plan_table.pdf").splitlines()
    assert text[0] == lines[0] and text[-1] == lines[-1]
    assert text[1].replace(" ", "") == lines[1].replace(" ", "")  # 序号 and 牵头单位 wrapped in their cells


@pytest.mark.parametrize("layout", ["borderless", "tight"])
def test_a_table_without_ruling_lines_keeps_its_columns_over_a_page_end(layout: str) -> None:
    """``plan_table_long.txt``'s rows on its second page leave the 牵头单位 column empty, so that
    pdfplumber finds a column fewer there: each cell stays under its label all the same."""
    text = (PDFS / "plan_table_long.txt").read_text(encoding="utf-8")
    read = pdf_text(PDFS / layout / "plan_table_long.pdf")
    assert read.replace(" ", "").splitlines() == text.replace(" ", "").splitlines()


def test_a_table_row_cut_by_a_page_end_goes_on() -> None:
    lines = [
        laid_row(["1", "建设县级电子证照库", "县大数"], LEFT, RIGHT, 40, 120, 0),
        footer(1, 0),
        laid_row(["", "", "据中心"], LEFT, RIGHT, 20, 770, 1),
        laid_row(["2", "升级政务外网", "县财政局"], LEFT, RIGHT, 20, 750, 1),
        footer(2, 1),
    ]
    assert reflow(lines).split("\n") == ["1 | 建设县级电子证照库 | 县大数据中心 |", "2 | 升级政务外网 | 县财政局 |"]


def test_a_unit_list_broken_at_the_edge_joins() -> None:
    lines = [
        line("（一）建设数据底座。（责任单位：市大数据局、市发展改革", 0, short=0.5),
        line("委、市公安局）", 1, short=20),
    ]
    assert reflow(lines) == "（一）建设数据底座。（责任单位：市大数据局、市发展改革委、市公安局）"


def test_a_paragraph_goes_on_over_a_page_end_and_page_numbers_go() -> None:
    lines = [
        line("（一）依托市一体化政务大数据", 0, indent=2, short=0.5),
        footer(1, 0),
        line("平台汇聚数据。", 0, page=1, short=18),
        footer(2, 1),
    ]
    assert reflow(lines) == "（一）依托市一体化政务大数据平台汇聚数据。"


def test_a_running_head_goes_and_the_paragraph_goes_on_under_it() -> None:
    head = "某政办发〔2030〕1号"
    lines = [
        LaidLine(head, LEFT, 300.0, 12.0, 800.0, 0),
        line("（一）依托市一体化政务大数据", 1, indent=2, short=0.5),
        LaidLine(head, LEFT, 300.0, 12.0, 800.0, 1),
        line("平台汇聚数据。", 1, page=1, short=18),
        line("（二）升级政务外网。", 2, page=1, indent=2, short=12),
    ]
    assert running_heads(lines) == {0, 2}
    assert reflow(lines) == "（一）依托市一体化政务大数据平台汇聚数据。\n（二）升级政务外网。"


def test_a_table_row_numbered_like_its_page_stays() -> None:
    """The row number 2 opens page 2, which a footer counts: the footer is the page number."""
    lines = [
        line("1", 0, short=26),
        line("市发展改革委", 1, short=20),
        footer(1, 0),
        line("2", 0, page=1, short=26),
        line("市财政局", 1, page=1, short=20),
        line("以上任务由各责任单位按照职责分工抓好落实，按季度报送进展。", 2, page=1, short=0),
        footer(2, 1),
    ]
    assert page_numbers(lines) == {2, 6}
    assert reflow(lines).split("\n") == ["1", "市发展改革委", "2", "市财政局", lines[5].text]


def test_a_lone_number_on_one_page_is_no_page_number() -> None:
    lines = [line("（一）建设平台。", 0, short=10), LaidLine("3", 300.0, 310.0, 12.0, 60.0, 0)]
    assert page_numbers(lines) == set()


def test_short_indented_and_right_set_lines_keep_their_breaks() -> None:
    lines = [
        line("现将工作要点印发给你们，请认真贯彻落实。", 0, indent=2, short=6),
        line("某某市人民政府办公室", 1, indent=16, short=0),
        line("2030年2月1日", 2, indent=19, short=0),
        line("（一）建设城市级数据底座。依托市一体化政务大数据平", 3, indent=2, short=0.5),
        line("台汇聚数据。", 4, short=20),
    ]
    assert reflow(lines).split("\n") == [lines[0].text, lines[1].text, lines[2].text, lines[3].text + lines[4].text]


def test_a_sentence_end_at_the_edge_joins_only_where_paragraphs_are_indented() -> None:
    ends_a_sentence = [
        line("推广电子证照在办事中的亮证、用证，实现“一次不用跑”。", 0, short=0.5),
        line("（责任单位：市政务服务管理局）", 1, short=12),
    ]
    assert not indents_paragraphs(ends_a_sentence, LEFT)
    assert reflow(ends_a_sentence).split("\n") == [ends_a_sentence[0].text, ends_a_sentence[1].text]
    indented = [
        line("（三）优化掌上办事体验。依托“某某通”APP推广电子证照，", 0, indent=2, short=0.5),
        line(ends_a_sentence[0].text, 1, short=0.5),
        line(ends_a_sentence[1].text, 2, short=12),
    ]
    assert indents_paragraphs(indented, LEFT)
    assert reflow(indented) == "".join(one.text for one in indented)


def test_space_between_paragraphs_and_blank_lines_are_kept() -> None:
    lines = [
        line("（一）建设城市级数据底座，统一汇聚人口、法人、空间地理和电", 0, short=0.5),
        line("子证照等基础数据，推动各区接入市政务数据共享交换平台", 1, short=0.5),  # a paragraph's last line, full
        line("责任单位：市大数据局", 2, gap=6.0, short=15),  # 6 pt of space after a paragraph
        line("（二）升级电子政务外网。", 3, gap=6.0 + 19.2 + 6.0, short=12),  # and an empty paragraph
    ]
    assert reflow(lines).split("\n") == [
        lines[0].text + lines[1].text,
        lines[2].text,
        "",
        lines[3].text,
    ]


def test_latin_words_keep_a_space_across_a_join() -> None:
    lines = [line("The platform runs version", 0, short=0.5), line("2 of the service.", 1, short=15)]
    assert reflow(lines) == "The platform runs version 2 of the service."
    chinese = [line("推动“某某通”APP与省政务服务", 0, short=0.5), line("网深度融合。", 1, short=20)]
    assert reflow(chinese) == "推动“某某通”APP与省政务服务网深度融合。"


def test_no_lines_no_text() -> None:
    assert reflow([]) == ""
    assert reflow([footer(1, 0), footer(2, 1)]) == ""


def _wrapped(text: str, width: int) -> str:
    """*text* broken every *width* characters, as text copied out of a PDF viewer is."""
    return "\n".join(
        paragraph[start : start + width] for paragraph in text.split("\n") for start in range(0, len(paragraph), width)
    )


def test_text_copied_from_a_pdf_reads_as_its_paragraphs(tmp_path: Path, nlp: object) -> None:
    copied = tmp_path / "plan.txt"
    copied.write_text(_wrapped((PDFS / "plan.txt").read_text(encoding="utf-8"), 28), encoding="utf-8")
    assert _extraction(copied, nlp) == _extraction(PDFS / "plan.txt", nlp)


def test_text_written_a_paragraph_a_line_is_left_as_it_is() -> None:
    for sample in sorted(SAMPLES.glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        assert wrap_width(text.split("\n")) is None, sample.name
        assert unwrap_text(text) == text


def test_wrapped_lines_join_but_table_rows_ends_and_headings_do_not() -> None:
    body = "依托市一体化政务大数据平台统一汇聚人口法人空间地理和电子证照等基础数据，"
    body += "推动各区按照统一标准接入市政务数据共享交换平台，实现数据按需共享、有序开放，"
    body += "提升政务服务效能"
    wrapped = _wrapped(body, 20)  # four lines of 20 characters and one of 2
    assert [len(line) for line in wrapped.split("\n")] == [20, 20, 20, 20, 2]
    assert wrap_width(wrapped.split("\n")) == 20
    row = "（二）升级市电子政务外网。 | 市大数"  # a row broken in its last cell
    text = f"{wrapped}\n{row}\n据局 |\n{'一' * 19}|\n市通信管理办公室"
    assert unwrap_text(text) == f"{body}\n{row}据局 |\n{'一' * 19}|\n市通信管理办公室"
    assert display_width("闽政通APP") == 4.5
