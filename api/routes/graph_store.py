"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store``: reads open, writes behind the token.

``?graph=IRI`` names a graph, ``?default`` the default graph (the union of the document
graphs); with neither, GET returns the whole dataset (TriG or N-Quads).
"""

from __future__ import annotations

from typing import Any

import anyio
import pyoxigraph as ox
from fastapi import APIRouter, Depends, Request, Response

from api.deps import SettingsDep, StoreDep, require_write_token
from api.negotiation import CANONICAL, GRAPH_MEDIA_TYPES, choose_media_type
from api.problems import Problem
from api.sparql_engine import GRAPH_FORMATS
from graph.build import prune_entities
from graph.iris import Minter

__all__ = ["router"]

router = APIRouter(tags=["Graph Store"])
_PARSE = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def _target(request: Request) -> ox.NamedNode | None:
    params = request.query_params
    if "graph" in params and "default" in params:
        raise Problem(400, "Ambiguous target", "give either ?graph=IRI or ?default, not both")
    if "graph" in params:
        try:
            return ox.NamedNode(params["graph"])
        except ValueError as exc:
            raise Problem(400, "Bad graph IRI", str(exc)) from exc
    return None


def _read(store: Any, graph: ox.NamedNode | None, whole: bool, fmt: str) -> bytes:
    if whole:
        quads = store.quads_for_pattern(None, None, None, None)
        dataset_format = ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG
        return bytes(ox.serialize(quads, format=dataset_format) or b"")
    pattern = store.quads_for_pattern(None, None, None, graph)
    seen = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in pattern}, key=str)
    rdf_format = GRAPH_FORMATS[fmt]
    if rdf_format.supports_datasets:  # TriG and N-Quads write quads: the graph goes out as a default graph
        return bytes(ox.serialize([ox.Quad(t.subject, t.predicate, t.object) for t in seen], format=rdf_format) or b"")
    return bytes(ox.serialize(seen, format=rdf_format) or b"")


@router.get("/store", summary="Read a graph (Graph Store Protocol)")
async def read_graph(request: Request, store: StoreDep) -> Response:
    graph = _target(request)
    whole = graph is None and "default" not in request.query_params
    if graph is not None and not store.oxigraph.contains_named_graph(graph):
        raise Problem(404, "No such graph", f"the store has no graph {graph.value}")
    fmt = choose_media_type(request.headers.get("accept"), "graph", request.query_params.get("format"))
    if whole and fmt not in ("trig", "nquads"):
        fmt = "trig"
    if fmt is None:
        raise Problem(406, "Not acceptable", "no RDF format matches the Accept header")
    body = await anyio.to_thread.run_sync(_read, store.oxigraph, graph, whole, fmt)
    return Response(body, media_type=CANONICAL[fmt] + ("; charset=utf-8" if fmt == "turtle" else ""))


async def _body_triples(request: Request) -> list[Any]:
    content_type = request.headers.get("content-type", "text/turtle").split(";")[0].strip().lower()
    fmt = GRAPH_MEDIA_TYPES.get(content_type)
    if fmt not in _PARSE:
        raise Problem(415, "Unsupported media type", f"cannot read a {content_type} graph")
    try:
        return list(ox.parse(await request.body(), format=_PARSE[fmt]))
    except SyntaxError as exc:
        raise Problem(400, "Malformed graph", str(exc)) from exc


def _write_target(request: Request) -> ox.NamedNode:
    graph = _target(request)
    if graph is None:
        raise Problem(400, "No graph named", "writes need ?graph=IRI (the default graph is the union of documents)")
    return graph


@router.put("/store", status_code=204, dependencies=[Depends(require_write_token)], summary="Replace a graph")
async def put_graph(request: Request, store: StoreDep) -> Response:
    graph, triples = _write_target(request), await _body_triples(request)
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    store.oxigraph.update(f"DROP SILENT GRAPH <{graph.value}>")
    store.oxigraph.extend(quads)
    return Response(status_code=204)


@router.post("/store", status_code=204, dependencies=[Depends(require_write_token)], summary="Add to a graph")
async def post_graph(request: Request, store: StoreDep) -> Response:
    graph, triples = _write_target(request), await _body_triples(request)
    store.oxigraph.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples])
    return Response(status_code=204)


@router.delete("/store", status_code=204, dependencies=[Depends(require_write_token)], summary="Delete a graph")
async def delete_graph(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """Delete a graph; the descriptions of entities only it named go with it."""
    graph = _write_target(request)
    if not store.oxigraph.contains_named_graph(graph):
        raise Problem(404, "No such graph", f"the store has no graph {graph.value}")
    store.oxigraph.remove_graph(graph)
    await anyio.to_thread.run_sync(prune_entities, store, Minter(settings.base_iri))
    return Response(status_code=204)
