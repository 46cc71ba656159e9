"""Descriptions without a name: bare leader nouns ("the tsar", "the president") and rebel nouns ("the rebel")."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import Article, Mention
from detente.pipeline import Pipeline

pytestmark = pytest.mark.model

DATE = dt.date(2023, 7, 2)


def analyse(pipeline: Pipeline, text: str, date: dt.date = DATE) -> list[Mention]:
    return list(pipeline.analyze_one(Article.make(date=date, text=text)).mentions)


def who(mentions: list[Mention], text: str) -> str | None:
    """The actor name of the (first) mention with exactly this text; None when unresolved or absent."""
    found = [m for m in mentions if m.text == text]
    return found[0].actor.name if found and found[0].actor is not None else None


def linked(mentions: list[Mention], text: str) -> bool:
    """Whether a mention with this text names a person (not just a role or a country)."""
    return any(m.text == text and m.actor is not None and m.actor.kind == "person" for m in mentions)


def test_the_kremlin_leader_is_the_russian_president(pipeline: Pipeline) -> None:
    assert who(analyse(pipeline, "The Kremlin leader gave a long speech on Tuesday."), "The Kremlin leader") == (
        "Vladimir Putin")


def test_a_capital_with_a_leader_noun_is_that_countrys_leader(pipeline: Pipeline) -> None:
    mentions = analyse(pipeline, "Officials said the Kyiv leader would travel to Warsaw next week.")
    assert who(mentions, "the Kyiv leader") == "Volodymyr Zelensky"


def test_a_bare_leader_noun_is_the_one_office_holder_in_context(pipeline: Pipeline) -> None:
    mentions = analyse(pipeline, "Zelensky arrived in Warsaw on Monday. The president then met students.")
    assert who(mentions, "The president") == "Volodymyr Zelensky"


def test_the_tsar_prefers_the_russian_leader_when_two_leaders_are_in_context(pipeline: Pipeline) -> None:
    text = "Lukashenko flew to Sochi to see Putin. The tsar kept his guest waiting for an hour."
    assert who(analyse(pipeline, text), "The tsar") == "Vladimir Putin"


def test_two_presidents_leave_the_president_unresolved(pipeline: Pipeline) -> None:
    mentions = analyse(pipeline, "Zelensky spoke with Lukashenko by phone. The president was angry.")
    assert not linked(mentions, "The president")


def test_an_office_after_for_or_as_is_not_a_person(pipeline: Pipeline) -> None:
    mentions = analyse(pipeline, "Zelensky spoke on Monday. He first ran for president in 2019.")
    assert not linked(mentions, "president")


def test_a_modified_leader_noun_is_left_alone(pipeline: Pipeline) -> None:
    mentions = analyse(pipeline, "Putin spoke on Monday. The drug tsar of the region resigned.")
    assert not any(m.actor is not None and m.actor.name == "Vladimir Putin" and "tsar" in m.text for m in mentions)


def test_with_no_person_named_one_country_gives_its_office_holder(pipeline: Pipeline) -> None:
    mentions = analyse(pipeline, "Ukraine's army advanced near Bakhmut. The president praised the soldiers.")
    assert who(mentions, "The president") == "Volodymyr Zelensky"


def test_the_rebel_is_the_leader_of_the_mutiny_the_article_describes(pipeline: Pipeline) -> None:
    text = "Prigozhin's mutiny ended within a day. Officials said the rebel had left for Belarus."
    assert who(analyse(pipeline, text, dt.date(2023, 6, 26)), "the rebel") == "Yevgeny Prigozhin"


def test_a_mutiny_by_a_group_makes_its_head_the_rebel(pipeline: Pipeline) -> None:
    text = "The revolt launched by Wagner shook Moscow. Nobody in the Kremlin wanted to negotiate with a rebel."
    assert who(analyse(pipeline, text, dt.date(2023, 6, 26)), "a rebel") == "Yevgeny Prigozhin"


def test_without_a_mutiny_or_a_rebel_in_context_a_rebel_stays_a_role(pipeline: Pipeline) -> None:
    mentions = analyse(pipeline, "Putin met Shoigu in Moscow. Nobody wanted to negotiate with a rebel.")
    assert not linked(mentions, "a rebel")


def test_a_description_is_not_its_own_verbs_other_argument(pipeline: Pipeline) -> None:
    mentions = analyse(pipeline, "Zelensky spoke in Kyiv. Zelensky met the president on Monday.")
    assert not linked(mentions, "the president")
