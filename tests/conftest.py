"""Shared fixtures: the loaded pipeline (slow to build, so once per session) and ../shared."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = REPO / "examples" / "000_5577dacb3e3c48cb.txt"


def shared_path(*parts: str) -> Path:
    """A file in ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared not found ({path}): this test needs the shared dev sets beside the repository")
    return path


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from detente.pipeline import Pipeline

    return Pipeline()


# ---- stores: every store test runs on each backend -------------------------------------------

STORE_BACKENDS = ("duckdb", "postgresql")


def pg_test_url() -> str:
    """DETENTE_TEST_PG_URL; skips when unset, but fails under CI=true (CI must run PostgreSQL)."""
    import os

    url = os.environ.get("DETENTE_TEST_PG_URL", "")
    if not url:
        message = ("DETENTE_TEST_PG_URL is not set: start a server with "
                   '`eval "$(scripts/pg_server.sh start)"` to run the PostgreSQL store tests')
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {message}", pytrace=False)
        pytest.skip(message)
    return url


@contextmanager
def _fresh_pg_schema() -> Iterator[str]:
    import uuid

    import psycopg

    base = pg_test_url()
    schema = f"detente_test_{uuid.uuid4().hex[:12]}"
    try:
        yield f"{base}{'&' if '?' in base else '?'}schema={schema}"
    finally:
        with psycopg.connect(base, autocommit=True) as con:
            con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture(params=STORE_BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a fresh, empty store opens: a DuckDB file, or a PostgreSQL URL with its own schema
    (dropped afterwards, so tests never see each other's rows)."""
    if request.param == "duckdb":
        yield str(tmp_path / "store.duckdb")
    else:
        with _fresh_pg_schema() as url:
            yield url


@pytest.fixture
def pg_location() -> Iterator[str]:
    """A PostgreSQL URL with a fresh schema of its own (PostgreSQL-only tests)."""
    with _fresh_pg_schema() as url:
        yield url
