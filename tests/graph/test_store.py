"""The knowledge graph on a real Oxigraph store on disk, built from the real corpus (once per session:
``built_store`` in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

import graph.store
from extract.reading import find_documents
from graph.build import build_documents
from graph.explore import Explorer
from graph.queries import PREFIXES, shared_initiatives_query
from graph.store import KnowledgeStore, StoreError
from graph.validate import validate_graph
from tests.conftest import SAMPLES, copy_store

ID = "https://w3id.org/policykg/id/"


@pytest.fixture()
def store(store_copy: Path):
    """A private copy of the samples built once per session (``built_store``), so a test may change it."""
    with KnowledgeStore(store_copy) as opened:
        yield opened


@pytest.fixture(scope="module")
def reader(built_store: Path, tmp_path_factory: pytest.TempPathFactory):
    """One copy of the built samples, open for the tests of this module that only read it."""
    with KnowledgeStore(copy_store(built_store, tmp_path_factory.mktemp("kg"))) as opened:
        yield opened


def values(store: KnowledgeStore, sparql: str) -> list[tuple]:
    """The rows of *sparql* as tuples of each term's value (None where unbound)."""
    return [tuple(None if term is None else term.value for term in row.values()) for row in store.select(sparql)]


def rows(store: KnowledgeStore, sparql: str) -> list[tuple]:
    return values(store, PREFIXES + sparql)


def test_the_built_graph_conforms_to_the_shapes(reader: KnowledgeStore) -> None:
    conforms, report = validate_graph(reader.union())
    assert conforms, report


def test_a_second_build_changes_no_count(store: KnowledgeStore, nlp) -> None:
    before = (store.quad_count(), store.triple_count(), store.graph_names())
    build_documents(find_documents([SAMPLES]), store, nlp=nlp)
    assert (store.quad_count(), store.triple_count(), store.graph_names()) == before


def test_iris_are_the_same_on_every_build(reader: KnowledgeStore, tmp_path: Path, nlp) -> None:
    with KnowledgeStore(tmp_path / "again") as again:
        build_documents(find_documents([SAMPLES]), again, nlp=nlp)
        assert set(again.union()) == set(reader.union())


def test_shared_initiatives_are_counted_per_agency_pair(reader: KnowledgeStore) -> None:
    found = {(a, b): int(n) for a, _, b, _, n in values(reader, shared_initiatives_query())}
    pair = (ID + "agency/350000/digital-office", ID + "agency/350000/drc")
    assert found[pair] >= 5
    lead_pairs = {(a, b) for a, _, b, _, _ in values(reader, shared_initiatives_query(lead_only=True))}
    assert (ID + "agency/CN/mara", ID + "agency/CN/miit") in lead_pairs
    assert pair not in lead_pairs  # the Fujian plans name no lead


@pytest.mark.parametrize("lead_only", [False, True])
def test_the_explorer_counts_the_pairs_the_query_counts(reader: KnowledgeStore, lead_only: bool) -> None:
    """Two ways to one answer: the SPARQL aggregate, and the Explorer's count over initiatives."""
    by_query = [
        (a, a_label, b, b_label, int(n))
        for a, a_label, b, b_label, n in values(reader, shared_initiatives_query(lead_only=lead_only))
    ]
    explorer = Explorer(reader, ID)
    found = explorer.shared_initiatives(lead_only=lead_only, limit=len(by_query) + 10)
    by_explorer = [(ID + p["a"]["id"], p["a"]["label"], ID + p["b"]["id"], p["b"]["label"], p["shared"]) for p in found]
    assert by_explorer == by_query and len(by_query) > 5
    assert all(len(p["initiatives"]) == p["shared"] for p in found)
    for minimum, limit in ((2, 3), (3, 100), (1, 1)):
        top = explorer.shared_initiatives(lead_only=lead_only, minimum=minimum, limit=limit)
        expected = [row for row in by_query if row[4] >= minimum][:limit]
        pairs = [(ID + p["a"]["id"], ID + p["b"]["id"], p["shared"]) for p in top]
        assert pairs == [(a, b, n) for a, _, b, _, n in expected]
    listed = explorer.shared_initiatives(lead_only=lead_only, limit=len(by_query) + 10, per_pair=1)
    assert [p["shared"] for p in listed] == [p["shared"] for p in found]
    assert all(
        p["initiatives"] == sorted(w["initiatives"], key=lambda i: i["id"])[:1]
        for p, w in zip(listed, found, strict=True)
    )
    with pytest.raises(ValueError, match="per_pair must be at least 0"):
        explorer.shared_initiatives(per_pair=-1)


def test_every_responsibility_fact_has_its_source_span(reader: KnowledgeStore) -> None:
    missing = rows(
        reader,
        """SELECT ?agency ?task WHERE {
             ?agency pkg:responsibleFor ?task . ?task a pkg:Task .
             FILTER NOT EXISTS {
               ?task prov:qualifiedAssociation ?r . ?r prov:agent ?agency ; pkg:source ?span .
               ?span oa:start ?start ; oa:end ?end ; pkg:inDocument ?document .
             }
           }""",
    )
    assert missing == []
    (count,) = rows(reader, "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?a pkg:responsibleFor ?t . ?t a pkg:Task }")
    assert int(count[0]) > 100


def test_one_agency_node_across_plans_with_full_name_and_surface_forms(reader: KnowledgeStore) -> None:
    agency = URIRef(ID + "agency/350000/digital-office")
    documents = rows(
        reader,
        f"SELECT DISTINCT ?d WHERE {{ <{agency}> pkg:responsibleFor ?t . ?t prov:wasDerivedFrom ?d . ?t a pkg:Task }}",
    )
    assert len(documents) == 2  # the 2021 and the 2022 Fujian plans
    labels = rows(reader, f"SELECT ?l WHERE {{ <{agency}> skos:prefLabel ?l }}")
    assert [str(label) for (label,) in labels] == ["福建省数字福建建设领导小组办公室"]  # described once, not per plan
    graphs = rows(reader, f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{agency}> a ?type }} }}")
    assert graphs == [(ID + "entities",)]
    alt = {str(label) for (label,) in rows(reader, f"SELECT ?l WHERE {{ <{agency}> skos:altLabel ?l }}")}
    assert {"省数字办", "数字办"} <= alt


def test_platform_spellings_merge_and_renames_are_recorded(reader: KnowledgeStore) -> None:
    names = rows(
        reader,
        """SELECT DISTINCT ?p WHERE { ?p a pkg:Platform ; skos:altLabel "省互联网+监管系统"@zh ;
                                       skos:prefLabel "互联网+监管系统"@zh }""",
    )
    assert len(names) == 1
    renamed = f"ASK {{ <{ID}agency/350000/big-data-bureau> dct:isReplacedBy <{ID}agency/350000/data-bureau> }}"
    assert ask(reader, renamed)


def test_document_metadata(reader: KnowledgeStore) -> None:
    ((title, issued, signed, publisher, place),) = rows(
        reader,
        f"""SELECT DISTINCT ?title ?issued ?signed ?publisher ?place WHERE {{
             <{ID}document/fujian_2021_digital_scrambled.txt> dct:title ?title ; dct:issued ?issued ;
               pkg:signed ?signed ; dct:publisher/skos:prefLabel ?publisher ;
               pkg:jurisdiction/skos:prefLabel ?place }}""",
    )
    assert (str(title), str(issued), str(signed)) == ("2021年数字福建工作要点", "2021-06-02", "2021-05-26")
    assert (str(publisher), str(place)) == ("福建省人民政府办公厅", "福建省")
    ((number,),) = rows(
        reader, f"SELECT ?n WHERE {{ <{ID}document/gov_2018_38_ftz_reform_measures.txt> dct:identifier ?n }}"
    )
    assert str(number) == "国发〔2018〕38号"


def ask(store: KnowledgeStore, sparql: str) -> bool:
    return bool(store.oxigraph.query(PREFIXES + sparql, use_default_graph_as_union=True))


def test_an_edited_document_loses_its_old_facts(store: KnowledgeStore, tmp_path: Path, nlp) -> None:
    plan = tmp_path / "edited_plan.txt"
    earthquake, graph = f"<{ID}agency/350000/earthquake>", f"<{ID}graph/edited_plan.txt>"
    described = f"ASK {{ GRAPH <{ID}entities> {{ {earthquake} a pkg:Agency ; skos:prefLabel ?name }} }}"
    responsible = f'ASK {{ GRAPH {graph} {{ {earthquake} pkg:responsibleFor ?t ; skos:altLabel "地震局"@zh }} }}'
    assert not ask(store, described)  # no sample document names it
    plan.write_text("福建省数字政府工作要点\n（一）建设协同办公平台。（责任单位：省数字办、地震局）", encoding="utf-8")
    build_documents(find_documents([plan]), store, nlp=nlp)
    assert ask(store, responsible) and ask(store, described)
    plan.write_text("福建省数字政府工作要点\n（一）建设协同办公平台。（责任单位：省数字办）", encoding="utf-8")
    build_documents(find_documents([plan]), store, nlp=nlp)
    assert not ask(store, responsible)
    assert not ask(store, described)  # no document names it any more
    office = f"<{ID}agency/350000/digital-office>"
    assert ask(store, f"ASK {{ GRAPH {graph} {{ {office} pkg:responsibleFor ?t }} }}")
    assert ask(store, f"ASK {{ GRAPH <{ID}entities> {{ {office} pkg:jurisdiction <{ID}place/350000> }} }}")
    assert ask(store, f"ASK {{ GRAPH <{ID}entities> {{ <{ID}place/350000> skos:prefLabel ?name }} }}")


def test_a_failed_document_leaves_its_previous_graph(store: KnowledgeStore, tmp_path: Path, nlp) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("（一）建设平台。（责任单位：省数字办）", encoding="utf-8")
    build_documents(find_documents([plan]), store, nlp=nlp)
    before = store.quad_count()
    plan.write_text("   ", encoding="utf-8")
    report = build_documents(find_documents([plan, SAMPLES / "fujian_2022_digital.txt"]), store, nlp=nlp)
    assert str(plan) in report.failed and "empty" in report.failed[str(plan)]
    assert str(SAMPLES / "fujian_2022_digital.txt") in report.unchanged  # built already, and the build went on
    assert store.quad_count() == before


def test_a_write_that_fails_midway_changes_nothing(store: KnowledgeStore) -> None:
    name = URIRef(ID + "graph/fujian_2022_digital.txt")
    before = store.quad_count()
    broken = Graph()
    broken.add((URIRef("urn:ok"), URIRef("urn:p"), Literal("kept?")))
    broken.add((URIRef("urn:not an iri"), URIRef("urn:p"), Literal("x")))
    with pytest.raises(StoreError, match="cannot write graph"):
        store.replace_graph(name, broken)
    assert store.quad_count() == before
    new = URIRef("urn:test:new")  # a graph the store does not hold: loaded from N-Quads in one transaction
    unended = f'<urn:ok> <urn:p> "kept?" <{new}> .\n<urn:ok> <urn:p> "no full stop" <{new}>\n'.encode()
    with pytest.raises(StoreError, match="cannot write graph urn:test:new"):
        store.replace(new, unended)
    assert store.quad_count() == before


def test_compacting_keeps_every_quad(store: KnowledgeStore) -> None:
    store.replace(URIRef("urn:test:new"), b'<urn:s> <urn:p> "written last" <urn:test:new> .\n')
    before = sorted(map(str, store.oxigraph))
    store.compact()
    assert sorted(map(str, store.oxigraph)) == before and '"written last"' in "".join(before)


def test_a_bulk_load_writes_each_document_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bulk load shares its documents out among loads that run at once: the documents of a load
    that fails (the last, whose N-Quads end without a full stop) are not in the store at all, the
    others whole, and the error names the store."""
    monkeypatch.setattr(graph.store, "BULK_LOADERS", 2)

    def document(index: int, ended: bool = True) -> bytes:
        lines = [f'<urn:s{index}> <urn:p> "{part}" <urn:g{index}> .' for part in range(3)]
        return ("\n".join(lines) + "\n" if ended else "\n".join(lines)[:-1]).encode()

    with KnowledgeStore(tmp_path / "store") as fresh:
        with pytest.raises(StoreError, match=f"{tmp_path / 'store'}: cannot load the documents' graphs"):
            fresh.bulk_load([document(0), document(1), document(2), document(3, ended=False)])
        written = [
            (q.graph_name.value, q.object.value) for q in fresh.oxigraph.quads_for_pattern(None, None, None, None)
        ]
        assert sorted(written) == [(f"urn:g{index}", str(part)) for index in (0, 1) for part in range(3)]


def test_a_large_graph_is_written_in_parts_and_replaces_the_old_one(tmp_path: Path) -> None:
    name, entities = URIRef("urn:test:graph"), URIRef("urn:test:entities")
    with KnowledgeStore(tmp_path / "store") as fresh:
        old = Graph()
        old.add((URIRef("urn:old"), URIRef("urn:p"), Literal("gone")))
        fresh.replace_graph(name, old)
        large, described = Graph(), Graph()
        for i in range(25):
            large.add((URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(f"第{i}项\n", lang="zh")))
        for i in range(7):
            described.add((URIRef(f"urn:e{i}"), URIRef("urn:q"), Literal(i)))
        fresh.replace_graph(name, large, merge={entities: described}, batch=10)  # four transactions
        written = {(q.subject.value, q.object.value) for q in fresh.oxigraph.quads_for_pattern(None, None, None, None)}
        assert written == {(f"urn:s{i}", f"第{i}项\n") for i in range(25)} | {(f"urn:e{i}", str(i)) for i in range(7)}


PLAN_TITLE = "福建省数字政府工作要点"


def _write_plans(folder: Path, names: list[str], unit: str = "省数字办") -> None:
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".docx":
            import docx

            document = docx.Document()
            document.add_paragraph(PLAN_TITLE)
            document.add_paragraph(f"（一）建设平台。（责任单位：{unit}）")
            document.save(str(path))
        else:
            path.write_text(f"{PLAN_TITLE}\n（一）建设平台。（责任单位：{unit}）", encoding="utf-8")


def document_graphs(store: KnowledgeStore) -> list[str]:
    return [name.removeprefix(ID + "graph/") for name in store.graph_names() if name.startswith(ID + "graph/")]


def test_files_of_one_name_in_other_folders_or_formats_get_their_own_graphs(tmp_path: Path) -> None:
    """Named by their path in the folder built, suffix included, the same on every build."""
    names = ["a/plan.txt", "b/plan.txt", "plan.docx", "规划 2021.txt"]
    _write_plans(tmp_path / "plans", names)
    with KnowledgeStore(tmp_path / "store") as store:
        report = build_documents(find_documents([tmp_path / "plans"]), store)
        assert not report.failed and len(report.written) == 4
        graphs = document_graphs(store)
        assert graphs == sorted(["a/plan.txt", "b/plan.txt", "plan.docx", "%E8%A7%84%E5%88%92%202021.txt"])
        _write_plans(tmp_path / "plans", ["a/plan.txt"], unit="省发改委")  # edited: its graph is replaced
        build_documents(find_documents([tmp_path / "plans"]), store)
        assert document_graphs(store) == graphs
        drc, office = f"<{ID}agency/350000/drc>", f"<{ID}agency/350000/digital-office>"
        responsible = "ASK {{ GRAPH <" + ID + "graph/{}> {{ {} pkg:responsibleFor ?t }} }}"
        assert ask(store, responsible.format("a/plan.txt", drc))
        assert not ask(store, responsible.format("a/plan.txt", office))
        assert ask(store, responsible.format("b/plan.txt", office))


def test_two_files_that_would_share_a_graph_are_not_both_written(tmp_path: Path) -> None:
    _write_plans(tmp_path, ["a/plan.txt", "b/plan.txt"])
    first, second = tmp_path / "a" / "plan.txt", tmp_path / "b" / "plan.txt"
    with KnowledgeStore(tmp_path / "store") as store:
        report = build_documents(find_documents([first, second]), store)
        assert list(report.written) == [str(first)] and document_graphs(store) == ["plan.txt"]
        assert str(first) in report.failed[str(second)] and str(second) in report.failed[str(second)]


@pytest.mark.parametrize("needle", ['"', "\\", '"}) . } #', "数字办\\n"])
def test_a_needle_is_bound_not_written_into_the_query(reader: KnowledgeStore, needle: str) -> None:
    """What an analyst types is a literal the store compares, whatever characters it holds."""
    assert Explorer(reader, ID).search(needle) == []


def test_a_bound_label_finds_its_entity(reader: KnowledgeStore) -> None:
    found = reader.select(
        PREFIXES + "SELECT ?e ?label WHERE { ?e skos:prefLabel ?label }",
        label=ox.Literal("福建省数字福建建设领导小组办公室", language="zh"),
    )
    assert [row["e"].value for row in found] == [ID + "agency/350000/digital-office"]
