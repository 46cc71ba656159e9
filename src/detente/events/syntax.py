"""Read-only helpers over the dependency parse in a ParsedDoc (built once per document)."""

from __future__ import annotations

from collections import defaultdict

from detente.models import Mention, ParsedDoc, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
GROUP_KINDS = frozenset({"group", "party"})  # actors that speak of "its fighters", "its members"
MEMBER_SECTORS = frozenset({"MIL", "REB", "GOV", "PRM", "UAF", "SPY", "COP", "OPP", "LEG"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
PLURAL_PRONOUNS = frozenset({"they", "them", "both"})
# "the parties", "the two countries", "both sides": plural nouns that refer back to a named pair.
GROUP_NOUNS = frozenset(
    {
        "party",
        "side",
        "country",
        "nation",
        "government",
        "capital",
        "state",
        "neighbour",
        "neighbor",
        "ally",
        "partner",
        "leader",
        "army",
        "military",
    }
)
PLURAL_LOOKBACK = 2
# Actor kinds of places below a country: where an act happened, not who did it or suffered it ("the refineries
# in Iran" are Iran's; "a man in Colorado Springs" is no town).
TOWN_KINDS = frozenset({"gpe", "loc", "fac", "place"})
TARGETING = frozenset({"target", "aim"})  # "attacks targeting US bases": participles naming an act's target
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP"})
# Words that open a clause but that the parser may read as prepositions: "as sanctions have been imposed".
CLAUSE_CONJUNCTIONS = frozenset({"as", "since", "because", "while", "after", "before", "until"})
# "a series of protests", "days of clashes": nouns that count or span the events named after them.
AMOUNT_NOUNS = frozenset(
    {"series", "wave", "spate", "string", "round", "day", "week", "month", "year", "night", "weekend", "number",
     "surge", "resurgence", "flurry", "outbreak"}
)
# "protests were held", "a rally was staged": passives that say an event took place.
STAGING_VERBS = frozenset({"hold", "stage", "organize", "organise", "conduct", "carry", "launch"})
STAGED = frozenset({"held", "staged", "organized", "organised", "conducted", "carried", "launched"})  # "stag"
AUTHORED_NOUNS = frozenset(
    {"proposal", "plan", "resolution", "deal", "agreement", "draft", "initiative", "offer", "statement", "report",
     "decision", "law", "bill", "decree", "order", "ban", "sanction", "measure", "demand", "request", "ultimatum"}
)
KIN_NOUNS = frozenset(
    {"wife", "husband", "son", "daughter", "child", "children", "parent", "mother", "father", "brother",
     "sister", "family", "grandparent", "grandchild", "relative", "nephew", "niece", "cousin", "widow"}
)
# "his critics", "Russia's allies": other parties defined by their tie to the possessor, not the possessor.
COUNTERPART_NOUNS = frozenset(
    {"friend", "ally", "critic", "opponent", "rival", "enemy", "foe", "detractor", "adversary", "neighbour",
     "neighbor", "counterpart", "partner", "victim", "supporter", "follower", "backer"}
)
# "Greek-owned", "Liberian-flagged", "state-run": whose a ship or a company is.
OWNERSHIP_PARTICIPLES = frozenset(  # lemmas and words (the tagger may read "flagged" as an adjective)
    {"own", "owned", "flag", "flagged", "register", "registered", "operate", "operated", "run"}
)  # not "backed", "based": a "UK-based group" or "Russian-backed separatists" are not British or Russian


class Tree:
    """Children, subtrees and mention lookups for one parsed document."""

    def __init__(self, doc: ParsedDoc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        kids: dict[int, list[int]] = defaultdict(list)
        for token in doc.tokens:
            if token.head != token.i:
                kids[token.head].append(token.i)
        self._children = kids
        self._mention_at: dict[int, Mention] = {}
        for mention in sorted(mentions, key=lambda m: m.token_end - m.token_start):
            for i in range(mention.token_start, mention.token_end):
                self._mention_at.setdefault(i, mention)  # the narrowest mention wins

    def children(self, i: int, *deps: str) -> list[Token]:
        found = [self.tokens[c] for c in self._children.get(i, ())]
        return [t for t in found if t.dep in deps] if deps else found

    def happening_verb(self, noun: Token) -> Token | None:
        """The verb saying that the event a noun names happened, which often holds its place and target: "protests
        take place in Kyiv against the decision", "a series of protests are held across the country",
        "talks resumed in Doha"."""
        current = noun
        head = self.head(current.i)
        if current.dep == "pobj" and head is not None and head.lemma.lower() == "of":
            amount = self.head(head.i)  # "a series of protests", "days of clashes"
            if amount is not None and amount.lemma.lower() in AMOUNT_NOUNS:
                current = amount
        verb = self.head(current.i)
        if verb is None or verb.pos != "VERB" or current.dep not in {"nsubj", "nsubjpass"}:
            return None
        objects = {o.lemma.lower() for o in self.children(verb.i, "dobj")}
        if current.dep == "nsubj" and (not objects or objects == {"place"}):
            return verb  # "erupted in Tel Aviv", "took place in Kyiv"
        if current.dep == "nsubjpass" and (verb.lemma.lower() in STAGING_VERBS or verb.text.lower() in STAGED):
            return verb  # "are held across the United States"
        return None

    def stranded_subject(self, verb: Token) -> Token | None:
        """ "as sanctions have been imposed which ...": the parser read "as" as a preposition and the clause's
        subject as its object; the noun right before the verb's auxiliaries is the subject it lacks."""
        if verb.pos != "VERB" or self.children(verb.i, "nsubj", "nsubjpass", "csubj", "csubjpass"):
            return None
        auxiliaries = self.children(verb.i, "aux", "auxpass")
        if not auxiliaries or min(a.i for a in auxiliaries) == 0:
            return None
        before = self.tokens[min(a.i for a in auxiliaries) - 1]
        prep = self.head(before.i)
        if before.pos not in {"NOUN", "PROPN"} or before.dep != "pobj" or prep is None:
            return None
        return before if prep.text.lower() in CLAUSE_CONJUNCTIONS else None

    def finite_conjunct_of_infinitive(self, token: Token) -> bool:
        """ "declares the attacks to be an act of war and vows retaliation": a finite verb the parser coordinated
        with a to-infinitive, though it goes with the clause above that infinitive."""
        head = self.head(token.i)
        return token.dep == "conj" and token.tag in FINITE_TAGS and head is not None and self.to_infinitive(head.i)

    def to_infinitive(self, i: int) -> bool:
        """Whether the verb at i is a to-infinitive ("to help", "to attack")."""
        return any(c.text.lower() == "to" for c in self.children(i, "aux"))

    def child_lemmas(self, i: int) -> set[str]:
        return {t.lemma.lower() for t in self.children(i)}

    def head(self, i: int) -> Token | None:
        token = self.tokens[i]
        return None if token.head == i else self.tokens[token.head]

    def subtree(self, i: int) -> list[int]:
        out, stack = [], [i]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(self._children.get(current, ()))
        return sorted(out)

    def ancestors(self, i: int) -> list[Token]:
        chain, seen = [], {i}
        head = self.head(i)
        while head is not None and head.i not in seen:
            chain.append(head)
            seen.add(head.i)
            head = self.head(head.i)
        return chain

    def conjuncts(self, i: int) -> list[int]:
        """The token and the tokens coordinated with it ("Moscow and Minsk"). A conjunct may hang off
        any word of a name the parser split ("Barack ← Obama ← and Vladimir Putin")."""
        out = [i]
        mention = self._mention_at.get(i)
        span = range(mention.token_start, mention.token_end) if mention is not None else range(i, i + 1)
        for k in span:
            for child in self.children(k, "conj"):
                if child.i not in span:
                    out.extend(self.conjuncts(child.i))
        return out

    def mention_at(self, i: int) -> Mention | None:
        return self._mention_at.get(i)

    def mention_for(self, i: int, depth: int = 0) -> Mention | None:
        """The actor mention a noun phrase headed at token i refers to.

        The phrase's own mention first; then a mention among its modifiers ("the US leader",
        "Wagner's columns", "the city Aleppo"); then "the leaders of Russia", "part of Syria's second
        city" (two levels down), "the refineries in Iran", "allegations by Rwanda" (one level). A relative
        pronoun points to the
        noun its clause modifies ("the economy, which is reorienting").
        """
        token = self.tokens[i]
        if token.text.lower() in RELATIVE_PRONOUNS:
            clause = self.head(i)
            antecedent = self.head(clause.i) if clause is not None and clause.dep == "relcl" else None
            if antecedent is not None:
                return self.mention_for(antecedent.i, depth)
        found = self.mention_at(i)
        if found is not None and found.how == "role":
            # "Hamas said its fighters attacked": a group's own fighters, officials or members are the group
            member = found.actor is not None and found.actor.sector in MEMBER_SECTORS  # not "its hostages"
            for possessor in self.children(i, "poss") if member else []:
                held = self.mention_at(possessor.i) if possessor.tag == "PRP$" else None
                if held is not None and held.actor is not None and held.actor.kind in GROUP_KINDS:
                    return held
        if found is not None:
            return found
        for child in self.children(i, "appos"):
            # "the Somali militant group al-Shabab": a name in apposition says who, before any modifier.
            named = self.mention_at(child.i)
            if named is not None and named.actor is not None and named.actor.id:
                return named
        modifiers = self.children(i, "compound", "amod", "poss", "nmod", "npadvmod", "appos")
        # A pronoun owner last: "his Wagner fighters" are Wagner's, whoever "his" is.
        modifiers.sort(key=lambda c: c.dep == "poss" and c.tag == "PRP$")
        for child in modifiers:
            if child.dep == "poss" and token.lemma.lower() in KIN_NOUNS | COUNTERPART_NOUNS:
                continue  # "his grandparents", "his critics" are not him
            found = self.mention_at(child.i)
            if found is not None:
                return found
        for child in self.children(i, "compound"):
            # "Russian drone attacks in Ukraine": the side is on the compound, before any place phrase
            for grandchild in self.children(child.i, "amod", "compound"):
                found = self.mention_at(grandchild.i)
                if found is not None:
                    return found
        owner = self._owner(i)
        if owner is not None:
            return owner
        if depth >= 2:
            return None
        preps = self.children(i, "prep")
        if depth == 0:
            # "goods imported from China": the participle's origin names the side.
            preps += [
                p
                for acl in self.children(i, "acl")
                if acl.tag == "VBN"
                for p in self.children(acl.i, "prep", "agent")
                # "a proposal put forward by Egyptian mediators" (an authored thing; not "the plane shot
                # down by Russia", whose "by" is no owner)
                # "a report released in the Rwandan capital" (where an authored thing comes from)
                if p.lemma.lower() == "from"
                or (p.lemma.lower() in {"by", "in"} and token.lemma.lower() in AUTHORED_NOUNS)
            ]
        for prep in preps:
            # "the leaders of Russia", "troops from Chad", "the refineries in Iran", "a proposal by Kenya",
            # "suspended its aid pact with Belgium"
            if prep.lemma.lower() in {"of", "from"} or (prep.lemma.lower() in {"in", "by", "with"} and depth == 0):
                for obj in self.children(prep.i, "pobj"):
                    found = self.mention_for(obj.i, depth + 1)
                    if found is None or found.actor is None:
                        continue
                    if prep.lemma.lower() != "in" or (found.actor.country and found.actor.kind not in TOWN_KINDS):
                        # "suspects in Lanzarote", "a man in Colorado Springs": a town is where, not who
                        return found
        return None

    def _owner(self, i: int) -> Mention | None:
        """ "the Greek-owned bulk carrier Tutor": the country owning or flagging a ship or firm, named in a
        hyphenated modifier of the noun or of its compound."""
        for modifier in [self.tokens[i], *self.children(i, "compound")]:
            for participle in self.children(modifier.i, "amod"):
                if not {participle.lemma.lower(), participle.text.lower()} & OWNERSHIP_PARTICIPLES:
                    continue
                for named in self.children(participle.i, "npadvmod", "compound", "amod", "nmod"):
                    found = self.mention_at(named.i)
                    if found is not None:
                        return found
        return None

    def plural_antecedent(self, i: int) -> list[int]:
        """For "they"/"the parties"/"the two countries": the nearest earlier coordinated pair of actors."""
        token = self.tokens[i]
        if not self._is_plural_reference(token):
            return []
        for j in range(i - 1, -1, -1):
            candidate = self.tokens[j]
            if token.sentence - candidate.sentence > PLURAL_LOOKBACK:
                break
            if candidate.dep == "conj" or self.mention_at(j) is None:
                continue
            pair = self._distinct([k for k in self.conjuncts(j) if self.mention_at(k) is not None])
            if len(pair) >= 2:
                return pair
        return [] if token.pos == "PRON" else self._recent_countries(token)

    def _recent_countries(self, token: Token) -> list[int]:
        """ "the parties" with no coordination to point at: the two countries named last, if distinct."""
        found: list[int] = []
        for j in range(token.i - 1, -1, -1):
            if token.sentence - self.tokens[j].sentence > PLURAL_LOOKBACK or len(found) == 2:
                break
            mention = self.mention_at(j)
            actor = mention.actor if mention is not None and mention.head == j else None
            new_country = actor is not None and actor.kind == "country" and actor.country
            if new_country and all(self._country_at(k) != actor.country for k in found):  # type: ignore[union-attr]
                found.append(j)
        return found[::-1] if len(found) == 2 else []

    def _country_at(self, i: int) -> str | None:
        mention = self.mention_at(i)
        return mention.actor.country if mention is not None and mention.actor is not None else None

    def _distinct(self, indices: list[int]) -> list[int]:
        """One token per distinct mention: "the Union State of Russia and Belarus" is one actor, not two."""
        seen: set[int] = set()
        out = []
        for k in indices:
            mention = self.mention_at(k)
            if mention is not None and id(mention) not in seen:
                seen.add(id(mention))
                out.append(k)
        return out

    def _is_plural_reference(self, token: Token) -> bool:
        lemma = token.lemma.lower()
        if token.pos == "PRON":
            return token.text.lower() in PLURAL_PRONOUNS
        if token.pos != "NOUN" or lemma not in GROUP_NOUNS or "Number=Plur" not in token.morph:
            return False
        return any(c.text.lower() in {"the", "both", "two"} for c in self.children(token.i, "det", "nummod", "predet"))
