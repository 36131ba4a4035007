"""The SPARQL 1.1 Protocol at ``/sparql``: one router any FastAPI app can mount.

Queries by GET ``?query=``, POST form and POST ``application/sparql-query``, with
``default-graph-uri`` and ``named-graph-uri``; updates by POST form ``update=`` or
``application/sparql-update``, off unless a token is configured. Without a query the endpoint
describes itself (``sd:Service``), or shows the query editor to a browser.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from urllib.parse import parse_qs

import anyio
from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from api import operations
from api.deps import SettingsDep, StoreClient, StoreDep, require_write_token
from api.negotiation import CANONICAL, choose_media_type, parse_accept
from api.problems import Problem, problem_responses, query_parameters
from api.sparql_engine import (
    DatasetConflict,
    NotAcceptable,
    NotAQuery,
    QueryRefused,
    QueryTooLong,
    ResultTooLarge,
)
from api.worker import OFF_LOOP_BYTES
from graph.settings import Settings

__all__ = ["router"]

router = APIRouter(tags=["SPARQL"], responses=problem_responses(400, 403, 406, 413, 503))
STATIC = Path(__file__).resolve().parent.parent / "static"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
_RDFLIB_FORMATS = {
    "turtle": "turtle",
    "ntriples": "nt",
    "jsonld": "json-ld",
    "rdfxml": "xml",
    "trig": "trig",
    "nquads": "nquads",
}


def _media_type(fmt: str) -> str:
    media = CANONICAL[fmt]
    return media + "; charset=utf-8" if media.startswith("text/") else media


async def _answer_query(
    request: Request,
    store: StoreClient,
    settings: Settings,
    query: str,
    defaults: list[str],
    named: list[str],
    format_parameter: str | None = None,
) -> Response:
    parameter = format_parameter or request.query_params.get("format") or request.query_params.get("output")
    accept = request.headers.get("accept")
    formats = {kind: choose_media_type(accept, kind, parameter) for kind in ("results", "graph")}
    endpoint = str(request.url.replace(query=""))
    try:
        answer = await store.run(
            operations.sparql_query,
            query,
            formats,
            settings.query_timeout,
            settings.max_result_bytes,
            defaults,
            named,
            endpoint,
        )
    except NotAQuery as exc:
        raise Problem(400, "Not a query", str(exc)) from exc
    except SyntaxError as exc:
        raise Problem(400, "Malformed query", str(exc)) from exc
    except QueryRefused as exc:
        raise Problem(403, "Query refused", str(exc)) from exc
    except QueryTooLong as exc:  # the engine's own deadline, met while writing the answer
        detail = f"the query ran past the time limit of {settings.query_timeout:g} s"
        raise Problem(503, "Query timeout", detail) from exc
    except ResultTooLarge as exc:
        raise Problem(413, "Answer too large", str(exc)) from exc
    except NotAcceptable as exc:
        raise Problem(406, "Not acceptable", f"no {exc.kind} format matches Accept: {accept}") from exc
    except ValueError as exc:  # a default-graph-uri or named-graph-uri that is not an IRI
        raise Problem(400, "Bad request", str(exc)) from exc
    except OSError as exc:
        raise Problem(500, "Query failed", str(exc)) from exc
    return Response(answer.body, media_type=_media_type(answer.format), headers={"Vary": "Accept"})


async def _answer_update(
    request: Request,
    store: StoreClient,
    settings: Settings,
    update: str,
    form: dict[str, list[str]] | None = None,
) -> Response:
    require_write_token(request, settings)
    endpoint = str(request.url.replace(query=""))
    fields, url_params = form or {}, request.query_params
    using = fields.get("using-graph-uri", []) + url_params.getlist("using-graph-uri")
    using_named = fields.get("using-named-graph-uri", []) + url_params.getlist("using-named-graph-uri")
    try:
        await store.run(
            operations.sparql_update, update, settings.allow_load, endpoint, using, using_named, writes=True
        )
    except (SyntaxError, DatasetConflict) as exc:
        raise Problem(400, "Malformed update", str(exc)) from exc
    except QueryRefused as exc:
        raise Problem(403, "Update refused", str(exc)) from exc
    except ValueError as exc:  # a using-graph-uri that is not an IRI
        raise Problem(400, "Bad request", str(exc)) from exc
    except OSError as exc:  # a LOAD (where allowed) that could not read its source
        raise Problem(400, "Update failed", str(exc)) from exc
    return Response(status_code=204)


def _wants_html(request: Request) -> bool:
    ranges = parse_accept(request.headers.get("accept"))
    return bool(ranges) and ranges[0][0] in ("text/html", "application/xhtml+xml")


def service_description(endpoint: str, settings: Settings) -> Graph:
    """The ``sd:Service`` of this endpoint."""
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service = URIRef(endpoint)
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, service))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if settings.update_token:
        graph.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                 "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"):  # fmt: skip
        graph.add((service, SD.resultFormat, FORMATS[name]))
    graph.add((service, URIRef("http://purl.org/dc/terms/title"), Literal("policykg SPARQL endpoint", lang="en")))
    return graph


def _describe(request: Request, settings: Settings) -> Response:
    if _wants_html(request):
        return FileResponse(STATIC / "sparql.html", media_type="text/html")
    fmt = choose_media_type(request.headers.get("accept"), "graph")
    if fmt is None:
        raise Problem(406, "Not acceptable", "no RDF format matches the Accept header")
    graph = service_description(str(request.url.remove_query_params(["query"])), settings)
    return Response(graph.serialize(format=_RDFLIB_FORMATS[fmt]), media_type=_media_type(fmt))


def _one(values: list[str], name: str) -> str | None:
    """The single value of a protocol parameter; two are ambiguous (SPARQL 1.1 Protocol 2.1)."""
    if len(values) > 1:
        raise Problem(400, "Ambiguous request", f"{len(values)} {name} parameters; send exactly one")
    return values[0] if values else None


_DATASET = {
    "default-graph-uri[]": "a graph of the query's default graph (instead of the union of all graphs)",
    "named-graph-uri[]": "a graph the query may name in GRAPH",
}
_FORMAT = {"format": "the answer's format when Accept cannot say it: json, xml, csv, tsv, turtle, ntriples, jsonld, …"}
_TEXT = {"schema": {"type": "string"}}
_GET_DOCS = {
    "parameters": query_parameters(
        query="the SPARQL query (without it: the service description)", **_DATASET, **_FORMAT
    )
}
_POST_DOCS = {
    "parameters": query_parameters(
        **_DATASET,
        **{"using-graph-uri[]": "USING for an update", "using-named-graph-uri[]": "USING NAMED for an update"},
    ),
    "requestBody": {
        "required": True,
        "content": {
            "application/sparql-query": _TEXT,
            "application/sparql-update": _TEXT,
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "query": {"type": "string"},
                        "update": {"type": "string", "description": "needs Authorization: Bearer <token>"},
                        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                    },
                }
            },
        },
    },
}


@router.get(
    "/sparql",
    openapi_extra=_GET_DOCS,
    summary="SPARQL query (GET), service description, or the query editor",
)
async def sparql_get(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    params = request.query_params
    if "update" in params:
        raise Problem(405, "Method not allowed", "updates must be sent by POST", {"Allow": "POST"})
    query = _one(params.getlist("query"), "query")
    if query is None or not query.strip():
        return _describe(request, settings)
    return await _answer_query(
        request, store, settings, query, params.getlist("default-graph-uri"), params.getlist("named-graph-uri")
    )


async def _form(request: Request) -> dict[str, list[str]]:
    """A multipart form's fields as text; a field sent as a file (``curl -F query=@q.rq``) is read."""
    fields: dict[str, list[str]] = {}
    async with request.form() as form:
        for name, value in form.multi_items():
            text = value if isinstance(value, str) else (await value.read()).decode("utf-8", errors="replace")
            fields.setdefault(name, []).append(text)
    return fields


async def _text(request: Request) -> str:
    """The body as UTF-8, the only encoding the SPARQL media types have (SPARQL 1.1 Protocol 2.1):
    a body that declares another charset is refused (415) rather than misread, and one that is
    not valid UTF-8 is refused (400), so a query never silently matches nothing."""
    for parameter in request.headers.get("content-type", "").split(";")[1:]:
        key, _, value = parameter.partition("=")
        charset = value.strip().strip('"')
        if key.strip().lower() == "charset" and charset.lower().replace("-", "") != "utf8":
            detail = f"SPARQL requests are UTF-8; this body declares {charset}: send it as UTF-8"
            raise Problem(415, "Unsupported charset", detail)
    try:
        return (await request.body()).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Problem(400, "Undecodable body", f"the body is not valid UTF-8: {exc.reason}") from exc


async def _url_form(request: Request) -> dict[str, list[str]]:
    """A urlencoded form's fields; a large one parsed in a thread (an 8 MB query takes about 50 ms),
    so that the event loop answers other clients meanwhile."""
    text = await _text(request)
    parse = partial(parse_qs, text, keep_blank_values=True)
    return parse() if len(text) < OFF_LOOP_BYTES else await anyio.to_thread.run_sync(parse)


@router.post(
    "/sparql",
    openapi_extra=_POST_DOCS,
    responses=problem_responses(401, 413, 415),
    summary="SPARQL query or update (POST form, sparql-query, sparql-update)",
)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """A query or an update, by media type; a body without one is refused rather than guessed
    at, so a stray POST never runs as an update."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    url_params = request.query_params
    if content_type == "application/sparql-query":
        defaults, named = url_params.getlist("default-graph-uri"), url_params.getlist("named-graph-uri")
        return await _answer_query(request, store, settings, await _text(request), defaults, named)
    if content_type == "application/sparql-update":
        return await _answer_update(request, store, settings, await _text(request))
    if content_type == "multipart/form-data":
        form = await _form(request)
    elif content_type == "application/x-www-form-urlencoded":
        form = await _url_form(request)
    else:
        expected = "application/sparql-query, application/sparql-update or a form"
        detail = f"cannot read a {content_type or 'body without a Content-Type'} as a SPARQL request; send {expected}"
        raise Problem(415, "Unsupported media type", detail)
    update, query = _one(form.get("update", []), "update"), _one(form.get("query", []), "query")
    if update is not None and query is not None:
        raise Problem(400, "Ambiguous request", "a form with both query= and update=")
    if update is not None:
        return await _answer_update(request, store, settings, update, form)
    if query is not None:
        defaults = form.get("default-graph-uri", []) + url_params.getlist("default-graph-uri")
        named = form.get("named-graph-uri", []) + url_params.getlist("named-graph-uri")
        parameter = next(iter(form.get("format") or form.get("output") or []), None)
        return await _answer_query(request, store, settings, query, defaults, named, parameter)
    raise Problem(400, "Missing query", "send query= or update= in the form")
