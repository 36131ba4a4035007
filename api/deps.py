"""Dependencies the routes share: the settings, the store (through its worker) and an explorer over it.

Every route reaches the store through :class:`StoreClient`, so every one of them has the same time
and memory limits, and the same clear answers when a limit is hit.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Request

from api import operations
from api.problems import Problem
from api.sparql_engine import QueryTooLong
from api.worker import QueryOutOfMemory, StoreUnavailable, StoreWorker, WorkerBusy, WriteInterrupted
from graph.settings import Settings

__all__ = [
    "ExplorerDep",
    "RemoteExplorer",
    "SettingsDep",
    "StoreClient",
    "StoreDep",
    "get_explorer",
    "get_settings",
    "get_store",
    "require_write_token",
]


async def get_settings(request: Request) -> Settings:
    """The app's settings. The dependencies here are coroutines: FastAPI runs a plain function in
    a thread of its pool, a hop that cost more than the rest of a small query."""
    return request.app.state.settings  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]


class StoreClient:
    """Runs operations (:mod:`api.operations`) in the store worker within the server's limits,
    turning a limit that was hit into problem details. At most ``max_concurrent_queries`` run at
    once (*turns*); the others wait their turn for up to ``max_queue_seconds``, then get 503."""

    def __init__(self, worker: StoreWorker, settings: Settings, turns: asyncio.Semaphore) -> None:
        self.worker = worker
        self.settings = settings
        self.turns = turns

    async def run(self, operation: Callable[..., Any], *args: Any, writes: bool = False) -> Any:
        waited = self.settings.max_queue_seconds
        try:
            if self.turns.locked():  # only a wait needs a timeout (wait_for runs the wait as a task of its own)
                await asyncio.wait_for(self.turns.acquire(), timeout=waited)
            else:
                await self.turns.acquire()
        except TimeoutError as exc:
            detail = f"{self.settings.max_concurrent_queries} operations are running and none ended in {waited:g} s"
            raise Problem(503, "Too many queries", f"{detail}; try again shortly", {"Retry-After": "1"}) from exc
        try:
            return await self._run(operation, *args, writes=writes)
        finally:
            self.turns.release()

    async def _run(self, operation: Callable[..., Any], *args: Any, writes: bool) -> Any:
        timeout = self.settings.query_timeout
        try:
            return await self.worker.run(operation, *args, timeout=timeout, writes=writes)
        except QueryTooLong as exc:
            raise Problem(503, "Query timeout", f"the query ran past the time limit of {timeout:g} s") from exc
        except QueryOutOfMemory as exc:
            raise Problem(503, "Query out of memory", f"{exc}; narrow the query or add a LIMIT") from exc
        except WorkerBusy as exc:
            raise Problem(503, "Too many queries", f"{exc}; try again shortly", {"Retry-After": "1"}) from exc
        except WriteInterrupted as exc:
            raise Problem(503, "Write interrupted", str(exc), {"Retry-After": "1"}) from exc
        except StoreUnavailable as exc:
            raise Problem(503, "Store unavailable", str(exc)) from exc


async def get_store(request: Request, settings: SettingsDep) -> StoreClient:
    return StoreClient(request.app.state.worker, settings, request.app.state.turns)


StoreDep = Annotated[StoreClient, Depends(get_store)]


class RemoteExplorer:
    """:class:`graph.explore.Explorer`'s questions, asked in the store worker."""

    def __init__(self, store: StoreClient, base: str) -> None:
        self.store = store
        self.base = base

    async def ask(self, question: str, *args: Any, **kwargs: Any) -> Any:
        return await self.store.run(operations.explore, self.base, question, args, kwargs)


async def get_explorer(store: StoreDep, settings: SettingsDep) -> RemoteExplorer:
    return RemoteExplorer(store, settings.base_iri)


ExplorerDep = Annotated[RemoteExplorer, Depends(get_explorer)]


def require_write_token(request: Request, settings: SettingsDep) -> None:
    """Writes (SPARQL Update, Graph Store writes) are off unless a token is configured, and
    then need ``Authorization: Bearer <token>``."""
    if not settings.update_token:
        raise Problem(403, "Writes disabled", "updates and graph store writes are off on this server")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip(), settings.update_token):
        raise Problem(401, "Unauthorized", "a valid bearer token is required to write", {"WWW-Authenticate": "Bearer"})


async def write_token_required(request: Request, settings: SettingsDep) -> None:
    """:func:`require_write_token` as a route dependency."""
    require_write_token(request, settings)
