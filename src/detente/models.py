"""Pure typed data shared by every stage: nothing here imports spaCy, DuckDB or the CLI.

Data flows one way: Article → RepairedText → ParsedDoc → Mentions → Events → AnalyzedArticle.
Every record is a frozen dataclass so no stage can edit another stage's output in place.
All character offsets in the user-facing records (Repair, Mention, Quote, Evidence) point into
the ORIGINAL article text exactly as read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future", "claimed")
Modality = Literal["asserted", "negated", "hypothetical", "future", "claimed"]


def content_hash(*parts: str, length: int = 16) -> str:
    """A stable id from content, so re-running a stage never duplicates a record."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where an input came from: the file and the 1-based line its record starts on."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


@dataclass(frozen=True, slots=True)
class Article:
    """A dated news article as read, before any repair."""

    id: str
    date: dt.date
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    external_id: str | None = None
    source: SourceRef | None = None

    @staticmethod
    def make(
        *,
        date: dt.date,
        text: str,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        external_id: str | None = None,
        source: SourceRef | None = None,
    ) -> Article:
        """Build an article whose id is the hash of its date and text (its content)."""
        return Article(
            id=content_hash(date.isoformat(), text),
            date=date,
            text=text,
            title=title,
            outlet=outlet,
            url=url,
            external_id=external_id,
            source=source,
        )


@dataclass(frozen=True, slots=True)
class Repair:
    """One change (or flag, when replacement is None) the repair stage made to the text."""

    start: int
    end: int
    original: str
    replacement: str | None
    kind: str
    language: str | None = None
    confidence: float = 1.0

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "original": self.original,
            "replacement": self.replacement,
            "kind": self.kind,
            "language": self.language,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the repaired text, with offsets already mapped back to the original text."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    start: int  # in the original text
    end: int  # in the original text
    sentence: int
    ent_type: str = ""
    ent_iob: str = "O"
    morph: str = ""
    ws: bool = True


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity span over tokens [token_start, token_end)."""

    label: str
    token_start: int
    token_end: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    token_start: int
    token_end: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    """Our own copy of what the parser found; no spaCy object leaves nlp.py."""

    text: str  # the ORIGINAL article text (offsets in tokens point here)
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]

    def children(self, i: int) -> list[Token]:
        return [t for t in self.tokens if t.head == i and t.i != i]

    def conjuncts(self, i: int) -> list[Token]:
        """The tokens coordinated under token i, at any depth: "Penza Oblast, Samara Oblast and Rostov Oblast"."""
        out: list[Token] = []
        for child in self.children(i):
            if child.dep == "conj":
                out += [child, *self.conjuncts(child.i)]
        return out

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        sentence = self.sentences[index]
        return self.tokens[sentence.token_start : sentence.token_end]


@dataclass(frozen=True, slots=True)
class Actor:
    """Who: a resolved (id set) or unknown (id None) actor, as the JSON contract shows it."""

    id: str | None
    name: str | None
    country: str | None
    sector: str | None
    text: str | None = None
    kind: str | None = None  # country, person, igo, group, ...

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "text": self.text,
        }

    def with_text(self, text: str | None) -> Actor:
        return Actor(self.id, self.name, self.country, self.sector, text, self.kind)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the original text that names an actor (or a candidate actor left unknown)."""

    start: int
    end: int
    text: str
    actor: Actor | None
    sentence: int
    token_start: int
    token_end: int
    head: int  # the token index of the mention's syntactic head
    how: str = "exact"  # exact | alias | metonym | demonym | role | coref | unknown

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "actor": self.actor.to_json() if self.actor else None,
            "sentence": self.sentence,
            "how": self.how,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: Actor | None

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker.to_json() if self.speaker else None,
        }


@dataclass(frozen=True, slots=True)
class When:
    """The event's time as an interval; granularity 'publication' means only the article date was known."""

    start: str | None
    end: str | None
    granularity: str
    text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "granularity": self.granularity, "text": self.text}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence index and the span of the ORIGINAL text that states an event."""

    sentence: int
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    actor: Actor | None
    recipient: Actor | None
    reciprocal: bool
    event: str  # PLOVER type
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    goldstein: float
    quad_class: int
    modality: str
    claimed_by: Actor | None
    when: When
    where: Place | None
    evidence: tuple[Evidence, ...]
    confidence: float
    trigger: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "actor": self.actor.to_json() if self.actor else None,
            "recipient": self.recipient.to_json() if self.recipient else None,
            "reciprocal": self.reciprocal,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "modality": self.modality,
            "claimed_by": self.claimed_by.to_json() if self.claimed_by else None,
            "when": self.when.to_json(),
            "where": self.where.to_json() if self.where else None,
            "evidence": [e.to_json() for e in self.evidence],
            "confidence": self.confidence,
            "trigger": self.trigger,
        }


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """Everything the engine found in one article: the unit the store and the JSON contract share."""

    article: Article
    repairs: tuple[Repair, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "date": a.date.isoformat(),
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "text": a.text,
            "repairs": [r.to_json() for r in self.repairs],
            "mentions": [m.to_json() for m in self.mentions],
            "quotes": [q.to_json() for q in self.quotes],
            "events": [e.to_json() for e in self.events],
        }


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an Article, with where and why."""

    source: SourceRef
    reason: str
    code: str = "E100"

    def __str__(self) -> str:
        return f"{self.source}: [{self.code}] {self.reason}"
