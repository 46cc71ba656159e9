"""Event coding on single sentences, through the real pipeline (spaCy model)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.models import AnalyzedArticle, Article, Event
from detente.pipeline import Pipeline

pytestmark = pytest.mark.model
PUBLISHED = dt.date(2023, 7, 2)


def analyze(pipeline: Pipeline, text: str) -> AnalyzedArticle:
    return pipeline.analyze_one(Article.make(date=PUBLISHED, text=text))


def only(result: AnalyzedArticle, event: str) -> Event:
    found = [e for e in result.events if e.event == event]
    assert len(found) == 1, [(e.event, e.cameo, e.trigger) for e in result.events]
    return found[0]


def countries(event: Event) -> tuple[str | None, str | None]:
    return (event.actor.country if event.actor else None, event.recipient.country if event.recipient else None)


def test_coordinated_actors_signing_is_one_reciprocal_event(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Moscow and Minsk have signed 28 roadmaps to deepen integration.")
    event = only(result, "SUPPORT")
    assert (event.cameo, event.reciprocal, event.modality) == ("057", True, "asserted")
    assert set(countries(event)) == {"RUS", "BLR"}
    assert event.goldstein == 8.0 and event.quad_class == 1


def test_a_purpose_clause_is_an_aim_not_a_fact(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Moscow and Minsk have signed 28 roadmaps to deepen integration.")
    assert all(e.modality != "asserted" for e in result.events if e.trigger == "deepen")


def test_could_not_is_a_denial(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "For several years, Russia and Belarus could not come to an agreement.")
    event = only(result, "AGREE")
    assert event.modality == "negated" and event.reciprocal


def test_will_is_future(pipeline: Pipeline) -> None:
    event = only(analyze(pipeline, "I think Putin will somehow thank Lukashenko."), "SUPPORT")
    assert event.modality == "future"
    assert (event.actor and event.actor.name, event.recipient and event.recipient.name) == (
        "Vladimir Putin", "Alexander Lukashenko",
    )


def test_maybe_is_hypothetical(pipeline: Pipeline) -> None:
    event = only(analyze(pipeline, "Maybe Putin will force Lukashenko to resign."), "COERCE")
    assert event.modality == "hypothetical"
    assert countries(event) == ("RUS", "BLR")


def test_reported_speech_is_claimed_by_the_speaker_and_pronouns_are_resolved(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Lukashenko spoke on Saturday. He says he personally stopped Wagner's columns.")
    event = only(result, "COERCE")
    assert event.modality == "claimed"
    assert event.claimed_by is not None and event.claimed_by.name == "Alexander Lukashenko"
    assert event.actor is not None and event.actor.name == "Alexander Lukashenko"
    assert event.recipient is not None and event.recipient.name == "Wagner Group"


def test_passive_without_agent_keeps_an_unknown_actor(pipeline: Pipeline) -> None:
    event = only(analyze(pipeline, "New sanctions have been imposed on Belarus."), "COERCE")
    assert event.actor is None and event.recipient is not None and event.recipient.country == "BLR"
    assert event.cameo == "163"


def test_event_time_and_place_come_from_the_clause(pipeline: Pipeline) -> None:
    event = only(analyze(pipeline, "In 2020, Russian troops attacked rebels in Aleppo."), "ASSAULT")
    assert (event.when.start, event.when.end, event.when.granularity) == ("2020", "2020", "year")
    assert event.where is not None and event.where.name == "Aleppo" and event.where.country == "SYR"
    assert event.actor is not None and (event.actor.country, event.actor.sector) == ("RUS", "MIL")


def test_without_a_date_the_event_gets_the_publication_date(pipeline: Pipeline) -> None:
    event = only(analyze(pipeline, "Russia attacked Ukraine."), "ASSAULT")
    assert (event.when.start, event.when.granularity) == ("2023-07-02", "publication")


def test_no_actor_no_event(pipeline: Pipeline) -> None:
    assert analyze(pipeline, "Somebody attacked somebody else.").events == ()


def test_evidence_offsets_point_into_the_original_text(pipeline: Pipeline) -> None:
    text = "Talks stalled.  Then   Moscow and Minsk have signed 28 roadmaps.\n\nRussia attacked Ukraine."
    result = analyze(pipeline, text)
    assert len(result.events) == 2
    for event in result.events:
        for evidence in event.evidence:
            assert text[evidence.start:evidence.end] == evidence.text
            assert result.sentences[evidence.sentence].start <= evidence.start


def test_the_same_event_stated_twice_is_one_event_with_two_evidence_spans(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Russia attacked Ukraine. Later that day Russia attacked Ukraine again.")
    assert len(result.events) == 1
    assert len(result.events[0].evidence) == 2


def test_an_event_told_by_its_verb_and_then_its_noun_is_one_event(pipeline: Pipeline) -> None:
    text = "The Indian education minister Dharmendra Pradhan resigns. His resignation surprised Delhi."
    resignations = [e for e in analyze(pipeline, text).events if e.event == "CONCEDE"]
    assert len(resignations) == 1 and len(resignations[0].evidence) == 2


def test_since_in_a_comparison_does_not_date_the_event(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Russia launches the largest drone attack on Ukraine since the start of the war.")
    assert only(result, "ASSAULT").when.granularity == "publication"


def test_saying_another_attacked_is_an_accusation(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "The US said that Iraq had attacked Kuwait.")
    attack = only(result, "ASSAULT")
    assert (countries(attack), attack.modality) == (("IRQ", "KWT"), "claimed")
    accusation = only(result, "ACCUSE")
    assert (countries(accusation), accusation.modality, accusation.cameo) == (("USA", "IRQ"), "asserted", "112")
    assert accusation.trigger == "said"


def test_a_claim_of_ones_own_act_or_a_news_report_accuses_nobody(pipeline: Pipeline) -> None:
    own = analyze(pipeline, "Lukashenko says he personally stopped Wagner's columns.")
    assert not [e for e in own.events if e.event == "ACCUSE"]
    reported = analyze(pipeline, "Russian troops attacked Kharkiv overnight, Reuters reported.")
    assert not [e for e in reported.events if e.event == "ACCUSE"]


def test_coordinated_names_meet_each_other(pipeline: Pipeline) -> None:
    event = only(analyze(pipeline, "Barack Obama and Vladimir Putin will meet in Zurich."), "CONSULT")
    assert event.reciprocal and set(countries(event)) == {"USA", "RUS"}


def test_an_announced_intention_is_an_event_of_its_own(pipeline: Pipeline) -> None:
    promise = only(analyze(pipeline, "Israel announced it would free 150 Palestinian prisoners."), "AGREE")
    assert (countries(promise), promise.cameo, promise.modality) == (("ISR", "PSE"), "0353", "asserted")
    pledge = only(analyze(pipeline, "Russia pledged to send humanitarian aid to Syria."), "AGREE")
    assert (countries(pledge), pledge.cameo) == (("RUS", "SYR"), "0333")
    threat = only(analyze(pipeline, "Iran wants to attack Israel."), "THREATEN")
    assert (countries(threat), threat.cameo, threat.modality) == (("IRN", "ISR"), "1384", "asserted")


def test_a_scheduled_act_stays_the_act_in_the_future(pipeline: Pipeline) -> None:
    event = only(analyze(pipeline, "Putin will visit Minsk next week."), "CONSULT")
    assert event.modality == "future" and event.cameo.startswith("04")


def test_saying_another_must_act_is_a_demand_of_it(pipeline: Pipeline) -> None:
    demand = only(analyze(pipeline, "The United States said Israel must stop the settlements."), "REQUEST")
    assert (countries(demand), demand.modality, demand.cameo) == (("USA", "ISR"), "asserted", "10")
    conditional = only(
        analyze(pipeline, "Moscow decided to act, saying that if Belarus wants cheap gas, more integration is needed."),
        "REQUEST",
    )
    assert countries(conditional) == ("RUS", "BLR")


def test_an_obligation_of_ones_own_or_from_nobody_is_no_demand(pipeline: Pipeline) -> None:
    for text in ("Germany said it must act.", "Analysts say Russia should negotiate."):
        assert all(e.event != "REQUEST" for e in analyze(pipeline, text).events), text


def test_drills_held_together_are_cooperation_and_alone_a_show_of_force(pipeline: Pipeline) -> None:
    joint = only(analyze(pipeline, "Chinese and Russian warships held joint naval drills."), "COOPERATE")
    assert set(countries(joint)) == {"CHN", "RUS"} and joint.cameo == "062"
    alone = only(analyze(pipeline, "Russia held naval drills near Japan."), "MOBILIZE")
    assert countries(alone) == ("RUS", "JPN")


def test_coordinated_nationalities_on_one_noun_are_two_actors(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "US and British activists protested outside the embassy.")
    assert sorted(e.actor.country for e in result.events if e.event == "PROTEST" and e.actor) == ["GBR", "USA"]


def test_a_relation_stated_with_an_adjective_relates_the_subjects(pipeline: Pipeline) -> None:
    relation = only(analyze(pipeline, "The Russian and Belarusian armies are practically intertwined."), "COOPERATE")
    assert set(countries(relation)) == {"RUS", "BLR"} and relation.reciprocal


def test_barter_resumed_supplies_and_withdrawn_bills(pipeline: Pipeline) -> None:
    barter = only(analyze(pipeline, "North Korea and Russia exchanged artillery shells for oil."), "COOPERATE")
    assert set(countries(barter)) == {"PRK", "RUS"}
    resumed = only(analyze(pipeline, "Russia did not resume gas deliveries to Germany."), "COOPERATE")
    assert (countries(resumed), resumed.modality) == (("RUS", "DEU"), "negated")
    withdrawn = only(analyze(pipeline, "The Georgian government withdrew the foreign agents bill."), "CONCEDE")
    assert withdrawn.actor is not None and withdrawn.actor.country == "GEO"


def test_a_role_of_a_place_takes_the_places_country(pipeline: Pipeline) -> None:
    freed = only(analyze(pipeline, "Israel released the mayor of the West Bank city of Nablus."), "RETREAT")
    assert countries(freed) == ("ISR", "PSE")
    expelled = only(analyze(pipeline, "Qatar has expelled exiled leaders of Egypt's Muslim Brotherhood."), "COERCE")
    assert countries(expelled) == ("QAT", "EGY")


def test_a_passive_attack_names_its_agent_through_its_means(pipeline: Pipeline) -> None:
    attack = only(analyze(pipeline, "Four children were killed in Israeli tank shelling on Friday."), "ASSAULT")
    assert countries(attack)[0] == "ISR"
    unknown = only(analyze(pipeline, "Three soldiers were killed in a roadside bombing in Kabul."), "ASSAULT")
    assert unknown.actor is None


def test_claiming_responsibility_for_an_attack_makes_the_claimant_its_author(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Al-Shabab claimed responsibility for a deadly attack at a mall in Kenya's capital.")
    attack = only(result, "ASSAULT")
    assert countries(attack) == ("SOM", "KEN") and attack.actor is not None and attack.actor.id == "AL_SHABAAB"


def test_attending_an_event_abroad_is_a_visit_to_its_host(pipeline: Pipeline) -> None:
    visit = only(analyze(pipeline, "Obama will attend a summit in Switzerland."), "CONSULT")
    assert (countries(visit), visit.cameo) == (("USA", "CHE"), "042")


def test_fire_from_a_place_comes_from_that_place(pipeline: Pipeline) -> None:
    result = analyze(pipeline, "Israel said a mortar bomb was fired at it from the Gaza Strip.")
    assert countries(only(result, "ASSAULT")) == ("PSE", "ISR")
    assert countries(only(result, "ACCUSE")) == ("ISR", "PSE")


def test_they_under_a_country_saying_is_that_country(pipeline: Pipeline) -> None:
    attack = only(analyze(pipeline, "The US claimed that they had attacked Iraq."), "ASSAULT")
    assert (countries(attack), attack.modality) == (("USA", "IRQ"), "claimed")


def test_a_facility_in_a_country_stands_for_it_and_pressure_comes_from_its_source(pipeline: Pipeline) -> None:
    probe = only(analyze(pipeline, "IAEA inspectors want to examine the sites in Iran."), "ACCUSE")
    assert countries(probe)[1] == "IRN"
    pressure = only(analyze(pipeline, "Obama faces pressure from Congress."), "REQUEST")
    assert pressure.actor is not None and (pressure.actor.country, pressure.actor.sector) == ("USA", "LEG")
    assert pressure.recipient is not None and pressure.recipient.id == "barack-obama"


def test_people_named_by_role_where_an_act_happens_are_locals_on_either_side(pipeline: Pipeline) -> None:
    detained = only(analyze(pipeline, "Dozens of journalists have been detained in Belarus."), "COERCE")
    assert countries(detained) == (None, "BLR")
    assert detained.recipient is not None and detained.recipient.sector == "MED"


def test_an_obligation_is_not_a_fact(pipeline: Pipeline) -> None:
    assert only(analyze(pipeline, "Israel has to release the prisoners."), "RETREAT").modality == "hypothetical"
    used = only(analyze(pipeline, "They have different commands, but Russia is using Belarusian bases."), "COOPERATE")
    assert used.modality == "asserted"


def test_goods_from_a_country_stand_for_it(pipeline: Pipeline) -> None:
    tariffs = only(analyze(pipeline, "Donald Trump announces 10% tariffs on goods imported from China."), "COERCE")
    assert countries(tariffs) == ("USA", "CHN")


def test_an_announced_refusal_is_a_rejection_and_a_plain_denial_is_not(pipeline: Pipeline) -> None:
    refusal = only(analyze(pipeline, "Obama said he would not provide support to Israel."), "REJECT")
    assert (countries(refusal), refusal.modality, refusal.cameo[:2]) == (("USA", "ISR"), "asserted", "12")
    reported = only(analyze(pipeline, "Kyiv said Moscow would not withdraw its troops."), "REJECT")
    assert (reported.modality, reported.claimed_by and reported.claimed_by.country) == ("claimed", "UKR")
    plain = analyze(pipeline, "Russia did not release the prisoners.")
    assert [e.modality for e in plain.events if e.event == "RETREAT"] == ["negated"]
    assert all(e.event != "REJECT" for e in plain.events)


def test_accidents_attack_nobody_and_weapons_are_fired_by_someone(pipeline: Pipeline) -> None:
    crash = analyze(pipeline, "Dozens of passengers were killed by the Malaysia Airlines crash in Ukraine.")
    assert all(e.event != "ASSAULT" for e in crash.events)
    hit = only(analyze(pipeline, "The town was hit by a Russian missile."), "ASSAULT")
    assert countries(hit)[0] == "RUS"


def test_a_side_taken_is_not_a_nationality(pipeline: Pipeline) -> None:
    attack = only(analyze(pipeline, "Pro-Russian separatists attacked the town."), "ASSAULT")
    assert attack.actor is not None and attack.actor.country is None


def test_a_description_next_to_a_name_is_that_named_actor(pipeline: Pipeline) -> None:
    text = "The Somali militant group al-Shabab claimed responsibility for an attack."
    attack = only(analyze(pipeline, text), "ASSAULT")
    assert attack.actor is not None and attack.actor.id == "AL_SHABAAB"
    clash = only(analyze(pipeline, "Somali troops and al-Shabab fighters clashed."), "ASSAULT")
    assert {clash.actor and clash.actor.id, clash.recipient and clash.recipient.id} == {"SOM", "AL_SHABAAB"}


def test_the_gulf_state_is_the_country_just_named_and_a_reduced_relative_is_presupposed(pipeline: Pipeline) -> None:
    text = ("Qatar has pledged to expel the leaders as a condition of an agreement forced on the wealthy Gulf "
            "state by Saudi Arabia.")
    forced = next(e for e in analyze(pipeline, text).events if e.trigger == "forced")
    assert (countries(forced), forced.modality) == (("SAU", "QAT"), "asserted")
    ambiguous = analyze(pipeline, "Talks between Russia and Ukraine failed. The country has new laws.")
    assert all(m.how != "coref" or m.text != "The country" for m in ambiguous.mentions)
