"""Running SPARQL safely over the store, and writing the results in the standard formats.

A query runs against a deadline and a result limit: rows are read one at a time and the run
stops as soon as either is passed, so a runaway query costs its own client an error and
nothing else. SERVICE (federated) queries are refused before they run, so the server never
fetches a URL.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

__all__ = [
    "Outcome",
    "QueryRefused",
    "QueryTooLong",
    "ResultTooLarge",
    "is_update",
    "run_query",
    "run_update",
    "serialize_outcome",
    "uses_service",
]


class QueryRefused(ValueError):
    """A query the server will not run (SERVICE)."""


class QueryTooLong(TimeoutError):
    """The query passed its time limit."""


class ResultTooLarge(ValueError):
    """The result has more rows or triples than the limit."""


_UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
# The tokens that may hold the words: IRIs, strings and comments as the SPARQL grammar reads them (an IRI
# cannot hold '"', '{' or spaces, long strings have escapes, comments end at CR too); a looser reading would
# let `FILTER(?a<"x>") SERVICE <…>` or a comment ended by CR hide a SERVICE from the check.
_STRIP = re.compile(
    r'<[^<>"{}|^`\\\x00-\x20]*>'
    r'|"""(?:[^"\\]|\\[\s\S]|"{1,2}(?!"))*"""'
    r"|'''(?:[^'\\]|\\[\s\S]|'{1,2}(?!'))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r"|\\."
    r"|#[^\r\n]*"
)
# A keyword, not a variable (?service), a prefixed name (service:x, ex:service) nor part of a word.
_SERVICE = re.compile(r"(?<![\w?$:-])SERVICE(?![\w:-])", re.IGNORECASE)


def _code(sparql: str) -> str:
    """The query with IRIs, strings and comments blanked out, so keywords are found only in code."""
    return _STRIP.sub(" ", sparql)


def uses_service(sparql: str) -> bool:
    """Whether the query asks for a federated (SERVICE) sub-query.

    >>> uses_service("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE')
    False
    """
    return _SERVICE.search(_code(sparql)) is not None


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL Update rather than a query.

    >>> is_update("PREFIX x: <urn:x#> INSERT DATA { x:a x:b x:c }"), is_update("SELECT * { ?s ?p ?o }")
    (True, False)
    """
    body = re.sub(r"\b(?:PREFIX\s+[\w.-]*:|BASE)\s*", " ", _code(sparql), flags=re.IGNORECASE)
    first = re.match(r"\s*([A-Za-z]+)", body)
    return first is not None and first.group(1).upper() in _UPDATE_KEYWORDS


@dataclass
class Outcome:
    """A query's results, read within the limits."""

    kind: str  # "solutions", "boolean" or "triples"
    variables: list[str] = field(default_factory=list)
    rows: list[Any] = field(default_factory=list)
    triples: list[Any] = field(default_factory=list)
    boolean: bool = False


def run_query(
    store: Any,
    sparql: str,
    *,
    deadline: float,
    limit: int,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
) -> Outcome:
    """Run *sparql* on the pyoxigraph *store*; raise :class:`QueryTooLong` after *deadline*
    (a ``time.monotonic()`` value) and :class:`ResultTooLarge` past *limit* rows."""
    if uses_service(sparql):
        raise QueryRefused("SERVICE (federated) queries are not allowed on this endpoint")
    options: dict[str, Any] = {}
    if default_graphs or named_graphs:
        # A protocol dataset is exactly the graphs given: a default graph of the default-graph-uri graphs and
        # the named-graph-uri graphs as named graphs (SPARQL 1.1 Protocol 2.1.4), the rest stays out of sight.
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs or ()]
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or ()]
    else:
        options["use_default_graph_as_union"] = True
    results = store.query(sparql, **options)
    if isinstance(results, ox.QueryBoolean):
        return Outcome("boolean", boolean=bool(results))
    collected = []
    for index, item in enumerate(results):
        if index >= limit:
            raise ResultTooLarge(f"the result has more than {limit} rows; add a LIMIT")
        if index % 256 == 0 and time.monotonic() > deadline:
            raise QueryTooLong("the query ran past its time limit")
        collected.append(item)
    if time.monotonic() > deadline:
        raise QueryTooLong("the query ran past its time limit")
    if isinstance(results, ox.QueryTriples):
        return Outcome("triples", triples=collected)
    return Outcome("solutions", variables=[v.value for v in results.variables], rows=collected)


def run_update(store: Any, sparql: str) -> None:
    if uses_service(sparql):
        raise QueryRefused("SERVICE (federated) updates are not allowed on this endpoint")
    store.update(sparql)


# --- writing results -------------------------------------------------------------------------


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": term.language}
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return {"type": "literal", "value": term.value, "datatype": term.datatype.value}
        return {"type": "literal", "value": term.value}
    return {"type": "triple", "value": str(term)}


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _solutions_json(outcome: Outcome) -> bytes:
    bindings = [
        {name: _json_term(row[name]) for name in outcome.variables if row[name] is not None} for row in outcome.rows
    ]
    return json.dumps(
        {"head": {"vars": outcome.variables}, "results": {"bindings": bindings}}, ensure_ascii=False
    ).encode()


def _solutions_xml(outcome: Outcome) -> bytes:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    parts += [f"<variable name={quoteattr(name)}/>" for name in outcome.variables]
    parts.append("</head><results>")
    for row in outcome.rows:
        parts.append("<result>")
        for name in outcome.variables:
            if row[name] is not None:
                parts.append(f"<binding name={quoteattr(name)}>{_xml_term(row[name])}</binding>")
        parts.append("</result>")
    parts.append("</results></sparql>\n")
    return "".join(parts).encode()


def _csv_value(term: Any) -> str:
    """A term's value; a blank node as ``_:label``, so it is not read back as a literal (SPARQL 1.1 CSV)."""
    return "_:" + term.value if isinstance(term, ox.BlankNode) else str(term.value)


def _solutions_csv(outcome: Outcome) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(outcome.variables)
    for row in outcome.rows:
        writer.writerow(["" if row[name] is None else _csv_value(row[name]) for name in outcome.variables])
    return buffer.getvalue().encode()


def _solutions_tsv(outcome: Outcome) -> bytes:
    lines = ["\t".join("?" + name for name in outcome.variables)]
    for row in outcome.rows:
        lines.append("\t".join("" if row[name] is None else str(row[name]) for name in outcome.variables))
    return ("\n".join(lines) + "\n").encode()


_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}


def serialize_triples(triples: list[Any], fmt: str) -> bytes:
    rdf_format = _RDF_FORMATS[fmt]
    if rdf_format.supports_datasets:
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    else:
        items = triples
    return bytes(ox.serialize(items, format=rdf_format) or b"")


def serialize_outcome(outcome: Outcome, fmt: str) -> bytes:
    """*outcome* in *fmt*: json, xml, csv, tsv for solutions and booleans; an RDF format for triples."""
    if outcome.kind == "triples":
        return serialize_triples(outcome.triples, fmt)
    if outcome.kind == "boolean":
        if fmt == "xml":
            value = "true" if outcome.boolean else "false"
            head = '<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
            return f"{head}<head/><boolean>{value}</boolean></sparql>\n".encode()
        if fmt in ("csv", "tsv"):
            return (("true" if outcome.boolean else "false") + "\n").encode()
        return json.dumps({"head": {}, "boolean": outcome.boolean}).encode()
    writers = {"json": _solutions_json, "xml": _solutions_xml, "csv": _solutions_csv, "tsv": _solutions_tsv}
    return writers[fmt](outcome)
