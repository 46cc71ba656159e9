"""Interviews: the question/answer shape, who answers, and first-person pronouns attributed to them."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.actors.interview import find_interview, paragraphs, qa_turns
from detente.models import Article, Mention, ParsedDoc
from detente.pipeline import Pipeline

INTERVIEW = (
    "Maria Kowalska, a Polish economist at the Warsaw Institute, told our newspaper how the war has changed"
    " the economy of the region.\n\n"
    "How has the economy changed since the war began?\n\n"
    "I think trade has moved east. We don't know how long this will last, and we saw prices rise.\n\n"
    "Will inflation fall next year?\n\n"
    "My forecast is yes. As one minister told me, \"I expect a hard winter\".\n"
)
LABELLED = (
    "Wikinews spoke with the chess player Jan Nowak about his career.\n\n"
    "((WN)) When did you start playing?\n\n"
    "((Jan Nowak)) I started when I was six.\n\n"
    "((WN)) Who taught you?\n\n"
    "((Jan Nowak)) My father taught me.\n\n"
    "He still plays every day.\n"
)


def test_paragraphs_split_on_blank_lines() -> None:
    text = "One.\n\nTwo?\n\n\nThree."
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two?", "Three."]


def test_question_and_answer_paragraphs_after_a_lede() -> None:
    turns = qa_turns(INTERVIEW)
    assert turns is not None
    assert [t.kind for t in turns] == ["lede", "question", "answer", "question", "answer"]


def test_a_text_with_one_rhetorical_question_is_not_an_interview() -> None:
    text = "Prices rose again.\n\nWho will pay for it?\n\nThe government says the budget is balanced.\n"
    assert qa_turns(text) is None


def test_a_labelled_transcript_reads_questions_and_speakers_from_its_labels() -> None:
    turns = qa_turns(LABELLED)
    assert turns is not None
    assert [t.kind for t in turns] == ["lede", "question", "answer", "question", "answer", "answer"]
    assert [t.label for t in turns if t.kind == "answer"] == ["Jan Nowak", "Jan Nowak", "Jan Nowak"]


def first_person(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    result = pipeline.analyze_one(Article.make(date=dt.date(2023, 7, 2), text=text))
    words = {"i", "me", "my", "we"}
    found: list[Mention] = [m for m in result.mentions if m.text.lower() in words]
    return [(m.text, m.actor.name if m.actor else None) for m in found]


@pytest.mark.model
def test_first_person_in_answers_is_the_interviewee(pipeline: Pipeline) -> None:
    found = first_person(pipeline, INTERVIEW)
    assert ("I", "Maria Kowalska") in found and ("My", "Maria Kowalska") in found
    assert ("We", "Maria Kowalska") in found  # "We don't know": the speaker's own knowledge
    assert ("we", "Maria Kowalska") not in found  # "we saw prices rise": everyone, not the speaker
    assert ("me", "Maria Kowalska") in found  # "told me" is outside the quotation marks
    assert sum(1 for text, _ in found if text == "I") == 1  # the minister's quoted "I" is not hers


@pytest.mark.model
def test_find_interview_exposes_the_interviewee_and_the_speaker_of_an_answer(pipeline: Pipeline) -> None:
    # A quote or claim stage rebuilds the structure from the parse and the mentions.
    result = pipeline.analyze_one(Article.make(date=dt.date(2023, 7, 2), text=INTERVIEW))
    interview = find_interview(parse(pipeline, INTERVIEW), result.mentions)
    assert interview is not None and interview.interviewee is not None
    assert interview.interviewee.name == "Maria Kowalska"
    speaker = interview.speaker_at(INTERVIEW.index("I think"))
    assert speaker is not None and speaker.name == "Maria Kowalska"
    assert interview.speaker_at(INTERVIEW.index("How has")) is None  # a question is not the interviewee's


@pytest.mark.model
def test_a_labelled_transcript_attributes_answers_to_the_labelled_speaker(pipeline: Pipeline) -> None:
    found = first_person(pipeline, LABELLED)
    assert found and all(name == "Jan Nowak" for _, name in found)
    assert ("My", "Jan Nowak") in found and ("me", "Jan Nowak") in found


@pytest.mark.model
def test_an_ordinary_article_gets_no_first_person_attribution(pipeline: Pipeline) -> None:
    text = ("Maria Kowalska, a Polish economist, said prices would rise.\n\n"
            "\"I think trade has moved east,\" she said.\n")
    assert all(name is None for _, name in first_person(pipeline, text))


def parse(pipeline: Pipeline, text: str) -> ParsedDoc:
    repaired = pipeline.repairer.repair(text)
    return next(iter(pipeline.parser.parse_many([(repaired.text, text, repaired.to_original)])))
