"""The seed article end to end: the JSON contract, offsets into the original text, and the gold."""

from __future__ import annotations

import pytest
from tests.conftest import SEED, shared_path

from detente.evaluate import evaluate, load_gold
from detente.models import PLOVER_TYPES, AnalyzedArticle
from detente.pipeline import Pipeline
from detente.read import read_file

pytestmark = pytest.mark.model

ACTOR_KEYS = {"id", "name", "country", "sector", "text"}
EVENT_KEYS = {
    "id", "actor", "recipient", "reciprocal", "event", "mode", "context", "cameo", "goldstein", "quad_class",
    "modality", "claimed_by", "when", "where", "evidence", "confidence",
}


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline) -> AnalyzedArticle:
    [article] = list(read_file(SEED))
    assert not hasattr(article, "reason"), article
    return pipeline.analyze_one(article)  # type: ignore[arg-type]


def test_contract_shape(seed: AnalyzedArticle) -> None:
    record = seed.to_json()
    assert {"id", "date", "title", "outlet", "text", "repairs", "mentions", "quotes", "events"} <= set(record)
    assert record["date"] == "2023-07-02" and record["text"].startswith("In the last few years")
    assert record["events"], "the seed must yield events"
    for event in record["events"]:
        assert set(event) >= EVENT_KEYS
        assert event["event"] in PLOVER_TYPES
        assert event["quad_class"] in (1, 2, 3, 4)
        assert event["modality"] in ("asserted", "negated", "hypothetical", "future", "claimed")
        for key in ("actor", "recipient", "claimed_by"):
            assert event[key] is None or set(event[key]) == ACTOR_KEYS
        assert {"start", "end", "granularity", "text"} <= set(event["when"])


def test_every_offset_points_at_its_text_in_the_original(seed: AnalyzedArticle) -> None:
    text = seed.article.text
    for mention in seed.mentions:
        assert text[mention.start:mention.end] == mention.text
    for quote in seed.quotes:
        assert text[quote.start:quote.end] == quote.text
    for event in seed.events:
        for evidence in event.evidence:
            assert text[evidence.start:evidence.end] == evidence.text


def test_seed_quotes_have_their_speaker(seed: AnalyzedArticle) -> None:
    speakers = {q.text: (q.speaker.name if q.speaker else None) for q in seed.quotes}
    assert speakers["a single homeland"] == "Alexander Lukashenko"
    assert speakers["from Brest to Vladivostok"] == "Alexander Lukashenko"


def test_the_engine_finds_most_of_the_seed_gold(pipeline: Pipeline) -> None:
    gold = load_gold(shared_path("gold", "seed-5577dacb.yaml"))
    report = evaluate(gold, lambda batch: list(pipeline.analyze(batch)))
    assert report.events.tp >= 10, [m.gold_id for m in report.misses]
    assert report.events.precision is not None and report.events.precision >= 0.6


def test_repair_finds_the_seed_defects_and_more_events_and_actors(pipeline: Pipeline) -> None:
    from detente.repair.stage import RepairSettings
    from detente.settings import Settings

    gold = load_gold(shared_path("gold", "seed-5577dacb.yaml"))
    unrepaired = Pipeline(Settings(repair=RepairSettings.off()))
    with_repair = evaluate(gold, lambda batch: list(pipeline.analyze(batch)))
    without = evaluate(gold, lambda batch: list(unrepaired.analyze(batch)))
    assert with_repair.repairs_covered.correct == 7  # all seven defects the analyst listed
    assert with_repair.events.tp > without.events.tp

    [article] = list(read_file(SEED))
    repaired, plain = pipeline.analyze_one(article), unrepaired.analyze_one(article)  # type: ignore[arg-type]
    resolved = [sum(1 for m in r.mentions if m.actor is not None and m.actor.id) for r in (repaired, plain)]
    assert resolved[0] > resolved[1]
    assert len(repaired.events) > len(plain.events)
