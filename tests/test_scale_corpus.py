"""The scale corpus generator (bench/scale_corpus.py): documents the real extractor reads as plans
of the jurisdiction they name, with the notes they were made of."""

from __future__ import annotations

from pathlib import Path

from bench.scale_corpus import write_corpus
from extract.pipeline import extract_file


def test_generated_plans_read_as_plans_of_their_own_jurisdiction(tmp_path: Path) -> None:
    paths = write_corpus(3, tmp_path, seed=1, items=10)
    assert [p.name for p in paths] == sorted(p.name for p in tmp_path.iterdir())
    jurisdictions = set()
    for path in paths:
        extraction = extract_file(path)
        assert len(extraction.notes) >= 10, path.read_text(encoding="utf-8")
        assert extraction.metadata.title and extraction.metadata.title.startswith(path.name.split("_")[0])
        jurisdictions.add(extraction.metadata.jurisdiction)
    assert len(jurisdictions) == 3
    assert write_corpus(3, tmp_path / "again", seed=1, items=10)[0].read_text(encoding="utf-8") == paths[0].read_text(
        encoding="utf-8"
    )
