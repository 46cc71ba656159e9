"""Coreference by rules (no offline coreference model exists): a mention pass run after the others.

1. Leader descriptions: a country's role phrase headed by a leader noun ("the Belarusian dictator",
   "the Minsk dictator", "the Kremlin leader") becomes the person who held that country's top office
   on the article's date, when the dictionary knows exactly one such person.
2. Bare descriptions (descriptions.py): "the tsar", "the president", "the rebel"/"a rebel" become the one
   person the recent context allows (an office holder named nearby; a mutiny's leader).
3. Personal pronouns (he, him, his, she, her, himself, herself) link to the most salient earlier
   person: nearer sentences first; within a distance, the subject of the main clause or of a clause
   containing the pronoun, then other subjects, then other mentions; nearer before farther. Binding:
   a pronoun never links to a co-argument of its own verb or to the controller of its non-finite
   clause ("Putin will thank him", "Lukashenko will be able to use him"), nor to a person named
   inside its own clause after it ("he does not talk to Prigozhin"), nor, inside direct speech, to the
   speaker (who would say "I"). Gender stays consistent within the text: once "he" names a person (or
   "Mr"/"Ms", "King"/"Queen" stands before the name), "she" prefers someone else (a penalty, not a ban).
4. Interviews (interview.py): in a text with the question/answer shape, "I"/"me"/"my" and epistemic "we" in
   the answers are the one answering (the interviewee the lede introduces, or a transcript's speaker label);
   a speaker is never the antecedent of "he"/"she" in their own answer, nor is a name inside a label.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from detente.actors.descriptions import (
    LEADER_NOUNS,
    TOP_TITLES,
    co_arguments,
    in_domain,
    resolve_descriptions,
    titles_for,
    top_official,
)
from detente.actors.dictionary import ActorDictionary
from detente.actors.interview import Interview, find_interview, first_person_mentions
from detente.actors.spans import ResolveContext
from detente.models import Actor, Mention, ParsedDoc, Token

PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "himself", "herself", "hers"})
POSSESSIVES = frozenset({"his", "hers"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
GENDERED_TITLES = {
    "mr": "m", "sir": "m", "king": "m", "prince": "m", "emir": "m", "sheikh": "m", "pope": "m", "father": "m",
    "herr": "m", "monsieur": "m", "señor": "m",
    "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f", "queen": "f", "princess": "f",
    "sister": "f", "mme": "f", "mlle": "f", "frau": "f", "señora": "f",
}
REFLEXIVES = frozenset({"himself", "herself"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
# "The US claimed that they had attacked Iraq": news often writes "they" for a country or an
# organisation that speaks of itself; only under a verb of saying, and only when no one else is named.
COLLECTIVE_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
CLAIM_VERBS = frozenset({"say", "claim", "announce", "state", "declare", "insist", "admit", "confirm", "deny"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
QUOTED = re.compile(r"\u201c[^\u201d]{1,2000}\u201d|\"[^\"]{1,2000}\"|\u00ab[^\u00bb]{1,2000}\u00bb")
PREDICATE_DEPS = frozenset({"attr", "oprd", "acomp"})
LOOKBACK_SENTENCES = 3
GENDER_PENALTY = 4  # a gender the text contradicts weighs more than a sentence of distance, but never forbids


@dataclass(frozen=True, slots=True)
class Coreference:
    """A mention pass: `find_mentions(doc, d, date=..., passes=(*DEFAULT_PASSES, Coreference.build(d)))`."""

    dictionary: ActorDictionary

    @classmethod
    def build(cls, dictionary: ActorDictionary) -> Coreference:
        return cls(dictionary)

    def __call__(self, ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
        ordered = sorted(mentions, key=lambda m: m.token_start)
        resolved = [_titled(m, _name_after(ctx.doc, m, ordered)) or self._leader(ctx, m) for m in ordered]
        resolved = resolve_descriptions(ctx, resolved)
        interview = find_interview(ctx.doc, resolved)
        resolved = _link_pronouns(ctx, resolved, interview)
        resolved = _link_it(ctx, resolved)
        resolved = _link_country_descriptions(ctx, resolved)
        resolved = _link_group_descriptions(ctx, resolved)
        resolved = _link_appositions(ctx, resolved)
        return resolved if interview is None else first_person_mentions(ctx, resolved, interview)

    def _leader(self, ctx: ResolveContext, mention: Mention) -> Mention:
        actor = mention.actor
        if actor is None or actor.kind != "country" or actor.sector != "GOV" or mention.how not in {"role", "metonym"}:
            return mention
        head = ctx.doc.tokens[mention.head]
        if head.lemma.lower() not in LEADER_NOUNS or actor.id is None:
            return mention
        titles, specific = titles_for(ctx.doc, head)
        person = self.top_official(actor.id, ctx.date, titles=titles, by_prefix=specific)
        if person is None:
            return mention
        return replace(mention, actor=person.with_text(mention.text), how="coref")

    def top_official(
        self, country: str, date: dt.date, *, titles: tuple[str, ...] = TOP_TITLES, by_prefix: bool = False
    ) -> Actor | None:
        """The one person holding the first of `titles` in the country on `date`."""
        return top_official(self.dictionary, country, date, titles=titles, by_prefix=by_prefix)


def _name_after(doc: ParsedDoc, mention: Mention, ordered: list[Mention]) -> Mention | None:
    """The person named right after a role: "Canadian foreign minister Anita Anand", or, as translations write
    it, after the role's country: "the president of Poland Duda"."""
    starting = {m.token_start: m for m in ordered}
    after = starting.get(mention.token_end)
    if after is None and mention.token_end < len(doc.tokens) and doc.tokens[mention.token_end].text.lower() == "of":
        country = starting.get(mention.token_end + 1)
        if country is not None and country.actor is not None and country.actor.kind == "country":
            after = starting.get(country.token_end)
    return after if after is not None and after.actor is not None and after.actor.kind == "person" else None


def _titled(mention: Mention, name: Mention | None) -> Mention | None:
    """ "Canadian foreign minister Anita Anand", "ICC president Tomoko Akane": a role right before a name is that
    person (not whoever the dictionary says held the office that day)."""
    actor = mention.actor
    if name is None or name.actor is None or actor is None or mention.how not in {"role", "metonym"}:
        return None
    if actor.kind not in {"country", "igo", "role"} or (
        name.actor.country and actor.country and name.actor.country != actor.country
    ):
        return None
    return replace(mention, actor=name.actor.with_text(mention.text), how="coref")


def _link_pronouns(ctx: ResolveContext, mentions: list[Mention], interview: Interview | None = None) -> list[Mention]:
    doc = ctx.doc
    out = list(mentions)
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    genders = _titled_genders(doc, mentions)
    quotes = [(m.start(), m.end()) for m in QUOTED.finditer(doc.text)]
    for token in doc.tokens:
        if token.i in taken or token.pos != "PRON" or token.text.lower() not in PERSONAL_PRONOUNS:
            continue
        gender = _gender(token)
        antecedent = _antecedent(doc, token, _candidates(out, token, interview), genders, quotes)
        if antecedent is not None and antecedent.actor is not None:
            out.append(ctx.mention(token.i, token.i + 1, antecedent.actor, "coref"))
            out.sort(key=lambda m: m.token_start)
            genders.setdefault(_key(antecedent.actor), gender)
    return out


def _link_it(ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
    """ "Israel announced it would free prisoners", "Russia said its troops had left": "it"/"its" inside a
    clause that another clause's subject governs is that subject, when the subject is a country,
    organisation or group (a person is "he" or "she")."""
    doc = ctx.doc
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    out = list(mentions)
    for token in doc.tokens:
        word = token.text.lower()
        if token.i in by_token or token.pos != "PRON" or word not in NEUTER_PRONOUNS | COLLECTIVE_PRONOUNS:
            continue
        clause = doc.tokens[token.head]
        while clause.dep not in CLAUSE_DEPS and clause.head != clause.i and clause.pos not in {"VERB", "AUX"}:
            clause = doc.tokens[clause.head]  # "its troops" → the verb the troops are an argument of
        if clause.dep not in CLAUSE_DEPS or clause.head == clause.i:
            continue
        governor = doc.tokens[clause.head]
        if word in COLLECTIVE_PRONOUNS and (
            governor.lemma.lower() not in CLAIM_VERBS
            or any(t.head == governor.i and t.dep in {"dobj", "dative"} for t in doc.tokens)
            or any(m.token_start < token.i and m.sentence == token.sentence and m.actor is not None
                   and m.actor.kind != "person" and m is not by_token.get(_subject_token(doc, governor))
                   for m in mentions)
        ):
            continue
        subjects = [by_token.get(t.i) for t in doc.tokens if t.head == governor.i and t.dep in SUBJECT_DEPS]
        subject = next((m for m in subjects if m is not None), None)
        if subject is None or subject.actor is None or subject.actor.kind == "person":
            continue
        own_subject = any(t.dep in SUBJECT_DEPS for t in doc.children(clause.i))
        if token.dep in {"dobj", "dative"} and token.head == clause.i and not own_subject:
            continue  # "designates Mediazona a foreign agent, accusing it of ...": no one accuses itself
        out.append(ctx.mention(token.i, token.i + 1, subject.actor, "coref"))
    return sorted(out, key=lambda m: m.token_start)


# "the wealthy Gulf state", "the country", "the kingdom": a country named a moment ago.
COUNTRY_NOUNS = frozenset({"country", "state", "nation", "kingdom", "republic", "emirate", "sultanate"})
MODIFIERS = frozenset({"amod", "compound", "det", "advmod", "nmod"})


def _link_country_descriptions(ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
    """A definite country noun with no name of its own ("the wealthy Gulf state") is the last country named
    in this or the previous sentence, when exactly one was: "Qatar pledged ... forced on the Gulf state"."""
    doc = ctx.doc
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out = list(mentions)
    for token in doc.tokens:
        if token.i in taken or token.pos != "NOUN" or token.lemma.lower() not in COUNTRY_NOUNS:
            continue
        modifiers = [t for t in doc.tokens[max(0, token.i - 4) : token.i] if t.head == token.i]
        if not any(t.dep == "det" and t.text.lower() == "the" for t in modifiers):
            continue
        owned = any(t.head == token.i and t.dep in {"prep", "poss"} for t in doc.tokens)
        if owned or any(t.i in taken for t in modifiers):
            continue  # "the Russian state", "the state of Israel", "Russia's state": named already
        start = min([t.i for t in modifiers if t.dep in MODIFIERS] + [token.i])
        countries = _named_before(mentions, start, token.sentence, lambda a: a.kind == "country")
        if len(countries) > 1:
            # several named: the one that is a subject, when only one is ("Qatar pledged ... Egypt's ...")
            countries = {
                m.actor.id: m.actor
                for m in mentions
                if m.actor is not None
                and m.actor.id in countries
                and doc.tokens[m.head].dep in SUBJECT_DEPS
                and token.sentence - m.sentence <= 1
            }
        if len(countries) == 1:
            actor = next(iter(countries.values()))
            out.append(ctx.mention(start, token.i + 1, actor, "coref"))
    return sorted(out, key=lambda m: m.token_start)


def _named_before(
    mentions: list[Mention], start: int, sentence: int, accept: Callable[[Actor], bool]
) -> dict[str, Actor]:
    """The known actors `accept` admits, named before token `start` in this sentence or the one before."""
    return {
        m.actor.id: m.actor
        for m in mentions
        if m.token_end <= start
        and m.actor is not None
        and m.actor.id
        and accept(m.actor)
        and sentence - m.sentence <= 1
    }


# "the militant group", "the movement", "the Islamist organisation": an armed group named a moment ago.
GROUP_NOUNS = frozenset({"group", "movement", "organisation", "organization", "militia", "faction"})
ARMED_SECTORS = frozenset({"REB", "PRM", "UAF"})
ORGANISATION_KINDS = frozenset({"group", "igo", "ngo", "company", "media", "party"})


def _link_group_descriptions(ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
    """A definite group noun with no name of its own ("the militant group that has seized parts of Iraq") is
    the organisation named in this or the previous sentence, when exactly one was (an armed one, for an armed
    description). Replaces the bare role ("militant group": rebels of no known country) the role pass found."""
    doc = ctx.doc
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    out = list(mentions)
    for token in doc.tokens:
        if token.pos != "NOUN" or token.lemma.lower() not in GROUP_NOUNS:
            continue
        own = by_token.get(token.i)
        if own is not None and (own.how != "role" or own.actor is None or own.actor.id or own.actor.country):
            continue  # named already: "the Islamic State group", "Palestinian militant groups"
        modifiers = [t for t in doc.tokens[max(0, token.i - 4) : token.i] if t.head == token.i]
        if not any(t.dep == "det" and t.text.lower() == "the" for t in modifiers):
            continue
        owned = any(t.dep == "poss" or (t.dep == "prep" and t.text.lower() == "of") for t in doc.children(token.i))
        if owned or any(t.i in by_token and by_token[t.i] is not own for t in modifiers):
            continue  # "Russia's group", "the group of seven nations", "the Wagner group": named otherwise
        start = min([t.i for t in modifiers if t.dep in MODIFIERS] + [token.i])
        # Every organisation named counts ("Amnesty accused the Houthis ... The group urged": which one?);
        # an armed description ("the militant group") fits only an armed group.
        groups = _named_before(mentions, start, token.sentence, lambda a: a.kind in ORGANISATION_KINDS)
        armed_only = own is not None and own.actor is not None and own.actor.sector in ARMED_SECTORS
        if len(groups) == 1 and (not armed_only or next(iter(groups.values())).sector in ARMED_SECTORS):
            if own is not None:
                out.remove(own)
            actor = next(iter(groups.values()))
            out.append(ctx.mention(start, token.i + 1, actor, "coref"))
    return sorted(out, key=lambda m: m.token_start)


def _link_appositions(ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
    """ "the Somali militant group al-Shabab", "the rebel group M23": a description with a name in apposition
    is that named actor, when their countries agree."""
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    out = []
    for mention in mentions:
        actor = mention.actor
        # a bare role or nationality, or a country's role ("the Somali militant group": Somalia, REB)
        description = mention.how in {"role", "demonym"} and (
            actor is None or not actor.id or actor.kind in {"country", "role"}
        )
        if description:
            names = [n for t in _apposed(ctx.doc, mention.head) if (n := by_token.get(t.i)) is not None
                     and n is not mention and n.actor is not None and n.actor.id and n.actor.kind != "country"
                     and n.how not in {"role", "demonym"}]
            named = names[0].actor if names else None
            if named is not None and (actor is None or actor.country in {None, named.country}):
                mention = replace(mention, actor=named.with_text(mention.text), how="coref")
        out.append(mention)
    return out


COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _apposed(doc: ParsedDoc, head: int) -> list[Token]:
    """The names in apposition to a description: "the rebel group M23"; also "Russia's two largest oil companies,
    Rosneft and Lukoil", which the parser reads as a list, when the description counts as many names."""
    children = doc.children(head)
    apposed = [t for t in children if t.dep == "appos"]
    if apposed:
        return apposed
    count = next((COUNT_WORDS.get(t.text.lower()) for t in children if t.dep == "nummod"), None)
    listed = doc.conjuncts(head)
    return listed if count is not None and count == len(listed) else []


def _subject_token(doc: ParsedDoc, verb: Token) -> int:
    return next((t.i for t in doc.tokens if t.head == verb.i and t.dep in SUBJECT_DEPS), -1)


def _candidates(mentions: list[Mention], pronoun: Token, interview: Interview | None) -> list[Mention]:
    """In an interview, a speaker label is no antecedent, and nobody speaking calls themself "he" or "she"."""
    if interview is None:
        return mentions
    speaker = interview.speaker_at(pronoun.start)
    return [m for m in mentions if not interview.in_label(m.start)
            and not (speaker is not None and m.actor is not None and _key(m.actor) == _key(speaker))]


def _gender(pronoun: Token) -> str:
    return "f" if pronoun.text.lower() in FEMININE else "m"


def _titled_genders(doc: ParsedDoc, mentions: list[Mention]) -> dict[str, str]:
    """Gender the text states by a title just before a name ("Mr Sulík", "Ms Murphy", "Queen Rania")."""
    found: dict[str, str] = {}
    for mention in mentions:
        if mention.actor is None or mention.actor.kind != "person" or mention.token_start == 0:
            continue
        title = doc.tokens[mention.token_start].text.rstrip(".").lower()
        before = doc.tokens[mention.token_start - 1].text.rstrip(".").lower()
        for word in (title, before):
            if word in GENDERED_TITLES:
                found.setdefault(_key(mention.actor), GENDERED_TITLES[word])
                break
    return found


def _antecedent(doc: ParsedDoc, pronoun: Token, mentions: list[Mention], genders: dict[str, str],
                quotes: list[tuple[int, int]]) -> Mention | None:
    best: tuple[int, int, Mention] | None = None
    excluded = _bound(doc, pronoun, mentions) | _quote_speakers(doc, pronoun, mentions, quotes)
    above = _ancestors(doc, pronoun)
    gender = _gender(pronoun)
    for mention in mentions:
        if mention.token_end > pronoun.i or mention.actor is None or mention.actor.kind != "person":
            continue
        if doc.tokens[mention.head].pos == "PRON" and doc.tokens[mention.head].text.lower() not in PERSONAL_PRONOUNS:
            continue  # "I", "we" (an interviewee) are never a third person's antecedent
        distance = pronoun.sentence - mention.sentence
        key = _key(mention.actor)
        if distance > LOOKBACK_SENTENCES or key in excluded or not _reflexive_ok(doc, pronoun, mention):
            continue
        mismatch = GENDER_PENALTY if genders.get(key, gender) != gender else 0
        score = 3 * distance + _rank(doc, mention, above if distance == 0 else set()) + mismatch
        order = (score, pronoun.i - mention.token_end)
        if best is None or order < best[:2]:
            best = (order[0], order[1], mention)
    return best[2] if best else None


def _key(actor: Actor) -> str:
    return actor.id or f"name:{(actor.name or actor.text or '').casefold()}"


def _ancestors(doc: ParsedDoc, token: Token) -> set[int]:
    found: set[int] = set()
    current = token
    while current.head != current.i and current.head not in found and len(found) < 64:
        found.add(current.head)
        current = doc.tokens[current.head]
    return found


def _rank(doc: ParsedDoc, mention: Mention, above: set[int]) -> int:
    """0: subject of the main clause, or of a clause that contains the pronoun ("Trump ... when he takes office");
    1: another subject; 2: anything else."""
    head = doc.tokens[mention.head]
    if head.dep not in SUBJECT_DEPS:
        return 2
    verb = doc.tokens[head.head]
    if verb.i in above or _is_main(doc, verb):
        return 0
    return 1


def _is_main(doc: ParsedDoc, verb: Token) -> bool:
    """The sentence root, or a verb coordinated with it."""
    current = verb
    for _ in range(16):
        if current.dep == "ROOT" or current.head == current.i:
            return True
        if current.dep != "conj":
            return False
        current = doc.tokens[current.head]
    return False


def _quote_speakers(doc: ParsedDoc, pronoun: Token, mentions: list[Mention],
                    quotes: list[tuple[int, int]]) -> set[str]:
    """Inside direct speech "he"/"she" is not the speaker, who would say "I": the main-clause subject outside the
    quotation in the sentence where it opens or closes (Morell wrote: "Tony was one of the best. His work ...")."""
    quote = next(((start, end) for start, end in quotes if start <= pronoun.start < end), None)
    if quote is None or not doc.text[quote[0] + 1 : quote[0] + 2].isupper():
        return set()  # a quoted fragment ("she had \"no plans to leave\"") is reported, not direct, speech
    start, end = quote
    sentences = {t.sentence for t in doc.tokens if t.start <= start < t.end or t.start < end <= t.end}
    found = set()
    for mention in mentions:
        head = doc.tokens[mention.head]
        outside = mention.end <= start or mention.start >= end
        if (mention.actor is not None and outside and mention.sentence in sentences and head.dep in SUBJECT_DEPS
                and _is_main(doc, doc.tokens[head.head])):
            found.add(_key(mention.actor))
    return found


def _bound(doc: ParsedDoc, pronoun: Token, mentions: list[Mention]) -> set[str]:
    """The actors a non-reflexive subject or object pronoun cannot be. Its own verb's other arguments and the
    controller of its non-finite clause ("Putin thanks him", "Lukashenko will be able to use him"); and
    (Principle C) a name or description later in its own clause ("he does not have to talk to a rebel"), unless
    it is a predicate ("he will resign as prime minister") or inside the pronoun's own phrase ("he and his wife")."""
    word = pronoun.text.lower()
    if word in POSSESSIVES or word in REFLEXIVES or (word == "her" and pronoun.dep == "poss"):
        return set()
    verb = doc.tokens[pronoun.head]
    arguments = co_arguments(doc, pronoun)
    found: set[str] = set()
    for mention in mentions:
        head = doc.tokens[mention.head]
        if mention.actor is None or head.sentence != pronoun.sentence or head.i == pronoun.i:
            continue
        co_argument = head.i in arguments or head.head == pronoun.head
        named_later = (mention.token_start > pronoun.i and head.pos != "PRON" and not _predicate(doc, head)
                       and pronoun.i not in _ancestors(doc, head) and in_domain(doc, head, verb))
        if co_argument or named_later:
            found.add(_key(mention.actor))
    return found


def _predicate(doc: ParsedDoc, head: Token) -> bool:
    """A predicate noun does not refer: "he is the leader", "he will resign as prime minister"."""
    if head.dep in PREDICATE_DEPS:
        return True
    governor = doc.tokens[head.head]
    return head.dep == "pobj" and governor.text.lower() == "as"


def _reflexive_ok(doc: ParsedDoc, pronoun: Token, mention: Mention) -> bool:
    """A reflexive needs an antecedent in its own clause (or at least its sentence)."""
    if pronoun.text.lower() not in REFLEXIVES:
        return True
    head = doc.tokens[mention.head]
    return head.head == pronoun.head or pronoun.sentence == mention.sentence
