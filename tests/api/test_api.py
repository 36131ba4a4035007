"""The analysts' API under /api on the real app in this process (tests/api/conftest.py), checked against
independent SPARQL on the same app."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.answers import BASE_IRI, assert_problem, get, sparql

OFFICE = "agency/350000/digital-office"
OFFICE_LABEL = "福建省数字福建建设领导小组办公室"
# --- search and one entity ---------------------------------------------------------------------


def test_search_finds_an_agency_by_a_chinese_alias(client: httpx.Client) -> None:
    hits = get(client, "/api/entities", q="数字办")
    assert hits and all(set(hit) == {"id", "iri", "type", "label", "matched"} for hit in hits)
    assert all("数字办" in hit["matched"] and hit["iri"] == BASE_IRI + hit["id"] for hit in hits)
    office = next(hit for hit in hits if hit["id"] == OFFICE)
    assert office["type"] == "agency" and office["label"] == OFFICE_LABEL
    # an alias that is not part of the preferred name still finds it
    hits = get(client, "/api/entities", q="省数字福建办")
    assert [hit["id"] for hit in hits] == [OFFICE]
    assert hits[0]["label"] == OFFICE_LABEL and "省数字福建办" in hits[0]["matched"]


def test_search_ranks_an_exact_name_first(client: httpx.Client) -> None:
    hits = get(client, "/api/entities", q=OFFICE_LABEL)
    assert hits[0]["id"] == OFFICE and hits[0]["matched"] == OFFICE_LABEL


@pytest.mark.parametrize(("q", "kind"), [("平台", "platform"), ("发展和改革", "agency"), ("福建", "place")])
def test_search_by_type(client: httpx.Client, q: str, kind: str) -> None:
    hits = get(client, "/api/entities", q=q, type=kind, limit=5)
    assert 0 < len(hits) <= 5
    assert all(hit["type"] == kind and q in hit["matched"] for hit in hits)


def test_search_finds_nothing_and_checks_its_parameters(client: httpx.Client) -> None:
    assert get(client, "/api/entities", q="没有这个机构") == []
    assert get(client, "/api/entities", q='"\\ <x> }') == []
    assert get(client, "/api/entities", q="a\r\nb") == []
    assert_problem(client.get("/api/entities"), 422)
    assert_problem(client.get("/api/entities", params={"q": ""}), 422)
    assert_problem(client.get("/api/entities", params={"q": "数字办", "type": "person"}), 422)
    assert_problem(client.get("/api/entities", params={"q": "数字办", "limit": 0}), 422)


def test_one_entity(client: httpx.Client) -> None:
    entity = get(client, f"/api/entities/{OFFICE}")
    assert entity["id"] == OFFICE and entity["iri"] == BASE_IRI + OFFICE
    assert entity["type"] == "agency" and entity["label"] == OFFICE_LABEL
    assert {"数字办", "省数字办", "省数字福建办"} <= set(entity["aliases"]) and OFFICE_LABEL not in entity["aliases"]
    assert entity["jurisdiction"] == {"id": "place/350000", "label": "福建省"}
    documents = {d["id"]: d["title"] for d in entity["documents"]}
    assert documents == {
        "document/fujian_2021_digital_scrambled.txt": "2021年数字福建工作要点",
        "document/fujian_2022_digital.txt": "2022年数字福建工作要点",
    }


def test_other_kinds_of_entity(client: httpx.Client) -> None:
    place = get(client, "/api/entities/place/350000")
    assert place["type"] == "place" and place["label"] == "福建省"
    document = get(client, "/api/entities/document/fujian_2022_digital.txt")
    assert document["type"] == "document" and document["documents"] == [
        {"id": "document/fujian_2022_digital.txt", "title": "2022年数字福建工作要点"}
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/api/entities/agency/350000/nothing",
        "/api/entities/agency/350000/nothing/neighbourhood",
        "/api/documents/document/nothing",
        "/api/agencies/agency/350000/nothing/initiatives",
        "/api/agencies/agency/350000/nothing/platforms",
        "/api/platforms/platform/350000/nothing/agencies",
        # the right id of the wrong kind
        "/api/agencies/place/350000/platforms",
        "/api/platforms/agency/350000/digital-office/agencies",
        "/api/documents/agency/350000/digital-office",
        # ids no IRI can hold must not reach a query
        "/api/entities/a%3Eb",
        "/api/entities/x%3E%20a%20%3Ft%20%7D%20%23",
        "/api/entities/a%20b/neighbourhood",
        '/api/documents/x"y',
        "/api/agencies/a%7Bb/initiatives",
        "/api/platforms/a%5Cb/agencies",
    ],
)
def test_unknown_ids_are_404_problems(client: httpx.Client, path: str) -> None:
    assert_problem(client.get(path), 404)


def test_unknown_paths_are_404_problems(client: httpx.Client) -> None:
    assert_problem(client.get("/api/nothing"), 404)
    assert_problem(client.post("/api/entities", params={"q": "x"}), 405)


# --- neighbourhoods ----------------------------------------------------------------------------


def check_graph(found: dict[str, Any], start: str) -> set[str]:
    assert set(found) == {"nodes", "edges", "truncated"}
    ids = [node["id"] for node in found["nodes"]]
    assert ids[0] == start and len(ids) == len(set(ids))
    assert all(set(node) == {"id", "label", "type"} and node["label"] for node in found["nodes"])
    for edge in found["edges"]:
        assert edge["source"] in ids and edge["target"] in ids, edge
    return set(ids)


def test_a_neighbourhood_one_step_out(client: httpx.Client) -> None:
    found = get(client, f"/api/entities/{OFFICE}/neighbourhood")
    ids = check_graph(found, OFFICE)
    assert found["truncated"] is False
    assert all(OFFICE in (edge["source"], edge["target"]) for edge in found["edges"])
    assert "place/350000" in ids  # its jurisdiction
    assert {"agency/350000/digital-office", "place/350000", "jurisdiction"} <= {
        v for e in found["edges"] for v in e.values()
    }
    # what the store says the office is responsible for, one step out
    initiatives = sparql(client, f"SELECT DISTINCT ?i WHERE {{ <{BASE_IRI}{OFFICE}> pkg:responsibleFor ?i }}")
    assert {row["i"].removeprefix(BASE_IRI) for row in initiatives} <= ids


def test_deeper_neighbourhoods_reach_further(client: httpx.Client) -> None:
    sizes = []
    for depth in (1, 2, 3):
        found = get(client, f"/api/entities/{OFFICE}/neighbourhood", depth=depth, limit=2000)
        sizes.append(len(check_graph(found, OFFICE)))
    assert sizes[0] < sizes[1] <= sizes[2]
    assert_problem(client.get(f"/api/entities/{OFFICE}/neighbourhood", params={"depth": 0}), 422)
    assert_problem(client.get(f"/api/entities/{OFFICE}/neighbourhood", params={"depth": 4}), 422)


def test_neighbourhood_filters(client: httpx.Client) -> None:
    path = f"/api/entities/{OFFICE}/neighbourhood"
    only_initiatives = get(client, path, depth=2, type="initiative")
    check_graph(only_initiatives, OFFICE)
    assert {node["type"] for node in only_initiatives["nodes"][1:]} == {"initiative"}
    two_types = client.get(path, params=[("depth", 2), ("type", "initiative"), ("type", "place")]).json()
    assert {node["type"] for node in two_types["nodes"][1:]} == {"initiative", "place"}

    jurisdiction = get(client, path, relation="jurisdiction")
    check_graph(jurisdiction, OFFICE)
    assert [e["relation"] for e in jurisdiction["edges"]] == ["jurisdiction"]
    assert [node["id"] for node in jurisdiction["nodes"]] == [OFFICE, "place/350000"]

    assert_problem(client.get(path, params={"relation": "owns"}), 422)
    assert_problem(client.get(path, params={"type": "person"}), 422)


def test_the_node_limit(client: httpx.Client) -> None:
    path = f"/api/entities/{OFFICE}/neighbourhood"
    whole = get(client, path, depth=2, limit=2000)
    assert whole["truncated"] is False
    cut = get(client, path, depth=2, limit=5)
    ids = check_graph(cut, OFFICE)
    assert cut["truncated"] is True and len(ids) <= 5
    assert ids <= {node["id"] for node in whole["nodes"]}
    assert_problem(client.get(path, params={"limit": 0}), 422)


@pytest.mark.parametrize("params", [{}, {"depth": 2, "limit": 7}, {"depth": 2, "type": "platform"}])
def test_the_cytoscape_format(client: httpx.Client, params: dict[str, Any]) -> None:
    path = f"/api/entities/{OFFICE}/neighbourhood"
    plain = get(client, path, **params)
    elements = get(client, path, format="cytoscape", **params)
    assert set(elements) == {"elements"} and set(elements["elements"]) == {"nodes", "edges"}
    nodes, edges = elements["elements"]["nodes"], elements["elements"]["edges"]
    assert [n["data"] for n in nodes] == plain["nodes"]
    ids = {n["data"]["id"] for n in nodes}
    assert len(ids) == len(nodes)
    edge_ids = [e["data"]["id"] for e in edges]
    assert len(edge_ids) == len(set(edge_ids)) == len(plain["edges"])
    for edge in edges:
        assert set(edge) == {"data"} and edge["data"]["source"] in ids and edge["data"]["target"] in ids
        assert edge["data"]["label"]
    assert {(e["data"]["source"], e["data"]["label"], e["data"]["target"]) for e in edges} == {
        (e["source"], e["relation"], e["target"]) for e in plain["edges"]
    }
    assert_problem(client.get(path, params={"format": "graphml"}), 422)


# --- analytics ---------------------------------------------------------------------------------


def shared_by_sparql(client: httpx.Client, a: str, b: str, relation: str) -> set[str]:
    rows = sparql(
        client,
        f"""SELECT DISTINCT ?i WHERE {{ <{BASE_IRI}{a}> pkg:{relation} ?i . <{BASE_IRI}{b}> pkg:{relation} ?i .
            ?i a pkg:Initiative }}""",
    )
    return {row["i"].removeprefix(BASE_IRI) for row in rows}


@pytest.mark.parametrize(("lead_only", "relation"), [(False, "responsibleFor"), (True, "leads")])
def test_shared_initiatives(client: httpx.Client, lead_only: bool, relation: str) -> None:
    pairs = get(
        client, "/api/analytics/shared-initiatives", lead_only=str(lead_only).lower(), limit=10, per_pair=10_000
    )
    assert 0 < len(pairs) <= 10
    counts = [pair["shared"] for pair in pairs]
    assert counts == sorted(counts, reverse=True)
    documents = {d["id"] for d in get(client, "/api/documents")}
    for pair in pairs[:4]:
        assert pair["a"]["id"] < pair["b"]["id"] or BASE_IRI + pair["a"]["id"] < BASE_IRI + pair["b"]["id"]
        assert pair["a"]["label"] and pair["b"]["label"]
        listed = {i["id"] for i in pair["initiatives"]}
        assert listed == shared_by_sparql(client, pair["a"]["id"], pair["b"]["id"], relation)
        assert pair["shared"] == len(listed)
        assert all(i["document"] in documents and i["id"].startswith("initiative/") for i in pair["initiatives"])


def test_shared_initiatives_parameters(client: httpx.Client) -> None:
    everything = get(client, "/api/analytics/shared-initiatives", limit=500)
    top = everything[0]["shared"]
    assert top > 1
    at_least = get(client, "/api/analytics/shared-initiatives", min_count=top, limit=500)
    assert at_least and all(pair["shared"] >= top for pair in at_least)
    assert len(at_least) == sum(pair["shared"] >= top for pair in everything)
    assert get(client, "/api/analytics/shared-initiatives", min_count=top + 1000) == []
    assert len(get(client, "/api/analytics/shared-initiatives", limit=3)) == 3
    leads = get(client, "/api/analytics/shared-initiatives", lead_only="true", limit=500)
    assert len(leads) < len(everything)
    assert_problem(client.get("/api/analytics/shared-initiatives", params={"min_count": 0}), 422)
    assert_problem(client.get("/api/analytics/shared-initiatives", params={"limit": 501}), 422)
    assert_problem(client.get("/api/analytics/shared-initiatives", params={"lead_only": "perhaps"}), 422)
    assert_problem(client.get("/api/analytics/shared-initiatives", params={"per_pair": -1}), 422)


def test_shared_initiatives_lists_the_first_of_each_pair(client: httpx.Client) -> None:
    """``per_pair`` caps the initiatives listed, the first by id, while ``shared`` still counts all."""
    every = get(client, "/api/analytics/shared-initiatives", limit=50, per_pair=10_000)
    assert max(pair["shared"] for pair in every) > 2
    for per_pair in (0, 2):
        capped = get(client, "/api/analytics/shared-initiatives", limit=50, per_pair=per_pair)
        assert [(p["a"], p["b"], p["shared"]) for p in capped] == [(p["a"], p["b"], p["shared"]) for p in every]
        for whole, pair in zip(every, capped, strict=True):
            first = sorted(i["id"] for i in whole["initiatives"])[:per_pair]
            assert sorted(i["id"] for i in pair["initiatives"]) == first
            assert [i for i in whole["initiatives"] if i["id"] in first] == pair["initiatives"]


def test_an_agencys_initiatives(client: httpx.Client) -> None:
    initiatives = get(client, f"/api/agencies/{OFFICE}/initiatives")
    ids = {i["id"] for i in initiatives}
    rows = sparql(
        client, f"SELECT DISTINCT ?i WHERE {{ <{BASE_IRI}{OFFICE}> pkg:responsibleFor ?i . ?i a pkg:Initiative }}"
    )
    assert ids == {row["i"].removeprefix(BASE_IRI) for row in rows} and len(ids) > 5
    for initiative in initiatives:
        assert initiative["roles"] and set(initiative["roles"]) <= {"ResponsibleRole", "LeadRole", "SupportingRole"}
        assert initiative["document"] in (
            "document/fujian_2021_digital_scrambled.txt",
            "document/fujian_2022_digital.txt",
        )
        assert initiative["title"]


def test_an_agencys_platforms_and_a_platforms_agencies(client: httpx.Client) -> None:
    platforms = get(client, f"/api/agencies/{OFFICE}/platforms")
    assert platforms
    known = {"builds", "upgrades", "promotes", "connects", "reliesOn", "platformAction"}
    for platform in platforms:
        assert platform["id"].startswith("platform/") and platform["label"] and platform["tasks"] >= 1
        assert platform["actions"] and set(platform["actions"]) <= known
    tasks = [platform["tasks"] for platform in platforms]
    assert tasks == sorted(tasks, reverse=True)
    for platform in platforms[:3]:
        agencies = get(client, f"/api/platforms/{platform['id']}/agencies")
        office = next(agency for agency in agencies if agency["id"] == OFFICE)
        assert office["label"] == OFFICE_LABEL and set(office["actions"]) == set(platform["actions"])
        assert office["tasks"] == platform["tasks"]
        assert get(client, f"/api/entities/{platform['id']}")["type"] == "platform"


# --- documents ---------------------------------------------------------------------------------


def test_the_documents(client: httpx.Client) -> None:
    documents = get(client, "/api/documents")
    assert [d["file"] for d in documents] == sorted(
        [
            "fujian_2021_digital_scrambled.txt",
            "fujian_2022_digital.txt",
            "fuzhou_2025_digital.txt",
            "gov_2018_117_incentive_measures.txt",
            "gov_2018_38_ftz_reform_measures.txt",
            "gov_2018_42_agri_mechanization_opinions.txt",
            "gov_2019_3_bonded_zones_opinions.txt",
            "guangdong_2023_digital_gov.txt",
        ]
    )
    assert all(set(d) == {"id", "file", "title", "number", "issued"} for d in documents)
    by_id = {d["id"]: d for d in documents}
    assert by_id["document/fujian_2022_digital.txt"]["title"] == "2022年数字福建工作要点"
    assert by_id["document/gov_2018_117_incentive_measures.txt"]["number"] == "国办发〔2018〕117号"


def test_every_document_with_offsets_into_its_text(client: httpx.Client) -> None:
    for summary in get(client, "/api/documents"):
        document = get(client, f"/api/documents/{summary['id']}")
        assert {k: document[k] for k in summary} == summary
        text = document["text"]
        assert text and len(text) > 500
        outline = {entry["id"]: entry for entry in document["outline"]}
        for entry in document["outline"]:
            assert 0 <= entry["start"] < entry["end"] <= len(text)
            assert entry["parent"] is None or entry["parent"] in outline
        tasks = {task["id"] for task in document["tasks"]}
        for task in document["tasks"]:
            assert 0 <= task["start"] < task["end"] <= len(text) and task["initiative"] in outline
        assert document["responsibilities"], summary["id"]
        for unit in document["responsibilities"]:
            assert unit["task"] in tasks and unit["role"] in ("ResponsibleRole", "LeadRole", "SupportingRole")
            assert unit["agency"]["id"].startswith("agency/") and unit["agency"]["label"]
            assert text[unit["start"] : unit["end"]] == unit["written"], unit


def test_a_written_unit_resolves_to_its_agency(client: httpx.Client) -> None:
    document = get(client, "/api/documents/document/fujian_2022_digital.txt")
    office = [u for u in document["responsibilities"] if u["agency"]["id"] == OFFICE]
    assert office and {u["written"] for u in office} == {"数字办"}
    assert all(document["text"][u["start"] : u["end"]] == "数字办" for u in office)


# --- the schema --------------------------------------------------------------------------------


def test_openapi_lists_the_paths(client: httpx.Client) -> None:
    schema = get(client, "/openapi.json")
    assert schema["openapi"].startswith("3.")
    assert {
        "/sparql",
        "/store",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/entities/{entity_id}/neighbourhood",
        "/api/analytics/shared-initiatives",
        "/api/agencies/{agency_id}/initiatives",
        "/api/agencies/{agency_id}/platforms",
        "/api/platforms/{platform_id}/agencies",
        "/api/documents",
        "/api/documents/{document_id}",
    } <= set(schema["paths"])
    assert {"Entity", "EntityHit", "SharedPair", "PlatformUse", "DocumentOut"} <= set(schema["components"]["schemas"])
    assert client.get("/docs").status_code == 200
