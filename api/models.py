"""Response models of the analysts' API, separate from how the store holds things."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

__all__ = [
    "AgencyStanding",
    "DocumentOut",
    "DocumentSummary",
    "Entity",
    "EntityHit",
    "EntityRef",
    "Fact",
    "GraphEdge",
    "GraphNode",
    "Highlight",
    "InitiativeOut",
    "NeighbourhoodOut",
    "PlatformUse",
    "RelationCount",
    "SharedPair",
    "Vocabulary",
]


class EntityRef(BaseModel):
    id: str
    label: str | None = None


class EntityHit(BaseModel):
    id: str = Field(description="the entity's IRI without the base, as used in /api/entities/{id}")
    iri: str
    type: str
    label: str | None
    matched: str | None = Field(description="the name or alias that matched the search")


class DocumentRef(BaseModel):
    id: str
    title: str | None = None


class Fact(BaseModel):
    property: str = Field(description="the property's short name, e.g. agencyType, deadline, value")
    value: str


class RelationCount(BaseModel):
    relation: str = Field(description="a relation of /api/vocabulary's relations")
    direction: Literal["out", "in"] = Field(description="out: the entity is the subject; in: the object")
    count: int = Field(description="how many distinct nodes the relation reaches that way")


class Entity(BaseModel):
    id: str
    iri: str
    type: str
    label: str = Field(description="the preferred name; an initiative's number and title, a task's text (cut)")
    aliases: list[str]
    jurisdiction: EntityRef | None
    documents: list[DocumentRef] = Field(description="the documents that name the entity")
    text: str | None = Field(default=None, description="a task's whole text, a target's statement")
    facts: list[Fact] = []
    relations: list[RelationCount] = []


class GraphNode(BaseModel):
    id: str
    label: str
    type: str


class GraphEdge(BaseModel):
    source: str
    target: str
    relation: str


class NeighbourhoodOut(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    truncated: bool


class CytoscapeNode(BaseModel):
    data: GraphNode


class CytoscapeEdgeData(BaseModel):
    id: str
    source: str
    target: str
    label: str


class CytoscapeEdge(BaseModel):
    data: CytoscapeEdgeData


class CytoscapeElementLists(BaseModel):
    nodes: list[CytoscapeNode]
    edges: list[CytoscapeEdge]


class CytoscapeElements(BaseModel):
    """The Cytoscape.js elements format: ``cy.add(response.elements)``."""

    elements: CytoscapeElementLists


class Highlight(BaseModel):
    kind: str = Field(description="one of /api/vocabulary's highlights: initiative, note, unit, platform …")
    start: int = Field(description="offset of the first character in the document's text")
    end: int = Field(description="offset after the last character")
    entity: GraphNode = Field(description="what the span names: a note its task, a unit its agency")


class Vocabulary(BaseModel):
    """What the browser workbench needs to know of the service: how ids become IRIs, the prefixes
    the SPARQL editor offers, the entity types and the relations a neighbourhood may walk."""

    base: str = Field(description="an entity's IRI is base + id")
    prefixes: dict[str, str]
    terms: list[str] = Field(description="IRIs of the terms the SPARQL editor completes: the ontology's and a few more")
    types: list[str]
    relations: list[str]
    highlights: list[str]


class InitiativeOut(BaseModel):
    id: str
    marker: str | None
    title: str | None
    document: str
    roles: list[str] = []


class SharedPair(BaseModel):
    a: EntityRef
    b: EntityRef
    shared: int
    initiatives: list[InitiativeOut]


class PlatformUse(BaseModel):
    id: str
    label: str
    actions: list[str]
    tasks: int


class DocumentSummary(BaseModel):
    id: str
    file: str
    title: str | None
    number: str | None
    issued: str | None


class OutlineEntry(BaseModel):
    id: str
    marker: str | None
    title: str | None
    parent: str | None
    start: int
    end: int


class TaskSpan(BaseModel):
    id: str
    initiative: str
    start: int
    end: int


class ResponsibilitySpan(BaseModel):
    task: str
    agency: EntityRef
    role: str
    written: str | None
    start: int
    end: int


class DocumentOut(DocumentSummary):
    signed: str | None
    text: str | None = Field(description="the text every offset points into")
    outline: list[OutlineEntry]
    tasks: list[TaskSpan]
    responsibilities: list[ResponsibilitySpan]


class AgencyStanding(BaseModel):
    """An agency in the co-responsibility network: agencies joined by the initiatives they share."""

    id: str = Field(description="the agency's id, as in /api/entities/{id}")
    label: str
    degree: int = Field(description="the agencies it shares an initiative with")
    weighted_degree: int = Field(description="the initiatives it shares, summed over those agencies")
    betweenness: float = Field(
        description="normalised betweenness centrality, a tie being as short as 1 / the initiatives shared"
    )
    community: int = Field(description="its community (Louvain on the shared counts), 0 the largest")
    lead_load: int = Field(description="the initiatives it leads")
    initiatives: int = Field(description="the initiatives it answers for, in any role")
    documents: int = Field(description="the documents it answers in")
    years: list[int] = Field(description="the years of those documents (issued, else signed)")
