"""detente.web.mount: the page at / and its assets, all served locally (no spaCy, no store)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from detente.web import CONTENT_SECURITY_POLICY, STATIC_DIR, missing_vendor_files, mount


class _Assets(HTMLParser):
    """The URLs of scripts, stylesheets and icons a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            if a.get("src"):
                self.urls.append(a["src"] or "")
            else:
                self.inline_scripts += 1
        elif tag == "link" and a.get("href"):
            self.urls.append(a["href"] or "")
        elif tag in ("img", "iframe", "source") and a.get("src"):
            self.urls.append(a["src"] or "")


@pytest.fixture
def client() -> Iterator[TestClient]:
    app = FastAPI()
    mount(app)
    with TestClient(app) as c:
        yield c


def _assets(html: str) -> _Assets:
    parser = _Assets()
    parser.feed(html)
    return parser


def test_index_is_html_with_a_strict_policy(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in CONTENT_SECURITY_POLICY
    assert "<main" in r.text and 'lang="en"' in r.text


def test_index_loads_only_local_assets(client: TestClient) -> None:
    html = client.get("/").text
    assets = _assets(html)
    assert assets.inline_scripts == 0  # the policy forbids inline code
    assert any(u.endswith("/js/app.js") for u in assets.urls)
    assert any(u.endswith("chart.umd.min.js") for u in assets.urls)
    for url in assets.urls:
        assert url.startswith("/static/"), f"{url} is not served by this app"
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)


def test_every_local_asset_of_the_page_is_served(client: TestClient) -> None:
    missing_vendor = {f"/static/vendor/{name}" for name in missing_vendor_files()}
    for url in _assets(client.get("/").text).urls:
        r = client.get(url)
        if url in missing_vendor:
            assert r.status_code == 404  # the page then explains how to install it
        else:
            assert r.status_code == 200, url


def test_es_modules_import_only_local_relative_files() -> None:
    js_dir = STATIC_DIR / "js"
    files = sorted(js_dir.rglob("*.js"))
    assert files
    imports = re.compile(r"""^\s*(?:import|export)\b[^;]*?from\s*["']([^"']+)["']""", re.M)
    for path in files:
        source = path.read_text(encoding="utf-8")
        assert "http://" not in source and "https://" not in source, path
        for spec in imports.findall(source):
            assert spec.startswith("./") or spec.startswith("../"), f"{path.name} imports {spec}"
            assert (path.parent / spec).resolve().is_file(), f"{path.name} imports missing {spec}"


def test_no_unescaped_markup_sinks_in_the_ui() -> None:
    """Data reaches the page as text nodes and attributes only (see js/dom.js)."""
    sinks = re.compile(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(")
    for path in sorted((STATIC_DIR / "js").rglob("*.js")):
        assert not sinks.search(path.read_text(encoding="utf-8")), path


def test_static_assets_have_their_types(client: TestClient) -> None:
    js = client.get("/static/js/app.js")
    assert js.status_code == 200
    assert "javascript" in js.headers["content-type"]
    css = client.get("/static/css/app.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert client.get("/static/nope.js").status_code == 404


def test_static_files_do_not_escape_their_directory(client: TestClient) -> None:
    for path in ("/static/../__init__.py", "/static/%2e%2e/__init__.py", "/static/..%2f__init__.py"):
        r = client.get(path)
        assert r.status_code == 404 or "def mount" not in r.text


def test_missing_vendor_files_lists_what_make_installs() -> None:
    missing = missing_vendor_files()
    assert set(missing) <= {"chart.umd.min.js"}


def test_create_app_mounts_the_ui(tmp_path: Path) -> None:
    api = pytest.importorskip("detente.api", reason="the REST API (detente.api) is not installed")
    store = str(tmp_path / "empty.duckdb")
    with TestClient(api.create_app(store)) as c:
        r = c.get("/")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert c.get("/static/js/app.js").status_code == 200
        assert c.get("/api/stats").json()["articles"] == 0  # the API is still there
    with TestClient(api.create_app(store, ui=False)) as c:
        assert c.get("/").status_code == 404
