"""Measure actor-mention precision and recall on a seed against its gold `actors` list; prints figures.

    .venv/bin/python scripts/eval_mentions.py [--seed ../shared/seeds/000_5577dacb3e3c48cb.txt]
                                              [--gold ../shared/gold/seed-5577dacb.yaml] [--verbose]

Gold occurrences: every place a gold actor's listed mention string occurs in the ORIGINAL text, case-sensitive,
starting at a word boundary or a capital glued to a lower-case letter ("ShraibmanBelarusian" holds "Belarusian"; the
right edge may be glued too: "Prigozhinexplaining" holds "Prigozhin"). Longer
strings claim their characters first, so "Minsk" inside "the Minsk dictator" is a Lukashenko occurrence only
and "Russian" inside "Carnegie Endowment for Russian and Eurasian Studies" belongs to Carnegie.

- recall: gold occurrences overlapped by a predicted mention whose actor is the gold actor / gold occurrences.
- precision: predicted mentions with an actor that overlap a gold occurrence and whose actor is the actor of
  one of the occurrences they overlap / predicted mentions with an actor that overlap a gold occurrence.
A predicted actor is the gold actor when its id is the id the dictionary gives the gold name, or (for actors
the dictionary lacks) when its name equals the gold name.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from detente.actors.dictionary import ActorDictionary
from detente.models import Actor, AnalyzedArticle, Article, Mention
from detente.pipeline import Pipeline
from detente.read import read_file

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT_SEED = SHARED / "seeds" / "000_5577dacb3e3c48cb.txt"
DEFAULT_GOLD = SHARED / "gold" / "seed-5577dacb.yaml"


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    key: str  # dictionary id, or "name:<casefolded name>" when the dictionary lacks the actor
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Occurrence:
    actor: GoldActor
    string: str
    start: int
    end: int


def gold_actors(gold: dict[str, Any], dictionary: ActorDictionary) -> list[GoldActor]:
    out = []
    for item in gold.get("actors") or []:
        name = str(item["name"])
        match = dictionary.lookup(name)
        key = match.entry.id if match is not None else f"name:{name.casefold()}"
        out.append(GoldActor(name, key, tuple(str(m) for m in item.get("mentions") or [])))
    return out


def occurrences(text: str, actors: Sequence[GoldActor]) -> list[Occurrence]:
    """Every gold mention string in the text; a longer string claims its characters before a shorter one."""
    found = []
    for actor in actors:
        for string in actor.mentions:
            for match in re.finditer(re.escape(string), text):
                if _word_start(text, match.start(), string):
                    found.append(Occurrence(actor, string, match.start(), match.end()))
    claimed: list[Occurrence] = []
    for occ in sorted(found, key=lambda o: (o.start - o.end, o.start)):
        if not any(o.start < occ.end and occ.start < o.end for o in claimed):
            claimed.append(occ)
    return sorted(claimed, key=lambda o: o.start)


def _word_start(text: str, start: int, string: str) -> bool:
    """At a word boundary, or a capitalised word glued to the previous one ("ShraibmanBelarusian")."""
    before = text[start - 1] if start else " "
    return not before.isalnum() or (before.islower() and string[:1].isupper())


def actor_key(actor: Actor, dictionary: ActorDictionary) -> set[str]:
    keys = set()
    if actor.id is not None:
        keys.add(actor.id)
    if actor.name:
        keys.add(f"name:{actor.name.casefold()}")
        match = dictionary.lookup(actor.name)
        if match is not None and actor.id is None:
            keys.add(match.entry.id)
    return keys


def overlaps(mention: Mention, occ: Occurrence) -> bool:
    return mention.start < occ.end and occ.start < mention.end


@dataclass
class Scores:
    found: int
    gold: int
    correct: int
    predicted: int

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0


def score(analyzed: AnalyzedArticle, actors: Sequence[GoldActor], dictionary: ActorDictionary,
          *, verbose: bool = False, out: Any = sys.stdout) -> Scores:
    text = analyzed.article.text
    occs = occurrences(text, actors)
    linked = [m for m in analyzed.mentions if m.actor is not None]

    def right(mention: Mention, occ: Occurrence) -> bool:
        assert mention.actor is not None
        return occ.actor.key in actor_key(mention.actor, dictionary)

    found_total = 0
    for actor in actors:
        print(f"{actor.name}  [{actor.key}]", file=out)
        for string in actor.mentions:
            mine = [o for o in occs if o.actor is actor and o.string == string]
            hits = [o for o in mine if any(overlaps(m, o) and right(m, o) for m in linked)]
            found_total += len(hits)
            mark = "ok " if mine and len(hits) == len(mine) else ("-- " if not hits else "~  ")
            print(f"   {mark}{string!r}: {len(hits)}/{len(mine)} found and linked", file=out)
            if verbose:
                for o in mine:
                    if o not in hits:
                        got = [(m.text, m.actor.name if m.actor else None) for m in linked if overlaps(m, o)]
                        print(f"        missed at {o.start}: {text[max(0, o.start - 30):o.end + 10]!r} got {got}",
                              file=out)

    predicted = [m for m in linked if any(overlaps(m, o) for o in occs)]
    correct = [m for m in predicted if any(overlaps(m, o) and right(m, o) for o in occs)]
    if verbose:
        for m in predicted:
            if m not in correct:
                want = sorted({o.actor.name for o in occs if overlaps(m, o)})
                assert m.actor is not None
                print(f"   wrong link: {m.text!r} (sentence {m.sentence}, {m.how}) → {m.actor.name or m.actor.id} "
                      f"[{m.actor.country}/{m.actor.sector}], gold {want}", file=out)
    return Scores(found_total, len(occs), len(correct), len(predicted))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--verbose", "-v", action="store_true", help="list missed occurrences and wrong links")
    args = parser.parse_args(argv)
    if not args.seed.exists() or not args.gold.exists():
        print(f"seed or gold not found ({args.seed}, {args.gold}): ../shared must sit beside the repository")
        return 0
    article = next((a for a in read_file(args.seed) if isinstance(a, Article)), None)
    if article is None:
        print(f"{args.seed}: no article could be read")
        return 0
    with open(args.gold, encoding="utf-8") as handle:
        gold = yaml.safe_load(handle)
    pipeline = Pipeline()
    analyzed = pipeline.analyze_one(article)
    actors = gold_actors(gold, pipeline.dictionary)
    scores = score(analyzed, actors, pipeline.dictionary, verbose=args.verbose)
    print()
    print(f"mention recall:    {scores.found}/{scores.gold} = {scores.recall:.1%}")
    print(f"mention precision: {scores.correct}/{scores.predicted} = {scores.precision:.1%}")
    unresolved = [a.name for a in actors if not any(
        m.actor is not None and a.key in actor_key(m.actor, pipeline.dictionary) for m in analyzed.mentions)]
    print(f"gold actors resolved at least once: {len(actors) - len(unresolved)}/{len(actors)}"
          + (f" (missing: {', '.join(unresolved)})" if unresolved else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
