"""Typed, validated entries of the actor dictionary, built from the raw YAML of one data file.

Every problem is raised as a DataFileError that names the file, the entry (index and id) and the
field, so a user extending the dictionary can fix their file without reading this code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from detente.errors import DataFileError
from detente.models import Actor

SECTORS: frozenset[str] = frozenset({
    # PLOVER sector codes
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
    "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
    # CAMEO/PLOVER international non-state codes, used as sectors of organisations
    "IGO", "NGO", "IMG", "MNC", "ISM",
})
KINDS: frozenset[str] = frozenset({"country", "person", "igo", "ngo", "group", "company", "media", "party"})
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_ENTRY_KEYS = frozenset({
    "id", "name", "kind", "country", "countries", "sector", "aliases", "needs_the", "demonyms",
    "capitals", "roles", "wikidata", "note", "replace",
})
_ROLE_KEYS = frozenset({"title", "country", "sector", "start", "end", "org"})
_SEAT_KEYS = frozenset({"name", "aliases", "needs_the", "actor", "sector", "note"})


@dataclass(frozen=True, slots=True)
class Role:
    """A position held over [start, end] (inclusive; None = open): it sets country and sector."""

    title: str
    sector: str
    country: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    org: str | None = None

    def valid_on(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor: a country, person, organisation or group, with every name it goes by."""

    id: str
    name: str
    kind: str
    country: str | None = None
    countries: tuple[str, ...] = ()
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    needs_the: tuple[str, ...] = ()  # aliases matched only after "the" ("the West", not "West Africa")
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    wikidata: str | None = None
    source: str = ""

    def role_at(self, date: dt.date) -> Role | None:
        """The role valid on `date`; when several overlap, the one that started last."""
        valid = [r for r in self.roles if r.valid_on(date)]
        return max(valid, key=lambda r: r.start or dt.date.min, default=None)

    def actor_at(self, date: dt.date, *, text: str | None = None, sector: str | None = None) -> Actor:
        """This entry as an Actor on `date`: the valid role's country/sector, else the base ones."""
        role = self.role_at(date)
        country = (role.country or self.country) if role else self.country
        base_sector = role.sector if role else self.sector
        return Actor(self.id, self.name, country, sector or base_sector, text, self.kind)


@dataclass(frozen=True, slots=True)
class Seat:
    """A seat of power or institution standing for an actor: "the Kremlin" → RUS with sector GOV."""

    name: str
    actor: str
    sector: str | None
    aliases: tuple[str, ...] = ()
    needs_the: tuple[str, ...] = ()
    source: str = ""


class EntryReader:
    """Reads the raw YAML items of one file, raising DataFileError with file, entry and field."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, where: str, problem: str) -> DataFileError:
        return DataFileError(f"{self.path}: {where}: {problem}")

    def items(self, raw: Any, what: str) -> list[Mapping[str, Any]]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            raise self.fail(what, f"expected a list of entries, got {type(raw).__name__}")
        for index, item in enumerate(raw):
            if not isinstance(item, Mapping):
                raise self.fail(f"{what} #{index + 1}", f"expected a mapping, got {type(item).__name__}")
        return raw

    def entry(self, index: int, raw: Mapping[str, Any]) -> tuple[ActorEntry, bool]:
        """One actor entry, and whether it asks to replace (not extend) an earlier one."""
        where = f"entry #{index + 1} ({raw.get('id', '?')})"
        self._known_keys(where, raw, _ENTRY_KEYS)
        entry_id = self._text(where, raw, "id", required=True)
        if not _ID.match(entry_id):
            raise self.fail(where, f"id {entry_id!r} may only use letters, digits and _ . : -")
        kind = self._text(where, raw, "kind", required=True)
        if kind not in KINDS:
            raise self.fail(where, f"kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
        country = self._country(where, raw.get("country"), "country")
        entry = ActorEntry(
            id=entry_id,
            name=self._text(where, raw, "name", required=True),
            kind=kind,
            country=entry_id if kind == "country" and country is None else country,
            countries=tuple(self._country(where, c, "countries") or "" for c in self._list(where, raw, "countries")),
            sector=self.sector(where, raw.get("sector")),
            aliases=self._list(where, raw, "aliases"),
            needs_the=self._list(where, raw, "needs_the"),
            demonyms=self._list(where, raw, "demonyms"),
            capitals=self._list(where, raw, "capitals"),
            roles=tuple(self._role(f"{where} role #{i + 1}", r) for i, r in enumerate(self.items(
                raw.get("roles"), f"{where} roles"))),
            wikidata=self._wikidata(where, raw.get("wikidata")),
            source=self.path,
        )
        replace = raw.get("replace", False)
        if not isinstance(replace, bool):
            raise self.fail(where, "replace must be true or false")
        return entry, replace

    def seat(self, index: int, raw: Mapping[str, Any]) -> Seat:
        where = f"seat #{index + 1} ({raw.get('name', '?')})"
        self._known_keys(where, raw, _SEAT_KEYS)
        return Seat(
            name=self._text(where, raw, "name", required=True),
            actor=self._text(where, raw, "actor", required=True),
            sector=self.sector(where, raw.get("sector")),
            aliases=self._list(where, raw, "aliases"),
            needs_the=self._list(where, raw, "needs_the"),
            source=self.path,
        )

    def _role(self, where: str, raw: Mapping[str, Any]) -> Role:
        self._known_keys(where, raw, _ROLE_KEYS)
        sector = self.sector(where, raw.get("sector"))
        if sector is None:
            raise self.fail(where, "a role needs a sector")
        role = Role(
            title=self._text(where, raw, "title", required=True),
            sector=sector,
            country=self._country(where, raw.get("country"), "country"),
            start=self._date(where, raw.get("start"), "start"),
            end=self._date(where, raw.get("end"), "end"),
            org=self._text(where, raw, "org") or None,
        )
        if role.start and role.end and role.end < role.start:
            raise self.fail(where, f"end {role.end} is before start {role.start}")
        return role

    def _known_keys(self, where: str, raw: Mapping[str, Any], allowed: frozenset[str]) -> None:
        unknown = sorted(set(map(str, raw)) - allowed)
        if unknown:
            raise self.fail(where, f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")

    def _text(self, where: str, raw: Mapping[str, Any], key: str, *, required: bool = False) -> str:
        value = raw.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"{key} must be a non-empty string, got {value!r}")
        return value.strip()

    def _list(self, where: str, raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = raw.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, Sequence) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(where, f"{key} must be a list of non-empty strings, got {value!r}")
        return tuple(v.strip() for v in value)

    def sector(self, where: str, value: Any) -> str | None:
        if value is None:
            return None
        if value not in SECTORS:
            raise self.fail(where, f"sector {value!r} is not a known code ({', '.join(sorted(SECTORS))})")
        return str(value)

    def _country(self, where: str, value: Any, key: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not _COUNTRY.match(value):
            raise self.fail(where, f"{key} {value!r} must be a 3-letter upper-case country id (ISO3)")
        return value

    def _date(self, where: str, value: Any, key: str) -> dt.date | None:
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(where, f"{key} {value!r} must be a date YYYY-MM-DD or null")

    def _wikidata(self, where: str, value: Any) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not _QID.match(value):
            raise self.fail(where, f"wikidata {value!r} must look like Q7747")
        return value
