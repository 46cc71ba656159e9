"""Request-scoped access to what the app holds: the one shared store (opened in the lifespan)."""

from __future__ import annotations

from fastapi import Request

from detente.errors import StoreError
from detente.store.base import Store


def get_store(request: Request) -> Store:
    """The app's store (a FastAPI dependency). The store serialises threads with its own lock."""
    store: Store | None = getattr(request.app.state, "store", None)
    if store is None:
        raise StoreError("the store is not open (is the app running inside its lifespan?)")
    return store
