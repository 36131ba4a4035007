"""Importing this module loads, once, what extraction without the spaCy pipeline builds lazily
(the gazetteer, the lexicon's patterns, jieba's dictionary and tags): by extracting a small plan.

A build's worker processes are forked from one process that imports it first (multiprocessing's
forkserver, :mod:`graph.build`), so each worker starts with them loaded instead of spending
seconds of CPU loading them again. Anything that fails here is left for the worker to meet, where
the build reports it.
"""

from __future__ import annotations

from contextlib import suppress

from extract.pipeline import extract_text

# A plan of one item, with a note, a platform and a place, so that every lazily built table is used.
WARM_TEXT = "福建省2021年工作要点\n一、建设省一体化大数据平台。（责任单位：省发展改革委，福州市人民政府）\n"

with suppress(Exception):
    extract_text(WARM_TEXT, "<warm>")
