"""Glued words are split only where both halves are known; real words and names are never split."""

from __future__ import annotations

import pytest

from detente.repair import apply_repairs
from detente.repair.glue import GluedWords
from detente.repair.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def glue() -> GluedWords:
    names = ["Prigozhin", "Shraibman", "Belarus", "Belarusian", "Biden", "Tsikhanouskaya", "Gazprom"]
    return GluedWords(Vocabulary.build(actor_names=names, with_gazetteer=False))


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("the rebellion of Prigozhinexplaining that", "the rebellion of Prigozhin explaining that"),
        ("Artyom ShraibmanBelarusian political analyst", "Artyom Shraibman Belarusian political analyst"),
        ("issues in Belarusreturns to fatto.it", "issues in Belarus returns to fatto.it"),
        ("Bidensaid on Monday", "Biden said on Monday"),
        ("the governmentannounced new rules", "the government announced new rules"),
        ("thenew policy", "the new policy"),
        ("due to be held onApril 23", "due to be held on April 23"),
        ("the Security council said", "the Security council said"),
        ("killed in the Straitof Hormuz", "killed in the Strait of Hormuz"),
        ("a meeting of the SecurityCouncil today", "a meeting of the Security Council today"),
        ("the deathtoll rose", "the death toll rose"),
        ("Seven people died. Eighteenpeople are hurt.", "Seven people died. Eighteen people are hurt."),
        ("The SDFsays it has lost control", "The SDF says it has lost control"),  # an acronym, then a word
        ("at the NATOsummit in Vilnius", "at the NATO summit in Vilnius"),
        ("a bomb detonated by the British Armyin Plymouth", "a bomb detonated by the British Army in Plymouth"),
        ("The Transitional Councilseizes control of Aden", "The Transitional Council seizes control of Aden"),
        ("Belarusexpels two diplomats", "Belarus expels two diplomats"),  # a known name, then a verb
        ("A ballisticmissile hits the port", "A ballistic missile hits the port"),  # two long words
    ],
)
def test_glued_pairs_are_split(glue: GluedWords, text: str, repaired: str) -> None:
    repairs = glue.find(text)
    if text == repaired:
        assert repairs == []
        return
    assert len(repairs) == 1 and repairs[0].kind == "glued"
    assert apply_repairs(text, repairs).text == repaired
    assert text[repairs[0].start:repairs[0].end] == repairs[0].original


@pytest.mark.parametrize(
    "text",
    [
        "Tsikhanouskaya met Gazprom officials",  # rare names
        "McDonald and DeSantis met iPhone users on YouTube and WhatsApp",  # camel-case names and brands
        "nowhere another within became hereby warlike meantime",  # real words made of two words
        "#NATOsummit e-mail user@example.org #hashtag www.fatto.it",  # tags, addresses
        "NGOs and CEOs say DJing is OKed; IQAir ranks",  # an acronym's plural or suffix; a brand
        "Jama'at Nasr al-Islam wal Muslimin (JNIM); the airline Smartwings, a subsidiary",  # before punctuation
        "Petraeus Suleiman Zinichev Mahmud Kupfer",  # unknown names that are not pairs
        "QatarEnergy and TotalEnergies signed; MarineTraffic reports",  # brands on the keep list
        "a megaprison, superspreading, a microreactor and robotaxis",  # prefixes make one word
        "Kazakhstanis vote; Israelis and Pakistanis too",  # plural demonyms end in "is"
        "an email from www.fatto.it and fatto.it",  # addresses
    ],
)
def test_real_words_and_names_are_left_alone(glue: GluedWords, text: str) -> None:
    assert glue.find(text) == []
