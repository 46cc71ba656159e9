"""Settings: defaults < detente.toml < DETENTE_* environment < CLI flags; unknown keys are errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import ConfigError
from detente.repair.base import ALL_KINDS
from detente.settings import Settings, load_settings


def test_defaults_without_a_file_or_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(environ={})
    assert settings == Settings()
    assert settings.repair.kinds == frozenset(ALL_KINDS)


def test_file_then_environment_then_flags(tmp_path: Path) -> None:
    config = tmp_path / "detente.toml"
    config.write_text('db = "file.duckdb"\nbatch_size = 4\n[repair]\nskip = ["foreign_span"]\n', encoding="utf-8")
    from_file = load_settings(config=config, environ={})
    assert from_file.db == "file.duckdb" and from_file.batch_size == 4
    assert "foreign_span" not in from_file.repair.kinds and "glued" in from_file.repair.kinds

    from_env = load_settings(config=config, environ={"DETENTE_DB": "env.duckdb", "DETENTE_REPAIR_SKIP": "glued"})
    assert from_env.db == "env.duckdb"
    assert "glued" not in from_env.repair.kinds and "foreign_span" in from_env.repair.kinds

    assert from_env.with_overrides(db="flag.duckdb", model=None).db == "flag.duckdb"


def test_repair_can_be_switched_off_entirely(tmp_path: Path) -> None:
    assert load_settings(config=None, environ={"DETENTE_REPAIR": "0"}).repair.kinds == frozenset()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('colour = "red"\n', "unknown setting"),
        ("[repair]\nskip = [\"spelling\"]\n", "unknown repair kind"),
        ("batch_size = 0\n", "at least 1"),
        ("db = \n", "not valid TOML"),
    ],
)
def test_bad_settings_files_name_the_problem(tmp_path: Path, content: str, message: str) -> None:
    config = tmp_path / "detente.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_settings(config=config, environ={})
    assert str(config) in str(caught.value)


def test_a_missing_config_file_given_explicitly_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(config=tmp_path / "nope.toml", environ={})
