"""Time each pipeline stage against the raw spaCy parse on the same articles; prints figures (never a test).

    .venv/bin/python scripts/bench_stages.py --n 100

In one run: raw `nlp.pipe` over the article texts (the model detente loads), then the repair stage, the
actors stage (dictionary load + mention passes) and event coding, each timed around its own call on the
same articles and shown as seconds and as % of the raw parse; then the whole Pipeline end to end
(articles/s, tokens/s) and the peak RSS. The repair stage runs twice: its first run also loads what it
loads lazily, which the target counts; the second shows the steady cost. The spaCy Docs of the raw parse
are reused for the later stages (an article whose text the repair changed is parsed again, outside
every timing).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from detente.models import Article, ParsedDoc
from detente.read import read_paths

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "wikinews"
TARGETS = {"repair": 10.0, "actors": 15.0, "events": 15.0}  # at most this % of the raw parse time


class Clock:
    """Accumulates wall time per label."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def time(self, label: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - started

    def __getitem__(self, label: str) -> float:
        return self.seconds.get(label, 0.0)


def read_articles(paths: Sequence[Path], n: int) -> list[Article]:
    articles: list[Article] = []
    for item in read_paths(list(paths)):
        if isinstance(item, Article) and item.text.strip():
            articles.append(item)
            if len(articles) >= n:
                break
    return articles


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def build_repairer(dictionary: Any, clock: Clock) -> tuple[Any, list[str]]:
    """The pipeline's repairer (vocabulary from every actor name); the dictionary load is the actors'."""
    from eval_repair import repairer_for  # the sibling script: Repairer.build, or the steps that exist yet

    from detente.repair.vocabulary import Vocabulary

    with clock.time("repair load"):
        return repairer_for(Vocabulary.build(actor_names=dictionary.names()))


def bench(articles: Sequence[Article], batch_size: int) -> tuple[Clock, dict[str, float]]:
    from detente.actors.coref import Coreference
    from detente.actors.dictionary import ActorDictionary
    from detente.actors.resolve import DEFAULT_PASSES, MentionPass, find_mentions
    from detente.events.extract import EventCoder
    from detente.events.quotes import find_quotes
    from detente.events.syntax import Tree
    from detente.nlp import load_pipeline, to_parsed_doc
    from detente.pipeline import Pipeline

    clock = Clock()
    counts: dict[str, float] = {}
    texts = [a.text for a in articles]
    with clock.time("model load"):
        nlp = load_pipeline()
    nlp("Warm the pipeline up once.")  # the first call allocates; keep it out of the parse time

    with clock.time("raw parse"):
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    counts["tokens"] = sum(len(d) for d in docs)

    with clock.time("actors load"):
        dictionary = ActorDictionary.load()
        passes: tuple[MentionPass, ...] = (*DEFAULT_PASSES, Coreference.build(dictionary))
    repairer, missing = build_repairer(dictionary, clock)
    counts["missing repair modules"] = len(missing)
    with clock.time("repair run"):
        repaired = [repairer.repair(text) for text in texts]
    with clock.time("repair warm run"):  # again: the first run also paid for lazy loads (language models)
        for text in texts:
            repairer.repair(text)
    counts["repairs"] = sum(len(r.repairs) for r in repaired)
    changed = [i for i, r in enumerate(repaired) if r.text != texts[i]]
    counts["changed"] = len(changed)
    if changed:  # parse the texts the repair changed, as the pipeline would; not part of any timing
        for i, doc in zip(changed, nlp.pipe([repaired[i].text for i in changed], batch_size=batch_size),
                          strict=True):
            docs[i] = doc

    with clock.time("to ParsedDoc"):
        parsed: list[ParsedDoc] = [to_parsed_doc(doc, article.text, fixed.to_original)
                                   for doc, article, fixed in zip(docs, articles, repaired, strict=True)]
    with clock.time("actors run"):
        mentions = [find_mentions(doc, dictionary, date=article.date, passes=passes)
                    for doc, article in zip(parsed, articles, strict=True)]
    counts["mentions"] = sum(len(m) for m in mentions)
    with clock.time("events load"):
        coder = EventCoder.load()
    with clock.time("events run"):
        events = [coder.extract(doc, found, article)
                  for doc, found, article in zip(parsed, mentions, articles, strict=True)]
    counts["events"] = sum(len(e) for e in events)
    with clock.time("quotes run"):
        counts["quotes"] = sum(len(find_quotes(Tree(doc, found))) for doc, found in zip(parsed, mentions, strict=True))

    if missing:
        print(f"MISSING repair modules (their steps are left out; no end-to-end run): {', '.join(missing)}")
        return clock, counts
    with clock.time("pipeline build"):
        pipeline = Pipeline()
    with clock.time("pipeline analyze"):
        analysed = list(pipeline.analyze(articles))
    counts["pipeline events"] = sum(len(a.events) for a in analysed)
    return clock, counts


def report(articles: Sequence[Article], clock: Clock, counts: dict[str, float]) -> None:
    parse = clock["raw parse"]
    chars = sum(len(a.text) for a in articles)

    def row(label: str, seconds: float, note: str = "") -> None:
        share = 100.0 * seconds / parse if parse else 0.0
        print(f"  {label:<38}{seconds:>9.3f}s{share:>9.1f}%  {note}")

    print(f"{len(articles)} articles, {chars} characters, {int(counts['tokens'])} spaCy tokens")
    print("\nstage times (% of the raw parse):")
    row("raw spaCy nlp.pipe", parse, f"{len(articles) / parse:.1f} articles/s" if parse else "")
    row("repair: vocabulary + Repairer.build", clock["repair load"])
    row("repair: run", clock["repair run"],
        f"{int(counts['repairs'])} repairs, {int(counts['changed'])} texts changed")
    row("repair: total", clock["repair load"] + clock["repair run"])
    row("repair: the same run again (warm)", clock["repair warm run"], "lazy loads already paid")
    row("spaCy Doc → ParsedDoc", clock["to ParsedDoc"])
    row("actors: dictionary load + coref build", clock["actors load"])
    row("actors: find_mentions", clock["actors run"], f"{int(counts['mentions'])} mentions")
    row("actors: total", clock["actors load"] + clock["actors run"])
    row("events: EventCoder.load", clock["events load"])
    row("events: EventCoder.extract", clock["events run"], f"{int(counts['events'])} events")
    row("quotes: find_quotes", clock["quotes run"], f"{int(counts['quotes'])} quotes")
    print(f"  (model load {clock['model load']:.2f}s, not counted)")

    total = clock["pipeline analyze"]
    print("\nwhole pipeline (Pipeline().analyze, parse included):")
    if total:
        print(f"  build {clock['pipeline build']:.2f}s; analyze {total:.2f}s = "
              f"{len(articles) / total:.1f} articles/s, {counts['tokens'] / total:,.0f} tokens/s; "
              f"{int(counts['pipeline events'])} events")
    else:
        print("  not run (a repair module is missing)")
    staged = sum(clock[k] for k in ("raw parse", "repair warm run", "to ParsedDoc", "actors run", "events run",
                                    "quotes run"))
    print(f"  sum of the stage runs above (loads and the first repair run excluded) {staged:.2f}s = "
          f"{len(articles) / staged:.1f} articles/s, {counts['tokens'] / staged:,.0f} tokens/s")
    print(f"  peak RSS {peak_rss_mb():.0f} MB (this script holds two dictionaries and coders: its own and"
          " the Pipeline's)")

    # The repair target is per article ("at most 10 % of the parse time per article"): its one-time
    # load (the vocabulary and wordfreq's tables, like the spaCy model load) is printed above, not counted.
    shares = {
        "repair": clock["repair run"],
        "actors": clock["actors load"] + clock["actors run"],
        "events": clock["events run"],
    }
    labels = {"repair": "repair (per article, first run)", "actors": "actors (dictionary load + resolution)",
              "events": "event coding (EventCoder.extract)"}
    print("\ntargets (% of raw parse time):")
    for key, limit in TARGETS.items():
        share = 100.0 * shares[key] / parse if parse else 0.0
        print(f"  {labels[key]:<40}{share:>6.1f}% <= {limit:.0f}%: {'MET' if share <= limit else 'NOT MET'}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100, help="articles to read")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="a folder of Wikinews CSV files")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)
    paths = sorted(args.corpus.glob("*.csv")) if args.corpus.is_dir() else [args.corpus]
    if not paths or not all(p.exists() for p in paths):
        print(f"corpus not found: {args.corpus}")
        return 0
    articles = read_articles(paths, args.n)
    clock, counts = bench(articles, args.batch_size)
    report(articles, clock, counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
