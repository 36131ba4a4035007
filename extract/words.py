"""Words from jieba's dictionary, for the few places where one character may be a word of its own
or part of a longer one (会 joins units in 科会信息中心, not in 社会保障部), where a name opens
with a proper name (吴江海关, which a run's level does not reach), a level form (市政府各部门) or a
preposition (在龙亭镇), and where the segmenter started a name inside a word (归|集子系统). Every
answer comes from one segmentation of a few characters around the place asked about."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from extract.kept import kept
from ontology import ONTOLOGY_DIR, read_json

__all__ = [
    "common_noun_ending",
    "ends_a_word",
    "ends_with_a_verb",
    "first_word",
    "in_the_dictionary",
    "names_a_place",
    "opens_a_noun_phrase",
    "opens_with_a_locative",
    "stands_alone",
    "starts_with_a_preposition",
    "starts_with_a_proper_name",
    "word_around",
]

_WINDOW = 3


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.dt  # the default tokenizer, whose dictionary the part-of-speech tagger loads as well


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    """jieba's dictionary tags, with the plan-language corrections (ontology/pos_corrections.json)
    over them, so that notes and platforms read a word alike (隶属于: a verb)."""
    import jieba.posseg

    _tokenizer()  # quiets jieba's log before its dictionary loads, whichever of the two comes first
    jieba.posseg.dt.tokenizer.initialize()
    corrections = read_json(ONTOLOGY_DIR / "pos_corrections.json", "part-of-speech corrections")["tags"]
    return {**jieba.posseg.dt.word_tag_tab, **corrections}


# jieba's tags of a place's or a person's name
_PROPER_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg"})


@kept
def first_word(text: str) -> str:
    """The word *text* opens with, as jieba's dictionary segments it (kept: the same names and
    phrases are asked about again and again).

    >>> first_word("市政府各部门"), first_word("市政公用局")
    ('市政府', '市政')
    """
    return next(iter(_tokenizer().cut(text, HMM=False)), "")


@kept
def _word_ends(window: str) -> tuple[int, ...]:
    """Where each word of *window* ends, as jieba's dictionary segments it."""
    ends, at = [], 0
    for word in _tokenizer().cut(window, HMM=False):
        at += len(word)
        ends.append(at)
    return tuple(ends)


def starts_with_a_preposition(text: str) -> bool:
    """Whether *text* opens with a word jieba's dictionary tags a preposition (在龙亭镇实施…: a
    place where, no subject).

    >>> starts_with_a_preposition("在龙亭镇"), starts_with_a_preposition("龙亭镇")
    (True, False)
    """
    return _word_tags().get(first_word(text)) == "p"


# jieba's tags of a word that opens a predicate: a verb, a verbal noun, an adverb
_PREDICATE_TAGS = frozenset({"v", "vn", "vd", "d", "ad"})


def starts_with_a_predicate(text: str) -> bool:
    """Whether *text* opens with a word jieba's dictionary tags a verb, a verbal noun or an adverb
    (统一建设, 共建, 积极配合), not a noun (执行庭, 办公室).

    >>> starts_with_a_predicate("统一建设"), starts_with_a_predicate("执行庭")
    (True, False)
    """
    return _word_tags().get(first_word(text)) in _PREDICATE_TAGS


def in_the_dictionary(word: str) -> bool:
    """Whether jieba's dictionary counts *word*: a common word (运营商), not a name it lacks (国投集团).

    >>> in_the_dictionary("运营商"), in_the_dictionary("国投集团")
    (True, False)
    """
    return _tokenizer().FREQ.get(word, 0) > 0


def starts_with_a_proper_name(name: str, most_frequent: int) -> bool:
    """Whether *name* opens with a word of two characters or more that jieba's dictionary tags as
    a place's or a person's name, with more after it: a body named after a place (吴江海关,
    宁东管委会), not a standard institution (住建局, 海关). A word the dictionary counts more
    than *most_frequent* times is a common one it tags wrongly (城市, 海洋, 文明 are no names).

    >>> [starts_with_a_proper_name(n, 1000) for n in ("吴江海关", "住建局", "海关", "海洋与渔业局")]
    [True, False, False, False]
    """
    first = first_word(name)
    if not 2 <= len(first) < len(name) or _word_tags().get(first) not in _PROPER_NAME_TAGS:
        return False
    return _tokenizer().FREQ.get(first, 0) <= most_frequent


def common_noun_ending(text: str, end: int) -> str:
    """The word of two characters or more that ends at *end* when *text* is segmented, where
    jieba's dictionary tags it a common noun (住房|城乡|建设厅 → 城乡); '' where none does.

    >>> common_noun_ending("住房城乡建设厅", 4), common_noun_ending("嵊山镇人民政府", 3)
    ('城乡', '')
    """
    start, stop = word_around(text, end - 1)
    word = text[start:stop]
    return word if stop == end and len(word) > 1 and _word_tags().get(word) == "n" else ""


def names_a_place(word: str) -> bool:
    """Whether jieba's dictionary tags *word* a place's name (梅河口, 海淀), a place no gazetteer may hold.

    >>> names_a_place("梅河口"), names_a_place("分公司")
    (True, False)
    """
    return _word_tags().get(word) == "ns"


# jieba's tags of a word that says what part of a place is meant: a noun (流域), a noun of locality
# (沿线), a noun of place (境内)
_EXTENT_TAGS = frozenset({"n", "f", "s"})


def names_an_extent(word: str) -> bool:
    """Whether jieba's dictionary tags *word* a noun, a noun of locality or of place (流域, 沿线,
    境内), what of a place named before it is meant (白洋淀|流域), not a verb (加强).

    >>> names_an_extent("流域"), names_an_extent("沿线"), names_an_extent("加强")
    (True, True, False)
    """
    return _word_tags().get(word) in _EXTENT_TAGS


def opens_with_a_locative(text: str) -> bool:
    """Whether *text* opens with a word jieba's dictionary tags a noun of locality (沿湖, 沿线,
    周边: along, around), which says where the bodies after it are, not whose.

    >>> opens_with_a_locative("沿湖各乡镇"), opens_with_a_locative("湖南各市")
    (True, False)
    """
    return _word_tags().get(first_word(text)) == "f"


def word_around(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the word that holds the character at *position* when the text around it
    is segmented.

    >>> text = "做好数据归集子系统建设"
    >>> word_around(text, 5), word_around(text, 6)
    ((4, 6), (6, 9))
    """
    left = max(position - 2 * _WINDOW, 0)
    start = left
    for end in _word_ends(text[left : position + 2 * _WINDOW]):
        if left + end > position:
            return start, left + end
        start = left + end
    return position, position + 1


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a word of its own when the text around it is segmented.

    >>> stands_alone("大数据管理科会信息中心", 6, 7), stands_alone("人力资源社会保障部", 5, 6)
    (True, False)
    """
    return word_around(text, start) == (start, end)


def holds_a_word(text: str, words: tuple[str, ...], start: int = 0) -> bool:
    """Whether one of *words* stands in *text*, from *start* on, as a word of its own when the
    text is segmented (网站|是|省政府, not 行为).

    >>> holds_a_word("省政府门户网站是省政府", ("是", "为")), holds_a_word("违法建设行为发生地镇政府", ("是", "为"))
    (True, False)
    """
    for word in words:
        at = text.find(word, start)
        while at >= 0:
            if stands_alone(text, at, at + len(word)):
                return True
            at = text.find(word, at + 1)
    return False


_NAMING_TAGS = frozenset({"n", "nt", "nz", "j"})  # a word of the dictionary tagged so names a thing: 人防办


def ends_with_a_verb(text: str) -> bool:
    """Whether the last two characters of *text* are a verb of jieba's dictionary that the text
    around them segments as a word's end: 切实履行 and 严格执行 end in 履行 and 执行, not in a
    bank (工行) or an office (信访办, 管委|办, where 委办 is no word; 人防办, a word that is no verb).

    >>> [ends_with_a_verb(t) for t in ("市发改委严格执行", "市发改委", "市信访办", "市行政服务中心管委办", "县人防办")]
    [True, False, False, False, False]
    """
    if not _word_tags().get(text[-2:], "").startswith("v"):
        return False  # (the cheap test first)
    start, end = word_around(text, len(text) - 1)
    return end == len(text) and end - start > 1 and _word_tags().get(text[start:end]) not in _NAMING_TAGS


_ADVERB_TAGS = frozenset({"d", "ad"})  # jieba's tags of an adverb


def without_adverbs_at_end(text: str) -> str:
    """*text* without the words at its end that jieba's dictionary tags as adverbs (X定期|对Y进行
    指导: 定期 and 及时 say how often and how soon a body acts, no part of its name).

    >>> without_adverbs_at_end("市农业局定期"), without_adverbs_at_end("市农业局")
    ('市农业局', '市农业局')
    """
    while len(text) > 2:
        start, end = word_around(text, len(text) - 1)
        if end != len(text) or start == 0 or _word_tags().get(text[start:]) not in _ADVERB_TAGS:
            return text
        text = text[:start]
    return text


_PHRASE_OPENING_TAGS = frozenset({"v", "p", "c", "d"})  # a verb, a preposition, a conjunction, an adverb


def opens_a_noun_phrase(text: str, position: int) -> bool:
    """Whether a noun phrase may open at *position*: a mark stands before it, or a word that jieba's
    dictionary tags a verb, a preposition, a conjunction or an adverb, none of which modifies a
    noun after it (接收|政务服务平台, 与|政务服务平台; not 行业|信用信息系统).

    >>> opens_a_noun_phrase("部门接收政务服务平台", 4), opens_a_noun_phrase("行业信用信息系统", 2)
    (True, False)
    """
    if position == 0 or not text[position - 1].isalnum():
        return True
    start, end = word_around(text, position - 1)
    return end == position and _word_tags().get(text[start:end], "") in _PHRASE_OPENING_TAGS


def ends_a_word(text: str, position: int) -> bool:
    """Whether a word ends at *position* when the text around it is segmented.

    >>> ends_a_word("会同有关部门审查", 6), ends_a_word("会同有关部门审查", 5)
    (True, False)
    """
    return position == 0 or word_around(text, position - 1)[1] == position
