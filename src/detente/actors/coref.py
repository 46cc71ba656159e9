"""Coreference by rules (no offline coreference model exists): a mention pass run after the others.

1. Leader descriptions: a country's role phrase headed by a leader noun ("the Belarusian dictator",
   "the Minsk dictator", "the Kremlin leader") becomes the person who held that country's top office
   on the article's date, when the dictionary knows exactly one such person.
2. Bare descriptions (descriptions.py): "the tsar", "the president", "the rebel"/"a rebel" become the one
   person the recent context allows (an office holder named nearby; a mutiny's leader).
3. Personal pronouns (he, him, his, she, her, himself, herself) link to the most salient earlier
   person: nearer sentences first; within a distance, the subject of the main clause or of the
   pronoun's own clause, then other subjects, then other mentions; nearer before farther. Binding:
   a pronoun never links to a co-argument of its own verb or to the controller of its non-finite
   clause ("Putin will thank him", "Lukashenko will be able to use him"), nor to a person named
   inside its own clause after it ("he does not talk to Prigozhin").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from detente.actors.descriptions import (
    LEADER_NOUNS,
    TOP_TITLES,
    clause_verb,
    co_arguments,
    in_domain,
    resolve_descriptions,
    titles_for,
    top_official,
)
from detente.actors.dictionary import ActorDictionary
from detente.actors.spans import ResolveContext
from detente.models import Actor, Mention, ParsedDoc, Token

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
        titles, specific = _titles_for(ctx.doc, head)
        person = self.top_official(actor.id, ctx.date, titles=titles, by_prefix=specific)
        if person is None:
            return mention
        return replace(mention, actor=person.with_text(mention.text), how="coref")

    def top_official(
        self, country: str, date: dt.date, *, titles: tuple[str, ...] = TOP_TITLES, by_prefix: bool = False
    ) -> Actor | None:
        """The one person holding the first of `titles` in the country on `date`."""
        for title in titles:
            holders = []
            for entry in self.dictionary.entries.values():
                role = entry.role_at(date) if entry.kind == "person" else None
                if (
                    role is not None
                    and _holds(role.title.lower(), title, by_prefix)
                    and (role.country or entry.country) == country
                ):
                    holders.append(entry)
            if len(holders) == 1:
                return holders[0].actor_at(date)
            if holders:
                return None  # ambiguous: leave the description as the country's government
        return None


MINISTRIES = {
    "prime": ("prime minister",),
    "foreign": ("foreign minister", "foreign secretary", "secretary of state"),
    "defence": ("defence minister", "defence secretary", "secretary of defense", "defense minister"),
    "defense": ("defense minister", "secretary of defense", "defence minister", "defence secretary"),
}


def _holds(role_title: str, title: str, by_prefix: bool) -> bool:
    """ "president of India" is a presidency, "vice president" is not; a generic "leader" needs the exact office
    (the British "chancellor of the exchequer" does not lead Britain)."""
    return role_title == title or (by_prefix and role_title.startswith(f"{title} of "))


def _titles_for(doc: ParsedDoc, head: Token) -> tuple[tuple[str, ...], bool]:
    """The offices a leader noun names, and whether they are specific ("president") or generic ("leader")."""
    lemma = head.lemma.lower()
    modifiers = {t.lemma.lower() for t in doc.tokens if t.head == head.i and t.i != head.i}
    if lemma == "leader" and "supreme" in modifiers:
        return ("supreme leader",), True
    if lemma in {"minister", "secretary"}:
        for modifier, titles in MINISTRIES.items():
            if modifier in modifiers:
                return titles, True
        return (), True
    if lemma in TITLES_BY_NOUN:
        return TITLES_BY_NOUN[lemma], True
    return TOP_TITLES, False


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
