"""Towns the tagger takes for people, where a withdrawal or a strike happened, whose people the hostages
are, the sides a broker brought together, and one attack told by its dead and its wounded."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import AnalyzedArticle, Article, Event
from detente.pipeline import Pipeline

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2024, 3, 4)  # a Monday


def analyze(pipeline: Pipeline, text: str) -> AnalyzedArticle:
    return pipeline.analyze_one(Article.make(date=PUBLISHED, text=text))


def only(result: AnalyzedArticle, plover: str) -> Event:
    found = [e for e in result.events if e.event == plover]
    assert len(found) == 1, [(e.trigger, e.event, e.recipient) for e in result.events]
    return found[0]


def test_a_town_tagged_as_a_person_is_where_troops_withdrew_from(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Russian forces withdrew from Kherson.")
    [kherson] = [m for m in result.mentions if m.text == "Kherson"]
    assert kherson.actor is not None and (kherson.actor.kind, kherson.actor.country) == ("gpe", "UKR")
    retreat = only(result, "RETREAT")
    assert retreat.where is not None and (retreat.where.name, retreat.where.country) == ("Kherson", "UKR")
    assert retreat.where.lat is not None


def test_pulling_out_of_a_town_happens_there(pipeline: Pipeline) -> None:
    retreat = only(analyze(pipeline, "Russian troops pulled out of Izium."), "RETREAT")
    assert retreat.where is not None and retreat.where.country == "UKR"


def test_a_name_that_is_also_someones_surname_stays_a_person(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Ketanji Brown Jackson wrote the opinion. A letter from Jackson arrived on Monday.")
    assert not [m for m in result.mentions if m.actor is not None and m.actor.kind == "gpe"]


def test_a_strike_on_something_in_a_town_happened_in_that_town(pipeline: Pipeline) -> None:
    text = "Russian forces launched a drone strike on a bus in Marhanets, Ukraine, killing nine people."
    result = analyze(pipeline, text)
    attack = only(result, "ASSAULT")
    assert attack.where is not None and attack.where.country == "UKR"
    assert attack.recipient is not None and (attack.recipient.country, attack.recipient.sector) == ("UKR", "CVL")


def test_the_dead_and_the_wounded_of_one_strike_are_one_attack(pipeline: Pipeline) -> None:
    text = "Four people were killed and two others were injured in a Russian airstrike on Bohodukhiv, Ukraine."
    attack = only(analyze(pipeline, text), "ASSAULT")
    assert attack.actor is not None and attack.actor.country == "RUS"
    assert attack.recipient is not None and attack.recipient.country == "UKR"


def test_hostages_are_not_taken_for_people_of_the_place_they_are_held(pipeline: Pipeline) -> None:
    text = "Israel may cut off electricity to Gaza if the hostages are not released."
    release = only(analyze(pipeline, text), "RETREAT")
    assert release.recipient is not None and release.recipient.country is None
    assert release.modality == "hypothetical"  # a condition denies nothing
    migrants = only(analyze(pipeline, "Libyan coast guards detained 300 migrants."), "COERCE")
    assert migrants.recipient is not None and migrants.recipient.country is None


def test_hostages_a_side_frees_are_the_other_sides_people(pipeline: Pipeline) -> None:
    text = "Israel and Hamas agreed to a ceasefire deal. Under the deal, Hamas will release 33 hostages."
    [release] = [e for e in analyze(pipeline, text).events if e.trigger == "release"]
    assert release.recipient is not None and release.recipient.country == "ISR"


def test_a_negation_outside_a_condition_still_denies(pipeline: Pipeline) -> None:
    attack = only(analyze(pipeline, "Russia did not attack Ukraine on Thursday."), "ASSAULT")
    assert attack.modality == "negated"


@pytest.mark.parametrize(
    ("text", "broker", "sides"),
    [
        ("Russia and Ukraine exchanged 90 prisoners in a deal brokered by the United Arab Emirates.", "ARE",
         {"RUS", "UKR"}),
        ("Armenian separatist forces agreed to disarm under a Russian-brokered ceasefire.", "RUS", {"ARM"}),
        ("Qatar mediated the talks in Doha that led Washington and the Taliban to sign an agreement.", "QAT",
         {"USA", "AFG"}),
    ],
)
def test_a_broker_deals_with_the_sides_of_what_it_brokered(
    pipeline: Pipeline, text: str, broker: str, sides: set[str]
) -> None:
    brokered = [e for e in analyze(pipeline, text).events if e.cameo == "045"]
    assert {e.actor.country for e in brokered if e.actor} == {broker}
    assert {e.recipient.country for e in brokered if e.recipient} == sides


def test_a_brokered_truce_between_named_sides_still_names_them(pipeline: Pipeline) -> None:
    brokered = [e for e in analyze(pipeline, "Egypt mediated between Israel and Hamas.").events if e.cameo == "045"]
    assert {e.recipient.country for e in brokered if e.recipient} == {"ISR", "PSE"}


def test_a_named_group_before_fighters_is_the_actor_whoever_his_is(pipeline: Pipeline) -> None:
    text = "Yevgeny Prigozhin said his Wagner fighters would begin withdrawing from Bakhmut on Thursday."
    retreat = only(analyze(pipeline, text), "RETREAT")
    assert retreat.actor is not None and retreat.actor.name == "Wagner Group"
    # the Thursday of a reported "would" is still ahead of the report
    assert retreat.when.start == "2024-03-07"


def test_fighters_of_a_group_the_dictionary_lacks_keep_its_name(pipeline: Pipeline) -> None:
    attack = only(analyze(pipeline, "Macina Liberation Front fighters attacked an army checkpoint."), "ASSAULT")
    assert attack.actor is not None
    assert (attack.actor.name, attack.actor.sector) == ("Macina Liberation Front", "MIL")
