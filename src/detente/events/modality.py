"""How the text holds an event: asserted, negated, hypothetical, future or claimed.

Rules over the parse, checked from the event word up through the clauses that govern it.
Negation wins (a "could not" is a denial, not a guess); then speculation; then future; then
reported speech (claimed, with the speaker's token returned so the caller can resolve it).
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.events.syntax import Tree
from detente.models import Token

NEGATIONS = frozenset({"not", "n't", "never", "no"})
HEDGE_AUX = frozenset({"could", "might", "may", "would", "should", "can", "must"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
OBLIGATION_VERBS = frozenset({"need", "have"})  # "needs to withdraw", "has to leave", like "must"
HEDGE_WORDS = frozenset(
    {
        "maybe",
        "perhaps",
        "possibly",
        "probably",
        "likely",
        "probable",
        "possible",
        "probability",
        "possibility",
        "unclear",
        "whether",
        "if",
        "unless",
        "chance",
        "conceivably",
        "supposedly",
    }
)
CONDITIONS = frozenset({"if", "unless"})
INTENT_VERBS = frozenset(
    {
        "want",
        "plan",
        "intend",
        "aim",
        "seek",
        "hope",
        "expect",
        "prepare",
        "dream",
        "wish",
        "agree",
        "pledge",
        "promise",
        "vow",
        "decide",
        "undertake",
        "schedule",
        "offer",
    }
)
SPEECH_VERBS = frozenset(
    {
        "say",
        "claim",
        "tell",
        "state",
        "announce",
        "allege",
        "insist",
        "assert",
        "report",
        "add",
        "argue",
        "maintain",
        "declare",
        "boast",
        "suggest",
        "write",
    }
)
# Nouns of intention and the verb each stands for ("plans to release" as "plans to release").
INTENTION_NOUNS = {
    "plan": "plan", "decision": "decide", "intention": "intend", "intent": "intend", "pledge": "pledge",
    "promise": "promise", "commitment": "pledge", "offer": "offer", "bid": "seek", "readiness": "prepare",
    "willingness": "want", "threat": "plan",
}
CANCELLING = frozenset({"cancel", "abandon", "scrap", "forgo"})
POSTPONING = frozenset({"postpone", "delay", "defer", "reschedule"})
FACT_MARKS = frozenset({"after", "since", "because", "as", "when", "while", "before", "once"})
# Nouns of a claim someone makes ("dismissed the claim as false"); with reports and rumours, the nouns whose
# "that" clause is someone's claim ("allegations that its troops killed civilians").
CLAIM_NOUNS = frozenset({"claim", "allegation", "accusation", "charge", "assertion"})
CLAIMING_NOUNS = CLAIM_NOUNS | {"rumour", "rumor", "report"}
# What these say was done is someone's claim: "allegations that …", "on charges of attempting a coup",
# "on suspicion of spying".
ALLEGING_NOUNS = CLAIMING_NOUNS | {"suspicion"}
# Nouns whose infinitive did not happen: "his refusal to resign", "the failure to agree".
REFUSAL_NOUNS = frozenset({"refusal", "failure", "reluctance", "unwillingness", "inability"})
PAST_AUX = frozenset({"was", "were", "had"})
PRESENT_FACT_MARKS = frozenset({"as", "because", "since", "while", "whereas"})
# Coming together for an act is doing it: "gathered to protest", "took to the streets to demand".
GATHERING_VERBS = frozenset({"gather", "rally", "march", "assemble", "converge", "flock", "throng"})
# "the first/only state to condemn the raid": the infinitive on such a noun says what was done.
ORDINAL_WORDS = frozenset({"first", "only", "last", "second", "third", "sole", "latest"})
# Clause links through which a governing word's modality reaches the event word.
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "attr", "csubj"})


@dataclass(frozen=True, slots=True)
class ModalityGuess:
    modality: str
    speaker: Token | None = None  # for `claimed`: the subject of the speech verb
    cue: str | None = None
    speech: Token | None = None  # for `claimed`: the speech verb itself ("said", "claimed")
    intent: str | None = None  # the lemma of a governing intention verb ("wants to attack" → "want")
    intent_now: bool = False  # the intention is present or future ("wants to"), not past ("planned to")




def guess_modality(tree: Tree, trigger: Token, *, nominal: bool = False) -> ModalityGuess:
    if _negated(tree, trigger):
        marks = [c.text.lower() for c in tree.children(trigger.i, "mark")]
        condition = next((m for m in marks if m in CONDITIONS), None)  # (or a question: "asked if ... not")
        if condition is not None:  # "if the hostages are not released": a condition denies nothing
            return ModalityGuess("hypothetical", cue=condition)
        return ModalityGuess("negated", cue="not")
    reduced_relative = trigger.dep == "acl" and trigger.tag == "VBN" and not tree.children(trigger.i, "nsubj")
    head = tree.head(trigger.i)
    if nominal and trigger.dep == "pobj" and head is not None and head.text.lower() == "without":
        return ModalityGuess("negated", cue="without")  # "a ceasefire without an Israeli withdrawal"
    if nominal or reduced_relative:
        alleging = _alleging_noun(tree, trigger) if nominal else None
        if alleging is not None:  # "on charges of attempting a coup": the coup is the charge's claim
            return ModalityGuess("claimed", speaker=_maker(tree, alleging), cue=alleging.text)
        # A named event ("the rebellion of Prigozhin") or a reduced relative ("an agreement forced on Qatar",
        # "the civilians killed in the strike") is presupposed, whatever the clause around it says...
        cue = _hedge(tree, trigger)
        if nominal and trigger.dep == "dobj" and head is not None and head.lemma.lower() in CANCELLING:
            return ModalityGuess("negated", cue=head.text)  # "cancelled his visit to Beijing"
        if nominal and trigger.dep == "dobj" and head is not None and head.lemma.lower() in POSTPONING:
            return ModalityGuess("future", cue=head.text)  # "postponed his trip to Beijing": not yet made
        purpose_of = _purpose_verb(tree, trigger) if nominal else None
        if purpose_of is not None:
            # "offered territory for the withdrawal of Wagner": what a hedged or planned act is for is no more
            # certain than that act
            governing = guess_modality(tree, purpose_of)
            if governing.modality in {"future", "hypothetical", "negated"}:
                return ModalityGuess(governing.modality, cue=governing.cue)
        to_be_done = head is not None and head.dep == "xcomp" and tree.to_infinitive(head.i)
        if nominal and trigger.dep == "dobj" and head is not None and to_be_done:
            # "offered to host talks", "agreed to hold talks": talks a to-be act would bring are still to come
            governing = guess_modality(tree, head)
            if governing.modality in {"future", "hypothetical", "negated"}:
                return ModalityGuess(governing.modality, cue=governing.cue)  # its doers intend nothing yet
        if cue is None and nominal and trigger.dep in {"nsubj", "nsubjpass"} and head is not None:
            # ...unless it is what a hedged clause is about: "a meeting ... could take place", "a blockade
            # or invasion of Taiwan could disrupt", "student protests could spread".
            cue = next((c.text.lower() for c in tree.children(head.i, "aux") if c.text.lower() in HEDGE_AUX), None)
        return ModalityGuess("hypothetical", cue=cue) if cue else ModalityGuess("asserted")
    to_infinitive = tree.to_infinitive(trigger.i)
    if trigger.dep == "acl" and to_infinitive and head is not None and head.lemma.lower() in REFUSAL_NOUNS:
        return ModalityGuess("negated", cue=head.text)  # "Starmer's refusal to resign"
    if trigger.dep == "acl" and to_infinitive and head is not None and head.lemma.lower() in INTENTION_NOUNS:
        # "announced plans to release prisoners": a stated intention, like "plans to release"
        intent = INTENTION_NOUNS[head.lemma.lower()]
        return ModalityGuess("future", cue=head.text, intent=intent, intent_now=True)
    if trigger.dep == "advcl" and to_infinitive and head is not None and _gathering(tree, head):
        # "Thousands gathered in Tbilisi to protest": to gather for it is to do it.
        return guess_modality(tree, head)
    if trigger.dep == "relcl" and head is not None and any(
        c.lemma.lower() in ORDINAL_WORDS for c in tree.children(head.i, "amod")
    ):
        return guess_modality(tree, head)  # "Qatar was the only state to condemn the raid"
    if trigger.dep in {"advcl", "acl", "relcl"} and to_infinitive:
        # ("clearing the way for prosecutors to charge him": an infinitival relative, as yet undone.)
        # A purpose clause states an aim ("signed roadmaps to deepen"), an infinitive on a noun what is
        # pressed for or planned ("pressure from Congress to help Iran", "a plan to invade").
        return ModalityGuess("future", cue="to")
    chain = [trigger, *_governors(tree, trigger)]
    for k, token in enumerate(chain):
        cue = _hedge(tree, token)
        if cue == "would" and is_reported(tree, token):
            # "announced it would free", "said his fighters would withdraw": the reported "will" of a past speech
            # verb, not a condition: still to come, as "said he will lift martial law"
            speech = tree.head(token.i)
            subjects = tree.children(speech.i, "nsubj") if speech is not None else []
            return ModalityGuess("future", speaker=subjects[0] if subjects else None, cue="would")
        if cue:
            return ModalityGuess("hypothetical", cue=cue)
        if k and token.lemma.lower() in OBLIGATION_VERBS and _infinitive_of(tree, chain[k - 1], token):
            return ModalityGuess("hypothetical", cue=token.text)  # "needs to withdraw": required, not done
        coordinated = k > 0 and chain[k - 1].dep == "conj" and chain[k - 1].head == token.i
        if token.lemma.lower() in INTENT_VERBS and token is not trigger and not coordinated:
            # ("planned and carried out attacks": a coordinated act is done, not intended)
            # "wants to attack" is the wanter's own intention; "wants Putin to attack" is not.
            own = not tree.children(trigger.i, "nsubj")
            now = own and token.tag in {"VBZ", "VBP", "VB"} and not _has_aux(tree, token, frozenset({"did", "had"}))
            return ModalityGuess("future", cue=token.text, intent=token.lemma.lower(), intent_now=now)
        if _has_aux(tree, token, FUTURE_AUX) or _going_to(tree, token):
            return ModalityGuess("future", cue="will")
        what_is_claimed = k > 0 and (
            chain[k - 1].dep == "acl"  # "allegations that its troops had killed civilians"
            or (chain[k - 1].dep == "prep" and chain[k - 1].text.lower() == "of")  # "charges of attempting a coup"
        )
        if token is not trigger and token.pos == "NOUN" and token.lemma.lower() in ALLEGING_NOUNS and what_is_claimed:
            # "rejected allegations that its troops had killed civilians": what an allegation says is its claim
            return ModalityGuess("claimed", speaker=_maker(tree, token), cue=token.text)
        if token is not trigger and token.lemma.lower() in SPEECH_VERBS:
            subjects = tree.children(token.i, "nsubj")
            return ModalityGuess("claimed", speaker=subjects[0] if subjects else None, cue=token.text, speech=token)
    return ModalityGuess("asserted")


def _purpose_verb(tree: Tree, noun: Token) -> Token | None:
    """The verb a "for" phrase holding the noun gives the purpose of ("offered territory for the withdrawal")."""
    prep = tree.head(noun.i)
    if noun.dep != "pobj" or prep is None or prep.text.lower() != "for":
        return None
    host = tree.head(prep.i)
    if host is not None and host.dep == "dobj":
        host = tree.head(host.i)
    return host if host is not None and host.pos == "VERB" else None


def _maker(tree: Tree, noun: Token) -> Token | None:
    """Who makes an allegation: "allegations by Rwanda", "Rwanda's allegations"."""
    bys = [p for p in tree.children(noun.i, "prep") if p.text.lower() == "by"]
    makers = [o for p in bys for o in tree.children(p.i, "pobj")] or tree.children(noun.i, "poss")
    return makers[0] if makers else None


def _alleging_noun(tree: Tree, noun: Token) -> Token | None:
    """The charge or suspicion whose "of" phrase holds the noun: "charges of attempting a coup", "suspicion of
    espionage"."""
    current = noun
    for _ in range(4):
        head = tree.head(current.i)
        if head is None or current.dep not in {"dobj", "pobj", "pcomp"}:
            return None
        if current.dep in {"pobj", "pcomp"} and head.text.lower() == "of":
            owner = tree.head(head.i)
            if owner is None or owner.lemma.lower() not in ALLEGING_NOUNS:
                return None
            held = tree.head(owner.i)  # "the general in charge of the offensive", "took charge of": no charge
            in_charge = held is not None and held.lemma.lower() in {"in", "take", "assume"}
            return None if owner.lemma.lower() == "charge" and in_charge else owner
        current = head
    return None


def _infinitive_of(tree: Tree, inner: Token, outer: Token) -> bool:
    return inner.dep == "xcomp" and inner.head == outer.i and tree.to_infinitive(inner.i)


def is_reported(tree: Tree, token: Token) -> bool:
    """A clause that a verb of saying takes: "said [his fighters would withdraw]"."""
    head = tree.head(token.i)
    return token.dep == "ccomp" and head is not None and head.lemma.lower() in SPEECH_VERBS


def _past(tree: Tree, verb: Token) -> bool:
    """ "after the UK threatened them", "when she was expelled": a verb in a past tense."""
    if verb.tag == "VBD":
        return True
    return verb.tag == "VBN" and any(a.text.lower() in PAST_AUX for a in tree.children(verb.i, "aux", "auxpass"))


def _gathering(tree: Tree, verb: Token) -> bool:
    """ "gathered", "rallied", "took to the streets": coming together (not "turned to Iran to buy drones")."""
    if verb.lemma.lower() in GATHERING_VERBS:
        return True
    streets = (o for p in tree.children(verb.i, "prep") for o in tree.children(p.i, "pobj"))
    return verb.lemma.lower() in {"take", "pour"} and any(o.lemma.lower() in {"street", "square"} for o in streets)


def _governors(tree: Tree, trigger: Token) -> list[Token]:
    """Words whose clause contains the trigger, nearest first, up to the sentence root."""
    out: list[Token] = []
    current = trigger
    while current.dep in CLAUSE_LINKS:
        head = tree.head(current.i)
        if head is None or head.sentence != trigger.sentence:
            break
        if tree.finite_conjunct_of_infinitive(current):
            head = tree.head(head.i)  # it goes with the clause above the infinitive
            if head is None:
                break
        # "X said ..., and Y attacked Z": a verb coordinated WITH the speech verb is not inside it.
        if current.dep == "conj" and head.lemma.lower() in SPEECH_VERBS:
            break
        # "agreed to take them back after the UK threatened them": a past clause of time or cause states
        # a fact, whatever the clause it hangs on intends, hedges or reports.
        marks = {m.text.lower() for m in tree.children(current.i, "mark")}
        if current.dep == "relcl":  # "since January, when she was expelled"
            marks |= {m.text.lower() for m in tree.children(current.i, "advmod")}
        if current.dep in {"advcl", "relcl"} and _past(tree, current) and marks & FACT_MARKS:
            break
        # "Pakistan will declare war ..., as Pakistan accuses the Taliban of ...": a present clause of cause
        # or of what goes on meanwhile is stated as fact (not "will meet when he visits").
        if current.dep == "advcl" and current.tag in {"VBZ", "VBP"} and marks & PRESENT_FACT_MARKS:
            break
        out.append(head)
        current = head
    return out


def _negated(tree: Tree, token: Token) -> bool:
    if any(c.text.lower() in NEGATIONS for c in tree.children(token.i, "neg")):
        return True
    if any(c.text.lower() == "no" for c in tree.children(token.i, "det")):
        return True
    # "No protests were held", "fired no shots": the act's own noun is denied.
    if token.pos in {"VERB", "AUX"} and any(
        d.text.lower() == "no" for c in tree.children(token.i, "nsubjpass", "dobj") for d in tree.children(c.i, "det")
    ):
        return True
    # "did not agree to meet", "refused to", "failed to": the governing verb carries the denial.
    head = tree.head(token.i)
    if token.dep == "acl" and token.tag == "VBG" and head is not None and head.lemma.lower() in CANCELLING:
        return True  # "Trump cancels sending envoys", parsed as a noun "cancels" with a participle
    if token.dep == "advcl" and token.tag == "VBG" and head is not None and _ruled_out(tree, head):
        return True  # "Hamas ruled out releasing the hostages", parsed as a participle clause
    if token.dep == "xcomp" and head is not None:
        if head.lemma.lower() in CANCELLING | {"fail", "refuse", "decline"}:
            return True  # "cancels sending envoys to Islamabad"
        if token.tag == "VBG" and (head.lemma.lower() in {"deny", "avoid"} or _ruled_out(tree, head)):
            return True  # "has ruled out sending forces", "denied sending troops"
        return any(c.text.lower() in NEGATIONS for c in tree.children(head.i, "neg"))
    return False


def _ruled_out(tree: Tree, verb: Token) -> bool:
    return verb.lemma.lower() == "rule" and any(p.text.lower() == "out" for p in tree.children(verb.i, "prt"))


def _hedge(tree: Tree, token: Token) -> str | None:
    for child in tree.children(token.i):
        word = child.text.lower()
        if child.dep in {"aux", "auxpass"} and word in HEDGE_AUX:
            return word
        if child.dep in {"advmod", "mark", "acomp", "attr", "dobj", "nsubj"} and word in HEDGE_WORDS:
            return word
        if child.dep in {"acomp", "attr", "dobj"}:
            for grandchild in tree.children(child.i, "amod", "advmod"):
                if grandchild.text.lower() in HEDGE_WORDS:
                    return grandchild.text.lower()
    if token.text.lower() in HEDGE_WORDS:
        return token.text.lower()
    return None


def _has_aux(tree: Tree, token: Token, words: frozenset[str]) -> bool:
    return any(c.text.lower() in words for c in tree.children(token.i, "aux", "auxpass"))


def _going_to(tree: Tree, token: Token) -> bool:
    head = tree.head(token.i)
    return (
        token.dep == "xcomp"
        and head is not None
        and head.lemma.lower() == "go"
        and any(c.lemma.lower() == "be" for c in tree.children(head.i, "aux"))
    )


REFUSAL_VERBS = frozenset({"refuse", "decline", "reject"})
PROMISE_AUX = frozenset({"will", "would", "wo", "shall"})


def is_refusal(tree: Tree, trigger: Token) -> bool:
    """ "refused to release", "declined to meet", "said he would not provide support": an announced
    refusal, an act of its own (not merely something that did not happen, like "did not sign")."""
    head = tree.head(trigger.i)
    if head is not None and (
        (trigger.dep in {"xcomp", "advcl"} and _ruled_out(tree, head))
        or (trigger.dep == "xcomp" and head.lemma.lower() in REFUSAL_VERBS)
    ):
        return not _negated(tree, head)  # "did not refuse to meet" is no refusal; "ruled out sending troops" is one
    negated = any(c.text.lower() in NEGATIONS for c in tree.children(trigger.i, "neg"))
    return negated and _has_aux(tree, trigger, PROMISE_AUX)


def reporting_verb(tree: Tree, trigger: Token, verbs: frozenset[str] = SPEECH_VERBS) -> Token | None:
    """The verb of saying (or of the kind `verbs` names) whose clause holds the trigger ("Obama said he
    would not ..."), if any."""
    return next((t for t in _governors(tree, trigger) if t.lemma.lower() in verbs), None)
