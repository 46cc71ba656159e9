"""Mention passes that keep actors the dictionary does not name, with their best country and sector.

- RoleMentions: a bare role noun heading an argument ("Insurgents bombarded ...", "A court in Guyana",
  "police") is an actor with a sector; its country comes from "in X"/"of X"/"X's" when the text says.
- PlaceCountry: an unknown place or organisation gets a country guess from the gazetteer ("Aleppo" →
  SYR) or from a country named as its possessor ("Egypt's Muslim Brotherhood" → EGY).
- TitledNames: a name the dictionary does not know takes the country and sector of the title right before
  it ("Kosovo Prime Minister Albin Kurti" → XKX GOV, "opposition politician Freddy Superlano" → OPP).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from detente.actors.resolve import LOCATIVE
from detente.actors.spans import ResolveContext, role_at
from detente.gazetteer import Gazetteer
from detente.models import Actor, Mention, ParsedDoc, Token

ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative", "attr", "poss"})
MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nummod", "quantmod"})
COUNTRY_PREPS = frozenset({"in", "of", "from"})
PLACE_KINDS = frozenset({"gpe", "loc", "fac", "org", "norp"})
# Role words of the armed sector that name weapons, not people: "Russian drones" are Russia's military;
# "drones" alone are no one's.
WEAPONS = frozenset({"drone", "missile", "tank", "warplane", "jet", "warship", "artillery"})
CAPTIVES = frozenset({"hostage", "captive", "prisoner", "detainee", "abductee"})
# Role words of armed groups: "Ma'awisley fighters" are a group's fighters ("Kherson officials" are no group).
ARMED_SECTORS = frozenset({"MIL", "REB", "PRM", "UAF"})
TITLE_WINDOW = 3  # words in a title phrase before a name: "British home secretary"
ORGANISATION_KINDS = frozenset({"igo", "ngo", "company", "media", "party"})
LIST_LIMIT = 12  # places in one list


@dataclass(frozen=True, slots=True)
class RoleMentions:
    """A mention pass for role nouns the dictionary passes did not cover."""

    def __call__(self, ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
        doc = ctx.doc
        taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
        by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
        found = list(mentions)
        for token in doc.tokens:
            # A lowercase word tagged a proper noun ("by congress") is a tagging slip, still a common noun.
            common = token.pos == "NOUN" or (token.pos == "PROPN" and token.text.islower())
            if token.i in taken or not common or token.dep not in ARGUMENT_DEPS:
                continue
            sector = role_at(ctx, token.i, max(0, token.i - 2))
            if sector is None:
                continue
            group = _unknown_group_on(doc, token, by_token) if sector in ARMED_SECTORS else None
            if group is not None:
                # "Ma'awisley fighters": a group the dictionary lacks, with the sector its role word gives
                assert group.actor is not None
                country = group.actor.country or _country_modifier(ctx, token, by_token)
                actor = Actor(None, group.actor.name, country, sector, None, "group")
                found = [m for m in found if m is not group]
                found.append(ctx.mention(group.token_start, token.i + 1, actor, "unknown"))
                continue
            start = _phrase_start(ctx, token, taken)
            country = _country_modifier(ctx, token, by_token)
            if country is None and token.lemma.lower() in WEAPONS:
                continue  # "intercepted seven drones": a weapon no one is said to own stands for no actor
            text = doc.text[doc.tokens[start].start : token.end]
            actor = Actor(country, None, country, sector, text, "role")
            found.append(ctx.mention(start, token.i + 1, actor, "role"))
            taken.update(range(start, token.i + 1))
        return found


# "the Paris Agreement", "the Oslo Accords", "the Istanbul Convention": a place naming a document is no party.
DOCUMENT_WORDS = frozenset(
    {"agreement", "agreements", "accord", "accords", "treaty", "convention", "conventions", "protocol", "statute",
     "declaration", "charter", "format", "memorandum", "communique", "principles", "process"}
)


@dataclass(frozen=True, slots=True)
class DocumentNames:
    """A mention pass dropping a country or capital that only names a document ("withdraw from the Paris
    Agreement" is no act towards France)."""

    def __call__(self, ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
        return [m for m in mentions if not _names_a_document(ctx, m)]


def _names_a_document(ctx: ResolveContext, mention: Mention) -> bool:
    actor = mention.actor
    # (a capital or city only: "the Kosovo agreement", "the Iran deal" are with those countries)
    if actor is None or actor.kind != "country" or mention.how != "metonym":
        return False
    token = ctx.doc.tokens[mention.token_end - 1]
    head = ctx.doc.tokens[token.head]
    return token.dep == "compound" and head.i == mention.token_end and head.text.lower() in DOCUMENT_WORDS


@dataclass(frozen=True, slots=True)
class OwnedRoles:
    """A mention pass after coreference: a role noun owned by a pronoun takes the country the pronoun stands
    for ("New Zealand ... warns its citizens", "Russia said its troops")."""

    def __call__(self, ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
        by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
        out = []
        for mention in mentions:
            actor = mention.actor
            noun = ctx.doc.tokens[mention.token_end - 1]
            captives = noun.lemma.lower() in CAPTIVES  # "its hostages" are held, not its people
            if mention.how == "role" and actor is not None and not actor.country and not captives:
                owners = [t for t in ctx.doc.tokens[max(0, mention.token_start - 3) : noun.i]
                          if t.head == noun.i and t.dep == "poss" and t.tag == "PRP$"]
                owner = by_token.get(owners[0].i) if owners else None
                country = owner.actor.country if owner is not None and owner.actor is not None else None
                if country:
                    mention = replace(mention, actor=replace(actor, id=country, country=country))
            out.append(mention)
        return out


@dataclass(frozen=True, slots=True)
class PlaceCountry:
    """A mention pass giving unknown places and organisations their best country guess."""

    gazetteer: Gazetteer

    def __call__(self, ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
        by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
        surnames = _person_name_words(mentions)
        out = []
        for mention in mentions:
            if _misnamed_place(ctx, mention, self.gazetteer, surnames):
                # "withdrew from Kherson", tagged a person: a town the gazetteer knows, where a place is named;
                # in the country the text gives it, before the gazetteer's ("Maga, Kebbi State, Nigeria")
                assert mention.actor is not None
                said = _apposed_country(ctx, mention, by_token) or _located_country(ctx, mention, by_token)
                mention = replace(mention, actor=replace(mention.actor, kind="gpe", country=said))
            actor = mention.actor
            if actor is None or actor.id is not None or actor.country or (actor.kind or "") not in PLACE_KINDS:
                out.append(mention)
                continue
            country = _possessor_country(ctx, mention, by_token) or _facility_country(ctx, mention, by_token)
            if country is None and actor.kind in {"gpe", "loc", "fac"}:
                country = self.gazetteer.country_of(mention.text)
            if country is None:  # a place the gazetteer lacks: "Krasnodar Krai, Russia", "Penza Oblast in Russia"
                country = _apposed_country(ctx, mention, by_token) or _located_country(ctx, mention, by_token)
            out.append(replace(mention, actor=replace(actor, country=country)) if country else mention)
        return out


# Where a name is read as a place: "from Kherson", "the city of Kherson", "captured Bakhmut".
PLACE_PREPS = LOCATIVE | {"toward", "towards", "through", "onto"}
# "from" and "to" name places after verbs of going ("withdrew from Kherson"), people after others ("a
# letter from Warren", "handed the prisoners to Garcia").
MOVING_VERBS = frozenset(
    {"withdraw", "retreat", "pull", "flee", "evacuate", "return", "leave", "arrive", "travel", "move", "march",
     "advance", "fly", "drive", "push", "deploy", "relocate", "expel", "deport", "escape", "head", "go", "come",
     "redeploy", "sail", "walk", "send", "deliver", "ship", "dispatch", "airlift", "bring", "transport"}
)
PLACE_NOUNS = frozenset(
    {"city", "town", "village", "outskirts", "suburb", "suburbs", "centre", "center", "region", "province",
     "district", "port", "capital", "streets", "area", "direction", "oblast", "hub", "stronghold", "seat",
     "gateway", "hometown", "birthplace"}
)
# "an attack on Goma", "strikes against Kharkiv": what an attack is on is a place when it is a town.
ATTACK_WORDS = frozenset(
    {"attack", "strike", "airstrike", "assault", "offensive", "raid", "bombing", "shelling", "bombardment",
     "advance", "push", "march"}
)
CONQUEST_VERBS = frozenset(
    {"enter", "capture", "seize", "retake", "recapture", "liberate", "shell", "bomb", "bombard", "besiege",
     "encircle", "storm", "occupy", "annex", "evacuate", "surround"}
)


def _person_name_words(mentions: list[Mention]) -> frozenset[str]:
    """The words of every person's name in the article: "Jackson" is a town only where no Jackson is named."""
    return frozenset(
        word.casefold()
        for m in mentions
        if m.actor is not None and m.actor.kind == "person" and len(m.text.split()) > 1
        for word in m.text.split()
    )


def _misnamed_place(ctx: ResolveContext, mention: Mention, gazetteer: Gazetteer, surnames: frozenset[str]) -> bool:
    """A name the tagger took for a person or a body that is a town the gazetteer knows, in a place's slot."""
    actor = mention.actor
    if actor is None or actor.id is not None or mention.how != "unknown" or actor.kind not in {"person", "org", "norp"}:
        return False
    if mention.text.casefold() in surnames or not gazetteer.is_city(mention.text):
        return False
    doc = ctx.doc
    token = doc.tokens[mention.token_end - 1]
    while token.dep == "conj" and token.head != token.i:
        token = doc.tokens[token.head]  # "shelled Kharkiv and Kherson": the slot of the first of the list
    head = doc.tokens[token.head] if token.head != token.i else None
    if head is None:
        return False
    if any(
        t.head == token.i and t.dep == "appos" and t.pos == "NOUN" and t.lemma.lower() not in PLACE_NOUNS
        for t in doc.tokens[token.i + 1 : token.i + 8]
    ):
        return False  # "Garcia, the ICRC delegate": a person the text describes (not "Kherson, the regional capital")
    if token.dep == "pobj":
        word = head.text.lower()
        owner = doc.tokens[head.head] if head.head != head.i else None
        if word in {"from", "to"}:
            return owner is not None and owner.lemma.lower() in MOVING_VERBS
        if word in {"on", "against"}:
            return owner is not None and owner.lemma.lower() in ATTACK_WORDS
        return word in PLACE_PREPS or (word == "of" and owner is not None and owner.lemma.lower() in PLACE_NOUNS)
    if token.dep in {"compound", "appos"}:
        return head.lemma.lower() in PLACE_NOUNS  # "the Kherson region", "the city, Kherson"
    return token.dep == "dobj" and head.lemma.lower() in CONQUEST_VERBS


def _unknown_group_on(doc: ParsedDoc, noun: Token, by_token: dict[int, Mention]) -> Mention | None:
    """A name the dictionary does not know, compounded right before a role noun ("Ma'awisley fighters")."""
    if noun.i == 0:
        return None
    before = doc.tokens[noun.i - 1]
    mention = by_token.get(before.i)
    if before.head != noun.i or before.dep != "compound" or mention is None or mention.token_end != noun.i:
        return None
    actor = mention.actor
    if actor is None or actor.id is not None or mention.how != "unknown" or actor.kind != "org":
        return None
    return mention


def _phrase_start(ctx: ResolveContext, noun: Token, taken: set[int]) -> int:
    """The leftmost determiner or modifier of the noun, not crossing another mention."""
    start = noun.i
    for token in ctx.doc.tokens[max(0, noun.i - 4) : noun.i]:
        if token.head == noun.i and token.dep in MODIFIER_DEPS and not taken.intersection(range(token.i, noun.i)):
            start = min(start, token.i)
    return start


def _country_modifier(ctx: ResolveContext, noun: Token, by_token: dict[int, Mention]) -> str | None:
    """ "A court in Guyana", "forces of the regime in Syria", "Syria's police": the country they belong to."""
    doc = ctx.doc
    for token in doc.tokens[noun.i + 1 : min(len(doc.tokens), noun.i + 6)]:
        if token.head == noun.i and token.dep == "prep" and token.text.lower() in COUNTRY_PREPS:
            for obj in doc.tokens[token.i + 1 : min(len(doc.tokens), token.i + 6)]:
                if obj.head == token.i and obj.dep == "pobj":
                    country = _country_of_phrase(ctx, obj, by_token)
                    if country:
                        return country
    # "Syria's police", "French political and military officials", "US troops".
    for token in doc.tokens[max(0, noun.i - 5) : noun.i]:
        modifies = token.head == noun.i or doc.tokens[token.head].head == noun.i
        if modifies and token.dep in {"poss", "amod", "compound", "nmod"}:
            country = _country_at(by_token, token.i)
            if country:
                return country
    return None


def _country_of_phrase(ctx: ResolveContext, head: Token, by_token: dict[int, Mention], depth: int = 0) -> str | None:
    """The country of a phrase: its own mention, a modifier ("the West Bank city"), or what it is of
    ("the city of Nablus"), two levels down at most."""
    country = _country_at(by_token, head.i)
    if country or depth >= 2:
        return country
    doc = ctx.doc
    window = doc.tokens[max(0, head.i - 4) : min(len(doc.tokens), head.i + 4)]
    for token in window:
        if token.head == head.i and token.i != head.i and token.dep in {"compound", "amod", "poss", "nmod"}:
            country = _country_at(by_token, token.i)
            if country:
                return country
    for token in window:
        if token.head == head.i and token.dep == "prep" and token.text.lower() in COUNTRY_PREPS:
            for obj in doc.tokens[token.i + 1 : min(len(doc.tokens), token.i + 6)]:
                if obj.head == token.i and obj.dep == "pobj":
                    country = _country_of_phrase(ctx, obj, by_token, depth + 1)
                    if country:
                        return country
    return None


def _facility_country(ctx: ResolveContext, mention: Mention, by_token: dict[int, Mention]) -> str | None:
    """ "the Hajja Hamida mosque in Deir Istiya in the West Bank": a name inside a facility's name is no town
    the gazetteer knows elsewhere (Hajja, Yemen); the facility is where its phrase says."""
    head = ctx.doc.tokens[mention.head]
    if head.dep != "compound":
        return None
    while head.dep == "compound" and head.head != head.i:
        head = ctx.doc.tokens[head.head]  # "Hajja" → "Hamida" → "mosque"
    return _country_modifier(ctx, head, by_token)


def _located_country(ctx: ResolveContext, mention: Mention, by_token: dict[int, Mention]) -> str | None:
    """ "Penza Oblast, Samara Oblast and Rostov Oblast in Russia": the country a list of places is said to be in."""
    doc = ctx.doc
    if mention.actor is None or mention.actor.kind not in {"gpe", "loc", "fac"}:
        return None  # "the Africa Corps in Mali" is no place in Mali
    head = doc.tokens[mention.head]
    chain = [head]
    while chain[-1].dep == "conj" and chain[-1].head != chain[-1].i and len(chain) < 8:
        chain.append(doc.tokens[chain[-1].head])  # up to the first of the list
    members = [chain[-1], *doc.conjuncts(chain[-1].i)][:LIST_LIMIT]  # the whole list, at any depth
    for member in [head, *members]:
        other_place = by_token.get(member.i)
        if member is not head and (other_place is None or other_place.actor is None or (
            other_place.actor.kind not in {"gpe", "loc", "fac"}
        )):
            continue  # "Bryansk Oblast and an airfield in Belarus": only a list of places shares its country
        for prep in (t for t in doc.tokens[member.i + 1 : member.i + 16] if t.head == member.i and t.dep == "prep"):
            if prep.text.lower() == "in":
                for obj in (t for t in doc.tokens[prep.i + 1 : prep.i + 6] if t.head == prep.i and t.dep == "pobj"):
                    other = by_token.get(obj.i)
                    if other is not None and other.actor is not None and other.actor.kind == "country":
                        return other.actor.country
    return None


def _apposed_country(ctx: ResolveContext, mention: Mention, by_token: dict[int, Mention]) -> str | None:
    """ "Krasnodar Krai, Russia", "Anefis, Kidal Region, Mali": the country an address names after the place."""
    queue = [t for t in ctx.doc.tokens[mention.token_end : mention.token_end + 8] if t.head == mention.head]
    seen = 0
    while queue and seen < 4:
        token = queue.pop(0)
        seen += 1
        if token.dep not in {"appos", "npadvmod", "conj"}:
            continue
        other = by_token.get(token.i)
        if other is not None and other.actor is not None and other.actor.kind == "country" and other.actor.country:
            return other.actor.country
        queue += [t for t in ctx.doc.tokens[token.i + 1 : token.i + 8] if t.head == token.i]
    return None


def _possessor_country(ctx: ResolveContext, mention: Mention, by_token: dict[int, Mention]) -> str | None:
    for token in ctx.doc.tokens[max(0, mention.token_start - 3) : mention.token_start]:
        if token.head == mention.head and token.dep == "poss":
            return _country_at(by_token, token.i)
    return None


def _country_at(by_token: dict[int, Mention], i: int) -> str | None:
    mention = by_token.get(i)
    return mention.actor.country if mention is not None and mention.actor is not None else None


@dataclass(frozen=True, slots=True)
class TitledNames:
    """A mention pass: an unknown person named right after a title takes the title's country and sector."""

    def __call__(self, ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
        ending_at = {m.token_end: m for m in mentions}
        out = []
        for mention in mentions:
            actor = mention.actor
            title = ending_at.get(mention.token_start)
            titled = title.actor if title is not None else _title_before(ctx, mention, ending_at)
            if (
                actor is None
                or actor.id is not None
                or actor.kind != "person"
                or titled is None
                or titled.kind == "person"
                or not titled.sector
            ):
                out.append(mention)
                continue
            out.append(replace(mention, actor=replace(actor, country=actor.country or titled.country,
                                                      sector=titled.sector)))
        return out



def _title_before(ctx: ResolveContext, name: Mention, ending_at: dict[int, Mention]) -> Actor | None:
    """ "British home secretary Shabana Mahmood": a role compounded on the name (no mention of its own, as the
    parser made it a modifier) with the country of the demonym or country named just before it."""
    head = name.token_start - 1
    tokens = ctx.doc.tokens
    if head < 0 or tokens[head].pos not in {"NOUN", "PROPN"} or tokens[head].sentence != name.sentence:
        return None
    sector = role_at(ctx, head, max(0, head - TITLE_WINDOW + 1))
    if sector is None:
        return None
    for end in range(head, max(0, head - TITLE_WINDOW), -1):
        before = ending_at.get(end)
        if before is not None and before.actor is not None and before.actor.kind == "country":
            return Actor(before.actor.id, None, before.actor.country, sector, None, "role")
        if before is not None and before.actor is not None and before.actor.kind in ORGANISATION_KINDS:
            # "ICC president Tomoko Akane", "UNRWA chief Philippe Lazzarini": the organisation's person
            return Actor(None, None, before.actor.country, before.actor.sector or sector, None, "role")
    return Actor(None, None, None, sector, None, "role")

