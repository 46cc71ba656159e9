"""The app factory. Nothing here holds state at import time: every app opens its own store in its
lifespan (one store shared by all requests; it serialises threads with its own lock) and closes it
on shutdown.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from detente import __version__
from detente.api.errors import install_error_handlers
from detente.api.ingest import OPENAPI_SCHEMAS, Analyzer, Engine, ingest_router
from detente.api.routes import router
from detente.settings import Settings
from detente.store import open_store

log = logging.getLogger("detente.api")

UI_MODULE = "detente.web"


def create_app(
    store_location: str,
    *,
    ingest_token: str | None = None,
    ui: bool = True,
    settings: Settings | None = None,
    pipeline_factory: Callable[[], Analyzer] | None = None,
) -> FastAPI:
    """A FastAPI app serving the store at `store_location` (a DuckDB path or a postgresql:// URL).

    ingest_token: enables POST /api/ingest for clients sending `Authorization: Bearer <token>`;
        None (the default) disables it (403 ingest_disabled).
    ui: mount the web UI (`detente.web.mount(app)`) when that module is installed.
    settings: model, actor file and repair settings for ingest (default: detente.toml < DETENTE_*).
    pipeline_factory: builds the analyser on the first ingest (default: detente.pipeline.Pipeline).

    While running, `app.state.store` is the open store (see detente.api.deps.get_store).
    """
    if ingest_token is not None and not ingest_token.strip():
        raise ValueError("ingest_token must not be blank (use None to disable ingest)")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = open_store(store_location)
        try:
            yield
        finally:
            store, app.state.store = app.state.store, None
            store.close()

    app = FastAPI(
        title="detente",
        version=__version__,
        description="Who did what to whom, when, where — and who says so: the stored events, actors and "
        "articles of a detente store. Every error is `{\"error\": {\"code\", \"message\"}}`.",
        lifespan=lifespan,
        openapi_url="/openapi.json",
    )
    app.state.store = None
    app.state.store_location = store_location
    install_error_handlers(app)
    app.include_router(router)
    engine = Engine(pipeline_factory or _default_pipeline(settings))
    app.state.engine = engine
    app.include_router(ingest_router(token=ingest_token.strip() if ingest_token else None, engine=engine))
    _extend_openapi(app)
    if ui:
        _mount_ui(app)
    return app


def _default_pipeline(settings: Settings | None) -> Callable[[], Analyzer]:
    def build() -> Analyzer:
        from detente.pipeline import Pipeline  # imports spaCy: only on the first ingest
        from detente.settings import load_settings

        return Pipeline(settings or load_settings())

    return build


def _extend_openapi(app: FastAPI) -> None:
    """Add the ingest request schemas (the route reads its body itself, item by item)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(OPENAPI_SCHEMAS)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _mount_ui(app: FastAPI) -> None:
    """Call detente.web.mount(app) when the web UI is installed; without it the API runs alone."""
    try:
        web = importlib.import_module(UI_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != UI_MODULE:
            raise
        log.info("no web UI (%s not installed); serving the API only", UI_MODULE)
        return
    mount = getattr(web, "mount", None)
    if not callable(mount):
        log.info("%s has no mount(app); serving the API only", UI_MODULE)
        return
    mount(app)
