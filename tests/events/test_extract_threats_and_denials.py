"""Warnings of one's own force are threats; denials answer the accusation made before them; a relative
clause with its own subject is about its noun as object."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import AnalyzedArticle, Article
from detente.pipeline import Pipeline

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2024, 3, 4)


def analyze(pipeline: Pipeline, text: str) -> AnalyzedArticle:
    return pipeline.analyze_one(Article.make(date=PUBLISHED, text=text))


def coded(result: AnalyzedArticle) -> list[tuple[str | None, str, str | None, str | None, str]]:
    return [
        (e.actor and e.actor.country, e.event, e.cameo, e.recipient and e.recipient.country, e.modality)
        for e in result.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran warned that it could strike US bases in the region.", ("IRN", "THREATEN", "1384", "USA", "asserted")),
        ("North Korea warned it will launch more missiles.", ("PRK", "THREATEN", "1384", None, "asserted")),
    ],
)
def test_a_warning_of_ones_own_attack_is_a_threat(pipeline: Pipeline, text: str, expected: tuple[str, ...]) -> None:
    assert coded(analyze(pipeline, text)) == [expected]


def test_a_warning_of_someone_elses_attack_is_no_threat_by_the_one_who_warns(pipeline: Pipeline) -> None:
    events = coded(analyze(pipeline, "The US warned that Russia could invade Ukraine."))
    assert ("RUS", "ASSAULT", "190", "UKR", "hypothetical") in events
    assert not [e for e in events if e[1] == "THREATEN"]


def test_announcing_a_tariff_rise_is_not_a_threat(pipeline: Pipeline) -> None:
    events = coded(analyze(pipeline, "Trump announced that he will raise tariffs on Canadian steel."))
    assert not [e for e in events if e[1] == "THREATEN"]


def test_a_denial_of_involvement_answers_the_accuser(pipeline: Pipeline) -> None:
    text = "Moscow said Ukrainian forces had attacked the nuclear plant with drones. Kyiv denied any involvement."
    assert ("UKR", "REJECT", "120", "RUS", "asserted") in coded(analyze(pipeline, text))


def test_an_accusation_denied_in_a_relative_clause_is_rejected(pipeline: Pipeline) -> None:
    text = "Azerbaijan said Armenian forces had fired on its positions, an accusation Yerevan denied."
    result = analyze(pipeline, text)
    assert ("ARM", "REJECT", "120", "AZE", "asserted") in coded(result)
    [attack] = [e for e in result.events if e.event == "ASSAULT"]
    assert attack.where is not None and attack.where.name == "Azerbaijan"  # not "its"


def test_the_noun_a_relative_clause_is_about_is_its_object(pipeline: Pipeline) -> None:
    text = "The sanctions Washington imposed on Moscow have hurt its economy."
    assert ("USA", "COERCE", "163", "RUS", "asserted") in coded(analyze(pipeline, text))


def test_a_relative_clause_about_its_subject_takes_no_object(pipeline: Pipeline) -> None:
    text = "Egypt presents a ceasefire proposal to end the war, to which Israel agrees."
    assert not [e for e in analyze(pipeline, text).events if e.cameo == "0871"]


def test_denying_a_claim_rejects_whoever_made_it_even_about_themselves(pipeline: Pipeline) -> None:
    text = (
        "The Russian defence ministry says its forces have taken full control of Luhansk Oblast. "
        "The Ukrainian military denies this claim."
    )
    assert ("UKR", "REJECT", "120", "RUS", "asserted") in coded(analyze(pipeline, text))


def test_denying_ones_own_involvement_is_aimed_at_no_one_named(pipeline: Pipeline) -> None:
    text = "Iranian president Masoud Pezeshkian, who denies Iran's involvement, spoke to Ilham Aliyev."
    denials = [e for e in coded(analyze(pipeline, text)) if e[1] == "REJECT"]
    assert denials == [("IRN", "REJECT", "120", None, "asserted")]


def test_warning_ones_own_citizens_is_no_threat(pipeline: Pipeline) -> None:
    assert not analyze(pipeline, "New Zealand warns its citizens to leave Iran.").events


def test_threats_to_annex_are_one_threat_of_annexation(pipeline: Pipeline) -> None:
    text = "Denmark protested against Donald Trump's threats to annex Greenland."
    threats = [e for e in coded(analyze(pipeline, text)) if e[1] == "THREATEN"]
    assert [t[2] for t in threats] == ["1382"]


def test_recalling_an_ambassador_to_a_country_is_aimed_at_it(pipeline: Pipeline) -> None:
    text = "Russia recalls its ambassador to Armenia."
    assert ("RUS", "SANCTION", "161", "ARM", "asserted") in coded(analyze(pipeline, text))


def test_commitments_without_an_object_are_no_agreement(pipeline: Pipeline) -> None:
    text = "Russia cited concerns about its commitments within the Eurasian Economic Union."
    assert not [e for e in analyze(pipeline, text).events if e.event == "AGREE"]


def test_denying_involvement_in_something_else_answers_no_earlier_charge(pipeline: Pipeline) -> None:
    text = (
        "Russia accused Ukraine of shelling the plant. "
        "Separately, Hungary's prime minister denied any involvement in a bribery scheme."
    )
    assert ("HUN", "REJECT", "120", None, "asserted") in coded(analyze(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "The UN warned it could suspend aid deliveries in Gaza because of fuel shortages.",
        "The Kremlin warned that Russia could deploy nuclear weapons to Belarus.",
    ],
)
def test_a_warning_of_what_is_no_force_is_no_threat(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in coded(analyze(pipeline, text)) if e[1] == "THREATEN"]


def test_threatening_that_one_will_attack_is_one_threat(pipeline: Pipeline) -> None:
    assert coded(analyze(pipeline, "Iran threatened that it would attack Israel.")) == [
        ("IRN", "THREATEN", "1384", "ISR", "asserted")
    ]


def test_a_place_naming_a_document_is_no_party(pipeline: Pipeline) -> None:
    text = "Trump signed an order directing the U.S. to withdraw from the Paris Agreement."
    assert coded(analyze(pipeline, text)) == [("USA", "SANCTION", "160", None, "asserted")]
    assert [e[3] for e in coded(analyze(pipeline, "France condemned the Moscow court ruling."))] == ["RUS"]


def test_ratifying_a_domestic_law_is_no_agreement(pipeline: Pipeline) -> None:
    assert not analyze(pipeline, "President Mohamed Muizzu ratifies the Media and Broadcasting Regulation Law.").events
    assert [e[2] for e in coded(analyze(pipeline, "Turkey ratified the Istanbul Convention in 2012."))] == ["057"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The UN General Assembly votes to pass a resolution condemning Russia's war against Ukraine.",
         ("IGO", "ACCUSE", "111", "RUS", "asserted")),
        ("The Gulf Cooperation Council issued a statement condemning the Iranian attacks.",
         ("IGO", "ACCUSE", "111", "IRN", "asserted")),
    ],
)
def test_what_a_resolution_or_statement_does_its_author_does(
    pipeline: Pipeline, text: str, expected: tuple[str, ...]
) -> None:
    events = [((e.actor and (e.actor.country or e.actor.sector)), e.event, e.cameo, e.recipient and e.recipient.country,
               e.modality) for e in analyze(pipeline, text).events]
    assert expected in events


@pytest.mark.parametrize(
    "text", ["Kuwait handed Iran's envoy a protest note.", "Russia used attack helicopters against the rebels."]
)
def test_an_event_word_describing_a_thing_is_no_event_of_its_own(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in analyze(pipeline, text).events if e.event in {"PROTEST", "ASSAULT"} and
                e.trigger in {"protest", "attack"}]


def test_attacks_targeting_someone_are_one_attack(pipeline: Pipeline) -> None:
    text = "The council condemned the Iranian attacks targeting Gulf states."
    assert [e[1] for e in coded(analyze(pipeline, text))].count("ASSAULT") == 1


def test_who_announces_a_suspension_suspends(pipeline: Pipeline) -> None:
    text = "Donald Trump announced the suspension of the trade talks with Canada."
    [suspension] = [e for e in analyze(pipeline, text).events if e.trigger == "suspension"]
    assert suspension.actor is not None and suspension.actor.country == "USA"
    assert suspension.recipient is not None and suspension.recipient.country == "CAN"


@pytest.mark.parametrize(
    "text",
    [
        "Russia vetoed a resolution condemning its annexation of four Ukrainian regions.",
        "Hungary opposed a joint statement condemning Russia.",
    ],
)
def test_who_vetoes_or_opposes_a_text_does_not_do_what_it_says(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in coded(analyze(pipeline, text)) if e[2] == "111"]


def test_a_letters_named_author_is_its_actor(pipeline: Pipeline) -> None:
    text = "The Kremlin dismissed a letter from Zelensky calling for peace talks."
    assert [e[0] for e in coded(analyze(pipeline, text)) if e[1] == "REQUEST"] == ["UKR"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia confirmed the attack on its Engels airbase.",
        "The Kremlin confirmed the expulsion of its diplomats from Poland.",
        "Rubio announces the release of Nufer from prison in Belarus.",
    ],
)
def test_who_confirms_or_reports_an_act_did_not_do_it(pipeline: Pipeline, text: str) -> None:
    result = analyze(pipeline, text)
    assert not [e for e in result.events if e.actor is not None and e.actor.country in {"RUS", "USA"}]


def test_receiving_refugees_is_no_visit(pipeline: Pipeline) -> None:
    assert not [e for e in analyze(pipeline, "Poland received Ukrainian refugees.").events if e.event == "CONSULT"]


def test_ratifying_a_partnership_with_a_country_is_an_agreement(pipeline: Pipeline) -> None:
    text = "Russia ratified the strategic partnership with North Korea."
    assert coded(analyze(pipeline, text)) == [("RUS", "SUPPORT", "057", "PRK", "asserted")]


def test_a_countrys_name_on_a_deal_is_a_party(pipeline: Pipeline) -> None:
    assert coded(analyze(pipeline, "Serbia rejected the Kosovo agreement.")) == [
        ("SRB", "REJECT", "127", "XKX", "asserted")
    ]


def test_protests_against_a_leader_abroad_are_not_his_peoples(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Tens of thousands marched against Trump in London.")
    assert not [e for e in result.events if e.actor is not None and e.actor.country == "USA"]


def test_a_deals_brokers_released_no_one(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "The hostages were released with a deal by Qatar and Egypt.")
    assert not [e for e in result.events if e.event == "RETREAT" and e.actor is not None]


def test_only_those_of_state_receive_visitors(pipeline: Pipeline) -> None:
    text = "Carroll received the party's nomination over two other contenders: candidate Joshua Perkins and Joe Smith."
    assert not [e for e in analyze(pipeline, text).events if e.event == "CONSULT"]
