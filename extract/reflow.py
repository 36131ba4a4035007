"""Paragraphs and table rows from a PDF's laid-out lines, and from text copied out of one.

A PDF holds lines as the page shows them: a plan set in 三号 type breaks every 28 characters or
so, in the middle of a word (国土空间基\\n础信息平台), of a unit list (省数字办、省委办\\n公厅) or of a
note. Read as they are, those breaks cut names and notes apart. :func:`reflow` joins a line to
the next where the page's layout shows the paragraph goes on: the line runs to the right edge
of the text and the next one starts at the left edge, not indented as a paragraph's first line
is, nor centred or set right as titles, signatures and dates are, and no wider space than
between the lines of a paragraph parts the two. A line that ends a sentence (。！？) keeps its
break unless the document indents its paragraphs: where type is set flush left, a paragraph may
end there. Where the page leaves room for a line or more between two lines, the text keeps a
blank line, as a text file holds blank lines between a table's cells or a plan's sections.

Page numbers (— 3 —, -3-, 第3页) and running heads (a document's number atop every page) are
dropped, so that a paragraph goes on over a page's end. A page number is told by where it stands
and what it counts, not by its look alone: a table row numbered 2 may open a page too. It is the
lowest (or highest) line of its page, and on most pages that line counts the pages, each one
more than the page before; a running head is the highest (or lowest) line on most pages, the
same text on each.

A ruled table, which pdfplumber finds by its ruling lines, is read a row to a line, its cells
parted by ``|`` (``1 | 建设平台 | 市数据局 |``), the form in which the notes finder reads a table
and each cell keeps its column's label; a row that a page's end cut goes on with the row before.
A table without ruling lines is found by its text instead, on a page where lines stand side by
side: pdfplumber's columns of aligned text, three or more, each holding text on two lines or
more (a list's bullets hold none beside them). Its rows are told apart by the space a cell's
padding leaves between them, or, in a table set tight, by the number that opens each row. A
table that goes on over a page is read there in the columns of the page before, where a column
holds no text on that page.

Text copied out of a PDF keeps the page's breaks without its geometry: :func:`unwrap_text` joins
its lines where they break at one width (:func:`wrap_width`).

:func:`reflow` works on :class:`LaidLine` values and knows nothing of PDFs; :func:`laid_lines`
reads them from a file with pdfplumber and pdfminer, and :func:`pdf_text` does both.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from extract.outline import find_headings
from extract.text import matching_text

if TYPE_CHECKING:
    from pdfminer.layout import LTTextLine
    from pdfplumber.page import Page
    from pdfplumber.table import Table

# A box on a page: left, top, right, bottom, measured from the page's top left corner (pdfplumber's).
Box = tuple[float, float, float, float]
# A column's left and right edges.
Span = tuple[float, float]

__all__ = [
    "LaidLine",
    "display_width",
    "indents_paragraphs",
    "join_stranded_punctuation",
    "laid_lines",
    "laid_row",
    "page_numbers",
    "pdf_text",
    "reflow",
    "running_heads",
    "text_lines",
    "unwrap_text",
    "wrap_width",
]

# How far, in line heights (about one character of Chinese type), a line may stop short of the
# right edge and still run to it: unjustified type leaves up to two characters free where a
# character that may not start a line (、，。）) is carried over with the one before it.
RIGHT_SLACK = 2.5
# How far, as a share of the cell's width, a line in a table's cell may stop short of the cell's
# widest line and still run on (and never more than RIGHT_SLACK): a unit column is a few
# characters wide, and a unit written on its own line may stop only one or two short.
CELL_SHARE = 0.25
# How far past the left edge a line may start and still start at it: less than the two
# characters' indent of a paragraph's first line.
LEFT_SLACK = 0.5
# How far, in characters, a line of text copied from a PDF may stop short of the width it was
# broken at and still run to it: more than on the page, where it is measured, as a line's Latin
# letters, digits and punctuation take from a third to two thirds of a character each.
TEXT_SLACK = 4.0
# The share of a text's lines that may be wider than the width it was broken at (a table's row,
# a web address).
WIDER_SHARE = 0.05
# pdfplumber's settings for a table without ruling lines: its columns and lines told by its text.
TEXT_TABLE = {"vertical_strategy": "text", "horizontal_strategy": "text"}
# How many columns a table without ruling lines has at least: a task, a lead and a partner; two
# columns of text side by side are as often a page's layout (a signature beside a date).
TEXT_TABLE_COLUMNS = 3
# How much space, in characters, a table without ruling lines leaves free before each column.
COLUMN_SPACE = 0.5
# The share of a table's lines without ruling lines that leave that space before each column;
# the rest are headings wrapped in a narrow cell.
CLEAR_SHARE = 2 / 3
# The share of lines that start indented in a document that indents its paragraphs' first lines
# (a plan of paragraphs of three to five lines: a fifth to a third).
INDENTED_SHARE = 0.1
# How much wider, in line heights, a gap between paragraphs is than the usual gap between two
# lines of a paragraph, where a layout spaces paragraphs.
PARAGRAPH_GAP = 0.2
# How much wider than the usual gap between two lines, in line heights, a gap holds a blank line.
BLANK_LINE = 0.8
_SENTENCE_ENDS = "。！？!?"
# A line holding only a mark a sentence goes on after, as a web page that set marks apart leaves it.
_STRANDED_PUNCTUATION = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*([，,；;、：:])[ \t\u3000]*\n")
# A page number that shows it is one in plain text, where a bare number may be a table's row.
_DECORATED_PAGE_NUMBER = re.compile(
    r"\s*(?:[\-—–－]+\s*\d{1,4}\s*[\-—–－]+|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?)\s*"
)
# A table's row number in its first cell: 1, (1), （一）, 一、.
_ROW_NUMBER = re.compile(r"\s*[（(]?[0-9一二三四五六七八九十]")
_PAGE_NUMBER = re.compile(r"[\s\-—–－_]*(?:第\s*)?(\d{1,4})\s*(?:页(?:\s*[/，,]?\s*共\s*\d+\s*页)?)?[\s\-—–－_]*")


@dataclass(frozen=True)
class LaidLine:
    """One line of text as a page lays it out: its text without the line end; where it starts
    and stops across the page and its height; where its top and its foot stand (measured up
    from the page's foot, as PDF does); its page (from 0); and, when it is a ruled table's row
    (:func:`laid_row`), its cells: such a line is never joined to another."""

    text: str
    x0: float
    x1: float
    height: float
    top: float
    page: int
    cells: tuple[str, ...] = ()

    @property
    def foot(self) -> float:
        return self.top - self.height

    @property
    def table_row(self) -> bool:
        return bool(self.cells)


def laid_row(cells: Sequence[str], x0: float, x1: float, height: float, top: float, page: int) -> LaidLine:
    """A ruled table's row as a line of its *cells* parted by ``|``: ``1 | 建设平台 | 市数据局 |``."""
    return LaidLine(" | ".join(cells) + " |", x0, x1, height, top, page, tuple(cells))


def page_numbers(lines: Sequence[LaidLine]) -> set[int]:
    """The indexes in *lines* of page numbers: the lowest lines of their pages (or the highest,
    whichever counts more pages) that are a number alone and count the pages, on at least half
    the pages and two of them; or on one page, set off as page numbers are (— 1 —, 第1页).

    >>> footer = [LaidLine("— 1 —", 280, 320, 14, 40, 0), LaidLine("— 2 —", 280, 320, 14, 40, 1)]
    >>> body = [LaidLine("正文", 85, 505, 16, 700, 0), LaidLine("2", 85, 95, 16, 770, 1)]
    >>> sorted(page_numbers([body[0], footer[0], body[1], footer[1]]))
    [1, 3]
    """
    pages = {line.page for line in lines}
    best: set[int] = set()
    for highest in (False, True):
        ends = _page_ends(lines, highest=highest)
        counting = {page: index for page, index in ends.items() if _PAGE_NUMBER.fullmatch(lines[index].text)}
        offsets = Counter(int(_number(lines[index].text)) - page for page, index in counting.items())
        if not offsets:
            continue
        offset, count = offsets.most_common(1)[0]
        found = {index for page, index in counting.items() if int(_number(lines[index].text)) - page == offset}
        decorated = all(_DECORATED_PAGE_NUMBER.fullmatch(lines[index].text) for index in found)
        if (count >= 2 or decorated) and count * 2 >= len(pages) and count > len(best):
            best = found
    return best


def running_heads(lines: Sequence[LaidLine]) -> set[int]:
    """The indexes in *lines* of running heads and feet: the highest (or lowest) lines of their
    pages whose text is the same on at least half the pages and two of them (a document's number
    or title set atop every page), two letters or more: a lone ``|`` of a flattened table is no
    head. A table's rows are none: a header row may open every page.

    >>> head = [LaidLine("某政办发〔2030〕1号", 85, 300, 12, 800, page) for page in (0, 1)]
    >>> body = [LaidLine("正文", 85, 505, 16, 700, 0), LaidLine("正文续", 85, 505, 16, 700, 1)]
    >>> sorted(running_heads([head[0], body[0], head[1], body[1]]))
    [0, 2]
    """
    pages = {line.page for line in lines}
    found: set[int] = set()
    for highest in (True, False):
        ends = _page_ends(lines, highest=highest)
        texts = Counter(lines[index].text.strip() for index in ends.values())
        if not texts:
            continue
        text, count = texts.most_common(1)[0]
        if count >= 2 and count * 2 >= len(pages) and len(re.findall(r"\w", text)) >= 2:
            found |= {index for index in ends.values() if lines[index].text.strip() == text}
    return found


def _page_ends(lines: Sequence[LaidLine], *, highest: bool) -> dict[int, int]:
    """For each page, the index in *lines* of its highest (or lowest) written line that is no
    table row."""
    ends: dict[int, int] = {}
    for index, line in enumerate(lines):
        if line.text.strip() and not line.table_row:
            current = ends.get(line.page)
            if current is None or (line.top > lines[current].top if highest else line.top < lines[current].top):
                ends[line.page] = index
    return ends


def _number(text: str) -> str:
    found = _PAGE_NUMBER.fullmatch(text)
    return found.group(1) if found else ""


def reflow(lines: Sequence[LaidLine]) -> str:
    """The text of *lines* (in reading order) with the breaks that the layout made joined.

    A line runs on into the next when it reaches the text's right edge (within
    :data:`RIGHT_SLACK` line heights), the next line starts at the left edge, and no gap wider
    than the document's usual gap between lines by :data:`PARAGRAPH_GAP` line heights parts
    them; after a sentence's end (。！？) only in a document that indents its paragraphs' first
    lines (:func:`indents_paragraphs`). The edges are the document's, where its lines start at
    the leftmost and end at the rightmost: a page of a few short lines (a signature, a date) has
    no edges of its own. Latin letters and digits on both sides of a join keep a space between
    them; Chinese text joins without one. Two lines that do not run on are parted by a blank
    line where the gap between them is wider than the usual gap by most of a line
    (:data:`BLANK_LINE`). A table's row (:func:`laid_row`) is a line of its own, and one that a
    page's end cut goes on with the row before it.

    >>> note = [LaidLine("责任单位：省数字办、省委办", 85, 505, 16, 700, 0),
    ...         LaidLine("公厅", 85, 117, 16, 680, 0)]
    >>> reflow(note)
    '责任单位：省数字办、省委办公厅'
    >>> reflow([note[0], LaidLine("公厅", 117, 149, 16, 680, 0)])  # indented: a new paragraph
    '责任单位：省数字办、省委办\\n公厅'
    """
    dropped = page_numbers(lines) | running_heads(lines)
    kept = _rows_over_page_ends([line for index, line in enumerate(lines) if index not in dropped])
    if not any(line.text.strip() for line in kept):
        return "\n".join(line.text.rstrip() for line in kept)
    left = min(line.x0 for line in kept if line.text.strip())  # a table's rows span the text as its lines do
    right = max(line.x1 for line in kept if line.text.strip())
    written = [line for line in kept if line.text.strip() and not line.table_row]
    usual_gap = _usual_gap([line for line in kept if not line.table_row])
    indented = indents_paragraphs(written, left)
    parts: list[str] = []
    joined = False  # whether the line before runs on into this one
    for line, following in pairwise(kept):
        text = line.text.strip() if joined else line.text.rstrip()
        joined = (
            bool(text)
            and not line.table_row
            and not following.table_row
            and (indented or text[-1] not in _SENTENCE_ENDS)
            and line.x1 >= right - RIGHT_SLACK * line.height
            and following.x0 <= left + LEFT_SLACK * following.height
            and bool(following.text.strip())
            and (following.page != line.page or line.foot - following.top <= usual_gap + PARAGRAPH_GAP * line.height)
        )
        if joined:
            parts.append(text + _joint(text, following.text))
        else:
            blank = (
                following.page == line.page
                and not line.table_row
                and not following.table_row
                and line.foot - following.top > usual_gap + BLANK_LINE * line.height
            )
            parts.append(text + ("\n\n" if blank else "\n"))
    parts.append(kept[-1].text.strip() if joined else kept[-1].text.rstrip())
    return "".join(parts)


def _rows_over_page_ends(lines: list[LaidLine]) -> list[LaidLine]:
    """*lines* with a table's row that a page's end cut joined again: a row that opens a page
    right after a row of as many cells, its first cell (the row's number) empty, goes on with
    the row before, cell by cell."""
    kept: list[LaidLine] = []
    for line in lines:
        before = kept[-1] if kept else None
        if (
            before is not None
            and line.table_row
            and before.table_row
            and line.page == before.page + 1
            and len(line.cells) == len(before.cells)
            and not line.cells[0]
        ):
            cells = [a + _joint(a, b) + b if a and b else a or b for a, b in zip(before.cells, line.cells, strict=True)]
            kept[-1] = laid_row(cells, before.x0, before.x1, before.height, before.top, before.page)
        else:
            kept.append(line)
    return kept


def indents_paragraphs(lines: Sequence[LaidLine], left: float) -> bool:
    """Whether the paragraphs of *lines* start indented: at least :data:`INDENTED_SHARE` of the
    lines start one and a half to two and a half characters (line heights) right of *left*, as a
    two-character indent does.

    >>> lines = [LaidLine("一行", 117, 505, 16, 700, 0), LaidLine("二行", 85, 505, 16, 680, 0)]
    >>> indents_paragraphs(lines, 85), indents_paragraphs(lines[1:], 85)
    (True, False)
    """
    indented = sum(1 for line in lines if 1.5 * line.height <= line.x0 - left <= 2.5 * line.height)
    return indented > 0 and indented >= INDENTED_SHARE * len(lines)


def _usual_gap(lines: Sequence[LaidLine]) -> float:
    """The gap between the lines of a paragraph: a fifth of the gaps between a line's foot and
    the next line's top on one page are no wider. Not the median: in a plan of one-line
    paragraphs parted by blank lines, most gaps hold a blank line."""
    gaps = sorted(line.foot - following.top for line, following in pairwise(lines) if following.page == line.page)
    return gaps[len(gaps) // 5] if gaps else 0.0


def _joint(before: str, after: str) -> str:
    """What joins two parts of a paragraph: a space between Latin words or numbers, else nothing."""
    after = after.lstrip()
    latin = before[-1:].isascii() and before[-1:].isalnum() and after[:1].isascii() and after[:1].isalnum()
    return " " if latin else ""


def pdf_text(path: Path) -> str:
    """The text of the PDF at *path*, its paragraphs joined (:func:`reflow`); pdfminer's errors
    pass through for the reader to name, unwrapped from pdfplumber's."""
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return reflow(list(laid_lines(path)))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else None
        if cause is None:
            raise
        raise cause from exc


def laid_lines(path: Path) -> Iterator[LaidLine]:
    """The lines of the PDF at *path* as its pages lay them out, in pdfminer's reading order, a
    table's rows each one line in the table's place: ``序号 | 目标与任务 | 牵头单位 |``, a cell's
    lines read as a paragraph's (:func:`_cell_text`), a cell that a span covers empty, so that
    every cell stays under its column's label. Tables are pdfplumber's, found by their ruling
    lines; on a page without any, and where lines stand side by side (:func:`_side_by_side`),
    by their columns of text (:func:`_text_tables`)."""
    import pdfplumber

    frame: list[Span] = []  # the columns of the last table without ruling lines, which may go on
    with pdfplumber.open(path, laparams={}) as pdf:
        for number, page in enumerate(pdf.pages):
            height = float(page.height)
            page_lines = text_lines(page.layout)
            tables = [(table.bbox, _table_rows(table, page, number)) for table in page.find_tables()]
            if not tables and _side_by_side(page_lines):
                for table in page.find_tables(TEXT_TABLE):
                    for bbox, rows, columns in _text_tables(table, page, number, frame):
                        tables.append((bbox, rows))
                        frame = columns
            lines = [
                LaidLine(line.get_text().rstrip("\n"), line.x0, line.x1, line.height, line.y1, number)
                for line in page_lines
                if not any(_inside(line, bbox, height) for bbox, _ in tables)
            ]
            for bbox, rows in sorted(tables, key=lambda table: table[0][1], reverse=True):
                below = next((index for index, line in enumerate(lines) if line.top < height - bbox[1]), len(lines))
                lines[below:below] = rows
            page.close()  # pdfplumber keeps a page's objects till then: 234 MiB at peak for 96 pages, 48 with
            yield from lines


def text_lines(page: Iterable[object]) -> list[LTTextLine]:
    """The lines of text of a page pdfminer laid out, in its reading order."""
    from pdfminer.layout import LTTextContainer, LTTextLine

    return [line for box in page if isinstance(box, LTTextContainer) for line in box if isinstance(line, LTTextLine)]


def _inside(line: LTTextLine, bbox: Box, page_height: float) -> bool:
    """Whether a pdfminer line's middle is inside a pdfplumber box (its top measured down from
    the page's top)."""
    x0, top, x1, bottom = bbox
    middle_x = (line.x0 + line.x1) / 2
    middle_y = page_height - (line.y0 + line.y1) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom


def _table_rows(table: Table, page: Page, number: int) -> list[LaidLine]:
    """A pdfplumber table's rows as lines of cells parted by ``|``."""
    height = float(page.height)
    rows = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        cells = [_cell_text(page, cell) for cell in row.cells]
        rows.append(laid_row(cells, x0, x1, bottom - top, height - top, number))
    return rows


def _side_by_side(lines: Sequence[LTTextLine]) -> bool:
    """Whether two or more pairs of the page's lines stand side by side, level with each other
    and apart across the page: the cells of a table without ruling lines. A page of paragraphs
    has a line to a level, but for a signature beside its date."""
    levels = sorted(lines, key=lambda line: -line.y1)
    pairs = 0
    for index, line in enumerate(levels):
        for other in levels[index + 1 :]:
            if other.y1 <= line.y0:
                break
            if other.x0 >= line.x1 or line.x0 >= other.x1:
                pairs += 1
    return pairs >= 2


def _text_tables(
    table: Table, page: Page, number: int, frame: Sequence[Span]
) -> list[tuple[Box, list[LaidLine], list[Span]]]:
    """The boxes, rows and columns of the tables without ruling lines within columns of aligned
    text that pdfplumber found (:func:`_text_table_lines`), each with three columns or more, and
    each column with text on two of its lines or more. Their rows are as :func:`_text_table_rows`
    tells them. A table whose columns each fall in one of *frame*'s, the columns of the table
    before, goes on with it: its rows are read in those columns, so that each cell stays under
    its label where a column holds no text on a page."""
    texts = table.extract()
    edges = [column.bbox[0] for column in table.columns[1:]]
    if len(edges) + 1 < TEXT_TABLE_COLUMNS:
        return []
    crossed = _edges_crossed(page, [row.bbox for row in table.rows], edges)
    found = []
    for first, last in _text_table_lines(crossed, [any(_filled(cell) for cell in line) for line in texts]):
        lines = texts[first:last]
        counts = [sum(1 for line in lines if _filled(line[column])) for column in range(len(edges) + 1)]
        filled = [column for column, count in enumerate(counts) if count]
        if len(filled) < TEXT_TABLE_COLUMNS or min(counts[column] for column in filled) < 2:
            continue
        columns = [(table.columns[column].bbox[0], table.columns[column].bbox[2]) for column in filled]
        cells = [[line[column] for column in filled] for line in lines]
        places = [place for column in columns if (place := _column_of(column, frame)) is not None]
        if frame and len(places) == len(columns) == len(set(places)):
            cells = [_placed(line, places, len(frame)) for line in cells]
            left, right = min(frame[0][0], columns[0][0]), max(frame[-1][1], columns[-1][1])
            columns = [(left, frame[0][1]), *frame[1:-1], (frame[-1][0], right)]
        rows = [row.bbox for row in table.rows[first:last]]
        bbox = (columns[0][0], rows[0][1], columns[-1][1], rows[-1][3])
        found.append((bbox, _text_table_rows(rows, cells, columns, page, number), columns))
    return found


def _edges_crossed(page: Page, lines: Sequence[Box], edges: Sequence[float]) -> list[int]:
    """For each of pdfplumber's *lines*, how many column *edges* its characters run across or
    come closer to than COLUMN_SPACE characters, from the left."""
    chars = sorted(
        ((c["top"] + c["bottom"]) / 2, c["x0"], c["x1"], c["bottom"] - c["top"])
        for c in page.chars
        if c["text"].strip()
    )
    if not chars:
        return [0] * len(lines)
    space = COLUMN_SPACE * sorted(size for *_, size in chars)[len(chars) // 2]
    middles = [middle for middle, *_ in chars]
    crossed = []
    for _, top, _, bottom in lines:
        inside = chars[bisect_left(middles, top) : bisect_right(middles, bottom)]
        crossed.append(sum(any(edge - space < x1 and x0 < edge - 0.5 for _, x0, x1, _ in inside) for edge in edges))
    return crossed


def _placed(cells: Sequence[str | None], places: Sequence[int], width: int) -> list[str | None]:
    """*cells* set in a row of *width* cells at their *places*, the rest empty.

    >>> _placed(["甲", "乙"], [0, 2], 3)
    ['甲', None, '乙']
    """
    row: list[str | None] = [None] * width
    for place, cell in zip(places, cells, strict=True):
        row[place] = cell
    return row


def _column_of(column: Span, frame: Sequence[Span]) -> int | None:
    """The index of the column of *frame* that *column*'s middle falls in, or None."""
    middle = (column[0] + column[1]) / 2
    return next((index for index, (left, right) in enumerate(frame) if left <= middle <= right), None)


def _text_table_lines(crossed: Sequence[int], written: Sequence[bool]) -> list[tuple[int, int]]:
    """The runs (first line, past the last) of pdfplumber's lines that make tables, given how
    many column edges each line's text runs across (*crossed*) and whether it holds text
    (*written*). Chinese type stands in a grid, so pdfplumber finds columns in a paragraph too:
    a line that runs across two edges or more is a paragraph's, and parts tables; a line that
    runs across one may be a heading's wrapped in a narrow cell. A table opens and closes with
    a line that leaves half a character or more free before each column, and most of its lines
    (CLEAR_SHARE) do.

    >>> _text_table_lines([3, 0, 0, 1, 0, 0, 2, 1, 0], [True] * 9)
    [(1, 6)]

    A label wrapped in a narrow cell (序号, over an edge) opens the table with the line after it;
    a title over an edge, an empty line before the table, does not:

    >>> _text_table_lines([1, 0, 0, 0, 0], [True, True, False, True, True])
    [(0, 5)]
    >>> _text_table_lines([1, 0, 0, 0, 0], [True, False, True, True, True])
    [(2, 5)]
    """
    paragraph = [index for index, count in enumerate(crossed) if count >= 2]
    runs = list(zip([0, *(index + 1 for index in paragraph)], [*paragraph, len(crossed)], strict=True))
    tables = []
    for first, last in runs:
        while first < last and not _opens_a_row(crossed, written, first, last, 1):
            first += 1
        while last > first and not _opens_a_row(crossed, written, last - 1, first - 1, -1):
            last -= 1
        lines = [index for index in range(first, last) if written[index]]
        if len(lines) >= 2 and sum(not crossed[index] for index in lines) >= CLEAR_SHARE * len(lines):
            tables.append((first, last))
    return tables


def _opens_a_row(crossed: Sequence[int], written: Sequence[bool], index: int, stop: int, step: int) -> bool:
    """Whether line *index* opens (or, stepping back, closes) a table's row: it holds text and,
    where it runs across an edge (a label wrapped in a narrow cell), a line that leaves the
    space free follows it in the same row, before an empty line."""
    while index != stop and written[index]:
        if not crossed[index]:
            return True
        index += step
    return False


def _filled(cell: str | None) -> bool:
    return bool(cell and cell.strip())


def _text_table_rows(
    lines: Sequence[Box], texts: Sequence[Sequence[str | None]], columns: Sequence[Span], page: Page, number: int
) -> list[LaidLine]:
    """A table without ruling lines read a row to a line, as a ruled one (:func:`_table_rows`).
    Its *lines* (pdfplumber's, one for each line of text, with the *texts* of their cells) make
    one row until an empty one, the space between two rows; a table with no such space starts a
    row at each line whose first cell opens with a number (the row's; not 序 over 号)."""
    height = float(page.height)
    empty = [not any(_filled(cell) for cell in line) for line in texts]
    groups: list[list[int]] = [[]]
    for index, line in enumerate(texts):
        if empty[index]:
            groups.append([])
        elif not any(empty) and _ROW_NUMBER.match(line[0] or "") and groups[-1]:
            groups.append([index])
        else:
            groups[-1].append(index)
    rows = []
    for group in filter(None, groups):
        top, bottom = lines[group[0]][1], lines[group[-1]][3]
        cells = [_cell_text(page, (left, top, right, bottom)) for left, right in columns]
        rows.append(laid_row(cells, columns[0][0], columns[-1][1], bottom - top, height - top, number))
    return rows


def _cell_text(page: Page, bbox: Box | None) -> str:
    """A cell's text: a line that runs to the cell's right edge goes on into the next, as a
    paragraph's does; a shorter one ends where the writer ended it (units one to a line), and
    a space parts it from the next. A cell a span covers (None) is empty."""
    if bbox is None:
        return ""
    x0, top, x1, bottom = bbox
    inside = page.filter(
        lambda obj: x0 <= (obj["x0"] + obj["x1"]) / 2 <= x1 and top <= (obj["top"] + obj["bottom"]) / 2 <= bottom
    )  # a character is the cell's whose middle is in it: one a column's edge grazes is the next one's
    lines = [line for line in inside.extract_text_lines() if line["text"].strip()]
    if not lines:
        return ""
    left, right = min(line["x0"] for line in lines), max(line["x1"] for line in lines)
    text = lines[0]["text"].strip()
    for line, following in pairwise(lines):
        size = line["bottom"] - line["top"]
        slack = min(RIGHT_SLACK * size, CELL_SHARE * (right - left))
        runs_on = line["x1"] >= right - slack
        text += (_joint(text, following["text"]) if runs_on else " ") + following["text"].strip()
    return text


def display_width(text: str) -> float:
    """How many characters of Chinese type *text* takes: a Latin letter, digit or space half one.

    >>> display_width("闽政通APP")
    4.5
    """
    ascii_characters = len(text.encode("ascii", "ignore"))  # (counted in C: every line is measured)
    return len(text) - 0.5 * ascii_characters


def wrap_width(lines: Sequence[str]) -> float | None:
    """The width (:func:`display_width`) at which *lines* were broken, when they were: text copied
    from a PDF breaks where the page did, so that a quarter or more of its lines (four at least)
    end within :data:`TEXT_SLACK` characters of one width of fifteen or more and hardly any
    (:data:`WIDER_SHARE`) is wider; text written a paragraph a line gives None.

    >>> wrap_width(["一二三四五六七八九十" * 2] * 4 + ["一二三。"])
    20.0
    >>> wrap_width(["一二三四五六七八九十" * 2, "一二三四五六七八九十" * 5, "短句。"] * 2) is None
    True
    """
    widths = [display_width(line.strip()) for line in lines if line.strip()]
    for width in sorted({w for w in widths if w >= 15}, reverse=True):
        reaching = sum(1 for w in widths if width - TEXT_SLACK <= w <= width)
        wider = sum(1 for w in widths if w > width)
        if wider > WIDER_SHARE * len(widths):
            return None
        if reaching >= max(4, len(widths) / 4):
            return width
    return None


def unwrap_text(text: str) -> str:
    """*text* with the line breaks a page made joined, when it was copied from a PDF
    (:func:`wrap_width`); else *text* as it is.

    Without the page's geometry, a line runs on into the next when it reaches the wrap width
    (within :data:`TEXT_SLACK`), does not end a sentence (。！？) or a table's row (``|``) or
    hold tab-parted cells, and the next line is written, not indented, and opens no numbered heading. Page
    numbers set off by dashes or 第…页 (— 3 —, 第3页) are dropped, so a paragraph goes on over a
    page's end; a bare number may be a table's row and stays.

    >>> unwrap_text("（一）依托市一体化政务大数据\\n平台汇聚数据。\\n（二）升级政务外网。", ) == (
    ...     "（一）依托市一体化政务大数据\\n平台汇聚数据。\\n（二）升级政务外网。")  # no wrap width: as it is
    True
    """
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    lines = [line for line in lines if not _DECORATED_PAGE_NUMBER.fullmatch(line)]
    parts: list[str] = []
    for line, following in pairwise(lines):
        text_line = line.rstrip()
        runs_on = (
            display_width(text_line.strip()) >= width - TEXT_SLACK
            and text_line[-1] not in _SENTENCE_ENDS
            and not text_line.endswith("|")
            and "\t" not in text_line
            and bool(following.strip())
            and not following[:1].isspace()
            and not _opens_a_heading(following)
        )
        parts.append(text_line + _joint(text_line, following) if runs_on else line + "\n")
    parts.append(lines[-1])
    return "".join(parts)


def join_stranded_punctuation(text: str) -> str:
    """*text* with a line that holds only a mark a sentence goes on after (， ； 、 ：) joined to
    the lines around it: a web page that set each mark apart, copied, leaves it so, and its
    sentence would be read as two.

    >>> join_stranded_punctuation("第四条 省政府办公厅是主管部门\\n,\\n负责指导工作。\\n;\\n")
    '第四条 省政府办公厅是主管部门,负责指导工作。\\n;\\n'
    """
    return _STRANDED_PUNCTUATION.sub(lambda m: m.group(1) if m.end() < len(text) else m.group(0), text)


def _opens_a_heading(line: str) -> bool:
    """Whether *line* starts with a numbered heading's marker (一、, （一）, 1., 第五条 …)."""
    return any(heading.start == 0 for heading in find_headings(matching_text(line)))
