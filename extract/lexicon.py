"""The grammar of responsibility notes, read from ``ontology/lexicon.json``.

The data holds words by grammatical category (label modifiers and heads, role words and
adverbs, conjunctions, the parts of declarations); this module composes them into the patterns
:mod:`extract.notes` parses with, so that a new form of note is a new word of a category, never
a new branch of code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import product
from pathlib import Path
from typing import Any

from extract.kept import kept
from extract.model import Role
from extract.text import CLOSING_BRACKETS, OPENING_BRACKETS, alternation, is_han
from extract.words import holds_a_word, stands_alone
from ontology import ONTOLOGY_DIR, read_json

__all__ = ["MAX_QUALIFIER", "QUALIFIER", "Lexicon", "load_lexicon"]


# The most characters of a label's qualifier the grammar does not know (次要|责任单位, 以上3项|牵头单位,
# 该项工作|牵头单位为…), and the pattern of one: Chinese characters or digits.
MAX_QUALIFIER = 4
QUALIFIER = f"[\\u4e00-\\u9fff\\d]{{1,{MAX_QUALIFIER}}}?"


@dataclass(frozen=True, eq=False)
class Lexicon:
    label_modifiers: dict[str, Role]
    unit_label_heads: tuple[str, ...]
    person_label_modifiers: tuple[str, ...]
    person_label_heads: tuple[str, ...]
    whole_labels: dict[str, Role]
    field_labels: dict[str, str]
    row_number_headers: tuple[str, ...]
    role_words: dict[str, Role]
    role_adverbs: tuple[str, ...]
    duty_adverbs: dict[str, list[str]]
    conjunctions: tuple[str, ...]
    clause_connectives: tuple[str, ...]  # 并, 同时: a clause with the subject of the one before
    unit_joiners: tuple[str, ...]
    time_words: tuple[str, ...]
    declarations: dict[str, dict[str, list[str]]]
    dropped_units: frozenset[str]
    organisation_suffixes: tuple[str, ...]
    collective_markers: tuple[str, ...]
    level_prefixes: tuple[str, ...]
    place_level_words: tuple[str, ...]
    grassroots_level_words: tuple[str, ...]  # 各村, 村（社区）: only whole, not in 农村
    general_places: tuple[str, ...]  # 各地: each locality, only whole after 各
    branch_words: tuple[str, ...]  # 农发行县支行: a branch's name goes on past its parent's
    area_finals: tuple[str, ...]  # 示范区大数据管理局: an area's word opening a body's name says whose
    township_words: tuple[str, ...]
    office_words: tuple[str, ...]
    establishing_verbs: tuple[str, ...]
    designating_verbs: tuple[str, ...]  # 市政府设立的|机构, 县级以上人民政府确定的|部门: whose it is
    setting_up_locatives: tuple[str, ...]  # 省人民政府|在各片区|设立…: where, between the setter and the verb
    delegating_verbs: tuple[str, ...]  # 省人民政府授权|管委会负责: who handed the body its duty
    subordinating_verbs: tuple[str, ...]  # 领导小组下设|办公室: a body set up inside another, named by it
    backing_verbs: tuple[str, ...]  # X支持Y建设: who backs what, no answerable unit
    system_heads: tuple[str, ...]  # ontology/platforms.json's heads: 平台, 网站, 大厅 name systems
    completion_adverbs: tuple[str, ...]  # 已由X印发实施: an act reported done, no task assigned
    report_particles: tuple[str, ...]  # X牵头完成了…: a report of what was done
    modals: tuple[str, ...]
    light_verbs: tuple[str, ...]  # 由X进行|监管和指导: the action a noun after them
    proper_name_most_frequent: int
    not_level_prefixes: tuple[str, ...]
    enterprise_suffixes: tuple[str, ...]
    own_prefixes: tuple[str, ...]
    writer_deictics: tuple[str, ...]
    own_body_words: tuple[str, ...]  # 部|信息中心: the writer's own ministry's
    addressee_deictics: tuple[str, ...]  # 你局, 贵委: the body a reply is addressed to
    levels_with_de: tuple[str, ...]  # 设区的市: a level term of the law, its 的 no clause's
    title_openers: tuple[str, ...]  # 关于: a document's title after its issuer (X：关于…的通知)
    relative_heads: tuple[str, ...]  # 本级政府, 本部门: each reader's own, no body
    relative_prefixes: tuple[str, ...]  # 所属业务主管部门: each item's own, no body
    nominalisers: tuple[str, ...]  # 由所涉及的|省政府办公厅…: which units are meant
    level_ranges: tuple[str, ...]  # 县级以上: a range of levels, a kind of body
    function_heads: tuple[str, ...]  # 数据主管部门: a body named by its function alone, a kind
    field_nouns: tuple[str, ...]  # 民政|部门: the bodies of a department's field, a kind
    class_nouns: tuple[str, ...]  # 生产|企业: a class of bodies, a kind whatever names it
    clause_prepositions: tuple[str, ...]  # X关于Y的通知, X对Y实施: a clause, no unit
    interrogatives: tuple[str, ...]  # 哪些部门 asks which bodies, names none
    hosting_roles: tuple[str, ...]  # 主办, 承办: who hosts, answerable only beside another role
    whole_marker: str
    person_titles: tuple[str, ...]
    work_nouns: tuple[str, ...]
    copulas: tuple[str, ...]
    subset_markers: tuple[str, ...]
    short_form_declarations: tuple[str, ...]  # X，以下简称“Y”: Y a name given, no unit
    ditto_marks: frozenset[str]
    duty_statements: dict[str, list[str]]
    central_levels: frozenset[str]
    label_levels: tuple[str, ...]
    place_bodies: frozenset[str]
    # The fields standard departments are called by (财政, 国土), from the gazetteer's institutions
    # (:meth:`extract.gazetteer.Institution.stems`): the gazetteer gives its own lexicon them.
    department_stems: frozenset[str] = frozenset()

    @kept
    def township_length(self, name: str) -> int:
        """Length of the township's or sub-district's name *name* opens with (勐马镇人民政府 → 3,
        丹凤街道 → 4): two to four characters, then a township word; 0 if none. (乡村振兴局 has
        none: no character stands before 乡.)

        >>> lexicon = load_lexicon()
        >>> [lexicon.township_length(n) for n in ("勐马镇人民政府", "丹凤街道", "乡村振兴局")]
        [3, 4, 0]
        """
        for word in self.township_words:
            for found in re.finditer(re.escape(word), name[: 4 + len(word)]):
                if found.start() >= 2:
                    return found.end()
        return 0

    @kept
    def names_a_department(self, name: str, *, bare: bool = False) -> bool:
        """Whether *name* is a department's field after a level (省财政), or with *bare* alone too
        (国土): alone, a field (政务服务, 金融) is as often the work as the body."""
        level = next((p for p in self.level_prefixes if name.startswith(p)), "")
        if level and name[len(level) :] in self.department_stems:
            return True
        return bare and name in self.department_stems

    def is_a_department(self, name: str) -> bool:
        """Whether *name* is a department's field and an organisation's word, with no level
        (科技局, 发展改革委): a body every place's government has, so a run's place is its place.

        >>> from extract.gazetteer import load_gazetteer
        >>> lexicon = load_gazetteer().lexicon
        >>> lexicon.is_a_department("科技局"), lexicon.is_a_department("街道办事处")
        (True, False)
        """
        return any(
            name.endswith(suffix) and name[: -len(suffix)] in self.department_stems
            for suffix in self.organisation_suffixes
        )

    def is_every_township_s_body(self, name: str) -> bool:
        """Whether *name* is a body every township has, no township named (镇人民政府, 街道办事处,
        乡（镇）人民政府): one in each, which a run's level does not reach (市发改委、镇人民政府) and,
        with no named body beside it, a kind; 亭子镇人民政府 and 乡村振兴局 are none.

        >>> lexicon = load_lexicon()
        >>> names = ("乡（镇）人民政府", "街道办事处", "亭子镇人民政府", "各乡镇人民政府", "乡村振兴局")
        >>> [lexicon.is_every_township_s_body(n) for n in names]
        [True, True, False, False, False]
        """
        bare = re.sub(r"[（(][^（()）]*[）)]", "", name)  # 乡（镇）: the bracket's levels are the same kind
        words = sorted((*self.township_words, *self.grassroots_level_words), key=len, reverse=True)
        rest = bare
        while found := next((w for w in words if rest.startswith(w)), None):
            rest = rest[len(found) :]
        return rest != bare and rest in self.place_bodies

    @cached_property
    def body_nouns(self) -> frozenset[str]:
        """The bare nouns for bodies (部门, 单位): organisations' words that alone name none.

        >>> sorted(load_lexicon().body_nouns)
        ['单位', '机构', '部门']
        """
        return self.dropped_units.intersection(self.organisation_suffixes)

    def is_collective(self, name: str) -> bool:
        """Whether *name* stands for many units: after 各 (各设区市), or with 有关, 相关, 直属 …
        anywhere in it (市直有关部门)."""
        return name.startswith(self.collective_markers[0]) or any(
            marker in name for marker in self.collective_markers[1:]
        )

    @cached_property
    def labels(self) -> dict[str, Role]:
        """Every label that names units, with the role of the units it names: each modifier
        with each unit head (牵头单位, 配合部门 …), maybe after the level of government whose units
        it names (市级牵头单位, 县级责任单位: a table of several levels), and the whole labels (部门分工).

        >>> lexicon = load_lexicon()
        >>> lexicon.labels["牵头单位"], lexicon.labels["配合部门"], lexicon.labels["部门分工"]
        ('lead', 'support', 'responsible')
        >>> lexicon.labels["县级牵头单位"]
        'lead'
        """
        composed = {m + h: role for (m, role), h in product(self.modifiers.items(), self.unit_label_heads)}
        leveled = {level + label: role for level, (label, role) in product(self.label_levels, composed.items())}
        return composed | leveled | self.whole_labels

    @cached_property
    def heading_labels(self) -> tuple[str, ...]:
        """The whole labels that are no role words (部门分工, 责任分工): written without a colon, a
        section's title.

        >>> load_lexicon().heading_labels
        ('部门分工', '责任分工')
        """
        return tuple(label for label in self.whole_labels if label not in self.role_words)

    @cached_property
    def modifiers(self) -> dict[str, Role]:
        """A label's modifiers with their roles: each listed one, each role word (the unit that
        leads, supervises or supports: 督办单位, 推进部门, 支持单位), and a listed lead's or
        support's followed by a listed one of duty, which keeps the first's role (牵头负责, 配合落实,
        相关责任).

        >>> modifiers = load_lexicon().modifiers
        >>> modifiers["牵头负责"], modifiers["相关责任"], "负责牵头" in modifiers
        ('lead', 'support', False)
        >>> modifiers["督办"], modifiers["支持"]
        ('responsible', 'support')
        """
        duty = [m for m, role in self.label_modifiers.items() if role == "responsible"]
        composed = {
            first + second: role
            for (first, role), second in product(self.label_modifiers.items(), duty)
            if role != "responsible"
        }
        return self.role_words | self.label_modifiers | composed

    @cached_property
    def modifier_lengths(self) -> frozenset[int]:
        """How long a label's modifier may be (牵头, 牵头负责): where a label may start before its head."""
        return frozenset(len(modifier) for modifier in self.modifiers)

    @cached_property
    def person_labels(self) -> frozenset[str]:
        """Labels whose value names people, not units (责任领导, 分管省领导, 责任人)."""
        modifiers = [*self.modifiers, *self.person_label_modifiers]
        return frozenset(m + h for m, h in product(modifiers, self.person_label_heads))

    @cached_property
    def place_levels_pattern(self) -> re.Pattern[str]:
        """Level words of places one after another (县, 旗县, 县市区): places written bare."""
        return re.compile(f"(?:{alternation(self.place_level_words)})+")

    @cached_property
    def unit_label_pattern(self) -> re.Pattern[str]:
        """A unit label as a word, with no colon: the labels of a table header's columns, written
        on one line with or without blanks between them (序号重点任务牵头单位配合单位完成时限).

        >>> [m.group(0) for m in load_lexicon().unit_label_pattern.finditer("序号重点任务牵头单位配合单位")]
        ['牵头单位', '配合单位']
        """
        return re.compile(alternation(self.labels))

    @cached_property
    def label_pattern(self) -> re.Pattern[str]:
        """Any label followed by a colon, longest label first; white space may stand between
        a label's characters (``完 成时限:``), as it does in copies of table cells. Other unit
        heads may be joined to the label's (责任部门、单位: the units and the departments
        answerable), and fields whose values close the note (责任单位和完成时限) or people
        (牵头单位及责任人: the unit, then who answers in it). Group 1 is the
        label as written; :meth:`label_of` names it.

        >>> pattern = load_lexicon().label_pattern
        >>> pattern.match("责任部门、单位：市政府办公厅").group(1), pattern.match("牵头单位和部门:甲局").group(1)
        ('责任部门', '牵头单位')
        >>> pattern.match("牵头单位及责任人：县人社局 局长 陈国华").group(1)
        '牵头单位'
        """
        words = [*self.labels, *self.person_labels, *self.field_labels]
        spaced = alternation(words, between="\\s*") + "|" + self._acting_label("(?:")  # 牵头|考核|单位
        joiners = alternation(["、", "/", *self.unit_joiners])
        # 责任单位和完成时限: units, then when; 牵头单位及责任人: units, then the people answerable
        joined = alternation([*self.unit_label_heads, *self.field_labels, *self.person_labels])
        joined_heads = f"(?:\\s*(?:{joiners})\\s*(?:{joined}))*"
        return re.compile(f"({spaced}){joined_heads}\\s*(?:{self.label_aside_pattern.pattern})?\\s*[：:]")

    @cached_property
    def spaced_label_pattern(self) -> re.Pattern[str]:
        """A label opening a line with blank space in place of a colon, as a form's fields are
        copied (牵头单位    市数据局); group 1 is the label, group 2 the space. What follows must open
        as a unit does (see :attr:`copula_label_pattern`)."""
        words = alternation(w for w in self.labels if w not in self.role_words)
        opens = alternation([*self.level_prefixes, *self.own_prefixes, *self.collective_markers])
        return re.compile(f"^[ \\t\u3000]*({words})([ \u3000]{{2,}}|\\t|\u3000)(?={opens})", re.M)

    @cached_property
    def bracketed_label_pattern(self) -> re.Pattern[str]:
        """A label set in square or lenticular brackets in place of a colon (【责任单位】); group 1
        is the brackets' content. A role word in brackets after a unit (A【牵头】) marks its role."""
        labels = [*self.labels, *self.person_labels, *self.field_labels]
        words = sorted((w for w in labels if w not in self.role_words), key=len, reverse=True)
        return re.compile(f"[【\\[〔]((?:{alternation(words)}))[】\\]〕]")

    @cached_property
    def copula_label_pattern(self) -> re.Pattern[str]:
        """A label at a clause's start, maybe after a qualifier (:data:`QUALIFIER`: 该项工作, 其中),
        with a copula in place of a colon (责任单位为A、B; 该项工作牵头单位为A); group 1 is the
        qualifier, group 2 the label, group 3 the copula. What follows must open as a unit does,
        with a level, an owner or a collective marker (市数据局, 各县区), with no 的 in its clause:
        牵头单位为各项任务的第一责任人 and 第一责任单位为牵头单位 say what a label means, no note.

        >>> found = load_lexicon().copula_label_pattern.search("推进改革。该项工作牵头单位为区审批局")
        >>> found.group(1), found.group(2)
        ('该项工作', '牵头单位')
        """
        words = alternation(sorted((w for w in self.labels if w not in self.role_words), key=len, reverse=True))
        opens = alternation([*self.level_prefixes, *self.own_prefixes, *self.collective_markers])
        return re.compile(
            f"(?:^|(?<=[，。；（(\\s]))((?:{QUALIFIER})?)({words})({alternation(self.copulas)})(?={opens})"
            f"(?![^，。；\\n]*的)(?!{words})",
            re.M,
        )

    @cached_property
    def label_aside_pattern(self) -> re.Pattern[str]:
        """Another name of a label's head in brackets after it (落实科室（部门）, 责任单位(部门)), or
        the people a column of units names beside them (责任单位（责任人）).

        >>> lexicon = load_lexicon()
        >>> lexicon.label_pattern.match("落实科室（部门）：办公室").group(1)
        '落实科室'
        """
        asides = [*self.unit_label_heads, *self.person_labels, *self.person_label_heads]
        return re.compile(f"[（(](?:{alternation(asides)})[）)]")

    def column_name(self, cell: str) -> str:
        """A table's header cell as a label where it names one: white space and a bracketed aside
        (:attr:`label_aside_pattern`) removed, and a qualifier of what or whose the units are before
        the label (整改|责任单位, 州级|牵头单位: :data:`QUALIFIER`); the cell so cleaned otherwise.

        >>> lexicon = load_lexicon()
        >>> lexicon.column_name("整改责任单位"), lexicon.column_name("责 任 单 位（责任人）")
        ('责任单位', '责任单位')
        >>> lexicon.column_name("工作任务"), lexicon.column_name("市直相关部门")
        ('工作任务', '市直相关部门')
        """
        name = self.label_aside_pattern.sub("", "".join(cell.split()))
        if name not in self.labels and (acting := self._acting_column_pattern.fullmatch(name)) is not None:
            return acting.group(1) + acting.group(2)  # 负责|考核|部门: the units that assess, as 负责部门
        qualified = self._qualified_column_pattern.fullmatch(name)
        if qualified is None or name in self.labels or self.is_collective(name):
            return name  # 市直相关部门: units, no label
        return qualified.group(1)  # 整改|责任单位, 州级|牵头单位, 县市|责任单位: whose or what for

    @cached_property
    def _acting_column_pattern(self) -> re.Pattern[str]:
        """A label's modifier, the act its units answer for, and its head (负责|考核|部门,
        牵头|推进|单位), as a header cell or a label: group 1 the modifier, group 2 the head. The act
        is no modifier itself (主要|协作|单位 is a qualifier and a label)."""
        return re.compile(self._acting_label("("))

    def _acting_label(self, group: str) -> str:
        """The pattern of :attr:`_acting_column_pattern`, its modifier and head each in a *group*
        that opens so (``(`` to capture, ``(?:`` inside :attr:`label_pattern`)."""
        modifiers = alternation(sorted(self.modifiers, key=len, reverse=True))
        return f"{group}{modifiers})(?!{modifiers})[\u4e00-\u9fff]{{2}}{group}{alternation(self.unit_label_heads)})"

    @cached_property
    def relative_phrase_pattern(self) -> re.Pattern[str]:
        """A relative phrase opening a run of units: a nominaliser, a verb of a few characters and
        的 (所涉及的), before a level (省, 市 …) that the first unit opens with.

        >>> found = load_lexicon().relative_phrase_pattern.match("所涉及的省政府办公厅、住房城乡建设厅")
        >>> found.group(0)
        '所涉及的'
        """
        levels = alternation(self.level_prefixes)
        return re.compile(f"(?:{alternation(self.nominalisers)})[\u4e00-\u9fff]{{1,3}}的(?={levels})")

    @cached_property
    def _qualified_column_pattern(self) -> re.Pattern[str]:
        labels = alternation(sorted(self.labels, key=len, reverse=True))
        return re.compile(f"[\u4e00-\u9fff]{{1,{MAX_QUALIFIER}}}({labels})")

    def label_of(self, written: str) -> str:
        """The label *written* (a match of :attr:`label_pattern`) without its white space, a label
        naming the act its units answer for (牵头|考核|单位) as the label without it (牵头单位)."""
        label = "".join(written.split())
        if label not in self.labels and (acting := self._acting_column_pattern.fullmatch(label)) is not None:
            return acting.group(1) + acting.group(2)
        return label

    def names_the_writer(self, name: str) -> bool:
        """Whether *name* is the writer's own body, a deictic and an organisation's word (我办, 本局).

        >>> lexicon = load_lexicon()
        >>> lexicon.names_the_writer("我办"), lexicon.names_the_writer("本委"), lexicon.names_the_writer("我市")
        (True, True, False)
        """
        return name[:1] in self.writer_deictics and name[1:] in self.organisation_suffixes

    @cached_property
    def township_levels_pattern(self) -> re.Pattern[str]:
        """Two or more level words of townships and below run together (乡镇, 乡镇街道).

        >>> load_lexicon().township_levels_pattern.fullmatch("乡镇街道") is not None
        True
        """
        words = sorted({*self.township_words, *self.grassroots_level_words}, key=len, reverse=True)
        return re.compile(f"(?:{alternation(words)}){{2,}}")

    def names_the_addressee(self, name: str) -> bool:
        """Whether *name* is the body the document is addressed to, a deictic of the second person
        and an organisation's word (你局, 贵委: a reply gives its addressee the task).

        >>> lexicon = load_lexicon()
        >>> [lexicon.names_the_addressee(name) for name in ("你局", "贵委", "你们")]
        [True, True, False]
        """
        return name[:1] in self.addressee_deictics and name[1:] in self.organisation_suffixes

    def holds_a_clause_s_de(self, name: str) -> bool:
        """Whether *name* holds a 的 that opens a clause (负责…建设的|组织实施), not one inside a level
        term of the law (各设区的市人民政府: the level of cities divided into districts).

        >>> lexicon = load_lexicon()
        >>> [lexicon.holds_a_clause_s_de(n) for n in ("各设区的市人民政府", "负责建设的单位", "市人民政府")]
        [False, True, False]
        """
        for term in self.levels_with_de:
            name = name.replace(term, "")
        return "的" in name

    def names_a_relative(self, name: str) -> bool:
        """Whether *name* is relative to whoever reads it, a deictic and a relative head
        (本级政府, 本部门), or a relative prefix (所属业务主管部门): each reader's own, no body.

        >>> lexicon = load_lexicon()
        >>> [lexicon.names_a_relative(n) for n in ("本级政府", "本部门", "所属主管部门", "本局办公室", "我办")]
        [True, True, True, False, False]
        """
        deictic = name[:1] in self.writer_deictics and name[1:].startswith(self.relative_heads)
        return deictic or name.startswith(self.relative_prefixes)

    def names_no_body(self, name: str) -> bool:
        """Whether a run read as a unit names no body: it is relative to its reader (本级政府,
        :meth:`names_a_relative`), or a clause, a preposition standing in it as a word of its own
        (X关于Y的通知, a title; X对Y实施…).

        >>> lexicon = load_lexicon()
        >>> names = ("本部门", "省政府办公厅关于加强门户网站", "市数据局对全市平台", "市对外经济贸易局", "省政府办公厅")
        >>> [lexicon.names_no_body(n) for n in names]
        [True, True, True, False, False]
        >>> lexicon.names_no_body("县级以上人民政府生态环境主管部门"), lexicon.names_no_body("县级人民政府")
        (True, False)
        """
        if self.names_a_relative(name) or self.range_of_levels_pattern.search(name):
            return True  # 本部门; 县级以上人民政府X主管部门: a kind at each level of a range
        return holds_a_word(name, self.clause_prepositions, start=1) and not self.located_pattern.search(name)

    @cached_property
    def range_of_levels_pattern(self) -> re.Pattern[str]:
        """A level and a word making it a range (县级以上, 乡镇以下)."""
        levels = alternation([*self.place_level_words, *self.grassroots_level_words])
        return re.compile(f"(?:{levels})级?(?:{alternation(self.level_ranges)})")

    @cached_property
    def located_pattern(self) -> re.Pattern[str]:
        """The end of a body's name that says where its members sit: 在 and a place's name of one
        character before a body's word (中央在渝单位, 各在汉高校: those located in 渝, in 汉), no
        preposition opening a clause.

        >>> [bool(load_lexicon().located_pattern.search(n)) for n in ("中央在渝单位", "市数据局在全市推广")]
        [True, False]
        """
        return re.compile(f"在[\u4e00-\u9fff][\u4e00-\u9fff]{{0,3}}?(?:{alternation(self.organisation_suffixes)})$")

    @cached_property
    def own_level_prefixes(self) -> tuple[str, ...]:
        """Starts of a name that say whose it is without a level before them: the own prefixes
        (国家, 中央, 各) and a whole level (全省, 全区), which a run's first level never reaches.

        >>> "全区" in load_lexicon().own_level_prefixes
        True
        """
        return self.own_prefixes + tuple(self.whole_marker + word for word in self.place_level_words)

    @cached_property
    def adverb_alternation(self) -> str:
        """The adverbs a role word may follow: the listed ones and the adverbials of duty composed
        from :attr:`duty_adverbs` (a preposition or none, an owner, with 的 or without, then duty
        nouns: 按分工, 分工, 按照各自的职责).

        >>> pattern = re.compile(f"(?:{load_lexicon().adverb_alternation})+$")
        >>> [bool(pattern.match(a)) for a in ("分别", "按分工", "根据各自职责", "按照各自的职责", "分工", "按要求")]
        [True, True, True, True, True, False]
        """
        duty = self.duty_adverbs
        composed = (
            f"(?:{alternation(duty['prepositions'])})?(?:(?:{alternation(duty['owners'])})的?)?"
            f"(?:{alternation(duty['nouns'])}){{1,2}}"
        )
        return f"{alternation(self.role_adverbs)}|{composed}"

    @cached_property
    def duty_statement_pattern(self) -> re.Pattern[str]:
        """What ends a subject that states its duties before naming them (X的主要职责是：负责…,
        X职责为负责…): its duty noun, a role adverb before it and a copula after it.

        >>> load_lexicon().duty_statement_pattern.search("县信息中心的主要职责是").start()
        5
        """
        return re.compile(f"{self._duty_statement}[：:]?$")

    @cached_property
    def _duty_statement(self) -> str:
        """A subject's statement of its duties (的主要职责是): a duty noun, a role adverb before it
        and a copula after it, then blanks; :attr:`duty_statement_pattern` and
        :attr:`duties_listed_pattern` end it each their way."""
        nouns = alternation(self.duty_adverbs["nouns"])
        return f"的?(?:{alternation(self.role_adverbs)})?(?:{nouns})(?:{alternation(self.copulas)})?\\s*"

    @cached_property
    def duties_heading_pattern(self) -> re.Pattern[str]:
        """A heading that names a label's duties with no colon after it (牵头部门职责, 配合单位职责),
        which a copy on one line glues to the first unit it lists.

        >>> load_lexicon().duties_heading_pattern.match("配合部门职责省数政局").group(0)
        '配合部门职责'
        >>> load_lexicon().duties_heading_pattern.match("配合部门职责：省数政局") is None
        True
        """
        nouns = alternation(self.duty_adverbs["nouns"])
        return re.compile(f"(?:{alternation(self.labels)})(?:{nouns})(?![：:，,])")

    @cached_property
    def duties_listed_pattern(self) -> re.Pattern[str]:
        """A subject's statement of its duties before a colon, the duties listed after it
        (X主要职责为：搭建…): a duty noun, a role adverb before it and a copula after it.

        >>> load_lexicon().duties_listed_pattern.search("市数据局主要职责为：搭建平台").group(0)
        '主要职责为：'
        """
        return re.compile(f"{self._duty_statement}[：:]")

    @cached_property
    def body_endings(self) -> tuple[str, ...]:
        """The organisation's words and persons' titles, which end a unit's name (局, 管委会, 主任)."""
        return (*self.organisation_suffixes, *self.person_titles)

    @cached_property
    def all_level_words(self) -> frozenset[str]:
        """The level words of places and of grassroots places (乡, 村, 社区), each whole."""
        return frozenset((*self.place_level_words, *self.grassroots_level_words))

    @cached_property
    def one_character_suffixes(self) -> frozenset[str]:
        """The organisation's words of one character (局, 委, 办), which end names and open none."""
        return frozenset(s for s in self.organisation_suffixes if len(s) == 1)

    @cached_property
    def organisation_words(self) -> tuple[str, ...]:
        """The organisation's words of several characters (机构, 中心, 委员会), longest first."""
        return tuple(sorted((s for s in self.organisation_suffixes if len(s) > 1), key=len, reverse=True))

    @cached_property
    def system_endings(self) -> tuple[str, ...]:
        """The heads of systems' names that end as a body's name does in one character (平台 and
        中台 in 台, 网站 in 站, 大厅 in 厅): a name ending in one names a system, no body (第五章
        平台|支撑), where 电视台, 工作站 and 办公厅 are bodies.

        >>> load_lexicon().system_endings
        ('平台', '中台', '网站', '网上办事大厅', '大厅')
        """
        one_character = self.one_character_suffixes
        return tuple(head for head in self.system_heads if len(head) > 1 and head[-1] in one_character)

    @cached_property
    def compound_suffixes(self) -> tuple[str, ...]:
        """The body endings of several characters (管委会, 支行, 书记): a name ending in one ends in
        it whatever verb a character of it might also end."""
        return tuple(s for s in self.body_endings if len(s) > 1)

    @cached_property
    def _role_word_pattern(self) -> re.Pattern[str]:
        return re.compile(alternation(self.modifiers))

    def hosts_only(self, text: str) -> bool:
        """Whether every role word of *text* is one of hosting (主办, 承办), and it holds one; a role
        word that opens an organisation's word of several characters is a name's (技能鉴定|指导中心).

        >>> lexicon = load_lexicon()
        >>> lexicon.hosts_only("本次大赛由市体育局主办，市体育中心承办")
        True
        >>> lexicon.hosts_only("市发改委主办，市职业技能鉴定指导中心承办")
        True
        >>> lexicon.hosts_only("市发改委主办，市财政局协办")
        False
        """
        words = [m.group(0) for m in self._role_word_pattern.finditer(text) if not self.opens_a_name(text, m.end())]
        return bool(words) and all(word in self.hosting_roles for word in words)

    def opens_a_name(self, text: str, end: int) -> bool:
        """Whether the role word ending at *end* opens an organisation's word of several characters
        and so a body's name (实施|机构, 指导|中心), not a label (牵头|单位：, 主办|单位：).

        >>> lexicon = load_lexicon()
        >>> lexicon.opens_a_name("技能鉴定指导中心承办", 6), lexicon.opens_a_name("主办单位：县政府办公室", 2)
        (True, False)
        >>> lexicon.opens_a_name("区税务局负责企业登记", 6), lexicon.opens_a_name("社发办负责园区、企业", 5)
        (False, False)
        >>> lexicon.opens_a_name("会同主责单位组织评价", 4)
        True

        An area's word (园区, 开发区) names a place, where a body's head would follow: a role word
        before it takes it as its object.
        """
        word = next(
            (w for w in self.organisation_words if text.startswith(w, end) and not w.endswith(self.area_finals)), ""
        )
        after = end + len(word)
        if not word or text[after : after + 1] in "：:":
            return False
        if any(text[end - length : after] in self.labels for length in self.modifier_lengths):
            return True  # 会同主责|单位|组织…: a label written as a noun names the body in that role
        # the word ends the name: what follows is no noun of the task (负责|企业|登记: the object)
        return not is_han(text[after : after + 1]) or self.role_clause_pattern.match(text, after) is not None

    @cached_property
    def role_phrase_pattern(self) -> re.Pattern[str]:
        """A role phrase ending a group: adverbs, then one or more role words (分别牵头负责落实,
        按职责分工负责, 配合). Searched with ``$`` so the earliest start gives the whole phrase."""
        adverbs = self.adverb_alternation
        words = alternation(self.role_words)
        return re.compile(f"(?:{adverbs})*(?:{words})+(?:工作)?$")

    @cached_property
    def blank_after_role_pattern(self) -> re.Pattern[str]:
        """A blank right after a role word (市数据局牵头 市公安局配合, as a table's cell is copied):
        it parts two groups as 、 does. Group 1 is the role word.

        >>> load_lexicon().blank_after_role_pattern.sub(r"\\1、", "甲局牵头　乙局配合")
        '甲局牵头、乙局配合'
        """
        return re.compile(f"({alternation(self.role_words)})[ \u3000](?=\\S)")

    @cached_property
    def designated_body_pattern(self) -> re.Pattern[str]:
        """A body named by who set it up or designated it: group ``whose`` (bodies or levels),
        a designating verb and 的, or a verb of setting up or handing a duty whose object it is
        (市人民政府设立|开发区管理委员会，负责…; 省人民政府授权|管委会负责…; not 明确|专业机构负责…, a
        kind the verb picks), group ``body`` (its name, no 的 in it).

        >>> found = load_lexicon().designated_body_pattern.fullmatch("县级以上人民政府确定的主管部门")
        >>> found.group("whose"), found.group("body")
        ('县级以上人民政府', '主管部门')
        >>> load_lexicon().designated_body_pattern.fullmatch("市人民政府设立开发区管理委员会").group("body")
        '开发区管理委员会'
        """
        setting_up = [verb for verb in self.designating_verbs if verb in self.establishing_verbs]
        handing = [*setting_up, *self.delegating_verbs]  # the body the verb's object
        verbs = f"(?:{alternation([*self.designating_verbs, *self.delegating_verbs])})的|(?:{alternation(handing)})"
        return re.compile(f"(?P<whose>.+?)(?:{verbs})(?P<body>[^的]+)")

    @cached_property
    def role_clause_pattern(self) -> re.Pattern[str]:
        """A role phrase inside running text (由X牵头负责网上…): the first one, not the last."""
        adverbs = self.adverb_alternation
        words = alternation(self.role_words)
        return re.compile(f"(?:{adverbs})*(?:{words})+")

    @cached_property
    def role_aside_pattern(self) -> re.Pattern[str]:
        """A unit's role written after it apart from the run: in brackets of any kind
        (市发改委（牵头）, 〔牵头〕, （牵头单位）), by a copula and a label (为牵头单位; 为辖区河道管护
        第一责任单位 at a clause's end) or by a duty it bears at a clause's end (承担数字化转型主体
        责任: ``duty_statements``). Group ``role`` holds a role phrase, ``label`` a label or ``duty``
        a duty; :meth:`role_aside` rewrites each as a role phrase.

        >>> lexicon = load_lexicon()
        >>> found = lexicon.role_aside_pattern.finditer("甲局（牵头）、乙局为配合单位、丙局〔配合〕")
        >>> [lexicon.role_aside(m) for m in found]
        ['牵头', '配合', '配合']
        >>> found = lexicon.role_aside_pattern.finditer("甲局承担转型主体责任，乙局履行牵头职责")
        >>> [lexicon.role_aside(m) for m in found]
        ['负责', '牵头']
        """
        adverbs = self.adverb_alternation
        words = alternation(self.role_words)
        labels = alternation(sorted(self.labels, key=len, reverse=True))
        opening, closing = (f"[{re.escape(brackets)}]" for brackets in (OPENING_BRACKETS, CLOSING_BRACKETS))
        heads = alternation(self.unit_label_heads)
        bracket = f"{opening}(?P<role>(?:{adverbs})*(?:{words})+)(?:{heads})?{closing}"
        scope = "[^，。；、：:（）()\\s]{1,16}?"  # 承担|数字化转型|主体责任: what the unit answers for
        # 为辖区河道管护|第一责任单位, 是本辖区乡村道路、村内道路养护的|实施主体: a copula's, a list too
        listed_scope = "[^，。；：:（）()\\s]{1,24}?"
        d = self.duty_statements
        leads = [word for word, role in self.role_words.items() if role == "lead"]  # 牵头, 主责: kinds too
        kinds, nouns, kind_nouns = (
            alternation([*leads, *d["kinds"]]),
            alternation(d["nouns"]),
            alternation(d["kind_nouns"]),
        )
        duty_noun = f"(?:{kinds})?(?:{nouns})|(?:{kinds})(?:{kind_nouns})"  # 牵头作用, not 桥梁纽带作用
        duty = f"(?P<bearing>{alternation(d['verbs'])})(?P<duty_scope>{scope})??(?P<duty>{duty_noun})"
        return re.compile(
            f"{bracket}|(?:{alternation(self.copulas)})(?P<scope>{listed_scope})??(?P<label>{labels})"
            "(?(scope)(?=[，。；、）)]|$))"
            f"|{duty}(?=[，。；、）)]|$)"
        )

    def aside_holds(self, match: re.Match[str], text: str) -> bool:
        """Whether a match of :attr:`role_aside_pattern` in *text* is a role aside: with words
        between the copula and the label (各镇为辖区河道管护第一责任单位), only where the copula is a
        word of its own (not 行为) and the label names units (not 配合, a role's label alone).

        >>> lexicon = load_lexicon()
        >>> texts = ("甲镇为辖区第一责任单位", "行为发生地配合")
        >>> [lexicon.aside_holds(lexicon.role_aside_pattern.search(t), t) for t in texts]
        [True, False]
        """
        if match.group("bearing"):  # 承担|数字化转型|主体责任: the verb a word of its own, not 担负
            return stands_alone(text, match.start(), match.end("bearing"))
        if not match.group("scope"):
            return True
        copula_end = match.start("scope")
        return match.group("label").endswith(self.unit_label_heads) and stands_alone(text, match.start(), copula_end)

    def role_aside(self, match: re.Match[str]) -> str:
        """The role phrase a match of :attr:`role_aside_pattern` says: the bracket's, or the
        label's role by its first role word."""
        if match.group("role"):
            return match.group("role")
        if match.group("duty"):  # X承担…主体责任: X answers; X履行牵头职责: X leads
            lead = match.group("duty").startswith(tuple(w for w, its in self.role_words.items() if its == "lead"))
            return next(word for word, its in self.role_words.items() if its == ("lead" if lead else "responsible"))
        role = self.labels[match.group("label")]
        return next(word for word, its in self.role_words.items() if its == role)

    @cached_property
    def institution_suffixes(self) -> tuple[str, ...]:
        """The organisation suffixes that end no place's or zone's name (管委会, 人民政府; not 开发区,
        新区), longest first: what a zone's or place's name is written with to name its body."""
        kept = (s for s in self.organisation_suffixes if not s.endswith(self.place_level_words))
        return tuple(sorted(kept, key=len, reverse=True))

    @cached_property
    def lead_noun_pattern(self) -> re.Pattern[str]:
        """A lead role word used as a noun, after 的 (负责乡村振兴的牵头抓总)."""
        leads = [word for word, role in self.role_words.items() if role == "lead"]
        return re.compile(f"的(?:{alternation(leads)})")

    @cached_property
    def subset_pattern(self) -> re.Pattern[str]:
        """The start of a clause about some units already listed (其中X牵头)."""
        return re.compile(f"\\s*(?:{alternation(self.subset_markers)})")

    @cached_property
    def work_heading_pattern(self) -> re.Pattern[str]:
        """What a heading that names its lead says after the role (省审计厅牵头的工作)."""
        return re.compile(f"的?(?:{alternation(self.work_nouns)})$")

    @cached_property
    def described_work_pattern(self) -> re.Pattern[str]:
        """What follows a role that describes a unit's work in general (科技部参与的工作如下),
        where a note would name a task (X牵头的“三大平台”建设)."""
        return re.compile(f"的(?:{alternation(self.work_nouns)})")

    @cached_property
    def supporting_words(self) -> tuple[str, ...]:
        """The role words that give support (配合, 协助 …), the longest first."""
        return tuple(sorted((w for w, r in self.role_words.items() if r == "support"), key=len, reverse=True))

    def role_of_phrase(self, phrase: str) -> Role:
        """A phrase leads if any of its words leads (牵头负责); else it has its first word's role.

        >>> lexicon = load_lexicon()
        >>> [lexicon.role_of_phrase(p) for p in ("分别牵头落实", "配合落实", "按职责分工负责")]
        ['lead', 'support', 'responsible']
        """
        found = [(phrase.find(word), role) for word, role in self.role_words.items() if word in phrase]
        if any(role == "lead" for _, role in found):
            return "lead"
        return min(found)[1] if found else "responsible"  # type: ignore[return-value]

    @cached_property
    def time_pattern(self) -> re.Pattern[str]:
        """The start of a stretch that says when, not who (年内持续推进, 2025年6月底前完成)."""
        when = f"\\d{{1,4}}\\s*[年月日]|{alternation(self.time_words)}"
        return re.compile(f"(?:{when})(?:{when}|前|内|起|底)*")

    @cached_property
    def conjunction_pattern(self) -> re.Pattern[str]:
        return re.compile(alternation(self.conjunctions))

    @cached_property
    def partnering_pattern(self) -> re.Pattern[str]:
        """A conjunction of two characters or more (会同, 联合), which names partners wherever it
        stands; 会 alone does only as a word of its own (工业和信息化部|会|…, not 社会).

        >>> load_lexicon().partnering_pattern.findall("市发改委会同市财政局联合社会组织")
        ['会同', '联合']
        """
        return re.compile(alternation([c for c in self.conjunctions if len(c) > 1]))

    @cached_property
    def joiner_pattern(self) -> re.Pattern[str]:
        return re.compile(alternation(self.unit_joiners))

    @cached_property
    def marked_lead_pattern(self) -> re.Pattern[str]:
        """A legend that a mark marks the lead (标★的为牵头单位, 带*号的单位为牵头部门); group
        ``mark`` is the mark.

        >>> [m.group("mark") for m in load_lexicon().marked_lead_pattern.finditer("注：标★的为牵头单位。")]
        ['★']
        """
        d, first = self.declarations["marked_lead"], self.declarations["first_lead"]
        markings, marks, signs = (alternation(d[k]) for k in ("markings", "marks", "signs"))
        nouns, work = alternation(first["nouns"]), alternation(self.work_nouns)
        return re.compile(
            f"(?:{markings})?(?P<mark>{marks})(?:{signs})?(?:的|者)?(?:{nouns})?(?:为|是|表示)(?:{work})?牵头(?:{nouns})?"
        )

    @cached_property
    def first_lead_pattern(self) -> re.Pattern[str]:
        """A declaration that the first unit listed leads: 排在第一位的部门为牵头部门，下同;
        the lead may be named with a work noun and another noun beside it (为工作牵头单位或汇总单位);
        the rank may stand without a verb, with a measure word or a label after it (第一个单位,
        第一责任单位, 责任单位中第一个); what the others are may follow (其余为配合单位).

        >>> pattern = load_lexicon().first_lead_pattern
        >>> bool(pattern.fullmatch("列第一位者为工作牵头单位或汇总单位，下同"))
        True
        >>> bool(pattern.fullmatch("责任单位中第一个为牵头单位"))
        True
        >>> bool(pattern.fullmatch("排名第一的单位为牵头单位，其余为配合单位"))
        True
        """
        d = self.declarations["first_lead"]
        verbs, ranks, tails, alternatives = (alternation(d[k]) for k in ("verbs", "ranks", "tails", "alternatives"))
        noun, work = alternation(d["nouns"]), alternation(self.work_nouns)
        measures, others, roles = alternation(d["measures"]), alternation(d["others"]), alternation(self.role_words)
        nouns = f"(?:(?:{noun})(?:(?:{alternatives})[^，。；（）]{{0,4}}?(?:{noun}))?)"
        labels = alternation(self.labels)  # 责任单位排在首位的为牵头单位
        rank = f"(?:(?:{labels})中?)?(?:{verbs})?(?:{ranks})(?:{measures})?(?:的|者)?(?:{labels}|{nouns})?"
        rest = f"(?:[，]\\s*(?:{others})(?:的)?{nouns}?为(?:{roles}){nouns})?"
        return re.compile(
            f"[，。；]?\\s*{rank}为(?:{work})?牵头{nouns}?{rest}(?:[，]?\\s*(?:[^。；，]{{1,30}}[，]\\s*)?(?:{tails}))?"
        )

    @cached_property
    def phrase_lead_pattern(self) -> re.Pattern[str]:
        """A declaration that a role phrase makes the units before it leads (分工负责为各部门按职责
        分别牵头，下同); group ``phrase`` is the phrase declared.

        >>> found = load_lexicon().phrase_lead_pattern.search("X配合，分工负责为各部门按职责分别牵头，下同）")
        >>> found.group("phrase"), found.group(0)
        ('分工负责', '，分工负责为各部门按职责分别牵头，下同')
        """
        first, d = self.declarations["first_lead"], self.declarations["phrase_lead"]
        adverbials, roles = self.adverb_alternation, alternation(self.role_words)
        whose = f"(?:{alternation(self.collective_markers)})?(?:{alternation(first['nouns'])})"
        adverbs, tails = alternation(d["adverbs"]), alternation(first["tails"])
        return re.compile(
            f"[，。；]?\\s*(?P<phrase>(?:{adverbials})*(?:{roles}))为(?:{whose})?(?:{adverbials})*(?:{adverbs})?牵头"
            f"(?:[，]\\s*(?:{tails}))?"
        )

    @cached_property
    def carry_forward_pattern(self) -> re.Pattern[str]:
        """A declaration that units answer for every later item: 以下任务均需X落实，不再一一列出;
        除专门列出外，以下任务均涉及X，不再重复; the object may have a modifier (以下政策措施).
        Without 以下 first, the tail 下同 (likewise below) says that it carries forward: 具体任务均涉及X，
        不再做分工，下同. Group ``units`` is X.

        >>> pattern = load_lexicon().carry_forward_pattern
        >>> pattern.search("以下政策措施均需各县人民政府落实，不再单独列出")["units"]
        '各县人民政府'
        >>> pattern.search("各项工作均涉及各区政府，不再分工，下同")["units"]
        '各区政府'
        >>> pattern.search("各项工作均涉及各区政府，不再分工") is None
        True

        Or 以下 before the negation says so (各项措施均需各市政府落实，以下不再列出).

        >>> pattern.search("各项措施均需各市政府落实，以下不再列出")["units"]
        '各市政府'

        The units may also stand before the adverb, as the verb's subject (以下任务各区政府均需落实，
        不再一一列出); group ``subject`` is then X.

        >>> pattern.search("以下任务各区政府均需落实，不再一一列出")["subject"]
        '各区政府'
        """
        d = self.declarations["carry_forward"]
        part = {k: alternation(v) for k, v in d.items()}
        roles, tails = alternation(self.role_words), alternation(self.declarations["first_lead"]["tails"])
        scope = f"(?:[^，。；]{{0,4}}?(?:{part['objects']}))"
        declared = (
            f"(?:(?:{part['adverbs']})?(?:{part['verbs']})(?P<units>[^。；]{{2,80}}?)"
            f"|(?P<subject>[^。；，]{{2,80}}?)(?:{part['adverbs']})(?:{part['verbs']})?)"
        )
        return re.compile(
            f"[，。；]?\\s*(?:{self.exception_pattern}[，]?\\s*)?(?:以下(?:{part['quantifiers']})?{scope}?|(?P<scope>{scope}))"
            f"{declared}(?:{roles})*[，]?\\s*(?P<below>以下)?"
            f"(?:{part['negations']})(?:{part['manners']})?(?:{part['listings']})(?(scope)(?(below)|[，]\\s*(?:{tails})))"
        )

    @cached_property
    def declaration_anchor_pattern(self) -> re.Pattern[str]:
        """A word every declaration for later items holds: 以下 (below), a tail (下同) or the
        opening of an exception (除…外); a sentence without one declares nothing.

        >>> [m.group(0) for m in load_lexicon().declaration_anchor_pattern.finditer("甲。以下任务均需乙落实，下同")]
        ['以下', '下同']
        """
        d = self.declarations
        openings = {exception[0] for exception in d["carry_forward"]["exceptions"]}  # 除
        return re.compile(alternation(["以下", *d["first_lead"]["tails"], *openings]))

    @cached_property
    def exception_pattern(self) -> str:
        """The clause that opens a declaration for every item but those that say otherwise
        (除专门列出外, 除特别注明的外: 的 may stand before 外)."""
        written = [e.removesuffix("外") for e in self.declarations["carry_forward"]["exceptions"]]
        return f"(?:{alternation(written)})的?外"

    @cached_property
    def carry_forward_label_pattern(self) -> re.Pattern[str]:
        """A declaration that gives units a label for every item but those that say otherwise:
        除特别注明的外，各县（市、区）政府和开发区管委会都是配合单位, or for this item and those
        below it, as a tail says: 各市州、县市区人民政府均为责任单位，以下不再列出 (…，下同).
        Without either, no item but its own is meant. Group ``units`` is the units.

        >>> pattern = load_lexicon().carry_forward_label_pattern
        >>> pattern.search("除另有说明外，各区政府均为配合单位。")["units"]
        '各区政府'
        >>> pattern.search("负责。各区政府均为责任单位，以下不再一一列出")["units"]
        '各区政府'
        >>> pattern.search("各区政府均为配合单位。") is None
        True
        """
        d = self.declarations["carry_forward"]
        adverbs, negations = alternation(d["adverbs"]), alternation(d["negations"])
        manners, listings = alternation(d["manners"]), alternation(d["listings"])
        labels = alternation(sorted(self.labels, key=len, reverse=True))
        tails = alternation(self.declarations["first_lead"]["tails"])
        below = f"[，]\\s*(?:以下(?:{negations})(?:{manners})?(?:{listings})|(?:{tails}))"
        return re.compile(
            f"(?:(?P<exception>{self.exception_pattern})[，]?\\s*)?(?P<units>[^。；，]{{2,80}}?)(?:{adverbs})"
            f"(?:{alternation(self.copulas)})(?:{labels})(?(exception)|{below})"
        )


def _system_heads(grammar: dict[str, Any]) -> tuple[str, ...]:
    """The platform grammar's heads that name systems to the note grammar: all but an office's name
    (税务局), which is a system only as its online counterpart (电子税务局) and a body otherwise."""
    offices = set(grammar["office_heads"]["words"])
    return tuple(head for head in grammar["heads"] if head not in offices)


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read the lexicon; *path* defaults to the bundled ``ontology/lexicon.json``."""
    source = path or ONTOLOGY_DIR / "lexicon.json"
    data = read_json(source, "lexicon")
    try:
        return Lexicon(
            label_modifiers=data["label_modifiers"],
            unit_label_heads=tuple(data["unit_label_heads"]),
            person_label_modifiers=tuple(data["person_label_modifiers"]),
            person_label_heads=tuple(data["person_label_heads"]),
            whole_labels=data["whole_labels"],
            field_labels=data["field_labels"],
            row_number_headers=tuple(data["row_number_headers"]),
            role_words=data["role_words"],
            role_adverbs=tuple(data["role_adverbs"]),
            duty_adverbs={k: v for k, v in data["duty_adverbs"].items() if not k.startswith("_")},
            conjunctions=tuple(data["conjunctions"]),
            clause_connectives=tuple(sorted(data["clause_connectives"]["words"], key=len, reverse=True)),
            unit_joiners=tuple(data["unit_joiners"]),
            time_words=tuple(data["time_words"]),
            declarations=data["declarations"],
            dropped_units=frozenset(data["dropped_units"]),
            organisation_suffixes=tuple(data["organisation_suffixes"]),
            collective_markers=tuple(data["collective_markers"]),
            level_prefixes=tuple(data["level_prefixes"]),
            place_level_words=tuple(data["place_level_words"]),
            grassroots_level_words=tuple(data["grassroots_level_words"]["words"]),
            general_places=tuple(data["general_places"]["words"]),
            branch_words=tuple(data["branch_words"]["words"]),
            area_finals=tuple(data["area_finals"]["words"]),
            township_words=tuple(data["township_words"]),
            office_words=tuple(data["office_words"]["words"]),
            establishing_verbs=tuple(data["establishing_verbs"]["words"]),
            designating_verbs=tuple(data["designating_verbs"]["words"]),
            setting_up_locatives=tuple(data["designating_verbs"]["locatives"]["words"]),
            delegating_verbs=tuple(data["delegating_verbs"]["words"]),
            subordinating_verbs=tuple(data["subordinating_verbs"]["words"]),
            backing_verbs=tuple(data["backing_verbs"]["words"]),
            system_heads=_system_heads(read_json(ONTOLOGY_DIR / "platforms.json", "platform grammar")),
            completion_adverbs=tuple(data["completion_adverbs"]["words"]),
            report_particles=tuple(data["report_markers"]["particles"]),
            modals=tuple(sorted(data["modals"]["words"], key=len, reverse=True)),
            light_verbs=tuple(data["light_verbs"]["words"]),
            proper_name_most_frequent=int(data["proper_name_most_frequent"]["count"]),
            not_level_prefixes=tuple(data["not_level_prefixes"]),
            enterprise_suffixes=tuple(data["enterprise_suffixes"]["words"]),
            own_prefixes=tuple(data["own_prefixes"]),
            writer_deictics=tuple(data["writer_deictics"]),
            own_body_words=tuple(data["own_body_words"]["words"]),
            addressee_deictics=tuple(data["addressee_deictics"]["words"]),
            levels_with_de=tuple(data["levels_with_de"]["words"]),
            title_openers=tuple(data["title_openers"]["words"]),
            relative_heads=tuple(data["relative_heads"]["words"]),
            relative_prefixes=tuple(data["relative_heads"]["prefixes"]),
            nominalisers=tuple(data["nominalisers"]["words"]),
            level_ranges=tuple(data["level_ranges"]["words"]),
            function_heads=tuple(data["function_heads"]["words"]),
            field_nouns=tuple(data["function_heads"]["field_nouns"]),
            class_nouns=tuple(data["function_heads"]["class_nouns"]),
            clause_prepositions=tuple(data["clause_prepositions"]["words"]),
            interrogatives=tuple(data["interrogatives"]),
            hosting_roles=tuple(data["hosting_roles"]["words"]),
            whole_marker=data["whole_marker"],
            person_titles=tuple(data["person_titles"]),
            work_nouns=tuple(data["work_nouns"]),
            copulas=tuple(data["copulas"]),
            subset_markers=tuple(data["subset_markers"]),
            short_form_declarations=tuple(data["short_form_declarations"]["words"]),
            ditto_marks=frozenset(data["ditto_marks"]["words"]),
            duty_statements={k: v for k, v in data["duty_statements"].items() if not k.startswith("_")},
            central_levels=frozenset(data["central_levels"]["words"]),
            label_levels=tuple(data["label_levels"]["words"]),
            place_bodies=frozenset(data["place_bodies"]["words"]),
        )
    except KeyError as exc:
        raise ValueError(f"{source}: the lexicon lacks the key {exc}") from exc
