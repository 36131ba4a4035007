"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store``: reads open, writes behind the token.

``?graph=IRI`` names a graph, ``?default`` the default graph (the union of the document
graphs); with neither, GET returns the whole dataset (TriG or N-Quads). Bodies are parsed and
written in the store worker (:mod:`api.operations`), never on the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Request, Response

from api import operations
from api.deps import SettingsDep, StoreClient, StoreDep, require_write_token
from api.negotiation import CANONICAL, GRAPH_MEDIA_TYPES, choose_media_type
from api.problems import Problem, problem_responses

__all__ = ["router"]

router = APIRouter(tags=["Graph Store"], responses=problem_responses(400, 503))
_WRITE = problem_responses(401, 403, 413, 415)


def _target(request: Request) -> str | None:
    """The graph the request names (None for the default graph or the whole dataset)."""
    params = request.query_params
    if "graph" in params and "default" in params:
        raise Problem(400, "Ambiguous target", "give either ?graph=IRI or ?default, not both")
    if "graph" in params:
        try:
            return str(ox.NamedNode(params["graph"]).value)
        except ValueError as exc:
            raise Problem(400, "Bad graph IRI", str(exc)) from exc
    return None


@router.get("/store", responses=problem_responses(404, 406), summary="Read a graph (Graph Store Protocol)")
async def read_graph(request: Request, store: StoreDep) -> Response:
    graph = _target(request)
    whole = graph is None and "default" not in request.query_params
    fmt = choose_media_type(request.headers.get("accept"), "graph", request.query_params.get("format"))
    if whole and fmt not in ("trig", "nquads"):
        fmt = "trig"
    if fmt is None:
        raise Problem(406, "Not acceptable", "no RDF format matches the Accept header")
    body = await store.run(operations.read_graph, graph, whole, fmt)
    if body is None:
        raise Problem(404, "No such graph", f"the store has no graph {graph}")
    return Response(body, media_type=CANONICAL[fmt] + ("; charset=utf-8" if fmt == "turtle" else ""))


async def _write(request: Request, store: StoreClient, operation: Callable[..., bool], *args: Any) -> Response:
    """Run a graph write with the request's body; 201 when it made a new graph, else 204."""
    graph = _target(request)
    if graph is None:
        raise Problem(400, "No graph named", "writes need ?graph=IRI (the default graph is the union of documents)")
    content_type = request.headers.get("content-type", "text/turtle").split(";")[0].strip().lower()
    fmt = GRAPH_MEDIA_TYPES.get(content_type)
    if fmt not in operations.PARSED_FORMATS:
        raise Problem(415, "Unsupported media type", f"cannot read a {content_type} graph")
    try:
        created = await store.run(operation, graph, await request.body(), fmt, *args, writes=True)
    except SyntaxError as exc:
        raise Problem(400, "Malformed graph", str(exc)) from exc
    return Response(status_code=201 if created else 204)


@router.put(
    "/store",
    status_code=204,
    dependencies=[Depends(require_write_token)],
    responses={201: {"description": "the graph was created"}, **_WRITE},
    summary="Replace a graph",
)
async def put_graph(request: Request, store: StoreDep) -> Response:
    return await _write(request, store, operations.replace_graph)


@router.post(
    "/store",
    status_code=204,
    dependencies=[Depends(require_write_token)],
    responses={201: {"description": "the graph was created"}, **_WRITE},
    summary="Add to a graph",
)
async def post_graph(request: Request, store: StoreDep) -> Response:
    return await _write(request, store, operations.add_to_graph)


@router.delete(
    "/store",
    status_code=204,
    dependencies=[Depends(require_write_token)],
    responses=problem_responses(401, 403, 404),
    summary="Delete a graph",
)
async def delete_graph(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Delete a graph; the descriptions of entities only it named go with it."""
    graph = _target(request)
    if graph is None:
        raise Problem(400, "No graph named", "writes need ?graph=IRI (the default graph is the union of documents)")
    if not await store.run(operations.delete_graph, graph, settings.base_iri, writes=True):
        raise Problem(404, "No such graph", f"the store has no graph {graph}")
    return Response(status_code=204)
