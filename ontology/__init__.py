"""The ontology, shapes, gazetteers and lexicons: data files, located from here."""

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent

__all__ = ["ONTOLOGY_DIR"]
