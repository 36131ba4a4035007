"""The spaCy pipeline: components by factory, saved and loaded, and the model's absence."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.models import ModelMissingError, require_pkuseg_model
from extract.nlp import COMPONENTS
from extract.text import matching_text


def test_pipeline_has_the_components(nlp) -> None:
    assert tuple(nlp.pipe_names) == COMPONENTS
    assert nlp.tokenizer.segmenter == "pkuseg"


def test_components_round_trip_through_disk(nlp, tmp_path: Path) -> None:
    text = matching_text("依托粤商通平台搭建招商引资和产业转移平台，商务部负责。")
    before = nlp(text)
    for name in ("policykg_gazetteer", "policykg_platforms"):
        nlp.get_pipe(name).to_disk(tmp_path / name)
    assert (tmp_path / "policykg_gazetteer" / "patterns.jsonl").read_text(encoding="utf-8").count("\n") > 1000
    nlp.get_pipe("policykg_gazetteer").from_disk(tmp_path / "policykg_gazetteer")
    nlp.get_pipe("policykg_platforms").from_disk(tmp_path / "policykg_platforms")
    after = nlp(text)
    assert (
        [m.name for m in after._.platforms]
        == [m.name for m in before._.platforms]
        == [
            "粤商通平台",
            "招商引资和产业转移平台",
        ]
    )
    assert [s.id_ for s in after.spans["agencies"]] == [s.id_ for s in before.spans["agencies"]] == ["CN/mofcom"]


def test_a_missing_model_says_how_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKG_PKUSEG_MODEL", str(tmp_path / "nowhere"))
    with pytest.raises(ModelMissingError, match=r"python -m extract\.models"):
        require_pkuseg_model()
