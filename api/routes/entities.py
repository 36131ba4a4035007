"""Entity search, one entity, and its neighbourhood."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from api.deps import ExplorerDep
from api.models import CytoscapeElements, Entity, EntityHit, NeighbourhoodOut
from api.problems import Problem, problem_responses
from graph.explore import RELATIONS, cytoscape

__all__ = ["router"]

router = APIRouter(tags=["Entities"], responses=problem_responses(422, 503))
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


@router.get("/entities/{entity_id:path}", response_model=Entity, responses=problem_responses(404), summary="One entity")
async def get_entity(explorer: ExplorerDep, entity_id: str) -> dict[str, Any]:
    found = await explorer.ask("describe", entity_id)
    if found is None:
        raise Problem(404, "No such entity", f"no entity {entity_id}")
    return found  # type: ignore[no-any-return]
