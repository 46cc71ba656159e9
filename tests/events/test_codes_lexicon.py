"""The CAMEO table and the event lexicon load, validate and say what is wrong when they are bad."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.events.codes import CodeTable
from detente.events.lexicon import Lexicon
from detente.models import PLOVER_TYPES


@pytest.fixture(scope="module")
def codes() -> CodeTable:
    return CodeTable.load()


def test_every_plover_type_is_reachable_from_some_cameo_code(codes: CodeTable) -> None:
    assert {c.plover for c in codes.codes() if c.plover} == set(PLOVER_TYPES)


def test_quad_class_follows_cameo_roots(codes: CodeTable) -> None:
    assert codes.get("057").quad_class == 1
    assert codes.get("062").quad_class == 2
    assert codes.get("112").quad_class == 3
    assert codes.get("190").quad_class == 4


def test_sanctions_code_keeps_its_codebook_meaning_and_score(codes: CodeTable) -> None:
    sanctions = codes.get("163")
    assert sanctions.name == "Impose embargo, boycott, or sanctions"
    assert sanctions.goldstein == -8.0
    assert sanctions.plover == "COERCE"


def test_appeals_are_requests_and_statements_have_no_plover_type(codes: CodeTable) -> None:
    assert codes.get("020").plover == "REQUEST"
    assert codes.get("010").plover == ""


def test_unknown_code_is_a_data_error(codes: CodeTable) -> None:
    with pytest.raises(DataFileError, match="9999"):
        codes.get("9999")


def test_bundled_lexicon_loads_with_senses_for_every_plover_type(codes: CodeTable) -> None:
    lexicon = Lexicon.load(codes)
    assert lexicon.size > 150
    covered = set()
    for word in ("agree", "meet", "sign", "cooperate", "help", "release", "accuse", "demand", "reject",
                 "threaten", "protest", "mobilize", "arrest", "attack", "abandon", "concede"):
        covered.update(codes.get(s.cameo).plover for s in lexicon.verb_senses(word))
    assert covered == set(PLOVER_TYPES)


def test_specific_senses_come_before_general_ones(codes: CodeTable) -> None:
    senses = Lexicon.load(codes).verb_senses("offer")
    assert senses[0].cameo == "075" and "asylum" in senses[0].objects


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("- {verb: meet, cameo: '9999'}", "unknown CAMEO code"),
        ("- {verb: say, cameo: '010'}", "no PLOVER event type"),
        ("- {verb: meet, noun: meeting, cameo: '040'}", "exactly one of"),
        ("- {verb: meet, cameo: '040', colour: red}", "unknown keys"),
        ("- {verb: release, cameo: '084', not_object: file}", "must be lists"),
    ],
)
def test_bad_lexicon_entries_are_named(tmp_path: Path, codes: CodeTable, entry: str, message: str) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text(f"senses:\n  {entry}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as caught:
        Lexicon.load(codes, path)
    assert str(path) in str(caught.value) and "#1" in str(caught.value)


def test_an_unquoted_yaml_boolean_is_caught(tmp_path: Path, codes: CodeTable) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text("senses:\n  - {verb: impose, cameo: '163', recipient: [on, against]}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="quote it"):
        Lexicon.load(codes, path)


def test_intent_codes_map_acts_to_their_intentions() -> None:
    from detente.events.codes import CodeTable, IntentCodes

    intents = IntentCodes.load(CodeTable.load())
    assert intents.intended("0841", hostile=False) == "0353"  # release prisoners → intent to release
    assert intents.intended("042", hostile=False) == "036"  # visit → intent to meet
    assert intents.intended("195", hostile=True) == "1384"  # air strike → threaten conventional attack
    assert intents.intended("090", hostile=False) is None  # an investigation has no intention code


def test_intent_codes_reject_a_code_outside_its_family(tmp_path: Path) -> None:
    from detente.errors import DataFileError
    from detente.events.codes import CodeTable, IntentCodes

    bad = tmp_path / "intent_codes.yaml"
    bad.write_text('cooperation: {"04": "190"}\nthreat: {}\nrefusal: {}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="an intention here is a 03 code"):
        IntentCodes.load(CodeTable.load(), bad)


def test_a_refusal_to_cooperate_is_a_rejection_code() -> None:
    from detente.events.codes import CodeTable, IntentCodes

    intents = IntentCodes.load(CodeTable.load())
    assert (intents.refused("0841"), intents.refused("046"), intents.refused("062")) == ("124", "125", "1212")
    assert intents.refused("190") is None  # refusing to attack is no rejection


def test_attack_means_map_weapons_to_military_force_codes(codes: CodeTable) -> None:
    from detente.events.codes import AttackMeans

    means = AttackMeans.load(codes)
    assert means.weapons["missile"] == "195" and means.weapons["artillery"] == "194"
    assert "protester" in means.rioters and "190" in means.recode


@pytest.mark.parametrize(
    "text, message",
    [
        ('recode: ["180"]\nweapons: {missile: "180"}\nrioters: [mob]\n', "CAMEO 19 code"),
        ('recode: ["999"]\nweapons: {}\nrioters: []\n', "`recode` must list CAMEO codes"),
        ('weapons: {}\nrioters: []\n', "expected `recode:`"),
    ],
)
def test_bad_attack_means_are_named(tmp_path: Path, codes: CodeTable, text: str, message: str) -> None:
    from detente.events.codes import AttackMeans

    bad = tmp_path / "means.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        AttackMeans.load(codes, bad)


def test_a_not_object_keeps_its_sense_from_matching(tmp_path: Path, codes: CodeTable) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text("senses:\n  - {verb: release, cameo: '084', not_object: [file, report]}\n", encoding="utf-8")
    [sense] = Lexicon.load(codes, path).verb_senses("release")
    assert sense.not_objects == frozenset({"file", "report"})



def test_a_re_form_of_a_listed_verb_has_its_senses(codes: CodeTable) -> None:
    lexicon = Lexicon.load(codes)
    assert [s.cameo for s in lexicon.verb_senses("reimpose", "reimposed")] == [
        s.cameo for s in lexicon.verb_senses("impose")
    ]
    assert lexicon.verb_senses("rearrest", "rearrested") == lexicon.verb_senses("arrest")
    # re- makes another word of verbs not listed: "represent" is no presentation of evidence
    assert lexicon.verb_senses("represent", "represented") == []
    assert lexicon.verb_senses("replace", "replaced") == []


def test_again_must_name_verbs_of_the_lexicon(tmp_path: Path, codes: CodeTable) -> None:
    path = tmp_path / "verbs.yaml"
    path.write_text("again: [impose, fly]\nsenses:\n  - {verb: impose, cameo: '163'}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="no sense: fly") as caught:
        Lexicon.load(codes, path)
    assert str(path) in str(caught.value)
