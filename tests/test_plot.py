"""Dyad charts: a real PNG, a self-contained HTML page with an inline SVG and a table, clear errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import ConfigError
from detente.models import Actor, AnalyzedArticle, Article, Event, When
from detente.plot import plot_dyad
from detente.query import DyadPoint, dyad_series
from detente.store import open_store

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
USA = Actor("USA", "United States", "USA", "GOV")
RUS = Actor("RUS", "Russia", "RUS", "GOV")


def _event(i: int, quad: int, goldstein: float) -> Event:
    return Event(
        id=f"p{i}", actor=USA if i % 2 else RUS, recipient=RUS if i % 2 else USA, reciprocal=False,
        event="CONSULT" if quad < 3 else "ACCUSE", mode=None, context=(), cameo="040" if quad < 3 else "112",
        goldstein=goldstein, quad_class=quad, modality="asserted", claimed_by=None,
        when=When(None, None, "publication"), where=None, evidence=(), confidence=0.9,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Three months of USA–RUS events: cooperation in January, conflict in March."""
    plan = [(dt.date(2023, 1, 5), 1, 1.0), (dt.date(2023, 1, 20), 2, 7.0), (dt.date(2023, 2, 2), 3, -2.0),
            (dt.date(2023, 3, 3), 4, -10.0), (dt.date(2023, 3, 9), 4, -10.0)]
    path = tmp_path / "news.duckdb"
    with open_store(path) as store:
        store.write_many([
            AnalyzedArticle(Article.make(date=day, text=f"Story {i}."), events=(_event(i, quad, g),))
            for i, (day, quad, g) in enumerate(plan)
        ])
    return path


def _points(db: Path) -> list[DyadPoint]:
    with open_store(db, read_only=True) as store:
        return dyad_series(store, "USA", "RUS")


def test_png_is_a_real_image(db: Path, tmp_path: Path) -> None:
    out = plot_dyad(_points(db), tmp_path / "chart.png", title="USA ↔ RUS")
    data = out.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 10_000  # a drawn chart, not an empty canvas


def test_html_embeds_an_svg_and_a_table_of_periods(db: Path, tmp_path: Path) -> None:
    out = plot_dyad(_points(db), tmp_path / "chart.html", title="USA <&> RUS")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page and "</svg>" in page and "<?xml" not in page
    assert "<img" not in page and "src=" not in page  # self-contained: nothing to fetch
    assert "USA &lt;&amp;&gt; RUS" in page
    rows = page.split("<tbody>")[1].split("</tbody>")[0].count("<tr>")
    assert rows == 3  # January, February, March
    assert "<td>2023-03-01</td><td>2</td>" in page  # March: two events


def test_other_extensions_are_refused(db: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"must end in \.png or \.html"):
        plot_dyad(_points(db), tmp_path / "chart.jpg", title="x")
    with pytest.raises(ConfigError, match="does not exist"):
        plot_dyad(_points(db), tmp_path / "missing" / "chart.png", title="x")
    assert not (tmp_path / "chart.jpg").exists()


def test_an_empty_series_still_draws(tmp_path: Path) -> None:
    out = plot_dyad([], tmp_path / "empty.png", title="nobody")
    assert out.read_bytes().startswith(PNG_MAGIC)


def test_cli_dyad_plot(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    png = tmp_path / "rus.png"
    result = runner.invoke(app, ["dyad", "USA", "RUS", "--db", str(db), "--plot", str(png), "--interval", "month"])
    assert result.exit_code == 0, result.output
    assert png.read_bytes().startswith(PNG_MAGIC)
    assert str(png) in result.stdout

    html = tmp_path / "rus.html"
    result = runner.invoke(app, ["dyad", "USA", "RUS", "--db", str(db), "--plot", str(html), "--period", "quarter"])
    assert result.exit_code == 0, result.output
    assert "<td>2023-01-01</td><td>5</td>" in html.read_text(encoding="utf-8")  # one quarter, five events

    bad = runner.invoke(app, ["dyad", "USA", "RUS", "--db", str(db), "--plot", str(tmp_path / "rus.gif")])
    assert bad.exit_code != 0
    assert ".png or .html" in " ".join(bad.stderr.split())  # unwrap the console's lines
    assert not (tmp_path / "rus.gif").exists()
