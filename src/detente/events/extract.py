"""Event coding over the dependency parse: trigger words from the lexicon, actors from mentions,
PLOVER + CAMEO codes, modality, time, place, evidence and a confidence from the features used."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from detente.events.arguments import (
    accident_consequence,
    accidental,
    actor_tokens,
    affected_by_circumstance,
    casualties,
    coordinated_passives,
    is_passive,
    natural_unrest,
    object_tokens,
    recipient_tokens,
    relative_object,
    sense_matches,
)
from detente.events.codes import AttackMeans, CameoCode, CodeTable, IntentCodes
from detente.events.demands import Obligation, stated_obligations
from detente.events.lexicon import Lexicon, Sense
from detente.events.modality import CLAIM_NOUNS, ModalityGuess, guess_modality, is_refusal, reporting_verb
from detente.events.place import event_place
from detente.events.syntax import TARGETING, TOWN_KINDS, Tree
from detente.events.when import event_when
from detente.gazetteer import Gazetteer
from detente.models import Actor, Article, Event, Evidence, Mention, ParsedDoc, Token, When, content_hash

VERB_POS = frozenset({"VERB"})
# Letters a verb and its nominalisation share ("resign"/"resignation", "accuse"/"accusation",
# "withdraw"/"withdrawal"): within one dyad, code, modality and time, the same word family.
WORD_FAMILY_PREFIX = 5
# "wants to attack", "vows to impose sanctions": intentions of force or punishment are threats.
THREAT_INTENTS = frozenset({"want", "plan", "intend", "vow", "aim", "seek", "prepare"})
# "pledged to send aid", "agreed to lift sanctions": a commitment, whatever its tense, is an AGREE;
# "wants to help", "hopes to meet": a present wish to cooperate is one too.
COMMITMENTS = frozenset({"agree", "pledge", "promise", "vow", "decide", "undertake", "offer"})
COOPERATION_WISHES = frozenset({"want", "plan", "intend", "aim", "seek", "prepare", "hope", "wish"})
# What a denial says one had no part in answers the accusation made just before.
DENIED_ROLES = frozenset(
    {"involvement", "responsibility", "role", "wrongdoing", "complicity", "participation", "guilt", "link"}
)
PROMISING_AUX = frozenset({"will", "would", "'ll", "shall"})
# "Iran warned that it could strike US bases": what one warns one could do by force is a threat to do it.
WARNING_VERBS = frozenset({"warn", "threaten", "caution"})
WARNED_AUX = frozenset({"could", "might", "may"})
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
# PLOVER: "Cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported in future tense
# are also taken to imply intentions and should be coded as AGREE".
FUTURE_AGREE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
VERBAL_CONFLICT = 3  # CAMEO QuadClass 3 and 4: conflict
# Verbs that commit to a later act: the act is the event ("pledged to expel", "agreed to lift").
COMMITMENT_VERBS = frozenset({"agree", "pledge", "promise", "vow", "decide", "undertake"})
# Event types whose target, when the text names none, is the country where they happen.
PLACE_TARGETED = frozenset({"ASSAULT", "PROTEST", "MOBILIZE"})
# Event types whose unknown recipient, when the gazetteer knows the name, is that place's country.
PLACE_ACTED_ON = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})
PEOPLE_KINDS = frozenset({"person", "role"})
# Prefixes that make a hyphenated word of an event word: "co-accused", "non-aligned", "self-declared".
WORD_PREFIXES = frozenset({"co", "non", "self", "ex", "pre", "post", "semi", "quasi"})
# Acts done to someone, which a noun can name with no doer ("the execution of X", "X's arrest").
HARM_TYPES = frozenset({"ASSAULT", "COERCE"})
ADDRESS_KINDS = TOWN_KINDS | {"country"}
# Subjects that count people without naming them: "thousands protested".
CROWD_WORDS = frozenset(
    {"thousand", "hundred", "dozen", "ten", "score", "crowd", "people", "throng", "mass", "million", "many"}
)
# Forces abroad, whose unnamed attackers are of the country they are in.
ARMED_SECTORS = frozenset({"MIL", "COP"})
NOUN_POS = frozenset({"NOUN"})
MATERIAL_CONFLICT = 4  # CAMEO QuadClass of attacks, coercion, seizures
ACCUSE_CODE = "112"
RIOT_CODE = "145"
OBSTRUCT_CODE = "144"
HOST_CODE, VISIT_CODE = "043", "042"
# Reactions to an act ("welcomed", "condemned", "rejected", "protested") aimed at its doer.
REACTION_ROOTS = frozenset({"05", "11", "12", "14"})
REACTION_LOOKBACK = 2
# Sectors that speak and act for a state; the others (opposition, rebels, NGOs, civilians) are other sides.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG", "ELI"})
AFFILIATION_PARTICIPLES = frozenset(
    {"base", "based", "link", "linked", "back", "backed", "lead", "led", "fund", "funded", "occupy", "occupied",
     "control", "controlled", "hold", "held"}
)
# Calls to free someone (appeal to yield 025, demand release 1053): aimed at whoever holds them.
RELEASE_DEMANDS = frozenset({"025", "1053"})
# Verbs whose object names something wanted, not done ("demand Paz's resignation", "call for a ceasefire").
ASKING_VERBS = frozenset({"demand", "call", "urge", "seek", "ask", "request", "press", "push", "plead", "appeal"})
# "a summit on the unrest", "a report about the killings": the noun after these is a topic.
TOPIC_PREPS = frozenset({"on", "about", "regarding", "concerning"})
DISCOURSE_NOUNS = frozenset(
    {"summit", "talk", "meeting", "conference", "debate", "discussion", "session", "hearing", "briefing",
     "seminar", "forum", "speech", "lecture", "book", "film", "documentary", "article", "question",
     "consultation", "negotiation", "dialogue", "workshop", "panel", "inquiry", "study", "survey", "poll"}
)
MEANS_PREPS = frozenset({"by", "with", "in", "from"})
# Events whose infinitive complement is their content, not an act of its own: appeals, permissions,
# demands, rejections, threats and coercion ("urged Iran to halt", "forced Qatar to expel").
CONTENT_ROOTS = frozenset({"02", "08", "10", "12", "13", "17"})
# Of those, the ones whose object noun names what is wanted: appeals, demands, threats.
ASKING_ROOTS = CONTENT_ROOTS - {"08", "12", "17"}
DEMAND_CODE = "10"


@dataclass(frozen=True, slots=True)
class _Candidate:
    trigger: Token
    sense: Sense
    actor: Mention | None
    recipient: Mention | None
    reciprocal: bool
    own_government: bool


@dataclass
class EventCoder:
    """Codes events from a parsed article and its actor mentions. Holds only read-only tables."""

    codes: CodeTable
    lexicon: Lexicon
    gazetteer: Gazetteer | None = None
    dateparse: Any = None
    intents: IntentCodes = field(default_factory=lambda: IntentCodes({}, {}))
    means: AttackMeans = field(default_factory=lambda: AttackMeans(frozenset(), {}, frozenset()))

    @classmethod
    def load(cls, *, gazetteer: Gazetteer | None = None) -> EventCoder:
        codes = CodeTable.load()
        import dateparser

        return cls(
            codes,
            Lexicon.load(codes),
            gazetteer or Gazetteer(),
            dateparser.parse,
            IntentCodes.load(codes),
            AttackMeans.load(codes),
        )

    def extract(self, doc: ParsedDoc, mentions: list[Mention], article: Article) -> list[Event]:
        tree = Tree(doc, mentions)
        events: list[tuple[str, Event]] = []
        consumed: set[int] = set()
        found: dict[int, list[_Candidate]] = {}
        for token in doc.tokens:
            if token.i in consumed:
                continue
            candidates = self._candidates(tree, token)
            if candidates:
                # The nouns that made the sense match are part of this event, not events of their own.
                # Only nouns the sense asked for: "condemned Russia's invasion" is two events.
                wanted = candidates[0].sense.objects
                consumed.update(
                    t.i for t in object_tokens(tree, token)
                    if t.pos in {"NOUN", "PROPN"}
                    and ({t.lemma.lower()} | {c.lemma.lower() for c in tree.children(t.i, "compound")}) & wanted
                    and not _owned_by_another(tree, t, candidates[0].actor)
                )  # "went on hunger strike": the strike is the going on it
                found[token.i] = candidates
        pending: list[tuple[int, Token]] = []  # events aimed through a noun or a captive, resolved below
        for trigger, candidates in found.items():
            if not _redundant(tree, trigger, found):
                lemma = candidates[0].sense.lemma
                for candidate in candidates:
                    event, speech = self._event(tree, candidate, article)
                    if event is None:
                        continue
                    if event.recipient is None or event.cameo in RELEASE_DEMANDS:
                        pending.append((len(events), candidate.trigger))
                    events.append((lemma, event))
                    visit = self._guest_visit(event)
                    if visit is not None:
                        events.append((lemma, visit))
                    accusation = self._accusation(tree, event, speech, found)
                    if accusation is not None:
                        events.append((speech.lemma if speech else "say", accusation))
        for index, trigger_token in pending:
            # after all events are known: "welcomed the agreement between X and Y" names it after the verb
            others = [(w, e) for k, (w, e) in enumerate(events) if k != index and e.trigger != trigger_token.text]
            lemma, event = events[index]
            if event.recipient is None and event.cameo in RELEASE_DEMANDS:
                events[index] = (lemma, _holder_target(event, others))
            elif event.recipient is None:
                events[index] = (lemma, self._reaction_target(tree, trigger_token, event, others))
            else:
                events[index] = (lemma, _captor_target(event, others))
        for sentence in range(len(doc.sentences)):
            for obligation in stated_obligations(tree, sentence):
                demand = self._demand(tree, obligation, article, found)
                if demand is not None:
                    events.append((obligation.speech.lemma, demand))
        return _drop_partial(_merge_duplicates(events))

    def _demand(
        self, tree: Tree, obligation: Obligation, article: Article, found: dict[int, list[_Candidate]]
    ) -> Event | None:
        """ "The US said Israel must stop the settlements": the speaker demands it of Israel (CAMEO 10)."""
        if obligation.speech.i in found:
            return None  # "demanded that ...": the speech verb is coded as an event of its own
        speaker = _actor_of(tree.mention_for(obligation.speaker.i))
        addressee = _actor_of(tree.mention_for(obligation.addressee.i))
        if speaker is None or addressee is None or _same_party(speaker, addressee):
            return None
        if not (speaker.id or speaker.country) or speaker.kind == "media" or speaker.sector == "MED":
            return None  # "analysts say X should": no side speaks
        guess = guess_modality(tree, obligation.speech)
        if guess.modality == "future" and obligation.speech.dep == "advcl":
            guess = ModalityGuess("asserted")  # "decided to ..., saying that": the saying itself happened
        if guess.modality not in {"asserted", "claimed"}:
            return None
        claimed_by = None
        if guess.modality == "claimed" and guess.speaker is not None:
            claimed_by = _actor_of(tree.mention_for(guess.speaker.i))
        code = self.codes.get(DEMAND_CODE)
        evidence = _span(tree, obligation.speech.sentence, [obligation.speech.i, *tree.subtree(obligation.clause.i)])
        return Event(
            id=content_hash(article.id, str(obligation.speech.i), _key(speaker), _key(addressee), code.code),
            actor=speaker,
            recipient=addressee,
            reciprocal=False,
            **_coded(code),
            modality=guess.modality,
            claimed_by=claimed_by,
            when=event_when(tree, obligation.speech, article.date, dateparse=self.dateparse),
            where=event_place(tree, obligation.speech, self.gazetteer) if self.gazetteer else None,
            evidence=(evidence,),
            confidence=0.5 if speaker.id and addressee.id else 0.4,
            trigger=obligation.speech.text,
        )

    def _intention(
        self, tree: Tree, trigger: Token, act: str, guess: ModalityGuess, actor: Actor | None, speaker: Actor | None
    ) -> str | None:
        hostile = self.codes.get(act).quad_class >= VERBAL_CONFLICT
        if guess.intent is not None:
            if hostile:
                stated = guess.intent in THREAT_INTENTS and guess.intent_now
            else:
                stated = guess.intent in COMMITMENTS or (guess.intent in COOPERATION_WISHES and guess.intent_now)
        else:
            # "Israel announced it would free prisoners", "Interpol said it will send a team": one's own
            # act said to come is a commitment (in the future tense, PLOVER: only for cooperative types).
            # A warning of one's own hostile act is a threat (13): "North Korea warned it will launch more
            # missiles", "Iran warned that it could strike US bases" (not "announced it will raise tariffs").
            warning = reporting_verb(tree, trigger, WARNING_VERBS) if hostile else None
            speech = warning or reporting_verb(tree, trigger)
            ahead = guess.modality == "future" and self.codes.get(act).plover in FUTURE_AGREE_TYPES
            warned = warning is not None and act[:2] in FORCE_ROOTS  # (not "warned it could suspend aid")
            if ahead or warned:
                subjects = tree.children(speech.i, "nsubj") if speech is not None else []
                speaker = _actor_of(tree.mention_for(subjects[0].i)) if subjects else None
            modals = {c.text.lower() for c in tree.children(trigger.i, "aux")}
            stated = (
                (guess.modality in {"claimed", "future"} or (warned and guess.modality == "hypothetical"))
                and actor is not None
                and speaker is not None
                and _same_party(speaker, actor)
                and bool(modals & (PROMISING_AUX | (WARNED_AUX if warned else frozenset())))
            )
        return self.intents.intended(act, hostile=hostile) if stated else None

    def _refusal(
        self, tree: Tree, trigger: Token, code: CameoCode, guess: ModalityGuess, actor: Actor | None
    ) -> tuple[str, str, Actor | None] | None:
        """The rejection code, modality and claimant of an announced refusal to cooperate, or None."""
        if guess.modality != "negated" or code.quad_class >= VERBAL_CONFLICT or not is_refusal(tree, trigger):
            return None
        rejection = self.intents.refused(code.code)
        if rejection is None:
            return None
        speech = reporting_verb(tree, trigger)
        speaker_token = tree.children(speech.i, "nsubj") if speech is not None else []
        speaker = _actor_of(tree.mention_for(speaker_token[0].i)) if speaker_token else None
        if speaker is None or actor is None or _same_party(speaker, actor):
            return rejection, "asserted", None  # one's own refusal, said by oneself
        return rejection, "claimed", speaker

    def _accusation(
        self, tree: Tree, event: Event, speech: Token | None, found: dict[int, list[_Candidate]]
    ) -> Event | None:
        """ "The US said ISIL had attacked Iraq": saying that another did harm accuses them of it, an event
        of its own between the speaker and the one said to have done it (CAMEO 112, PLOVER ACCUSE)."""
        speaker, actor = event.claimed_by, event.actor
        if speech is None or speaker is None or actor is None or event.quad_class != MATERIAL_CONFLICT:
            return None
        if _same_party(speaker, actor) or speech.i in found:
            return None  # a claim of one's own act; or a speech verb that is an event itself ("accused")
        if not (speaker.id or speaker.country) or speaker.kind == "media" or speaker.sector == "MED":
            return None  # "officials said" names no side; a news agency reports, it does not accuse
        if not (actor.id or actor.country):
            return None  # "their Yahalom Unit destroyed ...": no one identifiable is accused
        code = self.codes.get(ACCUSE_CODE)
        evidence = event.evidence[0]
        start = min(evidence.start, speech.start)
        end = max(evidence.end, speech.end)
        return replace(
            event,
            id=content_hash(event.id, "accusation"),
            actor=speaker,
            recipient=actor,
            reciprocal=False,
            **_coded(code),
            modality="asserted",
            claimed_by=None,
            evidence=(Evidence(evidence.sentence, start, end, tree.doc.text[start:end]),),
            confidence=round(max(0.05, event.confidence - 0.1), 2),
            trigger=speech.text,
        )

    def _candidates(self, tree: Tree, token: Token) -> list[_Candidate]:
        if token.tag in {"VBN", "VBD"} and tree.to_infinitive(token.i):
            return []  # "granted asylum to ousted president Assad": "to" + participle is no infinitive
        if _prefixed(tree, token):
            return []  # "two co-accused", "a non-aligned state": half of a hyphenated word
        if token.pos in VERB_POS or _verb_tagged_as_noun(tree, token):
            senses = self.lexicon.verb_senses(token.lemma, token.text)
        elif token.pos in NOUN_POS:
            senses = self.lexicon.noun_senses(token.lemma, token.text)
        else:
            return []
        for sense in senses:
            if sense_matches(tree, token, sense):
                candidates = self._sense_candidates(tree, token, sense)
                if not sense.joint or any(c.reciprocal or c.recipient is not None for c in candidates):
                    return candidates
                # a joint sense with a single actor and no partner: "Russia held drills" is no cooperation
        return []

    def _sense_candidates(self, tree: Tree, token: Token, sense: Sense) -> list[_Candidate]:
        actor_heads = actor_tokens(tree, token, sense)
        actors = _prefer_named(tree, [m for t in actor_heads if (m := tree.mention_for(t.i))])
        recipients = [m for t in recipient_tokens(tree, token, sense, actor_heads) if (m := tree.mention_for(t.i))]
        recipients = [r for r in recipients if all(r is not a and not _same_person(r.actor, a.actor) for a in actors)]
        if _address(tree, recipients):
            recipients = recipients[:1]  # "in Salisbury, Wiltshire, England": one place, named ever more broadly
        if sense.reverse:
            actors, recipients = recipients, actors
        if not recipients and sense.cameo[:2] in {"02", "10", "12", "13"} and not sense.needs_recipient:
            # "threatened to impose tariffs on Canada", "urged to stop attacks on Gaza": the act's target.
            for inner in tree.children(token.i, "xcomp"):
                inner_sense = next(
                    (s for s in self.lexicon.verb_senses(inner.lemma, inner.text) if sense_matches(tree, inner, s)),
                    None,
                )
                if inner_sense is not None:
                    heads = recipient_tokens(tree, inner, inner_sense, actor_heads)
                    recipients = [m for t in heads if (m := tree.mention_for(t.i))]
        if self.codes.get(sense.cameo).plover == "ASSAULT" and all(self._local_place(r) for r in recipients):
            # a city or a building is where the attack fell; the people it killed are whom it hit
            places = {r.actor.country for r in recipients if r.actor is not None and r.actor.country}
            hit = [m for t in casualties(tree, token) if (m := tree.mention_for(t.i))]
            if len(places) == 1:  # "attacks on Penza Oblast and Samara Oblast in Russia, killing three": Russians
                hit = [_in_country(m, next(iter(places))) for m in hit]
            recipients = hit or recipients
        if sense.needs_recipient and not recipients:
            return []
        if self.codes.get(sense.cameo).plover == "ASSAULT" and accident_consequence(tree, token):
            return []  # "a helicopter crashes, killing all three crew"
        if sense.is_noun and self.codes.get(sense.cameo).plover == "PROTEST" and natural_unrest(tree, token):
            return []  # "evacuations due to volcanic tremor and other unrest"
        if not actors and not recipients and sense.cameo[:2] in {"16", "17"} and is_passive(tree, token):
            recipients = [m for t in affected_by_circumstance(tree, token) if (m := tree.mention_for(t.i))]
        if not actors:
            # A passive with no agent ("sanctions have been imposed on X") keeps an unknown actor; not a
            # death in an accident ("killed in a landslide", "killed when a boat capsized").
            # "pressured by his friends to help Iran": an agent who is no actor we know is an unknown actor
            # too, for the acts whose content is another act (which must not then stand as done).
            unknown_agent = not tree.children(token.i, "agent") or sense.cameo[:2] in CONTENT_ROOTS
            passive_without_agent = (
                recipients
                and token.pos in VERB_POS
                and is_passive(tree, token)
                and unknown_agent
                and not accidental(tree, token)
            )
            if sense.implicit and (sense.is_noun or _crowd(actor_heads)):
                # "months of mass protests", "thousands protested": the people of the country in context,
                # resolved in `_event` (not "stocks rallied", nor "he protested his innocence")
                return [_Candidate(token, sense, None, r, False, sense.own_government) for r in recipients[:1]] or [
                    _Candidate(token, sense, None, None, False, sense.own_government)
                ]
            # "the execution of Jamshid Sharmahd", "the killing of journalists in Gaza": a named act done to
            # someone, by no one named, is kept like a passive without agent.
            done_to = (
                recipients
                and sense.is_noun
                and self.codes.get(sense.cameo).plover in HARM_TYPES
                and _undergoer_named(tree, token, sense)
                and not accidental(tree, token)
            )
            return (
                [_Candidate(token, sense, None, r, False, False) for r in recipients]
                if passive_without_agent or done_to
                else []
            )
        if not recipients and (sense.reciprocal or _each_other(tree, token)) and len(actors) >= 2:
            # "The US, Russia and Switzerland met": every pair met.
            distinct = _distinct(actors)
            return [
                _Candidate(token, sense, a, b, True, False) for k, a in enumerate(distinct) for b in distinct[k + 1 :]
            ] or [_Candidate(token, sense, actors[0], actors[1], True, False)]
        if not recipients:
            if sense.is_noun and self.codes.get(sense.cameo).plover == "CONSULT":
                return []  # "the APEC summit", "the Fed's meeting": one side's meeting names no partner
            return [_Candidate(token, sense, a, None, False, sense.own_government) for a in _distinct(actors)]
        # "X held talks with Y" is mutual as much as "X and Y held talks".
        return [
            _Candidate(token, sense, a, r, sense.reciprocal, False)
            for a in _distinct(actors)
            for r in _distinct(recipients)
            if a.actor != r.actor
        ]

    def _event(self, tree: Tree, candidate: _Candidate, article: Article) -> tuple[Event | None, Token | None]:
        """The candidate's event, and the speech verb when the event is someone's claim."""
        trigger, sense = candidate.trigger, candidate.sense
        code = self.codes.get(sense.cameo)
        guess = guess_modality(tree, trigger, nominal=sense.is_noun)
        speaker = tree.mention_for(guess.speaker.i) if guess.speaker is not None else None
        said_by = _actor_of(speaker) if speaker else None  # also of a reported "would": "said it would free"
        claimed_by = said_by if guess.modality == "claimed" else None
        actor = _actor_of(candidate.actor)
        intended = self._intention(tree, trigger, code.code, guess, actor, said_by)
        refusal = self._refusal(tree, trigger, code, guess, actor) if intended is None else None
        if refusal is not None:
            # "refused to release the prisoners", "said he would not provide support": a rejection (12).
            code, guess = self.codes.get(refusal[0]), replace(guess, modality=refusal[1])
            claimed_by = refusal[2]
        elif intended is not None:
            # PLOVER and CAMEO code an announced intention as an event of its own: "wants to attack" is a
            # threat (13), "pledged to send aid", "announced it would free prisoners" an AGREE (03).
            code, guess, claimed_by = self.codes.get(intended), replace(guess, modality="asserted"), None
        else:
            code = self._by_means(tree, candidate, code)
        recipient = _actor_of(candidate.recipient)
        evidence = _evidence(tree, candidate)
        when = event_when(tree, trigger, article.date, dateparse=self.dateparse)
        leaving, attack = code.plover == "RETREAT", code.plover == "ASSAULT"
        where = event_place(tree, trigger, self.gazetteer, leaving=leaving, attack=attack) if self.gazetteer else None
        if guess.modality == "asserted" and _still_to_come(trigger, sense, when, article):
            guess = replace(guess, modality="future")  # "his visit to Washington on Wednesday" (said on Monday)
        if actor is None and sense.implicit:
            # "after months of mass protests": no one named, so the people of the country where it happened,
            # or of the country the sentence is about.
            country = (where.country if where is not None else None) or _context_country(tree, trigger, places=True)
            if country is None and code.plover == "PROTEST" and recipient is not None and recipient.kind in {
                "person", "role"
            } and not _names_a_place(tree, trigger.sentence):
                country = recipient.country  # "the protests against Lukashenko": his own people's (with no
                # place named: "marched against Trump in London" is no American protest)
            if country is None:
                return None, None
            actor = Actor(country, None, country, sense.implicit, None, "role")
        if where is not None and where.country:
            # "Thousands of demonstrators marched in Nairobi": people named only by their role are locals.
            actor = _placed(actor, where.country)
            recipient = _placed(recipient, where.country)  # "journalists have been detained in Belarus"
        if recipient is None and candidate.own_government and actor is not None and actor.country:
            recipient = Actor(actor.country, None, actor.country, "GOV", None, "country")
        if (
            code.plover == "CONSULT"
            and recipient is not None
            and actor is not None
            and recipient.country == actor.country
            and self.gazetteer is not None
            and (self.gazetteer.lookup(recipient.text or "") is not None or recipient.kind in TOWN_KINDS)
        ):
            recipient = None  # "Qatar mediated the talks in Doha": its own city is no party
        if sense.direct and code.code == HOST_CODE and not _a_state(actor):
            return None, None  # "received Modi" is a leader's; "Carroll received the nomination ..." no visit
        if (
            code.code == HOST_CODE
            and trigger.dep == "acl"
            and recipient is not None
            and actor is not None
            and _same_party(actor, recipient)
        ):
            recipient = None  # "a signing in Washington, hosted by Trump": one's own capital is no guest
        # A state's attack says nothing of whose people it hit ("the IDF killed 51 people"); a rescue, an
        # arrest or a rebel group's raid is most often at home ("Nigerian troops rescued 137 pupils").
        # Hostages and prisoners someone frees are seldom their own people either.
        # ("Russian missiles strike Sumy, killing 35 people": the dead are not Russia's either.)
        state_forces = actor is not None and (actor.kind == "country" or (
            actor.kind == "role" and actor.country is not None and actor.sector in {None, "MIL", "GOV"}
        ))
        foreign_reach = (code.plover == "ASSAULT" and state_forces) or code.code.startswith("0841")
        unplaced = any(x is not None and x.kind == "role" and not x.country and x.sector for x in (actor, recipient))
        besides = (candidate.actor if foreign_reach else None, candidate.recipient)
        context = _context_country(tree, trigger, besides=besides) if unplaced else None  # (only `_placed` reads it)
        # "Kenya's interior ministry said prosecutors dropped charges against 30 protesters": unnamed
        # officials and crowds belong to the country the sentence is about. Those an act reaches also to a
        # country named after it ("Hamas could release more hostages if the truce with Israel is extended").
        # (Migrants and refugees are placed only when the country is the other side's.)
        other_side = foreign_reach and candidate.actor is not None
        if context is not None:
            actor = _placed(actor, context, strangers=other_side)
        reached = context if context is not None or recipient is None or recipient.country else (
            _context_country(tree, trigger, besides=besides, later=True)
        )
        if reached is not None:
            recipient = _placed(recipient, reached, strangers=other_side)
        town = recipient is not None and recipient.kind in TOWN_KINDS  # a town already known as one
        if recipient is not None and not recipient.id and (town or not recipient.country) and (
            code.plover in PLACE_ACTED_ON or code.code == VISIT_CODE
        ):
            recipient = self._as_place(recipient)  # "shelled Kharkiv", though the tagger took it for a person
        if recipient is not None and actor is not None and actor.country and code.plover == "COERCE":
            # "Iranian security forces detained hundreds of protesters": a state coerces its own people.
            recipient = _placed(recipient, actor.country)
        if recipient is not None and actor is not None and _key(recipient) == _key(actor) and (
            recipient.sector == actor.sector and {actor.kind, recipient.kind} <= {"country", "place"}
        ):
            recipient = None  # "ICE's deployment in the state" read as the US deploying to itself: no recipient
        if code.code == VISIT_CODE and (recipient is None or _trip_at_home(actor, recipient)):
            # "her visit to Naypyitaw", "Zelensky visited Kharkiv", "the pope attends a ceremony": no visit
            # between parties
            return None, None
        if recipient is None and where is not None and where.country and code.plover in PLACE_TARGETED:
            # CAMEO convention: an attack or protest with no named target is aimed at the country it is in.
            recipient = Actor(where.country, None, where.country, None, where.name, "place")
        if (
            actor is None
            and code.plover == "ASSAULT"
            and recipient is not None
            and candidate.recipient is not None
            and tree.children(candidate.recipient.head, "nummod")  # a count of the fallen: "ten Russian soldiers"
            and recipient.sector in ARMED_SECTORS
            and recipient.country
            and where is not None
            and where.country
            and where.country != recipient.country
        ):
            # The same convention the other way: "ten Russian soldiers were killed in Ukraine", by no one named,
            # were hit by the side of the country they are fighting in.
            actor = Actor(where.country, None, where.country, None, where.name, "place")
        event = Event(
            id=content_hash(article.id, str(trigger.i), _key(actor), _key(recipient), code.code),
            actor=actor,
            recipient=recipient,
            reciprocal=candidate.reciprocal,
            **_coded(code),
            modality=guess.modality,
            claimed_by=claimed_by,
            when=when,
            where=where,
            evidence=(evidence,),
            confidence=_confidence(candidate, actor, recipient),
            trigger=trigger.text,
        )
        return event, guess.speech if guess.modality == "claimed" else None


    def _guest_visit(self, event: Event) -> Event | None:
        """ "Macron received Modi": hosting a visit (CAMEO 043) is the guest's visit (042) too, as GDELT
        codes it; the two are one meeting seen from each side."""
        if event.cameo != HOST_CODE or event.actor is None or event.recipient is None:
            return None
        return replace(
            event,
            id=content_hash(event.id, "visit"),
            actor=event.recipient,
            recipient=event.actor,
            **_coded(self.codes.get(VISIT_CODE)),
        )

    def _reaction_target(self, tree: Tree, trigger: Token, event: Event, earlier: list[tuple[str, Event]]) -> Event:
        """ "Venezuela arrested Superlano. The US condemned the arrest": a reaction to an act named by a noun
        is aimed at whoever did that act, the latest such event in this sentence or the two before."""
        if (event.cameo or "")[:2] not in REACTION_ROOTS:
            return event
        objects = tree.children(trigger.i, "dobj", "nsubjpass")
        gap = relative_object(tree, trigger)
        objects += [gap] if gap is not None else []  # "an accusation Yerevan denied"
        objects += [o for p in tree.children(trigger.i, "prep") if p.lemma.lower() in {"over", "against", "for"}
                    for o in tree.children(p.i, "pobj")]
        for obj in (o for o in objects if o.pos == "NOUN"):
            lemma = obj.lemma.lower()
            kinds = {self.codes.get(s.cameo).plover for s in self.lexicon.noun_senses(lemma, obj.text)}
            if lemma in CLAIM_NOUNS | DENIED_ROLES:
                kinds.add("ACCUSE")  # "dismissed the claim as false", "denied any involvement": the claim just before
            for lemma_done, done in reversed(earlier):
                sentence = done.evidence[0].sentence
                if not 0 <= obj.sentence - sentence <= REACTION_LOOKBACK:
                    continue
                claimant = done.claimed_by if done.modality == "claimed" else None
                if lemma in DENIED_ROLES and not _denies_own_part(event, done):
                    continue  # "Orbán denied any involvement in a bribery scheme" answers no one else's charge
                if "ACCUSE" in kinds and claimant is not None:
                    # "Moscow says its forces took Luhansk. Kyiv denies this claim": the claim is the speaker's
                    if event.actor is not None and _same_party(event.actor, claimant):
                        return event
                    return replace(event, recipient=claimant, id=content_hash(event.id, "reaction"))
                if done.actor is None:
                    continue
                if lemma_done == lemma or done.event in kinds:
                    if event.actor is not None and _same_party(event.actor, done.actor):
                        return event  # a reaction to one's own act names no one else
                    return replace(event, recipient=done.actor, id=content_hash(event.id, "reaction"))
        return event

    def _local_place(self, mention: Mention) -> bool:
        """A place below the country: a city, a region, a site ("Gaza City"), or a capital standing for its
        country ("Beirut"), which the gazetteer knows as a city."""
        if mention.actor is None:
            return False
        if mention.actor.kind in TOWN_KINDS:
            return True
        return mention.how == "metonym" and self.gazetteer is not None and self.gazetteer.is_city(mention.text)

    def _as_place(self, actor: Actor) -> Actor:
        place = self.gazetteer.lookup(actor.name or actor.text or "") if self.gazetteer is not None else None
        # (a country the text gave the town wins over the gazetteer's best-known town of that name)
        country = actor.country or (place.country if place is not None else None)
        if actor.kind == "role" or place is None or not country:
            return actor
        return Actor(country, None, country, None, actor.text, "place")

    def _by_means(self, tree: Tree, candidate: _Candidate, code: CameoCode) -> CameoCode:
        """An attack by protesters is a riot (145); a generic attack with military weapons is military
        force of that kind ("blown up by a missile": 195)."""
        crowd = candidate.actor is not None and _head_noun(tree, candidate.actor).lemma.lower() in self.means.rioters
        if code.plover == "COERCE" and crowd:
            return self.codes.get(OBSTRUCT_CODE)  # "protesters blocked access to parliament": a blockade, a protest
        if code.plover != "ASSAULT":
            return code
        generic = code.code in self.means.recode or code.code.startswith("17")  # not "launched missiles at"
        if generic and crowd:
            return self.codes.get(RIOT_CODE)
        if code.code not in self.means.recode:
            return code
        for word in _means_words(tree, candidate.trigger):
            weapon = self.means.weapons.get(word.lemma.lower()) or self.means.weapons.get(word.text.lower())
            if weapon is not None:
                return self.codes.get(weapon)
        return code


def _captor_target(event: Event, earlier: list[tuple[str, Event]]) -> Event:
    """ "Venezuela arrested Superlano ... the US demanded his release": a call to free someone is made on
    whoever holds them, the actor of the latest earlier event that detained or seized that person."""
    held = event.recipient
    for _, done in reversed(earlier):
        if not _within_lookback(event, done):
            continue
        holder, captive = done.actor, done.recipient
        if done.event not in {"COERCE", "ASSAULT"} or holder is None or captive is None or held is None:
            continue
        if _key(captive) == _key(held) and not _same_party(holder, held):
            return replace(event, recipient=holder, id=content_hash(event.id, "captor"))
    return event


def _within_lookback(event: Event, done: Event) -> bool:
    """The earlier event is in the event's sentence or one of the REACTION_LOOKBACK sentences before it."""
    return 0 <= event.evidence[0].sentence - done.evidence[0].sentence <= REACTION_LOOKBACK


def _holder_target(event: Event, others: list[tuple[str, Event]]) -> Event:
    """ "Nicaragua releases dozens of prisoners after the US demanded the release of 60 political prisoners":
    a call to free people no one names is made on whoever holds or frees prisoners in the text around it."""
    for _, done in reversed(others):
        if not _within_lookback(event, done):
            continue
        holds = done.cameo.startswith(("0841", "173", "181")) and done.modality != "negated"
        if holds and done.actor is not None and event.actor is not None and not _same_party(done.actor, event.actor):
            return replace(event, recipient=done.actor, id=content_hash(event.id, "holder"))
    return event


def _trip_at_home(actor: Actor | None, recipient: Actor | None) -> bool:
    """A visit to a place of one's own country, not to people there."""
    return (
        actor is not None
        and recipient is not None
        and bool(actor.country)
        and recipient.country == actor.country
        and recipient.kind in ADDRESS_KINDS  # a place, not people ("visited opposition leaders in Delhi")
    )


def _address(tree: Tree, mentions: list[Mention]) -> bool:
    """Places listed with commas and no "and", at most one of them a country named as such: one address
    ("Salisbury, Wiltshire, England"), not several places ("Kyiv and Kharkiv")."""
    if len(mentions) < 2 or not all(m.actor is not None and m.actor.kind in ADDRESS_KINDS for m in mentions):
        return False
    countries = [m for m in mentions if m.actor is not None and m.actor.kind == "country" and m.how != "metonym"]
    # "Kazakhstan, Uzbekistan, Tajikistan" are three countries, not one address
    return len(countries) <= 1 and not any(tree.children(m.head, "cc") for m in mentions)


def _undergoer_named(tree: Tree, noun: Token, sense: Sense) -> bool:
    """The noun names whom its act befell, in a slot its sense lists: "the execution of X" ("of"), "X's
    arrest" ("poss"); not "sanctions on X", mostly a restatement of sanctions told elsewhere."""
    slots = set(sense.recipient_slots)
    ofs = [p for p in tree.children(noun.i, "prep") if p.text.lower() == "of"] if "of" in slots else []
    undergoers = [o for p in ofs for o in tree.children(p.i, "pobj")]
    if "poss" in slots:
        undergoers += tree.children(noun.i, "poss")
    # the phrase itself names people ("of journalists", "of Jamshid Sharmahd"), not a thing of someone's
    # ("the execution of Russia's war plan") or a place ("the shooting of the film in Kenya")
    return any((m := tree.mention_at(o.i)) is not None and m.actor is not None and m.actor.kind in PEOPLE_KINDS
               for o in undergoers)


def _prefixed(tree: Tree, token: Token) -> bool:
    i = token.i
    return i >= 2 and tree.tokens[i - 1].text == "-" and tree.tokens[i - 2].text.lower() in WORD_PREFIXES


def _crowd(heads: list[Token]) -> bool:
    """ "Thousands", "hundreds of people", "crowds": a subject that counts people without naming them."""
    return bool(heads) and all(h.lemma.lower() in CROWD_WORDS or h.pos == "NUM" for h in heads)


def _same_person(a: Actor | None, b: Actor | None) -> bool:
    """ "Van Hollen ... to push for his release", with "his" taken for him: no one acts on themselves."""
    return a is not None and b is not None and a.kind == b.kind == "person" and _key(a) == _key(b)


def _each_other(tree: Tree, verb: Token) -> bool:
    """ "Armenia and Azerbaijan accused each other", "both sides accuse the other": a mutual act."""
    subjects = tree.children(verb.i, "nsubj")
    # "the other" is mutual only with "each" or "both" ("both sides accuse the other"), not "criticized the other"
    each = any(w.text.lower() in {"each", "both"} for s in subjects for w in (s, *tree.children(s.i, "det", "predet")))
    preps = [p for p in tree.children(verb.i, "prep") if p.text.lower() not in {"after", "by"}]  # "one after the other"
    for obj in (*tree.children(verb.i, "dobj"), *(o for p in preps for o in tree.children(p.i, "pobj"))):
        words = {obj.text.lower(), *(c.text.lower() for c in tree.children(obj.i, "det", "amod", "advmod"))}
        if words in ({"other", "each"}, {"another", "one"}) or (words == {"other", "the"} and each):
            return True
    return False


def _owned_by_another(tree: Tree, noun: Token, actor: Mention | None) -> bool:
    """ "Kyiv dismissed Moscow's offer": a noun whose possessor is someone else names that one's act, an event
    of its own (not "Russia withdrew its troops")."""
    for owner in tree.children(noun.i, "poss"):
        mention = tree.mention_for(owner.i)
        if mention is None or owner.pos == "PRON":
            continue  # "asked Israel to pause its strikes": whose "its" is, coreference may misjudge
        if actor is None or (mention is not actor and not _same_actor(mention, actor) and not _same_country(
            mention, actor
        )):
            return True
    return False


def _same_country(a: Mention, b: Mention) -> bool:
    """ "Macron announced France's withdrawal": a leader and their own country are one side."""
    return a.actor is not None and b.actor is not None and bool(a.actor.country) and a.actor.country == b.actor.country


def _same_actor(a: Mention, b: Mention) -> bool:
    return a.actor is not None and b.actor is not None and bool(a.actor.id) and a.actor.id == b.actor.id


def _describes_another(tree: Tree, mention: Mention) -> bool:
    """ "UK-based", "Al-Qaeda-linked", "Russian-backed": a name inside a modifier of some other noun."""
    head = tree.head(mention.token_end - 1)
    return head is not None and head.lemma.lower() in AFFILIATION_PARTICIPLES


def _still_to_come(trigger: Token, sense: Sense, when: When, article: Article) -> bool:
    """A named or present-tense act dated after the publication day has not happened yet. A past-tense
    verb is trusted over the date (a weekday the date parser put in the coming week)."""
    if not when.start or when.granularity == "publication":
        return False
    if not sense.is_noun and trigger.tag in {"VBD", "VBN"}:
        return False
    return when.start[:10] > article.date.isoformat()


def _names_a_place(tree: Tree, sentence: int) -> bool:
    """Whether the sentence names a country, a town or a region (not as a nationality)."""
    span = tree.doc.sentences[sentence]
    return any(
        m.actor is not None
        and m.how not in {"demonym", "role"}
        and (m.actor.kind in ADDRESS_KINDS or m.how == "metonym")
        for i in range(span.token_start, span.token_end)
        if (m := tree.mention_at(i)) is not None
    ) or any(e.label in {"GPE", "LOC"} for e in tree.doc.entities if span.token_start <= e.token_start < span.token_end)


def _context_country(
    tree: Tree, trigger: Token, *, places: bool = False, besides: tuple[Mention | None, ...] = (), later: bool = False
) -> str | None:
    """The country of the nearest actor named before the word, in its sentence or the one before, other
    than the event's own sides (`besides`: "the IDF killed 51 people" says nothing of whose people). With
    `places`, only a country, place or person named as such in the same sentence ("Kenyan activists" say
    where the activists are from, not where a rally was)."""
    sentence = trigger.sentence if places else max(0, trigger.sentence - 1)
    first = tree.doc.sentences[sentence].token_start
    last = tree.doc.sentences[trigger.sentence].token_end
    # nearest before the word first; with `later`, then a country or place named later in its own sentence
    # ("Hamas could release more hostages if the truce with Israel is extended")
    for i in [*range(trigger.i - 1, first - 1, -1), *(range(trigger.i + 1, last) if later else ())]:
        mention = tree.mention_at(i)
        if i > trigger.i and mention is not None and mention.actor is not None and (
            mention.how in {"demonym", "role"} or mention.actor.kind not in {"country", "place", "gpe", "loc"}
        ):
            continue  # ("killed by Israeli airstrikes across southern Lebanon": the attacker's nationality)
        if mention is None or mention.actor is None or not mention.actor.country:
            continue
        if any(m is not None and (m.token_start <= i < m.token_end or _same_actor(m, mention)) for m in besides):
            continue
        if mention.actor.kind == "media" or mention.actor.sector == "MED" or _describes_another(tree, mention):
            continue  # "an AFP correspondent said", "a UK-based group": no word on where the act was
        if places and (mention.how in {"demonym", "role"} or mention.actor.kind not in {"country", "place", "person"}):
            continue
        return mention.actor.country
    return None


def _head_noun(tree: Tree, mention: Mention) -> Token:
    """The noun a mention names or modifies: "a Ukrainian protester" → protester."""
    token = tree.tokens[mention.token_end - 1]
    while token.dep in {"amod", "compound", "nmod", "poss"}:
        head = tree.head(token.i)
        if head is None:
            break
        token = head
    return token


def _means_words(tree: Tree, trigger: Token) -> list[Token]:
    """Words that may name an attack's weapon: its agent or its "with"/"by"/"in" object (and their
    compounds: "tank shelling"), a participle of manner ("shelling"), or its subject ("a missile hit")."""
    out: list[Token] = []
    verbs = [trigger]
    if is_passive(tree, trigger):  # "five are killed and three injured in a drone attack": shared means
        head = tree.head(trigger.i)
        verbs += coordinated_passives(tree, trigger) + ([head] if trigger.dep == "conj" and head is not None else [])
    for child in (c for verb in verbs for c in tree.children(verb.i)):
        if child.dep in {"agent", "prep"} and child.text.lower() in MEANS_PREPS:
            for obj in tree.children(child.i, "pobj"):
                out += [obj, *tree.children(obj.i, "compound")]
        elif child.dep in {"nsubj", "advcl"}:
            out += [child, *tree.children(child.i, "compound")]
    return out


# Things an event noun compounded on them only describes: "a protest note", "an attack helicopter".
DESCRIBED_NOUNS = frozenset(
    {"note", "letter", "movement", "leader", "group", "camp", "site", "helicopter", "submarine", "drone", "aircraft",
     "force", "crime", "zone", "vote", "ad", "advertisement", "song", "slogan", "sign", "banner", "poster", "dog",
     "squad", "unit", "capability", "capabilities", "plan", "scenario", "simulation", "game", "film", "museum"}
)


def _redundant(tree: Tree, trigger: int, found: dict[int, list[_Candidate]]) -> bool:
    """One event per act: "agreed to lift the sanctions" is the lifting (its commitment is the modality);
    "asked Obama to help Iran" is the request, not the help."""
    token = tree.tokens[trigger]
    if token.lemma.lower() in COMMITMENT_VERBS and any(c.i in found for c in tree.children(trigger, "xcomp")):
        return True
    if token.pos == "NOUN" and (_requested_noun(tree, token, found) or _topic_noun(tree, token)):
        return True
    head_noun = tree.head(trigger)
    if token.dep == "relcl" and head_noun is not None and head_noun.dep == "pobj" and any(
        c.text.lower() in {"where", "when"} for c in tree.children(trigger, "advmod")
    ):
        place_of = tree.head(head_noun.i)
        verb = tree.head(place_of.i) if place_of is not None else None
        own = {c.sense.cameo[:2] for c in found[trigger]}
        if verb is not None and verb.i in found and own & {c.sense.cameo[:2] for c in found[verb.i]}:
            return True  # "met in Sochi, where they discussed the union state": the meeting, told again
    if token.dep == "compound" and head_noun is not None and head_noun.lemma.lower() in DESCRIBED_NOUNS:
        return True  # "a protest note", "an attack helicopter", "war crimes": the word describes a thing
    if token.dep == "acl" and token.tag == "VBG" and token.lemma.lower() in TARGETING and (
        head_noun is not None and head_noun.i in found
    ):
        return True  # "the Iranian attacks targeting GCC countries": the attacks, aimed at them
    if token.lemma.lower() in WARNING_VERBS and all(c.recipient is None for c in found[trigger]) and any(
        c.i in found and any(k.sense.cameo[:2] in FORCE_ROOTS for k in found[c.i])
        for c in tree.children(trigger, "ccomp")
    ):
        return True  # "Iran threatened that it would attack Israel": the threat is the attack it announces
    if token.pos == "NOUN" and any(c.sense.cameo[:2] == "13" for c in found[trigger]) and any(
        c.i in found and tree.to_infinitive(c.i) for c in tree.children(trigger, "acl")
    ):
        return True  # "Trump's threats to annex the territory": the threat is the annexation threatened
    if token.pos in VERB_POS and is_passive(tree, token) and not tree.children(trigger, "agent"):
        wanted = found[trigger][0].sense.objects
        if any(s.i in found and s.lemma.lower() in wanted for s in tree.children(trigger, "nsubjpass")):
            return True  # "No protests were held in Minsk": the noun tells it, with the crowd it implies
    while token.dep == "conj":  # "urged Rwanda to end its support and withdraw": as "to end" goes
        up = tree.head(token.i)
        if up is None or up.pos not in {"VERB", "AUX"}:
            break
        token = up
    head = tree.head(token.i)
    to_marked = tree.to_infinitive(token.i)
    infinitive = token.dep == "xcomp" or (token.dep in {"ccomp", "advcl"} and to_marked)
    content_of = head
    while infinitive and content_of is not None and content_of.dep == "xcomp" and not _has_content(content_of, found):
        content_of = tree.head(content_of.i)  # "called on its allies to help lift the blockade"
    if infinitive and content_of is not None and _has_content(content_of, found):
        # requested, demanded, threatened, forced, refused or permitted: the act is the content of the
        # event above it ("gave Russia permission to help Israel" is no help by the one who permits)
        return True
    if token.dep == "acl" and to_marked and head is not None and head.dep in {"dobj", "pobj"}:
        # "faces pressure from Congress to help Iran": the infinitive on the pressing noun is what is pressed for
        verb = tree.head(head.i)
        if verb is not None and verb.i in found:
            return any(c.sense.cameo[:2] in CONTENT_ROOTS for c in found[verb.i])
    if token.dep == "pobj" and head is not None and head.lemma.lower() == "in":
        # "blocked roads in protest against grain imports": the noun names the act it qualifies (unless only
        # the noun says who acted: "six are killed in clashes between a rebel group and the army").
        verb = tree.head(head.i)
        if verb is not None and verb.i in found and not _names_the_doers(found[trigger], found[verb.i]):
            own = {c.sense.cameo[:2] for c in found[trigger]}
            return bool(own & {c.sense.cameo[:2] for c in found[verb.i]})
    for prep in tree.children(trigger, "prep"):
        if prep.lemma.lower() != "in" or token.pos not in VERB_POS:
            continue
        for noun in tree.children(prep.i, "pobj"):
            if noun.i in found and _names_the_doers(found[noun.i], found[trigger]):
                own = {c.sense.cameo[:2] for c in found[trigger]}
                if own & {c.sense.cameo[:2] for c in found[noun.i]}:
                    return True  # the clashes are the event; the deaths in them are its toll
    if token.dep in {"advcl", "xcomp"} and head is not None and not tree.children(token.i, "nsubj"):
        # "met ... to discuss": the aim restates the act it serves (not "after Britain sent a warship"), also
        # when a noun names that act ("went on hunger strike to protest").
        served = [head] + ([t for t in object_tokens(tree, head) if t.i != token.i] if token.dep == "advcl" else [])
        own = {c.sense.cameo[:2] for c in found[trigger]}
        return any(t.i in found and own & {c.sense.cameo[:2] for c in found[t.i]} for t in served)
    return False


def _names_the_doers(noun: list[_Candidate], verb: list[_Candidate]) -> bool:
    return all(c.actor is None for c in verb) and any(c.actor is not None for c in noun)


def _requested_noun(tree: Tree, token: Token, found: dict[int, list[_Candidate]]) -> bool:
    """ "calls for a resurgence in protests", "demands Paz's resignation": an act named as what is asked,
    demanded or threatened has not happened; it is the content of that event."""
    current = token
    while current.dep in {"dobj", "pobj", "prep", "conj", "compound", "nsubjpass"}:
        up = tree.head(current.i)
        if up is None or (current.dep == "prep" and current.lemma.lower() not in {"for", "of", "in", "to"}):
            return False  # "asked Congress for aid during his visit": the visit is no part of the request
        if up.pos in {"VERB", "AUX"}:
            if up.lemma.lower() in ASKING_VERBS:
                return True  # asked for, whether or not the asking itself names who asks
            return up.i in found and any(c.sense.cameo[:2] in ASKING_ROOTS for c in found[up.i])
        current = up
    return False


def _has_content(token: Token, found: dict[int, list[_Candidate]]) -> bool:
    return token.i in found and any(c.sense.cameo[:2] in CONTENT_ROOTS for c in found[token.i])


def _topic_noun(tree: Tree, token: Token) -> bool:
    """ "a summit on the unrest in Iran", "talks about the war": what a meeting or a text is about is its
    subject, not an event it reports."""
    prep = tree.head(token.i)
    if token.dep != "pobj" or prep is None or prep.lemma.lower() not in TOPIC_PREPS:
        return False
    about = tree.head(prep.i)
    if about is None:
        return False
    # "attend a summit in Switzerland on the unrest": the phrase may hang on the verb of the meeting
    nouns = [about] if about.pos == "NOUN" else tree.children(about.i, "dobj") if about.pos == "VERB" else []
    return any(n.lemma.lower() in DISCOURSE_NOUNS for n in nouns)


def _verb_tagged_as_noun(tree: Tree, token: Token) -> bool:
    """ "Minsk has made ... and hosts nuclear weapons", "Keir Starmer visits Kyiv": a noun with an object of
    its own is a verb (a conjunct of a verb, or a headline's main word)."""
    if token.pos != "NOUN" or not tree.children(token.i, "dobj"):
        return False
    if token.dep == "ROOT":
        return token.tag in {"NNS", "VBZ"}  # "visits", "meets": a present-tense verb read as a plural noun
    head = tree.head(token.i)
    return token.dep == "conj" and head is not None and head.pos == "VERB"


def _same_party(a: Actor, b: Actor) -> bool:
    """One side, for a claim: the same actor, or two of one country (a minister on his own army) unless one
    is of the state and the other not (a human rights group on the government's forces)."""
    if a.id and a.id == b.id:
        return True
    if a.country and a.country == b.country:
        state = {x in STATE_SECTORS for x in (a.sector or "GOV", b.sector or "GOV")}
        return len(state) == 1
    return (a.name or a.text) == (b.name or b.text)


def _in_country(mention: Mention, country: str) -> Mention:
    placed = _placed(mention.actor, country)
    return mention if placed is mention.actor else replace(mention, actor=placed)


def _denies_own_part(denial: Event, said: Event) -> bool:
    """Whether the denier is the one the earlier event accused or claimed to have acted."""
    accused = said.recipient if said.event == "ACCUSE" else said.actor
    return denial.actor is not None and accused is not None and _same_party(denial.actor, accused)


def _a_state(actor: Actor | None) -> bool:
    """A country, an intergovernmental body, or someone in government: who receives visitors of state."""
    return actor is not None and (actor.kind in {"country", "igo"} or actor.sector == "GOV")


def _placed(actor: Actor | None, country: str, *, strangers: bool = False) -> Actor | None:
    """A role actor with no country takes this one; people seldom local only when `strangers` says the
    country was chosen as someone else's."""
    if actor is None or actor.country or actor.kind != "role" or not actor.sector:
        return actor
    if _seldom_local(actor) and not strangers:
        return actor
    return replace(actor, id=country, country=country)


# People seldom of the country they are in, or that the sentence is about: migrants detained in Libya,
# tourists killed in Egypt.
# (Not hostages: those rescued from bandits in Nigeria are mostly Nigerians.)
NON_LOCALS = frozenset(
    {"refugee", "migrant", "seeker", "tourist", "foreigner", "expatriate", "expat", "peacekeeper"}
)


def _seldom_local(actor: Actor) -> bool:
    words = (actor.text or "").lower().replace("-", " ").split()
    return bool(words) and (words[-1].removesuffix("s") in NON_LOCALS or "foreign" in words)  # "foreign hostages"


def _actor_of(mention: Mention | None) -> Actor | None:
    if mention is None or mention.actor is None:
        return None
    return mention.actor.with_text(mention.text)


def _prefer_named(tree: Tree, mentions: list[Mention]) -> list[Mention]:
    """ "the Somali militant group al-Shabab", parsed as two subjects: a description (a nationality or a
    role) right before a name of the same country is that named actor, not another one."""
    DESCRIPTIONS = {"demonym", "role"}
    named = [
        m
        for m in mentions
        if m.how not in DESCRIPTIONS and m.actor is not None and (m.actor.id or m.actor.kind == "person")
    ]

    def described(m: Mention) -> bool:
        country = m.actor.country if m.actor is not None else None
        return m.how in DESCRIPTIONS and any(
            0 <= n.token_start - m.token_end <= 2
            and country in {None, n.actor.country}  # type: ignore[union-attr]
            and not any(t.dep == "cc" or t.pos == "PUNCT" for t in tree.tokens[m.token_end : n.token_start])
            for n in named
        )

    return [m for m in mentions if not described(m)]


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[str | None, str | None, str | None]] = set()
    out = []
    for mention in mentions:
        key = (mention.actor.id, mention.actor.name, mention.actor.country) if mention.actor else (None, None, None)
        if key not in seen:
            seen.add(key)
            out.append(mention)
    return out


def _key(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    if actor.kind == "role":  # "31 Maoist militants and two security forces": two Indian parties, not one
        return f"{actor.country or ''}::{actor.sector or ''}"
    return actor.id or f"{actor.country or ''}:{actor.name or ''}:{actor.sector or ''}"


def _evidence(tree: Tree, candidate: _Candidate) -> Evidence:
    trigger = candidate.trigger
    indices = {trigger.i}
    for child in tree.children(trigger.i):
        if child.dep in {"dobj", "dative", "prep", "prt", "neg", "aux", "auxpass", "oprd", "acomp", "xcomp"}:
            indices.update(tree.subtree(child.i))
    for mention in (candidate.actor, candidate.recipient):
        if mention is not None and mention.sentence == trigger.sentence:
            indices.update(range(mention.token_start, mention.token_end))
    return _span(tree, trigger.sentence, indices)


def _span(tree: Tree, sentence_index: int, indices: Iterable[int]) -> Evidence:
    """The evidence from the first to the last of these tokens, within one sentence."""
    sentence = tree.doc.sentences[sentence_index]
    tokens = [tree.tokens[i] for i in indices if sentence.token_start <= i < sentence.token_end]
    start, end = min(t.start for t in tokens), max(t.end for t in tokens)
    return Evidence(sentence_index, start, end, tree.doc.text[start:end])


def _coded(code: CameoCode) -> dict[str, Any]:
    """The Event fields a CAMEO code fills."""
    return {
        "event": code.plover,
        "mode": code.mode,
        "context": code.context,
        "cameo": code.code,
        "goldstein": code.goldstein,
        "quad_class": code.quad_class,
    }


def _confidence(candidate: _Candidate, actor: Actor | None, recipient: Actor | None) -> float:
    score = 0.45
    score += 0.2 if actor is not None and actor.id else 0.05 if actor is not None else -0.15
    score += 0.15 if recipient is not None and recipient.id else 0.05 if recipient is not None else 0.0
    score += 0.1 * candidate.sense.specificity
    return round(max(0.05, min(score, 0.95)), 2)


WOUNDING = ("injur", "wound", "hurt", "maim")


def _drop_partial(events: list[Event]) -> list[Event]:
    """ "Five are killed and three are injured in a Ukrainian drone attack": an event that lacks a side
    another event of the same type and modality names (or lacks the same side, and comes later), with
    the sides it has the same and its word inside that event's evidence span, is that event told in part
    (not "sanctions were imposed on Myanmar after the coup", nor a second attack later in the sentence)."""

    # (A place taken for the target, "injured in a strike on Bohodukhiv, Ukraine", names no side of its own:
    # the strike that killed four people there is the whole.)
    def placed(event: Event) -> bool:  # the target taken from the event's place, not named as a target
        target, where = event.recipient, event.where
        return target is not None and target.kind == "place" and where is not None and target.text == where.name

    def sides(event: Event, *, as_part: bool = False) -> int:
        named_recipient = event.recipient is not None and not (as_part and placed(event))
        return (event.actor is not None) + named_recipient

    def part_of(k: int, j: int) -> bool:
        part, whole = events[k], events[j]
        if (whole.event, whole.modality) != (part.event, part.modality):
            return False
        if sides(whole) < sides(part, as_part=True) or (sides(whole) == sides(part, as_part=True) and j > k):
            return False
        if part.actor is not None and _key(part.actor) != _key(whole.actor):
            return False
        if part.recipient is not None and _key(part.recipient) != _key(whole.recipient) and not (
            placed(part) and whole.recipient is not None and whole.recipient.country == part.recipient.country
        ):
            return False
        a, b = part.evidence[0], whole.evidence[0]
        if a.sentence != b.sentence:
            return False
        if part.recipient is None and part.trigger.lower().startswith(WOUNDING) and whole.recipient is not None:
            return True  # "... kill at least 16 people and injure more than 130 others": the same attack's toll
        word = re.search(rf"\b{re.escape(part.trigger)}\b", a.text)  # where the part's own word stands
        return word is not None and b.start <= a.start + word.start() < b.end

    return [
        e for k, e in enumerate(events)
        if sides(e, as_part=True) != 1 or not any(part_of(k, j) for j in range(len(events)) if j != k)
    ]


def _merge_duplicates(events: list[tuple[str, Event]]) -> list[Event]:
    """The same event stated twice in an article (same dyad, code, modality, time and word) is one event
    with two evidence spans; "the armies are intertwined" and "Russia uses Belarus's infrastructure" are two.
    A verb and its noun are one word here: "Pradhan resigns … His resignation marks …"."""
    merged: dict[tuple[str, ...], Event] = {}
    for lemma, event in events:
        key = (
            lemma[:WORD_FAMILY_PREFIX],
            _key(event.actor),
            _key(event.recipient),
            event.event,
            event.cameo,
            event.modality,
            event.when.start or "",
        )
        known = merged.get(key)
        if known is None:
            merged[key] = event
        elif all(e.start != event.evidence[0].start for e in known.evidence):
            merged[key] = replace(
                known, evidence=known.evidence + event.evidence, confidence=max(known.confidence, event.confidence)
            )
    return list(merged.values())
