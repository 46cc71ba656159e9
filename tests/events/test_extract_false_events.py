"""Sentences that state no political event, or fewer than a naive coder would find: accidents and
disasters, reports of one's own announcement, vows and investigations of nothing coded."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import AnalyzedArticle, Article
from detente.pipeline import Pipeline

pytestmark = pytest.mark.model


def analyze(pipeline: Pipeline, text: str) -> AnalyzedArticle:
    return pipeline.analyze_one(Article.make(date=dt.date(2025, 2, 3), text=text))


@pytest.mark.parametrize(
    "text",
    [
        "Eleven people are killed in a landslide in Sumatra, Indonesia.",
        "Nine migrants are killed when their boat capsizes off Lampedusa, Italy.",
        "Three people are killed and 23 others are injured in a fire at a hotel in Bolu, Turkey.",
        "Six people are killed after a bus falls into a gorge near Shimla, India.",
        "Investigators in Canada are investigating the accident.",
        "Brazil vows to take the matter to the World Trade Organization.",
        "A Mw 6.3 earthquake strikes Esmeraldas, Ecuador, shutting down power and injuring 32 people.",
        "At least 126 people are killed when a magnitude 7.1 earthquake strikes Tingri County, China.",
        "Three people are killed and 15 others are injured by storm surges off the coast of Tenerife, Spain.",
        "At least 30 people are killed in a crowd crush at a festival in Prayagraj, India.",
        "At least 50 people are killed after a boat carrying refugees catches fire off the coast of Libya.",
        "Five people are killed when a suspension bridge deck tilts at a scenic spot in Xinjiang, China.",
        "The volcanology institute raises the alert level of the Mayon volcano in Luzon to three.",
        "A strong earthquake strikes off Chiapas, Mexico. Tsunami warnings are issued.",
    ],
)
def test_no_political_event(pipeline: Pipeline, text: str) -> None:
    assert analyze(pipeline, text).events == ()


def test_a_killing_by_someone_is_still_an_attack(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Nine villagers are killed by gunmen in Zamfara, Nigeria.")
    assert [e.event for e in result.events] == ["ASSAULT"]


def test_announcing_an_arrest_is_the_arrest_only(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Thai authorities announce they arrested a Cambodian smuggler.")
    assert [(e.event, e.trigger) for e in result.events] == [("COERCE", "arrested")]


def test_a_claim_about_ones_own_unit_accuses_no_one(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Israeli forces claim that their Golani Brigade destroyed a tunnel in Rafah.")
    assert not [e for e in result.events if e.event == "ACCUSE"]


def test_an_act_one_does_without_is_denied(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Hamas rejects a truce without an Israeli withdrawal from Gaza.")
    withdrawal = [e for e in result.events if e.trigger == "withdrawal"]
    assert withdrawal and withdrawal[0].modality == "negated"


def test_a_surname_shared_with_a_known_leader_is_not_that_leader(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Colombian senator Miguel Uribe Turbay was shot at a rally in Bogotá.")
    names = {m.actor.name for m in result.mentions if m.actor is not None}
    assert "Álvaro Uribe" not in names


def test_an_event_hosted_in_ones_own_capital_has_no_guest(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Armenia and Azerbaijan sign a peace deal in Washington, hosted by Donald Trump.")
    hosting = [e for e in result.events if e.cameo in {"042", "043"}]
    assert all(e.recipient is None for e in hosting)


@pytest.mark.parametrize(
    "text",
    [
        "At least 50 people are injured when two trams collide in Strasbourg, France.",
        "A police helicopter crashes near Lahore, Pakistan, killing all four crew members.",
        "Chile deploys 1,400 firefighters to fight wildfires in Valparaíso.",
        "At least 40 people are injured due to the fires near Haifa.",
        "Seven fishermen drowned because of the storm.",
        "Nine people are killed, 10 others are trapped and some escape in a fire at a chemical factory in Pune.",
        "The government closes all schools as Typhoon Kajiki makes landfall, killing four people and injuring "
        "thirteen others.",
        "Air defences intercepted seven drones over Erbil.",
        "A 7.7 magnitude earthquake strikes Sagaing, Myanmar. Over 1,000 people are killed in Myanmar.",
        "Evacuations are ordered in Ethiopia due to volcanic tremor and other unrest at Mount Fentale.",
    ],
)
def test_no_event_in_accidents_and_disasters(pipeline: Pipeline, text: str) -> None:
    assert analyze(pipeline, text).events == ()


def test_a_speakers_participle_clause_is_not_the_speakers_act(pipeline: Pipeline) -> None:
    text = "Sudan's army chief accuses the RSF of an attack on El Fasher, killing 30 civilians."
    result = analyze(pipeline, text)
    assert not [e for e in result.events if e.trigger == "killing" and e.actor and e.actor.country == "SDN"
                and e.actor.sector == "MIL"]


def test_harm_when_someone_attacks_names_the_attackers(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Three Palestinians are injured when Israeli settlers attack a village near Ramallah.")
    injured = [e for e in result.events if e.trigger == "injured"]
    assert injured and injured[0].actor is not None and injured[0].actor.country == "ISR"


def test_his_relatives_are_not_him(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Zelensky says his grandparents were killed by a Russian drone strike in Kyiv.")
    killed = [e for e in result.events if e.trigger == "killed"]
    assert killed and (killed[0].recipient is None or killed[0].recipient.name != "Volodymyr Zelensky")


def test_a_hunger_strike_is_a_protest_and_attacks_no_one(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Jailed Egyptian activist Alaa Abd el-Fattah continues his hunger strike in Cairo.")
    assert [(e.event, e.cameo) for e in result.events if e.trigger == "strike"] == [("PROTEST", "142")]
    assert not [e for e in result.events if e.event == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Opposition groups demand Prime Minister Ali Zaidi's resignation.",
        "Exiled crown prince Reza Pahlavi calls for a resurgence in protests across Iran.",
    ],
)
def test_what_is_demanded_has_not_happened(pipeline: Pipeline, text: str) -> None:
    result = analyze(pipeline, text)
    assert not [e for e in result.events if e.trigger in {"resignation", "protests"} and e.modality == "asserted"]


def test_what_an_accusation_is_of_is_not_its_author(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Cambodian officials deny allegations of involvement in Lim Kimya's death.")
    assert not [e for e in result.events if e.actor is not None and e.actor.name == "Lim Kimya"]


def test_a_place_of_no_known_country_does_not_stand_for_the_people_in_it(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Spanish police arrest eleven suspects in Lanzarote.")
    arrest = [e for e in result.events if e.trigger == "arrest"]
    assert arrest and (arrest[0].recipient is None or arrest[0].recipient.name != "Lanzarote")


@pytest.mark.parametrize(
    "text",
    [
        "Three people are killed when an avalanche hits a ski resort in Panticosa, Spain.",
        "Eleven people are killed and eleven others are injured after a bus and a truck collide head-on near Pelotas.",
        "Five people are killed, another is injured and power outages are reported during a major snowstorm in Linz.",
        "A court convicts Airbus over the 2009 crash of Air France Flight 447, which killed 228 people.",
    ],
)
def test_deaths_caused_by_disasters_and_crashes_are_no_attacks(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in analyze(pipeline, text).events if e.event == "ASSAULT"]


def test_someone_found_shot_dead_did_not_shoot(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Pakistani businessman Mir Raza Ali Khan is found shot dead in Karachi.")
    assert not [e for e in result.events if e.actor is not None and e.actor.name and "Khan" in e.actor.name]


def test_a_casualty_report_naming_an_attacker_is_still_an_attack(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Six people are killed when gunmen open fire after a bus crashes near Zamfara, Nigeria.")
    assert [e.event for e in result.events if e.trigger == "killed"] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Obama will attend a summit on the unrest in Iran.",
        "Obama will attend a summit in Switzerland on the unrest in Iran.",
        "The ministers gave a briefing about the protests in Tehran.",
    ],
)
def test_what_a_meeting_is_about_is_no_event_it_reports(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in analyze(pipeline, text).events if e.event == "PROTEST"]


def test_the_toll_of_an_accident_told_the_sentence_before_is_no_attack(pipeline: Pipeline) -> None:
    text = "A ferry ran aground off Sulawesi after colliding with rocks. Three people were killed."
    assert analyze(pipeline, text).events == ()
    attack = analyze(pipeline, "Gunmen stormed a village in Zamfara. Twelve people were killed.")
    assert [e for e in attack.events if e.trigger == "killed"]


def test_a_finite_clause_hung_on_a_noun_is_not_about_that_noun(pipeline: Pipeline) -> None:
    text = "The Houthis report that twelve people are killed in airstrikes on a market in Sanaa."
    killed = [e for e in analyze(pipeline, text).events if e.trigger == "killed"]
    assert killed and all(e.recipient is None or e.recipient.name != "Houthis" for e in killed)


def test_what_one_is_urged_to_help_do_is_not_done(pipeline: Pipeline) -> None:
    text = "Donald Trump calls on his allies to help lift the blockade of the Strait of Hormuz."
    assert [e.event for e in analyze(pipeline, text).events] == ["REQUEST"]


def test_a_casualty_report_in_two_clauses_is_one_attack(pipeline: Pipeline) -> None:
    text = "Five Azerbaijani sailors are killed and three others are injured in a Ukrainian drone attack."
    assert [(e.actor and e.actor.country, e.cameo, e.recipient and e.recipient.country)
            for e in analyze(pipeline, text).events] == [("UKR", "195", "AZE")]


def test_artillery_fire_is_no_accident(pipeline: Pipeline) -> None:
    text = "Ten Palestinians are killed and 18 others are injured in artillery fire in Gaza City."
    assert [e.event for e in analyze(pipeline, text).events if e.trigger == "killed"] == ["ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were killed in a helicopter crash in Kenya.",
        "Stocks rallied in Tokyo on Monday.",
        "He protested his innocence in a court in Ankara.",
    ],
)
def test_crashes_markets_and_personal_protests_are_no_political_events(pipeline: Pipeline, text: str) -> None:
    assert analyze(pipeline, text).events == ()


def test_reacting_to_an_attack_is_not_making_it(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Israel condemned the attack that killed three Israelis in Jerusalem.")
    assert not [e for e in result.events if e.event == "ASSAULT" and e.actor is not None and e.actor.country == "ISR"]


def test_a_wave_of_airstrikes_is_still_an_attack(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "A wave of Israeli airstrikes killed 30 people in Gaza.")
    assert [(e.actor and e.actor.country, e.recipient and e.recipient.country) for e in result.events
            if e.trigger == "killed"] == [("ISR", "PSE")]


def test_a_parliament_ousting_a_speaker_is_no_coercion(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Republicans ousted House Speaker Kevin McCarthy.")
    assert not [e for e in result.events if e.event == "COERCE"]


def test_a_second_attack_later_in_the_sentence_is_its_own_event(pipeline: Pipeline) -> None:
    text = "Russia attacked Ukraine on Monday, and Russian forces attacked a convoy near the border."
    assert len([e for e in analyze(pipeline, text).events if e.trigger == "attacked"]) == 2


def test_advancing_progress_is_no_military_advance(pipeline: Pipeline) -> None:
    text = "Congo and Rwanda agreed to take steps to ease tensions and advance progress on the ground."
    assert not [e for e in analyze(pipeline, text).events if e.event == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "The execution of Russia's war plan faltered in Kherson.",
        "The shooting of the film in Kenya was delayed.",
        "Armed men attacked a village in Burkina Faso.",
    ],
)
def test_things_and_armed_men_are_no_victims_or_civilians(pipeline: Pipeline, text: str) -> None:
    events = analyze(pipeline, text).events
    assert not [e for e in events if e.actor is not None and e.actor.sector == "CVL"]
    assert not [e for e in events if e.actor is None and e.recipient is not None and e.recipient.kind == "country"]


def test_a_court_striking_down_a_law_attacks_no_one(pipeline: Pipeline) -> None:
    text = "Senegal's Constitutional Council strikes down a parliamentary bill on presidential powers."
    assert [e.event for e in analyze(pipeline, text).events] == ["REJECT"]


def test_half_of_a_hyphenated_word_is_no_event_word(pipeline: Pipeline) -> None:
    text = "A Nigerian court grants bail to former justice minister Abubakar Malami and two co-accused."
    assert not [e for e in analyze(pipeline, text).events if e.trigger == "accused"]


def test_a_past_relative_clause_of_time_is_a_fact_not_an_intention(pipeline: Pipeline) -> None:
    text = ("The prime minister says that she will seek an early election after leading a minority government "
            "since January, when she was expelled from her party.")
    assert not [e for e in analyze(pipeline, text).events if e.event == "THREATEN"]


def test_a_named_militant_killed_in_a_strike_is_not_a_soldier_abroad(pipeline: Pipeline) -> None:
    text = "The Israeli military says Hamas militant Muhammad Jandiya has been killed in an airstrike in Gaza."
    assert not [e for e in analyze(pipeline, text).events if e.actor is not None and e.actor.country == "PSE"]


def test_a_crash_toll_hung_on_an_arrest_is_no_attack_by_the_police(pipeline: Pipeline) -> None:
    text = "Bolivian police arrest the pilot of a cargo plane that crashed near El Alto, killing 22 people."
    assert [e.event for e in analyze(pipeline, text).events] == ["COERCE"]


def test_fire_with_a_side_is_no_accident(pipeline: Pipeline) -> None:
    found = analyze(pipeline, "Three soldiers were killed due to Israeli fire.").events
    assert [(e.actor and e.actor.country, e.event) for e in found] == [("ISR", "ASSAULT")]


def test_shooting_fire_stays_an_attack(pipeline: Pipeline) -> None:
    found = analyze(pipeline, "Two people were killed when soldiers opened fire on protesters in Nairobi.").events
    assert "ASSAULT" in {e.event for e in found}


def test_a_group_name_inside_a_persons_name_is_that_person(pipeline: Pipeline) -> None:
    text = "Congolese Foreign Minister Thérèse Kayikwamba Wagner calls on Western firms to cut deals with Rwanda."
    names = {m.actor.name for m in analyze(pipeline, text).mentions if m.actor is not None}
    assert "Wagner Group" not in names and "Thérèse Kayikwamba Wagner" in names


def test_a_capitalised_word_before_a_group_keeps_the_group(pipeline: Pipeline) -> None:
    text = "Suspected Al-Shabaab gunmen abduct five village chiefs in Kenya's Mandera County."
    names = {m.actor.name for m in analyze(pipeline, text).mentions if m.actor is not None}
    assert "al-Shabaab" in names


def test_drilling_for_minerals_is_no_military_drill(pipeline: Pipeline) -> None:
    text = "Japan announces it has begun drilling and retrieving deep-sea sediment near Minamitorishima."
    assert analyze(pipeline, text).events == ()


@pytest.mark.parametrize(
    "text",
    [
        "Poland is rearming its army with South Korean tanks.",  # to rearm is no supply to another
        "The Bank of England sought to reassure investors after the budget.",
        "Erdogan discussed the war between Israel and Hamas in a phone call.",  # a war is no talks to host
        "Blinken visited the crossing between Egypt and Gaza on Tuesday.",
    ],
)
def test_review_cases_that_are_no_events_between_these_sides(pipeline: Pipeline, text: str) -> None:
    found = analyze(pipeline, text).events
    sides = {"ISR", "PSE", "EGY"}
    assert not [e for e in found if e.event in {"AID", "AGREE"} or (e.recipient and e.recipient.country in sides)]


def test_what_someone_is_asked_to_stop_doing_is_not_the_askers_act(pipeline: Pipeline) -> None:
    found = analyze(pipeline, "The UN asked Israel to pause its strikes and let aid trucks into Gaza.").events
    assert not [e for e in found if e.event == "ASSAULT" and e.actor and e.actor.name == "United Nations"]


def test_a_leaders_announcement_of_his_countrys_act_is_one_event(pipeline: Pipeline) -> None:
    found = analyze(pipeline, "Macron announced France's withdrawal of troops from Niger.").events
    assert len([e for e in found if e.event == "RETREAT"]) == 1


def test_a_crash_of_a_countrys_aircraft_is_still_an_accident(pipeline: Pipeline) -> None:
    assert analyze(pipeline, "Fourteen people were killed in a Russian helicopter crash in Kamchatka.").events == ()


def test_a_missile_named_like_a_storm_is_still_a_weapon(pipeline: Pipeline) -> None:
    found = analyze(pipeline, "Storm Shadow killed nine Russian officers in Sevastopol, Kyiv said.").events
    assert [e.event for e in found if e.trigger == "killed"] == ["ASSAULT"]


def test_in_charge_of_is_no_charge(pipeline: Pipeline) -> None:
    text = "The general in charge of the Russian offensive in Kharkiv was dismissed on Monday."
    assert [e.modality for e in analyze(pipeline, text).events if e.trigger == "offensive"] == ["asserted"]


def test_what_an_arrested_man_carries_is_no_recipient(pipeline: Pipeline) -> None:
    [arrest] = analyze(pipeline, "Police in Kenya arrested a man carrying a Ugandan passport.").events
    assert arrest.recipient is None or arrest.recipient.country != "UGA"


def test_a_disease_outbreak_that_killed_is_no_attack(pipeline: Pipeline) -> None:
    text = ("Health authorities launch a vaccination program after an outbreak that occurred at the University "
            "of Kent in Kent, England, which has killed two people.")
    assert not [e for e in analyze(pipeline, text).events if e.event == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Spain's Civil Guard seizes 30 tonnes of cocaine on a cargo ship off the Canary Islands.",
        "At least 22 people are killed as Tropical Storm Wipha hits the Philippines and South Korea.",
        "Storm Claudia hits Portugal, killing three people.",
    ],
)
def test_drug_seizures_and_named_storms_are_no_political_events(pipeline: Pipeline, text: str) -> None:
    assert analyze(pipeline, text).events == ()


def test_no_one_accuses_itself(pipeline: Pipeline) -> None:
    text = "Russia designates news outlet Mediazona a foreign agent, accusing it of publishing false information."
    [accusation] = [e for e in analyze(pipeline, text).events if e.event == "ACCUSE"]
    assert accusation.recipient is None or accusation.recipient.sector != "GOV"


def test_drones_shot_down_with_no_sender_named_aim_at_no_one(pipeline: Pipeline) -> None:
    assert analyze(pipeline, "The Russian military says it shot down at least 121 drones overnight.").events == ()


def test_the_island_is_not_whichever_country_was_the_subject(pipeline: Pipeline) -> None:
    text = "China launched military drills around Taiwan. The island's defence ministry condemned the drills."
    [condemned] = [e for e in analyze(pipeline, text).events if e.trigger == "condemned"]
    assert condemned.actor is not None and condemned.actor.country == "TWN"
