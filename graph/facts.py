"""What the analytics and the exports read from a store, as plain data: who answers for which
initiative, in which document and year, and which platforms each task acts on
(:class:`graph.analytics.Facts`); each initiative's agencies, for counting shared initiatives;
and the documents a filter (a document, a jurisdiction, a year) selects.

Entities are named by their id, the IRI without the base (``agency/350000/drc``), as the API
names them; :func:`initiative_members` alone answers in IRIs, for the explorer that labels them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from pyoxigraph import NamedNode

from graph.analytics import Facts, PlatformAction
from graph.queries import PREFIXES
from graph.store import KnowledgeStore
from graph.terms import PKG

__all__ = ["DocumentInfo", "initiative_members", "read_documents", "read_facts", "select_documents"]

_YEAR = re.compile(r"^(\d{4})-")


@dataclass(frozen=True)
class DocumentInfo:
    """A document as the filters see it."""

    iri: str
    file: str
    title: str | None
    year: int | None  # of its date of issue, else of signature
    jurisdiction: str | None  # the division code of the jurisdiction it was issued for
    jurisdiction_names: frozenset[str]  # that jurisdiction's code, names and aliases


def read_documents(store: KnowledgeStore) -> list[DocumentInfo]:
    """Every document of the store, ordered by file name."""
    rows = store.select(
        PREFIXES
        + """SELECT ?d ?file (SAMPLE(?t) AS ?title) (MIN(COALESCE(?issued, ?signed)) AS ?dated) ?place
                  (SAMPLE(?c) AS ?code)
        WHERE {
          ?d a pkg:PolicyDocument ; pkg:fileName ?file .
          OPTIONAL { ?d dct:title ?t } OPTIONAL { ?d dct:issued ?issued } OPTIONAL { ?d pkg:signed ?signed }
          OPTIONAL { ?d pkg:jurisdiction ?place OPTIONAL { ?place pkg:divisionCode ?c } }
        } GROUP BY ?d ?file ?place ORDER BY ?file"""
    )
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.select(
        PREFIXES
        + """SELECT DISTINCT ?place ?name WHERE {
          ?d a pkg:PolicyDocument ; pkg:jurisdiction ?place . ?place skos:prefLabel|skos:altLabel ?name }"""
    ):
        names[row["place"].value].add(row["name"].value)
    documents: dict[str, DocumentInfo] = {}
    for row in rows:
        place = row["place"].value if row["place"] is not None else None
        code = row["code"].value if row["code"] is not None else None
        year = _YEAR.match(row["dated"].value) if row["dated"] is not None else None
        documents.setdefault(
            row["d"].value,
            DocumentInfo(
                iri=row["d"].value,
                file=row["file"].value,
                title=row["title"].value if row["title"] is not None else None,
                year=int(year.group(1)) if year else None,
                jurisdiction=code,
                jurisdiction_names=frozenset({*names.get(place or "", ()), *([code] if code else [])}),
            ),
        )
    return list(documents.values())


def select_documents(
    documents: Collection[DocumentInfo],
    base: str,
    *,
    document: str | None = None,
    jurisdiction: str | None = None,
    year: int | None = None,
) -> set[str] | None:
    """The IRIs of the *documents* every given filter selects; None when no filter is given.

    *document* is a document's id (``document/plan.txt``), IRI or file name; *jurisdiction* the
    division code (``350000``) or a name (``福建省``, ``福建``) of the jurisdiction a document was
    issued for, that one only (350000 is not 350100, Fuzhou, within it); *year* the year of its
    date of issue, or of signature when it gives no date of issue.

    >>> plan = DocumentInfo("urn:d/plan.txt", "plan.txt", None, 2022, "350000", frozenset({"350000", "福建"}))
    >>> select_documents([plan], "urn:d/"), select_documents([plan], "urn:d/", jurisdiction="福建", year=2022)
    (None, {'urn:d/plan.txt'})
    >>> select_documents([plan], "urn:d/", document="plan.txt", year=2021)
    set()
    """
    if document is None and jurisdiction is None and year is None:
        return None
    return {
        d.iri
        for d in documents
        if (document is None or document in (d.iri, d.file) or base + document == d.iri)
        and (jurisdiction is None or jurisdiction in d.jurisdiction_names)
        and (year is None or d.year == year)
    }


def initiative_members(
    store: KnowledgeStore, *, lead_only: bool = False, documents: Collection[str] | None = None
) -> dict[str, list[str]]:
    """Each initiative's agencies (IRIs): those answering for it, or with *lead_only* those that
    lead it; only the initiatives of *documents* (IRIs) when given.

    One row per initiative, its agencies joined into one string by the store: decoding one row
    per pair of agency and initiative costs several times more.
    """
    relation = NamedNode(PKG.leads if lead_only else PKG.responsibleFor)
    if documents is None:
        rows = store.select(
            PREFIXES
            + """SELECT ?relation ?i (GROUP_CONCAT(STR(?a); separator=" ") AS ?agencies)
            WHERE { ?a ?relation ?i . ?i a pkg:Initiative } GROUP BY ?relation ?i""",
            relation=relation,
        )
        return {row["i"].value: row["agencies"].value.split() for row in rows}
    rows = store.select(
        PREFIXES
        + """SELECT ?relation ?i ?d (GROUP_CONCAT(STR(?a); separator=" ") AS ?agencies)
        WHERE { ?a ?relation ?i . ?i a pkg:Initiative ; prov:wasDerivedFrom ?d } GROUP BY ?relation ?i ?d""",
        relation=relation,
    )
    return {row["i"].value: row["agencies"].value.split() for row in rows if row["d"].value in documents}


def read_facts(store: KnowledgeStore, base: str, *, documents: Collection[str] | None = None) -> Facts:
    """Who answers for which initiative, leads it, in which document and year, and what each
    task does to which platform (:class:`~graph.analytics.Facts`), keyed by id relative to
    *base*; only what *documents* (IRIs) hold when given."""

    def ident(iri: str) -> str:
        return iri[len(base) :] if iri.startswith(base) else iri

    infos = [d for d in read_documents(store) if documents is None or d.iri in documents]
    kept = {d.iri for d in infos}
    labels = {ident(d.iri): d.title or d.file for d in infos}
    years = {ident(d.iri): d.year for d in infos}
    initiative_documents: dict[str, str] = {}
    for row in store.select(
        PREFIXES
        + """SELECT ?i ?d (SAMPLE(?t) AS ?title) WHERE { ?i a pkg:Initiative ; prov:wasDerivedFrom ?d .
           OPTIONAL { ?i dct:title ?t } } GROUP BY ?i ?d"""
    ):
        if row["d"].value in kept:
            initiative = ident(row["i"].value)
            initiative_documents[initiative] = ident(row["d"].value)
            if row["title"] is not None:
                labels[initiative] = row["title"].value
    members: dict[str, set[str]] = defaultdict(set)
    leads: dict[str, set[str]] = defaultdict(set)
    for row in store.select(
        PREFIXES
        + """SELECT DISTINCT ?a ?relation ?i WHERE { VALUES ?relation { pkg:responsibleFor pkg:leads }
           ?a ?relation ?i . ?i a pkg:Initiative }"""
    ):
        initiative = ident(row["i"].value)
        if initiative in initiative_documents:
            grouped = leads if row["relation"].value == str(PKG.leads) else members
            grouped[initiative].add(ident(row["a"].value))
    for row in store.select(
        PREFIXES + "SELECT ?a (MIN(?l) AS ?label) WHERE { ?a a pkg:Agency ; skos:prefLabel ?l } GROUP BY ?a"
    ):
        labels[ident(row["a"].value)] = row["label"].value
    task_agencies: dict[str, set[str]] = defaultdict(set)
    for row in store.select(PREFIXES + "SELECT DISTINCT ?a ?t WHERE { ?a pkg:responsibleFor ?t . ?t a pkg:Task }"):
        task_agencies[ident(row["t"].value)].add(ident(row["a"].value))
    actions = []
    for row in store.select(
        PREFIXES
        + """SELECT DISTINCT ?t ?i ?action ?p ?label WHERE { ?t a pkg:Task ; pkg:initiative ?i ; ?action ?p .
           ?p a pkg:Platform . OPTIONAL { ?p skos:prefLabel ?label } } ORDER BY ?t ?p ?action"""
    ):
        initiative, platform = ident(row["i"].value), ident(row["p"].value)
        if initiative in initiative_documents:
            actions.append(
                PlatformAction(ident(row["t"].value), initiative, platform, row["action"].value.split("#")[-1])
            )
            if row["label"] is not None:
                labels[platform] = row["label"].value
    return Facts(
        members={i: frozenset(a) for i, a in members.items()},
        leads={i: frozenset(a) for i, a in leads.items()},
        documents=initiative_documents,
        years=years,
        labels=labels,
        task_agencies={t: frozenset(a) for t, a in task_agencies.items()},
        actions=tuple(actions),
    )
