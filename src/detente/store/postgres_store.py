"""The PostgreSQL backend (psycopg 3): a server that many processes can write to at once.

    open_store("postgresql://user:secret@db.example/news")             # the server's default schema
    open_store("postgresql://user@db.example/news?schema=detente_dev")  # tables live in that schema

`?schema=NAME` is ours (psycopg never sees it): the schema is created when missing (unless
read-only) and becomes the session's search_path, so several stores can share one database. Every
other URL parameter is passed to libpq as is. Passwords never appear in `location` or errors.

read_only=True makes every transaction of the session READ ONLY, so the server itself refuses
writes, not just this class.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from typing import Any, ClassVar, NoReturn
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import sql as pgsql

from detente.errors import StoreError
from detente.store.base import Capabilities, Store, WriteConflictError
from detente.store.migrations import MIGRATIONS, Migration, apply_migrations

SCHEMA_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
CONNECT_TIMEOUT = 10  # seconds, unless the URL says otherwise: an unreachable host must not hang
# A quoted literal (skipped whole), a `?` placeholder, or a `%` that psycopg would read as one.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\?|%")


def to_psycopg(sql: str) -> str:
    """Translate our `?` placeholders to psycopg's `%s` and escape literal `%` as `%%`."""

    def sub(m: re.Match[str]) -> str:
        token = m.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token.replace("%", "%%")  # psycopg scans literals for placeholders too

    return _TOKENS.sub(sub, sql)


def split_url(url: str) -> tuple[str, str | None]:
    """(the URL for libpq without our `schema` parameter, the schema or None).

    Raises StoreError for a URL that is not postgresql:// or names an invalid schema.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise StoreError(f"not a PostgreSQL URL: {redact(url)!r} (expected postgresql://user@host/db)")
    try:
        parts.port  # noqa: B018  (urlsplit checks the port only when asked)
    except ValueError as e:
        raise StoreError(f"bad PostgreSQL URL {redact(url)!r}: {e}") from e
    query = parse_qsl(parts.query, keep_blank_values=True)
    schemas = [v for k, v in query if k == "schema"]
    rest = [(k, v) for k, v in query if k != "schema"]
    if len(schemas) > 1:
        raise StoreError(f"PostgreSQL URL {redact(url)!r} gives schema= more than once")
    schema = schemas[0] if schemas else None
    if schema is not None and not SCHEMA_RE.fullmatch(schema):
        raise StoreError(
            f"invalid schema name {schema!r} in {redact(url)!r}: use letters, digits and _ (at most 63), "
            "not starting with a digit"
        )
    return urlunsplit(parts._replace(query=urlencode(rest))), schema


def redact(url: str) -> str:
    """The URL with any password replaced by ***, for messages and `location`."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            netloc = f"{userinfo.split(':', 1)[0]}:***@{host}"
    query = [(k, "***" if k == "password" else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(netloc=netloc, query=urlencode(query)))


class PostgresStore(Store):
    capabilities: ClassVar[Capabilities] = Capabilities(
        dialect="postgresql", multi_process_writers=True, read_only_mode=True, in_memory=False
    )

    def __init__(
        self, url: str, *, read_only: bool = False, migrations: Sequence[Migration] = MIGRATIONS
    ) -> None:
        super().__init__(redact(url), read_only=read_only)
        conninfo, self.schema = split_url(url)
        self._closed = True
        self._con = _connect(conninfo, self.location)
        self._closed = False
        try:
            self._configure_session()
            self._migrate(migrations)
        except BaseException:
            self._close()
            raise

    def _configure_session(self) -> None:
        if self.schema is not None:
            ident = pgsql.Identifier(self.schema)
            exists = self._fetchall("SELECT 1 FROM pg_namespace WHERE nspname = ?", (self.schema,))
            if not exists:
                if self.read_only:
                    raise StoreError(f"store {self.location}: schema {self.schema!r} does not exist")
                # "IF NOT EXISTS" is no guard against two sessions creating it at the same moment (one fails
                # on pg_namespace's unique index): create it under a lock, as the migrations are.
                key = f"detente-schema:{self.schema}"
                self._fetchall("SELECT pg_advisory_lock(hashtext(?))", (key,))
                try:
                    self._run(pgsql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(ident))
                finally:
                    with contextlib.suppress(StoreError):
                        self._fetchall("SELECT pg_advisory_unlock(hashtext(?))", (key,))
            self._run(pgsql.SQL("SET search_path TO {}").format(ident))
        if self.read_only:
            self._run(pgsql.SQL("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"))

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        if self.read_only:
            apply_migrations(self, migrations)
            return
        # Several processes may open a fresh store at once: one migrates, the others wait and
        # then find nothing left to do. The lock is per schema, so isolated stores do not queue.
        key = f"detente-migrations:{self.schema or ''}"
        self._fetchall("SELECT pg_advisory_lock(hashtext(?))", (key,))
        try:
            apply_migrations(self, migrations)
        finally:
            with contextlib.suppress(StoreError):
                self._fetchall("SELECT pg_advisory_unlock(hashtext(?))", (key,))

    # ---- backend primitives ------------------------------------------------------------------

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self._live().execute(to_psycopg(sql), list(params))
        except psycopg.Error as e:
            _fail(self.location, e)

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            with self._live().cursor() as cur:
                cur.executemany(to_psycopg(sql), [list(r) for r in rows])
        except psycopg.Error as e:
            _fail(self.location, e)

    def _fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            with self._live().cursor() as cur:
                cur.execute(to_psycopg(sql), list(params))
                return cur.fetchall() if cur.description is not None else []
        except psycopg.Error as e:
            _fail(self.location, e)

    def _run(self, statement: pgsql.Composed | pgsql.SQL) -> None:
        try:
            self._live().execute(statement)
        except psycopg.Error as e:
            _fail(self.location, e)

    def _begin(self) -> None:
        self._execute("BEGIN")

    def _commit(self) -> None:
        self._execute("COMMIT")

    def _rollback(self) -> None:
        if self._closed:
            return
        with contextlib.suppress(psycopg.Error):  # a lost connection has no transaction left to end
            self._con.execute("ROLLBACK")

    def _close(self) -> None:
        if not self._closed:
            self._closed = True
            self._con.close()

    def _live(self) -> psycopg.Connection[tuple[Any, ...]]:
        if self._closed:
            raise StoreError(f"store {self.location} is closed")
        return self._con


def _connect(conninfo: str, location: str) -> psycopg.Connection[tuple[Any, ...]]:
    try:
        params = psycopg.conninfo.conninfo_to_dict(conninfo)
    except psycopg.Error as e:
        raise StoreError(f"bad PostgreSQL URL {location!r}: {_first_line(e)}") from e
    params.setdefault("connect_timeout", CONNECT_TIMEOUT)
    params.setdefault("application_name", "detente")
    try:
        # Autocommit: transactions are explicit BEGIN/COMMIT from Store.transaction(), as in DuckDB.
        return psycopg.connect(psycopg.conninfo.make_conninfo("", **params), autocommit=True)
    except psycopg.ProgrammingError as e:  # libpq rejected an option
        raise StoreError(f"bad PostgreSQL URL {location!r}: {_first_line(e)}") from e
    except psycopg.Error as e:
        raise _connect_error(location, e) from e


_UNREACHABLE = (  # libpq's wording when no server answers at that host and port
    "connection refused", "could not connect", "timeout", "timed out", "could not translate host name",
    "resolve host", "name or service not known", "no route",
)


def _connect_error(location: str, e: psycopg.Error) -> StoreError:
    text = _first_line(e)
    low = str(e).lower()
    if "authentication" in low or "no password supplied" in low or ("role" in low and "does not exist" in low):
        return StoreError(
            f"cannot log in to PostgreSQL at {location}: check the user name and password in the URL. "
            f"The server said: {text}"
        )
    if "database" in low and "does not exist" in low:
        return StoreError(f"PostgreSQL at {location} has no such database; create it first. The server said: {text}")
    if any(s in low for s in _UNREACHABLE):
        return StoreError(
            f"cannot reach the PostgreSQL server at {location}: is it running, and are host and port right? "
            f"({text})"
        )
    return StoreError(f"cannot open PostgreSQL store {location}: {text}")


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def _fail(location: str, e: psycopg.Error) -> NoReturn:
    if isinstance(e, psycopg.errors.ReadOnlySqlTransaction):
        raise StoreError(f"store {location} is open read-only: {_first_line(e)}") from e
    if isinstance(e, psycopg.errors.UniqueViolation | psycopg.errors.DeadlockDetected):
        raise WriteConflictError(f"store {location}: {_first_line(e)}") from e
    raise StoreError(f"store {location}: {_first_line(e)}") from e
