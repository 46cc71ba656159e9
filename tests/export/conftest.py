"""A small hand-built store (no spaCy): two articles, five events of every kind an export meets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.models import Actor, AnalyzedArticle, Article, Event, Evidence, Place, When
from detente.store import open_store

USA = Actor("USA", "United States", "USA", "GOV", "Washington", "country")
RUS = Actor("RUS", "Russia", "RUS", "GOV", "Moscow", "country")
RUS_MIL = Actor("RUS", "Russia", "RUS", "MIL", "Russian troops", "country")
UKR = Actor("UKR", "Ukraine", "UKR", "government", "Kyiv", "country")  # a long sector name, as some sources give
UKR_CIVILIANS = Actor(None, None, "UKR", "CVL", "Ukrainian civilians", "role")
PROTESTERS = Actor(None, None, None, "CVL", "protesters", "role")
STATE_DEPT = Actor("USA-STATE", "State Department", "USA", "GOV", "the State Department", "org")

TEXT_A = "Washington accused Moscow of hacking on Monday. Moscow will hold talks with Washington in Geneva."
TEXT_B = "Russian troops shelled Kyiv. The United States sent aid to Ukrainian civilians. Protesters marched."


def event(eid: str, kind: str, cameo: str, quad: int, goldstein: float, *, actor: Actor | None,
          recipient: Actor | None, text: str, modality: str = "asserted", when: When | None = None,
          where: Place | None = None, claimed_by: Actor | None = None, context: tuple[str, ...] = (),
          mode: str | None = None) -> Event:
    return Event(
        id=eid, actor=actor, recipient=recipient, reciprocal=False, event=kind, mode=mode, context=context,
        cameo=cameo, goldstein=goldstein, quad_class=quad, modality=modality, claimed_by=claimed_by,
        when=when or When(None, None, "publication"), where=where,
        evidence=(Evidence(0, 0, len(text), text),), confidence=0.8, trigger=kind.lower(),
    )


def articles() -> list[AnalyzedArticle]:
    a = Article.make(date=dt.date(2023, 5, 2), text=TEXT_A, title="Spat", outlet="Wire", url="https://x.test/a")
    b = Article.make(date=dt.date(2023, 7, 10), text=TEXT_B, title="War\tnews", outlet="Daily", url="https://x.test/b")
    return [
        AnalyzedArticle(article=a, events=(
            event("e1", "ACCUSE", "112", 3, -2.0, actor=USA, recipient=RUS, text=TEXT_A[:47],
                  when=When("2023-05-01", "2023-05-01", "day", "on Monday"), context=("cyber",),
                  mode="allege"),
            event("e2", "CONSULT", "036", 1, 4.0, actor=RUS, recipient=USA, text=TEXT_A[48:],
                  modality="claimed", claimed_by=STATE_DEPT, where=Place("Geneva", "CHE", 46.2022, 6.1457)),
        )),
        AnalyzedArticle(article=b, events=(
            event("e3", "ASSAULT", "195", 4, -10.0, actor=RUS_MIL, recipient=UKR, text=TEXT_B[:28],
                  where=Place("Kyiv", "UKR", 50.4547, 30.5238), context=("military",)),
            event("e4", "AID", "070", 2, 7.0, actor=USA, recipient=UKR_CIVILIANS, text=TEXT_B[29:79],
                  where=Place("Ukraine", "UKR", None, None)),
            event("e5", "PROTEST", "141", 3, -6.5, actor=PROTESTERS, recipient=None, text=TEXT_B[80:]),
        )),
    ]


ASSERTED = ("e1", "e3", "e4", "e5")  # e2 is claimed: left out unless asked for


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.duckdb"
    with open_store(path) as store:
        store.write_many(articles())
    return path
