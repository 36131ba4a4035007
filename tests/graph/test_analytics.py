"""Analytics on the samples built once per session (``built_store``): the one count of shared
initiatives, with its filters, against SPARQL asked independently; the agency network, its
profiles, platforms and recurrence; and ``policykg shared``, ``summary`` and ``analyze``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from graph.analytics import (
    Facts,
    agency_platform_network,
    agency_profiles,
    analyze,
    co_responsibility_network,
    recurring_initiatives,
    shared_initiatives,
)
from graph.explore import Explorer
from graph.facts import initiative_members, read_documents, read_facts, select_documents
from graph.iris import DEFAULT_BASE
from graph.queries import PREFIXES, shared_initiatives_query
from graph.results import text_width
from graph.store import KnowledgeStore
from tests.conftest import SAMPLES, copy_store
from tests.graph import test_cli
from tests.graph.test_cli import Policykg

policykg = test_cli.policykg  # the fixture that runs a command in this process

OFFICE = "agency/350000/digital-office"
FUJIAN = {
    DEFAULT_BASE + "document/fujian_2021_digital_scrambled.txt",
    DEFAULT_BASE + "document/fujian_2022_digital.txt",
}


@pytest.fixture(scope="module")
def store_folder(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One closed copy of the built samples for this module: opened by a test, or by a command."""
    return copy_store(built_store, tmp_path_factory.mktemp("analytics"))


@pytest.fixture
def reader(store_folder: Path):
    with KnowledgeStore(store_folder, create=False) as opened:
        yield opened


@pytest.fixture(scope="module")
def facts(store_folder: Path) -> Facts:
    with KnowledgeStore(store_folder, create=False) as store:
        return read_facts(store, DEFAULT_BASE)


def sparql_pairs(store: KnowledgeStore, relation: str = "pkg:responsibleFor", documents: set[str] | None = None):
    """Each pair's shared initiatives, counted by the store (an aggregate written for this test)."""
    within = (
        f"VALUES ?d {{ {' '.join(f'<{d}>' for d in sorted(documents))} }} ?i prov:wasDerivedFrom ?d ."
        if documents
        else ""
    )
    rows = store.select(
        PREFIXES
        + f"""SELECT ?a ?b (COUNT(DISTINCT ?i) AS ?n) WHERE {{
          {within} ?a {relation} ?i . ?b {relation} ?i . ?i a pkg:Initiative . FILTER (STR(?a) < STR(?b))
        }} GROUP BY ?a ?b"""
    )
    return {(row["a"].value, row["b"].value): int(row["n"].value) for row in rows}


# --- the one count ---------------------------------------------------------------------------


@pytest.mark.parametrize(("lead_only", "relation"), [(False, "pkg:responsibleFor"), (True, "pkg:leads")])
def test_the_store_pairs_are_the_aggregate(reader: KnowledgeStore, lead_only: bool, relation: str) -> None:
    members = initiative_members(reader, lead_only=lead_only)
    counted = {(p.a, p.b): p.shared for p in shared_initiatives(members)}
    assert counted == sparql_pairs(reader, relation) and len(counted) > 10
    aggregate = reader.select(shared_initiatives_query(lead_only=lead_only))
    ranked = [(row["a"].value, row["b"].value, int(row["shared"].value)) for row in aggregate]
    explorer = Explorer(reader, DEFAULT_BASE)
    found = explorer.shared_initiatives(lead_only=lead_only, limit=500)
    assert [(DEFAULT_BASE + p["a"]["id"], DEFAULT_BASE + p["b"]["id"], p["shared"]) for p in found] == ranked


@pytest.mark.parametrize(
    ("filters", "documents"),
    [
        ({"jurisdiction": "350000"}, FUJIAN),
        ({"jurisdiction": "福建"}, FUJIAN),
        ({"jurisdiction": "福建省", "year": 2022}, {DEFAULT_BASE + "document/fujian_2022_digital.txt"}),
        ({"document": "document/fujian_2022_digital.txt"}, {DEFAULT_BASE + "document/fujian_2022_digital.txt"}),
        (
            {"document": "fujian_2021_digital_scrambled.txt"},
            {DEFAULT_BASE + "document/fujian_2021_digital_scrambled.txt"},
        ),
        (
            {"year": 2018},
            {
                DEFAULT_BASE + f"document/gov_2018_{n}.txt"
                for n in ("117_incentive_measures", "38_ftz_reform_measures", "42_agri_mechanization_opinions")
            },
        ),
    ],
)
def test_filters_count_the_selected_documents_only(reader: KnowledgeStore, filters: dict, documents: set[str]) -> None:
    assert select_documents(read_documents(reader), DEFAULT_BASE, **filters) == documents
    found = Explorer(reader, DEFAULT_BASE).shared_initiatives(limit=500, **filters)
    expected = sparql_pairs(reader, documents=documents)
    assert {(DEFAULT_BASE + p["a"]["id"], DEFAULT_BASE + p["b"]["id"]): p["shared"] for p in found} == expected
    assert found and {DEFAULT_BASE + i["document"] for p in found for i in p["initiatives"]} <= documents


@pytest.mark.parametrize("filters", [{"jurisdiction": "北京"}, {"year": 1999}, {"document": "nothing.txt"}])
def test_a_filter_nothing_passes_finds_no_pair(reader: KnowledgeStore, filters: dict) -> None:
    assert Explorer(reader, DEFAULT_BASE).shared_initiatives(**filters) == []


def test_summary_counts_as_the_store_does(policykg: Policykg, reader: KnowledgeStore) -> None:
    fujian = [str(SAMPLES / "fujian_2021_digital_scrambled.txt"), str(SAMPLES / "fujian_2022_digital.txt")]
    result = policykg("summary", *fujian, "--top", "6")
    assert result.returncode == 0, result.stderr
    listed = [line.split(None, 1) for line in result.stdout.splitlines() if "—" in line]
    from_store = Explorer(reader, DEFAULT_BASE).shared_initiatives(jurisdiction="福建", limit=6)
    assert [(int(n), names) for n, names in listed] == [
        (p["shared"], f"{p['a']['label']} — {p['b']['label']}") for p in from_store
    ]


def test_shared_takes_the_filters(policykg: Policykg, store_folder: Path) -> None:
    result = policykg("shared", "--store", str(store_folder), "--format", "csv", "--year", "2022", "--top", "5")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.returncode == 0 and list(rows[0]) == ["a", "aLabel", "b", "bLabel", "shared"]
    assert rows[0]["aLabel"] == "福建省数字福建建设领导小组办公室" and len(rows) == 5
    assert policykg("shared", "--store", str(store_folder), "--top", "0").returncode == 2


# --- the network and what it says of each agency ---------------------------------------------


def test_the_network_weighs_each_tie_by_the_shared_initiatives(facts: Facts, reader: KnowledgeStore) -> None:
    network = co_responsibility_network(facts)
    expected = {
        (a.removeprefix(DEFAULT_BASE), b.removeprefix(DEFAULT_BASE)): n for (a, b), n in sparql_pairs(reader).items()
    }
    assert {tuple(sorted((u, v))): w for u, v, w in network.edges(data="weight")} == expected
    assert network.nodes[OFFICE]["label"] == "福建省数字福建建设领导小组办公室"


def test_agency_profiles(facts: Facts, reader: KnowledgeStore) -> None:
    profiles = {p.id: p for p in agency_profiles(facts)}
    office = profiles[OFFICE]
    assert next(iter(profiles)) == OFFICE  # the Fujian digital office shares the most
    assert (office.documents, office.years, office.lead_load) == (2, (2021, 2022), 0)
    partners = {
        b if a == DEFAULT_BASE + OFFICE else a for a, b in sparql_pairs(reader) if DEFAULT_BASE + OFFICE in (a, b)
    }
    assert office.degree == len(partners)
    assert all(0 <= p.betweenness <= 1 and p.community >= 0 for p in profiles.values())
    assert profiles[OFFICE].community == profiles["agency/350000/drc"].community != profiles["agency/CN/mara"].community
    for agency in ("agency/CN/mara", "agency/CN/ndrc"):  # lead load: the initiatives each leads, asked of the store
        (row,) = reader.select(
            PREFIXES
            + "SELECT ?a (COUNT(DISTINCT ?i) AS ?n) WHERE { ?a pkg:leads ?i . ?i a pkg:Initiative } GROUP BY ?a",
            a=NamedNode(DEFAULT_BASE + agency),
        )
        assert profiles[agency].lead_load == int(row["n"].value) > 0


def test_the_agency_platform_network_has_each_agencys_platforms(facts: Facts, reader: KnowledgeStore) -> None:
    network = agency_platform_network(facts)
    listed = Explorer(reader, DEFAULT_BASE).agency_platforms(OFFICE)
    assert {p["id"]: p["tasks"] for p in listed} == {p: network[OFFICE][p]["weight"] for p in network[OFFICE]}
    assert {network.nodes[n]["type"] for n in network} == {"agency", "platform"}


def test_initiatives_recur_across_documents(facts: Facts) -> None:
    found = {r.title: r for r in recurring_initiatives(facts)}
    assert found["指导思想"].years == (2018, 2019) and found["指导思想"].documents == 2


# --- policykg analyze ---------------------------------------------------------------------------


def test_analyze_table_lines_up_chinese(policykg: Policykg, store_folder: Path) -> None:
    result = policykg("analyze", "--store", str(store_folder), "--top", "5")
    assert result.returncode == 0, result.stderr
    sections = result.stdout.split("\n\n")
    assert sections[0].startswith("co-responsibility network: 100 agencies")
    agencies = sections[1].splitlines()
    assert agencies[0] == "agencies by weighted degree (top 5):" and agencies[-1] == "(5 rows)"
    table = agencies[1:-1]
    assert "福建省数字福建建设领导小组办公室" in table[2]
    bars = [[text_width(line[:i]) for i, c in enumerate(line) if c in "|+"] for line in table]
    assert len(set(map(tuple, bars))) == 1 and len(bars[0]) == 8  # every separator in the same column


def test_analyze_json_and_csv(policykg: Policykg, store_folder: Path, facts: Facts) -> None:
    whole = json.loads(policykg("analyze", "--store", str(store_folder), "--top", "3", "--format", "json").stdout)
    assert whole == json.loads(json.dumps({"agencies": 100, "ties": whole["ties"], **analyze(facts, top=3).sections()}))
    assert [len(whole[k]) for k in ("agencies", "pairs", "communities", "platforms")] == [3, 3, 3, 3]
    result = policykg("analyze", "--store", str(store_folder), "--top", "4", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[:3] == ["id", "label", "degree"] and len(rows) == 4
    assert rows[0]["id"] == OFFICE and rows[0]["years"] == "2021 2022"
    fujian = json.loads(
        policykg(
            "analyze",
            "--store",
            str(store_folder),
            "--format",
            "json",
            "--section",
            "agencies",
            "--jurisdiction",
            "350000",
        ).stdout
    )
    assert fujian[0]["id"] == OFFICE and all(a["id"].startswith("agency/350") for a in fujian)
