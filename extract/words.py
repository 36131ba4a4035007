"""Word boundaries from jieba's dictionary, for the few places where one character may be a
word of its own or part of a longer one (会 joins units in 科会信息中心, not in 社会保障部)."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

__all__ = ["ends_a_word", "stands_alone"]

_WINDOW = 3


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.dt  # the default tokenizer, whose dictionary the part-of-speech tagger loads as well


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a word of its own when the text around it is segmented.

    >>> stands_alone("大数据管理科会信息中心", 6, 7), stands_alone("人力资源社会保障部", 5, 6)
    (True, False)
    """
    left = max(start - _WINDOW, 0)
    position = left
    for word in _tokenizer().cut(text[left : end + _WINDOW], HMM=False):
        if position == start:
            return position + len(word) == end
        position += len(word)
        if position > start:
            return False
    return False


def ends_a_word(text: str, position: int) -> bool:
    """Whether a word ends at *position* when the text around it is segmented.

    >>> ends_a_word("会同有关部门审查", 6), ends_a_word("会同有关部门审查", 5)
    (True, False)
    """
    left = max(position - 2 * _WINDOW, 0)
    at = left
    for word in _tokenizer().cut(text[left : position + _WINDOW], HMM=False):
        if at >= position:
            break
        at += len(word)
    return at == position
