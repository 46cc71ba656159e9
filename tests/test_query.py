"""The read-side query layer over a small hand-built store."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest

from detente.errors import NotFoundError, StoreError
from detente.models import Actor, AnalyzedArticle, Article, Event, Evidence, Place, Repair, When
from detente.query import (
    MAX_PAGE,
    BadQueryError,
    DyadPoint,
    EventFilter,
    EventPage,
    EventRow,
    MonthTypes,
    Partner,
    actor_profile,
    article_view,
    dyad_series,
    event_page,
    find_events,
    iter_events,
    search_articles,
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
def store(store_location: str) -> Iterator[Store]:
    """ARTICLES stored on each backend (conftest.store_location: DuckDB, PostgreSQL)."""
    with open_store(store_location) as s:
        assert s.write_many(ARTICLES) == [True] * len(ARTICLES)
        yield s


@pytest.fixture
def empty(store_location: str) -> Iterator[Store]:
    with open_store(store_location) as s:
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


def test_empty_store(empty: Store) -> None:
    assert find_events(empty) == []
    assert dyad_series(empty, "A", "B") == []
    assert store_stats(empty)["articles"] == 0
    assert event_page(empty, EventFilter()) == EventPage([], None)
    assert actor_profile(empty, "USA") is None
    assert search_articles(empty, "anything") == []


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


# ---- pages, streams, places ------------------------------------------------------------------


def _all_pages(store: Store, flt: EventFilter, limit: int) -> tuple[list[dict[str, Any]], int]:
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    pages = 0
    while True:
        page = event_page(store, flt, cursor=cursor, limit=limit)
        assert len(page.items) <= limit
        items += page.items
        pages += 1
        if page.next is None:
            return items, pages
        cursor = page.next
        assert pages <= 20, "the cursor never ran out"


@pytest.mark.parametrize(("limit", "pages"), [(1, 8), (3, 3), (7, 2), (8, 1), (MAX_PAGE, 1)])
def test_event_page_walks_every_event_once_in_order(store: Store, limit: int, pages: int) -> None:
    items, n = _all_pages(store, EventFilter(), limit)
    assert [i["id"] for i in items] == [r.id for r in find_events(store)]  # no duplicate, none missing
    assert n == pages  # a full last page says so (next is None) rather than leaving an empty page


def test_event_page_items_are_contract_events_with_article_fields(store: Store) -> None:
    items = event_page(store, EventFilter(article_id=ARTICLES[1].article.id)).items
    accuse, consult = ARTICLES[1].events  # CONSULT comes first: its own date is a day earlier
    assert [{k: i[k] for k in accuse.to_json()} for i in items] == [consult.to_json(), accuse.to_json()]
    assert items[1]["evidence"][0]["text"] == ARTICLES[1].article.text
    assert {i["article_id"] for i in items} == {ARTICLES[1].article.id}
    assert [i["article_date"] for i in items] == ["2023-01-20", "2023-01-20"]
    assert [i["event_date"] for i in items] == ["2023-01-19", "2023-01-20"]  # CONSULT is dated by its when
    json.dumps(items)  # plain JSON


def test_event_page_with_filter(store: Store) -> None:
    items, pages = _all_pages(store, EventFilter(dyad=("usa", "RUS"), modality="asserted"), 2)
    assert [i["event"] for i in items] == ["ACCUSE", "CONSULT", "ACCUSE", "ASSAULT"] and pages == 2


def test_cursor_goes_on_after_new_articles(store: Store) -> None:
    first = event_page(store, EventFilter(), limit=4)
    later = art("2024-01-01", "US and Russia consult again.", ("CONSULT", USA, RUS, "asserted", None))
    earlier = art("2019-01-01", "An old accusation.", ("ACCUSE", USA, RUS, "asserted", None))
    assert store.write_many([later, earlier]) == [True, True]
    assert first.next is not None
    rest, _ = _all_pages_from(store, first.next)
    ids = [i["id"] for i in first.items + rest]
    assert len(ids) == len(set(ids)) == 9  # the 8 events and the new later one, each once
    assert ids[-1] == later.events[0].id and earlier.events[0].id not in ids  # before the cursor: not shown


def _all_pages_from(store: Store, cursor: str) -> tuple[list[dict[str, Any]], int]:
    items: list[dict[str, Any]] = []
    pages = 0
    next_: str | None = cursor
    while next_ is not None:
        page = event_page(store, EventFilter(), cursor=next_, limit=3)
        items += page.items
        next_ = page.next
        pages += 1
    return items, pages


def _b64(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.mark.parametrize("cursor", [
    "", "not a cursor!", "abc", "a" * 600, _b64([1, 2]), _b64({"d": "2023-01-01"}), _b64(["2023-13-01", "x", 1]),
    _b64(["2023-01-01", "x", True]), _b64(["2023-01-01", 5, 1]), base64.urlsafe_b64encode(b"\xff\xfe").decode(),
])
def test_malformed_cursor_is_a_bad_query(store: Store, cursor: str) -> None:
    with pytest.raises(BadQueryError, match="cursor") as err:
        event_page(store, EventFilter(), cursor=cursor)
    assert isinstance(err.value, ValueError) and err.value.code == "E202"


def test_cursor_is_url_safe(store: Store) -> None:
    page = event_page(store, EventFilter(), limit=2)
    assert page.next is not None and page.next.replace("-", "").replace("_", "").isalnum()


@pytest.mark.parametrize("limit", [0, -1, MAX_PAGE + 1, True, 2.5, "10"])
def test_limit_out_of_range_is_a_bad_query(store: Store, limit: Any) -> None:
    with pytest.raises(BadQueryError, match="limit"):
        event_page(store, EventFilter(), limit=limit)
    with pytest.raises(BadQueryError, match="limit"):
        search_articles(store, "russia", limit=limit)


def test_event_page_refuses_filter_limit_and_offset(store: Store) -> None:
    with pytest.raises(BadQueryError):
        event_page(store, EventFilter(limit=5))
    with pytest.raises(BadQueryError):
        event_page(store, EventFilter(offset=5))


def test_iter_events_reads_in_bounded_batches(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = [r.id for r in find_events(store)]
    real = store.fetch
    sizes: list[int] = []

    def counting(sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        rows = real(sql, params)
        if "FROM events e" in sql:
            sizes.append(len(rows))
        return rows

    monkeypatch.setattr(store, "fetch", counting)
    stream = iter_events(store, batch=3)
    first = next(stream)
    assert sizes == [3]  # lazy: one batch read so far
    rest = list(stream)
    assert [first.id, *(r.id for r in rest)] == expected
    assert sizes == [3, 3, 2]
    with pytest.raises(BadQueryError):
        next(iter_events(store, batch=0))


def test_iter_events_honours_limit_and_offset(store: Store) -> None:
    every = [r.id for r in find_events(store)]
    got = [r.id for r in iter_events(store, EventFilter(limit=5, offset=2), batch=2)]
    assert got == every[2:7]
    assert find_events(store, EventFilter(limit=0)) == []


def _placed(date: str, text: str, place: Place) -> AnalyzedArticle:
    a = art(date, text, ("CONSULT", USA, RUS, "asserted", None))
    return dataclasses.replace(a, events=tuple(dataclasses.replace(e, where=place) for e in a.events))


def test_place_matches_name_case_insensitively_or_exact_country(store: Store) -> None:
    store.write(_placed("2023-04-01", "Talks in Geneva.", Place("Geneva", "CHE", 46.2, 6.1)))
    store.write(_placed("2023-04-02", "Talks in Minsk.", Place("Minsk", "BLR", 53.9, 27.6)))
    assert [r.where_name for r in find_events(store, EventFilter(place="GENEVA"))] == ["Geneva"]
    assert [r.where_name for r in find_events(store, EventFilter(place="che"))] == ["Geneva"]
    assert [r.where_name for r in find_events(store, EventFilter(place=" minsk "))] == ["Minsk"]
    assert find_events(store, EventFilter(place="Gen")) == []  # a name matches whole, not by prefix
    assert [i["where"]["name"] for i in event_page(store, EventFilter(place="BLR")).items] == ["Minsk"]


def test_name_terms_match_word_starts_only(store: Store) -> None:
    blr = Actor("BLR", "Belarus", "BLR", "government")
    store.write(art("2023-04-03", "Belarus and Belarus.", ("CONSULT", blr, blr, "asserted", None)))
    assert find_events(store, EventFilter(actor="rus", event="CONSULT", country="BLR")) == []  # not "Bela-rus"
    assert find_events(store, EventFilter(dyad=("RUS", "BLR"))) == []
    assert len(find_events(store, EventFilter(actor="bela"))) == 1
    assert len(find_events(store, EventFilter(actor="states"))) == 7  # a later word of "United States"


# ---- dyad periods --------------------------------------------------------------------------


def test_dyad_series_weeks_and_quarters(store: Store) -> None:
    weeks = dyad_series(store, "USA", "RUS", period="week")
    assert [(p.period, p.total) for p in weeks] == [
        (dt.date(2023, 1, 9), 1), (dt.date(2023, 1, 16), 2), (dt.date(2023, 1, 30), 1),
    ]  # Mondays
    quarters = dyad_series(store, "USA", "RUS", period="quarter", asserted_only=False)
    assert [(p.period, p.total) for p in quarters] == [(dt.date(2023, 1, 1), 5)]
    store.write(art("2023-11-15", "Late in the year.", ("AID", USA, RUS, "asserted", None)))
    assert dyad_series(store, "USA", "RUS", period="quarter")[-1] == DyadPoint(
        dt.date(2023, 10, 1), 0, 1, 0, 0, 1, 7.0, 7.0
    )


def test_iso_week_across_the_new_year(store: Store) -> None:
    store.write(art("2021-01-01", "New year's day.", ("ACCUSE", USA, RUS, "asserted", None)))
    weeks = dyad_series(store, "USA", "RUS", period="week")
    assert weeks[0].period == dt.date(2020, 12, 28) and weeks[0].total == 1  # 2021-01-01 is in 2020-W53
    assert dyad_series(store, "USA", "RUS", period="year")[0].period == dt.date(2021, 1, 1)


def test_dyad_with_overlapping_sides_counts_each_event_once(store: Store) -> None:
    # "USA" matches both sides of a USA-USA event and of nothing else here: counted once, not twice.
    store.write(art("2023-05-01", "US talks to itself.", ("CONSULT", USA, USA, "asserted", None)))
    assert [(p.period, p.total) for p in dyad_series(store, "USA", "usa")] == [(dt.date(2023, 5, 1), 1)]


# ---- actor profile ---------------------------------------------------------------------------


def test_actor_profile(store: Store) -> None:
    p = actor_profile(store, "usa", top=3)
    assert p is not None
    assert (p.id, p.name, p.country, p.sector) == ("USA", "United States", "USA", "government")
    assert p.events == 7 and p.asserted == 6  # the AID is only future
    assert p.partners == (
        Partner("RUS", "Russia", "RUS", 4), Partner("CHN", "China", "CHN", 1),
        Partner("NATO", "North Atlantic Treaty Organization", None, 1),
    )
    assert p.timeline == (
        MonthTypes(dt.date(2023, 1, 1), {"ACCUSE": 2, "ASSAULT": 1, "CONSULT": 1}),
        MonthTypes(dt.date(2023, 3, 1), {"CONSULT": 1, "THREATEN": 1}),
    )
    assert [(e["event"], e["event_date"]) for e in p.latest] == [
        ("CONSULT", "2023-03-05"), ("THREATEN", "2023-03-01"), ("AID", "2023-02-15"),
    ]
    body = json.loads(json.dumps(p.to_json()))
    assert body["partners"][0] == {"id": "RUS", "name": "Russia", "country": "RUS", "events": 4}
    assert body["timeline"][1] == {"period": "2023-03-01", "counts": {"CONSULT": 1, "THREATEN": 1}}


def test_actor_profile_by_name_top_and_unknown(store: Store) -> None:
    by_name = actor_profile(store, "North Atlantic Treaty Organization", top=1)
    assert by_name is not None and by_name.id == "NATO" and by_name.events == 1
    assert [q.id for q in by_name.partners] == ["USA"] and len(by_name.latest) == 1
    top1 = actor_profile(store, "RUS", top=1)
    assert top1 is not None and [q.id for q in top1.partners] == ["USA"] and len(top1.latest) == 1
    assert actor_profile(store, "nobody") is None
    assert actor_profile(store, "  ") is None
    assert actor_profile(store, "the rebels") is None  # unresolved actors have no profile
    with pytest.raises(BadQueryError):
        actor_profile(store, "USA", top=0)


# ---- search ----------------------------------------------------------------------------------


def test_search_finds_every_word_newest_first(store: Store) -> None:
    hits = search_articles(store, "russia")
    assert [h.date for h in hits] == [dt.date(2023, 2, 15), dt.date(2023, 2, 3), dt.date(2023, 1, 20),
                                      dt.date(2023, 1, 10)]
    both = search_articles(store, "RUSSIA accuses")
    assert {h.id for h in both} == {ARTICLES[0].article.id, ARTICLES[1].article.id}
    two = search_articles(store, "consult russia")
    assert [h.id for h in two] == [ARTICLES[1].article.id] and two[0].events == 2
    assert two[0].title == ARTICLES[1].article.title and two[0].to_json()["date"] == "2023-01-20"
    assert search_articles(store, "ukraine") == []
    assert search_articles(store, "russia ukraine") == []  # every word must occur
    assert len(search_articles(store, "russia", limit=1)) == 1


def test_search_title_words_snippet_and_literal_wildcards(store: Store) -> None:
    body = "Leaders met for hours. " * 20 + "Turnout was 100% in Geneva, officials said. " + "More talks. " * 20
    a = AnalyzedArticle(Article.make(date=dt.date(2024, 1, 1), text=body, title="Summit news", outlet="Wire"))
    store.write(a)
    hit = search_articles(store, "summit GENEVA")  # one word in the title, one in the text
    assert [h.id for h in hit] == [a.article.id] and hit[0].events == 0 and hit[0].outlet == "Wire"
    assert "Geneva" in hit[0].snippet and hit[0].snippet.startswith("…") and hit[0].snippet.endswith("…")
    assert len(hit[0].snippet) < 200
    assert [h.id for h in search_articles(store, "100%")] == [a.article.id]
    assert search_articles(store, "10_%") == []  # % and _ are plain characters
    for q in ("", "   "):
        with pytest.raises(BadQueryError):
            search_articles(store, q)


def test_terms_matching_very_many_actors_give_the_same_answers(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import detente.query as query

    before = (dyad_series(store, "USA", "RUS", asserted_only=False), find_events(store, EventFilter(actor="USA")),
              actor_profile(store, "USA"), find_events(store, EventFilter(country="CHN")))
    monkeypatch.setattr(query, "MAX_KEYS", 0)  # every term now "matches too many": subqueries instead of lists
    after = (dyad_series(store, "USA", "RUS", asserted_only=False), find_events(store, EventFilter(actor="USA")),
             actor_profile(store, "USA"), find_events(store, EventFilter(country="CHN")))
    assert after == before and len(before[1]) == 7
