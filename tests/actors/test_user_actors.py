"""Users extend the dictionary without touching code: `detente actors add` and the --actors file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.actors.dictionary import ActorDictionary
from detente.actors.user_file import add_actor
from detente.cli import app
from detente.errors import DataFileError

runner = CliRunner()


def test_added_actor_is_found_by_the_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    actor_id = add_actor(path, name="Sense Analytics", kind="company", country="blr", sector="bus")
    match = ActorDictionary.load(user_file=path).lookup("Sense Analytics")
    assert match is not None
    actor = match.actor_at(dt.date(2023, 7, 2))
    assert (actor.id, actor.country, actor.sector) == (actor_id, "BLR", "BUS")


def test_a_bad_entry_is_refused_and_the_file_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    add_actor(path, name="Sense Analytics", kind="company", country="BLR", sector="BUS")
    before = path.read_text(encoding="utf-8")
    with pytest.raises(DataFileError):
        add_actor(path, name="Nowhere Inc", kind="company", country="XXX", sector="BUS")
    assert path.read_text(encoding="utf-8") == before
    with pytest.raises(DataFileError, match="already there"):
        add_actor(path, name="Sense Analytics", kind="company")


def test_cli_add_then_lookup(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    added = runner.invoke(app, ["actors", "add", "Artyom Shraibmann", "--country", "BLR", "--sector", "CVL",
                                "--file", str(path)])
    assert added.exit_code == 0, added.output
    found = runner.invoke(app, ["actors", "lookup", "Artyom Shraibmann", "--actors", str(path)])
    assert found.exit_code == 0 and "BLR" in found.stdout and "CVL" in found.stdout


def test_cli_lookup_gives_the_role_valid_on_a_date() -> None:
    then = runner.invoke(app, ["actors", "lookup", "Putin", "--on", "2010-01-01"])
    assert then.exit_code == 0 and "prime minister" in then.stdout
    now = runner.invoke(app, ["actors", "lookup", "Putin", "--on", "2023-07-02"])
    assert "president" in now.stdout
    missing = runner.invoke(app, ["actors", "lookup", "Nobody Atall"])
    assert missing.exit_code == 1
