"""From a file or a string to an :class:`~extract.model.Extraction`: the steps in order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.gazetteer import Gazetteer, load_gazetteer
from extract.mentions import attach_mentions
from extract.metadata import extract_metadata
from extract.model import Document, Extraction, Heading, Note, Role, Unit
from extract.notes import added_unit_declarations, find_notes, first_lead_declarations
from extract.outline import build_tasks, find_boilerplate, find_headings, heading_before, merge_initiatives
from extract.reading import make_document, read_document
from extract.units import UnitName, expand_units

__all__ = ["extract_document", "extract_file", "extract_text"]


def extract_file(
    path: str | Path, *, jurisdiction: str | None = None, gazetteer: Gazetteer | None = None, nlp: Any = None
) -> Extraction:
    """Read and extract one file (see :func:`extract_document`)."""
    return extract_document(read_document(path), jurisdiction=jurisdiction, gazetteer=gazetteer, nlp=nlp)


def extract_text(text: str, name: str = "<text>", *, jurisdiction: str | None = None, nlp: Any = None) -> Extraction:
    """Extract a document given as a string."""
    return extract_document(make_document(text, name=name), jurisdiction=jurisdiction, nlp=nlp)


def _in_any(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def extract_document(
    document: Document, *, jurisdiction: str | None = None, gazetteer: Gazetteer | None = None, nlp: Any = None
) -> Extraction:
    """Metadata, outline, notes with resolved units, tasks and initiatives of *document*.

    *jurisdiction* (a division code such as ``350000``) overrides the one read from the text.
    With a spaCy pipeline *nlp* (:func:`extract.nlp.load_nlp`), platforms, programmes, places,
    agencies named in the text, targets and deadlines are found as well.
    """
    gaz = gazetteer or load_gazetteer()
    norm, text = document.norm, document.text
    metadata = extract_metadata(norm, gaz, jurisdiction)
    code = metadata.jurisdiction
    headings = find_headings(norm)
    boilerplate = find_boilerplate(norm, metadata)
    first_lead_from = min(first_lead_declarations(norm), default=None)
    additions = [
        (position, expand_units(units, offset, gaz, code)) for position, units, offset in added_unit_declarations(norm)
    ]
    notes: list[Note] = []
    for span, parsed in find_notes(norm, gaz, code):
        if _in_any(span.start, boilerplate):
            continue
        roles: list[tuple[Role, UnitName]] = [(g.role or "responsible", u) for g in parsed.groups for u in g.units]
        if parsed.explicit_lead:
            roles = [("support" if role == "responsible" else role, unit) for role, unit in roles]
        elif first_lead_from is not None and span.end > first_lead_from:
            roles = [("lead" if i == 0 else role, unit) for i, (role, unit) in enumerate(roles)]
        units = [_unit(text, unit, role, gaz, code) for role, unit in roles]
        written = {u.agency for u in units}
        for position, added in additions:
            if position < span.start:
                for unit in added:
                    resolved = _unit(text, unit, "support", gaz, code, added_by_declaration=True)
                    if resolved.agency not in written:
                        units.append(resolved)
                        written.add(resolved.agency)
        heading = heading_before(headings, span.start)
        raw = _raw(document, span.content_start, span.content_end, gaz)
        notes.append(
            Note(
                raw=raw,
                start=span.start,
                end=span.end,
                item=_marker_as_written(text, headings[heading]) if heading is not None else None,
                heading=heading,
                units=units,
                style=span.style,
                deadline=parsed.deadline,
                scope=parsed.scope,
            )
        )
    initiatives, of_heading = merge_initiatives(headings)
    tasks = build_tasks(text, headings, notes, boilerplate, of_heading)
    extraction = Extraction(document, metadata, headings, notes, initiatives, tasks, boilerplate, of_heading)
    if nlp is not None:
        attach_mentions(extraction, run_pipeline(nlp, norm), gaz)
    return extraction


def run_pipeline(nlp: Any, text: str) -> Any:
    """``nlp(text)``, handing the components the text itself (``Doc.text`` rebuilds it from
    every token on each access, which costs more than the components' own work)."""
    doc = nlp.make_doc(text)
    doc.user_data["policykg_text"] = text
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _marker_as_written(text: str, heading: Heading) -> str:
    return text[heading.start : heading.start + len(heading.marker)]


def _raw(document: Document, start: int, end: int, gaz: Gazetteer) -> str:
    """The note's text as written, lines joined by ``;``, with one leading label removed
    unless another unit label follows it (a note with two labels keeps both)."""
    while start < end and document.norm[start].isspace():
        start += 1
    pattern, labels = gaz.lexicon.label_pattern, gaz.lexicon.labels
    found = [m for m in pattern.finditer(document.norm, start, end) if m.group(1) in labels]
    if len(found) == 1 and found[0].start() == start:
        start = found[0].end()
    return document.text[start:end].strip().replace("\n", ";")


def _unit(
    text: str, unit: UnitName, role: Role, gaz: Gazetteer, jurisdiction: str, *, added_by_declaration: bool = False
) -> Unit:
    resolution = gaz.resolve(unit.name, jurisdiction)
    labels = list(dict.fromkeys([unit.name, *unit.alternatives, *resolution.labels]))
    return Unit(
        text=text[unit.start : unit.end],
        start=unit.start,
        end=unit.end,
        name=unit.name,
        labels=labels,
        role=role,
        agency=resolution.agency,
        agency_name=resolution.name,
        resolved=resolution.resolved,
        collective=resolution.collective,
        added_by_declaration=added_by_declaration,
    )
