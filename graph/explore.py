"""Questions analysts ask of the store: find an entity, describe it, walk its neighbourhood,
and which agencies share what. Plain functions over a :class:`~graph.store.KnowledgeStore`,
used by the API and usable from a notebook.

Entities are named by their id: the IRI without the base (``agency/350000/drc``).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import Literal, NamedNode

from graph.analytics import shared_counts
from graph.queries import PREFIXES
from graph.store import KnowledgeStore
from graph.terms import PKG

__all__ = [
    "ENTITY_TYPES",
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
        """An entity's type, labels, jurisdiction and the documents it appears in; None if unknown."""
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
              OPTIONAL {{ ?d dct:title ?title }}
            }} ORDER BY ?d"""
        )
        return {
            "id": entity_id,
            "iri": iri,
            "type": kind,
            "label": preferred[0] if preferred else entity_id,
            "aliases": aliases,
            "jurisdiction": (
                {"id": self.id(jurisdiction[0]["j"].value), "label": _literal(jurisdiction[0]["name"])}
                if jurisdiction
                else None
            ),
            "documents": [{"id": self.id(r["d"].value), "title": _literal(r["title"])} for r in documents],
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
        info: dict[str, Node] = {}
        rows = self._select_for_each(
            nodes,
            """SELECT ?n ?type (SAMPLE(?label) AS ?name) WHERE {
              VALUES ?n { {values} } ?n a ?type .
              OPTIONAL { ?n skos:prefLabel|dct:title|pkg:marker ?label }
            } GROUP BY ?n ?type""",
            size=200,
        )
        for row in rows:
            kind = _TYPE_NAMES.get(row["type"].value)
            if kind and (row["n"].value not in info or kind == "programme"):
                label = _literal(row["name"]) or self.id(row["n"].value)
                info[row["n"].value] = Node(self.id(row["n"].value), label, kind)
        return info

    # analytics -----------------------------------------------------------------------------
    def shared_initiatives(self, *, lead_only: bool = False, minimum: int = 1, limit: int = 50) -> list[dict[str, Any]]:
        """Agency pairs with how many initiatives they share and which, most first.

        The same answer as :func:`graph.queries.shared_initiatives_query` (ties by label), in
        three small queries: each initiative with its agencies (the pairs are counted here, so
        the store decodes one row per initiative instead of one per pair and initiative), the
        labels of the agencies in the leading pairs, and the details of their initiatives.
        """
        rows = self._select(
            """SELECT ?relation ?i (GROUP_CONCAT(STR(?a); separator=" ") AS ?agencies)
            WHERE { ?a ?relation ?i . ?i a pkg:Initiative } GROUP BY ?relation ?i""",
            relation=NamedNode(PKG.leads if lead_only else PKG.responsibleFor),
        )
        members = {row["i"].value: row["agencies"].value.split() for row in rows}
        counts = shared_counts(members.values())
        ordered = sorted(counts.values(), reverse=True)
        if not ordered or ordered[0] < minimum:
            return []
        floor = max(minimum, ordered[min(limit, len(ordered)) - 1])  # ties at the limit are ordered by label
        leading = {pair: count for pair, count in counts.items() if count >= floor}
        labels = self._labels({agency for pair in leading for agency in pair})
        ranked = sorted(
            (pair for pair in leading if pair[0] in labels and pair[1] in labels),
            key=lambda pair: (-leading[pair], labels[pair[0]], labels[pair[1]]),
        )[:limit]
        initiatives_of: dict[str, set[str]] = {agency: set() for pair in ranked for agency in pair}
        for initiative, agencies in members.items():
            for agency in agencies:
                if agency in initiatives_of:
                    initiatives_of[agency].add(initiative)
        shared = {(a, b): initiatives_of[a] & initiatives_of[b] for a, b in ranked}
        details = self._initiative_details(set().union(*shared.values()))
        return [
            {
                "a": {"id": self.id(a), "label": labels[a]},
                "b": {"id": self.id(b), "label": labels[b]},
                "shared": leading[(a, b)],
                "initiatives": sorted(
                    (details[i] for i in shared[(a, b)] if i in details),  # an initiative has its document
                    key=lambda found: (found["document"], found["id"]),
                ),
            }
            for a, b in ranked
        ]

    def _labels(self, nodes: set[str]) -> dict[str, str]:
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
