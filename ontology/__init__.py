"""The ontology, shapes, gazetteers and lexicons: data files, located from here."""

import json
from pathlib import Path
from typing import Any

ONTOLOGY_DIR = Path(__file__).resolve().parent

__all__ = ["ONTOLOGY_DIR", "read_json"]


def read_json(path: Path, what: str) -> Any:
    """A JSON data file; a ValueError that names the file and *what* it should hold."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read the {what}: {exc}") from exc
