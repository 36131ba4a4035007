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

The triples are ``pyoxigraph`` quads, made straight from the extraction: the store is Oxigraph,
and making rdflib terms and ``Graph`` indexes first cost a build half as much again as the
extraction itself; ``pyoxigraph.serialize`` then writes them as N-Quads in one call.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SKOS, XSD

from extract.model import Entity, Extraction, Unit
from extract.text import compact
from graph.iris import Minter, canonical_platform_name
from graph.terms import OA, PKG

__all__ = ["ENTITY_LINKS", "DocumentTriples", "extraction_graph"]

# How one described entity reaches another: a named agency keeps its place, parent and successors.
ENTITY_LINKS = (PKG.jurisdiction, DCTERMS.isPartOf, ORG.subOrganizationOf, DCTERMS.isReplacedBy, DCTERMS.replaces)


class _Nodes:
    """The terms of an rdflib namespace as ``pyoxigraph`` nodes, each made on first use; a term
    the namespace does not define fails as it does there (``PKG.Agensy``)."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):  # what introspection asks (pytest's collector, inspect), not a term
            raise AttributeError(name)
        node = ox.NamedNode(self._namespace[name])
        setattr(self, name, node)
        return node


pkg, rdf, dct, org, prov, skos, oa, xsd = (_Nodes(ns) for ns in (PKG, RDF, DCTERMS, ORG, PROV, SKOS, OA, XSD))
_ROLES = {"lead": pkg.LeadRole, "responsible": pkg.ResponsibleRole, "support": pkg.SupportingRole}
_SHORTCUT = {"lead": pkg.leads, "support": pkg.supports}
_ACTIONS = {
    "builds": pkg.builds,
    "upgrades": pkg.upgrades,
    "promotes": pkg.promotes,
    "connects": pkg.connects,
    "relies_on": pkg.reliesOn,
}
_Object = ox.NamedNode | ox.Literal


def _zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def _iri(iri: URIRef) -> ox.NamedNode:
    return ox.NamedNode(iri)


@dataclass
class DocumentTriples:
    """One document's triples, each once: its own facts (quads in its named graph), and the
    descriptions of the entities it names (quads in the entities graph)."""

    document: list[ox.Quad]
    entities: list[ox.Quad]

    def __len__(self) -> int:
        return len(self.document) + len(self.entities)


class _Builder:
    def __init__(self, extraction: Extraction, minter: Minter) -> None:
        self.x = extraction
        self.mint = minter
        self.known = extraction.entities
        self.name = extraction.document.name  # the key of everything in the document's graph
        self.facts: dict[ox.Quad, None] = {}  # a dict: each once, in the order made
        self.descriptions: dict[ox.Quad, None] = {}
        self.graph = _iri(minter.graph(self.name))
        self.entities = _iri(minter.entities_graph())
        self.document = _iri(minter.document(self.name))
        self.jurisdiction = extraction.metadata.jurisdiction
        self._places: dict[str, ox.NamedNode] = {}
        self._agencies: dict[str, ox.NamedNode] = {}

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: _Object) -> None:
        """A fact of this document."""
        self.facts[ox.Quad(s, p, o, self.graph)] = None

    def describe(self, s: ox.NamedNode, p: ox.NamedNode, o: _Object) -> None:
        """What an entity is, the same whichever document names it."""
        self.descriptions[ox.Quad(s, p, o, self.entities)] = None

    def span(self, start: int, end: int, text: str | None = None) -> ox.NamedNode:
        node = _iri(self.mint.span(self.name, start, end))
        self.add(node, rdf.type, pkg.TextSpan)
        self.add(node, pkg.inDocument, self.document)
        self.add(node, oa.start, ox.Literal(start))  # xsd:integer: Oxigraph stores nonNegativeInteger so
        self.add(node, oa.end, ox.Literal(end))
        if text:
            self.add(node, prov.value, ox.Literal(text))
        return node

    def place(self, code: str) -> ox.NamedNode:
        node = self._places.get(code)
        if node is not None:
            return node
        node = self._places[code] = _iri(self.mint.place(code))
        place = self.known.get(code)
        if place is None:
            return node
        self.describe(node, rdf.type, pkg.Place)
        self.describe(node, pkg.divisionCode, ox.Literal(code))
        if place.type is not None:
            self.describe(node, pkg.level, ox.Literal(place.type))
        self.describe(node, skos.prefLabel, _zh(place.name))
        for short in place.aliases:
            self.describe(node, skos.altLabel, _zh(short))
        if place.parent:
            self.describe(node, dct.isPartOf, self.place(place.parent))
        return node

    def agency(self, entity: Entity, labels: list[str]) -> ox.NamedNode:
        """The agency *entity*, with *labels* that are not its own names as this document's."""
        node = self._agencies.get(entity.id)
        if node is None:
            node = self._agencies[entity.id] = _iri(self.mint.agency(entity.id))
            self.describe(node, rdf.type, pkg.Agency)
            self.describe(node, skos.prefLabel, _zh(entity.name))
            self.describe(node, pkg.resolved, ox.Literal(entity.resolved))
            self.describe(node, pkg.collective, ox.Literal(entity.collective))
            if entity.jurisdiction in self.known:
                self.describe(node, pkg.jurisdiction, self.place(entity.jurisdiction))
            if entity.type is not None:
                self.describe(node, pkg.agencyType, ox.Literal(entity.type))
            for alias in entity.aliases:
                self.describe(node, skos.altLabel, _zh(alias))
            for predicate, others in (
                (org.subOrganizationOf, (entity.parent,) if entity.parent else ()),
                (dct.isReplacedBy, entity.successors),
                (dct.replaces, entity.predecessors),
            ):
                for other in others:
                    self.describe(node, predicate, self.linked_agency(other))
        canonical = {entity.name, *entity.aliases}
        for label in labels:
            if label not in canonical:  # as this document writes it
                self.add(node, skos.altLabel, _zh(label))
        return node

    def linked_agency(self, agency_id: str) -> ox.NamedNode:
        """An agency another one links to (a parent, a successor), described where it is known."""
        entity = self.known.get(agency_id)
        return self.agency(entity, []) if entity is not None else _iri(self.mint.agency(agency_id))

    def unit_agency(self, unit: Unit) -> ox.NamedNode:
        """The unit's agency, with the unit as written (数字办) among its surface forms."""
        return self.agency(self.known[unit.agency], [*unit.labels, compact(unit.text)])

    def build(self) -> DocumentTriples:
        self.describe_document()
        initiatives = self.initiatives()
        tasks = self.tasks(initiatives)
        self.mentions(tasks)
        return DocumentTriples(list(self.facts), list(self.descriptions))

    def describe_document(self) -> None:
        meta, doc = self.x.metadata, self.document
        self.add(doc, rdf.type, pkg.PolicyDocument)
        self.add(doc, pkg.fileName, ox.Literal(self.x.document.name))
        self.add(doc, pkg.jurisdiction, self.place(self.jurisdiction))
        self.add(doc, prov.value, ox.Literal(self.x.document.text))  # the text every offset points into
        if meta.title:
            self.add(doc, dct.title, _zh(meta.title))
        if meta.doc_number:
            self.add(doc, dct.identifier, ox.Literal(meta.doc_number))
        if meta.published:
            self.add(doc, dct.issued, ox.Literal(meta.published, datatype=xsd.date))
        if meta.signed:
            self.add(doc, pkg.signed, ox.Literal(meta.signed, datatype=xsd.date))
        for addressee in meta.addressees:
            self.add(doc, pkg.addressee, _zh(addressee))
        if meta.issuer and self.x.issuer:
            self.add(doc, dct.publisher, self.agency(self.known[self.x.issuer], [compact(meta.issuer)]))

    def initiatives(self) -> list[ox.NamedNode]:
        nodes: list[ox.NamedNode] = []
        for initiative in self.x.initiatives:
            key = f"{compact(initiative.marker)}\x1f{compact(initiative.title)}"
            node = _iri(self.mint.initiative(self.name, key))
            nodes.append(node)
            self.add(node, rdf.type, pkg.Initiative)
            self.add(node, pkg.marker, ox.Literal(initiative.marker))
            self.add(node, dct.title, _zh(initiative.title))
            self.add(node, prov.wasDerivedFrom, self.document)
            for index in initiative.headings:
                heading = self.x.headings[index]
                self.add(node, pkg.source, self.span(heading.start, heading.end))
        for initiative, node in zip(self.x.initiatives, nodes, strict=True):
            parent = nodes[initiative.parent] if initiative.parent is not None else self.document
            self.add(node, dct.isPartOf, parent)
        return nodes

    def _document_initiative(self) -> ox.NamedNode:
        """The initiative of notes that stand before any numbered item."""
        node = _iri(self.mint.initiative(self.name, ""))
        self.add(node, rdf.type, pkg.Initiative)
        self.add(node, dct.title, _zh(self.x.metadata.title or self.x.document.name))
        self.add(node, dct.isPartOf, self.document)
        self.add(node, prov.wasDerivedFrom, self.document)
        self.add(node, pkg.source, self.span(0, 0))
        return node

    def tasks(self, initiatives: list[ox.NamedNode]) -> list[ox.NamedNode]:
        nodes = []
        for task in self.x.tasks:
            initiative = initiatives[task.initiative] if task.initiative is not None else self._document_initiative()
            note = self.x.notes[task.notes[0]]
            iri = self.mint.task(self.name, f"{initiative.value}\x1f{compact(task.text)}\x1f{compact(note.raw)}")
            node = _iri(iri)
            nodes.append(node)
            self.add(node, rdf.type, pkg.Task)
            self.add(node, pkg.initiative, initiative)
            self.add(node, prov.wasDerivedFrom, self.document)
            for start, end in task.occurrences:
                self.add(node, pkg.source, self.span(start, end))
            for note_index in task.notes:
                note = self.x.notes[note_index]
                if note.deadline:
                    self.add(node, pkg.deadline, _zh(note.deadline))
                for unit in note.units:
                    self.responsibility(node, iri, initiative, unit)
        return nodes

    def responsibility(self, task: ox.NamedNode, task_iri: URIRef, initiative: ox.NamedNode, unit: Unit) -> None:
        agency = self.unit_agency(unit)
        node = _iri(self.mint.responsibility(task_iri, URIRef(agency.value), unit.role))
        self.add(node, rdf.type, pkg.Responsibility)
        self.add(node, prov.agent, agency)
        self.add(node, prov.hadRole, _ROLES[unit.role])
        self.add(node, pkg.source, self.span(unit.start, unit.end, unit.text))
        self.add(node, pkg.declared, ox.Literal(unit.added_by_declaration))
        self.add(node, prov.wasDerivedFrom, self.document)
        self.add(task, prov.qualifiedAssociation, node)
        for activity in (task, initiative):
            self.add(agency, pkg.responsibleFor, activity)
            if unit.role in _SHORTCUT:
                self.add(agency, _SHORTCUT[unit.role], activity)

    def mentions(self, tasks: list[ox.NamedNode]) -> None:
        platforms: dict[int, ox.NamedNode] = {}
        for index, mention in enumerate(self.x.mentions):
            if mention.task is None:
                continue
            task = tasks[mention.task]
            entity = self.known.get(mention.ref or "")
            if mention.kind == "platform" and entity is not None:
                node = _iri(self.mint.platform(entity.jurisdiction or self.jurisdiction, entity.name))
                node = self.named(pkg.Platform, node, mention.labels)
                platforms[index] = node
                self.add(task, _ACTIONS.get(mention.action or "", pkg.platformAction), node)
            elif mention.kind == "programme" and entity is not None:
                node = _iri(self.mint.programme(entity.jurisdiction or self.jurisdiction, entity.name))
                node = self.named(pkg.Programme, node, mention.labels)
                self.add(node, dct.isPartOf, self.document)
                self.add(node, prov.wasDerivedFrom, self.document)
                self.add(node, pkg.source, self.span(mention.start, mention.end, mention.name))
                self.add(task, pkg.mentionsProgramme, node)
            elif mention.kind == "place" and mention.ref:
                self.add(task, pkg.mentionsPlace, self.place(mention.ref))
            elif mention.kind == "agency" and entity is not None:
                self.add(task, pkg.mentionsAgency, self.agency(entity, []))
            elif mention.kind == "deadline":
                self.add(task, pkg.deadline, _zh(mention.name))
        for first, second, _verb in self.x.platform_links:
            if first in platforms and second in platforms:
                self.add(platforms[first], pkg.connectsTo, platforms[second])
                self.add(platforms[second], pkg.connectsTo, platforms[first])
        for target in self.x.targets:
            if target.task is None:
                continue
            node = _iri(self.mint.target(self.name, target.start))
            self.add(node, rdf.type, pkg.Target)
            self.add(node, pkg.value, ox.Literal(format(Decimal(target.value), "f"), datatype=xsd.decimal))
            self.add(node, pkg.unit, ox.Literal(target.unit))
            if target.qualifier:
                self.add(node, pkg.qualifier, _zh(target.qualifier))
            if target.counted:
                self.add(node, pkg.counted, _zh(target.counted))
            self.add(node, prov.value, ox.Literal(target.text))
            self.add(node, prov.wasDerivedFrom, self.document)
            self.add(tasks[target.task], pkg.hasTarget, node)

    def named(self, kind: ox.NamedNode, node: ox.NamedNode, labels: list[str]) -> ox.NamedNode:
        """A platform or programme: its canonical name as prefLabel, every spelling in this
        document as altLabel."""
        preferred = canonical_platform_name(labels[0])
        self.describe(node, rdf.type, kind)
        self.describe(node, skos.prefLabel, _zh(preferred))
        self.describe(node, pkg.jurisdiction, self.place(self.jurisdiction))
        for label in labels:
            if label != preferred:
                self.add(node, skos.altLabel, _zh(label))
        return node


def extraction_graph(extraction: Extraction, minter: Minter | None = None) -> DocumentTriples:
    """The triples of one extraction: the document's own, and its entities' descriptions."""
    return _Builder(extraction, minter or Minter()).build()
