"""The pages the service shows besides its own workbench (``api/static``): the API reference as
Swagger UI at ``/docs`` and as ReDoc at ``/redoc``, both from the copies in ``api/static/vendor``
(installed from the npm registry at set-up), never from a CDN, and the icon.

FastAPI writes both pages. Swagger UI's is started by one inline script: its route allows that
script by its hash and nothing else (:func:`api.security.policy_allowing`). ReDoc's has no inline
script (``<redoc spec-url>`` starts it) but writes its styles into ``<style>`` elements at run
time, so its policy allows inline styles and blob workers (its search index), still no inline script.
ReDoc's sidebar shows Redocly's logo from its CDN, whatever its options: the copy this app sends
(``/docs/redoc.standalone.js``) shows the service's icon instead, so the page asks nothing of another host.
"""

from __future__ import annotations

import re
from functools import cache

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response

from api.routes.sparql import STATIC
from api.security import policy_allowing

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
VENDOR = "/static/vendor"
ICON = "/static/favicon.svg"
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def _title(request: Request) -> str:
    return f"{request.app.title} · API"


def swagger_page(request: Request) -> HTMLResponse:
    """FastAPI's Swagger UI page on the local assets, with a policy allowing its one inline script."""
    page = get_swagger_ui_html(
        openapi_url=request.app.openapi_url,
        title=_title(request),
        swagger_js_url=f"{VENDOR}/swagger-ui-bundle.js",
        swagger_css_url=f"{VENDOR}/swagger-ui.css",
        swagger_favicon_url=ICON,
        # validatorUrl: Swagger UI would otherwise send the schema to validator.swagger.io for a badge
        swagger_ui_parameters={"validatorUrl": None},
    )
    html = bytes(page.body).decode("utf-8")
    policy = policy_allowing(scripts=_INLINE_SCRIPT.findall(html))
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})


def redoc_page(request: Request) -> HTMLResponse:
    """FastAPI's ReDoc page on the local asset, without Google's fonts."""
    page = get_redoc_html(
        openapi_url=request.app.openapi_url,
        title=_title(request),
        redoc_js_url="/docs/redoc.standalone.js",
        redoc_favicon_url=ICON,
        with_google_fonts=False,
    )
    html = bytes(page.body).decode("utf-8")
    if _INLINE_SCRIPT.search(html):  # a FastAPI that starts ReDoc by script would need its hash
        raise RuntimeError("ReDoc's page has an inline script")
    policy = policy_allowing(inline_styles=True, blob_workers=True)
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})


@router.get("/docs")
async def docs(request: Request) -> HTMLResponse:
    return swagger_page(request)


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    return redoc_page(request)


@cache
def redoc_script() -> bytes:
    """The vendored ReDoc with the service's icon in place of Redocly's logo on its CDN."""
    script = (STATIC / "vendor" / "redoc.standalone.js").read_bytes()
    return script.replace(REDOC_LOGO.encode(), ICON.encode())


@router.get("/docs/redoc.standalone.js")
async def redoc_standalone() -> Response:
    return Response(redoc_script(), media_type="text/javascript", headers={"Cache-Control": "public, max-age=3600"})


@router.get("/favicon.ico")
async def favicon() -> FileResponse:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")
