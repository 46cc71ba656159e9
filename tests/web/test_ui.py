"""The web UI end to end: a store built by the real pipeline (as `detente ingest` does) from the seed
article and the Wikinews corpus in ../shared, served by detente.api.create_app under uvicorn, and
driven in headless Chromium through Playwright, checking what a person would see.

Skips when ../shared, Playwright or Chromium is missing; with CI=true a missing Chromium (or
Playwright) fails instead. Screenshots go to tmp_path and, for the lead, to /tmp/detente-ui-*.png.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.conftest import SHARED
from tests.web.conftest import ServedApp, missing

pytestmark = [pytest.mark.model, pytest.mark.shared]

SEED = SHARED / "seeds" / "000_5577dacb3e3c48cb.txt"
WIKINEWS = SHARED / "corpus" / "wikinews"
SCREENSHOTS = Path("/tmp")


# ---- fixtures: the store and the app serving it (browser and page: conftest.py) -------------


@pytest.fixture(scope="module")
def seed_id() -> str:
    if not SEED.is_file() or not WIKINEWS.is_dir():
        pytest.skip(f"../shared not found ({SHARED}): the UI test needs the seed and the Wikinews corpus "
                    "beside the repository")
    from detente.models import Article
    from detente.read import read_paths

    items = list(read_paths([str(SEED)]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0].id


@pytest.fixture(scope="module")
def store_path(seed_id: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The real pipeline over the seed and the Wikinews CSVs into DuckDB (the `detente ingest` path).

    DETENTE_TEST_UI_STORE=path reuses a store made with `detente ingest <seed> <wikinews> --db path`
    (for quick runs while working on the UI); it is copied, never written."""
    from detente.pipeline import ingest
    from detente.store import open_store

    path = tmp_path_factory.mktemp("ui-store") / "ui.duckdb"
    reuse = os.environ.get("DETENTE_TEST_UI_STORE")
    if reuse:
        shutil.copyfile(reuse, path)
        return path
    pipeline = request.getfixturevalue("pipeline")  # the session's loaded spaCy pipeline
    with open_store(path) as store:
        report = ingest([str(SEED), str(WIKINEWS)], pipeline=pipeline, sink=store)
    assert report.stored > 100 and report.events > 0, report
    return path


@pytest.fixture(scope="module")
def server(store_path: Path) -> Iterator[str]:
    from detente.web import missing_vendor_files

    if missing_vendor_files():
        names = ", ".join(missing_vendor_files())
        missing(f"the vendored chart library is missing ({names}): run `make` or scripts/web_vendor.sh")
    from detente.api import create_app

    with ServedApp(create_app(str(store_path))) as running:
        yield running.url


@pytest.fixture(scope="module")
def api(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


def _goto(page: Any, route: str, ready: str) -> None:
    page.evaluate("() => { if (document.body) delete document.body.dataset.ready; }")
    page.goto("/#" + route)
    page.wait_for_selector(f"body[data-ready='{ready}']", state="attached")


def _shot(page: Any, tmp_path: Path, name: str, *, full_page: bool = True) -> None:
    target = tmp_path / f"{name}.png"
    page.screenshot(path=str(target), full_page=full_page)
    shutil.copyfile(target, SCREENSHOTS / f"detente-ui-{name}.png")


def _wait(predicate: Callable[[], bool], what: str, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


# ---- the dyad page ---------------------------------------------------------------------------


def test_dyad_chart_has_data_and_a_clicked_period_lists_its_events(
    page: Any, api: httpx.Client, tmp_path: Path
) -> None:
    series = api.get("/api/dyads/RUS/BLR/series", params={"interval": "month"}).json()["items"]
    assert series, "no RUS-BLR events in the store"

    _goto(page, "/dyad/RUS/BLR", "dyad")
    canvas = page.locator("canvas#dyad-chart")
    assert canvas.is_visible()
    chart = page.evaluate(
        """() => {
        const c = Chart.getChart(document.getElementById('dyad-chart'));
        return {labels: c.data.labels, sets: c.data.datasets.map(d => ({label: d.label, data: d.data}))};
    }"""
    )
    coop, conflict = chart["sets"][0]["data"], chart["sets"][1]["data"]
    assert "Cooperation" in chart["sets"][0]["label"] and "Conflict" in chart["sets"][1]["label"]
    assert sum(coop) + sum(conflict) == sum(p["events"] for p in series)
    assert sum(coop) > 0
    expected_coop = sum(p["quad_class_counts"]["1"] + p["quad_class_counts"]["2"] for p in series)
    assert sum(coop) == expected_coop
    assert page.locator("table.periods tbody tr").count() == len(series)
    _shot(page, tmp_path, "dyad")

    # click the tallest cooperation bar on the canvas itself
    index = max(range(len(coop)), key=lambda i: coop[i])
    box = page.evaluate(
        """(i) => {
        const c = Chart.getChart(document.getElementById('dyad-chart'));
        const bar = c.getDatasetMeta(0).data[i];
        return {x: bar.x, y: (bar.y + bar.base) / 2};
    }""",
        index,
    )
    canvas.click(position={"x": box["x"], "y": box["y"]})
    section = page.locator("#period-events")
    page.wait_for_selector("#period-events[data-loaded]", state="attached")
    period = section.get_attribute("data-loaded")
    assert period and any(p["period"] == period for p in series)

    cards = section.locator("li.event-card")
    assert cards.count() > 0
    shown = [t.strip() for t in section.locator("blockquote.evidence").all_inner_texts()]
    assert shown and all(shown)
    point = next(p for p in series if p["period"] == period)
    assert cards.count() == min(point["events"], 50)
    until = section.get_attribute("data-until")
    listed = api.get(
        "/api/events",
        params={"dyad": "RUS,BLR", "since": period, "until": until, "modality": "asserted", "limit": 50},
    ).json()["items"]
    assert {e["evidence"][0]["text"] for e in listed if e["evidence"]} <= set(shown)
    assert len(listed) == cards.count()
    section.scroll_into_view_if_needed()
    _shot(page, tmp_path, "dyad-period")


def test_dyad_period_table_works_from_the_keyboard(page: Any) -> None:
    _goto(page, "/dyad/RUS/BLR?interval=year", "dyad")
    button = page.get_by_role("button", name="Show the events of").first
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#period-events[data-loaded]", state="attached")
    assert page.locator("#period-events li.event-card").count() > 0


def test_dyad_page_says_how_to_install_a_missing_chart_library(
    page: Any, page_log: dict[str, list[str]], tmp_path: Path
) -> None:
    page.route("**/static/vendor/**", lambda route: route.fulfill(status=404, body="not found"))
    _goto(page, "/dyad/RUS/BLR", "dyad")
    page_log["failed"][:] = [f for f in page_log["failed"] if "/static/vendor/" not in f]
    warning = page.locator(".chart-figure .notice.warning")
    assert warning.is_visible()
    text = warning.inner_text()
    assert "make" in text and "Chart.js" in text
    assert page.locator("canvas").count() == 0
    assert page.locator("table.periods tbody tr").count() > 0  # the numbers are still there
    _shot(page, tmp_path, "dyad-no-chartjs", full_page=False)


# ---- the article page ------------------------------------------------------------------------


def test_seed_article_highlights_evidence_and_marks_repairs(
    page: Any, api: httpx.Client, seed_id: str, tmp_path: Path
) -> None:
    article = api.get(f"/api/articles/{seed_id}").json()
    assert article["events"] and article["repairs"]

    _goto(page, f"/article/{seed_id}", "article")
    text_box = page.locator("#article-text")
    # the page shows the original text exactly
    assert text_box.evaluate("el => el.textContent") == article["text"]

    evidence = page.locator("#article-text mark.hl-evidence")
    assert evidence.count() > 0
    marked = set(evidence.all_text_contents())
    expected = {v["text"] for e in article["events"] for v in e["evidence"]}
    assert marked & expected, "no highlighted span equals an event's evidence text"

    repairs = page.locator("#article-text mark.hl-repair")
    assert repairs.count() > 0
    titles = [repairs.nth(i).get_attribute("title") or "" for i in range(repairs.count())]
    replaced = [r for r in article["repairs"] if r["replacement"] is not None]
    assert replaced
    for r in replaced:
        want = f"{json.dumps(r['original'], ensure_ascii=False)} → {json.dumps(r['replacement'], ensure_ascii=False)}"
        assert any(want in t for t in titles), f"no repair mark titled {want!r}"
    # a mark's text is the original, not the replacement
    first = repairs.first
    assert first.inner_text() == first.get_attribute("data-original")

    assert page.locator("ol.event-cards li.event-card").count() == len(article["events"])
    assert page.locator("table.repairs-table tbody tr").count() == len(article["repairs"])
    _shot(page, tmp_path, "article", full_page=False)


# ---- the event table -------------------------------------------------------------------------


def _row_ids(page: Any) -> list[str]:
    ids: list[str] = page.locator("table.events-table tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.eventId)"
    )
    return ids


def test_event_table_paginates_with_the_cursor(page: Any, tmp_path: Path) -> None:
    _goto(page, "/events?limit=10", "events")
    first = _row_ids(page)
    assert len(first) == 10
    previous = page.get_by_role("button", name="Previous page")
    following = page.get_by_role("button", name="Next page")
    assert previous.is_disabled() and following.is_enabled()

    following.click()
    _wait(lambda: _row_ids(page) != first, "the second page")
    second = _row_ids(page)
    assert len(second) == 10 and not set(first) & set(second)
    assert "Page 2" in page.locator(".pager-info").inner_text()
    assert previous.is_enabled()
    _shot(page, tmp_path, "events")

    previous.click()
    _wait(lambda: _row_ids(page) == first, "the first page again")


def test_event_table_filters(page: Any, api: httpx.Client) -> None:
    _goto(page, "/events", "events")
    page.get_by_label("Dyad actor A").fill("RUS")
    page.get_by_label("Dyad actor B").fill("BLR")
    page.get_by_label("Modality").select_option("asserted")
    page.get_by_label("Per page").select_option("100")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_function("() => location.hash.includes('dyad=RUS%2CBLR')")
    page.wait_for_selector("body[data-ready='events']", state="attached")
    expected = api.get("/api/events", params={"dyad": "RUS,BLR", "modality": "asserted", "limit": 100}).json()["items"]
    assert expected
    _wait(lambda: _row_ids(page) == [e["id"] for e in expected], "the filtered rows")
    assert set(page.locator("table.events-table tbody tr .badge").all_inner_texts()) == {"asserted"}


# ---- search and actors -----------------------------------------------------------------------


def test_search_finds_the_seed_article(page: Any, seed_id: str, tmp_path: Path) -> None:
    _goto(page, "/search", "search")
    page.get_by_label("Words in the article text").fill("supranational")
    page.get_by_role("button", name="Search", exact=True).click()
    link = page.locator(f"ol.search-hits a[href='#/article/{seed_id}']")
    link.wait_for()
    _shot(page, tmp_path, "search", full_page=False)
    link.click()
    page.wait_for_selector("body[data-ready='article']", state="attached")
    assert page.locator("article.article").get_attribute("data-article-id") == seed_id


def test_actor_page_links_partners_to_dyads(page: Any, tmp_path: Path) -> None:
    _goto(page, "/actor/RUS", "actor")
    assert "Russia" in page.locator("h1").inner_text()
    assert page.locator("a[href^='#/dyad/RUS/']").count() > 0
    _shot(page, tmp_path, "actor", full_page=False)

    _goto(page, "/actor/NOBODY-AT-ALL", "actor")
    assert "No actor" in page.locator(".notice").inner_text()


# ---- accessibility ---------------------------------------------------------------------------

UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea, button, canvas')]
    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
    .map(e => e.outerHTML.slice(0, 80))"""


@pytest.mark.parametrize(("route", "ready"), [
    ("/search?q=Minsk", "search"), ("/events", "events"), ("/dyad/RUS/BLR", "dyad"), ("/actor/RUS", "actor"),
])
def test_every_control_has_an_accessible_name(page: Any, route: str, ready: str) -> None:
    _goto(page, route, ready)
    assert page.evaluate(UNLABELLED) == []
    assert page.locator("h1").count() == 1
    assert page.locator("main#main").count() == 1


def test_article_controls_have_names(page: Any, seed_id: str) -> None:
    _goto(page, f"/article/{seed_id}", "article")
    assert page.evaluate(UNLABELLED) == []
