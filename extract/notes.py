"""Finding responsibility notes and reading who is responsible, and in which role.

A note is found in four shapes: in brackets after the text it covers (``（责任单位：…）``,
``（…牵头负责）``), as label lines without brackets (``牵头单位：区发改局``), as the last
cell of a table row flattened into a line (``市金融办、市发改委分别牵头落实``), or as the last
sentence of a line (``…。市发改委牵头落实。``). Every shape goes through one grammar, whose
words are data (:mod:`extract.lexicon`): the content is split into labelled clauses, each
clause into role groups (``X牵头、Y配合``; ``X会同Y负责``), and each group into units
(:func:`extract.units.expand_units`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial, reduce
from itertools import combinations, pairwise

from extract.gazetteer import COUNTRY, Gazetteer
from extract.kept import kept
from extract.lexicon import MAX_QUALIFIER, QUALIFIER, Lexicon
from extract.model import Role
from extract.outline import (
    CHAPTER_BEFORE_ITS_FIRST_ARTICLE,
    DEEP_SECTION_NUMBER,
    GLUED_TASK,
    ROW_NUMBER_END,
    SECTION_NUMBER,
    glued_table_rows,
)
from extract.text import alternation, in_a_cited_title, is_han
from extract.units import UnitName, expand_units, opens_with_an_area_s_word, split_outside_brackets
from extract.words import (
    ends_a_word,
    ends_with_a_verb,
    first_word,
    holds_a_word,
    in_the_dictionary,
    names_a_place,
    names_an_extent,
    opens_with_a_locative,
    stands_alone,
    starts_with_a_predicate,
    starts_with_a_preposition,
    starts_with_a_proper_name,
    without_adverbs_at_end,
    word_around,
)

__all__ = [
    "NoteSpan",
    "ParsedNote",
    "RoleGroup",
    "added_unit_declarations",
    "find_notes",
    "first_lead_declaration",
    "parse_note_content",
    "wraps_at",
]

_MAX_NOTE = 400
_MAX_SENTENCE_NOTE = 120
_ENTRY_COLON = re.compile("[：:]")  # 区公安局：对…: an entry of a division of duties (:func:`_duty_entry`)
_MAX_SUBJECT = _MAX_SENTENCE_NOTE  # a run of eleven units may be the subject (A、B、…等单位负责)
_BEFORE_A_FULL_NAME = "。；;，,：:\n 　、"  # what stands before a body's full name
_PARTNERS_BREAK = re.compile("[。；;，,\n]")
_LONGEST_HEAD = 6  # the longest head of a body after its place's name (管理委员会, 政务服务中心)
_LONGEST_NAME_INSIDE = 8  # the most characters of a body's name after a role word inside it (协调小组办公室)
_MAX_PARTNER = 20
_LIGHT_VERB_OBJECT = 3  # characters of an action joined before a light verb's role (进行|监管和|指导)
_WHEN_VERB = 4  # characters a clause that says when may hold after the time (年底前|完成, 年内|全面推进)
# a day written whole, standing alone: the date a text is signed on, after its issuer (国务院　2014年10月9日)
_DAY_NUMBER = r"[\d一二三四五六七八九十]{1,3}"
_SIGNING_DATE = re.compile(rf"(?:\d{{4}}|[〇零一二三四五六七八九]{{4}})年{_DAY_NUMBER}月{_DAY_NUMBER}日")
_MAX_COLUMNS, _MAX_HEADER = 10, 12
_NARROW_CELL = 4  # a cell whose lines are all this short holds a name written down it
_ROW_NUMBER = re.compile(r"\d{1,3}[.、．]?")
_NUMBERED_TASK = re.compile(r"(?:\d{1,3}[.、．]?|（\d{1,3}）)\D")
_HEADING = re.compile(r"[一二三四五六七八九十]+、")
_ATTACHMENT = re.compile(r"附件\s*\d{0,2}\s*[：:]?")  # an attachment's marker alone on its line: a new part
# a cell of a row parted by spaces: a run of characters, or single characters spaced out to
# fill a header's cell (工 作 任 务), which is one cell
_SPACED_CELL = re.compile(r"[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff])+(?!\S)|\S+")
_ITEM_MARKER = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、"
    f"|{SECTION_NUMBER}(?=[ \t\u3000]*[\u4e00-\u9fff])"  # a technical plan's 2.2.1
    r"|\d{1,3}[、.．﹒]|第[一二三四五六七八九十百]{1,4}条)\s*"
)
# an item's marker inside a line: a numeral alone in brackets (（二）), or digits and a full stop before a
# character (1．行动目标), which no unit's name holds; or a numeral and 、 (:func:`_next_inline_item`)
_INLINE_ITEM = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．﹒](?=[\u4e00-\u9fff])")
_NUMERAL_ITEM = re.compile("[一二三四五六七八九十]{1,3}、")
# an item's marker right before a clause, its title run on after it in a copy on one line
_MARKER_BEFORE = re.compile(f"(?:{_NUMERAL_ITEM.pattern}|\\d{{1,3}}[.．、])[ \t\u3000]*$")
_MARKER_REACH = 8  # how far back from a clause's start its marker may stand
_MAX_RUN_ON_TITLE = 8  # the most characters of a title run on into its item's first subject
# a heading's title and its first item's marker after it, in a copy on one line (机构及职责 (一)|X负责…)
_BLANK = "[ \t\u3000]*"
_TITLE_BEFORE_ITS_ITEM = re.compile(f"{_BLANK}[\u4e00-\u9fff]{{2,20}}{_BLANK}(?:{_INLINE_ITEM.pattern}){_BLANK}")
# a heading's title and a section number of three levels or more glued to the text after it
_TITLE_AND_SECTION_NUMBER = re.compile(f"[\u4e00-\u9fff]{{1,12}}?{DEEP_SECTION_NUMBER}(?=[\u4e00-\u9fff])")
# a sentence; two ideographic spaces are a paragraph's indent in a copy on one line, and end one
_SENTENCE = re.compile("(?:[^。；！？\n\u3000]|(?<!\u3000)\u3000(?!\u3000))+")
_BLANK_PARTED = re.compile("[^ \t\u3000]+")  # a cell of a row copied onto one line with blanks between
_ROW_CELLS = 3  # cells of such a row: its item and title, its task, its units
# a table row's number glued to its task (3完善…), not a year or a quantity (2024年, 3个)
_GLUED_ROW_NUMBER = re.compile(f"\\s*\\d{{1,3}}{ROW_NUMBER_END}(?=[ \\t\u3000]*[\u4e00-\u9fff])[ \\t\u3000]*")
_BLANKS = re.compile("[ \t\u3000]+")
_ROW_NUMBER_ALONE = re.compile(r"\d{1,3}[.、．]?|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、")
_POINT_OF_A_LIST = re.compile("[一二三四五六七八九十]{1,2}是(?=[\u4e00-\u9fff])")  # 一是, 二是: a list's points
_SPACED_ROW_NUMBER = re.compile(r"\d{1,3}[.．、﹒](?=[\u4e00-\u9fff])")  # 1.推进…: a row's number glued to its task
_MAX_SPACED_CELL = 12  # the most characters of a cell of units parted by blanks (综合协调办, 各有关处室)
_ROW_TASK = 10  # Chinese characters before the units of such a row: a task, not a field's name ([发文机构])
_DECLARATION_SENTENCE = re.compile(r"[^。；]+")  # what a first-lead declaration may span
# a clause runs to a comma or a stop, past those inside brackets (各区（含经开区，下同）负责…); a bracket
# never closed on its line is a character as any other
_CLAUSE = re.compile(r"(?:[^，。；！？\n（(]|[（(][^（()）\n]*[）)]|[（(])+")
_QUOTED_CELL = re.compile(r'(?<=\t)"([^"\t]*\n[^"\t]*)"(?=[\t\n]|$)')  # a spreadsheet's cell of several lines
_BY_AGENT = re.compile(r"(?<!自)由|责成")  # 由X负责, not 自由贸易; 责成X负责 (X is charged with)
_WITH_AGENT = re.compile(r"以")  # 以X牵头，Y参与的机制 (a mechanism its lead and partners form)
_AGENT_INSIDE = re.compile(r".*(?:(?<!自)由|责成)")  # what stands before the last 由 (not 自由) is the task
_GROUP_SEPARATORS = "，。；"
_BEFORE_A_RUN = "，。；：:\n"  # what a run of units listed in running text starts after
_AROUND_A_CLAUSE = "；，。 \t\u3000"  # stops and blanks (an ideographic space too) between clauses
# what a clause, and so a label, starts after: a closing bracket too (市商务局（市口岸办）|责任单位：…)
_BEFORE_A_CLAUSE = _AROUND_A_CLAUSE + "\n）)"
_MAX_LABEL = 12  # characters of a label with its joined heads (牵头责任单位, 责任部门、单位)
_SENTENCE_STYLES = ("sentence", "clause", "subject", "designated")  # notes outside brackets, from running text
_ASIDE = "\ue000"  # marks a role written in brackets after its unit (a private-use character)
_LINE_STOPS = ("。", "；", "！", "？", "：", "）", "】", "〕")  # a line ending in one was not wrapped
_TRAILING_BRACKET = re.compile(r"[（(][^（()）]*[）)]$")
_BETWEEN_BRACKETS = re.compile(r"[）〕】\]][ \t\u3000]*[（〔【\[]")
_NOT_IN_A_NAME = "的和及与或等"  # particles and conjunctions: what stands before one is no part of a name
_LEVELS_IN_BRACKETS = re.compile(r"[^（(、]{1,3}[（(][^）)]{1,12}[）)]")  # 乡（镇、街道）…: see _says_whose
_MAX_BRANCH_PLACE = 4  # the most characters of the place a branch serves (黑龙江省, see _a_branch_of_its_level)
_MAX_FIELD_NAME = 6  # the most characters of a field's name glued to a unit (任务目标, see _before_a_glued_field)
_OPENING_TIME = re.compile(r"[^，。；、“《]{2,8}?(?:前|后|内|起)")  # 2024年底前, 每年汛期前 (see _past_a_time)
_ANNOTATION_WORD = 2  # characters of a word that opens an annotation (注, 说明) before a declaration
_ISSUE_NUMBER = re.compile(r"\d+\s*[年期号]")  # a gazette's issue after its publisher: 2020年第2号, 5期
_NOT_IN_A_SUBJECT = ("“", "《", "要")  # a quoted name, a title or an exhortation: no subject


@dataclass
class RoleGroup:
    role: Role | None
    units: list[UnitName]


@dataclass
class ParsedNote:
    """The content of one note: its role groups and what else it says."""

    groups: list[RoleGroup] = field(default_factory=list)
    labelled: bool = False
    scope: str | None = None
    deadline: str | None = None
    explicit_lead: bool = False


@dataclass(frozen=True)
class NoteSpan:
    """Where a note stands: the whole note and its content (inside brackets, if any)."""

    start: int
    end: int
    content_start: int
    content_end: int
    style: str
    default_role: Role | None = None
    # a table row's cells that may hold units: (start, end, the role of the unit column it stands
    # in, if it does), and the roles of the table's unit columns in order
    cells: tuple[tuple[int, int, Role | None], ...] = ()
    column_roles: tuple[Role, ...] = ()


def _cut(text: str, pattern: re.Pattern[str]) -> str:
    """Blank out *pattern* matches with separators, keeping offsets."""
    return pattern.sub(lambda m: "；" * len(m.group(0)), text)


def _without_modal(units: str, lexicon: Lexicon) -> str:
    """*units* without a modal verb after them (市发改委要|会同…), nor the adverbs of a role after
    that (区城管局要|主动|会同…, 县投资促进中心要|进一步|牵头), nor a light verb (:func:`_without_light_verb`):
    the units are still answerable."""
    units = _without_adverbs(_without_light_verb(units, lexicon), lexicon)
    modal = next((m for m in lexicon.modals if units.endswith(m)), "")  # longest first, as the lexicon keeps them
    return units[: len(units) - len(modal)]


def _without_light_verb(units: str, lexicon: Lexicon) -> str:
    """*units* without a light verb after them and the action it carries as a noun, maybe joined to
    the role word after it (由X进行|监管和|指导, X进行|业务|指导): the units are the agent."""
    for verb in lexicon.light_verbs:
        at = units.rfind(verb)
        if at > 0 and len(units) - at - len(verb) <= _LIGHT_VERB_OBJECT and _ends_in_a_body(units[:at], lexicon):
            return units[:at]
    return units


def _without_adverbs(units: str, lexicon: Lexicon) -> str:
    """*units* without the adverbs of a role after them (县投资促进中心要|进一步, X应|加强)."""
    while adverb := next((a for a in lexicon.role_adverbs if units.endswith(a) and len(units) > len(a)), None):
        units = units[: len(units) - len(adverb)]
    return units


def _cut_when(text: str, lexicon: Lexicon) -> tuple[str, str | None]:
    """A last clause that only says when (X、Y，2025年底前完成) blanked out, keeping offsets, and
    that clause (None where there is none).

    >>> from extract.lexicon import load_lexicon
    >>> _cut_when("市发改委、市财政局，2025年12月底前完成", load_lexicon())
    ('市发改委、市财政局；；；；；；；；；；；；；', '2025年12月底前完成')

    A first clause that only says when, before the units, is one too, however it says what is
    to be done by then where a label follows it:

    >>> _cut_when("2025年底前完成；责任单位：市发改委", load_lexicon())
    ('；；；；；；；；；；责任单位：市发改委', '2025年底前完成')
    >>> _cut_when("5月底取得明显成效，牵头单位：市发改委", load_lexicon())[1]
    '5月底取得明显成效'

    The clause may open with a blank and close with a stop, a declaration blanked after it
    (X，2016年4月底前完成。列第一位的为牵头单位，下同):

    >>> _cut_when("市发改委， 2016年9月底前完成。；；；", load_lexicon())
    ('市发改委；；；；；；；；；；；；；；；；；', '2016年9月底前完成')
    """
    closed = text.rstrip(_AROUND_A_CLAUSE)
    comma = max(closed.rfind("，"), closed.rfind("；"))
    opening = len(closed) - len(closed[comma + 1 :].lstrip()) if comma > 0 else 0
    when = lexicon.time_pattern.match(closed, opening) if comma > 0 else None
    if when is not None and len(closed) - when.end() <= _WHEN_VERB:
        return text[:comma] + "；" * (len(text) - comma), closed[comma + 1 :].strip()
    first = min((found for found in (text.find("，"), text.find("；")) if found > 0), default=-1)
    when = lexicon.time_pattern.match(text) if first > 0 else None  # 2024年9月底前完成；责任单位：X
    labelled = when is not None and lexicon.label_pattern.match(text, first + 1) is not None
    if when is not None and (first - when.end() <= _WHEN_VERB or labelled):  # 5月底取得成效，牵头单位：X
        return "；" * (first + 1) + text[first + 1 :], text[:first].strip()
    return text, None


def _a_range_s_bodies(text: str, lexicon: Lexicon) -> bool:
    """Whether *text* names the bodies of a range of levels (所在地县级以上地方人民政府有关部门): a kind at
    each level of the range, no body a note can name.

    >>> from extract.lexicon import load_lexicon
    >>> [_a_range_s_bodies(t, load_lexicon()) for t in ("县级以上地方人民政府有关部门", "县人民政府", "县级以上")]
    [True, False, False]
    """
    return lexicon.range_of_levels_pattern.search(text) is not None and _ends_in_a_body(text, lexicon)


def _looks_like_unit(unit: UnitName, gaz: Gazetteer) -> bool:
    """Whether a unit of a note found by its label, role word or column is a body's name: a
    department's field alone is one here (国土), the note says what it stands for."""
    name = unit.name
    if _levels_alone(unit, gaz.lexicon):
        return True  # 乡（镇、街道）: each township and sub-district
    if len(name) < 2 or len(name) > 30 or name.startswith(gaz.lexicon.interrogatives):
        return False  # 由哪些部门牵头？ asks which bodies lead
    if gaz.lexicon.holds_a_clause_s_de(name) or holds_a_word(name, gaz.lexicon.copulas):
        return False  # …负责…建设的|组织实施, 门户网站是省政府|实施…: a clause, no body's name
    return (
        name.endswith(gaz.lexicon.organisation_suffixes)
        or gaz.is_collective(name)
        or _a_township(name, gaz.lexicon)
        or gaz.lexicon.names_a_department(name, bare=True)
    )


def _answerable(unit: UnitName, gaz: Gazetteer) -> bool:
    """Whether a unit a role phrase names is a body: one by its name, or a place written in full
    (合肥市, 芜湖县), which stands for its government (合肥市，省发展改革委牵头)."""
    return _looks_like_unit(unit, gaz) or _a_place_in_full(unit.name, gaz)


def _a_place_in_full(name: str, gaz: Gazetteer) -> bool:
    """Whether *name* is a place written in full, with its level word (合肥市, 芜湖县), which
    stands for its government."""
    return name.endswith(gaz.lexicon.place_level_words) and bool(gaz.places_named(name))


def _group(text: str, offset: int, role: Role | None, gaz: Gazetteer, jurisdiction: str) -> list[RoleGroup]:
    """The groups of one run of units ending in a role phrase: ``X会同Y`` gives X the lead and
    Y support, where both sides are units (会 alone joins only after a unit: 大数据管理科会信息中心).
    A collective (相关部门) is dropped after 等 or 会同, but is a unit as a group of its own."""
    words = [s for s in gaz.lexicon.organisation_suffixes if len(s) > 1]
    for match in gaz.lexicon.conjunction_pattern.finditer(text):
        left, right = text[: match.start()], text[match.end() :]
        if any((left + match.group(0)).endswith(word) for word in words):  # 常委会, 管委会: part of a name
            continue
        if len(match.group(0)) == 1 and not stands_alone(text, match.start(), match.end()):  # 社会保障部
            continue
        agent = _AGENT_INSIDE.match(left)  # X明确由Y会同Z: Y, the agent, leads
        skip = agent.end() if agent else 0
        subject = _without_modal(left[skip:], gaz.lexicon)
        leaders = expand_units(subject, offset + skip, gaz, jurisdiction)
        partners = expand_units(right, offset + match.end(), gaz, jurisdiction)
        if not leaders or not all(_looks_like_unit(u, gaz) for u in leaders + partners[:1]):
            continue
        if subject != left[skip:] and any(gaz.is_collective(u.name) for u in leaders):
            return []  # 各部门要会同Y抓好落实: an exhortation names no unit
        if partners or right.strip() in gaz.lexicon.dropped_units or _a_range_s_bodies(right.strip(), gaz.lexicon):
            # X会同有关部门负责, X会同县级以上人民政府有关部门…: X leads alone, the others no body named
            return [RoleGroup("lead", leaders)] + ([RoleGroup("support", partners)] if partners else [])
    if role is not None and (helped := _helping(text, offset, role, gaz, jurisdiction)):
        return helped
    if _exhorts(text.strip("；，。、 "), gaz.lexicon):
        return []  # 各市、各部门要加强领导，抓好落实: an exhortation names no unit
    if relative := gaz.lexicon.relative_phrase_pattern.match(text):
        text = " " * relative.end() + text[relative.end() :]  # 所涉及的|省政府办公厅…: which ones, offsets kept
    units = [
        _without_predicate(u, gaz.lexicon)
        for u in expand_units(text, offset, gaz, jurisdiction)
        if not u.name.endswith(gaz.lexicon.person_titles) and "：" not in u.name  # 来源：X, a field no label names
    ]
    collective = text.strip("；，。、 ")
    if not units and collective in gaz.lexicon.dropped_units and collective.startswith(gaz.lexicon.collective_markers):
        start = offset + text.index(collective)  # 市发改委牵头，相关部门配合: a group of its own is a unit
        units = [UnitName(collective, start, start + len(collective))]
    return [RoleGroup(role, units)] if units else []


def _exhorts(run: str, lexicon: Lexicon) -> bool:
    """Whether the last item of a run is bodies in general with a modal verb and a predicate after
    them (各市、各部门要|加强领导): the sentence exhorts everyone it names, as 各部门要负责 does.

    >>> from extract.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> _exhorts("各市、各部门要加强领导", lexicon), _exhorts("市发改委要加强领导", lexicon)
    (True, False)
    >>> _exhorts("各部门", lexicon), _exhorts("要求各部门", lexicon)
    (False, False)
    """
    last = run.rsplit("、", 1)[-1]
    for modal in lexicon.modals:
        at = last.find(modal)
        if at > 0 and last[at + len(modal) :] and _bodies_in_general(last[:at], lexicon):
            return _ends_in_a_body(last[:at], lexicon)
    return False


def _helping(text: str, offset: int, role: Role, gaz: Gazetteer, jurisdiction: str) -> list[RoleGroup]:
    """``X协助Y``, ``X配合Y``: a supporting role word between two runs of units (X配合Y落实) makes
    X support and gives Y the clause's role; [] where the text is not so written."""
    for word in gaz.lexicon.supporting_words:
        position = text.find(word)
        if position <= 0:
            continue
        helpers = expand_units(text[:position], offset, gaz, jurisdiction)
        helped = expand_units(text[position + len(word) :], offset + position + len(word), gaz, jurisdiction)
        if helpers and helped and all(_looks_like_unit(u, gaz) for u in helpers + helped):
            return [RoleGroup("support", helpers), RoleGroup(role, helped)]
    return []


# The most characters of a predicate written right after a unit (统一建设, 共建, 统一部署): no object
# follows it in the same unit; a longer tail is a clause of its own, and what precedes it no unit.
_PREDICATE_AFTER_A_UNIT = 4


def _without_predicate(unit: UnitName, lexicon: Lexicon) -> UnitName:
    """*unit* without a predicate written after the body's name (人力资源社会保障部|统一建设, 各级
    人社部门|共建): what follows its last organisation word names no body and opens with a verb
    or an adverb."""
    name = unit.name
    suffixes = lexicon.organisation_suffixes
    position = next((p for p in range(len(name) - 1, 1, -1) if name[:p].endswith(suffixes) and ends_a_word(name, p)), 0)
    tail = name[position:]  # 省文旅厅|协调推动: 协 of 协调 ends no body's name, as it does 市科协's
    if not position or name.endswith(suffixes):
        return unit  # 市商务局, 管委会: the organisation word goes on
    if len(tail) > _PREDICATE_AFTER_A_UNIT or not starts_with_a_predicate(tail) or starts_with_a_predicate(name):
        return unit  # 全区经济社会|发展的主要目标, 全面负责省人民政府|工作任务: no body's name before a predicate
    if tail.startswith(lexicon.modals):
        return unit  # 各部门要…: an exhortation, which names no unit (:func:`_group`)
    return UnitName(name[:position], unit.start, unit.end - (len(name) - position))


def _says_when(text: str, lexicon: Lexicon) -> bool:
    return lexicon.time_pattern.match(text.strip(_AROUND_A_CLAUSE)) is not None


def _parse_clause(
    text: str, offset: int, default_role: Role | None, gaz: Gazetteer, jurisdiction: str
) -> list[RoleGroup] | None:
    """Role groups of a clause's body: runs of units, each closed by a role phrase
    (``X牵头、Y配合``; ``X，Y按职责分工负责``); None where some units carry no role at all.

    Units waiting for a role take the next role phrase's, across 、 and ，; what is left at
    the end takes *default_role* (the label's, or a table column's).
    """
    lexicon = gaz.lexicon
    text = lexicon.blank_after_role_pattern.sub(r"\1、", text)  # the same length: offsets hold
    groups: list[RoleGroup] = []
    waiting_from: int | None = None  # where the units waiting for a role start in *text*

    def settled(until: int) -> bool:
        """Give the units waiting before *until* the default role; whether there were any."""
        nonlocal groups
        if waiting_from is None or default_role is None or waiting_from >= until:
            return False
        groups += _group(text[waiting_from:until], offset + waiting_from, default_role, gaz, jurisdiction)
        return True

    for segment, start in split_outside_brackets(text, _GROUP_SEPARATORS, 0):
        if waiting_from is None and segment.lstrip().startswith(lexicon.establishing_verbs):
            continue  # 成立X领导小组，领导小组负责…: the clause sets a body up, it lists no unit
        subset = lexicon.subset_pattern.match(segment)
        listed = len(groups)
        if subset:  # 责任单位：A、B，其中A牵头: A, listed already, leads
            if settled(start):
                waiting_from = None
            listed = len(groups)
            segment, start = segment[subset.end() :], start + subset.end()
        for piece, piece_start in split_outside_brackets(segment, "、", start):
            stripped = piece.strip()
            if not stripped:
                continue
            piece_start += piece.index(stripped)
            if waiting_from is None:
                waiting_from = piece_start
            phrase = lexicon.role_phrase_pattern.search(stripped)
            tasked = False
            if phrase is None:  # X牵头负责平台运维: the task after the role is no unit
                phrase = lexicon.role_clause_pattern.search(stripped)
                before = text[waiting_from : piece_start + phrase.start()] if phrase else ""
                if phrase is None or not _ends_in_a_body(_without_modal(before, lexicon), lexicon):
                    continue  # (X要牵头做好…: a modal may stand before the role)
                tasked = True
            body_end = piece_start + phrase.start()
            if text[body_end - 1] == _ASIDE:  # 市财政局、市数据局（牵头）: the bracket's role is its unit's
                body_end -= 1
                if settled(piece_start):
                    waiting_from = piece_start
            role = lexicon.role_of_phrase(phrase.group(0))
            if role == "responsible" and default_role == "lead":
                role = "lead"  # 牵头部门：A、B按职责分工负责: the label says they lead, the phrase how
            if agent := _AGENT_INSIDE.match(text, waiting_from, body_end):
                if waiting_from < start and _all_units(
                    text[waiting_from:start], offset + waiting_from, gaz, jurisdiction
                ):
                    settled(start)  # A、B，X机制由C牵头: A and B, listed before, answer too
                waiting_from = agent.end()  # 执法事项清单由政策法规司牵头: the task is no unit
            if groups and (partners := lexicon.conjunction_pattern.match(text, waiting_from, body_end)):
                waiting_from, role = partners.end(), "support"  # X牵头，会同Y推进: Y supports
            if waiting_from < start and (
                role == "support" or _restates(text, waiting_from, start, body_end, offset, gaz, jurisdiction)
            ):  # A、B，A牵头: A, named again, leads; B is answerable. A；B配合: B supports A, who is answerable
                earlier_role = default_role or "responsible"
                groups += _group(text[waiting_from:start], offset + waiting_from, earlier_role, gaz, jurisdiction)
                waiting_from, listed = start, len(groups)
            body = text[waiting_from:body_end]
            if not tasked:  # Z|抓好衔接资金项目|落实: a verb of ensuring and its object, before the role
                body = _without_fronted_object(body, lexicon.duty_adverbs["ensuring_verbs"], lexicon)
            body = _without_adverbial(body, lexicon, phrase.group(0))  # Z|按照属地原则|负责
            unmodal = _without_modal(body.rstrip(), lexicon)  # (an aside rewritten leaves a blank: X务必切实 牵头)
            if (
                unmodal != body
                and _ends_in_a_body(unmodal, lexicon)
                and (groups or not _bodies_in_general(unmodal, lexicon))
            ):
                body = unmodal  # 市财政局要配合, X牵头，各部门要协同配合 (各部门要负责…, alone, exhorts)
            if not (groups and _says_when(body, lexicon)):  # …负责，年内持续推进
                groups += _group(body, offset + waiting_from, role, gaz, jurisdiction)
            waiting_from = None
            if tasked:
                break  # the rest of the segment is the task
        named = {u.name for g in groups[listed:] for u in g.units}
        restated = bool(named) and named <= {u.name for g in groups[:listed] for u in g.units}
        if subset or restated:  # A、B负责，A牵头: a clause of units listed already gives them their role
            earlier = [RoleGroup(g.role, [u for u in g.units if u.name not in named]) for g in groups[:listed]]
            groups = [g for g in earlier if g.units] + groups[listed:]
    if waiting_from is not None:
        rest = text[waiting_from:]
        if groups and (_says_when(rest, lexicon) or rest.strip(_AROUND_A_CLAUSE) in lexicon.dropped_units):
            return groups  # …负责，2026年底前完成; …负责，下同
        partners = lexicon.conjunction_pattern.match(rest)
        if groups and partners:  # X牵头，会同Y、Z: Y and Z support (X牵头，会同有关部门: X alone)
            start = waiting_from + partners.end()
            if text[start:].strip(_AROUND_A_CLAUSE) in lexicon.dropped_units:
                return groups
            return groups + _group(text[start:], offset + start, "support", gaz, jurisdiction)
        if default_role is None:
            return None if rest.strip(_AROUND_A_CLAUSE) else groups
        if groups and rest.lstrip(_AROUND_A_CLAUSE).startswith(lexicon.clause_connectives):
            return groups  # X负责A的建设，并实现B与C的对接: the task goes on, it names no unit
        groups += _group(rest, offset + waiting_from, default_role, gaz, jurisdiction)
    return groups


def _all_units(run: str, offset: int, gaz: Gazetteer, jurisdiction: str) -> bool:
    """Whether *run* is a run of units, each a body's name (:func:`_looks_like_unit`)."""
    units = expand_units(run, offset, gaz, jurisdiction)
    return bool(units) and all(_looks_like_unit(u, gaz) for u in units)


def _restates(text: str, begin: int, segment: int, end: int, offset: int, gaz: Gazetteer, jurisdiction: str) -> bool:
    """Whether the units of ``text[segment:end]`` were all named before it, in ``text[begin:segment]``."""
    before = {u.name for u in expand_units(text[begin:segment], offset + begin, gaz, jurisdiction)}
    again = {u.name for u in expand_units(text[segment:end], offset + segment, gaz, jurisdiction)}
    return bool(again) and again <= before


def _role_aside(lexicon: Lexicon, match: re.Match[str]) -> str:
    """A role written apart from the run, rewritten in place as a role phrase after the unit
    (市发改委为牵头单位 → 市发改委 牵头); one in brackets, which is its unit's alone
    (市财政局、市数据局（牵头）), marked :data:`_ASIDE`."""
    if not lexicon.aside_holds(match, match.string):
        return match.group(0)  # 违法建设行为发生地镇政府配合: 为 inside 行为 is no copula
    phrase = lexicon.role_aside(match)
    return ((_ASIDE if match.group("role") else " ") + phrase).ljust(len(match.group(0)))


def parse_note_content(
    content: str, offset: int, gaz: Gazetteer, jurisdiction: str, default_role: Role | None = None
) -> ParsedNote | None:
    """Read a note's content; None where it is not a responsibility note.

    The content is cut into clauses at labels (:attr:`~extract.lexicon.Lexicon.label_pattern`):
    a unit label gives its clause a role, a person label (责任领导) or a field label (完成时限,
    适用范围) names no unit; declarations (排在第一位…, 以下任务均需…) are read elsewhere and
    blanked here. *offset* is where *content* starts in the document, so that units carry
    document offsets. *default_role* is the role of text without a label or role word (a table
    column's role); without one, such text makes the content not a note.

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> note = parse_note_content("国家发展改革委会同有关部门负责", 0, gaz, "100000")
    >>> [(u.name, g.role) for g in note.groups for u in g.units]
    [('国家发展改革委', 'lead')]
    >>> note = parse_note_content("牵头单位：市发改委；责任领导：张三；配合单位：市财政局", 0, gaz, "350100")
    >>> [(u.name, g.role) for g in note.groups for u in g.units]
    [('市发改委', 'lead'), ('市财政局', 'support')]
    >>> parse_note_content("以下简称自贸试验区", 0, gaz, "100000") is None
    True
    """
    lexicon = gaz.lexicon
    declared = (
        lexicon.first_lead_pattern,
        lexicon.phrase_lead_pattern,
        lexicon.carry_forward_pattern,
        lexicon.carry_forward_label_pattern,
    )
    text, when = _cut_when(reduce(_cut, declared, content), lexicon)
    text = lexicon.role_aside_pattern.sub(partial(_role_aside, lexicon), text)
    found = ((_clause_start(text, m.start()), m) for m in lexicon.label_pattern.finditer(text))
    labels = [(start, m) for start, m in found if start is not None]
    names = [lexicon.label_of(m.group(1)) for _, m in labels]
    parsed = ParsedNote(labelled=any(name in lexicon.labels for name in names), deadline=when)
    if default_role is None and (text != content or any(_marks_a_note(name, lexicon) for name in names)):
        default_role = "responsible"  # a deadline, a person or a declaration: only notes carry them
    clauses: list[tuple[str | None, int, int]] = []
    if not labels or labels[0][0] > 0:
        clauses.append((None, 0, labels[0][0] if labels else len(text)))
    for index, (_, match) in enumerate(labels):
        end = labels[index + 1][0] if index + 1 < len(labels) else len(text)
        clauses.append((names[index], match.end(), end))
    for label, begin, end in clauses:
        if label in lexicon.person_labels:
            continue
        if label in lexicon.field_labels:
            value = content[begin:end].strip(_AROUND_A_CLAUSE)
            if lexicon.field_labels[label] == "scope":
                parsed.scope = value
            else:
                parsed.deadline = value
            continue
        role = lexicon.labels[label] if label else default_role
        groups = _parse_clause(text[begin:end], offset + begin, role, gaz, jurisdiction)
        if groups is None:
            if label is None and parsed.labelled is False and not text[begin:end].strip(_AROUND_A_CLAUSE):
                continue
            return None
        parsed.groups += groups
    units = [u for g in parsed.groups for u in g.units]
    if not units:
        return None
    if not parsed.labelled and default_role is None and not all(_answerable(u, gaz) for u in units):
        return None
    parsed.explicit_lead = any(g.role == "lead" for g in parsed.groups)
    return parsed


def _clause_start(text: str, position: int) -> int | None:
    """Where the clause of a label found at *position* starts: right there after a stop or a
    blank, or before a qualifier of a few characters the grammar does not know (次要责任单位: the
    units answerable in the second place; 以上3项牵头单位: of the items above); None where the
    label stands inside a phrase.

    >>> _clause_start("甲局；次要责任单位：乙局", 5), _clause_start("甲局；责任单位：乙局", 3)
    (3, 3)
    >>> _clause_start("甲。以上3项牵头单位：乙局", 6)
    2
    """
    for start in range(position, max(position - MAX_QUALIFIER, 0) - 1, -1):
        if start == 0 or text[start - 1] in _BEFORE_A_CLAUSE:
            return start
        if not _in_a_qualifier(text[start - 1]):
            return None
    return None


def _in_a_qualifier(character: str) -> bool:
    """Whether *character* may stand in a label's qualifier (:data:`~extract.lexicon.QUALIFIER`):
    a Chinese character or a digit (次要责任单位, 以上3项牵头单位)."""
    return is_han(character) or character.isdigit()


def _marks_a_note(label: str, lexicon: Lexicon) -> bool:
    return label in lexicon.person_labels or lexicon.field_labels.get(label) == "deadline"


def wraps_at(text: str, newline: int, labels: re.Pattern[str] | None = None) -> bool:
    r"""Whether the line break at *newline* only wraps a line (a copy of a printed page), the
    sentence going on after it: the line before ends in no stop, and the next one is no blank
    line and starts no item (nor, given the *labels* pattern, a label).

    >>> text = "（由部网信办牵头，测绘地信局、地调\n局负责）\n1. 编制目录"
    >>> wraps_at(text, text.index("\n")), wraps_at(text, text.rindex("\n"))
    (True, False)
    """
    before = text[max(0, newline - _MAX_NOTE) : newline].rstrip(" \t\u3000")
    after = text[newline + 1 : newline + 1 + _MAX_NOTE].lstrip(" \t\u3000")
    if not before or before.endswith(_LINE_STOPS) or not after or after.startswith("\n"):
        return False
    return _ITEM_MARKER.match(after) is None and (labels is None or labels.match(after) is None)


def _matching_close(text: str, start: int) -> int | None:
    """Index of the bracket closing the one at *start*, nesting any bracket kind; a bracket
    does not cross a line break unless the break only wraps the line."""
    depth = 0
    limit = min(len(text), start + _MAX_NOTE)
    for index in range(start, limit):
        char = text[index]
        if char in "（〔【[":
            depth += 1
        elif char in "）〕】]":
            depth -= 1
            if depth == 0:
                return index
        elif char == "\n" and not wraps_at(text, index):
            return None
    return None


def _bracket_candidates(norm: str, lexicon: Lexicon) -> list[NoteSpan]:
    """Brackets; one that stands alone after a sentence (``…发展。（市工信委、市财政局）``) may hold
    units alone, each answerable. Brackets that each open with a label, one right after the
    other (【牵头单位：A】【配合单位：B】), are one note, as a block of label lines is."""
    spans: list[NoteSpan] = []
    for match in re.finditer(r"[（〔【\[]", norm):
        close = _matching_close(norm, match.start())
        if close is None:
            continue
        closing = norm[: match.start()].rstrip(" \t\u3000").endswith(("。", "；"))
        role: Role | None = "responsible" if closing else None
        span = NoteSpan(match.start(), close + 1, match.start() + 1, close, "bracket", role)
        previous = spans[-1] if spans else None
        if (
            previous is not None
            and not norm[previous.end : span.start].strip(" \t\u3000")
            and all(lexicon.label_pattern.match(norm, s.content_start) for s in (previous, span))
        ):
            span = NoteSpan(
                previous.start, span.end, previous.content_start, span.content_end, "brackets", previous.default_role
            )
        spans.append(span)
    return spans


def _label_line_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """Blocks of lines that start with a label (``牵头单位：…`` / ``配合单位：…``).

    A block starts at a line opening with a unit label, or at a unit label after a full stop
    (``…平台。责任单位：市工信局``), and takes in the label lines that follow it, across blank
    lines (a table's cells copied one to a line).
    """
    lexicon = gaz.lexicon
    # …。责任单位：A, maybe after a qualifier the grammar does not know (…。该项工作牵头单位：A)
    after_full_stop = re.compile(f"[。 \u3000]\\s*((?:{QUALIFIER})?" + lexicon.label_pattern.pattern + ")")
    spans: list[NoteSpan] = []
    block: list[int] | None = None
    position = 0
    bare_label = False  # the line before was a unit label alone (责任单位), its units on this line
    units_below = False  # the lines before were such a label and its units: more units may follow
    lines = norm.split("\n")
    for number, line in enumerate(lines):
        line_end = position + len(line)
        stripped = line.lstrip(" \t\u3000")
        marker = _ITEM_MARKER.match(stripped)
        item_opens = marker is not None and lexicon.label_pattern.match(stripped, marker.end()) is not None
        stripped = (
            stripped[marker.end() :] if item_opens and marker else stripped
        )  # （七）牵头单位：A: a block of its own
        match = lexicon.label_pattern.match(stripped)
        qualified = _qualified_label(stripped, lexicon)  # 技术|支撑单位：A
        bare = _bare_label(stripped, lexicon) and _units_follow(lines, number, gaz)
        # a label alone on its line takes the line below, and the lines of units alone after it
        run_open = block is not None and lines[number - 1].rstrip().endswith("、")  # 市档案馆、/ 市住建局: a run broken
        more = (units_below or run_open) and not match and _units_alone(stripped.strip(), gaz)
        units_below = units_below and (more or not stripped.strip())
        goes_on = match or qualified or bare or bare_label or more
        if block is not None and not item_opens and (goes_on or not stripped.strip()):
            block[1] = line_end if goes_on and stripped.strip() else block[1]
        else:
            if block is not None:
                spans.append(NoteSpan(block[0], block[1], block[0], block[1], "label"))
                block = None
            if (match and lexicon.label_of(match.group(1)) in lexicon.labels) or qualified or bare:
                block = [line_end - len(stripped), line_end]
                colon = re.search("[：:]", stripped)
                item = _next_inline_item(stripped, colon.end(), len(stripped), lexicon) if colon else None
                if item is not None:  # 牵头单位：区农业局 （二）…: the next item, in a text of one line
                    end = block[0] + item
                    spans.append(NoteSpan(block[0], end, block[0], end, "label"))
                    block = None
            else:
                for start, end in _inline_label_blocks(line, after_full_stop, lexicon):
                    begin, stop = position + start, position + end
                    if end < len(line.rstrip()):  # …。责任单位：A。下一句: the block is its sentence
                        spans.append(NoteSpan(begin, stop, begin, stop, "label"))
                    else:
                        block = [position + start, line_end]
        if stripped.strip():
            units_below = (bare_label or units_below) and block is not None
            bare_label = bare
        position = line_end + 1
    if block is not None:
        spans.append(NoteSpan(block[0], block[1], block[0], block[1], "label"))
    return [_before_a_glued_field(norm, span, gaz) for span in spans]


def _before_a_glued_field(norm: str, span: NoteSpan, gaz: Gazetteer) -> NoteSpan:
    """*span* ended before a field of another kind whose name is glued to the last unit, the
    cells of a table copied without a break (责任单位:莲塘镇任务目标:2024年计划…): a colon
    after no label, two to six characters after a body's name."""
    lexicon = gaz.lexicon
    units_start = span.start  # after the last label's colon, or the line's start
    for colon in re.finditer("[：:]", norm[span.start : span.end]):
        c = span.start + colon.start()
        units_start = max(units_start, norm.rfind("\n", span.start, c) + 1)
        if lexicon.label_pattern.search(norm, max(units_start, c - _MAX_FIELD_NAME - 2), c + 1):
            units_start = c + 1
            continue  # a label's own colon
        for j in range(c - 2, c - _MAX_FIELD_NAME - 1, -1):
            if j <= units_start or not all(is_han(char) for char in norm[j:c]):
                break
            if _ends_in_a_body(norm[units_start:j], lexicon) and _ends_a_name(norm, j, lexicon):
                return NoteSpan(span.start, j, span.content_start, j, span.style)
        units_start = c + 1
    return span


def _inline_label_blocks(line: str, after_full_stop: re.Pattern[str], lexicon: Lexicon) -> Iterator[tuple[int, int]]:
    """(start, end) in *line* of each label block after a full stop (``…平台。责任单位：市工信局。``;
    *after_full_stop* finds a label there), one to an item where items run on in one line: from
    its first label, which may name people (分管领导：X 部门分工：A牵头，B配合), when a unit label
    stands in the sentence, to the sentence's end, or to the end of the sentences right after it
    that open with a unit label (牵头单位：A。配合单位：B。)."""
    taken_until = 0
    for found in after_full_stop.finditer(line):
        if found.start(1) < taken_until or _addressed(line[found.start(1) : found.start(2)], lexicon):
            continue
        full_stop = line.find("。", found.end())
        end = full_stop + 1 if full_stop >= 0 else len(line)
        while full_stop >= 0 and (label_after := lexicon.label_pattern.match(line, full_stop + 1)):
            if lexicon.label_of(label_after.group(1)) not in lexicon.labels:
                break  # 牵头单位：A。配合单位：B。: the next sentence goes on with the block
            full_stop = line.find("。", label_after.end())
            end = full_stop + 1 if full_stop >= 0 else len(line)
        if (item := _next_inline_item(line, found.end(), end, lexicon)) is not None:
            end = item  # …区内各相关企业（二）“互联网+”现代农业: the next item, in a text of one line
        label = lexicon.label_of(found.group(2))
        later = lexicon.label_pattern.finditer(line, found.end(), end)
        if label in lexicon.labels or (
            label in lexicon.person_labels and any(lexicon.label_of(m.group(1)) in lexicon.labels for m in later)
        ):
            yield found.start(1), end
            taken_until = end


def _next_inline_item(text: str, start: int, end: int, lexicon: Lexicon) -> int | None:
    """Where the next item's marker stands in *text* between *start* and *end*, in a text of one
    line where a note runs on into it: a numeral in brackets or digits and a full stop
    (:data:`_INLINE_ITEM`), or a numeral and 、 after a blank, a stop or a body's name (…、医保局十、加强…),
    not inside a run of ordinals (一、二级)."""
    item = _INLINE_ITEM.search(text, start, end)
    numerals = (
        m.start()
        for m in _NUMERAL_ITEM.finditer(text, start, end)
        if not text[start : m.start()].strip()
        or text[m.start() - 1] in " \u3000\t。；"
        or _ends_in_a_body(text[start : m.start()], lexicon)
    )
    return min((p for p in (item.start() if item else None, next(numerals, None)) if p is not None), default=None)


def _qualified_label(line: str, lexicon: Lexicon) -> bool:
    """Whether *line* opens with a unit label after a qualifier of a few Chinese characters or
    digits the grammar does not know (技术|支撑单位：…, 以上3项|牵头单位：…), as :func:`_clause_start`
    reads one inside a note."""
    opening = line[: MAX_QUALIFIER + _MAX_LABEL]
    if ("：" not in line and ":" not in line) or not any(head in opening for head in lexicon.unit_label_heads):
        return False  # no label without its colon and its head (most lines: the cheap tests first)
    for at in range(1, min(len(line), MAX_QUALIFIER + 1)):
        if not _in_a_qualifier(line[at - 1]):
            return False
        found = lexicon.label_pattern.match(line, at)
        if found is not None:
            return lexicon.label_of(found.group(1)) in lexicon.labels and not _addressed(line[:at], lexicon)
    return False


def _addressed(qualifier: str, lexicon: Lexicon) -> bool:
    """Whether a label's *qualifier* ends with the mark of each one of many (各|相关单位：), so
    that the words are the bodies a notice is addressed to, not a label of the units answerable."""
    return qualifier.endswith(lexicon.collective_markers[0])


def _bare_label(line: str, lexicon: Lexicon) -> bool:
    """A line that is a unit label alone, its colon (if any) ending the line: a table's cells
    copied one to a line, key above value (责任单位 / 卫健局、文旅局), or a label whose units
    are written on the next line (责任单位： / 卫健局、文旅局)."""
    return "".join(line.split()).rstrip("：:") in lexicon.labels


def _units_follow(lines: list[str], number: int, gaz: Gazetteer) -> bool:
    """Whether the next line holding text names units alone (卫健局、文旅局), not a table's next
    column name or its first row."""
    following = next((line.strip(" \t\u3000") for line in lines[number + 1 :] if line.strip()), "")
    return not _bare_label(following, gaz.lexicon) and _units_alone(following, gaz)


def _units_alone(text: str, gaz: Gazetteer) -> bool:
    """Whether *text* names units and nothing else (a role phrase may end it), not an item."""
    if not text or _ITEM_MARKER.match(text):
        return False
    parsed = parse_note_content(text, 0, gaz, "", "responsible")
    units = [u for g in parsed.groups for u in g.units] if parsed is not None else []
    return bool(units) and all(_looks_like_unit(u, gaz) for u in units)


def _duty_line_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """A line naming units alone above a line that opens with a role phrase, its duty, a blank
    line between them (国土资源局 / / 负责供地许可审批…: a table of duties copied one cell to a
    line; without the blank line, a line wrapped inside a sentence): the units are a note with
    that phrase's role. An item titled by units alone is a heading, so the line below it is its
    duty with a blank line or without, whether a role phrase, another predicate or a preposition
    opens it ((一)区建管委 / 牵头协调…, (四)区规划资源局 / 在国土空间规划编制中统筹落实…); so is an
    item's title ending in a full stop before its duty on the same line ((一)区房管局。负责…), where
    a role phrase opening the duty makes any units the title names alone answer (虹房集团。负责…)."""
    lexicon = gaz.lexicon
    spans: list[NoteSpan] = []
    lines = norm.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    texts = [(number, line.strip(" \t\u3000")) for number, line in enumerate(lines) if line.strip(" \t\u3000")]

    def titled_row(number: int, named: str, phrase: re.Match[str] | None) -> NoteSpan:
        start = starts[number] + lines[number].index(named)
        role = lexicon.role_of_phrase(phrase.group(0)) if phrase is not None else "responsible"
        return _one_cell_row(start, start + len(named), role, (role,))

    for (number, text), (next_number, duty) in pairwise(texts):
        marker = _ITEM_MARKER.match(text)
        named = text[marker.end() :].lstrip(" ") if marker is not None else text
        phrase = lexicon.role_clause_pattern.match(duty)
        if marker is None and (phrase is None or next_number == number + 1):
            continue
        if not _ends_in_a_body(named, lexicon) or lexicon.label_pattern.search(named) or _bare_label(named, lexicon):
            continue  # (the cheap tests first: segmenting costs most)
        if marker is not None:
            duty_opens = phrase is not None or starts_with_a_predicate(duty) or starts_with_a_preposition(duty)
            if not duty_opens or _ITEM_MARKER.match(duty) or not _titled_by_a_body(named, gaz):
                continue
        if _units_alone(named, gaz):
            spans.append(titled_row(number, named, phrase))
    for number, text in texts:
        marker = _ITEM_MARKER.match(text)
        if marker is None or (stop := text.find("。", marker.end())) < 0:
            continue
        named, duty = text[marker.end() : stop].strip(" "), text[stop + 1 :]
        if not named or (phrase := lexicon.role_clause_pattern.match(duty)) is None:
            continue  # (most items open with a sentence, no title and a stop)
        if not _ends_in_a_body(named, lexicon) or lexicon.label_pattern.search(named) or starts_with_a_predicate(named):
            continue  # 8.支持海外仓建设布局。指导…: a task's title
        if _units_alone(named, gaz):
            spans.append(titled_row(number, named, phrase))
    return spans


def _titled_by_a_body(title: str, gaz: Gazetteer) -> bool:
    """Whether an item's *title* names a body by its level or as a collective (区建管委, 各建设单位),
    no task (优化城乡结构布局, 完善协调机制: a predicate first) and no system (电子政务外网).

    >>> from extract.gazetteer import load_gazetteer
    >>> [_titled_by_a_body(t, load_gazetteer()) for t in ("区建管委", "各建设单位", "完善协调机制", "电子政务外网")]
    [True, True, False, False]
    """
    if starts_with_a_predicate(title):
        return False
    return gaz.level_prefix(title) is not None or title.startswith(gaz.lexicon.collective_markers)


def _last_cell_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """A table's row copied onto one line with blanks between its cells, its item's marker first
    and units alone in its last cell of at least three, a task before them (（一）提升港口能级 加快码头
    建设。 市交通运输局、市港口集团): the units are a note, each saying whose it is, as a cell off its
    column's place; not a field of a list (2. [发文机构] 北京市政务公开领导小组)."""
    spans: list[NoteSpan] = []
    position = 0
    for line in norm.split("\n"):
        if _ITEM_MARKER.match(line):
            cells = list(_BLANK_PARTED.finditer(line))
            last = cells[-1].group(0) if len(cells) >= _ROW_CELLS else ""
            tasked = sum(map(is_han, line[: cells[-1].start()])) >= _ROW_TASK if last else False
            if tasked and _ends_in_a_body(last, gaz.lexicon) and _units_alone(last, gaz):
                start = position + cells[-1].start()
                spans.append(_one_cell_row(start, start + len(last), None, ("responsible",)))
        position += len(line) + 1
    return spans


def _glued_row_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """A table's row copied onto one line with its cells run together or parted by blanks, its
    row's number first, a task that ends at a full stop, then units alone and perhaps when
    (3完善…机制。科技部、财政部2017年底前; 1推进…。县商务局县财政局、各乡镇人民政府2024年11月底):
    the units are a note. Under a header naming a lead's column and another unit column before
    them (序号 重点任务 牵头单位 配合单位 完成时限), the units part where one body's name runs into
    the next with no mark between (市住建局|市发改委、市自然资源局): the first run leads."""
    lexicon = gaz.lexicon
    spans: list[NoteSpan] = []
    roles: tuple[Role, ...] = ()
    position = 0
    for line in norm.split("\n"):
        header = _header_roles(line, lexicon)
        if header is not None:
            roles = header
        piped = "|" in line  # a table read with its cells parted (:func:`_pipe_table_candidates`)
        marker = None if piped else _ITEM_MARKER.match(line) or _GLUED_ROW_NUMBER.match(line)
        stop = max(line.rfind("。"), line.rfind("；"))
        if header is None and marker is not None and stop > marker.end():
            tasked = sum(map(is_han, line[marker.end() : stop])) >= _ROW_TASK
            cells = _units_and_when(line, stop + 1, gaz) if tasked else None
            if cells is not None:
                start, end, when = cells
                runs = _runs_of_units(line, start, end, lexicon) if len(roles) > 1 else [(start, end)]
                if len(runs) == 2:
                    parts = tuple((position + a, position + b, role) for (a, b), role in zip(runs, roles, strict=False))
                    first, last = parts[0][0], parts[-1][1]
                    spans.append(NoteSpan(first, last, first, last, "row", None, parts, roles[:2]))
                else:  # a column's units where a header or a cell of when says it is one (科技部, 发改局)
                    role: Role | None = "responsible" if roles or when else None
                    spans.append(_one_cell_row(position + start, position + end, role, ("responsible",)))
        position += len(line) + 1
    return spans


def _spaced_table_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """A whole table copied onto one line with blanks between its cells, its header among them
    (工作任务 牵头单位 责任单位 工作要求 1.推进… 政策法规处 各有关处室 制定并公布…): after a header of two
    unit columns or more, each row's number glued to its task, then cells naming units alone, then
    what the row requires. The cells are the row's units: the first the lead's column's and the
    others the next column's where the row fills every unit column, all answerable alike where it
    fills fewer (which column is empty is not said).

    >>> from extract.gazetteer import load_gazetteer
    >>> text = "分解表 工作任务 牵头单位 责任单位 工作要求 1.推进公开 政策法规处 各有关处室 制定并公布清单。"
    >>> [(text[a:b], role) for span in _spaced_table_candidates(text, load_gazetteer()) for a, b, role in span.cells]
    [('政策法规处', 'lead'), ('各有关处室', 'responsible')]
    """
    lexicon = gaz.lexicon
    spans: list[NoteSpan] = []
    position = 0
    for line in norm.split("\n"):
        chunks = list(_BLANK_PARTED.finditer(line))
        roles: list[Role] = []
        index = 0
        while index < len(chunks):
            chunk = chunks[index].group(0)
            if chunk in lexicon.labels:  # a run of the header's unit columns
                if index == 0 or chunks[index - 1].group(0) not in lexicon.labels:
                    roles = []
                roles.append(lexicon.labels[chunk])
                index += 1
                continue
            row = _SPACED_ROW_NUMBER.match(chunk)
            if len(roles) < 2 or row is None or row.end() == len(chunk):
                index += 1
                continue
            cells = []
            index += 1
            while index < len(chunks) and _a_spaced_cell_of_units(chunks[index].group(0), gaz):
                cells.append((position + chunks[index].start(), position + chunks[index].end()))
                index += 1
            if not cells:
                continue
            columns: tuple[Role, ...] = tuple(roles[:2]) if len(cells) >= len(roles) else ("responsible",)
            parts = tuple((a, b, columns[min(n, len(columns) - 1)]) for n, (a, b) in enumerate(cells))
            first, last = parts[0][0], parts[-1][1]
            spans.append(NoteSpan(first, last, first, last, "row", None, parts, columns))
        position += len(line) + 1
    return spans


def _a_spaced_cell_of_units(cell: str, gaz: Gazetteer) -> bool:
    """Whether *cell*, parted from its row's other cells by blanks, names units alone: no mark of a
    clause in it (what the row requires has them) and every unit a body's name."""
    if any(mark in cell for mark in "，。；：、“") or len(cell) > _MAX_SPACED_CELL:
        return False
    return _units_alone(cell, gaz)


def _glued_table_candidates(norm: str, gaz: Gazetteer, jurisdiction: str) -> list[NoteSpan]:
    """A whole table copied onto one line with no mark between its cells (:func:`glued_table_rows`:
    序号 重点任务 责任部门 时间进度1发布…科技成果包科技部会同有关部门2016年6月底前完成2建立…). A row's
    units end where its first stretch that says when begins, and begin where a body's name that
    says whose it is, or that the gazetteer knows, opens a run of units alone up to there (…成果包|
    科技部会同有关部门): the task before them ends in no body's name."""
    rows = glued_table_rows(norm)
    found = [cell for _, start, end in rows if (cell := _glued_row_units(norm, start, end, gaz, jurisdiction))]
    if len(found) < 2:
        return []
    return [_one_cell_row(a, b, "responsible", ("responsible",)) for a, b in found]


def _glued_row_units(text: str, start: int, end: int, gaz: Gazetteer, jurisdiction: str) -> tuple[int, int] | None:
    """Where the units of a glued row ``text[start:end]`` stand (:func:`_glued_table_candidates`),
    or None: the longest run whose first body the gazetteer knows in the document's *jurisdiction*
    (…转移机构|科技部、教育部; …共享平台|省大数据局, not …省大|数据局), else the longest whose first
    body's name says whose it is (…改造|县商务局、县财政局)."""
    lexicon = gaz.lexicon
    for when in lexicon.time_pattern.finditer(text, start + GLUED_TASK, end):
        openings = [
            (opening, first)
            for opening in range(start + GLUED_TASK, when.start() - 1)
            if _ends_in_a_body(first := _first_unit(text[opening : when.start()], lexicon), lexicon)
        ]
        for named in (lambda name: gaz.resolve(name, jurisdiction).resolved, lambda name: _says_whose(name, gaz)):
            for opening, first in openings:
                units = text[opening : when.start()]
                if named(first) and _a_cell_of_units(units, lexicon) and _units_alone(units, gaz):
                    prefixes = (*lexicon.own_prefixes, *lexicon.level_prefixes)  # 国家|国防科工局, 县|农业农村局
                    own = max((p for p in prefixes if text.endswith(p, start, opening)), key=len, default="")
                    return opening - len(own), when.start()  # the name in full
    return None


def _first_unit(units: str, lexicon: Lexicon) -> str:
    """The first unit of a run written as a table's cell: up to a mark, 等 or a conjunction of two
    characters (会同, not 会 of 工业和信息化部|会议)."""
    return re.split(f"[、，,]|{lexicon.partnering_pattern.pattern}|等", units, maxsplit=1)[0]


def _stacked_row_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """A table copied one cell to a line with no header: a row's number (alone on its line or
    opening its task), its task, perhaps a line that says when, and a line of units alone
    (1\\n推进…。\\n市政务服务管理局\\n2025年6月; 2\\n做好…统筹推进\\n全年推进\\n发展改革委: the rows of a
    table whose header is on another page). A task ends at a full stop unless its number stands
    alone on the line before it. The units are a note where two rows or more of the text are so
    written; one such line may be a signature under a last paragraph."""
    lexicon = gaz.lexicon
    lines = norm.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    found: list[tuple[int, int]] = []

    def opens_a_row(task_at: int) -> bool:
        """Whether the line *task_at* is a row's task: its number alone on the line before, or
        opening it where it ends at a full stop."""
        task = lines[task_at].strip()
        if "|" in task:
            return False
        if task_at >= 1 and _ROW_NUMBER_ALONE.fullmatch(lines[task_at - 1].strip()) is not None:
            return True
        return task.endswith(("。", "；")) and bool(_ITEM_MARKER.match(task) or _GLUED_ROW_NUMBER.match(task))

    for number in range(1, len(lines)):
        when_between = number >= 2 and _a_cell_of_when(lines[number - 1].strip(), lexicon)
        if not opens_a_row(number - 2 if when_between else number - 1):
            continue
        line = lines[number].strip()
        if _a_cell_of_units(line, lexicon) and _units_alone(line, gaz):
            start = starts[number] + len(lines[number]) - len(lines[number].lstrip())
            found.append((start, start + len(line)))
    if len(found) < 2:
        return []
    return [_one_cell_row(start, end, "responsible", ("responsible",)) for start, end in found]


def _a_cell_of_when(line: str, lexicon: Lexicon) -> bool:
    """Whether *line* is a cell that says when and nothing more (全年推进, 2025年6月底前完成, 三季度完成)."""
    when = lexicon.time_pattern.match(line)
    return when is not None and len(line) - when.end() <= _WHEN_VERB


def _header_roles(line: str, lexicon: Lexicon) -> tuple[Role, ...] | None:
    """The roles of a table header's unit columns in order, where *line* is a header written on
    one line (序号 重点任务 牵头单位 配合单位 完成时限, or run together): a row number's header, then
    labels; None for any other line."""
    text = "".join(line.split())
    if not text.startswith(tuple(lexicon.row_number_headers)) or len(text) > _MAX_HEADER * 5:
        return None
    roles = tuple(lexicon.labels[found.group(0)] for found in lexicon.unit_label_pattern.finditer(text))
    return roles or None


def _units_and_when(line: str, begin: int, gaz: Gazetteer) -> tuple[int, int, bool] | None:
    """Where the units stand in ``line[begin:]``, and whether a cell of when follows them: units
    alone (a role phrase may end them: 等按职责分工负责), and after them nothing or a stretch that
    says when (2017年底前, 长期坚持, 持续推进), not a day alone, the date a text is signed on
    (国务院　2014年10月9日); None otherwise."""
    lexicon = gaz.lexicon
    tail = line[begin:]
    ends = [len(tail)]
    for when in lexicon.time_pattern.finditer(tail):
        if len(tail.rstrip()) - when.end() <= _WHEN_VERB and not _SIGNING_DATE.fullmatch(tail[when.start() :].strip()):
            ends.insert(0, when.start())
    for end in ends:
        units = tail[:end]
        start = len(units) - len(units.lstrip(" \t\u3000"))
        units = units.strip(" \t\u3000")
        if _a_cell_of_units(units, lexicon) and _units_alone(units, gaz):
            return begin + start, begin + start + len(units), end < len(tail)
    return None


def _a_cell_of_units(text: str, lexicon: Lexicon) -> bool:
    """Whether *text* may be a cell of units: it ends in a body, or in a role phrase after a body
    or 等 (…工业和信息化部等按职责分工负责), with no label (a note in brackets) nor a bracket before
    it; the cheap tests before :func:`_units_alone` parses it."""
    if not text or text[0] in "（(【〔[|" or lexicon.label_pattern.search(text) or lexicon.time_pattern.match(text):
        return False  # (2024年4月底前，X…: a sentence that says when, not a cell)
    if starts_with_a_preposition(text):
        return False  # 由X负责落实: a sentence of its own, read as one
    role = next((r for r in lexicon.role_clause_pattern.finditer(text) if r.end() == len(text)), None)
    if role is not None:
        text = text[: role.start()]
    return _ends_in_a_body(text, lexicon) or (text.endswith("等") and _ends_in_a_body(text[:-1], lexicon))


def _runs_of_units(line: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[int, int]]:
    """``line[start:end]`` cut where a body's name runs into the next with no mark between
    (市住房城乡建设局|市发展改革委、…): two runs of units, two cells glued; one run otherwise."""
    gap = _BLANKS.search(line, start, end)
    if gap is not None:  # 省公共资源交易中心 省发展改革委、…: cells parted by blanks
        return [(start, gap.start()), (gap.end(), end)]
    for cut in range(start + 2, end - 1):
        if line[cut] in "、，,；;和及与" or line[cut - 1] in "、，,；;":
            continue
        glued = _ends_in_an_organisation_s_word(line[start:cut], lexicon) and ends_a_word(line, cut)
        if glued and _ends_in_a_body(line[cut:end], lexicon) and line[cut:end][:1] not in "等）)":
            return [(start, cut), (cut, end)]
    return [(start, end)]


def _one_cell_row(start: int, end: int, role: Role | None, roles: tuple[Role, ...]) -> NoteSpan:
    """A note read as a table row of one cell, *role* its column's (None: a cell off its column's
    place, which must say whose it is), *roles* the table's unit columns'."""
    return NoteSpan(start, end, start, end, "row", None, ((start, end, role),), roles)


def _clause_label_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """A unit label after a comma inside a sentence (``…举措，责任科室：就业科、人才中心分别牵头，
    责任科室：…``): its note runs over the clauses after it that name units alone, and over
    labels of other units after a semicolon (牵头领导：X；牵头单位：A；配合单位：B: one block), up
    to the next label or the first clause that does neither."""
    lexicon = gaz.lexicon
    spans: list[NoteSpan] = []
    for found in re.finditer("[，；]\\s*(" + lexicon.label_pattern.pattern + ")", norm):
        before = norm[norm.rfind("\n", 0, found.start()) + 1 : found.start()]
        if lexicon.label_of(found.group(2)) not in lexicon.labels or before.count("（") > before.count("）"):
            continue  # a label inside brackets is its bracket's (one left open is cut off)
        first = _CLAUSE.match(norm, found.end(1))
        if first is None:
            continue  # a label with nothing after it
        end = first.end()
        labels = {lexicon.label_of(found.group(2))}
        while end < len(norm) and norm[end] in "，；":
            clause = _CLAUSE.match(norm, end + 1)
            if clause is None:
                break
            label = lexicon.label_pattern.match(clause.group(0))
            if label is not None and norm[end] == "；" and lexicon.label_of(label.group(1)) not in labels:
                labels.add(lexicon.label_of(label.group(1)))  # 牵头单位：A；配合单位：B: one block
                end = clause.end()
                continue
            if label or norm[end] != "，" or not _units_alone(clause.group(0), gaz):
                break
            end = clause.end()
        if (item := _next_inline_item(norm, found.end(1), end, lexicon)) is not None:
            end = item  # …、区内各相关企业（二）“互联网+”现代农业: the next item, in a text of one line
        spans.append(NoteSpan(found.start(1), end, found.start(1), end, "label"))
    return spans


def _label_block_content(content: str, lexicon: Lexicon) -> str:
    r"""A label block's text as one note: its lines parted by ``；``, or by ``：`` after a label
    written alone on its line (blank lines after it by spaces), and a table's bars (牵头单位: |
    市发改委 |) by spaces; one character each, so offsets hold.

    >>> from extract.lexicon import load_lexicon
    >>> _label_block_content("责任单位\n\n卫健局\n配合单位：各乡镇", load_lexicon())
    '责任单位 ：卫健局；配合单位：各乡镇'
    """
    pieces: list[str] = []
    waiting = False  # a label alone on its line has not yet met its units
    for index, line in enumerate(content.split("\n")):
        if index:
            opened = pieces[-1].rstrip().endswith(("：", ":"))  # 责任单位： / 卫健局: the colon is written
            pieces.append(("：" if line.strip() and not opened else " ") if waiting else "；")
        pieces.append(line.replace("|", " "))
        if line.strip():
            waiting = _bare_label(line.strip(" \t\u3000"), lexicon)
    return "".join(pieces)


def _table_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """Table rows flattened into lines, cells parted by ``|``, tabs or (without either) spaces:
    under a header naming unit columns (牵头单位, 责任单位) a row's cells in those columns are
    one note, each with its column's role, and a unit cell may go on over the lines below it
    that hold a unit alone; without a header, a last cell with a role word is a note."""
    lexicon = gaz.lexicon
    spans: list[NoteSpan] = []
    columns: dict[int, Role] = {}
    width = 0  # the header's number of cells
    lines = norm.split("\n")
    position = 0
    names_before: list[str] = []  # the line before, where it holds column names alone
    header_line = -2  # the number of the last line that named unit columns
    for number, line in enumerate(lines):
        cells = _line_cells(line, position)
        while cells and not cells[-1][0]:  # a row's closing bars (… | ||) hold no cell
            cells.pop()
        # 责 任 单 位: spaced out to fill its cell; 责任单位（责任人）: the label with its people
        names = [lexicon.column_name(c) for c, _ in cells]
        if len(cells) == 1 and names[0] in lexicon.labels and names_before:
            names = names_before + names  # 工作任务 | 具体要求 / | 责任单位 |: a header over two lines
        headers = {i: lexicon.labels[name] for i, name in enumerate(names) if name in lexicon.labels}
        names_before = names if all(0 < len(n) <= _MAX_HEADER and n[-1] not in "。；" for n in names) else []
        if headers and len(names) >= 2:
            if header_line == number - 1 and not all(names):  # 责任单位 over 牵头单位 | 配合单位: a header's
                columns, width = {**columns, **headers}, max(width, len(names))  # second line, under its first
            else:
                columns, width = headers, len(names)  # type: ignore[assignment]
            header_line = number
        elif len(cells) >= 2:
            # cells merged over several rows or columns (a heading over its tasks, 具体要求 over
            # heading, number and task) are on the left: a row of another width than its header
            # aligns on the right, unless its cells are parted by spaces, where an empty cell
            # leaves no trace and a narrower row's first cells are in place
            shift = len(cells) - width
            if not _parted_by_marks(line):
                shift = max(0, shift)
            elif shift < 0:
                shift = _shift_reading_units([c for c, _ in cells], columns, shift, gaz)
            if columns and len(cells) > min(columns) + shift:
                placed = [(c, at, i - shift) for i, (c, at) in enumerate(cells)]
                parts = [(at, at + len(c), columns[k]) for c, at, k in placed if k in columns and c]
                if parts:
                    at, end, role = parts[-1]
                    parts[-1] = (at, _continued_cell(lines, number, position + len(line), end, lexicon), role)
                    later = [columns[k] for k in sorted(columns) if k > len(cells) - 1 - shift]
                    parts += _cells_on_lines_below(norm, parts[-1][1], later, gaz)
                    first, last = parts[0][0], parts[-1][1]
                    # between marks an empty cell holds its place: each cell takes its own column's role
                    ordinal = () if _parted_by_marks(line) else tuple(columns.values())
                    spans.append(NoteSpan(first, last, first, last, "row", None, tuple(parts), ordinal))
            else:
                text, start = cells[-1]
                body = text.rstrip("。；")
                sentences = "。" in body  # 第五条 X负责A。Y负责B。: an article's running text, no cell
                phrase = lexicon.role_phrase_pattern.search(body)
                if (
                    phrase is not None
                    and text[0] not in "（〔【"
                    and not sentences
                    and _ends_in_a_body(body[: phrase.start()], lexicon)  # not 第五章 平台|支撑, a heading
                ):
                    spans.append(NoteSpan(start, start + len(text), start, start + len(text), "table"))
        elif (not cells and "|" not in line) or _ATTACHMENT.fullmatch(line.strip()):
            columns = {}  # a line of bars alone parts rows of one table; 附件2 opens another part
        position += len(line) + 1
    return spans


def _shift_reading_units(cells: list[str], columns: dict[int, Role], widest: int, gaz: Gazetteer) -> int:
    """How far a row narrower than its header stands to the left of its columns: aligned on the
    right (*widest*) where its unit columns then hold units, else the least shift that puts units
    alone in every unit column it reaches (a row of a ledger missing its last, empty cells, or a
    cell merged with its neighbour: 2 | 任务 | 疾控处 | 长期推进 under 序号 | 任务 | 细化分工 |
    责任处室 | 完成时限 | 备注)."""

    def reads(shift: int) -> bool:
        placed = [cells[k + shift] for k in columns if 0 <= k + shift < len(cells) and cells[k + shift]]
        return bool(placed) and all(_units_alone(cell, gaz) for cell in placed)

    return next((shift for shift in range(widest, 1) if reads(shift)), widest)


def _parted_by_marks(line: str) -> bool:
    """Whether a flattened row parts its cells by ``|`` or tabs, which show an empty cell."""
    return "|" in line or "\t" in line


def _line_cells(line: str, position: int) -> list[tuple[str, int]]:
    """A flattened row's cells with their offsets: parted by ``|`` or tabs where the line has
    them (a cell may hold spaces, and may be empty), else by spaces."""
    if not _parted_by_marks(line):
        return [(m.group(0), position + m.start()) for m in _SPACED_CELL.finditer(line)]
    cells = []
    for match in re.finditer(r"[^|\t]+|(?<=[|\t])(?=[|\t])|^(?=\t)", line):  # \t|X: an empty first cell
        raw = match.group(0)
        text = raw.strip(" \u3000")
        cells.append((text, position + match.start() + (raw.index(text) if text else 0)))
    return cells


def _continued_cell(lines: list[str], number: int, line_end: int, cell_end: int, lexicon: Lexicon) -> int:
    """Where a row's last unit cell ends: at the row's line end, or over the lines below that
    each hold a unit alone (区农业农村委 / 区林业局 / 区供销联社), as a merged cell is copied."""
    if cell_end != line_end:
        return cell_end
    end = cell_end
    for line in lines[number + 1 :]:
        text = line.strip(" \t\u3000")
        if not text or re.search(r"[\s|。，；]", text) or not _ends_in_a_body(text, lexicon):
            break
        end += 1 + len(line)
    return end


def _cells_on_lines_below(norm: str, row_end: int, roles: list[Role], gaz: Gazetteer) -> list[tuple[int, int, Role]]:
    """The cells of a row's unit columns that its line stops short of, one to a line below it,
    each naming units alone (2 任务 区财政局 / 区税务局 / 区政府有关部门，各乡镇…: the last column
    copied to a line of its own); none past a line that names anything else."""
    cells: list[tuple[int, int, Role]] = []
    position = row_end
    for role in roles:
        if not norm.startswith("\n", position):
            break
        start = position + 1
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        if not _units_alone(norm[start:end].strip(), gaz):
            break
        cells.append((start, end, role))
        position = end
    return cells


def _text_span(line: str, position: int, bars: str = "") -> tuple[int, int]:
    """Where *line* (at *position*) holds text, without white space or *bars* around it."""
    blank = " \t\u3000"
    head = len(line) - len(line.lstrip(bars + blank))
    end = len(line.rstrip(bars + blank))
    return position + head, position + max(head, end)


def _pipe_rows(norm: str) -> list[list[tuple[int, int]]]:
    """The rows of tables copied with each cell's own lines kept, as ``(start, end)`` of their
    cells: a line holding ``|`` alone ends a row, a line starting with ``|`` opens a cell and
    one ending with ``|`` closes its cell (``教体局 |``); other lines go on with the cell before
    them (a narrow cell written over several lines, ``市政`` / ``府办`` / ``公厅``). A table's
    first row opens at the line before its first ``|`` cell. Only rows that a lone ``|`` closes
    are kept (a row of one cell too: the others merged with rows above)."""
    rows: list[list[tuple[int, int]]] = []
    row: list[tuple[int, int]] = []
    opened = False  # the line before ended a row, or this row has a | cell: the row goes on
    closed = False  # the line before closed its cell with a |
    previous: tuple[int, int] | None = None  # the text of the line before, if it held any
    position = 0
    for line in norm.split("\n"):
        stripped = line.strip(" \t\u3000")
        span = _text_span(line, position, "|")
        if stripped == "|":
            if row:
                rows.append(row)
            row, opened = [], True
        elif stripped.startswith("|"):
            if not opened and previous is not None:
                row = [previous]  # the first row of a table opens at the line before
            row.append(span)
            opened = True
        elif stripped and opened:
            row = [*row[:-1], (row[-1][0], span[1])] if row and not closed else [*row, span]
        else:
            row, opened = [], False
        closed = stripped.endswith("|")
        previous = span if stripped else None
        position += len(line) + 1
    return rows


def _pipe_table_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """Tables copied with each cell's own lines kept (:func:`_pipe_rows`): under a header naming
    unit columns, a row's cells in unit columns are one note, each with its column's role, as a
    row flattened into a line is. A row short of cells lacks its first ones, merged with a row
    above (a lead unit's cell over several tasks): such a merged cell is a note of its own."""
    lexicon = gaz.lexicon
    spans: list[NoteSpan] = []
    columns: list[Role | None] = []
    rows = _pipe_rows(norm)
    for number, row in enumerate(rows):
        if len(row) < 2:  # a row of one cell tells only that the cells before it are merged
            continue
        names = [lexicon.column_name(norm[a:b]) for a, b in row]
        if any(name in lexicon.labels for name in names) and all(len(name) <= _MAX_HEADER for name in names):
            columns = [lexicon.labels.get(name) for name in names]
            continue
        if not columns or len(row) > len(columns):
            continue
        cells = [
            (start, end, role)
            for (start, end), role in zip(row, columns[len(columns) - len(row) :], strict=True)
            if role is not None and end > start
        ]
        following = rows[number + 1] if number + 1 < len(rows) else []
        merged = len(row) == len(columns) and 0 < len(following) < len(row) and cells and cells[0][0] == row[0][0]
        for part in [cells[:1], cells[1:]] if merged else [cells]:
            if part:
                first, last = part[0][0], part[-1][1]
                roles = tuple(role for _, _, role in part if role is not None)
                spans.append(NoteSpan(first, last, first, last, "row", None, tuple(part), roles))
    return spans


def _cells(norm: str) -> list[tuple[str, int]]:
    r"""The lines of *norm* that hold text, stripped, with their offsets: a table copied one cell
    to a line (between ``|`` lines or blank ones) gives its cells in reading order. Lines
    between two bars are one cell (a cell of two lines: 王 嵘 / 方 勇), whether the closing bar
    stands on a line of its own or ends the cell's last line (序 / 号  |), and a blank line
    right after a bar leaves the lines after it after the bar (web copies indent each cell).

    >>> [text for text, _ in _cells("1.任务\n|\n王 嵘\n方 勇\n|\n区财政局\n")]
    ['1.任务', '王 嵘\n方 勇', '区财政局']
    >>> [text for text, _ in _cells("| \n  序\n  号  |\n   \n  工作任务\n   |\n")]
    ['序\n  号', '工作任务']
    """
    cells: list[tuple[str, int]] = []
    run: list[tuple[str, int]] = []  # the lines since the last line without text
    after_bar = False  # the run follows a | line

    def flush(before_bar: bool) -> None:
        if after_bar and before_bar and len(run) > 1:
            (_, start), (last, last_start) = run[0], run[-1]
            cells.append((norm[start : last_start + len(last)], start))
        else:
            cells.extend(run)
        run.clear()

    position = 0
    for line in norm.split("\n"):
        stripped = line.strip(" \t\u3000")
        if stripped.strip("|-+ "):
            text = stripped.rstrip("| \t\u3000")
            run.append((text, position + line.index(text)))
            if text != stripped:  # 号  |: the bar at the line's end closes the cell
                flush(True)
                after_bar = True
        elif stripped or run:  # a blank line just after a bar leaves the next lines after it
            bar = "|" in stripped
            flush(bar)
            after_bar = bar
        position += len(line) + 1
    flush(False)
    return cells


def _in_place(row: list[tuple[str, int]], header: list[str], lexicon: Lexicon) -> bool:
    """Whether each cell of a row stands under its own column: as many cells as columns, and
    no body's name under a column of people (an empty cell there and a cell of two stacked
    units would also leave as many, each one column off)."""
    return len(row) == len(header) and not any(
        column in lexicon.person_labels and text.endswith(lexicon.organisation_suffixes)
        for (text, _), column in zip(row, header, strict=True)
    )


def _row_number(cell: str) -> int | None:
    """The number of a row-number cell (3, 3.), else None."""
    return int(cell.rstrip(".、．")) if _ROW_NUMBER.fullmatch(cell) else None


def _next_row_number(cell: str, last: int | None, *, after_heading: bool = False) -> bool:
    """Whether a cell is the next row's number: rows count up, so a number out of turn is
    another column's value (an amount, 300; a year, 2024). Under a heading the rows count from 1
    again or go on from the rows before it, so another number there is a section's value (一、 /
    巩固成果 / 31: its score).

    >>> _next_row_number("1", None), _next_row_number("2", 1), _next_row_number("300", 1)
    (True, True, False)
    >>> _next_row_number("1", 6, after_heading=True), _next_row_number("7", 6, after_heading=True)
    (True, True)
    >>> _next_row_number("31", 6, after_heading=True), _next_row_number("31", None, after_heading=True)
    (False, False)
    """
    number = _row_number(cell)
    if number is None:
        return False
    if after_heading:
        return number == 1 or (last is not None and number == last + 1)
    return last is None or number == last + 1


def _numbered_task(cell: str, lexicon: Lexicon) -> bool:
    """Whether a cell opens with a task's number (1.加快…, （2）推进…), not with a date (12月底前)."""
    return _NUMBERED_TASK.match(cell) is not None and lexicon.time_pattern.match(cell) is None


def _table_header(cells: list[tuple[str, int]], index: int, lexicon: Lexicon) -> list[str] | None:
    """The header that starts at cell *index*: a run of short cells naming a unit column
    (牵头单位, 责任单位) after the first, which is a row-number column (序号) or any column
    name (主要工作任务); None if no header starts there."""
    first = "".join(cells[index][0].split())
    if len(first) > _MAX_HEADER or _ROW_NUMBER.fullmatch(first) or first in lexicon.labels:
        return None
    header = [first]
    for written, _ in cells[index + 1 : index + _MAX_COLUMNS]:
        cell = "".join(written.split())  # 责 任 单 位: a header spaced out to fill its cell
        if (
            _ROW_NUMBER.fullmatch(cell)
            or _numbered_task(cell, lexicon)
            or _HEADING.match(cell)
            or len(cell) > _MAX_HEADER
        ):
            if _row_number(cell) not in (None, 1) and len(header) > 2 and header[-1] not in lexicon.labels:
                header.pop()  # 总分 / 100: a row of totals under the header, whose first row is 1
            break
        header.append(lexicon.column_name(cell))  # 落实科室(部门), 整改责任单位: the label
    if any(cell in lexicon.row_number_headers for cell in header[1:]):
        return None  # the header opens at its row-number column; before it, a title or a merged column (分块)
    return header if any(cell in lexicon.labels for cell in header[1:]) else None


def _cell_table_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """Tables copied one cell to a line: under a header (:func:`_table_header`), every row is
    one note made of its cells that hold units alone, as a table row flattened into a line is.

    A row starts at a row number (1) or at a numbered task (1.加快…, in the task column: the
    last before the first labelled column), and runs to the next row or heading; the tasks of
    a row whose number cell is merged are rows of their own. Merged cells leave rows of unequal
    length, so a row's unit cells take the unit columns' roles in order (any further cell the
    last column's); a cell off its column's place must also say whose it is (区发改局, not a
    task such as 建设数据中心), while one in its place may be written short (发改局).
    """
    lexicon = gaz.lexicon
    cells = _header_lines_spread(_rejoined(_cells(norm), norm, lexicon), lexicon)
    spans: list[NoteSpan] = []
    header: list[str] = []
    header_roles: tuple[Role, ...] = ()  # the roles of the header's unit columns, in order
    task_column = 0
    row: list[tuple[str, int]] = []  # the cells of the row being read, its row number or task first
    row_column = 0  # the column of the row's first cell
    last_number: int | None = None  # the number of the last numbered row under this header
    after_heading = False  # a heading since that row: the next counts from 1 or goes on

    def close_row() -> None:
        columns = [lexicon.labels.get(cell) for cell in header]
        merged = _merged_rows(row, header, gaz) if row_column == 0 else None
        placed = _short_row_columns(row, header, gaz) if row_column == 0 and not merged else None
        for cells_of_row, first_column in merged or [(row, row_column)]:
            skipped = 1 if cells_of_row is row or first_column == 0 else 0  # the row number holds no unit
            at = placed or range(first_column, first_column + len(cells_of_row))
            parts = tuple(
                (start, start + len(text), columns[at[k]] if at[k] < len(columns) else None)
                for k, (text, start) in enumerate(cells_of_row[skipped:], skipped)
            )
            if merged or placed or _in_place(row, header[row_column:], lexicon):  # no unit off a unit column
                parts = tuple(part for part in parts if part[2] is not None)
            if parts:
                spans.append(
                    NoteSpan(parts[0][0], parts[-1][1], parts[0][0], parts[-1][1], "row", None, parts, header_roles)
                )
        row.clear()

    skip_until = 0
    for index, (text, start) in enumerate(cells):
        if index < skip_until:
            continue
        found = _table_header(cells, index, lexicon)
        if found is not None:
            if row:
                close_row()
            header, skip_until = found, index + len(found)
            header_roles = tuple(lexicon.labels[cell] for cell in header if cell in lexicon.labels)
            last_number, after_heading = None, False
            labelled = (k for k, cell in enumerate(header) if cell in lexicon.labels or cell in lexicon.person_labels)
            task_column = max(next(labelled) - 1, 0)
        elif not header:
            continue
        elif _ATTACHMENT.fullmatch(text.strip()):
            if row:
                close_row()
            header = []  # 附件2: another part, its own tables
        elif (
            _HEADING.match(text)
            or _next_row_number(text, last_number, after_heading=after_heading)
            or _numbered_task(text, lexicon)
        ):
            if row:
                close_row()
            if _HEADING.match(text):
                after_heading = True  # numbering starts again under each heading, or goes on
            else:
                row.append((text, start))
                row_column = 0 if _ROW_NUMBER.fullmatch(text) else task_column
                if (number := _row_number(text)) is not None:
                    last_number, after_heading = number, False
        elif row:
            row.append((text, start))
        elif text.strip():  # a row with no number under a heading: a cell naming whose it is is its note
            spans.append(_one_cell_row(start, start + len(text), None, header_roles))
    if row:
        close_row()
    return spans


def _short_row_columns(row: list[tuple[str, int]], header: list[str], gaz: Gazetteer) -> list[int] | None:
    """The columns of a numbered row's cells where the row is shorter than its header, a column
    left out (a merged cell of tasks lifted above its rows as a heading: 一 / 推进… / 1 / 全面实施… /
    全年推进 / 发展改革委): the cells keep their order, and the leftmost placement that puts a cell of
    units under each unit column it fills and under no other is theirs. None where the row is
    as long as its header or no placement fits.

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> header = ["序号", "重点任务", "具体工作", "时间进度", "责任部门"]
    >>> _short_row_columns([("1", 0), ("开展监测", 2), ("全年推进", 7), ("区发展改革委", 12)], header, gaz)
    [0, 1, 2, 4]
    >>> two_unit_columns = ["序号", "任务", "牵头单位", "配合单位"]
    >>> _short_row_columns([("1", 0), ("开展监测", 2), ("区发展改革委", 7)], two_unit_columns, gaz)
    [0, 1, 2]
    """
    if not 1 < len(row) < len(header):
        return None
    units = [cell in gaz.lexicon.labels for cell in header]
    cells_of_units = [
        _a_cell_of_units(cell := "".join(text.split()), gaz.lexicon) and _units_alone(cell, gaz) for text, _ in row[1:]
    ]
    for columns in combinations(range(1, len(header)), len(row) - 1):
        if all(units[column] == of_units for column, of_units in zip(columns, cells_of_units, strict=True)):
            return [0, *columns]
    return None


def _header_lines_spread(cells: list[tuple[str, int]], lexicon: Lexicon) -> list[tuple[str, int]]:
    """*cells* with a header written on one line, its names parted by blanks, above cells one to
    a line (序号　工作内容　牵头单位　责任单位 / 5 / 完善… / 县水利局): one cell per name, as if each
    stood on its line. Only a line that opens at its row-number column (序号) and names a unit
    column, every part short, is a header."""
    spread: list[tuple[str, int]] = []
    for text, start in cells:
        if not text.startswith(lexicon.row_number_headers):  # (most cells: the cheap test first)
            spread.append((text, start))
            continue
        parts = [(m.group(0), start + m.start()) for m in re.finditer(r"[^\s\u3000]+", text)]
        if (
            len(parts) >= 3
            and parts[0][0] in lexicon.row_number_headers
            and all(len(part) <= _MAX_HEADER for part, _ in parts)
            and any(part in lexicon.labels for part, _ in parts)
        ):
            spread.extend(parts)
        else:
            spread.append((text, start))
    return spread


def _merged_rows(
    row: list[tuple[str, int]], header: list[str], gaz: Gazetteer
) -> list[tuple[list[tuple[str, int]], int]] | None:
    """A numbered row longer than the header, as the rows it holds, each with the column of its
    first cell: the first fills the header, the rest share the first's cells on the left, merged
    over them, and fill the columns on the right (开办企业 | 银行开户 | 区本级银行, then 税务登记 |
    区税务局). Their width is the widest that puts a body's name under each unit column and
    none under another, and they open with a column of tasks: units alone past the header are
    units stacked in the last cell. None where no width does."""
    surplus = len(row) - len(header)
    units = [cell in gaz.lexicon.labels for cell in header]

    def fits(cells: list[tuple[str, int]], first_column: int) -> bool:
        return all(
            _looks_like_unit(UnitName("".join(text.split()), 0, 0), gaz) == units[first_column + k]
            for k, (text, _) in enumerate(cells)
        )

    for width in range(len(header) - 1, 1, -1):
        first_column = len(header) - width
        if units[first_column]:
            continue  # units alone past the header are a cell's stacked units (市发改委 / 市生态环境局)
        rest = row[len(header) :]
        rows = [rest[k : k + width] for k in range(0, surplus, width)]
        if (
            surplus > 0
            and surplus % width == 0
            and all(fits(cells, first_column) for cells in [row[first_column : len(header)], *rows])
        ):
            return [(row[: len(header)], 0), *((cells, first_column) for cells in rows)]
    return None


def _sentence_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """The last sentence of a line where it ends in a role phrase: a note written as a sentence
    after its item (``…。市发改委牵头落实。``), a table row's cell on its own line, or a heading
    that names its lead (``（二）省审计厅牵头的工作``)."""
    lexicon = gaz.lexicon
    spans: list[NoteSpan] = []
    position = 0
    for line in norm.split("\n"):
        body = line.rstrip(" \t\u3000。；")
        start = max(body.rfind(mark) for mark in "。；\t|") + 1  # after a sentence or a table cell
        when = lexicon.time_pattern.match(body, start)
        if start > 0 and when is not None and len(body) - when.end() <= _WHEN_VERB:
            body = body[:start].rstrip(" \t\u3000。；")  # …。X牵头，Y配合。2025年底前完成。: the note is before
            start = max(body.rfind(mark) for mark in "。；\t|") + 1
        whole_line = start == 0
        after_a_stop = start > 0 and body[start - 1] in "。；"  # …。第十一条 X负责…: an item run on in the line
        if (whole_line or after_a_stop) and (marker := _ITEM_MARKER.match(body, start)):
            start = marker.end()
        while start < len(body) and body[start] in " \t\u3000":
            start += 1
        start = _past_a_designating_verb(body, start, len(body), lexicon)  # 确定|县教育局为责任单位
        sentence = body[start:]
        tail = lexicon.work_heading_pattern.search(sentence) if whole_line else None
        content = sentence[: tail.start()] if tail else sentence
        reported = False  # 已由市政府办公室印发实施: done already, a report of progress
        if (agent := _AGENT_INSIDE.search(content)) is not None:
            reported = content[: agent.end() - 1].endswith(lexicon.completion_adverbs)
            start, sentence, content = start + agent.end(), sentence[agent.end() :], content[agent.end() :]
        plain = 2 < len(content) <= _MAX_SENTENCE_NOTE and content[0] not in "（〔【" and content[-1] not in "）〕】"
        plain = plain and not reported
        asides = [
            m.end() for m in lexicon.role_aside_pattern.finditer(content) if _labels_its_unit(m, content, lexicon)
        ]
        labelled = bool(asides) and asides[-1] == len(content)
        first_clause = content.find("，")
        if first_clause > 0 and _partners_after_a_connective(content, first_clause, len(content), lexicon):
            plain = False  # X负责A，…，并会同Y…指导: read with its partners as a subject (:func:`_subject_candidates`)
        if plain and (lexicon.role_phrase_pattern.search(content) or labelled):  # …。X为责任单位。
            begin = position + start
            spans.append(NoteSpan(begin, begin + len(sentence), begin, begin + len(content), "sentence"))
        position += len(line) + 1
    return spans


def _sentences(norm: str) -> Iterator[tuple[int, int]]:
    """Each sentence of *norm* as (start, end), its item marker left out, and in a copy on one
    line a heading's title with the marker of its first item after it (一、机构及职责 (一)|X负责…).

    >>> text = "制定本指南。 一、机构及职责 (一)市政府办公室负责公开工作。"
    >>> [text[a:b] for a, b in _sentences(text)]
    ['制定本指南', '市政府办公室负责公开工作']
    """
    for sentence in _SENTENCE.finditer(norm):
        start = sentence.start()
        if marker := _ITEM_MARKER.match(norm, start, sentence.end()):
            start = marker.end()
        if (title := _TITLE_BEFORE_ITS_ITEM.match(norm, start, sentence.end())) is not None:
            start = title.end()
        yield start, sentence.end()


def _clause_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """Role clauses in running text: ``由X副市长负责，市发改委牵头，相关部门配合，尽快…`` (a clause
    that starts with 由, and the role clauses after it up to the first that goes on with the
    task, are one note; so are partners after 会同, and partners who support one that went on
    with its task: ``由X牵头负责A，Y配合做好B``), or ``…可办事项由审批科负责梳理`` inside a
    clause; not ``建立由X牵头的机制``, which names a body by who leads it, though a mechanism its lead
    and partners form (``建立由X牵头，Y参与的机制``, also after 以) says who answers. A clause's units are
    read by the grammar and must all be named bodies (:func:`find_notes`); a person's title
    names no unit."""
    lexicon = gaz.lexicon
    pattern = lexicon.role_clause_pattern
    spans: list[NoteSpan] = []
    for start, sentence_end in _sentences(norm):
        chained_until = start
        for clause in _CLAUSE.finditer(norm, start, sentence_end):
            if clause.start() < chained_until:
                continue
            agent = _BY_AGENT.search(norm, clause.start(), clause.end()) or _WITH_AGENT.search(
                norm, clause.start(), clause.end()
            )
            if agent is None:
                continue
            end = None
            names_its_partners = False  # 由X牵头，Y参与的机制
            partnered = False
            tasked_end: int | None = None  # where the role ends that went on with its task
            for part in _CLAUSE.finditer(norm, agent.end(), sentence_end):
                partners = lexicon.conjunction_pattern.match(norm, part.start())
                joined = partnered and lexicon.joiner_pattern.match(norm, part.start())
                run_start = partners.end() if partners else joined.end() if joined else None
                listed_on = partnered and run_start is None  # 会同A、B，C、D，E等共同完成: listed on after a comma
                if listed_on and pattern.search(norm, part.start(), part.end()) is None:
                    run_start = part.start()
                listed = _ends_in_a_body(norm[part.start() : part.end()], lexicon)
                if listed and run_start is not None:  # 会同A、B建立协调机制: the run of partners ends before the task
                    listed = _partners_end(norm, run_start, part.end(), lexicon) == part.end()
                if end is not None and run_start is not None and listed:
                    end = part.end()  # 由X牵头，会同Y、Z，以及W，…: Y, Z and W are partners
                    partnered = True
                    continue
                if end is not None and run_start is not None:
                    partners_end = _partners_end(norm, run_start, part.end(), lexicon)
                    if listed_on and not (partners_end and "等" in norm[partners_end - 1 : partners_end + 1]):
                        partners_end = None  # …，充分利用X现有网络: the task goes on, no more partners
                    end = partners_end or end  # 由X牵头，会同Y、Z建立…: the partners, then their task
                    break
                role = pattern.search(norm, part.start(), part.end())
                if role is None or not _ends_in_a_body(
                    _without_modal(norm[part.start() : role.start()], lexicon), lexicon
                ):
                    break  # (市政府各部门要|协同配合: the units are answerable all the same)
                if _role_ending_a_word(norm, role, lexicon) is None:
                    break  # 由X相关部门负责人、专家…组成: who sits on a body, no role
                if tasked_end is not None and lexicon.role_of_phrase(role.group(0)) != "support":
                    break  # 由X负责A，Y负责B: Y's is a note of its own
                if norm.count("《", part.start(), role.start()) > norm.count("》", part.start(), role.start()):
                    break  # 完成《…实施方案》: a word of a title is no role
                if norm.startswith("的", role.end()):
                    # 建立由X牵头的机制 names a body by who leads it; 由X牵头，Y参与的机制 also
                    # names who answers for the item, its lead and the partners taking part
                    end = role.end() if end is not None else None
                    names_its_partners = end is not None
                    break
                if tasked_end is not None:  # the note without the partners, should they not all be bodies
                    spans.append(NoteSpan(agent.end(), tasked_end, agent.end(), tasked_end, "clause"))
                end = role.end()
                if tasked_end is not None:
                    break  # the partners' task follows
                # the task goes on after the role, or came before 由: only partners of it may
                # follow (由X牵头负责A，Y配合做好B; A由X负责，Y配合做好B)
                task_before = norm[agent.start() - 1].isalnum()
                tasked_end = end if task_before or role.end() < part.end() else None
            if end is not None and _names_a_body(norm, end, sentence_end, lexicon):
                end = None
            if agent.re is _WITH_AGENT and not names_its_partners:
                end = None  # 以X为主, 以X牵头推进: 以 makes an agent only of such a body's lead
            if end is not None:
                spans.append(NoteSpan(agent.end(), end, agent.end(), end, "clause"))
                chained_until = end
    return spans


def _designated_body(subject: str, lexicon: Lexicon) -> int | None:
    """Where the body starts in a subject that names it by who set it up or designated it
    (市、县人民政府设立的|数字化城市管理实施机构, 县级以上人民政府确定的|主管部门): bodies or
    levels, a verb of ``designating_verbs``, 的, and a body's name; None for any other subject."""
    found = lexicon.designated_body_pattern.fullmatch(subject)
    if found is None:
        return None
    relative = subject.endswith("的", 0, found.start("body"))  # X设立的|Y, not X设立|Y
    whose = found.group("whose")
    if not (_ends_in_a_body(whose, lexicon) and "的" not in whose if relative else _a_setter(whose, lexicon)):
        return None
    body = found.group("body")
    return found.start("body") if _ends_in_an_organisation_s_word(body, lexicon) else None


def _a_setter(whose: str, lexicon: Lexicon) -> bool:
    """Whether *whose*, before a verb of setting up whose object is the body set up, names who
    sets it up: a body (市人民政府|设立…), a place with its level (设区的市和平潭综合实验区|成立…),
    or either and where it sets the body up (省人民政府|在各片区|设立…); not a phrase that opens
    with a preposition (在园区|设立…: where, no one who sets up)."""
    if starts_with_a_preposition(whose):
        return False
    at = [whose.find(word, 2) for word in lexicon.setting_up_locatives]
    setter = whose[: min((k for k in at if k > 0), default=len(whose))]
    return _ends_in_a_body(setter, lexicon) or setter.endswith(lexicon.level_prefixes)


def _topic_end(norm: str, begin: int, end: int, gaz: Gazetteer, *, collective: bool = False) -> int | None:
    """Where a body's name ends that opens the clause ``norm[begin:end]`` as its topic, with a
    predicate or a preposition right after it, past a bracket (市文档服务中心（以下简称文档中心）|
    隶属于市档案局, 县信息中心|在县政府办公室领导下): the subject of a role that opens a later clause
    of the sentence with no subject of its own, where no role came before it; None where the
    clause opens otherwise, or with bodies in general (各部门…，负责: an exhortation)."""
    lexicon = gaz.lexicon
    clause = norm[begin:end]
    if clause.startswith(lexicon.collective_markers) and not collective:
        return None
    for position in range(2, min(len(clause), _MAX_SUBJECT) + 1):
        if not clause[:position].endswith(lexicon.organisation_suffixes) or not ends_a_word(clause, position):
            continue  # (the cheap tests first)
        if not _ends_in_an_organisation_s_word(clause[:position], lexicon):
            continue  # 运行|维护: 行 ends a verb, no bank's name
        rest = position
        if clause.startswith(("（", "("), position):
            close = _matching_close(clause, position)
            if close is None:
                return None
            rest = close + 1
        after = clause[rest:]
        if after.startswith(lexicon.collective_markers):
            return None  # 国务院|有关部门要…: the name goes on into a collective
        if rest == position and _goes_on_into_a_body(clause, position, lexicon):
            continue  # 四川天府新区|管理委员会: a verb opening the head of a longer name
        alone = not after.strip(_AROUND_A_CLAUSE) and not (  # X（以下简称Y），作为…，负责…: a clause alone
            starts_with_a_predicate(clause) or starts_with_a_preposition(clause)  # (作为…机构: a capacity)
        )
        if alone or (after and (starts_with_a_predicate(after) or starts_with_a_preposition(after))):
            named = clause[:position]
            one = "、" not in named and not gaz.is_collective(named)
            return begin + rest if one or collective else None
    return None


def _goes_on_into_a_body(clause: str, position: int, lexicon: Lexicon) -> bool:
    """Whether the name ending at *position* goes on, with no mark, into a longer one that ends in
    an organisation's word within a few characters (四川天府新区|管理委员会, 县|管委会): the head
    of a body opens with a verb (管理, 服务), which is no predicate after the place's name."""
    if starts_with_a_preposition(clause[position:]):
        return False  # 县信息中心|在县政府办公室领导下: a preposition, the predicate's
    for length in range(2, _LONGEST_HEAD + 1):
        word = clause[position : position + length]
        if len(word) < length or not word.isalnum():
            return False
        if word.endswith(lexicon.organisation_suffixes) and ends_a_word(clause, position + length):
            return True
    return False


def _copular_subject(norm: str, begin: int, end: int, lexicon: Lexicon) -> int | None:
    """Where the subject ends in a clause that says what body it is (市大数据局为本市政务数据的
    主管部门（以下简称管理机构）, 市数据中心是全市数据共享的管理单位) or where it is housed
    (领导小组办公室设在市数据局): a run of bodies, a copula standing as a word, and a body's word
    closing the clause; None for any other clause."""
    clause = _TRAILING_BRACKET.sub("", norm[begin:end].rstrip())
    for copula in lexicon.copulas:
        position = clause.find(copula)
        while position > 0:
            subject = clause[:position]
            named = _TRAILING_BRACKET.sub("", subject)  # X（Y）为…: a body with its second name
            if stands_alone(clause, position, position + len(copula)) and _ends_in_a_body(named, lexicon):
                return begin + position if _ends_in_a_body(clause, lexicon) else None
            position = clause.find(copula, position + 1)
    return None


def _named_after_a_designation(
    norm: str, clause: tuple[int, int], subject_end: int, lexicon: Lexicon
) -> tuple[int, int] | None:
    """Where the body stands that a copular clause names after a designation (省电子证照管理单位|为|
    省发展和改革委员会): the subject ends in a unit's label head (单位, 部门, 机构), what it is, and the
    complement ends in an organisation's word that is none; None otherwise (市大数据局为…主管部门:
    the subject is the body)."""
    subject = _TRAILING_BRACKET.sub("", norm[clause[0] : subject_end].rstrip())
    if not subject.endswith(lexicon.unit_label_heads):
        return None
    copula = next((c for c in lexicon.copulas if norm.startswith(c, subject_end)), "")
    start = subject_end + len(copula)
    end = clause[1]
    while end > start and norm[end - 1] in " ，,":
        end -= 1  # (no copy of the text before the clause: a clause's end, its marks stripped)
    complement = _TRAILING_BRACKET.sub("", norm[start:end])
    named = complement.endswith(lexicon.organisation_suffixes) and not complement.endswith(lexicon.unit_label_heads)
    return (start, end) if copula and "的" not in complement and named else None


def _predicate_inside(subject: str, lexicon: Lexicon) -> bool:
    """Whether a modal verb stands as a word inside *subject* (管委会应指定…部门, not 应急管理局),
    or a verb of a role's manner right after a body (市商务局|组织|企业参加…, not 市委组织部): the
    sentence's predicate starts there, and what follows it is the predicate's object."""
    for word in (*lexicon.modals, *lexicon.role_adverbs):
        for found in re.finditer(re.escape(word), subject):
            after_a_body = word in lexicon.modals or _ends_in_a_body(subject[: found.start()], lexicon)
            if found.start() > 0 and after_a_body and stands_alone(subject, found.start(), found.end()):
                return True
    return False


def _a_predicate_and_its_collective(subject: str, lexicon: Lexicon) -> bool:
    """Whether *subject* opens with a verb and the rest is a collective (组织|有关部门, 协调|市直有关
    部门): the predicate of the sentence's subject and its object, no unit (组织部 is one word)."""
    opening = first_word(subject)
    return starts_with_a_predicate(opening) and lexicon.is_collective(subject[len(opening) :])


def _names_a_body(norm: str, start: int, sentence_end: int, lexicon: Lexicon) -> bool:
    """Whether the role clauses from *start* end in 的 (由X统筹，Y参与的机制): the chain names a
    body by who leads it."""
    for part in _CLAUSE.finditer(norm, start, sentence_end):
        role = lexicon.role_clause_pattern.search(norm, part.start(), part.end())
        if role is None or not _ends_in_a_body(norm[part.start() : role.start()], lexicon):
            return False
        if norm.startswith("的", role.end()):
            return True
    return False


def _relative_to_a_body(norm: str, after: int, clause_end: int, lexicon: Lexicon) -> bool:
    """Whether the role's clause from *after* goes on into 的 and a bare noun for bodies (X负责消防
    安全管理的|部门): the role phrase is a relative clause that describes bodies, who answers is not
    said (明确街镇负责…的部门、人员).

    >>> from extract.lexicon import load_lexicon
    >>> text = "明确街镇负责消防安全管理的部门、人员"
    >>> _relative_to_a_body(text, 6, len(text), load_lexicon())
    True
    >>> text = "县财政局负责各部门的资金保障"
    >>> _relative_to_a_body(text, 6, len(text), load_lexicon())
    False
    """
    at = norm.find("的", after, clause_end)
    return at >= 0 and norm.startswith(tuple(lexicon.body_nouns), at + 1)


def _backs_only(phrase: str, lexicon: Lexicon) -> bool:
    """Whether every role word of *phrase* is a verb of backing (支持, 积极支持; not 支持配合).

    >>> from extract.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> _backs_only("积极支持", lexicon), _backs_only("支持配合", lexicon), _backs_only("负责", lexicon)
    (True, False, False)
    """
    words = re.findall(alternation(sorted(lexicon.role_words, key=len, reverse=True)), phrase)
    return bool(words) and all(word in lexicon.backing_verbs for word in words)


def _subject_candidates(norm: str, gaz: Gazetteer) -> list[NoteSpan]:
    """Clauses whose subject is a run of units and whose verb is a role word, the task after it:
    ``市数字政府建设领导小组负责组织领导…``, ``X负责A，Y负责B``, or a division of duties by unit
    (``市规划局：负责实施综合普查…``). The subject must be read as named bodies alone
    (:func:`find_notes`), so ``各级各部门要抓好落实`` or a task before the verb is none."""
    lexicon = gaz.lexicon
    spans: list[NoteSpan] = []
    for start, sentence_end in _sentences(norm):
        if not _may_name_a_subject(norm, start, sentence_end, lexicon):
            continue  # (the cheap test first: most sentences name no role, label, duty or partner)
        previous: tuple[int, int] | None = None  # the clause before, as (begin, end)
        earlier: list[tuple[int, int]] = []  # the sentence's clauses before this one
        for clause in _CLAUSE.finditer(norm, start, sentence_end):
            begin = clause.start() + len(clause.group(0)) - len(clause.group(0).lstrip(" \t\u3000|"))  # | X负责: a cell
            role = _role_outside_quotes(norm, clause.start(), clause.end(), lexicon)
            if role is not None and _relative_to_a_body(norm, role.end(), clause.end(), lexicon):
                role = None  # 明确街镇负责消防安全管理的部门: the role describes the bodies to be named
            cell = norm.rfind("\t", begin, role.start()) + 1 if role is not None else 0
            if role is not None and cell and norm[cell : role.start()].strip():
                begin = cell  # 建立…制度\t市人社局牵头，…: the subject is in the cell of its role, after the task's
            begin = _past_a_lead_in(norm, begin, role, lexicon)  # 具体分工如下：|X负责…
            begin = _past_glued_headings(norm, begin, lexicon)  # 六、责任分工|X会同Y…, copied on one line
            begin = _past_a_run_on_title(norm, begin, role, gaz)  # 四、工作要求|交通运输部要牵头…
            if (point := _POINT_OF_A_LIST.match(norm, begin)) is not None:
                begin = point.end()  # 一是|市教育局牵头…: which point of a list, no part of the subject
            if (subset := lexicon.subset_pattern.match(norm, begin)) is not None:
                begin = subset.end()  # …包片负责制，其中|区交通局负责…: which of them, no part of the subject
            begin = _past_a_designating_verb(norm, begin, clause.end(), lexicon)  # 明确|X为牵头单位
            begin = _past_a_delegating_verb(norm, begin, lexicon)  # …的事项，委托|X负责审核
            before, previous = previous, (begin, clause.end())
            earlier.append(previous)
            if role is not None and role.start() == begin and before is not None:
                named_end = _copular_subject(norm, *before, lexicon)
                designee = _named_after_a_designation(norm, before, named_end, lexicon) if named_end else None
                if designee is not None:
                    spans.append(NoteSpan(designee[0], role.end(), designee[0], designee[1], "subject", "responsible"))
                    continue  # X管理单位为Y局，负责…: the body the designation names answers
                if named_end is not None:  # X为…的主管部门，负责…: X is answerable (X为牵头单位: X leads)
                    aside = lexicon.role_aside_pattern.match(norm, named_end)
                    content_end = aside.end() if aside and lexicon.aside_holds(aside, norm) else named_end
                    spans.append(NoteSpan(before[0], role.end(), before[0], content_end, "subject", "responsible"))
                    continue
                written = norm[before[0] : before[1]].rstrip(" ，,")
                named_before = _TRAILING_BRACKET.sub("", written)  # X设立Y（以下简称Z），负责…
                designated = _designated_span(norm, before[0], named_before, before[0] + len(written), role, gaz)
                if designated is not None:  # X设立的Y机构，负责…: Y answers
                    spans.append(designated)
                    continue
                subject = _without_adverbial(written, lexicon)
                if subject != written and _ends_in_a_body(subject, lexicon):  # X按照…的原则，统筹负责…
                    role_end = _role_ending_a_word(norm, role, lexicon)
                    if role_end is not None:
                        role_of_verb = lexicon.role_of_phrase(norm[role.start() : role_end])
                        end = before[0] + len(subject)
                        spans.append(NoteSpan(before[0], role_end, before[0], end, "subject", role_of_verb))
                        continue
                topic = _topic_end(norm, *earlier[0], gaz)
                named_alone = topic is not None and not norm[topic : earlier[0][1]].strip(_AROUND_A_CLAUSE)
                if (
                    topic is not None
                    and not any(_topic_end(norm, *c, gaz, collective=True) for c in earlier[1:-1])
                    and not any(_role_in_a_clause(norm, *c, lexicon) for c in earlier[:-1])
                    and not any(
                        _ends_in_an_agent(norm[c[0] : c[1]].rstrip(), lexicon)
                        and _copular_subject(norm, *c, lexicon) is None  # X是Y的派出机构: X itself
                        and not norm.startswith(tuple(lexicon.duty_adverbs["capacity_prepositions"]), c[0])
                        for c in earlier[int(named_alone) : -1]  # X，作为Y的管理机构，负责…: its capacity
                    )
                ):  # (X推动Y，落实…; X下设办公室，负责…: Y and the office are the subject)
                    opening = norm[earlier[0][0] : earlier[0][1]].rstrip(" ，,")
                    named_first = _TRAILING_BRACKET.sub("", opening)  # X授权Y（以下简称Z），承担…，负责…
                    end_first = earlier[0][0] + len(opening)
                    designated = _designated_span(norm, earlier[0][0], named_first, end_first, role, gaz)
                    if designated is not None:  # the body handed its duties answers in every later clause
                        spans.append(designated)
                        continue
                    role_end = _role_ending_a_word(norm, role, lexicon)
                    role_of_verb = lexicon.role_of_phrase(norm[role.start() : role_end]) if role_end else "support"
                    if role_end is not None and role_of_verb != "support":  # X隶属于Y，根据…，负责…: the topic
                        spans.append(NoteSpan(earlier[0][0], role_end, earlier[0][0], topic, "subject", role_of_verb))
                        continue
            partnered = _partnered_subject(norm, begin, role.start() if role else clause.end(), gaz)
            if partnered is not None:  # X：会同有关部门审查…: X leads, the partners support
                more = None if role else _partners_in_a_later_clause(norm, clause.end(), sentence_end, lexicon)
                if more is not None:  # X会同Y提出A，会同Z下达B: Z is X's partner too
                    joined_cells: tuple[tuple[int, int, Role | None], ...] = ((begin, partnered, "responsible"), more)
                    spans.append(
                        NoteSpan(
                            begin, more[1], begin, more[1], "subject", None, joined_cells, ("responsible", "support")
                        )
                    )
                    continue
                spans.append(NoteSpan(begin, partnered, begin, partnered, "subject", "responsible"))
                continue
            # X为辖区河道管护第一责任单位, X为牵头单位(，Y负责…): X answers as the label says; a duty with
            # a role word (X履行牵头职责，会同Y…) is read as a role is, with its partners
            labelled = _labelled_subject(norm, begin, clause.end(), lexicon)
            if labelled is not None and (role is None or not labelled.group("duty")):
                end = _chained_roles(norm, clause.end(), sentence_end, lexicon) or labelled.end()
                spans.append(NoteSpan(begin, end, begin, end, "subject"))
                continue
            later = _subject_of_later_partners(norm, begin, clause.end(), sentence_end, gaz)
            if later is not None:  # X要加快落实…，会同Y制订…: X leads, Y supports
                subject_cells: tuple[tuple[int, int, Role | None], ...] = ((begin, later[0], "lead"), later[1])
                end = later[1][1]
                spans.append(NoteSpan(begin, end, begin, end, "subject", None, subject_cells, ("lead", "support")))
                continue
            entry = _duty_entry(norm, begin, clause.end(), gaz) if not earlier[:-1] else None
            if entry is not None:  # 区公安局：对…予以打击: a division of duties by unit, no role word first
                spans.append(NoteSpan(begin, entry + 1, begin, entry, "subject", "responsible"))
                continue
            if role is None:
                listed = _stated_duties(norm, begin, clause.end(), lexicon)
                if listed is not None:  # X主要职责为：搭建…: X answers for the duties it lists
                    spans.append(NoteSpan(begin, listed[1], begin, listed[0], "subject", "responsible"))
                continue
            if len(earlier) == 2 and role.start() > begin and _a_run_of_bodies(norm, *earlier[0], gaz):
                begin = earlier[0][0]  # A、B，C负责…: the run before the comma is of the subject too
            if labelled is not None:  # X要|发挥牵头作用, X切实|履行牵头职责: the subject ends before the duty
                subject = _without_modal(norm[begin : labelled.start()].rstrip(), lexicon)
            else:
                subject = _without_adverbial(norm[begin : role.start()].rstrip(" ：:"), lexicon, role.group(0))
                subject = _before_a_fronted_object(subject, norm, role, clause.end(), lexicon)
                subject = _without_light_verb(subject, lexicon)  # X进行|业务指导: the role carried as a noun
            if not _ends_in_a_body(subject, lexicon) and (stated := lexicon.duty_statement_pattern.search(subject)):
                subject = subject[: stated.start()]  # X的主要职责是：负责…: X states its duties
            modal = next((m for m in lexicon.modals if subject.endswith(m)), "")  # 县审计局要负责
            subject = subject[: len(subject) - len(modal)]
            named = _TRAILING_BRACKET.sub("", subject)  # X（以下简称Y）负责
            if _ends_in_bracketed_levels(subject, lexicon):
                named = subject  # 乡（镇、街道）、村（社区）负责: the bracket names the places too
            if _designated_body(named, lexicon) is not None:  # X设立的Y机构负责…: the body X set up answers
                if (designated := _designated_span(norm, begin, named, begin + len(subject), role, gaz)) is not None:
                    spans.append(designated)
                continue
            if not (2 <= len(named) <= _MAX_SUBJECT and named[0] not in "（(") or not (
                _ends_in_a_body(named, lexicon) or _a_place_in_full(named.rsplit("、", 1)[-1], gaz)
            ):
                continue
            if lexicon.described_work_pattern.match(norm, role.end()):
                continue  # 科技部参与的工作如下: the role describes the unit's work, it assigns none
            role_end = _role_ending_a_word(norm, role, lexicon)
            if role_end is None:
                continue  # 负责人: the person in charge, no role (segmenting costs most: after the cheap tests)
            if modal and any(_bodies_in_general(part, lexicon) for part in re.split("[、，和及与]", named)):
                continue  # 各部门要负责: an exhortation
            if _predicate_inside(named, lexicon):
                continue  # X管委会应指定Y部门负责: the predicate started before the role, Y is no unit
            if _a_predicate_and_its_collective(named, lexicon):
                continue  # …，组织有关部门落实: the predicate and its object, the subject the sentence's
            task = "" if labelled is not None else norm[role_end : clause.end()].lstrip()  # X履行牵头职责: no task
            if _ISSUE_NUMBER.match(task):
                continue  # 咸宁市人民政府主办2020年第2号: a masthead, no task (负责12345热线…: a task)
            if task and _backs_only(norm[role.start() : role_end], lexicon):
                continue  # 省财政厅按规定支持|X建设: who backs another's work, no unit answerable for it
            if _BY_AGENT.search(named) is None and not any(mark in named for mark in _NOT_IN_A_SUBJECT):
                role_of_verb = lexicon.role_of_phrase(norm[role.start() : role_end])
                if _leads_later(norm, clause.end(), sentence_end, lexicon) or _leading_is_its_task(task, lexicon):
                    role_of_verb = "lead"  # X负责A，负责牵头B; X负责A的牵头抓总: X leads
                duty = norm[begin : role.start()].rstrip(" ").endswith(("：", ":"))
                # X：负责A；会同Y…: after the duty's clause or sentence; X负责A，会同Y…: after its clause
                after = (clause.end(), sentence_end) if duty else (clause.end(),)
                partners = _later_partners(norm, after, lexicon)
                if partners is None:  # X负责会同Y抓好A: X leads, Y supports, as in X会同Y负责
                    partners = _partners_after(norm, role_end, clause.end(), lexicon)
                if partners is None:  # X负责A，加强B，并会同Y…: a later clause of X's, after 并
                    partners = _partners_after_a_connective(norm, clause.end(), sentence_end, lexicon)
                if partners is not None:  # 市规划局：负责A；会同市市政委制定B: X leads, Y supports
                    cells: tuple[tuple[int, int, Role | None], ...] = ((begin, begin + len(subject), "lead"), partners)
                    spans.append(
                        NoteSpan(begin, partners[1], begin, partners[1], "subject", None, cells, ("lead", "support"))
                    )
                # X牵头，Y、Z配合…: the clauses that go on naming units and roles are the same note
                chained = _chained_roles(norm, clause.end(), sentence_end, lexicon, supporting=bool(task))
                if (
                    partners is not None
                    and chained is not None
                    and not _PARTNERS_BREAK.search(norm, partners[1], chained)
                ):
                    chained = None  # X负责A，会同Y|协同制定B: the partners' own role, read with them
                if chained is not None:
                    spans.append(NoteSpan(begin, chained, begin, chained, "subject"))
                spans.append(NoteSpan(begin, role_end, begin, begin + len(subject), "subject", role_of_verb))
    return spans


def _stated_duties(norm: str, begin: int, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Where a subject that states its duties before a colon ends, and where the colon does, in a
    clause with no role word (省数政局主要职责为：搭建…): the body answers for what it lists. Only
    a body named there does (其主要职责是：… names none).

    >>> from extract.lexicon import load_lexicon
    >>> text = "市数据局主要职责为：建设数据平台"
    >>> _stated_duties(text, 0, len(text), load_lexicon())
    (4, 10)
    >>> _stated_duties("其主要职责是：建设数据平台", 0, 13, load_lexicon()) is None
    True
    """
    stated = lexicon.duties_listed_pattern.search(norm, begin, end)
    if stated is None or stated.start() - begin < 2 or not _ends_in_a_body(norm[begin : stated.start()], lexicon):
        return None
    return stated.start(), stated.end()


def _duty_entry(norm: str, begin: int, end: int, gaz: Gazetteer) -> int | None:
    """Where the bodies end that open the clause from *begin* to *end* as an entry of a division of
    duties, their names alone before a colon and a predicate or a preposition after it, no role
    word opening it (区公安局：对…予以打击, 区宣传部：全面负责…, 区综合执法局：根据…的部署，参与…):
    the bodies answer for the duty written after them. None for any other clause, a label (牵头单位：),
    a role right after the colon (X：负责…, read as a role is, with its partners), a document's title
    after its issuer (商务部：关于…的通知), a collective exhorted with a modal (各成员单位：要…) or a
    headline opening the document (国家卫健委:到2025年…: news of what the body says).

    >>> from extract.gazetteer import load_gazetteer
    >>> text = "三、分工\\n区公安局：对阻扰执法的行为依法予以打击"
    >>> _duty_entry(text, 5, len(text), load_gazetteer())
    9
    >>> _duty_entry("联系电话：12345", 0, 10, load_gazetteer()) is None
    True
    """
    lexicon = gaz.lexicon
    if not norm[:begin].strip():
        return None  # the document's opening words: a headline
    found = _ENTRY_COLON.search(norm, begin, end)
    colon = found.start() if found is not None else begin
    named = norm[begin:colon].rstrip(" ")
    duty = norm[colon + 1 : end].lstrip(" ")
    if not (2 <= len(named) <= _MAX_SUBJECT) or not duty or lexicon.role_clause_pattern.match(duty):
        return None
    if duty.startswith(lexicon.title_openers):
        return None  # 商务部：关于做好…的通知: a document's title after its issuer
    if not _ends_in_a_body(named, lexicon) or lexicon.label_pattern.search(norm, begin, colon + 1):
        return None  # (the cheap tests first: segmenting costs most; a label is read with its colon)
    if gaz.is_collective(named) and duty.startswith(lexicon.modals):
        return None  # 各成员单位：要高度重视…: an exhortation, as 各部门要… is
    if _bare_label(named, lexicon) or not (starts_with_a_predicate(duty) or starts_with_a_preposition(duty)):
        return None
    return begin + len(named) if _units_alone(named, gaz) else None


def _a_run_of_bodies(norm: str, begin: int, end: int, gaz: Gazetteer) -> bool:
    """Whether the clause ``norm[begin:end]`` is a run of bodies alone (各市工业和信息化局、科技局，):
    the first part of a subject listed on over a comma, no predicate, preposition or role in it."""
    lexicon = gaz.lexicon
    run = norm[begin:end].rstrip(" ，,")
    if not run or not _ends_in_a_body(run, lexicon):
        return False
    if lexicon.role_clause_pattern.search(run) or lexicon.conjunction_pattern.search(run):
        return False
    return not starts_with_a_predicate(run) and not starts_with_a_preposition(run) and _units_alone(run, gaz)


def _may_name_a_subject(norm: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the sentence from *start* to *end* holds a role word, a role written apart (为牵头单位,
    承担…主体责任), a conjunction of partners (会同) or duties listed (职责为：): without one, none of
    its clauses opens a note (:func:`_subject_candidates`)."""
    patterns = (
        lexicon.role_clause_pattern,
        lexicon.role_aside_pattern,
        lexicon.conjunction_pattern,
        lexicon.duties_listed_pattern,
        _ENTRY_COLON,
    )
    return any(pattern.search(norm, start, end) is not None for pattern in patterns)


def _designated_span(
    norm: str, begin: int, named: str, end: int, role: re.Match[str], gaz: Gazetteer
) -> NoteSpan | None:
    """The note of a subject *named*, from *begin* (its units written up to *end*), that names its
    body by who set it up, with its role after it or in the clause after it (X设立的Y机构负责…, X设立的
    Y机构，负责…): Y answers, X says whose it is. None for any other subject, where the role ends no
    word, or where the body is a collective of kinds (X在Y设立的有关直属机构，负责…)."""
    designated = _designated_body(named, gaz.lexicon)
    role_end = _role_ending_a_word(norm, role, gaz.lexicon) if designated is not None else None
    if designated is None or role_end is None or gaz.is_collective(named[designated:]):
        return None
    role_of_verb = gaz.lexicon.role_of_phrase(norm[role.start() : role_end])
    return NoteSpan(begin + designated, role_end, begin + designated, end, "designated", role_of_verb)


def _past_a_lead_in(norm: str, begin: int, role: re.Match[str] | None, lexicon: Lexicon) -> int:
    """Where a clause's subject begins past a lead-in that ends in a colon before its role
    (具体分工如下：X负责…); *begin* where the colon ends a unit's name (X：会同Y…, a unit's duties)."""
    colon = norm.rfind("：", begin, role.start()) if role is not None else -1
    if role is None or colon < 0 or not norm[colon + 1 : role.start()].strip():
        return begin
    return begin if _ends_in_a_body(norm[begin:colon], lexicon) else colon + 1


def _past_a_run_on_title(norm: str, begin: int, role: re.Match[str] | None, gaz: Gazetteer) -> int:
    """Where a clause's subject begins past an item's title that a copy on one line ran on into it
    right after the item's marker (四、工作要求|交通运输部要牵头…, 3.立卡建档|各乡镇负责…): a title of two
    to eight characters, then a subject that says whose it is by a collective's mark, a level or a
    national body's name; *begin* where the clause opens with such a subject itself (各县区|各部门) or
    a preposition before it governs it (数据归集由|区大数据中心负责).

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz, text = load_gazetteer(), "四、工作要求交通运输部要牵头做好各项工作"
    >>> text[_past_a_run_on_title(text, 2, gaz.lexicon.role_clause_pattern.search(text), gaz) :]
    '交通运输部要牵头做好各项工作'
    """
    if role is None or _MARKER_BEFORE.search(norm, max(0, begin - _MARKER_REACH), begin) is None:
        return begin  # (most clauses follow no item's marker)
    if _opens_with_whose(norm[begin : role.start()], gaz):
        return begin
    for at in range(begin + 2, min(begin + _MAX_RUN_ON_TITLE, role.start() - 1) + 1):
        if not is_han(norm[at - 1]):
            break
        if not _opens_with_whose(norm[at : role.start()], gaz) or _ends_in_a_body(norm[begin:at], gaz.lexicon):
            continue
        governed = any(starts_with_a_preposition(norm[at - n : role.start()]) for n in (1, 2))  # 数据归集由|区…
        return begin if governed else at
    return begin


def _opens_with_whose(subject: str, gaz: Gazetteer) -> bool:
    """Whether *subject* (a modal after it aside) says whose it is (:func:`_says_whose`: 各乡镇, 市…)
    or is a national body the gazetteer knows by its name (交通运输部)."""
    bare = next((subject[: -len(m)] for m in gaz.lexicon.modals if subject.endswith(m)), subject)
    return _says_whose(bare, gaz) or gaz.lookup(bare, COUNTRY) is not None


def _past_glued_headings(norm: str, begin: int, lexicon: Lexicon) -> int:
    """Where a clause's subject begins past the headings glued to it, a section's and, after its
    first item's marker, that item's (责任分工|（一）|牵头部门职责|省人社厅主要职责为：…).

    >>> from extract.lexicon import load_lexicon
    >>> text = "责任分工（一）牵头部门职责市人社局主要职责为：牵头制定"
    >>> text[_past_glued_headings(text, 0, load_lexicon()) :]
    '市人社局主要职责为：牵头制定'
    """
    end = _past_a_glued_heading(norm, begin, lexicon)
    marker = _INLINE_ITEM.match(norm, end) if end > begin else None
    if marker is None:
        return end
    after = _past_a_glued_heading(norm, marker.end(), lexicon)
    return after if after > marker.end() else end


def _past_a_glued_heading(norm: str, begin: int, lexicon: Lexicon) -> int:
    """Where a clause's subject begins past a heading's title that a copy on one line glued to it:
    a label that is no role word (责任分工, 部门分工), or a word of at most two characters and a duty
    noun (职责分工, 工作分工), with no colon after it (工作分工|市科技局牵头…); a title and a
    section number of three levels (市场供应保障2.2.1|省商务厅负责…); a label and a duty noun
    (牵头部门职责|省人社厅主要职责为：…); or a chapter's number and
    title and its first article's number (第八章附则第五十条|X会同Y…).

    >>> from extract.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> text = "责任分工区数字办负责平台运维"
    >>> text[_past_a_glued_heading(text, 0, lexicon) :]
    '区数字办负责平台运维'
    >>> text = "工作分工市科技局牵头"
    >>> text[_past_a_glued_heading(text, 0, lexicon) :]
    '市科技局牵头'
    >>> _past_a_glued_heading("配合区政府做好运维", 0, lexicon), _past_a_glued_heading("责任分工：区数字办", 0, lexicon)
    (0, 0)
    >>> _past_a_glued_heading("市发改委按职责分工负责", 0, lexicon)
    0
    >>> text = "牵头部门职责市人社局主要职责为：牵头制定"
    >>> text[_past_a_glued_heading(text, 0, lexicon) :]
    '市人社局主要职责为：牵头制定'
    >>> text = "第八章附则第五十条市财政局会同市税务局负责"
    >>> text[_past_a_glued_heading(text, 0, lexicon) :]
    '市财政局会同市税务局负责'
    """
    glued = _TITLE_AND_SECTION_NUMBER.match(norm, begin) or CHAPTER_BEFORE_ITS_FIRST_ARTICLE.match(norm, begin)
    if glued is not None:
        return glued.end()  # 市场供应保障|2.2.1|省商务厅负责…: a section's number after its title
    if (duties := lexicon.duties_heading_pattern.match(norm, begin)) is not None:
        return duties.end()  # 配合部门职责|省数政局主要职责为：…: the heading of a label's duties
    duty_nouns = lexicon.duty_adverbs["nouns"]
    if not norm.startswith(lexicon.heading_labels, begin) and not any(
        norm.startswith(noun, begin + length - len(noun)) for length in (3, 4) for noun in duty_nouns
    ):
        return begin  # (the cheap test first: most clauses open with no title)
    for end in (begin + 3, begin + 4, *(begin + len(label) for label in lexicon.heading_labels)):
        title = norm[begin:end]
        if end >= len(norm) or norm[end] in "：:，":
            continue  # 责任分工：X…: a label
        if title in lexicon.heading_labels or (
            title.endswith(tuple(duty_nouns)) and all(is_han(char) for char in title) and ends_a_word(norm, end)
        ):
            return end
    return begin


def _past_a_designating_verb(norm: str, begin: int, end: int, lexicon: Lexicon) -> int:
    """Where the subject starts in a clause that opens with a designating verb standing as a word
    before a body given a label by a copula (明确|市商务局为牵头单位): after the verb; *begin*
    for any other clause."""
    verb = next((v for v in lexicon.designating_verbs if norm.startswith(v, begin)), None)
    if verb is None or not stands_alone(norm, begin, begin + len(verb)):
        return begin
    return begin + len(verb) if _labelled_subject(norm, begin + len(verb), end, lexicon) is not None else begin


def _past_a_delegating_verb(norm: str, begin: int, lexicon: Lexicon) -> int:
    """Where the subject starts in a clause that opens with a verb handing a duty, its giver
    unsaid (…的事项，委托|管委会负责审核; 授权|市数据局负责…): after the verb, the body it hands the
    duty to answers; *begin* for any other clause, and where a short form the text declared opens
    with the verb (（以下简称“授权机构”）… 授权机构定期…: a name)."""
    verb = next((v for v in lexicon.delegating_verbs if norm.startswith(v, begin)), None)
    if verb is None or not stands_alone(norm, begin, begin + len(verb)):
        return begin  # (most clauses open with no such verb)
    declaring = alternation(lexicon.short_form_declarations)
    for declared in re.compile(f'(?:{declaring})[“"]?({re.escape(verb)}[^”"）)]+)').finditer(norm, 0, begin):
        if norm.startswith(declared.group(1), begin):
            return begin
    return begin + len(verb)


def _labelled_subject(norm: str, begin: int, end: int, lexicon: Lexicon) -> re.Match[str] | None:
    """The aside that ends a clause whose subject, a run of bodies, it gives a unit's label by a
    copula (各镇为辖区河道管护第一责任单位, X是本行政区域安全生产的责任主体) or a duty it bears
    (X承担…主体责任, X履行牵头职责), or None."""
    content_end = begin + len(norm[begin:end].rstrip("，。；,; \t"))
    for aside in lexicon.role_aside_pattern.finditer(norm, begin, content_end):
        written = _TRAILING_BRACKET.sub("", norm[begin : aside.start()])
        subject = _without_modal(written, lexicon)  # X务必切实|履行…
        if subject != written and _bodies_in_general(subject, lexicon):
            continue  # 县级人民政府必须切实承担…主体责任: an exhortation
        ends_the_clause = aside.end() == content_end and bool(subject)
        if ends_the_clause and _ends_in_a_body(subject, lexicon) and _labels_its_unit(aside, norm, lexicon):
            return aside
    return None


def _bodies_in_general(name: str, lexicon: Lexicon) -> bool:
    """Whether *name* names bodies in general, not one: a collective (各区政府, 有关部门) or the
    bodies of a whole level (县级人民政府), which a modal verb after them exhorts."""
    return lexicon.is_collective(name) or name.startswith(lexicon.label_levels)


def _labels_its_unit(aside: re.Match[str], text: str, lexicon: Lexicon) -> bool:
    """Whether a role aside in *text* gives the unit before it a label or a duty (为辖区第一责任
    单位, 承担…主体责任), not a role in brackets, and holds (:meth:`Lexicon.aside_holds`)."""
    return bool(aside.group("label") or aside.group("duty")) and lexicon.aside_holds(aside, text)


def _role_outside_quotes(norm: str, start: int, end: int, lexicon: Lexicon) -> re.Match[str] | None:
    """The first role word between *start* and *end* that no quotation holds (按照“谁主管、谁负责”
    的原则|抓好落实: the quoted 负责 is a slogan's) and no body's name (县督查落实|办: a role word
    before an organisation's word of one character, standing as a word, names the office, unless
    that character is a nominaliser before a verb, 负责|所|辖; one before an organisation's word of
    several, 实施|机构, names the body)."""
    for role in lexicon.role_clause_pattern.finditer(norm, start, end):
        if norm.count("“", start, role.start()) > norm.count("”", start, role.start()):
            continue
        after = role.end()
        if _closes_a_locative(norm, start, role, lexicon):
            continue  # X在Y指导|下|负责: a noun of guidance in an adverbial, under whom X acts
        if (
            norm[after : after + 1] in lexicon.one_character_suffixes
            and word_around(norm, after)[1] == after + 1
            and not (
                norm.startswith(lexicon.nominalisers, after) and starts_with_a_predicate(norm[after + 1 : after + 3])
            )
        ):
            continue  # (负责|所|辖…: 所 makes the verb after it a noun, the area each governs; no office)
        if lexicon.opens_a_name(norm, after):
            shorter = _role_before_a_named_object(norm, role, lexicon)
            if shorter is not None:
                return shorter  # 积极支持配合|牵头部门: the body the role words before it help
            continue  # 数字化城市管理|实施机构|负责: a body's name (牵头单位：, a label)
        if _inside_a_body_with_a_role(norm, after, end, lexicon):
            continue  # 市数字经济发展指导|协调小组|负责: the body's name holds the role word
        return role
    return None


def _closes_a_locative(norm: str, start: int, role: re.Match[str], lexicon: Lexicon) -> bool:
    """Whether *role* is a noun before the postposition that closes an adverbial a locative
    preposition opened after *start* (县文化馆在县文化和旅游局指导|下|负责…): no role of its own.

    >>> from extract.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> text = "县文化馆在县文旅局指导下负责"
    >>> _closes_a_locative(text, 0, lexicon.role_clause_pattern.search(text), lexicon)
    True
    >>> text = "县文旅局指导下属单位"
    >>> _closes_a_locative(text, 0, lexicon.role_clause_pattern.search(text), lexicon)
    False
    """
    duty = lexicon.duty_adverbs
    if not norm.startswith(tuple(duty["locative_postpositions"]), role.end()):
        return False  # (the cheap test first: most role words stand before their object)
    return any(norm.find(preposition, start, role.start()) >= 0 for preposition in duty["locative_prepositions"])


def _inside_a_body_with_a_role(norm: str, after: int, end: int, lexicon: Lexicon) -> bool:
    """Whether the role word ending at *after* stands inside a body's name that a role or a copula
    of its own follows: a few characters of Chinese, no level or collective opening them, then an
    organisation's word ending a word, maybe a bracket, then a role word or a copula (指导|协调小组|
    负责, 建设指导|小组（以下简称…）|负责, 指导|协调小组办公室|设在…), not a role before the body it
    takes as its object (指导|各区政府|负责…, 指导|市数据局…, 负责|对…进行|督促)."""
    if norm.startswith((*lexicon.collective_markers, *lexicon.level_prefixes), after):
        return False
    for stop in range(after + 2, min(after + _LONGEST_NAME_INSIDE, end) + 1):
        if not is_han(norm[stop - 1]):
            return False
        if not norm.endswith(lexicon.organisation_suffixes, after, stop):
            continue
        past = stop
        if norm.startswith(("（", "("), stop):  # X小组（以下简称Y）负责: past the short form
            close = _matching_close(norm, stop)
            past = close + 1 if close is not None else stop
        elif norm.startswith(("）", ")"), stop):  # （以下简称…指导协调小组）负责: the short form's end
            past = stop + 1
        if not (lexicon.role_clause_pattern.match(norm, past) or norm.startswith(lexicon.copulas, past)):
            continue  # (the cheap tests first: every role word of every clause comes here; segmenting costs)
        if ends_a_word(norm, stop) and _ends_in_an_organisation_s_word(norm[after:stop], lexicon):
            return not starts_with_a_preposition(norm[after:stop])  # 负责|对…: the role's object
    return False


def _role_in_a_clause(norm: str, start: int, end: int, lexicon: Lexicon) -> re.Match[str] | None:
    """The first role word between *start* and *end* that stands as a role (:func:`_role_outside_quotes`),
    not inside a word for a person (X由A、B有关负责人组成，负责…: 负责人 is who sits on X, no role)."""
    position = start
    while (role := _role_outside_quotes(norm, position, end, lexicon)) is not None:
        if _role_ending_a_word(norm, role, lexicon) is not None:
            return role
        position = role.end()
    return None


def _role_before_a_named_object(norm: str, role: re.Match[str], lexicon: Lexicon) -> re.Match[str] | None:
    """The role phrase *role* without its last role word, where that word opens the name of a body
    the phrase before it takes as its object (支持配合|牵头部门); None where no phrase is left.

    >>> from extract.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> text = "各成员单位积极支持配合牵头部门"
    >>> _role_before_a_named_object(text, lexicon.role_clause_pattern.search(text), lexicon).group(0)
    '积极支持配合'
    """
    for end in range(role.end() - 1, role.start(), -1):
        shorter = lexicon.role_clause_pattern.fullmatch(norm, role.start(), end)
        if shorter is not None and ends_a_word(norm, end) and lexicon.role_clause_pattern.match(norm, end):
            return shorter
    return None


def _without_adverbial(subject: str, lexicon: Lexicon, role: str = "") -> str:
    """*subject* without an adverbial of the manner its units act in, after them and before the
    role (市民政局|按照属地管理原则|抓好落实, 按照“谁主管、谁负责”的原则): a duty preposition after a
    run that ends as a body does opens it, and a duty or manner noun ends it (not 依职责|管理|指导,
    where a verb goes on), or a preposition of capacity opens it and a unit's head ends it (作为建设单位),
    or a locative preposition opens it and a postposition after such a noun or one of guidance ends
    it (在各自职责范围内, 在县文化和旅游局指导下);
    *subject* as it is where it ends in a body already. A duty noun opening *role*, the role phrase
    after it, may close the adverbial: the phrase takes a duty noun as its adverb, so the noun of
    各有关部门|根据管理|职责参与 stands in the role phrase, away from its preposition."""
    duty = lexicon.duty_adverbs
    noun = next((noun for noun in duty["nouns"] if role.startswith(noun)), "")
    if noun and (closed := _without_adverbial(subject + noun, lexicon)) != subject + noun:
        return closed
    if subject.endswith(lexicon.unit_label_heads):  # X|作为建设单位|牵头实施: the capacity it acts in
        for preposition in duty["capacity_prepositions"]:
            at = subject.rfind(preposition)
            if at >= 2 and _ends_in_a_body(subject[:at], lexicon):
                return subject[:at]
    postposition = next((p for p in duty["locative_postpositions"] if subject.endswith(p)), "")
    within = subject[: len(subject) - len(postposition)]
    if postposition and within.endswith((*duty["nouns"], *duty["manner_nouns"], *duty["guidance_nouns"])):
        for preposition in duty["locative_prepositions"]:  # X|在各自职责范围内|负责: the bounds it acts within
            at = within.rfind(preposition)
            if at >= 2 and _ends_in_a_body(subject[:at], lexicon):
                return subject[:at]
    if not subject.endswith((*duty["nouns"], *duty["manner_nouns"])) or _ends_in_a_body(subject, lexicon):
        return subject  # (the cheap test first: most subjects end in no such noun)
    for preposition in sorted(duty["prepositions"], key=len, reverse=True):
        at = subject.rfind(preposition)
        if at >= 2 and _ends_in_a_body(subject[:at], lexicon):
            return subject[:at]
    return subject


def _before_a_fronted_object(subject: str, norm: str, role: re.Match[str], clause_end: int, lexicon: Lexicon) -> str:
    """*subject* up to a verb of ensuring or an object preposition that fronts what a run of bodies
    answers for, where the role word ends the clause (市、县人民政府|对本行政区域大气环境质量|负责;
    县民宗局应加强|对宗教活动场所的日常|指导, after a modal and an adverb; 县财政局|抓好衔接资金项目|落实):
    :func:`_without_fronted_object`; *subject* as it is otherwise."""
    if norm[role.end() : clause_end].strip(" ，,。；;") or _ends_in_a_body(subject, lexicon):
        return subject  # (the cheap tests first: most roles have a task after them)
    fronting = (*lexicon.duty_adverbs["ensuring_verbs"], *lexicon.duty_adverbs["object_prepositions"])
    return _without_fronted_object(subject, fronting, lexicon)


def _without_fronted_object(run: str, words: Sequence[str], lexicon: Lexicon) -> str:
    """*run* before the first of *words* standing as a word with an object after it, where what
    stands before it is a run of bodies, maybe with a modal, a role's adverbs or an adverbial
    between (市直各有关部门、各镇按照属地原则|抓好衔接资金项目; X应加强|对Y的日常): that run, its
    adverbs and adverbial removed and its modal kept (read after); *run* as it is otherwise.

    >>> from extract.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> _without_fronted_object("县财政局抓好衔接资金项目", ("抓好",), lexicon)
    '县财政局'
    >>> _without_fronted_object("各部门要抓好", ("抓好",), lexicon)
    '各部门要抓好'
    """
    for word in words:
        at = run.find(word, 2)
        while at >= 0:
            before = _without_adverbial(without_adverbs_at_end(_without_adverbs(run[:at], lexicon)), lexicon)
            if (
                run[at + len(word) :].strip()
                and stands_alone(run, at, at + len(word))
                and _ends_in_a_body(_without_modal(before, lexicon), lexicon)
            ):
                return before
            at = run.find(word, at + 1)
    return run


def _role_ending_a_word(norm: str, role: re.Match[str], lexicon: Lexicon) -> int | None:
    """Where the role phrase *role* ends at a word's end: the whole phrase, or the longest shorter
    phrase of role words (负责|督促检查: 督促 opens the task's word), or the role where the segmenter
    glues it to the task's verb (负责管理 one word), else None (负责人). Where the
    segmenter glues one character to the whole phrase (负责人) that opens a word of the dictionary
    with the next (负责|人才工作), the phrase ends there.

    >>> from extract.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> texts = ("市人社局负责人才工作", "项目负责人到场", "各单位主要负责人为第一责任人", "市发改委负责管理开发区")
    >>> [_role_ending_a_word(t, lexicon.role_clause_pattern.search(t), lexicon) for t in texts]
    [6, None, None, 6]
    """
    for end in range(role.end(), role.start(), -1):
        if lexicon.role_clause_pattern.fullmatch(norm, role.start(), end) and ends_a_word(norm, end):
            return end
    end = role.end()
    glued = norm[end : word_around(norm, end - 1)[1]]
    alone = norm[role.start() : end] in lexicon.role_words  # (not 加强|督促检查: an adverb before it)
    if glued and alone and in_the_dictionary(glued) and starts_with_a_predicate(glued):
        return end  # 负责管理 one word of the segmenter's: the role and the task's verb
    copula = norm.startswith(lexicon.copulas, end + 1)  # 负责人|为…第一责任人: the person in charge
    if word_around(norm, end - 1)[1] == end + 1 and in_the_dictionary(norm[end : end + 2]) and not copula:
        return end if word_around(norm, end + 1)[1] == end + 2 else None
    return None


def _chained_roles(
    norm: str, position: int, sentence_end: int, lexicon: Lexicon, *, supporting: bool = False
) -> int | None:
    """Where the role clauses that follow a role with no task of its own end (``X牵头，Y、Z等部门
    密切配合，抢抓…``: after 配合): each names units, then a role phrase or a label (Y为配合单位);
    the first that goes on with its task is the last. None if the next clause is no such clause.
    With *supporting*, after a role with its task, only clauses of a supporting role go on
    (X牵头做好A，Y要积极配合: Y helps X with A; X负责A，Y负责B are two notes)."""
    end = None
    for clause in _CLAUSE.finditer(norm, position, sentence_end):
        begin = clause.start() + len(clause.group(0)) - len(clause.group(0).lstrip())
        if _BY_AGENT.match(norm, begin):
            break  # X分工负责，由Y负责建设…: the agent phrase gives a task of its own, a note of its own
        labelled = _labelled_subject(norm, begin, clause.end(), lexicon)
        if labelled is not None:  # X为牵头单位，Y为配合单位: units given their role by a label
            if supporting and lexicon.role_of_phrase(lexicon.role_aside(labelled)) != "support":
                break
            end = labelled.end()
            continue
        role = _role_outside_quotes(norm, begin, clause.end(), lexicon)
        if role is None and _ends_in_a_body(norm[begin : clause.end()].rstrip(), lexicon) and not supporting:
            continue  # X牵头，A、B分公司，C配合: a run of units alone goes on to the role of the next clause
        if role is None or role.start() == begin or not ends_a_word(norm, role.end()):
            break
        # Y要认真做好配合, 各区政府要切实落实: after a note, units with a modal are still answerable
        subject = _without_modal(
            _without_adverbial(norm[begin : role.start()].rstrip(), lexicon, role.group(0)), lexicon
        )
        subject = _without_modal(_before_a_fronted_object(subject, norm, role, clause.end(), lexicon), lexicon)
        if not _ends_in_a_body(subject, lexicon):
            break  # (Z按照属地原则负责: the units' manner of acting may stand before the role; Z抓好Y落实)
        if supporting and lexicon.role_of_phrase(role.group(0)) != "support":
            break
        rest = norm[role.end() : clause.end()].strip()
        if rest and not lexicon.role_clause_pattern.fullmatch(rest):
            end = role.end()
            break  # Y负责B: the task of the last (Y负责|具体实施: a role again, no task)
        end = clause.end() if rest else role.end()
    return end


def _leading_is_its_task(task: str, lexicon: Lexicon) -> bool:
    """Whether a task names the lead role as a noun, after 的 (负责乡村振兴的牵头抓总): the
    subject is answerable for leading it, not a lead label (的牵头单位) that names another.

    >>> from extract.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> _leading_is_its_task("乡村振兴工作的牵头抓总、统筹协调", lexicon)
    True
    >>> _leading_is_its_task("向项目的牵头单位拨付资金", lexicon), _leading_is_its_task("牵头推进", lexicon)
    (False, False)
    """
    return any(
        not task.startswith(lexicon.unit_label_heads, found.end()) for found in lexicon.lead_noun_pattern.finditer(task)
    )


def _leads_later(norm: str, position: int, sentence_end: int, lexicon: Lexicon) -> bool:
    """Whether a later clause of the sentence with no subject of its own (it opens with its role
    phrase, or a connective and its role phrase: the subject is the one before) gives a lead role
    (X负责A，负责牵头B; X负责A，并牵头B), before a clause with a subject of its own; past a semicolon
    too (X负责A；负责牵头B: the same subject's duties).

    >>> from extract.lexicon import load_lexicon
    >>> text = "市数据局负责运维，配合做好巡查；负责牵头开展检查。"
    >>> _leads_later(text, 9, 15, load_lexicon())
    True
    >>> _leads_later("市数据局负责制定标准，并牵头组织实施。", 10, 18, load_lexicon())
    True
    >>> _leads_later("市数据局负责运维；市财政局牵头开展检查。", 8, 8, load_lexicon())
    False
    """
    connectives = lexicon.clause_connectives
    while True:
        for clause in _CLAUSE.finditer(norm, position, sentence_end):
            begin = clause.start() + len(clause.group(0)) - len(clause.group(0).lstrip())
            begin += next((len(c) for c in connectives if norm.startswith(c, begin)), 0)  # 并|牵头…
            role = lexicon.role_clause_pattern.search(norm, begin, clause.end())
            if role is None:
                continue
            if role.start() != begin:
                return False  # Y负责B: another subject from here on
            if lexicon.role_of_phrase(role.group(0)) == "lead":
                return True
        following = _SENTENCE.match(norm, sentence_end + 1) if norm.startswith("；", sentence_end) else None
        if following is None:
            return False
        position, sentence_end = following.start(), following.end()


def _later_partners(norm: str, ends: tuple[int, ...], lexicon: Lexicon) -> tuple[int, int, Role] | None:
    """The partners of the clause after the first of *ends* (a clause's or a sentence's end) that a
    ``，`` or ``；`` follows (``X负责A，会同Y制定B``; in a division of duties by unit, also
    ``X：负责A；会同Y制定B``), as a support cell; None if no such clause names any."""
    for end in ends:
        if norm.startswith(("；", "，"), end):
            partners = _partners_after(norm, end + 1, min(len(norm), end + 1 + _MAX_NOTE), lexicon)
            if partners is not None:
                return partners
    return None


def _partners_after_a_connective(
    norm: str, end: int, sentence_end: int, lexicon: Lexicon
) -> tuple[int, int, Role] | None:
    """The partners of a later clause of the sentence after *end* that opens with a connective
    (并, 同时) and a conjunction of two characters (…，加强B，并会同Y对C进行监督): the clauses between
    go on with the subject before them, so Y supports it; None where no such clause follows or a
    clause between names a role of its own (…，Z负责B，并会同Y…: Z's partners)."""
    if lexicon.partnering_pattern.search(norm, end, sentence_end) is None:
        return None  # (the cheap test first: most sentences name no partners)
    for comma in re.finditer("[，,]", norm[end:sentence_end]):
        position = end + comma.end()
        if norm.startswith(lexicon.clause_connectives, position):
            opening = _past_connectives(norm, position, lexicon)
            return _partners_after(norm, opening, min(sentence_end, opening + _MAX_NOTE), lexicon)
        following = norm.find("，", position, sentence_end)
        if _role_outside_quotes(norm, position, following if following >= 0 else sentence_end, lexicon):
            return None
    return None


def _partners_after(norm: str, position: int, limit: int, lexicon: Lexicon) -> tuple[int, int, Role] | None:
    """The partners a conjunction of two characters (会同, 联合) names right at *position*, as a
    support cell; None if none does."""
    conjunction = lexicon.conjunction_pattern.match(norm, position)
    if conjunction is None or len(conjunction.group(0)) < 2:
        return None
    end = _partners_end(norm, conjunction.end(), limit, lexicon)
    return (conjunction.end(), end, "support") if end is not None else None


def _subject_of_later_partners(
    norm: str, begin: int, end: int, sentence_end: int, gaz: Gazetteer
) -> tuple[int, tuple[int, int, Role]] | None:
    """A clause that opens with units and names no role, whose sentence goes on to a clause that
    opens with 会同 or 联合 and partners (after 并 or 同时, a modal, adverbs of a role) before any
    clause names a role of its own: X要加快落实…，按照…，会同Y制订… and X在…悬挂…，并会同Y设立…
    (X leads, Y supports). Where the units end, and the partners as a support cell; else None."""
    lexicon = gaz.lexicon
    if lexicon.partnering_pattern.search(norm, end, sentence_end) is None:
        return None  # (the cheap test first: most sentences name no partners later)
    subject_end = _subject_before_its_adverbial(norm, begin, end, lexicon) or _partners_end(norm, begin, end, lexicon)
    if subject_end is None or subject_end >= end or norm.startswith(("的", "、"), subject_end):
        return None  # 市统计局的数据: a modifier, no subject
    if lexicon.role_clause_pattern.match(norm, _past_connectives(norm, subject_end, lexicon)):
        return None  # X要负责A，会同Y…: the role's own reading
    rest = norm[subject_end:end]
    if not (starts_with_a_predicate(rest) or starts_with_a_preposition(rest) or rest.startswith(lexicon.modals)):
        return None  # 省人民政府|政务服务和…管理部门负责…: the name goes on, no subject ends here
    units = norm[begin:subject_end]
    opening = (*lexicon.duty_adverbs["prepositions"], *lexicon.clause_prepositions, *lexicon.unit_joiners)
    if units.startswith(opening) or lexicon.names_no_body(units) or _predicate_inside(units, lexicon):
        return None  # 按照省统计局…, 对各部门…: an adverbial, no subject
    if gaz.is_collective(units) or _BY_AGENT.search(units):
        return None  # 各部门要…，会同…: an exhortation
    partners = _partners_in_a_later_clause(norm, end, sentence_end, lexicon)
    return (subject_end, partners) if partners is not None else None


def _partners_in_a_later_clause(
    norm: str, position: int, sentence_end: int, lexicon: Lexicon
) -> tuple[int, int, Role] | None:
    """The partners of the first later clause of the sentence, from the comma at *position*, that
    opens with 会同 or 联合 and partners (after 并 or 同时, a time, a modal, adverbs of a role),
    as a support cell: the subject's own later task (X…，提出…，会同Y下达…); None where a clause
    with a role of its own comes first."""
    while position < sentence_end and norm.startswith("，", position):
        clause = _CLAUSE.match(norm, position + 1)
        if clause is None:
            return None
        opens = len(norm) - len(norm[clause.start() :].lstrip(" "))  # 要求 ， 会同: blanks around a comma
        opens = _past_connectives(norm, _past_a_time(norm, opens, clause.end(), lexicon), lexicon)
        partners = _partners_after(norm, opens, min(sentence_end, opens + _MAX_NOTE), lexicon)
        if partners is not None:
            return partners
        if _role_outside_quotes(norm, clause.start(), clause.end(), lexicon) is not None:
            return None  # a clause with a role of its own: a note of its own, or none
        position = clause.end()
    return None


def _subject_before_its_adverbial(norm: str, begin: int, end: int, lexicon: Lexicon) -> int | None:
    """Where units that open a clause end right before a modal or a preposition standing as a word
    (经开区招商服务局|在长三角设立…, 省文化和旅游厅|要…): the first such place, or None."""
    words = (*lexicon.modals, *lexicon.clause_prepositions, *lexicon.duty_adverbs["prepositions"])
    for j in range(begin + 2, min(end, begin + _MAX_SUBJECT)):
        word = next((w for w in words if norm.startswith(w, j) and stands_alone(norm, j, j + len(w))), None)
        if word is not None and _ends_in_a_body(norm[begin:j], lexicon) and _ends_a_name(norm, j, lexicon):
            return j
    return None


def _past_a_time(norm: str, position: int, end: int, lexicon: Lexicon) -> int:
    """Past a phrase of time that opens a clause (2024年底前|会同…, 每年汛期前|会同…): a few
    characters ending in a word of time (前, 后, 内, 起), with no body's word in them."""
    found = _OPENING_TIME.match(norm, position, end)
    if (
        found is None
        or _ends_in_a_body(found.group(0)[:-1], lexicon)
        or lexicon.conjunction_pattern.search(found.group(0))
    ):
        return position  # 会同市内…: the partners, no time
    return found.end()


def _past_connectives(norm: str, position: int, lexicon: Lexicon) -> int:
    """Past the words that open a clause with the subject of the one before: a connective (并,
    同时), a modal, adverbs of a role (并要积极会同…)."""
    words = (*lexicon.clause_connectives, *lexicon.modals, *lexicon.role_adverbs)
    while word := next((w for w in words if norm.startswith(w, position)), None):
        position += len(word)
    return position


def _partnered_subject(norm: str, begin: int, limit: int, gaz: Gazetteer) -> int | None:
    """Where ``X会同Y、Z`` ends, for a clause that starts with units X, a conjunction of two
    characters (会同, 联合) and units Y, Z before its task (市信息产业局：会同有关部门审查…); None
    if the clause does not so start. Each partner is the shortest stretch that ends in a body
    and a word (有关部门, not 有关部)."""
    lexicon = gaz.lexicon
    conjunctions = lexicon.conjunction_pattern.finditer(norm, begin, limit)
    conjunction = next(  # 会 of one character only as a word of its own (市商务局|会|市财政局, not 社会)
        (m for m in conjunctions if len(m.group(0)) > 1 or stands_alone(norm, m.start(), m.end())), None
    )
    if conjunction is None:
        return None
    written = norm[begin : conjunction.start()].rstrip(" ：:")
    units = _without_modal(written, lexicon)
    if not _ends_in_a_body(units, lexicon) or (units != written and gaz.is_collective(units)):
        return None  # 各部门要会同…: an exhortation
    return _partners_end(norm, conjunction.end(), limit, lexicon)


def _partners_end(norm: str, position: int, limit: int, lexicon: Lexicon) -> int | None:
    """Where the run of partners that starts at *position* (after 会同) ends; None if none does."""
    end = None
    while position < limit:
        mark = _PARTNERS_BREAK.search(norm, position, limit)  # no name runs past a clause or a line
        ends = range(position + 2, min(mark.start() if mark else limit, position + _MAX_PARTNER) + 1)
        names = [j for j in ends if _ends_in_a_body(norm[position:j], lexicon) and _ends_a_name(norm, j, lexicon)]
        if not names:
            break
        # nor where a field (市规划) goes on to an organisation's word (市规划|自然资源局)
        bodies = [j for j in names if _ends_in_an_organisation_s_word(norm[position:j], lexicon)]
        # the shortest name, unless a longer one goes on with the list (市市场|监管局、: 市场 is a field)
        # and no predicate follows a body's name inside it (主管部门|组织|有关机构、专家: its task)
        listed = (
            j
            for j in names
            if (norm.startswith("、", j) or lexicon.joiner_pattern.match(norm, j))
            and not (bodies and j > bodies[0] and starts_with_a_predicate(norm[bodies[0] : j]))
        )
        found = next(listed, None) or next(iter(bodies), names[0])
        if norm[position:found].endswith(lexicon.area_finals) and not norm.startswith("、", found):
            # 两江新区|经济运行局: an area's body goes on past the area's name, not into a predicate
            area_body = (j for j in names if j > found and not starts_with_a_predicate(norm[found:j]))
            found = next(area_body, found)
        branch = (j for j in names if j > found and _a_branch_of_its_level(norm[position:j], norm[found:j], lexicon))
        found = next(branch, found)  # 农发行|县支行: a branch's name goes on past its parent's
        collective = (j for j in names if j > found and norm.startswith(lexicon.collective_markers, found))
        found = next(collective, found)  # 自治区人民政府|有关部门: the body's departments, one unit
        word_start, word_end = word_around(norm, found) if found < limit else (found, found)
        if word_start == found and word_end in names:
            found = word_end  # 州人力资源社会|保障局: a word ending as a body goes on with it
        end = found
        joiner = lexicon.joiner_pattern.match(norm, found)
        if joiner is None and not norm.startswith("、", found):
            break
        position = joiner.end() if joiner else found + 1
    return end


def _ends_a_name(norm: str, j: int, lexicon: Lexicon) -> bool:
    """Whether a body's name may end at *j*: at a word's end, and not before an organisation's
    word, which goes on with it (县发改|局, 市政府|办公厅); a word that only opens as one does is
    the task's (市信息化办|组织编制)."""
    if not ends_a_word(norm, j):
        return False
    if not norm.startswith(lexicon.organisation_suffixes, j):
        return True
    return not norm[j : word_around(norm, j)[1]].endswith(lexicon.organisation_suffixes)


@kept
def _ends_in_a_body(text: str, lexicon: Lexicon) -> bool:
    """Whether *text* ends as a run of units does: in an organisation's word, a collective
    (有关部门), a person's title, a township's name (丹凤街道) or a department's field with its
    level (省财政), or alone after a body (城乡建委、国土); a bracket after it (its second name,
    its department: 工业和信息化部（信发司）) leaves it one."""
    if _ends_in_bracketed_levels(text.rstrip(), lexicon):
        return True  # 乡（镇、街道）、村（社区）: the bracket names the places too
    text = _TRAILING_BRACKET.sub("", text.rstrip()).rstrip()
    if text.endswith("等"):  # A、B等参加: 等 closes the run
        return _ends_in_a_body(text[:-1], lexicon)
    last = text.rsplit("、", 1)[-1]
    if (
        _ends_in_an_organisation_s_word(text, lexicon)
        or text in lexicon.dropped_units
        or _a_township(last, lexicon)
        or lexicon.names_a_department(last)
        or _collective_places(last, lexicon)
    ):
        return True
    beside = text[: len(text) - len(last) - 1]
    return bool(beside) and lexicon.names_a_department(last, bare=True) and _ends_in_a_body(beside, lexicon)


def _ends_in_an_agent(text: str, lexicon: Lexicon) -> bool:
    """Whether *text* ends in a body's name that may act in the clause after it (X推动|有关部门，
    落实…): an organisation's word, not a person's title (统一领导), and not the object of 于
    (X隶属于|市档案局)."""
    if not _ends_in_an_organisation_s_word(text, lexicon) or text.endswith(lexicon.person_titles):
        return False
    governed = text.rfind("于")
    return governed < 0 or not _ends_in_an_organisation_s_word(text[governed + 1 :], lexicon)


def _ends_in_an_organisation_s_word(text: str, lexicon: Lexicon) -> bool:
    """Whether *text* ends in an organisation's word or a person's title: one of several
    characters (管委会, 支行), or one character that ends no verb (局, 行 in 工行, not in 履行)."""
    if text.endswith(lexicon.compound_suffixes):
        return True
    return (
        text.endswith(lexicon.body_endings) and not text.endswith(lexicon.system_endings) and not ends_with_a_verb(text)
    )


def find_notes(norm: str, gaz: Gazetteer, jurisdiction: str) -> list[tuple[NoteSpan, ParsedNote]]:
    """Every responsibility note in *norm*, in document order, each with its parsed content."""
    norm = _main_body_as_lead(
        _colon_for_labels(_bracket_breaks_joined(_unquoted_cells(norm)), gaz.lexicon), gaz.lexicon
    )
    found: list[tuple[NoteSpan, ParsedNote]] = []
    candidates = (
        _bracket_candidates(norm, gaz.lexicon)
        + _label_line_candidates(norm, gaz)
        + _clause_label_candidates(norm, gaz)
        + _duty_line_candidates(norm, gaz)
        + _last_cell_candidates(norm, gaz)
        + _glued_row_candidates(norm, gaz)
        + _glued_table_candidates(norm, gaz, jurisdiction)
        + _spaced_table_candidates(norm, gaz)
        + _table_candidates(norm, gaz)
        + (cell_rows := _cell_table_candidates(norm, gaz))
        + ([] if cell_rows else _stacked_row_candidates(norm, gaz))  # a table with no header
        + _pipe_table_candidates(norm, gaz)
        + _sentence_candidates(norm, gaz)
        + _clause_candidates(norm, gaz)
        + _subject_candidates(norm, gaz)
    )
    rows = _rows_read(norm, [span for span in candidates if span.cells], gaz, jurisdiction)
    taken_until = -1
    noted: set[str] = set()  # the units of the notes found so far

    def reading_order(span: NoteSpan) -> tuple[int, int]:
        row = rows.get(span)
        return (row[0].start, -row[0].end) if row else (span.start, -span.end)

    for span in sorted(candidates, key=reading_order):
        if reading_order(span)[0] < taken_until:
            continue
        if span.cells:
            row = rows.get(span)
            if (
                row is not None
                and span.style == "subject"
                and (
                    not _a_named_lead(row[1], norm, span.start, gaz, jurisdiction)
                    or _reports_done(norm, span, gaz.lexicon)
                )
            ):
                continue  # 水利部门应加强…，会同有关部门…: a kind of body, no unit; X征求了…，会同Y…: done
            if row is not None:
                found.append(row)
                noted.update(u.name for g in row[1].groups for u in g.units)
                taken_until = row[0].end
            continue
        content = norm[span.content_start : span.content_end]
        if span.style == "label":
            content = _label_block_content(content, gaz.lexicon)
        elif span.style == "table":
            content = content.replace("\n", "；")
        elif span.style == "brackets":  # 牵头单位：A】【配合单位：B: brackets part the labels
            content = _BETWEEN_BRACKETS.sub(lambda m: "；" * len(m.group(0)), content)
        if span.style == "bracket" and _declares_only(content, gaz.lexicon):
            continue  # （注：责任单位中排在第一位的为牵头单位，下同）: what a label means, no note
        if span.style not in ("bracket", "brackets") and gaz.lexicon.hosts_only(norm[span.start : span.end]):
            continue  # 由X主办，Y承办; 主办单位：X 承办单位：Y: who hosts an event or a site
        parsed = _parse_span(content, span, gaz, jurisdiction)
        if parsed is not None and span.style == "designated":
            parsed = _named_by_its_setter(parsed, norm, span.content_start, gaz.lexicon)
        if parsed is not None and span.style in _SENTENCE_STYLES and not _all_named_bodies(parsed, gaz):
            continue
        if parsed is not None and span.style in _SENTENCE_STYLES and _reports_done(norm, span, gaz.lexicon):
            continue  # 2023年，区发改委牵头完成了…: what was done, no task
        if (
            parsed is not None
            and span.style == "subject"
            and not _names_its_subject(parsed, norm, span.start, gaz, jurisdiction, noted)
        ):
            parsed = _led_without_unnamed_partners(parsed, norm, gaz, jurisdiction)
            if parsed is None:
                continue
        if parsed is not None:
            found.append((span, parsed))
            noted.update(u.name for g in parsed.groups for u in g.units)
            taken_until = span.end
    return found


def _named_by_its_setter(parsed: ParsedNote, norm: str, start: int, lexicon: Lexicon) -> ParsedNote:
    """*parsed* with each body that another set up inside itself named by that one (领导小组下设|
    办公室: 领导小组办公室; 县人民政府办公室), its own word an alternative; as it is where no verb of
    ``subordinating_verbs`` stands right before the body, or no one body before the verb."""
    verb = next((v for v in lexicon.subordinating_verbs if norm.endswith(v, 0, start)), None)
    if verb is None:
        return parsed
    setter_end = start - len(verb)
    setter_start = max(norm.rfind(mark, 0, setter_end) for mark in _GROUP_SEPARATORS + "\n") + 1
    setter = norm[setter_start:setter_end].strip()
    if (marker := _ITEM_MARKER.match(setter)) is not None:
        setter = setter[marker.end() :]  # 第十四条 县人民政府下设…: the article's number is no part of it
    if "、" in setter or not _ends_in_a_body(setter, lexicon):
        return parsed
    groups = [
        RoleGroup(g.role, [UnitName(setter + u.name, u.start, u.end, (u.name, *u.alternatives)) for u in g.units])
        for g in parsed.groups
    ]
    return ParsedNote(groups, parsed.labelled, parsed.scope, parsed.deadline, parsed.explicit_lead)


def _rows_read(
    norm: str, spans: list[NoteSpan], gaz: Gazetteer, jurisdiction: str
) -> dict[NoteSpan, tuple[NoteSpan, ParsedNote] | None]:
    """Each table row's note (:func:`_parse_row`), read in the rows' order so that a ditto cell
    finds the row above it. A row's note runs from its first cell of units, so a note in the
    row's task cell before it (X负责…，会同Y…) is read too, in a merged row as in any other."""
    read: dict[NoteSpan, tuple[NoteSpan, ParsedNote] | None] = {}
    above: list[ParsedNote | None] = []  # the last row's cells, read, for a ditto cell (同上) below them
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        read[span], above = _parse_row(norm, span, gaz, jurisdiction, above)
    return read


def _reports_done(norm: str, span: NoteSpan, lexicon: Lexicon) -> bool:
    """Whether the sentence a note written in running text stands in reports what was done: the
    perfective particle stands as a word after the note's start (…牵头完成了…)."""
    end = min((e for e in (norm.find(mark, span.end) for mark in "。！？\n") if e >= 0), default=len(norm))
    return holds_a_word(norm[span.start : end], lexicon.report_particles)


def _names_its_subject(
    parsed: ParsedNote, norm: str, position: int, gaz: Gazetteer, jurisdiction: str, noted: Collection[str]
) -> bool:
    """Whether a sentence's subject names its units (:func:`_all_say_whose`), or each was named in
    full before (:func:`_all_named_before`; *noted*: the units of the notes before): 市发改委负责…,
    not 支持领军企业负责… nor a kind of body (水利部门应加强…，会同有关部门…); a unit may also be the
    short form the text declared for a body that says whose it is (:func:`_declared_short_form`)."""
    if _all_say_whose(parsed, norm, gaz, jurisdiction) or _all_named_before(parsed, norm, position, gaz, noted):
        return True
    units = [u for g in parsed.groups for u in g.units]
    return any(_declared_short_form(u.name, norm, position, gaz) for u in units) and all(
        _unit_says_whose(u, norm, gaz, jurisdiction)
        or _unit_named_before(u, norm, position, gaz, noted)
        or _declared_short_form(u.name, norm, position, gaz)
        for u in units
    )


def _led_without_unnamed_partners(
    parsed: ParsedNote, norm: str, gaz: Gazetteer, jurisdiction: str
) -> ParsedNote | None:
    """*parsed* without the partners that name no body, where its lead names its own and they
    are partners only and of a kind (区公安分局会同|行业主管部门…: whichever department holds the
    function, as 有关部门 after 会同 is); None where a lead does not say whose it is (a body named
    before, a kind), or a partner is neither named nor a kind.

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> lead = RoleGroup("lead", [UnitName("区公安分局", 0, 5)])
    >>> parsed = ParsedNote([lead, RoleGroup("support", [UnitName("行业主管部门", 7, 13)])])
    >>> [[u.name for u in g.units] for g in _led_without_unnamed_partners(parsed, "", gaz, "440300").groups]
    [['区公安分局']]
    """
    if len(parsed.groups) < 2 or parsed.groups[0].role != "lead":
        return None
    lead, *partners = parsed.groups
    if any(group.role != "support" for group in partners):
        return None

    def named(unit: UnitName) -> bool:
        return _unit_says_whose(unit, norm, gaz, jurisdiction) and not _a_kind(unit.name, gaz)

    if not all(named(u) for u in lead.units):
        return None
    if not all(named(u) or _a_kind(u.name, gaz) for g in partners for u in g.units):
        return None  # X联合|运行Y平台: no partner, a predicate
    kept = [RoleGroup(g.role, [u for u in g.units if named(u)]) for g in partners]
    return replace(parsed, groups=[lead, *(g for g in kept if g.units)])


def _declared_short_form(name: str, norm: str, position: int, gaz: Gazetteer) -> bool:
    """Whether the text declared *name* before *position* as the short form of a body's full name
    that says whose it is (中国（新疆）自由贸易试验区工作办公室（以下简称自贸办）… 自贸办会同…), not
    of a kind or a collective (有关行政主管部门（以下简称主管部门）); that body's office too (…小组
    （以下简称工程小组）… 工程小组办公室设在…，负责…); a body the sentence sets up (设立X管理委员会
    （以下简称管委会）) too."""
    lexicon = gaz.lexicon
    declaring = alternation(lexicon.short_form_declarations)
    names = alternation(dict.fromkeys((name, _without_its_office(name, lexicon))))
    for declared in re.finditer(f'[（(](?:{declaring})[“"]?(?:{names})[”"]?[）)]', norm[:position]):
        before = norm[: declared.start()]
        full = before[max(before.rfind(mark) for mark in _BEFORE_A_FULL_NAME) + 1 :].strip()
        if (marker := _ITEM_MARKER.match(full)) is not None:
            full = full[marker.end() :]  # （二）X小组（以下简称Y）: the item's number is no part of it
        establishing = next((verb for verb in lexicon.establishing_verbs if full.startswith(verb)), "")
        full = full[len(establishing) :]  # 设立|X管理委员会（以下简称管委会）: the body set up
        if _ends_in_a_body(full, lexicon) and _says_whose(full, gaz) and not gaz.is_collective(full):
            return True
    return False


def _a_named_lead(parsed: ParsedNote, norm: str, position: int, gaz: Gazetteer, jurisdiction: str) -> bool:
    """Whether a unit of a sentence's leading group names itself, as :func:`_names_its_subject`
    asks of every unit: its partners are then that body's (国家卫生健康委及统计机构要…，会同有关部门…),
    where a kind of body alone (水利部门应…，会同有关部门…) names none."""
    leads = parsed.groups[0].units if parsed.groups else []
    return any(
        _unit_says_whose(u, norm, gaz, jurisdiction) or _named_before(u.name, norm, position, gaz.lexicon)
        for u in leads
    )


def _declares_only(content: str, lexicon: Lexicon) -> bool:
    """Whether a bracket's *content* is a declaration that the first unit listed leads, with at
    most a word of annotation before it (注：责任单位中排在第一位的为牵头单位，下同), not units and
    their role followed by one (X、Y负责。列第一位者为牵头单位，下同)."""
    if "牵头" not in content:
        return False  # (the cheap test first)
    declared = lexicon.first_lead_pattern.search(content)
    return declared is not None and len(content[: declared.start()].strip("：: \t")) <= _ANNOTATION_WORD


def _unquoted_cells(norm: str) -> str:
    r"""*norm* with a spreadsheet's cell that holds line breaks, copied in quotes after a tab
    ("区税务局\n区医保局"), read as one cell: the quotes blanked and the lines parted by ；, as a
    merged cell's stacked units are; the same length, so offsets hold.

    >>> _unquoted_cells('2\t开办企业\t"区税务局\n区医保局"\n')
    '2\t开办企业\t 区税务局；区医保局 \n'
    """
    if '"' not in norm:
        return norm
    return _QUOTED_CELL.sub(lambda m: " " + m.group(1).replace("\n", "；") + " ", norm)


def _bracket_breaks_joined(norm: str) -> str:
    r"""*norm* with a flattened table row that breaks inside a bracket (a cell's second name,
    市委组织部（市\n公务员局）) going on past the break: the line break becomes a blank, so the
    row stays one line; the same length, so offsets hold.

    >>> _bracket_breaks_joined("5|市委组织部（市\n公务员局）|市统计局\n6|甲（乙）\n")
    '5|市委组织部（市 公务员局）|市统计局\n6|甲（乙）\n'
    """
    if "（" not in norm and "(" not in norm:
        return norm
    joined: list[str] = []
    for line in norm.split("\n"):
        row = joined[-1] if joined else ""
        if ("|" in row or "\t" in row) and _open_brackets(row) > 0 >= _open_brackets(row + line):
            joined[-1] += " " + line  # the next line closes the bracket (a bracket never closed joins nothing)
        else:
            joined.append(line)
    return "\n".join(joined)


def _open_brackets(text: str) -> int:
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def _colon_for_labels(norm: str, lexicon: Lexicon) -> str:
    r"""*norm* with a label set in brackets (【责任单位】A、B), before a copula at a clause's start
    (责任单位为A、B) or before blank space at a line's start (牵头单位    A) instead of before a
    colon, written as the grammar reads labels (`` 责任单位：A、B``), the same length, so offsets
    hold.

    >>> from extract.lexicon import load_lexicon
    >>> _colon_for_labels("平台。【责任单位】市发改委", load_lexicon())
    '平台。 责任单位：市发改委'
    >>> _colon_for_labels("建设平台，牵头单位为市发改委。", load_lexicon())
    '建设平台，牵头单位：市发改委。'
    >>> _colon_for_labels("建设平台。\n牵头单位    市数据局", load_lexicon())
    '建设平台。\n牵头单位：   市数据局'
    """
    if any(bracket in norm for bracket in "【〔["):
        norm = lexicon.bracketed_label_pattern.sub(lambda m: " " + m.group(1) + "：", norm)
    norm = lexicon.spaced_label_pattern.sub(
        lambda m: m.group(0)[: m.start(2) - m.start()] + "：" + m.group(2)[1:], norm
    )
    return lexicon.copula_label_pattern.sub(
        lambda m: m.group(1) + m.group(2) + "：" + " " * (len(m.group(3)) - 1), norm
    )


_MAIN_BODY = re.compile(r"以([^，。；、：（）()\n]{2,20}?)为主(?=[，。；、])")  # 以X为主，Y配合


def _main_body_as_lead(norm: str, lexicon: Lexicon) -> str:
    """*norm* with the body a task is mainly for written as its lead (…的监督检查以县医保局为主，
    Y配合 → …由县医保局牵头，Y配合), the same length, so offsets hold; a phrase that names no
    body (以预防为主) or a kind of body alone (以企业为主) is kept.

    >>> from extract.lexicon import load_lexicon
    >>> _main_body_as_lead("监督检查以县医保局为主，县卫健局配合", load_lexicon())
    '监督检查由县医保局牵头，县卫健局配合'
    >>> _main_body_as_lead("坚持以预防为主，以企业为主，防治结合", load_lexicon())
    '坚持以预防为主，以企业为主，防治结合'
    """
    if "为主" not in norm:
        return norm

    def as_lead(found: re.Match[str]) -> str:
        body = found.group(1)
        named = len(body) > 2 and body not in lexicon.organisation_suffixes
        return f"由{body}牵头" if named and _ends_in_an_organisation_s_word(body, lexicon) else found.group(0)

    return _MAIN_BODY.sub(as_lead, norm)


def _parse_span(content: str, span: NoteSpan, gaz: Gazetteer, jurisdiction: str) -> ParsedNote | None:
    """The content of a note's span read by the grammar. A span's default role (a column's, or
    a bracket's that closes an item) holds only for units alone: what it gives must all be
    units, not a task. A bracket is read first as any note is (labels, role words)."""
    if span.style == "bracket":
        parsed = parse_note_content(content, span.content_start, gaz, jurisdiction)
        if parsed is not None or span.default_role is None:
            return parsed
    parsed = parse_note_content(content, span.content_start, gaz, jurisdiction, span.default_role)
    units = [u for g in parsed.groups for u in g.units] if parsed is not None else []
    subject = span.style == "subject"  # 灵宝市负责…: a place written in full as a subject is its government
    if span.default_role and not all(
        _looks_like_unit(u, gaz) or (subject and _a_place_in_full(u.name, gaz)) for u in units
    ):
        return None
    return parsed


def _parse_row(
    norm: str, span: NoteSpan, gaz: Gazetteer, jurisdiction: str, above: list[ParsedNote | None]
) -> tuple[tuple[NoteSpan, ParsedNote] | None, list[ParsedNote | None]]:
    """A table row's note: its cells that hold units alone, the i-th with the i-th unit column's
    role (a row short of a merged cell puts the others out of place), the note running from the
    first such cell to the last. A cell in a unit column's place may be written short (发改局);
    another must say whose it is. A ditto cell (同上) holds what the cell above it holds, the
    same cell of the row before (*above*). Returns the note, if any, and the row's cells read."""
    parsed = ParsedNote()
    kept: list[tuple[int, int]] = []
    read: list[ParsedNote | None] = []
    roles = span.column_roles
    for index, (start, end, column_role) in enumerate(span.cells):
        role = roles[min(len(kept), len(roles) - 1)] if roles else column_role
        if norm[start:end].strip() in gaz.lexicon.ditto_marks and column_role:
            cell = above[index] if index < len(above) else None
        else:
            cell = parse_note_content(_cell_text(norm[start:end], gaz.lexicon), start, gaz, jurisdiction, role)
        read.append(cell)
        if cell is None:
            continue
        # in a unit column a place stands for its government (岳麓区、望城区)
        if not all(
            _looks_like_unit(u, gaz) or (column_role and gaz.places_named(u.name)) for g in cell.groups for u in g.units
        ):
            continue
        if column_role or (_names_its_place(cell, gaz) and not _a_task_s_cell(norm[start:end], gaz.lexicon)):
            parsed.groups += cell.groups
            parsed.explicit_lead = parsed.explicit_lead or cell.explicit_lead
            kept.append((start, end))
    if not kept:
        return None, read
    first, last = kept[0][0], kept[-1][1]
    return (NoteSpan(first, last, first, last, "row"), parsed), read


def _a_task_s_cell(cell: str, lexicon: Lexicon) -> bool:
    """Whether a cell off the unit columns states a task with its note inside (建立…制度，由X牵头，
    Y配合，每年…。): it ends at a full stop after a clause that holds no role, which a sentence
    of its own reads; the note is not the row's."""
    text = cell.strip()
    if not text.endswith("。"):
        return False
    last = max(text.rfind("，", 0, len(text) - 1), text.rfind("；", 0, len(text) - 1))
    return last > 0 and lexicon.role_clause_pattern.search(text, last) is None


def _cell_text(cell: str, lexicon: Lexicon) -> str:
    r"""A cell's text as one note: its lines are units stacked in a merged cell (区农业农村委 /
    区林业局), parted by ``；``, unless all are short and not each a body's name, a name written
    down a narrow cell (市政 / 府办 / 公厅), joined (by spaces, which names drop, so offsets hold).

    >>> from extract.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> _cell_text("市政\n府办\n公厅", lexicon), _cell_text("区农业农村委\n区林业局", lexicon)
    ('市政 府办 公厅', '区农业农村委；区林业局')
    >>> _cell_text("新运集团\n金控集团", lexicon)
    '新运集团；金控集团'
    >>> _cell_text("市住房城乡建委、市规划自然资源\n局、市发展改革委", lexicon)
    '市住房城乡建委、市规划自然资源 局、市发展改革委'
    """
    lines = cell.split("\n")
    short = all(len(line.strip()) <= _NARROW_CELL for line in lines)
    bodies = all(line.strip().endswith(lexicon.organisation_suffixes) for line in lines)
    narrow = len(lines) > 1 and short and not bodies
    if narrow:
        return cell.replace("\n", " ")
    parts = [lines[0]]  # a line that goes on with the name the line before broke off joins it
    for before, line in pairwise(lines):
        parts.append((" " if _continues_a_name(before, line, lexicon) else "；") + line)
    return "".join(parts)


def _rejoined(cells: list[tuple[str, int]], norm: str, lexicon: Lexicon) -> list[tuple[str, int]]:
    """*cells* with a line that goes on with the name the cell before it broke off joined to that
    cell (a unit column's cell wrapped over two lines: 市规划自然资源 / 局、市发展改革委)."""
    joined: list[tuple[str, int]] = []
    for text, start in cells:
        if joined and _continues_a_name(joined[-1][0].rsplit("\n", 1)[-1], text, lexicon):
            first = joined[-1][1]
            joined[-1] = (norm[first : start + len(text)], first)
        else:
            joined.append((text, start))
    return joined


def _continues_a_name(before: str, line: str, lexicon: Lexicon) -> bool:
    """Whether *line* goes on with a unit's name that the line *before* it broke off in a narrow
    cell (市规划自然资源 / 局、市发展改革委): it opens with an organisation's word of one
    character standing as a word (局, not 部署), after a line that ends in no mark."""
    before, line = before.strip(), line.strip()
    if not before or not line or not is_han(before[-1]):
        return False
    return line[0] in lexicon.one_character_suffixes and first_word(line) == line[0]


def _names_its_place(parsed: ParsedNote, gaz: Gazetteer) -> bool:
    """Whether the first unit says whose it is: a cell taken from anywhere under a unit column
    must, or a task such as 建设数据中心 would pass for a unit."""
    first = next((u.name for g in parsed.groups for u in g.units), "")
    return _says_whose(first, gaz)


def _says_whose(name: str, gaz: Gazetteer) -> bool:
    """Whether a unit's name says whose it is: a level (区发改委), a place (吴江区人民政府), a collective (各镇), an own
    prefix (国家, 全区), level words, one with the others in brackets after it (乡（镇）人民政府), an area's word
    (示范区大数据管理局, 东湖高新区管委会), a township's word standing as a word (镇|财政所), the writer's own body's
    kind as a word (部|信息中心), a township's body (大肚川镇人民政府办公室), a place's name and its level
    (临港地区管委会), or a branch's level or place after its parent's name (农业发展银行省分行,
    国家统计局共和调查队)."""
    lexicon = gaz.lexicon
    served, branch = _branch_split(name, lexicon)
    if branch and (served.endswith(lexicon.level_prefixes) or any(gaz.places_named(served[-k:]) for k in (2, 3, 4))):
        return True
    levels = _LEVELS_IN_BRACKETS.match(name)
    if levels is not None and _collective_places(levels.group(0), lexicon):
        return True  # 乡（镇）人民政府: each township's
    opening = first_word(name)
    if opens_with_an_area_s_word(name, lexicon):
        return True  # 示范区大数据管理局, 高新区管委会: an area's word, the area's
    if _a_locative_before_collective_places(name, opening, gaz):
        return True  # 沿湖|各乡（镇）人民政府: each township's along the lake
    if not gaz.place_at_start(name) and _area_named_by_its_own_word(name, opening, lexicon):
        return True  # 东湖|高新区|管委会, 陆港经开区|管委会: the area's (not 围绕|本区…)
    if opening in lexicon.township_words and len(name) > 2:
        return True  # 镇财政所, 街道综治中心: the township's (not 乡村振兴局, 镇江…)
    if opening in lexicon.own_body_words and len(name) > 2 and name.endswith(lexicon.organisation_suffixes):
        return True  # 部|信息中心, 局|办公室: the writer's own ministry's or bureau's (not 部门…, 局长…)
    if _a_named_township_s_body(name, lexicon):
        return True  # 大肚川镇|人民政府办公室: a township's body, the township named
    if name[len(opening) :].startswith(lexicon.place_level_words) and starts_with_a_proper_name(
        name, lexicon.proper_name_most_frequent
    ):
        return True  # 临港|地区管委会: a place no gazetteer holds, named with its level
    return bool(gaz.level_prefix(name) or gaz.place_at_start(name) or gaz.is_collective(name)) or name.startswith(
        lexicon.own_level_prefixes
    )


def _a_named_township_s_body(name: str, lexicon: Lexicon) -> bool:
    """Whether *name* is a body of a township it names, whatever the township's name (大肚川镇人民政府
    办公室): a township word standing as a word after two to four characters that end in no level
    word, then a body's name; not a word that only holds the township word (美丽|乡村|建设办公室).

    >>> from extract.lexicon import load_lexicon
    >>> names = ("大肚川镇人民政府办公室", "美丽乡村建设办公室", "新农村乡镇建设办公室")
    >>> [_a_named_township_s_body(n, load_lexicon()) for n in names]
    [True, False, False]
    """
    end = lexicon.township_length(name)
    word = next((w for w in lexicon.township_words if name.endswith(w, 0, end)), "")
    start = end - len(word)
    return (
        bool(word)
        and first_word(name[start:]) == word
        and not name[:start].endswith((*lexicon.place_level_words, *lexicon.township_words))
        and name[end:].endswith(lexicon.organisation_suffixes)
    )


def _a_locative_before_collective_places(name: str, opening: str, gaz: Gazetteer) -> bool:
    """Whether *name* opens with a noun of locality (*opening*: 沿湖, 沿线), or a place's name and one
    noun of what of it (白洋淀|流域), before a collective of places or their bodies (各乡（镇）人民政府,
    各设区的市人民政府, 各级人民政府): which of them, each saying whose it is.

    >>> from extract.gazetteer import load_gazetteer
    >>> names = ("沿湖各乡镇人民政府", "白洋淀流域各设区的市人民政府", "白洋淀流域各级人民政府", "加强各县人民政府")
    >>> [_a_locative_before_collective_places(n, first_word(n), load_gazetteer()) for n in names]
    [True, True, True, False]
    """
    lexicon = gaz.lexicon
    each = lexicon.collective_markers[0]  # 各 (as in _collective_places)
    rest = name[len(opening) :]
    if not rest.startswith(each):  # (the cheap test first: _says_whose reads every unit's name)
        extent = first_word(rest)
        if not names_a_place(opening) or not rest.startswith(each, len(extent)):
            return False
        if not names_an_extent(extent):
            return False  # 白洋淀|流域|各…: the basin's; not a place and a verb
        rest = rest[len(extent) :]
    elif not opens_with_a_locative(name) and not names_a_place(opening):
        return False  # (太湖流域|各级…: a place's part the segmenter holds as one word)
    levels = (*lexicon.level_prefixes, *lexicon.township_words, *lexicon.levels_with_de)
    return (rest.startswith(levels, len(each)) or gaz.is_collective(rest)) and _says_whose(rest, gaz)


def _area_named_by_its_own_word(name: str, opening: str, lexicon: Lexicon) -> bool:
    """Whether *name* (its first word *opening*) is an area's body, the area named by a word of its
    own before an area's word and the body's head after it (东湖|高新区|管委会, 陆港经开区|管委会,
    though jieba cuts 陆|港): a word of the organisation's ending in an area's final, not at the
    name's start nor its end, after one word or characters the segmenter knows no word of (a name
    it lacks), not words of the dictionary (蒙城|经济|开发区: a place written short and a field), and
    no predicate, preposition or deictic before it (围绕|本区…)."""
    if starts_with_a_predicate(name) or starts_with_a_preposition(name) or name.startswith(lexicon.writer_deictics):
        return False
    areas = [word for word in lexicon.organisation_suffixes if len(word) > 1 and word.endswith(lexicon.area_finals)]
    for area in areas:
        at = name.find(area, len(opening) if len(opening) > 1 else 1)
        if at > 0 and at + len(area) < len(name) and name.endswith(lexicon.organisation_suffixes):
            return at == len(opening) or (len(opening) == 1 and _characters_alone(name[:at]))
    return False


def _characters_alone(text: str) -> bool:
    """Whether the segmenter cuts *text* into single characters, as it does a name it lacks (陆|港)."""
    return all(len(first_word(text[k:])) == 1 for k in range(len(text)))


def _branch_split(name: str, lexicon: Lexicon) -> tuple[str, str]:
    """*name* as what stands before a branch's word and that word (农发行县|支行), or (name, "")."""
    branch = next((w for w in lexicon.branch_words if name.endswith(w)), "")
    return name[: len(name) - len(branch)], branch


def _a_branch_of_its_level(name: str, extension: str, lexicon: Lexicon) -> bool:
    """Whether *extension*, written right after a body's name, makes *name* a branch's: a place or
    a level of at most four characters, then a branch's word (县支行, 黑龙江省分行, 共和调查队)."""
    served, branch = _branch_split(extension, lexicon)
    return bool(branch) and 0 < len(served) <= _MAX_BRANCH_PLACE and name != extension and all(map(is_han, served))


def _all_named_bodies(parsed: ParsedNote, gaz: Gazetteer) -> bool:
    """Whether every unit ends in an organisation's word (局, 委, 政府 …), is a collective of
    places, which stands for their governments (各设区市), or is a township: a sentence outside
    brackets is a note only then (各级各部门要抓好落实 is an exhortation, not a note). A department's
    field is one with its level (省财政), or alone beside a body its group names (国土、城乡建委).
    Bodies in general (相关部门, 有关单位) name none."""
    lexicon = gaz.lexicon

    def named(unit: UnitName, beside_a_body: bool) -> bool:
        return (
            (  # not 部署, though 署 ends 海关总署; 分行 (tagged a verb) ends a bank's branch
                unit.name.endswith(lexicon.organisation_suffixes)
                and (unit.name.endswith(lexicon.compound_suffixes) or not ends_with_a_verb(unit.name))
                and not unit.name.endswith(lexicon.system_endings)  # 第五章平台: a system's name
            )
            or _collective_places(unit.name, lexicon)
            or _levels_alone(unit, lexicon)
            or _a_township(unit.name, lexicon)
            or _a_place_in_full(unit.name, gaz)
            or lexicon.names_a_department(unit.name, bare=beside_a_body)
        )

    if any(_designates_another(u.name, lexicon) for g in parsed.groups for u in g.units):
        return False  # 由市人民政府确定一个部门牵头: whichever body it designates, none named
    if all(u.name in lexicon.dropped_units for g in parsed.groups for u in g.units):
        return False  # 由相关部门实施联合惩戒: bodies in general, none named
    if all(_a_kind(u.name, gaz) for g in parsed.groups for u in g.units):
        return False  # 市场监督管理部门负责…, 民政部门、乡镇人民政府负责…: kinds of body, none named
    for group in parsed.groups:
        beside_a_body = any(u.name.endswith(lexicon.organisation_suffixes) for u in group.units)
        if not all(named(u, beside_a_body) for u in group.units):
            return False
    return True


def _designates_another(name: str, lexicon: Lexicon) -> bool:
    """Whether a verb that designates or hands a duty stands as a word after a body inside *name*
    (市人民政府|确定|一个部门, 市政府|委托|第三方机构): the body named is who designates, the one
    that answers is its object (X确定的Y, a body named by who designated it, is one).

    >>> from extract.lexicon import load_lexicon
    >>> lexicon = load_lexicon()
    >>> _designates_another("县人民政府指定一个部门", lexicon), _designates_another("县人民政府确定的部门", lexicon)
    (True, False)
    """
    for verb in (*lexicon.designating_verbs, *lexicon.delegating_verbs):
        at = name.find(verb, 1)
        if at < 0 or name.startswith("的", at + len(verb)):
            continue
        if stands_alone(name, at, at + len(verb)) and _ends_in_a_body(name[:at], lexicon):
            return True
    return False


def _a_kind(name: str, gaz: Gazetteer) -> bool:
    """Whether *name* names a kind of body, none a note can name: by its function
    (:func:`_a_kind_by_function`), a body every township has (:meth:`Lexicon.is_every_township_s_body`), a
    label written as a noun (主责单位: whichever body holds the role), or a
    class of bodies (``class_nouns``: 新能源汽车生产企业; not 各国有企业 or 市属国有企业, collectives of
    units, each one or the ones a level owns)."""
    lexicon = gaz.lexicon
    if name.endswith(lexicon.class_nouns):
        return not lexicon.is_collective(name)
    return _a_kind_by_function(name, gaz) or lexicon.is_every_township_s_body(name) or _a_label_as_a_noun(name, lexicon)


def _a_label_as_a_noun(name: str, lexicon: Lexicon) -> bool:
    """Whether *name* is a role's label written as a noun, alone or after 各 (主责单位, 各牵头单位):
    whichever bodies hold the role; not a collective's (相关部门, 有关单位), which names bodies in general.

    >>> from extract.lexicon import load_lexicon
    >>> [_a_label_as_a_noun(n, load_lexicon()) for n in ("主责单位", "各牵头单位", "相关部门", "市财政局")]
    [True, True, False, False]
    """
    bare = name.removeprefix(lexicon.collective_markers[0])
    return bare in lexicon.labels and not bare.startswith(lexicon.collective_markers)


def _a_kind_by_function(name: str, gaz: Gazetteer) -> bool:
    """Whether *name* names a body by its function alone (数据主管部门, 市场监督管理部门) or by a
    department's field and a noun for its bodies (民政部门, 公安机关), with no place, body or
    collective before it saying whose: one at every level, a kind; with a level only (市数据主管
    部门), whichever department of that level holds the function, no body a note names, as the
    annotators of most sets read it. The head alone (主管部门) names the one the sentence says
    (X确定的主管部门), no field.

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> names = ("数据主管部门", "民政部门", "市数据主管部门", "国务院药品监督管理部门", "南京市数据主管部门")
    >>> [_a_kind_by_function(n, gaz) for n in names]
    [True, True, True, False, False]
    """
    lexicon = gaz.lexicon
    field = next((name[: -len(n)] for n in lexicon.field_nouns if name.endswith(n)), "")
    by_field = field.removeprefix(gaz.level_prefix(name) or "") in lexicon.department_stems  # (县)民政|部门
    return (
        (name.endswith(lexicon.function_heads) or by_field)
        and name not in lexicon.function_heads
        and not lexicon.is_collective(name)
        and not name.startswith(lexicon.own_prefixes)
        and gaz.place_at_start(name) is None
    )


def _collective_places(name: str, lexicon: Lexicon) -> bool:
    """Whether *name* is a collective of places (各设区市, 各县市, 各县（市、区）), which stands for
    their governments."""
    bare = _TRAILING_BRACKET.sub("", name)
    levels = lexicon.all_level_words
    if bare in levels and bare != name:
        return set(re.split("[、，,]", name[len(bare) + 1 : -1])) <= levels  # 乡(镇、街道)
    marker = next((m for m in lexicon.collective_markers if bare.startswith(m)), None)
    if marker is not None and bare[len(marker) :] in lexicon.grassroots_level_words:
        return True  # 各村, 各社区: whole, not 农村
    if marker == lexicon.collective_markers[0] and bare[len(marker) :] in lexicon.general_places:
        return True  # 各地: each locality (not 所在地)
    if _township_levels_joined(bare, lexicon):
        return True  # 由乡镇牵头: every township, each level word a collective of its places
    return lexicon.is_collective(name) and bare.endswith(lexicon.place_level_words)


def _township_levels_joined(name: str, lexicon: Lexicon) -> bool:
    """Whether *name* is two or more level words of townships and below written together and alone
    (乡镇, 乡镇街道): the places of those levels, for their bodies; one alone (镇) is none.

    >>> from extract.lexicon import load_lexicon
    >>> [_township_levels_joined(n, load_lexicon()) for n in ("乡镇", "乡镇街道", "镇", "乡镇卫生院")]
    [True, True, False, False]
    """
    return lexicon.township_levels_pattern.fullmatch(name) is not None


def _ends_in_bracketed_levels(run: str, lexicon: Lexicon) -> bool:
    """Whether the last item of *run* is level words, one with the others in brackets after it
    (乡（镇、街道）、村（社区）)."""
    return run.endswith(("）", ")")) and _collective_places(_last_listed(run), lexicon)


def _last_listed(run: str) -> str:
    """The last item of a run listed by 、, a 、 inside brackets no mark of the run's
    (乡（镇、街道）、村（社区） → 村（社区）)."""
    depth = 0
    for index in range(len(run) - 1, -1, -1):
        depth += (run[index] in "）)") - (run[index] in "（(")
        if run[index] == "、" and depth == 0:
            return run[index + 1 :]
    return run


def _levels_alone(unit: UnitName, lexicon: Lexicon) -> bool:
    """Whether *unit* is written by level words alone, one with the others in brackets after it
    (乡（镇、街道）, 村（社区）, 县（市、区）), or by township words run together (乡镇, 乡镇街道): each place
    of those levels, for its body."""
    if _township_levels_joined(unit.name, lexicon):
        return True
    return any(_collective_places(written, lexicon) for written in unit.alternatives)


# The most characters of the name of a township's own body after the township's name (人民政府,
# 党委, 办事处, 卫生院): a longer one (…镇村建设办公室) is a body of its own, no township's.
_TOWNSHIP_BODY_LENGTH = 4


def _a_township(name: str, lexicon: Lexicon) -> bool:
    """Whether *name* is a township's or a sub-district's (丹凤街道, 亭子镇), which stands for its
    government, or a body of one (城关镇人民政府, 丹凤街道办事处, 亭子镇党委): two to four characters
    before a township word, then nothing or a body's short name (:data:`_TOWNSHIP_BODY_LENGTH`)."""
    length = lexicon.township_length(name)
    body = name[length:]
    return bool(length) and (
        not body or (len(body) <= _TOWNSHIP_BODY_LENGTH and body.endswith(lexicon.organisation_suffixes))
    )


def _all_say_whose(parsed: ParsedNote, norm: str, gaz: Gazetteer, jurisdiction: str) -> bool:
    """Whether every unit says whose it is (:func:`_unit_says_whose`): the subject of a sentence is
    a note only then (支持领军企业负责… is a task, 市发改委负责… a note)."""
    return all(_unit_says_whose(u, norm, gaz, jurisdiction) for g in parsed.groups for u in g.units)


def _unit_says_whose(unit: UnitName, norm: str, gaz: Gazetteer, jurisdiction: str) -> bool:
    """Whether *unit* says whose it is, the document's place or one above it written short too, is
    a township (亭子镇, which stands for its government) or is a body the gazetteer knows. The
    writer's own body (我办, 本局) is one where a task is given to it (由我办会同…办理); where it
    tells what it did (我局会同…研究) it is no note. The addressee (你局, 贵委) is one: a reply gives
    it the task."""
    lexicon, name = gaz.lexicon, unit.name
    stems = gaz.own_stems(jurisdiction)  # 岳麓公安分局 in a plan of 岳麓区: the place written short
    return (
        _says_whose(name, gaz)
        or any(name.startswith(stem) and len(name) > len(stem) + 1 for stem in stems)
        or _opens_with_a_place_within(name, gaz, jurisdiction)
        or _opens_with_a_known_body(name, gaz, jurisdiction)
        or _levels_alone(unit, lexicon)
        or (_a_township(name, lexicon) and not starts_with_a_preposition(name))
        or (lexicon.names_the_writer(name) and unit.start > 0 and _BY_AGENT.match(norm, unit.start - 1) is not None)
        or lexicon.names_the_addressee(name)
        or gaz.resolve(name, jurisdiction, as_written=True).resolved
    )


def _opens_with_a_known_body(name: str, gaz: Gazetteer, jurisdiction: str) -> bool:
    """Whether *name* opens with the name of a body the gazetteer knows, and a body of its own
    after it (科技部|火炬高技术产业开发中心): one of that body's, which says whose it is."""
    suffixes = gaz.lexicon.organisation_suffixes
    return any(
        name.endswith(suffixes, 0, end)
        and ends_a_word(name, end)
        and _ends_in_a_body(name[end:], gaz.lexicon)
        and gaz.resolve(name[:end], jurisdiction, as_written=True).resolved
        for end in range(2, len(name) - 1)
    )


def _opens_with_a_place_within(name: str, gaz: Gazetteer, jurisdiction: str) -> bool:
    """Whether *name* opens with the name of a place inside *jurisdiction* written without its
    level word, more than one character after it (义乌|试验区管委会 in a plan of 浙江省)."""
    opening = first_word(name)
    return len(name) > len(opening) + 1 and gaz.short_for_a_place_within(opening, jurisdiction)


def _all_named_before(parsed: ParsedNote, norm: str, position: int, gaz: Gazetteer, noted: Collection[str]) -> bool:
    """Whether every unit was named before *position* (:func:`_unit_named_before`)."""
    return all(_unit_named_before(u, norm, position, gaz, noted) for g in parsed.groups for u in g.units)


def _unit_named_before(unit: UnitName, norm: str, position: int, gaz: Gazetteer, noted: Collection[str]) -> bool:
    """Whether *unit* was named in full before *position* (:func:`_named_before`), or with its
    level as a unit of a note before (*noted*: 由区纪工委、廉政办…牵头 … 廉政办负责… is 区廉政办)."""
    levels = gaz.lexicon.level_prefixes
    return _named_before(unit.name, norm, position, gaz.lexicon) or any(level + unit.name in noted for level in levels)


def _named_before(name: str, norm: str, position: int, lexicon: Lexicon) -> bool:
    """Whether *name* was named in full before *position*, so that the short name stands for it:
    with a level (县财政局 … 财政局负责预算), or as the end of the name of a body set up earlier
    (成立市数字乡村工作领导小组 … 领导小组负责…), or that body's office (… 领导小组办公室负责…)."""
    if any(
        _written_before(level + name, norm, position) for level in (*lexicon.level_prefixes, *lexicon.township_words)
    ):
        return True  # (镇经发办 … 经发办负责: the township's)
    if _listed_after_a_level(name, norm, position, lexicon):
        return True
    if name.endswith(lexicon.enterprise_suffixes):
        return False  # 建立上下游关联|企业 … 企业对…负责: enterprises of a kind, no organ the plan sets up
    return _set_up_before(_without_its_office(name, lexicon), norm, position, lexicon)


def _without_its_office(name: str, lexicon: Lexicon) -> str:
    """*name* without an office word ending it (领导小组办公室 → 领导小组): the body the office is of."""
    office = next((w for w in lexicon.office_words if name.endswith(w) and len(name) > len(w)), "")
    return name[: len(name) - len(office)]


def _written_before(text: str, norm: str, position: int) -> bool:
    """Whether *text* stands in *norm* before *position* outside a cited title (《河北省基层工会…办法》
    names a document, no body)."""
    at = norm.find(text, 0, position)
    while at >= 0 and in_a_cited_title(norm, at):
        at = norm.find(text, at + 1, position)
    return at >= 0


def _listed_after_a_level(name: str, norm: str, position: int, lexicon: Lexicon) -> bool:
    """Whether *name* was listed before *position* in a run of bodies whose first opens with a
    level or a township's word, which each body of the run shares, as a note's units do (镇党政办、经发办、规建生态办:
    the township's 经发办).

    >>> from extract.lexicon import load_lexicon
    >>> text = "成员单位：镇党政办、经发办、规建生态办等。经发办负责…"
    >>> [_listed_after_a_level(n, text, 21, load_lexicon()) for n in ("经发办", "社发办")]
    [True, False]
    >>> text = "成员单位：镇党政办、市场监督管理所等。市场监督管理所负责…"
    >>> _listed_after_a_level("市场监督管理所", text, 22, load_lexicon())
    True
    """
    levels = (*lexicon.level_prefixes, *lexicon.township_words)
    if name.startswith(levels) and not (
        name.startswith(lexicon.not_level_prefixes) and first_word(name) not in lexicon.level_prefixes
    ):
        return False  # 乡镇人民政府: a level's bodies of a kind, which no run's level makes one's (市场…所 is none)
    at = norm.find(name, 0, position)
    while at > 0:
        end = at + len(name)
        if norm[at - 1] == "、" and (end == len(norm) or not is_han(norm[end]) or norm.startswith("等", end)):
            run = max(norm.rfind(mark, 0, at) for mark in _BEFORE_A_RUN) + 1
            first = norm[run : norm.find("、", run)].strip().lstrip("（(")  # (（镇党政办、经发办）)
            if (
                first.startswith(levels)
                and len(first) > 2
                and _ends_in_a_body(first, lexicon)
                and not lexicon.is_collective(first)  # 县人民政府有关部门、…: bodies in general
            ):
                return True
        at = norm.find(name, end, position)
    return False


def _set_up_before(name: str, norm: str, position: int, lexicon: Lexicon) -> bool:
    """Whether *name* ends the name of a body an establishing verb set up before *position*, in
    the same sentence (成立…为成员的市…工作|领导小组): a character of a name stands right before it,
    not punctuation or a particle (由X牵头的|领导小组)."""
    at = norm.find(name, 0, position)
    while at >= 0:
        before = norm[at - 1] if at > 0 else ""
        if is_han(before) and before not in _NOT_IN_A_NAME:
            sentence = norm[max(0, at - _MAX_NOTE) : at]
            sentence = sentence[max(sentence.rfind(stop) for stop in "。；！？\n") + 1 :]
            if any(verb in sentence for verb in lexicon.establishing_verbs):
                return True
        at = norm.find(name, at + 1, position)
    return False


def first_lead_declaration(norm: str, gaz: Gazetteer) -> int | None:
    """Where the document first declares that the first unit listed leads (from there on, 下同);
    None where it never does.

    The declaration's pattern is slow to try at every character of a long document, and a
    declaration stays within one sentence (the only 。 or ； it may hold is the one it starts
    with) and names a rank (第一, 首位) and 牵头: so only the sentences holding both are searched,
    each from the stop before it, which finds the match a search of the whole text finds.
    """
    lexicon = gaz.lexicon
    ranks = lexicon.declarations["first_lead"]["ranks"]
    for sentence in _DECLARATION_SENTENCE.finditer(norm):
        text = sentence.group()
        if "牵头" in text and any(rank in text for rank in ranks):
            found = lexicon.first_lead_pattern.search(norm, max(0, sentence.start() - 1), sentence.end())
            if found is not None:
                return found.start()
    return None


def phrase_lead_declarations(norm: str, gaz: Gazetteer) -> list[tuple[int, str]]:
    """Where the document declares that a role phrase makes the units before it leads, and the
    phrase (分工负责为各部门按职责分别牵头，下同: 分工负责), in document order; only sentences that hold
    牵头 are searched, as :func:`first_lead_declaration` searches them."""
    lexicon = gaz.lexicon
    found: list[tuple[int, str]] = []
    for sentence in _DECLARATION_SENTENCE.finditer(norm):
        if "牵头" in sentence.group():
            for m in lexicon.phrase_lead_pattern.finditer(norm, max(0, sentence.start() - 1), sentence.end()):
                found.append((m.start(), m.group("phrase")))
    return found


def led_by_a_declared_phrase(norm: str, group: RoleGroup, phrases: Collection[str]) -> bool:
    """Whether *group*'s role phrase, written after its last unit up to the end of its clause,
    ends in a phrase a declaration made a lead's (X、Y按职责|分工负责 after 分工负责为…牵头).

    >>> text = "X、Y按职责分工负责，Z配合"
    >>> led_by_a_declared_phrase(text, RoleGroup("responsible", [UnitName("Y", 2, 3)]), ["分工负责"])
    True
    """
    if not phrases or group.role not in (None, "responsible") or not group.units:
        return False
    after = group.units[-1].end
    end = min((i for i in (norm.find(mark, after) for mark in "，；。）") if i >= 0), default=len(norm))
    return norm[after:end].rstrip().endswith(tuple(phrases))


def added_unit_declarations(norm: str, gaz: Gazetteer) -> list[tuple[int, str, int]]:
    """``以下任务均需X落实，不再一一列出``, ``除特别注明的外，X都是配合单位``: (position, X, offset
    of X) for each declaration, in document order."""
    lexicon = gaz.lexicon
    found: list[tuple[int, str, int]] = []
    for sentence in _DECLARATION_SENTENCE.finditer(norm):  # as first_lead_declaration: only sentences
        if not lexicon.declaration_anchor_pattern.search(sentence.group()):  # holding 以下, 下同 or 除
            continue
        for pattern in (lexicon.carry_forward_pattern, lexicon.carry_forward_label_pattern):
            for m in pattern.finditer(norm, max(0, sentence.start() - 1), sentence.end()):
                group = "subject" if m.groupdict().get("subject") else "units"  # X均需落实 or 均需X落实
                found.append((m.start(), m.group(group), m.start(group)))
    return sorted(found)
