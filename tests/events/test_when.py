"""Date expressions become intervals relative to the publication date, not the publication date itself."""

from __future__ import annotations

import datetime as dt

import dateparser
import pytest

from detente.events.when import normalise, publication_when

PUBLISHED = dt.date(2023, 7, 2)  # a Sunday


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("In 2020", "2020", "2020", "year"),
        ("2008", "2008", "2008", "year"),
        ("the late 1990s", "1996", "1999", "years"),
        ("the 1990s", "1990", "1999", "decade"),
        ("In the last few years", "2020", "2023-07-02", "years"),
        ("recent years", "2020", "2023-07-02", "years"),
        ("June 2023", "2023-06", "2023-06-30", "month"),
        ("Wednesday", "2023-06-28", "2023-06-28", "day"),
        ("yesterday", "2023-07-01", "2023-07-01", "day"),
    ],
)
def test_rules(text: str, start: str, end: str, granularity: str) -> None:
    when = normalise(text, PUBLISHED)
    assert when is not None
    assert (when.start, when.end, when.granularity) == (start, end, granularity)
    assert when.text == text


def test_dateparser_handles_full_dates() -> None:
    when = normalise("June 24, 2023", PUBLISHED, dateparse=dateparser.parse)
    assert when is not None and (when.start, when.granularity) == ("2023-06-24", "day")


@pytest.mark.parametrize("text", ["two years", "48 hours", "today"])
def test_durations_and_now_are_not_event_times(text: str) -> None:
    assert normalise(text, PUBLISHED, dateparse=dateparser.parse) is None


def test_default_is_the_publication_date_marked_as_such() -> None:
    when = publication_when(PUBLISHED)
    assert (when.start, when.end, when.granularity) == ("2023-07-02", "2023-07-02", "publication")
