"""The one storage interface. A backend supplies a connection and five primitives; everything else
(idempotent per-article writes, rebuilding an AnalyzedArticle, id prefixes) lives here once, so the
DuckDB and PostgreSQL backends and the contract test suite share it.

SQL handed to `execute`/`fetch` uses `?` placeholders and portable SQL; a backend with another
paramstyle (psycopg's `%s`) translates. No SQL we write contains a literal `?`.
"""

from __future__ import annotations

import datetime as dt
import threading
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Any, ClassVar

from detente.errors import NotFoundError, StoreError
from detente.models import AnalyzedArticle, Evidence
from detente.store import rows as R

MIN_PREFIX = 4  # shortest id prefix get_article accepts, as in git
MAX_PARAMS = 20_000  # bind parameters per INSERT statement


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What a backend can do, so callers (and the contract tests) branch on facts, not on names."""

    dialect: str  # "duckdb" | "postgresql"
    multi_process_writers: bool  # False: a second writing process gets a StoreError (locked)
    read_only_mode: bool  # open_store(..., read_only=True) is supported
    in_memory: bool  # ":memory:" works


class AmbiguousIdError(NotFoundError):
    """An id prefix matched several articles: no single article was found."""


class WriteConflictError(StoreError):
    """Another process stored the same row at the same moment (PostgreSQL); write_many retries once,
    and the retry finds that row stored."""


class Store(ABC):
    """A detente store. Use as a context manager, or call close()."""

    capabilities: ClassVar[Capabilities]

    def __init__(self, location: str, *, read_only: bool = False) -> None:
        self.location = location
        self.read_only = read_only
        # One connection per store; the lock serialises threads (a REST server shares one store).
        self._lock = threading.RLock()
        self._in_tx = False

    # ---- backend primitives ------------------------------------------------------------------

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def _begin(self) -> None: ...

    @abstractmethod
    def _commit(self) -> None: ...

    @abstractmethod
    def _rollback(self) -> None: ...

    @abstractmethod
    def _close(self) -> None: ...

    # ---- generic access ----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside commit together or not at all (any exception rolls back)."""
        with self._lock:
            if self._in_tx:
                raise StoreError("nested transactions are not supported")
            self._begin()
            self._in_tx = True
            try:
                yield
            except BaseException:
                self._rollback()
                raise
            else:
                self._commit()
            finally:
                self._in_tx = False

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._lock:
            self._execute(sql, params)

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read query (portable SQL, `?` placeholders) and return all rows."""
        with self._lock:
            return self._fetchall(sql, params)

    def _insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *, skip_existing: bool = False
    ) -> None:
        # Multi-row VALUES: per-statement overhead dominates in DuckDB (executemany is ~3x slower).
        # Chunked to stay far below PostgreSQL's 65535 bind-parameter limit.
        one = "(" + ", ".join("?" for _ in columns) + ")"
        tail = " ON CONFLICT DO NOTHING" if skip_existing else ""  # rows whose primary key is already there
        step = max(1, MAX_PARAMS // len(columns))
        for i in range(0, len(rows), step):
            chunk = rows[i:i + step]
            self._execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * len(chunk))}{tail}",
                [v for row in chunk for v in row],
            )

    def close(self) -> None:
        with self._lock:
            self._close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.location!r})"

    # ---- articles ----------------------------------------------------------------------------

    def write(self, analyzed: AnalyzedArticle) -> bool:
        """Store one article and everything found in it in ONE transaction: all rows or none.

        Returns False (and writes nothing) when an article with the same id is already stored;
        ids are content hashes, so re-running a batch never duplicates anything.
        """
        return self.write_many([analyzed])[0]

    def write_many(self, batch: Sequence[AnalyzedArticle]) -> list[bool]:
        """Store several articles in ONE transaction (much faster than one write() each).

        Per article: True if stored, False if its id was already stored (or came earlier in the
        batch). All-or-nothing for the whole batch: if anything fails, none of it is stored, so a
        caller that wants to keep the good articles retries the batch one write() at a time.
        """
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")
        if not batch:
            return []
        try:
            return self._write_batch(batch)
        except WriteConflictError:  # a concurrent writer committed some of these articles first
            return self._write_batch(batch)

    def _write_batch(self, batch: Sequence[AnalyzedArticle]) -> list[bool]:
        ingested_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        ids = list(dict.fromkeys(a.article.id for a in batch))
        with self.transaction():
            stored: set[str] = set()
            step = MAX_PARAMS
            for i in range(0, len(ids), step):
                chunk = ids[i:i + step]
                marks = ", ".join("?" for _ in chunk)
                found = self._fetchall(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
                stored.update(str(r[0]) for r in found)
            fresh: list[AnalyzedArticle] = []
            result: list[bool] = []
            for a in batch:
                is_new = a.article.id not in stored
                stored.add(a.article.id)
                result.append(is_new)
                if is_new:
                    fresh.append(a)
            if fresh:
                # In id order, as actors are in key order: concurrent writers lock rows in one order.
                arts = [R.article_row(a.article, ingested_at) for a in sorted(fresh, key=lambda a: a.article.id)]
                self._insert("articles", R.ARTICLE_COLS, arts)
                # Shared by many articles (and other writers): keep the row already there.
                actors = R.actor_rows([e for a in fresh for e in a.events])
                self._insert("actors", R.ACTORS_COLS, actors, skip_existing=True)
                children = [R.child_rows(a) for a in fresh]
                for table, columns in R.CHILD_TABLES:
                    self._insert(table, columns, [row for c in children for row in c[table]])
        return result

    def has_article(self, article_id: str) -> bool:
        return bool(self.fetch("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def resolve_article_id(self, id_or_prefix: str) -> str:
        """The full id for an exact id or an unambiguous prefix of at least MIN_PREFIX characters."""
        key = id_or_prefix.strip()
        if key and self.has_article(key):
            return key
        if len(key) < MIN_PREFIX:
            raise NotFoundError(
                f"no article with id {key!r} in {self.location} (a prefix needs {MIN_PREFIX}+ characters)"
            )
        found = self.fetch(
            "SELECT id FROM articles WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 6", (len(key), key)
        )
        if not found:
            raise NotFoundError(f"no article with id or prefix {key!r} in {self.location}")
        if len(found) > 1:
            shown = ", ".join(str(r[0]) for r in found[:5])
            raise AmbiguousIdError(
                f"id prefix {key!r} matches several articles ({shown}, ...); give more of it"
            )
        return str(found[0][0])

    def get_article(self, article_id: str) -> AnalyzedArticle:
        """Rebuild an AnalyzedArticle from its rows; accepts an unambiguous id prefix.

        Raises NotFoundError (E201) when absent, AmbiguousIdError (also E201) for a shared prefix.
        """
        with self._lock:  # one consistent snapshot against concurrent writers in this process
            aid = self.resolve_article_id(article_id)
            art = self._fetchall(f"SELECT {', '.join(R.ARTICLE_COLS)} FROM articles WHERE id = ?", (aid,))
            if not art:  # deleted between resolve and read
                raise NotFoundError(f"no article with id {aid!r} in {self.location}")
            got: dict[str, list[R.Row]] = {}
            for table, columns in R.CHILD_TABLES:
                order = "event_id, idx" if table == "evidence" else "idx"
                got[table] = self._fetchall(
                    f"SELECT {', '.join(columns)} FROM {table} WHERE article_id = ? ORDER BY {order}", (aid,)
                )
        evidence: dict[str, list[Evidence]] = defaultdict(list)
        for r in got["evidence"]:
            evidence[r[0]].append(R.evidence_from(r))
        return AnalyzedArticle(
            article=R.article_from(art[0]),
            repairs=tuple(R.repair_from(r) for r in got["repairs"]),
            sentences=tuple(R.sentence_from(r) for r in got["sentences"]),
            mentions=tuple(R.mention_from(r) for r in got["mentions"]),
            quotes=tuple(R.quote_from(r) for r in got["quotes"]),
            events=tuple(R.event_from(r, evidence[r[0]]) for r in got["events"]),
        )

    def article_ids(self) -> list[str]:
        return [str(r[0]) for r in self.fetch("SELECT id FROM articles ORDER BY date, id")]

    def applied_migrations(self) -> list[str]:
        from detente.store.migrations import applied_migrations

        return applied_migrations(self)
