"""PostgreSQL-specific behaviour: URLs and their errors, schemas, read-only sessions, several writers.

The tests that need a server use DETENTE_TEST_PG_URL (see tests/conftest.py: skipped without it,
failed under CI=true); URL parsing and unreachable servers need none.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from detente.errors import StoreError
from detente.models import AnalyzedArticle, Article
from detente.store import MIGRATIONS, Store, open_store
from detente.store.postgres_store import PostgresStore, redact, split_url, to_psycopg

REPO = Path(__file__).resolve().parents[2]


def _article(text: str = "Washington accused Moscow.") -> AnalyzedArticle:
    return AnalyzedArticle(Article.make(date=dt.date(2023, 1, 2), text=text))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ---- no server needed ------------------------------------------------------------------------


def test_placeholders_and_percent_signs_are_translated() -> None:
    assert to_psycopg("SELECT ? WHERE a LIKE '10%' AND b = ?") == "SELECT %s WHERE a LIKE '10%%' AND b = %s"
    assert to_psycopg("SELECT 'why?', 'it''s ?', x % 2 FROM t WHERE y = ?") == (
        "SELECT 'why?', 'it''s ?', x %% 2 FROM t WHERE y = %s"
    )


def test_schema_comes_out_of_the_url_and_the_rest_stays() -> None:
    assert split_url("postgresql://u@h:5/db?schema=news_1&sslmode=disable") == (
        "postgresql://u@h:5/db?sslmode=disable", "news_1",
    )
    assert split_url("postgres://u@h/db") == ("postgres://u@h/db", None)
    for bad in ("postgresql://u@h/db?schema=1abc", "postgresql://u@h/db?schema=a;drop", "postgresql://h/d?schema="):
        with pytest.raises(StoreError, match="invalid schema name"):
            split_url(bad)
    with pytest.raises(StoreError, match="more than once"):
        split_url("postgresql://h/d?schema=a&schema=b")


def test_passwords_never_show() -> None:
    assert redact("postgresql://me:s3cret@h/db?password=x&schema=a") == (
        "postgresql://me:***@h/db?password=%2A%2A%2A&schema=a"
    )


def test_unreachable_server_is_a_clear_store_error() -> None:
    url = f"postgresql://me:s3cret@127.0.0.1:{_free_port()}/news"
    with pytest.raises(StoreError, match="cannot reach the PostgreSQL server") as err:
        open_store(url)
    assert "s3cret" not in str(err.value) and err.value.code == "E200"


@pytest.mark.parametrize("url", ["postgresql://h:notaport/db", "postgresql://h/db?no_such_option=1"])
def test_bad_url_is_a_clear_store_error(url: str) -> None:
    with pytest.raises(StoreError, match="bad PostgreSQL URL"):
        open_store(url)


def test_importing_the_store_package_loads_no_database_driver() -> None:
    code = "import sys, detente.store; print(sorted(m for m in ('psycopg', 'duckdb') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_ci_fails_instead_of_skipping_without_a_server() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DETENTE_TEST_PG_URL", "CI")}
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "postgresql and article_ids",
            str(REPO / "tests" / "store" / "test_store_contract.py")]
    local = subprocess.run(args, capture_output=True, text=True, env=env, cwd=REPO)
    assert local.returncode == 0 and "1 skipped" in local.stdout, local.stdout
    ci = subprocess.run(args, capture_output=True, text=True, env={**env, "CI": "true"}, cwd=REPO)
    assert ci.returncode == 1 and "CI=true but DETENTE_TEST_PG_URL is not set" in ci.stdout, ci.stdout


# ---- with a server ---------------------------------------------------------------------------


def _with_schema(base: str, schema: str) -> str:
    return f"{base}{'&' if '?' in base else '?'}schema={schema}"


@pytest.fixture
def url(pg_location: str) -> str:
    return pg_location


def _base(url: str) -> str:
    return split_url(url)[0]


def test_capabilities(url: str) -> None:
    with open_store(url) as s:
        assert isinstance(s, PostgresStore)
        assert s.capabilities.dialect == "postgresql" and s.capabilities.multi_process_writers
        assert s.capabilities.read_only_mode and not s.capabilities.in_memory
        assert s.applied_migrations() == [m.name for m in MIGRATIONS]
        indexes = {r[0] for r in s.fetch("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
        assert {"events_page_idx", "events_actor_key_idx", "events_recipient_key_idx"} <= indexes


def test_unknown_user_is_a_login_error(url: str) -> None:
    parts = urlsplit(_base(url))
    nobody = urlunsplit(parts._replace(netloc=f"nobody_at_all:pw@{parts.netloc.rsplit('@', 1)[-1]}"))
    with pytest.raises(StoreError, match="cannot log in") as err:
        open_store(nobody)
    assert ":pw@" not in str(err.value)


def test_missing_database_is_named(url: str) -> None:
    base = _base(url)
    missing = base.rsplit("/", 1)[0] + "/no_such_database_here"
    with pytest.raises(StoreError, match="no such database"):
        open_store(missing)


def test_schemas_keep_stores_apart(url: str) -> None:
    other = _with_schema(_base(url), f"detente_test_{uuid.uuid4().hex[:12]}")
    try:
        with open_store(url) as a, open_store(other) as b:
            assert a.write(_article())
            assert not b.has_article(_article().article.id)
            assert b.write(_article()) is True  # a different store: new there too
    finally:
        _drop(other)


def _drop(url: str) -> None:
    import psycopg

    base, schema = split_url(url)
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def test_read_only_session_refuses_every_write(url: str) -> None:
    with open_store(url) as s:
        s.write(_article())
    with open_store(url, read_only=True) as ro:
        assert ro.read_only and ro.has_article(_article().article.id)
        with pytest.raises(StoreError, match="read-only"):
            ro.write(_article("Something else."))
        # Not just our check: the server itself refuses, even for SQL written by hand.
        with pytest.raises(StoreError, match="read-only"):
            ro.execute("DELETE FROM articles")
        with pytest.raises(StoreError, match="read-only"), ro.transaction():
            ro.execute("CREATE TABLE sneaky (x INTEGER)")
        assert ro.has_article(_article().article.id)


def test_read_only_needs_an_existing_detente_schema(url: str) -> None:
    fresh = _with_schema(_base(url), f"detente_test_{uuid.uuid4().hex[:12]}")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(fresh, read_only=True)
    import psycopg

    base, schema = split_url(fresh)
    with psycopg.connect(base, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    try:
        with pytest.raises(StoreError, match="not a detente store"):
            open_store(fresh, read_only=True)
    finally:
        _drop(fresh)


def test_retry_after_another_writer_stored_the_same_article(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(url) as first, open_store(url) as second:
        assert first.write(_article())
        real = second._fetchall
        calls: list[str] = []

        def blind_once(sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
            if sql.startswith("SELECT id FROM articles WHERE id IN") and not calls:
                calls.append(sql)
                return []  # as if the first writer had not committed yet
            return real(sql, params)

        monkeypatch.setattr(second, "_fetchall", blind_once)
        assert second.write(_article()) is False  # the insert clashed, the retry saw it stored
        assert calls and int(second.fetch("SELECT count(*) FROM articles")[0][0]) == 1


def test_several_writers_at_once_store_each_article_once(url: str) -> None:
    batch = [_article(f"Washington accused Moscow, take {i}.") for i in range(12)]
    stores = [open_store(url) for _ in range(3)]
    results: list[list[bool]] = [[] for _ in stores]
    errors: list[BaseException] = []
    start = threading.Barrier(len(stores))

    def run(i: int) -> None:
        try:
            start.wait()
            order = batch if i % 2 == 0 else batch[::-1]
            results[i] = [stores[i].write(a) for a in order]
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(stores))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert not errors
        assert sum(sum(r) for r in results) == len(batch)  # each article stored by exactly one writer
        assert int(stores[0].fetch("SELECT count(*) FROM articles")[0][0]) == len(batch)
    finally:
        for s in stores:
            s.close()


def test_stores_opened_at_once_migrate_once(url: str) -> None:
    fresh = _with_schema(_base(url), f"detente_test_{uuid.uuid4().hex[:12]}")
    opened: list[Store] = []
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def run() -> None:
        try:
            start.wait()
            opened.append(open_store(fresh))
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    try:
        assert not errors and len(opened) == 3
        assert opened[0].applied_migrations() == [m.name for m in MIGRATIONS]
    finally:
        for s in opened:
            s.close()
        _drop(fresh)
