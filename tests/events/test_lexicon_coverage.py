"""The event lexicon covers every PLOVER type with verbs and nominalisations, keeps its senses in a
usable order, and codes the common constructions of international news (light verbs, nouns, particles)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from detente.events.codes import CodeTable
from detente.events.lexicon import Lexicon, Sense
from detente.models import PLOVER_TYPES, Article
from detente.pipeline import Pipeline

MIN_VERB_SENSES = 8
MIN_NOUN_SENSES = 2
# Words that state no event on their own: they may appear only with an `object` or `prep` condition.
LIGHT_VERBS = ("take", "make", "give", "have", "get", "go", "say", "see", "hold", "show", "put", "set", "do", "carry")


@pytest.fixture(scope="module")
def codes() -> CodeTable:
    return CodeTable.load()


@pytest.fixture(scope="module")
def lexicon(codes: CodeTable) -> Lexicon:
    return Lexicon.load(codes)


def _all_senses(lexicon: Lexicon) -> list[Sense]:
    return [s for index in (lexicon._verbs, lexicon._nouns) for senses in index.values() for s in senses]


def test_every_plover_type_has_verbs_and_nominalisations(codes: CodeTable, lexicon: Lexicon) -> None:
    verbs: Counter[str] = Counter()
    nouns: Counter[str] = Counter()
    for sense in _all_senses(lexicon):
        (nouns if sense.is_noun else verbs)[codes.get(sense.cameo).plover] += 1
    thin = {t: (verbs[t], nouns[t]) for t in PLOVER_TYPES if verbs[t] < MIN_VERB_SENSES or nouns[t] < MIN_NOUN_SENSES}
    assert not thin, f"PLOVER types with too few (verb, noun) senses: {thin}"


def test_every_cameo_root_with_a_plover_type_is_used(codes: CodeTable, lexicon: Lexicon) -> None:
    used = {s.cameo[:2] for s in _all_senses(lexicon)}
    roots = {c.code[:2] for c in codes.codes() if c.plover}
    assert roots <= used, sorted(roots - used)


def test_no_sense_is_hidden_by_an_earlier_more_general_one(lexicon: Lexicon) -> None:
    """The first matching sense wins, so a general sense before a specific one makes it dead."""
    hidden = []
    for index in (lexicon._verbs, lexicon._nouns):
        for lemma, senses in index.items():
            for k, later in enumerate(senses):
                for earlier in senses[:k]:
                    if earlier.joint:
                        continue  # a joint sense passes on to the next one when the act is not shared
                    same_prep = earlier.prep is None or earlier.prep == later.prep
                    wider_objects = not earlier.objects or (bool(later.objects) and later.objects <= earlier.objects)
                    if same_prep and wider_objects:
                        hidden.append(f"{lemma}: {later.cameo} {sorted(later.objects)} after {earlier.cameo}")
                        break
    assert not hidden, hidden


def test_light_verbs_only_code_events_with_conditions(lexicon: Lexicon) -> None:
    bare = [v for v in LIGHT_VERBS if any(not s.objects and s.prep is None for s in lexicon.verb_senses(v))]
    assert not bare, f"light verbs with an unconditioned sense: {bare}"


def test_light_verb_constructions_pick_their_own_code(lexicon: Lexicon) -> None:
    def codes_of(verb: str) -> set[str]:
        return {s.cameo for s in lexicon.verb_senses(verb)}

    assert {"046", "150", "141"} <= codes_of("hold")  # hold talks / drills / a protest
    assert {"163", "1723", "1724"} <= codes_of("impose")  # sanctions / curfew / martial law
    assert {"195", "190", "090"} <= codes_of("launch")  # airstrikes / an offensive / an investigation


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "plover", "cameo", "actor", "recipient"),
    [
        # light verbs with an object condition
        ("Germany held talks with Poland on border security.", "CONSULT", "046", "DEU", "POL"),
        ("Blinken paid a visit to Kyiv.", "CONSULT", "042", "USA", "UKR"),
        ("Hamas carried out an attack on Israel.", "ASSAULT", "190", "PSE", "ISR"),
        ("The European Union imposed sanctions on Iran.", "COERCE", "163", None, "IRN"),
        ("Mexico granted asylum to the former Bolivian president.", "AID", "075", "MEX", "BOL"),
        ("Israel and Hezbollah declared a ceasefire.", "RETREAT", "0871", "ISR", None),
        ("Pakistan lodged a formal complaint with India.", "ACCUSE", "114", "PAK", "IND"),
        ("Armenia put its army on high alert.", "MOBILIZE", "152", "ARM", None),
        ("The Houthis issued an ultimatum to Saudi Arabia.", "THREATEN", "139", "YEM", "SAU"),
        # verbs with a prepositional recipient or particle
        ("China accused the United States of espionage.", "ACCUSE", "1125", "CHN", "USA"),
        ("Russia withdrew its troops from Kherson.", "RETREAT", "0874", "RUS", None),
        ("Lebanon appealed to France for financial assistance.", "REQUEST", "023", "LBN", "FRA"),
        ("Niger cut diplomatic ties with Ukraine.", "SANCTION", "161", "NER", "UKR"),
        ("Israel called up 300,000 reservists.", "MOBILIZE", "154", "ISR", None),
        ("Venezuela turned down the Brazilian offer.", "REJECT", "120", "VEN", "BRA"),
        # specific objects choose the sub-code
        ("Germany sent weapons to Ukraine.", "AID", "072", "DEU", "UKR"),
        ("Japan pledged $2 billion in loans to Indonesia.", "AGREE", "0331", "JPN", "IDN"),
        ("Germany expelled two Russian diplomats.", "SANCTION", "166", "DEU", "RUS"),
        ("Iran refused to release the tanker.", "REJECT", "124", "IRN", None),
        # plain transitive verbs
        ("Spain recognized Palestine as a state.", "SUPPORT", "054", "ESP", "PSE"),
        ("Israel shared intelligence with Jordan.", "COOPERATE", "064", "ISR", "JOR"),
        ("The prime minister of Peru resigned after the protests.", "CONCEDE", "080", "PER", None),
        ("Thousands of Kenyans protested against the finance bill.", "PROTEST", "140", "KEN", None),
        # nominalisations: the actor is a possessor or an adjective, the recipient a preposition
        ("US sanctions on Venezuela hurt its oil exports.", "COERCE", "163", "USA", "VEN"),
        ("Russia's invasion of Ukraine began in 2022.", "ASSAULT", "190", "RUS", "UKR"),
        ("Biden's talks with Xi ended without a deal.", "CONSULT", "046", "USA", "CHN"),
        ("Japanese aid to Sri Lanka rose sharply.", "AID", "070", "JPN", "LKA"),
        ("Iran's threat against Israel alarmed markets.", "THREATEN", "130", "IRN", "ISR"),
        # re- forms of verbs that take it: the same act again
        ("Washington reimposed oil sanctions on Caracas.", "COERCE", "163", "USA", "VEN"),
        ("Russia redeployed troops to the border with Finland.", "MOBILIZE", "154", "RUS", "FIN"),
        # "provide X with Y": X receives; sums of money are economic aid; weapons offered are military aid
        ("The European Union will provide Egypt with 7.4 billion euros in loans.", "AID", "071", None, "EGY"),
        ("The United States offered weapons to Taiwan.", "AGREE", "0332", "USA", "TWN"),
    ],
)
def test_common_news_constructions_are_coded(
    pipeline: Pipeline,
    text: str,
    plover: str,
    cameo: str,
    actor: str | None,
    recipient: str | None,
) -> None:
    result = pipeline.analyze_one(Article.make(date=dt.date(2024, 5, 6), text=text))
    found = [
        (e.event, e.cameo, e.actor.country if e.actor else None, e.recipient.country if e.recipient else None)
        for e in result.events
    ]
    matching = [f for f in found if f[0] == plover and f[1] == cameo]
    assert matching, found
    if actor is not None:
        assert any(f[2] == actor for f in matching), found
    if recipient is not None:
        assert any(f[3] == recipient for f in matching), found
