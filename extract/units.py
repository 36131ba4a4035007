"""Expanding the unit list of a note into one name per responsible unit.

The rules are those of the gold guidelines: an elided administrative level is taken from the
first unit of a 、-run (省发改委、数字办 → 省数字办), a shared suffix is given to bare place
names (福州市、泉州市人民政府 → 福州市人民政府), qualifiers are dropped (等有关部门), collective
units are kept, a second name in brackets becomes an alternative and a scope note is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from extract.gazetteer import Gazetteer, level_of_party
from extract.kept import kept
from extract.lexicon import Lexicon
from extract.text import CLOSING_BRACKETS, OPENING_BRACKETS, is_han
from extract.words import (
    common_noun_ending,
    first_word,
    in_the_dictionary,
    names_a_place,
    stands_alone,
    starts_with_a_proper_name,
)

__all__ = ["UnitName", "expand_units", "opens_with_an_area_s_word", "split_outside_brackets"]

_TITLE_LENGTH = 4  # the most characters of a person's title written alone after a unit (党委书记)
_SCOPE_NOTE = re.compile(r"含|包括|下同|以下|简称|不含")
_INNER_BRACKET = re.compile(r"[（(][^（()）]*[）)](?=.)")  # a bracket with more of the name after it
_AFTER_DENG = re.compile(r"^(?:和|及|以及|与)")
_LEADING_AGENT = re.compile(r"^[\s由]+")  # white space of any kind (a table's \r) and 由


@dataclass(frozen=True)
class UnitName:
    """A unit as written (``start``/``end`` in the text) and its expanded name."""

    name: str
    start: int
    end: int
    alternatives: tuple[str, ...] = ()


def split_outside_brackets(text: str, separators: str, offset: int = 0) -> list[tuple[str, int]]:
    """Split *text* at *separators* that stand outside brackets; each piece with its offset.

    >>> split_outside_brackets("各县（市、区）政府、市直", "、")
    [('各县（市、区）政府', 0), ('市直', 10)]
    """
    pieces: list[tuple[str, int]] = []
    depth, begin = 0, 0
    for index, char in enumerate(text):
        if char in OPENING_BRACKETS:
            depth += 1
        elif char in CLOSING_BRACKETS:
            depth = max(depth - 1, 0)
        elif char in separators and depth == 0:
            pieces.append((text[begin:index], offset + begin))
            begin = index + 1
    pieces.append((text[begin:], offset + begin))
    return pieces


_MARKS = "*＊※"  # marks of punctuation's category written after a unit's name as ★ is (市发改委*)


def _trim(piece: str, start: int) -> tuple[str, int]:
    """*piece* without white space, a leading 由 and leading marks and dashes (★区发改委: a
    table's sign; ——区发改委牵头: a note set off by a dash), and without a slash that parts it
    from the next field (牵头部门：投资促进局 / 配合部门：…) or a colon after it."""
    stripped = _LEADING_AGENT.sub("", piece)
    while stripped and unicodedata.category(stripped[0]) in ("So", "Sm", "Pd"):
        stripped = stripped[1:].lstrip()
    start += len(piece) - len(stripped)
    stripped = stripped.rstrip().rstrip("：:/／").rstrip()  # 市规划局：负责…: the colon is no part of the unit
    while stripped and (unicodedata.category(stripped[-1]) == "So" or stripped[-1] in _MARKS):
        stripped = stripped[:-1].rstrip()  # 市大数据局★: a table's mark after the name (the lead's, by a legend)
    return stripped, start


def _split_deng(run: str, start: int, gaz: Gazetteer) -> list[tuple[str, int]]:
    """``A、B等`` / ``A等有关部门`` lose the qualifier, and so does a kind of unit that says whose
    it is not (``A等公共企事业单位行业主管部门``) or only by a level (``A等市有关单位``: the city's,
    as A is); ``A等市直有关单位`` keeps both."""
    depth = 0
    for index, char in enumerate(run):
        if char in OPENING_BRACKETS:
            depth += 1
        elif char in CLOSING_BRACKETS:
            depth = max(depth - 1, 0)
        elif char == "等" and depth == 0 and index > 0:
            rest = run[index + 1 :]
            tail = _AFTER_DENG.sub("", rest)
            head = [(run[:index], start)]
            if tail in gaz.lexicon.body_nouns and _names_a_field(run[:index], gaz):
                return [(run[:index] + tail, start)]  # 交通运输、综合行政执法等部门: the fields' departments
            if not tail or tail in gaz.lexicon.dropped_units or _is_generic(tail, gaz):
                return head
            level = gaz.level_prefix(tail)
            if level and level in gaz.lexicon.place_level_words and _is_generic(tail[len(level) :], gaz):
                return head
            for joiner in gaz.lexicon.unit_joiners:  # A等有关部门和各设区市人民政府: bodies in general, then units
                qualifier, _, after = tail.partition(joiner)
                if after and qualifier in gaz.lexicon.dropped_units:
                    after_start = start + index + 1 + len(rest) - len(tail) + len(qualifier) + len(joiner)
                    return head + _split_deng(after, after_start, gaz)
            own = tail.startswith(("各", "有关", "相关", *gaz.lexicon.own_level_prefixes))  # 国务院相关部门
            if own or level or gaz.place_at_start(tail):
                tail_start = start + index + 1 + len(rest) - len(tail)
                return head + _split_deng(tail, tail_start, gaz)
            if tail.endswith(tuple(gaz.lexicon.dropped_units)):  # A等公共企事业单位行业主管部门: a kind of unit
                return head
            for joiner in gaz.lexicon.unit_joiners:  # A等部门（单位）和各市人民政府: the qualifier, then units
                qualifier, _, after = tail.partition(joiner)
                if after and _is_generic(qualifier, gaz):
                    after_start = start + index + 1 + len(rest) - len(tail) + len(qualifier) + len(joiner)
                    return head + _split_deng(after, after_start, gaz)
    return [(run, start)]


def _names_a_field(name: str, gaz: Gazetteer) -> bool:
    """Whether *name*, of any length, says what a body does and names none (综合行政执法, 交通运输;
    not 人民银行 or 各区): written before 等部门, the departments of that field are meant."""
    return (
        bool(name)
        and all(is_han(char) for char in name)
        and not name.endswith(tuple(gaz.lexicon.place_level_words))
        and _names_no_body(name, gaz)
    )


def _names_no_body(stem: str, gaz: Gazetteer) -> bool:
    """Whether *stem* is no body, collective, bare organisation noun or place (经贸, 综合行政执法)."""
    lexicon = gaz.lexicon
    return (
        not stem.endswith(lexicon.organisation_suffixes)
        and not stem.startswith(lexicon.collective_markers)
        and stem not in lexicon.dropped_units
        and not _a_place_s_name(stem, gaz)
    )


def opens_with_an_area_s_word(name: str, lexicon: Lexicon) -> bool:
    """Whether *name* opens with an area's word before more (园区|党工委, 示范区|大数据管理局): the
    area's body, which says whose it is.

    >>> from extract.lexicon import load_lexicon
    >>> [opens_with_an_area_s_word(n, load_lexicon()) for n in ("园区党工委", "区委编办", "高新区")]
    [True, False, False]
    """
    opening = first_word(name)
    return 1 < len(opening) < len(name) and opening.endswith(lexicon.area_finals)


def _is_generic(name: str, gaz: Gazetteer) -> bool:
    """Whether *name* is made only of collective markers, joiners and bare organisation nouns
    (各有关部门和单位, 其他相关单位, 部门（单位）): a qualifier after 等, not a unit. 省直有关单位 is a unit."""
    markers = [m for m in gaz.lexicon.collective_markers if not gaz.level_prefix(m + "办")]  # not 省直, 市直
    brackets = [*OPENING_BRACKETS, *CLOSING_BRACKETS]
    words = [*markers, *gaz.lexicon.dropped_units, *gaz.lexicon.unit_joiners, *brackets, "其他", "方面", "、"]
    rest = name
    while rest:
        word = next((w for w in sorted(words, key=len, reverse=True) if rest.startswith(w)), None)
        if word is None:
            return False
        rest = rest[len(word) :]
    return True


def _split_joiners(piece: str, start: int, gaz: Gazetteer) -> list[tuple[str, int]]:
    """``A和B`` / ``A及B`` as two units where both sides are units (省委宣传部和省网信办, 福州及相关
    设区市), never inside a name (发展和改革委员会: 发展 is no unit); so is ``A B``, two units in a
    table's cell parted by a space (市财政局 市工业和信息化局). A place in general after a collective
    (相关部门与地方: the relevant departments and localities) is one too, under the same marker."""
    leading = gaz.lexicon.joiner_pattern.match(piece)
    if (
        leading
        and _unit_or_group(piece[leading.end() :], gaz)
        and stands_alone(piece, 0, leading.end())  # ，以及各设区市: the list goes on; 和平街道: a name
    ):
        return _split_joiners(piece[leading.end() :], start + leading.end(), gaz)
    words = [(m.group(0), start + m.start()) for m in re.finditer(r"\S+", piece)]
    titled = next((k for k, (w, _) in enumerate(words) if k and _a_person_s_title(w, gaz)), None)
    if titled is not None:  # 县人社局 局长 陈国华: the unit, then its head's title and name
        return _split_joiners(piece[: words[titled][1] - start].rstrip(), start, gaz)
    if len(words) > 1 and all(_unit_or_group(w, gaz) for w, _ in words):
        return [part for word, at in words for part in _split_joiners(word, at, gaz)]
    for match in gaz.lexicon.joiner_pattern.finditer(piece):
        left, right = piece[: match.start()], piece[match.end() :]
        places_of_a_kind = gaz.is_collective(left) and right in gaz.lexicon.general_places  # 相关部门与|地方
        other_noun = gaz.is_collective(left) and _shares_the_noun(left, right, gaz)  # 省有关部门和|单位
        if (_unit_or_group(left, gaz) or _bare_place(left, gaz)) and (
            _unit_or_group(right, gaz) or places_of_a_kind or other_noun
        ):
            right_start = start + match.end()  # 省和市政府, 直辖市和新疆生产建设兵团: a bare place is a unit too
            return [(left, start), *_split_joiners(right, right_start, gaz)]
    return [(piece, start)]


def _shares_the_noun(left: str, right: str, gaz: Gazetteer) -> bool:
    """Whether *right* is a bare noun for bodies (单位) other than the one *left* ends in (部门):
    written after a joiner, it takes *left*'s words before that noun (省有关部门和单位: the
    province's relevant departments and units), as it does after 、."""
    nouns = gaz.lexicon.body_nouns
    return right in nouns and any(left.endswith(n) and n != right for n in nouns)


def _a_person_s_title(word: str, gaz: Gazetteer) -> bool:
    """Whether *word*, standing alone after a unit in a cell, is a person's title (局长, 副主任,
    党委书记): a short word ending in one."""
    return len(word) <= _TITLE_LENGTH and word.endswith(gaz.lexicon.person_titles) and not _unit_or_group(word, gaz)


def _split_glued(piece: str, start: int, gaz: Gazetteer, jurisdiction: str) -> list[tuple[str, int]]:
    """Units written one after another with nothing between (市发展改革委市财政局), as a table's
    narrow column in a PDF gives two that each fill a line: parted where the rest opens with a
    level (市, 县委) or is a collective of places' bodies (县卫健委|各相关乡镇政府), and every
    other part resolves, the whole not. A collective of a body's own parts (市政府各部门) stays.

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> [part for part, _ in _split_glued("市发展改革委市财政局", 0, gaz, "350100")]
    ['市发展改革委', '市财政局']
    >>> [part for part, _ in _split_glued("市发展和改革委员会", 0, gaz, "350100")]
    ['市发展和改革委员会']
    >>> [part for part, _ in _split_glued("市教育局各县区政府", 0, gaz, "350100")]
    ['市教育局', '各县区政府']
    >>> [part for part, _ in _split_glued("市政府各部门", 0, gaz, "350100")]
    ['市政府各部门']
    >>> [part for part, _ in _split_glued("市委市府办", 0, gaz, "350100")]
    ['市委市府办']
    """
    cuts = [
        cut for cut in range(2, len(piece) - 1) if gaz.level_prefix(piece[cut:]) or _places_bodies(piece[cut:], gaz)
    ]
    if not cuts or gaz.resolve(piece, jurisdiction).resolved:  # most units hold no level inside: no look-up
        return [(piece, start)]
    for cut in cuts:
        rest = piece[cut:]
        if piece[:cut] in gaz.lexicon.level_prefixes:
            continue  # 市委|市府办: a party committee and a government name one joint body
        if gaz.resolve(piece[:cut], jurisdiction).resolved:
            if _places_bodies(rest, gaz):
                return [(piece[:cut], start), (rest, start + cut)]
            parts = _split_glued(rest, start + cut, gaz, jurisdiction)
            if all(gaz.resolve(part, jurisdiction).resolved or _places_bodies(part, gaz) for part, _ in parts):
                return [(piece[:cut], start), *parts]
    return [(piece, start)]


def _places_bodies(name: str, gaz: Gazetteer) -> bool:
    """A collective of places or of their bodies (各相关乡镇政府, 各县（市、区）, 有关街道): collective
    markers, then a place's level word."""
    rest = name
    while marker := _collective_marker(rest, gaz):
        rest = rest[len(marker) :]
    lexicon = gaz.lexicon
    return rest != name and rest.startswith((*lexicon.place_level_words, *lexicon.township_words))


def _unit_or_group(name: str, gaz: Gazetteer) -> bool:
    """A unit, or a collective of units or of places (省直各部门, 各设区市); not a collective's places
    and a word that names no body (各市|工业, of 各市工业和信息化局: the first half of a name)."""
    if _is_unit_word(name, gaz):
        return True
    if not gaz.is_collective(name):
        return False
    rest = name[_place_part(name, gaz) :]
    return rest == name or not rest or _unit_or_group(rest, gaz) or _bare_place(rest, gaz)


def _is_unit_word(name: str, gaz: Gazetteer) -> bool:
    base = _bracket_tail(name)[0]
    if len(base) < 2 or base in gaz.lexicon.dropped_units:
        return False
    return base.endswith(gaz.lexicon.organisation_suffixes) or bool(gaz.places_named(base))


def _collective_marker(name: str, gaz: Gazetteer) -> str:
    """The collective marker *name* opens with (各市, 相关市, 有关县), or ""."""
    return next((m for m in sorted(gaz.lexicon.collective_markers, key=len, reverse=True) if name.startswith(m)), "")


def _bare_place(name: str, gaz: Gazetteer) -> bool:
    """A place written without an institution: 福州市, 各市, 相关市, 州, 县（市、区）, 各盟市 (level
    words joined: leagues and cities), a township (勐马镇), or a level above the provinces (中央, in
    中央、省驻邵单位)."""
    base = _bracket_tail(name)[0]
    base = base.removeprefix(_collective_marker(base, gaz))
    if base in gaz.lexicon.central_levels or (base and gaz.lexicon.township_length(base) == len(base)):
        return True
    return bool(gaz.places_named(base)) or (bool(base) and _levels_at_start(base, gaz) == len(base))


def _levels_at_start(name: str, gaz: Gazetteer) -> int:
    """Length of the level words *name* opens with, one after another (县 → 1, 旗县 → 2, 县市区 → 3).

    >>> from extract.gazetteer import load_gazetteer
    >>> [_levels_at_start(name, load_gazetteer()) for name in ("旗县人民政府", "盟市", "市场监管局")]
    [2, 2, 1]
    """
    levels = gaz.lexicon.place_levels_pattern.match(name)
    return levels.end() if levels else 0


def _named_place_length(name: str, gaz: Gazetteer) -> int:
    """Length of a place name of two characters or more before a level or township word and an
    institution (嵊山镇人民政府 → 3, 石门乡政府 → 3, 中新苏滁高新区管委会 → 7); 0 if none. 城市管理局 has
    no such place."""
    lexicon = gaz.lexicon
    level_words = (*lexicon.place_level_words, *lexicon.township_words)
    for end in range(3, min(len(name), 10)):
        if any(char in OPENING_BRACKETS for char in name[:end]) or name[end] in CLOSING_BRACKETS:
            break
        ends_a_level = name[:end].endswith(level_words) and not _a_level_inside_a_noun(name, end, lexicon)
        if ends_a_level and name[end:].endswith(lexicon.organisation_suffixes):
            return end
    return 0


def _a_level_inside_a_noun(name: str, end: int, lexicon: Lexicon) -> bool:
    """Whether the level or township word that ends at *end* is the end of a common noun (住房|城乡
    |建设厅: 乡 of 城乡), no place's level; a level word (乡镇) or a word naming an area (开发区) is
    still one."""
    noun = common_noun_ending(name, end)
    return bool(noun) and noun not in lexicon.place_level_words and not noun.endswith(lexicon.area_finals)


def _place_part(name: str, gaz: Gazetteer) -> int:
    """Length of the place *name* starts with (福州市人民政府 → 3, 县人民政府 → 1, 贵安新区数据管理
    部门 → 4): a known place, a named place, else a bare level word; 0 if none."""
    found = gaz.place_at_start(name)
    if found:
        return found[1]
    base = name.removeprefix("各")
    named = _named_place_length(base, gaz)
    if named:  # 遗产点所在县（市、区）人民政府: the bracket after its level belongs to the place
        return _past_a_bracket(base, named) + len(name) - len(base)
    end = _levels_at_start(base, gaz)  # 县人民政府, 旗县（市、区）人民政府
    if not end or len(base) == end or gaz.is_collective(base):  # 区直各部门 is no place's body
        return 0
    end = _past_a_bracket(base, end)  # 县（市）政府: the bracket belongs to the place
    return end + len(name) - len(base) if end < len(base) else 0


def _past_a_bracket(name: str, end: int) -> int:
    """Where a bracket that opens at *end* closes, past it; *end* where none opens there."""
    if end >= len(name) or name[end] not in OPENING_BRACKETS:
        return end
    close = name.find(CLOSING_BRACKETS[OPENING_BRACKETS.index(name[end])], end)
    return close + 1 if close > 0 else end


def _without_scope(name: str) -> str:
    """*name* without a scope note in brackets inside it, which says what the places include
    (各设区市（含赣江新区，下同）人民政府 → 各设区市人民政府)."""
    if "（" not in name and "(" not in name:
        return name  # (the cheap test first)
    return _INNER_BRACKET.sub(lambda m: "" if _SCOPE_NOTE.search(m.group(0)) else m.group(0), name)


def _bracket_tail(name: str) -> tuple[str, str | None]:
    """Split a trailing bracket off a name: ('市商务局', '投促局') or the name unchanged."""
    if not name or name[-1] not in CLOSING_BRACKETS:
        return name, None
    depth = 0
    for index in range(len(name) - 1, -1, -1):
        if name[index] in CLOSING_BRACKETS:
            depth += 1
        elif name[index] in OPENING_BRACKETS:
            depth -= 1
            if depth == 0:
                return (name[:index], name[index + 1 : -1]) if index > 0 else (name, None)
    return name, None


def _has_own_level(name: str, gaz: Gazetteer) -> bool:
    """Whether *name* says whose it is, so a run's level does not reach it: it starts with a
    level, a place or a proper name (吴江海关), holds a place, or is itself a place or zone
    (高新区、岳麓区、某某镇)."""
    if gaz.level_prefix(name) or name.startswith(gaz.lexicon.own_level_prefixes):
        return True
    if name.endswith(tuple(gaz.lexicon.place_level_words)):
        return True
    if opens_with_an_area_s_word(name, gaz.lexicon):
        return True  # 园区|党工委, 示范区|管委会: the area's (not the run's level)
    proper = starts_with_a_proper_name(name, gaz.lexicon.proper_name_most_frequent)
    if gaz.place_at_start(name) or _named_place_length(name, gaz) or proper:
        return True
    return any(gaz.places_named(name[i : i + n]) for n in (2, 3) for i in range(1, max(len(name) - n, 1)))


def _a_kind_of_enterprise(name: str, gaz: Gazetteer) -> bool:
    """Whether *name* is a common noun for enterprises (运营商, 保险公司): a kind, which a run's level
    does not reach (省广播电视局、运营商); a name the dictionary lacks (国投集团) is one body."""
    return name.endswith(gaz.lexicon.enterprise_suffixes) and in_the_dictionary(name)


def _run_prefix(first: str, gaz: Gazetteer) -> str | None:
    """The level (省, 省委) or place (福州市) the first unit of a run is written with; a place's
    short name (四川大学, 厦门海关) is a word of a proper name, no level a run shares."""
    level = gaz.level_prefix(first)
    if level:
        return level
    opening = first_word(first)
    if opening in gaz.lexicon.township_words and len(first) > len(opening) + 1:
        return opening  # 镇|应急管理办公室、党政综合办公室: the township's offices (not 镇江市…)
    if _collective_marker(first, gaz) and 0 < (length := _place_part(first, gaz)) < len(first):
        return first[:length]  # 各乡镇党委、政府: each township's government
    found = gaz.place_at_start(first)
    if found and len(first) > found[1] and not first.startswith("各") and found[0].level != "country":
        place = first[: found[1]]  # 中国人民银行、国土资源部: the country is no level a run shares
        return place if place.endswith(gaz.lexicon.place_level_words) else None
    return None


# a count of the levels a run of places names (市、县两级人民政府): no part of each one's body
_LEVEL_COUNT = re.compile(r"^[两二三四五]级")


def _expand_run(items: list[tuple[str, str, int]], gaz: Gazetteer, jurisdiction: str) -> list[UnitName]:
    """Expand one 、-run; each item is (name without a trailing bracket, as written, start)."""
    prefix = _run_prefix(items[0][0], gaz)
    own_stems = gaz.own_stems(jurisdiction)  # 莲都邮政管理局, 工商海淀分局 in a plan of 莲都区, 海淀区: whose
    bare = [_bare_place(written, gaz) for _, written, _ in items]
    places = [_place_part(item, gaz) for item, _, _ in items]

    def marker_of(position: int) -> str:
        """The collective marker of the stretch of bare places that *position* ends or stands in,
        written once before its first place (各市、州、县人民政府, 相关市、县政府): each shares it."""
        first = position
        while first > 0 and bare[first - 1]:
            first -= 1
        return _collective_marker(items[first][0], gaz) if bare[first] else ""

    def short_form(place: str) -> bool:
        """A place's name written without its level (广州, 深圳)."""
        return any(place in found.short for found in gaz.places_named(place))

    def body_after(position: int) -> int | None:
        """The item after a stretch of bare places that writes a place with its level and body: its
        body is theirs (银川市、石嘴山市、吴忠市人民政府; 各市、州、县人民政府), as it is after places
        written as it writes its own, without a level (广州、深圳、珠海出入境边防检查总站). A body
        named after a place's short name (新疆生产建设兵团) after other forms is its own, no place's
        institution (各省、直辖市、新疆生产建设兵团)."""
        lexicon = gaz.lexicon
        for later in range(position + 1, len(items)):
            if not bare[later]:
                item, length = items[later][0], places[later]
                bare_item = items[position][0]
                base = bare_item.removeprefix(_collective_marker(bare_item, gaz))
                named = base not in lexicon.central_levels and _levels_at_start(base, gaz) == 0  # not 中央, 各市
                if named and _levels_at_start(item, gaz) >= length:
                    return None  # 凯里市、县水利局: a level word's body is no named place's
                if base.startswith(lexicon.township_words) and item[length:] not in lexicon.place_bodies:
                    return None  # 各乡镇、县农业农村局: townships have no bureaus, only the bodies every place has
                opening = first_word(item[length:])
                if len(opening) > 1 and opening.endswith(lexicon.area_finals):
                    return None  # 苏州工业园区、苏州|高新区管委会: a zone of its own, with its institution
                level_words = (*lexicon.place_level_words, *lexicon.township_words, *CLOSING_BRACKETS)
                leveled = item[:length].endswith(level_words)
                alike = short_form(item[:length]) and short_form(items[position][0])
                return later if length and len(item) > length and (leveled or alike) else None
        return None

    sharers = {body_after(p) for p in range(len(items)) if bare[p]} - {None}
    units: list[UnitName] = []
    for position, (item, written, start) in enumerate(items):
        name, alternatives = item, []
        sharer = body_after(position) if bare[position] else None
        if position > 0 and item in gaz.lexicon.dropped_units and units:  # 市直有关部门、单位
            previous = units[-1].name
            nouns = gaz.lexicon.body_nouns
            noun = next((s for s in nouns if previous.endswith(s) and s != item), None)
            if noun is not None:
                name = previous[: -len(noun)] + item
            elif not item.startswith(gaz.lexicon.collective_markers):
                continue  # 部门: a bare noun names no body
        elif sharer is not None:
            last, length = items[sharer][0], places[sharer]
            place_word = last[:length]
            level_char = (
                place_word[-1]
                if place_word[-1] in "省市县区"
                and any(item != place.name for place in gaz.places_named(item))  # 凯里市: its level written
                else ""
            )
            marker = marker_of(position)
            body = _LEVEL_COUNT.sub("", last[length:], count=1)  # 市、县两级|人民政府: each level's
            name = ("" if written.startswith(marker) else marker) + written + level_char + body
        elif position in sharers and (marker := marker_of(position)) and _bare_place(item[: places[position]], gaz):
            name = item if item.startswith(marker) else marker + item
        elif (item in gaz.lexicon.place_level_words or item in gaz.lexicon.grassroots_level_words) and (
            marker := marker_of(position)
        ):
            name = marker + item  # 各省、自治区、直辖市, 各街道、社区: each place of the stretch is collective
        elif (
            position > 0
            and prefix
            and (  # 各乡镇党委、政府, 各市工业和信息化局、科技局: bodies every place has
                not _collective_marker(prefix, gaz)
                or item in gaz.lexicon.place_bodies
                or gaz.lexicon.is_a_department(item)
            )
            and not _has_own_level(item, gaz)
            and not item.startswith(gaz.lexicon.grassroots_level_words)  # 社区居委会
            and not gaz.lexicon.is_every_township_s_body(item)  # 镇人民政府, 街道办事处: each township's
            and not (prefix in gaz.lexicon.township_words and item.startswith(prefix))  # 镇…、镇财政所
            and not any(stem in item for stem in own_stems)  # 电信安康分公司: the branch in the plan's place
            and not _a_branch_in_a_named_place(item, gaz)  # 公安青浦分局: the branch in the place it names
            and not _a_kind_of_enterprise(item, gaz)
            and not gaz.is_collective(item)  # 区X小组成员单位及其他各行业主管单位: bodies of every level
        ):
            name = prefix + item
            if prefix.endswith("委"):  # 省委、保密局 may mean 省保密局, 自治区党委、宣传部 自治区宣传部
                alternatives.append(level_of_party(prefix) + item)
        if position in sharers and name == item:  # 市、县两级人民政府: the last place's body, without the count
            name = item[: places[position]] + _LEVEL_COUNT.sub("", item[places[position] :], count=1)
        name = "".join(name.split())  # 市 城镇化服务中心: spaces copied from a table cell are no part of it
        units.append(UnitName(name, start, start + len(written), tuple("".join(a.split()) for a in alternatives)))
    return _share_branch(_share_zone_institution(_share_department_noun(units, gaz), gaz), gaz, own_stems)


def _share_department_noun(units: list[UnitName], gaz: Gazetteer) -> list[UnitName]:
    """Departments' fields written bare before the last of a run, which ends in the noun for
    departments (县发改、财政、农业农村部门; 经贸、公路部门): each is that field's departments, the
    noun shared. A run of fields alone (省财政、税务) or ending in a body (县发改、财政局) shares
    nothing, and nor does a run with a body or a place before the last, or one whose last names
    more than a field (科技奖励、科技人才管理部门).

    >>> from extract.gazetteer import load_gazetteer
    >>> run = [UnitName("经贸", 0, 2), UnitName("公安", 3, 5), UnitName("公路部门", 6, 10)]
    >>> [u.name for u in _share_department_noun(run, load_gazetteer())]
    ['经贸部门', '公安部门', '公路部门']
    """
    nouns = gaz.lexicon.body_nouns  # 部门, 单位
    last = units[-1].name if units else ""
    noun = next((n for n in nouns if last.endswith(n) and len(last) > len(n)), None)
    if noun is None or len(units) < 2:
        return units
    departments = all(gaz.lexicon.names_a_department(u.name) for u in units[:-1])  # 市财政、…等有关部门
    fields = all(_a_field_alone(name, gaz) for name in [*(u.name for u in units[:-1]), last[: -len(noun)]])
    if not departments and not fields:
        return units  # 科技奖励、科技人才管理部门: bodies named by what they manage, kinds
    return [replace(u, name=u.name + noun) for u in units[:-1]] + [units[-1]]


_FIELD_LENGTH = 4  # the most characters of a field written alone (交通运输), its level aside


def _a_field_alone(name: str, gaz: Gazetteer) -> bool:
    """Whether *name*, its level aside, is a field written without its body's word: a department's
    (财政), or any short word that is no body, place or collective (经贸, 公路 before 部门)."""
    stem = name[len(gaz.level_prefix(name) or "") :]
    if gaz.lexicon.names_a_department(stem, bare=True):
        return True
    return 2 <= len(stem) <= _FIELD_LENGTH and _names_no_body(stem, gaz)


def _share_zone_institution(units: list[UnitName], gaz: Gazetteer) -> list[UnitName]:
    """Zones written bare before a zone written with its institution share that institution:
    金华开发区、金义都市新区、金华山旅游经济区管委会 → 金华开发区管委会, 金义都市新区管委会, ….

    >>> from extract.gazetteer import load_gazetteer
    >>> zones = [UnitName("甲开发区", 0, 4), UnitName("乙高新区管委会", 5, 12)]
    >>> [u.name for u in _share_zone_institution(zones, load_gazetteer())]
    ['甲开发区管委会', '乙高新区管委会']
    """
    if len(units) < 2:
        return units
    levels = gaz.lexicon.place_level_words
    last = units[-1].name
    institution = next(
        (s for s in gaz.lexicon.institution_suffixes if last.endswith(s) and last[: -len(s)].endswith(levels)),
        None,
    )
    if institution is None:
        return units
    # a level word alone names no zone
    return _shared_tail(units, institution, lambda name: name.endswith(levels) and name not in levels)


def _shared_tail(units: list[UnitName], tail: str, takes: Callable[[str], bool]) -> list[UnitName]:
    """*units* with *tail* written after each name before the last, back from the last while
    *takes* holds for a name (the run's earlier items, written without what the last one ends in)."""
    shared = list(units)
    for position in range(len(units) - 2, -1, -1):
        name = units[position].name
        if not takes(name):
            break
        shared[position] = replace(units[position], name=name + tail)
    return shared


def _share_branch(units: list[UnitName], gaz: Gazetteer, own_stems: tuple[str, ...] = ()) -> list[UnitName]:
    """Parents written bare before the last of a run, a parent's branch in a place (中国移动、中国联通、
    中国电信|梅河口分公司), share the place and the branch: each is its parent's branch there. Only
    parents that end as the last one's does (no organisation's word, or the same: 农业银行、建设银行
    梅河口支行), so a body of another kind (县工信局) shares nothing. The place may be the
    document's own, written without its level (*own_stems*: 雷山 in a plan of 雷山县).

    >>> from extract.gazetteer import load_gazetteer
    >>> run = [UnitName("中国移动", 0, 4), UnitName("中国电信梅河口分公司", 5, 15)]
    >>> [u.name for u in _share_branch(run, load_gazetteer())]
    ['中国移动梅河口分公司', '中国电信梅河口分公司']
    """
    split = _branch_in_a_place(units[-1].name, gaz, own_stems) if len(units) > 1 else None
    if split is None:
        return units
    parent, where = split
    suffixes = gaz.lexicon.organisation_suffixes
    ending = next((s for s in suffixes if parent.endswith(s)), None)

    def takes(name: str) -> bool:  # (元谋农商银行、邮储银行元谋县支行: a body of the place already)
        own = next((s for s in suffixes if name.endswith(s)), None)
        elsewhere = name.endswith(gaz.lexicon.branch_words) or bool(gaz.level_prefix(name)) or where[:2] in name
        return own == ending and not elsewhere

    return _shared_tail(units, where, takes)


def _a_branch_in_a_named_place(name: str, gaz: Gazetteer) -> bool:
    """Whether *name* is a branch named by its place before the branch's word (公安青浦分局,
    工商银行梅河口支行): it says whose it is, so a run's level does not reach it.

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> _a_branch_in_a_named_place("公安青浦分局", gaz), _a_branch_in_a_named_place("公安交警支队", gaz)
    (True, False)
    """
    return _branch_in_a_place(name, gaz) is not None


def _branch_in_a_place(name: str, gaz: Gazetteer, own_stems: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """*name* as its parent and the branch in a place (中国电信|梅河口分公司): the place's name, of two
    to four characters, the gazetteer's, jieba's or one of *own_stems*, right before the branch's
    word; None where *name* is no branch named by a place.

    >>> from extract.gazetteer import load_gazetteer
    >>> _branch_in_a_place("中国电信梅河口分公司", load_gazetteer())
    ('中国电信', '梅河口分公司')
    """
    branch = next((b for b in gaz.lexicon.branch_words if name.endswith(b)), None)
    if branch is None:
        return None
    served = name[: -len(branch)]
    for k in (4, 3, 2):
        if len(served) > k and (served[-k:] in own_stems or _a_place_s_name(served[-k:], gaz)):
            return served[:-k], served[-k:] + branch
    return None


def _a_place_s_name(word: str, gaz: Gazetteer) -> bool:
    """Whether *word* names a place: the gazetteer's, or one jieba's dictionary knows (梅河口)."""
    return bool(gaz.places_named(word)) or names_a_place(word)


def expand_units(text: str, offset: int, gaz: Gazetteer, jurisdiction: str) -> list[UnitName]:
    """Expand a comma-separated list of 、-runs of units, *offset* the position of *text*.

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> [u.name for u in expand_units("省委办公厅、机要局，福州市、泉州市人民政府", 0, gaz, "350000")]
    ['省委办公厅', '省委机要局', '福州市人民政府', '泉州市人民政府']
    >>> [u.name for u in expand_units("人民银行等部门", 0, gaz, "100000")]
    ['人民银行']
    >>> [(u.start, u.end) for u in expand_units("省委办公厅、机要局", 10, gaz, "350000")]
    [(10, 15), (16, 19)]
    """
    return [replace(u, start=u.start + offset, end=u.end + offset) for u in _expanded(text, gaz, jurisdiction)]


@kept
def _expanded(text: str, gaz: Gazetteer, jurisdiction: str) -> tuple[UnitName, ...]:
    """:func:`expand_units` at offset 0, kept: a plan writes the same runs of units again and
    again (and a scrambled copy repeats whole notes)."""
    units: list[UnitName] = []
    for run, run_start in split_outside_brackets(text, "，；。", 0):
        run, run_start = _trim(run, run_start)
        if run.startswith(gaz.lexicon.short_form_declarations):
            continue  # X、Y，以下简称“各市县政府”: the short form the text will use, no unit of its own
        items: list[tuple[str, int]] = []
        for piece, piece_start in split_outside_brackets(run, "、", run_start):
            piece, piece_start = _trim(piece, piece_start)
            for part, part_start in _split_deng(piece, piece_start, gaz):
                joined_parts = _split_joiners(*_trim(part, part_start), gaz)
                for joined, joined_start in joined_parts:
                    for glued, glued_start in _split_glued(*_trim(joined, joined_start), gaz, jurisdiction):
                        no_body = gaz.lexicon.names_no_body(glued)  # 本部门 (each reader's own), X关于Y (a title)
                        listed = (
                            items
                            or len(joined_parts) > 1  # 相关部门与地方: joined to another unit, it is one
                            or (units and glued.startswith(gaz.lexicon.collective_markers))  # X，相关部门
                        )
                        if glued and (glued not in gaz.lexicon.dropped_units or listed) and not no_body:
                            items.append((glued, glued_start))
        if not items:
            continue
        for unit in _expand_run([(_without_scope(_bracket_tail(i)[0]), i, s) for i, s in items], gaz, jurisdiction):
            written = next(i for i, s in items if s == unit.start)
            base, bracket = _bracket_tail(written)
            alternatives = list(unit.alternatives)
            if bracket and not _SCOPE_NOTE.search(bracket) and not unit.name.endswith(written):
                alternatives.append(unit.name + written[len(base) :])
            units.append(UnitName(unit.name, unit.start, unit.start + len(written), tuple(alternatives)))
    return tuple(units)
