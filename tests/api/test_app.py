"""The app factory: OpenAPI, the store's lifetime, the web UI hook, the token and `detente serve`."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from detente.api import create_app, read_ingest_token
from detente.errors import ConfigError


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    paths = spec["paths"]
    for path in ("/api/events", "/api/dyads/{a}/{b}/series", "/api/actors/{actor_id}", "/api/articles/{article_id}",
                 "/api/search", "/api/stats"):
        assert "get" in paths[path], path
    assert "post" in paths["/api/ingest"]
    body = paths["/api/ingest"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/IngestRequest"}
    schemas = spec["components"]["schemas"]
    assert {"IngestRequest", "IngestArticle", "IngestResponse", "ErrorBody"} <= set(schemas)
    assert schemas["IngestRequest"]["properties"]["articles"]["items"] == {"$ref": "#/components/schemas/IngestArticle"}
    interval = paths["/api/dyads/{a}/{b}/series"]["get"]["parameters"]
    assert any(p["name"] == "interval" for p in interval)


def test_store_is_opened_in_the_lifespan_and_closed_after(db_path: Path) -> None:
    app = create_app(str(db_path), ui=False)
    assert app.state.store is None  # nothing opened at build time
    with TestClient(app) as c:
        store = app.state.store
        assert store is not None
        assert c.get("/api/stats").status_code == 200
    assert app.state.store is None
    from detente.errors import StoreError

    with pytest.raises(StoreError):
        store.fetch("SELECT 1")  # closed
    from detente.store import open_store

    open_store(db_path).close()  # the file lock is released


def test_two_apps_are_independent(tmp_path: Path, db_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    with TestClient(create_app(str(db_path), ui=False)) as a, TestClient(create_app(str(other), ui=False)) as b:
        assert a.get("/api/stats").json()["articles"] == 6
        assert b.get("/api/stats").json()["articles"] == 0


def test_unopenable_store_fails_at_startup(tmp_path: Path) -> None:
    from detente.errors import StoreError

    app = create_app("postgresql://nowhere/db", ui=False)
    with pytest.raises(StoreError), TestClient(app):
        pass


def test_blank_token_is_refused(db_path: Path) -> None:
    with pytest.raises(ValueError, match="blank"):
        create_app(str(db_path), ingest_token="   ", ui=False)


def test_ui_hook_mounts_the_web_module_when_present(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[FastAPI] = []
    web = types.ModuleType("detente.web")
    web.mount = calls.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "detente.web", web)
    app = create_app(str(db_path))
    assert calls == [app]
    calls.clear()
    create_app(str(db_path), ui=False)
    assert calls == []


def test_ui_hook_tolerates_a_missing_web_module(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "detente.web", None)  # import raises ModuleNotFoundError
    with TestClient(create_app(str(db_path))) as c:
        assert c.get("/api/stats").status_code == 200
    monkeypatch.setitem(sys.modules, "detente.web", types.ModuleType("detente.web"))  # no mount()
    create_app(str(db_path))


def test_read_ingest_token(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("  s3cret-token \n", encoding="utf-8")
    assert read_ingest_token(token_file, {}) == "s3cret-token"
    assert read_ingest_token(token_file, {"DETENTE_INGEST_TOKEN": "env"}) == "s3cret-token"  # the file wins
    assert read_ingest_token(None, {"DETENTE_INGEST_TOKEN": " env-token "}) == "env-token"
    assert read_ingest_token(None, {"DETENTE_INGEST_TOKEN": "  "}) is None
    assert read_ingest_token(None, {}) is None
    token_file.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="empty"):
        read_ingest_token(token_file, {})
    with pytest.raises(ConfigError, match="cannot read"):
        read_ingest_token(tmp_path / "missing", {})


def test_serve_help() -> None:
    from detente.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0, result.output
    for option in ("--db", "--host", "--port", "--ingest-token-file", "Example:"):
        assert option in result.output
    assert "127.0.0.1" in result.output


def test_serve_runs_uvicorn_on_loopback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from detente.cli import app

    seen: dict[str, object] = {}

    def fake_run(asgi: FastAPI, **kwargs: object) -> None:
        seen.update(kwargs, app=asgi)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.delenv("DETENTE_INGEST_TOKEN", raising=False)
    token = tmp_path / "token"
    token.write_text("tok-123\n", encoding="utf-8")
    db = tmp_path / "serve.duckdb"
    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--ingest-token-file", str(token), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert isinstance(seen["app"], FastAPI)
    with TestClient(seen["app"]) as c:  # type: ignore[arg-type]
        r = c.post("/api/ingest", json={"articles": []}, headers={"Authorization": "Bearer tok-123"})
        assert r.status_code == 200


def test_serve_with_an_empty_token_file_fails(tmp_path: Path) -> None:
    from detente.cli import app

    token = tmp_path / "token"
    token.write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--ingest-token-file", str(token)])
    assert result.exit_code == 2
    assert "empty" in result.output
