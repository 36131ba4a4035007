"""The outline of a plan: numbered headings, boilerplate, tasks and initiatives.

Headings are found by their markers: sections ``一、``, items ``（一）``, points ``1.``/``1、``
and sub-points ``（1）``, in the punctuation plans use (``1．``, ``1﹒``, ``1)``, ``①``), and
the articles of rules (``第五条``, not their chapters) where a line or sentence starts.
The item of a note is the nearest marker before it, whatever its
depth, so a section with an unnumbered paragraph, items numbered across sections and a
document flattened onto one line all read the same. Repeated passages are merged: an item
that occurs again (same marker, same title) is one initiative, and an exact repeat of a task
is one task with several occurrences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter

from extract.lexicon import load_lexicon
from extract.metadata import ADDRESSEES
from extract.model import Heading, Initiative, Metadata, Note, Task
from extract.text import alternation, compact

__all__ = [
    "CHAPTER_BEFORE_ITS_FIRST_ARTICLE",
    "DEEP_SECTION_NUMBER",
    "SECTION_NUMBER",
    "build_tasks",
    "find_boilerplate",
    "find_headings",
    "heading_before",
    "in_spans",
    "merge_initiatives",
    "merge_spans",
    "title_spans",
]

_CN = "一二三四五六七八九十百"
# a technical plan's section number of two levels or more (3.2, 2.2.1; not 3.0 or 2.05), and of
# three or more, which no date or decimal writes
SECTION_NUMBER = r"[1-9]\d?(?:[.．][1-9]\d?){1,3}"
DEEP_SECTION_NUMBER = r"[1-9]\d?(?:[.．][1-9]\d?){2,3}"
_BOUNDARY = r"(?:(?<=^)|(?<=[\n\s。；：！？）〕】”]))"
# a chapter's number and heading, then its first article's number, where a copy lost the breaks between
# them (第一章总则第一条, 第五章个人养老金机构与产品管理第三十三条)
CHAPTER_BEFORE_ITS_FIRST_ARTICLE = re.compile(
    f"第[{_CN}]{{1,3}}章[ \u3000]*[\u4e00-\u9fff]{{2,16}}?[ \u3000]*(?P<marker>第[{_CN}零〇]{{1,5}}条)[ \u3000]*"
)
_MARKERS = [
    (1, re.compile(_BOUNDARY + f"[{_CN}]{{1,4}}、")),
    (2, re.compile(f"(?<!第)（[{_CN}]{{1,4}}）")),  # not a reference to an item (第（二）项)
    (3, re.compile(_BOUNDARY + r"\d{1,2}(?:[.．﹒](?!\d)|、|）)")),
    (4, re.compile(r"(?<!第)（\d{1,2}）|[\u2460-\u2473]")),
    # a table's row number, on its own line (indented, as web copies of tables keep their cells) or
    # first in a row whose cells bars or tabs part (1 | 建设平台 | 市数据局; 1<tab>建设平台<tab>市数据局)
    (3, re.compile(r"(?m)^[ \t\u3000]*(?P<marker>[1-9]\d{0,2})(?=[ \t\u3000]*\|?[ \t\u3000]*$)")),
    (3, re.compile(r"(?m)^[ \t\u3000]*\|?[ \t\u3000]*(?P<marker>[1-9]\d{0,2})(?=[ \t\u3000]*\|[^\n]*[^\s|])")),
    (3, re.compile(r"(?m)^[ \u3000]*(?P<marker>[1-9]\d{0,2})(?=\t[^\n\t]*[^\s][^\n\t]*\t[^\n]*\S)")),
    (2, re.compile(_BOUNDARY + f"第[{_CN}零〇]{{1,5}}条")),  # the articles of rules (办法, 规定), not their chapters
    # the first article run on after its chapter's heading, where a copy lost the breaks (…办法第一章总则第一条为…)
    (2, CHAPTER_BEFORE_ITS_FIRST_ARTICLE),
    # a section number of a technical plan at a line's start, a blank after it (3.2 建设云平台;
    # not 3.0版 or 2.5%, which no blank follows), or at a paragraph's indent in a copy on one line,
    # its heading's text straight after it (…。　　2.2.1省商务厅负责…)
    (4, re.compile(f"(?m)^[ \t\u3000]*(?P<marker>{SECTION_NUMBER})(?=[ \t\u3000]+[^\\s\\d])")),
    (4, re.compile(f"(?<=\u3000\u3000){SECTION_NUMBER}(?=[\u4e00-\u9fff])")),
    # one of three levels or more glued between a heading's title and its text (…保障2.2.1省商务厅…)
    (4, re.compile(f"(?<=[\u4e00-\u9fff]){DEEP_SECTION_NUMBER}(?=[\u4e00-\u9fff])")),
]
_TITLE_END = re.compile(r"[。；！？\n]")
_MAX_HEADER_LENGTH = 60  # characters of a table's header written on its rows' line
_MAX_TITLE = 100
_TITLE_GAP = r"[\s的]*"  # what may stand between two characters of a title written in the text
_TITLE_LEAD = 8  # characters of a place before a title on its line (厦门市, 宁夏回族自治区)
_WORD_ONLY = re.compile(r"[\u4e00-\u9fff]*")


def _title_end(norm: str, start: int, limit: int) -> int:
    match = _TITLE_END.search(norm, start, min(limit, start + _MAX_TITLE))
    end = match.start() if match else min(limit, start + _MAX_TITLE)
    if match and norm[end] == "\n":
        end = _join_split_heading(norm, start, end, limit)
    return end


def _join_split_heading(norm: str, start: int, end: int, limit: int) -> int:
    """A short heading line continued on the next line (``一、加快建设`` / ``数字政府``)."""
    next_end = norm.find("\n", end + 1)
    next_end = len(norm) if next_end < 0 else next_end
    following = norm[end + 1 : next_end].strip()
    if (
        end - start <= 20
        and 0 < len(following) <= 20
        and next_end <= limit
        and not any(p.match(following) for _, p in _MARKERS)
        and not _TITLE_END.search(following)
        and not following.startswith(("（", "〔"))
        and "：" not in following
    ):
        return next_end
    return end


def find_headings(norm: str) -> list[Heading]:
    """Every numbered heading, in document order.

    >>> [h.marker for h in find_headings("一、总体要求（一）指导思想。1.建设平台3.0版。")]
    ['一、', '（一）', '1.']
    >>> [h.marker for h in find_headings("依据办法第（二）项、第（3）项。（一）建设平台。")]
    ['（一）']
    >>> [h.marker for h in find_headings("序号 | 任务\\n1 | 建设平台 |\\n| 12 | 2025 | 推进\\n2025 | 年度")]
    ['1', '12']
    >>> [h.marker for h in find_headings("3.1 夯实基础\\n3.2 建设云平台\\n2.5%的增长\\n3.0版平台")]
    ['3.1', '3.2']
    >>> [h.marker for h in find_headings("平台管理办法第一章总则第一条为规范管理。\\n第一章 总则\\n第一条 为规范")]
    ['第一条', '第一条']
    >>> [h.marker for h in find_headings("六、落实政策。责任单位：省财政厅七、加强宣传。")]
    ['六、', '七、']
    >>> [h.marker for h in find_headings("一、建立应急响应。分为一、二、三级响应。")]
    ['一、']
    >>> [h.marker for h in find_headings("（二）建设重点1.光网。加快建设。2.基站。（三）版本1.0建设")]
    ['（二）', '1.', '2.', '（三）']
    """
    found = sorted(  # a set: two patterns may find one marker (第一章总则|第一条 at a line's start)
        {
            (*m.span("marker" if "marker" in p.groupindex else 0), depth)
            for depth, p in _MARKERS
            for m in p.finditer(norm)
        }
    )
    glued = _glued_sections(norm, found) + _glued_first_items(norm, found)
    found = sorted(found + glued + [(a, b, 3) for a, b, _ in glued_table_rows(norm)])
    headings = []
    for index, (start, marker_end, depth) in enumerate(found):
        limit = found[index + 1][0] if index + 1 < len(found) else len(norm)
        end = _title_end(norm, marker_end, limit)
        title = " ".join(re.sub(r"\s*\n\s*", "", norm[marker_end:end]).replace("|", " ").split())  # no table bars
        headings.append(Heading(norm[start:marker_end], depth, title, start, end))
    return headings


# a number standing alone before a Chinese character: not a year, a date or a quantity (2024年, 3个)
ROW_NUMBER_END = "(?![\\d年月日号个项%．.、])"
_GLUED_NUMBER = re.compile(f"(?<![\\d.．])\\d{{1,3}}{ROW_NUMBER_END}(?=[\\u4e00-\\u9fff])")
GLUED_TASK = 4  # characters of a task, at least, in a table's row glued to the next (制定标准|工业和信息化部)


def glued_table_rows(norm: str) -> list[tuple[int, int, int]]:
    """The rows of each table copied onto one line with no mark between its cells: a header on the
    line, a row number's header then a unit column's label within a few words (序号 重点任务 责任
    部门 时间进度), then rows each opening with the next number standing alone between Chinese
    characters (…完成|2|建立…, not 2016年). Each row as (its number's start, the number's end,
    where the row ends), two rows or more to a table.

    >>> text = "序号 任务 责任单位 时限1建设平台省数据局2025年底前2完善系统省财政局持续推进"
    >>> [text[a:b] for a, b, _ in glued_table_rows(text)]
    ['1', '2']
    """
    lexicon = load_lexicon()
    headers = re.compile(alternation(lexicon.row_number_headers))
    rows: list[tuple[int, int, int]] = []
    position = 0
    for line in norm.split("\n"):
        for header in headers.finditer(line):
            numbers: list[re.Match[str]] = []
            at = header.end()
            while (found := _glued_row_number(line, at, len(numbers) + 1)) is not None:
                numbers.append(found)
                at = found.end() + GLUED_TASK
            labelled = bool(numbers) and lexicon.unit_label_pattern.search(line, header.end(), numbers[0].start())
            if len(numbers) >= 2 and labelled and numbers[0].start() - header.end() <= _MAX_HEADER_LENGTH:
                ends = [n.start() for n in numbers[1:]] + [len(line)]
                rows += [
                    (position + n.start(), position + n.end(), position + e) for n, e in zip(numbers, ends, strict=True)
                ]
                break
        position += len(line) + 1
    return rows


def _glued_row_number(line: str, start: int, number: int) -> re.Match[str] | None:
    """The first *number* in ``line[start:]`` standing alone between Chinese characters."""
    return next((m for m in _GLUED_NUMBER.finditer(line, start) if m.group() == str(number)), None)


_GLUED_SECTION = re.compile(f"[{_CN}]{{1,3}}、(?=[\u4e00-\u9fff])")
_NUMERALS = {numeral: value for value, numeral in enumerate("一二三四五六七八九", 1)}


def _section_number(marker: str) -> int | None:
    """The number a section's marker writes (七、 7, 十二、 12, 二十、 20); None for another."""
    tens, ten, ones = marker.rstrip("、").partition("十")
    if not ten:
        return _NUMERALS.get(tens) if len(tens) == 1 else None
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in _NUMERALS) or (ones and ones not in _NUMERALS):
        return None
    return _NUMERALS.get(tens, 1) * 10 + _NUMERALS.get(ones, 0)


def _glued_sections(norm: str, found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Section markers glued to the text before them, as a copy on one line writes them
    (…省财政厅七、加强宣传): only the numbers that go on from the section before, up to the next
    section found, so that no run of ordinals (一、二级) is taken for one."""
    sections = [(start, end) for start, end, depth in found if depth == 1]
    glued: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(sections):
        expected = _section_number(norm[start:end])
        limit = sections[index + 1][0] if index + 1 < len(sections) else len(norm)
        position = end
        while expected is not None:
            expected += 1
            after = (
                m for m in _GLUED_SECTION.finditer(norm, position, limit) if norm[m.start() - 1] not in _CN + "、第"
            )  # not 一、二、三级
            marker = next((m for m in after if _section_number(m.group()) == expected), None)
            if marker is None:
                break
            glued.append((marker.start(), marker.end(), 1))
            position = marker.end()
    return glued


# the first item's number glued to the title of the heading above it (（二）投资重点1.光网。)
_GLUED_FIRST_ITEM = re.compile(r"(?<=[\u4e00-\u9fff])1[.．﹒](?=[\u4e00-\u9fff])")


def _glued_first_items(norm: str, found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The first item's marker glued to the title of a heading of a level above it, as a copy on
    one line writes it (（二）投资重点1.光网。加快…。2.…): a 1. between Chinese characters inside
    the title, before its full stop and the next marker found (1.0版 is a version: a digit
    follows)."""
    glued: list[tuple[int, int, int]] = []
    for index, (_, end, depth) in enumerate(found):
        if depth >= 3:
            continue
        limit = found[index + 1][0] if index + 1 < len(found) else len(norm)
        stop = _TITLE_END.search(norm, end, limit)
        marker = _GLUED_FIRST_ITEM.search(norm, end, stop.start() if stop else limit)
        if marker is not None:
            glued.append((marker.start(), marker.end(), 3))
    return glued


# a notice that issues the plan (X关于印发Y的通知): searched from each 关于印发 only, the words of
# its issuer at most this many characters before it (a scan from every character costs the most)
_ISSUING = "关于印发"
_ISSUER_REACH = 40
_ISSUING_NOTICE = re.compile(rf"[^\s。，；：]{{2,{_ISSUER_REACH}}}{_ISSUING}[^\s。；]{{2,80}}的通知")

_BOILERPLATE = [
    re.compile(r"(?:发布|成文|印发)日期[：]\s*\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?"),
    ADDRESSEES,
    re.compile(r"《[^》\n]{2,80}》(?:已经)[^。\n]{0,40}同意[，]?\s*现[^。\n]{0,20}给你们[^。\n]*。"),
    re.compile(r"(?:经[^。\n]{1,10}同意[，]?\s*)?现将[^。\n]{0,60}通知如下[：]"),
    re.compile(
        r"(?:^|(?<=[\s。）]))[^\s。，；：（）]{2,30}(?:人民政府办公厅|人民政府|办公厅|办公室|管理局|委员会|国务院)"
        r"\s*\d{4}年\d{1,2}月\d{1,2}日"
    ),
    re.compile(r"（此件[^）]{1,10}）"),
    # a web page's chrome: its navigation path (首页 > 政务公开 > 正文) and who a report is from
    re.compile(r"^[^\n>»›]{1,30}(?:[ \t]*[>»›][ \t]*[^\n>»›]{1,30}){2,}(?:[ \t]*[>»›])?[ \t]*$", re.MULTILINE),
    re.compile(
        r"(?:^|(?<=\s))(?:信息来源|来源|稿源|作者)[：]\s*[^\s，。；]{2,30}|据[^，。；\s]{2,20}(?:消息|报道)",
        re.MULTILINE,
    ),
    # a report's byline in brackets ((福建日报新媒体·闽南网记者 梁政)) and a site's greeting
    re.compile(r"[（][^（）\n]{0,40}记者[^（）\n]{0,30}[）]"),
    re.compile(r"欢迎访问[^\n。！]{2,40}[！。]?"),
    re.compile(
        r"(?:\d{4}年[^。；\n]{0,40}?|做好[^。\n]{0,40}?)[，]?\s*要以习近平新时代中国特色社会主义思想为指导[^。]*。"
    ),
]


def find_boilerplate(norm: str, metadata: Metadata) -> list[tuple[int, int]]:
    """Spans of the notice, preamble, signature, 此件主动公开 and the title repeated in the body."""
    spans = [(m.start(), m.end()) for pattern in _BOILERPLATE for m in pattern.finditer(norm)]
    return merge_spans(spans + _issuing_notices(norm) + title_spans(norm, metadata))


def _issuing_notices(norm: str) -> list[tuple[int, int]]:
    """Spans of ``X关于印发Y的通知``, as a scan of the whole text finds them: a match starts at most
    the issuer's reach before the first 关于印发 after the one before, so the search starts there.

    >>> text = "办公厅关于印发建设方案的通知\\n正文。市政府关于印发实施意见的通知"
    >>> _issuing_notices(text) == [m.span() for m in _ISSUING_NOTICE.finditer(text)]
    True
    """
    spans: list[tuple[int, int]] = []
    at = 0
    while (keyword := norm.find(_ISSUING, at)) >= 0:
        found = _ISSUING_NOTICE.search(norm, max(at, keyword - _ISSUER_REACH))
        if found is None:
            break
        spans.append(found.span())
        at = found.end()
    return spans


def title_spans(norm: str, metadata: Metadata) -> list[tuple[int, int]]:
    """Where the title stands in the text, itself and repeated (none for a title under six
    characters, which may be any phrase): also wrapped over lines, with the 的 the title drops
    (…进一步落实\n\n优化营商环境政策的若干措施), from its line's start where only a few
    characters without punctuation stand before it there (its issuer's place, 厦门市)."""
    if not metadata.title or len(metadata.title) < 6:
        return []
    written = re.compile(_TITLE_GAP.join(re.escape(character) for character in metadata.title))
    spans = []
    for found in written.finditer(norm):
        line_start = norm.rfind("\n", 0, found.start()) + 1
        before = norm[line_start : found.start()]
        start = line_start if len(before) <= _TITLE_LEAD and _WORD_ONLY.fullmatch(before) else found.start()
        spans.append((start, found.end()))
    return spans


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """*spans* sorted, overlapping ones joined: the form :func:`in_spans` searches by halving.

    >>> merge_spans([(5, 9), (0, 2), (1, 3), (9, 10)])
    [(0, 3), (5, 10)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def in_spans(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether *position* lies in one of *spans* (merged, see :func:`merge_spans`).

    >>> in_spans([(0, 3), (5, 10)], 3), in_spans([(0, 3), (5, 10)], 9)
    (False, True)
    """
    index = bisect_right(spans, position, key=itemgetter(0)) - 1
    return index >= 0 and position < spans[index][1]


def heading_before(starts: list[int], position: int) -> int | None:
    """Index of the nearest heading that starts before *position*, given the headings' starts."""
    index = bisect_right(starts, position - 1) - 1
    return index if index >= 0 else None


def _subtract(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) less merged *holes*; only the holes that meet it are visited."""
    pieces, cursor = [], start
    for index in range(bisect_right(holes, start, key=itemgetter(1)), len(holes)):
        hole_start, hole_end = holes[index]
        if hole_start >= end:
            break
        if hole_start > cursor:
            pieces.append((cursor, hole_start))
        cursor = max(cursor, hole_end)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def merge_initiatives(headings: list[Heading]) -> tuple[list[Initiative], list[int]]:
    """One initiative per distinct (marker, title); the initiative index of every heading."""
    initiatives: list[Initiative] = []
    by_key: dict[tuple[str, str], int] = {}
    of_heading: list[int] = []
    stack: list[int] = []  # heading indices of the open ancestors
    for index, heading in enumerate(headings):
        while stack and headings[stack[-1]].depth >= heading.depth:
            stack.pop()
        key = (compact(heading.marker), compact(heading.title))
        if key not in by_key:
            parent = of_heading[stack[-1]] if stack else None
            by_key[key] = len(initiatives)
            initiatives.append(Initiative(heading.marker, heading.title, [], parent))
        initiatives[by_key[key]].headings.append(index)
        of_heading.append(by_key[key])
        stack.append(index)
    return initiatives, of_heading


def build_tasks(
    text: str,
    headings: list[Heading],
    notes: list[Note],
    boilerplate: list[tuple[int, int]],
    of_heading: list[int],
) -> list[Task]:
    """The text each note covers, merged where a task repeats exactly.

    A note covers the text since the previous note or the start of its item, less
    boilerplate. A note that stands straight after its heading's title (a 牵头单位 block over
    the points below it) covers the following deeper headings that have no note of their own.
    """
    tasks: list[Task] = []
    by_key: dict[tuple[int | None, str, str], int] = {}
    noted_headings = {n.heading for n in notes}
    previous_end = 0
    for note_index, note in enumerate(notes):
        heading = headings[note.heading] if note.heading is not None else None
        start = max(previous_end, heading.start + len(heading.marker) if heading else 0)
        spans = _subtract(start, note.start, boilerplate)
        body = "".join(text[a:b] for a, b in spans).strip()
        if heading is not None and compact(body) in ("", compact(heading.title)):
            spans = _block_spans(headings, note.heading, noted_headings, boilerplate, note) or spans  # type: ignore[arg-type]
        spans = [s for s in spans if text[s[0] : s[1]].strip()]
        if not spans and heading is not None:
            spans = [(heading.start + len(heading.marker), heading.end)]
        task_text = "".join(text[a:b] for a, b in spans).strip()
        initiative = of_heading[note.heading] if note.heading is not None else None
        key = (initiative, compact(task_text), compact(note.raw))
        occurrence = (spans[0][0], spans[-1][1]) if spans else (note.start, note.start)
        if key in by_key:
            task = tasks[by_key[key]]
            task.notes.append(note_index)
            task.occurrences.append(occurrence)
        else:
            by_key[key] = len(tasks)
            tasks.append(Task(initiative, task_text, spans, [note_index], [occurrence]))
        previous_end = note.end
    return tasks


def _block_spans(
    headings: list[Heading], index: int, noted: set[int | None], boilerplate: list[tuple[int, int]], note: Note
) -> list[tuple[int, int]]:
    """Spans of the note-less deeper headings under heading *index*, after the note."""
    depth = headings[index].depth
    spans: list[tuple[int, int]] = []
    for position in range(index + 1, len(headings)):
        heading = headings[position]
        if heading.depth <= depth:
            break
        if heading.start < note.end or position in noted:
            continue
        following = headings[position + 1].start if position + 1 < len(headings) else heading.end
        end = following if position + 1 < len(headings) else heading.end
        spans += _subtract(heading.start, max(end, heading.end), boilerplate)
    return spans
