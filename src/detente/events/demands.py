"""Demands stated as obligations: "the US said Israel must stop the settlements", "Moscow ..., saying that
if Belarus wants fast lanes, more integration is needed". Saying that another party must act is a demand
made of that party (CAMEO 10, PLOVER REQUEST); the act itself stays what the speaker claims.

Only the syntax is read here; the caller resolves the tokens to actors and codes the event.
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.events.modality import SPEECH_VERBS
from detente.events.syntax import Tree
from detente.models import Token

NECESSITY_AUX = frozenset({"must", "should", "ought"})
# "needs to withdraw", "has to leave": a verb of necessity with an infinitive.
NECESSITY_VERBS = frozenset({"need", "have"})
# "more integration is needed", "concessions are required": necessity with no one named as its subject.
NECESSITY_PASSIVES = frozenset({"need", "require"})
SUBJECTS = ("nsubj",)


@dataclass(frozen=True, slots=True)
class Obligation:
    speech: Token  # "said", "saying"
    clause: Token  # the head of what was said ("stop", "needed")
    speaker: Token  # who said it
    addressee: Token  # who must act


def stated_obligations(tree: Tree, sentence: int) -> list[Obligation]:
    """Every "X says Y must ..." in one sentence, with the tokens of X and Y."""
    found: list[Obligation] = []
    sent = tree.doc.sentences[sentence]
    for token in tree.tokens[sent.token_start : sent.token_end]:
        if token.lemma.lower() not in SPEECH_VERBS:
            continue
        speaker = _speaker(tree, token)
        if speaker is None:
            continue
        for clause in tree.children(token.i, "ccomp"):
            addressee = _addressee(tree, clause)
            if addressee is not None:
                found.append(Obligation(token, clause, speaker, addressee))
    return found


def _speaker(tree: Tree, speech: Token) -> Token | None:
    subjects = tree.children(speech.i, "nsubj")
    if subjects:
        return subjects[0]
    head = tree.head(speech.i)
    if speech.dep == "advcl" and head is not None:
        # "Moscow has decided ..., saying that": the participle's subject is the main clause's.
        subjects = tree.children(head.i, "nsubj")
        return subjects[0] if subjects else None
    return None


def _addressee(tree: Tree, clause: Token) -> Token | None:
    words = {c.text.lower() for c in tree.children(clause.i, "aux")}
    passive = bool(tree.children(clause.i, "auxpass", "nsubjpass"))
    lemma = clause.lemma.lower()
    if not passive and (words & NECESSITY_AUX or (lemma in NECESSITY_VERBS and tree.children(clause.i, "xcomp"))):
        subjects = tree.children(clause.i, *SUBJECTS)
        return subjects[0] if subjects else None
    if passive and lemma in NECESSITY_PASSIVES:
        # "if Belarus wants fast lanes, more integration is needed": the condition names who must act.
        for condition in tree.children(clause.i, "advcl"):
            if any(m.text.lower() == "if" for m in tree.children(condition.i, "mark")):
                subjects = tree.children(condition.i, *SUBJECTS)
                if subjects:
                    return subjects[0]
    return None
