"""POST /api/ingest: token handling, bounded bodies, per-article results and errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import TOKEN, FakePipeline

from detente.api import create_app
from detente.api import ingest as ingest_module
from detente.store import open_store

AUTH = {"Authorization": f"Bearer {TOKEN}"}
GOOD = {"date": "2024-03-01", "text": "Russia attacked Ukraine.", "title": "Strike", "url": "https://www.wire.test/1"}


def _error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return dict(body["error"])


def test_ingest_without_a_configured_token_is_forbidden(client: TestClient) -> None:
    _error(client.post("/api/ingest", json={"articles": [GOOD]}, headers=AUTH), 403, "ingest_disabled")
    _error(client.post("/api/ingest", json={"articles": [GOOD]}), 403, "ingest_disabled")


@pytest.mark.parametrize("headers", [
    {}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": "Bearer"}, {"Authorization": "Bearer ünïcode".encode()},
])
def test_ingest_with_a_wrong_or_missing_token_is_unauthorized(
    ingest_client: TestClient, fake_pipeline: FakePipeline, headers: dict[str, str | bytes]
) -> None:
    r = ingest_client.post("/api/ingest", json={"articles": [GOOD]}, headers=headers)
    _error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"] == "Bearer"
    assert fake_pipeline.calls == 0


def test_ingest_stores_articles_and_reports_each(ingest_client: TestClient) -> None:
    second = {"date": "2024-03-02", "text": "Nothing of note.", "id": "mine-7", "outlet": "Gazette"}
    r = ingest_client.post("/api/ingest", json={"articles": [GOOD, second]}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["stored"], body["already_stored"], body["rejected"]) == (2, 0, 0)
    one, two = body["items"]
    assert one["index"] == 0 and one["stored"] is True and one["events"] == 1 and one["error"] is None
    assert two["index"] == 1 and two["stored"] is True and two["events"] == 0
    stored = ingest_client.get(f"/api/articles/{one['id']}").json()
    assert stored["text"] == GOOD["text"] and stored["title"] == "Strike" and stored["outlet"] == "wire.test"
    assert len(stored["events"]) == 1
    assert ingest_client.get(f"/api/articles/{two['id']}").json()["outlet"] == "Gazette"
    assert ingest_client.get("/api/stats").json()["articles"] == 8


def test_ingest_twice_stores_once(ingest_client: TestClient) -> None:
    first = ingest_client.post("/api/ingest", json={"articles": [GOOD]}, headers=AUTH).json()
    again = ingest_client.post("/api/ingest", json={"articles": [GOOD, GOOD]}, headers=AUTH).json()
    assert first["items"][0]["stored"] is True
    assert [i["stored"] for i in again["items"]] == [False, False]
    assert again["already_stored"] == 2
    assert {i["id"] for i in again["items"]} == {first["items"][0]["id"]}


def test_bad_articles_are_reported_and_the_rest_stored(ingest_client: TestClient) -> None:
    batch = [
        {"date": "2024-02-30", "text": "Impossible date."},
        GOOD,
        {"text": "No date."},
        {"date": "2024-03-03", "text": "   "},
        "not an object",
        {"date": "2024-03-04", "text": "Fine again, attacked twice: attacked.", "title": 42},
        {"date": "2024-03-05", "text": "x" * (ingest_module.MAX_TEXT_CHARS + 1)},
        {"date": "2024-03-06T10:00:00Z", "text": "An ISO datetime is fine."},
    ]
    r = ingest_client.post("/api/ingest", json={"articles": batch}, headers=AUTH)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [i["index"] for i in items] == list(range(len(batch)))
    codes = [(i["error"] or {}).get("code") for i in items]
    assert codes == [
        "invalid_date", None, "invalid_date", "empty_text", "invalid_article", "invalid_article",
        "text_too_long", None,
    ]
    assert [i["stored"] for i in items] == [False, True, False, False, False, False, False, True]
    assert all(i["id"] is None for i in items if i["error"])
    assert r.json()["rejected"] == 6 and r.json()["stored"] == 2


def test_an_article_that_breaks_the_pipeline_does_not_drop_the_others(ingest_client: TestClient) -> None:
    batch = [GOOD, {"date": "2024-03-02", "text": "BOOM goes the parser."}]
    r = ingest_client.post("/api/ingest", json={"articles": batch}, headers=AUTH)
    assert r.status_code == 200, r.text
    ok, broken = r.json()["items"]
    assert ok["stored"] is True and ok["error"] is None
    assert broken["stored"] is False and broken["error"]["code"] == "analysis_failed"


@pytest.mark.parametrize("body", [b"not json", b'{"articles": "nope"}', b"[1, 2]", b'{"other": []}', b"\xff\xfe"])
def test_malformed_body_is_422(ingest_client: TestClient, body: bytes) -> None:
    r = ingest_client.post("/api/ingest", content=body, headers={**AUTH, "Content-Type": "application/json"})
    _error(r, 422, "invalid_body")


def test_too_many_articles_is_413(ingest_client: TestClient) -> None:
    batch = [GOOD] * (ingest_module.MAX_ARTICLES + 1)
    _error(ingest_client.post("/api/ingest", json={"articles": batch}, headers=AUTH), 413, "payload_too_large")


def test_too_large_body_is_413(ingest_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module, "MAX_BODY_BYTES", 100)
    big = {"articles": [dict(GOOD, text="word " * 50)]}
    _error(ingest_client.post("/api/ingest", json=big, headers=AUTH), 413, "payload_too_large")

    def chunks() -> Any:  # no Content-Length: the limit still holds while streaming
        yield b'{"articles": [' + b" " * 80
        yield b" " * 80 + b"]}"

    _error(ingest_client.post("/api/ingest", content=chunks(), headers=AUTH), 413, "payload_too_large")


def test_empty_batch(ingest_client: TestClient, fake_pipeline: FakePipeline) -> None:
    r = ingest_client.post("/api/ingest", json={"articles": []}, headers=AUTH)
    assert r.status_code == 200
    assert r.json() == {"items": [], "stored": 0, "already_stored": 0, "rejected": 0}
    assert fake_pipeline.calls == 0


def test_pipeline_is_built_once_and_only_when_needed(db_path: Path) -> None:
    built: list[FakePipeline] = []

    def factory() -> FakePipeline:
        built.append(FakePipeline())
        return built[-1]

    with TestClient(create_app(str(db_path), ingest_token=TOKEN, ui=False, pipeline_factory=factory)) as c:
        assert built == []
        for n in range(3):
            body = {"articles": [dict(GOOD, text=f"Russia attacked Ukraine {n}.")]}
            assert c.post("/api/ingest", json=body, headers=AUTH).status_code == 200
    assert len(built) == 1 and built[0].calls == 3


def test_missing_model_is_503(db_path: Path) -> None:
    from detente.errors import ModelNotInstalledError

    def factory() -> FakePipeline:
        raise ModelNotInstalledError("no spaCy model installed")

    with TestClient(create_app(str(db_path), ingest_token=TOKEN, ui=False, pipeline_factory=factory)) as c:
        _error(c.post("/api/ingest", json={"articles": [GOOD]}, headers=AUTH), 503, "engine_unavailable")


@pytest.mark.model
def test_ingest_runs_the_real_pipeline(tmp_path: Path) -> None:
    db = tmp_path / "real.duckdb"
    with TestClient(create_app(str(db), ingest_token=TOKEN, ui=False)) as c:
        body = {"articles": [{"date": "2024-03-01", "text": "Russian forces attacked Ukraine on Monday."},
                             {"date": "bad", "text": "x"}]}
        r = c.post("/api/ingest", json=body, headers=AUTH)
        assert r.status_code == 200, r.text
        ok, bad = r.json()["items"]
        assert ok["stored"] is True and ok["events"] >= 1
        assert bad["error"]["code"] == "invalid_date"
        events = c.get("/api/events", params={"article": ok["id"]}).json()["items"]
        assert any(e["event"] == "ASSAULT" for e in events)
    with open_store(db) as store:
        assert store.has_article(ok["id"])
