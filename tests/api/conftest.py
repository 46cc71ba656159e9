"""A small DuckDB store built by hand (no spaCy) and TestClients over apps serving it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente.api import create_app
from detente.models import (
    Actor,
    AnalyzedArticle,
    Article,
    Event,
    Evidence,
    Mention,
    Place,
    Quote,
    Repair,
    Sentence,
    When,
)
from detente.store import open_store

TOKEN = "test-ingest-token-0123456789"

RUS = Actor("RUS", "Russia", "RUS", "GOV", "Moscow", "country")
BLR = Actor("BLR", "Belarus", "BLR", "GOV", "Minsk", "country")
UKR = Actor("UKR", "Ukraine", "UKR", "GOV", "Kyiv", "country")
# kind -> (cameo, goldstein, quad_class, trigger)
CODES = {
    "CONSULT": ("036", 4.0, 1, "talks"),
    "AID": ("070", 7.0, 2, "aid"),
    "ACCUSE": ("112", -2.0, 3, "accused"),
    "ASSAULT": ("190", -10.0, 4, "attacked"),
}


def make_event(eid: str, kind: str, actor: Actor | None, recipient: Actor | None, *, when: str | None,
               modality: str = "asserted", where: Place | None = None, evidence: Evidence | None = None) -> Event:
    cameo, goldstein, quad, trigger = CODES[kind]
    return Event(
        id=eid, actor=actor, recipient=recipient, reciprocal=False, event=kind, mode=None, context=(),
        cameo=cameo, goldstein=goldstein, quad_class=quad, modality=modality, claimed_by=None,
        when=When(when, when, "day" if when else "publication", None), where=where,
        evidence=(evidence,) if evidence else (), confidence=0.9, trigger=trigger,
    )


def make_article(n: int, date: dt.date, specs: Iterable[tuple[str, Actor, Actor, str]],
                 place: Place | None = None) -> AnalyzedArticle:
    """An article whose n-th sentence states each (kind, actor, recipient, modality) in specs."""
    specs = list(specs)
    sentences = [f"{a.name} {CODES[k][3]} {r.name} ({m}, item {n}.{i})." for i, (k, a, r, m) in enumerate(specs)]
    text = " ".join(sentences) or f"Nothing happened, item {n}."
    art = Article.make(date=date, text=text, title=f"Story {n}", outlet="Wire", url=f"https://x.test/{n}")
    events, sents, mentions = [], [], []
    pos = 0
    for i, ((kind, actor, recipient, modality), s) in enumerate(zip(specs, sentences, strict=True)):
        sents.append(Sentence(i, i * 8, i * 8 + 8, pos, pos + len(s), s))
        mentions.append(Mention(pos, pos + len(actor.name or ""), actor.name or "", actor, i, i * 8, i * 8 + 1, i * 8))
        events.append(make_event(
            f"{art.id}-e{i}", kind, actor, recipient, when=date.isoformat(), modality=modality, where=place,
            evidence=Evidence(i, pos, pos + len(s), s),
        ))
        pos += len(s) + 1
    repairs = (Repair(0, 1, text[0], text[0], "whitespace"),)
    quotes = (Quote(0, len(sentences[0]), sentences[0], None),) if sentences else ()
    return AnalyzedArticle(article=art, repairs=repairs, sentences=tuple(sents), mentions=tuple(mentions),
                           quotes=quotes, events=tuple(events))


def corpus() -> list[AnalyzedArticle]:
    """11 events in 6 articles: 8 between RUS and BLR (5 asserted), 3 involving UKR."""
    minsk = Place("Minsk", "BLR", 53.9, 27.56)
    return [
        make_article(1, dt.date(2020, 1, 10), [("CONSULT", RUS, BLR, "asserted"), ("AID", RUS, BLR, "asserted")],
                     place=minsk),
        make_article(2, dt.date(2020, 1, 20), [("ACCUSE", BLR, RUS, "asserted"), ("ASSAULT", RUS, BLR, "future")]),
        make_article(3, dt.date(2020, 3, 5), [("CONSULT", BLR, RUS, "asserted"), ("ASSAULT", RUS, UKR, "asserted")]),
        make_article(4, dt.date(2021, 6, 1), [("ACCUSE", UKR, RUS, "asserted"), ("CONSULT", RUS, BLR, "negated")]),
        make_article(5, dt.date(2021, 7, 15), [("ASSAULT", RUS, BLR, "asserted"), ("AID", RUS, BLR, "claimed")]),
        make_article(6, dt.date(2022, 2, 24), [("ASSAULT", RUS, UKR, "asserted")]),
    ]


@pytest.fixture
def articles() -> list[AnalyzedArticle]:
    return corpus()


@pytest.fixture
def db_path(tmp_path: Path, articles: list[AnalyzedArticle]) -> Path:
    """The corpus in a DuckDB file (for tests about the app itself rather than the endpoints)."""
    path = tmp_path / "api.duckdb"
    with open_store(path) as store:
        assert store.write_many(articles) == [True] * len(articles)
    return path


@pytest.fixture
def location(store_location: str, articles: list[AnalyzedArticle]) -> str:
    """The corpus on each backend (tests/conftest.py store_location: DuckDB file, PostgreSQL schema)."""
    with open_store(store_location) as store:
        assert store.write_many(articles) == [True] * len(articles)
    return store_location


@pytest.fixture
def client(location: str) -> Iterator[TestClient]:
    with TestClient(create_app(location, ui=False)) as c:
        yield c


class FakePipeline:
    """Stands in for detente.pipeline.Pipeline: one ASSAULT per "attacked", and "BOOM" breaks it."""

    def __init__(self) -> None:
        self.calls = 0

    def analyze(self, articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
        self.calls += 1
        for art in list(articles):
            if "BOOM" in art.text:
                raise RuntimeError("the parser fell over")
            events = tuple(
                make_event(f"{art.id}-e{i}", "ASSAULT", RUS, UKR, when=None)
                for i in range(art.text.count("attacked"))
            )
            yield AnalyzedArticle(article=art, events=events)


@pytest.fixture
def fake_pipeline() -> FakePipeline:
    return FakePipeline()


@pytest.fixture
def ingest_client(location: str, fake_pipeline: FakePipeline) -> Iterator[TestClient]:
    app = create_app(location, ingest_token=TOKEN, ui=False, pipeline_factory=lambda: fake_pipeline)
    with TestClient(app) as c:
        yield c
