"""Entity search, one entity, its neighbourhood, a document's highlights, and the vocabulary the
browser workbench needs (how ids become IRIs, prefixes, types, relations)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from api.deps import ExplorerDep, SettingsDep
from api.models import CytoscapeElements, Entity, EntityHit, Highlight, NeighbourhoodOut, Vocabulary
from api.problems import Problem, problem_responses
from graph.explore import ENTITY_TYPES, HIGHLIGHT_KINDS, RELATIONS, cytoscape
from graph.queries import PREFIXES
from graph.terms import PKG

__all__ = ["router"]

router = APIRouter(tags=["Entities"], responses=problem_responses(422, 503))
# The prefixes the SPARQL editor offers: the project's own queries' and the common vocabularies'.
EDITOR_PREFIXES: dict[str, str] = {
    **dict(re.findall(r"PREFIX (\w+): <([^>]+)>", PREFIXES)),
    "org": "http://www.w3.org/ns/org#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
# The terms the editor completes: every term of the ontology, and those of other vocabularies the graph uses.
EDITOR_TERMS: list[str] = [
    *(str(PKG) + name for name in PKG.__annotations__),
    *(
        EDITOR_PREFIXES[prefix] + name
        for prefix, names in {
            "skos": ("prefLabel", "altLabel"),
            "dct": ("title", "identifier", "issued", "publisher", "isPartOf", "replaces", "isReplacedBy"),
            "prov": ("wasDerivedFrom", "value", "qualifiedAssociation", "agent", "hadRole"),
            "oa": ("start", "end"),
            "org": ("subOrganizationOf",),
            "rdf": ("type",),
            "rdfs": ("label", "comment"),
        }.items()
        for name in names
    ),
]
EntityType = Literal["agency", "platform", "programme", "initiative", "task", "document", "place", "target"]


@router.get("/entities", response_model=list[EntityHit], summary="Find entities by name or alias")
async def search_entities(
    explorer: ExplorerDep,
    q: Annotated[str, Query(min_length=1, max_length=100, description="part of a name or alias, e.g. 数字办")],
    type: Annotated[EntityType | None, Query(description="only entities of this type")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    return await explorer.ask("search", q, entity_type=type, limit=limit)  # type: ignore[no-any-return]


@router.get(
    "/entities/{entity_id:path}/neighbourhood",
    response_model=NeighbourhoodOut | CytoscapeElements,
    responses=problem_responses(404),
    summary="An entity's neighbourhood as nodes and edges (format=json) or Cytoscape.js elements (format=cytoscape)",
)
async def neighbourhood(
    explorer: ExplorerDep,
    entity_id: str,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    types: Annotated[list[EntityType] | None, Query(alias="type", description="keep only these node types")] = None,
    relations: Annotated[list[str] | None, Query(alias="relation", description="walk only these relations")] = None,
    limit: Annotated[int, Query(ge=1, le=2000, description="the most nodes to return")] = 200,
    format: Annotated[Literal["json", "cytoscape"], Query()] = "json",
) -> NeighbourhoodOut | CytoscapeElements:
    unknown = sorted(set(relations or ()) - set(RELATIONS))
    if unknown:
        raise Problem(422, "Unknown relation", f"{', '.join(unknown)}; known: {', '.join(RELATIONS)}")
    found = await explorer.ask(
        "neighbourhood", entity_id, depth=depth, types=list(types or ()), relations=relations, limit=limit
    )
    if found is None:
        raise Problem(404, "No such entity", f"no entity {entity_id}")
    if format == "cytoscape":
        return CytoscapeElements.model_validate(cytoscape(found))
    return NeighbourhoodOut.model_validate(found, from_attributes=True)


@router.get(
    "/entities/{document_id:path}/highlights",
    response_model=list[Highlight],
    responses=problem_responses(404),
    summary="What a document's text marks: headings, notes, units, platforms, programmes, targets, with offsets",
)
async def highlights(explorer: ExplorerDep, document_id: str) -> list[dict[str, Any]]:
    found = await explorer.ask("highlights", document_id)
    if found is None:
        raise Problem(404, "No such document", f"no document {document_id}")
    return found  # type: ignore[no-any-return]


@router.get("/vocabulary", response_model=Vocabulary, summary="Base IRI, prefixes, entity types and relations")
async def vocabulary(settings: SettingsDep) -> Vocabulary:
    return Vocabulary(
        base=settings.base_iri,
        prefixes=EDITOR_PREFIXES,
        terms=EDITOR_TERMS,
        types=list(ENTITY_TYPES),
        relations=list(RELATIONS),
        highlights=list(HIGHLIGHT_KINDS),
    )


@router.get("/entities/{entity_id:path}", response_model=Entity, responses=problem_responses(404), summary="One entity")
async def get_entity(explorer: ExplorerDep, entity_id: str) -> dict[str, Any]:
    found = await explorer.ask("describe", entity_id)
    if found is None:
        raise Problem(404, "No such entity", f"no entity {entity_id}")
    return found  # type: ignore[no-any-return]
