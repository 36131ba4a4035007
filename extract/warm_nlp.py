"""Importing this module loads, once, the default spaCy pipeline (:func:`extract.nlp.load_nlp`)
and everything extraction builds lazily (:mod:`extract.warm`), by extracting a small plan with it:
the forkserver of a build's workers imports it, so that workers forked from it share the pipeline
instead of each loading pkuseg's model again. Anything that fails here is left for the worker to
meet, where the build reports it.
"""

from __future__ import annotations

from contextlib import suppress

from extract.pipeline import extract_text
from extract.warm import WARM_TEXT

with suppress(Exception):
    from extract.nlp import load_nlp

    extract_text(WARM_TEXT, "<warm>", nlp=load_nlp())
