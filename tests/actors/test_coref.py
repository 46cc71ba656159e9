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
