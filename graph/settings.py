"""Every setting in one place, read from the environment (``POLICYKG_*``) or given directly."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.iris import DEFAULT_BASE

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Settings of the store, the graph and the service."""

    model_config = SettingsConfigDict(env_prefix="POLICYKG_")

    store_path: Path = Path("var/store")
    base_iri: str = DEFAULT_BASE
    query_timeout: float = 10.0
    max_result_bytes: int = 64 * 1024 * 1024  # the largest SPARQL answer the server writes
    query_memory_limit: int = 2 * 1024 * 1024 * 1024  # resident bytes of the store worker before it is replaced
    max_concurrent_queries: int = 16  # operations running at once; more are answered 503 with Retry-After
    max_body_bytes: int = 8 * 1024 * 1024  # the largest request body (a query, an update, a graph) read
    allow_load: bool = False  # SPARQL LOAD would fetch URLs or read files for a client
    update_token: str | None = None
    cors_origins: list[str] = ["*"]
    host: str = "127.0.0.1"
    port: int = 8000
