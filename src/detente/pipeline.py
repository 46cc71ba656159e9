"""Stage order and the batch runner: read → repair → nlp → actors → events → (store).

The Pipeline loads its tables once and then analyses articles in batches; `ingest` drives it over
input paths into a store and returns a RunReport (counts, rejects with reasons, timings). The
library never prints: progress goes through an optional callback.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from detente.actors.context import DocumentNames, OwnedRoles, PlaceCountry, RoleMentions, TitledNames
from detente.actors.coref import Coreference
from detente.actors.dictionary import ActorDictionary
from detente.actors.resolve import DEFAULT_PASSES, MentionPass, find_mentions
from detente.errors import DetenteError
from detente.events.extract import EventCoder
from detente.events.quotes import find_quotes
from detente.events.syntax import Tree
from detente.gazetteer import Gazetteer
from detente.models import AnalyzedArticle, Article, Rejected, SourceRef
from detente.nlp import Parser
from detente.read import read_paths
from detente.repair import RepairedText
from detente.repair.stage import Repairer
from detente.repair.vocabulary import Vocabulary
from detente.settings import Settings


class ArticleSink(Protocol):
    def write(self, analyzed: AnalyzedArticle) -> bool: ...


@dataclass
class RunReport:
    """What a batch run did: nothing is dropped without a line here."""

    read: int = 0
    analysed: int = 0
    stored: int = 0
    already_stored: int = 0
    events: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.rejected


class Pipeline:
    """The loaded engine: parser, actor dictionary and event coder, reused across articles."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.parser = Parser(model=self.settings.model, batch_size=self.settings.batch_size)
        self.dictionary = ActorDictionary.load(user_file=self.settings.actors)
        vocabulary = Vocabulary.build(actor_names=self.dictionary.names()) if self.settings.repair.kinds else None
        self.repairer = Repairer.build(self.settings.repair, vocabulary=vocabulary)
        gazetteer = Gazetteer(reserved=frozenset(n.lower() for n in self.dictionary.non_place_names()))
        self.mention_passes: tuple[MentionPass, ...] = (
            *DEFAULT_PASSES,
            DocumentNames(),  # "the Paris Agreement" names no party
            PlaceCountry(gazetteer),  # first: "leaders of Egypt's Muslim Brotherhood" take the group's country
            RoleMentions(),
            TitledNames(),  # after the roles it reads: "Kosovo Prime Minister Albin Kurti"
            Coreference.build(self.dictionary),
            OwnedRoles(),  # after the pronouns are resolved: "warns its citizens"
        )
        self.coder = EventCoder.load(gazetteer=gazetteer)

    def analyze(self, articles: Iterable[Article]) -> Iterator[AnalyzedArticle]:
        """Analyse articles in order, parsing them in batches."""
        items: deque[tuple[Article, RepairedText]] = deque()

        def parse_inputs() -> Iterator[tuple[str, str, Callable[[int, int], tuple[int, int]]]]:
            for article in articles:
                repaired = self.repairer.repair(article.text)
                items.append((article, repaired))
                yield repaired.text, article.text, repaired.to_original

        for doc in self.parser.parse_many(parse_inputs()):
            article, repaired = items.popleft()
            started = time.perf_counter()
            mentions = find_mentions(doc, self.dictionary, date=article.date, passes=self.mention_passes)
            events = self.coder.extract(doc, mentions, article)
            quotes = find_quotes(Tree(doc, mentions))
            yield AnalyzedArticle(
                article=article,
                repairs=repaired.repairs,
                sentences=doc.sentences,
                mentions=tuple(mentions),
                quotes=tuple(quotes),
                events=tuple(events),
                timings={"actors+events": time.perf_counter() - started},
            )

    def analyze_one(self, article: Article) -> AnalyzedArticle:
        return next(iter(self.analyze([article])))


def split_inputs(
    paths: Sequence[str | Path], *, default_date: dt.date | None = None, report: RunReport
) -> Iterator[Article]:
    """Articles from the input paths; every rejected input is recorded in the report."""
    for item in read_paths(paths, default_date=default_date):
        if isinstance(item, Rejected):
            report.rejected.append(item)
        else:
            report.read += 1
            yield item


def ingest(
    paths: Sequence[str | Path],
    *,
    pipeline: Pipeline,
    sink: ArticleSink,
    default_date: dt.date | None = None,
    on_article: Callable[[AnalyzedArticle], None] | None = None,
) -> RunReport:
    """Read, analyse and store; one article's failure is reported and the batch goes on."""
    report = RunReport()
    started = time.perf_counter()
    articles = split_inputs(paths, default_date=default_date, report=report)
    for analyzed in pipeline.analyze(articles):
        report.analysed += 1
        report.events += len(analyzed.events)
        try:
            stored = sink.write(analyzed)
        except DetenteError as exc:
            source = analyzed.article.source or SourceRef(analyzed.article.id)
            report.rejected.append(Rejected(source, f"could not store: {exc}", exc.code))
            continue
        if stored:
            report.stored += 1
        else:
            report.already_stored += 1
        if on_article is not None:
            on_article(analyzed)
    report.timings["total"] = time.perf_counter() - started
    return report
