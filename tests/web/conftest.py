"""Fixtures for the web UI tests: Chromium through Playwright, and an app served by uvicorn on loopback.

Chromium is Debian's (/usr/bin/chromium, or DETENTE_TEST_CHROMIUM); no browser is ever downloaded.
Without it (or without the playwright package) the browser tests skip, except under CI=true, where
they fail: .ci/run installs Chromium.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

TIMEOUT_MS = 20_000
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def missing(what: str) -> NoReturn:
    """Skip, or fail under CI (where Chromium and Playwright must be there)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (CI=true: the web UI tests must run in CI; .ci/run installs Chromium)")
    pytest.skip(what)


def chromium_path() -> str | None:
    for candidate in (os.environ.get("DETENTE_TEST_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


class ServedApp:
    """An ASGI app under uvicorn in a daemon thread, on a socket bound to a free loopback port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> ServedApp:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the app did not start under uvicorn")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)
        self.sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (its bundled driver; no browser download)."""
    chromium = chromium_path()
    if chromium is None:
        missing("Chromium not found (set DETENTE_TEST_CHROMIUM or `apt-get install chromium`): web UI test skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright Python package is not installed: web UI test skipped")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page_log() -> dict[str, list[str]]:
    """What went wrong in the page: script errors, failed local requests, requests to other hosts."""
    return {"errors": [], "failed": [], "foreign": []}


@pytest.fixture
def page(browser: Any, server: str, page_log: dict[str, list[str]]) -> Iterator[Any]:
    """A fresh page on the module's `server` (a base URL fixture). The test fails on an uncaught script
    error, a failed local request (other than an API error the page shows) or a request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)

    def check_request(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            page_log["foreign"].append(route.request.url)
            route.abort()

    def check_response(response: Any) -> None:
        if response.status >= 400 and "/api/" not in response.url:
            page_log["failed"].append(f"{response.status} {response.url}")

    context.route("**/*", check_request)
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    pg.on("pageerror", lambda exc: page_log["errors"].append(str(exc)))
    pg.on("console", lambda msg: page_log["errors"].append(msg.text)
          if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
    pg.on("response", check_response)
    try:
        yield pg
    finally:
        context.close()
    assert not page_log["foreign"], f"the UI requested other hosts: {page_log['foreign']}"
    assert not page_log["failed"], f"failed requests: {page_log['failed']}"
    assert not page_log["errors"], f"script errors: {page_log['errors']}"
