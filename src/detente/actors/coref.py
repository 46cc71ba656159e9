"""Coreference by rules (no offline coreference model exists): a mention pass run after the others.

1. Leader descriptions: a country's role phrase headed by a leader noun ("the Belarusian dictator",
   "the Minsk dictator", "the Kremlin leader") becomes the person who held that country's top office
   on the article's date, when the dictionary knows exactly one such person.
2. Personal pronouns (he, him, his, she, her, himself, herself) link to the most salient earlier
   person: subjects before other mentions, the same sentence before earlier ones, nearer before
   farther; a pronoun never links to a co-argument of its own verb ("Putin will thank him").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from detente.actors.dictionary import ActorDictionary
from detente.actors.spans import ResolveContext
from detente.models import Actor, Mention, ParsedDoc, Token

LEADER_NOUNS = frozenset(
    {
        "dictator",
        "president",
        "leader",
        "strongman",
        "autocrat",
        "ruler",
        "despot",
        "head",
        "premier",
        "chancellor",
        "monarch",
        "king",
        "emir",
        "sultan",
        "tsar",
        "czar",
    }
)
TOP_TITLES = ("president", "supreme leader", "king", "emir", "sultan", "chancellor", "prime minister")
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "himself", "herself", "hers"})
REFLEXIVES = frozenset({"himself", "herself"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
LOOKBACK_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class Coreference:
    """A mention pass: `find_mentions(doc, d, date=..., passes=(*DEFAULT_PASSES, Coreference.build(d)))`."""

    dictionary: ActorDictionary

    @classmethod
    def build(cls, dictionary: ActorDictionary) -> Coreference:
        return cls(dictionary)

    def __call__(self, ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
        resolved = [self._leader(ctx, m) for m in sorted(mentions, key=lambda m: m.token_start)]
        return _link_pronouns(ctx, resolved)

    def _leader(self, ctx: ResolveContext, mention: Mention) -> Mention:
        actor = mention.actor
        if actor is None or actor.kind != "country" or actor.sector != "GOV" or mention.how not in {"role", "metonym"}:
            return mention
        head = ctx.doc.tokens[mention.head]
        if head.lemma.lower() not in LEADER_NOUNS or actor.id is None:
            return mention
        person = self.top_official(actor.id, ctx.date)
        if person is None:
            return mention
        return replace(mention, actor=person.with_text(mention.text), how="coref")

    def top_official(self, country: str, date: dt.date) -> Actor | None:
        """The one person holding the country's highest office on `date`, by title rank."""
        for title in TOP_TITLES:
            holders = []
            for entry in self.dictionary.entries.values():
                role = entry.role_at(date) if entry.kind == "person" else None
                if role is not None and title == role.title.lower() and (role.country or entry.country) == country:
                    holders.append(entry)
            if len(holders) == 1:
                return holders[0].actor_at(date)
            if holders:
                return None  # ambiguous: leave the description as the country's government
        return None


def _link_pronouns(ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
    doc = ctx.doc
    out = list(mentions)
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    for token in doc.tokens:
        if token.i in taken or token.pos != "PRON" or token.text.lower() not in PERSONAL_PRONOUNS:
            continue
        antecedent = _antecedent(doc, token, out)
        if antecedent is not None and antecedent.actor is not None:
            out.append(ctx.mention(token.i, token.i + 1, antecedent.actor, "coref"))
            out.sort(key=lambda m: m.token_start)
    return out


def _antecedent(doc: ParsedDoc, pronoun: Token, mentions: list[Mention]) -> Mention | None:
    best: tuple[int, int, Mention] | None = None
    for mention in mentions:
        if mention.token_end > pronoun.i or mention.actor is None or mention.actor.kind != "person":
            continue
        distance = pronoun.sentence - mention.sentence
        if distance > LOOKBACK_SENTENCES or not _compatible(doc, pronoun, mention):
            continue
        subject = doc.tokens[mention.head].dep in SUBJECT_DEPS
        score = 2 * distance + (0 if subject else 1)
        key = (score, pronoun.i - mention.token_end)
        if best is None or key < best[:2]:
            best = (key[0], key[1], mention)
    return best[2] if best else None


def _compatible(doc: ParsedDoc, pronoun: Token, mention: Mention) -> bool:
    """Binding: a non-reflexive pronoun is not its own verb's subject or object ("Putin thanks him")."""
    head = doc.tokens[mention.head]
    same_verb = head.head == pronoun.head and head.sentence == pronoun.sentence
    if pronoun.text.lower() in REFLEXIVES:
        return same_verb or pronoun.sentence == mention.sentence
    if pronoun.text.lower() == "his" or (pronoun.text.lower() == "her" and pronoun.dep == "poss"):
        return True
    return not same_verb
