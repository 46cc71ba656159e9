"""The UI's pure ES modules run in Chromium against a page served by mount() alone (no store, no spaCy):
highlight nesting and offsets (code points, as Python counts them), and period arithmetic."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from fastapi import FastAPI
from tests.web.conftest import ServedApp

from detente.web import mount


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    app = FastAPI()
    mount(app)
    with ServedApp(app) as running:
        yield running.url


@pytest.fixture
def ui(page: Any) -> Any:
    page.goto("/#/search")
    page.wait_for_selector("body[data-ready='search']", state="attached")
    return page


RENDER = """async (article) => {
    const m = await import('/static/js/highlight.js');
    const box = m.renderMarked(article.text, m.articleSpans(article));
    const depth = (e) => { let d = 0; for (let p = e.parentElement; p !== box; p = p.parentElement) d++; return d; };
    return {
        text: box.textContent,
        marks: [...box.querySelectorAll('mark')].map(e => ({
            kind: e.dataset.kind, text: e.textContent, title: e.title, part: e.dataset.part || null, depth: depth(e),
        })),
    };
}"""


def _at(text: str, needle: str) -> dict[str, Any]:
    start = text.index(needle)  # a code point offset, as in the JSON contract
    return {"start": start, "end": start + len(needle), "text": needle}


def _article(text: str, *, evidence: Sequence[str] = (), repairs: Sequence[dict[str, Any]] = (),
             mentions: Sequence[str] = (), quotes: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "text": text,
        "events": [{"id": f"e{i}", "event": "AGREE", "modality": "asserted", "evidence": [_at(text, e)]}
                   for i, e in enumerate(evidence)],
        "repairs": [{**_at(text, r["original"]), **r} for r in repairs],
        "mentions": [{**_at(text, m), "actor": {"id": m.upper(), "name": m}} for m in mentions],
        "quotes": [{**_at(text, q), "speaker": None} for q in quotes],
    }


def test_marks_use_code_point_offsets_and_nest(ui: Any) -> None:
    text = "😀 Moscow e Minsk signed a deal 🇧🇾. Then “talks went on” for days."
    article = _article(
        text, evidence=["Moscow e Minsk signed a deal 🇧🇾"], mentions=["Minsk"], quotes=["“talks went on”"],
        repairs=[{"original": " e ", "replacement": " and ", "kind": "foreign_word"}],
    )
    out = ui.evaluate(RENDER, article)
    assert out["text"] == text  # nothing added, nothing lost
    by_kind = {m["kind"]: m for m in out["marks"]}
    assert by_kind["evidence"]["text"] == "Moscow e Minsk signed a deal 🇧🇾"
    assert by_kind["evidence"]["depth"] == 0
    assert by_kind["mention"]["text"] == "Minsk" and by_kind["mention"]["depth"] == 1
    assert by_kind["repair"]["text"] == " e " and by_kind["repair"]["depth"] == 1
    assert by_kind["repair"]["title"] == 'foreign_word: " e " → " and "'
    assert by_kind["quote"]["text"] == "“talks went on”"


def test_a_span_crossing_another_is_split_not_lost(ui: Any) -> None:
    text = "Putin said that he would help. Lukashenko agreed."
    out = ui.evaluate(RENDER, _article(text, evidence=["Putin said that he would help."],
                                       quotes=["he would help. Lukashenko"]))
    assert out["text"] == text
    quotes = [m for m in out["marks"] if m["kind"] == "quote"]
    assert [q["part"] for q in quotes] == ["1", "2"]
    assert "".join(q["text"] for q in quotes) == "he would help. Lukashenko"
    assert [m["text"] for m in out["marks"] if m["kind"] == "evidence"] == ["Putin said that he would help."]


def test_flagged_repair_and_out_of_range_spans(ui: Any) -> None:
    text = "Il presidente said no."
    article = _article(text, repairs=[
        {"original": "Il presidente", "replacement": None, "kind": "foreign_span", "language": "it"}])
    article["events"] = [{"id": "e", "event": "REJECT", "modality": "asserted",
                          "evidence": [{"start": 14, "end": 999, "text": "said no."}]}]
    out = ui.evaluate(RENDER, article)
    assert out["text"] == text
    repair = next(m for m in out["marks"] if m["kind"] == "repair")
    assert repair["title"] == 'foreign_span: "Il presidente" flagged (it), not replaced'
    assert next(m for m in out["marks"] if m["kind"] == "evidence")["text"] == "said no."


def test_article_spans_merge_identical_evidence(ui: Any) -> None:
    article = {
        "text": "Russia and Belarus agreed.",
        "events": [
            {"id": "e1", "event": "AGREE", "modality": "asserted", "evidence": [{"start": 0, "end": 26}]},
            {"id": "e2", "event": "CONSULT", "modality": "asserted", "evidence": [{"start": 0, "end": 26}]},
        ],
        "repairs": [], "mentions": [{"start": 0, "end": 6, "actor": {"id": "RUS", "name": "Russia"}}], "quotes": [],
    }
    spans = ui.evaluate("""async (a) => (await import('/static/js/highlight.js')).articleSpans(a)""", article)
    evidence = [s for s in spans if s["kind"] == "evidence"]
    assert len(evidence) == 1 and evidence[0]["events"] == ["e1", "e2"]
    assert evidence[0]["label"] == "AGREE (asserted); CONSULT (asserted)"


@pytest.mark.parametrize(("period", "interval", "end", "label"), [
    ("2024-02-01", "month", "2024-02-29", "February 2024"),
    ("2023-12-01", "month", "2023-12-31", "December 2023"),
    ("2023-10-01", "quarter", "2023-12-31", "2023 Q4"),
    ("2023-06-19", "week", "2023-06-25", "week of 2023-06-19"),
    ("2023-06-23", "day", "2023-06-23", "2023-06-23"),
    ("2020-01-01", "year", "2020-12-31", "2020"),
])
def test_period_end_and_label(ui: Any, period: str, interval: str, end: str, label: str) -> None:
    got = ui.evaluate(
        "async ([p, i]) => { const m = await import('/static/js/periods.js'); "
        "return [m.periodEnd(p, i), m.periodLabel(p, i)]; }",
        [period, interval],
    )
    assert got == [end, label]


def test_fill_periods_makes_a_timeline(ui: Any) -> None:
    points = [{"period": "2023-01-01", "events": 2}, {"period": "2023-04-01", "events": 1}]
    script = ("async ([pts, max]) => (await import('/static/js/periods.js'))"
              ".fillPeriods(pts, 'month', max).map(p => [p.period, p.events])")
    assert ui.evaluate(script, [points, 100]) == [
        ["2023-01-01", 2], ["2023-02-01", 0], ["2023-03-01", 0], ["2023-04-01", 1]
    ]
    assert ui.evaluate(script, [points, 3]) == [["2023-01-01", 2], ["2023-04-01", 1]]  # too many: left sparse
