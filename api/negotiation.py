"""Content negotiation as lookup tables and a pure Accept-header parser.

SPARQL results (SELECT, ASK) and RDF graphs (CONSTRUCT, DESCRIBE, Graph Store reads) each
have a table from media type to format; real clients are tolerated: SPARQLWrapper's
``format``/``output`` parameters, charset and q parameters, ``*/*``.
"""

from __future__ import annotations

__all__ = [
    "FORMAT_PARAMETERS",
    "GRAPH_MEDIA_TYPES",
    "RESULT_MEDIA_TYPES",
    "choose_media_type",
    "parse_accept",
]

RESULT_MEDIA_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/javascript": "json",
    "application/javascript": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_MEDIA_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "text/n3": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}
# The media type each format is answered with.
RESULT_DEFAULT = "application/sparql-results+json"
GRAPH_DEFAULT = "text/turtle"
CANONICAL: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "trig": "application/trig",
    "nquads": "application/n-quads",
}
# ``format=`` / ``output=`` values as SPARQLWrapper and other clients send them.
FORMAT_PARAMETERS: dict[str, tuple[str, str]] = {
    "json": ("json", "jsonld"),
    "xml": ("xml", "rdfxml"),
    "csv": ("csv", "turtle"),
    "tsv": ("tsv", "turtle"),
    "turtle": ("json", "turtle"),
    "n3": ("json", "turtle"),
    "ttl": ("json", "turtle"),
    "nt": ("json", "ntriples"),
    "ntriples": ("json", "ntriples"),
    "rdf+xml": ("xml", "rdfxml"),
    "rdf": ("xml", "rdfxml"),
    "json-ld": ("json", "jsonld"),
    "jsonld": ("json", "jsonld"),
    "trig": ("json", "trig"),
    "nquads": ("json", "nquads"),
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, most preferred first (stable among equal q).

    >>> parse_accept("text/csv;q=0.5, application/sparql-results+json; charset=utf-8, */*;q=0.1")
    [('application/sparql-results+json', 1.0), ('text/csv', 0.5), ('*/*', 0.1)]
    >>> parse_accept(None)
    [('*/*', 1.0)]
    """
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for position, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        quality = 1.0
        for parameter in pieces[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, quality) for media, quality, _ in ranges if quality > 0]


def choose_media_type(accept: str | None, kind: str, format_parameter: str | None = None) -> str | None:
    """The format to answer with: ``json``, ``xml``, ``csv``, ``tsv`` for results (*kind*
    ``"results"``) or ``turtle``, ``ntriples``, ``jsonld``, ``rdfxml``, ``trig``, ``nquads`` for
    graphs; None when nothing acceptable is offered (406).

    >>> choose_media_type("application/sparql-results+xml", "results")
    'xml'
    >>> choose_media_type("*/*", "graph")
    'turtle'
    >>> choose_media_type("text/html", "results", "json")
    'json'
    >>> choose_media_type("image/png", "results") is None
    True
    """
    table = RESULT_MEDIA_TYPES if kind == "results" else GRAPH_MEDIA_TYPES
    if format_parameter:
        pair = FORMAT_PARAMETERS.get(format_parameter.lower())
        if pair is None and "/" in format_parameter:
            # Media types, possibly a list: SPARQLWrapper sends format=application/ld+json,application/x-json+ld
            return next((table[media] for media, _ in parse_accept(format_parameter) if media in table), None)
        if pair is not None:
            return pair[0] if kind == "results" else pair[1]
    default = table[RESULT_DEFAULT if kind == "results" else GRAPH_DEFAULT]
    for media, _ in parse_accept(accept):
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*") or media.endswith("/*"):
            return default
    return None
