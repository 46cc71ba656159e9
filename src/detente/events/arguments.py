"""Who acts and who is acted on: actor and recipient tokens of an event word, from the parse."""

from __future__ import annotations

from itertools import pairwise

from detente.events.lexicon import Sense
from detente.events.syntax import PASSIVE_SUBJECT_DEPS, RELATIVE_PRONOUNS, TARGETING, TOWN_KINDS, Tree
from detente.models import Mention, Token

# Dependencies whose lemma can satisfy a sense's `object` condition.
OBJECT_LIKE = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd", "acomp", "dative", "ccomp", "xcomp", "npadvmod"})
# Where a sense may find its recipient beyond the trigger itself: its object and object predicates.
RECIPIENT_HOSTS = frozenset({"dobj", "oprd", "acomp", "ccomp", "nsubjpass"})
PARTICLE_DEPS = frozenset({"prt", "prep", "agent", "advmod"})  # "stepped down" is sometimes an adverb
ARGUMENT_PREPS = frozenset(
    {
        "to",
        "with",
        "on",
        "upon",
        "against",
        "for",
        "of",
        "in",
        "into",
        "at",
        "from",
        "over",
        "toward",
        "towards",
        "about",
        "between",
        "by",
        "onto",
        "out",
        "off",
        "up",
        "down",
    }
)


def object_tokens(tree: Tree, trigger: Token) -> list[Token]:
    """The trigger's objects, their compounds and conjuncts, and objects of argument prepositions
    ("offering Wagner a country FOR ASYLUM", "imposed SANCTIONS", "held TALKS", "came TO X's AID");
    not circumstances ("airstrikes FOLLOWING failed talks", "ended WITHOUT a deal")."""
    found: list[Token] = []
    if trigger.pos == "NOUN":
        found.extend(tree.children(trigger.i, "compound"))  # "a hunger strike", "peace talks"
    for child in tree.children(trigger.i):
        if (
            child.dep == "ccomp"
            and child.pos in {"VERB", "AUX"}
            and tree.children(child.i, "nsubj", "nsubjpass")
            and not tree.to_infinitive(child.i)
        ):
            continue  # "announced it arrested a pilot": a reported clause, not the announcement's object
        if child.dep in OBJECT_LIKE:
            found.append(child)
            found.extend(tree.children(child.i, "compound", "conj"))
            for prep in tree.children(child.i, "prep"):
                if prep.text.lower() in ARGUMENT_PREPS:
                    found.extend(tree.children(prep.i, "pobj"))
        if child.dep in {"prep", "dative", "prt"} and child.text.lower() in ARGUMENT_PREPS:
            found.extend(tree.children(child.i, "pobj"))  # also "called off [the advance]" parsed under "off"
    stranded = tree.stranded_subject(trigger) if tree.children(trigger.i, "auxpass") else None
    if stranded is not None:
        found.append(stranded)  # "as sanctions have been imposed"
    gap = relative_object(tree, trigger)
    if gap is not None:
        found.append(gap)  # "an accusation Yerevan denied", "the sanctions Washington imposed on Moscow"
    return found


def relative_object(tree: Tree, verb: Token) -> Token | None:
    """The noun a relative clause with its own subject and no object is about: its object."""
    head = tree.head(verb.i)
    if verb.dep != "relcl" or head is None or head.pos != "NOUN" or tree.children(verb.i, "dobj", "auxpass"):
        return None
    subjects = tree.children(verb.i, "nsubj")
    if not subjects or subjects[0].text.lower() in RELATIVE_PRONOUNS | {"who"}:
        return None  # "the group that attacked", "the man who fled": the noun is the subject
    if any(o.text.lower() in RELATIVE_PRONOUNS for p in tree.children(verb.i, "prep") for o in tree.children(p.i)):
        return None  # "a proposal, to which Israel agrees": the noun is the preposition's object
    return head


def object_lemmas(tree: Tree, trigger: Token) -> set[str]:
    """The objects' lemmas and their compounds' ("went on hunger strike": strike, hunger). Not adjectives:
    "national" or "general" would match far too much ("joined the national unity government")."""
    # (A gerund complement is an act of its own, not an object noun: "has begun drilling for minerals" holds no
    # drills.)
    objects = [o for o in object_tokens(tree, trigger) if not (o.dep == "xcomp" and o.tag == "VBG")]
    return {t.lemma.lower() for o in objects for t in (o, *tree.children(o.i, "compound"))}


def sense_matches(tree: Tree, trigger: Token, sense: Sense) -> bool:
    if sense.prep is not None and not any(
        c.text.lower() == sense.prep for c in tree.children(trigger.i) if c.dep in PARTICLE_DEPS
    ):
        # The parser often hangs the verb's preposition on its object ("exchanged [shells for oil]").
        on_object = (p for o in tree.children(trigger.i, "dobj") for p in tree.children(o.i, "prep"))
        if not any(p.text.lower() == sense.prep for p in on_object):
            return False
    if not sense.objects and not sense.not_objects:
        return True
    lemmas = object_lemmas(tree, trigger)
    return (not sense.objects or bool(sense.objects & lemmas)) and not sense.not_objects & lemmas


def _reduced_passive(tree: Tree, trigger: Token) -> bool:
    """ "the civilians imprisoned for ...", "10 soldiers killed in Ukraine": a participle modifying a noun."""
    if _misparsed_relative(tree, trigger) is not None:
        return True
    # Not a finite clause the parser hung on a noun ("The Houthis report that twelve people are killed").
    return trigger.dep == "acl" and trigger.tag in {"VBN", "VBD"} and not tree.children(
        trigger.i, "nsubj", "nsubjpass", "auxpass", "mark"
    )


def _misparsed_relative(tree: Tree, trigger: Token) -> Token | None:
    """ "The civilians imprisoned for X were released by Putin", parsed as "civilians imprisoned" with "were
    released" a conjunct: no "and" joins the two verbs, so the first is a reduced relative on the noun, which
    is the one acted on by both. Returns that noun."""
    subjects = tree.children(trigger.i, "nsubj")
    if trigger.tag not in {"VBD", "VBN"} or len(subjects) != 1 or tree.children(trigger.i, "cc", "aux", "dobj"):
        return None
    for conj in tree.children(trigger.i, "conj"):
        own = [c.dep for c in tree.children(conj.i)]
        if "auxpass" in own and not {"nsubj", "nsubjpass"} & set(own):
            return subjects[0]
    return None


def is_passive(tree: Tree, trigger: Token) -> bool:
    """A passive clause, or a reduced passive relative ("the civilians killed in the strike")."""
    if _reduced_passive(tree, trigger):
        return True
    return any(c.dep in PASSIVE_SUBJECT_DEPS or c.dep == "auxpass" for c in tree.children(trigger.i))


def coordinated_passives(tree: Tree, trigger: Token) -> list[Token]:
    """The passive verbs coordinated under this one, which share its agent and means ("was stormed and set on
    fire by protesters"); none for a reduced relative misread as the main verb ("the civilians imprisoned ...
    were released by Putin")."""
    return [] if _misparsed_relative(tree, trigger) is not None else tree.children(trigger.i, "conj")


def actor_tokens(tree: Tree, trigger: Token, sense: Sense) -> list[Token]:
    """The tokens heading the actor phrase(s), following control, coordination and relative clauses."""
    if sense.is_noun:
        return _nominal_actor(tree, trigger, sense)
    if sense.state:
        # "Russia and Belarus are allied", "the two armies are intertwined": the subjects relate to each other.
        subjects = tree.children(trigger.i, "nsubj", "nsubjpass")
        copula = tree.head(trigger.i)
        if not subjects and trigger.dep == "acomp" and copula is not None:
            subjects = tree.children(copula.i, "nsubj")  # "the armies are intertwined", parsed as an adjective
        return _expand(tree, subjects)
    if is_passive(tree, trigger):
        for agent in tree.children(trigger.i, "agent"):
            return _agents(tree, tree.children(agent.i, "pobj"))
        # "was stormed and set on fire by protesters": coordinated passives share the agent (not a reduced
        # relative misread as the main verb: "the civilians imprisoned ... were released by Putin").
        shared = coordinated_passives(tree, trigger)
        for verb in shared:
            for agent in tree.children(verb.i, "agent"):
                return _agents(tree, tree.children(agent.i, "pobj"))
        # "five are killed and three are injured in a Ukrainian drone attack": so is the means
        found = next((found for verb in [trigger, *shared] if (found := _instrument_agents(tree, verb))), [])
        return found or _stray_agents(tree, trigger)
    if trigger.dep == "amod" and trigger.tag == "VBN" and trigger.lemma.lower() in MEDIATING_VERBS:
        # "a US-brokered truce", "Qatari-mediated talks": the name on the participle is the broker
        return [c for c in tree.children(trigger.i, "npadvmod", "compound", "nmod", "amod") if tree.mention_at(c.i)]
    subjects = tree.children(trigger.i, "nsubj", "csubj")
    if not subjects and trigger.pos == "NOUN" and trigger.dep == "ROOT":
        # "Keir Starmer visits Kyiv" parsed as one noun phrase: the name compounded on the verb is its subject
        subjects = [c for c in tree.children(trigger.i, "compound") if tree.mention_for(c.i)]
    if subjects and trigger.dep == "relcl" and not any(tree.mention_for(t.i) for t in subjects):
        # "The army completed an operation that killed 40 militants": the operation's doer is who ran it
        operation = tree.head(trigger.i)
        holder = tree.head(operation.i) if operation is not None else None
        if (
            operation is not None
            and operation.lemma.lower() in OPERATION_NOUNS
            and operation.dep == "dobj"
            and holder is not None
            and holder.lemma.lower() in RUNNING_VERBS  # not "condemned the attack that killed three"
        ):
            return actor_tokens(tree, holder, sense)
    if subjects:
        return _expand(tree, subjects)
    head = tree.head(trigger.i)
    if head is None:
        return []
    if trigger.dep in {"xcomp", "oprd"} and trigger.tag == "VBN":
        return []  # "is found shot dead", "were reported killed": the subject is who it happened to
    if trigger.dep == "xcomp":
        # Object control: "helped Putin to resolve" — Putin resolves; else the subject controls, also the
        # subject of a passive raising verb ("Obama is scheduled to attend", "X is expected to sign").
        controllers = tree.children(head.i, "dobj", "dative") or tree.children(head.i, "nsubjpass")
        return _expand(tree, controllers) if controllers else actor_tokens(tree, head, sense)
    if _reduced_passive(tree, trigger):
        return []  # "10 soldiers killed in Ukraine": the noun is who it happened to, not who did it
    if trigger.dep == "advcl" and head.lemma.lower() in REPORTING_HEADS:
        return []  # "Petro accuses Ecuador of an airstrike ..., killing 27": the speaker killed no one
    if tree.finite_conjunct_of_infinitive(trigger):
        main = tree.head(head.i)  # the clause above the infinitive
        if main is not None and main.pos in {"VERB", "AUX"}:
            return actor_tokens(tree, main, sense)
    if trigger.dep in {"conj", "advcl"}:
        return actor_tokens(tree, head, sense)
    if trigger.dep == "pcomp" and head.lemma.lower() in {"despite", "after", "before", "while", "since", "besides"}:
        # "Belarus has not sent troops, despite allowing Russian forces to use its territory" (not "jailed
        # a student for helping militants", whose helper is the student; nor "by supporting", a restatement)
        main = tree.head(head.i)
        if main is not None and main.pos in {"VERB", "AUX"}:
            return actor_tokens(tree, main, sense)
    if trigger.dep == "acl" and head.lemma.lower() in INTENTION_NOUNS and head.dep in {"dobj", "pobj"}:
        # "Cuba announces plans to release 51 prisoners": the one who has the plan acts; "Sweden's bid to
        # join NATO" is Sweden's, whoever approves it
        owners = [c for c in tree.children(head.i, "poss") if tree.mention_for(c.i)]
        if owners:
            return _expand(tree, owners)
        holder = tree.head(head.i)
        if holder is not None and holder.pos in {"VERB", "AUX"}:
            return actor_tokens(tree, holder, sense)
    if trigger.dep == "acl" and head.lemma.lower() in DOCUMENT_NOUNS and tree.mention_for(head.i) is None:
        # "the GCC issues a statement condemning the attacks", "the Assembly votes to pass a resolution
        # condemning Russia's war": what a text does, its author does (one who issues or adopts it, not one who
        # vetoes, opposes or receives it; and an author the text names, "a letter from Zelensky", first)
        holder = tree.head(head.i)
        # (also a verb the tagger read as a noun: "the Council issues a statement condemning ...")
        if (
            holder is not None
            and head.dep == "dobj"
            and holder.lemma.lower() in AUTHORING_VERBS
            and (holder.pos in {"VERB", "AUX"} or holder.dep == "ROOT")
        ):
            return actor_tokens(tree, holder, sense)
    if trigger.dep in {"relcl", "acl"} and head.pos in {"NOUN", "PROPN", "PRON"}:
        return [head]
    return []


AUTHORING_VERBS = frozenset(
    {"issue", "issues", "adopt", "pass", "publish", "release", "sign", "send", "table", "submit", "draft", "unveil",
     "present", "circulate", "approve", "write", "pen", "deliver", "put"}
)
DOCUMENT_NOUNS = frozenset(
    {"statement", "resolution", "communique", "communiqué", "declaration", "letter", "motion", "decree", "note"}
)


PLACE_ACTOR_KINDS = frozenset({"country", "gpe", "loc", "place"})
# "announced plans to release", "confirmed its decision to withdraw": nouns of intention.
INTENTION_NOUNS = frozenset(
    {"plan", "decision", "intention", "intent", "readiness", "willingness", "promise", "pledge", "commitment",
     "bid", "move", "effort", "attempt", "offer"}
)
# Verbs of saying and blaming, whose participle clause ("..., killing 27") is not the speaker's act.
REPORTING_HEADS = frozenset(
    {"say", "accuse", "blame", "report", "claim", "confirm", "announce", "allege", "condemn", "state", "tell", "deny"}
)
# "injured when Israeli settlers attack residents", "killed after M23 forces launch an attack".
ATTACK_VERBS = frozenset(
    {"attack", "strike", "shell", "bomb", "raid", "storm", "shoot", "fire", "open", "launch", "ambush", "hit", "target"}
)
# Attacks that say who attacked: "killed in Israeli tank shelling", "killed in an air strike by government forces".
ATTACK_NOUNS = frozenset(
    {"shelling", "strike", "airstrike", "bombing", "attack", "raid", "bombardment", "fire", "shooting", "offensive",
     "assault", "ambush", "barrage", "crossfire", "gunfire", "drone", "missile", "rocket", "artillery",
     "tank", "jet", "warplane", "helicopter", "gunship", "sniper", "aircraft", "warship"}
)


# Words that make a casualty report an attack, whatever accident words it also has.
ATTACKERS = frozenset(
    {"gunman", "gunmen", "assailant", "attacker", "militant", "terrorist", "shooting", "stabbing", "bomber",
     "rebel", "insurgent", "sniper", "shooter", "suspect", "perpetrator", "ramming", "arson", "explosive", "bomb"}
)
# "a hunger strike", "a general strike": strikes that attack no one.
NOT_ATTACKS = frozenset({"hunger", "general", "labor", "labour", "worker", "nationwide", "teacher", "rail"})
# "killed by the MH17 crash", "destroyed by the earthquake": no one did it.
ACCIDENT_NOUNS = frozenset(
    {"crash", "accident", "collision", "earthquake", "quake", "flood", "flooding", "storm", "hurricane", "cyclone",
     "typhoon", "landslide", "wildfire", "fire", "blaze", "avalanche", "tsunami", "heatwave", "disease",
     "outbreak", "collapse", "derailment", "stampede", "lightning", "tornado", "drought", "rain", "rains",
     "mudslide", "explosion", "shipwreck", "capsizing", "heat", "cold", "snowstorm", "blizzard", "eruption",
     "aftershock", "tremor", "volcano", "crush"}
)
WEAPON_NOUNS = frozenset({"missile", "rocket", "bomb", "shell", "mine", "drone", "grenade", "mortar", "torpedo"})
EXPLOSIVES = WEAPON_NOUNS | {"device", "ied"}
# What makes a fire or a blast an attack: "artillery fire", "tank fire", "car bomb explosion".
ARMED_MODIFIERS = EXPLOSIVES | {"artillery", "tank", "gun", "machine-gun", "sniper", "naval", "enemy", "gunfire"}


def _agents(tree: Tree, tokens: list[Token]) -> list[Token]:
    """The actors of a passive's "by" phrase: not an accident; for a weapon, who fired it, if the text says."""
    out: list[Token] = []
    for token in _expand(tree, tokens):
        lemma = token.lemma.lower()
        if lemma in ACCIDENT_NOUNS and tree.mention_at(token.i) is None:
            continue
        if lemma in WEAPON_NOUNS and tree.mention_at(token.i) is None:
            # "blown up by a missile believed to be fired by pro-Russia rebels"
            shooters = [
                o
                for acl in tree.subtree(token.i)
                for by in tree.children(acl, "agent")
                for o in tree.children(by.i, "pobj")
            ]
            if shooters:
                out.extend(_expand(tree, shooters))
                continue
            owner = tree.mention_for(token.i)  # "a Russian missile"; not a model name ("a BAK missile")
            if owner is None or owner.actor is None or not owner.actor.id:
                continue
        out.append(token)
    return out


FORCE_MANNERS = frozenset(
    {"violence", "force", "brutality", "gas", "teargas", "bullet", "baton", "cannon", "weapon", "fire", "ammunition",
     "club", "truncheon"}
)


def _stray_agents(tree: Tree, verb: Token) -> list[Token]:
    """ "were repressed with violence by the OMON": a "by" the parser hung on the manner phrase is the agent."""
    for prep in tree.children(verb.i, "prep"):
        if prep.text.lower() not in {"with", "without"}:
            continue
        for manner in tree.children(prep.i, "pobj"):
            if manner.lemma.lower() not in FORCE_MANNERS:
                continue  # "released with a deal by Qatar": the deal's makers released no one
            for by in tree.children(manner.i, "prep", "agent"):
                if by.text.lower() == "by":
                    return _agents(tree, tree.children(by.i, "pobj"))
    return []


def _instrument_agents(tree: Tree, trigger: Token) -> list[Token]:
    """A passive with no agent whose means or origin names one: "four were killed in Israeli tank shelling",
    "a mortar bomb was fired at Israel from the Gaza Strip"."""
    for clause in tree.children(trigger.i, "advcl"):
        if clause.lemma.lower() in ATTACK_VERBS:
            subjects = tree.children(clause.i, "nsubj")  # not "when a Mw 7.1 earthquake strikes"
            doers = [t for t in _expand(tree, subjects) if tree.mention_for(t.i) and not _natural_cause(tree, t)]
            # "after an attack perpetrated by the RSF hits a hospital"
            doers = doers or [
                o for s in subjects if s.lemma.lower() in ATTACK_NOUNS for acl in tree.children(s.i, "acl")
                for by in tree.children(acl.i, "agent") for o in tree.children(by.i, "pobj") if tree.mention_for(o.i)
            ]
            if doers:
                return doers
    for prep in tree.children(trigger.i, "prep"):
        if prep.text.lower() == "from":
            origins = [o for o in tree.children(prep.i, "pobj") if _is_place(tree.mention_at(o.i))]
            if origins:
                return origins
        if _preposition(tree, prep) not in {"in", "by", "during", "following", "after", "amid", "due", "because"}:
            continue
        objects = _prep_objects(tree, prep)
        for means in objects + [c for o in objects for c in tree.children(o.i, "conj")]:  # "fire and airstrikes by"
            if means.lemma.lower() not in ATTACK_NOUNS | OPERATION_NOUNS:  # "in an operation by the army"
                continue
            if {c.lemma.lower() for c in tree.children(means.i, "compound", "amod")} & NOT_ATTACKS:
                continue  # "during his hunger strike"
            # "in an air strike by government forces", "after an attack perpetrated by the RSF"
            carried_by = [a for acl in tree.children(means.i, "acl") for a in tree.children(acl.i, "agent")]
            for by in tree.children(means.i, "prep") + carried_by:
                if by.text.lower() == "by":
                    agents = [t for t in _expand(tree, tree.children(by.i, "pobj")) if tree.mention_for(t.i)]
                    if agents:
                        return agents
            for modifier in tree.children(means.i, "amod", "compound", "poss", "nmod"):
                if tree.mention_at(modifier.i) is not None:
                    return [modifier]
    return []


# "killed when a boat capsized", "killed in a landslide": deaths no one caused.
MINING_WORDS = frozenset(
    {"coal", "gold", "copper", "diamond", "mining", "miner", "shaft", "quarry", "pit", "cast", "tin", "cobalt"}
)
ACCIDENT_VERBS = frozenset(
    {"capsize", "crash", "collapse", "sink", "derail", "explode", "burn", "drown", "overturn", "fall", "plunge",
     "veer", "collide", "skid", "erupt", "tilt"}
)


def accident_consequence(tree: Tree, trigger: Token) -> bool:
    """ "A helicopter crashes ..., killing all three crew", "the crash of Flight 447, which killed 228
    people": harm that follows from an accident (not from a bomb that explodes)."""
    head = tree.head(trigger.i)
    if trigger.dep == "relcl" and head is not None and head.lemma.lower() in ACCIDENT_NOUNS:
        return True
    # "an earthquake strikes Esmeraldas, shutting down power, damaging buildings and injuring 32 people":
    # the subject of any verb up the chain of participles
    subjects, node = list(tree.children(trigger.i, "nsubj")), trigger
    while node.dep in {"advcl", "xcomp", "conj"} and (up := tree.head(node.i)) is not None:
        subjects += tree.children(up.i, "nsubj")
        node = up
    if any(_natural_cause(tree, s) for s in subjects):
        return True
    if trigger.dep == "advcl" and trigger.tag == "VBG" and _accident_sentence(tree, trigger):
        return True  # "arrest the pilot of a plane that crashed near El Alto, killing 22": the parse hung it high
    relative = any(s.text.lower() in {"which", "that"} for s in tree.children(trigger.i, "nsubj"))
    named = tree.mention_for(head.i) if head is not None else None
    # "Hamas, which killed 1,200 Israelis" (not "the collapse of the bridge in Genoa, which killed 43", nor "an
    # outbreak at the University of Kent in Kent, England, which has killed two": a place where it happened)
    of_actor = (
        head is not None and named is not None and named.actor is not None
        and named.actor.kind not in TOWN_KINDS and not _in_locative_phrase(tree, head)
    )
    if trigger.dep == "relcl" and relative and not of_actor and _accident_sentence(tree, trigger):
        return True  # "an outbreak that occurred at the University of Kent, which has killed two people"
    if trigger.dep not in {"advcl", "xcomp", "conj"} or head is None or head.lemma.lower() not in ACCIDENT_VERBS:
        return False
    return not _set_off_by_weapon(tree, head)


STORM_TITLES = frozenset({"typhoon", "hurricane", "cyclone", "storm"})
STORM_NAMED_WEAPONS = frozenset({"storm shadow"})  # the Anglo-French cruise missile


def _in_locative_phrase(tree: Tree, noun: Token) -> bool:
    """ "in Kent, England": a noun inside a phrase of place (through its list and appositions)."""
    current = noun
    for _ in range(6):
        head = tree.head(current.i)
        if head is None:
            return False
        if current.dep == "pobj":
            return head.text.lower() in {"in", "at", "near", "across", "outside", "inside", "around"}
        if current.dep not in {"appos", "conj", "npadvmod", "compound"}:
            return False
        current = head
    return False


def natural_unrest(tree: Tree, noun: Token) -> bool:
    """ "volcanic tremor and other unrest", "seismic unrest": a disturbance of nature, no protest."""
    if {c.lemma.lower() for c in tree.children(noun.i, "amod")} & {"volcanic", "seismic", "geological", "tectonic"}:
        return True
    head = tree.head(noun.i)
    siblings = [*tree.children(noun.i, "conj"), *([head] if noun.dep == "conj" and head is not None else [])]
    return any(s.lemma.lower() in ACCIDENT_NOUNS for s in siblings)


def _natural_cause(tree: Tree, subject: Token) -> bool:
    """ "an earthquake", "a Mw 6.2 earthquake", "the storm": a disaster or accident as the doer; not "fire"
    (Israeli fire is an attack) nor "a car bomb explosion"."""
    lemma = subject.lemma.lower()
    if subject.pos == "PROPN":  # "Typhoon Kajiki", "Tropical Storm Wipha": a named storm (not a missile)
        named = " ".join(t.text.lower() for t in (*tree.children(subject.i, "compound"), subject))
        storm_words = {c.lemma.lower() for c in tree.children(subject.i, "compound")} & STORM_TITLES
        return bool(storm_words) and named not in STORM_NAMED_WEAPONS
    return lemma in ACCIDENT_NOUNS and lemma not in ATTACK_NOUNS and not _armed_blast(tree, subject)


def _armed_blast(tree: Tree, noun: Token) -> bool:
    """ "artillery fire", "a car bomb explosion", "tank fire": a fire or blast that weapons made (not "a
    helicopter crash", whose vehicle is no weapon)."""
    modifiers = {c.lemma.lower() for c in tree.children(noun.i, "compound", "amod", "nmod")}
    return bool(modifiers & ARMED_MODIFIERS)


def _catches_fire(tree: Tree, verb: Token) -> bool:
    """ "a boat catches fire": a fire, not gunfire."""
    return verb.lemma.lower() == "catch" and "fire" in {o.lemma.lower() for o in tree.children(verb.i, "dobj")}


def _set_off_by_weapon(tree: Tree, verb: Token) -> bool:
    """ "a bomb explodes", "a device went off": the accident-like verb has a weapon for its subject."""
    return any(s.lemma.lower() in EXPLOSIVES for s in tree.children(verb.i, "nsubj"))


def accidental(tree: Tree, trigger: Token) -> bool:
    """A passive harm with no agent whose circumstance is an accident or a natural disaster (said of it or
    of a verb coordinated with it: "killed and 23 injured in a fire")."""
    # every verb coordinated with it, at any depth ("killed, 10 are trapped and some escape in a fire"), from
    # the head of the list: "killed in the fire" may head the list, or follow it
    verbs = [tree.tokens[k] for k in tree.conjuncts(trigger.i)]
    top = trigger
    while top.dep == "conj" and (up := tree.head(top.i)) is not None:
        top = up
    if top is not trigger:
        verbs += [tree.tokens[k] for k in tree.conjuncts(top.i)]
    return any(_accident_around(tree, verb) for verb in verbs) or _accident_sentence(tree, trigger)


def _accident_sentence(tree: Tree, trigger: Token) -> bool:
    """The parse of a casualty report is often broken ("after a bus and a truck collide head-on"): a sentence
    that names an accident or a disaster and no attack or attacker reports deaths no one caused."""
    attack_words = ATTACK_NOUNS | ATTACK_VERBS | ATTACKERS
    lemmas = _sentence_words(tree, trigger.sentence)
    if lemmas & MINING_WORDS:
        lemmas = lemmas - {"mine"}  # "a coal mine collapsed": a pit, not a landmine
    if "fire" in lemmas and not _gunfire(tree, trigger.sentence):
        lemmas = (lemmas - {"fire"}) | {"blaze"}  # "killed in a fire at a chemical factory": a blaze
    if lemmas & attack_words:
        return False
    if lemmas & (ACCIDENT_NOUNS | ACCIDENT_VERBS):
        return True
    # "A fishing boat ran aground after colliding with rocks. Three people were killed.": the toll of the
    # accident the sentence before tells
    before = _sentence_words(tree, trigger.sentence - 1) if trigger.sentence > 0 else set()
    return bool(before & (ACCIDENT_NOUNS | ACCIDENT_VERBS)) and not before & attack_words


def _gunfire(tree: Tree, index: int) -> bool:
    """Whether "fire" in the sentence is shooting: a verb ("fired at"), opened, returned or exchanged, under fire,
    or the fire of someone or something armed ("Israeli fire", "artillery fire")."""
    sentence = tree.doc.sentences[index]
    for token in tree.tokens[sentence.token_start : sentence.token_end]:
        if token.lemma.lower() != "fire" and token.text.lower() != "fire":
            continue
        head = tree.head(token.i)
        if token.pos == "VERB" or _armed_blast(tree, token):
            return True
        if head is not None and head.lemma.lower() in {"open", "return", "exchange", "under", "cease", "trade"}:
            return True
        if any(tree.mention_at(c.i) for c in tree.children(token.i, "amod", "compound", "poss")):
            return True
    return False


def _sentence_words(tree: Tree, index: int) -> set[str]:
    sentence = tree.doc.sentences[index]
    tokens = tree.tokens[sentence.token_start : sentence.token_end]
    words = {t.lemma.lower() for t in tokens} | {t.text.lower() for t in tokens}
    if not any(t.lemma.lower() == "open" and t.pos == "VERB" for t in tokens):
        words.discard("open")  # "an open cast coal mine", "open-air market": no one opened fire
    for verb in tokens:
        objects = tree.children(verb.i, "dobj")
        aimed = any(p.text.lower() in {"at", "on", "against", "into"} for p in tree.children(verb.i, "prep"))
        if verb.lemma.lower() in {"launch", "open"} and verb.pos == "VERB" and objects and not aimed and all(
            o.pos == "NOUN" and o.lemma.lower() not in ATTACK_NOUNS | OPERATION_NOUNS | EXPLOSIVES for o in objects
        ):
            words -= {verb.lemma.lower(), verb.text.lower()}  # "launch a vaccination program": no attack
        if verb.lemma.lower() in {"strike", "hit", "rock", "jolt"} and any(
            _natural_cause(tree, s) for s in tree.children(verb.i, "nsubj", "compound")  # (or read as a noun)
        ):
            words -= {verb.lemma.lower(), verb.text.lower()}  # "an earthquake strikes Sagaing": no attack
    if any(a.lemma.lower() == "catch" and b.text.lower() == "fire" for a, b in pairwise(tokens)):
        words = (words - {"fire"}) | {"blaze"}  # "a boat catches fire" (parsed or not): a fire, not gunfire
    return words


def _preposition(tree: Tree, prep: Token) -> str:
    """The preposition a token stands for: "because of", parsed as "of" with "because" for its adverb, is
    "because"."""
    word = prep.text.lower()
    if word == "of" and any(a.text.lower() == "because" for a in tree.children(prep.i, "advmod")):
        return "because"
    return word


def _prep_objects(tree: Tree, prep: Token) -> list[Token]:
    """The objects of a preposition, also of a two-word one: "due to the fires", "because of the storm"."""
    two_word = [o for p in tree.children(prep.i, "pcomp") for o in tree.children(p.i, "pobj")]
    return tree.children(prep.i, "pobj") + two_word


# "killed in a landslide", "injured due to the fires", "died because of the storm"
ACCIDENT_PREPS = frozenset({"in", "from", "by", "during", "after", "amid", "due", "because", "following"})


def _accident_around(tree: Tree, trigger: Token) -> bool:
    for child in tree.children(trigger.i):
        if child.dep in {"prep", "agent"} and _preposition(tree, child) in ACCIDENT_PREPS:
            for obj in _prep_objects(tree, child):
                words = {obj.lemma.lower(), *(c.lemma.lower() for c in tree.children(obj.i, "compound"))}
                # "killed in Israeli fire" is shooting; "in a Russian helicopter crash" stays an accident
                sided = obj.lemma.lower() == "fire" and any(
                    tree.mention_at(c.i) for c in tree.children(obj.i, "amod", "compound", "poss")
                )
                if words & ACCIDENT_NOUNS and not _armed_blast(tree, obj) and tree.mention_at(obj.i) is None:
                    return not sided  # "killed in a landslide", "in storm surges"; not "in artillery/Israeli fire"
        if child.dep == "advcl" and (
            child.lemma.lower() in ACCIDENT_VERBS
            or _catches_fire(tree, child)
            or any(c.lemma.lower() in ACCIDENT_VERBS for c in tree.children(child.i, "conj"))
            # "an avalanche hits", "as Tropical Storm Wipha hits"
            or any(
                c.lemma.lower() in ACCIDENT_NOUNS or _natural_cause(tree, c) for c in tree.children(child.i, "nsubj")
            )
        ):
            return not _set_off_by_weapon(tree, child)  # "killed when a boat capsizes"; not "when a bomb explodes"
    return False


# An armed operation someone runs, which a relative clause can say more of ("completed an operation that
# killed 40 militants"); not an attack someone reacts to ("condemned the attack that killed three").
OPERATION_NOUNS = frozenset({"operation", "offensive", "raid", "campaign"})
RUNNING_VERBS = frozenset({"complete", "conduct", "carry", "launch", "mount", "stage", "begin", "start", "undertake"})
CASUALTY_VERBS = frozenset({"kill", "injure", "wound", "maim"})


def casualties(tree: Tree, trigger: Token) -> list[Token]:
    """ "carries out an airstrike on Beirut, killing five Hezbollah militants": who the attack hit, named in
    its participle clause."""
    clauses = [c for c in tree.children(trigger.i, "advcl") if c.tag == "VBG" and c.lemma.lower() in CASUALTY_VERBS]
    return [t for c in clauses for t in _expand(tree, tree.children(c.i, "dobj")) if tree.mention_for(t.i)]


def _is_place(mention: Mention | None) -> bool:
    return mention is not None and mention.actor is not None and mention.actor.kind in PLACE_ACTOR_KINDS


def recipient_tokens(tree: Tree, trigger: Token, sense: Sense, actors: list[Token]) -> list[Token]:
    """The first recipient slot (in the sense's order) that names an actor."""
    head = tree.head(trigger.i)
    if head is not None and trigger.dep == "conj" and is_passive(tree, trigger) and not sense.is_noun:
        shared = _misparsed_relative(tree, head)  # "the civilians imprisoned ... were released by Putin"
        if shared is not None and tree.mention_for(shared.i):
            return _expand(tree, [shared])
    head = _misparsed_relative(tree, trigger) or head
    if _reduced_passive(tree, trigger) and head is not None and not sense.is_noun:
        own = set(tree.subtree(trigger.i))  # not "an agreement forced ... by Saudi Arabia" → Saudi Arabia
        named = [
            t for t in _expand(tree, [head]) if (m := tree.mention_for(t.i)) is not None and m.token_start not in own
        ]  # "soldiers killed" → soldiers
        if named:
            return named
        # "an agreement forced on the Gulf state": the thing is no actor; its slots may name one
    hosts = [trigger, *(c for c in tree.children(trigger.i) if c.dep in RECIPIENT_HOSTS)]
    if trigger.dep == "amod" and trigger.lemma.lower() in MEDIATING_VERBS and head is not None:
        hosts.append(head)  # "a US-brokered truce between Israel and Hezbollah"
    happening = tree.happening_verb(trigger) if sense.is_noun else None
    if happening is not None:
        hosts.append(happening)  # "protests take place in Kyiv against the decision"
    # "advised against travel to Tunisia": a prepositional object can carry the recipient too.
    # (Not a phrase of time or circumstance: "during a meeting on the war" says nothing of the target.)
    hosts += [o for p in tree.children(trigger.i, "prep", "prt") if p.text.lower() not in CIRCUMSTANCE_PREPS
              for o in tree.children(p.i, "pobj")]
    taken = {t.i for t in actors}
    if trigger.lemma.lower() in MEDIATING_VERBS and not sense.is_noun:
        sides = _parties_between(tree, trigger, taken) or _mediated_sides(tree, trigger, taken)
        if sides:
            return sides  # before "the talks in Doha" is read as a party by its place
    passive = is_passive(tree, trigger) and not sense.is_noun
    for slot in sense.recipient_slots:
        if slot == "dobj" and passive:
            # "Charlie Kirk is shot dead at Utah Valley University": the passive subject stands where the
            # active object would, before the slots after it
            subjects = [t for t in _passive_subjects(tree, trigger) if t.i not in taken]
            if subjects:
                return subjects
        for host in hosts:
            candidates = _slot_tokens(tree, host, slot, trigger)
            found = _named(tree, candidates, taken)
            if sense.direct:  # "received Modi", not "received Russian gas" nor "received Ukrainian refugees"
                found = [t for t in found if (m := tree.mention_at(t.i)) is not None and m.how != "role"]
            if found:
                return _country_of_places(tree, found) if slot in LOCATIVE_SLOTS else found
    if sense.cameo[:2] in AIMED_ROOTS:
        attack = sense.cameo[:2] in {"18", "19", "20"}
        aimed = _aimed_at(tree, [trigger, *tree.children(trigger.i, "dobj")], taken, attack=attack)
        if aimed:
            return aimed
    if sense.needs_recipient:
        senders = _senders(tree, trigger, taken)
        if senders:
            return senders  # "shot down 45 drones launched by Russia", "a missile fired by the Houthis"
    if sense.cameo[:2] == "14":
        embassy = _embassy(tree, hosts, taken)
        if embassy:
            return embassy  # "protests outside the Israeli embassy in Amman" are aimed at Israel
    if not sense.is_noun and sense.cameo[:2] in {"03", "04"}:
        pair = _parties_between(tree, trigger, taken)
        if pair:
            return pair  # "hosted talks between Israel and Hamas", "offered to host talks between X and Y"
    # "Putin was attacked": the passive subject is the recipient only where the active object would be.
    if passive and "dobj" in sense.recipient_slots:
        return _passive_subjects(tree, trigger)
    found_done = trigger.dep in {"xcomp", "oprd"} and trigger.tag == "VBN"
    if found_done and head is not None and "dobj" in sense.recipient_slots:
        # "Khan is found shot dead": the one found is the one shot
        return _passive_subjects(tree, head)
    return _answerers(tree, trigger, taken) if sense.is_noun else []


LOCATIVE_SLOTS = frozenset({"in", "at", "near", "across", "inside"})


def _country_of_places(tree: Tree, found: list[Token]) -> list[Token]:
    """ "airstrikes in Barmal District and Urgun District, Paktia Province, Afghanistan": a list of places
    ending in their country is one target, the country, not each district."""
    if len(found) < 2:
        return found
    mentions = [tree.mention_for(t.i) for t in found]
    countries = [t for t, m in zip(found, mentions, strict=True)
                 if m is not None and m.actor is not None and m.actor.kind == "country"]
    others_are_places = all(
        m is not None and m.actor is not None and m.actor.kind != "country" and not m.actor.id and m.how == "unknown"
        for t, m in zip(found, mentions, strict=True) if t not in countries
    )
    return countries if countries and others_are_places else found


MEDIATING_VERBS = frozenset({"broker", "mediate"})
CIRCUMSTANCE_PREPS = frozenset(
    {"during", "after", "before", "since", "amid", "amidst", "following", "despite", "until", "throughout", "ahead"}
)
# Sanctions, attacks, seizures and arrests: the acts whose target a participle may name.
AIMED_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# "targeting ISIS militants", "a convoy carrying Malian soldiers": a participle that says whom the act hit.
AIMING_PARTICIPLES = TARGETING | frozenset({"carry", "transport"})


def _aimed_at(tree: Tree, hosts: list[Token], taken: set[int], *, attack: bool) -> list[Token]:
    """ "conducts airstrikes targeting ISIS militants", "attacks a convoy carrying Malian soldiers"."""
    for host in hosts:
        for clause in tree.children(host.i, "acl", "advcl"):
            if clause.tag != "VBG" or clause.lemma.lower() not in AIMING_PARTICIPLES:
                continue
            found = _named(tree, tree.children(clause.i, "dobj"), taken)
            if clause.lemma.lower() in CARRYING and not (attack and all(_people(tree, t) for t in found)):
                continue  # "arrested a man carrying a Ugandan passport": what one carries is no target
            if found:
                return found
    return []


CARRYING = frozenset({"carry", "transport"})


def _people(tree: Tree, token: Token) -> bool:
    mention = tree.mention_for(token.i)
    return mention is not None and mention.actor is not None and (
        mention.how == "role" or mention.actor.kind == "person"
    )


def _senders(tree: Tree, verb: Token, taken: set[int]) -> list[Token]:
    """Who sent the weapons the verb's object names: "drones launched by Russia", "drones that entered its
    airspace from Belarus"."""
    for obj in tree.children(verb.i, "dobj"):
        for clause in tree.children(obj.i, "acl", "relcl"):
            for prep in tree.children(clause.i, "prep", "agent"):
                if prep.text.lower() in {"by", "from"}:
                    found = _named(tree, tree.children(prep.i, "pobj"), taken)
                    if found:
                        return found
    return []


MISSIONS = frozenset({"embassy", "consulate", "mission", "legation"})


def _embassy(tree: Tree, hosts: list[Token], taken: set[int]) -> list[Token]:
    """A country's embassy a protest is held outside of or at."""
    for host in hosts:
        for prep in tree.children(host.i, "prep"):
            if prep.text.lower() not in {"outside", "at", "near", "before", "to"}:
                continue
            for place in tree.children(prep.i, "pobj"):
                if place.lemma.lower() in MISSIONS and place.i not in taken and tree.mention_for(place.i):
                    return [place]
    return []


# What two sides make together, which a third party can host, broker or offer (not "the war between X and Y").
PARLEY_NOUNS = frozenset(
    {"talk", "negotiation", "dialogue", "meeting", "summit", "agreement", "deal", "accord", "treaty", "pact",
     "ceasefire", "truce", "armistice", "peace", "settlement", "exchange", "swap", "mediation", "reconciliation"}
)


def _parties_between(tree: Tree, verb: Token, taken: set[int], depth: int = 0) -> list[Token]:
    """The two sides of "talks/a deal/a ceasefire between X and Y" that the verb's object (or the object of a
    verb it governs: "promised to help broker talks between Moscow and Kyiv") names."""
    for child in tree.children(verb.i, "dobj", "xcomp"):
        if child.dep == "dobj" and child.lemma.lower() in PARLEY_NOUNS:
            pair = _sides_between(tree, child, taken)
            if len(pair) >= 2:
                return pair
        elif depth < 2:
            found = _parties_between(tree, child, taken, depth + 1)
            if found:
                return found
    return []


def _sides_between(tree: Tree, parley: Token, taken: set[int]) -> list[Token]:
    """The named sides of "talks/a deal between X and Y"."""
    for prep in tree.children(parley.i, "prep"):
        if prep.text.lower() == "between":
            return _named(tree, tree.children(prep.i, "pobj"), taken)
    return []


# "exchanged prisoners in a deal brokered by X", "agreed to disarm under a ceasefire", "after talks brokered by".
UNDER_A_DEAL = frozenset({"in", "under", "after", "through", "via", "following", "as"})


def _mediated_sides(tree: Tree, broker: Token, taken: set[int]) -> list[Token]:
    """The sides of a brokered deal no "between" names: who acted under it ("Russia and Ukraine exchanged
    prisoners in a deal brokered by the UAE", "agreed to disarm under a Russian-brokered ceasefire") or whom
    the mediated talks led to act ("Qatar mediated the talks that led Washington and the Taliban to sign")."""
    deal = tree.head(broker.i) if broker.dep in {"amod", "acl"} else next(iter(tree.children(broker.i, "dobj")), None)
    if deal is None or deal.lemma.lower() not in PARLEY_NOUNS:
        return []
    between = _sides_between(tree, deal, taken)
    if between:
        return between  # "a US-brokered truce between Israel and Hamas"
    for clause in tree.children(deal.i, "relcl"):
        if tree.children(clause.i, "xcomp", "ccomp"):  # "talks that led X and Y to sign", not "that angered X"
            led = _named(tree, tree.children(clause.i, "dobj"), taken)
            if led:
                return led
    under = tree.head(deal.i)
    if deal.dep != "pobj" or under is None or under.text.lower() not in UNDER_A_DEAL:
        return []  # not "briefed the council on the ceasefire", "despite a truce"
    verb = tree.head(under.i)
    for _ in range(3):  # "agreed to disarm under ...": the subject of the verb the infinitive hangs on
        if verb is None or verb.pos not in {"VERB", "AUX"}:
            return []
        subjects = tree.children(verb.i, "nsubj")
        if subjects:
            return _named(tree, subjects, taken)
        verb = tree.head(verb.i) if verb.dep in {"xcomp", "conj"} else None
    return []


# Offers, demands and charges are made to whoever answers them: "Kyiv rejected Moscow's offer of a truce",
# "Iran denied Washington's accusations".
ADDRESSED_NOUNS = frozenset(
    {"offer", "proposal", "demand", "request", "call", "appeal", "invitation", "ultimatum", "plea", "overture",
     "accusation", "allegation", "charge", "criticism"}
)
ANSWERING_VERBS = frozenset(
    {"reject", "accept", "refuse", "decline", "dismiss", "ignore", "welcome", "consider", "study", "review",
     "spurn", "embrace", "heed", "rebuff", "snub", "answer", "weigh", "respond", "reply", "agree", "comply",
     "deny", "refute", "rebut"}
)


def _answerers(tree: Tree, noun: Token, taken: set[int]) -> list[Token]:
    if noun.lemma.lower() not in ADDRESSED_NOUNS:
        return []
    verb = tree.head(noun.i)
    if verb is not None and noun.dep == "pobj" and verb.text.lower() in {"to", "with"}:
        verb = tree.head(verb.i)  # "responded to Moscow's offer", "complied with the demand"
    elif noun.dep != "dobj":
        return []
    if verb is None or verb.pos != "VERB":
        return []
    turned_down = verb.lemma.lower() == "turn" and any(p.text.lower() == "down" for p in tree.children(verb.i, "prt"))
    if verb.lemma.lower() not in ANSWERING_VERBS and not turned_down:
        return []
    subjects = tree.children(verb.i, "nsubj")
    controller = tree.head(verb.i)
    if not subjects and verb.dep == "xcomp" and controller is not None:
        subjects = tree.children(controller.i, "nsubj")  # "Kyiv refused to accept the offer"
    return _named(tree, subjects, taken)


def _named(tree: Tree, tokens: list[Token], taken: set[int]) -> list[Token]:
    """The phrases (and their conjuncts) that name an actor, other than the tokens already taken."""
    return [t for t in _expand(tree, tokens) if t.i not in taken and tree.mention_for(t.i)]


def _passive_subjects(tree: Tree, verb: Token) -> list[Token]:
    """The verb's passive subjects that name an actor ("Putin was attacked")."""
    subjects = tree.children(verb.i, *PASSIVE_SUBJECT_DEPS)
    stranded = tree.stranded_subject(verb) if not subjects and tree.children(verb.i, "auxpass") else None
    return [t for t in _expand(tree, subjects or ([stranded] if stranded else [])) if tree.mention_for(t.i)]


def infinitive_subjects(tree: Tree, verb: Token) -> list[Token]:
    """The subject of a "to"-infinitive clause under the verb: "urged Moscow to withdraw" → Moscow."""
    out: list[Token] = []
    for clause in tree.children(verb.i, "ccomp", "xcomp"):
        if tree.to_infinitive(clause.i):
            out.extend(tree.children(clause.i, "nsubj"))
    return out


def affected_by_circumstance(tree: Tree, trigger: Token) -> list[Token]:
    """ "X's economy is reorienting as sanctions have been imposed": a penalty without a named target, in a
    clause that explains what happens to X, falls on X (the subject of the clause it explains)."""
    head = tree.head(trigger.i)
    if trigger.dep != "advcl" or head is None:
        return []
    return [t for t in _expand(tree, tree.children(head.i, "nsubj", "nsubjpass")) if tree.mention_for(t.i)]


def _slot_tokens(tree: Tree, host: Token, slot: str, trigger: Token) -> list[Token]:
    if slot in {"dobj", "dative"}:
        if host.i != trigger.i:
            return []
        found = tree.children(host.i, slot)
        if not found and slot == "dobj":
            # Shared object of coordinated verbs: "supported and saved Lukashenko" (not "met with Starmer and
            # urged him", whose first verb has its own complement before the second).
            for verb in tree.children(host.i, "conj"):
                between = [c for c in tree.children(host.i) if host.i < c.i < verb.i]
                if any(c.dep not in {"cc", "punct", "advmod"} for c in between):
                    continue
                found = tree.children(verb.i, "dobj")
                if found:
                    break
        if not found and slot == "dobj":
            found = infinitive_subjects(tree, host)  # "wants Putin to attack" (parsed as Putin attacking)
        if not found and slot == "dobj":
            # "condemned as unacceptable allegations by Rwanda": the object moved after its predicate, which the
            # parser read as "as [unacceptable allegations]"
            found = [o for p in tree.children(host.i, "prep") if p.text.lower() == "as"
                     for o in tree.children(p.i, "pobj") if tree.children(o.i, "amod") and o.tag == "NNS"]
        return found
    if slot == "poss":
        return tree.children(host.i, "poss")
    if slot == "that":
        # "alleged that France was aware ... and that the French military helped": who the clause is about
        if host.i != trigger.i:
            return []
        clauses = tree.children(host.i, "ccomp")
        # "allegations that it had played a role": the clause on the noun
        clauses += [
            c for c in tree.children(host.i, "acl") if any(m.text.lower() == "that" for m in tree.children(c.i, "mark"))
        ]
        clauses += [c for clause in clauses for c in tree.children(clause.i, "conj")]
        # the one the clause says acted, not whom a passive clause says was acted on
        return [s for clause in clauses for s in tree.children(clause.i, "nsubj")]
    out: list[Token] = []
    for prep in tree.children(host.i, "prep", "dative"):  # spaCy marks "give X to Y" as dative
        if prep.text.lower() == slot:
            out.extend(tree.children(prep.i, "pobj"))
    return out


def _nominal_actor(tree: Tree, noun: Token, sense: Sense) -> list[Token]:
    """ "Prigozhin's rebellion", "the rebellion of Prigozhin", "Israeli tank shelling"."""
    # "Navalny's arrest": where the lexicon lists the possessor as a recipient slot, it is not the actor.
    if "poss" not in sense.recipient_slots:
        for child in tree.children(noun.i, "poss"):
            return _expand(tree, [child])
    if sense.reciprocal:
        # "talks between Russia and Ukraine", "a ceasefire between Israel and Hamas": the pair acts together.
        happening = tree.happening_verb(noun)  # "talks were held in Doha between Israel and Hamas"
        for prep in tree.children(noun.i, "prep") + (tree.children(happening.i, "prep") if happening else []):
            if prep.text.lower() == "between":
                pair = [t for t in _expand(tree, tree.children(prep.i, "pobj")) if tree.mention_for(t.i)]
                if len(pair) >= 2:
                    return pair
    # "allegations of involvement in X's death": what an accusation is of is its content, not its author
    actor_preps = {"by"} if "of" in sense.recipient_slots or sense.cameo.startswith("11") else {"of", "by"}
    for prep in tree.children(noun.i, "prep", "agent"):
        if prep.text.lower() in actor_preps:
            # "the rebellion of Prigozhin explaining ...": a misparse hangs the name under a clause.
            objects = tree.children(prep.i, "pobj") or [
                s for c in tree.children(prep.i, "pcomp") for s in tree.children(c.i, "nsubj")
            ]
            # ("the suspension of the trade talks with Canada": the talks are what is suspended; a name under
            # them is no actor of the suspension)
            found = tree.mention_at if prep.text.lower() == "of" else tree.mention_for
            named = [t for t in _expand(tree, objects) if found(t.i)]
            if named:
                return named  # "the deployment of troops" names nobody: fall back to "Russian" below
    claimants = _responsibility_claimants(tree, noun)
    if claimants:
        return claimants
    modifiers = [c for c in tree.children(noun.i, "amod", "compound") if tree.mention_at(c.i)]
    if modifiers:
        return modifiers
    verb = tree.head(noun.i)
    ordered = verb is not None and (
        verb.lemma.lower() in ORDERING_VERBS
        or (verb.lemma.lower() in ANNOUNCING_VERBS
            and (sense.cameo[:2] in ANNOUNCED_POLICY_ROOTS or sense.cameo in ANNOUNCED_POLICY_CODES))
    )
    if verb is not None and noun.dep == "dobj" and ordered:
        # "Trump announces the suspension of trade talks with Canada", "ordered the expulsion of": who orders a
        # measure, or announces one, takes it (not "Rubio announces the release of Nufer", "Russia confirmed the
        # attack on its airbase": a release or an attack one reports is another's)
        return [t for t in _expand(tree, tree.children(verb.i, "nsubj")) if tree.mention_for(t.i)]
    return []


ORDERING_VERBS = frozenset({"order", "decree"})
ANNOUNCING_VERBS = frozenset({"announce", "unveil", "declare"})
# Agreements, reduced relations, sanctions, bans, arrests and blockades (not attacks, nor releases by others)
ANNOUNCED_POLICY_ROOTS = frozenset({"03", "16", "17"})
ANNOUNCED_POLICY_CODES = frozenset({"191"})


RESPONSIBILITY_VERBS = frozenset({"claim", "take", "accept", "admit", "bear", "acknowledge"})


def _responsibility_claimants(tree: Tree, noun: Token) -> list[Token]:
    """ "al-Shabab claimed responsibility for the attack": who claims an act says they did it."""
    prep = tree.head(noun.i)
    owner = tree.head(prep.i) if prep is not None and prep.text.lower() == "for" else None
    verb = tree.head(owner.i) if owner is not None and owner.lemma.lower() == "responsibility" else None
    if verb is None or verb.lemma.lower() not in RESPONSIBILITY_VERBS:
        return []
    return [t for t in _expand(tree, tree.children(verb.i, "nsubj")) if tree.mention_for(t.i)]


def _coordinated_modifiers(tree: Tree, i: int) -> list[Token]:
    """The sides of a noun with coordinated nationality or name modifiers ("Chinese and Russian warships"),
    when there are two or more: the noun itself if the parse gave it the last side, and the other sides."""
    own = tree.mention_at(i)
    for modifier in tree.children(i, "amod", "nmod", "compound"):
        if tree.mention_at(modifier.i) is None:
            continue
        sides = [k for k in tree.conjuncts(modifier.i) if tree.mention_at(k) is not None]
        if len(sides) < 2:
            continue
        if own is None:
            return [tree.tokens[k] for k in sides]
        others = [tree.tokens[k] for k in sides if not own.token_start <= k < own.token_end]
        if others and len(others) < len(sides):  # the noun's own mention holds one side ("Russian warships")
            return [tree.tokens[i], *others]
    return []


def _listed_owners(tree: Tree, token: Token) -> list[Token]:
    """ "The governments of Singapore and Vietnam", "foreign ministers of China and Russia": a plural role of
    coordinated owners stands for each owner."""
    if "Number=Plur" not in token.morph:
        return []
    for prep in tree.children(token.i, "prep"):
        if prep.lemma.lower() != "of":
            continue
        for owner in tree.children(prep.i, "pobj"):
            owners = [tree.tokens[k] for k in tree.conjuncts(owner.i) if tree.mention_at(k) is not None]
            for listed in tree.children(owner.i, "appos"):  # "ministers of the Quad - the US, Japan, ..."
                if len(owners) < 2:
                    owners = [tree.tokens[k] for k in tree.conjuncts(listed.i) if tree.mention_at(k) is not None]
            if len(owners) >= 2:
                return owners
    return []


def _expand(tree: Tree, tokens: list[Token]) -> list[Token]:
    """Coordinated phrases become their conjuncts; "they" or "the parties" become the pair they refer to."""
    out: list[Token] = []
    for token in tokens:
        here = tree.mention_at(token.i)
        # "the two armies" is a role mention with no country: the pair it refers to says who.
        unplaced = here is None or (here.actor is not None and not here.actor.country)
        plural = tree.plural_antecedent(token.i) if unplaced else []
        listed_in = _listed_owners(tree, token) if here is not None and here.how == "role" else []
        if listed_in:
            out.extend(listed_in)  # "the governments of Singapore and Vietnam": each of them
            continue
        for i in plural or tree.conjuncts(token.i):
            shared = _coordinated_modifiers(tree, i)
            if shared:
                # "Chinese and Russian warships", "US and British activists": one noun, two sides.
                out.extend(shared)
                continue
            out.append(tree.tokens[i])
            # "The US, Russia, and Switzerland met": a list written as apposition is coordination too.
            for listed in tree.children(i, "appos"):
                # Only a list ("A, B, and C"), not a description ("the US commander, General Petraeus").
                listed_on = tree.children(listed.i, "conj")
                if here is not None and listed_on and tree.mention_at(listed.i) is not None:
                    out.extend(tree.tokens[k] for k in tree.conjuncts(listed.i))
    return out
