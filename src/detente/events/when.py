"""The event's time: the time expression nearest the trigger in the parse, normalised to an interval.

Every interval is relative to the publication date, the news convention: "Wednesday" is the latest
Wednesday on or before publication (the next one for a future event), "last week" the calendar week
before, "in recent years" the last three years up to publication. Rules cover what dateparser cannot
(decades, seasons, parts of years and months, quarters, vague periods, granularity); dateparser is the
fallback for other date entities. Dated events named in the text ("after the 2020 Belarusian
election", "with the outbreak of war") resolve through the anchor table (data/time_anchors.yaml).
With nothing usable the event gets the publication date with granularity `publication`.

Granularity names the precision of the bounds: day, week, month, quarter, season, year, years
(a span of several years), decade. Bounds are ISO prefixes ("2020", "2020-08", "2020-08-09").
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import weakref
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from detente.events.anchors import AnchorTable, Resolved, default_anchors
from detente.events.modality import is_reported
from detente.events.syntax import Tree
from detente.models import Token, When

# A bare mention of a dated event ("helped resolve the rebellion of Prigozhin") dates the event
# only when the anchor ended this recently before publication: news about it is still news.
RECENT_ANCHOR_DAYS = 45
# Clauses whose time expressions date their own verb, not the trigger above them.
OTHER_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "csubj", "acl", "parataxis", "pcomp"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# A time expression modifying a noun ("the 2020 election") dates that noun only.
MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "poss", "nmod"})
GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "years": 5, "decade": 6}

_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a couple of": 2,
    "couple of": 2,
    "a few": 3,
    "few": 3,
    "some": 3,
    "several": 5,
    "many": 10,
}
_VAGUE = {"a few": (2, 5), "few": (2, 5), "several": (3, 7), "some": (2, 7), "many": (5, 20)}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first month (meteorological)
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}

# Regex fragments over lower-cased text with single spaces.
MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
MONTH_ANY = MONTH[:-1] + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
YEAR = r"(?:1[89]\d\d|20\d\d)"
YEAR_REF = rf"(?:{YEAR}|this year|last year|next year|the year)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAYPART = r"(?: (?:morning|afternoon|evening|night))?"
NUM = (
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|(?:a )?couple of|(?:a )?few|some|several|many)"
)
PART = r"(?:early|mid|middle|late|the (?:beginning|start|end|middle) of|the (?:first|second|latter) half of)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
PREPOSITIONS = (
    "in the wake of",
    "in the aftermath of",
    "in the run-up to",
    "in the course of",
    "ever since",
    "prior to",
    "ahead of",
    "as of",
    "up to",
    "since",
    "after",
    "following",
    "before",
    "until",
    "till",
    "by",
    "from",
    "in",
    "on",
    "at",
    "during",
    "throughout",
    "over",
    "for",
    "with",
    "amid",
    "amidst",
    "around",
    "upon",
    "within",
    "starting",
)
_MODE = {
    "in the wake of": "since",
    "in the aftermath of": "since",
    "ever since": "since",
    "since": "since",
    "after": "since",
    "following": "since",
    "from": "since",
    "starting": "since",
    "in the run-up to": "until",
    "prior to": "until",
    "ahead of": "until",
    "up to": "until",
    "before": "until",
    "until": "until",
    "till": "until",
    "by": "until",
    "for": "span",
    "over": "over",
    "with": "around",
    "upon": "around",
    "on": "around",
    "at": "around",
}

_R = {
    "day_word": rf"(?:(?:the day (?:before|after) )?(?:yesterday|tomorrow){DAYPART}|today|tonight|"
    r"this (?:morning|afternoon|evening)|last night|(?:earlier|later) today)",
    "weekday": rf"(?:(last|this|next|past|on) )?({WEEKDAY}){DAYPART}",
    "iso": rf"({YEAR})-(\d\d)-(\d\d)",
    "dmy": rf"(?:{WEEKDAY},? )?(?:the )?({DAY}) (?:of )?({MONTH_ANY})(?:,? ({YEAR}))?",
    "mdy": rf"(?:{WEEKDAY},? )?({MONTH_ANY}) ({DAY})(?:,? ({YEAR}))?",
    "year_range": rf"(?:from |between )?({YEAR}) ?(?:-|–|to|and|until|through) ?({YEAR}|\d\d)(?!\d)",
    "part_year": rf"({PART})[- ]?({YEAR_REF})",
    "part_rel": r"(earlier|later) this (week|month|year)",
    "quarter": rf"(this|last|next|the previous|the current|the coming) quarter|"
    rf"(?:the )?({'|'.join(_ORDINALS)}) quarter(?: of ({YEAR_REF}))?|q([1-4])(?:,? ({YEAR}))?|"
    rf"({YEAR}),? q([1-4])",
    # Two-digit decades only as "the 90s", "'90s", "the early 90s" ("in his 20s" is an age).
    "decade": r"(?:the )?(?:(early|mid|late)[- ]?|(first|second|latter) half of (?:the )?)?"
    r"('\d0|1[5-9]\d0|20\d0|(?<=the )\d0|(?<=mid-)\d0|(?<=late )\d0|(?<=early )\d0)'?s",
    "season": rf"(?:(early|mid|late|this|last|next|the)[- ])?(?:the )?({SEASON})"
    rf"(?: (?:of )?({YEAR}(?:[-/]\d\d)?|this year|last year|next year))?",
    "month": rf"(?:({PART})[- ]?)?({MONTH})(?:,? (?:of )?({YEAR_REF}))?",
    "relative": r"(?:the )?(last|this|next|past|previous|coming|current) (week|month|year|weekend|decade)",
    "weekend": r"(?:the )?weekend",
    "ago": rf"({NUM}) (day|week|month|year|decade)s? (?:ago|earlier|before)",
    "recent": rf"(?:the )?(?:(?:recent|last|past|previous|preceding)(?: ({NUM}))?|recent) "
    r"(day|week|month|year|decade)s",
    "duration": rf"(?:({NUM}) )?(day|week|month|year|decade)s",
    "year": rf"(?:the )?(?:year )?({YEAR})",
}
RULES = {name: re.compile(source) for name, source in _R.items()}
_PREP = re.compile(r"(" + "|".join(re.escape(p) for p in PREPOSITIONS) + r") (.+)")
_PREP_TAIL = re.compile(r"(?:^|(?<=\s))(" + "|".join(re.escape(p) for p in PREPOSITIONS) + r") $")
_NOT_OF = rf"(?! of (?!{YEAR}))"
# Text patterns that find time expressions in running text (a bare year only when spaCy tagged it a
# DATE or a preposition precedes it; seasons only after a determiner, preposition or before a year).
FINDER = re.compile(
    r"\b(?:"
    + "|".join(
        [
            _R["iso"],
            _R["dmy"],
            _R["mdy"],
            _R["year_range"],
            _R["part_year"],
            _R["part_rel"],
            _R["quarter"],
            _R["decade"],
            _R["ago"],
            _R["recent"],
            _R["relative"],
            _R["day_word"],
            _R["weekday"],
            rf"(?:(?:early|mid|late|this|last|next|the)[- ](?:the )?){SEASON}(?: (?:of )?{YEAR}|{_NOT_OF})",
            rf"{SEASON} (?:of )?{YEAR}",
            rf"(?:(?<=\bin )|(?<=\bduring )|(?<=\bsince )|(?<=\bby )|(?<=\buntil )){SEASON}{_NOT_OF}",
            _R["month"],
            _R["weekend"],
            _R["duration"],
            _R["year"],
        ]
    )
    + r")(?![\w-])"
)
_NOT_A_TIME = frozenset({"now", "currently", "present", "the present", "so far", "yet", "nowadays"})
_DATEPARSER_CUE = re.compile(rf"\b(?:\d{{4}}|ago|{MONTH_ANY}|{WEEKDAY}|fortnight)\b|\d{{1,2}}/\d{{1,2}}")


def publication_when(published: dt.date) -> When:
    iso = published.isoformat()
    return When(iso, iso, "publication", None)


# ---------------------------------------------------------------------------------------------------
# Normalising one expression


@dataclass(frozen=True, slots=True)
class Reading:
    """What a time expression says: its interval with the preposition applied, and without it."""

    when: When
    core: When  # "the 2020 election" in "after the 2020 election, when ...": the time of the noun itself
    anchor: Resolved | None = None
    bare: bool = True  # no preposition


def normalise(
    text: str,
    published: dt.date,
    *,
    dateparse: Any = None,
    context: Collection[str] = (),
    future: bool = False,
    anchors: AnchorTable | None = None,
) -> When | None:
    """An interval for a date expression, relative to the publication date; None when not a time point.

    `context`: words of the article, for anchors named vaguely ("the outbreak of war"). `future`: the
    event lies ahead, so "on Friday" is the next Friday rather than the last.
    """
    reading = read_time(
        text,
        published,
        dateparse=dateparse,
        sentence_words=context,
        article_words=context,
        future=future,
        anchors=anchors,
    )
    return reading.when if reading else None


def read_time(
    text: str,
    published: dt.date,
    *,
    dateparse: Any = None,
    sentence_words: Collection[str] = (),
    article_words: Collection[str] = (),
    future: bool = False,
    anchors: AnchorTable | None = None,
) -> Reading | None:
    phrase = _clean(text)
    if not phrase or phrase in _NOT_A_TIME:
        return None
    if RULES["year_range"].fullmatch(phrase):  # "from 2014 to 2016" before "from" means since
        found = _rule(phrase, published, future)
        return Reading(_with_text(found, text), _with_text(found, text)) if found else None
    mode, core = "at", phrase
    if match := _PREP.fullmatch(phrase):
        mode, core = _MODE.get(match.group(1), "at"), match.group(2)
        if mode in {"since", "until"} and (inner := _PREP.fullmatch(core)):  # "beginning in 2020"
            core = inner.group(2)
    point = _rule(core, published, future)
    bare = core == phrase
    if mode == "over":  # "over the weekend" is a time; "over two decades" a span up to publication
        mode = "at" if point is not None else "span"
    if point is None and mode == "span":
        span = None if future else _duration(core, published)
        if span is not None:
            return Reading(_with_text(span, text), _with_text(span, text), None, False)
        mode, bare = "at", True  # "as for Prigozhin's rebellion": not a time preposition here
    if point is not None:
        return _apply(mode, point, published, text)
    resolved = (anchors or default_anchors()).resolve(core, published, sentence_words, article_words)
    if resolved is not None:
        anchor = resolved.anchor
        exact = When(anchor.start, anchor.end, _granularity(anchor.start), text)
        around = When(anchor.start[:7], anchor.end[:7], _granularity(anchor.start[:7]), text)
        when: When | None = {
            "at": exact,
            "around": around,
            "since": When(anchor.start[:7], published.isoformat(), _granularity(anchor.start[:7]), text),
        }.get(mode)
        return Reading(when, around, resolved, bare) if when else None
    if dateparse and mode != "span":
        parsed = _parsed(core, published, dateparse, future)
        if parsed is not None:
            return _apply(mode, parsed, published, text)
    return None


def _apply(mode: str, point: When, published: dt.date, text: str) -> Reading | None:
    core = _with_text(point, text)
    if mode in {"at", "around"}:
        return Reading(core, core, None, False)
    if mode == "since":
        end = published.isoformat() if (point.start or "") <= published.isoformat() else None
        return Reading(When(point.start, end, point.granularity, text), core, None, False)
    return None  # "before 2020", "by 2030", "for 2024": no start for the event


def _with_text(when: When, text: str) -> When:
    return When(when.start, when.end, when.granularity, text)


def _clean(text: str) -> str:
    phrase = " ".join(text.lower().replace("’", "'").replace("‘", "'").split())
    return phrase.strip(' ,.;:()[]"“”')


def _granularity(iso: str) -> str:
    return {4: "year", 7: "month"}.get(len(iso), "day")


@lru_cache(maxsize=16384)
def _rule(core: str, published: dt.date, future: bool) -> When | None:
    """The rules, in order; a When with text None (the caller adds its own text)."""
    for name, handler in _HANDLERS:
        match = RULES[name].fullmatch(core)
        if match:
            found = handler(match, published, future)
            if found is not None:
                return found
    return None


def _day(day: dt.date) -> When:
    return When(day.isoformat(), day.isoformat(), "day", None)


def _span(start: dt.date, end: dt.date, granularity: str) -> When:
    return When(start.isoformat(), end.isoformat(), granularity, None)


def _months(y1: int, m1: int, y2: int, m2: int, granularity: str) -> When:
    return When(f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}", granularity, None)


def _shift(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _year_ref(ref: str | None, published: dt.date) -> int | None:
    if not ref:
        return None
    if ref.isdigit():
        return int(ref)
    return published.year + {"this year": 0, "the year": 0, "last year": -1, "next year": 1}[ref]


def _number(word: str | None, default: int) -> int:
    if not word:
        return default
    return int(word) if word.isdigit() else _NUMBERS.get(word, default)


def _day_word(m: re.Match[str], published: dt.date, future: bool) -> When:
    phrase = m.group(0)
    offset = 0
    if phrase.startswith("the day before"):
        offset = -2
    elif phrase.startswith("the day after"):
        offset = 2
    elif phrase.startswith("yesterday") or phrase == "last night":
        offset = -1
    elif phrase.startswith("tomorrow"):
        offset = 1
    return _day(published + dt.timedelta(days=offset))


def _weekday(m: re.Match[str], published: dt.date, future: bool) -> When:
    which, day = m.group(1), _WEEKDAYS[m.group(2)]
    if which == "next" or (future and which != "last" and which != "past"):
        ahead = (day - published.weekday()) % 7
        return _day(published + dt.timedelta(days=ahead or (7 if which == "next" else 0)))
    back = (published.weekday() - day) % 7
    return _day(published - dt.timedelta(days=back or (7 if which in {"last", "past"} else 0)))


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(m: re.Match[str], published: dt.date, future: bool) -> When | None:
    found = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return _day(found) if found else None


def _day_month(day: str, month: str, year: str | None, published: dt.date, future: bool) -> When | None:
    d, mo = int(re.sub(r"\D", "", day)), _MONTHS[month.rstrip(".")]
    if year:
        found = _date(int(year), mo, d)
        return _day(found) if found else None
    for shift in (0, 1) if future else (0, -1):
        found = _date(published.year + shift, mo, d)
        if found and (found >= published if future else found <= published):
            return _day(found)
    return None


def _dmy(m: re.Match[str], published: dt.date, future: bool) -> When | None:
    return _day_month(m.group(1), m.group(2), m.group(3), published, future)


def _mdy(m: re.Match[str], published: dt.date, future: bool) -> When | None:
    return _day_month(m.group(2), m.group(1), m.group(3), published, future)


def _year_range(m: re.Match[str], published: dt.date, future: bool) -> When | None:
    first, last = m.group(1), m.group(2)
    if len(last) == 2:
        last = first[:2] + last
    return When(first, last, "years", None) if last > first else None


_THIRDS = {
    "early": (1, 4),
    "beginning": (1, 4),
    "start": (1, 4),
    "mid": (5, 8),
    "middle": (5, 8),
    "late": (9, 12),
    "end": (9, 12),
    "first": (1, 6),
    "second": (7, 12),
    "latter": (7, 12),
}


def _part_key(part: str) -> str:
    words = part.replace("the ", "").replace(" of", "").replace(" half", "").split()
    return words[0]


def _part_year(m: re.Match[str], published: dt.date, future: bool) -> When | None:
    year = _year_ref(m.group(2), published)
    if year is None:
        return None
    first, last = _THIRDS[_part_key(m.group(1))]
    return _months(year, first, year, last, "season")


def _part_rel(m: re.Match[str], published: dt.date, future: bool) -> When:
    earlier, unit = m.group(1) == "earlier", m.group(2)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        return _span(monday, published, "week") if earlier else _span(published, monday + dt.timedelta(6), "week")
    if unit == "month":
        month = f"{published.year:04d}-{published.month:02d}"
        return (
            When(month, published.isoformat(), "month", None)
            if earlier
            else When(published.isoformat(), month, "month", None)
        )
    year = str(published.year)
    return (
        When(year, published.isoformat(), "year", None)
        if earlier
        else When(f"{published.year:04d}-{published.month:02d}", year, "year", None)
    )


def _quarter(m: re.Match[str], published: dt.date, future: bool) -> When | None:
    current = (published.month - 1) // 3 + 1
    if m.group(1):  # this / last / next quarter
        shift = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1, "the coming": 1}[m.group(1)]
        y, month = _shift(published.year, (current - 1) * 3 + 1, 3 * shift)
        return _months(y, month, y, month + 2, "quarter")
    if m.group(2):
        quarter, year = _ORDINALS[m.group(2)], _year_ref(m.group(3), published)
    elif m.group(4):
        quarter, year = int(m.group(4)), _year_ref(m.group(5), published)
    else:
        quarter, year = int(m.group(7)), int(m.group(6))
    if year is None and future:
        year = published.year if quarter >= current else published.year + 1
    elif year is None:
        year = published.year if quarter <= current else published.year - 1
    first = (quarter - 1) * 3 + 1
    return _months(year, first, year, first + 2, "quarter")


def _decade(m: re.Match[str], published: dt.date, future: bool) -> When:
    digits = m.group(3).lstrip("'")
    if len(digits) == 2:
        start = 2000 + int(digits) if 2000 + int(digits) <= published.year else 1900 + int(digits)
    else:
        start = int(digits)
    part = m.group(1) or m.group(2)
    if part is None:
        return When(str(start), str(start + 9), "decade", None)
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9), "first": (0, 4), "second": (5, 9), "latter": (5, 9)}[
        part
    ]
    return When(str(start + first), str(start + last), "years", None)


def _season_in(season: str, year: int) -> When:
    first = _SEASONS[season]
    if first == 12:  # winter: the one whose January falls in `year`
        return _months(year - 1, 12, year, 2, "season")
    return _months(year, first, year, first + 2, "season")


def _season(m: re.Match[str], published: dt.date, future: bool) -> When | None:
    which, season, ref = m.group(1), m.group(2), m.group(3)
    if ref:
        year = _year_ref(ref[:4] if ref[:1].isdigit() else ref, published)
        if year is None:
            return None
        if ref[:1].isdigit() and len(ref) > 4 and season == "winter":  # "winter 2021-22"
            year += 1
        return _season_in(season, year)
    which = which or "the"
    today = f"{published.year:04d}-{published.month:02d}"
    candidates = [_season_in(season, published.year + k) for k in (-1, 0, 1, 2)]
    containing = next((c for c in candidates if (c.start or "") <= today <= (c.end or "")), None)
    past = [c for c in candidates if (c.end or "") < today]
    ahead = [c for c in candidates if (c.start or "") > today]
    if which == "last":
        return past[-1]
    if which == "next":
        return ahead[0]
    if containing is not None:
        return containing
    return ahead[0] if future or which == "this" else past[-1]


def _month(m: re.Match[str], published: dt.date, future: bool) -> When | None:
    part, month, ref = m.group(1), _MONTHS[m.group(2)], m.group(3)
    year = _year_ref(ref, published)
    if year is None:
        if future:
            year = published.year if month >= published.month else published.year + 1
        else:
            year = published.year if month <= published.month else published.year - 1
    if part is None:
        return _months(year, month, year, month, "month")
    last_day = calendar.monthrange(year, month)[1]
    key = _part_key(part)
    first, last = {
        "early": (1, 10),
        "beginning": (1, 10),
        "start": (1, 10),
        "mid": (11, 20),
        "middle": (11, 20),
        "late": (21, last_day),
        "end": (21, last_day),
        "first": (1, 15),
        "second": (16, last_day),
        "latter": (16, last_day),
    }[key]
    return _span(dt.date(year, month, first), dt.date(year, month, last), "week")


def _weekend_before(published: dt.date) -> dt.date:
    """The Saturday of the last weekend that ended before publication's week began."""
    monday = published - dt.timedelta(days=published.weekday())
    return monday - dt.timedelta(days=2)


def _weekend(published: dt.date, which: str, future: bool) -> When:
    if which == "last":
        saturday = _weekend_before(published)
    elif which == "next":
        saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7 or 7)
    elif published.weekday() >= 5:
        saturday = published - dt.timedelta(days=published.weekday() - 5)
    elif future or which == "this":
        saturday = published + dt.timedelta(days=5 - published.weekday())
    else:
        saturday = _weekend_before(published)
    return _span(saturday, saturday + dt.timedelta(days=1), "week")


def _relative(m: re.Match[str], published: dt.date, future: bool) -> When:
    which, unit = m.group(1), m.group(2)
    rolling = m.group(0).startswith("the ") and which in {"past", "last"}  # "the past week": the last 7 days
    shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(which, 0)
    if unit == "weekend":
        return _weekend(published, {-1: "last", 1: "next"}.get(shift, "this"), future)
    if unit == "decade":
        if shift < 0:
            return When(str(published.year - 10), published.isoformat(), "years", None)
        return When(str(published.year), str(published.year + 10), "years", None)
    if rolling:
        days = {"week": 7, "month": 30, "year": 365}[unit]
        granularity = "year" if unit == "year" else unit
        return _span(published - dt.timedelta(days=days), published, granularity)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        if shift == 0:
            return _span(published, monday + dt.timedelta(6), "week") if future else _span(monday, published, "week")
        return _span(monday, monday + dt.timedelta(6), "week")
    if unit == "month":
        year, month = _shift(published.year, published.month, shift)
        if shift == 0:
            iso = f"{year:04d}-{month:02d}"
            return (
                When(published.isoformat(), iso, "month", None)
                if future
                else When(iso, published.isoformat(), "month", None)
            )
        return _months(year, month, year, month, "month")
    year = published.year + shift
    if shift == 0:
        return (
            When(published.isoformat(), str(year), "year", None)
            if future
            else When(str(year), published.isoformat(), "year", None)
        )
    return When(str(year), str(year), "year", None)


def _weekend_rule(m: re.Match[str], published: dt.date, future: bool) -> When:
    return _weekend(published, "the", future)


def _back(published: dt.date, unit: str, amount: int) -> tuple[str, str]:
    """The ISO prefix `amount` units before publication, and its granularity."""
    if unit == "day":
        return (published - dt.timedelta(days=amount)).isoformat(), "day"
    if unit == "week":
        return (published - dt.timedelta(weeks=amount)).isoformat(), "week"
    if unit == "month":
        year, month = _shift(published.year, published.month, -amount)
        return f"{year:04d}-{month:02d}", "month"
    return str(published.year - amount * (10 if unit == "decade" else 1)), "year"


def _ago(m: re.Match[str], published: dt.date, future: bool) -> When | None:
    if not m.group(0).endswith("ago"):
        return None  # "two days earlier": relative to another date, not to publication
    amount, unit = m.group(1), m.group(2)
    if amount in _VAGUE:
        low, high = _VAGUE[amount]
        start, granularity = _back(published, unit, high)
        end, _ = _back(published, unit, low)
        return When(start, end, "years" if granularity == "year" else granularity, None)
    start, granularity = _back(published, unit, _number(amount, 1))
    return When(start, start, granularity, None)


def _recent(m: re.Match[str], published: dt.date, future: bool) -> When:
    unit = m.group(2)
    amount = _number(m.group(1), {"day": 7, "week": 3, "month": 3}.get(unit, 3))
    start, granularity = _back(published, unit, amount)
    return When(start, published.isoformat(), "years" if granularity == "year" else granularity, None)


def _duration(core: str, published: dt.date) -> When | None:
    """ "for several years", "for years", "over many decades": up to publication.

    Counted durations ("banned for six years", "for 48 hours") measure something else: no interval.
    """
    m = RULES["duration"].fullmatch(core)
    if m is None or (m.group(1) is not None and m.group(1) not in _VAGUE):
        return None
    unit = m.group(2)
    amount = _number(m.group(1), {"day": 7, "week": 3, "month": 3, "year": 5, "decade": 2}[unit])
    start, granularity = _back(published, unit, amount)
    return When(start, published.isoformat(), "years" if granularity == "year" else granularity, None)


def _year(m: re.Match[str], published: dt.date, future: bool) -> When:
    return When(m.group(1), m.group(1), "year", None)


_Handler = Callable[[re.Match[str], dt.date, bool], "When | None"]
_HANDLERS: tuple[tuple[str, _Handler], ...] = (
    ("day_word", _day_word),
    ("weekday", _weekday),
    ("iso", _iso),
    ("dmy", _dmy),
    ("mdy", _mdy),
    ("year_range", _year_range),
    ("part_year", _part_year),
    ("part_rel", _part_rel),
    ("quarter", _quarter),
    ("decade", _decade),
    ("season", _season),
    ("month", _month),
    ("relative", _relative),
    ("weekend", _weekend_rule),
    ("ago", _ago),
    ("recent", _recent),
    ("year", _year),
)


@lru_cache(maxsize=4096)
def _parsed(core: str, published: dt.date, dateparse: Any, future: bool) -> When | None:
    """dateparser for what the rules do not cover, with the granularity read off the phrase."""
    if not _DATEPARSER_CUE.search(core) or RULES["decade"].search(core) or not re.search(r"[a-z]", core):
        return None  # durations ("48 hours"), numbers, decades: not points dateparser reads well
    base = dt.datetime.combine(published, dt.time(12))
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future" if future else "past"}
    parsed = dateparse(core, languages=["en"], settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    if re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b|ago|yesterday|tomorrow|fortnight|" + WEEKDAY, core):
        return _day(day)
    if re.search(rf"\b{MONTH_ANY}\b", core):
        return _months(day.year, day.month, day.year, day.month, "month")
    if re.search(YEAR, core):
        return When(str(day.year), str(day.year), "year", None)
    return None


# ---------------------------------------------------------------------------------------------------
# Finding time expressions in a parsed document and choosing the one for an event


@dataclass(slots=True)
class _Expr:
    token_start: int
    token_end: int
    head: int  # the token of the span whose head lies outside it
    text: str  # lower-cased, from the parsed (repaired) tokens
    written: str  # as the parsed (repaired) text has it
    modifies: int | None  # the noun the expression modifies ("the 2020 election"), if it is a modifier
    readings: dict[bool, Reading | None] = field(default_factory=dict)  # by `future`


@dataclass(slots=True)
class _DocTimes:
    published: dt.date
    dateparse: Any
    article_words: frozenset[str]
    sentences: dict[int, list[_Expr]] = field(default_factory=dict)
    sentence_words: dict[int, frozenset[str]] = field(default_factory=dict)


_DOC_TIMES: weakref.WeakKeyDictionary[Tree, _DocTimes] = weakref.WeakKeyDictionary()


def event_when(tree: Tree, trigger: Token, published: dt.date, *, dateparse: Any = None) -> When:
    """The time of the event stated at `trigger`, else the publication date.

    Candidates are the sentence's time expressions: rule phrases, anchored events and spaCy DATE/TIME
    entities. The expression attached lowest above the trigger wins (its own subtree first, then each
    ancestor's), then the nearest in the tree, then the finer. A present-tense conjunct does not take
    a past time from the verb it is coordinated with ("has made ... and hosts").
    """
    times = _doc_times(tree, published, dateparse)
    exprs = _sentence_exprs(tree, times, trigger.sentence)
    if not exprs:
        return publication_when(published)
    chain = _scope_chain(tree, trigger)
    level_of = {node: level for level, node in enumerate(chain)}
    future = _is_future(tree, trigger, chain)
    best: tuple[tuple[int, int, int, int], When] | None = None
    for expr in exprs:
        place = _place(tree, expr, level_of, trigger)
        if place is None:
            continue
        level, distance = place
        when = _when_for(tree, expr, trigger, level, times, future)
        if when is None or _comparison_frame(tree, expr.written, trigger):
            continue
        linear = min(abs(trigger.i - expr.token_start), abs(trigger.i - (expr.token_end - 1)))
        key = (level, distance, GRANULARITY_RANK.get(when.granularity, 9), linear)
        if best is None or key < best[0]:
            best = (key, _with_text(when, expr.written))
    return best[1] if best else publication_when(published)


def _comparison_frame(tree: Tree, written: str, trigger: Token) -> bool:
    """"the largest attack since the start of the war", "the first visit since 2019": "since" frames a
    comparison, it does not date the event (which happens now)."""
    if not written.lower().lstrip().startswith(("since", "ever since")):
        return False
    words = tree.doc.sentence_tokens(trigger.sentence)
    return any(t.tag in {"JJS", "RBS"} or t.lemma.lower() in {"first", "last", "record"} for t in words)


def _when_for(tree: Tree, expr: _Expr, trigger: Token, level: int, times: _DocTimes, future: bool) -> When | None:
    if future not in expr.readings:
        expr.readings[future] = read_time(
            expr.text,
            times.published,
            dateparse=times.dateparse,
            sentence_words=times.sentence_words.get(trigger.sentence, frozenset()),
            article_words=times.article_words,
            future=future,
        )
    reading = expr.readings[future]
    if reading is None:
        return None
    inside = expr.token_start <= trigger.i < expr.token_end
    if expr.modifies is not None and expr.modifies != trigger.i and not inside:
        return None  # "help in the 2020 election": the election's year, not the request's
    if reading.anchor is not None:
        anchor = reading.anchor.anchor
        if inside:  # the event is the anchored event itself ("the rebellion of Prigozhin")
            return When(anchor.start, anchor.end, _granularity(anchor.start), expr.text)
        if reading.bare:
            recent = (times.published - _last_day(anchor.end)).days <= RECENT_ANCHOR_DAYS
            return reading.when if reading.anchor.specific and recent and level == 0 else None
    if not inside and trigger.i in set(tree.subtree(expr.head)):
        return reading.core  # "after the election, when Lukashenko abandoned ...": at the election
    return reading.when


def _last_day(iso: str) -> dt.date:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(parts[0], 12, 31)


def _place(tree: Tree, expr: _Expr, level_of: dict[int, int], trigger: Token) -> tuple[int, int] | None:
    """(scope level, tree distance) of the expression from the trigger; None when out of scope.

    An expression inside another clause ("Biden, who served from 2008 until 2016") dates that clause,
    not the trigger, except a clause on the trigger noun itself ("the attack launched this year"). An
    expression on another noun dates that noun ("approves the extradition following his detention
    on December 28").
    """
    best: tuple[int, int] | None = None
    for i in range(expr.token_start, expr.token_end):
        steps, node, seen, clause, noun = 0, i, set(), -1, False
        while node not in level_of and node not in seen:
            seen.add(node)
            token = tree.tokens[node]
            if token.head == node:
                break
            if token.dep in OTHER_CLAUSE_DEPS:
                clause = node
            noun = noun or (token.pos in NOUN_POS and not expr.token_start <= node < expr.token_end)
            node, steps = token.head, steps + 1
        if node not in level_of or noun:
            continue
        if clause >= 0 and not (trigger.pos == "NOUN" and tree.tokens[clause].head == trigger.i):
            continue
        place = (level_of[node], level_of[node] + steps)
        best = place if best is None or place < best else best
    return best


def _scope_chain(tree: Tree, trigger: Token) -> list[int]:
    """The trigger and its ancestors, cut where a clause changes tense ("has made ... and hosts")."""
    chain = [trigger.i]
    node = trigger
    for head in tree.ancestors(trigger.i):
        if node.dep in {"conj", "ccomp", "advcl", "parataxis"} and _tenses_differ(tree, node, head):
            break
        chain.append(head.i)
        node = head
    return chain


# Words that frame what they govern as still to come: "is expected to", "is scheduled to", "is due to".
FUTURE_FRAMES = frozenset({"expect", "schedule", "due", "set", "plan", "intend"})


def _tenses_differ(tree: Tree, token: Token, head: Token) -> bool:
    mine, theirs = _tense(tree, token), _tense(tree, head)
    return mine is not None and theirs is not None and mine != theirs


def _tense(tree: Tree, token: Token) -> str | None:
    auxes = tree.children(token.i, "aux", "auxpass")
    for aux in auxes:
        word = aux.text.lower()
        if word in {"will", "shall", "'ll", "wo"} or (word == "would" and _reported_in_past(tree, token)):
            return "future"  # ("said his fighters would withdraw on Thursday": the will of then, still ahead)
        if aux.tag == "MD":
            return None
        if aux.lemma.lower() == "have":
            return "past"
    for aux in auxes:
        if aux.tag == "VBD":
            return "past"
        if aux.tag in {"VBZ", "VBP"}:
            return "present"
    if token.tag == "VBD":
        return "past"
    if token.tag in {"VBZ", "VBP"}:
        return "present"
    head = tree.head(token.i)
    if token.pos == "NOUN" and token.tag == "NNS" and token.dep == "conj" and head is not None and head.pos == "VERB":
        return "present"  # "... and hosts nuclear weapons": a verb the tagger read as a plural noun
    return None


def _reported_in_past(tree: Tree, token: Token) -> bool:
    """ "said his fighters would withdraw": a "would" of then, said lately (not "said on Friday that ...", whose
    "would" looks ahead from that day; not "would have captured", a past that did not happen)."""
    head = tree.head(token.i)
    if head is None or not is_reported(tree, token) or head.tag != "VBD":
        return False
    if any(a.lemma.lower() == "have" for a in tree.children(token.i, "aux")):
        return False
    return not any(_names_a_day(tree, c) for c in tree.children(head.i))


def _names_a_day(tree: Tree, token: Token) -> bool:
    """ "said on Friday", "said last week", "said Monday": a time phrase of the saying itself."""
    words = [token] if token.dep in {"npadvmod", "tmod"} else (
        tree.children(token.i, "pobj") if token.dep == "prep" and token.text.lower() in {"on", "in"} else []
    )
    return any(re.fullmatch(rf"{WEEKDAY}|{MONTH}|week|month|year|\d+", w.text.lower()) for w in words)


def _is_future(tree: Tree, trigger: Token, chain: list[int]) -> bool:
    """Does the clause look ahead? Its own tense, or a frame it sits in ("is expected to ask ... during his
    visit on Wednesday", "is scheduled to meet"), through nouns and infinitives up to the finite verb."""
    for i in chain[:5]:
        token = tree.tokens[i]
        tense = _tense(tree, token)
        if token.i != trigger.i and token.lemma.lower() in FUTURE_FRAMES and tense != "past":
            return True
        if tense is not None:
            return tense == "future"
        if token.dep not in {"xcomp", "conj", "pobj", "prep"}:
            break
    return False


def _doc_times(tree: Tree, published: dt.date, dateparse: Any) -> _DocTimes:
    times = _DOC_TIMES.get(tree)
    if times is None or times.published != published or times.dateparse is not dateparse:
        words = frozenset(_norm_token(t.text) for t in tree.doc.tokens)
        times = _DocTimes(published, dateparse, words)
        _DOC_TIMES[tree] = times
    return times


def _norm_token(text: str) -> str:
    return text.lower().replace("’", "'")


def _sentence_exprs(tree: Tree, times: _DocTimes, index: int) -> list[_Expr]:
    found = times.sentences.get(index)
    if found is None:
        found = _find(tree, times, index)
        times.sentences[index] = found
    return found


def _find(tree: Tree, times: _DocTimes, index: int) -> list[_Expr]:
    """The time expressions of one sentence: anchors, then rule phrases, then DATE/TIME entities."""
    doc = tree.doc
    sentence = doc.sentences[index]
    tokens = doc.tokens[sentence.token_start : sentence.token_end]
    text, starts = "", []
    for token in tokens:
        starts.append(len(text))
        if token.text.isspace():
            text += "" if text.endswith(" ") else " "
            continue
        text += _norm_token(token.text) + (" " if token.ws else "")
    times.sentence_words[index] = frozenset(_norm_token(t.text) for t in tokens)
    spans: list[tuple[int, int, int]] = []  # (priority, token_start, token_end)

    def add(priority: int, char_start: int, char_end: int) -> None:
        first = sentence.token_start + bisect.bisect_right(starts, char_start) - 1
        last = sentence.token_start + bisect.bisect_left(starts, char_end)
        spans.append((priority, first, last))

    anchors = default_anchors()
    if anchors.finder is not None:
        for m in anchors.finder.finditer(text):
            core = m.group(0)
            if anchors.resolve(core, times.published, times.sentence_words[index], times.article_words):
                add(0, m.start(), m.end())
    for m in FINDER.finditer(text):
        if _plausible(m.group(0), text, m.start(), tokens, starts):
            add(1, m.start(), m.end())
    for entity in doc.entities:
        if entity.label in {"DATE", "TIME"} and sentence.token_start <= entity.token_start < sentence.token_end:
            spans.append((2, entity.token_start, entity.token_end))
    kept: list[tuple[int, int]] = []
    for _, first, last in sorted(spans, key=lambda s: (s[0], s[1] - s[2])):
        if all(last <= a or first >= b for a, b in kept):
            kept.append((first, last))
    exprs = []
    for first, last in sorted(kept):
        first = _with_preposition(text, starts, sentence.token_start, first)
        phrase = text[starts[first - sentence.token_start] : _end_char(text, starts, sentence.token_start, last)]
        written = "".join(t.text + (" " if t.ws else "") for t in doc.tokens[first:last])
        exprs.append(
            _Expr(
                first,
                last,
                _span_head(tree, first, last),
                phrase.strip(),
                " ".join(written.split()),
                _modifies(tree, first, last),
            )
        )
    return exprs


def _end_char(text: str, starts: list[int], offset: int, last: int) -> int:
    return starts[last - offset] if last - offset < len(starts) else len(text)


def _with_preposition(text: str, starts: list[int], offset: int, first: int) -> int:
    """Extend a span left over the preposition that governs it ("after", "in the wake of")."""
    char = starts[first - offset]
    m = _PREP_TAIL.search(text, max(0, char - 24), char)
    if m is None:
        return first
    return offset + bisect.bisect_right(starts, m.start()) - 1


def _plausible(phrase: str, text: str, start: int, tokens: tuple[Token, ...], starts: list[int]) -> bool:
    """Month names must be capitalised ("may", "march" are words too); a bare year needs a preposition."""
    k = bisect.bisect_right(starts, start) - 1
    for j in range(k, len(tokens)):
        if starts[j] >= start + len(phrase):
            break
        word = tokens[j].text.lower().rstrip(".")
        if word in _MONTHS and len(word) > 2 and not tokens[j].text[:1].isupper():
            return False
    if RULES["year"].fullmatch(phrase):
        tail = _PREP_TAIL.search(text, max(0, start - 24), start)
        return tail is not None or tokens[k].ent_type == "DATE"
    if RULES["duration"].fullmatch(phrase):
        tail = _PREP_TAIL.search(text, max(0, start - 24), start)
        return tail is not None and tail.group(1) in {"for", "over"}
    return True


def _modifies(tree: Tree, first: int, last: int) -> int | None:
    """The noun outside the span that a token of the span modifies ("2020" in "the 2020 election")."""
    for i in range(first, last):
        token = tree.tokens[i]
        while token.dep == "conj" and token.head != token.i:  # "the 2008 and 2012 campaigns"
            token = tree.tokens[token.head]
        if token.dep in MODIFIER_DEPS and not first <= token.head < last:
            return token.head
    return None


def _span_head(tree: Tree, first: int, last: int) -> int:
    for i in range(first, last):
        head = tree.tokens[i].head
        if head == i or not first <= head < last:
            return i
    return first
