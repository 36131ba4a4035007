"""Errors as RFC 9457 problem details (``application/problem+json``)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

__all__ = [
    "Problem",
    "ProblemDetails",
    "install_problem_handlers",
    "problem_response",
    "problem_responses",
    "query_parameters",
]

PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(Exception):
    """An error answered as problem details."""

    def __init__(self, status: int, title: str, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail, self.headers = status, title, detail, headers or {}


class ProblemDetails(BaseModel):
    """An error (RFC 9457), as every route answers one."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str


_MEANINGS = {
    400: "the request is malformed (a query, a graph, a parameter)",
    401: "a write without a valid bearer token",
    403: "refused: writes are off, or the query uses SERVICE or LOAD",
    404: "no such entity, document or graph",
    406: "no format the client accepts fits the answer",
    413: "the request body is larger than the server reads, or the answer larger than it writes",
    415: "a body in a format the route cannot read",
    422: "a parameter out of its range or of the wrong type",
    503: "a limit was hit: time, memory or concurrent queries (with Retry-After when trying again helps)",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI ``responses`` of a route for the errors it answers, as problem details.

    >>> sorted(problem_responses(404, 503))
    [404, 503]
    """
    return {
        status: {
            "description": _MEANINGS[status],
            "content": {PROBLEM_MEDIA_TYPE: {"schema": ProblemDetails.model_json_schema()}},
        }
        for status in statuses
    }


def query_parameters(**described: str) -> list[dict[str, Any]]:
    """OpenAPI descriptions of query parameters a route reads from the request itself (the
    protocols' repeatable parameters); a name ending in ``[]`` may be given several times.

    >>> query_parameters(**{"default-graph-uri[]": "a default graph"})[0]["schema"]
    {'type': 'array', 'items': {'type': 'string'}}
    """
    parameters = []
    for name, description in described.items():
        many = name.endswith("[]")
        schema: dict[str, Any] = {"type": "array", "items": {"type": "string"}} if many else {"type": "string"}
        parameter = {"name": name.removesuffix("[]"), "in": "query", "required": False, "schema": schema}
        parameters.append({**parameter, "description": description, **({"explode": True} if many else {})})
    return parameters


def _allowed_methods(request: Request) -> str:
    """Every method some route serves at the request's path: a 405 names them all in ``Allow``."""
    routes = request.app.router.routes
    allowed = [
        method
        for method in ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")
        if any(route.matches({**request.scope, "method": method})[0] == Match.FULL for route in routes)
    ]
    return ", ".join(allowed)


def problem_response(status: int, title: str, detail: Any, instance: str, headers: dict[str, str] | None = None):
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, "instance": instance}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem):
        return problem_response(exc.status, exc.title, exc.detail, request.url.path, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException):
        title = {404: "Not found", 405: "Method not allowed"}.get(exc.status_code, "HTTP error")
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed_methods(request)
        return problem_response(exc.status_code, title, exc.detail, request.url.path, headers)

    @app.exception_handler(Exception)
    async def on_error(request: Request, exc: Exception):  # a bug: still an answer the client can read
        return problem_response(500, "Internal error", f"{type(exc).__name__}: {exc}", request.url.path)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError):
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return problem_response(422, "Invalid request", detail, request.url.path)
