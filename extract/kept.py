"""Answers kept for pure functions of short strings (a unit's name, a few characters around a
place): the same names and phrases are asked about again and again, within a document and
across the documents of a corpus, so each answer is computed once. :func:`clear_caches` forgets
them all, so that a benchmark's pass over documents it has read before costs what its first
pass did."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

__all__ = ["clear_caches", "kept"]

ANSWERS_KEPT = 1 << 16  # per function; short strings, a few megabytes at most
_KEPT: list[Any] = []
_Function = TypeVar("_Function", bound=Callable[..., Any])


def kept(function: _Function) -> _Function:
    """*function* with its answers kept in an LRU cache of :data:`ANSWERS_KEPT` entries; its
    arguments must be hashable (a gazetteer hashes by identity).

    >>> calls = []
    >>> @kept
    ... def length(text: str) -> int:
    ...     calls.append(text)
    ...     return len(text)
    >>> length("市数据局"), length("市数据局"), calls
    (4, 4, ['市数据局'])
    >>> clear_caches(); length("市数据局"), calls
    (4, ['市数据局', '市数据局'])
    """
    cached = lru_cache(maxsize=ANSWERS_KEPT)(function)
    _KEPT.append(cached)
    return cached  # type: ignore[return-value]


def clear_caches() -> None:
    """Forget every answer kept by :func:`kept`."""
    for cached in _KEPT:
        cached.cache_clear()
