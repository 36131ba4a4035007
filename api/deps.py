"""Dependencies the routes share: the settings, the open store and an explorer over it."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Request

from api.problems import Problem
from graph.explore import Explorer
from graph.settings import Settings
from graph.store import KnowledgeStore

__all__ = ["ExplorerDep", "SettingsDep", "StoreDep", "get_explorer", "get_settings", "get_store", "require_write_token"]


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_store(request: Request) -> KnowledgeStore:
    return request.app.state.store  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[KnowledgeStore, Depends(get_store)]


def get_explorer(store: StoreDep, settings: SettingsDep) -> Explorer:
    return Explorer(store, settings.base_iri)


ExplorerDep = Annotated[Explorer, Depends(get_explorer)]


def require_write_token(request: Request, settings: SettingsDep) -> None:
    """Writes (SPARQL Update, Graph Store writes) are off unless a token is configured, and
    then need ``Authorization: Bearer <token>``."""
    if not settings.update_token:
        raise Problem(403, "Writes disabled", "updates and graph store writes are off on this server")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip(), settings.update_token):
        raise Problem(401, "Unauthorized", "a valid bearer token is required to write", {"WWW-Authenticate": "Bearer"})
