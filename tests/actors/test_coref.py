"""Rule-based coreference: leader descriptions and personal pronouns."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import Article
from detente.pipeline import Pipeline

pytestmark = pytest.mark.model


def mentions(pipeline: Pipeline, text: str, date: dt.date = dt.date(2023, 7, 2)) -> dict[str, str | None]:
    result = pipeline.analyze_one(Article.make(date=date, text=text))
    return {m.text: (m.actor.name if m.actor else None) for m in result.mentions}


def test_a_leader_description_is_the_office_holder_on_that_date(pipeline: Pipeline) -> None:
    found = mentions(pipeline, "It is unclear how far the Belarusian dictator was involved.")
    assert found["the Belarusian dictator"] == "Alexander Lukashenko"


def test_pronouns_prefer_the_previous_subject(pipeline: Pipeline) -> None:
    found = mentions(pipeline, "Putin met Prigozhin. He said nothing.")
    assert found["He"] == "Vladimir Putin"


def test_a_pronoun_is_not_its_own_verbs_subject(pipeline: Pipeline) -> None:
    result = pipeline.analyze_one(
        Article.make(date=dt.date(2023, 7, 2), text="Lukashenko was useful. Putin will somehow thank him.")
    )
    him = [m for m in result.mentions if m.text == "him"]
    assert him and him[0].actor is not None and him[0].actor.name == "Alexander Lukashenko"


@pytest.mark.parametrize(
    ("text", "date", "mention", "who"),
    [
        ("The German chancellor spoke.", "2023-07-02", "The German chancellor", "Olaf Scholz"),
        ("The Russian foreign minister spoke.", "2023-07-02", "The Russian foreign minister", "Sergei Lavrov"),
        ("The British prime minister spoke.", "2023-07-02", "The British prime minister", "Rishi Sunak"),
        ("The Russian president spoke.", "2010-01-01", "The Russian president", "Dmitry Medvedev"),
        ("The Russian president spoke.", "2023-07-02", "The Russian president", "Vladimir Putin"),
    ],
)
def test_an_office_noun_names_its_holder_on_the_article_date(
    pipeline: Pipeline, text: str, date: str, mention: str, who: str
) -> None:
    assert mentions(pipeline, text, dt.date.fromisoformat(date))[mention] == who


@pytest.mark.parametrize(
    ("text", "mention", "who"),
    [
        ("Hamas released two hostages on Friday. The group said it would free more.", "The group", "Hamas"),
        ("Israel struck Hezbollah positions. The militant group fired rockets at Haifa.", "The militant group",
         "Hezbollah"),
    ],
)
def test_a_definite_group_noun_is_the_armed_group_just_named(
    pipeline: Pipeline, text: str, mention: str, who: str
) -> None:
    assert mentions(pipeline, text)[mention] == who


def test_a_group_noun_with_two_groups_named_stays_unresolved(pipeline: Pipeline) -> None:
    found = mentions(pipeline, "Hamas and Hezbollah fired rockets at Israel. The militant group said more would come.")
    assert found.get("The militant group") not in {"Hamas", "Hezbollah"}


def test_an_indefinite_armed_group_is_rebels_of_no_named_group(pipeline: Pipeline) -> None:
    result = pipeline.analyze_one(
        Article.make(date=dt.date(2025, 5, 1), text="Hamas said an armed group attacked a village in Mali.")
    )
    group = [m for m in result.mentions if m.text == "an armed group"]
    assert group and group[0].actor is not None and group[0].actor.sector == "REB" and group[0].actor.id is None


def test_a_description_with_a_name_in_apposition_is_that_named_actor(pipeline: Pipeline) -> None:
    found = mentions(pipeline, "The rebel group M23 seized the town.", dt.date(2025, 1, 27))
    assert found["The rebel group"] == "M23"


def test_a_role_right_before_a_name_is_that_person_not_the_office_holder(pipeline: Pipeline) -> None:
    found = mentions(pipeline, "Canadian foreign minister Anita Anand announced sanctions.", dt.date(2025, 5, 8))
    assert found["Canadian foreign minister"] == "Anita Anand"


def test_an_organisations_title_gives_an_unknown_name_its_sector(pipeline: Pipeline) -> None:
    result = pipeline.analyze_one(Article.make(
        date=dt.date(2025, 6, 5), text="Washington sanctioned International Criminal Court president Tomoko Akane."))
    akane = [m for m in result.mentions if m.text == "Tomoko Akane"]
    assert akane and akane[0].actor is not None and akane[0].actor.sector == "JUD"


def test_a_translated_role_with_its_country_before_the_name_is_that_person(pipeline: Pipeline) -> None:
    found = mentions(pipeline, "Putin received in Moscow the president of Belarus Lukashenko.")
    assert found["the president"] == "Alexander Lukashenko"


@pytest.mark.parametrize(
    "text",
    [
        "Amnesty International accused the Houthis of torture. The group urged the UN to intervene.",
        "Hezbollah fired rockets at Israel. The group of seven industrialised nations condemned the attack.",
    ],
)
def test_a_group_noun_with_two_organisations_or_an_of_phrase_stays_unresolved(pipeline: Pipeline, text: str) -> None:
    found = mentions(pipeline, text, dt.date(2025, 5, 8))
    assert found.get("The group") not in {"Houthis", "Hezbollah"}
