"""The embedded DuckDB backend (the default: one file, no server).

DuckDB lets one process open a file for writing at a time; a second one gets a StoreError saying
so. Several processes may open it read_only=True, but only while no process writes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, NoReturn

import duckdb

from detente.errors import StoreError
from detente.store.base import Capabilities, Store
from detente.store.migrations import MIGRATIONS, Migration, apply_migrations


class DuckDBStore(Store):
    capabilities: ClassVar[Capabilities] = Capabilities(
        dialect="duckdb", multi_process_writers=False, read_only_mode=True, in_memory=True
    )

    def __init__(
        self,
        path: str | Path = "detente.duckdb",
        *,
        read_only: bool = False,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> None:
        location = str(path)
        super().__init__(location, read_only=read_only)
        in_memory = location == ":memory:"
        if not in_memory:
            file = Path(location)
            if read_only and not file.exists():
                raise StoreError(f"store {location} does not exist")
            if not read_only:
                file.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(location, read_only=read_only and not in_memory)
            # No progress bar: DuckDB would draw it on stdout during long statements (a migration).
            self._con.execute("SET enable_progress_bar = false")
        except duckdb.Error as e:
            raise _open_error(location, e) from e
        self._closed = False
        try:
            apply_migrations(self, migrations)
        except BaseException:
            self._con.close()
            raise

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self._live().execute(sql, list(params))
        except duckdb.Error as e:
            _fail(self.location, e)

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            self._live().executemany(sql, [list(r) for r in rows])
        except duckdb.Error as e:
            _fail(self.location, e)

    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._live().execute(sql, list(params)).fetchall()
        except duckdb.Error as e:
            _fail(self.location, e)

    def _begin(self) -> None:
        self._execute("BEGIN TRANSACTION")

    def _commit(self) -> None:
        self._execute("COMMIT")

    def _rollback(self) -> None:
        if self._closed:
            return
        with contextlib.suppress(duckdb.Error):  # the failure may have ended the transaction already
            self._con.execute("ROLLBACK")

    def _close(self) -> None:
        if not self._closed:
            self._closed = True
            self._con.close()

    def _live(self) -> duckdb.DuckDBPyConnection:
        if self._closed:
            raise StoreError(f"store {self.location} is closed")
        return self._con


def _open_error(location: str, e: duckdb.Error) -> StoreError:
    text = str(e)
    if "lock" in text.lower():
        return StoreError(
            f"store {location} is in use by another process (DuckDB allows one writer at a time); "
            f"wait for it to finish or point --store at another file. DuckDB said: {text}"
        )
    return StoreError(f"cannot open store {location}: {text}")


def _fail(location: str, e: duckdb.Error) -> NoReturn:
    raise StoreError(f"store {location}: {e}") from e
