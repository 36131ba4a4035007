"""What the HTTP tests share, in this process (tests/api) and on real servers (tests/e2e): the
base of the store's IRIs, the update token the writable configurations take, and the check of
an RFC 9457 problem-details answer."""

from __future__ import annotations

from urllib.parse import unquote

import httpx

BASE_IRI = "https://w3id.org/policykg/id/"
UPDATE_TOKEN = "e2e-secret-token"


def assert_problem(response: httpx.Response, status: int) -> dict:
    """*response* is RFC 9457 problem details with *status*; its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"] == "about:blank"
    assert unquote(body["instance"]) == unquote(response.request.url.path)
    return body
