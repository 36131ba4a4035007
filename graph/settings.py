"""Every setting in one place, read from the environment (``POLICYKG_*``) or given directly."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from graph.iris import DEFAULT_BASE

__all__ = ["Settings", "SettingsError", "load_settings"]


class Settings(BaseSettings):
    """Settings of the store, the graph and the service."""

    model_config = SettingsConfigDict(env_prefix="POLICYKG_")

    store_path: Path = Path("var/store")
    base_iri: str = DEFAULT_BASE
    query_timeout: float = 10.0
    max_result_bytes: int = 64 * 1024 * 1024  # the largest SPARQL answer the server writes
    query_memory_limit: int = 2 * 1024 * 1024 * 1024  # resident bytes of the store worker before it is replaced
    max_concurrent_queries: int = 16  # operations running at once; more wait in a queue
    max_queue_seconds: float = 5.0  # how long an operation waits for its turn before 503 with Retry-After
    max_body_bytes: int = 8 * 1024 * 1024  # the largest request body (a query, an update, a graph) read
    allow_load: bool = False  # SPARQL LOAD would fetch URLs or read files for a client
    max_file_bytes: int = 50 * 1024 * 1024  # the largest document file read; a .docx may unpack to 4 times that
    update_token: str | None = None
    # Origins whose pages may call the service (CORS): off unless set, as a comma-separated list
    # (POLICYKG_CORS_ORIGINS=https://a.example,https://b.example) or * for any origin.
    cors_origins: Annotated[list[str], NoDecode] = []
    host: str = "127.0.0.1"
    port: int = 8000

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value


class SettingsError(ValueError):
    """A setting that cannot be read; the message names the variable and what is wrong."""


def load_settings(**given: Any) -> Settings:
    """The settings from the environment and *given*; :class:`SettingsError` names each bad one.

    >>> import os
    >>> os.environ["POLICYKG_QUERY_TIMEOUT"] = "soon"
    >>> try:
    ...     load_settings()
    ... except SettingsError as error:
    ...     print(error)
    POLICYKG_QUERY_TIMEOUT: Input should be a valid number, unable to parse string as a number (got 'soon')
    >>> del os.environ["POLICYKG_QUERY_TIMEOUT"]
    """
    try:
        return Settings(**given)
    except ValidationError as exc:
        problems = [
            f"POLICYKG_{'_'.join(map(str, error['loc'])).upper()}: {error['msg']} (got {error.get('input')!r})"
            for error in exc.errors()
        ]
        raise SettingsError("; ".join(problems)) from None
