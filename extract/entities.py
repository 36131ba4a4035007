"""Entities: every mention of a document resolved to one entity per real body, system or place.

The step between mentions and triples (``DESIGN.md``): the units of the notes, the issuer, the
agencies, platforms, programmes and places named in task text each become an
:class:`~extract.model.Entity` with its id, type, preferred name, aliases, jurisdiction, parent
and successors, collected in :attr:`Extraction.entities <extract.model.Extraction.entities>`.
Resolution is jurisdiction-aware, alias-aware and rename-aware through the gazetteer
(:meth:`~extract.gazetteer.Gazetteer.resolve`). The units of a note are resolved as the note is
read (their ids decide which declared units a note already names); here their ids are described.
What an entity links to (a parent body, a successor or predecessor, its jurisdiction and the places
above it) is described too, so the triples writer needs nothing but the extraction.

Platforms and programmes are keyed by the jurisdiction and the name the document gives them
(``platform/350000/闽政通APP``); the graph canonicalises the name in its IRI.
"""

from __future__ import annotations

from extract.gazetteer import Gazetteer, id_jurisdiction, load_gazetteer
from extract.model import Entity, Extraction

__all__ = ["agency_entity", "place_entity", "resolve_entities", "resolve_name"]


def resolve_name(
    name: str, jurisdiction: str, gazetteer: Gazetteer | None = None, *, unplaced: str | None = None
) -> Entity:
    """The agency *name* stands for inside *jurisdiction* (a division code).

    Parameters
    ----------
    name : str
        A unit's name as written, expanded (省发改委, 江苏省发展改革委).
    jurisdiction : str
        The code of the place the name is read in (``100000`` for the country); a name that
        starts with a place (江苏省发改委) resolves there wherever it is read.
    gazetteer : Gazetteer, optional
        By default the project's (:func:`~extract.gazetteer.load_gazetteer`).
    unplaced : str, optional
        The key of the document a body of a place the text never names belongs to
        (:attr:`~extract.model.Extraction.unplaced`; see :meth:`~extract.gazetteer.Gazetteer.resolve`).

    Returns
    -------
    Entity
        Of kind ``agency``; ``resolved`` is false where the gazetteer knows no such body, and the id
        is then a stable one under the jurisdiction.

    Examples
    --------
    >>> resolve_name("省发改委", "320000").id, resolve_name("江苏省发展改革委", "100000").id
    ('320000/drc', '320000/drc')
    >>> resolve_name("省发改委", "330000").name
    '浙江省发展和改革委员会'
    >>> resolve_name("省环保厅", "330000").successors
    ('330000/ecoenv',)
    """
    gaz = gazetteer or load_gazetteer()
    resolution = gaz.resolve(name, jurisdiction, unplaced=unplaced)
    return agency_entity(
        gaz, resolution.agency, resolution.name, resolved=resolution.resolved, collective=resolution.collective
    )


def agency_entity(
    gaz: Gazetteer, agency_id: str, name: str, *, resolved: bool = True, collective: bool = False
) -> Entity:
    """The entity of the agency *agency_id*: from the gazetteer where it knows the id, else one
    named *name* (a government the gazetteer has no entry for is still *resolved*).

    >>> gaz = load_gazetteer()
    >>> agency_entity(gaz, "320900/drc", "市发改委").name
    '盐城市发展和改革委员会'
    >>> agency_entity(gaz, "320900/x-0123456789", "市某某办", resolved=False).jurisdiction
    '320900'
    """
    record = gaz.agency(agency_id)
    if record is None:
        jurisdiction = id_jurisdiction(agency_id)
        return Entity(agency_id, "agency", name, jurisdiction=jurisdiction, resolved=resolved, collective=collective)
    return Entity(
        record.id,
        "agency",
        record.name,
        aliases=record.aliases,
        type=record.type,
        jurisdiction=record.jurisdiction,
        parent=record.parent,
        successors=record.replaced_by,
        predecessors=record.replaces,
    )


def place_entity(gaz: Gazetteer, code: str) -> Entity | None:
    """The entity of the place *code*, None if the gazetteer has no such place.

    >>> place_entity(load_gazetteer(), "350100").parent
    '350000'
    """
    place = gaz.places.get(code)
    if place is None:
        return None
    return Entity(code, "place", place.name, aliases=place.short, type=place.level, parent=place.parent)


def resolve_entities(extraction: Extraction, gazetteer: Gazetteer | None = None) -> None:
    """Fill :attr:`~extract.model.Extraction.entities` and ``issuer`` of *extraction*, and set
    each mention's ``ref`` to its entity's id.

    >>> from extract.pipeline import extract_text
    >>> x = extract_text("一、推进改革（责任单位：省发改委、省委网信办）\\n", jurisdiction="420000")
    >>> [x.entities[u.agency].name for u in x.notes[0].units]
    ['湖北省发展和改革委员会', '中共湖北省委网络安全和信息化委员会办公室']
    """
    gaz = gazetteer or load_gazetteer()
    jurisdiction = extraction.metadata.jurisdiction
    entities = extraction.entities

    def add(entity: Entity | None) -> None:
        if entity is not None and entity.id not in entities:
            entities[entity.id] = entity

    add(place_entity(gaz, jurisdiction))
    if extraction.metadata.issuer:
        issuer = resolve_name(extraction.metadata.issuer, jurisdiction, gaz, unplaced=extraction.unplaced)
        extraction.issuer = issuer.id
        add(issuer)
    for note in extraction.notes:
        for unit in note.units:
            if unit.agency not in entities:
                add(
                    agency_entity(
                        gaz, unit.agency, unit.agency_name, resolved=unit.resolved, collective=unit.collective
                    )
                )
    for mention in extraction.mentions:
        if mention.kind == "agency" and mention.ref:
            written = mention.labels[0] if mention.labels else mention.name
            found = resolve_name(written, jurisdiction, gaz, unplaced=extraction.unplaced)
            mention.ref = found.id
            add(found)
        elif mention.kind == "place" and mention.ref:
            add(place_entity(gaz, mention.ref))
        elif mention.kind in ("platform", "programme"):
            mention.ref = f"{mention.kind}/{jurisdiction}/{mention.name}"
            add(Entity(mention.ref, mention.kind, mention.name, tuple(mention.labels), jurisdiction=jurisdiction))
    _add_linked(gaz, entities)


def _add_linked(gaz: Gazetteer, entities: dict[str, Entity]) -> None:
    """Describe what the entities link to: parent bodies, successors and predecessors the gazetteer
    knows, the places of their jurisdictions and the places above those."""
    pending = list(entities.values())
    while pending:
        entity = pending.pop()
        linked: list[Entity | None] = []
        if entity.kind == "agency":
            others = [*((entity.parent,) if entity.parent else ()), *entity.successors, *entity.predecessors]
            linked += [agency_entity(gaz, other, other) for other in others if gaz.agency(other) is not None]
            linked.append(place_entity(gaz, entity.jurisdiction) if entity.jurisdiction else None)
        elif entity.kind == "place" and entity.parent:
            linked.append(place_entity(gaz, entity.parent))
        for other in linked:
            if other is not None and other.id not in entities:
                entities[other.id] = other
                pending.append(other)
