"""Issue 13, item 7: labels from the store are shown as text, never run as HTML, and every
response carries a Content-Security-Policy that forbids inline script.

The store holds a plan whose title and responsible units are ``<img onerror=…>`` and
``<svg onload=…>`` payloads (see ``conftest.PLAN``); each payload sets ``window.__xss`` if it runs.

The pages run under the strict policy, so the tests wait on selectors (``expect``), never on
``page.wait_for_function`` with a string: that is ``eval`` in the page, which the policy forbids.
"""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

from tests.ui.conftest import MARK, SVG_PAYLOAD, TITLE_PAYLOAD, UNIT_PAYLOAD, screenshot

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
}
# Elements a payload would create if it were parsed as HTML; the pages themselves have none (their
# scripts are files, as the policy requires).
INJECTED = "img, svg, script, iframe, object"
INJECTED_ANYWHERE = "img, svg, script:not([src]), iframe, object"
SPARQL_LABELS = f"""PREFIX pkg: <https://w3id.org/policykg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT DISTINCT ?entity ?label WHERE {{
  {{ ?entity a pkg:Agency ; skos:prefLabel ?label }} UNION {{ ?entity a pkg:PolicyDocument ; dct:title ?label }}
  FILTER (CONTAINS(STR(?label), "{MARK}"))
}} ORDER BY ?label"""


def policy(headers: httpx.Headers | dict[str, str]) -> dict[str, str]:
    """The Content-Security-Policy of *headers* as {directive: sources}."""
    value = {k.lower(): v for k, v in headers.items()}.get("content-security-policy", "")
    return {d.split()[0]: " ".join(d.split()[1:]) for d in (p.strip() for p in value.split(";")) if d}


def assert_strict(headers: httpx.Headers | dict[str, str], where: str) -> None:
    found = policy(headers)
    assert {k: found.get(k) for k in STRICT} == STRICT, f"{where}: Content-Security-Policy {found or 'missing'}"
    nosniff = {k.lower(): v for k, v in headers.items()}.get("x-content-type-options")
    assert nosniff == "nosniff", f"{where}: X-Content-Type-Options {nosniff!r}"


def assert_nothing_ran(page, container: str) -> None:
    assert page.evaluate("window.__xss") is None, "a payload from the store ran as script"
    assert page.locator(f"{container} :is({INJECTED})").count() == 0, page.inner_html(container)
    assert page.locator(INJECTED_ANYWHERE).count() == 0, page.content()


# --- headers, without a browser -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/", "text/html"),
        ("/static/index.html", "text/html"),
        ("/static/sparql.js", "*/*"),
        ("/sparql", "text/html"),  # the editor
        ("/sparql", "text/turtle"),  # the service description
        (f"/api/entities?q={MARK}", "application/json"),
        ("/api/entities/no/such/thing", "application/json"),  # problem details
    ],
)
def test_every_response_carries_the_strict_policy(ui_server: str, path: str, accept: str) -> None:
    response = httpx.get(ui_server + path, headers={"Accept": accept}, follow_redirects=False, timeout=20)
    assert response.status_code < 500, response.text
    assert_strict(response.headers, f"{path} ({response.status_code})")


def test_the_editor_is_html_and_the_search_is_json(ui_server: str) -> None:
    editor = httpx.get(ui_server + "/sparql", headers={"Accept": "text/html"}, timeout=20)
    assert editor.headers["content-type"].startswith("text/html") and "<textarea" in editor.text
    hits = httpx.get(ui_server + "/api/entities", params={"q": MARK}, timeout=20).json()
    labels = " ".join(hit["label"] for hit in hits)
    assert TITLE_PAYLOAD in labels and UNIT_PAYLOAD in labels and SVG_PAYLOAD in labels


def test_docs_keep_working_under_a_relaxed_policy(ui_server: str) -> None:
    """/docs and /redoc load Swagger UI and ReDoc from a CDN with inline script: they are exempt
    from the strict script and style sources, but not from the rest."""
    for path in ("/docs", "/redoc"):
        response = httpx.get(ui_server + path, timeout=20)
        assert response.status_code == 200
        found = policy(response.headers)
        assert "script-src" not in found and "default-src" not in found, found
        assert found.get("object-src") == "'none'" and found.get("frame-ancestors") == "'none'", found
        assert response.headers.get("x-content-type-options") == "nosniff"


# --- in Chromium --------------------------------------------------------------------------------


def test_search_shows_hostile_labels_as_text(page) -> None:
    response = page.goto("/")
    assert response is not None and response.ok
    page.fill("#q", MARK)
    page.press("#q", "Enter")
    expect(page.locator("#hits li")).to_have_count(3)
    page.wait_for_timeout(200)  # let an injected <img> fail to load and fire onerror, if there is one
    screenshot(page, "ui-home-search")
    assert_nothing_ran(page, "#hits")
    text = page.inner_text("#hits")
    assert TITLE_PAYLOAD in text and UNIT_PAYLOAD in text and SVG_PAYLOAD in text, text
    # The links still lead to the entities, whatever their ids hold.
    links = page.locator("#hits a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 6
    for link in links:
        assert page.request.get(link).ok, link
    assert page.problems == [], page.problems
    assert_strict(response.headers, "the home page in the browser")


def test_sparql_editor_shows_hostile_results_and_errors_as_text(page) -> None:
    response = page.goto("/sparql")
    assert response is not None and response.ok
    page.fill("#query", SPARQL_LABELS)
    page.click("#run")
    page.wait_for_selector("#results table")
    page.wait_for_timeout(200)
    screenshot(page, "ui-sparql-results")
    assert_nothing_ran(page, "#results")
    text = page.inner_text("#results")
    assert TITLE_PAYLOAD in text and UNIT_PAYLOAD in text and SVG_PAYLOAD in text, text
    assert "3 rows" in text

    page.select_option("#accept", "text/csv")
    page.click("#run")
    page.wait_for_selector("#results pre:not(.error)")
    assert_nothing_ran(page, "#results")
    assert UNIT_PAYLOAD.replace('"', '""') in page.inner_text("#results pre")  # CSV doubles quotes

    # The server's own error for a malformed query.
    page.select_option("#accept", "application/sparql-results+json")
    page.fill("#query", f"SELECT * WHERE {{ ?s ?p {UNIT_PAYLOAD} }}")
    page.click("#run")
    page.wait_for_selector("#results pre.error")
    assert page.inner_text("#status") == "400 Malformed query"
    assert page.inner_text("#results pre.error").strip()
    assert_nothing_ran(page, "#results")

    # No message of the server quotes the query today; one that did (or a proxy's error page) would
    # be shown as text too. The answer is stood in for by the browser, the page is the real one.
    hostile = {"type": "about:blank", "title": f"Bad {SVG_PAYLOAD}", "status": 400, "detail": TITLE_PAYLOAD}
    page.route("**/sparql", lambda route: route.fulfill(status=400, json=hostile))
    page.click("#run")
    expect(page.locator("#status")).to_have_text(f"400 Bad {SVG_PAYLOAD}")
    page.wait_for_timeout(200)
    screenshot(page, "ui-sparql-error")
    assert_nothing_ran(page, ":is(#results, #status)")
    assert page.inner_text("#results pre.error") == TITLE_PAYLOAD
    page.route("**/sparql", lambda route: route.fulfill(status=502, body=UNIT_PAYLOAD, content_type="text/html"))
    page.click("#run")
    expect(page.locator("#status")).to_have_text(re.compile(r"^502\b"))
    page.wait_for_timeout(200)
    assert_nothing_ran(page, ":is(#results, #status)")
    assert page.inner_text("#results pre.error") == UNIT_PAYLOAD

    assert [p for p in page.problems if "status of 400" not in p and "status of 502" not in p] == [], page.problems
    assert_strict(response.headers, "the SPARQL editor in the browser")
