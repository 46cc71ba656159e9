"""Sentences that state no political event, or fewer than a naive coder would find: accidents and
disasters, reports of one's own announcement, vows and investigations of nothing coded."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import AnalyzedArticle, Article
from detente.pipeline import Pipeline

pytestmark = pytest.mark.model


def analyze(pipeline: Pipeline, text: str) -> AnalyzedArticle:
    return pipeline.analyze_one(Article.make(date=dt.date(2025, 2, 3), text=text))


@pytest.mark.parametrize(
    "text",
    [
        "Eleven people are killed in a landslide in Sumatra, Indonesia.",
        "Nine migrants are killed when their boat capsizes off Lampedusa, Italy.",
        "Three people are killed and 23 others are injured in a fire at a hotel in Bolu, Turkey.",
        "Six people are killed after a bus falls into a gorge near Shimla, India.",
        "Investigators in Canada are investigating the accident.",
        "Brazil vows to take the matter to the World Trade Organization.",
    ],
)
def test_no_political_event(pipeline: Pipeline, text: str) -> None:
    assert analyze(pipeline, text).events == ()


def test_a_killing_by_someone_is_still_an_attack(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Nine villagers are killed by gunmen in Zamfara, Nigeria.")
    assert [e.event for e in result.events] == ["ASSAULT"]


def test_announcing_an_arrest_is_the_arrest_only(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Thai authorities announce they arrested a Cambodian smuggler.")
    assert [(e.event, e.trigger) for e in result.events] == [("COERCE", "arrested")]


def test_a_claim_about_ones_own_unit_accuses_no_one(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Israeli forces claim that their Golani Brigade destroyed a tunnel in Rafah.")
    assert not [e for e in result.events if e.event == "ACCUSE"]


def test_an_act_one_does_without_is_denied(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Hamas rejects a truce without an Israeli withdrawal from Gaza.")
    withdrawal = [e for e in result.events if e.trigger == "withdrawal"]
    assert withdrawal and withdrawal[0].modality == "negated"


def test_a_surname_shared_with_a_known_leader_is_not_that_leader(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Colombian senator Miguel Uribe Turbay was shot at a rally in Bogotá.")
    names = {m.actor.name for m in result.mentions if m.actor is not None}
    assert "Álvaro Uribe" not in names


def test_an_event_hosted_in_ones_own_capital_has_no_guest(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Armenia and Azerbaijan sign a peace deal in Washington, hosted by Donald Trump.")
    hosting = [e for e in result.events if e.cameo in {"042", "043"}]
    assert all(e.recipient is None for e in hosting)
