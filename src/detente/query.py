"""Read-side queries over a Store, shared by the CLI, the REST API, the web UI and the exports.

Dates: every event has an `event_date` (set when it was stored): the first day its `when.start`
denotes ("2020" → 2020-01-01, "2023-06" → 2023-06-01, "2023-06-23" → that day), or the article's
date when `when.start` is missing or not such a date. `since`/`until` and `dyad_series` use it.

Actor terms (EventFilter.actor, dyad sides) match an actor slot by id (case-insensitive), by a word
start of its name (case-insensitive: "rus" finds "Russia", not "Belarus"; "united st" finds "United
States") or by ISO3 country code (exact, case-insensitive). Terms are matched against the small
`actors` table and events are then selected by integer key (see store/rows.py).

Every query here reads a bounded number of rows at a time: lists come in keyset pages (event_page,
iter_events; find_events collects iter_events into a list) or with a limit. Wrong arguments from a
caller (a malformed cursor, a limit out of range, an empty search) raise BadQueryError, a ValueError.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from detente.errors import DetenteError, StoreError
from detente.models import Actor, Article, Event, Evidence, Mention, Quote, Repair
from detente.store import rows as R
from detente.store.base import Store

Period = Literal["day", "week", "month", "quarter", "year"]
PERIODS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
EVIDENCE_SEP = " … "  # joins an EventRow's evidence texts
MAX_PAGE = 1000  # the most rows one call returns (event_page, search_articles, actor_profile top)
MAX_BATCH = 10_000  # the largest iter_events batch
MAX_TERMS = 20  # words in one search


class BadQueryError(DetenteError, ValueError):
    """The caller asked for something malformed: a cursor not from a previous page, a limit out of
    range, a search without words. Nothing is wrong with the store."""

    code = "E202"


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
    place: str | None = None  # where the event happened: place name (case-insensitive) or ISO3 country
    limit: int | None = None  # find_events / iter_events only; event_page pages by cursor instead
    offset: int = 0  # likewise


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


@dataclass(frozen=True)
class EventPage:
    """One page of events, oldest first. `items` are events of the JSON contract (Event.to_json())
    plus "article_id", "article_date" and "event_date"; pass `next` back as `cursor` for the
    following page (None on the last page)."""

    items: list[dict[str, Any]]
    next: str | None

    def to_json(self) -> dict[str, Any]:
        return {"items": self.items, "next": self.next}


@dataclass(frozen=True)
class Partner:
    """The other side of an actor's asserted events: an actor (or an unresolved one's country)."""

    id: str | None
    name: str | None
    country: str | None
    events: int


@dataclass(frozen=True)
class MonthTypes:
    """An actor's asserted events in one month, per PLOVER type."""

    period: dt.date  # first day of the month
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {"period": self.period.isoformat(), "counts": dict(self.counts)}


@dataclass(frozen=True)
class ActorProfile:
    """One actor across the store. `events` counts every event it is the actor or the recipient of,
    `asserted` those stated as fact; partners and timeline count asserted events only. Name, country
    and sector are those of its latest event (a person's country and sector change with office)."""

    id: str
    name: str | None
    country: str | None
    sector: str | None
    events: int
    asserted: int
    partners: tuple[Partner, ...]  # most events first
    timeline: tuple[MonthTypes, ...]  # oldest month first, months without asserted events left out
    latest: tuple[dict[str, Any], ...]  # newest first, in the shape of EventPage.items

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "country": self.country, "sector": self.sector,
            "events": self.events, "asserted": self.asserted,
            "partners": [asdict(p) for p in self.partners],
            "timeline": [m.to_json() for m in self.timeline],
            "latest": list(self.latest),
        }


@dataclass(frozen=True)
class ArticleHit:
    """An article found by search_articles, with the text around its first hit."""

    id: str
    date: dt.date
    title: str | None
    outlet: str | None
    snippet: str
    events: int

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        return d


# ---- SQL building ----------------------------------------------------------------------------

_EVENT_SELECT = "SELECT " + ", ".join(f"e.{c}" for c in R.EVENT_COLS) + " FROM events e"
_ORDER = ("e.event_date", "e.article_id", "e.idx")  # the keyset: unique, and what pages walk


# Periods are grouped by date_part integers: portable, several times faster in DuckDB than date_trunc
# on a timestamp cast, and twice as fast in PostgreSQL as EXTRACT (which returns numeric there).
# _period_start turns the integers back into the period's first day.
_PERIOD_SQL: dict[str, tuple[str, ...]] = {
    "day": ("e.event_date",),
    "week": ("date_part('isoyear', e.event_date)", "date_part('week', e.event_date)"),
    "month": ("date_part('year', e.event_date)", "date_part('month', e.event_date)"),
    "quarter": ("date_part('year', e.event_date)", "date_part('quarter', e.event_date)"),
    "year": ("date_part('year', e.event_date)",),
}


def _period_start(period: str, values: Sequence[Any]) -> dt.date:
    if period == "day":
        return _as_date(values[0])
    year = int(values[0])
    if period == "week":
        return dt.date.fromisocalendar(year, int(values[1]), 1)
    if period == "month":
        return dt.date(year, int(values[1]), 1)
    if period == "quarter":
        return dt.date(year, 3 * int(values[1]) - 2, 1)
    return dt.date(year, 1, 1)


MAX_KEYS = 1000  # a term matching more actors than this is matched by subquery, not by a key list


def _term_actors(term: str) -> tuple[str, list[Any]]:
    """A query of the `actors` keys a term matches (see the module doc)."""
    t = term.strip().lower()
    words = " " + t.replace("-", " ")
    sql = (
        "SELECT k.actor_key FROM actors k WHERE lower(k.id) = ? OR upper(k.country) = ? "
        "OR strpos(' ' || replace(lower(k.name), '-', ' '), ?) > 0"
    )
    return sql, [t, t.upper(), words]


@dataclass(frozen=True)
class _Keys:
    """The actor keys a term matched, ready for `column IN (...)`; sql None: it matched none."""

    sql: str | None
    params: list[Any]

    def test(self, column: str) -> tuple[str, list[Any]]:
        if self.sql is None:
            return "1 = 0", []
        return f"{column} IN ({self.sql})", list(self.params)


def _keys(store: Store, query: tuple[str, list[Any]]) -> _Keys:
    """Run a small `actors` query first and match events against its keys as a literal list: DuckDB
    filters a list inside the scan (and keeps its ORDER BY ... LIMIT shortcuts), where a subquery
    becomes a join over every event; a term matching nothing then costs no scan at all."""
    sql, params = query
    keys = [int(r[0]) for r in store.fetch(f"{sql} LIMIT {MAX_KEYS + 1}", params)]
    if not keys:
        return _Keys(None, [])
    if len(keys) > MAX_KEYS:
        return _Keys(sql, list(params))
    return _Keys(", ".join("?" for _ in keys), keys)


def _either(keys: _Keys) -> tuple[str, list[Any]]:
    """Events whose actor or recipient has one of these keys."""
    a, pa = keys.test("e.actor_key")
    r, pr = keys.test("e.recipient_key")
    return f"({a} OR {r})", pa + pr


def _dyad_terms(a: str, b: str) -> tuple[str, str]:
    a, b = a.strip(), b.strip()
    if not a or not b:  # an empty term would match every named actor
        raise StoreError(f"a dyad needs two actors, got {a!r} and {b!r}")
    return a, b


def _dyad(store: Store, a: str, b: str) -> tuple[str, list[Any]]:
    a, b = _dyad_terms(a, b)
    ka, kb = _keys(store, _term_actors(a)), _keys(store, _term_actors(b))
    a1, p1 = ka.test("e.actor_key")
    r1, p2 = kb.test("e.recipient_key")
    a2, p3 = kb.test("e.actor_key")
    r2, p4 = ka.test("e.recipient_key")
    return f"(({a1} AND {r1}) OR ({a2} AND {r2}))", p1 + p2 + p3 + p4


def _conditions(store: Store, flt: EventFilter) -> tuple[list[str], list[Any]]:
    parts: list[str] = []
    params: list[Any] = []

    def add(sql: str, values: list[Any]) -> None:
        parts.append(sql)
        params.extend(values)

    if flt.actor and flt.actor.strip():
        add(*_either(_keys(store, _term_actors(flt.actor))))
    if flt.dyad:
        add(*_dyad(store, *flt.dyad))
    if flt.event:
        add("upper(e.event) = ?", [flt.event.strip().upper()])
    if flt.modality:
        add("e.modality = ?", [flt.modality.strip().lower()])
    if flt.since:
        add("e.event_date >= ?", [flt.since])
    if flt.until:
        add("e.event_date <= ?", [flt.until])
    if flt.country and flt.country.strip():
        country = ("SELECT k.actor_key FROM actors k WHERE upper(k.country) = ?", [flt.country.strip().upper()])
        add(*_either(_keys(store, country)))
    if flt.sector:
        add("(lower(e.actor_sector) = ? OR lower(e.recipient_sector) = ?)", [flt.sector.strip().lower()] * 2)
    if flt.article_id:
        add("e.article_id = ?", [flt.article_id])
    if flt.place and flt.place.strip():
        place = flt.place.strip()
        add("(lower(e.where_name) = ? OR upper(e.where_country) = ?)", [place.lower(), place.upper()])
    return parts, params


def _where(parts: Sequence[str]) -> str:
    return " WHERE " + " AND ".join(parts) if parts else ""


# ---- keyset pages ----------------------------------------------------------------------------

Key = tuple[dt.date, str, int]  # (event_date, article_id, idx) of an event


@dataclass(frozen=True, slots=True)
class _Found:
    event: Event
    key: Key
    article: tuple[Any, ...]  # id, date, title, outlet, url

    def item(self) -> dict[str, Any]:
        d = self.event.to_json()
        d["article_id"] = self.key[1]
        d["article_date"] = _as_date(self.article[1]).isoformat()
        d["event_date"] = self.key[0].isoformat()
        return d

    def row(self) -> EventRow:
        e, (event_date, article_id, _) = self.event, self.key
        a, r, c, w = e.actor, e.recipient, e.claimed_by, e.where
        return EventRow(
            id=e.id, article_id=article_id, article_date=_as_date(self.article[1]), article_title=self.article[2],
            article_outlet=self.article[3], article_url=self.article[4], event_date=event_date,
            event=e.event, mode=e.mode, context=e.context, cameo=e.cameo, goldstein=e.goldstein,
            quad_class=e.quad_class, modality=e.modality, reciprocal=e.reciprocal,
            actor_id=a.id if a else None, actor_name=a.name if a else None, actor_country=a.country if a else None,
            actor_sector=a.sector if a else None, actor_text=a.text if a else None,
            recipient_id=r.id if r else None, recipient_name=r.name if r else None,
            recipient_country=r.country if r else None, recipient_sector=r.sector if r else None,
            recipient_text=r.text if r else None,
            claimed_by_id=c.id if c else None, claimed_by_name=c.name if c else None,
            claimed_by_country=c.country if c else None,
            when_start=e.when.start, when_end=e.when.end, when_granularity=e.when.granularity,
            when_text=e.when.text,
            where_name=w.name if w else None, where_country=w.country if w else None,
            where_lat=w.lat if w else None, where_lon=w.lon if w else None,
            confidence=e.confidence, trigger=e.trigger, evidence=EVIDENCE_SEP.join(v.text for v in e.evidence),
        )


_COL = {c: i for i, c in enumerate(R.EVENT_COLS)}
_IN_CHUNK = 1000  # ids per IN list


def _fetch_events(
    store: Store, parts: Sequence[str], params: Sequence[Any], *, after: Key | None, limit: int,
    offset: int = 0, newest_first: bool = False,
) -> list[_Found]:
    """Up to `limit` events in keyset order after `after`, with their articles and evidence.

    Three statements: the page itself (one index-friendly query), then its articles and evidence by
    id lists. Joining them in SQL would make DuckDB scan the whole evidence table for every page.
    """
    conds, values = list(parts), list(params)
    if after is not None:
        # The plain date bound lets DuckDB skip row groups by min/max; the row comparison is exact.
        ge, gt = ("<=", "<") if newest_first else (">=", ">")
        conds.append(f"e.event_date {ge} ? AND ({', '.join(_ORDER)}) {gt} (?, ?, ?)")
        values += [after[0], *after]
    order = ", ".join(f"{c} DESC" for c in _ORDER) if newest_first else ", ".join(_ORDER)
    sql = f"{_EVENT_SELECT}{_where(conds)} ORDER BY {order} LIMIT {int(limit)}"
    if offset > 0:
        sql += f" OFFSET {int(offset)}"
    rows = store.fetch(sql, values)
    if not rows:
        return []
    article_ids = list(dict.fromkeys(str(r[_COL["article_id"]]) for r in rows))
    articles: dict[str, tuple[Any, ...]] = {}
    evidence: dict[str, list[Evidence]] = {}
    wanted = {str(r[_COL["id"]]) for r in rows}
    for i in range(0, len(article_ids), _IN_CHUNK):
        chunk = article_ids[i:i + _IN_CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for a in store.fetch(f"SELECT id, date, title, outlet, url FROM articles WHERE id IN ({marks})", chunk):
            articles[str(a[0])] = a
        for v in store.fetch(
            f"SELECT {', '.join(R.EVIDENCE_COLS)} FROM evidence WHERE article_id IN ({marks}) ORDER BY event_id, idx",
            chunk,
        ):
            if v[0] in wanted:
                evidence.setdefault(str(v[0]), []).append(R.evidence_from(v))
    found = []
    for r in rows:
        eid, aid = str(r[_COL["id"]]), str(r[_COL["article_id"]])
        key: Key = (_as_date(r[_COL["event_date"]]), aid, int(r[_COL["idx"]]))
        found.append(_Found(R.event_from(r, evidence.get(eid, [])), key, articles[aid]))
    return found


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _encode_cursor(key: Key) -> str:
    raw = json.dumps([key[0].isoformat(), key[1], key[2]], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


_CURSOR_RE = re.compile(r"[A-Za-z0-9_-]{1,512}")


def _decode_cursor(cursor: str) -> Key:
    hint = "pass back the `next` value of the previous page unchanged"
    if not isinstance(cursor, str) or not _CURSOR_RE.fullmatch(cursor):
        raise BadQueryError(f"malformed cursor {cursor!r}: {hint}")
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, article_id, idx = json.loads(raw.decode("utf-8"))
        if not isinstance(day, str) or not isinstance(article_id, str) or type(idx) is not int:
            raise TypeError("wrong field types")
        return dt.date.fromisoformat(day), article_id, idx
    except (ValueError, TypeError, binascii.Error) as e:  # JSON, base64 and date errors are ValueErrors
        raise BadQueryError(f"malformed cursor {cursor!r}: {hint}") from e


def _check_count(name: str, value: int, top: int) -> int:
    if type(value) is not int or not 1 <= value <= top:
        raise BadQueryError(f"{name} must be a whole number from 1 to {top}, got {value!r}")
    return value


# ---- queries ---------------------------------------------------------------------------------


def event_page(store: Store, flt: EventFilter | None = None, *, cursor: str | None = None,
               limit: int = 100) -> EventPage:
    """One page of the events matching `flt`, oldest first (event_date, article, position).

    Keyset pagination: each page starts after the last event of the previous one, so pages stay
    fast deep into a large store and an event is never shown twice or skipped when new articles
    arrive meanwhile (events added before the cursor position are not shown). Raises BadQueryError
    for a malformed cursor, a limit outside 1..MAX_PAGE, or a filter with limit/offset set.
    """
    _check_count("limit", limit, MAX_PAGE)
    flt = flt or EventFilter()
    if flt.limit is not None or flt.offset:
        raise BadQueryError("event_page pages by cursor and limit: leave EventFilter.limit and offset unset")
    after = _decode_cursor(cursor) if cursor is not None else None
    parts, params = _conditions(store, flt)
    found = _fetch_events(store, parts, params, after=after, limit=limit + 1)
    more = len(found) > limit
    found = found[:limit]
    return EventPage([f.item() for f in found], _encode_cursor(found[-1].key) if more and found else None)


def iter_events(store: Store, flt: EventFilter | None = None, *, batch: int = 1000) -> Iterator[EventRow]:
    """Every event matching `flt` in find_events order, read `batch` at a time (keyset pages), so
    memory stays flat however large the store. flt.limit and flt.offset are honoured."""
    _check_count("batch", batch, MAX_BATCH)
    flt = flt or EventFilter()
    parts, params = _conditions(store, flt)
    remaining = None if flt.limit is None else max(int(flt.limit), 0)
    offset = max(int(flt.offset), 0)
    after: Key | None = None
    while remaining is None or remaining > 0:
        size = batch if remaining is None else min(batch, remaining)
        found = _fetch_events(store, parts, params, after=after, limit=size, offset=offset if after is None else 0)
        for f in found:
            yield f.row()
        if len(found) < size:
            return
        after = found[-1].key
        if remaining is not None:
            remaining -= len(found)


def find_events(store: Store, flt: EventFilter | None = None) -> list[EventRow]:
    """Events matching every set field of `flt`, oldest first (event_date, article, position).

    Returns them all: set flt.limit, or use iter_events or event_page, on a large store."""
    return list(iter_events(store, flt))


def dyad_series(
    store: Store, a: str, b: str, *, period: Period = "month", asserted_only: bool = True
) -> list[DyadPoint]:
    """Per period (by event_date, see module doc), events between a and b in either direction:
    counts per QuadClass, goldstein sum and mean. Periods without events are omitted.
    asserted_only (default) drops negated, hypothetical, future and claimed events. One query."""
    if period not in PERIODS:
        raise StoreError(f"unknown period {period!r}; use one of {', '.join(PERIODS)}")
    ka, kb = (_keys(store, _term_actors(t)) for t in _dyad_terms(a, b))
    if ka.sql is None or kb.sql is None:
        return []
    only = " AND e.modality = 'asserted'" if asserted_only else ""
    # Two directions as a UNION ALL (about twice as fast in DuckDB as one OR of both); the second
    # leaves out events the first already counted (when a and b match some actor in common).
    a1, p1 = ka.test("e.actor_key")
    r1, p2 = kb.test("e.recipient_key")
    a2, p3 = kb.test("e.actor_key")
    r2, p4 = ka.test("e.recipient_key")
    pick = "SELECT e.event_date, e.quad_class, e.goldstein FROM events e WHERE"
    matched = (
        f"{pick} {a1} AND {r1}{only} UNION ALL {pick} {a2} AND {r2}{only} AND NOT ({a1} AND {r1})"
    )
    params = p1 + p2 + p3 + p4 + p1 + p2
    cols = ", ".join(_PERIOD_SQL[period])  # from a fixed table: safe to inline
    sql = (
        f"SELECT {cols}, e.quad_class, count(*), sum(e.goldstein) FROM ({matched}) e "
        f"GROUP BY {cols}, e.quad_class"
    )
    width = len(_PERIOD_SQL[period])
    acc: dict[dt.date, list[float]] = {}  # day → [q1, q2, q3, q4, total, goldstein sum]
    for row in store.fetch(sql, params):
        quad, n, gsum = row[width:]
        cell = acc.setdefault(_period_start(period, row[:width]), [0, 0, 0, 0, 0, 0.0])
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


def _actor_id(store: Store, actor: str) -> str | None:
    """The stored id an actor term names: an id (case-insensitive), else an exact name."""
    term = actor.strip().lower()
    if not term:
        return None
    for column in ("id", "name"):
        found = store.fetch(
            f"SELECT DISTINCT k.id FROM actors k WHERE lower(k.{column}) = ? AND k.id IS NOT NULL "
            "ORDER BY k.id LIMIT 1",
            (term,),
        )
        if found:
            return str(found[0][0])
    return None


def actor_profile(store: Store, actor: str, *, top: int = 10) -> ActorProfile | None:
    """The profile of the actor whose id (case-insensitive) or else name (exact, case-insensitive)
    is `actor`, or None when no event involves it. `top` bounds partners and latest events."""
    _check_count("top", top, MAX_PAGE)
    actor_id = _actor_id(store, actor)
    if actor_id is None:
        return None
    keys = _keys(store, ("SELECT k.actor_key FROM actors k WHERE k.id = ?", [actor_id]))
    as_actor, _ = keys.test("e.actor_key")  # params: both, in this order
    as_recipient, _ = keys.test("e.recipient_key")
    involved, both = _either(keys)
    total, asserted = store.fetch(
        f"SELECT count(*), sum(CASE WHEN e.modality = 'asserted' THEN 1 ELSE 0 END) FROM events e WHERE {involved}",
        both,
    )[0]
    if not total:
        return None
    partners = store.fetch(
        "SELECT p.id, p.name, p.country, count(*) AS n FROM ("
        f"SELECT e.recipient_key AS pk FROM events e WHERE {as_actor} AND e.modality = 'asserted' "
        f"UNION ALL SELECT e.actor_key FROM events e WHERE {as_recipient} AND e.modality = 'asserted'"
        ") t JOIN actors p ON p.actor_key = t.pk "
        "GROUP BY p.id, p.name, p.country ORDER BY n DESC, p.id, p.name, p.country LIMIT ?",
        [*both, top],
    )
    month = ", ".join(_PERIOD_SQL["month"])
    months: dict[dt.date, dict[str, int]] = {}
    for y, m, kind, n in store.fetch(
        f"SELECT {month}, e.event, count(*) FROM events e WHERE {involved} AND e.modality = 'asserted' "
        f"GROUP BY {month}, e.event",
        both,
    ):
        counts = months.setdefault(_period_start("month", (y, m)), {})
        counts[str(kind)] = int(n)
    latest = _fetch_events(store, [involved], both, after=None, limit=top, newest_first=True)
    newest = latest[0].event
    me = next(a for a in (newest.actor, newest.recipient) if a is not None and a.id == actor_id)
    return ActorProfile(
        id=actor_id, name=me.name, country=me.country, sector=me.sector, events=int(total),
        asserted=int(asserted or 0),
        partners=tuple(Partner(r[0], r[1], r[2], int(r[3])) for r in partners),
        timeline=tuple(MonthTypes(day, dict(sorted(counts.items()))) for day, counts in sorted(months.items())),
        latest=tuple(f.item() for f in latest),
    )


SNIPPET = 160  # characters of text shown around a search hit


def search_articles(store: Store, q: str, *, limit: int = 20) -> list[ArticleHit]:
    """Articles whose title or text contains every word of `q` (case-insensitive substrings), newest
    first, with a snippet around the first hit in the text. Scans the articles (no full-text index),
    stopping at `limit` hits. Raises BadQueryError for a query without words or a bad limit."""
    _check_count("limit", limit, MAX_PAGE)
    terms = list(dict.fromkeys(w.lower() for w in q.split()))
    if not terms:
        raise BadQueryError("a search needs at least one word")
    if len(terms) > MAX_TERMS:
        raise BadQueryError(f"a search takes at most {MAX_TERMS} words, got {len(terms)}")
    conds = " AND ".join("(strpos(lower(a.title), ?) > 0 OR strpos(lower(a.text), ?) > 0)" for _ in terms)
    rows = store.fetch(
        f"SELECT a.id, a.date, a.title, a.outlet, a.text FROM articles a WHERE {conds} "
        "ORDER BY a.date DESC, a.id LIMIT ?",
        [*(t for t in terms for _ in range(2)), limit],
    )
    if not rows:
        return []
    ids = [str(r[0]) for r in rows]
    marks = ", ".join("?" for _ in ids)
    counts = dict(store.fetch(
        f"SELECT article_id, count(*) FROM events WHERE article_id IN ({marks}) GROUP BY article_id", ids
    ))
    return [
        ArticleHit(str(r[0]), _as_date(r[1]), r[2], r[3], snippet(str(r[4]), terms), int(counts.get(r[0], 0)))
        for r in rows
    ]


def snippet(text: str, terms: Sequence[str], width: int = SNIPPET) -> str:
    """About `width` characters of `text` around the first occurrence of any term (case-insensitive),
    cut at word boundaries, with "…" where text was left out; the start of the text if none occurs."""
    m = re.search("|".join(re.escape(t) for t in terms), text, re.IGNORECASE) if terms else None
    start = max(0, (m.start() if m else 0) - width // 3)
    end = min(len(text), start + width)
    if start > 0:  # do not start inside a word
        space = text.find(" ", start, m.start() if m else end)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    body = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


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
    # `actors` holds every actor and recipient slot ever stored, so this needs no scan of events.
    stats["actors"] = int(store.fetch("SELECT count(DISTINCT id) FROM actors WHERE id IS NOT NULL")[0][0])
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
    _check_count("limit", limit, MAX_PAGE)
    rows = store.fetch(
        "SELECT text, count(*) AS n, count(DISTINCT article_id) AS a, max(actor_country), max(actor_sector), "
        "max(actor_kind) FROM mentions WHERE actor_id IS NULL AND how NOT IN ('coref', 'role') "
        "GROUP BY text ORDER BY n DESC, text LIMIT ?",
        (limit,),
    )
    return [UnresolvedName(str(r[0]), int(r[1]), int(r[2]), r[3], r[4], r[5]) for r in rows]
