"""The grammar of platform and programme names, over part-of-speech tagged tokens.

A name is a noun phrase ending in a head of a closed class (平台, 系统, APP, 网, 码 …; 行动,
工程 … for programmes). spaCy ``Matcher`` patterns over the tags (``ontology/
platform_patterns.jsonl``) give the longest runs of name-like tokens that end in a head; the
grammar here cuts each run into names, because the tags alone cannot tell a predicate from a
modifier: a name never starts with the predicate before it (印发X码, 扩大X网: a word that cannot
start a noun phrase, an action verb, the word after an adverb, a verbal noun first in its
clause, a verb glued to the front of a word); a conjunction or verb after a complete name
starts another (A码和B码, X枢纽建设Y库), so does a repeated head (A码B码); numbers, quantities
and locatives are never inside a name (进一个网, 企业上云). The category after 等 goes to each
item of the list before it, quoted items share the head after them (“A”“B”对象库), and a
phrase that only names a kind (政府网站, 大平台, 一批平台) is no name. A quoted phrase without a
head is a name where it is shaped like a service brand (浙里办, 爱山东).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from extract.gazetteer import load_gazetteer
from extract.lexicon import load_lexicon
from extract.text import alternation, in_a_cited_title
from extract.words import opens_a_noun_phrase
from ontology import ONTOLOGY_DIR, read_json

__all__ = [
    "ORGANISATION_TAG",
    "PATTERNS_PATH",
    "Found",
    "Grammar",
    "Tok",
    "Words",
    "abbreviated_mentions",
    "find_names",
    "load_grammar",
    "name_labels",
    "read_patterns",
]

PATTERNS_PATH = ONTOLOGY_DIR / "platform_patterns.jsonl"
_QUOTES = str.maketrans("", "", "“”\"‘’'「」『』")
_HARD_PUNCTUATION = ("wd", "wj", "wf", "wm", "wt", "ww", "wkz", "wky", "x")  # every w-tag but 、 and quotes
_SINGLE_GENERIC_TAGS = frozenset({"a", "ag", "m", "q", "r", "d", "f"})
_PLACE_NAME_TAGS = frozenset({"ns", "j"})  # jieba's tags of a place's name and of an abbreviation (三晋, 八闽)
_QUANTITY = "mq"  # the tag of a number that counts, given by find_names (no jieba tag)
_ORDINAL = "mo"  # the tag of an ordinal and its measure (第二|条), given by find_names
ORGANISATION_TAG = "nt"  # ICTCLAS's tag of an organisation: the first word of a body the gazetteer knows
_WORD = re.compile(r"\w")  # a letter, a digit or a character of Chinese: no separator
_ENUMERATION_CLOSER = "等"  # closes a list: what follows it says what the items are (A、B等平台)
_LEVEL_ADJECTIVE = "级"  # ends a level's adjective (区级, 园区级): of that level, whichever place
_OPENING_BRACKETS = frozenset("（(")  # a word in brackets inside a name: 技能（技术）人才评价工作网
_CLOSING_BRACKETS = frozenset("）)")
_TITLE_OPENERS = frozenset("《〈")  # open a cited title: its first word acts in no clause of the plan
_DROPPED_LEVEL_LENGTH = 4  # the fewest characters of a name written without its level (政务服务平台; not 平台)
_LINKING_REACH = 3  # words after two names joined by 与 a verb linking them may stand in (无缝|对接)


class Words(Protocol):
    """What the grammar asks of the tagger's dictionary."""

    def frequency(self, word: str) -> int: ...

    def tag(self, word: str) -> str: ...

    def leading_word(self, word: str) -> tuple[str, str] | None: ...

    def word_around(self, text: str, position: int) -> tuple[int, int]: ...


class Tok(NamedTuple):
    """A token of a window: its text, character offsets, tag, and the head it ends in ("" if none)."""

    text: str
    start: int
    end: int
    tag: str
    head: str


@dataclass
class Found:
    """A name; ``first``/``last`` are token indices into its window (``last`` exclusive)."""

    name: str
    start: int
    end: int
    first: int
    last: int
    action: str | None = None
    quoted: bool = False
    before: str | None = None  # the word right before the name: the predicate, if it was one


@dataclass(frozen=True)
class Grammar:
    """``ontology/platforms.json``: the closed word classes and tag classes of the grammar."""

    heads: tuple[str, ...]
    online_heads: frozenset[str]
    online_markers: tuple[str, ...]
    online_reach: int
    programme_heads: tuple[str, ...]
    common_word_frequency: int
    generic_modifier_frequency: int
    levels: frozenset[str]
    actions: dict[str, str]
    link_verbs: frozenset[str]
    programme_verbs: frozenset[str]
    achieving_verbs: frozenset[str]
    programme_generic_names: frozenset[str]
    compound_tails: tuple[str, ...]
    nominal_actions: frozenset[str]
    institutions: tuple[str, ...]
    holding_heads: frozenset[str]
    category_suffixes: tuple[str, ...]
    brand_categories: frozenset[str]
    body_tails: tuple[str, ...]
    versions: re.Pattern[str]
    numerals: str
    counter_words: frozenset[str]
    one_values: frozenset[str]
    indefinite_numerals: frozenset[str]
    collective_measures: frozenset[str]
    not_counting_measures: frozenset[str]
    ordinal: str
    first: str
    naming_measures: tuple[str, ...]
    abbreviation_markers: tuple[str, ...]
    modals: frozenset[str]
    enumerating_verbs: frozenset[str]
    directional_complements: frozenset[str]
    national_levels: tuple[str, ...]
    prepositional_complements: tuple[str, ...]
    copulas: frozenset[str]
    copula_frames: dict[str, str]
    becoming_verbs: frozenset[str]
    disposal_markers: frozenset[str]
    resultative_finals: tuple[str, ...]
    other_kind_categories: frozenset[str]
    kind_determiners: tuple[str, ...]
    deictics: frozenset[str]
    deictic_areas: frozenset[str]  # 本|行政区域: the area a deictic points at
    existing_determiners: frozenset[str]
    time_nouns: frozenset[str]
    channel_suffix: str
    nominalisers: frozenset[str]
    organisation_suffixes: tuple[str, ...]  # the note grammar's (ontology/lexicon.json): 局, 委, 部门 …
    list_joiners: frozenset[str]  # the note grammar's unit joiners too: 和, 及 … join two items of a list, as 、 does
    person_titles: tuple[str, ...]  # the note grammar's too: 长, 书记, 主任 …
    kind_names: tuple[str, ...]
    negations: frozenset[str]
    citing_words: frozenset[str]
    dateline: re.Pattern[str]
    publishing_verbs: frozenset[str]
    branches: frozenset[str]
    collective_owners: tuple[str, ...]
    owner_relations: tuple[str, ...]
    named_heads: frozenset[str]
    sector_heads: frozenset[str]
    offline_words: dict[str, frozenset[str]]  # by head: the words before it that say a system is offline
    digital_words: tuple[str, ...]
    physical_heads: frozenset[str]  # 枢纽: physical works unless a word of the name is digital
    brand_finals: frozenset[str]
    start_tags: frozenset[str]
    verb_tags: frozenset[str]
    adverb_tags: frozenset[str]
    conjunction_tags: frozenset[str]
    clause_initial_predicate_tags: frozenset[str]
    saying_tags: frozenset[str]  # jieba's idioms: a quoted one is a saying (“一刀切”), and so are those listed with it

    @cached_property
    def single_character_heads(self) -> frozenset[str]:
        """The heads of one character (网, 云, 码, 库)."""
        return frozenset(h for h in self.heads if len(h) == 1)

    @cached_property
    def triggers(self) -> str:
        """The last characters of every head, and the opening quotes of a brand (“ and a straight
        one): a sentence without one names nothing."""
        return "".join(sorted({h[-1] for h in (*self.heads, *self.programme_heads)} | {"“", '"'}))

    @cached_property
    def abbreviation_pattern(self) -> re.Pattern[str]:
        """The bracket that defines a short form right after a name, maybe saying more after a
        comma; group 1 is the short form."""
        markers = "|".join(map(re.escape, sorted(self.abbreviation_markers, key=len, reverse=True)))
        aside = "(?:\\s*[，,；;][^（）()]{0,40}?)?"  # （以下简称“国家平台”，网址：…）: more said after it
        return re.compile(
            f'\\s*[（(]\\s*(?:{markers})[：:]?\\s*[“"‘]?([^”"’（）()，,。；]{{2,20}}?)[”"’]?{aside}\\s*[）)]'
        )

    @cached_property
    def verbal_tags(self) -> frozenset[str]:
        """The tags of verbs and of verbal nouns (建设 is tagged vn): words that may be predicates."""
        return self.verb_tags | {"vn"}

    @property
    def qualifier_tags(self) -> frozenset[str]:
        """The tags of an adjective and of adverbs: words that qualify, no part of a name's head."""
        return self.adverb_tags | {"a"}

    def heads_of(self, kind: str) -> tuple[str, ...]:
        return self.heads if kind == "platform" else self.programme_heads

    def head(self, text: str, start: int, end: int, words: Words) -> tuple[str, str]:
        """(kind, head) of the token ``text[start:end]`` if a head ends it, else ("", "").

        A one-character head ends a name only where it is no part of a common word: not in
        互联网 or 密码 (frequent in jieba's dictionary; but 信息网, whose rest is a digital word),
        not in a word the text around it makes with the next characters (网络, 网上; but 外网|通道),
        not after a verb or locative it makes a phrase with (上云; 外网 is a word), nor after an
        adjective or adverb jieba's model glued it to (不宜网).
        """
        for kind, heads in (("platform", self.heads), ("programme", self.programme_heads)):
            for head in heads:
                if not text.endswith(head, 0, end):
                    continue
                if len(head) == 1:
                    word = text[start:end]
                    digital = word[: -len(head)] in self.digital_words  # 信息网, 信息库: a digital one all the same
                    if (len(word) > 1 and words.frequency(word) >= self.common_word_frequency and not digital) or (
                        words.word_around(text, end - 1)[1] > end
                    ):
                        return "", ""
                    if len(word) == 2 and not words.frequency(word) and words.tag(word[0])[:1] in ("v", "f"):
                        return "", ""  # 上云, 入链: a verb and its object, not a name
                    rest = word[: -len(head)]
                    if len(rest) > 1 and not words.frequency(word) and words.tag(rest) in self.qualifier_tags:
                        return "", ""  # 除不宜|网办事项外: an adjective or adverb jieba's model glued on
                if head in self.online_heads and not self.online_before(text, end - len(head)):
                    return "", ""  # 政务服务大厅: a building
                return kind, head
        return "", ""

    def online_before(self, text: str, position: int) -> bool:
        """Whether a word that says "online" stands within reach before *position*, in the same
        phrase (no punctuation or space between).

        >>> grammar = load_grammar()
        >>> grammar.online_before("市级网上政务大厅", 6), grammar.online_before("网上申报，政务大厅", 7)
        (True, False)
        """
        before = re.split(r"[\W_]", text[max(0, position - self.online_reach) : position])[-1]
        return any(marker in before for marker in self.online_markers)


@lru_cache(maxsize=4)
def load_grammar(path: Path | None = None) -> Grammar:
    """Read ``ontology/platforms.json`` (or *path*)."""
    data = read_json(path or ONTOLOGY_DIR / "platforms.json", "platform grammar")
    tags = data["tags"]
    return Grammar(
        heads=tuple(sorted(data["heads"], key=len, reverse=True)),
        online_heads=frozenset(data["online_heads"]["words"]),
        online_markers=tuple(data["online_heads"]["markers"]),
        online_reach=int(data["online_heads"]["reach"]),
        programme_heads=tuple(sorted(data["programme_heads"], key=len, reverse=True)),
        common_word_frequency=int(data["common_word_frequency"]),
        generic_modifier_frequency=int(data["generic_modifier_frequency"]),
        levels=frozenset(data["levels"]),
        actions={verb: action for action, verbs in data["verbs"].items() for verb in verbs},
        link_verbs=frozenset(data["link_verbs"]),
        programme_verbs=frozenset(data["programme_verbs"]),
        achieving_verbs=frozenset(data["achieving_verbs"]["words"]),
        programme_generic_names=frozenset(data["programme_generic_names"]),
        compound_tails=tuple(data["compound_tails"]),
        nominal_actions=frozenset(data["nominal_actions"]),
        institutions=tuple(data["institutions"]),
        holding_heads=frozenset(data["holding_heads"]["words"]),
        category_suffixes=tuple(data["category_suffixes"]["words"]),
        brand_categories=frozenset(data["brand_categories"]["words"]),
        body_tails=tuple(data["body_tails"]["words"]),
        versions=re.compile(data["versions"]),
        numerals=data["numerals"],
        counter_words=frozenset(data["counters"]["words"]),
        one_values=frozenset(data["counters"]["one_values"]),
        indefinite_numerals=frozenset(data["counters"]["indefinite"]),
        collective_measures=frozenset(data["counters"]["collective"]),
        not_counting_measures=frozenset(data["counters"]["not_counting"]),
        ordinal=data["counters"]["ordinal"],
        first=data["counters"]["first"],
        naming_measures=tuple(data["counters"]["naming"]),
        abbreviation_markers=tuple(data["abbreviations"]["markers"]),
        modals=frozenset(data["modals"]["words"]),
        enumerating_verbs=frozenset(data["enumerating_verbs"]["words"]),
        directional_complements=frozenset(data["directional_complements"]["words"]),
        national_levels=tuple(data["national_levels"]["words"]),
        prepositional_complements=tuple(data["prepositional_complements"]["words"]),
        copulas=frozenset(data["copulas"]["words"]),
        copula_frames=dict(data["copulas"]["frames"]),
        becoming_verbs=frozenset(data["becoming"]["verbs"]),
        disposal_markers=frozenset(data["becoming"]["disposal_markers"]),
        resultative_finals=tuple(data["becoming"]["resultative_finals"]),
        other_kind_categories=frozenset(data["other_kind_categories"]["words"]),
        kind_determiners=tuple(dict.fromkeys([*data["kind_determiners"]["words"], *load_lexicon().collective_markers])),
        deictics=frozenset(data["deictics"]["words"]),
        deictic_areas=frozenset(data["deictics"]["areas"]),
        existing_determiners=frozenset(data["existing_determiners"]["words"]),
        time_nouns=frozenset(data["time_nouns"]["words"]),
        channel_suffix=data["channels"]["suffix"],
        nominalisers=frozenset(data["nominalisers"]["words"]),
        organisation_suffixes=load_lexicon().organisation_suffixes,
        list_joiners=frozenset(load_lexicon().unit_joiners),
        person_titles=load_lexicon().person_titles,
        kind_names=tuple(data["kind_names"]["words"]),
        negations=frozenset(data["negations"]["words"]),
        citing_words=frozenset(data["citations"]["before"]),
        dateline=re.compile(
            f"\\s*(?:(?:\\d{{4}}年)?\\d{{1,2}}月\\d{{1,2}}日(?:{alternation(data['citations']['dateline_ends'])})"
            f"|(?:[^\\W\\d]{{0,4}}新闻)?(?:{alternation(data['citations']['news_reports'])}))"
        ),
        publishing_verbs=frozenset(data["citations"]["publishing_verbs"]),
        branches=frozenset(data["branches"]["words"]),
        collective_owners=tuple(data["collective_owners"]["words"]),
        owner_relations=tuple(data["collective_owners"]["relations"]),
        named_heads=frozenset(data["named_heads"]["words"]),
        sector_heads=frozenset(data["sector_heads"]["words"]),
        offline_words=_words_by_head(data["offline"]["classes"]),
        digital_words=tuple(data["offline"]["digital_words"]),
        physical_heads=frozenset(data["offline"]["physical_heads"]["words"]),
        brand_finals=frozenset(data["brand_finals"]["words"]),
        start_tags=frozenset(tags["start"]),
        verb_tags=frozenset(tags["verb"]),
        adverb_tags=frozenset(tags["adverb"]),
        conjunction_tags=frozenset(tags["conjunction"]),
        clause_initial_predicate_tags=frozenset(tags["clause_initial_predicate"]),
        saying_tags=frozenset(tags["saying"]),
    )


def _words_by_head(classes: list[dict]) -> dict[str, frozenset[str]]:
    """Each head of the word classes with the words of every class it belongs to.

    >>> by_head = _words_by_head([{"heads": ["平台"], "words": ["合作"]}, {"heads": ["平台", "网"], "words": ["管网"]}])
    >>> sorted(by_head["平台"]), sorted(by_head["网"])
    (['合作', '管网'], ['管网'])
    """
    heads = dict.fromkeys(head for c in classes for head in c["heads"])
    return {head: frozenset(w for c in classes if head in c["heads"] for w in c["words"]) for head in heads}


def read_patterns(path: Path | None = None) -> list[dict]:
    """The Matcher patterns (``{"label", "id", "pattern"}`` per line) of *path*."""
    lines = (path or PATTERNS_PATH).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """Place names of two characters or more, and one-character abbreviations (闽, 苏), from the
    gazetteer's places file."""
    names: set[str] = set()
    abbreviations: set[str] = set()
    for line in (ONTOLOGY_DIR / "gazetteer" / "places.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            for form in (row.get("name") or "", *row.get("short", ())):
                if form:
                    (abbreviations if len(form) == 1 else names).add(form)
    return frozenset(names), frozenset(abbreviations)


def find_names(
    text: str,
    tokens: list[Tok],
    candidates: list[tuple[int, int, str]],
    kind: str,
    grammar: Grammar,
    words: Words,
) -> tuple[list[Found], list[tuple[int, int, str]]]:
    """Names of *kind* in one window (a sentence) and the links between them.

    *candidates* are Matcher matches (start, end, label) over *tokens*; label ``BRAND`` marks
    a quoted phrase without a head, a name only if it is shaped like a service brand.
    """
    tokens = _mark_quantities(tokens, grammar, words)
    found: list[Found] = []
    brands = []
    words_alone: list[int] = []  # a word ending in a head, a segment of its own, that names no system alone
    for start, end, label in sorted(candidates):
        if label == "BRAND":
            brands.append((start, end))
        else:
            segments = _segments(tokens, start, end, grammar, words)
            if start > 0 and tokens[start - 1].text == _ENUMERATION_CLOSER and segments and segments[0][0] == start:
                found += _distributed(tokens, start, end, segments[0][1], grammar)
                continue  # the category after 等 opens the run: it names the items' kind, or none
            for segment in segments:  # 等新技术|建设X城市大脑: no category of systems, the run goes on
                items = _items_before_a_shared_head(tokens, *segment, grammar) if kind == "platform" else []
                name = _name(text, tokens, items[-1][0] if items else segment[0], segment[1], kind, grammar, words)
                if name is not None:
                    found += [_given_the_head(text, tokens, item, name) for item in items[:-1]]
                    found += _quoted_items(text, tokens, name, grammar)
                elif segment[1] - segment[0] == 1 and tokens[segment[0]].head:
                    words_alone.append(segment[0])
    if kind == "platform":
        found += _listed_with_names_of_its_head(text, tokens, words_alone, found)
        taken = [(f.first, f.last) for f in found]
        for start, end in brands:
            free = not any(a < end and start < b for a, b in taken)
            programme = end < len(tokens) and tokens[end].text in grammar.programme_heads  # “校校通”工程
            if (
                free
                and not programme
                and (_is_brand(text, tokens, start, end, grammar, words) or _counted_brands(tokens, end, grammar))
                and not _listed_with_common_phrases(text, tokens, (start, end), brands, grammar, words)
                and not _listed_with_a_saying(text, tokens, (start, end), grammar, words)
            ):
                end = _past_a_branch(tokens, end, grammar)  # “湘易办”沅江专区
                a, b = tokens[start].start, tokens[end - 1].end
                found.append(Found(_written(text, a, b), a, b, start, end, quoted=True))
        listed = True
        while listed:  # “三晋通”“领导驾驶舱”: a quoted phrase listed beside a quoted name is one too
            listed = False
            for start, end in brands:
                free = not any(f.first < end and start < f.last for f in found)
                if (
                    free
                    and _listed_beside_a_name(tokens, start, end, found, grammar)
                    and _may_be_a_brand(text, tokens, start, end, grammar)
                ):
                    a, b = tokens[start].start, tokens[end - 1].end
                    found.append(Found(_written(text, a, b), a, b, start, end, quoted=True))
                    listed = True
    no_mention = (
        _alone_on_their_lines(text, found) | _short_forms_defined(text, found, grammar) if kind == "platform" else set()
    )
    found = [
        f
        for f in found
        if kind != "platform"
        or not (id(f) in no_mention or _described(text, tokens, f, grammar, words) or _cited(text, tokens, f, grammar))
    ]
    found.sort(key=lambda f: f.start)
    for item in found:
        item.action = _action(tokens, item, grammar, words)
    return found, _links(tokens, found, grammar)


def _cited(text: str, tokens: list[Tok], found: Found, grammar: Grammar) -> bool:
    """A name cited as the source of news (据X网站, X网6月20日讯, X网大皖新闻讯) or a medium that
    publishes a report (X网刊发《…》): no system the plan builds."""
    before = tokens[found.first - 1].text if found.first > 0 else ""
    after = tokens[found.last].text if found.last < len(tokens) else ""
    return (
        before in grammar.citing_words
        or after in grammar.publishing_verbs
        or grammar.dateline.match(text, found.end) is not None
    )


def _alone_on_their_lines(text: str, found: list[Found]) -> set[int]:
    """The ids of the names that fill their line with nothing but separators beside them: a copied
    web page's furniture (a site's name over its page, a list of its channels, 法搜网--X网), no
    system the plan speaks of. A plan names a system in a sentence (a caption's ends in a full stop),
    a heading with its number or a table's row, never on a bare line of its own."""
    lines: dict[int, list[Found]] = {}
    for f in found:
        lines.setdefault(text.rfind("\n", 0, f.start) + 1, []).append(f)
    alone: set[int] = set()
    for line_start, names in lines.items():
        line_end = text.find("\n", line_start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        rest = list(line)
        for f in names:
            if f.end > line_start + len(line):
                break
            rest[f.start - line_start : f.end - line_start] = [" "] * (f.end - f.start)
        else:
            if "|" not in line and "。" not in line and not _WORD.search("".join(rest)):
                alone.update(id(f) for f in names)  # (a full stop ends a sentence: 数据共享平台。 a caption)
    return alone


def _listed_with_names_of_its_head(text: str, tokens: list[Tok], indices: list[int], found: list[Found]) -> list[Found]:
    """Words ending in a head that alone would be kinds (人口库: one frequent word before the head)
    but stand in a list right beside a name of the same head (人口库、法人库、空间地理库): the list
    names systems one by one, and so does each of its items."""
    ends = {f.last: f for f in found}
    starts = {f.first: f for f in found}
    listed = []
    for i in indices:
        head = tokens[i].head
        if len(tokens[i].text) - len(head) < 2:
            continue  # 平台, 卡库: a bare head or a single character before it names nothing
        before = ends.get(i - 1) if i >= 2 and tokens[i - 1].tag == "wn" else None
        after = starts.get(i + 2) if i + 2 < len(tokens) and tokens[i + 1].tag == "wn" else None
        if any(f is not None and tokens[f.last - 1].head == head for f in (before, after)):
            a, b = tokens[i].start, tokens[i].end
            listed.append(Found(_written(text, a, b), a, b, i, i + 1))
    return listed


def _short_forms_defined(text: str, found: list[Found], grammar: Grammar) -> set[int]:
    """Ids of the names that a bracket right after another name defines as its short form
    (X平台（以下简称“登记平台”）): the definition names no system of its own; later mentions of
    the short form stand for the name (:func:`abbreviated_mentions`)."""
    defined: set[int] = set()
    for name in found:
        definition = grammar.abbreviation_pattern.match(text, name.end)
        if definition is not None:
            start, end = definition.span()
            defined.update(id(f) for f in found if start <= f.start and f.end <= end)
    return defined


def _described(text: str, tokens: list[Tok], found: Found, grammar: Grammar, words: Words) -> bool:
    """A copula before the name in its clause, with no action between (X是Y的法定平台, 以X为Y总
    枢纽), or what says what X becomes (:func:`_becoming`): the name describes X; not the copula of
    an enumeration (二是X平台…), nor, after a copula, a name inside what it says
    (:func:`_closes_the_complement`), nor a quoted brand X becomes (将“粤康码”升级为“粤居码”)."""
    first = found.first
    for k in range(first - 1, -1, -1):
        token = tokens[k]
        if token.tag in _HARD_PUNCTUATION:
            return False
        if _becoming(tokens, k, grammar):  # what one thing becomes may be a list (A平台、B平台): each describes it
            brand = found.quoted and _is_brand(text, tokens, found.first, found.last, grammar, words)
            return not brand and _closes_the_complement(tokens, found.last, grammar, listing=True)  # 升级为“粤居码”
        if token.text in grammar.actions:
            return False
        if token.text in grammar.copulas and _framed(tokens, k, grammar):
            return True
        if token.text in grammar.copulas and token.tag.startswith("v"):
            enumeration = k > 0 and _opens_clause(tokens, k - 1) and _enumerates(tokens, k - 1, first, grammar)
            return not enumeration and _closes_the_complement(tokens, found.last, grammar)
    return False


def _becoming(tokens: list[Tok], k: int, grammar: Grammar) -> bool:
    """Token *k* says what a subject or object becomes: a verb of becoming (成为), or a verb
    with a resultative final (办成; 成 or 为 alone after a verb, 打造|成, 打造|为) after a disposal
    marker and its object, a noun, in its clause (将政府网站|打造|成…, 把X频道|办|成…; not 将|建成,
    where 将 says when)."""
    token = tokens[k]
    after_a_verb = k > 0 and tokens[k - 1].tag.startswith("v") and token.text in grammar.resultative_finals
    if not token.tag.startswith("v") and not after_a_verb:
        return False  # (成, 为 alone after a verb are tagged a noun or a preposition: 打造|成, 打造|为)
    if token.text in grammar.becoming_verbs:
        return True
    if not token.text.endswith(grammar.resultative_finals):
        return False
    named = False
    for j in range(k - 1, -1, -1):
        if tokens[j].tag in _HARD_PUNCTUATION:
            return False
        if tokens[j].text in grammar.disposal_markers:
            return named
        named = named or bool(tokens[j].head) or tokens[j].tag.startswith("n")
    return False


def _closes_the_complement(tokens: list[Tok], last: int, grammar: Grammar, *, listing: bool = False) -> bool:
    """Whether the name ending before token *last* closes what a copula says: punctuation follows,
    or 的 and words naming no system or body (作为总枢纽|的|作用); not a name that a description
    goes on from (是指按照X平台|规范建设的…, 为落实《X平台|建设方案》) or that owns the system or
    body described (是X平台|的|市级子平台, 是X网|的|主办单位). With *listing*, 、 closes it too: what
    one thing becomes may be a list (打造成A平台、B平台); what a copula says may list systems
    (我们是A平台、B网, 即A系统、B系统)."""
    if last >= len(tokens) or tokens[last].tag in _HARD_PUNCTUATION or (listing and tokens[last].tag == "wn"):
        return True
    if tokens[last].text != "的":
        return False
    named = (
        t for t in _clause(tokens, last + 1) if t.head or _a_body(t, grammar) or t.text in grammar.organisation_suffixes
    )
    return next(named, None) is None


def _clause(tokens: list[Tok], start: int) -> list[Tok]:
    """The tokens from *start* to the next hard punctuation."""
    end = next((k for k in range(start, len(tokens)) if tokens[k].tag in _HARD_PUNCTUATION), len(tokens))
    return tokens[start:end]


def _framed(tokens: list[Tok], k: int, grammar: Grammar) -> bool:
    """The copula at *k* closes a frame opened earlier in its clause (以X|为Y)."""
    opening = grammar.copula_frames.get(tokens[k].text)
    for j in range(k - 1, -1, -1):
        if tokens[j].tag in _HARD_PUNCTUATION:
            return False
        if tokens[j].text == opening and tokens[j].tag == "p":
            return True
    return False


def _enumerates(tokens: list[Tok], i: int, end: int, grammar: Grammar) -> bool:
    """Tokens *i* and *i* + 1 are a numeral and a copula, a point of a list (一是, 二是)."""
    return (
        i + 1 < end
        and tokens[i].tag == "m"
        and all(c in grammar.numerals for c in tokens[i].text)
        and tokens[i + 1].text in grammar.copulas
    )


def _inside_quotes(tokens: list[Tok], start: int, end: int) -> list[bool]:
    """Per token, whether it is within quotes (a closing quote is, an opening one is not)."""
    inside, depth = [], 0
    for token in tokens[start:end]:
        if token.tag == "wyz":
            inside.append(depth > 0)
            depth += 1
        elif token.tag == "wyy" and depth:
            inside.append(True)
            depth -= 1
        else:
            inside.append(depth > 0)
    return inside


def _complete(tokens: list[Tok], start: int, position: int) -> str:
    """The head that ends the tokens before *position* (past closing quotes), or ""."""
    j = position - 1
    while j > start and tokens[j].tag == "wyy":
        j -= 1
    return tokens[j].head if j >= start else ""


# an item's number glued to the word after it by the segmenter (1.光网): no name runs across it
_GLUED_ITEM_NUMBER = re.compile(r"\d{1,2}[.．﹒](?=[\u4e00-\u9fff])")


def _segments(tokens: list[Tok], start: int, end: int, grammar: Grammar, words: Words) -> list[tuple[int, int]]:
    """Cut a candidate run into name segments (first token, last token exclusive)."""
    inside = _inside_quotes(tokens, start, end)
    final = _complete(tokens, start, end)
    segments = []
    first = start
    for i in range(start + 1, end):
        token = tokens[i]
        if inside[i - start]:
            continue
        if _becoming(tokens, i, grammar):
            segments.append((first, i))  # 把X频道办|成|网上办事大厅: what the object becomes, described
            first = i + 1
            continue
        if i == first:
            continue
        if _joins_as_a_preposition(token, grammar) and not _joins_inside_a_name(tokens, first, i, end, grammar):
            segments.append((first, i))  # 实现|与|国家平台对接, 政务服务中心|与|X平台: "with", two things
            first = i + 1
            continue
        bare = _a_bare_head(tokens, first, i, grammar, words)  # 推进|工程|建设项目…: the head modifies
        head = "" if bare else _complete(tokens, first, i)
        verb = (token.tag in grammar.verb_tags or token.text in grammar.actions) and not _in_next_head(tokens, i)
        conjunction = token.tag in grammar.conjunction_tags
        subject = (  # 市数据局|负责…, 市|信息|中心|负责…
            _a_body(tokens[i - 1], grammar)
            or _a_body_run(tokens, first, i, grammar, words)
            or _a_place_acting(tokens, i, grammar)
        )
        does = verb and not subject and _names_what_the_next_head_does(tokens, i, end, grammar, words)
        hall = conjunction and tokens[i - 1].text in grammar.online_heads  # 政务服务大厅|和|…平台: a hall ends it
        if ((head or subject or hall) and (conjunction or (verb and not does))) or (
            conjunction
            and (
                tokens[i - 1].text in grammar.compound_tails
                or _level_opens(tokens, i + 1, end, grammar)
                or _between_quotations(tokens, i, end)
                or (tokens[i - 1].tag == "wyy" and i + 1 < end and _a_named_place(tokens[i + 1]))
            )
        ):
            # 省网上办事大厅和闽政通APP, 总枢纽建设主题数据库, 方案和X系统, A和省B系统, “A”和陕西B网
            segments.append((first, i))
            first = i + 1
        elif _GLUED_ITEM_NUMBER.match(token.text):
            segments.append((first, i))  # 投资重点|1.光网: an item's number the segmenter glued to its title
            first = i
        elif _starts_at_level(tokens, i, grammar) or _glued_to_level(token, grammar, words):
            segments.append((first, i))  # 审查|市级管理平台, 召开|县…, 接入县…: a level after a verb starts the name
            first = i
        elif (said := _said_by_a_person(tokens, i, end, grammar)) is not None:
            segments.append((first, i))  # 中心主任|胡兴国介绍|新版建始网: who said it, and the verb
            first = said + 1
        elif phrase := _nominalised(tokens, i, end, grammar):
            segments.append((first, i))  # 办法|所称|政务云, 办法|所述|政府网站: which one is meant, then the name
            first = i + phrase
        elif _modifies_a_verb(tokens, i, end, grammar):
            segments.append((first, i))  # 政务服务|全面接入|平台: an adverb and its verb are a predicate
            first = i + 2
        elif head and token.tag in grammar.adverb_tags:
            segments.append((first, i))  # 政务服务网|直接|链接到…: after a whole name an adverb opens a predicate
            first = i
        elif (
            _breaks(token, grammar)
            and not _opens_after_a_verb(tokens, i, grammar)
            and not (token.tag == "vn" and bare)  # 工程|建设(vn)|项目…
            and not _in_next_head(tokens, i)  # 数据|中|台: a head jieba cut in two
        ) or (verb and i + 1 < end and tokens[i + 1].tag == "wyz"):
            segments.append((first, i))  # 在线办事进一个网, 布局一批云, 部门依托X系统, 事项接入“X”APP
            first = i + 1
        elif verb and _after_a_disposed_object(tokens, i, grammar, words):
            segments.append((first, i))  # 将|涉密数据|接入|数据共享交换平台: the verb after 将's object
            first = i + 1
        elif head and (head == final or token.tag == "wyz"):
            segments.append((first, i))  # “居民码”“企业码”, 苏康码苏服码, X平台“Y”APP: a name in apposition
            first = i
    segments.append((first, end))
    trimmed = [t for s, e in segments if s < e and (t := _trim(tokens, s, e, grammar, words)) is not None]
    return [(s, e) for first, e in trimmed if (s := _past_an_unopened_bracket(tokens, first, e)) < e]


def _past_an_unopened_bracket(tokens: list[Tok], start: int, end: int) -> int:
    """Where a segment starts past a bracket it closes without opening (各区（|县级市）政务网站, its
    predicate 各区（ trimmed; 市、区（县级|市）|电子监察系统): what the bracket held says more of
    the words before it, no part of the name after."""
    opened, past = False, start
    for k in range(start, end):
        if tokens[k].text in _OPENING_BRACKETS:
            opened = True
        elif tokens[k].text in _CLOSING_BRACKETS:
            past, opened = (past, False) if opened else (k + 1, False)
    return past


def _names_what_the_next_head_does(tokens: list[Tok], i: int, end: int, grammar: Grammar, words: Words) -> bool:
    """Token *i*, a verb that is no action on a system, stands between a name and the head that
    ends the run (不动产登记外网|受理|平台): it says what that system does, the name before it is
    the modifier of one name, not a second system (X枢纽|建设|Y库: an action, two names); not
    where the verb and the head are a common word of their own (移动端|操作系统: a kind of thing)."""
    if i + 2 != end or not tokens[i + 1].head or tokens[i].text in grammar.actions:
        return False
    return not words.frequency(tokens[i].text + tokens[i + 1].text)


def _after_a_disposed_object(tokens: list[Tok], i: int, grammar: Grammar, words: Words) -> bool:
    """Whether the action at *i* follows a disposal marker in its clause (将|涉密数据|接入|X平台,
    把|事项|纳入|X系统): 将 fronts the verb's object, so the action is the predicate, even one that
    may name an activity inside a name (数据接入平台); only the first action after it, so one in
    the name after that verb stays (将名单纳入|全国信用信息共享平台; 将数据|接入省|…共享…平台, the
    verb glued to the level); not one right before a head, which names what the system does
    (将市数据|共享|平台接入…), unless that head stands alone at its clause's end (将X|接入|系统。: the
    system named before, the object of the verb)."""
    if tokens[i].text not in grammar.actions or (
        i + 1 < len(tokens) and tokens[i + 1].head and not _ends_bare(tokens, i + 1)
    ):
        return False
    for token in reversed(tokens[:i]):
        if token.tag.startswith("w") or token.tag == "x" or token.text in grammar.actions:
            return False
        if _glued_to_level(token, grammar, words):
            return False
        if token.text in grammar.disposal_markers:
            return True
    return False


def _ends_bare(tokens: list[Tok], k: int) -> bool:
    """Whether token *k* is a head alone (系统) that ends its clause."""
    return tokens[k].text == tokens[k].head and (k + 1 == len(tokens) or tokens[k + 1].tag.startswith("w"))


def _a_bare_head(tokens: list[Tok], first: int, i: int, grammar: Grammar, words: Words) -> bool:
    """Whether the tokens before *i* are a programme's head with nothing before it but levels,
    places the gazetteer knows and the predicate (推进|工程|建设项目审批系统, 建设省|工程|…,
    湖南省|工程|…): a head alone names no programme, it modifies the words after it."""
    before = tokens[first : i - 1]
    return tokens[i - 1].head in grammar.programme_heads and all(
        t.text in grammar.levels
        or _a_named_place(t)
        or t.tag in grammar.verb_tags
        or t.text in grammar.actions
        or _glued_to_level(t, grammar, words)
        for t in before
    )


def _joins_as_a_preposition(token: Tok, grammar: Grammar) -> bool:
    """Whether *token* is a joiner of a list that jieba tags a preposition (与): it joins what a
    system does inside its name, or stands for "with" before the thing another is linked to."""
    return token.text in grammar.list_joiners and token.tag not in grammar.conjunction_tags


def _joins_inside_a_name(tokens: list[Tok], first: int, i: int, end: int, grammar: Grammar) -> bool:
    """Whether the joiner at token *i* joins two things one system does inside its name
    (水资源管理与调配系统, 身份认证与支付结算服务平台): a verb or a verbal noun stands right before it
    (not a thing: 共享工厂|与产业大脑, 文旅资源|与…), no head before it in the run, more than a
    predicate (实现|与…: the verb and its preposition), and no verb of linking follows the name
    within a few words of its clause (X与Y平台|无缝|对接: two things linked)."""
    before = tokens[first:i]
    if (before[-1].tag not in grammar.verb_tags and before[-1].tag != "vn") or any(t.head for t in before):
        return False
    if all(t.tag in grammar.verb_tags or t.tag in grammar.adverb_tags for t in before):
        return False
    for token in tokens[end : end + _LINKING_REACH]:
        if token.tag.startswith("w") or token.tag == "x":
            break
        if any(verb in token.text for verb in grammar.link_verbs):  # 对接, 互联互通
            return False
    return True


def _between_quotations(tokens: list[Tok], i: int, end: int) -> bool:
    """Token *i* joins two quotations (“浙里办”和|“浙政钉”移动端): two names, the second with the run's
    head; or a quotation and a name written out with no quotation (“一网统管”和|城市综合管理网格化平台):
    two systems, the quoted one named by its brand alone."""
    if not (i + 1 < end and tokens[i - 1].tag == "wyy"):
        return False
    return tokens[i + 1].tag == "wyz" or all(token.tag not in ("wyz", "wyy") for token in tokens[i + 1 : end])


def _level_opens(tokens: list[Tok], i: int, end: int, grammar: Grammar) -> bool:
    """Token *i* is a level with more of the run after it: after a conjunction it opens the next
    name (“A”和|省“B”系统), as no name goes on past a joiner into a level."""
    return i + 1 < end and tokens[i].text in grammar.levels


def _modifies_a_verb(tokens: list[Tok], i: int, end: int, grammar: Grammar) -> bool:
    """An adverb with a verb right after it (全面|接入), a predicate; an adverb before nouns
    modifies them as an adjective does (政府信息|公开|平台: 公开 is tagged ad) and may stand in a name.
    A plain adverb (d) between a noun and a verb that is no action, or a noun, stands inside the
    name (温室气体|自愿|减排|交易系统, 停车场|实时|动态…系统); a modal (领导小组|将|继续负责) or one
    before an action (数据|统一|汇聚) still opens a predicate."""
    if tokens[i].tag not in grammar.adverb_tags or i + 1 >= end:
        return False
    following = tokens[i + 1]
    if tokens[i].tag == _PLAIN_ADVERB:
        return tokens[i].text in grammar.modals or following.text in grammar.actions
    return following.tag in grammar.verb_tags or following.text in grammar.actions


_PLAIN_ADVERB = "d"  # only the adverb-inside shape of platform_patterns.jsonl lets one into a run
_MAX_NAMING_VERBS = 3  # verbs that may stand between a place and a head in a name (共享|交换|平台)


def _a_place_acting(tokens: list[Tok], i: int, grammar: Grammar) -> bool:
    """Token *i* is an action or programme verb right after a place's name (贵州|打通, 黑龙江省|加快):
    the place is the subject of a predicate, no modifier of a name (a name's verbs say what the
    system does: 湖南省|工程|建设…, 智慧城市|应用…, 阿坝州|共享|交换|平台)."""
    verb = tokens[i].text in grammar.actions or tokens[i].text in grammar.programme_verbs
    named = _a_named_place(tokens[i - 1])
    return verb and named and tokens[i].tag in grammar.verb_tags and not _verbs_before_a_head(tokens, i, grammar)


def _a_named_place(token: Tok) -> bool:
    """Whether *token* is a place's name the gazetteer knows (贵州, 陕西), not 城市, which jieba tags ns."""
    return token.tag == "ns" and bool(load_gazetteer().places_named(token.text))


def _verbs_before_a_head(tokens: list[Tok], i: int, grammar: Grammar) -> bool:
    """Whether token *i* opens a run of verbs that ends in a head with no object between
    (阿坝州|共享|交换|平台): the verbs say what the system does, the place whose it is."""
    j = i
    while (
        j < len(tokens) and j - i < _MAX_NAMING_VERBS and (tokens[j].tag in grammar.verb_tags or tokens[j].tag == "vn")
    ):
        if tokens[j].head:
            return True
        j += 1
    return j < len(tokens) and bool(tokens[j].head) and tokens[j].tag not in grammar.verb_tags


def _a_body(token: Tok, grammar: Grammar) -> bool:
    """Whether a token names a body (数据局, 宣传部): no system's name holds one before a verb. A
    word of two characters that ends like one (通办, 招商, 企业) names an activity or a kind."""
    if len(token.text) < 3 or token.head or not token.text.endswith(grammar.organisation_suffixes):
        return False
    return token.text not in grammar.organisation_suffixes  # 委员会 alone is the word, no body named


def _a_body_run(tokens: list[Tok], first: int, i: int, grammar: Grammar, words: Words) -> bool:
    """Whether the tokens from *first* to *i* name a body with its level (市|信息|中心): a level
    first, or glued to the start of a word the dictionary lacks (省数|政局), an organisation's word
    of two characters or more last, or one of one character ending a word (政局), not 省|招商, an
    activity; no head in them."""
    run = tokens[first:i]
    if len(run) < 2 or any(t.head for t in run):
        return False
    opening = run[0].text
    glued = opening[:1] in grammar.levels and not words.frequency(opening)
    if opening not in grammar.levels and not glued:
        return False
    last = run[-1]
    if glued and len(last.text) > 1 and last.text.endswith(grammar.organisation_suffixes):
        return True
    return (len(last.text) > 1 and last.text in grammar.organisation_suffixes) or _a_body(last, grammar)


def _starts_at_level(tokens: list[Tok], i: int, grammar: Grammar) -> bool:
    """Token *i* is a level of two characters or more (市级, 全省), a level of one after a verb of
    two (召开|县), a place name (宣传|云南政务服务网) or the first word of a body the gazetteer
    knows (tagged ``nt``: 登录|工业和信息化部…平台), right after a verb, and more than the head
    follows it, unless a verbal noun goes before (能耗监测|省级|系统: the level modifies the head;
    统筹|全市|政务云: a verb's object)."""
    previous = tokens[i - 1]
    verb = previous.tag in grammar.verb_tags or previous.tag == "vn" or previous.text in grammar.actions
    before_head = i + 1 < len(tokens) and bool(tokens[i + 1].head) and previous.tag not in grammar.verb_tags
    where = tokens[i].text in grammar.levels or tokens[i].tag in ("ns", ORGANISATION_TAG)
    long_enough = len(tokens[i].text) > 1 or (len(previous.text) > 1 and previous.tag in grammar.verb_tags)
    return long_enough and where and verb and not before_head


def _a_level_after_a_name(tokens: list[Tok], i: int, grammar: Grammar) -> bool:
    """Token *i* is a level of two characters or more (全省) after a name's head and 和 or 、: the
    name is the next of a run of objects (推进全省A平台和|全省B系统), where a level starts each."""
    joined = i > 1 and (tokens[i - 1].tag in grammar.conjunction_tags or tokens[i - 1].tag == "wn")
    head_before = joined and (
        bool(tokens[i - 2].head) or (tokens[i - 2].tag == "wyy" and i > 2 and bool(tokens[i - 3].head))
    )
    return head_before and len(tokens[i].text) > 1 and tokens[i].text in grammar.levels


def _said_by_a_person(tokens: list[Tok], i: int, end: int, grammar: Grammar) -> int | None:
    """Where the verb is, when token *i* is a person's title (主任, 局长) and a verb follows within
    the next three tokens (主任|胡兴国|介绍, 局长|王强|介绍): a person and what they do, no part of a
    name (市长热线, 家长服务平台 hold a title and no verb after it); else None."""
    if len(tokens[i].text) < 2 or not tokens[i].text.endswith(grammar.person_titles):
        return None
    return next((j for j in range(i + 1, min(i + 4, end - 1)) if tokens[j].tag in grammar.verb_tags), None)


def _nominalised(tokens: list[Tok], i: int, end: int, grammar: Grammar) -> int:
    """The tokens of a noun phrase a particle makes of a verb at token *i* (所|称, 所|列: two; 所述,
    所列 segmented as one word: one), where more of the run follows it; 0 if there is none."""
    token = tokens[i]
    if token.text in grammar.nominalisers and i + 2 < end and tokens[i + 1].tag in grammar.verb_tags:
        return 2
    glued = len(token.text) == 2 and token.text[0] in grammar.nominalisers and not token.head
    return 1 if glued and i + 1 < end and not token.tag.startswith("n") else 0  # (所长, a noun, none)


def _glued_to_level(token: Tok, grammar: Grammar, words: Words) -> bool:
    """The token is a predicate jieba glued to the level after it (召开市, 接入县): the name starts
    there, and is written from the level (:func:`_name`)."""
    glued = _glued_predicate(token, grammar, words)
    return bool(glued) and token.text[glued:] in grammar.levels


def _in_next_head(tokens: list[Tok], i: int) -> bool:
    """Token *i* is the first part of a head the next token ends (政务云|计算|中心): no verb."""
    if i + 1 >= len(tokens) or not tokens[i + 1].head:
        return False
    following = tokens[i + 1]
    return following.end - len(following.head) <= tokens[i].start


def _breaks(token: Tok, grammar: Grammar) -> bool:
    """A word no name holds: a one-character locative (企业上云上平台), a number or quantity
    (进一个网), an ordinal (第二条), a conjunction of two characters (以及, 并且), a modal verb
    (部门要做好系统), a copula used as a verb (实用性|是|网站的生命), a verb that opens a list
    (主要包括X), a verb's complement of where to (传递|到), a verb ending in the preposition of its
    object (数据|用于|X平台), a predicate (:func:`_predicate_inside`)."""
    single = len(token.text) == 1 and token.tag == "f"
    long_conjunction = token.tag in grammar.conjunction_tags and len(token.text) > 1
    ordinal = token.tag == _ORDINAL
    modal = token.text in grammar.modals and token.tag in grammar.verb_tags
    copula = token.text in grammar.copulas and token.tag in grammar.verb_tags
    enumerating = token.text in grammar.enumerating_verbs
    directional = token.text in grammar.directional_complements and token.tag in (*grammar.verb_tags, "p")
    object_preposition = token.text.endswith(grammar.prepositional_complements) and len(token.text) > 1
    prepositional = object_preposition and token.tag in grammar.verb_tags
    return (
        single
        or long_conjunction
        or ordinal
        or modal
        or copula
        or enumerating
        or directional
        or prepositional
        or _quantity(token, grammar)
        or _predicate_inside(token, grammar)
    )


def _quantity(token: Tok, grammar: Grammar) -> bool:
    """A number that counts (:func:`_mark_quantities`)."""
    return token.tag == _QUANTITY


def _mark_quantities(tokens: list[Tok], grammar: Grammar, words: Words) -> list[Tok]:
    """*tokens*, the numbers that count tagged ``mq``, ordinals and their measure (第二|条) ``mo``:
    a number in digits (70), a number word
    (一批, 多个, 多维度), or a numeral with a measure word right after it (若干|个, 两|级, 两|大).
    A numeral alone in a word (两法, 多源, 一体化) counts nothing and may stand in a name, nor does
    a number word whose rest is a verb (三维: three-dimensional, 一站式), and levels before 的 say
    what one system covers (四级的平台). A number word opening with 'first' (首家, or 首|个 segmented
    apart) is an ordinal: the first of a kind."""
    marked = list(tokens)
    for i, token in enumerate(tokens):
        text = token.text
        value = len(text) - len(text.lstrip(grammar.numerals))
        if not value and token.tag != "m" and not text.startswith(grammar.ordinal):
            continue  # no numeral: neither an ordinal nor a number (most words, at the cost of two tests)
        if token.tag == "m" and text.startswith(grammar.first) and len(text) > 1:
            marked[i] = token._replace(tag=_ORDINAL)  # 首家, 首批: the first of a kind
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.tag == "m" and text == grammar.first and following is not None and following.tag == "q":
            marked[i] = token._replace(tag=_ORDINAL)  # 首|个, segmented apart: the first of a kind too
            marked[i + 1] = following._replace(tag=_ORDINAL)
            continue
        if _is_ordinal(text, grammar):
            marked[i] = token._replace(tag=_ORDINAL)
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            bare = all(c in grammar.numerals or c.isdigit() for c in text.removeprefix(grammar.ordinal))
            if bare and following is not None and len(following.text) == 1 and not following.head:
                marked[i + 1] = following._replace(tag=_ORDINAL)  # 第二|条, 第十三|条
            continue
        if marked[i].tag == _ORDINAL:
            continue
        if _labels(tokens, i, grammar):
            counts = False  # 1号APP: a number that labels
        elif token.tag == "m" and any(c.isdigit() for c in text):
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            counts = not (text.isdigit() and len(text) >= 3 and after is not None and after.tag in ("n", "vn", "nhp"))
        elif value and value < len(text):
            rest = text[value:]
            covers = rest in grammar.not_counting_measures and _next_text(tokens, i + 1) == "的"
            measured = token.tag == "m" and words.tag(rest) not in grammar.verb_tags
            levels = _counts_levels(tokens, i, grammar)  # 三级 (tagged b): levels, counted as 两|级 are
            counts = (measured or levels or rest in grammar.counter_words) and not covers
        elif value and i + 1 < len(tokens):
            after = tokens[i + 1]
            covers = after.text in grammar.not_counting_measures and _next_text(tokens, i + 2) == "的"
            counts = (after.tag == "q" or after.text in grammar.counter_words) and not covers
        else:
            counts = False
        if counts:
            marked[i] = token._replace(tag=_QUANTITY)
    return marked


def _is_ordinal(text: str, grammar: Grammar) -> bool:
    """第 and a numeral (第二, 第五条, 第3): an ordinal, which a name never holds."""
    rest = text.removeprefix(grammar.ordinal)
    return rest != text and bool(rest) and (rest[0] in grammar.numerals or rest[0].isdigit())


def _labels(tokens: list[Tok], i: int, grammar: Grammar) -> bool:
    """Number *i* has a naming measure in it or right after it (1号, 3.0|版): it labels, it counts nothing."""
    return tokens[i].text.endswith(grammar.naming_measures) or _next_text(tokens, i + 1) in grammar.naming_measures


def _next_text(tokens: list[Tok], i: int) -> str:
    return tokens[i].text if i < len(tokens) else ""


def _number_and_measure(tokens: list[Tok], k: int, grammar: Grammar) -> tuple[str, str]:
    """The number of the quantity at *k* and its measure word, in the token or the next (1个, 一|批)."""
    text = tokens[k].text
    digits = len(text) - len(text.lstrip("0123456789"))
    value = digits or len(text) - len(text.lstrip(grammar.numerals))
    return text[:value], text[value:] or (tokens[k + 1].text if k + 1 < len(tokens) else "")


def _counts_a_collective(tokens: list[Tok], k: int, grammar: Grammar) -> bool:
    """The quantity at *k* counts a collective or an indefinite number (一批, 一些, 多个, 若干):
    all the names joined after it are of it (一批数据中心和算力中心), not only the first."""
    number, measure = _number_and_measure(tokens, k, grammar)
    return measure in grammar.collective_measures or number in grammar.indefinite_numerals


def _counts_one(tokens: list[Tok], k: int, grammar: Grammar) -> bool:
    """The quantity at *k* counts one thing (一个, 1套), not a collective (一批): what it counts
    is a single system with a name (建设1个X平台)."""
    number, measure = _number_and_measure(tokens, k, grammar)
    return number in grammar.one_values and bool(measure) and measure not in grammar.collective_measures


def _predicate_inside(token: Tok, grammar: Grammar) -> bool:
    """A verb that builds, upgrades, promotes or relies on something is a predicate even after a
    noun (X部门依托Y系统, 事项进驻X小程序), unless it also names an activity inside names
    (资源开发服务平台, 应用平台); so is a verb that carries out a programme or says a task is done
    (常态化|落实|X, 群众|提供|X), which no name holds."""
    action = grammar.actions.get(token.text)
    if action is None and len(token.text) == 2 and token.tag in grammar.verb_tags:
        action = grammar.actions.get(token.text[0])  # 建|好: an action of one character and its result
    carried_out = token.text in grammar.programme_verbs or token.text in grammar.achieving_verbs
    if carried_out and token.tag in grammar.verb_tags and action is None:
        return True  # 强力|推进|市政府系统, 常态化|落实|…, 群众|提供|移动端: a task is carried out, no system does it
    return action in ("builds", "upgrades", "relies_on", "promotes") and token.text not in grammar.nominal_actions


def _quoted_items(text: str, tokens: list[Tok], found: Found, grammar: Grammar) -> list[Found]:
    """``“一人一档”“一企一档”对象库``: quoted items that share the head, one name each; a bare
    shared head after brands (“A”“B”平台) only says what they are, and each item alone is the
    name (but “一网通办”“一网统管”移动端, slogans, name their systems by the head)."""
    groups, k = [], found.first
    while k < found.last and tokens[k].tag == "wyz":
        close = next((j for j in range(k + 1, found.last) if tokens[j].tag == "wyy"), None)
        if close is None:
            return [found]
        groups.append((k, close + 1))
        k = close + 1
    if len(groups) < 2 or k == found.last:
        return [found]
    shared = _written(text, tokens[k].start, found.end)
    if shared in grammar.heads and not any(tokens[a + 1].tag in ("m", _QUANTITY) for a, _ in groups):
        shared = ""  # “浙里办”“浙政钉”平台: the bare head says what the named items are (not “一网通办”)
    return [
        Found(
            _written(text, tokens[a].start, tokens[b - 1].end) + shared,
            found.start,
            found.end,
            a,
            found.last,
            quoted=True,
        )
        for a, b in groups
    ]


def _trim(tokens: list[Tok], start: int, end: int, grammar: Grammar, words: Words) -> tuple[int, int] | None:
    """Drop the predicate and quantifiers before a name; None if no name is left.

    A word that cannot start a noun phrase, an action verb, the word after an adverb (持续壮大,
    进一步完善), a verbal noun or adjective first in its clause (启动X平台, 培育X中心) and a
    programme verb tagged a verbal noun after a verb or a dropped word (加快|启动X库) are predicates.
    """
    dropped = coordinated = False
    while start < end:
        token = tokens[start]
        if token.tag == "wyz":
            break
        deictic = _deictic_level(tokens, start, end, grammar)
        if deictic:
            start += deictic  # 我市|一体化政务服务平台: whose it is, as the writer sees it
            continue
        if token.text in grammar.existing_determiners or token.text in grammar.deictics:
            start += 1  # 现有|政务外网, 此|平台: which one, not its name
            continue
        if token.text in grammar.time_nouns or (
            token.tag == "m" and _next_text(tokens, start + 1) in grammar.time_nouns
        ):
            start += 1  # 2005|年度|全市…, 本季度|市政府门户网站: when, not the name
            continue
        channel = len(token.text) > 1 and token.text.endswith(grammar.channel_suffix) and not token.head
        if channel and start + 1 < end:
            start += 1  # 电脑端|天津网上办事大厅: the channel it is reached through, not its name
            continue
        before = tokens[start - 1].tag if start > 0 else ""
        after_de = start > 0 and tokens[start - 1].text == "的" and not dropped and end - start > 2
        if after_de and _modifying_verb(token, grammar):
            break  # 全市统一的|停车信息管理平台: after 的 a verb modifies a name of more words (not …的|查询平台)
        verb_before = start > 0 and (dropped or before in grammar.verb_tags or before == "p")
        whose = token.text in grammar.levels or token.text in grammar.organisation_suffixes  # 建|省…, 完善|部…
        complement = token.tag in ("a", "v") or (token.tag == "n" and not whose)
        if verb_before and len(token.text) == 1 and len(tokens[start - 1].text) == 1 and complement:
            start += 1  # 做|强, 用|好, 做|优 (tagged a noun): the predicate's complement (用 is tagged a preposition)
            continue
        if verb_before and len(token.text) == 1 and token.tag == "a" and _all_levels(tokens, start + 1, end, grammar):
            start += 1  # 落实|好|省市…: no adjective modifies a level, the predicate's complement
            continue
        if _opens_after_a_verb(tokens, start, grammar) and start + 1 < end:
            break  # 负责|中|俄双语…网: after a verb, 中 opens the object (中俄), no locative
        if start > 0 and tokens[start - 1].text in grammar.directional_complements and end - start > 2:
            break  # 上传至|注册|会计师…平台: where to is a noun phrase, a verb opening it modifies
        if _one_character_before_a_level(tokens, start, end, grammar):
            start += 1  # 上|连|国家…平台 (连 tagged a name): a word of one character before a level is a predicate
            continue
        previous = tokens[start - 1].tag if start > 0 and not _closes_item_marker(tokens, start - 1) else "wj"
        modifier = end - start > 2 and len(token.text) > 1 and not _predicate_verb(tokens, start, grammar)
        named_before = start >= 2 and bool(tokens[start - 2].head)
        if previous == "wn" and token.tag in grammar.verb_tags and modifier and named_before:
            break  # A系统、从业人员资格管理系统: the predicate stands before the whole list (not 跨|系统)
        after_adverb = previous in grammar.adverb_tags and not (token.text in grammar.levels and start + 1 < end)
        if after_adverb and tokens[start - 1].text in grammar.disposal_markers and token.tag in ("n", ORGANISATION_TAG):
            after_adverb = False  # 将|政务服务网链接到…, 将|区行政服务中心网站…: a disposal marker before its object
        clause_initial = (previous.startswith("w") or previous == "x") and previous not in ("wn", "wyz", "wyy")
        if start > 0 and tokens[start - 1].text in _TITLE_OPENERS:
            clause_initial = False  # 《|防伪|税控系统…需求表》: a cited title's first word, no predicate of the plan's
        if clause_initial and _enumerates(tokens, start, end, grammar):
            start += 2  # 二是: the second of a list of points, no part of a name
            continue
        predicate = clause_initial and len(token.text) > 1 and token.tag in grammar.clause_initial_predicate_tags
        if _verb_modifier(tokens, start, end, grammar):
            break  # 建设|预约诊疗服务平台: a verb after the action, before more words, says what the system does
        if _opens_a_conjoined_noun(tokens, start, end, grammar, words):
            break  # X平台和|突发|事件预警信息发布系统: a verb that is the first part of a noun (突发事件)
        chained = token.tag == "vn" and token.text in grammar.programme_verbs and verb_before  # 加快|启动: a chain
        verbal = token.tag in grammar.verbal_tags
        # 建设和|管理|X平台, 建设和|运行|管理|X平台: the second predicate, however many words
        coordinated = _coordinated_verb(tokens, start, grammar) or (coordinated and verbal)
        quoted_after = start + 1 < end and tokens[start + 1].tag == "wyz"  # 建设|运营|“天府市民云”平台
        chained = chained or coordinated or (dropped and verbal and quoted_after)
        if (
            token.tag in grammar.start_tags
            and token.text not in grammar.actions
            and not after_adverb
            and not predicate
            and not chained
            and not _quantity(token, grammar)
        ):
            break
        glued = _glued_predicate(token, grammar, words)
        if glued and token.text[glued:] in grammar.levels:
            break  # 开放|市: the predicate is cut off where the name is written (:func:`_name`)
        start += 1
        dropped = token.tag in grammar.verb_tags or token.text in grammar.actions
    if start == end or not _complete(tokens, start, end):
        return None
    return start, end


def _modifying_verb(token: Tok, grammar: Grammar) -> bool:
    """Whether *token* is a verb that may say what a system does (停车, 导航): no action or programme
    verb, which after 的 is a noun of the work (安全系统的|建设), no nominal verb (vn)."""
    return token.tag in grammar.verb_tags and not _acts(token, grammar)


def _acts(token: Tok, grammar: Grammar) -> bool:
    """Whether *token* is an action or programme verb (建设, 完善, 启动): a predicate's, where it may be."""
    return token.text in grammar.actions or token.text in grammar.programme_verbs


def _opens_a_conjoined_noun(tokens: list[Tok], i: int, end: int, grammar: Grammar, words: Words) -> bool:
    """Token *i*, a verb after a conjunction that follows a system's name (X平台和|突发|事件…系统),
    makes one noun of the dictionary with the next (突发事件, 应用服务) or is no action (X库和|停车|信息
    管理平台): the second of two names joined, which opens with it, not a predicate before it, as no
    verb stands between names that a conjunction joins; an action opens a predicate (X平台和|完善…)."""
    if i < 2 or i + 1 >= end or tokens[i].tag not in grammar.verbal_tags:
        return False
    joined = tokens[i - 1].tag in grammar.conjunction_tags and bool(tokens[i - 2].head)
    compound = tokens[i].text + tokens[i + 1].text
    return joined and ((words.frequency(compound) > 0 and words.tag(compound) == "n") or not _acts(tokens[i], grammar))


def _coordinated_verb(tokens: list[Tok], i: int, grammar: Grammar) -> bool:
    """Token *i* is a verb or verbal noun joined by a one-character conjunction to a verb before
    it, or by 、 to an action (建设和|管理|江淮…平台, 开发及|运营, 建立、|管理|X库): the second of two
    predicates on one object, not the first word of the object's name."""
    if i < 2:
        return False
    listed = tokens[i - 1].tag == "wn" and tokens[i - 2].text in grammar.actions  # 建立、|管理 (not 停车、|供热…)
    return (
        tokens[i].tag in grammar.verbal_tags
        and (tokens[i - 1].tag in grammar.conjunction_tags or listed)
        and len(tokens[i - 1].text) == 1
        and tokens[i - 2].tag in grammar.verbal_tags
    )


def _opens_after_a_verb(tokens: list[Tok], i: int, grammar: Grammar) -> bool:
    """Token *i* is a one-character locative right after a verb and before an abbreviation
    (负责|中|俄…: 中俄, China and Russia): a locative follows the noun it places (系统|中), so here
    it is the first character of the verb's object (but 应用|上|云: onto the cloud)."""
    token = tokens[i]
    after_verb = i > 0 and tokens[i - 1].tag in grammar.verb_tags
    abbreviated = i + 1 < len(tokens) and tokens[i + 1].tag == "j"
    return after_verb and abbreviated and len(token.text) == 1 and token.tag == "f"


def _one_character_before_a_level(tokens: list[Tok], i: int, end: int, grammar: Grammar) -> bool:
    """Token *i* is a word of one character, no level, deictic or determiner itself, right before
    a level of two characters or more (连|国家, 至|省级) and more after it: no name opens with it."""
    token = tokens[i]
    if len(token.text) != 1 or token.head or i + 2 >= end or token.text in grammar.levels:
        return False
    if token.text in grammar.deictics or token.text.startswith(grammar.kind_determiners):
        return False
    following = tokens[i + 1].text
    return len(following) > 1 and following in grammar.levels


def _all_levels(tokens: list[Tok], i: int, end: int, grammar: Grammar) -> bool:
    """Token *i* (before *end*) is written in levels only (省, 市县, 省市)."""
    return i < end and _in_levels(tokens[i].text, grammar)


def _in_levels(text: str, grammar: Grammar) -> bool:
    """*text* is written in levels only (省, 市县, 省市)."""
    return bool(text) and all(c in grammar.levels for c in text)


def _verb_modifier(tokens: list[Tok], i: int, end: int, grammar: Grammar) -> bool:
    """Whether the verb at *i* opens a name as what the system does (预约|诊疗|服务平台, 急救|指挥|
    调度系统): right after an action verb (建设, 完善, 依托), a word of two characters or more that
    is no action, programme or linking verb itself, with words between it and the head and no
    level among them (迁移到|省平台…, 对接要求和|全省…平台: there the verb is a predicate)."""
    token = tokens[i]
    if i == 0 or token.tag not in grammar.verb_tags or len(token.text) < 2 or end - i < 3:
        return False
    if tokens[i - 1].text not in grammar.actions:
        return False
    if token.text in grammar.actions or token.text in grammar.programme_verbs or token.text in grammar.link_verbs:
        return False
    return not any(t.text in grammar.levels or t.tag == "ns" for t in tokens[i + 1 : end])


def _deictic_level(tokens: list[Tok], start: int, end: int, grammar: Grammar) -> int:
    """How many tokens from *start* write a deictic and the level it points at (我|市, 本省), that
    level's area (本|县域: a word of two characters opening with it) or an area's noun (本|行政区域),
    with more of the name after them; else 0."""
    first = tokens[start].text
    pointed = start > 0 and tokens[start - 1].text in grammar.deictics  # 我 before the run: 我|市…
    glued = len(first) > 1 and first[0] in grammar.deictics  # 本省, 本辖区: one word
    if (glued and _points_at(first[1:], grammar)) or (pointed and _points_at(first, grammar)):
        taken = 1
    elif first in grammar.deictics and start + 1 < end and tokens[start + 1].text in grammar.levels:
        taken = 2
    else:
        return 0
    return taken if start + taken < end else 0


def _points_at(word: str, grammar: Grammar) -> bool:
    """Whether *word*, after a deictic, is what it points at: a level (市), that level's area (县域:
    two characters opening with it) or an area's noun (行政区域)."""
    level_area = len(word) == 2 and word[0] in grammar.levels
    return word in grammar.levels or level_area or word in grammar.deictic_areas


def _points_at_its_level(tokens: list[Tok], first: int, grammar: Grammar) -> bool:
    """A deictic right before the name's first token, which opens with the one-character level
    it points at and goes on in a word of its own (我|市政府…, 本|省政务…): the level is the
    deictic's, no part of the name (:func:`_deictic_level` takes the level when it is a token of
    its own, or a word of two characters opening with it, 本|区域)."""
    token = tokens[first]
    pointed = first > 0 and tokens[first - 1].text in grammar.deictics
    return pointed and len(token.text) > 2 and token.text[0] in grammar.levels


def _closes_item_marker(tokens: list[Tok], k: int) -> bool:
    """Token *k* is the 、 of an item marker (二、) at its clause's start, not one parting a list."""
    return tokens[k].tag == "wn" and k > 0 and tokens[k - 1].tag == "m" and _opens_clause(tokens, k - 1)


def _opens_clause(tokens: list[Tok], i: int) -> bool:
    """Token *i* is first in its window or comes right after punctuation."""
    return i == 0 or tokens[i - 1].tag.startswith("w") or tokens[i - 1].tag == "x"


def _predicate_verb(tokens: list[Tok], i: int, grammar: Grammar) -> bool:
    """Token *i* (a verb) or the word after it builds or carries out something: a predicate."""
    verbs = (tokens[j].text for j in (i, i + 1) if j < len(tokens))
    return any(verb in grammar.actions or verb in grammar.programme_verbs for verb in verbs)


def _glued_predicate(token: Tok, grammar: Grammar, words: Words) -> int:
    """Characters of a predicate, its complement, a preposition or a conjunction glued to the front
    of a token (建设省, 优化省, 建|省, 好|市县, 以|区, 即|区, 或者|子), else 0. A verb of one character
    is a predicate only when it is an action or glued to a level alone: a brand may start with one
    (蒙速办, where jieba reads 蒙 a verb)."""
    leading = words.leading_word(token.text)
    if leading is None:
        return _glued_to_a_bound_morpheme(token.text, grammar, words)
    piece, tag = leading
    rest = token.text[len(piece) :]
    if tag == "p" and rest in grammar.levels:
        return len(piece)  # 以|区: a preposition glued to the level a name opens with
    if tag in grammar.conjunction_tags:
        return len(piece)  # 或者|子平台: a conjunction glued to a name's first word joins it to what went before
    if tag == "a" and len(piece) == 1 and _in_levels(rest, grammar):
        return 1  # 开展|好市县: the predicate's complement glued to the levels a name opens with
    if tag == "vn" and len(piece) > 1 and rest in grammar.levels:
        return len(piece)  # 建设|统一市…: a verbal noun before the level a name opens with modifies no name
    if tag in grammar.verb_tags and rest in grammar.levels:
        return len(piece)  # 即|区政府门户网站: a verb of one character glued to the level a name opens with
    return len(piece) if (tag in grammar.verb_tags and len(piece) > 1) or piece in grammar.actions else 0


def _glued_to_a_bound_morpheme(word: str, grammar: Grammar, words: Words) -> int:
    """1 where *word* is a preposition or conjunction of one character and a bound morpheme (jieba's
    ng) that the segmenter read as one word (对|子网站, 和|子网站: 对子, a couplet; 和子, a name): the
    morpheme opens the name, the first character joins it to what went before; else 0."""
    if len(word) != 2 or words.tag(word[1]) != "ng":
        return 0
    return 1 if words.tag(word[0]) in ("p", *grammar.conjunction_tags) else 0


def _past_a_branch(tokens: list[Tok], last: int, grammar: Grammar) -> int:
    """Past the part of the platform for one place written after it (…服务网|涡阳|分厅, 政务云|揭阳|
    节点, 省网上办事大厅|厦门|分厅): a place's name (jieba's ns, or the gazetteer's), its level if
    any, and a branch word; else *last*."""
    k = last
    if k < len(tokens) and (tokens[k].tag == "ns" or load_gazetteer().places_named(tokens[k].text)):
        k += 1
        if k < len(tokens) and tokens[k].text in grammar.levels:
            k += 1
        if k < len(tokens) and tokens[k].text in grammar.branches:
            return k + 1
    return last


def _written(text: str, start: int, end: int) -> str:
    """A name as the guidelines write it: without quotes and white space."""
    return "".join(text[start:end].translate(_QUOTES).split())


def _name(
    text: str,
    tokens: list[Tok],
    first: int,
    last: int,
    kind: str,
    grammar: Grammar,
    words: Words,
) -> Found | None:
    j = last - 1
    while tokens[j].tag == "wyy":
        j -= 1
    head_token = tokens[j]
    expected = "programme" if head_token.head in grammar.programme_heads else "platform"
    if expected != kind:
        return None
    glued = _glued_predicate(tokens[first], grammar, words) if tokens[first].tag != "wyz" else 0
    start = tokens[first].start + glued
    if not glued and tokens[first].tag != "wyz":
        start = _word_start(text, start, tokens[first].end, grammar, words)
    if _points_at_its_level(tokens, first, grammar):
        start += 1  # 我|市政府门户网站: the writer's city, the name is 政府门户网站
    last = _past_a_branch(tokens, last, grammar)
    end = tokens[last - 1].end
    version = grammar.versions.match(text, end)
    if version:
        end = version.end()
        while last < len(tokens) and tokens[last].start < end:
            last += 1
    if text.startswith(grammar.compound_tails, end) or _names_a_body_after(tokens, last, grammar):
        return None  # 平台经济, 平台企业, 云网一体化, X系统建设工作领导小组: the head is a modifier
    if j > first and tokens[j - 1].text in grammar.owner_relations and tokens[j].text == head_token.head:
        return None  # 跨|系统: the head is what a relation crosses, the object of a predicate
    number = j - 2 if j - 1 > first and tokens[j - 1].tag == "q" else j - 1  # 四|张|网: past the measure
    numbered = number >= first and tokens[number].tag in ("m", _QUANTITY)
    if numbered and tokens[j].text == head_token.head and not tokens[j - 1].text.endswith(grammar.naming_measures):
        return None  # 数据一网承载, “一码”通行, 一中心四张网: numbered slogans, no names (but 福州1号APP)
    quoted = any(t.tag == "wyz" for t in tokens[first:last])
    quotation = _quotation(tokens, first, last)
    if quotation is not None and _slogan(quotation, grammar):
        return None  # “一平台”, “进一网，能通办”: the quotation says a rule or a goal, ending at the head or past it
    name = _written(text, start, end)
    if len(name) < 2:
        return None  # “码”上办事: a head of one character alone names no system, quoted or not
    if name[0].isdigit() and not quoted and not _labelling_number(tokens, first, grammar):
        return None
    if kind == "programme":
        bare = name
        for level in sorted(grammar.levels, key=len, reverse=True):
            bare = bare.removeprefix(level)
        if bare in grammar.programme_generic_names:
            return None
    elif (
        _counted(tokens, first, last, grammar, after_a_predicate=bool(glued))
        or _counted_after(tokens, last, grammar)
        or _other_kind(tokens, last, grammar)
        or (not quoted and _generic(text, tokens, first, j, start, grammar, words))
        or (not quoted and _owned_by_bodies_in_general(tokens, first, j, grammar))
        or (not quoted and _joins_a_bare_head(tokens, first, j, grammar))
        or (not quoted and _joins_a_kind(text, tokens, first, j, grammar, words))
        or (not quoted and _offline(tokens, first, j, grammar))
        or (not quoted and _a_sector(tokens, first, j, grammar))
    ):
        return None
    before = text[tokens[first].start : start] or (tokens[first - 1].text if first > 0 else None)
    return Found(name, start, end, first, last, quoted=quoted, before=before)


def _names_a_body_after(tokens: list[Tok], last: int, grammar: Grammar) -> bool:
    """Whether nouns right after the name end in a body's word (X系统|建设|工作|领导|小组, X平台|
    管理|办公室): the name is part of the body's name, as its task."""
    words = ""
    for token in tokens[last : last + 4]:
        if token.head or not (token.tag.startswith("n") or token.tag == "vn"):
            break
        words += token.text
        if words.endswith(grammar.body_tails):
            return True
    return False


def _offline(tokens: list[Tok], first: int, head_index: int, grammar: Grammar) -> bool:
    """A platform or system that serves no digital purpose (高能级创新平台, 污水管网系统): the word
    right before the head, or its end (投融资平台), or a word glued to it in one (配电网), says an
    offline purpose or physical works, or the head names physical works whatever stands before it
    (国际航空枢纽); and nothing in the name says it is digital (云上峰会平台, 智能交通系统, 大数据总枢纽)."""
    head = tokens[head_index].head or ""
    offline = grammar.offline_words.get(head, frozenset())
    glued = tokens[head_index].text[: -len(head)] if head else ""  # 配电|网, one word in the tagger's reading
    before = tokens[head_index - 1].text if head_index > first else ""
    if head in grammar.physical_heads:
        modifiers = [t.text for t in tokens[first : head_index + 1]]
    elif glued in offline:
        modifiers = [t.text for t in tokens[first:head_index]]
    elif ending := next((word for word in offline if before.endswith(word)), ""):  # 投|融资 in one word
        # 信息|交流 in one word says it is digital
        modifiers = [*(t.text for t in tokens[first : head_index - 1]), before[: -len(ending)]]
    else:
        return False
    return not any(word in text for text in modifiers for word in grammar.digital_words)


def _joins_a_bare_head(tokens: list[Tok], first: int, head_index: int, grammar: Grammar) -> bool:
    """Whether the name ends in a joiner and a head alone (网络和平台, 统管和系统): it coordinates
    kinds of things, naming none; 网上审批和电子监察系统, whose last conjunct has modifiers, names one."""
    head = tokens[head_index]
    head_start = head.end - len(head.head)  # a head may span words (数据|中心)
    joiner = next((k for k in range(head_index, first, -1) if tokens[k].end == head_start), None)
    return joiner is not None and tokens[joiner].text in grammar.list_joiners


def _joins_a_kind(text: str, tokens: list[Tok], first: int, head_index: int, grammar: Grammar, words: Words) -> bool:
    """Whether the name joins a noun phrase to a kind (信息化基础设施和公共平台: 公共平台 is one): the
    whole coordinates things, naming no system. A joiner after a verb or a verbal noun joins what
    one system does (实名认证和授权平台, 网上审批和电子监察系统, 公共监管与服务平台), as inside a name
    (:func:`_joins_inside_a_name`)."""
    joiner = next((k for k in range(head_index - 1, first, -1) if tokens[k].text in grammar.list_joiners), None)
    if joiner is None or joiner + 1 >= head_index or tokens[joiner - 1].tag in (*grammar.verb_tags, "vn"):
        return False
    return _generic(text, tokens, joiner + 1, head_index, tokens[joiner + 1].start, grammar, words)


def _quotation(tokens: list[Tok], first: int, last: int) -> list[Tok] | None:
    """The words of the quotation the name from token *first* to *last* opens (its first token or
    the one before it an opening quote), when the quotation ends with the name or past it; None
    when the name opens none, or the quotation closes before the head (“浙里办”平台: a brand the
    head follows)."""
    opening = first if tokens[first].tag == "wyz" else first - 1
    if opening < 0 or tokens[opening].tag != "wyz":
        return None
    if tokens[last - 1].tag == "wyy":
        return tokens[opening + 1 : last - 1]
    if any(token.tag in ("wyy", "wyz") for token in tokens[opening + 1 : last]):
        return None
    close = next((k for k in range(last, len(tokens)) if tokens[k].tag in ("wyy", "wyz")), len(tokens))
    return tokens[opening + 1 : close]


def _labelling_number(tokens: list[Tok], i: int, grammar: Grammar) -> bool:
    """A number that counts nothing (:func:`_mark_quantities`) and labels what follows, which
    may open a name: a service line's, of three digits or more (12345热线平台), one with a
    naming measure (3.0版平台), or one with Latin letters, a technology's (5G政务外网); not a
    count (300个) or a year."""
    token = tokens[i]
    if token.tag == _QUANTITY or not token.text[:1].isdigit():
        return False
    service = token.text.isdigit() and len(token.text) >= 3
    technology = token.text.isascii() and any(c.isalpha() for c in token.text)
    return service or technology or _labels(tokens, i, grammar)


def _word_start(text: str, start: int, token_end: int, grammar: Grammar, words: Words) -> int:
    """Where a name starts that the segmenter started one character into a word of the
    dictionary's (归|集子系统): at that word's start; but where the word ends inside the name's
    first token before a level (了|解区城运平台: 了解|区…), the name starts at the level. (Where
    more of the word stands before, the two segmenters read the text apart: 接入|网上办事大厅
    against the dictionary's 接入网|上.)"""
    word_start, word_end = words.word_around(text, start)
    if word_start != start - 1:
        return start
    before_a_level = word_end < token_end and text.startswith(tuple(grammar.levels), word_end)
    return word_end if before_a_level else word_start


def _slogan(quoted: list[Tok], grammar: Grammar) -> bool:
    """A quoted phrase that ends in a head but says a rule or a goal: it starts with a number
    (“一平台”, “多证合一、一照一码”; not 八闽, a name), counts its parts (“一屏一网一云”: each part a
    number and a word; not 百姓网, a number once), or a verb, a locative or a list stands in it
    (“平台之外无系统”, “迁移上云”; before its head, only a verb that predicates: :func:`_predicates`,
    and after a place's name first, which a name opens, only one of one character or with a head as
    its object: “河北省…资源开放共享服务平台”)."""
    numbered = quoted and quoted[0].head and quoted[0].text[0] in grammar.numerals  # “一码”
    counted = quoted and quoted[0].tag in ("m", _QUANTITY) and not _counts_a_named_one(quoted)
    if not quoted or counted or numbered or _counts_its_parts(quoted, grammar):
        return True
    headed = bool(quoted[-1].head)  # “发票查验平台”: the verbs before a head say what the system does
    named = headed and _a_named_place(quoted[0])

    def verb(token: Tok) -> bool:
        return _predicates(token, grammar, after_a_place=named) if headed else token.tag in grammar.verb_tags

    return any(verb(t) or t.tag.startswith("f") or t.tag == "wn" for t in quoted)


def _predicates(token: Tok, grammar: Grammar, *, after_a_place: bool = False) -> bool:
    """A verb that makes a quotation a sentence: one of one character (跑, 无) or with a head of
    one character as its object (上云), an action, programme, achieving or modal verb (but not
    *after_a_place*'s name, which opens a name); a verb of two characters beside them says what a
    system does (“发票查验平台”)."""
    if token.tag not in grammar.verb_tags:
        return False
    text = token.text
    if len(text) == 1 or text[-1] in grammar.single_character_heads:
        return True
    return not after_a_place and (
        text in grammar.actions
        or text in grammar.programme_verbs
        or text in grammar.achieving_verbs
        or text in grammar.modals
    )


def _counts_a_named_one(quoted: list[Tok]) -> bool:
    """A quotation that counts one system with words of its own before the head (“一张审批网”:
    审批), which names it; “一张网”, “一朵云” count the head alone, a slogan."""
    rest = quoted[2:] if len(quoted) > 1 and quoted[1].tag == "q" else quoted[1:]
    if not rest or not rest[-1].head:
        return False
    return sum(len(t.text) for t in rest) - len(rest[-1].head) >= 2


def _counts_its_parts(quoted: list[Tok], grammar: Grammar) -> bool:
    """The quotation is two or more parts, each a numeral and one or two characters (一屏一网一云,
    一网一云): a slogan counting what a system is made of.

    >>> grammar = load_grammar()
    >>> [_counts_its_parts([Tok(w, 0, 0, "n", "")], grammar) for w in ("一网一云", "百姓网", "三晋通")]
    [True, False, False]
    """
    numeral = f"[{re.escape(grammar.numerals)}]"
    return re.fullmatch(f"(?:{numeral}(?:(?!{numeral}).){{1,2}}){{2,}}", "".join(t.text for t in quoted)) is not None


def _generic(
    text: str, tokens: list[Tok], first: int, head_index: int, start: int, grammar: Grammar, words: Words
) -> bool:
    """Only a kind of system (政府网站, 网络平台, 大平台, 外网, 数据中心): no modifier but levels, a
    place and one common word; or a kind's name with at most two characters before it (核心政务
    信息系统). The head is the last word's part of it; one character glued to a head is part of
    it too (外网, 云网)."""
    head_token = tokens[head_index]
    head_start = max(head_token.start, head_token.end - len(head_token.head))  # 网上办事|大厅, 数据|中心
    modifiers: list[tuple[str, str]] = []
    for token in tokens[first : head_index + 1]:
        a, b = max(token.start, start), min(token.end, head_start)
        if a < b:
            whole = (a, b) == (token.start, token.end)
            if whole or b - a > 1:
                modifiers.append((text[a:b], token.tag if whole else ""))
            elif head_token.head.isascii() and modifiers:  # 市民|卡APP: a character glued to a letters' head
                modifiers[-1] = (modifiers[-1][0] + text[a:b], "")  # goes with the word before it (市民卡)
    if modifiers and modifiers[-1][0].endswith(grammar.category_suffixes):
        return True  # 政务服务类APP: a class of systems
    places, _ = _places()
    rest = [(w, t) for w, t in modifiers if not _says_where(w, t, places, grammar)]
    if not rest:
        return True  # 政府网站, 洛阳市平台
    if len(head_token.head) == 1 and _a_named_place_s_body(modifiers, places, grammar):
        return False  # 城口县|政府|网: the site of one place's government
    name = text[start : head_token.end]
    for level in sorted(grammar.levels, key=len, reverse=True):
        name = name.removeprefix(level)
    kind = next((k for k in grammar.kind_names if name.endswith(k)), None)
    if kind is not None:
        modifier = name[: -len(kind)]
        for word, tag in modifiers:  # 甘肃省|政务信息系统: a place says whose the kind is
            if not (modifier.startswith(word) and (word in places or _a_place(word, tag, grammar))):
                break
            modifier = modifier[len(word) :]
        if len(_without_negated_attributes(modifier, grammar, words)) <= 2:
            return True  # 存量政务信息系统, 非涉密应用系统
    if len(rest) > 1:
        return False
    word, tag = rest[0]
    if not tag and head_token.head in grammar.holding_heads:
        return False  # 事项库, 人口库: one word of the dictionary, a store named by what it holds
    if len(word) == 1:
        return tag in _SINGLE_GENERIC_TAGS
    return words.frequency(word) >= grammar.generic_modifier_frequency and head_token.head not in grammar.named_heads


def _a_named_place_s_body(modifiers: list[tuple[str, str]], places: frozenset[str], grammar: Grammar) -> bool:
    """Whether the modifiers are a place named by its name (城口县, not 全市 or 市) and a body's
    word after it (政府, 人民政府): before a head of one character, which names as a common noun
    does not (城口县政府网, not 湖南省政府网站: the province's government websites), the system is
    that one body's, no kind. A level word after the place's name is the place's (内蒙古|自治区|
    人民政府|网)."""
    if len(modifiers) == 3 and modifiers[1][0] in grammar.levels:
        modifiers = [(modifiers[0][0] + modifiers[1][0], modifiers[0][1]), modifiers[2]]
    if len(modifiers) != 2:
        return False
    (place, tag), (body, _) = modifiers
    named = place not in grammar.levels and (place in places or _a_place(place, tag, grammar))
    return named and body.endswith(grammar.organisation_suffixes)


def _a_sector(tokens: list[Tok], first: int, head_index: int, grammar: Grammar) -> bool:
    """A sector of the administration (全市|政府|系统, 全省|税务|系统): a sector head right after a
    body or a department's field, with only levels and places before them."""
    head = tokens[head_index]
    if head.text not in grammar.sector_heads or head_index == first:
        return False
    owner = tokens[head_index - 1].text
    gazetteer = load_gazetteer()
    bare = owner[len(gazetteer.level_prefix(owner) or "") :]  # 市政府: 政府
    lexicon = gazetteer.lexicon
    body = bare in lexicon.department_stems or bare.endswith(lexicon.organisation_suffixes)
    places, _ = _places()
    return body and all(_says_where(t.text, t.tag, places, grammar) for t in tokens[first : head_index - 1])


def _says_where(word: str, tag: str, places: frozenset[str], grammar: Grammar) -> bool:
    """Whether *word* only says where a system is: a level (全省), a place the gazetteer knows
    (*places*) or one jieba tags with its level (:func:`_a_place`)."""
    return word in grammar.levels or word in places or _a_place(word, tag, grammar)


def _owned_by_bodies_in_general(tokens: list[Tok], first: int, head_index: int, grammar: Grammar) -> bool:
    """A modifier naming bodies in general as the owner (职能部门系统: each department's system), a
    kind; not with a localiser after it (部门间…平台: between departments) or a relation before it
    (跨部门…平台: across departments)."""
    for k in range(first, head_index):
        owner = next((o for o in grammar.collective_owners if tokens[k].text.endswith(o)), None)
        if owner is None or tokens[k + 1].tag.startswith("f"):
            continue
        before = tokens[k].text[: -len(owner)] or (tokens[k - 1].text if k > first else "")
        if not before.endswith(grammar.owner_relations):
            return True
    return False


def _without_negated_attributes(modifier: str, grammar: Grammar, words: Words) -> str:
    """*modifier* without the negated attributes it opens with (非涉密非敏感: the non-classified,
    non-sensitive ones), which sort systems into kinds. A negation counts where the dictionary
    cuts it off as a word of its own (非|涉密), not inside a word (非税收入)."""
    while len(modifier) > 1 and modifier[0] in grammar.negations and words.word_around(modifier, 0)[1] == 1:
        modifier = modifier[words.word_around(modifier, 1)[1] :]
    return modifier


def _a_place(word: str, tag: str, grammar: Grammar) -> bool:
    """A place's name with its level (洛阳市, 湖北省; jieba's tag ns), not 城市."""
    return tag == "ns" and len(word) > 2 and word[-1] in grammar.levels


def _counted(tokens: list[Tok], first: int, last: int, grammar: Grammar, *, after_a_predicate: bool = False) -> bool:
    """A quantity or 各 before the name in its clause (一批…平台, 70个以上…平台, 各区…系统), or a
    determiner of kinds right before it, starting it or a word of it (其他专网, 省直政务信息系统,
    政府所有业务系统): a kind. Where the name's first word opens with a predicate glued to it
    (各卫生院全部|接入市…), what stands before counts or modifies the predicate's subject.
    A number counts only with a measure word after it (not 4. or 3.0)."""
    before = first > 0 and not after_a_predicate and tokens[first - 1].text.startswith(grammar.kind_determiners)
    if tokens[first].text.startswith(grammar.kind_determiners) or before:
        return True
    if any(token.text in grammar.kind_determiners for token in tokens[first:last]):
        return True  # 三级政府所有审批业务系统: all the systems of a kind
    if after_a_predicate:
        return False  # 各卫生院全部|接入市…平台: what stands before the predicate counts its subject
    if first > 0 and (_starts_at_level(tokens, first, grammar) or _a_level_after_a_name(tokens, first, grammar)):
        return False  # 督促各部门审核|市级…平台(和|全省…系统): 各 counts the subject, a level starts the object
    verb_after = False  # a verb stands between the token and the name
    name_before = False  # another name, joined to this one by 和 or 、, stands between
    relative = False  # a 的 stands between: what comes before it modifies the name as a clause
    for k in range(first - 1, -1, -1):
        token = tokens[k]
        if token.tag in _HARD_PUNCTUATION or token.tag == "p":
            return False  # A与B对接: what counts A does not count B
        if token.text in grammar.actions:
            return False  # 在六大领域建设了X平台: the number counts what stands before the action
        if token.head and verb_after:
            return False  # 由33个子网站组成的X网站群: the number counts the systems of a clause of their own
        relative = relative or token.text == "的"
        joined = k + 1 < first and (tokens[k + 1].tag in grammar.conjunction_tags or tokens[k + 1].tag == "wn")
        name_before = name_before or (bool(token.head) and joined)  # 两个主题数据库|和|…
        verb_after = verb_after or token.tag in grammar.verb_tags
        if token.tag.startswith("r") and token.text.startswith("各"):
            # 各区自建业务系统, 各类平台; not 各县市区的|X系统 or 覆盖|各片区|的X系统: before a 的, 各
            # counts the owners or the object of a clause that modifies the name
            return not relative
        counting = token.text[0].isdigit() and k + 1 < len(tokens) and tokens[k + 1].tag == "q"
        if _quantity(token, grammar) and (counting or not token.text[0].isdigit()):
            if _counts_levels(tokens, k, grammar):
                return False  # 区、市、县三级|电子政务外网: the levels one system spans
            if name_before and not _counts_a_collective(tokens, k, grammar):
                return False  # 两个主题数据库和|人口综合信息库: a number counts the name it stands before
            return not _counts_one(tokens, k, grammar)
    return False


def _counts_levels(tokens: list[Tok], k: int, grammar: Grammar) -> bool:
    """The number at *k* counts levels, its measure glued to it or after it (三级, 两|级): before a
    name, what follows spans them, one system."""
    measures = grammar.not_counting_measures
    return tokens[k].text[-1:] in measures or _next_text(tokens, k + 1) in measures


def _counted_after(tokens: list[Tok], last: int, grammar: Grammar) -> bool:
    """A quantity right after the name (已建数据中心9个): a kind, counted; not where a head follows
    the quantity (A平台、B平台五项平台: the count sums up the names listed before it)."""
    if last >= len(tokens) or not _quantity(tokens[last], grammar):
        return False
    measured = not tokens[last].text[0].isdigit() or (last + 1 < len(tokens) and tokens[last + 1].tag == "q")
    summed = next((t for t in tokens[last + 1 : last + 3] if t.tag != "q"), None)
    if summed is not None and summed.head:
        return False  # …综合服务平台|五项|平台: the names listed, then how many they are
    return measured and not _counts_one(tokens, last, grammar)


def _other_kind(tokens: list[Tok], last: int, grammar: Grammar) -> bool:
    """A list item whose list ends in 等 and a category that is no system (云计算、物联网等技术)."""
    for k in range(last, len(tokens)):
        token = tokens[k]
        if token.tag in _HARD_PUNCTUATION or token.tag in grammar.verb_tags or token.tag == "p":
            return False
        if token.text == "等":
            for category in tokens[k + 1 :]:
                if category.head or category.tag in _HARD_PUNCTUATION or category.tag in grammar.verb_tags:
                    return False
                if category.text in grammar.other_kind_categories:
                    return True
            return False
    return False


def _distributed(tokens: list[Tok], start: int, end: int, after: int, grammar: Grammar) -> list[Found]:
    """``医疗健康、地理空间、海洋等行业数据流通交易平台``: the category after 等 (tokens *start* to
    *after*, the first segment of the run to *end*) given to each item.

    Only a list of two or more items, none of them a body or place (研究中心, 研发机构) unless the
    category stores data about them (企业基础数据库), and a
    category that no number counts (等十大系统); an item with a head of its own is a name by itself,
    and one with another head than the category's (门户网站、政务微博等信息公开平台) makes the
    category a class of kinds, given to no item.
    """
    if after < end or (after < len(tokens) and tokens[after].tag in grammar.start_tags):
        return []  # 鸿蒙、安卓等移动端操作系统: the category only modifies what follows
    if any(_quantity(token, grammar) for token in tokens[start:after]):
        return []  # A、B等“十大系统”: a counted category, its items are kinds
    if tokens[start].text in grammar.organisation_suffixes:
        return []  # 人社、医保等部门业务系统: the systems of those bodies in general, no name
    if len(tokens[start].text) > 1 and tokens[start].text.endswith(_LEVEL_ADJECTIVE):
        return []  # 奉贤区、临港新片区等区级CIM平台: places of a level, the systems of that level in general
    if any(token.text in grammar.actions for token in tokens[start:after]):
        return []  # A、B等部门视频资源|接入|视频云: an action on the system, the items are its subjects
    if tokens[after - 1].head and _offline(tokens, start, after - 1, grammar):
        return []  # 进博会、服贸会等重大展会招商平台: a category of no digital purpose names no system
    category_end = tokens[after - 1].end
    items: list[tuple[int, int]] = []
    k = start - 2
    while k >= 0:
        last = k + 1
        while k >= 0 and (tokens[k].tag in grammar.start_tags or tokens[k].tag in grammar.verb_tags):
            if tokens[k].head and k < last - 1:
                break  # 依托X平台|建设|生态环境、…: a name before the item's predicate is no part of it
            k -= 1
            if items and k > 0 and _joins_things(tokens, k, grammar):
                k -= 1  # A、自然资源和|与空间地理、B等: a 和 or 与 between 、 is inside its item
        first = k + 1
        if k > 0 and _joins_predicates(tokens, k, grammar):
            while first < last and tokens[first].tag in grammar.verbal_tags:
                first += 1  # 建设和|管理|人口、…: the second predicate
        trimmed = _trim_item(tokens, first, last, grammar)
        if trimmed is None:
            break
        items.insert(0, trimmed)
        if k < 0 or tokens[k].tag != "wn" or _closes_item_marker(tokens, k):
            break  # (一、推动A、B等…: the item's marker, no list)
        k -= 1
    if len(items) < 2:
        return []
    names = [("".join(t.text for t in tokens[a:b]), a, b) for a, b in items]
    category_head = _complete(tokens, start, after)
    if category_head not in grammar.holding_heads and any(name.endswith(grammar.institutions) for name, _, _ in names):
        return []  # 企业、高校等创新平台: who hosts; 人口、企业等基础数据库: what a store holds
    if any(tokens[b - 1].head not in ("", category_head) for _, b in items):
        return []  # 政府网站、政务新媒体等政务公开平台: an item of another kind, the category names a class
    names = [(name, a, b) for name, a, b in names if not any(t.head for t in tokens[a:b])]  # 主题数据库、X等专题数据库
    category = "".join(t.text for t in tokens[start:after]).translate(_QUOTES)
    return [Found(name.translate(_QUOTES) + category, tokens[a].start, category_end, a, after) for name, a, b in names]


def _joins_things(tokens: list[Tok], k: int, grammar: Grammar) -> bool:
    """Whether token *k* joins two things inside an item of a list (自然资源|与|空间地理): a
    conjunction or 与 between words that are no verbs."""
    verbal = grammar.verbal_tags
    return _joiner(tokens[k], grammar) and tokens[k - 1].tag not in verbal | {"wn"} and tokens[k + 1].tag not in verbal


def _joins_predicates(tokens: list[Tok], k: int, grammar: Grammar) -> bool:
    """Whether token *k* joins two verbs before a list (建设|和|管理|人口、法人等…): the list's
    predicates, no part of its first item."""
    verbal = grammar.verbal_tags
    return _joiner(tokens[k], grammar) and tokens[k - 1].tag in verbal and tokens[k + 1].tag in verbal


def _joiner(token: Tok, grammar: Grammar) -> bool:
    return token.tag in grammar.conjunction_tags or _joins_as_a_preposition(token, grammar)


def _items_before_a_shared_head(tokens: list[Tok], first: int, last: int, grammar: Grammar) -> list[tuple[int, int]]:
    """``云管、数管和用管平台``: items listed by 、 before a run joined by 和 share the run's head;
    the items (token ranges), the last one the run after 和 with the head, or none.

    Only where no item has a head of its own (人口基础数据库、自然资源和空间地理基础数据库: the
    run is one name), none is a quotation, a level or an institution, and a 、 opens the list
    (自然资源和空间地理基础数据库 alone is one name).
    """
    joins = [k for k in range(first + 1, last - 1) if tokens[k].tag in grammar.conjunction_tags]
    if len(joins) != 1 or first < 2 or tokens[first - 1].tag != "wn":
        return []
    items = [(first, joins[0])]
    k = first - 2
    while k >= 0:
        end = k + 1
        while k >= 0 and _in_an_item(tokens[k], grammar):
            k -= 1
        begin = k + 1
        while begin < end and _predicate_before_a_list(tokens[begin].text, grammar):
            begin += 1  # 完成|云管、…, 推进|不动产登记、…: the predicate before the list, not its first item
        if begin == end:
            return []
        items.insert(0, (begin, end))
        if k < 0 or tokens[k].tag != "wn" or begin > k + 1 or _closes_item_marker(tokens, k):
            break  # (the list opens after its predicate, or its item's marker)
        k -= 1
    for a, b in items:
        text = "".join(token.text for token in tokens[a:b])
        if any(token.head or token.tag == "wyz" for token in tokens[a:b]):
            return []
        if text in grammar.levels or text.endswith(grammar.institutions):
            return []  # 省、市和县级平台: the levels one system spans; 高校、企业和创新平台: who hosts
    return [*items, (joins[0] + 1, last)]


def _predicate_before_a_list(word: str, grammar: Grammar) -> bool:
    """Whether *word* says a task is done, an action on a system or a programme's verb (完成,
    建设, 推进): before a list it is the list's predicate (预约|挂号, what a system does, is no such)."""
    return word in grammar.achieving_verbs or word in grammar.actions or word in grammar.programme_verbs


def _in_an_item(token: Tok, grammar: Grammar) -> bool:
    """Whether *token* may stand in an item of a list sharing a head: a word that may open a name,
    or a verb of what the system does (食品安全|追溯、…平台), not an action on it (建成)."""
    return (token.tag in grammar.start_tags or token.tag in grammar.verb_tags) and token.text not in grammar.actions


def _given_the_head(text: str, tokens: list[Tok], item: tuple[int, int], name: Found) -> Found:
    """The name of an item of a list (云管) with the head of the run that ends it (用管|平台)."""
    head_start = tokens[name.last - 1].start
    written = _written(text, tokens[item[0]].start, tokens[item[1] - 1].end) + text[head_start : name.end]
    return Found(written, tokens[item[0]].start, name.end, item[0], name.last)


def _trim_item(tokens: list[Tok], start: int, end: int, grammar: Grammar) -> tuple[int, int] | None:
    while start < end and (tokens[start].tag not in grammar.start_tags or tokens[start].text in grammar.actions):
        start += 1
    return (start, end) if start < end else None


def _is_brand(text: str, tokens: list[Tok], start: int, end: int, grammar: Grammar, words: Words) -> bool:
    """A quoted service brand without a head: 苏服码, 浙里办, 爱山东; not 数字福建 or 一张网.

    Quoted, two to six characters, not a slogan of numbers (a numeral may open a place's name:
    三晋, 四川); either three characters ending in a brand's final (办, 通) after two that are
    no common word or are a place's name or abbreviation (jieba's ns and j: 山东, 三晋), or
    ending in a platform head, or a place (a name or short form of any division of the country,
    or a province's one-character abbreviation first) with at most a rare word beside it (i深圳)
    or a pronoun and 的 (我的宁夏).
    """
    content = _written(text, tokens[start].start, tokens[end - 1].end)
    first = content[:2]
    place_first = words.frequency(first) > 0 and words.tag(first) in _PLACE_NAME_TAGS  # 山东, 三晋, 四川
    if not 2 <= len(content) <= 6 or (content[0] in grammar.numerals and not place_first) or content[0].isdigit():
        return False
    if len(content) > 3 and _slogan(tokens[start + 1 : end - 1], grammar):
        return False  # “迁移上云”: a phrase with a verb
    if len(content) == 3 and content[-1] in grammar.brand_finals:
        return words.frequency(first) < grammar.common_word_frequency or place_first  # 锦政通, 山东通; not 网上办
    if content[-1] in grammar.single_character_heads:
        return words.frequency(content) < grammar.common_word_frequency
    names, abbreviations = _places()
    gazetteer = load_gazetteer()  # every division of the country, by its name or short form (i深圳)
    spans = {content[a:b] for a in range(len(content)) for b in range(a + 2, len(content) + 1)} - {content}
    places = {place for place in spans if place in names or gazetteer.places_named(place)}
    rests = [content.replace(place, "", 1) for place in places]
    if content[0] in abbreviations and len(content) == 3:
        rests.append(content[1:])
    rare = grammar.common_word_frequency
    return any(len(rest) == 1 or words.frequency(rest) < rare or _owning(rest, words) for rest in rests)


def _owning(word: str, words: Words) -> bool:
    """Whether *word* is a pronoun and 的 (我的): before a place, a brand of the place's own app (我的宁夏)."""
    return word.endswith("的") and words.tag(word[:-1]) == "r"


def _listed_with_common_phrases(
    text: str, tokens: list[Tok], brand: tuple[int, int], brands: list[tuple[int, int]], grammar: Grammar, words: Words
) -> bool:
    """Whether the quoted phrase *brand* stands in a run of quoted phrases (“集成办”“就近办”“网上办”
    “容缺办”) where another of its shape, its length and final character, is no brand: the run lists
    ways of service, one kind, and a rarer word among them names no system either (a slogan of
    another shape, “一网通办”, says nothing of “蓉易办” beside it)."""
    content = _written(text, tokens[brand[0]].start, tokens[brand[1] - 1].end)
    run = [brand]
    for step in (-1, 1):  # the phrases right before and right after it, with at most 、 between
        edge = brand
        while True:
            beside = next((b for b in brands if _next_to(tokens, edge, b) and (b[0] > edge[0]) == (step > 0)), None)
            if beside is None:
                break
            run.append(beside)
            edge = beside
    for a, b in run[1:]:
        other = _written(text, tokens[a].start, tokens[b - 1].end)
        same_shape = len(other) == len(content) and other[-1:] == content[-1:]
        if same_shape and not _is_brand(text, tokens, a, b, grammar, words):
            return True
    return False


def _listed_with_a_saying(text: str, tokens: list[Tok], brand: tuple[int, int], grammar: Grammar, words: Words) -> bool:
    """Whether the quoted phrase *brand* stands in a list right beside a quoted idiom of the
    dictionary (避免“一刀切”和“层层加码”): the list quotes sayings, and a rarer one is a saying too,
    no system's brand."""
    for step in (-1, 1):
        k = brand[0] - 1 if step < 0 else brand[1]
        if 0 <= k < len(tokens) and (tokens[k].tag == "wn" or tokens[k].text in grammar.list_joiners):
            k += step  # “A”、“B”, “A”和“B”
        if not (0 <= k < len(tokens) and tokens[k].tag == ("wyy" if step < 0 else "wyz")):
            continue
        close = k + step
        while 0 <= close < len(tokens) and tokens[close].tag not in ("wyz", "wyy"):
            close += step
        if not 0 <= close < len(tokens):
            continue
        first, last = sorted((k, close))
        inside = _written(text, tokens[first].end, tokens[last].start)
        if words.frequency(inside) > 0 and words.tag(inside) in grammar.saying_tags:
            return True
    return False


def _next_to(tokens: list[Tok], first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two quoted phrases stand side by side, with at most 、 between them."""
    left, right = sorted((first, second))
    between = tokens[left[1] : right[0]]
    return left != right and len(between) <= 1 and all(t.tag == "wn" for t in between)


def _listed_beside_a_name(tokens: list[Tok], start: int, end: int, found: list[Found], grammar: Grammar) -> bool:
    """Whether the quoted phrase ``tokens[start:end]`` stands in a list right beside a quoted name
    (“A”“B”, “A”、“B”, “A”和“B”)."""

    def joined(first: int, last: int) -> bool:
        between = tokens[first:last]
        return len(between) <= 1 and all(t.tag == "wn" or t.text in grammar.list_joiners for t in between)

    return any(f.quoted and (joined(f.last, start) if f.last <= start else joined(end, f.first)) for f in found)


def _may_be_a_brand(text: str, tokens: list[Tok], start: int, end: int, grammar: Grammar) -> bool:
    """A quoted phrase shaped like a name: two to eight characters, no number first and no
    slogan (“一网通办”, “12345”, “最多跑一次”)."""
    content = _written(text, tokens[start].end, tokens[end - 1].start)  # inside the quotes
    if not 2 <= len(content) <= 8 or content[0].isdigit() or content[0] in grammar.numerals:
        return False
    return not _slogan(tokens[start + 1 : end - 1], grammar)


def _counted_brands(tokens: list[Tok], end: int, grammar: Grammar) -> bool:
    """A quoted phrase in a list that a quantity or 等 closes before a platform head, or a quantity
    before a word of apps (“A”“B”两大平台, “A”、“B”两个系统, “A”“B”等服务平台, “A”和“B”两款重点应用):
    each item is a name of that kind."""
    k = end
    while k < len(tokens) and (tokens[k].tag in ("wyz", "wn") or tokens[k].text in grammar.list_joiners):
        close = next((j for j in range(k + 1, len(tokens)) if tokens[j].tag == "wyy"), None)
        if tokens[k].tag != "wyz":  # 、 or 和 between two quoted items
            k += 1
        elif close is None:
            return False
        else:
            k = close + 1
    if k >= len(tokens):
        return False
    closed = tokens[k].text == _ENUMERATION_CLOSER
    if not closed and (not _quantity(tokens[k], grammar) or _counts_one(tokens, k, grammar)):
        return False
    for index in range(k + 1, len(tokens)):
        token = tokens[index]
        if token.text in grammar.brand_categories:
            return not closed  # “A”和“B”两款应用 counts apps; “A”“B”等便民应用 names a kind of use
        attributive = index + 1 < len(tokens) and tokens[index + 1].text in grammar.brand_categories  # 在建|应用
        if token.tag in _HARD_PUNCTUATION or (token.tag in grammar.verb_tags and not attributive):
            return False
        if token.head:
            return token.head in grammar.heads
    return False


def _action(tokens: list[Tok], found: Found, grammar: Grammar, words: Words) -> str | None:
    """The action verb nearest before the name in its clause (a glued one included), else one
    right after it."""
    glued = tokens[found.first].text[: found.start - tokens[found.first].start]
    if glued in grammar.actions:
        return grammar.actions[glued]
    for k in range(found.first - 1, -1, -1):
        token = tokens[k]
        if token.tag in _HARD_PUNCTUATION:
            break
        leading = words.leading_word(token.text)
        for word in (token.text, leading[0] if leading else ""):
            if word in grammar.actions:
                return grammar.actions[word]
    if found.last < len(tokens) and tokens[found.last].text in grammar.actions:
        return grammar.actions[tokens[found.last].text]
    return None


def _links(tokens: list[Tok], found: list[Found], grammar: Grammar) -> list[tuple[int, int, str]]:
    """``X与Y对接``: X right before 与 (和, 同), Y right after it, a connecting verb after Y."""
    links = []
    for index in range(len(found) - 1):
        first, second = found[index], found[index + 1]
        between = [t.text for t in tokens[first.last : second.first]]
        if between in (["与"], ["和"], ["同"]) and second.last < len(tokens):
            verb = tokens[second.last].text
            if verb in grammar.link_verbs:
                links.append((index, index + 1, verb))
                first.action = first.action or "connects"
                second.action = second.action or "connects"
    return links


def abbreviated_mentions(
    text: str, names: list[tuple[int, int]], grammar: Grammar
) -> list[tuple[int, int, str, str | None]]:
    """Later mentions of short forms that the text defines right after a name (``国家企业信用信息
    公示系统（以下简称“公示系统”）``), as (start, end, name, the name it stands for): a short form
    that ends in a head, where it stands outside every name found or is one of them; with a level
    right before it (各省级公示系统), a system of that level, which stands for none.

    >>> grammar = load_grammar()
    >>> text = "建设省政务云平台（以下简称“政务云”）。市级政务云接入政务云。"
    >>> abbreviated_mentions(text, [(2, 8)], grammar)
    [(20, 25, '市级政务云', None), (27, 30, '政务云', '省政务云平台')]
    """
    taken = sorted(names)
    found: list[tuple[int, int, str, str | None]] = []
    levels = sorted(grammar.levels, key=len, reverse=True)
    for begin, end in taken:
        definition = grammar.abbreviation_pattern.match(text, end)
        if definition is None or not definition.group(1).endswith(grammar.heads):
            continue
        short = definition.group(1)
        position = text.find(short, definition.end())
        while position >= 0:
            level = next((w for w in levels if len(w) > 1 and text.endswith(w, 0, position)), "")  # not 辖|区
            start = position - len(level)
            stop = position + len(short)
            spans = [*taken, *((a, b) for a, b, _, _ in found)]
            if (start, stop) in taken or not any(a < stop and start < b for a, b in spans):
                found.append((start, stop, text[start:stop], None if level else text[begin:end]))
            position = text.find(short, stop)
    return sorted(found)


def level_mentions(text: str, names: list[tuple[int, int, str]], grammar: Grammar) -> list[tuple[int, int, str]]:
    """Later mentions of a named platform by its level and its head alone (``国家政务服务平台`` …
    ``与国家平台对接``), as (start, end, the name they stand for): only where one name found
    has that level and head, and outside every name found, with no longer level or a word of
    kinds right before (全省平台 is no mention of a 省…平台, 各省平台 none of any).

    >>> grammar = load_grammar()
    >>> text = "接入国家政务服务平台。推进与国家平台对接，各省平台互通。"
    >>> level_mentions(text, [(2, 10, "国家政务服务平台")], grammar)
    [(14, 18, '国家政务服务平台')]
    """
    levels = sorted(grammar.levels, key=len, reverse=True)
    heads = sorted(grammar.heads, key=len, reverse=True)
    named: dict[tuple[str, str], set[str]] = {}  # (level, head) → the names found with them
    after: dict[tuple[str, str], int] = {}
    for _, end, name in sorted(names):
        level = next((w for w in levels if name.startswith(w)), "")
        head = next((h for h in heads if name.endswith(h)), "")
        if level and head and len(name) > len(level) + len(head):
            named.setdefault((level, head), set()).add(name)
            after.setdefault((level, head), end)
    taken = [(a, b) for a, b, _ in names]
    found: list[tuple[int, int, str]] = []
    for (level, head), referents in named.items():
        if len(referents) > 1:
            continue  # 省平台 after 省X平台 and 省Y平台: which one is not said
        (referent,) = referents
        for position in _free_occurrences(text, level + head, after[level, head], taken):
            longer = any(len(w) > len(level) and text.endswith(w, 0, position + len(level)) for w in levels)
            if not longer and not text.endswith(grammar.kind_determiners, 0, position):
                found.append((position, position + len(level) + len(head), referent))
    return sorted(found)


def _free_occurrences(text: str, form: str, start: int, taken: list[tuple[int, int]]) -> Iterator[int]:
    """Where *form* stands in *text* from *start* on, outside every span of *taken* (the names found).

    >>> list(_free_occurrences("甲平台乙甲平台", "甲平台", 0, [(0, 3)]))
    [4]
    """
    position = text.find(form, start)
    while position >= 0:
        stop = position + len(form)
        if not any(a < stop and position < b for a, b in taken):
            yield position
        position = text.find(form, stop)


def level_dropped_mentions(
    text: str, names: list[tuple[int, int, str]], grammar: Grammar
) -> list[tuple[int, int, str]]:
    """Later mentions of a named platform by its name without its level (省政务服务平台 …
    ``接收政务服务平台推送信息``), as (start, end, the name they stand for): only after the name was
    first found, where one name found has that form, outside every name found, where a noun phrase
    opens (after a verb or a preposition: 行业|信用信息系统 and 一体化|政务服务平台 are other
    names) and with no level, word of kinds or 等 right before it (市政务服务平台 is another's,
    X等政务服务平台 a category). A national level is no local one: a province's 政务服务平台 is
    not the country's.

    >>> grammar = load_grammar()
    >>> text = "建设省政务服务平台。部门接收政务服务平台推送的信息，市政务服务平台同步。"
    >>> level_dropped_mentions(text, [(2, 9, "省政务服务平台")], grammar)
    [(14, 20, '省政务服务平台')]
    """
    local = sorted((w for w in grammar.levels if not w.startswith(grammar.national_levels)), key=len, reverse=True)
    referents: dict[str, set[str]] = {}
    after: dict[str, int] = {}
    for _, end, name in sorted(names):
        level = next((w for w in local if name.startswith(w)), "")
        form = name[len(level) :]
        if level and len(form) >= _DROPPED_LEVEL_LENGTH and form.endswith(grammar.heads):
            referents.setdefault(form, set()).add(name)
            after.setdefault(form, end)
    taken = [(a, b) for a, b, _ in names]
    before_a_name = (*grammar.levels, *grammar.kind_determiners, _ENUMERATION_CLOSER)
    found: list[tuple[int, int, str]] = []
    for form, named in referents.items():
        if len(named) > 1:
            continue  # 政务服务平台 after 省X and 市X: which one is not said
        (referent,) = named
        for position in _free_occurrences(text, form, after[form], taken):
            if not text.endswith(before_a_name, 0, position) and opens_a_noun_phrase(text, position):
                found.append((position, position + len(form), referent))
    return sorted(found)


def place_dropped_mentions(text: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names found that are another name found without the place it opens with (一键报贫系统
    beside 甘肃一键报贫系统, 市政府门户网站 beside 海口市政府门户网站), as (start, end, the fuller
    name): the same system, so an item naming both lists it once. Only where one fuller name has
    that form, outside a title (《阜阳市X系统管理办法》 names a document), and not for a place of
    the whole country (全国一体化政务服务平台 and a province's 一体化政务服务平台 are two).

    >>> text = "甘肃一键报贫系统启动。一键报贫系统好用。"
    >>> place_dropped_mentions(text, [(0, 8, "甘肃一键报贫系统"), (11, 17, "一键报贫系统")])
    [(11, 17, '甘肃一键报贫系统')]
    """
    gazetteer = load_gazetteer()
    fuller: dict[str, set[str]] = {}
    for start, _, name in names:
        opening = gazetteer.place_at_start(name)
        if opening is None or opening[0].parent is None or in_a_cited_title(text, start):
            continue
        place, length = opening
        forms = {name[length:]}
        if name[:length] == place.name:
            forms.add(name[length - 1 :])  # 海口市|政府门户网站 → 市政府门户网站: the level word kept
        for form in forms:
            if len(form) > 1:
                fuller.setdefault(form, set()).add(name)
    return [(a, b, next(iter(fuller[name]))) for a, b, name in names if len(fuller.get(name, ())) == 1]


def name_labels(name: str) -> list[str]:
    """The name, and the name without 省/全省 and without a bracketed phase (二期).

    >>> name_labels("全省政务云平台（二期）")
    ['全省政务云平台（二期）', '全省政务云平台', '政务云平台']
    """
    labels = [name]
    bare = re.sub(r"[（(][一二三四五六七八九十]期[）)]$", "", name)
    for candidate in (bare, re.sub(r"^(?:全省|省级|省|全市|市)", "", bare)):
        if candidate and candidate not in labels:
            labels.append(candidate)
    return labels
