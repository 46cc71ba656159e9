"""The event's time: the nearest date expression in the event's clause, normalised to an interval.

Rules first for what dateparser cannot do (decades, "the late 1990s", "in recent years", bare years,
weekdays read as the latest such day on or before publication, the news convention); dateparser for
the rest. With nothing usable the event gets the publication date with granularity `publication`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from detente.events.syntax import Tree
from detente.models import ParsedDoc, Token, When

YEAR = re.compile(r"^(?:in |since |during |by |until )?(?:the )?(?:year )?((?:19|20)\d\d)$")
DECADE = re.compile(r"^(?:in |during |since )?(?:the )?(?:(early|mid|late)[- ])?((?:19|20)\d)0'?s$")
MONTH_YEAR = re.compile(r"^(?:in )?([a-z]+) ((?:19|20)\d\d)$")
RECENT = re.compile(r"(?:recent|last|past) (?:few |several |couple of )?(years|months|weeks|decades?)")
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
UNDATED_DATE_WORDS = frozenset({"today", "now", "currently", "present"})


def publication_when(published: dt.date) -> When:
    iso = published.isoformat()
    return When(iso, iso, "publication", None)


def event_when(tree: Tree, trigger: Token, published: dt.date, *, dateparse: Any = None) -> When:
    """The time of the event stated at `trigger`, else the publication date."""
    doc: ParsedDoc = tree.doc
    candidates = [
        e for e in doc.entities if e.label == "DATE" and doc.tokens[e.token_start].sentence == trigger.sentence
    ]
    if not candidates:
        return publication_when(published)
    scopes = [set(tree.subtree(trigger.i))] + [set(tree.subtree(g.i)) for g in tree.ancestors(trigger.i)]
    for scope in scopes:
        for entity in candidates:
            if entity.token_start in scope:
                found = normalise(entity.text, published, dateparse=dateparse)
                if found is not None:
                    return found
    return publication_when(published)


def normalise(text: str, published: dt.date, *, dateparse: Any = None) -> When | None:
    """An interval for a date expression, relative to the publication date; None when not a time point."""
    phrase = " ".join(text.lower().split())
    if match := YEAR.match(phrase):
        year = match.group(1)
        return When(year, year, "year", text)
    if match := DECADE.match(phrase):
        return _decade(match.group(1), int(match.group(2)) * 10, text)
    if match := RECENT.search(phrase):
        unit = match.group(1)
        if unit.startswith(("year", "decade")):
            years = 3 if unit == "years" else 10 * (2 if unit == "decades" else 1)
            return When(str(published.year - years), published.isoformat(), "years", text)
        days = {"months": 90, "weeks": 21}[unit]
        return When((published - dt.timedelta(days=days)).isoformat(), published.isoformat(), unit, text)
    if (match := MONTH_YEAR.match(phrase)) and match.group(1) in MONTHS:
        year, month = int(match.group(2)), MONTHS[match.group(1)]
        last = calendar.monthrange(year, month)[1]
        return When(f"{year:04d}-{month:02d}", f"{year:04d}-{month:02d}-{last:02d}", "month", text)
    words = phrase.replace("on ", "").replace("last ", "").strip()
    if words in WEEKDAYS:
        back = (published.weekday() - WEEKDAYS[words]) % 7
        day = (published - dt.timedelta(days=back)).isoformat()
        return When(day, day, "day", text)
    if phrase in {"yesterday"}:
        day = (published - dt.timedelta(days=1)).isoformat()
        return When(day, day, "day", text)
    if phrase in UNDATED_DATE_WORDS or not dateparse:
        return None
    return _parsed(phrase, published, dateparse, text)


def _decade(part: str | None, start: int, text: str) -> When:
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(part or "", (0, 9))
    return When(str(start + first), str(start + last), "decade" if part is None else "years", text)


def _parsed(phrase: str, published: dt.date, dateparse: Any, text: str) -> When | None:
    # Durations ("two years", "48 hours") are not points in time.
    if not re.search(
        r"\d{4}|ago|last|next|this|january|february|march|april|may|june|july|august|"
        r"september|october|november|december",
        phrase,
    ):
        return None
    base = dt.datetime.combine(published, dt.time(12))
    parsed = dateparse(phrase, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
    if parsed is None:
        return None
    day = parsed.date()
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", phrase)) or "ago" in phrase
    if has_day:
        return When(day.isoformat(), day.isoformat(), "day", text)
    last = calendar.monthrange(day.year, day.month)[1]
    return When(f"{day.year:04d}-{day.month:02d}", f"{day.year:04d}-{day.month:02d}-{last:02d}", "month", text)
