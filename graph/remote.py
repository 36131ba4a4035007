"""A SPARQL 1.1 endpoint as the store a build writes into: a running ``policykg serve``,
``oxigraph serve``, or any server speaking the SPARQL 1.1 Protocol for queries and updates.

The server keeps serving while the build writes: each document's replacement is one SPARQL
Update (:func:`~graph.target.replacement_updates`), which the server applies in one transaction,
so its readers see a document whole or not at all; the descriptions no document names any more
go at the end in one more (:meth:`~graph.target.GraphTarget.prune_descriptions`). Updates carry
``Authorization: Bearer <token>`` when a token is given (policykg's own server wants its
``POLICYKG_UPDATE_TOKEN``). Where a server answers 503 with ``Retry-After`` (busy, or a write it
did not apply), the request is sent again after that delay.

Writes assume this build is the only writer: a document another client writes between the
final prune's query and its delete could lose the description of an entity only it names.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping

import httpx
import pyoxigraph as ox

from graph.target import GraphTarget, StoreError, Term

__all__ = ["RemoteError", "RemoteStore", "update_url_for", "values_clause"]

DEFAULT_TIMEOUT = 300.0  # seconds for one request: a server applies a large update in one go
_RETRIES = 3
_MAX_RETRY_DELAY = 5.0


class RemoteError(RuntimeError):
    """The server could not be reached, or refused a request; the message says which and why."""


def update_url_for(query_url: str) -> str:
    """The update endpoint beside the query endpoint *query_url*: ``…/update`` for ``…/query``
    (Oxigraph's and Fuseki's layout), else the same URL (policykg's ``/sparql``).

    >>> update_url_for("http://localhost:7878/query")
    'http://localhost:7878/update'
    >>> update_url_for("http://127.0.0.1:8000/sparql")
    'http://127.0.0.1:8000/sparql'
    """
    url = httpx.URL(query_url)
    if url.path.endswith("/query"):
        return str(url.copy_with(path=url.path.removesuffix("query") + "update"))
    return query_url


class RemoteStore(GraphTarget):
    """The store behind the SPARQL endpoint *url* (its query endpoint), updated at *update_url*
    (by default :func:`update_url_for`) with the bearer *token*.

    >>> store = RemoteStore("http://localhost:7878/query")
    >>> store.update_url
    'http://localhost:7878/update'
    >>> store.close()
    """

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        token: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url
        self.update_url = update_url or update_url_for(url)
        self._token = token
        self._client = httpx.Client(timeout=timeout, transport=transport)

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    @property
    def location(self) -> str:
        return self.url

    def check(self) -> None:
        """Ask a query and apply an empty update, so that a server out of reach, a URL that is no
        SPARQL endpoint or a missing token fail before the build starts; :class:`StoreError` says which."""
        try:
            answer = ox.parse_query_results(
                self._post(self.url, "ASK {}", "application/sparql-query", "application/sparql-results+json"),
                format=ox.QueryResultsFormat.JSON,
            )
            if not isinstance(answer, ox.QueryBoolean):
                raise RemoteError("it answered ASK with no boolean; is it a SPARQL endpoint?")
        except (RemoteError, SyntaxError) as exc:
            raise StoreError(f"{self.url}: cannot query the store there: {exc}") from exc
        try:
            self.update("INSERT DATA {}")
        except RemoteError as exc:
            raise StoreError(f"{self.update_url}: cannot update the store there: {exc}") from exc

    def update(self, sparql: str) -> None:
        self._post(self.update_url, sparql, "application/sparql-update", None, writes=True)

    def _solutions(self, sparql: str, bindings: Mapping[str, Term]) -> ox.QuerySolutions:
        """The solutions of SELECT *sparql*, with *bindings* sent as the query's closing ``VALUES``
        clause (:func:`values_clause`): the SPARQL 1.1 way to pass values to any server, each
        term written by pyoxigraph's N-Triples serializer, so it is parsed as one term.

        A closing ``VALUES`` joins the query's solutions (after grouping, before ordering and
        ``LIMIT``), where the embedded store substitutes the variables before the query runs: the
        two agree when each bound variable is one the query selects (or groups by), not one
        only a ``FILTER``, ``BIND`` or sub-query uses."""
        if bindings:
            sparql += "\n" + values_clause(bindings)
        body = self._post(self.url, sparql, "application/sparql-query", "application/sparql-results+json")
        solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        if not isinstance(solutions, ox.QuerySolutions):
            raise RemoteError("it answered a SELECT query with no solutions; is it a SPARQL endpoint?")
        return solutions

    def construct(self, sparql: str) -> Iterable[ox.Triple]:
        body = self._post(self.url, sparql, "application/sparql-query", "application/n-triples")
        return ox.parse(body, format=ox.RdfFormat.N_TRIPLES)  # type: ignore[no-any-return]

    def quad_count(self) -> int:
        """The quads of the store's named graphs (a build writes no others)."""
        try:
            (row,) = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
            return int(row["n"].value)
        except (RemoteError, SyntaxError) as exc:
            raise StoreError(f"{self.url}: cannot count the quads: {exc}") from exc

    def _post(self, url: str, text: str, content_type: str, accept: str | None, *, writes: bool = False) -> bytes:
        """POST *text* to *url*; the answer's body. :class:`RemoteError` when the server is out of
        reach or answers an error (a 503 with ``Retry-After`` is sent again a few times first)."""
        headers = {"Content-Type": f"{content_type}; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        if writes and self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        for attempt in range(_RETRIES + 1):
            try:
                response = self._client.post(url, content=text.encode("utf-8"), headers=headers)
            except httpx.HTTPError as exc:
                raise RemoteError(f"cannot reach the server: {type(exc).__name__}: {exc}") from exc
            delay = response.headers.get("retry-after", "")
            if response.status_code == 503 and delay.isdigit() and attempt < _RETRIES:
                time.sleep(min(float(delay), _MAX_RETRY_DELAY))
                continue
            if response.is_success:
                return response.content
            raise RemoteError(_refusal(response, writes=writes, token=bool(self._token)))
        raise AssertionError("unreachable")  # the last attempt returns or raises


def values_clause(bindings: Mapping[str, Term]) -> str:
    """A ``VALUES`` clause of one row binding each variable of *bindings* to its term.

    >>> print(values_clause({"e": ox.NamedNode("urn:a"), "q": ox.Literal('say "hi"', language="zh")}))
    VALUES ( ?e ?q ) { ( <urn:a> "say \\"hi\\""@zh ) }
    """
    if any(isinstance(term, ox.BlankNode) for term in bindings.values()):
        raise ValueError("a blank node cannot be sent to a server: its label names nothing there")
    variables = " ".join(str(ox.Variable(name)) for name in bindings)
    return f"VALUES ( {variables} ) {{ ( {' '.join(str(term) for term in bindings.values())} ) }}"


def _refusal(response: httpx.Response, *, writes: bool, token: bool) -> str:
    """What the server said when it refused a request, with what to do about a token."""
    title, detail = response.reason_phrase, response.text.strip()
    if response.headers.get("content-type", "").startswith("application/problem+json"):
        try:
            problem = response.json()
            title, detail = problem.get("title") or title, problem.get("detail") or ""
        except ValueError:
            pass
    message = f"the server answered {response.status_code} {title}" + (f": {detail[:500]}" if detail else "")
    if writes and response.status_code == 401:
        message += (
            "; the token given is not the server's"
            if token
            else "; give the server's update token in POLICYKG_UPDATE_TOKEN (or --token)"
        )
    elif writes and response.status_code == 403:
        message += "; a policykg server takes updates only when started with POLICYKG_UPDATE_TOKEN set"
    if response.status_code == 413:
        message += "; the server's request limit is smaller than this document's update (POLICYKG_MAX_BODY_BYTES)"
    return message
