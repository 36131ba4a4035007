"""The ontology's terms in Python, and the ontology and shapes as graphs.

``PKG`` mirrors ``ontology/policykg.ttl`` term for term; the Turtle file is the single source of
truth and ``tests/graph/test_ontology.py`` fails when the two drift apart. ``OA`` and ``CPOV``
hold the few Web Annotation and Core Public Organisation terms the project uses, which rdflib
does not ship. Every class is closed (``_fail = True``), so a misspelt term fails at once:

>>> PKG.Agency
rdflib.term.URIRef('https://w3id.org/policykg/ontology#Agency')
>>> PKG.Agensy
Traceback (most recent call last):
    ...
AttributeError: term 'Agensy' not in namespace 'https://w3id.org/policykg/ontology#'
>>> OA.start in OA, PKG.leads in PKG
(True, True)
"""

# No ``from __future__ import annotations`` here: DefinedNamespace reads the annotations as
# classes (``as_jsonld_context`` checks ``issubclass(term, URIRef)``). And DefinedNamespace is
# reached through its module rather than imported: pytest's doctest collector probes every
# class in the module's globals, and the open base class would warn about the probe.

from pathlib import Path

import rdflib.namespace
from rdflib import Graph, Namespace, URIRef

from ontology import ONTOLOGY_DIR

__all__ = [
    "CPOV",
    "OA",
    "ONTOLOGY_FILE",
    "PKG",
    "SHAPES_FILE",
    "load_ontology",
    "load_shapes",
]

ONTOLOGY_FILE: Path = ONTOLOGY_DIR / "policykg.ttl"
SHAPES_FILE: Path = ONTOLOGY_DIR / "shapes.ttl"


class PKG(rdflib.namespace.DefinedNamespace):
    """The policykg ontology, https://w3id.org/policykg/ontology (``ontology/policykg.ttl``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/policykg/ontology#")

    # owl:Class
    Agency: URIRef  # A body that answers for work in a plan, collective units included.
    Initiative: URIRef  # An item of a plan (⊑ prov:Activity).
    Place: URIRef  # An administrative division with a GB/T 2260 code (⊑ dct:Location).
    Platform: URIRef  # A named digital system (⊑ prov:Entity, schema:SoftwareApplication).
    PolicyDocument: URIRef  # A government document (⊑ prov:Plan, dct:BibliographicResource).
    Programme: URIRef  # A named programme such as 雪亮工程 (⊑ Initiative).
    Responsibility: URIRef  # A qualified responsibility with its role and source (⊑ prov:Association).
    Role: URIRef  # Lead, responsible or supporting (⊑ prov:Role).
    Target: URIRef  # A quantified goal: number, unit, qualifier, thing counted.
    Task: URIRef  # The work described by the span one responsibility note covers (⊑ prov:Activity).
    TextSpan: URIRef  # Character offsets into a document's text (⊑ oa:TextPositionSelector).

    # owl:NamedIndividual (pkg:Role)
    LeadRole: URIRef  # 牵头单位.
    ResponsibleRole: URIRef  # 责任单位, lead and support not told apart.
    SupportingRole: URIRef  # 配合单位.

    # owl:ObjectProperty
    builds: URIRef  # Task → Platform: 建设, 建立, 搭建, 新建, 上线.
    connects: URIRef  # Task → Platform: 对接, 打通, 整合, 互通.
    connectsTo: URIRef  # Platform → Platform, symmetric.
    hasTarget: URIRef  # Task → Target.
    inDocument: URIRef  # TextSpan → PolicyDocument.
    initiative: URIRef  # Task → Initiative (⊑ dct:isPartOf).
    jurisdiction: URIRef  # Agency or PolicyDocument → Place (⊑ dct:spatial).
    leads: URIRef  # Agency → Task or Initiative (⊑ responsibleFor).
    mentionsAgency: URIRef  # Task → Agency named in its text (⊑ schema:mentions).
    mentionsPlace: URIRef  # Task → Place named in its text (⊑ schema:mentions).
    mentionsProgramme: URIRef  # Task → Programme named in its text (⊑ schema:mentions).
    platformAction: URIRef  # Task → Platform, the super-property of the typed actions.
    promotes: URIRef  # Task → Platform: 推广, 推动…应用.
    reliesOn: URIRef  # Task → Platform: 依托.
    responsibleFor: URIRef  # Agency → Task or Initiative, in any role.
    source: URIRef  # Task, Initiative or Responsibility → TextSpan.
    supports: URIRef  # Agency → Task or Initiative (⊑ responsibleFor).
    upgrades: URIRef  # Task → Platform: 升级, 优化, 完善, 提升, 扩容.

    # owl:DatatypeProperty
    addressee: URIRef  # PolicyDocument → an addressee as written.
    agencyType: URIRef  # Agency → the gazetteer's kind of body (government, party …).
    collective: URIRef  # Agency → xsd:boolean, true for units such as 各设区市人民政府.
    contentDigest: URIRef  # PolicyDocument → SHA-256 of the file's bytes, hex.
    counted: URIRef  # Target → the thing counted.
    deadline: URIRef  # Task → the deadline as written (2025年, 年底前).
    declared: URIRef  # Responsibility → xsd:boolean, added by a document-level declaration.
    divisionCode: URIRef  # Place → the six-digit GB/T 2260 code (⊑ skos:notation).
    extractorVersion: URIRef  # PolicyDocument → the extractor version that wrote its graph.
    fileName: URIRef  # PolicyDocument → the name of the file read.
    level: URIRef  # Place → country, province, prefecture or county.
    marker: URIRef  # Initiative → its number as written, such as （一）.
    qualifier: URIRef  # Target → 以上, 超, 不少于 ….
    resolved: URIRef  # Agency → xsd:boolean, false where the gazetteer did not know the unit.
    signed: URIRef  # PolicyDocument → xsd:date signed (⊑ dct:date).
    unit: URIRef  # Target → the unit as written (个, 家, %) (⊑ schema:unitText).
    value: URIRef  # Target → xsd:decimal (⊑ schema:value).


class OA(rdflib.namespace.DefinedNamespace):
    """The Web Annotation vocabulary terms the project uses, http://www.w3.org/ns/oa#."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    TextPositionSelector: URIRef  # A selector by character positions in a text.
    end: URIRef  # The end position, exclusive (an integer from 0).
    start: URIRef  # The start position, inclusive (an integer from 0).


class CPOV(rdflib.namespace.DefinedNamespace):
    """The Core Public Organisation Vocabulary terms the project uses, http://data.europa.eu/m8g/."""

    _fail = True
    _NS = Namespace("http://data.europa.eu/m8g/")

    PublicOrganisation: URIRef  # An organisation defined by public law or acting for the public sector.


def load_ontology() -> Graph:
    """The ontology, ``ontology/policykg.ttl``, parsed into a new graph.

    >>> (PKG.Agency, None, None) in load_ontology()
    True
    """
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def load_shapes() -> Graph:
    """The SHACL shapes, ``ontology/shapes.ttl``, parsed into a new graph.

    >>> from rdflib.namespace import SH
    >>> (None, SH.targetClass, PKG.Task) in load_shapes()
    True
    """
    return Graph().parse(SHAPES_FILE, format="turtle")
