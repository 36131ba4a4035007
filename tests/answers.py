"""What the HTTP tests share, in this process (tests/api) and on real servers (tests/e2e): the
base of the store's IRIs, the update token the writable configurations take, and the check of
an RFC 9457 problem-details answer."""

from __future__ import annotations

from typing import Any
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


# The prefixes the API tests' queries use.
PREFIXES = """PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dct: <http://purl.org/dc/terms/>
"""


def get(client: httpx.Client, path: str, **params: Any) -> Any:
    """The JSON answer of GET *path*, which must be a 200 with a JSON body."""
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def sparql(client: httpx.Client, query: str) -> list[dict[str, str]]:
    """The rows of SELECT *query* (PREFIXES added) at /sparql, each as {variable: value}."""
    response = client.get("/sparql", params={"query": PREFIXES + query})
    assert response.status_code == 200, response.text
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]
