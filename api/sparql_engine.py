"""Running SPARQL safely over the store and writing its answer in a standard format.

Oxigraph writes the answer itself (its serializers are an order of magnitude faster than building
it in Python), into a buffer that stops the run as soon as the answer passes its size limit or
the query passes its deadline, so a runaway query costs its own client an error and nothing
else. SERVICE (federated) queries are refused before they run, so the server never fetches a URL.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

__all__ = [
    "GRAPH_FORMATS",
    "RESULTS_FORMATS",
    "Answer",
    "DatasetConflict",
    "LoadRefused",
    "NotAQuery",
    "NotAcceptable",
    "QueryRefused",
    "QueryTooLong",
    "ResultTooLarge",
    "is_update",
    "run_query",
    "run_update",
    "uses_service",
    "with_using",
]


class QueryRefused(ValueError):
    """A query the server will not run (SERVICE)."""


class QueryTooLong(TimeoutError):
    """The query passed its time limit."""


class ResultTooLarge(ValueError):
    """The answer is larger than the size limit."""


class LoadRefused(QueryRefused):
    """A LOAD, which would make the server fetch a URL or read a file, on a server that does not allow it."""


class NotAQuery(ValueError):
    """A SPARQL Update sent where a query was expected."""


class NotAcceptable(ValueError):
    """The client accepts no format for this kind of answer ("results" or "graph")."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"no {kind} format is acceptable")
        self.kind = kind

    def __reduce__(self) -> tuple[type[NotAcceptable], tuple[str]]:  # it travels back from the store worker
        return (NotAcceptable, (self.kind,))


_UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
# The tokens that may hold the words: IRIs, strings and comments as the SPARQL grammar reads them (an IRI
# cannot hold '"', '{' or spaces, long strings have escapes, comments end at CR too); a looser reading would
# let `FILTER(?a<"x>") SERVICE <…>` or a comment ended by CR hide a SERVICE from the check. The string
# patterns are written as unrolled loops (a run of plain characters, then an escape or a lone quote), so a
# literal of megabytes is matched in one pass instead of one alternation per character.
_STRIP = re.compile(
    r'<[^<>"{}|^`\\\x00-\x20]*>'
    r'|"""[^"\\]*(?:(?:\\[\s\S]|"{1,2}(?!"))[^"\\]*)*"""'
    r"|'''[^'\\]*(?:(?:\\[\s\S]|'{1,2}(?!'))[^'\\]*)*'''"
    r'|"[^"\\\n\r]*(?:\\.[^"\\\n\r]*)*"'
    r"|'[^'\\\n\r]*(?:\\.[^'\\\n\r]*)*'"
    r"|\\."
    r"|#[^\r\n]*"
)


def _keyword(word: str) -> re.Pattern[str]:
    """*word* as a keyword: not a variable (?service), a prefixed name (service:x, ex:service) nor part of a word."""
    return re.compile(rf"(?<![\w?$:-]){word}(?![\w:-])", re.IGNORECASE)


_SERVICE = _keyword("SERVICE")
_LOAD = _keyword("LOAD")
_FROM = _keyword("FROM")
_DATASET_CLAUSE = _keyword("(?:USING|WITH)")
_MODIFY = _keyword("(?:INSERT|DELETE)")
_WHERE = _keyword("WHERE")
_DATA_OR_WHERE = re.compile(r"\s*(?:DATA|WHERE)(?![\w:-])", re.IGNORECASE)


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_HEAD = 65_536  # the first keyword of any real query or update is within this many characters


def _unescaped(sparql: str) -> str:
    """The text as the grammar reads it: ``\\u`` and ``\\U`` escapes are replaced before parsing
    (SPARQL 1.1 Query 19.2), so no keyword can hide in one.

    >>> _unescaped(r"\u0053ERVICE")
    'SERVICE'
    """
    if "\\u" not in sparql and "\\U" not in sparql:
        return sparql

    def character(escape: re.Match[str]) -> str:
        codepoint = int(escape.group(1) or escape.group(2), 16)
        return chr(codepoint) if codepoint <= 0x10FFFF else escape.group()

    return _CODEPOINT.sub(character, sparql)


def _code(sparql: str) -> str:
    """The query with IRIs, strings and comments blanked out (each character by a space, so
    positions stay those of the query), so keywords are found only in code."""
    return _STRIP.sub(lambda token: " " * len(token.group()), sparql)


def _says(keyword: re.Pattern[str], word: str, sparql: str) -> bool:
    """Whether *sparql* has *word* as the *keyword* in its code. Most texts never hold the word at
    all, which a plain search tells at once: a query of megabytes then costs no regular expression."""
    text = _unescaped(sparql)
    return word in text.upper() and keyword.search(_code(text)) is not None


def uses_service(sparql: str) -> bool:
    """Whether the query asks for a federated (SERVICE) sub-query.

    >>> uses_service("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE')
    False
    >>> uses_service(r"SELECT * WHERE { \u0053ERVICE <http://x/sparql> { ?s ?p ?o } }")
    True
    """
    return _says(_SERVICE, "SERVICE", sparql)


def uses_load(sparql: str) -> bool:
    """Whether the update asks to LOAD a document from a URL.

    >>> uses_load("LOAD <http://example.org/x.ttl>"), uses_load('INSERT DATA { <a:b> <a:c> "LOAD <x>" }')
    (True, False)
    """
    return _says(_LOAD, "LOAD", sparql)


def names_dataset(sparql: str) -> bool:
    """Whether the query names its own dataset (FROM, FROM NAMED).

    >>> names_dataset("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }"), names_dataset("SELECT ?from { ?s ?p ?from }")
    (True, False)
    """
    return _says(_FROM, "FROM", sparql)


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL Update rather than a query: its first keyword after the
    prologue, looked for in the text's head first.

    >>> is_update("PREFIX x: <urn:x#> INSERT DATA { x:a x:b x:c }"), is_update("SELECT * { ?s ?p ?o }")
    (True, False)
    """
    text = _unescaped(sparql)
    for part in (text[:_HEAD], text) if len(text) > _HEAD else (text,):
        body = re.sub(r"\b(?:PREFIX\s+[\w.-]*:|BASE)\s*", " ", _code(part), flags=re.IGNORECASE)
        first = re.match(r"\s*([A-Za-z]+)", body)
        if first is not None:
            return first.group(1).upper() in _UPDATE_KEYWORDS
    return False


RESULTS_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}


@dataclass(frozen=True)
class Answer:
    """A query's answer, written out."""

    kind: str  # "results" (SELECT, ASK) or "graph" (CONSTRUCT, DESCRIBE)
    format: str  # a key of RESULTS_FORMATS or GRAPH_FORMATS
    body: bytes


class _BoundedBuffer:
    """The file Oxigraph's serializer writes to: it raises as soon as the answer grows past
    *max_bytes* or the clock passes *deadline*, which stops the serializer and the query."""

    def __init__(self, max_bytes: int, deadline: float) -> None:
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.chunks: list[bytes] = []
        self.size = 0

    def write(self, chunk: bytes) -> int:
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise ResultTooLarge(f"the answer is larger than {self.max_bytes:,} bytes; add a LIMIT")
        if time.monotonic() > self.deadline:
            raise QueryTooLong("the query ran past its time limit")
        self.chunks.append(bytes(chunk))
        return len(chunk)

    def flush(self) -> None:
        """Nothing to flush: the chunks are joined once the answer is complete."""


def run_query(
    store: Any,
    sparql: str,
    *,
    formats: Mapping[str, str | None],
    deadline: float,
    max_bytes: int,
    default_graphs: list[str] | None = None,
    named_graphs: list[str] | None = None,
    base_iri: str | None = None,
) -> Answer:
    """Run *sparql* on the pyoxigraph *store* and write the answer in ``formats[kind]``.

    Relative IRIs resolve against *base_iri* (the endpoint's URL). Raises :class:`NotAQuery`
    for an update, :class:`QueryTooLong` after *deadline* (a ``time.monotonic()`` value),
    :class:`ResultTooLarge` past *max_bytes*, :class:`NotAcceptable` when the format for the
    answer's kind is None, and pyoxigraph's ``SyntaxError`` for a malformed query.
    """
    if is_update(sparql):
        raise NotAQuery("this is a SPARQL Update: send it as update= or application/sparql-update")
    if uses_service(sparql):
        raise QueryRefused("SERVICE (federated) queries are not allowed on this endpoint")
    options: dict[str, Any] = {"base_iri": base_iri}
    if default_graphs or named_graphs:
        # A protocol dataset is exactly the graphs given: a default graph of the default-graph-uri graphs and
        # the named-graph-uri graphs as named graphs (SPARQL 1.1 Protocol 2.1.4), the rest stays out of sight.
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs or ()]
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs or ()]
    elif not names_dataset(sparql):  # FROM and FROM NAMED in the query say which graphs it sees
        options["use_default_graph_as_union"] = True
    results = store.query(sparql, **options)
    kind = "graph" if isinstance(results, ox.QueryTriples) else "results"
    fmt = formats.get(kind)
    if fmt is None:
        raise NotAcceptable(kind)
    buffer = _BoundedBuffer(max_bytes, deadline)
    results.serialize(buffer, format=(GRAPH_FORMATS if kind == "graph" else RESULTS_FORMATS)[fmt])
    if time.monotonic() > deadline:
        raise QueryTooLong("the query ran past its time limit")
    return Answer(kind, fmt, b"".join(buffer.chunks))


class DatasetConflict(ValueError):
    """``using-graph-uri``/``using-named-graph-uri`` given for an update that names its own dataset."""


def with_using(sparql: str, graphs: list[str], named_graphs: list[str]) -> str:
    """*sparql* with the protocol's ``using-graph-uri`` (*graphs*) and ``using-named-graph-uri``
    (*named_graphs*) as ``USING``/``USING NAMED`` clauses of each operation with a ``WHERE``
    (SPARQL 1.1 Protocol 2.2.3); :class:`DatasetConflict` if it has ``USING`` or ``WITH`` of its own.

    >>> with_using("INSERT { ?s a <urn:c> } WHERE { ?s ?p ?o }", ["urn:g"], [])
    'INSERT { ?s a <urn:c> } USING <urn:g> WHERE { ?s ?p ?o }'
    >>> with_using('INSERT DATA { <urn:a> <urn:b> "WHERE" }', ["urn:g"], [])
    'INSERT DATA { <urn:a> <urn:b> "WHERE" }'
    """
    if not graphs and not named_graphs:
        return sparql
    sparql = _unescaped(sparql)
    code = _code(sparql)
    if _DATASET_CLAUSE.search(code):
        raise DatasetConflict("the update names its dataset (USING or WITH) and so does the request")
    clauses = "".join(f"USING <{ox.NamedNode(g).value}> " for g in graphs)
    clauses += "".join(f"USING NAMED <{ox.NamedNode(g).value}> " for g in named_graphs)
    insertions, start = [], 0
    for operation_end in [*(m.start() for m in re.finditer(";", code)), len(code)]:
        modify = _MODIFY.search(code, start, operation_end)
        if modify and not _DATA_OR_WHERE.match(code, modify.end()):
            where = _WHERE.search(code, modify.end(), operation_end)
            if where:
                insertions.append(where.start())
        start = operation_end + 1
    for position in reversed(insertions):
        sparql = sparql[:position] + clauses + sparql[position:]
    return sparql


def run_update(
    store: Any,
    sparql: str,
    *,
    allow_load: bool = False,
    base_iri: str | None = None,
    using_graphs: list[str] | None = None,
    using_named_graphs: list[str] | None = None,
) -> None:
    """Apply *sparql* in one transaction. SERVICE is refused, and LOAD unless *allow_load*: both
    would make the server fetch URLs (or read local files) on a client's behalf."""
    if uses_service(sparql):
        raise QueryRefused("SERVICE (federated) updates are not allowed on this endpoint")
    if not allow_load and uses_load(sparql):
        raise LoadRefused("LOAD is off on this server (set POLICYKG_ALLOW_LOAD=true to allow it)")
    store.update(with_using(sparql, using_graphs or [], using_named_graphs or []), base_iri=base_iri)
