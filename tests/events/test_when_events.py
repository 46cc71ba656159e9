"""event_when on real parses: the time expression nearest the trigger, anchors, and the seed's gold times."""

from __future__ import annotations

import datetime as dt
import re

import dateparser
import pytest
from tests.conftest import shared_path

from detente.events.syntax import Tree
from detente.events.when import event_when
from detente.models import When
from detente.nlp import parse_texts

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2023, 7, 2)  # a Sunday


def times(text: str, *triggers: str, published: dt.date = PUBLISHED) -> list[When]:
    """The time of the event at each trigger word (first occurrence) of a one-document text."""
    (doc,) = parse_texts([text])
    tree = Tree(doc, [])
    found = []
    for word in triggers:
        token = next(t for t in doc.tokens if t.text == word)
        found.append(event_when(tree, token, published, dateparse=dateparser.parse))
    return found


def span(when: When) -> tuple[str | None, str | None, str]:
    return when.start, when.end, when.granularity


def test_a_sentence_initial_year_dates_the_main_clause_events() -> None:
    supported, saved = times("In 2020, Putin really supported and saved Lukashenko.", "supported", "saved")
    assert span(supported) == span(saved) == ("2020", "2020", "year")
    assert supported.text == "In 2020"


def test_after_an_anchored_election_runs_from_its_month_to_publication() -> None:
    accelerated, abandoned = times(
        "The process accelerated after the 2020 Belarusian election, when Lukashenko essentially abandoned "
        "interaction with the West and became more cooperative.",
        "accelerated",
        "abandoned",
    )
    assert span(accelerated) == ("2020-08", "2023-07-02", "month")
    assert accelerated.text == "after the 2020 Belarusian election"
    # "..., when Lukashenko abandoned": at the election, not after it.
    assert span(abandoned) == ("2020-08", "2020-08", "month")


def test_the_outbreak_of_war_resolves_through_context_and_a_present_conjunct_keeps_publication() -> None:
    made, hosts = times(
        "With the outbreak of war, Minsk has made the national territory available to the Russian military "
        "and hosts nuclear weapons of Moscow.",
        "made",
        "hosts",
    )
    assert span(made) == ("2022-02", "2022-02", "month")
    assert made.text == "With the outbreak of war"
    assert hosts.granularity == "publication"  # "has made ... and hosts": the hosting is now


def test_the_same_phrase_in_a_story_about_gaza_is_the_gaza_war() -> None:
    (sent,) = times(
        "Since the start of the war, Israel has sent troops into Gaza.", "sent", published=dt.date(2024, 3, 1)
    )
    assert span(sent) == ("2023-10", "2024-03-01", "month")


def test_vague_periods_end_at_publication() -> None:
    (reconciled,) = times(
        "In the last few years Russia and Belarus have significantly reconciled within the Union State.",
        "reconciled",
    )
    assert span(reconciled) == ("2020", "2023-07-02", "years")
    (decided,) = times("In recent years, Moscow has decided to step up this process.", "decided")
    assert span(decided) == ("2020", "2023-07-02", "years")
    (come,) = times("For several years, the parties could not come to an agreement.", "come")
    assert span(come) == ("2018", "2023-07-02", "years")


def test_a_recent_anchor_in_the_event_phrase_dates_the_event() -> None:
    helped, rebellion = times(
        "Lukashenko actively helped Putin to resolve the rebellion of Prigozhin.", "helped", "rebellion"
    )
    assert span(helped) == span(rebellion) == ("2023-06-23", "2023-06-24", "day")
    stopped, says = times("He says he personally stopped Wagner's columns.", "stopped", "says")
    assert span(stopped) == ("2023-06-24", "2023-06-24", "day")
    assert says.granularity == "publication"


def test_an_old_anchor_named_bare_does_not_date_the_event() -> None:
    (condemned,) = times("Putin condemned the annexation of Crimea.", "condemned")
    assert condemned.granularity == "publication"


def test_weekdays_and_day_words() -> None:
    (banned,) = times("Germany on Monday banned Iranian airline Mahan Air.", "banned", published=dt.date(2019, 1, 23))
    assert span(banned) == ("2019-01-21", "2019-01-21", "day")
    (shelled,) = times("Yesterday, Russian forces shelled Kharkiv.", "shelled")
    assert span(shelled) == ("2023-07-01", "2023-07-01", "day")


def test_a_future_event_takes_the_next_weekday() -> None:
    (visit,) = times("Putin will visit Minsk on Friday.", "visit")
    assert span(visit) == ("2023-07-07", "2023-07-07", "day")


def test_the_expression_nearest_the_trigger_wins() -> None:
    signed, ratified = times("Russia signed the treaty in March 2019 and ratified it last week.", "signed", "ratified")
    assert span(signed) == ("2019-03", "2019-03", "month")
    assert span(ratified) == ("2023-06-19", "2023-06-25", "week")


def test_times_of_other_clauses_and_of_modified_nouns_stay_there() -> None:
    (asked,) = times("Trump asked Xi Jinping for help in the 2020 election.", "asked")
    assert asked.granularity == "publication"
    (met,) = times("Biden, who served as Vice President from 2009 until 2017, met Putin.", "met")
    assert met.granularity == "publication"


@pytest.mark.shared
def test_the_seed_gold_times_the_text_gives() -> None:
    text = shared_path("seeds", "000_5577dacb3e3c48cb.txt").read_text(encoding="utf-8")
    text = re.sub(r"^\s*date \d{4}-\d\d-\d\d\s*", "", text)  # the seed's date header
    (doc,) = parse_texts([text])
    tree = Tree(doc, [])

    def at(sentence_start: str, word: str) -> When:
        sentence = next(s for s in doc.sentences if s.text.lstrip().startswith(sentence_start))
        token = next(t for t in doc.sentence_tokens(sentence.index) if t.text == word)
        return event_when(tree, token, PUBLISHED, dateparse=dateparser.parse)

    assert span(at("In the last few years", "reconciled"))[:2] == ("2020", "2023-07-02")
    assert at("With the outbreak of war", "made").start == "2022-02"
    assert at("With the outbreak of war", "hosts").start == "2023-07-02"  # gold: 2023, ongoing
    assert at("In recent years, Moscow", "decided").text == "In recent years"
    assert at("For several years", "come").text == "For several years"
    assert at("The process accelerated", "abandoned").start == "2020-08"
    assert at("In 2020, Putin really", "supported").start == "2020"
    # "the rebellion of Prigozhinexplaining" is glued in the raw seed: the repair stage splits it first
    # (test_a_recent_anchor_in_the_event_phrase_dates_the_event covers the repaired sentence).
