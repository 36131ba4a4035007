"""The extraction benchmark's count of Python calls, which tells two versions of the code apart."""

from __future__ import annotations

from bench.extract_vs_segment import _python_calls


def _step() -> None:
    """One call of the work counted."""


def test_the_count_follows_the_calls_the_work_makes() -> None:
    small = _python_calls(lambda: [_step() for _ in range(10)])
    large = _python_calls(lambda: [_step() for _ in range(1000)])
    assert small >= 10
    assert large - small == 990
