"""The W3C SPARQL 1.1 protocol test suites, run over HTTP against any SPARQL server.

The suites (``suites/``, copied unchanged from the W3C) describe each test as HTTP requests to
send in order and the response each must get (the ``ht:`` and ``mf:`` vocabularies). This module
reads them with rdflib into plain dataclasses, sends the requests with httpx to a
:class:`Target` (its query, update and Graph Store paths, the optional features it lacks, its
write token) and says of each test whether it passed, failed (expected against got) or does not
apply to that server, and why. Nothing here knows policykg: ``servers.py`` describes the
servers, ``test_protocol_suites.py`` runs the suites under pytest, ``compare.py`` beside the
reference server.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from enum import StrEnum
from http import HTTPStatus
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from urllib.request import url2pathname

import httpx
import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.term import Node

__all__ = [
    "DEFAULT_GRAPH_WRITES",
    "DIRECT_IDENTIFICATION",
    "INDIRECT_IDENTIFICATION",
    "MANIFESTS",
    "POST_GRAPH_CREATION",
    "Case",
    "Expected",
    "Outcome",
    "Request",
    "Result",
    "Target",
    "check_response",
    "endpoint_path",
    "failure_table",
    "graph_data",
    "is_update",
    "known_failure",
    "read_manifest",
    "read_suites",
    "requirements",
    "run_case",
    "run_suites",
    "status_label",
    "status_matches",
]

SUITES = Path(__file__).resolve().parent / "suites"
MANIFESTS: dict[str, Path] = {
    "protocol": SUITES / "protocol" / "manifest.ttl",
    "graph-store-protocol": SUITES / "graph-store-protocol" / "manifest.ttl",
    "http-rdf-update": SUITES / "http-rdf-update" / "manifest.ttl",
    "service-description": SUITES / "service-description" / "manifest.ttl",
}

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
DAWGT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")

# Optional Graph Store features: the three a test names with mf:requires, and one this runner
# reads off the requests themselves (a PUT, POST or DELETE of ``?default``).
DIRECT_IDENTIFICATION = "DirectGraphIdentification"
INDIRECT_IDENTIFICATION = "IndirectGraphIdentification"
POST_GRAPH_CREATION = "POSTGraphCreation"
DEFAULT_GRAPH_WRITES = "DefaultGraphWrites"

WRITE_METHODS = frozenset({"PUT", "POST", "DELETE", "PATCH"})
UPDATE_FIELDS = frozenset({"update", "using-graph-uri", "using-named-graph-uri"})
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
PROLOGUE = re.compile(r"\A\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*", re.IGNORECASE)
# What expectedFormat allows, as the tests' own names say ("expect one of: XML, JSON, CSV, TSV";
# "RDF/XML, Turtle, N-Triples, RDFa"; text/plain was N-Triples' media type before 2014).
BOOLEAN_MEDIA_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
TABULAR_MEDIA_TYPES = (*BOOLEAN_MEDIA_TYPES, "text/csv", "text/tab-separated-values")
RDF_MEDIA_TYPES = ("application/rdf+xml", "text/turtle", "application/n-triples", "text/plain", "text/html")
SD_ACCEPT = "text/turtle, application/rdf+xml;q=0.9, application/n-triples;q=0.8, application/ld+json;q=0.7"
# The Service Description vocabulary (https://www.w3.org/TR/sparql11-service-description/ §3);
# every property of it has resources, not literals, for values.
SD_CLASSES = (
    "Service", "Feature", "Language", "Function", "Aggregate", "EntailmentRegime", "EntailmentProfile",
    "GraphCollection", "Dataset", "NamedGraph", "Graph",
)  # fmt: skip
SD_PROPERTIES = (
    "endpoint", "feature", "defaultEntailmentRegime", "entailmentRegime", "defaultSupportedEntailmentProfile",
    "supportedEntailmentProfile", "extensionFunction", "extensionAggregate", "languageExtension",
    "supportedLanguage", "propertyFeature", "defaultDataset", "availableGraphs", "resultFormat", "inputFormat",
    "defaultGraph", "namedGraph", "name", "graph",
)  # fmt: skip
SD_INSTANCES = (
    "SPARQL10Query", "SPARQL11Query", "SPARQL11Update", "DereferencesURIs", "UnionDefaultGraph",
    "RequiresDataset", "EmptyGraphs", "BasicFederatedQuery",
)  # fmt: skip
SD_LANGUAGES = frozenset({SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update})


# --- What a manifest says --------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """What a response must be: a status (a code, or a class such as ``2xx``), and where the
    manifest says so a results format, an ASK answer, header values, a graph (equal up to
    blank node names) and a Location header that later requests use as a template variable."""

    statuses: tuple[str, ...]
    format: str | None = None
    boolean: bool | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class Request:
    """One ``ht:Request``: sent as written, but for its path, which names the endpoint generically."""

    method: str
    path: str
    expected: Expected
    headers: tuple[tuple[str, str], ...] = ()
    body: str | None = None
    encoding: str = "UTF-8"

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)


@dataclass(frozen=True)
class Case:
    """One entry of a manifest: its requests in order, the graphs to load first (name → file),
    the optional features it needs, and its approval by the W3C working group."""

    suite: str
    name: str
    title: str
    kind: str
    requests: tuple[Request, ...] = ()
    graph_data: tuple[tuple[str, Path], ...] = ()
    requires: frozenset[str] = frozenset()
    approval: str | None = None

    @property
    def id(self) -> str:
        return f"{self.suite}/{self.name}"


def read_suites(names: Iterable[str] = MANIFESTS) -> list[Case]:
    """Every test of the named suites, in manifest order."""
    return [case for name in names for case in read_manifest(MANIFESTS[name], name)]


def read_manifest(path: Path, suite: str) -> list[Case]:
    """The ``mf:entries`` of the manifest at *path*, after those of the manifests it ``mf:include``s.

    Only listed entries are tests: a test described in a manifest but missing from its list
    (``head_non_existing_direct``) is not run, as in every other runner of these suites.
    """
    graph = Graph().parse(path, format="turtle")
    manifest = graph.value(predicate=RDF.type, object=MF.Manifest)
    if manifest is None:
        raise ValueError(f"{path}: no mf:Manifest")
    cases: list[Case] = []
    for included in _items(graph, graph.value(manifest, MF.include)):
        cases += read_manifest(_file(included), suite)
    for entry in _items(graph, graph.value(manifest, MF.entries)):
        cases.append(_case(graph, entry, suite))
    return cases


def graph_data(cases: Iterable[Case]) -> dict[str, Path]:
    """The graphs the tests load, name → file; for a server that must hold them from the start."""
    graphs: dict[str, Path] = {}
    for case in cases:
        for name, file in case.graph_data:
            if graphs.setdefault(name, file) != file:
                raise ValueError(f"{case.id}: graph {name} is loaded from both {graphs[name]} and {file}")
    return graphs


def _items(graph: Graph, head: Node | None) -> list[Node]:
    return [] if head is None else list(Collection(graph, head))


def _local(term: Node | None) -> str:
    return re.split(r"[#/]", str(term))[-1]


def _file(iri: Node | None) -> Path:
    return Path(url2pathname(urlsplit(str(iri)).path))


def _text(graph: Graph, node: Node | None, prop: URIRef) -> str | None:
    value = None if node is None else graph.value(node, prop)
    return None if value is None else str(value)


def _headers(graph: Graph, node: Node) -> tuple[tuple[str, str], ...]:
    return tuple(
        (str(graph.value(header, HT.fieldName)), str(graph.value(header, HT.fieldValue)))
        for header in _items(graph, graph.value(node, HT.headers))
    )


def _case(graph: Graph, entry: Node, suite: str) -> Case:
    for unread in (UT.data, QT.data, QT.graphData):
        if (entry, unread, None) in graph:
            raise ValueError(f"{entry}: {unread} is not read by this runner (the protocol suites use ut:graphData)")
    action = graph.value(entry, MF.action)
    requests = (
        () if action is None else tuple(_request(graph, n) for n in _items(graph, graph.value(action, HT.requests)))
    )
    data = sorted(
        (str(graph.value(node, RDFS.label)), _file(graph.value(node, UT.graph)))
        for node in graph.objects(entry, UT.graphData)
    )
    approval = graph.value(entry, DAWGT.approval)
    return Case(
        suite=suite,
        name=_local(entry),
        title=str(graph.value(entry, MF.name)),
        kind=_local(graph.value(entry, RDF.type)),
        requests=requests,
        graph_data=tuple(data),
        requires=frozenset(_local(feature) for feature in graph.objects(entry, MF.requires)),
        approval=None if approval is None else _local(approval),
    )


def _request(graph: Graph, node: Node) -> Request:
    body = graph.value(node, HT.body)
    response = graph.value(node, HT.resp)
    boolean = graph.value(response, MF.expectedBoolean)
    expected = Expected(
        statuses=tuple(sorted(status_label(str(s)) for s in graph.objects(response, MF.expectedStatus))),
        format=_text(graph, response, MF.expectedFormat),
        boolean=None if not isinstance(boolean, Literal) else bool(boolean.toPython()),
        headers=_headers(graph, response) if response is not None else (),
        body=_text(graph, graph.value(response, HT.body), CNT.chars),
        location=_text(graph, response, MF.expectedLocation),
    )
    return Request(
        method=str(graph.value(node, HT.methodName)),
        path=str(graph.value(node, HT.absolutePath)),
        expected=expected,
        headers=_headers(graph, node),
        body=_text(graph, body, CNT.chars),
        encoding=_text(graph, body, CNT.characterEncoding) or "UTF-8",
    )


def status_label(iri: str) -> str:
    """A status of the ``http-statusCodes`` vocabulary as a code, or a class of codes.

    >>> status_label("http://www.w3.org/2011/http-statusCodes#StatusCode4xx")
    '4xx'
    >>> status_label("http://www.w3.org/2011/http-statusCodes#NoContent")
    '204'
    """
    name = iri.rpartition("#")[2]
    if name.startswith("StatusCode"):
        return name.removeprefix("StatusCode")
    try:
        return str(HTTPStatus[re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).upper()].value)
    except KeyError:
        raise ValueError(f"not an HTTP status of the http-statusCodes vocabulary: {iri}") from None


def status_matches(code: int, statuses: Iterable[str]) -> bool:
    """Whether *code* is one of *statuses* (codes, or classes such as ``2xx``).

    >>> status_matches(204, ("2xx", "3xx")), status_matches(204, ("200", "201"))
    (True, False)
    """
    return any(s == str(code) or (s.endswith("xx") and s[0] == str(code)[0]) for s in statuses)


# --- What a test asks of a server ------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A server under test: where its endpoints are, the optional features it lacks (feature →
    why), whether it takes writes, the bearer token its writes need, and the graphs it holds
    from the start when it takes no writes (a test's graphs are loaded before it otherwise)."""

    name: str
    url: str
    query: str = "/sparql"
    update: str = "/sparql"
    store: str = "/store"
    writes: bool = True
    token: str | None = None
    lacks: Mapping[str, str] = field(default_factory=dict)
    preloaded: frozenset[str] = frozenset()


def is_update(request: Request) -> bool:
    """Whether a request of the protocol suite is an update (sent to the update endpoint, with
    the write token): by its media type, its ``update=``/``using-*`` fields, or else by its text.

    >>> is_update(Request("POST", "/sparql/", Expected(("4xx",)), body="PREFIX a: <x:> CLEAR NAMED"))
    True
    >>> is_update(Request("POST", "/sparql/", Expected(("2xx",)), body="query=ASK%20%7B%7D"))
    False
    """
    if request.path.startswith("/gsp"):
        return False
    media = _media_type(request.header("content-type"))
    if media in ("application/sparql-update", "application/sparql-query"):
        return media == "application/sparql-update"
    fields = set(parse_qs(request.path.partition("?")[2]))
    if media in ("application/x-www-form-urlencoded", "") and request.body:
        fields |= set(parse_qs(request.body))
    if fields & UPDATE_FIELDS:
        return True
    if "query" in fields or not request.body:
        return False
    words = PROLOGUE.sub("", request.body, count=1).split(maxsplit=1)
    return bool(words) and words[0].upper() in UPDATE_KEYWORDS


def is_write(request: Request) -> bool:
    """Whether a request writes: a SPARQL update, or a Graph Store PUT, POST or DELETE."""
    return request.method in WRITE_METHODS if request.path.startswith("/gsp") else is_update(request)


def requirements(case: Case) -> frozenset[str]:
    """The optional features *case* needs: those it names, and default graph writes where it makes them."""
    writes_default = any(
        is_write(r) and "default" in parse_qs(r.path.partition("?")[2], keep_blank_values=True) for r in case.requests
    )
    return case.requires | ({DEFAULT_GRAPH_WRITES} if writes_default else set())


def endpoint_path(path: str, target: Target, *, update: bool = False) -> str:
    """*path* on *target*: ``/sparql/`` becomes its query or update endpoint, ``/gsp`` its Graph
    Store; a path below ``/gsp`` names its graph directly (the graph IRI is the request URL).

    >>> endpoint_path("/sparql/?query=ASK%20%7B%7D", Target("t", "http://h", query="/query"))
    '/query?query=ASK%20%7B%7D'
    >>> endpoint_path("/gsp/person/1.ttl", Target("t", "http://h")), endpoint_path("/gsp?default", Target("t", "h"))
    ('/store/person/1.ttl', '/store?default')
    """
    for prefix, endpoint in (("/sparql/", target.update if update else target.query), ("/gsp", target.store)):
        if path.startswith(prefix):
            rest = path.removeprefix(prefix)
            return endpoint + (rest if not rest or rest[0] in "?/" else "/" + rest)
    raise ValueError(f"{path}: neither a SPARQL (/sparql/) nor a Graph Store (/gsp) path")


# --- Running ---------------------------------------------------------------------------------


class Outcome(StrEnum):
    PASSED = "pass"
    FAILED = "FAIL"
    NOT_APPLICABLE = "n/a"


@dataclass(frozen=True)
class Result:
    """How one test went on one server; the reason says expected against got, or why it does not apply."""

    test: str
    outcome: Outcome
    reason: str = ""


def run_suites(cases: Iterable[Case], target: Target, *, timeout: float = 30.0) -> list[Result]:
    """Each test's result on *target*, in order."""
    return [run_case(case, target, timeout=timeout) for case in cases]


def run_case(case: Case, target: Target, *, timeout: float = 30.0) -> Result:
    """Run one test on *target*: set up its data on an empty store, send its requests in order
    and check each response; the first response that is not as expected fails it.

    Each test has connections of its own, so a server that breaks one (Oxigraph 0.5 sends a
    body after a HEAD's 404, which the next request on that connection reads as its status
    line) fails only the test that did it.
    """
    with httpx.Client(timeout=timeout) as client:
        try:
            return _run(case, target, client)
        except httpx.TransportError as exc:
            return Result(case.id, Outcome.FAILED, f"no HTTP answer: {type(exc).__name__}: {exc}")


def _run(case: Case, target: Target, client: httpx.Client) -> Result:
    if case.approval in ("Deprecated", "Withdrawn", "Rejected"):
        detail = "" if case.requests else "; its requests are only prose in rdfs:comment"
        return Result(case.id, Outcome.NOT_APPLICABLE, f"dawgt:{case.approval} by the W3C{detail}")
    lacking = sorted(feature for feature in requirements(case) if feature in target.lacks)
    if lacking:
        why = "; ".join(f"needs {feature}, which {target.name} lacks: {target.lacks[feature]}" for feature in lacking)
        return Result(case.id, Outcome.NOT_APPLICABLE, why)
    if case.kind == "ServiceDescriptionTest":
        return _service_description(case, target, client)
    if not case.requests:
        return Result(case.id, Outcome.NOT_APPLICABLE, "the manifest gives no requests")
    writes = [r for r in case.requests if is_write(r) and any(s[0] in "23" for s in r.expected.statuses)]
    if writes and not target.writes:
        return _refused(case, target, client, writes[0])
    problem = _prepare(case, target, client)
    if problem is not None:
        return problem
    variables: dict[str, str] = {}
    for number, request in enumerate(case.requests, 1):
        path = endpoint_path(_fill(request.path, variables), target, update=is_update(request))
        response = _send(client, target, request, path, variables)
        reason = check_response(request.expected, response)
        if reason is None and request.expected.location is not None:
            location = response.headers.get("location")
            if location is None:
                reason = "no Location header"
            else:
                variables[request.expected.location] = location
        if reason is not None:
            where = f"request {number} of {len(case.requests)}, {request.method} {path}"
            return Result(case.id, Outcome.FAILED, f"{where}: {reason}")
    return Result(case.id, Outcome.PASSED)


def _fill(text: str, variables: Mapping[str, str]) -> str:
    for name, value in variables.items():
        text = text.replace(name, value)
    return text


def _send(
    client: httpx.Client, target: Target, request: Request, path: str, variables: Mapping[str, str]
) -> httpx.Response:
    """Send *request* to *path* on *target*, its body in the encoding the manifest gives."""
    # The manifests send no credentials, but a server that takes writes only with a token
    # (policykg) refuses every write without it, the malformed ones too: the token goes with
    # each write, so what is tested is the protocol and not the authentication.
    headers = {**dict(request.headers), **(_credentials(target) if is_write(request) else {})}
    body = None if request.body is None else _fill(request.body, variables).encode(request.encoding)
    return client.request(request.method, target.url + path, headers=headers, content=body)


def _credentials(target: Target) -> dict[str, str]:
    return {"Authorization": f"Bearer {target.token}"} if target.token else {}


def _prepare(case: Case, target: Target, client: httpx.Client) -> Result | None:
    """Empty the store and load the test's graphs; on a server that takes no writes, check that it holds them."""
    if not target.writes:
        missing = [name for name, _ in case.graph_data if name not in target.preloaded]
        if missing:
            why = f"needs graphs {', '.join(missing)}, and {target.name} takes no writes to load them"
            return Result(case.id, Outcome.NOT_APPLICABLE, why)
        return None
    parts = ["DROP ALL"] + [
        f"INSERT DATA {{ GRAPH <{name}> {{\n{file.read_text(encoding='utf-8')}\n}} }}" for name, file in case.graph_data
    ]
    headers = {"Content-Type": "application/sparql-update", **_credentials(target)}
    response = client.post(target.url + target.update, content=" ;\n".join(parts).encode(), headers=headers)
    if response.is_success:
        return None
    return Result(case.id, Outcome.FAILED, f"set-up (DROP ALL and the test's graphs) answered {_status(response)}")


def _refused(case: Case, target: Target, client: httpx.Client, request: Request) -> Result:
    """On a server that takes no writes, a test that needs one to succeed cannot run; its first
    write must be refused with 403 Forbidden (an operation the server will not do at all)."""
    path = endpoint_path(request.path, target, update=is_update(request))
    response = _send(client, target, request, path, {})
    what = f"{request.method} {path}"
    if response.status_code == 403:
        return Result(case.id, Outcome.NOT_APPLICABLE, f"{target.name} takes no writes; it refused {what} with 403")
    return Result(
        case.id, Outcome.FAILED, f"{target.name} takes no writes, so {what} must be 403, got {_status(response)}"
    )


# --- Checking a response ---------------------------------------------------------------------


def check_response(expected: Expected, response: httpx.Response) -> str | None:
    """What is wrong with *response* (expected against got), or None."""
    if not status_matches(response.status_code, expected.statuses):
        return f"expected status {' or '.join(expected.statuses)}, got {_status(response)}"
    problems = [
        f"expected {name}: {value}, got {response.headers.get(name)!r}"
        for name, value in expected.headers
        if not _same_header(name, value, response.headers.get(name))
    ]
    format_problem = None if expected.format is None else _format_problem(expected.format, response)
    if format_problem is not None:
        problems.append(format_problem)
    elif expected.boolean is not None:
        problems += _boolean_problems(expected.boolean, response)
    if expected.body is not None:
        problems += filter(None, [_graph_problem(expected, response)])
    return "; ".join(problems) or None


def _boolean_problems(expected: bool, response: httpx.Response) -> list[str]:
    try:
        answer = _results(response)
    except (SyntaxError, ValueError) as exc:
        return [f"expected the answer {str(expected).lower()}, got a body that does not read: {exc}"]
    if not isinstance(answer, ox.QueryBoolean):
        return [f"expected the answer {str(expected).lower()}, got solutions"]
    if bool(answer) != expected:
        return [f"expected the answer {str(expected).lower()}, got {str(bool(answer)).lower()}"]
    return []


def _status(response: httpx.Response) -> str:
    """The status, with the start of the body of an error (problem details give title and detail)."""
    text = " ".join(response.text.split())[:160]
    if response.headers.get("content-type", "").startswith("application/problem+json"):
        with suppress(ValueError):
            problem = json.loads(response.content)
            text = f"{problem.get('title')}: {problem.get('detail')}"
    return f"{response.status_code}" + (f" ({text})" if response.status_code >= 400 and text else "")


def _media_type(value: str | None) -> str:
    return (value or "").split(";")[0].strip().lower()


def _parameters(value: str) -> dict[str, str]:
    pairs = (part.partition("=") for part in value.split(";")[1:])
    return {name.strip().lower(): unquote(v.strip().strip('"')).lower() for name, _, v in pairs}


def _same_header(name: str, expected: str, got: str | None) -> bool:
    """Header values compared as HTTP means them; a Content-Type's charset may be left out when
    it is UTF-8, which Turtle and N-Triples are by definition.

    >>> _same_header("content-type", "text/turtle; charset=utf-8", "text/turtle;charset=UTF-8")
    True
    >>> _same_header("content-type", "text/turtle; charset=utf-8", "application/n-triples")
    False
    """
    if got is None:
        return False
    if name.lower() != "content-type":
        return expected.strip() == got.strip()
    if _media_type(expected) != _media_type(got):
        return False
    wanted, given = _parameters(expected), _parameters(got)
    return all(given.get(k, "utf-8" if k == "charset" else None) == v for k, v in wanted.items())


def _results(response: httpx.Response) -> ox.QueryBoolean | ox.QuerySolutions | ox.QueryTriples:
    results_format = ox.QueryResultsFormat.from_media_type(_media_type(response.headers.get("content-type")))
    if results_format is None:
        raise ValueError(f"not a SPARQL results format: {response.headers.get('content-type')}")
    return ox.parse_query_results(response.content, format=results_format)


def _format_problem(expected: str, response: httpx.Response) -> str | None:
    """Whether the body is of the kind of results *expected* (``boolean``, ``tabular``, ``RDF``) and reads as such."""
    content_type = response.headers.get("content-type")
    media = _media_type(content_type)
    allowed = {"boolean": BOOLEAN_MEDIA_TYPES, "tabular": TABULAR_MEDIA_TYPES, "RDF": RDF_MEDIA_TYPES}[expected]
    if media not in allowed:
        return f"expected {expected} results ({', '.join(allowed)}), got Content-Type {content_type!r}"
    try:
        if expected == "RDF":
            if media != "text/html":  # RDFa: rdflib 7 has no reader
                Graph().parse(data=response.content, format="nt" if media == "text/plain" else media)
        elif media == "text/csv":  # pyoxigraph does not read CSV results (they lose term kinds)
            header = next(csv.reader(io.StringIO(response.text)), [])
            if not header:
                return "expected tabular results, got CSV without a header"
        else:
            kind = "boolean" if isinstance(_results(response), ox.QueryBoolean) else "tabular"
            if kind != expected:
                return f"expected {expected} results, got {kind} results"
    except (SyntaxError, ValueError) as exc:
        return f"expected {expected} results, got a {media} body that does not read: {exc}"
    return None


def _graph_problem(expected: Expected, response: httpx.Response) -> str | None:
    """Whether the body is the expected graph, up to blank node names."""
    expected_type = next((v for k, v in expected.headers if k.lower() == "content-type"), "text/turtle")
    want = Graph().parse(data=expected.body, format=_media_type(expected_type))
    media = _media_type(response.headers.get("content-type"))
    try:
        got = Graph().parse(data=response.content, format=media)
    except Exception as exc:  # rdflib raises many kinds for a body it cannot read
        return f"the body does not read as {media or 'RDF'}: {exc}"
    if isomorphic(want, got):
        return None
    _, missing, extra = graph_diff(to_isomorphic(want), to_isomorphic(got))
    return (
        f"expected a graph of {len(want)} triples, got {len(got)}: "
        f"missing {_triples(missing)}, unexpected {_triples(extra)}"
    )


def _triples(graph: Graph) -> str:
    lines = sorted(" ".join(term.n3() for term in triple) for triple in graph)
    return "[" + "; ".join(lines[:4]) + (f"; … {len(lines) - 4} more" if len(lines) > 4 else "") + "]"


# --- Service description (its manifest names the tests; the spec says what they check) -------


def _service_description(case: Case, target: Target, client: httpx.Client) -> Result:
    """GET on the query endpoint must return RDF (``returns-rdf``) describing an ``sd:Service``
    whose ``sd:endpoint`` is that URL (``has-endpoint-triple``), in the terms of the vocabulary
    (``conforms-to-schema``: known ``sd:`` terms, an endpoint and a supported language for each
    service, resources where the vocabulary wants resources)."""
    endpoint = target.url + target.query
    response = client.get(endpoint, headers={"Accept": SD_ACCEPT})
    media = _media_type(response.headers.get("content-type"))
    graph = Graph()
    problem = None
    if not response.is_success:
        problem = f"GET {target.query} answered {_status(response)}"
    else:
        try:
            graph.parse(data=response.content, format=media, publicID=endpoint)
        except Exception as exc:  # rdflib raises many kinds for a body it cannot read
            problem = f"GET {target.query} answered {media or 'no Content-Type'} that does not read as RDF: {exc}"
    if problem is None and case.name == "returns-rdf" and not len(graph):
        problem = f"GET {target.query} answered an empty graph"
    if problem is None and case.name == "has-endpoint-triple" and (None, SD.endpoint, URIRef(endpoint)) not in graph:
        found = ", ".join(sorted(str(o) for o in graph.objects(None, SD.endpoint))) or "none"
        problem = f"expected a triple ?service sd:endpoint <{target.query}>, got sd:endpoint {found}"
    if problem is None and case.name == "conforms-to-schema":
        problem = "; ".join(_sd_problems(graph)) or None
    return Result(case.id, Outcome.PASSED if problem is None else Outcome.FAILED, problem or "")


def _sd_problems(graph: Graph) -> list[str]:
    used = {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(str(SD))}
    problems = [
        f"{t.n3(graph.namespace_manager)} is not a term of the vocabulary"
        for t in used
        if _local(t) not in (*SD_CLASSES, *SD_PROPERTIES, *SD_INSTANCES)
    ]
    services = set(graph.subjects(RDF.type, SD.Service))
    if not services:
        problems.append("no sd:Service")
    for service in services:
        if not any(isinstance(e, URIRef) for e in graph.objects(service, SD.endpoint)):
            problems.append("a service without an sd:endpoint IRI")
        languages = set(graph.objects(service, SD.supportedLanguage))
        if not languages:
            problems.append("a service without sd:supportedLanguage")
        problems += [f"sd:supportedLanguage {lang.n3()} is not a SPARQL language" for lang in languages - SD_LANGUAGES]
    for prop in (SD[name] for name in SD_PROPERTIES):
        literals = [o for o in graph.objects(None, prop) if isinstance(o, Literal)]
        problems += [
            f"{prop.n3(graph.namespace_manager)} {o.n3()}: a literal where a resource is meant" for o in literals
        ]
    return sorted(problems)


# --- Known failures, as the test module keeps them -------------------------------------------


def failure_table(results: Mapping[str, Sequence[Result]]) -> dict[str, str]:
    """The failures of one server in several configurations (config → results), keyed as the
    test module's table: ``suite/name`` where the test fails alike in every configuration it
    runs in, ``config:suite/name`` where it does not."""
    by_test: dict[str, dict[str, Result]] = defaultdict(dict)
    for config, config_results in results.items():
        for result in config_results:
            by_test[result.test][config] = result
    table: dict[str, str] = {}
    for test, per_config in by_test.items():
        failed = {c: r.reason for c, r in per_config.items() if r.outcome is Outcome.FAILED}
        if not failed:
            continue
        ran = [c for c, r in per_config.items() if r.outcome is not Outcome.NOT_APPLICABLE]
        if len(failed) == len(ran) and len(set(failed.values())) == 1:
            table[test] = next(iter(failed.values()))
        else:
            table.update({f"{config}:{test}": reason for config, reason in failed.items()})
    return table


def known_failure(table: Mapping[str, str], config: str, test: str) -> str | None:
    """Why *test* is known to fail in *config*, or None."""
    return table.get(f"{config}:{test}", table.get(test))
