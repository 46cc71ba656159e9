"""GET endpoints: their JSON on success and their JSON errors (never a 500 for bad input)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from detente.models import AnalyzedArticle

ALL_EVENTS = 11


def _error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return dict(body["error"])


def _all_pages(client: TestClient, params: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    items: list[dict[str, Any]] = []
    pages = 0
    cursor: str | None = None
    while True:
        query = dict(params, **({"cursor": cursor} if cursor else {}))
        r = client.get("/api/events", params=query)
        assert r.status_code == 200, r.text
        body = r.json()
        assert set(body) == {"items", "next"}
        items += body["items"]
        pages += 1
        cursor = body["next"]
        if cursor is None:
            return items, pages
        assert pages < 50, "the cursor never ran out"


# ---- /api/events ---------------------------------------------------------------------------------


def test_events_returns_contract_events_with_article_fields(client: TestClient,
                                                            articles: list[AnalyzedArticle]) -> None:
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["next"] is None
    assert len(body["items"]) == ALL_EVENTS
    first = body["items"][0]
    expected = articles[0].events[0].to_json()
    assert {k: first[k] for k in expected} == expected
    assert first["article_id"] == articles[0].article.id
    assert first["article_date"] == "2020-01-10"


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"dyad": "RUS,BLR"}, 8),
        ({"dyad": " BLR , RUS "}, 8),
        ({"dyad": "RUS,BLR", "modality": "asserted"}, 5),
        ({"dyad": "RUS,BLR", "modality": "ASSERTED"}, 5),
        ({"actor": "UKR"}, 3),
        ({"country": "ukr"}, 3),
        ({"event": "assault"}, 4),
        ({"event": "ASSAULT", "modality": "asserted"}, 3),
        ({"since": "2021-01-01"}, 5),
        ({"until": "2020-01-31"}, 4),
        ({"since": "2020-02-01", "until": "2021-12-31"}, 6),
        ({"sector": "gov"}, ALL_EVENTS),
        ({"place": "Minsk"}, 2),
        ({"modality": "claimed"}, 1),
        ({"actor": "nobody-at-all"}, 0),
    ],
)
def test_events_filters(client: TestClient, params: dict[str, str], count: int) -> None:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    assert len(r.json()["items"]) == count


def test_events_of_one_article(client: TestClient, articles: list[AnalyzedArticle]) -> None:
    target = articles[2].article.id
    items = client.get("/api/events", params={"article": target}).json()["items"]
    assert [e["id"] for e in items] == [e.id for e in articles[2].events]


@pytest.mark.parametrize("limit", [1, 3, 4, 11, 1000])
def test_pagination_walks_every_event_once(client: TestClient, limit: int) -> None:
    items, pages = _all_pages(client, {"limit": limit})
    ids = [e["id"] for e in items]
    assert len(ids) == ALL_EVENTS and len(set(ids)) == ALL_EVENTS
    assert pages >= -(-ALL_EVENTS // limit)
    dates = [e["article_date"] for e in items]
    assert dates == sorted(dates)


def test_pagination_keeps_the_filter(client: TestClient) -> None:
    items, pages = _all_pages(client, {"dyad": "RUS,BLR", "limit": 2})
    assert len(items) == 8 and pages >= 4
    assert all({e["actor"]["id"], e["recipient"]["id"]} == {"RUS", "BLR"} for e in items)


@pytest.mark.parametrize("dyad", ["RUS", "RUS,", ",BLR", "RUS,BLR,UKR", " , ", ""])
def test_events_bad_dyad(client: TestClient, dyad: str) -> None:
    err = _error(client.get("/api/events", params={"dyad": dyad}), 400, "invalid_dyad")
    assert err["param"] == "dyad"


@pytest.mark.parametrize(("param", "value"), [("since", "2020-13-01"), ("since", "yesterday"), ("until", "2020/01/01")])
def test_events_bad_date(client: TestClient, param: str, value: str) -> None:
    err = _error(client.get("/api/events", params={param: value}), 400, f"invalid_{param}")
    assert "YYYY-MM-DD" in err["message"]


def test_events_until_before_since(client: TestClient) -> None:
    _error(client.get("/api/events", params={"since": "2021-01-01", "until": "2020-01-01"}), 400, "invalid_until")


def test_events_bad_modality(client: TestClient) -> None:
    err = _error(client.get("/api/events", params={"modality": "maybe"}), 400, "invalid_modality")
    assert "asserted" in err["message"]


def test_events_bad_event_type(client: TestClient) -> None:
    err = _error(client.get("/api/events", params={"event": "HUG"}), 400, "invalid_event")
    assert "ASSAULT" in err["message"]


def test_events_bad_country(client: TestClient) -> None:
    _error(client.get("/api/events", params={"country": "Russia"}), 400, "invalid_country")


@pytest.mark.parametrize("limit", ["0", "-1", "1001", "ten", "1.5"])
def test_events_limit_out_of_range(client: TestClient, limit: str) -> None:
    err = _error(client.get("/api/events", params={"limit": limit}), 400, "invalid_limit")
    assert err["param"] == "limit"


@pytest.mark.parametrize("cursor", ["garbage", "%%%", "eyJ4IjoxfQ", "A" * 300])
def test_events_bad_cursor(client: TestClient, cursor: str) -> None:
    _error(client.get("/api/events", params={"cursor": cursor}), 400, "invalid_cursor")


# ---- /api/dyads/{a}/{b}/series -------------------------------------------------------------------


def test_dyad_series_by_month(client: TestClient) -> None:
    r = client.get("/api/dyads/RUS/BLR/series")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["interval"] == "month" and body["asserted_only"] is True
    items = body["items"]
    assert [p["period"] for p in items] == ["2020-01-01", "2020-03-01", "2021-07-01"]
    jan = items[0]
    assert jan["events"] == 3
    assert jan["quad_class_counts"] == {"1": 1, "2": 1, "3": 1, "4": 0}
    assert jan["goldstein_sum"] == pytest.approx(4.0 + 7.0 - 2.0)
    assert jan["goldstein_mean"] == pytest.approx(3.0)


def test_dyad_series_all_modalities_by_year(client: TestClient) -> None:
    r = client.get("/api/dyads/BLR/RUS/series", params={"interval": "year", "all_modalities": "true"})
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [(p["period"], p["events"]) for p in items] == [("2020-01-01", 5), ("2021-01-01", 3)]
    assert sum(items[0]["quad_class_counts"].values()) == 5


def test_dyad_series_unknown_pair_is_empty(client: TestClient) -> None:
    r = client.get("/api/dyads/XXX/YYY/series")
    assert r.status_code == 200
    assert r.json()["items"] == []


def test_dyad_series_bad_interval(client: TestClient) -> None:
    err = _error(client.get("/api/dyads/RUS/BLR/series", params={"interval": "fortnight"}), 400, "invalid_interval")
    assert err["param"] == "interval"


def test_dyad_series_bad_flag(client: TestClient) -> None:
    _error(client.get("/api/dyads/RUS/BLR/series", params={"all_modalities": "perhaps"}), 400,
           "invalid_all_modalities")


def test_dyad_series_blank_actor(client: TestClient) -> None:
    _error(client.get("/api/dyads/%20/BLR/series"), 400, "invalid_dyad")


# ---- /api/actors/{id} ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["UKR", "ukr", "Ukraine"])
def test_actor_profile(client: TestClient, key: str, articles: list[AnalyzedArticle]) -> None:
    r = client.get(f"/api/actors/{key}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["id"], body["name"], body["country"]) == ("UKR", "Ukraine", "UKR")
    assert (body["events"], body["asserted"]) == (3, 3)
    assert [(p["id"], p["events"]) for p in body["partners"]] == [("RUS", 3)]
    assert [m["period"] for m in body["timeline"]] == ["2020-03-01", "2021-06-01", "2022-02-01"]
    assert [e["article_date"] for e in body["latest"]] == ["2022-02-24", "2021-06-01", "2020-03-05"]
    assert body["latest"][0]["id"] == articles[5].events[0].id


def test_actor_profile_top(client: TestClient) -> None:
    body = client.get("/api/actors/RUS", params={"top": 2}).json()
    assert body["events"] == 11
    assert len(body["latest"]) == 2
    assert len(body["partners"]) == 2


def test_actor_unknown_is_404(client: TestClient) -> None:
    _error(client.get("/api/actors/NOBODY-KNOWN"), 404, "not_found")


def test_actor_bad_top(client: TestClient) -> None:
    _error(client.get("/api/actors/RUS", params={"top": 0}), 400, "invalid_top")


# ---- /api/articles/{id} --------------------------------------------------------------------------


def test_article_is_the_json_contract_plus_highlights(client: TestClient, articles: list[AnalyzedArticle]) -> None:
    a = articles[0]
    r = client.get(f"/api/articles/{a.article.id}")
    assert r.status_code == 200, r.text
    body = r.json()
    highlights = body.pop("highlights")
    assert body == a.to_json()
    kinds = {h["kind"] for h in highlights}
    assert kinds == {"evidence", "repair", "mention", "quote"}
    assert all(set(h) == {"start", "end", "kind", "label"} for h in highlights)
    assert [h["start"] for h in highlights] == sorted(h["start"] for h in highlights)
    evidence = [h for h in highlights if h["kind"] == "evidence"]
    assert evidence[0]["label"] == "CONSULT (asserted)"
    assert body["text"][evidence[0]["start"]:evidence[0]["end"]] == a.events[0].evidence[0].text


def test_article_by_prefix(client: TestClient, articles: list[AnalyzedArticle]) -> None:
    a = articles[3]
    r = client.get(f"/api/articles/{a.article.id[:8]}")
    assert r.status_code == 200
    assert r.json()["id"] == a.article.id


@pytest.mark.parametrize("key", ["ffffffffffffffff", "ab", "zzzz-not-an-id"])
def test_article_unknown_is_404(client: TestClient, key: str) -> None:
    _error(client.get(f"/api/articles/{key}"), 404, "not_found")


# ---- /api/search, /api/stats, unknown routes -----------------------------------------------------


def test_search_finds_articles(client: TestClient, articles: list[AnalyzedArticle]) -> None:
    r = client.get("/api/search", params={"q": "ukraine"})
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [hit["id"] for hit in items] == [articles[i].article.id for i in (5, 3, 2)]  # newest first
    hit = items[0]
    assert set(hit) >= {"id", "date", "title", "outlet", "snippet", "events"}
    assert hit["date"] == "2022-02-24" and hit["title"] == "Story 6" and hit["events"] == 1
    assert "Ukraine" in hit["snippet"]


def test_search_limit(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "Russia", "limit": 2})
    assert r.status_code == 200, r.text
    assert len(r.json()["items"]) <= 2


@pytest.mark.parametrize(("params", "code"), [
    ({}, "invalid_q"), ({"q": ""}, "invalid_q"), ({"q": "   "}, "invalid_q"),
    ({"q": "Russia", "limit": 0}, "invalid_limit"), ({"q": "Russia", "limit": 101}, "invalid_limit"),
    ({"q": " ".join(f"w{i}" for i in range(40))}, "invalid_q"), ({"q": "x" * 501}, "invalid_q"),
])
def test_search_bad_input(client: TestClient, params: dict[str, Any], code: str) -> None:
    _error(client.get("/api/search", params=params), 400, code)


def test_stats(client: TestClient) -> None:
    r = client.get("/api/stats")
    assert r.status_code == 200
    stats = r.json()
    assert stats["articles"] == 6
    assert stats["events"] == ALL_EVENTS
    assert stats["events_asserted"] == 8
    assert stats["actors"] == 3


def test_unknown_route_and_method_are_json(client: TestClient) -> None:
    _error(client.get("/api/nothing-here"), 404, "not_found")
    _error(client.delete("/api/stats"), 405, "method_not_allowed")
