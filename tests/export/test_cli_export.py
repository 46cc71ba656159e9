"""`detente export` as a user runs it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_export_writes_the_file_and_says_how_many(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all(len(line.split("\t")) == 61 for line in lines)
    assert "4 events" in result.stdout


def test_export_filters(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, [
        "export", "--db", str(db), "--format", "plover", "--out", str(out), "--dyad", "RUS,USA",
        "--all-modalities", "--since", "2023-05-02", "--until", "2023-05-31",
    ])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1  # only the claimed talks of May 2

    for fmt, name in (("csv", "e.csv"), ("parquet", "e.parquet"), ("graphml", "e.graphml")):
        result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / name),
                                     "--country", "UKR", "--event", "ASSAULT"])
        assert result.exit_code == 0, result.output
        assert "1 events" in result.stdout or "1 event" in result.stdout


def test_bad_options_fail_clearly(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.xlsx"
    bad_format = runner.invoke(app, ["export", "--db", str(db), "--format", "xlsx", "--out", str(out)])
    assert bad_format.exit_code != 0
    assert "xlsx" in bad_format.output and "gdelt" in bad_format.output  # names the choices
    assert not out.exists()

    bad_dyad = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--out", str(out), "--dyad", "RUS"])
    assert bad_dyad.exit_code != 0 and "such as RUS,UKR" in _flat(bad_dyad.stderr)

    no_store = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "--format", "csv",
                                   "--out", str(out)])
    assert no_store.exit_code != 0 and "does not exist" in _flat(no_store.stderr)
    assert not out.exists()


def _flat(text: str) -> str:
    """The message with the console's line wrapping undone."""
    return " ".join(text.split())
