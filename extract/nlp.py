"""The spaCy pipeline: Chinese with the pkuseg segmenter, and policykg's components.

Components (each behind a factory, configurable, saved with ``to_disk``/``from_disk``):

``policykg_gazetteer``
    agencies and places named in the text, from the gazetteer data files (``doc.spans``
    ``"agencies"`` and ``"places"``, the span id the gazetteer entry).
``policykg_platforms``
    named platforms with the action on them and platform–platform links (``doc._.platforms``,
    ``doc._.platform_links``, ``doc.spans["platforms"]``).
``policykg_programmes``
    named programmes (``doc._.programmes``, ``doc.spans["programmes"]``).
``policykg_targets``
    quantified targets and deadlines (``doc._.targets``, ``doc._.deadlines``).

The pkuseg model is read from its cache (:mod:`extract.models`) in :func:`make_nlp`; nothing
is downloaded here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.gazetteer import load_gazetteer
from extract.models import require_pkuseg_model
from extract.platforms import PlatformLexicon, find_platforms, find_programmes, load_platform_lexicon
from extract.targets import find_deadlines, find_targets

__all__ = ["GazetteerRuler", "PlatformFinder", "ProgrammeFinder", "TargetFinder", "load_nlp", "make_nlp"]

COMPONENTS = ("policykg_gazetteer", "policykg_platforms", "policykg_programmes", "policykg_targets")


def _spacy():
    try:
        import spacy
        from spacy.language import Language
        from spacy.tokens import Doc
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency of the project
        raise RuntimeError("spaCy is missing: pip install 'spacy>=3.7' spacy-pkuseg") from exc
    return spacy, Language, Doc


@dataclass(frozen=True)
class _Pattern:
    label: str
    text: str
    id: str


class GazetteerRuler:
    """Finds gazetteer names at word boundaries; like spaCy's SpanRuler, with patterns as JSONL.

    Matching is by dictionary look-up at each word start, longest name first, so thousands of
    names cost a few look-ups per word.
    """

    def __init__(self, name: str = "policykg_gazetteer", *, min_length: int = 2) -> None:
        self.name = name
        self.min_length = min_length
        self.patterns: list[_Pattern] = []
        self._index: dict[str, _Pattern] = {}
        self._first_characters: set[str] = set()
        self._longest = 0

    def initialize(self, get_examples: Any = None, nlp: Any = None, *, patterns: list[dict] | None = None) -> None:
        """Load *patterns* (``{"label", "pattern", "id"}``), by default every gazetteer name."""
        self.add_patterns(patterns if patterns is not None else gazetteer_patterns())

    def add_patterns(self, patterns: list[dict]) -> None:
        for row in patterns:
            pattern = _Pattern(row["label"], row["pattern"], row.get("id", row["pattern"]))
            if len(pattern.text) >= self.min_length:
                self.patterns.append(pattern)
                self._index.setdefault(pattern.text, pattern)
                self._first_characters.add(pattern.text[0])
                self._longest = max(self._longest, len(pattern.text))

    def __call__(self, doc: Any) -> Any:
        text = _text(doc)
        boundaries = _boundaries(doc)
        found: dict[str, list[Any]] = {"agencies": [], "places": []}
        covered_until = -1
        for index, (start, _) in enumerate(boundaries):
            if start < covered_until or text[start] not in self._first_characters:
                continue
            candidates = (end for _, end in boundaries[index : index + self._longest])
            for end in sorted((e for e in candidates if e - start <= self._longest), reverse=True):
                pattern = self._index.get(text[start:end])
                if pattern is not None:
                    span = doc.char_span(start, end, label=pattern.label, span_id=pattern.id)
                    if span is not None:
                        found["agencies" if pattern.label == "AGENCY" else "places"].append(span)
                        covered_until = end
                    break
        doc.spans["agencies"] = found["agencies"]
        doc.spans["places"] = found["places"]
        return doc

    def to_disk(self, path: str | Path, exclude: Any = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with (path / "patterns.jsonl").open("w", encoding="utf-8") as out:
            for p in self.patterns:
                out.write(json.dumps({"label": p.label, "pattern": p.text, "id": p.id}, ensure_ascii=False) + "\n")

    def from_disk(self, path: str | Path, exclude: Any = ()) -> GazetteerRuler:
        lines = (Path(path) / "patterns.jsonl").read_text(encoding="utf-8").splitlines()
        self.patterns, self._index, self._first_characters, self._longest = [], {}, set(), 0
        self.add_patterns([json.loads(line) for line in lines if line.strip()])
        return self


def gazetteer_patterns() -> list[dict]:
    """Every agency name and alias (label AGENCY) and place name (label PLACE) as patterns."""
    gaz = load_gazetteer()
    patterns = [
        {"label": "PLACE", "pattern": form, "id": place.code}
        for place in gaz.places.values()
        for form in (place.name, *place.short)
        if len(form) >= 2 and place.level != "country"
    ]
    patterns += [
        {"label": "AGENCY", "pattern": form, "id": agency.id}
        for agency in gaz.agencies.values()
        for form in (agency.name, *agency.aliases)
    ]
    return patterns


class _LexiconComponent:
    """A component configured by the platform lexicon, saved beside the pipeline."""

    def __init__(self, name: str, *, lexicon_path: str | None = None) -> None:
        self.name = name
        self.lexicon_path = lexicon_path
        self.lexicon: PlatformLexicon = load_platform_lexicon(Path(lexicon_path) if lexicon_path else None)
        self._source = Path(lexicon_path) if lexicon_path else None

    def to_disk(self, path: str | Path, exclude: Any = ()) -> None:
        from ontology import ONTOLOGY_DIR

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        source = self._source or ONTOLOGY_DIR / "platforms.json"
        (path / "lexicon.json").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: Any = ()) -> _LexiconComponent:
        self._source = Path(path) / "lexicon.json"
        self.lexicon = load_platform_lexicon(self._source)
        return self


def _text(doc: Any) -> str:
    """The doc's text, built once (``Doc.text`` joins every token on each access)."""
    cached = doc.user_data.get("policykg_text")
    if cached is None:
        cached = doc.user_data["policykg_text"] = doc.text
    return cached


def _boundaries(doc: Any) -> list[tuple[int, int]]:
    """(start, end) of every word, computed once per doc from its arrays (no Token objects)."""
    cached = doc.user_data.get("policykg_boundaries")
    if cached is None:
        from spacy.attrs import IDX, LENGTH

        cached = [(int(i), int(i) + int(n)) for i, n in doc.to_array([IDX, LENGTH]).tolist()] if len(doc) else []
        doc.user_data["policykg_boundaries"] = cached
    return cached


class PlatformFinder(_LexiconComponent):
    """Named platforms, typed actions and links (see :mod:`extract.platforms`)."""

    def __call__(self, doc: Any) -> Any:
        mentions, links = find_platforms(_text(doc), _boundaries(doc), self.lexicon)
        doc._.platforms, doc._.platform_links = mentions, links
        spans = [doc.char_span(m.start, m.end, label=m.action or "mentions", alignment_mode="expand") for m in mentions]
        doc.spans["platforms"] = [s for s in spans if s is not None]
        return doc


class ProgrammeFinder(_LexiconComponent):
    """Named programmes: quoted names and names ending in 行动, 工程, 计划, 专项."""

    def __call__(self, doc: Any) -> Any:
        doc._.programmes = find_programmes(_text(doc), _boundaries(doc), self.lexicon)
        spans = [doc.char_span(m.start, m.end, label="PROGRAMME", alignment_mode="expand") for m in doc._.programmes]
        doc.spans["programmes"] = [s for s in spans if s is not None]
        return doc


class TargetFinder:
    """Quantified targets and deadlines (see :mod:`extract.targets`)."""

    def __init__(self, name: str = "policykg_targets") -> None:
        self.name = name

    def __call__(self, doc: Any) -> Any:
        text = _text(doc)
        doc._.targets, doc._.deadlines = find_targets(text), find_deadlines(text)
        return doc


@lru_cache(maxsize=1)
def _register() -> None:
    """Register the factories and extension attributes with spaCy (once, lazily)."""
    _, Language, Doc = _spacy()
    for attribute in ("platforms", "platform_links", "programmes", "targets", "deadlines"):
        if not Doc.has_extension(attribute):
            Doc.set_extension(attribute, default=None)

    @Language.factory("policykg_gazetteer", default_config={"min_length": 2})
    def make_gazetteer_ruler(nlp: Any, name: str, min_length: int) -> GazetteerRuler:
        return GazetteerRuler(name, min_length=min_length)

    @Language.factory("policykg_platforms", default_config={"lexicon_path": None})
    def make_platform_finder(nlp: Any, name: str, lexicon_path: str | None) -> PlatformFinder:
        return PlatformFinder(name, lexicon_path=lexicon_path)

    @Language.factory("policykg_programmes", default_config={"lexicon_path": None})
    def make_programme_finder(nlp: Any, name: str, lexicon_path: str | None) -> ProgrammeFinder:
        return ProgrammeFinder(name, lexicon_path=lexicon_path)

    @Language.factory("policykg_targets")
    def make_target_finder(nlp: Any, name: str) -> TargetFinder:
        return TargetFinder(name)


def make_nlp(model_dir: Path | None = None) -> Any:
    """A blank Chinese pipeline with the pkuseg segmenter and policykg's components."""
    spacy, _, _ = _spacy()
    _register()
    folder = model_dir or require_pkuseg_model()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(folder))
    for component in COMPONENTS:
        nlp.add_pipe(component)
    nlp.get_pipe("policykg_gazetteer").initialize()
    return nlp


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The default pipeline, built once per process (loading pkuseg takes seconds)."""
    return make_nlp()
