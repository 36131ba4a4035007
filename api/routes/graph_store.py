"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store``: reads open, writes behind the token.

``?graph=IRI`` names a graph (indirect identification), and so does a URL under ``/store/``
(direct identification: the URL is the graph's IRI); ``?default`` is the default graph, which
reads as the union of all graphs and writes to the store's own default graph; with neither, GET
returns the whole dataset (TriG or N-Quads) and POST makes a new graph. Bodies are parsed and
written in the store worker (:mod:`api.operations`), never on the event loop.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Request, Response

from api import operations
from api.deps import SettingsDep, StoreClient, StoreDep, write_token_required
from api.negotiation import CANONICAL, GRAPH_MEDIA_TYPES, choose_media_type
from api.problems import Problem, problem_responses, query_parameters
from graph.settings import Settings

__all__ = ["router"]

router = APIRouter(tags=["Graph Store"], responses=problem_responses(400, 503))
_WRITE = problem_responses(401, 403, 413, 415)
_CREATED = {201: {"description": "the graph was created (POST to /store: at the Location given)"}}


@dataclass(frozen=True)
class Target:
    """What a Graph Store request is about: a named graph (by ``?graph=IRI``, or the request's
    own URL under ``/store/``), the default graph (``?default``), or neither (the dataset, or on
    POST a new graph)."""

    graph: str | None = None
    default: bool = False


def _target(request: Request, path: str | None = None) -> Target:
    params = request.query_params
    if path is not None:  # direct identification: the graph's IRI is the request URL
        if "graph" in params or "default" in params:
            raise Problem(400, "Ambiguous target", "a graph's own URL takes neither ?graph= nor ?default")
        return Target(graph=_graph_iri(str(request.url.replace(query=""))))
    if "graph" in params and "default" in params:
        raise Problem(400, "Ambiguous target", "give either ?graph=IRI or ?default, not both")
    if "graph" in params:
        return Target(graph=_graph_iri(params["graph"]))
    return Target(default="default" in params)


def _graph_iri(text: str) -> str:
    """*text* as a graph IRI; 400 for one no IRI can be (a space, a quote, a control character)."""
    try:
        return str(ox.NamedNode(text).value)
    except ValueError as exc:
        raise Problem(400, "Bad graph IRI", f"{text!r} is not an IRI: {exc}") from exc


async def _read(request: Request, store: StoreClient, target: Target) -> Response:
    whole = target.graph is None and not target.default
    fmt = choose_media_type(request.headers.get("accept"), "graph", request.query_params.get("format"))
    if whole and fmt not in ("trig", "nquads"):
        fmt = "trig"
    if fmt is None:
        raise Problem(406, "Not acceptable", "no RDF format matches the Accept header")
    body = await store.run(operations.read_graph, target.graph, whole, fmt)
    if body is None:
        raise Problem(404, "No such graph", f"the store has no graph {target.graph}")
    media_type = CANONICAL[fmt] + ("; charset=utf-8" if fmt == "turtle" else "")
    if request.method == "HEAD":
        return Response(media_type=media_type, headers={"Content-Length": str(len(body))})
    return Response(body, media_type=media_type)


def _format(content_type: str | None) -> str:
    """The RDF format a body's media type names; 415 for one the store cannot read."""
    media_type = (content_type or "text/turtle").split(";")[0].strip().lower()
    fmt = GRAPH_MEDIA_TYPES.get(media_type)
    if fmt not in operations.PARSED_FORMATS:
        raise Problem(415, "Unsupported media type", f"cannot read a {media_type} graph")
    return fmt


async def _parts(request: Request) -> list[tuple[bytes, str]]:
    """The RDF documents of the body: the body itself, or each file of a ``multipart/form-data`` body."""
    content_type = request.headers.get("content-type")
    if (content_type or "").split(";")[0].strip().lower() != "multipart/form-data":
        return [(await request.body(), _format(content_type))]
    parts = []
    async with request.form() as form:
        for _, value in form.multi_items():
            if isinstance(value, str):
                raise Problem(400, "Not a graph", "each part of a multipart graph must be a file with its media type")
            parts.append((await value.read(), _format(value.content_type)))
    return parts


async def _write(request: Request, store: StoreClient, target: Target, *, replace: bool) -> Response:
    """Replace or add to a graph with the request's body; 201 when it made a new graph, else 204."""
    try:
        if replace:
            body = await request.body()
            fmt = _format(request.headers.get("content-type"))
            created = await store.run(operations.replace_graph, target.graph, body, fmt, writes=True)
        else:
            created = await store.run(operations.add_to_graph, target.graph, await _parts(request), writes=True)
    except SyntaxError as exc:
        raise Problem(400, "Malformed graph", str(exc)) from exc
    return Response(status_code=201 if created else 204)


def _named_or_default(target: Target) -> Target:
    if target.graph is None and not target.default:
        raise Problem(400, "No graph named", "name the graph: ?graph=IRI, ?default, or the graph's URL under /store/")
    return target


async def _delete(store: StoreClient, settings: Settings, target: Target) -> Response:
    if not await store.run(operations.delete_graph, target.graph, settings.base_iri, writes=True):
        raise Problem(404, "No such graph", f"the store has no graph {target.graph}")
    return Response(status_code=204)


_TARGET = query_parameters(
    graph="the graph's IRI (indirect identification)",
    default="the default graph: the union of all graphs to read, the store's own default graph to write",
)
_RDF = {"schema": {"type": "string"}}
_FORMATS = "the answer's format when Accept cannot say it: turtle, ntriples, jsonld, rdfxml, trig or nquads"
_BODY = {
    "required": True,
    "content": {
        t: _RDF for t in ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")
    },
}
_READ: dict[str, Any] = {
    "responses": problem_responses(404, 406),
    "openapi_extra": {"parameters": [*_TARGET, *query_parameters(format=_FORMATS)]},
}
_REPLACE: dict[str, Any] = {
    "status_code": 204,
    "dependencies": [Depends(write_token_required)],
    "responses": {**_CREATED, **_WRITE},
    "openapi_extra": {"parameters": _TARGET, "requestBody": _BODY},
}
_DELETE: dict[str, Any] = {
    "status_code": 204,
    "dependencies": [Depends(write_token_required)],
    "responses": problem_responses(401, 403, 404),
    "openapi_extra": {"parameters": _TARGET},
}
# A graph named by its own URL under /store/ takes neither ?graph= nor ?default.
_READ_DIRECT = {**_READ, "openapi_extra": {"parameters": query_parameters(format=_FORMATS)}}
_REPLACE_DIRECT = {**_REPLACE, "openapi_extra": {"requestBody": _BODY}}
_DELETE_DIRECT = {k: v for k, v in _DELETE.items() if k != "openapi_extra"}


@router.get("/store", summary="Read a graph, the default graph or the dataset", **_READ)
@router.head("/store", summary="Headers of a read", **_READ)
async def read_graph(request: Request, store: StoreDep) -> Response:
    """``?graph=IRI``: that graph; ``?default``: the union of all graphs; neither: the whole dataset."""
    return await _read(request, store, _target(request))


@router.put("/store", summary="Replace a graph or the store's default graph", **_REPLACE)
async def put_graph(request: Request, store: StoreDep) -> Response:
    return await _write(request, store, _named_or_default(_target(request)), replace=True)


@router.post("/store", summary="Add to a graph, or create a new one", **_REPLACE)
async def post_graph(request: Request, store: StoreDep) -> Response:
    """``?graph=IRI`` or ``?default``: add the body's triples there. Neither: make a new graph
    of them, at a new URL under ``/store/`` given in ``Location`` (201)."""
    target = _target(request)
    if target.graph is not None or target.default:
        return await _write(request, store, target, replace=False)
    location = str(request.url.replace(query="")).rstrip("/") + f"/{uuid.uuid4().hex}"
    response = await _write(request, store, Target(graph=location), replace=False)
    response.status_code = 201
    response.headers["Location"] = location
    return response


@router.delete("/store", summary="Delete a graph, or empty the store's default graph", **_DELETE)
async def delete_graph(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Delete a graph; the descriptions of entities only it named go with it."""
    return await _delete(store, settings, _named_or_default(_target(request)))


@router.get("/store/{path:path}", summary="Read a graph by its own URL", **_READ_DIRECT)
@router.head("/store/{path:path}", summary="Headers of a read by URL", **_READ_DIRECT)
async def read_direct(request: Request, store: StoreDep, path: str) -> Response:
    return await _read(request, store, _target(request, path))


@router.put("/store/{path:path}", summary="Replace the graph named by this URL", **_REPLACE_DIRECT)
async def put_direct(request: Request, store: StoreDep, path: str) -> Response:
    return await _write(request, store, _target(request, path), replace=True)


@router.post("/store/{path:path}", summary="Add to the graph named by this URL", **_REPLACE_DIRECT)
async def post_direct(request: Request, store: StoreDep, path: str) -> Response:
    return await _write(request, store, _target(request, path), replace=False)


@router.delete("/store/{path:path}", summary="Delete the graph named by this URL", **_DELETE_DIRECT)
async def delete_direct(request: Request, store: StoreDep, settings: SettingsDep, path: str) -> Response:
    return await _delete(store, settings, _target(request, path))
