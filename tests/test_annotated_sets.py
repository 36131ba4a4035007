"""Every annotated set scored at once (bench/annotated_sets.py): the sets in order, each a line of
totals, and the sums of those tuned on and those kept for measuring."""

from __future__ import annotations

import pytest

from bench.annotated_sets import annotated_sets, main, summary
from extract.evaluate import Counts


def test_the_sets_come_in_numeric_order_and_each_has_a_corpus() -> None:
    names = [name for name, _, _ in annotated_sets()]
    numbered = [int(name.removeprefix("heldout")) for name in names if name.startswith("heldout") and name != "heldout"]
    assert numbered == sorted(numbered) and len(numbered) >= 50
    assert all(corpus.is_dir() for _, corpus, _ in annotated_sets())


def test_a_summary_says_notes_units_leads_and_platforms() -> None:
    counts = Counts(gold_notes=4, predicted_notes=5, matched_notes=3, gold_units=4, predicted_units=4, matched_units=2)
    counts.lead_total, counts.lead_right = 2, 1
    assert summary(counts) == "notes 3/4 (5 predicted) units 0.5000 lead 1/2 platforms -"


def test_each_set_is_one_line_and_the_sums_close(nlp, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["heldout", "tuning"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[:2]] == ["heldout", "tuning"]
    assert lines[-2].startswith("all tuned on") and lines[-1].startswith("all held out")
    assert "notes 0/0" in lines[-1] and "notes 0/0" not in lines[-2]
