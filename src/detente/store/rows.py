"""Model ↔ row mapping, shared by every backend. Column tuples here are the single source of order.

Two normalisations happen on the way in, both documented because get_article relies on them:
- an Actor whose every field is None is stored as no actor (None);
- each event gets an `event_date`: the first day `when.start` denotes ("2020" → 2020-01-01,
  "2023-06" → 2023-06-01, "2023-06-23" or "2023-06-23T10:00" → that day), or the article's date
  when `when.start` is missing or not such a date. Queries filter and bucket on it.

Actor keys: the actor and recipient slots of an event also carry an integer `actor_key`, a hash of
the (id, name, country) that queries match terms against, with one row per key in `actors`. A query
matches a term against the few thousand `actors` rows, then the events by integer key: on ten
million events that is several times faster than reading six text columns.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from typing import Any

from detente.models import (
    Actor,
    AnalyzedArticle,
    Article,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
    Repair,
    Sentence,
    SourceRef,
    When,
)

Row = tuple[Any, ...]

ACTOR_FIELDS = ("id", "name", "country", "sector", "text", "kind")


def actor_cols(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{f}" for f in ACTOR_FIELDS)


ARTICLE_COLS = (
    "id", "date", "title", "outlet", "url", "external_id", "source_path", "source_line", "text",
    "ingested_at",
)
SENTENCE_COLS = ("article_id", "idx", "start_char", "end_char", "token_start", "token_end", "text")
REPAIR_COLS = (
    "article_id", "idx", "start_char", "end_char", "original", "replacement", "kind", "language",
    "confidence",
)
MENTION_COLS = (
    "article_id", "idx", "start_char", "end_char", "text", "sentence", "token_start", "token_end", "head",
    "how", *actor_cols("actor"),
)
QUOTE_COLS = ("article_id", "idx", "start_char", "end_char", "text", *actor_cols("speaker"))
EVENT_COLS = (
    "id", "article_id", "idx", "event", "mode", "context", "cameo", "goldstein", "quad_class", "modality",
    "reciprocal", *actor_cols("actor"), *actor_cols("recipient"), *actor_cols("claimed_by"),
    "when_start", "when_end", "when_granularity", "when_text", "event_date",
    "where_name", "where_country", "where_lat", "where_lon", "confidence", "trigger_text",
    "actor_key", "recipient_key",
)
ACTORS_COLS = ("actor_key", "id", "name", "country")
EVIDENCE_COLS = ("event_id", "article_id", "idx", "sentence", "start_char", "end_char", "text")

# Child tables in insert order, with their columns; each has article_id for one-query reads.
CHILD_TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sentences", SENTENCE_COLS),
    ("repairs", REPAIR_COLS),
    ("mentions", MENTION_COLS),
    ("quotes", QUOTE_COLS),
    ("events", EVENT_COLS),
    ("evidence", EVIDENCE_COLS),
)

_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T ])")


def event_date(when_start: str | None, article_date: dt.date) -> dt.date:
    """The first day `when_start` denotes, else the article date (see the module doc)."""
    if when_start:
        m = _DATE_RE.match(when_start.strip())
        if m:
            try:
                return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
            except ValueError:  # "2023-02-30": not a real date
                pass
    return article_date


# ---- model → rows ----------------------------------------------------------------------------

# Keys from a hash live in [2**61, 2**62); keys numbered by migration 0003 for older rows are small.
_HASH_KEY_BASE = 1 << 61


def actor_key(actor: Actor | None) -> int | None:
    """The `actors` key of an actor slot: None when there is nothing (id, name, country) to match."""
    if actor is None or (actor.id is None and actor.name is None and actor.country is None):
        return None
    # \x00 for None so that None and "" stay different identities.
    raw = "\x1f".join("\x00" if v is None else v for v in (actor.id, actor.name, actor.country))
    digest = hashlib.blake2b(raw.encode("utf-8"), digest_size=8).digest()
    return _HASH_KEY_BASE | (int.from_bytes(digest, "big") >> 3)


def actor_rows(events: Sequence[Event]) -> list[Row]:
    """The `actors` rows (ACTORS_COLS) the actor and recipient slots of these events need, by key."""
    rows: dict[int, Row] = {}
    for e in events:
        for a in (e.actor, e.recipient):
            key = actor_key(a)
            if key is not None and a is not None:
                rows[key] = (key, a.id, a.name, a.country)
    return [rows[k] for k in sorted(rows)]  # one lock order for concurrent PostgreSQL writers


def _actor_values(actor: Actor | None) -> Row:
    if actor is None:
        return (None,) * len(ACTOR_FIELDS)
    return (actor.id, actor.name, actor.country, actor.sector, actor.text, actor.kind)


def article_row(article: Article, ingested_at: dt.datetime) -> Row:
    src = article.source
    return (
        article.id, article.date, article.title, article.outlet, article.url, article.external_id,
        src.path if src else None, src.line if src else None, article.text, ingested_at,
    )


def child_rows(analyzed: AnalyzedArticle) -> dict[str, list[Row]]:
    """Rows for every child table of one article, keyed by table name."""
    aid = analyzed.article.id
    out: dict[str, list[Row]] = {
        "sentences": [
            (aid, i, s.start, s.end, s.token_start, s.token_end, s.text)
            for i, s in enumerate(analyzed.sentences)
        ],
        "repairs": [
            (aid, i, r.start, r.end, r.original, r.replacement, r.kind, r.language, r.confidence)
            for i, r in enumerate(analyzed.repairs)
        ],
        "mentions": [
            (aid, i, m.start, m.end, m.text, m.sentence, m.token_start, m.token_end, m.head, m.how,
             *_actor_values(m.actor))
            for i, m in enumerate(analyzed.mentions)
        ],
        "quotes": [
            (aid, i, q.start, q.end, q.text, *_actor_values(q.speaker)) for i, q in enumerate(analyzed.quotes)
        ],
        "events": [],
        "evidence": [],
    }
    for i, e in enumerate(analyzed.events):
        out["events"].append(_event_row(aid, i, e, analyzed.article.date))
        out["evidence"].extend(
            (e.id, aid, j, v.sentence, v.start, v.end, v.text) for j, v in enumerate(e.evidence)
        )
    return out


def _event_row(article_id: str, idx: int, e: Event, article_date: dt.date) -> Row:
    w = e.where
    return (
        e.id, article_id, idx, e.event, e.mode, json.dumps(list(e.context)), e.cameo, e.goldstein,
        e.quad_class, e.modality, e.reciprocal,
        *_actor_values(e.actor), *_actor_values(e.recipient), *_actor_values(e.claimed_by),
        e.when.start, e.when.end, e.when.granularity, e.when.text, event_date(e.when.start, article_date),
        w.name if w else None, w.country if w else None, w.lat if w else None, w.lon if w else None,
        e.confidence, e.trigger, actor_key(e.actor), actor_key(e.recipient),
    )


# ---- rows → model ----------------------------------------------------------------------------


def actor_from(values: Sequence[Any]) -> Actor | None:
    if all(v is None for v in values):
        return None
    return Actor(values[0], values[1], values[2], values[3], values[4], values[5])


def article_from(row: Row) -> Article:
    d = dict(zip(ARTICLE_COLS, row, strict=True))
    source = SourceRef(d["source_path"], d["source_line"]) if d["source_path"] is not None else None
    return Article(
        id=d["id"], date=d["date"], text=d["text"], title=d["title"], outlet=d["outlet"], url=d["url"],
        external_id=d["external_id"], source=source,
    )


def sentence_from(r: Row) -> Sentence:
    return Sentence(index=r[1], start=r[2], end=r[3], token_start=r[4], token_end=r[5], text=r[6])


def repair_from(r: Row) -> Repair:
    return Repair(start=r[2], end=r[3], original=r[4], replacement=r[5], kind=r[6], language=r[7],
                  confidence=r[8])


def mention_from(r: Row) -> Mention:
    return Mention(start=r[2], end=r[3], text=r[4], sentence=r[5], token_start=r[6], token_end=r[7],
                   head=r[8], how=r[9], actor=actor_from(r[10:16]))


def quote_from(r: Row) -> Quote:
    return Quote(start=r[2], end=r[3], text=r[4], speaker=actor_from(r[5:11]))


def evidence_from(r: Row) -> Evidence:
    return Evidence(sentence=r[3], start=r[4], end=r[5], text=r[6])


def event_from(r: Row, evidence: Sequence[Evidence]) -> Event:
    d = dict(zip(EVENT_COLS, r, strict=True))
    n = len(ACTOR_FIELDS)
    first = EVENT_COLS.index("actor_id")
    where = (
        Place(d["where_name"], d["where_country"], d["where_lat"], d["where_lon"])
        if d["where_name"] is not None else None
    )
    return Event(
        id=d["id"],
        actor=actor_from(r[first:first + n]),
        recipient=actor_from(r[first + n:first + 2 * n]),
        reciprocal=bool(d["reciprocal"]),
        event=d["event"],
        mode=d["mode"],
        context=tuple(json.loads(d["context"])),
        cameo=d["cameo"],
        goldstein=float(d["goldstein"]),
        quad_class=int(d["quad_class"]),
        modality=d["modality"],
        claimed_by=actor_from(r[first + 2 * n:first + 3 * n]),
        when=When(d["when_start"], d["when_end"], d["when_granularity"], d["when_text"]),
        where=where,
        evidence=tuple(evidence),
        confidence=float(d["confidence"]),
        trigger=d["trigger_text"],
    )
