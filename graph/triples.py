"""Triples from an extraction: one document's facts in the project ontology, and the
descriptions of the entities it names.

What the document says goes into its own named graph, with its provenance: the document node
(PROV-O entity with Dublin Core metadata), the initiatives and tasks (``prov:Activity``), who is
responsible — both as the direct shortcut (``pkg:responsibleFor``, ``pkg:leads``,
``pkg:supports``) and as a qualified ``pkg:Responsibility`` with its role and source span — the
platforms acted on, the places, programmes, agencies and targets named, and the names as this
document writes them (``skos:altLabel``). Every span is a ``pkg:TextSpan``
(``oa:start``/``oa:end`` into the document's text).

What an agency, platform, programme or place *is* — its type, preferred name, gazetteer aliases,
jurisdiction, parent and successors — does not depend on the document naming it: it is fixed by
the entity's key and the gazetteer. Those triples go to the one entities graph, so every entity
is described once however many documents name it; in the union default graph (which keeps one
copy per graph) a label join then meets one label, not one per document.

This module only writes: what each mention stands for was decided by the Entities step
(:mod:`extract.entities`), and is read from :attr:`Extraction.entities
<extract.model.Extraction.entities>`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SKOS, XSD

from extract.model import Entity, Extraction, Unit
from extract.text import compact
from graph.iris import Minter, canonical_platform_name
from graph.terms import OA, PKG

__all__ = ["ENTITY_LINKS", "DocumentTriples", "extraction_graph"]

# How one described entity reaches another: a named agency keeps its place, parent and successors.
ENTITY_LINKS = (PKG.jurisdiction, DCTERMS.isPartOf, ORG.subOrganizationOf, DCTERMS.isReplacedBy, DCTERMS.replaces)
_ROLES = {"lead": PKG.LeadRole, "responsible": PKG.ResponsibleRole, "support": PKG.SupportingRole}
_SHORTCUT = {"lead": PKG.leads, "support": PKG.supports}
_ACTIONS = {
    "builds": PKG.builds,
    "upgrades": PKG.upgrades,
    "promotes": PKG.promotes,
    "connects": PKG.connects,
    "relies_on": PKG.reliesOn,
}


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


@dataclass
class DocumentTriples:
    """One document's triples: its own facts, and the descriptions of the entities it names."""

    document: Graph
    entities: Graph


class _Builder:
    def __init__(self, extraction: Extraction, minter: Minter) -> None:
        self.x = extraction
        self.mint = minter
        self.known = extraction.entities
        self.graph = Graph()
        self.entities = Graph()
        self.name = extraction.document.name  # the key of everything in the document's graph
        self.document = minter.document(self.name)
        self.jurisdiction = extraction.metadata.jurisdiction
        self._places: set[str] = set()
        self._agencies: dict[str, URIRef] = {}

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        """A fact of this document."""
        self.graph.add((s, p, o))

    def describe(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        """What an entity is, the same whichever document names it."""
        self.entities.add((s, p, o))

    def span(self, start: int, end: int, text: str | None = None) -> URIRef:
        node = self.mint.span(self.name, start, end)
        self.add(node, RDF.type, PKG.TextSpan)
        self.add(node, PKG.inDocument, self.document)
        self.add(node, OA.start, Literal(start))  # xsd:integer: Oxigraph stores nonNegativeInteger so
        self.add(node, OA.end, Literal(end))
        if text:
            self.add(node, PROV.value, Literal(text))
        return node

    def place(self, code: str) -> URIRef:
        node = self.mint.place(code)
        place = self.known.get(code)
        if code in self._places or place is None:
            return node
        self._places.add(code)
        self.describe(node, RDF.type, PKG.Place)
        self.describe(node, PKG.divisionCode, Literal(code))
        self.describe(node, PKG.level, Literal(place.type))
        self.describe(node, SKOS.prefLabel, _zh(place.name))
        for short in place.aliases:
            self.describe(node, SKOS.altLabel, _zh(short))
        if place.parent:
            self.describe(node, DCTERMS.isPartOf, self.place(place.parent))
        return node

    def agency(self, entity: Entity, labels: list[str]) -> URIRef:
        """The agency *entity*, with *labels* that are not its own names as this document's."""
        node = self.mint.agency(entity.id)
        if entity.id not in self._agencies:
            self._agencies[entity.id] = node
            self.describe(node, RDF.type, PKG.Agency)
            self.describe(node, SKOS.prefLabel, _zh(entity.name))
            self.describe(node, PKG.resolved, Literal(entity.resolved))
            self.describe(node, PKG.collective, Literal(entity.collective))
            if entity.jurisdiction in self.known:
                self.describe(node, PKG.jurisdiction, self.place(entity.jurisdiction))
            if entity.type is not None:
                self.describe(node, PKG.agencyType, Literal(entity.type))
            for alias in entity.aliases:
                self.describe(node, SKOS.altLabel, _zh(alias))
            for predicate, others in (
                (ORG.subOrganizationOf, (entity.parent,) if entity.parent else ()),
                (DCTERMS.isReplacedBy, entity.successors),
                (DCTERMS.replaces, entity.predecessors),
            ):
                for other in others:
                    self.describe(node, predicate, self.linked_agency(other))
        canonical = {entity.name, *entity.aliases}
        for label in labels:
            if label not in canonical:  # as this document writes it
                self.add(node, SKOS.altLabel, _zh(label))
        return node

    def linked_agency(self, agency_id: str) -> URIRef:
        """An agency another one links to (a parent, a successor), described where it is known."""
        entity = self.known.get(agency_id)
        return self.agency(entity, []) if entity is not None else self.mint.agency(agency_id)

    def unit_agency(self, unit: Unit) -> URIRef:
        """The unit's agency, with the unit as written (数字办) among its surface forms."""
        return self.agency(self.known[unit.agency], [*unit.labels, compact(unit.text)])

    def build(self) -> DocumentTriples:
        self.describe_document()
        initiatives = self.initiatives()
        tasks = self.tasks(initiatives)
        self.mentions(tasks)
        return DocumentTriples(self.graph, self.entities)

    def describe_document(self) -> None:
        meta, doc = self.x.metadata, self.document
        self.add(doc, RDF.type, PKG.PolicyDocument)
        self.add(doc, PKG.fileName, Literal(self.x.document.name))
        self.add(doc, PKG.jurisdiction, self.place(self.jurisdiction))
        self.add(doc, PROV.value, Literal(self.x.document.text))  # the text every offset points into
        if meta.title:
            self.add(doc, DCTERMS.title, _zh(meta.title))
        if meta.doc_number:
            self.add(doc, DCTERMS.identifier, Literal(meta.doc_number))
        if meta.published:
            self.add(doc, DCTERMS.issued, Literal(meta.published, datatype=XSD.date))
        if meta.signed:
            self.add(doc, PKG.signed, Literal(meta.signed, datatype=XSD.date))
        for addressee in meta.addressees:
            self.add(doc, PKG.addressee, _zh(addressee))
        if meta.issuer and self.x.issuer:
            self.add(doc, DCTERMS.publisher, self.agency(self.known[self.x.issuer], [compact(meta.issuer)]))

    def initiatives(self) -> list[URIRef]:
        nodes: list[URIRef] = []
        for initiative in self.x.initiatives:
            key = f"{compact(initiative.marker)}\x1f{compact(initiative.title)}"
            node = self.mint.initiative(self.name, key)
            nodes.append(node)
            self.add(node, RDF.type, PKG.Initiative)
            self.add(node, PKG.marker, Literal(initiative.marker))
            self.add(node, DCTERMS.title, _zh(initiative.title))
            self.add(node, PROV.wasDerivedFrom, self.document)
            for index in initiative.headings:
                heading = self.x.headings[index]
                self.add(node, PKG.source, self.span(heading.start, heading.end))
        for initiative, node in zip(self.x.initiatives, nodes, strict=True):
            parent = nodes[initiative.parent] if initiative.parent is not None else self.document
            self.add(node, DCTERMS.isPartOf, parent)
        return nodes

    def _document_initiative(self) -> URIRef:
        """The initiative of notes that stand before any numbered item."""
        node = self.mint.initiative(self.name, "")
        self.add(node, RDF.type, PKG.Initiative)
        self.add(node, DCTERMS.title, _zh(self.x.metadata.title or self.x.document.name))
        self.add(node, DCTERMS.isPartOf, self.document)
        self.add(node, PROV.wasDerivedFrom, self.document)
        self.add(node, PKG.source, self.span(0, 0))
        return node

    def tasks(self, initiatives: list[URIRef]) -> list[URIRef]:
        nodes = []
        for task in self.x.tasks:
            initiative = initiatives[task.initiative] if task.initiative is not None else self._document_initiative()
            note = self.x.notes[task.notes[0]]
            node = self.mint.task(self.name, f"{initiative}\x1f{compact(task.text)}\x1f{compact(note.raw)}")
            nodes.append(node)
            self.add(node, RDF.type, PKG.Task)
            self.add(node, PKG.initiative, initiative)
            self.add(node, PROV.wasDerivedFrom, self.document)
            for start, end in task.occurrences:
                self.add(node, PKG.source, self.span(start, end))
            for note_index in task.notes:
                note = self.x.notes[note_index]
                if note.deadline:
                    self.add(node, PKG.deadline, _zh(note.deadline))
                for unit in note.units:
                    self.responsibility(node, initiative, unit)
        return nodes

    def responsibility(self, task: URIRef, initiative: URIRef, unit: Unit) -> None:
        agency = self.unit_agency(unit)
        node = self.mint.responsibility(task, agency, unit.role)
        self.add(node, RDF.type, PKG.Responsibility)
        self.add(node, PROV.agent, agency)
        self.add(node, PROV.hadRole, _ROLES[unit.role])
        self.add(node, PKG.source, self.span(unit.start, unit.end, unit.text))
        self.add(node, PKG.declared, Literal(unit.added_by_declaration))
        self.add(node, PROV.wasDerivedFrom, self.document)
        self.add(task, PROV.qualifiedAssociation, node)
        for activity in (task, initiative):
            self.add(agency, PKG.responsibleFor, activity)
            if unit.role in _SHORTCUT:
                self.add(agency, _SHORTCUT[unit.role], activity)

    def mentions(self, tasks: list[URIRef]) -> None:
        platforms: dict[int, URIRef] = {}
        for index, mention in enumerate(self.x.mentions):
            if mention.task is None:
                continue
            task = tasks[mention.task]
            entity = self.known.get(mention.ref or "")
            if mention.kind == "platform" and entity is not None:
                node = self.mint.platform(entity.jurisdiction or self.jurisdiction, entity.name)
                node = self.named(PKG.Platform, node, mention.labels)
                platforms[index] = node
                self.add(task, _ACTIONS.get(mention.action or "", PKG.platformAction), node)
            elif mention.kind == "programme" and entity is not None:
                node = self.mint.programme(entity.jurisdiction or self.jurisdiction, entity.name)
                node = self.named(PKG.Programme, node, mention.labels)
                self.add(node, DCTERMS.isPartOf, self.document)
                self.add(node, PROV.wasDerivedFrom, self.document)
                self.add(node, PKG.source, self.span(mention.start, mention.end, mention.name))
                self.add(task, PKG.mentionsProgramme, node)
            elif mention.kind == "place" and mention.ref:
                self.add(task, PKG.mentionsPlace, self.place(mention.ref))
            elif mention.kind == "agency" and entity is not None:
                self.add(task, PKG.mentionsAgency, self.agency(entity, []))
            elif mention.kind == "deadline":
                self.add(task, PKG.deadline, _zh(mention.name))
        for first, second, _verb in self.x.platform_links:
            if first in platforms and second in platforms:
                self.add(platforms[first], PKG.connectsTo, platforms[second])
                self.add(platforms[second], PKG.connectsTo, platforms[first])
        for target in self.x.targets:
            if target.task is None:
                continue
            node = self.mint.target(self.name, target.start)
            self.add(node, RDF.type, PKG.Target)
            self.add(node, PKG.value, Literal(Decimal(target.value)))
            self.add(node, PKG.unit, Literal(target.unit))
            if target.qualifier:
                self.add(node, PKG.qualifier, _zh(target.qualifier))
            if target.counted:
                self.add(node, PKG.counted, _zh(target.counted))
            self.add(node, PROV.value, Literal(target.text))
            self.add(node, PROV.wasDerivedFrom, self.document)
            self.add(tasks[target.task], PKG.hasTarget, node)

    def named(self, kind: URIRef, node: URIRef, labels: list[str]) -> URIRef:
        """A platform or programme: its canonical name as prefLabel, every spelling in this
        document as altLabel."""
        preferred = canonical_platform_name(labels[0])
        self.describe(node, RDF.type, kind)
        self.describe(node, SKOS.prefLabel, _zh(preferred))
        self.describe(node, PKG.jurisdiction, self.place(self.jurisdiction))
        for label in labels:
            if label != preferred:
                self.add(node, SKOS.altLabel, _zh(label))
        return node


def extraction_graph(extraction: Extraction, minter: Minter | None = None) -> DocumentTriples:
    """The triples of one extraction: the document's own, and its entities' descriptions."""
    return _Builder(extraction, minter or Minter()).build()
