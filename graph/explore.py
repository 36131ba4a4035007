"""Questions analysts ask of the store: find an entity, describe it, walk its neighbourhood,
and which agencies share what. Plain functions over a :class:`~graph.store.KnowledgeStore`,
used by the API and usable from a notebook.

Entities are named by their id: the IRI without the base (``agency/350000/drc``).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import Literal, NamedNode

from graph.analytics import shared_initiatives
from graph.facts import initiative_members, read_documents, select_documents
from graph.queries import PREFIXES
from graph.store import KnowledgeStore
from graph.terms import PKG

__all__ = [
    "ENTITY_TYPES",
    "HIGHLIGHT_KINDS",
    "RELATIONS",
    "Edge",
    "Explorer",
    "Neighbourhood",
    "Node",
    "cytoscape",
]

ENTITY_TYPES: dict[str, str] = {
    "agency": str(PKG.Agency),
    "platform": str(PKG.Platform),
    "programme": str(PKG.Programme),
    "initiative": str(PKG.Initiative),
    "task": str(PKG.Task),
    "document": str(PKG.PolicyDocument),
    "place": str(PKG.Place),
    "target": str(PKG.Target),
}
_TYPE_NAMES = {iri: name for name, iri in ENTITY_TYPES.items()}
# The relations a neighbourhood walks: the facts, not the provenance plumbing.
RELATIONS: dict[str, str] = {
    "responsibleFor": str(PKG.responsibleFor),
    "leads": str(PKG.leads),
    "supports": str(PKG.supports),
    "builds": str(PKG.builds),
    "upgrades": str(PKG.upgrades),
    "promotes": str(PKG.promotes),
    "connects": str(PKG.connects),
    "reliesOn": str(PKG.reliesOn),
    "platformAction": str(PKG.platformAction),
    "connectsTo": str(PKG.connectsTo),
    "initiative": str(PKG.initiative),
    "mentionsAgency": str(PKG.mentionsAgency),
    "mentionsPlace": str(PKG.mentionsPlace),
    "mentionsProgramme": str(PKG.mentionsProgramme),
    "hasTarget": str(PKG.hasTarget),
    "jurisdiction": str(PKG.jurisdiction),
    "subOrganizationOf": "http://www.w3.org/ns/org#subOrganizationOf",
    "isReplacedBy": "http://purl.org/dc/terms/isReplacedBy",
    "replaces": "http://purl.org/dc/terms/replaces",
    "isPartOf": "http://purl.org/dc/terms/isPartOf",
    "publisher": "http://purl.org/dc/terms/publisher",
}
_RELATION_NAMES = {iri: name for name, iri in RELATIONS.items()}
# What an IRI cannot hold: an id with one of these would break out of the <…> it is written into.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
# The longest label a node of a neighbourhood gets: a task is labelled by its text, which can run long.
LABEL_CHARACTERS = 60
# What a document view marks in the text, each linked to an entity: the responsibility notes (to their
# task), the units in them (to their agency), initiatives' headings, and what the tasks name.
HIGHLIGHT_KINDS = ("initiative", "note", "unit", "platform", "programme", "target")
# The properties an entity page lists as facts, by their short names; labels and texts are shown apart.
FACT_PROPERTIES: dict[str, str] = {
    "agencyType": str(PKG.agencyType),
    "collective": str(PKG.collective),
    "resolved": str(PKG.resolved),
    "divisionCode": str(PKG.divisionCode),
    "level": str(PKG.level),
    "marker": str(PKG.marker),
    "deadline": str(PKG.deadline),
    "value": str(PKG.value),
    "unit": str(PKG.unit),
    "qualifier": str(PKG.qualifier),
    "counted": str(PKG.counted),
    "fileName": str(PKG.fileName),
    "identifier": "http://purl.org/dc/terms/identifier",
    "issued": "http://purl.org/dc/terms/issued",
    "signed": str(PKG.signed),
    "addressee": str(PKG.addressee),
}
_FACT_NAMES = {iri: name for name, iri in FACT_PROPERTIES.items()}
# Marks a name can be written with inside a text and not in its label: 省“互联网+监管”系统 is 省互联网+监管系统.
_QUOTES_AND_SPACE = "[\\s“”\"'‘’「」『』]*"
_OPENING, _CLOSING = "（(", "）)"


@dataclass
class Node:
    id: str
    label: str
    type: str


@dataclass
class Edge:
    source: str
    target: str
    relation: str


@dataclass
class Neighbourhood:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    truncated: bool = False


def _literal(term: Any) -> str | None:
    return None if term is None else str(term.value)


class Explorer:
    """Read-only questions over one store, with ids relative to *base*."""

    def __init__(self, store: KnowledgeStore, base: str) -> None:
        self.store = store
        self.base = base

    # ids -------------------------------------------------------------------------------
    def iri(self, entity_id: str) -> str:
        """The IRI of *entity_id*; ValueError for an id no IRI can hold (``%`` without two hex
        digits, a control character, ``>``), so it never reaches a query.

        >>> Explorer(None, "https://example.org/id/").iri("agency/350000/drc")
        'https://example.org/id/agency/350000/drc'
        >>> Explorer(None, "https://example.org/id/").iri("%")
        Traceback (most recent call last):
        ...
        ValueError: not an entity id: '%'
        """
        iri = self.base + entity_id
        try:
            NamedNode(iri)
        except ValueError:
            raise ValueError(f"not an entity id: {entity_id!r}") from None
        if _NOT_IN_IRI.search(entity_id):
            raise ValueError(f"not an entity id: {entity_id!r}")
        return iri

    def id(self, iri: str) -> str:
        return iri[len(self.base) :] if iri.startswith(self.base) else iri

    def _select(self, sparql: str, **bindings: NamedNode | Literal) -> list[dict[str, Any]]:
        """The rows of *sparql* (with :data:`~graph.queries.PREFIXES`), each variable of *bindings*
        bound to its term (:meth:`~graph.target.GraphTarget.select`)."""
        return self.store.select(PREFIXES + sparql, **bindings)

    def _select_for_each(self, nodes: Iterable[str], sparql: str, size: int = 500) -> Iterator[dict[str, Any]]:
        """The rows of *sparql* for every node, asked *size* nodes at a time: the query's
        ``{values}`` is filled with the IRIs of one batch (:func:`_values`), since a binding is
        one term and cannot stand for a list."""
        ordered = sorted(nodes)
        for start in range(0, len(ordered), size):
            yield from self._select(sparql.replace("{values}", _values(ordered[start : start + size])))

    # search and describe --------------------------------------------------------------------
    def search(self, text: str, *, entity_type: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Entities whose name or any alias contains *text*: exact names first, then names that
        start with it, then the shortest."""
        types = (
            [ENTITY_TYPES[entity_type]]
            if entity_type
            else [ENTITY_TYPES[t] for t in ("agency", "platform", "programme", "place", "document")]
        )
        rows = self._select(
            f"""SELECT ?e ?type ?needle (SAMPLE(?pref) AS ?name) (MIN(?rank) AS ?best) (MIN(STRLEN(?l)) AS ?len)
                       (SAMPLE(?l) AS ?matched)
            WHERE {{
              VALUES ?type {{ {_values(types)} }}
              ?e a ?type ; skos:prefLabel|skos:altLabel|dct:title ?l .
              OPTIONAL {{ ?e skos:prefLabel|dct:title ?pref }}
              FILTER (CONTAINS(LCASE(STR(?l)), ?needle))
              BIND (IF(LCASE(STR(?l)) = ?needle, 0, IF(STRSTARTS(LCASE(STR(?l)), ?needle), 1, 2)) AS ?rank)
            }}
            GROUP BY ?e ?type ?needle ORDER BY ?best ?len ?name LIMIT {int(limit)}""",
            needle=Literal(text.lower()),
        )
        return [
            {
                "id": self.id(row["e"].value),
                "iri": row["e"].value,
                "type": _TYPE_NAMES[row["type"].value],
                "label": _literal(row["name"]) or _literal(row["matched"]),
                "matched": _literal(row["matched"]),
            }
            for row in rows
        ]

    def kind(self, entity_id: str) -> str | None:
        """The entity's type ("agency", "platform", …); None for an id the store does not know."""
        try:
            iri = self.iri(entity_id)
        except ValueError:
            return None
        rows = self._select(
            "SELECT DISTINCT ?entity ?type WHERE { ?entity a ?type } ORDER BY ?type", entity=NamedNode(iri)
        )
        return next((_TYPE_NAMES[r["type"].value] for r in rows if r["type"].value in _TYPE_NAMES), None)

    def describe(self, entity_id: str) -> dict[str, Any] | None:
        """An entity's type, labels, jurisdiction, the documents that name it, its facts (the
        literal properties of :data:`FACT_PROPERTIES`) and how many nodes each relation of
        :data:`RELATIONS` reaches from it, either way; a task's and a target's text. None if unknown."""
        kind = self.kind(entity_id)
        if kind is None:
            return None
        iri = self.iri(entity_id)
        entity = NamedNode(iri)
        labels = self._select(
            """SELECT DISTINCT ?entity ?p ?l WHERE { ?entity ?p ?l .
                VALUES ?p { skos:prefLabel skos:altLabel dct:title } }""",
            entity=entity,
        )
        preferred = [r["l"].value for r in labels if r["p"].value != "http://www.w3.org/2004/02/skos/core#altLabel"]
        aliases = sorted({r["l"].value for r in labels} - set(preferred))
        jurisdiction = self._select(
            """SELECT DISTINCT ?entity ?j ?name WHERE { ?entity pkg:jurisdiction ?j .
                OPTIONAL { ?j skos:prefLabel ?name } }""",
            entity=entity,
        )
        # The IRI is written in as a constant (_values: checked and written by pyoxigraph), not bound:
        # Oxigraph joins a substituted variable after the property path, 30 times slower here.
        node = _values([iri])
        documents = self._select(
            f"""SELECT DISTINCT ?d ?title WHERE {{
              {{ {node} pkg:responsibleFor|^pkg:platformAction|^pkg:builds|^pkg:upgrades|^pkg:promotes|^pkg:connects
                 |^pkg:reliesOn|^pkg:mentionsAgency|^pkg:mentionsPlace|^pkg:mentionsProgramme|pkg:initiative ?a .
                 ?a prov:wasDerivedFrom ?d }}
              UNION {{ {node} prov:wasDerivedFrom ?d }} UNION {{ {node} a pkg:PolicyDocument BIND ({node} AS ?d) }}
              UNION {{ ?d a pkg:PolicyDocument ; dct:publisher {node} }}
              OPTIONAL {{ ?d dct:title ?title }}
            }} ORDER BY ?d"""
        )
        facts = self._select(
            f"""SELECT DISTINCT ?p ?o WHERE {{ VALUES ?p {{ {_values(FACT_PROPERTIES.values())} }} {node} ?p ?o }}
            ORDER BY ?p ?o"""
        )
        relations = self._select(
            f"""SELECT ?p ?direction (COUNT(DISTINCT ?other) AS ?count) WHERE {{
              VALUES ?p {{ {_values(RELATIONS.values())} }}
              {{ {node} ?p ?other . FILTER ISIRI(?other) BIND ("out" AS ?direction) }}
              UNION {{ ?other ?p {node} BIND ("in" AS ?direction) }}
            }} GROUP BY ?p ?direction"""
        )
        drawn = self._node_info([iri]).get(iri)
        text = self._task_texts([iri]).get(iri) if kind == "task" else None
        if kind == "target" and drawn is not None:
            text = drawn.label
        return {
            "id": entity_id,
            "iri": iri,
            "type": kind,
            "label": (drawn.label if drawn and kind in ("initiative", "task", "target") else None)
            or (preferred[0] if preferred else entity_id),
            "aliases": aliases,
            "jurisdiction": (
                {"id": self.id(jurisdiction[0]["j"].value), "label": _literal(jurisdiction[0]["name"])}
                if jurisdiction
                else None
            ),
            "documents": [{"id": self.id(r["d"].value), "title": _literal(r["title"])} for r in documents],
            "text": text,
            "facts": [{"property": _FACT_NAMES[r["p"].value], "value": r["o"].value} for r in facts],
            "relations": sorted(
                (
                    {
                        "relation": _RELATION_NAMES[r["p"].value],
                        "direction": r["direction"].value,
                        "count": int(r["count"].value),
                    }
                    for r in relations
                ),
                key=lambda r: (-r["count"], r["relation"], r["direction"]),
            ),
        }

    # neighbourhood -------------------------------------------------------------------------
    def neighbourhood(
        self,
        entity_id: str,
        *,
        depth: int = 1,
        types: list[str] | None = None,
        relations: list[str] | None = None,
        limit: int = 200,
    ) -> Neighbourhood | None:
        """The entity and what the fact relations reach within *depth* steps, either way.

        *types* keeps only nodes of those types (the start node always stays), *relations* only
        those relations; at most *limit* nodes, ``truncated`` telling whether more were reached.
        """
        try:
            start = self.iri(entity_id)
        except ValueError:
            return None
        wanted_relations = [RELATIONS[r] for r in (relations or list(RELATIONS))]
        wanted_types = {ENTITY_TYPES[t] for t in types} if types else None
        info = self._node_info([start])
        if start not in info:
            return None
        result = Neighbourhood(nodes=[info[start]])
        seen, frontier = {start}, deque([start])
        edges: set[tuple[str, str, str]] = set()
        for _ in range(depth):
            if not frontier:
                break
            batch = list(frontier)
            frontier.clear()
            for source, relation, target in self._edges(batch, wanted_relations):
                for node in (source, target):
                    if node not in seen:
                        if len(seen) >= limit:
                            result.truncated = True
                            continue
                        seen.add(node)
                        frontier.append(node)
                edges.add((source, relation, target))
        info.update(self._node_info([n for n in seen if n != start]))
        kept = {
            n
            for n in seen
            if n in info
            and (n == start or wanted_types is None or info[n].type in {_TYPE_NAMES.get(t) for t in wanted_types})
        }
        result.nodes = [info[start], *sorted((info[n] for n in kept if n != start), key=lambda n: (n.type, n.label))]
        result.edges = [
            Edge(self.id(s), self.id(t), _RELATION_NAMES[r]) for s, r, t in sorted(edges) if s in kept and t in kept
        ]
        return result

    def _edges(self, nodes: list[str], relations: list[str]) -> list[tuple[str, str, str]]:
        values, predicates = _values(nodes), _values(relations)
        rows = self._select(
            f"""SELECT DISTINCT ?s ?p ?o WHERE {{
              VALUES ?p {{ {predicates} }}
              {{ VALUES ?s {{ {values} }} ?s ?p ?o . FILTER ISIRI(?o) }}
              UNION {{ VALUES ?o {{ {values} }} ?s ?p ?o }}
            }}"""
        )
        return [(r["s"].value, r["p"].value, r["o"].value) for r in rows]

    def _node_info(self, nodes: list[str]) -> dict[str, Node]:
        """Each node's type and the label it is drawn with: an agency, platform, programme or place by
        its preferred name, a document by its title (else its file), an initiative by its number and
        title, a task by its text and a target by the words that state it, never by an id."""
        info: dict[str, Node] = {}
        rows = self._select_for_each(
            nodes,
            """SELECT ?n ?type (SAMPLE(?pref) AS ?name) (SAMPLE(?title) AS ?heading) (SAMPLE(?marker) AS ?number)
                   (SAMPLE(?file) AS ?fileName) (SAMPLE(?stated) AS ?statement) WHERE {
              VALUES ?n { {values} } ?n a ?type .
              OPTIONAL { ?n skos:prefLabel ?pref } OPTIONAL { ?n dct:title ?title } OPTIONAL { ?n pkg:marker ?marker }
              OPTIONAL { ?n pkg:fileName ?file } OPTIONAL { ?n a pkg:Target ; prov:value ?stated }
            } GROUP BY ?n ?type""",
            size=200,
        )
        tasks: list[str] = []
        for row in rows:
            kind = _TYPE_NAMES.get(row["type"].value)
            node = row["n"].value
            if not kind or (node in info and kind != "programme"):
                continue
            if kind == "task":
                tasks.append(node)
            number, heading = _literal(row["number"]), _literal(row["heading"])
            label = {
                "document": heading or _literal(row["fileName"]),
                "initiative": _numbered(number, heading),
                "target": _literal(row["statement"]),
            }.get(kind, _literal(row["name"]) or heading or number)
            info[node] = Node(self.id(node), _shorten(label) if label else self.id(node), kind)
        for task, text in self._task_texts(tasks).items():
            info[task].label = _shorten(text)
        return info

    def _task_texts(self, tasks: Iterable[str]) -> dict[str, str]:
        """The text of each task: its first occurrence in its document (a repeated passage is one task)."""
        spans: dict[str, tuple[str, int, int]] = {}
        for row in self._select_for_each(
            tasks,
            """SELECT ?t ?d ?start ?end WHERE { VALUES ?t { {values} }
              ?t prov:wasDerivedFrom ?d ; pkg:source ?s . ?s oa:start ?start ; oa:end ?end }""",
        ):
            found = (row["d"].value, int(row["start"].value), int(row["end"].value))
            task = row["t"].value
            if task not in spans or found[1] < spans[task][1]:
                spans[task] = found
        texts = self._texts({document for document, _, _ in spans.values()})
        return {
            task: texts[document][start:end].strip()
            for task, (document, start, end) in spans.items()
            if document in texts and texts[document][start:end].strip()
        }

    def _texts(self, documents: set[str]) -> dict[str, str]:
        """The text of each document, the one its offsets point into."""
        rows = self._select_for_each(
            documents, "SELECT ?d ?text WHERE { VALUES ?d { {values} } ?d a pkg:PolicyDocument ; prov:value ?text }"
        )
        return {row["d"].value: row["text"].value for row in rows}

    # a document's highlights ---------------------------------------------------------------
    def highlights(self, document_id: str) -> list[dict[str, Any]] | None:
        """What a reader of the document sees marked in its text, each span linked to its entity:
        initiatives' headings, responsibility notes (linked to the task they close), the units in
        them (to their agency), and the platforms, programmes and targets the tasks name.

        Headings, units and programmes carry their offsets in the store. A note is the bracket
        around its units; a platform or a target is found by its name (quotes and spaces between
        its characters allowed, as in 省“互联网+监管”系统) in the text of a task that names it, since
        the store keeps which task names it but not where. Spans are ordered by start, the longer
        first, so a note comes before the units in it; None for an id that is no document.
        """
        try:
            iri = self.iri(document_id)
        except ValueError:
            return None
        text = self._texts({iri}).get(iri)
        if text is None:
            return None if self.kind(document_id) != "document" else []
        document = _values([iri])  # a constant, not a binding: see describe
        found: list[dict[str, Any]] = []

        def mark(kind: str, start: int, end: int, entity: str, label: str, entity_type: str) -> None:
            if 0 <= start < end <= len(text):
                found.append(
                    {
                        "kind": kind,
                        "start": start,
                        "end": end,
                        "entity": {"id": self.id(entity), "label": label, "type": entity_type},
                    }
                )

        headings = self._select(
            f"""SELECT DISTINCT ?i ?start ?end WHERE {{
              ?i a pkg:Initiative ; prov:wasDerivedFrom {document} ; pkg:source ?s . ?s oa:start ?start ; oa:end ?end .
              FILTER NOT EXISTS {{ ?i a pkg:Programme }}
            }}"""
        )
        units = self._select(
            f"""SELECT DISTINCT ?t ?a ?start ?end WHERE {{
              ?t a pkg:Task ; prov:wasDerivedFrom {document} ; prov:qualifiedAssociation ?r .
              ?r prov:agent ?a ; pkg:source ?s . ?s oa:start ?start ; oa:end ?end .
            }}"""
        )
        programmes = self._select(
            f"""SELECT DISTINCT ?g ?start ?end WHERE {{
              ?g a pkg:Programme ; pkg:source ?s . ?s pkg:inDocument {document} ; oa:start ?start ; oa:end ?end .
            }}"""
        )
        named = self._select(
            f"""SELECT DISTINCT ?t ?start ?end ?x ?name WHERE {{
              ?t a pkg:Task ; prov:wasDerivedFrom {document} ; pkg:source ?s . ?s oa:start ?start ; oa:end ?end .
              {{ ?t pkg:platformAction|pkg:builds|pkg:upgrades|pkg:promotes|pkg:connects|pkg:reliesOn ?x .
                 ?x a pkg:Platform ; skos:prefLabel|skos:altLabel ?name }}
              UNION {{ ?t pkg:hasTarget ?x . ?x prov:value ?name }}
            }}"""
        )
        entities = {row["i"].value for row in headings} | {row["t"].value for row in units}
        entities |= {row["a"].value for row in units} | {row["g"].value for row in programmes}
        entities |= {row["x"].value for row in named}
        info = self._node_info(sorted(entities))

        def node(entity: str) -> tuple[str, str]:
            known = info.get(entity)
            return (known.label, known.type) if known else (self.id(entity), "")

        for row in headings:
            label, kind = node(row["i"].value)
            mark("initiative", int(row["start"].value), int(row["end"].value), row["i"].value, label, kind)
        notes: set[tuple[int, int, str]] = set()
        for row in units:
            start, end = int(row["start"].value), int(row["end"].value)
            label, kind = node(row["a"].value)
            mark("unit", start, end, row["a"].value, label, kind)
            note = _note_around(text, start, end)
            if note is not None:
                notes.add((*note, row["t"].value))
        for start, end, task in sorted(notes):
            label, kind = node(task)
            mark("note", start, end, task, label, kind)
        for row in programmes:
            label, kind = node(row["g"].value)
            mark("programme", int(row["start"].value), int(row["end"].value), row["g"].value, label, kind)
        names: dict[tuple[int, int, str], set[str]] = {}
        for row in named:
            names.setdefault((int(row["start"].value), int(row["end"].value), row["x"].value), set()).add(
                row["name"].value
            )
        placed: set[tuple[int, int]] = set()
        for (start, end, entity), written in sorted(names.items()):
            label, kind = node(entity)
            for at, until in _occurrences(text, start, end, written):
                if (at, until) not in placed:
                    placed.add((at, until))
                    mark("platform" if kind == "platform" else "target", at, until, entity, label, kind)
        found.sort(key=lambda h: (h["start"], -h["end"], HIGHLIGHT_KINDS.index(h["kind"])))
        return found

    # analytics -----------------------------------------------------------------------------
    def shared_initiatives(
        self,
        *,
        lead_only: bool = False,
        minimum: int = 1,
        limit: int = 50,
        document: str | None = None,
        jurisdiction: str | None = None,
        year: int | None = None,
        per_pair: int | None = None,
    ) -> list[dict[str, Any]]:
        """Agency pairs with how many initiatives they share and which, most first (ties by label).

        The pairs are :func:`graph.analytics.shared_initiatives` over the store's initiatives
        (:func:`graph.facts.initiative_members`: one row per initiative), narrowed to the
        documents a *document*, *jurisdiction* or *year* selects
        (:func:`graph.facts.select_documents`); labels are asked only for the agencies of the
        leading pairs. Each pair lists at most *per_pair* of its initiatives (all when None), the
        first by id, which starts with the document's, and details are asked only for those: two
        agencies of a large store share thousands, and ``shared`` counts them all.
        """
        if per_pair is not None and per_pair < 0:
            raise ValueError(f"per_pair must be at least 0, not {per_pair!r}")
        documents = None
        if document is not None or jurisdiction is not None or year is not None:
            documents = select_documents(
                read_documents(self.store), self.base, document=document, jurisdiction=jurisdiction, year=year
            )
        members = initiative_members(self.store, lead_only=lead_only, documents=documents)
        pairs = shared_initiatives(members, labels=self._labels, minimum=minimum, limit=limit)
        listed = [sorted(pair.initiatives)[:per_pair] for pair in pairs]
        details = self._initiative_details(set().union(*listed))
        return [
            {
                "a": {"id": self.id(pair.a), "label": pair.a_label},
                "b": {"id": self.id(pair.b), "label": pair.b_label},
                "shared": pair.shared,
                "initiatives": sorted(
                    (details[i] for i in initiatives if i in details),  # an initiative has its document
                    key=lambda found: (found["document"], found["id"]),
                ),
            }
            for pair, initiatives in zip(pairs, listed, strict=True)
        ]

    def _labels(self, nodes: Collection[str]) -> dict[str, str]:
        """Each node's preferred label (the least, should a node have several)."""
        rows = self._select_for_each(
            nodes, "SELECT ?n (MIN(?l) AS ?label) WHERE { VALUES ?n { {values} } ?n skos:prefLabel ?l } GROUP BY ?n"
        )
        return {row["n"].value: row["label"].value for row in rows}

    def _initiative_details(self, initiatives: set[str]) -> dict[str, dict[str, Any]]:
        """Marker, title and document of each initiative (the first found, should there be several)."""
        details: dict[str, dict[str, Any]] = {}
        rows = self._select_for_each(
            initiatives,
            """SELECT ?i ?marker ?title ?d WHERE { VALUES ?i { {values} } ?i prov:wasDerivedFrom ?d .
              OPTIONAL { ?i pkg:marker ?marker } OPTIONAL { ?i dct:title ?title } }""",
        )
        for row in rows:
            details.setdefault(
                row["i"].value,
                {
                    "id": self.id(row["i"].value),
                    "marker": _literal(row["marker"]),
                    "title": _literal(row["title"]),
                    "document": self.id(row["d"].value),
                },
            )
        return details

    def agency_initiatives(self, entity_id: str) -> list[dict[str, Any]]:
        """The initiatives an agency answers for, with its roles and the documents."""
        # A constant, not a binding: substituted, ?agency is joined last (twice as slow).
        rows = self._select(
            f"""SELECT ?i ?marker ?title ?d (GROUP_CONCAT(DISTINCT ?roleName; separator=",") AS ?roles) WHERE {{
              ?t a pkg:Task ; pkg:initiative ?i ; prov:qualifiedAssociation ?r .
              ?r prov:agent {_values([self.iri(entity_id)])} ; prov:hadRole ?role .
              ?i prov:wasDerivedFrom ?d . OPTIONAL {{ ?i pkg:marker ?marker }} OPTIONAL {{ ?i dct:title ?title }}
              BIND (STRAFTER(STR(?role), "#") AS ?roleName)
            }} GROUP BY ?i ?marker ?title ?d ORDER BY ?d ?i"""
        )
        return [
            {
                "id": self.id(r["i"].value),
                "marker": _literal(r["marker"]),
                "title": _literal(r["title"]),
                "document": self.id(r["d"].value),
                "roles": sorted(set(r["roles"].value.split(","))),
            }
            for r in rows
        ]

    def agency_platforms(self, entity_id: str) -> list[dict[str, Any]]:
        """The platforms in the tasks an agency answers for, with the actions on them."""
        return self._platform_rows(
            "?entity pkg:responsibleFor ?t . ?t a pkg:Task ; ?action ?p . ?p a pkg:Platform ; skos:prefLabel ?label .",
            "p",
            NamedNode(self.iri(entity_id)),
        )

    def platform_agencies(self, entity_id: str) -> list[dict[str, Any]]:
        """The agencies answering for the tasks that act on a platform."""
        return self._platform_rows(
            "?t ?action ?entity . ?t a pkg:Task . ?a pkg:responsibleFor ?t ; a pkg:Agency ; skos:prefLabel ?label .",
            "a",
            NamedNode(self.iri(entity_id)),
        )

    def _platform_rows(self, pattern: str, variable: str, entity: NamedNode) -> list[dict[str, Any]]:
        """The *variable* nodes *pattern* reaches from ``?entity`` through a task's ``?action``."""
        actions = " ".join(
            f"pkg:{a}" for a in ("builds", "upgrades", "promotes", "connects", "reliesOn", "platformAction")
        )
        rows = self._select(
            f"""SELECT ?entity ?{variable} ?label (GROUP_CONCAT(DISTINCT ?actionName; separator=",") AS ?actions)
                (COUNT(DISTINCT ?t) AS ?tasks) WHERE {{
              VALUES ?action {{ {actions} }} {pattern}
              BIND (STRAFTER(STR(?action), "#") AS ?actionName)
            }} GROUP BY ?entity ?{variable} ?label ORDER BY DESC(?tasks) ?label""",
            entity=entity,
        )
        return [
            {
                "id": self.id(r[variable].value),
                "label": r["label"].value,
                "actions": sorted(set(r["actions"].value.split(","))),
                "tasks": int(r["tasks"].value),
            }
            for r in rows
        ]

    def documents(self) -> list[dict[str, Any]]:
        rows = self._select(
            """SELECT ?d ?title ?number ?issued ?file WHERE { ?d a pkg:PolicyDocument ; pkg:fileName ?file .
               OPTIONAL { ?d dct:title ?title } OPTIONAL { ?d dct:identifier ?number }
               OPTIONAL { ?d dct:issued ?issued }
            } ORDER BY ?file"""
        )
        return [
            {
                "id": self.id(r["d"].value),
                "file": r["file"].value,
                "title": _literal(r["title"]),
                "number": _literal(r["number"]),
                "issued": _literal(r["issued"]),
            }
            for r in rows
        ]

    def document(self, entity_id: str) -> dict[str, Any] | None:
        """A document with its text, outline and extractions, all with offsets into the text."""
        try:
            iri = self.iri(entity_id)
        except ValueError:
            return None
        document = NamedNode(iri)
        head = self._select(
            """SELECT ?document ?file ?title ?number ?issued ?signed ?text WHERE { ?document a pkg:PolicyDocument ;
               pkg:fileName ?file . OPTIONAL { ?document dct:title ?title }
               OPTIONAL { ?document dct:identifier ?number }
               OPTIONAL { ?document dct:issued ?issued } OPTIONAL { ?document pkg:signed ?signed }
               OPTIONAL { ?document prov:value ?text } }""",
            document=document,
        )
        if not head:
            return None
        outline = self._select(
            """SELECT DISTINCT ?document ?i ?marker ?title ?start ?end ?parent WHERE {
              ?i a pkg:Initiative ; prov:wasDerivedFrom ?document ; pkg:source ?s . ?s oa:start ?start ; oa:end ?end .
              OPTIONAL { ?i pkg:marker ?marker } OPTIONAL { ?i dct:title ?title }
              OPTIONAL { ?i dct:isPartOf ?parent . ?parent a pkg:Initiative }
            } ORDER BY ?start""",
            document=document,
        )
        # A constant, not a binding (_values: checked and written by pyoxigraph): substituted,
        # ?document is joined last, four times slower than this.
        responsibilities = self._select(
            f"""SELECT DISTINCT ?t ?a ?label ?role ?start ?end ?written WHERE {{
              ?t a pkg:Task ; prov:wasDerivedFrom {_values([iri])} ; prov:qualifiedAssociation ?r .
              ?r prov:agent ?a ; prov:hadRole ?role ; pkg:source ?s .
              ?s oa:start ?start ; oa:end ?end . OPTIONAL {{ ?s prov:value ?written }}
              ?a skos:prefLabel ?label
            }} ORDER BY ?start"""
        )
        tasks = self._select(
            """SELECT DISTINCT ?document ?t ?i ?start ?end WHERE {
              ?t a pkg:Task ; prov:wasDerivedFrom ?document ; pkg:initiative ?i ; pkg:source ?s .
              ?s oa:start ?start ; oa:end ?end } ORDER BY ?start""",
            document=document,
        )
        h = head[0]
        return {
            "id": entity_id,
            "file": h["file"].value,
            "title": _literal(h["title"]),
            "number": _literal(h["number"]),
            "issued": _literal(h["issued"]),
            "signed": _literal(h["signed"]),
            "text": _literal(h["text"]),
            "outline": [
                {
                    "id": self.id(r["i"].value),
                    "marker": _literal(r["marker"]),
                    "title": _literal(r["title"]),
                    "parent": self.id(r["parent"].value) if r["parent"] is not None else None,
                    "start": int(r["start"].value),
                    "end": int(r["end"].value),
                }
                for r in outline
            ],
            "tasks": [
                {
                    "id": self.id(r["t"].value),
                    "initiative": self.id(r["i"].value),
                    "start": int(r["start"].value),
                    "end": int(r["end"].value),
                }
                for r in tasks
            ],
            "responsibilities": [
                {
                    "task": self.id(r["t"].value),
                    "agency": {"id": self.id(r["a"].value), "label": r["label"].value},
                    "role": r["role"].value.rsplit("#", 1)[-1],
                    "written": _literal(r["written"]),
                    "start": int(r["start"].value),
                    "end": int(r["end"].value),
                }
                for r in responsibilities
            ],
        }


def _values(iris: Iterable[str]) -> str:
    """The IRIs, each checked and written by pyoxigraph, for a ``VALUES`` list.

    >>> _values(["urn:a", "urn:b"])
    '<urn:a> <urn:b>'
    """
    return " ".join(str(NamedNode(iri)) for iri in iris)


def _shorten(text: str, most: int = LABEL_CHARACTERS) -> str:
    """*text* on one line, cut to *most* characters with an ellipsis.

    >>> _shorten("建设  统一\\n平台", 8), _shorten("一二三四五六七八", 6)
    ('建设 统一 平台', '一二三四五…')
    """
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


def _numbered(number: str | None, title: str | None) -> str | None:
    """An initiative's number and title as a heading writes them.

    >>> _numbered("（一）", "构建体系"), _numbered("1.", "打造平台"), _numbered(None, "总体要求")
    ('（一）构建体系', '1. 打造平台', '总体要求')
    """
    if not number or not title:
        return number or title
    return number + title if number[-1] in "、）)" else f"{number} {title}"


def _note_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The bracketed responsibility note around the unit at *start*–*end*, brackets included.

    >>> text = "完善政务服务。（责任单位：省数字办，省发改委）下一项"
    >>> start = text.index("省发改委")
    >>> span = _note_around(text, start, start + 4)
    >>> text[span[0] : span[1]]
    '（责任单位：省数字办，省发改委）'
    >>> _note_around("省数字办负责", 0, 4) is None
    True
    """
    before = max(text.rfind(c, max(0, start - 400), start) for c in _OPENING)
    if before < 0 or any(c in text[before + 1 : start] for c in _CLOSING):
        return None
    after = [i for i in (text.find(c, end, end + 400) for c in _CLOSING) if i >= 0]
    if not after or any(c in text[end : min(after)] for c in _OPENING):
        return None
    return before, min(after) + 1


def _occurrences(text: str, start: int, end: int, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where any of *names* is written in ``text[start:end]``, longest names first and no two
    places overlapping; quotes and spaces may stand between a name's characters.

    >>> text = "升级省“互联网+监管”系统，对接互联网+监管系统。"
    >>> [text[a:b] for a, b in _occurrences(text, 0, len(text), ["互联网+监管系统", "省互联网+监管系统"])]
    ['省“互联网+监管”系统', '互联网+监管系统']
    """
    taken: list[tuple[int, int]] = []
    for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
        pattern = re.compile(_QUOTES_AND_SPACE.join(re.escape(c) for c in name if not c.isspace()))
        for match in pattern.finditer(text, start, end):
            if not any(match.start() < b and a < match.end() for a, b in taken):
                taken.append((match.start(), match.end()))
    return sorted(taken)


def cytoscape(neighbourhood: Neighbourhood) -> dict[str, Any]:
    """The Cytoscape.js elements format of a neighbourhood."""
    return {
        "elements": {
            "nodes": [{"data": {"id": n.id, "label": n.label, "type": n.type}} for n in neighbourhood.nodes],
            "edges": [
                {
                    "data": {
                        "id": f"{e.source}|{e.relation}|{e.target}",
                        "source": e.source,
                        "target": e.target,
                        "label": e.relation,
                    }
                }
                for e in neighbourhood.edges
            ],
        }
    }
