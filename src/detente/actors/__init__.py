"""The actors stage: who is named in a parsed article, resolved against a dictionary of actors."""

from detente.actors.dictionary import ActorDictionary, AliasMatch
from detente.actors.entries import ActorEntry, Role, Seat
from detente.actors.resolve import DEFAULT_PASSES, MentionPass, find_mentions

__all__ = [
    "DEFAULT_PASSES", "ActorDictionary", "ActorEntry", "AliasMatch", "MentionPass", "Role", "Seat",
    "find_mentions",
]
