"""The seed interview (../shared): every gold actor is resolved, and every listed mention string at least once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from detente.models import Actor, AnalyzedArticle, Article
from detente.pipeline import Pipeline
from detente.read import read_file

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seeds" / "000_5577dacb3e3c48cb.txt"
GOLD = SHARED / "gold" / "seed-5577dacb.yaml"

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline) -> tuple[AnalyzedArticle, list[dict[str, Any]], dict[str, Any]]:
    if not SEED.exists() or not GOLD.exists():
        pytest.skip(f"../shared not found ({SHARED}): the seed test needs the shared dev sets beside the repository")
    article = next(a for a in read_file(SEED) if isinstance(a, Article))
    with open(GOLD, encoding="utf-8") as handle:
        gold = yaml.safe_load(handle)
    return pipeline.analyze_one(article), list(gold["actors"]), gold["document"]


def is_actor(pipeline: Pipeline, actor: Actor | None, name: str) -> bool:
    if actor is None:
        return False
    match = pipeline.dictionary.lookup(name)
    return (match is not None and actor.id == match.entry.id) or (actor.name or "").casefold() == name.casefold()


def test_every_gold_actor_is_resolved_at_least_once(
    pipeline: Pipeline, seed: tuple[AnalyzedArticle, list[dict[str, Any]], dict[str, Any]]
) -> None:
    analyzed, actors, _ = seed
    missing = [a["name"] for a in actors if not any(is_actor(pipeline, m.actor, a["name"]) for m in analyzed.mentions)]
    assert not missing


def test_every_gold_mention_string_is_found_and_linked_once(
    pipeline: Pipeline, seed: tuple[AnalyzedArticle, list[dict[str, Any]], dict[str, Any]]
) -> None:
    analyzed, actors, _ = seed
    text = analyzed.article.text
    missing = []
    for actor in actors:
        for string in actor["mentions"]:
            spans = [(i, i + len(string)) for i in range(len(text)) if text.startswith(string, i)]
            if not any(m.start < end and start < m.end and is_actor(pipeline, m.actor, actor["name"])
                       for m in analyzed.mentions for start, end in spans):
                missing.append(f"{actor['name']}: {string!r}")
    assert not missing


def test_the_interviewee_speaks_in_the_first_person(
    pipeline: Pipeline, seed: tuple[AnalyzedArticle, list[dict[str, Any]], dict[str, Any]]
) -> None:
    analyzed, _, document = seed
    first = [m for m in analyzed.mentions if m.text in ("I", "We", "we")]
    assert first and all(is_actor(pipeline, m.actor, document["interviewee"]["name"]) for m in first)
