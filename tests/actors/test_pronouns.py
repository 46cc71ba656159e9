"""Pronoun rules of the coreference pass: salience, binding (control, Principle C) and gender consistency."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import Article, Mention
from detente.pipeline import Pipeline

pytestmark = pytest.mark.model


def pronouns(pipeline: Pipeline, text: str, word: str) -> list[str | None]:
    """The actor names the pronoun `word` resolves to, in text order."""
    result = pipeline.analyze_one(Article.make(date=dt.date(2023, 7, 2), text=text))
    found: list[Mention] = [m for m in result.mentions if m.text == word]
    return [m.actor.name if m.actor else None for m in found]


def test_the_controller_of_a_non_finite_clause_binds_its_object(pipeline: Pipeline) -> None:
    # "Lukashenko will be able to use him": him is not Lukashenko, who controls "use".
    text = "Putin called Lukashenko on Monday. Lukashenko will be able to use him in the talks."
    assert pronouns(pipeline, text, "him") == ["Vladimir Putin"]


def test_a_pronoun_is_not_a_name_later_in_its_own_clause(pipeline: Pipeline) -> None:
    # Principle C: "He refused to speak to Prigozhin" is not Prigozhin, although Prigozhin was the subject.
    text = "Prigozhin phoned Putin on Saturday. He refused to speak to Prigozhin."
    assert pronouns(pipeline, text, "He") == ["Vladimir Putin"]


def test_a_name_inside_the_pronouns_own_phrase_does_not_block_it(pipeline: Pipeline) -> None:
    text = "Zelensky visited the front. He and his wife Olena Zelenska later met soldiers."
    assert pronouns(pipeline, text, "He") == ["Volodymyr Zelensky"]


def test_the_previous_main_clause_subject_beats_an_embedded_one(pipeline: Pipeline) -> None:
    text = "Lukashenko was praised after Putin was re-elected. He gave a long speech."
    assert pronouns(pipeline, text, "He") == ["Alexander Lukashenko"]


def test_a_subject_of_a_clause_containing_the_pronoun_stays_salient(pipeline: Pipeline) -> None:
    text = "Lukashenko warned that Zelensky would regret it when he returns to Kyiv."
    assert pronouns(pipeline, text, "he") == ["Volodymyr Zelensky"]


def test_gender_stays_consistent_within_a_text(pipeline: Pipeline) -> None:
    # "he" has named Scholz, so "her" is Baerbock although Scholz is the main subject.
    text = "Scholz said he would call Baerbock. Later her office confirmed the call."
    assert pronouns(pipeline, text, "her") == ["Annalena Baerbock"]


def test_a_coordinated_verb_shares_its_subjects_for_binding(pipeline: Pipeline) -> None:
    text = "Sergei Lavrov and Maria Zakharova met with Vladimir Putin and urged him to resign."
    assert pronouns(pipeline, text, "him") == ["Vladimir Putin"]
