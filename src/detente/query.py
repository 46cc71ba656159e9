"""Read-side queries over a Store, shared by the CLI, the REST API, the web UI and the exports.

Dates: every event has an `event_date` (set when it was stored): the first day its `when.start`
denotes ("2020" → 2020-01-01, "2023-06" → 2023-06-01, "2023-06-23" → that day), or the article's
date when `when.start` is missing or not such a date. `since`/`until` and `dyad_series` use it.

Actor terms (EventFilter.actor, dyad sides) match an actor slot by id (case-insensitive), by name
(case-insensitive substring) or by ISO3 country code (exact, case-insensitive).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any, Literal

from detente.errors import StoreError
from detente.models import Actor, Article, Event, Mention, Quote, Repair
from detente.store.base import Store

Period = Literal["day", "week", "month", "quarter", "year"]
PERIODS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
EVIDENCE_SEP = " … "  # keep in step with the literal in _ROW_SELECT


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # actor OR recipient matches (see module doc)
    dyad: tuple[str, str] | None = None  # (a, b) in either direction
    event: str | None = None  # PLOVER type, e.g. "ASSAULT" (case-insensitive)
    modality: str | None = None  # asserted | negated | hypothetical | future | claimed
    since: dt.date | None = None  # event_date >= since
    until: dt.date | None = None  # event_date <= until
    country: str | None = None  # ISO3 of the actor OR the recipient
    sector: str | None = None  # sector of the actor OR the recipient (case-insensitive)
    article_id: str | None = None  # exact article id
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class EventRow:
    """One event as a flat record (CSV-ready); evidence texts joined with EVIDENCE_SEP."""

    id: str
    article_id: str
    article_date: dt.date
    article_title: str | None
    article_outlet: str | None
    article_url: str | None
    event_date: dt.date
    event: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    goldstein: float
    quad_class: int
    modality: str
    reciprocal: bool
    actor_id: str | None
    actor_name: str | None
    actor_country: str | None
    actor_sector: str | None
    actor_text: str | None
    recipient_id: str | None
    recipient_name: str | None
    recipient_country: str | None
    recipient_sector: str | None
    recipient_text: str | None
    claimed_by_id: str | None
    claimed_by_name: str | None
    claimed_by_country: str | None
    when_start: str | None
    when_end: str | None
    when_granularity: str
    when_text: str | None
    where_name: str | None
    where_country: str | None
    where_lat: float | None
    where_lon: float | None
    confidence: float
    trigger: str
    evidence: str

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["article_date"] = self.article_date.isoformat()
        d["event_date"] = self.event_date.isoformat()
        d["context"] = list(self.context)
        return d


@dataclass(frozen=True)
class DyadPoint:
    """One period of a dyad's series. quad1..quad4 count QuadClass 1 (verbal cooperation),
    2 (material cooperation), 3 (verbal conflict), 4 (material conflict)."""

    period: dt.date  # first day of the period
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    total: int
    goldstein_sum: float
    goldstein_mean: float

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["period"] = self.period.isoformat()
        return d


@dataclass(frozen=True)
class EvidenceSpan:
    event_id: str
    event: str
    modality: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # "evidence" | "repair" | "mention" | "quote"
    label: str


@dataclass(frozen=True)
class ArticleView:
    """An article's original text with everything that points into it (for `detente show`)."""

    article: Article
    events: tuple[Event, ...]
    evidence: tuple[EvidenceSpan, ...]
    repairs: tuple[Repair, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]

    def highlights(self) -> list[Highlight]:
        """Every span into article.text, sorted by position (offsets index the ORIGINAL text)."""
        out = [Highlight(e.start, e.end, "evidence", f"{e.event} ({e.modality})") for e in self.evidence]
        out += [Highlight(r.start, r.end, "repair", f"{r.kind}: {r.replacement!r}") for r in self.repairs]
        out += [Highlight(m.start, m.end, "mention", _who(m.actor)) for m in self.mentions]
        out += [Highlight(q.start, q.end, "quote", _who(q.speaker)) for q in self.quotes]
        return sorted(out, key=lambda h: (h.start, -h.end, h.kind))


def _who(actor: Actor | None) -> str:
    return (actor.id or actor.name or "?") if actor else "unknown"


# ---- SQL building ----------------------------------------------------------------------------

_ROW_SELECT = """
SELECT e.id, e.article_id, a.date, a.title, a.outlet, a.url, e.event_date, e.event, e.mode, e.context,
       e.cameo, e.goldstein, e.quad_class, e.modality, e.reciprocal,
       e.actor_id, e.actor_name, e.actor_country, e.actor_sector, e.actor_text,
       e.recipient_id, e.recipient_name, e.recipient_country, e.recipient_sector, e.recipient_text,
       e.claimed_by_id, e.claimed_by_name, e.claimed_by_country,
       e.when_start, e.when_end, e.when_granularity, e.when_text,
       e.where_name, e.where_country, e.where_lat, e.where_lon, e.confidence, e.trigger_text,
       (SELECT string_agg(v.text, ' … ' ORDER BY v.idx) FROM evidence v WHERE v.event_id = e.id)
FROM events e JOIN articles a ON a.id = e.article_id
"""


def _like(term: str) -> str:
    escaped = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _actor_match(slot: str, term: str) -> tuple[str, list[Any]]:
    """SQL matching one actor slot ("actor" or "recipient") against a term (see module doc)."""
    sql = f"(lower(e.{slot}_id) = ? OR lower(e.{slot}_name) LIKE ? ESCAPE '\\' OR upper(e.{slot}_country) = ?)"
    return sql, [term.lower(), _like(term), term.upper()]


def _either(term: str) -> tuple[str, list[Any]]:
    a, pa = _actor_match("actor", term)
    r, pr = _actor_match("recipient", term)
    return f"({a} OR {r})", pa + pr


def _dyad(a: str, b: str) -> tuple[str, list[Any]]:
    a, b = a.strip(), b.strip()
    if not a or not b:  # an empty term would match every named actor
        raise StoreError(f"a dyad needs two actors, got {a!r} and {b!r}")
    a1, p1 = _actor_match("actor", a)
    r1, p2 = _actor_match("recipient", b)
    a2, p3 = _actor_match("actor", b)
    r2, p4 = _actor_match("recipient", a)
    return f"(({a1} AND {r1}) OR ({a2} AND {r2}))", p1 + p2 + p3 + p4


def _where(flt: EventFilter) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []

    def add(sql: str, values: list[Any]) -> None:
        parts.append(sql)
        params.extend(values)

    if flt.actor and flt.actor.strip():
        add(*_either(flt.actor.strip()))
    if flt.dyad:
        add(*_dyad(*flt.dyad))
    if flt.event:
        add("upper(e.event) = ?", [flt.event.upper()])
    if flt.modality:
        add("e.modality = ?", [flt.modality.lower()])
    if flt.since:
        add("e.event_date >= ?", [flt.since])
    if flt.until:
        add("e.event_date <= ?", [flt.until])
    if flt.country:
        add("(upper(e.actor_country) = ? OR upper(e.recipient_country) = ?)", [flt.country.upper()] * 2)
    if flt.sector:
        add("(lower(e.actor_sector) = ? OR lower(e.recipient_sector) = ?)", [flt.sector.lower()] * 2)
    if flt.article_id:
        add("e.article_id = ?", [flt.article_id])
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


# ---- queries ---------------------------------------------------------------------------------


def find_events(store: Store, flt: EventFilter | None = None) -> list[EventRow]:
    """Events matching every set field of `flt`, oldest first (event_date, article, position)."""
    flt = flt or EventFilter()
    where, params = _where(flt)
    sql = _ROW_SELECT + where + " ORDER BY e.event_date, e.article_id, e.idx"
    if flt.limit is not None:
        sql += f" LIMIT {max(int(flt.limit), 0)}"
    if flt.offset:
        sql += f" OFFSET {max(int(flt.offset), 0)}"
    return [_event_row(r) for r in store.fetch(sql, params)]


def _event_row(r: tuple[Any, ...]) -> EventRow:
    values = list(r)
    values[9] = tuple(json.loads(values[9]))  # context
    values[11] = float(values[11])
    values[14] = bool(values[14])
    values[-1] = values[-1] or ""
    return EventRow(*values)


def dyad_series(
    store: Store, a: str, b: str, *, period: Period = "month", asserted_only: bool = True
) -> list[DyadPoint]:
    """Per period (by event_date, see module doc), events between a and b in either direction:
    counts per QuadClass, goldstein sum and mean. Periods without events are omitted.
    asserted_only (default) drops negated, hypothetical, future and claimed events."""
    if period not in PERIODS:
        raise StoreError(f"unknown period {period!r}; use one of {', '.join(PERIODS)}")
    where, params = _dyad(a, b)
    if asserted_only:
        where += " AND e.modality = 'asserted'"
    bucket = f"CAST(date_trunc('{period}', e.event_date) AS DATE)"  # period is from PERIODS: safe
    sql = (
        f"SELECT {bucket} AS p, e.quad_class, count(*), sum(e.goldstein) FROM events e "
        f"WHERE {where} GROUP BY {bucket}, e.quad_class ORDER BY p"
    )
    acc: dict[dt.date, list[float]] = {}  # day → [q1, q2, q3, q4, total, goldstein sum]
    for p, quad, n, gsum in store.fetch(sql, params):
        day = p if isinstance(p, dt.date) else dt.date.fromisoformat(str(p)[:10])
        cell = acc.setdefault(day, [0, 0, 0, 0, 0, 0.0])
        if 1 <= int(quad) <= 4:
            cell[int(quad) - 1] += int(n)
        cell[4] += int(n)
        cell[5] += float(gsum or 0.0)
    points = []
    for day in sorted(acc):
        q1, q2, q3, q4, total, gsum = acc[day]
        mean = gsum / total if total else 0.0
        points.append(DyadPoint(day, int(q1), int(q2), int(q3), int(q4), int(total), gsum, mean))
    return points


def article_view(store: Store, article_id: str) -> ArticleView:
    """The article (id or unambiguous prefix) with its evidence spans, repairs, mentions and quotes."""
    analyzed = store.get_article(article_id)
    spans = tuple(
        EvidenceSpan(e.id, e.event, e.modality, v.sentence, v.start, v.end, v.text)
        for e in analyzed.events
        for v in e.evidence
    )
    return ArticleView(
        article=analyzed.article,
        events=analyzed.events,
        evidence=spans,
        repairs=analyzed.repairs,
        mentions=analyzed.mentions,
        quotes=analyzed.quotes,
    )


_STAT_TABLES = ("articles", "events", "evidence", "mentions", "repairs", "quotes", "sentences")


def store_stats(store: Store) -> dict[str, int]:
    """Row counts per table, plus asserted events, distinct actors and applied migrations."""
    stats = {t: int(store.fetch(f"SELECT count(*) FROM {t}")[0][0]) for t in _STAT_TABLES}
    stats["events_asserted"] = int(store.fetch("SELECT count(*) FROM events WHERE modality = 'asserted'")[0][0])
    stats["actors"] = int(
        store.fetch(
            "SELECT count(*) FROM (SELECT actor_id AS a FROM events WHERE actor_id IS NOT NULL "
            "UNION SELECT recipient_id FROM events WHERE recipient_id IS NOT NULL) t"
        )[0][0]
    )
    stats["migrations"] = len(store.applied_migrations())
    return stats


@dataclass(frozen=True, slots=True)
class UnresolvedName:
    """A name the dictionary did not know, with how often and in how many articles it was seen."""

    text: str
    mentions: int
    articles: int
    country_guess: str | None
    sector_guess: str | None
    kind: str | None


def unresolved_names(store: Store, *, limit: int = 50) -> list[UnresolvedName]:
    """The most frequent unresolved actor NAMES across the store, to extend the dictionary with (pronouns and
    role nouns such as "protesters" are not names and are left out)."""
    rows = store.fetch(
        "SELECT text, count(*) AS n, count(DISTINCT article_id) AS a, max(actor_country), max(actor_sector), "
        "max(actor_kind) FROM mentions WHERE actor_id IS NULL AND how NOT IN ('coref', 'role') "
        "GROUP BY text ORDER BY n DESC, text LIMIT ?",
        (limit,),
    )
    return [UnresolvedName(str(r[0]), int(r[1]), int(r[2]), r[3], r[4], r[5]) for r in rows]
