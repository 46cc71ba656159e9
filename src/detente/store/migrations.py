"""Numbered, named schema migrations, applied in order and recorded in `schema_migrations`.

Rules that keep one list valid for every backend (DuckDB and PostgreSQL):
- only portable types: TEXT, INTEGER, BIGINT, DOUBLE PRECISION, BOOLEAN, DATE, TIMESTAMP;
- no column named after an SQL keyword (offsets are start_char/end_char, the trigger word trigger_text);
- statements are separated by ';' and no literal contains one (we split on it);
- a released migration is never edited: append a new one instead;
- `dialects` limits a migration to some backends only when it adds nothing but indexes (the
  logical schema stays the same everywhere); elsewhere it is recorded as applied without running.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from detente.errors import StoreError

if TYPE_CHECKING:
    from detente.store.base import Store


class Migration(NamedTuple):
    name: str
    sql: str
    dialects: tuple[str, ...] = ()  # empty: every backend (see the module doc)

    def runs_on(self, dialect: str) -> bool:
        return not self.dialects or dialect in self.dialects

    def statements(self) -> list[str]:
        return [s.strip() for s in self.sql.split(";") if s.strip()]


def _actor_columns(prefix: str) -> str:
    # Every Actor field is kept so get_article rebuilds an equal Actor (kind included).
    return ", ".join(f"{prefix}_{f} TEXT" for f in ("id", "name", "country", "sector", "text", "kind"))


_INITIAL = f"""
CREATE TABLE articles (
    id TEXT PRIMARY KEY, date DATE NOT NULL, title TEXT, outlet TEXT, url TEXT, external_id TEXT,
    source_path TEXT, source_line INTEGER, text TEXT NOT NULL, ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE sentences (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    token_start INTEGER NOT NULL, token_end INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE repairs (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    original TEXT NOT NULL, replacement TEXT, kind TEXT NOT NULL, language TEXT,
    confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE mentions (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text TEXT NOT NULL, sentence INTEGER NOT NULL, token_start INTEGER NOT NULL, token_end INTEGER NOT NULL,
    head INTEGER NOT NULL, how TEXT NOT NULL, {_actor_columns("actor")},
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE quotes (
    article_id TEXT NOT NULL, idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    text TEXT NOT NULL, {_actor_columns("speaker")},
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE events (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, idx INTEGER NOT NULL,
    event TEXT NOT NULL, mode TEXT, context TEXT NOT NULL, cameo TEXT NOT NULL,
    goldstein DOUBLE PRECISION NOT NULL, quad_class INTEGER NOT NULL, modality TEXT NOT NULL,
    reciprocal BOOLEAN NOT NULL,
    {_actor_columns("actor")}, {_actor_columns("recipient")}, {_actor_columns("claimed_by")},
    when_start TEXT, when_end TEXT, when_granularity TEXT NOT NULL, when_text TEXT,
    event_date DATE NOT NULL,
    where_name TEXT, where_country TEXT, where_lat DOUBLE PRECISION, where_lon DOUBLE PRECISION,
    confidence DOUBLE PRECISION NOT NULL, trigger_text TEXT NOT NULL
);
CREATE TABLE evidence (
    event_id TEXT NOT NULL, article_id TEXT NOT NULL, idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (event_id, idx)
)
"""

_INDEXES = """
CREATE INDEX IF NOT EXISTS events_article_idx ON events (article_id);
CREATE INDEX IF NOT EXISTS events_date_idx ON events (event_date);
CREATE INDEX IF NOT EXISTS evidence_article_idx ON evidence (article_id)
"""

def _slot_key(slot: str) -> str:
    return (
        f"UPDATE events SET {slot}_key = (SELECT k.actor_key FROM actors k "
        f"WHERE k.id IS NOT DISTINCT FROM events.{slot}_id AND k.name IS NOT DISTINCT FROM events.{slot}_name "
        f"AND k.country IS NOT DISTINCT FROM events.{slot}_country)"
    )


# Integer actor keys (see rows.py): the actors a query term can match are found in the small `actors`
# table, the events by key. Rows stored before this migration get small numbered keys; new rows get
# hash keys, so the same actor may have one key of each kind: queries match all keys of an actor.
_ACTOR_KEYS = f"""
CREATE TABLE actors (actor_key BIGINT PRIMARY KEY, id TEXT, name TEXT, country TEXT);
ALTER TABLE events ADD COLUMN actor_key BIGINT;
ALTER TABLE events ADD COLUMN recipient_key BIGINT;
INSERT INTO actors (actor_key, id, name, country)
SELECT row_number() OVER (ORDER BY id, name, country), id, name, country FROM (
    SELECT actor_id AS id, actor_name AS name, actor_country AS country FROM events
    UNION SELECT recipient_id, recipient_name, recipient_country FROM events
) t WHERE id IS NOT NULL OR name IS NOT NULL OR country IS NOT NULL;
{_slot_key("actor")};
{_slot_key("recipient")}
"""

# PostgreSQL only (and separate from 0003: DuckDB cannot build an index in the transaction that updated
# the table). DuckDB uses an index only for a selective equality on one column, never for our key lists
# ORed across two columns, nor for ORDER BY or ranges (it skips row groups by min/max instead), while
# each index slows its inserts (two of them: about 1.7x on a bulk load). PostgreSQL combines the key
# indexes in bitmap scans, and keyset pages walk events_page_idx.
_PG_INDEXES = """
CREATE INDEX IF NOT EXISTS events_actor_key_idx ON events (actor_key);
CREATE INDEX IF NOT EXISTS events_recipient_key_idx ON events (recipient_key);
CREATE INDEX IF NOT EXISTS events_page_idx ON events (event_date, article_id, idx)
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _INITIAL),
    Migration("0002_indexes", _INDEXES),
    Migration("0003_actor_keys", _ACTOR_KEYS),
    Migration("0004_query_indexes", _PG_INDEXES, dialects=("postgresql",)),
)

_LEDGER = (
    "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
)


def applied_migrations(store: Store) -> list[str]:
    """Names recorded in schema_migrations, in the order they were applied."""
    return [str(r[0]) for r in store.fetch("SELECT name FROM schema_migrations ORDER BY applied_at, name")]


def apply_migrations(store: Store, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet recorded, each in its own transaction; return their names."""
    names = [m.name for m in migrations]
    if len(set(names)) != len(names):
        raise StoreError(f"duplicate migration names in {names}")
    if not store.read_only:
        with store.transaction():
            store.execute(_LEDGER)
    elif not store.fetch(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_name = 'schema_migrations' AND table_schema = current_schema()"
    ):
        raise StoreError(f"{store.location} is not a detente store (no schema_migrations table)")
    done = set(applied_migrations(store))
    unknown = done - set(names)
    if unknown:
        # A newer detente wrote this store: writing with an older layout could corrupt it.
        raise StoreError(
            f"store {store.location} has migrations this detente does not know: {sorted(unknown)}; "
            "upgrade detente to use it"
        )
    applied: list[str] = []
    for migration in migrations:
        if migration.name in done:
            continue
        if store.read_only:
            raise StoreError(
                f"store {store.location} needs migration {migration.name}; open it writable once to upgrade"
            )
        with store.transaction():
            if migration.runs_on(store.capabilities.dialect):
                for statement in migration.statements():
                    store.execute(statement)
            store.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, _utcnow()),
            )
        applied.append(migration.name)
    return applied


def _utcnow() -> dt.datetime:
    # Naive UTC: TIMESTAMP is portable, TIMESTAMPTZ needs extra packages in DuckDB's Python client.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
