"""Attaching what the NLP pipeline finds in the text to the outline: item, heading and task.

A mention inside a responsibility note or boilerplate (the title aside) is not task text and is
left out. The pipeline may have read the text in pieces; each piece's offsets are shifted back
into the document's text here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from extract.gazetteer import Gazetteer
from extract.model import Extraction, Heading, Mention, TargetMention
from extract.outline import in_spans, merge_spans, title_spans
from extract.platforms import load_grammar, name_labels
from extract.text import in_a_cited_title

__all__ = ["attach_mentions"]


class _Locator:
    """Finds the heading and task of a character position."""

    def __init__(self, extraction: Extraction) -> None:
        self.text = extraction.document.text
        self.headings: list[Heading] = extraction.headings
        self._heading_starts = [h.start for h in self.headings]
        spans = sorted((a, b, index) for index, task in enumerate(extraction.tasks) for a, b in task.spans)
        self._task_starts = [a for a, _, _ in spans]
        self._task_spans = spans
        # a note's units are no mentions; the task a note may hold between them (由X牵头负责运维Y平台，Z配合) is text
        units = [(u.start, u.end) for n in extraction.notes for u in n.units]
        self._excluded = merge_spans(units + extraction.boilerplate)
        # the title is no boilerplate here: the systems it names are the document's (云南省“一部手机
        # 办事通”平台运行管理办法), of no item
        self._titles = title_spans(extraction.document.norm, extraction.metadata)

    def excluded(self, position: int) -> bool:
        return in_spans(self._excluded, position) and not in_spans(self._titles, position)

    def heading(self, position: int) -> tuple[int | None, str | None]:
        index = bisect_right(self._heading_starts, position) - 1
        if index < 0:
            return None, None
        heading = self.headings[index]
        return index, self.text[heading.start : heading.start + len(heading.marker)]

    def task(self, position: int) -> int | None:
        index = bisect_right(self._task_starts, position) - 1
        if index >= 0:
            start, end, task = self._task_spans[index]
            if start <= position < end:
                return task
        return None


def attach_mentions(extraction: Extraction, pieces: Iterable[tuple[int, Any]], gazetteer: Gazetteer) -> None:
    """Fill ``mentions``, ``targets`` and ``platform_links`` of *extraction* from processed
    spaCy docs of the document's matching text, each with the offset of its piece."""
    locate = _Locator(extraction)
    for offset, doc in pieces:
        _attach_piece(extraction, doc, offset, locate, gazetteer)
    above = _levels_above(gazetteer, extraction.metadata.jurisdiction)  # a city's plan: 省, 国
    _one_name_a_level_apart(extraction, load_grammar().levels, above)
    _one_name_and_its_longer_form(extraction, above)


# a level written before a name (区级, 全区, 省): the class of government it says, 区 for all three
_LEVEL_CLASS = str.maketrans("", "", "全级")
_MIN_CORE = 3  # characters of a name without its level that may name a system (政务网, not 网)


def _class_of_level(level: str) -> str:
    """The class of government a level written before a name says (区级, 全区, 区 → 区; 国家 → 国)."""
    return level.translate(_LEVEL_CLASS).replace("国家", "国")


def _levels_above(gazetteer: Gazetteer, jurisdiction: str) -> frozenset[str]:
    """The level words of the places above the document's own (省 and 国 for a city's plan), in
    the class :func:`_one_name_a_level_apart` reads a level as: a system written with one of them
    is that place's, not the document's.

    >>> from extract.gazetteer import load_gazetteer
    >>> sorted(_levels_above(load_gazetteer(), "410100")), sorted(_levels_above(load_gazetteer(), "350000"))
    (['国', '省'], ['国'])
    """
    places = gazetteer.places_up_from(jurisdiction)
    if not places:
        return frozenset()  # the country's plan, or a place the gazetteer lacks: no level above
    own = gazetteer.level_word(places[0])
    return frozenset({"国", *(w for p in places[1:] if (w := gazetteer.level_word(p)) and w != own)})


def _one_name_a_level_apart(extraction: Extraction, levels: Iterable[str], above: frozenset[str]) -> None:
    """Mentions under one heading of one system written with and without its level, or with two
    forms of one level (区行政服务统一工作平台, 行政服务统一工作平台; 区级电子监察系统, 区电子监察系统)
    take one name, the others' kept as labels, so that the item lists the system
    once; mentions at two levels (省级网上办事大厅, 区网上办事大厅), or linked to each other
    (全国一体化在线政务服务平台与一体化在线政务服务平台对接), name two systems and stay apart, as do
    a name without a level, the document's own system, and the name with a level *above* the
    document's (电子政务内网 and 省电子政务内网 in a city's plan). The name kept is the first one
    written."""
    by_length = sorted(levels, key=len, reverse=True)
    linked = _linked(extraction)
    groups: dict[tuple[int | None, str], list[tuple[str, Mention]]] = defaultdict(list)
    for mention in extraction.of_kind("platform"):
        level = next((w for w in by_length if mention.name.startswith(w)), "")
        core = mention.name[len(level) :]
        if len(core) >= _MIN_CORE:
            groups[(mention.heading, core)].append((_class_of_level(level), mention))
    for members in groups.values():
        if len({level for level, _ in members if level}) > 1 or any(id(m) in linked for _, m in members):
            continue
        if any(not level for level, _ in members) and any(level in above for level, _ in members):
            continue
        named = members[0][1]
        for _, mention in members:
            if mention.name != named.name:
                mention.labels = [named.name, *mention.labels]
                mention.name = named.name


def _one_name_and_its_longer_form(extraction: Extraction, above: frozenset[str]) -> None:
    """Mentions under one heading where one name ends the other (科研诚信信息系统 and
    自然科学和哲学社会科学科研诚信信息系统; 电梯应急处置平台 and “96196”电梯应急处置平台) name one
    system, written once short and once with what sets it apart: both take the name written first,
    as :func:`_one_name_a_level_apart` does, the other kept as a label. Not where two longer names end
    the short one (X平台 beside 甲X平台 and 乙X平台: which one is meant is unsaid), nor where either
    is linked to another system or stands in a document's title (《X系统管理办法》 names the document),
    nor where the longer adds only a level *above* the document's (省电子政务内网 in a city's plan)."""
    text, linked = extraction.document.text, _linked(extraction)
    by_heading: dict[int | None, list[Mention]] = defaultdict(list)
    for mention in extraction.of_kind("platform"):
        if id(mention) not in linked and not in_a_cited_title(text, mention.start):
            by_heading[mention.heading].append(mention)
    for members in by_heading.values():
        names = list(dict.fromkeys(m.name for m in members))  # in the order first written
        for short in names:
            longer = [name for name in names if name != short and name.endswith(short)]
            if len(short) < _MIN_CORE or len(longer) != 1:
                continue
            if _class_of_level(longer[0][: -len(short)]) in above:
                continue  # 电子政务内网 and 省电子政务内网 in a city's plan: the city's and the province's
            kept, other = (short, longer[0]) if names.index(short) < names.index(longer[0]) else (longer[0], short)
            for mention in members:
                if mention.name == other:
                    mention.labels = [kept, *mention.labels]
                    mention.name = kept


def _linked(extraction: Extraction) -> set[int]:
    """The ids of the platform mentions linked to another system (X平台与Y平台对接)."""
    return {id(extraction.mentions[i]) for first, second, _ in extraction.platform_links for i in (first, second)}


def _attach_piece(extraction: Extraction, doc: Any, offset: int, locate: _Locator, gazetteer: Gazetteer) -> None:
    jurisdiction = extraction.metadata.jurisdiction

    def mention(kind: str, name: str, start: int, end: int, **extra: Any) -> Mention | None:
        start, end = start + offset, end + offset
        if locate.excluded(start):
            return None
        heading, item = locate.heading(start)
        return Mention(kind, name, start, end, item, heading, locate.task(start), **extra)

    platforms = doc.spans["platforms"]
    platform_index: dict[int, int] = {}
    bodies = {(span.start_char, span.end_char) for span in doc.spans["agencies"]}
    items = [locate.heading(span.start_char + offset)[0] for span in platforms]
    named = set(zip(items, (span.id_ for span in platforms), strict=True))
    for index, span in enumerate(platforms):
        if (span.start_char, span.end_char) in bodies:
            continue  # 区大数据中心 beside 区行政服务中心: a body the gazetteer knows, no system
        if span.kb_id_ and (items[index], span.kb_id_) in named:
            continue  # X平台（以下简称“在线平台”）…在线平台: an item that names the system in full lists it once
        action = None if span.label_ == "mentions" else span.label_
        made = mention(
            "platform", span.id_, span.start_char, span.end_char, labels=name_labels(span.id_), action=action
        )
        if made:
            platform_index[index] = len(extraction.mentions)
            extraction.mentions.append(made)
    extraction.platform_links += [
        (platform_index[first], platform_index[second], verb)
        for first, second, verb in platforms.attrs["links"]
        if first in platform_index and second in platform_index
    ]
    for span in doc.spans["programmes"]:
        made = mention("programme", span.id_, span.start_char, span.end_char, labels=name_labels(span.id_))
        if made:
            extraction.mentions.append(made)
    for span in doc.spans["places"]:
        place = gazetteer.places[span.id_]
        made = mention("place", place.name, span.start_char, span.end_char, labels=[span.text], ref=place.code)
        if made:
            extraction.mentions.append(made)
    for span in doc.spans["agencies"]:
        resolution = gazetteer.resolve(span.text, jurisdiction, unplaced=extraction.unplaced)
        labels = list(resolution.labels)
        made = mention("agency", resolution.name, span.start_char, span.end_char, labels=labels, ref=resolution.agency)
        if made:
            extraction.mentions.append(made)
    for deadline in doc._.deadlines:
        made = mention("deadline", deadline.text, deadline.start, deadline.end)
        if made:
            extraction.mentions.append(made)
    for target in doc._.targets:
        start = target.start + offset
        if locate.excluded(start):
            continue
        heading, item = locate.heading(start)
        extraction.targets.append(
            TargetMention(
                target.text,
                start,
                target.end + offset,
                str(target.value),
                target.unit,
                target.qualifier,
                target.counted,
                item,
                heading,
                locate.task(start),
            )
        )
