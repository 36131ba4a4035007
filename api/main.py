"""The application: it only assembles the routers, the store worker's lifetime, limits, CORS and errors."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from api.limits import BodyLimit
from api.problems import install_problem_handlers
from api.routes import analytics, entities, graph_store, pages, sparql
from api.routes.sparql import STATIC
from api.security import SecurityHeaders
from api.worker import StoreWorker
from graph.settings import Settings

__all__ = ["create_app"]


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI app serving the store at ``settings.store_path``."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        worker = StoreWorker(
            settings.store_path,
            memory_limit=settings.query_memory_limit,
            # room for calls whose clients went away and that run on until their deadline: the queue
            # (api.deps.StoreClient) is what limits the operations running at once
            max_calls=2 * settings.max_concurrent_queries,
        )
        app.state.turns = asyncio.Semaphore(settings.max_concurrent_queries)
        app.state.worker = await anyio.to_thread.run_sync(worker.start)
        try:
            yield
        finally:
            worker.close()

    app = FastAPI(
        title="policykg",
        summary="Agencies, the platforms they build and the initiatives they share, from Chinese work plans.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # api.routes.pages serves /docs and /redoc on local assets
        redoc_url=None,
    )
    app.state.settings = settings
    if settings.cors_origins:  # off unless origins are configured
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "HEAD", "OPTIONS"] if not settings.update_token else ["*"],
            allow_headers=["*"],
        )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    install_problem_handlers(app)
    app.include_router(sparql.router)
    app.include_router(graph_store.router)
    app.include_router(entities.router, prefix="/api")
    app.include_router(analytics.router, prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    async def home() -> RedirectResponse:
        return RedirectResponse("/static/index.html")

    return app
