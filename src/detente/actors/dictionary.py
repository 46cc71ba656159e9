"""The actor dictionary: built-in data files merged with an optional user file, indexed for lookup.

Indexes are built once at load so the resolver scans tokens with dict lookups only: a first-token
index gives the candidate alias token tuples (longest first) that can start at a token.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from detente.actors.entries import ActorEntry, EntryReader, Seat
from detente.actors.text import alias_key, exact_key, is_acronym, norm, split_alias, starts_upper
from detente.errors import DataFileError
from detente.models import Actor

ACTOR_FILES = ("countries.yaml", "organisations.yaml", "people.yaml")
FUZZY_CUTOFF = 90.0  # rapidfuzz ratio: keeps "Zelenskky"/"Lukashenco", rejects "Austrai"→Australia
FUZZY_MIN_LENGTH = 6  # at 5 letters one edit is already 90 ("Styria" → Syria, "Tiana" → Tirana)
# Which alias wins when two entries share a key: lower rank first (a name beats a capital, etc.).
_RANK = {"block": 0, "name": 1, "seat": 2, "country": 3, "capital": 4, "demonym": 5}
_ORG_KINDS = frozenset({"igo", "ngo", "group", "company", "media", "party"})
_FUZZY_GROUPS = {"PERSON": ("person",), "ORG": ("org", "place"), "GPE": ("place", "org"), "NORP": ("norp",)}


@dataclass(frozen=True, slots=True)
class AliasTarget:
    """What an indexed alias points to (entry_id None: a blocked phrase that is never an actor)."""

    entry_id: str | None
    how: str  # exact | alias | metonym | demonym | block
    source: str  # name | seat | country | capital | demonym | block
    sector: str | None = None  # a metonym's sector (Minsk → GOV)
    needs_the: bool = False
    exact: tuple[str, ...] | None = None  # case-kept tokens an acronym must match
    capitalised: bool = False  # the text's first token must be capitalised too
    order: int = 0  # load order; later (user) entries win ties


@dataclass(frozen=True, slots=True)
class AliasMatch:
    """A dictionary hit: the entry, how it was named, and the sector a metonym implies."""

    entry: ActorEntry
    how: str
    sector: str | None = None
    target: AliasTarget | None = None

    def actor_at(self, date: dt.date, *, text: str | None = None) -> Actor:
        return self.entry.actor_at(date, text=text, sector=self.sector)


@dataclass(frozen=True, slots=True)
class _Sources:
    """Raw parsed content of all files, in load order."""

    entries: list[tuple[ActorEntry, bool, frozenset[str]]]
    seats: list[Seat]
    roles: list[tuple[str, str, str]]  # (sector, word, file)
    blocked: list[str]


class ActorDictionary:
    """Built-in actors (+ a user file), with alias, role-word and fuzzy indexes."""

    def __init__(self, entries: Mapping[str, ActorEntry], seats: Iterable[Seat],
                 roles: Mapping[tuple[str, ...], str], blocked: Iterable[str]) -> None:
        self.entries: dict[str, ActorEntry] = dict(entries)
        self.seats: tuple[Seat, ...] = tuple(seats)
        self.roles: dict[tuple[str, ...], str] = dict(roles)
        self.role_max = max((len(k) for k in self.roles), default=0)
        self._by_key: dict[tuple[str, ...], list[AliasTarget]] = {}
        self._build_index(blocked)
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted(self._by_key, key=len, reverse=True):
            self._by_first.setdefault(key[0], []).append(key)
        self._fuzzy = self._fuzzy_choices()

    # ---- loading -------------------------------------------------------------------------------
    @classmethod
    def load(cls, *, user_file: Path | None = None) -> ActorDictionary:
        """Load the built-in data files and merge `user_file` (same schema) over them."""
        base = resources.files("detente") / "data" / "actors"
        sources = _Sources([], [], [], [])
        for name in (*ACTOR_FILES, "seats.yaml", "roles.yaml", "blocklist.yaml"):
            with resources.as_file(base / name) as path:
                _read_file(path, sources, builtin_kind=name)
        builtin_count = len(sources.entries)
        if user_file is not None:
            if not Path(user_file).is_file():
                raise DataFileError(f"{user_file}: user actor file not found")
            _read_file(Path(user_file), sources, builtin_kind=None)
        entries = _merge_entries(sources.entries, builtin_count)
        _check_references(entries, sources.seats)
        return cls(entries, sources.seats, _role_index(sources.roles), sources.blocked)

    # ---- lookups -------------------------------------------------------------------------------
    def names(self) -> set[str]:
        """Every name, alias, demonym and capital: the repair stage must never split or translate them."""
        found: set[str] = set()
        for entry in self.entries.values():
            found.update((entry.name, *entry.aliases, *entry.demonyms, *entry.capitals))
        for seat in self.seats:
            found.update((seat.name, *seat.aliases))
        return found

    def non_place_names(self) -> set[str]:
        """Names, aliases and demonyms of everything but places and capitals ("Hamas", "Thai", "Google"): words
        a gazetteer must not take for another spelling of a town."""
        found: set[str] = set()
        for entry in self.entries.values():
            found.update(entry.demonyms)
            if entry.kind not in {"country", "place"}:
                found.update((entry.name, *entry.aliases))
        return found

    def get(self, entry_id: str) -> ActorEntry | None:
        return self.entries.get(entry_id)

    def lookup(self, text: str) -> AliasMatch | None:
        """Case-insensitive lookup of a name ("the Kremlin", "Putin's", "Élysée"); acronyms keep case."""
        for target in self._by_key.get(alias_key(text), ()):
            if target.entry_id is not None and (target.exact is None or target.exact == exact_key(text)):
                return self.match(target)
        return None

    def candidates(self, first: str) -> list[tuple[str, ...]]:
        """Alias keys (longest first) that start with the normalised token `first`."""
        return self._by_first.get(first, [])

    def targets(self, key: tuple[str, ...]) -> list[AliasTarget]:
        return self._by_key.get(key, [])

    def match(self, target: AliasTarget) -> AliasMatch:
        entry = self.entries[target.entry_id or ""]
        return AliasMatch(entry, target.how, target.sector, target)

    def collisions(self) -> dict[str, list[str]]:
        """Aliases that name more than one actor, with their ids in the order that wins."""
        shared: dict[str, list[str]] = {}
        for key, targets in self._by_key.items():
            ids = list(dict.fromkeys(t.entry_id or "(blocked)" for t in targets))
            if len(ids) > 1:
                shared[" ".join(key)] = ids
        return shared

    def role_sector(self, words: tuple[str, ...]) -> str | None:
        """The sector of a role noun phrase ("troops" → MIL, "political analyst" → CVL)."""
        return self.roles.get(words)

    def fuzzy(self, text: str, label: str) -> AliasMatch | None:
        """A conservative fuzzy match of a spaCy entity's text against names of a fitting kind."""
        query = " ".join(alias_key(text))
        if len(query) < FUZZY_MIN_LENGTH:
            return None
        for group in _FUZZY_GROUPS.get(label, ()):
            names, targets = self._fuzzy.get(group, ([], []))
            best = process.extractOne(query, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best is not None and best[0][:1] == query[:1]:
                return replace(self.match(targets[best[2]]), how="fuzzy")
        return None

    # ---- index building ------------------------------------------------------------------------
    def _build_index(self, blocked: Iterable[str]) -> None:
        for phrase in blocked:
            self._add(phrase, AliasTarget(None, "block", "block"))
        for order, entry in enumerate(self.entries.values()):
            source = "country" if entry.kind == "country" else "name"
            canonical = alias_key(entry.name)
            article_only = {alias_key(a) for a in entry.needs_the}
            for alias in (entry.name, *entry.aliases):
                if alias_key(alias) in article_only:
                    continue  # "the West" must not also be indexed as a bare "West"
                how = "exact" if alias_key(alias) == canonical else "alias"
                self._add(alias, AliasTarget(entry.id, how, source, order=order))
            for alias in entry.needs_the:
                how = "exact" if alias_key(alias) == canonical else "alias"
                self._add(alias, AliasTarget(entry.id, how, source, needs_the=True, order=order))
            for alias in entry.capitals:
                self._add(alias, AliasTarget(entry.id, "metonym", "capital", sector="GOV", order=order))
            for alias in entry.demonyms:
                self._add(alias, AliasTarget(entry.id, "demonym", "demonym", order=order))
        for order, seat in enumerate(self.seats, start=len(self.entries)):
            for alias in (seat.name, *seat.aliases):
                self._add(alias, AliasTarget(seat.actor, "metonym", "seat", sector=seat.sector, order=order))
            for alias in seat.needs_the:
                self._add(alias, AliasTarget(seat.actor, "metonym", "seat", sector=seat.sector,
                                             needs_the=True, order=order))
        for targets in self._by_key.values():
            targets.sort(key=lambda t: (_RANK[t.source], -t.order))

    def _add(self, alias: str, target: AliasTarget) -> None:
        key = alias_key(alias)
        if not key:
            return
        exact = exact_key(alias) if is_acronym(alias) else None
        target = replace(target, exact=exact, capitalised=starts_upper(alias))
        existing = self._by_key.setdefault(key, [])
        if target not in existing:
            existing.append(target)

    def _fuzzy_choices(self) -> dict[str, tuple[list[str], list[AliasTarget]]]:
        groups: dict[str, tuple[list[str], list[AliasTarget]]] = {}
        for key, targets in self._by_key.items():
            name = " ".join(key)
            target = targets[0]
            if (target.entry_id is None or target.exact is not None or len(name) < FUZZY_MIN_LENGTH
                    or target.source == "capital"):  # many towns share a capital's spelling
                continue
            group = self._fuzzy_group(target)
            names, found = groups.setdefault(group, ([], []))
            names.append(name)
            found.append(target)
        return groups

    def _fuzzy_group(self, target: AliasTarget) -> str:
        if target.source == "demonym":
            return "norp"
        if target.source in ("country", "capital"):
            return "place"
        kind = self.entries[target.entry_id or ""].kind
        return "person" if kind == "person" else "org"


def _read_file(path: Path, sources: _Sources, *, builtin_kind: str | None) -> None:
    """Parse one YAML file into `sources`; a user file may be a list of entries or a mapping."""
    raw = _load_yaml(path)
    reader = EntryReader(str(path))
    if builtin_kind in ACTOR_FILES or (builtin_kind is None and isinstance(raw, list)):
        sections: dict[str, Any] = {"actors": raw}
    elif builtin_kind is not None:
        sections = {builtin_kind.removesuffix(".yaml"): raw}
    elif isinstance(raw, Mapping):
        unknown = sorted(set(map(str, raw)) - {"actors", "seats", "roles", "blocklist"})
        if unknown:
            raise reader.fail("top level", f"unknown section(s) {', '.join(unknown)}; "
                              "use actors, seats, roles, blocklist")
        sections = dict(raw)
    else:
        raise reader.fail("top level", "expected a list of actor entries or a mapping of sections")
    known = {entry.id: entry for entry, _, _ in sources.entries}
    for index, item in enumerate(reader.items(sections.get("actors"), "actors")):
        old = known.get(str(item.get("id"))) if builtin_kind is None else None
        if old is not None and not item.get("replace"):
            item = {"name": old.name, "kind": old.kind, **item}  # extending needs only id + new fields
        entry, replace_flag = reader.entry(index, item)
        sources.entries.append((entry, replace_flag, frozenset(map(str, item))))
    for index, item in enumerate(reader.items(sections.get("seats"), "seats")):
        sources.seats.append(reader.seat(index, item))
    for index, item in enumerate(reader.items(sections.get("roles"), "roles")):
        sources.roles.extend(_role_words(reader, index, item))
    sources.blocked.extend(_blocked(reader, sections.get("blocklist")))


def _load_yaml(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)  # CSafeLoader/SafeLoader: safe
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise DataFileError(f"{path}: invalid YAML{where}: {getattr(error, 'problem', error)}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"{path}: cannot read: {error}") from None


def _role_words(reader: EntryReader, index: int, item: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    where = f"roles #{index + 1} ({item.get('sector', '?')})"
    unknown = sorted(set(map(str, item)) - {"sector", "words", "note"})
    if unknown:
        raise reader.fail(where, f"unknown field(s) {', '.join(unknown)}; allowed: sector, words, note")
    sector = reader.sector(where, item.get("sector"))
    words = item.get("words")
    if sector is None or not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise reader.fail(where, "needs a sector code and a list of words")
    return [(sector, w, reader.path) for w in words]


def _blocked(reader: EntryReader, raw: Any) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(p, str) and p.strip() for p in raw):
        raise reader.fail("blocklist", "must be a list of non-empty phrases")
    return list(raw)


def _role_index(words: list[tuple[str, str, str]]) -> dict[tuple[str, ...], str]:
    index: dict[tuple[str, ...], str] = {}
    for sector, word, path in words:
        key = tuple(norm(w) for w in split_alias(word))
        if key in index and index[key] != sector and path.endswith("roles.yaml"):
            raise DataFileError(f"{path}: role word {word!r} is listed under {index[key]} and {sector}")
        index[key] = sector  # a user file may move a word to another sector
    return index


def _merge_entries(items: list[tuple[ActorEntry, bool, frozenset[str]]],
                   builtin_count: int) -> dict[str, ActorEntry]:
    """Built-in ids must be unique; a user entry with a known id extends it (or replaces it)."""
    merged: dict[str, ActorEntry] = {}
    for index, (entry, replace_flag, given) in enumerate(items):
        old = merged.get(entry.id)
        if old is None or replace_flag:
            merged[entry.id] = entry
        elif index < builtin_count:
            raise DataFileError(f"{entry.source}: entry {entry.id!r}: id already defined in {old.source}")
        else:
            merged[entry.id] = _extend(old, entry, given)
    return merged


def _extend(old: ActorEntry, new: ActorEntry, given: frozenset[str]) -> ActorEntry:
    """Fields the user gave override scalars and extend lists (deduplicated, order kept)."""
    changes: dict[str, Any] = {"source": new.source}
    for field in ("name", "kind", "country", "sector", "wikidata"):
        if field in given:
            changes[field] = getattr(new, field)
    for field in ("countries", "aliases", "needs_the", "demonyms", "capitals", "roles"):
        if field in given:
            changes[field] = tuple(dict.fromkeys((*getattr(old, field), *getattr(new, field))))
    return replace(old, **changes)


def _check_references(entries: Mapping[str, ActorEntry], seats: Iterable[Seat]) -> None:
    countries = {e.id for e in entries.values() if e.kind == "country"}
    for entry in entries.values():
        refs = [entry.country, *entry.countries, *(r.country for r in entry.roles)]
        for ref in refs:
            if ref is not None and ref not in countries:
                raise DataFileError(f"{entry.source}: entry {entry.id!r}: unknown country {ref!r}")
        for role in entry.roles:
            if role.org is not None and role.org not in entries:
                raise DataFileError(f"{entry.source}: entry {entry.id!r}: role {role.title!r} "
                                    f"names unknown org {role.org!r}")
    for seat in seats:
        if seat.actor not in entries:
            raise DataFileError(f"{seat.source}: seat {seat.name!r}: unknown actor {seat.actor!r}")
