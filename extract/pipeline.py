"""From a file or a string to an :class:`~extract.model.Extraction`: the steps in order."""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from extract.entities import resolve_entities
from extract.gazetteer import COUNTRY, Gazetteer, load_gazetteer
from extract.mentions import attach_mentions
from extract.metadata import extract_metadata
from extract.model import Document, Extraction, Heading, Note, Role, Unit
from extract.notes import (
    added_unit_declarations,
    find_notes,
    first_lead_declaration,
    led_by_a_declared_phrase,
    phrase_lead_declarations,
    wraps_at,
)
from extract.outline import build_tasks, find_boilerplate, find_headings, heading_before, in_spans, merge_initiatives
from extract.reading import DEFAULT_MAX_FILE_BYTES, make_document, read_document
from extract.units import UnitName, expand_units

__all__ = ["PIECE_SIZE", "extract_document", "extract_file", "extract_text", "pipeline_pieces", "text_pieces"]

# Characters the spaCy pipeline reads at a time: pkuseg's memory grows with the text it is
# given, and spaCy refuses texts over ``nlp.max_length`` (a million characters by default).
PIECE_SIZE = 100_000


def extract_file(
    path: str | Path,
    *,
    name: str | None = None,
    jurisdiction: str | None = None,
    gazetteer: Gazetteer | None = None,
    nlp: Any = None,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> Extraction:
    """Read and extract one file (see :func:`extract_document`); *name* and *max_bytes* as in
    :func:`~extract.reading.read_document`."""
    document = read_document(path, name=name, max_bytes=max_bytes)
    return extract_document(document, jurisdiction=jurisdiction, gazetteer=gazetteer, nlp=nlp)


def extract_text(text: str, name: str = "<text>", *, jurisdiction: str | None = None, nlp: Any = None) -> Extraction:
    """Extract a document given as a string."""
    return extract_document(make_document(text, name=name), jurisdiction=jurisdiction, nlp=nlp)


def extract_document(
    document: Document, *, jurisdiction: str | None = None, gazetteer: Gazetteer | None = None, nlp: Any = None
) -> Extraction:
    """Metadata, outline, notes with resolved units, tasks, initiatives and the entities of *document*.

    *jurisdiction* (a division code such as ``350000``) overrides the one read from the text.
    With a spaCy pipeline *nlp* (:func:`extract.nlp.load_nlp`), platforms, programmes, places,
    agencies named in the text, targets and deadlines are found as well.
    """
    gaz = gazetteer or load_gazetteer()
    norm, text = document.norm, document.text
    metadata = extract_metadata(norm, gaz, jurisdiction)
    code = metadata.jurisdiction
    unplaced = _unplaced_key(norm) if code == COUNTRY else None
    headings = find_headings(norm)
    heading_starts = [h.start for h in headings]
    boilerplate = find_boilerplate(norm, metadata)
    first_lead_from = first_lead_declaration(norm, gaz)
    phrase_leads = phrase_lead_declarations(norm, gaz)  # 分工负责为各部门按职责分别牵头，下同
    lead_marks = {m.group("mark") for m in gaz.lexicon.marked_lead_pattern.finditer(norm)}  # 标★的为牵头单位
    additions = [
        (position, expand_units(units, offset, gaz, code))
        for position, units, offset in added_unit_declarations(norm, gaz)
    ]
    addition_starts = [position for position, _ in additions]
    notes: list[Note] = []
    for span, parsed in find_notes(norm, gaz, code):
        if in_spans(boilerplate, span.start):
            continue
        phrases = [phrase for position, phrase in phrase_leads if position < span.end]
        led = [led_by_a_declared_phrase(norm, g, phrases) for g in parsed.groups]
        roles: list[tuple[Role, UnitName]] = [
            ("lead" if leads else g.role or "responsible", u)
            for g, leads in zip(parsed.groups, led, strict=True)
            for u in g.units
        ]
        marked = bool(lead_marks) and any(_marked(norm, unit, lead_marks) for _, unit in roles)
        if marked:
            roles = [("lead" if _marked(norm, unit, lead_marks) else role, unit) for role, unit in roles]
        declared_lead = first_lead_from is not None and span.end > first_lead_from and not marked
        if parsed.explicit_lead or marked or any(led):
            first_plain = declared_lead and not parsed.labelled and roles[0][0] == "responsible"
            roles = [("support" if role == "responsible" else role, unit) for role, unit in roles]
            if first_plain:  # A、B，X由C牵头 where the first listed leads: A leads too
                roles[0] = ("lead", roles[0][1])
        elif declared_lead:
            roles = [("lead" if i == 0 else role, unit) for i, (role, unit) in enumerate(roles)]
        roles = [(role, _as_addressed(unit, metadata.addressees, gaz)) for role, unit in roles]  # 你局: the addressee
        units = _once_each([_unit(text, unit, role, gaz, code, unplaced) for role, unit in roles])
        written = {u.agency for u in units}
        for _, added in additions[: bisect_left(addition_starts, span.start)]:
            for unit in added:
                resolved = _unit(text, unit, "support", gaz, code, unplaced, added_by_declaration=True)
                if resolved.agency not in written:
                    units.append(resolved)
                    written.add(resolved.agency)
        heading = heading_before(heading_starts, span.start)
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
    extraction = Extraction(
        document, metadata, headings, notes, initiatives, tasks, boilerplate, of_heading, unplaced=unplaced
    )
    if nlp is not None:
        attach_mentions(extraction, pipeline_pieces(nlp, norm), gaz)
    resolve_entities(extraction, gaz)
    return extraction


def _marked(norm: str, unit: UnitName, marks: set[str]) -> bool:
    """Whether a mark of *marks* stands right after the unit's name or right before it (市大数据局★)."""
    return norm[unit.end : unit.end + 1] in marks or norm[max(unit.start - 1, 0) : unit.start] in marks


def text_pieces(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of *text*, none longer than *size*, each cut after
    its last line end, else after its last 。, else at *size*: so no line is cut that fits.

    >>> text_pieces("ab\\ncd\\nef", 5), text_pieces("ab。cdefg", 4), text_pieces("abcdef", 4)
    ([(0, 3), (3, 8)], [(0, 3), (3, 7), (7, 8)], [(0, 4), (4, 6)])
    """
    if size < 1:
        raise ValueError(f"piece size must be at least 1, not {size}")
    pieces, start = [], 0
    while len(text) - start > size:
        limit = start + size
        end = text.rfind("\n", start, limit) + 1 or text.rfind("。", start, limit) + 1 or limit
        pieces.append((start, end))
        start = end
    if start < len(text):
        pieces.append((start, len(text)))
    return pieces


def pipeline_pieces(nlp: Any, text: str) -> Iterator[tuple[int, Any]]:
    """The processed doc of each piece of *text* (:data:`PIECE_SIZE`, at most
    ``nlp.max_length``) with the piece's offset; one piece's doc is alive at a time."""
    for start, end in text_pieces(text, min(PIECE_SIZE, nlp.max_length)):
        yield start, run_pipeline(nlp, text[start:end])


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
    """The note's text as written, lines joined by ``;`` (a line only wrapped by its page, by
    nothing), with one leading label removed unless another unit label follows it (a note with
    two labels keeps both)."""
    while start < end and document.norm[start].isspace():
        start += 1
    lexicon = gaz.lexicon
    matches = lexicon.label_pattern.finditer(document.norm, start, end)
    found = [m for m in matches if lexicon.label_of(m.group(1)) in lexicon.labels]
    if len(found) == 1 and found[0].start() == start:
        start = found[0].end()
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return "".join(
        ("" if wraps_at(document.norm, index, lexicon.label_pattern) else ";") if char == "\n" else char
        for index, char in enumerate(text[start:end], start)
    )


def _unplaced_key(norm: str) -> str:
    """The key a document's agencies of a place it never names are minted in: its text's digest,
    the same on every build of the same text."""
    return "d-" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:10]


_ROLE_STRENGTH: dict[Role, int] = {"lead": 2, "responsible": 1, "support": 0}


def _once_each(units: list[Unit]) -> list[Unit]:
    """One unit per agency, where it is first named, in the strongest role it is given: a table
    with a 责任单位 and a 牵头单位 column names its lead in both, and the lead answers once."""
    kept: dict[str, Unit] = {}
    for unit in units:
        earlier = kept.setdefault(unit.agency, unit)
        if _ROLE_STRENGTH[unit.role] > _ROLE_STRENGTH[earlier.role]:
            earlier.role = unit.role
    return list(kept.values())


def _as_addressed(unit: UnitName, addressees: list[str], gaz: Gazetteer) -> UnitName:
    """*unit* named as the body the document is addressed to, where a deictic of the second person
    stands for it (你局 in a reply to 河东区生态环境局: that bureau, 你局 its other name); *unit* as it
    is otherwise, or where no addressee ends in the deictic's organisation word.

    >>> from extract.gazetteer import load_gazetteer
    >>> _as_addressed(UnitName("你局", 0, 2), ["河东区生态环境局"], load_gazetteer()).name
    '河东区生态环境局'
    """
    if not gaz.lexicon.names_the_addressee(unit.name):
        return unit
    addressee = next((a for a in addressees if a.endswith(unit.name[1:])), None)
    if addressee is None:
        return unit
    return replace(unit, name=addressee, alternatives=(unit.name, *unit.alternatives))


def _unit(
    text: str,
    unit: UnitName,
    role: Role,
    gaz: Gazetteer,
    jurisdiction: str,
    unplaced: str | None,
    *,
    added_by_declaration: bool = False,
) -> Unit:
    resolution = gaz.resolve(unit.name, jurisdiction, unplaced=unplaced)
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
