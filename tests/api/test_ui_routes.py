"""The routes the browser workbench adds, on the real app in this process (tests/api/conftest.py):
a document's highlights, the vocabulary, what an entity page shows, the labels a graph draws, and
the API reference on local assets. Checked against independent SPARQL on the same app."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from tests.answers import BASE_IRI, assert_problem, get, sparql

OFFICE = "agency/350000/digital-office"
DOCUMENT = "document/fujian_2021_digital_scrambled.txt"


@pytest.fixture(scope="module")
def highlights(client: httpx.Client) -> list[dict[str, Any]]:
    return get(client, f"/api/entities/{DOCUMENT}/highlights")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def text(client: httpx.Client) -> str:
    return get(client, f"/api/documents/{DOCUMENT}")["text"]  # type: ignore[no-any-return]


# --- a document's highlights -----------------------------------------------------------------------


def test_highlights_are_spans_of_the_text_ordered_and_linked(highlights: list[dict[str, Any]], text: str) -> None:
    assert {h["kind"] for h in highlights} == {"initiative", "note", "unit", "platform", "programme", "target"}
    keys = [(h["start"], -h["end"]) for h in highlights]
    assert keys == sorted(keys)
    for h in highlights:
        assert set(h) == {"kind", "start", "end", "entity"} and 0 <= h["start"] < h["end"] <= len(text)
        assert set(h["entity"]) == {"id", "label", "type"} and h["entity"]["label"]
    kinds = {h["kind"]: h["entity"]["type"] for h in highlights}
    assert kinds == {
        "initiative": "initiative",
        "note": "task",
        "unit": "agency",
        "platform": "platform",
        "programme": "programme",
        "target": "target",
    }


def test_units_are_the_responsibilities_the_store_holds(
    client: httpx.Client, highlights: list[dict[str, Any]], text: str
) -> None:
    rows = sparql(
        client,
        f"""SELECT DISTINCT ?a ?start ?end WHERE {{
          ?t a pkg:Task ; prov:wasDerivedFrom <{BASE_IRI}{DOCUMENT}> ; prov:qualifiedAssociation ?r .
          ?r prov:agent ?a ; pkg:source ?s . ?s oa:start ?start ; oa:end ?end }}""",
    )
    stored = {(row["a"].removeprefix(BASE_IRI), int(row["start"]), int(row["end"])) for row in rows}
    shown = {(h["entity"]["id"], h["start"], h["end"]) for h in highlights if h["kind"] == "unit"}
    assert shown == stored


def test_every_unit_lies_in_a_note_that_is_a_bracket(highlights: list[dict[str, Any]], text: str) -> None:
    notes = [h for h in highlights if h["kind"] == "note"]
    assert notes
    for note in notes:
        written = text[note["start"] : note["end"]]
        assert written[0] in "（(" and written[-1] in "）)", written
    for unit in (h for h in highlights if h["kind"] == "unit"):
        assert any(n["start"] < unit["start"] and unit["end"] < n["end"] for n in notes), unit


def test_platforms_and_targets_are_found_where_their_tasks_name_them(
    client: httpx.Client, highlights: list[dict[str, Any]], text: str
) -> None:
    quotes = re.compile(r"[\s“”\"'‘’「」『』]")
    for h in highlights:
        if h["kind"] not in ("platform", "target"):
            continue
        written = quotes.sub("", text[h["start"] : h["end"]])
        if h["kind"] == "platform":
            names = sparql(
                client, f"SELECT ?name WHERE {{ <{BASE_IRI}{h['entity']['id']}> skos:prefLabel|skos:altLabel ?name }}"
            )
            assert written in {quotes.sub("", row["name"]) for row in names}, written
        else:
            assert written == quotes.sub("", h["entity"]["label"])
    programmes = [h for h in highlights if h["kind"] == "programme"]
    assert all(text[h["start"] : h["end"]] for h in programmes)


def test_highlights_of_what_is_no_document(client: httpx.Client) -> None:
    assert_problem(client.get(f"/api/entities/{OFFICE}/highlights"), 404)  # an entity, but no document
    assert_problem(client.get("/api/entities/document/nothing.txt/highlights"), 404)
    assert_problem(client.get("/api/entities/a%3Eb/highlights"), 404)


# --- what an entity page and a graph show ----------------------------------------------------------


def test_an_entity_names_its_facts_and_relations(client: httpx.Client) -> None:
    entity = get(client, f"/api/entities/{OFFICE}")
    assert {"property": "agencyType", "value": "government"} in entity["facts"]
    counts = {(r["relation"], r["direction"]): r["count"] for r in entity["relations"]}
    stored = sparql(client, f"SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE {{ <{BASE_IRI}{OFFICE}> pkg:responsibleFor ?i }}")
    assert counts[("responsibleFor", "out")] == int(stored[0]["n"])
    assert counts[("jurisdiction", "out")] == 1
    assert entity["text"] is None


def test_a_task_is_labelled_by_its_text(client: httpx.Client) -> None:
    task = sparql(
        client,
        f"""SELECT ?t ?start ?end WHERE {{ ?t a pkg:Task ; prov:wasDerivedFrom <{BASE_IRI}{DOCUMENT}> ;
              pkg:source ?s . ?s oa:start ?start ; oa:end ?end }} ORDER BY ?start LIMIT 1""",
    )[0]
    text = get(client, f"/api/documents/{DOCUMENT}")["text"]
    written = text[int(task["start"]) : int(task["end"])].strip()
    entity = get(client, f"/api/entities/{task['t'].removeprefix(BASE_IRI)}")
    assert entity["type"] == "task" and entity["text"] == written
    assert entity["label"] == (written if len(written) <= 60 else written[:59] + "…")


def test_neighbourhood_nodes_are_labelled_by_text_not_ids(client: httpx.Client) -> None:
    found = get(client, f"/api/entities/{OFFICE}/neighbourhood", depth=2, limit=400)
    inner = [n for n in found["nodes"] if n["type"] in ("initiative", "task", "target")]
    assert {n["type"] for n in inner} >= {"initiative", "task"}
    for node in inner:
        assert node["label"] != node["id"] and "/" not in node["label"][:12], node
    titled = sparql(
        client,
        f"""SELECT ?i ?marker ?title WHERE {{ <{BASE_IRI}{OFFICE}> pkg:responsibleFor ?i .
              ?i a pkg:Initiative ; pkg:marker ?marker ; dct:title ?title }} LIMIT 1""",
    )[0]
    node = next(n for n in found["nodes"] if n["id"] == titled["i"].removeprefix(BASE_IRI))
    assert titled["marker"] in node["label"] and titled["title"] in node["label"]


# --- the vocabulary ---------------------------------------------------------------------------------


def test_the_vocabulary(client: httpx.Client) -> None:
    vocabulary = get(client, "/api/vocabulary")
    assert vocabulary["base"] == BASE_IRI
    assert vocabulary["prefixes"]["pkg"] == "https://w3id.org/policykg/ontology#"
    assert {"skos", "prov", "dct", "oa", "org", "rdf", "rdfs", "xsd"} <= set(vocabulary["prefixes"])
    assert {"agency", "platform", "initiative", "task", "document"} <= set(vocabulary["types"])
    assert {"responsibleFor", "leads", "builds", "jurisdiction"} <= set(vocabulary["relations"])
    assert vocabulary["highlights"] == ["initiative", "note", "unit", "platform", "programme", "target"]
    terms = set(vocabulary["terms"])
    assert {"https://w3id.org/policykg/ontology#Agency", "http://www.w3.org/2004/02/skos/core#prefLabel"} <= terms
    # every term of the ontology the editor completes is one the store's ontology defines
    for term in (t for t in terms if t.startswith(vocabulary["prefixes"]["pkg"])):
        assert re.fullmatch(r"https://w3id\.org/policykg/ontology#\w+", term)


# --- the API reference and the pages, served from here ----------------------------------------------


def test_the_api_reference_uses_local_assets(client: httpx.Client) -> None:
    for path in ("/docs", "/redoc"):
        page = client.get(path)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert "cdn.jsdelivr.net" not in page.text and "fonts.googleapis.com" not in page.text
        assert "fastapi.tiangolo.com" not in page.text
        for url in re.findall(r"<(?:script|link)\b[^>]*?\b(?:src|href)=\"([^\"]*)\"", page.text):
            assert url.startswith("/"), url
            assert client.get(url).status_code == 200, url
    assert client.get("/openapi.json").status_code == 200
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")


@pytest.mark.parametrize("page", ["index", "entity", "document", "network", "sparql"])
def test_every_page_loads_only_local_scripts_and_styles(client: httpx.Client, page: str) -> None:
    html = client.get(f"/static/{page}.html")
    assert html.status_code == 200
    assert "<script>" not in html.text
    for url in re.findall(r"<(?:script|link)\b[^>]*?\b(?:src|href)=\"([^\"]*)\"", html.text):
        assert url.startswith("/static/"), url
        assert client.get(url).status_code == 200, url
    assert not re.search(r"\son[a-z]+=", html.text), "an inline event handler"
