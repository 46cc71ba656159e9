"""The read-side query layer over a small hand-built store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.errors import NotFoundError, StoreError
from detente.models import Actor, AnalyzedArticle, Article, Event, Evidence, Repair, When
from detente.query import (
    DyadPoint,
    EventFilter,
    EventRow,
    article_view,
    dyad_series,
    find_events,
    store_stats,
)
from detente.store import Store, open_store

USA = Actor("USA", "United States", "USA", "government")
RUS = Actor("RUS", "Russia", "RUS", "government")
CHN = Actor("CHN", "China", "CHN", "government")
NATO = Actor("NATO", "North Atlantic Treaty Organization", None, "igo")
REBELS = Actor(None, None, "SYR", "rebels", "the rebels")

QUAD = {
    "ACCUSE": (3, -2.0), "CONSULT": (1, 1.0), "ASSAULT": (4, -9.0), "AID": (2, 7.0), "THREATEN": (3, -4.0),
}
Spec = tuple[str, Actor | None, Actor | None, str, str | None]


def art(date: str, text: str, *events: Spec) -> AnalyzedArticle:
    """An article whose events are (type, actor, recipient, modality, when_start)."""
    a = Article.make(date=dt.date.fromisoformat(date), text=text, title=text[:10])
    evs = []
    for i, (kind, actor, recipient, modality, when) in enumerate(events):
        quad, gold = QUAD[kind]
        evs.append(Event(
            id=f"{a.id}-{i}", actor=actor, recipient=recipient, reciprocal=False, event=kind, mode=None,
            context=(), cameo="000", goldstein=gold, quad_class=quad, modality=modality, claimed_by=None,
            when=When(when, when, "day" if when else "publication"), where=None,
            evidence=(Evidence(0, 0, len(text), text), Evidence(0, 0, 4, text[:4])), confidence=0.9,
        ))
    return AnalyzedArticle(a, repairs=(Repair(0, 4, text[:4], None, "flag"),), events=tuple(evs))


ARTICLES = [
    art("2023-01-10", "US accuses Russia.", ("ACCUSE", USA, RUS, "asserted", None)),
    art("2023-01-20", "Russia accuses US; they consult.",
        ("ACCUSE", RUS, USA, "asserted", None), ("CONSULT", RUS, USA, "asserted", "2023-01-19")),
    # reported in February about January: bucketed by when_start
    art("2023-02-03", "Russia attacked US late January.", ("ASSAULT", RUS, USA, "asserted", "2023-01-30")),
    art("2023-02-15", "US will aid Russia.", ("AID", USA, RUS, "future", None)),
    art("2023-03-01", "US threatens China.", ("THREATEN", USA, CHN, "asserted", "2023-03")),
    art("2023-03-05", "NATO consults; rebels attack.", ("CONSULT", NATO, USA, "asserted", None),
        ("ASSAULT", REBELS, None, "negated", "2020")),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "q.duckdb") as s:
        for a in ARTICLES:
            assert s.write(a)
        yield s


def _types(rows: list[EventRow]) -> list[str]:
    return [r.event for r in rows]


def test_all_events_oldest_first(store: Store) -> None:
    rows = find_events(store)
    assert len(rows) == 8
    assert [r.event_date for r in rows] == sorted(r.event_date for r in rows)
    assert rows[0].event == "ASSAULT" and rows[0].event_date == dt.date(2020, 1, 1)


def test_event_row_is_flat_and_carries_article_and_evidence(store: Store) -> None:
    row = find_events(store, EventFilter(event="threaten"))[0]
    a = ARTICLES[4].article
    assert row.article_id == a.id and row.article_date == a.date and row.article_title == a.title
    assert row.event_date == dt.date(2023, 3, 1)
    assert row.actor_id == "USA" and row.recipient_name == "China" and row.quad_class == 3
    assert row.evidence == "US threatens China. … US t"
    assert row.to_json()["article_date"] == "2023-03-01"


def test_actor_matches_actor_or_recipient_by_id_name_or_country(store: Store) -> None:
    assert len(find_events(store, EventFilter(actor="CHN"))) == 1
    assert len(find_events(store, EventFilter(actor="china"))) == 1  # name, case-insensitive
    assert len(find_events(store, EventFilter(actor="chi"))) == 1  # name substring
    assert len(find_events(store, EventFilter(actor="nato"))) == 1  # id, case-insensitive
    assert len(find_events(store, EventFilter(actor="SYR"))) == 1  # country of an unresolved actor
    assert len(find_events(store, EventFilter(actor="USA"))) == 7
    assert find_events(store, EventFilter(actor="100%")) == []  # LIKE wildcards are literal


def test_dyad_either_direction(store: Store) -> None:
    ab = find_events(store, EventFilter(dyad=("USA", "RUS")))
    ba = find_events(store, EventFilter(dyad=("Russia", "united states")))
    assert len(ab) == 5 and [r.id for r in ab] == [r.id for r in ba]
    assert {(r.actor_id, r.recipient_id) for r in ab} == {("USA", "RUS"), ("RUS", "USA")}


def test_event_modality_and_dates(store: Store) -> None:
    assert _types(find_events(store, EventFilter(event="ACCUSE"))) == ["ACCUSE", "ACCUSE"]
    assert _types(find_events(store, EventFilter(modality="future"))) == ["AID"]
    jan = find_events(store, EventFilter(since=dt.date(2023, 1, 1), until=dt.date(2023, 1, 31)))
    assert sorted(_types(jan)) == ["ACCUSE", "ACCUSE", "ASSAULT", "CONSULT"]
    assert len(find_events(store, EventFilter(since=dt.date(2023, 3, 1)))) == 2


def test_country_sector_article_limit_offset(store: Store) -> None:
    assert len(find_events(store, EventFilter(country="chn"))) == 1
    assert len(find_events(store, EventFilter(sector="IGO"))) == 1
    assert len(find_events(store, EventFilter(article_id=ARTICLES[1].article.id))) == 2
    page1 = find_events(store, EventFilter(limit=3))
    page2 = find_events(store, EventFilter(limit=3, offset=3))
    assert len(page1) == 3 and len(page2) == 3 and not {r.id for r in page1} & {r.id for r in page2}
    combined = find_events(store, EventFilter(actor="USA", event="CONSULT", since=dt.date(2023, 2, 1)))
    assert [r.actor_id for r in combined] == ["NATO"]


def test_dyad_series_per_month_asserted_only(store: Store) -> None:
    series = dyad_series(store, "RUS", "USA")
    # January: ACCUSE x2 (q3, -2 each), CONSULT (q1, +1), ASSAULT dated by when_start (q4, -9).
    # February's future AID is excluded by asserted_only.
    assert series == [DyadPoint(dt.date(2023, 1, 1), 1, 0, 2, 1, 4, -12.0, -3.0)]
    both = dyad_series(store, "usa", "russia", asserted_only=False)
    assert [p.period for p in both] == [dt.date(2023, 1, 1), dt.date(2023, 2, 1)]
    assert both[1] == DyadPoint(dt.date(2023, 2, 1), 0, 1, 0, 0, 1, 7.0, 7.0)


def test_dyad_series_other_periods(store: Store) -> None:
    year = dyad_series(store, "USA", "RUS", period="year", asserted_only=False)
    assert len(year) == 1 and year[0].period == dt.date(2023, 1, 1) and year[0].total == 5
    days = dyad_series(store, "USA", "RUS", period="day")
    assert [p.period.day for p in days] == [10, 19, 20, 30]
    assert dyad_series(store, "USA", "XXX") == []
    with pytest.raises(StoreError):
        dyad_series(store, "USA", "RUS", period="fortnight")  # type: ignore[arg-type]


def test_article_view(store: Store) -> None:
    a = ARTICLES[1]
    view = article_view(store, a.article.id[:6])
    assert view.article == a.article
    assert len(view.evidence) == 4 and view.evidence[0].event == "ACCUSE"
    assert all(a.article.text[e.start:e.end] == e.text for e in view.evidence)
    assert view.repairs == a.repairs
    kinds = [h.kind for h in view.highlights()]
    assert kinds[0] == "evidence" and "repair" in kinds
    with pytest.raises(NotFoundError):
        article_view(store, "0000000000000000")


def test_store_stats(store: Store) -> None:
    stats = store_stats(store)
    assert stats["articles"] == 6 and stats["events"] == 8 and stats["evidence"] == 16
    assert stats["repairs"] == 6 and stats["mentions"] == 0
    assert stats["events_asserted"] == 6
    assert stats["actors"] == 4  # USA, RUS, CHN, NATO (the rebels have no id)
    assert stats["migrations"] >= 1


def test_empty_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "e.duckdb") as s:
        assert find_events(s) == []
        assert dyad_series(s, "A", "B") == []
        assert store_stats(s)["articles"] == 0


def test_blank_dyad_side_is_refused(store: Store) -> None:
    with pytest.raises(StoreError):
        find_events(store, EventFilter(dyad=("USA", " ")))
    assert len(find_events(store, EventFilter(actor="  "))) == 8  # blank actor: no filter


def test_unresolved_names_leave_out_pronouns_and_role_nouns() -> None:
    import datetime as dt

    from detente.models import Actor, AnalyzedArticle, Article, Mention
    from detente.query import unresolved_names
    from detente.store import open_store

    article = Article.make(date=dt.date(2024, 1, 1), text="He met protesters and Sense Analytics.")
    unknown = Actor(None, None, None, None, "x", "org")
    mentions = (
        Mention(0, 2, "He", unknown, 0, 0, 1, 0, "coref"),
        Mention(7, 17, "protesters", Actor(None, None, None, "CVL", "protesters", "role"), 0, 2, 3, 2, "role"),
        Mention(22, 37, "Sense Analytics", unknown, 0, 4, 6, 5, "unknown"),
    )
    with open_store(":memory:") as store:
        store.write(AnalyzedArticle(article=article, mentions=mentions))
        assert [n.text for n in unresolved_names(store)] == ["Sense Analytics"]
