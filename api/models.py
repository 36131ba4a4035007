"""Response models of the analysts' API, separate from how the store holds things."""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = [
    "DocumentOut",
    "DocumentSummary",
    "Entity",
    "EntityHit",
    "EntityRef",
    "GraphEdge",
    "GraphNode",
    "InitiativeOut",
    "NeighbourhoodOut",
    "PlatformUse",
    "SharedPair",
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


class Entity(BaseModel):
    id: str
    iri: str
    type: str
    label: str
    aliases: list[str]
    jurisdiction: EntityRef | None
    documents: list[DocumentRef]


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
