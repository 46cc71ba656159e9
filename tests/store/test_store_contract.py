"""Store behaviour every backend must share. The `store` fixture runs each test on DuckDB and on
PostgreSQL (skipped without DETENTE_TEST_PG_URL, a failure when CI=true: see tests/conftest.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from detente.errors import NotFoundError, StoreError
from detente.models import (
    Actor,
    AnalyzedArticle,
    Article,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
    Repair,
    Sentence,
    SourceRef,
    When,
)
from detente.store import MIGRATIONS, AmbiguousIdError, Store, open_store
from detente.store import rows as R
from detente.store.base import MIN_PREFIX
from detente.store.rows import event_date

USA = Actor("USA", "United States", "USA", "government", "Washington", "country")
RUS = Actor("RUS", "Russia", "RUS", "government", "Moscow", "country")

TEXT = (
    "Washington accused Moscow of hacking on Monday. "
    "Moscow will hold talks with Washington in June 2023, an official said."
)


def _event(eid: str, kind: str, *, actor: Actor | None, recipient: Actor | None, modality: str = "asserted",
           when: When | None = None, where: Place | None = None, claimed_by: Actor | None = None,
           evidence: tuple[Evidence, ...] = ()) -> Event:
    return Event(
        id=eid, actor=actor, recipient=recipient, reciprocal=False, event=kind, mode=None,
        context=("cyber",) if kind == "ACCUSE" else (), cameo="112" if kind == "ACCUSE" else "036",
        goldstein=-2.0 if kind == "ACCUSE" else 4.0, quad_class=3 if kind == "ACCUSE" else 1,
        modality=modality, claimed_by=claimed_by, when=when or When(None, None, "publication"),
        where=where, evidence=evidence, confidence=0.8, trigger="accused" if kind == "ACCUSE" else "talks",
    )


def sample(text: str = TEXT, date: dt.date = dt.date(2023, 5, 2)) -> AnalyzedArticle:
    art = Article.make(date=date, text=text, title="Spat", outlet="Wire", url="https://x.test/a",
                       external_id="w-1", source=SourceRef("news.jsonl", 3))
    s1 = Sentence(0, 0, 8, 0, 48, text[:48])
    s2 = Sentence(1, 8, 20, 49, len(text), text[49:])
    ev1 = _event(
        f"{art.id}-e1", "ACCUSE", actor=USA.with_text("Washington"), recipient=RUS.with_text("Moscow"),
        when=When("2023-05-01", "2023-05-01", "day", "on Monday"),
        evidence=(Evidence(0, 0, 48, text[:48]),),
    )
    ev2 = _event(
        f"{art.id}-e2", "CONSULT", actor=RUS, recipient=USA, modality="future",
        when=When("2023-06", "2023-06", "month", "in June 2023"), where=Place("Geneva", "CHE", 46.2, 6.1),
        claimed_by=Actor(None, None, None, "government", "an official"),
        evidence=(Evidence(1, 49, 90, text[49:90]), Evidence(1, 91, len(text), text[91:])),
    )
    return AnalyzedArticle(
        article=art,
        repairs=(
            Repair(0, 10, "Washington", None, "flag", "en", 0.5), Repair(19, 25, "Moscow", "Moscow", "x"),
        ),
        sentences=(s1, s2),
        mentions=(
            Mention(0, 10, "Washington", USA.with_text("Washington"), 0, 0, 1, 0, "metonym"),
            Mention(19, 25, "Moscow", RUS.with_text("Moscow"), 0, 2, 3, 2),
            Mention(49, 55, "Moscow", None, 1, 8, 9, 8, "unknown"),
        ),
        quotes=(Quote(49, 90, text[49:90], None), Quote(0, 10, "Washington", USA)),
        events=(ev1, ev2),
        timings={"parse": 0.1},
    )


@pytest.fixture
def store(store_location: str) -> Iterator[Store]:
    """A fresh store on each backend (conftest.store_location: DuckDB file, PostgreSQL schema)."""
    s = open_store(store_location)
    try:
        yield s
    finally:
        s.close()


def _counts(store: Store) -> dict[str, int]:
    tables = ("articles", "actors", "sentences", "repairs", "mentions", "quotes", "events", "evidence")
    return {t: int(store.fetch(f"SELECT count(*) FROM {t}")[0][0]) for t in tables}


def test_round_trip_rebuilds_an_equal_article(store: Store) -> None:
    a = sample()
    assert store.write(a) is True
    got = store.get_article(a.article.id)
    assert got.article == a.article
    assert got.events == a.events
    assert got.mentions == a.mentions
    assert got.repairs == a.repairs
    assert got.quotes == a.quotes
    assert got.sentences == a.sentences
    assert got == a  # timings are compare=False


def test_empty_article_round_trips(store: Store) -> None:
    a = AnalyzedArticle(Article.make(date=dt.date(2020, 1, 1), text="Nothing happened."))
    assert store.write(a)
    assert store.get_article(a.article.id) == a


def test_writing_twice_stores_once(store: Store) -> None:
    a = sample()
    assert store.write(a) is True
    before = _counts(store)
    assert store.write(a) is False
    assert store.write(sample()) is False  # an equal article built again: same content-hash id
    assert _counts(store) == before
    assert before["articles"] == 1 and before["events"] == 2 and before["evidence"] == 3


def test_has_article_and_not_found(store: Store) -> None:
    a = sample()
    assert not store.has_article(a.article.id)
    store.write(a)
    assert store.has_article(a.article.id)
    with pytest.raises(NotFoundError) as err:
        store.get_article("ffffffffffffffff")
    assert err.value.code == "E201"


def test_get_article_by_unambiguous_prefix(store: Store) -> None:
    a = sample()
    store.write(a)
    assert store.get_article(a.article.id[:MIN_PREFIX]).article.id == a.article.id
    with pytest.raises(NotFoundError):
        store.get_article(a.article.id[: MIN_PREFIX - 1])  # too short to be a prefix


def test_ambiguous_prefix_is_an_error(store: Store) -> None:
    ids: dict[str, str] = {}
    n = 0
    while True:  # find two articles whose ids share MIN_PREFIX characters
        art = sample(text=f"{TEXT} {n}")
        key = art.article.id[:MIN_PREFIX]
        if key in ids:
            break
        ids[key] = art.article.id
        n += 1
    store.write(sample(text=f"{TEXT} {list(ids).index(key)}"))
    store.write(art)
    with pytest.raises(AmbiguousIdError):
        store.get_article(key)
    assert store.get_article(art.article.id).article.id == art.article.id


def test_failure_mid_write_leaves_no_rows(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    a = sample()
    real = store._insert

    def failing(table: str, columns: Any, rows: Any, **kw: Any) -> None:
        if table == "evidence":  # the last table: everything else was already inserted
            raise RuntimeError("disk on fire")
        real(table, columns, rows, **kw)

    monkeypatch.setattr(store, "_insert", failing)
    with pytest.raises(RuntimeError):
        store.write(a)
    assert all(n == 0 for n in _counts(store).values())
    assert not store.has_article(a.article.id)
    monkeypatch.undo()
    assert store.write(a) is True  # the store is still usable
    assert store.get_article(a.article.id) == a


def test_database_error_mid_write_is_a_store_error_and_rolls_back(store: Store) -> None:
    a = sample()
    store.write(a)
    # A different article reusing an event id breaks the events primary key after the article row.
    b = sample(text=TEXT + " Again.")
    clash = AnalyzedArticle(b.article, events=a.events)
    with pytest.raises(StoreError):
        store.write(clash)
    assert not store.has_article(b.article.id)
    assert _counts(store)["events"] == 2


def test_article_ids_and_migrations(store: Store) -> None:
    store.write(sample())
    assert store.article_ids() == [sample().article.id]
    assert store.applied_migrations()[0] == "0001_initial"


def test_closed_store_raises_store_error(store: Store) -> None:
    store.close()
    with pytest.raises(StoreError):
        store.has_article("x")
    store.close()  # closing twice is fine


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("2020", dt.date(2020, 1, 1)),
        ("2023-06", dt.date(2023, 6, 1)),
        ("2023-06-23", dt.date(2023, 6, 23)),
        ("2023-06-23T10:00:00", dt.date(2023, 6, 23)),
        (None, dt.date(2024, 2, 29)),
        ("", dt.date(2024, 2, 29)),
        ("2023-02-30", dt.date(2024, 2, 29)),
        ("2023-W25", dt.date(2024, 2, 29)),
        ("last spring", dt.date(2024, 2, 29)),
    ],
)
def test_event_date(start: str | None, expected: dt.date) -> None:
    assert event_date(start, dt.date(2024, 2, 29)) == expected


def test_write_many_flags_new_and_duplicate_articles(store: Store) -> None:
    a, b = sample(), sample(text=TEXT + " B.")
    assert store.write(a)
    assert store.write_many([a, b, b]) == [False, True, False]
    assert store.write_many([]) == []
    assert _counts(store)["articles"] == 2
    assert store.get_article(b.article.id) == b


def test_write_many_is_all_or_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    batch = [sample(text=f"{TEXT} {i}") for i in range(3)]
    real = store._insert

    def failing(table: str, columns: Any, rows: Any, **kw: Any) -> None:
        if table == "quotes":
            raise KeyboardInterrupt  # even an interrupt rolls back
        real(table, columns, rows, **kw)

    monkeypatch.setattr(store, "_insert", failing)
    with pytest.raises(KeyboardInterrupt):
        store.write_many(batch)
    assert all(n == 0 for n in _counts(store).values())


def test_large_batch_is_chunked(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.store.base as base

    monkeypatch.setattr(base, "MAX_PARAMS", 50)  # forces several INSERT statements per table
    batch = [sample(text=f"{TEXT} {i}") for i in range(12)]
    assert store.write_many(batch) == [True] * 12
    assert _counts(store)["mentions"] == 36
    assert store.get_article(batch[7].article.id) == batch[7]


def test_threads_share_one_store(store: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    batch = [sample(text=f"{TEXT} t{i}") for i in range(16)]
    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(store.write, batch))
        got = list(pool.map(lambda a: store.get_article(a.article.id), batch))
    assert got == batch


def test_writes_share_actor_rows(store: Store) -> None:
    store.write(sample())
    store.write(sample(text=TEXT + " Later."))  # the same two actors again
    assert store.fetch("SELECT id FROM actors ORDER BY id") == [("RUS",), ("USA",)]
    assert store.write(sample()) is False
    assert _counts(store)["actors"] == 2


def _old_layout_store(location: str) -> Store:
    """A store as detente wrote it before actor keys (migrations 0001-0002 only)."""
    from detente.store.duckdb_store import DuckDBStore
    from detente.store.postgres_store import PostgresStore

    old = MIGRATIONS[:2]
    if location.startswith("postgresql"):
        return PostgresStore(location, migrations=old)
    return DuckDBStore(location, migrations=old)


def test_rows_stored_before_actor_keys_are_keyed_by_the_migration(store_location: str) -> None:
    from detente.query import EventFilter, actor_profile, dyad_series, find_events

    a = sample()
    rows = R.child_rows(a)
    with _old_layout_store(store_location) as old, old.transaction():
        old._insert("articles", R.ARTICLE_COLS, [R.article_row(a.article, dt.datetime(2024, 1, 1))])
        for table, columns in R.CHILD_TABLES:
            keep = len(columns) - 2 if table == "events" else len(columns)  # no actor_key, recipient_key
            old._insert(table, columns[:keep], [r[:keep] for r in rows[table]])
    with open_store(store_location) as s:
        assert s.applied_migrations() == [m.name for m in MIGRATIONS]
        assert s.get_article(a.article.id) == a
        assert [r.id for r in find_events(s, EventFilter(dyad=("russia", "USA")))] == [e.id for e in a.events]
        b = sample(text=TEXT + " New.")  # written now: hash keys beside the numbered ones
        assert s.write(b)
        assert len(find_events(s, EventFilter(actor="RUS"))) == 4
        assert sum(p.total for p in dyad_series(s, "USA", "RUS", asserted_only=False)) == 4
        profile = actor_profile(s, "USA")
        assert profile is not None and profile.events == 4 and profile.partners[0].events == 2
