"""What a document says about itself: title, number, issuer, dates, addressees, jurisdiction."""

from __future__ import annotations

import re
from collections import Counter

from extract.gazetteer import COUNTRY, Gazetteer, Place
from extract.model import Metadata

__all__ = ["ADDRESSEES", "extract_metadata", "infer_jurisdiction"]

_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［【（][12]\d{3}[〕\]］】）]\s*\d{1,4}\s*号")
# 《…》 is no part of the issuer: a notice named in book-title marks is one the text cites
# (根据《X关于印发…的通知》), not the one it is.
_NOTICE = re.compile(r"(?<![\u4e00-\u9fff《])([^\s。，；：《》]{2,40}?)关于印发[《“]?([^\s。；》”]{2,80}?)[》”]?的通知")
_TITLE_WORDS = (
    "要点",
    "方案",
    "计划",
    "意见",
    "通知",
    "规划",
    "办法",
    "措施",
    "决定",
    "纲要",
    "指南",
    "细则",
    "规定",
    "条例",
    "规则",
)
_DATE = re.compile(r"([12]\d{3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"([12]\d{3})[-/.](\d{1,2})[-/.](\d{1,2})")
_PUBLISHED = re.compile(r"发布日期[：]\s*" + _ISO_DATE.pattern)
# The addressee line of a notice: 各…： at a line start (or after the date line a web copy glued
# on), followed by the end of the line or the 《title》 of what is sent.
ADDRESSEES = re.compile(r"(?<![\u4e00-\u9fff、，])(各[^。：\n]{2,200}?)[：](?=\s*(?:\n|《|$))")
# A reply's or a letter's salutation: one body's name alone on its line before a colon (河东区生态环境局:)
_SALUTATION = re.compile(r"([^\s：:。，,；;、（）()《》]{3,40})[：:]")
# how many of a document's first lines may hold its salutation (title, number, date, then the salutation)
_SALUTATION_LINES = 8
_ISSUER_SUFFIXES = ("人民政府办公厅", "人民政府", "办公厅", "办公室", "管理局", "委员会", "国务院", "局", "厅")
# A line wholly in brackets (（此件公开发布）) notes how the text is published; 特此通知 closes a notice.
_BRACKETED_LINE = re.compile(r"[（(][^（）()]*[）)]")
_CLOSING_FORMULA = "特此"
# The provinces as a whole, as national bodies address them: 各省（区、市）, 省、自治区、直辖市, 省（市、区）
_ALL_PROVINCES = re.compile(
    r"省[（(]\s*(?:自治)?区\s*、\s*(?:直辖)?市\s*[）)]|省[（(]\s*(?:直辖)?市\s*、\s*(?:自治)?区\s*[）)]|省、自治区、直辖市"
)
_LEVEL_OF_WORD = {"省": "province", "市": "prefecture", "区": "county", "县": "county"}
_LEVEL_MENTION = re.compile(r"(?<=[（〔：，、；及和])(省|市|区|县)(?!场|民|政府)")


def _iso(year: str, month: str, day: str) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _title(lines: list[str]) -> str | None:
    """The first short line, or two or three joined, that ends like a title (…要点, …的通知); a
    note in brackets on a line of its own (（此件公开发布）), a document number (某政发〔2030〕1号)
    and a closing formula (特此通知) are none of it.

    >>> _title(["（此件公开发布）", "数字某某2030年", "工作要点", "特此通知"])
    '数字某某2030年工作要点'
    >>> _title(["某政发〔2030〕1号", "某某县人民政府", "关于印发某某方案的通知"])
    '某某县人民政府关于印发某某方案的通知'
    >>> _title(["各区人民政府：", "特此通知"]) is None
    True
    """
    for index, line in enumerate(lines[:30]):
        if _DATE.search(line) and not line.endswith(_TITLE_WORDS):
            continue
        if _BRACKETED_LINE.fullmatch(line) or line.startswith(_CLOSING_FORMULA) or _DOC_NUMBER.fullmatch(line):
            continue
        joined = ""
        for following in lines[index : index + 3]:
            if joined and _DATE.fullmatch(following):
                break
            joined += following
            if len(joined) > 60 or re.search(r"[。，；：]", joined):
                break
            if joined.endswith(_TITLE_WORDS):
                return joined
    return None


def _issuer_and_signature(norm: str, lines: list[str]) -> tuple[str | None, str | None]:
    """The signature (an organisation's name on a line, the date on the next) if any."""
    for index, line in enumerate(lines[:-1]):
        if line.endswith(_ISSUER_SUFFIXES) and len(line) <= 30 and not re.search(r"[，。：]", line):
            date = _DATE.fullmatch(lines[index + 1])
            if date:
                return line, _iso(*date.groups())
    inline = re.search(
        r"([^\s。，；：（）]{2,30}?(?:人民政府办公厅|人民政府|办公厅|办公室|管理局|委员会))\s*" + _DATE.pattern, norm
    )
    if inline:
        return inline.group(1), _iso(*inline.groups()[1:4])
    return None, None


def infer_jurisdiction(norm: str, issuer: str | None, gaz: Gazetteer, title: str | None = None) -> str:
    """The jurisdiction code: the place the issuer's name or the title opens with (苏州市吴江区
    人民政府, 牡丹江市西安区…方案: the district); else the place the text names most at the level
    the issuer (市人民政府) or, without one, the notes' units are written at (市数据管理局 → a
    city, or a municipality such as 北京市; the places below it that the text names count for
    it); else the place it names most. A county counts only where its name is written whole (东山
    中央城 names no 东山县). A place wins only when named more often than any other; else the
    country, as where the text names the provinces as a whole (各省（区、市）).

    >>> from extract.gazetteer import load_gazetteer
    >>> gaz = load_gazetteer()
    >>> infer_jurisdiction("（责任单位：市财政局）丹阳市、句容市、丹徒区完成县乡管网建设", None, gaz)
    '321100'
    >>> infer_jurisdiction("（责任单位：省发改委、各市政府）甘肃省推进……甘肃省", None, gaz)
    '620000'
    >>> infer_jurisdiction("（责任单位：市财政局）北京、天津", None, gaz)
    '100000'
    """
    if issuer:
        if issuer.startswith(("国务院", "中共中央", "中央", "国家")):
            return COUNTRY
        issuing = _place_opening(issuer, gaz)  # 苏州市吴江区人民政府: the district
        if issuing is not None:
            return issuing.code
        if gaz.lookup(issuer, COUNTRY):
            return COUNTRY
    titled = _place_opening(title or "", gaz)
    if titled is not None:
        return titled.code
    if _ALL_PROVINCES.search(norm):
        return COUNTRY  # the provinces as a whole (各省（区、市）): the writer is national, a place it names no home
    levels = Counter(_LEVEL_MENTION.findall(norm))
    written = issuer[:1] if issuer and issuer[:1] in _LEVEL_OF_WORD else ""
    level = _LEVEL_OF_WORD.get(written or (levels.most_common(1)[0][0] if levels else ""))
    mentions: Counter[str] = Counter()
    at_level: Counter[str] = Counter()
    for start, end, places in gaz.place_mentions(norm):
        for place in places:
            if place.code == COUNTRY or (place.level == "county" and end - start < len(place.name)):
                continue  # 全国, 中国: no place of the plan's own; 东山 (中央城) is no 东山县
            mentions[place.code] += 1
            holder = _holder_at(place, level, gaz)
            if holder is not None:
                at_level[holder.code] += 1
    for counts in (at_level, mentions):
        ranked = counts.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
    return COUNTRY


def _place_opening(text: str, gaz: Gazetteer) -> Place | None:
    """The place *text* opens with, down to the last place named inside the one before it
    (牡丹江市西安区 → 西安区), or None."""
    found: Place | None = None
    while (at := gaz.place_at_start(text, near=found.code if found else None)) is not None:
        place, length = at
        if found is not None and place.parent != found.code:
            break
        found, text = place, text[length:]
    return found


def _holder_at(place: Place, level: str | None, gaz: Gazetteer) -> Place | None:
    """*place*, or the place above it, at *level*; a municipality (北京市) is at a city's level."""
    holder: Place | None = place
    while holder is not None:
        municipality = holder.level == "province" and gaz.level_word(holder) == "市"
        if holder.level == level or (level == "prefecture" and municipality):
            return holder
        holder = gaz.places.get(holder.parent) if holder.parent else None
    return None


def _one_addressee(lines: list[str], gaz: Gazetteer) -> list[str]:
    """The one body a reply or a letter is addressed to: its name alone on one of the first lines,
    before a colon, ending in an organisation's word (河东区生态环境局:), no label (责任单位：), and
    a sentence on the line after it (not a web page's menu, 县区分站: / 当前位置: …).

    >>> from extract.gazetteer import load_gazetteer
    >>> _one_addressee(["关于X规划的批复", "河东区生态环境局:", "你局关于报审X的请示收悉。"], load_gazetteer())
    ['河东区生态环境局']
    >>> _one_addressee(["关于X的通知", "责任单位：", "市发改委。"], load_gazetteer())
    []
    >>> _one_addressee(["主办", "县区分站:", "当前位置: 新闻"], load_gazetteer())
    []
    """
    lexicon = gaz.lexicon
    for number, line in enumerate(lines[:_SALUTATION_LINES]):
        salutation = _SALUTATION.fullmatch(line)
        if salutation is None:
            continue
        name = salutation.group(1)
        addressed = number + 1 < len(lines) and "。" in lines[number + 1]
        if addressed and name.endswith(lexicon.organisation_suffixes) and not lexicon.label_pattern.search(line):
            return [name]
        return []  # the first line ending in a colon, if not a body's name, opens the text
    return []


def extract_metadata(norm: str, gaz: Gazetteer, jurisdiction: str | None = None) -> Metadata:
    """Read the metadata from the matching text of a document.

    >>> from extract.gazetteer import load_gazetteer
    >>> head = "国务院关于支持自由贸易试验区\\n深化改革创新若干措施的通知\\n国发〔2018〕38号\\n"
    >>> meta = extract_metadata(head, load_gazetteer())
    >>> meta.title, meta.doc_number, meta.issuer, meta.jurisdiction
    ('国务院关于支持自由贸易试验区深化改革创新若干措施的通知', '国发〔2018〕38号', '国务院', '100000')
    """
    lines = [line.strip() for line in norm.split("\n") if line.strip()]
    meta = Metadata()
    notice = _NOTICE.search(norm[:2000])
    if notice:
        meta.issuer, meta.title = notice.group(1), notice.group(2)
    else:
        meta.title = _title(lines)
        if meta.title and "关于" in meta.title:  # X关于…, X印发关于…的通知
            meta.issuer = meta.title.split("关于", 1)[0].removesuffix("印发") or None
    number = _DOC_NUMBER.search(norm[:3000])
    meta.doc_number = re.sub(r"\s+", "", number.group(0)) if number else None
    signer, meta.signed = _issuer_and_signature(norm, lines)
    meta.issuer = meta.issuer or signer
    published = _PUBLISHED.search(norm[:3000])
    meta.published = _iso(*published.groups()) if published else None
    addressees = ADDRESSEES.search(norm[:3000])
    if addressees:
        meta.addressees = [a.strip() for a in addressees.group(1).split("，") if a.strip()]
    else:
        meta.addressees = _one_addressee(lines, gaz)
    code = jurisdiction or infer_jurisdiction(norm, meta.issuer, gaz, meta.title)
    place = gaz.places.get(code)
    meta.jurisdiction = code
    if place is not None:
        meta.jurisdiction_name, meta.jurisdiction_level = place.name, place.level
    return meta
