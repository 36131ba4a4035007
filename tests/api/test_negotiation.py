"""The Accept-header parser and the media-type choice, as pure functions: every client quirk the
endpoint tolerates is one row here."""

from __future__ import annotations

import pytest

from api.negotiation import (
    CANONICAL,
    FORMAT_PARAMETERS,
    GRAPH_MEDIA_TYPES,
    RESULT_MEDIA_TYPES,
    choose_media_type,
    parse_accept,
)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, [("*/*", 1.0)]),
        ("", [("*/*", 1.0)]),
        ("   ", [("*/*", 1.0)]),
        ("text/csv", [("text/csv", 1.0)]),
        ("Text/CSV", [("text/csv", 1.0)]),
        # q-values order the ranges; equal q keeps the written order
        ("text/csv;q=0.5, application/json", [("application/json", 1.0), ("text/csv", 0.5)]),
        ("a/x;q=0.5, b/y;q=0.5, c/z", [("c/z", 1.0), ("a/x", 0.5), ("b/y", 0.5)]),
        ("a/x, b/y", [("a/x", 1.0), ("b/y", 1.0)]),
        # charset and other parameters are not part of the media type
        (
            "application/sparql-results+json; charset=utf-8",
            [("application/sparql-results+json", 1.0)],
        ),
        ("text/turtle;charset=UTF-8;q=0.9", [("text/turtle", 0.9)]),
        ("text/turtle; Q=0.3", [("text/turtle", 0.3)]),
        # q=0 means "not acceptable": the range is dropped
        ("text/csv;q=0, text/tab-separated-values", [("text/tab-separated-values", 1.0)]),
        # a q that is no number counts as 0; out-of-range q is clamped
        ("text/csv;q=abc, text/xml", [("text/xml", 1.0)]),
        ("text/csv;q=7", [("text/csv", 1.0)]),
        ("text/csv;q=-1", []),
        # empty parts (trailing commas) are skipped
        ("text/csv,, ,", [("text/csv", 1.0)]),
        # a browser's Accept
        (
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            [("text/html", 1.0), ("application/xhtml+xml", 1.0), ("application/xml", 0.9), ("*/*", 0.8)],
        ),
    ],
)
def test_parse_accept(header: str | None, expected: list[tuple[str, float]]) -> None:
    assert parse_accept(header) == expected


@pytest.mark.parametrize(
    ("accept", "kind", "parameter", "expected"),
    [
        # defaults: SPARQL JSON for results, Turtle for graphs
        (None, "results", None, "json"),
        ("*/*", "results", None, "json"),
        ("*/*", "graph", None, "turtle"),
        ("", "graph", None, "turtle"),
        ("text/*", "results", None, "json"),
        ("application/*", "graph", None, "turtle"),
        # every results media type
        ("application/sparql-results+json", "results", None, "json"),
        ("application/json", "results", None, "json"),
        ("application/sparql-results+xml", "results", None, "xml"),
        ("application/xml", "results", None, "xml"),
        ("text/xml", "results", None, "xml"),
        ("text/csv", "results", None, "csv"),
        ("text/tab-separated-values", "results", None, "tsv"),
        # every graph media type
        ("text/turtle", "graph", None, "turtle"),
        ("application/x-turtle", "graph", None, "turtle"),
        ("text/n3", "graph", None, "turtle"),
        ("application/n-triples", "graph", None, "ntriples"),
        ("text/plain", "graph", None, "ntriples"),
        ("application/ld+json", "graph", None, "jsonld"),
        ("application/json", "graph", None, "jsonld"),
        ("application/rdf+xml", "graph", None, "rdfxml"),
        ("application/xml", "graph", None, "rdfxml"),
        ("application/trig", "graph", None, "trig"),
        ("application/n-quads", "graph", None, "nquads"),
        # charset parameters and q-values
        ("text/csv; charset=utf-8", "results", None, "csv"),
        ("text/turtle;charset=UTF-8", "graph", None, "turtle"),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.8", "results", None, "xml"),
        ("application/rdf+xml;q=0.1, application/n-triples", "graph", None, "ntriples"),
        # the first acceptable range wins over a later wildcard, unknown ranges are passed over
        ("image/png, text/csv, */*", "results", None, "csv"),
        ("image/png, */*;q=0.1", "results", None, "json"),
        ("text/html, application/xhtml+xml, */*;q=0.8", "graph", None, "turtle"),
        # nothing acceptable: 406
        ("image/png", "results", None, None),
        ("text/html", "graph", None, None),
        ("text/csv", "graph", None, None),
        ("application/trig", "results", None, None),
        ("text/csv;q=0", "results", None, None),
        # SPARQLWrapper's format/output parameters win over Accept
        ("text/html", "results", "json", "json"),
        ("application/sparql-results+json", "results", "xml", "xml"),
        ("*/*", "results", "csv", "csv"),
        ("*/*", "results", "tsv", "tsv"),
        ("*/*", "graph", "turtle", "turtle"),
        ("*/*", "graph", "n3", "turtle"),
        ("*/*", "graph", "xml", "rdfxml"),
        ("*/*", "graph", "rdf+xml", "rdfxml"),
        ("*/*", "graph", "json", "jsonld"),
        ("*/*", "graph", "json-ld", "jsonld"),
        ("*/*", "graph", "nt", "ntriples"),
        ("*/*", "graph", "trig", "trig"),
        ("*/*", "graph", "nquads", "nquads"),
        ("*/*", "results", "JSON", "json"),
        # ... given as media types, alone or as the list SPARQLWrapper repeats them in
        ("*/*", "results", "text/tab-separated-values", "tsv"),
        ("*/*", "graph", "application/rdf+xml", "rdfxml"),
        ("*/*", "graph", "application/ld+json,application/x-json+ld", "jsonld"),
        ("*/*", "graph", "application/x-json+ld, application/ld+json", "jsonld"),
        ("*/*", "graph", "image/png", None),
        # an unknown format word falls back on Accept
        ("text/csv", "results", "excel", "csv"),
        ("image/png", "results", "excel", None),
    ],
)
def test_choose_media_type(accept: str | None, kind: str, parameter: str | None, expected: str | None) -> None:
    assert choose_media_type(accept, kind, parameter) == expected


def test_every_format_has_a_canonical_media_type_that_chooses_it() -> None:
    for table, kind in ((RESULT_MEDIA_TYPES, "results"), (GRAPH_MEDIA_TYPES, "graph")):
        for fmt in set(table.values()):
            assert choose_media_type(CANONICAL[fmt], kind) == fmt


def test_every_format_parameter_names_known_formats() -> None:
    for results, graph in FORMAT_PARAMETERS.values():
        assert results in RESULT_MEDIA_TYPES.values()
        assert graph in GRAPH_MEDIA_TYPES.values()
