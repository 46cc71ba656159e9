"""Read endpoints: events, dyad series, actors, articles, search and stats (JSON only).

Handlers are plain `def`s: FastAPI runs them in its thread pool and the store's lock serialises them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Collection
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.encoders import jsonable_encoder

from detente.api.deps import get_store
from detente.api.errors import error_responses, invalid
from detente.errors import NotFoundError
from detente.models import MODALITIES, PLOVER_TYPES, AnalyzedArticle
from detente.query import (
    MAX_PAGE,
    BadQueryError,
    EventFilter,
    actor_profile,
    article_view,
    dyad_series,
    event_page,
    search_articles,
    store_stats,
)
from detente.store.base import Store

MAX_SEARCH = 100
MAX_TOP = 100
_ISO3 = re.compile(r"[A-Za-z]{3}")

router = APIRouter(prefix="/api")
StoreDep = Annotated[Store, Depends(get_store)]


class Interval(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


def _date(param: str, value: str | None) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise invalid(param, f"{param} must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def _dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise invalid("dyad", f"dyad must be two comma-separated actors, e.g. RUS,BLR; got {value!r}")
    return parts[0], parts[1]


def _choice(param: str, value: str | None, allowed: Collection[str], *, upper: bool, what: str) -> str | None:
    """A blank value is no filter; anything else must be one of `allowed` (case-insensitive)."""
    word = _opt(value)
    if word is None:
        return None
    word = word.upper() if upper else word.lower()
    if word not in allowed:
        raise invalid(param, f"unknown {what} {value!r}; use one of {', '.join(allowed)}")
    return word


def _modality(value: str | None) -> str | None:
    return _choice("modality", value, MODALITIES, upper=False, what="modality")


def _event(value: str | None) -> str | None:
    return _choice("event", value, PLOVER_TYPES, upper=True, what="PLOVER event type")


def _country(value: str | None) -> str | None:
    word = _opt(value)
    if word is not None and not _ISO3.fullmatch(word):
        raise invalid("country", f"country must be an ISO 3166-1 alpha-3 code such as RUS, got {value!r}")
    return word.upper() if word else None


def _opt(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def jsonable(obj: Any) -> Any:
    """A query-layer record as JSON: its own to_json() when it has one, else its fields."""
    to_json = getattr(obj, "to_json", None)
    if callable(to_json):
        return to_json()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return jsonable_encoder(dataclasses.asdict(obj))
    return jsonable_encoder(obj)


@router.get(
    "/events",
    summary="Events matching every given filter, oldest first, one page at a time",
    responses=error_responses(400),
)
def list_events(
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Actor or recipient: id, name or ISO3 country.")] = None,
    dyad: Annotated[str | None, Query(description="Two actors, either direction, e.g. `RUS,BLR`.")] = None,
    country: Annotated[str | None, Query(description="ISO3 country of the actor or the recipient.")] = None,
    sector: Annotated[str | None, Query(description="Sector of the actor or the recipient, e.g. GOV.")] = None,
    event: Annotated[str | None, Query(description=f"PLOVER type: {', '.join(PLOVER_TYPES)}.")] = None,
    modality: Annotated[str | None, Query(description=f"One of {', '.join(MODALITIES)}.")] = None,
    since: Annotated[str | None, Query(description="Event date on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Event date on or before (YYYY-MM-DD).")] = None,
    place: Annotated[str | None, Query(description="Where the event happened: place name or ISO3 country.")] = None,
    article: Annotated[str | None, Query(description="Only events of this article id.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size (1-1000).")] = 100,
    cursor: Annotated[str | None, Query(description="The `next` value of the previous page.")] = None,
) -> dict[str, Any]:
    """`{"items": [EVENT...], "next": cursor|null}`: each item is an event of the JSON contract plus
    `article_id` and `article_date`. Pass `next` back as `cursor` for the following page."""
    first, last = _date("since", since), _date("until", until)
    if first and last and last < first:
        raise invalid("until", f"until ({last}) is before since ({first})")
    flt = EventFilter(
        actor=_opt(actor),
        dyad=_dyad(dyad),
        country=_country(country),
        sector=_opt(sector),
        event=_event(event),
        modality=_modality(modality),
        since=first,
        until=last,
        place=_opt(place),
        article_id=_opt(article),
    )
    try:
        page = event_page(store, flt, cursor=cursor or None, limit=limit)
    except BadQueryError as exc:
        if cursor:
            raise invalid("cursor", f"bad cursor: {exc}") from None
        raise
    return {"items": page.items, "next": page.next}


@router.get(
    "/dyads/{a}/{b}/series",
    summary="Events between two actors per period: QuadClass counts and Goldstein sum and mean",
    responses=error_responses(400),
)
def dyad_series_endpoint(
    store: StoreDep,
    a: Annotated[str, Path(description="First actor: id, name or ISO3 country.")],
    b: Annotated[str, Path(description="Second actor.")],
    interval: Annotated[Interval, Query(description="Period length.")] = Interval.month,
    all_modalities: Annotated[bool, Query(description="Count every modality, not only asserted events.")] = False,
) -> dict[str, Any]:
    """Periods without events are left out; `period` is the first day of the period."""
    if not a.strip() or not b.strip():
        raise invalid("dyad", "a dyad needs two non-blank actors")
    points = dyad_series(store, a.strip(), b.strip(), period=interval.value, asserted_only=not all_modalities)
    return {
        "a": a.strip(),
        "b": b.strip(),
        "interval": interval.value,
        "asserted_only": not all_modalities,
        "items": [
            {
                "period": p.period.isoformat(),
                "events": p.total,
                "quad_class_counts": {"1": p.quad1, "2": p.quad2, "3": p.quad3, "4": p.quad4},
                "goldstein_sum": p.goldstein_sum,
                "goldstein_mean": p.goldstein_mean,
            }
            for p in points
        ],
    }


@router.get("/actors/{actor_id}", summary="An actor's profile", responses=error_responses(400, 404))
def actor_endpoint(
    store: StoreDep,
    actor_id: Annotated[str, Path(description="Actor id, name or ISO3 country.")],
    top: Annotated[int, Query(ge=1, le=MAX_TOP, description="How many top partners/events to list.")] = 10,
) -> dict[str, Any]:
    profile = actor_profile(store, actor_id, top=top) if actor_id.strip() else None
    if profile is None:
        raise NotFoundError(f"no actor {actor_id!r} in the store")
    result: dict[str, Any] = jsonable(profile)
    return result


@router.get(
    "/articles/{article_id}",
    summary="An article as the JSON contract, plus highlights into its text",
    responses=error_responses(404),
)
def article_endpoint(
    store: StoreDep,
    article_id: Annotated[str, Path(description="Article id or an unambiguous prefix (4+ characters).")],
) -> dict[str, Any]:
    """The AnalyzedArticle JSON contract plus `highlights`: `[{start, end, kind, label}]` sorted by position,
    kind one of evidence, repair, mention, quote; offsets index the original `text`."""
    view = article_view(store, article_id)
    analyzed = AnalyzedArticle(
        article=view.article, repairs=view.repairs, mentions=view.mentions, quotes=view.quotes, events=view.events
    )
    body = analyzed.to_json()
    body["highlights"] = [dataclasses.asdict(h) for h in view.highlights()]
    return body


@router.get("/search", summary="Full-text search over stored articles", responses=error_responses(400))
def search_endpoint(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to look for.")],
    limit: Annotated[int, Query(ge=1, le=MAX_SEARCH, description="At most this many hits (1-100).")] = 20,
) -> dict[str, Any]:
    if not q.strip():
        raise invalid("q", "q must not be blank")
    try:
        hits = search_articles(store, q.strip(), limit=limit)
    except BadQueryError as exc:  # the limit is checked above: what is left is about q
        raise invalid("q", exc.message) from None
    return {"items": [jsonable(hit) for hit in hits]}


@router.get("/stats", summary="Row counts of the store")
def stats_endpoint(store: StoreDep) -> dict[str, int]:
    return store_stats(store)


