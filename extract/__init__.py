"""Extraction: files → documents → outline → responsibility notes → resolved agencies.

Each step is a plain function over the dataclasses in :mod:`extract.model`; nothing here
touches a store or the network.
"""

from extract.pipeline import extract_file, extract_text

__all__ = ["extract_file", "extract_text"]
