"""A name the dictionary does not know takes the country and sector of the title written before it."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import Article
from detente.pipeline import Pipeline

pytestmark = pytest.mark.model


def test_an_unknown_name_after_a_national_title_belongs_to_that_country(pipeline: Pipeline) -> None:
    text = "Montenegrin Prime Minister Milojko Spajic met Albanian President Bajram Begaj in Tirana."
    result = pipeline.analyze_one(Article.make(date=dt.date(2024, 5, 2), text=text))
    by_name = {m.actor.name: m.actor for m in result.mentions if m.actor is not None and m.actor.kind == "person"}
    assert (by_name["Milojko Spajic"].country, by_name["Milojko Spajic"].sector) == ("MNE", "GOV")
    assert (by_name["Bajram Begaj"].country, by_name["Bajram Begaj"].sector) == ("ALB", "GOV")
    meeting = [e for e in result.events if e.event == "CONSULT"]
    assert meeting and meeting[0].actor is not None and meeting[0].actor.name == "Milojko Spajic"


def test_a_name_without_a_title_stays_without_a_country(pipeline: Pipeline) -> None:
    text = "Milojko Spajic met reporters in Tirana."
    result = pipeline.analyze_one(Article.make(date=dt.date(2024, 5, 2), text=text))
    people = [m.actor for m in result.mentions if m.actor is not None and "Spajic" in (m.actor.name or "")]
    assert people and people[0].country is None


def test_a_lowercase_title_the_parser_compounded_on_the_name_still_counts(pipeline: Pipeline) -> None:
    text = "British home secretary Jane Whitfield met Keir Starmer in London."
    result = pipeline.analyze_one(Article.make(date=dt.date(2025, 3, 2), text=text))
    person = next(m.actor for m in result.mentions if m.actor is not None and m.actor.name == "Jane Whitfield")
    assert (person.country, person.sector) == ("GBR", "GOV")


def test_a_party_secretary_is_not_a_government_minister(pipeline: Pipeline) -> None:
    text = "Labour party secretary Hollie Ridley criticised the Conservatives."
    result = pipeline.analyze_one(Article.make(date=dt.date(2025, 3, 2), text=text))
    person = next(m.actor for m in result.mentions if m.actor is not None and m.actor.name == "Hollie Ridley")
    assert person.sector != "GOV"
