"""PLOVER JSON records (one per line), with the field names of the PLOVER manual's "Data Fields"
chapter (table "PLOVER JSON"; entities per "Information object for entities", citations per
"Information object for citations", place per "Location object").

Every record carries every core field, null where detente does not know it; detente's own fields
(modality, claimed_by, cameo, goldstein, where, when, confidence, ...) follow them.
"""

from __future__ import annotations

import re
from typing import Any

from detente import __version__
from detente.query import EVIDENCE_SEP, EventRow

# The PLOVER JSON table, in the manual's order.
PLOVER_CORE_FIELDS: tuple[str, ...] = (
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
    "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
    "coder", "coded_date", "coded_time", "comment",
)
CODER = f"detente {__version__}"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def plover_record(e: EventRow) -> dict[str, Any]:
    """One event as a PLOVER JSON object (core fields first, then detente's extras)."""
    core: dict[str, Any] = {
        "id": e.id,
        "has_event": True,
        "date": e.event_date.isoformat(),
        "time": None,
        "enddate": _enddate(e),
        "endtime": None,
        "actor": _entities(e.actor_country, e.actor_sector, e.actor_text, e.actor_id, e.actor_name),
        "recipient": _entities(
            e.recipient_country, e.recipient_sector, e.recipient_text, e.recipient_id, e.recipient_name
        ),
        "event": [e.event],
        "event_loc": _location(e),
        "event_text": e.evidence.split(EVIDENCE_SEP) if e.evidence else None,
        "quad_code": e.quad_class,
        "event_scale": None,  # PLOVER's own scale is not computed; the Goldstein score is under "goldstein"
        "mode": [e.mode] if e.mode else None,
        "context": list(e.context) or None,
        "link": None,
        "text": None,  # the article's text is not ours to republish; event_text holds the evidence
        "text_info": None,
        "cite_info": {
            "citation": e.article_id,
            "url": e.article_url,
            "title": e.article_title,
            "publication": e.article_outlet,
            "coder": CODER,
        },
        "coder": CODER,
        "coded_date": None,
        "coded_time": None,
        "comment": None,
    }
    extras: dict[str, Any] = {
        "article_id": e.article_id,
        "article_date": e.article_date.isoformat(),
        "modality": e.modality,
        "claimed_by": _claimant(e),
        "reciprocal": e.reciprocal,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "when": {"start": e.when_start, "end": e.when_end, "granularity": e.when_granularity, "text": e.when_text},
        "where": (
            {"name": e.where_name, "country": e.where_country, "lat": e.where_lat, "lon": e.where_lon}
            if e.where_name or e.where_country else None
        ),
        "confidence": e.confidence,
        "trigger": e.trigger,
    }
    return core | extras


def _enddate(e: EventRow) -> str | None:
    # Only a full day is a PLOVER date; "2023-06" (a month) stays in "when".
    if e.when_end and _DAY.fullmatch(e.when_end[:10]) and e.when_end[:10] != e.event_date.isoformat():
        return e.when_end[:10]
    return None


def _entities(
    code: str | None, sector: str | None, text: str | None, ident: str | None, name: str | None
) -> list[dict[str, Any]] | None:
    if not any((code, sector, text, ident, name)):
        return None
    return [{"code": code, "sector": sector, "entity_text": text, "identifier_id": ident, "identifier_text": name}]


def _location(e: EventRow) -> dict[str, Any] | None:
    if not e.where_name and not e.where_country:
        return None
    return {
        "extracted_place": e.where_name,
        "lat": e.where_lat,
        "lon": e.where_lon,
        "country_code": e.where_country,
    }


def _claimant(e: EventRow) -> dict[str, Any] | None:
    if not any((e.claimed_by_id, e.claimed_by_name, e.claimed_by_country)):
        return None
    return {"id": e.claimed_by_id, "name": e.claimed_by_name, "country": e.claimed_by_country}
