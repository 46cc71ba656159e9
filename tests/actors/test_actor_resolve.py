"""The resolver over hand-built parses: names, metonyms, demonym + role phrases, unknown entities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from detente.actors import ActorDictionary, find_mentions
from detente.actors.spans import ResolveContext
from detente.models import Entity, Mention, ParsedDoc, Sentence, Token

DATE = dt.date(2023, 7, 2)


def make_doc(spec: str, entities: Sequence[tuple[str, int, int]] = ()) -> ParsedDoc:
    """A one-sentence ParsedDoc from "text|POS|dep|head[|lemma]" items; "~" glues to the previous."""
    text, tokens = "", []
    for i, item in enumerate(spec.split()):
        glued = item.startswith("~")
        word, pos, dep, head, *lemma = item.lstrip("~").split("|")
        if tokens and glued:
            tokens[-1] = replace(tokens[-1], ws=False)
        elif tokens:
            text += " "
        start = len(text)
        text += word
        tokens.append(Token(i, word, lemma[0] if lemma else word.lower(), pos, pos, dep, int(head),
                            start, len(text), 0))
    ents = tuple(Entity(label, s, e, tokens[s].start, tokens[e - 1].end, text[tokens[s].start:tokens[e - 1].end])
                 for label, s, e in entities)
    return ParsedDoc(text, tuple(tokens), (Sentence(0, 0, len(tokens), 0, len(text), text),), ents)


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def resolve(dictionary: ActorDictionary, doc: ParsedDoc) -> list[tuple[str, str | None, str | None, str | None, str]]:
    mentions = find_mentions(doc, dictionary, date=DATE)
    for m in mentions:
        assert m.text == doc.text[m.start:m.end]
        assert m.token_start <= m.head < m.token_end
    return [(m.text, m.actor.id if m.actor else None, m.actor.country if m.actor else None,
             m.actor.sector if m.actor else None, m.how) for m in mentions]


def test_seed_minsk_and_the_russian_military(dictionary: ActorDictionary) -> None:
    doc = make_doc("Minsk|PROPN|nsubj|2 has|AUX|aux|2 made|VERB|ROOT|2 the|DET|det|5 national|ADJ|amod|5 "
                   "territory|NOUN|nsubj|6 available|ADJ|ccomp|2 to|ADP|prep|6 the|DET|det|10 "
                   "Russian|ADJ|amod|10 military|NOUN|pobj|7", [("GPE", 0, 1), ("NORP", 9, 10)])
    assert resolve(dictionary, doc) == [
        ("Minsk", "BLR", "BLR", "GOV", "metonym"),
        ("the Russian military", "RUS", "RUS", "MIL", "role"),
    ]
    assert find_mentions(doc, dictionary, date=DATE)[1].head == 10


def test_seed_three_people_even_when_spacy_calls_prigozhin_a_place(dictionary: ActorDictionary) -> None:
    doc = make_doc("Lukashenko|PROPN|nsubj|2 actively|ADV|advmod|2 helped|VERB|ROOT|2 Putin|PROPN|dobj|2 "
                   "to|PART|aux|5 resolve|VERB|xcomp|2 the|DET|det|7 rebellion|NOUN|dobj|5 of|ADP|prep|7 "
                   "Prigozhin|PROPN|pobj|8", [("PERSON", 0, 1), ("PERSON", 3, 4), ("GPE", 9, 10)])
    assert resolve(dictionary, doc) == [
        ("Lukashenko", "alexander-lukashenko", "BLR", "GOV", "alias"),
        ("Putin", "vladimir-putin", "RUS", "GOV", "alias"),
        ("Prigozhin", "yevgeny-prigozhin", "RUS", "MIL", "alias"),
    ]


def test_possessives(dictionary: ActorDictionary) -> None:
    columns = make_doc("he|PRON|nsubj|1 stopped|VERB|ROOT|1 Wagner|PROPN|poss|4 ~’s|PART|case|2 "
                       "columns|NOUN|dobj|1|column")
    assert resolve(dictionary, columns) == [("Wagner’s columns", "WAGNER", "RUS", "MIL", "alias")]
    rebellion = make_doc("as|ADP|prep|0 for|ADP|prep|0 Prigozhin|PROPN|poss|4 ~’s|PART|case|2 "
                         "rebellion|NOUN|pobj|1")
    assert resolve(dictionary, rebellion) == [("Prigozhin", "yevgeny-prigozhin", "RUS", "MIL", "alias")]
    army = make_doc("Russia|PROPN|poss|2 ~'s|PART|case|0 army|NOUN|ROOT|2")
    assert resolve(dictionary, army) == [("Russia's army", "RUS", "RUS", "MIL", "role")]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("the|DET|det|3 Belarusian|ADJ|amod|3 political|ADJ|amod|3 analyst|NOUN|ROOT|3",
         ("the Belarusian political analyst", "BLR", "CVL")),
        ("the|DET|det|2 Belarusian|ADJ|amod|2 dictator|NOUN|ROOT|2", ("the Belarusian dictator", "BLR", "GOV")),
        ("Russian|ADJ|amod|1 troops|NOUN|nsubj|2|troop attacked|VERB|ROOT|2", ("Russian troops", "RUS", "MIL")),
        ("the|DET|det|3 Chinese|ADJ|amod|3 foreign|ADJ|amod|3 ministry|NOUN|nsubj|4 said|VERB|ROOT|4",
         ("the Chinese foreign ministry", "CHN", "GOV")),
        ("US|PROPN|compound|1 troops|NOUN|ROOT|1|troop", ("US troops", "USA", "MIL")),
        ("the|DET|det|2 Minsk|PROPN|compound|2 dictator|NOUN|ROOT|2", ("the Minsk dictator", "BLR", "GOV")),
    ],
)
def test_demonym_or_name_with_role_noun(dictionary: ActorDictionary, spec: str,
                                        expected: tuple[str, str, str]) -> None:
    [(text, actor_id, _, sector, how)] = resolve(dictionary, make_doc(spec))
    assert (text, actor_id, sector, how) == (*expected, "role")


def test_bare_demonym_on_a_plain_noun_is_the_country(dictionary: ActorDictionary) -> None:
    doc = make_doc("with|ADP|ROOT|0 the|DET|det|3 Belarusian|ADJ|amod|3 economy|NOUN|pobj|0")
    assert resolve(dictionary, doc) == [("Belarusian", "BLR", "BLR", None, "demonym")]


def test_seats_and_capitals(dictionary: ActorDictionary) -> None:
    kremlin = make_doc("the|DET|det|1 ire|NOUN|ROOT|1 of|ADP|prep|1 the|DET|det|4 Kremlin|PROPN|pobj|2")
    assert resolve(dictionary, kremlin) == [("the Kremlin", "RUS", "RUS", "GOV", "metonym")]
    place = make_doc("talks|NOUN|ROOT|0 in|ADP|prep|0 Minsk|PROPN|pobj|1")
    assert resolve(dictionary, place) == [("Minsk", "BLR", "BLR", None, "metonym")]


def test_case_article_and_blocked_phrases(dictionary: ActorDictionary) -> None:
    assert resolve(dictionary, make_doc("he|PRON|nsubj|1 told|VERB|ROOT|1 us|PRON|dobj|1")) == []
    assert resolve(dictionary, make_doc("West|PROPN|compound|1 Africa|PROPN|ROOT|1")) == []
    the_west = make_doc("with|ADP|ROOT|0 the|DET|det|2 West|PROPN|pobj|0")
    assert resolve(dictionary, the_west) == [("the West", "WEST", None, "IGO", "exact")]
    assert resolve(dictionary, make_doc("in|ADP|ROOT|0 Latin|PROPN|compound|2 America|PROPN|pobj|0")) == []
    assert resolve(dictionary, make_doc("the|DET|det|1 parties|NOUN|ROOT|1|party")) == []


def test_a_name_written_in_lower_case_is_still_a_name_where_spacy_reads_one(dictionary: ActorDictionary) -> None:
    obama = make_doc("President|PROPN|compound|1 obama|PROPN|nsubj|2 spoke|VERB|ROOT|2", [("PERSON", 1, 2)])
    assert [m[1] for m in resolve(dictionary, obama)] == ["barack-obama"]
    rioters = make_doc("tunisian|ADJ|amod|1 rioters|NOUN|ROOT|1", [("NORP", 0, 1)])
    assert [m[1] for m in resolve(dictionary, rioters)] == ["TUN"]
    # A common noun: no entity, or a determiner before it.
    assert resolve(dictionary, make_doc("a|DET|det|1 turkey|NOUN|ROOT|1")) == []
    shop = make_doc("the|DET|det|2 china|PROPN|compound|2 shop|NOUN|ROOT|2", [("GPE", 1, 2)])
    assert resolve(dictionary, shop) == []


def test_multi_token_names_win(dictionary: ActorDictionary) -> None:
    doc = make_doc("Vladimir|PROPN|compound|1 Putin|PROPN|nsubj|2 met|VERB|ROOT|2 the|DET|det|5 "
                   "Union|PROPN|compound|5 State|PROPN|dobj|2")
    assert resolve(dictionary, doc) == [
        ("Vladimir Putin", "vladimir-putin", "RUS", "GOV", "exact"),
        ("the Union State", "UNION_STATE", None, "IGO", "exact"),
    ]


def test_org_name_continues_over_its_full_title(dictionary: ActorDictionary) -> None:
    doc = make_doc("at|ADP|ROOT|0 the|DET|det|3 Carnegie|PROPN|compound|3 Endowment|PROPN|pobj|0 "
                   "for|ADP|prep|3 Russian|ADJ|amod|8 and|CCONJ|cc|5 Eurasian|PROPN|conj|5 Studies|PROPN|pobj|4")
    assert resolve(dictionary, doc) == [
        ("the Carnegie Endowment for Russian and Eurasian Studies", "CARNEGIE", None, "NGO", "alias"),
    ]


def test_unknown_entities_are_kept_without_id(dictionary: ActorDictionary) -> None:
    doc = make_doc("John|PROPN|compound|1 Smith|PROPN|nsubj|2 met|VERB|ROOT|2 Putin|PROPN|dobj|2 in|ADP|prep|2 "
                   "2020|NUM|pobj|4", [("PERSON", 0, 2), ("PERSON", 3, 4), ("DATE", 5, 6)])
    mentions = find_mentions(doc, dictionary, date=DATE)
    assert [(m.text, m.how) for m in mentions] == [("John Smith", "unknown"), ("Putin", "alias")]
    smith = mentions[0].actor
    assert smith is not None and (smith.id, smith.name, smith.country, smith.kind) == (
        None, "John Smith", None, "person")
    assert mentions[0].head == 1


def test_unknown_org_guesses_country_and_sector_inside_it(dictionary: ActorDictionary) -> None:
    doc = make_doc("Belarusian|ADJ|amod|1 Railways|PROPN|nsubj|2 said|VERB|ROOT|2", [("ORG", 0, 2)])
    assert resolve(dictionary, doc) == [("Belarusian Railways", None, "BLR", None, "unknown")]
    post = make_doc("the|DET|det|2 Kyiv|PROPN|compound|2 Independent|PROPN|ROOT|2", [("ORG", 0, 3)])
    assert resolve(dictionary, post) == [("the Kyiv Independent", None, None, None, "unknown")]


def test_fuzzy_match_is_conservative(dictionary: ActorDictionary) -> None:
    for name, actor in (("Zelenskky", "volodymyr-zelensky"), ("Prigozhine", "yevgeny-prigozhin"),
                        ("Lukashenco", "alexander-lukashenko")):
        [(_, actor_id, _, _, how)] = resolve(dictionary, make_doc(f"{name}|PROPN|ROOT|0", [("PERSON", 0, 1)]))
        assert (actor_id, how) == (actor, "fuzzy"), name
    for name, label in (("Putnam", "PERSON"), ("Austrai", "GPE"), ("Georgiana", "GPE"), ("Zelenko", "PERSON"),
                        ("Mosca", "GPE"), ("Makron", "PERSON"), ("Tiana", "GPE"), ("Styria", "GPE")):
        [(_, actor_id, _, _, how)] = resolve(dictionary, make_doc(f"{name}|PROPN|ROOT|0", [(label, 0, 1)]))
        assert (actor_id, how) == (None, "unknown"), name
    austria = make_doc("Austria|PROPN|ROOT|0", [("GPE", 0, 1)])
    assert resolve(dictionary, austria) == [("Austria", "AUT", "AUT", None, "exact")]


def test_user_actor_is_found_in_text(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("- {id: sense, name: Sense Analytics, kind: company, country: BLR, sector: BUS}\n",
                    encoding="utf-8")
    dictionary = ActorDictionary.load(user_file=user)
    doc = make_doc("the|DET|det|2 agency|NOUN|compound|3 Sense|PROPN|compound|3 Analytics|PROPN|ROOT|3",
                   [("ORG", 2, 4)])
    assert resolve(dictionary, doc) == [("Sense Analytics", "sense", "BLR", "BUS", "exact")]


def test_passes_can_be_extended(dictionary: ActorDictionary) -> None:
    seen: list[int] = []

    def coref(ctx: ResolveContext, mentions: list[Mention]) -> list[Mention]:
        seen.append(len(mentions))
        return [*mentions, ctx.mention(0, 1, None, "coref")]

    from detente.actors import DEFAULT_PASSES

    doc = make_doc("He|PRON|nsubj|1 met|VERB|ROOT|1 Putin|PROPN|dobj|1")
    mentions = find_mentions(doc, dictionary, date=DATE, passes=(*DEFAULT_PASSES, coref))
    assert seen == [1] and [m.how for m in mentions] == ["coref", "alias"]



def test_a_nationality_in_lower_case_before_a_noun_is_still_that_country(dictionary: ActorDictionary) -> None:
    doc = make_doc("the|DET|det|2 russian|ADJ|amod|2 troops|NOUN|nsubj|3 attacked|VERB|ROOT|3 "
                   "ukrainian|ADJ|amod|5 positions|NOUN|dobj|3")
    assert [(text, country) for text, _, country, _, _ in resolve(dictionary, doc)] == [
        ("the russian troops", "RUS"), ("ukrainian", "UKR")]
    doc = make_doc("they|PRON|nsubj|1 polish|VERB|ROOT|1 the|DET|det|3 boots|NOUN|dobj|1")
    assert resolve(dictionary, doc) == []


def test_the_conjuncts_of_a_token_are_its_whole_list() -> None:
    doc = make_doc("Penza|PROPN|ROOT|0 ,|PUNCT|punct|0 Samara|PROPN|conj|0 and|CCONJ|cc|2 "
                   "Rostov|PROPN|conj|2")
    assert [t.text for t in doc.conjuncts(0)] == ["Samara", "Rostov"]
    assert doc.conjuncts(4) == []
