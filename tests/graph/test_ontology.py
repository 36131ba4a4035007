"""The ontology, its Python mirror and the SHACL shapes agree, and the shapes say what they mean."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
import rdflib
from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS

from graph.terms import CPOV, OA, ONTOLOGY_FILE, PKG, SHAPES_FILE, load_ontology, load_shapes

EX = Namespace("https://example.org/policykg/")
PKGSH = Namespace("https://w3id.org/policykg/shapes#")
DEFINING_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
# Not ``from rdflib.namespace import XSD``: the doctest collector probes module globals, and XSD
# (open, warning on unknown names) would warn about pytest's ``_mock_name`` probe.
INTEGER = rdflib.XSD.integer  # what Oxigraph stores offsets as
PKG_TERMS = sorted(PKG[name] for name in inspect.get_annotations(PKG))


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def _pkg_iris(graph: Graph) -> set[URIRef]:
    """Every pkg: IRI in *graph*, in any position."""
    return {term for triple in graph for term in triple if isinstance(term, URIRef) and str(term).startswith(str(PKG))}


def _defined(ontology: Graph, kind: URIRef) -> set[URIRef]:
    return {s for s in ontology.subjects(RDF.type, kind) if isinstance(s, URIRef) and str(s).startswith(str(PKG))}


# --- the files and the Python mirror -----------------------------------------------------------


def test_both_files_parse() -> None:
    assert ONTOLOGY_FILE.is_file() and SHAPES_FILE.is_file()
    assert len(load_ontology()) > 0
    assert len(load_shapes()) > 0
    assert (URIRef("https://w3id.org/policykg/ontology"), RDF.type, OWL.Ontology) in load_ontology()


def test_every_python_term_is_defined_in_the_turtle(ontology: Graph) -> None:
    undefined = [term for term in PKG_TERMS if not any((term, RDF.type, kind) in ontology for kind in DEFINING_TYPES)]
    assert not undefined, f"in PKG but not defined in {ONTOLOGY_FILE.name}: {undefined}"


def test_every_turtle_term_is_in_python(ontology: Graph) -> None:
    missing = sorted(term for term in _pkg_iris(ontology) if term not in PKG_TERMS)
    assert not missing, f"in {ONTOLOGY_FILE.name} but not in graph.terms.PKG: {missing}"


def test_shapes_use_only_defined_terms(ontology: Graph, shapes: Graph) -> None:
    unknown = sorted(_pkg_iris(shapes) - _pkg_iris(ontology))
    assert not unknown, f"{SHAPES_FILE.name} uses pkg: terms the ontology does not define: {unknown}"


def test_borrowed_terms_are_used_by_the_ontology(ontology: Graph) -> None:
    used = {term for triple in ontology for term in triple}
    borrowed = [namespace[name] for namespace in (OA, CPOV) for name in inspect.get_annotations(namespace)]
    assert [term for term in borrowed if term not in used] == []


def test_shares_initiative_with_is_left_to_queries(ontology: Graph) -> None:
    assert URIRef(str(PKG) + "sharesInitiativeWith") not in _pkg_iris(ontology)


def test_a_misspelt_term_fails_at_once() -> None:
    with pytest.raises(AttributeError, match="Agensy"):
        _ = PKG.Agensy
    with pytest.raises(AttributeError):
        _ = OA.offset


@pytest.mark.parametrize("term", PKG_TERMS, ids=lambda term: str(term).removeprefix(str(PKG)))
def test_every_term_has_labels_and_comments_in_chinese_and_english(ontology: Graph, term: URIRef) -> None:
    for predicate in (RDFS.label, RDFS.comment):
        languages = {value.language for value in ontology.objects(term, predicate) if isinstance(value, Literal)}
        assert {"zh", "en"} <= languages, f"{term} {predicate} has languages {languages}"


def test_every_class_has_a_shape_of_its_own(ontology: Graph, shapes: Graph) -> None:
    classes = _defined(ontology, OWL.Class)
    assert len(classes) == 11
    own = {}
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        targets = list(shapes.objects(shape, SH.targetClass))
        if len(targets) == 1:
            own[targets[0]] = shape
    assert sorted(classes - own.keys()) == []


def test_the_disjoint_classes_shape_follows_the_ontology(ontology: Graph, shapes: Graph) -> None:
    """Each member of the ontology's owl:AllDisjointClasses beside the next (the last beside the
    first), and a subclass's instance beside another kind: the shape names every such node, and
    no node of one kind."""
    (group,) = ontology.subjects(RDF.type, OWL.AllDisjointClasses)
    members = list(Collection(ontology, ontology.value(group, OWL.members)))
    assert len(members) == 10
    data = conforming()
    pairs = {EX[f"both{i}"]: (kind, members[(i + 1) % len(members)]) for i, kind in enumerate(members)}
    pairs[EX.programme_and_place] = (PKG.Programme, PKG.Place)
    for node, kinds in pairs.items():
        for kind in kinds:
            data.add((node, RDF.type, kind))
    conforms, results, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
    named = {results.value(result, SH.value) for result in results.subjects(SH.sourceShape, PKGSH.DisjointClassesShape)}
    assert not conforms
    assert named == set(pairs)


def test_there_are_three_roles(ontology: Graph) -> None:
    assert set(ontology.subjects(RDF.type, PKG.Role)) == {PKG.LeadRole, PKG.ResponsibleRole, PKG.SupportingRole}


# --- validation --------------------------------------------------------------------------------


def conforming() -> Graph:
    """One of each: document, place, agency, initiative, programme, task, responsibility, spans,
    platform and target, as the triples step is meant to write them."""
    g = Graph()
    doc, place, agency, initiative, task = EX.doc, EX.place, EX.agency, EX.initiative, EX.task
    programme, responsibility, platform, target = EX.programme, EX.responsibility, EX.platform, EX.target

    g.add((doc, RDF.type, PKG.PolicyDocument))
    g.add((doc, DCTERMS.title, Literal("福建省数字政府建设工作要点", lang="zh")))
    g.add((doc, DCTERMS.identifier, Literal("闽政办〔2021〕26号")))
    g.add((doc, DCTERMS.issued, Literal(date(2021, 6, 8))))
    g.add((doc, PKG.signed, Literal(date(2021, 6, 1))))
    g.add((doc, PKG.fileName, Literal("fujian-2021.txt")))
    g.add((doc, PKG.addressee, Literal("各设区市人民政府", lang="zh")))
    g.add((doc, DCTERMS.publisher, agency))
    g.add((doc, PKG.jurisdiction, place))

    g.add((place, RDF.type, PKG.Place))
    g.add((place, PKG.divisionCode, Literal("350000")))
    g.add((place, PKG.level, Literal("province")))
    g.add((place, SKOS.prefLabel, Literal("福建省", lang="zh")))
    g.add((place, SKOS.altLabel, Literal("Fujian", lang="en")))

    g.add((agency, RDF.type, PKG.Agency))
    g.add((agency, SKOS.prefLabel, Literal("福建省发展和改革委员会", lang="zh")))
    g.add((agency, SKOS.altLabel, Literal("省发改委", lang="zh")))
    g.add((agency, PKG.collective, Literal(False)))
    g.add((agency, PKG.resolved, Literal(True)))
    g.add((agency, PKG.jurisdiction, place))
    g.add((agency, PKG.agencyType, Literal("government")))
    g.add((agency, PKG.responsibleFor, task))
    g.add((agency, PKG.leads, task))

    g.add((initiative, RDF.type, PKG.Initiative))
    g.add((initiative, DCTERMS.title, Literal("建设数字政府", lang="zh")))
    g.add((initiative, PKG.marker, Literal("（一）")))
    g.add((initiative, DCTERMS.isPartOf, doc))
    g.add((initiative, PROV.wasDerivedFrom, doc))
    g.add((initiative, PKG.source, _span(g, EX.initiative_span, 10, 16, "建设数字政府")))

    g.add((programme, RDF.type, PKG.Programme))
    g.add((programme, SKOS.prefLabel, Literal("雪亮工程", lang="zh")))

    g.add((task, RDF.type, PKG.Task))
    g.add((task, PKG.initiative, initiative))
    g.add((task, PROV.wasDerivedFrom, doc))
    g.add((task, PKG.source, _span(g, EX.task_span, 17, 40)))
    g.add((task, PROV.qualifiedAssociation, responsibility))
    g.add((task, PKG.builds, platform))
    g.add((task, PKG.hasTarget, target))
    g.add((task, PKG.mentionsPlace, place))
    g.add((task, PKG.mentionsProgramme, programme))
    g.add((task, PKG.deadline, Literal("2025年")))

    g.add((responsibility, RDF.type, PKG.Responsibility))
    g.add((responsibility, PROV.agent, agency))
    g.add((responsibility, PROV.hadRole, PKG.LeadRole))
    g.add((responsibility, PKG.source, _span(g, EX.responsibility_span, 46, 50, "省发改委")))
    g.add((responsibility, PKG.declared, Literal(False)))
    g.add((responsibility, PROV.wasDerivedFrom, doc))

    g.add((platform, RDF.type, PKG.Platform))
    g.add((platform, SKOS.prefLabel, Literal("闽政通", lang="zh")))

    g.add((target, RDF.type, PKG.Target))
    g.add((target, PKG.value, Literal(Decimal("70"))))
    g.add((target, PKG.unit, Literal("个")))
    g.add((target, PKG.qualifier, Literal("以上")))
    g.add((target, PKG.counted, Literal("示范项目")))
    g.add((target, PROV.value, Literal("70个以上")))
    g.add((target, PROV.wasDerivedFrom, doc))
    return g


def _span(g: Graph, span: URIRef | BNode, start: int, end: int, text: str | None = None) -> URIRef | BNode:
    g.add((span, RDF.type, PKG.TextSpan))
    g.add((span, OA.start, Literal(start, datatype=INTEGER)))
    g.add((span, OA.end, Literal(end, datatype=INTEGER)))
    g.add((span, PKG.inDocument, EX.doc))
    if text is not None:
        g.add((span, PROV.value, Literal(text)))
    return span


def _validate(data: Graph, shapes: Graph, ontology: Graph, inference: str = "rdfs") -> tuple[bool, str]:
    conforms, _, text = validate(data, shacl_graph=shapes, ont_graph=ontology, inference=inference)
    return bool(conforms), str(text)


@pytest.mark.parametrize("inference", ["rdfs", "none"])
def test_a_conforming_graph_passes(shapes: Graph, ontology: Graph, inference: str) -> None:
    conforms, text = _validate(conforming(), shapes, ontology, inference)
    assert conforms, text


def _set(subject: URIRef, predicate: URIRef, value: Literal | URIRef) -> Callable[[Graph], object]:
    return lambda g: g.set((subject, predicate, value))


def _drop(subject: URIRef, predicate: URIRef) -> Callable[[Graph], object]:
    return lambda g: g.remove((subject, predicate, None))


def _add(subject: URIRef, predicate: URIRef, value: Literal | URIRef) -> Callable[[Graph], object]:
    return lambda g: g.add((subject, predicate, value))


BROKEN = {
    "responsibility without a role": (_drop(EX.responsibility, PROV.hadRole), "exactly one prov:hadRole"),
    "responsibility with an unknown role": (_set(EX.responsibility, PROV.hadRole, EX.ChiefRole), "prov:hadRole"),
    "responsibility without an agent": (_drop(EX.responsibility, PROV.agent), "exactly one prov:agent"),
    "responsibility of no task": (_drop(EX.task, PROV.qualifiedAssociation), "qualifiedAssociation of a task"),
    "span with a negative start": (
        _set(EX.task_span, OA.start, Literal("-1", datatype=INTEGER)),
        "oa:start",
    ),
    "span with a negative plain integer start": (_set(EX.task_span, OA.start, Literal(-1)), "oa:start"),
    "span without a start": (_drop(EX.task_span, OA.start), "oa:start"),
    "span starting after its end": (
        _set(EX.task_span, OA.start, Literal(41, datatype=INTEGER)),
        "not after its oa:end",
    ),
    "span in no document": (_drop(EX.responsibility_span, PKG.inDocument), "pkg:inDocument"),
    "task without a source": (_drop(EX.task, PKG.source), "A task needs a pkg:source"),
    "task without an initiative": (_drop(EX.task, PKG.initiative), "pkg:initiative"),
    "task with two initiatives": (_add(EX.task, PKG.initiative, EX.doc), "exactly one pkg:initiative"),
    "task without a document": (_drop(EX.task, PROV.wasDerivedFrom), "A task needs a prov:wasDerivedFrom"),
    "task building a place": (_add(EX.task, PKG.builds, EX.place), "Platform"),
    "responsibility of a place": (_set(EX.responsibility, PROV.agent, EX.place), "Agency"),
    "initiative of a plan without a source": (_drop(EX.initiative, PKG.source), "initiative read from a plan"),
    "agency with two prefLabels": (
        _add(EX.agency, SKOS.prefLabel, Literal("省发改委", lang="zh")),
        "exactly one skos:prefLabel",
    ),
    "agency without a prefLabel": (_drop(EX.agency, SKOS.prefLabel), "exactly one skos:prefLabel"),
    "agency with a string for a boolean": (_set(EX.agency, PKG.collective, Literal("false")), "pkg:collective"),
    "agency responsible for a platform": (_add(EX.agency, PKG.responsibleFor, EX.platform), "pkg:responsibleFor"),
    "document without a file name": (_drop(EX.doc, PKG.fileName), "pkg:fileName"),
    "document issued on a string": (_set(EX.doc, DCTERMS.issued, Literal("2021年6月8日")), "dct:issued"),
    "place with a five-digit code": (_set(EX.place, PKG.divisionCode, Literal("35000")), "pkg:divisionCode"),
    "place at an unknown level": (_set(EX.place, PKG.level, Literal("township")), "pkg:level"),
    "target without a value": (_drop(EX.target, PKG.value), "pkg:value"),
    "target with an integer value": (_set(EX.target, PKG.value, Literal(70)), "pkg:value"),
    "platform without a prefLabel": (_drop(EX.platform, SKOS.prefLabel), "A platform needs exactly one"),
    "an extra role": (_add(EX.ChiefRole, RDF.type, PKG.Role), "The only roles"),
}


@pytest.mark.parametrize(("breakage", "message"), BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_graph_fails(
    shapes: Graph, ontology: Graph, breakage: Callable[[Graph], object], message: str
) -> None:
    data = conforming()
    breakage(data)
    conforms, text = _validate(data, shapes, ontology)
    assert not conforms
    assert message in text, text


WRONG_KIND = {
    "task building a place": (
        _add(EX.task, PKG.builds, EX.place),
        "points at a pkg:Platform",
        "are disjoint classes",
    ),
    "task of an undescribed initiative": (
        _set(EX.task, PKG.initiative, EX.nowhere),
        "pkg:initiative, a pkg:Initiative",
        "initiative read from a plan",
    ),
    "span in an undescribed document": (
        _set(EX.task_span, PKG.inDocument, EX.nowhere),
        "pkg:inDocument, a pkg:PolicyDocument",
        "pkg:fileName",
    ),
}


@pytest.mark.parametrize(("breakage", "without", "under_rdfs"), WRONG_KIND.values(), ids=WRONG_KIND.keys())
def test_a_reference_to_the_wrong_kind_of_node_fails_either_way(
    shapes: Graph, ontology: Graph, breakage: Callable[[Graph], object], without: str, under_rdfs: str
) -> None:
    """Without inference sh:class says so; under RDFS inference the ontology's ranges type the
    node, and the disjoint classes or the node's own shape say so."""
    data = conforming()
    breakage(data)
    for inference, message in (("none", without), ("rdfs", under_rdfs)):
        conforms, text = _validate(data, shapes, ontology, inference)
        assert not conforms
        assert message in text, text


def test_leading_implies_responsibility(shapes: Graph, ontology: Graph) -> None:
    """Without inference the shortcut must be written out; RDFS inference supplies it."""
    data = conforming()
    data.remove((EX.agency, PKG.responsibleFor, EX.task))
    conforms, text = _validate(data, shapes, ontology, inference="none")
    assert not conforms
    assert "has no pkg:responsibleFor" in text
    assert _validate(data, shapes, ontology, inference="rdfs")[0]


def test_a_blank_node_span_is_fine(shapes: Graph, ontology: Graph) -> None:
    data = conforming()
    span = BNode()
    data.add((EX.task, PKG.source, _span(data, span, 100, 120)))
    assert _validate(data, shapes, ontology)[0]
