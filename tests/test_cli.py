"""The command line, run in-process as a user would: exit codes, output, and the database it writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import SEED, shared_path
from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def test_every_command_has_help_with_an_example() -> None:
    for command in ("ingest", "analyze", "events", "dyad", "show", "eval"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, result.output
        assert "Example:" in result.output, command


@pytest.mark.model
def test_analyze_json_prints_one_object_per_article(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "\n".join(json.dumps({"id": f"a{i}", "date": "2024-03-0" + str(i + 1), "text": f"Russia attacked Ukraine {i}."})
                  for i in range(3)),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["analyze", str(batch), "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["date"] for r in records] == ["2024-03-01", "2024-03-02", "2024-03-03"]
    assert all(r["events"][0]["event"] == "ASSAULT" for r in records)


@pytest.mark.model
def test_analyze_readable_report_on_the_seed() -> None:
    result = runner.invoke(app, ["analyze", str(SEED)])
    assert result.exit_code == 0, result.output
    assert "events" in result.output and "SUPPORT 057" in result.output


@pytest.mark.model
def test_ingest_a_batch_with_one_malformed_line_stores_the_rest_and_names_the_bad_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"n{i}", "date": "2024-05-01", "text": f"Item {i}: Russia criticized Poland."})
             for i in range(100)]
    lines[41] = '{"id": "n41", "date": "2024-05-01", "text": "broken'  # line 42 of the file
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "news.duckdb"

    result = runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert f"{batch}:42" in result.stderr and "E104" in result.stderr
    assert "stored 99 new" in result.stdout

    again = runner.invoke(app, ["ingest", str(batch), "--db", str(db)])
    assert "stored 0 new" in again.stdout and "99 already stored" in again.stdout

    from detente.query import store_stats
    from detente.store import open_store

    with open_store(str(db), read_only=True) as store:
        assert store_stats(store)["articles"] == 99


@pytest.mark.model
def test_ingest_then_query_events_dyad_and_show(tmp_path: Path) -> None:
    db = tmp_path / "seed.duckdb"
    assert runner.invoke(app, ["ingest", str(SEED), "--db", str(db)]).exit_code == 0

    events = runner.invoke(app, ["events", "--db", str(db), "--dyad", "RUS", "BLR", "--json"])
    assert events.exit_code == 0, events.output
    rows = [json.loads(line) for line in events.stdout.splitlines()]
    assert rows and all({r["actor_country"], r["recipient_country"]} == {"RUS", "BLR"} for r in rows)

    future = runner.invoke(app, ["events", "--db", str(db), "--modality", "future", "--json"])
    assert all(json.loads(line)["modality"] == "future" for line in future.stdout.splitlines())

    dyad = runner.invoke(app, ["dyad", "RUS", "BLR", "--db", str(db)])
    assert dyad.exit_code == 0 and "2020" in dyad.stdout  # events dated by their own time, not publication

    article_id = rows[0]["article_id"]
    shown = runner.invoke(app, ["show", article_id[:8], "--db", str(db)])
    assert shown.exit_code == 0 and "In the last few years" in shown.stdout

    missing = runner.invoke(app, ["show", "ffffffff", "--db", str(db)])
    assert missing.exit_code == 2 and "E201" in missing.stderr


@pytest.mark.model
def test_missing_date_for_plain_text_is_reported(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Russia attacked Ukraine.", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(plain), "--json"])
    assert result.exit_code == 1
    assert "plain.txt" in result.stderr and "E101" in result.stderr


@pytest.mark.model
def test_eval_prints_scores_for_the_seed_gold() -> None:
    gold = shared_path("gold", "seed-5577dacb.yaml")
    result = runner.invoke(app, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["events"]["tp"] >= 10
