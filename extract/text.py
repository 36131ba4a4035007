"""Text normalisation that never changes a string's length.

Every later step works on a *matching text* of exactly the same length as the original, so
an offset found in one is an offset in the other: Traditional characters become Simplified,
ASCII brackets and separators become their full-width forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from extract.kept import kept

__all__ = [
    "CLOSING_BRACKETS",
    "OPENING_BRACKETS",
    "alternation",
    "compact",
    "half_width",
    "in_a_cited_title",
    "is_han",
    "matching_text",
    "to_simplified",
]

# The brackets plans write, each opening one at the index of its closing one.
OPENING_BRACKETS, CLOSING_BRACKETS = "（〔【[(<〈", "）〕】])>〉"

# ASCII punctuation that stored web copies write in place of the full-width forms.
_TO_FULL_WIDTH = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；", "\u00a0": " "})
# Full-width ASCII block (！ … ～) to ASCII, and the ideographic space to a space.
_TO_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def is_han(char: str) -> bool:
    """Whether *char* is a character of Chinese (the CJK Unified Ideographs block).

    >>> is_han("平"), is_han("A"), is_han("，")
    (True, False, False)
    """
    return "\u4e00" <= char <= "\u9fff"


def alternation(words: Iterable[str], between: str = "") -> str:
    r"""A regular expression that matches any of the literal *words*, the longest first (so that
    牵头单位 wins over 牵头), *between* (a pattern such as ``\s*``) allowed between characters.

    The words are written as a trie of their characters, so that the engine reads each character
    once where a plain alternation would try every word in turn (hundreds of labels).

    >>> alternation(["牵头", "牵头单位", "配合"])
    '(?:牵头(?:单位)?|配合)'
    >>> import re
    >>> re.fullmatch(alternation(["牵头单位"], between=r"\s*"), "牵 头单位") is not None
    True
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie, between) if any(trie) else ""


def _branches(node: dict[str, dict], between: str) -> str:
    """The pattern of the words' rests below a trie *node*: each next character, then its rest,
    which may stop there where a word ends."""
    alternatives = []
    for char in sorted(key for key in node if key):
        child = node[char]
        if not any(child):
            alternatives.append(re.escape(char))
            continue
        rest = between + _branches(child, between)
        alternatives.append(re.escape(char) + (f"(?:{rest})?" if "" in child else rest))
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


@lru_cache(maxsize=1)
def _converter():
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - opencc is a hard dependency
        raise RuntimeError("opencc is missing: pip install opencc") from exc
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert Traditional script to Simplified, keeping the length of *text*.

    OpenCC converts phrase by phrase and may, rarely, change the length; then each character
    is converted alone and kept as it is where its conversion is not one character.
    """
    converted = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    convert = _converter().convert
    return "".join(c if len(s := convert(c)) != 1 else s for c in text)


def matching_text(text: str) -> str:
    """The text every extraction step matches against: Simplified, full-width brackets.

    >>> matching_text("(責任單位:省數字辦)")
    '（责任单位：省数字办）'
    """
    return to_simplified(text).translate(_TO_FULL_WIDTH)


def half_width(text: str) -> str:
    """Full-width ASCII punctuation and letters turned half-width (the scoring convention).

    >>> half_width("（一）：ＡＰＰ")
    '(一):APP'
    """
    return text.translate(_TO_HALF_WIDTH)


@kept
def compact(text: str) -> str:
    """Simplified, half-width, without white space: the form names are compared in.

    >>> compact(" 市商务局（投促局） ")
    '市商务局(投促局)'
    """
    return "".join(half_width(to_simplified(text)).split())


def in_a_cited_title(text: str, position: int) -> bool:
    """Whether *position* stands inside a title in 《》 (《X系统管理办法》 names a document, no system).

    >>> text = "按照《X系统管理办法》，完善X系统"
    >>> in_a_cited_title(text, 3), in_a_cited_title(text, 15)
    (True, False)
    """
    return text.rfind("《", 0, position) > text.rfind("》", 0, position)
