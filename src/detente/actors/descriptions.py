"""Descriptions that name a person without their name, resolved from the office tables and the context.

- A leader noun with a country ("the Belarusian dictator", "the Minsk dictator", "the Kremlin leader", "the German
  chancellor") is the one holder of that country's office on the article's date: `top_official`, used by the
  coreference pass.
- A bare leader noun ("the tsar", "the president", "the dictator"; the repair stage turns the Italian "zar" into
  "tsar" and the parse sees "tsar") is the one person named in this or the previous LOOKBACK sentences who holds a
  matching office on the date. When several do, a country the noun implies ("tsar" → Russia) or the one country
  the sentence names decides, else it stays unresolved; with no such person, the one country named in this or the
  previous sentence gives its office holder. Modified nouns are left alone ("the drug czar", "the last tsar",
  "the leader of the opposition"), as are indefinite ones ("a president") and predicates ("he is the leader").
- A rebel noun ("the rebel", "a rebel", "the mutineer", "the mutiny leader") is the one REB person in the recent
  context or the leader of a mutiny the article has described ("the rebellion of Prigozhin", "Prigozhin's
  mutiny", "the revolt initiated by Wagner" → Wagner's head on the date), when exactly one person fits.

Everything here is a rule over the dictionary and the parse; nothing is specific to one text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from detente.actors.dictionary import ActorDictionary
from detente.actors.entries import ActorEntry
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
        "minister",
        "secretary",
    }
)
# For a generic leader noun ("dictator", "leader", "strongman"): the offices that lead, most powerful first.
TOP_TITLES = (
    "supreme leader",
    "president",
    "acting president",
    "king",
    "emir",
    "sultan",
    "chancellor",
    "prime minister",
)
# A specific noun names its own office: "the German chancellor", "the Indian president".
TITLES_BY_NOUN = {
    "president": ("president", "acting president", "federal president", "president of the republic", "state president"),
    "chancellor": ("chancellor",),
    "premier": ("premier", "prime minister"),
    "king": ("king", "monarch"),
    "monarch": ("monarch", "king"),
    "emir": ("emir",),
    "sultan": ("sultan",),
}
MINISTRIES = {
    "prime": ("prime minister",),
    "foreign": ("foreign minister", "foreign secretary", "secretary of state"),
    "defence": ("defence minister", "defence secretary", "secretary of defense", "defense minister"),
    "defense": ("defense minister", "secretary of defense", "defence minister", "defence secretary"),
}

# ---- bare descriptions ---------------------------------------------------------------------------------------------
GENERIC_LEADERS = frozenset(
    {"leader", "dictator", "strongman", "autocrat", "ruler", "despot", "tyrant", "tsar", "czar"})
BARE_LEADERS = GENERIC_LEADERS | frozenset(TITLES_BY_NOUN)
# The offices a generic leader noun may name when the person is already in context.
HEAD_TITLES = (*TOP_TITLES, "federal president", "president of the republic", "state president", "premier",
               "monarch")
NOUN_COUNTRY = {"tsar": "RUS", "czar": "RUS"}  # the country a noun itself implies, used only to break ties
REBEL_NOUNS = frozenset({"rebel", "mutineer", "insurgent", "putschist"})
MUTINY_NOUNS = frozenset({"rebellion", "mutiny", "revolt", "uprising", "insurrection", "putsch", "coup", "insurgency"})
MUTINY_VERBS = frozenset({"rebel", "mutiny", "revolt"})
LAUNCH_VERBS = frozenset({"lead", "launch", "stage", "start", "initiate", "organise", "organize", "mount", "begin"})
DEFINITE = frozenset({"the", "this", "that"})
INDEFINITE = frozenset({"a", "an"})
# A dependent that makes the noun specific ("the drug czar", "the last tsar", "the leader of X"): not resolved here.
SPECIFYING_DEPS = frozenset({"amod", "compound", "nmod", "poss", "nummod", "prep", "appos", "acl", "relcl"})
NOT_REFERRING_DEPS = frozenset({"compound", "amod", "attr", "appos", "acomp", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Without a determiner a leader noun refers only as an argument or a mis-parsed one ("so tsar you appreciate it",
# machine-translated from "lo zar"): "for president" and "as president" name the office.
BARE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "advmod", "npadvmod", "dep"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
LOOKBACK = 3
CLAUSE_EDGES = frozenset({"conj", "parataxis", "cc", "ccomp", "advcl", "relcl", "acl", "csubj", "csubjpass"})


def holds(role_title: str, title: str, by_prefix: bool) -> bool:
    """ "president of India" is a presidency, "vice president" is not; a generic "leader" needs the exact office
    (the British "chancellor of the exchequer" does not lead Britain)."""
    return role_title == title or (by_prefix and role_title.startswith(f"{title} of "))


def titles_for(doc: ParsedDoc, head: Token) -> tuple[tuple[str, ...], bool]:
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


def holds_office(entry: ActorEntry, date: dt.date, titles: Iterable[str], by_prefix: bool) -> bool:
    role = entry.role_at(date) if entry.kind == "person" else None
    return role is not None and any(holds(role.title.lower(), title, by_prefix) for title in titles)


def top_official(dictionary: ActorDictionary, country: str, date: dt.date, *, titles: tuple[str, ...] = TOP_TITLES,
                 by_prefix: bool = False) -> Actor | None:
    """The one person holding the first of `titles` in the country on `date` (None when none or several do)."""
    for title in titles:
        holders = []
        for entry in dictionary.entries.values():
            role = entry.role_at(date) if entry.kind == "person" else None
            if (
                role is not None
                and holds(role.title.lower(), title, by_prefix)
                and (role.country or entry.country) == country
            ):
                holders.append(entry)
        if len(holders) == 1:
            return holders[0].actor_at(date)
        if holders:
            return None  # ambiguous: leave the description as the country's government
    return None


# ---- syntax shared with the pronoun rules ------------------------------------------------------------------------
def co_arguments(doc: ParsedDoc, token: Token) -> set[int]:
    """Tokens that cannot share the token's referent (binding): the subject and objects of its own verb, and the
    controller of a non-finite complement ("Lukashenko will be able to use him": Lukashenko controls "use")."""
    verb = doc.tokens[token.head]
    found = {t.i for t in doc.children(verb.i) if t.dep in SUBJECT_DEPS | OBJECT_DEPS and t.i != token.i}
    if verb.dep == "conj" and not any(t.dep in SUBJECT_DEPS for t in doc.children(verb.i)):
        # "X, Y and Z meet with Starmer and urge him": the coordinated verb shares its subjects
        shared = [t for t in doc.children(verb.head) if t.dep in SUBJECT_DEPS]
        found.update(t.i for s in shared for t in (s, *(c for c in doc.children(s.i) if c.dep == "conj")))
    current = verb
    for _ in range(8):
        if current.dep != "xcomp" or current.head == current.i:
            break
        parent = doc.tokens[current.head]
        if parent.pos == "ADJ" and parent.dep == "acomp":  # "be able to use"
            parent = doc.tokens[parent.head]
        children = doc.children(parent.i)
        objects = [t.i for t in children if t.dep in OBJECT_DEPS]
        subjects = [t.i for t in children if t.dep in SUBJECT_DEPS]
        found.update(objects or subjects)  # "force X to ..." is controlled by X, "want to ..." by the subject
        if objects:
            break
        current = parent
    return found


def in_domain(doc: ParsedDoc, token: Token, verb: Token) -> bool:
    """Whether the token lies in the verb's own clause: reached through arguments, prepositions and non-finite
    complements ("stoop to talking to a rebel"), not through a finite or coordinated clause (ccomp, advcl, relcl,
    conj, ...), where a parse error or a long distance makes the rule unsafe."""
    current = token
    for _ in range(64):
        if current.i == verb.i:
            return True
        if current.head == current.i or current.dep in CLAUSE_EDGES:
            return False
        current = doc.tokens[current.head]
    return False


# ---- resolving bare descriptions ---------------------------------------------------------------------------------
def resolve_descriptions(ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
    """Bare leader and rebel nouns linked to the one person the context allows (how="coref")."""
    doc = ctx.doc
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    out = list(mentions)
    mutiny_leaders: list[tuple[int, Actor]] | None = None
    for token in doc.tokens:
        kind = _description_kind(ctx, token)
        if kind is None:
            continue
        existing = by_token.get(token.i)
        if existing is not None and not _bare_role(existing, token):
            continue
        start = _determiner_start(doc, token)
        if start < token.i and start in by_token and by_token[start] is not existing:
            continue
        if kind == "rebel":
            if mutiny_leaders is None:
                mutiny_leaders = _mutiny_leaders(ctx, out)
            actor = _rebel(ctx, token, out, mutiny_leaders)
        else:
            actor = _leader(ctx, token, out)
        if actor is None:
            continue
        if existing is not None:
            out = [m for m in out if m is not existing]
            start = min(start, existing.token_start)
        mention = ctx.mention(start, token.i + 1, actor, "coref")
        out.append(mention)
        for i in range(mention.token_start, mention.token_end):
            by_token[i] = mention
    return sorted(out, key=lambda m: (m.token_start, m.token_end))


def _description_kind(ctx: ResolveContext, token: Token) -> str | None:
    """ "leader" or "rebel" for a bare, singular, referring description noun; None otherwise."""
    doc = ctx.doc
    word = ctx.norms[token.i]
    if token.tag in ("NNS", "NNPS") or token.dep in NOT_REFERRING_DEPS or not token.text.isalpha():
        return None
    if not (token.text.islower() or token.text.istitle()):
        return None
    after = doc.tokens[token.i + 1] if token.i + 1 < len(doc.tokens) else None
    if after is not None and after.pos == "PROPN" and after.sentence == token.sentence:
        return None  # a title before a name: "Tsar Nicholas", "President Biden"
    children = doc.children(token.i)
    determiners = [t for t in children if t.dep in ("det", "predet")]
    specifying = [t for t in children if t.dep in SPECIFYING_DEPS]
    if word in REBEL_NOUNS or (word == "leader" and _only_mutiny_compounds(ctx, specifying)):
        ok_det = all(ctx.norms[t.i] in DEFINITE | INDEFINITE for t in determiners)
        if ok_det and (word == "leader" or not specifying):
            return "rebel"
        return None
    if word == "minister" and specifying and all(ctx.norms[t.i] == "prime" for t in specifying):
        specifying = []  # "the prime minister"
    elif word not in BARE_LEADERS:
        return None
    if specifying or not all(ctx.norms[t.i] in DEFINITE for t in determiners):
        return None
    if not determiners and token.dep not in BARE_DEPS:
        return None  # "ran for president", "his term as president": an office, not a person
    return "leader"


def _only_mutiny_compounds(ctx: ResolveContext, specifying: Sequence[Token]) -> bool:
    """ "the rebel leader", "the mutiny leader": compounds naming a rebellion and nothing else."""
    return bool(specifying) and all(
        t.dep == "compound" and ctx.lemmas[t.i] in REBEL_NOUNS | MUTINY_NOUNS for t in specifying)


def _bare_role(mention: Mention, token: Token) -> bool:
    """A role mention with no country or name of its own ("a rebel" → REB): a description may replace it."""
    actor = mention.actor
    return (mention.how == "role" and mention.head == token.i and actor is not None and actor.id is None
            and actor.country is None and actor.name is None)


def _determiner_start(doc: ParsedDoc, token: Token) -> int:
    start = token.i
    for child in doc.children(token.i):
        if child.i < token.i and child.dep in ("det", "predet", "compound"):
            start = min(start, child.i)
    return start


def _recent_people(ctx: ResolveContext, token: Token, mentions: Sequence[Mention]) -> list[Mention]:
    """Resolved person mentions before the token, in this or the previous LOOKBACK sentences, not naming one of its
    co-arguments ("Putin met the president": the president is not Putin)."""
    blocked = _blocked(ctx, token, mentions)
    return [
        m for m in mentions
        if m.actor is not None and m.actor.kind == "person" and m.actor.id is not None
        and m.token_end <= token.i and token.sentence - m.sentence <= LOOKBACK and m.actor.id not in blocked
    ]


def _blocked(ctx: ResolveContext, token: Token, mentions: Sequence[Mention]) -> set[str | None]:
    """The actors of the description's co-arguments: "Zelensky met the president" is not Zelensky."""
    arguments = co_arguments(ctx.doc, token)
    return {m.actor.id for m in mentions if m.head in arguments and m.actor is not None}


def _leader(ctx: ResolveContext, token: Token, mentions: Sequence[Mention]) -> Actor | None:
    word = ctx.norms[token.i]
    generic = word in GENERIC_LEADERS
    # A generic noun needs a head of state or government; "president of India" is one, "chancellor of the
    # exchequer" is not. A specific noun names its office, with or without "of <country>".
    titles = HEAD_TITLES if generic else TITLES_BY_NOUN.get(word, ("prime minister",))
    people: dict[str, Actor] = {}
    for mention in _recent_people(ctx, token, mentions):
        assert mention.actor is not None and mention.actor.id is not None
        entry = ctx.dictionary.get(mention.actor.id)
        if entry is None:
            continue
        if holds_office(entry, ctx.date, titles, not generic) or (
                generic and holds_office(entry, ctx.date, ("president",), True)):
            people[entry.id] = entry.actor_at(ctx.date)
    if people:
        return _one(people, _preferred_countries(ctx, token, mentions))
    countries = {m.actor.id for m in mentions if _is_country(m) and m.actor is not None
                 and 0 <= token.sentence - m.sentence <= 1 and m.token_end <= token.i}
    hint = NOUN_COUNTRY.get(word)
    if len(countries) != 1 or (hint is not None and countries != {hint}):
        return None
    (country,) = countries
    if country is None:
        return None
    holder = top_official(ctx.dictionary, country, ctx.date, titles=TOP_TITLES if generic else titles,
                          by_prefix=not generic)
    return None if holder is None or holder.id in _blocked(ctx, token, mentions) else holder


def _preferred_countries(ctx: ResolveContext, token: Token, mentions: Sequence[Mention]) -> list[set[str]]:
    """Tie-breakers, strongest first: the country the noun implies, then the countries its sentence names."""
    named = {m.actor.id for m in mentions if _is_country(m) and m.sentence == token.sentence and m.actor is not None}
    hint = NOUN_COUNTRY.get(ctx.norms[token.i])
    return [{hint} if hint else set(), {c for c in named if c is not None}]


def _one(people: dict[str, Actor], preferences: Sequence[set[str]]) -> Actor | None:
    if len(people) == 1:
        return next(iter(people.values()))
    for countries in preferences:
        fitting = [a for a in people.values() if a.country in countries]
        if len(fitting) == 1:
            return fitting[0]
    return None


def _is_country(mention: Mention) -> bool:
    return mention.actor is not None and mention.actor.kind == "country" and mention.actor.id is not None


def _rebel(ctx: ResolveContext, token: Token, mentions: Sequence[Mention],
           leaders: Sequence[tuple[int, Actor]]) -> Actor | None:
    people: dict[str, Actor] = {}
    for mention in _recent_people(ctx, token, mentions):
        if mention.actor is not None and mention.actor.sector == "REB" and mention.actor.id is not None:
            people[mention.actor.id] = mention.actor
    blocked = _blocked(ctx, token, mentions)
    for position, actor in leaders:
        if position < token.i and actor.id is not None and actor.id not in blocked:
            people[actor.id] = actor
    if len(people) != 1:
        return None
    return next(iter(people.values()))


def _mutiny_leaders(ctx: ResolveContext, mentions: Sequence[Mention]) -> list[tuple[int, Actor]]:
    """People the article names as leading a mutiny, with the token where it says so."""
    doc = ctx.doc
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    found: list[tuple[int, Actor]] = []
    for token in doc.tokens:
        agents: list[Token] = []
        if ctx.lemmas[token.i] in MUTINY_NOUNS and token.pos in ("NOUN", "PROPN"):
            agents = _mutiny_agents(doc, token)
        elif ctx.lemmas[token.i] in MUTINY_VERBS and token.pos == "VERB":
            agents = [t for t in doc.children(token.i) if t.dep == "nsubj"]
        for agent in agents:
            mention = by_token.get(agent.i)
            if mention is not None and mention.actor is not None:
                found.extend((agent.i, person) for person in _people_of(ctx, mention.actor))
    return found


def _mutiny_agents(doc: ParsedDoc, noun: Token) -> list[Token]:
    """Who leads the mutiny a noun names: "X's mutiny", "the mutiny of/by X", "the revolt initiated by X",
    "X led a mutiny"."""
    agents: list[Token] = []
    for child in doc.children(noun.i):
        if child.dep == "poss":
            agents.append(child)
        elif child.dep == "prep" and child.text.lower() in ("of", "by"):
            agents.extend(_objects_of(doc, child))
        elif child.dep == "acl" and child.pos == "VERB":
            for grand in doc.children(child.i):
                if grand.dep == "agent":
                    agents.extend(_objects_of(doc, grand))
    verb = doc.tokens[noun.head]
    if noun.dep == "dobj" and verb.lemma.lower() in LAUNCH_VERBS:
        agents.extend(t for t in doc.children(verb.i) if t.dep == "nsubj")
    return agents


def _objects_of(doc: ParsedDoc, preposition: Token) -> list[Token]:
    """A preposition's object; a parser may hang it as the subject of a following participle ("of X explaining")."""
    objects = []
    for child in doc.children(preposition.i):
        if child.dep == "pobj":
            objects.append(child)
        elif child.dep == "pcomp":
            objects.extend(t for t in doc.children(child.i) if t.dep == "nsubj")
    return objects


def _people_of(ctx: ResolveContext, actor: Actor) -> list[Actor]:
    """The person itself, or for a group the person who heads it on the date (the dictionary's role `org`)."""
    if actor.kind == "person" and actor.id is not None:
        entry = ctx.dictionary.get(actor.id)
        return [entry.actor_at(ctx.date)] if entry is not None else []
    if actor.kind != "group" or actor.id is None:
        return []
    heads = []
    for entry in ctx.dictionary.entries.values():
        role = entry.role_at(ctx.date) if entry.kind == "person" else None
        if role is not None and role.org == actor.id and role.title.lower().startswith(("head", "leader", "founder")):
            heads.append(entry.actor_at(ctx.date))
    return heads if len(heads) == 1 else []
