"""The analyst's walkthrough runs from top to bottom on the bundled samples, from a folder that is
not the notebook's own (it finds the samples and makes its store wherever it runs)."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def test_walkthrough_runs(tmp_path: Path) -> None:
    notebook = nbformat.read(NOTEBOOKS / "walkthrough.ipynb", as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    outputs = "".join(o.get("text", "") for cell in notebook.cells for o in cell.get("outputs", []))
    assert "福建省数字福建建设领导小组办公室" in outputs and "shared-initiative edges" in outputs
    pictures = [o for cell in notebook.cells for o in cell.get("outputs", []) if "image/svg+xml" in o.get("data", {})]
    assert len(pictures) == 1
    written = Path(outputs.split("written for Gephi to ")[1].split()[0])
    assert written.suffix == ".gexf" and written.stat().st_size > 0
    errors = [o for cell in notebook.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
