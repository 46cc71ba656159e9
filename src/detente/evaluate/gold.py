"""Gold data for `detente eval`: typed records shared by both gold formats, and `load_gold`.

Two formats feed the same records:
  * our YAML gold (`.yaml`/`.yml`, see gold_yaml.py): PLOVER event types with modality and evidence;
  * PETRARCH-2 validation XML (`.xml`, see petrarch.py): CAMEO codings per single sentence.
`GoldSet.scheme` says which event vocabulary the gold uses ("plover" or "cameo"), so the scorer knows
whether to compare a prediction's PLOVER `event` or the root (first two digits) of its `cameo`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from detente.errors import GoldFileError
from detente.models import Article

Scheme = Literal["plover", "cameo"]


@dataclass(frozen=True, slots=True)
class GoldActor:
    """Who a gold event names.

    `countries` empty and `name` set: an actor without a country ("the West"); it matches a
    prediction whose actor is unknown / has no country, or whose name matches.
    `countries` empty and `name` None: a wildcard (PETRARCH "---" codes), matching anything.
    """

    countries: tuple[str, ...] = ()
    sector: str | None = None
    name: str | None = None
    code: str | None = None  # the raw PETRARCH code, e.g. "IGOUNOMIL"

    @property
    def is_wildcard(self) -> bool:
        return not self.countries and self.name is None

    def describe(self) -> str:
        if self.code:
            return self.code
        parts = ["/".join(self.countries)] if self.countries else []
        if self.sector:
            parts.append(self.sector)
        if self.name:
            parts.append(self.name)
        return " ".join(parts) or "?"


@dataclass(frozen=True, slots=True)
class GoldWhen:
    """The gold time interval as ISO prefixes ("2020", "2023-06", "2023-06-24"); end may be None."""

    start: str | None = None
    end: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    actor: GoldActor
    recipient: GoldActor
    types: tuple[str, ...]  # accepted PLOVER types, or one CAMEO root ("04") for the cameo scheme
    modality: str = "asserted"
    reciprocal: bool = False
    evidence: str | None = None  # None: the whole (one-sentence) document is the evidence
    cameo: str | None = None
    when: GoldWhen | None = None
    claimed_by: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class GoldMentionActor:
    """An actor the analyst expects, with the strings in the text that should resolve to it."""

    name: str
    countries: tuple[str, ...]
    sector: str | None
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldRepair:
    original: str
    repaired: str | None
    kind: str | None


@dataclass(frozen=True, slots=True)
class GoldQuote:
    text: str
    speaker: str | None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    article: Article
    events: tuple[GoldEvent, ...] = ()
    actors: tuple[GoldMentionActor, ...] = ()
    repairs: tuple[GoldRepair, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()
    noevents: bool = False  # PETRARCH: the sentence is explicitly coded as having no event
    category: str | None = None


@dataclass(frozen=True, slots=True)
class GoldSet:
    path: str
    scheme: Scheme
    documents: tuple[GoldDocument, ...]
    notes: tuple[str, ...] = ()  # things the loader fixed up or wants a reader to know

    @property
    def event_count(self) -> int:
        return sum(len(d.events) for d in self.documents)


def load_gold(path: Path) -> GoldSet:
    """Read a gold file, dispatching on its suffix; GoldFileError (with file and line) on bad input."""
    path = Path(path)
    if not path.is_file():
        raise GoldFileError(f"{path}: gold file not found")
    suffix = path.suffix.lower()
    # Imported here so each format's module stays independent of the other.
    if suffix in (".yaml", ".yml"):
        from detente.evaluate.gold_yaml import load_yaml_gold

        return load_yaml_gold(path)
    if suffix == ".xml":
        from detente.evaluate.petrarch import load_petrarch_gold

        return load_petrarch_gold(path)
    raise GoldFileError(
        f"{path}: unsupported gold file type {suffix or '(none)'!r}: expected .yaml, .yml or .xml"
    )
