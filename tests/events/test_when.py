"""Date expressions become intervals relative to the publication date, not the publication date itself."""

from __future__ import annotations

import datetime as dt

import dateparser
import pytest

from detente.events.when import normalise, publication_when

PUBLISHED = dt.date(2023, 7, 2)  # a Sunday
ABOUT_RUSSIA = frozenset({"russia", "belarus", "minsk", "putin"})


def interval(
    text: str, published: dt.date = PUBLISHED, *, future: bool = False, context: frozenset[str] = frozenset()
) -> tuple[str | None, str | None, str]:
    when = normalise(text, published, future=future, context=context)
    assert when is not None, text
    assert when.text == text
    return when.start, when.end, when.granularity


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        # years and decades
        ("In 2020", "2020", "2020", "year"),
        ("2008", "2008", "2008", "year"),
        ("the year 2014", "2014", "2014", "year"),
        ("since 2014", "2014", "2023-07-02", "year"),
        ("from 2014 to 2016", "2014", "2016", "years"),
        ("between 2014 and 2016", "2014", "2016", "years"),
        ("2014-16", "2014", "2016", "years"),
        ("the 1990s", "1990", "1999", "decade"),
        ("in the 1990s", "1990", "1999", "decade"),
        ("the '90s", "1990", "1999", "decade"),
        ("the late 1990s", "1996", "1999", "years"),
        ("the early 2000s", "2000", "2003", "years"),
        ("the mid-1980s", "1983", "1986", "years"),
        ("the second half of the 1990s", "1995", "1999", "years"),
        # seasons and parts of years
        ("in the spring of 2021", "2021-03", "2021-05", "season"),
        ("summer 2022", "2022-06", "2022-08", "season"),
        ("in the winter of 2021-22", "2021-12", "2022-02", "season"),
        ("last summer", "2022-06", "2022-08", "season"),
        ("this summer", "2023-06", "2023-08", "season"),
        ("in the spring", "2023-03", "2023-05", "season"),
        ("last autumn", "2022-09", "2022-11", "season"),
        ("late 2022", "2022-09", "2022-12", "season"),
        ("early 2022", "2022-01", "2022-04", "season"),
        ("mid-2022", "2022-05", "2022-08", "season"),
        ("the end of 2021", "2021-09", "2021-12", "season"),
        ("the first half of 2020", "2020-01", "2020-06", "season"),
        ("early last year", "2022-01", "2022-04", "season"),
        # months and parts of months (no year: the latest on or before publication)
        ("June 2023", "2023-06", "2023-06", "month"),
        ("in March of 2019", "2019-03", "2019-03", "month"),
        ("in December", "2022-12", "2022-12", "month"),
        ("in June", "2023-06", "2023-06", "month"),
        ("early March", "2023-03-01", "2023-03-10", "week"),
        ("mid-June", "2023-06-11", "2023-06-20", "week"),
        ("late June", "2023-06-21", "2023-06-30", "week"),
        ("the end of February 2024", "2024-02-21", "2024-02-29", "week"),
        # quarters
        ("the first quarter of 2023", "2023-01", "2023-03", "quarter"),
        ("Q3 2022", "2022-07", "2022-09", "quarter"),
        ("2022 Q4", "2022-10", "2022-12", "quarter"),
        ("last quarter", "2023-04", "2023-06", "quarter"),
        ("the fourth quarter", "2022-10", "2022-12", "quarter"),
        # relative periods
        ("last week", "2023-06-19", "2023-06-25", "week"),
        ("this week", "2023-06-26", "2023-07-02", "week"),
        ("the past week", "2023-06-25", "2023-07-02", "week"),
        ("last month", "2023-06", "2023-06", "month"),
        ("this month", "2023-07", "2023-07-02", "month"),
        ("last year", "2022", "2022", "year"),
        ("this year", "2023", "2023-07-02", "year"),
        ("next year", "2024", "2024", "year"),
        ("earlier this year", "2023", "2023-07-02", "year"),
        ("two years ago", "2021", "2021", "year"),
        ("three days ago", "2023-06-29", "2023-06-29", "day"),
        ("a week ago", "2023-06-25", "2023-06-25", "week"),
        ("six months ago", "2023-01", "2023-01", "month"),
        ("a few years ago", "2018", "2021", "years"),
        ("In the last few years", "2020", "2023-07-02", "years"),
        ("in recent years", "2020", "2023-07-02", "years"),
        ("recent years", "2020", "2023-07-02", "years"),
        ("the past two decades", "2003", "2023-07-02", "years"),
        ("in recent months", "2023-04", "2023-07-02", "month"),
        ("For several years", "2018", "2023-07-02", "years"),
        ("for years", "2018", "2023-07-02", "years"),
        ("over the past three years", "2020", "2023-07-02", "years"),
        # days
        ("Wednesday", "2023-06-28", "2023-06-28", "day"),
        ("on Sunday", "2023-07-02", "2023-07-02", "day"),
        ("last Sunday", "2023-06-25", "2023-06-25", "day"),
        ("Friday night", "2023-06-30", "2023-06-30", "day"),
        ("yesterday", "2023-07-01", "2023-07-01", "day"),
        ("today", "2023-07-02", "2023-07-02", "day"),
        ("tonight", "2023-07-02", "2023-07-02", "day"),
        ("last night", "2023-07-01", "2023-07-01", "day"),
        ("the day before yesterday", "2023-06-30", "2023-06-30", "day"),
        ("over the weekend", "2023-07-01", "2023-07-02", "week"),
        ("last weekend", "2023-06-24", "2023-06-25", "week"),
        # explicit dates
        ("June 24, 2023", "2023-06-24", "2023-06-24", "day"),
        ("24 June", "2023-06-24", "2023-06-24", "day"),
        ("on 3 March", "2023-03-03", "2023-03-03", "day"),
        ("the 24th of June", "2023-06-24", "2023-06-24", "day"),
        ("Saturday, June 24", "2023-06-24", "2023-06-24", "day"),
        ("on December 28", "2022-12-28", "2022-12-28", "day"),
        ("2023-06-24", "2023-06-24", "2023-06-24", "day"),
        ("since June 24", "2023-06-24", "2023-07-02", "day"),
    ],
)
def test_rules(text: str, start: str, end: str, granularity: str) -> None:
    assert interval(text) == (start, end, granularity)


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("on Friday", "2023-07-07", "2023-07-07", "day"),
        ("in December", "2023-12", "2023-12", "month"),
        ("this week", "2023-07-02", "2023-07-02", "week"),
        ("this summer", "2023-06", "2023-08", "season"),
        ("next week", "2023-07-03", "2023-07-09", "week"),
    ],
)
def test_a_future_event_reads_ahead(text: str, start: str, end: str, granularity: str) -> None:
    assert interval(text, future=True) == (start, end, granularity)


def test_weekdays_are_the_latest_on_or_before_publication() -> None:
    wednesday = dt.date(2023, 6, 28)
    assert interval("Wednesday", wednesday)[0] == "2023-06-28"
    assert interval("last Wednesday", wednesday)[0] == "2023-06-21"
    assert interval("Thursday", wednesday)[0] == "2023-06-22"


def test_two_digit_decades_and_the_year_turn() -> None:
    assert interval("the 2010s")[:2] == ("2010", "2019")
    assert interval("the 20s", dt.date(2024, 1, 1))[:2] == ("2020", "2029")
    assert interval("the '60s")[:2] == ("1960", "1969")


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("after the 2020 Belarusian election", "2020-08", "2023-07-02", "month"),
        ("With the outbreak of war", "2022-02", "2022-02", "month"),
        ("since the start of the war", "2022-02", "2023-07-02", "month"),
        ("with the beginning of the war", "2022-02", "2022-02", "month"),
        ("the rebellion of Prigozhin", "2023-06-23", "2023-06-24", "day"),
        ("during Prigozhin's mutiny", "2023-06-23", "2023-06-24", "day"),
        ("since the annexation of Crimea", "2014-02", "2023-07-02", "month"),
        ("after the COVID-19 pandemic", "2020-03", "2023-07-02", "month"),
        ("since the 2008 financial crisis", "2008-09", "2023-07-02", "month"),
        ("after 9/11", "2001-09", "2023-07-02", "month"),
        ("since the Arab Spring", "2011", "2023-07-02", "year"),
        ("in the wake of the Russian invasion of Ukraine", "2022-02", "2023-07-02", "month"),
    ],
)
def test_anchored_expressions(text: str, start: str, end: str, granularity: str) -> None:
    assert interval(text, context=ABOUT_RUSSIA) == (start, end, granularity)


def test_a_vague_anchor_needs_context_and_a_past_anchor() -> None:
    assert normalise("with the outbreak of war", PUBLISHED) is None  # which war?
    assert normalise("with the outbreak of war", dt.date(2021, 5, 1), context=ABOUT_RUSSIA) is None
    gaza = normalise("since the start of the war", dt.date(2024, 3, 1), context={"israel", "gaza", "hamas"})
    assert gaza is not None and gaza.start == "2023-10"
    # A named anchor needs no context.
    assert interval("after the 2020 Belarusian election")[0] == "2020-08"


def test_dateparser_handles_what_the_rules_do_not() -> None:
    when = normalise("a fortnight ago", PUBLISHED, dateparse=dateparser.parse)
    assert when is not None and (when.start, when.granularity) == ("2023-06-18", "day")
    full = normalise("June 24, 2023", PUBLISHED, dateparse=dateparser.parse)
    assert full is not None and (full.start, full.granularity) == ("2023-06-24", "day")


@pytest.mark.parametrize(
    "text",
    ["two years", "48 hours", "now", "currently", "so far", "before 2020", "by 2030", "for six years",
     "for 48 hours", "two days earlier", "the present"],
)
def test_durations_and_open_bounds_are_not_event_times(text: str) -> None:
    assert normalise(text, PUBLISHED, dateparse=dateparser.parse) is None


def test_a_vague_span_of_a_future_event_is_not_up_to_publication() -> None:
    assert normalise("for several years", PUBLISHED, future=True) is None


def test_default_is_the_publication_date_marked_as_such() -> None:
    when = publication_when(PUBLISHED)
    assert (when.start, when.end, when.granularity) == ("2023-07-02", "2023-07-02", "publication")
