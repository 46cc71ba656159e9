"""DuckDB-specific behaviour: files, migrations on reopen, the single-writer lock, read-only mode."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from detente.errors import StoreError
from detente.models import AnalyzedArticle, Article
from detente.store import MIGRATIONS, Migration, open_store
from detente.store.duckdb_store import DuckDBStore

NAMES = [m.name for m in MIGRATIONS]


def _article(text: str = "Washington accused Moscow.") -> AnalyzedArticle:
    return AnalyzedArticle(Article.make(date=dt.date(2023, 1, 2), text=text))


def test_migrations_recorded_and_idempotent_on_reopen(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    with open_store(path) as s:
        assert s.applied_migrations() == NAMES
        s.write(_article())
    with open_store(path) as s:  # reopening applies nothing and keeps the data
        assert s.applied_migrations() == NAMES
        assert s.fetch("SELECT count(*) FROM schema_migrations")[0][0] == len(NAMES)
        assert s.has_article(_article().article.id)


def test_reopen_applies_only_missing_migrations(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    DuckDBStore(path, migrations=MIGRATIONS[:1]).close()
    extra = Migration("0999_test_extra", "CREATE TABLE extra_a (x INTEGER); CREATE TABLE extra_b (y TEXT)")
    with DuckDBStore(path, migrations=(*MIGRATIONS, extra)) as s:
        assert s.applied_migrations() == [*NAMES, "0999_test_extra"]
        assert s.fetch("SELECT count(*) FROM extra_a")[0][0] == 0
    with DuckDBStore(path, migrations=(*MIGRATIONS, extra)) as s:
        assert len(s.applied_migrations()) == len(NAMES) + 1


def test_failed_migration_is_not_recorded(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    bad = Migration("0999_bad", "CREATE TABLE half (x INTEGER); THIS IS NOT SQL")
    with pytest.raises(StoreError):
        DuckDBStore(path, migrations=(*MIGRATIONS, bad))
    with DuckDBStore(path) as s:
        assert s.applied_migrations() == NAMES
        assert not s.fetch("SELECT table_name FROM information_schema.tables WHERE table_name = 'half'")


def test_store_from_a_newer_detente_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    future = Migration("0999_future", "CREATE TABLE f (x INTEGER)")
    DuckDBStore(path, migrations=(*MIGRATIONS, future)).close()
    with pytest.raises(StoreError, match="0999_future"):
        open_store(path)


def test_second_writer_process_gets_a_clear_store_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    open_store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()",
         str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process") as err:
            open_store(path)
        assert err.value.code == "E200"
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    open_store(path).close()  # free again once the other process is gone


def test_read_only(tmp_path: Path) -> None:
    path = tmp_path / "ro.duckdb"
    with pytest.raises(StoreError, match="does not exist"):
        open_store(path, read_only=True)
    with open_store(path) as s:
        s.write(_article())
    with open_store(path, read_only=True) as ro:
        assert ro.has_article(_article().article.id)
        with pytest.raises(StoreError, match="read-only"):
            ro.write(_article("Something else."))


def test_read_only_on_a_non_detente_file(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a detente store"):
        open_store(path, read_only=True)


def test_not_a_database_file(tmp_path: Path) -> None:
    path = tmp_path / "junk.duckdb"
    path.write_text("this is not duckdb")
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(path)


def test_parent_directories_are_created(tmp_path: Path) -> None:
    with open_store(tmp_path / "a" / "b" / "s.duckdb") as s:
        assert s.write(_article())
    assert (tmp_path / "a" / "b" / "s.duckdb").exists()


def test_in_memory_store() -> None:
    with open_store(":memory:") as s:
        assert s.capabilities.dialect == "duckdb"
        assert s.write(_article())


@pytest.mark.parametrize("url", ["sqlite:///x.db", "mysql://u@h/db"])
def test_other_url_schemes_are_refused(url: str) -> None:
    with pytest.raises(StoreError, match="unsupported store URL"):
        open_store(url)


def test_default_path_is_detente_duckdb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_store().close()
    assert (tmp_path / "detente.duckdb").exists()


def test_postgresql_only_indexes_are_recorded_but_not_built(tmp_path: Path) -> None:
    with open_store(tmp_path / "i.duckdb") as s:
        assert "0004_query_indexes" in s.applied_migrations()
        names = {r[0] for r in s.fetch("SELECT index_name FROM duckdb_indexes()")}
        assert "events_article_idx" in names and "events_page_idx" not in names
