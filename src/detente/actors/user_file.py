"""Adding an actor to the user's own dictionary file (merged over the built-in one on load)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from detente.actors.dictionary import ActorDictionary
from detente.errors import DataFileError


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def add_actor(
    path: Path,
    *,
    name: str,
    kind: str,
    country: str | None = None,
    sector: str | None = None,
    aliases: list[str] | None = None,
    actor_id: str | None = None,
) -> str:
    """Append an entry to the user file (created if missing) and check the result still loads."""
    entry: dict[str, Any] = {"id": actor_id or slug(name), "name": name, "kind": kind}
    if country:
        entry["country"] = country.upper()
    if sector:
        entry["sector"] = sector.upper()
    if aliases:
        entry["aliases"] = aliases
    existing: list[Any] = []
    if path.exists():
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        if loaded is not None and not isinstance(loaded, list):
            raise DataFileError(f"{path}: `actors add` appends to a file holding a list of entries")
        existing = loaded or []
    if any(isinstance(e, dict) and e.get("id") == entry["id"] for e in existing):
        raise DataFileError(f"{path}: an entry with id {entry['id']!r} is already there; edit the file instead")
    previous = path.read_text(encoding="utf-8") if path.exists() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump([*existing, entry], allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        ActorDictionary.load(user_file=path)
    except DataFileError:
        # Leave the user's file as it was: a bad entry must not break every later run.
        if previous is None:
            path.unlink()
        else:
            path.write_text(previous, encoding="utf-8")
        raise
    return str(entry["id"])
