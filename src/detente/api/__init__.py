"""The REST API over a detente store (FastAPI). Build an app with create_app; `detente serve` runs it.

    from detente.api import create_app
    app = create_app("news.duckdb", ingest_token=None)   # uvicorn / TestClient run its lifespan

Endpoints (all JSON, errors `{"error": {"code", "message"}}`, OpenAPI at /openapi.json):
    GET  /api/events            filtered events, paginated with an opaque `next` cursor
    GET  /api/dyads/{a}/{b}/series
    GET  /api/actors/{id}
    GET  /api/articles/{id}
    GET  /api/search?q=
    GET  /api/stats
    POST /api/ingest            only with an ingest token (Authorization: Bearer <token>)
"""

from __future__ import annotations

from detente.api.app import create_app
from detente.api.deps import get_store
from detente.api.server import read_ingest_token, serve

__all__ = ["create_app", "get_store", "read_ingest_token", "serve"]
