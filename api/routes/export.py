"""Exports: a view of the graph as a file for Gephi, yEd, Cytoscape, a browser or a report."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from api import operations
from api.deps import SettingsDep, StoreDep
from api.problems import Problem, problem_responses
from graph.export import FORMATS

__all__ = ["router"]

router = APIRouter(tags=["Export"], responses=problem_responses(404, 422, 503))
ExportFormat = Literal["graphml", "gexf", "cytoscape", "nodelink", "csv", "svg", "png", "html"]
View = Literal["full", "agencies", "platforms", "neighbourhood"]
_DOWNLOADS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "the file, as an attachment: GraphML and GEXF for Gephi and yEd, Cytoscape JSON "
        "(networkx.cytoscape_data), networkx node-link JSON, a zip of Gephi's nodes.csv (Id,Label,…) and "
        "edges.csv (Source,Target,Weight,Type,Label,…), an SVG or PNG picture, or one HTML page that draws "
        "the graph offline",
        "content": {media_type: {} for media_type in sorted({f.media_type for f in FORMATS.values()})},
    }
}


@router.get(
    "/export",
    response_class=Response,
    responses=_DOWNLOADS,
    summary="A view of the graph as a file: GraphML, GEXF, Cytoscape JSON, node-link JSON, CSV, SVG, PNG or HTML",
)
async def export_graph(
    store: StoreDep,
    settings: SettingsDep,
    format: Annotated[ExportFormat, Query(description="what to write")],
    view: Annotated[
        View,
        Query(
            description="full: agencies, initiatives, platforms, documents; agencies: the co-responsibility "
            "network; platforms: the agency–platform network; neighbourhood: an entity's, with entity and depth"
        ),
    ] = "full",
    entity: Annotated[
        str | None, Query(description="the entity of view=neighbourhood, e.g. agency/350000/drc; ignored otherwise")
    ] = None,
    depth: Annotated[int, Query(ge=1, le=3, description="the neighbourhood's steps")] = 1,
) -> Response:
    if view == "neighbourhood" and not entity:
        raise Problem(422, "Entity required", "view=neighbourhood needs entity=ID, e.g. agency/350000/drc")
    written = await store.run(operations.export_view, settings.base_iri, format, view, entity, depth)
    if written is None:
        raise Problem(404, "No such entity", f"no entity {entity}")
    disposition = f'attachment; filename="{written.filename}"'
    return Response(written.content, media_type=written.media_type, headers={"Content-Disposition": disposition})
