"""The command line as a user runs it: help, JSON keys, outputs and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES


def policykg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True)


@pytest.mark.parametrize("command", [[], ["extract"], ["eval"], ["summary"]])
def test_help(command: list[str]) -> None:
    result = policykg(*command, "--help")
    assert result.returncode == 0 and "usage: policykg" in result.stdout


def test_extract_json_keeps_the_stable_keys(tmp_path: Path) -> None:
    output = tmp_path / "out.json"
    result = policykg("extract", str(SAMPLES / "gov_2019_3_bonded_zones_opinions.txt"), "--json", "-o", str(output))
    assert result.returncode == 0
    data = json.loads(output.read_text(encoding="utf-8"))
    note = data["notes"][0]
    assert {"raw", "item", "start", "end", "units"} <= set(note)
    assert {"name", "labels", "lead", "agency"} <= set(note["units"][0])
    assert note["units"][0]["name"] == "税务总局" and note["units"][0]["lead"] is True
    assert "国家税务总局" in note["units"][0]["labels"]


def test_a_bad_file_exits_1_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"nope")
    result = policykg("extract", str(bad))
    assert result.returncode == 1 and str(bad) in result.stderr


def test_wrong_usage_exits_2() -> None:
    assert policykg("extract").returncode == 2


def test_summary_goes_on_past_a_bad_document(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("（一）建平台。（责任单位：省数字办、发改委）", encoding="utf-8")
    (tmp_path / "bad.docx").write_bytes(b"nope")
    result = policykg("summary", str(tmp_path))
    assert result.returncode == 1
    assert "documents: 1 read, 1 failed" in result.stdout and "bad.docx" in result.stderr
    assert "—" in result.stdout
