"""One settings object: defaults < detente.toml < DETENTE_* environment < CLI flags.

detente.toml (in the working directory, or given with --config):

    db = "news.duckdb"
    model = "en_core_web_sm"
    actors = "my_actors.yaml"
    batch_size = 16

    [repair]
    enabled = true
    skip = ["foreign_span"]            # repair kinds to switch off (see detente.repair.base)
    source_languages = ["it", "es", "fr", "de", "pt"]

Environment: DETENTE_DB, DETENTE_MODEL, DETENTE_ACTORS, DETENTE_BATCH_SIZE, DETENTE_REPAIR (0/1),
DETENTE_REPAIR_SKIP (comma list), DETENTE_SOURCE_LANGUAGES (comma list). Unknown keys are errors.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from detente.errors import ConfigError
from detente.repair.base import ALL_KINDS, DEFAULT_SOURCE_LANGUAGES
from detente.repair.stage import RepairSettings

CONFIG_FILE = "detente.toml"
_TOP_KEYS = {"db", "model", "actors", "batch_size", "repair"}
_REPAIR_KEYS = {"enabled", "skip", "source_languages"}


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "detente.duckdb"
    model: str | None = None
    actors: Path | None = None
    batch_size: int = 16
    repair: RepairSettings = field(default_factory=RepairSettings)

    def with_overrides(self, **changes: Any) -> Settings:
        """CLI flags win over everything; None means "not given"."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings(*, config: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    settings = Settings()
    path = config if config is not None else Path(CONFIG_FILE)
    if config is not None and not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.is_file():
        settings = _apply_file(settings, path)
    return _apply_env(settings, os.environ if environ is None else environ)


def repair_settings(
    *,
    enabled: bool = True,
    skip: list[str] | tuple[str, ...] = (),
    source_languages: tuple[str, ...] = DEFAULT_SOURCE_LANGUAGES,
    where: str = "",
) -> RepairSettings:
    unknown = sorted(set(skip) - set(ALL_KINDS))
    if unknown:
        raise ConfigError(f"{where}unknown repair kind(s) {unknown}; known kinds: {', '.join(ALL_KINDS)}")
    kinds = frozenset(ALL_KINDS) - set(skip) if enabled else frozenset()
    return RepairSettings(kinds=kinds, source_languages=tuple(source_languages))


def _apply_file(settings: Settings, path: Path) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s) {unknown}; known: {sorted(_TOP_KEYS)}")
    repair = data.get("repair", {})
    if not isinstance(repair, dict) or set(repair) - _REPAIR_KEYS:
        raise ConfigError(f"{path}: [repair] takes only {sorted(_REPAIR_KEYS)}")
    return replace(
        settings,
        db=str(data.get("db", settings.db)),
        model=data.get("model", settings.model),
        actors=Path(data["actors"]) if "actors" in data else settings.actors,
        batch_size=_int(data.get("batch_size", settings.batch_size), f"{path}: batch_size"),
        repair=repair_settings(
            enabled=bool(repair.get("enabled", True)),
            skip=list(repair.get("skip", [])),
            source_languages=tuple(repair.get("source_languages", DEFAULT_SOURCE_LANGUAGES)),
            where=f"{path}: ",
        ),
    )


def _apply_env(settings: Settings, env: Mapping[str, str]) -> Settings:
    repair = settings.repair
    if any(k in env for k in ("DETENTE_REPAIR", "DETENTE_REPAIR_SKIP", "DETENTE_SOURCE_LANGUAGES")):
        skip = [k for k in env.get("DETENTE_REPAIR_SKIP", "").split(",") if k.strip()]
        languages = [k.strip() for k in env.get("DETENTE_SOURCE_LANGUAGES", "").split(",") if k.strip()]
        repair = repair_settings(
            enabled=env.get("DETENTE_REPAIR", "1") not in {"0", "false", "no", "off"},
            skip=[k.strip() for k in skip] or sorted(set(ALL_KINDS) - repair.kinds),
            source_languages=tuple(languages) or repair.source_languages,
            where="DETENTE_REPAIR_SKIP: ",
        )
    return replace(
        settings,
        db=env.get("DETENTE_DB", settings.db),
        model=env.get("DETENTE_MODEL", settings.model),
        actors=Path(env["DETENTE_ACTORS"]) if env.get("DETENTE_ACTORS") else settings.actors,
        batch_size=_int(env.get("DETENTE_BATCH_SIZE", settings.batch_size), "DETENTE_BATCH_SIZE"),
        repair=repair,
    )


def _int(value: object, where: str) -> int:
    try:
        number = int(str(value))
    except ValueError:
        raise ConfigError(f"{where}: expected a whole number, got {value!r}") from None
    if number < 1:
        raise ConfigError(f"{where}: must be at least 1")
    return number
