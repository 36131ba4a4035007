"""Security headers on every response: a strict Content-Security-Policy and ``nosniff``.

Why: the labels the service shows (agency, platform and unit names, document titles) are copied
from the documents, so anyone who writes a plan writes into the analysts' browsers (issue 13). The
pages themselves never parse data as HTML (they build the DOM with ``textContent``); this policy
is the second line. It lets a page run only the service's own script files — no inline script,
no ``on…=`` handlers, no ``eval``, no plug-ins, no ``<base>`` — so a label that did reach
``innerHTML`` still could not run. ``X-Content-Type-Options: nosniff`` keeps a browser from
taking a JSON, CSV or text answer for HTML or script.

Every script and style the service's pages use is its own file, the vendored libraries included
(``api/static/vendor``, from the npm registry at set-up), so nothing is fetched from elsewhere.
Two pages it does not write itself get a policy of their own, set by their routes
(:mod:`api.routes.pages`) and built here by :func:`policy_allowing`: Swagger UI at ``/docs`` is
started by one inline script, allowed by its hash and nothing else; ReDoc at ``/redoc`` writes
its styles into ``<style>`` elements at run time, so it may use inline styles, never inline script.

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

import base64
import hashlib
from collections.abc import Iterable

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["STRICT_POLICY", "SecurityHeaders", "policy_allowing", "script_hash"]

_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
STRICT_POLICY = "; ".join(f"{name} {sources}" for name, sources in _DIRECTIVES.items())


def script_hash(script: str) -> str:
    """The CSP source that allows exactly the inline *script*.

    >>> script_hash("alert(1)")
    "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    """
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy_allowing(*, scripts: Iterable[str] = (), inline_styles: bool = False, blob_workers: bool = False) -> str:
    """The strict policy, allowing besides exactly the inline *scripts* (by their hashes), inline
    styles, and workers started from ``blob:`` URLs.

    >>> policy = policy_allowing(scripts=["alert(1)"], inline_styles=True)
    >>> [d for d in policy.split("; ") if d.startswith(("script-src", "style-src"))]
    ["script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='", "style-src 'self' 'unsafe-inline'"]
    """
    directives = dict(_DIRECTIVES)
    hashes = [script_hash(s) for s in scripts]
    if hashes:
        directives["script-src"] = " ".join(["'self'", *hashes])
    if inline_styles:
        directives["style-src"] = "'self' 'unsafe-inline'"
    if blob_workers:
        directives["worker-src"] = "'self' blob:"
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


class SecurityHeaders:
    """Pure ASGI middleware adding ``Content-Security-Policy`` (*policy*, unless the route set
    one) and ``X-Content-Type-Options: nosniff`` to every HTTP response."""

    def __init__(self, app: ASGIApp, *, policy: str = STRICT_POLICY) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", self.policy)
                headers.setdefault("X-Content-Type-Options", "nosniff")
            await send(message)

        await self.app(scope, receive, send_with_headers)
