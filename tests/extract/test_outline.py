"""Headings, tasks, repeats and boilerplate."""

from __future__ import annotations

from extract import extract_text
from extract.outline import find_headings


def test_heading_depths_and_titles() -> None:
    text = "一、总体要求\n（一）指导思想。以新思想为指导。\n1.建设平台3.0版。\n（1）试点。\n二、主要任务"
    headings = find_headings(text)
    assert [(h.marker, h.depth, h.title) for h in headings] == [
        ("一、", 1, "总体要求"),
        ("（一）", 2, "指导思想"),
        ("1.", 3, "建设平台3.0版"),
        ("（1）", 4, "试点"),
        ("二、", 1, "主要任务"),
    ]


def test_numbers_inside_sentences_are_not_markers() -> None:
    text = "推进生态云平台3.0建设，到2020年达到1.2亿千瓦，十九届二中、三中全会精神，一、二产业融合。"
    assert find_headings(text) == []


def test_a_heading_split_over_two_lines_is_joined() -> None:
    headings = find_headings("一、加快建设\n数字政府\n（一）整合网络。")
    assert headings[0].title == "加快建设数字政府"


def test_items_on_one_line_separated_by_spaces() -> None:
    text = "  (一)持续优化营商环境。建设招商数据库。(省商务厅牵头) (二)赋能实体经济。(省工业和信息化厅牵头) (三)加快"
    extraction = extract_text(text, jurisdiction="440000")
    assert [n.item for n in extraction.notes] == ["(一)", "(二)"]
    assert [h.marker for h in extraction.headings] == ["（一）", "（二）", "（三）"]


def test_an_item_with_two_notes_has_two_tasks() -> None:
    text = "（一）建设甲平台。（责任单位：省发改委）推广乙系统。（责任单位：省数字办）"
    extraction = extract_text(text, jurisdiction="350000")
    assert [t.text for t in extraction.tasks] == ["建设甲平台。", "推广乙系统。"]
    assert len(extraction.initiatives) == 1


def test_a_section_with_an_unnumbered_paragraph() -> None:
    text = "一、组织保障\n各地要加强领导。（省政府办公厅负责）\n（一）建设。（省发改委负责）"
    extraction = extract_text(text, jurisdiction="350000")
    assert [n.item for n in extraction.notes] == ["一、", "（一）"]


def test_repeated_items_and_tasks_merge_with_every_occurrence_kept() -> None:
    passage = "（二）优化升级省网上办事大厅。开发归档系统。（责任单位：省数字办）"
    text = f"一、数字政府\n{passage}\n（三）推进通办。（责任单位：省审改办）\n{passage}"
    extraction = extract_text(text, jurisdiction="350000")
    assert len(extraction.notes) == 3
    assert [i.marker for i in extraction.initiatives] == ["一、", "（二）", "（三）"]
    repeated = [t for t in extraction.tasks if len(t.occurrences) == 2]
    assert len(repeated) == 1 and repeated[0].notes == [0, 2]
    first, second = repeated[0].occurrences
    assert text[first[0] : first[1]] == text[second[0] : second[1]]


def test_boilerplate_is_never_a_task() -> None:
    text = (
        "福建省人民政府办公厅关于印发2021年数字福建工作要点的通知\n"
        "一、数字政府（一）整合网络。建设平台。福建省人民政府办公厅2021年5月26日（此件主动公开）"
        "2021年数字福建工作要点2021年数字福建工作，要以习近平新时代中国特色社会主义思想为指导，注入强大引擎。"
        "（责任单位：省数字办）"
    )
    extraction = extract_text(text)
    (task,) = extraction.tasks
    assert task.text == "整合网络。建设平台。"
    assert extraction.metadata.jurisdiction == "350000"


def test_the_articles_of_rules_are_headings_where_a_line_or_sentence_starts() -> None:
    """Articles are items as the annotators mark them; a chapter (第一章) is not."""
    from extract.outline import find_headings

    text = "第一章 总则\n第一条 为规范管理，制定本办法。第二条 本办法适用于全省。依照第二条规定执行。\n"
    assert [(h.marker, h.depth) for h in find_headings(text)] == [("第一条", 2), ("第二条", 2)]


def test_the_first_article_run_on_after_its_chapter_s_heading_is_a_heading(nlp) -> None:
    """A copy that lost its breaks runs the title, the chapter and the first article together
    (…办法第一章总则第一条为…): the article is still the item of what it says; a chapter's number
    alone opens none, and 第一条 inside a sentence is a reference."""
    text = (
        "淮海市政府网站管理办法第一章总则第一条为加强淮海市政府门户网站管理，制定本办法。\n"
        "第二条 按照本办法第一条执行。\n"
    )
    assert [h.marker for h in find_headings(text)] == ["第一条", "第二条"]
    extraction = extract_text(text, jurisdiction="320800", nlp=nlp)
    platforms = [(m.item, m.name) for m in extraction.mentions if m.kind == "platform"]
    assert ("第一条", "淮海市政府门户网站") in platforms


def test_a_later_chapter_s_long_heading_run_on_before_its_first_article() -> None:
    """A later chapter's heading may be long (第四章个人账户资金管理与服务); its first article, run on
    after it, is still a heading, so what it says is not keyed to the article before."""
    text = "第二十一条 加强监管。第四章个人账户资金管理与服务第二十二条 商业银行应完成系统对接。\n"
    assert [h.marker for h in find_headings(text)] == ["第二十一条", "第二十二条"]


def test_a_row_number_counts_from_one() -> None:
    """A number alone on its (indented) line is a table's row number, but no row is numbered 0: a
    web page's share count (分享到： / 0) is no item."""
    page = "分享到：\n    0\n    新平台上线。\n"
    table = "序号 |\n    1 |\n    推广电子证照 |\n"
    assert [h.marker for h in find_headings(page)] == []
    assert [h.marker for h in find_headings(table)] == ["1"]


def test_a_technical_plan_s_section_numbers_are_headings() -> None:
    """3.2 建设云平台 at a line's start is a section's heading; 2.5% and 3.0版 are no marker."""
    text = "3 总体规划\n\n3.1 夯实基础\n\n3.2 建设县政务云平台\n\n增长2.5%。\n3.0版上线。\n  4.1.2 完善县数据共享平台\n"
    assert [(h.marker, h.title) for h in find_headings(text)] == [
        ("3.1", "夯实基础"),
        ("3.2", "建设县政务云平台"),
        ("4.1.2", "完善县数据共享平台"),
    ]


def test_a_section_number_at_a_paragraph_s_indent_in_a_copy_on_one_line_is_a_heading() -> None:
    """Two ideographic spaces indent a paragraph of a copy on one line; a section number there is a
    heading though its text follows with no blank (　　2.2.1县水利局负责…); not a decimal inside a
    sentence, nor one after a single blank."""
    text = "二、职责　　2.1县应急局牵头。　　2.2.1县水利局负责水情监测。增长2.5倍。　2.6亿元投入。"
    assert [(h.marker, h.depth) for h in find_headings(text)] == [("二、", 1), ("2.1", 4), ("2.2.1", 4)]
    # a number of three levels glued between a title and its text; not one of two (a decimal)
    text = "二、职责\n2.2 物资保障2.2.1县商务局负责监测。增长2.5倍。"
    assert [h.marker for h in find_headings(text)] == ["二、", "2.2", "2.2.1"]


def test_a_section_marker_glued_to_the_text_before_it_goes_on_from_the_one_before() -> None:
    """A copy on one line glues a section's marker to the label line before it (…县财政局七、…):
    the next number of the sequence is a heading; a run of ordinals (一、二、三级) is none."""
    text = "六、落实政策。责任单位：县财政局、县税务局七、加强宣传。分为一、二、三级响应。八、强化保障。"
    assert [h.marker for h in find_headings(text)] == ["六、", "七、", "八、"]
    assert [h.marker for h in find_headings("二、加强宣传。分为二、三级响应。")] == ["二、"]


def test_the_rows_of_a_table_glued_onto_one_line_are_items() -> None:
    """A table copied onto one line with its cells glued: each row's number after the header is an
    item marker (so a system named in a row is keyed to it); a year (2025年) is none."""
    text = (
        "三、保障措施　　附件　　序号　　重点任务　　责任单位　　完成时限1建设全市统一的数据共享平台"
        "市数据局2025年底前完成2完善公共信用信息系统市发展改革委持续推进3推进电子证照共享市政务服务中心2026年6月底前"
    )
    assert [h.marker for h in find_headings(text)] == ["三、", "1", "2", "3"]
    # guard: numbers after a header with no unit column's label are no rows
    assert [h.marker for h in find_headings("序号　　名称　　数量1建设平台2025年底前2完善系统持续推进")] == []
