"""Exports and agency rankings over HTTP, on the real app in this process (tests/api/conftest.py),
and the filters of the shared initiatives, checked against the app's own SPARQL endpoint and
its other routes."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import httpx
import networkx as nx
import pytest

from tests.answers import assert_problem

OFFICE = "agency/350000/digital-office"
MEDIA_TYPES = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "cytoscape": "application/json",
    "nodelink": "application/json",
    "csv": "application/zip",
    "svg": "image/svg+xml",
    "png": "image/png",
    "html": "text/html",
}
SUFFIXES = {"cytoscape": "cyjs", "nodelink": "json", "csv": "zip"}


def get(client: httpx.Client, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def download(client: httpx.Client, **params: Any) -> httpx.Response:
    response = client.get("/api/export", params=params)
    assert response.status_code == 200, response.text
    return response


@pytest.mark.parametrize("fmt", list(MEDIA_TYPES))
def test_every_format_is_a_download(client: httpx.Client, fmt: str) -> None:
    response = download(client, format=fmt, view="neighbourhood", entity=OFFICE)
    assert response.headers["content-type"].split(";")[0] == MEDIA_TYPES[fmt]
    suffix = SUFFIXES.get(fmt, fmt)
    assert (
        response.headers["content-disposition"]
        == f'attachment; filename="policykg-neighbourhood-agency-350000-digital-office.{suffix}"'
    )
    assert len(response.content) > 1000


def test_the_neighbourhood_export_is_the_neighbourhood(patient_client: httpx.Client) -> None:
    """Two steps deep, the export holds the nodes and edges the neighbourhood route shows."""
    shown = get(patient_client, f"/api/entities/{OFFICE}/neighbourhood", depth=2, limit=2000)
    read = nx.node_link_graph(
        download(patient_client, format="nodelink", view="neighbourhood", entity=OFFICE, depth=2).json(),
        edges="edges",
    )
    assert set(read) == {node["id"] for node in shown["nodes"]}
    assert {(u, v) for u, v in read.edges} == {(e["source"], e["target"]) for e in shown["edges"]}
    assert read.nodes[OFFICE]["label"] == shown["nodes"][0]["label"]


def test_the_agencies_export_is_the_ranking(client: httpx.Client) -> None:
    ranked = get(client, "/api/analytics/agencies", top=1000)
    read = nx.read_graphml(io.BytesIO(download(client, format="graphml", view="agencies").content))
    assert set(read) == {agency["id"] for agency in ranked}
    for agency in ranked[:10]:
        node = read.nodes[agency["id"]]
        assert (node["label"], node["community"], node["degree"]) == (
            agency["label"],
            agency["community"],
            agency["degree"],
        )
        assert read.degree(agency["id"]) == agency["degree"]
        assert read.degree(agency["id"], weight="weight") == agency["weighted_degree"]


def test_the_csv_export_holds_gephis_tables(client: httpx.Client) -> None:
    with zipfile.ZipFile(io.BytesIO(download(client, format="csv", view="platforms").content)) as archive:
        nodes = archive.read("nodes.csv").decode("utf-8").splitlines()
        edges = archive.read("edges.csv").decode("utf-8").splitlines()
    assert nodes[0].startswith("Id,Label,") and edges[0].startswith("Source,Target,Weight,")
    assert len(nodes) > 50 and len(edges) > 50


def test_export_errors_are_problems(client: httpx.Client) -> None:
    body = assert_problem(client.get("/api/export", params={"format": "gexf", "view": "neighbourhood"}), 422)
    assert "entity" in body["detail"]
    assert_problem(client.get("/api/export", params={"format": "gexf", "view": "neighbourhood", "entity": ""}), 422)
    missing = {"format": "gexf", "view": "neighbourhood", "entity": "agency/350000/nothing"}
    assert "agency/350000/nothing" in assert_problem(client.get("/api/export", params=missing), 404)["detail"]
    assert_problem(client.get("/api/export", params={"format": "docx"}), 422)
    assert_problem(client.get("/api/export", params={"format": "png", "view": "everything"}), 422)
    assert_problem(client.get("/api/export", params={"format": "png", "view": "agencies", "depth": 4}), 422)
    assert_problem(client.get("/api/export"), 422)


def test_agencies_are_ranked(client: httpx.Client) -> None:
    top = get(client, "/api/analytics/agencies", top=5)
    assert len(top) == 5 and top[0]["id"] == OFFICE
    assert set(top[0]) == {
        "id",
        "label",
        "degree",
        "weighted_degree",
        "betweenness",
        "community",
        "lead_load",
        "initiatives",
        "documents",
        "years",
    }
    assert top[0]["years"] == [2021, 2022] and top[0]["documents"] == 2
    assert [a["weighted_degree"] for a in top] == sorted((a["weighted_degree"] for a in top), reverse=True)
    led = {a["id"]: a["lead_load"] for a in get(client, "/api/analytics/agencies", top=1000)}
    by_sparql = client.get(
        "/sparql",
        params={
            "query": "SELECT ?a (COUNT(DISTINCT ?i) AS ?n) WHERE { ?a <https://w3id.org/policykg/ontology#leads> ?i ."
            " ?i a <https://w3id.org/policykg/ontology#Initiative> } GROUP BY ?a"
        },
        headers={"accept": "application/sparql-results+json"},
    ).json()["results"]["bindings"]
    base = "https://w3id.org/policykg/id/"
    assert {row["a"]["value"].removeprefix(base): int(row["n"]["value"]) for row in by_sparql} == {
        agency: n for agency, n in led.items() if n
    }
    guangdong = get(client, "/api/analytics/agencies", top=100, jurisdiction="广东省")
    assert guangdong and all(a["id"].startswith("agency/440000/") and a["years"] == [2023] for a in guangdong)
    assert_problem(client.get("/api/analytics/agencies", params={"top": 0}), 422)


@pytest.mark.parametrize(
    ("filters", "documents"),
    [
        ({"jurisdiction": "350000"}, {"fujian_2021_digital_scrambled.txt", "fujian_2022_digital.txt"}),
        ({"jurisdiction": "福建省"}, {"fujian_2021_digital_scrambled.txt", "fujian_2022_digital.txt"}),
        ({"year": 2022}, {"fujian_2022_digital.txt"}),
        ({"document": "document/fujian_2022_digital.txt"}, {"fujian_2022_digital.txt"}),
    ],
)
def test_shared_initiatives_filters(client: httpx.Client, filters: dict[str, Any], documents: set[str]) -> None:
    every = {"limit": 500, "per_pair": 10_000}
    pairs = get(client, "/api/analytics/shared-initiatives", **every, **filters)
    assert pairs and {i["document"] for p in pairs for i in p["initiatives"]} == {f"document/{d}" for d in documents}
    everything = {(p["a"]["id"], p["b"]["id"]): p for p in get(client, "/api/analytics/shared-initiatives", **every)}
    for pair in pairs:  # the same pairs as over every document, counting only these documents' initiatives
        whole = everything[(pair["a"]["id"], pair["b"]["id"])]
        kept = [i for i in whole["initiatives"] if i["document"] in {f"document/{d}" for d in documents}]
        assert pair["initiatives"] == kept and pair["shared"] == len(kept)
    assert get(client, "/api/analytics/shared-initiatives", year=1999) == []
    assert_problem(client.get("/api/analytics/shared-initiatives", params={"year": "soon"}), 422)


def test_the_routes_are_in_the_openapi_document(client: httpx.Client) -> None:
    paths = json.loads(client.get("/openapi.json").text)["paths"]
    assert {"/api/export", "/api/analytics/agencies"} <= set(paths)
    parameters = {p["name"] for p in paths["/api/analytics/shared-initiatives"]["get"]["parameters"]}
    assert {"lead_only", "min_count", "limit", "document", "jurisdiction", "year", "per_pair"} <= parameters
    assert set(paths["/api/export"]["get"]["responses"]["200"]["content"]) == set(MEDIA_TYPES.values()) - {
        "text/html"
    } | {"text/html; charset=utf-8"}
