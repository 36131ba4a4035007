"""``policykg resolve``: each name's agency, in the order given, as JSON lines or a table, and the
exit codes of a wrong call. Run in this process (:func:`graph.cli.main`, output read with
``capsys``); the names are written for these tests."""

from __future__ import annotations

import json

import pytest

from graph.results import text_width
from tests.graph.test_cli import Policykg, policykg, policykg_process

__all__ = ["policykg"]  # the fixture, imported for these tests


def _rows(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_each_name_in_order_as_a_json_line(policykg: Policykg) -> None:
    names = ["省发改委", "省发展改革委", "陕西省发展和改革委员会", "陕西发改委", "省住建厅"]
    result = policykg("resolve", "--jurisdiction", "610000", *names, "--json")
    assert result.returncode == 0
    rows = _rows(result.stdout)
    assert [row["name"] for row in rows] == names
    assert all(list(row) == ["name", "id", "label", "jurisdiction", "resolved"] for row in rows)
    assert {row["id"] for row in rows[:4]} == {"610000/drc"} and rows[4]["id"] == "610000/housing"
    assert rows[0]["label"] == "陕西省发展和改革委员会" and rows[0]["jurisdiction"] == "610000"
    assert all(row["resolved"] for row in rows)


def test_a_name_with_its_own_place_needs_no_jurisdiction(policykg: Policykg) -> None:
    rows = _rows(policykg("resolve", "甘肃省卫健委", "兰州市卫生健康委员会", "省卫健委", "--json").stdout)
    assert [row["id"] for row in rows[:2]] == ["620000/health", "620100/health"]
    assert rows[2]["resolved"] is False and rows[2]["jurisdiction"] == "100000"


def test_the_jurisdiction_may_be_a_name_and_the_same_title_differs_by_place(policykg: Policykg) -> None:
    by_name = _rows(policykg("resolve", "--jurisdiction", "甘肃", "省委组织部", "--json").stdout)
    by_code = _rows(policykg("resolve", "--jurisdiction", "620000", "省委组织部", "--json").stdout)
    elsewhere = _rows(policykg("resolve", "--jurisdiction", "青海省", "省委组织部", "--json").stdout)
    assert by_name == by_code and by_name[0]["id"] == "620000/party-org"
    assert elsewhere[0]["id"] == "630000/party-org"


def test_a_predecessor_resolves_to_its_own_id(policykg: Policykg) -> None:
    rows = _rows(policykg("resolve", "--jurisdiction", "620000", "省环保厅", "省生态环境厅", "--json").stdout)
    assert [row["id"] for row in rows] == ["620000/env-protection", "620000/ecoenv"]


def test_the_table_lines_up(policykg: Policykg) -> None:
    result = policykg("resolve", "--jurisdiction", "620000", "省发改委", "省某某办")
    assert result.returncode == 0
    header, rule, first, second, count = result.stdout.splitlines()
    assert [cell.strip() for cell in header.split(" | ")] == ["name", "id", "label", "jurisdiction", "resolved"]
    columns = [[text_width(cell) for cell in line.split(" | ")[:-1]] for line in (header, first, second)]
    assert columns[0] == columns[1] == columns[2]  # on a terminal, Chinese taking two columns
    assert set(rule) <= {"-", "+"} and "620000/drc" in first and "False" in second and count == "(2 rows)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["resolve", "--jurisdiction", "无此地", "省发改委"], "no place is called '无此地'"),
        (["resolve", "--jurisdiction", "鼓楼区", "区发改局"], "names several places"),
        (["resolve"], "the following arguments are required: NAME"),
    ],
)
def test_wrong_usage_exits_2_saying_why(policykg: Policykg, args: list[str], message: str) -> None:
    result = policykg(*args)
    assert result.returncode == 2 and message in result.stderr and "usage: policykg resolve" in result.stderr


def test_help_and_a_separate_process() -> None:
    assert policykg_process("resolve", "--help").returncode == 0
    result = policykg_process("resolve", "--jurisdiction", "无此地", "省发改委")
    assert result.returncode == 2 and result.stdout == ""
