"""Find the actor mentions of a parsed document.

`find_mentions` runs a list of passes over one shared context; each pass takes the mentions found
so far and returns the new list. The default passes are the dictionary scan (names, metonyms,
demonyms, role phrases) and the spaCy-entity pass (unknown or fuzzy-matched names). A coreference
pass ("the Minsk dictator" → Lukashenko) can be appended later without touching these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from wordfreq import zipf_frequency

from detente.actors.dictionary import ActorDictionary, AliasMatch, AliasTarget
from detente.actors.spans import (
    ResolveContext,
    former_holder,
    match_at,
    modified_noun,
    phrase_start,
    role_at,
    sector_in_span,
    with_article,
)
from detente.models import Actor, Entity, Mention, ParsedDoc

MentionPass = Callable[[ResolveContext, list[Mention]], list[Mention]]

# Last words that make a name a region, whatever the tagger's label: "Samara Oblast", "Kidal Region".
REGION_WORDS = frozenset({"oblast", "krai", "raion", "governorate", "prefecture", "voivodeship", "okrug"})
LOOSE_REGION_WORDS = frozenset({"province", "district", "region", "county", "municipality", "canton"})
COMMON_WORD_ZIPF = 3.5  # wordfreq: "suspected" is about 4.2, "Thérèse" under 2
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "into", "across", "within", "around", "throughout"})
ORG_KINDS = frozenset({"igo", "ngo", "group", "company", "media", "party"})
NAME_LINKS = frozenset({"for", "of", "on"})  # "Carnegie Endowment for Russian and Eurasian Studies"


def find_mentions(
    doc: ParsedDoc,
    dictionary: ActorDictionary,
    *,
    date: dt.date,
    passes: Sequence[MentionPass] | None = None,
) -> list[Mention]:
    """All actor mentions in `doc`, in text order, resolved as of the article's `date`."""
    ctx = ResolveContext.build(doc, dictionary, date)
    mentions: list[Mention] = []
    for run in passes if passes is not None else DEFAULT_PASSES:
        mentions = run(ctx, mentions)
    return sorted(mentions, key=lambda m: (m.token_start, m.token_end))


# ---- pass 1: the dictionary scan ------------------------------------------------------------------
def dictionary_pass(ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
    """Leftmost-longest scan of the tokens against the alias index (one dict lookup per token)."""
    found = list(mentions)
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    floor, i = 0, 0
    while i < len(ctx.norms):
        hit = match_at(ctx, i) if i not in taken and not _sided(ctx, i) else None
        if hit is None:
            i += 1
            continue
        end, target = hit
        mention = None if target.entry_id is None else _hit_mention(ctx, i, end, target, floor)
        if mention is not None and not taken.intersection(range(mention.token_start, mention.token_end)):
            found.append(mention)
            end = max(end, mention.token_end)
        floor = i = end
    return found


def _sided(ctx: ResolveContext, i: int) -> bool:
    """ "pro-Russian separatists", "anti-Western protesters": a side they take, not who they are."""
    return i >= 2 and ctx.norms[i - 1] == "-" and ctx.norms[i - 2] in {"pro", "anti"}


def _hit_mention(ctx: ResolveContext, start: int, end: int, target: AliasTarget, floor: int) -> Mention | None:
    match = ctx.dictionary.match(target)
    if target.source == "demonym":
        return _demonym_mention(ctx, start, end, match, floor)
    entry, actor, how = match.entry, match.actor_at(ctx.date), target.how
    noun = modified_noun(ctx, start, end)
    sector = role_at(ctx, noun, end) if noun is not None else None
    if noun is not None and sector is not None:
        if entry.kind == "person" and ctx.doc.tokens[end - 1].dep != "poss":
            return ctx.mention(start, end, actor, how)  # "Putin aide" names Putin, not a sector
        if entry.kind in ("person", "country", "igo") or target.source in ("seat", "capital"):
            first = phrase_start(ctx, start, noun, floor)
            sector = former_holder(ctx, first, noun, sector)
            if entry.kind == "person":
                actor = _country_actor(ctx, actor.country, sector)  # "Putin's army" → RUS MIL
            elif entry.kind == "igo" and sector == "GOV":
                pass  # "the ICC president", "a UN envoy": an organisation's officers are that organisation
            else:
                actor = replace(actor, sector=sector)  # "NATO troops", "the Minsk dictator"
            return ctx.mention(first, noun + 1, actor, "role")
        end = noun + 1  # a group keeps its own sector: "Wagner’s columns" is still Wagner
    elif target.source == "capital" and _reads_as_place(ctx, end - 1):
        actor = replace(actor, sector=None)  # "in Minsk", "the Minsk agreements": the city, not its rulers
    if entry.kind != "person":
        start = with_article(ctx, start, end, floor)
    if entry.kind in ORG_KINDS and how != "role":
        end = _name_continuation(ctx, end)
    return ctx.mention(start, end, actor, how)


def _demonym_mention(ctx: ResolveContext, start: int, end: int, match: AliasMatch, floor: int) -> Mention:
    """ "the Russian military" → RUS MIL over the phrase; "Belarusian territory" → BLR on the word."""
    noun = modified_noun(ctx, start, end)
    if noun is not None and not _names_between(ctx, end, noun):
        sector = role_at(ctx, noun, end)
        if sector is not None:
            first = phrase_start(ctx, start, noun, floor)
            sector = former_holder(ctx, first, noun, sector)
            return ctx.mention(first, noun + 1, replace(match.actor_at(ctx.date), sector=sector), "role")
    if _counted_people(ctx, start, end):
        # "a 35-year-old Tunisian", "three Britons", "60 Gazans": people of that country, not its state
        country = match.actor_at(ctx.date).country
        first = phrase_start(ctx, start, end - 1, floor)
        return ctx.mention(first, end, Actor(country, None, country, "CVL", None, "role"), "role")
    return ctx.mention(start, end, match.actor_at(ctx.date), "demonym")


def _counted_people(ctx: ResolveContext, start: int, end: int) -> bool:
    """A nationality used as a noun with an article or a number: persons of that nationality."""
    head = ctx.doc.tokens[end - 1]
    if end - start != 1 or head.pos not in {"NOUN", "PROPN"}:
        return False
    modifiers = [t for t in ctx.doc.tokens[max(0, start - 8) : start] if t.head == head.i]
    return any(
        (t.dep == "det" and t.text.lower() in {"a", "an"}) or t.dep == "nummod" for t in modifiers
    )


def _names_between(ctx: ResolveContext, start: int, end: int) -> bool:
    """Whether a (non-demonym) name starts inside [start, end): then the name, not the demonym, leads."""
    for k in range(start, end):
        if _sided(ctx, k):
            continue
        hit = match_at(ctx, k)
        if hit is not None and hit[1].source not in ("demonym", "block"):
            return True
    return False


def _country_actor(ctx: ResolveContext, country: str | None, sector: str) -> Actor:
    entry = ctx.dictionary.get(country) if country else None
    if entry is None:
        return Actor(None, None, country, sector)
    return entry.actor_at(ctx.date, sector=sector)


def _reads_as_place(ctx: ResolveContext, last: int) -> bool:
    token = ctx.doc.tokens[last]
    if token.dep == "compound":
        return True
    return token.dep == "pobj" and ctx.norms[token.head] in LOCATIVE


def _name_continuation(ctx: ResolveContext, end: int) -> int:
    """Extend an organisation over "for/of" + a run of capitalised words that ends its full name."""
    tokens, norms = ctx.doc.tokens, ctx.norms
    if end + 2 >= len(tokens) or norms[end] not in NAME_LINKS or not ctx.same_sentence(end - 1, end + 2):
        return end
    capitalised, last, j = 0, None, end + 1
    while j < len(tokens) and ctx.same_sentence(end, j):
        if tokens[j].text[:1].isupper() and tokens[j].pos in ("PROPN", "ADJ", "NOUN"):
            capitalised, last = capitalised + 1, j
        elif norms[j] not in ("and", "&", "the", "of"):
            break
        j += 1
    if last is None or capitalised < 2:
        return end
    final = match_at(ctx, last)
    if final is not None and final[1].source != "demonym":
        return end  # "NATO for Ukraine": the run ends in another actor's name
    return last + 1


# ---- pass 2: spaCy entities ------------------------------------------------------------------------
def entity_pass(ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
    """Keep PERSON/ORG/GPE/NORP entities the dictionary missed (fuzzy-matched or unknown)."""
    result = list(mentions)
    for entity in ctx.doc.entities:
        if entity.label not in ENTITY_LABELS or _sided(ctx, entity.token_start):
            continue
        inside = [m for m in result if m.token_start < entity.token_end and entity.token_start < m.token_end]
        if not inside:
            if _looks_like_name(entity):
                result.append(_entity_mention(ctx, entity, None))
        elif _other_person(ctx, entity, inside):
            # "Miguel Uribe Turbay" holds the surname of Álvaro Uribe but is someone else
            result = [m for m in result if m is not inside[0]]
            result.append(_entity_mention(ctx, entity, None, fuzzy=False))
        elif _swallows(ctx, entity, inside):
            named = inside[0].actor if inside[0].how != "metonym" else None  # "Paris Hilton" is not French
            country = named.country if named else None
            result = [m for m in result if m is not inside[0]]
            result.append(_entity_mention(ctx, entity, country, fuzzy=False))
        elif entity.label == "ORG":
            result = _extend_org(ctx, entity, inside, result)
    return result


def _looks_like_name(entity: Entity) -> bool:
    """spaCy also tags words like "post-Soviet"; a name we keep starts with a capital."""
    text = entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
    return text[:1].isupper()


def _other_person(ctx: ResolveContext, entity: Entity, inside: list[Mention]) -> bool:
    """A PERSON name around a known person's surname or a group's name, with a given name that is not theirs
    ("Miguel Uribe Turbay" is not Álvaro Uribe); not a word the tagger swept in ("Will Putin ...")."""
    if entity.label != "PERSON" or len(inside) != 1:
        return False
    mention, actor = inside[0], inside[0].actor
    # ("Thérèse Kayikwamba Wagner" is no Wagner Group either: a group's or a firm's name can be a surname.)
    if actor is None or actor.kind in {"country", "place"} or mention.token_start <= entity.token_start:
        return False
    before = ctx.doc.tokens[entity.token_start : mention.token_start]
    if not all(t.pos in {"PROPN", "NOUN"} and t.text[:1].isupper() for t in before):
        return False
    if actor.kind != "person" and any(zipf_frequency(t.text.lower(), "en") >= COMMON_WORD_ZIPF for t in before):
        return False  # "Suspected Al-Shabaab gunmen": a capitalised common word, no given name
    known = {part.casefold() for part in (actor.name or "").replace("-", " ").split()}
    return all(t.text.casefold() not in known for t in before)


def _swallows(ctx: ResolveContext, entity: Entity, inside: list[Mention]) -> bool:
    """A longer PERSON/ORG name around a lone country word wins: "Washington Post", "Paris Hilton"."""
    if entity.label not in ("PERSON", "ORG") or len(inside) != 1:
        return False
    mention = inside[0]
    strictly = entity.token_start <= mention.token_start and mention.token_end <= entity.token_end
    longer = entity.token_end - entity.token_start > mention.token_end - mention.token_start
    joined = any(t.pos == "CCONJ" for t in ctx.doc.tokens[entity.token_start:entity.token_end])
    is_country = mention.actor is not None and mention.actor.kind == "country" and mention.how != "role"
    return strictly and longer and is_country and not joined


def _extend_org(ctx: ResolveContext, entity: Entity, inside: list[Mention], result: list[Mention]) -> list[Mention]:
    """An ORG entity that starts with a known organisation is that organisation's full name."""
    first = inside[0]
    actor = first.actor
    tokens = ctx.doc.tokens
    starts_it = first.token_start == entity.token_start or (
        first.token_start == entity.token_start + 1 and ctx.norms[entity.token_start] == "the")
    if (actor is None or actor.kind not in ORG_KINDS or not starts_it or entity.token_end <= first.token_end
            or tokens[entity.token_end - 1].pos not in ("PROPN", "NOUN")):
        return result
    extended = ctx.mention(min(first.token_start, entity.token_start), entity.token_end, actor, first.how)
    return [m for m in result if not any(m is i for i in inside)] + [extended]


def _entity_mention(ctx: ResolveContext, entity: Entity, country: str | None, *, fuzzy: bool = True) -> Mention:
    start, end = entity.token_start, entity.token_end
    match = ctx.dictionary.fuzzy(entity.text, entity.label) if fuzzy else None
    if match is not None:
        return ctx.mention(start, end, match.actor_at(ctx.date), "fuzzy")
    name = entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
    country = country or _demonym_in(ctx, start, end)
    last = name.split()[-1].lower()
    # "Samara Oblast" (tagged PERSON) is a region; "Khorasan Province" or "Justice Department" tagged ORG is not
    regional = last in REGION_WORDS or (last in LOOSE_REGION_WORDS and entity.label in {"GPE", "LOC", "PERSON"})
    kind = "gpe" if regional else entity.label.lower()
    actor = Actor(None, name, country, sector_in_span(ctx, start, end), kind=kind)
    return ctx.mention(start, end, actor, "unknown")


def _demonym_in(ctx: ResolveContext, start: int, end: int) -> str | None:
    for k in range(start, end):
        if _sided(ctx, k):
            continue
        hit = match_at(ctx, k)
        if hit is not None and hit[1].source in ("demonym", "country") and hit[1].entry_id:
            return ctx.dictionary.match(hit[1]).entry.country or hit[1].entry_id
    return None


DEFAULT_PASSES: tuple[MentionPass, ...] = (dictionary_pass, entity_pass)
