"""The actors stage on real spaCy parses (marked `model`: loads en_core_web_sm)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.actors import ActorDictionary, find_mentions
from detente.actors.text import fold, split_alias
from detente.nlp import load_pipeline, parse_texts

pytestmark = pytest.mark.model
DATE = dt.date(2023, 7, 2)
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_5577dacb3e3c48cb.txt"


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def _found(dictionary: ActorDictionary, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    [doc] = parse_texts([text])
    return [(m.text, m.actor.id if m.actor else None, m.actor.country if m.actor else None,
             m.actor.sector if m.actor else None) for m in find_mentions(doc, dictionary, date=DATE)]


def test_seed_sentence_minsk_and_the_russian_military(dictionary: ActorDictionary) -> None:
    found = _found(dictionary, "With the outbreak of war, Minsk has made the national territory available "
                               "to the Russian military and hosts nuclear weapons of Moscow.")
    assert ("Minsk", "BLR", "BLR", "GOV") in found
    assert ("the Russian military", "RUS", "RUS", "MIL") in found
    assert ("Moscow", "RUS", "RUS", "GOV") in found


def test_seed_sentence_three_people(dictionary: ActorDictionary) -> None:
    found = _found(dictionary, "Lukashenko actively helped Putin to resolve the rebellion of Prigozhin.")
    assert found == [
        ("Lukashenko", "alexander-lukashenko", "BLR", "GOV"),
        ("Putin", "vladimir-putin", "RUS", "GOV"),
        ("Prigozhin", "yevgeny-prigozhin", "RUS", "MIL"),
    ]


def test_seed_possessives_and_the_kremlin(dictionary: ActorDictionary) -> None:
    found = _found(dictionary, "He says he personally stopped Wagner’s columns. As for Prigozhin’s rebellion, "
                               "he could arouse the ire of the Kremlin.")
    assert ("Wagner’s columns", "WAGNER", "RUS", "MIL") in found
    assert ("Prigozhin", "yevgeny-prigozhin", "RUS", "MIL") in found
    assert ("the Kremlin", "RUS", "RUS", "GOV") in found


def test_unknown_person_is_kept(dictionary: ActorDictionary) -> None:
    found = _found(dictionary, "Maria Kowalczyk met Sergei Lavrov in Moscow on Tuesday.")
    assert found[0] == ("Maria Kowalczyk", None, None, None)
    assert ("Sergei Lavrov", "sergei-lavrov", "RUS", "GOV") in found
    assert not [f for f in found if f[0] in ("Tuesday",)]


def test_aliases_split_like_spacy(dictionary: ActorDictionary) -> None:
    """Every alias is indexed as the tokens spaCy will produce, or the scan could never meet it."""
    tokenizer = load_pipeline().tokenizer
    aliases = {a for e in dictionary.entries.values() for a in (e.name, *e.aliases, *e.needs_the,
                                                                 *e.demonyms, *e.capitals)}
    aliases |= {a for s in dictionary.seats for a in (s.name, *s.aliases)}
    mismatched = [a for a in sorted(aliases) if split_alias(a) != [fold(t.text) for t in tokenizer(a)]]
    assert mismatched == []


@pytest.mark.shared
@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seeds is absent")
def test_seed_article_names_the_gold_actors(dictionary: ActorDictionary) -> None:
    text = SEED.read_text(encoding="utf-8").split("2023-07-02 ", 1)[1]
    [doc] = parse_texts([text])
    mentions = find_mentions(doc, dictionary, date=DATE)
    ids = {m.actor.id for m in mentions if m.actor}
    assert {"vladimir-putin", "alexander-lukashenko", "yevgeny-prigozhin", "WAGNER", "RUS", "BLR",
            "UNION_STATE", "CARNEGIE", "WEST"} <= ids
    by_text = {m.text: m.actor for m in mentions if m.actor}
    assert by_text["the Belarusian dictator"].sector == "GOV"
    assert by_text["Vladimir Putin"].id == "vladimir-putin"
