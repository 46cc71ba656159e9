"""Where analysed articles live: one interface (base.Store), one backend per engine.

    with open_store("detente.duckdb") as store:
        store.write(analyzed)          # True if new, False if already stored
        store.get_article("3f2a")      # full id or an unambiguous prefix
"""

from __future__ import annotations

from pathlib import Path

from detente.errors import StoreError
from detente.store.base import MIN_PREFIX, AmbiguousIdError, Capabilities, Store
from detente.store.migrations import MIGRATIONS, Migration

DEFAULT_STORE = "detente.duckdb"

__all__ = [
    "DEFAULT_STORE", "MIGRATIONS", "MIN_PREFIX", "AmbiguousIdError", "Capabilities", "Migration", "Store",
    "open_store",
]


def open_store(url_or_path: str | Path = DEFAULT_STORE, *, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) a store.

    A path (or ":memory:") opens DuckDB; a "postgresql://" (or "postgres://") URL opens PostgreSQL,
    with an optional `?schema=NAME` to keep the tables in their own schema (see postgres_store).
    """
    target = str(url_or_path)
    if target.startswith(("postgresql://", "postgres://")):
        from detente.store.postgres_store import PostgresStore  # keeps `import detente.store` free of psycopg

        return PostgresStore(target, read_only=read_only)
    if "://" in target:
        raise StoreError(f"unsupported store URL {target!r}: give a file path or a postgresql:// URL")
    from detente.store.duckdb_store import DuckDBStore  # keeps `import detente.store` free of duckdb

    return DuckDBStore(target, read_only=read_only)
