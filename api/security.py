"""Security headers on every response: a strict Content-Security-Policy and ``nosniff``.

Why: the labels the service shows (agency, platform and unit names, document titles) are copied
from the documents, so anyone who writes a plan writes into the analysts' browsers (issue 13). The
pages themselves never parse data as HTML (they build the DOM with ``textContent``); this policy
is the second line. It lets a page run only the service's own script files — no inline script,
no ``on…=`` handlers, no ``eval``, no plug-ins, no ``<base>`` — so a label that did reach
``innerHTML`` still could not run. ``X-Content-Type-Options: nosniff`` keeps a browser from
taking a JSON, CSV or text answer for HTML or script.

FastAPI's ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) load their scripts and styles from a CDN
and start them with inline script, which the strict policy forbids. Rather than list a CDN and
``'unsafe-inline'`` (which would be untested here: this machine reaches no CDN), those paths get a
relaxed policy that restricts only what cannot break them: plug-ins, ``<base>`` and framing.
They render the OpenAPI schema, which comes from the code, not from the store.

A route may set its own ``Content-Security-Policy``; it is kept. Responses written by Starlette's
outermost error middleware (an unhandled exception's plain ``500``) do not pass through here.

>>> import asyncio
>>> async def hello(scope, receive, send):
...     await send({"type": "http.response.start", "status": 200, "headers": []})
...     await send({"type": "http.response.body", "body": b"hello"})
>>> sent = []
>>> async def collect(message):
...     sent.append(message)
>>> asyncio.run(SecurityHeaders(hello)({"type": "http", "path": "/"}, None, collect))
>>> headers = dict(sent[0]["headers"])
>>> headers[b"content-security-policy"].decode() == STRICT_POLICY, headers[b"x-content-type-options"]
(True, b'nosniff')
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["DOCS_PATHS", "RELAXED_POLICY", "STRICT_POLICY", "SecurityHeaders"]

STRICT_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
RELAXED_POLICY = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
# FastAPI's default docs_url, redoc_url and (below /docs) swagger_ui_oauth2_redirect_url.
DOCS_PATHS = ("/docs", "/redoc")


class SecurityHeaders:
    """Pure ASGI middleware adding ``Content-Security-Policy`` and ``X-Content-Type-Options``
    to every HTTP response; *relaxed_paths* (and the paths below them) get *relaxed_policy*.

    >>> headers = SecurityHeaders(app=print)
    >>> [headers.policy_for(p) == RELAXED_POLICY for p in ("/docs", "/docs/oauth2-redirect", "/docsx", "/")]
    [True, True, False, False]
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        policy: str = STRICT_POLICY,
        relaxed_policy: str = RELAXED_POLICY,
        relaxed_paths: Iterable[str] = DOCS_PATHS,
    ) -> None:
        self.app = app
        self.policy = policy
        self.relaxed_policy = relaxed_policy
        self.relaxed_paths = tuple(p.rstrip("/") for p in relaxed_paths)

    def policy_for(self, path: str) -> str:
        """The policy for a request to *path*."""
        relaxed = any(path == p or path.startswith(p + "/") for p in self.relaxed_paths)
        return self.relaxed_policy if relaxed else self.policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.policy_for(scope["path"])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", policy)
                headers.setdefault("X-Content-Type-Options", "nosniff")
            await send(message)

        await self.app(scope, receive, send_with_headers)
